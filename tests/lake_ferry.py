"""An invented three-source story about a lake ferry (Lake Varden), shared by the garble tests that
add a machine-translated fourth source ``d`` and ask what the garble check reports there
(``reported_in_d``). ``FIRST`` is the translation's first sentence, which says the same as the others'."""

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
    """The texts the garble check reports in ``d`` (the translation) of the ferry story."""
    ctx = story({"a": WIRE, "b": DAILY, "c": BRIEF, "d": mt})
    return [text for _, text, _ in found(reported(GarbleCheck(), ctx, Kind.GARBLED_TEXT), "d")]
