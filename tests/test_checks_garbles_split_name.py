"""garbled_text: two lower-case words are never one name split in two. A pair English seldom prints
("jacks on") may join into a word WordNet knows only with a capital ("Jackson"); English prints a
name capitalised, so the two lower-case words are no broken name. A pair that joins into a word
English writes in lower case ("some thing") stays a split.

Invented texts on the Carrowmere harbour-wall story (``tests/harbour_wall.py``).
"""

from __future__ import annotations

from harbour_wall import reported_in_d

TAIL = "Fishermen moved their boats to the inner basin while engineers inspected the damage."


def test_two_lower_case_words_joining_into_a_name_are_no_split():
    d = ("Carrowmere council said the harbour wall would be repaired before the storms. "
         "Engineers checked the jacks on the crane before the lift. " + TAIL)
    assert "jacks on" not in reported_in_d(d)


def test_two_lower_case_words_joining_into_a_common_word_are_still_a_split():
    d = ("Carrowmere council said the harbour wall would be repaired before the winter storms, "
         "or some thing worse. " + TAIL)
    assert "some thing" in reported_in_d(d)
