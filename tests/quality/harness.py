"""Measure srccompare's discrepancy checks: precision and recall per kind of flag.

Runs the real pipeline (``srccompare.pipeline.analyze``) on every hand-written case in
``tests/quality/cases/`` and on corpora that ``tests/quality/generate.py`` corrupts with known
ground truth, matches the flags to what is expected (see ``tests/quality/matching.py``) and prints,
per kind: expected, found, TP, FP, FN, precision and recall, then every false positive and every
miss with enough detail to act on.

    python -m tests.quality.harness                      # everything
    python -m tests.quality.harness --case court-ruling  # one case (or gen:court-ruling)
    python -m tests.quality.harness --json quality.json  # also write the figures
    python -m tests.quality.harness --no-generated -q    # hand-written cases, tables only
    python -m tests.quality.harness --holdout            # only the held-out cases (tests/quality/holdout/)
    python -m tests.quality.harness --holdout-dir DIR    # a blind set written outside the tree
    python -m tests.quality.harness --alignment-ceiling  # also: where each expected flag sits in the alignment

Corpora are copied to a temporary folder before analysis, so nothing is written into the repository.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Mapping, Sequence

from tests.quality.generate import CASES_DIR, SOURCE_EXTS, build_corpora
from tests.quality.matching import (
    KINDS,
    CorpusResult,
    FoundFlag,
    KindFigures,
    Truth,
    figures,
    load_expected,
    locate,
    norm_text,
    score_corpus,
)

# Cases written by a second author and kept out of tuning (and out of the generator): scoring them
# shows whether gains on the development set carry over to stories the checks were not tuned on.
HOLDOUT_DIR = Path(__file__).resolve().parent / "holdout"


@dataclass(frozen=True)
class Corpus:
    """Files to analyse (name -> text) and what is known about them; ``origin`` is hand or generated."""

    name: str
    origin: str
    files: tuple[tuple[str, str], ...]
    truth: Truth


# Where an expected flag's place sits in the alignment (``placement``), from worst to best for a
# check that compares a passage with its counterparts: no passage holds it (or it was not found in
# the text), its passage is alone, its passage is grouped but no other source's passage in the group
# holds the expected form, or one does (the checks could see the right form right there).
PLACEMENTS = ("no passage", "unaligned", "group, no form", "group, form", "group, no expected")


@dataclass(frozen=True)
class CorpusRun:
    corpus: Corpus
    result: CorpusResult
    error: str | None
    seconds: float
    # (expectation index, placement) for every expectation; a diagnostic only, never scored.
    placements: tuple[tuple[int, str], ...] = ()


@dataclass(frozen=True)
class HarnessResult:
    runs: tuple[CorpusRun, ...]
    seed: int
    per_corpus: int

    def figures(self, origin: str | None = None) -> tuple[dict[str, KindFigures], KindFigures]:
        return figures(r.result for r in self.runs if origin is None or r.corpus.origin == origin)

    @property
    def errors(self) -> tuple[CorpusRun, ...]:
        return tuple(r for r in self.runs if r.error)

    def as_dict(self) -> dict[str, object]:
        out: dict[str, object] = {
            "seed": self.seed,
            "per_corpus": self.per_corpus,
            "corpora": [
                {"name": r.corpus.name, "origin": r.corpus.origin, "expected": len(r.corpus.truth.expectations),
                 "error": r.error, "seconds": round(r.seconds, 2)}
                for r in self.runs
            ],
        }
        for label, origin in (("all", None), ("hand", "hand"), ("generated", "generated")):
            per, total = self.figures(origin)
            out[label] = {"kinds": {k: f.as_dict() for k, f in per.items()}, "micro": total.as_dict()}
        out["false_positives"] = [
            {"corpus": r.corpus.name, "source": v.flag.source, "kind": v.flag.kind, "text": v.flag.text,
             "outcome": v.outcome, "severity": v.flag.severity, "confidence": v.flag.confidence,
             "message": v.flag.message, "note": v.note}
            for r in self.runs for v in r.result.false_positives
        ]
        out["false_negatives"] = [
            {"corpus": r.corpus.name, "source": m.expectation.source, "kind": m.expectation.kind,
             "text": m.expectation.text, "expected": m.expectation.expected, "origin": m.expectation.origin,
             "located": m.located, "other_kinds_here": [f.kind for f in m.near],
             "placement": _placement_of(r, m.expectation)}
            for r in self.runs for m in r.result.misses
        ]
        return out


def _placement_of(run: CorpusRun, expectation: object) -> str | None:
    """Where ``expectation`` sits in the run's alignment (one of ``PLACEMENTS``), None if unknown."""
    for i, where in run.placements:
        if run.corpus.truth.expectations[i] is expectation:  # the misses hold the truth's objects
            return where
    return None


def hand_corpora(cases_dir: Path = CASES_DIR) -> list[Corpus]:
    """Every hand-written case: its top-level source files as they are (with planted errors)."""
    out = []
    for case in sorted(p for p in cases_dir.iterdir() if p.is_dir()):
        exp = case / "expected.json"
        if not exp.is_file():
            continue
        truth = load_expected(json.loads(exp.read_text(encoding="utf-8")), case.name)
        files = tuple(
            (f.name, f.read_text(encoding="utf-8"))
            for f in sorted(case.iterdir())
            if f.is_file() and f.suffix in SOURCE_EXTS and not f.name.startswith(".")
        )
        out.append(Corpus(case.name, "hand", files, truth))
    return out


def generated_corpora(*, seed: int, per_corpus: int) -> list[Corpus]:
    return [Corpus(g.name, "generated", g.files, g.truth) for g in build_corpora(seed=seed, per_corpus=per_corpus)]


def analyze_corpus(corpus: Corpus, overrides: Mapping[str, object] | None = None) -> CorpusRun:
    """Run the real pipeline on a temporary copy of the corpus and score its flags. ``overrides``
    are settings (already typed) that replace the defaults, as ``--set`` gives them."""
    from srccompare.pipeline import analyze
    from srccompare.settings import Settings

    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="srccompare-quality-") as tmp:
        folder = Path(tmp) / corpus.name.replace(":", "-")
        folder.mkdir()
        for fname, text in corpus.files:
            (folder / fname).write_text(text, encoding="utf-8")
        try:
            analysis = analyze([folder], Settings(**{**(overrides or {}), "cache": False}), record_run=False)
        except Exception as exc:  # a crash on one corpus must not hide the figures of the others
            last = traceback.extract_tb(exc.__traceback__)[-1]
            error = f"{type(exc).__name__}: {exc} (at {Path(last.filename).name}:{last.lineno})"
            return CorpusRun(corpus, score_corpus(corpus.truth, [], {}), error, time.perf_counter() - t0)
    flags = [
        FoundFlag(
            source=f.source, kind=f.kind.value, start=f.start, end=f.end, text=f.text,
            severity=f.severity.value, confidence=f.confidence, expected=f.expected, message=f.message,
        )
        for f in analysis.flags
    ]
    texts = {s.id: s.text for s in analysis.sources}
    error = None
    if analysis.problems:
        error = "; ".join(f"{Path(p.path).name}: {p.message}" for p in analysis.problems)
    return CorpusRun(corpus, score_corpus(corpus.truth, flags, texts), error, time.perf_counter() - t0,
                     placements(corpus.truth, texts, analysis.alignment))


def placements(truth: Truth, texts: dict[str, str], alignment: object) -> tuple[tuple[int, str], ...]:
    """For each expectation (by index), where its place sits in ``alignment`` (one of ``PLACEMENTS``).

    The place is the first located span; its passage is the one of its source overlapping it. The
    expected form counts as present when another source's passage in the same group contains it
    (``norm_text`` of both, as a substring).
    """
    group_of: dict[str, object] = {}
    for g in alignment.groups:  # type: ignore[attr-defined]
        for p in g.passages:
            group_of[p.id] = g
    by_source: dict[str, list[object]] = {}
    for p in alignment.passages:  # type: ignore[attr-defined]
        by_source.setdefault(p.source, []).append(p)
    out = []
    for i, e in enumerate(truth.expectations):
        spans = locate(texts.get(e.source, ""), e.text, e.context)
        where = "no passage"
        if spans:
            s0, e0 = spans[0]
            hit = next((p for p in by_source.get(e.source, ()) if p.start < e0 and s0 < p.end), None)
            if hit is not None:
                g = group_of.get(hit.id)
                if g is None:
                    where = "unaligned"
                elif not e.expected or not norm_text(e.expected):
                    where = "group, no expected"
                else:
                    form = norm_text(e.expected)
                    seen = any(form in norm_text(q.text) for q in g.passages if q.source != e.source)
                    where = "group, form" if seen else "group, no form"
        out.append((i, where))
    return tuple(out)


def format_placements(runs: Sequence[CorpusRun], title: str) -> str:
    """Per kind: how many expected flags (and how many of the misses) sit in each placement."""
    missed = {(r.corpus.name, id(m.expectation)) for r in runs for m in r.result.misses}
    count: dict[str, dict[str, list[int]]] = {}
    for r in runs:
        for i, where in r.placements:
            e = r.corpus.truth.expectations[i]
            cell = count.setdefault(e.kind, {}).setdefault(where, [0, 0])
            cell[0] += 1
            # misses hold the same Expectation objects as the truth, so identity finds them
            cell[1] += (r.corpus.name, id(e)) in missed
    head = f"{'kind':<22}" + "".join(f"{w:>20}" for w in PLACEMENTS)
    lines = [f"{title}: where expected flags sit in the alignment (all / missed)", head]
    tot = {w: [0, 0] for w in PLACEMENTS}
    for kind in sorted(count):
        row = f"{kind:<22}"
        for w in PLACEMENTS:
            a, m = count[kind].get(w, [0, 0])
            tot[w][0] += a
            tot[w][1] += m
            row += f"{f'{a} / {m}':>20}"
        lines.append(row)
    lines.append(f"{'ALL':<22}" + "".join(f"{f'{tot[w][0]} / {tot[w][1]}':>20}" for w in PLACEMENTS))
    return "\n".join(lines)


def run(
    cases: Sequence[str] | None = None,
    *,
    hand: bool = True,
    generated: bool = True,
    seed: int = 7,
    per_corpus: int = 7,
    progress: Callable[[str], None] | None = None,
    holdout: bool = False,
    overrides: Mapping[str, object] | None = None,
    holdout_dir: Path | None = None,
) -> HarnessResult:
    """Analyse and score the selected corpora. ``cases`` filters by name (``court-ruling`` selects
    both the hand-written case and its generated corpus ``gen:court-ruling``). ``holdout`` scores
    only the held-out cases in ``holdout_dir`` (default ``tests/quality/holdout/``) instead, never
    generated corpora: a blind set written outside the tree is scored where it lies."""
    corpora: list[Corpus] = []
    if holdout_dir is not None:
        holdout = True
    if holdout:
        corpora += hand_corpora(holdout_dir or HOLDOUT_DIR)
    elif hand:
        corpora += hand_corpora()
    if generated and not holdout:
        corpora += generated_corpora(seed=seed, per_corpus=per_corpus)
    if cases:
        wanted = set(cases)
        corpora = [c for c in corpora if c.name in wanted or c.name.removeprefix("gen:") in wanted]
        if not corpora:
            raise SystemExit(f"no case named {', '.join(sorted(wanted))}; see tests/quality/cases/")
    runs = []
    for c in corpora:
        r = analyze_corpus(c, overrides)
        if progress:
            progress(f"{c.name}: {len(r.result.verdicts)} flags, {len(c.truth.expectations)} expected, {r.seconds:.1f}s")
        runs.append(r)
    return HarnessResult(tuple(runs), seed, per_corpus)


# --- printing ----------------------------------------------------------------------------------


def _pct(x: float | None) -> str:
    return "    -" if x is None else f"{x:5.2f}"


def format_table(per: dict[str, KindFigures], total: KindFigures, title: str) -> str:
    lines = [title, f"{'kind':<22}{'expected':>9}{'found':>7}{'TP':>5}{'FP':>5}{'FN':>5}{'precision':>11}{'recall':>8}"]
    for f in [*per.values(), total]:
        label = "ALL (micro)" if f is total else f.kind
        lines.append(f"{label:<22}{f.expected:>9}{f.found:>7}{f.tp:>5}{f.fp:>5}{f.fn:>5}"
                     f"{_pct(f.precision):>11}{_pct(f.recall):>8}")
    return "\n".join(lines)


def _short(s: str, n: int = 90) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def format_details(result: HarnessResult) -> str:
    lines = []
    for r in result.runs:
        if r.error:
            lines.append(f"ERROR [{r.corpus.name}] {r.error}")
    fps = [(r, v) for r in result.runs for v in r.result.false_positives]
    lines.append(f"\nFalse positives ({len(fps)}):")
    for r, v in fps:
        f = v.flag
        tag = {"fp": "FP", "kind_error": "FP/kind", "trap": "FP/trap"}[v.outcome]
        lines.append(f"  {tag:<8}[{r.corpus.name}] {f.source} {f.kind} \"{_short(f.text, 50)}\" "
                     f"({f.severity}, {f.confidence:.2f}) - {_short(f.message)}" + (f" [{v.note}]" if v.note else ""))
    misses = [(r, m) for r in result.runs for m in r.result.misses]
    lines.append(f"\nFalse negatives ({len(misses)}):")
    for r, m in misses:
        e = m.expectation
        extra = []
        if e.expected:
            extra.append(f"should be \"{_short(e.expected, 50)}\"")
        if e.origin != "hand":
            extra.append(e.origin)
        if not m.located:
            extra.append("NOT FOUND IN THE SOURCE TEXT AS READ")
        if m.near:
            extra.append("flagged as " + ", ".join(sorted({f.kind for f in m.near})))
        lines.append(f"  FN      [{r.corpus.name}] {e.source} {e.kind} \"{_short(e.text, 50)}\" - " + "; ".join(extra))
    return "\n".join(lines)


def suggest_floors(per: dict[str, KindFigures], step: float = 0.05) -> dict[str, dict[str, float]]:
    """Floors from measured figures: each rounded down to a multiple of ``step`` (undefined -> 0)."""

    def down(x: float | None) -> float:
        return 0.0 if x is None else round(math.floor(x / step + 1e-9) * step, 2)

    return {k: {"precision": down(f.precision), "recall": down(f.recall)} for k, f in per.items() if k in KINDS}


def parse_overrides(items: Sequence[str], ap: argparse.ArgumentParser) -> dict[str, object]:
    """``NAME=VALUE`` strings -> settings typed as ``srccompare.settings`` types them (a bad name or
    value ends the run with argparse's message)."""
    from srccompare.errors import SrcCompareError
    from srccompare.settings import load_settings

    out: dict[str, object] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep:
            ap.error(f"--set {item}: expected NAME=VALUE")
        try:
            typed = load_settings(environ={}, overrides={name.strip(): value.strip()})
        except SrcCompareError as exc:
            ap.error(f"--set {item}: {exc}")
        out[name.strip()] = getattr(typed, name.strip())
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.quality.harness", description=__doc__.split("\n\n")[0])
    ap.add_argument("--case", action="append", metavar="NAME", help="run only this case (repeatable)")
    ap.add_argument("--json", type=Path, metavar="PATH", help="write the figures, FPs and FNs as JSON")
    ap.add_argument("--no-generated", action="store_true", help="skip the generated corpora")
    ap.add_argument("--no-hand", action="store_true", help="skip the hand-written cases")
    ap.add_argument("--holdout", action="store_true",
                    help="score only the held-out cases in tests/quality/holdout/ (do not tune against them)")
    ap.add_argument("--holdout-dir", type=Path, metavar="DIR",
                    help="score only the stories in DIR, a blind set written outside the tree (as --holdout)")
    ap.add_argument("--seed", type=int, default=7, help="random seed of the generator (default 7)")
    ap.add_argument("--per-corpus", type=int, default=7, help="corruptions per generated corpus (default 7)")
    ap.add_argument("-q", "--quiet", action="store_true", help="print the tables only")
    ap.add_argument("--alignment-ceiling", action="store_true",
                    help="also print, per kind, how many expected flags (and misses) sit in an unaligned "
                         "passage, in a group without the expected form, or in a group with it")
    ap.add_argument("--suggest-floors", action="store_true",
                    help="print the 'kinds' block for floors.json: today's figures rounded down to 0.05")
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE", dest="settings",
                    help="run with this setting changed (repeatable), e.g. --set anchor_align=true")
    args = ap.parse_args(argv)
    overrides = parse_overrides(args.settings, ap)
    if args.holdout_dir is not None and not args.holdout_dir.is_dir():
        ap.error(f"--holdout-dir {args.holdout_dir}: no such folder")

    say = None if args.quiet else (lambda m: print(m, file=sys.stderr))
    result = run(args.case, hand=not args.no_hand, generated=not args.no_generated,
                 seed=args.seed, per_corpus=args.per_corpus, progress=say, holdout=args.holdout,
                 overrides=overrides, holdout_dir=args.holdout_dir)
    n_hand = sum(r.corpus.origin == "hand" for r in result.runs)
    n_gen = len(result.runs) - n_hand
    print(f"srccompare quality: {n_hand} hand-written case(s), {n_gen} generated corpus/corpora "
          f"(seed {result.seed}, {result.per_corpus} corruptions each)\n")
    for label, origin in (("Hand-written cases", "hand"), ("Generated corpora", "generated"), ("All", None)):
        per, total = result.figures(origin)
        if total.expected or total.found:
            print(format_table(per, total, label) + "\n")
    if args.alignment_ceiling:
        for label, origin in (("Hand-written cases", "hand"), ("Generated corpora", "generated"), ("All", None)):
            chosen = [r for r in result.runs if origin is None or r.corpus.origin == origin]
            if any(r.placements for r in chosen):
                print(format_placements(chosen, label) + "\n")
    if not args.quiet:
        print(format_details(result))
    elif result.errors:
        for r in result.errors:
            print(f"ERROR [{r.corpus.name}] {r.error}")
    if args.suggest_floors:
        per, _ = result.figures()
        print(json.dumps({"kinds": suggest_floors(per)}, indent=2))
    if args.json:
        args.json.write_text(json.dumps(result.as_dict(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
