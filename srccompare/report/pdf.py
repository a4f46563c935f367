"""report.pdf: lay the report out, measure whether the cover kept to its first page, re-plan if not.

The cover's first plan comes from ``pagefit``'s estimates, made from numbers that mirror the
built-in ``report.css``. A user's stylesheet or template (``--templates``) can make them wrong, and
a cover that runs onto a second page says nothing about it. So the whole report is laid out once
with the estimated plan (the usual case: one layout, as before) and the page holding the
``#cover-end`` element is read from the laid-out pages. If that is not the first page, the cover
alone is laid out again (a one-page document, about a tenth of the seeds' report) with the next
layout ``pagefit.next_plan`` offers for the measured overflow, at most ``MAX_PROBES`` times; the
last probe falls back to the smallest layout. Then the report is laid out once more with the plan
that fitted (or the smallest) and written. With a user's templates the estimate is least
trustworthy, so the cover alone is measured before the report is laid out at all: a spill then
costs probes, not a second layout of the whole report.

Every layout goes through ``render.layout_pdf``, so every one uses the refusing URL fetcher and the
``data:`` base URL.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from srccompare.report import pagefit, render
from srccompare.report.view import Limits, ReportView, build_view, with_cover

if TYPE_CHECKING:
    from srccompare.pipeline import Analysis

# Cover-only layouts (about 0.6 s of CPU each) allowed per report: the first step sheds at least
# the measured overflow, so one usually finds a cover that fits, and the rest win back rows that
# step dropped without need.
MAX_PROBES = 4
# A spill of a few points is still a spill; ask each step to shed this much more than measured so
# that rounding in the estimates does not leave the cover a hair too long.
_STEP_MARGIN_PT = 4.0

_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PdfResult:
    """The PDF and how it was reached: ``layouts`` full layouts of the report (1 when the first
    plan fitted), ``probes`` cover-only layouts, the cover ``plan`` used, ``cover_pages`` the pages
    the cover finally took (``None``: the template has no ``#cover-end`` to measure)."""

    data: bytes
    layouts: int
    probes: int
    plan: pagefit.CoverPlan | None
    cover_pages: int | None


def _cover_pages(document: Any) -> int | None:
    """The number of the page the cover ends on (1: it kept to its page); ``None`` without a marker."""
    for index, page in enumerate(document.pages):
        if render.COVER_END_ID in page.anchors:
            return index + 1
    return None


def _layout(view: ReportView, templates: Path | None) -> Any:
    return render.layout_pdf(render.render_html(view, templates=templates))


def _shrink(view: ReportView, plan: pagefit.CoverPlan, overflow: float, templates: Path | None,
            probes: int) -> tuple[pagefit.CoverPlan, int]:
    """The fullest cover found to fit, laying smaller covers out alone and measuring them, within
    ``MAX_PROBES`` probes (counting ``probes`` already made). Returns that plan and the probes made.

    ``plan`` spilled by ``overflow`` points. Until a cover fits, each step is ``pagefit.next_plan``
    for the last overflow (the last probe allowed goes straight to the smallest cover, so the search
    ends with one that fits if any does). A step sized by the estimates overshoots when the real
    type is larger than estimated, so once a cover fits, the probes left go to the layouts between
    the last that spilled and the first that fitted (halving that stretch each time), keeping rows
    the overshoot had dropped.
    """
    model, plans = view.cover_model, view.cover_plans
    assert model is not None
    spilled = plans.index(plan) if plan in plans else -1
    fitted: int | None = None
    while probes < MAX_PROBES:
        if fitted is None:
            following = pagefit.next_plan(model, plans, plans[spilled] if spilled >= 0 else plan,
                                          shortfall_pt=overflow + _STEP_MARGIN_PT)
            if following is None:
                break  # the smallest cover spilled: nothing left to give up
            at = len(plans) - 1 if probes == MAX_PROBES - 1 else plans.index(following)
        else:
            # Only layouts estimated smaller than the one that spilled can fit where it did not.
            between = [i for i in range(spilled + 1, fitted)
                       if spilled < 0 or model.height(plans[i]) < model.height(plans[spilled])]
            if not between:
                break
            at = between[len(between) // 2]
        measured = render.cover_overflow(_layout(with_cover(view, plans[at], cover_only=True), templates)) or 0.0
        probes += 1
        if measured:
            spilled, overflow = at, measured
        else:
            fitted = at
    if fitted is None:
        _log.warning("the PDF cover does not fit on one page even at its smallest (%.0f pt over); "
                     "check the stylesheet in --templates", overflow)
        return (plans[spilled] if spilled >= 0 else plan), probes
    return plans[fitted], probes


def fit_cover(view: ReportView, *, templates: Path | None = None) -> tuple[Any, ReportView, int, int]:
    """Lay out ``view`` (a PDF view) with a cover that fits its first page, as the module says.

    With the built-in templates the estimate is made for them, so the report is laid out straight
    away and the cover measured there: one layout when it fits. With ``templates`` (a user's
    stylesheet or template, which the estimate knows nothing of) the cover alone is measured first,
    so that a spill costs a one-page probe rather than a second layout of the whole report.

    Returns the laid-out document, the view it shows, and the numbers of full and cover-only
    layouts made.
    """
    plan = view.cover_plan
    if view.cover_model is None or plan is None:  # not a PDF view: nothing planned, nothing to measure
        return _layout(view, templates), view, 1, 0
    if templates is None:
        document = _layout(view, templates)
        overflow = render.cover_overflow(document)
        if not overflow:
            return document, view, 1, 0
        plan, probes = _shrink(view, plan, overflow, templates, 0)
        if plan == view.cover_plan:  # already the smallest cover: laying it out again changes nothing
            return document, view, 1, probes
        final = with_cover(view, plan)
        return _layout(final, templates), final, 2, probes
    overflow = render.cover_overflow(_layout(with_cover(view, plan, cover_only=True), templates))
    probes = 1
    if overflow:
        plan, probes = _shrink(view, plan, overflow, templates, probes)
    final = with_cover(view, plan)
    return _layout(final, templates), final, 1, probes


def report_pdf(analysis: Analysis, *, templates: Path | None = None) -> PdfResult:
    """report.pdf for ``analysis``: the PDF view (``Limits.for_pdf``) with a cover that was measured
    to fit its page (see the module docstring)."""
    view = build_view(analysis, Limits.for_pdf(analysis.settings))
    document, shown, layouts, probes = fit_cover(view, templates=templates)
    data = render.write_pdf(document)
    return PdfResult(data=data, layouts=layouts, probes=probes, plan=shown.cover_plan,
                     cover_pages=_cover_pages(document))
