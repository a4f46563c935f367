"""term_variant: inside a quotation worded anew, a word of another part of speech than the others'
word at the place ("have ignored us" where two other sources quote "have been helpful to us") is
a sentence the translator or rewriter built another way: the quote check judges the quotation
whole, the term flag falls below the reporting floor, as does any other word of such a rendering
against the others' word. The same swap in a quotation copied otherwise word for word, and a
direction swap, stay visible. An invented story (climbers snowed in at a mountain hut), not the quality
cases' wording."""

from __future__ import annotations

import pytest

from checks_builder import assert_offsets_true, story
from srccompare.checks.terms import TermCheck
from srccompare.checks.terms.severity import _other_word_class
from srccompare.models import Kind
from srccompare.settings import Settings

FLOOR = Settings().min_confidence

_FIRST = ("\"The wardens have {} us, but the shelter is so {} that {} {} on the benches,\" "
          "said guide Maren Holt.")
_SECOND = "\"We will reopen the road by Friday if the snow stops,\" she added."


def _hut(c_quote: str) -> dict[str, str]:
    # Two sources quote the guide alike; "c" prints c_quote for her first sentence.
    agreed = _FIRST.format("been helpful to", "full", "climbers", "sleep")
    return {
        "a": "Snow cut off the Brenna valley on Monday. " + agreed + " " + _SECOND + " About 80 climbers are waiting.",
        "b": "The Brenna valley was cut off by snow on Monday. " + agreed + " " + _SECOND
             + " Some 80 climbers wait in the shelter.",
        "c": "On Monday the snow closed the Brenna valley. " + c_quote + " " + _SECOND + " Around 80 climbers are waiting.",
    }


def run(ctx):
    flags = TermCheck().run(ctx)
    assert all(f.kind is Kind.TERM_VARIANT for f in flags)
    assert_offsets_true(ctx, flags)
    return flags


def _visible(flags, source="c"):
    return [(f.text, f.expected) for f in flags if f.source == source and f.confidence >= FLOOR]


def _flagged(flags, word, source="c"):
    return [f for f in flags if f.source == source and f.text == word]


def test_a_verb_for_an_adjective_in_a_quotation_worded_anew_falls_below_the_floor():
    # The guide's sentence rendered anew at several places: "ignored" (a verb) against the
    # others' "helpful" (an adjective) is part of a sentence built another way, not one term put for another.
    flags = run(story(_hut(_FIRST.format("ignored", "crowded", "hikers", "lie"))))
    found = _flagged(flags, "ignored")
    assert found, "the pass should still read the pair (kept below the floor, not lost)"
    assert ("ignored", "helpful") not in _visible(flags)


def test_the_same_swap_in_a_quotation_copied_otherwise_word_for_word_stays_visible():
    # Only the one word differs: the quotation is a copy with one word changed, worth a look.
    flags = run(story(_hut(_FIRST.format("ignored", "full", "climbers", "sleep"))))
    assert ("ignored", "helpful") in _visible(flags)


def test_a_swap_of_one_word_class_in_a_quotation_worded_anew_falls_below_the_floor_too():
    # "useless" and "helpful" are both describing words, but the quotation around them is worded
    # anew at several places: one word of a rendering of its own against the others' word is the
    # quote check's finding (the whole quotation differs), not a term swapped in a shared quote.
    flags = run(story(_hut(_FIRST.format("been useless to", "crowded", "hikers", "lie"))))
    assert _flagged(flags, "useless"), "the pass should still read the pair (kept below the floor, not lost)"
    assert ("useless", "helpful") not in _visible(flags)


def test_the_same_word_class_swap_in_a_quotation_copied_otherwise_word_for_word_stays_visible():
    flags = run(story(_hut(_FIRST.format("been useless to", "full", "climbers", "sleep"))))
    assert ("useless", "helpful") in _visible(flags)


@pytest.mark.parametrize("mine, theirs, expected", [
    ("ignored", "helpful", True),     # a verb against an adjective
    ("stayed hungry", "fed", True),   # a phrase (by its head, an adjective) against a verb
    ("lanterns", "candles", False),   # two nouns
    ("reopen", "open", False),        # two verbs
    ("qwzxv", "helpful", False),      # a word the dictionary does not know says nothing
    ("crane", "wall", False),         # mostly a verb in tagged use, a noun often enough
    ("come back", "returned", False), # a phrasal verb read whole, not by its particle
])
def test_other_word_class(mine, theirs, expected):
    assert _other_word_class(mine, theirs) is expected
