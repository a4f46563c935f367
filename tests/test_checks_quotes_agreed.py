"""Quote check, session 15: what the other sources print word for word alike is the verbatim
quote, and a rendering worded otherwise is not, however little it moves the claim.

- A place one other source's quote words otherwise, where a third source's own quotation (too
  free to line up) holds that source's words there, is flagged low even when the two wordings are
  near in meaning (``_Outcome.seconded``); a report in indirect speech still settles only a
  changed meaning (``_witness_settles``).

Every story here is invented for these tests (a lighthouse lamp lost in a storm)."""

from __future__ import annotations

import pytest

from srccompare.checks.quotes import QuoteCheck
from srccompare.models import Severity
from tests.discrepancy_story import build, check_offsets

LEAD = "A winter storm tore the lamp from the Skarholm lighthouse on Tuesday night."
MENDED = '"The crews will mend the lamp before the ferries return in spring," Lunn said.'
# The third source quotes the same words too freely to line up, with "mended" as the first has it.
FREE = '"Before the ferries are back in spring, our crews will have the lamp mended," Lunn said.'
REPORTED = "Lunn said the crews would mend the lamp before the ferries came back in spring."


def _seconded(variant: str, *, third: str | None = FREE):
    texts = {"a": [LEAD, MENDED], "d": [LEAD, variant]}
    if third is not None:
        texts["b"] = [LEAD, third]
    ctx = build(texts)
    flags = list(QuoteCheck().run(ctx))
    check_offsets(ctx, flags)
    return flags


def test_a_near_word_two_sources_print_otherwise_is_flagged_low():
    # "repair" for "mend": the same meaning, but the one quote and the third source's own
    # quotation both say "mend"; the quote is not what the speaker said word for word.
    flags = _seconded('"The crews will repair the lamp before the ferries return in spring," Lunn said.')
    assert [(f.source, f.text, f.expected) for f in flags] == [("d", "repair", "mend")]
    assert flags[0].severity == Severity.LOW


@pytest.mark.parametrize("third", [None, REPORTED])
def test_one_quote_against_one_with_no_third_quotation_is_left_alone(third):
    # A report in indirect speech is worded by the reporter: it vouches for no wording.
    assert _seconded('"The crews will repair the lamp before the ferries return in spring," Lunn said.',
                     third=third) == []
