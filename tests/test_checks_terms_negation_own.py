"""term_variant, negation pass: a witness is a rendering of the flagged sentence only where the
sources agree on what the sentence says elsewhere. Two cases where the others' plain word belongs
to another statement: the flagged source prints the others' statement itself in another sentence
of the same aligned group, or another source quotes the flagged words, negation and all. An
invented story (a ferry levy in a port town), not the quality cases' wording."""

from __future__ import annotations

from checks_builder import assert_offsets_true, story
from srccompare.checks.terms import TermCheck
from srccompare.models import Kind


def run(ctx):
    flags = TermCheck().run(ctx)
    assert all(f.kind is Kind.TERM_VARIANT for f in flags)
    assert_offsets_true(ctx, flags)
    return flags


def _negation(flags, source):
    return [f for f in flags if f.source == source and "negation" in f.message]


_LEAD = ("The port council of Brevik voted on Tuesday to charge ferry operators a levy of four euros per passenger. "
         "The levy will take effect in March. ")


def test_a_second_statement_of_a_source_that_says_the_others_words_itself_is_left_alone():
    # "a" and "b" say the buses will be counted; "c" says so too, in the sentence after a request
    # not to use them: the request is a statement of its own, no rendering of theirs.
    texts = {
        "a": _LEAD + "Transport office head Lena Dahl said her office will count in June how many shuttle buses are used.",
        "b": _LEAD + "Transport office head Lena Dahl said the office would count in June how many shuttle buses are used.",
        "c": _LEAD + "Transport office head Lena Dahl asked passengers not to use shuttle buses. "
                     "Her office will count in June how many shuttle buses are used.",
    }
    assert not _negation(run(story(texts)), "c")


def test_the_request_alone_is_still_a_negation_added():
    # Without the sentence that says what the others say, "c" turns their statement around.
    texts = {
        "a": _LEAD + "Transport office head Lena Dahl said her office will count in June how many shuttle buses are used.",
        "b": _LEAD + "Transport office head Lena Dahl said the office would count in June how many shuttle buses are used.",
        "c": _LEAD + "Transport office head Lena Dahl asked passengers not to use shuttle buses.",
    }
    assert [f.text for f in _negation(run(story(texts)), "c")] == ["not to use"]


def test_a_quotation_of_the_same_negated_words_sides_with_the_transcript():
    # "c" is a transcript: the councillor's words without quotation marks. "a" quotes them, negation
    # and all; "b" and "d" say in their own words that the levy falls on the ferry lines too.
    texts = {
        "a": _LEAD + "\"This is a levy on the dock worker who will lose shifts, not on the ferry lines,\" Mira Holt said.",
        "b": _LEAD + "Mira Holt said this is a levy on the dock worker who will lose shifts and on the ferry lines.",
        "c": _LEAD + "HOLT: This is a levy on the dock worker who will lose shifts, not on the ferry lines.",
        "d": _LEAD + "Mira Holt said it is a levy on the dock worker who will lose shifts and on the ferry lines.",
    }
    assert not _negation(run(story(texts)), "c")
