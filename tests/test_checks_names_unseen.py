"""Renderings of a name against slips, as they recur on stories nobody tuned for: a vowel written or
left out between the same consonants, a name English prints seldom written in another local form,
and one word of a full name rendered as a name alone would be. Names invented for a story about a river-ferry strike."""

from __future__ import annotations

import pytest

from checks_builder import found, story
from srccompare.checks.names import NameCheck, _collect, _full_name_flags, _same_consonants, name_key
from srccompare.models import Severity


def flags_of(texts, source="d"):
    return [f for f in NameCheck().run(story(texts)) if f.source == source]


@pytest.mark.parametrize("variant, expected", [
    ("Dorvani", "Dorevani"),         # an inherent vowel left unwritten between two consonants
    ("Tbelika", "Tebelika"),         # ... after the first consonant
    ("Sunderaga", "Sundaraga"),      # a vowel written otherwise, as before
    ("Kildere", "Kildare"),          # a name English prints seldom (zipf below 3) has no one spelling
])
def test_vowels_between_the_same_consonants_are_a_romanisation_shape(variant, expected):
    assert _same_consonants(name_key(variant), name_key(expected))


@pytest.mark.parametrize("variant, expected", [
    ("Dorvni", "Dorevani"),          # three consonants in a row: no romanisation writes that
    ("Drvn", "Dorevani"),            # ... nor leaves every vowel out
    ("Bra", "Bora"),                 # two consonants only: too little of the name is left
    ("Londn", "London"),             # a name English prints often keeps its one spelling
    ("Birmingam", "Birmingham"),
    ("Kildale", "Kildare"),          # a name English prints now and then keeps its consonants
    ("Kolmenov", "Kolmanenov"),      # a syllable lost, not a vowel
])
def test_a_slip_is_still_no_romanisation_shape(variant, expected):
    assert not _same_consonants(name_key(variant), name_key(expected))


FERRY = {
    "a": "Ferry crews at Dorevani walked out on Monday, the union said. Boats stayed tied up at Dorevani all day.",
    "b": "The strike at the Dorevani ferry landing began on Monday, according to the union.",
    "c": "Union members stopped the ferries at Dorevani on Monday; talks are set for Thursday.",
}


def test_a_vowel_left_out_once_is_a_low_note():
    d = "Ferry crews at Dorvani walked out on Monday, the union said. Talks are set for Thursday."
    flags = flags_of(dict(FERRY, d=d))
    assert ("d", "Dorvani", "Dorevani") in found(flags)
    assert all(f.severity is Severity.LOW for f in flags)


def test_a_rendering_printed_at_every_mention_is_the_source_s_own():
    # A vowel written otherwise at every mention, the others' spelling never: the source's way of
    # writing the name, as a romanisation scheme keeps to it (a slip is a one-off).
    d = ("Ferry crews at Dorvani walked out on Monday, the union said. Boats stayed tied up at Dorvani "
         "all day, and the landing at Dorvani was closed.")
    assert not flags_of(dict(FERRY, d=d))
    # Beside its own right spelling, the same vowel left out is a note again.
    d = ("Ferry crews at Dorvani walked out on Monday, the union said. Boats stayed tied up at Dorevani "
         "all day, and the landing at Dorvani was closed.")
    assert ("d", "Dorvani", "Dorevani") in found(flags_of(dict(FERRY, d=d)))


def test_a_consonant_of_another_sound_repeated_stays_a_misspelling():
    d = ("Ferry crews at Dorepani walked out on Monday, the union said. Boats stayed tied up at Dorepani "
         "all day, and the landing at Dorepani was closed.")
    flags = flags_of(dict(FERRY, d=d))
    assert ("d", "Dorepani", "Dorevani") in found(flags)
    assert all(f.severity is not Severity.LOW for f in flags)


SPOKESWOMAN = {
    "a": "Mariama Diakhate, who speaks for the ferry union, said the crews would return on Friday.",
    "b": "Union spokeswoman Mariama Diakhate said crews would be back at work on Friday.",
    "c": "The crews will return on Friday, said Mariama Diakhate of the ferry union.",
}


def full_name_flags(first):
    d = f"{first} Diakhate, who speaks for the ferry union, said the crews would return on Friday."
    ctx = story(dict(SPOKESWOMAN, d=d))
    return _full_name_flags(ctx, _collect(ctx))


def test_the_first_word_of_a_full_name_with_a_vowel_unwritten_is_a_low_note():
    flags = full_name_flags("Marima")
    assert [(f.text, f.expected) for f in flags] == [("Marima", "Mariama Diakhate")]
    assert flags[0].severity is Severity.LOW


def test_the_first_word_of_a_full_name_with_another_consonant_keeps_its_severity():
    flags = full_name_flags("Mariaka")
    assert [(f.text, f.expected) for f in flags] == [("Mariaka", "Mariama Diakhate")]
    assert flags[0].severity is not Severity.LOW
