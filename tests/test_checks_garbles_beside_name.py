"""garbled_text: a local word set beside a name is kept on purpose. English prints a title right
before a person's name ("councillor Jane Roe") and the kind of a place right after the place's name
("Kandahar province"), with no article; a translator who keeps the local title or the local word for
the kind of place there is understood through the name. The same word left anywhere else in a
sentence, where the others tell the same thing in English, is still left untranslated.

Invented texts on the Carrowmere harbour-wall story (``tests/harbour_wall.py``).
"""

from __future__ import annotations

import pytest

from harbour_wall import reported_in_d

TAIL = "Fishermen moved their boats to the inner basin while engineers inspected the damage."


@pytest.mark.parametrize(
    "d, word",
    [
        # a title before a person's name of two words
        ("Carrowmere council said the harbour wall would be repaired before the winter storms, said "
         "starosta Jan Kowal. " + TAIL, "starosta"),
        # a particle between the two capitalised words
        ("Carrowmere council said the harbour wall would be repaired before the winter storms, said "
         "wethouder Marta de Souza. " + TAIL, "wethouder"),
        # the kind of place after the place's name
        ("The Carrowmere fylke council said the harbour wall would be repaired before the winter storms. "
         + TAIL, "fylke"),
    ],
)
def test_a_local_word_beside_a_name_is_kept(d, word):
    assert word not in reported_in_d(d)


def test_the_same_word_away_from_a_name_is_left_untranslated():
    d = ("Carrowmere council said the harbour wall would be repaired before the winter storms. "
         "Fishermen moved their boats to the inner basin while engineers inspected the gminaxo.")
    assert "gminaxo" in reported_in_d(d)


def test_two_english_words_run_together_before_a_name_are_still_reported():
    d = ("Carrowmere council said the harbour wall would be repaired before the winter storms by "
         "engineersfrom Harbour Works. " + TAIL)
    assert "engineersfrom" in reported_in_d(d)
