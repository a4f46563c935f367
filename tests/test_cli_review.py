"""review and add through the command line: the whole report -> review -> add -> rerun cycle."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from srccompare import review as review_mod
from srccompare import sources
from srccompare.cli import cli, main
from srccompare.pipeline import analyze
from srccompare.report import jsonreport
from srccompare.settings import Settings

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
EXTRA_BASE = SEEDS / "002_966dec5755faeaf9.txt"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A writable copy of the seed articles only (no run state another run may have left beside them)."""
    dest = tmp_path / "seeds"
    dest.mkdir()
    for p in sorted(SEEDS.glob("*.txt")):
        shutil.copy(p, dest / p.name)
        (dest / p.name).chmod(0o644)
    return dest


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return status, out, err


def report_json(capsys, folder: Path, out: Path) -> dict:
    status, _, err = run(capsys, "report", folder, "-o", out, "--format", "json", "-q")
    assert status == 0, err
    return json.loads((out / "report.json").read_text(encoding="utf-8"))


def extra_article(folder: Path) -> str:
    """A sixth article on the same story: the opening of one seed, re-paragraphed, plus a sentence of
    its own. It adds a witness to the other sources' wording; it changes nothing in theirs."""
    text = EXTRA_BASE.read_text(encoding="utf-8")
    paragraphs = [p for p in text.split("\n\n") if p.strip()][:3]
    return "\n\n".join(paragraphs) + "\n\nMarkets in Asia were mixed on Wednesday as investors awaited the talks.\n"


def test_report_review_add_rerun_keeps_every_decision(folder: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "250")
    first = report_json(capsys, folder, tmp_path / "r1")
    # the added article repeats part of 002 (garbles included), which may rightly change 002's flags;
    # the decisions under test are on other sources' flags, whose evidence it only strengthens
    flags = [f for f in first["flags"] if f["source"] != EXTRA_BASE.stem]
    assert len(flags) >= 2, "the seeds should give at least two flags outside 002"
    a, b = flags[0]["id"], flags[1]["id"]

    status, out, err = run(capsys, "review", "confirm", a[:7], "--sources", folder)
    assert status == 0, err
    assert f"confirmed {a}" in out
    status, out, err = run(capsys, "review", "dismiss", b[2:9], "--note", "a legitimate variant", "--sources", folder)
    assert status == 0, err
    ledger = json.loads((folder / review_mod.REVIEW_FILE).read_text(encoding="utf-8"))
    assert [(d["id"], d["status"], d["note"]) for d in ledger["decisions"]] == sorted(
        [(a, "confirmed", None), (b, "dismissed", "a legitimate variant")])

    new = tmp_path / "incoming" / "005_wire_rewrite.txt"
    new.parent.mkdir()
    new.write_text(extra_article(folder), encoding="utf-8")
    status, out, err = run(capsys, "add", new, "--to", folder, "--outlet", "Wire Service", "--date", "2025-05-07")
    assert status == 0, err
    assert (folder / "005_wire_rewrite.txt").read_bytes() == new.read_bytes()
    assert sources.read_source(folder / "005_wire_rewrite.txt").meta.outlet == "Wire Service"

    second = report_json(capsys, folder, tmp_path / "r2")
    by_id = {f["id"]: f for f in second["flags"]}
    assert by_id[a]["review"] == {"status": "confirmed", "note": None}
    assert by_id[b]["review"] == {"status": "dismissed", "note": "a legitimate variant"}
    assert second["orphaned_reviews"] == []
    assert second["changes"]["previous_run"] is True
    assert second["changes"]["new_sources"] == ["005_wire_rewrite"]
    # every other flag of the first run outside 002 is still there, under the same id
    assert {f["id"] for f in flags} <= set(by_id)

    # the review list shows the decisions
    status, out, err = run(capsys, "review", "list", "--status", "all", "--sources", folder)
    assert status == 0, err
    assert f"{a}  [confirmed]" in out
    assert f"{b}  [dismissed]" in out and "a legitimate variant" in out


def test_added_reprint_is_not_a_second_witness(folder: Path, tmp_path: Path, capsys) -> None:
    """An added article that reprints one seed word for word must not outvote the others: the other
    sources' flags stay as they were (same ids), and the reprint carries the flags of what it copies."""
    first = report_json(capsys, folder, tmp_path / "r1")
    (folder / "005_wire_rewrite.txt").write_text(extra_article(folder), encoding="utf-8")
    second = report_json(capsys, folder, tmp_path / "r2")

    def found(report: dict, source: str) -> list[tuple]:
        return sorted((f["id"], f["kind"], f["severity"], f["confidence"], f["text"])
                      for f in report["flags"] if f["source"] == source)

    for sid in sorted({f["source"] for f in first["flags"]} | {s["id"] for s in first["sources"]}):
        assert found(second, sid) == found(first, sid), sid
    assert not found(second, "003_e3227691fdbe46a9")
    copied = sorted(f[1:] for f in found(second, "005_wire_rewrite"))
    assert copied and copied == sorted(f[1:] for f in found(first, EXTRA_BASE.stem))


def test_decision_on_a_flag_that_goes_away_is_orphaned_not_dropped(folder: Path, tmp_path: Path, capsys) -> None:
    first = report_json(capsys, folder, tmp_path / "r1")
    target = first["flags"][0]
    status, _, err = run(capsys, "review", "dismiss", target["id"], "--note", "checked", "--sources", folder)
    assert status == 0, err
    # the user corrects the source: the flagged words disappear, and so does the flag
    path = folder / f"{target['source']}.txt"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: target["start"]] + target["expected"] + text[target["end"]:], encoding="utf-8")

    second = report_json(capsys, folder, tmp_path / "r2")
    assert target["id"] not in {f["id"] for f in second["flags"]}
    assert second["orphaned_reviews"] == [{"flag_id": target["id"], "status": "dismissed", "note": "checked",
                                           "source": target["source"], "text": target["text"]}]
    assert target["id"] in second["changes"]["resolved_flags"]
    assert second["changes"]["changed_sources"] == [target["source"]]
    assert target["id"] in (folder / review_mod.REVIEW_FILE).read_text(encoding="utf-8")

    status, out, _ = run(capsys, "review", "list", "--sources", folder)
    assert status == 0
    assert "no longer exist" in out and target["id"] in out
    # reopen is how the user drops it
    status, out, err = run(capsys, "review", "reopen", target["id"][:6], "--sources", folder)
    assert status == 0, err
    assert json.loads((folder / review_mod.REVIEW_FILE).read_text(encoding="utf-8"))["decisions"] == []


@pytest.mark.parametrize(
    "content, words",
    [
        ('{"format_version": 1, "decisions": [\n  {"id": "f-1", "status": "confirmed"', ["line 2", "not valid JSON"]),
        ('{\n  "format_version": 7,\n  "decisions": []\n}\n', ["line 2", "newer srccompare"]),
        ('{\n  "format_version": 1,\n  "decisions": [\n    {"id": "f-1", "status": "maybe"}\n  ]\n}\n',
         ["line 4", "entry 1 (id f-1)", "unknown status \"maybe\""]),
    ],
    ids=["truncated", "format_version", "status"],
)
def test_broken_review_file_is_refused_by_every_command(folder: Path, tmp_path: Path, capsys, content: str,
                                                        words: list[str]) -> None:
    path = folder / review_mod.REVIEW_FILE
    path.write_text(content, encoding="utf-8")
    before = path.read_bytes()
    for args in (["review", "confirm", "f-1", "--sources", folder],
                 ["review", "dismiss", "f-1", "--note", "x", "--sources", folder],
                 ["review", "reopen", "f-1", "--sources", folder],
                 ["review", "list", "--sources", folder],
                 ["report", folder, "-o", tmp_path / "out", "--format", "json", "-q"]):
        status, out, err = run(capsys, *args)
        assert status == 1, (args, out, err)
        lines = err.strip().splitlines()
        assert len(lines) == 1 and "Traceback" not in err
        assert str(path) in lines[0]
        for word in words:
            assert word in lines[0], lines[0]
    assert path.read_bytes() == before
    assert not (tmp_path / "out" / "report.json").exists()


def test_ambiguous_and_unknown_ids(folder: Path, capsys) -> None:
    status, _, err = run(capsys, "review", "confirm", "f-", "--sources", folder)
    assert status == 1 and "ambiguous" in err and "nothing was changed" in err
    status, _, err = run(capsys, "review", "confirm", "f-zzzz", "--sources", folder)
    assert status == 1 and "'f-zzzz' matches no flag" in err
    assert not (folder / review_mod.REVIEW_FILE).exists()


def test_dismiss_needs_a_note_and_a_folder_must_exist(folder: Path, tmp_path: Path, capsys) -> None:
    status, _, err = run(capsys, "review", "dismiss", "f-1", "--sources", folder)
    assert status == 2 and "--note" in err
    status, _, err = run(capsys, "review", "list", "--sources", tmp_path / "nowhere")
    assert status == 1 and "no such folder" in err


def test_list_filters_and_fits_the_terminal(folder: Path, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    status, out, _ = run(capsys, "review", "list", "--sources", folder)
    assert status == 0
    lines = out.splitlines()
    assert all(len(line) <= 60 for line in lines), lines
    flag_lines = [line for line in lines if line.startswith("f-")]
    assert flag_lines and all("[open]" in line for line in flag_lines)
    first_source = flag_lines[0].split()[4].rstrip("…")
    status, out, _ = run(capsys, "review", "list", "--sources", folder, "--source", first_source[:5])
    shown = [line for line in out.splitlines() if line.startswith("f-")]
    assert shown and all(first_source[:5] in line for line in shown)
    status, out, _ = run(capsys, "review", "list", "--sources", folder, "--status", "dismissed")
    assert not [line for line in out.splitlines() if line.startswith("f-")]
    assert "0 shown" in out


def test_interactive_pass_saves_each_decision(folder: Path) -> None:
    flags = analyze([folder], Settings(), record_run=False).flags
    assert len(flags) >= 2
    runner = CliRunner()
    result = runner.invoke(cli, ["review", "next", "--sources", str(folder)], input="c\nd\n\nnot an error\nq\n")
    assert result.exit_code == 0, result.output
    assert "1 confirmed, 1 dismissed, 0 skipped" in result.output
    decisions = {d.flag_id: d for d in review_mod.load(folder).decisions}
    assert decisions[flags[0].id].status.value == "confirmed"
    assert (decisions[flags[1].id].status.value, decisions[flags[1].id].note) == ("dismissed", "not an error")
    # end of input stops the pass without losing anything
    result = runner.invoke(cli, ["review", "next", "--sources", str(folder)], input="s\n")
    assert result.exit_code == 0 and "0 confirmed, 0 dismissed, 1 skipped" in result.output
    assert len(review_mod.load(folder).decisions) == 2


def test_add_refuses_duplicates_and_adds_nothing(folder: Path, tmp_path: Path, capsys) -> None:
    incoming = tmp_path / "incoming"
    incoming.mkdir()
    same_bytes = incoming / "renamed_copy.txt"
    shutil.copy(folder / "001_7dd69ccb6162db53.txt", same_bytes)
    same_id = incoming / "001_7dd69ccb6162db53.md"
    same_id.write_text("A different article that happens to share the file name stem.\n", encoding="utf-8")
    fresh = incoming / "007_fresh.txt"
    fresh.write_text(extra_article(folder), encoding="utf-8")
    before = sorted(p.name for p in folder.iterdir())

    status, _, err = run(capsys, "add", fresh, same_bytes, "--to", folder)
    assert status == 1 and "same content as" in err and "nothing was added" in err
    status, _, err = run(capsys, "add", same_id, "--to", folder)
    assert status == 1 and "id '001_7dd69ccb6162db53' is already taken" in err
    status, _, err = run(capsys, "add", fresh, fresh, "--to", folder)
    assert status == 1 and "same content" in err
    assert sorted(p.name for p in folder.iterdir()) == before

    status, out, err = run(capsys, "add", fresh, "--to", folder)
    assert status == 0, err
    status, _, err = run(capsys, "add", fresh, "--to", folder)
    assert status == 1 and "already a source" in err


@pytest.mark.parametrize(
    "args, words",
    [
        (["--date", "7 May 2025"], ["--date", "YYYY-MM-DD"]),
        (["--language", "English language"], ["--language"]),
        (["--url", "example.com/x"], ["--url", "http"]),
    ],
)
def test_add_checks_metadata(folder: Path, tmp_path: Path, capsys, args: list[str], words: list[str]) -> None:
    f = tmp_path / "new.txt"
    f.write_text(extra_article(folder), encoding="utf-8")
    status, _, err = run(capsys, "add", f, "--to", folder, *args)
    assert status == 1
    for w in words:
        assert w in err
    assert not (folder / "new.txt").exists()


def test_add_refuses_what_is_not_an_article(folder: Path, tmp_path: Path, capsys) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n")
    pdf = tmp_path / "paper.txt"
    pdf.write_bytes(b"%PDF-1.7\n...")
    other = tmp_path / "notes.docx"
    other.write_bytes(b"x")
    for f, word in ((empty, "empty"), (pdf, "PDF"), (other, "not a .txt"), (tmp_path / "missing.txt", "no such file")):
        status, _, err = run(capsys, "add", f, "--to", folder)
        assert status == 1 and word in err and str(f) in err, err


def test_add_writes_sidecar_merging_the_files_own(folder: Path, tmp_path: Path, capsys) -> None:
    f = tmp_path / "wire.txt"
    f.write_text(extra_article(folder), encoding="utf-8")
    (tmp_path / "wire.meta.yaml").write_text("outlet: Old Name\ntitle: Talks set for weekend\n", encoding="utf-8")
    dest = tmp_path / "new-folder"
    status, _, err = run(capsys, "add", f, "--to", dest, "--outlet", "Wire Service", "--language", "en")
    assert status == 0, err
    assert json.loads((dest / "wire.meta.json").read_text(encoding="utf-8")) == {
        "outlet": "Wire Service", "title": "Talks set for weekend", "language": "en"}
    meta = sources.read_source(dest / "wire.txt").meta
    assert (meta.outlet, meta.title, meta.language) == ("Wire Service", "Talks set for weekend", "en")


def test_add_encoding_is_checked_and_kept_in_the_sidecar(folder: Path, tmp_path: Path, capsys) -> None:
    text = extra_article(folder).replace("Geneva", "Ženeva")
    f = tmp_path / "cz.txt"
    f.write_bytes(text.encode("cp1250"))
    dest = tmp_path / "new-folder"
    status, _, err = run(capsys, "add", f, "--to", dest, "--encoding", "klingon")
    assert status == 1 and "klingon" in err and not dest.exists()
    status, _, err = run(capsys, "add", f, "--to", dest, "--encoding", "windows-1250")
    assert status == 0, err
    assert json.loads((dest / "cz.meta.json").read_text(encoding="utf-8")) == {"encoding": "cp1250"}
    assert sources.read_source(dest / "cz.txt").text == text  # a later report reads it the same way
    # Copied along when the file is added again elsewhere from its new home.
    again = tmp_path / "third"
    status, _, err = run(capsys, "add", dest / "cz.txt", "--to", again, "--outlet", "Deník")
    assert status == 0, err
    assert json.loads((again / "cz.meta.json").read_text(encoding="utf-8")) == {"outlet": "Deník", "encoding": "cp1250"}


def _without_cache_setting(text: str) -> dict:
    data = json.loads(text)
    data.get("settings", {}).pop("cache", None)
    return data


def test_cached_and_uncached_runs_give_the_same_report(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from srccompare import align, segment

    analyze([folder], Settings())  # fills the cache and records the run
    calls = []
    for module, name in ((sources, "read_source"), (segment, "segment"), (align, "count_vectors")):
        original = getattr(module, name)
        monkeypatch.setattr(module, name, lambda *a, _f=original, _n=name, **k: calls.append(_n) or _f(*a, **k))
    cached = analyze([folder], Settings(), record_run=False)
    assert calls == []  # everything per source came from the cache
    uncached = analyze([folder], Settings(cache=False), record_run=False)
    assert _without_cache_setting(jsonreport.dumps(cached)) == _without_cache_setting(jsonreport.dumps(uncached))


def test_review_commands_reuse_the_last_runs_flags_until_something_changes(folder: Path, tmp_path: Path, capsys,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    import srccompare.pipeline

    first = report_json(capsys, folder, tmp_path / "r1")
    real_analyze = srccompare.pipeline.analyze
    runs = []
    monkeypatch.setattr(srccompare.pipeline, "analyze", lambda *a, **k: runs.append(1) or real_analyze(*a, **k))
    status, out, err = run(capsys, "review", "confirm", first["flags"][0]["id"], "--sources", folder)
    assert status == 0, err
    status, out, _ = run(capsys, "review", "list", "--status", "all", "--sources", folder)
    assert status == 0 and "1 confirmed" in out
    assert runs == []  # nothing changed since the report: no new analysis
    new = tmp_path / "late.txt"
    new.write_text(extra_article(folder), encoding="utf-8")
    assert run(capsys, "add", new, "--to", folder)[0] == 0
    status, out, _ = run(capsys, "review", "list", "--sources", folder)
    assert status == 0 and runs == [1]  # a source was added: the flags are computed again


UNRELATED = """The city council approved a revised budget on Thursday after a four-hour session.

Councillors voted nine to two in favour of the plan, which raises spending on road repairs and
cuts the parks department's allocation. The mayor called the vote a compromise that keeps the
library branches open through next year.

Residents who spoke during the public comment period were divided. Several asked the council to
delay the vote until an independent audit of the transport fund is finished.
"""


def test_adding_an_article_on_another_story_keeps_every_flag_and_decision(folder: Path) -> None:
    before = analyze([folder], Settings())
    assert before.flags
    review_mod.decide(folder, [before.flags[0].id], "confirmed", "checked", before.flags)
    review_mod.decide(folder, [before.flags[-1].id], "dismissed", "variant", before.flags)
    (folder / "009_council.txt").write_text(UNRELATED, encoding="utf-8")
    after = analyze([folder], Settings())
    old = [(f.id, f.source, f.start, f.end, f.kind) for f in before.flags]
    assert [(f.id, f.source, f.start, f.end, f.kind) for f in after.flags if f.source != "009_council"] == old
    by_id = {f.id: f for f in after.flags}
    assert (by_id[before.flags[0].id].review.status.value, by_id[before.flags[0].id].review.note) == (
        "confirmed", "checked")
    assert (by_id[before.flags[-1].id].review.status.value, by_id[before.flags[-1].id].review.note) == (
        "dismissed", "variant")
    assert after.orphaned == ()
    assert after.changes.new_sources == ("009_council",) and after.changes.resolved_flags == ()


@pytest.mark.parametrize("name", ["klingon", "base64", "undefined"])
def test_add_with_an_unusable_encoding_is_one_line_and_writes_nothing(folder: Path, tmp_path: Path, capsys,
                                                                      name: str) -> None:
    f = tmp_path / "pl.txt"
    f.write_bytes("Strajk w porcie zakończył się w czwartek.\n".encode("cp1250"))
    dest = tmp_path / "new-folder"
    status, _, err = run(capsys, "add", f, "--to", dest, "--encoding", name)
    lines = [line for line in err.splitlines() if line.strip()]
    assert status == 1 and "Traceback" not in err and not dest.exists()
    assert len(lines) == 1 and f"option --encoding: unknown encoding '{name}'" in lines[0]
    assert "use a name such as utf-8" in lines[0]


def test_report_with_a_sidecar_naming_a_binary_codec_names_the_sidecar(folder: Path, tmp_path: Path, capsys) -> None:
    (folder / "000_0d3fd0463d218bc3.meta.json").write_text('{"encoding": "zlib"}', encoding="utf-8")
    status, _, err = run(capsys, "report", folder, "-o", tmp_path / "out", "--format", "json", "-q")
    assert "Traceback" not in err
    assert "000_0d3fd0463d218bc3.meta.json: unknown encoding 'zlib' (cannot decode text)" in err
