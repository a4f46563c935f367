"""term_variant, the word-for-word pass inside a quotation: one other source quoting the same words
is one rendering against one. Where the words at the place are near in meaning or of one field
(the pass's own low reading), that is no evidence a term changed, and the flag stays below the
reporting floor; a word of another field is reported. Two copies of the quote make the reading
low, which inside a quotation also sits under the floor (``severity._low_in_quote``). An invented
story (a river flood at a lock), not the quality cases' wording."""

from __future__ import annotations

from checks_builder import assert_offsets_true, story
from srccompare.checks.terms import TermCheck
from srccompare.models import Severity

QUOTE = "\u201cIn forty years the river has never carried so much {} past the weir,\u201d said lock keeper Ilse Baumer."
REWORDED = "\u201cNever in forty years did so much silt pass the weir,\u201d lock keeper Ilse Baumer said."


def _flood(d_word: str, *, two_copies: bool) -> dict[str, str]:
    # "a" quotes the keeper as "d" does; "b" quotes her the same words (two_copies) or in its own
    # rendering; "c" reports the statement in indirect speech.
    return {
        "a": "Floods hit the town of Orlach on Sunday. " + QUOTE.format("silt"),
        "b": "Orlach was flooded on Sunday. " + (QUOTE.format("silt") if two_copies else REWORDED),
        "c": "The town of Orlach flooded on Sunday, and lock keeper Ilse Baumer said the river had never "
             "carried so much silt past the weir in forty years.",
        "d": "On Sunday floods reached Orlach. " + QUOTE.format(d_word),
    }


def _reported(texts):
    ctx = story(texts)
    flags = [f for f in TermCheck().run(ctx) if f.source == "d"]
    assert_offsets_true(ctx, flags)
    return [f for f in flags if f.confidence >= ctx.settings.min_confidence]


def test_a_near_word_against_one_copy_of_the_quote_is_not_reported():
    assert _reported(_flood("mud", two_copies=False)) == []


def test_a_near_word_against_two_copies_of_the_quote_is_read_low_under_the_floor():
    # Two copies make the pass's reading of the place, low; a low reading inside a quotation sits
    # under the reporting floor all the same (severity._low_in_quote).
    assert _reported(_flood("mud", two_copies=True)) == []
    ctx = story(_flood("mud", two_copies=True))
    flags = [f for f in TermCheck().run(ctx) if f.source == "d"]
    assert [(f.text, f.expected, f.severity) for f in flags] == [("mud", "silt", Severity.LOW)]


def test_a_word_of_another_field_against_one_copy_is_reported():
    flags = _reported(_flood("gravel", two_copies=False))
    assert [(f.text, f.expected) for f in flags] == [("gravel", "silt")]
    assert flags[0].severity is not Severity.LOW
