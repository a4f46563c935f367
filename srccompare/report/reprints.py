"""Which passages of the analysis are verbatim reprints, in the terms the reports need.

The checks fold passages printed word for word by sources copying one another into one witness
(``srccompare.checks.copies``); the pipeline records the relation as ``Analysis.copied_passages``
(copy passage id -> the passage it copies). The reports read it through ``Reprints``: which source a
span (a flag, an evidence span, a rendering) reprints, and per source how many of its passages
reprint which source, or are reprinted by which. No words here: ``view`` and ``jsonreport`` say it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from srccompare.models import Passage, PassagesInOrder

if TYPE_CHECKING:
    from srccompare.pipeline import Analysis


@dataclass(frozen=True)
class Copy:
    """One reprinted passage: ``passage`` (in its source) prints ``original`` word for word."""

    passage: Passage
    original: Passage


class Reprints:
    """Lookups over ``analysis.copied_passages``; empty (and every answer empty) when nothing folded."""

    def __init__(self, analysis: Analysis) -> None:
        index: dict[str, Passage] = {p.id: p for p in analysis.alignment.passages}
        for g in analysis.alignment.groups:
            for p in g.passages:
                index.setdefault(p.id, p)
        # A pair whose passages the alignment does not hold cannot be placed in any source's text;
        # it is left out rather than guessed (the pipeline records both from the same alignment).
        self.copies: tuple[Copy, ...] = tuple(
            Copy(index[c], index[o]) for c, o in analysis.copied_passages if c in index and o in index
        )
        self._copy_by_passage = {c.passage.id: c for c in self.copies}
        self._copied = PassagesInOrder(c.passage for c in self.copies)
        # Both directions counted once here: asked per source, a scan of every copy would make a
        # report of many sources quadratic.
        self._reprints: dict[str, Counter[str]] = {}
        self._reprinted_by: dict[str, Counter[str]] = {}
        for c in self.copies:
            self._reprints.setdefault(c.passage.source, Counter())[c.original.source] += 1
            self._reprinted_by.setdefault(c.original.source, Counter())[c.passage.source] += 1

    def __bool__(self) -> bool:
        return bool(self.copies)

    def copy_at(self, source: str, start: int) -> Copy | None:
        """The reprinted passage of ``source`` that holds offset ``start``, if any.

        A span projected onto a reprint (a flag carried over, an evidence span cited from a copy)
        starts inside a copied passage; the checks never read copied passages, so no other span
        does. A projected span may run on into the next copied passages; its start decides.
        """
        p = self._copied.at(source, start)
        return None if p is None else self._copy_by_passage[p.id]

    def reprinted_sources(self, source: str) -> list[tuple[str, int]]:
        """``(original source, passages of ``source`` reprinting it)``, most first, then by source id."""
        return sorted(self._reprints.get(source, Counter()).items(), key=lambda kv: (-kv[1], kv[0]))

    def reprinted_by(self, source: str) -> list[tuple[str, int]]:
        """``(reprinting source, passages of ``source`` it reprints)``, most first, then by source id."""
        return sorted(self._reprinted_by.get(source, Counter()).items(), key=lambda kv: (-kv[1], kv[0]))

