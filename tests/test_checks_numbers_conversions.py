"""number_conflict: one quantity printed in two units of its dimension, and halves in words.

A source that gives a length, an area, a mass, an energy or a time in another unit of its
dimension than the others ("1,400 m" / "1.4 kilometres", "8,000 megawatt hours" / "8 gigawatt
hours", "320 hectares" / "3.2 square kilometres", "two weeks" / "14 days") states the same
quantity when the figure converted is the others' figure or that one rounded; an area is never
the counterpart of a length; "two and a half million" is 2.5 million. Invented stories only (a
ring road, a wind farm, a forest fire, an orchard)."""

from __future__ import annotations

import pytest

from srccompare.checks.quantity_consensus import converted_alike
from tests.test_checks_numbers import mention, run


@pytest.mark.parametrize("a, b, alike", [
    ("a wall of 1,400 m along the road", "a wall 1.4 kilometres long", True),
    ("will produce 8,000 megawatt hours a year", "will produce 8 gigawatt hours a year", True),
    ("the fire covered 320 hectares of forest", "the fire covered 3.2 square kilometres of forest", True),
    ("a trail of 5 miles through the hills", "a trail of 8 km through the hills", True),
    ("the repairs will take two weeks", "the repairs will take 14 days", True),
    # Another quantity: a slip of a digit is no conversion.
    ("a wall of 1,700 m along the road", "a wall 1.4 kilometres long", False),
    # One unit: the ordinary consensus judges it.
    ("a wall of 1.7 km along the road", "a wall 1.4 kilometres long", False),
])
def test_converted_alike(a, b, alike):
    assert converted_alike(mention(a)[0], mention(b)[0]) is alike


@pytest.mark.parametrize("text, value", [
    ("The orchard has about two and a half million trees.", 2.5e6),
    ("The orchard has a million and a half trees.", 1.5e6),
    ("The harvest took two and a half weeks.", 2.5),
])
def test_a_half_in_words(text, value):
    assert mention(text)[0].value == value


def test_the_same_energy_in_another_unit_is_no_conflict():
    # b's 8,000 is no slip of the others' 8 that lost its thousands: it counts megawatt hours.
    texts = {
        "a": ["The operator expects the wind farm to produce about 8 gigawatt hours a year."],
        "b": ["The expected output is 8,000 megawatt hours a year."],
        "c": ["The wind farm shall produce around 8 GWh per year."],
    }
    _, flags = run(texts)
    assert flags == []


def test_an_area_is_no_length():
    texts = {
        "a": ["The fire has burnt 3.2 square kilometres of forest, 22 km from the town, the agency said."],
        "b": ["The fire, 22 km from the town, has spread over 320 hectares, the agency said."],
    }
    _, flags = run(texts)
    assert flags == []


def test_a_half_in_words_agrees_with_the_figure():
    texts = {
        "a": ["The orchard of the valley holds about 2.5 million trees, the ministry said."],
        "b": ["The orchard of the valley holds some 2.5 million trees, the ministry said."],
        "c": ["The orchard of the valley holds about two and a half million trees, the ministry said."],
    }
    _, flags = run(texts)
    assert flags == []
