"""date_conflict: a day worded from the report's own day by its part ("this morning", "this
afternoon", "this evening") is that day, read on the report's own publication day like
"yesterday"; a report filed on the day of the event then dates it for the others. Invented story
only (a footbridge struck by a barge)."""

from __future__ import annotations

import pytest

from tests.test_checks_numbers import mention, run_dated


@pytest.mark.parametrize("text, words", [
    ("A barge struck the footbridge this morning, the council said.", "this morning"),
    ("The footbridge was closed this afternoon after a barge struck it.", "this afternoon"),
    ("Divers will inspect the piers this evening.", "this evening"),
])
def test_a_part_of_the_reports_own_day_is_that_day(text, words):
    assert [(m.text, m.relative) for m in mention(text)] == [(words, ("day", 0))]


def test_the_morning_of_another_day_is_no_day_of_the_report():
    assert [m.relative for m in mention("The barge had left the quay the morning before.")] == []


_BRIDGE = {
    "a": ["A drifting barge struck the Weir Lane footbridge early on Thursday, closing the crossing "
          "for about 6,000 commuters.",
          "Engineers said the bridge would stay shut until the piers had been inspected."],
    "b": ["A barge that had slipped its moorings struck the Weir Lane footbridge this morning, "
          "closing the crossing for about 6,000 commuters.",
          "Engineers will inspect the piers before the bridge reopens, the council said."],
    "c": ["Early on Wednesday a drifting barge struck the Weir Lane footbridge, closing the crossing "
          "for about 6,000 commuters.",
          "The bridge stays shut until engineers have inspected the piers."],
}
# a filed on Friday 13 November 2026, b on Thursday 12 November (the day itself), c on Saturday.
_FILED = {"a": "2026-11-13", "b": "2026-11-12", "c": "2026-11-14"}


def test_a_report_of_the_day_itself_dates_the_event_for_the_others():
    # b's "this morning" is Thursday 12 November: with a's Thursday two sources give that day,
    # against c's lone Wednesday (before, one source against one, and the wrong one was flagged).
    _, flags = run_dated(_BRIDGE, _FILED)
    assert [(f.source, f.text, f.expected) for f in flags] == [("c", "Wednesday", "Thursday")]


def test_this_morning_in_agreement_with_the_others_is_no_conflict():
    texts = dict(_BRIDGE, c=[_BRIDGE["c"][0].replace("Wednesday", "Thursday"), _BRIDGE["c"][1]])
    _, flags = run_dated(texts, _FILED)
    assert flags == []
