"""garbled_text: two words run together, judged by the other sources and by English frequency.

* A string no word list knows, whose pieces (four letters or more) are words the list knows, is
  two words run together where the other sources print the pair, however rare the words
  ("pontoondredger" beside the others' "pontoon dredger"): their consensus is the evidence.
* A word split in two ("gang way") where the other sources print it whole ("gangway") is one
  word, however rare the word: the frequency floor guards only a split no source corrects. A
  compound on a combining form ("over fished" beside "overfished") is open or closed by house
  style.
* A joined string the word list knows only as a rare slip (web lists keep run-together hashtags:
  "busstop"), which no dictionary lists, is two words where English prints the pair thirty times
  as often or more; a closed compound the dictionary lists ("bookshop") stays a word.

Invented story: a dredger at a harbour mouth.
"""

from __future__ import annotations

from checks_builder import found, reported, story
from srccompare.checks.garbles import GarbleCheck
from srccompare.models import Kind

A = ("A pontoon dredger cleared the silt from the harbour mouth on Tuesday, the port said. "
     "The crew lowered the gangway for the inspectors. The bay is overfished.")
B = ("The port said a pontoon dredger cleared silt from the harbour mouth on Tuesday. "
     "Inspectors came aboard when the crew lowered the gangway. The bay is overfished, the port said.")
C = ("Silt was cleared from the harbour mouth on Tuesday by a pontoon dredger, according to the port. "
     "The inspectors boarded by the gangway. The overfished bay is closed.")


def repairs_in_d(d: str) -> list[tuple[str, str]]:
    """What the garble check reports in ``d``, and the repair it proposes."""
    ctx = story({"a": A, "b": B, "c": C, "d": d})
    return [(text, want) for _, text, want in found(reported(GarbleCheck(), ctx, Kind.GARBLED_TEXT), "d")]


def test_two_less_common_words_the_others_print_apart_are_run_together():
    # Not a word of another language left untranslated: the pair the others print, a space lost.
    assert ("pontoondredger", "pontoon dredger") in repairs_in_d(
        "A pontoondredger cleared the silt from the harbour mouth on Tuesday, the port said.")


def test_a_rare_slip_of_a_pair_english_prints_is_run_together():
    assert ("busstop", "bus stop") in repairs_in_d(
        "A pontoon dredger cleared the silt near the busstop by the harbour mouth on Tuesday, the port said.")


def test_a_closed_compound_the_dictionary_lists_stays_a_word():
    assert repairs_in_d(
        "A pontoon dredger cleared the silt near the bookshop by the harbour mouth on Tuesday, the port said.") == []


def test_a_word_split_in_two_that_the_others_print_whole_is_one_word():
    d = ("A pontoon dredger cleared the silt from the harbour mouth on Tuesday, the port said. "
         "The crew lowered the gang way for the inspectors.")
    assert ("gang way", "gangway") in repairs_in_d(d)


def test_a_compound_on_a_combining_form_written_open_is_house_style():
    d = ("A pontoon dredger cleared the silt from the harbour mouth on Tuesday, the port said. "
         "The crew lowered the gangway for the inspectors. The bay is over fished.")
    assert repairs_in_d(d) == []
