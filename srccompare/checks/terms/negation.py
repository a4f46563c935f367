"""A statement turned around by a negation: one source prints a word of a shared sentence plain
where the other sources print it negated, or the reverse ("the tram lines are also closed" where
two other sources print "the tram lines are not closed").

In: the context and the word sequences. Out: flags.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Iterable, Mapping, Sequence

from srccompare.checks.base import CheckContext, make_flag, span_of
from srccompare.checks.lexicon import panel_order
from srccompare.checks.speech import NEGATIONS
from srccompare.models import Flag, Kind, Severity
from srccompare.checks.terms.words import _EVIDENCE_CAP, _MAX_OTHERS, _MIN_VOTES, _Seq, _firm
from srccompare.checks.terms.consensus import _with_particle


# --- a negation dropped or added ----------------------------------------------------------------
#
# The substitution pass compares content words, and English negates with function words ("not",
# "never", "can't"): two renderings of one sentence with the same content words, one of them
# negated, read as the same sentence there. Yet the negation turns the statement around, and a
# translation drops or adds one as easily as it swaps a word. Where the other sources agree on
# the negation of a word this source prints in otherwise shared wording, the word is a term
# variant, whatever the language the story was translated from.

# English negators of a verb: the adverbs and the contracted or fused modal forms ("can't", "cannot").
_NEGATORS = frozenset({"not", "never", "cannot"})
_CONTRACTED = ("n't", "n’t")
# Words that deny a statement without a negator ("no fares", "without paying"): the rest of the
# negations the speech reading knows, and "without", "nowhere". With the stems below ("refused to
# pay", "failed to agree"), a plain word after one of them is no plain statement.
_DENIALS = (NEGATIONS | {"without", "nowhere"}) - _NEGATORS
_DENIAL_STEMS = ("refus", "fail", "deni", "deny", "declin", "reject", "unabl", "instead", "rule")
# Tokens read before the word for its negator (auxiliaries and adverbs between: "has not yet
# ruled", "will not be affected"); a content word, a name or a figure between ends the search.
_REACH = 4
# Passages sharing fewer comparison keys than this are not renderings of one sentence (as in the
# substitution pass).
_MIN_SHARED_KEYS = 4


def _negator(text: str) -> bool:
    t = text.lower()
    return t in _NEGATORS or t.endswith(_CONTRACTED)


def _negated_at(q: _Seq, i: int) -> int | None:
    """The index of the negator of ``q``'s word ``i`` ("not" in "are not affected"), or None.
    "not only" is no negation of the word after it."""
    for k in range(i - 1, max(-1, i - 1 - _REACH), -1):
        if q.quoted[k] != q.quoted[i]:
            return None
        t = q.toks[k].text.lower()
        if _negator(t):
            nxt = q.toks[k + 1].text.lower() if k + 1 < len(q.toks) else ""
            return None if nxt in ("only", "just", "merely") else k
        if q.anchor[k]:
            return None
    return None


def _denied(q: _Seq, i: int) -> bool:
    """Whether anything before word ``i`` in its clause may deny it without a negator ("no",
    "without", "refused to", "ruled out"): then a plain word there is no plain statement."""
    for k in range(max(0, i - 2 * _REACH), i):
        t = q.toks[k].text.lower()
        if _negator(t) or t in _DENIALS or t.startswith(_DENIAL_STEMS):
            return True
    return False


def _negations(q: _Seq) -> int:
    """How many negation words ``q`` prints ("not", "never", "no", "nothing", "can't"...)."""
    return sum(1 for t in q.toks if _negator(t.text) or t.text.lower() in NEGATIONS)


def _same_next(a: _Seq, i: int, b: _Seq, j: int) -> bool:
    """Whether the word is followed alike in both passages: the next anchoring word (a content
    word, name or figure) has one key in both, or one of the passages ends there ("are not
    closed." / "are also closed by the storm."). "was paying what its customers accepted" / "cannot pay more than the
    market" continue into other statements, and the negation of one says nothing of the other."""
    def nxt(q: _Seq, k: int) -> str | None:
        for m in range(k + 1, len(q.keys)):
            if q.anchor[m]:
                return q.keys[m]
        return None
    x, y = nxt(a, i), nxt(b, j)
    return x is None or y is None or x == y


def _once(q: _Seq, key: str) -> int | None:
    """The index of ``key`` in ``q`` when it is a content word printed there exactly once."""
    if q.key_counts.get(key, 0) != 1:
        return None
    i = q.keys.index(key)
    return i if q.content[i] else None


def _negation_swaps(ctx: CheckContext, seqs: Mapping[str, _Seq]) -> Iterable[Flag]:
    """Per aligned group, each source's content words (outside quotations, printed once) whose
    negation differs from that of the same word in ``_MIN_VOTES`` other sources' passages sharing
    the wording (``_MIN_SHARED_KEYS``), no other source siding with this one. The flag covers the
    word (with its negator where this source has one); ``expected`` is the others' rendering."""
    at = {(p.source, p.index): seqs[p.id] for p in ctx.alignment.passages if p.id in seqs}
    for g in ctx.alignment.groups:
        members: dict[str, list[_Seq]] = defaultdict(list)
        for p in _firm(g):
            if p.id in seqs:
                members[p.source].append(seqs[p.id])
        sample = sorted(members, key=panel_order)[:_MAX_OTHERS + 1]
        if len(sample) < _MIN_VOTES + 1:
            continue
        for s in sorted(members):
            others = [o for o in sample if o != s]
            for a in members[s]:
                # This source's other sentences at the place: its other passages in the group and
                # the sentences on either side.
                near = [*members[s], *(at[(s, a.passage.index + d)] for d in (-1, 1) if (s, a.passage.index + d) in at)]
                yield from _passage_negations(ctx, g, s, a, others, members, near)


def _passage_negations(ctx, g, s: str, a: _Seq, others: Sequence[str],
                       members: Mapping[str, Sequence[_Seq]], near: Sequence[_Seq]) -> Iterable[Flag]:
    # The others' passages sharing the wording, found once per passage rather than once per word.
    sharing = {o: [b for b in members[o] if len(a.keyset & b.keyset) >= _MIN_SHARED_KEYS] for o in others}
    for i, key in enumerate(a.keys):
        if not a.content[i] or a.quoted[i] or _once(a, key) is None:
            continue
        mine = _negated_at(a, i)
        if mine is None and _denied(a, i):
            continue
        votes: dict[str, tuple[_Seq, int, int | None]] = {}
        siding = 0
        for o in others:
            found = [(b, j) for b in sharing[o] if (j := _once(b, key)) is not None]
            # A passage of the other source's printing the word as this source does, quoted or not (a
            # transcript prints the speech without quotation marks), sides with it: a source
            # printing the word both ways in the group is no witness against it.
            if any((_negated_at(b, j) is None) == (mine is None) and _same_next(a, i, b, j) for b, j in found):
                siding += 1
                break
            for b, j in found:
                if b.quoted[j]:
                    continue
                if _negations(b) == _negations(a):
                    break  # as many negations on both sides: one moved (word order), none added or dropped
                if not _same_next(a, i, b, j):
                    break  # the word goes on to say another thing there: no rendering of one clause
                theirs = _negated_at(b, j)
                if theirs is not None or not _denied(b, j):
                    votes[o] = (b, j, theirs)
                break
        if len(votes) < _MIN_VOTES or siding:
            continue
        if _said_elsewhere(a, key, mine, near, votes):
            continue
        yield _flag(ctx, g, s, a, i, mine, votes)


def _said_elsewhere(a: _Seq, key: str, mine: int | None, own: Sequence[_Seq],
                    votes: Mapping[str, tuple[_Seq, int, int | None]]) -> bool:
    """Whether another sentence of this source at the place (``own``: its other passages in the
    group, the sentences beside ``a``) prints the word as the voters do (negated where they negate
    it, plain where they print it plain): the source renders their statement itself, and ``a`` is
    a second statement of its own ("will count how many nets are in use" in one sentence, "asked
    fishermen not to use them" in the next)."""
    theirs_negated = all(neg is not None for _b, _j, neg in votes.values())
    theirs_plain = all(neg is None for _b, _j, neg in votes.values())
    for b in own:
        if b is a:
            continue
        j = _once(b, key)
        if j is None:
            continue
        negated = _negated_at(b, j) is not None
        if (negated and theirs_negated and mine is None) or (not negated and theirs_plain and mine is not None):
            return True
    return False


def _flag(ctx, g, s: str, a: _Seq, i: int, mine: int | None,
          votes: Mapping[str, tuple[_Seq, int, int | None]]) -> Flag:
    text = ctx.sources[s].text
    start = a.toks[mine if mine is not None else i].start
    end = _with_particle(text, a.toks[i].end)
    renderings = Counter()
    evidence = []
    for o, (b, j, neg) in sorted(votes.items()):
        other = ctx.sources[o].text
        lo = b.toks[neg if neg is not None else j].start
        hi = _with_particle(other, b.toks[j].end)
        renderings[other[lo:hi]] += 1
        evidence.append(span_of(ctx, o, lo, hi))
    expected = sorted(renderings.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    n = len(votes)
    message = (f"'{text[start:end]}' where {n} other sources say '{expected}' in otherwise the same wording "
               f"(negation {'added' if mine is not None else 'dropped'})")
    return make_flag(ctx, kind=Kind.TERM_VARIANT, source=s, start=start, end=end, expected=expected,
                     severity=Severity.HIGH, confidence=min(0.95, 0.7 + 0.05 * min(n - _MIN_VOTES, 3)),
                     group=g, message=message, evidence=evidence[:_EVIDENCE_CAP])
