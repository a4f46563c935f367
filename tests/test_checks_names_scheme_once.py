"""name_variant: a scheme's letters on one name, once, from a source that follows no scheme.

An invented story (a mine reopening near a village), not any case's wording. Three sources print
the mine "Tarvas" and the village "Kovalevo". Two romanisation schemes may write one long vowel
doubled or single ("Tarvaas" / "Tarvas") and one consonant "w" or "v" ("Kowalevo" / "Kovalevo"),
so a source that writes names by such a scheme of its own is no misspelling. But a scheme is a
habit of the writer and shows on more than one name: a source that prints every other name as the
others do and this one, once, with a vowel doubled has slipped, and the sources differ (a note).
"""

from __future__ import annotations

from checks_builder import story
from srccompare.checks.names import NameCheck


def run(texts):
    ctx = story(texts)
    return [f for f in NameCheck().run(ctx) if f.confidence >= ctx.settings.min_confidence]


MINE = {
    "a": ("The Tarvas mine near Kovalevo reopened on Monday after a year of repairs, its owner "
          "said. About 300 miners from Kovalevo returned to work."),
    "b": ("Work resumed on Monday at the Tarvas mine outside Kovalevo, closed for a year of "
          "repairs. Some 300 miners from Kovalevo are back at work, the owner said."),
    "c": ("After a year of repairs the Tarvas mine by Kovalevo reopened on Monday. Around 300 "
          "miners from Kovalevo went back to work, according to the owner."),
}
SLIP = ("The Tarvaas mine near Kovalevo opened again on Monday after repairs of one year, the "
        "owner said. About 300 miners of Kovalevo came back to work.")
SCHEME = SLIP.replace("Kovalevo", "Kowalevo")


def test_a_scheme_letter_on_one_name_once_is_noted():
    got = [f for f in run({**MINE, "d": SLIP}) if f.text == "Tarvaas"]
    assert got and got[0].expected == "Tarvas"


def test_a_source_that_writes_another_name_by_a_scheme_keeps_its_own():
    assert not [f for f in run({**MINE, "d": SCHEME}) if f.text in ("Tarvaas", "Kowalevo")]
