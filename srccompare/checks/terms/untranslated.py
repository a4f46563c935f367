"""Words left in another language: a rare word of one source, foreign-looking, where the others
agree on an ordinary one at the same place.

In: the context and sequences. Out: flags.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable, Mapping

from rapidfuzz.distance import OSA, Indel

from srccompare.checks.base import CheckContext, make_flag, span_of
from srccompare.checks.lexicon import foreign_zipf, is_alpha_word, lang_of
from srccompare.models import Flag, Kind, Severity
from srccompare.checks.terms.words import _EVIDENCE_CAP, _MIN_VOTES, _Seq, _deletions, _known


# --- words left untranslated ---------------------------------------------------------------------
#
# A translation that leaves a word in the original language ("two camiones and a motorcycle")
# mistranslates the term the others print at that place. The place is told by the words around it,
# not by the sentence alignment (the translated sentence is often reworded beyond it): the same two
# words before and after, with one to ``_RUN_MAX`` words between.

_RUN_MAX = 3
# Context words on each side that must be printed alike.
_CONTEXT = 2
# A word another common language's frequency list has (zipf above this) and the source's does not.
_FOREIGN_ZIPF = 1.0
# A word this close (normalised Indel similarity) to one of the others' words there is a
# misspelling of it, the garble check's business, unless another language uses it widely (zipf
# ``_COGNATE_ZIPF``+): a cognate left untranslated ("tratores" / "tractors").
_SPELLING_CLOSE = 0.75
_COGNATE_ZIPF = 3.0


class _OneEdit:
    """Which words are one edit (a letter changed, added, dropped, or two swapped) from a word
    of a fixed vocabulary. Symmetric deletions index the vocabulary (each word under itself and
    every form with one letter deleted); a word's own deletions find the few words to check
    exactly, so a lookup costs about its length, whatever the vocabulary's size."""

    def __init__(self, words: Iterable[str]) -> None:
        self._by_form: dict[str, list[str]] = defaultdict(list)
        for w in words:
            for form in _deletions(w):
                self._by_form[form].append(w)

    def has(self, word: str) -> bool:
        """True when a vocabulary word other than ``word`` itself is one edit from it."""
        return any(x != word and OSA.distance(word, x) <= 1
                   for form in _deletions(word) for x in self._by_form.get(form, ()))


def _untranslated(ctx: CheckContext, seqs: Mapping[str, _Seq]) -> Iterable[Flag]:
    """In: the context and each passage's ``_Seq``. Out: a term variant for each run of one to
    ``_RUN_MAX`` words holding a word of another language (not a word of the source's language,
    listed in another above zipf ``_FOREIGN_ZIPF``: "camiones") where at least ``_MIN_VOTES`` other sources
    print, between the same ``_CONTEXT`` words on each side, a run of words of the language that
    they agree on. Words the other sources print anywhere are not foreign (names, loanwords).
    Linear: only the runs whose surroundings a candidate word's runs have are indexed, in one pass
    over the tokens (none at all when no source prints an unknown lower-case word of its own)."""
    def context(q: _Seq, i: int, j: int):
        if i < _CONTEXT or j + _CONTEXT > len(q.toks):
            return None
        return (tuple(t.text.lower() for t in q.toks[i - _CONTEXT:i]),
                tuple(t.text.lower() for t in q.toks[j:j + _CONTEXT]))

    printed: dict[str, set[str]] = defaultdict(set)  # lower-case word -> sources printing it
    for q in seqs.values():
        for t in q.toks:
            printed[t.text.lower()].add(q.passage.source)
    # Candidates: lower-case words (a name is capitalised) no other source prints, not words of
    # the source's language.
    candidates: list[tuple[str, int]] = []
    for pid in sorted(seqs):
        q = seqs[pid]
        lang = lang_of(ctx.sources[q.passage.source])
        for i, t in enumerate(q.toks):
            if t.text[:1].islower() and not q.quoted[i] and printed[t.text.lower()] == {q.passage.source} \
                    and is_alpha_word(t.text) and not _known(t.text, lang):
                candidates.append((pid, i))
    if not candidates:
        return []
    # One slip of the keys from a word the story prints ("wiel" / "will", "taat" / "that",
    # "groth" / "growth") is a misspelling that happens to be another language's word: the garble
    # check's. A cognate left untranslated differs by more ("tratores" / "tractors"). Dropped
    # first, because misspellings are most of the candidates in a large story.
    near = _OneEdit(x for x, srcs in printed.items() if len(srcs) > 1 and len(x) > 2 and is_alpha_word(x))
    candidates = [(pid, i) for pid, i in candidates if not near.has(seqs[pid].toks[i].text.lower())]
    if not candidates:
        return []
    wanted: set[tuple[str, ...]] = set()  # the words before each candidate run
    for pid, i in candidates:
        q = seqs[pid]
        for lo in range(max(_CONTEXT, i - _RUN_MAX + 1), i + 1):
            wanted.add(tuple(t.text.lower() for t in q.toks[lo - _CONTEXT:lo]))
    places: dict[tuple, dict[str, set[tuple[str, ...]]]] = defaultdict(lambda: defaultdict(set))
    spans: dict[tuple, dict[str, tuple[_Seq, int, int]]] = defaultdict(dict)
    for pid in sorted(seqs):
        q = seqs[pid]
        low = [t.text.lower() for t in q.toks]
        for i in range(_CONTEXT, len(low)):
            if tuple(low[i - _CONTEXT:i]) not in wanted:
                continue
            for n in range(1, _RUN_MAX + 1):
                c = context(q, i, i + n)
                if c is None:
                    continue
                run = tuple(low[i:i + n])
                places[c][q.passage.source].add(run)
                spans[(c, run)].setdefault(q.passage.source, (q, i, i + n))
    out = []
    for pid, i in candidates:
        q = seqs[pid]
        s = q.passage.source
        lang = lang_of(ctx.sources[s])
        w = q.toks[i].text.lower()
        best = None
        for lo in range(max(0, i - _RUN_MAX + 1), i + 1):
            for hi in range(i + 1, min(len(q.toks), lo + _RUN_MAX) + 1):
                c = context(q, lo, hi)
                if c is None or c not in places:
                    continue
                mine = tuple(x.text.lower() for x in q.toks[lo:hi])
                votes: dict[tuple[str, ...], list[str]] = defaultdict(list)
                for o, runs in places[c].items():
                    if o == s:
                        continue
                    for run in runs:
                        # A run whose first or last word is this one's is the place of a
                        # narrower run ("two camiones" / "two trucks": "camiones" / "trucks").
                        if run[0] == mine[0] or run[-1] == mine[-1]:
                            continue
                        if all(_known(x, lang) and is_alpha_word(x) for x in run) and w not in run \
                                and not (any(Indel.normalized_similarity(w, x) >= _SPELLING_CLOSE for x in run)
                                         and foreign_zipf(w, lang) < _COGNATE_ZIPF):
                            votes[run].append(o)
                for run, voters in votes.items():
                    if len(voters) >= _MIN_VOTES and (best is None or len(voters) > len(best[2])):
                        best = (lo, hi, sorted(voters), run, c)
        # Looked up last: the other languages' lists are loaded on first use.
        if best is None or foreign_zipf(w, lang) < _FOREIGN_ZIPF:
            continue

        lo, hi, voters, run, c = best
        start, end = q.toks[lo].start, q.toks[hi - 1].end
        evidence = []
        for o in voters:
            b, j1, j2 = spans[(c, run)][o]
            evidence.append(span_of(ctx, o, b.toks[j1].start, b.toks[j2 - 1].end))
        expected = evidence[0].text
        text = ctx.sources[s].text
        message = (f"'{text[start:end]}' left untranslated where {len(voters)} other sources say "
                   f"'{expected}' between the same words")
        out.append(make_flag(ctx, kind=Kind.TERM_VARIANT, source=s, start=start, end=end, expected=expected,
                             severity=Severity.MEDIUM, confidence=min(0.85, 0.6 + 0.05 * len(voters)),
                             group=ctx.group_of.get(pid), message=message, evidence=evidence[:_EVIDENCE_CAP]))
    return out
