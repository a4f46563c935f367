"""What a figure counts, read the way an editor reads it (``checks.quantities`` and
``quantity_consensus.role_score``): a unit abbreviation glued to the figure, a noun phrase that ends
before an adverb of time or place, and one unit spelt two ways. Invented stories; each consensus
test fails on the code before the rule."""

from __future__ import annotations

import pytest

from srccompare.models import Kind
from tests.test_checks_numbers import mention, run


@pytest.mark.parametrize("text, value, measure", [
    ("the average lamb weighed 4.6kg at market", 4.6, ("mass", "kg")),
    ("a 12km detour through the hills", 12.0, ("length", "km")),
    ("the new 450MW turbine hall", 450.0, ("power", "mw")),
])
def test_a_unit_abbreviation_glued_to_a_figure_is_its_unit(text, value, measure):
    got = [(m.value, m.measure) for m in mention(text)]
    assert got == [(pytest.approx(value), measure)]


@pytest.mark.parametrize("text", ["the 5G masts went up", "3D scans of the vault", "a 4x4 lorry"])
def test_a_code_glued_to_a_figure_is_no_measure(text):
    assert [m for m in mention(text) if m.measure is not None] == []


@pytest.mark.parametrize("text, head", [
    ("The ferry carried more than 900,000 passengers last year.", "passeng"),
    ("The observatory stands 14 kilometres away from the coast.", "kilometr"),
    ("It opened 30 years ago.", "year"),
])
def test_the_counted_noun_ends_before_an_adverb_of_time_or_place(text, head):
    assert [m.head for m in mention(text) if m.unit == "count"] == [head]


def test_one_unit_spelt_two_ways_counts_one_thing():
    # Invented story: a radio telescope. "72 kilometers away" in a translation and "27 kilometres
    # from" in a wire name one unit as their noun: one noun in two spellings.
    from srccompare.checks.quantity_consensus import _same_unit_noun

    def count(text):
        return next(m for m in mention(text) if m.unit == "count")

    us = count("The array is 72 kilometers away from the power stations.")
    uk = count("The array sits 27 kilometres from the power stations.")
    assert us.head != uk.head and _same_unit_noun(us, uk)
    assert _same_unit_noun(count("The lamb weighed 4.6kg."), count("The lamb weighed 4.6 kilograms."))
    # Another unit of the dimension, or a noun counted in the unit, is another noun.
    assert not _same_unit_noun(us, count("The array sits 27 miles from the power stations."))
    assert not _same_unit_noun(count("a 12km detour"), count("a detour of 12 kilometres"))


def test_a_count_before_a_time_adverb_is_judged_by_its_noun():
    # Invented story: a ferry line. The weekly's "more than 600,000 passengers last year" is one
    # digit off the 900,000 two others give; read as a count of years it met no one.
    texts = {
        "a": ["The ferry line carried more than 900,000 passengers last year, the operator said."],
        "b": ["More than 900,000 passengers used the ferry line last year, according to the operator."],
        "c": ["The ferry line carried more than 600,000 passengers last year, the operator said."],
    }
    flags = [f for f in run(texts)[1] if f.kind is Kind.NUMBER_CONFLICT]
    assert [(f.source, f.text) for f in flags] == [("c", "600,000")]
