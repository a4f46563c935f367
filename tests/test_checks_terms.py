"""term_variant: a term where the others agree on a different one at the same place."""

from __future__ import annotations


import pytest

from checks_builder import assert_offsets_true, found, seeds_analysis, seeds_context, story
from srccompare.checks.terms import TermCheck
from srccompare.models import Kind, Severity


def run(ctx):
    # As run_checks does: flags under the confidence floor are not reported.
    flags = [f for f in TermCheck().run(ctx) if f.confidence >= ctx.settings.min_confidence]
    assert all(f.kind is Kind.TERM_VARIANT for f in flags)
    assert_offsets_true(ctx, flags)
    return flags


def below_floor(ctx):
    """The flags TermCheck keeps under the reporting floor (a low reading inside a quotation among
    them: the quote check judges the quotation whole)."""
    floor = ctx.settings.min_confidence
    flags = [f for f in TermCheck().run(ctx) if f.confidence < floor]
    assert all(f.severity is Severity.LOW for f in flags)
    return flags


ENERGY = {
    "a": "The ministry wants to deregulate the energy market next year.",
    "b": "Officials said the ministry wants to deregulate the energy market by next year.",
    "c": "The ministry plans to deregulate the energy market next year, officials said.",
    "d": "The ministry wants to overregulate the energy market next year.",
}


def test_direction_swapped_term_is_high():
    flags = run(story(ENERGY))
    assert found(flags) == [("d", "overregulate", "deregulate")]
    f = flags[0]
    assert f.severity is Severity.HIGH
    assert sorted(e.source for e in f.evidence) == ["a", "b", "c"]
    assert all(e.text == "deregulate" for e in f.evidence)
    assert f.group is not None


def test_phrase_replacing_a_term():
    texts = {
        "a": "The rebels agreed to a ceasefire on Sunday after talks in Doha.",
        "b": "On Sunday the rebels agreed to a ceasefire after talks in Doha.",
        "c": "The rebels agreed to a ceasefire on Sunday, mediators in Doha said.",
        "d": "The rebels agreed to a fire stop on Sunday after talks in Doha.",
    }
    flags = run(story(texts))
    assert found(flags) == [("d", "fire stop", "ceasefire")]
    assert flags[0].severity in (Severity.MEDIUM, Severity.HIGH)


def test_quoted_term_with_strong_consensus_is_high():
    texts = {
        "a": "“We will never accept capitulation,” the general said on Friday.",
        "b": "“We will never accept capitulation,” he told troops on Friday.",
        "c": "The general said on Friday: “We will never accept capitulation.”",
        "d": "“We will never accept the submission,” the general said on Friday.",
    }
    flags = run(story(texts))
    assert found(flags) == [("d", "submission", "capitulation")]
    assert flags[0].severity is Severity.HIGH
    assert "quotation" in flags[0].message


def test_phrasal_verb_keeps_its_particle():
    texts = {
        "a": "“We do not want to decouple from Europe,” the minister said.",
        "b": "“We do not want to decouple from Europe,” he said in Berlin.",
        "c": "The minister said: “We do not want to decouple from Europe.”",
        "d": "“We do not want to split up from Europe,” the minister said.",
    }
    # A rendering low inside a quotation sits under the reporting floor, its span still whole.
    flags = below_floor(story(texts))
    assert found(flags) == [("d", "split up", "decouple")]


@pytest.mark.parametrize(
    "texts",
    [
        # A synonym between everyday words keeps the meaning: not reported.
        {
            "a": "The two countries resumed negotiations in Geneva on Monday.",
            "b": "The two countries resumed negotiations in Geneva this Monday.",
            "c": "On Monday the two countries resumed negotiations in Geneva.",
            "d": "The two countries resumed talks in Geneva on Monday.",
        },
        # The others do not agree among themselves: ordinary paraphrase.
        {
            "a": "The storm battered the coast and flooded several villages.",
            "b": "The storm lashed the coast and swamped several villages.",
            "c": "The storm pounded the coast and submerged several villages.",
            "d": "The storm hammered the coast and inundated several villages.",
        },
        # Only one other source: nothing to call a consensus.
        {
            "a": "The ministry wants to deregulate the energy market next year.",
            "d": "The ministry wants to overregulate the energy market next year.",
        },
        # The same family of word is a rendering, not another term.
        {
            "a": "Both sides called for de-escalation along the border.",
            "b": "Both sides called for de-escalation on the border.",
            "c": "Both sides called for deescalation along the border.",
            "d": "Both sides called for de-escalating along the border.",
        },
    ],
)
def test_paraphrase_is_not_flagged(texts):
    assert run(story(texts)) == []


def test_unaligned_sentence_borrows_its_neighbours_group():
    texts = {
        "a": "The central bank met on Tuesday. Its governor said the aim was to stabilise the currency and the bond market.",
        "b": "The central bank met on Tuesday. The governor said the goal was to stabilise the currency and the bond market.",
        "c": "The central bank met on Tuesday. Policy makers said they want to stabilise the currency and the bond market.",
        "d": "The central bank met on Tuesday. Governor Ruiz hopes to destabilise the currency and bond market first.",
    }
    # d's second sentence was not aligned (reworded); its first sentence was.
    groups = [[("a", 0), ("b", 0), ("c", 0), ("d", 0)], [("a", 1), ("b", 1), ("c", 1)]]
    flags = run(story(texts, groups=groups))
    assert found(flags) == [("d", "destabilise", "stabilise")]
    assert flags[0].severity is Severity.HIGH  # a negating prefix reverses the term
    # The neighbour's group gives the counterpart sentences: the flag is made with that evidence.
    texts["d"] = "The central bank met on Tuesday. The governor said the aim was to weaken the currency and the bond market."
    flags = run(story(texts, groups=groups))
    assert found(flags) == [("d", "weaken", "stabilise")]
    assert {e.source for e in flags[0].evidence} == {"a", "b", "c"}


def test_ids_are_stable():
    a = run(story(ENERGY))
    b = run(story(dict(ENERGY, e="The ministry wants to deregulate the power market next year.")))
    assert [f.id for f in a] == [f.id for f in b if f.source == "d"]


@pytest.fixture(scope="module")
def seed_flags():
    ctx = seeds_context()
    return run(ctx), seeds_analysis().flags


def test_seeds_term_variants(seed_flags):
    flags, final = seed_flags
    got = {(f.source[:3], f.text): f for f in flags}
    assert "de-escalation" in got[("001", "downgrades")].expected
    assert got[("001", "cancel the upgrade")].expected == "de-escalate"
    for key in (("001", "downgrades"), ("001", "cancel the upgrade")):
        assert got[key].evidence
        assert got[key].severity is Severity.HIGH
    # After overlap resolution the place stays flagged; the quote check may report the same
    # words inside the quotation with a higher confidence, and then it is that flag that shows.
    final_got = {(f.source[:3], f.text) for f in final}
    assert ("001", "downgrades") in final_got
    assert ("001", "cancel the upgrade") in final_got


def test_seeds_clean_sources_have_no_term_flags(seed_flags):
    flags, _ = seed_flags
    assert not [f for f in flags if f.source[:3] in {"000", "003"}]


# --- word-for-word substitutions ---------------------------------------------------------------

def _quote_story(d_word: str, *, others_elsewhere: str = "") -> dict[str, str]:
    line = "“Nobody should sit in the {} row until the repair is done,” the agency said."
    return {
        "a": line.format("front") + " Owners were told by letter." + others_elsewhere,
        "b": line.format("front") + " Owners will get a letter.",
        "c": line.format("front") + " Letters go out next week.",
        "d": line.format(d_word) + " Owners were told by letter.",
    }


def test_everyday_word_swapped_inside_an_aligned_quote_is_a_term_variant():
    flags = run(story(_quote_story("back")))
    assert found(flags) == [("d", "back", "front")]
    assert "quotation" in flags[0].message
    assert flags[0].severity in (Severity.MEDIUM, Severity.HIGH)
    assert {e.source for e in flags[0].evidence} == {"a", "b", "c"}


def test_quoted_swap_to_a_word_the_others_use_elsewhere_is_low_at_most():
    # The others use "rear" elsewhere in the story: the story's own vocabulary, a synonym at most.
    texts = _quote_story("rear", others_elsewhere=" The rear doors are not affected.")
    flags = run(story(texts))
    assert all(f.severity is Severity.LOW for f in flags)


def test_quote_cut_by_the_attribution_still_lines_up():
    texts = {
        "a": "“This is welcome relief for millions of mortgage holders,” he said.",
        "b": "The minister said it was “welcome relief for millions of mortgage holders” and proof of success.",
        "c": "“This is welcome relief for millions of mortgage holders,” the minister told reporters.",
        "d": "The minister said: “This is welcome relief for millions of mortgage slaves.”",
    }
    assert found(run(story(texts))) == [("d", "slaves", "holders")]


@pytest.mark.parametrize(
    "d_text, flagged",
    [
        # Outside a quotation, a swap between everyday words is paraphrase...
        ("Walking 7,000 steps a day reduces the risk of dying from heart disease, the study found.", []),
        # ...unless the source itself uses the others' word elsewhere (an inconsistent rendering).
        ("Walking 7,000 passes a day lowers the risk of dying from heart disease, the study found. "
         "Counting steps is easy.", [("d", "passes", "steps")]),
    ],
)
def test_everyday_swap_outside_quotes(d_text, flagged):
    texts = {
        "a": "Walking 7,000 steps a day lowers the risk of dying from heart disease, the study found. Nothing else.",
        "b": "Walking 7,000 steps a day lowers the risk of dying from heart disease, researchers said. Nothing more.",
        "c": "Walking 7,000 steps a day lowers the risk of dying from heart disease, the paper says. No more.",
        "d": d_text,
    }
    assert found(run(story(texts)), "d") == flagged


def test_others_distinguishing_both_words_makes_the_swap_a_variant():
    # The others say "order" for one group and "alert" for another: the two words mean different
    # things here, so "alert" for the first group is a variant though the story uses the word.
    texts = {
        "a": "The district issued an evacuation order for 4,300 residents and put 1,150 homes on alert.",
        "b": "The district issued an evacuation order for 4,300 residents, and 1,150 homes are on alert.",
        "c": "The district issued an evacuation order for 4,300 residents while 1,150 homes were on alert.",
        "d": "The district issued an evacuation alert for 4,300 residents and put 1,150 homes on alert.",
    }
    assert found(run(story(texts))) == [("d", "alert", "order")]


@pytest.mark.parametrize(
    "d_text",
    [
        # A different reporting verb is style (the attribution check judges who said it).
        "The ministry declared the plan would cut emissions by half before 2030.",
        # The speaker of a reporting verb is not a term.
        "The plan would cut emissions by half before 2030, analysts said.",
        # The same derivational prefix on both words: one operation named two ways.
        "The ministry said it would re-examine the plan to cut emissions by half before 2030.",
    ],
)
def test_attribution_and_derivation_are_not_term_variants(d_text):
    texts = {
        "a": "The ministry said the plan would cut emissions by half before 2030.",
        "b": "The ministry said the plan would cut emissions by half before 2030, officials added.",
        "c": "The ministry said that the plan would cut emissions by half before 2030.",
        "d": d_text,
    }
    if "re-examine" in d_text:
        texts = {k: v.replace("said the plan", "said it would rehear the plan to")
                 .replace("said that the plan", "said it would rehear the plan to") for k, v in texts.items()}
        texts["d"] = d_text
    assert found(run(story(texts)), "d") == []


def test_a_quote_only_two_sources_share_is_decided_by_the_story():
    # Only a and d give the quote; b and c use "school" elsewhere and never "college".
    texts = {
        "a": "“We will rebuild every school and every clinic,” the minister said. Aid arrived on Monday.",
        "b": "Schools will stay shut. Aid arrived on Monday, the school board said.",
        "c": "The school year is delayed. Aid arrived on Monday.",
        "d": "“We will rebuild every college and every clinic,” the minister said. Aid arrived on Monday.",
    }
    groups = [[("a", 0), ("d", 0)], [("a", 1), ("b", 1), ("c", 1), ("d", 1)]]
    assert found(run(story(texts, groups=groups))) == [("d", "college", "school")]
    # Outside a quotation two aligned renderings cannot tell which word is right.
    texts = {k: v.replace("“", "").replace(",”", ",") for k, v in texts.items()}
    assert found(run(story(texts, groups=groups))) == []


def test_translation_keeping_its_original_language_tag_is_read_as_english():
    texts = {
        "a": "“The launcher performed perfectly and the satellite is healthy,” the director said.",
        "b": "“The launcher performed perfectly and the satellite is healthy,” she told reporters.",
        "c": "“The launcher performed perfectly and the satellite is healthy,” the director said on Tuesday.",
        "d": "“The launcher performed perfectly and the satellite is sane,” declared the director.",
    }
    flags = run(story(texts, languages={"d": "fr"}))
    assert found(flags) == [("d", "sane", "healthy")]


def test_a_reporting_verb_inside_a_quotation_is_what_was_said():
    texts = {
        "a": "“The board judged that the risks have become more balanced,” the governor said.",
        "b": "“The board judged that the risks have become more balanced,” he told reporters.",
        "c": "The governor said: “The board judged that the risks have become more balanced.”",
        "d": "“The board urged that the risks have become more balanced,” the governor said.",
    }
    assert found(run(story(texts))) == [("d", "urged", "judged")]


@pytest.mark.parametrize("d_word", ["bakc", "frnot", "fornt"])
def test_misspellings_are_not_term_variants(d_word):
    # Non-words and slips of the keyboard are the garble check's.
    assert found(run(story(_quote_story(d_word)))) == []


def test_group_tally_less_left_out_sources_equals_a_recount():
    # The consensus counts of a group's sample are counted once and the sources left out
    # subtracted (terms._Tally); they must equal counting the chosen sources afresh.
    from collections import Counter

    from srccompare.checks.terms.consensus import _Tally, _salient
    from srccompare.checks.terms.words import _content_words

    texts = {f"s{k}": f"The regulator moved to de-escalate the dispute over tariffs {k}." for k in range(6)}
    texts["s1"] = "The regulator moved to downgrade the dispute over tariffs and quotas."
    texts["s2"] = "The regulator moved to de-escalate the quarrel over tariffs and quotas."
    ctx = story(texts)
    words, _ = _content_words(ctx)
    group = ctx.alignment.groups[0]
    members = {}
    for p in group.passages:
        members.setdefault(p.source, []).append(p)
    sample = sorted(members)
    tally = _Tally(words, members, sample)
    for chosen in (sample, sample[1:], sample[:2] + sample[3:5]):
        counts, salient = tally.among(chosen)
        expect, expect_salient = Counter(), set()
        for o in chosen:
            ws = [w for q in members[o] for w in words[q.id]]
            expect.update({w.stem for w in ws})
            expect_salient.update(w.stem for w in ws if _salient(w))
        assert dict(counts) == dict(expect)
        assert salient == expect_salient


# --- meaning kept or changed (WordNet) ---------------------------------------------------------

from srccompare.checks import lexicon  # noqa: E402


@pytest.mark.parametrize(
    "a, b",
    [("vessel", "ship"), ("purchase", "buy"), ("lawmakers", "legislators"), ("pledged", "vowed"),
     ("Hurt", "injured")],
)
def test_same_meaning_is_high_for_synonyms(a, b):
    assert lexicon.same_meaning(a, b) >= lexicon.MEANING_KEPT
    assert lexicon.same_meaning(a, b) == lexicon.same_meaning(b, a)


@pytest.mark.parametrize(
    "a, b",
    # False friends of translators (Spanish "éxito", "embarazada", Italian "largo", French
    # "sympathique", "déception"): words of the language that share no everyday sense.
    [("exit", "success"), ("embarrassed", "pregnant"), ("large", "wide"), ("sympathetic", "nice"),
     ("deception", "disappointment")],
)
def test_same_meaning_is_near_zero_for_false_friends(a, b):
    assert lexicon.same_meaning(a, b) < 0.06


def test_same_meaning_has_no_opinion_on_unknown_words():
    assert lexicon.same_meaning("Xqztville", "ship") is None
    assert lexicon.same_meaning("ship", "ship") == 1.0


def test_antonyms_share_no_meaning_and_fields_are_told_apart():
    assert lexicon.same_meaning("increase", "decrease") == 0.0
    assert lexicon.share_ancestor("shrinks", "decreases") is True
    assert lexicon.share_ancestor("petrol", "oil") is False
    assert lexicon.pos_shares("avenue") == {"noun": 1.0}
    assert max(lexicon.pos_shares("wider"), key=lexicon.pos_shares("wider").get) == "adj"


def _harbour(d_line: str) -> dict[str, str]:
    line = "The harbour master said the {} crates were unloaded at dawn after the storm passed."
    return {
        "a": line.format("heavy") + " Nobody was hurt.",
        "b": line.format("heavy") + " No one was injured.",
        "c": line.format("heavy") + " There were no injuries.",
        "d": d_line + " Nobody was hurt.",
    }


def test_synonym_outside_a_quotation_is_not_a_term_variant():
    texts = {
        "a": "The coast patrol towed the damaged ship to the port of Brindle before noon on Friday.",
        "b": "The coast patrol towed the damaged ship to the port of Brindle before noon on Friday, officials said.",
        "c": "The coast patrol towed the damaged ship to the port of Brindle before noon on Friday. It sank later.",
        "d": "The coast patrol towed the damaged vessel to the port of Brindle before noon on Friday.",
    }
    assert found(run(story(texts)), "d") == []


def test_synonym_inside_a_quotation_is_low_at_most():
    line = "“We towed the damaged {} to the port before noon,” the patrol chief said."
    texts = {"a": line.format("ship"), "b": line.format("ship"), "c": line.format("ship"),
             "d": line.format("vessel")}
    assert all(f.severity is Severity.LOW for f in run(story(texts)))


def test_false_friend_between_everyday_words_in_the_same_wording_is_flagged():
    # "large" for "wide" (a translator's false friend), outside any quotation, where three sources
    # print the same sentence with "wide": a different meaning, though both are everyday words.
    line = "The council closed the {} avenue to traffic for the parade on Sunday and buses took other routes."
    texts = {"a": line.format("wide"), "b": line.format("wide"), "c": line.format("wide"),
             "d": line.format("large")}
    assert found(run(story(texts)), "d") == [("d", "large", "wide")]


def test_several_words_differing_on_each_side_say_something_else():
    texts = {
        "a": "Two dockers were detained and will face a magistrate on Monday, the port said.",
        "b": "Two dockers were detained and will face a magistrate on Monday.",
        "c": "Two dockers were detained and will face a magistrate on Monday, police said.",
        "d": "Two dockers were detained on Sunday over alleged smuggling.",
    }
    assert found(run(story(texts)), "d") == []


def test_words_standing_beside_the_others_word_do_not_replace_it():
    # The source says the others' word itself elsewhere in the sentence (British spelling):
    # its own gesture words add to it, they do not stand in for it.
    texts = {
        "a": "The mayor apologized to residents on Tuesday for the flooding of the lower town.",
        "b": "The mayor apologized to residents on Tuesday for the flooding of the lower town, the council said.",
        "c": "The mayor apologized to residents on Tuesday for the flooding of the lower town. Repairs begin soon.",
        "d": "The mayor bowed deeply to residents on Tuesday and apologised for the flooding of the lower town.",
    }
    assert found(run(story(texts)), "d") == []


# --- session 2, third pass: same-field words in quotations, split sentences, indirect speech ---


def test_a_quotation_rendered_with_a_word_of_the_same_field_is_low():
    # "barn" for "shed" (both farm buildings: another translation of the same words) inside a
    # quotation: low, under the reporting floor; a word of another field there stays above low.
    line = "“The storm flattened the old {} behind the dairy and scattered the hay,” the farmer told us."
    texts = {"a": line.format("shed"), "b": line.format("shed"), "c": line.format("shed"),
             "d": line.format("barn")}
    assert found(run(story(texts)), "d") == []
    flags = below_floor(story(texts))
    assert found(flags, "d") == [("d", "barn", "shed")]
    assert all(f.severity is Severity.LOW for f in flags)
    texts["d"] = line.format("wall")  # "wall" shares no field with "shed": a changed statement
    flags = run(story(texts))
    assert found(flags, "d") == [("d", "wall", "shed")]
    assert flags[0].severity is not Severity.LOW


def test_a_quote_split_in_two_elsewhere_is_compared_joined():
    # Sources a and b print the engineer's words as two sentences, the alignment grouping only the
    # second half with d's single sentence; d's swapped word sits in the first half.
    texts = {
        "a": "“The harbour wall is safe for the winter storms,” the engineer told reporters on Friday. "
             "“We still need to rebuild the old pier before the spring season.”",
        "b": "“The harbour wall is safe for the winter storms,” the engineer told the council on Friday. "
             "“We still need to rebuild the old pier before the spring season.”",
        "d": "“The harbour crane is safe for the winter storms, we still need to rebuild the old pier "
             "before the spring season,” the engineer said.",
    }
    groups = [[("a", 1), ("b", 1), ("d", 0)], [("a", 0), ("b", 0)]]
    assert found(run(story(texts, groups)), "d") == [("d", "crane", "wall")]


def test_a_quotation_reported_in_the_sources_own_words_is_not_held_to_the_quote():
    # The others quote the nurse; d reports her words without quotation marks, in its own words.
    quote = "“Every closed ward is paid for by the patients who can least afford it,” the nurse said on Monday."
    texts = {"a": quote, "b": quote, "c": quote,
             "d": "The nurse said on Monday that every closed ward hurt the patients who can least afford it."}
    assert found(run(story(texts)), "d") == []
    # The same words inside quotation marks are held to the quotation.
    texts["d"] = "“Every closed ward is hurting the patients who can least afford it,” the nurse said on Monday."
    assert found(run(story(texts)), "d") != []


def test_two_letters_between_two_words_of_their_own_are_another_word_not_a_slip():
    # "counter" for "country": two letters apart, but both are words with meanings of their own
    # (a typo rarely makes another real word at two letters): a swapped word in the quotation.
    line = "“We will keep fighting for this {} until the last vote is counted,” the candidate told supporters."
    texts = {"a": line.format("country"), "b": line.format("country"), "c": line.format("country"),
             "d": line.format("counter")}
    assert found(run(story(texts)), "d") == [("d", "counter", "country")]


def _with_loose(ctx, loose_ids):
    """The same story with ``loose_ids`` marked as members the order-aware second alignment pass
    added (``Group.loose``)."""
    from dataclasses import replace

    from srccompare.checks.base import CheckContext

    groups = tuple(replace(g, loose=tuple(p.id for p in g.passages if p.id in loose_ids))
                   for g in ctx.alignment.groups)
    return CheckContext(sources=ctx.sources, alignment=replace(ctx.alignment, groups=groups), settings=ctx.settings)


RIOT = {
    "a": "The mayor imposed a curfew on the old town after two nights of riots, police said.",
    "c": "The mayor imposed a quarantine on the old town after two nights of riots, police said.",
    "d": "Police said two nights of riots had led the mayor to order a curfew for the old town.",
}


def test_loose_member_witnesses_as_the_unaligned_passage_it_was():
    # One firmly aligned source says 'curfew' where 'c' says 'quarantine'; the reworded sentence
    # the second alignment pass added says 'curfew' too. It is no word-for-word vote, but it
    # counts as it did when the pass was off and it stood alone: a source that uses the word in
    # the story (the apart-in-meaning swap's second witness). Switching the pass on changes
    # nothing here.
    # Since session 21 one source of the two whose sentences say the same is no consensus
    # (``words._majority``): no flag either way, the loose member as the unaligned passage.
    ctx = story(RIOT)
    alone = story(RIOT, groups=[[("a", 0), ("c", 0)]])
    assert found(run(alone)) == []
    assert found(TermCheck().run(alone)) == [("c", "quarantine", "curfew")]  # under the floor
    loose = run(_with_loose(ctx, {"d:0"}))
    assert found(loose) == found(run(alone))
    assert [(f.severity, f.message) for f in loose] == [(f.severity, f.message) for f in run(alone)]


RAIL = {
    "a": "Inspectors suspended train services on the coastal line while engineers inspect the bridge.",
    "b": "Train services on the coastal line were suspended while engineers inspect the bridge.",
    "c": "Train services on the coastal line were halted and engineers checked the bridge.",
}


def test_loose_member_is_not_compared_word_for_word():
    # A sentence joined only by its place is a paraphrase: its other words are not term swaps.
    ctx = story(RAIL)
    assert found(run(ctx)) != []  # compared word for word as a firm member, it would be
    assert run(_with_loose(ctx, {"c:0"})) == []


# A sentence only two sources render alike, with two one-for-one swaps side by side; two other
# sources say the wire's word elsewhere (their sentences here are grouped apart).
CO_OP = {
    "a": "The regulator placed the cooperative under special supervision after savers withdrew "
         "nearly 40 million euros in two days. Savers queued outside branches on Friday.",
    "b": "Branches stayed open late on Friday. Long queues of savers formed in the harbour town.",
    "c": "Branches stayed open late on Friday. Many savers feared for their money.",
    "d": "The regulator placed the cooperative under special vigilance after shippers withdrew "
         "nearly 40 million euros in two days. Savers queued outside branches on Friday.",
}
CO_OP_GROUPS = [[("a", 0), ("d", 0)], [("a", 1), ("d", 1), ("b", 0), ("c", 0)], [("b", 1), ("c", 1)]]


def test_swap_beside_another_swap_is_anchored_past_it():
    # 'shippers' sits between 'vigilance' (another swap) and 'withdrew': anchored by the
    # wording beyond the neighbouring swap; one witness in the same wording plus two sources that
    # say 'savers' elsewhere in the story, and never 'shippers', vote for it.
    flags = run(story(CO_OP, CO_OP_GROUPS))
    assert ("d", "shippers", "savers") in found(flags)
    # Without the witnesses from elsewhere, one source in the same wording is below the vote.
    alone = {k: v for k, v in CO_OP.items() if k in "ad"}
    assert [f for f in found(run(story(alone, CO_OP_GROUPS[:1] + [[("a", 1), ("d", 1)]]))) if f[1] == "shippers"] == []


def test_story_witnesses_need_words_apart_and_rare():
    # An everyday swap ('died' / 'hurt') with one witness is not confirmed by the story's
    # vocabulary: everyday words swapped in one sentence are as often another fact or a rewrite.
    texts = {k: v.replace("savers", "people").replace("Savers", "People") for k, v in CO_OP.items()}
    texts["d"] = texts["d"].replace("shippers", "tourists")
    assert [f for f in found(run(story(texts, CO_OP_GROUPS))) if f[1] == "tourists"] == []



# A translation leaving one word in the original language; the sentence is reworded around it, so
# only the words on each side place it.
FARM = {
    "a": "Storms flattened the orchards on Monday. The cooperative lost four tractors and a barn in the hail.",
    "b": "Hail hit the valley on Monday. Farmers said they lost four tractors and a barn.",
    "c": "The valley saw four tractors and a barn wrecked, the cooperative said.",
    "d": "With the hail of Monday the cooperative of the valley lost four tratores and a barn.",
}


def test_word_left_untranslated_is_a_term_variant():
    flags = [f for f in run(story(FARM)) if f.source == "d"]
    assert found(flags) == [("d", "tratores", "tractors")]
    assert sorted(e.source for e in flags[0].evidence) == ["a", "b"]  # 'c' has other words before


def test_untranslated_needs_two_sources_at_the_place_and_a_foreign_word():
    # One source only at the place: no consensus.
    one = dict(FARM, b="Hail hit the valley on Monday. Farmers said they lost machines and a barn.")
    assert [f for f in run(story(one)) if f.source == "d"] == []
    # A misspelling of the others' word is a garble, not a word left untranslated.
    typo = dict(FARM, d=FARM["d"].replace("tratores", "tractros"))
    assert [f for f in run(story(typo)) if f.source == "d"] == []
    # A word of no other language (zipf 0 everywhere) is not an untranslated word.
    unknown = dict(FARM, d=FARM["d"].replace("tratores", "qzxvorbs"))
    assert [f for f in run(story(unknown)) if f.source == "d"] == []


def test_quantity_in_other_units_is_not_a_term():
    # 'gallons' where the others print 'million litres' after a figure: a conversion the number
    # check compares, not a term. A counted thing after a figure stays a term.
    line = "The tanker lost {} of diesel near the harbour mouth on Sunday."
    texts = {"a": line.format("4.2 million litres"), "b": line.format("4.2 million litres"),
             "c": line.format("4.2 million litres"), "d": line.format("1.1 million gallons")}
    assert [f for f in run(story(texts)) if f.source == "d"] == []
    # (Outside a quotation 'candles' / 'lanterns', two things of one field, is the writer's
    # wording: the sentence-level pass keeps it below the reporting floor; a thing of another
    # field is reported by the word-for-word pass.)
    counted = "The organisers handed out 9,000 {} at the gate of the festival."
    texts = {"a": counted.format("lanterns"), "b": counted.format("lanterns"), "c": counted.format("lanterns"),
             "d": counted.format("blankets")}
    assert found(run(story(texts)), "d") == [("d", "blankets", "lanterns")]
    quoted = '"We handed out 9,000 {} at the gate of the festival," the organisers said.'
    texts = {k: quoted.format(w) for k, w in (("a", "lanterns"), ("b", "lanterns"), ("c", "lanterns"), ("d", "candles"))}
    assert found(below_floor(story(texts)), "d") == [("d", "candles", "lanterns")]


# An invented story: a glacier expedition reported by four outlets, "d" a translation that renders
# every quotation in its own words.
GLACIER_QUOTES = (
    ("“The ice shelf lost {} metres of thickness in a single summer season,” the lead glaciologist said.",
     "height"),
    ("“Our team will {} the drilling campaign in the eastern basin next spring,” she added.", "begin"),
    ("“Meltwater lakes have doubled across the plateau since the previous survey,” the report said.", ""),
)


def _glacier(d_first: str, d_second: str, d_rewords: bool) -> dict[str, str]:
    first, second, third = (q for q, _ in GLACIER_QUOTES)
    d_third = third.replace("doubled across", "grown twofold over") if d_rewords else third
    shared = [first.format("forty"), second.format("start"), third]
    texts = {k: " ".join(shared) for k in "abc"}
    texts["d"] = " ".join([first.format("forty"), second.format(d_second), d_third])
    if d_first:
        texts["d"] = texts["d"].replace("thickness", d_first)
    return texts


def test_synonym_in_a_source_that_translates_its_quotes_is_no_flag():
    # "d" words its other shared quotes otherwise too: "begin" for "start" is the translator's choice.
    texts = _glacier("depth", "begin", d_rewords=True)
    assert ("d", "begin", "start") not in found(run(story(texts)))


def test_synonym_in_a_source_that_copies_its_quotes_stays_low():
    # "d" copies its other quotes verbatim: the one changed word is read low, under the floor.
    flags = [f for f in below_floor(story(_glacier("", "begin", d_rewords=False))) if f.source == "d"]
    assert [(f.text, f.expected) for f in flags] == [("begin", "start")]
    assert flags[0].severity is Severity.LOW


def test_word_of_the_field_only_in_a_translating_source_stays_reported():
    # Not a synonym proper: a translating source's false friend is still read, low (a word of
    # one field inside a quotation: under the reporting floor).
    texts = _glacier("", "launch", d_rewords=True)
    assert ("d", "launch", "start") in found(below_floor(story(texts)))


# An invented story: a lighthouse keeper's retirement; "d" prints its only shared quote in its own
# words at several places (a translation) or copies it with one word changed.
KEEPER = "“For forty winters I {} this lamp {}, and the sea never once {} me,” the old keeper told visitors."


def test_everyday_word_in_a_translated_quote_is_low():
    texts = {k: KEEPER.format("tended", "every night", "frightened") for k in "abc"}
    texts["d"] = KEEPER.format("kept", "each evening", "scared")
    assert [f for f in run(story(texts)) if f.source == "d"] == []
    assert [f for f in below_floor(story(texts)) if f.source == "d"]


def test_everyday_word_in_a_copied_quote_keeps_its_severity():
    texts = {k: KEEPER.format("tended", "every night", "frightened") for k in "abc"}
    texts["d"] = KEEPER.format("tended", "every night", "betrayed")
    flags = [f for f in run(story(texts)) if f.source == "d"]
    assert [(f.text, f.expected) for f in flags] == [("betrayed", "frightened")]
    assert flags[0].severity is not Severity.LOW


# An invented story: a regatta; "d" names the crews' members by a word of a near field.
REGATTA = "Forty {} from nine clubs raced across the bay at Kestrel Point on Saturday, the organisers said."


def test_noun_of_a_near_field_outside_a_quotation_is_not_reported():
    # The writer's own wording of the same crews: below the reporting floor (it was reported low
    # until the sentence-level pass stopped reporting non-reversing swaps outside quotations).
    texts = {k: REGATTA.format("oarsmen") for k in "abc"}
    texts["d"] = REGATTA.format("athletes")
    assert [f for f in run(story(texts)) if f.source == "d"] == []


def test_verbs_meeting_far_up_outside_a_quotation_keep_their_severity():
    # "tighten" / "loosen" meet within three hypernym steps, as most verbs of change do.
    line = "The council voted on Monday to {} the mooring rules for the old harbour before winter."
    texts = {k: line.format("tighten") for k in "abc"}
    texts["d"] = line.format("loosen")
    flags = [f for f in run(story(texts)) if f.source == "d"]
    assert [(f.text, f.expected) for f in flags] == [("loosen", "tighten")]
    assert flags[0].severity is not Severity.LOW


def test_a_misspelling_that_happens_to_be_a_foreign_word_is_not_left_untranslated():
    # 'wiel' (Dutch for wheel) one key from the 'will' the others print is a typo (the garble
    # check's), not a word left untranslated; the cognate 'tratores' still is.
    base = dict(FARM, a=FARM["a"] + " Farmers said they will rebuild the barn by June.",
                b=FARM["b"] + " The cooperative said they will rebuild the barn soon.")
    assert found([f for f in run(story(base)) if f.source == "d"]) == [("d", "tratores", "tractors")]
    typo = dict(base, d=FARM["d"] + " Farmers said they wiel rebuild the barn quickly.")
    assert found([f for f in run(story(typo)) if f.source == "d"]) == [("d", "tratores", "tractors")]


# --- a word of the source's own in a reworded sentence (``_left_swaps``) ---------------------------
# An invented story: inspectors impound fishing boats in a Spanish port; a machine translation
# renders "arrastreros" (trawlers) as "dragnets" and rewords the sentence around it.

def _harbour(d_first: str, d_second: str = "The fleet owners said they would appeal the decision.") -> dict[str, str]:
    return {
        "a": "Inspectors impounded four trawlers in the harbour of Vigo on Monday after finding undersized hake. "
             "The owners of the trawlers said they would appeal.",
        "b": "On Monday inspectors in Vigo impounded four trawlers carrying undersized hake. "
             "The owners plan to appeal.",
        "c": "Four trawlers were impounded by inspectors in Vigo on Monday after they found undersized hake. "
             "Their owners have ten days to appeal.",
        "d": d_first + " " + d_second,
    }


REWORDED = "On Monday four dragnets were immobilised by inspectors in the port of Vigo, who found undersized hake."


def test_own_word_in_a_reworded_sentence_against_the_others_word():
    flags = run(story(_harbour(REWORDED)))
    assert ("d", "dragnets", "trawlers") in found(flags)
    f = next(f for f in flags if f.text == "dragnets")
    assert f.severity is Severity.MEDIUM
    assert "printed by no other source" in f.message
    assert {e.source for e in f.evidence} >= {"a", "b"}


def test_own_word_with_one_witness_needs_the_story_to_use_the_others_word():
    # Only "a" says the same in its sentence; "a" and "b" use "trawlers" elsewhere and "c" not at
    # all: the story's vocabulary confirms the one witness.
    texts = {
        "a": "Inspectors impounded four trawlers in the harbour of Vigo on Monday after finding undersized hake.",
        "b": "The trawlers belong to two families from Galicia. The port authority declined to comment.",
        "c": "The regional government said the fleet had been warned twice this year.",
        "d": REWORDED,
    }
    flags = run(story(texts, groups=[]))
    assert ("d", "dragnets", "trawlers") in found(flags)
    # Without "b", no other source but the witness uses the word: one sentence is not enough.
    del texts["b"]
    assert ("d", "dragnets", "trawlers") not in found(run(story(texts, groups=[])))


def test_own_word_is_no_swap_when_the_source_says_the_others_word_nearby():
    flags = run(story(_harbour(REWORDED, "The four trawlers were towed to the inner basin.")))
    assert not [f for f in flags if f.text == "dragnets"]


def test_own_word_of_a_near_field_is_a_rewording():
    # "vessels" / "trawlers": a broader word for the same boats, not another thing.
    flags = run(story(_harbour(REWORDED.replace("dragnets", "vessels"))))
    assert not [f for f in flags if f.text == "vessels"]


# An invented story: a regulator takes over an insurer; a translation renders "special
# administration" as "special attention", two everyday nouns pinned to one place by "special".
INSURER = {
    "a": "The regulator placed Costa Mutual under special administration on Friday after policyholders "
         "withdrew 90 million euros.",
    "b": "Costa Mutual was placed under special administration by the regulator on Friday, following "
         "withdrawals of 90 million euros.",
    "c": "Regulators put the insurer under special administration on Friday; clients had pulled 90 million "
         "euros in a week.",
    "d": "The regulator decided on Friday to put Costa Mutual into special attention, after the insured "
         "withdrew 90 million euros.",
}


def test_everyday_noun_swapped_inside_a_shared_phrase():
    flags = run(story(INSURER, groups=[]))
    assert ("d", "attention", "administration") in found(flags)


def test_everyday_noun_without_the_shared_phrase_is_a_rewording():
    texts = dict(INSURER, d=INSURER["d"].replace("into special attention", "under attention"))
    assert not [f for f in run(story(texts, groups=[])) if f.text == "attention"]


# An invented story: a council recalls faulty heaters. "d" says "pockets" where the others say
# "homes" (two in the same wording: one source in the same wording alone, outside a quotation, is
# below the reporting floor whatever else); two everyday words, so only "d"'s own use of "homes"
# elsewhere would make the swap an inconsistent rendering.
HEATERS = {
    "a": "Tenants should search their homes for the faulty heaters, the council said on Monday. "
         "The recall covers 4,000 units.",
    "b": "The council urged tenants to check their homes for the faulty heaters. The recall covers 4,000 units.",
    "c": "The council urged tenants to check their homes for the faulty heaters, it warned. "
         "The recall covers 4,000 units.",
    "d": "The council urged tenants to check their pockets for the faulty heaters. The recall covers 4,000 units. "
         "\"Anyone who keeps one of these heaters in their homes is at risk,\" the council said.",
}


def test_everyday_swap_is_not_made_inconsistent_by_the_others_word_in_a_quotation():
    # "homes" inside "d"'s quotation is the speaker's word, not "d"'s rendering: no flag.
    assert not [f for f in run(story(HEATERS)) if f.text == "pockets"]
    # Written in "d"'s own prose, "homes" elsewhere makes "pockets" an inconsistent rendering.
    prose = dict(HEATERS, d=HEATERS["d"].replace("\"Anyone who keeps one of these heaters in their homes is at "
                                                 "risk,\" the council said.", "Anyone who keeps one of these "
                                                 "heaters in their homes is at risk, the council said."))
    assert ("d", "pockets", "homes") in found(run(story(prose)))


@pytest.mark.parametrize("mine, theirs, kept", [
    ("calmly", "quietly", True),      # WordNet relates the adjectives, not the adverbs
    ("angrily", "furiously", True),
    ("swiftly", "rapidly", False),    # no everyday sense shared even by the adjectives
    ("firmly", "strongly", False),
])
def test_adverbs_mean_what_their_adjectives_mean(mine, theirs, kept):
    from srccompare.checks.base import Token
    from srccompare.checks.lexicon import MEANING_KEPT
    from srccompare.checks.terms.meaning import _meaning

    meaning = _meaning([Token(mine, 0, 0)], [Token(theirs, 0, 0)])
    assert (meaning is not None and meaning >= MEANING_KEPT) is kept


def test_adverb_synonym_in_a_quotation_is_low():
    # The fans "waited calmly" / "quietly": the speaker's words rendered with a synonym, at most low.
    line = "“We waited {} outside the stadium until the gates opened,” one supporter told reporters."
    texts = {"a": line.format("quietly"), "b": line.format("quietly"), "c": line.format("quietly"),
             "d": line.format("calmly")}
    flags = [f for f in run(story(texts)) if f.source == "d"]
    assert all(f.severity is Severity.LOW for f in flags)


def test_the_others_word_is_judged_in_the_form_most_of_them_print():
    # "generation" in two sources, "generator" (same stem, a rarer word) in the one the panel
    # meets first: the swap is judged as against "generation", as if all three printed it.
    line = "Residents were moved after the {} on the hill above the town failed during the storm on Sunday."
    mixed = {"d": line.format("generator"), "b": line.format("generation"), "c": line.format("generation"),
             "a": line.format("system")}
    same = dict(mixed, d=line.format("generation"))
    got = [(f.text, f.severity) for f in run(story(mixed)) if f.source == "a"]
    assert got == [(f.text, f.severity) for f in run(story(same)) if f.source == "a"]


# An invented story: a mayor closes a coast road; "d" renders the quotation anew (two words of a
# near field put for the others'), or copies it with one such word changed.
CLOSURE = ("“The closure was needed to protect the {} and every {} along the coast road was warned in time,” "
           "the mayor said on Tuesday.")


def test_near_field_words_in_a_quotation_rendered_anew_are_low():
    texts = {o: CLOSURE.format("neighbourhoods", "vehicle") for o in "abc"}
    texts["d"] = CLOSURE.format("districts", "lorry")
    flags = [f for f in below_floor(story(texts)) if f.source == "d"]
    assert {f.text for f in flags} == {"districts", "lorry"}
    assert all(f.severity is Severity.LOW for f in flags)


def test_near_field_word_in_an_otherwise_copied_quotation_keeps_its_severity():
    texts = {o: CLOSURE.format("neighbourhoods", "vehicle") for o in "abc"}
    texts["d"] = CLOSURE.format("districts", "vehicle")
    flags = [f for f in run(story(texts)) if f.source == "d"]
    assert [(f.text, f.severity) for f in flags] == [("districts", Severity.HIGH)]


# --- a person's title told otherwise (rank word dropped or added) ---------------------------------

def _ports(d_text: str, c_text: str = "Deputy Harbour Commissioner Lotte Vranken said the quay would reopen.") -> dict[str, str]:
    return {
        "a": "The storm tore two cranes loose at the container terminal. Deputy Harbour Commissioner "
             "Lotte Vranken said the quay would reopen on Monday.",
        "b": "Two cranes broke loose in the storm. The quay will reopen on Monday, Deputy Harbour "
             "Commissioner Lotte Vranken told reporters.",
        "c": "Cranes at the terminal were torn loose by the storm. " + c_text,
        "d": "The storm tore two cranes loose at the terminal. " + d_text,
    }


def _titles(flags):
    return [(f.source, f.expected) for f in flags if "title the same person" in f.message]


def test_a_dropped_rank_word_is_another_office():
    flags = run(story(_ports("Harbour Commissioner Lotte Vranken said the quay would reopen on Monday.")))
    got = [f for f in flags if "title the same person" in f.message]
    assert [(f.source, f.text, f.expected) for f in got] == [("d", "Harbour Commissioner",
                                                            "Deputy Harbour Commissioner")]
    assert got[0].severity is Severity.MEDIUM
    assert sorted(e.source for e in got[0].evidence) == ["a", "b", "c"]


def test_an_added_rank_word_is_another_office_too():
    texts = {s: t.replace("Deputy Harbour", "Harbour") for s, t in _ports("").items()}
    texts["d"] = "The storm tore two cranes loose. Acting Harbour Commissioner Lotte Vranken said the quay would reopen."
    assert _titles(run(story(texts))) == [("d", "Harbour Commissioner")]


def test_rank_read_in_lower_case_and_in_apposition():
    flags = run(story(_ports("Harbour Commissioner Lotte Vranken said the quay would reopen on Monday.",
                             c_text="According to the deputy harbour commissioner, Lotte Vranken, the quay "
                                    "would reopen on Monday.")))
    assert [s for s, _ in _titles(flags)] == ["d"]


@pytest.mark.parametrize("d_text", [
    "Mrs Vranken said the quay would reopen on Monday.",  # a form of address
    "Vranken said the quay would reopen on Monday.",  # the bare surname
    "Deputy Commissioner Lotte Vranken said the quay would reopen on Monday.",  # shortened, rank kept
    "The deputy commissioner said the quay would reopen on Monday.",  # no name beside the title
])
def test_shortened_titles_and_forms_of_address_are_no_flag(d_text):
    assert _titles(run(story(_ports(d_text)))) == []


def test_a_source_printing_two_titles_for_the_person_is_left_alone():
    d_text = ("Harbour Commissioner Lotte Vranken said the quay would reopen on Monday. A year ago "
              "Deputy Harbour Commissioner Lotte Vranken had warned about the cranes.")
    assert _titles(run(story(_ports(d_text)))) == []


def test_another_person_with_the_same_surname_is_no_flag():
    assert _titles(run(story(_ports("Harbour Commissioner Pieter Vranken said the quay would reopen.")))) == []


def test_one_other_source_is_no_consensus_on_a_title():
    # Only c and d title her, one each way.
    texts = _ports("Harbour Commissioner Lotte Vranken said the quay would reopen on Monday.")
    texts["a"] = texts["a"].replace("Deputy Harbour Commissioner", "Ms")
    texts["b"] = texts["b"].replace("Deputy Harbour Commissioner", "Ms")
    assert _titles(run(story(texts))) == []


def test_a_misspelt_rank_word_is_no_demotion():
    # "Depty" is a garble of the rank word, left to the garble check.
    assert _titles(run(story(_ports("Depty Harbour Commissioner Lotte Vranken said the quay would reopen.")))) == []


# --- a more general word for the same thing (a hypernym) -----------------------------------------
#
# An invented story: a fishing boat sinks off a headland; "d" names the boat by its kind ("vessel"
# for "trawler"), or by a sister kind ("ferry"), in prose or in the skipper's quotation.
TRAWLER = ("The {} sank two miles off Gull Head on Thursday night after its hold flooded, "
           "and the coastguard lifted all six crew from a life raft.")
SKIPPER = ("“The {} went down in ten minutes and we were lucky to reach the raft at all,” "
           "the skipper told reporters at the harbour.")


def test_a_more_general_word_outside_a_quotation_is_no_flag():
    texts = {k: TRAWLER.format("trawler") for k in "abc"}
    texts["d"] = TRAWLER.format("vessel")
    assert found(run(story(texts)), "d") == []


def test_a_sister_word_outside_a_quotation_keeps_its_flag():
    texts = {k: TRAWLER.format("trawler") for k in "abc"}
    texts["d"] = TRAWLER.format("ferry")
    flags = run(story(texts))
    assert found(flags, "d") == [("d", "ferry", "trawler")]
    assert flags[0].severity is not Severity.LOW


def test_a_more_general_word_inside_a_quotation_is_low():
    texts = {k: SKIPPER.format("trawler") for k in "abc"}
    texts["d"] = SKIPPER.format("vessel")
    flags = below_floor(story(texts))
    assert found(flags, "d") == [("d", "vessel", "trawler")]
    assert flags[0].severity is Severity.LOW


# --- a copied quotation against translations of it ------------------------------------------------
#
# An invented story: a glacier guide on a shrinking ice field. "a" and "b" print the guide's second
# quotation alike (they copy quotes); "c" and "d" word it each their own way (they translate), and
# agree on one everyday word in the first quotation where "a" prints another.
GUIDE_ONE = "“In twenty years the meltwater lake below the ice will be {} and the valley will look like a quarry,” the guide said."
GUIDE_TWO = {
    "copied": "“We take three hundred walkers up every summer and the path moves each season,” she added.",
    "c": "“Every summer we lead three hundred hikers up, and each season the trail shifts,” she added.",
    "d": "“We guide some three hundred walkers each summer and the route changes every year,” she added.",
}


def _guide(translating: bool) -> dict[str, str]:
    texts = {
        "a": GUIDE_ONE.format("gone") + " " + GUIDE_TWO["copied"],
        "b": "The guide spoke to reporters on the ice on Monday. " + GUIDE_TWO["copied"],
    }
    for k in "cd":
        texts[k] = GUIDE_ONE.format("dry") + " " + (GUIDE_TWO[k] if translating else GUIDE_TWO["copied"])
    return texts


def test_a_copied_quote_against_translations_agreeing_on_an_everyday_word_is_low():
    flags = [f for f in below_floor(story(_guide(True))) if f.source == "a"]
    assert [(f.text, f.expected) for f in flags] == [("gone", "dry")]
    assert flags[0].severity is Severity.LOW


def test_a_copied_quote_against_copied_quotes_keeps_its_severity():
    flags = [f for f in run(story(_guide(False))) if f.source == "a"]
    assert [(f.text, f.expected) for f in flags] == [("gone", "dry")]
    assert flags[0].severity is not Severity.LOW
