"""garbled_text rules from the fifteenth author's stories, tested on invented ones: a word the story
prints, inflected by the translated language ("forintë") or by English ("dzongkhags"), is no
garble; a range named in the plural that WordNet prints only capitalised ("the Pyrenees") is a
name; a sentence's first word that is two words run together ("Fieldtrials"); a line in
capitals between two sentences of a paragraph (an advertisement carried in by a scan)."""

from __future__ import annotations

from checks_builder import found, story, reported
from srccompare.checks.garbles import GarbleCheck
from srccompare.models import Kind


def run(ctx):
    return reported(GarbleCheck(), ctx, Kind.GARBLED_TEXT)


FINE = {
    "a": "A court in Pecs fined the bakery owner 4 million forint on Tuesday for selling mislabelled bread. "
         "The bakery itself was fined 9 million forint.",
    "b": "The bakery owner was fined 4 million forint by a Pecs court on Tuesday over mislabelled bread. "
         "His bakery must pay 9 million forint.",
}


def test_the_others_word_with_a_foreign_plural_ending_is_no_misspelling():
    mt = ("The court of Pecs punished the owner of the bakery with 4 million forintë on Tuesday for bread with "
          "false labels. The bakery was punished with 9 million forintë.")
    flags = run(story(dict(FINE, c=mt)))
    assert [x for x in found(flags, "c") if "forint" in x[1]] == []


def test_a_misspelling_that_only_adds_english_letters_is_still_reported():
    # The rule is about endings in letters English does not write; a slip in English letters stays.
    mt = ("A court in Pecs fined the bakery owner 4 million forintt on Tuesday for selling mislabelled bread. "
          "The bakery itself was fined 9 million forint.")
    flags = run(story(dict(FINE, c=mt)))
    assert ("c", "forintt", "forint") in found(flags, "c")


DISTRICTS = {
    "a": "Health workers in Bumthang dzongkhag began a measles campaign on Monday after eleven cases were "
         "confirmed in two villages. Teams will visit every school in the district this week.",
    "b": "A measles campaign began on Monday in Bumthang dzongkhag, where eleven cases were confirmed in two "
         "villages. Every school in the district will be visited this week.",
    "c": "In Bumthang dzongkhag the measles campaign began on Monday because eleven cases were confirmed in two "
         "villages. Teams will visit every school of the district and of two neighbouring dzongkhags this week.",
}


def test_an_english_plural_of_a_loan_word_the_story_prints_is_not_left_untranslated():
    flags = run(story(DISTRICTS))
    assert [x for x in found(flags) if "dzongkhag" in x[1]] == []


def test_a_range_named_in_the_plural_is_a_name_not_an_odd_capital():
    texts = {
        "a": "Snow closed three passes on Sunday. Guides said conditions resembled those seen in the Pyrenees "
             "after a sudden thaw.",
        "b": "Three passes were closed by snow on Sunday. Guides compared conditions to a sudden thaw.",
    }
    assert [x for x in found(run(story(texts))) if x[1] == "Pyrenees"] == []


LAUNCH = {
    "a": "The drug maker stopped trials of the vaccine on Friday after two volunteers fell ill. "
         "Regulators will review the trials next month.",
    "b": "Trials of the vaccine in three villages were halted on Friday when two volunteers fell ill. "
         "Regulators plan a review next month.",
}


def test_a_sentence_opening_with_two_words_run_together_is_reported():
    c = ("The vaccine's maker acted on Friday after two volunteers fell ill. Fieldtrials were halted at once. "
         "Regulators will review them next month.")
    flags = run(story(dict(LAUNCH, c=c)))
    assert ("c", "Fieldtrials", "Field trials") in found(flags, "c")


def test_a_name_opening_a_sentence_that_others_capitalise_is_not_split():
    # "Stonebridge" is a place here: another source capitalises it inside a sentence.
    texts = {
        "a": "Flooding closed the road at Stonebridge on Friday. Stonebridge residents were told to stay home.",
        "b": "The road at Stonebridge was closed by flooding on Friday. Residents were told to stay home.",
    }
    assert [x for x in found(run(story(texts))) if "Stonebridge" in x[1]] == []


SCAN = {
    "a": "A boiler failure left the Tarnow district school without heating on Monday. Lessons moved to the town "
         "hall for three days. The council said a new boiler would be fitted by Friday.",
    "b": "The district school in Tarnow had no heating on Monday after its boiler failed. Classes were held in "
         "the town hall for three days. A new boiler will be in by Friday, the council said.",
}


def test_a_line_in_capitals_between_two_sentences_of_a_paragraph_is_a_stray_line():
    c = ("THE TARNOW WEEKLY - PAGE 2\n\nSCHOOL LEFT COLD\n\n"
         "A boiler failure left the district school without heating on Monday.\n"
         "WINTER TYRES HALF PRICE AT AUTO KOWAL - THIS WEEK ONLY\n"
         "Lessons moved to the town hall for three days.\n\n"
         "The council said a new boiler would be fitted by Friday.\n")
    flags = run(story(dict(SCAN, c=c)))
    hits = [x for x in found(flags, "c") if x[1].startswith("WINTER TYRES")]
    assert hits == [("c", "WINTER TYRES HALF PRICE AT AUTO KOWAL - THIS WEEK ONLY", "(a stray line: delete it)")]
    # The headline and the folio between paragraphs are the page's own.
    assert not [x for x in found(flags, "c") if x[1].startswith(("SCHOOL", "THE TARNOW"))]


def test_a_heading_in_capitals_between_paragraphs_or_before_a_list_is_not_stray():
    c = ("A boiler failure left the district school without heating on Monday.\n\n"
         "WHAT PARENTS NEED TO KNOW\n\n"
         "Lessons moved to the town hall for three days.\n"
         "WHERE TO TAKE THE CHILDREN EACH DAY:\n"
         "The town hall, on Market Street, opens at eight.\n")
    flags = run(story(dict(SCAN, c=c)))
    assert not [x for x in found(flags, "c") if x[1].isupper()]
