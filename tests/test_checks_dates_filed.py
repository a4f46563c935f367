"""date_conflict: a dateline with its country ("PORT AVERY, Valdonia, March 9 -") is the day the
report was filed, never an event's date to contradict, though it is not read as the report's own
day; a date that opens its passage is no statement's day because its sentence ends in "said".
Invented stories only (a market-hall storm, a river flood)."""

from __future__ import annotations

from srccompare.checks.quantity_consensus import story_quantities
from tests.test_checks_numbers import mention, run, run_dated


# --- a dateline with its country --------------------------------------------------------------

_STORM = {
    "a": ["PORT AVERY, Valdonia, March 9 - A storm tore the roof off the old market hall on March 7, "
          "the town council said."],
    "b": ["A storm tore the roof off the old market hall on March 7, according to the town council."],
    "c": ["The roof of the old market hall was torn off by a storm on March 7, the council said."],
    "d": ["Storm winds tore the roof off the town's old market hall on March 7."],
}


def test_a_dateline_with_its_country_is_never_judged():
    # Its "March 9" shares the lead's words with the others' "March 7", but it is the day the
    # report was filed, not the storm's.
    texts = dict(_STORM, a=["PORT AVERY, Valdonia, March 9 - A storm tore the roof off the old market hall, "
                            "the town council said."])
    ctx, flags = run(texts)
    assert flags == []
    story = story_quantities(ctx)
    filed = [m for ms in story.by_passage.values() for m in ms if m.filed]
    assert [(m.source, m.text) for m in filed] == [("a", "March 9")]


def test_a_dateline_with_its_country_gives_no_reports_day():
    # (Read as a's own day it would make a's weekday lead the news of March 9.)
    texts = dict(_STORM, a=["PORT AVERY, Valdonia, March 9 - A storm tore the roof off the old market hall on "
                            "Saturday, the town council said."])
    ctx, _ = run(texts)
    story = story_quantities(ctx)
    saturday = [m for ms in story.by_passage.values() for m in ms if m.source == "a" and m.text == "Saturday"]
    assert saturday and all(m.published == 0 for m in saturday)


def test_the_event_date_after_a_country_dateline_is_still_judged():
    texts = dict(_STORM, a=["PORT AVERY, Valdonia, March 9 - A storm tore the roof off the old market hall on "
                            "March 8, the town council said."])
    _, flags = run(texts)
    assert [(f.source, f.text) for f in flags] == [("a", "March 8")]


# --- a date that opens its passage --------------------------------------------------------------

def test_a_date_that_opens_its_passage_is_not_spoken_for_the_said_that_ends_it():
    (tuesday,) = [m for m in mention("On Tuesday the river burst its banks near the mill, residents said.")
                  if m.unit == "weekday"]
    assert not tuesday.spoken
    (friday,) = [m for m in mention("Residents said on Friday that the river had burst its banks.")
                 if m.unit == "weekday"]
    assert friday.spoken


def test_a_slipped_weekday_that_opens_its_report_is_flagged():
    texts = {"a": ["On Wednesday before dawn, the river burst its banks near the old mill, it is said."],
             "b": ["The river burst its banks near the old mill before dawn on Tuesday."],
             "c": ["Before dawn on Tuesday the river burst its banks by the old mill, flooding the lane."],
             "d": ["The river broke its banks near the old mill on Tuesday before dawn, officials said."]}
    _, flags = run_dated(texts, {s: "2025-04-09" for s in "abcd"})
    assert [(f.source, f.text) for f in flags] == [("a", "Wednesday")]
