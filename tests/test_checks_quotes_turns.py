"""Session 7: a faithful rendering in other words against a meaning that turned.

Grammar a translation picks either way keeps the meaning (a semi-modal for a modal, a span of time
in another unit, a clause reported in the past after a past verb, the impersonal "they" for a
passive); a quote worded too freely to line up is still flagged when it denies what the others
affirm; an adverb and its adjective are antonyms across forms; a sentence finished otherwise is
voted on by a source whose short ending witnesses it. Invented story: a landslide that cut a
mountain school-bus route, and an orchard co-operative's frost losses.
"""

from __future__ import annotations

from srccompare.checks.quotes import opposite_forms
from srccompare.checks.quotes import QuoteCheck, _denied, _quantities, read_change
from srccompare.checks.speech import quote_words
from srccompare.models import Severity
from tests.discrepancy_story import flagged, run_check


def run(texts, groups=None):
    return run_check(QuoteCheck(), texts, groups)


def whole(mine: str, theirs: str, places):
    """``read_change`` over the given places with both wordings known."""
    m, t = quote_words(mine), quote_words(theirs)
    ps = []
    for a, b in places:
        ps.append(([w for w in m if w.norm in a.split()], [w for w in t if w.norm in b.split()]))
    return read_change(ps, mine=[w.norm for w in m], theirs=[w.norm for w in t], mine_words=m, theirs_words=t)


# --- grammar that keeps the meaning ---------------------------------------------------------

def test_a_semi_modal_says_what_its_modal_says():
    assert "modality" not in read_change([(quote_words("has to"), quote_words("must"))]).changes
    assert "modality" not in read_change([(quote_words("is able to"), quote_words("can"))]).changes
    # Another modality is still one: "has to" is no "will".
    assert "modality" in read_change([(quote_words("has to"), quote_words("will"))]).changes


def test_a_denied_semi_modal_only_releases():
    # "does not have to" releases, "must not" forbids: not the same modality.
    assert "modality" in read_change([(quote_words("not have to"), quote_words("must not"))]).changes
    r = whole("no pupil has to walk the road", "no pupil should walk the road", [("has to", "should")])
    assert "modality" in r.changes


def test_a_span_of_time_in_another_unit_is_the_same_quantity():
    assert _quantities("the worst slide in this decade".split()) == _quantities("the worst slide in ten years".split())
    assert _quantities("for two weeks".split()) == _quantities("for fourteen days".split())
    assert _quantities("for two weeks".split()) != _quantities("for twelve days".split())
    r = whole("the worst slide recorded in ten years", "the worst slide recorded in this decade",
              [("ten years", "this decade")])
    assert "number" not in r.changes
    r = whole("the worst slide recorded in two years", "the worst slide recorded in this decade",
              [("two years", "this decade")])
    assert "number" in r.changes


def test_a_clause_reported_after_a_past_verb_keeps_its_tense():
    r = whole("the driver believed that the road is safe", "the driver believed the road was safe",
              [("that road is", "road was")])
    assert "tense" not in r.changes
    # Without a reporting verb before it, "is" for "was" still moves the time.
    r = whole("the road is safe for the bus", "the road was safe for the bus", [("is", "was")])
    assert "tense" in r.changes


def test_the_impersonal_they_is_the_passive_said_otherwise():
    r = whole("every spring they promise us a new wall", "every spring we are promised a new wall",
              [("they promise us", "we are promised")])
    assert "referent" not in r.changes
    # "they" put for "we" with no passive beside it is another person.
    r = whole("every spring they build a new wall", "every spring we build a new wall", [("they", "we")])
    assert "referent" in r.changes


def test_an_adverb_and_an_adjective_are_antonyms_across_forms():
    assert opposite_forms("rarely", "frequent")
    assert opposite_forms("slowly", "quick")
    assert not opposite_forms("rarely", "rare")


# --- a rendering too free to line up --------------------------------------------------------

WIRE_BUS = '"The bus is running again on the upper road, and the children are safe," district head Ilse Brandner said.'
BLOG_BUS = '"The bus is running again on the upper road, and the children are safe." said Ilse Brandner.'
MT_TURNED = '"On the upper road the school bus does not run any more, so the children are in danger," told the district head Ilse Brandner.'
MT_KEPT = '"On the upper road the school bus is driving again, so the pupils are not in danger," told the district head Ilse Brandner.'


def test_a_free_rendering_that_denies_what_two_others_affirm_is_flagged_high():
    ctx, flags = run({
        "wire": ["A landslide closed the valley road on Monday.", WIRE_BUS],
        "blog": ["A landslide closed the valley road on Monday.", BLOG_BUS],
        "mt": ["A landslide closed the valley road on Monday.", MT_TURNED],
    })
    got = [f for f in flags if f.source == "mt"]
    assert len(got) == 1 and got[0].severity == Severity.HIGH
    assert "does not run" in ctx.sources["mt"].text[got[0].start:got[0].end]
    assert {e.source for e in got[0].evidence} == {"wire", "blog"}
    assert flagged(ctx, flags, "wire") == [] and flagged(ctx, flags, "blog") == []


def test_a_free_rendering_that_keeps_the_claim_is_flagged_low_only():
    # No claim turned, so no high flag; but the two others print the quote word for word alike,
    # and this rendering is not it (session 15, ``_reworded_whole``): a low flag.
    ctx, flags = run({
        "wire": ["A landslide closed the valley road on Monday.", WIRE_BUS],
        "blog": ["A landslide closed the valley road on Monday.", BLOG_BUS],
        "mt": ["A landslide closed the valley road on Monday.", MT_KEPT],
    })
    got = [f for f in flags if f.source == "mt"]
    assert [f.severity for f in got] == [Severity.LOW]


def test_a_free_rendering_needs_the_same_utterance():
    # Another statement of the same speaker in the same place shares too few words to be read
    # as a rendering of this one.
    other = '"We will not reopen the valley road before the geologists report," said the district head Ilse Brandner.'
    ctx, flags = run({
        "wire": ["A landslide closed the valley road on Monday.", WIRE_BUS],
        "blog": ["A landslide closed the valley road on Monday.", BLOG_BUS],
        "mt": ["A landslide closed the valley road on Monday.", other],
    })
    assert flags == []


def test_one_free_rendering_against_one_is_settled_by_the_source_that_rewords():
    copy_quote = '"Geologists will inspect the slope every morning until the rain stops," Brandner said.'
    mt_quote = '"The geologists are going to look at the slope each morning until the rain stops," said Brandner.'
    ctx, flags = run({
        "wire": ["A landslide closed the valley road on Monday.", WIRE_BUS, copy_quote],
        "mt": ["A landslide closed the valley road on Monday.", MT_TURNED, mt_quote],
        "radio": ["A landslide closed the valley road on Monday.", "The district asked drivers to wait.", copy_quote],
    })
    got = [f for f in flags if f.source == "mt"]
    # The flag is mt's rewording of the geologists' quote ("are going to look at ... each" /
    # "will inspect ... every"): worded otherwise at two places, grammar kept, so low since
    # session 8 (another rendering, not a changed claim; it was medium).
    assert len(got) == 1 and got[0].severity == Severity.LOW
    assert flagged(ctx, flags, "wire") == []


def test_a_denial_reaches_the_words_of_its_clause_only():
    words = quote_words("it does not stand or eat, but it drinks")
    denied = {w.norm for w, d in zip(words, _denied(words, "it does not stand or eat, but it drinks")) if d}
    assert {"stand", "eat"} <= denied and "drinks" not in denied
    words = quote_words("not only the bus but the trucks")
    assert not any(_denied(words, "not only the bus but the trucks"))


# --- a sentence finished otherwise, witnessed by a short ending -----------------------------

def test_a_sentence_finished_otherwise_is_voted_on_with_a_short_ending_as_witness():
    start = "Most growers borrowed money in March to buy the nets. Today they have"
    ctx, flags = run({
        "wire": ["Frost hit the orchards.", f'"{start} nothing," co-operative chair Mara Keel said.'],
        "mt": ["Frost hit the orchards.", f'"{start} nothing left in the hand," said co-operative chair Mara Keel.'],
        "weekly": ["Frost hit the orchards.", f'"{start} lost half of it," co-operative chair Mara Keel said.'],
    })
    assert flagged(ctx, flags, "weekly") == ["lost half of it"]
    assert flagged(ctx, flags, "wire") == []


def test_not_one_says_no_and_is_no_figure():
    r = read_change([(quote_words("not one pupil was hurt"), quote_words("no pupil was injured"))])
    assert "number" not in r.changes
    # "only one" is a figure still.
    assert "number" in read_change([(quote_words("only one pupil"), quote_words("no pupil"))]).changes


def test_a_denial_reaches_the_end_of_its_clause():
    text = "Not one pupil was given the damaged helmets."
    words = quote_words(text)
    denied = {w.norm for w, d in zip(words, _denied(words, text)) if d}
    assert {"pupil", "given", "damaged", "helmets"} <= denied


def test_an_antonym_across_forms_is_settled_like_a_negation():
    shared = '"Geologists will inspect the slope every morning until the rain stops," Brandner said.'
    reworded = '"The geologists are going to look at the slope each morning until the rain stops," said Brandner.'
    ctx, flags = run({
        "wire": ["Rain fell for a week.", '"The slope is moving, and such slides will become more frequent in this valley," geologist Anton Weiss said.', shared],
        "mt": ["Rain fell for a week.", '"The slope is moving, and such slides will be more rarely in this valley," said geologist Anton Weiss.', reworded],
        "radio": ["Rain fell for a week.", "The district asked drivers to wait.", shared],
    })
    got = [f for f in flags if f.source == "mt" and "more rarely" in f.text]
    assert len(got) == 1 and got[0].severity == Severity.MEDIUM
    assert got[0].expected.endswith("such slides will become more frequent in this valley")
    assert flagged(ctx, flags, "wire") == []
