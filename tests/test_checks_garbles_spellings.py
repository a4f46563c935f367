"""garbled_text: the British or American spelling of a word the English lists know in the other
spelling ("epicentre" where a list holds "epicenter") is English, never a word left untranslated.

An invented story (a ferry service suspended on a lake, one source ``d``).
"""

from __future__ import annotations

from checks_builder import found, reported, story
from srccompare.checks.garbles import GarbleCheck
from srccompare.models import Kind

WIRE = ("The ferry across Lake Varden stopped running on Monday after the engine failed, the operator said. "
        "About 300 commuters waited at the pier in the rain until buses arrived from the town.")
DAILY = ("Ferry services on Lake Varden were halted on Monday when the engine broke down. "
         "Some 300 commuters waited at the pier in heavy rain before buses came from the town.")
BRIEF = ("The operator said the Lake Varden ferry stopped on Monday because of an engine failure. "
         "Around 300 commuters stood at the pier in the rain until the buses from the town arrived.")
FIRST = "The ferry of Lake Varden stopped on Monday after the engine failed, said the operator. "


def reported_in_d(mt: str) -> list[str]:
    ctx = story({"a": WIRE, "b": DAILY, "c": BRIEF, "d": mt})
    return [text for _, text, _ in found(reported(GarbleCheck(), ctx, Kind.GARBLED_TEXT), "d")]


def test_the_other_spelling_of_a_listed_word_is_english():
    mt = FIRST + "About 300 commuters waited at the hypocentre in the rain until the buses arrived from the town."
    assert "hypocentre" not in reported_in_d(mt)


def test_a_word_of_no_spelling_of_english_is_still_reported():
    mt = FIRST + "About 300 commuters waited at the vorkastre in the rain until the buses arrived from the town."
    assert "vorkastre" in reported_in_d(mt)
