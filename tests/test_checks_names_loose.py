"""name_variant with the alignment's loose members (``Group.loose``): a passage paired by its place
or by the names it shares reports the same thing in other words. Its names are the names at that
place (a misspelt name in a reworded translation is caught against the names of the sentence it
rewords, and the other way round), its ordinary words are no counterpart of anything. Also: two
established spellings of a name that differ in a vowel, and a sentence dense with names in a
paragraph of its own. Names and events invented for a mountain-rescue and a harbour story."""

from __future__ import annotations

from dataclasses import replace

import pytest

from checks_builder import assert_offsets_true, found, story
from srccompare.checks.base import CheckContext
from srccompare.checks.lexicon import in_title_line
from srccompare.checks.names import NameCheck, romanisation
from srccompare.models import Severity


def run(ctx):
    flags = [f for f in NameCheck().run(ctx) if f.confidence >= ctx.settings.min_confidence]
    assert_offsets_true(ctx, flags)
    return flags


def loosen(ctx: CheckContext, *passage_ids: str) -> CheckContext:
    """The same story with the named passages marked as their groups' loose members."""
    ids = set(passage_ids)
    groups = tuple(replace(g, loose=tuple(p.id for p in g.passages if p.id in ids)) for g in ctx.alignment.groups)
    assert {pid for g in groups for pid in g.loose} == ids
    return CheckContext(sources=ctx.sources, alignment=replace(ctx.alignment, groups=groups), settings=ctx.settings)


RESCUE = {
    "a": "Rescue team leader Mared Stonor said the two climbers were found at noon below the ridge.",
    "b": "The two climbers were found at noon below the ridge, rescue team leader Mared Stonor said.",
}


def test_a_name_misspelt_in_a_loose_member_is_caught_against_the_group():
    reworded = {"c": "According to the chief of the rescuers, Mared Stone, the alpinists were located at midday."}
    texts = dict(RESCUE, **reworded)
    # Unaligned, nothing places "Stone" beside "Stonor": too unlike for a story-wide comparison.
    assert run(story(texts, groups=[[("a", 0), ("b", 0)]])) == []
    flags = run(loosen(story(texts), "c:0"))
    assert found(flags) == [("c", "Stone", "Stonor")]
    assert {e.source for e in flags[0].evidence} == {"a", "b"}


def test_a_name_misspelt_in_a_firm_member_is_caught_against_loose_members():
    texts = {
        "a": "Rescue team leader Mared Stone said the two climbers were found at noon below the ridge.",
        "b": "The chief of the rescuers, Mared Stonor, said the alpinists were located at midday.",
        "c": "Mared Stonor's team reached the pair at about twelve o'clock under the crest.",
        "d": "Two climbers stranded below the ridge were found at noon by the rescue team.",
    }
    groups = [[("a", 0), ("b", 0), ("c", 0), ("d", 0)]]
    flags = run(loosen(story(texts, groups=groups), "b:0", "c:0"))
    assert found(flags) == [("a", "Stone", "Stonor")]


HARBOUR = {
    "a": "Harbour pilot Lino Ferro, 61, guided the tanker into the dock at dawn.",
    "b": "The 61 year old pilot guided the tanker into the dock at dawn, a ferry operator said.",
    "c": "Lino Ferro brought the damaged vessel in himself before the tide turned.",
}


def test_an_ordinary_word_is_no_counterpart_of_a_name_only_a_loose_member_prints():
    # Firm, "c" would make two witnesses of the name, and "ferry" would read as "Ferro" lost to
    # an ordinary word (the rule itself still works between firm members).
    assert ("b", "ferry", "Ferro") in found(run(story(HARBOUR)))
    # Loose, "c" rewords the place: only one firm member names the pilot, so nothing says the
    # word stands where the name should.
    assert found(run(loosen(story(HARBOUR), "c:0"))) == []


def test_an_ordinary_word_in_a_loose_member_is_no_counterpart_either():
    texts = dict(HARBOUR, c="Lino Ferro, the pilot, guided the tanker into the dock at dawn.")
    assert ("b", "ferry", "Ferro") in found(run(story(texts)))
    assert found(run(loosen(story(texts), "b:0"))) == []


@pytest.mark.parametrize("a, b, expected", [
    ("hussein", "husain", "note"),   # Arabic: the vowels are the romaniser's
    ("hansen", "hanson", "note"),    # Latin-script names differ by a vowel too: a note, never silent
    ("kessler", "kesler", None),     # a doubled letter written once: the commonest slip
    ("kuznetsov", "kuznetsova", None),  # an ending, not a vowel spelt another way
    ("karin", "karen", None),        # one of English's own common names
    ("stonor", "stoner", None),      # a spelling no frequency list knows as a name
])
def test_two_established_spellings_that_differ_in_a_vowel(a, b, expected):
    assert romanisation(a, b) == expected


def test_a_vowel_romanised_otherwise_is_a_low_note_even_at_the_same_place():
    texts = {
        "a": "Harbour master Ali Hussein said the dock would reopen on Friday.",
        "b": "The dock will reopen on Friday, harbour master Ali Hussein said.",
        "c": "The chief of the port, Ali Husain, announced the reopening of the dock for Friday.",
    }
    flags = run(loosen(story(texts), "c:0"))
    assert found(flags) == [("c", "Husain", "Hussein")]
    assert flags[0].severity is Severity.LOW


NAMED = ("Harbour Strike Ends\n"
         "The Kemi Harbour Board's managing director Teodor {} was at the quay with Fisheries Minister P. Ollila.\n"
         "The strike ended after two days.")


def test_a_sentence_dense_with_names_in_its_own_paragraph_is_read_for_names():
    texts = {k: NAMED.format("Vaskelainen") for k in "abc"}
    # Most of its words capitalised, as in a headline: only the full stop tells it apart.
    assert in_title_line(texts["a"], texts["a"].index("Teodor"))
    texts["d"] = NAMED.format("Vaskelanen")
    assert found(run(story(texts))) == [("d", "Vaskelanen", "Vaskelainen")]


def test_a_headline_without_a_full_stop_is_still_no_place_for_names():
    texts = {k: NAMED.format("Vaskelainen") for k in "abc"}
    texts["d"] = NAMED.format("Vaskelainen").replace("Harbour Strike Ends", "Vaskelanen Ends Harbour Strike")
    assert found(run(story(texts))) == []


SPILL = "Oil from the tanker reached the sea off {}{}, the coastguard said on Monday."


@pytest.mark.parametrize("gloss, flagged", [
    ("", True),
    (", as the town is called in Swedish", False),
    (" (in Swedish)", False),
    (", as the town is called in Helsinki", True),  # a place, no language
])
def test_a_name_the_source_glosses_as_another_languages_is_no_variant(gloss, flagged):
    texts = {k: SPILL.format("Lintula", "") for k in "abc"}
    texts["d"] = SPILL.format("Lintola", gloss)
    assert (("d", "Lintola", "Lintula") in found(run(story(texts)))) is flagged


AUDIT = "The audit of the {} found missing funds, the regional registrar said on Friday."


@pytest.mark.parametrize("rendered, flagged", [
    ("Kilimo Cooperative", True),  # a name part rendered by its meaning, nothing after it
    ("Kilimo Cooperative Farmers Society", False),  # an organisation's English name, word by word
])
def test_an_organisations_name_rendered_word_by_word_is_no_translated_surname(rendered, flagged):
    texts = {k: AUDIT.format("Kilimo Ushirika Farmers Society") for k in "abc"}
    texts["d"] = AUDIT.format(rendered)
    assert any(f.source == "d" for f in run(story(texts))) is flagged


def test_a_surname_rendered_as_two_words_is_still_a_translated_surname():
    # The others' surname ends the name: two everyday words in its place are the one surname
    # rendered by its meaning, not an organisation's name.
    text = "The fisheries officer {} said the boats would stay in port until June."
    texts = {k: text.format("Wanchai Thongkham") for k in "abc"}
    texts["d"] = text.format("Wanchai Gold Rock")
    assert ("d", "Wanchai Gold", "Wanchai Thongkham") in found(run(story(texts)))


def test_a_surname_rendered_as_a_phrase_counts_whatever_english_uses_its_first_word_for():
    # A name that means a sentence ("God is with us") rendered word by word: its first word is a
    # name English itself uses, which alone would make it no translation.
    text = "The health commissioner, Dr. Ifeoma {}, said the clinic would reopen on Monday."
    texts = {k: text.format("Chukwunonso") for k in "abc"}
    texts["d"] = text.format("God Answers Prayer")
    assert ("d", "Ifeoma God", "Ifeoma Chukwunonso") in found(run(story(texts)))
    texts["d"] = text.format("God")
    assert found(run(story(texts))) == []


RESERVOIR = "Water was released from the {} reservoir on Tuesday, the irrigation office said."


def test_a_compound_names_first_part_translated_and_written_apart():
    texts = {k: RESERVOIR.format("Neelsagar") for k in "abc"}
    texts["d"] = RESERVOIR.format("Blue Sagar")
    assert found(run(story(texts))) == [("d", "Blue Sagar", "Neelsagar")]


@pytest.mark.parametrize("d", [
    # This source prints the name there too: the two words are something else.
    "Water was released from the Neelsagar reservoir into the Blue Sagar canal on Tuesday, the irrigation office said.",
    # Two names of the story end alike (the others print both there): no telling which.
    RESERVOIR.format("Blue Sagar"),
])
def test_a_compound_part_is_left_alone_where_the_name_is_there_or_two_fit(d):
    texts = {k: RESERVOIR.format("Neelsagar") for k in "abc"}
    if "Neelsagar" not in d:
        texts = {k: RESERVOIR.format("Neelsagar reservoir and the Kalisagar") for k in "abc"}
    texts["d"] = d
    assert [f for f in run(story(texts)) if "Sagar" in f.text] == []
