"""The command line: exit statuses, one-line messages, help texts, nothing half-written."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import click
import pytest

from srccompare.cli import cli, main

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def _all_commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = [prefix]
    for name, cmd in sorted(group.commands.items()):
        if isinstance(cmd, click.Group):
            found.extend(_all_commands(cmd, prefix + (name,)))
        else:
            found.append(prefix + (name,))
    return found


@pytest.mark.parametrize("command", _all_commands(cli), ids=lambda c: " ".join(c) or "srccompare")
def test_every_command_is_documented_with_an_example(command: tuple[str, ...], capsys) -> None:
    status, out, _ = run(capsys, *command, "--help")
    assert status == 0
    assert "Usage:" in out
    assert "Example" in out, f"'srccompare {' '.join(command)} --help' has no example"


def test_version(capsys) -> None:
    status, out, _ = run(capsys, "--version")
    assert status == 0 and "srccompare" in out


def test_usage_error_exits_2(capsys) -> None:
    status, _, err = run(capsys, "report", "--format", "docx")
    assert status == 2
    assert "docx" in err
    status, _, err = run(capsys, "no-such-command")
    assert status == 2


def test_report_on_seeds_writes_three_files(tmp_path: Path, capsys) -> None:
    src = tmp_path / "seeds"
    shutil.copytree(SEEDS, src)
    out_dir = tmp_path / "out"
    status, out, err = run(capsys, "report", str(src), "-o", str(out_dir))
    assert status == 0, err
    assert sorted(p.name for p in out_dir.iterdir()) == ["report.html", "report.json", "report.pdf"]
    data = json.loads((out_dir / "report.json").read_text(encoding="utf-8"))
    assert len(data["sources"]) == 5
    assert "wrote" in out


def test_format_subset(tmp_path: Path, capsys) -> None:
    src = tmp_path / "seeds"
    shutil.copytree(SEEDS, src)
    out_dir = tmp_path / "out"
    status, _, err = run(capsys, "report", str(src), "-o", str(out_dir), "--format", "json", "-q")
    assert status == 0, err
    assert [p.name for p in out_dir.iterdir()] == ["report.json"]


def _two_good(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("000_0d3fd0463d218bc3.txt", "002_966dec5755faeaf9.txt"):
        shutil.copy(SEEDS / name, folder / name)


@pytest.mark.parametrize(
    "setup, expected",
    [
        (lambda d: d.mkdir(), "need at least two usable sources"),
        (lambda d: (d.mkdir(), shutil.copy(SEEDS / "000_0d3fd0463d218bc3.txt", d / "a.txt")),
         "need at least two usable sources"),
        (lambda d: (d.mkdir(), shutil.copy(SEEDS / "000_0d3fd0463d218bc3.txt", d / "a.txt"),
                    shutil.copy(SEEDS / "000_0d3fd0463d218bc3.txt", d / "b.txt")),
         "need at least two usable sources"),
        (lambda d: (d.mkdir(), (d / "a.txt").write_text(""), (d / "b.txt").write_bytes(b"\x00\x01PK\x03\x04" * 50)),
         "need at least two usable sources"),
    ],
    ids=["empty-folder", "one-source", "identical-files", "empty-and-binary"],
)
def test_bad_input_is_one_line_and_exit_1(tmp_path: Path, capsys, setup, expected: str) -> None:
    folder = tmp_path / "in"
    setup(folder)
    out_dir = tmp_path / "out"
    status, _, err = run(capsys, "report", str(folder), "-o", str(out_dir))
    assert status == 1
    assert expected in err
    assert "Traceback" not in err
    assert not out_dir.exists() or not any(out_dir.iterdir()), "nothing may be written on failure"


def test_missing_path_is_reported_and_the_rest_goes_on(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "in"
    _two_good(folder)
    (folder / "empty.txt").write_text("   \n")
    out_dir = tmp_path / "out"
    status, _, err = run(capsys, "report", str(folder), str(tmp_path / "nope.txt"), "-o", str(out_dir),
                         "--format", "json")
    assert status == 0, err
    assert "nope.txt" in err and "empty.txt" in err
    data = json.loads((out_dir / "report.json").read_text(encoding="utf-8"))
    assert len(data["sources"]) == 2


def test_bad_config_exit_1(tmp_path: Path, capsys) -> None:
    cfg = tmp_path / "c.toml"
    cfg.write_text("[srccompare]\ntop_k = 'many'\n")
    status, _, err = run(capsys, "report", str(SEEDS), "--config", str(cfg), "-o", str(tmp_path / "o"))
    assert status == 1
    assert "top_k" in err and "Traceback" not in err


def test_legacy_encoding_option_reads_8bit_files_in_that_code_page(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "in"
    _two_good(folder)
    czech = "Jednání v Ženevě budou pokračovat příští týden, řekl mluvčí ministerstva průmyslu v pondělí."
    (folder / "cz.txt").write_bytes(czech.encode("cp1250"))
    out_dir = tmp_path / "out"
    status, _, err = run(capsys, "report", str(folder), "-o", str(out_dir), "--format", "json", "-q",
                         "--legacy-encoding", "cp1250", "--no-cache")
    assert status == 0, err
    data = json.loads((out_dir / "report.json").read_text(encoding="utf-8"))
    cz = next(s for s in data["sources"] if s["id"] == "cz")
    assert cz["encoding"] == "cp1250"
    status, _, err = run(capsys, "report", str(folder), "-o", str(tmp_path / "o2"), "--legacy-encoding", "utf-8")
    assert status == 1 and "8-bit code page" in err and "Traceback" not in err
    assert not (tmp_path / "o2").exists()


def test_a_broken_sidecar_warning_names_the_skipped_article_first(tmp_path: Path, capsys) -> None:
    src = tmp_path / "seeds"
    shutil.copytree(SEEDS, src)
    article = sorted(src.glob("*.txt"))[1]
    sidecar = article.with_suffix(".meta.json")
    sidecar.write_text('{"encoding": "base64"}', encoding="utf-8")
    status, _, err = run(capsys, "report", str(src), "-o", str(tmp_path / "out"), "-f", "json", "-q")
    assert status == 0
    warning = next(line for line in err.splitlines() if "warning" in line)
    # The article is what the user loses; the sidecar is what to fix.
    assert warning.startswith(f"srccompare: warning: skipped {article}: {sidecar}: unknown encoding 'base64'")


@pytest.mark.parametrize("code", ["ja", "ko", "zh"])
def test_an_english_mt_that_keeps_a_cjk_language_tag_is_read_as_english(tmp_path: Path, capsys, code: str) -> None:
    # wordfreq segments Japanese, Korean and Chinese with optional modules (MeCab, jieba) that are
    # not installed; a translation that keeps its original's ``lang`` must not crash the run.
    folder = tmp_path / "in"
    folder.mkdir()
    body = ("The harbour authority said on Monday that the new ferry terminal in Porvale will open "
            "in June after {n} months of delays. Its director, Ilse Marvik, said the cost rose to "
            "48 million euros.")
    (folder / "a.txt").write_text(body.format(n="nine"), encoding="utf-8")
    (folder / "b.txt").write_text(body.format(n="ten").replace("Marvik", "Marvick"), encoding="utf-8")
    (folder / "c.html").write_text(
        f'<html lang="{code}"><body><article><p>{body.format(n="nine")} Officials said so.</p></article></body></html>',
        encoding="utf-8")
    code_, out, err = run(capsys, "report", str(folder), "-o", str(tmp_path / "out"), "-f", "json", "-q")
    assert code_ == 0, err
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert {s["id"] for s in report["sources"]} >= {"a", "b", "c"}
