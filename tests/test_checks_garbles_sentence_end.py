"""A sentence that stops short, by English grammar whatever the story: it ends on an article
after any word ("a storm-battered winter the."), on a conjunction that opens a clause after a verb
or a noun ("inspected while."), or as a few words left after a paragraph's last sentence; and what
may end one: "while" as a noun ("for a while."), "in" after a span of time ("six months in"), a
list item's "; and". Tested on an invented story about a harbour wall in a town called
Carrowmere."""

from __future__ import annotations

import pytest

from harbour_wall import reported_in_d as texts_of


def test_a_sentence_ending_on_an_article_after_a_hyphenated_word_is_cut():
    d = ("Carrowmere council said the harbour wall would be repaired before the storm-battered winter the. "
         "Fishermen moved their boats to the inner basin while engineers inspected the damage.")
    assert "the" in texts_of(d)


def test_a_sentence_ending_on_while_after_a_verb_is_cut():
    d = ("Carrowmere council said the harbour wall would be repaired before the winter storms. "
         "Fishermen moved their boats to the inner basin engineers the damage inspected while.")
    assert "while" in texts_of(d)


@pytest.mark.parametrize("ending", ["for a while.", "for a long while.", "all the while."])
def test_while_as_a_noun_may_end_a_sentence(ending):
    d = ("Carrowmere council said the harbour wall would be repaired before the winter storms. "
         f"Fishermen moved their boats to the inner basin and waited there {ending}")
    assert "while" not in texts_of(d)


def test_a_span_of_time_then_in_may_end_a_headline():
    d = ("Harbour wall repairs in Carrowmere six months in\n\n"
         "Carrowmere council said the harbour wall would be repaired before the winter storms. "
         "Fishermen moved their boats to the inner basin while engineers inspected the damage.")
    assert "in" not in texts_of(d)


def test_a_list_item_that_links_to_the_next_is_not_cut():
    d = ("Carrowmere council said the harbour wall would be repaired before the winter storms.\n\n"
         "The works cover:\n- 40 metres of the outer wall, rebuilt in stone; and\n"
         "- the slipway beside the inner basin, where engineers inspected the damage.")
    assert "and" not in texts_of(d)


def test_a_passage_that_stops_on_and_is_cut():
    d = ("Carrowmere council said the harbour wall would be repaired before the winter storms and\n\n"
         "Fishermen moved their boats to the inner basin while engineers inspected the damage.")
    assert "and" in texts_of(d)


def test_a_few_words_left_after_the_last_sentence_of_a_paragraph_are_cut():
    d = ("Carrowmere council said the harbour wall would be repaired before the winter storms. "
         "Fishermen moved their boats to the inner basin. Fishermen moved to\n\n"
         "Engineers inspected the damage on Monday.")
    assert "to" in texts_of(d)
