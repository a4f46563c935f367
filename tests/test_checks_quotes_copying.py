"""Session 9: a one-against-one tie settled by which source copies its quotes.

Where only one other source quotes a passage and the two contradict each other (a figure, a
negation), a third source's own sentence settles the side; failing that, the source that rewords
quotes the others agree on is the one that drifted. A source that words none of its shared quotes
as another source does, against one that prints a quote word for word as a third source does, is
a translation against a copy: the translation is flagged. Invented story: a ferry operator's new
boat on a coastal route.
"""

from __future__ import annotations

from srccompare.checks.quotes import QuoteCheck
from srccompare.models import Severity
from tests.discrepancy_story import build, check_offsets


def run(texts, groups=None):
    ctx = build(texts, groups)
    flags = list(QuoteCheck().run(ctx))
    check_offsets(ctx, flags)
    return ctx, flags


def flagged(ctx, flags, source):
    return [ctx.sources[f.source].text[f.start:f.end] for f in flags if f.source == source]


INTRO = "The coastal operator launched its new ferry on Friday."
FIGURE_WIRE = '"The new ferry will carry twelve hundred passengers on each crossing to the islands," Haug said.'
FIGURE_MT = '"The new ferry will carry nine hundred passengers on each crossing to the islands," said Haug.'
TEST_WIRE = '"We tested the engines for three weeks in rough water before the first trip," Haug said.'
TEST_MT = '"We made the test of the engines during three weeks in water that was rough before the first voyage," said Haug.'
CREW_WIRE = '"Every sailor on board has trained on the new bridge since the spring," Haug said.'
CREW_MT = '"Every sailor on board has trained on the new bridge since the spring," said Haug.'


def test_a_translation_against_a_copy_settles_a_changed_figure():
    ctx, flags = run({
        "wire": [INTRO, FIGURE_WIRE, TEST_WIRE, CREW_WIRE],
        "mt": [INTRO, FIGURE_MT, TEST_MT, "The ferry sails twice a day."],
        "weekly": [INTRO, "Tickets go on sale next week.", "The route opens in May.", CREW_WIRE],
    })
    assert flagged(ctx, flags, "mt") == ["nine"]
    assert flagged(ctx, flags, "wire") == []
    f = next(f for f in flags if f.source == "mt")
    assert f.severity == Severity.MEDIUM and f.expected == "twelve"


def test_a_source_that_copies_a_quote_too_is_no_translation():
    # The MT outlet prints the crew quote word for word, as the weekly does: nothing says which
    # of the two figures drifted.
    ctx, flags = run({
        "wire": [INTRO, FIGURE_WIRE, TEST_WIRE, CREW_WIRE],
        "mt": [INTRO, FIGURE_MT, TEST_MT, CREW_MT],
        "weekly": [INTRO, "Tickets go on sale next week.", "The route opens in May.", CREW_WIRE],
    })
    assert flags == []
