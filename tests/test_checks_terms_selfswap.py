"""term_variant: a source inconsistent with itself where the others are consistent ("harbour
tithes" once in an article that prints "harbour dues" elsewhere, where the other sources print
"dues" at that place). An invented story (a port raising its charges), not the quality cases'
wording."""

from __future__ import annotations

from checks_builder import assert_offsets_true, story
from srccompare.checks.terms import TermCheck
from srccompare.models import Kind, Severity


def run(ctx, floor: bool = True):
    flags = [f for f in TermCheck().run(ctx) if not floor or f.confidence >= ctx.settings.min_confidence]
    assert all(f.kind is Kind.TERM_VARIANT for f in flags)
    assert_offsets_true(ctx, flags)
    return flags


def _self_flags(flags):
    # Other passes may read the reworded sentence their own way; these tests pin this pass.
    return [f for f in flags if f.source == "d" and "rendered two ways" in f.message]


def _port(place: str, *, elsewhere: str = "harbour dues", second: str = "dues") -> dict[str, str]:
    # d's sentence at the place is built another way (no word-for-word match with a or b).
    return {
        "a": "The port of Kessarine will raise its harbour dues by a fifth from March, the port authority said. "
             "Fishing crews said the harbour dues would push smaller boats to the northern quays. "
             "The authority blamed the cost of dredging the outer channel.",
        "b": "Kessarine's port authority is lifting harbour dues by a fifth in March. "
             "Skippers of smaller boats warned that the higher harbour dues would drive fishing crews north. "
             "Dredging the outer channel has doubled the authority's costs.",
        "c": "Harbour dues at Kessarine go up by a fifth from March. "
             "Fishing crews expect the dues to send smaller boats to other quays. "
             "The port authority pointed to dredging in the outer channel.",
        "d": f"From March the port authority of Kessarine charges a fifth more in {elsewhere}. "
             f"Smaller boats will move north because of the {place}, fishing crews fear. "
             f"The {second} pay for dredging the outer channel, the authority said.",
    }


def test_a_word_the_source_renders_otherwise_elsewhere_is_a_term_variant():
    flags = _self_flags(run(story(_port("harbour tithes"))))
    assert [(f.text, f.expected) for f in flags] == [("tithes", "dues")]
    assert flags[0].severity is Severity.MEDIUM
    assert "harbour" in flags[0].message


def test_without_the_source_printing_the_unit_elsewhere_this_pass_is_silent():
    # d never prints "harbour dues": nothing shows it names one thing two ways.
    texts = _port("harbour tithes", elsewhere="landing charges", second="charges")
    assert _self_flags(run(story(texts))) == []


def test_the_source_must_print_the_others_word_in_more_than_one_other_place():
    texts = _port("harbour tithes", second="levies")
    assert _self_flags(run(story(texts))) == []


def test_a_quoted_rendering_is_left_to_the_quote_reading():
    texts = _port("harbour tithes")
    texts["d"] = texts["d"].replace("because of the harbour tithes, fishing crews fear",
                                    "\"because of the harbour tithes\", a skipper said")
    assert _self_flags(run(story(texts))) == []


def test_a_name_is_no_unit_to_hold_a_swapped_member():
    # "Kessarine" before the word is a name, not the first member of a compound.
    texts = _port("harbour tithes")
    texts["d"] = texts["d"].replace("because of the harbour tithes", "because of Kessarine tithes")
    assert _self_flags(run(story(texts))) == []


def test_two_everyday_words_for_one_thing_stay_below_the_reporting_floor():
    # The others' word made an everyday one too ("prices"): two common words for one thing.
    texts = {k: v.replace("dues", "prices") for k, v in _port("harbour money").items()}
    assert _self_flags(run(story(texts))) == []
    low = _self_flags(run(story(texts), floor=False))
    assert [(f.text, f.severity) for f in low] == [("money", Severity.LOW)]


def test_a_member_naming_people_beside_the_others_thing_is_another_referent():
    # "harbour pilots" where the others print "harbour dues": people the story could name beside
    # the charge, not the charge rendered a second way ("harbour tithes", a thing for a thing,
    # stays a term variant: the first test).
    assert _self_flags(run(story(_port("harbour pilots")))) == []
