"""The discrepancy checks, registered in one list, and the function that runs them all.

Adding a kind: one module here with a check class (see ``base.Check``), one ``Kind`` member in
``srccompare.models``, one template partial in ``report_templates/partials/``.
"""

from __future__ import annotations

from typing import Iterable, Sequence

from srccompare.checks.attributions import AttributionCheck
from srccompare.checks.base import Check, CheckContext
from srccompare.checks.garbles import GarbleCheck
from srccompare.checks.names import NameCheck
from srccompare.checks.numbers import NumberCheck
from srccompare.checks.quotes import QuoteCheck
from srccompare.checks.terms import TermCheck
from srccompare.models import Flag, Kind

CHECKS: tuple[Check, ...] = (
    NameCheck(),
    TermCheck(),
    QuoteCheck(),
    NumberCheck(),
    AttributionCheck(),
    GarbleCheck(),
)

_KIND_ORDER = {k: i for i, k in enumerate(Kind)}

# Word-level flags shorter than this may shadow one another (a misspelt name is also a non-word);
# longer spans (a whole quote, a clause) coexist with the word-level flags inside them.
_SHORT_SPAN = 60


def run_checks(ctx: CheckContext, checks: Sequence[Check] = CHECKS) -> tuple[Flag, ...]:
    """Run every check, drop flags under the confidence floor, resolve overlaps, sort stably.

    Where two short flags in one source overlap, the more confident one stays (ties: the earlier
    kind in ``Kind``), so one misspelt word is not reported twice under two kinds.
    """
    flags: list[Flag] = []
    for check in checks:
        flags.extend(f for f in check.run(ctx) if f.confidence >= ctx.settings.min_confidence)
    return tuple(sorted(_resolve_overlaps(flags), key=_sort_key))


def _sort_key(f: Flag) -> tuple:
    return (f.source, f.start, f.end, _KIND_ORDER[f.kind], f.id)


def _resolve_overlaps(flags: Iterable[Flag]) -> list[Flag]:
    ranked = sorted(flags, key=lambda f: (-f.confidence, _KIND_ORDER[f.kind], f.source, f.start, f.id))
    kept: list[Flag] = []
    seen_ids: set[str] = set()
    for f in ranked:
        if f.id in seen_ids:
            continue
        short = f.end - f.start <= _SHORT_SPAN
        clash = short and any(
            k.source == f.source and k.end - k.start <= _SHORT_SPAN and k.start < f.end and f.start < k.end
            for k in kept
        )
        if not clash:
            kept.append(f)
            seen_ids.add(f.id)
    return kept
