"""term_variant: a fixed expression rendered word by word ("dark market" where another source
prints the compound "black market"), read with one witness because the asymmetry is in the
language (WordNet lists one side as a lemma, not the other), reported with two. An invented story (customs officers
seizing smuggled cigarettes at a river port), not the quality cases' wording."""

from __future__ import annotations

import pytest

from checks_builder import assert_offsets_true, story
from srccompare.checks.terms import TermCheck
from srccompare.checks.terms.compounds import _compound, _related_word
from srccompare.models import Kind, Severity


def run(ctx):
    flags = TermCheck().run(ctx)
    assert all(f.kind is Kind.TERM_VARIANT for f in flags)
    assert_offsets_true(ctx, flags)
    return flags


def _compounds(flags, source="c"):
    # Other passes may read the sentences their own way; these tests pin this pass.
    return [f for f in flags if f.source == source and "the fixed expression" in f.message]


def _prison(c_phrase: str = "dark market", *, a_phrase: str = "black market",
            b_phrase: str = "illegal trade", c_extra: str = "") -> dict[str, str]:
    # Three sources: only one other prints the compound, the third says it another way.
    return {
        "a": f"Customs officers in Varnholt seized two million cigarettes bound for the {a_phrase} on Tuesday. "
             "The cartons were hidden under sacks of grain on a river barge. "
             "The customs director, Ilse Marenko, said the trial would start on Friday.",
        "b": f"Two million cigarettes meant for the {b_phrase} were found on Tuesday on a barge at Varnholt. "
             "Sacks of grain covered the cartons. "
             "Director Ilse Marenko said the trial opens on Friday.",
        "c": f"On Tuesday the customs of Varnholt seized two million cigarettes destined for the {c_phrase}. "
             "The cartons lay hidden under grain sacks on a river barge. "
             "Customs director Ilse Marenko said that the trial begins on Friday." + c_extra,
    }


def test_a_compound_rendered_word_for_word_against_one_witness_is_kept_below_the_floor():
    # One source against one is no consensus: the flag is kept for the record, under the
    # reporting floor, as the substitution pass keeps its one-witness flags.
    ctx = story(_prison())
    flags = _compounds(run(ctx))
    assert [(f.text, f.expected, f.severity) for f in flags] == [("dark", "black", Severity.LOW)]
    assert "one source against one" in flags[0].message
    assert flags[0].confidence < ctx.settings.min_confidence


def test_two_witnesses_make_it_medium():
    flags = _compounds(run(story(_prison(b_phrase="black market"))))
    assert [(f.text, f.severity) for f in flags] == [("dark", Severity.MEDIUM)]
    assert "one source against one" not in flags[0].message


def test_the_same_compound_everywhere_is_left_alone():
    assert not _compounds(run(story(_prison("black market"))))


@pytest.mark.parametrize("phrase", [
    "fish market",        # no link in meaning to "black": another thing named
    "shadow trade",       # no word of the compound kept
])
def test_an_unrelated_or_unanchored_rewording_is_left_alone(phrase):
    assert not _compounds(run(story(_prison(phrase))))


def test_the_candidate_being_a_compound_itself_is_a_synonym():
    # "press conference" / "news conference": both are lemmas, both are English.
    texts = _prison()
    texts = {k: v.replace("said the trial would", "told a press conference the trial would")
             .replace("said that the trial", "told a news conference that the trial") for k, v in texts.items()}
    assert not [f for f in _compounds(run(story(texts))) if f.text == "news"]


def test_a_source_printing_the_compound_itself_tells_the_two_apart():
    texts = _prison(c_extra=" The black market for fuel was broken up last year.")
    assert not _compounds(run(story(texts)))


@pytest.mark.parametrize("a, b, expected", [
    ("death", "penalty", True), ("toll", "road", True), ("polling", "stations", True),
    ("death", "punishment", False), ("hunger", "protest", False), ("well", "known", False),
    ("breaking", "away", False),  # a phrasal verb, however WordNet files its noun
])
def test_compound_lookup(a, b, expected):
    assert _compound(a, b) is expected


@pytest.mark.parametrize("mine, theirs, expected", [
    ("punishment", "penalty", True), ("closing", "closed", True), ("fee", "toll", True),
    ("banana", "penalty", False), ("storm", "fire", False),
    ("port", "ships", False),  # one field, two things
])
def test_related_word(mine, theirs, expected):
    assert _related_word(mine, theirs) is expected
