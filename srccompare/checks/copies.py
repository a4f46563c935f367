"""Verbatim copies of passages: fold them into one witness before the checks, project flags back after.

Every check decides by consensus (how many other sources print X at an aligned place). Aggregators
and regional papers reprint wire copy word for word, in whole or in part, and a reprinted sentence
is not a second witness: it is the same witness printed twice. Left as they are, a wire story and
its reprint outvote a third outlet that reported the event itself, and the third outlet gets
flagged for disagreeing with one text.

So, before the checks run, passages that are the same text in different sources are folded: the
passage of the smallest source id is the cluster's representative and stays; its copies leave the
alignment the checks read (its groups, its unaligned list and its passage list, so that the
"anywhere in the story" counts ``CheckContext.word_sources``/``word_counts`` count a copied word
once too). After the checks, every flag on a representative passage is projected onto each copy:
same kind, severity, confidence, message, expected and evidence, its span moved to the copy's
offsets (the same text, so the mapping is exact) and its id made from the copy's own source and
context like every flag id. Flags whose evidence cites a representative passage also cite the
copies' same words, so a reader sees every outlet that prints the other rendering; that is added
after overlaps are resolved and changes no decision.

Which sources copy one another is read from the passages themselves: two sources that print the
same sentence of the reporter's own words (at least ``MIN_COPY_WORDS`` outside quotation marks),
or that ``scoring.near_copies`` pairs as whole-source near copies, are one copying family; a
quotation printed alike is no sign of copying (independent reporters quote the same words). Inside a
family, every passage printed alike folds. One exception: where a member of the family prints a
passage altered and no outside source reports it at all, the family's copies stay, since they show
what the altered one was copying (``_unless_a_copier_deviates``); with no independent report in
that group, they outvote nobody.

Two passages are "the same text" when they are equal after undoing what a publishing system does
to text without an editor touching a word: runs of whitespace (line breaks of a re-paragraphed
reprint, non-breaking spaces) become one space, curly and straight quotes are one mark, the dashes
are one dash. Case, letters, digits, the other punctuation and the presence of a space are kept:
"minimis(the" against "minimis (the", "Genevea" against "Geneva" or one word changed are what the
checks exist to see, so such passages never fold. Short passages ("He said.", a one-line
headline shared by chance) need at least ``MIN_COPY_WORDS`` words before they count as a copy.
The work is one normalisation and one dictionary lookup per passage: linear in the passages.

Measured (2026-11-21): the seeds share no passage (nothing folds, the 12 flags keep their ids);
the seeds plus a reprint of 002 (its text and one sentence of its own) fold 41 of the reprint's
42 passages, and every other source's flags are then those of the seeds alone (without folding,
003 got a high quote flag and 000 an attribution flag, outvoted two to one), while the reprint
carries 002's two flags. The quality cases (67 hand-written, 68 generated) hold no copied
narrative sentence: the identical passages there are quotations printed alike by independent
outlets, which must not fold, so no case changes. Re-paragraphing a seed (a line or a paragraph
per sentence) leaves every passage foldable; running all its paragraphs into one leaves 1-4 of
17-41 passages unfoldable (a headline run into the first sentence), which a copy then still
counts twice. CPU for the fold: 0.002 s on the seeds, 0.1 s at 100 sources, 0.8 s at 1,000.
"""

from __future__ import annotations

import bisect
import re
import weakref
from dataclasses import dataclass, replace
from typing import Iterable, Mapping, Sequence

from srccompare.checks.base import CheckContext, make_flag, tokens
from srccompare.checks.speech import find_quotes
from srccompare.models import Alignment, Flag, Group, Passage, PassagesInOrder, Source, Span
from srccompare.scoring import near_copies

MIN_COPY_WORDS = 6
"""The reporter's own words (outside quotation marks) a passage printed the same by two sources needs
before it shows that one copies the other. Shorter sentences ("He declined to comment.") are written
the same way by independent reporters."""

# Typographic variants a content system substitutes on its own (smart quotes, dash styles): each
# maps to one character, so offsets map one to one and no word changes. Apostrophes too: the
# tokenizer (``base.normalize_word``) already reads ’ as '.
_SAME_MARK = str.maketrans({
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
})


_SPACES_RE = re.compile(r"\s+")
_MARK_RE = re.compile("[" + "".join(chr(c) for c in _SAME_MARK) + "]")


def _key(text: str) -> str:
    """``copy_key``'s text alone, computed by regular expressions (the offsets are only needed for
    the few passages a flag or an evidence span falls in; ``str.translate`` looks every character
    up, a search only finds the few marks)."""
    if _MARK_RE.search(text):
        text = text.translate(_SAME_MARK)
    return _SPACES_RE.sub(" ", text).strip()


def copy_key(text: str) -> tuple[str, tuple[int, ...]]:
    """The text two copies share, and where each of its characters sits in ``text``.

    Whitespace runs become one space (none at either end), quote marks and dashes one form each;
    nothing else changes. ``offsets[i]`` is the index in ``text`` of the key's character ``i`` (for
    a space, the first character of the run it stands for).
    """
    chars: list[str] = []
    offsets: list[int] = []
    in_space = False
    for i, ch in enumerate(text.translate(_SAME_MARK)):
        if ch.isspace():
            if not in_space and chars:
                chars.append(" ")
                offsets.append(i)
            in_space = True
            continue
        in_space = False
        chars.append(ch)
        offsets.append(i)
    if chars and chars[-1] == " ":
        chars.pop()
        offsets.pop()
    return "".join(chars), tuple(offsets)


@dataclass(frozen=True)
class Fold:
    """The alignment and sources the checks read, and which passages were folded into which.

    ``copy_of`` maps each folded passage id to its representative's passage id (in the copies'
    (source, index) order);
    ``alignment`` is the input alignment without the folded passages; ``sources`` are the input
    sources, those with folded passages having them taken out of their ``content`` (the text, and
    so every offset, is unchanged), and those with no passage left out altogether. A representative passage is never itself a copy.
    """

    alignment: Alignment
    copy_of: tuple[tuple[str, str], ...]
    passages: Mapping[str, Passage]
    sources: Mapping[str, Source]
    near: tuple[tuple[str, str, float], ...] = ()
    """``scoring.near_copies`` of the input alignment, when ``fold_of`` computed it (the pipeline
    hands it on to scoring rather than computing it a second time)."""

    @property
    def copies_of(self) -> dict[str, tuple[Passage, ...]]:
        """Representative passage id -> its copies, in (source, index) order."""
        out: dict[str, list[Passage]] = {}
        for copy, rep in self.copy_of:
            out.setdefault(rep, []).append(self.passages[copy])
        return {r: tuple(sorted(ps, key=lambda p: (p.source, p.index))) for r, ps in out.items()}


def quoted_spans(source: Source) -> tuple[tuple[int, int], ...]:
    """The spans of ``source`` inside quotation marks (``speech.find_quotes``), sorted."""
    return tuple(sorted((s, e) for s, e, _ in find_quotes(source.text, source.content)))


def _words_outside(p: Passage, quoted: Sequence[tuple[int, int]]) -> int:
    """How many of ``p``'s words lie outside the quoted spans (the reporter's own words)."""
    starts = [s for s, _ in quoted]
    n = 0
    for t in tokens(p.text, p.start):
        i = bisect.bisect_right(starts, t.start) - 1
        if i < 0 or t.start >= quoted[i][1]:
            n += 1
    return n


def find_copies(
    passages: Iterable[Passage],
    sources: Mapping[str, Source],
    *,
    min_words: int = MIN_COPY_WORDS,
    linked: Iterable[tuple[str, str]] = (),
) -> tuple[tuple[str, str], ...]:
    """``(copy passage id, representative passage id)`` for every passage that repeats, in a source
    copying another, that one's passage; in the copies' (source, index) order.

    Two sources copy one another when they print the same passage with at least ``min_words`` of the
    reporter's own words (outside quotation marks), or when ``linked`` pairs them (whole-source near
    copies, ``scoring.near_copies``); copying chains (a copy of a copy) are one cluster. A quotation
    printed the same by two outlets is no sign of copying: independent reporters quote a speaker's
    same words, and each is a witness of them. Inside a cluster, every passage printed by more than
    one source folds, quotations and short sentences too (the reprint took them from the same text). The representative is the passage of the smallest source id (then the
    first in that source); other passages of its own source with the same text stay (a source
    repeating itself is one witness already).
    """
    by_key: dict[str, list[Passage]] = {}
    for p in sorted(passages, key=lambda p: (p.source, p.index)):
        by_key.setdefault(_key(p.text), []).append(p)
    shared = sorted(k for k, ps in by_key.items() if ps[0].source != ps[-1].source)
    quoted: dict[str, tuple[tuple[int, int], ...]] = {}
    narrative: list[str] = []
    for key in shared:
        first = by_key[key][0]
        if len(tokens(first.text)) < min_words:
            continue
        if first.source not in quoted:
            quoted[first.source] = quoted_spans(sources[first.source])
        if _words_outside(first, quoted[first.source]) >= min_words:
            narrative.append(key)
    parent: dict[str, str] = {}

    def root(s: str) -> str:
        parent.setdefault(s, s)
        while parent[s] != s:
            parent[s] = parent[parent[s]]
            s = parent[s]
        return s

    def union(a: str, b: str) -> None:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    for key in narrative:
        for p in by_key[key][1:]:
            union(by_key[key][0].source, p.source)
    for a, b in sorted(linked):
        union(a, b)
    out: list[tuple[Passage, Passage]] = []
    for key in shared:
        reps: dict[str, Passage] = {}
        for p in by_key[key]:
            if p.source not in parent:
                continue
            rep = reps.setdefault(root(p.source), p)
            if rep.source != p.source:
                out.append((p, rep))
    return tuple((p.id, rep.id) for p, rep in sorted(out, key=lambda t: (t[0].source, t[0].index)))


def fold(
    alignment: Alignment,
    sources: Mapping[str, Source],
    *,
    min_words: int = MIN_COPY_WORDS,
    linked: Iterable[tuple[str, str]] = (),
) -> Fold:
    """The alignment with every copied passage (see ``find_copies``) taken out.

    A group keeps its id (flags name it, the report lists the unfolded groups) and loses the copies'
    passages, pairs and ``loose`` entries; its similarity is the mean of the pairs left. A group left
    with one source is dissolved: its passages become unaligned (their only counterparts were
    copies of them), in passage order.
    """
    index: dict[str, Passage] = {p.id: p for p in alignment.passages}
    for g in alignment.groups:
        for p in g.passages:
            index.setdefault(p.id, p)
    copy_of = _unless_a_copier_deviates(find_copies(index.values(), sources, min_words=min_words, linked=linked),
                                        alignment.groups, index)
    if not copy_of:
        return Fold(alignment, (), index, sources)
    gone = {c for c, _ in copy_of}
    order = {p.id: i for i, p in enumerate(alignment.passages)}
    groups: list[Group] = []
    freed: list[Passage] = []
    for g in alignment.groups:
        if not any(p.id in gone for p in g.passages):
            groups.append(g)
            continue
        members = tuple(p for p in g.passages if p.id not in gone)
        if len({p.source for p in members}) < 2:
            freed.extend(members)
            continue
        pairs = tuple(t for t in g.pairs if t[0] not in gone and t[1] not in gone)
        similarity = round(sum(t[2] for t in pairs) / len(pairs), 4) if pairs else g.similarity
        groups.append(Group(id=g.id, passages=members, pairs=pairs, similarity=similarity,
                            loose=tuple(i for i in g.loose if i not in gone)))
    unaligned = sorted(
        [p for p in alignment.unaligned if p.id not in gone] + freed,
        key=lambda p: (order.get(p.id, len(order)), p.source, p.index),
    )
    folded = Alignment(
        passages=tuple(p for p in alignment.passages if p.id not in gone),
        groups=tuple(groups),
        unaligned=tuple(unaligned),
    )
    cut: dict[str, list[Passage]] = {}
    for c in sorted(gone):
        cut.setdefault(index[c].source, []).append(index[c])
    left = {p.source for p in folded.passages}
    trimmed = dict(sources)
    for sid, ps in cut.items():
        if sid in left:
            trimmed[sid] = replace(sources[sid], content=_without(sources[sid].content, ps))
        else:
            # A pure reprint has nothing of its own: it is not one more source the checks count
            # ("printed by most of the N sources").
            del trimmed[sid]
    return Fold(folded, copy_of, index, trimmed)


def _unless_a_copier_deviates(
    copy_of: tuple[tuple[str, str], ...], groups: Sequence[Group], index: Mapping[str, Passage],
) -> tuple[tuple[str, str], ...]:
    """``copy_of`` without the copies in groups where a member of their copying family prints
    something else and no outside source reports that passage at all.

    There the family's other members show what the text they all copied said, and the odd one
    altered it ("fir deal" in one reprint of a wire sentence that nineteen others print as "fair
    deal"): folding them would leave the original and its alteration one against one. No
    independent report is in the group, so none can be outvoted by the copies there.
    """
    if not copy_of:
        return copy_of
    parent: dict[str, str] = {}

    def root(s: str) -> str:
        while parent.get(s, s) != s:
            s = parent[s]
        return s

    for c, r in copy_of:
        a, b = root(index[c].source), root(index[r].source)
        if a != b:
            parent[max(a, b)] = min(a, b)
    rep_of = dict(copy_of)
    shared = set(rep_of) | set(rep_of.values())
    keep: set[str] = set()
    for g in groups:
        here = [p.id for p in g.passages if p.id in rep_of]
        if not here or len({root(p.source) for p in g.passages}) != 1:
            continue
        printing = {p.source for p in g.passages if p.id in shared}
        if any(p.source not in printing for p in g.passages):
            keep.update(here)
    return tuple(t for t in copy_of if t[0] not in keep) if keep else copy_of


def _without(content: Sequence[tuple[int, int]], cut: Sequence[Passage]) -> tuple[tuple[int, int], ...]:
    """Content spans with the passages ``cut`` taken out (what is left of each span, in order).

    The checks read a source's content directly too (every quotation of the source, where a name
    is used anywhere in the story), so a folded passage must leave it, not only the alignment.
    """
    holes = sorted((p.start, p.end) for p in cut)
    out: list[tuple[int, int]] = []
    h = 0
    for s, e in content:
        while h < len(holes) and holes[h][1] <= s:
            h += 1
        pos, k = s, h
        while k < len(holes) and holes[k][0] < e:
            if holes[k][0] > pos:
                out.append((pos, holes[k][0]))
            pos = max(pos, holes[k][1])
            k += 1
        if pos < e:
            out.append((pos, e))
    return tuple(out)


_CACHE: dict[int, tuple[weakref.ref, Fold]] = {}


def fold_of(ctx: CheckContext) -> Fold:
    """The fold of a run's context (``fold``, with whole-source near copies linked), computed once
    and shared by ``run_checks`` and the pipeline, which records ``copy_of`` in the analysis."""
    hit = _CACHE.get(id(ctx))
    if hit is not None and hit[0]() is ctx:
        return hit[1]
    near = near_copies(ctx.alignment)
    result = replace(fold(ctx.alignment, ctx.sources, linked=[(a, b) for a, b, _ in near]), near=near)
    _CACHE.clear()
    _CACHE[id(ctx)] = (weakref.ref(ctx), result)
    return result


class _Mapper:
    """Moves spans inside representative passages to the same words in their copies."""

    def __init__(self, fold_: Fold):
        self._copies = fold_.copies_of
        self._reps = PassagesInOrder(fold_.passages[rep_id] for rep_id in self._copies)
        self._keys: dict[str, tuple[str, tuple[int, ...]]] = {}

    def _key(self, p: Passage) -> tuple[str, tuple[int, ...]]:
        found = self._keys.get(p.id)
        if found is None:
            found = self._keys[p.id] = copy_key(p.text)
        return found

    def _key_index(self, p: Passage, pos: int) -> int:
        """The key character that stands for ``p``'s source offset ``pos`` (a collapsed space run's
        later characters stand on its one space)."""
        offsets = self._key(p)[1]
        return max(bisect.bisect_right(offsets, pos - p.start) - 1, 0)

    def copies(self, source: str, start: int, end: int) -> list[tuple[Passage, int, int]]:
        """``(copy passage, start, end)`` for every copy printing ``source[start:end]``, in (source,
        index) order; empty unless the span lies in folded representative passages of ``source``
        (across several only when the copy has the same passages in the same order)."""
        if end <= start:
            return []
        first, last = self._reps.at(source, start), self._reps.at(source, end - 1)
        if first is None or last is None:
            return []
        i, j = self._key_index(first, start), self._key_index(last, end - 1)
        step = last.index - first.index
        ends = {(c.source, c.index): c for c in self._copies[last.id]}
        out: list[tuple[Passage, int, int]] = []
        for c in self._copies[first.id]:
            c_last = ends.get((c.source, c.index + step))
            if c_last is None:
                continue
            c_start = c.start + self._key(c)[1][i]
            c_end = c_last.start + self._key(c_last)[1][j] + 1
            out.append((c, c_start, c_end))
        return out


def project(flags: Sequence[Flag], fold_: Fold, ctx: CheckContext) -> list[Flag]:
    """The flags the copies carry: each flag on a representative passage, once per copy.

    ``ctx`` is the unfolded context (its sources cut the copies' text; its groups name the copy's
    group). Kind, severity, confidence, expected, message and evidence are the representative
    flag's; the id is the copy's own (``make_flag``), so it is stable across reruns and run order.
    """
    if not fold_.copy_of:
        return []
    mapper = _Mapper(fold_)
    out: list[Flag] = []
    for f in flags:
        for c, start, end in mapper.copies(f.source, f.start, f.end):
            group = ctx.group_of.get(c.id) if f.group is not None else None
            out.append(make_flag(
                ctx, kind=f.kind, source=c.source, start=start, end=end, expected=f.expected,
                severity=f.severity, confidence=f.confidence, group=group, message=f.message,
                evidence=f.evidence,
            ))
    return out


def cite_copies(flags: Iterable[Flag], fold_: Fold, sources: Mapping[str, Source]) -> list[Flag]:
    """The flags with, after each evidence span in a representative passage, the same words in each
    copy (except in the flag's own source): the copies print that rendering too.

    Evidence is what the other sources print at the flagged place; it is read after every decision
    is made, so this changes no flag, only what the reader is shown.
    """
    flags = list(flags)
    if not fold_.copy_of:
        return flags
    mapper = _Mapper(fold_)
    out: list[Flag] = []
    for f in flags:
        evidence: list[Span] = []
        seen = {(e.source, e.start, e.end) for e in f.evidence}
        changed = False
        for e in f.evidence:
            evidence.append(e)
            for c, start, end in mapper.copies(e.source, e.start, e.end):
                if c.source == f.source or (c.source, start, end) in seen:
                    continue
                seen.add((c.source, start, end))
                evidence.append(Span(source=c.source, start=start, end=end,
                                     text=sources[c.source].text[start:end]))
                changed = True
        out.append(replace(f, evidence=tuple(evidence)) if changed else f)
    return out
