"""A capitalised word with a second capital inside whose two parts the story prints apart
(``garbles._capital_run_together``): "GreenvaleHarbour" for "Greenvale Harbour", "AtGreenvale"
for "At Greenvale" lost a space; name particles ("McAllister", "DeLuca") and a joined form no
source prints apart ("BlueCrest") are left alone. Tested on an invented story about a harbour
wall."""

from __future__ import annotations

from checks_builder import found, story, reported
from srccompare.checks.garbles import GarbleCheck
from srccompare.models import Kind


def run(ctx):
    return reported(GarbleCheck(), ctx, Kind.GARBLED_TEXT)


WALL = {
    "a": "Part of the sea wall at Greenvale Harbour collapsed on Monday, said engineer Rosa McAllister.",
    "b": "A stretch of the Greenvale Harbour sea wall gave way on Monday, McAllister said.",
    "c": "At Greenvale the harbour sea wall partly collapsed on Monday, engineers said.",
}


def flags_in(d):
    return found(run(story(dict(WALL, d=d))), "d")


def test_two_words_the_story_prints_apart_lost_their_space():
    d = "Part of the sea wall at GreenvaleHarbour collapsed on Monday, said engineer Rosa McAllister."
    assert ("d", "GreenvaleHarbour", "Greenvale Harbour") in flags_in(d)


def test_a_function_word_run_into_a_name():
    d = "AtGreenvale the harbour sea wall partly collapsed on Monday, engineers said."
    assert ("d", "AtGreenvale", "At Greenvale") in flags_in(d)


def test_name_particles_and_unattested_joins_are_left_alone():
    d = "Part of the sea wall at Greenvale Harbour collapsed on Monday, BlueCrest engineer Rosa McAllister said."
    assert flags_in(d) == []
