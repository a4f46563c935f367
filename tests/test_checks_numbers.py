"""number_conflict, and the reading of quantities shared with date_conflict: planted disagreements
are flagged; equal values in other spellings, hedges, ranges and different quantities are not.
(The date rules' own tests are in ``test_checks_dates``.)"""

from __future__ import annotations

import pytest

from srccompare.checks.dates import DateCheck
from srccompare.checks.numbers import NumberCheck
from srccompare.checks.quantities import mentions_in
from srccompare.checks.quantity_consensus import consistent
from srccompare.models import Kind, Passage
from tests.discrepancy_story import build, check_offsets


QUANTITY_CHECKS = (NumberCheck(), DateCheck())
"""The two checks of the one consensus on figures and dates (``numbers.story_quantities``): the
stories here are judged by both, since a stray date flag in a story about figures (or the other
way round) is as wrong as a missed slip."""


def run(texts, groups=None, checks=QUANTITY_CHECKS):
    """The flags ``checks`` give on an invented story: {source: [passage texts]}."""
    ctx = build(texts, groups)
    flags = [f for check in checks for f in check.run(ctx)]
    check_offsets(ctx, flags)
    return ctx, flags


def mention(text):
    p = Passage(id="x:0", source="x", index=0, start=0, end=len(text), text=text)
    return mentions_in(p)


# --- reading numbers --------------------------------------------------------------------------

@pytest.mark.parametrize("text, unit, value", [
    ("tariffs of 145% on imports", "percent", 145.0),
    ("tariffs of 145 percent on imports", "percent", 145.0),
    ("tariffs of 145 per cent on imports", "percent", 145.0),
    ("tariffs of one hundred forty-five percent on imports", "percent", 145.0),
    ("a fine of $1.2 billion was imposed", "cur:USD", 1.2e9),
    ("a fine of 1.2 billion dollars was imposed", "cur:USD", 1.2e9),
    ("a fine of US$1.2bn was imposed", "cur:USD", 1.2e9),
    ("a fine of €300,000 was imposed", "cur:EUR", 3e5),
    ("they could lose 5 million jobs", "count", 5e6),
    ("they could lose five million jobs", "count", 5e6),
    ("the economy shrank 0.3% in the quarter", "percent", 0.3),
    ("the economy shrank 0.3 percent in the quarter", "percent", 0.3),
])
def test_values_are_normalised(text, unit, value):
    ms = mention(text)
    assert len(ms) == 1 and ms[0].unit == unit and ms[0].value == pytest.approx(value)


@pytest.mark.parametrize("text", [
    "The G7 met in Rome.", "Covid-19 cases rose.", "The S&P 500 fell.", "They met at 10:30.",
    "No one knows.", "It was the first time.",
])
def test_names_codes_and_non_numbers_are_not_quantities(text):
    assert [m for m in mention(text) if m.unit != "year"] == []


# --- stories ----------------------------------------------------------------------------------

EARTHQUAKE = {
    "a": ["A magnitude 6.4 earthquake struck the valley on Tuesday.",
          "The quake killed 120 people and injured more than 300, officials said."],
    "b": ["An earthquake of magnitude 6.4 hit the valley on Tuesday.",
          "At least 120 people were killed and over 300 injured, officials said."],
    "c": ["The magnitude 6.4 quake struck on Tuesday.",
          "The quake killed 120 people and injured about 320, officials said."],
    "d": ["A magnitude 6.2 earthquake struck the valley on Wednesday.",
          "The quake killed 210 people and injured more than 300, officials said."],
}


def test_planted_numbers_and_weekday_are_flagged():
    _, flags = run(EARTHQUAKE)
    got = sorted((f.source, f.kind.value, f.text, f.expected) for f in flags)
    assert got == [
        ("d", "date_conflict", "Wednesday", "Tuesday"),
        ("d", "number_conflict", "210", "120"),
        ("d", "number_conflict", "6.2", "6.4"),
    ]
    by_text = {f.text: f for f in flags}
    assert by_text["210"].severity.value == "high" and by_text["Wednesday"].severity.value == "medium"
    assert {e.source for e in by_text["210"].evidence} == {"a", "b", "c"}
    assert "3 other sources" in by_text["210"].message


def test_each_check_gives_its_own_kind_from_the_one_consensus():
    ctx, both = run(EARTHQUAKE)
    numbers = list(NumberCheck().run(ctx))
    dates = list(DateCheck().run(ctx))
    assert {f.kind for f in numbers} == {Kind.NUMBER_CONFLICT} and {f.kind for f in dates} == {Kind.DATE_CONFLICT}
    assert sorted(f.id for f in numbers + dates) == sorted(f.id for f in both)


COURT = {
    "a": ["The court fined the company $1.2 billion on Friday."],
    "b": ["The company was fined 1.2 billion dollars by the court on Friday."],
    "c": ["A court ordered the company to pay US$1.2bn on Friday."],
    "e": ["The court fined the company $2.1 billion on Friday."],
}


def test_money_in_other_spellings_agrees_and_the_odd_one_is_flagged():
    _, flags = run(COURT)
    assert [(f.source, f.text, f.expected) for f in flags] == [("e", "$2.1 billion", "$1.2 billion")]


@pytest.mark.parametrize("texts", [
    # 145% = 145 percent = one hundred forty-five percent.
    {"a": ["Washington raised tariffs on imports to 145%."],
     "b": ["Washington raised tariffs on imports to 145 percent."],
     "c": ["Washington raised tariffs on imports to one hundred forty-five percent."]},
    # A hedge or a range that allows the exact value.
    {"a": ["Stocks rose about 1% on the news."],
     "b": ["Stocks rose 1.1% on the news."],
     "c": ["Stocks rose 1.1% after the news."],
     "d": ["Stocks rose nearly 1.1% on the news."]},
    {"a": ["Between 80 and 90 percent of the deficit is with 15 countries."],
     "b": ["Some 85% of the deficit is with 15 countries."],
     "c": ["About 85 percent of the deficit is with 15 countries."]},
    # Different quantities in one passage: 18 relationships, 17 partners.
    {"a": ["He said the US has 18 very important trading relationships and is negotiating with 17 of these partners."],
     "b": ["He said the US is negotiating with 17 major trading partners."],
     "c": ["The US is negotiating with 17 partners, he said."]},
    # Different events on different days.
    {"a": ["The ministers meet on Saturday and Sunday in Geneva."],
     "b": ["The minister will be in Geneva from Friday to Monday."],
     "c": ["The ministers meet on Saturday and Sunday."]},
    # Uncorroborated: only one source has the number; and two sources alone.
    {"a": ["Growth slowed to 2.8% this year."], "b": ["Growth slowed this year."], "c": ["Growth slowed."]},
    {"a": ["Growth slowed to 2.8% this year."], "b": ["Growth slowed to 2.6% this year."]},
    # Three sources, three values: no majority.
    {"a": ["Growth slowed to 2.8% this year."], "b": ["Growth slowed to 2.6% this year."],
     "c": ["Growth slowed to 2.4% this year."]},
])
def test_legitimate_differences_are_not_flagged(texts):
    _, flags = run(texts)
    assert flags == []


def test_order_pairs_two_values_of_one_unit():
    texts = {
        "a": ["The IMF cut its growth forecast from 3.3% to 2.8%."],
        "b": ["The IMF cut its growth forecast from 3.3% to 2.8%."],
        "c": ["The IMF lowered its growth forecast from 3.3% to 2.8%."],
        "d": ["The IMF cut its growth forecast from 3.3% to 2.3%."],
    }
    _, flags = run(texts)
    assert [(f.source, f.text, f.expected) for f in flags] == [("d", "2.3%", "2.8%")]


RECALL = {
    "a": ["Acme recalled 40,000 heaters on May 8.", "The heaters were sold for $89."],
    "b": ["Acme recalled 40,000 heaters on 8 May.", "They sold for $89 each."],
    "c": ["Some 40,000 heaters were recalled by Acme on May 8.", "Each sold for $89."],
    "d": ["Acme recalled 14,000 heaters on May 9.", "The heaters sold for $89."],
}


def test_counts_and_dates_in_a_recall():
    _, flags = run(RECALL)
    got = sorted((f.source, f.kind.value, f.text, f.expected) for f in flags)
    assert got == [("d", "date_conflict", "May 9", "May 8"), ("d", "number_conflict", "14,000", "40,000")]


def test_ids_stable_and_confidence_grows_with_agreement():
    _, first = run(EARTHQUAKE)
    _, again = run(EARTHQUAKE)
    assert [f.id for f in first] == [f.id for f in again]
    three = {k: EARTHQUAKE[k] for k in ("a", "b", "d")}
    _, fewer = run(three)
    ids = {f.id: f.confidence for f in first}
    for f in fewer:
        assert f.id in ids and f.confidence < ids[f.id]


def test_counterparts_are_found_story_wide_when_the_alignment_missed_them():
    texts = {
        "a": ["Other news.", "The fire had grown to 12,400 hectares by Wednesday morning, officials said."],
        "b": ["The fire had burned 12,400 hectares by Wednesday morning.", "Other news."],
        "c": ["Crews said the blaze covered 12,400 hectares on Wednesday.", "More."],
        "d": ["A wildfire in the region has burned 1,240 hectares and forced evacuations.", "Else."],
    }
    _, flags = run(texts, groups=[])
    assert [(f.source, f.text, f.expected, f.group) for f in flags] == [("d", "1,240", "12,400", None)]


def test_hedged_figures_worded_alike_must_agree():
    texts = {
        "a": ["Companies face fines of up to $2,500 per child."],
        "b": ["Platforms face penalties of up to $2,500 per child."],
        "c": ["Fines of up to 2,500 dollars per child were possible."],
        "d": ["Companies faced fines of up to $25,000 per child."],
    }
    _, flags = run(texts)
    assert [(f.source, f.text, f.expected) for f in flags] == [("d", "$25,000", "$2,500")]


# --- one source against one, and the rules behind it -----------------------------------------

@pytest.mark.parametrize("texts, expected", [
    # (2) A third source gives the other weekday elsewhere in the story, never this one.
    ({"a": ["The storm hit the coast on Tuesday.", "The governor toured the damage on Tuesday afternoon and declared an emergency."],
      "b": ["The storm made landfall on Tuesday.", "Other news."],
      "c": ["The storm struck on Tuesday night.", "The governor, who arrived on Wednesday afternoon, declared an emergency."]},
     [("c", "Wednesday", "Tuesday")]),
    # (1) The source contradicts itself: it gives the other figure elsewhere for the same thing.
    ({"a": ["The company will cut 1,200 jobs in Ohio, the union said.", "Other news."],
      "b": ["The company plans to cut 2,100 jobs in Ohio, the union said.", "The 1,200 jobs will go by May, it said."]},
     [("b", "2,100", "1,200")]),
    # (3) Nothing else decides: the source whose other words are garbled slipped.
    ({"a": ["The bridge repair cost about 1.1 billion euros, the ministry said.", "Work began in spring."],
      "b": ["The bridge repair cost about 1.1 million euros, the ministry said.", "Work beganin thespring."]},
     [("b", "1.1 million euros", "1.1 billion euros")]),
])
def test_one_against_one_flags_the_side_the_evidence_names(texts, expected):
    _, flags = run(texts)
    assert [(f.source, f.text, f.expected) for f in flags] == expected
    for f in flags:
        assert f.severity.value in ("medium", "low") and f.confidence < 0.6
        assert "only other source" in f.message


@pytest.mark.parametrize("texts", [
    # No evidence says which side slipped: neither is flagged.
    {"a": ["The bridge repair cost about 1.1 billion euros, the ministry said."],
     "b": ["The bridge repair cost about 1.1 million euros, the ministry said."]},
    # Different events on different days, one source each (a person speaks on many days).
    {"a": ["Smith said on Tuesday that the plant would close.", "Other news."],
     "b": ["Smith on Wednesday said the plant would stay open.", "The plant opened on Tuesday."]},
    # A date and a weekday of its own source restating it in brackets.
    {"a": ["The rocket lifted off at 9 p.m. local time on Tuesday (0100 GMT on Wednesday)."],
     "b": ["The rocket lifted off on Tuesday night."],
     "c": ["The rocket was launched on Tuesday."]},
    # A hedge that allows both figures cannot tell them apart; two against one of them is a majority
    # only when nobody clearly supports it -- here the exact figures split one to one.
    {"a": ["The factory employs more than 400,000 workers, the ministry said."],
     "b": ["The factory employs 412,000 workers, the ministry said."]},
])
def test_one_against_one_without_evidence_is_not_flagged(texts):
    _, flags = run(texts)
    assert flags == []


def test_casualty_words_state_the_same_count():
    texts = {
        "a": ["The quake killed at least 23 people and injured 140."],
        "b": ["At least 23 people died and 140 were hurt."],
        "c": ["The death toll rose to at least 23, with 140 wounded."],
        "d": ["The quake left at least 32 dead and 140 wounded."],
    }
    _, flags = run(texts, groups=[])
    assert [(f.source, f.text, f.expected) for f in flags] == [("d", "32", "23")]
    # The trap: the dead and the injured are different counts.
    texts2 = {"a": ["The quake killed 23 people."], "b": ["The quake killed 23 people."],
              "c": ["The quake left 140 wounded."]}
    _, flags2 = run(texts2)
    assert flags2 == []


def test_a_slip_twin_outranks_a_figure_the_hedge_merely_allows():
    texts = {
        "a": ["Walking at least 7,000 steps a day lowers the risk.", "Nobody needs to reach 10,000 steps."],
        "b": ["People walking at least 7,000 steps a day had a lower risk.", "You don't need 10,000 steps."],
        "c": ["Walking at least 7,002 steps a day lowers the risk.", "Aim for 10,000 steps if you can."],
    }
    _, flags = run(texts)
    assert [(f.source, f.text, f.expected) for f in flags] == [("c", "7,002", "7,000")]


@pytest.mark.parametrize("text, head", [
    ("a 60-day state of emergency", "day"),
    ("for 600 days in four provinces", "day"),
    # An age counts years, named "age" whichever way it is printed (``test_checks_numbers_reading``).
    ("Lemos, a 47-year-old former secretary", "age"),
    ("who is 470 years old", "age"),
    ("a study of more than 48,000 adults published on Wednesday", "adult"),
])
def test_compounds_and_participles_end_the_counted_noun(text, head):
    m = [m for m in mention(text) if m.unit == "count"][0]
    assert m.head == head


# --- localised separators ----------------------------------------------------------------------

@pytest.mark.parametrize("word, value, alt", [
    ("2,750", 2750.0, 2.75),       # English thousands, or a decimal comma
    ("2.750", 2.75, 2750.0),       # English decimal, or a thousands dot
    ("63,2", 63.2, None),          # a decimal comma: a comma before one digit groups nothing
    ("2.750.000", 2750000.0, None),
    ("2.750,5", 2750.5, None),
    ("2,750.5", 2750.5, None),
    ("2'750", 2750.0, None),       # Swiss apostrophe
    ("2\u202f750", 2750.0, None),  # narrow no-break space
    ("0,375", 0.375, None),        # a leading zero groups nothing
])
def test_separators_are_read_in_every_convention(word, value, alt):
    from srccompare.checks.quantities import read_figure
    assert read_figure(word) == (value, alt)


def test_a_decimal_comma_is_one_figure():
    ms = {m.text: m for m in mention("Turnout was 63,2% across the region.")}
    assert ms["63,2%"].value == pytest.approx(63.2)


LIBRARY = {
    "a": ["The new library holds 2,750 rare manuscripts.", "Turnout at the opening reached 63.2% of members."],
    "b": ["The new library holds 2,750 rare manuscripts.", "Turnout at the opening reached 63.2 percent of members."],
    "c": ["The new library holds 2.750 rare manuscripts.", "Turnout at the opening reached 63,2% of members."],
}


def test_localised_figures_equal_the_story_figure():
    _, flags = run(LIBRARY)
    assert flags == []


def test_an_ambiguous_figure_is_read_as_most_sources_print_it_in_either_direction():
    # Two sources print the Dutch "2.750", one the English "2,750": the same figure, no flag.
    texts = {"a": ["The new library holds 2.750 rare manuscripts."],
             "b": ["The new library holds 2.750 rare manuscripts."],
             "c": ["The new library holds 2,750 rare manuscripts."]}
    _, flags = run(texts)
    assert flags == []


def test_a_dropped_separator_changes_the_value_and_is_flagged():
    texts = {"a": ["The restoration cost €3.8 million, the council said."],
             "b": ["The restoration cost €3.8 million, the council said."],
             "c": ["The restoration cost 3.8 million euros, the council said."],
             "d": ["The restoration cost €38 million, the council said."]}
    _, flags = run(texts)
    assert [(f.source, f.text, f.expected) for f in flags] == [("d", "€38 million", "€3.8 million")]


@pytest.mark.parametrize("text", [
    "The crew started on Monday morning at 7.30 hour the repairs.",
    "The doors open at 9.15 on Friday.",
    "Trading resumed at 14:30 local time.",
])
def test_clock_times_are_not_quantities(text):
    assert [m for m in mention(text) if m.unit not in ("weekday",)] == []


def test_a_rate_or_price_after_at_is_still_a_figure():
    assert [m.unit for m in mention("The bank held its rate at 4.10%.")] == ["percent"]


# --- spurious pairings -----------------------------------------------------------------------

def test_a_figure_the_source_itself_gives_in_the_better_fitting_role_is_not_a_counterpart():
    # "built over six years" is another fact than "trained for three years", which the same source
    # also gives.
    texts = {"a": ["The lighthouse keepers were trained for three years.", "Other news."],
             "b": ["The lighthouse, built over six years by a local guild, reopened.",
                   "The keepers were trained for three years, the guild said."],
             "c": ["Keepers followed a training of three years.", "More."]}
    _, flags = run(texts, groups=[])
    assert flags == []


def test_a_one_digit_change_found_story_wide_needs_shared_words():
    # 3.1% forecast growth and 5.1% unemployment elsewhere share no words: different quantities.
    texts = {"a": ["Unemployment stood at 5.1% in June.", "Other news."],
             "b": ["Joblessness was 5.1% in June.", "More news."],
             "c": ["The agency raised its forecast for output growth to 3.1 per cent.",
                   "Unemployment stood at 5.1 per cent."]}
    _, flags = run(texts, groups=[])
    assert flags == []


def test_a_figure_in_a_sentence_dated_to_another_year_is_not_judged_one_against_one():
    texts = {"a": ["A magnitude 5.9 tremor shook the coast on Friday, killing 4 people.",
                   "A magnitude 7.8 tremor off the same coast in 1987 killed hundreds of people."],
             "b": ["The magnitude 5.9 tremor killed 4 people on the coast.", "Other news."]}
    _, flags = run(texts, groups=[])
    assert flags == []


# --- weekdays --------------------------------------------------------------------------------


# --- the calendar (invented stories: a port crane collapse, a ferry strike) -------------------

def run_dated(texts, published, groups=None, checks=QUANTITY_CHECKS):
    """``run`` with each listed source's publication day in its metadata (ISO date)."""
    from dataclasses import replace

    from srccompare.checks.base import CheckContext

    built = build(texts, groups)
    sources = {sid: replace(s, meta=replace(s.meta, date=published.get(sid))) for sid, s in built.sources.items()}
    ctx = CheckContext(sources=sources, alignment=built.alignment, settings=built.settings)
    flags = [f for check in checks for f in check.run(ctx)]
    check_offsets(ctx, flags)
    return ctx, flags


def test_other_sources_are_consulted_in_a_fixed_order_per_source():
    from srccompare.checks.quantity_consensus import _in_order

    others = {f"s{i}" for i in range(50)}
    first = _in_order("s7", others - {"s7"})
    assert first == _in_order("s7", set(reversed(sorted(others - {"s7"}))))
    assert first != _in_order("s8", others - {"s8"})[:len(first)]


# --- session 2: separators a source shows itself, unit swaps, dates worded from the report's day --
# (invented stories: a desalination plant, a glacier expedition, a bridge closure, a chess match)

def test_a_source_reads_its_ambiguous_figures_in_the_convention_it_shows_elsewhere():
    # Three English reports print "2,300 litres" beside a dot decimal ("6.5 metres"); the fourth
    # prints "2.3" for the same quantity: a lost thousands group, not a format.
    texts = {"a": ["The plant pumps 2,300 litres a second from a pipe 6.5 metres wide."],
             "b": ["Its pumps move 2,300 litres a second through a 6.5 metres wide pipe."],
             "c": ["The plant moves 2,300 litres a second, the operator said, through 6.5 metres of pipe."],
             "d": ["The plant pumps 2.3 litres a second from a pipe 6,5 metres wide."]}
    _, flags = run(texts)
    assert [(f.source, f.text) for f in flags] == [("d", "2.3")]


def test_a_comma_decimal_source_keeps_its_dot_thousands():
    texts = {"a": ["The plant pumps 2,300 litres a second from a pipe 6.5 metres wide."],
             "b": ["Its pumps move 2,300 litres a second through a 6.5 metres wide pipe."],
             "c": ["The plant pumps 2.300 litres a second from a pipe 6,5 metres wide."]}
    _, flags = run(texts)
    assert flags == []


@pytest.mark.parametrize("text, value", [
    ("The club was fined 75 000 francs.", 75000.0),
    ("The club was fined 1 250 000 francs.", 1250000.0),
])
def test_plain_spaces_group_thousands(text, value):
    ms = [m for m in mention(text) if m.unit == "cur:CHF"]
    assert len(ms) == 1 and ms[0].value == value


def test_a_day_before_a_space_is_not_a_thousands_group():
    got = {m.text: m for m in mention("The fair opens on May 3 250 stalls will be ready.")}
    assert got["May 3"].value == (5, 3) and "250 stalls" not in got


def test_half_a_scale_word_is_half_of_it():
    ms = mention("The haul was worth more than half a billion dollars.")
    assert len(ms) == 1 and ms[0].value == 5e8 and ms[0].lo == 5e8 and ms[0].hi == pytest.approx(7.5e8)


def test_temperatures_are_their_own_units():
    got = {m.text: m for m in mention("It hit 38.4C at noon, or 101 degrees Fahrenheit (38 °C), in the valley.")}
    assert got["38.4C"].unit == "temp:C" and got["101 degrees Fahrenheit"].unit == "temp:F"


def test_the_same_figure_with_another_time_unit_is_a_conflict():
    texts = {"a": ["The climbers spent 9 days on the ice shelf before the storm, the team said."],
             "b": ["Before the storm the climbers had been on the ice shelf for 9 days."],
             "c": ["The climbers spent 9 weeks on the ice shelf before the storm."]}
    _, flags = run(texts, groups=[[("a", 0), ("b", 0)], [("c", 0)]])
    assert [(f.source, f.text, f.expected) for f in flags] == [("c", "9 weeks", "9")]


def test_a_figure_in_another_unit_elsewhere_in_the_story_is_no_swap():
    # Nine days on the ice and nine weeks of training are two facts that share no sentence words.
    texts = {"a": ["The climbers spent 9 days on the ice shelf before the storm."],
             "b": ["Before the storm the climbers had been on the ice shelf for 9 days."],
             "c": ["Sponsors paid for 9 weeks of training in Norway."]}
    _, flags = run(texts, groups=[[("a", 0), ("b", 0)], [("c", 0)]])
    assert flags == []


def test_a_bracketed_conversion_says_which_figure_another_unit_belongs_to():
    # "$2.2 billion (about 2 billion euros)": a report printing "$2 billion" gave the euro figure
    # the dollar sign.
    texts = {"a": ["The bridge will cost $2.2 billion (about 2 billion euros), the ministry said."],
             "b": ["The ministry put the cost of the bridge at $2.2 billion."],
             "c": ["Officials say the new crossing is worth $2 billion."]}
    _, flags = run(texts, groups=[[("a", 0), ("b", 0)], [("c", 0)]])
    assert [(f.source, f.text, f.expected) for f in flags] == [("c", "$2 billion", "$2.2 billion")]


def test_a_conversion_in_brackets_is_no_conflict_itself():
    texts = {"a": ["The bridge will cost $2.2 billion (about 2 billion euros), the ministry said."],
             "b": ["The bridge will cost 2 billion euros, the ministry said."],
             "c": ["The ministry put the cost of the bridge at $2.2 billion."]}
    _, flags = run(texts)
    assert flags == []


# --- session 2, fourth pass: look-back leads, spans, swapped day and month, time of day ----------


# --- round 3: durations, numeric dates, conversions, parts of a count ----------------------------

def test_a_duration_in_several_units_is_one_quantity_in_seconds():
    got = {m.text: m for m in mention("The climber reached the summit in 5 hours 3 minutes 9 seconds, "
                                      "and cut one minute and 20 seconds off the old mark.")}
    assert got["5 hours 3 minutes 9 seconds"].value == 5 * 3600 + 3 * 60 + 9
    assert got["one minute and 20 seconds"].value == 80
    assert got["one minute and 20 seconds"].measure == ("time", "second")
    # A race time with seconds is a duration; a clock time is no quantity.
    got = {m.text: m for m in mention("The rower finished in 1:07:45, the boats had left at 10:30.")}
    assert got["1:07:45"].value == 3600 + 7 * 60 + 45
    assert "10" not in got and "30" not in got
    # Units that grow ("3 minutes 2 hours") are two quantities.
    assert len([m for m in mention("It took 3 minutes 2 hours later it rained.") if m.unit == "count"]) == 2


def test_an_equivalent_duration_is_no_conflict_and_a_race_time_slip_is():
    # Trap: "1 minute 20 seconds off" is the others' "80 seconds off".
    texts = {"a": ["The rower took 80 seconds off the course record, finishing in 1:07:45."],
             "b": ["She took 80 seconds off the course record and finished in 1:07:45."],
             "c": ["Finishing in 1 hour 7 minutes 45 seconds, she took 1 minute 20 seconds off the course record."]}
    _, flags = run(texts)
    assert flags == []
    texts["c"] = ["She took 80 seconds off the course record, finishing in 1:07:54."]
    _, flags = run(texts)
    assert [(f.source, f.text, f.expected) for f in flags] == [("c", "1:07:54", "1:07:45")]


def test_a_numeric_date_is_not_a_figure_that_tells_the_convention():
    # "25.10.2026" is no decimal "25.10": the source's "40.000 kroner" stays ambiguous and the
    # story reads it as forty thousand.
    got = mention("Oslo, 25.10.2026. The winner receives 40.000 kroner.")
    assert [m.text for m in got if m.unit == "year"] == ["2026"]
    assert not any(m.text.startswith("25") for m in got if not m.is_date)
    # Its day and month are a date (dots print day, month, year in that order).
    assert [(m.text, m.value) for m in got if m.unit == "date"] == [("25.10.2026", (10, 25))]
    texts = {"a": ["Published 25.10.2026.", "The winner of the regatta receives 40.000 euros from the city."],
             "b": ["Published October 25, 2026.", "The city gives the winner of the regatta 40,000 euros."],
             "c": ["Published October 25, 2026.", "The regatta winner receives 40,000 euros from the city."]}
    _, flags = run(texts)
    assert [f for f in flags if f.kind == Kind.NUMBER_CONFLICT] == []


def test_a_bracketed_conversion_takes_the_role_of_the_figure_it_converts():
    got = mention("The vase sold for HK$52.4 million (US$6.7 million) after a long bidding war.")
    conv = next(m for m in got if m.text == "US$6.7 million")
    assert {"sold", "vase"} <= conv.context
    # The currency signs and scale words of one figure are no context of another.
    est = next(m for m in mention("It was estimated at HK$30 million to HK$40 million.") if m.text == "HK$30 million")
    assert "hk" not in est.context and "million" not in est.context


def test_a_part_of_a_count_is_not_the_total():
    # Trap: "14 other passengers" plus the driver are the others' 15.
    texts = {"a": ["The bus carried 15 passengers when it left the road near the pass."],
             "b": ["When it left the road near the pass, the bus carried 15 passengers."],
             "c": ["The driver and 14 other passengers were on the bus when it left the road near the pass."]}
    _, flags = run(texts)
    assert flags == []
    assert next(m for m in mention("Seven more passengers were hurt.") if m.value == 7).subset


def test_a_race_time_slips_in_its_printed_digits():
    # Two digits swapped as printed ("2:41:27" for "2:14:27") are a slip, though the two counts of
    # seconds (9687 / 8067) share no digit pattern.
    texts = {"a": ["The rower finished the river race in 2:14:27 on a cold morning."],
             "b": ["On a cold morning the rower finished the river race in 2:14:27."],
             "c": ["The rower finished the river race in 2:41:27 on a cold morning."]}
    _, flags = run(texts)
    assert [(f.source, f.text, f.expected) for f in flags] == [("c", "2:41:27", "2:14:27")]


def test_a_measure_after_a_name_is_a_figure_and_a_model_number_is_not():
    # Invented story: a sentencing list. "Anna Berg 12 years" is a sentence length; "Airbus 320"
    # and "Route 66" stay parts of names.
    got = {m.text: m for m in mention("Jon Dahl received nine years, Anna Berg 12 years and Ola Lind 40 months.")}
    assert got["12"].value == 12 and got["12"].head == "year"
    assert got["40"].head == "month"
    assert [m for m in mention("The Airbus 320 jets flew along Route 66 again.") if m.unit != "year"] == []


def test_a_source_giving_both_figures_of_a_noun_did_not_slip_one():
    # Invented story: a fraud trial. "nine years" is the sentence and "14 years" what prosecutors
    # sought; a source that gives both, with another source giving its "nine years" too, is not
    # contradicted when its sentence is aligned with the others' sought term.
    texts = {"b": ["Prosecutors had sought 14 years for the banker, who got nine years from the judge."],
             "c": ["Prosecutors sought 14 years for the banker."],
             "d": ["Prosecutors wanted 14 years for the banker."],
             "f": ["Prosecutors asked for 14 years for the banker."],
             "e": ["The banker got nine years from the judge.", "Prosecutors had asked for 14 years."]}
    _, flags = run(texts)
    assert [(f.source, f.text) for f in flags] == []
    texts["e"] = ["The banker got 19 years from the judge."]
    _, flags = run(texts)
    assert [(f.source, f.text) for f in flags] == [("e", "19")]


# --- session 3: scale words, fractions, speeds and volumes, parts of groups ---------------------

@pytest.mark.parametrize("text, unit, value, lo, hi", [
    # South Asian scale words: a lakh is 100,000, a crore ten million; two-part figures add up.
    ("Some 3.4 lakh farmers joined the protest.", "count", 340000.0, None, None),
    ("The state paid 25 crore rupees in relief.", "cur:INR", 2.5e8, None, None),
    ("Headline: 3 lakh 40 thousand farmers on the roads", "count", 340000.0, None, None),
    # Dozens round like "about": "four dozen" allows 15% either side of 48.
    ("Four dozen schools stayed closed.", "count", 48.0, 48 * 0.85, 48 * 1.15),
    ("The festival drew a dozen bands.", "count", 12.0, 12 * 0.85, 12 * 1.15),
    # Fractions in words are their own kind of quantity.
    ("The treaty needs a three-quarters majority.", "fraction", 0.75, None, None),
    ("It passed with a majority of two thirds.", "fraction", 2 / 3, None, None),
])
def test_scale_words_dozens_and_fractions_are_read(text, unit, value, lo, hi):
    got = [m for m in mention(text) if m.unit not in ("year", "bare")]
    assert len(got) == 1
    m = got[0]
    assert (m.unit, m.value) == (unit, pytest.approx(value))
    if lo is not None:
        assert (m.lo, m.hi) == (pytest.approx(lo), pytest.approx(hi))


@pytest.mark.parametrize("text", [
    "the second of two third-place teams",   # "two third": no fraction
    "one thirds of nothing",                  # numerator and plural disagree
])
def test_words_that_only_look_like_fractions_are_not_fractions(text):
    assert [m for m in mention(text) if m.unit == "fraction"] == []


@pytest.mark.parametrize("text, measure", [
    ("Gusts reached 95 km/h on the ridge.", ("speed", "km/h")),
    ("Gusts reached 95 kilometres per hour on the ridge.", ("speed", "km/h")),
    ("Gusts reached 95 mph on the ridge.", ("speed", "mi/h")),
    ("The ridge trail is 95 kilometres long.", ("length", "km")),
    ("Each vial holds 250 ml of serum.", ("volume", "ml")),
    ("Each vial holds 250 litres of serum.", ("volume", "l")),
])
def test_speeds_and_volumes_are_units_of_their_own_dimension(text, measure):
    got = [m for m in mention(text) if m.unit == "count"]
    assert [m.measure for m in got] == [measure]


def test_a_speed_or_volume_in_another_unit_is_flagged():
    # Invented story: a storm over a ski resort and a vaccine shipment.
    texts = {"a": ["Gusts of 95 km/h closed the lifts, and each vial holds 250 ml of serum."],
             "b": ["Winds gusting at 95 kilometres per hour closed the lifts; each vial holds 250 ml."],
             "c": ["Gusts of 95 mph closed the lifts, and each vial holds 250 litres of serum."]}
    _, flags = run(texts)
    assert sorted((f.source, f.text) for f in flags) == [("c", "250 litres"), ("c", "95 mph")]


def test_fractions_dozens_and_lakhs_disagree_only_when_their_values_do():
    # Invented story: a referendum rule, a school strike and a relief fund.
    texts = {"a": ["The charter needs a two-thirds majority.", "Some 30 schools joined the strike.",
                   "The fund paid 5.6 lakh rupees to families."],
             "b": ["The charter needs a two-thirds majority of members.", "Some 30 schools joined the strike.",
                   "The fund paid 560,000 rupees to families."],
             "c": ["The charter needs a three-quarters majority.", "Four dozen schools joined the strike.",
                   "The fund paid 56 lakh rupees to families."],
             "d": ["The charter needs a majority of two thirds.", "More than two dozen schools joined the strike.",
                   "The fund paid 5,60,000 rupees to families."]}
    _, flags = run(texts)
    assert sorted((f.source, f.text) for f in flags) == [
        ("c", "56 lakh rupees"), ("c", "Four dozen"), ("c", "three-quarters")]


def test_slips_in_the_digits_of_large_figures():
    from srccompare.checks.quantity_consensus import _figure_slip, _one_digit_changed

    # "$53.0 million" for $50.3 million: two digits swapped inside a large figure.
    assert _figure_slip(53.0e6, 50.3e6)
    # A factor of ten is no one-digit change, however the figures print in exponent notation.
    big, small = mention("a fine of $2.35 billion")[0], mention("a fine of $235 million")[0]
    assert not _one_digit_changed(big, small)
    texts = {"a": ["The painting sold for US$50.3 million, the auction house said."],
             "b": ["The auction house sold the painting for US$50.3 million."],
             "c": ["The painting fetched US$53.0 million at the auction house."]}
    _, flags = run(texts)
    assert [(f.source, f.text) for f in flags] == [("c", "US$53.0 million")]


def test_a_part_of_a_group_is_not_the_groups_count():
    # Invented story: a bus crash. "Four of the injured", "two of six exits", "three of them" count
    # a part of a group; "17 of these partners" may still be the total.
    assert [m.subset for m in mention("Four of the injured were children.")] == [True]
    assert [m.subset for m in mention("Two of six exits were locked.") if m.value == 2] == [True]
    assert [m.subset for m in mention("Eleven were hurt, three of them badly.") if m.value == 3] == [True]
    assert [m.subset for m in mention("talks with 17 of these partners")] == [False]
    # Two parts of one group still disagree: "three of the five gates" against "two of the five".
    texts = {"a": ["Two of the five gates were shut, the inquiry found."],
             "b": ["Two of the five gates were shut, inspectors found."],
             "c": ["Three of the five gates were shut, the inquiry found."]}
    _, flags = run(texts)
    assert [(f.source, f.text) for f in flags] == [("c", "Three")]


def test_a_bare_figure_in_a_matching_clause_supports_a_count():
    # Invented story: a storm. "two were killed when a wall collapsed" (no noun after the figure)
    # is those sources' word for the "two people died when a wall collapsed" of the first: the
    # storm's nine dead are not its counterpart.
    texts = {"a": ["The storm left nine dead across the region.", "In Tula, two people died when a wall collapsed on them."],
             "b": ["The storm killed nine people; two were killed when a wall collapsed in Tula."],
             "c": ["Nine people died; two were killed when a wall fell in Tula, officials said."],
             "d": ["Nine people died in the storm, officials said."]}
    groups = [[("a", 0), ("a", 1), ("b", 0), ("c", 0), ("d", 0)]]
    _, flags = run(texts, groups)
    assert flags == []
    # Without the bare figures, the nine dead are the only counterparts: a (wrong) flag.
    texts["b"] = ["The storm killed nine people in the region."]
    texts["c"] = ["Nine people died, officials said."]
    _, flags = run(texts, groups)
    assert [(f.source, f.text) for f in flags] == [("a", "two")]


def test_a_figure_dated_to_another_year_is_background():
    # Invented story: a flood in 2025; "a flood in 1998 killed about 3,000 people" is history.
    texts = {"a": ["The flood killed 14 people on Sunday, officials said."],
             "b": ["The flood killed 14 people in the delta, officials said."],
             "c": ["The flood struck the delta on Sunday.",
                   "A flood in 1998 killed about 3,000 people in the delta."]}
    pub = {"a": "2025-10-27", "b": "2025-10-27", "c": "2025-10-27"}
    _, flags = run_dated(texts, pub, groups=[[("a", 0), ("b", 0), ("c", 1)]])
    assert flags == []
    # Undated, the same sentence is the story's figure: flagged.
    texts["c"][1] = "A flood killed about 3,000 people in the delta."
    _, flags = run_dated(texts, pub, groups=[[("a", 0), ("b", 0), ("c", 1)]])
    assert [(f.source, f.text) for f in flags] == [("c", "3,000")]


def test_a_source_giving_the_consensus_figure_itself_counts_another_group_with_its_other_one():
    # Invented story: an evacuation. The third report gives the national figure and its province's.
    texts = {"a": ["The authorities evacuated 200,000 people across the region."],
             "b": ["Officials said 200,000 people were evacuated across the region."],
             "c": ["Nearly 200,000 people had left their homes by Monday.",
                   "The province evacuated 30,000 people across the region."]}
    groups = [[("a", 0), ("b", 0), ("c", 0)], [("c", 1)]]  # found story-wide, not aligned
    _, flags = run(texts, groups)
    assert flags == []
    # Worded like the others' and aligned with them, the differing figure is flagged as before.
    texts2 = {"a": ["The plant employs 4,000 workers, the union said."],
              "b": ["The union said the plant employs 4,000 workers."],
              "c": ["The plant's 4,000 workers face cuts.", "The plant employs 2,500 workers, the union said."]}
    _, flags = run(texts2, [[("a", 0), ("b", 0), ("c", 1)], [("c", 0)]])
    assert [(f.source, f.text) for f in flags] == [("c", "2,500")]
    # A slip of the consensus figure is still flagged, whatever the source says elsewhere.
    texts["c"][1] = "The province evacuated 20,000 people across the region."
    _, flags = run(texts, groups)
    assert [(f.source, f.text) for f in flags] == [("c", "20,000")]


# --- session 3: the calendar checks a date against its own printed weekday ----------------------


def test_a_hedge_that_allows_both_figures_does_not_clear_one_two_exact_sources_contradict():
    # Invented story: a quarry blast. "At least five" allows both the others' five and a "Seven".
    texts = {"a": ["Five workers were killed in the quarry blast, the operator said."],
             "b": ["Five workers died in the quarry blast, the operator said."],
             "c": ["At least five workers were killed in the quarry blast, the operator said."],
             "d": ["Seven workers were killed in the quarry blast, the operator said."]}
    _, flags = run(texts)
    assert [(f.source, f.text) for f in flags] == [("d", "Seven")]
    # One exact source against it is no majority: the hedge still clears it.
    del texts["b"]
    _, flags = run(texts)
    assert flags == []


def test_a_year_that_qualifies_a_noun_dates_no_other_time():
    # Invented story: a laptop recall in 2025 of "the 2021-2023 models"; a slip is still flagged.
    texts = {"a": ["Norvik is recalling 512,000 laptops over a battery fault."],
             "b": ["The maker recalls 512,000 laptops with a battery fault."],
             "c": ["Norvik recalls 51,200 laptops from the 2021-2023 model years over a battery fault."]}
    pub = {"a": "2025-08-14", "b": "2025-08-14", "c": "2025-08-14"}
    _, flags = run_dated(texts, pub)
    assert [(f.source, f.text) for f in flags] == [("c", "51,200")]
    # Dated to another year ("in 2019"), the sentence is background.
    texts["c"] = ["In 2019 Norvik recalled 51,200 laptops over a battery fault."]
    _, flags = run_dated(texts, pub)
    assert flags == []


def test_a_hedged_sibling_that_merely_allows_the_counterpart_does_not_claim_it():
    # Invented story: a club vote. The third report's "about 80 percent" in the league does not
    # make the others' "71.5 percent" of the club the counterpart of its league figure.
    texts = {"a": ["Only 71.5 percent of the club's 300 members voted, against about 80 percent in the league."],
             "b": ["Only 71,5 percent of the club's 300 members voted, against about 80 percent league-wide."],
             "c": ["Only 17.5 percent of the club's 300 members voted, against about 80 percent in the league."]}
    _, flags = run(texts)
    assert [(f.source, f.text) for f in flags] == [("c", "17.5 percent")]


def test_a_factor_of_ten_between_nouns_worded_differently_is_a_slip_but_a_conversion_is_not():
    # Invented story: a dam alert. "about 16,000 customers" is a slip of the 1,600 households the
    # others give (outlets word the counted thing their own way); "7,200 kg" is 7.2 tonnes.
    assert [m.measure for m in mention("It flooded 23 square kilometres of fields.")] == [("area", "km")]
    assert [m.measure for m in mention("It released 420 cubic metres of water.")] == [("volume", "m")]
    assert [m.measure for m in mention("It flooded 2,300 hectares of fields.")] == [("area", "ha")]
    texts = {"a": ["Some 1,600 households were evacuated below the dam, and 7.2 tonnes of fish died.", "Other news."],
             "b": ["The dam alert emptied 1,600 households in the valley.", "More news."],
             "c": ["Police evacuated 1,600 households near the river.", "Still more."],
             "d": ["The utility said about 16,000 customers were evacuated below the dam.",
                   "About 7,200 kg of fish died in the river."]}
    _, flags = run(texts, groups=[[("a", 0), ("d", 0)], [("b", 0)], [("c", 0)], [("d", 1)]])
    assert [(f.source, f.text) for f in flags] == [("d", "16,000")]


def test_figures_in_two_units_of_one_dimension_are_not_counterparts():
    # Invented story: a sluice opened to 300 cubic metres a second, "about 10,600 cubic feet" in
    # one report, and a rain total of 150 litres that one report gives as "15 centimetres".
    texts = {"a": ["The sluice released 300 cubic metres per second after 150 litres of rain fell per square metre."],
             "b": ["The sluice released 300 cubic metres per second after 150 litres of rain fell."],
             "c": ["The sluice released about 10,600 cubic feet per second after 15 centimetres of rain fell."]}
    _, flags = run(texts)
    assert flags == []


def test_a_source_giving_the_figure_in_both_units_tells_two_quantities():
    # Invented story: tickets sold out "in four hours", the fastest sell-out "in four years". The
    # source that gives both did not print the hours as years; one that gives only "four minutes"
    # for the sell-out slipped the unit.
    texts = {"a": ["Tickets for the final sold out in four hours, the club said.",
                   "It was the fastest sell-out at the stadium in four years, the club said."],
             "b": ["Tickets for the final sold out in four hours at the stadium, the club said."],
             "c": ["All tickets for the stadium final sold out in four hours, according to the club."]}
    _, flags = run(texts)
    assert flags == []
    texts["a"] = ["Tickets for the final sold out in four minutes, the club said."]
    _, flags = run(texts)
    assert [(f.source, f.text) for f in flags] == [("a", "four minutes")]


# --- session 4: scales in two parts, amounts after a name, a headcount beside new jobs ---------
# (Invented stories: a port expansion in Busan, a telecom fine in Lima, a battery plant in Ohio.)

@pytest.mark.parametrize("text, value", [
    ("the expansion will cost 2 trillion 400 billion won", 2.4e12),
    ("the expansion will cost 2.4 trillion won", 2.4e12),
    ("one million and 600 thousand containers passed", 1.6e6),
    ("a toll of 3 crore 40 lakh rupees", 3.4e7),
])
def test_a_figure_told_in_two_scales_is_one_figure(text, value):
    got = [m for m in mention(text) if m.unit != "bare"]
    assert len(got) == 1 and got[0].value == pytest.approx(value)


def test_two_figures_of_a_range_are_not_one_figure_in_two_scales():
    got = sorted(m.value for m in mention("between 2 million and 500 thousand containers a year"))
    assert got == [500_000.0, 2_000_000.0]


def test_a_figure_after_a_name_with_a_scale_is_an_amount_and_a_scale_alone_is_none():
    got = mention("The regulator fined Movilux 40 million soles on Friday.")
    assert [(m.text, m.value) for m in got if m.unit not in ("weekday",)] == [("40 million", 4e7)]
    texts = {"a": ["The regulator fined Movilux 40 million soles on Friday over dropped calls."],
             "b": ["Regulators fined operator Movilux 40 million soles over dropped calls."],
             "c": ["Movilux was fined 40 million soles by the regulator over dropped calls."],
             "d": ["The regulator fined Movilux 4 million soles on Friday over dropped calls."]}
    _, flags = run(texts)
    assert [(f.source, f.text, f.expected) for f in flags] == [("d", "4 million", "40 million")]


def test_two_scales_restate_the_others_figure_and_are_no_conflict():
    texts = {"a": ["The port expansion will cost 2.4 trillion won, the ministry said."],
             "b": ["The ministry put the cost of the port expansion at 2.4 trillion won."],
             "c": ["The total cost of the port expansion is 2 trillion 400 billion won, the ministry said."]}
    _, flags = run(texts)
    assert flags == []


def test_a_headcount_beside_the_new_jobs_the_others_give_is_another_quantity():
    texts = {"a": ["The battery plant will hire about 900 people when it opens in 2028."],
             "b": ["Officials said the plant would employ about 900 people at full output."],
             "c": ["Once running, the factory is expected to employ around 900 people."],
             "d": ["The plant is expected to create about 900 new jobs in the county.",
                   "The group already employs about 3,100 people in Ohio."]}
    _, flags = run(texts)
    assert flags == []
    # Without its own 900 the source's 3,100 is still judged against the others'.
    texts["d"] = ["The plant is expected to employ about 3,100 people in the county."]
    _, flags = run(texts)
    assert [(f.source, f.text) for f in flags] == [("d", "3,100")]


@pytest.mark.parametrize("text, unit, value", [
    ("the bank was fined 4.5 million US dollars", "cur:USD", 4.5e6),
    ("a fine of 15,000 Swiss francs", "cur:CHF", 15_000.0),
    ("the city will spend 3.4 trillion pesos on roads", "cur:PESO", 3.4e12),
    ("a penalty of 80 million shillings", "cur:SHILLING", 8e7),
    ("it raised 5 million Canadian dollars", "cur:CANADIAN-DOLLAR", 5e6),
])
def test_currencies_are_read_by_name_and_by_country(text, unit, value):
    got = [m for m in mention(text) if m.unit.startswith("cur:")]
    assert [(m.unit, m.value) for m in got] == [(unit, pytest.approx(value))]


def test_an_amount_in_a_named_currency_slipped_by_a_scale_is_flagged():
    # Invented story: a road budget in Medellin.
    texts = {"a": ["The city will spend 3.4 trillion pesos on new roads, the mayor said."],
             "b": ["The mayor said 3.4 trillion pesos would go to new roads."],
             "c": ["New roads will cost the city 3.4 trillion pesos, said the mayor."],
             "d": ["The city will spend 3.4 billion pesos on new roads, the mayor said."]}
    _, flags = run(texts)
    assert [(f.source, f.text, f.expected) for f in flags] == [("d", "3.4 billion pesos", "3.4 trillion pesos")]


@pytest.mark.parametrize("text, unit, value", [
    ("a fine of shillings 80,000 was imposed", "cur:SHILLING", 8e4),
    ("debts of PLN 40 million", "cur:ZLOTY", 4e7),
    ("debts of 40 million zł", "cur:ZLOTY", 4e7),
    ("debts of 40 million zlotys", "cur:ZLOTY", 4e7),
])
def test_currency_codes_and_names_before_a_figure(text, unit, value):
    got = [m for m in mention(text) if m.unit.startswith("cur:")]
    assert [(m.unit, m.value) for m in got] == [(unit, pytest.approx(value))]


@pytest.mark.parametrize("text", ["they try 3 times a day", "he won 3 medals", "5 mad dogs"])
def test_lower_case_words_that_look_like_codes_are_no_currency(text):
    assert not any(m.unit.startswith("cur:") for m in mention(text))


def test_a_figure_opening_a_list_counts_what_happens_after_the_list():
    # Invented story: a flood in Tbilisi.
    got = mention("About 900 residents, shop owners and students were moved out of the valley, officials said.")
    assert {"resident", "student", "moved"} <= got[0].context
    texts = {"a": ["About 900 residents, shop owners and students were moved out of the valley on Monday."],
             "b": ["Officials moved about 900 people out of the flooded valley."],
             "c": ["Some 900 people were moved out of the valley, officials said."],
             "d": ["About 9,000 people were moved out of the valley, officials said."]}
    _, flags = run(texts)
    assert [(f.source, f.text) for f in flags] == [("d", "9,000")]
    # A figure after a verb keeps its own clause: "killing 23 people, injuring 140".
    got = {m.text: m for m in mention("The blast tore through the market, killing 23 people, injuring 140.")}
    assert got["23"].casualty == "⟨killed⟩" and got["140"].casualty == "⟨injured⟩"


def test_scale_abbreviations_of_other_languages_scale_the_figure():
    # Invented story: a ferry repair in Aalborg, a Danish paper translated.
    assert [(m.unit, m.value) for m in mention("the repair will cost around DKK 25 mio.")] == [("cur:CROWN", 2.5e7)]
    texts = {"a": ["The ferry repair will cost around DKK 25 mio. and take three weeks."],
             "b": ["The repair of the ferry will cost about 25 million Danish crowns."],
             "c": ["The ferry repair is expected to cost roughly DKK25m."]}
    _, flags = run(texts)
    assert flags == []


def test_a_present_tense_predicate_after_a_year_tells_todays_figure():
    # Invented story: a ferry terminal closes for repairs in 2026. "opened in 1998 and handles
    # 3,600 passengers a day" tells today's traffic: a swapped figure there is a slip.
    texts = {"a": ["The terminal handles about 6,300 passengers a day, the port authority said."],
             "b": ["According to the port authority, the terminal handles 6,300 passengers per day."],
             "c": ["The terminal opened in 1998 and handles about 3,600 passengers a day, the port authority said."]}
    pub = {"a": "2026-03-02", "b": "2026-03-02", "c": "2026-03-02"}
    _, flags = run_dated(texts, pub)
    assert [(f.source, f.text) for f in flags] == [("c", "3,600")]
    # "also" or "still" before the verb changes nothing.
    texts["c"] = ["The terminal opened in 1998 and still handles about 3,600 passengers a day, the port authority said."]
    _, flags = run_dated(texts, pub)
    assert [(f.source, f.text) for f in flags] == [("c", "3,600")]
    # A past-tense second predicate is still told of that year: background.
    texts["c"] = ["The terminal opened in 1998 and handled about 3,600 passengers a day, the port authority said."]
    _, flags = run_dated(texts, pub)
    assert flags == []
    # So is a sentence the year opens.
    texts["c"] = ["In 1998 the terminal opened and handles about 3,600 passengers a day, the port authority said."]
    _, flags = run_dated(texts, pub)
    assert flags == []


def _mentions_of(source, text):
    p = Passage(id=f"{source}:0", source=source, index=0, start=0, end=len(text), text=text)
    return mentions_in(p)


def test_a_hedged_figure_slips_like_an_exact_one():
    # Invented story: a new cycle path. The blog's "about 48 km" is a factor of ten off the 4.8 km
    # two others print exactly: the hedge is the writer's word, the figure under it slipped.
    from srccompare.checks.quantity_consensus import MentionIndex

    ms = (_mentions_of("a", "The council opened a 4.8 km cycle path along the canal.")
          + _mentions_of("b", "Officials said the 4.8 km path cost less than planned.")
          + _mentions_of("c", "Crews built about 48 km of cycle path along the canal."))
    index = MentionIndex(ms)
    hedged = next(m for m in ms if m.source == "c")
    assert hedged.hedge == "about"
    assert sorted((c.source, c.text) for c in index.slips(hedged)) == [("a", "4.8"), ("b", "4.8")]


def test_a_count_of_another_noun_inside_the_interval_does_not_vouch_for_a_measure():
    # "in 45 days" measures time: it falls inside "about 48 km" but says nothing of the length.
    from srccompare.checks.quantity_consensus import _other_measure

    km = next(m for m in mention("Crews built about 48 km of cycle path.") if m.text.startswith("48"))
    days = next(m for m in mention("The path took 45 days to build.") if m.text == "45")
    metres = next(m for m in mention("The path is 48,000 metres long.") if m.text == "48,000")
    km2 = next(m for m in mention("A 47 km path was planned.") if m.text == "47")
    assert km.measure == ("length", "km") and days.measure == ("time", "day")
    assert _other_measure(km, days) and _other_measure(km, metres)
    assert not _other_measure(km, km2)


def test_how_often_something_recurs_is_no_length_of_time():
    # Invented story: a water utility. "bills are sent every 30 days" in one report is no slip of
    # the "45 days to pay" two others give; "45 days" there is a length of time.
    assert [m.head for m in mention("Bills are sent every 30 days.")] == ["every day"]
    assert [m.head for m in mention("Customers have 45 days to pay.")] == ["day"]
    texts = {"a": ["The utility gave customers 45 days to pay the disputed bills."],
             "b": ["Customers have 45 days to pay the disputed bills, the utility said."],
             "c": ["The utility said disputed bills, sent every 30 days, can be paid in instalments."]}
    _, flags = run(texts)
    assert flags == []
    # A length of time printed as one is still judged.
    texts["c"] = ["The utility gave customers 30 days to pay the disputed bills."]
    _, flags = run(texts)
    assert [(f.source, f.text) for f in flags] == [("c", "30")]
