"""Two-word units (``_Colloc``) and one member of a unit put for a near word of another meaning
("residential doctors" where others print "resident doctors").

In: the context and sequences. Out: the units (read by the self-inconsistency pass too) and flags.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator, Mapping, Sequence

from rapidfuzz.distance import OSA

from srccompare.checks.base import CheckContext, Token, make_flag, span_of
from srccompare.checks.lexicon import (
    HONORIFICS,
    is_ordinary_word,
    is_alpha_word,
    is_function_word,
    lang_of,
    same_meaning,
    sentence_initial,
    shared_prefix,
    stem,
)
from srccompare.checks.numbers import NUMBER_WORDS
from srccompare.models import Flag, Group, Kind, Severity
from srccompare.checks.terms.words import (
    _EVIDENCE_CAP,
    _MIN_VOTES,
    _SCALE_WORDS,
    _Seq,
    _is_reporting,
    _panel_sample,
)


# --- one member of a collocation put for another -----------------------------------------------
#
# A mistranslated word usually keeps its neighbour: the translator renders "hazelnut" right and
# the polysemous word beside it wrong ("hazelnut wave" for "hazelnut kernels", "evacuation alert"
# for "evacuation order"). The sentence around it is often reworded past the word-for-word
# comparison, but the two-word unit is still there to compare: this source prints (A B), which no
# other source prints, where other sources print (A C) in a sentence saying the same (shared
# names, figures, rare words, or the same aligned group), and this source never prints (A C).

# Only blanks between the two words: punctuation or a line break ends a unit.
_COLLOC_GAP_RE = re.compile(r"[ \t]+")
# Anchoring keys besides the unit's own that a passage of another source must share with this
# one to say the same (or be aligned with it).
_COLLOC_SHARED = 2


@dataclass(frozen=True)
class _Colloc:
    """One two-word unit of a passage: ``anchor`` the key of the shared member, ``side`` 0 when it
    comes first ("hazelnut kernels"), 1 when second ("fuel oil"); ``head`` the other member's
    key (``_head_key``), ``tok`` that member, ``other`` the anchor's token."""

    pid: str
    source: str
    anchor: str
    side: int
    head: str
    tok: Token
    other: Token  # the anchor


@lru_cache(maxsize=100_000)
def _head_key(word: str) -> str:
    """A unit member's comparison key: lower case, a plural ending folded ("kernels", "agencies"),
    otherwise as printed, so near words that share a stem ("residential" / "resident",
    "conservatives" / "conservators") stay apart."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith(("ches", "shes", "xes", "sses", "zes")):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def _colloc_member(word: str, lang: str) -> bool:
    """Whether a word can be the varying member of a unit: a word of letters of the language
    (capitalised or not: "Sakuragi Prefecture"), no function word, reporting verb or scale word."""
    low = word.lower()
    return (len(low) >= 3 and is_alpha_word(low.replace("-", "")) and not is_function_word(low)
            and not _is_reporting(low) and low not in _SCALE_WORDS and low not in NUMBER_WORDS
            and is_ordinary_word(low, lang))


def _colloc_anchor(word: str) -> bool:
    """Whether a word can be the shared member of a unit: a word of letters (a name too), no
    function word, reporting verb, honorific or scale word."""
    low = word.lower()
    return (len(low) >= 2 and is_alpha_word(low.replace("-", "")) and not is_function_word(low)
            and not _is_reporting(low) and low not in _SCALE_WORDS and low not in NUMBER_WORDS
            and low.rstrip(".") not in HONORIFICS)


def _adjacent_pairs(ctx: CheckContext, seqs: Mapping[str, _Seq]) -> Iterator[tuple[str, _Seq, str, str, int]]:
    """Every two neighbouring tokens of every passage with only blanks between them (a two-word
    unit), in passage-id order: (passage id, its ``_Seq``, its source's text, the source's
    language, the first token's index ``i``; the second is ``i + 1``)."""
    for pid in sorted(seqs):
        q = seqs[pid]
        src = ctx.sources[q.passage.source]
        text, lang = src.text, lang_of(src)
        for i in range(len(q.toks) - 1):
            if _COLLOC_GAP_RE.fullmatch(text, q.toks[i].end, q.toks[i + 1].start):
                yield pid, q, text, lang, i


def _collocations(ctx: CheckContext, seqs: Mapping[str, _Seq]) -> list[_Colloc]:
    """Every two-word unit of every passage, read both ways (each member as the anchor)."""
    out = []
    for pid, q, _text, lang, i in _adjacent_pairs(ctx, seqs):
        for a, h, side in ((i, i + 1, 0), (i + 1, i, 1)):
            if _colloc_anchor(q.toks[a].text) and _colloc_member(q.toks[h].text, lang):
                out.append(_Colloc(pid, q.passage.source, q.keys[a], side, _head_key(q.toks[h].text),
                                   q.toks[h], q.toks[a]))
    return out


def _colloc_candidates(ctx: CheckContext, seqs: Mapping[str, _Seq], colls: Sequence[_Colloc] | None = None):
    """In: the context and each passage as a ``_Seq``. Out: (unit, votes) for each unit only its
    source prints whose anchor other sources print with another member at a place saying the
    same, and which this source never prints with that member: votes maps that member's key to
    {other source: its unit}; and, per unit (anchor, side, member key), the sources printing it. Bounded: the others are a
    fixed sample of the sources (``panel_order``), compared through an index of units by anchor."""
    if colls is None:
        colls = _collocations(ctx, seqs)
    printed: dict[tuple[str, int, str], set[str]] = defaultdict(set)
    for c in colls:
        printed[(c.anchor, c.side, c.head)].add(c.source)
    sample = _panel_sample(ctx)
    by_slot: dict[tuple[str, int], list[_Colloc]] = defaultdict(list)
    for c in colls:
        if c.source in sample:
            by_slot[(c.anchor, c.side)].append(c)
    group_of = ctx.group_of
    out = []
    for c in colls:
        if printed[(c.anchor, c.side, c.head)] != {c.source}:
            continue
        a = seqs[c.pid]
        g = group_of.get(c.pid)
        votes: dict[str, dict[str, _Colloc]] = defaultdict(dict)
        for d in by_slot.get((c.anchor, c.side), ()):
            if d.source == c.source or d.head == c.head or c.source in printed[(d.anchor, d.side, d.head)]:
                continue
            if d.source in votes[d.head]:
                continue
            b = seqs[d.pid]
            own = {c.anchor, stem(c.tok.text.lower()), stem(d.tok.text.lower())}
            shared = len((a.anchor_keys & b.anchor_keys) - own)
            same_group = g is not None and group_of.get(d.pid) is g
            if same_group or shared >= _COLLOC_SHARED:
                votes[d.head][d.source] = d
        votes = {k: v for k, v in votes.items() if v}
        if votes:
            out.append((c, votes))
    return out, printed


# Two members this many letters apart (a swap counts one) at most, sharing a beginning this long,
# are near words: one letter apart is a slip or a spelling variant (the name and garble checks' or
# nobody's business: "Defense" / "Defence"); two or three apart with a meaning of its own each is
# the other word read or typed for it ("residential" / "resident", "Minister" / "Ministry").
_NEAR_EDITS = 3
_NEAR_PREFIX = 4
# At or above this ``same_meaning``, two forms are one word (an inflection: "blow" / "blown").
_ONE_WORD = 0.5


def _near_words(x: str, y: str) -> bool:
    """Whether two unit members (as printed) are near words of different meanings (see above)."""
    a, b = x.lower(), y.lower()
    if _head_key(a) == _head_key(b):
        return False
    if shared_prefix(a, b) < _NEAR_PREFIX or not 2 <= OSA.distance(a, b) <= _NEAR_EDITS:
        return False
    meaning = same_meaning(a, b)
    return meaning is None or meaning < _ONE_WORD


# Endings that make a relational adjective of a noun ("environment" -> "environmental", "north"
# -> "northern", "economy" -> "economic"; a final -e or -y of the noun may drop).
_RELATIONAL_ENDINGS = ("al", "ial", "ical", "ic", "ern", "ian", "ary", "ese")


def _relational_pair(x: str, y: str) -> bool:
    """Whether one word (as printed) is the other with a relational-adjective ending
    (``_RELATIONAL_ENDINGS``): a noun and the adjective made from it. As the modifier of the same
    head they say the same ("environment director" / "environmental director", "Southern
    Valdoria" / "South Valdoria"): English uses the noun and its adjective alike in that place,
    and a translation picks either."""
    a, b = sorted((x.lower(), y.lower()), key=len)
    for base in {a, a[:-1] if len(a) > 4 and a[-1] in "ey" else a}:
        if b.startswith(base) and b[len(base):] in _RELATIONAL_ENDINGS:
            return True
    return False


def _collocation_swaps(ctx: CheckContext, seqs: Mapping[str, _Seq],
                       colls: Sequence[_Colloc] | None = None) -> list[Flag]:
    """In: the context and each passage as a ``_Seq``. Out: a term variant for each member of a
    two-word unit only its source prints where at least ``_MIN_VOTES`` other sources print the
    same anchor with a near word of it (``_near_words``) at a place saying the same
    ("residential doctors" / "resident doctors"), that member a word no other source prints in
    the story, the others' word absent from this passage and this member absent from theirs. A
    noun against the adjective made from it (``_relational_pair``: "environment" / "environmental")
    is the same modifier worded two ways, not a near word of another meaning.

    Measured on the development stories: the same consensus with any unrelated member instead
    of a near word (WordNet: no shared sense, no field, neither a kind of the other; the anchor
    a noun or a rare modifier, no figure before) found no missed swap and some 16 rewordings
    ("drug regulator" / "health regulator", "factory equipment" / "factory machines"); with one
    other source printing the unit, near words or not, the pairs were as often right in this
    source as in the other (both orders occur), so one witness cannot say which is wrong.
    Rejected too (session 7): WordNet sister words (one hypernym step up each, no shared sense,
    neither a kind of the other: "autumn" / "winter") beside near words, two witnesses: 0 hits and
    7 false positives on the hand-written stories, verbs and nouns of one field worded freely
    ("collided" / "hit", "riders" / "passengers", "branch" / "office")."""
    cands, printed = _colloc_candidates(ctx, seqs, colls)
    if not cands:
        return []
    # Per member, the units it is printed in: a source printing the others' word in one of their
    # units elsewhere ("personnel carriers" two sentences on) tells the two words apart.
    units_of: dict[str, list[tuple[str, int, str]]] = defaultdict(list)
    for unit in printed:
        units_of[unit[2]].append(unit)
    others_print: dict[str, set[str]] = defaultdict(set)  # key -> sources printing it anywhere
    for q in seqs.values():
        for k in q.keyset:
            others_print[k].add(q.passage.source)
    out = []
    done: set[tuple[str, int]] = set()
    for c, votes in cands:
        a = seqs[c.pid]
        text = ctx.sources[c.source].text
        b_key = stem(c.tok.text.lower())
        if others_print.get(b_key, set()) - {c.source}:
            continue
        ranked = []
        for head, voters in votes.items():
            t = voters[sorted(voters)[0]].tok
            if len(voters) < _MIN_VOTES or not _near_words(c.tok.text, t.text):
                continue
            if _relational_pair(c.tok.text, t.text):
                continue  # a modifier given as the noun or as its adjective: the same thing
            if any(c.source in printed[u] and printed[u] & voters.keys() for u in units_of[head]):
                continue
            if stem(t.text.lower()) in a.keyset or any(b_key in seqs[d.pid].keyset for d in voters.values()):
                continue
            # The same capitalisation, unless a sentence's first word ("Resident doctors ...").
            caps = {x.tok.text[:1].isupper() for x in voters.values()
                    if not sentence_initial(ctx.sources[x.source].text, x.tok.start)}
            if not sentence_initial(text, c.tok.start):
                caps.add(c.tok.text[:1].isupper())
            if len(caps) > 1:
                continue
            ranked.append((len(voters), head))
        best = _unique_best(ranked)
        if best is None or (c.source, c.tok.start) in done:
            continue
        done.add((c.source, c.tok.start))
        voters = votes[best]
        out.append(_colloc_flag(ctx, c, voters, ctx.group_of.get(c.pid)))
    return out


def _colloc_flag(ctx: CheckContext, c: _Colloc, voters: Mapping[str, _Colloc], group: Group | None) -> Flag:
    """The flag for a unit member against the others' near word (``_collocation_swaps``): medium,
    more confident with more agreeing sources."""
    text = ctx.sources[c.source].text
    surfaces = Counter(d.tok.text.lower() for d in voters.values())
    expected = sorted(surfaces.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    start, end = min(c.tok.start, c.other.start), max(c.tok.end, c.other.end)
    votes = len(voters)
    evidence = [span_of(ctx, o, d.tok.start, d.tok.end) for o, d in sorted(voters.items())][:_EVIDENCE_CAP]
    message = (f"'{c.tok.text}' in '{text[start:end]}', printed by no other source, where {votes} other sources print "
               f"'{expected}' with the same word in a sentence saying the same (a near word of another meaning)")
    return make_flag(ctx, kind=Kind.TERM_VARIANT, source=c.source, start=c.tok.start, end=c.tok.end,
                     expected=expected, severity=Severity.MEDIUM, confidence=0.5 + 0.05 * min(votes - 1, 3),
                     group=group, message=message, evidence=evidence)


def _unique_best(ranked: Sequence[tuple[int, str]]) -> str | None:
    """The head most voters print, from (voters, head) pairs; None when there is none or two tie."""
    if not ranked:
        return None
    ordered = sorted(ranked, key=lambda nh: (-nh[0], nh[1]))
    if len(ordered) > 1 and ordered[1][0] == ordered[0][0]:
        return None
    return ordered[0][1]
