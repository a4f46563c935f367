"""One source against one, reworded (session 11): where only one other source quotes a passage
and the two put different words of content in one place ("repaired" / "warned about"), with no
negation or figure to make a tie, the would-be flag of each side is a contest
(``CheckContext.contests``), decided after every check from what the two sources show elsewhere
(``checks.contests``). What a translation makes of the same words, a quote cut shorter and a
quote one source alone prints are no contest. Invented story: a lighthouse on a rocky island."""

from __future__ import annotations

from srccompare.checks.quotes import QuoteCheck
from tests.discrepancy_story import run_check

LEAD = "The lighthouse on Skarvøy was closed after the storm."


def _run(texts):
    return run_check(QuoteCheck(), texts)


def _contests(ctx):
    return sorted((c.flag.source, ctx.sources[c.flag.source].text[c.flag.start:c.flag.end], c.flag.expected, c.rival)
                  for c in ctx.contests)


def test_a_word_of_content_put_for_another_is_a_contest_for_each_side():
    ctx, flags = _run({
        "wire": [LEAD, '"The storm found a crack in the tower that we had warned about two years ago," keeper Ola Dahl said.'],
        "mt": [LEAD, '"The storm found a crack in the tower that we had repaired two years ago," said keeper Ola Dahl.'],
    })
    assert flags == []
    # Each flag marks the quoted sentence, as a word swap found by a majority does.
    assert [(src, "repaired" in text, "warned about" in expected, rival) for src, text, expected, rival in _contests(ctx)] \
        == [("mt", True, True, "wire"), ("wire", False, False, "mt")]
    assert "warned about" in _contests(ctx)[1][1] and "repaired" in _contests(ctx)[1][2]


def test_a_third_source_quoting_it_as_one_side_is_a_vote_not_a_contest():
    wire = '"The storm found a crack in the tower that we had warned about two years ago," keeper Ola Dahl said.'
    ctx, flags = _run({
        "wire": [LEAD, wire],
        "mt": [LEAD, '"The storm found a crack in the tower that we had repaired two years ago," said keeper Ola Dahl.'],
        "daily": [LEAD, wire],
    })
    assert ctx.contests == []
    assert [(f.source, "repaired" in ctx.sources[f.source].text[f.start:f.end]) for f in flags] == [("mt", True)]


def test_a_synonym_is_no_contest():
    ctx, flags = _run({
        "wire": [LEAD, '"The storm found a crack in the tower and the repair will take a long time," keeper Ola Dahl said.'],
        "mt": [LEAD, '"The storm found a fissure in the tower and the repair will take a long time," said keeper Ola Dahl.'],
    })
    assert ctx.contests == []


def test_a_word_left_out_is_no_contest_against_the_shorter_quote():
    ctx, _ = _run({
        "wire": [LEAD, '"The storm found a crack in the tower of the old lighthouse at the harbour," keeper Ola Dahl said.'],
        "mt": [LEAD, '"The storm found a crack in the tower of the lighthouse at the harbour," said keeper Ola Dahl.'],
    })
    assert not [c for c in ctx.contests if c.flag.source == "mt"]


def test_a_rendering_that_keeps_the_words_in_other_forms_is_no_contest():
    # "fully booked all weekend" / "full all the weekend": the other's words in other forms,
    # nothing of it lost; a second translation, not a misquote.
    ctx, _ = _run({
        "wire": [LEAD, '"Guest houses in the village were almost fully booked all weekend by the repair crews," keeper Ola Dahl said.'],
        "mt": [LEAD, '"Guest houses in the village were almost full all the weekend with the repair crews," said keeper Ola Dahl.'],
    })
    assert ctx.contests == []


def test_a_name_spelt_otherwise_is_no_contest():
    ctx, _ = _run({
        "wire": [LEAD, '"The storm found a crack in the tower that faces Skarvøy harbour and the rocks," keeper Ola Dahl said.'],
        "mt": [LEAD, '"The storm found a crack in the tower that faces Skarvoey harbour and the rocks," said keeper Ola Dahl.'],
    })
    assert ctx.contests == []


def test_a_third_quote_that_stops_short_of_the_place_leaves_a_contest():
    # "daily" quotes the sentence only up to "the tower": it says nothing about "repaired" /
    # "warned about", so the two that word the place are still one source against one.
    ctx, flags = _run({
        "wire": [LEAD, '"The storm found a crack in the tower that we had warned about two years ago," keeper Ola Dahl said.'],
        "mt": [LEAD, '"The storm found a crack in the tower that we had repaired two years ago," said keeper Ola Dahl.'],
        "daily": [LEAD, 'Keeper Ola Dahl said: "The storm found a crack in the tower." The island was evacuated.'],
    })
    assert flags == []
    assert [(src, rival) for src, _, _, rival in _contests(ctx)] == [("mt", "wire"), ("wire", "mt")]


def test_a_third_quote_that_does_not_line_up_leaves_a_contest():
    ctx, flags = _run({
        "wire": [LEAD, '"The storm found a crack in the tower that we had warned about two years ago," keeper Ola Dahl said.'],
        "mt": [LEAD, '"The storm found a crack in the tower that we had repaired two years ago," said keeper Ola Dahl.'],
        "daily": [LEAD, '"Nobody will sleep in the keeper\'s house before the spring," keeper Ola Dahl said.'],
    })
    assert flags == []
    assert [(src, rival) for src, _, _, rival in _contests(ctx)] == [("mt", "wire"), ("wire", "mt")]


def test_a_denial_in_a_rewording_that_keeps_every_word_is_a_contest():
    # "will manage to pay back" / "can never pay back": every content word of the other's is here
    # in some form, as in a second translation, but one of the two denies what the other affirms.
    ctx, flags = _run({
        "wire": [LEAD, '"The harbour board is taking a loan it can never pay back, and the fishermen will carry the '
                       'cost," keeper Ola Dahl said.'],
        "mt": [LEAD, '"The harbour board takes a loan that it will manage to pay back, and the fishermen will carry '
                     'the cost," said keeper Ola Dahl.'],
    })
    assert flags == []
    assert ("mt", "wire") in [(src, rival) for src, _, _, rival in _contests(ctx)]
