"""garbled_text: a capitalised word and a lower-case one that English hardly ever prints in a row,
where an aligned source prints them as one word with the same capital ("the Marsh land road" where
the others write "Marshland"), are a name or a sentence's first word split in two, though each half
is a word. Lower-case nouns are left to house style ("boat yard" / "boatyard"), and so is a pair
that no aligned source prints joined with that capital.

An invented story (a road closed by a flood in a made-up district; four sources).
"""

from __future__ import annotations

from checks_builder import found, reported, story
from srccompare.checks.garbles import GarbleCheck
from srccompare.models import Kind

A = ("Police closed the Fernwater road near Kingsmoor on Monday after the river burst its banks. "
     "Residents of Kingsmoor were told to move their cars to higher ground.")
B = ("The Fernwater road near Kingsmoor was closed by police on Monday when the river burst its banks. "
     "Residents of Kingsmoor were asked to move their cars to higher ground.")
C = ("Flooding shut the Fernwater road near Kingsmoor on Monday, police said. "
     "Kingsmoor residents were told to move their cars to higher ground.")


def _reported_in_d(d: str) -> list[str]:
    ctx = story({"a": A, "b": B, "c": C, "d": d})
    return [text for _, text, _ in found(reported(GarbleCheck(), ctx, Kind.GARBLED_TEXT), "d")]


def test_a_name_split_into_two_words_is_reported():
    d = ("Police closed the Fernwater road near Kings moor on Monday after the river burst its banks. "
         "Residents were told to move their cars to higher ground.")
    assert "Kings moor" in _reported_in_d(d)


def test_two_lower_case_nouns_are_left_to_house_style():
    d = ("Police closed the Fernwater road near Kingsmoor on Monday after the river burst its banks. "
         "Residents of Kingsmoor were told to move their cars to higher ground near the boat yard.")
    assert "boat yard" not in _reported_in_d(d)
