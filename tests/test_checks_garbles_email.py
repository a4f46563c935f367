"""garbled_text: an e-mail address is judged as a whole, its local part included
("opertor@vardenferry.example" is the operator's mailbox as the operator named it, no slip of
"operator"); the same letters as a word of a sentence are still reported.

Tested on the invented lake ferry story of ``lake_ferry``.
"""

from __future__ import annotations

import pytest

from lake_ferry import FIRST, reported_in_d

BODY = "About 300 commuters waited at the pier in the rain until the buses arrived from the town.\n"


@pytest.mark.parametrize("address", ["opertor@vardenferry.example", "press.opertor@vardenferry.example"])
def test_the_local_part_of_an_email_address_is_no_word(address):
    assert not any("opertor" in t for t in reported_in_d(FIRST + BODY + f"Contact the ferry desk at {address}."))


def test_the_same_letters_as_a_word_are_still_reported():
    assert "opertor" in reported_in_d(FIRST + BODY + "Contact the opertor of the ferry desk.")
