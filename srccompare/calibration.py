"""Calibrate confidence: a flag's confidence is how often flags like it were right.

Each check sets a confidence from its own evidence (how many sources agree, how close two spellings
are), and those numbers are not comparable across kinds: on the development stories a term flag at
0.8 was right about one time in three, a date flag at 0.5 about seven in ten. A reader takes
"confidence 80%" at its word, and the reliability score weighs every flag by it, so the raw number
is mapped per kind onto the share of flags that were right at that raw confidence.

The map (``calibration_table.TABLE``) is fitted offline by ``python -m tests.quality.calibrate`` on
the hand-written development stories of the quality harness: for each kind, a monotone (isotonic)
regression of "the flag points at a planted discrepancy" on the raw confidence, kept as the
breakpoints of a piecewise-linear map. It keeps the order of a kind's flags and says, for this kind
at this confidence, what share was right there. Stories nobody tuned the checks on come out lower
(the blind sets' precision is below development's), so the map is an upper estimate; the floors
test refuses a table whose mean drifts from what the current checks achieve.

In: the checks' flags. Out: the same flags, confidence replaced. A kind without a table row keeps
its raw confidence.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Mapping, Sequence

import numpy as np

from srccompare.calibration_table import TABLE
from srccompare.models import Flag

DIGITS = 3


def calibrate(flags: Sequence[Flag], table: Mapping[str, tuple[tuple[float, ...], tuple[float, ...]]] = TABLE) -> tuple[Flag, ...]:
    """Every flag with its confidence mapped through its kind's row of ``table`` (raw breakpoints,
    calibrated values; linear between breakpoints, flat beyond the ends)."""
    out = []
    for f in flags:
        row = table.get(f.kind.value)
        if row is None:
            out.append(f)
            continue
        xs, ys = row
        out.append(replace(f, confidence=round(float(np.interp(f.confidence, xs, ys)), DIGITS)))
    return tuple(out)


def explanation(calibrated: bool = True) -> str:
    """What the report tells its reader a flag's confidence means."""
    if not calibrated or not TABLE:
        return "Confidence says how sure the check is that the source, not the others, departs (not calibrated in this run)."
    return ("Confidence is how often flags of that kind, at that confidence, were right on the quality "
            "harness's least-tuned stories (blind test sets written by people who never saw the checks); "
            "on stories unlike those it may be lower.")
