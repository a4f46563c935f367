"""Confidence calibration: the map (srccompare.calibration) and its fit (tests/quality/calibrate.py)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from srccompare.calibration import calibrate
from srccompare.calibration_table import TABLE
from srccompare.models import Kind, Severity
from srccompare.pipeline import analyze
from srccompare.settings import Settings
from tests.quality.calibrate import BOUNDS, MIN_FLAGS, author_number, drift, fit, labelled, recent_stories, render
from tests.quality.matching import Expectation, FoundFlag, Verdict

ROOT = Path(__file__).resolve().parents[1]


def _flag(kind: Kind, confidence: float):
    from srccompare.models import Flag

    return Flag(id=f"f-{kind.value}-{confidence}", source="a", kind=kind, start=0, end=4, text="Orvk",
                expected="Orvik", evidence=(), severity=Severity.MEDIUM, confidence=confidence, group=None,
                message="m")


def test_confidence_is_read_off_the_kinds_row_and_other_kinds_keep_theirs():
    table = {"name_variant": ((0.5, 0.9), (0.6, 0.8))}
    got = calibrate([_flag(Kind.NAME_VARIANT, c) for c in (0.3, 0.5, 0.7, 0.9, 1.0)] + [_flag(Kind.DATE_CONFLICT, 0.7)], table)
    assert [f.confidence for f in got] == [0.6, 0.6, 0.7, 0.8, 0.8, 0.7]
    assert [f.id for f in got[:5]] == [f"f-name_variant-{c}" for c in (0.3, 0.5, 0.7, 0.9, 1.0)]


def _verdict(outcome: str, conf: float, kind: str = "term_variant", planted: bool = True) -> Verdict:
    f = FoundFlag(source="a", kind=kind, start=0, end=3, text="x", confidence=conf)
    e = Expectation(source="a", kind=kind, text="x") if planted else None
    return Verdict(f, outcome, e)


def test_flags_are_labelled_right_wrong_or_left_out():
    vs = [_verdict("tp", .9), _verdict("duplicate", .8), _verdict("tolerated", .7), _verdict("tolerated", .6, planted=False),
          _verdict("fp", .5), _verdict("kind_error", .4), _verdict("trap", .3), _verdict("ignored", .2)]
    assert list(labelled(vs)) == [("term_variant", .9, True), ("term_variant", .8, True), ("term_variant", .7, True),
                                  ("term_variant", .5, False), ("term_variant", .4, False), ("term_variant", .3, False)]


def test_the_fit_is_monotone_bounded_and_keeps_each_kinds_share_right():
    rng = np.random.default_rng(3)
    raw = rng.uniform(0.5, 1.0, 600)
    right = rng.uniform(0, 1, 600) < (raw - 0.3)  # right more often at higher raw confidence
    pts = [("name_variant", float(c), bool(r)) for c, r in zip(raw, right)]
    pts += [("term_variant", 0.9, i % 3 == 0) for i in range(3 * MIN_FLAGS)]  # one in three right at every confidence
    pts += [("date_conflict", 0.8, True)] * (MIN_FLAGS - 1)  # too few: no row
    table = fit(pts)
    assert set(table) == {"name_variant", "term_variant"}
    xs, ys = table["name_variant"]
    assert list(xs) == sorted(xs) and list(ys) == sorted(ys)
    assert BOUNDS[0] <= min(ys) and max(ys) <= BOUNDS[1]
    mapped = [float(np.interp(c, xs, ys)) for c in raw]
    assert abs(np.mean(mapped) - np.mean(right)) < 0.01
    assert table["term_variant"][1] == (0.333,)
    n, mean, share = drift(pts)["term_variant"]
    assert (n, round(mean, 3), round(share, 3)) == (3 * MIN_FLAGS, 0.9, 0.333)


def test_the_rendered_table_is_the_table():
    table = {"name_variant": ((0.5, 0.9), (0.6, 0.8))}
    ns: dict = {}
    exec(render(table, "two stories"), ns)
    assert ns["TABLE"] == table and ns["FITTED_ON"] == "two stories"


def test_the_shipped_table_maps_every_kind_monotonically_into_bounds():
    assert set(TABLE) <= {k.value for k in Kind}
    for kind, (xs, ys) in TABLE.items():
        assert len(xs) == len(ys) >= 1, kind
        assert list(xs) == sorted(xs) and list(ys) == sorted(ys), kind
        assert BOUNDS[0] <= ys[0] and ys[-1] <= BOUNDS[1], kind


def test_calibration_changes_only_confidence():
    on = analyze([ROOT / "seeds"], Settings(cache=False), record_run=False).flags
    off = analyze([ROOT / "seeds"], Settings(cache=False, calibrate=False), record_run=False).flags
    strip = lambda fs: [(f.id, f.source, f.kind, f.start, f.end, f.severity, f.expected, f.message) for f in fs]
    assert strip(on) == strip(off)
    assert [f.confidence for f in on] == [f.confidence for f in calibrate(off)]


def test_author_notes_are_ordered_by_their_ordinal(tmp_path):
    assert [author_number(n) for n in ("SECOND-AUTHOR", "TWELFTH-AUTHOR", "THIRTIETH-AUTHOR", "FIFTY-FOURTH-AUTHOR",
                                       "README", "TWENTY-TWELFTH-AUTHOR")] == [2, 12, 30, 54, None, None]
    for n, story in ((9, "ferry-halt-orvik"), (10, "dam-vote-saltholm"), (11, "port-fees-nordby")):
        (tmp_path / story).mkdir()
        (tmp_path / f"{['NINTH', 'TENTH', 'ELEVENTH'][n - 9]}-AUTHOR.md").write_text(
            f"# Author {n}\n\n| story | sources |\n|---|---|\n| {story} | 4 |\n", encoding="utf-8")
    assert recent_stories(tmp_path, 2) == {"dam-vote-saltholm", "port-fees-nordby"}
