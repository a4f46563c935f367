"""number_conflict and date_conflict with the alignment's extra passes: a ``Group.loose`` member is a
paraphrase of its group, so its figures and dates witness only what they measure too (the same
noun or unit, the same event word, the one day both tellings give), and a pairing that is only
loose never decides one source against another by itself. Invented stories only (a harbour crane
collapse, a barge salvage, a hospital strike)."""

from __future__ import annotations

from dataclasses import replace

from srccompare.checks.base import CheckContext
from srccompare.checks.quantity_consensus import Counter, MentionIndex, _vouched, loose_pair, paraphrase_witness
from srccompare.models import Passage
from tests.discrepancy_story import build, check_offsets
from tests.test_checks_numbers import QUANTITY_CHECKS, mention


def run_loose(texts, groups, loose):
    """``run`` with the passages ``loose`` (ids "source:index") listed as loose members of their
    groups, as the alignment's gap and anchor passes list the paraphrases they add."""
    built = build(texts, groups)
    alignment = replace(built.alignment, groups=tuple(
        replace(g, loose=tuple(p.id for p in g.passages if p.id in loose)) for g in built.alignment.groups))
    ctx = CheckContext(sources=built.sources, alignment=alignment, settings=built.settings)
    flags = [f for check in QUANTITY_CHECKS for f in check.run(ctx)]
    check_offsets(ctx, flags)
    return ctx, flags


def _in(sid, text, index=0):
    p = Passage(id=f"{sid}:{index}", source=sid, index=index, start=0, end=len(text), text=text)
    from srccompare.checks.quantities import mentions_in
    return mentions_in(p)


def test_a_loose_pair_is_only_loose_when_a_member_is():
    ctx, _ = run_loose({"a": ["One."], "b": ["Two."], "c": ["Three."]}, [[("a", 0), ("b", 0), ("c", 0)]], {"c:0"})
    g = ctx.alignment.groups[0]
    assert loose_pair(g, "a:0", "c:0") and loose_pair(g, "c:0", "b:0")
    assert not loose_pair(g, "a:0", "b:0")


def test_a_paraphrase_witnesses_a_figure_of_the_same_noun_or_unit_only():
    tonnes = _in("a", "The crane, which weighs 410 tonnes, toppled onto the quay.")[0]
    other = _in("c", "The giant, all 140 tonnes of it, crashed down beside the berth.")[0]
    days = _in("c", "The port declared two days of mourning after the crash.")[0]
    lighter = _in("c", "A smaller crane of 95 tonnes stood beside it.")[0]
    assert paraphrase_witness(tonnes, other)  # one slip away: the same weight, mistyped
    assert not paraphrase_witness(tonnes, days)  # a count of days measures no weight
    assert not paraphrase_witness(tonnes, lighter)  # another figure of the noun may weigh another thing


def test_a_paraphrase_with_two_figures_of_the_noun_witnesses_neither():
    # "the 9,100-tonne dredger carrying 1,900 tonnes of sand": which one does a paraphrase's
    # "1,900-tonne" restate, the same figure or the one a slip away? The pairing does not say;
    # the figures' own words must.
    m = [x for x in _in("c", "The 1,900-tonne dredger ran onto the sandbank.") if x.text.startswith("1,900")][0]
    two = _in("a", "The 9,100-tonne dredger, carrying 1,900 tonnes of sand, ran aground.")
    one = _in("b", "The 9,100-tonne dredger ran aground on the sandbank.")
    index = MentionIndex([m, *two, *one])
    totals = {pid: Counter(x.unit for x in xs if not x.derived) for pid, xs in index.by_passage.items()}
    witnesses = {"a": [x for x in two if x.unit == m.unit], "b": [x for x in one if x.unit == m.unit]}
    got = _vouched(m, witnesses, index, totals[m.passage.id][m.unit], totals)
    assert got == {(x.passage.id, x.start) for x in one if x.unit == m.unit}


def test_a_loose_figure_of_the_same_noun_that_neither_agrees_nor_slipped_is_no_counterpart():
    # "three years of losses" and "112 years of brewing" count years of two things: a paraphrase
    # the anchor pass paired with the closure sentence does not make them one quantity. (Firmly
    # aligned, the same sentences are read as one quantity, which they would then be.)
    texts = {"a": ["The brewery will close in June.", "The closure ends 112 years of brewing at the site and puts 300 jobs at risk."],
             "b": ["The brewery closes in June.", "Beer has been brewed at the site for 112 years."],
             "c": ["The brewery will shut in June.", "The decision follows three years of losses at the site."]}
    groups = [[("a", 0), ("b", 0), ("c", 0)], [("a", 1), ("c", 1)]]
    _, flags = run_loose(texts, groups, {"c:1"})
    assert flags == []
    _, firm = run_loose(texts, groups, set())
    assert [(f.source, f.text) for f in firm] == [("c", "three")]


def test_a_loose_paraphrase_one_slip_from_the_figure_of_its_noun_is_flagged():
    texts = {"a": ["Port officials said the crane collapsed at dawn.", "The crane weighs 410 tonnes and stood 60 metres tall."],
             "b": ["The collapse happened at dawn, the port said.", "At 410 tonnes, it was the heaviest crane on the quay."],
             "c": ["Dockers saw the crane fall at dawn.", "Witnesses watched as all 140 tonnes of the giant crashed beside the berth."]}
    groups = [[("a", 0), ("b", 0), ("c", 0)], [("a", 1), ("b", 1), ("c", 1)]]
    _, flags = run_loose(texts, groups, {"c:1"})
    assert [(f.source, f.text, f.expected) for f in flags] == [("c", "140", "410")]


def test_a_weekday_a_loose_paraphrase_gives_differently_is_flagged_and_a_statement_day_is_not():
    texts = {"a": ["Divers raised the sunken barge on Thursday afternoon and towed it into the harbour."],
             "b": ["The barge was raised on Thursday and towed into the harbour by two tugs."],
             "c": ["Three floating cranes lifted the wreck clear of the water on Friday and brought it to port."]}
    groups = [[("a", 0), ("b", 0), ("c", 0)]]
    _, flags = run_loose(texts, groups, {"c:0"})
    assert [(f.source, f.text) for f in flags] == [("c", "Friday")]
    # The trap: a day a statement was made on is no day of the salvage.
    texts["c"] = ["The salvage company said on Friday that three floating cranes had lifted the wreck clear."]
    _, flags = run_loose(texts, groups, {"c:0"})
    assert flags == []
