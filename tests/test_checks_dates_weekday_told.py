"""date_conflict: the readings of session 20 on translated and rewritten dates. A day printed
after a weekday and its comma, before "of" and its month ("on Monday, 17 of February", from
"lundi, 17 février") is a date; a day in brackets after a weekday ("this Thursday (13)", as the
Brazilian press prints it) is a day of the report's month, or of the story's reports' month when
the report's own day is unknown; a weekday printed with a date it does not fall on, where another
source names the calendar's weekday for the same event, slipped; a date one slip away that the
others outvote vouches for no weekday. Invented stories only (a ferry strike, a bridge repair)."""

from __future__ import annotations

from tests.test_checks_numbers import mention, run, run_dated


def test_a_day_after_a_weekday_and_its_comma_before_of_and_a_month_is_a_date():
    got = [(m.text, m.unit, m.value) for m in mention("The pipe burst in the night on Monday, 17 of February, downtown.")]
    assert ("17 of February", "date", (2, 17)) in got
    assert "date" not in [m.unit for m in mention("In all, 12 of March's sailings were cancelled.")]


def test_a_day_in_brackets_after_a_weekday_is_a_day_of_the_month():
    got = [(m.text, m.unit, m.value, m.relative) for m in
           mention("The strikers freed the road on the morning of this Thursday (13), after talks.")]
    assert ("13", "date", (0, 13), ("month", 0)) in got


_FERRY = {
    "a": ["Talks between the ferry union and the ministry are set for Tuesday, March 18, at the port office."],
    "b": ["The ferry union and the ministry are due to meet on Wednesday at the port office, the union said."],
    "c": ["Ferry crews stayed in port for a third day on Friday."],
}
_DAYS = {"a": "2027-03-12", "b": "2027-03-12", "c": "2027-03-12"}  # a Friday; 18 March 2027 is a Thursday


def test_a_weekday_printed_with_a_date_it_does_not_fall_on_slipped_where_another_source_names_the_calendars():
    # 18 March 2027 is a Thursday; b names Thursday for the same meeting, so a's "Tuesday" slipped.
    texts = dict(_FERRY, b=["The ferry union and the ministry are due to meet on Thursday at the port office, "
                            "the union said."])
    _, flags = run_dated(texts, _DAYS)
    assert [(f.source, f.text, f.expected) for f in flags if f.kind.value == "date_conflict"] == [
        ("a", "Tuesday", "Thursday")]


def test_no_weekday_slip_where_another_source_names_the_printed_weekday_or_none_the_calendars():
    # b names Wednesday (neither the printed Tuesday nor the calendar's Thursday): nothing says which slipped.
    _, flags = run_dated(_FERRY, _DAYS)
    assert [f for f in flags if f.kind.value == "date_conflict" and f.source == "a"] == []
    texts = dict(_FERRY, b=["The ferry union and the ministry are due to meet on Tuesday at the port office, "
                            "the union said."])
    _, flags = run_dated(texts, _DAYS)
    assert [f for f in flags if f.kind.value == "date_conflict" and f.text == "Tuesday"] == []


_HOSTELS = {
    "a": ["Heating returned to the hostels on Tuesday, 19 February, the university said."],
    "b": ["The university said heating returned to the hostels on Thursday, February 19."],
    "c": ["Heating returned to the hostels on February 19, the university said."],
    "d": ["The university said heating returned to the hostels on 17 February."],
    "e": ["Heating returned to the university's hostels on 19 February."],
}
_WEEK = {s: "2026-02-20" for s in "abcde"}  # a Friday; 19 February 2026 is a Thursday, the 17th a Tuesday


def test_a_date_the_others_outvote_vouches_for_no_weekday():
    # d's "17 February" falls on a's printed Tuesday, one slip from a's 19th, but b, c and e outvote
    # it: a's date stands and its weekday slipped.
    _, flags = run_dated(_HOSTELS, _WEEK)
    got = sorted((f.source, f.text) for f in flags if f.kind.value == "date_conflict")
    assert ("a", "19 February") not in got
    assert ("a", "Tuesday") in got and ("d", "17 February") in got


_ROAD = {
    "a": ["The truckers freed the highway on the morning of this Thursday (13), after police action."],
    "b": ["Truckers freed the highway on Thursday, November 12, after police action."],
    "c": ["Police action freed the highway on November 12, the truckers said."],
}


def test_a_day_in_brackets_in_a_report_of_unknown_day_takes_the_month_of_the_storys_reports():
    # a has no day of its own; b and c were filed on Friday 13 November 2026 (the 12th is a
    # Thursday), so a's "(13)" is 13 November, a Friday, one slip from the others' 12th.
    _, flags = run_dated(_ROAD, {"b": "2026-11-13", "c": "2026-11-13"})
    assert ("a", "13") in [(f.source, f.text) for f in flags if f.kind.value == "date_conflict"]


# --- a day of the month alone, as Japanese, Korean and Chinese news print it ------------------

def test_an_ordinal_day_after_a_word_that_puts_a_day_there_is_a_day_of_the_reports_month():
    got = [(m.text, m.unit, m.value, m.relative) for m in mention("The company announced on the 17th its results.")]
    assert ("17th", "date", (0, 17), ("month", 0)) in got
    got = [(m.text, m.unit, m.value) for m in mention("Two berths will resume from the 16th (Monday).")]
    assert ("16th", "date", (0, 16)) in got and ("Monday", "weekday", frozenset({0})) in got
    assert [(m.text, m.unit) for m in mention("The rocket lifted off at 7:12 am on the 17th.")][-1] == ("17th", "date")


def test_an_ordinal_of_something_else_is_no_day():
    for text in ("Offices on the 17th floor were shut.", "It was built in the 12th century.",
                 "the 64th-minute try sealed it", "It opens on the 4th of June.", "the 3rd round of talks"):
        assert not [m for m in mention(text) if m.unit == "date" and m.relative == ("month", 0)], text


def test_a_dotted_day_and_month_after_a_weekday_is_one_date():
    got = [(m.text, m.unit, m.value) for m in mention("She wants to start talks on Monday 16. 10. with all parties.")]
    assert ("16. 10.", "date", (10, 16)) in got


_CRANE = {
    "a": ["The terminal operator said the two berths would partly reopen on Monday, October 19."],
    "b": ["Two berths will partly reopen on October 19, the terminal operator said."],
    "c": ["The operator explained that the two berths will partly reopen from the 16th (Monday)."],
}


def test_an_ordinal_day_of_the_reports_month_is_judged_against_the_others_date():
    # c, filed on 14 October 2026, reopens the berths on the 16th; a and b say October 19 (a Monday).
    ctx, flags = run_dated(_CRANE, {"a": "2026-10-14", "b": "2026-10-14", "c": "2026-10-14"})
    assert [(f.source, f.text) for f in flags if f.kind.value == "date_conflict"] == [("c", "16th")]


def test_a_year_printed_with_a_month_is_anchored_to_that_month():
    # ("finish by December 2027" / "planned for December 2028": the year of the same month in two
    # reports dates one event, as the year of the same day does.)
    years = [m for m in mention("The end of the works is planned for December 2028.") if m.unit == "year"]
    assert years and "⟨m12⟩" in years[0].anchor
    years = [m for m in mention("The end of the works is planned for 2028.") if m.unit == "year"]
    assert years and not any(a.startswith("⟨m") for a in years[0].anchor)


_WALL = {
    "a": ["Work is due to start in March 2026 and finish by December 2027."],
    "b": ["Construction starts in March 2026 and must be finished by December 2027."],
    "c": ["The construction will start in March 2026.", "The end of the works is planned for December 2028."],
    "d": ["The hospital was evacuated in 2024, and the town flooded in 1997."],
}


def test_a_year_of_the_same_month_that_slipped_is_judged_against_the_others():
    _, flags = run(_WALL, groups=[[("a", 0), ("b", 0), ("c", 0)], [("c", 1)], [("d", 0)]])
    assert ("c", "2028") in [(f.source, f.text) for f in flags if f.kind.value == "date_conflict"]
