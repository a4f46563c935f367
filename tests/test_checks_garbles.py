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


# --- Session 2: institutions named short, names vs words, cut sentences, evidence anywhere ------
# An invented story (a bridge closed in a river town), unrelated to the quality cases' wording.

BRIDGE = {
    "a": "The Varnholm bridge was closed on Tuesday after inspectors found cracks in two piers, the city said.",
    "b": "Inspectors found cracks in two piers of the Varnholm bridge, which the city closed on Tuesday.",
    "c": "The city closed the Varnholm bridge on Tuesday when inspectors found cracks in its piers.",
}


def bridge(d: str, **more) -> list:
    return run(story(dict(BRIDGE, d=d, **more)))


@pytest.mark.parametrize(
    "d, more",
    [
        # A newspaper and a parliament named short after "the", ending their phrase.
        ("Inspectors found cracks in two piers, the mayor told the Chronicle on Tuesday.", {}),
        ("The city closed the bridge on Tuesday and reported the cracks to the Assembly.", {}),
        # A word the story prints inside a multi-word name ("Ministry of Transport") used alone.
        ("The minister of Transport, Ines Halvorsen, closed the Varnholm bridge on Tuesday.",
         {"e": "The bridge falls under the Ministry of Transport, which sent inspectors on Tuesday."}),
        # ... or capitalised before another capitalised word, opening a sentence elsewhere.
        ("The minister of Transport, Ines Halvorsen, closed the Varnholm bridge on Tuesday.",
         {"e": "Transport Minister Ines Halvorsen said the city closed the bridge on Tuesday."}),
        # A movement's adherent, capitalised by house style.
        ("The Varnholm bridge, the work of the city's best-known Modernist, was closed on Tuesday.", {}),
    ],
)
def test_institutions_and_movements_named_short_are_not_odd_capitals(d, more):
    assert found(bridge(d, **more), "d") == []


def test_the_others_lower_case_in_the_same_phrase_keeps_the_capital_a_slip():
    # "the Piers." where the aligned sources print "the piers": an ordinary noun after all.
    texts = dict(BRIDGE)
    texts["a"] = "The city closed the Varnholm bridge on Tuesday after inspectors checked the piers."
    texts["d"] = "The city closed the Varnholm bridge on Tuesday after inspectors checked the Piers."
    flags = run(story(texts))
    assert found(flags, "d") == [("d", "Piers", "piers")]
    assert [e.text for e in flags[0].evidence] == ["piers"] * 3  # the lower-case rendering, not "Piers"


def test_a_misspelt_weekday_capitalised_mid_sentence_is_garbled():
    flags = bridge("The city said the Varnholm bridge would reopen on Wendesday after repairs to the piers.",
                   e="Repairs to the piers will take until Wednesday, the city said of the Varnholm bridge.")
    assert found(flags, "d") == [("d", "Wendesday", "Wednesday")]
    assert [e.text for e in flags[0].evidence] == ["Wednesday"]


def test_a_misspelt_ordinary_word_capitalised_mid_sentence_is_garbled():
    texts = {
        "a": "The government closed the Varnholm bridge after inspectors found cracks.",
        "b": "Inspectors found cracks, and the government closed the Varnholm bridge.",
        "c": "After inspectors found cracks the government shut the Varnholm bridge.",
        "d": "Inspectors found cracks and the Goverment closed the Varnholm bridge.",
    }
    assert found(run(story(texts)), "d") == [("d", "Goverment", "Government")]


def test_a_misspelt_name_is_the_name_checks_business():
    # Opening a sentence, "Okonkow" is one edit from "Okonkwo", which the story uses only as a name.
    flags = bridge("Okonkow, the chief inspector, said the cracks in the piers of the Varnholm bridge were deep.",
                   e="Chief inspector Ada Okonkwo said the cracks were deep; Okonkwo ordered the closure.",
                   f="The cracks were deep, said chief inspector Okonkwo.")
    assert found(flags, "d") == []


@pytest.mark.parametrize(
    "d, flagged, expected",
    [
        # A possessive whose base is two words run together.
        ("Inspectors found cracks in thecity's bridge over the river on Tuesday.", "thecity's", "the city's"),
        # Capitals inside a word, though the others print the word capitalised ("Varnholm Bridge").
        ("The city closed the VArnholm bridge on Tuesday after inspectors found cracks.", "VArnholm", "Varnholm"),
    ],
)
def test_more_garbles_in_another_story(d, flagged, expected):
    texts = dict(BRIDGE)
    texts["e"] = "The Varnholm Bridge, the city's oldest, stays closed; the city's engineers agree."
    texts["d"] = d
    assert found(run(story(texts)), "d") == [("d", flagged, expected)]


def test_a_sentence_cut_off_before_its_object():
    texts = {
        "a": "The city will spend 12 million euros on repairs by 2027, the mayor said.",
        "b": "Repairs will cost 12 million euros and should be finished by 2027.",
        "c": "The mayor said the city would spend 12 million euros on repairs.",
        "d": "The mayor said the work should be finished by.",
    }
    flags = run(story(texts))
    assert found(flags, "d") == [("d", "be finished by", "be finished by 2027")]
    assert [(e.source, e.text) for e in flags[0].evidence] == [("b", "be finished by 2027")]


@pytest.mark.parametrize(
    "d",
    [
        # English ends sentences on a preposition, and the others do too here.
        "It was the outcome the residents had hoped for.",
        # A preposition the others do not continue.
        "The residents said it was the outcome they had asked for.",
    ],
)
def test_sentences_ending_on_a_preposition_like_the_others_are_not_cut(d):
    texts = {
        "a": "Reopening the bridge was the outcome the residents had hoped for.",
        "b": "The residents had hoped for a quick repair, and it was the outcome they had hoped for.",
        "c": "For the residents it was the outcome they had hoped for.",
        "d": d,
    }
    assert found(run(story(texts)), "d") == []


def test_a_sentence_ending_on_an_article_is_cut():
    assert found(bridge("Inspectors found cracks in two piers of the Varnholm bridge and closed the."), "d") == \
        [("d", "the", "the …")]


@pytest.mark.parametrize(
    "d, flagged",
    [
        ("Okonkwo, who 52 years old, has inspected the Varnholm bridge since Tuesday.", "who 52 years old"),
        ("The Varnholm bridge, which 300 metres long, was closed on Tuesday by the city.", "which 300 metres long"),
    ],
)
def test_a_relative_clause_missing_its_verb(d, flagged):
    flags = bridge(d)
    assert [f.text for f in flags if f.source == "d"] == [flagged]


@pytest.mark.parametrize(
    "d",
    [
        "The Varnholm bridge, which is 300 metres long, was closed on Tuesday by the city.",
        "The city named the piers which 12 inspectors had checked on Tuesday.",
    ],
)
def test_relative_clauses_with_their_verb_are_clean(d):
    assert found(bridge(d), "d") == []


def test_a_flag_in_a_passage_that_did_not_align_gets_evidence_from_the_story():
    texts = {
        "a": "The city closed the Varnholm bridge on Tuesday. Ferries will carry commuters across the river until March.",
        "b": "Inspectors found cracks in the Varnholm bridge. Commuters will cross the river by ferry until March.",
        "c": "The Varnholm bridge is closed. Until March, ferries will carry commuters across the river.",
        "d": "The city closed the Varnholm bridge. Ferries will carry comuters acrossthe river until March.",
    }
    # Only the first sentences align: the second sentence of "d" has no aligned counterpart.
    groups = [[("a", 0), ("b", 0), ("c", 0), ("d", 0)], [("a", 1), ("b", 1), ("c", 1)]]
    flags = run(story(texts, groups))
    got = {f.text: f for f in flags if f.source == "d"}
    assert set(got) == {"comuters", "acrossthe"}
    # The repaired word or phrase where the other sources print it...
    assert {(e.source, e.text) for e in got["comuters"].evidence} == {("a", "commuters"), ("b", "Commuters"),
                                                                    ("c", "commuters")}
    assert {(e.source, e.text) for e in got["acrossthe"].evidence} == {("a", "across the"), ("c", "across the")}
    assert all(f.group is None for f in got.values())


def test_evidence_falls_back_to_the_passages_in_the_same_company():
    # Nobody prints the repaired phrase: the evidence is the other sources' passages sharing the
    # most of the flagged sentence's words (ferries, commuters, river, March), not one that shares
    # a single word ("mayor").
    texts = {
        "a": "The city closed the Varnholm bridge on Tuesday. Ferries will carry commuters over the river until March.",
        "b": "Inspectors found cracks in the Varnholm bridge. The mayor apologised to residents.",
        "c": "The Varnholm bridge is closed. Until March, ferries will take commuters over the river.",
        "d": "The city closed the Varnholm bridge. The mayor said will run ferries for commuters over the river until March.",
    }
    groups = [[("a", 0), ("b", 0), ("c", 0), ("d", 0)]]
    flags = [f for f in run(story(texts, groups)) if f.source == "d"]
    assert [f.text for f in flags] == ["said will"]
    assert sorted(e.source for e in flags[0].evidence) == ["a", "c"]
    assert all(e.text.startswith(("Ferries", "Until March")) for e in flags[0].evidence)


def test_no_evidence_rather_than_passages_sharing_only_the_storys_own_words():
    # Every source says "Varnholm bridge", "ferries", "commuters": words that place nothing. A
    # passage sharing only those is not where the others print the flagged words, so the flag
    # shows no counterpart instead of a misleading one.
    texts = {
        "a": "The Varnholm bridge closed. Ferries carry commuters to the old harbour on weekdays.",
        "b": "The Varnholm bridge is shut. Ferries take commuters across, the council said.",
        "c": "Ferries and commuters: the Varnholm bridge closure explained by engineers.",
        "d": "The Varnholm bridge closed. The toll rebate for ferries and commuters onde statute stays.",
    }
    groups = [[("a", 0), ("b", 0), ("d", 0)]]
    flags = [f for f in run(story(texts, groups)) if f.source == "d" and "onde" in f.text]
    assert flags and flags[0].evidence == ()


def test_a_word_no_dictionary_lists_run_together_where_the_story_prints_two_words():
    # "thecity" is in the frequency list (web junk) but no dictionary: the story's "the city" decides.
    texts = dict(BRIDGE)
    texts["d"] = "Divers checked the piers, thecity said on Tuesday."
    flags = run(story(texts, [[("a", 0), ("b", 0), ("c", 0)]]))
    assert found(flags, "d") == [("d", "thecity", "the city")]
    assert {e.text.lower() for e in flags[0].evidence} == {"the city"}


def test_run_together_repair_follows_what_the_others_print():
    texts = dict(BRIDGE)
    texts["e"] = "Divers from two fire brigade boats checked the piers of the Varnholm bridge."
    texts["d"] = "Divers from two firebrigadeboats checked the piers, the city said."
    flags = run(story(texts, [[("a", 0), ("b", 0), ("c", 0)]]))
    assert found(flags, "d") == [("d", "firebrigadeboats", "fire brigade boats")]


def test_a_closed_compound_of_content_words_is_no_run_together():
    # "steelworkers" where another source prints "steel workers": a compound spelling, not a slip.
    texts = dict(BRIDGE)
    texts["e"] = "Steel workers from the plant repaired the piers of the Varnholm bridge."
    texts["d"] = "Inspectors and steelworkers checked the piers, the city said."
    assert found(run(story(texts, [[("a", 0), ("b", 0), ("c", 0)]])), "d") == []


def test_a_misspelt_possessive_is_repaired_whole():
    texts = dict(BRIDGE)
    texts["e"] = "The inspectors' report reached the council chamber on Tuesday, the city said."
    texts["f"] = "Members of the council chamber read the report on the Varnholm bridge."
    texts["d"] = "The inspectors' report on the cracks reached the chambeer's members on Tuesday."
    assert found(run(story(texts)), "d") == [("d", "chambeer's", "chamber's")]


def test_a_lower_cased_misspelt_name_is_still_garbled():
    # The name check reads capitalised names only; a lower-cased misspelling is left to garbles.
    texts = dict(BRIDGE)
    texts["e"] = "Engineers from Varnholm and Hamburg inspected the bridge; Hamburg sent divers."
    texts["f"] = "Divers from Hamburg checked the piers of the bridge."
    texts["d"] = "Divers from hambrug checked the piers of the Varnholm bridge on Tuesday."
    assert found(run(story(texts)), "d") == [("d", "hambrug", "hamburg")]


def test_a_misspelt_word_inside_a_name_of_several_words_is_left_to_the_name_check():
    texts = {
        "a": "The closure was reported by the Varnholm Evening Gazette and the local radio on Tuesday.",
        "b": "The Varnholm Evening Gazette reported the closure of the bridge on Tuesday.",
        "c": "Local radio and the Varnholm Evening Gazette reported on Tuesday that the bridge was closed.",
        "d": "The Varnholm Evening Gazete reported on Tuesday that the bridge was closed.",
    }
    assert found(run(story(texts)), "d") == []


@pytest.mark.parametrize(
    "d",
    [
        # A ministry's portfolio after "of", as translations from Romance languages print it.
        "The minister of Transports, Ines Halvorsen, closed the Varnholm bridge on Tuesday.",
        # Name particles of other languages inside a name.
        "Union leader De la Vega said the city closed the Varnholm bridge on Tuesday.",
        # A word made with a prefix is no run-together, and another inflection no misspelling.
        "The city reinspects the piers of the Varnholm bridge after the cracks were found.",
    ],
)
def test_portfolios_particles_and_prefixed_words_are_clean(d):
    texts = dict(BRIDGE, e="Engineers will reinspect the Varnholm bridge, the city said.")
    assert found(run(story(dict(texts, d=d))), "d") == []


def test_a_capital_the_story_prints_only_in_lower_case_is_a_slip_even_unaligned():
    # "the Piers had" goes on (no short name); the story prints "piers" in lower case elsewhere.
    texts = dict(BRIDGE)
    texts["d"] = "Divers found on Tuesday that the Piers had shifted under the Varnholm bridge."
    flags = run(story(texts, [[("a", 0), ("b", 0), ("c", 0)]]))
    assert found(flags, "d") == [("d", "Piers", "piers")]


def test_a_capitalised_non_word_of_two_story_words_run_together():
    texts = dict(BRIDGE)
    texts["e"] = "A regional fund will pay for the repairs; the grant was approved on Tuesday."
    texts["f"] = "The regional council approved the grant for the Varnholm bridge."
    texts["d"] = "The city will use a Regionalgrant to repair the Varnholm bridge."
    assert found(run(story(texts)), "d") == [("d", "Regionalgrant", "Regional grant")]


# Round 3: damage done by scanners, code pages, line breaks and machine translation, on an
# invented story about an orchard cooperative.
ORCHARD = {
    "a": "The Gödeke cooperative in Jönköping began the apple harvest on Monday with 40 pickers.",
    "b": "Pickers of the Gödeke cooperative started the apple harvest in Jönköping on Monday.",
    "c": "In Jönköping the Gödeke cooperative opened its apple harvest on Monday, manager Ulla Halvorsen said.",
}


def orchard_with(d: str):
    return story(dict(ORCHARD, d=d))


@pytest.mark.parametrize(
    "d, flagged, expected",
    [
        # UTF-8 read as cp1252: a run of damaged words is one flag, repaired by decoding again.
        ("The GÃ¶deke cooperative in JÃ¶nkÃ¶ping began the apple harvest on Monday.",
         "GÃ¶deke", "Gödeke"),
        # U+FFFD where a letter was: the word another source prints with a letter there.
        ("The Gödeke cooperative in J\ufffdnk\ufffdping began the apple harvest on Monday.",
         "J\ufffdnk\ufffdping", "Jönköping"),
        # A hyphen left over from a line break, joined back with a space or a newline.
        ("The Gödeke cooperative began the ap- ple harvest in Jönköping on Monday.", "ap- ple", "apple"),
        ("The Gödeke cooperative began the apple har-\nvest in Jönköping on Monday.", "har-\nvest", "harvest"),
        # Look-alike letters of character recognition: "rn" for "m", "1" for "l".
        ("The Gödeke cooperative began the apple harvest on Monday in a rnodern packing hall.",
         "rnodern", "modern"),
        ("The Gödeke cooperative began the apple harvest on Monday, manager Ulla Ha1vorsen said.",
         "Ha1vorsen", "Halvorsen"),
        # A possessive run into the noun it qualifies.
        ("The Gödeke cooperative began the apple harvest on Monday, the manager'soffice said.",
         "manager'soffice", "manager's office"),
        # A doubled preposition that does not open an adverbial of quantity.
        ("The Gödeke cooperative began the apple harvest at at the orchard in Jönköping on Monday.",
         "at at", "at"),
    ],
)
def test_scanning_encoding_and_line_break_damage(d, flagged, expected):
    flags = found(run(orchard_with(d)), "d")
    assert ("d", flagged, expected) in flags


def test_the_encoding_repair_covers_the_run_of_damaged_words():
    d = "The GÃ¶deke cooperative in JÃ¶nkÃ¶ping began the apple harvest on Monday."
    flags = found(run(orchard_with(d)), "d")
    assert ("d", "GÃ¶deke", "Gödeke") in flags and ("d", "JÃ¶nkÃ¶ping", "Jönköping") in flags
    d2 = "Manager SÃ¶ren HÃ¥kansson said the Gödeke cooperative began the apple harvest on Monday."
    assert [f for f in found(run(orchard_with(d2)), "d") if f[1].startswith("SÃ")] == \
        [("d", "SÃ¶ren HÃ¥kansson", "Sören Håkansson")]


def test_an_untranslated_common_word_of_another_language_is_flagged():
    d = "The Gödeke cooperative began the apple harvest on Monday with bereits 40 pickers."
    flags = found(run(orchard_with(d)), "d")
    assert [f[1] for f in flags] == ["bereits"]


@pytest.mark.parametrize(
    "d",
    [
        # Accented words that are right stay as they are; a digit inside a code is no misprint.
        "The Gödeke cooperative in Jönköping began the harvest on Monday; the café and the G7 orchard opened.",
        # A suspended hyphen before a conjunction.
        "The Gödeke cooperative began the pre- and post-harvest checks in Jönköping on Monday.",
        # "at at most": the second copy opens an adverbial of quantity.
        "The Gödeke cooperative valued the apple harvest at at most 40 tonnes on Monday.",
        # A numbered part, a named area and a state institution are capitalised by every style.
        "The Gödeke cooperative listed the harvest under Annex II of the rules on Monday.",
        "The Gödeke cooperative, the largest in the Southern province, began the harvest on Monday.",
        "The Gödeke cooperative began the harvest on Monday after the Parliament approved the subsidy.",
    ],
)
def test_right_capitals_doubles_and_hyphens_are_clean(d):
    assert found(run(orchard_with(d)), "d") == []


def test_a_capital_printed_inside_another_sources_compound_is_a_name():
    texts = dict(ORCHARD, e="The Lapland-registered trucks of the Gödeke cooperative left on Monday.",
                 d="Trucks with Lapland plates left the Gödeke cooperative in Jönköping on Monday.")
    assert found(run(story(texts)), "d") == []


# Session 3: split words judged by their halves, markup and other scripts left in the text, a
# phrase of another language left untranslated. An invented story about a fishing fleet.
FLEET = {
    "a": "The Hallvik trawler fleet returned to the harbour on Friday after the storm, the skipper said.",
    "b": "Skippers of the Hallvik fleet brought their trawlers back to the harbour on Friday after a storm.",
    "c": "On Friday the Hallvik trawlers sailed back to harbour as the storm eased, the skipper said.",
}


def fleet_with(d: str, **more):
    return story(dict(FLEET, d=d, **more))


@pytest.mark.parametrize(
    "d, flagged, expected",
    [
        # A common abbreviation and a non-word that join into the word the others print.
        ("The Hallvik trawler fleet returned to the harbour on Friday after the st orm, the skipper said.",
         "st orm", "storm"),
        # Two pieces no dictionary lists, each frequent enough as a token to pass for a word.
        ("The Hallvik trawler fleet returned to the harbour on Friday, the ri ght call, the skipper said.",
         "ri ght", "right"),
        # A markup reference left in a copied feed; the no-break space repaired as a space.
        ("The Hallvik trawler fleet returned to the skipper&#39;s harbour on Friday after the storm.",
         "skipper&#39;s", "skipper's"),
        ("The Hallvik trawler fleet returned to the harbour,&nbsp;on Friday, after the storm.",
         "harbour,&nbsp;on", "harbour, on"),
        # Punctuation of another script next to an English word.
        ("The Hallvik trawler fleet returned to the harbour， after the storm on Friday.",
         "harbour， after", "harbour, after"),
    ],
)
def test_split_words_and_markup_left_in_the_text(d, flagged, expected):
    assert found(run(fleet_with(d)), "d") == [("d", flagged, expected)]


def test_a_name_split_in_two_where_the_others_print_it_whole():
    texts = {k: v.replace("The Hallvik", "The Skreifisk").replace("the Hallvik", "the Skreifisk")
             for k, v in FLEET.items()}
    texts["d"] = "The Skrei fisk trawler fleet returned to the harbour on Friday after the storm."
    assert found(run(story(texts)), "d") == [("d", "Skrei fisk", "Skreifisk")]
    # Another source printing the two parts apart makes it a spelling of the name, not a slip.
    texts["e"] = "The Skrei fisk cooperative owns most of the trawlers, the skipper said."
    assert found(run(story(texts)), "d") == []


@pytest.mark.parametrize(
    "d",
    [
        # Two dictionary words English also writes apart.
        "Not any one of the Hallvik trawlers was lost in the storm on Friday, the skipper said.",
        # A pair another source prints apart as well.
        "The Hallvik trawler fleet returned to the Nord Kapp harbour on Friday after the storm.",
        # "AT&T;" decodes to nothing: no markup reference.
        "The Hallvik trawler fleet, insured by AT&T; Marine, returned to the harbour on Friday.",
        # A gloss in the original script, in brackets after the word.
        "The Hallvik (ハルヴィク) trawler fleet returned to the harbour on Friday after the storm.",
        # A foreign phrase the dictionary lists is English.
        "The Hallvik skipper made a mea culpa on Friday after the storm kept the fleet in the harbour.",
    ],
)
def test_split_and_foreign_text_that_is_right_is_clean(d):
    more = {"e": "The Nord Kapp harbour took in the Hallvik trawlers on Friday.",
            "f": "Trawlers of the Hallvik fleet reached Nordkapp on Friday."}
    assert found(run(fleet_with(d, **more)), "d") == []


def test_untranslated_script_and_phrase():
    d = "The Hallvik trawler fleet returned to the 漁港 harbour on Friday after the storm."
    assert found(run(fleet_with(d)), "d") == [("d", "漁港", "[漁港: untranslated]")]
    d = "The Hallvik trawler fleet returned to the harbour on Friday, noch nicht after the storm."
    assert found(run(fleet_with(d)), "d") == [("d", "noch nicht", "[noch nicht: untranslated]")]


@pytest.mark.parametrize("word", ["dari", "pasar", "noch", "nicht", "desde", "harbour", "kasih", "ancora"])
def test_foreign_zipfs_read_from_the_small_lists_give_the_full_lists_figures(word: str):
    """``lexicon.foreign_zipfs`` reads wordfreq's small lists (a fifth of the memory); at its floor
    of 4 they must give what the full lists give."""
    import wordfreq

    from srccompare.checks import lexicon

    full = {
        lang: z for lang in lexicon._SOURCE_LANGS
        if lang != "en" and (z := wordfreq.zipf_frequency(word, lang)) >= 4.0
    }
    assert dict(lexicon.foreign_zipfs(word, "en")) == full


# Session 4: a glacier-lake flood in an invented valley, for the ninth author's damage classes.
LAKE = {
    "a": "Rescuers from Tarnvik reached the pumping station on Monday after the glacier lake burst. "
         "Engineer Lindqvist said the flood barrier of the valley held through the night.",
    "b": "The glacier lake above Tarnvik burst on Monday, and engineer Lindqvist said the flood barrier "
         "held. Rescuers reached the pumping station at dawn.",
    "c": "On Monday the glacier lake burst. Lindqvist, an engineer, said the flood barrier held while "
         "rescuers reached the pumping station near Tarnvik.",
}


def lake_with(d: str, **more):
    return story(dict(LAKE, d=d, **more))


@pytest.mark.parametrize(
    "d, flagged, expected",
    [
        # A compound of a rare word and a common one run together, printed apart by the others.
        ("Rescuers reached the pumpingstation on Monday after the glacier lake burst near Tarnvik.",
         "pumpingstation", "pumping station"),
        # An English suffix split off its word.
        ("Rescuers reached the pumping station on Monday after the glacier lake burst in a harass ment of "
         "the valley, engineer Lindqvist said.", "harass ment", "harassment"),
        # A case ending of another language left on a name after an apostrophe.
        ("Engineer Lindqvist'in team reached the pumping station on Monday after the glacier lake burst.",
         "Lindqvist'in", "Lindqvist"),
        # A machine translation stutter: a phrase printed twice around "of".
        ("Rescuers reached the pumping station of the pumping station on Monday after the glacier lake burst.",
         "the pumping station of the pumping station", "the pumping station"),
        ("Rescuers reached the glacier lake the glacier lake on Monday, engineer Lindqvist said.",
         "the glacier lake the glacier lake", "the glacier lake"),
    ],
)
def test_compounds_suffixes_case_endings_and_stutters(d, flagged, expected):
    assert found(run(lake_with(d)), "d") == [("d", flagged, expected)]


@pytest.mark.parametrize(
    "d",
    [
        # English possessives and contractions on names.
        "Engineer Lindqvist's team reached the pumping station on Monday after the glacier lake burst.",
        # A name after an apostrophe of its own ("O'Hara") is a name.
        "Engineer O'Hara reached the pumping station on Monday after the glacier lake burst near Tarnvik.",
        # Idioms that repeat on purpose.
        "Rescuers went door to door to find survivors after the glacier lake burst near Tarnvik on Monday.",
        "Lindqvist called the crew the best of the best after the glacier lake burst near Tarnvik on Monday.",
        # Two suffix-like words that are words, and a pair the others also print apart.
        "Rescuers reached the pumping station on Monday, no less, after the glacier lake burst near Tarnvik.",
    ],
)
def test_idioms_clitics_and_real_words_are_not_garbles(d):
    assert found(run(lake_with(d)), "d") == []


def test_a_capitalised_doubled_word_where_one_phrase_ends_and_the_next_begins():
    # "Flood Agency Agency Director": the agency's name, then a title that starts with the same
    # word, as the others print both ("the Flood Agency", "Agency Director") and never the three
    # words with one copy gone. Where they do ("the Flood Agency Director") the copy is a slip.
    more = {"e": "Lindqvist, Agency Director at the Flood Agency, said the barrier held near Tarnvik.",
            "f": "The Flood Agency sent rescuers to the pumping station near Tarnvik on Monday."}
    d = "The Flood Agency Agency Director Lindqvist said the barrier held near Tarnvik on Monday."
    assert found(run(lake_with(d, **more)), "d") == []
    more["f"] = "The Flood Agency Director sent rescuers to the pumping station near Tarnvik on Monday."
    assert found(run(lake_with(d, **more)), "d") == [("d", "Agency Agency", "Agency")]


# --- session 4: one answer to "is this text mis-decoded?" (lexicon.mis_decoded_words) -----------

@pytest.mark.parametrize("text, words", [
    ("the Trondheimâ€™s harbour", [("Trondheimâ€™s", "Trondheim’s")]),
    ("mayor TrÃ¢n Ä\u0090á»©c spoke", [("TrÃ¢n", "Trân"), ("Ä\u0090á»©c", "Đức")]),
    ("skiers in GÃ¤llivare.", [("GÃ¤llivare", "Gällivare")]),
    ("the M\ufffdlaga port", [("M\ufffdlaga", None)]),
    ("a café in Ålesund, naïve Ørsted", []),  # real accented letters are no damage
    ("plain ascii text only", []),
])
def test_mis_decoded_words_is_the_one_answer(text, words):
    from srccompare.checks.lexicon import mis_decoded_spans, mis_decoded_words

    got = mis_decoded_words(text)
    assert [(text[a:b], fixed) for a, b, fixed in got] == words
    assert mis_decoded_spans(text) == tuple((a, b) for a, b, _ in got)


def test_garbles_and_names_agree_on_encoding_damage():
    # Every word the garble check reports as encoding damage is one the name check leaves alone,
    # and the other way round: both ask lexicon.mis_decoded_words.
    from srccompare.checks.lexicon import mis_decoded_spans
    from srccompare.checks.names import NameCheck

    texts = {
        "a": "Skipper Jörgen Ås steered the trawler into Tromsø on Friday.",
        "b": "The trawler reached Tromsø on Friday with skipper Jörgen Ås at the wheel.",
        "c": "On Friday skipper Jörgen Ås brought the trawler into Tromsø.",
        "d": "Skipper JÃ¶rgen Ã…s steered the trawler into TromsÃ¸ on Friday.",
    }
    ctx = story(texts)
    garbled = sorted((f.start, f.end) for f in GarbleCheck().run(ctx) if "encoding" in f.message)
    damaged = mis_decoded_spans(ctx.sources["d"].text)
    assert len(damaged) == 3 and garbled
    # Each damaged word inside one garble flag (a run of them is one flag), each flag made of them.
    assert all(any(a <= s and e <= b for a, b in garbled) for s, e in damaged)
    starts, ends = {s for s, _ in damaged}, {e for _, e in damaged}
    assert all(a in starts and b in ends for a, b in garbled)
    assert [f for f in NameCheck().run(ctx) if f.source == "d"] == []


# --- session 4: an invented story (a fishing quota dispute in a northern harbour) ---------------

HARBOUR = {
    "a": "Fishermen blocked the harbour on Monday over the new cod quota, the port authority said.",
    "b": "The port authority said fishermen blocked the harbour on Monday in protest at the cod quota.",
    "c": "On Monday fishermen blocked the harbour over the cod quota, according to the port authority.",
}


def test_an_open_compound_of_a_common_word_is_no_split_word():
    # "cyber" is no dictionary word but a common one: "cyber fraud" is spelt open by many writers.
    texts = {k: v + " Police opened a cyberfraud inquiry." for k, v in HARBOUR.items()}
    texts["d"] = HARBOUR["a"] + " Police opened a cyber fraud inquiry."
    assert run(story(texts)) == []
    # A short piece nobody prints alone is still a fragment.
    texts["d"] = HARBOUR["a"] + " Police opened a cyberfr aud inquiry."
    assert [f.text for f in run(story(texts))] == ["cyberfr aud"]


def test_a_two_letter_piece_that_is_no_function_word_makes_no_run_together():
    # An unknown loan word that happens to end in "hi" or "ok" is not two words.
    d = HARBOUR["a"] + " The local samithi backed the fishermen."
    assert [f for f in run(story(dict(HARBOUR, d=d))) if "samithi" in f.text] == []
    # A function word glued on still is.
    d = HARBOUR["a"] + " The local union backed thefishermen."
    assert [f.text for f in run(story(dict(HARBOUR, d=d)))] == ["thefishermen"]


def test_a_state_institution_without_article_and_a_paper_told_something_are_names():
    d = ("Fishermen blocked the harbour on Monday over the new cod quota, the port authority said. "
         "The minister told Parliament the quota would stand, and a skipper told the Courier the fleet would stay.")
    assert run(story(dict(HARBOUR, d=d))) == []
    # With a determiner the noun is an ordinary one again.
    d = HARBOUR["a"] + " The skippers met a Courier at the quay."
    assert [f.text for f in run(story(dict(HARBOUR, d=d)))] == ["Courier"]


def test_an_indic_phrase_left_untranslated_is_one_flag():
    d = HARBOUR["a"] + " The मत्स्य विभाग office stayed shut."
    flags = [f for f in run(story(dict(HARBOUR, d=d))) if "another script" in f.message]
    assert [f.text for f in flags] == ["मत्स्य विभाग"]


def test_a_word_unknown_here_but_everyday_elsewhere_is_left_untranslated():
    # "ongeveer" (Dutch: about) unknown to English, an everyday Dutch word.
    d = "Fishermen blocked the harbour on Monday over the new cod quota, with ongeveer forty boats."
    flags = [f for f in run(story(dict(HARBOUR, d=d))) if "untranslated" in f.message]
    assert [f.text for f in flags] == ["ongeveer"]
