"""term_variant: a negation dropped or added in otherwise shared wording ("the tram lines are also
closed" where two other sources print "are not closed"). An invented story (a harbour storm and
the city's transport), not the quality cases' wording."""

from __future__ import annotations

import pytest

from checks_builder import assert_offsets_true, story
from srccompare.checks.terms import TermCheck
from srccompare.models import Kind, Severity


def run(ctx):
    flags = TermCheck().run(ctx)
    assert all(f.kind is Kind.TERM_VARIANT for f in flags)
    assert_offsets_true(ctx, flags)
    return flags


def _negation(flags, source="c"):
    return [f for f in flags if f.source == source and "negation" in f.message]


def _storm(c_line: str, *, b_line: str = "The tram lines are not closed.") -> dict[str, str]:
    return {
        "a": "A storm hit the harbour of Velmora on Friday night. "
             "The ferry to Orsk was cancelled until Sunday. "
             "The tram lines are not closed. "
             "Harbour master Ilse Varga said the quay walls held.",
        "b": "A heavy storm struck the Velmora harbour overnight on Friday. "
             "The ferry service to Orsk was cancelled until Sunday. "
             f"{b_line} "
             "Harbour master Ilse Varga said the quay walls had held.",
        "c": "On Friday night a storm hit the harbour of Velmora. "
             "The ferry to Orsk was cancelled until Sunday. "
             f"{c_line} "
             "According to harbour master Ilse Varga the quay walls held.",
    }


def test_a_dropped_negation_is_a_high_term_variant():
    flags = _negation(run(story(_storm("The tram lines are also closed."))))
    assert [(f.text, f.expected, f.severity) for f in flags] == [("closed", "not closed", Severity.HIGH)]
    assert flags[0].confidence >= 0.5


def test_an_added_negation_is_flagged_with_its_negator():
    texts = _storm("The tram lines are not closed.", b_line="The tram lines are closed.")
    texts["a"] = texts["a"].replace("are not closed", "are closed")
    flags = _negation(run(story(texts)))
    assert [(f.text, f.expected) for f in flags] == [("not closed", "closed")]


def test_a_contracted_negator_counts():
    flags = _negation(run(story(_storm("The tram lines are also closed.", b_line="The tram lines aren't closed."))))
    assert [f.text for f in flags] == ["closed"]


@pytest.mark.parametrize("c_line", [
    "The tram lines are not closed.",          # the same statement
    "The tram lines are never closed.",        # another negator, the same direction
    "No tram lines are closed.",               # denied without a negator
])
def test_the_same_direction_is_left_alone(c_line):
    assert not _negation(run(story(_storm(c_line))))


def test_one_other_source_is_no_consensus():
    # Only "a" negates: "b" says the lines are closed, as "c" does.
    assert not _negation(run(story(_storm("The tram lines are also closed.", b_line="The tram lines are closed."))))


def test_not_only_is_no_negation():
    assert not _negation(run(story(_storm("The tram lines are not only closed but flooded."))))


def test_a_word_going_on_to_another_statement_is_left_alone():
    # "c" says the lines are closing their depots, the others that the lines are not closed to
    # traffic: the same verb, two statements.
    texts = _storm("The tram lines are closing their depots.",
                   b_line="The tram lines are not closed to traffic.")
    texts["a"] = texts["a"].replace("are not closed.", "are not closed to traffic.")
    assert not _negation(run(story(texts)))


def _divers(c_line: str) -> dict[str, str]:
    texts = _storm("The tram lines are not closed.")
    for s, line in (("a", "Divers found no damage to the quay walls."), ("b", "Divers found no damage to the quay walls."),
                    ("c", c_line)):
        texts[s] = texts[s].replace("Harbour master", f"{line} Harbour master").replace(
            "According to", f"{line} According to")
    return texts


def test_a_negation_moved_from_the_object_to_the_verb_is_left_alone():
    # "found no damage" / "have not found damage": one negation each, put on the object by two
    # sources and on the verb by a translation: the statement is the same.
    assert not _negation(run(story(_divers("Divers have not found damage to the quay walls."))))


def test_a_negation_dropped_beside_another_is_still_flagged():
    # The others negate twice in the sentence, this source once: one was dropped, not moved.
    line = "The tram lines are not closed and the night ferry is not running."
    texts = _storm("The tram lines are closed and the night ferry is not running.", b_line=line)
    texts["a"] = texts["a"].replace("The tram lines are not closed.", line)
    flags = _negation(run(story(texts)))
    assert [f.text for f in flags] == ["closed"]
