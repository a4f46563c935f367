"""Stray lines of page furniture inside an article's body (``sources.layout``) and the flag the
garble check raises on them. A copy taken from a web page can carry a "Read more:" link, a photo
caption or an "Advertisement" label in between two paragraphs: an editor deletes it. The same
furniture above the first paragraph or below the last is the page's frame, and a source line or a
byline is never stray. Tested on an invented story about a lighthouse repaint."""

from __future__ import annotations

from pathlib import Path

import pytest

from srccompare.models import Kind
from srccompare.pipeline import analyze
from srccompare.settings import Settings
from srccompare.sources import read_source

BODY = [
    "The harbour trust will repaint the Calder Point lighthouse in white and red next spring.",
    "Work on the 140-year-old tower will take six weeks and cost 85,000 pounds, the trust said.",
    "Volunteers will guide visitors around the scaffolding on Saturdays during the works.",
    "The lamp will keep working throughout, so ships will see no change at night.",
]


def _write(tmp_path: Path, name: str, lines: list[str]) -> Path:
    path = tmp_path / name
    path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    return path


def _strays(path: Path) -> list[str]:
    src = read_source(path)
    return [src.text[a:b] for a, b in src.strays]


@pytest.mark.parametrize("line", [
    "Read more: Ten lighthouses you can sleep in",
    "Read also: Ferry fares rise again",
    "Photo: Harbour trust handout",
    "Advertisement",
    "Share this article",
    "Subscribe to our channel on Telegram",
    "SUBSCRIBE TO OUR NEWSLETTER",
    "Share this page Print Email",
])
def test_furniture_between_two_paragraphs_is_stray(tmp_path, line):
    path = _write(tmp_path, "a.txt", ["Lighthouse to be repainted", BODY[0], BODY[1], line, BODY[2], BODY[3]])
    assert _strays(path) == [line]


def test_furniture_under_the_headline_or_after_the_last_paragraph_is_the_page_frame(tmp_path):
    lines = ["Lighthouse to be repainted", "Photo: Harbour trust handout", *BODY,
             "Read more: Ten lighthouses you can sleep in"]
    assert _strays(_write(tmp_path, "a.txt", lines)) == []


def test_a_source_line_or_a_byline_in_the_body_is_not_stray(tmp_path):
    lines = ["Lighthouse to be repainted", BODY[0], "Source: Harbour Trust", BODY[1], "By Ana Ruiz", *BODY[2:]]
    assert _strays(_write(tmp_path, "a.txt", lines)) == []


@pytest.mark.parametrize("heading", ["Follow the money", "Watch list"])
def test_a_subheading_that_opens_with_a_button_word_is_not_stray(tmp_path, heading):
    lines = ["Lighthouse to be repainted", BODY[0], BODY[1], heading, BODY[2], BODY[3]]
    assert _strays(_write(tmp_path, "a.txt", lines)) == []


def test_furniture_after_a_heading_that_ends_no_sentence_is_not_stray(tmp_path):
    lines = ["Lighthouse to be repainted", BODY[0], "The works", "Photo: Harbour trust handout", *BODY[1:]]
    assert _strays(_write(tmp_path, "a.txt", lines)) == []


OTHER = [
    "Calder Point lighthouse is to be repainted white and red next spring by the harbour trust.",
    "The trust said the work on the 140-year-old tower would cost 85,000 pounds and last six weeks.",
    "On Saturdays during the works, volunteers will take visitors around the scaffolding.",
    "Ships will notice no change at night because the lamp keeps working throughout.",
]
THIRD = [
    "Next spring the harbour trust will give the Calder Point lighthouse a coat of white and red.",
    "The job on the 140-year-old tower will last six weeks and cost 85,000 pounds, said the trust.",
    "Visitors can tour the scaffolding with volunteers on Saturdays while the works go on.",
    "The lamp stays lit throughout, so ships will see no difference at night.",
]


def test_a_stray_line_is_flagged_as_garbled_with_the_others_text_as_evidence(tmp_path):
    folder = tmp_path / "story"
    folder.mkdir()
    _write(folder, "01_wire.txt", ["Lighthouse to be repainted", *OTHER])
    _write(folder, "02_daily.txt", ["Calder Point light gets new paint", *THIRD])
    _write(folder, "03_digest.txt", ["Lighthouse repaint", BODY[0], BODY[1],
                                     "Read more: Ten lighthouses you can sleep in", BODY[2], BODY[3]])
    analysis = analyze([folder], Settings(cache=False), record_run=False)
    flags = [f for f in analysis.flags if f.kind is Kind.GARBLED_TEXT]
    assert [(f.source, f.text) for f in flags] == [("03_digest", "Read more: Ten lighthouses you can sleep in")]
    flag = flags[0]
    src = next(s for s in analysis.sources if s.id == flag.source)
    assert src.text[flag.start:flag.end] == flag.text
    # The evidence is where the others' paragraph before the line goes on: the cost sentence.
    assert {e.source for e in flag.evidence} == {"01_wire", "02_daily"}
    assert all("85,000 pounds" in e.text for e in flag.evidence)
