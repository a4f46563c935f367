"""A third rendering as the second witness (session 10). Where only one other source's quote lines
up with a quote and words one place otherwise, a third source that renders the same sentence (a
quote worded too freely to line up, one credited to someone else, or its own reported sentence)
with the other's word there, and not this quote's, makes the majority; against a source that
translates its quotes only a negation, a figure or a restriction counts that way, and against any
source a near word is no change the witness settles. A tie (a negation or a figure, one source
against one) is settled by a third source's quote that lined up with neither, as by its reported
sentence. A quotation a source breaks off for its credit and resumes in the same paragraph lines
up as one. Invented story: a concert hall closed for
repairs in a river town."""

from __future__ import annotations

from srccompare.checks.quotes import QuoteCheck
from srccompare.models import Severity
from tests.discrepancy_story import flagged, run_check


def run(texts, groups=None):
    return run_check(QuoteCheck(), texts, groups)


LEAD = "The river town's concert hall closed on Friday for repairs to its roof."
WIRE = ('"The hall will stay closed until the organ is restored, and the choir will rehearse in the '
        'cathedral meanwhile," director Hanna Sorel said.')
WEEKLY = ('"The hall will stay closed until the organ is restored, and the choir will rehearse in the '
          'gymnasium meanwhile," said director Hanna Sorel.')
REPORTED = "Sorel said the choir would rehearse in the cathedral while the organ is restored and the hall stays closed."
OTHER_NEWS = "Ticket holders will be refunded by the box office within a month."


def test_a_third_sources_reported_sentence_is_the_second_witness_of_a_swapped_word():
    ctx, flags = run({"wire": [LEAD, WIRE], "weekly": [LEAD, WEEKLY], "blog": [LEAD, REPORTED]})
    assert flags and all(f.source == "weekly" for f in flags)
    f = flags[0]
    assert "gymnasium" in f.text and "cathedral" in f.expected
    assert f.severity in (Severity.MEDIUM, Severity.HIGH)
    assert [e.source for e in f.evidence] == ["wire"]


def test_without_a_third_rendering_one_against_one_stays_silent():
    ctx, flags = run({"wire": [LEAD, WIRE], "weekly": [LEAD, WEEKLY], "blog": [LEAD, OTHER_NEWS]})
    assert flags == []


def test_a_third_rendering_that_holds_both_words_takes_no_side():
    both = ("Sorel said the choir would rehearse in the cathedral or the gymnasium while the organ is "
            "restored and the hall stays closed.")
    ctx, flags = run({"wire": [LEAD, WIRE], "weekly": [LEAD, WEEKLY], "blog": [LEAD, both]})
    assert flags == []


def test_the_witness_must_render_the_same_sentence():
    # The other's word in a sentence about something else is no rendering of the quote.
    elsewhere = "The cathedral's own choir sings at the festival in June."
    ctx, flags = run({"wire": [LEAD, WIRE], "weekly": [LEAD, WEEKLY], "blog": [LEAD, elsewhere]})
    assert flags == []


def test_a_freely_worded_quote_credited_otherwise_is_a_witness_too():
    # A translation words the quote too freely to line up and credits it to someone else: its
    # sentence still renders the place as the wire does.
    mt = ('"Until the organ restoration ends the hall remains shut, and for the time being our choir '
          'makes its rehearsals in the cathedral," said deputy mayor Piet Varga.')
    ctx, flags = run({"wire": [LEAD, WIRE], "weekly": [LEAD, WEEKLY], "mt": [LEAD, mt]})
    assert [f.source for f in flags] == ["weekly"]
    assert "gymnasium" in flags[0].text
    assert [e.source for e in flags[0].evidence] == ["wire"]  # the lined-up quote; the third only votes


TRANSLATED_A = ('"The roof leaked above the stage for two winters, and nobody wanted to pay for it," '
                'said Sorel.')
WIRE_A = '"The roof has leaked over the stage for two winters, and nobody wanted to pay," Sorel said.'
TRANSLATED_B = ('"The hall stays closed until the organ is restored, and the choir will rehearse in the '
                'gymnasium in the meantime," said the director Hanna Sorel.')


def test_against_a_translation_a_third_sources_word_does_not_make_a_majority():
    # A source that words its other quotes its own way (a translation): "gymnasium" for the
    # wire's word may be its choice; the outlets that write as the wire does are no second
    # witness against it.
    ctx, flags = run({
        "wire": [LEAD, WIRE, WIRE_A],
        "mt": [LEAD, TRANSLATED_B, TRANSLATED_A],
        "blog": [LEAD, REPORTED, OTHER_NEWS],
    })
    assert not any("gymnasium" in t for t in flagged(ctx, flags, "mt"))


def test_against_a_translation_a_restriction_the_third_source_lacks_still_counts():
    # "only" is no word a translator chooses: the third source settles it even against a
    # translation.
    wire = '"The town will pay for every repair of the hall," Sorel said.'
    mt = '"The town will pay only the roofing costs of the hall," said Sorel.'
    reported = "Sorel said the town would pay for every repair of the hall."
    ctx, flags = run({
        "wire": [LEAD, wire, WIRE_A],
        "mt": [LEAD, mt, TRANSLATED_A],
        "blog": [LEAD, reported, OTHER_NEWS],
    })
    assert flagged(ctx, flags, "mt") == ["only the roofing costs"]


def test_a_near_word_is_not_settled_by_the_third_source():
    # "the hall" / "the building": one field; the third source's word is a rendering either way.
    wire = '"The building will stay closed until the organ is restored," director Hanna Sorel said.'
    weekly = '"The hall will stay closed until the organ is restored," said director Hanna Sorel.'
    reported = "Sorel said the building would stay closed until the organ is restored."
    ctx, flags = run({"wire": [LEAD, wire], "weekly": [LEAD, weekly], "blog": [LEAD, reported]})
    assert flags == []


PIER_WIRE = '"We will not appeal the ruling on the hall, the repairs come first," Sorel said.'
PIER_WEEKLY = '"We will appeal the ruling on the hall, the repairs come first," said Sorel.'


def test_a_tie_is_settled_by_a_third_sources_quote():
    # One source against one on a negation; a third source quotes the words too freely to line
    # up but keeps the negation: the side without it is flagged.
    third = '"We will not appeal, since the repairs of the hall come before any court ruling," said deputy mayor Piet Varga.'
    ctx, flags = run({"wire": [LEAD, PIER_WIRE], "weekly": [LEAD, PIER_WEEKLY], "mt": [LEAD, third]})
    assert flagged(ctx, flags, "weekly") == ["will appeal"] and not flagged(ctx, flags, "wire")
    f = next(f for f in flags if f.source == "weekly")
    assert f.severity == Severity.MEDIUM and [e.source for e in f.evidence] == ["wire", "mt"]


def test_a_third_quote_that_keeps_the_other_side_settles_the_tie_the_other_way():
    third = '"We will appeal, since the repairs of the hall come before any court ruling," said deputy mayor Piet Varga.'
    ctx, flags = run({"wire": [LEAD, PIER_WIRE], "weekly": [LEAD, PIER_WEEKLY], "mt": [LEAD, third]})
    assert flagged(ctx, flags, "wire") == ["will not appeal"] and not flagged(ctx, flags, "weekly")


RESUMED_WIRE = '"We are not closing the hall for good, we are closing it until the roof is safe," director Hanna Sorel said.'
RESUMED_BLOG = '"We are not closing the hall for good," Sorel said. "We are closing it until the roof is safe."'
RESUMED_WEEKLY = '"We are not closing the hall for good, we are closing it until the organ is sold," said director Hanna Sorel.'


def test_a_quotation_broken_off_for_its_credit_and_resumed_votes_as_one():
    # The blog quotes the sentence in two parts around its credit: both parts line up with the
    # weekly's quote, and the blog votes with the wire on the ending.
    ctx, flags = run({"wire": [LEAD, RESUMED_WIRE], "weekly": [LEAD, RESUMED_WEEKLY], "blog": [LEAD, RESUMED_BLOG]})
    assert [f.source for f in flags] == ["weekly"]
    assert "organ is sold" in flags[0].text and "roof is safe" in flags[0].expected
    assert {e.source for e in flags[0].evidence} == {"wire", "blog"}


def test_two_quotations_in_separate_paragraphs_are_not_joined():
    # Each paragraph its own quotation: the blog's second one may be another statement.
    groups = [[("wire", 0), ("weekly", 0), ("blog", 0)], [("wire", 1), ("weekly", 1), ("blog", 1), ("blog", 2)]]
    blog = [LEAD, '"We are not closing the hall for good," Sorel said.', '"We are closing it until the roof is safe."']
    ctx, flags = run({"wire": [LEAD, RESUMED_WIRE], "weekly": [LEAD, RESUMED_WEEKLY], "blog": blog}, groups)
    assert flags == []
