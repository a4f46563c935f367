"""PDF layout: the cover stays one page whatever the articles say, and the page-fitting estimates
behind it (``srccompare.report.pagefit``) run long rather than short."""

from __future__ import annotations

import io

import pypdf
import pytest

from srccompare.models import Kind, Severity, SourceMeta
from srccompare.report import pagefit, render
from srccompare.report.view import Limits, build_view
from srccompare.settings import Settings
from tests.report_builders import FlagSpec, build_analysis

_SETTINGS = Settings(pdf_max_source_pages=2, pdf_max_groups=6)

# An invented story (a harbour strike), nothing to do with the seeds or the quality cases.
_CLAIM = ("the port authority promised that every crane operator dismissed during the stoppage "
          "would be reinstated before the autumn shipping season")


def _long_story(n: int, *, quote_chars: int, long_names: bool, notes: int, script: str = "latin") -> object:
    """``n`` renderings; every other one rewords a quote ``quote_chars`` long (so each flag's two
    texts are that long), with long outlet names and titles when ``long_names``."""
    quote = (_CLAIM + " ") * (quote_chars // len(_CLAIM) + 1)
    if script == "cjk":
        quote = "港口管理局承诺罢工期间被解雇的每一名起重机操作员都将在秋季航运季节之前复职" * (quote_chars // 38 + 1)
    quote = quote[:quote_chars].strip()
    texts, flags, meta = {}, [], {}
    for i in range(n):
        sid = f"harbour-strike-report-{i:02d}" + ("-with-an-unbroken-file-name-that-never-ends" * 2 if long_names else "")
        title = (f"Dockers end strike {i} " + "after a marathon night of talks at the ministry " * (4 if long_names else 0))
        texts[sid] = f"{title}\nThe union leader said \"{quote}\" at the gates.\nOutlet {i} adds {i + 2} details.\n"
        if long_names:
            meta[sid] = SourceMeta(outlet=f"The Northern Coastal Evening Broadcasting and Publishing Corporation {i}")
        if i % 2:
            flags.append(FlagSpec(sid, quote, quote.upper() if script == "latin" else quote[::-1],
                                  kind=Kind.QUOTE_VARIANT, confidence=0.95 - i / 100))
    note = ("Only two independent witnesses are compared here: where they differ, a comparison of two cannot "
            "tell which one is wrong, so each difference counts half against the source it was found in. "
            "Add sources to settle the differences.")
    return build_analysis(texts, flags=flags, meta=meta, notes=[note] * notes, aligned_lines=2, settings=_SETTINGS)


def _contents_page(pdf: bytes) -> int:
    """The page index the "Contents" chapter starts on (the cover is page 0)."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    for item in reader.outline:
        if not isinstance(item, list) and item.title == "Contents":
            return reader.get_destination_page_number(item)
    raise AssertionError("no Contents bookmark")


def _pdf(analysis) -> tuple[object, bytes]:
    view = build_view(analysis, Limits.for_pdf(analysis.settings))
    return view, render.render_pdf(render.render_html(view))


@pytest.mark.parametrize("n, quote_chars, long_names, notes, script", [
    (3, 900, True, 3, "latin"),     # few sources, very long quotes, every note
    (7, 400, True, 2, "latin"),     # a mid-sized story with long names
    (16, 600, True, 3, "latin"),    # the ranking is cut, long everything
    (16, 25, False, 1, "latin"),    # many short flags
    (6, 300, False, 0, "cjk"),      # full-width text takes twice the room per character
])
def test_cover_is_one_page_whatever_the_text(n, quote_chars, long_names, notes, script):
    analysis = _long_story(n, quote_chars=quote_chars, long_names=long_names, notes=notes, script=script)
    view, pdf = _pdf(analysis)
    assert _contents_page(pdf) == 1, "the cover spilled onto a second page"
    open_flags = sum(1 for f in analysis.flags)
    # What the cover leaves out it counts.
    assert len(view.top_flags) + view.top_flags_more == open_flags
    assert len(view.cover_notes) + view.cover_notes_more == notes
    assert len(view.cover_sources) + view.cover_sources_more == n
    # It still shows something of each part.
    assert len(view.top_flags) >= min(3, open_flags)
    assert len(view.cover_sources) >= min(6, n)


def test_cover_keeps_everything_when_it_fits():
    analysis = _long_story(3, quote_chars=40, long_names=False, notes=1)
    view = build_view(analysis, Limits.for_pdf(analysis.settings))
    assert view.cover_titles and len(view.cover_notes) == 1 and not view.cover_notes_more
    assert len(view.top_flags) == 1 and view.top_flags_more == 0
    assert len(view.cover_sources) == 3


def test_html_cover_is_not_cut():
    analysis = _long_story(16, quote_chars=600, long_names=True, notes=3)
    view = build_view(analysis)
    assert len(view.top_flags) == 8 and len(view.cover_notes) == 3 and view.cover_titles
    assert len(view.cover_sources) == 12 and view.cover_sources_more == 4


def test_cover_clamps_long_cells_in_the_markup():
    """The long texts reach the page whole (escaped) inside a line-clamped box: the stylesheet, not
    a cut in the text, bounds the row."""
    analysis = _long_story(3, quote_chars=900, long_names=True, notes=0)
    html = render.render_html(build_view(analysis, Limits.for_pdf(analysis.settings)))
    cover = html.split('id="contents"')[0]
    assert cover.count('class="clamp clamp3"') >= 2
    assert _CLAIM[:60] in cover


# --- pagefit ------------------------------------------------------------------------------------


def test_line_count_grows_with_text_and_stops_at_the_clamp():
    counts = [pagefit.line_count("word " * k, width_pt=120, font_pt=9.5, max_lines=3) for k in (1, 5, 12, 400)]
    assert counts == sorted(counts) and counts[0] == 1 and counts[-1] == 3
    assert pagefit.line_count("", width_pt=120, font_pt=9.5, max_lines=3) == 1


def test_wide_characters_count_as_wide():
    assert pagefit.text_width_em("港口管理局") > pagefit.text_width_em("abcde") * 1.4
    assert pagefit.text_width_em("ABC", bold=True) > pagefit.text_width_em("ABC")


def test_text_width_is_not_below_the_real_font():
    """The estimate must not fall short of DejaVu Sans (the report's font on a bare machine), or a
    planned cover would overflow."""
    ImageFont = pytest.importorskip("PIL.ImageFont")
    try:
        font = ImageFont.truetype("DejaVuSans.ttf", 1000)
    except OSError:
        pytest.skip("DejaVu Sans not installed")
    for text in ("The union leader said the strike would end on Thursday, 14 October.",
                 "Reinstatement of 1,250 dismissed crane operators before autumn",
                 "ÉCOLE SUPÉRIEURE DES MÉTIERS PORTUAIRES"):
        assert pagefit.text_width_em(text) * 1000 >= font.getlength(text) * 0.98, text


def _model(**kw) -> pagefit.CoverModel:
    base = dict(title="Dockers end strike", lede="x" * 180, notes=(), source_titles=(True,) * 5,
                flags=(("short", "short"),) * 8, total_flags=8)
    base.update(kw)
    return pagefit.CoverModel(**base)


def test_plan_gives_up_titles_then_notes_then_rows():
    roomy = pagefit.plan_cover(_model(), max_sources=12)
    assert roomy == pagefit.CoverPlan(sources=5, titles=True, notes=0, flags=8)
    long_flags = (("x " * 300, "y " * 300),) * 8
    crowded = _model(source_titles=(True,) * 20, notes=("note " * 60,) * 3, flags=long_flags, total_flags=30)
    plan = pagefit.plan_cover(crowded, max_sources=12)
    assert not plan.titles and plan.notes == 0 and plan.sources < 12 and plan.flags >= 3
    assert crowded.height(plan) + pagefit.SLACK <= pagefit.PAGE_BODY_PT
    # One step less would not have kept the wanted rows.
    looser = pagefit.CoverPlan(plan.sources + 2, False, 0, min(5, len(long_flags)))
    assert crowded.height(looser) + pagefit.SLACK > pagefit.PAGE_BODY_PT


def test_plan_never_exceeds_the_page_by_its_own_estimate():
    for n_sources in (1, 4, 9, 12, 40):
        for text_len in (5, 80, 2000):
            for n_notes in (0, 2, 4):
                model = _model(source_titles=(True,) * n_sources, notes=("note text " * 30,) * n_notes,
                               flags=(("a" * text_len, "b" * text_len),) * 8, total_flags=12)
                plan = pagefit.plan_cover(model, max_sources=12)
                assert model.height(plan) + pagefit.SLACK <= pagefit.PAGE_BODY_PT, (n_sources, text_len, n_notes)


def test_split_rows_keeps_best_and_worst():
    assert pagefit.split_rows(5, 12) == (5, 0)
    assert pagefit.split_rows(30, 12) == (8, 4)
    assert pagefit.split_rows(30, 6) == (4, 2)


def test_small_blocks_stay_together_long_ones_may_break():
    assert pagefit.keep_together(["A short passage."] * 3, 1)
    assert not pagefit.keep_together(["a long passage of text " * 30] * 8, 6)


def test_pdf_marks_small_blocks_to_keep_and_html_does_not():
    analysis = build_analysis(
        {"a": "The strike ended on Thursday.\n", "b": "The strike ended on Thursday.\n",
         "c": "The strike ended on Tuesday.\n"},
        flags=[FlagSpec("c", "Tuesday", "Thursday", kind=Kind.DATE_CONFLICT, severity=Severity.HIGH)])
    assert all(b.keep_together for b in build_view(analysis, Limits.for_pdf(analysis.settings)).blocks)
    assert not any(b.keep_together for b in build_view(analysis).blocks)


# --- measuring the laid-out cover ----------------------------------------------------------------

from srccompare.report import pdf  # noqa: E402
from srccompare.report.view import with_cover  # noqa: E402

# A house style the estimate knows nothing of: everything on the cover larger than report.css.
_BIG_TYPE = """
body { font-size: 12pt; line-height: 1.55; }
.cover .story { font-size: 28pt; }
.cover .lede { font-size: 13pt; }
.figures .big { font-size: 24pt; }
th { font-size: 9pt; }
"""


def _big_type_templates(tmp_path) -> object:
    folder = tmp_path / "house-style"
    folder.mkdir()
    (folder / "report.css").write_text((render.REPO_TEMPLATES / "report.css").read_text(encoding="utf-8")
                                       + _BIG_TYPE, encoding="utf-8")
    return folder


def test_cover_plans_give_up_in_the_planners_order():
    model = _model(source_titles=(True,) * 20, notes=("a note",) * 2,
                   flags=(("short", "short"),) * 8, total_flags=20)
    plans = pagefit.cover_plans(model, max_sources=12)
    assert plans[0] == pagefit.CoverPlan(12, True, 2, 8)
    assert plans[-1] == pagefit.CoverPlan(6, False, 0, 0)
    # Flag rows go down to five before anything else is given up, then come back in full.
    assert plans[1:5] == tuple(pagefit.CoverPlan(12, True, 2, n) for n in (7, 6, 5, 4))[:3] + (
        pagefit.CoverPlan(12, False, 2, 8),)
    order = [(not p.titles, -p.notes, -p.sources) for p in plans]
    assert order == sorted(order), "titles, then notes, then ranking rows are given up, in that order"
    assert len(set(plans)) == len(plans)


def test_next_plan_sheds_at_least_the_measured_overflow():
    model = _model(source_titles=(True,) * 20, notes=("note text " * 30,) * 2,
                   flags=(("x " * 60, "y " * 60),) * 8, total_flags=20)
    plans = pagefit.cover_plans(model, max_sources=12)
    first = plans[0]
    for shortfall in (1.0, 30.0, 120.0, 300.0):
        step = pagefit.next_plan(model, plans, first, shortfall_pt=shortfall)
        assert step is not None and plans.index(step) > 0
        assert model.height(first) - model.height(step) >= shortfall
        # Nothing between the two would have shed enough.
        for skipped in plans[1:plans.index(step)]:
            assert model.height(first) - model.height(skipped) < shortfall
    # More than any layout can shed: the smallest; past the smallest: nothing.
    assert pagefit.next_plan(model, plans, first, shortfall_pt=10_000) == plans[-1]
    assert pagefit.next_plan(model, plans, plans[-1], shortfall_pt=1) is None


def test_cover_overflow_reads_where_the_cover_ends():
    def page_of(height_mm: int) -> str:
        return (f'<style>@page {{ size: A4; margin: 20mm }} body {{ margin: 0 }}</style>'
                f'<div style="height: {height_mm}mm"></div><div id="cover-end"></div>'
                f'<section style="break-before: page">next</section>')

    fits = render.layout_pdf(page_of(200))
    assert render.cover_overflow(fits) == 0.0
    # 300 mm of unbreakable block on a 257 mm page: the block moves whole to page two and the
    # cover ends 300 mm below that page's top.
    spilled = render.layout_pdf(page_of(300).replace("<div style", '<p style="margin: 0">x</p><div style'))
    assert render.cover_overflow(spilled) == pytest.approx(300 / 25.4 * 72, abs=1.0)
    assert render.cover_overflow(render.layout_pdf("<p>no marker</p>")) is None


def test_a_house_style_that_outgrows_the_estimate_is_measured_and_fixed(tmp_path):
    """A user stylesheet with larger type: the estimated cover spills, the measured one does not."""
    templates = _big_type_templates(tmp_path)
    analysis = _long_story(16, quote_chars=120, long_names=False, notes=2)
    view = build_view(analysis, Limits.for_pdf(analysis.settings))
    # The estimate alone, laid out in the house style, runs onto a second page...
    estimated = render.layout_pdf(render.render_html(view, templates=templates))
    assert render.cover_overflow(estimated) > 0
    assert _contents_page(render.write_pdf(estimated)) == 2
    # ...the measured cover stays on one, still showing flags, and every cut is counted.
    result = pdf.report_pdf(analysis, templates=templates)
    assert _contents_page(result.data) == 1 and result.cover_pages == 1
    assert result.layouts == 1 and 2 <= result.probes <= pdf.MAX_PROBES
    # The step sized by the estimates overshoots in larger type; the probes left win rows back.
    assert len(with_cover(view, result.plan).top_flags) >= 2
    assert result.plan != view.cover_plan and result.plan.flags >= 1
    shown = with_cover(view, result.plan)
    assert len(shown.top_flags) + shown.top_flags_more == len(analysis.flags)
    assert len(shown.cover_sources) + shown.cover_sources_more == 16


def test_the_usual_cover_costs_one_layout():
    analysis = _long_story(7, quote_chars=400, long_names=True, notes=2)
    result = pdf.report_pdf(analysis)
    assert (result.layouts, result.probes, result.cover_pages) == (1, 0, 1)
    assert result.plan == build_view(analysis, Limits.for_pdf(analysis.settings)).cover_plan


def test_a_wrong_estimate_with_the_built_in_templates_is_caught_after_layout(monkeypatch):
    """Should the built-in estimate ever run short (here: told the page is twice as tall), the laid-out
    report shows it and the cover is re-planned, at the price of a second layout."""
    analysis = _long_story(12, quote_chars=500, long_names=True, notes=3)
    monkeypatch.setattr(pagefit, "SLACK", -pagefit.PAGE_BODY_PT)
    result = pdf.report_pdf(analysis)
    assert _contents_page(result.data) == 1
    assert result.layouts == 2 and 1 <= result.probes <= pdf.MAX_PROBES


def test_every_layout_uses_the_refusing_fetcher(tmp_path, monkeypatch):
    """Probes and layouts alike go through ``render.layout_pdf`` with a fresh refusing fetcher; a
    title that is markup is text, so nothing is even asked for."""
    made = []

    def counting():
        fetcher = render.refusing_fetcher_class()()
        made.append(fetcher)
        return fetcher

    monkeypatch.setattr(render, "make_fetcher", counting)
    secret = tmp_path / "secret.txt"
    secret.write_text("do not embed", encoding="utf-8")
    texts = {f"src-{i}": f'<img src="{secret.as_uri()}"> Dockers end strike {i}\n'
                         f'<link rel=attachment href="{secret.as_uri()}"> The union said it would return.\n'
             for i in range(4)}
    analysis = build_analysis(texts, flags=[FlagSpec("src-1", "return", "go back", kind=Kind.TERM_VARIANT)],
                              settings=_SETTINGS)
    result = pdf.report_pdf(analysis, templates=_big_type_templates(tmp_path))
    assert len(made) == result.layouts + result.probes >= 2
    assert all(f.calls == 0 and not f.refused for f in made)
    assert b"do not embed" not in result.data
    assert not pypdf.PdfReader(io.BytesIO(result.data)).attachments


def test_a_template_without_the_marker_is_not_measured(tmp_path):
    folder = tmp_path / "plain"
    folder.mkdir()
    (folder / "report.html").write_text("<!DOCTYPE html><html><body><h1>{{ view.title }}</h1></body></html>",
                                        encoding="utf-8")
    result = pdf.report_pdf(_long_story(3, quote_chars=40, long_names=False, notes=0), templates=folder)
    assert result.cover_pages is None and result.layouts == 1 and result.probes == 1
