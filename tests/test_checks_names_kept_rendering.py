"""name_variant: a name one source writes with the same consonants as the others throughout.

An invented story (a bridge reopening in a mountain district, one machine-translated source), not
any case's wording. Two romanisations of a name written in another script differ by a consonant
voiced or not ("Dolkara" / "Tolkara"); a slip is a one-off among right mentions, a rendering is
kept at every mention. A source that prints its own form at two places or more and never the
others' form writes the name its own way: no discrepancy to note. A vowel changed between the
same plain consonants is what a slip copied along looks like (test_checks_names_unseen): a note.
"""

from __future__ import annotations

from checks_builder import story
from srccompare.checks.names import NameCheck

WIRE = ("The bridge at Dolkara reopened on Tuesday after a month of repairs. "
        "Trucks bound for Dolkara had queued for days at the pass. "
        "The district council paid for the work.")
DAILY = ("Repairs to the Dolkara bridge ended on Tuesday and it reopened. "
         "Lorries heading to Dolkara waited for days at the pass. "
         "The work was funded by the district council.")
BRIEF = ("Dolkara's bridge is open again from Tuesday after a month of work. "
         "Trucks for Dolkara had been stuck at the pass for days. "
         "The council of the district paid.")
MT = ("The bridge of Tolkara was opened again on Tuesday after repairs of one month. "
      "The trucks going to Tolkara waited for days at the pass. "
      "The council of the district paid for the works.")


def run(texts):
    ctx = story(texts)
    return [f for f in NameCheck().run(ctx) if f.confidence >= ctx.settings.min_confidence]


def test_a_rendering_the_source_keeps_is_not_noted():
    assert not [f for f in run({"a": WIRE, "b": DAILY, "c": BRIEF, "d": MT}) if f.text == "Tolkara"]


def test_a_one_off_among_right_mentions_is_still_noted():
    once = MT.replace("going to Tolkara", "going to Dolkara")
    got = [f for f in run({"a": WIRE, "b": DAILY, "c": BRIEF, "d": once}) if f.text == "Tolkara"]
    assert got and got[0].expected == "Dolkara"
