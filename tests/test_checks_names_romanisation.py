"""Romanisation alternations (``_ALTERNATIONS``): two spellings that differ only by what standard
schemes write differently for one sound are one name (a low note at most); a dropped or swapped
letter no scheme writes stays a misspelling. Names invented for a harbour-festival story."""

from __future__ import annotations

import pytest

from checks_builder import assert_offsets_true, found, story
from srccompare.checks.names import NameCheck, alternation_pair, romanisation
from srccompare.models import Kind, Severity


def run(ctx):
    flags = [f for f in NameCheck().run(ctx) if f.confidence >= ctx.settings.min_confidence]
    assert all(f.kind is Kind.NAME_VARIANT for f in flags)
    assert_offsets_true(ctx, flags)
    return flags


@pytest.mark.parametrize("a, b", [
    ("meimaridis", "mimaridis"),      # Greek ει: ELOT "ei", phonetic "i"
    ("lambrovouni", "lamprovouni"),   # Greek μπ: "mb" by sound, "mp" letter for letter
    ("lambrovouni", "labrovouni"),    # ... or "b"
    ("mpoziaris", "boziaris"),        # word-initial μπ
    ("padelidou", "pantelidou"),      # Greek ντ: "d" / "nt"
    ("gkorelis", "gorelis"),          # Greek γκ at the start
    ("chaokaew", "chaokaeo"),         # Thai final ว: common "w", RTGS "o"
    ("raatnavel", "ratnavel"),        # long vowel doubled or not
    ("deepmala", "dipmala"),          # "ee" / "i"
    ("tschelkova", "chelkova"),       # German-based ч
    ("tchelkova", "chelkova"),        # French-based ч
    ("yemelina", "emelina"),          # initial е: "ye" / "e"
    ("qaderani", "kaderani"),         # Arabic ق: "q" / "k"
    ("qurbanli", "gurbanli"),         # Azerbaijani q, Russian-based "g"
    ("wolodarski", "volodarski"),     # в: Polish/German "w", English "v"
    ("dworczyk", "dvorchyk"),         # ... and Polish "cz" for ч
    ("cvijanic", "tsvijanic"),        # ц: Serbo-Croatian "c", English "ts"
    ("xolmatov", "kholmatov"),        # initial х: Uzbek "x", English "kh"
])
def test_alternations_of_one_sound_are_one_name(a, b):
    assert alternation_pair(a, b) and alternation_pair(b, a)
    assert romanisation(a, b) in ("note", "accepted")


@pytest.mark.parametrize("a, b", [
    ("meimaridis", "memaridis"),      # a dropped i is no ει
    ("lambrovouni", "lambovouni"),    # a dropped r
    ("chaokaew", "chaokae"),          # a dropped final letter
    ("khonsavat", "konsavat"),        # kh / k: two sounds in Thai and Vietnamese spelling
    ("ghalebi", "galebi"),            # gh / g: a dropped letter, not a scheme
    ("quortani", "kortani"),          # "qu" for kw keeps its u: a letter dropped
    ("kaderani", "gaderani"),         # k / g are two sounds; only q pairs with either
    ("padelidou", "padelidu" + "s"),  # a different ending
    ("dvorchyk", "dvorshyk"),         # ch / sh: two letters of Cyrillic
    ("kaxenov", "kahenov"),           # x inside a name is k + s, not kh
])
def test_dropped_or_swapped_letters_are_no_alternation(a, b):
    assert not alternation_pair(a, b)
    assert romanisation(a, b) is None


HARBOUR = {
    "a": "Festival director Stavros Lambrovouni said the boats would sail at dawn. Lambrovouni expects ten thousand visitors.",
    "b": "The boats will sail at dawn, festival director Stavros Lambrovouni said. Lambrovouni expects ten thousand visitors.",
    "c": "Stavros Lambrovouni, the festival director, said boats would sail at dawn and expects ten thousand visitors.",
}


def test_a_scheme_spelling_is_at_most_a_low_note_and_a_slip_is_flagged():
    d = "Festival director Stavros Lamprovouni said the boats would sail at dawn. Lamprovouni expects ten thousand visitors."
    flags = run(story(dict(HARBOUR, d=d)))
    assert all(f.severity is Severity.LOW for f in flags)
    slip = "Festival director Stavros Lambrovuoni said the boats would sail at dawn. Lambrovuoni expects ten thousand visitors."
    flags = run(story(dict(HARBOUR, d=slip)))
    assert ("d", "Lambrovuoni", "Lambrovouni") in found(flags)
    assert all(f.severity is not Severity.LOW for f in flags)


def test_a_hacek_written_with_two_letters_is_the_same_name():
    # Czech/Croatian "š", "č" and Serbian "ć" rendered "sh", "ch" by English texts, as German "ö"
    # is rendered "oe": nothing to flag, while a letter really changed still is.
    text = ("Harbour master {} said the boats would sail at dawn. {} expects ten thousand visitors.")
    base = {s: text.format("Milena Šćepanović", "Šćepanović") for s in "abc"}
    flags = run(story(dict(base, d=text.format("Milena Shchepanovich", "Shchepanovich"))))
    assert flags == []
    flags = run(story(dict(base, d=text.format("Milena Scepanovid", "Scepanovid"))))
    assert ("d", "Scepanovid", "Šćepanović") in found(flags)


def test_an_azerbaijani_schwa_written_a_is_the_same_name():
    text = "Mayor {} said the boats would sail at dawn. {} expects ten thousand visitors."
    base = {s: text.format("Leyla Kərimli", "Kərimli") for s in "abc"}
    assert run(story(dict(base, d=text.format("Leyla Karimli", "Karimli")))) == []
