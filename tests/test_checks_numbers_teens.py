"""A "-teen" and its "-ty" ("fourteen" / "forty", "fifteen thousand" / "fifty thousand") are a slip
of one figure (``quantity_consensus._teen_ty``): the words sound alike in English and in many
languages' numerals, and listeners, transcribers and machine translations confuse them. Invented
stories; the consensus test fails on the code before the rule."""

from __future__ import annotations

import pytest

from srccompare.checks.quantity_consensus import _figure_slip, _teen_ty, slip_variants
from srccompare.models import Kind
from tests.test_checks_numbers import run


@pytest.mark.parametrize("a, b", [(14, 40), (90, 19), (13, 30), (17_000, 70_000), (16e6, 60e6)])
def test_a_teen_and_its_ty_before_one_scale_are_a_slip(a, b):
    assert _teen_ty(float(a), float(b)) and _figure_slip(float(a), float(b))


@pytest.mark.parametrize("a, b", [(12, 20), (1.4, 4), (1.7e6, 7e6), (1_400, 4_000), (140, 400), (14, 50)])
def test_other_figures_are_no_teen_and_ty(a, b):
    assert not _teen_ty(float(a), float(b))


def test_the_ty_is_among_the_rare_slips_of_a_teen():
    assert 80.0 in slip_variants(18.0, rare=True) and 18.0 in slip_variants(80.0, rare=True)


def test_a_teen_translated_as_its_ty_is_judged_against_the_others():
    # Invented story: a market reopening. The translation's "opens 70 selling places" is the
    # seventeen outlets two others name in their own words.
    texts = {
        "a": ["The regional trade office said it would open 17 fair-price outlets across the town next week."],
        "b": ["The trade office announced that 17 fair-price sales points would open in the town."],
        "c": ["The office of regional trade announced that it opens 70 justice-price selling places in the town."],
    }
    flags = [f for f in run(texts)[1] if f.kind is Kind.NUMBER_CONFLICT]
    assert [(f.source, f.text) for f in flags] == [("c", "70")]
