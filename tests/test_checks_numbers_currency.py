"""The reading of amounts of money the way a country's press, or a machine translation from its
language, prints them (``checks.quantities``): the letters of a currency's sign, its name before
the figure, its name in its own spelling, and a thousands group of zeros in a source that writes
decimal commas. Each rule is tested on invented stories, and each consensus test fails on the
code before the rule."""

from __future__ import annotations

import pytest

from srccompare.checks.quantities import mentions_in, read_figure, settle_separators
from srccompare.models import Passage
from srccompare.models import Kind
from tests.test_checks_numbers import mention, run


def money(text):
    return [(m.text, m.unit, m.value) for m in mention(text) if m.unit.startswith("cur:")]


@pytest.mark.parametrize("text, unit, value", [
    ("the ferry levy rose to TSh 12,500 a crossing", "cur:SHILLING", 12500.0),
    ("a Tsh 3 billion jetty", "cur:SHILLING", 3e9),
    ("USh 800,000 in school fees", "cur:SHILLING", 8e5),
    ("the province set aside R62 million for the dam", "cur:RAND", 6.2e7),
    ("a R1,250 monthly grant", "cur:RAND", 1250.0),
    ("the state approved N730,000,000.00 for the bridge", "cur:NAIRA", 7.3e8),
])
def test_the_letters_of_a_currency_sign_give_the_currency(text, unit, value):
    assert [(u, pytest.approx(v)) for _, u, v in money(text)] == [(unit, pytest.approx(value))]


@pytest.mark.parametrize("text", ["take the R5 towards the coast", "the N2 was closed", "Tsh was not there"])
def test_a_single_letter_before_a_plain_small_figure_is_no_currency(text):
    assert money(text) == []


def test_a_singular_currency_name_before_an_amount_with_its_scale_is_money():
    # A translation keeps the source language's order: "naira 650 million", "rupiah 40 billion".
    assert money("The council approved naira 650 million for the clinic.") == [
        ("naira 650 million", "cur:NAIRA", pytest.approx(6.5e8))]
    assert money("a grant of rupiah 40 billion") == [("rupiah 40 billion", "cur:RUPIAH", pytest.approx(4e10))]


@pytest.mark.parametrize("text", ["Seoul won 3 million votes in the poll", "a real 5 million fans watched"])
def test_an_english_word_that_names_a_currency_is_no_amount_before_a_figure(text):
    assert money(text) == []


def test_a_currency_name_in_its_own_spelling_is_that_currency():
    assert money("The pier cost 310 billion đồng to build.") == [
        ("310 billion đồng", "cur:DONG", pytest.approx(3.1e11))]
    assert money("a 96 million złoty tram depot") == [("96 million złoty", "cur:ZLOTY", pytest.approx(9.6e7))]


def test_three_zeros_after_one_mark_are_a_thousands_group():
    assert read_figure("64,000") == (64000.0, None)
    assert read_figure("64.000") == (64000.0, None)
    assert read_figure("64,500") == (64500.0, 64.5)  # still either
    assert read_figure("64.5") == (64.5, None)


def test_a_thousands_group_of_zeros_in_a_decimal_comma_source_is_not_a_decimal():
    # Invented story: a ferry company. The translation writes "2,5 million rand" with a decimal
    # comma and "64,000 passengers" with the English group the engine left: sixty-four thousand.
    text = "The company of ferries carried about 64,000 passengers and used 2,5 million rand for repairs."
    p = Passage(id="c:0", source="c", index=0, start=0, end=len(text), text=text)
    settled = settle_separators({p.id: mentions_in(p)})[p.id]
    assert [(m.text, m.value) for m in settled] == [("64,000", 64000.0), ("2,5 million rand", 2.5e6)]


def test_an_amount_in_currency_letters_is_judged_against_the_others_amount():
    # Invented story: a harbour dredging grant. The blog's "R38 million" is a factor of ten off
    # the R3.8 million two others give (one in letters, one spelt out).
    texts = {
        "a": ["The province approved R3.8 million for dredging the harbour mouth, officials said."],
        "b": ["Officials said the province approved 3.8 million rand for dredging the harbour mouth."],
        "c": ["The province has approved R38 million for dredging the harbour mouth."],
    }
    flags = [f for f in run(texts)[1] if f.kind is Kind.NUMBER_CONFLICT]
    assert [(f.source, f.expected) for f in flags] == [("c", "R3.8 million")]


def test_a_currency_named_before_its_figure_in_a_translation_is_judged():
    # Invented story: a clinic grant. The translation prints "naira 930 million" where two others
    # give 390 million naira: two digits swapped.
    texts = {
        "a": ["The state government approved 390 million naira to rebuild the clinic after the flood."],
        "b": ["The state approved N390 million to rebuild the flooded clinic, officials said."],
        "c": ["The Government of the state approved the sum of naira 930 million to rebuild the clinic "
              "after the flood."],
    }
    flags = [f for f in run(texts)[1] if f.kind is Kind.NUMBER_CONFLICT]
    assert [(f.source, f.text) for f in flags] == [("c", "naira 930 million")]
