"""Hand-made ``Analysis`` objects for the report tests (no pipeline, no I/O).

``build_analysis(texts, flags=...)`` makes one source per text (id -> text), one passage per
non-empty line, groups line *i* of every source that has one, and places flags by finding words in
the text, so every span is true (``text == source.text[start:end]``). Scores follow from the flags,
so the ranking is what a reader would expect.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Sequence

from srccompare.checks.base import flag_id
from srccompare.models import (
    Agreement,
    Alignment,
    Changes,
    Flag,
    Group,
    Kind,
    OrphanedReview,
    Passage,
    ReadProblem,
    Review,
    ReviewStatus,
    ScoreMove,
    ScoreResult,
    Severity,
    Source,
    SourceMeta,
    SourceScore,
    Span,
)
from srccompare.pipeline import Analysis
from srccompare.settings import Settings


@dataclass(frozen=True)
class FlagSpec:
    """A flag on the ``occurrence``-th ``word`` of ``source``; evidence is ``expected`` in the other
    sources' passages of the same group (or anywhere in them when the flagged line is unaligned)."""

    source: str
    word: str
    expected: str
    kind: Kind = Kind.NAME_VARIANT
    severity: Severity = Severity.HIGH
    confidence: float = 0.9
    occurrence: int = 0
    review: Review = field(default_factory=Review)
    message: str | None = None


def _find(text: str, word: str, occurrence: int = 0, start: int = 0, end: int | None = None) -> int:
    pos = start - 1
    for _ in range(occurrence + 1):
        pos = text.find(word, pos + 1, end)
        if pos < 0:
            raise ValueError(f"{word!r} not found")
    return pos


def _lines(source_id: str, text: str) -> list[Passage]:
    out, pos = [], 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = pos + line.index(stripped)
            out.append(Passage(id=f"{source_id}:{len(out)}", source=source_id, index=len(out), start=start,
                               end=start + len(stripped), text=stripped))
        pos += len(line) + 1
    return out


def build_analysis(
    texts: dict[str, str],
    *,
    flags: Sequence[FlagSpec] = (),
    meta: dict[str, SourceMeta] | None = None,
    aligned_lines: int | None = None,
    problems: Sequence[ReadProblem] = (),
    changes: Changes | None = None,
    orphaned: Sequence[OrphanedReview] = (),
    notes: Sequence[str] = (),
    near_copies: Sequence[tuple[str, str, float]] = (),
    settings: Settings | None = None,
    encoding: str = "utf-8",
) -> Analysis:
    """An ``Analysis`` of ``texts``; ``aligned_lines`` limits grouping to the first n lines (the
    rest are unaligned: what only one source reports)."""
    meta = meta or {}
    sources = []
    for sid, text in texts.items():
        first = text.strip().split("\n", 1)[0].strip()
        sources.append(Source(
            id=sid, path=f"corpus/{sid}.txt", sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(), text=text,
            encoding=encoding, title=first, meta=meta.get(sid, SourceMeta()), content=((0, len(text)),),
        ))
    by_id = {s.id: s for s in sources}
    passages = {s.id: _lines(s.id, s.text) for s in sources}
    all_passages = tuple(p for s in sources for p in passages[s.id])
    max_lines = max(len(v) for v in passages.values())
    limit = max_lines if aligned_lines is None else aligned_lines
    groups = []
    for i in range(limit):
        members = tuple(passages[s.id][i] for s in sources if i < len(passages[s.id]))
        if len(members) < 2:
            continue
        pairs = tuple((a.id, b.id, round(0.5 + 0.05 * ((len(a.text) + len(b.text)) % 7), 3))
                      for a, b in combinations(members, 2))
        sim = round(sum(p[2] for p in pairs) / len(pairs), 4)
        gid = "g-" + hashlib.sha256("|".join(p.id for p in members).encode()).hexdigest()[:12]
        groups.append(Group(id=gid, passages=members, pairs=pairs, similarity=sim))
    grouped = {p.id for g in groups for p in g.passages}
    unaligned = tuple(p for p in all_passages if p.id not in grouped)
    group_of = {p.id: g for g in groups for p in g.passages}

    built: list[Flag] = []
    for spec in flags:
        src = by_id[spec.source]
        start = _find(src.text, spec.word, spec.occurrence)
        end = start + len(spec.word)
        passage = next(p for p in passages[spec.source] if p.start <= start and end <= p.end)
        group = group_of.get(passage.id)
        evidence = []
        others = [p for p in group.passages if p.source != spec.source] if group else [
            p for s in sources if s.id != spec.source for p in passages[s.id]]
        for p in others:
            try:
                at = _find(by_id[p.source].text, spec.expected, 0, p.start, p.end)
            except ValueError:
                continue
            evidence.append(Span(p.source, at, at + len(spec.expected), spec.expected))
            if not group and len(evidence) >= 3:
                break
        built.append(Flag(
            id=flag_id(src, spec.kind, start, end), kind=spec.kind, source=spec.source, start=start, end=end,
            text=src.text[start:end], expected=spec.expected, severity=spec.severity, confidence=spec.confidence,
            group=group.id if group else None,
            message=spec.message or f"'{spec.word}' where {len(evidence)} other source(s) write '{spec.expected}'",
            evidence=tuple(evidence), review=spec.review,
        ))
    built.sort(key=lambda f: (f.source, f.start, f.end, f.id))

    raw = []
    for i, s in enumerate(sources):
        load = sum(f.severity.weight for f in built if f.source == s.id and f.review.status is not ReviewStatus.DISMISSED)
        score = round(max(0.0, 88.0 - 14.0 * load - 0.5 * i), 2)
        raw.append((s.id, score))
    raw.sort(key=lambda t: (-t[1], t[0]))
    scores = []
    for rank, (sid, score) in enumerate(raw, start=1):
        counts = {sev.value: 0 for sev in Severity}
        for f in built:
            if f.source == sid and f.review.status is not ReviewStatus.DISMISSED:
                counts[f.severity.value] += 1
        scores.append(SourceScore(
            source=sid, score=score, rank=rank,
            components=(("corroboration", round(min(1.0, 0.4 + 0.05 * rank), 3)), ("fidelity", round(score / 100, 3))),
            interval=(max(0.0, score - 6.0), min(100.0, score + 4.0)), flag_counts=tuple(counts.items()),
        ))
    agreement = []
    for a, b in combinations([s.id for s in sources], 2):
        shared = sum(1 for g in groups if a in g.sources and b in g.sources)
        if shared:
            clash = sum(1 for f in built if f.source in (a, b) and ({a, b} - {f.source}) <= {e.source for e in f.evidence})
            agreement.append(Agreement(a=a, b=b, value=round(max(0.0, 0.8 - 0.15 * clash), 3), shared=shared))

    return Analysis(
        home=Path("corpus"),
        sources=tuple(sources),
        problems=tuple(problems),
        alignment=Alignment(passages=all_passages, groups=tuple(groups), unaligned=unaligned),
        flags=tuple(built),
        scoring=ScoreResult(scores=tuple(scores), agreement=tuple(agreement), near_copies=tuple(near_copies),
                            notes=tuple(notes)),
        settings=settings or Settings(),
        changes=changes or Changes.first_run(),
        orphaned=tuple(orphaned),
        timings=(("read", 0.01),),
    )


# A small story in three renderings, used by several tests.
TRIO = {
    "alpha": (
        "Finance minister Maria Okonkwo met union leaders in Lagos on Monday.\n"
        "She said the fuel subsidy would end in June, a cut of 40 percent.\n"
        "Okonkwo called the talks \"frank and useful\".\n"
        "Only alpha mentions the weather was hot.\n"
    ),
    "beta": (
        "Finance minister Maria Okonkwo met union leaders in Lagos on Monday.\n"
        "She said the fuel subsidy would end in June, a cut of 40 percent.\n"
        "Okonkwo called the talks \"frank and useful\".\n"
    ),
    "gamma": (
        "Finance minister Maria Okonkwa met union leaders in Lagoss on Monday.\n"
        "She said the fuel subsidy would end in July, a cut of 45 percent.\n"
        "Okonkwa called the talks \"frank and usefull\".\n"
    ),
}

TRIO_FLAGS = (
    FlagSpec("gamma", "Okonkwa", "Okonkwo"),
    FlagSpec("gamma", "Lagoss", "Lagos", severity=Severity.MEDIUM, confidence=0.7),
    FlagSpec("gamma", "45", "40", kind=Kind.NUMBER_CONFLICT, confidence=0.8),
    FlagSpec("gamma", "July", "June", kind=Kind.DATE_CONFLICT, severity=Severity.HIGH, confidence=0.75,
             review=Review(ReviewStatus.CONFIRMED, "checked against the ministry's statement")),
    FlagSpec("gamma", "usefull", "useful", kind=Kind.GARBLED_TEXT, severity=Severity.LOW, confidence=0.6,
             review=Review(ReviewStatus.DISMISSED, None)),
)


def trio(**kwargs) -> Analysis:
    """The three-source story with five flags (one confirmed, one dismissed) and the extras set."""
    defaults = dict(
        flags=TRIO_FLAGS,
        aligned_lines=3,
        problems=(ReadProblem("corpus/broken.pdf", "corpus/broken.pdf: not a text file; save it as .txt"),),
        changes=Changes(True, ("gamma",), ("delta",), (), ("f-000000000000",), (ScoreMove("alpha", 80.0, 88.0),)),
        orphaned=(OrphanedReview("f-111111111111", ReviewStatus.CONFIRMED, "kept", "delta", "Okonkwoo"),),
        notes=("Three sources: where one departs, the other two decide.",),
        meta={"beta": SourceMeta(outlet="The Beta Times", url="https://beta.example/story", date="2025-05-12")},
    )
    defaults.update(kwargs)
    return build_analysis(TRIO, **defaults)
