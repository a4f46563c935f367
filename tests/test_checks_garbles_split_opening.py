"""garbled_text: a word split before its suffix at the start of a sentence ("Report ers"), and
one that also runs two words together ("Studentorganisa tions").

An invented story (two harbour radio stations merging), not any case's wording.
"""

from __future__ import annotations

from checks_builder import found, story
from srccompare.checks.garbles import GarbleCheck

A = "The two harbour stations will merge next spring. Their staff and studios will be shared."
B = "The harbour's two radio stations are to merge in the spring. Staff and studios will be pooled."


def _flags(c: str) -> list:
    ctx = story({"a": A, "b": B, "c": c})
    return [f for f in GarbleCheck().run(ctx) if f.confidence >= ctx.settings.min_confidence]


def test_a_suffix_split_off_a_word_that_opens_a_sentence():
    c = "The two harbour stations merge next spring. Report ers and studios will be shared."
    assert ("c", "Report ers", "Reporters") in found(_flags(c), "c")


def test_a_suffix_split_off_two_words_run_together():
    c = "The two harbour stations merge next spring. Studentorganisa tions protested the plan."
    assert ("c", "Studentorganisa tions", "Student organisations") in found(_flags(c), "c")

