"""Capitals and full stops where English grammar allows none: a run of capitalised words inside a
sentence that holds a clause's verb ("Are Rushing", "Timetable Worked"), a function word
capitalised between lower-case words ("the depot the Of and"), a common word with the shift key
pressed in its middle ("delAyed"), a full stop with the sentence going on in lower case ("gondola. when
the"), and "the" before a comma. Names of ordinary words ("Water Board", "Public Works"), a
month after a preposition ("in May 2031"), brand styles ("eBay") and an abbreviation's stop stay.
Tested on an invented story about a cable-car line."""

from __future__ import annotations

from checks_builder import found, story, reported
from srccompare.checks.base import tokens
from srccompare.checks.garbles import GarbleCheck, _stop_mid_sentence
from srccompare.models import Kind


def run(ctx):
    return reported(GarbleCheck(), ctx, Kind.GARBLED_TEXT)


CABLE = {
    "a": "The Orvella cable car reopened on Friday after a storm closed it for nine days. Operators are "
         "rushing to rebook tourists, and the repair timetable worked as planned, the town said.",
    "b": "Orvella's cable car is running again since Friday, the town said. Tour operators are rushing to "
         "rebook guests after the nine-day closure, and engineers said the repair timetable worked.",
}


def flagged(c: str) -> list[tuple[str, str, str]]:
    return found([f for f in run(story(dict(CABLE, c=c))) if f.source == "c"])


def test_a_capitalised_run_with_a_verb_of_the_clause_is_garbled():
    c = ("Tour operators Are Rushing to rebook guests in Orvella, and the town said the Repair Timetable "
         "Worked and the line reopened on Friday.")
    got = {text for _, text, _ in flagged(c)}
    assert {"Are Rushing", "Repair Timetable Worked"} <= got


def test_a_function_word_capitalised_between_lower_case_words_is_garbled():
    c = "The closure hit the cafes the Of and hotel owners of Orvella, the town said on Friday."
    assert ("c", "Of", "of") in flagged(c)


def test_a_common_word_with_a_capital_in_its_middle_is_garbled():
    c = "The cable car reopened on Friday after the repair was delAyed by the storm, the town said."
    assert ("c", "delAyed", "delayed") in flagged(c)


def stops(text: str) -> list[tuple[str, str]]:
    """What ``_stop_mid_sentence`` reports in ``text`` read as one passage (the segmenter keeps a
    sentence whose next word is in lower case in one passage; the test stories split at every
    stop)."""
    toks = tokens(text)
    return [(text[f.start:f.end], f.expected) for f in
            _stop_mid_sentence(text, toks, [t.text.lower() for t in toks], lambda t: False)]


def test_a_full_stop_before_a_lower_case_word_and_the_before_a_comma_are_garbled():
    assert stops("The line stopped the last gondola. when the storm came.") == \
        [("gondola. when", "gondola when")]
    assert stops("Engineers checked the, so the line reopened on Friday.") == [("the,", "the …")]


def test_an_abbreviations_stop_and_a_new_sentence_are_no_stray_stops():
    assert stops("The car holds approx. forty people. The storm hit at 3 p.m. on Friday, incl. the staff.") == []


def test_names_months_brands_and_abbreviations_are_left_alone():
    c = ("The Water Board and the Public Works team of the operator said on Friday that tickets sold "
         "on eBay in May 2031 stay valid, the town said.")
    assert flagged(c) == []


def test_a_stop_inside_a_quotation_is_left_to_the_quote_check():
    assert stops('"We closed the line at noon. engineers need two days," the operator said.') == []
    assert stops('The operator said "we closed the line" at noon. engineers need two days.') == \
        [("noon. engineers", "noon engineers")]
