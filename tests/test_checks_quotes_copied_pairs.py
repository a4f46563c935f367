"""Quote check, session 18: two or more outlets that print a quotation word for word alike copy
it, so their wording is one utterance and the verbatim one; a quote of the same speaker at the
same place that shares two of its words of content (paired by sense, as a translation renders
each word by one of its sense: "fault" / "defect", "inside" / "indoors") is that utterance worded
anew, and not verbatim (``_reworded_whole``, ``_renderings``).

- Two identical copies and a rewording that keeps two of their content words: flagged low, the
  copies' wording expected.
- The same with the shared words paired by sense, not by stem.
- A quote sharing one word of the topic with the copies is another sentence of the speaker's.
- Two copies that are alike but not identical do not make two shared words enough: three are
  needed there, as before.
- A quote left open at the end of its line (a hard-wrapped print page) is not known to end there.

Every story here is invented for these tests (a data leak at a water utility, a telescope)."""

from __future__ import annotations

from srccompare.checks.quotes import QuoteCheck
from srccompare.models import Severity
from tests.discrepancy_story import build, check_offsets

LEAD = "A software fault at the Orvelle water utility exposed its billing portal on Tuesday."
COPY = ('"No customer records were exposed, and nobody will pay a late fee this month," '
        'utility director Ana Vidal said.')
FREE = '"Not one customer record was touched," Vidal said.'


def _flags(texts):
    ctx = build(texts)
    flags = list(QuoteCheck().run(ctx))
    check_offsets(ctx, flags)
    return flags


def test_a_rewording_sharing_two_words_with_two_identical_copies_is_flagged_low():
    flags = _flags({"a": [LEAD, COPY], "b": [LEAD, COPY], "d": [LEAD, FREE]})
    assert [f.source for f in flags] == ["d"]
    assert flags[0].severity == Severity.LOW
    assert flags[0].expected.startswith("No customer records were exposed")


def test_the_shared_words_may_be_paired_by_sense():
    lead = "Students at the Kerrow observatory found a new comet on Friday."
    copy = '"I thought at first it was a flaw in the lens," student Mia Tolland said.'
    free = '"Early on I blamed some defect of the lens," Tolland said.'  # one stem shared, two by sense
    flags = _flags({"a": [lead, copy], "b": [lead, copy], "d": [lead, free]})
    assert [f.source for f in flags] == ["d"]
    assert flags[0].severity == Severity.LOW


def test_another_sentence_of_the_speaker_sharing_one_word_is_left():
    other = '"Our engineers worked through the night to close the portal," Vidal said.'
    assert _flags({"a": [LEAD, COPY], "b": [LEAD, COPY], "d": [LEAD, other]}) == []


def test_copies_alike_but_not_identical_need_three_shared_words():
    slipped = COPY.replace("a late fee", "any late fee")
    assert _flags({"a": [LEAD, COPY], "b": [LEAD, slipped], "d": [LEAD, FREE]}) == []


def test_a_quote_left_open_at_a_line_end_is_no_whole_rendering():
    # A hard-wrapped print page: the quote runs on past the hyphen on the next line, so its words
    # are not known to end where its mark was not closed.
    cut = ('Vidal said the portal was closed within the hour. "Not one customer record was tou-\n'
           'ched," she added.')
    assert [f for f in _flags({"a": [LEAD, COPY], "b": [LEAD, COPY], "d": [LEAD, cut]}) if f.source == "d"] == []
