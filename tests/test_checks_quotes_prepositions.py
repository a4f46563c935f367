"""One preposition put for another at one place of a quote the others print alike (session 20):
"no danger for the coasts" / "no danger to the coasts". Which preposition goes with a verb or a
noun is each language's own rule, and a translation renders it as its own language does; what
the speaker said does not change, so it is no other wording. An article or a preposition added
or left out stays a low flag (tests/test_checks_quotes.py), and a closed-class word that carries
meaning (a modal) still counts. Invented story: a school's new roof in a valley town."""

from __future__ import annotations

from srccompare.checks.quotes import MINOR, Reading, _preposition_for_preposition, QuoteCheck
from srccompare.checks.speech import quote_words
from tests.discrepancy_story import run_check


def run(texts):
    return run_check(QuoteCheck(), texts)


def flagged(ctx, flags, source):
    return [ctx.sources[f.source].text[f.start:f.end] for f in flags if f.source == source]


LEAD = "The valley school will get a new roof before the winter."
QUOTE = "The money for school roofs was promised three years ago and it will arrive this autumn"


def story(mt_quote):
    return run({
        "wire": [LEAD, f'"{QUOTE}," mayor Ana Lobo said.'],
        "local": [LEAD, f'"{QUOTE}," said mayor Ana Lobo.'],
        "mt": [LEAD, f'"{mt_quote}," declared the mayor Ana Lobo.'],
    })


def test_a_preposition_put_for_another_is_no_other_wording():
    ctx, flags = story(QUOTE.replace("money for school", "money of school"))
    assert flagged(ctx, flags, "mt") == []


def test_an_article_added_is_still_a_low_flag():
    ctx, flags = story(QUOTE.replace("for school", "for the school"))
    assert [f.severity.value for f in flags if f.source == "mt"] == ["low"]


def test_a_modal_put_for_another_is_still_flagged():
    ctx, flags = story(QUOTE.replace("it will arrive", "it would arrive"))
    assert flagged(ctx, flags, "mt")


def test_a_preposition_changed_beside_another_change_is_still_flagged():
    ctx, flags = story(QUOTE.replace("money for school", "money of school").replace("three years", "two years"))
    assert flagged(ctx, flags, "mt")


KEPT = Reading(changes=frozenset(), paraphrase=False, lost=0, places=1)


def test_preposition_for_preposition_only_at_one_place():
    frags = [quote_words("no danger for the coasts", 0)]
    assert _preposition_for_preposition(KEPT, [(0, 2, (MINOR, "", "to"))], frags)
    # an article for a preposition, a preposition added, or a second place: not this rule
    assert not _preposition_for_preposition(KEPT, [(0, 2, (MINOR, "", "the"))], frags)
    assert not _preposition_for_preposition(KEPT, [(0, 2, (MINOR, ""))], frags)
    assert not _preposition_for_preposition(KEPT, [(0, 2, (MINOR, "", "to")), (0, 3, (MINOR, "", "a"))], frags)
