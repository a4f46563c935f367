"""attribution_conflict: one person whose name two translations romanise by two schemes.

A translation from another script or alphabet renders a name by its own scheme ("Yanis" for
"Jānis", "Çirvanis" for "Tsirvanis", Somali orthography's "Cali" for "Ali"): the speaker is still
the one person, not a second one a quote was handed to. The names check judges the spelling.

Invented names and an invented story (a river in flood)."""

from __future__ import annotations

from srccompare.checks.attributions import AttributionCheck, _rendered_whole, same_name
from srccompare.checks.names import one_name_romanised
from tests.discrepancy_story import build, check_offsets


def run(texts):
    ctx = build(texts)
    flags = list(AttributionCheck().run(ctx))
    check_offsets(ctx, flags)
    return [(f.source, f.text) for f in flags]


LEAD = "The river Orsa burst its banks on Tuesday night."
QUOTE = '"The water rose two metres in one night and took the market with it,"'


def test_two_romanisations_of_a_name_word_are_one_name():
    assert one_name_romanised("yanis", "janis")  # a glide written y or j
    assert one_name_romanised("cirvanis", "tsirvanis")  # Turkish ç, Greek τσ
    assert not one_name_romanised("ruiz", "vidal")


def test_same_name_takes_a_romanised_given_name_or_surname_for_the_same():
    assert same_name(("yanis", "ozols"), ("janis", "ozols"))
    assert same_name(("cirvanis",), ("pavlos", "tsirvanis"))
    assert not same_name(("lars", "ozols"), ("janis", "ozols"))


def test_a_whole_name_rendered_word_by_word_is_one_name():
    # Somali orthography (c for the Arabic ʿayn, x for ḥ, long vowels doubled) against English.
    assert _rendered_whole(("cabdiraxmaan", "yuusuf", "warsan"), ("abdirahman", "yusuf", "warsan"))
    assert _rendered_whole(("faadumo", "cali", "geedi"), ("fadumo", "ali", "gedi"))
    # One word begun alike is not enough: "Asante" is not "Asante-Boateng", "Kofi" not "Kwame".
    assert not _rendered_whole(("kofi", "asante"), ("kwame", "asanteboateng"))
    assert not _rendered_whole(("ana", "ruiz"), ("eva", "ortiz"))
    # One word otherwise must be a romanisation of it, not a word merely sounding alike: in a
    # naming custom where words recur across names, "Ma Sandar Wai" may be another woman.
    assert not _rendered_whole(("ma", "sandar", "wai"), ("ma", "sandar", "win"))
    assert _rendered_whole(("ma", "sandar", "yanis"), ("ma", "sandar", "janis"))


def test_a_surname_romanised_otherwise_credits_the_same_person():
    texts = {
        "a": [LEAD, f"{QUOTE} said ferry operator Pavlos Tsirvanis."],
        "b": [LEAD, f"{QUOTE} ferry operator Pavlos Tsirvanis said."],
        "c": [LEAD, f"{QUOTE} Çirvanis said."],
    }
    assert run(texts) == []
    # Another person's name is still another speaker.
    texts["c"] = [LEAD, f"{QUOTE} Demirel said."]
    assert run(texts) == [("c", "Demirel")]


def test_a_given_name_romanised_otherwise_is_no_second_person():
    texts = {
        "a": [LEAD, f"{QUOTE} said Mayor Janis Ozols."],
        "b": [LEAD, f"{QUOTE} Mayor Janis Ozols said."],
        "c": [LEAD, f"{QUOTE} said Yanis Ozols."],
    }
    assert run(texts) == []


def test_a_name_rendered_word_by_word_in_one_translation_is_one_person():
    texts = {
        "a": [LEAD, f"{QUOTE} said Mayor Abdirahman Yusuf Warsan."],
        "b": [LEAD, f"{QUOTE} Mayor Abdirahman Yusuf Warsan said."],
        "c": [LEAD, f"{QUOTE} said the mayor, Cabdiraxmaan Yuusuf Warsan."],
    }
    assert run(texts) == []


def test_two_renderings_one_source_prints_side_by_side_are_two_people():
    # A writer who prints both names knows two people: the quote credited to the other is a
    # conflict, however alike the names sound.
    texts = {
        "a": [LEAD, f"{QUOTE} said Mayor Abdirahman Yusuf Warsan.",
              "Cabdiraxmaan Yuusuf Warsan, his cousin, runs the market."],
        "b": [LEAD, f"{QUOTE} Mayor Abdirahman Yusuf Warsan said.", "The market was closed."],
        "c": [LEAD, f"{QUOTE} said Cabdiraxmaan Yuusuf Warsan.", "The market was closed."],
    }
    assert ("c", "Cabdiraxmaan Yuusuf Warsan") in run(texts)
