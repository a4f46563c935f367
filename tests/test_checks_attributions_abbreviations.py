"""attribution_conflict: a title English abbreviates with a full stop before a name ("Prof. Ana
Ruiz", "Capt. Ana Ruiz") ends no sentence and no speaker phrase. Cut there, the speaker read
before a reporting verb was the word before the title ("Museum"), a quote's "said Prof. ..." had
no speaker, and a "she" in the next sentence was read as that word.

The story is invented: a museum receives a grant for a glass collection; its director announces
a new gallery."""

from __future__ import annotations

from srccompare.checks.attributions import _SENTENCE_CUT_RE, AttributionCheck
from srccompare.checks.speech import speaker_tokens, speech_of
from srccompare.models import Kind
from tests.discrepancy_story import build, check_offsets

LEAD = "The Vastrel Glass Museum received a grant of 2 million crowns for its collection on Monday."


def _flags(texts):
    ctx = build(texts)
    flags = [f for f in AttributionCheck().run(ctx) if f.kind is Kind.ATTRIBUTION_CONFLICT]
    check_offsets(ctx, flags)
    return flags


def test_a_title_abbreviation_keeps_its_full_stop():
    text = "Museum director Prof. Ana Ruiz said so."
    assert "Prof." in [w for w, _, _ in speaker_tokens(text, 0, len(text))]
    assert _SENTENCE_CUT_RE.split("Director Prof. Ana Ruiz spoke. Capt. Tomas Berg did not.") == [
        "Director Prof. Ana Ruiz spoke.", "Capt. Tomas Berg did not."]


def test_she_after_a_title_abbreviation_is_the_person_it_introduces():
    # "She" refers to the person the sentence before opens with, past the body's name, the
    # lower-case title and "Prof.": the director, not the museum.
    ctx = build({"a": [LEAD, ("Museum director Prof. Ana Ruiz said the grant would double the collection.",
                              "She announced a new gallery for the lampwork pieces next spring.")]})
    she = [a.speaker for p in ctx.alignment.passages for a in speech_of(ctx).attributions_in_passage(p.id)
           if a.speaker.pronoun]
    assert [s.named.text for s in she] == ["Museum director Prof. Ana Ruiz"]


def test_a_quote_said_by_an_abbreviated_title_has_that_speaker():
    quote = '"Glass remembers every breath that shaped it,"'
    flags = _flags({
        "a": [LEAD, f"{quote} said Prof. Ana Ruiz, who leads the museum."],
        "b": [LEAD, f"{quote} said Prof. Ana Ruiz."],
        "c": [LEAD, f"{quote} said Lena Holt, the culture minister."],
    })
    assert [(f.source, f.text) for f in flags] == [("c", "Lena Holt")]
