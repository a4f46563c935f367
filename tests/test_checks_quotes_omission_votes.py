"""Votes that leave words out, shared with votes that put words in (session 12): a source whose
quote goes on past the place lines up as leaving out words before this quote's next word
("overnight, but with help this" before "this"); the words it leaves out are its wording there,
and one of them shared with another source's rewording makes a majority. Invented story: a
lighthouse on a rocky island."""

from __future__ import annotations

from srccompare.checks.quotes import QuoteCheck, _shared_alternative, align_fragments
from srccompare.checks.speech import quote_words
from tests.discrepancy_story import run_check

LEAD = "The lighthouse on Skarvøy was closed after the storm."
WIRE = '"The damage did not come overnight and it will not be mended overnight," keeper Ola Dahl said.'
RELEASE = ('Keeper Ola Dahl said: "The damage did not come overnight and it will not be mended overnight, but with '
           'the crews this lighthouse can shine again by the spring."')
MT = '"The damage did not come overnight and it will not be mended this year," said keeper Ola Dahl.'


def test_a_longer_quote_and_a_reworded_one_both_vote_against_the_third():
    ctx, flags = run_check(QuoteCheck(), {"wire": [LEAD, WIRE], "release": [LEAD, RELEASE], "mt": [LEAD, MT]})
    assert [(f.source, "this" in f.text) for f in flags] == [("mt", True)]
    assert sorted(e.source for e in flags[0].evidence) == ["release", "wire"]


def test_the_own_word_after_an_omission_is_no_alternative_wording():
    own = quote_words("it will not be mended this year")
    longer = quote_words("it will not be mended overnight, but with the crews this lighthouse")
    shorter = quote_words("it will not be mended overnight")
    best = {"a": (align_fragments(own, longer), None), "b": (align_fragments(own, shorter), None)}
    i = [w.norm for w in own].index("this")
    key, sids = _shared_alternative(best, i, "this")
    assert sids == {"a", "b"}
