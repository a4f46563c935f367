"""term_variant: one member of a two-word unit put for a near word of another meaning
("personal carriers" where the others print "personnel carriers"). An invented story (armoured
vehicles sent to a border town), not the quality cases' wording."""

from __future__ import annotations

import pytest

from checks_builder import assert_offsets_true, found, story
from srccompare.checks.terms import TermCheck
from srccompare.checks.terms.collocations import _near_words, _relational_pair
from srccompare.models import Kind, Severity


def run(ctx):
    flags = [f for f in TermCheck().run(ctx) if f.confidence >= ctx.settings.min_confidence]
    assert all(f.kind is Kind.TERM_VARIANT for f in flags)
    assert_offsets_true(ctx, flags)
    return flags


def _near_word_flags(flags):
    # Other passes may read the reworded sentence their own way; these tests pin this pass.
    return [f for f in flags if f.source == "d" and "near word" in f.message]


def _convoy(d_unit: str, *, c_unit: str = "personnel carriers", b_extra: str = "", d_extra: str = "") -> dict[str, str]:
    # d's sentence is built another way (no word-for-word match): only the unit is shared.
    return {
        "a": "The army sent twelve armoured personnel carriers to Velmora on Sunday. "
             "Residents watched the column cross the river bridge at dawn.",
        "b": "Twelve armoured personnel carriers reached Velmora on Sunday, the army said. "
             "The column crossed the river bridge before dawn." + b_extra,
        "c": f"On Sunday the army moved twelve armoured {c_unit} into Velmora. "
             "Soldiers closed the river bridge for two hours.",
        "d": f"Velmora saw a column of twelve {d_unit} arrive on Sunday, sent by the army. "
             "The bridge over the river was closed at dawn." + d_extra,
    }


def test_near_words_of_another_meaning_are_told_from_slips_and_inflections():
    assert _near_words("personal", "personnel")
    assert _near_words("residential", "resident")
    assert not _near_words("defense", "defence")  # one letter: a spelling variant
    assert not _near_words("carrier", "carriers")  # the same word
    assert not _near_words("harbour", "harvest")  # no long shared beginning


def test_a_near_word_in_a_unit_two_other_sources_print_is_a_term_variant():
    flags = run(story(_convoy("armoured personal carriers")))
    assert ("d", "personal", "personnel") in found(flags)
    flag, = _near_word_flags(flags)
    assert flag.severity is Severity.MEDIUM
    assert "personnel" in flag.message


def test_one_other_source_printing_the_unit_is_not_enough():
    # Only a and b print "personnel carriers" with c worded otherwise: still two witnesses.
    texts = _convoy("armoured personal carriers", c_unit="troop carriers")
    assert [(f.text, f.expected) for f in _near_word_flags(run(story(texts)))] == [("personal", "personnel")]
    # With b saying "troop carriers" as well, only a is left: one witness cannot tell which
    # source is wrong.
    texts["b"] = texts["b"].replace("personnel carriers", "troop carriers")
    assert not _near_word_flags(run(story(texts)))


def test_a_word_the_other_sources_print_themselves_is_no_near_word_swap():
    texts = _convoy("armoured personal carriers", b_extra=" Officers kept their personal weapons.")
    assert not _near_word_flags(run(story(texts)))


def test_a_source_printing_the_others_unit_itself_is_left_alone():
    texts = _convoy("armoured personal carriers", d_extra=" Two more personnel carriers followed.")
    assert not _near_word_flags(run(story(texts)))


# A modifier given as a noun or as the adjective made from it says the same thing ("coast guard" /
# "coastal guard"): no near word of another meaning. Another invented story (a harbour patrol).
def _patrol(d_unit: str) -> dict[str, str]:
    return {
        "a": "The harbour of Tresk received two new coastal cutters on Monday. "
             "Crews will patrol the northern shoals through the winter.",
        "b": "Two new coastal cutters arrived in Tresk harbour on Monday, officials said. "
             "They will patrol the shoals in winter.",
        "c": "On Monday Tresk harbour took delivery of two coastal cutters. "
             "The shoals will be patrolled through the winter.",
        "d": f"Tresk got on Monday two new {d_unit}, which came to the harbour. "
             "Through the winter the shoals will be watched.",
    }


def test_a_modifier_as_noun_or_as_its_adjective_is_no_near_word_swap():
    assert not _near_word_flags(run(story(_patrol("coast cutters"))))
    # A near word that is no adjective of the other keeps the pass's reading.
    assert [(f.text, f.expected) for f in _near_word_flags(run(story(_patrol("costal cutters"))))] \
        in ([], [("costal", "coastal")])


@pytest.mark.parametrize("x, y, same", [
    ("coast", "coastal", True),
    ("Northern", "north", True),
    ("economy", "economic", True),
    ("nation", "national", True),
    ("personal", "personnel", False),
    ("minister", "ministry", False),
    ("art", "artist", False),
])
def test_relational_pair(x, y, same):
    assert _relational_pair(x, y) is same
