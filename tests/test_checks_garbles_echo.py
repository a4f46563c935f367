"""Words a machine translation printed again: the end of a sentence repeated inside it ("the price
barely covers costs covers."), a fragment after a sentence made of that sentence's words ("worried
about cash flow. Flow cash."), one word again across a stop ("the tank.⏎tank because"); and what
English repeats on purpose (parallel clauses, "step by step", a noun compared, an amount's unit).
Pure functions over invented sentences about a harbour in a town called Carrowmere."""

from __future__ import annotations

import pytest

from srccompare.checks.base import tokens
from srccompare.checks.garbles import _echo_fragment, _echoed_tail


def _tails(text: str) -> list[str]:
    toks = tokens(text)
    lows = [t.text.lower() for t in toks]
    return [text[f.start:f.end] for f in _echoed_tail(text, toks, lows, lambda t: False)]


def _fragments(text: str) -> list[str]:
    toks = tokens(text)
    lows = [t.text.lower() for t in toks]
    return [text[f.start:f.end] for f in _echo_fragment(text, toks, lows, lambda t: False)]


@pytest.mark.parametrize("text, tail", [
    ("Fishermen say the new levy barely covers costs covers. The council meets on Monday.", "covers"),
    ("The repairs have gone better than expected better than, says the harbour master.", "better than"),
    ("The wall will be rebuilt, according to the council according.", "according"),
    ("\"The wall will hold,\" said the harbour master said.\nThe council meets on Monday.", "said"),
])
def test_a_sentence_ending_on_words_it_printed_just_before_is_garbled(text, tail):
    assert _tails(text) == [tail]


@pytest.mark.parametrize("text", [
    "The queue did not grow overnight and it will not shrink overnight.",  # parallel clauses
    "Boats were repaired one by one, step by step.",  # English's own repetition
    "The winning bid was 9% below the ceiling price.\nThe price is 4 million below the reserve price.",
    "The council put the cost at between $55 million and $70 million.",  # an amount's unit
    '"The rocks are not a supermarket, the court has said," he said.',  # a quotation then its verb
    "The Carrowmere honey was sold as Carrowmere honey.",  # a name
    "Shares closed down 2% before the announcement, which came after the market closed.",
])
def test_what_english_repeats_on_purpose_is_not_garbled(text):
    assert _tails(text) == []


@pytest.mark.parametrize("text, fragment", [
    ("Boat owners said members were worried about cash flow. Flow cash. The council meets on Monday.",
     "Flow cash"),
    ("The harbour master, Ann Reyes, said the company had stopped dredging the inner basin in October. "
     "dredging the inner basin stopped\n\nThe council meets on Monday.", "dredging the inner basin stopped"),
    ("Engineers inspected the wall, said the general director Ann Reyes. director general\n\nThe council meets.",
     "director general"),
])
def test_a_fragment_repeating_the_sentence_before_is_garbled(text, fragment):
    assert _fragments(text) == [fragment]


def test_one_word_again_across_a_stop_is_garbled():
    text = "The family drinks the water of the tank.\ntank because it cannot buy bottled water."
    assert _fragments(text) == ["tank.\ntank"]


@pytest.mark.parametrize("text", [
    "The harbour wall will be rebuilt. The wall was damaged in March.",  # says something new
    "The vote on the proposal will take place in the afternoon.\nVote no. 7. Yes: 89. No: 41.",
    "The first train departed on Tuesday. The train No. 97 left at 19:25 with 498 passengers.",
    "\"We waited.\" \"We waited.\"",
])
def test_a_short_sentence_that_says_something_or_an_abbreviation_is_not_a_fragment(text):
    assert _fragments(text) == []
