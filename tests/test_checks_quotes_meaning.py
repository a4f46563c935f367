"""What a rewording does to a quote's meaning (session 4): negations and modals that only move or
stand for a verb left out, modals of one kind, a translation's pick between near words, and a
quantity word a third source reports as the quote had it. Invented stories (a bridge closure, a
bakery strike, an orchard frost)."""

from __future__ import annotations

from srccompare.checks.quotes import QuoteCheck, read_change
from srccompare.checks.speech import quote_words
from tests.discrepancy_story import build, check_offsets


def run(texts, groups=None):
    ctx = build(texts, groups)
    flags = list(QuoteCheck().run(ctx))
    check_offsets(ctx, flags)
    return flags


def whole(mine: str, theirs: str, places):
    """``read_change`` over the given places with both wordings known."""
    m, t = quote_words(mine), quote_words(theirs)
    ps = [(quote_words(a), quote_words(b)) for a, b in places]
    return read_change(ps, mine=[w.norm for w in m], theirs=[w.norm for w in t], mine_words=m, theirs_words=t)


def test_a_negation_that_only_moves_is_no_change_of_polarity():
    # "and we neither" / "and neither can we": the same "neither", placed otherwise; the modal
    # "can" stands for the verb left out.
    r = whole("the river does not wait and we neither", "the river does not wait and neither can we",
              [("we neither", "neither can we")])
    assert "polarity" not in r.changes and "modality" not in r.changes


def test_a_negation_lost_is_still_a_change_of_polarity():
    r = whole("the river does wait and we too", "the river does not wait and neither can we",
              [("does wait", "does not wait")])
    assert "polarity" in r.changes


def test_a_modal_before_its_verb_is_no_ellipsis():
    r = whole("so we wait", "so can we wait", [("we", "can we")])
    assert "modality" in r.changes


def test_modals_of_one_kind_keep_the_modality():
    assert "modality" not in read_change([(quote_words("should"), quote_words("must"))]).changes
    assert "modality" not in read_change([(quote_words("might"), quote_words("may"))]).changes
    assert "modality" in read_change([(quote_words("will"), quote_words("must"))]).changes
    assert "modality" in read_change([(quote_words("can"), quote_words("must"))]).changes


def test_one_word_for_a_near_word_of_its_field_is_marked():
    assert read_change([(quote_words("our apricots"), quote_words("our plums"))]).one_field
    assert not read_change([(quote_words("there was smoke"), quote_words("there was bread"))]).one_field


def _translating_story(variant: str) -> dict[str, list[str]]:
    """Four sources on a bakers' strike; "d" words its first quote in its own words (a translation)."""
    return {
        "a": ['"The ovens will stay cold until the owners have answered every demand," union leader Pia Holm said.',
              '"Our bakers need a contract now, not next spring," Holm added.'],
        "b": ['"The ovens will stay cold until the owners have answered every demand," Holm said.',
              '"Our bakers need a contract now, not next spring," she added.'],
        "c": ['"The ovens will stay cold until the owners have answered every demand," Holm said.',
              '"Our bakers need a contract now, not next spring," she added.'],
        "d": ['"The ovens will remain cold until the owners have met every demand," Holm said.', variant],
    }


def test_a_translation_picking_a_near_word_is_not_flagged():
    flags = run(_translating_story('"Our workers need a contract now, not next spring," Holm added.'))
    assert [f for f in flags if f.source == "d"] == []


def test_a_translation_putting_an_unrelated_word_is_still_flagged():
    flags = run(_translating_story('"Our bakers need a holiday now, not next spring," Holm added.'))
    assert [f.source for f in flags] == ["d"]


def test_a_quote_that_copies_is_flagged_for_a_near_word():
    texts = _translating_story('"Our workers need a contract now, not next spring," Holm added.')
    texts["d"][0] = texts["c"][0]
    flags = run(texts)
    assert [f.source for f in flags] == ["d"]


def test_a_quantity_word_left_out_is_witnessed_by_a_third_source_reporting_it():
    texts = {
        "a": ["The frost hit the valley overnight.", '"I lost half my apricots in one night," grower Ivo Marek said.'],
        "b": ["Frost struck the valley on Monday.", '"I lost my apricots in one night," Marek said.'],
        "c": ["Night frost damaged the orchards.", "Grower Ivo Marek said he lost half his apricots in one night."],
    }
    flags = run(texts)
    assert [(f.source, f.expected) for f in flags] == [("b", "half my")]
