"""number_conflict: "persons" and "people" count one noun.

English forms a few plurals no stemmer brings back to the singular ("people" and "persons" of
"person", "children", "men", "women"). Translations from languages that count "personnes" or
"personas" print "persons" where other outlets print "people": the two figures count the same
noun, and a slip between them ("forty" for "fourteen") is a conflict. Invented story only (a
market protest)."""

from __future__ import annotations

from srccompare.checks.quantities import _role_word
from tests.test_checks_numbers import run


def test_people_and_persons_are_one_noun():
    assert _role_word("persons") == _role_word("people") == _role_word("person")
    assert _role_word("children") == _role_word("child")


def test_a_slip_between_persons_and_people_is_flagged():
    # Worded apart, the two figures meet by their noun and the slip ("forty" / "fourteen").
    texts = {"a": ["Police said fourteen people were arrested after the market protest on Friday."],
             "b": ["Fourteen people were arrested after the protest at the market, police said."],
             "c": ["Forty persons were taken in for questioning."]}
    _, flags = run(texts, groups=[[("a", 0), ("b", 0), ("c", 0)]])
    assert [(f.source, f.text, f.expected) for f in flags] == [("c", "Forty", "fourteen")]
