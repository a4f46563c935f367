"""quote_variant: planted variants are flagged with the majority wording; legitimate differences are not."""

from __future__ import annotations

from pathlib import Path

import pytest

from srccompare.checks.quotes import QuoteCheck, align_fragments
from srccompare.checks.speech import analyse, find_quotes, quote_words
from srccompare.models import Kind
from tests.discrepancy_story import build, check_offsets


def run(texts, groups=None):
    ctx = build(texts, groups)
    flags = list(QuoteCheck().run(ctx))
    check_offsets(ctx, flags)
    assert all(f.kind is Kind.QUOTE_VARIANT for f in flags)
    return ctx, flags


# --- finding quotes ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, quoted", [
    ('He said "we will rebuild" today.', ["we will rebuild"]),
    ("He said “we will rebuild” today.", ["we will rebuild"]),
    ("She called it ‘a fair deal’ and left.", ["a fair deal"]),
    ("She called it 'a fair deal' and left.", ["a fair deal"]),
    ("We don't know, we’ve said, what the partners' offers are.", []),
    ("Il a dit « nous reconstruirons » hier.", [" nous reconstruirons "]),
    ("Er sagte „wir bauen wieder auf“ gestern.", ["wir bauen wieder auf"]),
    # »…« (German, Danish, Czech, Slovene, Croatian): the » opens, the « closes.
    ("»We will reopen the pier,« said the harbour master. »Not before May.«",
     ["We will reopen the pier,", "Not before May."]),
    ("Er sagte »wir bauen wieder auf« gestern.", ["wir bauen wieder auf"]),
    ("“The quote runs on to the end of the paragraph\nNext paragraph", ["The quote runs on to the end of the paragraph"]),
])
def test_find_quotes(text, quoted):
    got = [text[s:e] for s, e, nested in find_quotes(text, [(0, len(text))]) if not nested]
    assert got == quoted


def test_contractions_and_apostrophes_normalise_alike():
    a = [w.norm for w in quote_words("We’ve got to de-escalate, we don’t want it")]
    b = [w.norm for w in quote_words("we've got to de-escalate, We don't want it")]
    assert a == b == ["we", "have", "got", "to", "deescalate", "we", "do", "not", "want", "it"]


def test_sub_quote_agrees_verbatim():
    long = quote_words("We will rebuild every home, every school and every road in this valley")
    short = quote_words("every school and every road")
    m = align_fragments(short, long)
    assert m is not None and all(s == "eq" for s in m.status)


# --- table of stories -------------------------------------------------------------------------

EARTHQUAKE = {
    "a": ["The mayor of Dolna spoke on Monday.",
          '"We will rebuild every home and every school in this valley," Mayor Ana Petrova said.'],
    "b": ["Mayor Ana Petrova of Dolna addressed residents.",
          "“We will rebuild every home and every school in this valley,” Petrova said."],
    "c": ["Dolna's mayor spoke to reporters.",
          '"We will rebuild every house and every school in this valley," Petrova said.'],
    "d": ["The mayor spoke.",
          "Petrova promised to \"rebuild every home\" in the valley."],
}

COURT = {
    "a": ["The court ruled on Friday.",
          '"The law cannot stand as written, and the ban is lifted," Judge Maria Lopez wrote.'],
    "b": ["A federal court ruled on Friday.",
          "“The law can’t stand as written, and the ban is lifted,” Judge Lopez wrote."],
    "c": ["Judges ruled on Friday.",
          "\"The law can't stand as written … the ban is lifted,\" Lopez wrote."],
}

TRANSFER = {
    "a": ["Silva joined Porto on a four-year deal.",
          '"I am proud to join a club with such history and I will give everything," Silva said.'],
    "b": ["Silva signed for Porto.",
          '"I am proud to join a club with such history and I will give everything," Silva told reporters.'],
    "c": ["Porto signed Silva.",
          '"I am proud to join a club with such history and I will give everything," said Silva.'],
    "d": ["The striker moved to Porto.",
          '"I am glad to sign for a team with great tradition and I shall fight for it," Silva said.'],
}

RECALL_DIFFERENT_SPEAKERS = {
    "a": ["Acme recalled the heaters.",
          '"We are recalling every unit as a precaution," chief executive Jane Doe said. '
          '"We are recalling every unit too late," regulator Tom Ray said.'],
    "b": ["Acme recalled its heaters.",
          '"We are recalling every unit as a precaution," Doe said.'],
    "c": ["Heaters were recalled.",
          '"We are recalling every unit as a precaution," Doe said.'],
}


def test_planted_word_variant_is_flagged_with_majority_wording():
    ctx, flags = run(EARTHQUAKE)
    assert len(flags) == 1
    f = flags[0]
    assert f.source == "c" and f.text == "house" and f.expected == "home"
    assert {e.source for e in f.evidence} == {"a", "b"}
    assert all("home" in e.text for e in f.evidence)
    assert "2 other sources" in f.message and "house" in f.message


def test_curly_straight_contractions_and_ellipsis_are_not_variants():
    _, flags = run(COURT)
    assert flags == []


def test_reworded_throughout_flags_the_whole_quote():
    ctx, flags = run(TRANSFER)
    assert [f.source for f in flags] == ["d"]
    f = flags[0]
    assert f.text.startswith("I am glad") and f.text.endswith("fight for it")
    assert f.expected.startswith("I am proud") and f.severity.value == "high"
    assert len(f.evidence) == 3


def test_quotes_of_different_speakers_are_not_compared():
    _, flags = run(RECALL_DIFFERENT_SPEAKERS)
    assert flags == []


@pytest.mark.parametrize("texts", [
    # Two sources alone: no majority.
    {"a": ['"We will rebuild every home in this valley," Petrova said.'],
     "b": ['"We will rebuild every house in this valley," Petrova said.']},
    # Three sources, three wordings: no consensus.
    {"a": ['"We will rebuild every home in this valley," Petrova said.'],
     "b": ['"We will rebuild every house in this valley," Petrova said.'],
     "c": ['"We will rebuild every building in this valley," Petrova said.']},
    # A longer and a shorter cut of the same quote.
    {"a": ['"We will rebuild every home in this valley, and we will start tomorrow," Petrova said.'],
     "b": ['"We will rebuild every home in this valley," Petrova said.'],
     "c": ['"and we will start tomorrow," Petrova said.']},
])
def test_legitimate_differences_are_not_flagged(texts):
    _, flags = run(texts)
    assert flags == []


@pytest.mark.parametrize("texts, flagged, expected", [
    # Inflection only ("decouple"/"decoupling"): not verbatim, same meaning.
    ({"a": ['"We don\'t want to decouple, what we want is fair trade," Lee said.'],
      "b": ['"We don’t want decoupling. What we want is fair trade," Lee said.'],
      "c": ['"We do not want to decouple. What we want is fair trade," Lee said.']},
     "decoupling", "to decouple"),
    # A function word swapped.
    ({"a": ['"Owners should not let anyone ride in the front seat," Ruiz said.'],
      "b": ['"Owners should not let anyone ride in the front seat," Ruiz said.'],
      "c": ['"Owners should not let anyone ride in a front seat," Ruiz said.']},
     "a", "the"),
    # A word dropped without an ellipsis.
    ({"a": ['"Tonight the city chose hope over fear," Lemos said.'],
      "b": ['"Tonight the city chose hope over fear," Lemos said.'],
      "c": ['"Tonight city chose hope over fear," Lemos said.']},
     "city", "the city"),
])
def test_minor_wording_differences_are_low(texts, flagged, expected):
    _, flags = run(texts)
    assert [(f.source, f.text, f.expected, f.severity.value) for f in flags] == [("b" if flagged == "decoupling" else "c", flagged, expected, "low")]


def test_story_wide_fallback_for_the_same_named_speaker():
    texts = {
        "a": ["Other news first.", '"Prices will fall by winter," Finance Minister Karl Weber said.'],
        "b": ['"Prices will fall by winter," Weber said.', "Other news later."],
        "c": ["Unrelated.", '"Prices will fall by winter," said Weber.'],
        "d": ['"Prices will rise by winter," Weber said.', "Unrelated too."],
    }
    # No groups at all: matching relies on the same named speaker anywhere in the story.
    _, flags = run(texts, groups=[])
    # A swap that changes the meaning marks the quoted sentence; the message names the words.
    assert [(f.source, f.text, f.expected) for f in flags] == [
        ("d", "Prices will rise by winter", "Prices will fall by winter")]
    assert '"rise"' in flags[0].message and '"fall"' in flags[0].message


def test_ids_are_stable_across_reruns_and_added_sources():
    _, first = run(EARTHQUAKE)
    _, again = run(EARTHQUAKE)
    more = dict(EARTHQUAKE)
    more["e"] = ["The mayor said more.", '"We will rebuild every home and every school in this valley," Petrova said.']
    _, bigger = run(more)
    assert [f.id for f in first] == [f.id for f in again]
    assert [f.id for f in first] == [f.id for f in bigger if f.source == "c"]
    assert bigger[0].confidence > first[0].confidence


def test_speakers_and_pronouns_are_read():
    ctx = build({"a": [("Mayor Ana Petrova spoke first.", '"We will rebuild," she said.',
                        '"It will take years," added Petrova, who was re-elected.')]})
    sp = analyse(ctx.sources, ctx.alignment.passages)
    got = [(q.text, q.speaker.named.text if q.speaker and q.speaker.named else None) for q in sp.quotes["a"]]
    # "she" is the name the sentence before opens with, read past the title "Mayor" that the
    # story prints only there.
    assert got == [("We will rebuild,", "Ana Petrova"), ("It will take years,", "Petrova")]


SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed articles missing")
def test_seed_quote_variants():
    """Both 001 misquotes are found; in the report a term flag on the same words may stand for
    the quote flag (run_checks prefers the more specific kind); 000 and 003 stay nearly clean."""
    from srccompare.checks.attributions import AttributionCheck
    from srccompare.checks.base import CheckContext
    from srccompare.checks.numbers import NumberCheck
    from srccompare.pipeline import analyze
    from srccompare.settings import Settings

    a = analyze([SEEDS], Settings(cache=False), record_run=False)
    ctx = CheckContext(sources={s.id: s for s in a.sources}, alignment=a.alignment, settings=a.settings)
    mine = list(QuoteCheck().run(ctx)) + list(NumberCheck().run(ctx)) + list(AttributionCheck().run(ctx))
    check_offsets(ctx, mine)
    for f in mine:
        print(f.kind.value, f.source, repr(f.text), "->", repr(f.expected), f.severity.value, f.confidence)
    quotes = {f.text: f for f in mine if f.kind is Kind.QUOTE_VARIANT and f.source.startswith("001")}
    broke = [f for t, f in quotes.items() if "break up" in t or "fair deal" in t]
    cancel = [f for t, f in quotes.items() if "cancel the upgrade" in t]
    assert broke and "decouple" in broke[0].expected and "fair trade" in broke[0].expected
    assert cancel and "de-escalate" in cancel[0].expected and len(cancel[0].evidence) == 3
    reported = [f for f in a.flags if f.source.startswith("001") and "cancel the upgrade" in f.text]
    assert reported and reported[0].kind in (Kind.QUOTE_VARIANT, Kind.TERM_VARIANT)
    clean = [f for f in mine if f.source.startswith(("000", "003"))]
    assert len(clean) <= 2 and all(f.severity.value == "low" for f in clean)


def test_other_sources_cutting_a_change_differently_still_agree():
    # "was … would" against "is that … will" and "is that … meeting will": the two other sources
    # line the words up differently, but their wordings share what this one lacks.
    texts = {
        "a": ['"My view is that this will be about trade, not about the big deal," Jones said.'],
        "b": ['"My view is that this meeting will be about trade," Jones said.'],
        "c": ['"My view was this would be about trade, not about the big deal," Jones said.'],
    }
    _, flags = run(texts)
    # c's "was … would" is a change of tense (medium); b's "meeting" is a word the two others lack,
    # and the flag on it shows their wording around it, not an empty expectation.
    assert [(f.source, f.text, f.expected, f.severity.value) for f in flags] == [
        ("b", "this meeting will", "this will", "medium"),
        ("c", "was this would", "is that this will", "medium")]
    # The trap: an inflection of the same word ("decoupling" / "to decouple") is no other wording.
    texts2 = {
        "a": ['"We do not want to decouple from them at all," Jones said.'],
        "b": ['"We do not want to decouple, we want fair trade," Jones said.'],
        "c": ['"We do not want decoupling from them at all," Jones said.'],
    }
    _, flags2 = run(texts2)
    assert flags2 == []


# --- what a rewording does to the meaning -----------------------------------------------------

from srccompare.checks.quotes import read_change  # noqa: E402


def _place(mine: str, theirs: str):
    return (quote_words(mine), quote_words(theirs))


@pytest.mark.parametrize("places, changes, paraphrase", [
    # A negator lost.
    ([("we will stop", "we will not stop")], {"polarity"}, False),
    # Two contrasted words trade places.
    ([("build", "repair"), ("repair", "build")], {"order"}, False),
    # A restriction added.
    ([("only farmers", "everyone")], {"scope", "content"}, False),
    # Modality and tense.
    ([("would", "will")], {"modality"}, False),
    ([("was", "is")], {"tense"}, False),
    # An overstatement.
    ([("totally", "")], {"emphasis"}, False),
    # Another person: a noun where the others say "us".
    ([("the army", "us")], {"referent", "content"}, False),
    # A figure.
    ([("three", "four")], {"number"}, False),
    # A synonym, an inflection, a question word rendered by its noun: the meaning is kept.
    ([("automobile", "car")], set(), True),
    ([("to rebuild", "rebuilding")], set(), True),
    ([("the way", "how")], set(), True),
    # A compound naming a kind of the other word, but never a negating prefix.
    ([("subspecies", "species")], set(), True),
    ([("unsafe", "safe")], {"content"}, False),
    # Function words only: the meaning is kept, and it is no paraphrase either.
    ([("a", "the")], set(), False),
])
def test_read_change(places, changes, paraphrase):
    r = read_change([_place(a, b) for a, b in places])
    assert set(r.changes) == changes and r.paraphrase == paraphrase


def test_a_word_moved_elsewhere_is_not_added():
    mine = quote_words("we hope to find the hikers alive")
    theirs = quote_words("we hope to find alive the hikers")
    r = read_change([(mine[4:7], theirs[4:5])], mine=[w.norm for w in mine], theirs=[w.norm for w in theirs])
    assert not r.changes and r.paraphrase


@pytest.mark.parametrize("texts, want", [
    # A negation lost: high.
    ({"a": ['"We will not sign this treaty until the border is open," Minister Lena Brandt said.'],
      "b": ['"We will not sign this treaty until the border is open," Brandt said.'],
      "c": ['"We will sign this treaty until the border is open," Brandt said.']},
     [("c", "sign", "not sign", "high")]),
    # The contrast reversed: high, the whole reversed stretch.
    ({"a": ['"The plant was built to export power, not to import it," engineer Tomas Lind said.'],
      "b": ['"The plant was built to export power, not to import it," Lind said.'],
      "c": ['"The plant was built to import power, not to export it," Lind said.']},
     [("c", "import power, not to export", "export power, not to import", "high")]),
    # A tense changed: medium.
    ({"a": ['"The bridge is safe for every kind of traffic," engineer Tomas Lind said.'],
      "b": ['"The bridge is safe for every kind of traffic," Lind said.'],
      "c": ['"The bridge was safe for every kind of traffic," Lind said.']},
     [("c", "was", "is", "medium")]),
    # An intensifier added where the others have none: the flag shows its neighbours.
    ({"a": ['"The new reactor design is safe and cheap to run," engineer Tomas Lind said.'],
      "b": ['"The new reactor design is safe and cheap to run," Lind said.'],
      "c": ['"The new reactor design is totally safe and cheap to run," Lind said.']},
     [("c", "is totally safe", "is safe", "medium")]),
])
def test_meaning_changes_set_the_severity(texts, want):
    _, flags = run(texts)
    assert [(f.source, f.text, f.expected, f.severity.value) for f in flags] == want


def test_a_quote_translated_anew_with_the_same_content_is_not_flagged():
    texts = {
        "a": ['"We have not abandoned the hope of finding the climbers alive tonight," ranger Ola Berg said.'],
        "b": ['"We have not abandoned the hope of finding the climbers alive tonight," Berg said.'],
        "c": ['"We have not abandoned hope to find alive the climbers tonight," Berg said.'],
    }
    _, flags = run(texts)
    assert flags == []


def test_a_partial_quote_fitted_into_the_sentence_is_no_variant():
    texts = {
        "a": ['"We came to Tromso to build, not to talk," envoy Ola Berg said.'],
        "b": ['"We came to Tromso to build, not to talk," Berg said.'],
        "c": ['Berg said the team had "come to Tromso to build, not to talk".'],
    }
    _, flags = run(texts)
    assert flags == []


def test_same_words_under_an_unresolved_pronoun_still_count():
    # c's speaker is "he" with no name before it: the quote counts because it plainly shares the words.
    texts = {
        "a": ["Unrelated opening.", '"We will refund every passenger who missed a connection because of the strike," '
              'chief executive Ana Ruiz said.'],
        "b": ['"We will refund every passenger who missed a connection because of the strike," Ruiz said.', "Other news."],
        "c": ["Weather news.", "Sports news.", '"We will refund only passengers who missed a connection because of the '
              'strike," he said.'],
    }
    _, flags = run(texts, groups=[])
    assert [(f.source, f.severity.value) for f in flags] == [("c", "medium")]  # a restriction added
    assert "every passenger" in flags[0].expected
    # Sharing only short runs, an uncredited quote is not taken for the same quotation.
    texts["c"][2] = '"We will refund only passengers who missed a train," he said.'
    _, flags = run(texts, groups=[])
    assert flags == []


def test_the_same_full_name_under_another_title_is_the_same_speaker():
    texts = {
        "a": ["Unrelated opening.", '"We will refund every passenger who missed a connection," chief executive Ana Ruiz said.'],
        "b": ['"We will refund every passenger who missed a connection," chief executive Ana Ruiz said.', "Other news."],
        "c": ["Weather news.", '"We will refund only passengers who missed a connection," Representative Ana Ruiz said.'],
    }
    _, flags = run(texts, groups=[])
    assert [(f.source, f.severity.value) for f in flags] == [("c", "medium")]
    # Another person's name: not compared (the runs are too short for plainly the same words).
    texts["c"][1] = '"We will refund only passengers who missed a connection," Representative Ana Lopez said.'
    _, flags = run(texts, groups=[])
    assert flags == []


def test_a_name_reached_through_a_pronoun_does_not_hide_the_same_words():
    # "he" is read as the regulator named before it; the words are still plainly the executive's quote.
    texts = {
        "a": ["Unrelated opening.", '"We will refund every passenger who missed a connection because of the strike," '
              'chief executive Ana Ruiz said.'],
        "b": ['"We will refund every passenger who missed a connection because of the strike," Ruiz said.', "Other news."],
        "c": ["Weather news.", ("Regulator Tom Ray said the rules were clear.", '"We will pay back only passengers who '
              'missed a connection because of the strike," he said.')],
    }
    _, flags = run(texts, groups=[])
    assert [f.source for f in flags] == ["c"] and "every passenger" in flags[0].expected


def test_a_misspelt_word_in_a_quote_is_left_to_the_spelling_checks():
    texts = {
        "a": ['"The valley will recover faster than anyone expects," Mayor Ana Petrova said.'],
        "b": ['"The valley will recover faster than anyone expects," Petrova said.'],
        "c": ['"The valley will recvoer faster than anyone expects," Petrova said.'],
    }
    _, flags = run(texts)
    assert flags == []
    texts["c"] = ['"The valley will recover slower than anyone expects," Petrova said.']  # a real word: a rewording
    _, flags = run(texts)
    assert [(f.source, f.text, f.expected) for f in flags] == [
        ("c", "The valley will recover slower than anyone expects", "The valley will recover faster than anyone expects")]


# --- Session 2, third round: translations, compounds, derivations, tense, conditions -----------

@pytest.mark.parametrize("places, changes, paraphrase", [
    # An adjective and the noun of its quality say the same ("to be patient" / "for patience").
    ([("to be able", "the ability")], set(), True),
    # A closed compound against its parts written apart, the second part a synonym.
    ([("farm yard", "farmyard")], set(), False),
    ([("bath tub", "bathroom")], {"content"}, False),
    # The same verb moved between past and present by its ending alone.
    ([("stayed", "stays")], {"tense"}, True),
    ([("went", "goes")], {"tense"}, True),
    # Inflection that keeps the tense.
    ([("finding", "find")], set(), True),
])
def test_read_change_third_round(places, changes, paraphrase):
    r = read_change([_place(a, b) for a, b in places])
    assert set(r.changes) == changes and r.paraphrase == paraphrase


def test_two_words_of_one_compound_name_trading_places_are_no_reversal():
    texts = {
        "a": ['"The case now goes to the Court of Appeal for Shipping next month," attorney Lena Ostrova said.'],
        "b": ['"The case now goes to the Court of Appeal for Shipping next month," Ostrova said.'],
        "c": ['"The case now goes to the Court of Appeal for Shipping next month," Ostrova said.'],
        "d": ['"The case now goes to the Shipping Appeal Court next month," Ostrova said.'],
    }
    _, flags = run(texts)
    assert [f for f in flags if f.severity.value != "low"] == []


def test_contrasted_words_trading_places_across_phrases_still_flag_order():
    r = read_change([_place("buyers", "sellers"), _place("sellers", "buyers")],
                    mine_words=quote_words("buyers not sellers"), theirs_words=quote_words("sellers not buyers"))
    assert "order" in r.changes


def _translating_story(variant: str) -> dict[str, list[str]]:
    """Four sources on a bridge closure; "d" words every quote in its own words (a translation)."""
    return {
        "a": ['"The bridge will stay closed until the engineers have inspected every cable," mayor Ines Koval said.',
              '"Nobody was hurt, and that is what matters most tonight," Koval added.'],
        "b": ['"The bridge will stay closed until the engineers have inspected every cable," Koval said.',
              '"Nobody was hurt, and that is what matters most tonight," she added.'],
        "c": ['"The bridge will stay closed until the engineers have inspected every cable," Koval said.',
              '"Nobody was hurt, and that is what matters most tonight," she added.'],
        "d": ['"The bridge will remain closed until the engineers have examined every cable," Koval said.',
              variant],
    }


def test_a_source_that_translates_its_quotes_is_not_flagged_for_wording_that_keeps_the_meaning():
    # One article added: low in a source that copies its quotes (next tests), nothing here.
    texts = _translating_story('"Nobody was hurt, and that is what matters the most tonight," added Koval.')
    _, flags = run(texts)
    assert [f for f in flags if f.source == "d"] == []


def test_a_source_that_translates_its_quotes_is_still_flagged_for_a_change_of_meaning():
    texts = _translating_story('"Nobody was injured, and this is not what counts most tonight," added Koval.')
    _, flags = run(texts)
    assert [f.source for f in flags] == ["d"]
    assert "not" in flags[0].text and flags[0].severity.value == "high"


def test_a_verbatim_source_with_one_article_added_is_still_flagged_low():
    texts = _translating_story('"Nobody was hurt, and that is what matters most tonight," she added.')
    texts["d"][0] = '"The bridge will stay closed until the engineers have inspected every cable," Koval said.'
    texts["d"][1] = '"Nobody was hurt, and that is what matters the most tonight," she added.'
    _, flags = run(texts)
    assert [(f.source, f.severity.value) for f in flags] == [("d", "low")]


def test_a_condition_added_after_the_word_every_other_source_ends_on_is_flagged():
    texts = {
        "a": ['"Do not drink the tap water," health officer Pavel Rusu said.'],
        "b": ['"Do not drink the tap water," Rusu said.'],
        "c": ['"Do not drink the tap water," Rusu said.'],
        "d": ['"Do not drink the tap water unless you boil it first," Rusu said.'],
    }
    _, flags = run(texts)
    assert [(f.source, f.text) for f in flags] == [("d", "water unless you boil it first")]
    assert flags[0].expected == "water"


def test_a_quote_running_on_past_the_others_without_a_condition_is_a_longer_cut():
    texts = {
        "a": ['"Do not drink the tap water," health officer Pavel Rusu said.'],
        "b": ['"Do not drink the tap water," Rusu said.'],
        "c": ['"Do not drink the tap water," Rusu said.'],
        "d": ['"Do not drink the tap water and keep children away from the river," Rusu said.'],
    }
    _, flags = run(texts)
    assert flags == []


def test_a_quote_worded_as_a_trusted_one_votes_whatever_its_credit():
    texts = {
        "a": ['"We will review the contract and most likely cancel it," transport minister Olga Brandt said.'],
        "b": ['"We will review the contract and most likely cancel it," he said.'],
        "c": ['"We will cancel the contract," the ministry said.'],
    }
    _, flags = run(texts)
    assert [f.source for f in flags] == ["c"]


@pytest.mark.parametrize("places, changes", [
    # The periphrastic future says what "will" says; "no one" is "nobody", not a figure.
    ([("are going to", "will")], set()),
    ([("are going", "will")], set()),
    ([("nobody", "no one")], set()),
    # A unit of time carries a quantity as a figure does.
    ([("weeks", "months")], {"number", "content"}),
])
def test_read_change_future_pronoun_one_and_time_units(places, changes):
    r = read_change([_place(a, b) for a, b in places])
    assert set(r.changes) == changes


def test_read_change_tells_an_omission_from_one_wording_put_for_another():
    assert read_change([_place("", "this season")]).bare
    assert read_change([_place("gathered", "harvested")]).bare is False


def _single_quote_story(variant: str) -> dict[str, list[str]]:
    """Four sources on an orchard frost; "d" has only this one quote in common with the others."""
    said = '"Growers lost almost the whole crop this season, and the cooperative cannot cover the debts alone," '
    return {
        "a": [said + 'chairwoman Lena Varga said.'],
        "b": [said + 'Varga said.'],
        "c": [said + 'Varga said.'],
        "d": [variant + ' Varga declared.'],
    }


def test_a_single_quote_worded_anew_throughout_with_the_same_grammar_is_a_translation():
    # Three places, each one wording put for another that the lexicon cannot pair: no misquote.
    texts = _single_quote_story('"Growers lost almost the entire harvest this season, and the cooperative '
                                'cannot carry the liabilities alone,"')
    _, flags = run(texts)
    assert [f for f in flags if f.source == "d"] == []


def test_a_single_quote_with_a_qualifier_left_out_is_still_flagged():
    texts = _single_quote_story('"Growers lost almost the whole crop, and the cooperative '
                                'cannot carry the liabilities alone,"')
    _, flags = run(texts)
    assert [f.source for f in flags] == ["d"]


def test_a_single_quote_worded_anew_with_a_negation_lost_is_still_flagged():
    texts = _single_quote_story('"Growers lost almost the entire harvest this season, and the cooperative '
                                'can carry the liabilities alone,"')
    _, flags = run(texts)
    assert [(f.source, f.severity.value) for f in flags] == [("d", "high")]


@pytest.mark.parametrize("a, b, same", [
    # One word derived from the other by an English ending: the same content.
    ("delivery", "delivered", True), ("safety", "safely", True), ("harbour", "harbourage", True),
    # Not a derivation: a one-letter ending on a short word, or a negating prefix.
    ("part", "party", False), ("legal", "illegal", False),
])
def test_same_sense_pairs_derived_words(a, b, same):
    from srccompare.checks.quotes import same_sense
    assert same_sense(a, b) is same


# --- a swap that changes the meaning: the quoted sentence, beside the word's own flag -----------

LIGHTHOUSE = {
    "a": ['"The keepers left the tower before the storm. Nobody was hurt," harbour master Jan Olsen said.'],
    "b": ['"The keepers left the tower before the storm. Nobody was hurt," Olsen said.'],
    "c": ['"The keepers left the tower before the storm. Nobody was hurt," Olsen told reporters.'],
    "d": ['"The keepers reached the tower before the storm. Nobody was hurt," Olsen said.'],
}


def test_a_meaning_changing_swap_marks_its_quoted_sentence_only():
    _, flags = run(LIGHTHOUSE)
    assert [(f.source, f.text, f.expected) for f in flags] == [
        ("d", "The keepers reached the tower before the storm", "The keepers left the tower before the storm")]
    assert '"reached"' in flags[0].message and flags[0].severity.value != "low"


def test_the_swapped_word_and_the_quoted_sentence_are_two_findings():
    # The term check's flag on the word stands inside the quote check's flag on its sentence.
    from srccompare.checks import run_checks
    ctx = build(LIGHTHOUSE)
    found = {(f.kind, f.text) for f in run_checks(ctx) if f.source == "d"}
    assert (Kind.QUOTE_VARIANT, "The keepers reached the tower before the storm") in found


def test_a_swap_that_keeps_the_meaning_keeps_its_narrow_low_flag():
    texts = dict(LIGHTHOUSE, d=[LIGHTHOUSE["b"][0].replace("left", "departed")])
    _, flags = run(texts)
    assert [(f.text, f.severity.value) for f in flags] == [("departed", "low")]


# --- grammar that keeps the meaning: "shall" for "will", "fails to" for "not", a compound spelt out

def _reading(mine: str, theirs: str):
    from srccompare.checks.quotes import read_change
    a, b = quote_words(mine), quote_words(theirs)
    m = align_fragments(a, b)
    assert m is not None
    places = [(a[i1:i2], b[j1:j2]) for tag, i1, i2, j1, j2 in m.ops if tag != "equal"]
    return read_change(places, mine=[w.norm for w in a], theirs=[w.norm for w in b], mine_words=a, theirs_words=b)


@pytest.mark.parametrize("mine, theirs", [
    ("No passenger shall be left on the quay tonight", "No passenger will be left on the quay tonight"),
    ("The club will act if the league fails to respond by Friday",
     "The club will act if the league does not respond by Friday"),
    ("The farmers refused to sell the harvest at that price", "The farmers did not sell the harvest at that price"),
    ("The riders crossed the river in knee-deep water", "The riders crossed the river in water up to the knee"),
])
def test_grammar_that_keeps_the_meaning_changes_nothing(mine, theirs):
    r = _reading(mine, theirs)
    assert not (r.changes - {"tense"}), r


@pytest.mark.parametrize("mine, theirs, change", [
    ("No passenger should be left on the quay tonight", "No passenger will be left on the quay tonight", "modality"),
    ("The club will act if the league manages to respond by Friday",
     "The club will act if the league fails to respond by Friday", "polarity"),
    ("The riders crossed the river in neck-deep water", "The riders crossed the river in water up to the knee", "content"),
])
def test_the_same_grammar_classes_still_tell_a_change(mine, theirs, change):
    assert change in _reading(mine, theirs).changes


@pytest.mark.parametrize("mine, theirs, hedged", [
    ("The smoke spread to every house around the mill", "The smoke spread to every house near the mill", False),
    ("The fire burned around 40 houses near the mill", "The fire burned 40 houses near the mill", True),
    ("We spoke about the mill with the owners", "We spoke of the mill with the owners", False),
])
def test_about_and_around_hedge_only_a_figure(mine, theirs, hedged):
    assert ("hedge" in _reading(mine, theirs).changes) is hedged


# --- one other source quotes it: a third source's indirect speech is the second witness --------

def test_an_omission_reported_by_a_third_source_in_its_own_words_is_flagged():
    texts = {
        "a": ['"Every driver and every passenger must wear a seat belt," traffic chief Ana Dias said.'],
        "b": ["Traffic chief Ana Dias said every driver and every passenger must wear a seat belt."],
        "c": ['"Every driver must wear a seat belt," Dias said.'],
    }
    _, flags = run(texts)
    assert [(f.source, f.expected) for f in flags] == [("c", "and every passenger must")]


@pytest.mark.parametrize("b_text", [
    "Traffic chief Ana Dias said seat belts would be checked.",  # the third source does not report it
    "Traffic chief Ana Dias said every driver must wear a seat belt.",  # it reports this source's words
])
def test_one_other_quote_alone_cannot_tell_which_is_wrong(b_text):
    texts = {
        "a": ['"Every driver and every passenger must wear a seat belt," traffic chief Ana Dias said.'],
        "b": [b_text],
        "c": ['"Every driver must wear a seat belt," Dias said.'],
    }
    _, flags = run(texts)
    assert flags == []


def test_a_rewording_with_one_other_quote_is_not_settled_by_a_third_source():
    texts = {
        "a": ['"Every driver must wear a seat belt at all times," traffic chief Ana Dias said.'],
        "b": ["Traffic chief Ana Dias said every driver must wear a seat belt at all times."],
        "c": ['"Every driver must wear a seat belt at every moment," Dias said.'],
    }
    _, flags = run(texts)
    assert flags == []


# --- a word a translation spells out ------------------------------------------------------------

def _ferry_story(variant: str) -> dict[str, list[str]]:
    """Four sources on a ferry strike; "d" words its first quote anew (a translation)."""
    first = '"The crews have agreed to return to work once the new rota is signed by both sides,"'
    second = '"Islanders who still have the old passes can exchange them at the harbour office until Friday,"'
    return {
        "a": [first + " union leader Marta Ilves said.", second + " Ilves added."],
        "b": [first + " Ilves said.", second + " she added."],
        "c": [first + " Ilves said.", second + " she added."],
        "d": ['"The crews have agreed to return to work once the new roster is signed by both parties,"'
              " Ilves said.", variant],
    }


@pytest.mark.parametrize("variant", [
    # A full verb where the others have the light verb "have".
    '"Islanders who still hold the old passes can exchange them at the harbour office until Friday," Ilves added.',
    # The head noun a compound's modifiers imply, spelt out.
    '"Islanders who still have the old passes can exchange them at the harbour office desk until Friday,"'
    ' Ilves added.',
])
def test_a_translation_that_spells_out_one_word_is_not_flagged(variant):
    _, flags = run(_ferry_story(variant))
    assert [f for f in flags if f.source == "d"] == []


@pytest.mark.parametrize("variant, added", [
    # A noun put in front qualifies the noun after it; an adverb qualifies the verb.
    ('"Islanders who still have the old passes can exchange them at the town harbour office until Friday,"'
     ' Ilves added.', "town"),
    ('"Islanders who still have the old passes can exchange them freely at the harbour office until Friday,"'
     ' Ilves added.', "freely"),
])
def test_a_translation_that_adds_a_qualifying_word_is_still_flagged(variant, added):
    _, flags = run(_ferry_story(variant))
    assert [f.source for f in flags] == ["d"] and added in flags[0].text


def test_a_source_that_copies_its_quotes_is_flagged_for_the_same_word():
    texts = _ferry_story('"Islanders who still hold the old passes can exchange them at the harbour office until'
                         ' Friday," Ilves added.')
    texts["d"][0] = texts["c"][0]
    _, flags = run(texts)
    assert [f.source for f in flags] == ["d"] and "hold" in flags[0].text


# --- a source that quotes only part of the quotation says nothing about the rest --------------

def test_a_source_quoting_only_the_first_sentence_does_not_shape_the_reading_of_the_second():
    texts = {
        "a": ['"There is no fire, no smoke and no danger to the pupils. Lessons will restart as soon as the '
              'inspectors have left the building," head teacher Oskar Lind said.'],
        "b": ['"There is no fire, no smoke and no danger to the pupils," Lind said.'],
        "c": ['"There is no fire, no smoke and no danger to the pupils. Lessons would restart as soon as the '
              'inspectors had left the building," Lind said.'],
        # A translation: worded anew at several places, the same grammar and meaning.
        "d": ['"There is no fire, there is no smoke, there is no danger for the pupils. The lessons will '
              'be resumed as soon as the inspectors have gone out of the building," Lind said.'],
    }
    _, flags = run(texts)
    assert [f.source for f in flags] == ["c"]


# --- a command reported in a that-clause --------------------------------------------------------

def _knee_story(variant: str) -> dict[str, list[str]]:
    """Four sources on a skier's injury; "d" renders her quote its own way."""
    quote = '"My doctor told me to rest for six weeks before I go back on the slopes,"'
    return {
        "a": [quote + " skier Hanna Kowal said."],
        "b": [quote + " Kowal said."],
        "c": [quote + " Kowal said."],
        "d": [variant + " Kowal said."],
    }


def test_a_command_reported_with_should_says_what_the_infinitive_says():
    _, flags = run(_knee_story('"My physician said to me that I should rest for six weeks before I go back on the slopes,"'))
    assert [f for f in flags if f.severity.value != "low"] == []


@pytest.mark.parametrize("variant", [
    # Someone else told to rest: a person changed, not moved.
    '"My physician said to them that they should rest for six weeks before I go back on the slopes,"',
    # Advice to a different act: "should" is no rendering of "to rest" there.
    '"My physician said to me that I should stretch for six weeks before I go back on the slopes,"',
])
def test_a_that_clause_that_changes_who_or_what_is_still_flagged(variant):
    _, flags = run(_knee_story(variant))
    assert [f.source for f in flags] == ["d"] and flags[0].severity.value != "low"
