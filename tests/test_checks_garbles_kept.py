"""garbled_text: words a translation keeps on purpose are neither misspelt nor left untranslated
(an invented story: a mountain hut reopened after a storm, one source machine-translated).

- the story's own word in the letters of its language, where the others print it in plain letters
  ("lirë" where they print "lire"): neither misspelt nor left untranslated.
"""

from __future__ import annotations

from checks_builder import story
from srccompare.checks.garbles import GarbleCheck, _plain_letters


def run(ctx):
    return [f for f in GarbleCheck().run(ctx) if f.confidence >= ctx.settings.min_confidence]


HUT = {
    "a": "The mountain hut above the lake reopened on Friday, warden Piotr Halas said. "
         "Repairs to the roof cost 90,000 lire, paid by the alpine club.",
    "b": "Warden Piotr Halas said the hut above the lake opened again on Friday. "
         "The alpine club paid 90,000 lire for repairs to the roof.",
    "c": "On Friday the hut above the lake reopened, said Piotr Halas, its warden. "
         "The roof repairs cost the alpine club 90,000 lire.",
}


def texts(a=None, b=None, c=None, d=None):
    out = dict(HUT)
    out["d"] = d
    return out


def test_the_storys_word_in_its_own_letters_is_no_garble():
    d = ("The mountain hut above the lake reopened on Friday, warden Piotr Halas said. "
         "Repairs to the roof cost 90,000 lirë, paid by the alpine club.")
    assert [f.text for f in run(story(texts(d=d)))] == []


def test_a_word_in_other_letters_that_no_source_prints_plain_is_still_judged():
    # "lirë" printed where the others print another word: nothing makes it the story's word.
    others = {k: v.replace("lire", "euros") for k, v in HUT.items()}
    d = ("The mountain hut above the lake reopened on Friday, warden Piotr Halas said. "
         "Repairs to the roof cost 90,000 mirëmbajtjë, paid by the alpine club.")
    flags = run(story(dict(others, d=d)))
    assert [f.text for f in flags if "untranslated" in f.message] == ["mirëmbajtjë"]


def test_a_word_left_where_the_others_print_english_is_still_reported():
    # The same unknown word away from any name: the others' English says what was due there.
    d = ("The mountain hut above the lake reopened on Friday, warden Piotr Halas said. "
         "Repairs to the çatisë cost 90,000 lire, paid by the alpine club.")
    assert [f.text for f in run(story(texts(d=d))) if "untranslated" in f.message] == ["çatisë"]


def test_plain_letters():
    assert _plain_letters("lirë") == "lire"
    assert _plain_letters("smørrebrød") == "smorrebrod"
    assert _plain_letters("дом") == "дом"  # another script: not romanised here
