"""The reading of dates: a day of the month printed before "of" and its month without an ordinal
("on Tuesday 19 of March", as translations of Romance languages print it) is a date, as "the 19th
of March" is. Invented examples only (a teachers' strike, a port)."""

from __future__ import annotations

from tests.test_checks_numbers import mention


def test_a_day_before_of_and_its_month_is_a_date():
    got = [(m.text, m.unit, m.value) for m in mention("a strike on Monday 17 and Tuesday 19 of March")]
    assert ("19 of March", "date", (3, 19)) in got
    assert [(m.text, m.unit, m.value) for m in mention("on 4 of May the port reopened")] == [
        ("4 of May", "date", (5, 4))]
    assert [m.unit for m in mention("3 of March's games were lost")] == ["count"]
