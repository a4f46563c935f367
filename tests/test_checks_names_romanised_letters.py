"""name_variant: a name one source writes with the letters another romanisation system uses.

An invented story (a ferry captain's rescue off a desert coast, one machine-translated source), not
any case's wording. Egyptian romanisations write Arabic ج "g" where others write "j" ("Nagib" /
"Najib"), Wade-Giles writes "ch" where pinyin writes "zh" ("Chou" / "Zhou"), a final -y is -i in
another system, and Thai RTGS leaves a syllable-closing "r" unwritten. Such a difference is what
another romanisation makes, so it is a low note that the sources differ, not a medium or high error
to correct; and a source that keeps its form at every mention and never prints the others' writes
the name its own way: nothing to note. A consonant swapped or added ("Nagim", "Karrim") is a slip
and keeps its severity.
"""

from __future__ import annotations

from checks_builder import story
from srccompare.checks.names import NameCheck, _romanised_letters
from srccompare.models import Severity


def texts(mt_name: str, second: str | None = None) -> dict[str, str]:
    second = second or "Captain Nagib"
    return {
        "a": ("Captain Youssef Nagib steered the ferry back to Safaga on Sunday night. "
              "The coast guard thanked Nagib for saving eleven fishermen."),
        "b": ("The ferry returned to Safaga late on Sunday, Captain Youssef Nagib said. "
              "Eleven fishermen were saved, and officials thanked Nagib."),
        "c": ("Youssef Nagib, the ferry's captain, brought it back to Safaga on Sunday. "
              "Nagib was thanked by the coast guard for the rescue of eleven fishermen."),
        "d": (f"The captain Youssef {mt_name} led the ferry back to Safaga on Sunday night. "
              f"The coast guard gave thanks to {second} for eleven fishermen saved."),
    }


def flags_on(mt_name: str, second: str | None = None):
    ctx = story(texts(mt_name, second))
    return [f for f in NameCheck().run(ctx)
            if f.confidence >= ctx.settings.min_confidence and f.source == "d" and f.text == mt_name]


def test_another_systems_letters_are_a_low_note():
    got = flags_on("Najib")
    assert got and got[0].expected == "Nagib"
    assert all(f.severity is Severity.LOW for f in got)


def test_a_rendering_kept_at_every_mention_is_not_noted():
    assert flags_on("Najib", second="Najib") == []


def test_a_consonant_changed_is_still_a_slip():
    got = flags_on("Nagim", second="Nagim")
    assert got and all(f.severity is not Severity.LOW for f in got)


def test_which_letters_romanisations_write_otherwise():
    for variant, expected in (("zheng", "cheng"), ("faraj", "farag"), ("fawzi", "fawzy"),
                              ("thanakon", "thanakorn"), ("kawe", "kawa")):
        assert _romanised_letters(variant, expected), (variant, expected)
    # A letter doubled, a vowel changed in a name English prints often, a consonant swapped,
    # a vowel added: slips.
    for variant, expected in (("karrim", "karim"), ("lumbardi", "lombardi"), ("nagim", "nagib"),
                              ("lisecki", "lisiecki"), ("okora", "okoro")):
        assert not _romanised_letters(variant, expected), (variant, expected)
