"""attribution_conflict: a quotation handed the floor by its own clause is its subject's words.

``attributions._clause_subjects``: a quotation left without a speaker after a colon or a "that"
("Site manager Ana Ruiz put it simply: '…'", "Ruiz was blunt: '…'", "The judge who heard the
case, Ana Ruiz, said that '…'") is credited to the person its sentence opens with, whatever the
verb; a clause whose subject is no personal name, or that names another person after it,
credits no one.

An invented story (a bakery fire in the town of Olvera) unlike any development case.
"""

from __future__ import annotations

import pytest

from srccompare.checks.attributions import AttributionCheck, fuller_reading
from srccompare.checks.speech import speech_of
from srccompare.models import Kind
from tests.discrepancy_story import build, check_offsets

OVENS = "The ovens were switched off at midnight, and nobody was inside when the roof caught fire"


def _speaker_of(line: str) -> str | None:
    ctx = build({"a": [line], "b": ["The bakery on Calle Mayor burned on Sunday."]})
    speech = fuller_reading(ctx, speech_of(ctx))
    [q] = speech.quotes["a"]
    return q.speaker.text if q.speaker is not None else None


@pytest.mark.parametrize("line, speaker", [
    (f'Bakery owner Lidia Orvay put it simply: "{OVENS}."', "Bakery owner Lidia Orvay"),
    (f'Fire officer Tomeu Vallbona was blunt: "{OVENS}."', "Fire officer Tomeu Vallbona"),
    (f'The inspector who examined the site, Tomeu Vallbona, said that "{OVENS}."', "Tomeu Vallbona"),
])
def test_the_subject_of_a_clause_handing_the_floor_to_a_quote_speaks(line, speaker):
    assert _speaker_of(line) == speaker


@pytest.mark.parametrize("line", [
    f'The neighbours were blunt: "{OVENS}."',
    f'The fire service was categorical: "{OVENS}."',
    f'Tomeu Vallbona, like Lidia Orvay, was blunt: "{OVENS}."',  # another name after the subject
])
def test_a_clause_naming_no_person_or_two_credits_no_one(line):
    assert _speaker_of(line) is None


def _fire(a_line: str) -> dict:
    lead = "A fire destroyed the Orvay bakery in Olvera on Sunday night."
    return {
        "a": [lead, a_line, "Bakery owner Lidia Orvay said she would rebuild."],
        "b": [lead, f'"{OVENS}," said Lidia Orvay, who has run the bakery since 2009.',
              "Fire officer Tomeu Vallbona said the cause was an electrical fault."],
        "c": [lead, f'"{OVENS}," Orvay told reporters.', "The fire service blamed the wiring."],
    }


def test_a_quote_so_credited_to_another_person_is_flagged():
    ctx = build(_fire(f'Fire officer Tomeu Vallbona was blunt: "{OVENS}."'))
    flags = list(AttributionCheck().run(ctx))
    check_offsets(ctx, flags)
    assert [(f.source, f.text, f.kind) for f in flags] == [("a", "Fire officer Tomeu Vallbona", Kind.ATTRIBUTION_CONFLICT)]
    assert "Orvay" in flags[0].expected


def test_a_quote_so_credited_to_its_speaker_is_not_flagged():
    ctx = build(_fire(f'Bakery owner Lidia Orvay put it simply: "{OVENS}."'))
    assert list(AttributionCheck().run(ctx)) == []
