"""Compare two harness runs saved with ``--json``: what a change gained and lost, story by story.

    python -m tests.quality.compare BEFORE.json AFTER.json [--kind KIND ...]

A rule should be judged by how many stories it moves, not by the one it was written for: this
prints the per-kind figures before and after, then every false positive and miss that appeared or
went away, grouped by story, and how many stories changed. Flags are matched by (story, source,
kind, flagged text), which is how the harness's JSON names them; a flag whose text changed shows
as one gone and one new.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

Key = tuple[str, str, str, str]


def _key(item: dict) -> Key:
    return (item["corpus"], item["source"], item["kind"], item["text"])


@dataclass(frozen=True)
class Comparison:
    """What changed between two harness runs. ``figures`` is (kind, before, after) with each side
    a (tp, fp, fn) triple; the four tuples list the keys of false positives and misses that appeared
    (``new_*``) or went away (``gone_*``), sorted."""

    figures: tuple[tuple[str, tuple[int, int, int], tuple[int, int, int]], ...]
    new_fp: tuple[Key, ...]
    gone_fp: tuple[Key, ...]
    new_fn: tuple[Key, ...]
    gone_fn: tuple[Key, ...]

    @property
    def stories(self) -> tuple[str, ...]:
        """The stories (corpus names) where anything changed, sorted."""
        return tuple(sorted({k[0] for k in (*self.new_fp, *self.gone_fp, *self.new_fn, *self.gone_fn)}))


def compare(before: dict, after: dict, kinds: Sequence[str] = ()) -> Comparison:
    """Two ``--json`` documents -> their ``Comparison`` (only ``kinds`` when given)."""

    def keys(doc: dict, name: str) -> set[Key]:
        return {_key(i) for i in doc[name] if not kinds or i["kind"] in kinds}

    def triple(doc: dict, kind: str) -> tuple[int, int, int]:
        row = doc["all"]["kinds"].get(kind)
        return (row["tp"], row["fp"], row["fn"]) if row else (0, 0, 0)

    names = [k for k in after["all"]["kinds"] if not kinds or k in kinds]
    figures = tuple((k, triple(before, k), triple(after, k)) for k in names)
    fp0, fp1 = keys(before, "false_positives"), keys(after, "false_positives")
    fn0, fn1 = keys(before, "false_negatives"), keys(after, "false_negatives")
    return Comparison(figures, tuple(sorted(fp1 - fp0)), tuple(sorted(fp0 - fp1)),
                      tuple(sorted(fn1 - fn0)), tuple(sorted(fn0 - fn1)))


def format_comparison(c: Comparison) -> str:
    """The comparison as text: figures per kind, then the changes story by story."""
    lines = [f"{'kind':<22}{'TP':>11}{'FP':>11}{'FN':>11}"]
    for kind, (tp0, fp0, fn0), (tp1, fp1, fn1) in c.figures:
        lines.append(f"{kind:<22}{f'{tp0}->{tp1}':>11}{f'{fp0}->{fp1}':>11}{f'{fn0}->{fn1}':>11}")
    marks = (("new FP", c.new_fp), ("FP gone", c.gone_fp), ("new miss", c.new_fn), ("miss found", c.gone_fn))
    for story in c.stories:
        lines.append(f"\n{story}")
        for label, keys in marks:
            for _corpus, source, kind, text in (k for k in keys if k[0] == story):
                lines.append(f"  {label:<11}{source} {kind} \"{' '.join(text.split())[:70]}\"")
    lines.append(f"\n{len(c.stories)} stories changed")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.quality.compare", description=__doc__.split("\n\n")[0])
    ap.add_argument("before", type=Path, help="harness --json output before the change")
    ap.add_argument("after", type=Path, help="harness --json output after it")
    ap.add_argument("--kind", action="append", default=[], help="only this kind (repeatable)")
    args = ap.parse_args(argv)
    docs = []
    for path in (args.before, args.after):
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            ap.error(f"{path}: not a harness --json file ({exc})")
        if not isinstance(doc, dict) or not {"all", "false_positives", "false_negatives"} <= set(doc):
            ap.error(f"{path}: not a harness --json file (no figures, false_positives or false_negatives)")
        docs.append(doc)
    print(format_comparison(compare(*docs, kinds=args.kind)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
