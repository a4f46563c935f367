"""One source against one: contests yielded by a check and decided by what the two sources show
elsewhere (``srccompare.checks.contests``), and the attribution check's contests.

The story is invented: a ferry line between two islands is suspended; a harbour master and a
ferry company's director speak about it."""

from __future__ import annotations

from srccompare.checks.attributions import AttributionCheck
from srccompare.checks.base import Contest, make_flag
from srccompare.checks.contests import MAX_CONFIDENCE, decide
from srccompare.models import Kind, Severity
from tests.discrepancy_story import build

LEAD = "The ferry between Orvik and Saltholm was suspended on Friday after a hull inspection."
QUOTE = "We will not sail again until every weld on the hull has been checked twice"


def _flag(ctx, source, words, *, severity=Severity.HIGH, kind=Kind.NAME_VARIANT, confidence=0.8):
    text = ctx.sources[source].text
    start = text.index(words)
    return make_flag(ctx, kind=kind, source=source, start=start, end=start + len(words), expected="x",
                     severity=severity, confidence=confidence, group=None, message="m", evidence=())


def _ctx():
    return build({
        "clean": [LEAD, "The harbour master said the inspection would take two weeks at least."],
        "busy": [LEAD, "The harbur mastr said the inspecton would take two weeks at lest."],
    })


def test_the_source_showing_more_slips_elsewhere_carries_the_contested_flag():
    ctx = _ctx()
    settled = [_flag(ctx, "busy", w) for w in ("harbur", "mastr", "inspecton", "lest")]
    contest = Contest(_flag(ctx, "busy", "said", kind=Kind.ATTRIBUTION_CONFLICT), "clean")
    won = decide([contest], settled, ctx.sources)
    assert len(won) == 1
    f = won[0]
    assert f.severity is Severity.MEDIUM and f.confidence <= MAX_CONFIDENCE
    assert "one source against one" in f.message


def test_low_notes_make_no_source_the_suspect():
    ctx = _ctx()
    settled = [_flag(ctx, "busy", w, severity=Severity.LOW) for w in ("harbur", "mastr", "inspecton", "lest")]
    contest = Contest(_flag(ctx, "busy", "said", kind=Kind.ATTRIBUTION_CONFLICT), "clean")
    assert decide([contest], settled, ctx.sources) == []


def test_the_cleaner_source_never_loses_a_contest():
    ctx = _ctx()
    settled = [_flag(ctx, "busy", w) for w in ("harbur", "mastr", "inspecton", "lest")]
    contest = Contest(_flag(ctx, "clean", "said", kind=Kind.ATTRIBUTION_CONFLICT), "busy")
    assert decide([contest], settled, ctx.sources) == []


def test_two_sources_that_both_slip_leave_the_contest_undecided_unless_one_clearly_more():
    # Two against one and three against one, in articles of one length: within what chance spreads
    # over two equally careful outlets (the margin is three slips).
    ctx = _ctx()
    for slips in (("harbur", "mastr"), ("harbur", "mastr", "inspecton")):
        settled = [_flag(ctx, "busy", w) for w in slips] + [_flag(ctx, "clean", "inspection")]
        contest = Contest(_flag(ctx, "busy", "said", kind=Kind.ATTRIBUTION_CONFLICT), "clean")
        assert decide([contest], settled, ctx.sources) == [], slips


def test_a_source_slipping_clearly_more_than_its_rival_carries_the_contested_flag():
    # Both slip, but one four times as often per word and three slips more: the rival having a slip
    # somewhere does not leave the contest open, and the message gives both counts.
    ctx = _ctx()
    settled = [_flag(ctx, "busy", w) for w in ("harbur", "mastr", "inspecton", "lest")]
    settled += [_flag(ctx, "clean", "inspection")]
    contest = Contest(_flag(ctx, "busy", "said", kind=Kind.ATTRIBUTION_CONFLICT), "clean")
    won = decide([contest], settled, ctx.sources)
    assert len(won) == 1
    assert "shows 4 other discrepancies" in won[0].message and "clean 1 (" in won[0].message
    reverse = Contest(_flag(ctx, "clean", "said", kind=Kind.ATTRIBUTION_CONFLICT), "busy")
    assert decide([reverse], settled, ctx.sources) == []


def _contests(texts):
    ctx = build(texts)
    flags = list(AttributionCheck().run(ctx))
    return ctx.contests, flags


def test_a_quote_two_sources_credit_to_two_people_is_a_contest_not_a_flag():
    contests, flags = _contests({
        "a": [LEAD, f'"{QUOTE}," said harbour master Tove Lindqvist.'],
        "b": [LEAD, f'"{QUOTE}," said ferry director Rasmus Ekholm.'],
    })
    assert not [f for f in flags if f.kind is Kind.ATTRIBUTION_CONFLICT]
    assert sorted((c.flag.source, c.rival) for c in contests) == [("a", "b"), ("b", "a")]


def test_one_person_romanised_otherwise_is_no_contest():
    # Two of three name words agree: one person in two spellings, not two people.
    contests, _ = _contests({
        "a": [LEAD, f'"{QUOTE}," said harbour master Tove Lindqvist Aaberg.'],
        "b": [LEAD, f'"{QUOTE}," said harbour master Tuve Lindkvist Åberg.'],
    })
    assert contests == []


def test_a_title_with_an_honorific_and_no_name_is_no_contest():
    contests, _ = _contests({
        "a": [LEAD, f'"{QUOTE}," said Director ji.'],
        "b": [LEAD, f'"{QUOTE}," said ferry director Rasmus Ekholm.'],
    })
    assert not [c for c in contests if c.flag.source == "a"]


def test_a_name_two_sources_spell_two_ways_is_a_contest_for_each_side():
    from srccompare.checks.names import NameCheck
    ctx = build({
        # (Not "Lindqvist" / "Lindkvist": a q with no u where the other writes k is the name's own
        # orthography, no slip, so that pair is no contest on the q side.)
        "a": [LEAD, "Harbour master Tove Lindholm said the inspection found cracks near the bow."],
        "b": [LEAD, "Harbour master Tove Lindhollm said the inspection found cracks near the bow."],
        "c": [LEAD, "The inspection found cracks near the bow, the harbour office said."],
    })
    NameCheck().run(ctx)
    assert sorted((c.flag.source, c.flag.text, c.rival) for c in ctx.contests) == [
        ("a", "Lindholm", "b"), ("b", "Lindhollm", "a")]


def test_a_name_against_a_dictionary_word_is_no_name_contest():
    # "Crystal" beside "Cristal": a name and its translation, not one name misspelt.
    from srccompare.checks.names import NameCheck
    ctx = build({
        "a": [LEAD, "The Cristal Ferry Union said the crews would be paid during the suspension."],
        "b": [LEAD, "The Crystal Ferry Union said the crews would be paid during the suspension."],
    })
    NameCheck().run(ctx)
    assert ctx.contests == []


def test_a_figure_only_two_sources_give_is_a_contest_when_nothing_in_the_story_settles_it():
    from srccompare.checks.numbers import NumberCheck
    ctx = build({
        "a": [LEAD, "The inspection found 14 cracked welds on the hull of the ferry."],
        "b": [LEAD, "The inspection found 41 cracked welds on the hull of the ferry."],
        "c": [LEAD, "The inspection found cracked welds on the hull of the ferry."],
    })
    list(NumberCheck().run(ctx))
    assert sorted((c.flag.source, c.flag.text, c.rival) for c in ctx.contests) == [
        ("a", "14", "b"), ("b", "41", "a")]


def _padded(n_words: int):
    """Two sources of which "busy" has about ``n_words`` words and one slip ("harbur")."""
    filler = "The ferry company said passengers could rebook at no cost on the next sailing."  # 14 words
    body = [LEAD, "The harbur master said the inspection would take two weeks at least."]
    body += [filler] * max(0, (n_words - 28) // 14)
    return build({"clean": [LEAD, "The harbour master said the inspection would take two weeks at least."], "busy": body})


def test_one_established_slip_in_a_short_article_decides_a_contest_but_not_in_a_long_one():
    # One settled slip in about 300 words (3.3 per thousand) is enough against a source with none;
    # in about 450 words (2.2 per thousand) it is one stray note.
    for n_words, decided in ((300, True), (450, False)):
        ctx = _padded(n_words)
        settled = [_flag(ctx, "busy", "harbur")]
        contest = Contest(_flag(ctx, "busy", "said", kind=Kind.ATTRIBUTION_CONFLICT), "clean")
        assert bool(decide([contest], settled, ctx.sources)) is decided, n_words
