"""Alignment: count vectors, TF-IDF neighbours and grouping, on hand-made sources and on the seeds."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import numpy as np
import pytest
import scipy.sparse as sp
from sklearn.feature_extraction.text import HashingVectorizer

from srccompare import align as align_mod
from srccompare.align import align, count_vectors, group_id
from srccompare.models import Alignment, Passage, Source, SourceMeta
from srccompare.settings import Settings

# The first pass alone: the order-aware passes (on by default) are named by the tests about them.
SETTINGS = Settings(gap_align=False, anchor_align=False)


def make_source(source_id: str, sentences: list[str]) -> tuple[Source, tuple[Passage, ...]]:
    """A Source whose text is the sentences joined by spaces, and one Passage per sentence."""
    text = " ".join(sentences)
    passages = []
    pos = 0
    for i, sentence in enumerate(sentences):
        start = text.index(sentence, pos)
        end = start + len(sentence)
        passages.append(Passage(id=f"{source_id}:{i}", source=source_id, index=i, start=start, end=end, text=sentence))
        pos = end
    source = Source(
        id=source_id, path=f"{source_id}.txt", sha256=hashlib.sha256(text.encode()).hexdigest(), text=text,
        encoding="utf-8", title=source_id, meta=SourceMeta(), content=((0, len(text)),),
    )
    return source, tuple(passages)


def run(corpus: dict[str, list[str]], settings: Settings = SETTINGS) -> Alignment:
    built = [make_source(sid, sentences) for sid, sentences in corpus.items()]
    return align([s for s, _ in built], {s.id: ps for s, ps in built}, settings)


def group_of(al: Alignment, passage_id: str) -> str | None:
    for g in al.groups:
        if any(p.id == passage_id for p in g.passages):
            return g.id
    return None


def together(al: Alignment, *ids: str) -> bool:
    gids = {group_of(al, i) for i in ids}
    return len(gids) == 1 and None not in gids


# A small story told by four outlets: reordered, reworded, misspelt, one sentence split by one outlet
# and merged by another, and each outlet with a sentence only it has.
STORY = {
    "alpha": [
        "Treasury Secretary Scott Bessent told Fox News host Laura Ingraham that the talks in Geneva would focus on de-escalation.",
        "The United States has imposed tariffs of 145 percent on Chinese goods, and China answered with 125 percent.",
        "Negotiators will meet on Saturday and Sunday at a villa on the shore of Lake Geneva.",
        "Shares of shipping companies rose sharply in Hong Kong after the announcement.",
    ],
    "bravo": [
        "Negotiators will meet on Saturday and Sunday at a villa on the shore of Lake Genevea.",
        "Treasury Secretary Scott Becent told Fox News host Laura Ingraham that the talks in Genevea would focus on downgrades.",
        "The United States has imposed tariffs of 145 percent on Chinese goods.",
        "China answered with 125 percent.",
        "A spokesman for the European Commission declined to comment on the negotiations.",
    ],
    "charlie": [
        "Treasury Secretary Scott Bessent told Fox News host Laura Ingraham that the talks in Geneva would focus on de-escalation.",
        "The United States has imposed tariffs of 145 percent on Chinese goods, and China answered with 125 percent.",
        "Negotiators will meet on Saturday and Sunday at a villa on the shore of Lake Geneva.",
        "Farmers in Iowa said soybean exports had collapsed since the spring.",
    ],
    "delta": [
        "The talks in Geneva would focus on de-escalation, Treasury Secretary Scott Bessent told Fox News host Laura Ingraham.",
        "Negotiators will meet on Saturday and Sunday at a villa on the shore of Lake Geneva.",
        "The United States has imposed tariffs of 145 percent on Chinese goods, and China answered with 125 percent.",
    ],
}


@pytest.fixture(scope="module")
def story() -> Alignment:
    return run(STORY)


# ----------------------------------------------------------------------------------------------
# A labelled alignment set: pairs that must meet in one group, pairs that must not.

MUST_ALIGN = [
    ("alpha:0", "bravo:1"),  # misspelt name and mistranslated term
    ("alpha:0", "delta:0"),  # clauses reordered
    ("alpha:2", "bravo:0"),  # sentence order changed, place name misspelt
    ("alpha:1", "bravo:2"),  # bravo split the sentence alpha keeps whole...
    ("alpha:1", "bravo:3"),  # ...and both halves meet it
    ("charlie:1", "delta:2"),
]
MUST_NOT_ALIGN = [
    ("alpha:0", "alpha:2"),  # same source
    ("alpha:0", "bravo:0"),  # same place (Geneva) and people, different facts
    ("alpha:1", "charlie:0"),
    ("alpha:3", "charlie:3"),  # each outlet's own detail
    ("bravo:4", "alpha:3"),
]


@pytest.mark.parametrize(("a", "b"), MUST_ALIGN)
def test_labelled_pairs_align(story: Alignment, a: str, b: str) -> None:
    assert together(story, a, b), (a, b)


@pytest.mark.parametrize(("a", "b"), MUST_NOT_ALIGN)
def test_labelled_pairs_do_not_align(story: Alignment, a: str, b: str) -> None:
    assert not together(story, a, b), (a, b)


def test_split_and_merged_sentence_form_one_group_with_both_halves(story: Alignment) -> None:
    g = next(g for g in story.groups if any(p.id == "bravo:2" for p in g.passages))
    ids = {p.id for p in g.passages}
    assert {"alpha:1", "bravo:2", "bravo:3", "charlie:1", "delta:2"} <= ids
    assert [p.id for p in g.passages if p.source == "bravo"] == ["bravo:2", "bravo:3"]


def test_passages_with_no_counterpart_are_unaligned(story: Alignment) -> None:
    assert {p.id for p in story.unaligned} == {"alpha:3", "bravo:4", "charlie:3"}


def test_every_passage_is_either_grouped_once_or_unaligned(story: Alignment) -> None:
    grouped = [p.id for g in story.groups for p in g.passages]
    assert len(grouped) == len(set(grouped))
    assert set(grouped).isdisjoint(p.id for p in story.unaligned)
    assert sorted(grouped + [p.id for p in story.unaligned]) == sorted(p.id for p in story.passages)
    assert [p.id for p in story.passages] == [f"{s}:{i}" for s, ss in STORY.items() for i in range(len(ss))]


def test_group_fields(story: Alignment) -> None:
    order = {p.id: i for i, p in enumerate(story.passages)}
    firsts = [order[g.passages[0].id] for g in story.groups]
    assert firsts == sorted(firsts)
    for g in story.groups:
        assert len(g.sources) >= 2
        assert [order[p.id] for p in g.passages] == sorted(order[p.id] for p in g.passages)
        assert g.id == group_id(g.passages) and re.fullmatch(r"g-[0-9a-f]{12}", g.id)
        members = {p.id: p for p in g.passages}
        assert g.pairs, g.id
        for a, b, w in g.pairs:
            assert a < b and a in members and b in members
            assert members[a].source != members[b].source
            assert w == round(w, 4) and SETTINGS.min_similarity <= w <= 1.0
        assert list(g.pairs) == sorted(g.pairs)
        assert g.similarity == round(sum(w for _, _, w in g.pairs) / len(g.pairs), 4)


def test_bridge_sentence_does_not_chain_two_groups() -> None:
    # Three outlets report two facts; a fourth writes one sentence that mentions both. The two
    # facts must stay two groups (the bridge may join one of them, or neither).
    fact_a = "The central bank raised its main interest rate by half a point to curb inflation."
    fact_b = "Striking dock workers blocked the container terminal for a third consecutive day."
    corpus = {
        "s1": [fact_a, fact_b],
        "s2": [fact_b.replace("third", "3rd"), fact_a.replace("curb", "fight")],
        "s3": [fact_a.replace("main", "key"), "Weather forecasters expect heavy snow in the mountains.", fact_b],
        "s4": ["The central bank raised its main interest rate while striking dock workers blocked the container terminal."],
    }
    al = run(corpus)
    assert together(al, "s1:0", "s2:1", "s3:0")
    assert together(al, "s1:1", "s2:0", "s3:2")
    assert group_of(al, "s1:0") != group_of(al, "s1:1")


def test_sentences_sharing_only_names_do_not_align() -> None:
    corpus = {
        "a": ["Treasury Secretary Scott Bessent said the deficit with China had narrowed sharply in March."],
        "b": ["Treasury Secretary Scott Bessent said he would travel to Geneva with his deputy on Thursday."],
    }
    al = run(corpus)
    assert al.groups == ()
    assert len(al.unaligned) == 2


def test_same_source_passages_never_pair() -> None:
    sentence = "Exports of rare earth magnets fell by seventy percent in April, customs data showed."
    corpus = {"a": [sentence, "Unrelated filler about a football match.", sentence], "b": ["Something else entirely."]}
    al = run(corpus)
    assert al.groups == ()
    assert {p.id for p in al.unaligned} == {"a:0", "a:1", "a:2", "b:0"}


def test_deterministic_and_independent_of_mapping_order() -> None:
    built = [make_source(sid, ss) for sid, ss in STORY.items()]
    srcs = [s for s, _ in built]
    forward = align(srcs, {s.id: ps for s, ps in built}, SETTINGS)
    backward = align(srcs, {s.id: tuple(reversed(ps)) for s, ps in reversed(built)}, SETTINGS)
    again = align(srcs, {s.id: ps for s, ps in built}, SETTINGS)
    assert forward == backward == again
    assert repr(forward) == repr(again)


def test_group_ids_stable_when_a_source_is_added(story: Alignment) -> None:
    extra = dict(STORY)
    extra["echo"] = ["Farmers in Iowa said soybean exports had collapsed since the spring, a survey found."]
    grown = run(extra)
    before = {g.id: {p.id for p in g.passages} for g in story.groups}
    after = {g.id: {p.id for p in g.passages} for g in grown.groups}
    # Groups the new source did not join keep their ids and members; passage ids do not move.
    for gid, members in before.items():
        assert after.get(gid) == members
    assert together(grown, "charlie:3", "echo:0")
    assert [p.id for p in grown.passages][: len(story.passages)] == [p.id for p in story.passages]


def test_empty_and_single_source_inputs() -> None:
    assert run({}) == Alignment(passages=(), groups=(), unaligned=())
    al = run({"a": ["One sentence.", "Another sentence."], "b": []})
    assert al.groups == () and len(al.unaligned) == 2


def test_threshold_setting_controls_alignment() -> None:
    corpus = {"a": [STORY["alpha"][0]], "b": [STORY["bravo"][1]]}
    assert run(corpus).groups
    assert not run(corpus, Settings(min_similarity=0.95)).groups


# ----------------------------------------------------------------------------------------------
# Second pass: order-aware pairing of what the first pass left alone, below min_similarity.
# Another invented story (a wildfire); FIRE_P and FIRE_P2 report the same thing in different words
# (similarity ~0.22 here, below min_similarity, above gap_similarity).

FIRE_X = "Firefighters evacuated four hundred residents of Millbrook on Monday as a wildfire crossed the ridge above the valley."
FIRE_X2 = "Firefighters evacuated 400 residents of Milbrook on Monday after a wildfire crossed the ridge above the valley."
FIRE_P = "Wind gusts of sixty kilometres an hour pushed the flames towards the reservoir overnight."
FIRE_P2 = "Strong wind drove the blaze towards the town water supply overnight."
FIRE_Y = "The county sheriff said two barns and a timber warehouse had burned down near the old quarry road."
FIRE_Y2 = "The county sheriff said two barns and a timber warehouse burned down close to the old quarry road."
FIRE_Z = "Schools in the district will stay closed until the end of the week, the education office announced."
FIRE_Z2 = "The education office announced that schools in the district will remain closed until the end of the week."
GAP_ON = Settings(gap_align=True, anchor_align=False)
GAP_OFF = SETTINGS


def _sim(corpus: dict[str, list[str]], a: str, b: str) -> float:
    """The cosine the aligner sees between passages ``a`` and ``b`` ("source:index") of ``corpus``."""
    built = [make_source(sid, ss) for sid, ss in corpus.items()]
    ordered = [p for _, ps in built for p in ps]
    counts = sp.vstack([count_vectors(ps, SETTINGS) for _, ps in built], format="csr")
    m = align_mod.weighted_tfidf(counts, SETTINGS.n_features)
    pos = {p.id: i for i, p in enumerate(ordered)}
    return float((m[pos[a]] @ m[pos[b]].T).toarray()[0, 0])


def test_low_similarity_pair_between_the_same_anchors_aligns() -> None:
    corpus = {"a": [FIRE_X, FIRE_P, FIRE_Y, FIRE_Z], "b": [FIRE_X2, FIRE_P2, FIRE_Y2, FIRE_Z2]}
    assert SETTINGS.gap_similarity <= _sim(corpus, "a:1", "b:1") < SETTINGS.min_similarity
    assert together(run(corpus, GAP_ON), "a:1", "b:1")
    off = run(corpus, GAP_OFF)
    assert group_of(off, "a:1") is None and group_of(off, "b:1") is None
    g = next(g for g in run(corpus, GAP_ON).groups if any(p.id == "a:1" for p in g.passages))
    assert [(a, b) for a, b, _ in g.pairs] == [("a:1", "b:1")] and g.similarity < SETTINGS.min_similarity
    assert g.id == group_id(g.passages)
    assert g.loose == ("a:1", "b:1")
    # The first pass's groups have no loose members.
    assert all(h.loose == () for h in run(corpus, GAP_ON).groups if h.id != g.id)


def test_low_similarity_pair_in_different_places_does_not_align() -> None:
    # b tells the wind last, after two sentences a tells after it: the order disagrees.
    corpus = {"a": [FIRE_X, FIRE_P, FIRE_Y, FIRE_Z], "b": [FIRE_X2, FIRE_Y2, FIRE_Z2, FIRE_P2]}
    al = run(corpus, GAP_ON)
    assert group_of(al, "a:1") is None and group_of(al, "b:3") is None
    assert together(al, "a:2", "b:1") and together(al, "a:3", "b:2")


def test_low_similarity_pair_without_any_anchor_does_not_align() -> None:
    # Two sources with nothing aligned above min_similarity say nothing about order.
    al = run({"a": [FIRE_P, FIRE_Z], "b": [FIRE_P2, "Volunteers collected blankets and food at the church hall."]}, GAP_ON)
    assert al.groups == ()


def test_pair_right_after_the_same_anchor_aligns_even_if_what_follows_differs() -> None:
    # The next anchors differ (b swapped its last two sentences), but both passages follow the
    # same aligned sentence directly.
    corpus = {"a": [FIRE_X, FIRE_P, FIRE_Y, FIRE_Z], "b": [FIRE_X2, FIRE_P2, FIRE_Z2, FIRE_Y2]}
    assert together(run(corpus, GAP_ON), "a:1", "b:1")


def test_only_the_best_match_in_a_gap_pairs() -> None:
    # Two sentences of a lie in the gap, apart, and both pass gap_similarity against b's one: only
    # the closer pairs, the other stays alone (a second passage of a joins only as a run).
    closer = "Crews worked overnight to keep the blaze away from the town."
    aside = "Local shops donated bottled water and blankets to the families."
    corpus = {"a": [FIRE_X, FIRE_P, aside, closer, FIRE_Y], "b": [FIRE_X2, FIRE_P2, FIRE_Y2]}
    assert SETTINGS.gap_similarity <= _sim(corpus, "a:1", "b:1") < _sim(corpus, "a:3", "b:1") < SETTINGS.min_similarity
    al = run(corpus, GAP_ON)
    assert together(al, "a:3", "b:1")
    assert group_of(al, "a:1") is None


def test_gap_pass_adds_the_other_half_of_a_split_sentence() -> None:
    # a splits what b says in one sentence: its first half is aligned with b's sentence, its second
    # half (a quote) matches b's sentence too, under min_similarity, right beside the first: it
    # joins that group as the continuation of a's run (the first pass joins a split sentence only
    # above min_similarity).
    said = "The energy minister would not yet point fingers at anyone on board the freighter."
    quote = '"There is no proof of sabotage so far, and the freighter must remain in port," he says.'
    whole = ('The energy minister would not point fingers at anyone on board the freighter: "we have no '
             'evidence of sabotage yet," he said.')
    corpus = {"a": [FIRE_X, said, quote, FIRE_Y], "b": [FIRE_X2, whole, FIRE_Y2]}
    assert _sim(corpus, "a:1", "b:1") >= SETTINGS.min_similarity
    assert SETTINGS.gap_similarity <= _sim(corpus, "a:2", "b:1") < SETTINGS.min_similarity
    first = run(corpus, SETTINGS)
    assert together(first, "a:1", "b:1") and group_of(first, "a:2") is None
    al = run(corpus, GAP_ON)
    assert together(al, "a:1", "a:2", "b:1")
    assert next(g.loose for g in al.groups if any(p.id == "a:2" for p in g.passages)) == ("a:2",)


def test_passage_joins_a_group_only_if_it_fits_the_group() -> None:
    # b and c align their middle sentences with each other above min_similarity; a's is close to
    # b's but unrelated to c's, so its mean link to the group is too low to join.
    other = "Residents were told the blaze threatened the town water supply."
    corpus = {"a": [FIRE_X, FIRE_P, FIRE_Y], "b": [FIRE_X2, FIRE_P2, FIRE_Y2], "c": [FIRE_X, other, FIRE_Y2]}
    assert _sim(corpus, "b:1", "c:1") >= SETTINGS.min_similarity
    assert _sim(corpus, "a:1", "b:1") >= SETTINGS.gap_similarity > _sim(corpus, "a:1", "c:1")
    al = run(corpus, GAP_ON)
    assert together(al, "b:1", "c:1")
    assert group_of(al, "a:1") is None


def test_second_pass_is_deterministic_and_keeps_first_pass_groups() -> None:
    corpus = {"a": [FIRE_X, FIRE_P, FIRE_Y, FIRE_Z], "b": [FIRE_X2, FIRE_P2, FIRE_Y2, FIRE_Z2],
              "c": [FIRE_X, FIRE_Y2, FIRE_Z]}
    built = [make_source(sid, ss) for sid, ss in corpus.items()]
    srcs = [s for s, _ in built]
    forward = align(srcs, {s.id: ps for s, ps in built}, GAP_ON)
    backward = align(srcs, {s.id: tuple(reversed(ps)) for s, ps in reversed(built)}, GAP_ON)
    assert forward == backward
    off = run(corpus, GAP_OFF)
    kept = {g.id for g in forward.groups}
    # The first pass's groups are untouched (same members, same content-derived ids) unless a
    # passage joined them; here the pair is a new group of its own.
    assert {g.id for g in off.groups} <= kept
    assert len(forward.groups) == len(off.groups) + 1
    assert run(corpus) == off


def test_second_pass_setting_gap_similarity_controls_it() -> None:
    corpus = {"a": [FIRE_X, FIRE_P, FIRE_Y, FIRE_Z], "b": [FIRE_X2, FIRE_P2, FIRE_Y2, FIRE_Z2]}
    assert together(run(corpus, Settings(gap_align=True, gap_similarity=0.2)), "a:1", "b:1")
    assert group_of(run(corpus, Settings(gap_align=True, gap_similarity=0.25)), "a:1") is None


# ----------------------------------------------------------------------------------------------
# Anchor pass: a passage a machine translation worded anew pairs with its counterpart when both
# name the same rare things (proper nouns, figures) at the same place in their sources' order.
# Another invented story (a grain silo explosion).

SILO_A = "An explosion tore through a grain silo in the port of Varnholm on Thursday, injuring five workers."
SILO_A2 = "An explosion tore through a grain silo at the port of Varnholm on Thursday and injured five workers."
SILO_P = "Dust from 1,800 tonnes of barley probably ignited, port manager Edda Solbakk told reporters."
SILO_P2 = "The head of the harbour, Solbakk, assumes that the powder of the cereal caught fire; 1.800 tons were stored."
SILO_Y = "Police closed the coastal road to the terminal while engineers checked the damaged concrete structure."
SILO_Y2 = "Police closed the coastal road to the terminal while engineers inspected the damaged concrete structure."
SILO_Z = "The injured workers were taken to the regional hospital, where two remain in intensive care."
SILO_Z2 = "The injured workers were taken to the regional hospital; two remain in intensive care."
ANCHOR_ON = Settings(anchor_align=True, gap_align=False)


@pytest.mark.parametrize("text, anchors", [
    ("Dust from 1,800 tonnes of barley probably ignited, port manager Edda Solbakk said.", {"1800", "edda", "solbakk"}),
    ("Harbour chief Solbakk said: \"We were lucky.\" The 3 engineers left.", {"solbakk"}),
    ("On 24.3. the hall in Pohja burned.", {"243", "pohja"}),
    ("Firefighters came at 5 a.m.", set()),
])
def test_anchors_are_capitalised_words_inside_a_sentence_and_figures(text: str, anchors: set[str]) -> None:
    assert align_mod._anchors(text) == anchors


def test_reworded_pair_sharing_two_rare_anchors_in_order_aligns_as_loose() -> None:
    corpus = {"a": [SILO_A, SILO_P, SILO_Y, SILO_Z], "b": [SILO_A2, SILO_P2, SILO_Y2, SILO_Z2]}
    sim = _sim(corpus, "a:1", "b:1")
    assert SETTINGS.anchor_similarity <= sim < SETTINGS.gap_similarity
    on = run(corpus, ANCHOR_ON)
    assert together(on, "a:1", "b:1")
    g = next(g for g in on.groups if any(p.id == "a:1" for p in g.passages))
    assert g.loose == ("a:1", "b:1")
    # Neither the first pass nor the order-aware pass at gap_similarity pairs them.
    assert group_of(run(corpus), "a:1") is None
    assert group_of(run(corpus, GAP_ON), "a:1") is None


def test_one_shared_anchor_is_not_enough() -> None:
    lone = "The head of the harbour, Solbakk, assumes that the powder of the cereal caught fire."
    corpus = {"a": [SILO_A, SILO_P, SILO_Y, SILO_Z], "b": [SILO_A2, lone, SILO_Y2, SILO_Z2]}
    assert group_of(run(corpus, ANCHOR_ON), "a:1") is None


def test_anchor_pair_whose_order_disagrees_does_not_align() -> None:
    # b tells the cause last, after the road and the hospital: the order disagrees.
    corpus = {"a": [SILO_A, SILO_P, SILO_Y, SILO_Z], "b": [SILO_A2, SILO_Y2, SILO_Z2, SILO_P2]}
    al = run(corpus, ANCHOR_ON)
    assert group_of(al, "a:1") is None and group_of(al, "b:3") is None


def test_anchors_every_sentence_repeats_are_not_rare() -> None:
    # Every sentence of both sources names Solbakk and the 1,800 tonnes: they tell no sentence
    # from another, so only the first pass's pairs remain.
    tag = " Solbakk counted 1,800 tonnes."
    corpus = {"a": [s + tag for s in (SILO_A, SILO_P, SILO_Y, SILO_Z)],
              "b": [s + tag for s in (SILO_A2, SILO_P2, SILO_Y2, SILO_Z2)]}
    assert run(corpus, ANCHOR_ON) == run(corpus)


def test_anchor_pass_is_deterministic_and_both_passes_are_on_by_default() -> None:
    corpus = {"a": [SILO_A, SILO_P, SILO_Y, SILO_Z], "b": [SILO_A2, SILO_P2, SILO_Y2, SILO_Z2], "c": [SILO_A, SILO_Y2]}
    built = [make_source(sid, ss) for sid, ss in corpus.items()]
    srcs = [s for s, _ in built]
    forward = align(srcs, {s.id: ps for s, ps in built}, ANCHOR_ON)
    backward = align(srcs, {s.id: tuple(reversed(ps)) for s, ps in reversed(built)}, ANCHOR_ON)
    assert forward == backward
    assert run(corpus) == run(corpus, Settings(anchor_align=False, gap_align=False)) != forward
    assert Settings().gap_align and Settings().anchor_align


# The vote pass (off by default): a third rendering of the silo's cause, reworded by a translation.
SILO_P3 = "Dust from 1,800 tonnes of barley most likely ignited, Edda Solbakk, the port manager, told reporters."
SILO_PD = "The harbour chief Solbakk assumes that cereal powder caught fire; 1,800 tonnes of barley lay in the silo."
VOTE_ON = Settings(gap_align=False, anchor_align=False, vote_align=True)


def test_a_passage_joins_the_group_two_other_sources_best_matches_share() -> None:
    # d tells the cause first, the others second: no order to go by, but the best match of d:0 in
    # a and in b is the same group, each above VOTE_SIMILARITY and under min_similarity.
    corpus = {"a": [SILO_A, SILO_P, SILO_Y, SILO_Z], "b": [SILO_A2, SILO_P3, SILO_Y2, SILO_Z2],
              "d": [SILO_PD, SILO_Z, SILO_A2]}
    for other in ("a:1", "b:1"):
        assert align_mod.VOTE_SIMILARITY <= _sim(corpus, "d:0", other) < SETTINGS.min_similarity
    assert group_of(run(corpus), "d:0") is None
    assert group_of(run(corpus, GAP_ON), "d:0") is None
    on = run(corpus, VOTE_ON)
    assert together(on, "d:0", "a:1", "b:1")
    g = next(g for g in on.groups if any(p.id == "d:0" for p in g.passages))
    assert g.loose == ("d:0",)


def test_a_vote_does_not_add_a_second_rendering_of_a_source_already_in_the_group() -> None:
    # d already has its close rendering (d:0) in the group; its reworded one (d:2) stays alone.
    corpus = {"a": [SILO_A, SILO_P, SILO_Y, SILO_Z], "b": [SILO_A2, SILO_P3, SILO_Y2, SILO_Z2],
              "d": [SILO_P3, SILO_A2, SILO_PD]}
    on = run(corpus, VOTE_ON)
    assert together(on, "d:0", "a:1")
    assert group_of(on, "d:2") is None


def test_vote_pass_is_off_by_default_and_deterministic() -> None:
    corpus = {"a": [SILO_A, SILO_P, SILO_Y, SILO_Z], "b": [SILO_A2, SILO_P3, SILO_Y2, SILO_Z2],
              "d": [SILO_PD, SILO_Z, SILO_A2]}
    assert not Settings().vote_align
    built = [make_source(sid, ss) for sid, ss in corpus.items()]
    srcs = [s for s, _ in built]
    forward = align(srcs, {s.id: ps for s, ps in built}, VOTE_ON)
    backward = align(srcs, {s.id: tuple(reversed(ps)) for s, ps in reversed(built)}, VOTE_ON)
    assert forward == backward


# ----------------------------------------------------------------------------------------------
# count_vectors


def _reference_counts(texts: list[str], settings: Settings) -> sp.csr_matrix:
    common = dict(n_features=settings.n_features, alternate_sign=False, norm=None, dtype=np.float32,
                  preprocessor=align_mod._preprocess)
    words = HashingVectorizer(analyzer="word", ngram_range=(1, 2), **common)
    chars = HashingVectorizer(analyzer="char_wb", ngram_range=(settings.char_ngram_min, settings.char_ngram_max), **common)
    return sp.hstack([words.transform(texts), chars.transform(texts)], format="csr")


def test_count_vectors_equal_hashing_vectorizer_and_depend_on_one_source_only() -> None:
    settings = Settings(n_features=2**16)
    _, bravo = make_source("bravo", STORY["bravo"])
    _, alpha = make_source("alpha", STORY["alpha"])
    align_mod._WORD_MEMO.clear()
    cold = count_vectors(bravo, settings)
    count_vectors(alpha, settings)  # fills the word memo with other words first
    warm = count_vectors(bravo, settings)
    ref = _reference_counts([p.text for p in bravo], settings)
    assert cold.shape == (len(bravo), 2 * settings.n_features)
    assert cold.dtype == np.float32
    assert abs(cold - ref).sum() == 0
    assert abs(warm - cold).sum() == 0
    assert count_vectors((), settings).shape == (0, 2 * settings.n_features)


def test_cached_counts_are_used_and_bad_ones_recomputed() -> None:
    built = [make_source(sid, ss) for sid, ss in STORY.items()]
    srcs = [s for s, _ in built]
    passages = {s.id: ps for s, ps in built}
    fresh = align(srcs, passages, SETTINGS)
    counts = {s.id: count_vectors(passages[s.id], SETTINGS) for s in srcs}
    assert align(srcs, passages, SETTINGS, counts=counts) == fresh
    counts["alpha"] = sp.csr_matrix((1, 7), dtype=np.float32)  # stale: wrong shape
    assert align(srcs, passages, SETTINGS, counts=counts) == fresh
    # Counts of a different source in the right shape would change the result: they are trusted.
    counts["alpha"] = sp.csr_matrix((len(passages["alpha"]), 2 * SETTINGS.n_features), dtype=np.float32)
    assert align(srcs, passages, SETTINGS, counts=counts) != fresh


# ----------------------------------------------------------------------------------------------
# The seed articles


@pytest.fixture(scope="module")
def seeds() -> Alignment:
    from srccompare import segment, sources

    files, _ = sources.collect([Path(__file__).resolve().parent.parent / "seeds"])
    read = [sources.read_source(f) for f in files]
    return align(read, {s.id: segment.segment(s) for s in read}, SETTINGS)


def _find(al: Alignment, source_prefix: str, fragment: str) -> str:
    hits = [p.id for p in al.passages if p.source.startswith(source_prefix) and fragment in p.text]
    assert len(hits) == 1, (source_prefix, fragment, hits)
    return hits[0]


SEED_GROUPS = [
    # "We don't want to break up. What we want is a fair deal," Becent told ... (001, split in two)
    [("001", "want to break up"), ("001", "fair deal"), ("000", "want to decouple"),
     ("002", "want decoupling"), ("002", "What we want is fair trade")],
    # de-escalation quotes, and 001's mistranslation of them
    [("000", "My sense is that"), ("003", "We’ve got to de-escalate"), ("002", "We have to de-escalate"),
     ("001", "cancel the upgrade")],
    [("000", "145 percent [tariffs]"), ("002", "145%, 125% is equivalent")],
    [("001", "charged 145% tariffs"), ("004", "to 145 percent")],
    [("000", "later confirmed that China had agreed"), ("002", "confirmed that China had agreed")],
    [("002", "fully considering global expectations"), ("003", "fully considering global expectations")],
]
SEED_APART = [
    (("000", "want to decouple"), ("000", "My sense is that")),
    (("001", "cancel the upgrade"), ("001", "want to break up")),
    (("002", "My sense is that"), ("002", "want decoupling")),
    (("004", "5 million jobs"), ("000", "economy is collapsing")),
]


@pytest.mark.parametrize("members", SEED_GROUPS, ids=lambda m: m[0][1])
def test_seed_counterparts_meet(seeds: Alignment, members: list[tuple[str, str]]) -> None:
    assert together(seeds, *(_find(seeds, s, f) for s, f in members))


@pytest.mark.parametrize(("a", "b"), SEED_APART)
def test_seed_unrelated_sentences_stay_apart(seeds: Alignment, a: tuple[str, str], b: tuple[str, str]) -> None:
    assert not together(seeds, _find(seeds, *a), _find(seeds, *b))


def test_seed_groups_are_small_and_unaligned_kept(seeds: Alignment) -> None:
    # Five sources: a group is one story sentence, not a chain through shared names.
    assert max(len(g.passages) for g in seeds.groups) <= 10
    assert max(len(g.sources) for g in seeds.groups) <= 5
    assert seeds.unaligned
    assert len(seeds.passages) == len(seeds.unaligned) + sum(len(g.passages) for g in seeds.groups)


# ----------------------------------------------------------------------------------------------
# The neighbour search's pieces


def test_searchable_keeps_rare_features_blocks_frequent_ones_and_drops_the_commonest(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(align_mod, "BLOCK_SHARE", 1.0)  # blocks of up to max_df passages
    n = 100
    rows, cols, vals = [], [], []
    for r in range(n):
        rows += [r, r]
        cols += [0, 1]  # feature 0 in every passage (> 5%): dropped; feature 1 too, see below
        vals += [0.5, 0.5]
    data = sp.csr_matrix((vals, (rows, cols)), shape=(n, 5), dtype=np.float32)
    # Feature 2 in 4 passages (at most max_df: kept whole), feature 3 in one (dropped: no pairs),
    # feature 4 in 5 passages (above max_df = 4 and within 5% of 100: cut into 2 blocks by range).
    extra = sp.csr_matrix(
        ([0.3] * 4 + [0.2] + [0.4] * 5, ([0, 10, 60, 90, 7, 1, 2, 3, 70, 80], [2, 2, 2, 2, 3, 4, 4, 4, 4, 4])),
        shape=(n, 5), dtype=np.float32)
    tfidf = (data + extra).tocsr()
    tfidf[:, 1] = 0  # leave feature 1 out again; only 0 is the "everywhere" feature
    tfidf.eliminate_zeros()
    out = align_mod._searchable(tfidf, 4)
    assert out.shape == (n, 1 + 2)  # feature 2 whole, feature 4 as two blocks
    sims = (out @ out.T).toarray()
    assert sims[0, 90] == pytest.approx(0.09)  # shared whole feature: exact product
    assert sims[1, 3] == pytest.approx(0.16)  # feature 4 within the first half of the rows
    assert sims[70, 80] == pytest.approx(0.16)  # ...and within the second
    assert sims[1, 70] == 0  # across the halves it does not link (other features still would)
    assert sims[7].sum() == 0 and sims[5].sum() == 0


def test_neighbours_skip_same_source_keep_top_k_and_threshold() -> None:
    rng = np.random.default_rng(0)
    base = rng.random((6, 30)).astype(np.float32)
    rows = np.vstack([base, base + rng.random((6, 30)).astype(np.float32) * 0.3, base[:3]])
    rows /= np.linalg.norm(rows, axis=1, keepdims=True)
    matrix = sp.csr_matrix(rows)
    source_of = np.array([0] * 6 + [1] * 6 + [2] * 3)
    edges = align_mod.neighbours(matrix, source_of, top_k=2, threshold=0.5)
    assert (edges.a < edges.b).all()
    assert (source_of[edges.a] != source_of[edges.b]).all()
    assert (edges.sim >= 0.5).all() and (edges.sim <= 1.0001).all()
    assert np.array_equal(edges.sim, np.round(edges.sim, 4))
    dense = rows @ rows.T
    for a, b, w in zip(edges.a, edges.b, edges.sim):
        assert w == pytest.approx(dense[a, b], abs=1e-4)
    # Every row keeps at most top_k of its own choices; an edge may come from either end.
    pairs = set(zip(edges.a.tolist(), edges.b.tolist()))
    for i in range(len(rows)):
        ranked = sorted((j for j in range(len(rows)) if source_of[j] != source_of[i]), key=lambda j: -dense[i, j])
        for j in ranked[:2]:
            assert (min(i, j), max(i, j)) in pairs


def test_blocked_search_still_aligns_a_sentence_many_sources_repeat() -> None:
    # 24 sources repeat one sentence; with max_df=16 its words are searched in blocks of passages
    # (the 5% cut-off is above 24 passages here, thanks to the filler), and every copy still meets
    # copies in other sources.
    rng = np.random.default_rng(1)
    sentence = "Customs data showed exports of rare earth magnets fell by {} percent in April from March."

    def filler() -> str:
        return " ".join("".join(rng.choice(list("bcdfghklmnprstvz"), size=6)) for _ in range(8)) + "."

    corpus = {f"s{k:02d}": [sentence.format(70 + k % 3)] + [filler() for _ in range(20)] for k in range(24)}
    al = run(corpus, Settings(max_df=16))
    copies = {f"s{k:02d}:0" for k in range(24)}
    assert copies.isdisjoint(p.id for p in al.unaligned)
    assert len(al.groups) >= 2  # the search really was blocked (one group per range of sources)
    for g in al.groups:
        assert {p.id for p in g.passages} <= copies


def test_weighted_tfidf_rows_are_unit_length_even_with_one_part_empty() -> None:
    settings = Settings(n_features=2**16)
    _, ps = make_source("x", ["A b c d.", "Bessent met He Lifeng in Geneva.", "Becent met He Lifeng in Genevea."])
    counts = count_vectors(ps, settings)
    assert counts[0, : settings.n_features].nnz == 0  # no word of two letters or more
    matrix = align_mod.weighted_tfidf(counts, settings.n_features)
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    assert norms == pytest.approx([1.0, 1.0, 1.0], abs=1e-5)
    # Cosine = word_weight * word cosine + (1 - word_weight) * character cosine.
    w = align_mod.WORD_WEIGHT
    words = align_mod.weighted_tfidf(counts, settings.n_features, word_weight=1.0)
    chars = align_mod.weighted_tfidf(counts, settings.n_features, word_weight=0.0)
    both = (matrix[1] @ matrix[2].T).toarray()[0, 0]
    parts = w * (words[1] @ words[2].T).toarray()[0, 0] + (1 - w) * (chars[1] @ chars[2].T).toarray()[0, 0]
    assert both == pytest.approx(parts, abs=1e-5)


# ----------------------------------------------------------------------------------------------
# The quality harness's alignment-ceiling diagnostic reads an Alignment: where an expected flag's
# place sits (tested here because it is a statement about the alignment).

def test_harness_placements_of_expected_flags() -> None:
    from tests.quality.harness import placements
    from tests.quality.matching import Expectation, Truth

    corpus = {"a": [SILO_A, SILO_P, SILO_Y, SILO_Z], "b": [SILO_A2, SILO_P2.replace("Solbakk", "Solbak"), SILO_Y2,
                                                         "Rescuers searched the wreckage until dawn."]}
    built = [make_source(sid, ss) for sid, ss in corpus.items()]
    al = align([s for s, _ in built], {s.id: ps for s, ps in built}, SETTINGS)
    texts = {s.id: s.text for s, _ in built}
    truth = Truth("silo", (
        Expectation("b", "number_conflict", "five", "six"),            # grouped, the other says five
        Expectation("b", "name_variant", "Varnholm", "Varnholm"),      # grouped, form present
        Expectation("b", "name_variant", "Solbak", "Solbakk"),         # alone (first pass)
        Expectation("b", "garbled_text", "wreckage", None),            # alone
        Expectation("b", "number_conflict", "no such words", "x"),     # not in the text
        Expectation("b", "term_variant", "inspected", None),           # grouped, nothing expected
    ))
    got = [w for _, w in placements(truth, texts, al)]
    assert got == ["group, no form", "group, form", "unaligned", "unaligned", "no passage", "group, no expected"]
