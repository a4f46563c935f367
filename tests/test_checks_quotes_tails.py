"""A quote's ending put otherwise or run on with a denial (session 20): where two or more other
sources print a sentence alike and end their quote and the sentence at the same word, a quote
that prints the same words and then ends the sentence with other words ("... wish him strength,"
/ "... wish him luck, he will need it,") or runs it on with a negator ("..., never,") changed the
ending: no cut explains words put in place of the others' last ones, nor a denial added.
Invented story: a ferry pier's repair and its mayor."""

from __future__ import annotations

from srccompare.checks.quotes import QuoteCheck, _claims_more, _replaced_tail
from srccompare.checks.speech import quote_words
from tests.discrepancy_story import run_check


def run(texts):
    return run_check(QuoteCheck(), texts)


def flagged(ctx, flags, source):
    return [ctx.sources[f.source].text[f.start:f.end] for f in flags if f.source == source]


LEAD = "The pier at Norhavn reopened on Friday after a month of repairs."


def test_an_ending_replaced_by_a_longer_one_is_flagged():
    # "all crews" / "the crews" earlier in the quote: the sentence's opening is no longer all the
    # two share (``_replaced_ending``), and the ending is voted all the same.
    ctx, flags = run({
        "wire": [LEAD, '"We thanked the crews for their work and we wish the ferry company strength," '
                       'mayor Lise Holm said.'],
        "local": [LEAD, '"We thanked the crews for their work and we wish the ferry company strength," '
                        'said mayor Lise Holm.'],
        "blog": [LEAD, '"We thanked all crews for their work and we wish the ferry company luck, they will need it," '
                       'said mayor Lise Holm.'],
    })
    got = flagged(ctx, flags, "blog")
    assert got and all("luck" in t for t in got)
    assert flagged(ctx, flags, "wire") == flagged(ctx, flags, "local") == []


def test_a_longer_ending_one_source_alone_prints_is_no_vote():
    # One other source ending its quote there is one against one: the quote may have been cut.
    ctx, flags = run({
        "wire": [LEAD, '"We thanked the crews for their work and we wish the ferry company strength," '
                       'mayor Lise Holm said.'],
        "blog": [LEAD, '"We thanked the crews for their work and we wish the ferry company luck, they will need it," '
                       'said mayor Lise Holm.'],
    })
    assert flagged(ctx, flags, "blog") == []


def test_a_denial_run_on_past_the_others_sentence_is_flagged():
    ctx, flags = run({
        "wire": [LEAD, '"Nobody is above the rules of this harbour." Mayor Lise Holm said so on Friday.'],
        "local": [LEAD, '"Nobody is above the rules of this harbour." Mayor Lise Holm said so after the vote.'],
        "mt": [LEAD, '"Nobody is above the rules of this harbour, never," Mayor Lise Holm said.'],
    })
    assert flagged(ctx, flags, "mt")
    assert flagged(ctx, flags, "wire") == flagged(ctx, flags, "local") == []


def test_claims_more_needs_content_or_a_negator():
    assert _claims_more(quote_words("never", 0))
    assert _claims_more(quote_words("and every guilty captain will be punished", 0))
    assert not _claims_more(quote_words("too", 0))
    assert not _claims_more(quote_words("he said", 0))


def test_replaced_tail_leaves_a_short_ending_alone():
    # Nothing to line up: an empty line-up stays as it is.
    assert _replaced_tail({}, [], None) == {}
