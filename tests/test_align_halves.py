"""The alignment's placed pass, split sentences: a source that tells one sentence of the others in two
halves gets its second half into the group of the first, when the others' sentence chose the first
half and the second half chooses the others' sentence (invented stories)."""

from __future__ import annotations

from srccompare import align as align_mod
from srccompare.settings import Settings
from tests.test_align import FIRE_P, FIRE_P2, FIRE_X, FIRE_X2, FIRE_Y, FIRE_Y2, FIRE_Z, FIRE_Z2, _sim, run, together

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

    # (A next sentence that tells the same part again is no other half: test_align_placed's
    # test_a_passage_that_is_not_its_partners_best_match_stays_alone.)
