"""name_variant: a surname that reads as another's derived form, printed after the same given name.

An invented story (a tram depot flooding in a river town), not any case's wording. "Demiroglan"
reads as "Demiroglu" with a derivation's -an in place of its last vowel ("Canada" / "Canadian"),
so the pair was taken for a name and its derived form and never compared. A derived form takes no
given name: after the very given name the other sources print before the surname, it is the one
surname spelt otherwise. Without a given name before it, it is still left alone.
"""

from __future__ import annotations

from checks_builder import story
from srccompare.checks.names import NameCheck


def texts(variant: str) -> dict[str, str]:
    return {
        "a": ("Flood water reached the tram depot at Merzifon on Monday night. "
              "Depot chief Leyla Demiroglan said twelve trams were moved to higher tracks in time."),
        "b": ("The Merzifon tram depot flooded on Monday night. "
              "Twelve trams were moved to higher tracks in time, depot chief Leyla Demiroglan said."),
        "c": ("On Monday night the tram depot of Merzifon was flooded by water. "
              f"The chief of the depot {variant} said that twelve trams were moved to higher tracks."),
    }


def flags_on(variant: str, word: str):
    ctx = story(texts(variant))
    return [f for f in NameCheck().run(ctx)
            if f.confidence >= ctx.settings.min_confidence and f.source == "c" and f.text.endswith(word)]


def test_a_surname_with_a_derivation_ending_after_the_same_given_name_is_a_variant():
    got = flags_on("Leyla Demiroglu", "Demiroglu")
    assert got and "Demiroglan" in got[0].expected


def test_without_the_given_name_it_may_be_a_derived_form():
    assert flags_on("Demiroglu", "Demiroglu") == []
