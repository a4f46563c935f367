"""number_conflict: a source whose passage prints both figures does not vote against either. Of
"fourteen climbers, nine reached the summit and five gave up", the pairing may take the fourteen
for another report's "Five climbers turned back"; the passage also prints five, so it contradicts
nothing. Invented story only (a mountain rescue)."""

from __future__ import annotations

from tests.test_checks_numbers import run

_CLIMB = {
    "a": ["The guides led the party up the north ridge.", "Of the fourteen climbers, nine reached the summit and five gave up."],
    "b": ["The party went up by the north ridge.", "In all, nine of the fourteen climbers reached the summit; five abandoned the attempt."],
    "c": ["Guides took the group up the north ridge.", "Nine of fourteen climbers reached the summit, while five stayed at the camp."],
    "d": ["The party climbed the north ridge with guides.", "Five climbers turned back and nine reached the summit in all."],
}


def test_a_voter_that_prints_this_figure_too_does_not_contradict_it():
    _, flags = run(_CLIMB)
    assert [(f.source, f.text) for f in flags] == []


def test_a_figure_the_voters_never_print_is_still_outvoted():
    texts = dict(_CLIMB, d=["The party climbed the north ridge with guides.",
                            "Seven climbers turned back and nine reached the summit in all."])
    _, flags = run(texts)
    assert [(f.source, f.text) for f in flags] == [("d", "Seven")]
