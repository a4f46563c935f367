"""garbled_text: a capital that English sets on purpose inside a sentence. A word alone in brackets,
or before a slash in them, is a label after a name or at a dateline (a member's party or
portfolio, the agency that filed the report: "(Transport)", "(Harbourists/EFA)", "(Coastwire)"),
capitalised as a name; a capitalised possessive opens a style of address ("His Lordship", "Her
Worship"). Neither is a slip of the shift key, which the same word capitalised bare in running text
still is.

An invented story (a ferry fare rise voted by a town council; three sources).
"""

from __future__ import annotations

from checks_builder import found, reported, story
from srccompare.checks.garbles import GarbleCheck
from srccompare.models import Kind

A = ("The town council voted on Monday to raise ferry fares by ten percent from June. "
     "Councillor Mara Lind, who holds the transport portfolio, said the harbour needed new pontoons. "
     "The mayor said the rise would be reviewed after one year of service.")
B = ("Ferry fares will rise by ten percent from June after a council vote on Monday. "
     "Mara Lind, the councillor for transport, said the harbour needed new pontoons. "
     "The mayor promised to review the rise after one year of service.")


def _reported_in_c(c: str) -> list[str]:
    ctx = story({"a": A, "b": B, "c": c})
    return [text for _, text, _ in found(reported(GarbleCheck(), ctx, Kind.GARBLED_TEXT), "c")]


def test_a_label_in_brackets_is_a_name():
    c = ("The town council voted on Monday to raise ferry fares by ten percent from June. "
         "Councillor Mara Lind (Transport) said the harbour needed new pontoons. "
         "The mayor said the rise would be reviewed after one year of service.")
    assert "Transport" not in _reported_in_c(c)


def test_a_label_before_a_slash_in_brackets_is_a_name():
    c = ("The town council voted on Monday to raise ferry fares by ten percent from June. "
         "Councillor Mara Lind (Transport/EFA) said the harbour needed new pontoons. "
         "The mayor said the rise would be reviewed after one year of service.")
    assert "Transport" not in _reported_in_c(c)


def test_a_style_of_address_is_capitalised():
    c = ("The town council voted on Monday to raise ferry fares by ten percent from June. "
         "Councillor Mara Lind said the harbour needed new pontoons. "
         "His Lordship the mayor said the rise would be reviewed after one year of service.")
    assert "Lordship" not in _reported_in_c(c)


def test_the_same_word_capitalised_in_running_text_is_still_a_slip():
    c = ("The town council voted on Monday to raise ferry fares by ten percent from June. "
         "Councillor Mara Lind, who holds the Transport portfolio, said the harbour needed new pontoons. "
         "The mayor said the rise would be reviewed after one year of service.")
    assert "Transport" in _reported_in_c(c)
