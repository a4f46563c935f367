"""An invented three-source story about a harbour wall in a town called Carrowmere, shared by the
garble tests that plant one slip in a fourth source ``d`` and ask what the garble check reports
there (``reported_in_d``)."""

from __future__ import annotations

from checks_builder import found, reported, story
from srccompare.checks.garbles import GarbleCheck
from srccompare.models import Kind

WALL = {
    "a": "Carrowmere council said the harbour wall would be repaired before the winter storms. "
         "Fishermen moved their boats to the inner basin while engineers inspected the damage.",
    "b": "The harbour wall in Carrowmere will be repaired before winter, the council said. "
         "Fishermen moved their boats to the inner basin while engineers looked at the damage.",
    "c": "Engineers inspected the damaged harbour wall in Carrowmere, which the council will repair "
         "before the winter storms. Fishermen moved their boats to the inner basin.",
}


def reported_in_d(d: str, **more: str) -> list[str]:
    """The texts the garble check reports in source ``d`` of the wall story (plus ``more`` sources)."""
    ctx = story(dict(WALL, d=d, **more))
    return [text for _, text, _ in found(reported(GarbleCheck(), ctx, Kind.GARBLED_TEXT), "d")]
