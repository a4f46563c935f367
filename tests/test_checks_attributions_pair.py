"""attribution_conflict: a statement (no quotation) that only two sources credit, to two plainly
different people, is one source against one: a contest (``CheckContext.contests``) for each side,
never a flag by itself.

The story is invented: a ferry line between two islands is suspended after a hull inspection; a
harbour master and a ferry company's director speak about it."""

from __future__ import annotations

from srccompare.checks.attributions import AttributionCheck
from srccompare.models import Kind
from tests.discrepancy_story import build

LEAD = "The ferry between Orvik and Saltholm was suspended on Friday after a hull inspection."
CLAIM = "said the ferry would not sail again until every weld on the hull had been checked twice."


def _run(texts):
    ctx = build(texts)
    flags = [f for f in AttributionCheck().run(ctx) if f.kind is Kind.ATTRIBUTION_CONFLICT]
    return ctx.contests, flags


def test_a_statement_two_sources_credit_to_two_people_is_a_contest_for_each_side():
    contests, flags = _run({
        "a": [LEAD, f"Harbour master Tove Lindqvist {CLAIM}"],
        "b": [LEAD, f"Ferry director Rasmus Ekholm {CLAIM}"],
    })
    assert flags == []
    assert sorted((c.flag.source, c.flag.text, c.rival) for c in contests) == [
        ("a", "Harbour master Tove Lindqvist", "b"), ("b", "Ferry director Rasmus Ekholm", "a")]


def test_a_third_source_agreeing_with_one_side_leaves_no_contest_against_it():
    # Two sources against one: the vote decides (nothing for the agreeing pair to contest).
    contests, _ = _run({
        "a": [LEAD, f"Harbour master Tove Lindqvist {CLAIM}"],
        "b": [LEAD, f"Ferry director Rasmus Ekholm {CLAIM}"],
        "c": [LEAD, f"Ferry director Rasmus Ekholm {CLAIM}"],
    })
    assert not [c for c in contests if c.flag.source in ("b", "c")]


def test_one_person_under_two_titles_is_no_contest():
    contests, flags = _run({
        "a": [LEAD, f"Harbour master Tove Lindqvist {CLAIM}"],
        "b": [LEAD, f"Port chief Tove Lindqvist {CLAIM}"],
    })
    assert contests == [] and flags == []


def test_a_title_the_source_prints_with_its_name_is_no_contest():
    # "The Harbourmaster-General ... Tove Lindqvist" and "the Harbourmaster-General": one person,
    # whom this source names and the other only titles.
    contests, _ = _run({
        "a": [LEAD, f"The Orvik Harbourmaster-General Tove Lindqvist {CLAIM}"],
        "b": [LEAD, f"Saltholm Harbourmaster-General {CLAIM}"],
    })
    assert not [c for c in contests if c.flag.source == "a"]


def test_a_body_is_no_party_to_a_statement_contest():
    # A summary credits the institution for its official's words.
    contests, _ = _run({
        "a": [LEAD, f"Harbour master Tove Lindqvist {CLAIM}"],
        "b": [LEAD, f"The Orvik Harbour Authority {CLAIM}"],
    })
    assert contests == []


def test_a_statement_two_sources_credit_to_two_bodies_is_a_contest_for_each_side():
    # Two institutions whose names share no word: one of the two outlets credited the wrong one.
    contests, flags = _run({
        "a": [LEAD, f"The Orvik Harbour Authority {CLAIM}"],
        "b": [LEAD, f"The Saltholm Ferry Company {CLAIM}"],
    })
    assert flags == []
    assert sorted((c.flag.source, c.flag.text, c.rival) for c in contests) == [
        ("a", "The Orvik Harbour Authority", "b"), ("b", "The Saltholm Ferry Company", "a")]


def test_a_body_named_by_its_initials_is_no_contest():
    # "OHV" may abbreviate the authority's name in the story's own language.
    contests, _ = _run({
        "a": [LEAD, f"The Orvik Harbour Authority {CLAIM}"],
        "b": [LEAD, f"OHV {CLAIM}"],
    })
    assert contests == []


def test_two_bodies_sharing_a_name_word_are_no_contest():
    # "the Orvik Harbour Authority" and "the Orvik Port Office" may be one body rendered two ways.
    contests, _ = _run({
        "a": [LEAD, f"The Orvik Harbour Authority {CLAIM}"],
        "b": [LEAD, f"The Orvik Port Office {CLAIM}"],
    })
    assert contests == []
