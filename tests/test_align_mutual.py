"""The alignment's mutual pass: a passage still alone joins the group of the passage that is its best
match in another source while it is that passage's best match in its own source, wherever the two
sit in their articles (invented stories)."""

from __future__ import annotations

from srccompare import align as align_mod
from srccompare.align import align
from srccompare.settings import Settings
from tests.test_align import (
    FIRE_P, FIRE_P2, FIRE_X, FIRE_X2, FIRE_Y, FIRE_Y2, FIRE_Z, FIRE_Z2, SETTINGS, SILO_A, SILO_A2, SILO_P,
    SILO_P3, SILO_PD, SILO_Y, SILO_Y2, SILO_Z, SILO_Z2, _sim, group_of, make_source, run, together,
)

# d tells the cause of the blast first, a and b second: the order-aware passes have nothing to go
# by, but d's reworded sentence and b's are each other's best match in the other's article, and
# d's is about as close to a's (the group's other source).
SILO_PE = "Harbour chief Solbakk thinks that the dust of 1,800 tonnes of barley caught fire."
CORPUS = {"a": [SILO_A, SILO_P, SILO_Y, SILO_Z], "b": [SILO_A2, SILO_P3, SILO_Y2, SILO_Z2],
          "d": [SILO_PE, SILO_Z, SILO_A2]}


def test_a_passage_told_elsewhere_joins_the_group_of_its_mutual_best_match() -> None:
    for other in ("a:1", "b:1"):
        assert align_mod.MUTUAL_FIT <= _sim(CORPUS, "d:0", other) < SETTINGS.min_similarity
    assert group_of(run(CORPUS), "d:0") is None  # the first pass alone
    al = run(CORPUS, Settings())
    assert together(al, "d:0", "a:1", "b:1")
    g = next(g for g in al.groups if any(p.id == "d:0" for p in g.passages))
    assert g.loose == ("d:0",)
    # The first pass's groups are untouched.
    assert together(al, "a:0", "b:0", "d:2") and together(al, "a:3", "b:3", "d:1")


def test_a_passage_that_fits_the_group_loosely_stays_alone() -> None:
    # d's rendering words the cause further from both (under MUTUAL_FIT): a mutual best match is not
    # enough when the group as a whole does not vouch for it.
    corpus = dict(CORPUS, d=[SILO_PD, SILO_Z, SILO_A2])
    assert Settings().gap_similarity <= _sim(corpus, "d:0", "b:1") < align_mod.MUTUAL_FIT
    assert group_of(run(corpus, Settings()), "d:0") is None


def test_two_passages_alone_in_different_places_still_do_not_pair() -> None:
    # No group vouches for either: similarity under min_similarity and disagreeing order say nothing.
    corpus = {"a": [FIRE_X, FIRE_P, FIRE_Y, FIRE_Z], "b": [FIRE_X2, FIRE_Y2, FIRE_Z2, FIRE_P2]}
    assert Settings().gap_similarity <= _sim(corpus, "a:1", "b:3") < SETTINGS.min_similarity
    al = run(corpus, Settings())
    assert group_of(al, "a:1") is None and group_of(al, "b:3") is None


def test_a_source_already_in_the_group_does_not_add_a_second_rendering() -> None:
    corpus = {"a": [SILO_A, SILO_P, SILO_Y, SILO_Z], "b": [SILO_A2, SILO_P3, SILO_Y2, SILO_Z2],
              "d": [SILO_P3, SILO_A2, SILO_PE]}
    al = run(corpus, Settings())
    assert together(al, "d:0", "a:1")
    assert group_of(al, "d:2") is None


def test_a_passage_that_is_not_its_partners_best_match_stays_alone() -> None:
    # d has two sentences on the cause; b's sentence prefers d's close rendering, which is grouped
    # with it, so d's reworded one (not b's best match in d) is not placed by this pass.
    corpus = {"a": [SILO_A, SILO_P, SILO_Y, SILO_Z], "b": [SILO_A2, SILO_P3, SILO_Y2, SILO_Z2],
              "d": [SILO_PE, SILO_Z, SILO_A2, SILO_P3]}
    al = run(corpus, Settings())
    assert together(al, "d:3", "b:1")
    assert group_of(al, "d:0") is None


def test_mutual_pass_is_deterministic_and_independent_of_order_given() -> None:
    built = [make_source(sid, ss) for sid, ss in CORPUS.items()]
    srcs = [s for s, _ in built]
    forward = align(srcs, {s.id: ps for s, ps in built}, Settings())
    backward = align(srcs, {s.id: tuple(reversed(ps)) for s, ps in reversed(built)}, Settings())
    assert forward == backward
    assert align_mod.MUTUAL_TOP_K > 0
