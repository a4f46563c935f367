"""garbled_text: a word and its colon or full stop printed twice, the second copy in lower case
("said: said:"), is the phrase restarted: after a colon English goes on with what the word
announced, and after a full stop a sentence opens with a capital. A lower-case word that only
repeats the one before the colon goes on with the sentence ("what to do: do not wait"); a copy
that opens the next sentence with its capital is left, and so is a doubling another source prints.

Invented texts on the Carrowmere harbour-wall story (``tests/harbour_wall.py``).
"""

from __future__ import annotations

from harbour_wall import reported_in_d

TAIL = " Fishermen moved their boats to the inner basin while engineers inspected the damage."


def test_a_word_restarted_after_a_colon_is_reported():
    d = 'The harbour master, speaking to reporters, said: said: "The wall will be repaired before the storms."' + TAIL
    assert any(r.startswith("said: said") for r in reported_in_d(d))


def test_a_word_that_goes_on_after_the_colon_is_left():
    d = "Carrowmere council said what boat owners should do: do not moor by the harbour wall before the storms." + TAIL
    assert not any(r.startswith("do: do") for r in reported_in_d(d))


def test_a_new_sentence_opening_with_the_same_word_is_left():
    d = "Carrowmere council said the harbour wall would be repaired soon. Soon the storms would come." + TAIL
    assert not any("Soon" in r for r in reported_in_d(d))
