"""name_variant: a near surname after another given name names another person.

An invented story, not any case's wording. Two people of one story often share a near surname
(a family, a common name of the region); the given name tells them apart. Given names built on one
root look alike ("Temitope" / "Temilade": the same opening, the Jaro-Winkler score of a slip), but a
slip changes a letter or two; three edits or more, and neither the other's short form, is another
name, so the near surname after it is another person's, not a misspelling to flag.
"""

from __future__ import annotations

from checks_builder import story
from srccompare.checks.names import NameCheck


def run(texts):
    ctx = story(texts)
    return [f for f in NameCheck().run(ctx) if f.confidence >= ctx.settings.min_confidence]


def on(texts, word):
    return [f for f in run(texts) if f.text == word]


# --- another person: another given name before a near surname -----------------------------------

PEOPLE = {
    "a": ("Dr. Temitope Okonjo, head of the state health board, opened the clinic on Friday. "
          "\"Bring the child,\" Okonjo said. Temilade Okonji, a trader who brought her two sons, "
          "said she had waited four hours."),
    "b": ("The clinic was opened on Friday by Dr. Temitope Okonjo of the state health board. "
          "\"Bring the child,\" said Dr Okonjo."),
    "c": ("State health board head Temitope Okonjo opened the new clinic on Friday. "
          "Okonjo said 300 children were treated on the first day."),
    "d": ("Dr. Temitope Okonjo, who heads the state health board, opened the clinic on Friday and "
          "said 300 children were treated."),
}


def test_a_near_surname_after_another_given_name_is_another_person():
    assert not on(PEOPLE, "Okonji")


def test_a_near_surname_after_the_same_given_name_is_still_flagged():
    slip = dict(PEOPLE, a=PEOPLE["a"].replace("Temilade Okonji", "Temitope Okonji"))
    assert on(slip, "Okonji")
