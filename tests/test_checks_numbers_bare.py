"""number_conflict: a figure printed without its noun ("with 16 of them hospitalised") one rare
slip from a figure the others agree on, where the source itself prints that figure beside the same
word: it contradicts itself, and the others say which of its two figures slipped. Invented story
only (a bus crash on a mountain pass)."""

from __future__ import annotations

from tests.test_checks_numbers import run

_CRASH = {
    "a": ["A bus carrying pilgrims overturned near the pass, with 16 of them hospitalised.",
          "Of the 61 hospitalised, four are in intensive care."],
    "b": ["A bus overturned near the pass and 61 passengers were hospitalised.",
          "Four of them are in intensive care."],
    "c": ["Police said 61 people were hospitalised after the bus overturned near the pass.",
          "Four patients remain in intensive care."],
}


def test_a_bare_figure_the_source_contradicts_beside_the_same_word_is_flagged():
    _, flags = run(_CRASH)
    assert [(f.source, f.text, f.expected) for f in flags] == [("a", "16", "61")]


def test_the_sources_own_figure_in_another_clause_is_another_quantity():
    texts = dict(_CRASH, a=[_CRASH["a"][0].replace("hospitalised", "sent home"), _CRASH["a"][1]])
    _, flags = run(texts)
    assert flags == []


_BEACHES = {
    "a": ["The council closes 12 beaches on the north coast after the oil spill",
          "The council closed 12 of the 19 beaches on the north coast after oil washed ashore."],
    "b": ["Oil washed ashore on the north coast, where 19 beaches were closed by the council."],
    "c": ["The council closed 19 beaches on the north coast after oil washed ashore on Sunday."],
}


def test_a_figure_the_source_prints_beside_the_others_figure_is_the_other_quantity():
    # a's headline "12 beaches" against b and c's 19: a itself prints "12 of the 19 beaches", so
    # it knows both quantities; its headline figure is the part, not a slip of the whole.
    _, flags = run(_BEACHES, groups=[[("a", 0), ("b", 0), ("c", 0)], [("a", 1)]])
    assert [f for f in flags if f.source == "a"] == []
    texts = dict(_BEACHES, a=[_BEACHES["a"][0], "Oil washed ashore on the north coast, the council said."])
    _, flags = run(texts, groups=[[("a", 0), ("b", 0), ("c", 0)], [("a", 1)]])
    assert [(f.source, f.text) for f in flags] == [("a", "12")]
