"""Quote check, session 14: a quote worded anew with the same content, where the other sources
print one wording among themselves, is not verbatim: a low flag, not silence.

Every story here is invented for these tests (hail over an orchard town)."""

from __future__ import annotations

from srccompare.checks.quotes import QuoteCheck
from srccompare.models import Severity
from tests.discrepancy_story import build, check_offsets

LEAD = "A late storm flattened the orchards above the river town of Velmor on Sunday."
QUOTE = '"The hail took in one hour what we had grown over the whole summer," grower Ilse Varn said.'


def _flags(variant: str, *, others: tuple[str, str, str] = (QUOTE, QUOTE, QUOTE)):
    texts = {"a": [LEAD, others[0]], "b": [LEAD, others[1].replace("grower Ilse Varn", "Varn")],
             "c": [LEAD, others[2].replace("grower Ilse Varn", "Varn")], "d": [LEAD, variant]}
    ctx = build(texts)
    flags = list(QuoteCheck().run(ctx))
    check_offsets(ctx, flags)
    return flags


def test_a_quote_worded_anew_against_three_verbatim_sources_is_flagged_low():
    # A phrase moved to the front and "over" left out: the same claim, not the words the three print.
    flags = _flags('"In one hour the hail took what we had grown the whole summer," Varn said.')
    assert [f.source for f in flags] == ["d"]
    assert flags[0].severity == Severity.LOW
    assert "grown" in flags[0].expected


def test_the_verbatim_quote_is_not_flagged():
    assert _flags(QUOTE.replace("grower Ilse Varn", "Varn")) == []
