"""date_conflict: dates that disagree between sources.

The dates of every passage are read with its numbers (``quantities.mentions_in``: month-day
dates, spans of days, weekdays, years, months, days worded from the report's own day, each
source's publication day and the calendar's reading of them) and judged by the same consensus
(``quantity_consensus.story_quantities``): a date is in conflict when two or more other sources
give the same event another date, or when the only other source that dates it says otherwise and
the evidence says which side slipped. On top of that, a date printed beside a weekday it does not
fall on is judged against the calendar (``weekday_clashes``), and of two days only each other
contradict, the one the other source dates twice, with the weekday the calendar gives it, is
trusted (``calendar_witnesses``).

In: ``CheckContext``. Out: ``Flag``s of kind ``date_conflict``.
"""

from __future__ import annotations

import itertools
import re
from datetime import date
from typing import Iterator

from srccompare.checks.base import CheckContext, make_flag, span_of
from srccompare.checks.quantities import (
    WEEKDAY_GAP_RE, Mention, calendar_day, date_day, dates_beside, page_line, printed_beside,
)
from srccompare.checks.quantity_consensus import (
    MAX_EVIDENCE, MentionIndex, _digit_slip, _Lone, lone_flags, plain_value, story_quantities,
)
from srccompare.models import Flag, Kind, Severity


class DateCheck:
    """date_conflict: dates the other sources contradict (``story_quantities``), and dates printed
    beside a weekday they do not fall on (``weekday_clashes``)."""

    kinds = (Kind.DATE_CONFLICT,)

    def run(self, ctx: CheckContext) -> Iterator[Flag]:
        story = story_quantities(ctx)
        spots = mentions_by_spot(story.by_passage)
        days = _report_days(story.by_passage)
        flags = [f for f in story.majority if f.kind is Kind.DATE_CONFLICT
                 and not other_event(f, story.by_passage, story.index, story.story_year, spots, days)]
        flagged = {(f.source, f.start) for f in story.majority}
        flags.extend(weekday_clashes(ctx, story.by_passage, story.index, flagged, story.story_year))
        yield from flags
        for f in lone_flags(ctx, story, Kind.DATE_CONFLICT, flagged):
            flagged.add((f.source, f.start))
            yield f
        yield from calendar_witnesses(ctx, story.lone, story.by_passage, flagged, story.story_year)
        yield from relative_clashes(ctx, story.by_passage, story.index, flagged)


# --------------------------------------------------------------------------------------------
# A consensus verdict that compared two different days
# --------------------------------------------------------------------------------------------

_DAY_MARK = "⟨d"  # the anchor of a year printed with its month and day (``quantities._DAY_MARK``)


def mentions_by_spot(by_passage: dict[str, list[Mention]]) -> dict[tuple[str, int], list[Mention]]:
    """The story's printed (not derived) mentions by (source, start offset), in passage order: one
    pass over the story, so each flag's lookups below cost its own mentions, not the story's."""
    out: dict[tuple[str, int], list[Mention]] = {}
    for ms in by_passage.values():
        for m in ms:
            if not m.derived:
                out.setdefault((m.source, m.start), []).append(m)
    return out


def other_event(flag: Flag, by_passage: dict[str, list[Mention]], index: MentionIndex,
                year: int | None, spots: dict[tuple[str, int], list[Mention]] | None = None,
                report_days: list[int] | None = None) -> bool:
    """Whether a consensus flag on a date compared it with the day of another event, so an editor
    would not call it a conflict. These readings say so, each from the flagged source's own words:
    the weekday is printed beside a date it falls on ("Tuesday 17 November" in a year where the
    17th is a Tuesday: the source dates its day twice over, consistently, and others' different
    weekday dates something else); a weekday in a print page's running head names the source's own
    day (the issue's, not the news'); the day is that of a statement on the report's own day
    ("officials said on Thursday" in a report of that Thursday, or in a report whose day is unknown
    when another report of the story was filed on that Thursday) while the sources against it all
    date earlier days and none a statement (an announcement that is itself the news, "announced on
    Saturday" / "agreed on Monday", stays comparable); the year completes a day and month another
    source gives too, while none of the years against it is printed with that day ("on 17 November
    2026" against "installed in 2023": the year of a dated day, not of a year-long event).
    In: the flag, the mentions by passage, the index, the story's year and (optional, built when
    absent) ``mentions_by_spot`` of the same mentions and ``_report_days``. Out: True when the flag
    compared different days."""
    if spots is None:
        spots = mentions_by_spot(by_passage)
    mine = spots.get((flag.source, flag.start), [])
    # (A year-first date, "2027/03/04", starts where its year does: the flagged one ends where the flag does.)
    m = next((x for x in sorted(mine, key=lambda x: x.end != flag.end) if x.unit in ("weekday", "date", "year")), None)
    if m is None:
        return False
    if m.unit == "weekday" and year is not None and _printed_with_its_date(m, by_passage[m.passage.id], year):
        return True
    if m.unit == "weekday" and m.published and m.day == m.published and page_line(m.passage.text):
        return True  # the day in a print page's running head ("Friday, 20 November 2026 - Page 5")
    at = sorted({(e.source, e.start) for e in flag.evidence})
    voters = [c for spot in at for c in spots.get(spot, [])]
    if m.spoken and m.published and m.day == m.published and voters and not any(c.spoken for c in voters) \
            and all(0 < c.day < m.day for c in voters):
        return True
    if m.unit == "weekday" and m.spoken and not m.published and voters and not any(c.spoken for c in voters) \
            and any(date.fromordinal(d).weekday() in m.value and all(0 < c.day < d for c in voters)  # type: ignore[operator]
                    for d in (report_days if report_days is not None else _report_days(by_passage))):
        # The same for a report whose own day is unknown ("officials said on Monday"): its statement
        # falls on the day other reports of the story were filed, after the day the others give.
        return True
    if m.unit == "year":
        days = {a for a in m.anchor if a.startswith(_DAY_MARK)}
        if any(days & c.anchor for c in voters if c.unit == "year"):
            return False  # the others print the same day with another year: a slipped year
        for a in sorted(days):
            month, day = (int(x) for x in a[len(_DAY_MARK):-1].split("-"))
            if any(c.source != m.source for c in index.by_value.get(("date", (month, day)), ())):
                return True
    return False


def _report_days(by_passage: dict[str, list[Mention]]) -> list[int]:
    """The publication days (ordinals) of the story's reports whose day is known, as their weekday
    mentions carry them, in order."""
    return sorted({m.published for ms in by_passage.values() for m in ms if m.published})


def _printed_with_its_date(w: Mention, passage_mentions: list[Mention], year: int) -> bool:
    """Whether weekday ``w`` is printed together with a date ("Tuesday 17 November", "17
    November (Tuesday)") that the calendar puts on that weekday. In: the weekday, the mentions of
    its passage and the story's year (a year printed after the date wins). Out: the answer."""
    if len(w.value) != 1:  # type: ignore[arg-type]
        return False
    wd = next(iter(w.value))  # type: ignore[call-overload]
    return any((day := date_day(d, year)) is not None and day.weekday() == wd
               for d in dates_beside(w, passage_mentions))


def calendar_witnesses(ctx: CheckContext, lone: list[_Lone], by_passage: dict[str, list[Mention]],
                       flagged: set[tuple[str, int]], year: int | None) -> Iterator[Flag]:
    """Of two days that only each other contradict, a bare weekday, when the other source prints
    the day as a date beside the weekday it falls on ("detained on Thursday" / "detained on Tuesday
    17 November" in a year where the 17th is a Tuesday): that source dates the day twice, the
    calendar agrees with it, and an editor trusts it over a lone weekday. So too a bare date one
    slip from that date ("will reopen on April 17" / "will reopen on Thursday, April 16"). In: the
    context, the story's lone pairs (``StoryQuantities.lone``: a weekday appears there as itself or
    as its calendar date), the mentions by passage, the (source, start) already flagged (updated)
    and the story's year. Out: the flags, the weekday of the trusted day (the trusted date, for a
    bare date) as the expected form."""
    if year is None:
        return
    for pair in lone:
        for x, y in ((pair.mention, pair.other), (pair.other, pair.mention)):
            if not pair.strong or (x.source, x.start) in flagged or (y.source, y.start) in flagged:
                continue
            ymine = by_passage.get(y.passage.id, [])
            bare = next((w for w in ymine if w.unit == "weekday" and not w.derived and w.start == y.start
                         and w.source == y.source and w.relative is None and len(w.value) == 1), None)  # type: ignore[arg-type]
            if bare is None and y.unit == "date" and not y.derived and not y.through and y.relative is None \
                    and x.unit == "date" and _digit_slip(x, y) and not _weekday_beside(y, ymine):
                # A bare date one slip from the other's ("reopen on April 17" / "reopen on Thursday,
                # April 16"): the same trust in a day dated twice.
                bare = y
            if bare is None or (bare.unit == "weekday" and _printed_with_a_date(bare, ymine)):
                continue
            xmine = by_passage.get(x.passage.id, [])
            twice = [w for w in xmine if w.unit == "weekday" and not w.derived and w.source == x.source
                     and _printed_with_its_date(w, xmine, year)]
            day = _day_of(x, xmine, year)
            if not twice or day is None or not any(_near(w, x) for w in twice) \
                    or (bare.unit == "weekday" and frozenset({day.weekday()}) == bare.value):
                continue
            flagged.add((bare.source, bare.start))
            if bare.unit == "date":
                expected = x.text
                message = (f'"{bare.text}" where the only other source that dates it prints "{x.text}" with its '
                           f'weekday, a {_DAY_NAMES[day.weekday()]}, and the calendar agrees')
            else:
                expected = _DAY_NAMES[day.weekday()]
                message = (f'"{bare.text}" where the only other source that dates it prints '
                           f'"{x.text}" with its weekday, a {_DAY_NAMES[day.weekday()]}, and the calendar agrees')
            yield make_flag(ctx, kind=Kind.DATE_CONFLICT, source=bare.source, start=bare.start, end=bare.end,
                            expected=expected, severity=Severity.LOW,
                            confidence=WEEKDAY_CLASH_CONFIDENCE, group=pair.group, message=message,
                            evidence=[span_of(ctx, x.source, x.start, x.end)])
            break


_RELATIVE_GAP_RE = re.compile(r",?\s*(?:on\s+|\(\s*)?")


def relative_clashes(ctx: CheckContext, by_passage: dict[str, list[Mention]], index: MentionIndex,
                     flagged: set[tuple[str, int]]) -> Iterator[Flag]:
    """A weekday printed right beside a day worded from the report's own day that the calendar
    puts on another weekday ("Yesterday, on Monday," in a report of a Wednesday), where other
    sources give the relative word's weekday in a sentence sharing words with this one and none
    gives the printed one: the source's own day and the others agree, so the printed weekday
    slipped. In: the context, the mentions by passage, the index and the (source, start) already
    flagged (updated). Out: the flags, the relative word's weekday as the expected form."""
    for pid in sorted(by_passage):
        ms = sorted((m for m in by_passage[pid] if m.unit == "weekday" and not m.derived
                     and len(m.value) == 1), key=lambda m: m.start)  # type: ignore[arg-type]
        for a, b in zip(ms, ms[1:]):
            for r, w in ((a, b), (b, a)):
                if r.relative is None or r.relative[0] != "day" or w.relative is not None or r.value == w.value \
                        or (w.source, w.start) in flagged or (r.source, r.start) in flagged:
                    continue
                text, base = a.passage.text, a.passage.start
                if not _RELATIVE_GAP_RE.fullmatch(text[a.end - base:b.start - base]):
                    continue
                fits = _others_give(index, w, tuple(sorted(r.value)))  # type: ignore[arg-type]
                if not fits or _others_give(index, w, tuple(sorted(w.value))):  # type: ignore[arg-type]
                    continue
                fits = sorted(fits, key=lambda c: (c.derived, c.source, c.start))
                name = _DAY_NAMES[next(iter(r.value))]  # type: ignore[call-overload]
                flagged.add((w.source, w.start))
                yield make_flag(ctx, kind=Kind.DATE_CONFLICT, source=w.source, start=w.start, end=w.end,
                                expected=name, severity=Severity.MEDIUM, confidence=WEEKDAY_CLASH_CONFIDENCE,
                                group=ctx.group_of.get(w.passage.id),
                                message=(f'"{w.text}" beside "{r.text}", a {name} for this report; '
                                         f'{len({c.source for c in fits})} other source(s) give {name}'),
                                evidence=[span_of(ctx, c.source, c.start, c.end) for c in fits[:MAX_EVIDENCE]])


def _others_give(index: MentionIndex, w: Mention, weekday: tuple[int, ...]) -> list[Mention]:
    """Other sources' mentions of ``weekday`` (printed, or a date's calendar reading) in a sentence
    sharing words or an event word with weekday mention ``w``."""
    return [c for c in index.by_number.get(("weekday", weekday), ()) if c.source != w.source
            and c.relative is None and (w.context & c.context or w.anchor & c.anchor)]


def _near(w: Mention, x: Mention) -> bool:
    """Whether weekday ``w`` is ``x`` itself or printed right beside it."""
    return w.start == x.start or printed_beside(w, x)


def _day_of(x: Mention, passage_mentions: list[Mention], year: int) -> date | None:
    """The calendar day of date mention ``x`` (a year printed after it wins), None if not one."""
    if x.unit != "date" or x.through or x.relative is not None:
        return None
    return date_day(x, year)


def _weekday_beside(d: Mention, passage_mentions: list[Mention]) -> bool:
    """Whether date ``d`` is printed with a weekday right beside it ("Thursday, April 16")."""
    return any(w.unit == "weekday" and not w.derived and w.source == d.source and printed_beside(w, d)
               for w in passage_mentions)


def _printed_with_a_date(w: Mention, passage_mentions: list[Mention]) -> bool:
    """Whether weekday ``w`` is printed together with any date (then ``weekday_clashes`` judges it)."""
    return any(d.unit == "date" and not d.derived and d.source == w.source and printed_beside(w, d)
               for d in passage_mentions)


# --------------------------------------------------------------------------------------------
# A date printed with a weekday it does not fall on: "Sunday, October 25" (a Saturday)
# --------------------------------------------------------------------------------------------

WEEKDAY_CLASH_CONFIDENCE = 0.6
"""Confidence of a flag for a date whose own printed weekday says another source's date is right."""

_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def weekday_clashes(ctx: CheckContext, by_passage: dict[str, list[Mention]], index: MentionIndex,
                    flagged: set[tuple[str, int]], year: int | None) -> list[Flag]:
    """Dates printed beside a weekday they do not fall on, where another source gives the date one
    slip away that does ("Sunday, October 25" in a year where the 25th is a Saturday, another
    source "October 26"): the weekday and the others agree, so the date slipped; or the other way
    round, the weekday slipped where another source prints the date with the calendar's weekday,
    or two other sources give the date itself for the same event. In: the context,
    the mentions by passage, the index, the (source, start) of mentions already flagged and the
    story's year (``publication_days``; nothing is judged without one). Out: the flags."""
    if year is None:
        return []
    out: list[Flag] = []
    pairs: list[tuple[Mention, Mention, date]] = []  # (weekday, date, the date's calendar day) printed together
    for pid in sorted(by_passage):
        ms = sorted((m for m in by_passage[pid] if not m.derived and m.relative is None),
                    key=lambda m: m.start)
        for w, d in itertools.chain(zip(ms, ms[1:]), ((b, a) for a, b in zip(ms, ms[1:]))):
            if w.unit != "weekday" or d.unit != "date" or d.through or len(w.value) != 1 \
                    or (d.source, d.start) in flagged:  # type: ignore[arg-type]
                continue
            text = d.passage.text
            lo, hi = (w.end, d.start) if w.start < d.start else (d.end, w.start)
            if not WEEKDAY_GAP_RE.fullmatch(text[lo - d.passage.start:hi - d.passage.start]):
                continue  # not printed together ("on Sunday, three days after October 25")
            day = date_day(d, year)
            wd = next(iter(w.value))  # type: ignore[call-overload]
            if day is not None:
                pairs.append((w, d, day))
            if day is None or day.weekday() == wd:
                continue
            # Another source's date one slip away that falls on the printed weekday: printed, or
            # the calendar's reading of its own weekday ("the tram came off on Tuesday" in a report
            # of that week) where its sentence shares words with this one.
            fits = [c for c in index.slips(d) if c.unit == "date" and not c.through
                    and (c.source, c.start) not in flagged  # a date the others outvoted vouches for nothing
                    and (cd := calendar_day(day.year, c.value)) is not None  # type: ignore[arg-type]
                    and cd.weekday() == wd and (not c.derived or d.context & c.context or d.anchor & c.anchor)]
            if not fits:
                continue
            ref = sorted(fits, key=lambda c: (c.source, c.start))[0]
            message = (f'"{d.text}" is a {_DAY_NAMES[day.weekday()]}, not the {_DAY_NAMES[wd]} this source gives '
                       f'with it; {len({c.source for c in fits})} other source(s) give "{ref.text}", a {_DAY_NAMES[wd]}')
            out.append(make_flag(ctx, kind=Kind.DATE_CONFLICT, source=d.source, start=d.start, end=d.end,
                                 expected=ref.text, severity=Severity.MEDIUM, confidence=WEEKDAY_CLASH_CONFIDENCE,
                                 group=ctx.group_of.get(d.passage.id), message=message,
                                 evidence=[span_of(ctx, c.source, c.start, c.end)
                                           for c in sorted(fits, key=lambda c: (c.source, c.start))[:MAX_EVIDENCE]]))
            flagged.add((d.source, d.start))
    # The other way round: the date is right and its weekday slipped. Another source prints the
    # same date with the weekday the calendar gives it ("on Saturday April 22" / "on Sunday April
    # 22" in a year where the 22nd is a Saturday): the calendar and that source agree.
    for w, d, day in pairs:
        wd = next(iter(w.value))  # type: ignore[call-overload]
        if day.weekday() == wd or (d.source, d.start) in flagged or (w.source, w.start) in flagged:
            continue
        fits = sorted((c for c, e, _ in pairs if e.source != d.source and e.value == d.value
                       and c.value == frozenset({day.weekday()})), key=lambda c: (c.source, c.start))
        if not fits:
            continue
        ref = fits[0]
        message = (f'"{w.text}" where {d.text} is a {_DAY_NAMES[day.weekday()]}; '
                   f'{len({c.source for c in fits})} other source(s) give "{ref.text}" with that date')
        out.append(make_flag(ctx, kind=Kind.DATE_CONFLICT, source=w.source, start=w.start, end=w.end,
                             expected=ref.text, severity=Severity.MEDIUM, confidence=WEEKDAY_CLASH_CONFIDENCE,
                             group=ctx.group_of.get(w.passage.id), message=message,
                             evidence=[span_of(ctx, c.source, c.start, c.end) for c in fits[:MAX_EVIDENCE]]))
        flagged.add((w.source, w.start))
    # Nobody else prints this date with a weekday, but other sources give the date itself for the
    # same event ("late on Tuesday, November 11" in a year where the 11th is a Wednesday, two
    # others "on November 11" / "on Wednesday" of that week): the date agrees with them and the
    # calendar, so the weekday slipped. Only when no source gives the day the printed weekday
    # falls on near it (that would make the date the slip, above).
    for w, d, day in pairs:
        wd = next(iter(w.value))  # type: ignore[call-overload]
        if day.weekday() == wd or (d.source, d.start) in flagged or (w.source, w.start) in flagged:
            continue
        same = [c for c in index.by_number.get((d.unit, plain_value(d)), ()) if c.source != d.source
                and not c.through and (d.context & c.context or d.anchor & c.anchor)]
        if len({c.source for c in same}) < 2:
            continue
        if any(e.source != d.source and e.value == d.value and c.value != frozenset({day.weekday()})
               for c, e, _ in pairs):
            # Another source prints this date with a weekday the calendar does not give it
            # either: the year the calendar was read in may be the wrong one.
            continue
        if any(c.unit == "date" and c.source != d.source and (cd := calendar_day(day.year, c.value)) is not None
               and cd.weekday() == wd for c in index.slips(d)):  # type: ignore[arg-type]
            continue
        fits = sorted(same, key=lambda c: (c.derived, c.source, c.start))
        ref = fits[0]
        message = (f'"{w.text}" where {d.text} is a {_DAY_NAMES[day.weekday()]}; '
                   f'{len({c.source for c in fits})} other source(s) give that date for the same event')
        out.append(make_flag(ctx, kind=Kind.DATE_CONFLICT, source=w.source, start=w.start, end=w.end,
                             expected=_DAY_NAMES[day.weekday()], severity=Severity.MEDIUM,
                             confidence=WEEKDAY_CLASH_CONFIDENCE, group=ctx.group_of.get(w.passage.id),
                             message=message,
                             evidence=[span_of(ctx, c.source, c.start, c.end) for c in fits[:MAX_EVIDENCE]]))
        flagged.add((w.source, w.start))
    out.extend(_weekday_told_otherwise(ctx, pairs, index, flagged))
    return out


def _weekday_told_otherwise(ctx: CheckContext, pairs: list[tuple[Mention, Mention, date]], index: MentionIndex,
                            flagged: set[tuple[str, int]]) -> Iterator[Flag]:
    """A weekday printed with a date it does not fall on, where another source names for the same
    event, as a weekday of its own, the day the calendar puts the date on ("talks are set for
    Tuesday, February 19" in a year where the 19th is a Thursday, another source "due to meet on
    Thursday"), and no other source gives the printed weekday or a date on it: the printed date,
    the calendar and that source agree, so the weekday slipped (a translation or a rewrite that
    recomputes or retypes the weekday keeps the date it copies). The same event is a passage
    aligned with this one or a sentence sharing ``SAME_EVENT_STEMS`` content words. In: the
    context, ``weekday_clashes``' pairs (weekday, date, the date's calendar day), the index and
    the (source, start) already flagged (updated). Out: the flags, the calendar's weekday as the
    expected form."""
    for w, d, day in pairs:
        wd = next(iter(w.value))  # type: ignore[call-overload]
        if day.weekday() == wd or (d.source, d.start) in flagged or (w.source, w.start) in flagged:
            continue
        group = ctx.group_of.get(w.passage.id)
        near = {q.id for q in group.passages} if group is not None else set()
        if _others_give(index, w, (wd,)):
            continue  # another source dates it on the printed weekday: the date may be the slip
        told = sorted((c for c in _others_give(index, w, (day.weekday(),)) if not c.derived
                       and (c.passage.id in near or len(w.context & c.context) >= SAME_EVENT_STEMS)),
                      key=lambda c: (c.source, c.start))
        if not told:
            continue
        name = _DAY_NAMES[day.weekday()]
        message = (f'"{w.text}" where {d.text} is a {name}; '
                   f'{len({c.source for c in told})} other source(s) give {name} for the same event')
        flagged.add((w.source, w.start))
        yield make_flag(ctx, kind=Kind.DATE_CONFLICT, source=w.source, start=w.start, end=w.end, expected=name,
                        severity=Severity.MEDIUM, confidence=WEEKDAY_CLASH_CONFIDENCE, group=group,
                        message=message, evidence=[span_of(ctx, c.source, c.start, c.end) for c in told[:MAX_EVIDENCE]])


SAME_EVENT_STEMS = 2
"""Content stems a sentence outside the aligned passages must share with a weekday's to date the
same event for ``_weekday_told_otherwise`` (one shared word, "union" or "talks", is any sentence of
the story)."""
