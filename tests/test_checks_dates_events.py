"""date_conflict: a consensus verdict must compare the day of one event. A weekday the source prints
beside the date it falls on, the day of a statement set against the days of events, the year of a
fully dated day set against the year of another event, and the weekday of a print page's running
head are no slips (``dates.other_event``). Invented stories (a ferry seizure, a flood warning, a
library roof, a print weekly) only.
"""

from __future__ import annotations

from srccompare.checks import dates
from tests.test_checks_numbers import run_dated


def _flagged(flags):
    return sorted((f.source, f.text) for f in flags if f.kind.value == "date_conflict")


FERRY = {
    "a": ["Coastguards seized the ferry Marisol on Tuesday, November 11, off the northern cape.",
          "The ferry was freed on Thursday after its owners paid a fine of 40,000 euros."],
    "b": ["Port officials freed the ferry Marisol on Thursday, two days after coastguards seized it off the cape.",
          "Its owners paid a fine of 40,000 euros."],
    "c": ["The ferry Marisol, seized on Thursday off the northern cape, was freed after its owners paid.",
          "The fine was 40,000 euros."],
}
FERRY_DAYS = {"a": "2025-11-14", "b": "2025-11-14", "c": "2025-11-14"}  # 11 November 2025 is a Tuesday


def test_a_weekday_printed_with_the_date_it_falls_on_is_not_outvoted(monkeypatch):
    _, flags = run_dated(FERRY, FERRY_DAYS)
    assert ("a", "Tuesday") not in _flagged(flags)
    # Without the rule the release day and a slip outvote it: the test can fail.
    monkeypatch.setattr(dates, "other_event", lambda *a, **k: False)
    _, flags = run_dated(FERRY, FERRY_DAYS)
    assert ("a", "Tuesday") in _flagged(flags)


FLOOD = {
    "a": ["The river Vel burst its banks in the town of Orsa, flooding 300 homes, officials said on Thursday.",
          "The water rose after three days of rain."],
    "b": ["The river Vel burst its banks at Orsa early on Saturday, flooding 300 homes.", "Rain had fallen for days."],
    "c": ["Some 300 homes in Orsa were flooded on Saturday when the river Vel burst its banks.", "More rain is due."],
}
FLOOD_DAYS = {"a": "2025-03-13", "b": "2025-03-10", "c": "2025-03-11"}


def test_the_day_of_a_statement_is_not_outvoted_by_the_day_of_the_event(monkeypatch):
    _, flags = run_dated(FLOOD, FLOOD_DAYS)
    assert ("a", "Thursday") not in _flagged(flags)
    monkeypatch.setattr(dates, "other_event", lambda *a, **k: False)
    _, flags = run_dated(FLOOD, FLOOD_DAYS)
    assert ("a", "Thursday") in _flagged(flags)


def test_statement_days_that_disagree_are_still_compared():
    texts = {
        "a": ["The mayor of Orsa said on Thursday that 300 homes were flooded.", "x"],
        "b": ["The mayor of Orsa said on Tuesday that 300 homes had flooded.", "y"],
        "c": ["Orsa's mayor said on Tuesday that 300 homes flooded.", "z"],
    }
    _, flags = run_dated(texts, {"a": "2025-03-13", "b": "2025-03-13", "c": "2025-03-13"})
    assert ("a", "Thursday") in _flagged(flags)


# The roof's year is one digit from the storm's (2015 / 2025): a typo's distance, so only the
# reading of events (``dates.other_event``) tells them apart (years further apart never meet:
# ``test_years_that_are_no_slip_of_each_other_date_two_events``).
ROOF = {
    "a": ["On 4 June 2025, during a storm, the glass roof of the city library cracked.",
          "The roof was fitted in 2015 by a local glazier."],
    "b": ["The library's glass roof, fitted in 2015, cracked in a storm on June 4.", "Readers were sent home."],
    "c": ["A storm on 4 June cracked the glass roof the library had fitted in 2015.", "It stays shut."],
}


def test_the_year_of_a_dated_day_is_not_outvoted_by_another_events_year(monkeypatch):
    days = {"a": "2025-06-05", "b": "2025-06-05", "c": "2025-06-05"}
    _, flags = run_dated(ROOF, days)
    assert ("a", "2025") not in _flagged(flags)
    monkeypatch.setattr(dates, "other_event", lambda *a, **k: False)
    _, flags = run_dated(ROOF, days)
    assert ("a", "2025") in _flagged(flags)


def _friday_flag(first_passage):
    """other_event's verdict on a consensus flag put on source a's "Friday"."""
    from srccompare.checks.base import make_flag
    from srccompare.checks.quantity_consensus import story_quantities
    from srccompare.models import Kind, Severity

    texts = {"a": [first_passage, "Some 300 homes in Orsa were flooded when the river Vel burst its banks."],
             "b": ["The river Vel burst its banks at Orsa on Wednesday, flooding 300 homes.", "x"],
             "c": ["Some 300 homes in Orsa were flooded on Wednesday when the river Vel burst its banks.", "y"]}
    ctx, _ = run_dated(texts, {"b": "2025-03-12", "c": "2025-03-14"})
    story = story_quantities(ctx)
    m = next(m for ms in story.by_passage.values() for m in ms if m.source == "a" and m.text == "Friday")
    flag = make_flag(ctx, kind=Kind.DATE_CONFLICT, source="a", start=m.start, end=m.end, expected="Wednesday",
                     severity=Severity.MEDIUM, confidence=0.7, group=None, message="-", evidence=[])
    return dates.other_event(flag, story.by_passage, story.index, story.story_year)


def test_the_weekday_of_a_print_pages_running_head_dates_the_issue():
    assert _friday_flag("THE VALLEY COURIER   Friday, 14 March 2025   Page 3")
    # The same weekday in a sentence of the report dates an event: it stays comparable.
    assert not _friday_flag("Floods reached the centre of Orsa on Friday at noon.")


SEIZURE = {
    "a": ["Coastguards seized the ferry Marisol on Tuesday 11 November off the northern cape.", "It was towed to port."],
    "b": ["The ferry Marisol was seized on Thursday, at dawn, off the northern cape.", "It was towed to port."],
}


def test_a_bare_weekday_gives_way_to_a_date_printed_with_the_weekday_it_falls_on():
    _, flags = run_dated(SEIZURE, {"a": "2025-11-14", "b": "2025-11-14"})  # 11 November 2025 is a Tuesday
    got = [(f.source, f.text, f.expected) for f in flags if f.kind.value == "date_conflict"]
    assert got == [("b", "Thursday", "Tuesday")]
    # The trap: a weekday printed beside a date it does not fall on is no witness.
    texts = dict(SEIZURE, a=["Coastguards seized the ferry Marisol on Tuesday 12 November off the northern cape.",
                             "It was towed to port."])
    _, flags = run_dated(texts, {"a": "2025-11-14", "b": "2025-11-14"})
    assert ("b", "Thursday") not in _flagged(flags)


BRIDGE = {
    "a": ["Yesterday, on Sunday, engineers closed the old bridge over the river Vel after cracks appeared.", "x"],
    "b": ["Engineers closed the old bridge over the river Vel on Tuesday after finding cracks.", "y"],
    "c": ["The old bridge over the Vel was closed by engineers on Tuesday because of cracks.", "z"],
}
BRIDGE_DAYS = {"a": "2025-03-12", "b": "2025-03-12", "c": "2025-03-13"}  # 12 March 2025 is a Wednesday


def test_a_weekday_printed_beside_yesterday_that_the_calendar_contradicts():
    _, flags = run_dated(BRIDGE, BRIDGE_DAYS)
    assert [(f.source, f.text, f.expected) for f in flags if f.kind.value == "date_conflict"] == [
        ("a", "Sunday", "Tuesday")]
    # The traps: the printed weekday is yesterday's; another source gives the printed weekday.
    _, flags = run_dated(dict(BRIDGE, a=[BRIDGE["a"][0].replace("Sunday", "Tuesday"), "x"]), BRIDGE_DAYS)
    assert _flagged(flags) == []
    _, flags = run_dated(dict(BRIDGE, c=[BRIDGE["c"][0].replace("Tuesday", "Sunday"), "z"]), BRIDGE_DAYS)
    assert ("a", "Sunday") not in _flagged(flags)
