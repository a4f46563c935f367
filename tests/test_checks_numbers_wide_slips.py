"""number_conflict: a rare slip (two digits swapped, a factor of ten) of a figure the others agree
on, where the slipped figure is hedged ("about 8,300") or where the alignment did not pair it with
the others' ("the 45,300-strong crowd" against three sources' "crowd of 54,300"). Invented stories
only (a tram depot fire; a flooded arena)."""

from __future__ import annotations

from srccompare.checks.numbers import significant_digits, wide_consensus_slip
from tests.test_checks_numbers import mention, run

_DEPOT = {
    "a": ["The city has about 8,300 registered tram depot units, most of them in the old town."],
    "b": ["The city has about 3,800 registered tram depot units, most in the old town."],
    "c": ["Most of the city's about 3,800 registered tram depot units are in the old town."],
}


def test_a_hedged_figure_swapped_from_the_others_is_flagged():
    # "about" allows 7,055 to 9,545; a swap of the leading digits is no rounding.
    _, flags = run(_DEPOT)
    assert [(f.source, f.text, f.expected) for f in flags] == [("a", "8,300", "3,800")]


def test_a_hedged_figure_whose_slip_the_wording_allows_is_not_flagged():
    # "about 1,010" allows 1,100: the hedge, not a slip, may be the difference.
    texts = {s: [t.replace("8,300", "1,010").replace("3,800", "1,100") for t in ps]
             for s, ps in _DEPOT.items()}
    _, flags = run(texts)
    assert [f for f in flags if f.source == "a"] == []


def test_significant_digits_leave_out_point_and_zeros():
    assert significant_digits(45300.0) == "453"
    assert significant_digits(0.062) == "62"
    assert significant_digits(8300.0) == "83"


def _crowd(*texts):
    return [m for t in texts for m in mention(t)]


def test_three_sources_of_a_swapped_figure_sharing_a_word_make_it_a_slip():
    [m] = _crowd("The screens told the 45,300-strong crowd to leave.")
    others = [m for m in _crowd("The crowd of 54,300 cheered.", "54,300 fans were ordered out.")]
    others += [m for m in mention("The crowd of 54,300 was sent under cover.")]
    others = [o.__class__(**{**o.__dict__, "source": s}) for o, s in zip(others, "bcd")]
    assert wide_consensus_slip(m, 54300.0, others)
    assert not wide_consensus_slip(m, 54300.0, others[:2])  # two sources: the alignment must pair them
    [small] = _crowd("The screens told the 45-strong crowd to leave.")
    assert not wide_consensus_slip(small, 54.0, others)  # 45 / 54 often is chance
    [scaled] = _crowd("The screens told the 5,430-strong crowd to leave.")
    assert not wide_consensus_slip(scaled, 54300.0, others)  # a factor of ten may be another unit
    [zero] = _crowd("The screens told the 50,430-strong crowd to leave.")
    assert wide_consensus_slip(zero, 54030.0, others)  # a zero swapped is a swap too
