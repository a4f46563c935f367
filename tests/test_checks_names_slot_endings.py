"""Case endings a translation leaves on a name that English derivation could also have made
(``names._slot_ending_flags``, ``names._name_slot``), adjectival and Slovene case endings
(``names.case_ending``), institution names whose words a language orders the other way
(``names._head_moved``), and a product name's English plural (``names._others_print_lower``).
Names invented for a story about a tram line."""

from __future__ import annotations

import pytest

from checks_builder import assert_offsets_true, story
from srccompare.checks.names import NameCheck, _name_slot, case_ending
from srccompare.models import Kind


def run(ctx):
    flags = [f for f in NameCheck().run(ctx) if f.confidence >= ctx.settings.min_confidence]
    assert all(f.kind is Kind.NAME_VARIANT for f in flags)
    assert_offsets_true(ctx, flags)
    return flags


TRAM = ("The tram line to Harvela will close for three weeks, transport director Anneli Kuosmala said on "
        "Monday. Kuosmala said buses would run every ten minutes.")
TRAM_MT = ("Replacement buses run from Tuesday, transport director Anneli Kuosmala announced. \"We ask for "
           "patience,\" {s} says. The stretch goes from the depot to {p}.")


def flagged(s="Kuosmala", p="Harvela"):
    ctx = story({**{x: TRAM for x in "abc"}, "d": TRAM_MT.format(s=s, p=p)})
    return [f.text for f in run(ctx) if f.source == "d"]


def test_a_genitive_n_left_on_a_surname_before_a_speech_verb_is_flagged():
    assert "Kuosmalan" in flagged(s="Kuosmalan")


def test_an_ending_left_on_a_place_before_punctuation_is_flagged():
    assert "Harvelas" in flagged(p="Harvelas")


def test_the_name_printed_right_is_not_flagged():
    assert flagged() == []


def test_the_name_slot():
    assert _name_slot("to Harvelan. The", len("to Harvelan"))
    assert _name_slot("Harvelan said", len("Harvelan"))
    assert not _name_slot("Harvelas Vestis reported", len("Harvelas"))
    assert _name_slot("in Harvelas on Monday", len("in Harvelas"))
    # An adjective made from a name stands before the noun it qualifies.
    assert not _name_slot("the Harvelan delegation", len("the Harvelan"))


def test_an_adjective_made_from_a_name_is_not_flagged():
    text = "The {a} delegation arrived in Harvela on Monday, the mayor said."
    ctx = story({**{s: text.format(a="visiting") for s in "abc"}, "d": text.format(a="Harvelan")})
    assert "Harvelan" not in [f.text for f in run(ctx) if f.source == "d"]


def test_adjectival_and_slovene_case_endings():
    assert case_ending("kowalskiego", "kowalski") == "ego"
    assert case_ending("kowalskiej", "kowalska") == "iej"
    assert case_ending("novotneho", "novotny") == "eho"
    assert case_ending("zagarjeva", "zagar") == "jeva"


def test_a_university_named_in_the_other_word_order_is_not_flagged():
    text = "Researchers at {u} measured fine dust in 40 schools, the study led by Dewi Hartono found."
    ctx = story({**{s: text.format(u="Universitas Sembrani") for s in "abc"},
                 "d": text.format(u="Sembrani University")})
    assert "University" not in [f.text for f in run(ctx) if f.source == "d"]


def test_a_product_name_in_the_plural_is_not_flagged():
    text = ("Farmers hired a Happy Tiller through the cooperative, and super tiller rentals rose. "
            "The {w} cut the burning by half, the study said.")
    ctx = story({**{s: text.format(w="Happy Tiller") for s in "abc"}, "d": text.format(w="Happy Tillers")})
    assert "Tillers" not in [f.text for f in run(ctx) if f.source == "d"]


def test_polish_soft_stem_endings():
    from srccompare.checks.names import soft_case_ending
    assert soft_case_ending("lubasia", "lubas", "Lubaś") == "ia"
    assert soft_case_ending("lubasiowi", "lubas", "Lubaś") == "iowi"
    # Without the soft consonant the i is a letter of another name ("Lucas" / "Lucasia").
    assert soft_case_ending("lucasia", "lucas", "Lucas") is None


MINE = "The mine will close in March, director Marek {s} told the council on Monday. {s} said the seam was spent."
DECLINED = ("Workers protested at the gate for the whole night. Director Marek {n} met them. The decision of "
            "{s} surprised the union.")


@pytest.mark.parametrize("name, declined", [
    ("Lubaś", "Lubasia"), ("Kowalski", "Kowalskiego"), ("Novotný", "Novotného"), ("Žagar", "Žagarjeva")])
def test_a_surname_left_in_a_case_form_is_flagged(name, declined):
    # The source prints the full name in the nominative, then the surname alone as the sentence of
    # the language it was translated from declined it.
    ctx = story({**{s: MINE.format(s=name) for s in "abc"}, "d": DECLINED.format(n=name, s=declined)})
    assert declined in [f.text for f in run(ctx) if f.source == "d"]
