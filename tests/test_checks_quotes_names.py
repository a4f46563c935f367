"""A quote's counterparts credited to the same person under a name spelt otherwise (session 11):
a translation's or a misprint's form of the name ("Halvorsen" / "Halverson"), or the family name
first ("Ito Kenji" / "Kenji Ito"), is no other speaker, so the quote lines up with theirs and
the majority vote stands. Invented story: a lighthouse keeper's cottage sold at auction."""

from __future__ import annotations

import pytest

from srccompare.checks.quotes import QuoteCheck, _like_names
from srccompare.checks.speech import analyse
from tests.discrepancy_story import build, run_check

LEAD = "The old lighthouse cottage at Skarvik was sold at auction on Friday."
WIRE = ('"Without the volunteers, this cottage would not have survived the winter storms," '
        'museum director Ingrid Halvorsen said.')
PRINT = ('"Without the volunteers, this cottage would not have survived the winter storms," '
         'said director Ingrid Halvorsen of the coastal museum.')
# Worded too freely to line up with a quote credited to another name; the credit puts the family
# name first and carries its own title, so neither credit's words cover the other's.
MT = ('"Even without the power of the volunteers, this cottage would have come through the storms," '
      'said chairman Halvorsen Ingrid of the Coastal Museum.')


def run(texts):
    return run_check(QuoteCheck(), texts)


def test_a_quote_credited_to_a_reordered_name_is_voted_on():
    ctx, flags = run({"wire": [LEAD, WIRE], "print": [LEAD, PRINT], "mt": [LEAD, MT]})
    mine = [f for f in flags if f.source == "mt"]
    assert mine, "the two sources quoting Ingrid Halvorsen outvote the translation"
    assert "would not have survived" in mine[0].expected
    assert not [f for f in flags if f.source != "mt"]


def _speaker(sentence):
    ctx = build({"a": [sentence]})
    quotes = analyse(ctx.sources, ctx.alignment.passages).quotes["a"]
    return quotes[0].speaker


@pytest.mark.parametrize("a, b, same", [
    ('"We will open the dock in May," said museum director Ingrid Halvorsen.',
     '"We will open the dock in May," said Ingrid Halverson.', True),
    ('"We will open the dock in May," said chairman Ito Kenji of the Harbour Society.',
     '"We will open the dock in May," said Kenji Ito.', True),
    ('"We will open the dock in May," said Ingrid Halvorsen.',
     '"We will open the dock in May," said Marta Halvorsen.', False),
    ('"We will open the dock in May," said Kim Ji-hoon.',
     '"We will open the dock in May," said Kim Min-jun.', False),
])
def test_like_names(a, b, same):
    assert _like_names(_speaker(a), _speaker(b)) is same
