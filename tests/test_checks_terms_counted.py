"""term_variant: the thing a figure counts, named otherwise ("three cupboards were lowered" where
others print "three lifeboats"): the same figure pins the slot, a noun of the same broad kind but
another field is another thing counted. An invented story (a cargo ship fire off a fishing
harbour), not the quality cases' wording."""

from __future__ import annotations

import pytest

from checks_builder import assert_offsets_true, story
from srccompare.checks.terms import TermCheck
from srccompare.checks.terms.counted import _countable, _figure_key, _other_field
from srccompare.models import Kind, Severity


def run(ctx):
    flags = TermCheck().run(ctx)
    assert all(f.kind is Kind.TERM_VARIANT for f in flags)
    assert_offsets_true(ctx, flags)
    return flags


def _counted(flags, source="c"):
    # Other passes may read the sentences their own way; these tests pin this pass.
    return [f for f in flags if f.source == source and "another thing counted" in f.message]


def _ship(c_thing: str = "cupboards", *, b_thing: str = "lifeboats", b_extra: str = "",
          c_extra: str = "") -> dict[str, str]:
    # The translated source "c" rewords the sentence; "a" prints the figure and noun at the same
    # place, "b" prints them in another sentence of its own.
    return {
        "a": "A fire broke out on the cargo ship Marit Vell off Kestrel Point on Sunday night. "
             "The crew lowered three lifeboats and reached the harbour of Osterlund before dawn. "
             "Harbour master Tove Lindqvist said the hull was towed to port on Monday.",
        "b": "Fire swept through the freighter Marit Vell near Kestrel Point late on Sunday. "
             f"All nineteen sailors were rescued. They had used three {b_thing} to get away. "
             "The hull was towed to port on Monday, harbour master Tove Lindqvist said." + b_extra,
        "c": "On Sunday night on the cargo ship Marit Vell near Kestrel Point a fire started. "
             f"The sailors put down three {c_thing} from the ship and before dawn came to the harbour of Osterlund. "
             "According to harbour master Tove Lindqvist the hull on Monday was pulled to port." + c_extra,
    }


def test_another_thing_counted_by_the_same_figure_is_a_medium_term_variant():
    flags = _counted(run(story(_ship())))
    assert [(f.text, f.expected, f.severity) for f in flags] == [("three cupboards", "three lifeboats",
                                                                   Severity.MEDIUM)]
    assert flags[0].confidence >= 0.5
    assert "2 print it in the story" in flags[0].message


def test_one_other_source_printing_the_pair_is_no_consensus():
    # Only "a" counts lifeboats: one rendering against one.
    assert not _counted(run(story(_ship(b_thing="boats"))))


def test_the_same_noun_everywhere_is_left_alone():
    assert not _counted(run(story(_ship("lifeboats"))))


@pytest.mark.parametrize("thing", [
    "boats",        # a kind the others' noun falls under: the same thing named less precisely
    "rafts",        # a near field (both small craft): a rewording
    "sailors",      # people are described freely
    "hours",        # an amount of time: the dates' and figures' business
])
def test_related_people_or_unit_nouns_are_left_alone(thing):
    assert not _counted(run(story(_ship(thing))))


def test_a_source_printing_the_others_noun_itself_tells_the_two_apart():
    texts = _ship(c_extra=" The lifeboats were later found on the beach.")
    assert not _counted(run(story(texts)))


def test_another_source_printing_the_noun_makes_it_the_story_s_word():
    texts = _ship(b_extra=" The cupboards of the galley burned out.")
    assert not _counted(run(story(texts)))


def test_a_modifier_after_the_figure_is_not_the_noun_counted():
    assert not _counted(run(story(_ship("cupboard boats"))))


@pytest.mark.parametrize("word, key", [("three", "three"), ("1,700", "1700"), ("2.5", "25"), ("ship", "")])
def test_figure_keys(word, key):
    assert _figure_key(word) == key


@pytest.mark.parametrize("word, ok", [
    ("lifeboats", True), ("tonnes", False), ("days", False), ("workers", False), ("people", False),
    ("Lifeboats", False), ("the", False),
])
def test_countable_nouns(word, ok):
    assert _countable(word, "en") is ok


@pytest.mark.parametrize("a, b, other", [
    ("rooms", "carriages", True), ("cupboards", "lifeboats", True),
    ("boats", "lifeboats", False), ("deaths", "children", False),
])
def test_other_field(a, b, other):
    assert _other_field(a, b) is other
