"""Quote check, session 8: how far a rewording moved the claim sets its severity, not how many
sources agree against it or how much of it differs.

A misquote changes one thing and leaves the rest verbatim; a second translation of the same
sentence differs a little at several places, each keeping the grammar. The second is flagged
(it is not verbatim) but low, in any source.

Every story here is invented for these tests (a flooded county library)."""

from __future__ import annotations

from srccompare.checks.quotes import CONTENT, POLARITY, QuoteCheck, Reading, _another_rendering
from srccompare.models import Severity
from tests.discrepancy_story import build, check_offsets

LEAD = "Water from a burst main flooded the basement of the county library on Friday."
SECOND = '"Volunteers carried the oldest maps upstairs before the water reached them," Quell said.'


def _library(variant: str, second: str = SECOND) -> dict[str, list[str]]:
    """Four sources quoting the archivist; "d" prints ``variant`` for her first quote and
    ``second`` for the other one (verbatim by default: an outlet that copies its quotes)."""
    first = '"We lost the parish registers, but the insurance will pay for the repairs," archivist Mara Quell said.'
    return {
        "a": [LEAD, first, SECOND],
        "b": [LEAD, first.replace("archivist Mara Quell", "Quell"), SECOND],
        "c": [LEAD, first.replace("archivist Mara Quell", "Quell"), SECOND],
        "d": [LEAD, variant, second],
    }


def _flags_of(texts: dict[str, list[str]], source: str = "d"):
    ctx = build(texts)
    flags = list(QuoteCheck().run(ctx))
    check_offsets(ctx, flags)
    return [f for f in flags if f.source == source]


def test_a_quote_rendered_otherwise_at_two_places_is_low_in_a_source_that_copies_quotes():
    # "destroyed" / "lost" and "covers" / "pay for": near words at two places, grammar kept.
    mine = _flags_of(_library('"We lost the parish books, but the insurance will cover the repairs," Quell said.'))
    assert mine and all(f.severity == Severity.LOW for f in mine)


def test_one_word_of_another_field_in_a_rendering_reworded_elsewhere_too_is_low():
    # "archive" for "registers" is of its field; "settle" for "pay" WordNet does not put near:
    # one such word in a sentence worded anew is the translator's choice as often as not.
    mine = _flags_of(_library('"We lost the parish archive, but the insurance will settle the repairs," Quell said.'))
    assert mine and all(f.severity == Severity.LOW for f in mine)


def test_two_words_of_another_field_keep_their_severity():
    mine = _flags_of(_library('"We lost the parish horses, but the insurance will bake the repairs," Quell said.'))
    assert mine and mine[0].severity != Severity.LOW


def test_one_word_changed_in_a_quote_otherwise_verbatim_keeps_its_severity():
    # A misquote: one thing changed, the rest printed as the others print it.
    mine = _flags_of(_library('"We lost the parish horses, but the insurance will pay for the repairs," Quell said.'))
    assert mine and mine[0].severity != Severity.LOW


def test_a_negation_turned_in_a_rendering_reworded_elsewhere_is_high():
    mine = _flags_of(_library('"We lost the parish books, but the insurance will not cover the repairs," Quell said.'))
    assert mine and mine[0].severity == Severity.HIGH


def test_a_clause_left_out_is_no_other_rendering():
    # "the parish registers" left out where the others print them: an omission, not a wording.
    mine = _flags_of(_library('"We lost everything, but the insurance will cover the repairs," Quell said.'))
    assert mine and mine[0].severity != Severity.LOW


def test_another_rendering_reads_only_content_worded_otherwise():
    kept = Reading(frozenset({CONTENT}), paraphrase=True, lost=2, places=2, far=1)
    assert _another_rendering(kept)
    assert not _another_rendering(Reading(frozenset({CONTENT}), paraphrase=True, lost=1, places=1, far=1))
    assert not _another_rendering(Reading(frozenset({CONTENT}), paraphrase=True, lost=2, places=2, far=2))
    assert not _another_rendering(Reading(frozenset({CONTENT, POLARITY}), paraphrase=True, lost=1, places=2))
    assert not _another_rendering(Reading(frozenset({CONTENT}), paraphrase=True, lost=1, places=2, bare=True))


# --- degree words are no partial scope --------------------------------------------------------

def _reading(mine: str, theirs: str, places):
    from srccompare.checks.quotes import read_change
    from srccompare.checks.speech import quote_words
    m, t = quote_words(mine), quote_words(theirs)
    ps = []
    for a, b in places:
        qa = [w for w in m if w.norm in a.split()]
        qb = [w for w in t if w.norm in b.split()]
        ps.append((qa, qb))
    return read_change(ps, mine=[w.norm for w in m], theirs=[w.norm for w in t], mine_words=m, theirs_words=t)


def test_most_before_an_adjective_is_the_superlative_not_a_part():
    r = _reading("it is the most damp room of the library", "it is the library's dampest room",
                 [("most damp", "dampest")])
    assert "scope" not in r.changes


def test_most_before_a_noun_is_still_a_part():
    r = _reading("most maps were saved", "the maps were saved", [("most", "the")])
    assert "scope" in r.changes


def test_much_after_a_degree_head_measures_an_amount():
    r = _reading("the drying of the maps needs so much effort", "the drying of the maps is so hard",
                 [("much effort", "hard")])
    assert "scope" not in r.changes
    r = _reading("much of the collection was saved", "the collection was saved", [("much of", "")])
    assert "scope" in r.changes
