"""Quote check, session 19: a quotation two or more other sources print word for word alike in
passages aligned with a quote's is one quotation copied, and it votes on that quote even where
the credits leave the speaker unsure (an unresolved "he" on one side, another name on the other:
``_vouched``, ``COPIES_VOUCH``).

- Two identical copies and a third near rendering against a quote under an unresolved pronoun:
  the copies vote, so the quote's changed ending is flagged with the copies' wording.
- One copy alone does not vouch: one source against one, as before.
- Copies found only story-wide (no aligned passage) do not vouch: another sentence of the
  speaker's may share words with the quote.

Every story here is invented for these tests (a ferry's cracked hull)."""

from __future__ import annotations

from srccompare.checks.quotes import QuoteCheck
from tests.discrepancy_story import build, check_offsets

LEAD = "The Varno ferry line stopped for a week after a crack was found in its hull."
LEAD_D = "Inspector Lena Marr boarded the Varno ferry on Monday after a crack was found in its hull."
COPY = '"If the crack is real, we will find out who welded that seam," ferry chief Tomas Ruud said.'
NEAR = '"If the crack is true, we will find out, who welded that seam," Ruud said.'
TURNED = '"If the crack is true, we will punish the guilty ones," he said.'  # "he": Marr or Ruud?


def _flags(texts, groups=None):
    ctx = build(texts, groups)
    flags = list(QuoteCheck().run(ctx))
    check_offsets(ctx, flags)
    return flags


def test_two_identical_copies_vote_on_a_quote_whose_credit_is_unsure():
    flags = [f for f in _flags({"a": [LEAD, COPY], "b": [LEAD, COPY], "c": [LEAD, NEAR], "d": [LEAD_D, TURNED]})
             if f.source == "d"]
    assert len(flags) == 1
    assert "find out who welded" in flags[0].expected
    assert "guilty" in flags[0].text


def test_one_copy_alone_does_not_vouch():
    flags = _flags({"a": [LEAD, COPY], "c": [LEAD, NEAR], "d": [LEAD_D, TURNED]})
    assert [f for f in flags if f.source == "d"] == []


def test_copies_found_only_story_wide_do_not_vouch():
    texts = {"a": [LEAD, COPY], "b": [LEAD, COPY], "c": [LEAD, NEAR], "d": ["Weather news.", LEAD_D, TURNED]}
    groups = [[("a", 0), ("b", 0), ("c", 0), ("d", 1)], [("a", 1), ("b", 1), ("c", 1)]]
    assert [f for f in _flags(texts, groups) if f.source == "d"] == []
