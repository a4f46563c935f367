"""How pages and code pages leave marks in the text: a widget's or a share button's label joined
to a paragraph by extraction ("SDÍLET NA FACEBOOKU She ...", "Loading comments... Loading
comments..."), UTF-8 shown through cp1250 ("KnurĂłw"), and an acronym run into the next word
("KOSPIindex"). Tested on invented stories and pure helpers."""

from __future__ import annotations

from checks_builder import found, story, reported
from srccompare.checks.garbles import GarbleCheck
from srccompare.checks.lexicon import mis_decoded_words
from srccompare.models import Kind


def run(ctx):
    return reported(GarbleCheck(), ctx, Kind.GARBLED_TEXT)


def texts_of(texts, source="a"):
    return [text for _, text, _ in found(run(story(texts)), source)]


def test_utf8_read_as_cp1250_is_encoding_damage():
    assert mis_decoded_words("The mayor of KnurĂłw, Adam Ryszka, said") == ((13, 20, "Knurów"),)
    assert mis_decoded_words("VinaĹ™stvĂ­ Hruška")[0][2] == "Vinařství"
    # Romanian and Slovak letters of cp1250 in their own words are no damage.
    assert mis_decoded_words("Bacău și Cotnari, ĂLA, Ĺubica") == ()
    # A word in capitals whose reading is not in capitals is a real word ("PĂŞUNE", pasture).
    assert mis_decoded_words("PĂŞUNE") == ()


def test_an_acronym_run_into_a_word():
    texts = {
        "a": "The won fell, and the KOSPIindex rose by 1.3% to 3,912.40 in the afternoon.",
        "b": "The won weakened, while the benchmark KOSPI rose 1.3% to 3,912.40 in afternoon trade.",
        "c": "The won fell, and the KOSPI closed up 1.3% at 3,912.40 in the afternoon.",
    }
    assert "KOSPIindex" in texts_of(texts)
    # A form another source prints too is the story's spelling, not a lost space.
    texts["b"] = texts["b"].replace("benchmark KOSPI", "KOSPIindex")
    assert "KOSPIindex" not in texts_of(texts)


def test_a_share_label_run_into_a_paragraph():
    texts = {
        "a": "Talks start on Monday. SDÍLET NA FACEBOOKU She ruled out working with the far right.",
        "b": "Talks start on Monday. She ruled out any deal with the far right.",
        "c": "Coalition talks begin on Monday, and she ruled out the far right.",
    }
    assert "SDÍLET NA FACEBOOKU" in texts_of(texts)


def test_an_acronym_the_others_print_opens_a_sentence():
    texts = {
        "a": "Talks start on Monday. NATO EU talks follow on Tuesday in Brussels.",
        "b": "Talks start on Monday, and NATO and the EU meet on Tuesday in Brussels.",
        "c": "NATO and EU officials meet on Tuesday in Brussels after talks on Monday.",
    }
    assert not any("NATO" in t for t in texts_of(texts))


def test_a_widget_placeholder_printed_twice():
    texts = {
        "a": "Boats were washed onto the shore in Flatts. Please stay home. Loading comments... Loading comments...\n"
             "The eye is passing about 45 miles west of the island.",
        "b": "Boats were washed ashore in Flatts, and residents were told to stay home. "
             "The eye passed about 45 miles west of the island.",
        "c": "Residents were told to stay home. The eye passed 45 miles west of the island.",
    }
    assert any(t.startswith("Loading comments... Loading comments...") for t in texts_of(texts))
    # Said twice inside a quotation, it is the speaker's.
    texts["a"] = 'Boats were washed onto the shore. "Stay home. Stay home." The eye is passing 45 miles west.'
    assert not any(t.startswith("Stay home") for t in texts_of(texts))
