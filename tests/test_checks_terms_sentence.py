"""term_variant, the sentence-level pass (``terms.consensus``): what a pair found only by aligning
whole sentences is worth. Outside a quotation, or as a phrase of this source's own against one
word of the others, such a pair is the writer's wording and stays below the reporting floor; a
reversed direction, and one word put for one word inside a quotation, are reported. An invented
story (a lighthouse automated on a windy island), not the quality cases' wording."""

from __future__ import annotations

import pytest

from checks_builder import story
from srccompare.checks.base import Token
from srccompare.checks.terms.consensus import _Pair, _flag, _phrase_for_word
from srccompare.checks.terms.words import _Word
from srccompare.models import Severity

TEXTS = {
    "a": "The keepers left the lighthouse on Skarra for good on Friday. "
         "\u201cThe lamp now answers to a computer,\u201d the harbour board said.",
    "b": "Skarra's lighthouse lost its last keepers on Friday. "
         "\u201cThe lamp now answers to a computer,\u201d the harbour board said.",
    "c": "On Friday the last keepers of the Skarra lighthouse went ashore. "
         "\u201cThe lamp now answers to a computer,\u201d the harbour board said.",
    "d": "On Friday the last wardens of the Skarra lighthouse went ashore. "
         "\u201cThe lantern now answers to a computer,\u201d the harbour board said. "
         "The board will expand the crew of the rescue boat and shrink the office staff.",
}


def _word(ctx, source: str, text: str, *, quoted: bool, nth: int = 0) -> _Word:
    full = ctx.sources[source].text
    start = -1
    for _ in range(nth + 1):
        start = full.index(text, start + 1)
    return _Word(Token(text, start, start + len(text)), text.lower(), 3.0, quoted)


def _voters(ctx, text: str, *, quoted: bool) -> dict[str, Token]:
    return {o: _word(ctx, o, text, quoted=quoted).tok for o in "abc"}


def _flag_for(ctx, words: list[_Word], term: str, voters: dict[str, Token], *, polar: bool = False):
    pair = _Pair(words, term.lower(), voters, {o: True for o in voters}, tight=True, polar=polar)
    start, end = words[0].tok.start, words[-1].tok.end
    return _flag(ctx, "d", start, end, pair, len(voters), None, borrowed=False)


def test_a_noun_swapped_outside_a_quotation_falls_below_the_reporting_floor():
    ctx = story(TEXTS)
    f = _flag_for(ctx, [_word(ctx, "d", "wardens", quoted=False)], "keepers",
                  _voters(ctx, "keepers", quoted=False))
    assert f.severity is Severity.LOW
    assert f.confidence < ctx.settings.min_confidence


def test_one_word_for_one_word_inside_a_quotation_is_reported():
    ctx = story(TEXTS)
    f = _flag_for(ctx, [_word(ctx, "d", "lantern", quoted=True)], "lamp", _voters(ctx, "lamp", quoted=True))
    assert f.confidence >= ctx.settings.min_confidence
    assert f.expected == "lamp"


def test_a_phrase_of_its_own_for_one_word_inside_a_quotation_falls_below_the_floor():
    ctx = story(TEXTS)
    words = [_word(ctx, "d", "lantern", quoted=True), _word(ctx, "d", "answers", quoted=True)]
    f = _flag_for(ctx, words, "lamp", _voters(ctx, "lamp", quoted=True))
    assert f.confidence < ctx.settings.min_confidence


def test_a_reversed_direction_outside_a_quotation_stays_reported():
    # "shrink" where the others would print "expand": the swap reverses what is done.
    ctx = story(dict(TEXTS, a=TEXTS["a"] + " The board will expand the office staff.",
                     b=TEXTS["b"] + " The board will expand the office staff.",
                     c=TEXTS["c"] + " The board will expand the office staff."))
    f = _flag_for(ctx, [_word(ctx, "d", "shrink", quoted=False)], "expand",
                  _voters(ctx, "expand", quoted=False), polar=True)
    assert f.confidence >= ctx.settings.min_confidence
    assert f.severity is Severity.HIGH


@pytest.mark.parametrize("mine, expected, phrase", [
    (["lantern"], "lamp", False),
    (["lantern", "answers"], "lamp", True),
    (["lantern", "answers"], "oil lamp", False),  # several words a side: read slot by slot
    (["wardens"], "keepers", False),
])
def test_phrase_for_word(mine, expected, phrase):
    words = [_Word(Token(w, 0, len(w)), w, 3.0, False) for w in mine]
    assert _phrase_for_word(_Pair(words, expected, {}), expected) is phrase
