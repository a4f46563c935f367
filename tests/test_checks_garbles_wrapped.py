"""A page wrapped at a fixed width (print, OCR, e-mail) hyphenates words at its line ends: that is
its layout, not damage. Where the lines are the writer's paragraphs, a hyphen and a line break
inside a word is a word broken when the page was reflowed (``test_checks_garbles_mt``)."""

from __future__ import annotations

from checks_builder import found, story
from srccompare.checks.garbles import GarbleCheck
from srccompare.models import Kind

A = ("The harbour board of Teslin Bay said on Monday that the new grain warehouse will open in "
     "October. It cost 12 million dollars and holds 40,000 tonnes. The director, Ruth Anselm, said "
     "the warehouse will serve farmers across the whole region.")
B = ("Teslin Bay's new grain warehouse opens in October, the harbour board said on Monday. The "
     "building cost 12 million dollars and stores 40,000 tonnes. Director Ruth Anselm said farmers "
     "across the region will use the warehouse.")
# The same report as a scanned page: a running head spaced across the page, then a column of
# text wrapped at about 50 characters with three words hyphenated at the line ends (the reader
# marks such a page ``Source.wrapped``: test_sources).
PAGE = ("BAY COURIER                         Autumn                              4\n\n"
        "The harbour board of Teslin Bay said on Monday\n"
        "that the new grain ware-\n"
        "house will open in Octo-\n"
        "ber. It cost 12 million dollars and holds 40,000\n"
        "tonnes. The director, Ruth Anselm, said the ware-\n"
        "house will serve farmers across the whole region\n"
        "and that trucks will queue less at harvest time.\n")


def run(ctx):
    return [f for f in GarbleCheck().run(ctx) if f.confidence >= ctx.settings.min_confidence
            and f.kind is Kind.GARBLED_TEXT]


def test_a_wrapped_page_hyphenating_words_at_its_line_ends_is_clean():
    flags = found(run(story({"a": A, "b": B, "d": PAGE}, wrapped={"d"})), "d")
    assert not [f for f in flags if "-" in f[1] or f[1] in ("ware", "house", "Octo", "ber")], flags


def test_the_same_break_in_a_page_of_one_paragraph_per_line_is_still_a_broken_word():
    d = ("The harbour board of Teslin Bay said on Monday that the new grain ware-\nhouse will open in "
         "October. It cost 12 million dollars and holds 40,000 tonnes.\nThe director, Ruth Anselm, said "
         "the warehouse will serve farmers across the whole region.")
    assert ("d", "ware-\nhouse", "warehouse") in found(run(story({"a": A, "b": B, "d": d})), "d")
