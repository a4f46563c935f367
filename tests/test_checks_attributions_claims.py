"""attribution_conflict: the same statement or action credited to another agent, matched across
sources by what the sentences say rather than by the alignment or a shared quotation
(``attributions.ClaimAgents``).

An invented story (a cannery's results and a harbour inquiry) unlike any development case."""

from __future__ import annotations

from srccompare.checks.attributions import AttributionCheck
from srccompare.models import Kind
from tests.discrepancy_story import build, check_offsets


def run(texts, groups):
    ctx = build(texts, groups)
    flags = list(AttributionCheck().run(ctx))
    check_offsets(ctx, flags)
    assert all(f.kind is Kind.ATTRIBUTION_CONFLICT for f in flags)
    return flags


# The reports of the hiring plan stand in passages the alignment did not group.
UNALIGNED = [[("a", 0), ("b", 0), ("c", 0)]]


def results(a_sentence: str) -> dict[str, list[str]]:
    return {
        "a": ["Marrowick Canning reported a 6% rise in quarterly profit on Monday.", a_sentence],
        "b": ["Marrowick Canning's profit rose 6% in the quarter.",
              "Chief executive Oskar Venhola said the cannery would still recruit 340 seasonal packers this winter."],
        "c": ["Profit at Marrowick Canning rose 6%.",
              "Venhola said the company plans to recruit 340 seasonal packers this winter."],
    }


def test_a_statement_reported_elsewhere_is_credited_by_its_content():
    flags = run(results("Finance chief Liisa Aaltonen told analysts the cannery planned to recruit 340 "
                        "seasonal packers this winter despite cutting office staff."), UNALIGNED)
    assert [(f.source, f.text) for f in flags] == [("a", "Finance chief Liisa Aaltonen")]
    assert "Venhola" in flags[0].expected and flags[0].severity.value == "medium"


def test_the_same_agent_agrees():
    flags = run(results("Venhola told analysts the cannery planned to recruit 340 seasonal packers this winter."),
                UNALIGNED)
    assert flags == []


def test_a_statement_about_something_else_is_not_compared():
    flags = run(results("Finance chief Liisa Aaltonen told analysts the cannery had repaid 12 million of debt "
                        "ahead of schedule."), UNALIGNED)
    assert flags == []


def test_a_sentence_naming_the_others_agent_is_not_judged():
    flags = run(results("Finance chief Liisa Aaltonen, citing Venhola, said the cannery planned to recruit 340 "
                        "seasonal packers this winter."), UNALIGNED)
    assert flags == []


def test_one_other_source_is_no_majority():
    texts = results("Finance chief Liisa Aaltonen told analysts the cannery planned to recruit 340 seasonal "
                    "packers this winter.")
    del texts["c"]
    assert run(texts, [[("a", 0), ("b", 0)]]) == []


# An action, not a statement: who opened the inquiry, in aligned passages.
def inquiry(c_sentence: str) -> dict[str, list[str]]:
    return {
        "a": ["Judge Marta Villanueva opened an inquiry, and Harbour Inspector Tomas Reyno is leading the police work."],
        "b": ["Judge Marta Villanueva opened an inquiry, while Inspector Reyno leads the investigation."],
        "c": [c_sentence],
    }


def test_an_action_credited_to_another_person_of_the_same_passage():
    flags = run(inquiry("Harbour Inspector Tomas Reyno has opened a judicial inquiry."), [[("a", 0), ("b", 0), ("c", 0)]])
    assert [(f.source, f.text) for f in flags] == [("c", "Harbour Inspector Tomas Reyno")]
    assert "Villanueva" in flags[0].expected


def test_the_others_second_clause_is_not_their_agent_for_the_first():
    # The inspector leads the investigation in every source: no conflict.
    assert run(inquiry("Harbour Inspector Tomas Reyno is leading the investigation."),
               [[("a", 0), ("b", 0), ("c", 0)]]) == []


def test_a_body_is_not_set_against_the_official_who_spoke_for_it():
    texts = results("The Marrowick Harbour Council said the cannery planned to recruit 340 seasonal packers "
                    "this winter.")
    assert run(texts, UNALIGNED) == []
