"""name_variant: one name written as separate words, as a listener or a translator hears it
(``_split_name_flags``), on an invented story (a harbour dredging contract, one broadcast
transcript), not any case's wording."""

from __future__ import annotations

from checks_builder import story
from srccompare.checks.names import NameCheck, _collect, _split_name_flags
from srccompare.models import Severity


def run(ctx):
    return [f for f in NameCheck().run(ctx) if f.confidence >= ctx.settings.min_confidence]


WIRE = ("The port board signed the dredging contract on Friday. "
        "Harbour master Tomas Merrivale said the channel would be deepened by two metres. "
        "Work will start at the Quarnby quay in June. "
        "Merrivale said ships would no longer wait for the tide.")
DAILY = ("A dredging contract was signed by the port board on Friday. "
         "The channel will be two metres deeper, harbour master Tomas Merrivale said. "
         "The dredgers will begin at the Quarnby quay in June. "
         "Ships will not need to wait for high water, Merrivale said.")
RELEASE = ("The Port Board today signed the contract for dredging. "
           "Harbour Master Tomas Merrivale said the channel will be deepened by two metres. "
           "Works begin at Quarnby quay in June. "
           "Merrivale added that ships will not wait for the tide any more.")


def split(texts):
    ctx = story(texts)
    return [(f.source, f.text, f.expected) for f in _split_name_flags(ctx, _collect(ctx))]


def test_a_surname_heard_as_two_words_is_a_variant_of_the_one_the_others_print():
    radio = ("PRESENTER: The port board signed a dredging contract on Friday. "
             "Harbour master Tomas Merri Vail said the channel would be two metres deeper. "
             "Work starts at the Quarnby quay in June. "
             "He said ships would not wait for the tide.")
    flags = [f for f in run(story({"a": WIRE, "b": DAILY, "c": RELEASE, "d": radio})) if f.source == "d"]
    (flag,) = flags
    assert flag.text == "Merri Vail" and flag.expected == "Merrivale"
    assert flag.severity is Severity.MEDIUM and "separate words" in flag.message
    assert {e.source for e in flag.evidence} == {"a", "b", "c"}


def test_a_place_with_its_middle_rendered_as_a_short_word_is_a_variant_too():
    mt = ("The board of the port signed the contract of dredging on Friday. "
          "The master of the harbour Tomas Merrivale said the channel will be deeper by two metres. "
          "The works begin at the quay of Quarn of Bie in June. "
          "Merrivale said the ships will not wait the tide.")
    assert split({"a": WIRE, "b": DAILY, "c": RELEASE, "d": mt}) == [("d", "Quarn of Bie", "Quarnby")]


def test_two_names_side_by_side_and_a_name_split_by_one_space_are_not_this_check():
    # "Quarn By": the same letters, one space apart, is words split (the garble check's); two
    # names of the story side by side ("Merrivale Quarnby") are no run of unknown words.
    radio = ("The port board signed a dredging contract on Friday. "
             "Harbour master Tomas Merrivale said the channel would be two metres deeper. "
             "Work starts at the Quarn By quay in June, the Merrivale Quarnby plan. "
             "He said ships would not wait for the tide.")
    assert split({"a": WIRE, "b": DAILY, "c": RELEASE, "d": radio}) == []


def test_another_given_name_before_the_run_is_another_person():
    radio = ("The port board signed a dredging contract on Friday. "
             "Harbour master Tomas Merrivale said the channel would be two metres deeper. "
             "Work starts at the Quarnby quay in June. "
             "His deputy Ilse Merri Vail said ships would not wait for the tide.")
    assert split({"a": WIRE, "b": DAILY, "c": RELEASE, "d": radio}) == []
