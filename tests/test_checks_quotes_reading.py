"""How quotes and their speakers are read where the press prints them its own way (session 4):
dialogue dashes, a colon handing the floor to a quote, a title opening the sentence, and a quote
found story-wide that differs from the others by single words only.

Every story here is invented for these tests (a river ferry, a bakery fire, a glacier trail)."""

from __future__ import annotations

import pytest

from srccompare.checks.attributions import AttributionCheck
from srccompare.checks.quotes import QuoteCheck
from srccompare.checks.speech import analyse, find_quotes
from srccompare.models import Kind, Severity
from tests.discrepancy_story import build, check_offsets


def quotes_of(text):
    return [text[s:e] for s, e, nested in find_quotes(text, [(0, len(text))]) if not nested]


# --- dialogue dashes ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, quoted", [
    # Opening a paragraph, closed by a dash and a reporting verb before the speaker...
    ("- The ferry will run again on Monday - said the harbour master Ivo Horak.",
     ["The ferry will run again on Monday"]),
    # ... or after a sentence, the verb after its subject, with an en or em dash.
    ("The captain came ashore. – Nobody was hurt on board – he said.", ["Nobody was hurt on board"]),
    ("— We saw the smoke from the bridge — says a deckhand.", ["We saw the smoke from the bridge"]),
    # A list item or an aside with no reporting verb after the dash is no quote.
    ("- Ferry timetable - summer edition", []),
    ("- tickets cost 4 euros - children travel free", []),
    # Quotation marks in the paragraph win: the dash there is punctuation.
    ('The mayor - a former sailor - said "we will rebuild the pier".', ["we will rebuild the pier"]),
])
def test_dialogue_dash_quotes(text, quoted):
    assert quotes_of(text) == quoted


def test_dialogue_dash_quote_credits_the_speaker_after_the_verb():
    ctx = build({"a": ["- The ferry will run again on Monday - said the harbour master Ivo Horak."]})
    sp = analyse(ctx.sources, ctx.alignment.passages)
    (q,) = sp.quotes["a"]
    assert q.speaker is not None and q.speaker.named is not None and "Horak" in q.speaker.named.text


# --- a colon hands the floor to the quote --------------------------------------------------------

def test_colon_quote_is_credited_to_the_clause_subject():
    ctx = build({"a": ['One neighbour, Greta Lindqvist, described the night of the fire: '
                       '"The whole street smelled of burnt bread."']})
    sp = analyse(ctx.sources, ctx.alignment.passages)
    (q,) = sp.quotes["a"]
    assert q.speaker is not None and q.speaker.named is not None and q.speaker.named.text == "Greta Lindqvist"


def test_colon_quote_without_a_named_subject_has_no_speaker():
    ctx = build({"a": ['The notice on the door read: "Closed until further notice."']})
    sp = analyse(ctx.sources, ctx.alignment.passages)
    (q,) = sp.quotes["a"]
    assert q.speaker is None


# --- a title opening the sentence ------------------------------------------------------------------

def test_pronoun_reads_past_a_title_opening_the_sentence():
    ctx = build({"a": [("Fire Chief Oskar Brandt, who led the crews, spoke at noon.",
                        '"The ovens were left on overnight," he said.', "Brandt left at one.")]})
    sp = analyse(ctx.sources, ctx.alignment.passages)
    (q,) = sp.quotes["a"]
    assert q.speaker is not None and q.speaker.named is not None and q.speaker.named.text.endswith("Oskar Brandt")


def test_a_body_named_at_the_head_of_the_sentence_is_not_read_as_a_title():
    # "Lumo" opens the sentence and is part of the bakery's name, followed by a common noun: the
    # pronoun is not given to "Bakery".
    ctx = build({"a": [("Lumo Bakery owner Sara Lind counted the losses.", '"We lost everything," she said.',
                        "Lumo Bakery will reopen.")]})
    sp = analyse(ctx.sources, ctx.alignment.passages)
    (q,) = sp.quotes["a"]
    named = q.speaker.named.text if q.speaker is not None and q.speaker.named is not None else None
    assert named != "Bakery"


# --- quotes that share their frame -----------------------------------------------------------------

TRAIL = {
    "a": ["The ranger spoke after the rescue.",
          '"Everyone slipped back, there was ice everywhere," said the hiker Jonas Berg.'],
    "b": ["Rescuers reached the group at dusk.",
          '"Everyone slipped back, there was ice everywhere," Berg said.'],
    "c": ["Mountain rescue was called at four.",
          'A hiker recalled: "Everyone slipped down, there was snow everywhere."'],
}


def test_a_quote_differing_by_single_words_is_the_same_quote_found_story_wide():
    # No alignment: "c" is found only story-wide, under no named speaker, and shares no run of
    # five words with the others; its frame is theirs word for word but for two swapped words.
    ctx = build(TRAIL, groups=[])
    flags = list(QuoteCheck().run(ctx))
    check_offsets(ctx, flags)
    assert [(f.source, f.severity) for f in flags] == [("c", Severity.HIGH)]
    assert "ice" in flags[0].expected and "snow" in flags[0].text


def test_different_quotes_with_a_few_shared_words_stay_apart():
    texts = dict(TRAIL)
    texts["c"] = ["Mountain rescue was called at four.",
                  'A hiker recalled: "Everyone was cold, and there was no shelter anywhere near the ridge."']
    ctx = build(texts, groups=[])
    assert list(QuoteCheck().run(ctx)) == []


# --- attribution of a quote a translation words anew ----------------------------------------------

def test_attribution_compares_speakers_of_a_quote_reworded_in_an_aligned_passage():
    texts = {
        "a": ['"Safety matters more than the timetable, so we will inspect every hull," '
              'said harbour master Ivo Horak.'],
        "b": ['"Safety matters more than the timetable, so we will inspect every hull," Ivo Horak said.'],
        "c": ['"Safety is more important than the schedule, we will inspect all the hulls," '
              'declared captain Marta Novak.'],
    }
    ctx = build(texts)
    flags = list(AttributionCheck().run(ctx))
    check_offsets(ctx, flags)
    assert [(f.source, f.text) for f in flags if f.kind is Kind.ATTRIBUTION_CONFLICT] == [("c", "captain Marta Novak")] \
        or [(f.source, f.text) for f in flags] == [("c", "Marta Novak")]
