"""name_variant: a q with no u after it is another orthography, not a slip.

An invented story (trout dying on a lake), not any case's wording. English writes q only before
u; a source that writes a q alone where the others write k, c or qu follows the spelling system of
the name's own language. A letter lost from the name beside it is still a slip.
"""

from __future__ import annotations

import pytest

from checks_builder import story
from srccompare.checks.names import NameCheck, _q_orthography


def run(texts):
    ctx = story(texts)
    return [f for f in NameCheck().run(ctx) if f.confidence >= ctx.settings.min_confidence]


@pytest.mark.parametrize("variant, expected, same", [
    ("tirqana", "tirquana", True),
    ("moqebe", "mokkebe", True),
    ("saqasa", "sacasa", True),
    ("tirquna", "tirquana", False),   # a letter lost: a slip
    ("korvaq", "korvat", False),       # another consonant, not the k sound
    ("holmqist", "holmqvist", False),  # both write a q alone: the letter lost is the slip
    ("kispe", "quispe", False),        # English letters both: nothing says which orthography
])
def test_q_orthography(variant, expected, same):
    assert _q_orthography(variant, expected) is same


LAKE = {
    "a": "Trout died in cages on Lake Tirquana on Sunday. Farmers at Tirquana lost 28 tonnes of fish.",
    "b": "Farmers on Lake Tirquana found their trout dead on Sunday. The loss at Tirquana is 28 tonnes.",
    "c": "On Sunday trout were found dead on Lake Tirquana. Cages at Tirquana lost 28 tonnes of fish.",
    "d": "The trout died in the cages of the lake Tirqana on Sunday. The farmers of Tirquana lost 28 tonnes.",
}


def test_a_q_without_u_is_another_orthography():
    assert not [f for f in run(LAKE) if f.text == "Tirqana"]


def test_a_letter_lost_beside_the_q_is_still_a_slip():
    texts = dict(LAKE, d=LAKE["d"].replace("lake Tirqana", "lake Tirquna"))
    assert [f for f in run(texts) if f.text == "Tirquna"]
