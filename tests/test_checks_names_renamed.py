"""name_variant: a source that introduces a person under one surname and then calls them by the
surname every other source gives them.

An invented story (a ferry terminal opening in a river port, one machine-translated source), not
any case's wording. The translation's opening sentence is worded anew and aligns with nothing, so
only the story-wide reading can place its full name, and only two other sources print the full
name (the third calls the person by title and surname): too few to settle a surname of another
sound on their own. The source's own later sentences call the person by the surname the others
print after the same given name.
"""

from __future__ import annotations

from checks_builder import story
from srccompare.checks.names import NameCheck

WIRE = ("Deputy Transport Minister Selin Karadeniz opened the new ferry terminal in Vidin on Friday. "
        "The terminal cost 40 million euros, Karadeniz said. "
        "Boats will sail every hour from April.")
DAILY = ("The new ferry terminal in Vidin was opened on Friday by Selin Karadeniz, the deputy transport minister. "
         "Karadeniz said the building had cost 40 million euros. "
         "Hourly sailings start in April.")
BRIEF = ("Vidin's ferry terminal opened on Friday, with Deputy Minister Karadeniz cutting the ribbon. "
         "It cost 40 million euros, said Karadeniz. "
         "From April boats sail every hour.")
MT = ("With a ceremony attended by Deputy Minister of Transport Selin Karaduman, the area of the new "
      "quay was put in service yesterday.\n"
      "Many guests from the shipping firms of the region were present.\n"
      "The cost of the terminal was 40 million euros, Deputy Minister Karadeniz stated.\n"
      "From April the boats will sail each hour.")
# The others' sentences 1 and 2 align with the translation's 2 and 3; its first two sentences
# (the full name and the guests) align with nothing, nor stand next to an aligned passage.
GROUPS = [[("a", 0), ("b", 0), ("c", 0)],
          [("a", 1), ("b", 1), ("c", 1), ("d", 2)],
          [("a", 2), ("b", 2), ("c", 2), ("d", 3)]]


def run(texts):
    ctx = story(texts, GROUPS)
    return {f.text: f for f in NameCheck().run(ctx) if f.confidence >= ctx.settings.min_confidence}


def test_full_name_the_source_itself_contradicts_later():
    got = run({"a": WIRE, "b": DAILY, "c": BRIEF, "d": MT})
    assert got["Karaduman"].expected == "Selin Karadeniz"
    assert got["Karaduman"].source == "d"


def test_a_second_person_of_that_surname_introduced_in_the_source():
    # The source names another Karadeniz with a given name of their own: two people.
    two = MT.replace("Deputy Minister Karadeniz stated", "port director Ahmet Karadeniz stated")
    assert "Karaduman" not in run({"a": WIRE, "b": DAILY, "c": BRIEF, "d": two})
