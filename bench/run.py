"""Benchmark srccompare's stages on generated corpora of growing size.

    python -m bench.run --sizes 100,1000,10000
    python -m bench.run --sizes 100,1000 --repeat 5 --stages read,segment,count,align,checks,score

For each size a corpus of perturbed seed copies is generated into ``bench/out/`` (see
``bench.corpus``), then every repetition runs in a fresh subprocess, so one size's memory does not
leak into the next and the peak resident memory (RSS, sampled every few milliseconds by a thread)
belongs to that run alone. Each stage is the real function the pipeline calls. Beside them runs a
naive baseline: the same TF-IDF matrix multiplied densely (sklearn ``cosine_similarity``), skipped
above ``--dense-limit`` passages because it needs passages^2 * 4 bytes.

A stage is one entry in ``STAGES``: a name and a function of the run state (a dict); adding one
(say the report writers) is one function and one line.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

from bench.corpus import generate

ROOT = Path(__file__).resolve().parent.parent
OUT = Path(__file__).resolve().parent / "out"
DEFAULT_STAGES = ("read", "segment", "count", "align", "dense")
SAMPLE_SECONDS = 0.005
MB = 1024 * 1024


# ----------------------------------------------------------------------------------------------
# Stages (run in the child process). Each takes and extends the state dict.

def _read(state: dict[str, Any]) -> None:
    from srccompare import sources

    files, problems = sources.collect([state["dir"]])
    read = [sources.read_source(f) for f in files]
    read, _ = sources.drop_duplicates(read)
    state["sources"] = read


def _segment(state: dict[str, Any]) -> None:
    from srccompare import segment

    state["passages"] = {s.id: segment.segment(s) for s in state["sources"]}
    state["n_passages"] = sum(len(p) for p in state["passages"].values())


def _count(state: dict[str, Any]) -> None:
    from srccompare.align import count_vectors

    settings = state["settings"]
    state["counts"] = {s.id: count_vectors(state["passages"][s.id], settings) for s in state["sources"]}


def _align(state: dict[str, Any]) -> None:
    from srccompare.align import align

    al = align(state["sources"], state["passages"], state["settings"], counts=state["counts"])
    state["alignment"] = al
    state["groups"] = len(al.groups)
    state["unaligned"] = len(al.unaligned)
    state["largest_group"] = max((len(g.passages) for g in al.groups), default=0)
    labels = Path(state["dir"]) / "labels.json"
    if labels.is_file():
        state["quality"] = quality(al, json.loads(labels.read_text()))


def quality(alignment: Any, labels: dict[str, list[list[Any]]]) -> dict[str, float]:
    """How well the groups match the generator's labels (which seed sentence each passage came from).

    ``coverage``: share of passages whose origin is also in another source and that sit in a group
    with a passage of the same origin from another source. ``purity``: share of grouped passages
    whose origin is their group's most common origin. ``groups_per_origin``: how many groups an
    origin's grouped passages are spread over (1 is ideal; blocking at scale raises it).
    """
    import bisect
    from collections import Counter, defaultdict

    origin: dict[str, str] = {}
    sources_of: dict[str, set[str]] = defaultdict(set)
    for p in alignment.passages:
        spans = labels.get(p.source, [])
        starts = [a for a, _, _ in spans]
        i = bisect.bisect_right(starts, p.start) - 1
        if i >= 0 and p.start < spans[i][1]:
            origin[p.id] = spans[i][2]
            sources_of[spans[i][2]].add(p.source)
    met = 0
    eligible = sum(1 for pid, o in origin.items() if len(sources_of[o]) > 1)
    pure = grouped = 0
    spread: dict[str, set[str]] = defaultdict(set)
    for g in alignment.groups:
        by_origin: dict[str, set[str]] = defaultdict(set)
        for p in g.passages:
            if p.id in origin:
                by_origin[origin[p.id]].add(p.source)
                spread[origin[p.id]].add(g.id)
        counts = Counter(origin[p.id] for p in g.passages if p.id in origin)
        if counts:
            pure += counts.most_common(1)[0][1]
            grouped += sum(counts.values())
        for p in g.passages:
            o = origin.get(p.id)
            if o is not None and len(sources_of[o]) > 1 and len(by_origin[o] - {p.source}) > 0:
                met += 1
    return {
        "coverage": round(met / eligible, 3) if eligible else 0.0,
        "purity": round(pure / grouped, 3) if grouped else 0.0,
        "groups_per_origin": round(sum(len(v) for v in spread.values()) / len(spread), 2) if spread else 0.0,
    }


def _dense(state: dict[str, Any]) -> None:
    """Naive baseline: the same weighted TF-IDF, then every pair's cosine in one dense matrix."""
    import numpy as np
    import scipy.sparse as sp
    from sklearn.metrics.pairwise import cosine_similarity

    from srccompare.align import weighted_tfidf

    settings = state["settings"]
    if state["n_passages"] > state["dense_limit"]:
        state["dense_note"] = f"skipped: {state['n_passages']} passages > --dense-limit {state['dense_limit']}"
        raise _Skip(state["dense_note"])
    stacked = sp.vstack([state["counts"][s.id] for s in state["sources"]], format="csr")
    matrix = weighted_tfidf(stacked, settings.n_features)
    del stacked
    n = matrix.shape[0]
    # The whole passages x passages matrix, filled by row blocks: one cosine_similarity call on the
    # whole matrix first builds a sparse product with nearly every pair in it (several times the
    # dense size), which would measure scipy's intermediate rather than the dense approach.
    sims = np.empty((n, n), dtype=np.float32)
    for lo in range(0, n, 2048):
        sims[lo:lo + 2048] = cosine_similarity(matrix[lo:lo + 2048], matrix, dense_output=True)
    state["dense_pairs"] = int(np.count_nonzero(sims >= settings.min_similarity))


def _checks(state: dict[str, Any]) -> None:
    from srccompare.checks import CheckContext, run_checks

    ctx = CheckContext(sources={s.id: s for s in state["sources"]}, alignment=state["alignment"],
                       settings=state["settings"])
    state["flags"] = run_checks(ctx)
    state["n_flags"] = len(state["flags"])


def _score(state: dict[str, Any]) -> None:
    from srccompare import scoring

    state["scored"] = scoring.score(state["sources"], state["alignment"], state["flags"], state["settings"])


def _report(state: dict[str, Any]) -> None:
    """The PDF and HTML reports of the run the earlier stages built (needs ``checks``; scores it
    itself when ``score`` was not asked for), written to a temporary folder."""
    import tempfile

    from srccompare import scoring
    from srccompare.models import Changes
    from srccompare.pipeline import Analysis
    from srccompare.report import writer

    if "flags" not in state:
        raise _Skip("report needs the checks stage")
    scored = state.get("scored") or scoring.score(state["sources"], state["alignment"], state["flags"], state["settings"])
    analysis = Analysis(
        home=Path(state["dir"]), sources=tuple(state["sources"]), problems=(), alignment=state["alignment"],
        flags=tuple(state["flags"]), scoring=scored, settings=state["settings"],
        changes=Changes.first_run(),
        orphaned=(), timings=(),
    )
    with tempfile.TemporaryDirectory() as out:
        paths = writer.write_reports(analysis, Path(out), ["pdf", "html"])
        state["report_mb"] = round(sum(p.stat().st_size for p in paths) / 2**20, 1)


STAGES: dict[str, Callable[[dict[str, Any]], None]] = {
    "read": _read,
    "segment": _segment,
    "count": _count,
    "align": _align,
    "dense": _dense,
    "checks": _checks,
    "score": _score,
    "report": _report,
}
# What the product's own chain costs (the dense baseline is a comparison, not part of it).
PIPELINE_STAGES = ("read", "segment", "count", "align", "checks", "score")


class _Skip(Exception):
    """A stage that does not apply to this size (the note says why)."""


# ----------------------------------------------------------------------------------------------
# Child: run the stages once, sampling RSS, and print one JSON line.

class _RssSampler:
    """Samples this process's resident memory in a thread; ``peak`` since the last ``reset``."""

    def __init__(self) -> None:
        import psutil

        self._proc = psutil.Process()
        self._peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)
        self._thread.start()

    def rss(self) -> int:
        return self._proc.memory_info().rss

    def _loop(self) -> None:
        while not self._stop.wait(SAMPLE_SECONDS):
            self._peak = max(self._peak, self.rss())

    def reset(self) -> int:
        self._peak = now = self.rss()
        return now

    def peak(self) -> int:
        return max(self._peak, self.rss())

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def child(folder: Path, stages: Sequence[str], dense_limit: int, overrides: Sequence[str] = ()) -> dict[str, Any]:
    from srccompare.settings import load_settings

    sampler = _RssSampler()
    settings = load_settings(config=None, environ={}, overrides=dict(o.split("=", 1) for o in overrides))
    state: dict[str, Any] = {"dir": folder, "settings": settings, "dense_limit": dense_limit}
    results: dict[str, Any] = {}

    @contextmanager
    def measured(name: str) -> Iterator[None]:
        start_rss = sampler.reset()
        t0 = time.perf_counter()
        yield
        seconds = time.perf_counter() - t0
        results[name] = {"seconds": round(seconds, 3), "peak_mb": round(sampler.peak() / MB, 1),
                         "added_mb": round((sampler.peak() - start_rss) / MB, 1)}

    # Imports are a fixed cost of any run, not of a stage: pay them first and report them apart.
    with measured("import"):
        import srccompare.align  # noqa: F401  (sklearn, scipy, sparse_dot_topn)
        import srccompare.segment  # noqa: F401
        import srccompare.sources  # noqa: F401
    for name in stages:
        try:
            with measured(name):
                STAGES[name](state)
        except _Skip as skip:
            results[name] = {"skipped": str(skip)}
        except Exception as exc:  # a stage still being written elsewhere: report it, go on
            results[name] = {"failed": f"{type(exc).__name__}: {exc}"}
    sampler.stop()
    summary = {k: state[k] for k in ("n_passages", "groups", "unaligned", "largest_group", "dense_pairs", "n_flags", "quality")
               if k in state}
    summary["sources"] = len(state.get("sources", ()))
    return {"stages": results, "summary": summary}


# ----------------------------------------------------------------------------------------------
# Parent: generate, run children, aggregate, print.

def _run_child(folder: Path, stages: Sequence[str], dense_limit: int, overrides: Sequence[str]) -> dict[str, Any]:
    cmd = [sys.executable, "-m", "bench.run", "--child", str(folder), "--stages", ",".join(stages),
           "--dense-limit", str(dense_limit)] + [f"--set={o}" for o in overrides]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"benchmark child failed for {folder}:\n{done.stderr.strip()}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _median_runs(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Per stage: median seconds and median peak memory over the runs (skips/failures as the first)."""
    out: dict[str, Any] = {}
    for name, first in runs[0]["stages"].items():
        if "seconds" not in first:
            out[name] = first
            continue
        vals = [r["stages"][name] for r in runs if "seconds" in r["stages"].get(name, {})]
        out[name] = {k: round(statistics.median(v[k] for v in vals), 3) for k in ("seconds", "peak_mb", "added_mb")}
        out[name]["runs"] = len(vals)
    return out


def _fmt_stage(entry: dict[str, Any] | None) -> str:
    if entry is None:
        return "-"
    if "seconds" in entry:
        return f"{entry['seconds']:.2f}s/{entry['peak_mb']:.0f}MB"
    return "skipped" if "skipped" in entry else "failed"


def report(results: dict[int, dict[str, Any]], stages: Sequence[str]) -> str:
    """The table (time / peak RSS per stage and size), notes, and the 1,000 -> 10,000 cost ratio."""
    lines = []
    header = ["sources", "passages", "runs", "import"] + list(stages) + ["pipeline total", "groups", "unaligned"]
    rows = []
    for size, res in sorted(results.items()):
        st, summ = res["stages"], res["summary"]
        total = sum(st[s]["seconds"] for s in stages if s in PIPELINE_STAGES and "seconds" in st.get(s, {}))
        peak = max((st[s]["peak_mb"] for s in stages if s in PIPELINE_STAGES and "seconds" in st.get(s, {})), default=0)
        rows.append([f"{size:,}", f"{summ.get('n_passages', 0):,}", str(res["runs"]), _fmt_stage(st.get("import"))]
                    + [_fmt_stage(st.get(s)) for s in stages]
                    + [f"{total:.2f}s/{peak:.0f}MB", str(summ.get("groups", "-")), str(summ.get("unaligned", "-"))])
        res["total"] = total
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(header)]
    lines.append("  ".join(h.ljust(w) for h, w in zip(header, widths)))
    for r in rows:
        lines.append("  ".join(c.ljust(w) for c, w in zip(r, widths)))
    lines.append("cells: wall time / peak resident memory of the process during the stage")
    for size, res in sorted(results.items()):
        q = res["summary"].get("quality")
        if q:
            lines.append(f"{size:,} sources, alignment against the generator's labels: coverage {q['coverage']:.1%}, "
                         f"purity {q['purity']:.1%}, groups per origin sentence {q['groups_per_origin']}, "
                         f"largest group {res['summary'].get('largest_group')} passages")
    for size, res in sorted(results.items()):
        for name, entry in res["stages"].items():
            if "seconds" not in entry:
                lines.append(f"{size:,} sources, {name}: {entry.get('skipped') or entry.get('failed')}")
    if 1000 in results and 10000 in results:
        a, b = results[1000], results[10000]
        lines.append(f"cost ratio 1,000 -> 10,000 sources: pipeline time x{b['total'] / a['total']:.1f}"
                     + "".join(f", {s} x{b['stages'][s]['seconds'] / a['stages'][s]['seconds']:.1f}"
                               for s in stages if s in PIPELINE_STAGES
                               and "seconds" in a["stages"].get(s, {}) and "seconds" in b["stages"].get(s, {})
                               and a["stages"][s]["seconds"] > 0))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time and measure srccompare's stages on generated corpora.")
    parser.add_argument("--sizes", default="100,1000,10000", help="comma-separated source counts (default 100,1000,10000)")
    parser.add_argument("--stages", default=",".join(DEFAULT_STAGES),
                        help=f"comma-separated stages, from: {', '.join(STAGES)} (default {','.join(DEFAULT_STAGES)})")
    parser.add_argument("--repeat", type=int, default=None,
                        help="runs per size, medians reported (default 3 up to 1,000 sources, 1 above)")
    parser.add_argument("--dense-limit", type=int, default=30_000,
                        help="largest passage count for the dense baseline (default 30000, ~3.6 GB)")
    parser.add_argument("--seed", type=int, default=0, help="corpus random seed (default 0)")
    parser.add_argument("--json", type=Path, default=None, help="also write the raw results here")
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                        help="override a setting for the run, e.g. --set max_df=500 (repeatable)")
    parser.add_argument("--corpora", type=Path, default=None,
                        help="read already generated corpora from DIR/n{size} instead of generating into bench/out "
                             "(e.g. another checkout's bench/out)")
    parser.add_argument("--child", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    stages = [s.strip() for s in args.stages.split(",") if s.strip()]
    unknown = [s for s in stages if s not in STAGES]
    if unknown:
        parser.error(f"unknown stage(s): {', '.join(unknown)}")
    bad = [o for o in args.set if "=" not in o]
    if bad:
        parser.error(f"--set needs NAME=VALUE, got {bad[0]!r}")
    if args.child is not None:
        print(json.dumps(child(args.child, stages, args.dense_limit, args.set)))
        return 0
    try:
        sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    except ValueError:
        parser.error(f"--sizes must be comma-separated integers, got {args.sizes!r}")
    results: dict[int, dict[str, Any]] = {}
    for size in sizes:
        if args.corpora is not None:
            folder = args.corpora / f"n{size}"
            if not (folder / "corpus.json").is_file():
                raise SystemExit(f"no generated corpus in {folder}: run without --corpora to generate one")
        else:
            folder = OUT / f"n{size}"
            generate(size, folder, seed=args.seed)
        repeat = args.repeat if args.repeat is not None else (3 if size <= 1000 else 1)
        runs = [_run_child(folder, stages, args.dense_limit, args.set) for _ in range(repeat)]
        results[size] = {"stages": _median_runs(runs), "summary": runs[0]["summary"], "runs": repeat}
        print(f"{size:,} sources: " + ", ".join(f"{k} {_fmt_stage(v)}" for k, v in results[size]["stages"].items()),
              flush=True)
    print()
    print(report(results, stages))
    if args.json is not None:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
