"""Two romanisations of a name against a slip (``names._same_consonants``): the same consonants in the
same places, a vowel or a voiced/voiceless consonant written otherwise, is what two systems make of a
name written in another script, so it is a low note; a vowel lost or added, two vowels swapped, a
letter doubled, a consonant of another sound, or a name English prints often keep their severity.
Names invented for a story about a mountain-pass road closure."""

from __future__ import annotations

import pytest

from checks_builder import found, story
from srccompare.checks.names import NameCheck, _same_consonants, name_key
from srccompare.models import Severity


@pytest.mark.parametrize("variant, expected", [
    ("Tashgang", "Tashkang"),        # voiced or voiceless, as two systems write one letter
    ("Dorzhiyeva", "Dorjiyeva"),     # zh / j
    ("Nurmaxanov", "Nurmakhanov"),   # x for kh (Turkic Latin)
    ("Sölmaz", "Sulmaz"),            # a vowel in its place
])
def test_same_consonants_is_a_romanisation_shape(variant, expected):
    assert _same_consonants(name_key(variant), name_key(expected))


@pytest.mark.parametrize("variant, expected", [
    ("Tashkng", "Tashkang"),         # a vowel lost
    ("Tashkaang", "Tashkang"),       # a vowel doubled, nothing else
    ("Sulmza", "Sulmaz"),            # letters moved
    ("Dorjiyave", "Dorjiyeva"),      # two vowels swapped
    ("Tashmang", "Tashkang"),        # a consonant of another sound
    ("Tashkang", "Tashkang"),        # the same spelling
    ("Londan", "London"),            # a name English prints often has one spelling
])
def test_a_slip_is_no_romanisation_shape(variant, expected):
    assert not _same_consonants(name_key(variant), name_key(expected))


PASS = {
    "a": "Snow closed the Tashkang pass road on Friday, the district office said. Ploughs reached Tashkang by noon.",
    "b": "The road over the Tashkang pass was closed by snow on Friday, according to the district office.",
    "c": "District officials shut the Tashkang pass on Friday after heavy snow; ploughs were sent at dawn.",
}


def test_a_romanised_consonant_is_a_low_note_and_another_consonant_is_not():
    d = "Snow closed the Tashgang pass road on Friday, the district office said. Ploughs were sent at dawn."
    flags = [f for f in NameCheck().run(story(dict(PASS, d=d))) if f.source == "d"]
    assert ("d", "Tashgang", "Tashkang") in found(flags)
    assert all(f.severity is Severity.LOW for f in flags)
    d = "Snow closed the Tashmang pass road on Friday, the district office said. Ploughs were sent at dawn."
    flags = [f for f in NameCheck().run(story(dict(PASS, d=d))) if f.source == "d"]
    assert ("d", "Tashmang", "Tashkang") in found(flags)
    assert all(f.severity is not Severity.LOW for f in flags)
