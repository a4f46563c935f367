"""The discrepancy checks, registered in one list, and the function that runs them all.

Adding a kind: one module here with a check class (see ``base.Check``), one ``Kind`` member in
``srccompare.models``, one template partial in ``report_templates/partials/``.
"""

from __future__ import annotations

import re
from typing import Iterable, Sequence

from srccompare.checks import contests, copies
from srccompare.checks.attributions import AttributionCheck
from srccompare.checks.base import Check, CheckContext
from srccompare.checks.dates import DateCheck
from srccompare.checks.garbles import GarbleCheck
from srccompare.checks.names import NameCheck
from srccompare.checks.numbers import NumberCheck
from srccompare.checks.quotes import QuoteCheck
from srccompare.checks.terms import TermCheck
from srccompare.models import Flag, Kind, Severity

CHECKS: tuple[Check, ...] = (
    NameCheck(),
    TermCheck(),
    QuoteCheck(),
    NumberCheck(),
    DateCheck(),
    AttributionCheck(),
    GarbleCheck(),
)

_KIND_ORDER = {k: i for i, k in enumerate(Kind)}
_WORD_RE = re.compile(r"\w+")

# Where two flags mark the same words, the more specific reading wins: a misspelt name is also a
# non-word, a mistranslated term inside a quote also makes the quote differ, but "name variant" and
# "term variant" tell the reader more than "garbled" or "quote worded differently". Between the two
# generic kinds, a garble says more: a quote flag on the same few words as a garble flag is a slip
# of the keys inside the quote ("haveleft"), not a rewording.
_GENERIC = {Kind.GARBLED_TEXT: 1, Kind.QUOTE_VARIANT: 2}


def _outranked(f: Flag, flags: Sequence[Flag]) -> bool:
    """A low term flag that a high quote flag on the same words outranks.

    The one case where the checks themselves say the specific reading is weak and the generic one
    strong: a low term flag is the term check's "a synonym, worded differently", while a high quote
    flag has found that the quote's meaning changed (negation, scope, contrast, person, number).
    The quote flag says more ("only customers who can prove" for "anyone who suffers": the low term
    flag on the reworded words would hide the added restriction).
    """
    if f.kind is not Kind.TERM_VARIANT or f.severity is not Severity.LOW:
        return False
    return any(q.kind is Kind.QUOTE_VARIANT and q.severity is Severity.HIGH and _clash(f, q) for q in flags)


def _squeezed(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def _same_word_damaged(f: Flag, flags: Sequence[Flag]) -> bool:
    """A term flag on the same words as a garble flag whose repair it only repeats.

    "col- lector" for "collector" is one word broken by a line-end hyphen, not a different term:
    when the term check's expected wording holds the garble check's repair letter for letter
    ("collector bid"), the garble says what happened.
    """
    if f.kind is not Kind.TERM_VARIANT:
        return False
    return any(
        g.kind is Kind.GARBLED_TEXT and _clash(f, g) and _squeezed(g.expected)
        and _squeezed(g.expected) in _squeezed(f.expected)
        for g in flags
    )


def _inside_a_specific_flag(f: Flag, flags: Sequence[Flag]) -> bool:
    """A garble flag inside the words a name or term flag already marks as wrong.

    "pangolim" in "escamas de pangolim" (left untranslated where the others say "pangolin
    scales") is part of that one finding; a second flag on a word of it only repeats it.
    """
    if f.kind is not Kind.GARBLED_TEXT:
        return False
    return any(
        o.kind in (Kind.NAME_VARIANT, Kind.TERM_VARIANT) and o.start <= f.start and f.end <= o.end
        and (o.end - o.start) > (f.end - f.start)
        for o in flags
    )


def _fragment_of_a_garble(f: Flag, flags: Sequence[Flag]) -> bool:
    """A term flag on a piece of a word a garble flag marks as split ("kil" in "kil ometres").

    The garble check has read the longer stretch as words split or run together (its repair has
    the same letters, only the spaces differ); a term reading of one of the fragments compares a
    broken piece with the others' words, and the garble flag already shows the repair. A garble of
    another sort (a broken sentence) may hold a real mistranslation, which stays.
    """
    if f.kind is not Kind.TERM_VARIANT:
        return False
    return any(
        g.kind is Kind.GARBLED_TEXT and g.start <= f.start and f.end <= g.end and (g.end - g.start) > (f.end - f.start)
        and _squeezed(g.text) == _squeezed(g.expected)
        for g in flags
    )


def _explained_by_a_name(f: Flag, flags: Sequence[Flag]) -> bool:
    """An attribution flag whose speaker differs only by a name another flag already marks.

    "the inspector Laura White" credited where others say "Laura Blanco" is one finding, the name
    (a translated surname, a misspelling), not also a quote credited to someone else.
    """
    if f.kind is not Kind.ATTRIBUTION_CONFLICT:
        return False
    expected = f.expected.casefold()
    return any(
        n.kind is Kind.NAME_VARIANT and f.start <= n.start and n.end <= f.end and n.expected.casefold() in expected
        for n in flags
    )


def _inside_a_reworded_quote(f: Flag, flags: Sequence[Flag]) -> bool:
    """A low term flag on words inside a quote that a quote flag already marks as reworded.

    A low term flag is the term check's "worded differently, perhaps a synonym"; inside a quotation
    the quote flag already says that the wording differs and shows the others' whole rendering, so
    the low note repeats it, as long as that rendering holds the others' word the note names (when
    it does not, the note says something the quote flag does not show, and stays). A medium or high
    term flag (a different meaning) stays: it names the word that changed. On the same words as the
    quote flag, the clash rules decide instead.
    """
    if f.kind is not Kind.TERM_VARIANT or f.severity is not Severity.LOW:
        return False
    words = _WORD_RE.findall(f.expected.casefold())
    return any(
        q.kind is Kind.QUOTE_VARIANT and q.start <= f.start and f.end <= q.end and not _clash(f, q)
        and bool(words) and all(w in _WORD_RE.findall(q.expected.casefold()) for w in words)
        for q in flags
    )


# Flags that another flag of the same source already accounts for, dropped before the clashes are
# resolved: each rule takes the flag and its source's flags.
_SUBSUMED = (
    _outranked, _inside_a_reworded_quote, _same_word_damaged, _inside_a_specific_flag, _fragment_of_a_garble,
    _explained_by_a_name,
)


def run_checks(ctx: CheckContext, checks: Sequence[Check] = CHECKS) -> tuple[Flag, ...]:
    """Run every check, drop flags under the confidence floor, resolve overlaps, sort stably.

    Verbatim copies count as one witness (``copies``): the checks read the alignment with copied
    passages folded into their representative, and each flag on a representative passage is then
    projected onto its copies, before overlaps are resolved (so a copy's flags are resolved with
    its own flags exactly as the representative's were); afterwards every evidence span in a
    representative passage is followed by the copies' same words.

    Two flags in one source clash when they overlap over at least half of the longer one (they
    mark essentially the same words); of a clashing pair the more specific kind stays (garble
    before quote among the generic ones; a high quote flag beats a low term flag), then the more
    confident one (ties: the earlier kind in ``Kind``). A short flag well inside a longer one
    (a term inside a reworded quote) is a different finding and both stay. Before that, a flag
    another one already accounts for is dropped (``_SUBSUMED``).

    The checks' contests (one source against one) are decided last, from the flags settled so far
    (``contests.decide``); those kept are resolved with them like any other flag.
    """
    fold = copies.fold_of(ctx)
    seen = ctx if not fold.copy_of else CheckContext(sources=fold.sources, alignment=fold.alignment,
                                                      settings=ctx.settings)
    flags: list[Flag] = []
    for check in checks:
        flags.extend(f for f in check.run(seen) if f.confidence >= ctx.settings.min_confidence)
    flags.extend(copies.project(flags, fold, ctx))
    settled = _resolve_overlaps(flags)
    won = [f for f in contests.decide(seen.contests, settled, ctx.sources)
           if f.confidence >= ctx.settings.min_confidence]
    if won:
        settled = _resolve_overlaps(settled + won)
    return tuple(sorted(copies.cite_copies(settled, fold, ctx.sources), key=_sort_key))


def _sort_key(f: Flag) -> tuple:
    return (f.source, f.start, f.end, _KIND_ORDER[f.kind], f.id)


def _clash(a: Flag, b: Flag) -> bool:
    if a.source != b.source:
        return False
    overlap = min(a.end, b.end) - max(a.start, b.start)
    longer = max(a.end - a.start, b.end - b.start, 1)
    return overlap > 0 and overlap * 2 >= longer


def _resolve_overlaps(flags: Iterable[Flag]) -> list[Flag]:
    flags = list(flags)
    of_source: dict[str, list[Flag]] = {}
    for f in flags:
        of_source.setdefault(f.source, []).append(f)
    ranked = sorted(
        (f for f in flags if not any(rule(f, of_source[f.source]) for rule in _SUBSUMED)),
        key=lambda f: (_GENERIC.get(f.kind, 0), -f.confidence, _KIND_ORDER[f.kind], f.source, f.start, f.id),
    )
    kept: list[Flag] = []
    by_source: dict[str, list[Flag]] = {}
    seen_ids: set[str] = set()
    for f in ranked:
        if f.id in seen_ids:
            continue
        same_source = by_source.setdefault(f.source, [])
        if not any(_clash(f, k) for k in same_source):
            kept.append(f)
            same_source.append(f)
            seen_ids.add(f.id)
    return kept
