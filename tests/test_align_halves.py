"""The alignment's halves pass: a source that tells one sentence of the others in two halves gets
its second half into the group of the first, when the others' sentence chose the first half and
the second half chooses the others' sentence, and the second half names nobody the group does not
(invented stories)."""

from __future__ import annotations

from srccompare import align as align_mod
from srccompare.settings import Settings
from tests.test_align import FIRE_P, FIRE_P2, FIRE_X, FIRE_X2, FIRE_Y, FIRE_Y2, FIRE_Z, FIRE_Z2, _sim, group_of, run, together

# c splits the sheriff's sentence: the barns in one sentence, the warehouse in the next, worded far
# from a's and b's.
HALF_1 = "The county sheriff said two barns had burned down overnight."
HALF_2 = "The fire also reached a lumber depot on the way to the quarry."
CORPUS = {"a": [FIRE_X, FIRE_P, FIRE_Y, FIRE_Z], "b": [FIRE_X2, FIRE_P2, FIRE_Y2, FIRE_Z2],
          "c": [FIRE_X, FIRE_P2, HALF_1, HALF_2, FIRE_Z]}


def test_the_second_half_of_a_split_sentence_joins_the_group_of_the_first() -> None:
    settings = Settings()
    # The two halves share next to nothing; the second is close to the whole sentence only at the
    # placed pass's floor, and that sentence's best match in c is the first half.
    assert _sim(CORPUS, "c:3", "c:2") < settings.anchor_similarity
    assert settings.anchor_similarity <= _sim(CORPUS, "c:3", "b:2") < align_mod.MUTUAL_SIMILARITY
    assert _sim(CORPUS, "b:2", "c:2") > _sim(CORPUS, "b:2", "c:3")
    al = run(CORPUS, settings)
    assert together(al, "a:2", "b:2", "c:2", "c:3")
    g = next(g for g in al.groups if any(p.id == "c:3" for p in g.passages))
    assert "c:3" in g.loose and "c:2" not in g.loose


def test_a_next_sentence_that_names_someone_the_group_does_not_stays_alone() -> None:
    # The same next sentence, but about a person none of the sheriff's sentences names: another
    # statement told next, not the other half of the sheriff's.
    other = "Mayor Halvorsen also reached a lumber depot on the way to the quarry."
    corpus = dict(CORPUS, c=[FIRE_X, FIRE_P2, HALF_1, other, FIRE_Z])
    assert _sim(corpus, "c:3", "c:2") < Settings().anchor_similarity
    assert group_of(run(corpus, Settings()), "c:3") is None


def test_names_told_reads_names_not_figures() -> None:
    group = ["The county sheriff said two barns burned near Quarry Road."]
    assert align_mod._names_told("The fire also reached the depot on Quarry Road.", group)
    assert align_mod._names_told("It also reached 12 sheds.", group)  # a figure is no name
    assert not align_mod._names_told("Ms Saarsalu did not say whether the road reopens.", group)


def test_the_halves_pass_follows_the_placed_pass() -> None:
    assert group_of(run(CORPUS, Settings(anchor_align=False)), "c:3") is None


def test_a_headline_or_a_question_is_no_half() -> None:
    assert align_mod._reads_as_half('The fire also reached a lumber depot, the sheriff said."')
    assert not align_mod._reads_as_half("Sheriff: barns and lumber depot burned")
    assert not align_mod._reads_as_half("What did the sheriff find?")
    headline = "The fire also reached a lumber depot on the way to the quarry"
    corpus = dict(CORPUS, c=[FIRE_X, FIRE_P2, HALF_1, headline, FIRE_Z])
    assert group_of(run(corpus, Settings()), "c:3") is None
