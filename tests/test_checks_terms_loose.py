"""term_variant with the alignment's extra passes on: ``Group.loose`` members (a reworded sentence
joined to a group by its place, names and figures). Invented stories, not the quality cases'
wording."""

from __future__ import annotations

from dataclasses import replace

from checks_builder import assert_offsets_true, story
from srccompare.checks.base import CheckContext
from srccompare.checks.terms import TermCheck
from srccompare.checks.terms.words import _alone, _heard
from srccompare.models import Kind


def run(ctx, *, floor: bool = True):
    flags = [f for f in TermCheck().run(ctx) if not floor or f.confidence >= ctx.settings.min_confidence]
    assert all(f.kind is Kind.TERM_VARIANT for f in flags)
    assert_offsets_true(ctx, flags)
    return flags


def seen(flags):
    return [(f.source, f.text, f.expected, f.severity.value, f.message) for f in flags]


def with_loose(ctx: CheckContext, loose_ids: set[str]) -> CheckContext:
    """The same story with ``loose_ids`` marked as members the alignment's extra passes added."""
    groups = tuple(replace(g, loose=tuple(p.id for p in g.passages if p.id in loose_ids))
                   for g in ctx.alignment.groups)
    return CheckContext(sources=ctx.sources, alignment=replace(ctx.alignment, groups=groups), settings=ctx.settings)


# --- a loose member is checked as the unaligned passage it was with the passes off ----------------

SPILL = {
    "a": "A chemical spill from a tannery polluted the Varde river last week. Rangers have counted 43 dead "
         "otters along the river since Friday, the park authority said. Anglers were told to stay away.",
    "b": "A chemical spill from a tannery polluted the Varde river last week. The park authority said rangers "
         "had counted 43 dead otters along the river since Friday. Anglers were told to stay away.",
    "c": "A chemical spill from a tannery polluted the Varde river last week. Since Friday rangers have found "
         "43 dead otters along the river. Anglers were told to stay away.",
    "d": "A chemical spill from a tannery polluted the Varde river last week. Since Friday the rangers have "
         "registered 43 dead beavers on the shores of the river, informs the park authority. Anglers were "
         "told to stay away.",
}
# With the passes off, d's reworded second sentence is left alone.
SPILL_ALONE = [[(s, 0) for s in "abcd"], [(s, 1) for s in "abc"], [(s, 2) for s in "abcd"]]


def test_loose_member_is_checked_like_an_unaligned_passage():
    alone = run(story(SPILL, groups=SPILL_ALONE), floor=False)
    assert [(f.source, f.expected) for f in alone] == [("d", "otters")]
    loose = run(with_loose(story(SPILL), {"d:1"}), floor=False)
    assert seen(loose) == seen(alone)


def test_alone_lists_unaligned_passages_and_loose_members_in_passage_order():
    ctx = with_loose(story(SPILL, groups=[[(s, 0) for s in "abcd"], [(s, 1) for s in "abcd"]]), {"d:1", "a:1"})
    assert [p.id for p in _alone(ctx)] == ["a:1", "a:2", "b:2", "c:2", "d:1", "d:2"]


def test_heard_counts_firm_members_only_and_not_those_printing_the_word():
    ctx = with_loose(story(SPILL), {"d:1", "b:1"})
    g = ctx.group_of["a:1"]
    says = lambda q: "otters" in q.text
    # c is firm and prints the word: a witness; b and d are loose: witnesses story-wide as before.
    assert _heard(g, "a:1", lambda q: False) == {"a", "c"}
    assert _heard(g, "a:1", says) == set()
    # A passage that is itself loose was heard by nobody.
    assert _heard(g, "d:1", lambda q: False) == set()
    assert _heard(None, "a:1", says) == set()


def test_a_loose_member_is_never_lent_as_a_borrowed_counterpart():
    from srccompare.checks.terms.consensus import _firm_panel

    ctx = with_loose(story(SPILL), {"d:1"})
    g = ctx.group_of["a:1"]
    assert [p.id for p in _firm_panel(g, {})] == ["a:1", "b:1", "c:1"]
    assert [p.id for p in _firm_panel(story(SPILL).group_of["a:1"], {})] == ["a:1", "b:1", "c:1", "d:1"]


def test_a_loose_sentence_pins_no_use_of_a_word():
    # d prints 'otters' where the others do too: firmly aligned, that shows d uses the word for
    # the same thing as they do; joined by its place alone, it shows nothing (as when alone).
    from srccompare.checks.base import make_flag
    from srccompare.checks.terms.severity import _distinguished
    from srccompare.checks.terms.words import _content_words
    from srccompare.models import Severity

    texts = dict(SPILL, d=SPILL["d"].replace("beavers", "otters"))
    for loose, expected in ((set(), True), ({"d:1"}, False)):
        ctx = with_loose(story(texts), loose)
        words, _seqs = _content_words(ctx)
        start = texts["d"].index("Anglers")
        f = make_flag(ctx, kind=Kind.TERM_VARIANT, source="d", start=start, end=start + 7, expected="Fishers",
                      severity=Severity.MEDIUM, confidence=0.6, group=None, message="m", evidence=[])
        own = [p for p in ctx.alignment.passages if p.source == "d"]
        assert _distinguished(ctx, words, own, f, {"otter"}) is expected
