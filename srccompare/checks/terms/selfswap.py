"""A source inconsistent with itself: a member of a two-word unit printed once against this source's
own and the others' usual member.

In: the context, sequences and two-word units. Out: flags.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Mapping, Sequence

from srccompare.checks.base import CheckContext, Token, make_flag, span_of
from srccompare.checks.lexicon import MEANING_KEPT, lang_of, more_general, noun_categories, same_meaning, stem, zipf
from srccompare.models import Flag, Kind, Severity
from srccompare.checks.terms.words import (
    _EVERYDAY_ZIPF,
    _EVIDENCE_CAP,
    _MIN_VOTES,
    _Seq,
    _UNDER_FLOOR,
    _nounish,
    _panel_sample,
)
from srccompare.checks.terms.collocations import _COLLOC_SHARED, _Colloc, _collocations


# --- a source inconsistent with itself ----------------------------------------------------------
#
# Machine translation renders one source word anew in every sentence: a source prints the story's
# unit ("harbour dues") in most places and, at one place where the other sources print the same
# word, another member ("harbour tithes"). The source's own wording elsewhere shows the two are one
# thing named two ways within one article, not a different thing only this source mentions.

# Other sources that print the unit somewhere in the story, at least (the story's wording).
_SELF_ESTABLISHED = 2
# Other passages of this source that print the others' word, at least (its own usual word).
_SELF_OWN = 2


def _self_swaps(ctx: CheckContext, seqs: Mapping[str, _Seq], colls: Sequence[_Colloc] | None = None) -> list[Flag]:
    """In: the context and each passage as a ``_Seq``. Out: a term variant for each member B of a
    two-word unit (A B) only its source prints, outside a quotation, where that source prints
    (A C) itself in another passage and C in at least ``_SELF_OWN`` other passages, at least
    ``_SELF_ESTABLISHED`` other sources print (A C) in the story and at least ``_MIN_VOTES`` of
    them print C in a passage saying the same (the same aligned group, or ``_COLLOC_SHARED``
    anchoring words shared besides the unit's), one of them the whole unit (A C) there, this
    passage not printing C. B is a word no other source prints; B, C and A are mostly nouns, A a
    lower-case word (not a name); WordNet must not give B and C one meaning or make one a kind of
    the other (a rewording). Medium; low (below the reporting floor) where both are everyday words.

    Measured on the development stories: without the noun, name and quotation conditions the
    same consensus found some 30 places, one a mistranslation; the rest were units that are no
    unit ("<a town> days before", "carry food"), quoted wording, or two things a story names
    side by side ("energy prices" / "gas prices"). Bounded: witnesses are a fixed sample of the
    sources, found through an index by key. ``colls``: the units (``_collocations``) if read
    already."""
    if colls is None:
        colls = _collocations(ctx, seqs)
    printed: dict[tuple[str, int, str], set[str]] = defaultdict(set)
    where: dict[tuple[str, int, str, str], set[str]] = defaultdict(set)  # unit, source -> pids
    heads: dict[tuple[str, int, str], dict[str, Token]] = defaultdict(dict)  # anchor, side, source
    for c in colls:
        printed[(c.anchor, c.side, c.head)].add(c.source)
        where[(c.anchor, c.side, c.head, c.source)].add(c.pid)
        heads[(c.anchor, c.side, c.source)].setdefault(c.head, c.tok)
    # The units' own conditions first: the story-wide counts are then taken for their words only.
    cands = []
    for c in colls:
        if printed[(c.anchor, c.side, c.head)] != {c.source} or not _self_anchor(c.other):
            continue
        a = seqs[c.pid]
        i = next(k for k, t in enumerate(a.toks) if t.start == c.tok.start)
        if a.quoted[i] or not a.content[i] or not _nounish(c.tok.text):
            continue
        for head, t in sorted(heads[(c.anchor, c.side, c.source)].items()):
            unit = (c.anchor, c.side, head)
            if head == c.head or not where[(*unit, c.source)] - {c.pid} \
                    or len(printed[unit] - {c.source}) < _SELF_ESTABLISHED:
                continue
            c_key = stem(t.text.lower())
            if c_key not in a.keyset and _nounish(t.text):
                cands.append((c, a.keys[i], unit, t, c_key))
    if not cands:
        return []
    needed = frozenset(x[1] for x in cands) | frozenset(x[4] for x in cands)
    sample = _panel_sample(ctx)
    sources_of: dict[str, set[str]] = defaultdict(set)
    with_key: dict[str, list[str]] = defaultdict(list)  # key -> sample passages printing it
    own_count: Counter[tuple[str, str]] = Counter()  # (source, key) -> passages printing it
    for pid in sorted(seqs):
        q = seqs[pid]
        src = q.passage.source
        for k in q.keyset & needed:
            sources_of[k].add(src)
        for k in q.content_keyset & needed:
            own_count[(src, k)] += 1
            if src in sample:
                with_key[k].append(pid)
    group_of = ctx.group_of
    out = []
    done: set[tuple[str, int]] = set()
    for c, b_key, unit, t, c_key in cands:
        if (c.source, c.tok.start) in done or sources_of[b_key] != {c.source} \
                or own_count[(c.source, c_key)] < _SELF_OWN:
            continue
        a = seqs[c.pid]
        voters, at = _self_voters(seqs, with_key.get(c_key, ()), a, c, c_key, b_key, group_of)
        # One of them prints the whole unit there: the slot is the unit's, not a word nearby
        # ("global superpowers" where the others say "the largest economies").
        if len(voters) < _MIN_VOTES or not any(at[o] in where[(*unit, o)] for o in voters):
            continue
        mine, theirs = c.tok.text.lower(), t.text.lower()
        meaning = same_meaning(mine, theirs)
        if (meaning is not None and meaning >= MEANING_KEPT) or more_general(mine, theirs):
            continue
        if _person_beside_thing(mine, theirs):
            continue
        done.add((c.source, c.tok.start))
        out.append(_self_flag(ctx, c, t.text, voters))
    return out


# A noun whose senses are at least this share people (WordNet's person category) names people.
_PERSON_SHARE = 0.5


def _person_beside_thing(mine: str, theirs: str) -> bool:
    """Whether one member names people and the other does not (``_PERSON_SHARE``): "harbour
    pilots" beside "harbour dues" is someone the story names beside the thing, another referent;
    a word rendered two ways keeps what it names, a person or a thing ("harbour tithes" / "harbour
    dues"). Measured: such a pair was one of the pass's two false positives on the hand-written stories
    (on one of the 35 least-tuned) and one in a generated corpus, none of its hits."""
    people = [noun_categories(w).get("person", 0.0) >= _PERSON_SHARE for w in (mine, theirs)]
    return people[0] != people[1]


def _self_anchor(t: Token) -> bool:
    """Whether a unit's shared member makes a compound noun with the other: a lower-case word (no
    name or sentence-initial capital) used mostly as a noun ("chemistry", "oil"), not a verb
    taking an object ("carry food") or an adjective that qualifies many things ("global
    superpowers" beside "global economy" names two things, not one twice)."""
    return t.text.islower() and _nounish(t.text)


def _self_voters(seqs: Mapping[str, _Seq], pids: Sequence[str], a: _Seq, c: _Colloc, c_key: str, b_key: str,
                 group_of) -> tuple[dict[str, Token], dict[str, str]]:
    """Per other source, its token of the key ``c_key`` in its first passage (of ``pids``) saying
    the same as ``a`` (the same aligned group, or sharing ``_COLLOC_SHARED`` anchoring words
    besides the unit's), and that passage's id."""
    g = group_of.get(a.passage.id)
    own = {c.anchor, b_key, c_key}
    voters: dict[str, Token] = {}
    at: dict[str, str] = {}
    for pid in pids:
        q = seqs[pid]
        o = q.passage.source
        if o == c.source or o in voters:
            continue
        same_group = g is not None and group_of.get(pid) is g
        if not same_group and len((a.anchor_keys & q.anchor_keys) - own) < _COLLOC_SHARED:
            continue
        voters[o] = next(t for t, k in zip(q.toks, q.keys) if k == c_key)
        at[o] = pid
    return voters, at


def _self_flag(ctx: CheckContext, c: _Colloc, expected: str, voters: Mapping[str, Token]) -> Flag:
    """The flag for a member this source prints once against its own and the others' word
    (``_self_swaps``): medium, low where both words are everyday words (likely a paraphrase)."""
    text = ctx.sources[c.source].text
    lang = lang_of(ctx.sources[c.source])
    start, end = min(c.tok.start, c.other.start), max(c.tok.end, c.other.end)
    everyday = zipf(c.tok.text.lower(), lang) >= _EVERYDAY_ZIPF and zipf(expected.lower(), lang) >= _EVERYDAY_ZIPF
    votes = len(voters)
    evidence = [span_of(ctx, o, t.start, t.end) for o, t in sorted(voters.items())][:_EVIDENCE_CAP]
    message = (f"'{c.tok.text}' in '{text[start:end]}', printed by no other source, where {votes} other sources "
               f"print '{expected.lower()}' in a sentence saying the same and this source itself prints "
               f"'{expected.lower()}' with '{c.other.text}' elsewhere (one word rendered two ways)")
    confidence = 0.5 + 0.05 * min(votes - 1, 3)
    if everyday:
        # Two everyday words for one thing are usually the writer's variation: kept below the
        # reporting floor, as swaps of everyday words are elsewhere in this check.
        confidence = ctx.settings.min_confidence - _UNDER_FLOOR
    return make_flag(ctx, kind=Kind.TERM_VARIANT, source=c.source, start=c.tok.start, end=c.tok.end,
                     expected=expected.lower(), severity=Severity.LOW if everyday else Severity.MEDIUM,
                     confidence=confidence, group=ctx.group_of.get(c.pid), message=message, evidence=evidence)
