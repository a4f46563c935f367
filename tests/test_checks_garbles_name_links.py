"""The words of a name hold together across a plural's possessive ("the Dockers' Federation")
and a function word capitalised inside a sentence ("Cove An"): such a capitalised word is part of
a name, no odd capital (``garbles._in_multiword_name``). Tested on invented stories about a port
strike and a fishing fleet."""

from __future__ import annotations

from checks_builder import found, story, reported
from srccompare.checks.garbles import GarbleCheck
from srccompare.models import Kind


def run(ctx):
    return reported(GarbleCheck(), ctx, Kind.GARBLED_TEXT)


STRIKE = {
    "b": "The dockers' federation has not backed the pay offer at the port of Halden, its secretary said.",
    "c": "At the port of Halden the federation of dockers has not backed the pay offer, its secretary said.",
}


def test_a_plural_possessive_inside_a_name_keeps_its_capitals():
    a = "The Halden Dockers' Federation has not backed the pay offer at the port, its secretary said."
    assert [t for _, t, _ in found(run(story(dict(STRIKE, a=a))), "a") if t == "Federation"] == []


FLEET = {
    "b": "Longliners based in Saint-Pierre follow the quota dispute closely, the fishing committee said.",
    "c": "The fishing committee said longliners based in Saint-Pierre are watching the quota dispute.",
}


def test_a_capitalised_function_word_makes_a_name():
    a = "Longliners based between Cove An and the port follow the quota dispute closely, the fishing committee said."
    assert found(run(story(dict(FLEET, a=a))), "a") == []
