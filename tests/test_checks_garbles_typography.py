"""Typographic garbles English itself rules out: a possessive run into its noun
("Carrowmere'sengineers", "wall'srep air"), a word split into a piece that is no word ("ambu
lances"), a one-letter word with an accent ("à"), a lone letter of another script between English
words; and what stays: an Irish name's apostrophe, "à la", a Greek letter. Tested on an invented
story about a harbour wall in a town called Carrowmere."""

from __future__ import annotations

import pytest

from harbour_wall import reported_in_d as texts_of


def test_a_possessive_run_into_its_noun_after_a_name():
    d = ("Carrowmere council said the harbour wall would be repaired before the winter storms. "
         "Fishermen moved their boats to the inner basin while Carrowmere'sengineers inspected the damage.")
    assert "Carrowmere'sengineers" in texts_of(d)


def test_a_possessive_run_into_a_split_noun_is_repaired_whole():
    d = ("Carrowmere council said the harbour wall's rep air would be done before the winter storms. "
         "Fishermen moved their boats to the inner basin while engineers inspected the damage.")
    d = d.replace("wall's rep", "wall'srep")
    assert "wall'srep air" in texts_of(d)


def test_an_irish_name_with_an_apostrophe_is_no_possessive():
    d = ("Carrowmere council said the harbour wall would be repaired before the winter storms. "
         "Fishermen moved their boats to the inner basin while O'Sheridan inspected the damage.")
    assert texts_of(d) == []


def test_a_word_split_into_a_piece_that_is_no_word():
    d = ("Carrowmere council said the harbour wall would be repaired before the winter storms. "
         "Fishermen moved their boats to the inner basin while ambu lances waited on the quay.")
    assert "ambu lances" in texts_of(d)


def test_an_accented_one_letter_word_is_foreign_typing():
    d = ("Carrowmere council said the harbour wall would be repaired before à winter storm. "
         "Fishermen moved their boats to the inner basin while engineers inspected the damage.")
    assert "à" in texts_of(d)


def test_a_la_keeps_its_accent():
    d = ("Carrowmere council said the harbour wall would be repaired before the winter storms. "
         "Fishermen ate lunch à la carte in the inner basin while engineers inspected the damage.")
    assert "à" not in texts_of(d)


def test_a_lone_letter_of_another_script_between_english_words():
    d = ("Carrowmere council said the harbour wall は would be repaired before the winter storms. "
         "Fishermen moved their boats to the inner basin while engineers inspected the damage.")
    assert "は" in texts_of(d)


def test_a_greek_letter_between_english_words_is_english_usage():
    d = ("Carrowmere council said the harbour wall would be repaired before the winter storms. "
         "Fishermen moved their boats to the inner basin while engineers measured the μ of the stone.")
    assert "μ" not in texts_of(d)


@pytest.mark.parametrize("mark", ["km²", "Hawaiʻi"])
def test_a_superscript_or_a_modifier_letter_is_no_foreign_letter(mark):
    d = ("Carrowmere council said the harbour wall would be repaired before the winter storms. "
         f"Fishermen moved their boats to the inner basin of 12 {mark} while engineers inspected the damage.")
    assert [t for t in texts_of(d) if t in "²ʻ"] == []
