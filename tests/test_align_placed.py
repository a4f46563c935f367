"""The alignment's placed pass: a passage still alone joins the group of a passage that sits at the
same place in the other article and that it chooses, and is chosen by, out of both whole articles,
even when their similarity is under what the gap and mutual passes ask (invented stories)."""

from __future__ import annotations

from srccompare import align as align_mod
from srccompare.align import align
from srccompare.settings import Settings
from tests.test_align import (
    FIRE_P, FIRE_P2, FIRE_X, FIRE_X2, FIRE_Y, FIRE_Y2, FIRE_Z, FIRE_Z2, _sim, group_of, make_source, run,
    together,
)

# c words the wind far from both a and b (no shared name or figure either), but tells it at the same
# place: after the evacuation, before the barns.
FIRE_P3 = "The fire moved toward the lake that supplies drinking water during the night."
CORPUS = {"a": [FIRE_X, FIRE_P, FIRE_Y, FIRE_Z], "b": [FIRE_X2, FIRE_P2, FIRE_Y2, FIRE_Z2],
          "c": [FIRE_X, FIRE_P3, FIRE_Y2, FIRE_Z]}


def test_a_reworded_passage_at_the_same_place_joins_its_mutual_best_match() -> None:
    settings = Settings()
    sim = _sim(CORPUS, "c:1", "b:1")
    assert settings.anchor_similarity <= sim < min(settings.gap_similarity, align_mod.MUTUAL_SIMILARITY)
    assert _sim(CORPUS, "c:1", "a:1") < sim
    al = run(CORPUS, settings)
    assert together(al, "c:1", "a:1", "b:1")
    g = next(g for g in al.groups if any(p.id == "c:1" for p in g.passages))
    assert "c:1" in g.loose
    # The first pass's groups are untouched.
    assert together(al, "a:0", "b:0", "c:0") and together(al, "a:3", "b:3", "c:3")


def test_the_same_passage_told_in_another_place_stays_alone() -> None:
    # c tells the wind last: its choice alone, at this similarity, does not place it.
    corpus = dict(CORPUS, c=[FIRE_X, FIRE_Y2, FIRE_Z, FIRE_P3])
    assert group_of(run(corpus, Settings()), "c:3") is None


def test_a_passage_that_is_not_its_partners_best_match_stays_alone() -> None:
    # c has a closer rendering of the wind right before the barns too; b's sentence chooses that one.
    closer = "Strong wind drove the blaze towards the water supply of the town overnight."
    corpus = dict(CORPUS, c=[FIRE_X, FIRE_P3, closer, FIRE_Y2, FIRE_Z])
    al = run(corpus, Settings())
    assert together(al, "c:2", "b:1")
    assert group_of(al, "c:1") is None


def test_two_passages_alone_do_not_pair_and_the_pass_follows_anchor_align() -> None:
    # Without c's partner in a group, nothing vouches for a pair at this level.
    lone = {"a": [FIRE_X, FIRE_P3, FIRE_Y], "b": [FIRE_X2, "Crews from three counties joined overnight.", FIRE_Y2]}
    assert group_of(run(lone, Settings()), "a:1") is None
    assert group_of(run(CORPUS, Settings(anchor_align=False)), "c:1") is None


def test_placed_pass_is_deterministic_and_independent_of_order_given() -> None:
    built = [make_source(sid, ss) for sid, ss in CORPUS.items()]
    srcs = [s for s, _ in built]
    forward = align(srcs, {s.id: ps for s, ps in built}, Settings())
    backward = align(srcs, {s.id: tuple(reversed(ps)) for s, ps in reversed(built)}, Settings())
    assert forward == backward
