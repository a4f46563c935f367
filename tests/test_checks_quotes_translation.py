"""Session 9: grammar a translation picks either way is no meaning that turned.

A meaning-keeping machine translation of a quote rewords it at many places; where the only other
changes are grammar that says the same thing, the rewording is read as another rendering (low),
not as a changed claim. "will be able to" is the future of "can" and "will have to" of "must"
(English has no future of those modals); "would rather" is a preference, no modality; "did not
have" is past as "had" is (a verb after do-support, a modal or "to" carries no tense); "too fast"
says a degree as "very fast" does; "tens of years" are decades; "a third" is "one third"; a plan
said with the present progressive ("we are closing") is the future "will" says. Invented story:
a ferry operator fined after a night crossing in a storm.
"""

from __future__ import annotations

from srccompare.checks.quotes import read_change
from srccompare.checks.speech import quote_words


def whole(mine: str, theirs: str, places):
    """``read_change`` over the given places (each a pair of space-separated word lists) with both
    wordings known."""
    m, t = quote_words(mine), quote_words(theirs)
    ps = []
    for a, b in places:
        ps.append(([w for w in m if w.norm in a.split()], [w for w in t if w.norm in b.split()]))
    return read_change(ps, mine=[w.norm for w in m], theirs=[w.norm for w in t], mine_words=m, theirs_words=t)


def test_the_future_of_a_modal_said_with_its_semi_modal():
    assert "modality" not in read_change([(quote_words("nobody will be able to stop"),
                                           quote_words("nobody can stop"))]).changes
    assert "modality" not in read_change([(quote_words("we will have to wait"), quote_words("we must wait"))]).changes
    # A plain future for "can" is still another modality.
    assert "modality" in read_change([(quote_words("nobody will stop"), quote_words("nobody can stop"))]).changes
    # "does not have to" only releases; "will not be able to" still says "cannot".
    assert "modality" in read_change([(quote_words("we do not have to wait"), quote_words("we must not wait"))]).changes
    assert "modality" not in read_change([(quote_words("we will not be able to sail"),
                                           quote_words("we cannot sail"))]).changes


def test_the_article_counts_a_numeral_as_one():
    r = whole("bookings fell by almost a third", "bookings went down almost one third",
              [("fell by", "went down"), ("a", "one")])
    assert "number" not in r.changes
    r = whole("bookings fell by almost a third", "bookings went down almost two thirds",
              [("fell by", "went down"), ("a third", "two thirds")])
    assert "number" in r.changes


def test_grammar_a_translation_picks_either_way():
    # "would rather" is a preference, no modality; "did not have" is past as "had" is; "too
    # fast" says a degree as "very fast" does; "tens of years" are decades.
    assert "modality" not in read_change([(quote_words("we would rather close"),
                                           quote_words("it is better that we close"))]).changes
    assert "tense" not in read_change([(quote_words("did not have a berth"), quote_words("had no berth"))]).changes
    assert "tense" in read_change([(quote_words("does not have a berth"), quote_words("had no berth"))]).changes
    assert "emphasis" not in read_change([(quote_words("too rough"), quote_words("very rough"))]).changes
    assert "emphasis" in read_change([(quote_words("the sea was too rough"), quote_words("the sea was rough"))]).changes
    r = whole("the new hull lasts tens of years", "the new hull lasts decades", [("tens of years", "decades")])
    assert "number" not in r.changes
    r = whole("the new hull lasts tens of years", "the new hull lasts centuries", [("tens of years", "centuries")])
    assert "number" in r.changes


def test_a_plan_said_with_the_present_progressive_is_the_future():
    r = whole("we will not cancel the night crossing", "we are not cancelling the night crossing",
              [("will", "are")])
    assert "modality" not in r.changes
    # A plain present is no future: "we will cancel" / "we cancel" still differ.
    r = whole("we will cancel the night crossing", "we cancel the night crossing", [("will", "")])
    assert "modality" in r.changes


def test_the_present_perfect_tells_a_past_event():
    # "the captain has been blamed" / "the captain was blamed": one past event, two tenses a
    # translation picks between; a present state against a past one still differs.
    assert "tense" not in read_change([(quote_words("was blamed"), quote_words("has been blamed"))]).changes
    assert "tense" not in read_change([(quote_words("the fares rose"), quote_words("the fares have risen"))]).changes
    assert "tense" in read_change([(quote_words("the pier is safe"), quote_words("the pier was safe"))]).changes
    assert "tense" in read_change([(quote_words("we have a spare ferry"), quote_words("we had a spare ferry"))]).changes
