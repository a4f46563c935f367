"""quote_variant rules from the fifteenth author's meaning-keeping MT quotes, tested on an invented
story of a ferry operator's apology: a negation recast from a verb that carries it ("failed") to a
plain negator at another place ("left ... without") denies the same thing; words that say "another
one" ("other", "else", "another") render one another; a quote that keeps every content word of
the others' and only adds words beside them is another rendering (low), however many agree."""

from __future__ import annotations

from srccompare.checks.quotes import QuoteCheck, read_change
from srccompare.models import Kind
from tests.discrepancy_story import build, check_offsets


def run(texts, groups=None):
    ctx = build(texts, groups)
    flags = list(QuoteCheck().run(ctx))
    check_offsets(ctx, flags)
    assert all(f.kind is Kind.QUOTE_VARIANT for f in flags)
    return flags


FERRY = {
    "a": ['"We failed the passengers of Tiree this winter," operator chief Mairi Dunn said.', "Services resume on Monday."],
    "b": ['"We failed the passengers of Tiree this winter," Dunn said.', "Services resume on Monday."],
    "c": ['"We failed the passengers of Tiree this winter," said Dunn.', "Ferries sail again on Monday."],
}


def test_a_negation_recast_from_a_verb_to_a_negator_keeps_the_meaning():
    d = ['"We this winter left the passengers of Tiree without a ferry," said the chief Mairi Dunn.',
         "Ships go again on Monday."]
    flags = run(dict(FERRY, d=d))
    assert all(f.severity.value == "low" for f in flags if f.source == "d")


def test_a_verb_that_carries_a_negation_lost_with_nothing_in_its_place_is_a_reversal():
    texts = dict(FERRY, d=['"We helped the passengers of Tiree this winter," Dunn said.', "Services resume on Monday."])
    flags = run(texts)
    assert [f.source for f in flags] == ["d"] and flags[0].severity.value == "high"


def _words(text):
    from srccompare.checks.speech import quote_words
    return quote_words(text, 0)


def test_words_for_another_one_render_each_other():
    mine, theirs = _words("something other"), _words("something else")
    r = read_change([(mine[1:], theirs[1:])], mine=[w.norm for w in mine], theirs=[w.norm for w in theirs],
                    mine_words=mine, theirs_words=theirs)
    assert r.lost == 0 and r.far == 0
