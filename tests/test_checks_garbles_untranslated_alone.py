"""garbled_text: a word a machine translation left in the original language, in a sentence it
worded anew, so that no aligned group holds it and the other sources tell the same thing with
few of its words.

An invented story (a levee breach in a river valley, one machine-translated source), not any
case's wording. The word is unknown to every English list and printed by no other source; the
best of the other sources' passages shares only two of the content words around it, but most
of its neighbourhood is the translation's own wording.
"""

from __future__ import annotations

from checks_builder import found, story
from srccompare.checks.garbles import GarbleCheck

WIRE = ("The river broke through a levee near Castelvecchio overnight, officials said. "
        "About 500 residents spent the night in gyms and schools after leaving their homes.")
DAILY = ("A levee on the river gave way near Castelvecchio during the night. "
         "Some 500 people left their homes and slept in gyms.")
BRIEF = ("Officials said a levee near Castelvecchio failed overnight. "
         "Around 500 residents were moved out of their homes.")
MT = ("The river broke the levee near Castelvecchio in the night, said the officials. "
      "Around 500 sgomberati passed the hours until dawn in gyms, assisted by volunteers with blankets.")


def test_an_unaligned_sentence_sharing_few_words_still_places_its_foreign_word():
    ctx = story({"a": WIRE, "b": DAILY, "c": BRIEF, "d": MT},
                groups=[[("a", 0), ("b", 0), ("c", 0), ("d", 0)], [("a", 1), ("b", 1), ("c", 1)]])
    assert ctx.alignment.unaligned[-1].id == "d:1"
    flags = [f for f in GarbleCheck().run(ctx) if f.confidence >= ctx.settings.min_confidence]
    assert ("d", "sgomberati", "[sgomberati: untranslated]") in found(flags, "d")
