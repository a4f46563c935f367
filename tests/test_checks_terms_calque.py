"""term_variant: a body or office named word for word by one source ("Ministry of Drink Matters"
where the others print "Ministry of Water Resources", "the Fire Guard" where they print "the
civil protection agency"). An invented story (water rationing in a drought-hit province), not
the quality cases' wording."""

from __future__ import annotations

from checks_builder import assert_offsets_true, story
from srccompare.checks.terms import TermCheck
from srccompare.checks.terms.calques import _calque_related
from srccompare.checks.base import Token
from srccompare.models import Kind, Severity


def run(ctx):
    flags = TermCheck().run(ctx)
    assert all(f.kind is Kind.TERM_VARIANT for f in flags)
    assert_offsets_true(ctx, flags)
    return flags


def _calques(flags, source="d"):
    # Other passes may read the reworded sentences their own way; these tests pin this pass.
    return [f for f in flags if f.source == source and "printed by no other source, where" in f.message
            and "name it" in f.message]


def _drought(d_body: str = "Ministry of Water Resources", *, a_body: str = "Ministry of Water Resources",
             b_body: str = "Ministry of Water Resources", c_body: str = "Ministry of Water Resources",
             d_extra: str = "") -> dict[str, str]:
    # Each source names the ministry in its own sentence: the place is the story, not one passage.
    return {
        "a": f"The {a_body} ordered water rationing in Tarsenne province on Monday. "
             "Reservoirs around the city of Olbec hold less than a fifth of their capacity. "
             "Farmers will be allowed to irrigate only at night.",
        "b": "Households in Olbec will receive tap water for six hours a day from Wednesday. "
             f"The {b_body} blamed the third dry winter in a row. "
             "Irrigation will be limited to the night hours.",
        "c": "Tarsenne province is rationing water after a third dry winter. "
             f"According to the {c_body}, reservoirs near Olbec are below a fifth of capacity. "
             "Farm irrigation is allowed only at night.",
        "d": f"The {d_body} announced on Monday that water will be rationed in Tarsenne province. "
             "The reservoirs near Olbec are filled at less than one fifth. "
             "Farmers may water their fields only during the night." + d_extra,
    }


def test_a_body_named_word_for_word_where_three_sources_agree_is_a_term_variant():
    flags = _calques(run(story(_drought("Ministry of Drink Matters"))))
    assert [(f.text, f.expected) for f in flags] == [("Ministry of Drink Matters", "Ministry of Water Resources")]
    assert flags[0].severity is Severity.MEDIUM


def test_the_same_name_everywhere_is_left_alone():
    assert not _calques(run(story(_drought())))


def test_one_witness_is_not_enough():
    texts = _drought("Ministry of Drink Matters", b_body="ministry", c_body="ministry")
    assert not _calques(run(story(texts)))


def test_a_source_printing_the_others_name_itself_names_another_body():
    # d names the water ministry too: its own ministry is a second body the others leave out.
    texts = _drought("Ministry of Drink Matters",
                     d_extra=" The Ministry of Water Resources will publish the schedule.")
    assert not _calques(run(story(texts)))


def test_a_name_word_in_the_phrase_is_the_name_checks_business():
    # "Ministry of Tarsenne Waters": a name of its own, not a word-for-word rendering.
    assert not _calques(run(story(_drought("Ministry of Tarsenne Waters"))))


def test_a_calque_keeping_the_meaning_stays_under_the_reporting_floor():
    # "Shore Watch" for "coastal patrol": WordNet links shore/coastal and watch/patrol.
    flags = _calques(run(story(_navy("Shore Watch"))))
    assert [(f.text, f.severity) for f in flags] == [("Shore Watch", Severity.LOW)]
    assert flags[0].confidence < 0.5
    assert _calque_related([Token("Internal", 0, 8)], [Token("Interior", 0, 8)])
    assert not _calque_related([Token("Village", 0, 7)], [Token("Agriculture", 0, 11)])
    assert _calque_related([Token("EU", 0, 2)], [Token("European", 0, 8)])


def _navy(d_phrase: str, *, d_extra: str = "") -> dict[str, str]:
    # The same sentence in four renderings: the body is what stands before "sent".
    return {
        "a": "The coastal patrol sent two boats to tow the drifting tanker Marisol off the reef near Kalvik. "
             "The crew of fourteen was unhurt.",
        "b": "The coastal patrol has sent two boats to tow the tanker Marisol away from the reef at Kalvik. "
             "None of the fourteen crew members was hurt.",
        "c": "Two boats were sent to free the tanker Marisol from the reef at Kalvik. "
             "All fourteen crew members are safe.",
        "d": f"The {d_phrase} has sent two boats to pull the tanker Marisol from the reef by Kalvik. "
             "The fourteen sailors of the crew are unharmed." + d_extra,
    }


def test_a_body_named_with_other_head_words_at_the_same_place_is_a_term_variant():
    flags = _calques(run(story(_navy("Beach Eye"))))
    assert [(f.text, f.expected) for f in flags] == [("Beach Eye", "coastal patrol")]
    assert flags[0].severity is Severity.MEDIUM and flags[0].confidence >= 0.5
    assert "'sent'" in flags[0].message


def test_a_body_the_others_name_beside_their_own_is_another_body():
    texts = _navy("Beach Eye")
    texts["a"] = texts["a"].replace("The crew", "The Beach Eye said the crew")
    assert not _calques(run(story(texts)))


def test_the_others_head_word_printed_by_this_source_is_no_calque():
    texts = _navy("Beach Eye", d_extra=" A coastal patrol officer boarded the tanker.")
    assert not _calques(run(story(texts)))
