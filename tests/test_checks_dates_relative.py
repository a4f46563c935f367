"""date_conflict: days worded from a report's own day ("yesterday", "the day before yesterday",
"tomorrow") that a translation got wrong, judged on each report's own publication day; the
readings they need (two days off, a weekday in the possessive, a dateline naming its agency in
brackets). Invented stories only (a ferry strike, a regatta, a museum roof)."""

from __future__ import annotations

from srccompare.checks.quantities import publication_days
from tests.test_checks_numbers import mention, run_dated


def test_the_day_before_yesterday_is_two_days_back_not_yesterday():
    got = [(m.text, m.relative) for m in mention("The ferry crews walked out the day before yesterday at dawn.")]
    assert got == [("the day before yesterday", ("day", -2))]
    got = [(m.text, m.relative) for m in mention("Talks resume the day after tomorrow in the port office.")]
    assert got == [("the day after tomorrow", ("day", 2))]


def test_a_weekday_in_the_possessive_names_that_day():
    got = [(m.text, m.unit, m.value) for m in mention("Organisers called off Friday's regatta because of gales.")]
    assert got == [("Friday", "weekday", frozenset({4}))]


def test_a_dateline_naming_its_agency_in_brackets_gives_the_reports_day():
    texts = {"a": ["VALLETTA, March 4 (Harbour Wire Service) - Ferry crews walked out on Monday over pay."],
             "b": ["Ferry crews walked out on Monday over pay, the union said."]}
    from srccompare.checks.quantities import mentions_in
    from tests.test_checks_numbers import build

    ctx = build(texts, None)
    _, _, datelines = publication_days(ctx, {p.id: mentions_in(p) for p in ctx.alignment.passages})
    assert [(s, m.text) for s, m in datelines.items()] == [("a", "March 4")]


_STRIKE = {
    "a": ["Ferry crews across the islands walked out on Saturday over unpaid overtime, stranding travellers.",
          "The union said the stoppage would last until its members were paid."],
    "b": ["Travellers were stranded when ferry crews walked out on Saturday over unpaid overtime.",
          "Union leaders said the stoppage would go on until the overtime was paid."],
    "c": ["Ferry crews walked out over unpaid overtime the day before yesterday, stranding travellers.",
          "Fever-like queues formed at the port on Sunday as travellers waited for news."],
}
_MONDAY = {"a": "2027-05-10", "b": "2027-05-10", "c": "2027-05-10"}  # Monday 10 May 2027


def test_the_day_before_yesterday_right_for_its_report_is_no_conflict():
    # Trap: filed on Monday, "the day before yesterday" is the others' Saturday, and the report's
    # own Sunday (another event, the day after) is not a counterpart of the walk-out.
    _, flags = run_dated(_STRIKE, _MONDAY)
    assert flags == []


def test_a_translation_that_makes_the_day_before_yesterday_yesterday_is_flagged():
    texts = dict(_STRIKE, c=[_STRIKE["c"][0].replace("the day before yesterday", "yesterday"), _STRIKE["c"][1]])
    _, flags = run_dated(texts, _MONDAY)
    assert [(f.source, f.text, f.expected) for f in flags] == [("c", "yesterday", "Saturday")]


def test_tomorrow_for_a_day_the_others_give_as_past_is_flagged():
    # An MT that read the ambiguous word for "yesterday" as "tomorrow" (filed Sunday 9 May): the
    # others' Saturday, read on their own days, is the day before the report's own.
    texts = dict(_STRIKE, c=["Ferry crews across the islands tomorrow walked out over unpaid overtime, "
                             "stranding travellers.", _STRIKE["c"][1]])
    _, flags = run_dated(texts, {"a": "2027-05-09", "b": "2027-05-09", "c": "2027-05-09"})
    assert [(f.source, f.text, f.expected) for f in flags] == [("c", "tomorrow", "Saturday")]


def test_yesterday_in_a_report_filed_a_day_later_is_no_conflict():
    # Trap: the same "yesterday" in a report filed on Sunday is Saturday: right for its own day.
    texts = dict(_STRIKE, c=[_STRIKE["c"][0].replace("the day before yesterday", "yesterday"), _STRIKE["c"][1]])
    _, flags = run_dated(texts, {"a": "2027-05-10", "b": "2027-05-10", "c": "2027-05-09"})
    assert flags == []


def test_a_day_of_another_event_does_not_vouch_for_a_wrong_yesterday():
    # b also names the Sunday (travellers queued, the day after the walk-out) in words much like
    # c's: its lead, the walk-out's own day, is c's counterpart, and it says Saturday.
    texts = {"a": _STRIKE["a"],
             "b": [_STRIKE["b"][0], "Stranded travellers queued at the port on Sunday after ferry crews walked out."],
             "c": ["Ferry crews walked out over unpaid overtime yesterday, stranding travellers at the port."]}
    _, flags = run_dated(texts, _MONDAY)
    assert [(f.source, f.text, f.expected) for f in flags] == [("c", "yesterday", "Saturday")]
