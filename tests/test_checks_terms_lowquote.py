"""term_variant: a reading the passes make low inside a quotation (near words, one field, everyday
words a translator chose) falls under the reporting floor (``severity._low_in_quote``); a reading
above low there, and any reading outside a quotation, keeps its place. An invented story (a late
frost in an orchard valley), not the quality cases' wording."""

from __future__ import annotations

from checks_builder import assert_offsets_true, story
from srccompare.checks.base import make_flag
from srccompare.checks.terms import TermCheck
from srccompare.checks.terms.severity import _low_in_quote
from srccompare.models import Kind, Severity
from srccompare.settings import Settings

FLOOR = Settings().min_confidence
QUOTE = "\u201cThe frost took nearly all the {} in the upper rows overnight,\u201d grower Tomas Hradil said."


def _orchard(d_word: str) -> dict[str, str]:
    texts = {k: "A late frost hit the Sazava valley on Tuesday. " + QUOTE.format("blossom") for k in "abc"}
    texts["d"] = "On Tuesday a late frost struck the Sazava valley. " + QUOTE.format(d_word)
    return texts


def _d_flags(texts):
    ctx = story(texts)
    flags = [f for f in TermCheck().run(ctx) if f.source == "d"]
    assert_offsets_true(ctx, flags)
    return flags


def test_a_near_word_in_a_quotation_is_read_but_not_reported():
    flags = _d_flags(_orchard("flowers"))
    assert [(f.text, f.expected, f.severity) for f in flags] == [("flowers", "blossom", Severity.LOW)]
    assert all(f.confidence < FLOOR for f in flags)


def test_a_word_of_another_field_in_a_quotation_stays_reported():
    flags = _d_flags(_orchard("tractors"))
    assert [(f.text, f.expected) for f in flags] == [("tractors", "blossom")]
    assert flags[0].severity is not Severity.LOW and flags[0].confidence >= FLOOR


def _flag(text: str, word: str, severity: Severity, confidence: float):
    texts = {"a": text.replace(word, "blossom"), "b": text.replace(word, "blossom"), "c": text}
    ctx = story(texts)
    start = text.index(word)
    return ctx, make_flag(ctx, kind=Kind.TERM_VARIANT, source="c", start=start, end=start + len(word),
                          expected="blossom", severity=severity, confidence=confidence, group=None,
                          message="m", evidence=[])


def test_only_low_flags_inside_a_quotation_move_under_the_floor():
    quoted = "\u201cWe lost the petals in one night,\u201d the grower said."
    ctx, low = _flag(quoted, "petals", Severity.LOW, 0.5)
    assert _low_in_quote(ctx, low).confidence < FLOOR
    ctx, medium = _flag(quoted, "petals", Severity.MEDIUM, 0.7)
    assert _low_in_quote(ctx, medium) == medium
    prose = "The growers lost the petals in one night, the cooperative said."
    ctx, outside = _flag(prose, "petals", Severity.LOW, 0.5)
    assert _low_in_quote(ctx, outside) == outside
