"""attribution_conflict: a quote only one other source prints, settled by the sources that report
the same words without quoting them (``attributions._paraphrase_witnesses``).

An invented story (hikers stranded on a glacier) unlike any development case."""

from __future__ import annotations

from srccompare.checks.attributions import AttributionCheck
from srccompare.models import Kind
from tests.discrepancy_story import build, check_offsets

QUOTE = '"Every year people climb the glacier without crampons, and every year the first of them gets hurt,"'


# The paraphrase stands unaligned, as it mostly does where a translation words it anew: the
# statement reading of aligned passages (tested elsewhere) does not see it.
GROUPS = [[("a", 0), ("b", 0), ("c", 0)], [("a", 1), ("c", 1)]]


def run(texts):
    ctx = build(texts, GROUPS)
    flags = list(AttributionCheck().run(ctx))
    check_offsets(ctx, flags)
    assert all(f.kind is Kind.ATTRIBUTION_CONFLICT for f in flags)
    return flags


def story(paraphrase: str) -> dict[str, list[str]]:
    return {
        "a": ["Park ranger Ingrid Solheim counted 14 stranded hikers on Sunday evening.",
              f"{QUOTE} said mountain guide Paavo Lindqvist."],
        "b": ["Fourteen hikers spent the night on the ice before a helicopter reached them.",
              paraphrase],
        "c": ["Ranger Ingrid Solheim counted 14 hikers. Paavo Lindqvist runs the guiding office in the valley.",
              f"{QUOTE} Solheim said."],
    }


def test_a_quote_given_to_a_colleague_is_outvoted_by_a_paraphrase():
    flags = run(story("Guide Paavo Lindqvist told visitors not to climb the glacier without crampons."))
    assert [(f.source, f.text) for f in flags] == [("c", "Solheim")]
    assert "Lindqvist" in flags[0].expected and flags[0].severity.value == "medium"


def test_without_a_paraphrase_one_source_against_one_says_nothing():
    assert run(story("Guide Paavo Lindqvist said the helicopter landed twice.")) == []


def test_a_sentence_sharing_only_ubiquitous_words_is_no_witness():
    # "year", "people", "first" are shared by chance; the claim's words are not there.
    text = "Paavo Lindqvist said people come back year after year for the first snow."
    assert run(story(text)) == []


def test_a_paraphrase_naming_the_speaker_backs_that_speaker():
    flags = run(story("Ranger Ingrid Solheim told visitors not to climb the glacier without crampons."))
    assert [(f.source, f.text) for f in flags] == [("a", "mountain guide Paavo Lindqvist")]


def test_a_paraphrase_naming_both_people_is_no_witness():
    text = ("Ranger Ingrid Solheim and guide Paavo Lindqvist told visitors not to climb the glacier "
            "without crampons.")
    assert run(story(text)) == []


def test_a_speaker_read_short_of_the_name_it_titles_is_not_flagged():
    # A degree title before the name ("Ing.") may be taken for a sentence's end, so that the
    # title alone is read as the speaker: the name right after it is the one the others credit.
    texts = story("Guide Paavo Lindqvist told visitors not to climb the glacier without crampons.")
    texts["c"] = [texts["c"][0], (f"{QUOTE} said Ing.", "Paavo Lindqvist heads the guiding office.")]
    assert run(texts) == []


def test_two_renderings_sharing_a_name_word_are_not_set_apart_by_a_paraphrase():
    # One person in two romanisations keeps the given name: a paraphrase cannot tell them apart.
    texts = story("Guide Paavo Lindqvist told visitors not to climb the glacier without crampons.")
    texts["c"] = [texts["c"][0], f"{QUOTE} said guide Paavo Kivimaa."]
    assert run(texts) == []
