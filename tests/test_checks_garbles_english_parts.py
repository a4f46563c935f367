"""garbled_text: a word no list knows is no word left untranslated when English built it of its
own parts, or when the writer gave it in brackets beside the English term.

An invented story (a ferry line kept open through a hard winter), not any case's wording: four
sources tell the same sentence, and one of them uses a rare word in it.
"""

from __future__ import annotations

from checks_builder import found, story
from srccompare.checks.garbles import GarbleCheck

A = "The ferry operator said the boats on the northern line would run all winter from the harbour."
B = "The ferry operator said its boats on the northern line will run all winter out of the harbour."
C = "Boats on the northern line will run from the harbour all winter, the ferry operator said."


def _flags(d: str) -> list:
    ctx = story({"a": A, "b": B, "c": C, "d": d}, groups=[[("a", 0), ("b", 0), ("c", 0), ("d", 0)]])
    return [f for f in GarbleCheck().run(ctx) if f.confidence >= ctx.settings.min_confidence]


def test_a_word_of_english_stem_and_suffixes_is_no_foreign_word():
    from srccompare.checks.lexicon import english_derivation

    # "winter" + "ised", "circular" + "isation", "snorkel" + "l" + "ers": each part English.
    for w in ("winterised", "circularisation", "snorkellers", "defrosters"):
        assert english_derivation(w), w
    for w in ("sfollati", "hasumiya", "kunfuni", "kamienic", "tugrugs", "geel"):
        assert not english_derivation(w), w


def test_an_english_derivation_in_a_shared_sentence_is_not_untranslated():
    d = "The ferry operator said the winterised boats on the northern line would run all winter from the harbour."
    assert not [f for f in _flags(d) if f.expected.endswith(": untranslated]")]


def test_a_foreign_word_in_the_same_place_still_is():
    d = "The ferry operator said the boats traghetti on the northern line would run all winter from the harbour."
    assert ("d", "traghetti", "[traghetti: untranslated]") in found(_flags(d), "d")


def test_the_original_term_in_brackets_is_a_gloss():
    d = "The ferry operator said the boats (traghetti) on the northern line would run all winter from the harbour."
    assert not [f for f in _flags(d) if f.expected.endswith(": untranslated]")]
