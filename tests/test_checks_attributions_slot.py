"""attribution_conflict: a body named at the place of a sentence where the other sources name
another body, the words around it the same (``attributions.BodySwap``).

An invented story (a ferry terminal's rebuilding and who paid for it) unlike any development case."""

from __future__ import annotations

from srccompare.checks.attributions import AttributionCheck
from srccompare.models import Kind
from tests.discrepancy_story import run_check

ONE_GROUP = [[("a", 0), ("b", 0), ("c", 0), ("d", 0)]]


def run(texts, groups=ONE_GROUP):
    _, flags = run_check(AttributionCheck(), texts, groups)
    assert all(f.kind is Kind.ATTRIBUTION_CONFLICT for f in flags)
    return flags


def terminal(d_sentence: str) -> dict[str, list[str]]:
    return {
        "a": ["The terminal was rebuilt with a $6 million grant from the Osterna Foundation and "
              "$2 million from the town of Velmor."],
        "b": ["Its rebuilding drew on a $6 million grant from the Osterna Foundation and $2 million from Velmor."],
        "c": ["Workers rebuilt the terminal with a $6 million grant from the Osterna Foundation, officials said."],
        "d": [d_sentence],
    }


def test_another_body_at_the_same_place():
    flags = run(terminal("The terminal was rebuilt with a $6 million grant from the Kelvar Trust and "
                         "$2 million from the town of Velmor."))
    assert [(f.source, f.text) for f in flags] == [("d", "Kelvar Trust")]
    assert flags[0].expected == "Osterna Foundation"


def test_an_initialism_is_a_body():
    flags = run(terminal("The terminal was rebuilt with a $6 million grant from KVT and $2 million from "
                         "the town of Velmor."))
    assert [(f.source, f.text) for f in flags] == [("d", "KVT")]


def test_the_same_body_agrees():
    assert run(terminal("The terminal was rebuilt with a $6 million grant from the Osterna Foundation.")) == []


def test_a_misspelt_body_is_the_names_checks_business():
    assert run(terminal("The terminal was rebuilt with a $6 million grant from the Osterna Fundation and "
                        "$2 million from the town of Velmor.")) == []


def test_a_source_naming_both_bodies_is_not_flagged():
    assert run(terminal("The terminal was rebuilt with a $6 million grant from the Kelvar Trust, which "
                        "channels money of the Osterna Foundation.")) == []


def test_one_other_source_is_no_majority():
    texts = terminal("The terminal was rebuilt with a $6 million grant from the Kelvar Trust and "
                     "$2 million from the town of Velmor.")
    texts["b"] = ["Its rebuilding cost $8 million."]
    assert run(texts) == []


def test_a_currency_code_is_no_body():
    texts = terminal("The terminal was rebuilt with a grant of NZD 6,000,000 from the Osterna Foundation.")
    texts["a"] = ["The terminal was rebuilt with a grant of USD 6,000,000 from the Osterna Foundation."]
    texts["b"] = ["The terminal was rebuilt with a grant of USD 6,000,000 from the Osterna Foundation."]
    assert run(texts) == []
