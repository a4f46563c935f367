"""A word opening in lower case with a capital inside (``garbles._inner_capital``): a capital I
read for an l by a scanner ("halIway"), or a common word run into a capitalised one ("fromHarwick"),
is garbled; brand and prefix styles ("eBay", "iPhone", "kWh") are not. Tested on an invented story
about a school roof."""

from __future__ import annotations

from checks_builder import found, story, reported
from srccompare.checks.garbles import GarbleCheck
from srccompare.models import Kind


def run(ctx):
    return reported(GarbleCheck(), ctx, Kind.GARBLED_TEXT)


ROOF = {
    "a": "Part of the school roof in Harwick fell into the hallway on Tuesday, the council said.",
    "b": "The council said part of the roof fell into a hallway of the Harwick school on Tuesday.",
    "c": "On Tuesday part of the roof of the Harwick school came down in the hallway, the council said.",
}


def flags_in(d):
    return found(run(story(dict(ROOF, d=d))), "d")


def test_a_capital_i_read_for_an_l_is_a_scanning_error():
    d = "Part of the school roof in Harwick fell into the halIway on Tuesday, the council said."
    assert flags_in(d) == [("d", "halIway", "hallway")]


def test_a_word_run_into_a_capitalised_one_is_split_before_the_capital():
    d = "Pupils were moved fromHarwick school on Tuesday after part of the roof fell, the council said."
    assert ("d", "fromHarwick", "from Harwick") in flags_in(d)


def test_brand_and_prefix_styles_are_no_slips():
    d = ("Parents were told by text and on an iPhone app; the school sold its old boilers on eBay "
         "and used 40 kWh less, the council said on Tuesday.")
    assert flags_in(d) == []
