"""attribution_conflict: verbs of saying a translation keeps, and the name a pronoun's quote stands on.

- ``speech._perfect_inversion``: '"…," has declared the minister, Ana Ruiz.' A Romance or Slavic
  original tells speech in the compound past with the verb before its subject; the machine
  translation keeps the auxiliary where English puts the verb, and the speaker is read after it.
- ``speech.that_clause_speaker``: "The assessor Ana Ruiz has assured them that …", "The management
  company estimates that …": any verb WordNet files mostly under communication or cognition
  (``lexicon.saying_share``), handing its clause on with "that", credits its subject.
- ``attributions._saying_clause``: 'Ana Ruiz called the closure "…"' hands the quotation the floor
  as a colon does.
- ``attributions._antecedent_credited``: a pronoun's quote the others credit to someone this
  source never names is flagged on the name the pronoun stands for, where that name's own
  statement is credited by another source to the quote's speaker (a rewrite swapped the name in
  the lead-in); where the name's statement is its own, the pronoun stays the flagged words.
- ``AttributionCheck._vague``: "Its lawyer says" is no unclear credit where the story itself calls
  the others' speaker the lawyer.

An invented story (a pier collapse in the fishing port of Tavira) unlike any development case.
"""

from __future__ import annotations

import pytest

from srccompare.checks import speech as S
from srccompare.checks.attributions import AttributionCheck, _saying_clause, fuller_reading
from srccompare.checks.lexicon import saying_share
from srccompare.checks.speech import speech_of
from tests.discrepancy_story import build, check_offsets

PIER = "The old pier had been closed to lorries for two years, and the fishermen knew it"


def _inverted(line: str) -> S.Speaker | None:
    q_end = line.index(',"') + 1
    q_start = line.index('"') + 1
    return S.inverted_frame_speaker("a", line, line[q_start:q_end], q_end)


@pytest.mark.parametrize("line, speaker", [
    (f'"{PIER}," has declared the minister of the Sea, Rui Valadares, at the end of the visit.', "Rui Valadares"),
    (f'"{PIER}," has said Valadares for the journalists on the quay.', "Valadares"),
    (f'"{PIER}," had said the president Valadares in the council.', "the president Valadares"),
    (f'"{PIER}," has declared the Councillor of State Rui Valadares.', "the Councillor of State Rui Valadares"),
])
def test_a_compound_past_before_its_subject_credits_the_subject(line, speaker):
    spk = _inverted(line)
    assert spk is not None and spk.text == speaker and not spk.pronoun


def test_a_compound_past_with_a_pronoun_after_the_auxiliary_credits_the_pronoun():
    spk = _inverted(f'"{PIER}," has he declared at the exit of the hearing.')
    assert spk is not None and spk.pronoun and spk.text == "he"


def test_an_auxiliary_opening_a_clause_of_its_own_credits_no_one():
    assert _inverted(f'"{PIER}," has become the motto of the strike.') is None


@pytest.mark.parametrize("word, saying", [
    ("assured", True), ("estimates", True), ("reminded", True), ("calculated", True), ("called", True),
    ("launched", False), ("wants", False), ("requires", False),
])
def test_saying_share_tells_verbs_of_saying_and_thinking(word, saying):
    assert (saying_share(word) >= S.SAYING_SHARE) is saying


def _that_speaker(line: str) -> str | None:
    toks = S.speaker_tokens(line, 0, len(line))
    k = next(i for i, t in enumerate(toks) if t[0] == "that")
    spk = S.that_clause_speaker("a", line, toks, k)
    return spk.text if spk is not None else None


@pytest.mark.parametrize("line, speaker", [
    ("The harbour master Rui Valadares has assured them that the pier will reopen.", "The harbour master Rui Valadares"),
    ("The port company estimates that the repair will cost 2 million euros.", "The port company"),
    ("The mayor of Tavira, Ana Faria, has defended that the pier must be rebuilt.", "Ana Faria"),
    ("Mayor Ana Faria pointed out that the pier was closed to lorries.", "Mayor Ana Faria"),
])
def test_a_verb_of_saying_before_that_credits_its_subject(line, speaker):
    assert _that_speaker(line) == speaker


@pytest.mark.parametrize("line", [
    "The fishermen rejected the demands that the lorries stop.",  # a noun before "that"
    "It is estimated that the repair will cost 2 million euros.",  # a passive
    "The port launched that plan in 2019.",  # no verb of saying
    "The Fisheries Board, Tavira Office, estimated that the catch fell.",  # a name, then a part of it
])
def test_no_speaker_where_that_follows_no_verb_of_saying_with_a_subject(line):
    assert _that_speaker(line) is None


@pytest.mark.parametrize("clause, hands", [
    ("Harbour master Rui Valadares called the closure ", True),
    ("Mayor Ana Faria described the damage as ", True),
    ("Mayor Ana Faria pointed out, ", True),
    ("Mayor Ana Faria visited the old ", False),
    ("Mayor Ana Faria said fishermen had ", False),  # the quotation is inside a clause of its own
    ("Mayor Ana Faria spoke of the damage and of the long months ahead for the ", False),
])
def test_a_verb_of_saying_and_a_short_object_hand_the_floor_to_a_quote(clause, hands):
    assert _saying_clause(clause, 0, len(clause)) is hands


def test_the_subject_of_such_a_clause_speaks():
    ctx = build({"a": [f'Harbour master Rui Valadares called the collapse "{PIER}".'],
                 "b": ["The pier in Tavira collapsed on Monday."]})
    speech = fuller_reading(ctx, speech_of(ctx))
    [q] = speech.quotes["a"]
    assert q.speaker is not None and q.speaker.text == "Harbour master Rui Valadares"


def _story(a_lead: str, d_lead: str) -> dict:
    quote = f'"{PIER}," she said.'
    return {
        "a": [a_lead, quote],
        "b": ["Mayor Ana Faria said the pier would be rebuilt within a year.", quote],
        "c": ["Mayor Ana Faria said the pier would be rebuilt by next summer.", f'"{PIER}," Faria told reporters.'],
        "d": [d_lead, f'"{PIER}," said Mayor Ana Faria.'],
    }


def test_a_pronoun_quote_after_a_swapped_name_is_flagged_on_the_name():
    ctx = build(_story("Harbour master Marta Valadares said the pier would be rebuilt within a year.",
                       "The pier would be rebuilt within a year, the town said."))
    flags = list(AttributionCheck().run(ctx))
    check_offsets(ctx, flags)
    assert [(f.source, f.text) for f in flags if f.source == "a"] == [("a", "Harbour master Marta Valadares")]


def test_a_pronoun_quote_after_a_name_crediting_its_own_statement_stays_on_the_pronoun():
    # Valadares's statement is hers in source d too: the quote is the one out of place.
    ctx = build(_story("Harbour master Marta Valadares said the pier was inspected in March.",
                       "Harbour master Marta Valadares said the pier was inspected in March."))
    flags = list(AttributionCheck().run(ctx))
    assert [(f.source, f.text) for f in flags if f.source == "a"] == [("a", "she")]


def test_a_possessive_description_the_story_gives_the_speaker_is_no_unclear_credit():
    said = "said the company had done everything the rules required of it"
    ctx = build({
        "a": ["The tug's owner, Sado Towage, faces a fine. Its lawyer says the company had done everything the rules required of it."],
        "b": [f"The tug's owner, Sado Towage, faces a fine. Its lawyer, Teresa Barradas, {said}."],
        "c": [f"Sado Towage faces a fine. Teresa Barradas {said}."],
    })
    assert [f for f in AttributionCheck().run(ctx) if f.source == "a"] == []
