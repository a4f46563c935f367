"""Capitals and kept words that translations and page layouts make legitimately: a body named short
as its sentence's subject ("The Ministry said"), a currency's name ("4,8 million Euro"), a numbered
item's title ("26.034 Armament programme"), a local title glossed in brackets ("the kaymakam
(district governor)"), the original's headline kept above a translation, an e-mail address, a
picture's caption standing as its own paragraph. Pure functions over invented text about a
harbour in a town called Carrowmere."""

from __future__ import annotations

import pytest

from srccompare.checks.base import tokens
from srccompare.checks.garbles import (
    _CAPTION_RE,
    _URLISH_RE,
    _body_as_subject,
    _foreign_line,
    _glossed_in_brackets,
    _opens_sentence,
    _own_paragraph,
)
from srccompare.checks.lexicon import currency_names


def _subject(text: str, word: str) -> bool:
    toks = tokens(text)
    i = next(k for k, t in enumerate(toks) if t.text == word)
    return _body_as_subject(text, toks, i)


@pytest.mark.parametrize("text, word", [
    ("Catches fell. The Ministry said it will fund a study.", "Ministry"),
    ("The Registrar read the operative paragraphs.", "Registrar"),
    ("Boats stayed in port. The Firefighters have declared 38 buildings unusable.", "Firefighters"),
])
def test_a_body_named_short_as_the_subject_is_house_style(text, word):
    assert _subject(text, word)


@pytest.mark.parametrize("text, word", [
    ("Catches fell and the Ministry said it will fund a study.", "Ministry"),  # not opening its sentence
    ("The Harbour wall was rebuilt.", "Harbour"),  # a noun follows, not a verb
    ("Boats stayed in port because The Council said so.", "Council"),
])
def test_other_capitals_after_the_are_not_taken_for_a_body(text, word):
    assert not _subject(text, word)


def test_currency_names_are_the_singular_names_of_currencies_in_use():
    names = currency_names()
    assert {"euro", "baht", "naira", "tenge", "dollar"} <= names
    assert "euros" not in names and "francs" not in names  # a plural counts units: an ordinary noun
    assert "peseta" not in names  # no longer legal tender


@pytest.mark.parametrize("head, opens", [
    ("26.034 Armament programme 2026", True),
    ("3. Budget of the harbour", True),
    ("4.2) Works on the outer wall", True),
    ("41 Municipalities most struck", False),  # a count: the sentence goes on
])
def test_a_numbered_items_title_opens_its_line(head, opens):
    text = "Agenda\n" + head + "\n"
    start = text.index(head.split()[1])
    assert _opens_sentence(text, start) is opens


def test_a_local_title_glossed_in_brackets_is_kept_on_purpose():
    text = "Passengers were welcomed by the kaymakam (district governor) of the island."
    assert _glossed_in_brackets(text, text.index("kaymakam") + len("kaymakam"), "en")
    text = "Passengers were welcomed by the kaymakam (Hakan Doğru) of the island."
    assert not _glossed_in_brackets(text, text.index("kaymakam") + len("kaymakam"), "en")


def test_a_line_in_another_language_is_foreign():
    text = "Baf'ta suya yüzde 25 kesinti: Asprokremmos barajı dibe vurdu (machine translation from Turkish)\nThe dam"
    assert _foreign_line(text, 0, "en")
    assert not _foreign_line("Carrowmere harbour wall to be rebuilt before winter", 0, "en")


def test_an_email_address_is_read_whole():
    found = [m.group() for m in _URLISH_RE.finditer("Press contact: imprensa@harbour.example.")]
    assert found == ["imprensa@harbour.example"]


def test_a_caption_standing_as_its_own_paragraph_is_the_pages():
    text = "The wall fell.\n\nPhoto: The harbour wall seen from the pier. (Archive)\n\nEngineers came."
    s = text.index("Photo")
    e = text.index("\n\nEngineers")
    assert _CAPTION_RE.match(text[s:e]) and _own_paragraph(text, s, e)
    text = "The wall fell.\nPhoto: Harbour authority handout\nEngineers came."
    s = text.index("Photo")
    assert not _own_paragraph(text, s, text.index("\nEngineers"))
