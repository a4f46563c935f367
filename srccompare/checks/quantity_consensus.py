"""The consensus on a story's quantities and dates, shared by number_conflict (``numbers``) and
date_conflict (``dates``).

A mention (``quantities.Mention``) is in conflict when the aligned passages of other sources give
the same role a value its interval does not allow, and at least two of them agree on that value,
outnumbering the sources that agree with it. A mention is corroborated as soon as another source
gives a compatible value in a compatible role; a different quantity in the same passage (17
trading partners out of 18 relationships) is a different role, not a disagreement
(``role_score``). A figure exactly one other source contradicts is flagged only when the evidence
says which side slipped (``lone_flags``). A passage the alignment's extra passes paired only
loosely with this one (``Group.loose``) is a paraphrase, not a copy: its figures count like those
found elsewhere in the story, except the one that measures the same thing (``paraphrase_witness``).

Both kinds are judged by that one consensus, computed once per run (``story_quantities``): a date
is read and judged like a figure, and a source's slips of either kind say how far to trust it.

In: ``CheckContext``. Out: ``StoryQuantities`` (the majority flags of both kinds, the one-against-one
pairs left to decide) and ``lone_flags``.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import math
import operator
import re
import weakref
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Iterable, Iterator, Sequence

from srccompare.checks.base import CheckContext, Contest, make_flag, span_of
from srccompare.checks.lexicon import lang_of, zipf
from srccompare.checks.quantities import (
    BARE, DURATION, IN_BASE_UNITS, Mention, YEAR_MARK, add_calendar, event_words, mark_leads, mentions_in,
    publication_days, settle_glued_metres, settle_separators, settle_slash_dates, unit_stems,
)
from srccompare.models import Flag, Group, Kind, Passage, Severity, Span


MAX_COUNTERPART_SOURCES = 40
"""Other sources consulted per mention: enough for a clear majority, bounded for huge groups."""

MIN_ROLE_SCORE = 0.22
"""How alike the words around two mentions in aligned passages must be for them to count as the
same quantity (``role_score``)."""

MIN_STORY_CONTEXT = 0.15
"""A counterpart outside the aligned passages must share this much of its surrounding words
(``context_similarity``): "15 countries" in one sentence and "the two countries" in another are
different quantities even though both count countries."""

FIT_MARGIN = 0.25
"""A counterpart that agrees with a mention corroborates it when its role score is at most this much
below the source's best counterpart (two about equally likely counterparts: benefit of the doubt)."""

ALIGNED_BONUS = 0.1
"""What being in passages the alignment put together adds to a role score. A counterpart found
elsewhere in the story needs this much more similarity instead."""

MAX_EVIDENCE = 6
"""Evidence spans given with a flag at most."""

OWN_RESTATEMENT = 0.5
"""How alike two clauses of one source giving two figures of one noun must be to state one
quantity twice (then the figure that differs from the others' slipped)."""

BARE_SUPPORT = 0.3
"""How alike the clause of a figure printed without a counted noun ("two were killed when …") must
be to a count's clause for it to support that count."""

LEAD_BONUS = 0.2
"""What being the first weekday of both sources adds to a role score (see ``mark_leads``)."""

ANCHOR_CLASH = 0.5
"""What different event words right next to two dates take off their role score: "arrested on
Sunday" and "will appear before a prosecutor on Monday" date two events of one sentence. Not for
two leads (``mark_leads``): a lead's event verb often stands further away ("signed an agreement in
Accra on Friday to channel …")."""


# --------------------------------------------------------------------------------------------
# Comparing mentions across aligned passages
# --------------------------------------------------------------------------------------------


def consistent(a: Mention, b: Mention) -> bool:
    """Whether two mentions of the same unit can both be true: equal values, or overlapping
    intervals when either is hedged or a range."""
    if a.unit == "weekday":
        # A weekday names one of the days another source's pair or span names ("on Wednesday"
        # beside "on Tuesday and Wednesday"), and a span covers the days inside it ("from Friday
        # to Monday" / "on Saturday and Sunday"): one side names fewer of the same days. Two sets
        # of days neither of which holds the other ("on Saturday and Sunday" / "on Sunday and
        # Monday") name different days, however many they share.
        return bool(a.value) and bool(b.value) and (a.value <= b.value or b.value <= a.value)  # type: ignore[operator]
    if a.unit == "date" and a.through and b.through:
        # Two spans of days ("from 3 to 13 July" / "July 3 to 11") state one stretch of time when
        # both ends agree: a span that merely overlaps the other has another first or last day.
        return a.value == b.value and a.through == b.through
    if a.unit == "date" and (a.through or b.through):
        # A span of days ("from 21 to 23 April") allows every day in it.
        a_hi, b_hi = a.through or a.value, b.through or b.value
        return a.value <= b_hi and b.value <= a_hi  # type: ignore[operator]
    if a.unit in ("date", "year", "month", "century", "clock"):
        return a.value == b.value
    if a.hedge == b.hedge:
        # Worded alike ("at least 23" / "at least 32", "up to $2,500" / "up to $25,000"): the
        # figures themselves must agree, or one must be the other rounded the way its hedge
        # rounds ("some 600 workstations" / "around 620 computers").
        return (math.isclose(a.lo, b.lo, rel_tol=1e-9, abs_tol=1e-9)
                and math.isclose(a.hi, b.hi, rel_tol=1e-9, abs_tol=1e-9)) or rounded_alike(a, b)
    tol = 1e-9 + 1e-6 * max(abs(a.lo), abs(b.lo))
    return a.lo <= b.hi + tol and b.lo <= a.hi + tol


ROUNDING_GAP = 0.1
"""The most a rounded figure may differ from the one it rounds, as a share of the larger: "about
1 billion" is no rounding of "about 1.4 billion" though 1.4 rounds to 1."""


def figure_precision(x: float) -> float:
    """The place of a figure's last significant digit: 100 for 600, 10 for 620, 0.1 for 7.2 and
    100,000 for 1.5 million (printed 1500000)."""
    digits = _printed(abs(x))
    whole, _, frac = digits.partition(".")
    frac = frac.rstrip("0")
    if frac:
        return 10.0 ** -len(frac)
    stripped = whole.rstrip("0")
    return 10.0 ** (len(whole) - len(stripped)) if stripped else 1.0


def rounded_alike(a: Mention, b: Mention) -> bool:
    """Whether two approximate figures ("about", "some", "roughly") are one quantity rounded to two
    precisions: the rounder one is the other rounded to its last digit ("about 600" / "around
    620", "roughly 308" / "about 310"), and no more than ``ROUNDING_GAP`` from it. A figure that
    is no rounding of the other ("about 4,300" / "about 4,500", "about 230" / "about 320") still
    disagrees. Bounds are not roundings: "at least 7,002" is no way to print "at least 7,000".
    In: two mentions of one quantity unit; out: the verdict."""
    if a.hedge != "about" or b.hedge != "about" or a.is_date \
            or not isinstance(a.value, float) or not isinstance(b.value, float):
        return False
    pa, pb = figure_precision(a.value), figure_precision(b.value)
    if pa == pb or abs(a.value - b.value) > ROUNDING_GAP * max(abs(a.value), abs(b.value)):
        return False
    rounder, precise, step = (a.value, b.value, pa) if pa > pb else (b.value, a.value, pb)
    return math.isclose(math.floor(precise / step + 0.5) * step, rounder, rel_tol=1e-9, abs_tol=1e-9)


def context_similarity(a: Mention, b: Mention) -> float:
    """How alike the words around two mentions are, in [0, 1]: Jaccard of the clause words for a
    quantity; cosine of the sentence words for a date (two sentences on one event differ in many
    words)."""
    if a.is_date:
        shared = len(a.context & b.context)
        return shared / math.sqrt(len(a.context) * len(b.context)) if a.context and b.context else 0.0
    return _jaccard(a.context, b.context)


def _jaccard(x: frozenset[str], y: frozenset[str]) -> float:
    union = x | y
    return len(x & y) / len(union) if union else 0.0


def _words_beyond_noun(a: Mention, b: Mention) -> float:
    """``context_similarity`` without the nouns the two figures count: found elsewhere in the
    story, "worked 35 years in the hospitals" and "rise to 20% over two years" share only their
    noun, which every figure of years has; the words around them must match besides it."""
    nouns = {a.head, b.head}
    if a.is_date or not (nouns & a.context & b.context):
        return context_similarity(a, b)
    return _jaccard(a.context - nouns, b.context - nouns)


def role_score(a: Mention, b: Mention, a_total: int, b_total: int) -> float:
    """How likely two mentions of the same unit state the same quantity, roughly in [0, 1]: the
    words around them, the noun they count, their rank among the passage's mentions of that unit,
    and digits that look like a slip of the other (41,200 / 412,000; 32 / 23)."""
    if a.unit != b.unit or (a.subset != b.subset and not partitive_dropped(a, b)):
        return 0.0  # "20 other crew" is a part of the "21 crew" another source gives, not that count
    if a.measure is not None and b.measure is not None and a.measure != b.measure:
        # "14,800 cubic feet" and "420 cubic metres", "90 days" and "three months": one quantity in
        # two units, or two quantities; either way no disagreement of figures (``unit_swaps``
        # judges the same figure printed with another unit).
        return 0.0
    if a.unit == "clock" and not (event_words(a.anchor) & event_words(b.anchor)):
        # A story tells many moments of one day ("polls open at 7 a.m. and close at 8 p.m.", "the
        # count begins at 9 p.m."), often in one sentence: two times state one moment only when
        # the same event word stands right next to both ("opened at 4 a.m." / "opened at ten
        # o'clock in the morning").
        return 0.0
    score = context_similarity(a, b)
    ca, cb = _casualty(a), _casualty(b)
    if a.published and b.published and a.published != b.published and a.day == a.published \
            and b.day == b.published:
        return 0.0  # two reports filed on different days, each telling the news of its own day
    if _lead_pair(a, b):
        score += LEAD_BONUS
    if a.part and b.part and a.is_date:
        # "started on Tuesday afternoon" / "first reported on Wednesday afternoon": the time of day
        # of an event is part of how it is dated; "Tuesday afternoon" / "Wednesday morning" are two
        # moments, told apart by the sources that give both.
        score += 0.25 if a.part == b.part else -0.25
    shared = a.anchor & b.anchor
    same_year = any(w.startswith(YEAR_MARK) for w in shared)
    if (shared and not (same_year and len(shared) == 1)) or (a.part and a.part == b.part and a.is_date):
        score += 0.25  # "published on Wednesday" / "published this Monday": the same event
    elif a.is_date and (ea := event_words(a.anchor)) and (eb := event_words(b.anchor)) \
            and not (a.lead and b.lead) and not (a.through and b.through) \
            and not (ea <= b.context or eb <= a.context) \
            and not (same_year and (ea & b.context or eb & a.context)):
        # "arrested on Sunday" / "appear before a prosecutor on Monday": two events. Not when the
        # words next to one date all stand in the other's sentence: "working hours would be
        # suspended on Tuesday" / "suspended working hours for public employees on Wednesday" tell
        # one event in another word order; nor for two spans of days, whose verbs ("ran from 3 to
        # 11 July", "took place from 3 to 13 July") tell that something lasted, not what. Two
        # months printed with the same year ("production of logic chips from October 2027" /
        # "production is to start in December 2027") clash only when neither's event words stand
        # in the other's sentence at all.
        score -= ANCHOR_CLASH
    elif same_year:
        score += 0.25  # "in March 2028" / "from May 2028", no clash: the year names the moment
    if ca and cb:
        # "32 dead" and "killing 23 people" count the dead; "140 wounded" counts something else.
        score += 0.2 if ca == cb else -0.3
    elif a.head and (a.head == b.head or _same_unit_noun(a, b)):
        score += 0.2
    elif bool(a.head) != bool(b.head):
        score -= 0.1
    elif a.head and b.head:
        # "18 relationships" and "17 partners": different things counted.
        score -= 0.1 if a.np & b.np else 0.2
    if a_total == b_total > 1 and not (a.derived or b.derived):
        score += 0.15 if a.order == b.order else -0.1
    if _digit_slip(a, b):
        score += 0.15
    if a.hedge and a.hedge == b.hedge:
        score += 0.1  # both "at least …", both "about …"
    return score


_PARTITIVE_RE = re.compile(r"\s+of\s+(?:the|its|their|these|those)\s", re.IGNORECASE)


def partitive_dropped(a: Mention, b: Mention) -> bool:
    """Whether two figures, one printed as a part of a group ("85,000 of the heaters were sold in
    Canada") and one without the partitive ("58,000 heaters were sold north of the border"), may
    state one quantity: both count the same noun and their sentences share a word beyond it
    ("sold"). A translation or a rewrite drops or adds "of the" freely; what makes the part
    another quantity than the whole is what is told of it, and the words say that. A part by a
    modifier ("20 other crew", "five more") stays apart: its word says it is not the total."""
    part, whole = (a, b) if a.subset else (b, a)
    if not part.subset or whole.subset or not part.head or part.head != whole.head:
        return False
    if not _PARTITIVE_RE.match(part.passage.text, part.end - part.passage.start):
        return False
    # (Only a figure one rare slip from the other: "Five of the dead were hit by falling trees" beside
    # another source's "nine dead" and its uprooted trees is a part of that total, not its slip.)
    return _digit_slip(a, b) and not _one_digit_changed(a, b) \
        and bool((part.context & whole.context) - part.np - whole.np)


def _same_unit_noun(a: Mention, b: Mention) -> bool:
    """Whether two figures count the same unit of measurement, each named by its unit as the noun
    ("35 kilometers away" / "53 kilometres from", "3.2kg" / "3.2 kilograms"): one noun in two
    spellings or abbreviations, as their measure says."""
    units = unit_stems()
    return a.measure is not None and a.measure == b.measure and units.get(a.head) == a.measure \
        and units.get(b.head) == b.measure


def loose_pair(group: Group, a: str, b: str) -> bool:
    """Whether two passages of one group (by id) are paired only loosely: either is a member the
    alignment's extra passes added (``Group.loose``), a paraphrase of the group rather than a
    rewording of the same sentence. Their figures witness what they both measure, but the
    pairing does not say which figure is which (``paraphrase_witness``)."""
    return bool(group.loose) and (a in group.loose or b in group.loose)


def paraphrase_witness(m: Mention, c: Mention, *, sole: bool = False) -> bool:
    """Whether ``c``, in a passage paired loosely with ``m``'s (``loose_pair``), states the quantity
    ``m`` states, as an editor would read a paraphrase: a count of the same noun or casualty, or a
    figure in the same unit of measurement, that agrees with ``m`` or is one slip from it; a date
    with the same event word next to it, the same time of day, both the leads of their reports,
    or (``sole``: each is the only date of its unit in its passage) the one day two tellings of
    one event give, neither of them the day of a statement ("refloated the vessel on Wednesday
    afternoon" / "pulled the ship free at 2:20 p.m. on Tuesday"). Two figures of one sentence
    counting other things ("three days of mourning" / "two remain missing") are no witnesses of
    each other however alike the sentences are. In: two mentions of one unit. Out: the verdict."""
    if m.unit != c.unit or m.subset != c.subset:
        return False
    if m.is_date:
        if any(not w.startswith(YEAR_MARK) for w in m.anchor & c.anchor):
            return True
        if sole and m.unit in ("weekday", "date") and not (m.spoken or c.spoken or m.relative or c.relative):
            return True
        return bool(m.part and m.part == c.part) or _plain_leads(m, c)
    if m.measure is not None or c.measure is not None:
        same = m.measure == c.measure
    elif m.casualty or c.casualty:
        same = m.casualty == c.casualty
    else:
        same = bool(m.head) and m.head == c.head
    # A story tells many quantities of one noun ("three years of losses", "ends 138 years of
    # glassmaking"): of a paraphrase, the figure that agrees or is one slip away restates this one;
    # another figure of the noun is left to its words, as anywhere in the story.
    # (One digit changed, the weakest slip, needs the words of a counterpart as well: "scored two"
    # and "finished with nine goals" are two players' tallies, as ``_slip_placed`` reads them.)
    return same and (consistent(m, c) or (_digit_slip(m, c) and (
        not _one_digit_changed(m, c) or context_similarity(m, c) >= MIN_STORY_CONTEXT)))


def _vouched(m: Mention, witnesses: dict[str, list[Mention]], index: "MentionIndex", m_total: int,
             totals: dict[str, Counter]) -> set[tuple[str, int]]:
    """The (passage id, start) of the loosely paired mentions that witness ``m``
    (``paraphrase_witness``) unambiguously: the one such mention of its passage, for a mention
    that is the one such of its own. A paraphrase that gives two figures of the noun ("the
    82,000-tonne ship carrying 76,000 tonnes of wheat") does not say which one a figure of it
    restates. In: the mention, its witnesses by source, the index, the count of ``m``'s unit in
    its passage and those counts per passage."""
    found: dict[str, list[Mention]] = defaultdict(list)
    for cs in witnesses.values():
        for c in cs:
            if not c.derived and paraphrase_witness(m, c, sole=m_total == 1 and totals[c.passage.id][c.unit] == 1):
                found[c.passage.id].append(c)
    siblings = [x for x in index.in_passage(m.passage.id) if x is not m and not x.derived and x.unit == m.unit]
    return {(c.passage.id, c.start) for cs in found.values() if len(cs) == 1 for c in cs
            if not any(paraphrase_witness(x, c) for x in siblings)}


def _lead_pair(a: Mention, b: Mention) -> bool:
    """Whether two weekdays are the leads of two reports of the same news (``mark_leads``): both
    leads, not both the day of a statement, and not from reports published on different days when
    either lead dates its own report's day (a follow-up's lead tells that day's news: "commuters
    squeezed onto buses on Tuesday" the day after "the strike began on Monday"). Two leads that
    both date an earlier day than their report's ("on Monday" filed Tuesday, "yesterday" filed
    Wednesday) both look back on the event: their calendar days must agree."""
    if not (a.lead and b.lead) or (a.spoken and b.spoken):
        return False
    if not (a.published and b.published):
        return True
    if a.published != b.published:
        return a.day != a.published and b.day != b.published
    # Filed the same day: a lead worded as an earlier day ("yesterday") says the report looks back,
    # so a lead on that very day's news ("deepened on Tuesday", filed Tuesday) is other news; two
    # weekday leads may differ by a slip and stay counterparts.
    return not ((a.relative and b.day == b.published) or (b.relative and a.day == a.published))


def _plain_leads(a: Mention, b: Mention) -> bool:
    """Two leads (``_lead_pair``) that both date an event, not a statement: counterparts even when
    their sentences share no word ("signed an agreement in the capital on Friday" / "the pact was
    adopted on Thursday"). A lead that dates a statement ("announced on Monday"), something to come
    or a sentence past the opening pairs by its words only: the report may lead on the
    announcement of an earlier event."""
    return _lead_pair(a, b) and not a.spoken and not b.spoken and a.opening and b.opening


def _casualty(m: Mention) -> str:
    """The casualty class a count states ("⟨killed⟩", "⟨injured⟩"), from the noun it counts or,
    failing that, the one casualty word of its clause; "" when none or both."""
    return m.casualty


def _date_slip(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Two month-day dates one slip apart: the month changed ("February 1" / "January 1"), day and
    month swapped ("March 7" / "July 3") or the day's digits slipped ("May 18" / "May 8")."""
    if a == b:
        return False
    if a[1] == b[1] or a == (b[1], b[0]):
        # The month changed, or day and month swapped: a numeric date ("3.7.", "7/3") read in the
        # other order (day-first Europe, month-first US) before the month was spelt out.
        return True
    if a[0] != b[0]:
        return False
    return b[1] in _day_slips(a[1])


@functools.lru_cache(maxsize=64)
def _day_slips(day: int) -> frozenset[int]:
    """Days of the month one slip from ``day``: a figure slip (``_slip_variants``), or a digit
    dropped or added ("November 8" for "November 18", "the 21st" for "the 1st")."""
    text = str(day)
    out = {int(v) for v in _slip_variants(float(day)) if v == int(v)}
    if len(text) == 2:
        out.update(int(ch) for ch in text)
    else:
        out.update(int(d + text) for d in "123") 
        out.update(int(text + d) for d in "0123456789")
    return frozenset(v for v in out if 1 <= v <= 31 and v != day)


def _digit_slip(a: Mention, b: Mention) -> bool:
    """Whether two figures differ the way a typo or a translation slip makes them differ: two digits
    swapped, one digit changed, or a factor of ten; for month-day dates, see ``_date_slip``."""
    if a.unit == "date" and b.unit == "date":
        return _date_slip(a.value, b.value)  # type: ignore[arg-type]
    if a.unit == "clock" or b.unit == "clock":
        return False  # minutes since midnight are no printed digits: 9 p.m. is no slip of 8 p.m.
    if not (isinstance(a.value, float) and isinstance(b.value, float)) or a.value == b.value:
        return False
    if a.unit == DURATION and b.unit == DURATION:
        return _figure_slip(_clock_figure(a.value), _clock_figure(b.value))
    return _figure_slip(a.value, b.value)


def _clock_figure(seconds: float) -> float:
    """A duration as its digits are printed (8067 s -> 21427 for "2:14:27"): slips happen in the
    printed digits ("2:41:27"), not in the count of seconds."""
    h, rest = divmod(int(seconds), 3600)
    return float(h * 10000 + (rest // 60) * 100 + rest % 60)


def _from_clock_figure(figure: float) -> float | None:
    """The seconds a printed h:mm:ss figure stands for; None when its minutes or seconds exceed 59."""
    h, rest = divmod(int(figure), 10000)
    mi, se = divmod(rest, 100)
    return float(h * 3600 + mi * 60 + se) if figure == int(figure) and mi < 60 and se < 60 else None


@functools.lru_cache(maxsize=1 << 16)
def _figure_slip(x: float, y: float) -> bool:
    """``_digit_slip`` for two different figures (memoised: a story repeats its figures)."""
    da, db = _printed(x).replace(".", ""), _printed(y).replace(".", "")
    x, y = abs(x), abs(y)
    if x and y:
        r = math.log10(max(x, y) / min(x, y))
        if abs(r - round(r)) < 1e-9 and 1 <= round(r) <= 3:
            return True
    if x and y and _teen_ty(x, y):
        return True
    if len(da) != len(db):
        return False
    diff = [i for i in range(len(da)) if da[i] != db[i]]
    return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and da[diff[0]] == db[diff[1]]
                              and da[diff[1]] == db[diff[0]])


def _teen_ty(x: float, y: float) -> bool:
    """Whether two figures are a "-teen" and its "-ty" ("fourteen" / "forty", "fifteen thousand" /
    "fifty thousand", "nineteen" / "ninety"): words that sound alike in English and in many
    languages' numerals, which a listener, a transcriber or a machine translation confuses. The
    scale must agree: 14 and 40, 15,000 and 50,000; 1.7 million and 7 million, 1,400 and 4,000 are
    no such pair."""
    lo, hi = sorted((abs(x), abs(y)))
    return _teen_ty_variant(lo) == hi


def _teen_ty_variant(value: float) -> float | None:
    """The "-ty" of a "-teen" figure or the "-teen" of a "-ty" one, said before the same scale word
    (13..19 and 30..90, times one, a thousand, a million ...: "fourteen thousand" / "forty
    thousand"); None for any other figure ("fourteen hundred" is no "-teen" of a scale)."""
    scale = 1.0
    v = abs(value)
    while v >= 1000 and v % 1000 == 0:
        v, scale = v / 1000, scale * 1000
    if v != int(v):
        return None
    v = int(v)
    if 13 <= v <= 19:
        return float((v - 10) * 10) * scale
    if v in (30, 40, 50, 60, 70, 80, 90):
        return float(v // 10 + 10) * scale
    return None


def _printed(x: float) -> str:
    """A figure's digits as a plain decimal ("42000000" for 42.0 million, not "4.2e+07"): slips
    happen in the digits of large figures too ("US$42.0 million" for 40.2 million). Fifteen
    significant digits hide the float noise of a scaled figure (1.1 * 1e9)."""
    return f"{x:.15g}"


def _slip_heads(m: Mention, c: Mention) -> bool:
    """Whether two figures one slip apart may state one quantity though their counted nouns differ:
    a slip rarer than one changed digit (a factor of ten, two digits swapped) between clauses that
    share a word ("12,000 people evacuated" / "1,200 residents were evacuated"): outlets name the
    counted thing in their own words, and such a slip seldom falls between two figures by chance.
    Never between two units of measurement ("7,200 kg" / "7.2 tonnes" is a conversion)."""
    if (m.measure is not None or c.measure is not None) and m.measure != c.measure:
        return False
    return bool(m.context & c.context) and not _one_digit_changed(m, c)


def _slip_placed(m: Mention, c: Mention, aligned: bool) -> bool:
    """Whether ``c``, one slip from ``m``, stands where it may state ``m``'s quantity: in the aligned
    passages, or anywhere for a rare slip (a factor of ten, two digits swapped). The weakest slip,
    one digit changed, relates two figures of a story by chance as often as not ("two years below
    the requisitions" / "seven years in prison"): found elsewhere in the story, a figure needs
    the words of a counterpart found there (``MIN_STORY_CONTEXT``), not only the same noun; a day
    of the month one digit off needs shared words or its noun, as before."""
    if aligned:
        return True
    if not (_one_digit_changed(m, c) or _day_digit_slip(m, c)):
        return True
    if m.is_date:
        return bool(m.context & c.context or (m.head and m.head == c.head))
    return context_similarity(m, c) >= MIN_STORY_CONTEXT


def _other_measure(a: Mention, b: Mention) -> bool:
    """Whether two figures measure different things by their units: one in a unit of measurement
    ("about 12.6 km") and the other in another or none, counting another noun ("in 14 months"). A
    figure that merely falls inside the other's interval then vouches for nothing."""
    return (a.measure is not None or b.measure is not None) and a.measure != b.measure \
        and (a.head != b.head or _other_dimension(a, b))


def _other_dimension(a: Mention, b: Mention) -> bool:
    """Whether two figures are in units of two dimensions: an area is no length ("3.2 square
    kilometres" / "22 km"), though both print "kilometres"; a speed no length."""
    return a.measure is not None and b.measure is not None and a.measure[0] != b.measure[0]


CONVERSION_GAP = 0.05
"""How far a figure converted into another unit may lie from the other's figure, as a share of the
larger, and still be the same quantity: a converted figure is rounded ("5 miles" / "8 km")."""


def _measure_of(m: Mention) -> tuple[str, str] | None:
    """A figure's unit of measurement; a figure with "m" printed after it, and no other unit,
    measures metres ("a barrier of 1,400 m"), as English prints the metre's symbol."""
    return m.measure or (("length", "m") if m.head == "m" and m.unit == "count" else None)


def converted_alike(a: Mention, b: Mention) -> bool:
    """Whether two figures printed in two units of one dimension state one quantity: the one
    converted into the other's unit is that figure, or that figure rounded ("1.4 kilometres" /
    "1,400 m", "8 gigawatt hours" / "8,000 megawatt hours", "320 hectares" / "3.2 square
    kilometres", "5 miles" / "8 km"). In: two mentions; out: the verdict (False for one unit)."""
    ua, ub = _measure_of(a), _measure_of(b)
    if ua is None or ub is None or ua == ub or ua[0] != ub[0] or a.unit != b.unit \
            or ua not in IN_BASE_UNITS or ub not in IN_BASE_UNITS \
            or not isinstance(a.value, float) or not isinstance(b.value, float) or a.value <= 0 or b.value <= 0:
        return False
    x, y = a.value * IN_BASE_UNITS[ua], b.value * IN_BASE_UNITS[ub]
    return abs(x - y) <= CONVERSION_GAP * max(x, y)


def _day_digit_slip(a: Mention, b: Mention) -> bool:
    """Two dates of one month whose days differ in their digits ("April 17" / "April 13"): as weak
    a slip as one changed digit of a figure, since a story tells several days of its month; a
    changed month or day and month swapped (``_date_slip``) is rarer."""
    return a.unit == b.unit == "date" and a.value[0] == b.value[0] and a.value != b.value  # type: ignore[index]


def _one_digit_changed(a: Mention, b: Mention) -> bool:
    """Two figures that differ in one digit only (2.1 / 4.1): the weakest slip, since a story's
    figures often differ that way by chance; a swap (152 / 125) or a factor of ten is rarer."""
    if not (isinstance(a.value, float) and isinstance(b.value, float)):
        return False
    da, db = _printed(a.value), _printed(b.value)
    return len(da) == len(db) and sum(x != y for x, y in zip(da, db)) == 1


@dataclass(frozen=True)
class _Verdict:
    agree: tuple[Mention, ...]
    votes: dict[object, list[Mention]]


def _value_key(m: Mention) -> object:
    if m.through:
        return (m.value, m.through)
    if m.unit == "weekday":
        return tuple(sorted(m.value))  # type: ignore[arg-type]
    if isinstance(m.value, float):
        return (m.hedge, round(m.lo, 9), round(m.hi, 9))
    return m.value


def plain_value(m: Mention) -> object:
    """A mention's figure whatever its hedge ("at least 23" and "23" both give 23)."""
    return round(float(m.value), 9) if isinstance(m.value, float) else _value_key(m)


@functools.lru_cache(maxsize=1 << 16)
def _id_rank(source: str) -> int:
    """A fixed 64-bit number for a source id, from its content (sha1), computed once per id."""
    return int.from_bytes(hashlib.sha1(source.encode()).digest()[:8], "big")


def _in_order(source: str, others: set[str]) -> list[str]:
    """``others`` in their run-independent order for ``source``: by their id number XOR this
    source's (ties by id), so each source consults the others in its own fixed order, the same on
    every run, at one hash per source id instead of one per pair of sources."""
    own = _id_rank(source)
    return sorted(others, key=lambda o: (_id_rank(o) ^ own, o))


@dataclass(frozen=True)
class _Lone:
    """A mention that exactly one other source contradicts (and none supports): ``other`` is that
    source's figure, ``score`` their role score, ``strong`` how clear the role match is
    (``_strong_role``)."""

    mention: Mention
    other: Mention
    score: float
    strong: int
    group: Group | None


@dataclass(frozen=True)
class StoryQuantities:
    """Every number and date of a story, read once, and the consensus verdicts on them.

    ``by_passage``: the mentions by passage (after ``settle_separators``, ``mark_leads`` and
    ``add_calendar``); ``index`` the story-wide index of them; ``story_year`` the year the story
    happens in (``publication_days``), None when unknown; ``majority`` the flags of both kinds for
    figures and dates that two or more other sources contradict; ``lone`` the mentions exactly one
    other source contradicts, left for ``lone_flags``; ``suspicion`` how much each source slips
    elsewhere (``source_suspicion``, computed only when ``lone`` has anything to decide).

    The number_conflict and date_conflict checks read this one object: a date is read and judged
    by the same consensus as a figure, and a source's slips of either kind say how far to trust it.
    """

    by_passage: dict[str, list[Mention]]
    index: "MentionIndex"
    story_year: int | None
    majority: tuple[Flag, ...]
    lone: tuple[_Lone, ...]
    suspicion: dict[str, float]


_STORY_CACHE: dict[int, tuple[weakref.ref, StoryQuantities]] = {}


def story_quantities(ctx: CheckContext) -> StoryQuantities:
    """The quantities of a context and the consensus on them, computed once and shared by the
    number and date checks (see ``StoryQuantities``)."""
    hit = _STORY_CACHE.get(id(ctx))
    if hit is not None and hit[0]() is ctx:
        return hit[1]
    result = _read_and_judge(ctx)
    _STORY_CACHE.clear()
    _STORY_CACHE[id(ctx)] = (weakref.ref(ctx), result)
    return result


def _read_and_judge(ctx: CheckContext) -> StoryQuantities:
    """Judge every mention of every passage against its counterparts in other sources: those in
    the passages aligned with it, and those anywhere in the story whose surrounding words say they
    state the same quantity (the alignment may have missed a pair).

    This is the first of two passes: the majority verdicts (two or more sources agree against a
    figure). The figures exactly one other source contradicts are kept for the second
    (``lone_flags``), decided by evidence that says which side slipped; a source's majority flags
    of either kind are part of that evidence."""
    settled = settle_slash_dates(settle_glued_metres(settle_separators(
        {p.id: mentions_in(p) for p in ctx.alignment.passages})))
    _, story_year, datelines = publication_days(ctx, settled)
    by_passage = mark_leads(settled, datelines.values())
    by_passage = add_calendar(ctx, by_passage)
    index = MentionIndex(m for ms in by_passage.values() for m in ms)
    totals = {pid: Counter(m.unit for m in ms if not m.derived) for pid, ms in by_passage.items()}
    flags: list[Flag] = []
    lone: list[_Lone] = []
    for p in sorted(ctx.alignment.passages, key=lambda p: (p.source, p.start)):
        group = ctx.group_of.get(p.id)
        aligned: dict[str, dict[str, list[Mention]]] = defaultdict(lambda: defaultdict(list))
        loose: dict[str, dict[str, list[Mention]]] = defaultdict(lambda: defaultdict(list))
        if group is not None and any(m.unit != BARE for m in by_passage[p.id]):
            for q in group.passages:
                if q.source != p.source:
                    into = loose if loose_pair(group, p.id, q.id) else aligned
                    for c in by_passage.get(q.id, ()):
                        into[c.unit][c.source].append(c)
        for m in by_passage[p.id]:
            if m.unit == BARE or m.derived or m.filed:
                continue
            out = _judge(ctx, group, m, aligned.get(m.unit, {}), index, totals, story_year,
                         witnesses=loose.get(m.unit, {}))
            if isinstance(out, _Lone):
                lone.append(out)
            elif out is not None:
                flags.append(out)
    suspicion = source_suspicion(ctx, Counter(f.source for f in flags)) if lone else {}
    return StoryQuantities(by_passage=by_passage, index=index, story_year=story_year, majority=tuple(flags),
                           lone=tuple(lone), suspicion=suspicion)


def lone_flags(ctx: CheckContext, story: StoryQuantities, kind: Kind, flagged: set[tuple[str, int]]
               ) -> Iterator[Flag]:
    """The second pass for one kind: of each pair of mentions of that kind that only each other
    contradict, the side the evidence says slipped (``_lone_verdict``). In: the context, the
    story's quantities, the kind and the (source, start) of the mentions already flagged (a pair
    with either side flagged is settled). Out: the flags."""
    for pair in story.lone:
        m, c = pair.mention, pair.other
        if (Kind.DATE_CONFLICT if m.is_date else Kind.NUMBER_CONFLICT) is not kind:
            continue
        if (m.source, m.start) in flagged or (c.source, c.start) in flagged:
            continue
        why = _lone_verdict(pair, story.index, story.suspicion)
        if why:
            yield _lone_flag(ctx, pair, why)
        elif pair.strong >= 2 and not story.index.attested_by(c, exclude={m.source, c.source}) \
                and not story.index.attested_by(m, exclude={m.source, c.source}) \
                and not (_digit_slip(m, c) and (_printed_bare(story.index, c, {m.source, c.source})
                                                or _printed_bare(story.index, m, {m.source, c.source}))):
            # Nothing in the story settles it: a contest of one source against one, decided after
            # every check from what the two sources show elsewhere (``checks.contests``).
            ctx.contests.append(Contest(_lone_flag(ctx, pair, "no other source gives either"), c.source))


def _judge(ctx: CheckContext, group: Group | None, m: Mention, aligned: dict[str, list[Mention]],
           index: "MentionIndex", totals: dict[str, Counter], story_year: int | None = None,
           witnesses: dict[str, list[Mention]] | None = None) -> Flag | _Lone | None:
    """The verdict on one mention. ``aligned``: the mentions of its unit in the passages aligned
    with its own, by source; ``story_year`` the year the story happens in (``publication_days``),
    None when unknown; ``witnesses`` the mentions of its unit in passages paired with its own
    loosely (``loose_pair``), by source: counterparts found elsewhere in the story, except that
    one that states the same thing (``paraphrase_witness``) needs no words in common."""
    witnesses = witnesses or {}
    # Candidate counterparts per other source, with their role score. Candidates are first
    # gathered per source without scoring (the story-wide ones come grouped by source from the
    # index, once per role); sources are then taken in their run-independent order and scored
    # one by one until MAX_COUNTERPART_SOURCES of them have a plausible counterpart: the same
    # sources and scores as scoring every candidate first, but a mention of a large story no
    # longer scores hundreds of candidates it will not use.
    m_total = totals[m.passage.id][m.unit]
    # A month alone is compared only within the aligned passages: it names a stretch of time
    # many events of a story fall in, so words shared elsewhere say little (and it keeps the
    # story-wide search, the costly part, to the figures and days).
    story = index.near_by_source(m) if m.unit != "month" else {}
    years = {a for a in m.anchor if a.startswith(YEAR_MARK)} if m.unit == "month" else set()
    if years:
        # A month printed with its year ("from October 2027") names one stretch of one year: the
        # other sources' months printed with that year are found story-wide, like days.
        story = {s: cs for s, cs in ((s, [c for c in cs if years & c.anchor])
                                     for s, cs in index.near_by_source(m).items()) if cs}
    if m.lead:
        # Two reports' leads date the same news however differently they word it: the other
        # sources' leads are counterparts even when no words are shared (``_plain_leads``).
        leads = [c for c in index.leads if c.source != m.source and _plain_leads(m, c)
                 and all(c is not x for x in story.get(c.source, ()))]
        if leads:
            story = {s: list(cs) for s, cs in story.items()}
            for c in leads:
                story.setdefault(c.source, []).append(c)
    slipped: dict[str, list[Mention]] = defaultdict(list)
    if not index.corroborated(m) and m.unit != "month":
        for c in index.slips(m):
            slipped[c.source].append(c)
    aligned_ids = {c.passage.id for cs in aligned.values() for c in cs}
    siblings = index.in_passage(m.passage.id)
    # A loose member's figure is a witness only for the quantity it measures too: the pairing
    # of two paraphrases says they tell one thing, not which of their figures match.
    vouched = _vouched(m, witnesses, index, m_total, totals)
    sources = set(aligned).union(story, slipped, witnesses)
    sources.discard(m.source)
    per_source: dict[str, dict[tuple[str, int], tuple[float, Mention]]] = {}
    far = (0.0, MIN_ROLE_SCORE + ALIGNED_BONUS)
    for s in _in_order(m.source, sources):
        kept: dict[tuple[str, int], tuple[float, Mention]] = {}
        for cands, (bonus, floor) in ((aligned.get(s, ()), (ALIGNED_BONUS, MIN_ROLE_SCORE)),
                                      (story.get(s, ()), far), (slipped.get(s, ()), far),
                                      (witnesses.get(s, ()), far)):
            for c in cands:
                if m.head.startswith("every ") != c.head.startswith("every "):
                    continue  # how often something recurs ("every ten days") is no length of time
                sc = role_score(m, c, m_total, totals[c.passage.id][c.unit]) + bonus
                key = (c.passage.id, c.start)
                if sc < floor * 0.6 and not (m.context & c.context and consistent(m, c)) \
                        and not _digit_slip(m, c) and not (m.lead and _plain_leads(m, c)) and key not in vouched:
                    continue  # kept only to corroborate (the same figure) or as a slip of this one
                old = kept.get(key)
                if old is None or old[0] < sc:
                    kept[key] = (sc, c)
        if kept:
            per_source[s] = kept
            if len(per_source) == MAX_COUNTERPART_SOURCES:
                break
    others = list(per_source)
    # A source that gives this figure with nothing named after it ("two were killed when a wall
    # collapsed") in a sentence much like this one's ("two people died when a wall collapsed")
    # agrees with it: the bare figure is never a counterpart, but it is this source's word.
    bare = [c for c in index.by_number.get((BARE, plain_value(m)), ()) if c.source != m.source
            and context_similarity(m, c) >= BARE_SUPPORT] if m.unit == "count" else []
    bare_by_source = {c.source: c for c in sorted(bare, key=lambda c: (c.source, c.start), reverse=True)}
    agree: list[Mention] = []
    votes: dict[object, list[Mention]] = defaultdict(list)
    pick_scores: dict[tuple[str, int], float] = {}
    for s in sorted(others):
        if s in bare_by_source:
            agree.append(bare_by_source[s])
            continue
        kept = per_source[s]
        scored = list(kept.values()) if len(kept) == 1 else \
            sorted(kept.values(), key=lambda sc: (-sc[0], sc[1].passage.id, sc[1].start))
        # Benefit of the doubt: any plausible counterpart that agrees corroborates the value:
        # the same figure always; a figure the wording's interval merely allows ("at least
        # 7,002" allows 10,000) only when this source gives no figure one slip from this one
        # in a plausible role (its "7,000" is the counterpart, and it disagrees).
        # Either way the agreeing figure must fit the role about as well as the best one does:
        # "by Wednesday morning" does not vouch for "started on Wednesday afternoon" when the
        # same source says "first reported on Tuesday afternoon".
        best_sc = scored[0][0] if scored else 0.0
        plausible = [(sc, c) for sc, c in scored if sc >= best_sc - FIT_MARGIN and consistent(m, c)
                     and not _other_measure(m, c)]
        same = [c for sc, c in plausible if _same_figure(m, c)]
        converted = [c for sc, c in scored if sc >= best_sc - FIT_MARGIN and converted_alike(m, c)]
        if converted and not same:
            # The same quantity in another unit of its dimension ("1.4 km" / "1,400 m"): the
            # source agrees, whatever its other figures in either unit.
            agree.append(converted[0])
            continue
        fits = same or ([] if not plausible or any(_digit_slip(m, c) and sc >= MIN_ROLE_SCORE for sc, c in scored)
                        else [c for sc, c in plausible])  # a slip twin: see above
        if fits:
            agree.append(fits[0])
            continue
        pick: tuple[float, Mention] | None = None
        by_slip = False
        for sc, c in scored:
            if sc < MIN_ROLE_SCORE + ALIGNED_BONUS * 0.5 and not _plain_leads(m, c) \
                    and (c.passage.id, c.start) not in vouched:
                if any((x.passage.id, x.start) in vouched for _, x in scored):
                    continue  # a weaker paraphrase witness of this source may follow
                break  # this source says nothing clear about this quantity
            if c.passage.id not in aligned_ids and _words_beyond_noun(m, c) < MIN_STORY_CONTEXT \
                    and not (m.anchor & c.anchor) and not _plain_leads(m, c) and (c.passage.id, c.start) not in vouched:
                continue  # found elsewhere in the story: its words, not only its noun, must match
            if _other_dimension(m, c):
                continue  # an area is no length ("3.2 square kilometres" / "22 km"), a speed no length
            if _claimed_by_sibling(m, c, sc, siblings, m_total, totals, c.passage.id in aligned_ids, index):
                continue  # another figure of this passage is that one's counterpart
            if _claimed_by_own(ctx, index, m, c, sc, totals):
                continue  # this source gives that figure itself, where it fits that one better
            if m.unit == "year" and not consistent(m, c) and not _digit_slip(m, c):
                # Two years that are no typo of each other ("bought it in 1991" / "a dealer who died
                # in 2009", "since 1985" / "since 2023") date two events of the story's past: a
                # year misprinted or mistranslated has one digit changed or two swapped.
                continue
            if m.unit == "year" and any(x is not c and x.unit == m.unit and not x.derived and _same_figure(m, x)
                                        for x in index.in_passage(c.passage.id)):
                # That passage gives this very year too ("takes effect next year, and a review
                # meeting in 2027" against a "review in 2027"): a year alone dates whatever its
                # clause tells, so the passage's other year is another event's.
                continue
            pick = (sc, c)
            break
        if pick is None and not index.corroborated(m):
            # A figure no other source has, one slip away from one this source and another
            # give in the same unit (152 / 125, 1,240 / 12,400): the slip says which one it is.
            slips = [(sc, c) for sc, c in scored if _digit_slip(m, c) and index.corroborated(c)
                     and (not m.head or not c.head or m.head == c.head or _slip_heads(m, c))
                     and m.subset == c.subset
                     and _slip_placed(m, c, c.passage.id in aligned_ids)
                     and not _claimed_by_sibling(m, c, sc, siblings, m_total, totals, c.passage.id in aligned_ids, index)
                     and not _claimed_by_own(ctx, index, m, c, sc, totals)]
            if len(slips) == 1 or (slips and all(consistent(slips[0][1], c) for _, c in slips)):
                pick = slips[0]
                by_slip = True
        if pick is None:
            continue
        top_score, top = pick
        if not m.is_date and same_print(m, top):
            continue  # the same digits with the same separators, read in two conventions: no vote
        if not by_slip:
            # Two equally likely counterparts with different values: no clear vote. (A slip
            # pick is chosen by its figure, not its words, so a rival by words does not count.)
            # (A paraphrase witness, ``_vouched``, is chosen by its noun or event and the pairing:
            # only a figure the alignment puts here too is its rival, not one found by words.)
            witness = (top.passage.id, top.start) in vouched
            rivals = [c for sc, c in scored if c is not top and sc > top_score - 0.05 and not consistent(top, c)
                      and not (witness and c.passage.id not in aligned_ids and (c.passage.id, c.start) not in vouched)
                      and not _claimed_by_sibling(m, c, sc, siblings, m_total, totals,
                                                  c.passage.id in aligned_ids, index)]
            if rivals and not (_digit_slip(m, top) and not any(_digit_slip(m, r) for r in rivals)):
                # (A tie is broken by a slip: of "Oct 13" and "September 19" for a "September
                # 29", the one a typo makes of it is its counterpart.)
                continue
        if not (m.context & top.context) and not _digit_slip(m, top) and not _plain_leads(m, top):
            continue
        if m.unit == "year" and event_words(m.anchor) and event_words(top.anchor) and not (m.anchor & top.anchor) \
                and top.passage.id not in aligned_ids:
            # A year alone dates whatever its sentence tells ("last year a court jailed" / "the
            # largest seizure this year"): found outside the aligned passages, another source's
            # year with other event words right next to it dates another event.
            continue
        votes[_value_key(top)].append(top)
        pick_scores[(top.source, top.start)] = top_score
    if len(votes) > 1:
        votes = _outvoted_by_alignment(votes, pick_scores, aligned_ids)
    if not votes:
        return None
    # The consensus value: the exact value most voters allow (a hedged "at least 120" supports
    # 120 and everything it allows).
    all_voters = [v for vs in votes.values() for v in vs]
    candidates = sorted({_value_key(v): v for v in all_voters}.items(), key=lambda kv: str(kv[0]))
    if not candidates:
        return None
    best_key, best = max(candidates, key=lambda kv: (sum(consistent(kv[1], v) for v in all_voters),
                                                     len(votes.get(kv[0], ())), str(kv[0])))
    voters = [v for v in all_voters if consistent(best, v)]
    allowing = [v for v in voters if consistent(m, v)]
    if allowing:
        # A voter whose hedge allows both this figure and the consensus ("at least seven"
        # beside two sources' "seven", against a "nine") cannot tell them apart: it clears this
        # figure only when no two exact voters contradict it.
        against = [v for v in voters if not consistent(m, v)]
        if len(against) < 2 or any(v.exact or m.is_date for v in allowing):
            return None
        voters = against
    if not m.is_date:
        # A voter whose own passage prints this figure too ("Of the eleven defendants, eight were
        # convicted and three acquitted" against "Three defendants were acquitted") tells both
        # quantities: the pairing took the other one of its two, it contradicts nothing. (Not two
        # casualty counts: "27 injured" beside "nine killed" says nothing for "27 killed".)
        told = [v for v in voters if any(
            x is not v and x.unit in (m.unit, BARE) and not x.derived and _same_figure(x, m)
            and not (m.casualty and x.casualty and m.casualty != x.casualty)
            for x in index.in_passage(v.passage.id))]
        if told:
            voters = [v for v in voters if all(v is not t for t in told)]
            if len(voters) < 2:
                return None
    if m.unit == "year" and m.relative is None and story_year is not None and m.value == story_year \
            and all(v.relative for v in voters):
        # The year of the reports printed in digits ("in 2027") dates the story's present; the
        # others' "last year", reckoned from their day, dates a stretch before it: the pairing
        # matched two events a year apart, as no digit slip does (a printed "2026" would be one).
        return None
    n = len(voters)
    # A supporter whose wording also allows the consensus figure ("more than 400,000" beside
    # 421,000 and 412,000) cannot tell the two apart: it does not count for this one.
    agree = [a for a in agree if not consistent(a, best)]
    if n == 1 and len(all_voters) == 1 and not agree:
        c = voters[0]
        if any(x is not c and x.unit == m.unit and _same_figure(x, m) for x in index.in_passage(c.passage.id)):
            # The one source against it gives this figure too, in the very passage of its own
            # ("started at about 2 a.m. and was put out around 7 a.m.", "shut on Tuesday and due
            # to reopen on Thursday, April 16" against "stopped on April 14"): the pairing took the
            # wrong one of its two, nothing says a figure slipped.
            return None
        sc = pick_scores[(c.source, c.start)]
        return _Lone(mention=m, other=c, score=sc, group=group,
                     strong=_strong_role(m, c, sc, c.passage.id in aligned_ids,
                                         witness=(c.passage.id, c.start) in vouched))
    if n < 2 or n <= len(agree) + 1:
        return None
    if not m.is_date and m.head and _both_figures_given(index, m, best):
        return None
    if not m.is_date and _another_time(m, voters, story_year):
        return None
    if not m.is_date and _both_printed_together(index, m, best):
        return None
    if not m.is_date and m.head and not any(_digit_slip(m, v) for v in voters) \
            and not (group is not None and {v.passage.id for v in voters} & {q.id for q in group.passages}) and \
            any(x is not m and context_similarity(m, x) < OWN_RESTATEMENT
                and (x.head == m.head or any(x.context & v.context or (x.head and x.head == v.head) for v in voters))
                for x in index.of_source_value(m.source, best)):
        # This source gives the others' figure for the same noun itself, in other words ("nearly
        # eight lakh people were evacuated" beside "moved 1.1 lakh people from the coast"), or
        # in the others' words for another noun ("will create 900 new jobs" where the others say
        # "will hire 900 people", beside "employs 3,100 people" today): its other figure, no slip
        # of that one, counts another group. (Worded alike, "145% tariffs
        # on China" in the headline and "109% tariffs on China" below, it is one figure twice;
        # and a voter the alignment put with this passage tells the same thing.)
        return None
    ref = sorted(voters, key=lambda v: (v.derived, not v.exact, v.source, v.start))[0]
    kind = Kind.DATE_CONFLICT if m.is_date else Kind.NUMBER_CONFLICT
    severity = Severity.MEDIUM if m.is_date else Severity.HIGH
    agreeing = len(agree)
    confidence = min(0.95, 0.5 + 0.12 * n) * (n / (n + agreeing))
    role = _describe(ref)
    message = (f'"{m.text}" where {n} other source{"s" if n != 1 else ""} give "{ref.text}"'
               + (f" {role}" if role else ""))
    evidence: list[Span] = [span_of(ctx, v.source, v.start, v.end)
                            for v in sorted(voters, key=lambda v: (v.source, v.start))[:MAX_EVIDENCE]]
    return make_flag(ctx, kind=kind, source=m.source, start=m.start, end=m.end, expected=ref.text,
                     severity=severity, confidence=confidence, group=group, message=message,
                     evidence=evidence)


_SEPARATOR_RE = re.compile(r"(?<=\d)[.,'’\u00a0\u202f\u2009 ](?=\d)")


def same_print(a: Mention, b: Mention) -> bool:
    """Whether two mentions print the same figure in the same words, up to which mark separates
    its digits ("32.326" / "32,326", "1,200" / "1,200"): whichever convention each source's figure
    was read in, the digits agree where they stand, and a slip changes digits, not a reading. A
    mark lost or moved ("4,8" / "48", "3,400" / "34,00") is no such print; nor is ``a``'s mark
    where ``a``'s own passage groups thousands with ``b``'s mark ("41.600 pilgrims, instead of
    31,600"): there the source itself reads its figure otherwise."""
    x, y = a.text.casefold(), b.text.casefold()
    if not x or _SEPARATOR_RE.sub("|", x) != _SEPARATOR_RE.sub("|", y):
        return False
    theirs = {mark for mark in _SEPARATOR_RE.findall(y)} - set(_SEPARATOR_RE.findall(x))
    text, lo, hi = a.passage.text, a.start - a.passage.start, a.end - a.passage.start
    rest = text[:lo] + " " + text[hi:]
    return not any(re.search(r"\d" + re.escape(mark) + r"\d{3}(?!\d)", rest) for mark in theirs)


def _outvoted_by_alignment(votes: dict[object, list[Mention]], pick_scores: dict[tuple[str, int], float],
                           aligned_ids: set[str]) -> dict[object, list[Mention]]:
    """The votes of a split verdict without the weak ones found elsewhere in the story: where the
    strongest counterpart stands in a passage aligned with this one, a counterpart of another
    value found only by its words elsewhere, fitting the role ``FIT_MARGIN`` worse, says less about
    this quantity than the aligned one and cancels nothing. In: the votes by value, each voter's
    role score by (source, start), the aligned passages' ids; out: the votes kept."""
    voters = [v for vs in votes.values() for v in vs]
    top = max(pick_scores[(v.source, v.start)] for v in voters)
    if not any(v.passage.id in aligned_ids and pick_scores[(v.source, v.start)] >= top for v in voters):
        return votes
    kept = {k: [v for v in vs if v.passage.id in aligned_ids or pick_scores[(v.source, v.start)] >= top - FIT_MARGIN]
            for k, vs in votes.items()}
    return {k: vs for k, vs in kept.items() if vs}


# --------------------------------------------------------------------------------------------
# One source against one: which side slipped
# --------------------------------------------------------------------------------------------

LONE_CONFIDENCE = 0.55
"""Confidence of a one-against-one flag decided by what the sources themselves say elsewhere."""

LONE_SUSPICION_CONFIDENCE = 0.52
"""Confidence of a one-against-one flag decided only by which source slips more elsewhere."""


def _strong_role(m: Mention, c: Mention, score: float, aligned: bool, *, witness: bool = False) -> int:
    """How clearly two mentions state the same quantity, for acting on one source against one:
    2 when the alignment put them together with much of their words in common, or the same event
    words stand right next to two dates, or a figure is one slip from the other with the same
    noun; 1 when only the words around them say so (much of a sentence in common); else 0.
    ``witness``: ``c`` is the paraphrase witness of ``m`` in a loosely paired passage
    (``_vouched``); one slip from ``m`` it is as clear a counterpart as a firmly aligned one (the
    pairing says the sentences tell one thing, the noun and the slip which figure), otherwise a
    loose pairing counts for nothing here."""
    if witness and _digit_slip(m, c) and m.years == c.years:
        aligned = True
    sim = context_similarity(m, c)
    if m.years != c.years and not m.is_date and not (aligned and m.head and m.head == c.head and _digit_slip(m, c)):
        # "8.4 … in 2001" beside an undated "6.7": one sentence is about another time. Not for a
        # slip of the same noun in aligned passages ("36,000 feet" / "3,600 feet"): the year there
        # dates something else of the sentence ("for the first time since 2000").
        return 0
    if m.is_date:
        # (A year printed with two months is no event they share: "in May 2028" and "in July 2028"
        # may date two stages of one project.)
        if any(not w.startswith(YEAR_MARK) for w in m.anchor & c.anchor) or (aligned and sim >= 0.3) or \
                (m.unit == "date" and _digit_slip(m, c) and aligned):
            return 2
        # A day one slip from the other's ("March 13" / "March 3") in sentences sharing some words,
        # found story-wide: as for a figure one slip away (below), the slip itself says they are one.
        return 1 if sim >= 0.4 or (m.unit == "date" and _digit_slip(m, c) and sim >= 0.2) else 0
    same_head = bool(m.head) and (m.head == c.head or (_casualty(m) != "" and _casualty(m) == _casualty(c)))
    if _digit_slip(m, c):
        return 2 if same_head or aligned else 1 if sim >= 0.2 else 0
    if aligned and score >= MIN_ROLE_SCORE + ALIGNED_BONUS + 0.1 and (same_head or not (m.head or c.head)):
        return 2
    return 1 if same_head and sim >= 0.35 else 0


def _another_time(m: Mention, voters: Sequence[Mention], story_year: int | None) -> bool:
    """Whether ``m``'s sentence dates it to another year than the story's ("in 1991", "in March
    1998") and no voter's sentence names that year: "a cyclone in 1991 killed about 138,000 people"
    is background, not the story's death toll, however alike the words around the figures are. A
    year that only qualifies a noun ("the 2021-2023 model years") dates nothing."""
    if not m.years or story_year is None or story_year in m.years or any(v.years & m.years for v in voters):
        return False
    text = m.passage.text
    a = m.start - m.passage.start
    lo = max(text.rfind(". ", 0, a), text.rfind("? ", 0, a), text.rfind("! ", 0, a)) + 1
    hi = min([k for k in (text.find(". ", a), text.find("? ", a), text.find("! ", a)) if k >= 0] + [len(text)])
    for y in _IN_YEAR_RE.finditer(text, lo, hi):
        if int(y.group(1)) not in m.years:
            continue
        # A year that ends its own predicate dates that predicate only: in "the bridge opened in
        # 2011 and carries 21,400 vehicles a day" the figure is told in the present tense of a
        # second predicate, today's figure. A year that opens the sentence ("In 1991, a cyclone
        # ... and killed") or a past-tense second predicate ("struck in 1991 and killed") still
        # dates it.
        if y.start() > lo + 1 and y.end() <= a and _PRESENT_PREDICATE_RE.search(text, y.end(), a):
            continue
        return True
    return False


_IN_YEAR_RE = re.compile(r"\b(?i:in|since|during|of) (?:(?:early|late|mid-?)\s*)?(?:[A-Z][a-z]+\.? )?(?:\d{1,2} )?((?:19|20)\d\d)\b")
"""A year an event is dated to: "in 1991", "in March 1998", "since 2004", "in late 2019"."""

_PRESENT_PREDICATE_RE = re.compile(
    r"(?:,? and|,? but|;|, while|, whereas) (?:(?:now|still|today|currently|also) )?"
    r"(?:is|are|has|have|remains|remain|(?!this\b|thus\b|perhaps\b|yes\b)[a-z]{2,}[^su\W]s)\b")
"""A second predicate in the present tense joined after a year ("opened in 2011 and carries",
"was built in 1990 but now has"): what it tells holds today, not in that year."""


def _both_figures_given(index: "MentionIndex", m: Mention, best: Mention) -> bool:
    """Whether ``m``'s source also gives the others' figure for ``m``'s noun elsewhere, and another
    source gives ``m``'s figure for that noun too ("17 years" for the sentence, "20 years" for what
    prosecutors sought, in both): both sources tell both figures, so the pairing took the wrong one
    of them, not a figure that slipped."""
    if not any(x is not m and x.head == m.head for x in index.of_source_value(m.source, best)):
        return False
    return any(x.source != m.source and x.head == m.head for x in index.by_value.get((m.unit, _value_key(m)), ()))


def _both_printed_together(index: "MentionIndex", m: Mention, best: Mention) -> bool:
    """Whether ``m``'s source prints ``m``'s figure and the others' figure side by side in another
    passage ("closed 31 of the 38 production areas" below a headline "closes 31 production
    areas" where the others give 38): the source knows both quantities, so its figure is the other
    one of the two, not a slip of the consensus figure."""
    for x in index.of_source_value(m.source, best):
        if x.passage.id != m.passage.id and any(
                y is not x and y.unit in (m.unit, BARE) and _same_figure(y, m) for y in index.in_passage(x.passage.id)):
            return True
    return False


def _lone_verdict(pair: _Lone, index: "MentionIndex", suspicion: dict[str, float]) -> str:
    """Why ``pair.mention`` is the side that slipped, or "" when the evidence does not say (then
    neither side is flagged: never at random).

    In order: (1) the mention's own source gives the other figure elsewhere for the same thing
    (it contradicts itself; figures only, since a story has many dates); (2) sources other than
    these two give the other figure somewhere in the story and never this one; (3) the mention's
    source slips clearly more elsewhere (``source_suspicion``), for the clearest role matches only."""
    m, c = pair.mention, pair.other
    if not pair.strong:
        return ""
    if not m.is_date:
        own = [x for x in index.of_source_value(m.source, c) if x is not m and (not x.head or not c.head or x.head == c.head)]
        theirs = [x for x in index.of_source_value(c.source, m) if not x.head or not m.head or x.head == m.head]
        if own and not theirs:
            return f'this source itself gives "{own[0].text}" elsewhere'
    # (A figure printed without its unit by third sources settles a slip of its digits only:
    # "161 yen" beside "161.95 yen" is the same rate rounded, whatever the others print.)
    slip = _digit_slip(m, c)
    third_c = index.attested_by(c, exclude={m.source, c.source}) or (slip and _printed_bare(index, c, {m.source, c.source}))
    third_m = index.attested_by(m, exclude={m.source, c.source}) or (slip and _printed_bare(index, m, {m.source, c.source}))
    if third_c and not third_m:
        return f'other sources give "{c.text}" elsewhere in the story and never "{m.text}"'
    if third_c or third_m:
        return ""
    sm, so = suspicion.get(m.source, 0.0), suspicion.get(c.source, 0.0)
    if pair.strong >= 2 and sm >= so + 1 and sm >= 2 * so:
        return "this source has more other slips in the story"
    return ""


FINGERPRINT_DIGITS = 4
"""Significant digits from which a figure printed without a unit by another source is that figure
("1,468.5 per dollar" for "1,468.5 won"): no other quantity of a story shares so many digits."""


def _printed_bare(index: "MentionIndex", m: Mention, exclude: set[str]) -> bool:
    """Whether a source outside ``exclude`` prints ``m``'s figure without a unit ("the won was at
    1,468.5 per dollar" for "1,468.5 won"), a figure of ``FINGERPRINT_DIGITS`` significant digits
    or more. A translation or a rewrite names the unit its own way ("won", "per dollar", nothing),
    and the digits say which figure it is."""
    if m.is_date or not isinstance(m.value, float) or m.unit == BARE:
        return False
    digits = re.sub(r"\D", "", m.text).strip("0")
    if len(digits) < FINGERPRINT_DIGITS:
        return False
    return any(c.source not in exclude and not c.derived for c in index.by_number.get((BARE, plain_value(m)), ()))


def _lone_flag(ctx: CheckContext, pair: _Lone, why: str) -> Flag:
    m, c = pair.mention, pair.other
    kind = Kind.DATE_CONFLICT if m.is_date else Kind.NUMBER_CONFLICT
    by_suspicion = why.startswith("this source has more")
    severity = Severity.LOW if by_suspicion or m.is_date else Severity.MEDIUM
    role = _describe(c)
    message = (f'"{m.text}" where the only other source that gives it says "{c.text}"'
               + (f" {role}" if role else "") + f"; {why}")
    return make_flag(ctx, kind=kind, source=m.source, start=m.start, end=m.end, expected=c.text,
                     severity=severity, confidence=LONE_SUSPICION_CONFIDENCE if by_suspicion else LONE_CONFIDENCE,
                     group=pair.group, message=message, evidence=[span_of(ctx, c.source, c.start, c.end)])


_zipf_memo: dict[tuple[str, str], float] = {}


def source_suspicion(ctx: CheckContext, slips: Counter[str]) -> dict[str, float]:
    """How much each source slips elsewhere, independently of the figure being judged: its
    majority number/date flags (``slips``) plus its words no dictionary knows and no other source
    uses ("theregion", "greenhousegas": run-together or garbled words). In: the context and the
    flag count per source. Out: a count per source (higher is less reliable)."""
    out: dict[str, float] = {}
    sources_of = ctx.word_sources
    by_source: dict[str, list[Passage]] = defaultdict(list)
    for p in ctx.alignment.passages:
        by_source[p.source].append(p)
    for sid, ps in by_source.items():
        lang = lang_of(ctx.sources[sid])
        odd = 0
        for p in ps:
            for t in ctx.passage_tokens(p):
                w = t.norm
                if len(w) < 5 or not w.isalpha() or not t.text[:1].islower() or len(sources_of.get(w, ())) > 1:
                    continue
                key = (w, lang)
                z = _zipf_memo.get(key)
                if z is None:
                    z = _zipf_memo[key] = zipf(w, lang)
                odd += z == 0.0
        out[sid] = float(slips.get(sid, 0) + odd)
    return out


def _same_figure(a: Mention, b: Mention) -> bool:
    """The same figure, not merely one the other's wording allows: equal values (or equal bounds)."""
    if not isinstance(a.value, float):
        return consistent(a, b)
    return math.isclose(float(a.value), float(b.value), rel_tol=1e-9) or \
        (math.isclose(a.lo, b.lo, rel_tol=1e-9) and math.isclose(a.hi, b.hi, rel_tol=1e-9))


def _claimed_by_own(ctx: CheckContext, index: "MentionIndex", m: Mention, c: Mention, score: float,
                    totals: dict[str, Counter]) -> bool:
    """Whether ``m``'s own source gives ``c``'s figure elsewhere in a role that fits ``c`` at least as
    well as ``m`` does: then ``c`` is the counterpart of that mention, and ``m`` states another fact
    ("developed over eight years" is not the "followed for five years" of another source when the
    same source also says "followed for five years"; "by 2027" is not the "in 2024" its own
    source gives for the record year). In: the mention, the candidate and its role score."""
    c_group = ctx.group_of.get(c.passage.id)
    for x in index.of_source_value(m.source, c):
        if x is m:
            continue
        bonus = ALIGNED_BONUS if c_group is not None and ctx.group_of.get(x.passage.id) is c_group \
            and not loose_pair(c_group, x.passage.id, c.passage.id) else 0.0  # a paraphrase is no copy
        if role_score(x, c, totals[x.passage.id][x.unit], totals[c.passage.id][c.unit]) + bonus >= score:
            return True
    return False


def _claimed_by_sibling(m: Mention, c: Mention, score: float, siblings: Sequence[Mention], m_total: int,
                       totals: dict[str, Counter], aligned: bool, index: "MentionIndex | None" = None) -> bool:
    """Whether another figure of ``m``'s passage is the better counterpart of ``c``: it fits ``c``'s
    role better, or it has ``c``'s value ("54.3% … to 45.7%" against "53.4% … 45.7%": the 45.7s
    correspond, so the 54.3 is the 53.4's counterpart). A sibling whose own figure ``c``'s source
    gives elsewhere (with ``index``) already has its counterpart there: "began on June 24 and was
    discovered on November 8" against a source that says "got in on June 24" and "caught the breach
    on November 18" pairs June with June, whatever words the 18th shares with the June date."""
    bonus = ALIGNED_BONUS if aligned else 0.0
    for sib in siblings:
        if sib is m or sib.derived:
            continue
        if sib.unit == BARE and m.unit == "count" and c.exact and sib.value == c.value:
            # "Nine miners died and two are missing": the bare "two" is this passage's figure for
            # the other source's "two remain missing", whatever noun that one counts.
            return True
        if sib.unit != m.unit:
            continue
        if _same_figure(sib, c):
            # (The same figure, not one a hedge merely allows: "about 97 percent" nationally is not
            # the counterpart of another source's "86.5 percent" of the school.)
            return True
        if index is not None and any(x is not c for x in index.of_source_value(c.source, sib)):
            continue
        sib_score = role_score(sib, c, m_total, totals[c.passage.id][c.unit]) + bonus
        if sib_score > score:
            return True
    return False


class MentionIndex:
    """Mentions by unit and context word, to find a mention's counterparts anywhere in the story.

    Built once per run. The story-wide search (``near``) works on *roles*: mentions with the same
    unit, context words, counted noun and event words are found by exactly the same searches, and
    in a story told by many sources most mentions repeat another's role word for word, so postings
    list distinct roles and each role is searched once (memoised). Figures are looked up by value,
    and by value and source, in dictionaries: no lookup scans the whole story.
    """

    MAX_POSTINGS = 3000  # a context word shared by more mentions than this picks out nothing
    MAX_CANDIDATES = 400

    def __init__(self, mentions: Iterable[Mention]) -> None:
        self.by_passage: dict[str, list[Mention]] = defaultdict(list)
        self.by_value: dict[tuple[str, object], list[Mention]] = defaultdict(list)
        self.by_number: dict[tuple[str, object], list[Mention]] = defaultdict(list)  # figure, any hedge
        self._value_source: dict[tuple[str, object, str], list[Mention]] = defaultdict(list)
        self._number_source: dict[tuple[str, object, str], list[Mention]] = defaultdict(list)
        # Roles: (unit, context, head, anchor) -> its mentions; postings list role numbers.
        role_ids: dict[tuple, int] = {}
        self._roles: list[list[Mention]] = []  # per role, its mentions
        self._role_head: list[str] = []
        self._word_roles: dict[tuple[str, str], list[int]] = defaultdict(list)
        self._anchor_roles: dict[tuple[str, str], list[int]] = defaultdict(list)
        self._word_df: Counter[tuple[str, str]] = Counter()  # mentions per (unit, context word)
        self._anchor_df: Counter[tuple[str, str]] = Counter()
        self._near: dict[tuple, list[Mention]] = {}
        self._near_by_source: dict[tuple, dict[str, list[Mention]]] = {}
        self.leads: list[Mention] = []  # every source's lead weekday (``mark_leads``)
        self.units: set[str] = set()
        for m in mentions:
            self.units.add(m.unit)
            if m.lead:
                self.leads.append(m)
            self.by_passage[m.passage.id].append(m)
            vk, pk = _value_key(m), plain_value(m)
            self.by_value[(m.unit, vk)].append(m)
            self.by_number[(m.unit, pk)].append(m)
            self._value_source[(m.unit, vk, m.source)].append(m)
            self._number_source[(m.unit, pk, m.source)].append(m)
            role = _role_key(m)
            rid = role_ids.get(role)
            if rid is None:
                rid = role_ids[role] = len(self._roles)
                self._roles.append([])
                self._role_head.append(m.head)
                for w in m.context:
                    self._word_roles[(m.unit, w)].append(rid)
                for w in m.anchor:
                    self._anchor_roles[(m.unit, w)].append(rid)
            self._roles[rid].append(m)
            for w in m.context:
                self._word_df[(m.unit, w)] += 1
            for w in m.anchor:
                self._anchor_df[(m.unit, w)] += 1
        # Each mention's rank in (passage, position) order: role lists hold ranks, so merging
        # them is sorting integers.
        self._ranked: list[Mention] = sorted((m for ms in self._roles for m in ms), key=_rank_key)
        rank = {id(m): i for i, m in enumerate(self._ranked)}
        self._role_ranks: list[list[int]] = [sorted(rank[id(m)] for m in ms) for ms in self._roles]

    def of_source_value(self, source: str, like: Mention) -> list[Mention]:
        """``source``'s mentions of ``like``'s unit with ``like``'s figure (see ``_same_figure``)."""
        vk = _value_key(like)
        return list(self._value_source.get((like.unit, vk, source), ())) + \
            [x for x in self._number_source.get((like.unit, plain_value(like), source), ()) if _value_key(x) != vk]

    def attested_by(self, m: Mention, exclude: set[str]) -> bool:
        """Whether a source outside ``exclude`` gives ``m``'s figure in ``m``'s unit anywhere."""
        units = (m.unit, BARE) if m.unit == "count" else (m.unit,)
        return any(c.source not in exclude for c in self.by_value.get((m.unit, _value_key(m)), ())) or \
            any(c.source not in exclude for u in units for c in self.by_number.get((u, plain_value(m)), ()))

    def corroborated(self, m: Mention) -> bool:
        """Whether another source gives ``m``'s value in ``m``'s unit anywhere in the story."""
        return any(c.source != m.source for c in self.by_value.get((m.unit, _value_key(m)), ()))

    def slips(self, m: Mention) -> list[Mention]:
        """Mentions of the same unit whose figure is one slip away from ``m``'s (see ``_digit_slip``)."""
        if m.unit == "clock":
            return []
        if m.unit == "date":
            if m.through:
                return []
            month, day = m.value  # type: ignore[misc]
            keys = [(mo, day) for mo in range(1, 13) if mo != month] + [(month, d) for d in _day_slips(day)]
            if day <= 12 and day != month:
                keys.append((day, month))  # "7.3." read month-first: March 7 for July 3
            return [c for k in keys for c in self.by_value.get(("date", k), ()) if c.source != m.source]
        if not isinstance(m.value, float) or m.value <= 0:
            return []
        out = []
        variants = _slip_variants(m.value)
        if m.unit == DURATION:
            variants = {v for v in (_from_clock_figure(x) for x in _slip_variants(_clock_figure(m.value))) if v}
        for v in variants:
            key = (m.hedge, round(m.lo * v / m.value, 9), round(m.hi * v / m.value, 9))
            out.extend(c for c in self.by_value.get((m.unit, key), ()) if c.source != m.source)
            if m.hedge == "about":
                # "about 12.6 km" where others print "1.26 km": a hedge is the writer's word,
                # the figure under it slips like an exact one.
                out.extend(c for c in self.by_value.get((m.unit, ("", round(v, 9), round(v, 9))), ())
                           if c.source != m.source)
        return out

    def in_passage(self, passage_id: str) -> list[Mention]:
        return self.by_passage.get(passage_id, [])

    def near_by_source(self, m: Mention) -> dict[str, list[Mention]]:
        """``near(m)`` grouped by source (shared between mentions of the same role: do not modify)."""
        role = _role_key(m)
        found = self._near_by_source.get(role)
        if found is None:
            found = defaultdict(list)
            for c in self.near(m):
                found[c.source].append(c)
            found = self._near_by_source[role] = dict(found)
        return found

    def near(self, m: Mention) -> list[Mention]:
        """Mentions of the same unit sharing context words with ``m`` (two; one when ``m``'s
        context is short), the most shared first (then by passage and position), at most
        ``MAX_CANDIDATES``. The list is shared between mentions of the same role: do not modify it."""
        role = _role_key(m)
        found = self._near.get(role)
        if found is None:
            found = self._near[role] = self._search(m)
        return found

    def _search(self, m: Mention) -> list[Mention]:
        counts: Counter[int] = Counter()
        for w in m.context:
            if self._word_df[(m.unit, w)] > self.MAX_POSTINGS:
                continue
            counts.update(self._word_roles.get((m.unit, w), ()))
        need = 1 if len(m.context) <= 5 else 2  # a short sentence has few words to share
        same_head = {r for r in counts if m.head and self._role_head[r] == m.head}  # "… hectares" and "… hectares"
        for w in m.anchor:  # "published on Wednesday" and "published this Monday": the same event
            if self._anchor_df[(m.unit, w)] > self.MAX_POSTINGS:
                continue
            for rid in self._anchor_roles.get((m.unit, w), ()):
                counts[rid] += need
                same_head.add(rid)
        by_count: dict[int, list[int]] = defaultdict(list)
        for rid, n in counts.items():
            if n >= need or rid in same_head:
                by_count[n].append(rid)
        out: list[int] = []
        for n in sorted(by_count, reverse=True):
            room = self.MAX_CANDIDATES - len(out)
            out.extend(sorted(itertools.chain.from_iterable(self._role_ranks[r] for r in by_count[n]))[:room])
            if len(out) >= self.MAX_CANDIDATES:
                break
        return [self._ranked[i] for i in out]


def _role_key(m: Mention) -> tuple:
    """What the story-wide search for a mention's counterparts depends on."""
    return (m.unit, m.context, m.head, m.anchor)


_rank_key = operator.attrgetter("passage.id", "start")  # candidates' order: by passage, then position


def _slip_variants(value: float) -> set[float]:
    """Figures a slip turns ``value`` into: a factor of ten, two neighbouring digits swapped, one
    digit changed."""
    return slip_variants(value)


def slip_variants(value: float, *, rare: bool = False) -> set[float]:
    """Figures a slip turns ``value`` into: a factor of ten, two neighbouring digits swapped, and
    (unless ``rare``) one digit changed, the slip two figures of a story often differ by by chance."""
    out = {value * 10, value * 100, value * 1000, value / 10, value / 100, value / 1000}
    teen_ty = _teen_ty_variant(value)
    if teen_ty is not None:
        out.add(teen_ty)  # "fourteen" heard or translated as "forty", and back
    text = _printed(value)
    if "e" in text:
        return out
    digits = [i for i, ch in enumerate(text) if ch.isdigit()]
    for a, b in zip(digits, digits[1:]):
        # Neighbouring digits, across the decimal point too ("12.3" / "13.2"), as ``_figure_slip``
        # reads them: the point stays where the writer put it.
        t = list(text)
        t[a], t[b] = t[b], t[a]
        out.add(float("".join(t)))
    if rare:
        out.discard(value)
        return out
    for i in digits:
        for d in "0123456789":
            if d != text[i] and not (i == 0 and d == "0"):
                out.add(float(text[:i] + d + text[i + 1:]))
    out.discard(value)
    return out


def _describe(m: Mention) -> str:
    """A few words saying which quantity this is, taken from the passage itself."""
    if m.is_date:
        return "for the same event"
    if m.after:
        return f'for "{m.after}"'
    words = [w for w in re.findall(r"[^\W\d_][\w’'\-]*", m.passage.text[: m.start - m.passage.start])][-4:]
    return f'after "{" ".join(words)}"' if words else ""
