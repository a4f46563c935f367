"""garbled_text: a word after a figure in an amount of money (a currency sign before the figure,
letters run into it, or a currency code after the word: "4,2 skonna SEK") is the amount's
multiplier or unit in the words of the language it was written in; the number checks compare
amounts, and it is not reported as left untranslated. After a bare figure it is.

An invented story (a ferry service suspended on a lake, one machine-translated source ``d``); the
word "skonna" is made up, unknown to every list and printed by no other source.
"""

from __future__ import annotations

from lake_ferry import FIRST, reported_in_d


def test_a_word_after_a_figure_of_money_is_its_multiplier():
    bare = FIRST + "About 300 commuters waited at the pier in the rain until 4 skonna buses arrived from the town."
    sign = FIRST + "About 300 commuters waited at the pier in the rain; the town paid €4,2 skonna for buses from the town."
    code = FIRST + "About 300 commuters waited at the pier in the rain; the town paid 4,2 skonna SEK for buses from the town."
    letters = FIRST + "About 300 commuters waited at the pier in the rain; the town paid Kr4,2 skonna for buses from the town."
    assert "skonna" in reported_in_d(bare)
    for mt in (sign, code, letters):
        assert "skonna" not in reported_in_d(mt)
