"""date_conflict: dates of other calendars that Ethiopian and Iranian reports print and their
translations keep ("Hidar 5, 2019", "17 Azar 1405"; a masthead "Tuesday 14 Esfand 1403"), a date
printed year first in figures ("2031.05.31") and one with its month's zero at a sentence's end
("on 25.05.") are read as the Gregorian days they name, so a translation's slip in one is judged
against the others' dates. Invented stories only (a bridge, a canal, a lake ferry)."""

from __future__ import annotations

from datetime import date

import pytest

from srccompare.checks.quantities import mentions_in, publication_days
from tests.test_checks_numbers import build, mention, run_dated


@pytest.mark.parametrize("text, got", [
    # Ethiopian calendar: Hidar 5, 2019 E.C. is 14 November 2026; Meskerem 1 is its new year.
    ("The bridge opened on Hidar 5, 2019 after repairs.", [("Hidar 5, 2019", "date", (11, 14))]),
    ("The bridge opened on Meskerem 1, 2019 after repairs.", [("Meskerem 1, 2019", "date", (9, 11))]),
    # Solar Hijri: 17 Azar 1405 is 8 December 2026.
    ("The board meets on 17 Azar 1405 to decide.", [("17 Azar 1405", "date", (12, 8))]),
    # The Gregorian day printed in brackets after it is the one read, as before.
    ("The board meets on 17 Azar 1405 (December 8, 2026) to decide.", [("December 8", "date", (12, 8)),
                                                                       ("2026", "year", 2026.0)]),
    # Year first, in figures.
    ("Service ends on 2031.05.31 at midnight.", [("2031.05.31", "date", (5, 31)), ("2031", "year", 2031.0)]),
])
def test_a_date_of_another_calendar_reads_as_its_gregorian_day(text, got):
    assert [(m.text, m.unit, m.value) for m in mention(text)] == got


def test_the_year_of_another_calendar_is_no_gregorian_year():
    assert [m.unit for m in mention("The canal was finished in 2016 E.C. by the bureau.")] == ["bare"]


_FERRY = {
    "a": ["The new ferry will make its first crossing on Dec. 8, the port authority said.",
          "Tickets go on sale a week before the first crossing."],
    "b": ["The port authority said the new ferry's first crossing is set for 17 Azar 1405 (8 December 2026).",
          "Tickets will be sold from a week before."],
    "c": ["The port authority announced that the first crossing of the new ferry will be on 27 Azar.",
          "The tickets will be sold one week before the first crossing."],
}
_FILED = {"a": "2026-11-18", "b": "2026-11-18", "c": "2026-11-19"}


def test_a_date_of_another_calendar_without_its_year_is_judged_against_the_others():
    # c's "27 Azar" is 18 December in the Persian year of its report's own day; the others give
    # 8 December, one of them as 17 Azar.
    _, flags = run_dated(_FERRY, _FILED)
    assert [(f.source, f.text, f.expected) for f in flags] == [("c", "27 Azar", "Dec. 8")]


def test_the_same_day_in_another_calendar_is_no_conflict():
    texts = dict(_FERRY, c=[_FERRY["c"][0].replace("27 Azar", "17 Azar"), _FERRY["c"][1]])
    _, flags = run_dated(texts, _FILED)
    assert flags == []


@pytest.mark.parametrize("text, got", [
    # A month printed with its zero after "on": the date ends the sentence.
    ("The next crossing will be on 25.05.", [("25.05.", "date", (5, 25))]),
    ("The next crossing will be on 25.05. Tickets are sold out.", [("25.05.", "date", (5, 25))]),
    # Trap: after "by" a rise is measured, and the figure is a decimal.
    ("The fare rose by 24.05. Travellers complained.", [("24.05", "bare", 24.05)]),
])
def test_a_day_and_month_in_figures_at_a_sentences_end(text, got):
    assert [(m.text, m.unit, m.value) for m in mention(text)] == got


def test_a_masthead_in_another_calendar_gives_the_reports_day():
    # Its day is the report's own, like a dateline, and no event's date to contradict.
    texts = {"a": ["TEHRAN, March 4, 2025 - Ferry crossings on the lake resumed on Monday."],
             "c": ["Lake News - Tuesday 14 Esfand 1403", "Ferry crossings on the lake resumed on Monday."]}
    ctx = build(texts, None)
    days, _, datelines = publication_days(ctx, {p.id: mentions_in(p) for p in ctx.alignment.passages})
    assert datelines["c"].text == "14 Esfand 1403" and days["c"] == date(2025, 3, 4)


def test_a_year_first_date_leaves_grouped_figures_alone():
    assert [(m.text, m.value) for m in mention("It will pay TZS 3,500,000,000 in compensation.")] == [
        ("TZS 3,500,000,000", 3.5e9)]
