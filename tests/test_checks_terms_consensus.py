"""term_variant, session 4 rules: the story's shared vocabulary, given names read as titles, and
(see below) sister terms and near-word confusions. Invented stories, not the quality cases' wording."""

from __future__ import annotations

from checks_builder import assert_offsets_true, found, story
from srccompare.checks.terms import TermCheck
from srccompare.models import Kind, Severity


def run(ctx, *, floor: bool = True):
    flags = [f for f in TermCheck().run(ctx) if not floor or f.confidence >= ctx.settings.min_confidence]
    assert all(f.kind is Kind.TERM_VARIANT for f in flags)
    assert_offsets_true(ctx, flags)
    return flags


# --- a word the other sources print themselves elsewhere in the story ------------------------------

def _lighthouse(d_word: str, *, quoted: bool = False) -> dict[str, str]:
    line = ("“The {} of the lighthouse must be rebuilt before winter,” the harbour engineer said."
            if quoted else "The {} of the lighthouse must be rebuilt before winter, the harbour engineer said.")
    return {
        "a": line.format("gallery") + " Its lantern room survived the storm intact.",
        "b": line.format("gallery") + " The lantern room and the tower were inspected on Tuesday.",
        "c": line.format("gallery") + " Divers checked the tower foundations as well.",
        "d": line.format(d_word) + " Engineers inspected the foundations on Tuesday.",
    }


def test_a_word_only_this_source_prints_is_still_a_term_variant():
    flags = run(story(_lighthouse("cupola")))
    assert found(flags) == [("d", "cupola", "gallery")]
    assert flags[0].severity in (Severity.MEDIUM, Severity.HIGH)


def test_a_word_two_other_sources_print_elsewhere_is_no_flag_in_prose():
    # "lantern" is the story's own word (a and b print it): another part of the lighthouse named,
    # or the passages paired at the wrong place; no inconsistent rendering.
    assert run(story(_lighthouse("lantern"))) == []
    flagged = run(story(_lighthouse("lantern")), floor=False)
    assert all(f.severity is Severity.LOW for f in flagged)


def test_a_word_two_other_sources_print_elsewhere_is_low_in_a_quotation():
    # Low inside a quotation, hence under the reporting floor (severity._low_in_quote).
    assert run(story(_lighthouse("lantern", quoted=True))) == []
    flags = run(story(_lighthouse("lantern", quoted=True)), floor=False)
    assert flags and all(f.severity is Severity.LOW for f in flags)


def test_one_other_source_printing_the_word_is_not_the_story_vocabulary():
    texts = _lighthouse("lantern")
    texts["b"] = texts["b"].replace("The lantern room and the tower", "The tower")
    flags = run(story(texts))
    assert [(s, w) for s, w, _e in found(flags)] == [("d", "lantern")]
    assert flags[0].severity in (Severity.MEDIUM, Severity.HIGH)


# --- a given name read into the end of a title ----------------------------------------------------

def _reserve(a_text: str, b_text: str, d_text: str) -> dict[str, str]:
    return {
        "a": "A landslide closed the coastal trail on Friday. " + a_text,
        "b": "The coastal trail was shut after a landslide on Friday. " + b_text,
        "c": "Rangers closed the coastal trail after Friday's landslide, the reserve said.",
        "d": "A landslide on Friday closed the coastal trail. " + d_text,
    }


def _titles(flags):
    return [(f.source, f.text, f.expected) for f in flags if "title the same person" in f.message]


def test_a_given_name_is_no_title_the_others_drop():
    # "Grace" is a dictionary word before the surname; the others print the office in lower case.
    texts = _reserve("Grace Lindqvist, the deputy warden of the reserve, said it would reopen.",
                     "According to the deputy warden of the reserve Grace Lindqvist, it would reopen.",
                     "Deputy Warden Grace Lindqvist said it would reopen in spring.")
    assert _titles(run(story(texts))) == []


def test_a_rank_dropped_before_a_dictionary_given_name_is_still_found():
    texts = _reserve("Deputy Warden Grace Lindqvist said it would reopen in spring.",
                     "It would reopen in spring, Deputy Warden Grace Lindqvist said.",
                     "Warden Grace Lindqvist said it would reopen in spring.")
    texts["c"] = "Rangers closed the trail. Deputy Warden Grace Lindqvist said the warden's team would clear it."
    assert _titles(run(story(texts))) == [("d", "Warden", "Deputy Warden")]


def test_a_word_this_source_prints_where_the_others_do_too_keeps_the_swap():
    # d prints "lantern" for the lantern room as a and b do: the sources tell the lantern from the
    # gallery, so "lantern" where they say "gallery" stays a term variant.
    texts = _lighthouse("lantern")
    texts["d"] = texts["d"].replace("Engineers inspected the foundations on Tuesday.",
                                    "Its lantern room survived the storm, engineers said.")
    flags = run(story(texts))
    assert [(s, w) for s, w, _e in found(flags)] == [("d", "lantern")]
    assert flags[0].severity in (Severity.MEDIUM, Severity.HIGH)


# --- a sister term (two things of one kind) in a reworded sentence ----------------------------------

def _smelter(d_first: str) -> dict[str, str]:
    return {
        "a": "The smelter near the lake processed ore rich in nickel this spring, most of it from the north pit. "
             "Trucks will run on Saturdays until June.",
        "b": "This spring the lakeside smelter has processed nickel ore, most of it from the north pit, "
             "managers said. Trucks run on Saturdays until June.",
        "c": "Managers said the smelter by the lake processed nickel ore since March, mostly from the north pit. "
             "Weekend trucks run until June.",
        "d": d_first + " Trucks will keep running on Saturdays until June to carry the nickel away.",
    }


def test_a_sister_term_in_a_reworded_sentence_is_a_term_variant():
    # "cobalt" for "nickel": both metallic elements (WordNet sisters), no sense shared, neither an
    # everyday word; two other sentences saying the same agree on "nickel".
    flags = run(story(_smelter("It is worth noting that the smelter near the lake has this spring worked "
                               "ore of cobalt, most of it from the north pit.")))
    got = [(f.source, f.text, f.expected) for f in flags]
    assert ("d", "cobalt", "nickel") in got
    f = next(f for f in flags if f.text == "cobalt")
    assert f.severity is Severity.MEDIUM and "same kind" in f.message


def test_a_more_general_word_in_a_reworded_sentence_is_no_sister():
    # "metal" names the kind "nickel" falls under: vaguer, not another thing.
    flags = run(story(_smelter("It is worth noting that the smelter near the lake has this spring worked "
                               "ore of metal, most of it from the north pit.")))
    assert not [f for f in flags if f.text == "metal"]


def test_everyday_sister_words_are_a_writers_choice():
    flags = run(story(_smelter("It is worth noting that the smelter near the lake has this autumn worked "
                               "ore of nickel, most of it from the north pit.")))
    assert not [f for f in flags if f.text == "autumn"]
