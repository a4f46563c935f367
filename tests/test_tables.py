"""Tables are read: a Markdown table's rows, and an HTML <table> the extractor prints as one.

A figure in a table is printed on the page like one in the prose; a table row that disagrees with the
other sources is a discrepancy. The story in ``data/tables``: four sources on one river flood, two
with a Markdown table of gauge levels, one with an HTML table, one in prose only; ``03_table_slip``
prints one level (4.7 m) where the others print 4.2 m.
"""

from __future__ import annotations

from pathlib import Path

from srccompare.pipeline import analyze
from srccompare.settings import Settings
from srccompare.sources import layout, read_source

DATA = Path(__file__).parent / "data" / "tables"


def _content(text: str, *, markdown: bool = False) -> list[str]:
    return [text[s:e] for s, e in layout(text, markdown=markdown).content]


def test_markdown_table_rows_are_content_and_its_rule_is_not() -> None:
    text = "Levels rose overnight.\n\n| Gauge | Level |\n|---|:---:|\n| North weir | 4.2 m |\n| Ferry steps | 5.1 m |\n"
    assert _content(text, markdown=True) == [
        "Levels rose overnight.",
        "| Gauge | Level |",
        "| North weir | 4.2 m |",
        "| Ferry steps | 5.1 m |",
    ]


def test_a_line_with_separators_is_still_furniture() -> None:
    # "Home | News | Sport" and a dateline stay out: a table row starts and ends with a bar.
    assert _content("Home | News | Sport\nLevels rose overnight.\nRiverside | 3 May 2025\n") == ["Levels rose overnight."]


def test_html_table_is_read_as_rows() -> None:
    src = read_source(DATA / "04_page.html")
    assert "| North weir | 4.2 m | +1.1 m |" in src.text
    assert "<" not in src.text


def test_a_table_cell_that_disagrees_is_flagged(tmp_path: Path) -> None:
    analysis = analyze([DATA], Settings(cache=False), record_run=False)
    numbers = [(f.source, f.text) for f in analysis.flags if f.kind == "number_conflict"]
    assert numbers == [("03_table_slip", "4.7")]
    assert not [f for f in analysis.flags if f.source != "03_table_slip"]
