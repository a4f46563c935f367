"""number_conflict: figures that disagree between sources.

The figures are read by ``quantities`` and judged by the consensus shared with date_conflict
(``quantity_consensus.story_quantities``): a figure is in conflict when two or more other sources
give the same quantity another value, or when the only other source that gives it says otherwise
and the evidence says which side slipped. On top of that, a figure printed with another unit of
its dimension than the others give it ("11 minutes" for "11 seconds") is flagged (``unit_swaps``),
and so is a figure printed without its noun that is a rare slip of the figure the others agree on
("83 were admitted to hospital" where three say 38: ``bare_slips``).

In: ``CheckContext``. Out: ``Flag``s of kind ``number_conflict``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Iterator, Sequence

from srccompare.checks.base import CheckContext, make_flag, span_of
from srccompare.checks.quantities import BARE, Mention, measure_unit, read_figure, sentence_words, unit_stems
# NUMBER_WORDS is read from here by ``terms`` (it predates the split into ``quantities``).
from srccompare.checks.quantities import NUMBER_WORDS as NUMBER_WORDS  # noqa: F401
from srccompare.checks.quantity_consensus import (
    MIN_STORY_CONTEXT, MentionIndex, context_similarity, lone_flags, loose_pair, plain_value, slip_variants,
    story_quantities,
)
from srccompare.checks.speech import FUNCTION_WORDS, stem
from srccompare.models import Flag, Kind, Severity


class NumberCheck:
    """number_conflict: figures the other sources contradict (``story_quantities``), figures
    printed with another unit of their dimension (``unit_swaps``) and bare figures one rare slip
    from the others' figure (``bare_slips``)."""

    kinds = (Kind.NUMBER_CONFLICT,)

    def run(self, ctx: CheckContext) -> Iterator[Flag]:
        story = story_quantities(ctx)
        flags = [f for f in story.majority if f.kind is Kind.NUMBER_CONFLICT]
        flagged = {(f.source, f.start) for f in story.majority}
        for f in unit_swaps(ctx, story.by_passage, story.index, flagged):
            flags.append(f)
            flagged.add((f.source, f.start))
        for f in bare_slips(ctx, story.by_passage, story.index, flagged):
            flags.append(f)
            flagged.add((f.source, f.start))
        yield from flags
        yield from lone_flags(ctx, story, Kind.NUMBER_CONFLICT, flagged)


# --------------------------------------------------------------------------------------------
# The figure of another unit: "11 minutes" where the others say "11 seconds"
# --------------------------------------------------------------------------------------------

UNIT_SWAP_CONFIDENCE = 0.6
"""Confidence of a flag for a figure printed with another unit of its dimension."""

SMALL_FIGURE = 10
"""The largest figure that ``unit_swaps`` pairs with another source's in another unit only where
the alignment or the sentence's words say they state one quantity. The small numbers English
spells out ("two", "three", "ten") count many stretches of one story in many units ("spoke for
three minutes" / "three weeks of talks" on the same budget; "a report within two weeks" /
"shaking for two hours"): one word the two sentences share, or a paraphrase pairing of their
passages (``loose_pair``: it says two passages tell one thing, not which of their figures match),
does not make the same small figure one quantity."""


def _conversions(by_passage: dict[str, list[Mention]]) -> dict[int, Mention]:
    """Figures a source gives in brackets as another's conversion ("$14.8 billion (about 13.3 billion
    euros)", "51.2 degrees Celsius (124 Fahrenheit)"), both ways: {id(mention): its partner}. The
    two state one quantity in two units of one dimension."""
    out: dict[int, Mention] = {}
    for ms in by_passage.values():
        for a, b in zip(ms, ms[1:]):
            ua, ub = measure_unit(a), measure_unit(b)
            if ua is None or ub is None or ua[0] != ub[0] or ua == ub or a.derived or b.derived:
                continue
            between = a.passage.text[a.end - a.passage.start:b.start - a.passage.start]
            if between.strip().rstrip("~≈").strip().lower() in ("(", "(about", "(around", "(approximately", "(roughly",
                                                                "(some", "[", "(or", "(nearly", "(almost"):
                out[id(a)], out[id(b)] = b, a
    return out


def unit_swaps(ctx: CheckContext, by_passage: dict[str, list[Mention]], index: "MentionIndex",
               flagged: set[tuple[str, int]]) -> list[Flag]:
    """Figures printed with another unit of their dimension than the one the other sources give them
    ("11 minutes" where two sources say "11 seconds", "$13.3 billion" where another gives "13.3 billion
    euros" as the conversion of "$14.8 billion"). In: the context, the mentions by passage, the index
    and the (source, start) of mentions already flagged. Out: the flags.

    A figure no other source gives in its unit is flagged when (1) at least two other sources give
    the same figure in one other unit of the same dimension, agreeing among themselves, in a related
    role (aligned passages or shared words; for a figure up to ``SMALL_FIGURE``, passages aligned
    and not paired loosely, or sentences alike), or (2) another source gives the same figure in another
    unit as the bracketed conversion of a figure in this unit that a third source confirms: then
    the brackets say which quantity it is. Units of different dimensions never meet ("11 km" and
    "11 minutes" are unrelated)."""
    conv = _conversions(by_passage)
    out: list[Flag] = []
    for pid in sorted(by_passage):
        for m in by_passage[pid]:
            unit = measure_unit(m)
            if unit is None or m.derived or (m.source, m.start) in flagged or not isinstance(m.value, float) \
                    or _printed_ambiguous(m):
                continue  # an ambiguous "3,200" may have been re-read to another's "3.2": not a unit slip
            group = ctx.group_of.get(m.passage.id)
            same = [c for u in _dimension_units(index, m) for c in index.by_number.get((u, plain_value(m)), ())
                    if c.source != m.source and not c.derived]
            if not same or any(measure_unit(c) == unit for c in same):
                continue  # nobody else gives this figure, or someone gives it in this unit too
            others: dict[tuple[str, str], set[str]] = defaultdict(set)
            related: dict[tuple[str, str], Mention] = {}
            for c in same:
                uc = measure_unit(c)
                if uc is None or uc[0] != unit[0] or _one_sign(m, c):
                    continue
                aligned = group is not None and ctx.group_of.get(c.passage.id) is group
                if m.value <= SMALL_FIGURE:
                    # (A small figure: the alignment, not a paraphrase pairing, or the sentence's
                    # words, not one word shared, say it is the same quantity.)
                    related_role = (aligned and not loose_pair(group, m.passage.id, c.passage.id)) \
                        or context_similarity(m, c) >= MIN_STORY_CONTEXT
                else:
                    related_role = aligned or context_similarity(m, c) >= MIN_STORY_CONTEXT \
                        or bool(_sentence_stems(m) & _sentence_stems(c))
                if related_role:
                    others[uc].add(c.source)
                    related.setdefault(uc, c)
            ref: Mention | None = None
            why = ""
            if len(others) == 1:
                uc, srcs = next(iter(others.items()))
                own = [x for u in _dimension_units(index, m) for x in index.by_number.get((u, plain_value(m)), ())
                       if x.source == m.source and x is not m and not x.derived and measure_unit(x) == uc]
                if len(srcs) >= 2 and not any(context_similarity(x, related[uc]) >= context_similarity(m, related[uc])
                                              for x in own):
                    # (A source that gives the figure in the others' unit itself, where their words
                    # are, tells two quantities: "in three days" of the run and "the largest in three
                    # years"; "two weeks before the collapse" and "two days after" it.)
                    ref = related[uc]
                    why = f"{len(srcs)} other sources give the figure in another unit"
            if ref is None:
                for c in sorted(same, key=lambda c: (c.source, c.start)):
                    partner = conv.get(id(c))
                    if partner is None or measure_unit(partner) != unit or plain_value(partner) == plain_value(m) \
                            or _one_sign(m, c):
                        continue
                    if any(x.source not in (m.source,) for x in index.by_number.get((partner.unit, plain_value(partner)), ())
                           if x is not partner and measure_unit(x) == unit) or \
                            index.attested_by(partner, exclude={m.source, partner.source}):
                        ref = partner
                        why = f'another source gives "{c.text}" as the conversion of "{partner.text}"'
                        break
            if ref is None:
                continue
            kind = Kind.NUMBER_CONFLICT
            end = m.end
            word = _UNIT_AFTER_RE.match(m.passage.text, m.end - m.passage.start)
            if m.unit == "count" and word:
                end = m.passage.start + word.end()  # the unit word is the slip: "four months"
            text = ctx.sources[m.source].text[m.start:end]
            message = f'"{text}" where {why}: "{ref.text}"'
            out.append(make_flag(ctx, kind=kind, source=m.source, start=m.start, end=end, expected=ref.text,
                                 severity=Severity.MEDIUM, confidence=UNIT_SWAP_CONFIDENCE, group=group,
                                 message=message, evidence=[span_of(ctx, ref.source, ref.start, ref.end)]))
    return out


_UNIT_AFTER_RE = re.compile(r"[\s\-]*[^\W\d_]+")

_DOLLAR_SIGNED = frozenset({"USD", "AUD", "CAD", "NZD", "HKD", "SGD", "PESO"})
"""Currencies printed with the sign "$": the dollars and the pesos."""

_COUNTRY_SAID_RE = re.compile(r"\b(?:US|U\.S\.|USD|American)\b|US\$")


def _one_sign(a: Mention, b: Mention) -> bool:
    """Whether two amounts in two currencies of the dollar sign may be one amount: one of them is
    printed with the bare sign ("$1.4bn", "1.4 billion dollars") and no country, as the press of
    every country whose currency is a dollar or a peso prints its own money ("$45 million" in a
    Canadian paper is "C$45 million" abroad). The bare sign is no slip for the country's one."""
    ua, ub = a.unit[4:], b.unit[4:]
    if not (a.unit.startswith("cur:") and b.unit.startswith("cur:")) or ua == ub:
        return False
    signed = [u in _DOLLAR_SIGNED or u.endswith("-DOLLAR") for u in (ua, ub)]
    bare = [u == "USD" and not _COUNTRY_SAID_RE.search(m.text) for u, m in ((ua, a), (ub, b))]
    return all(signed) and any(bare)


def _printed_ambiguous(m: Mention) -> bool:
    """Whether a mention's printed figure reads two ways ("3,200": 3.2 or 3200)."""
    return any((read := read_figure(f)) is not None and read[1] is not None
               for f in re.findall(r"\d[\d.,'’\u00a0\u202f\u2009 ]*\d|\d", m.text))


_SHARE_GAP_RE = re.compile(r"(?:\s+[^\W\d_]+)?\s*[,(]?\s*(?:or\s+)?")


def share_beside(m: Mention, index: MentionIndex) -> float | None:
    """The share printed right after a figure as its part of a whole ("1,538 voters, or 38.6
    percent", "1,358 (38.6%)"), None when there is none. Two figures printed with the same share
    count one group: how a source words the count (with its noun, without) is its own, the share
    is the story's."""
    text, base = m.passage.text, m.passage.start
    for x in index.in_passage(m.passage.id):
        if x.unit == "percent" and not x.derived and x.start >= m.end and isinstance(x.value, float) \
                and _SHARE_GAP_RE.fullmatch(text[m.end - base:x.start - base]):
            return x.value
    return None


def _sentence_stems(m: Mention) -> frozenset[str]:
    """The content stems of a mention's sentence, without units of measurement: what two sentences
    giving one figure in two units may share ("a challenge … 11 seconds left" / "the challenge …
    11 minutes before the end"). Nor number words: a figure in words ("two hours" / "two weeks")
    shares its own word with every sentence giving that figure."""
    units = unit_stems()
    return frozenset(st for w in sentence_words(m) if w not in FUNCTION_WORDS and w not in NUMBER_WORDS
                     and (st := stem(w)) not in units)


def _dimension_units(index: "MentionIndex", m: Mention) -> list[str]:
    """The ``Mention.unit``s that may hold another unit of ``m``'s dimension: counts for measures
    counted by a noun, the other currencies or temperature scales present in the story."""
    if m.unit == "count":
        return ["count"]
    prefix = m.unit.split(":")[0] + ":"
    return sorted(u for u in index.units if u.startswith(prefix) and u != m.unit)


# --------------------------------------------------------------------------------------------
# A figure of nothing named, one slip from a figure the others agree on: "83 admitted to hospital"
# --------------------------------------------------------------------------------------------

BARE_SLIP_CONFIDENCE = 0.55
"""Confidence of a flag for a figure printed without its noun, one slip from the others' figure."""

BARE_SLIP_SHARED = 2
"""Clause words a bare figure must share with one of the others' figures to state that quantity."""


SLIP_CONSENSUS = 3
"""Other sources that must give a figure for a rare slip of it to be flagged on its own words."""

SLIP_DIGITS = 3
"""Significant digits a figure needs for its rare slip to be no chance likeness to another."""


def significant_digits(value: float) -> str:
    """The digits of a figure without its point, sign and the zeros around them (45300 -> "453",
    0.062 -> "62"): how many of them a slip had to get right."""
    return f"{value:.12g}".lstrip("-").replace(".", "").strip("0")


def wide_consensus_slip(m: Mention, v: float, others: Sequence[Mention]) -> bool:
    """Whether ``others``, the mentions of ``v`` (a rare slip of ``m``'s figure), say that ``m``
    is that slip wherever the alignment put them: ``v`` has ``m``'s digits in another order (a
    factor of ten is also what a unit of another size makes of one quantity, "1,840 hectolitres"
    / "184,000 litres"; a swap never is), three or more other sources print it (a typist's or
    translator's slip is made once, in one source), ``m`` has three or more significant digits
    (two figures of a story sharing three digits in another order rarely do so by chance; 12
    and 21 often do), and one of them shares a word of ``m``'s clause ("the 45,300-strong
    crowd" / "the crowd of 54,300")."""
    printed = [f"{x:.12g}".lstrip("-").replace(".", "").lstrip("0") for x in (v, m.value)]
    return printed[0] != printed[1] and sorted(printed[0]) == sorted(printed[1]) \
        and len({c.source for c in others}) >= SLIP_CONSENSUS \
        and len(significant_digits(m.value)) >= SLIP_DIGITS \
        and any(m.context & c.context for c in others)


def bare_slips(ctx: CheckContext, by_passage: dict[str, list[Mention]], index: MentionIndex,
               flagged: set[tuple[str, int]]) -> list[Flag]:
    """Figures printed without a counted noun ("83 were admitted to hospital") that no other source
    gives, one rare slip (two digits swapped, a factor of ten) from a figure two or more other
    sources give, in a clause that shares words with one of theirs ("38 cases admitted to
    hospital"), or that this source itself gives beside a word of this one's clause ("83 of them
    warded" / "Of the 38 warded": it contradicts itself). A bare figure has no role the consensus
    can compare (``story_quantities`` skips it), but a swapped or scaled figure that nobody else
    prints, beside the same words as the figure everybody else prints, is a slip of it. The
    alignment says so too: two or more other sources giving that figure, without its noun, in
    passages aligned with this one's ("a petition drew 815 signatures, of which 594 opposed the
    quarry" / "815 signatures, and 549 of them objected") state the same quantity however they
    word it; and a figure with its noun ("5,940 residents objected" against two aligned "594",
    or two in passages paired loosely with its own that share its clause's words) is judged the
    same way, as the consensus never pairs a counted figure with a bare one. In: the context,
    the mentions by passage, the index and the (source, start) of mentions already flagged.
    So does a swap three or more sources print, wherever they print it (``wide_consensus_slip``).
    A hedged figure ("about 8,300") is judged too: its wording allows a rounding, never a slip
    outside the interval it gives. Out: the flags."""
    out: list[Flag] = []
    for pid in sorted(by_passage):
        group = ctx.group_of.get(pid)
        for m in by_passage[pid]:
            if m.unit not in (BARE, "count") or m.derived or m.hedge == "range" or not isinstance(m.value, float) \
                    or m.value < 10 or (m.source, m.start) in flagged or not m.context:
                continue
            if any(c.source != m.source for u in ("count", BARE) for c in index.by_number.get((u, plain_value(m)), ())):
                continue  # another source gives this figure too
            fits: dict[float, list[Mention]] = {}
            for v in sorted(slip_variants(m.value, rare=True)):
                if m.lo <= v <= m.hi:
                    continue  # the wording allows it: "about 80" is no slip of 83
                cs = [c for u in ("count", BARE) for c in index.by_number.get((u, round(v, 9)), ()) if not c.derived]
                own = [c for c in cs if c.source == m.source]
                others = [c for c in cs if c.source != m.source]
                if len({c.source for c in others}) < 2:
                    continue
                grouped = [c for c in others if group is not None and ctx.group_of.get(c.passage.id) is group]
                aligned = [c for c in grouped if not loose_pair(group, pid, c.passage.id)]  # type: ignore[arg-type]
                if not own and wide_consensus_slip(m, v, others):
                    fits[v] = sorted(others, key=lambda c: (c.source, c.start))
                    continue
                if m.unit == "count":
                    # (A counted figure against counted ones is the consensus's to judge; a bare
                    # one in a paraphrase must share the words of this one's clause.)
                    bare = [c for c in grouped if c.unit == BARE and (any(c is x for x in aligned)
                                                                      or len(m.context & c.context) >= BARE_SLIP_SHARED)]
                    share = share_beside(m, index)
                    if not own and len({c.source for c in bare}) >= 2:
                        fits[v] = sorted(bare, key=lambda c: (c.source, c.start))
                    elif not own and share is not None and any(share_beside(c, index) == share for c in others):
                        # ("1,538 voters, or 38.6 percent" / "1,358 or 38.6 percent supported it":
                        # the share printed beside both says they count one group, wherever the
                        # alignment put them; two or more sources give that figure.)
                        fits[v] = sorted(others, key=lambda c: (c.source, c.start))
                    continue
                if own:
                    # This source gives that figure itself. In the same passage ("74 were taken to
                    # hospital and 47 went home") or another clause it is another quantity; beside
                    # the same word elsewhere ("with 83 of them warded" / "Of the 38 warded, nine
                    # are children") the source contradicts itself, and the others say which of
                    # its two figures slipped.
                    if all(c.context & m.context and c.passage.id != m.passage.id for c in own):
                        fits[v] = sorted(others, key=lambda c: (c.source, c.start))
                    continue
                share = share_beside(m, index)
                if (len(m.context) >= BARE_SLIP_SHARED and
                        any(len(m.context & c.context) >= BARE_SLIP_SHARED for c in others)) \
                        or len({c.source for c in aligned}) >= 2 \
                        or (share is not None and any(share_beside(c, index) == share for c in others)):
                    fits[v] = sorted(others, key=lambda c: (c.source, c.start))
            if len(fits) != 1:
                continue
            cs = next(iter(fits.values()))
            ref = max(cs, key=lambda c: (len(m.context & c.context), c.unit == "count", c.source))
            message = (f'"{m.text}" where {len({c.source for c in cs})} other sources give "{ref.text}" '
                       f'in words like these, and none gives {m.text}')
            out.append(make_flag(ctx, kind=Kind.NUMBER_CONFLICT, source=m.source, start=m.start, end=m.end,
                                 expected=ref.text, severity=Severity.MEDIUM, confidence=BARE_SLIP_CONFIDENCE,
                                 group=ctx.group_of.get(m.passage.id), message=message,
                                 evidence=[span_of(ctx, c.source, c.start, c.end) for c in cs[:6]]))
    return out
