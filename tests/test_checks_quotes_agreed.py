"""Quote check, session 15: what the other sources print word for word alike is the verbatim
quote, and a rendering worded otherwise is not, however little it moves the claim.

- A quote worded so differently that no other source's quote lines up with it, where two or more
  sources quote the same speaker in aligned passages identically, is flagged low
  (``_reworded_whole``).
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
QUOTE = ('"We lost the lamp in one storm, and the keepers had warned about it for years," '
         'harbour master Oda Lunn said.')


def _flags(variant: str, others: int = 3):
    texts = {k: [LEAD, QUOTE.replace("harbour master Oda Lunn", "Lunn") if k != "a" else QUOTE]
             for k in "abc"[:others]}
    texts["d"] = [LEAD, variant]
    ctx = build(texts)
    flags = list(QuoteCheck().run(ctx))
    check_offsets(ctx, flags)
    return flags


def test_a_quote_worded_too_freely_to_line_up_against_three_identical_ones_is_flagged_low():
    flags = _flags('"The keepers warned for years about the lamp, and one storm took it from us," Lunn said.')
    assert [f.source for f in flags] == ["d"]
    assert flags[0].severity == Severity.LOW
    assert flags[0].expected.startswith("We lost the lamp in one storm")


def test_the_verbatim_quote_is_not_flagged():
    assert _flags(QUOTE.replace("harbour master Oda Lunn", "Lunn")) == []


def test_another_quote_of_the_speaker_is_no_rendering_of_this_one():
    # Two content words shared with the others' quote, not half of them: another statement.
    assert _flags('"The keepers will rebuild the tower before the spring ferries come," Lunn said.') == []


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
