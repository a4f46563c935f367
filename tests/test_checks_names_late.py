"""name_variant: the late round's rules, on an invented story (a bridge inspection and a satellite
launch, one source machine-translated from a declining language), not any case's wording.

- a foreign full name given Lithuanian nominative endings ("Hendrikas van Dammas");
- a designation whose name was rendered by its meaning ("Eagle-2" for "Pravaha-2");
- a name glossed with the other sources' spelling right after it ("known locally as ...");
- k for a hard c, the local spelling of a place: a low note, not an error.
"""

from __future__ import annotations

from checks_builder import found, story
from srccompare.checks.names import NameCheck, romanisation
from srccompare.models import Severity


def run(ctx):
    return [f for f in NameCheck().run(ctx) if f.confidence >= ctx.settings.min_confidence]


def by_text(flags):
    return {f.text: f for f in flags}


BRIDGE_WIRE = ("Divers inspected the piers of the river bridge at Panevezys on Monday. "
               "Hendrik van Damm, a consultant from Rotterdam, said the scour was deep but stable.")
BRIDGE_DAILY = ("The piers of the Panevezys river bridge were inspected by divers on Monday. "
                "The consultant Hendrik van Damm said the scour was deep yet stable.")
BRIDGE_MT = ("On Monday divers inspected the supports of the bridge over the river at Panevezys. "
             "The consultant from Rotterdam Hendrikas van Dammas stated that the washout is deep but stable.")


def test_full_name_with_lithuanian_endings_is_flagged():
    flags = run(story({"a": BRIDGE_WIRE, "b": BRIDGE_DAILY, "c": BRIDGE_MT}))
    got = by_text(flags)
    assert ("c", "Hendrikas van Dammas", "Hendrik van Damm") in found(flags)
    assert got["Hendrikas van Dammas"].severity is Severity.MEDIUM
    assert "nominative" in got["Hendrikas van Dammas"].message


def test_one_word_with_the_ending_alone_is_no_such_flag():
    # "Dammas" alone may be a name of its own (as "Thomas" beside "Thom"): only the whole name declined.
    mt = BRIDGE_MT.replace("Hendrikas van Dammas", "Hendrik Dammas")
    flags = run(story({"a": BRIDGE_WIRE, "b": BRIDGE_DAILY, "c": mt}))
    assert not any("nominative" in f.message for f in flags)


LAUNCH_WIRE = ("The Pravaha-2 rocket lifted off from the coastal range at dawn on Friday. "
               "It carried the Kaveri-2 weather satellite into a polar orbit, the agency said.")
LAUNCH_TRADE = ("At dawn on Friday the Pravaha-2 rocket left the coastal range. "
                "The Kaveri-2 weather satellite reached a polar orbit, according to the agency.")
LAUNCH_MT = ("At dawn on Friday the Eagle-2 rocket rose from the range on the coast. "
             "The Kaveri-2 weather satellite went into a polar orbit, said the agency.")


def test_designation_rendered_by_meaning_is_flagged():
    flags = run(story({"a": LAUNCH_WIRE, "b": LAUNCH_TRADE, "c": LAUNCH_MT}))
    got = by_text(flags)
    assert ("c", "Eagle-2", "Pravaha-2") in found(flags)
    assert got["Eagle-2"].severity is Severity.HIGH
    assert {e.source for e in got["Eagle-2"].evidence} == {"a", "b"}


def test_designation_with_no_counterpart_of_its_number_is_silent():
    # The others print no designation numbered 2 at that place: nothing says what "Eagle" stands for.
    wire = LAUNCH_WIRE.replace("Pravaha-2", "Pravaha").replace("Kaveri-2", "Kaveri")
    trade = LAUNCH_TRADE.replace("Pravaha-2", "Pravaha").replace("Kaveri-2", "Kaveri")
    flags = run(story({"a": wire, "b": trade, "c": LAUNCH_MT}))
    assert "Eagle-2" not in by_text(flags)


def test_two_designations_of_one_number_are_told_apart_by_their_frame():
    # Both the rocket and the satellite are "-2" in the first sentence: "rocket" frames the rocket.
    wire = "The Pravaha-2 rocket put the Kaveri-2 satellite in orbit on Friday."
    trade = "On Friday the Pravaha-2 rocket placed the Kaveri-2 satellite in orbit."
    mt = "On Friday the Eagle-2 rocket put the Kaveri-2 satellite into orbit."
    flags = run(story({"a": wire, "b": trade, "c": mt}))
    assert ("c", "Eagle-2", "Pravaha-2") in found(flags)


WINE_WIRE = ("The court in Negotin fined the cellar for selling Vranac from another region. "
             "Vranac grapes were bought across the border, the judge said.")
WINE_REPORT = ("A Negotin court fined the cellar, which sold Vranac made elsewhere. "
               "The Vranac grapes came from across the border, the judge found.")


def test_name_glossed_with_the_others_spelling_is_silent():
    trade = ("The Negotin court fined the cellar for Vranec, known locally as Vranac, from another region. "
             "The grapes were bought across the border, the judge said.")
    flags = run(story({"a": WINE_WIRE, "b": WINE_REPORT, "c": trade}))
    assert "Vranec" not in by_text(flags)


def test_same_spelling_without_the_gloss_is_flagged():
    trade = ("The Negotin court fined the cellar for Vranec from another region. "
             "The grapes were bought across the border, the judge said.")
    flags = run(story({"a": WINE_WIRE, "b": WINE_REPORT, "c": trade}))
    assert ("c", "Vranec", "Vranac") in found(flags)


def test_k_for_a_hard_c_is_a_local_spelling():
    assert romanisation("karbonne", "carbonne") == "note"
    assert romanisation("kordera", "cordera") == "note"
    # Before e or i a c is soft: "k" there is another letter, not a spelling convention.
    assert romanisation("kesaro", "cesaro") is None
    wire = "The trawler was stopped eleven miles off Carbonne and taken to port by the coastguard."
    trade = "Coastguards stopped the trawler eleven miles from Carbonne and escorted it to port."
    mt = "The ship was stopped eleven sea miles away from Karbonne and taken to port by the coastguard."
    # The translation writes the place its own way at both its mentions: its rendering, no flag
    # (``names._own_rendering``); beside the others' spelling in the same source, a low note.
    kept = mt + " Karbonne's harbour master confirmed it."
    assert "Karbonne" not in by_text(run(story({"a": wire, "b": trade, "c": kept})))
    mt += " Carbonne's harbour master confirmed it."
    got = by_text(run(story({"a": wire, "b": trade, "c": mt})))
    assert got["Karbonne"].severity is Severity.LOW


def test_a_c_made_from_ts_is_no_hard_c():
    # "Tsai" folds to "cai" by the ts/c alternation; that c is no hard c to be written k.
    assert romanisation("tsai", "kai") is None


PASS_WIRE = ("A rockfall closed the road near the Tsiteli Pass on Sunday, stranding nine buses. "
             "Crews from the regional roads service cleared it by evening.")
PASS_RELEASE = ("On Sunday a rockfall blocked the highway near the Tsiteli Pass and nine buses were stranded. "
                "The regional roads service cleared the rocks by evening.")
PASS_MT = ("On Sunday a fall of stones closed the road near the Red Pass and nine buses remained on the road. "
           "The workers of the regional road service cleaned it by evening.")


def test_place_rendered_by_meaning_before_the_kind_of_place():
    flags = run(story({"a": PASS_WIRE, "b": PASS_RELEASE, "c": PASS_MT}))
    assert ("c", "Red Pass", "Tsiteli Pass") in found(flags)


def test_kind_of_place_alone_is_no_translated_name():
    # Where only one other source prints the name before "Pass", nothing says the pass has one name.
    release = PASS_RELEASE.replace("Tsiteli Pass", "pass")
    flags = run(story({"a": PASS_WIRE, "b": release, "c": PASS_MT}))
    assert "Red Pass" not in {f.text for f in flags}


SKIPPER = {
    "a": ("The coastguard boarded the trawler at dawn. The skipper, Iñaki Zubeldia, denied the charge. "
          "Iñaki Zubeldia said the catch was logged."),
    "b": ("Coastguards boarded the boat at dawn. Its master Iñaki Zubeldia rejected the accusation. "
          "Officials met Iñaki Zubeldia later."),
    "c": ("The trawler was boarded at dawn by the coastguard. Iñaki Zubeldia, the skipper, called it unfair. "
          "The fine was paid by the owners."),
    # The name far from where the others print it (fifth sentence): no aligned place to compare.
    "d": ("A patrol boarded the vessel before sunrise and the fine was set. "
          "The owners paid the fine on Friday. The guild protested. The port was calm. "
          "On the quay Iñaki Zubizarreta insists every box was weighed."),
}


def test_surname_of_the_same_shape_for_the_one_person_of_that_given_name():
    flags = run(story(SKIPPER))
    assert ("d", "Zubizarreta", "Iñaki Zubeldia") in found(flags)


def test_two_witnesses_alone_do_not_make_one_person_away_from_the_place():
    flags = run(story({k: v for k, v in SKIPPER.items() if k != "c"}))
    assert "Zubizarreta" not in {f.text for f in flags}


def test_other_place_names_without_the_kind_of_place_are_no_candidates():
    # "Stepana" (two sources, never before "Pass") stands near too: it is no candidate, and no error.
    wire = PASS_WIRE.replace("on Sunday", "above Stepana on Sunday")
    release = PASS_RELEASE.replace("were stranded", "were stranded above Stepana")
    flags = run(story({"a": wire, "b": release, "c": PASS_MT}))
    assert ("c", "Red Pass", "Tsiteli Pass") in found(flags)


BOAT = {
    "a": "The trawler Itsaso Berria was stopped off the coast on Monday. Its crew of nine was unhurt.",
    "b": "Inspectors boarded the trawler Itsaso Berria on Monday off the coast. The nine crew were unhurt.",
    "c": "On Monday the trawler Itsaso Berria was halted off the coast, the guild said. No one was hurt.",
    "d": "On Monday the trawler New Sea was stopped near the coast. The nine men of the crew were not hurt.",
}


def test_name_in_apposition_rendered_by_meaning():
    flags = run(story(BOAT))
    got = by_text(flags)
    assert ("d", "New Sea", "Itsaso Berria") in found(flags)
    assert got["New Sea"].severity is Severity.MEDIUM


def test_everyday_word_after_a_noun_the_others_do_not_put_before_the_name_is_silent():
    boat = dict(BOAT, d="On Monday the crew Sea was stopped near the coast. The nine men were not hurt.")
    flags = run(story(boat))
    assert "Sea" not in {f.text for f in flags}


def test_name_in_apposition_opening_with_a_pronoun():
    boat = dict(BOAT, d="On Monday the trawler Our Sea was stopped near the coast. The nine men of the crew were not hurt.")
    flags = run(story(boat))
    assert ("d", "Our Sea", "Itsaso Berria") in found(flags)
