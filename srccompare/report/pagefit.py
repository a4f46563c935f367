"""What fits on a PDF page, estimated before anything is rendered: the cover's plan, and which
discrepancy boxes are small enough to keep on one page.

The cover (title, figures, notes, the ranking and the most serious discrepancies) must stay one
page whatever the articles say. The stylesheet caps every cover cell at a few lines (``line-clamp``
in ``report.css``: the title 3, a note 4, a source's name and title 1 each, a flag's texts 3), so
each element has a known largest height. This module estimates each element's height from its text
(a conservative width per character, never below the real one for the report's fonts), capped at
those clamps, and lists the cover's possible layouts in the order the planner prefers them
(``cover_plans``): the fullest first, then giving up title lines, notes, ranking rows and flag rows.

The estimate is only a first guess. Its heights mirror the built-in ``report.css``; a user's
stylesheet or template can make any of them wrong. The PDF writer (``srccompare.report.pdf``) lays
the cover out, measures where it ends, and when it spilled asks ``next_plan`` for the first
layout down the list that sheds at least the measured overflow; the estimates then only size that
step.

Everything is in points (1/72 in). Pure functions; no rendering, no markup.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from typing import Sequence

# A4 (297 mm) less the @page margins of report.css (16 mm + 18 mm), in points.
PAGE_BODY_PT = (297 - 16 - 18) / 25.4 * 72
# Usable text width: 210 mm less 15 mm either side.
PAGE_WIDTH_PT = (210 - 15 - 15) / 25.4 * 72

LINE = 1.42  # body line-height
BODY_PT = 9.5
SMALL_PT = 7.5  # .source-title
CELL_PAD = 6.5  # 3pt top and bottom padding plus the 0.5pt rule

# Caps from report.css (the .clampN classes on the cover).
TITLE_LINES = 3
NOTE_LINES = 4
FLAG_TEXT_LINES = 3

# Heights measured on WeasyPrint's layout of report.css (margins that collapse counted once):
# the kicker, the title's and the lede's bottom margins and the five figure boxes (a 19.8pt figure
# over two 7.5pt caption lines, 12pt padding, a 3pt rule, a 12pt margin).
TOP = 17.4 + 6 + 12 + 56.1 + 12
TITLE_LINE = 22 * 1.15
LEDE_LINE = 10.5 * LINE
LEDE_PT = 10.5
FIRST_HEADING = 11 * 1.2 + 5.5  # its top margin collapses into the box above
HEADING = 12 + 11 * 1.2 + 5.5
TABLE_HEAD_ROW = SMALL_PT * LINE + 6.5
TABLE_MARGIN = 10  # below a table
LEGEND = 8 * LINE + 4.8
MORE_LINE = 8.5 * LINE + 2 + 2  # a .more line in a box (the notes)
MORE_AFTER_TABLE = 8.5 * LINE  # under the flag table: its top margin collapses into the table's
NOTES_BOX = 10 + 12  # padding and bottom margin of the .notes box (its top margin collapses)
NOTE_GAP = 4  # the margins of each note's paragraph
# A ranking row: the source's name on one line and its title on another, or the name alone.
SOURCE_ROW_TITLED = BODY_PT * LINE + SMALL_PT * LINE + CELL_PAD
SOURCE_ROW_PLAIN = BODY_PT * LINE + CELL_PAD + 0.5  # the mini bar is a little taller than a line
# What the layout may add that this model does not see (rounding, a caption that wraps, a text
# estimated a line short): a reserve of about two lines.
SLACK = 24.0

# Column widths of the cover's "most serious" table (report.html's colgroup), as page fractions,
# less the cell padding.
FLAG_TEXT_WIDTH = PAGE_WIDTH_PT * 0.26 - 10
NOTE_WIDTH = PAGE_WIDTH_PT - 18 - 3

# Character widths in em, a little above DejaVu Sans's averages (lower case 0.56, capitals 0.67, digits 0.64;
# bold about 12% wider): ordinary text comes out a little long, and SLACK absorbs the odd line of
# unusually wide letters.
_EM_WIDE = 1.0  # CJK and other full-width characters
_EM_UPPER = 0.72
_EM_LETTER = 0.6
_EM_NARROW = 0.4  # spaces and punctuation
# Word wrap leaves the end of a line empty; count a line as this fraction of its width.
_WRAP_FILL = 0.92


def text_width_em(text: str, *, bold: bool = False) -> float:
    """The width of ``text`` on one line, in em: an upper estimate for the report's fonts."""
    total = 0.0
    for ch in text:
        if unicodedata.east_asian_width(ch) in ("W", "F"):
            total += _EM_WIDE
        elif ch.isupper():
            total += _EM_UPPER
        elif ch.isalnum():
            total += _EM_LETTER
        elif unicodedata.combining(ch):
            continue
        else:
            total += _EM_NARROW
    return total * (1.1 if bold else 1.0)


def line_count(text: str, *, width_pt: float, font_pt: float, max_lines: int, bold: bool = False) -> int:
    """How many lines ``text`` takes in a box ``width_pt`` wide at ``font_pt``, at most ``max_lines``
    (at least one)."""
    per_line = width_pt * _WRAP_FILL
    need = math.ceil(text_width_em(" ".join(text.split()), bold=bold) * font_pt / per_line) if text.strip() else 1
    return max(1, min(max_lines, need))


def flag_row_height(text: str, expected: str) -> float:
    """The height of one row of the cover's flag table: the taller of the source cell (name and kind,
    two lines) and the two clamped texts."""
    lines = max(line_count(t, width_pt=FLAG_TEXT_WIDTH, font_pt=BODY_PT, max_lines=FLAG_TEXT_LINES)
                for t in (text, expected or "–"))
    return max(BODY_PT * LINE + SMALL_PT * LINE, lines * BODY_PT * LINE) + CELL_PAD


def note_height(note: str) -> float:
    return line_count(note, width_pt=NOTE_WIDTH, font_pt=BODY_PT, max_lines=NOTE_LINES) * BODY_PT * LINE + NOTE_GAP


def split_rows(total: int, keep: int) -> tuple[int, int]:
    """How many of ``total`` ranked sources the cover lists from the top and from the bottom when it
    lists at most ``keep``: all of them, or about two thirds best and one third worst."""
    if total <= keep:
        return total, 0
    tail = keep // 3
    return keep - tail, tail


@dataclass(frozen=True)
class CoverPlan:
    """What the cover shows: ``sources`` ranking rows (split by ``split_rows``), with or without each
    source's title line, the first ``notes`` notes and the first ``flags`` flag rows."""

    sources: int
    titles: bool
    notes: int
    flags: int


# Ranking sizes to fall back to, largest first, when the cover is short of room.
_SOURCE_STEPS = (10, 8, 6)


@dataclass(frozen=True)
class CoverModel:
    """What could go on the cover, reduced to what decides its height.

    ``source_titles``: for each ranked source (best first) whether its row has a title line;
    ``flags``: (text, expected) of the candidate flag rows, most serious first, out of
    ``total_flags`` open flags.
    """

    title: str
    lede: str  # the cover's opening sentence, or one as long
    notes: tuple[str, ...]
    source_titles: tuple[bool, ...]
    flags: tuple[tuple[str, str], ...]
    total_flags: int

    def height(self, plan: CoverPlan) -> float:
        """The estimated height of the cover laid out as ``plan``, without ``SLACK``."""
        total = len(self.source_titles)
        head, tail = split_rows(total, plan.sources)
        chosen = self.source_titles[:head] + (self.source_titles[total - tail:] if tail else ())
        ranking = (TABLE_HEAD_ROW + TABLE_MARGIN + sum(SOURCE_ROW_TITLED if plan.titles and t else SOURCE_ROW_PLAIN for t in chosen)
                   + (SOURCE_ROW_PLAIN if head + tail < total else 0.0))
        notes = 0.0
        if self.notes:  # with notes left out the box still says how many there are
            notes = (NOTES_BOX + sum(note_height(n) for n in self.notes[:plan.notes])
                     + (MORE_LINE if plan.notes < len(self.notes) else 0.0))
        # The cover's last margin runs off the page and does not count.
        flags = sum(flag_row_height(t, e) for t, e in self.flags[:plan.flags])
        flags += TABLE_HEAD_ROW if plan.flags else 0.0
        if plan.flags < self.total_flags:
            flags += MORE_AFTER_TABLE + (TABLE_MARGIN if plan.flags else 0.0)
        title = TITLE_LINE * line_count(self.title, width_pt=PAGE_WIDTH_PT, font_pt=22, max_lines=TITLE_LINES,
                                        bold=True)
        lede = LEDE_LINE * line_count(self.lede, width_pt=PAGE_WIDTH_PT, font_pt=LEDE_PT, max_lines=6)
        return (TOP + title + lede + notes + FIRST_HEADING + ranking + LEGEND + HEADING
                + flags)


def cover_plans(model: CoverModel, *, max_sources: int, want_flags: int = 5) -> tuple[CoverPlan, ...]:
    """Every layout of the cover the planner would accept, in its order of preference.

    The ranking shows at most ``max_sources`` rows. The list gives up, in this order: flag rows
    down to ``want_flags`` (or all candidates, when fewer), the sources' title lines, the notes
    (from the last; all are repeated at the end of the report), then ranking rows (down to six),
    each time starting again from every flag row; after the smallest layout, flag rows below
    ``want_flags``, down to none. Heights do not fall steadily along the list (a smaller layout
    with every flag row may be taller than the one before it with fewer), which is why
    ``plan_cover`` and ``next_plan`` test each entry rather than bisect.
    """
    n_notes = len(model.notes)
    total = len(model.source_titles)
    layouts = [(max_sources, True, n_notes), (max_sources, False, n_notes)]
    layouts += [(max_sources, False, k) for k in range(n_notes - 1, -1, -1)]
    layouts += [(keep, False, 0) for keep in _SOURCE_STEPS if keep < min(max_sources, total)]
    n_flags = len(model.flags)
    want = min(want_flags, n_flags)
    plans = [CoverPlan(min(keep, total), titles, k, n)
             for keep, titles, k in layouts for n in range(n_flags, want - 1, -1)]
    keep, titles, k = layouts[-1]
    plans += [CoverPlan(min(keep, total), titles, k, n) for n in range(want - 1, -1, -1)]
    return tuple(plans)


def plan_cover(model: CoverModel, *, max_sources: int, want_flags: int = 5,
               page_pt: float = PAGE_BODY_PT) -> CoverPlan:
    """The first of ``cover_plans`` estimated to fit ``page_pt`` with ``SLACK`` to spare; the last
    (the smallest) when none does.

    In words: the fullest cover that still shows ``want_flags`` flag rows, with as many flag rows as
    fit in the first layout that keeps that many; if none does, the smallest layout with what fits
    there.
    """
    plans = cover_plans(model, max_sources=max_sources, want_flags=want_flags)
    for plan in plans:
        if model.height(plan) + SLACK <= page_pt:
            return plan
    return plans[-1]


def next_plan(model: CoverModel, plans: Sequence[CoverPlan], current: CoverPlan, *,
              shortfall_pt: float) -> CoverPlan | None:
    """The layout to try after ``current`` spilled past its page by ``shortfall_pt`` (measured).

    ``plans`` is ``cover_plans``' list. The answer is the first layout after ``current`` whose
    estimated height is at least ``shortfall_pt`` below ``current``'s: the estimates size the
    step, the measurement says how big it must be. A stylesheet that makes everything larger than
    estimated makes each dropped row free more room than estimated, so the step overshoots rather
    than falls short. When no layout sheds that much, the smallest; ``None`` when ``current`` is
    the last of ``plans`` (nothing left to give up). A ``current`` not in ``plans`` is treated as
    coming before all of them.
    """
    try:
        at = plans.index(current)
    except ValueError:
        at = -1
    rest = plans[at + 1:]
    if not rest:
        return None
    target = model.height(current) - shortfall_pt
    for plan in rest:
        if model.height(plan) <= target:
            return plan
    return rest[-1]


# A discrepancy box (report.css .block): its passages at 8.8pt in 76% of the page (less padding),
# the head line, each flag about three lines, borders and margins.
_BLOCK_TEXT_WIDTH = PAGE_WIDTH_PT * 0.76 - 8 - 16 - 5
_BLOCK_ROW_PAD = 6.5
_BLOCK_FRAME = 10 + 12 + 8 * LINE + 4  # padding, bottom margin, head line
_FLAG_HEIGHT = 3 * BODY_PT * LINE + 7.5 * LINE + 7
# Boxes up to this share of a page are kept in one piece; a longer one may break across pages
# rather than leave most of a page blank (0.65 kept the seeds' boxes whole at the price of one page
# in four left half blank; report.css instead keeps a breaking box's first two passages together).
KEEP_TOGETHER_SHARE = 0.45


def block_height(passages: Sequence[str], flags: int, *, notes: int = 0) -> float:
    """The estimated height of a discrepancy box showing ``passages`` (the texts shown side by side),
    ``flags`` flags and ``notes`` "and N more" lines."""
    rows = sum(line_count(t, width_pt=_BLOCK_TEXT_WIDTH, font_pt=8.8, max_lines=10_000) * 8.8 * LINE + _BLOCK_ROW_PAD
               for t in passages)
    return _BLOCK_FRAME + rows + flags * _FLAG_HEIGHT + notes * MORE_LINE


def keep_together(passages: Sequence[str], flags: int, *, notes: int = 0, page_pt: float = PAGE_BODY_PT) -> bool:
    """Whether a discrepancy box is small enough to move whole to the next page rather than split."""
    return block_height(passages, flags, notes=notes) <= KEEP_TOGETHER_SHARE * page_pt
