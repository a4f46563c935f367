"""The reading of figures and dates on the forms a careful editor checks (``checks.quantities``):
currency signs and letters, scales joined by a hyphen, rates, the year of a printed day, ranges,
ratios, times of day, ages, other calendars. Each rule is tested on invented stories."""

from __future__ import annotations

import pytest

from tests.test_checks_numbers import mention, run


def read(text):
    return [(m.text, m.unit, m.value) for m in mention(text)]


# --- currency signs and the letters a country's press prints for them --------------------------

@pytest.mark.parametrize("text, unit, value", [
    ("the port fee rose to P12.5 billion", "cur:PESO", 12.5e9),
    ("a P1,250 fare", "cur:PESO", 1250.0),
    ("a P30-billion budget", "cur:PESO", 3e10),
    ("a ₱30 billion budget", "cur:PESO", 3e10),
    ("tolls of Rs 500 a car", "cur:INR", 500.0),
    ("a fine of Rs. 5,000", "cur:INR", 5000.0),
    ("a Rp 2.5 trillion subsidy", "cur:RUPIAH", 2.5e12),
    ("an RM300 million plant", "cur:RINGGIT", 3e8),
    ("a KSh 4.2 billion dam", "cur:SHILLING", 4.2e9),
    ("₦5 billion in grants", "cur:NAIRA", 5e9),
    ("R$ 3 billion in bonds", "cur:REAL", 3e9),
    ("a $2-million grant", "cur:USD", 2e6),
    ("a budget of 3,5 Mio. €", "cur:EUR", 3.5e6),
    ("tickets cost 1.250.000₫", "cur:DONG", 1.25e6),
    ("tickets cost 40 €", "cur:EUR", 40.0),
])
def test_currency_signs_and_letters_give_the_currency(text, unit, value):
    got = [(u, v) for _, u, v in read(text) if u.startswith("cur:")]
    assert got == [(unit, pytest.approx(value))]


@pytest.mark.parametrize("text", ["the new P30 phone", "route P7 to the airport", "the PM said 30 people"])
def test_a_letter_before_a_plain_figure_is_no_currency(text):
    assert not any(u.startswith("cur:") for _, u, _ in read(text))


def test_an_ocr_digit_in_a_figure_after_a_currency_letter_is_flagged():
    # Invented story: a toll-road concession in Cebu, one source an OCR of print.
    texts = {"a": ["The concession fee was set at 18 billion pesos, the transport department said."],
             "b": ["The transport department set the concession fee at P18 billion."],
             "c": ["The department set a concession fee of PHP 18 billion for the road."],
             "d": ["The department set the P13-billion concession fee for the road."]}
    _, flags = run(texts)
    assert [(f.source, f.text) for f in flags] == [("d", "P13-billion")]


# --- a rate: "20,000 a day" -------------------------------------------------------------------

def test_a_figure_per_period_is_a_rate_that_is_judged():
    assert [(m.text, m.head) for m in mention("The ferry may carry 3,500 a day.")] == [("3,500", "per day")]
    # Invented story: a ferry line capped by a port authority, one source a translation.
    texts = {"a": ["The port authority capped the new ferry line at 3,500 a day."],
             "b": ["The authority limited the ferry line to 3,500 passengers per day."],
             "c": ["The port authority capped the line at 3,500 per day."],
             "d": ["The port authority limited to 350 per day the passengers of the new ferry line."]}
    _, flags = run(texts)
    assert [(f.source, f.text) for f in flags] == [("d", "350")]


def test_rates_of_other_periods_or_with_a_noun_keep_their_reading():
    got = {m.text: m for m in mention("It pumps 400 barrels a day and 12 a week.")}
    assert got["400"].head == "barrel" and got["12"].head == "per week"


# --- the year of a printed day -----------------------------------------------------------------

def test_the_year_printed_with_a_day_is_that_days_year():
    # Invented story: a bridge reopening; the others' sentences share no word with the slip's.
    texts = {"a": ["The ministry said the rebuilt bridge will carry traffic again from March 3, 2028."],
             "b": ["Repairs should be complete so that the bridge reopens on 3 March 2028."],
             "c": ["Engineers expect the crossing to open to cars on March 3, 2028, officials said."],
             "d": ["Lorries may use it from March 3, 2029."]}
    _, flags = run(texts, groups=[[("a", 0), ("b", 0)], [("c", 0), ("d", 0)]])
    assert [(f.source, f.text, f.expected) for f in flags] == [("d", "2029", "2028")]


# --- ranges, approximations, ratios ------------------------------------------------------------

@pytest.mark.parametrize("text, lo, hi", [
    ("between 40 and 50 people were hurt", 40, 50),
    ("40-50 people were hurt", 40, 50),
    ("40–50 people were hurt", 40, 50),
    ("40 to 50 people were hurt", 40, 50),
    ("prosecutors sought 13 to 14 years", 13, 14),
])
def test_a_range_of_a_count_is_one_interval(text, lo, hi):
    got = [m for m in mention(text) if m.unit == "count"]
    assert [(m.lo, m.hi, m.hedge) for m in got] == [(lo, hi, "range")]


@pytest.mark.parametrize("text", [
    "the toll rose from 40 to 50 people",      # a change from one figure to another
    "between 2017 and 2021 the plant grew",    # two years
    "between 1.2 and 1.5 million people",      # the scale goes with both: not a range of 1.2 to 1.5
])
def test_a_change_or_years_or_a_scaled_pair_is_no_count_range(text):
    assert not any(m.hedge == "range" and m.unit == "count" and m.hi <= 2 for m in mention(text))
    assert not any(m.unit == "count" and (m.lo, m.hi) == (40, 50) for m in mention(text))


def test_a_figure_inside_a_range_or_a_hedge_is_no_conflict_and_one_outside_is():
    # Invented story: a landslide on a mountain road.
    texts = {"a": ["Between 40 and 50 people were hurt when the landslide hit the road."],
             "b": ["About 45 people were hurt when the landslide hit the mountain road."],
             "c": ["The landslide hurt 40-50 people on the road, the police said."],
             "d": ["When the landslide hit the road, 47 people were hurt."]}
    _, flags = run(texts)
    assert flags == []
    texts["d"] = ["When the landslide hit the road, 74 people were hurt."]
    _, flags = run(texts)
    assert [(f.source, f.text) for f in flags] == [("d", "74")]


def test_a_range_printed_backwards_counts_the_noun_after_it():
    got = mention("The prosecutor proposed 31-14 years for the director.")
    assert [(m.text, m.value, m.head) for m in got] == [("31-14", 31.0, "year")]
    assert [(m.text, m.head) for m in mention("a 3-2 win over the visitors")] == [("3-2", "win")]
    assert [m.unit for m in mention("the report of 2026-03-14")] == ["year"]


@pytest.mark.parametrize("text, value", [
    ("one in five adults smokes", 0.2), ("1 in 20 patients relapsed", 0.05), ("a fifth of the staff left", 0.2),
    ("a quarter of the budget", 0.25),
])
def test_ratios_and_fractions_with_an_article_are_fractions(text, value):
    assert [(m.unit, round(m.value, 3)) for m in mention(text)] == [("fraction", value)]


@pytest.mark.parametrize("text", ["a third attempt failed", "three in 2024 were sold"])
def test_an_ordinal_or_a_year_after_in_is_no_ratio(text):
    assert not any(m.unit == "fraction" for m in mention(text))


def test_percentage_points_are_not_percent():
    got = {m.text: m.unit for m in mention("Unemployment rose 2 percentage points to 7%.")}
    assert got == {"2 percentage points": "points", "7%": "percent"}


# --- times of day, ages, other calendars -------------------------------------------------------

@pytest.mark.parametrize("text, minutes", [
    ("the ferry left at 9 p.m. on Friday", 21 * 60), ("sirens sounded at two o'clock", None),
    ("the market opens at 6 am daily", 6 * 60), ("by 11 pm the fire was out", 23 * 60),
    ("sirens sounded at two o'clock in the morning", 2 * 60), ("the train left at 6.45 a.m.", 6 * 60 + 45),
    ("the ship sailed at 7 o'clock in the evening", 19 * 60), ("the blast came at 9:30 pm", 21 * 60 + 30),
    ("the quake struck at 3 p.m. GMT", None), ("the quake struck at 9 a.m. EST", None),
])
def test_an_hour_of_the_clock_is_a_time_of_day_not_a_count(text, minutes):
    got = [m for m in mention(text) if m.unit not in ("weekday", "year")]
    # An hour without its half of the day ("two o'clock") or in a named zone is not compared.
    assert [(m.unit, m.value) for m in got] == ([("clock", float(minutes))] if minutes is not None else [])


def test_a_time_of_day_slip_is_a_date_conflict():
    # Invented story: a dam gate opened at night; one translation counts the hours another way.
    texts = {"a": ["Engineers opened the spillway gates at 4 a.m. on Sunday, the water board said."],
             "b": ["The water board said the spillway gates were opened at 4 a.m. on Sunday."],
             "c": ["The gates of the spillway were opened on Sunday at four o'clock in the morning."],
             "d": ["The spillway gates were opened at ten o'clock in the morning on Sunday, the board said."]}
    _, flags = run(texts)
    assert [(f.source, f.kind.value, f.text) for f in flags] == [("d", "date_conflict", "ten o'clock in the morning")]
    # The moment given in another zone by one report is no disagreement.
    texts["d"] = ["The spillway gates were opened at 2 a.m. GMT on Sunday, the board said."]
    _, flags = run(texts)
    assert flags == []


@pytest.mark.parametrize("text", ["the driver, aged 54, was arrested", "a 54-year-old driver was arrested",
                                  "the driver, who is 54 years old, was arrested"])
def test_an_age_is_one_role_however_printed(text):
    assert [(m.value, m.head) for m in mention(text)] == [(54.0, "age")]


def test_an_age_slip_is_flagged():
    # Invented story: a lorry driver arrested after a crash on a ring road.
    texts = {"a": ["Police arrested the lorry driver, aged 54, after the crash on the ring road."],
             "b": ["A 54-year-old lorry driver was arrested after the crash on the ring road."],
             "c": ["Police said the driver of the lorry, 54 years old, was arrested after the crash."],
             "d": ["A 45-year-old lorry driver was arrested after the ring road crash."]}
    _, flags = run(texts)
    assert [(f.source, f.text) for f in flags] == [("d", "45")]


@pytest.mark.parametrize("text", ["the idol was stolen in 2041 BS", "the temple was rebuilt in B.E. 2569",
                                  "in the Nepali year 2082 the rains came late", "the mosque dates from 1447 AH"])
def test_a_year_of_another_calendar_is_no_gregorian_year(text):
    assert not any(m.unit == "year" for m in mention(text))
    assert not any(m.unit == "count" for m in mention(text))


# --- a figure of nothing named, one slip from the others' figure -------------------------------

def test_a_bare_figure_swapped_from_the_others_figure_is_flagged():
    # Invented story: a gas leak at a school; the slip's clause names no noun after the figure.
    texts = {"a": ["Doctors said 47 pupils were taken to hospital after the gas leak."],
             "b": ["The school said 47 children were taken to hospital with breathing problems."],
             "c": ["Of the pupils, 47 were later treated in hospital, the school said."],
             "d": ["After the leak, 74 were taken to hospital, doctors said."]}
    _, flags = run(texts, groups=[])
    assert [(f.source, f.text, f.expected) for f in flags] == [("d", "74", "47")]


@pytest.mark.parametrize("d", [
    "After the leak, 74 were taken to hospital and 47 went home, doctors said.",  # gives 47 itself
    "After the leak, 43 were taken to hospital, doctors said.",                   # one digit: chance
    "After the leak, 74 left the building, firefighters said.",                   # other words
])
def test_a_bare_figure_is_left_alone_without_clear_evidence(d):
    texts = {"a": ["Doctors said 47 pupils were taken to hospital after the gas leak."],
             "b": ["The school said 47 children were taken to hospital with breathing problems."],
             "d": [d]}
    _, flags = run(texts, groups=[])
    assert flags == []


def test_a_day_with_the_ordinal_dot_before_its_month_is_a_date():
    # "6. February" as German, Nordic and Slavic papers print it (kept by translations).
    got = [(m.unit, m.value) for m in mention("the fire broke out on Thursday 6. February, after midnight")]
    assert ("date", (2, 6)) in got
    assert [(m.unit, m.value) for m in mention("he scored 6. May he")] == [("count", 6.0)]


def test_the_moments_of_one_day_are_told_apart_by_their_event_words():
    # Invented story: a local election day; each time is another moment, none a slip of another.
    texts = {"a": ["Polls open at 7 a.m. and close at 8 p.m. on Sunday, the election office said."],
             "b": ["Voting starts at 7 a.m. and ends at 8 p.m. on Sunday."],
             "c": ["Polling stations open at 7 a.m. on Sunday and close at 8 p.m."],
             "d": ["Polling stations will close at 8 p.m. on Sunday after opening at 7 a.m., the office said."],
             "e": ["The count begins at 9 p.m., an hour after the polls close, and results are due by 6 a.m."]}
    _, flags = run(texts)
    assert flags == []


# --- figures and dates as a transcript prints them ------------------------------------------------

@pytest.mark.parametrize("text, unit, value", [
    ("a thirty-eight point six million dollar contract", "cur:USD", 38.6e6),
    ("inflation eased to eighteen point nine per cent", "percent", 18.9),
    ("one point two five billion dollars in loans", "cur:USD", 1.25e9),
    ("turnout was sixty point oh five percent", "percent", 60.05),
])
def test_a_decimal_read_out_in_words_is_one_figure(text, unit, value):
    # Without the decimal, "thirty-eight point six million" was read as 38 and six million.
    assert [(u, pytest.approx(v)) for _, u, v in read(text)] == [(unit, pytest.approx(value))]


def test_point_without_a_digit_word_is_no_decimal():
    assert [v for _, _, v in read("twenty point guards signed up")] == [20.0]


@pytest.mark.parametrize("text, value", [
    ("the vote is on the fourth of June", (6, 4)),
    ("closed on the twenty-first of March", (3, 21)),
    ("closed on the twenty first of March", (3, 21)),
    ("opened on the 17th of October", (10, 17)),
    ("the hearing is set for June the fourth", (6, 4)),
    ("results come out on March thirtieth", (3, 30)),
])
def test_a_spoken_date_is_read_as_a_day_and_month(text, value):
    assert [(u, v) for _, u, v in read(text) if u == "date"] == [("date", value)]


def test_an_ordinal_before_of_and_a_common_word_is_no_date():
    assert not [u for _, u, _ in read("the first of the ferries sailed in June") if u == "date"]


def test_a_spoken_date_that_slipped_is_flagged_against_the_printed_day():
    # Invented story: a harbour dredging contract in Esbjerg, one source a broadcast transcript.
    texts = {"a": ["Dredging of the Esbjerg harbour basin will start on 14 June, the port authority said."],
             "b": ["The port authority said dredging of the harbour basin starts on June 14."],
             "c": ["The port authority said on air that dredging of the harbour basin starts on the fourth of June."]}
    _, flags = run(texts)
    assert [(f.source, f.kind.value, f.text) for f in flags] == [("c", "date_conflict", "fourth of June")]
