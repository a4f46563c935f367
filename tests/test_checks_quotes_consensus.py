"""Session 9: a meaning that turned, seen through the other sources' renderings together.

A source that lines up with a quote and turns one of its words is only a one-against-one tie; a
second source that renders the quote too freely to line up but turns the same word makes it a
majority. A credit reached through a pronoun names no one for certain, so it does not make two
renderings another person's words. Two renderings of one compound ("stormwatch" / "the watch of
the storm") are one alternative. A negation in the object denies its verb ("signed nothing" /
"did not sign anything"); a connective carries the negation the other wording spells out ("until
it is safe" / "as long as it is not safe"); "one" after a denied verb is a figure. Invented story:
a ferry operator fined after a night crossing in a storm.
"""

from __future__ import annotations

from srccompare.checks.quotes import QuoteCheck, _denied, read_change
from srccompare.checks.speech import quote_words
from srccompare.models import Severity
from tests.discrepancy_story import build, check_offsets


def run(texts, groups=None):
    ctx = build(texts, groups)
    flags = list(QuoteCheck().run(ctx))
    check_offsets(ctx, flags)
    return ctx, flags


def flagged(ctx, flags, source):
    return [ctx.sources[f.source].text[f.start:f.end] for f in flags if f.source == source]


def whole(mine: str, theirs: str, places):
    """``read_change`` over the given places (each a pair of space-separated word lists) with both
    wordings known."""
    m, t = quote_words(mine), quote_words(theirs)
    ps = []
    for a, b in places:
        ps.append(([w for w in m if w.norm in a.split()], [w for w in t if w.norm in b.split()]))
    return read_change(ps, mine=[w.norm for w in m], theirs=[w.norm for w in t], mine_words=m, theirs_words=t)


INTRO = "The maritime authority fined the ferry operator after the storm crossing."
WIRE = ('"We accept the fine, but we will contest the report; our captain broke no rule on that crossing," '
        'operator chief Lena Haug said.')
FLIPPED = ('"We accept the fine, and we will not contest the report; our captain broke no rule on that crossing," '
           'said Lena Haug.')
# A translation worded too freely to line up with either, which still contests the report.
FREE = ('"The fine we take, but against the report of the authority we are going to contest in the court, '
        'because the captain of us did not break any rule in this crossing," Lena Haug told the local radio.')


def test_a_free_rendering_that_turns_the_same_word_makes_a_tie_a_majority():
    ctx, flags = run({"wire": [INTRO, WIRE], "weekly": [INTRO, FLIPPED], "mt": [INTRO, FREE]})
    assert flagged(ctx, flags, "weekly"), "the dropped appeal is seen by two renderings"
    f = next(f for f in flags if f.source == "weekly")
    assert "not contest" in ctx.sources["weekly"].text[f.start:f.end]
    assert f.severity == Severity.HIGH
    assert {e.source for e in f.evidence} == {"wire", "mt"}
    assert flagged(ctx, flags, "wire") == [] and flagged(ctx, flags, "mt") == []


def test_without_the_free_rendering_the_tie_stays_unsettled():
    ctx, flags = run({"wire": [INTRO, WIRE], "weekly": [INTRO, FLIPPED],
                      "blog": [INTRO, "The operator has thirty days to answer."]})
    assert flags == []


def test_a_free_rendering_that_keeps_the_word_does_not_vote_against():
    kept = FREE.replace("we are going to contest", "we are not going to contest")
    ctx, flags = run({"wire": [INTRO, WIRE], "weekly": [INTRO, FLIPPED], "mt": [INTRO, kept]})
    assert flagged(ctx, flags, "weekly") == []


def test_a_pronoun_credit_does_not_make_a_tie_another_persons_words():
    # The weekly's passage opens with another name, which its "she said" is resolved to; the
    # quote is still the operator chief's, and a blog's own sentence says she will contest it.
    wire = [INTRO, ("Operator chief Lena Haug spoke after the hearing.",
                    '"We accept the fine, but we will contest the report of the authority," Haug said.')]
    weekly = [INTRO, ("Harbour master Ivar Dahl said the report was clear. Operator chief Lena Haug answered him.",
                      '"We accept the fine, and we will not contest the report of the authority," she said.')]
    blog = [INTRO, "Lena Haug said the operator accepts the fine but will contest the report of the authority."]
    ctx, flags = run({"wire": wire, "weekly": weekly, "blog": blog})
    assert any("not contest" in t for t in flagged(ctx, flags, "weekly"))
    assert flagged(ctx, flags, "wire") == []


def test_a_negation_in_the_object_denies_its_verb():
    words = quote_words("the captain signed nothing before the crossing")
    denied = dict(zip((w.norm for w in words), _denied(words, "the captain signed nothing before the crossing")))
    assert denied["signed"] and not denied["captain"]
    # "not" before its verb does not reach back to the subject.
    text = "many passengers could not swim"
    words = quote_words(text)
    denied = dict(zip((w.norm for w in words), _denied(words, text)))
    assert denied["swim"] and not denied["passengers"]


def test_a_connective_carries_the_negation_the_other_spells_out():
    r = whole("no ferry sails until the wind is calm", "no ferry sails as long as the wind is not calm",
              [("until", "as long as"), ("", "not")])
    assert "polarity" not in r.changes
    r = whole("the crossing stops unless the wind drops", "the crossing stops if the wind does not drop",
              [("unless", "if"), ("drops", "does not drop")])
    assert "polarity" not in r.changes
    # Without the spelt-out opener the negation is one more: "until it is calm" / "it is not calm".
    r = whole("we wait until the wind is calm", "we wait and the wind is not calm",
              [("until", "and"), ("", "not")])
    assert "polarity" in r.changes


def test_one_after_a_denied_verb_is_a_figure():
    # "cannot pay one company's bill" denies the paying; "not one company" says "no company".
    r = whole("the state cannot pay the fuel bill for one company", "the state cannot pay one company's fuel bill",
              [("the", "one company"), ("for one company", "")])
    assert "number" not in r.changes


SHIPPERS = "Shippers met the operator on Monday."


def test_two_renderings_of_one_compound_make_one_alternative():
    # The weekly quotes "the storm", the wire prints the compound as one word ("stormwatch" /
    # "the watch of the storm" in the translation): the two agree against the weekly.
    wire = [SHIPPERS, '"This timetable is for the passengers, not for the stormwatch," Haug said.']
    mt = [SHIPPERS, '"This timetable is for the passengers, it is not for the watch of the storm," said Haug.']
    weekly = [SHIPPERS, '"This timetable is for the passengers, not for the harbour board," Haug said.']
    ctx, flags = run({"wire": wire, "mt": mt, "weekly": weekly})
    assert any("harbour board" in t for t in flagged(ctx, flags, "weekly"))
    assert flagged(ctx, flags, "wire") == []
