"""date_conflict: a year before 1900 is read where English plainly dates something with it ("built
in 1855", "a market town since 1611"), so a slipped digit in an old year is judged like one in a
recent year; elsewhere an old four-digit figure stays a figure. Invented stories only."""

from __future__ import annotations

import pytest

from tests.test_checks_numbers import mention, run


@pytest.mark.parametrize("text, year", [
    ("The bell tower was rebuilt in 1855 by a local mason.", 1855.0),
    ("It has been a market town since 1611.", 1611.0),
    ("The bridge, finished in 1998, was widened.", 1998.0),
])
def test_a_year_after_in_or_since_is_a_year(text, year):
    assert [(m.unit, m.value) for m in mention(text)] == [("year", year)]


@pytest.mark.parametrize("text", [
    "Attendance rose from 1200 to 1500 this season.",
    "The count reached 1855 by noon.",
])
def test_an_old_four_digit_figure_elsewhere_is_no_year(text):
    assert all(m.unit != "year" for m in mention(text))


def test_an_old_year_with_a_slipped_digit_is_flagged():
    texts = {
        "a": ["The bell tower in its present form was rebuilt in 1885 by the mason Orrin Vell."],
        "b": ["In its present form the tower was rebuilt in 1885 by Orrin Vell, a local mason."],
        "c": ["Orrin Vell rebuilt the bell tower in 1885."],
        "d": ["The bell tower in its present form was rebuilt in 1855 by the mason Orrin Vell."],
    }
    _, flags = run(texts)
    assert [(f.source, f.text, f.expected) for f in flags] == [("d", "1855", "1885")]
