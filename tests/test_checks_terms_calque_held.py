"""term_variant, bodies named word for word (``calques``): a name is no word-for-word rendering of
the others' name at the same place where it names a body the others print elsewhere: it holds
the whole of a name two other sources print with the same head ("Town Port Office" beside
their "Port Office"), or this source prints the others' name itself elsewhere, by the word
before the head ("the Tarnby Weather Office" beside their "Weather Office"). Then two bodies are
named, which is the attribution check's business. A name of other words stays a term variant.
An invented story (gales at a harbour town), not the quality cases' wording."""

from __future__ import annotations

from checks_builder import assert_offsets_true, story
from srccompare.checks.terms import TermCheck
from srccompare.models import Kind
from srccompare.settings import Settings

FLOOR = Settings().min_confidence

_A = ("The Weather Office warned of gales in Tarnby on Monday. The Port Office closed the north quay "
      "until Thursday. Winds of 90 km/h are expected.")
_B = ("Gales are coming to Tarnby, the Weather Office warned on Monday. The Port Office shut the north quay "
      "until Thursday. Winds of 90 km/h are expected.")


def run(ctx):
    flags = TermCheck().run(ctx)
    assert all(f.kind is Kind.TERM_VARIANT for f in flags)
    assert_offsets_true(ctx, flags)
    return flags


def _visible(flags, source="c"):
    return [f.text for f in flags if f.source == source and f.confidence >= FLOOR]


def test_a_name_holding_a_name_the_others_print_is_that_body():
    c = ("The Town Port Office warned of gales in Tarnby on Monday. The north quay is closed until "
         "Thursday. Winds of 90 km/h are expected.")
    flags = run(story({"a": _A, "b": _B, "c": c}))
    assert not [t for t in _visible(flags) if "Office" in t]


def test_a_source_printing_the_others_name_elsewhere_names_another_body_here():
    c = ("The Sea Rescue Office warned of gales in Tarnby on Monday. The north quay is closed until "
         "Thursday. The Tarnby Weather Office expects winds of 90 km/h.")
    flags = run(story({"a": _A, "b": _B, "c": c}))
    assert not [t for t in _visible(flags) if "Office" in t]


def test_a_name_of_other_words_stays_a_term_variant():
    c = ("The Sky Watch Office warned of gales in Tarnby on Monday. The north quay is closed until "
         "Thursday. Winds of 90 km/h are expected.")
    flags = run(story({"a": _A, "b": _B, "c": c}))
    assert [t for t in _visible(flags) if "Office" in t]
