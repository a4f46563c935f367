"""Measure a rerun after adding one source, with and without the content cache.

The situation the cache is for: a journalist has analysed a large folder, adds one late article and
reruns. With the cache only the new source is read, segmented and vectorised; the rest comes from
``DIR/.srccompare/cache``. Without it every source is redone. Alignment, checks and scoring run on
the whole set either way.

    python -m bench.rerun --size 1000 --repeat 3

Prints the median wall time of ``pipeline.analyze`` (and of each stage) over ``--repeat`` runs in
each mode, plus the cold first run that fills the cache. The corpus is ``bench.corpus`` with seed 0;
the added source is the generator's next one, so every figure is reproducible.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import time
from pathlib import Path
from typing import Sequence

from bench.corpus import generate, make_source, seed_articles
from srccompare.pipeline import analyze
from srccompare.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


def _timed(folder: Path, settings: Settings) -> tuple[float, dict[str, float], int]:
    t0 = time.perf_counter()
    analysis = analyze([folder], settings)
    return time.perf_counter() - t0, dict(analysis.timings), len(analysis.sources)


def _median_stages(runs: Sequence[dict[str, float]]) -> dict[str, float]:
    return {name: statistics.median(r[name] for r in runs) for name in runs[0]}


def _fmt_stages(stages: dict[str, float]) -> str:
    return ", ".join(f"{k} {v:.2f}" for k, v in stages.items())


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time a rerun after adding one source, with and without the cache.")
    parser.add_argument("--size", type=int, default=1000, help="sources before the one added (default 1000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per mode; medians are reported (default 3)")
    parser.add_argument("--work", type=Path, default=ROOT / "bench" / "out" / "rerun",
                        help="scratch folder (replaced)")
    args = parser.parse_args(argv)

    folder = args.work / f"n{args.size}"
    if args.work.exists():
        shutil.rmtree(args.work)
    # generate() writes into a folder of its own; copy the articles so its marker file stays out
    generated = generate(args.size, args.work / "generated")
    folder.mkdir(parents=True)
    for p in generated:
        shutil.copy(p, folder / p.name)
    extra = folder / f"src{args.size:06d}.txt"
    made = make_source(args.size, seed_articles(), 0)
    extra_text = made[0] if isinstance(made, tuple) else made  # (text, sentence labels) in newer corpus.py

    cached = Settings()
    uncached = Settings(cache=False)

    cold, cold_stages, n = _timed(folder, cached)
    print(f"first run, {n} sources, cache empty: {cold:.2f} s ({_fmt_stages(cold_stages)})", flush=True)

    cache_dir = folder / ".srccompare" / "cache"
    before = {p.name for p in cache_dir.iterdir()}
    last_run = (folder / ".srccompare" / "last-run.json").read_bytes()
    with_cache: list[float] = []
    with_stages: list[dict[str, float]] = []
    for _ in range(args.repeat):
        extra.write_text(extra_text, encoding="utf-8")
        seconds, stages, n = _timed(folder, cached)
        with_cache.append(seconds)
        with_stages.append(stages)
        print(f"  rerun with cache: {seconds:.2f} s ({_fmt_stages(stages)})", flush=True)
        # back to the state before the article was added: its entry and the run record go
        extra.unlink()
        for p in cache_dir.iterdir():
            if p.name not in before:
                p.unlink()
        (folder / ".srccompare" / "last-run.json").write_bytes(last_run)
    extra.write_text(extra_text, encoding="utf-8")

    without_cache: list[float] = []
    without_stages: list[dict[str, float]] = []
    for _ in range(args.repeat):
        seconds, stages, n = _timed(folder, uncached)
        without_cache.append(seconds)
        without_stages.append(stages)
        print(f"  rerun without cache: {seconds:.2f} s ({_fmt_stages(stages)})", flush=True)

    size_mb = sum(p.stat().st_size for p in cache_dir.iterdir()) / 1e6
    print(f"rerun after adding one source ({n} sources), median of {args.repeat}:")
    print(f"  with cache:    {statistics.median(with_cache):7.2f} s  runs {', '.join(f'{x:.2f}' for x in with_cache)}"
          f"  ({_fmt_stages(_median_stages(with_stages))})")
    print(f"  without cache: {statistics.median(without_cache):7.2f} s  runs {', '.join(f'{x:.2f}' for x in without_cache)}"
          f"  ({_fmt_stages(_median_stages(without_stages))})")
    print(f"  cache on disk: {size_mb:.1f} MB in {sum(1 for _ in cache_dir.iterdir())} entries")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
