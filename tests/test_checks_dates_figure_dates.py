"""date_conflict: the year printed inside a date in figures ("04.03.2027", "2027/03/04") is that
day's year, as the year of "10 November 2026" is: where another source gives the same day, the
others' year printed with another day dates another event. Invented story only (a tourist levy
voted by a town council)."""

from __future__ import annotations

import pytest

from tests.test_checks_numbers import run

_LEVY = {
    "a": ["The town council has on Tuesday, the {date}, decided the tourist levy."],
    "b": ["The town council decided on Tuesday evening that a tourist levy is due from 1 July 2028."],
    "c": ["The council voted on Tuesday for the tourist levy, which takes effect on July 1, 2028."],
    "d": ["Councillors approved the tourist levy on 4 March."],
}


@pytest.mark.parametrize("date", ["04.03.2027", "04/03/2027", "2027/03/04"])
def test_the_year_of_a_date_in_figures_is_that_days_year(date):
    # Before, the "2027" of a's date was judged alone against b and c's "2028" of the levy's start.
    texts = dict(_LEVY, a=[_LEVY["a"][0].format(date=date)])
    _, flags = run(texts)
    assert flags == []


def test_a_year_in_words_beside_its_day_was_already_read_so():
    texts = dict(_LEVY, a=[_LEVY["a"][0].format(date="4 March 2027")])
    _, flags = run(texts)
    assert flags == []
