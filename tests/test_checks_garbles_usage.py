"""garbled_text judged by usage, tested on an invented fog-at-the-harbour story: a word split in two
whose halves are both words ("fore cast", "under stood") is a split when English hardly ever
prints the pair and the joined word is common; a phrase English does write ("every one", "any
one") stays, whatever the joined word's frequency; a pair another source prints apart stays.
A word a sentence introduces by its name ("called", "known as") is cited, not garbled."""

from __future__ import annotations

from checks_builder import found, story, reported
from srccompare.checks.garbles import GarbleCheck
from srccompare.checks.lexicon import PAIR_ZIPF_FLOOR, pair_zipf
from srccompare.models import Kind


def run(ctx):
    return reported(GarbleCheck(), ctx, Kind.GARBLED_TEXT)


FOG = {
    "a": "Dense fog closed the harbour at Tarvik on Monday, and the forecast gives no relief before Wednesday. "
         "Everyone on the quay understood that the ferries would stay in port, the harbour master said.",
    "b": "The harbour at Tarvik was closed by dense fog on Monday. The forecast shows no improvement until "
         "Wednesday. Everyone working on the quay understood the ferries would not sail, the harbour master said.",
}


def test_pair_zipf_reads_web_pairs_and_is_zero_below_the_floor():
    assert pair_zipf("every", "day") > 3.5
    assert pair_zipf("with", "in") > PAIR_ZIPF_FLOOR
    assert pair_zipf("fore", "cast") == 0.0
    assert pair_zipf("ware", "house") == 0.0
    assert pair_zipf("every", "day", "de") is None


def test_two_words_english_hardly_writes_in_a_row_that_join_into_a_common_word_are_a_split():
    c = ("Dense fog closed the harbour at Tarvik on Monday, and the fore cast gives no relief before Wednesday. "
         "Everyone on the quay under stood that the ferries would stay in port, the harbour master said.")
    flags = run(story(dict(FOG, c=c)))
    got = found(flags, "c")
    assert ("c", "fore cast", "forecast") in got
    assert ("c", "under stood", "understood") in got
    # The others print the joined word: that is the evidence shown.
    flag = next(f for f in flags if f.text == "fore cast")
    assert {e.text.lower() for e in flag.evidence} == {"forecast"}


def test_a_split_nobody_else_prints_joined_is_still_read_from_usage():
    c = ("Dense fog closed the harbour at Tarvik on Monday. The ferries stayed in port there fore, and cargo "
         "waited on the quay, the harbour master said.")
    flags = run(story(dict(FOG, c=c)))
    assert ("c", "there fore", "therefore") in found(flags, "c")


def test_two_nouns_written_apart_need_another_source_printing_them_joined():
    # English writes noun compounds open as well as closed: "ware house" alone is a choice...
    c = ("Dense fog closed the harbour at Tarvik on Monday. Cargo waited in the ware house by the quay, and "
         "the ferries stayed in port, the harbour master said.")
    flags = run(story(dict(FOG, c=c)))
    assert [x for x in found(flags, "c") if "ware" in x[1]] == []
    # ...and a lost space where another source prints "warehouse".
    b = FOG["b"] + " Cargo waited in a warehouse."
    flags = run(story(dict(FOG, b=b, c=c)))
    assert ("c", "ware house", "warehouse") in found(flags, "c")


def test_a_phrasal_verb_is_no_split():
    c = ("Dense fog closed the harbour at Tarvik on Monday. No plane could touch down at the island airstrip, "
         "and the ferries stayed in port, the harbour master said.")
    flags = run(story(dict(FOG, c=c)))
    assert [x for x in found(flags, "c") if "touch" in x[1]] == []


def test_a_phrase_english_writes_is_no_split_even_where_the_others_print_the_joined_word():
    # "every one" and "any one" are English phrases (printed millions of times): the joined word the
    # others print ("everyone") does not make them splits.
    c = ("Dense fog closed the harbour at Tarvik on Monday, and the forecast gives no relief before Wednesday. "
         "Every one of the ferries stayed in port and any one of the crews could be called back, the harbour "
         "master said.")
    flags = run(story(dict(FOG, c=c)))
    assert [x for x in found(flags, "c") if x[1].lower() in ("every one", "any one")] == []


def test_a_pair_another_source_prints_apart_is_no_split():
    b = FOG["b"] + " Cargo was moved to a ware house inland."
    c = ("Dense fog closed the harbour at Tarvik on Monday. Cargo waited in the ware house by the quay, and "
         "the ferries stayed in port, the harbour master said.")
    flags = run(story(dict(FOG, b=b, c=c)))
    assert [x for x in found(flags, "c") if "ware" in x[1]] == []


LIGHTHOUSE = {
    "a": "The lighthouse on Korsholm island, which Danish sailors once called Hvitskjaer, was switched off "
         "on Friday after its lamp failed. Shipping was warned by radio.",
    "b": "Korsholm lighthouse went dark on Friday when its lamp failed, and shipping was warned by radio. "
         "The island is known to old sailors by its Danish name.",
    "c": "Korsholm's lighthouse stopped working on Friday because its lamp failed. Ships were warned by radio "
         "about the dark coast.",
}


def test_a_name_a_naming_verb_introduces_is_cited_not_an_odd_capital_or_a_blend():
    c = ("Korsholm's lighthouse, on the island old charts called Stonebank, stopped working on Friday because "
         "its lamp failed. Ships carrying kelpmeal, known as seaflour, were warned by radio.")
    flags = run(story(dict(LIGHTHOUSE, c=c)))
    assert [x for x in found(flags, "c") if x[1].lower() in ("stonebank", "seaflour")] == []


def test_so_called_does_not_cite_a_word_left_untranslated():
    # "so-called" marks a term, and a translation may well have left that term in its language.
    c = ("Korsholm's lighthouse stopped working on Friday because its so-called fyrlampe failed. Ships were "
         "warned by radio about the dark coast.")
    flags = run(story(dict(LIGHTHOUSE, c=c)))
    assert any("fyrlampe" in x[1] for x in found(flags, "c"))


def test_the_same_word_without_a_naming_verb_is_still_judged():
    c = ("Korsholm's lighthouse stopped working on Friday because its lamp failed. Ships carrying seaflour "
         "were warned by radio about the dark coast.")
    flags = run(story(dict(LIGHTHOUSE, c=c)))
    assert any(x[1] == "seaflour" for x in found(flags, "c"))


FLOOD = {
    "a": "Flash floods hit the district of Karabulak on Sunday, and the road to Pentrefoel was cut for six "
         "hours. Rescuers said the worst damage was in Karabulak, where two bridges were washed away.",
    "b": "Two bridges in Karabulak were washed away by flash floods on Sunday, rescuers said. The road from "
         "Karabulak to Pentrefoel stayed closed for six hours.",
}


def test_a_name_with_a_case_ending_of_the_translated_language_is_left_untranslated():
    c = ("Flash floods struck the district of Karabulak on Sunday. The worst damage was recorded Karabulakta, "
         "where two bridges were carried away, the rescuers said.")
    flags = run(story(dict(FLOOD, c=c)))
    assert ("c", "Karabulakta", "Karabulak") in found(flags, "c")


def test_a_name_with_its_first_consonant_mutated_is_left_untranslated():
    c = ("Flash floods struck the district of Karabulak on Sunday, and the road to Pentrefoel was closed. "
         "Lorries waited six hours on the road to Mhentrefoel, the rescuers said.")
    flags = run(story(dict(FLOOD, c=c)))
    assert ("c", "Mhentrefoel", "Pentrefoel") in found(flags, "c")


def test_a_romanisation_one_letter_longer_and_another_persons_name_are_no_inflections():
    # "Karabulaka" beside "Karabulak" is another spelling of the name (the name check's business);
    # "Ganuarova" beside "Anuarova" is another person, not a vowel mutated.
    a = FLOOD["a"] + " Deputy governor Dina Anuarova visited the district."
    c = ("Flash floods struck the district of Karabulaka on Sunday. Rescue chief Aigul Ganuarova said two "
         "bridges were carried away.")
    flags = run(story(dict(FLOOD, a=a, c=c)))
    assert [x for x in found(flags, "c") if x[1] in ("Karabulaka", "Ganuarova")] == []


def test_a_surname_with_an_ending_after_a_given_name_is_another_person():
    # "Dina Karabulakova" is someone, not the town "Karabulak" in a case of the translated language.
    c = ("Flash floods struck the district of Karabulak on Sunday. Rescue chief Dina Karabulakova said two "
         "bridges were carried away.")
    flags = run(story(dict(FLOOD, c=c)))
    assert [x for x in found(flags, "c") if x[1].startswith("Karabulak")] == []


def test_an_english_ending_on_a_name_is_no_case_ending():
    c = ("Flash floods struck the district of Karabulak on Sunday. Karabulakians said two bridges were "
         "carried away; many Karabulakis spent the night in the school.")
    flags = run(story(dict(FLOOD, c=c)))
    assert [x for x in found(flags, "c") if x[1].startswith("Karabulak")] == []


def test_a_demonym_that_replaces_the_names_last_letter_is_english():
    texts = {
        "a": "Fishermen on the island of Kolta stayed in port on Monday as a storm passed. The harbour of "
             "Kolta was closed for a day.",
        "b": "A storm kept the fleet of Kolta in port on Monday, and the island's harbour closed for a day.",
        "c": "A storm kept the Koltese fleet in port on Monday. The harbour of Kolta was closed for a day.",
    }
    flags = run(story(texts))
    assert [x for x in found(flags, "c") if x[1].startswith("Kolt")] == []


def test_so_called_spelt_open_does_not_cite_either():
    c = ("Korsholm's lighthouse stopped working on Friday because its so called fyrlampe failed. Ships were "
         "warned by radio about the dark coast.")
    flags = run(story(dict(LIGHTHOUSE, c=c)))
    assert any("fyrlampe" in x[1] for x in found(flags, "c"))
