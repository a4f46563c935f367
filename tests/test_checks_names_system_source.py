"""A source that transliterates the story's names by a system of its own
(``names._system_source``): where it writes two other names or more with the others' consonants
and letters of its own, a name it writes so at every mention, the others' spelling never, is its
system, though no other name shows the very letters; printed once, it stays a note. Names
invented for a story about a river ferry resuming service."""

from __future__ import annotations

from checks_builder import assert_offsets_true, story
from srccompare.checks.names import NameCheck
from srccompare.models import Kind


def run(ctx):
    flags = [f for f in NameCheck().run(ctx) if f.confidence >= ctx.settings.min_confidence]
    assert all(f.kind is Kind.NAME_VARIANT for f in flags)
    assert_offsets_true(ctx, flags)
    return flags


TEXT = ("The ferry between {p} and {q} resumed on Monday, harbour chief Taras {o} said. "
        "Ice had closed the crossing for three weeks, and he expects full service by Friday. "
        "The {r} quay was repaired first, the port office said.")


def flagged(d, q="Dovbruk"):
    others = {s: TEXT.format(p="Prystanivka", q=q, o="Olevychuk", r=q) for s in "abc"}
    return [f.text for f in run(story(dict(others, d=d))) if f.source == "d"]


def test_a_name_kept_at_every_mention_in_a_source_with_a_system_is_its_system():
    # "Pristanivka" and "Olevichuk" show the source's own letters; "Dovbrika" drops the "y" of
    # the others' "Dovbrykia" and writes its "i", at both mentions.
    d = TEXT.format(p="Pristanivka", q="Dovbrika", o="Olevichuk", r="Dovbrika")
    assert "Dovbrika" not in flagged(d, q="Dovbrykia")


def test_one_other_name_shows_no_system():
    d = TEXT.format(p="Pristanivka", q="Dovbrika", o="Olevychuk", r="Dovbrika")
    assert "Dovbrika" in flagged(d, q="Dovbrykia")


def test_printed_once_in_a_source_with_a_system_it_stays_flagged():
    d = TEXT.format(p="Pristanivka", q="Dovbrika", o="Olevichuk", r="new")
    assert "Dovbrika" in flagged(d, q="Dovbrykia")
    d = TEXT.format(p="Pristanivka", q="Dovbrug", o="Olevichuk", r="new")
    assert "Dovbrug" in flagged(d)
