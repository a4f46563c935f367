"""A place named in its own language where the others print its English name
(``names._own_language_name``): a word another language prints often and English hardly at all,
opening as the English name does, is that place's name there, not a misspelling of it; nor is the
adjective English derives from a place's name ("Cape Verdean") letters added to it
(``names._letters_added``). Names invented for a story about a rice harvest."""

from __future__ import annotations

from checks_builder import assert_offsets_true, story
from srccompare.checks.names import NameCheck
from srccompare.models import Kind


def run(ctx):
    flags = [f for f in NameCheck().run(ctx) if f.confidence >= ctx.settings.min_confidence]
    assert all(f.kind is Kind.NAME_VARIANT for f in flags)
    assert_offsets_true(ctx, flags)
    return flags


TEXT = ("Rice growers in {p} expect a harvest a fifth below last year's, farm council head Ettore "
        "Valsecchi said on Tuesday. The drought cut the water in the canals by half.")
OTHERS = {s: TEXT.format(p="Lombardy") for s in "abc"}


def flagged(p):
    return [f.text for f in run(story(dict(OTHERS, d=TEXT.format(p=p)))) if f.source == "d"]


def test_the_places_own_name_in_its_language_is_not_flagged():
    assert "Lombardia" not in flagged("Lombardia")


def test_a_misspelt_english_name_stays_flagged():
    assert "Lombary" in flagged("Lombary")


def test_an_adjective_of_the_place_is_no_letters_added():
    # "Cape Verdean" on "Cape Verde": English's word for what comes from the place.
    from srccompare.checks.names import _letters_added
    assert not _letters_added("verdean", "verde")
    assert _letters_added("hallm", "halm")


def test_a_given_name_in_another_case_before_the_surname_is_no_place():
    # "Marka" is a frequent Polish word, but here it opens the full name the others print as
    # "Marek Wolski": the name of a person in another case, left by a translation.
    text = "Mine director {n} said on Monday that the shaft would close in March after six decades of work."
    ctx = story({**{s: text.format(n="Marek Wolski") for s in "abc"}, "d": text.format(n="Marka Wolskiego")})
    assert "Marka" in [f.text for f in run(ctx) if f.source == "d"]
