"""report.html and report.pdf: structure, extracted text, self-containment, atomic writes, fonts,
bounds for large corpora, and the view helpers behind them."""

from __future__ import annotations

import json
import logging
import re
import shutil
from pathlib import Path

import pypdf
import pypdfium2 as pdfium
import pytest

from srccompare.errors import RenderError
from srccompare.models import Kind, Severity, SourceMeta
from srccompare.pipeline import analyze
from srccompare.report import charts, render, writer
from srccompare.report.view import Limits, Segment, build_view, segments, story_title
from srccompare.settings import Settings
from tests.report_builders import FlagSpec, build_analysis, trio

HEADINGS = ["Contents", "Scores and agreement", "Discrepancies", "Sources one by one", "Method and settings",
            "Changes since the last run", "Files, reviews and notes"]


def pdf_text(data: bytes) -> str:
    """All text of a PDF, page after page (pypdfium2 keeps mixed scripts intact)."""
    doc = pdfium.PdfDocument(data)
    try:
        return "\n".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    finally:
        doc.close()


def outline_titles(reader: pypdf.PdfReader) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []

    def walk(items, depth):
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                out.append((depth, item.title))

    walk(reader.outline, 1)
    return out


@pytest.fixture(scope="module")
def seeds_reports(tmp_path_factory: pytest.TempPathFactory):
    """The seeds through the real pipeline into all three reports (rendered once for the module)."""
    from tests.conftest import SEEDS

    home = tmp_path_factory.mktemp("seeds") / "seeds"
    shutil.copytree(SEEDS, home)
    analysis = analyze([home], Settings(), record_run=False)
    out = tmp_path_factory.mktemp("out")
    paths = writer.write_reports(analysis, out, ["pdf", "html", "json"])
    return analysis, {p.suffix[1:]: p for p in paths}


def test_seeds_pdf_structure(seeds_reports):
    analysis, paths = seeds_reports
    reader = pypdf.PdfReader(paths["pdf"])
    # A sensible length: cover, contents, figures, discrepancies, one page per source, method.
    assert 8 <= len(reader.pages) <= 30, len(reader.pages)
    titles = outline_titles(reader)
    top = [t for d, t in titles if d == 1]
    for heading in ["Summary"] + HEADINGS:
        assert heading in top, (heading, top)
    sub = [t for d, t in titles if d == 2]
    assert len(sub) == len(analysis.sources)
    for s in analysis.sources:
        assert any(s.id in t for t in sub), s.id
    assert not reader.attachments
    assert paths["pdf"].read_bytes().startswith(b"%PDF-")


def test_seeds_pdf_text(seeds_reports):
    analysis, paths = seeds_reports
    text = pdf_text(paths["pdf"].read_bytes())
    for heading in HEADINGS:
        assert heading in text
    for s in analysis.sources:
        assert s.id in text
    data = json.loads(paths["json"].read_text(encoding="utf-8"))
    assert data["flags"], "the seeds have discrepancies"
    for f in data["flags"][:5]:
        assert f["text"].split()[0] in text
    # Page numbers in the footer and in the table of contents.
    assert re.search(r"Page 1 of \d+", text)
    assert re.search(r"Discrepancies\s*\.[ .]*\d", text)


def test_seeds_html_is_self_contained(seeds_reports):
    _, paths = seeds_reports
    html = paths["html"].read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    lowered = html.lower()
    for bad in ("<script", "<link", "<img", "<iframe", "<object", "<embed", "@import", "url(", "src=", "http://",
                "https://"):
        assert bad not in lowered, bad
    # Every link stays inside the document.
    for href in re.findall(r'href="([^"]*)"', html):
        assert href.startswith("#"), href
    assert "<style>" in html and "<svg" in html


def test_render_failure_writes_nothing(tmp_path, monkeypatch):
    out = tmp_path / "out"
    out.mkdir()
    (out / "report.json").write_text("old", encoding="utf-8")

    def boom(html, **kwargs):
        raise RenderError("could not render the PDF report: simulated")

    monkeypatch.setattr(render, "layout_pdf", boom)
    with pytest.raises(RenderError, match="simulated"):
        writer.write_reports(trio(), out, ["json", "html", "pdf"])
    assert sorted(p.name for p in out.iterdir()) == ["report.json"]
    assert (out / "report.json").read_text(encoding="utf-8") == "old"


def test_unexpected_renderer_error_is_one_line(tmp_path, monkeypatch):
    def bug(view, **kwargs):
        raise KeyError("oops")

    monkeypatch.setattr(render, "render_html", bug)
    with pytest.raises(RenderError) as info:
        writer.write_reports(trio(), tmp_path / "out", ["html"])
    assert "\n" not in str(info.value) and "HTML" in str(info.value)
    assert not (tmp_path / "out").exists()


def test_write_reports_formats_and_names(tmp_path):
    paths = writer.write_reports(trio(), tmp_path / "new" / "dir", ["json", "HTML", "json"])
    assert [p.name for p in paths] == ["report.html", "report.json"]
    assert sorted(p.name for p in (tmp_path / "new" / "dir").iterdir()) == ["report.html", "report.json"]
    with pytest.raises(RenderError, match="unknown report format 'docx'"):
        writer.write_reports(trio(), tmp_path, ["docx"])


def test_pdf_deterministic_with_source_date_epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    html = render.render_html(build_view(trio(), Limits.for_pdf(Settings())))
    assert render.render_pdf(html) == render.render_pdf(html)


def test_cjk_renders_without_missing_glyphs(caplog):
    """Chinese article text renders with real glyphs (needs a CJK font: Debian fonts-wqy-microhei)."""
    texts = {
        "xinhua": "中美经贸高层会谈在日内瓦举行。\n双方同意降低关税。\n",
        "zaobao": "中美经贸高层会谈在日内瓦举行。\n双方同意降低关税百分之百。\n",
    }
    analysis = build_analysis(texts, flags=[FlagSpec("zaobao", "百分之百", "关税", kind=Kind.NUMBER_CONFLICT)])
    html = render.render_html(build_view(analysis, Limits.for_pdf(Settings())))
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        data = render.render_pdf(html)
    missing = [r.getMessage() for r in caplog.records if "notdef" in r.getMessage()]
    assert not missing, f"CJK glyphs missing (install fonts-wqy-microhei): {missing[:2]}"
    assert "日内瓦" in pdf_text(data)


def test_missing_glyphs_are_detectable(caplog):
    """Control for the CJK test: a script no installed font covers does log the warning."""
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        render.render_pdf("<!DOCTYPE html><p>\U00013000\U00013001</p>")
    assert any("notdef" in r.getMessage() for r in caplog.records)


def many_sources(n: int, *, flagged_every: int = 3) -> tuple[dict[str, str], list[FlagSpec]]:
    """``n`` renderings of one story; every ``flagged_every``-th misspells a name and a city."""
    texts, flags = {}, []
    for i in range(n):
        sid = f"s{i:03d}"
        bad = i % flagged_every == 1
        name, city = ("Okonkwa", "Lagoss") if bad else ("Okonkwo", "Lagos")
        texts[sid] = (f"Minister {name} met union leaders in {city} on Monday.\n"
                      f"The subsidy ends in June, a cut of 40 percent.\n"
                      f"Outlet {i} alone adds that {i + 3} delegates walked out early.\n")
        if bad:
            flags += [FlagSpec(sid, name, "Okonkwo"), FlagSpec(sid, city, "Lagos", severity=Severity.MEDIUM)]
    return texts, flags


def test_pdf_view_is_bounded_and_counts_the_rest():
    texts, flags = many_sources(200)
    settings = Settings(pdf_max_groups=5, pdf_max_flags_per_source=1, pdf_max_source_pages=10)
    analysis = build_analysis(texts, flags=flags, aligned_lines=2, settings=settings)
    pdf_view = build_view(analysis, Limits.for_pdf(settings))
    html_view = build_view(analysis)
    assert len(pdf_view.pages) == 10 and len(pdf_view.pages_more) == 190
    # Best and worst get pages: rank 1 and the last rank are both in.
    ranks = [p.row.ref.rank for p in pdf_view.pages]
    assert 1 in ranks and 200 in ranks
    assert len(html_view.pages) == 200 and not html_view.pages_more
    assert len(pdf_view.blocks) <= 5
    assert len(pdf_view.blocks) + pdf_view.blocks_more == len(html_view.blocks)
    shown = sum(len(b.flags) + b.flags_more for b in pdf_view.blocks)
    assert all(len(b.renderings) <= 8 and len(b.flags) <= 10 for b in pdf_view.blocks)
    assert any(b.renderings_more for b in pdf_view.blocks)  # 200 sources at one place: cut and counted
    assert all(len(f.evidence) <= 4 for p in pdf_view.pages for f in p.flags)
    assert shown + pdf_view.blocks_more_flags == len(analysis.flags)
    worst = pdf_view.pages[-1]
    assert len(worst.flags) == 1 and worst.flags_more == 1
    assert pdf_view.heatmap is None and html_view.heatmap is None  # > 40 sources: a note instead
    assert len(pdf_view.score_chart.bars) == 40 and pdf_view.score_chart_more == 160


@pytest.mark.slow
def test_pdf_for_200_sources_is_bounded_in_pages(tmp_path):
    # Its time is measured by the benchmark's report stage (bench/README.md), not asserted here: a
    # wall-clock bound fails on a loaded machine and says nothing on an idle one.
    texts, flags = many_sources(200)
    analysis = build_analysis(texts, flags=flags, aligned_lines=2)
    paths = writer.write_reports(analysis, tmp_path, ["pdf", "html"])
    reader = pypdf.PdfReader(paths[0])
    # 60 source pages (the default) plus the front and back matter; never one page per source.
    assert len(reader.pages) < 110, len(reader.pages)
    html = paths[1].read_text(encoding="utf-8")
    assert all(f"s{i:03d}" in html for i in range(200))
    assert "more in report.html" in pdf_text(paths[0].read_bytes()) or "report.html has them all" in pdf_text(paths[0].read_bytes())


def test_user_templates_override_and_fall_back(tmp_path):
    (tmp_path / "report.html").write_text("<p>{{ view.title }} — ours</p>{% include 'partials/palette.html' %}",
                                          encoding="utf-8")
    html = render.render_html(build_view(trio()), templates=tmp_path)
    assert "— ours" in html  # the user's report.html wins; missing partials come from the built-ins
    with pytest.raises(RenderError, match="template folder not found"):
        render.render_html(build_view(trio()), templates=tmp_path / "missing")


def test_environment_escapes_every_template_name(tmp_path):
    """autoescape=True, not select_autoescape: escaping also holds for *.j2 names."""
    (tmp_path / "x.html.j2").write_text("{{ v }}", encoding="utf-8")
    env = render.environment(tmp_path)
    assert env.get_template("x.html.j2").render(v="<b>") == "&lt;b&gt;"
    with pytest.raises(Exception):
        env.from_string("{{ nope }}").render()  # StrictUndefined


def test_html_carries_everything_pdf_is_bounded(tmp_path):
    analysis = trio()
    html = render.render_html(build_view(analysis))
    for f in analysis.flags:
        assert f.id in html
    assert "The Beta Times" in html and "https://beta.example/story" in html
    assert 'href="https://beta.example' not in html  # a source's address is text, never a link
    assert "checked against the ministry&#39;s statement" in html
    assert "corpus/broken.pdf" in html and "f-111111111111" in html


# --- view helpers -------------------------------------------------------------------------------

@pytest.mark.parametrize("text, base, marks, max_chars, expected", [
    ("abc def ghi", 0, [], None, [("abc def ghi", None)]),
    ("abc def ghi", 10, [(14, 17, "flag-high")], None, [("abc ", None), ("def", "flag-high"), (" ghi", None)]),
    # Overlaps: the stronger mark wins where they meet.
    ("abcdef", 0, [(0, 4, "evidence"), (2, 6, "flag-low")], None,
     [("ab", "evidence"), ("cdef", "flag-low")]),
    ("abcdef", 0, [(0, 6, "flag-medium"), (2, 3, "flag-high")], None,
     [("ab", "flag-medium"), ("c", "flag-high"), ("def", "flag-medium")]),
    # Marks outside the text are clipped away.
    ("abc", 100, [(0, 50, "flag-high"), (102, 200, "evidence")], None, [("ab", None), ("c", "evidence")]),
    # Long text: only context around marks survives; cuts become gaps.
    ("x" * 400 + "HIT" + "y" * 400, 0, [(400, 403, "flag-high")], 300,
     [("…", "gap"), ("x" * 160, None), ("HIT", "flag-high"), ("y" * 160, None), ("…", "gap")]),
    ("z" * 50, 0, [], 10, [("z" * 10, None), ("…", "gap")]),
])
def test_segments(text, base, marks, max_chars, expected):
    assert segments(text, base, marks, max_chars=max_chars) == tuple(Segment(t, m) for t, m in expected)


def test_segments_keep_every_character_when_unbounded():
    text = "Bessent met He Lifeng in Geneva."
    segs = segments(text, 7, [(7, 14, "flag-high"), (32, 38, "evidence")])
    assert "".join(s.text for s in segs) == text


def _src(sid: str, title: str):
    from srccompare.models import Source

    return Source(id=sid, path=f"{sid}.txt", sha256="0" * 64, text=title, encoding="utf-8", title=title,
                  meta=SourceMeta(), content=((0, len(title)),))


def test_story_title_prefers_the_headline_others_share():
    sources = [_src("a", "Rain delays the harvest in Kenya"),
               _src("b", "Kenya harvest delayed by heavy rain"),
               _src("c", "Markets close higher")]
    assert story_title(sources, ["c", "a", "b"]) == "Rain delays the harvest in Kenya"
    # A title the reader cut from a first line loses to a complete one.
    cut = [_src("a", "Kenya harvest rain rain Kenya harvest…"), _src("b", "Kenya harvest delayed by rain")]
    assert story_title(cut, ["a", "b"]) == "Kenya harvest delayed by rain"
    assert story_title([_src("a", " ")], ["a"]) == "Source comparison"


def test_chart_geometry():
    chart = charts.score_chart([("A", 1, 100.0, (90.0, 100.0)), ("B", 2, 0.0, None), ("C", 3, 50.0, (60.0, 40.0))])
    a, b, c = chart.bars
    span = charts.CHART_WIDTH - charts.LABEL_WIDTH - charts.VALUE_WIDTH
    assert a.width == pytest.approx(span) and b.width == 0
    assert c.lo_x < c.hi_x  # an interval given high-first is still drawn left to right
    heat = charts.heatmap(["a", "b", "c"], ["#1", "#2", "#3"], {("a", "b"): (0.95, 2), ("c", "a"): (0.1, 1)})
    levels = {(round(cell.x), round(cell.y)): cell.level for cell in heat.cells}
    assert sorted(levels.values()).count("self") == 3 and "9" in levels.values() and "1" in levels.values()
    assert "none" in levels.values()  # b and c share nothing
    assert charts.heatmap([str(i) for i in range(41)], [str(i) for i in range(41)], {}) is None
    stack = charts.stacked_bars([("A", 1, [2, 0, 1]), ("B", 2, [0, 0, 0])])
    assert [s.kind_index for s in stack.rows[0].segments] == [0, 2] and stack.rows[1].segments == ()
    assert stack.ticks[-1].label == "3"


# --- what a reader is told ------------------------------------------------------------------------

from srccompare.report.view import _sentence_case, summary_sentence  # noqa: E402


@pytest.mark.parametrize("text, expected", [
    ("Share of the text (by length) that another source reports. Near-copies do not count.",
     "Share of the text that another source reports."),
    ("How clean it is: flags (run-together words), per 1,000 words; it halves for every 5 per 1,000 words.",
     "How clean it is: flags, per 1,000 words; it halves for every 5 per 1,000 words."),
    ("One sentence only", "One sentence only"),
    ("", ""),
])
def test_summary_sentence(text, expected):
    assert summary_sentence(text) == expected


@pytest.mark.parametrize("message, expected", [
    ('quote reads "the ferry" where 2 others quote "the boat"', 'Quote reads "the ferry" where 2 others quote "the boat"'),
    ("'harbur' where 3 other sources spell it 'harbour'", "'harbur' where 3 other sources spell it 'harbour'"),
    ("“kapitan” where others say", "“kapitan” where others say"),  # the article's own words stay as printed
    ("Already a sentence.", "Already a sentence."),
])
def test_messages_read_as_sentences_without_touching_quoted_words(message, expected):
    assert _sentence_case(message) == expected


def _ferry_story(witnesses: int) -> object:
    """A ferry name misspelt in one source; ``witnesses`` other sources print it right, one more
    source does not mention it."""
    texts = {"odd": "The ferry Nordlys left at dawn.\n", "quiet": "A ship left the port at dawn.\n"}
    for i in range(witnesses):
        texts[f"w{i}"] = "The ferry Nordlyss left at dawn.\n"
    return build_analysis(texts, flags=[FlagSpec("odd", "Nordlys", "Nordlyss")], aligned_lines=1)


@pytest.mark.parametrize("witnesses, wording", [(1, "1 other source writes"), (3, "3 other sources write")])
def test_a_flag_says_how_many_sources_back_the_other_reading(witnesses, wording):
    """'The others write' overstated the consensus when some sources said nothing there."""
    view = build_view(_ferry_story(witnesses))
    row = view.blocks[0].flags[0]
    assert row.witnesses == witnesses
    html = render.render_html(view)
    assert wording in html and "the others write" not in html


def test_cover_lede_counts_passages_points_and_discrepancies():
    analysis = trio()
    view = build_view(analysis)
    html = render.render_html(view)
    t = view.totals
    assert (f"split them into {t.passages} passages; {t.passages - t.unaligned} of them line up across sources "
            f"in {t.groups} points") in " ".join(html.split())
    assert f"It flagged {t.flags} discrepancies" in html or f"It flagged {t.flags} discrepancy" in html


def test_pdf_names_sources_without_a_page_and_links_only_those_with_one():
    texts, flags = many_sources(12)
    analysis = build_analysis(texts, flags=flags, settings=Settings(pdf_max_source_pages=3, pdf_max_groups=5))
    view = build_view(analysis, Limits.for_pdf(analysis.settings))
    html = render.render_html(view)
    anchors = set(re.findall(r'id="(src-\d+)"', html))
    linked = set(re.findall(r'href="#(src-\d+)"', html))
    assert len(anchors) == 3 and linked <= anchors
    for ref in view.pages_more:  # named on the page all the same
        assert ref.label in html


def test_source_pages_explain_each_component():
    view = build_view(trio())
    comps = view.pages[0].components
    html = render.render_html(view)
    for c in comps:
        if c.summary:
            assert c.summary in html.replace("&#39;", "'")
    assert all(c.summary and c.weight is not None for c in comps if c.name in {i.name for i in view.components if i.explanation})


def test_a_flag_in_a_passage_only_one_source_reports_is_marked_there():
    texts = {"a": "The ferry left at dawn.\nThe captain praised the Harbur crew.\n",
             "b": "The ferry left at dawn.\n", "c": "The ferry left at dawn.\n"}
    analysis = build_analysis(texts, flags=[FlagSpec("a", "Harbur", "Harbour", severity=Severity.LOW)], aligned_lines=1)
    page = next(p for p in build_view(analysis).pages if p.row.ref.id == "a")
    marked = [seg for row in page.unaligned for seg in row.segments if seg.mark]
    assert [(seg.text, seg.mark) for seg in marked] == [("Harbur", "flag-low")]
