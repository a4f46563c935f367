"""name_variant: endings and romanisations that belong to one shape of name.

Finnish links a consonant-final name to its case ending with -i- ("-in", "-issa"), Armenian
declines its -yan / -ian surnames with a one-letter -i; the Indic diphthong au is also written
"ou" / "ow", a nasal before a consonant "m" or "n", and a glide after a palato-alveolar consonant
is often dropped. Names invented for a ferry-strike story, none from any case.
"""

from __future__ import annotations

import pytest

from checks_builder import story
from srccompare.checks.names import NameCheck, alternation_pair, case_ending, romanisation
from srccompare.models import Severity


def run(ctx):
    return [f for f in NameCheck().run(ctx) if f.confidence >= ctx.settings.min_confidence]


def by_text(flags):
    return {f.text: f for f in flags}


@pytest.mark.parametrize("variant, expected, ending", [
    ("holmbergin", "holmberg", "in"),       # Finnish genitive after a consonant
    ("holmbergissa", "holmberg", "issa"),   # ... and the inessive
    ("vardanyani", "vardanyan", "i"),       # Armenian genitive-dative on -yan
    ("melikianic", "melikian", "ic"),       # Armenian ablative on -ian
])
def test_endings_of_one_shape_of_name(variant, expected, ending):
    assert case_ending(variant, expected) == ending


@pytest.mark.parametrize("variant, expected", [
    ("ivanin", "ivan"),         # "-in" on a name of four letters stays a surname ending
    ("korhonin", "korhoni"),    # a vowel-final name takes no linking -i-
    ("petrossi", "petross"),    # one-letter -i only on an Armenian -yan / -ian surname
    ("vardanyanu", "vardanyan"),
])
def test_those_endings_on_other_shapes_are_no_case_ending(variant, expected):
    assert case_ending(variant, expected) is None


STORY = ("Ferry crews at Turku walked out on Friday over the new rosters. "
         "Union steward Aleksi Holmberg said the talks had failed. "
         "The operator's negotiator, Narek Vardanyan, said a new offer was ready.")


def test_a_finnish_genitive_and_an_armenian_genitive_left_on_names_are_flagged():
    texts = {s: STORY for s in "abc"}
    texts["d"] = STORY.replace("Union steward Aleksi Holmberg said",
                               "According to Aleksi Holmbergin union the talks had failed, he said;").replace(
        "The operator's negotiator, Narek Vardanyan, said", "The operator's negotiator Narek Vardanyani said")
    got = by_text(run(story(texts)))
    assert got["Holmbergin"].expected.endswith("Holmberg")
    assert got["Holmbergin"].severity is Severity.MEDIUM
    assert got["Vardanyani"].expected.endswith("Vardanyan")


def test_a_name_ending_in_in_of_its_own_is_left_alone():
    # Two people: "Sorokin" is no "Sorok" declined, as "Sorok" ends in a consonant but English prints
    # neither; what keeps it silent is that nobody prints "Sorok" in two sources.
    texts = {s: STORY + " Captain Ilya Sorokin backed the strike." for s in "abc"}
    texts["d"] = STORY + " Captain Ilya Sorokin backed the strike."
    assert run(story(texts)) == []


@pytest.mark.parametrize("a, b", [
    ("rautela", "routela"),      # Indic au: Hunterian "au", common "ou"
    ("chaudhani", "chowdhani"),  # ... or "ow" before a consonant
    ("samkalpa", "sankalpa"),    # anusvara / nikahit: "m" or "n" before a consonant
    ("kocharajyan", "kocharajan"),  # Armenian -ջյան: the glide after j dropped
    ("vartashyan", "vartashan"),    # ... and after sh
])
def test_romanisations_of_one_sound(a, b):
    assert alternation_pair(a, b) and alternation_pair(b, a)
    assert romanisation(a, b) in ("note", "accepted")


@pytest.mark.parametrize("a, b", [
    ("paulina", "pulina"),       # a dropped a is no diphthong written another way
    ("samkalpa", "sakalpa"),     # a dropped nasal
    ("samara", "sanara"),        # m / n before a vowel are two letters
    ("jyotika", "jotika"),       # a glide at the start of a name is spelt, not dropped
    ("vartashyan", "vartasyan"),  # sh / s: two sounds
])
def test_letters_dropped_or_swapped_are_no_such_romanisation(a, b):
    assert not alternation_pair(a, b)


def test_a_rewritten_name_by_another_romanisation_is_only_a_low_note():
    text = "Harbour master {} said the ferries would sail again on Monday."
    texts = {s: text.format("Kiran Rautela") for s in "abc"}
    texts["d"] = text.format("Kiran Routela") + " Routela expects calmer seas."
    # Written so at the source's every mention: its rendering (``names._own_rendering``).
    assert run(story(texts)) == []
    texts["d"] = text.format("Kiran Routela") + " Rautela expects calmer seas."
    flags = run(story(texts))
    assert [(f.text, f.severity) for f in flags] == [("Routela", Severity.LOW)]


# A surname of another shape after the same given name, away from any aligned place: one person
# where the story knows one person of that given name and this source gives them the same role.
PORT = ("Ferry crews at Turku walked out on Friday over the new rosters. "
        "Harbour director Sirpa Nykanen said the talks had failed. "
        "Timetables were cut on all routes. "
        "Passengers were offered refunds at the terminal.")
BRIEF = ("Refunds were offered at the terminal. Timetables on every route were cut. "
         "The walkout began on Friday in Turku over rosters, and nobody expects it to end soon. "
         "The talks had failed, harbour director Sirpa {} told the press.")


def test_another_surname_after_the_same_given_name_and_role_is_flagged():
    texts = {"a": PORT, "b": PORT.replace("walked out", "went on strike"), "c": BRIEF.format("Nykanen")}
    texts["d"] = BRIEF.format("Halvorsen")
    got = by_text(run(story(texts)))
    assert got["Halvorsen"].expected == "Sirpa Nykanen"
    assert got["Halvorsen"].severity is Severity.MEDIUM


def test_without_the_same_role_or_with_one_name_romanised_it_is_left_alone():
    texts = {"a": PORT, "b": PORT.replace("walked out", "went on strike"), "c": BRIEF.format("Nykanen")}
    # Another role: perhaps another Sirpa.
    texts["d"] = BRIEF.format("Halvorsen").replace("harbour director", "passenger")
    assert "Halvorsen" not in by_text(run(story(texts)))
    # The same consonants once romanisation is folded: one name in two renderings, not two surnames.
    texts["d"] = BRIEF.format("Nikkanen")
    assert by_text(run(story(texts))).get("Nikkanen") is None or \
        "another surname" not in by_text(run(story(texts)))["Nikkanen"].message


def test_a_middle_name_left_out_or_a_patronymic_is_no_other_surname():
    texts = {"a": PORT.replace("Sirpa Nykanen", "Sirpa Liisa Nykanen"),
             "b": PORT.replace("walked out", "went on strike").replace("Sirpa Nykanen", "Sirpa Liisa Nykanen"),
             "c": BRIEF.format("Liisa Nykanen")}
    # The others' "surname" after Sirpa is her middle name; this source prints her surname alone.
    texts["d"] = BRIEF.format("Nykanen")
    assert "Nykanen" not in by_text([f for f in run(story(texts)) if f.source == "d"])
    # A patronymic followed by the surname (here in another rendering) is a middle part, not
    # another surname.
    texts = {"a": PORT, "b": PORT.replace("walked out", "went on strike"), "c": BRIEF.format("Nykanen")}
    texts["d"] = BRIEF.format("Halvorsdottir Nyykanen")
    assert "Halvorsdottir" not in by_text(run(story(texts)))
