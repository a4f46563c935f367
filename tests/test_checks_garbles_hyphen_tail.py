"""A piece of a word after a hyphenated compound whose last part it completes ("solar-pow ered",
"wind-gen erated") is that compound's last word split in two (``garbles._hyphen_tail_split``); a
real word after a compound ("solar-powered pumps") is not. Tested on an invented story about
water pumps."""

from __future__ import annotations

from checks_builder import found, story, reported
from srccompare.checks.garbles import GarbleCheck
from srccompare.models import Kind


def run(ctx):
    return reported(GarbleCheck(), ctx, Kind.GARBLED_TEXT)


PUMPS = {
    "a": "Villagers in Okara switched to solar-powered pumps after the grid failed on Friday, officials said.",
    "b": "After Friday's grid failure, Okara villagers moved to solar-powered water pumps, officials said.",
    "c": "Officials said villagers in Okara used pumps run on solar power after the grid failed on Friday.",
}


def flags_in(d):
    return found(run(story(dict(PUMPS, d=d))), "d")


def test_the_last_word_of_a_compound_split_in_two():
    d = "Villagers in Okara switched to solar-pow ered pumps after the grid failed on Friday, officials said."
    assert ("d", "solar-pow ered", "solar-powered") in flags_in(d)


def test_a_word_after_a_compound_is_no_piece():
    d = "Villagers in Okara switched to solar-powered pumps after the grid failed on Friday, officials said."
    assert flags_in(d) == []
