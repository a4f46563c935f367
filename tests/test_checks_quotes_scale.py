"""Quote check, session 5: the counterpart search bounded however many sources tell the story; a
sentence finished otherwise; figures that only move; the translation's uncertain middle kept low;
the Scandinavian dialogue dash.

Every story here is invented for these tests (a ski lift, a lighthouse sale, a sawmill)."""

from __future__ import annotations

import pytest

from srccompare.checks import quotes as Q
from srccompare.checks.quotes import QuoteCheck, read_change
from srccompare.checks.speech import find_quotes, quote_words, speech_of
from srccompare.models import Severity
from tests.discrepancy_story import build, run_check


def run(texts, groups=None):
    return run_check(QuoteCheck(), texts, groups)


def whole(mine: str, theirs: str, places):
    m, t = quote_words(mine), quote_words(theirs)
    ps = [(quote_words(a), quote_words(b)) for a, b in places]
    return read_change(ps, mine=[w.norm for w in m], theirs=[w.norm for w in t], mine_words=m, theirs_words=t)


# --- the counterpart search does not read every source -------------------------------------------

def _lift_story(n: int) -> dict[str, list[str]]:
    """``n`` sources quoting the lift operator; a few word it otherwise, some credit nobody."""
    wordings = ['"The cable passed every test last winter and the brakes held," operator Lena Sorli said.',
                '"The cable passed every test last winter and the brakes failed," Sorli said.',
                '"The cable passed every test last winter," she said.']
    out = {}
    for k in range(n):
        out[f"s{k:03d}"] = ["The lift stopped on Sunday with forty skiers aboard.", wordings[(k * 7) % 11 % 3],
                            '"We will reopen when the inspectors say so," Sorli added.']
    return out


@pytest.mark.parametrize("n", [6, 30])
def test_bounded_counterparts_are_every_counterpart_below_the_cap(n):
    # Below MAX_COUNTERPART_SOURCES other sources, the bounded search (first sources in rank
    # order, prefix-filtered postings) returns exactly what reading every group and every posting
    # returns.
    ctx = build(_lift_story(n))
    speech = speech_of(ctx)
    index = Q.StoryIndex(speech, named_only=False)
    panels = Q.AlignedPanels(ctx, speech)
    for sid in sorted(speech.quotes):
        for q in speech.quotes[sid]:
            assert index.first_sources(q, Q.MAX_COUNTERPART_SOURCES + 1) == index.by_source(q)
            full = {s: v for s, v in speech.aligned_quotes(ctx, q).items() if any(not c.nested for c in v)}
            assert panels.first_sources(q, Q.MAX_COUNTERPART_SOURCES + 1) == full


def test_bounded_counterparts_take_the_first_sources_in_rank_order():
    ctx = build(_lift_story(120))
    speech = speech_of(ctx)
    index = Q.StoryIndex(speech, named_only=False)
    panels = Q.AlignedPanels(ctx, speech)
    q = speech.quotes["s000"][0]
    limit = 10
    ranked = sorted((s for s in index.by_source(q)), key=Q.source_rank)[:limit]
    assert sorted(index.first_sources(q, limit), key=Q.source_rank) == ranked
    aligned = sorted((s for s in speech.aligned_quotes(ctx, q) if s != q.source), key=Q.source_rank)[:limit]
    assert sorted(panels.first_sources(q, limit), key=Q.source_rank) == aligned
    found = Q._counterparts(ctx, speech, index, q, panels)
    assert len(found) == Q.MAX_COUNTERPART_SOURCES
    assert q.source not in found


# --- a sentence finished otherwise -----------------------------------------------------------------

def _lighthouse(variant: str) -> dict[str, list[str]]:
    return {
        "a": ["The council sold the old lighthouse on Friday.",
              '"We sold the lighthouse to a local trust that will keep the lamp lit," mayor Anders Vik said.'],
        "b": ["The old lighthouse was sold on Friday.",
              '"We sold the lighthouse to a local trust that will keep the lamp lit," Vik said.'],
        "c": ["The lighthouse changed hands on Friday.",
              '"We sold the lighthouse to a local trust that will keep the lamp lit," Vik told reporters.'],
        "d": ["The council sold the lighthouse on Friday.", variant],
    }


def test_a_sentence_finished_otherwise_is_flagged():
    _, flags = run(_lighthouse('"We sold the lighthouse but the buyer may demolish the tower," Vik said.'))
    assert [f.source for f in flags] == ["d"]
    assert "but the buyer may demolish the tower" in flags[0].text and "lamp lit" in flags[0].expected
    assert flags[0].severity == Severity.HIGH


def test_a_quote_cut_in_its_sentence_is_no_other_ending():
    # "d" quotes a phrase out of its own running sentence: it does not print the speaker's
    # sentence as ended there.
    _, flags = run(_lighthouse('Vik said they "sold the lighthouse to its neighbours" in the end.'))
    assert flags == []


def test_a_next_sentence_quoted_is_no_other_ending():
    _, flags = run(_lighthouse('"We sold the lighthouse. The buyer may demolish the tower," Vik said.'))
    assert not any("demolish" in f.text for f in flags)


def test_one_other_source_cannot_tell_which_ending_is_right():
    texts = _lighthouse('"We sold the lighthouse but the buyer may demolish the tower," Vik said.')
    texts["b"][1] = '"The sale closes a long chapter," Vik said.'
    texts["c"][1] = '"The sale closes a long chapter," Vik told reporters.'
    _, flags = run(texts)
    assert flags == []


# --- figures that move --------------------------------------------------------------------------

def test_a_figure_that_only_moves_is_no_change_of_quantity():
    r = whole("the mill this spring will cut more logs", "the mill will cut more logs this spring",
              [("this spring will", "will"), ("logs", "logs this spring")])
    assert "number" not in r.changes


def test_a_figure_changed_is_still_a_change_of_quantity():
    r = whole("we cut two logs", "we cut three logs", [("two", "three")])
    assert "number" in r.changes


def test_a_single_is_one():
    assert "number" not in read_change([(quote_words("not a single plank"), quote_words("not one plank"))]).changes
    assert "number" in read_change([(quote_words("a single plank"), quote_words("two planks"))]).changes


# --- the translation's uncertain middle ---------------------------------------------------------

def _sawmill(variant: str, second: str | None = None) -> dict[str, list[str]]:
    """Four sources on a sawmill closure; "d" renders the quotes (a translation)."""
    second_a = '"Forty families depend on this mill and nobody asked them," union delegate Rune Aas said.'
    return {
        "a": ['"We could not find a buyer willing to keep the saws running," owner Kari Dahl said.', second_a],
        "b": ['"We could not find a buyer willing to keep the saws running," Dahl said.',
              '"Forty families depend on this mill and nobody asked them," Aas said.'],
        "c": ['"We could not find a buyer willing to keep the saws running," Dahl said.',
              '"Forty families depend on this mill and nobody asked them," Aas said.'],
        "d": [variant, second or '"Forty families live from this mill and no one asked them," Aas said.'],
    }


def test_a_translation_reworded_at_several_places_is_low():
    _, flags = run(_sawmill('"We could not find a client willing to keep the blades running," Dahl said.'))
    mine = [f for f in flags if f.source == "d"]
    assert mine and all(f.severity == Severity.LOW for f in mine)


def test_a_translation_putting_words_of_another_field_keeps_its_severity():
    # Two words of another field ("clouds" / "saws", "sleeping" / "running"). One alone in a
    # sentence reworded at another place too is the translation's choice, low (session 8:
    # tests/test_checks_quotes_rendering.py).
    _, flags = run(_sawmill('"We could not find a client willing to keep the clouds sleeping," Dahl said.'))
    mine = [f for f in flags if f.source == "d"]
    assert mine and mine[0].severity != Severity.LOW


def test_a_translation_dropping_a_negation_keeps_its_severity():
    _, flags = run(_sawmill('"We could find a buyer willing to keep the saws running," Dahl said.'))
    mine = [f for f in flags if f.source == "d"]
    assert mine and mine[0].severity == Severity.HIGH


def test_an_outlet_that_copies_quotes_keeps_its_severity_for_a_reworded_quote():
    # "d" copies its other quote word for word: nothing says it translates. One word put for
    # another, the rest verbatim, is a misquote's shape. (Reworded at two places or more with
    # the grammar kept it is another rendering, low in any source: session 8.)
    _, flags = run(_sawmill('"We could not find a client willing to keep the saws running," Dahl said.',
                            '"Forty families depend on this mill and nobody asked them," Aas said.'))
    mine = [f for f in flags if f.source == "d"]
    assert mine and mine[0].severity != Severity.LOW


# --- the Scandinavian dialogue dash -------------------------------------------------------------

@pytest.mark.parametrize("text, quoted", [
    ("– The lamp was lit every night for ninety years, says keeper Anders Vik.",
     ["The lamp was lit every night for ninety years"]),
    ("– We will miss it, he says and smiles.", ["We will miss it"]),
    # A dash in mid-paragraph, or no reporting verb after the comma: no quote.
    ("The sale went ahead – the trust paid, says the clerk.", []),
    ("– Lamp, lens, tower and keeper's house", []),
])
def test_a_paragraph_opening_dash_closed_by_a_comma_and_reporting_verb_quotes(text, quoted):
    assert [text[s:e] for s, e, nested in find_quotes(text, [(0, len(text))]) if not nested] == quoted


# --- a clause run on past the others' whole sentence ---------------------------------------------

def test_a_clause_run_on_past_the_others_sentence_is_flagged():
    texts = _lighthouse("")
    texts["c"][1] = '"We sold the lighthouse to a local trust that will keep the lamp lit." Vik told reporters so.'
    _, flags = run(texts | {"d": [texts["d"][0], '"We sold the lighthouse to a local trust that will keep the lamp lit, and the '
                               'tower will become a luxury hotel," Vik said.']})
    assert [f.source for f in flags] == ["d"]
    assert "tower will become a luxury hotel" in flags[0].text


def test_a_clause_past_a_phrase_the_others_cut_from_their_sentence_is_no_addition():
    # The others quote a phrase inside their own running sentence: they do not print the speaker's
    # sentence as ended there, so the longer quote may be the whole of it.
    texts = {sid: [items[0], f'Vik said they "sold the lighthouse to a local trust that will keep the lamp lit" '
                             'after months of talks.'] for sid, items in _lighthouse("").items() if sid != "d"}
    texts["d"] = ["The council sold the lighthouse on Friday.",
                  '"We sold the lighthouse to a local trust that will keep the lamp lit, and the tower will '
                  'become a luxury hotel," Vik said.']
    _, flags = run(texts)
    assert flags == []


def test_a_clause_past_the_comma_before_the_reporting_verb_is_no_addition():
    # Every other source closes on the comma before "Vik said": they may have cut the quote.
    _, flags = run(_lighthouse('"We sold the lighthouse to a local trust that will keep the lamp lit, and the '
                               'tower will become a luxury hotel," Vik said.'))
    assert flags == []


def test_a_short_tag_run_on_is_no_added_clause():
    _, flags = run(_lighthouse('"We sold the lighthouse to a local trust that will keep the lamp lit, at last," '
                               'Vik said.'))
    assert flags == []
