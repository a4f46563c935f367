"""name_variant: a name part or a place name a translation rendered as the English word(s) it means.

An invented story (a landslide in a Kenyan village, one machine-translated source), not any case's
wording: the evidence is structural (the same other name part, the same aligned place, the same
preposition frame), never what a name means.
"""

from __future__ import annotations

from checks_builder import found, story
from srccompare.checks.lexicon import instance_share, noun_categories
from srccompare.checks.names import NameCheck
from srccompare.models import Severity

WIRE = ("Heavy rain set off a landslide near the village of Kiptere on Sunday night. "
        "Amani Njoroge, the county commissioner, said twelve houses had been buried. "
        "Crews from Kericho reached the slope by noon. "
        "Wanjiru Asali, who leads the volunteer brigade, said the road would reopen on Friday.")
DAILY = ("A landslide struck the village of Kiptere after heavy rain on Sunday night. "
         "County commissioner Amani Njoroge said twelve homes were buried. "
         "Rescue crews from Kericho arrived at noon. "
         "Brigade leader Wanjiru Asali said the road should reopen on Friday.")
MT = ("A landslide hit the village of Green Meadow after strong rain on Sunday night. "
      "The commissioner Peace Njoroge said that twelve houses were buried. "
      "Rescuers from Kericho came at noon. "
      "Wanjiru Honey, head of the volunteer brigade, said the road will open on Friday.")


def run(ctx):
    return [f for f in NameCheck().run(ctx) if f.confidence >= ctx.settings.min_confidence]


def by_text(flags):
    return {f.text: f for f in flags}


def test_given_name_surname_and_place_rendered_as_words():
    flags = run(story({"a": WIRE, "b": DAILY, "c": MT}))
    assert sorted(found(flags)) == [
        ("c", "Green Meadow", "Kiptere"),
        ("c", "Peace Njoroge", "Amani Njoroge"),
        ("c", "Wanjiru Honey", "Wanjiru Asali"),
    ]
    got = by_text(flags)
    # Two other sources print the full name in the aligned passage: high.
    assert got["Peace Njoroge"].severity is Severity.HIGH
    assert got["Wanjiru Honey"].severity is Severity.HIGH
    assert {e.source for e in got["Peace Njoroge"].evidence} == {"a", "b"}
    # Two sources print the village, in the same frame: medium (three would make it high).
    assert got["Green Meadow"].severity is Severity.MEDIUM
    assert "translated" in got["Green Meadow"].message


def test_one_other_source_at_the_same_place_is_medium():
    flags = run(story({"b": DAILY, "c": MT}))
    got = by_text(flags)
    assert got["Peace Njoroge"].expected == "Amani Njoroge"
    assert got["Peace Njoroge"].severity is Severity.MEDIUM
    # A place name needs two other sources: one is no consensus on what stands there.
    assert "Green Meadow" not in got


def test_title_before_the_surname_is_not_a_translated_name():
    mt = MT.replace("The commissioner Peace Njoroge", "On Sunday Commissioner Njoroge")
    flags = run(story({"a": WIRE, "b": DAILY, "c": mt}))
    assert not [f for f in flags if "Njoroge" in f.text]
    assert noun_categories("commissioner").get("person", 0) > 0.9


def test_a_word_the_others_print_as_the_name_is_that_name():
    # "Grace" is an everyday word, but every source prints her as Grace Wambui.
    add = " Grace Wambui, a nurse, treated the injured."
    flags = run(story({"a": WIRE + add, "b": DAILY + add, "c": MT + add}))
    assert not [f for f in flags if "Grace" in f.text]


def test_a_relative_only_this_source_mentions_elsewhere_is_left_alone():
    # Not at the place where the others print Amani Njoroge: maybe another person of the family.
    mt = MT.replace("The commissioner Peace Njoroge", "The commissioner Njoroge") + (
        " His sister Faith Njoroge lost her shop in the slide.")
    flags = run(story({"a": WIRE, "b": DAILY, "c": mt}))
    assert not [f for f in flags if "Faith" in f.text]


def test_short_form_of_a_given_name_is_not_a_translation():
    texts = {
        "a": "On Monday Robinah Otieno opened the new clinic. The clinic has twelve beds.",
        "b": "The new clinic was opened by Robinah Otieno on Monday. It has twelve beds.",
        "c": "On Monday Rob Otieno opened the new clinic. The clinic has twelve beds.",
    }
    flags = run(story(texts))
    assert not [f for f in flags if f.text.startswith("Rob")]


def test_exonym_and_institution_are_not_translated_places():
    texts = {
        "a": "The engineers flew in from Köln on Monday. The injured were taken to Kapkatet overnight.",
        "b": "On Monday the engineers arrived from Köln. The injured were moved to Kapkatet overnight.",
        # An English name of its own (an exonym: WordNet lists it as a city) and a common noun
        # after an article are no place name translated.
        "c": "The engineers came from Cologne on Monday. The injured were taken to the Valley overnight.",
    }
    flags = run(story(texts))
    assert not [f for f in flags if f.source == "c" and f.text in ("Valley", "Cologne")]
    assert instance_share("cologne") >= 0.5 and instance_share("meadow") == 0.0


def test_place_needs_the_same_preposition_frame():
    # The words stand as an object, not after a preposition of place: no reading as the village.
    mt = MT.replace("A landslide hit the village of Green Meadow after strong rain",
                    "A landslide buried the village Green Meadow after strong rain")
    flags = run(story({"a": WIRE, "b": DAILY, "c": mt}))
    assert not [f for f in flags if "Meadow" in f.text]
