"""number_conflict: a slip of two neighbouring digits across the decimal point ("12.3%" / "13.2%")
is a slip like any other swap. Invented story only (a bank's quarterly figures)."""

from __future__ import annotations

from srccompare.checks.quantity_consensus import slip_variants
from srccompare.models import Kind
from tests.test_checks_numbers import run


def test_two_digits_swapped_across_the_point_are_a_slip():
    assert 13.2 in {round(v, 9) for v in slip_variants(12.3, rare=True)}


_QUARTER = {
    "a": ["The lender cut 40 branches in the quarter, the bank said.", "Turnover: 14.7%."],
    "b": ["The lender cut 40 branches in the quarter, the bank said. Staff turnover eased to 17.4%."],
    "c": ["The lender closed 40 branches in the quarter. Staff turnover at the lender eased to 17.4%."],
}


def test_a_figure_printed_alone_one_swap_across_the_point_from_the_others_is_flagged():
    _, flags = run(_QUARTER, groups=[[("a", 0), ("b", 0), ("c", 0)]])
    assert [(f.source, f.text) for f in flags if f.kind is Kind.NUMBER_CONFLICT] == [("a", "14.7%")]
