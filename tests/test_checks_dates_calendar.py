"""date_conflict: what the calendar says about a day a report prints in two ways, and the readings
that give it: a weekday printed beside its date names that date (not the day of the report's week it
would name alone), a day of the month printed after a weekday without its month ("Thursday 10", as
Romance-language reports date a day), a future word of the next clause does not move a weekday into
the next week, a masthead line gives the report's own day, a one-against-one pair where the other
source prints this figure beside its own is no verdict, and a bare date one slip from a date the
other source prints with its weekday gives way. Invented stories only (a harbour inspection, an
oyster-bed closure, a museum reopening, a bakery fire)."""

from __future__ import annotations

from srccompare.checks.quantities import _looks_ahead, mentions_in, publication_days
from srccompare.checks.quantity_consensus import story_quantities
from tests.test_checks_numbers import build, mention, run_dated


# --- a weekday printed beside its date --------------------------------------------------------

_INSPECTION = {
    "a": ["Harbour inspectors will start their survey of the breakwater on Monday, June 14, the port said."],
    "b": ["The inspectors start the survey of the breakwater on Monday, 14 June, according to the port."],
    "c": ["Harbour inspectors begin their survey of the breakwater on Monday, June 7, the port said."],
    "d": ["The port said harbour inspectors would begin surveying the breakwater on June 14."],
}
_FRIDAY = {s: "2027-06-11" for s in "abcd"}  # Friday 11 June 2027: Mondays fall on the 7th and the 14th


def test_a_weekday_beside_its_date_names_that_date_not_a_day_of_the_reports_week():
    # b's "Monday" alone, in a report of Friday 11 June with no future word, would be 7 June and
    # vouch for c's slip; printed beside "14 June" it is the 14th, like the others.
    ctx, flags = run_dated(_INSPECTION, _FRIDAY)
    story = story_quantities(ctx)
    b_monday = [m for ms in story.by_passage.values() for m in ms
                if m.source == "b" and m.text == "Monday" and m.unit == "date"]
    assert [m.value for m in b_monday] == [(6, 14)]
    assert [(f.source, f.text) for f in flags] == [("c", "June 7")]


def test_a_weekday_beside_a_date_it_does_not_fall_on_keeps_its_reading_in_the_reports_week():
    # (The source contradicts itself; ``weekday_clashes`` judges that.)
    texts = dict(_INSPECTION, b=["The inspectors start the survey of the breakwater on Tuesday, 14 June."])
    ctx, _ = run_dated(texts, _FRIDAY)
    story = story_quantities(ctx)
    assert [m.value for ms in story.by_passage.values() for m in ms
            if m.source == "b" and m.text == "Tuesday" and m.unit == "date"] == [(6, 8)]


# --- a day of the month after a weekday -------------------------------------------------------

def test_a_day_number_after_a_weekday_is_a_day_of_the_reports_month():
    got = [(m.text, m.unit, m.value, m.relative) for m in
           mention("The oyster beds were shut after the samples of Thursday 9 a high toxin level.")]
    assert ("9", "date", (0, 9), ("month", 0)) in got
    got = [(m.text, m.unit) for m in mention("Divers went down on Friday the 10th, at dawn.")]
    assert ("10th", "date") in got


def test_a_figure_a_clock_or_a_month_after_a_weekday_is_no_day_of_the_month():
    assert [m.unit for m in mention("On Thursday 9 boats were kept in port.")] == ["weekday", "count"]
    assert "date" not in [m.unit for m in mention("The beds reopen on Thursday 9 a.m. sharp.")]
    got = [(m.text, m.value) for m in mention("Samples taken on Thursday 9 September were clean.")
           if m.unit == "date"]
    assert got == [("9 September", (9, 9))]


_OYSTERS = {
    "a": ["The oyster beds of the bay were closed after samples taken on Friday, September 10, "
          "showed the toxin above the legal limit."],
    "b": ["Samples taken on Friday, September 10, showed the toxin well above the legal limit, "
          "and the oyster beds were closed."],
    "c": ["The agency closed the oyster beds of the bay, after detecting in the samples of Thursday 9 "
          "a concentration of the toxin above the legal limit."],
}
_WEDNESDAY = {s: "2027-09-15" for s in "abc"}  # Wednesday 15 September 2027


def test_a_translated_day_of_the_month_is_judged_with_the_reports_month():
    # "Thursday 9" read in a report of 15 September is 9 September, one slip from the others'
    # Friday, September 10 (a day and weekday that slipped together, as a translation does).
    _, flags = run_dated(_OYSTERS, _WEDNESDAY)
    assert [(f.source, f.text, f.expected) for f in flags] == [("c", "9", "September 10")]


def test_a_day_of_the_month_of_a_report_whose_day_is_unknown_takes_the_month_of_the_storys_reports():
    # (Session 20: it was left unread, and only its weekday judged. The other reports of the story,
    # filed on 15 September, tell the same news: their day stands for c's own, and c is judged as
    # when its day is known, above.)
    ctx, flags = run_dated(_OYSTERS, {"a": "2027-09-15", "b": "2027-09-15"})
    assert [m.value for ms in story_quantities(ctx).by_passage.values() for m in ms
            if m.source == "c" and m.text == "9" and m.unit == "date"] == [(9, 9)]
    assert [(f.source, f.text, f.expected) for f in flags] == [("c", "9", "September 10")]


# --- a future word of the next clause ---------------------------------------------------------

def test_a_future_word_in_the_next_clause_does_not_move_a_weekday_into_next_week():
    shut = mention("Schools in the valley were shut on Tuesday and are due to reopen on Thursday.")
    assert [_looks_ahead(m) for m in shut if m.unit == "weekday"] == [False, True]
    assert _looks_ahead(mention("The schools on Tuesday will stay shut.")[0])
    assert not _looks_ahead(mention("Schools were shut on Tuesday, but the mayor expects them to open.")[0])


# --- a masthead line --------------------------------------------------------------------------

def test_a_masthead_line_gives_the_reports_day():
    texts = {"a": ["The Harbour Gazette, Monday, March 15, 2027",
                   "More than 900 boats used the new slipway over its first weekend, the port said on Monday."],
             "b": ["Some 900 boats used the new slipway on Saturday and Sunday, its first weekend."]}
    ctx = build(texts, None)
    days, year, _ = publication_days(ctx, {p.id: mentions_in(p) for p in ctx.alignment.passages})
    assert year == 2027 and str(days["a"]) == "2027-03-15"


def test_the_weekday_of_a_masthead_is_not_an_events_day():
    texts = {"a": ["The Harbour Gazette, Monday, March 15, 2027",
                   "More than 900 boats used the new slipway over its first weekend, the port said on Monday, "
                   "after it opened on Saturday."],
             "b": ["The new slipway opened on Saturday, and 900 boats used it over the weekend."],
             "c": ["The slipway opened on Saturday and some 900 boats used it in its first weekend."]}
    _, flags = run_dated(texts, {"b": "2027-03-14", "c": "2027-03-14"})
    assert flags == []


# --- one against one ----------------------------------------------------------------------------

_BAKERY = {
    "a": ["The fire in the bakery started at about 3 a.m. and was put out around 8 a.m. by two crews, "
          "the fire service said."],
    "b": ["Neighbours said the fire in the bakery broke out at about 3 a.m., when the ovens were heating up.",
          "The brigade hs sent two crws to teh bakerry."],
}


def test_the_other_source_printing_this_figure_beside_its_own_settles_nothing():
    # b's "3 a.m." may be paired with a's "8 a.m." (the fire "out" in both), but a prints "3 a.m."
    # too, right there: the pairing took the wrong one of a's two, whatever b's other slips.
    ctx, flags = run_dated(_BAKERY, {"a": "2027-02-02", "b": "2027-02-02"})
    assert [f for f in flags if f.kind.value == "date_conflict"] == []
    assert not [p for p in story_quantities(ctx).lone if p.mention.text.startswith("3 a.m")]


_MUSEUM = {
    "a": ["The city said the museum will reopen to visitors on Thursday, April 16, after the roof repairs."],
    "b": ["The museum will reopen its doors to visitors on April 17 once the roof repairs end, the city said."],
    "c": ["The council approved the money for the roof repairs of the museum.",
          "Gales struck the coast on Monday, April 13, closing the airport."],
}
_TUESDAY = {s: "2026-04-14" for s in "abc"}  # Tuesday 14 April 2026: the 16th is a Thursday


def test_a_bare_date_gives_way_to_the_other_sources_date_printed_with_its_weekday():
    # One against one: a dates the reopening twice ("Thursday, April 16", and the calendar agrees);
    # b's bare "April 17" is one slip away. c's "April 13", one changed digit from the 17th in a
    # sentence sharing no word with b's and aligned with nothing, is another event's day, not a
    # second voice.
    _, flags = run_dated(_MUSEUM, _TUESDAY)
    assert [(f.source, f.text, f.expected) for f in flags] == [("b", "April 17", "April 16")]


def test_a_bare_date_against_a_date_whose_weekday_disagrees_is_not_flagged():
    texts = dict(_MUSEUM, a=[_MUSEUM["a"][0].replace("Thursday", "Friday")])
    _, flags = run_dated(texts, _TUESDAY)
    assert [(f.source, f.text) for f in flags if f.source == "b"] == []


# --- datelines, leads and statements ------------------------------------------------------------

def _datelines(texts):
    ctx = build(texts, None)
    return publication_days(ctx, {p.id: mentions_in(p) for p in ctx.alignment.passages})[2]


def test_a_dateline_closed_by_a_colon_gives_the_reports_day():
    got = _datelines({"a": ["KUALA TERENGGANU, March 5: Fishermen blocked the jetty on Tuesday."],
                      "b": ["Fishermen blocked the jetty on Tuesday, March 4, over fuel prices."]})
    assert {s: m.text for s, m in got.items()} == {"a": "March 5"}


def test_a_day_and_month_in_figures_after_a_preposition_is_a_date():
    got = [(m.text, m.unit, m.value) for m in mention("On 14/10, the regulator took over the lender; it won 14/10.")]
    assert got == [("14/10", "date", (10, 14))]
    assert [m.unit for m in mention("on 3/4 of the farms")] != ["date"]


def test_a_report_that_dates_its_news_before_any_weekday_has_no_weekday_lead():
    # c opens on "On 14/10, the regulator ...": its first weekday tells when the run began, not its
    # news, and is no counterpart of the others' leads.
    texts = {"a": ["HANOI, Oct 14 - The regulator on Tuesday took over the lender after a run on deposits."],
             "b": ["The regulator took over the lender on Tuesday after depositors withdrew their savings."],
             "c": ["On 14/10, the regulator took over the lender after a run on deposits.",
                   "The run on deposits started from Thursday, when rumours spread."]}
    ctx, flags = run_dated(texts, {"b": "2025-10-14", "c": "2025-10-14"})
    leads = {m.source: m.text for m in story_quantities(ctx).index.leads}
    assert leads == {"a": "Tuesday", "b": "Tuesday"}
    assert flags == []


def test_a_statement_on_the_day_another_report_was_filed_is_not_the_events_day():
    # c's day is unknown; "officials said on Monday" falls on the day b was filed, after the
    # Saturday a and b give for the feast: a statement about it, not the feast's own day.
    texts = {"a": ["More than 150 guests fell ill after a harvest feast in the village on Saturday."],
             "b": ["GAROUA, June 23 - More than 150 people fell ill after attending a harvest feast in the village "
                   "on Saturday."],
             "c": ["More than 150 villagers fell ill after eating at a harvest feast, health officials said on Monday."]}
    _, flags = run_dated(texts, {"a": "2025-06-22"})
    assert flags == []
    texts["c"] = ["More than 150 villagers fell ill after eating at a harvest feast in the village on Monday."]
    _, flags = run_dated(texts, {"a": "2025-06-22"})
    assert [(f.source, f.text) for f in flags] == [("c", "Monday")]
