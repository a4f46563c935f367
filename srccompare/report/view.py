"""What the HTML and PDF reports show, and in which order: the ``Analysis`` turned into plain rows.

``build_view(analysis, limits)`` returns a frozen ``ReportView`` of strings, numbers and small
tuples; the templates only loop over it and print. No markup is built here: a passage to highlight
becomes ``Segment(text, mark)`` pieces and the template prints ``<mark>`` around the marked ones;
chart geometry comes from ``charts.py`` as numbers. ``mark``, ``band``, ``level`` and similar
fields only ever hold values from fixed vocabularies defined in this package, never article text.

The PDF is bounded (``Limits.for_pdf``): long lists are cut and the cut is counted ("and 312 more
in report.html"); the HTML uses ``Limits.unbounded()`` and carries everything.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable, Sequence

from srccompare import __version__, calibration
from srccompare.models import Flag, Kind, Passage, ReviewStatus, Severity, Source
from srccompare.report import charts, pagefit
from srccompare.report.jsonreport import flag_counts, ranked_source_ids
from srccompare.report.reprints import Reprints

if TYPE_CHECKING:
    from srccompare.pipeline import Analysis

SEVERITY_ORDER = {Severity.HIGH: 0, Severity.MEDIUM: 1, Severity.LOW: 2}
_KIND_ORDER = {k.value: i for i, k in enumerate(Kind)}

# Where a passage is cut for the PDF, keep this many characters either side of each mark.
_CONTEXT_CHARS = 160
# An evidence or flag span outside every passage (a headline, a byline) is shown with this much text
# around it.
_WINDOW_CHARS = 140
_TOP_FLAGS = 8
_COVER_SOURCES = 12  # beyond this the cover shows the best 8 and the worst 4 (pagefit.split_rows)

_WORD_RE = re.compile(r"[^\W\d_]{3,}", re.UNICODE)


@dataclass(frozen=True)
class Limits:
    """How much of each list a report shows; ``None`` means all of it."""

    max_groups: int | None = None
    max_flags_per_source: int | None = None
    max_source_pages: int | None = None
    max_unaligned_per_source: int | None = None
    max_passage_chars: int | None = None
    max_chart_rows: int | None = None
    max_flags_per_block: int | None = None
    max_renderings_per_block: int | None = None
    max_evidence: int | None = None
    # The height of a PDF page's text in points, which the cover must fit (``pagefit``); ``None``:
    # no pages (HTML).
    page_height: float | None = None
    medium: str = "html"

    @classmethod
    def unbounded(cls) -> Limits:
        return cls()

    @classmethod
    def for_pdf(cls, settings: Any) -> Limits:
        """The PDF's bounds: the ``pdf_*`` settings, plus fixed caps that keep pages readable."""
        return cls(
            max_groups=settings.pdf_max_groups,
            max_flags_per_source=settings.pdf_max_flags_per_source,
            max_source_pages=settings.pdf_max_source_pages,
            # Ten keep a source's page to one page with its flags and components (twelve ran the
            # seeds' longest article onto a second page for its last line).
            max_unaligned_per_source=10,
            max_passage_chars=700,
            max_chart_rows=40,
            max_flags_per_block=10,
            max_renderings_per_block=8,
            max_evidence=4,
            page_height=pagefit.PAGE_BODY_PT,
            medium="pdf",
        )


def _cut(items: Sequence[Any], limit: int | None) -> tuple[tuple[Any, ...], int]:
    """The first ``limit`` items and how many were left out."""
    if limit is None or len(items) <= limit:
        return tuple(items), 0
    return tuple(items[: max(0, limit)]), len(items) - max(0, limit)


# --- rows ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Segment:
    """A piece of a passage. ``mark``: ``None``, ``flag-high|medium|low``, ``evidence`` or ``gap``
    (text left out; ``text`` is then an ellipsis)."""

    text: str
    mark: str | None


@dataclass(frozen=True)
class SourceRef:
    id: str
    label: str
    anchor: str  # "src-<n>", numbered by rank: never built from the id, which comes from a file name
    rank: int | None
    has_page: bool


@dataclass(frozen=True)
class EvidenceRow:
    source: SourceRef
    text: str
    # "reprint of 002" when the span lies in a passage its source reprints word for word: the span
    # shows that the copy prints it too, but the checks counted it once, with its original.
    reprint: str | None = None


@dataclass(frozen=True)
class FlagRow:
    id: str
    kind: str
    severity: str
    confidence: float
    source: SourceRef
    text: str
    expected: str
    message: str
    status: str
    note: str | None
    evidence: tuple[EvidenceRow, ...]
    evidence_more: int
    block_anchor: str | None  # where the PDF/HTML shows it side by side, if shown
    # How many other sources the evidence comes from (all of it, shown or not): the consensus behind
    # ``expected``, so a line can say "3 other sources say" rather than "the others", which overstates
    # it when two of five agree. Evidence in a reprinted passage is not counted: the checks counted
    # it once, with the passage it reprints, and the flag's message says so.
    witnesses: int = 0
    # On a flag carried over to a reprinted passage: a sentence saying whose flag it is.
    reprint: str | None = None


@dataclass(frozen=True)
class SourceRow:
    ref: SourceRef
    title: str
    short_title: str  # cut to one line for tables
    score: float | None
    interval: tuple[float, float] | None
    bar: charts.MiniBar
    counts: tuple[tuple[str, int], ...]  # severity, count
    words: int
    passages: int


@dataclass(frozen=True)
class Rendering:
    """One source's passage in a discrepancy block, split into highlighted segments."""

    source: SourceRef
    segments: tuple[Segment, ...]
    flagged: bool  # this source carries one of the block's flags
    in_group: bool  # the passage belongs to the aligned group (else it is evidence found elsewhere)
    reprint: str | None = None  # "reprint of 002" when the passage copies one of that source word for word


@dataclass(frozen=True)
class Block:
    """Discrepancies at one aligned passage: every source's rendering, then the flags."""

    anchor: str
    number: int
    group_id: str | None
    similarity: float | None
    severity: str
    renderings: tuple[Rendering, ...]
    renderings_more: int
    sources: int  # distinct sources in the block (shown or not)
    flags: tuple[FlagRow, ...]
    flags_more: int
    keep_together: bool = False  # small enough that the PDF moves it whole rather than split it


@dataclass(frozen=True)
class Component:
    name: str
    label: str
    value: float
    bar: charts.UnitBar
    explanation: str
    weight: float | None = None  # its share of the score, when the scorer says
    summary: str = ""  # the explanation's first sentence without its asides, for the source pages


@dataclass(frozen=True)
class MetaItem:
    label: str
    value: str


@dataclass(frozen=True)
class UnalignedRow:
    segments: tuple[Segment, ...]


@dataclass(frozen=True)
class SourcePage:
    row: SourceRow
    path: str
    sha256: str
    encoding: str
    meta: tuple[MetaItem, ...]
    components: tuple[Component, ...]
    flags: tuple[FlagRow, ...]
    flags_more: int
    flags_dismissed: int
    unaligned: tuple[UnalignedRow, ...]
    unaligned_more: int
    note: str | None  # the scorer's word on thin evidence, if any
    # How many of its passages reprint another source word for word, and how many others reprint
    # (``reprint_lines``); ``None`` when there are none.
    reprints: str | None = None
    reprinted_by: str | None = None


@dataclass(frozen=True)
class ComponentInfo:
    name: str
    label: str
    weight: float | None
    explanation: str


@dataclass(frozen=True)
class KindCount:
    kind: str
    index: int
    count: int


@dataclass(frozen=True)
class ScoreMoveRow:
    source: SourceRef
    before: float
    after: float
    delta: float


@dataclass(frozen=True)
class ChangesView:
    previous_run: bool
    new_sources: tuple[SourceRef, ...]
    removed_sources: tuple[str, ...]
    changed_sources: tuple[SourceRef, ...]
    new_flags: tuple[FlagRow, ...]
    new_flags_more: int
    new_flags_unknown: tuple[str, ...]
    resolved_flags: tuple[str, ...]
    moved_scores: tuple[ScoreMoveRow, ...]

    @property
    def empty(self) -> bool:
        return not (self.new_sources or self.removed_sources or self.changed_sources or self.new_flags
                    or self.new_flags_unknown or self.resolved_flags or self.moved_scores)


@dataclass(frozen=True)
class MethodView:
    """The scorer's own explanations (empty strings when ``srccompare.scoring`` gives none)."""

    score: str
    interval: str
    near_copies: str
    # What the report means by a reprint; empty when the run found none (nothing to explain).
    reprints: str = ""
    # What a flag's confidence means (srccompare.calibration).
    confidence: str = ""


@dataclass(frozen=True)
class OrphanRow:
    flag_id: str
    status: str
    note: str | None
    source: str | None
    text: str | None


@dataclass(frozen=True)
class ProblemRow:
    path: str
    message: str


@dataclass(frozen=True)
class NearCopyRow:
    a: SourceRef
    b: SourceRef
    similarity: float


@dataclass(frozen=True)
class TocEntry:
    anchor: str
    title: str
    level: int


@dataclass(frozen=True)
class Totals:
    sources: int
    groups: int
    passages: int
    unaligned: int
    flags: int
    by_severity: tuple[tuple[str, int], ...]
    confirmed: int
    dismissed: int
    open: int
    problems: int


@dataclass(frozen=True)
class ReportView:
    medium: str
    title: str
    tool_version: str
    totals: Totals
    notes: tuple[str, ...]
    sources: tuple[SourceRow, ...]
    cover_sources: tuple[SourceRow, ...]
    cover_sources_more: int
    cover_gap_at: int  # index in cover_sources before which the "N more" row goes (-1: none)
    cover_titles: bool  # whether cover rows show each source's title under its name
    cover_notes: tuple[str, ...]  # the notes that fit on the cover (all of them are under "Notes")
    cover_notes_more: int
    top_flags: tuple[FlagRow, ...]
    top_flags_more: int  # open flags beyond those on the cover
    score_chart: charts.ScoreChart
    score_chart_more: int
    heatmap: charts.Heatmap | None
    heatmap_limit: int
    stack_chart: charts.StackChart
    stack_chart_more: int
    kinds: tuple[KindCount, ...]
    blocks: tuple[Block, ...]
    blocks_more: int
    blocks_more_flags: int
    pages: tuple[SourcePage, ...]
    pages_more: tuple[SourceRef, ...]
    components: tuple[ComponentInfo, ...]
    method: MethodView
    settings: tuple[tuple[str, str], ...]
    changes: ChangesView
    orphaned: tuple[OrphanRow, ...]
    problems: tuple[ProblemRow, ...]
    near_copies: tuple[NearCopyRow, ...]
    toc: tuple[TocEntry, ...]
    # For the PDF writer, which measures the laid-out cover and may re-plan it (``with_cover``):
    # the flag rows the cover could show, most serious first; what decided the estimate; the
    # layouts in the planner's order and the one used. Templates need not read these.
    cover_flag_pool: tuple[FlagRow, ...] = ()
    cover_model: pagefit.CoverModel | None = None
    cover_plans: tuple[pagefit.CoverPlan, ...] = ()
    cover_plan: pagefit.CoverPlan | None = None
    # True for a probe of the cover alone: report.html then prints the cover and nothing after it.
    cover_only: bool = False


def _cover_fields(rows: Sequence[SourceRow], notes: Sequence[str], pool: Sequence[FlagRow], open_flags: int,
                  plan: pagefit.CoverPlan) -> dict[str, Any]:
    """The cover's fields of a ``ReportView`` laid out as ``plan``: the ranking rows (the best and
    the worst, with a count between), title lines or not, the first notes and flag rows."""
    head, tail = pagefit.split_rows(len(rows), plan.sources)
    cover = tuple(rows[:head]) + (tuple(rows[len(rows) - tail:]) if tail else ())
    cover_more = len(rows) - len(cover)
    top_flags = tuple(pool[:plan.flags])
    return dict(cover_sources=cover, cover_sources_more=cover_more, cover_gap_at=head if cover_more else -1,
                cover_titles=plan.titles, cover_notes=tuple(notes[:plan.notes]),
                cover_notes_more=len(notes) - min(plan.notes, len(notes)),
                top_flags=top_flags, top_flags_more=open_flags - len(top_flags), cover_plan=plan)


def with_cover(view: ReportView, plan: pagefit.CoverPlan, *, cover_only: bool = False) -> ReportView:
    """``view`` with its cover laid out as ``plan`` (one of ``view.cover_plans``); with
    ``cover_only`` a view whose template prints the cover alone, to measure it."""
    fields = _cover_fields(view.sources, view.notes, view.cover_flag_pool, view.totals.flags, plan)
    return dataclasses.replace(view, cover_only=cover_only, **fields)


# --- helpers ------------------------------------------------------------------------------------


def source_label(source: Source) -> str:
    """How the report names a source: its outlet when known, else its id (the file name)."""
    outlet = (source.meta.outlet or "").strip()
    return " ".join(outlet.split()) if outlet else source.id


def story_title(sources: Sequence[Source], ranked: Sequence[str]) -> str:
    """The report's headline: the source title that shares the most words with the other titles.

    A title's score is the mean, over its words of three letters or more, of how many *other*
    titles use that word; ties go to the better-ranked source. With no shared words at all, the
    best-ranked source's title. Titles are what the sources themselves say, so this works for any
    story.
    """
    order = {sid: i for i, sid in enumerate(ranked)}
    titled = [s for s in sources if s.title and s.title.strip()]
    if not titled:
        return "Source comparison"
    words = {s.id: {w.lower() for w in _WORD_RE.findall(s.title)} for s in titled}
    df = Counter(w for ws in words.values() for w in ws)

    def centrality(s: Source) -> float:
        ws = words[s.id]
        return sum(df[w] - 1 for w in ws) / len(ws) if ws else 0.0

    # A title ending in an ellipsis was cut from a first line by the reader, not written as a
    # headline: prefer complete ones.
    best = min(titled, key=lambda s: (s.title.rstrip().endswith(("…", "...")), -round(centrality(s), 6),
                                      order.get(s.id, len(order)), s.id))
    title = " ".join(best.title.split())
    return title if len(title) <= 160 else title[:159].rstrip() + "…"


_MARK_PRIORITY = {"flag-high": 0, "flag-medium": 1, "flag-low": 2, "evidence": 3}


def segments(text: str, base: int, marks: Iterable[tuple[int, int, str]], *,
             max_chars: int | None = None) -> tuple[Segment, ...]:
    """Split ``text`` (which starts at offset ``base`` of its source) into marked and plain pieces.

    ``marks`` are (start, end, mark) in source offsets; they are clipped to the text, and where
    they overlap the stronger mark wins (flag-high > flag-medium > flag-low > evidence). With
    ``max_chars`` a long text keeps only ``_CONTEXT_CHARS`` around each mark (or its beginning when
    nothing is marked), and the cuts become ``gap`` segments.
    """
    n = len(text)
    local = []
    for s, e, m in marks:
        s, e = max(0, s - base), min(n, e - base)
        if s < e:
            local.append((s, e, m))
    # Which stretches to keep.
    if max_chars is None or n <= max_chars:
        keep = [(0, n)]
    elif local:
        spans = sorted((max(0, s - _CONTEXT_CHARS), min(n, e + _CONTEXT_CHARS)) for s, e, _ in local)
        keep = []
        for s, e in spans:
            if keep and s <= keep[-1][1]:
                keep[-1] = (keep[-1][0], max(keep[-1][1], e))
            else:
                keep.append((s, e))
    else:
        keep = [(0, max_chars)]
    bounds = sorted({0, n} | {s for s, _, _ in local} | {e for _, e, _ in local}
                    | {s for s, _ in keep} | {e for _, e in keep})
    out: list[Segment] = []

    def push(piece: str, mark: str | None) -> None:
        if out and out[-1].mark == mark and mark != "gap":
            out[-1] = Segment(out[-1].text + piece, mark)
        else:
            out.append(Segment(piece, mark))

    for a, b in zip(bounds, bounds[1:]):
        if not any(s <= a and b <= e for s, e in keep):
            if not out or out[-1].mark != "gap":
                out.append(Segment("…", "gap"))
            continue
        covering = [m for s, e, m in local if s <= a and b <= e]
        mark = min(covering, key=_MARK_PRIORITY.__getitem__) if covering else None
        push(text[a:b], mark)
    return tuple(out)


def _shorten(text: str, limit: int) -> str:
    """``text`` on one line, cut at a word boundary to at most ``limit`` characters."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] if " " in text[: limit - 1] else text[: limit - 1]
    return cut.rstrip(" ,;:.…") + "…"


def _window(text: str, start: int, end: int) -> tuple[int, int]:
    """A stretch of ``text`` around [start, end), widened to whole words."""
    a, b = max(0, start - _WINDOW_CHARS), min(len(text), end + _WINDOW_CHARS)
    while a > 0 and not text[a - 1].isspace() and start - a < _WINDOW_CHARS + 30:
        a -= 1
    while b < len(text) and not text[b].isspace() and b - end < _WINDOW_CHARS + 30:
        b += 1
    return a, b


def _components_info() -> tuple[ComponentInfo, ...]:
    """The score components as ``srccompare.scoring.COMPONENTS`` explains them (empty if it does not).

    Each entry may be an object with ``name``/``label``/``weight``/``explanation`` attributes or a
    mapping with those keys.
    """
    try:
        from srccompare import scoring
    except Exception:  # scoring is written in parallel; the report must still render without it
        return ()
    out = []
    for c in getattr(scoring, "COMPONENTS", ()) or ():
        def get(key: str, default: Any = None) -> Any:
            return c.get(key, default) if isinstance(c, dict) else getattr(c, key, default)

        name = str(get("name", ""))
        if not name:
            continue
        weight = get("weight")
        out.append(ComponentInfo(
            name=name, label=str(get("label") or _humanise(name)),
            weight=float(weight) if isinstance(weight, (int, float)) else None,
            explanation=str(get("explanation") or ""),
        ))
    return tuple(out)


def _method() -> MethodView:
    """The scorer's explanations of the score, its interval and near-copies, if it exports them."""
    try:
        from srccompare import scoring
    except Exception:  # written in parallel; render without it
        return MethodView("", "", "")
    return MethodView(
        score=str(getattr(scoring, "SCORE_EXPLANATION", "") or ""),
        interval=str(getattr(scoring, "INTERVAL_EXPLANATION", "") or ""),
        near_copies=str(getattr(scoring, "NEAR_COPY_EXPLANATION", "") or ""),
    )


REPRINTS_EXPLANATION = (
    "Some sources print passages of another source word for word (wire copy reprinted in whole or in "
    "part). A passage printed the same by sources that copy one another is one witness, not several: "
    "the checks compare one of them (the passage of the smallest source id) with the other sources, "
    "and its flags are carried over to the reprints. A reprint's words still appear in the evidence, "
    "marked as a reprint, so every outlet printing a reading is shown; they are not counted again."
)


def _reprints_verb(n: int) -> str:
    return "reprints" if n == 1 else "reprint"


def reprint_lines(total: int, reprints: Sequence[tuple[str, int]],
                  reprinted_by: Sequence[tuple[str, int]]) -> tuple[str | None, str | None]:
    """The source page's two sentences on reprints, from the source's passage count ``total`` and
    ``(source label, passages)`` pairs, most first: what it reprints, and who reprints it. Each is
    ``None`` when there is nothing to say.

    ("12 of 31 passages reprint Reuters (counted once in the comparisons).",
     "The Herald reprints 4 of its 31 passages (counted once in the comparisons).")
    """
    copying = None
    if reprints:
        (label, n), rest = reprints[0], reprints[1:]
        parts = [f"{n:,} of {total:,} passages {_reprints_verb(n)} {label}"]
        parts += [f"{k:,} {_reprints_verb(k)} {other}" for other, k in rest]
        copying = ", ".join(parts) + " (counted once in the comparisons)."
    copied = None
    if reprinted_by:
        (label, n), rest = reprinted_by[0], reprinted_by[1:]
        parts = [f"{label} reprints {n:,} of its {total:,} passages"]
        parts += [f"{other} reprints {k:,}" for other, k in rest]
        copied = ", ".join(parts) + " (counted once in the comparisons)."
    return copying, copied


def _lede_estimate(totals: Totals) -> str:
    """A sentence as long as the cover's opening one (report.html), to estimate its lines."""
    text = (f"srccompare read {totals.sources:,} articles on this story and split them into {totals.passages:,} passages; "
            f"{totals.passages - totals.unaligned:,} of them line up across sources in {totals.groups:,} points reported by "
            f"more than one source. It flagged {totals.flags:,} discrepancies: places where one source renders "
            "something differently from the others.")
    return text + (f" {totals.dismissed:,} flags dismissed in review are not counted." if totals.dismissed else "")


_ASIDE_RE = re.compile(r"\s*\([^()]*\)")
_SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def summary_sentence(text: str) -> str:
    """The first sentence of ``text`` with its bracketed asides left out: an explanation's gist for
    a line under a figure ("How faithfully the source renders what it shares with the others: its
    load of discrepancy flags per checked passage, ...")."""
    first = _SENTENCE_END_RE.split(" ".join(text.split()), maxsplit=1)[0]
    return _ASIDE_RE.sub("", first).strip()


def _sentence_case(text: str) -> str:
    """``text`` with a capital first letter, printed as a sentence: some check messages begin in
    lower case ("quote reads ..."). A message that opens with quoted words is left as it is: those
    are the article's words."""
    stripped = text.lstrip()
    if stripped[:1].islower():
        return text[: len(text) - len(stripped)] + stripped[0].upper() + stripped[1:]
    return text


def _reprint_note(label: str | None) -> str | None:
    """The marker on a span or passage that reprints ``label``'s: "reprint of Reuters"."""
    return f"reprint of {label}" if label else None


def _humanise(name: str) -> str:
    return name.replace("_", " ").capitalize()


def _fmt_setting(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


# --- building -----------------------------------------------------------------------------------


class _Builder:
    """Holds the lookups one view needs; ``build()`` returns the ``ReportView``."""

    def __init__(self, analysis: Analysis, limits: Limits) -> None:
        self.a = analysis
        self.limits = limits
        self.by_id = {s.id: s for s in analysis.sources}
        self.ranked = ranked_source_ids(analysis)
        self.scores = {s.source: s for s in analysis.scoring.scores}
        self.rank_pos = {sid: i for i, sid in enumerate(self.ranked)}
        self.page_ids = self._page_ids()
        self.refs = {
            sid: SourceRef(id=sid, label=source_label(self.by_id[sid]), anchor=f"src-{i + 1}",
                           rank=self.scores[sid].rank if sid in self.scores else None,
                           has_page=sid in self.page_ids)
            for i, sid in enumerate(self.ranked)
        }
        self.passages_by_source: dict[str, list[Passage]] = defaultdict(list)
        for p in analysis.alignment.passages:
            self.passages_by_source[p.source].append(p)
        self.groups = {g.id: g for g in analysis.alignment.groups}
        self.block_of_flag: dict[str, str] = {}
        self.reprints = Reprints(analysis)

    def reprint_of(self, sid: str, start: int) -> str | None:
        """The label of the source whose passage ``sid`` reprints at ``start``, if it is a reprint."""
        copy = self.reprints.copy_at(sid, start) if self.reprints else None
        return self.ref(copy.original.source).label if copy is not None else None

    def ref(self, sid: str) -> SourceRef:
        if sid in self.refs:
            return self.refs[sid]
        # Evidence from a source the analysis no longer lists: name it, link nowhere.
        return SourceRef(id=sid, label=sid, anchor="", rank=None, has_page=False)

    def _page_ids(self) -> set[str]:
        """Sources that get a page: all, or within the limit the best and the worst alternately."""
        limit = self.limits.max_source_pages
        if limit is None or len(self.ranked) <= limit:
            return set(self.ranked)
        chosen: list[str] = []
        lo, hi = 0, len(self.ranked) - 1
        while len(chosen) < limit and lo <= hi:
            chosen.append(self.ranked[lo])
            lo += 1
            if len(chosen) < limit and lo <= hi:
                chosen.append(self.ranked[hi])
                hi -= 1
        return set(chosen)

    # rows

    def source_row(self, sid: str) -> SourceRow:
        src = self.by_id[sid]
        sc = self.scores.get(sid)
        score = sc.score if sc else None
        interval = sc.interval if sc else None
        counts = flag_counts(self.a.flags, sid)
        return SourceRow(
            ref=self.refs[sid], title=" ".join(src.title.split()), short_title=_shorten(src.title, 90), score=score, interval=interval,
            bar=charts.mini_bar(score, interval), counts=tuple(counts.items()), words=src.words,
            passages=len(self.passages_by_source.get(sid, ())),
        )

    def flag_row(self, f: Flag) -> FlagRow:
        evidence, evidence_more = _cut(f.evidence, self.limits.max_evidence)
        copied = {(e.source, e.start) for e in f.evidence if self.reprint_of(e.source, e.start)}
        original = self.reprint_of(f.source, f.start)
        return FlagRow(
            id=f.id, kind=f.kind.value, severity=f.severity.value, confidence=f.confidence,
            source=self.ref(f.source), text=f.text, expected=f.expected, message=_sentence_case(f.message),
            status=f.review.status.value, note=f.review.note,
            evidence=tuple(EvidenceRow(self.ref(e.source), e.text, _reprint_note(self.reprint_of(e.source, e.start)))
                           for e in evidence),
            evidence_more=evidence_more,
            block_anchor=self.block_of_flag.get(f.id),
            witnesses=len({e.source for e in f.evidence if e.source != f.source and (e.source, e.start) not in copied}),
            reprint=(f"This passage reprints {original} word for word: the flag is carried over from there."
                     if original else None),
        )

    # discrepancy blocks

    def _container(self, sid: str, start: int, end: int, group_passages: Sequence[Passage]) -> tuple[int, int, bool]:
        """The stretch of source ``sid`` to show around [start, end): a passage of the group, another
        passage of the source, or a window of text; and whether it is in the group."""
        for p in group_passages:
            if p.source == sid and p.start <= start and end <= p.end:
                return p.start, p.end, True
        for p in self.passages_by_source.get(sid, ()):
            if p.start <= start and end <= p.end:
                return p.start, p.end, False
        src = self.by_id.get(sid)
        if src is None:
            return start, end, False
        a, b = _window(src.text, start, end)
        return a, b, False

    def blocks(self) -> list[tuple[Block, list[Flag]]]:
        by_key: dict[str, list[Flag]] = defaultdict(list)
        for f in self.a.flags:
            # Flags outside any group are shown at their own passage.
            by_key[f.group if f.group in self.groups else f"~{f.source}:{f.start}"].append(f)

        def severity_key(fs: list[Flag]) -> tuple:
            live = [f for f in fs if f.review.status is not ReviewStatus.DISMISSED]
            pool = live or fs
            worst = min(SEVERITY_ORDER[f.severity] for f in pool)
            return (0 if live else 1, worst, -max(f.confidence for f in pool), -len(pool))

        return sorted(by_key.items(), key=lambda kv: (severity_key(kv[1]), kv[0]))

    def flag_order(self, f: Flag) -> tuple:
        return (SEVERITY_ORDER[f.severity], -f.confidence, self.rank_pos.get(f.source, 0), f.start, f.id)

    def _block(self, number: int, key: str, fs: list[Flag]) -> Block:
        """One discrepancy block: the flags at one place (cut to ``max_flags_per_block``) and the
        renderings that show them, flagged sources first, then witnesses (cut to
        ``max_renderings_per_block``, keeping at least two witnesses when there are any)."""
        lim = self.limits
        group = self.groups.get(key)
        gp = group.passages if group else ()
        fs = sorted(fs, key=self.flag_order)
        shown_flags, flags_more = _cut(fs, lim.max_flags_per_block)
        # Every place to mark, per container (source, start, end).
        containers: dict[tuple[str, int, int], list[tuple[int, int, str]]] = defaultdict(list)
        in_group: dict[tuple[str, int, int], bool] = {}
        flagged_sources: set[str] = set()
        for p in gp:
            containers.setdefault((p.source, p.start, p.end), [])
            in_group[(p.source, p.start, p.end)] = True
        for f in shown_flags:
            flagged_sources.add(f.source)
            a, b, ing = self._container(f.source, f.start, f.end, gp)
            containers[(f.source, a, b)].append((f.start, f.end, f"flag-{f.severity.value}"))
            in_group.setdefault((f.source, a, b), ing)
            for e in f.evidence:
                a, b, ing = self._container(e.source, e.start, e.end, gp)
                containers[(e.source, a, b)].append((e.start, e.end, "evidence"))
                in_group.setdefault((e.source, a, b), ing)
        places = sorted(
            (k for k in containers if k[0] in self.by_id),
            key=lambda k: (0 if k[0] in flagged_sources else 1, self.rank_pos.get(k[0], len(self.rank_pos)), k[1]),
        )
        flagged = [k for k in places if k[0] in flagged_sources]
        witnesses = [k for k in places if k[0] not in flagged_sources]
        cap = lim.max_renderings_per_block
        if cap is not None and len(places) > cap:
            keep_witnesses = min(len(witnesses), max(2, cap - len(flagged)))
            places = flagged[: cap - keep_witnesses] + witnesses[:keep_witnesses]
        renderings = tuple(
            Rendering(
                source=self.ref(sid),
                segments=segments(self.by_id[sid].text[a:b], a, containers[(sid, a, b)], max_chars=lim.max_passage_chars),
                flagged=sid in flagged_sources, in_group=in_group[(sid, a, b)],
                reprint=_reprint_note(self.reprint_of(sid, a)),
            )
            for sid, a, b in places
        )
        live = [f for f in fs if f.review.status is not ReviewStatus.DISMISSED] or fs
        worst = min((f.severity for f in live), key=SEVERITY_ORDER.__getitem__)
        renderings_more = len(flagged) + len(witnesses) - len(renderings)
        keep = lim.page_height is not None and pagefit.keep_together(
            ["".join(seg.text for seg in r.segments) for r in renderings], len(shown_flags),
            notes=(1 if renderings_more else 0) + (1 if flags_more else 0), page_pt=lim.page_height)
        return Block(anchor=f"grp-{number}", number=number, group_id=group.id if group else None,
                     similarity=group.similarity if group else None, severity=worst.value,
                     renderings=renderings, renderings_more=renderings_more,
                     sources=len({k[0] for k in flagged + witnesses}),
                     flags=tuple(self.flag_row(f) for f in shown_flags), flags_more=flags_more, keep_together=keep)

    # pages

    def source_page(self, sid: str, flags_by_source: dict[str, list[Flag]], unaligned: dict[str, list[Passage]],
                    infos: dict[str, ComponentInfo]) -> SourcePage:
        src = self.by_id[sid]
        sc = self.scores.get(sid)
        fs = sorted(flags_by_source.get(sid, ()), key=lambda f: (
            1 if f.review.status is ReviewStatus.DISMISSED else 0, SEVERITY_ORDER[f.severity], -f.confidence, f.start, f.id))
        shown, more = _cut(fs, self.limits.max_flags_per_source)
        open_marks = [(f.start, f.end, f"flag-{f.severity.value}") for f in fs
                      if f.review.status is not ReviewStatus.DISMISSED]
        un = sorted(unaligned.get(sid, ()), key=lambda p: (p.start, p.end))
        un_shown, un_more = _cut(un, self.limits.max_unaligned_per_source)
        copying, copied = reprint_lines(
            len(self.passages_by_source.get(sid, ())),
            [(self.ref(o).label, n) for o, n in self.reprints.reprinted_sources(sid)],
            [(self.ref(c).label, n) for c, n in self.reprints.reprinted_by(sid)],
        ) if self.reprints else (None, None)
        meta = tuple(MetaItem(label, " ".join(str(v).split())) for label, v in (
            ("Outlet", src.meta.outlet), ("Title", src.meta.title), ("Address", src.meta.url),
            ("Date", src.meta.date), ("Language", src.meta.language)) if v)
        comps = tuple(
            Component(name=name, label=infos[name].label if name in infos else _humanise(name), value=v,
                      bar=charts.unit_bar(v), explanation=infos[name].explanation if name in infos else "",
                      weight=infos[name].weight if name in infos else None,
                      summary=summary_sentence(infos[name].explanation) if name in infos else "")
            for name, v in (sc.components if sc else ())
        )
        return SourcePage(
            row=self.source_row(sid), path=src.path, sha256=src.sha256, encoding=src.encoding, meta=meta,
            components=comps, flags=tuple(self.flag_row(f) for f in shown), flags_more=more,
            flags_dismissed=sum(1 for f in fs if f.review.status is ReviewStatus.DISMISSED),
            # A flag inside a passage only this source reports is marked there too: a reader
            # scanning the list should not take "Salvoes" for the source's own wording unremarked.
            unaligned=tuple(UnalignedRow(segments(p.text, p.start, open_marks, max_chars=self.limits.max_passage_chars))
                            for p in un_shown),
            unaligned_more=un_more,
            note=getattr(sc, "note", None) if sc else None,
            reprints=copying,
            reprinted_by=copied,
        )

    def build(self) -> ReportView:
        a, lim = self.a, self.limits
        rows = [self.source_row(sid) for sid in self.ranked]

        # Blocks first: flag rows elsewhere link to the block that shows them. Only the blocks
        # shown are built (a 200-source corpus has thousands).
        ordered = self.blocks()
        shown_keys, blocks_more = _cut(ordered, lim.max_groups)
        for number, (_, fs) in enumerate(shown_keys, start=1):
            for f in fs:
                self.block_of_flag[f.id] = f"grp-{number}"
        blocks = tuple(self._block(number, key, fs) for number, (key, fs) in enumerate(shown_keys, start=1))
        blocks_more_flags = sum(len(fs) for _, fs in ordered[len(shown_keys):])

        live = [f for f in a.flags if f.review.status is not ReviewStatus.DISMISSED]
        top = sorted(live, key=lambda f: (SEVERITY_ORDER[f.severity], -f.confidence, self.rank_pos.get(f.source, 0), f.id))

        sev = Counter(f.severity.value for f in live)
        status = Counter(f.review.status for f in a.flags)
        totals = Totals(
            sources=len(a.sources), groups=len(a.alignment.groups), passages=len(a.alignment.passages),
            unaligned=len(a.alignment.unaligned), flags=len(live),
            by_severity=tuple((s.value, sev.get(s.value, 0)) for s in Severity),
            confirmed=status.get(ReviewStatus.CONFIRMED, 0), dismissed=status.get(ReviewStatus.DISMISSED, 0),
            open=status.get(ReviewStatus.OPEN, 0), problems=len(a.problems),
        )

        # Cover: all sources up to a point, then the best and the worst with a count between; in the
        # PDF only as much as fits on the first page (``pagefit``).
        title = story_title(a.sources, self.ranked)
        notes = tuple(a.scoring.notes)
        candidates = top[:_TOP_FLAGS]
        model: pagefit.CoverModel | None = None
        plans: tuple[pagefit.CoverPlan, ...] = ()
        if lim.page_height is None:
            plan = pagefit.CoverPlan(sources=_COVER_SOURCES, titles=True, notes=len(notes), flags=len(candidates))
        else:
            model = pagefit.CoverModel(
                title=title, lede=_lede_estimate(totals), notes=notes,
                source_titles=tuple(bool(r.short_title) and r.title != r.ref.label for r in rows),
                flags=tuple((f.text, f.expected) for f in candidates), total_flags=len(live))
            plans = pagefit.cover_plans(model, max_sources=_COVER_SOURCES)
            plan = pagefit.plan_cover(model, max_sources=_COVER_SOURCES, page_pt=lim.page_height)
        pool = tuple(self.flag_row(f) for f in candidates)
        cover_fields = _cover_fields(rows, notes, pool, len(live), plan)

        chart_rows, chart_more = _cut(rows, lim.max_chart_rows)
        score_chart = charts.score_chart([(r.ref.label, r.ref.rank, r.score, r.interval) for r in chart_rows])

        kinds_present = sorted({f.kind.value for f in a.flags} | {k.value for k in Kind},
                               key=lambda k: (_KIND_ORDER.get(k, len(_KIND_ORDER)), k))
        kind_index = {k: i for i, k in enumerate(kinds_present)}
        per_source: dict[str, list[int]] = {sid: [0] * len(kinds_present) for sid in self.ranked}
        for f in live:
            if f.source in per_source:
                per_source[f.source][kind_index[f.kind.value]] += 1
        # When not every source fits, draw those with the most flags (in rank order): a chart of
        # 40 clean sources would say nothing.
        stack_rows, stack_more = list(rows), 0
        if lim.max_chart_rows is not None and len(rows) > lim.max_chart_rows:
            busiest = sorted(rows, key=lambda r: (-sum(per_source[r.ref.id]), self.rank_pos[r.ref.id]))
            chosen = {r.ref.id for r in busiest[: lim.max_chart_rows]}
            stack_rows = [r for r in rows if r.ref.id in chosen]
            stack_more = len(rows) - len(stack_rows)
        stack_chart = charts.stacked_bars([(r.ref.label, r.ref.rank, per_source[r.ref.id]) for r in stack_rows])
        totals_by_kind = Counter(f.kind.value for f in live)
        kinds = tuple(KindCount(k, kind_index[k], totals_by_kind.get(k, 0)) for k in kinds_present)

        agreement = {(g.a, g.b): (g.value, g.shared) for g in a.scoring.agreement}
        heat_ids = self.ranked
        heat = charts.heatmap(heat_ids, [f"#{self.refs[s].rank or i + 1}" for i, s in enumerate(heat_ids)], agreement)

        infos = _components_info()
        info_by_name = {c.name: c for c in infos}
        # Components the scorer produced but does not explain still get a line in the method section.
        seen = set(info_by_name)
        extra = []
        for sc in a.scoring.scores:
            for name, _ in sc.components:
                if name not in seen:
                    seen.add(name)
                    extra.append(ComponentInfo(name, _humanise(name), None, ""))
        components = infos + tuple(extra)

        flags_by_source: dict[str, list[Flag]] = defaultdict(list)
        for f in a.flags:
            flags_by_source[f.source].append(f)
        unaligned: dict[str, list[Passage]] = defaultdict(list)
        for p in a.alignment.unaligned:
            unaligned[p.source].append(p)
        pages = tuple(self.source_page(sid, flags_by_source, unaligned, info_by_name)
                      for sid in self.ranked if sid in self.page_ids)
        pages_more = tuple(self.refs[sid] for sid in self.ranked if sid not in self.page_ids)

        flags_by_id = {f.id: f for f in a.flags}
        ch = a.changes
        new_rows = [self.flag_row(flags_by_id[i]) for i in ch.new_flags if i in flags_by_id]
        new_shown, new_more = _cut(new_rows, lim.max_groups)
        changes = ChangesView(
            previous_run=ch.previous_run,
            new_sources=tuple(self.ref(s) for s in ch.new_sources),
            removed_sources=tuple(ch.removed_sources),
            changed_sources=tuple(self.ref(s) for s in getattr(ch, "changed_sources", ())),
            new_flags=new_shown,
            new_flags_more=new_more,
            new_flags_unknown=tuple(i for i in ch.new_flags if i not in flags_by_id),
            resolved_flags=tuple(ch.resolved_flags),
            moved_scores=tuple(ScoreMoveRow(self.ref(m.source), m.before, m.after, round(m.after - m.before, 2))
                               for m in ch.moved_scores),
        )

        toc = [TocEntry("summary", "Summary", 1), TocEntry("figures", "Scores and agreement", 1),
               TocEntry("discrepancies", "Discrepancies", 1), TocEntry("sources", "Sources one by one", 1)]
        toc += [TocEntry(p.row.ref.anchor, f"#{p.row.ref.rank or ''} {p.row.ref.label}".strip(), 2) for p in pages]
        toc += [TocEntry("method", "Method and settings", 1), TocEntry("changes", "Changes since the last run", 1),
                TocEntry("files", "Files, reviews and notes", 1)]

        return ReportView(
            medium=lim.medium,
            title=title,
            tool_version=__version__,
            totals=totals,
            notes=notes,
            sources=tuple(rows),
            score_chart=score_chart,
            score_chart_more=chart_more,
            heatmap=heat,
            heatmap_limit=charts.HEATMAP_MAX_SOURCES,
            stack_chart=stack_chart,
            stack_chart_more=stack_more,
            kinds=kinds,
            blocks=blocks,
            blocks_more=blocks_more,
            blocks_more_flags=blocks_more_flags,
            pages=pages,
            pages_more=pages_more,
            components=components,
            method=dataclasses.replace(_method(), reprints=REPRINTS_EXPLANATION if self.reprints else "",
                                       confidence=calibration.explanation(a.settings.calibrate)),
            settings=tuple((k, _fmt_setting(v)) for k, v in a.settings.as_dict().items()),
            changes=changes,
            orphaned=tuple(OrphanRow(o.flag_id, o.status.value, o.note, o.source, o.text) for o in a.orphaned),
            problems=tuple(ProblemRow(p.path, p.message) for p in a.problems),
            near_copies=tuple(NearCopyRow(self.ref(x), self.ref(y), v) for x, y, v in a.scoring.near_copies),
            toc=tuple(toc),
            cover_flag_pool=pool,
            cover_model=model,
            cover_plans=plans,
            **cover_fields,
        )


def build_view(analysis: Analysis, limits: Limits | None = None) -> ReportView:
    """The report's content for one medium: ``Limits.for_pdf(settings)`` or unbounded for HTML."""
    return _Builder(analysis, limits or Limits.unbounded()).build()
