"""``tests.quality.compare``: what changed between two harness runs, story by story."""

from __future__ import annotations

import json

import pytest

from tests.quality import compare


def _doc(fps, fns, tp=5):
    def item(corpus, kind, text):
        return {"corpus": corpus, "source": "02_mt", "kind": kind, "text": text}

    rows = {k: {"kind": k, "tp": tp, "fp": sum(f[1] == k for f in fps), "fn": sum(f[1] == k for f in fns)}
            for k in ("name_variant", "term_variant")}
    return {"all": {"kinds": rows}, "false_positives": [item(*f) for f in fps],
            "false_negatives": [item(*f) for f in fns]}


BEFORE = _doc(fps=[("quarry", "term_variant", "big")], fns=[("quarry", "name_variant", "Oleksy"),
                                                            ("harbour", "term_variant", "sea fence")])
AFTER = _doc(fps=[("harbour", "term_variant", "tide")], fns=[("quarry", "name_variant", "Oleksy")], tp=6)


def test_changes_are_listed_by_story_and_counted():
    c = compare.compare(BEFORE, AFTER)
    assert c.new_fp == (("harbour", "02_mt", "term_variant", "tide"),)
    assert c.gone_fp == (("quarry", "02_mt", "term_variant", "big"),)
    assert c.gone_fn == (("harbour", "02_mt", "term_variant", "sea fence"),)
    assert c.new_fn == ()
    assert c.stories == ("harbour", "quarry")
    assert ("term_variant", (5, 1, 1), (6, 1, 0)) in c.figures
    text = compare.format_comparison(c)
    assert "miss found 02_mt term_variant \"sea fence\"" in text and text.endswith("2 stories changed")


def test_kind_filter_keeps_only_that_kind():
    c = compare.compare(BEFORE, AFTER, kinds=["name_variant"])
    assert c.stories == () and [f[0] for f in c.figures] == ["name_variant"]


def test_cli_rejects_a_file_that_is_not_harness_output(tmp_path, capsys):
    good, bad = tmp_path / "a.json", tmp_path / "b.json"
    good.write_text(json.dumps(BEFORE), encoding="utf-8")
    bad.write_text(json.dumps({"flags": []}), encoding="utf-8")
    with pytest.raises(SystemExit) as exc:
        compare.main([str(good), str(bad)])
    assert exc.value.code == 2 and "not a harness --json file" in capsys.readouterr().err
    assert compare.main([str(good), str(good)]) == 0
    assert capsys.readouterr().out.endswith("0 stories changed\n")
