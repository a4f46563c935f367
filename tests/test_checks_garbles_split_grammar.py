"""garbled_text: a word split in two, or two words read as one, judged by English morphology and
grammar: an inflection the dictionary knows through its lemma ("rob bed" for "robbed"), the
plural's "s" printed alone ("landslide s"), a joined word English prints thousands of times as
often as the pair ("some thing"); and what is no split: two function words in a row ("told us
her plans"), the plural of a listed word the list lacks.

Invented texts on the Carrowmere harbour-wall story (``tests/harbour_wall.py``).
"""

from __future__ import annotations

from checks_builder import found, reported, story
from harbour_wall import WALL, reported_in_d
from srccompare.checks.garbles import GarbleCheck
from srccompare.models import Kind

TAIL = "Fishermen moved their boats to the inner basin while engineers inspected the damage."


def test_an_inflected_word_split_in_two_is_reported():
    d = "Carrowmere council said the harbour wall would be repaired before the storms. A shed was rob bed there. " + TAIL
    assert "rob bed" in reported_in_d(d)


def test_a_plural_s_printed_alone_is_reported():
    d = "Carrowmere council said the harbour wall would be repaired before the winter storm s. " + TAIL
    assert "storm s" in reported_in_d(d)


def test_a_word_printed_far_more_often_than_its_halves_as_a_pair_is_reported():
    d = "Carrowmere council said the harbour wall would be repaired before the winter storms, or some thing worse. " + TAIL
    assert "some thing" in reported_in_d(d)


def test_two_function_words_in_a_row_are_no_split():
    d = ("Carrowmere council said the harbour wall would be repaired before the winter storms. "
         "A fisherman told us her boat was moved to the inner basin while engineers inspected the damage.")
    assert "us her" not in reported_in_d(d)


def test_the_plural_of_a_listed_word_is_no_run_together():
    d = ("Carrowmere council said the harbour wall would be repaired before the winter storms. "
         "Fishermen in topis moved their boats to the inner basin while engineers inspected the damage.")
    flags = reported(GarbleCheck(), story(dict(WALL, d=d)), Kind.GARBLED_TEXT)
    assert ("d", "topis", "top is") not in found(flags, "d")
