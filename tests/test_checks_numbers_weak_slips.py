"""number_conflict: one digit changed is the weakest slip. Two small figures of one noun found in
different parts of a story ("scored two" / "finished with nine goals", "two years below what the
prosecutor sought" / "seven years in prison") differ by one digit by chance as often as not: found
outside the aligned passages, such a pair needs the words of a counterpart, not only the noun.
A rarer slip (a factor of ten, two digits swapped) or shared words still relate them. Invented
story only (a regional ferry fleet)."""

from __future__ import annotations

from tests.test_checks_numbers import run

_FERRY = {
    "a": ["The regional ferry company will retire seven ships this year, the transport board said.",
          "Its oldest ship entered service in 1979."],
    "b": ["The transport board said the ferry company would retire seven ships this year.",
          "The oldest of them has sailed since 1979."],
    "c": ["Seven ships of the regional ferry company are to be retired this year, according to the board.",
          "The fleet's oldest vessel dates from 1979."],
    "d": ["The transport board confirmed the retirement plan for the regional ferry company.",
          "Crews had waited on two ships for a decision, said a union official at the harbour."],
}


def test_one_digit_off_with_only_the_noun_in_common_is_no_slip():
    _, flags = run(_FERRY)
    assert [(f.source, f.text) for f in flags if f.kind.value == "number_conflict"] == []


def test_one_digit_off_in_the_same_words_is_still_a_slip():
    texts = dict(_FERRY, d=["The regional ferry company will retire two ships this year, the transport board said.",
                            "Its oldest ship entered service in 1979."])
    _, flags = run(texts)
    assert [(f.source, f.text) for f in flags if f.kind.value == "number_conflict"] == [("d", "two")]
