"""report.json: the contract on the seeds, determinism, and a golden file for a hand-made case."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from srccompare import __version__
from srccompare.models import Kind, Review, ReviewStatus, Severity
from srccompare.pipeline import analyze
from srccompare.report import jsonreport
from srccompare.settings import Settings
from tests.report_builders import FlagSpec, build_analysis, trio

GOLDEN = Path(__file__).parent / "golden"

CONTRACT_TOP = ["schema_version", "tool", "sources", "groups", "flags"]
CONTRACT_SOURCE = {"id": str, "path": str, "title": str, "sha256": str, "words": int, "passages": int,
                   "score": float, "rank": int, "components": dict, "flag_counts": dict}
CONTRACT_GROUP = {"id": str, "similarity": float, "passages": list}
CONTRACT_SPAN = {"source": str, "start": int, "end": int, "text": str}
CONTRACT_FLAG = {"id": str, "kind": str, "source": str, "start": int, "end": int, "text": str, "expected": str,
                 "severity": str, "confidence": float, "group": (str, type(None)), "message": str,
                 "evidence": list, "review": dict}
SEVERITIES = {"high", "medium", "low"}
STATUSES = {"open", "confirmed", "dismissed"}


@pytest.fixture(scope="module")
def seeds_report(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, dict[str, str]]:
    """report.json of the seeds through the real pipeline, and each source's text as read."""
    import shutil

    from tests.conftest import SEEDS

    home = tmp_path_factory.mktemp("seeds") / "seeds"
    shutil.copytree(SEEDS, home)
    analysis = analyze([home], Settings(), record_run=False)
    data = json.loads(jsonreport.dumps(analysis))
    return data, {s.id: s.text for s in analysis.sources}


def _check_types(obj: dict, spec: dict, where: str) -> None:
    for key, typ in spec.items():
        assert key in obj, f"{where}: missing {key}"
        if typ is float:
            assert isinstance(obj[key], (int, float)) and not isinstance(obj[key], bool), f"{where}.{key}"
        else:
            assert isinstance(obj[key], typ), f"{where}.{key}: {type(obj[key]).__name__}"


def check_contract(data: dict, texts: dict[str, str]) -> None:
    """Every contract key with its type and range, and every span true to the source text."""
    assert list(data)[: len(CONTRACT_TOP)] == CONTRACT_TOP
    assert data["schema_version"] == 1
    assert data["tool"]["name"] == "srccompare" and isinstance(data["tool"]["version"], str)
    ids = [s["id"] for s in data["sources"]]
    assert sorted(ids) == sorted(texts) and len(set(ids)) == len(ids)

    ranks = []
    for s in data["sources"]:
        _check_types(s, CONTRACT_SOURCE, f"source {s['id']}")
        assert re.fullmatch(r"[0-9a-f]{64}", s["sha256"])
        assert Path(s["path"]).stem == s["id"]
        assert 0 <= s["score"] <= 100
        assert all(0 <= v <= 1 for v in s["components"].values())
        assert set(s["flag_counts"]) == SEVERITIES and all(isinstance(v, int) for v in s["flag_counts"].values())
        lo, hi = s["interval"]
        assert lo <= hi
        for u in s["unaligned"]:
            assert texts[s["id"]][u["start"]:u["end"]] == u["text"]
        ranks.append(s["rank"])
    # Best first: ranks ascend, scores do not rise.
    assert ranks == sorted(ranks) and ranks[0] == 1
    scores = [s["score"] for s in data["sources"]]
    assert scores == sorted(scores, reverse=True)

    group_ids = set()
    for g in data["groups"]:
        _check_types(g, CONTRACT_GROUP, f"group {g['id']}")
        assert 0 <= g["similarity"] <= 1
        group_ids.add(g["id"])
        for p in g["passages"]:
            _check_types(p, CONTRACT_SPAN, f"group {g['id']} passage")
            assert texts[p["source"]][p["start"]:p["end"]] == p["text"]

    flag_ids = set()
    for f in data["flags"]:
        _check_types(f, CONTRACT_FLAG, f"flag {f['id']}")
        assert f["kind"] in {k.value for k in Kind}
        assert f["severity"] in SEVERITIES
        assert 0 <= f["confidence"] <= 1
        assert f["group"] is None or f["group"] in group_ids
        assert texts[f["source"]][f["start"]:f["end"]] == f["text"]
        for e in f["evidence"]:
            _check_types(e, CONTRACT_SPAN, f"flag {f['id']} evidence")
            assert texts[e["source"]][e["start"]:e["end"]] == e["text"]
        assert set(f["review"]) == {"status", "note"} and f["review"]["status"] in STATUSES
        flag_ids.add(f["id"])
    assert len(flag_ids) == len(data["flags"]), "flag ids must be unique"

    # flag_counts agree with the flags listed (dismissed ones are not counted).
    for s in data["sources"]:
        expected = {sev: 0 for sev in SEVERITIES}
        for f in data["flags"]:
            if f["source"] == s["id"] and f["review"]["status"] != "dismissed":
                expected[f["severity"]] += 1
        assert s["flag_counts"] == expected


def test_contract_on_seeds(seeds_report):
    data, texts = seeds_report
    check_contract(data, texts)
    assert len(data["sources"]) == 5
    assert data["groups"], "the seeds share passages"


def test_extra_keys_are_documented(seeds_report):
    """Every key beyond the contract is described in jsonreport's docstring (the README copies it)."""
    data, _ = seeds_report
    doc = jsonreport.__doc__
    for key in data:
        if key not in CONTRACT_TOP:
            assert f"``{key}``" in doc, key
    for key in data["sources"][0]:
        if key not in CONTRACT_SOURCE:
            assert f"``sources[].{key}``" in doc, key
    for key in data["groups"][0]:
        if key not in CONTRACT_GROUP:
            assert f"``groups[].{key}``" in doc, key


def test_no_volatile_fields(seeds_report):
    """No dates or timings: nothing in the JSON may change between runs on the same input."""
    data, _ = seeds_report
    text = json.dumps(data)
    assert "timings" not in data and "seconds" not in text
    assert not re.search(r"\b20\d\d-\d\d-\d\dT\d\d:", text)


@pytest.mark.slow
def test_two_runs_same_bytes(seeds_copy, tmp_path):
    """Same inputs, same JSON byte for byte, across two separate pipeline runs (the second warm)."""
    first = jsonreport.dumps(analyze([seeds_copy], Settings(), record_run=False))
    second = jsonreport.dumps(analyze([seeds_copy], Settings(), record_run=False))
    assert first == second
    assert first.endswith("}\n") and "\\u" not in first


def test_dumps_is_deterministic_and_keeps_unicode():
    analysis = build_analysis({"a": "Zhōu Ēnlái spoke in 北京.\n", "b": "Zhou Enlai spoke in 北京.\n"},
                              flags=[FlagSpec("b", "Zhou", "Zhōu", confidence=0.7)])
    one, two = jsonreport.dumps(analysis), jsonreport.dumps(analysis)
    assert one == two
    assert "北京" in one and "Zhōu" in one
    check_contract(json.loads(one), {s.id: s.text for s in analysis.sources})


def test_trio_contract_and_reviews():
    analysis = trio()
    data = jsonreport.to_dict(analysis)
    check_contract(json.loads(json.dumps(data)), {s.id: s.text for s in analysis.sources})
    gamma = next(s for s in data["sources"] if s["id"] == "gamma")
    # Five flags on gamma, one dismissed (not counted), one confirmed (counted).
    assert gamma["flag_counts"] == {"high": 3, "medium": 1, "low": 0}
    assert gamma["rank"] == 3
    statuses = {f["text"]: f["review"] for f in data["flags"]}
    assert statuses["July"] == {"status": "confirmed", "note": "checked against the ministry's statement"}
    assert statuses["usefull"]["status"] == "dismissed"
    assert data["problems"] == [{"path": "corpus/broken.pdf",
                                 "message": "corpus/broken.pdf: not a text file; save it as .txt"}]
    assert data["orphaned_reviews"][0]["flag_id"] == "f-111111111111"
    assert data["changes"]["moved_scores"] == [{"source": "alpha", "before": 80.0, "after": 88.0}]
    assert data["settings"]["pdf_max_groups"] == Settings().pdf_max_groups
    alpha = next(s for s in data["sources"] if s["id"] == "alpha")
    assert [u["text"] for u in alpha["unaligned"]] == ["Only alpha mentions the weather was hot."]


def _scrub(text: str) -> str:
    """Volatile fields out: the tool version lives only in ``tool``. The settings block follows
    ``Settings`` (others add settings), so it is checked in ``test_trio_contract_and_reviews``
    instead of here."""
    data = json.loads(text)
    assert data["tool"]["version"] == __version__
    data["tool"]["version"] = "<version>"
    data["settings"] = "<settings>"
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def test_golden_trio():
    """The hand-made three-source case against tests/golden/trio.json.

    On a mismatch the actual output is saved next to the golden file (``trio.actual.json``) so the
    difference can be read and, when intended, copied over the golden file.
    """
    actual = _scrub(jsonreport.dumps(trio()))
    golden = GOLDEN / "trio.json"
    actual_path = GOLDEN / "trio.actual.json"
    if not golden.exists() or golden.read_text(encoding="utf-8") != actual:
        actual_path.write_text(actual, encoding="utf-8")
        pytest.fail(f"report.json differs from {golden}; actual output saved to {actual_path}")
    if actual_path.exists():
        actual_path.unlink()


@pytest.mark.parametrize("status, counted", [(ReviewStatus.OPEN, 1), (ReviewStatus.CONFIRMED, 1),
                                             (ReviewStatus.DISMISSED, 0)])
def test_flag_counts_follow_review(status, counted):
    analysis = build_analysis(TWO, flags=[FlagSpec("b", "Genevea", "Geneva", severity=Severity.MEDIUM,
                                                   review=Review(status, None))])
    b = next(s for s in jsonreport.to_dict(analysis)["sources"] if s["id"] == "b")
    assert b["flag_counts"] == {"high": 0, "medium": counted, "low": 0}


TWO = {"a": "Talks opened in Geneva on Saturday.\n", "b": "Talks opened in Genevea on Saturday.\n"}


def test_loose_members_are_listed_on_their_group_only(seeds_copy):
    """With the order-aware passes on, a group they added members to lists those passage ids under
    ``loose`` (documented, a subset of the group's own passages); other groups carry no such key."""
    analysis = analyze([seeds_copy], Settings(gap_align=True, anchor_align=True, cache=False), record_run=False)
    data = json.loads(jsonreport.dumps(analysis))
    check_contract(data, {s.id: s.text for s in analysis.sources})
    with_loose = [g for g in data["groups"] if "loose" in g]
    assert with_loose, "the seeds' gap pass adds members (align's docstring: 34 -> 37 passages)"
    assert "``groups[].loose``" in jsonreport.__doc__
    by_id = {g.id: g for g in analysis.alignment.groups}
    for g in data["groups"]:
        members = {f"{p.source}:{p.index}" for p in by_id[g["id"]].passages}
        assert set(g.get("loose", [])) <= members
        assert ("loose" in g) == bool(by_id[g["id"]].loose)
