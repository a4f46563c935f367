"""garbled_text: a word of another language in the slot English gives a person's title or a
name's classing noun (before a full name, "the X Name", after a name before punctuation) or the
speaker after a reporting verb ("said one X") is a title or local term a translation keeps, as it
keeps names; it is not reported as left untranslated.

An invented story (a ferry service suspended on a lake, one machine-translated source ``d``); the
words "vorkasta" and "brellund" are made up, unknown to every list and printed by no other source.
"""

from __future__ import annotations

from checks_builder import found, reported, story
from srccompare.checks.garbles import GarbleCheck
from srccompare.models import Kind

WIRE = ("The ferry across Lake Varden stopped running on Monday after the engine failed, the operator said. "
        "About 300 commuters waited at the pier in the rain until buses arrived from the town.")
DAILY = ("Ferry services on Lake Varden were halted on Monday when the engine broke down. "
         "Some 300 commuters waited at the pier in heavy rain before buses came from the town.")
BRIEF = ("The operator said the Lake Varden ferry stopped on Monday because of an engine failure. "
         "Around 300 commuters stood at the pier in the rain until the buses from the town arrived.")


def reported_in_d(mt: str) -> list[str]:
    ctx = story({"a": WIRE, "b": DAILY, "c": BRIEF, "d": mt})
    return [text for _, text, _ in found(reported(GarbleCheck(), ctx, Kind.GARBLED_TEXT), "d")]


FIRST = "The ferry of Lake Varden stopped on Monday after the engine failed, said the operator. "


def test_a_bare_foreign_word_where_the_others_tell_the_same_is_left_untranslated():
    mt = FIRST + "About 300 vorkasta waited at the pier in the rain until the buses arrived from the town."
    assert "vorkasta" in reported_in_d(mt)


def test_a_title_before_a_full_name_or_a_classing_noun_after_the_is_meant():
    title = FIRST + "About 300 commuters waited at the pier with brellund Anna Lindqvist in the rain until the buses arrived from the town."
    classing = FIRST + "About 300 commuters waited at the pier of the brellund Kastholm in the rain until the buses arrived from the town."
    after_name = FIRST + "About 300 commuters waited at the pier with Anna Lindqvist brellund, in the rain until the buses arrived from the town."
    for mt in (title, classing, after_name):
        assert "brellund" not in reported_in_d(mt)


def test_the_speaker_after_a_reporting_verb_is_meant():
    mt = FIRST + "About 300 commuters waited at the pier in the rain until the buses arrived from the town, said one brellund."
    assert "brellund" not in reported_in_d(mt)


def test_a_word_run_into_a_function_word_before_a_name_is_still_reported():
    # "directorsof Lake Varden": an English word with "of" run into it, not a title.
    mt = FIRST + "About 300 commuters waited at the pier in the rain until the buses of the directorsof Varden Town arrived."
    assert "directorsof" in " ".join(reported_in_d(mt))
