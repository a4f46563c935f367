"""name_variant: misspelt names against the spelling most sources use; legitimate forms left alone."""

from __future__ import annotations


import pytest

from checks_builder import assert_offsets_true, found, seeds_analysis, seeds_context, story
from srccompare.checks.names import NameCheck, name_key, romanisation, transliteration_pair
from srccompare.models import Kind, Severity

CHILE = {
    "a": "Chilean President Gabriel Boric visited Valparaiso on Monday. Boric said the government would send aid to the port.",
    "b": "President Gabriel Boric travelled to Valparaiso on Monday. Boric promised that aid would reach the port soon.",
    "c": "Gabriel Boric went to Valparaíso on Monday. Mr. Boric told reporters aid was coming to the port.",
    "d": "Gabriel Borik arrived in Valparaiso on Monday. Borik said help was on the way to the port.",
}


def run(ctx):
    # As run_checks does: flags under the confidence floor are not reported.
    flags = [f for f in NameCheck().run(ctx) if f.confidence >= ctx.settings.min_confidence]
    assert all(f.kind is Kind.NAME_VARIANT for f in flags)
    assert_offsets_true(ctx, flags)
    return flags


def test_misspelt_person_in_aligned_groups():
    ctx = story(CHILE)
    flags = run(ctx)
    assert found(flags) == [("d", "Borik", "Boric"), ("d", "Borik", "Boric")]
    f = flags[0]
    assert f.severity is Severity.HIGH and f.confidence >= 0.85
    assert f.group is not None
    assert sorted(e.source for e in f.evidence) == ["a", "b", "c"]
    assert all(e.text == "Boric" for e in f.evidence)
    assert "Borik" in f.message and "Boric" in f.message


def test_story_wide_place_misspelling_without_aligned_counterpart():
    texts = {
        "a": "Flooding closed the port of Rotterdam on Tuesday. Officials in Rotterdam expect delays.",
        "b": "Shipping was halted at Rotterdam after the storm. Crews cleared the channel overnight.",
        "c": "The storm hit the coast late on Monday. Dock workers in Rotterdamm were sent home.",
    }
    # Only the first sentences are aligned; c's misspelling sits in an unaligned sentence.
    ctx = story(texts, groups=[[("a", 0), ("b", 0), ("c", 0)]])
    flags = run(ctx)
    assert found(flags) == [("c", "Rotterdamm", "Rotterdam")]
    assert flags[0].group is None
    assert {e.source for e in flags[0].evidence} == {"a", "b"}


def test_name_turned_into_an_ordinary_word_is_high():
    texts = {
        "a": "Senator Hartley told the committee the budget was final.",
        "b": "Hartley told the committee that the budget would not change.",
        "c": "Speaking on Friday, Hartley told the committee the budget was settled.",
        "d": "On Friday, Hardly told the committee the budget was closed.",
    }
    flags = run(story(texts))
    assert found(flags) == [("d", "Hardly", "Hartley")]
    assert flags[0].severity is Severity.HIGH
    assert "ordinary word" in flags[0].message


def test_lower_case_word_where_the_others_agree_on_a_name():
    texts = {
        "a": "Hollins said the vote would be close in the northern districts.",
        "b": "Hollins said the vote was going to be close in the north.",
        "c": "According to Hollins, the vote would be close in the north.",
        "d": "hollies said the vote would be close in the northern districts.",
    }
    flags = run(story(texts))
    assert found(flags) == [("d", "hollies", "Hollins")]


@pytest.mark.parametrize(
    "variant_text",
    [
        "Mr. Boric visited Valparaiso on Monday. Mr Boric said aid would reach the port.",  # honorifics
        "Boric's government visited Valparaiso on Monday. Boric’s aides said aid would reach the port.",  # possessive
        "Gabriel F. Boric visited Valparaiso on Monday. Boric said aid would reach the port.",  # initial
        "The Chilean leader visited Valparaiso on Monday. Boric said aid would reach the port.",  # demonym
        "Boric visited Valparaíso on Monday. He said aid would reach the port.",  # accent, pronoun
        "Aid reached Valparaiso on Monday. Boric said the port would reopen.",  # sentence-start capital
        "Boric visited Valparaiso on Monday with Tohá. Boric said aid would reach the port.",  # only one source
    ],
)
def test_legitimate_forms_are_not_flagged(variant_text):
    texts = dict(CHILE)
    texts["d"] = variant_text
    texts["e"] = "Chile's president Gabriel Boric flew to Valparaiso. Boric told reporters aid was coming."
    assert run(story(texts)) == []


def test_hyphenation_is_not_a_variant():
    texts = {
        "a": "Swiss President Karin Keller-Sutter met the delegation in Bern.",
        "b": "President Karin Keller-Sutter hosted the delegation in Bern.",
        "c": "President Karin Keller Sutter welcomed the delegation in Bern.",
    }
    assert run(story(texts)) == []


def test_two_corroborated_people_are_not_variants_of_each_other():
    texts = {
        "a": "Minister Alvarez met Governor Alvarado in the capital.",
        "b": "Alvarez and Alvarado met in the capital on Friday.",
        "c": "Alvarado later said Alvarez had promised new funding.",
    }
    assert run(story(texts)) == []


def test_name_frequent_in_one_source_is_another_person_without_aligned_evidence():
    texts = {
        "a": "Analyst Martin expects growth to slow. The bank said exports fell.",
        "b": "According to Martin, growth will slow. The bank said exports dropped.",
        "c": "Growth will slow this year. Marten runs the fund. Marten said it bought bonds. Marten sold stocks.",
    }
    ctx = story(texts, groups=[[("a", 1), ("b", 1)]])
    assert run(ctx) == []


def test_prefix_names_are_left_alone():
    # "Jian" and "Jiang" may be two people; one being the other's prefix is not a typo.
    texts = {
        "a": "Spokesman Lin Jian spoke on Monday.",
        "b": "Spokesman Lin Jian said talks would go ahead on Monday.",
        "c": "Spokesman Lin Jiang spoke on Monday.",
    }
    assert run(story(texts)) == []


def test_ids_are_stable_across_runs_and_added_sources():
    first = run(story(CHILE))
    again = run(story(CHILE))
    assert [f.id for f in first] == [f.id for f in again]
    assert len({f.id for f in first}) == len(first)
    more = dict(CHILE)
    more["e"] = "President Gabriel Boric reached Valparaiso on Monday. Boric said aid was coming to the port."
    grown = run(story(more))
    assert {f.id for f in first} <= {f.id for f in grown}


@pytest.fixture(scope="module")
def seed_flags():
    ctx = seeds_context()
    return ctx, run(ctx), seeds_analysis().flags


def test_seeds_name_variants(seed_flags):
    ctx, flags, final = seed_flags
    got = {(f.source[:3], f.text, f.expected) for f in flags}
    assert ("001", "Becent", "Bessent") in got
    assert ("001", "Best", "Bessent") in got
    assert ("004", "Genevea", "Geneva") in got
    # They survive the overlap resolution of the whole check run.
    final_got = {(f.source[:3], f.text, f.kind) for f in final}
    for src, text in (("001", "Becent"), ("001", "Best"), ("004", "Genevea")):
        assert (src, text, Kind.NAME_VARIANT) in final_got
    for f in flags:
        assert f.evidence, f


def test_seeds_clean_sources_have_no_name_flags(seed_flags):
    _, flags, _ = seed_flags
    assert not [f for f in flags if f.source[:3] in {"000", "003"}]


def test_two_well_known_words_are_not_one_misspelt():
    texts = {
        "a": "The German striker joined the club on Monday. German fans cheered.",
        "b": "The German striker signed on Monday, German media said.",
        "c": "The striker from Germany signed on Monday.",
    }
    assert run(story(texts)) == []


@pytest.mark.parametrize(
    "d_text, flagged, expected",
    [
        # A lost last letter, the short form being no known word.
        ("Treasurer Daniel Pryc welcomed the cut on Tuesday.", "Pryc", "Pryce"),
        # A doubled vowel lost: not a derived form of the name.
        ("Trade Representative Jamieson Grer welcomed the cut on Tuesday.", "Grer", "Greer"),
        # One letter lost story-wide (no aligned counterpart), the slip being no known word.
        ("The cut was long expected. Cardiologist Martin Keoh disagreed.", "Keoh", "Keogh"),
    ],
)
def test_one_letter_slips_of_known_names(d_text, flagged, expected):
    texts = {
        "a": "Treasurer Daniel Pryce welcomed the cut on Tuesday. Jamieson Greer and Martin Keogh agreed.",
        "b": "Treasurer Daniel Pryce said on Tuesday he welcomed the cut. Greer and Keogh agreed.",
        "c": "Daniel Pryce, the treasurer, welcomed the cut on Tuesday. Greer and Keogh agreed.",
        "d": d_text,
    }
    groups = [[("a", 0), ("b", 0), ("c", 0), ("d", 0)]]
    assert (("d", flagged, expected) in found(run(story(texts, groups=groups)))
            and len(found(run(story(texts, groups=groups)))) == 1)


def test_zipf_shortcut_for_unknown_plain_words_agrees_with_wordfreq():
    # lexicon.zipf answers 0 for a plain a-z word missing from the frequency list without
    # wordfreq's tokenizer; known words, capitals, accents and apostrophes take the full path.
    import wordfreq

    from srccompare.checks.lexicon import zipf

    for lang in ("en", "fr", "de"):
        for w in ("tariffs", "tarrifs", "negoti", "ations", "onde", "minimis", "Geneva", "Genevea",
                  "café", "don't", "xqzv", "bessent", "becent", "the", "a"):
            assert zipf(w, lang) == wordfreq.zipf_frequency(w, lang), (w, lang)


# --- Session 2 rules, on an invented story: a timber-mill fire in a lake district ---------------


def test_misspelt_weekday_is_not_a_name_variant():
    # A weekday is a date, not a name: its misspelling is left to the garble check.
    texts = {
        "a": "The mill burned on Wednesday night, fire chief Oskar Wever said.",
        "b": "Fire chief Oskar Wever said the mill burned on Wednesday night.",
        "c": "The timber mill burned on Wednesday night, said Oskar Wever.",
        "d": "The mill burned on Wendesday night, fire chief Oskar Wever said.",
    }
    assert run(story(texts)) == []


def test_misspelling_of_a_word_the_story_prints_in_lower_case_is_not_a_name_variant():
    # "Parliament" is capitalised here and there, but the story mostly prints it as a common noun.
    texts = {
        "a": "On Monday the Parliament debated the fire. Members of parliament asked for an inquiry.",
        "b": "On Monday the Parliament debated the fire, and parliament will vote on Friday.",
        "c": "The fire was debated in parliament on Monday; parliament wants an inquiry.",
        "d": "On Monday the Parlaiment debated the fire. Members asked for an inquiry.",
    }
    assert run(story(texts)) == []


def test_two_attested_names_printed_by_one_source_are_not_a_misspelling():
    # d prints the country and its capital: both are in the frequency list and three letters
    # apart, so a writer who prints both knows them apart.
    texts = {
        "a": "The mill's owner is based in Algeria. Algeria buys most of its timber.",
        "b": "Most of the timber goes to Algeria, the owner said.",
        "c": "Exports to Algeria will stop for a month.",
        "d": "Exports to Algeria will stop, the owner told reporters in Algiers.",
    }
    assert run(story(texts, groups=[[("a", 0), ("b", 0)]])) == []
    # Printed alone, the capital is compared with the country as a misspelling would be: the rule
    # above is what keeps it apart.
    texts["d"] = "Exports will stop, the owner told reporters in Algiers."
    assert found(run(story(texts, groups=[[("a", 0), ("b", 0)]]))) == [("d", "Algiers", "Algeria")]


def test_full_name_decides_when_the_surname_belongs_to_another_person():
    # "Lindquist" is corroborated (the captain), so only the full name shows the coach misspelt.
    texts = {
        "a": "Coach Tomas Lindqvist praised the volunteers. Captain Erik Lindquist led the crews.",
        "b": "Coach Tomas Lindqvist thanked the crews. Captain Erik Lindquist was injured.",
        "c": "Tomas Lindqvist, the coach, praised the volunteers. Erik Lindquist led them.",
        "d": "Coach Tomas Lindquist praised the volunteers. Captain Erik Lindquist led the crews.",
    }
    flags = run(story(texts))
    assert found(flags) == [("d", "Lindquist", "Tomas Lindqvist")]
    assert flags[0].start == texts["d"].index("Lindquist")
    assert {e.text for e in flags[0].evidence} == {"Tomas Lindqvist"}


def test_hyphenated_given_name_is_compared_whole_and_syllable_names_two_edits_apart_are_two_people():
    base = {
        "a": "Mill owner Park Min-seok said the fire started in the drying shed.",
        "b": "Owner Park Min-seok told reporters the fire started in the drying shed.",
        "c": "The fire started in the drying shed, owner Park Min-seok said.",
    }
    slip = dict(base, d="Mill owner Park Min-sek said the fire started in the drying shed.")
    assert found(run(story(slip))) == [("d", "Min-sek", "Min-seok")]
    # Two syllable edits in the same full name at the same place, in a source that never prints
    # "Min-seok", is the same man misspelt (session 3: the seventh author's "Min-suk"); a source that
    # prints both names is naming two people.
    other = dict(base, d="Mill owner Park Min-suk said the fire started in the drying shed.")
    assert found(run(story(other))) == [("d", "Min-suk", "Park Min-seok")]
    other = dict(base, d="Mill owner Park Min-seok said the fire started in the drying shed. His son Park Min-suk agreed.")
    assert run(story(other, groups=[[("a", 0), ("b", 0), ("c", 0), ("d", 0)]])) == []


def test_same_sound_with_a_different_first_letter_in_an_aligned_group():
    texts = {
        "a": "Ranger Ana Quiroga said the smoke reached the lake by noon.",
        "b": "The smoke reached the lake by noon, ranger Ana Quiroga said.",
        "c": "Ranger Ana Kiroga said the smoke reached the lake by noon.",
    }
    assert found(run(story(texts))) == [("c", "Kiroga", "Quiroga")]


def test_rare_word_at_a_sentence_start_is_a_name():
    texts = {
        "a": "Firefighter Chidi Okonkwo was treated for burns. Okonkwo later returned to the line.",
        "b": "Chidi Okonkwo, a firefighter, was treated for burns and returned to the line.",
        "c": "A firefighter, Chidi Okonkwo, was treated for burns.",
        "d": "A firefighter was treated for burns. Okonkow later returned to the line.",
    }
    ctx = story(texts, groups=[[("a", 0), ("b", 0), ("c", 0), ("d", 0)]])
    assert found(run(ctx)) == [("d", "Okonkow", "Okonkwo")]


def test_surname_turned_into_a_word_it_sounds_like():
    texts = {
        "a": "Fire chief Oskar Wever said the mill had no sprinklers.",
        "b": "The mill had no sprinklers, fire chief Oskar Wever said.",
        "c": "Oskar Wever, the fire chief, said the mill lacked sprinklers.",
        "d": "Fire chief Oskar Wever inspected the site. According to the weaver, the mill had no sprinklers.",
    }
    ctx = story(texts, groups=[[("a", 0), ("b", 0), ("c", 0)]])
    flags = run(ctx)
    assert found(flags) == [("d", "weaver", "Wever")]
    # Without the source naming the chief elsewhere, "the weaver" may be someone else.
    texts["d"] = "The mill had no sprinklers. According to the weaver, the fire began at night."
    assert run(story(texts, groups=[[("a", 0), ("b", 0), ("c", 0)]])) == []


def test_surname_translated_into_a_word_in_an_aligned_group():
    # "Schwarz" (German for black) rendered "Black" by a translation; same given name, same place.
    texts = {
        "a": "Inspector Karl Schwarz said the fire was set deliberately.",
        "b": "The fire was set deliberately, Inspector Karl Schwarz said.",
        "c": "Inspector Karl Black said the fire was set deliberately.",
        "d": "Police inspector Karl Schwarz said arson was suspected.",
    }
    flags = run(story(texts, groups=[[("a", 0), ("b", 0), ("c", 0)], [("d", 0), ("a", 0)]]))
    assert found(flags) == [("c", "Black", "Schwarz")]
    assert flags[0].severity is Severity.MEDIUM
    # A surname that is no foreign word: a different person, left to the attribution check.
    swapped = {k: v.replace("Schwarz", "Hoffmann") for k, v in texts.items()}
    assert run(story(swapped, groups=[[("a", 0), ("b", 0), ("c", 0)], [("d", 0), ("a", 0)]])) == []


# --- session 2, third-author round: an invented story (a dam inspection on a river delta) ------

DAM = {
    "a": "Water Minister Karim Tahir inspected the cracked spillway on Friday. Tahir ordered the reservoir lowered.",
    "b": "Minister Karim Tahir visited the spillway on Friday and ordered the reservoir lowered.",
    "c": "On Friday Minister Karim Tahir toured the damaged spillway. He ordered the reservoir lowered.",
}


@pytest.mark.parametrize("a, b, accepted", [
    ("karim", "kerim", True),     # a/e: one short vowel between consonants
    ("sergei", "sergey", True),   # i/y glide
    ("yusuf", "jusuf", True),     # j/y glide
    ("osman", "usman", True),     # o/u at the start
    ("jean", "jian", False),      # inside a vowel cluster: two names, not one romanised twice
    ("hamdan", "hamdin", False),  # a/i is no romanisation pair (and "hamdin" is no known spelling)
    ("osman", "osmen", False),    # a slip no frequency list knows
    ("tahir", "tahr", False),     # a letter dropped
])
def test_transliteration_pairs(a, b, accepted):
    assert transliteration_pair(a, b) is accepted
    assert transliteration_pair(b, a) is accepted


def test_accepted_romanisation_is_a_low_note_and_a_slip_is_not():
    romanised = dict(DAM, d="Water Minister Kerim Tahir inspected the cracked spillway on Friday.")
    flags = run(story(romanised))
    assert found(flags) == [("d", "Kerim", "Karim")]
    assert flags[0].severity is Severity.LOW and "romanisation" in flags[0].message
    slip = dict(DAM, d="Water Minister Karrim Tahir inspected the cracked spillway on Friday.")
    flags = run(story(slip))
    assert found(flags) == [("d", "Karrim", "Karim")]
    assert flags[0].severity is not Severity.LOW


def test_letters_without_a_decomposition_are_folded_as_english_texts_render_them():
    assert name_key("Kjær") == "kjaer" and name_key("Þorvaldur") == "thorvaldur" and name_key("Łęcki") == "lecki"
    texts = dict(DAM, d="Engineer Søren Kjær said the spillway cracked in two places.")
    for k in ("a", "b", "c"):
        texts[k] += " Engineer Soren Kjaer said the spillway cracked in two places."
    groups = [[("a", 0), ("b", 0), ("c", 0)], [("a", 2), ("b", 1), ("c", 2), ("d", 0)]]
    assert run(story(texts, groups=groups)) == []


@pytest.mark.parametrize("woman, wrong, man", [
    ("Olga Kuznetsova", "Olga Kuznetsov", "Pavel Kuznetsov"),
    ("Helga Einarsdottir", "Helga Einarsson", "Bjorn Einarsson"),
])
def test_surname_with_the_other_sex_ending_is_judged_on_the_full_name(woman, wrong, man):
    # The masculine surname is corroborated (the woman's colleague has it), so only the full name
    # shows the translation put the wrong ending on her surname.
    texts = {
        "a": f"Hydrologist {woman} said the river rose a metre overnight. Her deputy {man} agreed.",
        "b": f"The river rose a metre overnight, hydrologist {woman} said. {man} agreed.",
        "c": f"{woman}, a hydrologist, said the river rose by a metre.",
        "d": f"The hydrologist {wrong} said the river rose by a metre in the night.",
    }
    groups = [[("a", 0), ("b", 0), ("c", 0)], [("a", 1), ("b", 1)]]
    flags = run(story(texts, groups=groups))
    surname = wrong.split()[1]
    assert found(flags) == [("d", surname, woman)]
    assert "other sex" in flags[0].message
    # The colleague himself, under his own given name, is no variant.
    texts["d"] = f"The hydrologist's deputy {man} said the river rose by a metre in the night."
    assert run(story(texts, groups=groups)) == []


def test_first_consonant_made_at_the_same_place_in_an_aligned_group():
    base = {
        "a": "Engineer Teresa Palma said the spillway gates were jammed.",
        "b": "The spillway gates were jammed, engineer Teresa Palma said.",
        "c": "Teresa Palma, an engineer, said the gates were jammed.",
    }
    assert found(run(story(dict(base, d="Engineer Teresa Balma said the spillway gates were jammed.")))) == [
        ("d", "Balma", "Palma")]
    # A first letter of another sound class is another name, even at the same place.
    assert run(story(dict(base, d="Engineer Teresa Salma said the spillway gates were jammed."))) == []
    # Without an aligned counterpart the first letter must agree, as before.
    unaligned = dict(base, d="The gates were jammed. Balma said repairs would take a week.")
    assert run(story(unaligned, groups=[[("a", 0), ("b", 0), ("c", 0)]])) == []


# --- session 2, round 3: an invented story (a glacier lake outburst in a mountain valley) ---------

GLACIER = {
    "a": "Hydrologist Pyotr Semyonov said the glacier lake burst its moraine at dawn. Semyonov warned of more floods.",
    "b": "The glacier lake burst its moraine at dawn, hydrologist Pyotr Semyonov said. Semyonov expects more floods.",
    "c": "Pyotr Semyonov, a hydrologist, said the lake burst its moraine at dawn. Semyonov fears more floods.",
}


@pytest.mark.parametrize("a, b", [
    ("semyonov", "semenov"),      # Russian yo after a consonant written e
    ("khalilov", "halilov"),      # kh / h
    ("philippos", "filippos"),    # ph / f
    ("dmitriy", "dmitry"),        # the -iy ending written -y
    ("tymofei", "tymofey"),       # a glide beside a vowel, no frequency evidence needed
])
def test_romanisation_conventions_need_no_frequency_evidence(a, b):
    assert transliteration_pair(a, b) and transliteration_pair(b, a)


def test_yo_written_e_is_a_low_note_and_a_slip_stays_an_error():
    # A source that writes the name by the other scheme throughout (two mentions) renders it so:
    # no flag (``names._own_rendering``); beside the others' spelling in the same source, a note.
    assert run(story(dict(GLACIER, d="Hydrologist Pyotr Semenov said the glacier lake burst its moraine at dawn. "
                                       "Semenov warned of more."))) == []
    flags = run(story(dict(GLACIER, d="Hydrologist Pyotr Semenov said the glacier lake burst its moraine at dawn. "
                                       "Semyonov warned of more.")))
    assert found(flags) == [("d", "Semenov", "Semyonov")]
    assert flags[0].severity is Severity.LOW
    # Another vowel in the same place, the consonants kept: a romanisation's shape as much as a
    # slip's (``names._same_consonants``), so a note too.
    flags = run(story(dict(GLACIER, d="Hydrologist Pyotr Semyanov said the glacier lake burst its moraine at dawn.")))
    assert found(flags) == [("d", "Semyanov", "Semyonov")]
    assert flags[0].severity is Severity.LOW


def test_umlaut_transcribed_with_e_is_the_same_name():
    base = {k: v.replace("Pyotr Semyonov", "Jürgen Köhler").replace("Semyonov", "Köhler") for k, v in GLACIER.items()}
    assert run(story(dict(base, d="Hydrologist Jürgen Koehler said the glacier lake burst its moraine at dawn."))) == []
    # A slip in the transcribed form is still a slip.
    assert found(run(story(dict(base, d="Hydrologist Jürgen Koehlr said the glacier lake burst its moraine at dawn.")))) == [
        ("d", "Koehlr", "Köhler")]


def test_encoding_damage_is_no_name_variant():
    # "Köhler" written as UTF-8 and read as cp1252: the garble check's, not a spelling of the name.
    base = {k: v.replace("Pyotr Semyonov", "Jürgen Köhler").replace("Semyonov", "Köhler") for k, v in GLACIER.items()}
    damaged = "Köhler".encode("utf-8").decode("cp1252")
    assert damaged == "KÃ¶hler"
    assert run(story(dict(base, d=f"Hydrologist Jürgen {damaged} said the glacier lake burst its moraine at dawn."))) == []
    assert run(story(dict(base, d="Hydrologist Jürgen K\ufffdhler said the glacier lake burst its moraine at dawn."))) == []


def test_well_known_word_that_begins_a_rarer_name_is_itself():
    from srccompare.checks.lexicon import zipf
    from srccompare.checks.names import _comparable

    assert zipf("jordan") >= 3.5 > zipf("jordana")
    assert not _comparable("jordan", "jordana")
    # The long form printed by the minority is still a slip ("Rotterdamm").
    assert _comparable("jordana", "jordan") or _comparable("rotterdamm", "rotterdam")
    # A short name the frequency list does not know, one letter cut: a slip.
    assert zipf("tamuk") == 0 and zipf("tamu") > 0 and zipf("kiruvo") == 0
    assert _comparable("kiruv", "kiruvo")


# --- session 3: an invented story (a landslide that closed a mountain railway) -------------------

RAIL = {
    "a": "Rail inspector Miriam Okoro said the landslide buried the line near the tunnel. Okoro expects a week of repairs.",
    "b": "The landslide buried the line near the tunnel, rail inspector Miriam Okoro said. Okoro expects repairs to last a week.",
    "c": "Miriam Okoro, the rail inspector, said the slide buried the line near the tunnel. She expects a week of repairs.",
}


def test_two_established_romanisations_are_not_flagged_and_a_rarer_one_is_a_note():
    assert romanisation("mohammad", "mohammed") == "accepted"
    assert romanisation("semenov", "semyonov") == "note"       # one spelling rare: still a note
    assert romanisation("choudhury", "chowdhury") == "accepted"  # ow / ou before a consonant
    assert romanisation("abdul", "abdel") == "accepted"          # the vowel of the article
    base = {k: v.replace("Miriam Okoro", "Mohammed Okoro") for k, v in RAIL.items()}
    d = "Rail inspector Mohammad Okoro said the landslide buried the line near the tunnel."
    assert run(story(dict(base, d=d))) == []


def test_a_rarer_spelling_of_a_common_english_name_is_no_romanisation():
    assert romanisation("helin", "helen") is None
    base = {k: v.replace("Miriam", "Helen") for k, v in RAIL.items()}
    flags = run(story(dict(base, d="Rail inspector Helin Okoro said the landslide buried the line near the tunnel.")))
    assert found(flags) == [("d", "Helin", "Helen")]
    assert flags[0].severity is not Severity.LOW


def test_given_name_at_a_sentence_start_before_a_known_surname_is_a_name():
    base = {k: v.replace("Miriam", "Helen") for k, v in RAIL.items()}
    d = "Helin Okoro, the rail inspector, said the slide buried the line near the tunnel."
    assert found(run(story(dict(base, d=d)))) == [("d", "Helin", "Helen")]
    # An ordinary word opening the sentence before the name is not taken for a given name.
    d = "Inspector Okoro said the slide buried the line near the tunnel."
    assert run(story(dict(base, d=d))) == []


def test_a_near_surname_after_another_given_name_is_another_person():
    mayor = " Mayor Daniel Okora said the town would pay for buses."
    texts = dict(RAIL, d="Rail inspector Miriam Okoro said the slide buried the line near the tunnel." + mayor)
    texts["d"] += " Okora said the buses would run all week."
    assert run(story(texts, groups=[[("a", 0), ("b", 0), ("c", 0), ("d", 0)]])) == []
    # The same surname slip under her own given name is still a slip (printed once: a source that
    # writes the name so at every mention keeps a rendering of its own, see _kept_romanisation).
    texts["d"] = "Rail inspector Miriam Okora said the slide buried the line near the tunnel."
    assert found(run(story(texts, groups=[[("a", 0), ("b", 0), ("c", 0), ("d", 0)]]))) == [("d", "Okora", "Okoro")]


def _with(name: str, texts=RAIL) -> dict[str, str]:
    return {k: v.replace("Miriam Okoro", name).replace("Okoro", name.split()[-1]) for k, v in texts.items()}


def test_particle_dropped_from_a_full_name():
    base = _with("Lotte ter Horst")
    flags = run(story(dict(base, d="Rail inspector Lotte Horst said the landslide buried the line near the tunnel.")))
    assert found(flags) == [("d", "Lotte Horst", "Lotte ter Horst")]
    assert "particle" in flags[0].message
    # The surname alone without its particle is a usual short form.
    d = "Rail inspector Lotte ter Horst said the line was buried. Horst expects a week of repairs."
    assert run(story(dict(base, d=d))) == []


def test_particles_run_together_into_one_word():
    base = _with("Ana de la Vega")
    flags = run(story(dict(base, d="Rail inspector Ana Delavega said the landslide buried the line near the tunnel.")))
    assert found(flags) == [("d", "Delavega", "de la Vega")]


def test_wrong_initial_before_a_surname():
    base = _with("A.N. Okafor")
    flags = run(story(dict(base, d="Rail inspector A.M. Okafor said the landslide buried the line near the tunnel.")))
    assert found(flags) == [("d", "A.M.", "A.N. Okafor")]
    # Other initials printed by several sources are another person; and a full given name is no initial.
    d = "Rail inspector Anna N. Okafor said the landslide buried the line near the tunnel."
    assert run(story(dict(base, d=d))) == []


def test_part_of_a_hyphenated_name_cut_even_when_it_is_a_common_word():
    base = _with("Sara Kessler-Marks")
    flags = run(story(dict(base, d="Rail inspector Sara Kessler-Mark said the landslide buried the line near the tunnel.")))
    assert found(flags) == [("d", "Mark", "Kessler-Marks")]
    # The umlaut transcribed in one part is the same name.
    base = _with("Sara Kessler-Böhm")
    d = "Rail inspector Sara Kessler-Boehm said the landslide buried the line near the tunnel."
    assert run(story(dict(base, d=d))) == []


def test_middle_name_rendered_as_an_ordinary_word():
    base = _with("Priya Lakshmi Nair")
    flags = run(story(dict(base, d="Rail inspector Priya Wealth Nair said the landslide buried the line near the tunnel.")))
    assert found(flags) == [("d", "Wealth", "Priya Lakshmi Nair")]
    assert flags[0].severity is Severity.MEDIUM


def test_one_syllable_of_a_hyphenated_given_name_misspelt_in_a_full_name():
    base = _with("Choi Hye-jin")
    flags = run(story(dict(base, d="Rail inspector Choi Hye-joon said the landslide buried the line near the tunnel.")))
    assert found(flags) == [("d", "Hye-joon", "Choi Hye-jin")]
    # A source that prints both names is naming two people.
    d = ("Rail inspector Choi Hye-jin said the landslide buried the line near the tunnel. "
         "Her deputy Choi Hye-joon agreed.")
    assert run(story(dict(base, d=d), groups=[[("a", 0), ("b", 0), ("c", 0), ("d", 0)]])) == []


def test_syllables_of_a_given_name_are_no_lower_case_words():
    # "Hye-jin Choi" in Western order: "jin" is a syllable of her name, not a word that replaced
    # a name the others print at that place.
    texts = {k: v + " Work began in Daegu on Monday." for k, v in _with("Choi Hye-jin").items()}
    texts["d"] = "Rail inspector Hye-jin Choi said the landslide buried the line near the tunnel. Work began on Monday."
    assert run(story(texts)) == []


def test_first_word_of_a_two_word_name_misspelt_with_the_second_the_same():
    texts = {k: v + " Trains to Kelembi Junction stopped on Monday." for k, v in RAIL.items()}
    texts["d"] = "Rail inspector Miriam Okoro said the slide buried the line. Trains to Kelemb Junction stopped on Monday."
    # "Kelembi" alone would read as "Kelemb" with an adjective ending (as "Iraqi" is "Iraq"'s).
    flags = run(story(texts))
    assert found(flags) == [("d", "Kelemb", "Kelembi Junction")]
    # Another name before the same word is another place.
    texts["d"] = "Rail inspector Miriam Okoro said the slide buried the line. Trains to Ostrava Junction stopped on Monday."
    assert run(story(texts)) == []


def test_elided_particle_run_together_and_slipped_by_a_letter():
    texts = {k: v + " The slide came down above Pont d'Arvalle on Monday." for k, v in RAIL.items()}
    texts["d"] = "Rail inspector Miriam Okoro said the slide buried the line. The slide came down above Pont Darvale on Monday."
    assert found(run(story(texts))) == [("d", "Darvale", "d'Arvalle")]
    # Written apart, the particle is the same name.
    texts["d"] = "Rail inspector Miriam Okoro said the slide buried the line. The slide came down above Pont d’Arvalle on Monday."
    assert run(story(texts)) == []


@pytest.mark.parametrize("a, b", [("allan", "allen"), ("bryan", "brian"), ("kelly", "kelli")])
def test_latin_script_names_english_prints_often_are_no_romanisations(a, b):
    assert romanisation(a, b) is None and romanisation(b, a) is None


def test_initials_before_an_ordinary_word_are_no_person_s():
    texts = {k: v + " The U.S. Treasury sent engineers." for k, v in RAIL.items()}
    texts["d"] = "Rail inspector Miriam Okoro said the slide buried the line. The U.K. Treasury sent engineers."
    assert run(story(texts)) == []


def test_elided_particle_capitalised_at_a_sentence_start_is_the_same_name():
    texts = {k: v + " Trains stopped at Pont d'Arvalle on Monday." for k, v in RAIL.items()}
    texts["d"] = "Rail inspector Miriam Okoro said the slide buried the line. D'Arvalle station closed on Monday."
    assert run(story(texts)) == []


def test_a_title_before_the_expected_surname_is_no_given_name():
    texts = {
        "a": "Inspector Okoro said the landslide buried the line. The inspector expects a week of repairs.",
        "b": "The landslide buried the line, Inspector Okoro said. The inspector expects repairs to last a week.",
        "c": "Inspector Okoro said the slide buried the line. The inspector expects a week of repairs.",
        "d": "Miriam Okora, the inspector, said the landslide buried the line.",
    }
    assert found(run(story(texts, groups=[[("a", 0), ("b", 0), ("c", 0), ("d", 0)]]))) == [("d", "Okora", "Okoro")]


# --- session 4: an invented story (a ferry operator's new route across a lake) -------------------

FERRY = {
    "a": "Ferry operator chief Norio Kanda opened the new route on Saturday. Kanda said two boats would sail daily.",
    "b": "The new route opened on Saturday, ferry operator chief Norio Kanda said. Two boats will sail every day.",
    "c": "Norio Kanda, chief of the ferry operator, opened the new route on Saturday. Two boats sail daily.",
}


def test_given_name_misread_at_the_same_aligned_place():
    # A translation reading the written name another way: three letters differ, but the full name
    # stands where three other sources print the right one.
    texts = dict(FERRY, d="Ferry operator chief Naoki Kanda opened the new route on Saturday. He said two boats would sail.")
    groups = [[("a", 0), ("b", 0), ("c", 0), ("d", 0)]]
    assert found(run(story(texts, groups=groups))) == [("d", "Naoki", "Norio Kanda")]
    # Without the aligned place the likeness is too loose to call it one name.
    assert run(story(texts, groups=[[("a", 0), ("b", 0), ("c", 0)]])) == []


def test_rare_dictionary_words_can_be_a_surname_misspelt():
    # "Loper" and "Lopper" are both (rare) dictionary words; the story prints only the name.
    texts = {k: v.replace("Kanda", "Lopper") for k, v in FERRY.items()}
    texts["d"] = "Ferry operator chief Norio Loper opened the new route on Saturday. He said two boats would sail."
    groups = [[("a", 0), ("b", 0), ("c", 0), ("d", 0)]]
    assert found(run(story(texts, groups=groups))) == [("d", "Loper", "Lopper")]


@pytest.mark.parametrize("a, b", [("oksana", "oxana"), ("aleksandrov", "alexandrov"), ("saksby", "saxby")])
def test_x_written_as_ks_is_one_name(a, b):
    assert romanisation(a, b) == "accepted" and romanisation(b, a) == "accepted"


def test_x_written_as_ks_is_not_flagged():
    texts = {k: v.replace("Kanda", "Maxenko") for k, v in FERRY.items()}
    texts["d"] = "Ferry operator chief Norio Maksenko opened the new route on Saturday. He said two boats would sail."
    assert run(story(texts, groups=[[("a", 0), ("b", 0), ("c", 0), ("d", 0)]])) == []


def test_a_woman_and_a_man_of_one_family_are_two_people():
    # "Pavla Dvorakova" beside "Pavel Dvorak": the surname's female ending says two people.
    texts = {k: v.replace("Norio Kanda", "Pavel Dvorak").replace("Kanda", "Dvorak") for k, v in FERRY.items()}
    texts["c"] += " Bookings open on Monday, said Pavla Dvorakova, the sales manager."
    assert run(story(texts)) == []


def test_two_spellings_of_one_word_inside_a_name_are_no_translation():
    texts = {k: v + " Tickets are sold at the Lake Ferry Centre Kessel." for k, v in FERRY.items()}
    texts["d"] = FERRY["a"] + " Tickets are sold at the Lake Ferry Center Kessel."
    assert run(story(texts)) == []


def test_a_lone_word_whose_flag_is_declined_raises_nothing(monkeypatch):
    # ``_make`` returns None where it judges two spellings established romanisations of one name;
    # the lower-case-word rule used to append that None, and the whole check then crashed.
    from srccompare.checks import names

    texts = {
        "a": "Harbour master Anna Millar said the quay would reopen on Monday. Millar thanked the crews.",
        "b": "The quay reopens on Monday, harbour master Anna Millar said. Millar praised the crews.",
        "c": "Anna Millar, the harbour master, said the quay would reopen on Monday after repairs.",
        "d": "Harbour master Anna Millar spoke on Sunday. According to the miller, the quay would reopen on Monday.",
    }
    assert found(run(story(texts))) == [("d", "miller", "Millar")]
    make = names._make
    monkeypatch.setattr(names, "_make", lambda *a, **k: None if k.get("lowered") else make(*a, **k))
    assert found(run(story(texts))) == []
