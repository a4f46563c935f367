"""Grammar a literal translation carries over from its source language, which changes nothing
of what the speaker said (session 21): a negative quantifier with the verb's own negator ("no
grape will not be paid", negative concord), a future in a clause of time or condition ("when I
will see"), and a relative pronoun English may leave out ("every tonne which we dig"). Invented
story: a ferry pier rebuilt in a lake town."""

from __future__ import annotations

from srccompare.checks.quotes import (MINOR, MODALITY, POLARITY, QuoteCheck, Reading, _denial_placed_otherwise,
                                      _future_in_subordinate, _relative_spelt_out, read_change)
from srccompare.checks.speech import quote_words
from tests.discrepancy_story import run_check


def run(texts):
    return run_check(QuoteCheck(), texts)


def flagged(ctx, flags, source):
    return [ctx.sources[f.source].text[f.start:f.end] for f in flags if f.source == source]


LEAD = "The lake town's ferry pier will be rebuilt before the summer season."


def story(quote, mt_quote):
    return run({
        "wire": [LEAD, f'"{quote}," harbour master Ida Varga said.'],
        "local": [LEAD, f'"{quote}," said harbour master Ida Varga.'],
        "mt": [LEAD, f'"{mt_quote}," declared the harbour master Ida Varga.'],
    })


def words(text):
    return text.split()


# --- a denial put elsewhere --------------------------------------------------------------------

def test_a_denial_moved_from_the_verb_to_its_object_is_not_read_as_the_same():
    # "the danger has not ended" / "there is no danger": moving the denial may move what is denied
    assert not _denial_placed_otherwise(words("now the danger to the piers has not ended"),
                                        words("there is no danger to any pier now"))


def test_negative_concord_is_one_denial():
    assert _denial_placed_otherwise(words("no ferry will not be cancelled this summer"),
                                    words("no ferry will be cancelled this summer"))


def test_a_denial_added_in_another_clause_is_still_a_denial():
    assert not _denial_placed_otherwise(words("there is no danger so we will not close the pier"),
                                        words("there is no danger so we will close the pier"))
    assert not _denial_placed_otherwise(words("we did not close it"), words("we did close it"))
    assert not _denial_placed_otherwise(words("we never close it"), words("we do not close it"))


def test_read_change_reads_no_denial_added_by_negative_concord():
    mine = quote_words("no ferry will not be cancelled this summer", 0)
    theirs = quote_words("no ferry will be cancelled this summer", 0)
    r = read_change([(mine[3:4], [])], mine=[w.norm for w in mine], theirs=[w.norm for w in theirs],
                    mine_words=mine, theirs_words=theirs)
    assert POLARITY not in r.changes


def test_negative_concord_in_a_quote_is_not_flagged_as_a_denial():
    ctx, flags = story("No ferry will be cancelled while the pier is rebuilt, the boats will use the old quay",
                       "No ferry will not be cancelled while the pier is rebuilt, the boats will use the old quay")
    assert all(f.severity.value == "low" for f in flags if f.source == "mt")


def test_a_denial_added_to_a_quote_is_still_flagged():
    ctx, flags = story("The ferries will be cancelled while the pier is rebuilt, the boats will use the old quay",
                       "The ferries will not be cancelled while the pier is rebuilt, the boats will use the old quay")
    assert [f.severity.value for f in flags if f.source == "mt"] == ["high"]


# --- a future in a clause of time or condition ---------------------------------------------------

def test_a_future_after_when_is_the_same_claim():
    mine = quote_words("I will believe it when I will see the concrete", 0)
    assert _future_in_subordinate(frozenset({"will"}), frozenset(), mine[6:7], mine)


def test_a_future_in_a_main_clause_is_not_this():
    mine = quote_words("I know the pier will open in May", 0)
    assert not _future_in_subordinate(frozenset({"will"}), frozenset(), mine[4:5], mine)
    # "would" for the others' nothing is another modality, wherever it stands
    mine = quote_words("when the pier would open", 0)
    assert not _future_in_subordinate(frozenset({"would"}), frozenset(), mine[3:4], mine)


def test_read_change_reads_no_modality_in_a_future_after_if():
    mine = quote_words("we will sail again if the pier will be ready", 0)
    theirs = quote_words("we will sail again if the pier is ready", 0)
    r = read_change([(mine[7:8], [])], mine=[w.norm for w in mine], theirs=[w.norm for w in theirs],
                    mine_words=mine, theirs_words=theirs)
    assert MODALITY not in r.changes


def test_a_future_after_when_in_a_quote_is_no_high_flag():
    ctx, flags = story("We will open the ticket office when the first boats come back to the town",
                       "We will open the ticket office when the first boats will come back to the town")
    assert all(f.severity.value == "low" for f in flags if f.source == "mt")


# --- a relative pronoun spelt out ----------------------------------------------------------------

KEPT = Reading(changes=frozenset(), paraphrase=False, lost=0, places=1)


def test_a_relative_pronoun_added_at_one_place_is_no_other_wording():
    frags = [quote_words("every boat which we run costs more", 0)]
    assert _relative_spelt_out(KEPT, [(0, 2, (MINOR, ""))], frags)
    # a relative put for another word, or beside a second difference: not this rule
    assert not _relative_spelt_out(KEPT, [(0, 2, (MINOR, "", "the"))], frags)
    assert not _relative_spelt_out(KEPT, [(0, 2, (MINOR, "")), (0, 4, (MINOR, "", "cost"))], frags)
    assert not _relative_spelt_out(KEPT, [(0, 1, (MINOR, ""))], frags)


def test_a_relative_pronoun_added_in_a_quote_is_not_flagged():
    ctx, flags = story("Every crossing we run with the old boat costs us more than it earns for the town",
                       "Every crossing which we run with the old boat costs us more than it earns for the town")
    assert flagged(ctx, flags, "mt") == []
