"""A transcript's speaker labels print names in capitals ("GAVIN STRAHAN: ..."): there the
capitals are a name's, so a label's name is compared with the others' spelling like any other
(``names._speaker_labels``, ``names._label_case``); a line in capitals in a source with no other
label is a dateline or a masthead and stays out. Names invented for a story about a ferry strike."""

from __future__ import annotations

from checks_builder import assert_offsets_true, story
from srccompare.checks.names import NameCheck, _label_case, _speaker_labels
from srccompare.models import Kind


def run(ctx):
    flags = [f for f in NameCheck().run(ctx) if f.confidence >= ctx.settings.min_confidence]
    assert all(f.kind is Kind.NAME_VARIANT for f in flags)
    assert_offsets_true(ctx, flags)
    return flags


PROSE = ("Ferry crews walked out on Monday over rosters, and union organiser Morwenna Treloweth said "
         "the strike would last until Friday. \"We have asked for talks for six months,\" Treloweth said.")
TRANSCRIPT = ("PRESENTER: Ferry crews walked out on Monday over rosters.\n"
              "MORWENNA {s} (union organiser): The strike will last until Friday. We have asked for "
              "talks for six months.\n"
              "PRESENTER: Thank you.\n")


def test_label_case_keeps_the_letters():
    assert _label_case("TRELOWETH") == "Treloweth"
    assert _label_case("O'NEILL-HAYES") == "O'Neill-Hayes"


def test_a_lone_line_in_capitals_is_no_label():
    assert _speaker_labels("HARBOUR DAILY STAR (our bureau)\nFerry crews walked out.") == []
    text = TRANSCRIPT.format(s="TRELOWETH")
    assert [text[a:b] for a, b in _speaker_labels(text)] == ["PRESENTER", "MORWENNA TRELOWETH", "PRESENTER"]


def test_a_misspelt_name_in_a_speaker_label_is_flagged():
    sources = {s: PROSE for s in "abc"}
    flags = run(story(dict(sources, d=TRANSCRIPT.format(s="TRELOWITH"))))
    assert "TRELOWITH" in [f.text for f in flags if f.source == "d"]
    flags = run(story(dict(sources, d=TRANSCRIPT.format(s="TRELOWETH"))))
    assert not [f for f in flags if f.source == "d"]
