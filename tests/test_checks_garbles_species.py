"""The Latin second word of a scientific name ("Culex vishnuensis") is cited, never a word a
translation left untranslated; an unknown word after an ordinary word still is. Tested on an invented
story about a mosquito-borne fever."""

from __future__ import annotations

from checks_builder import found, story, reported
from srccompare.checks.garbles import GarbleCheck
from srccompare.models import Kind


def run(ctx):
    return reported(GarbleCheck(), ctx, Kind.GARBLED_TEXT)


FEVER = {
    "a": "The mosquito that spreads the virus breeds in rice fields, the health office said on Monday.",
    "b": "The health office said on Monday the mosquito spreading the virus breeds in flooded rice fields.",
    "c": "On Monday the health office said the virus-carrying mosquito breeds in the rice fields.",
}


def test_a_species_epithet_after_its_genus_is_no_untranslated_word():
    d = "The Culex vishnuensis mosquito that spreads the virus breeds in rice fields, the health office said on Monday."
    assert found(run(story(dict(FEVER, d=d))), "d") == []


def test_an_unknown_word_after_an_ordinary_word_is_still_untranslated():
    d = "The kunfelo mosquito that spreads the virus breeds in rice fields, the health office said on Monday."
    assert found(run(story(dict(FEVER, d=d))), "d") == [("d", "kunfelo", "[kunfelo: untranslated]")]
