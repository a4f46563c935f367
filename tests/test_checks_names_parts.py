"""name_variant: session 7's rules, on invented stories (a crane collapse at a river port, a
customs raid, a flood on a railway line), not any case's wording.

- one word of a full name slipped, judged against the full name the others print: a syllable or
  a last letter lost from the surname, one vowel changed in an inner part of a long name;
- another given name before the one surname of the story, for the same role;
- a source that gives the person it names elsewhere as the others do another surname, same role;
- a two-word place name rendered by meaning, coordinated after a preposition ("between A and B");
- not: a company's word written out where the others abbreviate it ("Company" / "Co"); an
  everyday word ending an organisation's name before a full name of the story.
"""

from __future__ import annotations

from checks_builder import found, story
from srccompare.checks.names import NameCheck, _abbreviation, _letters_lost, _one_vowel
from srccompare.models import Severity


def run(ctx):
    return [f for f in NameCheck().run(ctx) if f.confidence >= ctx.settings.min_confidence]


def by_text(flags):
    return {f.text: f for f in flags}


# --- one part of a full name slipped -----------------------------------------------------------

CRANE_WIRE = ("A gantry crane collapsed at the river port of Onitsha on Tuesday. "
              "Chief engineer Kunle Ogunsolola said the jib had cracked at a weld.")
CRANE_DAILY = ("The port's gantry crane fell on Tuesday in Onitsha. "
               "Chief engineer Kunle Ogunsolola said a weld on the jib had cracked.")
CRANE_MT = ("On Tuesday a gantry crane fell down at the river port of Onitsha. "
            "The chief engineer Kunle Ogunsola said that the jib cracked at the weld.")


def test_surname_with_a_syllable_lost_is_flagged_against_the_full_name():
    flags = run(story({"a": CRANE_WIRE, "b": CRANE_DAILY, "c": CRANE_MT}))
    got = by_text(flags)
    assert ("c", "Ogunsola", "Kunle Ogunsolola") in found(flags)
    assert got["Ogunsola"].severity is Severity.MEDIUM
    assert "lost" in got["Ogunsola"].message


def test_surname_with_its_last_letter_lost_in_a_three_word_name_is_flagged():
    wire = "Harbour pilot Iria Lago Pereiras said the channel was closed. The crane lay across the quay."
    daily = "The channel was closed, said harbour pilot Iria Lago Pereiras. The crane lay on the quay."
    mt = "The harbour pilot Iria Lago Pereira said that the channel is closed. The crane lay on the quay."
    flags = run(story({"a": wire, "b": daily, "c": mt}))
    assert ("c", "Pereira", "Iria Lago Pereiras") in found(flags)


def test_a_surname_with_the_other_sexs_ending_is_no_lost_letter():
    # "Novak" beside "Novakova": a man and a woman of one family, not letters lost.
    assert not _letters_lost("novak", "novakova")
    assert _letters_lost("ogunsola", "ogunsolola")
    assert not _letters_lost("ogun", "ogunsolola")  # a short form, not a slip


def test_lost_letters_need_the_same_name_word_before():
    # Another given name before it: two people may share the opening of a surname.
    mt = CRANE_MT.replace("Kunle Ogunsola", "Bisi Ogunsola")
    flags = run(story({"a": CRANE_WIRE, "b": CRANE_DAILY, "c": mt}))
    assert not any("lost" in f.message for f in flags)


RAID_WIRE = ("Customs officers searched a warehouse in Mandalay on Friday. "
             "The owner, Min Zaw Oo, was questioned and released.")
RAID_DAILY = ("A warehouse in Mandalay was searched by customs on Friday. "
              "Its owner Min Zaw Oo was questioned, then released.")
# The owner's sentence stands a sentence later in the translation, away from the others' (the
# story builder aligns sentences by index): only the full name places the part.
RAID_MT = ("On Friday the customs officers searched the warehouse in Mandalay. "
           "They found teak logs. The owner Min Zow Oo was questioned and let go.")


def test_one_vowel_changed_inside_a_three_part_name_is_flagged():
    flags = run(story({"a": RAID_WIRE, "b": RAID_DAILY, "c": RAID_MT}))
    assert ("c", "Zow", "Min Zaw Oo") in found(flags)


def test_one_vowel_with_only_one_neighbour_the_same_is_silent():
    # "Min Zow Aung" shares only the word before the changed part: nothing pins a syllable of three letters.
    mt = RAID_MT.replace("Min Zow Oo", "Min Zow Aung")
    flags = run(story({"a": RAID_WIRE, "b": RAID_DAILY, "c": mt}))
    assert "Zow" not in by_text(flags)


def test_one_vowel_is_a_vowel_for_a_vowel():
    assert _one_vowel("zaw", "zow")
    assert not _one_vowel("zaw", "zam")
    assert not _one_vowel("zaw", "zaaw")


# --- another given name, the same surname, the same role ------------------------------------------

DAM_WIRE = ("The reservoir gates were opened at dawn, said Major Rustam Karimov, who heads the regional "
            "rescue service. Two villages were evacuated.")
DAM_DAILY = ("Major Rustam Karimov, head of the rescue service, said the gates were opened at dawn. "
             "Two villages were evacuated.")
DAM_MT = ("Major Timur Karimov, the head of the rescue service of the region, said the gates were opened "
          "at dawn. Two villages were evacuated.")


def test_another_given_name_before_the_one_surname_for_the_same_role_is_flagged():
    flags = run(story({"a": DAM_WIRE, "b": DAM_DAILY, "c": DAM_MT}))
    got = by_text(flags)
    assert ("c", "Timur", "Rustam Karimov") in found(flags)
    assert got["Timur"].severity is Severity.MEDIUM


def test_another_given_name_with_another_role_is_a_relative():
    mt = DAM_MT.replace("Major Timur Karimov, the head of the rescue service of the region, said",
                        "The farmer Timur Karimov, whose field lies below the dam, said")
    flags = run(story({"a": DAM_WIRE, "b": DAM_DAILY, "c": mt}))
    assert "Timur" not in by_text(flags)


def test_a_surname_the_others_give_two_people_is_no_swap():
    # The others know two Karimovs: nothing says which one the third source means.
    daily = DAM_DAILY.replace("Two villages were evacuated.", "Major Anvar Karimov, his deputy, agreed.")
    flags = run(story({"a": DAM_WIRE, "b": daily, "c": DAM_MT}))
    assert "Timur" not in by_text(flags)


# --- the same source, the same person, two surnames ----------------------------------------------

PORT_WIRE = ("\"We found two containers of pangolin scales,\" said port director Thiri Myint. "
             "The cargo was seized. Port director Thiri Myint said the ship would be held.")
PORT_DAILY = ("\"Two of the containers held pangolin scales,\" port director Thiri Myint said. "
              "The cargo was seized. The ship will be held, said port director Thiri Myint.")
PORT_MT = ("\"We found pangolin scales in two containers,\" the port director Thiri Mon said. "
           "The goods were seized. The port director Thiri Myint said that the ship will be held.")


def test_a_source_naming_one_role_holder_two_ways_is_flagged():
    flags = run(story({"a": PORT_WIRE, "b": PORT_DAILY, "c": PORT_MT}))
    got = by_text(flags)
    assert ("c", "Mon", "Thiri Myint") in found(flags)
    assert got["Mon"].severity is Severity.MEDIUM


def test_two_people_of_one_given_name_with_other_roles_are_two_people():
    mt = PORT_MT.replace("the port director Thiri Mon said", "the shipping agent Thiri Mon said")
    flags = run(story({"a": PORT_WIRE, "b": PORT_DAILY, "c": mt}))
    assert "Mon" not in by_text(flags)


# --- a two-word place name rendered by meaning -----------------------------------------------------

FLOOD_WIRE = ("Floodwater covered the line between Matale and Wel Kanda halt on Sunday. "
              "Trains were stopped for the day.")
FLOOD_DAILY = ("On Sunday the track between Matale and Wel Kanda halt went under water. "
               "No trains ran that day.")
FLOOD_MT = ("On Sunday water covered the railway between Matale and Sand Hill halt. "
            "The trains were stopped for the day.")


def test_two_word_place_name_rendered_by_meaning_after_a_coordination_is_flagged():
    flags = run(story({"a": FLOOD_WIRE, "b": FLOOD_DAILY, "c": FLOOD_MT}))
    assert ("c", "Sand Hill", "Wel Kanda") in found(flags)


def test_a_two_word_place_name_without_the_shared_frame_is_silent():
    # The others print no "halt" beside the name: nothing frames the two as one place.
    wire = FLOOD_WIRE.replace("Wel Kanda halt", "Wel Kanda")
    daily = FLOOD_DAILY.replace("Wel Kanda halt", "Wel Kanda")
    flags = run(story({"a": wire, "b": daily, "c": FLOOD_MT}))
    assert "Sand Hill" not in by_text(flags)


# --- not name variants ----------------------------------------------------------------------------

def test_a_word_written_out_where_the_others_abbreviate_it_is_the_same_name():
    wire = "The importer, Irrawaddy Delta Shipping Co, denied wrongdoing on Friday."
    daily = "Irrawaddy Delta Shipping Co, the importer, denied any wrongdoing on Friday."
    mt = "The importing company Irrawaddy Delta Shipping Company on Friday denied the wrongdoing."
    flags = run(story({"a": wire, "b": daily, "c": mt}))
    assert "Company" not in by_text(flags)
    assert _abbreviation("co", "company") and _abbreviation("ltd", "limited")
    assert not _abbreviation("oc", "company")


def test_an_everyday_word_ending_an_organisation_before_a_full_name_is_no_translated_head():
    # "Sport Marko Vidmar": the ministry's name ends in "Sport", and "Marko Vidmar" is the person
    # every source names; "Selmarko" (a village the others name next) ends in the same letters.
    wire = ("State secretary Marko Vidmar visited the school on Friday. "
            "The hall at Selmarko burnt down in May.")
    daily = ("Marko Vidmar, the state secretary, came to the school on Friday. "
             "The hall in Selmarko burnt down in May.")
    mt = ("The state secretary at the Ministry of Education and Sport Marko Vidmar on Friday visited the school. "
          "The hall burnt down in May.")
    flags = run(story({"a": wire, "b": daily, "c": mt}))
    assert not any(f.text.startswith("Sport") for f in flags)


def test_role_in_apposition_after_the_others_name_counts_as_the_same_role():
    wire = "Rustam Karimov, the regional rescue commander, said the gates were opened at dawn. Two villages emptied."
    daily = "The gates were opened at dawn, said Rustam Karimov, the rescue commander. Two villages emptied."
    mt = "The rescue commander Timur Karimov said that the gates were opened at dawn. Two villages emptied."
    flags = run(story({"a": wire, "b": daily, "c": mt}))
    assert ("c", "Timur", "Rustam Karimov") in found(flags)


def test_roles_after_a_name_are_an_apposition_not_what_was_said():
    from srccompare.checks.names import _roles_after
    text = "Ana Ruiz, the port director, said. Jan Kos, who heads the port, said. Eva Lind, said the officer."
    assert _roles_after(text, text.index(",")) == {"director"}
    assert _roles_after(text, text.index(", who")) == frozenset()
    assert _roles_after(text, text.index(", said the")) == frozenset()


# --- a name after the same initial, for the same role ---------------------------------------------

TANK_WIRE = ("K. Selvarajah, the district water officer, said the tank breached at night. "
             "Paddy fields were flooded.")
TANK_DAILY = ("District water officer Kandasamy Selvarajah said the tank breached overnight. "
              "Paddy fields were flooded.")
TANK_MT = ("The district water officer, K. Selvanayagam, said that the tank breached in the night. "
           "The paddy fields were flooded.")


def test_another_name_after_the_same_initial_for_the_same_role_is_flagged():
    flags = run(story({"a": TANK_WIRE, "b": TANK_DAILY, "c": TANK_MT}))
    got = by_text(flags)
    assert ("c", "Selvanayagam", "K. Selvarajah") in found(flags)
    assert got["Selvanayagam"].severity is Severity.MEDIUM


def test_a_name_after_the_same_initial_with_another_role_is_someone_else():
    mt = TANK_MT.replace("The district water officer, K. Selvanayagam, said", "The farmer K. Selvanayagam said")
    flags = run(story({"a": TANK_WIRE, "b": TANK_DAILY, "c": mt}))
    assert "Selvanayagam" not in by_text(flags)


def test_a_name_after_another_initial_is_someone_else():
    mt = TANK_MT.replace("K. Selvanayagam", "M. Selvanayagam")
    flags = run(story({"a": TANK_WIRE, "b": TANK_DAILY, "c": mt}))
    assert "Selvanayagam" not in by_text(flags)


def test_one_vowel_changed_in_the_last_part_of_a_three_part_name_is_flagged():
    wire = RAID_WIRE.replace("Min Zaw Oo", "Min Oo Zaw")
    daily = RAID_DAILY.replace("Min Zaw Oo", "Min Oo Zaw")
    mt = RAID_MT.replace("Min Zow Oo", "Min Oo Zow")
    flags = run(story({"a": wire, "b": daily, "c": mt}))
    assert ("c", "Zow", "Min Oo Zaw") in found(flags)


def test_one_vowel_changed_in_the_last_part_of_a_two_part_name_is_not_pinned():
    wire = RAID_WIRE.replace("Min Zaw Oo", "Min Zaw")
    daily = RAID_DAILY.replace("Min Zaw Oo", "Min Zaw")
    mt = RAID_MT.replace("Min Zow Oo", "Min Zow")
    flags = run(story({"a": wire, "b": daily, "c": mt}))
    assert "Zow" not in by_text(flags)


# --- a name after an initial rendered by its meaning ----------------------------------------------

WELL_WIRE = ("G. Altanshagai, head of the provincial water agency, said six wells had dried up. "
             "Herders moved their flocks south.")
WELL_BRIEF = ("Six wells have dried up, said Ganbold Altanshagai of the provincial water agency. "
              "Herders moved their flocks south.")
WELL_MT = ("The head of the water agency of the province G.Golden Shield said that six wells dried. "
           "The herders moved the flocks to the south.")


def test_everyday_words_after_an_initial_where_the_others_print_a_name_are_flagged():
    flags = run(story({"a": WELL_WIRE, "b": WELL_BRIEF, "c": WELL_MT}))
    got = by_text(flags)
    assert ("c", "Golden Shield", "G. Altanshagai") in found(flags)
    assert got["Golden Shield"].severity is Severity.MEDIUM


def test_everyday_words_after_an_initial_away_from_the_others_name_are_silent():
    # The translation names the person only in a sentence of its own, nowhere near the others'.
    mt = ("The herders moved the flocks to the south. Six wells dried. Nobody came. "
          "Later G.Golden Shield visited the camps.")
    flags = run(story({"a": WELL_WIRE, "b": WELL_BRIEF, "c": mt}))
    assert "Golden Shield" not in by_text(flags)


def test_an_initial_written_onto_a_name_leaves_the_name_to_compare():
    # "G.Altanshagai" is the others' name after the same initial: no flag.
    mt = WELL_MT.replace("G.Golden Shield", "G.Altanshagai")
    assert not run(story({"a": WELL_WIRE, "b": WELL_BRIEF, "c": mt}))


def test_another_given_name_at_the_others_place_without_a_role_is_flagged():
    wire = "Rustam Karimov said the gates were opened at dawn. Two villages emptied."
    daily = "The gates were opened at dawn, Rustam Karimov said. Two villages emptied."
    mt = "On Monday Timur Karimov said that the gates were opened at dawn. Two villages emptied."
    flags = run(story({"a": wire, "b": daily, "c": mt}))
    assert ("c", "Timur", "Rustam Karimov") in found(flags)


def test_another_given_name_elsewhere_without_a_role_is_a_relative():
    wire = "Rustam Karimov said the gates were opened at dawn. Two villages emptied."
    daily = "The gates were opened at dawn, Rustam Karimov said. Two villages emptied."
    mt = "The gates were opened at dawn. Two villages emptied. Timur Karimov lost his orchard."
    flags = run(story({"a": wire, "b": daily, "c": mt}))
    assert "Timur" not in by_text(flags)


# --- a surname with its last letter lost, where the pair reads as a name and its derived form ------

ICE_WIRE = ("Harbour master Liina Ojaveri said the ice was 30 centimetres thick. "
            "Ojaveri added that the ferry would not sail until Friday.")
ICE_DAILY = ("Liina Ojaveri, the harbour master, said the ice was 30 centimetres thick. "
             "Ojaveri added that the ferry would stay in port until Friday.")
ICE_MT = ("The harbour master Liina Ojaveri said that the ice is 30 centimetres thick. "
          "Ojaver added that the ferry will not sail until Friday.")


def test_a_surname_with_its_last_letter_lost_is_no_derived_form():
    # "Ojaver" / "Ojaveri" read alone like "Iraq" / "Iraqi"; the story prints "Ojaveri" after a given name.
    flags = run(story({"a": ICE_WIRE, "b": ICE_DAILY, "c": ICE_MT}))
    assert ("c", "Ojaver", "Ojaveri") in found(flags)


def test_a_name_and_its_derived_form_without_a_given_name_stay_apart():
    texts = {k: t.replace("Liina Ojaveri", "the Ojaveri crew").replace("Harbour master the", "The")
             for k, t in (("a", ICE_WIRE), ("b", ICE_DAILY), ("c", ICE_MT))}
    flags = run(story(texts))
    assert "Ojaver" not in by_text(flags)
