"""date_conflict: planted date slips are flagged (a changed day or month, a weekday of another
day, a wrong year, a month swap); dates of other events, datelines, leads filed on other days,
spans, relative days and weekdays restating a date are not. Invented stories only.

The dates are read with the numbers (``srccompare.checks.numbers``); the reading of figures and the
number rules are tested in ``test_checks_numbers``.
"""

from __future__ import annotations

import pytest

from srccompare.checks.quantity_consensus import consistent
# The stories run through both checks of the one consensus on figures and dates (a stray number
# flag in a story about dates is as wrong as a missed slip).
from tests.test_checks_numbers import mention, run, run_dated


def test_dates_weekdays_and_hedges():
    got = {m.text: m for m in mention(
        "On May 8 and 8 May, from Friday to Monday, on Saturday and Sunday, about 1% and more than 80 or 90 percent.")}
    assert got["May 8"].value == got["8 May"].value == (5, 8)
    assert consistent(got["Friday to Monday"], got["Saturday and Sunday"])
    assert not got["1%"].exact and got["1%"].lo < 1 < got["1%"].hi
    assert got["80 or 90 percent"].lo == 80 and got["80 or 90 percent"].hi == pytest.approx(135)


def test_event_words_next_to_a_date_match_it_story_wide():
    texts = {
        "a": ["Other news.", "The study of 48,000 adults was published on Wednesday in a journal."],
        "b": ["The findings were published on Wednesday.", "More news."],
        "c": ["A study with more than 48,000 adults published this Monday found the same.", "Else."],
    }
    _, flags = run(texts, groups=[])
    assert [(f.source, f.text, f.expected) for f in flags] == [("c", "Monday", "Wednesday")]
    # The trap: "said" next to two dates is not one event.
    texts2 = {"a": ["Smith said on Tuesday the plant would close."], "b": ["Jones said on Friday he would sue."],
              "c": ["Brown said on Friday the talks failed."]}
    _, flags2 = run(texts2, groups=[])
    assert flags2 == []


def test_a_changed_month_is_a_slip_of_the_corroborated_date():
    texts = {
        "a": ["She takes office on January 1.", "x"],
        "b": ["She will be sworn in on January 1 for a four-year term.", "y"],
        "c": ["Lemos will take office on January 1.", "z"],
        "d": ["The inauguration will be on February 1.", "w"],
    }
    _, flags = run(texts, groups=[])
    assert [(f.source, f.text, f.expected) for f in flags] == [("d", "February 1", "January 1")]
    # The trap: another date the other sources do not give at all is a different event.
    texts2 = {k: v for k, v in texts.items()}
    texts2["d"] = ["The count ends on March 14.", "w"]
    _, flags2 = run(texts2, groups=[])
    assert flags2 == []


def test_a_year_the_source_gives_elsewhere_is_not_a_slip_of_its_other_year():
    texts = {"a": ["The mill plans to ship 5 million bales a year by 2029.",
                   "Cotton exports fell to record lows in 2026, the worst year on record."],
             "b": ["Cotton exports fell to record lows in 2026.", "More."],
             "c": ["In 2026, cotton exports fell to record lows.", "Else."]}
    _, flags = run(texts, groups=[])
    assert flags == []


def test_two_events_of_one_sentence_are_dated_separately():
    # (Past the lead: each source first says when the climbers went missing.)
    texts = {"a": ["The climbers went missing on Sunday.",
                   "The two climbers were rescued and will be flown to the capital on Thursday, the army said."],
             "b": ["Two climbers disappeared on Sunday.",
                   "The two climbers were rescued and will be flown to the capital on Thursday."],
             "c": ["The pair vanished on the ridge on Sunday.",
                   "The two climbers, stranded for days, were rescued on Wednesday near the summit."]}
    _, flags = run(texts)
    assert flags == []


def test_lead_weekdays_date_the_same_event_however_worded():
    texts = {"a": ["Flood waters breached the river dykes near the old town on Saturday, forcing 900 people out.",
                   "Volunteers filled sandbags through the night."],
             "b": ["Hundreds fled their homes after the swollen river burst through its dykes on Saturday.",
                   "Volunteers worked through the night."],
             "c": ["The river broke its banks on Saturday and flooded the lower town.", "Sandbags ran out."],
             "d": ["Residents were evacuated when the river overflowed on Sunday near the historic centre.",
                   "Volunteers filled sandbags."]}
    _, flags = run(texts)
    assert [(f.source, f.kind.value, f.text, f.expected) for f in flags] == [
        ("d", "date_conflict", "Sunday", "Saturday")]


def test_a_weekday_and_the_date_it_names_agree_and_outvote_a_slipped_day():
    # Published Friday 12 April 2024: "on Wednesday" is 10 April.
    texts = {"a": ["A crane collapsed at the container terminal on Wednesday, injuring two dockers."],
             "b": ["The crane toppled over at the container terminal on April 10, injuring two dockers."],
             "c": ["A crane fell at the container terminal on April 1, injuring two dockers."]}
    _, flags = run_dated(texts, {"a": "2024-04-12", "b": "2024-04-12"})
    assert [(f.source, f.text, f.expected) for f in flags] == [("c", "April 1", "April 10")]


def test_a_weekday_and_a_date_of_the_same_day_are_no_conflict():
    texts = {"a": ["A crane collapsed at the container terminal on Wednesday, injuring two dockers."],
             "b": ["The crane toppled over at the container terminal on April 10, injuring two dockers."]}
    _, flags = run_dated(texts, {"a": "2024-04-12", "b": "2024-04-12"})
    assert flags == []
    # Without a year nothing is read from the calendar: still no flag (one against one, no evidence).
    _, flags = run(texts)
    assert flags == []


def test_a_dateline_is_the_filing_day_not_the_event_day():
    texts = {"a": ["ROTTERDAM, April 12 - A crane collapsed at the container terminal late on Thursday."],
             "b": ["A crane collapsed at the container terminal late on Thursday, the port said."],
             "c": ["The crane at the container terminal collapsed late on Thursday night."]}
    _, flags = run_dated(texts, {"b": "2024-04-12", "c": "2024-04-12"})
    assert flags == []


def test_reports_filed_on_different_days_each_tell_their_own_day():
    # A follow-up filed on Wednesday leads on Wednesday's news; the first reports, filed on Tuesday,
    # on Tuesday's: the calendar says both are their report's own day.
    texts = {"a": ["Ferry crews walked out on Tuesday, stranding island commuters at the harbour."],
             "b": ["Island commuters were stranded at the harbour on Tuesday as ferry crews walked out."],
             "c": ["Island commuters queued at the harbour again on Wednesday as the ferry strike went on."]}
    _, flags = run_dated(texts, {"a": "2024-06-04", "b": "2024-06-04", "c": "2024-06-05"})
    assert flags == []
    # Filed the same day, the third report's Wednesday is a slip.
    _, flags = run_dated(texts, {"a": "2024-06-04", "b": "2024-06-04", "c": "2024-06-04"})
    assert [(f.source, f.text) for f in flags] == [("c", "Wednesday")]


def test_leads_that_date_an_event_pair_without_shared_words():
    texts = {"a": ["The council approved the budget in a late vote on Friday.", "Taxes will rise."],
             "b": ["Councillors passed next year's spending plan on Friday after a long debate.", "Taxes go up."],
             "c": ["The city's finances were settled on Friday night.", "Levies increase."],
             "d": ["Local politicians backed a new municipal spending bill on Thursday.", "Rates climb."]}
    _, flags = run(texts, groups=[[("a", 1), ("b", 1)]])
    assert [(f.source, f.text, f.expected) for f in flags] == [("d", "Thursday", "Friday")]


def test_a_statement_lead_does_not_pair_without_shared_words():
    # "announced on Monday" dates the announcement; the other report leads on the signing itself.
    texts = {"a": ["The club announced on Monday that the goalkeeper had joined.", "He signed."],
             "b": ["The goalkeeper passed his medical on Sunday.", "He signed."],
             "c": ["The transfer was confirmed on Monday, the club said.", "He signed."]}
    _, flags = run(texts, groups=[[("a", 1), ("b", 1), ("c", 1)]])
    assert flags == []


@pytest.mark.parametrize("day, slip", [(18, 8), (8, 18), (21, 1), (3, 13), (12, 21)])
def test_a_dropped_added_or_swapped_digit_is_a_day_slip(day, slip):
    from srccompare.checks.quantity_consensus import _day_slips

    assert slip in _day_slips(day)


def test_yesterday_reads_from_the_reports_own_day():
    # The match was on Tuesday 9 July 2024. A report filed on the 10th says "yesterday": right.
    # One filed on the 11th that says "yesterday" names the 10th: wrong.
    texts = {"a": ["The grandmaster resigned the final game on Tuesday after a blunder in the endgame."],
             "b": ["On Tuesday the grandmaster resigned the final game after an endgame blunder."],
             "c": ["The grandmaster resigned the final game yesterday after a blunder in the endgame."]}
    _, flags = run_dated(texts, {"a": "2024-07-10", "b": "2024-07-10", "c": "2024-07-10"})
    assert flags == []
    _, flags = run_dated(texts, {"a": "2024-07-10", "b": "2024-07-10", "c": "2024-07-11"})
    assert [(f.source, f.text) for f in flags] == [("c", "yesterday")]


def test_a_relative_date_without_a_known_day_is_not_judged():
    texts = {"a": ["The grandmaster resigned the final game on Tuesday after a blunder in the endgame."],
             "b": ["On Tuesday the grandmaster resigned the final game after an endgame blunder."],
             "c": ["The grandmaster resigned the final game yesterday after a blunder in the endgame."]}
    _, flags = run_dated(texts, {"a": "2024-07-10", "b": "2024-07-10"})
    assert flags == []


def test_last_year_reads_from_the_reports_year():
    texts = {"a": ["The club signed the striker in March 2023 for a record fee, its accounts show."],
             "b": ["Its accounts show the club signed the striker in March 2023 for a record fee."],
             "c": ["The club signed the striker in March last year for a record fee, its accounts show."]}
    _, flags = run_dated(texts, {"a": "2025-02-01", "b": "2025-02-01", "c": "2025-02-01"})
    assert [(f.source, f.text, f.expected) for f in flags] == [("c", "last year", "2023")]
    _, flags = run_dated(texts, {"a": "2024-02-01", "b": "2024-02-01", "c": "2024-02-01"})
    assert flags == []


def test_a_publication_line_under_the_headline_gives_the_reports_day():
    from srccompare.checks.quantities import _publication_line

    assert str(_publication_line("Bridge closed for repairs\n\nPublished March 11, 2026\n\nThe bridge ...")) == "2026-03-11"
    assert str(_publication_line("Bridge closed\n4 July 2028\nText")) == "2028-07-04"
    assert _publication_line("Bridge closed\nThe bridge closed on March 11, 2026 after a crack was found.") is None


def test_scheduling_words_name_no_event():
    # "scheduled for Thursday" and "will meet on Thursday" date one meeting: no clash of event words
    # keeps the slipped "Friday" from its counterparts.
    texts = {"a": ["Engineers and the city council will meet on Thursday to decide on the bridge."],
             "b": ["The council will meet engineers on Thursday to decide the fate of the bridge."],
             "c": ["A meeting between engineers and the council on the bridge is scheduled for Friday."]}
    _, flags = run(texts)
    assert [(f.source, f.text, f.expected) for f in flags] == [("c", "Friday", "Thursday")]


def test_a_future_word_in_another_clause_does_not_move_a_past_weekday():
    from srccompare.checks.quantities import _looks_ahead

    t = "The ruling delivered in the capital on Monday runs to 300 pages and will be studied closely."
    m = next(m for m in mention(t) if m.unit == "weekday")
    assert not _looks_ahead(m)
    t = "The council will vote on Monday on the bridge."
    m = next(m for m in mention(t) if m.unit == "weekday")
    assert _looks_ahead(m)


def test_a_yesterday_lead_is_read_on_its_own_reports_day():
    # The dam burst on Thursday 5 June 2025. Two reports filed on Friday say "on Thursday"; one filed
    # on Saturday leads on "yesterday" (Friday): its lead names another day, whatever its words.
    texts = {"a": ["Floodwater swept through three villages on Thursday after the dam burst."],
             "b": ["The reservoir wall gave way on Thursday, sending water into the valley."],
             "c": ["Rescuers reached the flooded hamlets yesterday as officials counted the damage."]}
    _, flags = run_dated(texts, {"a": "2025-06-06", "b": "2025-06-06", "c": "2025-06-07"}, groups=[])
    assert [(f.source, f.text, f.expected) for f in flags] == [("c", "yesterday", "Thursday")]
    # Filed on Friday, the same "yesterday" is Thursday: no disagreement.
    _, flags = run_dated(texts, {"a": "2025-06-06", "b": "2025-06-06", "c": "2025-06-06"}, groups=[])
    assert flags == []


def test_a_follow_up_on_its_own_day_is_not_the_first_reports_lead():
    # Trap: filed a day later, a report leading on that day's news ("on Friday", filed Friday) and
    # one leading on "yesterday" (filed Friday: Thursday) tell different days, both right; and a
    # same-day report's lead on its own day is not a look-back lead's counterpart.
    texts = {"a": ["Floodwater swept through three villages on Thursday after the dam burst."],
             "b": ["Engineers began shoring up the riverbanks on Friday as the water receded."],
             "c": ["Floodwater swept through three villages yesterday after the dam burst."],
             "d": ["Villages along the river were flooded yesterday when the reservoir wall failed."]}
    _, flags = run_dated(texts, {"a": "2025-06-05", "b": "2025-06-06", "c": "2025-06-06", "d": "2025-06-06"},
                         groups=[])
    assert flags == []


def test_a_span_of_days_is_one_mention():
    got = {m.text: m for m in mention("The festival ran from 12 to 15 August and the fair from March 3 to 6.")}
    assert got["12 to 15 August"].value == (8, 12) and got["12 to 15 August"].through == (8, 15)
    assert got["March 3 to 6"].through == (3, 6)
    assert not any(m.unit != "date" for m in got.values())
    assert [m.through for m in mention("Talks ran from 21-23 May.") if m.unit == "date"] == [(5, 23)]
    # Two full dates stay two dates; a smaller second number is no span ("May 9 to 3 of them").
    assert [m.through for m in mention("Talks ran from May 3 to May 9.") if m.unit == "date"] == [None, None]
    assert [m.through for m in mention("On May 9 to 3 p.m. the talks ran.") if m.unit == "date"] == [None]


def test_a_day_inside_anothers_span_is_no_conflict():
    # Trap: the opening match on 13 August is inside "from 12 to 15 August"; the festival's dates
    # are not the match's.
    texts = {"a": ["The opening match of the chess festival was played on August 13 in the old town hall."],
             "b": ["On August 13 the festival's opening match was played in the town hall."],
             "c": ["The festival's opening match was played in the town hall, which hosted it from 12 to 15 August."]}
    _, flags = run(texts)
    assert flags == []


def test_day_and_month_swapped_is_a_date_slip():
    from srccompare.checks.quantity_consensus import _date_slip

    assert _date_slip((3, 7), (7, 3))
    assert not _date_slip((3, 7), (7, 4))
    texts = {"a": ["The regulator approved the pipeline on July 3 after a long review."],
             "b": ["After a long review the regulator approved the pipeline on July 3."],
             "c": ["The regulator had approved the pipeline on March 7 after a long review."]}
    _, flags = run(texts)
    assert [(f.source, f.text, f.expected) for f in flags] == [("c", "March 7", "July 3")]


def test_the_time_of_day_dates_the_event_with_its_day():
    # "started on Tuesday afternoon" is "first seen on Monday afternoon", not "by Tuesday morning".
    texts = {"a": ["The blaze was first seen on Monday afternoon. By Tuesday morning it covered 300 hectares."],
             "b": ["The blaze was spotted on Monday afternoon and covered 300 hectares by Tuesday morning."],
             "c": ["The blaze started on Tuesday afternoon. By Tuesday morning it covered 300 hectares."]}
    _, flags = run(texts, groups=[])
    assert [(f.source, f.text, f.expected) for f in flags] == [("c", "Tuesday", "Monday")]
    m = next(m for m in mention("It started on Tuesday afternoon.") if m.unit == "weekday")
    assert m.part == "afternoon"


def test_a_lead_with_a_future_clause_later_is_still_in_the_opening():
    from srccompare.checks.quantities import mark_leads

    m = mention("The verdict handed down on Friday fills 200 pages and will be appealed.")
    led = mark_leads({"x:0": m})["x:0"]
    assert led[0].lead and led[0].opening
    led = mark_leads({"x:0": mention("The court will hand down its verdict on Friday.")})["x:0"]
    assert led[0].lead and not led[0].opening


def test_a_year_of_another_event_found_elsewhere_in_the_story_is_no_counterpart():
    # Invented story: a reservoir overflows. "Last year" dates an earlier fine, not the record level
    # the other sources put "this year"; the same year found elsewhere with the same event words
    # next to it is still compared.
    texts = {"a": ["Engineers opened the spillway after the reservoir reached its highest level this year.",
                   "Farmers downstream moved their cattle to higher ground."],
             "b": ["The reservoir reached its highest level this year, so engineers opened the spillway.",
                   "Cattle were moved to higher ground by farmers downstream."],
             "c": ["Engineers opened the spillway as the water rose behind the dam.",
                   "Last year a tribunal fined the reservoir operator over a leak."]}
    published = {"a": "2025-06-01", "b": "2025-06-01", "c": "2025-06-01"}
    _, flags = run_dated(texts, published)
    assert [f for f in flags if f.source == "c"] == []
    texts["c"][1] = "The reservoir reached its highest level last year, the operator said."
    _, flags = run_dated(texts, published)
    assert [(f.source, f.text) for f in flags if f.source == "c"] == [("c", "last year")]


def test_a_date_printed_with_a_weekday_it_does_not_fall_on_is_flagged():
    # Invented story: a levee breach. 2024-03-03 was a Sunday; "Sunday, March 4" (a Monday) slipped,
    # and another source's "March 3" is the Sunday the source itself names.
    texts = {"a": ["The levee gave way on Sunday, March 4, flooding the lower town, officials said."],
             "b": ["The levee broke on March 3, flooding the lower town."],
             "c": ["Residents of the lower town were rescued by boat after the levee failed."]}
    _, flags = run_dated(texts, {"a": "2024-03-06", "b": "2024-03-06", "c": "2024-03-06"})
    assert [(f.source, f.text, f.expected) for f in flags] == [("a", "March 4", "March 3")]
    assert "Monday" in flags[0].message and "Sunday" in flags[0].message
    # The date fits its weekday: nothing to say.
    texts["a"] = ["The levee gave way on Sunday, March 3, flooding the lower town, officials said."]
    _, flags = run_dated(texts, {"a": "2024-03-06", "b": "2024-03-06", "c": "2024-03-06"})
    assert flags == []


def test_the_story_year_is_the_reports_year_not_the_years_printed_with_other_dates():
    from srccompare.checks.quantities import publication_days

    # Invented story: a pension law voted in 2025 that takes effect on "1 January 2026" (printed
    # twice) and replaces one of "March 2, 2019": the reports' own year is the story's.
    texts = {"a": ["The law takes effect on 1 January 2026.", "It replaces a law of March 2, 2019."],
             "b": ["The law takes effect on 1 January 2026, the ministry said."]}
    ctx, _ = run_dated(texts, {"a": "2025-06-12", "b": "2025-06-12"})
    from srccompare.checks.quantities import mentions_in as read

    by_passage = {p.id: read(p) for p in ctx.alignment.passages}
    assert publication_days(ctx, by_passage)[1] == 2025
    # Without any report's day the printed years decide.
    ctx, _ = run(texts)
    by_passage = {p.id: read(p) for p in ctx.alignment.passages}
    assert publication_days(ctx, by_passage)[1] == 2026


def test_a_passage_that_gives_this_year_too_dates_another_event_with_its_other_year():
    # Invented story: a compact that takes effect "next year" (2026) with a review "in 2028". A
    # report's "review in 2028" is not contradicted by the others' 2026 of the same sentences.
    texts = {"a": ["The compact takes effect on July 1 next year, and signatories will review progress at a meeting in 2028."],
             "b": ["The compact will enter into force on 1 July 2026 and a review meeting will take place in 2028."],
             "c": ["Signatories will review progress in 2028."]}
    pub = {"a": "2025-05-02", "b": "2025-05-02", "c": "2025-05-02"}
    _, flags = run_dated(texts, pub)
    assert flags == []
    # A report that gives only the other year there is still contradicted.
    texts["c"] = ["Signatories will review progress in 2029."]
    texts["a"] = ["The compact takes effect on July 1 next year; signatories will review progress at a meeting in 2028."]
    texts["b"] = ["Signatories will review progress at a meeting in 2028, the compact says."]
    texts["d"] = ["A review of progress by the signatories is planned for 2028."]
    _, flags = run_dated(texts, pub)
    assert [(f.source, f.text) for f in flags] == [("c", "2029")]


def test_the_year_printed_after_a_month_and_day_is_judged_like_any_year():
    # Invented story: a ban that ends "April 3, 2028"; one report slips the year. A dateline's
    # year is the filing day's, neither judged nor a counterpart.
    texts = {"a": ["GENEVA, May 2, 2026 - The ban ends on April 3, 2028, the court said."],
             "b": ["The court said the ban ends on 3 April 2028."],
             "c": ["The ban ends on April 3rd, 2029, according to the court."]}
    _, flags = run(texts)
    assert [(f.source, f.text, f.expected) for f in flags] == [("c", "2029", "2028")]
    assert [m.value for m in mention("The ban ends on April 3, 2028.") if m.unit == "year"] == [2028.0]


def test_a_month_alone_is_a_date():
    # Invented story: a museum that reopens "in September"; one report slips the month. "may" the
    # verb is no month.
    assert [(m.unit, m.value) for m in mention("Officials may decide in May.")] == [("month", 5.0)]
    texts = {"a": ["The museum will reopen in September after the roof repairs, the city said."],
             "b": ["After the roof repairs the museum reopens in September, the city said."],
             "c": ["The museum will reopen in November after the roof repairs, the city said."]}
    _, flags = run(texts)
    assert [(f.source, f.text, f.kind.value) for f in flags] == [("c", "November", "date_conflict")]


def test_one_event_worded_in_another_order_is_no_anchor_clash():
    # Invented story: a port closure. The word next to one report's day ("shut on Friday") stands
    # in the other's sentence, only further from its day ("gates ... shut by the storm, stayed
    # closed on Thursday"): one event, no clash of event words. Two events ("arrested on Sunday" /
    # "appear before a judge on Monday") still clash.
    from srccompare.checks.quantity_consensus import context_similarity, role_score

    def day(text):
        return next(m for m in mention(text) if m.unit == "weekday")

    a = day("Port officials said the harbour gates would be shut on Friday in Dover and Calais because of the storm.")
    b = day("Harbour gates in Dover and Calais, shut by the storm, stayed closed on Thursday, stranding lorry drivers.")
    assert not (a.anchor & b.anchor) and a.anchor <= b.context
    assert role_score(a, b, 1, 1) == pytest.approx(context_similarity(a, b))
    x = day("The smuggler was arrested on Sunday, police said.")
    y = day("The smuggler will appear before a judge on Monday.")
    assert role_score(x, y, 1, 1) < context_similarity(x, y) - 0.4
    first = "Customs officers searched the lorry on Saturday."
    texts = {"a": [first, "The smuggler was arrested on Sunday, police said."],
             "b": [first, "The smuggler will appear before a judge on Monday."],
             "c": [first, "The smuggler will appear before a judge on Monday, police said."]}
    _, flags = run(texts, groups=[[("a", 0), ("b", 0), ("c", 0)], [("a", 1), ("b", 1), ("c", 1)]])
    assert flags == []


def test_a_date_opening_the_report_before_a_dash_is_a_dateline():
    # Invented story: a report that opens "Jun 4 - ... yesterday": the date is the filing day
    # (a dateline without its city), neither judged against the others' day of the event nor a
    # counterpart; its "yesterday" is read from it.
    texts = {"a": ["Jun 4 - The city council yesterday approved the new tram line after a long debate."],
             "b": ["The city council yesterday approved the new tram line after a long debate."],
             "c": ["After a long debate, the city council yesterday approved the new tram line."]}
    _, flags = run_dated(texts, {"b": "2024-06-04", "c": "2024-06-04"})
    assert flags == []


def test_the_time_of_day_beside_a_date_names_its_event():
    # Invented story: a grounded freighter refloated "at 4:45 p.m. on Monday" / "at 16:45 on
    # Monday"; a third report, worded apart, slips the day of that same moment. The time of day is
    # an anchor of the event, not an event word: it never makes two dates clash.
    from srccompare.checks.quantities import _clock_anchors

    assert _clock_anchors("at 4:45 p.m. on") == _clock_anchors("at 16:45 on") == {"⟨16:45⟩"}
    assert _clock_anchors("at 9 a.m. Tuesday") == {"⟨09:00⟩"}
    assert _clock_anchors("rose 4.25% on") == _clock_anchors("a 1.50 million fine on") == frozenset()
    texts = {"a": ["The cargo ship ran aground near the lighthouse early on Sunday.",
                   "Four tugboats pulled the vessel free at 4:45 p.m. on Monday and towed it to the anchorage."],
             "b": ["A cargo ship grounded near the lighthouse on Sunday morning.",
                   "Salvage crews refloated the ship at 16:45 on Monday, the coastguard said."],
             "c": ["The freighter struck rocks by the lighthouse on Sunday.",
                   "Helped by a salvage team, tugs got it off the rocks at 16:45 on Wednesday on the third attempt."]}
    _, flags = run(texts)
    assert [(f.source, f.text, f.expected) for f in flags] == [("c", "Wednesday", "Monday")]


def test_a_weekday_printed_with_a_date_it_does_not_fall_on_slipped():
    # Invented story: a cup final "on Saturday, March 11, 2023" (a Saturday); one report prints
    # "Friday" with the same date. The calendar and the other reports say the weekday slipped.
    texts = {"a": ["The cup final, played on Saturday, March 11, 2023, ended in a draw after extra time."],
             "b": ["The cup final on March 11, 2023 ended level after extra time."],
             "c": ["The cup final was played on Friday, March 11, 2023 and ended in a draw after extra time."]}
    _, flags = run(texts)
    assert [(f.source, f.text, f.expected) for f in flags] == [("c", "Friday", "Saturday")]
    # Nobody prints the calendar's weekday with that date: no evidence which side slipped.
    texts["a"] = ["The cup final, played on Sunday, March 11, 2023, ended in a draw after extra time."]
    _, flags = run(texts)
    assert flags == []


# --- session 4: the year printed with a month; a weekday the others' calendar days confirm -------
# (Invented stories: a cathedral reopening in Vilnius, a bridge closure in Porto.)

def test_a_month_with_its_year_is_found_story_wide_and_a_slipped_month_is_flagged():
    texts = {"a": ["The cathedral will reopen to visitors in March 2028 after the roof repairs.", "Other news."],
             "b": ["Other news.", "Visitors can return to the cathedral in March 2028, the diocese said."],
             "c": ["The diocese expects the cathedral to reopen in March 2028.", "Other news."],
             "d": ["Tickets sold out.", "The restored cathedral reopens to visitors from May 2028, after the works."]}
    _, flags = run(texts, groups=[])
    assert [(f.source, f.text, f.expected) for f in flags] == [("d", "May", "March")]


def test_another_event_in_the_same_year_is_not_a_slipped_month():
    texts = {"a": ["Scaffolding goes up in May 2028.", "The cathedral will reopen to visitors in March 2029."],
             "b": ["The cathedral reopens in March 2029.", "Scaffolding will go up in May 2028."],
             "c": ["The scaffolding goes up in May 2028, the diocese said."],
             "d": ["Work on the organ ends in July 2028, the diocese said."]}
    _, flags = run(texts, groups=[])
    assert flags == []


def test_a_date_printed_with_a_weekday_the_others_calendar_days_give_it_is_flagged():
    # 12 March 2027 is a Friday; "Friday, March 11" prints a Thursday's date with it.
    texts = {"a": ["The bridge was closed to traffic on Friday after cracks were found in a pillar."],
             "b": ["Engineers closed the bridge on Friday when cracks appeared in a pillar."],
             "c": ["The bridge was shut on Friday, March 11, after cracks were found in a pillar."]}
    published = {"a": "2027-03-13", "b": "2027-03-13", "c": "2027-03-13"}
    _, flags = run_dated(texts, published)
    assert [(f.source, f.text) for f in flags] == [("c", "March 11")]
    # Printed right, nothing is flagged.
    texts["c"] = ["The bridge was shut on Friday, March 12, after cracks were found in a pillar."]
    _, flags = run_dated(texts, published)
    assert flags == []


@pytest.mark.parametrize("text, value", [
    ("the chapel was built in the 12th century", 12.0),
    ("a twelfth-century chapel", 12.0),
    ("a 12th-century chapel", 12.0),
    ("the altar dates from the second century BC", -2.0),
])
def test_a_century_is_a_date(text, value):
    got = [m for m in mention(text) if m.unit == "century"]
    assert [m.value for m in got] == [value]


def test_a_slipped_century_is_flagged_and_an_ordinal_of_anything_else_is_no_date():
    # Invented story: a chapel found under a car park in Aarhus.
    texts = {"a": ["Pottery found under the floor dates the chapel to the 12th century, the museum said."],
             "b": ["The museum said pottery under the floor puts the chapel in the 12th century."],
             "c": ["Archaeologists dated the chapel to the twelfth century from pottery under its floor."],
             "d": ["Pottery under the floor dates the chapel to the 13th century, the museum said."]}
    _, flags = run(texts)
    assert [(f.source, f.kind.value, f.text, f.expected) for f in flags] == \
        [("d", "date_conflict", "13th century", "12th century")]
    assert "century" not in {m.unit for m in mention("the second of two trenches, the 3rd floor")}


def test_a_dateline_with_its_place_in_title_case_is_the_filing_day():
    # Invented story: a brewery closing in Plzeň; the year of the dateline is no event's year.
    texts = {"a": ["Plzeň brewery to close", "Plzeň, 3 November 2025 - The board of the brewery decided to stop "
                   "brewing on 31 March 2026."],
             "b": ["The board decided the brewery will stop brewing on March 31, 2026."],
             "c": ["Brewing will stop on 31 March 2026, the board of the brewery decided."]}
    ctx, flags = run(texts)
    assert flags == []
    from srccompare.checks.quantity_consensus import story_quantities

    years = [m.text for ms in story_quantities(ctx).by_passage.values() for m in ms if m.unit == "year"]
    assert "2025" not in years and "2026" in years


# --- session 5 (late): day-first dates printed in figures ------------------------------------


@pytest.mark.parametrize("text, want", [
    ("The hall reopens on Thursday 12.6. if the inspectors agree.", [("12.6.", (6, 12))]),
    ("Entries close on 9.11. and results follow a week later.", [("9.11.", (11, 9))]),
    ("Entries close until 9. 11. 2027, the club said.", [("9. 11.", (11, 9)), ("2027", 2027.0)]),
    ("The lease was signed 3.4.2025 in the town hall.", [("3.4.2025", (4, 3)), ("2025", 2025.0)]),
    ("The lease was signed 28/02/2025 in the town hall.", [("28/02/2025", (2, 28)), ("2025", 2025.0)]),
    ("The lease was signed 02/28/2025 in the town hall.", [("02/28/2025", (2, 28)), ("2025", 2025.0)]),
    # Both orders valid with slashes: day-first until the story says otherwise (``settle_slash_dates``).
    ("The lease was signed 04/05/2025 in the town hall.", [("04/05/2025", (5, 4)), ("2025", 2025.0)]),
    # A decimal figure ending a sentence, a numbered list: no date.
    ("Turnover grew by 12.6. Margins fell.", []),
    ("Read points 1. 2. and 3. of the rules.", []),
])
def test_a_date_printed_day_first_in_figures_is_read(text, want):
    got = [(m.text, m.value) for m in mention(text) if m.unit in ("date", "year")]
    assert got == want


def test_a_dotted_date_is_judged_like_a_written_one():
    # Invented story: a swimming hall closes for repairs. The translated local report prints the
    # reopening day as "9.11." where two others say 19 November; a right "19. 11." agrees.
    texts = {"a": ["The swimming hall will reopen on 19 November after repairs to the roof."],
             "b": ["The hall is due to reopen on 19 November once the roof repairs end."],
             "c": ["The swimming hall will reopen on 9.11. after repairs to the roof."]}
    _, flags = run(texts)
    assert [(f.source, f.text, f.expected) for f in flags] == [("c", "9.11.", "19 November")]
    texts["c"] = ["The swimming hall will reopen on 19. 11. after repairs to the roof."]
    _, flags = run(texts)
    assert flags == []


def test_a_weekday_printed_with_a_date_the_others_give_for_the_event_slipped():
    # Invented story: a warehouse fire on 4 June 2026 (a Thursday). One report, worded its own way,
    # prints "Wednesday, June 4"; two others give "June 4" / "4 June" for the fire without a
    # weekday: the date agrees with them and the calendar, so the weekday slipped.
    texts = {"a": ["The warehouse fire broke out late on June 4, the fire brigade said."],
             "b": ["Firefighters said the warehouse fire broke out on 4 June near the docks."],
             "c": ["A fire gutted the warehouse late on Wednesday, June 4, destroying its stock."]}
    pub = {"a": "2026-06-05", "b": "2026-06-05", "c": "2026-06-05"}
    _, flags = run_dated(texts, pub)
    assert [(f.source, f.text, f.expected) for f in flags] == [("c", "Wednesday", "Thursday")]
    # One other source only: no flag.
    texts_two = {k: v for k, v in texts.items() if k != "b"}
    _, flags = run_dated(texts_two, pub)
    assert flags == []
    # Another source prints the date with yet another wrong weekday: the year may be wrong.
    texts["b"] = ["Firefighters said the warehouse fire broke out on Friday, 4 June near the docks."]
    _, flags = run_dated(texts, pub)
    assert not any(f.text == "Wednesday" for f in flags)


def test_the_full_date_of_a_print_pages_running_head_is_the_issues_day():
    # Invented story: a mill fire on 3 March 2027, reported a week later by a scanned weekly whose
    # running head carries the issue's date. That date is no event date against the others' 3 March.
    texts = {"a": ["The mill fire broke out on 3 March, the fire service said."],
             "b": ["Firefighters said the mill fire started on 3 March in the drying room."],
             "c": ["[Scan - The Valley Weekly - Wednesday, March 10, 2027 - Page 4]",
                   "The mill fire broke out on 3 March in the drying room, the fire service said."]}
    _, flags = run(texts, groups=[[("a", 0), ("b", 0), ("c", 0), ("c", 1)]])
    assert flags == []
    # Without a page named, the line is read as before (a date of the story like any other).
    from srccompare.checks.quantities import _page_line

    assert _page_line(texts["c"][0])
    assert not _page_line("The Valley Weekly - Wednesday, March 10, 2027")
    assert not _page_line("The mill, whose page 3 advert ran on March 10, 2027, " + "burned down " * 20)


def test_a_day_one_slip_from_anothers_in_sentences_sharing_words_is_one_event_for_one_against_one():
    # Invented story: a poisoned eagle. "May 15" in the blog and "May 5" in the wire report are one
    # slip apart in sentences sharing some words (ranger, eagle): clear enough a pair for the
    # one-against-one evidence to decide (other sources giving "May 5" elsewhere). A day of other
    # words ("the dam was inspected on May 15") is no such pair.
    from srccompare.checks.quantities import mentions_in
    from srccompare.checks.quantity_consensus import _strong_role
    from srccompare.models import Passage

    def day(src, text):
        p = Passage(id=f"{src}:0", source=src, index=0, start=0, end=len(text), text=text)
        return next(m for m in mentions_in(p) if m.unit == "date")

    wire = day("a", "A ranger found the poisoned eagle early on Tuesday, May 5, near the reservoir.")
    blog = day("c", "According to the park's blog, a ranger spotted the dead eagle on the morning of May 15.")
    dam = day("c", "The reservoir's dam was inspected on May 15 by engineers.")
    assert _strong_role(blog, wire, 0.1, False) == 1
    assert _strong_role(dam, wire, 0.1, False) == 0
