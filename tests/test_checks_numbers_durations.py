"""number_conflict: a length of time printed in two units ("six years and eight months") is one
figure in the smaller unit (80 months), so a report that prints "80 months" agrees with it and the
parts alone are never its counterparts (``quantities.join_durations``). Invented story: a customs
officer's jail term.
"""

from __future__ import annotations

from tests.test_checks_numbers import mention, run


def _read(text):
    return [(m.text, m.unit, m.value, m.measure) for m in mention(text) if m.unit == "count"]


def test_two_units_of_one_length_of_time_are_read_as_one_figure():
    assert _read("He was jailed for six years and eight months.") == [
        ("six years and eight", "count", 80.0, ("time", "month"))]
    assert _read("The hearing lasted 2 weeks 3 days.") == [("2 weeks 3", "count", 17.0, ("time", "day"))]


def test_two_lengths_of_time_are_not_joined():
    # A comma, a larger second unit or a second part as large as the first unit keeps them apart.
    assert [v for *_, v, _ in _read("He served 3 years, two months later he fled.")] == [3.0, 2.0]
    assert [v for *_, v, _ in _read("He was jailed for 8 months and 6 years.")] == [8.0, 6.0]
    assert [v for *_, v, _ in _read("It took 2 years and 14 months.")] == [2.0, 14.0]


def test_a_term_in_months_agrees_with_the_same_term_in_years_and_months():
    texts = {
        "a": ["A court in Velmor jailed the customs officer for six years and eight months for taking bribes.", "x"],
        "b": ["The customs officer was jailed in Velmor for 6 years and 8 months for bribery.", "y"],
        "c": ["Velmor's court sent the customs officer to prison for six years and eight months over bribes.", "z"],
        "d": ["A Velmor court jailed the former customs officer for 80 months for taking bribes.", "w"],
    }
    _, flags = run(texts, groups=[])
    assert [(f.source, f.text) for f in flags] == []
    # A term that differs is still a conflict.
    texts["d"] = ["A Velmor court jailed the former customs officer for 90 months for taking bribes.", "w"]
    _, flags = run(texts, groups=[])
    assert [(f.source, f.text) for f in flags if f.kind.value == "number_conflict"] == [("d", "90")]
