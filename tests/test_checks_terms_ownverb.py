"""term_variant, the word-for-word pass outside a quotation: two everyday words swapped are the
writer's wording unless the source shows it tells them apart by printing the others' word itself
elsewhere. For two verbs that use is no evidence (an everyday verb recurs in any article, and one
sentence words it by idiom); for nouns it still is. An invented story (a ferry fare rise on a
lake), not the quality cases' wording."""

from __future__ import annotations

from checks_builder import assert_offsets_true, story
from srccompare.checks.terms import TermCheck
from srccompare.checks.terms import substitutions
from srccompare.settings import Settings

FLOOR = Settings().min_confidence
LINE = "From April, foot passengers on the Lindau ferry {} eight euros for the crossing, the operator announced."
VERB_OWN = " Cyclists will pay ten euros, and cars twenty."
NOUN_LINE = "The operator said the new {} of the lake ferry leaves Lindau at seven every morning."
NOUN_OWN = " Each boat on that route carries up to 300 people."


def _reported(texts, source="d"):
    ctx = story(texts)
    flags = [f for f in TermCheck().run(ctx) if f.source == source]
    assert_offsets_true(ctx, flags)
    return [(f.text, f.expected) for f in flags if f.confidence >= FLOOR]


def _verb_story(d_verb: str) -> dict[str, str]:
    texts = {k: LINE.format("will pay") for k in "abc"}
    texts["d"] = LINE.format(f"will {d_verb}") + VERB_OWN
    return texts


def test_an_everyday_verb_the_source_prints_elsewhere_is_no_evidence():
    assert _reported(_verb_story("see")) == []


def test_without_the_rule_the_verb_swap_would_be_reported(monkeypatch):
    # The story does exercise the rule: with the source's own use counted for verbs too, the
    # same swap is reported.
    monkeypatch.setattr(substitutions, "_verbs", lambda mine, theirs: False)
    assert _reported(_verb_story("see")) == [("see", "pay")]


def test_an_everyday_noun_the_source_prints_elsewhere_is_still_evidence():
    texts = {k: NOUN_LINE.format("boat") for k in "abc"}
    texts["d"] = NOUN_LINE.format("house") + NOUN_OWN
    assert _reported(texts) == [("house", "boat")]
