"""name_variant: two surnames that are both dictionary words, one letter apart, beside one given name.

An invented story (a port authority vote), not any case's wording. "Ban" and "Bat" are both
ordinary words, so the pair was taken for two title words ("Minister" / "Ministry") and never
compared. A title takes no given name beside it: printed before the very given name the other
sources print after "Ban", "Bat" is that person's surname spelt otherwise. Without the given name,
or beside another given name, nothing says it is one person.
"""

from __future__ import annotations

from checks_builder import story
from srccompare.checks.names import NameCheck


def texts(variant: str) -> dict[str, str]:
    return {
        "a": ("The port authority of Gunsan voted four to one on Tuesday to raise berth fees. "
              "Board member Ban Mi-ra voted against the rise."),
        "b": ("Gunsan's port authority raised berth fees on Tuesday after a four to one vote. "
              "The only member against was Ban Mi-ra."),
        "c": ("The Gunsan port authority on Tuesday decided the rise of berth fees with four against one. "
              f"Member {variant} presented the opposing opinion."),
    }


def flags_on(variant: str, word: str):
    ctx = story(texts(variant))
    return [f for f in NameCheck().run(ctx)
            if f.confidence >= ctx.settings.min_confidence and f.source == "c" and word in f.text]


def test_a_dictionary_word_surname_one_letter_off_beside_the_same_given_name_is_a_variant():
    got = flags_on("Bat Mi-ra", "Bat")
    assert got and "Ban" in got[0].expected


def test_beside_another_given_name_it_is_another_person():
    assert flags_on("Bat Ji-ho", "Bat") == []
