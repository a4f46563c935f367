"""garbled_text rules judged by what the other sources print at the same place (an invented story:
three climbers lifted off a glacier by a rescue helicopter)."""

from __future__ import annotations

from checks_builder import story, reported
from srccompare.checks.garbles import GarbleCheck
from srccompare.models import Kind, Severity


def run(ctx):
    return reported(GarbleCheck(), ctx, Kind.GARBLED_TEXT)


GLACIER = {
    "a": "Rescuers used a helicopter to lift three climbers off the glacier on Sunday, the mountain service said. "
         "The climbers were taken to hospital in the valley with frostbite.",
    "b": "A helicopter lifted three climbers off the glacier on Sunday, the mountain service said. "
         "All three were treated in the valley hospital for frostbite.",
    "c": "On Sunday rescuers lifted three stranded climbers off the glacier by helicopter, said the mountain service. "
         "Doctors in the valley treated them for frostbite.",
}


def _untranslated(flags):
    return [f.text for f in flags if "untranslated" in f.message]


def test_an_unknown_word_where_the_others_say_the_same_in_english_is_left_untranslated():
    d = ("Rescuers used a vrtulník to lift three climbers off the glacier on Sunday, the mountain service said. "
         "The climbers were taken to hospital in the valley with frostbite.")
    flags = run(story(dict(GLACIER, d=d)))
    assert _untranslated(flags) == ["vrtulník"]
    (f,) = [f for f in flags if f.text == "vrtulník"]
    assert f.severity is Severity.LOW
    # The evidence is what the aligned sources print there.
    assert {e.source for e in f.evidence} == {"a", "b", "c"}


def test_a_hyphenated_word_of_unknown_parts_is_one_flag():
    d = ("Rescuers used a helicopter to lift three climbers off the glacier on Sunday, the mountain service said. "
         "The climbers were taken to hospital in the valley with omrzline-ozebline.")
    assert _untranslated(run(story(dict(GLACIER, d=d)))) == ["omrzline-ozebline"]


def test_a_loan_word_the_others_print_too_is_the_storys_vocabulary():
    texts = {k: v.replace("the mountain service", "the bergvakt service") for k, v in GLACIER.items()}
    texts["d"] = texts["a"]
    assert _untranslated(run(story(texts))) == []


def test_a_local_word_in_a_detail_only_this_source_gives_is_not_reported():
    # The aligned sentence of the others tells of the hospital, not of the thanks: the place is
    # not shared, so nothing says an English word was due there.
    d = ("Rescuers used a helicopter to lift three climbers off the glacier on Sunday, the mountain service said. "
         "The climbers later thanked the bergvakt volunteers at a dinner in the village.")
    assert _untranslated(run(story(dict(GLACIER, d=d)))) == []


def test_the_unknown_words_after_an_untranslated_word_are_one_phrase():
    # "horské" is an everyday Czech word English does not know; "sluzby" after it no word at all.
    d = ("Rescuers used a helicopter of the horské sluzby to lift three climbers off the glacier on Sunday. "
         "The climbers were taken to hospital in the valley with frostbite.")
    flags = run(story(dict(GLACIER, d=d)))
    assert [(f.text, f.expected) for f in flags if "untranslated" in f.message] == \
        [("horské sluzby", "[horské sluzby: untranslated]")]
    # The same holds when the first word is found by the place the others share.
    d = ("Rescuers used a vrtulník zachranaru to lift three climbers off the glacier on Sunday. "
         "The climbers were taken to hospital in the valley with frostbite.")
    flags = run(story(dict(GLACIER, d=d)))
    assert [f.text for f in flags if "untranslated" in f.message] == ["vrtulník zachranaru"]


def test_a_bare_singular_capital_after_a_preposition_is_a_name():
    # "an exam in Glaciology": a singular noun without a determiner after a preposition is used as
    # a proper noun (a course, an exam), so its rarity alone does not make the capital a slip.
    d = GLACIER["a"] + " One climber had just passed her exam in Glaciology last week."
    assert [f.text for f in run(story(dict(GLACIER, d=d)))] == []
    # A plural takes no determiner either: there the capital is still odd.
    d = GLACIER["a"] + " One climber signalled the crew with Flares from the ridge."
    assert [f.text for f in run(story(dict(GLACIER, d=d)))] == ["Flares"]


def test_an_unknown_string_the_stemmer_cuts_like_a_word_is_a_misspelling():
    # Snowball cuts "engagged" and "engaged" alike ("engag"); a string no list knows is no
    # inflection of the word, it is the word misspelt.
    texts = {k: v.replace("Rescuers used", "Rescuers engaged") for k, v in GLACIER.items()}
    texts["b"] = texts["b"].replace("A helicopter lifted", "Rescuers engaged a helicopter that lifted")
    texts["d"] = texts["a"].replace("engaged", "engagged")
    flags = run(story(texts))
    assert [(f.text, f.expected) for f in flags] == [("engagged", "engaged")]
    assert "misspelt" in flags[0].message
