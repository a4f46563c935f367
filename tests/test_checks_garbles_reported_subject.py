"""A reporting verb followed straight by a modal ("he said will meet") lost the subject of the
reported clause, unless a relative pronoun earlier in the clause is that subject ("the levy,
which the hoteliers' group says will cost") or the clause is a relative one without its pronoun
after a noun ("a route officials said would cut"). Tested on an invented story about a ferry
route."""

from __future__ import annotations

from checks_builder import found, story, reported
from srccompare.checks.garbles import GarbleCheck
from srccompare.models import Kind


def run(ctx):
    return reported(GarbleCheck(), ctx, Kind.GARBLED_TEXT)


ROUTE = {
    "a": "A new ferry route from Kelby to Sandvik opens on Monday and will cut the crossing to two hours.",
    "b": "The Kelby to Sandvik ferry route opens on Monday, cutting the crossing to two hours.",
    "c": "From Monday a ferry links Kelby and Sandvik, and the crossing takes two hours.",
}


def texts_of(d):
    return [text for _, text, _ in found(run(story(dict(ROUTE, d=d))), "d")]


def test_a_lost_subject_is_garbled():
    d = "The operator said will open the Kelby to Sandvik ferry route on Monday, cutting the crossing to two hours."
    assert "said will" in texts_of(d)


def test_a_relative_pronoun_further_back_is_the_subject():
    d = ("The Kelby to Sandvik ferry route, which the Kelby Ferry Operators' Association says will "
         "cut the crossing to two hours, opens on Monday.")
    assert "says will" not in texts_of(d)


def test_a_relative_clause_without_its_pronoun_after_a_noun():
    d = "A new ferry route from Kelby to Sandvik opens on Monday, a route officials said would cut the crossing to two hours."
    assert "said would" not in texts_of(d)
