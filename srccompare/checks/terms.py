"""term_variant: a word or phrase where most other sources use a different term at the same place.

In: the check context. Out: one flag per replaced term, ``expected`` being the term the others
agree on, evidence its places in those sources.

How, for each passage of each source:

1. Counterparts: the other sources' passages in its aligned group. A passage the alignment left
   alone (a sentence reworded beyond recognition, the typical place of a mistranslation) borrows
   the groups of its neighbours in its own source, keeping only the other passages that share at
   least two content words with it.
2. Consensus: content-word stems (Snowball) that at least two other sources, and at least half of
   those compared, use there, and this source does not ("de-escalat" in three sources).
   Replacements: this source's content words whose stem no other counterpart uses.
3. Slot: the content-stem sequences of this passage and of each other passage are aligned
   (difflib opcodes); a replacement and a consensus term in the same replaced stretch are a pair.
   Where the stretch is short (one or two words a side) the pair is taken as it is; in a longer
   stretch a replacement must look like a term rather than paraphrase: used by no other source in
   the whole story and not an everyday word (wordfreq), or carrying a direction prefix like the
   consensus term (down-/de-/up-).
4. A pair counts when at least two other sources vote for it. Severity: high where the swap changes
   direction (down-/up- for de-), or in a quotation with three or more agreeing sources; low where
   both words are everyday words (likely a synonym, below the reporting floor unless quoted);
   medium otherwise.

Bounded work: at most ``_MAX_OTHERS`` other sources per passage, chosen by id; sequence alignment
only where a replacement and a missing consensus term both exist.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Iterable, Mapping, Sequence

from srccompare.checks.base import CheckContext, Token, make_flag, span_of
from srccompare.checks.lexicon import (
    PARTICLES,
    closest_word,
    in_regions,
    is_alpha_word,
    is_function_word,
    lang_of,
    panel,
    panel_order,
    passage_tokens,
    polarity_prefix,
    quoted_regions,
    sentence_initial,
    shared_prefix,
    stem,
    zipf,
)
from srccompare.models import Flag, Group, Kind, Passage, Severity

_MAX_OTHERS = 12
# Everyday words: a swap between two of them is usually paraphrase ("talks"/"negotiations").
_EVERYDAY_ZIPF = 4.0
# A slot this small on both sides is a word-for-word replacement.
_TIGHT = 2
_MIN_VOTES = 2
_EVIDENCE_CAP = 5


@dataclass(frozen=True)
class _Word:
    tok: Token
    stem: str
    zipf: float
    quoted: bool


@dataclass
class _Pair:
    words: list[_Word]  # this source's replacement words (one slot)
    term: str  # consensus stem
    voters: dict[str, Token]  # other source -> its token of the term
    tight_voters: dict[str, bool] = field(default_factory=dict)
    tight: bool = False
    polar: bool = False


class TermCheck:
    kinds = (Kind.TERM_VARIANT,)

    def run(self, ctx: CheckContext) -> Iterable[Flag]:
        words = _content_words(ctx)
        story = _story_stems(words)
        by_source: dict[str, list[Passage]] = defaultdict(list)
        for p in ctx.alignment.passages:
            by_source[p.source].append(p)
        flags: dict[tuple[str, int, int], Flag] = {}
        group_of = ctx.group_of
        at = {(p.source, p.index): p for p in ctx.alignment.passages}
        panels: dict[str, tuple[Passage, ...]] = {}
        for g in ctx.alignment.groups:
            members: dict[str, list[Passage]] = defaultdict(list)
            for p in g.passages:
                members[p.source].append(p)
            # A fixed sample of the sources stands for the others (bounded work in huge groups).
            sample = sorted(members, key=panel_order)[:_MAX_OTHERS + 1]
            for s, own in members.items():
                others = {o: members[o] for o in sample if o != s}
                for f in _check(ctx, words, story, s, own, others, g, borrowed=False):
                    flags.setdefault((f.source, f.start, f.end), f)
        for p in ctx.alignment.unaligned:
            borrowed = _borrowed_counterparts(ctx, words, p, by_source[p.source], group_of, at, panels)
            if borrowed is None:
                continue
            g, others = borrowed
            for f in _check(ctx, words, story, p.source, [p], others, g, borrowed=True):
                flags.setdefault((f.source, f.start, f.end), f)
        return [flags[k] for k in sorted(flags)]


def _content_words(ctx: CheckContext) -> dict[str, tuple[_Word, ...]]:
    """Each passage's content words: alphabetic, not function words, not names (a capital inside
    a sentence), with stem, frequency and whether they sit inside a quotation."""
    out: dict[str, tuple[_Word, ...]] = {}
    quotes: dict[str, tuple[tuple[int, int], ...]] = {}
    for p in ctx.alignment.passages:
        src = ctx.sources[p.source]
        if p.source not in quotes:
            quotes[p.source] = quoted_regions(src.text)
        lang = lang_of(src)
        ws = []
        for t in passage_tokens(ctx, p):
            w = t.text
            if not is_alpha_word(w.replace("-", "")) or len(w) < 2 or is_function_word(w):
                continue
            if w[0].isupper() and not sentence_initial(src.text, t.start, p.start):
                continue
            ws.append(_Word(t, stem(w, lang), zipf(w.lower(), lang), in_regions(quotes[p.source], t.start)))
        out[p.id] = tuple(ws)
    return out


def _story_stems(words: Mapping[str, tuple[_Word, ...]]) -> dict[str, set[str]]:
    """For each content stem, the sources that use it anywhere."""
    seen: dict[str, set[str]] = defaultdict(set)
    for pid, ws in words.items():
        src = pid.rsplit(":", 1)[0]
        for w in ws:
            seen[w.stem].add(src)
    return seen


def _borrowed_counterparts(ctx, words, p: Passage, own: Sequence[Passage], group_of, at, panels):
    """For an unaligned passage: counterparts near the groups of its neighbours. A neighbour in
    its own source belongs to a group; the other sources' passages in that group, and the
    passages next to them, are candidates; per source the one sharing the most content stems
    (two at least) is kept. Returns (group, {source: [passage]}) or None."""
    mine = {w.stem for w in words[p.id]}
    if len(mine) < 2:
        return None
    pos = next((i for i, q in enumerate(own) if q.id == p.id), None)
    if pos is None:
        return None
    for step in (1, -1, 2, -2):
        j = pos + step
        if not 0 <= j < len(own) or own[j].id not in group_of:
            continue
        g = group_of[own[j].id]
        best: dict[str, tuple[int, int, Passage]] = {}
        for q in panel(g, _MAX_OTHERS + 1, panels):
            if q.source == p.source:
                continue
            for k in (q.index, q.index - step, q.index + step):
                cand = at.get((q.source, k))
                if cand is None:
                    continue
                shared = len(mine & {w.stem for w in words[cand.id]})
                rank = (shared, -abs(k - q.index - 0))
                if shared >= 2 and (q.source not in best or rank > best[q.source][:2]):
                    best[q.source] = (*rank, cand)
        if len(best) >= _MIN_VOTES:
            return g, {s: [v[2]] for s, v in best.items()}
    return None


def _check(ctx, words, story, source: str, own: Sequence[Passage], others: Mapping[str, Sequence[Passage]],
           group: Group, *, borrowed: bool) -> Iterable[Flag]:
    if len(others) < _MIN_VOTES:
        return
    chosen = sorted(others, key=panel_order)[:_MAX_OTHERS]
    mine = [w for p in sorted(own, key=lambda q: q.start) for w in words[p.id]]
    my_stems = {w.stem for w in mine}
    # Counted per source, aligned per passage: a source that split a sentence another merged is
    # compared passage by passage, so each of its sentences lines up with the one it matches.
    their: dict[str, list[list[_Word]]] = {o: [list(words[q.id]) for q in sorted(others[o], key=lambda q: q.start)]
                                           for o in chosen}
    counts: Counter[str] = Counter()
    salient: set[str] = set()
    for parts in their.values():
        counts.update({w.stem for ws in parts for w in ws})
        # A consensus term worth defending is not an everyday word ("talks"), unless it carries a
        # direction prefix ("decrease", "unlock") that a swap could reverse.
        salient.update(w.stem for ws in parts for w in ws
                       if w.zipf < _EVERYDAY_ZIPF or polarity_prefix(w.tok.text))
    need = max(_MIN_VOTES, (len(chosen) + 1) // 2)
    consensus = {t for t, c in counts.items() if c >= need and t not in my_stems and not _near(t, my_stems)
                 and t in salient}
    if not consensus:
        return
    unique = {w.stem for w in mine if counts[w.stem] == 0}
    if not unique:
        return
    # A word one or two letters from a word the others print is a misspelling (a garble or a
    # name variant), not a different term.
    their_words = sorted({w.tok.text.lower() for parts in their.values() for ws in parts for w in ws})
    unique = {w.stem for w in mine if w.stem in unique and not _misspelt(w, their_words)}
    if not unique:
        return
    pairs: dict[tuple[int, str], _Pair] = {}
    mine_stems = [w.stem for w in mine]
    for o, parts in their.items():
        # Each passage alone, and all of them joined when there are several (a sentence this
        # source kept whole may be split in two there).
        views = parts + ([[w for ws in parts for w in ws]] if len(parts) > 1 else [])
        for ws in views:
            if not any(w.stem in consensus for w in ws):
                continue
            if _same_but_one(ctx, mine, ws, consensus, unique, pairs, o):
                continue
            sm = SequenceMatcher(None, mine_stems, [w.stem for w in ws], autojunk=False)
            for op, i1, i2, j1, j2 in sm.get_opcodes():
                if op != "replace":
                    continue
                if not any(w.stem in consensus for w in ws[j1:j2]) or not any(w.stem in unique for w in mine[i1:i2]):
                    continue
                tight = (i2 - i1) <= _TIGHT and (j2 - j1) <= _TIGHT
                slot, term = _slot(mine, i1, i2, ws, j1, j2, consensus, unique, story, source, tight)
                if not slot:
                    continue
                _vote(pairs, slot, term, o, tight=tight)

    pairs = _merge(pairs)
    taken: list[tuple[int, int]] = []
    for key in sorted(pairs, key=lambda k: (-len(pairs[k].voters), k)):
        pair = pairs[key]
        if len(pair.voters) < _MIN_VOTES:
            continue
        start, end = pair.words[0].tok.start, pair.words[-1].tok.end
        if any(s < end and start < e for s, e in taken):
            continue
        taken.append((start, end))
        yield _flag(ctx, source, start, end, pair, len(chosen), group, borrowed=borrowed)


def _near(term: str, stems: set[str]) -> bool:
    """Whether this source has a word of the same family as ``term`` (a shared stem prefix)."""
    return any(shared_prefix(term, s) >= max(5, min(len(term), len(s)) - 1) for s in stems)


def _misspelt(w: _Word, their_words: Sequence[str]) -> bool:
    """A rare word without a direction prefix, one or two letters from a word the others print."""
    if w.zipf >= 3.1 or polarity_prefix(w.tok.text):
        return False
    return closest_word(w.tok.text.lower(), their_words, 1 if len(w.tok.text) < 7 else 2) is not None


def _merge(pairs: dict[tuple[int, str], _Pair]) -> dict[tuple[int, str], _Pair]:
    """Join pairs for the same consensus word whose replacement words overlap ("upgrade" voted
    alone by one source, "cancel the upgrade" by another): one slot, the union of the voters."""
    merged: list[_Pair] = []
    for key in sorted(pairs):
        p = pairs[key]
        span = {id(w) for w in p.words}
        host = next((m for m in merged if m.term == p.term and span & {id(w) for w in m.words}), None)
        if host is None:
            merged.append(_Pair(list(p.words), p.term, dict(p.voters), dict(p.tight_voters), p.tight, p.polar))
            continue
        words = {id(w): w for w in host.words + p.words}
        host.words = sorted(words.values(), key=lambda w: w.tok.start)
        for o, tok in p.voters.items():
            if o not in host.voters or (p.tight_voters.get(o) and not host.tight_voters.get(o)):
                host.voters[o] = tok
                host.tight_voters[o] = p.tight_voters.get(o, False)
        host.tight = host.tight or p.tight
        host.polar = host.polar or p.polar
    return {(m.words[0].tok.start, m.term): m for m in merged}


def _same_but_one(ctx, mine, ws, consensus, unique, pairs, o) -> bool:
    """Sentences with the same content words but for one or two a side (word order free):
    this source's extra words stand for the other's consensus word. Records the pair; returns
    whether it applied."""
    theirs = {w.stem for w in ws}
    ours = {w.stem for w in mine}
    extra, missing = ours - theirs, theirs - ours
    if not (1 <= len(extra) <= _TIGHT and 1 <= len(missing) <= _TIGHT) or len(ours & theirs) < 2:
        return False
    slot = [w for w in mine if w.stem in extra and w.stem in unique]
    terms = [w for w in ws if w.stem in missing and w.stem in consensus]
    if not slot or not terms or len(slot) != len([w for w in mine if w.stem in extra]):
        return False
    slot = _contiguous(mine, slot)
    if not slot:
        return False
    term = min(terms, key=lambda w: (w.zipf, w.tok.start))
    _vote(pairs, slot, term, o, tight=True)
    return True


def _opposed(slot: Sequence[_Word], term: _Word) -> bool:
    """Whether the replacement reverses the term's direction: both carry a direction prefix
    ("downgrade" / "de-escalate"), or one is the other with a negating prefix
    ("destabilise" / "stabilise")."""
    t_prefix = polarity_prefix(term.tok.text)
    for w in slot:
        w_prefix = polarity_prefix(w.tok.text)
        if t_prefix and w_prefix:
            return True
        for word, prefix, other in ((w, w_prefix, term), (term, t_prefix, w)):
            if prefix and word.stem.startswith(prefix) and word.stem[len(prefix):] == other.stem:
                return True
    return False


def _contiguous(mine, slot):
    """``slot`` if its words stand next to each other in ``mine`` (function words between them
    are not in ``mine``), else []."""
    idx = [next(i for i, w in enumerate(mine) if w is s) for s in slot]
    return slot if idx == list(range(idx[0], idx[0] + len(idx))) else []


def _vote(pairs, slot, term, o, *, tight: bool) -> None:
    key = (slot[0].tok.start, term.stem)
    pair = pairs.get(key)
    if pair is None:
        pair = pairs[key] = _Pair(slot, term.stem, {})
    if len(slot) > len(pair.words):
        pair.words = slot
    # One vote per source; its word from the tightest stretch it was paired in.
    if o not in pair.voters or (tight and not pair.tight_voters.get(o, False)):
        pair.voters[o] = term.tok
        pair.tight_voters[o] = tight
    pair.tight = pair.tight or tight
    pair.polar = pair.polar or _opposed(slot, term)


def _slot(mine, i1, i2, ws, j1, j2, consensus, unique, story, source, tight):
    """The replacement words of one replaced stretch and the consensus word they stand for.

    A tight stretch is taken whole. In a longer one the replacement must look like a term, not
    paraphrase: it carries a direction prefix like the consensus word, or it is not an everyday
    word and no other source in the story uses it; contiguous words of the same kind join it
    ("cancel the upgrade"). The consensus word chosen is the one at the nearest relative place.
    Returns ([], None) when nothing qualifies."""
    reps = [(i, mine[i]) for i in range(i1, i2) if mine[i].stem in unique]
    terms = [(j, ws[j]) for j in range(j1, j2) if ws[j].stem in consensus]
    where = lambda k, a, b: (k - a + 0.5) / (b - a)
    if tight:
        # The consensus word that most looks like the counterpart: same direction prefix, then
        # the least everyday word ("got to de-escalate": "de-escalate", not "got").
        i = reps[0][0]
        polar = any(polarity_prefix(w.tok.text) for _, w in reps)
        term = min(terms, key=lambda jt: (not (polar and polarity_prefix(jt[1].tok.text)), jt[1].zipf,
                                          abs(where(jt[0], j1, j2) - where(i, i1, i2)), jt[0]))[1]
        return [w for _, w in reps], term
    if i2 - i1 == j2 - j1:
        # Stretches of equal length: words at the same place correspond ("accept submission
        # general" / "accept capitulation general"), as in a word-for-word translation.
        same = [(i, w) for i, w in reps if ws[j1 + i - i1].stem in consensus]
        if same:
            i, w = same[0]
            return [w], ws[j1 + i - i1]
    best = None
    for j, t in terms:
        t_polar = bool(polarity_prefix(t.tok.text))
        for i, w in reps:
            polar = t_polar and bool(polarity_prefix(w.tok.text))
            if not (polar or _termlike(w, story, source)):
                continue
            score = (polar, w.quoted == t.quoted, -abs(where(j, j1, j2) - where(i, i1, i2)), -w.zipf)
            if best is None or score > best[0]:
                best = (score, i, t)
    if best is None:
        return [], None
    _, i, term = best
    lo = hi = i
    while lo - 1 >= i1 and mine[lo - 1].stem in unique and _termlike(mine[lo - 1], story, source):
        lo -= 1
    while hi + 1 < i2 and mine[hi + 1].stem in unique and _termlike(mine[hi + 1], story, source):
        hi += 1
    return mine[lo:hi + 1], term


def _termlike(w: _Word, story, source) -> bool:
    """Not an everyday word, and no other source in the whole story uses its family."""
    return w.zipf < _EVERYDAY_ZIPF and story.get(w.stem, set()) <= {source}


def _flag(ctx, source, start, end, pair: _Pair, compared: int, group, *, borrowed: bool) -> Flag:
    text = ctx.sources[source].text
    # Keep a phrasal verb's particle with it ("break up").
    nxt = text[end:end + 12]
    stripped = nxt.lstrip(" ")
    word = stripped.split(" ", 1)[0].rstrip(".,;:!?\"'”’)")
    if word.lower() in PARTICLES and stripped.startswith(word):
        end = end + (len(nxt) - len(stripped)) + len(word)
    surfaces = Counter(t.text for t in pair.voters.values())
    expected = sorted(surfaces.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    votes = len(pair.voters)
    quoted = any(w.quoted for w in pair.words)
    lang = lang_of(ctx.sources[source])
    everyday = all(w.zipf >= _EVERYDAY_ZIPF for w in pair.words) and zipf(expected.lower(), lang) >= _EVERYDAY_ZIPF
    if pair.polar or (quoted and votes >= 3 and not everyday):
        severity = Severity.HIGH
    elif everyday:
        severity = Severity.LOW
    else:
        severity = Severity.MEDIUM
    confidence = 0.45 + 0.1 * min(votes - 1, 3) + (0.1 if quoted else 0.0) + (0.1 if pair.polar else 0.0)
    confidence += 0.05 if pair.tight else 0.0
    confidence -= 0.1 if borrowed else 0.0
    if everyday:
        confidence = min(confidence, 0.45 if not quoted else 0.5)
    evidence = [span_of(ctx, o, t.start, t.end) for o, t in sorted(pair.voters.items())][:_EVIDENCE_CAP]
    where = "in the quotation " if quoted else ""
    message = (f"'{text[start:end]}' {where}where {votes} of {compared} other sources say '{expected}'"
               + (" (opposite direction)" if pair.polar else ""))
    return make_flag(ctx, kind=Kind.TERM_VARIANT, source=source, start=start, end=end, expected=expected,
                     severity=severity, confidence=min(0.95, confidence), group=group, message=message,
                     evidence=evidence)
