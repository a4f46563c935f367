"""name_variant: a full name changed at the place where the others print it, a name left declined,
a name built on another.

An invented story (a grain terminal fire in a Baltic port, one machine-translated source and one
rewrite), not any case's wording. What places a surname is the story's structure: the same given
name (or the rest of a compound or a longer name) printed at the same aligned place by several
sources; a case ending is one of a table of the declining languages' endings.
"""

from __future__ import annotations

from checks_builder import found, story
from srccompare.checks.names import NameCheck, case_ending
from srccompare.models import Severity

WIRE = ("A fire broke out at the grain terminal in Klaipeda on Monday night. "
        "Marta Lindqvist, the port's safety director, said nobody was hurt. "
        "Firefighters from Palanga joined the crews before dawn. "
        "The operator, Torres-Villalba Logistics, said Phan Thi Thao would lead the inquiry. "
        "Dalia Mourad, a union official, said the night shift had warned of dust for weeks.")
DAILY = ("Fire swept through the grain terminal in Klaipeda on Monday night. "
         "Safety director Marta Lindqvist said no one was injured. "
         "Crews from Palanga arrived before dawn to help. "
         "Torres-Villalba Logistics, the operator, named Phan Thi Thao to lead the inquiry. "
         "The union's Dalia Mourad said workers had complained about dust for weeks.")
BRIEF = ("The grain terminal in Klaipeda caught fire on Monday night. "
         "Marta Lindqvist, who heads safety at the port, said there were no injuries. "
         "Firefighters from Palanga were sent in before dawn. "
         "Operator Torres-Villalba Logistics said Phan Thi Thao will run the inquiry. "
         "Dalia Mourad of the dockers' union said the dust had been reported for weeks.")
REWRITE = ("On Monday night the grain terminal in Klaipeda went up in flames. "
           "Marta Lindgren, the safety director, said nobody was hurt. "
           "Crews came from Palanga before dawn. "
           "Torres-Villanueva Logistics said Phan Thi Tao would lead an inquiry. "
           "Weeks of warnings about dust were ignored, the union said.\n"
           "Rail freight to the terminal was halted. Exports resumed on Wednesday.\n"
           "Later in the day Dalia Murid told reporters the terminal would stay shut.")


def run(ctx):
    return [f for f in NameCheck().run(ctx) if f.confidence >= ctx.settings.min_confidence]


def by_text(flags):
    return {f.text: f for f in flags}


def test_surname_changed_where_the_others_print_the_full_name():
    flags = run(story({"a": WIRE, "b": DAILY, "c": BRIEF, "d": REWRITE}))
    got = by_text(flags)
    # Another surname of the same shape after the same given name, at the same place: medium.
    assert got["Lindgren"].expected == "Marta Lindqvist"
    assert got["Lindgren"].severity is Severity.MEDIUM
    assert "another surname" in got["Lindgren"].message
    assert got["Tao"].expected.endswith("Thao")
    # One part of a double name replaced by a name of the same shape.
    assert got["Villanueva"].expected == "Torres-Villalba"
    # Elsewhere in the story, but the story knows one Dalia and the surname sounds the same.
    assert got["Murid"].expected == "Dalia Mourad"
    assert {f.source for f in flags} == {"d"}


def test_a_short_name_placed_by_its_neighbour_passages():
    # The rewrite's fourth sentence is in no aligned group; its neighbours are, next to the
    # others' fourth sentences: the place, and the two name words before it, make "Tao" a slip
    # a story-wide comparison cannot trust in a four-letter name.
    texts = {"a": WIRE, "b": DAILY, "c": BRIEF, "d": REWRITE}
    groups = [[(s, i) for s in texts if not (s == "d" and i == 3)] for i in range(5)]
    got = by_text(run(story(texts, groups)))
    assert got["Tao"].expected == "Thi Thao"
    assert got["Villanueva"].expected == "Torres-Villalba"


def test_a_source_printing_both_full_names_names_two_people():
    # The rewrite also names the director: its Marta Lindgren is someone else.
    both = REWRITE.replace("Crews came from Palanga before dawn.",
                           "Crews came from Palanga before dawn, Marta Lindqvist said.")
    got = by_text(run(story({"a": WIRE, "b": DAILY, "c": BRIEF, "d": both})))
    assert "Lindgren" not in got


def test_one_other_source_at_the_place_is_no_consensus():
    got = by_text(run(story({"a": WIRE, "d": REWRITE})))
    assert "Lindgren" not in got and "Villanueva" not in got


def test_a_title_before_a_surname_is_no_given_name():
    titled = {s: t.replace("Marta Lindqvist", "Director Lindqvist") for s, t in
              (("a", WIRE), ("b", DAILY), ("c", BRIEF))}
    titled["d"] = REWRITE.replace("Marta Lindgren", "Director Lindgren")
    got = by_text(run(story(titled)))
    assert "Lindgren" not in got


def test_two_everyday_words_after_one_name_are_no_surnames():
    texts = {s: t + " Palanga Harbour officials were told." for s, t in (("a", WIRE), ("b", DAILY), ("c", BRIEF))}
    texts["d"] = REWRITE + " Palanga Harbor officials were told."
    got = by_text(run(story(texts)))
    assert "Harbor" not in got


def test_another_person_of_that_given_name_elsewhere_is_left_alone():
    # Away from the place, a sound-alike surname counts only when the story knows one Dalia.
    texts = {"a": WIRE + " Dalia Ortega, a crane driver, was among the first out.",
             "b": DAILY + " Crane driver Dalia Ortega was among the first out.",
             "c": BRIEF, "d": REWRITE}
    got = by_text(run(story(texts)))
    assert "Murid" not in got


MT_DECLINED = ("The grain terminal in Klaipedoje caught fire on Monday night. "
               "Marta Lindqvist said no one was hurt. "
               "Firefighters from Palanga were sent in before dawn.")


def test_a_case_ending_left_on_a_place_name():
    got = by_text(run(story({"a": WIRE, "b": DAILY, "c": MT_DECLINED})))
    f = got["Klaipedoje"]
    assert f.expected == "Klaipeda"
    assert f.severity is Severity.MEDIUM
    assert "-oje" in f.message


def test_a_suffix_after_an_apostrophe_is_left_to_the_garble_check():
    mt = MT_DECLINED.replace("Klaipedoje", "Klaipeda'da")
    got = by_text(run(story({"a": WIRE, "b": DAILY, "c": mt})))
    assert not any("Klaipeda'" in t for t in got)


def test_a_district_built_on_the_city_is_no_misspelling():
    # "Palangeta" keeps all of "Palanga" but its final vowel and adds two letters: a derived name.
    feed = BRIEF.replace("Firefighters from Palanga were sent in before dawn.",
                         "Firefighters from the Palangeta district were sent in before dawn.")
    got = by_text(run(story({"a": WIRE, "b": DAILY, "c": BRIEF, "d": feed})))
    assert "Palangeta" not in got


def test_case_endings_table():
    assert case_ending("argesului", "arges") == "ului"
    assert case_ending("krakowie", "krakow") == "ie"
    assert case_ending("oulussa", "oulu") == "ssa"
    assert case_ending("gyorben", "gyor") == "ben"
    assert case_ending("tbilisshi", "tbilisi") == "shi"
    assert case_ending("vilniuje", "vilnius") == "je"
    assert case_ending("vilniaus", "vilnius") == "aus"
    # Endings that also make surnames or derived names are no case endings.
    assert case_ending("ivanov", "ivan") is None
    assert case_ending("hansen", "hans") is None
    assert case_ending("barceloneta", "barcelona") is None
    # One letter is a slip or a plural, judged elsewhere.
    assert case_ending("genevea", "geneva") is None


def test_a_name_part_translated_after_a_part_english_also_uses():
    # "Long" is a common English word, but here it is the inner part of a four-word name the
    # others print whole ("Le Thi Long Hoa"): the word after it rendered by its meaning is flagged.
    line = "Police questioned staff at the terminal. The accountant, Le Thi Long Hoa, was among them."
    texts = {s: line for s in "abc"}
    texts["d"] = line.replace("Hoa", "Flower")
    got = by_text(run(story(texts)))
    assert got["Long Flower"].expected == "Long Hoa"


def test_a_name_printed_without_its_vowels():
    text = ("Harbour pilot {} said the tanker had drifted for an hour. "
            "The coastguard, {} added, was called at midnight.")
    texts = {s: text.format("Mohammad Rezaei", "Rezaei") for s in "abc"}
    texts["d"] = text.format("Mhmd Rzaei", "Rezaei")
    got = by_text(run(story(texts)))
    assert got["Mhmd"].expected == "Mohammad"
    assert got["Mhmd"].severity is Severity.MEDIUM


def test_honorifics_glued_on_and_names_in_the_other_order_are_left_alone():
    # "-san" and "-ji" are forms of address, and family name first is how Hungarian and Japanese
    # print a name: the same person, nothing to correct.
    text = "Harbour pilot {} said the tanker had drifted for an hour. {} called the coastguard."
    texts = {s: text.format("Kenji Nakamura", "Nakamura") for s in "abc"}
    texts["d"] = text.format("Nakamura Kenji", "Nakamura-san")
    assert run(story(texts)) == []
    texts = {s: text.format("Ramesh Gandhi", "Gandhi") for s in "abc"}
    texts["d"] = text.format("Ramesh Gandhi", "Gandhiji")
    assert run(story(texts)) == []


def test_two_syllable_given_names_after_one_family_name_are_two_people():
    # Family name first, then a given name of syllables: "Kim Min-jae" beside "Kim Min-jun" is
    # another person, even at the same place (``_pair_ok``'s rule for syllable names).
    text = "Harbour pilot {} said the tanker had drifted for an hour. The coastguard was called at midnight."
    texts = {s: text.format("Kim Min-jun") for s in "abc"}
    texts["d"] = text.format("Kim Min-jae")
    got = by_text(run(story(texts)))
    assert not any("jae" in t for t in got)
