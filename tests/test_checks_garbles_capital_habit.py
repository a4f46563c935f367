"""A rare everyday word that one source capitalises wherever it prints it, with no source printing
it in lower case, is that source's name for something (a place, a paper), not a slip of the
shift key; a capital once among lower-case uses still is. Tested on an invented story about a
fishing fleet."""

from __future__ import annotations

from checks_builder import found, story, reported
from srccompare.checks.garbles import GarbleCheck
from srccompare.models import Kind


def run(ctx):
    return reported(GarbleCheck(), ctx, Kind.GARBLED_TEXT)


FLEET = {
    "b": "Longliners based in Saint-Pierre follow the quota dispute closely, the fishing committee said.",
    "c": "The fishing committee said longliners based in Saint-Pierre are watching the quota dispute.",
}


def texts_of(a):
    return [text for _, text, _ in found(run(story(dict(FLEET, a=a))), "a")]


def test_a_word_the_source_always_capitalises_is_its_name_for_something():
    a = ("In Saint-Pierre, longliners of the Jetty follow the quota dispute closely. The boats of the "
         "Jetty also unload in Saint-Pierre, the fishing committee said.")
    assert "Jetty" not in texts_of(a)


def test_a_single_capital_among_lower_case_uses_is_a_slip():
    a = ("In Saint-Pierre, longliners of the Jetty follow the quota dispute closely. The boats at the "
         "jetty also unload in Saint-Pierre, the fishing committee said.")
    assert "Jetty" in texts_of(a)

