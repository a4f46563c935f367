"""name_variant: a word the other sources print as an everyday word is no misspelt name.

An invented story (a rowing regatta cancelled), not any case's wording. The others name the body
in full and then call it "the guild" in lower case; one source calls it "the Rowing Guild" at
every mention. "Guild" is the others' own everyday word for the body, written with a capital
as the source's short form of "Rowing Guilds": the reader sees what it means, and nothing was
misspelt. A name turned into some other everyday word ("Best" for "Bessard") shares no opening
with the name and stays flagged, whatever the others print in lower case.
"""

from __future__ import annotations

from checks_builder import story
from srccompare.checks.names import NameCheck


def run(texts):
    ctx = story(texts)
    return [f for f in NameCheck().run(ctx) if f.confidence >= ctx.settings.min_confidence]


REGATTA = {
    "a": ("The Velosa Council of Rowing Guilds cancelled Sunday's regatta on the Tarro river, "
          "citing high water. The guild said 40 crews had entered. A guild official said the race "
          "would be held in May."),
    "b": ("Sunday's Tarro river regatta was called off by the Velosa Council of Rowing Guilds "
          "because of high water. Forty crews had entered, the guild said, and the guild hopes to "
          "hold the race in May."),
    "c": ("High water on the Tarro river forced the Velosa Council of Rowing Guilds to cancel "
          "Sunday's regatta, which 40 crews had entered. The guild plans to hold it in May."),
    "d": ("The Velosa Council of Rowing Guilds (Rowing Guild) cancelled the regatta of Sunday on "
          "the Tarro river because of the high water. According to the Rowing Guild, 40 crews had "
          "entered. The Rowing Guild plans to hold the race in May."),
}


def test_the_others_everyday_word_capitalised_is_no_slip():
    assert not [f for f in run(REGATTA) if f.text == "Guild"]


def test_a_name_turned_into_another_everyday_word_is_still_flagged():
    texts = {
        "a": ("Finance minister Oren Bessard said on Monday the levy would rise. Bessard called it the "
              "best of three options."),
        "b": ("Oren Bessard, the finance minister, said the levy would rise on Monday. Bessard said it "
              "was the best choice."),
        "c": ("The levy will rise, finance minister Oren Bessard said on Monday. Bessard said the best "
              "option had been taken."),
        "d": ("Finance minister Oren Best said on Monday the levy would rise. Best called it the "
              "best of three options."),
    }
    assert [f for f in run(texts) if f.text == "Best"]
