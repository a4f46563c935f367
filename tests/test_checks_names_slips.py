"""name_variant: session 10's calibrations, on an invented story (a ferry fire on a lake, one
machine-translated source), not any case's wording.

- a surname of the same shape after the one given name of the story, where a single other source
  prints the full name at the same place and another elsewhere (``_placed_surname_flags``);
- the last word of a full name with a letter or two written in, the same person's name printed
  right elsewhere by the same source (``_name_part_flags``, ``_letters_added``);
- an inner word of a longer name with letters lost or added, pinned by the name words the others
  print on both sides of it.
"""

from __future__ import annotations

from checks_builder import found, story
from srccompare.checks.names import NameCheck, _collect, _letters_added, _name_part_flags, _placed_surname_flags
from srccompare.models import Severity


def run(ctx):
    return [f for f in NameCheck().run(ctx) if f.confidence >= ctx.settings.min_confidence]


def by_text(flags):
    return {f.text: f for f in flags}


# Sentence i of each source is aligned with sentence i of the others (the story builder's default).
WIRE = ("A passenger ferry caught fire on Lake Varna on Sunday evening. "
        "Oskar Vellinga, who was on board, said everyone reached the deck in time. "
        "The blaze started in the engine room. "
        "Boats from the Nakawa Kivak Dam brought the passengers ashore. "
        "The operator said an inquiry would begin on Monday.")
DAILY = ("On Sunday evening a ferry burned on Lake Varna. "
         "All the passengers were rescued. "
         "The fire broke out in the engine room. "
         "Crews from the Nakawa Kivak Dam took them to the shore. "
         "Later Oskar Vellinga described how smoke filled the lounge.")
MT = ("The passenger ferry on Lake Varna caught fire on Sunday in the evening. "
      "Oskar Vellenberg, who was on the board, said that all reached the deck in time. "
      "The fire began in the room of the engine. "
      "Boats of the Nakawa Kiva Dam carried the passengers to the shore. "
      "The operator said that an inquiry begins on Monday.")


def placed(texts):
    ctx = story(texts)
    return [f.text for f in _placed_surname_flags(ctx, _collect(ctx))]


def test_same_shape_surname_with_one_witness_at_the_place_and_one_person_of_that_name():
    # The wire prints the full name at the place, the daily four sentences later: one other
    # source at the place, but every source that prints "Oskar" prints "Vellinga" after it.
    got = by_text(run(story({"a": WIRE, "b": DAILY, "c": MT})))
    flag = got["Vellenberg"]
    assert flag.source == "c" and flag.expected == "Oskar Vellinga"
    assert flag.severity is Severity.MEDIUM and "another surname" in flag.message


def test_same_consonants_with_one_witness_at_the_place_are_another_romanisation():
    # "Wellinka": the consonants of "Vellinga" as another romanisation writes them. One witness
    # at the place is not enough to call that another surname.
    assert placed({"a": WIRE, "b": DAILY, "c": MT}) == ["Vellenberg"]
    assert placed({"a": WIRE, "b": DAILY, "c": MT.replace("Oskar Vellenberg", "Oskar Wellinka")}) == []


def test_same_shape_surname_is_left_alone_where_the_story_knows_two_people_of_that_name():
    # The daily's Oskar is another man: the one witness at the place is no consensus.
    daily = DAILY.replace("Later Oskar Vellinga described", "Later Oskar Brandt, a deckhand, described")
    wire = WIRE + " Oskar Brandt, a deckhand, said the lounge filled with smoke."
    got = by_text(run(story({"a": wire, "b": daily, "c": MT})))
    assert "Vellenberg" not in got


def part_flags(ctx):
    return _name_part_flags(ctx, _collect(ctx))


def test_inner_name_word_with_a_letter_lost_is_pinned_by_its_neighbours():
    # The check as a whole reads this one as the first word of "Kivak Dam" too; the part rule
    # (judged here alone) gives the full name.
    flags = part_flags(story({"a": WIRE, "b": DAILY, "c": MT}))
    assert found(flags) == [("c", "Kiva", "Nakawa Kivak Dam")]
    assert "lost" in flags[0].message
    assert any(f.text == "Kiva" for f in run(story({"a": WIRE, "b": DAILY, "c": MT})))


def test_inner_name_word_is_not_judged_without_the_word_after_it():
    # Another word after it in this source: nothing pins the part from the right.
    mt = MT.replace("Nakawa Kiva Dam", "Nakawa Kiva Reservoir")
    assert part_flags(story({"a": WIRE, "b": DAILY, "c": mt})) == []


SHORT_WIRE = ("The lake's rescue service was praised on Monday. "
              "Its head, Ines Dal, said the crews had trained for such a night.")
SHORT_DAILY = ("Rescue crews on the lake were praised on Monday. "
               "Ines Dal, who leads the service, said the crews had trained for it.")
SHORT_MT = ("On Monday the rescue service of the lake was praised. "
            "Its head Ines Dall said that the crews trained for such a night. "
            "Ines Dal thanked the volunteers.")


def test_surname_with_a_letter_doubled_where_the_source_prints_it_right_elsewhere():
    flags = run(story({"a": SHORT_WIRE, "b": SHORT_DAILY, "c": SHORT_MT}))
    assert ("c", "Dall", "Ines Dal") in found(flags)
    assert "added" in by_text(flags)["Dall"].message


def test_letters_added_shapes():
    assert _letters_added("dall", "dal")  # a short name's last letter doubled
    assert _letters_added("brandtt", "brandt")
    assert _letters_added("kovacsik", "kovacs")  # two letters at the end
    assert not _letters_added("dale", "dal")  # a short name with another letter: another name
    assert not _letters_added("kovacsikov", "kovacs")  # a suffix, not a slip
    assert not _letters_added("weng", "wen")  # final n and ng: two syllables
    assert not _letters_added("novakova", "novak")  # the other sex's ending
