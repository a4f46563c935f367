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

import calendar
import ctypes
import re
import unicodedata
from typing import Iterator, Sequence

import blingfire
import numpy as np
import wordfreq

from srccompare.models import Passage, Source

MAX_PASSAGE_CHARS = 600
"""No passage is longer than this; longer runs are cut at clause boundaries or whitespace."""

_MIN_PIECE = MAX_PASSAGE_CHARS // 3
"""A cut is not made earlier than this in a window, so pieces stay sentence-sized."""

# blingfire's wrapper counts output sentences by the newlines it writes and reads its input as a
# NUL-terminated C string: line-like controls inside a span (a hard-wrapped paragraph) and NUL
# become plain spaces, one character for one, so offsets are unchanged.
_LINE_CONTROLS = re.compile("[\r\x00\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


def _spaced(text: str) -> str:
    """``text`` with newlines, other line-like controls and NUL as spaces (same length)."""
    text = text.replace("\n", " ")  # str.translate measured ~4 MB/s; replace + a rare-case regex is far faster
    return _LINE_CONTROLS.sub(" ", text) if _LINE_CONTROLS.search(text) else text

_CLOSERS = frozenset("\"'”’»›)]}」』）")
_TERMINAL = frozenset(".!?…。！？")
_CLAUSE_BREAKS = (
    re.compile(r"[;；]\s+|[:：]\s+|\s[—–]\s|\s-{1,2}\s|—"),  # clause boundaries
    re.compile(r"[,，、]\s*"),  # then commas
)
_SPACE = re.compile(r"\s+")
_WORD_CHAR = re.compile(r"[^\W_]")  # a letter or a digit, in any script
# A word of 3+ letters, a full stop, whitespace, then an uppercase letter (checked in code).
_MISSED_BREAK = re.compile(r"\b([^\W\d_]{3,})\.(\s+)(?=[^\W\d_])")

# German, Nordic and Slavic dates write the day as an ordinal with a full stop ("6. February"),
# and machine translation keeps it: a piece ending in a weekday or a date preposition, a one- or
# two-digit number and a full stop, followed by a piece that opens with an English month name or
# its abbreviation, is one sentence. The word before the number keeps "He scored 12. May they
# rest." two sentences.
_ORDINAL_DAY_END = re.compile(
    r"(?:\b(?:%s|on|of|from|until|till|since|by|before|after|to|between|and)|[,–-])\s*\d{1,2}\.$"
    % "|".join(calendar.day_name[:] + calendar.day_abbr[:]),
    re.IGNORECASE,
)
_DAY_DOT_END = re.compile(r"(?<![\d.,])\d{1,2}\.$")
_MONTH_NUMBER = re.compile(r"(?:0?[1-9]|1[0-2])\.")
# A month number and its full stop opening a piece ("10." | "10. with all parties"): after a day
# number and its full stop that a weekday or a date preposition puts there ("on Monday 16."), the
# second half of a day-first date printed with dots and a space ("16. 10."), as Czech, Slovak and
# other Central European outlets print it without its year.
_MONTH_NUMBER_OPEN = re.compile(r"(?:0?[1-9]|1[0-2])\.(?:\s|$)")
# A piece ending in a two-letter capitalised token with no vowel and a full stop ("said Ts.",
# "Dr. Kh.") ends in an initial or an abbreviation, never a word: Mongolian and other patronymic
# initials are often two letters ("Ts. Gerelmaa", "Sh. Dulguun"). Checked with the word after it.
_CONSONANT_INITIAL_END = re.compile(r"(?:^|\s)[B-DF-HJ-NP-TV-XZ][b-df-hj-np-tv-xz]\.$")
_OPEN_WORD = re.compile(r"[^\W\d_]+")
_COMMON_ZIPF = 3.5
"""A capitalised word after such an initial whose lowercase form is this common (zipf) may start
a sentence ("... said Ng. The talks"); a rarer one is the name the initial belongs to."""
_YEAR_OPEN = re.compile(r"\d{4}\b")
_MONTH_OPEN = re.compile(
    r"(?:%s)\b" % "|".join(
        sorted(set(calendar.month_name[1:]) | set(calendar.month_abbr[1:]) | {"Sept"}, key=len, reverse=True)
    )
)


def blingfire_sentences(chunk: str) -> list[tuple[int, int]]:
    """Sentence (start, end) string offsets in ``chunk`` from blingfire's C sentence breaker.

    blingfire's own Python wrapper maps its UTF-8 byte offsets back to string indices with a loop
    over every byte in Python, which measured ~0.5 MB/s on paragraph-sized calls; this calls the
    same C function and maps the offsets with numpy (or not at all for ASCII), ~10x faster. Falls
    back to the wrapper when the library does not expose the function.
    """
    lib = getattr(blingfire, "blingfire", None)
    fn = getattr(lib, "TextToSentencesWithOffsets", None)
    if fn is None:
        return list(blingfire.text_to_sentences_and_offsets(chunk)[1])
    data = chunk.encode("utf-8")
    n = len(data)
    if n == 0:
        return []
    cap = 2 * n + 16  # as the wrapper: output text and offset arrays sized to twice the input
    out = ctypes.create_string_buffer(cap)
    starts = np.empty(cap, dtype=np.int32)  # only the first `count` entries are read, all written by the call
    ends = np.empty(cap, dtype=np.int32)
    length = fn(
        ctypes.c_char_p(data),
        ctypes.c_int(n),
        out,
        starts.ctypes.data_as(ctypes.POINTER(ctypes.c_int32)),
        ends.ctypes.data_as(ctypes.POINTER(ctypes.c_int32)),
        ctypes.c_int(cap),
    )
    if length <= 0 or length > cap:
        return []
    count = out.raw[:length].rstrip(b"\0").count(b"\n") + 1
    b_starts = starts[:count].astype(np.int64)
    b_ends = ends[:count].astype(np.int64)  # inclusive: the offset of the sentence's last byte
    if n != len(chunk):
        # Character index of each byte: count of character-starting bytes up to and including it.
        raw = np.frombuffer(data, dtype=np.uint8)
        char_at = np.cumsum((raw & 0xC0) != 0x80)
        b_starts = char_at[np.clip(b_starts, 0, n - 1)] - 1
        b_ends = char_at[np.clip(b_ends, 0, n - 1)]
    else:
        b_ends = b_ends + 1
    return [(int(a), int(b)) for a, b in zip(b_starts, b_ends)]


def _has_word_char(text: str) -> bool:
    return _WORD_CHAR.search(text) is not None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    if start < end and not text[start].isspace() and not text[end - 1].isspace():
        return start, end  # the usual case: blingfire's sentences come trimmed
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _raw_sentences(view: str) -> list[tuple[int, int]]:
    """blingfire's sentences of ``view`` (controls already spaced), validated; [] if unusable."""
    try:
        offsets = blingfire_sentences(view)
    except (AssertionError, UnicodeError, ValueError):
        return []  # the library's own consistency check failed: the caller keeps spans whole
    pos = 0
    for a, b in offsets:
        if not (pos <= a < b <= len(view)):
            return []  # offsets out of order: distrust them all rather than mis-cut text
        pos = b
    return offsets


def _repair(text: str, start: int, end: int, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Turn blingfire's pieces of one content span into trimmed sentence spans (absolute)."""
    if len(pieces) <= 1:
        pieces = [(start, end)]  # the common case, one sentence per line: nothing to repair
    else:
        pieces = _merge_fragments(text, _join_dotted_dates(text, _return_closers(text, _cover(text, start, end, pieces))))
    pieces = _split_missed(text, pieces)
    out = []
    for a, b in pieces:
        a, b = _trim(text, a, b)
        if a < b:
            out.append((a, b))
    return out


def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentences of ``text[start:end]`` as absolute (start, end) pairs, trimmed, in order."""
    chunk = text[start:end]
    if not chunk.strip():
        return []
    pieces = [(start + a, start + b) for a, b in _raw_sentences(_spaced(chunk))]
    return _repair(text, start, end, pieces)


def content_sentences(text: str, content: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences of every content span, in order, from one blingfire call for the whole text.

    blingfire costs ~80 µs per call whatever the length, so one call per line made a source of
    100 lines cost 13 ms; one call on the whole text costs ~2 ms. Text outside the content spans is
    blanked to spaces first, so boilerplate never influences a break, and every sentence is then
    cut at the span boundaries, so a line boundary is still always a passage boundary.
    """
    spans = [(s, e) for s, e in content if s < e]
    if not spans:
        return []
    parts: list[str] = []
    pos = 0
    for s, e in spans:
        parts.append(" " * (s - pos))
        parts.append(text[s:e])
        pos = e
    view = _spaced("".join(parts))  # same length as text[:last span end]: offsets shared
    sentences = _raw_sentences(view)
    out: list[tuple[int, int]] = []
    i = 0
    for s, e in spans:
        while i < len(sentences) and sentences[i][1] <= s:
            i += 1
        pieces: list[tuple[int, int]] = []
        j = i
        while j < len(sentences) and sentences[j][0] < e:
            a, b = max(sentences[j][0], s), min(sentences[j][1], e)
            if a < b:
                pieces.append((a, b))
            j += 1
        out.extend(_repair(text, s, e, pieces))
    return out


def _cover(text: str, start: int, end: int, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Extend pieces so that they tile the span: no character falls between two of them."""
    if not pieces:
        return pieces
    # A gap goes to the piece before it: what blingfire leaves out between sentences is whitespace
    # or a closing mark of the sentence it just ended.
    fixed = [(a, pieces[k + 1][0]) for k, (a, _) in enumerate(pieces[:-1])]
    fixed.append((pieces[-1][0], end))
    fixed[0] = (start, fixed[0][1])
    return fixed


def _return_closers(chunk: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Move closing quotes/brackets that start a sentence back to the sentence they close."""
    fixed = list(spans)
    for i in range(1, len(fixed)):
        pa, pb = _trim(chunk, *fixed[i - 1])
        a, b = _trim(chunk, *fixed[i])
        if pb <= pa or chunk[pb - 1] not in _TERMINAL and chunk[pb - 1] not in _CLOSERS:
            continue
        j = a
        while j < b and chunk[j] in _CLOSERS:
            j += 1
        # A quote opening the next sentence ("Next," he said; German »Wir«) is not a closer: only
        # move quote characters followed by whitespace or the end of the span.
        if j == a or (j < b and not chunk[j].isspace()):
            continue
        fixed[i - 1] = (fixed[i - 1][0], j)
        fixed[i] = (j, fixed[i][1])
    return [(a, b) for a, b in fixed if a < b]


def _join_dotted_dates(chunk: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join a numeric date with dots and spaces ("25. 1. 2027", Central European style) that the
    breaker cut after each number: a piece ending in a day number and a full stop, a piece that is
    only a month number and a full stop, and a piece opening with a four-digit year are one
    sentence. Without the year ("The score was 25. 1.") nothing is joined."""
    out = list(spans)
    i = 0
    while i + 2 < len(out):
        prev = chunk[out[i][0]:out[i][1]].rstrip()
        month = chunk[out[i + 1][0]:out[i + 1][1]].strip()
        year = chunk[out[i + 2][0]:out[i + 2][1]].lstrip()
        if _DAY_DOT_END.search(prev) and _MONTH_NUMBER.fullmatch(month) and _YEAR_OPEN.match(year):
            out[i:i + 3] = [(out[i][0], out[i + 2][1])]
        else:
            i += 1
    return out


def _merge_fragments(chunk: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Undo two kinds of false break blingfire makes.

    A sentence that starts with a lowercase letter continues the previous one (``He asked "why?"
    and left.``); a lone short capitalised token ending in a full stop is an abbreviation cut off
    from what follows (``St.`` | ``Louis celebrated.``); a day written as an ordinal with a full
    stop after a weekday or a date preposition belongs to the month after it (``on Thursday 6.`` |
    ``February at night.``); a two-consonant initial belongs to the rare name after it (``said Ts.`` |
    ``Gerelmaa of the NHDA.``). Unicased scripts (CJK) are never merged.
    """
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out:
            pa, pb = out[-1]
            head = chunk[a:b].lstrip()
            starts_lower = head[:1].islower()
            prev = chunk[pa:pb].strip()
            lone_abbrev = " " not in prev and len(prev) <= 5 and prev.endswith(".") and prev[:1].isupper()
            ordinal_day = bool(_ORDINAL_DAY_END.search(prev)) and bool(_MONTH_OPEN.match(head)
                                                                        or _MONTH_NUMBER_OPEN.match(head))
            if starts_lower or lone_abbrev or ordinal_day or _initial_before_name(prev, head):
                out[-1] = (pa, b)
                continue
        out.append((a, b))
    return out


def _initial_before_name(prev: str, head: str) -> bool:
    """Whether ``prev`` ends in a two-consonant initial ("Ts.") and ``head`` opens with a rare
    capitalised word (the name it belongs to: "Gerelmaa said ..."), so the break between them is
    false. A common word after it ("The talks ...") keeps the break."""
    if not _CONSONANT_INITIAL_END.search(prev):
        return False
    m = _OPEN_WORD.match(head)
    return bool(m) and m.group(0)[:1].isupper() and wordfreq.zipf_frequency(m.group(0).lower(), "en") < _COMMON_ZIPF


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
    for s, e in content_sentences(text, source.content):
        for a, b in split_long(text, s, e) if e - s > MAX_PASSAGE_CHARS else ((s, e),):
            piece = text[a:b]
            if not _has_word_char(piece):
                continue
            index = len(passages)
            passages.append(Passage(id=f"{source.id}:{index}", source=source.id, index=index, start=a, end=b, text=piece))
    return tuple(passages)
