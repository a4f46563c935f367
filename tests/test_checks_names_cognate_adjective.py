"""name_variant: a word of an institution's name in its own language, after an adjective in English.

An invented story (a museum's reopening), not any case's wording. The others print "Civic Museum";
one source keeps the Italian "Museo Civico". "Museo" and "Museum" are one word in two languages
(test_checks_names_cognates). A surname after a given name is a person's name whatever the
dictionaries say, but "Civic" is no given name: the dictionary knows it only as an adjective.
"""

from __future__ import annotations

from checks_builder import story
from srccompare.checks.names import NameCheck


def run(texts):
    ctx = story(texts)
    return [f for f in NameCheck().run(ctx) if f.confidence >= ctx.settings.min_confidence]


MUSEUM = {
    "a": ("The Civic Museum of Varena reopened on Saturday after three years of repairs, the town "
          "said. The Civic Museum holds 4,000 objects."),
    "b": ("Varena's Civic Museum reopened its doors on Saturday after three years of work. "
          "About 4,000 objects are on show at the Civic Museum."),
    "c": ("After three years of repairs the Civic Museum in Varena reopened on Saturday, with "
          "4,000 objects."),
    "d": ("The Museo Civico of Varena has reopened on Saturday after three years of works, "
          "communicated the town. The collection counts 4,000 objects."),
}


def test_an_institution_word_after_an_adjective_is_the_same_word():
    assert not [f for f in run(MUSEUM) if f.text == "Museo"]
