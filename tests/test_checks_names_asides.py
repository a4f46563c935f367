"""name_variant: a name the source itself presents as another form of the name is no slip.

An invented story (a ferry strike on an island), not any case's wording. A sentence that talks
about the name or its spelling (a correction notice, "also known as", "also spelt"), or a
parenthesis giving the name in another form right after the others' spelling, prints the other
form on purpose: an editor waves it through. A misspelling in a sentence of the story is still
flagged.
"""

from __future__ import annotations

import pytest

from checks_builder import story
from srccompare.checks.names import NameCheck, _named_aside


def run(texts):
    ctx = story(texts)
    return [f for f in NameCheck().run(ctx) if f.confidence >= ctx.settings.min_confidence]


@pytest.mark.parametrize("text, expected, aside", [
    ("(Adds comment; corrects spelling of the captain's surname to Tarvena from Tarvina)", "Tarvena", True),
    ("The town's name is also officially spelt Korvahn, though most residents write Korvan.", "Korvan", True),
    ("Fishing on the southern lake, also known as Lake Morwel, is suspended.", "Morval", True),
    ("Nets were pulled from Morval (Morwel) on Monday.", "Morval", True),
    ("The National Wine Board (Junta Nacional del Vino) counted 1.6 million tonnes.", "National", True),
    ("The Wine Board (Junta Nacional del Vino) counted 1.6 million tonnes.", "National", False),
    ("Nets were pulled from the lake on Monday, said Morwel.", "Morval", False),
    ("Morval said the nets (Morwel had counted them) were torn.", "Ostrand", False),
    ("The captain, Tarvina, said the strike would last a week.", "Tarvena", False),
])
def test_named_aside(text, expected, aside):
    start = max(text.rfind(w) for w in ("Tarvina", "Korvahn", "Morwel", "Nacional"))
    assert _named_aside(text, start, expected) is aside


FERRY = {
    "a": "The ferry strike on Halvoy ended on Monday. Captain Ivar Tarvena said crews would sail again on Tuesday.",
    "b": "Crews on Halvoy ended their strike on Monday. Captain Ivar Tarvena said the ferries would sail on Tuesday.",
    "c": "The strike of the Halvoy ferry crews ended on Monday. Ivar Tarvena, the captain, said sailings resume on Tuesday.",
    "d": ("The ferry strike on Halvoy ended on Monday. Captain Ivar Tarvena said crews would sail again on Tuesday. "
          "(Adds date; corrects spelling of the captain's surname to Tarvena from Tarvina.)"),
}


def test_a_correction_notice_prints_the_wrong_spelling_on_purpose():
    assert not [f for f in run(FERRY) if f.text == "Tarvina"]


def test_the_same_name_misspelt_in_a_story_sentence_is_flagged():
    texts = dict(FERRY, d=FERRY["d"].replace("Captain Ivar Tarvena said", "Captain Ivar Tarvina said"))
    assert [f.text for f in run(texts) if f.text == "Tarvina"]
