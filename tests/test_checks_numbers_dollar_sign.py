"""number_conflict: the dollar sign is the sign of the US dollar and of many other dollars and
pesos. A country's press prints its own money with the bare sign ("$45 million" in a paper of a
dollar or peso country is "C$45 million" or "45 million pesos" abroad): the bare sign is no other
unit than the country's one, and a currency named after the figure says which it is. Invented
stories only (a ferry operator's takeover)."""

from __future__ import annotations

import pytest

from srccompare.models import Kind
from tests.test_checks_numbers import mention, run


def test_a_currency_named_after_a_bare_sign_is_that_currency():
    assert [(m.text, m.unit) for m in mention("shares opened at $41.20 pesos each")] == [
        ("$41.20 pesos", "cur:PESO")]
    assert [(m.unit) for m in mention("a fine of $2 million US dollars")] == ["cur:USD"]


_TAKEOVER = {
    "home": ["Harbour Lines will buy the ferry operator for $2.3bn, the board said.",
             "The operator earned $62 million last year on 14 routes."],
    "wire": ["Harbour Lines agreed to buy the ferry operator for C$2.3 billion, the board said.",
             "The operator earned C$62 million last year on its 14 routes."],
    "weekly": ["Harbour Lines is paying C$2.3 billion for the ferry operator, its board said.",
               "The operator earned C$62 million last year, on 14 routes."],
}


def test_a_bare_dollar_sign_is_no_other_unit_than_the_countrys_dollar():
    _, flags = run(_TAKEOVER)
    assert [(f.source, f.text) for f in flags if f.kind is Kind.NUMBER_CONFLICT] == []


@pytest.mark.parametrize("other", ["€", "£"])
def test_a_bare_dollar_sign_against_another_sign_is_still_another_unit(other):
    texts = {s: [p.replace("C$", other) for p in ps] for s, ps in _TAKEOVER.items()}
    _, flags = run(texts)
    assert ("home", "$2.3bn") in [(f.source, f.text) for f in flags if f.kind is Kind.NUMBER_CONFLICT]
