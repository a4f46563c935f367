"""term_variant: how many sources print the other word in otherwise the same wording. Invented
stories, not the quality cases' wording."""

from __future__ import annotations

from checks_builder import assert_offsets_true, story
from srccompare.checks.terms import TermCheck
from srccompare.models import Kind, Severity


def run(ctx, *, floor: bool = True):
    flags = [f for f in TermCheck().run(ctx) if not floor or f.confidence >= ctx.settings.min_confidence]
    assert all(f.kind is Kind.TERM_VARIANT for f in flags)
    assert_offsets_true(ctx, flags)
    return flags


SAME = "Engineers closed the Varna bridge after divers found a deep crack in the third {} on Tuesday."
REWORDED = "A deep crack in the third {} of the Varna bridge, found by divers on Tuesday, led engineers to shut it."
QUOTED = "\u201cDivers found a deep crack in the third {} of the bridge,\u201d the chief engineer said on Tuesday."


def _bridge(b_line: str, d_word: str = "chimney", line: str = SAME) -> dict[str, str]:
    return {"a": line.format("pylon"), "b": b_line.format("pylon"), "c": REWORDED.format("pylon"),
            "d": line.format(d_word)}


def _on(flags, word):
    return [f for f in flags if f.text == word]


def test_two_sources_in_the_same_wording_report_the_swap():
    flags = _on(run(story(_bridge(SAME))), "chimney")
    assert [(f.source, f.expected) for f in flags] == [("d", "pylon")]
    assert flags[0].severity in (Severity.MEDIUM, Severity.HIGH)


def _substituted(ctx, word):
    """The word-for-word pass's flags on ``word`` (other passes may read the place otherwise)."""
    from srccompare.checks.terms.substitutions import _substitutions
    from srccompare.checks.terms.words import _content_words, _story_stems

    words, seqs = _content_words(ctx)
    return [f for f in _substitutions(ctx, _story_stems(words), words, seqs) if f.text == word]


def test_one_source_in_the_same_wording_outside_a_quotation_is_below_the_floor():
    # b and c print 'pylon' in sentences built otherwise: one rendering against one, the others
    # only printing the word somewhere in their sentence, is no consensus on the wording.
    ctx = story(_bridge(REWORDED))
    one = _substituted(ctx, "chimney")
    assert one and all(f.severity is Severity.LOW and f.confidence < ctx.settings.min_confidence for f in one)
    two = _substituted(story(_bridge(SAME)), "chimney")
    assert two and all(f.severity is not Severity.LOW for f in two)


def test_one_source_in_the_same_quotation_still_reports_the_swap():
    # Inside a quotation the words are the speaker's: one other source quoting them alike is
    # evidence enough that this source changed them.
    texts = {"a": QUOTED.format("pylon"), "b": REWORDED.format("pylon"), "c": REWORDED.format("pylon"),
             "d": QUOTED.format("chimney")}
    assert [(f.source, f.expected) for f in _on(run(story(texts)), "chimney")] == [("d", "pylon")]
