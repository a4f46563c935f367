"""garbled_text: a word no list knows, split into two words by frequencies alone, is a lost space
only when the split is no chance cut: a pair English prints, two words the other sources use, or
two long words. An invented story: a cathedral's roof repaired after hail.
"""

from __future__ import annotations

from checks_builder import story
from srccompare.checks.garbles import GarbleCheck


def run(ctx):
    return [f for f in GarbleCheck().run(ctx) if f.confidence >= ctx.settings.min_confidence]


ROOF = {
    "a": "Hail damaged the cathedral roof on Saturday, the diocese said. Roofers began repairs on Monday.",
    "b": "The diocese said hail broke tiles on the cathedral roof on Saturday. Repairs started on Monday.",
    "c": "On Saturday hail hit the cathedral roof, according to the diocese. Work on repairs began Monday.",
}


def run_together(d: str) -> list[str]:
    return [f.text for f in run(story(dict(ROOF, d=d))) if "run together" in f.message]


def test_a_coinage_cut_into_a_short_word_by_chance_is_no_lost_space():
    # "domes cape": English never prints the pair, and "cape" is no word of the story.
    d = ("Hail damaged the cathedral domescape on Saturday, the diocese said. "
         "Roofers began repairs on Monday.")
    assert run_together(d) == []


def test_a_lost_space_between_words_english_prints_together_is_reported():
    d = ("Hail damaged the cathedral roof on Saturday, the diocese said. "
         "Roofers began repairs beforedawn on Monday.")
    assert run_together(d) == ["beforedawn"]


def test_a_lost_space_between_two_words_of_the_story_is_reported():
    # "roof" is short and "roof hail" no English pair, but the other sources print both words.
    d = ("The cathedral roofhail damage was found on Saturday, the diocese said. "
         "Roofers began repairs on Monday.")
    assert run_together(d) == ["roofhail"]


def test_two_long_words_run_together_are_reported_without_a_pair_count():
    d = ("Hail damaged the cathedral roof on Saturday, the diocese said. "
         "Roofers began repairs with yellowcranes on Monday.")
    assert run_together(d) == ["yellowcranes"]
