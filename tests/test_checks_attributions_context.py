"""attribution_conflict: what a source's own text says about who speaks, and quotes worded anew.

- a "he"/"she" after a quotation that fills a passage refers to the person the sentence before the
  quotation opens with (``attributions._subjects_past_quotation``);
- a one-word "speaker" that names a happening ("Storm wrecks pier: '…'") is no speaker
  (``attributions._happening_unnamed``, ``lexicon.names_a_happening``);
- a name in apposition closing the sentence after a lower-case description and rank ("said the
  head of the office, captain Ola Brennvik.");
- the given-name reading needs the speaker's other words to be a form of address at most
  (``attributions._addressed_by``);
- a one-off rendering of the consensus speaker's name under the same role is that speaker
  (``SamePerson.one_rendering``);
- a description another person of the story bears, where the others name someone else
  ("The engineer told us: '…'"), read with a description in apposition before a name;
- a quote worded anew in an aligned passage is a counterpart (``_reworded_counterparts``);
- where the other sources credit different people, the person a source writes about right
  before the quote settles it (``AttributionCheck._split_credit``).

Invented stories (a storm at the Varnes harbour, a warehouse fire at Kestrel Quay) unlike any
development case."""

from __future__ import annotations

from srccompare.checks.attributions import AttributionCheck, SamePerson, _addressed_by, fuller_reading
from srccompare.checks.lexicon import names_a_happening
from srccompare.checks.speech import analyse, speech_of
from srccompare.models import Kind
from tests.discrepancy_story import build, check_offsets


def run(texts, groups=None):
    ctx = build(texts, groups)
    flags = list(AttributionCheck().run(ctx))
    check_offsets(ctx, flags)
    assert all(f.kind is Kind.ATTRIBUTION_CONFLICT for f in flags)
    return [(f.source, f.text) for f in flags]


LEAD = "A storm surge broke the harbour wall at Varnes on Sunday night."
WAVE = "The wave came over the wall in seconds and took the whole jetty with it"
MASTER = "Harbour master Ola Brennvik said the north pier would stay closed until Friday."


# -- a pronoun after a quotation that fills its passage ---------------------------------------

def _deckhand(d_speaker: str) -> dict:
    return {
        "a": [LEAD, MASTER,
              ("Deckhand Tomas Eriksrud, whose trawler sank at its mooring, lost his whole catch.",
               f'"{WAVE}.', 'We have nothing left," he said.')],
        "b": [LEAD, MASTER, f'"{WAVE}. We have nothing left," said deckhand Tomas Eriksrud.'],
        "c": [LEAD, MASTER, f'"{WAVE}," Tomas Eriksrud told reporters.'],
        "d": [LEAD, MASTER, f'"{WAVE}," said {d_speaker}.'],
    }


def test_a_pronoun_after_a_quoted_passage_is_the_person_the_sentence_before_opens_with():
    ctx = build(_deckhand("harbour master Ola Brennvik"))
    speech = fuller_reading(ctx, speech_of(ctx))
    [q] = [q for q in speech.quotes["a"] if q.text.startswith("The wave")]
    assert q.speaker.named.text.endswith("Tomas Eriksrud")


def test_a_subject_led_by_a_capitalised_body_and_a_lower_case_title_is_read_whole():
    story = _deckhand("harbour master Ola Brennvik")
    story["a"][2] = ("Crew chairman Tomas Eriksrud rejected the report.", f'"{WAVE}.', 'We have nothing left," he said.')
    ctx = build(story)
    speech = fuller_reading(ctx, speech_of(ctx))
    [q] = [q for q in speech.quotes["a"] if q.text.startswith("The wave")]
    assert q.speaker.named.text.endswith("Tomas Eriksrud")


def test_the_pronoun_read_so_outvotes_a_quote_given_to_a_colleague():
    # Read as the harbour master (the last speaker named before), source a would agree with d and
    # leave it two against two.
    assert run(_deckhand("harbour master Ola Brennvik")) == [("d", "harbour master Ola Brennvik")]
    assert run(_deckhand("deckhand Tomas Eriksrud")) == []


def test_a_pronoun_in_a_new_paragraph_keeps_its_reading():
    story = _deckhand("harbour master Ola Brennvik")
    # The narrative sentence stands in the paragraph before: the quotation's paragraph opens anew.
    story["a"][2:] = ["Deckhand Tomas Eriksrud, whose trawler sank at its mooring, lost his whole catch.",
                      (f'"{WAVE}.', 'We have nothing left," he said.')]
    ctx = build(story)
    speech = fuller_reading(ctx, speech_of(ctx))
    [q] = [q for q in speech.quotes["a"] if q.text.startswith("The wave")]
    assert q.speaker.named is None or q.speaker.named.text != "Deckhand Tomas Eriksrud"


# -- a happening is no speaker --------------------------------------------------------------

def test_a_word_for_a_happening_is_read_as_no_speaker():
    assert names_a_happening("storm") and names_a_happening("hail") and names_a_happening("fire")
    assert not names_a_happening("police") and not names_a_happening("ministry")
    assert not names_a_happening("report")
    story = {
        "a": [f'Storm wrecked Varnes jetty: "{WAVE}"', "The wind rose at noon. Storm surges hit the wall.",
              f'"{WAVE}," said deckhand Tomas Eriksrud.'],
        "b": [LEAD, "The storm was the worst in decades.", f'"{WAVE}," Tomas Eriksrud said.'],
        "c": [LEAD, "Nobody was hurt in the storm.", f'"{WAVE}," said Eriksrud.'],
    }
    assert run(story) == []


def test_a_surname_that_is_also_a_word_stays_a_speaker():
    story = {
        "a": [LEAD, "The storm was the worst in decades.", f'"{WAVE}," said Frost.'],
        "b": [LEAD, "Mayor Ingrid Frost visited the pier.", f'"{WAVE}," Tomas Eriksrud said.'],
        "c": [LEAD, "Nobody saw the frost on the jetty.", f'"{WAVE}," said Eriksrud.'],
    }
    assert run(story) == [("a", "Frost")]


# -- a name in apposition closing the sentence ----------------------------------------------

def test_a_lower_case_rank_and_name_closing_the_sentence_name_the_speaker():
    text = f'"{WAVE}," said the head of the harbour office, captain Ola Brennvik.'
    ctx = build({"a": [text], "b": [LEAD]})
    speech = fuller_reading(ctx, analyse(ctx.sources, ctx.alignment.passages))
    [q] = speech.quotes["a"]
    assert q.speaker.text == "Ola Brennvik"


def test_the_name_closing_the_sentence_outvotes_a_colleague():
    story = {
        "a": [LEAD, f'"{WAVE}," said the head of the harbour office, captain Ola Brennvik.'],
        "b": [LEAD, f'"{WAVE}," said harbour master Ola Brennvik.'],
        "c": [LEAD, f'"{WAVE}," said deckhand Tomas Eriksrud.'],
    }
    assert run(story) == [("c", "deckhand Tomas Eriksrud")]


# -- a form of address, or another full name --------------------------------------------------

def test_a_form_of_address_is_one_word_another_full_name_is_two():
    assert _addressed_by(("ibu", "sari"), ("sari", "wulandari", "hartono"))
    assert _addressed_by(("sari",), ("sari", "wulandari", "hartono"))
    assert not _addressed_by(("ma", "sandar", "win"), ("u", "win", "ko", "naing"))


def test_another_full_name_ending_with_a_word_of_the_speakers_is_another_person():
    quote = "The ship carried only what the manifest listed and we can prove it"
    story = {
        "a": [LEAD, f'Lawyer U Win Ko Naing said: "{quote}."'],
        "b": [LEAD, f'"{quote}," said U Win Ko Naing, the owner\'s lawyer.'],
        "c": [LEAD, f'"{quote}," said port deputy director Ma Sandar Win.'],
    }
    assert run(story) == [("c", "port deputy director Ma Sandar Win")]


# -- a one-off rendering of the speaker's name under the same role --------------------------

INSPECTED = "said the warden inspected every mooring on the north side before noon."


def _warden(c_speaker: str, d_line: str = "") -> dict:
    story = {
        "a": [LEAD, f"Deputy warden Ma Sandar Win of the port office {INSPECTED}",
              "The port office of Varnes said the jetty would be rebuilt."],
        "b": [LEAD, f"Deputy warden Ma Sandar Win of the port office {INSPECTED}",
              "Deputy warden Ma Sandar Win spoke to the crews."],
        "c": [LEAD, f"{c_speaker} {INSPECTED}", "The port office said the jetty would be rebuilt."],
    }
    if d_line:
        story["d"] = [LEAD, d_line, "Nothing more was said."]
    return story


def test_a_name_rendered_otherwise_under_the_same_role_is_the_same_speaker():
    assert run(_warden("Deputy warden Ma Sandar Wai of the port office")) == []


def test_a_near_name_under_another_role_printed_elsewhere_is_another_speaker():
    d = "Shipping agent Ma Sandar Wai, who handles the trawlers, was not available."
    assert run(_warden("Shipping agent Ma Sandar Wai", d)) == [("c", "Shipping agent Ma Sandar Wai")]


def test_a_name_word_of_another_person_of_the_story_is_no_rendering():
    # "Thein" is the surname of the trawler's skipper: the name mixes two people.
    story = _warden("Deputy warden Ma Sandar Thein of the port office")
    story["b"][2] = "Skipper Ko Aung Thein brought his trawler in before the storm."
    assert run(story) == [("c", "Deputy warden Ma Sandar Thein")]


def test_one_rendering_needs_the_shared_role():
    ctx = build(_warden("Ma Sandar Wai"))
    speech = fuller_reading(ctx, speech_of(ctx))
    same = SamePerson(ctx, speech.aliases)
    c = [a.speaker for a in speech.attributions["c"] if a.speaker.proper]
    a = [a.speaker for a in speech.attributions["a"] if a.speaker.proper and "Win" in a.speaker.text]
    assert c and a and not same.one_rendering(c[0], a[0])
    assert run(_warden("Ma Sandar Wai")) == [("c", "Ma Sandar Wai")]


# -- a description another person bears --------------------------------------------------------

FIRE = "The sprinklers failed in the east hall, and the fire reached the paint store within minutes"


def _quay(d_credit: str) -> dict:
    return {
        "a": ["Fire gutted a warehouse at Kestrel Quay on Monday.",
              f'"{FIRE}," said fire officer Dr. Lena Okafor.',
              "The night watchman, Piet Vos, raised the alarm."],
        "b": ["A warehouse at Kestrel Quay burned on Monday.",
              f'"{FIRE}," fire officer Lena Okafor said.',
              "Watchman Piet Vos raised the alarm at 2 a.m."],
        "c": ["Kestrel Quay lost a warehouse to fire on Monday.",
              f'"{FIRE}," said Lena Okafor.', "The alarm was raised by a watchman."],
        "d": ["We went to Kestrel Quay on Monday. Fire officer Lena Okafor showed us round.",
              d_credit,
              "The watchman, Piet Vos, told us he had called the brigade at once."],
    }


def test_a_description_the_source_gives_another_person_is_flagged():
    assert run(_quay(f'The night watchman told us: "{FIRE}."')) == [("d", "The night watchman")]


def test_a_description_of_the_right_person_is_not_flagged():
    assert run(_quay(f'The fire officer told us: "{FIRE}."')) == []


def test_a_description_followed_by_its_own_name_in_apposition_is_that_person():
    # Read short (the name's two particles end the speaker reading), the speaker is "the
    # watchman"; the name in apposition after the description is the person it describes.
    story = _quay(f'"{FIRE}," declared the watchman of Kestrel Quay, Lena de la Okafor, at the gate.')
    assert run(story) == []


# -- a quote worded anew ------------------------------------------------------------------------

def test_a_quote_worded_anew_in_an_aligned_passage_is_a_counterpart():
    reworded = "Nothing worked in the east hall: no sprinkler came on, so within minutes flames were at the paint store"
    story = _quay(f'The night watchman told us: "{FIRE}."')
    story["b"][1] = f'"{reworded}," fire officer Lena Okafor said.'
    del story["c"]
    assert run(story) == [("d", "The night watchman")]


def test_a_quote_worded_anew_elsewhere_in_the_story_needs_nearly_the_same_claim():
    close = "With no sprinklers working in the east hall, flames got to the paint store in minutes after it failed"
    loose = "Nothing worked in the east hall: no sprinkler came on, so within minutes flames were at the paint store"
    for reworded, flagged in ((close, [("d", "The night watchman")]), (loose, [])):
        story = _quay(f'The night watchman told us: "{FIRE}."')
        del story["c"]
        # Source b prints the quote in a passage of its own, aligned with nothing.
        story["b"][1] = "Fire officer Lena Okafor inspected the hall."
        story["b"].append(f'"{reworded}," fire officer Lena Okafor said.')
        assert run(story) == flagged


def test_a_quote_sharing_only_a_figure_and_a_place_is_no_counterpart():
    other = "The east hall will open again next month, and the paint store will move away"
    story = _quay(f'The night watchman told us: "{FIRE}."')
    story["b"][1] = f'"{other}," fire officer Lena Okafor said.'
    del story["c"]
    assert run(story) == []


# -- sources that credit different people ----------------------------------------------------

FUND = "No family that lost a stall here will be left to fend alone"


def _market(a_credit: str, b_credit: str, c_credit: str) -> dict:
    def src(credit: str, visit: str) -> list:
        return [visit, f"On Wednesday she announced a relief fund for the stallholders. \"{FUND},\" {credit} said.",
                "Fire chief Anton Dreyer said the cause was still unknown.",
                "Market warden Rosa Mbeki asked for wider lanes."]
    return {
        "a": src(a_credit, "Trade commissioner Clara Ndlovu visited the burnt market on Tuesday."),
        "b": src(b_credit, "Trade commissioner Clara Ndlovu came to the market on Tuesday."),
        "c": src(c_credit, "Clara Ndlovu, the trade commissioner, toured the market on Tuesday."),
    }


def test_a_credit_against_what_the_source_wrote_just_before_is_flagged_when_the_others_split():
    assert run(_market("Ndlovu", "Dreyer", "Mbeki")) == [("b", "Dreyer"), ("c", "Mbeki")]


def test_a_split_with_no_source_writing_about_the_speaker_just_before_is_left_alone():
    story = _market("Ndlovu", "Dreyer", "Mbeki")
    for sid in story:
        story[sid][0] = "The market burned on Monday night."
        story[sid][1] = story[sid][1].replace("On Wednesday she announced", "On Wednesday the city announced")
    assert run(story) == []


# -- a person printed with another person's role -------------------------------------------

REPAIR = "The ferry will not sail again until every hull plate has been checked"


def _ferry(b_line: str) -> dict:
    return {
        "a": ["The Kestrel ferry was withdrawn on Monday after a crack was found in its hull.",
              f'"{REPAIR}," said Nadia Ferreira, Norland\'s chief inspector of shipping.',
              "Mayor Tobias Lund, the town's mayor since 2019, called for a replacement vessel."],
        "b": ["The Kestrel ferry was withdrawn on Monday after a crack was found in its hull.",
              b_line,
              "Tobias Lund, the town's mayor, called for a replacement vessel."],
        "c": ["Islanders face a long detour after the Kestrel ferry was withdrawn.",
              "Inspectors are checking the hull.",
              "Nadia Ferreira, the chief inspector of shipping, would not give a date."],
    }


def test_a_person_printed_with_the_role_of_the_person_another_source_credits_is_flagged():
    story = _ferry(f'"{REPAIR}," said Tobias Lund, Norland\'s chief inspector of shipping.')
    assert run(story) == [("b", "Tobias Lund")]


def test_a_person_printed_with_a_role_of_their_own_is_one_against_one():
    story = _ferry(f'"{REPAIR}," said Tobias Lund, the town\'s mayor.')
    assert run(story) == []
