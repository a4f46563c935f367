"""term_variant: a one-word compound rendered by its parts ("goods houses" where two other sources
print "warehouses"): the head kept, the first part put in another image of the thing. An invented
story (a river flood in a port town), not the quality cases' wording."""

from __future__ import annotations

import pytest

from checks_builder import assert_offsets_true, story
from srccompare.checks.terms import TermCheck
from srccompare.checks.terms.compounds import _closed_splits
from srccompare.models import Kind, Severity


def run(ctx):
    flags = TermCheck().run(ctx)
    assert all(f.kind is Kind.TERM_VARIANT for f in flags)
    assert_offsets_true(ctx, flags)
    return flags


def _split(flags, source="c"):
    # Other passes may read the sentences their own way; these tests pin this pass.
    return [f for f in flags if f.source == source and "one-word compound" in f.message]


def _flood(c_pair: str = "goods houses", *, b_word: str = "warehouses", c_extra: str = "") -> dict[str, str]:
    return {
        "a": "The river Ostra burst its banks at Kellhaven on Saturday. "
             "Water flooded 40 warehouses along the quay, the port authority said. "
             "The harbour will stay closed until Wednesday.",
        "b": "Floods hit the port of Kellhaven on Saturday when the Ostra rose. "
             f"The port authority said 40 {b_word} on the quay were under water. "
             "The harbour stays closed until Wednesday.",
        "c": "On Saturday the river Ostra came out of its bed in Kellhaven. "
             f"According to the port authority, on the quay 40 {c_pair} were filled with water. "
             "Until Wednesday the harbour remains closed." + c_extra,
    }


def test_a_compound_rendered_by_its_parts_is_a_medium_term_variant():
    flags = _split(run(story(_flood())))
    assert [(f.text, f.expected, f.severity) for f in flags] == [("goods houses", "warehouses", Severity.MEDIUM)]


def test_one_other_source_is_no_consensus():
    assert not _split(run(story(_flood(b_word="depots"))))


@pytest.mark.parametrize("pair", [
    "ware houses",      # the compound split by a slip: a garble, not another image
    "field houses",     # a compound English lists itself (WordNet "field house"): a thing of its own
])
def test_the_same_first_part_or_an_english_compound_is_left_alone(pair):
    assert not _split(run(story(_flood(pair))))


def test_a_source_printing_the_compound_itself_is_left_alone():
    assert not _split(run(story(_flood(c_extra=" Two warehouses burned down last year."))))


def test_inside_a_quotation_it_is_the_quote_check_s_place():
    texts = _flood()
    texts["c"] = texts["c"].replace("on the quay 40 goods houses were filled with water",
                                    "\"on the quay 40 goods houses were filled with water\"")
    assert not _split(run(story(texts)))


@pytest.mark.parametrize("word, splits", [
    ("warehouses", (("ware", "house"),)),
    ("lighthouse", (("light", "house"),)),
    ("house", ()),
    ("Warehouses", ()),
])
def test_closed_splits(word, splits):
    assert _closed_splits(word) == splits


def test_a_word_split_by_a_slip_is_the_garble_check_s():
    # "star ted" is no English pair; "sta rted" neither: a split word, not a compound's parts.
    texts = _flood()
    texts["a"] = texts["a"].replace("burst its banks", "started to flood")
    texts["b"] = texts["b"].replace("when the Ostra rose", "when the Ostra started to rise")
    texts["c"] = texts["c"].replace("came out of its bed", "expec ted to flood")
    assert not [f for f in _split(run(story(texts))) if "ted" in f.text]
    assert _closed_splits("started") == ()
