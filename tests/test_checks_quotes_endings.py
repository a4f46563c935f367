"""A sentence finished otherwise (session 11): the other sources that quote the same sentence
vote on its ending also when their quote goes on past it ("..., or they are worth nothing. Our
crews ...") or when a dash closes it instead of a mark ("- The board chose ... - he said").
Invented story: a harbour's lobster trade and a research grant."""

from __future__ import annotations

from srccompare.checks.quotes import QuoteCheck
from tests.discrepancy_story import run_check


def run(texts):
    return run_check(QuoteCheck(), texts)


def flagged(ctx, flags, source):
    return [(ctx.sources[f.source].text[f.start:f.end], f.expected) for f in flags if f.source == source]


LEAD = "Lobster prices rose in Varde this week."


def test_an_ending_voted_by_a_quote_that_goes_on_past_the_sentence():
    ctx, flags = run({
        "wire": [LEAD, '"Lobsters must reach Boston within 30 hours of landing, or they are worth nothing," '
                       'dealer Anna Berg said.'],
        "release": [LEAD, '"Lobsters must reach Boston within 30 hours of landing, or they are worth nothing. Our '
                          'crews and our drivers have worked all season for this day," said dealer Anna Berg.'],
        "mt": [LEAD, '"Lobsters must reach Boston within 30 hours of landing, or they lose half their value," '
                     'said dealer Anna Berg.'],
    })
    assert flagged(ctx, flags, "mt") == [("lose half their value", "are worth nothing")]
    assert flagged(ctx, flags, "wire") == flagged(ctx, flags, "release") == []


GRANT = "The research council announced the grant on Monday."


def test_an_ending_voted_by_a_dash_quotation():
    ctx, flags = run({
        "wire": [GRANT, '"The board chose Varde because it had the loudest friends in the ministry," said Ole Dahl.'],
        "news": [GRANT, '"The board chose Varde because the plan joined good science with a sober budget for '
                        'the harbour," said Ole Dahl.'],
        "paper": [GRANT, "Ole Dahl spoke after the vote. - The board chose Varde because the proposal joined the good "
                         "science with a sober budget of the harbour - he said."],
    })
    got = flagged(ctx, flags, "wire")
    assert [t for t, _ in got] == ["it had the loudest friends in the ministry"]
    assert flagged(ctx, flags, "news") == flagged(ctx, flags, "paper") == []
