"""The quality harness: its matching rules, the integrity of the cases, the generator, and the floors.

The floor test runs the real pipeline on every case and generated corpus and fails when a kind's
precision or recall drops below ``tests/quality/floors.json``.
"""

from __future__ import annotations

import difflib
import json
import re
from pathlib import Path

import pytest

from srccompare.calibration_table import TABLE
from srccompare.errors import SrcCompareError
from srccompare.models import Kind
from srccompare.sources import read_source
from tests.quality import calibrate, generate, harness
from tests.quality.matching import (
    KINDS,
    Expectation,
    FoundFlag,
    Known,
    Trap,
    Truth,
    figures,
    load_expected,
    locate,
    norm_text,
    score_corpus,
)

QUALITY = Path(__file__).resolve().parent / "quality"
CASES = sorted(p for p in (QUALITY / "cases").iterdir() if p.is_dir())
FLOORS = QUALITY / "floors.json"


# --- matching rules, on fake flags -------------------------------------------------------------

TEXT = 'Secretary Bessent met Becent. "We want fair trade," Becent said. Bessent said: "We want fair trade."'
TEXTS = {"a": TEXT, "b": "Nothing here."}


def flag(kind: str, needle: str, *, nth: int = 0, source: str = "a", severity: str = "high", conf: float = 0.9) -> FoundFlag:
    spans = [m.span() for m in re.finditer(re.escape(needle), TEXTS[source])]
    s, e = spans[nth]
    return FoundFlag(source, kind, s, e, TEXTS[source][s:e], severity, conf)


def outcomes(truth: Truth, flags: list[FoundFlag]) -> list[str]:
    res = score_corpus(truth, flags, TEXTS)
    by_flag = {id(v.flag): v.outcome for v in res.verdicts}
    return [by_flag[id(f)] for f in flags]


def test_locate_finds_every_occurrence_and_narrows_by_context():
    assert len(locate(TEXT, "Becent")) == 2
    (span,) = locate(TEXT, "Becent", 'trade," Becent said')
    assert TEXT[span[0]:span[1]] == "Becent" and span[0] > TEXT.index("trade")
    assert locate(TEXT, "nowhere") == ()


def test_locate_tolerates_extraction_changes():
    extracted = "He said “we want\n fair   trade” today"
    (span,) = locate(extracted, '"we want fair trade"')
    assert extracted[span[0]:span[1]].startswith("“we")


@pytest.mark.parametrize(
    "raw, normed",
    [('"Fair trade."', "fair trade"), ("  Bessent’s ", "bessent's"), ("145 %", "145 %"), ("“Hi,” ", "hi")],
)
def test_norm_text(raw, normed):
    assert norm_text(raw) == normed


def test_same_kind_on_the_span_is_a_hit_and_a_second_is_a_duplicate():
    truth = Truth("t", (Expectation("a", "name_variant", "Becent", "Bessent"),))
    assert outcomes(truth, [flag("name_variant", "Becent"), flag("name_variant", "Becent", nth=1, conf=0.5)]) == [
        "tp",
        "duplicate",
    ]


def test_partial_overlap_is_enough():
    truth = Truth("t", (Expectation("a", "quote_variant", "We want fair trade", context='"We want fair trade," Becent'),))
    f = flag("quote_variant", "fair trade")
    assert outcomes(truth, [f]) == ["tp"]


def test_context_pins_the_occurrence():
    truth = Truth("t", (Expectation("a", "attribution_conflict", "Becent", "Bessent", context='trade," Becent said'),))
    wrong, right = flag("attribution_conflict", "Becent"), flag("attribution_conflict", "Becent", nth=1)
    assert outcomes(truth, [wrong, right]) == ["fp", "tp"]


def test_text_match_without_context_counts_even_if_offsets_differ():
    truth = Truth("t", (Expectation("a", "name_variant", "Becent"),))
    off = FoundFlag("a", "name_variant", 0, 3, "“Becent”")
    assert outcomes(truth, [off]) == ["tp"]


def test_other_source_never_matches():
    truth = Truth("t", (Expectation("b", "name_variant", "Becent"),))
    assert outcomes(truth, [flag("name_variant", "Becent")]) == ["fp"]


def test_kind_error_is_a_false_positive_and_the_expectation_stays_missed():
    truth = Truth("t", (Expectation("a", "name_variant", "Becent"),))
    res = score_corpus(truth, [flag("garbled_text", "Becent")], TEXTS)
    assert [v.outcome for v in res.verdicts] == ["kind_error"]
    assert len(res.misses) == 1 and res.misses[0].near[0].kind == "garbled_text"
    per, total = figures([res])
    assert per["garbled_text"].fp == 1 and per["name_variant"].fn == 1 and total.tp == 0


def test_also_kinds_are_tolerated_not_counted():
    truth = Truth("t", (Expectation("a", "term_variant", "fair", also=("quote_variant",)),))
    res = score_corpus(truth, [flag("quote_variant", "We want fair trade")], TEXTS)
    assert [v.outcome for v in res.verdicts] == ["tolerated"]
    per, _ = figures([res])
    assert per["quote_variant"].fp == 0 and per["quote_variant"].tp == 0 and per["term_variant"].fn == 1


def test_inside_a_quotation_the_quote_kind_and_the_changed_words_kind_read_each_other() -> None:
    text = 'Ms Okoro said: "The ferry will run every hour from June." Ferry tickets cost more in June.'
    texts = {"a": text}

    def at(kind: str, needle: str, nth: int = 0) -> FoundFlag:
        s = [m.start() for m in re.finditer(re.escape(needle), text)][nth]
        return FoundFlag("a", kind, s, s + len(needle), needle, "high", 0.9)

    def outcome(expectation: Expectation, f: FoundFlag) -> str:
        return score_corpus(Truth("t", (expectation,)), [f], texts).verdicts[0].outcome

    quote = Expectation("a", "quote_variant", "The ferry will run every hour from June")
    assert outcome(quote, at("term_variant", "every hour")) == "tolerated"
    assert outcome(quote, at("date_conflict", "June")) == "tolerated"
    changed_word = Expectation("a", "term_variant", "every hour")
    assert outcome(changed_word, at("quote_variant", "The ferry will run every hour from June")) == "tolerated"
    # Outside the quotation a flag of another kind stays a kind error.
    outside = Expectation("a", "date_conflict", "June", context="more in June")
    assert outcome(outside, at("term_variant", "June", nth=1)) == "kind_error"


@pytest.mark.parametrize(
    "allow_low, severity, outcome",
    [(False, "low", "trap"), (True, "low", "tolerated"), (True, "medium", "trap")],
)
def test_traps(allow_low, severity, outcome):
    truth = Truth("t", (), (Trap("a", "Secretary Bessent", "title + name", allow_low),))
    assert outcomes(truth, [flag("name_variant", "Bessent", severity=severity)]) == [outcome]


def test_known_pre_existing_errors_are_not_scored():
    truth = Truth("t", (), (), (Known("a", "Becent", "in the original"),))
    res = score_corpus(truth, [flag("name_variant", "Becent")], TEXTS)
    assert [v.outcome for v in res.verdicts] == ["ignored"]
    per, total = figures([res])
    assert total.fp == 0 and total.tp == 0 and per["name_variant"].found == 1


def test_figures_precision_and_recall():
    truth = Truth(
        "t",
        (Expectation("a", "name_variant", "Becent", context='met Becent'), Expectation("a", "number_conflict", "fair")),
    )
    res = score_corpus(truth, [flag("name_variant", "Becent"), flag("name_variant", "Secretary")], TEXTS)
    per, total = figures([res])
    assert (per["name_variant"].precision, per["name_variant"].recall) == (0.5, 1.0)
    assert per["number_conflict"].precision is None and per["number_conflict"].recall == 0.0
    assert per["date_conflict"].recall is None
    assert (total.expected, total.tp, total.fp, total.fn) == (2, 1, 1, 1)


def test_kinds_match_the_models():
    assert set(KINDS) == {k.value for k in Kind}


# --- the hand-written cases ----------------------------------------------------------------------


def _sources(case: Path) -> list[Path]:
    return sorted(f for f in case.iterdir() if f.is_file() and f.suffix in generate.SOURCE_EXTS)


def test_there_are_enough_cases_covering_every_kind():
    assert len(CASES) >= 8
    kinds = [e.kind for c in CASES for e in load_expected(json.loads((c / "expected.json").read_text()), c.name).expectations]
    for k in KINDS:
        assert kinds.count(k) >= 5, f"only {kinds.count(k)} hand-written {k} expectations"


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_case_sources_are_readable(case: Path):
    """srccompare reads every source (front matter included): one unreadable file stops the whole run."""
    for f in _sources(case):
        try:
            read_source(f)
        except SrcCompareError as exc:
            pytest.fail(str(exc))


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_case_is_well_formed(case: Path):
    files = _sources(case)
    assert 3 <= len(files) <= 6
    visible = {f.stem: generate.visible_text(f.name, f.read_text(encoding="utf-8")) for f in files}
    for stem, text in visible.items():
        sentences = len(re.findall(r"[.!?][\"”]?(?=\s|$)", text))
        # (Up to 40: the long, dense stories of 450-600 words retired in session 12 run to 31.)
        assert 6 <= sentences <= 40, f"{stem}: {sentences} sentences"
    truth = load_expected(json.loads((case / "expected.json").read_text(encoding="utf-8")), case.name)
    assert_locatable(truth, visible)


def assert_locatable(truth, visible: dict[str, str]) -> None:
    """Every expectation is found exactly once where it says (or once inside its unique context)
    and every trap is found: otherwise the harness would score against nothing."""
    for e in truth.expectations:
        assert e.source in visible, e
        spans = locate(visible[e.source], e.text, e.context)
        assert len(spans) >= 1, f"{e.source}: {e.text!r} not found"
        if e.context is None:
            assert len(spans) == 1, f"{e.source}: {e.text!r} occurs {len(spans)} times; give a context"
        else:
            assert len(locate(visible[e.source], e.context)) == 1, f"{e.source}: context {e.context!r} not unique"
    for t in truth.traps:
        assert t.source in visible, t
        assert locate(visible[t.source], t.text), f"{t.source}: trap {t.text!r} not found"


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_clean_copy_differs_only_where_a_flag_is_expected(case: Path):
    """``clean/`` holds the sources before planting; every difference must be an expected flag."""
    truth = load_expected(json.loads((case / "expected.json").read_text(encoding="utf-8")), case.name)
    clean_dir = case / "clean"
    if not truth.expectations:
        # A trap-only story has nothing planted, so it has no clean copies either.
        assert not clean_dir.exists()
        return
    planted_sources = {e.source for e in truth.expectations}
    assert {f.stem for f in clean_dir.iterdir()} == planted_sources
    for f in _sources(case):
        planted = f.read_text(encoding="utf-8")
        clean_file = clean_dir / f.name
        if not clean_file.exists():
            continue
        clean = clean_file.read_text(encoding="utf-8")
        spans = [sp for e in truth.expectations if e.source == f.stem for sp in locate(planted, e.text, e.context)]
        contexts = [sp for e in truth.expectations if e.source == f.stem for sp in locate(planted, e.context or e.text)]
        # Compare word by word: a changed word (or a run of them) must lie on an expected flag.
        cw = [m.group() for m in re.finditer(r"\S+", clean)]
        pw = list(re.finditer(r"\S+", planted))
        sm = difflib.SequenceMatcher(None, cw, [m.group() for m in pw], autojunk=False)
        changes = 0
        for op, _i1, _i2, j1, j2 in sm.get_opcodes():
            if op == "equal":
                continue
            changes += 1
            if j1 == j2:  # words deleted: the place between the neighbours
                lo = pw[j1 - 1].start() if j1 else 0
                hi = pw[j1].end() if j1 < len(pw) else len(planted)
            else:
                lo, hi = pw[j1].start(), pw[j2 - 1].end()
            assert any(s < hi and lo < e for s, e in spans + contexts), (
                f"{f.name}: change at {planted[max(0, lo - 20):hi + 20]!r} is not an expected flag"
            )
        assert changes, f"{f.name}: clean copy is identical to the planted one"


# --- the generator --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpora():
    return generate.build_corpora(seed=7, per_corpus=7)


@pytest.fixture(scope="module")
def materials():
    """Every generated corpus's clean material by the corpus's name (read once: reading every case
    again for each of ~280 corpora was most of these tests' time)."""
    return {f"gen:{m.name}": m for m in [*generate.hand_materials(), generate.seed_material()]}


def test_generator_is_deterministic(corpora, materials):
    # Each corpus is planted from its own (seed, name) stream, so every seventh one stands for all.
    some = corpora[::7]
    subset = [materials[c.name] for c in some]
    again = generate.build_corpora(seed=7, per_corpus=7, materials=subset)
    assert [c.plants for c in again] == [c.plants for c in some]
    other = generate.build_corpora(seed=8, per_corpus=7, materials=subset)
    assert [c.plants for c in other] != [c.plants for c in some]


def test_generator_plants_every_kind_with_clear_truth(corpora, materials):
    kinds = {p.kind for c in corpora for p in c.plants}
    assert kinds == set(KINDS)
    for c in corpora:
        material = dict(materials[c.name].files)
        files = dict(c.files)
        for e in c.truth.expectations:
            fname = next(n for n in files if Path(n).stem == e.source)
            text = files[fname]
            spans = locate(text, e.text, e.context)
            assert len(spans) == 1, (c.name, e)
            s, t = spans[0]
            # The corrupted words sit where the original ones did; the original is gone from there.
            assert text[s:t] == e.text
            assert e.text != e.expected
        changed = {Path(p.source).stem for p in c.plants}
        for fname, text in files.items():
            if Path(fname).stem not in changed:
                assert text == material[fname]


def test_generator_only_corrupts_corroborated_elements(corpora, materials):
    for c in corpora:
        view = generate._Corpus(materials[c.name])
        for p in c.plants:
            if p.kind == "number_conflict":
                value = float(p.original.replace(",", ""))
                assert sum(value in view.numbers[o] for o in view.others(p.source)) >= 2, p
            elif p.kind in ("name_variant", "attribution_conflict"):
                assert view.support(p.source, p.original.split()[-1], case=True) >= 2, p
            elif p.kind == "garbled_text":
                assert view.support(p.source, p.original) >= 2, p


def test_seed_known_errors_exist():
    seeds = dict(generate.seed_material().files)
    for k in generate.SEED_KNOWN:
        assert any(Path(n).stem == k.source and k.text in t for n, t in seeds.items()), k


# --- the floors ----------------------------------------------------------------------------------


def test_floors_file_lists_every_kind():
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    missing = {k.value for k in Kind} - set(floors["kinds"])
    assert not missing, f"tests/quality/floors.json has no floor for {sorted(missing)}"
    for k, f in floors["kinds"].items():
        assert set(f) == {"precision", "recall"} and all(0.0 <= v <= 1.0 for v in f.values()), k


@pytest.mark.slow
def test_quality_does_not_fall_below_the_floors():
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    missing = {k.value for k in Kind} - set(floors["kinds"])
    assert not missing, f"tests/quality/floors.json has no floor for {sorted(missing)}"
    result = harness.run(seed=floors["seed"], per_corpus=floors["per_corpus"])
    assert not result.errors, "; ".join(f"{r.corpus.name}: {r.error}" for r in result.errors)
    per, _total = result.figures(None if floors.get("scope", "all") == "all" else floors["scope"])
    below = []
    for kind, floor in sorted(floors["kinds"].items()):
        got = per[kind]
        for measure in ("precision", "recall"):
            value = getattr(got, measure)
            # No flag of a kind at all leaves precision undefined; the recall floor catches that case.
            if value is not None and value + 1e-9 < floor[measure]:
                below.append(f"{kind} {measure} {value:.2f} < floor {floor[measure]:.2f}")
    assert not below, "quality fell below the floors (run `python -m tests.quality.harness`):\n" + "\n".join(below)
    # The reported confidence of each kind still says how often its flags are right (on the stories
    # the calibration is fitted on): a check change or a retirement that moves it asks for a refit.
    recent = calibrate.recent_stories(harness.CASES_DIR)
    points = (p for r in result.runs if r.corpus.origin == "hand" and r.corpus.name in recent
              for p in calibrate.labelled(r.result.verdicts))
    stale = [f"{k}: mean confidence {mean:.2f}, right {share:.2f} of {n}"
             for k, (n, mean, share) in calibrate.drift(points).items()
             if k in TABLE and abs(mean - share) > calibrate.MAX_DRIFT]
    assert not stale, "the confidence calibration is stale (run `python -m tests.quality.calibrate`):\n" + "\n".join(stale)


@pytest.mark.parametrize("seed", [7, 11])
def test_generated_corpora_keep_the_cases_traps_except_where_planted(corpora, seed: int):
    """A legitimate variant of the clean story stays legitimate after planting elsewhere: the hand-
    written traps carry over, except those whose words a plant changed or touches (seed 11 plants
    on two trap places)."""
    if seed != 7:
        corpora = generate.build_corpora(seed=seed, per_corpus=7)
    materials = {f"gen:{m.name}": m for m in generate.hand_materials()}
    carried = 0
    for c in corpora:
        if c.name not in materials:
            assert not c.truth.traps  # the seeds have no traps
            continue
        files = dict(c.files)
        stems = {Path(n).stem: n for n in files}
        assert set(c.truth.traps) <= set(materials[c.name].traps)
        for t in c.truth.traps:
            spans = locate(files[stems[t.source]], t.text)
            assert spans, t
            for e in c.truth.expectations:
                if e.source == t.source:
                    for es, ee in locate(files[stems[e.source]], e.text, e.context):
                        assert not any(s < ee and es < end for s, end in spans), (t, e)
        carried += len(c.truth.traps)
    assert carried >= 0.9 * sum(len(m.traps) for m in materials.values())


def test_generated_speaker_swaps_name_another_person(corpora):
    """A swapped speaker is another person: never another part of the same person's name
    ("Alemitu" for "Bekele" where the material prints "Alemitu Bekele")."""
    materials = {f"gen:{m.name}": m for m in [*generate.hand_materials(), generate.seed_material()]}
    swaps = 0
    for c in corpora:
        text = "\n".join(t for _n, t in materials[c.name].files)
        for p in c.plants:
            if p.kind != "attribution_conflict":
                continue
            swaps += 1
            a, b = p.new.split()[-1], p.original.split()[-1]
            assert not re.search(rf"\b({re.escape(a)}\s+{re.escape(b)}|{re.escape(b)}\s+{re.escape(a)})\b", text), (c.name, p)
    assert swaps >= 10


def test_harness_set_types_settings_and_rejects_unknown_ones():
    import argparse

    ap = argparse.ArgumentParser()
    assert harness.parse_overrides(["anchor_align=true", "min_similarity = 0.25"], ap) == {
        "anchor_align": True, "min_similarity": 0.25}
    for bad in (["no_such_setting=1"], ["min_similarity=high"], ["anchor_align"]):
        with pytest.raises(SystemExit):
            harness.parse_overrides(bad, ap)
