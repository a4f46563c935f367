"""What recurs in a source is its habit, what happens once is a slip: a kept foreign term and a
house-style capital recur, an untranslated leftover and a stray capital do not. And how a word
split in two or two words run together show in the story: a split name's whole is the story's
name, a one-off joined form in one source is that source's run-together, an acronym and a word
are two words. Tested on invented stories and pure helpers."""

from __future__ import annotations

from checks_builder import found, story, reported
from srccompare.checks.garbles import (
    GarbleCheck,
    _coordinated_with_name,
    _kept_term,
    _noun_in_use,
    _open_compound,
    _subject_pronoun_run_in,
)
from srccompare.checks.base import WORD_RE, Token
from srccompare.models import Kind


def run(ctx):
    return reported(GarbleCheck(), ctx, Kind.GARBLED_TEXT)


def texts_of(texts, source="a"):
    return [text for _, text, _ in found(run(story(texts)), source)]


def test_a_foreign_word_printed_twice_is_the_sources_kept_term():
    assert _kept_term("The parali was burnt. Burning parali fell by 41 percent.", "parali")
    assert not _kept_term("The parali was burnt. Burning fell by 41 percent.", "parali")
    assert not _kept_term("The paralis were burnt. The parali fell.", "parali")  # a whole word, not a piece
    assert not _kept_term("Burning parali falls\nThe parali was burnt less.", "parali")  # a headline


def _toks(text):
    return [Token(m.group(), m.start(), m.end()) for m in WORD_RE.finditer(text)]


def test_a_capital_coordinated_with_a_name_is_a_name():
    text = "He noted that turnout in Most and Chomutov was low."
    toks = _toks(text)
    i = next(k for k, t in enumerate(toks) if t.text == "Most")
    assert _coordinated_with_name(text, toks, i)
    text = "He noted that turnout in Most and most towns was low."
    toks = _toks(text)
    i = next(k for k, t in enumerate(toks) if t.text == "Most")
    assert not _coordinated_with_name(text, toks, i)


def test_a_numeral_makes_no_noun_compound():
    assert not _noun_in_use("four")
    assert not _open_compound("four", "teen")
    assert _open_compound("border", "line")


def test_a_split_name_whose_whole_the_story_prints_elsewhere():
    texts = {
        "a": "Turnout was high. The vote was held in Lap land on Sunday.",
        "b": "Turnout was high across Lapland. The vote was held on Sunday in the north.",
        "c": "Turnout was high in Lapland. The vote was held on Sunday in the north.",
    }
    assert "Lap land" in texts_of(texts)


def test_an_acronym_and_a_word_are_no_split():
    texts = {
        "a": "The won fell, and the KOSPI index rose 1.3% to 3,912.40 in the afternoon.",
        "b": "The won fell, and the KOSPIindex rose by 1.3% to 3,912.40 in the afternoon.",
        "c": "The won fell, while the benchmark KOSPI rose 1.3% to 3,912.40 in the afternoon.",
    }
    assert "KOSPI index" not in texts_of(texts)


def test_a_one_off_run_together_elsewhere_makes_no_split_here():
    texts = {
        "a": "The trial enrolled 6,240 infants at 14 upazila health complexes in the district.",
        "b": "The trial enrolled 6,240 infants at 14 upazilahealth complexes of the district.",
        "c": "The study followed 6,240 babies in 14 upazilas of the district.",
    }
    assert not any("upazila" in t for t in texts_of(texts))


def test_a_number_split_at_a_sentence_opening():
    texts = {
        "a": "The heaters overheated 97 times. Four teen of those turned into fires.",
        "b": "The heaters overheated 97 times. Fourteen of those caused fires.",
        "c": "The heaters overheated 97 times. 14 of them turned into fires.",
    }
    assert "Four teen" in texts_of(texts)


def test_a_defined_term_the_source_always_capitalises_is_its_style():
    texts = {
        "a": "The Company raised its forecast. In light of the results, the Company has revised its "
             "outlook and the Company will hold a briefing.",
        "b": "The company raised its forecast. In light of the results, the company has revised its "
             "outlook and will hold a briefing.",
        "c": "The company raised its forecast. After the results, the company has revised its outlook.",
    }
    assert "Company" not in texts_of(texts)


def test_a_link_run_into_a_paragraph_and_a_tag_line_are_furniture():
    texts = {
        "a": "Planned operations were postponed, and patients get a text message. Read more: parking at "
             "the hospital\nThe union wants a raise of 12 percent.\nTAGS hospital strike olomouc\n"
             "Management offered 7 percent.",
        "b": "Planned operations were postponed, and patients get a text message.\nThe union wants a raise "
             "of 12 percent.\nManagement offered 7 percent.",
        "c": "Operations were postponed and patients are told by text message.\nThe union asks for 12 "
             "percent.\nManagement offered 7 percent.",
    }
    got = texts_of(texts)
    assert "Read more: parking at the hospital" in got
    assert "TAGS hospital strike olomouc" in got


def test_a_sentence_ending_on_a_possessive_determiner_is_cut():
    texts = {
        "a": "The salvage costs are 2.5 million euro. Those are for account of the shipowner and its.",
        "b": "The salvage costs are 2.5 million euro. The shipowner and its insurers will pay them.",
        "c": "Salvage will cost 2.5 million euro. The owner and its insurers are to pay.",
    }
    assert "shipowner and its" in texts_of(texts)  # the others go on: "shipowner and its insurers"


def test_a_subject_pronoun_run_into_a_name():
    text = "It will cooperate with the Natural Resources Institute Finland It will cooperate and the institute."
    toks = _toks(text)
    i = max(k for k, t in enumerate(toks) if t.text == "It")
    assert _subject_pronoun_run_in(text, toks, i)
    assert not _subject_pronoun_run_in(text, toks, 0)  # a sentence's own opening
