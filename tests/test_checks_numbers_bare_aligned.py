"""number_conflict: a figure one rare slip (digits swapped, a factor of ten) from the figure two or
more other sources print without its noun in the passages aligned with its own is a slip of it,
however differently the passages word the clause; the consensus never pairs figures without a
noun. Invented story only (a petition against a quarry)."""

from __future__ import annotations

from tests.test_checks_numbers import run

_PETITION = {
    "a": ["The petition drew 815 signatures and {figure} objected to the quarry."],
    "b": ["A petition drew 815 signatures, of which 594 opposed the quarry."],
    "c": ["Of the 815 people who signed the petition, 594 were against the quarry."],
}


def test_a_bare_figure_swapped_against_two_aligned_sources_is_flagged():
    # a shares one word with b's and c's clauses ("quarry"), too few to say the figures are one
    # quantity by their words: the alignment says so.
    _, flags = run(dict(_PETITION, a=[_PETITION["a"][0].format(figure="549 of them")]))
    assert [(f.source, f.text, f.expected) for f in flags] == [("a", "549", "594")]


def test_a_counted_figure_ten_times_the_aligned_bare_figure_is_flagged():
    _, flags = run(dict(_PETITION, a=[_PETITION["a"][0].format(figure="5,940 residents")]))
    assert [(f.source, f.text) for f in flags] == [("a", "5,940")]


def test_a_figure_the_aligned_sources_print_is_no_slip():
    _, flags = run(dict(_PETITION, a=[_PETITION["a"][0].format(figure="594 of them")]))
    assert flags == []


def test_a_bare_figure_in_an_unaligned_passage_needs_the_words():
    _, flags = run(dict(_PETITION, a=[_PETITION["a"][0].format(figure="549 of them")]),
                   groups=[[("a", 0)], [("b", 0), ("c", 0)]])
    assert flags == []
