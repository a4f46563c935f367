"""term_variant: the others' word is a consensus only where most of the sources saying the same
print it (``words._majority``); a word and the others' word stand at one place of the sentence
(``leftovers._same_place``). Pure functions; invented words."""

from __future__ import annotations

from srccompare.checks.base import Token
from srccompare.checks.terms.leftovers import _same_place
from srccompare.checks.terms.words import _Word, _majority


def _words(text: str) -> list[_Word]:
    out, at = [], 0
    for w in text.split():
        out.append(_Word(Token(w, at, at + len(w)), w.lower(), 3.0, False))
        at += len(w) + 1
    return out


def test_half_of_the_counterparts_is_no_consensus():
    assert not _majority(1, 2)
    assert not _majority(2, 4)
    assert not _majority(1, 3)


def test_more_than_half_of_the_counterparts_is_a_consensus():
    assert _majority(1, 1)
    assert _majority(2, 3)
    assert _majority(3, 4)


def test_a_word_at_the_same_place_of_the_sentence():
    mine = _words("harbour pilots reported strong currents near quay")
    theirs = _words("harbour tugs reported strong currents near quay")
    assert _same_place(mine, 1, theirs, 1)


def test_a_word_across_the_shared_wording_is_another_place():
    mine = _words("irritation great harbour needs deeper channel")
    theirs = _words("harbour needs deeper channel spokesman")
    assert not _same_place(mine, 0, theirs, 4)
