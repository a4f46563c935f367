"""attribution_conflict: speakers read in a translation's word order, titles led by an -ing word,
double surnames joined by a conjunction; and the quote check's severity for a word spelt out.

The story is invented: a town council keeps a bridge toll; its mayor, a transport minister, his
deputy and a ministry spokesman speak about it."""

from __future__ import annotations

import pytest

from srccompare.checks.attributions import AttributionCheck, SamePerson, name_of_words, person_name
from srccompare.checks.quotes import QuoteCheck
from srccompare.checks.speech import analyse, ing_titled_speaker, inverted_frame_speaker, speaker_tokens
from srccompare.models import Severity
from tests.discrepancy_story import build, check_offsets

LEAD = "Vellmar council voted on Tuesday to keep the bridge toll."
QUOTE = "The toll will stay until the bridge is paid for, and not a day longer"
# The same quotation in another translation's words.
QUOTE_MT = "The toll will remain until the bridge is paid for, and not one day longer"


def run(texts):
    ctx = build(texts)
    flags = list(AttributionCheck().run(ctx))
    check_offsets(ctx, flags)
    return ctx, [(f.source, ctx.sources[f.source].text[f.start:f.end]) for f in flags]


def three_credit_the_mayor(d_item):
    return {
        "a": [LEAD, f'"{QUOTE}," said Mayor Ingrid Sollested.'],
        "b": [LEAD, f'"{QUOTE}," Mayor Ingrid Sollested told reporters.'],
        "c": [LEAD, f'Ingrid Sollested said: "{QUOTE}."'],
        "d": [LEAD, d_item],
    }


# --- a verb of saying the list lacks, after the quotation ---------------------------------------

@pytest.mark.parametrize("text, speaker", [
    (f'"{QUOTE}," lamented the transport minister Pavel Dragos.', "the transport minister Pavel Dragos"),
    (f'"{QUOTE}!" protested Pavel Dragos, shaking his head.', "Pavel Dragos"),
    (f'"{QUOTE}," he assured.', "he"),
    (f'"{QUOTE}," Dragos objected on Friday.', "Dragos"),
    (f'"{QUOTE}", the minister conceded reluctantly.', "the minister"),
])
def test_the_rest_of_the_sentence_after_a_quotation_names_its_speaker(text, speaker):
    end = text.index(QUOTE) + len(QUOTE) + 1  # the inner end holds the comma or the "!"
    if text[end - 1] not in ",!":
        end -= 1
    spk = inverted_frame_speaker("a", text, text[1:end], end)
    assert spk is not None and spk.text == speaker


@pytest.mark.parametrize("text", [
    f'"{QUOTE}." Then the meeting ended.',          # the quotation ends its sentence
    f'"{QUOTE}," which means drivers keep paying.',  # a clause, no speaker
    f'"{QUOTE}," and the council agreed.',           # a clause led by a conjunction
    f'"{QUOTE}", council to be fined',               # a headline: no finite verb after the subject
    f'"{QUOTE}," the mayor was told.',               # a passive: the subject is no speaker
])
def test_a_sentence_that_goes_on_otherwise_names_no_speaker(text):
    end = text.index(QUOTE) + len(QUOTE)
    if text[end] == ",":
        end += 1
    assert inverted_frame_speaker("a", text, text[1:end], end) is None


def test_a_quote_credited_with_an_unlisted_verb_to_another_named_person_is_flagged():
    _, flags = run(three_credit_the_mayor(f'"{QUOTE_MT}," lamented the transport minister Pavel Dragos.'))
    assert flags == [("d", "the transport minister Pavel Dragos")]


def test_a_pronoun_after_an_unlisted_verb_reads_as_the_name_before_it():
    _, flags = run(three_credit_the_mayor(
        ("Transport Minister Pavel Dragos spoke in the capital.", f'"{QUOTE_MT}," he assured.')))
    assert ("d", "he") in flags
    _, flags = run(three_credit_the_mayor(
        ("Mayor Ingrid Sollested defended the toll.", f'"{QUOTE_MT}," she assured.')))
    assert flags == []


# --- a title led by an -ing word ----------------------------------------------------------------

@pytest.mark.parametrize("text, speaker", [
    ("The acting mayor Ingrid Sollested said the toll stays.", "The acting mayor Ingrid Sollested"),
    (f'"{QUOTE}," presiding councillor Ingrid Sollested said.', "presiding councillor Ingrid Sollested"),
    ("Outgoing minister Pavel Dragos told reporters the state would not pay.", "Outgoing minister Pavel Dragos"),
])
def test_a_title_led_by_an_ing_word_before_a_name_is_the_subject(text, speaker):
    toks = speaker_tokens(text, 0, len(text))
    vi = next(i for i, t in enumerate(toks) if t[0] in ("said", "told"))
    spk = ing_titled_speaker("a", text, toks, vi)
    assert spk is not None and spk.text == speaker and spk.proper


@pytest.mark.parametrize("text", [
    "Speaking to reporters Ingrid Sollested said the toll stays.",  # a clause: "to" is a function word
    "The council building Ingrid Sollested said was too small.",    # no -ing word
    "Ingrid Sollested said the toll stays.",                        # the ordinary subject
])
def test_no_ing_title_where_there_is_none(text):
    toks = speaker_tokens(text, 0, len(text))
    vi = next(i for i, t in enumerate(toks) if t[0] == "said")
    assert ing_titled_speaker("a", text, toks, vi) is None


def test_a_quote_credited_to_a_person_under_an_ing_title_is_compared():
    texts = {
        "a": [LEAD, f'"{QUOTE}," acting mayor Ingrid Sollested said.'],
        "b": [LEAD, f'"{QUOTE}," the acting mayor Ingrid Sollested told reporters.'],
        "c": [LEAD, f'Acting mayor Ingrid Sollested said: "{QUOTE}."'],
        "d": [LEAD, f'"{QUOTE}," outgoing minister Pavel Dragos said.'],
    }
    _, flags = run(texts)
    assert flags == [("d", "outgoing minister Pavel Dragos")]
    texts["d"] = [LEAD, f'"{QUOTE}," Sollested said.']
    assert run(texts)[1] == []


# --- double surnames joined by a conjunction ----------------------------------------------------

@pytest.mark.parametrize("words, name", [
    (["Laura", "Pons", "i", "Vidal"], ("laura", "pons", "vidal")),
    (["José", "Ortega", "y", "Gasset"], ("jose", "ortega", "gasset")),
    # A joiner after a word that is no name ends the name; a capital "I" is no joiner.
    (["the", "bridge", "i", "Vidal"], ("vidal",)),
    (["Pons", "I", "Vidal"], ("pons", "i", "vidal")),
])
def test_a_double_surname_joiner_stays_inside_the_name(words, name):
    assert name_of_words(words) == name


def test_a_double_surname_cut_to_its_first_surname_is_the_same_person():
    texts = {
        "a": [LEAD, f'"{QUOTE}," said Mayor Laura Pons i Vidal.'],
        "b": [LEAD, f'"{QUOTE}," Mayor Laura Pons i Vidal told reporters.'],
        "c": [LEAD, f'"{QUOTE}," Laura Pons said.'],
        "d": [LEAD, f'"{QUOTE}," Mayor Laura Pons said.'],
    }
    ctx, flags = run(texts)
    assert flags == []
    sp = analyse(ctx.sources, ctx.alignment.passages)
    full = sp.attributions["a"][0].speaker
    short = sp.attributions["d"][0].speaker
    assert person_name(full, frozenset({"mayor"})) == ("laura", "pons", "vidal")
    assert SamePerson(ctx, sp.aliases)(full, short)


def test_two_people_sharing_neither_surname_stay_two():
    texts = {
        "a": [LEAD, f'"{QUOTE}," said Mayor Laura Pons i Vidal.'],
        "b": [LEAD, f'"{QUOTE}," Mayor Laura Pons i Vidal told reporters.'],
        "c": [LEAD, f'"{QUOTE}," Laura Pons said.'],
        "d": [LEAD, f'"{QUOTE}," councillor Marc Soler i Bas said.'],
    }
    assert run(texts)[1] == [("d", "councillor Marc Soler i Bas")]


# --- the quote check: a word spelt out in a source that copies its other quotes ------------------

def test_a_word_spelt_out_where_the_source_copies_its_other_quotes_is_a_low_flag():
    first = '"The ferry will sail again on Monday if the weather allows it,"'
    second = '"The river trout must spawn before the weir is opened again,"'
    texts = {
        "a": [first + " harbour master Eino Salo said.", second + " Salo added."],
        "b": [first + " Salo said.", second + " he added."],
        "c": [first + " Salo said.", second + " he added."],
        "d": [first + " Salo said.", '"The river trout must lay eggs before the weir is opened again," Salo added.'],
    }
    ctx = build(texts)
    flags = list(QuoteCheck().run(ctx))
    assert [f.source for f in flags] == ["d"]
    assert flags[0].severity is Severity.LOW


# --- a name in apposition after a long title ---------------------------------------------------

def test_a_name_apposed_after_a_long_title_is_the_speaker_the_others_name():
    texts = three_credit_the_mayor(
        f'The head of the Office for Bridges and Tolls, Ingrid Solested, explained: "{QUOTE}."')
    assert run(texts)[1] == []
    # Another person in apposition there is still another speaker.
    texts = three_credit_the_mayor(
        f'The head of the Office for Bridges and Tolls, Pavel Dragos, explained: "{QUOTE}."')
    assert run(texts)[1] != []


def test_the_name_apposed_to_a_description_ending_in_a_body_is_the_flagged_speaker():
    # "<description>, <Name>, said": the description ends in the body's capitalised name, so the
    # subject read first is the description; the person is the name beside it, and the flag
    # falls on that name, the words a reader weighs against the others' speaker.
    texts = three_credit_the_mayor(
        f'The head of the Vellmar Toll Board, Pavel Dragos, said: "{QUOTE}."')
    assert ("d", "Pavel Dragos") in run(texts)[1]
    texts = three_credit_the_mayor(
        f'The head of the Vellmar Toll Board, Ingrid Sollested, said: "{QUOTE}."')
    assert run(texts)[1] == []
    # A body's own name before the apposition is no description: "Vellmar Toll Board, Pavel
    # Dragos, said" lists two speakers' names and reads as before.
    texts = three_credit_the_mayor(f'Vellmar Toll Board, Pavel Dragos, said: "{QUOTE}."')
    assert ("d", "Pavel Dragos") not in run(texts)[1]


# --- an inverted credit whose description runs into the name without a comma -------------------

def test_a_description_running_into_a_name_credits_that_name():
    # A translation's word order: "said the spokesman of the Toll Authority Pavel Dragos." with no
    # comma before the name. Two sources credit the mayor; the one crediting Dragos is flagged.
    texts = three_credit_the_mayor(
        f'"{QUOTE}," said the spokesman of the Toll Authority Pavel Dragos. '
        'Pavel Dragos said the authority would publish the accounts.')
    texts["b"] = [LEAD, f'"{QUOTE}," Mayor Ingrid Sollested told reporters. '
                        'Pavel Dragos, who speaks for the toll authority, said the accounts would follow.']
    _, flags = run(texts)
    assert ("d", "Pavel Dragos") in flags


def test_a_body_whose_name_ends_in_two_capitalised_words_is_no_person():
    # "of the Bank Nordica Vellmar": no one of that name speaks anywhere in the story, so the
    # capitalised words stay the body's and nothing is credited to a person called so.
    texts = three_credit_the_mayor(f'"{QUOTE}," said the chairman of the Bank Nordica Vellmar.')
    _, flags = run(texts)
    assert not any(s == "d" and "Vellmar" in t for s, t in flags)


def test_a_credit_after_a_closing_guillemet_of_the_reversed_convention_is_read():
    # »…« (Slovene, German, Czech): the « closes the quotation, and the inverted verb after it
    # names the speaker as after a closing ”.
    texts = three_credit_the_mayor(f'»{QUOTE},« said Pavel Dragos. Pavel Dragos spoke later.')
    _, flags = run(texts)
    assert ("d", "Pavel Dragos") in flags


def test_a_verb_first_sentence_after_and_names_its_speaker_after_the_verb():
    # Arabic and other verb-first languages, kept by machine translation: "And said the director
    # of the toll office, Pavel Dragos, that …". Without the reading the verb had no speaker.
    from srccompare.checks.attributions import fuller_reading
    from srccompare.checks.speech import speech_of
    ctx = build({"a": [LEAD, "And said the director of the toll office, Pavel Dragos, that the toll would stay."],
                 "b": [LEAD, "Pavel Dragos said the toll would stay."]})
    speech = fuller_reading(ctx, speech_of(ctx))
    assert [a.speaker.text for a in speech.attributions["a"]] == ["Pavel Dragos"]
