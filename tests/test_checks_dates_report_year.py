"""date_conflict: the year of the reports printed in digits ("in 2027") against other sources'
"last year", reckoned from their own day, dates two events a year apart, not one year misprinted.
Invented story only (a harbour authority's budget)."""

from __future__ import annotations

from srccompare.models import Kind
from tests.test_checks_numbers import run_dated

_BUDGET = {
    "a": ["The harbour authority set its dredging budget at 4.1 billion dinars in 2027, the council said."],
    "b": ["The harbour authority spent 3.8 billion dinars on dredging last year, the council said."],
    "c": ["The council said the harbour authority spent 3.8 billion dinars on dredging last year."],
}
_DAYS = {"a": "2027-06-03", "b": "2027-06-03", "c": "2027-06-04"}


def test_the_reports_own_year_is_not_judged_against_last_year():
    _, flags = run_dated(_BUDGET, _DAYS)
    assert [(f.source, f.text) for f in flags if f.kind is Kind.DATE_CONFLICT] == []


def test_another_year_against_last_year_is_still_flagged():
    texts = dict(_BUDGET, a=[_BUDGET["a"][0].replace("in 2027", "in 2025")])
    _, flags = run_dated(texts, _DAYS)
    assert [(f.source, f.text) for f in flags if f.kind is Kind.DATE_CONFLICT] == [("a", "2025")]
