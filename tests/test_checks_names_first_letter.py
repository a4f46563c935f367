"""name_variant: a name with its first letter alone written otherwise, where the others print it.

An invented story (a ferry's harbour closed by a storm), not any case's wording. Three sources
print the harbour "Torvik" and the pilots' union "Olvata"; the fourth turns the harbour into
"Lorvik", a first consonant of another sound, and the union into "Ulvata", a first vowel written
otherwise. The rest of each name is spelt letter for letter at the place where the others print
it, so the name is the same one with its first letter changed.
"""

from __future__ import annotations

from checks_builder import story
from srccompare.checks.names import NameCheck


def run(texts):
    ctx = story(texts)
    return [f for f in NameCheck().run(ctx) if f.confidence >= ctx.settings.min_confidence]


HARBOUR = {
    "a": ("The ferry to Torvik was cancelled on Monday as a storm closed the harbour, the operator "
          "said. The Olvata union said its pilots would not sail before Wednesday."),
    "b": ("A storm closed the harbour at Torvik on Monday and the ferry was cancelled, the operator "
          "said. Pilots of the Olvata union will not sail before Wednesday, it said."),
    "c": ("Monday's ferry to Torvik was cancelled when a storm closed the harbour, said the "
          "operator. The Olvata union said its pilots would stay ashore until Wednesday."),
    "d": ("The ferry to Lorvik was cancelled on Monday as a storm closed the harbour, the operator "
          "said. The Ulvata union said its pilots would not sail before Wednesday."),
}


def test_a_first_letter_changed_is_the_name_misspelt():
    flags = {f.text: f.expected for f in run(HARBOUR) if f.source == "d"}
    assert flags.get("Lorvik") == "Torvik"
    assert flags.get("Ulvata") == "Olvata"


def test_the_others_spelling_is_not_flagged():
    assert not [f for f in run(HARBOUR) if f.source != "d"]
