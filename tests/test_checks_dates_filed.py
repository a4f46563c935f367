"""date_conflict: a dateline with its country ("PORT AVERY, Valdonia, March 9 -") is the day the
report was filed, never an event's date to contradict, though it is not read as the report's own
day. Invented stories only (a market-hall storm)."""

from __future__ import annotations

from srccompare.checks.quantity_consensus import story_quantities
from tests.test_checks_numbers import run


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
