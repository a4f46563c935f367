"""Fit the confidence calibration (srccompare/calibration_table.py) on the least-tuned development stories.

usage: python -m tests.quality.calibrate [--authors K] [--dry-run]

Runs the stories of the ``K`` most recent author notes (``cases/*-AUTHOR.md``; by default the last
``RECENT_AUTHORS``) with calibration off, labels each flag by the matcher (right: a hit, a duplicate
of one, or a tolerated second reading of a planted discrepancy; wrong: a false positive, a kind error
or a trap; neither: a low note a trap allows, a known pre-existing error), fits per kind a monotone
(isotonic, scikit-learn) regression of right on the raw confidence, and writes its breakpoints as the
table ``srccompare.calibration`` reads.

Why those stories: the reported confidence should say how often a flag is right on stories nobody
tuned the checks on. The recent authors' stories were blind sets, scored before anyone read them and
tuned on for a session or two since; the older stories have been tuned on for many sessions, and
their flags are right far more often than flags on unseen stories (all 358 stories: every kind but
terms right .86-.90 of the time; the blind sets: .63-.92). Generated corpora are left out too: their
plants are easier to find than real slips.

Refit whenever the checks change what they flag; the floors test (tests/test_quality.py) fails when a
kind's mean reported confidence drifts more than ``MAX_DRIFT`` from its share of right flags.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Iterable, Iterator, Mapping, Sequence

import numpy as np
from sklearn.isotonic import IsotonicRegression

from tests.quality.matching import Verdict

TABLE_FILE = Path(__file__).resolve().parents[2] / "srccompare" / "calibration_table.py"

RECENT_AUTHORS = 8
"""The default training set: the last eight authors' stories (the blind sets of the last two sessions)."""

MIN_FLAGS = 20
"""A kind with fewer labelled flags keeps its raw confidence: too few to say how often it is right."""

PRIOR_FLAGS = 10
"""How strongly a block of the fit is pulled towards its kind's overall share of right flags."""

BOUNDS = (0.02, 0.98)
"""No calibrated confidence is 0 or 1: a few hundred flags cannot show a kind is never or always right."""

MAX_DRIFT = 0.10
"""How far a kind's mean reported confidence may stray from its share of right flags on the
hand-written stories before the floors test asks for a refit."""

_UNITS = {w: i for i, w in enumerate(
    "FIRST SECOND THIRD FOURTH FIFTH SIXTH SEVENTH EIGHTH NINTH TENTH ELEVENTH TWELFTH THIRTEENTH FOURTEENTH "
    "FIFTEENTH SIXTEENTH SEVENTEENTH EIGHTEENTH NINETEENTH".split(), start=1)}
_TENS = {w: 10 * i for i, w in enumerate("TWENTY THIRTY FORTY FIFTY SIXTY SEVENTY EIGHTY NINETY".split(), start=2)}
_TENTHS = {w[:-1] + "IETH": n for w, n in _TENS.items()}


def author_number(note: str) -> int | None:
    """FIFTY-FOURTH-AUTHOR -> 54; None for a name that is not an ordinal author note."""
    words = note.upper().removesuffix("-AUTHOR").split("-")
    if len(words) == 1:
        return _UNITS.get(words[0], _TENTHS.get(words[0]))
    if len(words) == 2 and words[0] in _TENS and words[1] in _UNITS and _UNITS[words[1]] < 10:
        return _TENS[words[0]] + _UNITS[words[1]]
    return None


def recent_stories(cases_dir: Path, authors: int = RECENT_AUTHORS) -> set[str]:
    """The stories named in the story tables (rows starting ``| story-name``) of the last ``authors``
    author notes in ``cases_dir``."""
    notes = sorted(((author_number(p.stem), p) for p in cases_dir.glob("*-AUTHOR.md")
                    if author_number(p.stem) is not None), key=lambda x: x[0])
    names = {p.name for p in cases_dir.iterdir() if p.is_dir()}
    out: set[str] = set()
    for _, note in notes[-authors:]:
        text = note.read_text(encoding="utf-8")
        out |= {n for n in names if re.search(r"^\| *\**" + re.escape(n) + r"\b", text, re.M)}
    return out


_RIGHT = {"tp": True, "duplicate": True, "fp": False, "kind_error": False, "trap": False}


def labelled(verdicts: Iterable[Verdict]) -> Iterator[tuple[str, float, bool]]:
    """(kind, confidence, right) for every flag the matcher judged right or wrong."""
    for v in verdicts:
        if v.outcome == "tolerated":
            if v.expectation is None:  # a low note on a trap that allows one: neither
                continue
            right = True
        elif v.outcome in _RIGHT:
            right = _RIGHT[v.outcome]
        else:
            continue
        yield v.flag.kind, v.flag.confidence, right


def fit(points: Iterable[tuple[str, float, bool]]) -> dict[str, tuple[tuple[float, ...], tuple[float, ...]]]:
    """Per kind with at least ``MIN_FLAGS`` points: the breakpoints (raw, calibrated) of the isotonic
    fit, each block shrunk towards the kind's share right (``PRIOR_FLAGS``), rounded to three places,
    calibrated values within ``BOUNDS``."""
    table = {}
    for kind, pts in _by_kind(points).items():
        x = np.array([c for c, _ in pts], dtype=float)
        y = np.array([r for _, r in pts], dtype=float)
        iso = _isotonic().fit(x, y)
        # Each block of the fit (flags it gives one value) is pulled towards the kind's share right
        # as if PRIOR_FLAGS more flags at that share were in it, then the result is made monotone
        # again: five flags, all right, say less than "always right".
        block = iso.predict(x)
        shrunk = np.empty_like(block)
        for v in np.unique(block):
            inside = block == v
            n = int(inside.sum())
            shrunk[inside] = (n * v + PRIOR_FLAGS * y.mean()) / (n + PRIOR_FLAGS)
        iso = _isotonic().fit(x, shrunk)
        xs, ys = [], []
        for a, b in zip(iso.X_thresholds_, iso.y_thresholds_):
            a, b = round(float(a), 3), round(float(b), 3)
            if xs and a == xs[-1]:
                ys[-1] = b
                continue
            xs.append(a)
            ys.append(b)
        table[kind] = (tuple(xs), tuple(ys))
    return table


def drift(points: Iterable[tuple[str, float, bool]]) -> dict[str, tuple[int, float, float]]:
    """Per kind with at least ``MIN_FLAGS`` points: (flags, mean confidence, share right)."""
    return {k: (len(p), float(np.mean([c for c, _ in p])), float(np.mean([r for _, r in p])))
            for k, p in _by_kind(points).items()}


def _by_kind(points: Iterable[tuple[str, float, bool]]) -> dict[str, list[tuple[float, bool]]]:
    """(confidence, right) per kind, in kind order, for the kinds with at least ``MIN_FLAGS`` points."""
    by_kind: dict[str, list[tuple[float, bool]]] = defaultdict(list)
    for kind, conf, right in points:
        by_kind[kind].append((conf, right))
    return {k: by_kind[k] for k in sorted(by_kind) if len(by_kind[k]) >= MIN_FLAGS}


def _isotonic() -> IsotonicRegression:
    return IsotonicRegression(y_min=BOUNDS[0], y_max=BOUNDS[1], increasing=True, out_of_bounds="clip")


def render(table: Mapping[str, tuple[Sequence[float], Sequence[float]]], fitted_on: str) -> str:
    lines = ['"""Generated by ``python -m tests.quality.calibrate``; do not edit by hand (see srccompare.calibration)."""',
             "", f"FITTED_ON = {fitted_on!r}", "",
             "TABLE: dict[str, tuple[tuple[float, ...], tuple[float, ...]]] = {"]
    for kind, (xs, ys) in table.items():
        lines.append(f"    {kind!r}: (")
        lines.append(f"        {tuple(xs)!r},")
        lines.append(f"        {tuple(ys)!r},")
        lines.append("    ),")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    from tests.quality import harness

    ap = argparse.ArgumentParser(prog="python -m tests.quality.calibrate", description=__doc__.split("\n\n")[0])
    ap.add_argument("--authors", type=int, default=RECENT_AUTHORS, metavar="K",
                    help=f"fit on the stories of the last K author notes (default {RECENT_AUTHORS})")
    ap.add_argument("--dry-run", action="store_true", help="print the table, do not write it")
    args = ap.parse_args(argv)
    stories = recent_stories(harness.CASES_DIR, args.authors)
    result = harness.run(sorted(stories), generated=False, overrides={"calibrate": False},
                         progress=lambda m: print(m, file=sys.stderr))
    if result.errors:
        print("; ".join(f"{r.corpus.name}: {r.error}" for r in result.errors), file=sys.stderr)
        return 1
    points = [p for r in result.runs for p in labelled(r.result.verdicts)]
    table = fit(points)
    fitted_on = (f"{len(result.runs)} hand-written stories of the last {args.authors} authors, "
                 f"{len(points)} labelled flags")
    by_kind = _by_kind(points)
    for kind, (n, mean, share) in drift(points).items():
        print(f"{kind:22s} {n:5d} flags, raw mean confidence {mean:.2f}, right {share:.2f}")
        if kind in table:
            xs, ys = table[kind]
            raw = sorted(c for c, _ in by_kind[kind])
            bins = [sum(1 for c in raw if lo <= c < hi) for lo, hi in zip(xs, [*xs[1:], 2.0])]
            print("    " + "  ".join(f"{a:.2f}->{b:.2f} ({m})" for a, b, m in zip(xs, ys, bins)))
    text = render(table, fitted_on)
    if args.dry_run:
        print(text)
    else:
        TABLE_FILE.write_text(text, encoding="utf-8")
        print(f"wrote {TABLE_FILE} ({fitted_on})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
