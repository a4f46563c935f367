"""term_variant, bodies named word for word (``calques``): a name that shares a word besides its
head with the name the others print around theirs is the same body named more or less fully, or
cut where its name joins two parts, and falls below the reporting floor; a name of other words
stays a term variant. An invented story (flour prices in a market town), not the quality cases'
wording."""

from __future__ import annotations

from checks_builder import assert_offsets_true, story
from srccompare.checks.terms import TermCheck
from srccompare.models import Kind
from srccompare.settings import Settings

FLOOR = Settings().min_confidence

_A = ("Grain prices rose again in Vellmar on Tuesday. The Millers' Guild of Vellmar said flour would cost more "
      "next month. About 40 bakeries closed.")
_B = ("Flour will cost more next month, the Millers' Guild of Vellmar said on Tuesday as grain prices rose again. "
      "Some 40 bakeries shut.")
_C = "On Tuesday grain prices rose again in Vellmar. The {} said flour would cost more next month. Around 40 bakeries closed."


def run(ctx):
    flags = TermCheck().run(ctx)
    assert all(f.kind is Kind.TERM_VARIANT for f in flags)
    assert_offsets_true(ctx, flags)
    return flags


def _visible(flags, source="c"):
    return [f.text for f in flags if f.source == source and f.confidence >= FLOOR]


def test_a_name_sharing_a_word_with_the_others_whole_name_is_the_same_body():
    # "Guild of the Millers" / "Millers' Guild of Vellmar": the unit the others print after
    # "Guild of" is "Vellmar", but their whole name holds "Millers" too.
    flags = run(story({"a": _A, "b": _B, "c": _C.format("Guild of the Millers")}))
    assert [f for f in flags if f.source == "c" and f.text == "Guild of the Millers"], "read, below the floor"
    assert "Guild of the Millers" not in _visible(flags)


def test_a_name_of_other_words_stays_a_term_variant():
    flags = run(story({"a": _A, "b": _B, "c": _C.format("Guild of the Bread Makers")}))
    assert "Guild of the Bread Makers" in _visible(flags)


def test_a_name_cut_where_it_joins_two_parts_is_the_same_body():
    # This source prints the body's whole name "Labour and Pension Board"; the others say "the
    # labour board". The unit before the head stops at "and": "Pension Board".
    a = "The labour board closed the Tarn office on Friday after a strike. About 300 claims were turned back."
    b = "A strike shut the Tarn office on Friday, the labour board said. Some 300 claims were turned back."
    c = "The Labour and Pension Board closed the Tarn office on Friday after a strike. Around 300 claims were turned back."
    flags = run(story({"a": a, "b": b, "c": c}))
    assert [f for f in flags if f.source == "c" and f.text == "Pension Board"], "read, below the floor"
    assert "Pension Board" not in _visible(flags)
