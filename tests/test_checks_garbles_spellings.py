"""garbled_text: the British or American spelling of a word the English lists know in the other
spelling ("epicentre" where a list holds "epicenter") is English, never a word left untranslated.

An invented story (a ferry service suspended on a lake, one source ``d``).
"""

from __future__ import annotations

from lake_ferry import FIRST, reported_in_d


def test_the_other_spelling_of_a_listed_word_is_english():
    mt = FIRST + "About 300 commuters waited at the hypocentre in the rain until the buses arrived from the town."
    assert "hypocentre" not in reported_in_d(mt)


def test_a_word_of_no_spelling_of_english_is_still_reported():
    mt = FIRST + "About 300 commuters waited at the vorkastre in the rain until the buses arrived from the town."
    assert "vorkastre" in reported_in_d(mt)
