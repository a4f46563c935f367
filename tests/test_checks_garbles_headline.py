"""garbled_text: the headline of a translated page is not judged for words left in another
language.

An invented story (a ferry service suspended on a lake); source ``d`` is a machine translation
whose page keeps the original headline ("Vorkasta brellund: the ferry stopped"), as translated
pages often do, and a word of another script. The same words in the article's body are reported.
"""

from __future__ import annotations

import dataclasses

from checks_builder import found, reported, story
from srccompare.checks.garbles import GarbleCheck
from srccompare.models import Kind

WIRE = ("Ferry stops on Lake Varden\n"
        "The ferry across Lake Varden stopped running on Monday after the engine failed, the operator said. "
        "About 300 commuters waited at the pier in the rain until buses arrived from the town.")
DAILY = ("Lake Varden ferry halted\n"
         "Ferry services on Lake Varden were halted on Monday when the engine broke down. "
         "Some 300 commuters waited at the pier in heavy rain before buses came from the town.")
BRIEF = ("Engine failure stops Lake Varden ferry\n"
         "The operator said the Lake Varden ferry stopped on Monday because of an engine failure. "
         "Around 300 commuters stood at the pier in the rain until the buses from the town arrived.")


def reported_in_d(mt: str, title: str) -> list[str]:
    ctx = story({"a": WIRE, "b": DAILY, "c": BRIEF, "d": mt})
    ctx.sources["d"] = dataclasses.replace(ctx.sources["d"], title=title)
    return [text for _, text, _ in found(reported(GarbleCheck(), ctx, Kind.GARBLED_TEXT), "d")]


HEAD = "Varden: vorkasta brellund stopped, 渡し船 engine"
BODY = ("The ferry of Lake Varden stopped on Monday after the engine failed, said the operator. "
        "About 300 commuters waited at the pier in the rain until the buses arrived from the town.")


def test_words_of_another_language_in_the_headline_are_not_reported():
    flagged = reported_in_d(HEAD + "\n" + BODY, title=HEAD)
    assert not any("vorkasta" in x or "渡し船" in x for x in flagged)


def test_the_same_line_is_judged_when_it_is_not_the_page_title():
    flagged = reported_in_d(HEAD + "\n" + BODY, title="Ferry stopped")
    assert any("渡し船" in x for x in flagged)


def test_a_word_left_in_the_body_is_still_reported():
    body = BODY.replace("300 commuters", "300 vorkasta")
    assert "vorkasta" in reported_in_d(HEAD + "\n" + body, title=HEAD)
