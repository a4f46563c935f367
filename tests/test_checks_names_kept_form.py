"""name_variant: a form of a name one source keeps at every mention, and never writes the others' way.

Invented stories, not any case's wording. A slip is a one-off beside the right spelling; a form a
source prints at two places or more, and never the others' way, is how that source writes the name
(see ``_own_rendering``): another accepted romanisation ("Kareysa" for "Kareisa") or the name in its
own language's form ("Dravskaya" for "Dravska"). The same form printed once, beside the others'
spelling, stays a note or a flag.
"""

from __future__ import annotations

from checks_builder import story
from srccompare.checks.names import NameCheck


def run(texts):
    ctx = story(texts)
    return [f for f in NameCheck().run(ctx) if f.confidence >= ctx.settings.min_confidence]


def on(texts, word):
    return [f for f in run(texts) if f.text == word]


# --- another accepted romanisation kept at every mention ----------------------------------------

KEPT = {
    "a": ("Floods cut the road to Kareisa on Monday. Traders in Kareisa said prices doubled. "
          "The governor visited the district on Tuesday."),
    "b": ("The road to Kareisa was cut by floods on Monday. Prices in Kareisa doubled, traders said. "
          "On Tuesday the governor came to the district."),
    "c": ("Monday's floods closed the Kareisa road. Kareisa traders reported prices had doubled. "
          "The governor toured the district on Tuesday."),
    "d": ("The floods cut the road of Kareysa in Monday. The traders of Kareysa said the prices became double. "
          "The governor visited the district in Tuesday."),
}


def test_a_romanisation_kept_at_every_mention_is_no_note():
    assert not on(KEPT, "Kareysa")


def test_the_same_romanisation_once_beside_the_others_spelling_stays_a_note():
    once = dict(KEPT, d=KEPT["d"].replace("traders of Kareysa", "traders of Kareisa"))
    got = on(once, "Kareysa")
    assert got and got[0].expected == "Kareisa"


# --- the name in the source language's form at every mention ------------------------------------

FORM = {
    "a": ("Pension payments will rise by 7 percent in March, social policy minister Olena Dravska "
          "said on Monday. Dravska said 10 million people would receive more."),
    "b": ("Minister of social policy Olena Dravska said on Monday pensions would go up 7 percent "
          "in March. About 10 million people will be paid more, Dravska said."),
    "c": ("Pensions rise 7 percent from March, minister Olena Dravska told reporters on Monday, "
          "adding that 10 million people would benefit."),
    "d": ("The minister of social policy Olena Dravskaya declared on Monday that the pensions will "
          "increase by 7 percent in March. According to Dravskaya, 10 million persons will receive more."),
}


def test_the_name_in_the_source_languages_form_throughout_is_no_flag():
    assert not on(FORM, "Dravskaya")


def test_the_form_once_beside_the_others_spelling_is_still_flagged():
    once = dict(FORM, d=FORM["d"].replace("According to Dravskaya", "According to Dravska"))
    assert on(once, "Dravskaya")
