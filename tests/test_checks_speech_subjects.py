"""Who speaks, where a translation prints the subject its own way (session 5): a name in
apposition without its comma after "the head of the ...", and a relative clause between the
subject and the colon that hands it the floor. Invented story: a ferry strike on a lake."""

from __future__ import annotations

from srccompare.checks.speech import analyse
from tests.discrepancy_story import build


def speaker_of(text: str) -> str | None:
    ctx = build({"a": [text]})
    (q,) = analyse(ctx.sources, ctx.alignment.passages).quotes["a"]
    return q.speaker.named.text if q.speaker is not None and q.speaker.named is not None else None


def test_a_name_closing_the_subject_after_a_common_noun_speaks():
    assert speaker_of('The head of the ferry union Marta Lind said that "no boat will sail before Friday".') \
        == "Marta Lind"


def test_an_organisation_after_an_article_is_still_the_subject_phrase():
    # The capitals follow "the": they are the noun phrase itself, not a person in apposition.
    spk = speaker_of('The head of the Lake Ferry Company said that "no boat will sail before Friday".')
    assert spk is None or "Marta" not in spk


def test_a_relative_clause_before_the_colon_is_read_past_to_the_subject():
    assert speaker_of('Transport minister Olav Berg, who visited the harbour in the morning, was firm: '
                      '"The ferries will run again before the weekend."') == "Transport minister Olav Berg"


def test_a_colon_clause_without_a_named_subject_credits_nobody():
    assert speaker_of('The harbour, which reopened in the morning, was quiet: "Nobody came to work today."') is None


def test_a_name_closing_the_phrase_after_an_inverted_verb_speaks():
    assert speaker_of('"No boat will sail before Friday," says the union chairman at the ferry company Marta Lind.') \
        == "Marta Lind"

