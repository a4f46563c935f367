"""garbled_text: run-together, split and non-words, odd capitals, broken structure."""

from __future__ import annotations


import pytest

from checks_builder import assert_offsets_true, found, seeds_analysis, seeds_context, story
from srccompare.checks.garbles import GarbleCheck
from srccompare.models import Kind, Severity


def run(ctx):
    # As run_checks does: flags under the confidence floor are not reported.
    flags = [f for f in GarbleCheck().run(ctx) if f.confidence >= ctx.settings.min_confidence]
    assert all(f.kind is Kind.GARBLED_TEXT for f in flags)
    assert_offsets_true(ctx, flags)
    return flags


BASE = {
    "a": "Farmers protested against the trade deal in Brussels on Thursday.",
    "b": "Thousands of farmers protested against the trade deal in Brussels.",
    "c": "On Thursday farmers in Brussels protested against the trade deal.",
}


def with_d(text: str, **more):
    return story(dict(BASE, d=text, **more))


@pytest.mark.parametrize(
    "text, flagged, expected",
    [
        # Run together; the others print the two words.
        ("Farmers protested against thetrade deal in Brussels on Thursday.", "thetrade", "the trade"),
        # Split; the others print the whole word.
        ("Farmers prote sted against the trade deal in Brussels on Thursday.", "prote sted", "protested"),
        # A non-word close to the others' word.
        ("Farmers protested agianst the trade deal in Brussels on Thursday.", "agianst", "against"),
        # Capitals inside a word.
        ("Farmers protested against tHe trade deal in Brussels on Thursday.", "tHe", "the"),
        # No space after a full stop.
        ("Farmers protested in Brussels.They opposed the trade deal on Thursday.", "Brussels.They", "Brussels. They"),
        # A doubled word.
        ("Farmers protested against the the trade deal in Brussels on Thursday.", "the the", "the"),
    ],
)
def test_garbles_are_flagged_with_the_repair(text, flagged, expected):
    ctx = with_d(text)
    flags = run(ctx)
    assert found(flags, "d") == [("d", flagged, expected)]
    assert not found(flags, "a") and not found(flags, "b") and not found(flags, "c")


def test_evidence_points_at_the_others_rendering():
    flags = run(with_d("Farmers protested agianst the trade deal in Brussels on Thursday."))
    f = flags[0]
    assert f.severity is Severity.MEDIUM
    assert sorted(e.source for e in f.evidence) == ["a", "b", "c"]
    assert all(e.text == "against" for e in f.evidence)


def test_foreign_blend_joins_the_rare_word_it_belongs_to():
    texts = {
        "a": "The rules cover parcels below the value threshold, officials said.",
        "b": "Officials described the rules for parcels below the value threshold.",
        "c": "The rules, officials said, concern the value threshold for parcels.",
        "d": "Officials cited the policy onde minimis for parcels below the threshold.",
    }
    flags = run(story(texts))
    assert found(flags) == [("d", "onde minimis", "on de minimis")]


def test_odd_capital_on_an_ordinary_word_mid_sentence():
    texts = dict(BASE)
    texts["d"] = "The army answered the protest with Volleys of tear gas in Brussels."
    flags = run(story(texts))
    assert found(flags) == [("d", "Volleys", "volleys")]
    assert flags[0].severity is Severity.LOW


def test_lost_subject_after_a_reporting_verb():
    flags = run(with_d("The minister said will meet the farmers in Brussels on Thursday."))
    assert found(flags) == [("d", "said will", "said [subject] will")]
    assert flags[0].severity is Severity.LOW


@pytest.mark.parametrize(
    "text",
    [
        # Names, including an unknown one only this source prints.
        "Farmers led by Zbigniew Wrzosek protested against the trade deal in Brussels.",
        # Acronyms, numbers, URLs, e-mail addresses, hashtags.
        "About 2,500 farmers from COPA-COGECA protested; see https://example.org/farmers or mail press@copa.eu #farmers.",
        # A rare but real word another source uses.
        "Farmers protested against the trade deal in Brussels amid a tractor cavalcade.",
        # A house-style capital on an institutional word, a multi-word name, a month.
        "Farmers protested outside the European Commission and Western embassies in January.",
        # Legitimate doubles and headline-free prose.
        "What the farmers had had enough of, they said, was the trade deal.",
        # Foreign words at home in English prose.
        "The protest was a cri de coeur against the trade deal, a détente seemed far off.",
        # A hyphenated compound.
        "Farmers protested against the long-awaited trade deal in Brussels.",
        # A sentence that reports speech with a subject.
        "The minister said she will meet the farmers in Brussels.",
    ],
)
def test_clean_text_is_not_flagged(text):
    ctx = with_d(text, e="A tractor cavalcade blocked the roads near the summit.")
    assert found(run(ctx), "d") == []


def test_ids_are_stable_and_offsets_true():
    text = "Farmers protested against thetrade deal in Brussels on Thursday."
    a = run(with_d(text))
    b = run(with_d(text, e="Police watched as farmers protested against the trade deal."))
    assert [f.id for f in a] == [f.id for f in b if f.source == "d"]


@pytest.fixture(scope="module")
def seed_flags():
    ctx = seeds_context()
    return run(ctx), seeds_analysis().flags


def test_seeds_garbles(seed_flags):
    flags, final = seed_flags
    got = {(f.source[:3], f.text): f for f in flags}
    assert got[("002", "onde minimis")].expected == "on de minimis"
    assert ("002", "onde minimis", Kind.GARBLED_TEXT) in {(f.source[:3], f.text, f.kind) for f in final}


def test_seeds_clean_sources_get_at_most_a_couple_of_low_flags(seed_flags):
    flags, _ = seed_flags
    for src in ("000", "003"):
        mine = [f for f in flags if f.source[:3] == src]
        assert len(mine) <= 2 and all(f.severity is Severity.LOW for f in mine), mine


@pytest.mark.parametrize(
    "text",
    [
        # A possessive of a name the story uses, opening a sentence.
        "Castellan's board protested against the trade deal in Brussels on Thursday.",
        # A capital after a dateline dash opens the story.
        "BRUSSELS, Nov 12 - Farmers protested against the trade deal in Brussels.",
        # An unknown capitalised compound is more likely a name than two words run together.
        "Farmers from Northfield protested against the trade deal in Brussels.",
    ],
)
def test_names_possessives_and_datelines_are_not_garbled(text):
    ctx = with_d(text, e="The Castellan group backs the farmers; Castellan said so on Friday.")
    assert found(run(ctx), "d") == []


@pytest.mark.parametrize(
    "text, flagged, expected",
    [
        # Run together; unknown word, one common half and one rarer real word.
        ("Farmers protested against the trade deal wearing activitybracelets in Brussels.",
         "activitybracelets", "activity bracelets"),
        # The last part of a hyphenated compound run into the next word.
        ("Farmers protested against the five-yeartrade deal in Brussels on Thursday.",
         "five-yeartrade", "five-year trade"),
        # A capitalised word run into the next, which the others print as two words.
        ("Farmers protested against the Europeantrade deal in Brussels on Thursday.",
         "Europeantrade", "European trade"),
        # An inflected ordinary word capitalised inside a sentence.
        ("On Thursday the farmers Protested against the trade deal in Brussels.", "Protested", "protested"),
    ],
)
def test_more_garbles(text, flagged, expected):
    texts = dict(BASE)
    texts["c"] = "On Thursday farmers in Brussels protested against the European trade deal."
    texts["e"] = "Farmers protested against the European trade deal in Brussels."
    texts["d"] = text
    assert found(run(story(texts)), "d") == [("d", flagged, expected)]


def test_group_counts_less_one_source_equal_a_recount():
    # What a passage's counterparts print is counted once per group and one source's share taken
    # out (garbles._Others); it must equal counting the other sources' sampled passages afresh,
    # also for a source with two passages in the group and one outside the sample.
    from collections import Counter

    from srccompare.checks.garbles import _MAX_COUNTERPARTS, _Others
    from srccompare.checks.lexicon import norm_of, panel, passage_tokens

    n = _MAX_COUNTERPARTS + 4
    texts = {f"s{k:02d}": f"Farmers protested against the trade deal in Brussels on day {k}. "
                          f"Officials said the the talks {'went well' if k % 3 else 'stalled badly'}."
             for k in range(n)}
    texts["s00"] = "Farmers protested against the trade deal.\nThey marched on the Commission headquarters."
    groups = [[(s, 0) for s in texts] + [(s, 1) for s in texts]]
    ctx = story(texts, groups)
    group = ctx.alignment.groups[0]
    sampled = {q.source for q in panel(group, _MAX_COUNTERPARTS + 1, {})}
    assert len(sampled) < len(texts)  # some sources stand outside the sample
    others = _Others(ctx, group, {})
    for source in texts:
        view = others.without(source)
        expect = [q for q in panel(group, _MAX_COUNTERPARTS + 1, {}) if q.source != source]
        assert [q.id for q, _, _ in view.counterparts] == [q.id for q in expect]
        words, lower, bigrams = Counter(), set(), set()
        for q in expect:
            lows = [t.text.lower() for t in passage_tokens(ctx, q)]
            words.update(set(lows))
            lower.update(norm_of(t.text) for t in passage_tokens(ctx, q) if t.text[:1].islower())
            bigrams.update(zip(lows, lows[1:]))
        assert view.sorted_words() == sorted(words)
        assert all(view.words.count(w) == c for w, c in words.items())
        assert view.words.count("nowhere") == 0
        every = {norm_of(t.text) for q in group.passages for t in passage_tokens(ctx, q)}
        assert {w for w in every if w in view.lower} == lower
        pairs = {(a, b) for a in words for b in words}
        assert {b for b in pairs if b in view.bigrams} == bigrams
