"""attribution_conflict: the agent a passive clause names in its by-phrase ("was funded by the
Kelvar Trust") is the clause's agent, set against the agents other sources give the same action
(``attributions._passive_agent`` in ``ClaimAgents``); an initialism is a body ("KVT").

An invented story (a survey of a lake's eels and who paid for it) unlike any development case."""

from __future__ import annotations

from srccompare.checks.attributions import AttributionCheck
from srccompare.models import Kind
from tests.discrepancy_story import run_check

ONE_GROUP = [[("a", 0), ("b", 0), ("c", 0), ("d", 0)]]


def run(texts, groups=ONE_GROUP):
    _, flags = run_check(AttributionCheck(), texts, groups)
    assert all(f.kind is Kind.ATTRIBUTION_CONFLICT for f in flags)
    return flags


def survey(d_sentence: str) -> dict[str, list[str]]:
    return {
        "a": ["The eel survey cost 3.2 million krona and was funded by KVT."],
        "b": ["The eel survey, which cost 3.2 million krona, was paid for by KVT."],
        "c": ["KVT paid the 3.2 million krona cost of the eel survey."],
        "d": [d_sentence],
    }


def test_a_passive_agent_against_the_others_agent():
    flags = run(survey("The eel survey cost 3.2 million krona and was funded by the Ministry of Fisheries."))
    assert [(f.source, f.text) for f in flags] == [("d", "Ministry of Fisheries")]
    assert flags[0].expected == "KVT"


def test_an_active_subject_against_the_others_passive_agents():
    texts = survey("Lindqvist University paid the 3.2 million krona cost of the eel survey.")
    texts["c"] = ["The 3.2 million krona cost of the eel survey was met by KVT."]
    texts["d"].append("Biologists from Lindqvist University counted 1,200 eels.")
    flags = run(texts)
    assert [(f.source, f.text) for f in flags] == [("d", "Lindqvist University")]
    assert flags[0].expected == "KVT"


def test_the_same_agent_in_the_passive_agrees():
    assert run(survey("The eel survey cost 3.2 million krona and was funded by KVT.")) == []


def test_a_date_after_by_is_no_agent():
    texts = survey("The eel survey, costing 3.2 million krona, was completed by March.")
    assert run(texts) == []


def test_by_after_an_active_verb_is_no_passive():
    # "paid ... by" without a form of "be": the by-phrase is no agent of a passive.
    assert run(survey("The eel survey cost 3.2 million krona, paid by Lindqvist University.")) == []
