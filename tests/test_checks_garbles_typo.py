"""A typo no other source can show (``garbles._non_word``'s last reading): a string the word list does
not know at all, in lower case or opening a sentence, one edit from a common word, is garbled even
where the other sources word the sentence otherwise; a coined word, a name, a short string and a
word the list knows are not. Tested on an invented story about a ferry timetable."""

from __future__ import annotations

from checks_builder import found, story, reported
from srccompare.checks.garbles import GarbleCheck, _common_words
from srccompare.checks.lexicon import closest_word
from srccompare.models import Kind


def run(ctx):
    return reported(GarbleCheck(), ctx, Kind.GARBLED_TEXT)


FERRY = {
    "a": "The Sundvik ferry company published its winter timetable on Tuesday. Crossings will run every "
         "two hours, and the company said demand had fallen since the bridge opened.",
    "b": "Sundvik's ferries move to the winter timetable next month, the operator said on Tuesday. "
         "Boats will leave every two hours because fewer drivers use them since the bridge opened.",
}


def test_a_common_word_one_letter_off_is_the_typo_it_looks_like():
    words = _common_words("en")
    assert closest_word("timetabel", words, 1, "en") == ("timetable", 1)
    assert closest_word("agrivoltaics", words, 1, "en") is None


def test_a_string_no_list_knows_one_edit_from_a_common_word_is_garbled():
    c = ("The operator will reduce crossings to one every two hours, a spokeswoman said, citing the "
         "compnay's falling revenue since the bridge opened on Tuesday.")
    flags = [f for f in run(story(dict(FERRY, c=c))) if f.source == "c"]
    assert found(flags) == [("c", "compnay's", "company's")]


def test_coined_words_names_and_short_strings_are_left_alone():
    c = ("The Sundvik operator blamed overtourism and the new bridge for the cut, a spokeswoman said, "
         "adding that Ferjestad crews will move to the tern route on Tuesday.")
    assert [f for f in run(story(dict(FERRY, c=c))) if f.source == "c"] == []


def test_an_ending_on_a_known_word_and_the_storys_own_accented_word_are_no_typos():
    c = ("The operator rebooks passengers onto the stećak tour boats, a spokeswoman said on Tuesday; "
         "the stecak route runs every two hours since the bridge opened.")
    flagged = {f.text for f in run(story(dict(FERRY, c=c))) if f.source == "c"}
    assert not flagged & {"rebooks", "stecak"}
