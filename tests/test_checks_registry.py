"""The check registry: overlap resolution between kinds (pure functions on hand-made flags)."""

from __future__ import annotations

from dataclasses import replace

from srccompare.checks import CHECKS, _resolve_overlaps
from srccompare.models import Flag, Kind, Severity


def flag(kind: Kind, start: int, end: int, severity: Severity = Severity.MEDIUM, confidence: float = 0.7,
         source: str = "a") -> Flag:
    return Flag(id=f"{kind.value}-{start}-{end}-{source}", kind=kind, source=source, start=start, end=end,
                text="x" * (end - start), expected="y", severity=severity, confidence=confidence, group=None,
                message="m", evidence=())


def kinds(flags: list[Flag]) -> list[Kind]:
    return sorted((f.kind for f in flags), key=lambda k: k.value)


def test_each_check_is_registered_once() -> None:
    assert len({type(c) for c in CHECKS}) == len(CHECKS)


def test_specific_kind_beats_generic_on_the_same_words_even_when_less_confident() -> None:
    name = flag(Kind.NAME_VARIANT, 10, 16, confidence=0.6)
    garble = flag(Kind.GARBLED_TEXT, 10, 16, confidence=0.9)
    assert _resolve_overlaps([garble, name]) == [name]
    term = flag(Kind.TERM_VARIANT, 40, 50, severity=Severity.LOW, confidence=0.5)
    quote = flag(Kind.QUOTE_VARIANT, 38, 52, severity=Severity.MEDIUM, confidence=0.84)
    assert _resolve_overlaps([quote, term]) == [term]


def test_a_high_quote_flag_is_specific_and_wins_by_confidence() -> None:
    term = flag(Kind.TERM_VARIANT, 40, 50, severity=Severity.LOW, confidence=0.5)
    quote = flag(Kind.QUOTE_VARIANT, 38, 52, severity=Severity.HIGH, confidence=0.96)
    assert _resolve_overlaps([term, quote]) == [quote]
    strong_term = flag(Kind.TERM_VARIANT, 40, 50, severity=Severity.HIGH, confidence=0.99)
    assert _resolve_overlaps([quote, strong_term]) == [strong_term]  # a meaning change found by both: the term says more


def test_short_flag_well_inside_a_longer_one_and_other_sources_are_kept() -> None:
    quote = flag(Kind.QUOTE_VARIANT, 0, 80)
    term = flag(Kind.TERM_VARIANT, 30, 38)
    elsewhere = flag(Kind.GARBLED_TEXT, 0, 80, source="b")
    assert kinds(_resolve_overlaps([quote, term, elsewhere])) == [Kind.GARBLED_TEXT, Kind.QUOTE_VARIANT, Kind.TERM_VARIANT]


def test_resolution_does_not_depend_on_input_order() -> None:
    fs = [flag(Kind.NAME_VARIANT, 10, 16), flag(Kind.GARBLED_TEXT, 12, 16), flag(Kind.TERM_VARIANT, 11, 17, confidence=0.8)]
    assert _resolve_overlaps(fs) == _resolve_overlaps(list(reversed(fs)))


def test_attribution_explained_by_a_name_flag_on_its_speaker_is_dropped() -> None:
    attribution = replace(flag(Kind.ATTRIBUTION_CONFLICT, 100, 125, confidence=0.9), expected="Marta Quiroga")
    name = replace(flag(Kind.NAME_VARIANT, 118, 125, confidence=0.7), expected="Quiroga")
    assert _resolve_overlaps([attribution, name]) == [name]
    other_person = replace(attribution, expected="Tomas Herrera")
    assert kinds(_resolve_overlaps([other_person, name])) == [Kind.ATTRIBUTION_CONFLICT, Kind.NAME_VARIANT]


def test_a_garble_beats_a_quote_flag_on_the_same_words() -> None:
    garble = flag(Kind.GARBLED_TEXT, 20, 28, severity=Severity.MEDIUM, confidence=0.7)
    quote = flag(Kind.QUOTE_VARIANT, 20, 28, severity=Severity.MEDIUM, confidence=0.9)
    assert _resolve_overlaps([quote, garble]) == [garble]


def test_a_term_flag_whose_fix_is_the_garbles_repair_is_the_garble() -> None:
    term = replace(flag(Kind.TERM_VARIANT, 50, 61, severity=Severity.HIGH, confidence=0.9), expected="collector")
    garble = replace(flag(Kind.GARBLED_TEXT, 50, 61, confidence=0.6), expected="col-lector")
    assert _resolve_overlaps([term, garble]) == [garble]
    assert _resolve_overlaps([replace(term, expected="collector bid"), garble]) == [garble]
    other_word = replace(term, expected="gatherer")
    assert _resolve_overlaps([other_word, garble]) == [other_word]


def test_a_garble_inside_a_term_flag_is_part_of_it() -> None:
    term = flag(Kind.TERM_VARIANT, 100, 119)
    garble = flag(Kind.GARBLED_TEXT, 111, 119, confidence=0.9)
    assert _resolve_overlaps([term, garble]) == [term]
    quote = flag(Kind.QUOTE_VARIANT, 90, 130)
    assert kinds(_resolve_overlaps([quote, garble])) == [Kind.GARBLED_TEXT, Kind.QUOTE_VARIANT]


def test_a_term_flag_on_a_fragment_of_a_split_word_is_the_garble() -> None:
    # "frost bite" (10 characters, 200-210) read as a split word; a term flag on "frost" alone
    garble = replace(flag(Kind.GARBLED_TEXT, 200, 210), text="frost bite", expected="frostbite")
    term = replace(flag(Kind.TERM_VARIANT, 200, 205, severity=Severity.HIGH, confidence=0.9), expected="cold")
    assert _resolve_overlaps([term, garble]) == [garble]
    # a garble of another sort (a broken sentence) keeps the term flag inside it
    broken = replace(flag(Kind.GARBLED_TEXT, 180, 260), text="x" * 80, expected="(sentence broken)")
    assert kinds(_resolve_overlaps([term, broken])) == [Kind.GARBLED_TEXT, Kind.TERM_VARIANT]


def test_a_low_term_note_inside_a_reworded_quote_is_the_quote_flag() -> None:
    quote = replace(flag(Kind.QUOTE_VARIANT, 0, 80, severity=Severity.MEDIUM), expected="the harbour dues rise in May")
    low_term = replace(flag(Kind.TERM_VARIANT, 30, 38, severity=Severity.LOW, confidence=0.5), expected="dues")
    assert _resolve_overlaps([quote, low_term]) == [quote]
    # A note naming a word the quote flag does not show tells the reader something more: it stays.
    other_word = replace(low_term, expected="tolls")
    assert kinds(_resolve_overlaps([quote, other_word])) == [Kind.QUOTE_VARIANT, Kind.TERM_VARIANT]
    # A term flag that says the meaning changed names the word and stays; so does a low one elsewhere.
    medium_term = replace(flag(Kind.TERM_VARIANT, 30, 38, severity=Severity.MEDIUM), expected="dues")
    outside = flag(Kind.TERM_VARIANT, 90, 98, severity=Severity.LOW, confidence=0.5)
    assert kinds(_resolve_overlaps([quote, medium_term, outside])) == [Kind.QUOTE_VARIANT, Kind.TERM_VARIANT, Kind.TERM_VARIANT]
    other_source = replace(low_term, source="b", id="other")
    assert len(_resolve_overlaps([quote, other_source])) == 2
