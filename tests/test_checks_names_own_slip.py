"""name_variant: a slip beside the source's own right spelling (``_slip_beside_own``), on an
invented story (a library reopening after a flood), not any case's wording.

A source that prints the others' spelling of a name itself and another spelling once has no
scheme of its own: the odd mention out is a slip, even where the two spellings are both names the
language knows ("Blackmore" for "Blakemore") or two accepted romanisations ("Khalid" for
"Khaled"). A source that keeps to its own romanisation throughout is not flagged.
"""

from __future__ import annotations

from checks_builder import story
from srccompare.checks.names import NameCheck, _collect, _slip_beside_own


def run(ctx):
    return [f for f in NameCheck().run(ctx) if f.confidence >= ctx.settings.min_confidence]


def texts(third: str) -> dict[str, str]:
    # Sentence i of each source is aligned with sentence i of the others.
    return {
        "a": ("The town library reopened on Monday after the spring flood. "
              "Head librarian Edda Blakemore thanked the volunteers who dried the books. "
              "Deputy mayor Sami Khaled said the repairs cost less than feared. "
              "Blakemore said the archive would open next month. "
              "Khaled promised a new pump for the cellar."),
        "b": ("After the spring flood the town library opened again on Monday. "
              "Edda Blakemore, the head librarian, thanked volunteers for drying the books. "
              "The repairs cost less than feared, deputy mayor Sami Khaled said. "
              "The archive will open next month, Blakemore said. "
              "Khaled said the cellar would get a new pump."),
        "c": third,
    }


SLIPS = ("The library of the town reopened Monday after the flood of spring. "
         "The head librarian Edda Blackmore thanked the volunteers who dried the books. "
         "The deputy mayor Sami Khalid said that the repairs cost less than feared. "
         "Blakemore said that the archive opens next month. "
         "Khaled promised a new pump for the cellar.")
KEPT = ("The library of the town reopened Monday after the flood of spring. "
        "The head librarian Edda Blakemore thanked the volunteers who dried the books. "
        "The deputy mayor Sami Khalid said that the repairs cost less than feared. "
        "Blakemore said that the archive opens next month. "
        "Khalid promised a new pump for the cellar.")


def test_two_known_names_one_a_slip_beside_the_source_s_own_spelling():
    got = {f.text: f for f in run(story(texts(SLIPS)))}
    assert got["Blackmore"].source == "c" and got["Blackmore"].expected == "Blakemore"


def test_an_accepted_romanisation_printed_once_beside_the_others_spelling_is_a_slip():
    got = {f.text: f for f in run(story(texts(SLIPS)))}
    assert got["Khalid"].source == "c" and got["Khalid"].expected == "Khaled"


def test_a_romanisation_the_source_keeps_to_is_no_slip():
    assert not [f for f in run(story(texts(KEPT))) if f.source == "c"]


def test_the_slip_needs_the_source_s_own_right_spelling():
    names = _collect(story(texts(KEPT)))
    assert not _slip_beside_own(names, "khalid", "khaled", placed=False)
    names = _collect(story(texts(SLIPS)))
    assert _slip_beside_own(names, "khalid", "khaled", placed=False)
    assert _slip_beside_own(names, "blackmore", "blakemore")
