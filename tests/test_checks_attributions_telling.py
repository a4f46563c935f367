"""attribution_conflict: a loosely aligned member (``Group.loose``) shares the others' claim when
the telling words (rarer than ``TELLING_ZIPF``) of either statement are found in the other
(``LooseWitness._shares_claim``): a stem is as telling as its rarest form, and "keep a close eye"
shares "closely" with "watch closely" however common "close" is.

An invented story (a tram line reopening in the town of Orvik) unlike any development case."""

from __future__ import annotations


from srccompare.checks.attributions import AttributionCheck
from srccompare.models import Kind
from tests.discrepancy_story import build, loosely, flag_texts

LEAD = "The Orvik tram line reopens on Monday after eight months of track works."


def run(ctx):
    return flag_texts(AttributionCheck(), ctx, Kind.ATTRIBUTION_CONFLICT)


def trams(d: str) -> dict[str, list[str]]:
    return {
        "a": [LEAD, "Tram director Maren Solvik said the trams would be watched closely for punctuality in the first weeks."],
        "b": [LEAD, "The trams will be watched closely for punctuality in the first weeks, tram director Maren Solvik said."],
        "c": [LEAD, "Maren Solvik said the trams would be watched closely for punctuality during the first weeks."],
        "d": [LEAD, d],
    }


def test_a_rare_form_on_one_side_makes_the_shared_stem_telling():
    # "close" is a common word, "closely" a rarer one: the loose paraphrase shares "punctuality"
    # and "closely" with the others, two telling stems, so its other speaker is set against theirs.
    d = "Transport councillor Jens Aabakken said the operator would keep a close eye on punctuality in the first weeks."
    assert run(loosely(build(trams(d)), "d:1")) == [("d", "Transport councillor Jens Aabakken")]


def test_a_loose_member_sharing_one_telling_word_is_still_no_witness():
    d = "Transport councillor Jens Aabakken said the operator would keep an eye on the timetable in the first weeks."
    assert run(loosely(build(trams(d)), "d:1")) == []


def test_the_same_speaker_in_the_paraphrase_agrees():
    d = "Maren Solvik said the operator would keep a close eye on punctuality in the first weeks."
    assert run(loosely(build(trams(d)), "d:1")) == []
