"""Chart geometry for the report: numbers only, printed by the templates as inline SVG.

Each function takes plain figures (already chosen and ordered by ``view.py``) and returns a frozen
dataclass of coordinates, sizes and class names from a fixed vocabulary. Nothing here builds markup,
and no article text reaches an attribute: labels are only ever printed as SVG text content.
Coordinates are in SVG user units (1 unit = 1 CSS px; the PDF prints 96 px per inch).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence

# The score chart and the stacked bars share one width so they line up on the page.
CHART_WIDTH = 660.0
LABEL_WIDTH = 190.0
VALUE_WIDTH = 64.0
ROW_HEIGHT = 18.0
BAR_HEIGHT = 10.0
TOP_MARGIN = 22.0

HEATMAP_MAX_SOURCES = 40
HEATMAP_SIZE = 460.0
HEATMAP_LABEL = 34.0
HEAT_LEVELS = 10


def _truncate(label: str, limit: int) -> str:
    """A label cut to ``limit`` characters with an ellipsis, so a long title cannot overflow a chart."""
    label = " ".join(label.split())
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def score_band(score: float | None) -> str:
    """The colour band of a score: ``good`` (70+), ``fair`` (40-70), ``poor`` (<40), ``none``."""
    if score is None:
        return "none"
    return "good" if score >= 70 else "fair" if score >= 40 else "poor"


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True)
class ScoreBar:
    """One source's row: bar from ``x0`` to ``x0 + width``, interval whisker ``lo_x``..``hi_x``."""

    y: float
    label: str
    rank: int | None
    x0: float
    width: float
    lo_x: float
    hi_x: float
    text_x: float
    score: float | None
    band: str


@dataclass(frozen=True)
class ScoreChart:
    width: float
    height: float
    bars: tuple[ScoreBar, ...]
    ticks: tuple[Tick, ...]
    axis_y0: float
    axis_y1: float


def score_chart(rows: Sequence[tuple[str, int | None, float | None, tuple[float, float] | None]]) -> ScoreChart:
    """Horizontal score bars on a 0-100 scale with the uncertainty interval as a whisker.

    ``rows``: (label, rank, score or None, (low, high) or None), in the order to draw them.
    """
    x0 = LABEL_WIDTH
    span = CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH

    def x_of(v: float) -> float:
        return round(x0 + span * max(0.0, min(100.0, v)) / 100.0, 2)

    bars = []
    for i, (label, rank, score, interval) in enumerate(rows):
        y = round(TOP_MARGIN + i * ROW_HEIGHT, 2)
        s = 0.0 if score is None else score
        lo, hi = interval if interval is not None else (s, s)
        bars.append(ScoreBar(
            y=y, label=_truncate(label, 30), rank=rank, x0=x0, width=round(x_of(s) - x0, 2),
            lo_x=x_of(min(lo, hi)), hi_x=x_of(max(lo, hi)),
            text_x=round(CHART_WIDTH - VALUE_WIDTH + 8, 2), score=score, band=score_band(score),
        ))
    height = TOP_MARGIN + len(rows) * ROW_HEIGHT + 4
    ticks = tuple(Tick(x=x_of(v), label=str(v)) for v in (0, 25, 50, 75, 100))
    return ScoreChart(width=CHART_WIDTH, height=round(height, 2), bars=tuple(bars), ticks=ticks,
                      axis_y0=TOP_MARGIN - 6, axis_y1=round(height - 2, 2))


@dataclass(frozen=True)
class MiniBar:
    """A small score bar for a table cell: 0-100 scale drawn ``width`` units wide."""

    width: float
    height: float
    fill: float
    lo_x: float
    hi_x: float
    band: str


def mini_bar(score: float | None, interval: tuple[float, float] | None, *, width: float = 120.0,
             height: float = 10.0) -> MiniBar:
    """The geometry of a table-cell score bar with its interval whisker."""
    s = 0.0 if score is None else max(0.0, min(100.0, score))
    lo, hi = interval if interval is not None else (s, s)
    lo, hi = max(0.0, min(lo, hi, 100.0)), min(100.0, max(lo, hi, 0.0))
    return MiniBar(width=width, height=height, fill=round(width * s / 100, 2),
                   lo_x=round(width * lo / 100, 2), hi_x=round(width * hi / 100, 2), band=score_band(score))


@dataclass(frozen=True)
class UnitBar:
    """A bar for a value in [0, 1] (a score component)."""

    width: float
    fill: float


def unit_bar(value: float, *, width: float = 120.0) -> UnitBar:
    return UnitBar(width=width, fill=round(width * max(0.0, min(1.0, value)), 2))


@dataclass(frozen=True)
class HeatCell:
    x: float
    y: float
    size: float
    level: str  # "0".."9", "self" (diagonal) or "none" (nothing reported in common)
    value: float | None
    shared: int
    show_text: bool


@dataclass(frozen=True)
class AxisLabel:
    x: float
    y: float
    text: str


@dataclass(frozen=True)
class Heatmap:
    width: float
    height: float
    cell: float
    cells: tuple[HeatCell, ...]
    row_labels: tuple[AxisLabel, ...]
    col_labels: tuple[AxisLabel, ...]
    font_size: float


def heat_level(value: float) -> str:
    """The colour step (``"0"``..``"9"``) of an agreement value in [0, 1]."""
    return str(min(HEAT_LEVELS - 1, max(0, int(math.floor(value * HEAT_LEVELS)))))


def heatmap(keys: Sequence[str], labels: Sequence[str],
            values: dict[tuple[str, str], tuple[float, int]]) -> Heatmap | None:
    """A sources-by-sources grid; ``values[(a, b)]`` = (agreement, shared groups), either order.

    Returns ``None`` beyond ``HEATMAP_MAX_SOURCES`` sources (the cells would be too small to read;
    the report says so and the JSON carries every pair).
    """
    n = len(keys)
    if n == 0 or n > HEATMAP_MAX_SOURCES:
        return None
    cell = round(min(34.0, (HEATMAP_SIZE - HEATMAP_LABEL) / n), 2)
    font = round(max(5.0, min(10.0, cell * 0.42)), 2)
    cells = []
    for i, a in enumerate(keys):
        for j, b in enumerate(keys):
            x = round(HEATMAP_LABEL + j * cell, 2)
            y = round(HEATMAP_LABEL + i * cell, 2)
            if i == j:
                cells.append(HeatCell(x, y, cell, "self", None, 0, False))
                continue
            found = values.get((a, b)) or values.get((b, a))
            if found is None or found[1] == 0:
                cells.append(HeatCell(x, y, cell, "none", None, 0, False))
            else:
                cells.append(HeatCell(x, y, cell, heat_level(found[0]), round(found[0], 4), found[1], cell >= 20))
    row_labels = tuple(
        AxisLabel(x=HEATMAP_LABEL - 4, y=round(HEATMAP_LABEL + (i + 0.5) * cell + font * 0.35, 2), text=labels[i])
        for i in range(n)
    )
    col_labels = tuple(
        AxisLabel(x=round(HEATMAP_LABEL + (j + 0.5) * cell, 2), y=HEATMAP_LABEL - 6, text=labels[j]) for j in range(n)
    )
    side = round(HEATMAP_LABEL + n * cell + 2, 2)
    return Heatmap(width=side, height=side, cell=cell, cells=tuple(cells), row_labels=row_labels,
                   col_labels=col_labels, font_size=font)


@dataclass(frozen=True)
class StackSegment:
    x: float
    width: float
    kind_index: int
    count: int


@dataclass(frozen=True)
class StackRow:
    y: float
    label: str
    rank: int | None
    segments: tuple[StackSegment, ...]
    total: int
    total_x: float


@dataclass(frozen=True)
class StackChart:
    width: float
    height: float
    rows: tuple[StackRow, ...]
    max_total: int
    ticks: tuple[Tick, ...]
    axis_y0: float
    axis_y1: float


def _nice_step(max_total: int) -> int:
    """A tick step giving at most about five ticks (1, 2, 5, 10, 20, 50, ...)."""
    if max_total <= 5:
        return 1
    raw = max_total / 5
    magnitude = 10 ** int(math.floor(math.log10(raw)))
    for m in (1, 2, 5, 10):
        if m * magnitude >= raw:
            return m * magnitude
    return 10 * magnitude


def stacked_bars(rows: Sequence[tuple[str, int | None, Sequence[int]]]) -> StackChart:
    """Flags per kind per source as stacked horizontal bars.

    ``rows``: (label, rank, counts per kind in a fixed kind order). Segment ``kind_index`` is the
    position in that order, which the template maps to a colour class.
    """
    totals = [sum(c) for _, _, c in rows]
    max_total = max(totals, default=0)
    x0 = LABEL_WIDTH
    span = CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH
    unit = span / max_total if max_total else 0.0
    out = []
    for i, (label, rank, counts) in enumerate(rows):
        y = round(TOP_MARGIN + i * ROW_HEIGHT, 2)
        x = x0
        segs = []
        for k, c in enumerate(counts):
            if c <= 0:
                continue
            w = c * unit
            segs.append(StackSegment(x=round(x, 2), width=round(w, 2), kind_index=k, count=c))
            x += w
        out.append(StackRow(y=y, label=_truncate(label, 30), rank=rank, segments=tuple(segs), total=totals[i],
                            total_x=round(x + 6, 2)))
    height = TOP_MARGIN + len(rows) * ROW_HEIGHT + 4
    step = _nice_step(max_total) if max_total else 1
    ticks = tuple(Tick(x=round(x0 + v * unit, 2), label=str(v)) for v in range(0, max_total + 1, step)) if max_total else ()
    return StackChart(width=CHART_WIDTH, height=round(height, 2), rows=tuple(out), max_total=max_total,
                      ticks=ticks, axis_y0=TOP_MARGIN - 6, axis_y1=round(height - 2, 2))
