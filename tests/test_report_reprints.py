"""The reports say which passages are verbatim reprints (``srccompare.report.reprints``).

An invented story (a ferry hits a harbour pier) told by three outlets, and a fourth that reprints the
wire's first three paragraphs word for word: the checks count the reprint once, with the wire; the
report must show the copy relation (JSON), say on each source's page how many passages reprint
which source, and mark evidence spans from the reprint so three spans under a message counting two
witnesses make sense. Run through the real pipeline on files written here. A report without
reprints must not change: ``test_golden_trio_html`` and the trio JSON golden (test_report_json.py).
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from srccompare import __version__
from srccompare.pipeline import Analysis, analyze
from srccompare.report import jsonreport
from srccompare.report.render import render_html
from srccompare.report.reprints import Reprints
from srccompare.report.view import Limits, build_view, reprint_lines
from srccompare.settings import Settings
from tests.report_builders import trio
from tests.test_report_json import CONTRACT_TOP, check_contract

GOLDEN = Path(__file__).parent / "golden"

WIRE = """Ferry strikes pier in Tromvik harbour, eleven passengers hurt

A passenger ferry struck the main pier of Tromvik harbour on Tuesday morning, injuring eleven passengers, the regional police said.

Harbour master Ingrid Halvorsne said the vessel approached the pier at twice the permitted speed after its steering failed in strong crosswinds.

Captain Oskar Marstein told investigators that the crew had reported a fault in the steering system two days before the accident.

The ferry operator Nordlys Lines suspended all sailings from Tromvik until the inspection of its fleet is complete.

Four of the injured passengers remain in the regional hospital, where doctors described their condition as stable.
"""

HERALD = """Eleven hurt as ferry hits Tromvik pier

Eleven passengers were injured on Tuesday morning when a passenger ferry struck the main pier of Tromvik harbour, police in the region said.

According to harbour master Ingrid Halvorsen, the vessel came towards the pier at twice the permitted speed after its steering failed in strong crosswinds.

Captain Oskar Marstein told investigators the crew had reported a steering fault two days before the crash.

Nordlys Lines, which operates the ferry, has suspended every sailing from Tromvik until its fleet has been inspected.

Doctors at the regional hospital said four of the injured passengers were still being treated and were stable.
"""

TRIBUNE = """Tromvik ferry accident leaves eleven injured

A ferry carrying passengers hit the main pier in Tromvik harbour on Tuesday morning, and eleven people were injured, regional police said.

Ingrid Halvorsen, the harbour master, said the ship reached the pier at twice the allowed speed once its steering failed in strong crosswinds.

Captain Oskar Marstien told investigators his crew had reported a fault in the steering two days before the accident happened.

Nordlys Lines halted all its sailings from Tromvik until the whole fleet has been inspected.

Four injured passengers are still in the regional hospital, where their condition is stable, doctors said.
"""


def reprint_of_paragraphs(text: str, n: int, *, headline: str, own: str) -> str:
    """A reprint of ``text``'s first ``n`` paragraphs after its headline (each non-empty line is
    one, as the seeds print them), under its own headline, with a line of its own."""
    paragraphs = [line for line in text.splitlines() if line.strip()]
    return headline + "\n\n" + "\n\n".join(paragraphs[1:n + 1]) + "\n\n" + own + "\n"


REPRINT = reprint_of_paragraphs(WIRE, 3, headline="Ferry accident in Tromvik",
                                own="Our newsroom will follow the investigation in the coming days.")


def _analyze(folder: Path) -> Analysis:
    return analyze([folder], Settings(), record_run=False)


@pytest.fixture(scope="module")
def ferry(tmp_path_factory: pytest.TempPathFactory) -> tuple[Analysis, dict]:
    home = tmp_path_factory.mktemp("ferry")
    for name, text in (("a_wire", WIRE), ("b_herald", HERALD), ("c_tribune", TRIBUNE), ("d_reprint", REPRINT)):
        (home / f"{name}.txt").write_text(text, encoding="utf-8")
    analysis = _analyze(home)
    return analysis, json.loads(jsonreport.dumps(analysis))


def _flag(data: dict, source: str, text: str) -> dict:
    found = [f for f in data["flags"] if f["source"] == source and f["text"] == text]
    assert len(found) == 1, [(f["source"], f["text"]) for f in data["flags"]]
    return found[0]


# --- report.json --------------------------------------------------------------------------------


def test_json_records_each_reprinted_passage_and_what_it_copies(ferry):
    analysis, data = ferry
    texts = {s.id: s.text for s in analysis.sources}
    check_contract(data, texts)
    copied = data["copied_passages"]
    assert [(c["passage"], c["copy_of"]["passage"]) for c in copied] == [
        ("d_reprint:1", "a_wire:1"), ("d_reprint:2", "a_wire:2"), ("d_reprint:3", "a_wire:3")]
    for c in copied:
        o = c["copy_of"]
        assert c["source"] == "d_reprint" and o["source"] == "a_wire"
        # The offsets are true to each source's text, and the two print the same words.
        assert texts["d_reprint"][c["start"]:c["end"]] == texts["a_wire"][o["start"]:o["end"]]
        assert texts["d_reprint"][c["start"]:c["end"]].strip()


def test_json_sums_up_reprints_per_source(ferry):
    _, data = ferry
    by_id = {s["id"]: s for s in data["sources"]}
    assert by_id["d_reprint"]["reprints"] == [{"source": "a_wire", "passages": 3}]
    assert by_id["d_reprint"]["reprinted_by"] == []
    assert by_id["a_wire"]["reprinted_by"] == [{"source": "d_reprint", "passages": 3}]
    assert by_id["a_wire"]["reprints"] == []
    # Every source has both keys once a run found reprints; the others have nothing in them.
    assert by_id["b_herald"]["reprints"] == by_id["b_herald"]["reprinted_by"] == []
    assert by_id["d_reprint"]["passages"] > 3  # its headline and own line are its own


def test_json_marks_carried_over_flags_and_evidence_from_a_copy(ferry):
    _, data = ferry
    wire = _flag(data, "a_wire", "Halvorsne")
    carried = _flag(data, "d_reprint", "Halvorsne")
    assert "reprint_of" not in wire and carried["reprint_of"] == "a_wire"
    assert carried["evidence"] == wire["evidence"] and carried["message"] == wire["message"]
    # The Tribune's slip: two witnesses (the wire and the Herald), three spans: the reprint's same
    # words are shown, marked, and not counted again by the check's message.
    slip = _flag(data, "c_tribune", "Marstien")
    assert "2 other sources" in slip["message"]
    assert [(e["source"], e.get("reprint_of")) for e in slip["evidence"]] == [
        ("a_wire", None), ("d_reprint", "a_wire"), ("b_herald", None)]
    assert all("reprint_of" not in f for f in data["flags"] if f["source"] != "d_reprint")


def test_reprint_keys_are_documented(ferry):
    """The keys a reprint adds are described in jsonreport's docstring, like every extra key."""
    _, data = ferry
    doc = jsonreport.__doc__
    assert set(data) - set(CONTRACT_TOP) >= {"copied_passages"}
    for key in set(data) - set(CONTRACT_TOP):
        assert f"``{key}``" in doc, key
    for key in ("reprints", "reprinted_by"):
        assert f"``sources[].{key}``" in doc
    assert "``flags[].reprint_of``" in doc and "``flags[].evidence[].reprint_of``" in doc


def test_json_without_reprints_has_no_reprint_keys():
    data = jsonreport.to_dict(trio())
    assert "copied_passages" not in data
    assert not any("reprints" in s or "reprinted_by" in s for s in data["sources"])
    assert not any("reprint_of" in f or any("reprint_of" in e for e in f["evidence"]) for f in data["flags"])


# --- the view and the HTML ----------------------------------------------------------------------


@pytest.mark.parametrize("total, reprints, reprinted_by, expected", [
    (31, [("002", 12)], [], ("12 of 31 passages reprint 002 (counted once in the comparisons).", None)),
    (7, [("Wire", 1)], [], ("1 of 7 passages reprints Wire (counted once in the comparisons).", None)),
    (40, [("Wire", 12), ("Herald", 1)], [],
     ("12 of 40 passages reprint Wire, 1 reprints Herald (counted once in the comparisons).", None)),
    (41, [], [("Daily", 5), ("Post", 2)],
     (None, "Daily reprints 5 of its 41 passages, Post reprints 2 (counted once in the comparisons).")),
    (1200, [("Wire", 1100)], [], ("1,100 of 1,200 passages reprint Wire (counted once in the comparisons).", None)),
    (9, [], [], (None, None)),
])
def test_reprint_lines(total, reprints, reprinted_by, expected):
    assert reprint_lines(total, reprints, reprinted_by) == expected


def test_source_pages_say_how_many_passages_reprint_which_source(ferry):
    analysis, _ = ferry
    view = build_view(analysis)
    pages = {p.row.ref.id: p for p in view.pages}
    total = pages["d_reprint"].row.passages
    assert pages["d_reprint"].reprints == f"3 of {total} passages reprint a_wire (counted once in the comparisons)."
    assert pages["d_reprint"].reprinted_by is None
    wire_total = pages["a_wire"].row.passages
    assert pages["a_wire"].reprinted_by == (f"d_reprint reprints 3 of its {wire_total} passages "
                                            "(counted once in the comparisons).")
    assert pages["b_herald"].reprints is None and pages["b_herald"].reprinted_by is None
    assert view.method.reprints


def test_flag_rows_mark_reprinted_evidence_and_count_witnesses_once(ferry):
    analysis, _ = ferry
    view = build_view(analysis)
    rows = {(f.source.id, f.text): f for p in view.pages for f in p.flags}
    slip = rows[("c_tribune", "Marstien")]
    assert [(e.source.id, e.reprint) for e in slip.evidence] == [
        ("a_wire", None), ("d_reprint", "reprint of a_wire"), ("b_herald", None)]
    assert slip.witnesses == 2  # as the message says: the reprint is not a third witness
    assert slip.reprint is None
    carried = rows[("d_reprint", "Halvorsne")]
    assert carried.reprint and "a_wire" in carried.reprint
    assert rows[("a_wire", "Halvorsne")].reprint is None
    # In the side-by-side boxes the reprint's passage is labelled as one.
    marked = {(r.source.id, r.reprint) for b in view.blocks for r in b.renderings}
    assert ("d_reprint", "reprint of a_wire") in marked
    assert all(note is None for sid, note in marked if sid != "d_reprint")


@pytest.mark.parametrize("limits", [None, "pdf"])
def test_html_prints_the_reprint_lines_and_markers(ferry, limits):
    analysis, _ = ferry
    html = render_html(build_view(analysis, Limits.for_pdf(analysis.settings) if limits else None))
    assert "(reprint of a_wire)" in html
    assert "3 of 5 passages reprint a_wire (counted once in the comparisons)." in html
    assert "d_reprint reprints 3 of its 6 passages" in html
    assert "<h3>Reprints</h3>" in html


def test_reprints_lookup_by_offset(ferry):
    analysis, _ = ferry
    reprints = Reprints(analysis)
    copied = {p.index: p for p in analysis.alignment.passages if p.source == "d_reprint"}
    assert reprints.copy_at("d_reprint", copied[2].start + 5).original.id == "a_wire:2"
    assert reprints.copy_at("d_reprint", copied[0].start) is None  # its own headline
    assert reprints.copy_at("a_wire", 0) is None
    assert not Reprints(trio())


# --- end to end on the seeds, and the golden report without reprints ----------------------------


@pytest.mark.slow
def test_seeds_with_a_reprint_of_002(tmp_path):
    """The seeds plus an outlet reprinting 002's first three paragraphs under its own headline: the
    report names the reprint on both pages and marks its spans in the evidence of other flags."""
    from tests.conftest import SEEDS

    home = tmp_path / "seeds"
    shutil.copytree(SEEDS, home)
    original = next(home.glob("002_*.txt"))
    text = original.read_text(encoding="utf-8")
    (home / "005_aggregator.txt").write_text(
        reprint_of_paragraphs(text, 3, headline="Trade talks set for the weekend",
                              own="This article was compiled from agency reports by our editors."),
        encoding="utf-8")
    analysis = _analyze(home)
    data = json.loads(jsonreport.dumps(analysis))
    check_contract(data, {s.id: s.text for s in analysis.sources})
    sid = original.stem
    agg = next(s for s in data["sources"] if s["id"] == "005_aggregator")
    assert agg["reprints"] and agg["reprints"][0]["source"] == sid
    n = agg["reprints"][0]["passages"]
    assert n == len(data["copied_passages"]) >= 3
    copied_text = "".join(analysis.source("005_aggregator").text[c["start"]:c["end"]] for c in data["copied_passages"])
    assert "Bessent" in copied_text and "Daines" in copied_text  # its first and third paragraphs
    view = build_view(analysis)
    pages = {p.row.ref.id: p for p in view.pages}
    assert pages["005_aggregator"].reprints.startswith(f"{n} of {agg['passages']} passages reprint {sid} ")
    assert pages[sid].reprinted_by.startswith(f"005_aggregator reprints {n} of its ")
    # Every evidence span from the reprint is marked, and none is counted as a witness.
    marked = 0
    for f in data["flags"]:
        copies = [e for e in f["evidence"] if e["source"] == "005_aggregator"]
        assert all(e.get("reprint_of") == sid for e in copies)
        marked += len(copies)
    assert marked, "the reprint prints words other flags cite"
    for p in view.pages:
        for row in p.flags:
            independent = {e.source.id for e in row.evidence if e.reprint is None and e.source.id != row.source.id}
            if not row.evidence_more:
                assert row.witnesses == len(independent)


@pytest.mark.slow
def test_seeds_report_has_no_reprint_keys_or_words(seeds_copy):
    analysis = _analyze(seeds_copy)
    assert analysis.copied_passages == ()
    data = jsonreport.to_dict(analysis)
    assert "copied_passages" not in data and not any("reprints" in s for s in data["sources"])
    html = render_html(build_view(analysis))
    assert "reprint" not in html.casefold()


def _scrub_html(html: str) -> str:
    """The volatile parts out: the tool version, and the settings table (it follows ``Settings``,
    which others extend; ``test_trio_contract_and_reviews`` checks it)."""
    html = html.replace(f"srccompare {__version__}", "srccompare <version>")
    return re.sub(r'(<table class="settings">).*?(</table>)', r"\1<settings>\2", html, flags=re.S)


def test_golden_trio_html():
    """The hand-made three-source report (no reprints) against tests/golden/trio.html: what the
    reprint lines add must leave a report without reprints byte for byte as it was. On a mismatch
    the actual output is saved as ``trio.actual.html``."""
    actual = _scrub_html(render_html(build_view(trio())))
    golden = GOLDEN / "trio.html"
    actual_path = GOLDEN / "trio.actual.html"
    if not golden.exists() or golden.read_text(encoding="utf-8") != actual:
        actual_path.write_text(actual, encoding="utf-8")
        pytest.fail(f"report.html differs from {golden}; actual output saved to {actual_path}")
    if actual_path.exists():
        actual_path.unlink()
