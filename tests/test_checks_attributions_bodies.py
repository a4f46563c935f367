"""attribution_conflict between bodies: a statement credited to another institution than the
other sources credit, where no personal name settles it.

Invented stories (an acid spill in the Lusava river, floods on the Ostrel railway) unlike any
development case: a description standing for the body its paragraph named ("The agency said"),
a one-word body that is no person's surname, and a source's several members of one group read
together as its report."""

from __future__ import annotations


import pytest

from srccompare.checks.attributions import AttributionCheck, SamePerson, _described_body, speaking_names
from srccompare.checks.speech import analyse
from srccompare.models import Kind
from tests.discrepancy_story import build, loosely, flag_texts


def run(ctx):
    return flag_texts(AttributionCheck(), ctx, Kind.ATTRIBUTION_CONFLICT)


# -- "the agency" stands for the body its paragraph named -----------------------------------------

def spill(b: str, c: str) -> dict[str, list[str]]:
    return {
        "a": ["A tanker spilled 3,000 litres of acid into the Lusava river near a Hydrocon pumping station on Monday.",
              "Hydrocon said the water intake at Brenno would stay closed until Friday."],
        "b": ["Acid leaked into the Lusava river on Monday after a tanker overturned.", b],
        "c": ["The Lusava was polluted by acid from an overturned tanker on Monday.", c],
    }


AGENCY = "Hydrocon director Pavel Ostrik visited the site. The agency said the Brenno intake would stay closed until Friday."
MINISTRY = "According to the Environment Ministry, the water intake at Brenno will stay closed until Friday."


def test_a_description_of_the_body_its_paragraph_named_is_a_witness():
    assert run(build(spill(AGENCY, MINISTRY))) == [("c", "the Environment Ministry")]


def test_without_the_description_one_witness_is_too_few():
    b = "Pavel Ostrik visited the site and said the Brenno intake would stay closed until Friday."
    assert run(build(spill(b, MINISTRY))) == []


def test_a_description_is_never_judged_itself():
    # "The agency" reads as Hydrocon, but the reading is a guess: it is not flagged against the
    # two sources that credit the ministry.
    texts = spill(AGENCY, MINISTRY)
    texts["a"][1] = "The Environment Ministry said the water intake at Brenno would stay closed until Friday."
    texts["d"] = ["Acid reached the Lusava on Monday.", "The Environment Ministry said the intake would stay closed until Friday."]
    assert run(build(texts)) == []


def test_a_speaker_holding_the_descriptions_noun_may_be_that_body():
    c = "According to the National Water Agency, the water intake at Brenno will stay closed until Friday."
    assert run(build(spill(AGENCY, c))) == []


def test_a_description_whose_paragraph_names_only_people_or_other_bodies_is_nobody():
    b = "The Health Ministry and director Pavel Ostrik visited. The agency said the Brenno intake would stay closed until Friday."
    assert run(build(spill(b, MINISTRY))) == []


# Where the story credits each body with words itself (a body that speaks).
SPEAKERS = ["The river was clean, Hydrocon said.", "Fish were safe to eat, the National Agency of Waters said.",
            "Roads were open, the Interior Ministry said.", "Nobody was hurt, Pavel Ostrik said.",
            "Imports were stopped, Brazil said."]


@pytest.mark.parametrize("text, body", [
    ("Hydrocon director Pavel Ostrik spoke. The agency said it was safe.", "Hydrocon"),
    ("The National Agency of Waters fined the firm. The agency said it was safe.", "National Agency of Waters"),
    ("Hydrocon met on Tuesday in Vestrana. The agency said it was safe.", "Hydrocon"),  # a day and a place passed over
    # A person, a possessive, another kind of body, a name no one credits: none is the agency.
    ("Pavel Ostrik spoke. The agency said it was safe.", None),
    ("Brazil's regulator spoke. The agency said it was safe.", None),
    ("The Interior Ministry spoke. The agency said it was safe.", None),
    ("In Paris, officials met. The agency said it was safe.", None),
    # A name inside a quotation is the quoted speaker's.
    ('"We work with Hydrocon," Ostrik said. The agency said it was safe.', None),
    # A description of a person stands for no body.
    ("Hydrocon director Pavel Ostrik spoke. The director said it was safe.", None),
])
def test_the_body_a_description_stands_for(text, body):
    ctx = build({"a": [text], "z": SPEAKERS})
    sp = analyse(ctx.sources, ctx.alignment.passages)
    same = SamePerson(ctx, sp.aliases)
    desc = [a.speaker for a in sp.attributions["a"] if a.speaker.text.lower().startswith("the ")]
    assert desc, sp.attributions["a"]
    found = _described_body(ctx.sources["a"].text, desc[-1], same, speaking_names(sp))
    assert (found[0].text if found else None) == body


def test_a_body_no_source_credits_with_words_is_no_antecedent():
    # "Hydrocon" is named before "The agency", but nobody in the story says Hydrocon said anything:
    # it may be a place or a product as well as a body.
    ctx = build({"a": ["Hydrocon director Pavel Ostrik spoke. The agency said it was safe."]})
    sp = analyse(ctx.sources, ctx.alignment.passages)
    same = SamePerson(ctx, sp.aliases)
    desc = [a.speaker for a in sp.attributions["a"] if a.speaker.text.lower().startswith("the ")]
    assert _described_body(ctx.sources["a"].text, desc[-1], same, speaking_names(sp)) is None


# -- a one-word body in a loose pair is a body, and a source's members are read together ----------

def railway(c: list[str], who: str = "Region Halvik") -> dict[str, list]:
    return {
        "a": ["Floodwater cut the railway between Ostrel and Vanko on Tuesday.",
              f"{who} said trains would run again on Thursday once engineers had checked the embankment."],
        "b": ["The Ostrel-Vanko railway was cut by floods on Tuesday.",
              f"Trains will run again on Thursday once engineers have checked the embankment, {who} said."],
        "c": c,
        "d": ["Rain fell for three days across the region."],
    }


AGENCY_C = ["Floods closed the Ostrel line on Tuesday.",
            "The National Rail Agency said trains would run again on Thursday after engineers checked the embankment."]


def test_a_one_word_name_never_printed_with_a_given_name_is_a_body():
    # "Region" is a word the story prints in lower case, so "Halvik" alone is the name: no one's
    # surname. Body against body in a loose pair is a conflict.
    assert run(loosely(build(railway(AGENCY_C)), "c:1")) == [("c", "The National Rail Agency")]


def test_a_person_against_a_body_in_a_loose_pair_stays_no_conflict():
    texts = railway(AGENCY_C, who="Vestergren")
    texts["d"] = ["Mayor Ana Vestergren toured the flooded streets."]
    assert run(loosely(build(texts), "c:1")) == []


def test_a_short_member_shares_its_claim_through_its_sources_other_members():
    # c's credit stands alone in a passage of its own; the claim is in the passage before it.
    texts = railway([("Trains will run again on Thursday once engineers have checked the embankment at Ostrel.",
                      "The National Rail Agency confirmed the timetable.")])
    ctx = loosely(build(texts, groups=[[("a", 0), ("b", 0)], [("a", 1), ("b", 1), ("c", 0)]]), "c:0", "c:1")
    assert run(ctx) == [("c", "The National Rail Agency")]


def test_a_one_word_name_printed_after_a_persons_title_stays_a_person():
    # "Mayor Halvik": a person known by title and surname, against a body in a loose pair (a
    # summary crediting the institution for its official) stays no conflict.
    texts = railway(AGENCY_C, who="Mayor Halvik")
    texts["d"] = ["Rain fell for three days, the mayor said."]
    assert run(loosely(build(texts), "c:1")) == []
