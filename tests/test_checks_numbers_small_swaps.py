"""number_conflict: a small figure in another unit elsewhere in the story is another quantity.

The small numbers English spells out count many stretches of one story in many units. The same
small figure in another unit (``unit_swaps``) is the same quantity where the alignment puts the two
passages together or their sentences are worded alike, not where the two sentences share one word
or only the figure's own word. Invented stories only (a water inquiry, a harbour budget)."""

from __future__ import annotations

from tests.test_checks_numbers import run


def test_a_small_figure_shares_no_word_with_itself():
    # "two" is the only word the sentences share: the figure's own.
    texts = {"a": ["The inspectors will deliver their findings within two weeks."],
             "b": ["A pensioner said she queued for two hours at the pump."],
             "c": ["\"We queued for two hours in the heat,\" a pensioner told reporters."]}
    _, flags = run(texts, groups=[[("b", 0), ("c", 0)], [("a", 0)]])
    assert flags == []


def test_one_shared_word_does_not_make_a_small_figure_one_quantity():
    texts = {"a": ["The harbour budget rapporteur spoke for barely three minutes in the chamber."],
             "b": ["The vote on the harbour budget opens three weeks of talks with the port authority."],
             "c": ["Councillors sent the budget into three weeks of talks with the port authority."]}
    _, flags = run(texts, groups=[[("b", 0), ("c", 0)], [("a", 0)]])
    assert flags == []


def test_a_small_figure_in_another_unit_in_a_sentence_alike_is_still_a_swap():
    texts = {"a": ["The pumps at the reservoir were switched off for 3 weeks, the water board said."],
             "b": ["The water board said the pumps at the reservoir were switched off for 3 days."],
             "c": ["The pumps at the reservoir were switched off for 3 days, the board said."]}
    _, flags = run(texts, groups=[[("b", 0), ("c", 0)], [("a", 0)]])
    assert [(f.source, f.text, f.expected) for f in flags] == [("a", "3 weeks", "3")]
