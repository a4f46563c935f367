"""The thing a figure counts, named otherwise: the same figure at the same place, followed by a noun
of another meaning than the one the other sources agree on ("two rooms were derailed" where two
other sources print "two carriages").

In: the context and sequences. Out: flags.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Mapping

from srccompare.checks.base import CheckContext, Token, make_flag, span_of
from srccompare.checks.lexicon import (
    MEANING_KEPT,
    is_alpha_word,
    is_function_word,
    more_general,
    noun_categories,
    same_meaning,
    share_ancestor,
    stem,
)
from srccompare.checks.quantities import NUMBER_WORDS
from srccompare.models import Flag, Kind, Severity
from srccompare.checks.terms.words import _EVIDENCE_CAP, _MIN_VOTES, _SCALE_WORDS, _Seq, _known, _nounish, _panel_sample
from srccompare.checks.terms.collocations import (
    _COLLOC_GAP_RE, _COLLOC_SHARED, _adjacent_pairs, _head_key, _unique_best,
)

# --- a counted thing named otherwise --------------------------------------------------------------
#
# A figure is the firmest anchor two renderings of one sentence share: translators keep it, and the
# noun right after it names what is counted. Where this source prints the same figure at the same
# place as the others and another noun after it, the slot is pinned by the figure (no guess at
# which word stands for which), and a noun of another field is another thing counted: a word of the
# source language taken in its other sense ("rooms" for railway compartments). Amounts of a unit
# (tonnes, hours, days) are the figures' and dates' checks' business and are left out.

# A digit figure as printed: digits with thousands separators or a decimal part.
_FIGURE_RE = re.compile(r"\d+(?:[.,]\d+)*")
# A noun counted must not be mostly one of these WordNet categories: amounts of a unit or of time.
_UNIT_CATEGORIES = ("quantity", "time")
_UNIT_SHARE = 0.5
# People are described freely ("workers" / "miners", "people" / "archaeologists", "members" /
# "commissioners"): nouns mostly of these categories are never read as another thing counted.
_PEOPLE_CATEGORIES = ("person", "group")
# WordNet hypernym steps within which two nouns are of one field (a rewording: "animals" /
# "elephants", "vehicles" / "trucks"), as the other passes read near words.
_FIELD_STEPS = 2


@dataclass(frozen=True)
class _Counted:
    """A figure and the noun right after it in one passage: ``value`` the figure's key, ``head``
    the noun's comparison key (``_head_key``)."""

    pid: str
    source: str
    value: str
    head: str
    fig: Token
    tok: Token


def _figure_key(word: str) -> str:
    """A figure's comparison key: a number word in lower case, digits without separators."""
    low = word.lower()
    if low in NUMBER_WORDS:
        return low
    if _FIGURE_RE.fullmatch(word):
        return re.sub(r"[.,]", "", word)
    return ""


@lru_cache(maxsize=100_000)
def _countable(word: str, lang: str) -> bool:
    """Whether a word printed after a figure can name a thing counted: a lower-case word of
    letters of the language, mostly a noun, neither a function word nor a scale word, and not
    mostly a unit of measure or of time (``_UNIT_CATEGORIES``)."""
    if not word.islower() or len(word) < 3 or not is_alpha_word(word) or is_function_word(word):
        return False
    if word in _SCALE_WORDS or word in NUMBER_WORDS or not _known(word, lang) or not _nounish(word):
        return False
    cats = noun_categories(word)
    return (sum(cats.get(c, 0.0) for c in _UNIT_CATEGORIES) < _UNIT_SHARE
            and sum(cats.get(c, 0.0) for c in _PEOPLE_CATEGORIES) < _UNIT_SHARE)


def _counted(ctx: CheckContext, seqs: Mapping[str, _Seq]) -> list[_Counted]:
    """Every figure followed (only blanks between) by a countable noun, in every passage."""
    out = []
    for pid, q, text, lang, i in _adjacent_pairs(ctx, seqs):
        f, t = q.toks[i], q.toks[i + 1]
        value = _figure_key(f.text)
        if not value or not _countable(t.text, lang):
            continue
        if i + 2 < len(q.toks) and _COLLOC_GAP_RE.fullmatch(text, t.end, q.toks[i + 2].start) \
                and q.content[i + 2] and _nounish(q.toks[i + 2].text):
            continue  # a modifier of the noun counted ("two baby elephants"), not the noun
        out.append(_Counted(pid, q.passage.source, value, _head_key(t.text), f, t))
    return out


def _category(word: str) -> str:
    """The WordNet noun category most of a word's noun senses fall in ("artifact", "event")."""
    cats = noun_categories(word)
    return max(sorted(cats), key=lambda c: cats[c]) if cats else ""


def _other_field(mine: str, theirs: str) -> bool:
    """Whether two nouns name things of one broad category (WordNet's noun category: two
    artifacts) but of different fields: no shared or near WordNet sense, neither a kind of the
    other, no common ancestor within ``_FIELD_STEPS`` ("rooms" / "carriages"; not "animals" /
    "elephants" nor "boats" / "vessels", nor "deaths" / "children", an event and a person: two
    statements). False where WordNet lacks either."""
    if not _category(mine) or _category(mine) != _category(theirs):
        return False
    meaning = same_meaning(mine, theirs)
    if meaning is None or meaning >= MEANING_KEPT:
        return False
    if more_general(mine, theirs) or share_ancestor(mine, theirs, _FIELD_STEPS) is not False:
        return False
    return True


def _counted_swaps(ctx: CheckContext, seqs: Mapping[str, _Seq]) -> list[Flag]:
    """In: the context and each passage as a ``_Seq``. Out: a term variant on the noun after a
    figure (``_Counted``) that no other source prints after that figure, where at least
    one other source prints the same figure followed by another noun at a place saying the same
    (the same aligned group, loose members included, or ``_COLLOC_SHARED`` anchoring words shared
    besides the figure and the two nouns), at least ``_MIN_VOTES`` other sources print that figure
    and noun in the story, and: this source's noun is printed by no
    other source anywhere in the story; the others' noun by this source nowhere, nor this
    source's in their passage; the two are things of one category but of different fields
    (``_other_field``); neither describes people (``_countable``). Medium. Bounded: witnesses are a
    fixed sample of the sources, found through an index by figure."""
    units = _counted(ctx, seqs)
    if not units:
        return []
    sample = _panel_sample(ctx)
    by_value: dict[str, list[_Counted]] = defaultdict(list)
    printed: dict[tuple[str, str], set[str]] = defaultdict(set)  # (figure, noun) -> sources
    for u in units:
        printed[(u.value, u.head)].add(u.source)
        if u.source in sample:
            by_value[u.value].append(u)
    story: dict[str, set[str]] = defaultdict(set)  # stem -> sources printing it
    source_keys: dict[str, set[str]] = defaultdict(set)  # source -> the stems it prints
    for q in seqs.values():
        source_keys[q.passage.source] |= q.keyset
        for k in q.keyset:
            story[k].add(q.passage.source)
    group_of = ctx.group_of
    out = []
    for c in units:
        if printed[(c.value, c.head)] != {c.source}:
            continue
        mine = stem(c.tok.text)
        if story.get(mine, set()) - {c.source}:
            continue
        own_words = source_keys[c.source]
        a = seqs[c.pid]
        g = group_of.get(c.pid)
        votes: dict[str, dict[str, _Counted]] = defaultdict(dict)
        for d in by_value.get(c.value, ()):
            if d.source == c.source or d.head == c.head or d.source in votes[d.head]:
                continue
            b = seqs[d.pid]
            theirs = stem(d.tok.text)
            if theirs in own_words or mine in b.keyset:
                continue
            shared = len((a.anchor_keys & b.anchor_keys) - {c.value, mine, theirs})
            if (g is not None and group_of.get(d.pid) is g) or shared >= _COLLOC_SHARED:
                votes[d.head][d.source] = d
        # At the place one witness at least; the story two: the others print the same figure and
        # noun elsewhere too (a sentence reworded past the alignment keeps the figure).
        ranked = [(len(v), h) for h, v in votes.items()
                  if v and len(printed[(c.value, h)] - {c.source}) >= _MIN_VOTES]
        best = _unique_best(ranked)
        if best is None:
            continue
        voters = votes[best]
        first = voters[sorted(voters)[0]]
        if not _other_field(c.tok.text, first.tok.text):
            continue
        out.append(_counted_flag(ctx, c, voters, len(printed[(c.value, best)] - {c.source})))
    return out


def _counted_flag(ctx: CheckContext, c: _Counted, voters: Mapping[str, _Counted], in_story: int) -> Flag:
    """The flag for a counted noun against the others' (``_counted_swaps``); ``in_story``: the
    other sources printing their figure and noun anywhere in the story."""
    text = ctx.sources[c.source].text
    surfaces = Counter(d.tok.text.lower() for d in voters.values())
    expected = sorted(surfaces.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    n = len(voters)
    evidence = [span_of(ctx, o, d.fig.start, d.tok.end) for o, d in sorted(voters.items())][:_EVIDENCE_CAP]
    who = "one other source counts" if n == 1 else f"{n} other sources count"
    message = (f"'{text[c.fig.start:c.tok.end]}', printed by no other source, where {who} "
               f"'{c.fig.text} {expected}' at the same place and {in_story} print it in the story "
               f"(the same figure, another thing counted)")
    return make_flag(ctx, kind=Kind.TERM_VARIANT, source=c.source, start=c.fig.start, end=c.tok.end,
                     expected=f"{c.fig.text} {expected}", severity=Severity.MEDIUM,
                     confidence=0.55 + 0.05 * min(n - 1, 3), group=ctx.group_of.get(c.pid),
                     message=message, evidence=evidence)
