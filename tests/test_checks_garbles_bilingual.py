"""garbled_text: a line printed in two languages, its halves set apart by a slash, gives the
original beside its English on purpose, as notices, signs and labels do ("[Otomatik çeviri /
Machine translation from Turkish]"): the other-language half is neither left untranslated nor
misspelt. A slash whose other side is no English line exempts nothing.

Tested on the invented lake ferry story of ``lake_ferry``.
"""

from __future__ import annotations

import pytest

from lake_ferry import FIRST, reported_in_d

BODY = "About 300 commuters waited at the pier in the rain until the buses arrived from the town."


@pytest.mark.parametrize("notice, word", [
    ("[Traducción automática / Machine translation from Spanish]", "automática"),
    ("[Otomatik çeviri / Machine translation from Turkish]", "çeviri"),
    ("(Machine translation from Turkish / Otomatik çeviri)", "çeviri"),
])
def test_the_other_language_half_of_a_line_in_two_languages_is_meant(notice, word):
    assert word not in reported_in_d(notice + "\n" + FIRST + BODY)


@pytest.mark.parametrize("notice", [
    "[Traducción automática]",
    "[Traducción automática / Traducción del español]",
])
def test_without_an_english_half_the_word_is_still_judged(notice):
    assert "automática" in reported_in_d(notice + "\n" + FIRST + BODY)
