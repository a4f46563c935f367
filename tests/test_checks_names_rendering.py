"""A rendering of a name against a slip (``names._ending_rendering``, ``names._own_rendering``):
an ending on the intact name or its final vowel written or not is a note at most, and nothing where
the source keeps that form at every mention; a romanisation the source keeps throughout is its way
of writing the name; a letter changed inside the name stays a misspelling however often it is
printed. Names invented for a story about a river-port grain fair."""

from __future__ import annotations

import pytest

from checks_builder import assert_offsets_true, found, story
from srccompare.checks.names import NameCheck, _ending_rendering, name_key
from srccompare.models import Kind, Severity


def run(ctx):
    flags = [f for f in NameCheck().run(ctx) if f.confidence >= ctx.settings.min_confidence]
    assert all(f.kind is Kind.NAME_VARIANT for f in flags)
    assert_offsets_true(ctx, flags)
    return flags


@pytest.mark.parametrize("variant, expected, how", [
    ("velunagaram", "velunagara", "added"),     # a final consonant a romanisation writes
    ("tirumalpura", "tirumalpur", "added"),     # the final vowel an Indic script writes
    ("dobrevitsa", "dobrevits", "added"),       # a case ending on the whole name
    ("ostravinem", "ostravin", "added"),        # two letters of an ending
    ("tirumalpur", "tirumalpura", "dropped"),   # the final vowel dropped
])
def test_an_ending_or_final_vowel_is_a_rendering(variant, expected, how):
    assert _ending_rendering(variant, expected) == how


@pytest.mark.parametrize("variant, expected", [
    ("velunagra", "velunagara"),      # a letter lost inside the name
    ("velunagata", "velunagara"),     # a letter changed
    ("korvandel", "korvandels"),      # a final consonant lost: a slip
    ("korvandelski", "korvandel"),    # three letters added: another name built on it
    ("ostra", "ostr"),                # the name kept is too short to tell
    ("velunagara", "velunagara"),     # the same spelling
    ("toront", "toronto"),            # a name English prints often has one spelling: a slip
])
def test_a_slip_is_no_ending(variant, expected):
    assert _ending_rendering(variant, expected) is None


FAIR = {
    "a": "The grain fair opened in Velunagara on Monday. Traders from Tirumalpur brought rice. "
         "Officials in Velunagara expect ten thousand visitors.",
    "b": "Velunagara hosted the opening of the grain fair on Monday, with traders from Tirumalpur. "
         "The town of Velunagara expects ten thousand visitors.",
    "c": "On Monday the grain fair began in Velunagara. Rice came from Tirumalpur. "
         "Velunagara officials expect ten thousand visitors.",
}


def test_an_ending_the_source_keeps_at_every_mention_is_its_rendering():
    d = ("The grain fair opened in Velunagaram on Monday. Traders from Tirumalpur brought rice. "
         "Officials in Velunagaram expect ten thousand visitors.")
    assert not [f for f in run(story(dict(FAIR, d=d))) if f.source == "d"]


def test_an_ending_printed_once_is_a_low_note():
    d = ("The grain fair opened in Velunagara on Monday. Traders from Tirumalpura brought rice. "
         "Officials in Velunagara expect ten thousand visitors.")
    flags = [f for f in run(story(dict(FAIR, d=d))) if f.source == "d"]
    assert [(f.text, f.expected) for f in flags] == [("Tirumalpura", "Tirumalpur")]
    assert flags[0].severity is Severity.LOW


def test_an_ending_beside_the_others_spelling_is_still_a_note():
    # The source prints the name as the others do elsewhere: the one form with an ending is no
    # house style, but still the intact name (a case ending left by a translation): a note.
    d = ("The grain fair opened in Velunagara on Monday. Traders from Tirumalpur brought rice. "
         "Officials in Velunagaram expect ten thousand visitors.")
    flags = [f for f in run(story(dict(FAIR, d=d))) if f.source == "d"]
    assert [(f.text, f.severity) for f in flags] == [("Velunagaram", Severity.LOW)]


def test_a_final_vowel_lost_from_a_name_english_knows_is_a_slip():
    texts = {k: v.replace("Tirumalpur", "Toronto") for k, v in FAIR.items()}
    texts["d"] = ("The grain fair opened in Velunagara on Monday. Traders from Toront brought rice. "
                  "Officials in Velunagara expect ten thousand visitors.")
    flags = [f for f in run(story(texts)) if f.source == "d"]
    assert [(f.text, f.expected) for f in flags] == [("Toront", "Toronto")]
    assert flags[0].severity is not Severity.LOW


def test_a_slip_inside_the_name_stays_flagged_however_often_printed():
    # A consonant of another sound inside the name. (A vowel left out between the same consonants,
    # "Velunagra", is what a romanisation of an inherent vowel makes of it: a low note, see
    # test_checks_names_unseen.py.)
    d = ("The grain fair opened in Velumagara on Monday. Traders from Tirumalpur brought rice. "
         "Officials in Velumagara expect ten thousand visitors.")
    flags = [f for f in run(story(dict(FAIR, d=d))) if f.source == "d"]
    assert ("d", "Velumagara", "Velunagara") in found(flags)
    assert all(f.severity is not Severity.LOW for f in flags)


PORT = {
    "a": "Harbour master Nikos Lambrovouni said the ferries would resume on Friday. Lambrovouni blamed the gale.",
    "b": "The ferries will resume on Friday, harbour master Nikos Lambrovouni said, blaming the gale.",
    "c": "Nikos Lambrovouni, the harbour master, said ferries would resume on Friday after the gale.",
}


def test_a_romanisation_the_source_keeps_is_no_flag():
    # Kept at two mentions, the others' spelling never printed: the source's scheme. Once, in a
    # source that writes no other name by a scheme, it is a note (test_checks_names_scheme_once).
    d = "Harbour master Nikos Lamprovouni said the ferries would resume on Friday. Lamprovouni blamed the gale."
    assert not [f for f in run(story(dict(PORT, d=d))) if f.source == "d"]


def test_a_romanisation_beside_the_others_spelling_stays_a_low_note():
    d = ("Harbour master Nikos Lamprovouni said the ferries would resume on Friday. "
         "Lambrovouni blamed the gale.")
    flags = [f for f in run(story(dict(PORT, d=d))) if f.source == "d"]
    assert [(f.text, f.severity) for f in flags] == [("Lamprovouni", Severity.LOW)]


@pytest.mark.parametrize("word, key", [
    ("Ħaxbiex", "haxbiex"),       # Maltese ħ
    ("Ɗanlami", "danlami"),       # Hausa hooked letters
    ("Ƙwarbai", "kwarbai"),
    ("Gʻaybullo", "gaybullo"),    # Uzbek ʻ, an apostrophe of the alphabet
    ("Əhmədli", "ahmadli"),       # Azerbaijani ə, written a in English texts
    ("Þórhildur", "thorhildur"),  # letters the old table knew keep their keys
    ("Ørnvik", "ornvik"),
    ("Волков", "волков"),         # another script is left as it is
])
def test_latin_letters_without_a_decomposition_fold_to_plain_letters(word, key):
    assert name_key(word) == key


def test_a_name_printed_with_its_own_alphabets_letters_is_the_same_name():
    texts = {
        "a": "Harbour councillor Musa Kadiri said the grain barges would dock at Sahlani on Monday.",
        "b": "The grain barges will dock at Sahlani on Monday, councillor Musa Kadiri said.",
        "c": "Councillor Musa Kadiri said barges carrying grain would reach Sahlani on Monday.",
        "d": "Harbour councillor Musa Kaɗiri said the grain barges would dock at Saħlani on Monday.",
    }
    assert run(story(texts)) == []
