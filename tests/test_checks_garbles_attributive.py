"""A capitalised everyday word right before the noun it qualifies is a name used attributively (of a
craft, a region, a body: "the Osprey helicopter"), not an odd capital, unless another source prints
the word in lower case; a capitalised word standing as a noun of its own stays odd. Tested on an
invented story about a flood rescue."""

from __future__ import annotations

from checks_builder import found, story, reported
from srccompare.checks.garbles import GarbleCheck
from srccompare.models import Kind


def run(ctx):
    return reported(GarbleCheck(), ctx, Kind.GARBLED_TEXT)


RESCUE = {
    "a": "Firefighters lifted 20 people from flooded roofs in Marlow on Sunday, the brigade said.",
    "b": "The brigade said 20 people were lifted from roofs in flooded Marlow on Sunday.",
    "c": "On Sunday rescuers took 20 people off the roofs of flooded homes in Marlow, the brigade said.",
}


def odd_capitals(d, texts=RESCUE):
    return [f for f in run(story(dict(texts, d=d))) if f.source == "d" and "capitalised" in f.message]


def test_a_capitalised_word_before_the_noun_it_qualifies_is_a_name():
    d = "With the Osprey helicopter the brigade lifted 20 people from roofs in Marlow on Sunday."
    assert odd_capitals(d) == []


def test_a_capitalised_word_standing_as_a_noun_stays_odd():
    d = "The brigade lifted 20 people from roofs in Marlow with its new Osprey on Sunday."
    assert [f.text for f in odd_capitals(d)] == ["Osprey"]


def test_the_others_lower_case_still_tells_a_slip():
    texts = {k: v.replace("the brigade said", "an osprey flew over the brigade, it said") for k, v in RESCUE.items()}
    d = "With the Osprey helicopter the brigade lifted 20 people from roofs in Marlow on Sunday."
    assert [f.text for f in odd_capitals(d, texts)] == ["Osprey"]

