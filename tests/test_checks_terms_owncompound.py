"""term_variant: a compound the source itself prints, rendered otherwise once ("the water board
dropped" in an article that prints "water table" elsewhere, as two other sources do): the source's
own usage and the story's settle a place no other source words the same way, where the compound is
a WordNet lemma, the other pair is none, and the two members are sense neighbours. An invented
story (a drought in a farming valley), not the quality cases' wording."""

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


def _own(flags, source="c"):
    # Other passes may read the sentences their own way; these tests pin this pass.
    return [f for f in flags if f.source == source and "this source itself prints" in f.message]


def _drought(c_word: str = "board", *, b_table: bool = True, c_own: bool = True, c_quoted: bool = False) -> dict[str, str]:
    b_says = "the water table" if b_table else "groundwater"
    c_first = "the water table under the valley" if c_own else "the groundwater under the valley"
    c_later = f"the water {c_word} in the wells of Perrin fell by four metres"
    if c_quoted:
        c_later = f"\"{c_later[0].upper()}{c_later[1:]}\", a farmer said"
    return {
        "a": "A third dry summer has emptied the reservoirs of the Lauvel valley. "
             "Hydrologists said the water table under the valley had fallen to its lowest level in forty years. "
             "Farmers in Perrin have started to dig deeper wells.",
        "b": f"Reservoirs in the Lauvel valley are empty after a third dry summer. "
             f"According to hydrologists, {b_says} has not been so low for forty years. "
             f"In Perrin, farmers are digging new wells.",
        "c": f"After the third dry summer the reservoirs of the Lauvel valley are empty. "
             f"The hydrologists say {c_first} is at its lowest in forty years. "
             f"In the village of Perrin the farmers dig deeper, and since spring {c_later}.",
    }


def test_a_compound_the_source_prints_itself_rendered_otherwise_once_is_a_term_variant():
    flags = _own(run(story(_drought())))
    assert [(f.text, f.expected, f.severity) for f in flags] == [("board", "table", Severity.MEDIUM)]
    assert "water table" in flags[0].message


def test_without_its_own_use_of_the_compound_the_source_is_left_alone():
    assert not _own(run(story(_drought(c_own=False))))


def test_one_other_source_printing_the_compound_is_not_the_story_s_usage():
    assert not _own(run(story(_drought(b_table=False))))


@pytest.mark.parametrize("word", [
    "level",   # a compound itself ("water level"): English, a rewording
    "tower",   # a compound itself ("water tower"): another thing the story may name
    "roof",    # no sense near "table": another thing named
])
def test_a_compound_or_an_unrelated_word_is_left_alone(word):
    assert not _own(run(story(_drought(word))))


def test_inside_a_quotation_it_is_the_quote_check_s_place():
    assert not _own(run(story(_drought(c_quoted=True))))
