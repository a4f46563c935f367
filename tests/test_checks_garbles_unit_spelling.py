"""garbled_text: the unit after a figure is the amount's, and English has no settled spelling for
the units of most currencies: outlets transliterate them as they choose and count them in the
plural or not. A rare word right after a figure (a multiplier word may stand between) is not
reported where it is the plural in -s of a word other sources print ("87 veks" where they write
"87 vek"), or where an aligned source prints after a figure another rare word with the same first
two letters, this one a spelling English prints too or two letters or more from the others'
("20 million drevik" / "20 million drakik"). One letter more or less in a spelling nobody prints
("draak" for "drak") is a slip, and so is a slip in a unit English prints often ("kilornetres").

An invented story (a broadcaster fined in a made-up currency, the "drak"; four sources).
"""

from __future__ import annotations

from checks_builder import found, reported, story
from srccompare.checks.garbles import GarbleCheck
from srccompare.models import Kind

A = ("The regulator fined the private channel 20 million drak on Tuesday over the vote count. "
     "The channel said it would appeal the ruling in court next week.")
B = ("On Tuesday the regulator fined the private channel 20 million drak over the count of the vote. "
     "The channel will appeal the ruling in court next week, it said.")
C = ("The private channel was fined 20 million drak by the regulator on Tuesday over the vote count. "
     "It plans to appeal the ruling in court next week.")


def _reported_in_d(d: str, a: str = A, b: str = B, c: str = C) -> list[str]:
    ctx = story({"a": a, "b": b, "c": c, "d": d})
    return [text for _, text, _ in found(reported(GarbleCheck(), ctx, Kind.GARBLED_TEXT), "d")]


def test_a_currency_transliterated_otherwise_after_a_figure_is_no_garble():
    a, b, c = (x.replace("20 million drak", "20 million drakik") for x in (A, B, C))
    d = ("The regulator fined the private channel 20 million drevik on Tuesday over the vote count. "
         "The channel said it would appeal the ruling in court next week.")
    assert "drevik" not in _reported_in_d(d, a, b, c)


def test_one_letter_more_in_a_spelling_nobody_prints_is_a_slip():
    d = ("The regulator fined the private channel 20 million draak on Tuesday over the vote count. "
         "The channel said it would appeal the ruling in court next week.")
    assert "draak" in _reported_in_d(d)


def test_a_counted_unit_in_the_plural_is_no_garble():
    a, b, c = (x.replace("20 million drak", "87 vek") for x in (A, B, C))
    d = ("The regulator fined the private channel 87 veks on Tuesday over the vote count. "
         "The channel said it would appeal the ruling in court next week.")
    assert "veks" not in _reported_in_d(d, a, b, c)


def test_a_slip_in_a_common_unit_after_a_figure_is_still_reported():
    a, b, c = (x.replace("20 million drak", "20 kilometres of cable") for x in (A, B, C))
    d = ("The regulator fined the private channel 20 kilornetres of cable on Tuesday over the vote count. "
         "The channel said it would appeal the ruling in court next week.")
    assert "kilornetres" in _reported_in_d(d, a, b, c)


def test_the_unit_with_the_next_words_run_on_is_a_garble():
    # The others' unit, then words English prints often, with the spaces lost: no transliteration.
    a, b, c = (x.replace("20 million drak on Tuesday", "20 million drakik per month")
               for x in (A, B, C))
    d = ("The regulator fined the private channel 20 million drakikpermonth over the vote count. "
         "The channel said it would appeal the ruling in court next week.")
    ctx = story({"a": a, "b": b, "c": c, "d": d})
    hits = found(reported(GarbleCheck(), ctx, Kind.GARBLED_TEXT), "d")
    assert [(text, expected) for _, text, expected in hits] == [("drakikpermonth", "drakik per month")]
