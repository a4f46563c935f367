"""The held-out quality cases (``tests/quality/holdout/``) are well-formed and kept apart.

The held-out set is scored with ``python -m tests.quality.harness --holdout``. These tests check
only that its cases are honest test material, with the same integrity checks as the development
set (``tests/test_quality.py``): every difference between ``clean/`` and a planted file is an
expected flag, and every expected text and trap can be found where it is said to be. They assert
no precision or recall: floors for the held-out set are the lead's decision.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests import test_quality as dev
from tests.quality import generate, harness
from tests.quality.matching import KINDS, load_expected, locate

QUALITY = Path(__file__).resolve().parent / "quality"
HOLDOUT = sorted(p for p in (QUALITY / "holdout").iterdir() if p.is_dir())


def _truth(case: Path):
    return load_expected(json.loads((case / "expected.json").read_text(encoding="utf-8")), case.name)


def _visible(case: Path) -> dict[str, str]:
    return {
        f.stem: generate.visible_text(f.name, f.read_text(encoding="utf-8"))
        for f in sorted(case.iterdir())
        if f.is_file() and f.suffix in generate.SOURCE_EXTS
    }


def test_holdout_has_six_cases_covering_every_kind():
    assert len(HOLDOUT) >= 6
    kinds = [e.kind for c in HOLDOUT for e in _truth(c).expectations]
    for k in KINDS:
        assert kinds.count(k) >= 6, f"only {kinds.count(k)} held-out {k} expectations"


def test_holdout_stories_are_not_development_stories():
    dev_names = {p.name for p in dev.CASES}
    assert not dev_names & {p.name for p in HOLDOUT}
    # The generator builds its corpora from the development cases only; held-out material must not
    # leak into what the checks are tuned on.
    assert {m.name for m in generate.hand_materials()} == dev_names


@pytest.mark.parametrize("case", HOLDOUT, ids=lambda p: p.name)
def test_holdout_case_is_well_formed(case: Path):
    dev.test_case_is_well_formed(case)


@pytest.mark.parametrize("case", HOLDOUT, ids=lambda p: p.name)
def test_holdout_clean_copy_differs_only_where_a_flag_is_expected(case: Path):
    dev.test_clean_copy_differs_only_where_a_flag_is_expected(case)


@pytest.mark.parametrize("case", HOLDOUT, ids=lambda p: p.name)
def test_holdout_expectations_are_complete_and_traps_plentiful(case: Path):
    """Every flag names its consensus form, differs from it, and no trap sits on an expected flag."""
    doc = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    assert doc["case"] == case.name
    truth = _truth(case)
    assert 8 <= len(truth.expectations) <= 13
    assert len(truth.traps) >= 8
    visible = _visible(case)
    flagged: dict[str, list[tuple[int, int]]] = {}
    for e in truth.expectations:
        assert e.expected, f"{e.source}: {e.text!r} has no expected form"
        assert e.text.strip() != e.expected.strip(), e  # case alone may be the error (odd capitals)
        assert set(e.also) <= set(KINDS) and e.kind not in e.also, e
        flagged.setdefault(e.source, []).extend(locate(visible[e.source], e.text, e.context))
    for t in truth.traps:
        assert t.why, t
        for s, end in locate(visible[t.source], t.text):
            clash = [sp for sp in flagged.get(t.source, []) if sp[0] < end and s < sp[1]]
            assert not clash, f"{t.source}: trap {t.text!r} overlaps an expected flag"


@pytest.mark.parametrize("case", HOLDOUT, ids=lambda p: p.name)
def test_holdout_sources_mix_formats(case: Path):
    """Each case is read as srccompare reads real folders: plain text plus at least one other format."""
    suffixes = {f.suffix for f in case.iterdir() if f.is_file() and f.suffix in generate.SOURCE_EXTS}
    assert ".txt" in suffixes and suffixes & {".md", ".html"}
    for f in case.iterdir():
        if f.suffix == ".md":
            assert generate.FRONT_MATTER_RE.match(f.read_text(encoding="utf-8")), f"{f.name}: no front matter"
        if f.suffix == ".html":
            assert re.search(r"<(nav|footer|aside)\b", f.read_text(encoding="utf-8")), f"{f.name}: no page clutter"


def test_harness_holdout_option_selects_only_the_holdout_cases(monkeypatch):
    """``--holdout`` scores the held-out cases and nothing else; the default still scores the development set."""
    seen: list[str] = []

    def fake_analyze(corpus: harness.Corpus) -> harness.CorpusRun:
        seen.append(f"{corpus.origin}:{corpus.name}")
        return harness.CorpusRun(corpus, harness.score_corpus(corpus.truth, [], {}), None, 0.0)

    monkeypatch.setattr(harness, "analyze_corpus", fake_analyze)
    harness.run(holdout=True)
    assert seen == [f"hand:{p.name}" for p in HOLDOUT]
    seen.clear()
    harness.run(generated=False)
    assert seen == [f"hand:{p.name}" for p in dev.CASES]
