"""garbled_text on text the earlier rules misread: legitimate English that looks like damage
(closed compounds, proper adjectives, sentences ending on a particle) and damage they missed
(a word glued to a hyphenated compound, a bound suffix split off, scanner digits, page furniture
inside a sentence). All on an invented story: a hailstorm in a wine region."""

from __future__ import annotations

import pytest

from checks_builder import found, story, reported
from srccompare.checks.garbles import GarbleCheck, _closed_compound
from srccompare.checks.lexicon import capitalised_senses, phrasal_verb
from srccompare.models import Kind


def run(ctx):
    return reported(GarbleCheck(), ctx, Kind.GARBLED_TEXT)


HAIL = {
    "a": "Hail destroyed about 600 hectares of vines near Mendrisio on Saturday, the growers' union said. "
         "The union asked the canton for emergency aid. Pickers and cellar workers fear for their jobs.",
    "b": "A hailstorm on Saturday destroyed some 600 hectares of vineyards around Mendrisio, according to "
         "the growers' union. It has asked the canton for emergency aid. Pickers and cellar workers fear "
         "for their jobs.",
    "c": "Some 600 hectares of vines around Mendrisio were destroyed by hail on Saturday, the union of "
         "growers said. The canton has been asked for emergency aid. Pickers and cellar workers fear for "
         "their jobs.",
}


def hail_with(d: str):
    return story(dict(HAIL, d=d))


@pytest.mark.parametrize(
    "d",
    [
        # A closed compound on a word English closes compounds on, printed by nobody else.
        "Hail destroyed 600 hectares of vines near Mendrisio on Saturday, a blow to growers already "
        "fighting overplanting. The union asked the canton for emergency aid.",
        "Hail destroyed 600 hectares of vines near Mendrisio on Saturday and set back plans for "
        "cyberinsurance of the harvest. The union asked the canton for emergency aid.",
        # A proper adjective capitalised inside a sentence.
        "Hail destroyed 600 hectares of vines near Mendrisio on Saturday, ahead of the Mediterranean "
        "harvest season. The union asked the canton for emergency aid.",
        "Hail destroyed 600 hectares of vines near Mendrisio on Saturday; Arctic air had met warm air "
        "over the lake. The union asked the canton for emergency aid.",
        # Page furniture on its own line, between paragraphs, is the page's own.
        "Hail destroyed 600 hectares of vines near Mendrisio on Saturday.\n(Continued on page 7)\n"
        "The union asked the canton for emergency aid.",
        # Codes with digits are no scanning errors.
        "Hail destroyed 600 hectares of vines near Mendrisio on Saturday, cutting 5G coverage on the A2 "
        "for 10am commuters. The union asked the canton for emergency aid.",
    ],
)
def test_legitimate_english_is_not_garbled(d):
    assert found(run(hail_with(d)), "d") == []


@pytest.mark.parametrize(
    "d",
    [
        # The particle of a phrasal verb ends the sentence; the others go on after it.
        "Growers said the losses would be passed on.",
        # A passive leaves the preposition of its verb at the end.
        "Growers said the losses would be paid for.",
    ],
)
def test_a_sentence_may_end_on_a_particle_or_a_passives_preposition(d):
    texts = {
        "a": "Growers said the losses would be passed on to buyers and paid for by the canton.",
        "b": "The union fears the losses would be passed on to buyers.",
        "c": "Growers expect the losses would be paid for by the canton.",
        "d": d,
    }
    assert found(run(story(texts)), "d") == []


@pytest.mark.parametrize(
    "d, flagged, expected",
    [
        ("Hail destroyed 600 hectares of vines near Mendrisio on Saturday, hitting the livelihoods "
         "ofsmall-scale growers. The union asked the canton for emergency aid.",
         "ofsmall-scale", "of small-scale"),
        ("Hail destroyed 600 hectares of vines near Mendrisio on Saturday. Pickers and cellar work ers "
         "fear for their jobs.", "work ers", "workers"),
        ("Hail destroyed 600 hectares of 1ocal vines near Mendrisio on Saturday. The union asked the "
         "canton for emergency aid.", "1ocal", "local"),
        ("Hail destroyed 600 hectares of vines near Mendrisio on Saturday. The union asked the canton for "
         "emergency aid. Pickers and cellar workers fear for their 5ecurity.", "5ecurity", "security"),
    ],
)
def test_glued_words_split_suffixes_and_scanner_digits(d, flagged, expected):
    assert found(run(hail_with(d)), "d") == [("d", flagged, expected)]


def test_a_non_word_is_repaired_with_the_close_word_the_others_print():
    # "vinyeards" splits into "viny" + "eards" by frequency alone; the others print "vineyards".
    texts = dict(HAIL)
    texts["a"] = texts["a"].replace("of vines", "of vineyards")
    texts["c"] = texts["c"].replace("of vines", "of vineyards")
    texts["d"] = ("Hail destroyed about 600 hectares of vinyeards near Mendrisio on Saturday. The union "
                  "asked the canton for emergency aid.")
    assert found(run(story(texts)), "d") == [("d", "vinyeards", "vineyards")]


def test_a_closed_compound_the_others_print_apart_is_run_together():
    texts = dict(HAIL)
    texts["a"] = texts["a"].replace("on Saturday", "on Saturday, the worst damage over decades")
    texts["b"] = texts["b"].replace("on Saturday", "on Saturday, the worst damage over decades")
    texts["d"] = ("Hail destroyed 600 hectares of vines near Mendrisio on Saturday, the worst damage "
                  "overdecades. The union asked the canton for emergency aid.")
    assert found(run(story(texts)), "d") == [("d", "overdecades", "over decades")]


def test_a_proper_adjective_the_others_print_in_lower_case_is_a_slip():
    texts = {
        "a": "Growers said the pacific mood of the talks with the canton helped.",
        "b": "The talks with the canton were held in a pacific mood, growers said.",
        "c": "Growers praised the pacific mood of their talks with the canton.",
        "d": "Growers said the Pacific mood of the talks with the canton helped.",
    }
    assert found(run(story(texts)), "d") == [("d", "Pacific", "pacific")]


def test_a_sentence_cut_before_its_object_is_still_cut_after_a_verb_and_preposition():
    # "spend on" is no phrasal verb: the sentence lost its object.
    texts = {
        "a": "The canton will spend 4 million francs on new hail nets, the union said.",
        "b": "The union said the canton would spend 4 million francs on new hail nets.",
        "c": "Officials plan to spend 4 million francs on new hail nets next year.",
        "d": "Officials plan to spend 4 million francs on.",
    }
    got = found(run(story(texts)), "d")
    assert got == [("d", "francs on", "francs on new")] or got == [("d", "million francs on", "million francs on new")]


@pytest.mark.parametrize(
    "d, flagged, expected",
    [
        ("Hail destroyed 600 hectares of vines near Mendrisio on Saturday. Pickers and cellar "
         "workers Continued on page 7 fear for their jobs.",
         "workers Continued on page 7 fear", "workers fear"),
        ("Hail destroyed 600 hectares of vines near Mendrisio on Saturday. Pickers and cellar "
         "workers THE TICINO COURIER - PAGE 3 fear for their jobs.",
         "workers THE TICINO COURIER - PAGE 3 fear", "workers fear"),
    ],
)
def test_page_furniture_inside_a_sentence(d, flagged, expected):
    assert found(run(hail_with(d)), "d") == [("d", flagged, expected)]


@pytest.mark.parametrize("word, closed", [
    ("overtourism", True), ("agritourism", True), ("hailnets", True),
    ("theconservators", False), ("otkupninu", False), ("bandara", False),
])
def test_closed_compound(word, closed):
    assert _closed_compound(word, "en") is closed


def test_capitalised_senses_and_phrasal_verbs():
    assert any(pos == "adj" and cap for pos, cap in capitalised_senses("mediterranean"))
    assert capitalised_senses("municipalities") and not any(cap for _, cap in capitalised_senses("municipalities"))
    assert capitalised_senses("xqzt") == ()
    assert phrasal_verb("passed", "on") and phrasal_verb("broke", "off") and phrasal_verb("selling", "out")
    assert not phrasal_verb("spent", "on") and not phrasal_verb("year", "by")


@pytest.mark.parametrize(
    "d, flagged, expected",
    [
        # A space lost after a closing or before an opening quotation mark, or after a colon.
        ('Hail destroyed 600 hectares of vines near Mendrisio on Saturday. "We lost everything,"said '
         "grower Ines Balli.", 'everything,"said', 'everything," said'),
        ('Hail destroyed 600 hectares of vines near Mendrisio on Saturday. Grower Ines Balli said“We '
         "lost everything.”", "said“We", "said “We"),
        ("Hail destroyed 600 hectares of vines near Mendrisio on Saturday. The union put it plainly:the "
         "canton must help.", "plainly:the", "plainly: the"),
    ],
)
def test_spaces_lost_around_quotation_marks_and_colons(d, flagged, expected):
    assert found(run(hail_with(d)), "d") == [("d", flagged, expected)]


@pytest.mark.parametrize(
    "d",
    [
        'Hail destroyed 600 hectares of vines near Mendrisio on Saturday. "We lost everything," said '
        "grower Ines Balli, who had had no insurance.",
        "Hail destroyed 600 hectares of vines near Mendrisio on Saturday. Growers who do do the work "
        "themselves lost the most, a very very bad year.",
    ],
)
def test_quotes_with_their_spaces_and_grammatical_doubles_are_clean(d):
    assert found(run(hail_with(d)), "d") == []


def test_a_separable_phrasal_verb_may_end_the_sentence_after_its_object():
    texts = {
        "a": "Growers said they would pass the losses on to buyers.",
        "b": "The union fears growers would pass the losses on to buyers.",
        "c": "Buyers expect growers to pass the losses on to them.",
        "d": "Growers said they would pass the losses on.",
    }
    assert found(run(story(texts)), "d") == []


def test_a_preposition_whose_object_was_fronted_may_end_the_sentence():
    texts = {
        "a": "The growers voted for a hail fund in March.",
        "b": "In March the growers voted for a hail fund.",
        "c": "A hail fund is what growers voted for in March.",
        "d": "A hail fund is what the growers voted for.",
    }
    assert found(run(story(texts)), "d") == []


def test_a_closed_compound_opening_a_hyphenated_one_is_english():
    d = ("Hail destroyed 600 hectares of vines near Mendrisio on Saturday, and hailnet-covered rows "
         "were spared. The union asked the canton for emergency aid.")
    assert found(run(hail_with(d)), "d") == []


@pytest.mark.parametrize("d, flagged", [
    ("Hail destroyed 600 hectares of vines near Mendrisio on Saturday.\nWhat growers now hope for\n"
     "The union asked the canton for emergency aid.", None),
    ("Hail destroyed 600 hectares of vines near Mendrisio on Saturday.\nThe union asked the canton for\n"
     "Pickers and cellar workers fear for their jobs.", "for"),
])
def test_a_line_ending_on_a_preposition_without_a_full_stop(d, flagged):
    got = found(run(hail_with(d)), "d")
    assert got == ([] if flagged is None else [("d", flagged, f"{flagged} …")])


def test_a_title_case_headline_is_no_evidence_that_a_word_is_a_name():
    # Two sources print "vintage" in lower case in their text, and capitalise it in a headline.
    texts = {sid: t.replace("on Saturday", "on Saturday, weeks before the vintage") for sid, t in HAIL.items()}
    texts["a"] = "Hail Wrecks Vintage Near Mendrisio\n" + texts["a"]
    texts["c"] = "Hail Wrecks Vintage Near Mendrisio\n" + texts["c"]
    texts["d"] = ("Hail destroyed 600 hectares of vines near Mendrisio on Saturday, weeks before the Vintage "
                  "was due. The union asked the canton for emergency aid.")
    assert found(run(story(texts)), "d") == [("d", "Vintage", "vintage")]
