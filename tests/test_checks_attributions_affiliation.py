"""attribution_conflict: the person the others credit, printed as another body's member ("Orvik
Port spokesman Ana Ruiz" where two sources print "Saltholm Ferries spokesman Ana Ruiz"): the
statement is credited to someone speaking for another institution.

The story is invented: a ferry line is suspended after a hull inspection."""

from __future__ import annotations

from srccompare.checks.attributions import AttributionCheck
from srccompare.models import Kind
from tests.discrepancy_story import build, check_offsets

LEAD = "The ferry between Orvik and Saltholm was suspended on Friday after a hull inspection."
CLAIM = "said the ferry would not sail again until every weld on the hull had been checked twice."


def _flags(texts):
    ctx = build(texts)
    flags = [f for f in AttributionCheck().run(ctx) if f.kind is Kind.ATTRIBUTION_CONFLICT]
    check_offsets(ctx, flags)
    return flags


def test_the_same_person_printed_for_another_body_is_flagged():
    flags = _flags({
        "a": [LEAD, f"Saltholm Ferries spokesman Tove Lindqvist {CLAIM}"],
        "b": [LEAD, f"Saltholm Ferries spokesman Tove Lindqvist {CLAIM}"],
        "c": [LEAD, f"Orvik Port spokesman Tove Lindqvist {CLAIM}"],
    })
    assert [(f.source, f.text) for f in flags] == [("c", "Orvik Port spokesman Tove Lindqvist")]
    assert flags[0].expected == "Saltholm Ferries spokesman Tove Lindqvist"


def test_an_affiliation_the_others_leave_out_is_no_flag():
    # One source prints the body, the others only the title: nothing contradicts it.
    assert _flags({
        "a": [LEAD, f"Spokesman Tove Lindqvist {CLAIM}"],
        "b": [LEAD, f"Tove Lindqvist {CLAIM}"],
        "c": [LEAD, f"Orvik Port spokesman Tove Lindqvist {CLAIM}"],
    }) == []


def test_one_body_printed_two_ways_is_no_flag():
    # "Saltholm Ferries" and "the Saltholm line": a word in common, one body.
    assert _flags({
        "a": [LEAD, f"Saltholm Ferries spokesman Tove Lindqvist {CLAIM}"],
        "b": [LEAD, f"Saltholm Ferries spokesman Tove Lindqvist {CLAIM}"],
        "c": [LEAD, f"Saltholm Line spokesman Tove Lindqvist {CLAIM}"],
    }) == []
