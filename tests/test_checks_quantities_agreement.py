"""When two figures state one quantity and agree although printed differently
(``quantity_consensus.consistent`` and the rules it calls): figures rounded under the same hedge.
Each rule is tested on invented stories."""

from __future__ import annotations

import pytest

from srccompare.checks.quantity_consensus import consistent, figure_precision
from tests.test_checks_numbers import mention, run


@pytest.mark.parametrize("value, place", [
    (600.0, 100.0), (620.0, 10.0), (7.2, 0.1), (1.5e6, 1e5), (308.0, 1.0), (0.25, 0.01), (4.0, 1.0),
])
def test_a_figures_precision_is_its_last_significant_place(value, place):
    assert figure_precision(value) == pytest.approx(place)


def _one(text):
    [m] = mention(text)
    return m


@pytest.mark.parametrize("a, b", [
    ("Floodwater cut off about 900 homes.", "Floodwater cut off about 880 homes."),
    ("The herd numbers roughly 1,250 animals.", "The herd numbers about 1,248 animals."),
    ("The ferry carried some 7 tonnes.", "The ferry carried about 7.2 tonnes."),
    ("The fund holds about 2.5 million dollars.", "The fund holds about 2.46 million dollars."),
])
def test_a_figure_rounded_under_the_same_hedge_agrees(a, b):
    assert consistent(_one(a), _one(b)) and consistent(_one(b), _one(a))


@pytest.mark.parametrize("a, b", [
    # Neither is a rounding of the other: a changed digit, two digits swapped.
    ("Floodwater cut off about 4,300 homes.", "Floodwater cut off about 4,500 homes."),
    ("Floodwater cut off about 230 homes.", "Floodwater cut off about 320 homes."),
    # 1.4 rounds to 1, but "about 1 million" is no way to print 1.4 million.
    ("The fund holds about 1 million dollars.", "The fund holds about 1.4 million dollars."),
    # Bounds are no roundings: "more than 1,437" is a typo'd bound, not "more than 1,400" rounded.
    ("Turnout was more than 1,400 voters.", "Turnout was more than 1,437 voters."),
    # Exact figures: no hedge says either is rounded.
    ("Floodwater cut off 900 homes.", "Floodwater cut off 880 homes."),
])
def test_figures_that_are_no_rounding_of_each_other_still_disagree(a, b):
    assert not consistent(_one(a), _one(b))


def test_a_rounded_figure_in_one_report_is_not_flagged_against_the_precise_one():
    # Invented story: a landslide in a hill district; the trade paper rounds the count.
    texts = {"a": ["The landslide buried around 430 houses in the district, officials said."],
             "b": ["Officials said about 430 houses in the district were buried by the landslide."],
             "c": ["The landslide buried some 400 houses in the district, according to officials."]}
    _, flags = run(texts)
    assert flags == []


def test_a_hedged_figure_that_is_no_rounding_is_still_flagged():
    texts = {"a": ["The landslide buried around 430 houses in the district, officials said."],
             "b": ["Officials said about 430 houses in the district were buried by the landslide."],
             "c": ["The landslide buried some 340 houses in the district, according to officials."]}
    _, flags = run(texts)
    assert [(f.source, f.text) for f in flags] == [("c", "340")]


# --- years: a misprinted year is a typo of the right one ----------------------------------------

def test_years_that_are_no_slip_of_each_other_date_two_events():
    # Invented story: a lighthouse museum returns a lens; the third report adds when the seller died.
    texts = {"a": ["The museum bought the lens in 1987 from a collector in Brest."],
             "b": ["The museum had bought the lens from a Brest collector in 1987."],
             "c": ["The museum bought the lens from a Brest collector who died in 2011."]}
    _, flags = run(texts)
    assert flags == []


def test_a_year_one_digit_from_the_others_is_still_flagged():
    texts = {"a": ["The museum bought the lens in 1987 from a collector in Brest."],
             "b": ["The museum had bought the lens from a Brest collector in 1987."],
             "c": ["The museum bought the lens in 1978 from a collector in Brest."]}
    _, flags = run(texts)
    assert [(f.source, f.text) for f in flags] == [("c", "1978")]



# --- a figure counted the way some languages count it: "14 thousand 500" ------------------------

@pytest.mark.parametrize("text, value", [
    ("Frost damaged 23 thousand 400 hectares of orchards.", 23400.0),
    ("The exam was sat by 2 lakh 15 thousand 300 pupils.", 215300.0),
    ("The ministry counted 3 million 120 voters abroad.", 3000120.0),
])
def test_a_plain_figure_after_scale_words_ends_the_figure(text, value):
    [m] = mention(text)
    assert m.value == value and m.unit == "count"


@pytest.mark.parametrize("text", [
    "Output rose to 3 million 2024 was a record year.",  # a year, not part of the figure
    "About 40 thousand, 500 of them children.",  # a comma: two figures
    "Sales hit 5 million 30% above plan.",  # a percentage
    "It cost 2 million 300 million more than planned.",
])
def test_a_figure_after_a_scale_word_that_starts_something_else_is_apart(text):
    assert not any(m.value in (3002024.0, 40500.0, 5000030.0, 2000300.0) for m in mention(text))


def test_an_area_counted_in_thousands_and_units_agrees_with_the_figure():
    # Invented story: frost in an apricot district; one source is a translation from Turkish.
    texts = {"a": ["Frost on the night of 3 April damaged 23,400 hectares of apricot orchards."],
             "b": ["The frost of 3 April damaged 23,400 hectares of apricot orchards, officials said."],
             "c": ["As a result of the frost on 3 April, 23 thousand 400 hectares of apricot orchards were damaged."]}
    _, flags = run(texts)
    assert flags == []
