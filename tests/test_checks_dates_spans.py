"""Two spans of days that state one stretch of time must agree on both ends
(``quantity_consensus.consistent``), and the verbs beside a span ("ran", "took place") tell no event
apart (``role_score``). Invented stories; the consensus tests fail on the code before the rule."""

from __future__ import annotations

from srccompare.checks.quantity_consensus import consistent
from srccompare.models import Kind
from tests.test_checks_numbers import mention, run


def _date(text):
    return next(m for m in mention(text) if m.unit == "date")


def test_two_spans_agree_only_on_both_ends():
    fair = _date("The book fair runs from 4 to 9 May.")
    assert consistent(fair, _date("The fair runs May 4 to 9."))
    assert not consistent(fair, _date("The fair runs from 4 to 12 May."))
    assert not consistent(fair, _date("The fair runs from 2 to 9 May."))
    # A single day inside a span is still one of its days.
    assert consistent(fair, _date("The fair opens its doors on 6 May."))


def test_a_span_with_another_last_day_is_judged_against_the_others():
    # Invented story: a book fair. The translation's last day, the 19th, is one slip from the 9th
    # two others give; the spans overlap, which no longer makes them agree.
    texts = {
        "a": ["The book fair ran from May 4 to 9 in the old market hall and sold 40,000 tickets."],
        "b": ["Held from 4 to 9 May in the old market hall, the book fair sold some 40,000 tickets."],
        "c": ["The book fair took place from 4 to 19 May in the old hall of the market, and 40,000 tickets "
              "were sold."],
    }
    flags = [f for f in run(texts)[1] if f.kind is Kind.DATE_CONFLICT]
    assert [f.source for f in flags] == ["c"]


def test_spans_that_agree_are_not_flagged():
    texts = {
        "a": ["The book fair ran from May 4 to 9 in the old market hall."],
        "b": ["Held from 4 to 9 May in the old market hall, the book fair sold some 40,000 tickets."],
        "c": ["The book fair took place from 4 to 9 May in the old hall of the market."],
    }
    assert [f for f in run(texts)[1] if f.kind is Kind.DATE_CONFLICT] == []
