"""One source against one, between outlets that copy quotes: two sources that each print some
other quote word for word as a third source does do not translate their quotes, so where the two
word one quote otherwise, even by a synonym, one of them misquoted. That is a low contest
(``checks.contests`` decides which, from what the two show elsewhere); a source that words every
shared quote its own way (a translation) still makes no contest of a synonym. Invented story: a
ferry pier closed for repairs."""

from __future__ import annotations

from srccompare.models import Severity
from srccompare.checks.quotes import QuoteCheck
from tests.discrepancy_story import run_check

LEAD = "The ferry pier at Lunde closed for repairs on Monday."
SHARED = '"Every crossing this winter will leave from the old harbour instead," harbour master Ivo Berg said.'


def _contests(texts):
    ctx, _ = run_check(QuoteCheck(), texts)
    return sorted((c.flag.source, ctx.sources[c.flag.source].text[c.flag.start:c.flag.end], c.flag.expected, c.rival,
                   c.flag.severity) for c in ctx.contests)


def test_a_synonym_between_two_outlets_that_copy_quotes_is_a_low_contest():
    got = _contests({
        "wire": [LEAD, SHARED, '"We will keep the island connected at any cost through the winter," Berg said.'],
        "blog": [LEAD, SHARED, '"We will keep the island connected at any price through the winter," Berg said.'],
        "daily": [LEAD, SHARED],
    })
    assert [(src, text, expected, rival, sev) for src, text, expected, rival, sev in got] == [
        ("blog", "price", "cost", "wire", Severity.LOW), ("wire", "cost", "price", "blog", Severity.LOW)]


def test_a_synonym_is_no_contest_where_a_source_words_its_quotes_anew():
    got = _contests({
        "wire": [LEAD, SHARED, '"We will keep the island connected at any cost through the winter," Berg said.'],
        "mt": [LEAD, '"Every crossing of this winter will depart from the old port in its place," said harbour master '
                     'Ivo Berg.', '"We will keep the island connected at any price through the winter," said Berg.'],
        "daily": [LEAD, SHARED],
    })
    assert got == []
