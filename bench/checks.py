"""CPU time of each discrepancy check on a folder of sources, after reading and alignment.

    .venv/bin/python -m bench.checks bench/out/n1000            # one line per check
    .venv/bin/python -m bench.checks seeds --repeat 3           # medians of 3

The checks share lazily built views of the story (tokens, word counts, the quotes and speakers of
``checks/speech.py``); each view is charged to the first check that asks for it, as in a real run,
so the order is that of ``srccompare.checks.CHECKS``. Process CPU time, not wall time: the machines
these figures come from are shared, and CPU time moves much less with their load.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from bench.run import STAGES
from srccompare.checks import CHECKS, CheckContext, run_checks
from srccompare.settings import Settings


def measure(folder: Path, settings: Settings) -> tuple[list[tuple[str, float, int]], float, int]:
    """Per check (name, CPU seconds, flags before overlap resolution), then the whole
    ``run_checks`` call on a fresh context (seconds, flags reported)."""
    state = {"dir": folder, "settings": settings}
    for stage in ("read", "segment", "count", "align"):  # the benchmark's own stage functions
        STAGES[stage](state)
    alignment = state["alignment"]
    by_id = {s.id: s for s in state["sources"]}

    ctx = CheckContext(sources=by_id, alignment=alignment, settings=settings)
    rows = []
    for check in CHECKS:
        t0 = time.process_time()
        flags = list(check.run(ctx))
        rows.append((type(check).__name__, time.process_time() - t0, len(flags)))

    t0 = time.process_time()
    reported = run_checks(CheckContext(sources=by_id, alignment=alignment, settings=settings))
    return rows, time.process_time() - t0, len(reported)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="CPU time of each check on a folder of sources.")
    parser.add_argument("folder", type=Path)
    parser.add_argument("--repeat", type=int, default=1, help="runs; medians are printed (default 1)")
    args = parser.parse_args(argv)
    settings = Settings(cache=False)
    runs = [measure(args.folder, settings) for _ in range(max(1, args.repeat))]
    print(f"{args.folder}: {len(runs)} run(s), CPU seconds (median)")
    for i, (name, _, n) in enumerate(runs[0][0]):
        print(f"  {name:<18} {statistics.median(r[0][i][1] for r in runs):8.2f}  {n:6d} flags")
    print(f"  {'run_checks':<18} {statistics.median(r[1] for r in runs):8.2f}  {runs[0][2]:6d} flags reported")


if __name__ == "__main__":
    main()
