"""name_variant: a word of an institution's name in its own language or translated is no slip.

An invented story (a pension fund's reform), not any case's wording. "Pensiones" and "Pensions"
are one common word in two languages (two dictionaries say so, and they begin alike): the source
translated the name, and the reader sees the same institution. A surname that happens to be a
word ("Blanco" after a given name) is still a name, and its misspelling still flagged.
"""

from __future__ import annotations

from checks_builder import story
from srccompare.checks.names import NameCheck


def run(texts):
    ctx = story(texts)
    return [f for f in NameCheck().run(ctx) if f.confidence >= ctx.settings.min_confidence]


FUND = {
    "a": "Lawmakers in Velosa approved the reform of the Caja de Pensiones de Velosa on Wednesday by 41 votes to 37.",
    "b": "The Velosa legislature passed the overhaul of the Caja de Pensiones de Velosa on Wednesday, 41 votes to 37.",
    "c": "On Wednesday the reform of the Caja de Pensiones de Velosa passed the Velosa legislature by 41 to 37.",
    "d": "The legislature of Velosa gave sanction on Wednesday to the reform of the Box of Pensions of Velosa, 41 votes to 37.",
}


def test_an_institution_word_translated_is_the_same_word():
    assert not [f for f in run(FUND) if f.text == "Pensions"]


def test_a_surname_that_is_a_word_is_still_a_name():
    texts = {
        "a": "The mayor, Marta Blanco, opened the new market on Friday. Blanco said stalls would be free for a year.",
        "b": "Mayor Marta Blanco opened the market on Friday. Blanco promised free stalls for a year.",
        "c": "Marta Blanco, the mayor, opened the market hall on Friday. Blanco said the stalls cost nothing for a year.",
        "d": "The mayor, Marta Blank, opened the new market on Friday. Blank said stalls would be free for a year.",
    }
    assert [f for f in run(texts) if f.text == "Blank"]
