"""An article followed straight by a word that cannot follow one (``garbles._stranded_article``):
"the of", "the every" is a phrase that lost its noun, garbled; "the by-election", "the in crowd",
"the other" and a pair another source prints are English. Tested on an invented story about a
library roof."""

from __future__ import annotations

from checks_builder import found, story, reported
from srccompare.checks.garbles import GarbleCheck
from srccompare.models import Kind


def run(ctx):
    return reported(GarbleCheck(), ctx, Kind.GARBLED_TEXT)


ROOF = {
    "a": "The council will repair the library roof in Elmbridge and send the bill to the county every month.",
    "b": "Elmbridge council said it would repair the library roof and bill the county every month.",
    "c": "The library roof in Elmbridge will be repaired by the council, which bills the county every month.",
}


def texts_of(d):
    return [text for _, text, _ in found(run(story(dict(ROOF, d=d))), "d")]


def test_an_article_before_a_preposition_lost_its_noun():
    d = "The council of the of Elmbridge will repair the library roof and bill the county every month."
    assert "the of" in texts_of(d)


def test_an_article_before_a_determiner_lost_its_noun():
    d = "The council will repair the library roof in Elmbridge and send the bill to the every month."
    assert "the every" in texts_of(d)


def test_articles_before_words_that_may_follow_them_are_english():
    d = ("The council will repair the other roof of the library in Elmbridge after the by-election "
         "and bill the county every month.")
    assert texts_of(d) == []


def test_a_pair_another_source_prints_is_no_slip():
    d = "The council will repair the library roof in Elmbridge and send a bill to the county every month."
    e = "The council said the of clause in the contract lets it bill the county every month."
    flags = found(run(story(dict(ROOF, d=d, e=e, f=e.replace("The council said", "Officials said")))), "e")
    assert [t for _, t, _ in flags if t == "the of"] == []
