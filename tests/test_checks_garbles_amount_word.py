"""garbled_text: a word after a figure in an amount of money (a currency sign before the figure,
letters run into it, or a currency code after the word: "4,2 skonna SEK") is the amount's
multiplier or unit in the words of the language it was written in; the number checks compare
amounts, and it is not reported as left untranslated. After a bare figure it is.

An invented story (a ferry service suspended on a lake, one machine-translated source ``d``); the
word "skonna" is made up, unknown to every list and printed by no other source.
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


def reported_in_d(mt: str) -> list[str]:
    ctx = story({"a": WIRE, "b": DAILY, "c": BRIEF, "d": mt})
    return [text for _, text, _ in found(reported(GarbleCheck(), ctx, Kind.GARBLED_TEXT), "d")]


FIRST = "The ferry of Lake Varden stopped on Monday after the engine failed, said the operator. "


def test_a_word_after_a_figure_of_money_is_its_multiplier():
    bare = FIRST + "About 300 commuters waited at the pier in the rain until 4 skonna buses arrived from the town."
    sign = FIRST + "About 300 commuters waited at the pier in the rain; the town paid €4,2 skonna for buses from the town."
    code = FIRST + "About 300 commuters waited at the pier in the rain; the town paid 4,2 skonna SEK for buses from the town."
    letters = FIRST + "About 300 commuters waited at the pier in the rain; the town paid Kr4,2 skonna for buses from the town."
    assert "skonna" in reported_in_d(bare)
    for mt in (sign, code, letters):
        assert "skonna" not in reported_in_d(mt)
