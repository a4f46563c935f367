"""garbled_text: a word of another language set off beside its English equivalent by a comma and
"or" ("the commuters, or vorkasta,") is a gloss the writer gives on purpose, as a gloss in
brackets is, not a word left untranslated.

An invented story (a ferry service suspended on a lake, one machine-translated source ``d``); the
foreign word "vorkasta" is made up, unknown to every list and printed by no other source. Left
bare where the others tell the same thing, it is reported.
"""

from __future__ import annotations

from lake_ferry import FIRST, reported_in_d


def test_a_bare_foreign_word_where_the_others_tell_the_same_is_left_untranslated():
    mt = FIRST + "About 300 vorkasta waited at the pier in the rain until the buses arrived from the town."
    assert "vorkasta" in reported_in_d(mt)


def test_a_word_set_off_as_an_alternative_name_by_comma_and_or_is_meant():
    after = FIRST + "About 300 commuters, or vorkasta, waited at the pier in the rain until the buses arrived from the town."
    before = FIRST + "About 300 vorkasta, or commuters, waited at the pier in the rain until the buses arrived from the town."
    assert "vorkasta" not in reported_in_d(after)
    assert "vorkasta" not in reported_in_d(before)
