"""Another form of the other sources' word is no misspelling of it (``garbles._same_word_family``): the
same compound closed or hyphenated, its regular plural, or a word the dictionary lists that is the
others' word with an ending added or changed. A slip inside the word, or a string no dictionary
lists, stays a misspelling. Tested on an invented story about a harbour grant."""

from __future__ import annotations

import pytest

from checks_builder import found, story, reported
from srccompare.checks.garbles import GarbleCheck, _same_word_family
from srccompare.models import Kind


def run(ctx):
    return reported(GarbleCheck(), ctx, Kind.GARBLED_TEXT)


@pytest.mark.parametrize("word, correct", [
    ("geosensors", "geo-sensors"),    # the compound written closed
    ("geo-sensors", "geosensors"),    # ... or hyphenated
    ("acropolises", "acropolis"),     # a regular plural the stemmer cuts otherwise
    ("grantee", "grant"),             # a listed word: the others' word with an ending added
    ("pilotage", "pilot"),
    ("arbitrarily", "arbitrary"),     # an ending changed
])
def test_forms_of_one_word_are_one_family(word, correct):
    assert _same_word_family(word, correct, "en")


@pytest.mark.parametrize("word, correct", [
    ("minster", "minister"),          # a listed word, but a letter lost inside the other
    ("grantte", "grant"),             # no dictionary lists it
    ("dock", "dockage"),              # the others' word too short to tell a family by its letters
    ("geo-sensor", "geosensors"),     # the hyphenated form of another inflection
])
def test_a_slip_is_no_form_of_the_word(word, correct):
    assert not _same_word_family(word, correct, "en")


HARBOUR = {
    "a": "The harbour trust announced the grant for the new breakwater on Wednesday.",
    "b": "On Wednesday the harbour trust announced the grant that will pay for the breakwater.",
    "c": "The harbour trust announced on Wednesday the grant for the breakwater, officials said.",
}


def test_a_listed_derivation_of_the_others_word_is_not_garbled():
    d = "The harbour trust named the grantee for the new breakwater on Wednesday."
    assert not found(run(story(dict(HARBOUR, d=d))), "d")


def test_a_slip_of_the_others_word_is_still_garbled():
    d = "The harbour trust announced the grnat for the new breakwater on Wednesday."
    assert ("d", "grnat", "grant") in found(run(story(dict(HARBOUR, d=d))), "d")


def test_the_others_compound_written_closed_is_not_garbled():
    texts = {k: v.replace("new breakwater", "geo-sensors").replace("the breakwater", "the geo-sensors")
             for k, v in HARBOUR.items()}
    d = "The harbour trust announced the grant for the new geosensors on Wednesday."
    assert not found(run(story(dict(texts, d=d))), "d")
