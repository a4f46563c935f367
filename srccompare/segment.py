"""Splitting a source's content into passages: ``segment(source) -> tuple[Passage, ...]``.

A passage is one sentence of article content. Sentences come from blingfire's sentence breaker
(measured at several MB/s; syntok and pysbd would take minutes on a 10,000-source run), run on each
content span separately, so a line or paragraph boundary is always a passage boundary and
boilerplate never joins a sentence. Then:

- each passage is trimmed of surrounding whitespace, and one with no letter or digit is dropped;
- a closing quote or bracket left at the start of the next sentence goes back to the sentence it
  closes (``he said." Next`` keeps the ``"``);
- a run longer than ``MAX_PASSAGE_CHARS`` (a list without full stops, a scraped table, text with
  no punctuation at all) is cut at clause boundaries (``;``, ``:``, dashes, then commas), else at
  whitespace, else hard, so that no passage is longer than that.

Offsets are Python string indices into ``source.text``: ``source.text[p.start:p.end] == p.text``.
blingfire works on UTF-8 bytes; its Python wrapper maps the offsets back to string indices, which
the tests check on accents, curly quotes, CJK and emoji.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Iterator

import blingfire

from srccompare.models import Passage, Source

MAX_PASSAGE_CHARS = 600
"""No passage is longer than this; longer runs are cut at clause boundaries or whitespace."""

_MIN_PIECE = MAX_PASSAGE_CHARS // 3
"""A cut is not made earlier than this in a window, so pieces stay sentence-sized."""

# blingfire's wrapper counts output sentences by the newlines it writes and reads its input as a
# NUL-terminated C string: line-like controls inside a span (a hard-wrapped paragraph) and NUL
# become plain spaces, one character for one, so offsets are unchanged.
_TO_SPACE = str.maketrans({ch: " " for ch in "\n\r\x00\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"})

_CLOSERS = frozenset("\"'”’»›)]}」』）")
_TERMINAL = frozenset(".!?…。！？")
_CLAUSE_BREAKS = (
    re.compile(r"[;；]\s+|[:：]\s+|\s[—–]\s|\s-{1,2}\s|—"),  # clause boundaries
    re.compile(r"[,，、]\s*"),  # then commas
)
_SPACE = re.compile(r"\s+")
# A word of 3+ letters, a full stop, whitespace, then an uppercase letter (checked in code).
_MISSED_BREAK = re.compile(r"\b([^\W\d_]{3,})\.(\s+)(?=[^\W\d_])")


def _has_word_char(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentences of ``text[start:end]`` as absolute (start, end) pairs, trimmed, in order."""
    chunk = text[start:end]
    if not chunk.strip():
        return []
    try:
        _, offsets = blingfire.text_to_sentences_and_offsets(chunk.translate(_TO_SPACE))
    except (AssertionError, UnicodeError, ValueError):
        offsets = []  # the wrapper's own consistency check failed: keep the span whole
    spans: list[tuple[int, int]] = []
    pos = 0
    for a, b in offsets:
        if not (pos <= a < b <= len(chunk)):
            spans = []  # offsets out of order: distrust them all rather than mis-cut text
            break
        spans.append((a, b))
        pos = b
    if not spans:
        spans = [(0, len(chunk))]
    spans = _return_closers(chunk, spans)
    spans = _merge_fragments(chunk, spans)
    spans = _split_missed(chunk, spans)
    out = []
    for a, b in spans:
        a, b = _trim(chunk, a, b)
        if a < b:
            out.append((start + a, start + b))
    return out


def _return_closers(chunk: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Move closing quotes/brackets that start a sentence back to the sentence they close."""
    fixed = list(spans)
    for i in range(1, len(fixed)):
        a, b = fixed[i]
        pa, pb = fixed[i - 1]
        if pb <= 0 or chunk[pb - 1] not in _TERMINAL and chunk[pb - 1] not in _CLOSERS:
            continue
        j = a
        while j < b and chunk[j] in _CLOSERS:
            j += 1
        # A straight quote opening the next sentence ("Next," he said) is not a closer: only move
        # quote characters followed by whitespace or the end of the span.
        if j == a or (j < b and not chunk[j].isspace()):
            continue
        fixed[i - 1] = (pa, j)
        fixed[i] = (j, b)
    return [(a, b) for a, b in fixed if a < b]


def _first_letter(text: str, start: int, end: int) -> str:
    for i in range(start, end):
        if text[i].isalpha():
            return text[i]
        if text[i].isdigit():
            return ""
    return ""


def _merge_fragments(chunk: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Undo two kinds of false break blingfire makes.

    A sentence that starts with a lowercase letter continues the previous one (``He asked "why?"
    and left.``); a lone short capitalised token ending in a full stop is an abbreviation cut off
    from what follows (``St.`` | ``Louis celebrated.``). Unicased scripts (CJK) are never merged.
    """
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out:
            pa, pb = out[-1]
            head = chunk[a:b].lstrip()
            starts_lower = head[:1].islower()
            prev = chunk[pa:pb].strip()
            lone_abbrev = " " not in prev and len(prev) <= 5 and prev.endswith(".") and prev[:1].isupper()
            if starts_lower or lone_abbrev:
                out[-1] = (pa, b)
                continue
        out.append((a, b))
    return out


def _split_missed(chunk: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Split where a full stop after a plain lowercase word is followed by a capitalised word.

    blingfire does not break before a title abbreviation (``The economy grew. Mr. Smith met
    Lee.`` stays one sentence). A lowercase word of three or more letters followed by ``. `` and a
    capital is a sentence end in practice; abbreviations that look like that are rare.
    """
    out: list[tuple[int, int]] = []
    for a, b in spans:
        start = a
        for m in _MISSED_BREAK.finditer(chunk, a, b):
            word = m.group(1)
            before = chunk[m.start(1) - 1] if m.start(1) > 0 else " "
            if word.islower() and chunk[m.end(2)].isupper() and before not in ".-'’" and m.start(2) > start:
                out.append((start, m.start(2)))
                start = m.end(2)
        out.append((start, b))
    return out


def _safe_cut(text: str, pos: int, floor: int) -> int:
    """Step back from ``pos`` so a cut does not split a combining mark or a joined emoji."""
    while pos > floor + 1 and (unicodedata.combining(text[pos]) or text[pos] in "\u200d\ufe0f" or text[pos - 1] == "\u200d"):
        pos -= 1
    return pos


def split_long(text: str, start: int, end: int, limit: int = MAX_PASSAGE_CHARS) -> Iterator[tuple[int, int]]:
    """Cut ``text[start:end]`` into pieces of at most ``limit`` characters.

    Prefers the last clause boundary in each window, then the last comma, then the last whitespace;
    only a run with none of them (a long token, unspaced script without punctuation) is cut hard.
    """
    pos = start
    while end - pos > limit:
        window_end = pos + limit
        cut = -1
        for pattern in _CLAUSE_BREAKS:
            for m in pattern.finditer(text, pos + _MIN_PIECE, window_end):
                if m.end() <= window_end:
                    cut = m.end()
            if cut > 0:
                break
        if cut < 0:
            for m in _SPACE.finditer(text, pos + 1, window_end):
                cut = m.start()
            if cut <= pos:
                cut = _safe_cut(text, window_end, pos)
        a, b = _trim(text, pos, cut)
        if a < b:
            yield a, b
        pos, _ = _trim(text, cut, end)
    a, b = _trim(text, pos, end)
    if a < b:
        yield a, b


def segment(source: Source) -> tuple[Passage, ...]:
    """Split a source's content spans into passages, numbered from 0 in text order.

    Every passage satisfies ``source.text[p.start:p.end] == p.text``, has at least one letter or
    digit, no surrounding whitespace, and at most ``MAX_PASSAGE_CHARS`` characters.
    """
    text = source.text
    passages: list[Passage] = []
    for span_start, span_end in source.content:
        for s, e in sentence_spans(text, span_start, span_end):
            for a, b in split_long(text, s, e):
                piece = text[a:b]
                if not _has_word_char(piece):
                    continue
                index = len(passages)
                passages.append(Passage(id=f"{source.id}:{index}", source=source.id, index=index, start=a, end=b, text=piece))
    return tuple(passages)
