"""garbled_text: a word another language prints (a loan, a false friend) is that language's word,
not an English word mistyped: with no other source printing the English word, the typo test
("no word; one letter from ...") leaves it to the untranslated-word tests. A string of no
language one letter from a common word is still a typo.

Invented texts on the Carrowmere harbour-wall story (``tests/harbour_wall.py``).
"""

from __future__ import annotations

from checks_builder import found, reported, story
from harbour_wall import WALL
from srccompare.checks.garbles import GarbleCheck
from srccompare.models import Kind

FIRST = "Carrowmere council said the harbour wall would be repaired before the winter storms. "


def repairs_in_d(d: str) -> list[tuple[str, str, str]]:
    return found(reported(GarbleCheck(), story(dict(WALL, d=d)), Kind.GARBLED_TEXT), "d")


def test_a_word_of_another_language_is_no_typo_of_an_english_one():
    d = FIRST + "Two fishermen hurt by the waves were taken to the hospitale while engineers inspected the damage."
    assert ("d", "hospitale", "hospital") not in repairs_in_d(d)


def test_a_string_of_no_language_one_letter_from_a_common_word_is_a_typo():
    d = FIRST + "Two fishermen hurt by the waves were taken to the hospitak while engineers inspected the damage."
    assert ("d", "hospitak", "hospital") in repairs_in_d(d)
