"""term_variant: renderings that keep the meaning fall below the reporting floor on every pass: a
synonym proper (members of one WordNet synset) outside a quotation or inside one of a source that
translates its quotes ("We will remain in the gym" where the others quote "We will stay in the
gym"), and one unit of measure for another ("tons" / "tonnes"). A source that copies its quotes
and changes one word keeps its low flag; words of one field, false friends and direction swaps keep
theirs. An invented story (a flooded village school), not the quality cases' wording."""

from __future__ import annotations

import pytest

from checks_builder import assert_offsets_true, story
from srccompare.checks.base import make_flag
from srccompare.checks.terms import TermCheck
from srccompare.checks.terms.severity import _kept_meaning
from srccompare.models import Kind, Severity
from srccompare.settings import Settings

FLOOR = Settings().min_confidence


def run(ctx):
    flags = TermCheck().run(ctx)
    assert all(f.kind is Kind.TERM_VARIANT for f in flags)
    assert_offsets_true(ctx, flags)
    return flags


def _visible(flags, source="c"):
    return [(f.text, f.expected) for f in flags if f.source == source and f.confidence >= FLOOR]


_FIRST = "\"We will {} in the gym until the river falls below the bridge,\" said headmistress Orla Venn."
_SECOND = "\"The parents {} calm and patient {},\" she added."


def _school(c_word: str, *, c_translates: bool = True) -> dict[str, str]:
    # Three renderings of the headmistress's words: two agree on "stay", the third prints c_word;
    # a translating "c" words her second sentence its own way too.
    second = _SECOND.format("have been", "all week")
    c_second = _SECOND.format("were", "the whole week") if c_translates else second
    return {
        "a": "Floodwater reached the school of Dunmarrow on Thursday. " + _FIRST.format("stay") + " "
             + second + " About 120 pupils were sent home.",
        "b": "The school in Dunmarrow was flooded on Thursday. " + _FIRST.format("stay") + " "
             + second + " Some 120 pupils went home.",
        "c": "On Thursday the water came into the Dunmarrow school. " + _FIRST.format(c_word) + " "
             + c_second + " Around 120 pupils were sent home.",
    }


def test_a_synonym_in_a_translated_quotation_falls_below_the_floor():
    flags = run(story(_school("remain")))
    assert ("remain", "stay") not in _visible(flags)


def test_a_source_copying_its_quotes_keeps_the_one_changed_word_low():
    # Low inside a quotation: read, under the reporting floor (severity._low_in_quote).
    flags = run(story(_school("remain", c_translates=False)))
    assert [(f.severity, f.confidence < FLOOR) for f in flags if f.text == "remain"] == [(Severity.LOW, True)]


def test_a_swap_of_another_meaning_is_read_in_a_translated_quotation():
    # Two everyday words in a quotation a translating source words anew are read low
    # (severity._translated_everyday), and a low reading in a quotation sits under the floor.
    flags = [f for f in run(story(_school("sing"))) if f.text == "sing"]
    assert [(f.expected, f.severity, f.confidence < FLOOR) for f in flags] == [("stay", Severity.LOW, True)]


def _prose_flag(mine: str, theirs: str):
    # A flag on a word of "c"'s prose, as any pass would make it.
    texts = {"a": f"Volunteers brought {theirs} to the hall.", "b": f"Helpers carried {theirs} into the hall.",
             "c": f"The volunteers brought {mine} to the hall."}
    ctx = story(texts)
    start = texts["c"].index(mine)
    return ctx, make_flag(ctx, kind=Kind.TERM_VARIANT, source="c", start=start, end=start + len(mine),
                          expected=theirs, severity=Severity.MEDIUM, confidence=0.7, group=None, message="m",
                          evidence=[])


@pytest.mark.parametrize("mine, theirs", [
    ("remain", "stay"), ("get", "receive"), ("tons", "tonnes"), ("miles", "kilometres"),
])
def test_kept_meaning_pairs_go_below_the_floor(mine, theirs):
    ctx, f = _prose_flag(mine, theirs)
    kept = _kept_meaning(ctx, f, {})
    assert kept.confidence < FLOOR and kept.severity is Severity.LOW


@pytest.mark.parametrize("mine, theirs", [
    ("candles", "lanterns"),    # things of one field, no synset shared
    ("wallet", "portfolio"),    # a false friend
    ("rooms", "carriages"),     # another thing
    ("downgrade", "upgrade"),   # a direction reversed
])
def test_other_pairs_keep_their_severity(mine, theirs):
    ctx, f = _prose_flag(mine, theirs)
    assert _kept_meaning(ctx, f, {}) == f
