"""attribution_conflict: whom a "he"/"she" stands for when the sentence before opens with a body's
name, a lower-case title and a person ("Fjordline Selskap director Arne Holtedal thanked the
rescuers": Arne Holtedal, not the company, ``speech._person_at_start``), and an initial printed
glued to the name ("Ov.Saruul" is "Ov. Saruul", ``attributions.name_of_words``).

Invented stories (a ferry grounding on Lake Vindal, a song contest recount) unlike any
development case."""

from __future__ import annotations

from srccompare.checks.attributions import AttributionCheck, _NAME_WORD_RE, name_of_words
from srccompare.checks.speech import analyse
from srccompare.models import Kind
from tests.discrepancy_story import build, check_offsets

QUOTE = "Nobody was hurt, and the boat will stay at the quay until the inspectors have finished"


def run(texts):
    ctx = build(texts)
    flags = list(AttributionCheck().run(ctx))
    check_offsets(ctx, flags)
    assert all(f.kind is Kind.ATTRIBUTION_CONFLICT for f in flags)
    return [(f.source, f.text) for f in flags]


def grounding(c_frame: str) -> dict[str, list]:
    return {
        "a": ["The Vindal ferry, run by Fjordline Selskap, ran aground on Tuesday with 80 passengers on board.",
              ("Fjordline Selskap director Arne Holtedal thanked the rescuers.", f'"{QUOTE}," he said.')],
        "b": ["The Vindal ferry hit a sandbank on Tuesday evening with 80 passengers on board.",
              f'"{QUOTE}," Holtedal said.'],
        "c": ["The Vindal ferry ran aground on Tuesday evening, carrying 80 passengers.",
              f'"{QUOTE}," {c_frame}.'],
        "d": ["Captain Rolf Sunde was at the helm of the Vindal ferry on Tuesday.", "The rescuers were thanked."],
    }


OPENING = "The Vindal ferry, run by Fjordline Selskap, ran aground on Tuesday."


def test_a_pronoun_after_a_body_led_title_stands_for_the_person():
    ctx = build({"a": [OPENING, ("Fjordline Selskap director Arne Holtedal thanked the rescuers.", f'"{QUOTE}," he said.')]})
    (q,) = analyse(ctx.sources, ctx.alignment.passages).quotes["a"]
    assert q.speaker.named.text == "Fjordline Selskap director Arne Holtedal"


def test_a_pronoun_after_a_body_name_alone_still_stands_for_the_body_s_sentence():
    ctx = build({"a": [OPENING, ("Fjordline Selskap thanked the rescuers.", f'"{QUOTE}," he said.')]})
    (q,) = analyse(ctx.sources, ctx.alignment.passages).quotes["a"]
    assert q.speaker.named.text == "Fjordline Selskap"


def test_the_quote_given_to_the_captain_is_outvoted_by_the_director_and_his_pronoun():
    assert run(grounding("says captain Rolf Sunde")) == [("c", "captain Rolf Sunde")]


def test_the_director_credited_by_name_is_no_conflict():
    assert run(grounding("says director Arne Holtedal")) == []


def name(text: str) -> tuple[str, ...]:
    return name_of_words(_NAME_WORD_RE.findall(text))


def test_an_initial_glued_to_the_name_is_the_same_name():
    assert name("jury chairman Ov.Saruul") == name("jury chairman Ov. Saruul") == ("ov", "saruul")


def test_initials_alone_still_split_and_a_dotted_abbreviation_stays_whole():
    assert name("J.R. Hollister") == ("j", "r", "hollister")
    assert name("Mayor Ana Ruiz") == ("mayor", "ana", "ruiz")
