"""The first word after a dateline opens the story's first sentence, also where the place name
carries a hyphen or an apostrophe ("PORT-AUX-LOUPS, May 2 -", "N'KOLO, May 2 (Wire) -"): its
capital is no odd capital (``garbles._opens_sentence``). Tested on an invented story about a
ferry."""

from __future__ import annotations

import pytest

from checks_builder import found, story, reported
from srccompare.checks.garbles import GarbleCheck, _opens_sentence
from srccompare.models import Kind


def run(ctx):
    return reported(GarbleCheck(), ctx, Kind.GARBLED_TEXT)


@pytest.mark.parametrize("head, opens", [
    ("PORT-AUX-LOUPS, Canada, May 2 - ", True),
    ("N'KOLO, May 2 (Harbour Wire) - ", True),
    ("LONDON - ", True),
    ("The ferry - ", False),
    ("He said - ", False),
])
def test_a_dateline_ends_before_the_first_sentence(head, opens):
    text = head + "Ferries stopped."
    assert _opens_sentence(text, len(head)) is opens


FERRY = {
    "b": "Ferries to the island of Kolo stopped on Monday after a storm damaged the pier, officials said.",
    "c": "The island's ferries stopped on Monday when a storm damaged the pier, officials said.",
}


def test_the_word_after_a_hyphenated_dateline_is_no_odd_capital():
    a = "PORT-AUX-LOUPS, Canada, May 2 - Ferries to the island stopped on Monday after a storm damaged the pier."
    assert found(run(story(dict(FERRY, a=a))), "a") == []
