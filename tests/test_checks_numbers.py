"""number_conflict / date_conflict: planted disagreements are flagged; equal values in other
spellings, hedges, ranges and different quantities are not."""

from __future__ import annotations

import pytest

from srccompare.checks.numbers import NumberCheck, consistent, mentions_in
from srccompare.models import Kind, Passage
from tests.discrepancy_story import build, check_offsets


def run(texts, groups=None):
    ctx = build(texts, groups)
    flags = list(NumberCheck().run(ctx))
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


def test_dates_weekdays_and_hedges():
    got = {m.text: m for m in mention(
        "On May 8 and 8 May, from Friday to Monday, on Saturday and Sunday, about 1% and more than 80 or 90 percent.")}
    assert got["May 8"].value == got["8 May"].value == (5, 8)
    assert consistent(got["Friday to Monday"], got["Saturday and Sunday"])
    assert not got["1%"].exact and got["1%"].lo < 1 < got["1%"].hi
    assert got["80 or 90 percent"].lo == 80 and got["80 or 90 percent"].hi == pytest.approx(135)


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
