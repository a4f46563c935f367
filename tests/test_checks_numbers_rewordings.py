"""number_conflict: figures a translation or a rewrite words otherwise than the others. A part of
a group printed without its partitive ("58,000 heaters were sold north of the border" for "85,000
of the heaters were sold in Canada") states the same quantity; a figure of many digits that third
sources print without its unit ("1,468.5 per dollar" for "1,468.5 won") says which side of a
contest of two slipped; a count printed with the same share beside it ("1,538 voters, or 38.6
percent" / "1,358 or 38.6 percent") counts the same group. Invented stories only (a kettle
recall, a currency report, a by-election)."""

from __future__ import annotations

from srccompare.checks.quantity_consensus import partitive_dropped
from tests.test_checks_numbers import mention, run


def _flags(flags):
    return sorted((f.source, f.text) for f in flags if f.kind.value == "number_conflict")


_KETTLES = {
    "a": ["Regulators said about 64,000 of the kettles were sold in Ireland, where three fires occurred."],
    "b": ["About 64,000 of the kettles were sold in Ireland, and three of the fires happened there."],
    "c": ["The regulator says about 46,000 kettles were sold across the Irish Sea, where three fires happened."],
}


def test_a_part_printed_without_its_partitive_is_the_same_quantity():
    _, flags = run(_KETTLES)
    assert ("c", "46,000") in _flags(flags)


def test_a_part_by_a_modifier_or_with_nothing_else_in_common_stays_apart():
    a = next(m for m in mention("About 64,000 of the kettles were sold in Ireland.") if m.value == 64000)
    b = next(m for m in mention("About 46,000 kettles were sold abroad.") if m.value == 46000)
    c = next(m for m in mention("About 46,000 other kettles were recalled.") if m.value == 46000)
    d = next(m for m in mention("The firm made 46,000 kettles last year.") if m.value == 46000)
    assert partitive_dropped(a, b)
    assert not partitive_dropped(a, c)  # "other": its word says it is not that part
    assert not partitive_dropped(a, d)  # nothing told of both but the noun


_CURRENCY = {
    "a": ["The won weakened to 1,352.7 per dollar in afternoon trade, while shares rose."],
    "b": ["The won ended the session at 1,352.7 per dollar, and shares rose."],
    "c": ["In the currency market, the won-dollar exchange rate was at 1,352.7 won in the afternoon."],
    "d": ["On this day, the won-dollar exchange rate moved at 1,325.7 won in the afternoon."],
}


def test_a_figure_third_sources_print_without_its_unit_settles_a_contest_of_two():
    _, flags = run(_CURRENCY)
    assert _flags(flags) == [("d", "1,325.7 won")]


_VOTE = {
    "a": ["Of the 4,210 votes cast, 2,574 or 61.1 percent opposed the plan and 1,636 or 38.9 percent backed it."],
    "b": ["Opponents won the vote.", "In all, 4,210 ballots were cast, with 2,574 voting no and 1,636 voting yes."],
    "c": ["In favour of the plan were 1,663 voters, or 38.9 percent."],
}


def test_a_count_printed_with_the_same_share_beside_it_counts_the_same_group():
    _, flags = run(_VOTE, groups=[[("a", 0), ("b", 1)], [("b", 0)], [("c", 0)]])
    assert ("c", "1,663") in _flags(flags)
