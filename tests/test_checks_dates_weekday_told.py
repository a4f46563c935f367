"""date_conflict: the readings of session 20 on translated and rewritten dates. A day printed
after a weekday and its comma, before "of" and its month ("on Monday, 17 of February", from
"lundi, 17 février") is a date; a weekday printed with a date it does not fall on, where another
source names the calendar's weekday for the same event, slipped; a date one slip away that the
others outvote vouches for no weekday. Invented stories only (a pipe burst, a ferry strike, a
hostel heating failure)."""

from __future__ import annotations

from tests.test_checks_numbers import mention, run_dated


def test_a_day_after_a_weekday_and_its_comma_before_of_and_a_month_is_a_date():
    got = [(m.text, m.unit, m.value) for m in mention("The pipe burst in the night on Monday, 17 of February, downtown.")]
    assert ("17 of February", "date", (2, 17)) in got
    assert "date" not in [m.unit for m in mention("In all, 12 of March's sailings were cancelled.")]


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
