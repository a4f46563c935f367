"""garbled_text on machine-translated and scanned text: the damage real MT and OCR leave (a word
left in the source language, a picture credit run into the text, a sentence cut after a
conjunction), legitimate renderings that look like damage (a recorded closed compound where a
paraphrase prints the pair apart, a local office named as the speaker, a newspaper named short),
and passages the alignment placed loosely or not at all. Invented stories: a toll rise on a
bridge, a tap-water alert, a steel mill walkout, a school heating failure."""

from __future__ import annotations

from checks_builder import found, story, reported
from srccompare.checks.garbles import GarbleCheck
from srccompare.models import Alignment, Kind
from tests.discrepancy_story import loosely


def run(ctx):
    return reported(GarbleCheck(), ctx, Kind.GARBLED_TEXT)


MILL = {
    "a": "About 900 steel workers at the Tarvik mill walked out on Monday over a pay freeze. "
         "The union said the strike would last until the council meets.",
    "b": "Some 900 steel workers stopped work at the Tarvik mill on Monday in protest at a pay freeze. "
         "The strike will go on until the council meets, the union said.",
}


def test_a_recorded_closed_compound_is_no_run_together_where_a_paraphrase_prints_the_pair():
    d = ("A pay freeze drove the 900 steelworkers of Tarvik out of the mill on Monday. "
         "The union said the strike would last until the council meets.")
    ctx = loosely(story(dict(MILL, d=d)), "d:0")
    assert found(run(ctx), "d") == []


def test_a_loose_members_wording_repairs_a_word_run_together():
    # The passage is a paraphrase (a loose member); the words the others print there still
    # show the lost space, and they are the evidence.
    d = ("A pay freeze drove the 900 steel workers of Tarvik out of the mill on Monday. "
         "The union said the strike would last until thecouncil meets.")
    ctx = loosely(story(dict(MILL, d=d)), "d:1")
    flags = run(ctx)
    assert found(flags, "d") == [("d", "thecouncil", "the council")]
    (f,) = flags
    assert {e.source for e in f.evidence} == {"a", "b"}
    assert all(e.text == "the council" for e in f.evidence)


WATER = {
    "a": "Health inspectors in Brzana told residents on Friday not to drink tap water after bacteria were found. "
         "Bottled water will be handed out at four points in the town, including the market square.",
    "b": "Residents of Brzana were warned on Friday not to drink tap water because bacteria were found in the supply. "
         "The town is handing out bottled water at four points, among them the market square.",
    "c": "Brzana's residents must not drink tap water, inspectors said on Friday, after bacteria were detected. "
         "Free bottled water is available at four points, one of them the market square.",
}


def test_an_everyday_word_of_a_language_outside_the_contrast_set_is_left_untranslated():
    # "rynek" is Polish for market: rare in English, an everyday word in Polish only.
    d = ("On Friday the inspectors in Brzana advised residents not to drink tap water because bacteria were found. "
         "The town distributes bottled water at four points, also at the rynek.")
    flags = run(story(dict(WATER, d=d)))
    assert found(flags, "d") == [("d", "rynek", "[rynek: untranslated]")]


def test_an_unknown_word_is_untranslated_not_a_lone_letter_or_a_rare_scrap_glued_on():
    # "sanepid" is no "sane pid"; the others tell the same thing there in English.
    d = ("On Friday the sanepid in Brzana advised residents not to drink tap water because bacteria were found. "
         "The town distributes bottled water at four points, also at the market square.")
    assert found(run(story(dict(WATER, d=d))), "d") == [("d", "sanepid", "[sanepid: untranslated]")]


def test_a_local_office_named_as_the_speaker_is_kept_as_translators_keep_it():
    d = ("Residents must not drink tap water after bacteria were found on Friday, the wojewoda said. "
         "The town distributes bottled water at four points, also at the market square.")
    texts = dict(WATER, d=d)
    texts["a"] = texts["a"].replace("Health inspectors", "The regional governor")
    assert found(run(story(texts)), "d") == []


def test_an_unaligned_passage_is_compared_with_the_passages_that_tell_the_same_thing():
    # The translation worded the sentence anew and no group holds it; the other sources still
    # tell the same thing in English (four points, bottled water, the market square).
    d = ("On Friday the inspectors in Brzana advised residents not to drink tap water because bacteria were found. "
         "At four points of the town, the market square among them, the butelkowana water is given out.")
    ctx = story(dict(WATER, d=d), groups=[[("a", 0), ("b", 0), ("c", 0), ("d", 0)], [("a", 1), ("b", 1), ("c", 1)]])
    assert ctx.alignment.unaligned[-1].id == "d:1"
    assert found(run(ctx), "d") == [("d", "butelkowana", "[butelkowana: untranslated]")]


def test_an_unaligned_detail_only_one_source_gives_keeps_its_local_word():
    d = ("On Friday the inspectors in Brzana advised residents not to drink tap water because bacteria were found. "
         "Volunteers of the local ochotnicza brigade later thanked the bakers who lent their vans.")
    ctx = story(dict(WATER, d=d), groups=[[("a", 0), ("b", 0), ("c", 0), ("d", 0)], [("a", 1), ("b", 1), ("c", 1)]])
    assert found(run(ctx), "d") == []


SCHOOL = {
    "a": "Pupils at three primary schools in Lindau an der Saale were sent home on Thursday after the heating failed. "
         "Repairs are expected to take until Monday. Parents criticised the city for not warning them earlier.",
    "b": "Three primary schools in Lindau an der Saale sent pupils home on Thursday because the heating had broken down. "
         "The repairs should be finished by Monday. Some parents complained that the city had not warned them in time.",
}


def test_a_picture_credit_run_into_the_text_is_page_furniture():
    d = ("Pupils of three primary schools in Lindau an der Saale were sent home on Thursday after the heating failed. "
         "The repairs will probably last until Monday. Photo: dpa/Jana Roeder Parents criticised the city because "
         "it had not warned them earlier.")
    flags = run(story(dict(SCHOOL, d=d)))
    assert [(f.text, f.expected) for f in flags] == [("Photo: dpa/Jana Roeder Parents", "Parents")]


def test_a_picture_credit_on_its_own_line_is_a_caption():
    d = ("Pupils of three primary schools in Lindau an der Saale were sent home on Thursday after the heating failed.\n"
         "Photo: dpa/Jana Roeder\n"
         "The repairs will probably last until Monday.")
    assert found(run(story(dict(SCHOOL, d=d))), "d") == []


def test_a_sentence_cut_after_a_conjunction_is_broken():
    d = ("Pupils of three primary schools in Lindau an der Saale were sent home on Thursday after the heating failed. "
         "The repairs will probably last longer than. Parents criticised the city because it had not warned them earlier.")
    assert found(run(story(dict(SCHOOL, d=d))), "d") == [("d", "than", "than …")]


def test_names_a_newspaper_a_section_heading_and_a_name_after_an_acronym_are_capitalised_rightly():
    d = ("Pupils of three primary schools in Lindau an der Saale were sent home on Thursday, the Courier's "
         "reporters learned.\n"
         "[continued from page 1 - column 3 - Weather]\n"
         "The repairs will probably last until Monday, when a US Lines freighter brings the spare boiler.")
    assert found(run(story(dict(SCHOOL, d=d))), "d") == []


HARBOUR = {
    "a": "Dredging of the channel at Port Ardry will begin next month, the harbour board said. "
         "The silt will be dumped near the crab grounds, fishermen complained.",
    "b": "The harbour board said dredging at Port Ardry would start next month. "
         "Fishermen object to plans to dump the silt near their crab grounds.",
    "c": "Port Ardry's channel will be dredged from next month, the board said. "
         "The silt will be dumped close to the crab grounds, fishermen say.",
}


def test_two_function_words_glued_are_run_together_however_often_the_web_misprints_them():
    d = ("Dredging ofthe channel at Port Ardry will begin next month, the harbour board said. "
         "The silt will be dumped near the crab grounds, fishermen complained.")
    assert found(run(story(dict(HARBOUR, d=d))), "d") == [("d", "ofthe", "of the")]


def test_a_word_of_two_function_words_that_the_language_knows_is_a_word():
    d = ("Dredging of the channel at Port Ardry will begin next month, the harbour board said. "
         "The silt will not be dumped near the crab grounds anymore, fishermen were told.")
    assert found(run(story(dict(HARBOUR, d=d))), "d") == []


def test_look_alike_digits_closing_a_scanned_word_are_read_back_together():
    d = ("Dredging of the channel at Port Ardry wi11 begin next month, the harbour board said. "
         "The silt will be dumped near the crab grounds, fishermen complained.")
    assert found(run(story(dict(HARBOUR, d=d))), "d") == [("d", "wi11", "will")]


def test_codes_ending_in_digits_are_no_scanning_errors():
    d = ("Dredging of the channel at Port Ardry will begin next month on the A11 side, the harbour board said. "
         "The silt will be dumped near the crab grounds by barge no. 5, fishermen complained.")
    assert found(run(story(dict(HARBOUR, d=d))), "d") == []


def test_a_word_spelt_with_letters_english_does_not_use_is_left_untranslated():
    # A detail only this source gives: no other passage shares the place, but English spells no
    # word of its own so, and no list knows it.
    d = ("Dredging of the channel at Port Ardry will begin next month, the harbour board said. "
         "The so-called sací bagr works day and night.")
    assert found(run(story(dict(HARBOUR, d=d))), "d") == [("d", "sací bagr", "[sací bagr: untranslated]")]


def test_loan_words_english_spells_with_accents_and_cited_words_are_meant():
    d = ("Dredging of the channel at Port Ardry will begin next month, the harbour board said. "
         "The fishermen met at the café by the quay, where the dredger is called the 'sací bagr' in Czech.")
    assert found(run(story(dict(HARBOUR, d=d))), "d") == []


GRAIN = {
    "a": "Grain exports through Port Sulina rose by 18 percent in October, the port authority said. "
         "Wheat made up more than half of the 2.4 million tonnes shipped.",
    "b": "The port authority said grain shipments from Port Sulina were up 18 percent in October. "
         "Of the 2.4 million tonnes exported, more than half was wheat.",
    "c": "Port Sulina shipped 2.4 million tonnes of grain in October, 18 percent more than in September. "
         "Wheat accounted for over half of it.",
}


def test_a_dictionary_word_broken_at_the_line_end_is_joined_even_when_it_is_no_everyday_word():
    d = ("Grain exports through Port Sulina rose by 18 percent in October, the port authority said.\n"
         "Wheat made up more than half of the 2.4 million tonnes shipped, the rest was bar-\nley.")
    assert found(run(story(dict(GRAIN, d=d))), "d") == [("d", "bar-\nley", "barley")]


def test_a_hyphenated_compound_broken_at_the_line_end_is_no_broken_word():
    d = ("Grain exports through Port Sulina rose by 18 percent in October, the long-\nserving port "
         "authority chief said.\nWheat made up more than half of the 2.4 million tonnes shipped.")
    assert found(run(story(dict(GRAIN, d=d))), "d") == []


def test_the_shortest_scanned_words_are_read_back_to_the_most_frequent_word():
    d = ("Grain exports through Port Sulina rose by 18 percent in October, thc port authority said. "
         "Wheat made up more than half of tbe 2.4 million tonnes shipped.")
    assert found(run(story(dict(GRAIN, d=d))), "d") == [("d", "thc", "the"), ("d", "tbe", "the")]


FLOOD = {
    "a": "Flash floods swept through the wadi near Kfar Yona on Sunday, the civil defence said. "
         "The market reopened on Monday morning.",
    "b": "The civil defence said flash floods tore through a wadi close to Kfar Yona on Sunday. "
         "Traders reopened the market on Monday.",
    "c": "Flash floods swept through the wadi near Kfar Yona on Sunday, said the civil defence. "
         "The market was open again on Monday.",
}


def test_a_loan_word_wordnet_lists_is_english_not_two_words_run_together():
    # "souk" is no "so uk", though the plain word list lacks it.
    d = ("Flash floods swept through the wadi near Kfar Yona on Sunday, the civil defence said. "
         "The souk reopened on Monday morning.")
    assert found(run(story(dict(FLOOD, d=d))), "d") == []


def test_a_phrase_left_in_the_original_is_one_flag_across_its_own_preposition():
    d = ("Flash floods swept through the wadi near Kfar Yona on Sunday, the civil defence said. "
         "The market reopened on Monday morning despite the falta de pessoal.")
    flags = run(story(dict(FLOOD, d=d)))
    assert found(flags, "d") == [("d", "falta de pessoal", "[falta de pessoal: untranslated]")]


def test_a_capital_slipped_onto_a_word_the_word_list_also_knows_as_a_surname():
    # "Case" is a surname to the word list; WordNet and the other sources print "cases" in
    # lower case, and "in" starts a phrase, it does not join the words of a name.
    texts = {
        "a": "Health officials confirmed 47 cases of cholera in Tarvel on Monday, and nine people have died.",
        "b": "There are 47 confirmed cholera cases in Tarvel, health officials said on Monday. Nine have died.",
        "c": "Officials in Tarvel reported 47 cases of cholera on Monday; nine patients died.",
        "d": "Health officials confirmed 47 cholera Cases in Tarvel on Monday, and nine people have died.",
    }
    assert found(run(story(texts)), "d") == [("d", "Cases", "cases")]


def test_names_linked_by_their_own_short_words_stay_names():
    texts = dict(FLOOD, d="Flash floods swept through the wadi near Kfar Yona on Sunday, the Bank of Yona said. "
                          "The market reopened on Monday morning, as the Meet the Press host reported.")
    assert found(run(story(texts)), "d") == []
