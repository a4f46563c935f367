"""A source that transliterates by another system (``names._system_rendering``): where it writes
several of the story's names with the others' consonants and its own letters, and writes a letter
the same way in each ("i" where the others print "y"), that letter is its system and no slip;
a change no other name of the source shares stays flagged. Names invented for a story about a
river ferry resuming service."""

from __future__ import annotations

from checks_builder import assert_offsets_true, story
from srccompare.checks.names import NameCheck, _letter_edits
from srccompare.models import Kind


def run(ctx):
    flags = [f for f in NameCheck().run(ctx) if f.confidence >= ctx.settings.min_confidence]
    assert all(f.kind is Kind.NAME_VARIANT for f in flags)
    assert_offsets_true(ctx, flags)
    return flags


TEXT = ("The ferry between {p} and Dovbrany resumed on Monday, harbour chief Taras {o} said. "
        "Ice had closed the crossing for three weeks, and he expects full service by Friday.")
OTHERS = {s: TEXT.format(p="Prystanivka", o="Olevychuk") for s in "abc"}


def test_letter_edits_name_the_letters_written_otherwise():
    assert _letter_edits("olevichuk", "olevychuk") == frozenset({("i", "y")})
    assert _letter_edits("pristanivka", "prystanivka") == frozenset({("i", "y")})


def test_a_letter_written_the_same_way_in_two_names_is_the_source_system():
    d = TEXT.format(p="Pristanivka", o="Olevichuk")
    assert not [f for f in run(story(dict(OTHERS, d=d))) if f.source == "d"]


def test_a_change_no_other_name_shares_stays_flagged():
    # Only one name written otherwise: nothing shows a system, the note stays.
    d = TEXT.format(p="Prystanivka", o="Olevichuk")
    assert "Olevichuk" in [f.text for f in run(story(dict(OTHERS, d=d))) if f.source == "d"]
    # Two names written otherwise, but by different letters: each is its own change.
    d = TEXT.format(p="Pristanivka", o="Olevuchuk")
    assert "Olevuchuk" in [f.text for f in run(story(dict(OTHERS, d=d))) if f.source == "d"]
