"""Reading article files: paths in, ``Source`` objects out.

``collect`` turns the paths a user gave into a sorted list of article files (and a problem for each
path that gives none); ``read_source`` reads one file into a ``Source``; ``drop_duplicates`` keeps
one of several files with the same content. Files that cannot be used never stop the run: the caller
turns each ``InputError`` into a ``ReadProblem`` and goes on with the rest.

What ``read_source`` does, in order:

1. Bytes to text. A fixed, measured order (see FIELD-NOTES "Decoding user files"): size and
   emptiness; NUL bytes and file signatures mark binaries (PDF, Word, images, archives); a
   byte-order mark (UTF-8, UTF-16, UTF-32); BOM-less UTF-16 by its NUL pattern; for HTML a declared
   ``charset`` that decodes cleanly; strict UTF-8, tolerating a handful of stray bytes in a file that
   is otherwise clearly UTF-8; an 8-bit code page: cp1252 (with Latin-1 for the five bytes cp1252
   leaves undefined) unless ``Settings.legacy_encoding`` names another (cp1250 for Central European
   text cannot be told from cp1252 by statistics on a short article). An ``encoding`` key in the
   file's sidecar skips detection for that file. A
   statistical detector is not the decider for Western text: charset-normalizer misread cp1252
   smart quotes as cp775. It is asked only when most bytes are non-ASCII (Cyrillic, Greek, CJK in
   a legacy encoding), where cp1252 is certainly wrong and it guessed right in every case tried.
2. Line endings normalised to ``\\n`` (CRLF and lone CR); nothing else changes. This is the text
   every offset in the report refers to.
3. HTML (``.html``/``.htm``, or any file that starts with a doctype or ``<html>``): the article
   text is extracted with trafilatura (a library made for it; given a string it fetches nothing),
   with an lxml fallback for pages it finds nothing in; markup, scripts and styles never reach
   ``text``. Only dates the page declares are kept (never one guessed from a copyright line).
4. Metadata: a YAML front-matter block at the top of a .txt/.md file (it stays in ``text`` so
   offsets stay true, but is not content), then a sidecar ``<stem>.meta.json``/``.meta.yaml``/
   ``.meta.yml`` beside the file. Precedence, lowest first: HTML metadata, front matter, sidecar
   (the sidecar is what a user writes on purpose, so it wins).
5. Content: the lines that are article content. Lines recognised by their structure as page furniture
   (site logos, "Source: X" lines, bylines, "Outlet | date" lines, share buttons, photo credits, a
   line repeated) stay in ``text`` but are left out of ``content``. The cues are structural (length,
   punctuation, capitalisation, numbers, separators, repetition), never a list of outlets.
6. Title: the metadata title, else the first content line if it reads as a headline, else the first
   sentence cut to about 90 characters at a word boundary.
"""

from __future__ import annotations

import bisect
import calendar
import codecs
import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, fields, replace
from html import unescape
from pathlib import Path
from typing import Any, Mapping, Sequence

import yaml

from srccompare.codecname import known_text_codec, text_codec
from srccompare.errors import InputError
from srccompare.models import ReadProblem, Source, SourceMeta
from srccompare.segment import sentence_spans

SOURCE_SUFFIXES = (".txt", ".md", ".html")
"""Suffixes a folder contributes (``.htm`` is accepted as well, as HTML)."""

HTML_SUFFIXES = (".html", ".htm")
_ACCEPTED_SUFFIXES = frozenset(SOURCE_SUFFIXES + (".htm",))
SIDECAR_SUFFIXES = (".meta.json", ".meta.yaml", ".meta.yml")

MAX_SOURCE_BYTES = 25_000_000
"""A file larger than this is not one article (a book, a dump, a disk image): refused, not read."""

MAX_BAD_UTF8_BYTES = 16
"""Stray bytes tolerated (and replaced by U+FFFD) in a file that is otherwise clearly UTF-8."""

LEGACY_NON_ASCII_SHARE = 0.3
"""Share of non-ASCII bytes above which a non-UTF-8 file is not taken for cp1252 (see decode_bytes)."""

TITLE_MAX_CHARS = 90


# --------------------------------------------------------------------------------------------
# Finding the files
# --------------------------------------------------------------------------------------------


def _suffix_list() -> str:
    return ", ".join(SOURCE_SUFFIXES[:-1]) + " or " + SOURCE_SUFFIXES[-1]


def source_id(path: Path) -> str:
    """A source's id: its file name without the extension (``seeds/001_x.txt`` -> ``001_x``)."""
    return path.stem


def _is_source_name(path: Path) -> bool:
    return path.suffix.lower() in _ACCEPTED_SUFFIXES and not path.name.startswith(".")


def collect(paths: Sequence[Path]) -> tuple[list[Path], tuple[ReadProblem, ...]]:
    """Expand the paths a user gave into article files, and say what could not be used.

    A folder contributes its ``.txt``, ``.md``, ``.html`` and ``.htm`` files (not recursive, dot-files
    ignored), sorted by name; a file named directly must have one of those suffixes. Order follows
    the paths as given. Returned problems (never exceptions): a path that does not exist or cannot
    be listed, a folder with no article files, a named file with another suffix, and a second file
    whose id (name without extension) is already taken. The same file named twice is used once.
    """
    files: list[Path] = []
    problems: list[ReadProblem] = []
    seen_files: set[Path] = set()
    ids: dict[str, Path] = {}

    def add(f: Path) -> None:
        try:
            key = f.resolve()
        except (OSError, RuntimeError):
            key = f.absolute()
        if key in seen_files:
            return  # the same file, reached twice (a folder and a file in it): use it once
        seen_files.add(key)
        sid = source_id(f)
        if sid in ids:
            problems.append(
                ReadProblem(
                    path=str(f),
                    message=(
                        f"{f}: gives the same id '{sid}' as {ids[sid]} (ids are file names without "
                        "the extension); rename one of them"
                    ),
                )
            )
            return
        ids[sid] = f
        files.append(f)

    for p in paths:
        p = Path(p)
        try:
            if p.is_dir():
                try:
                    entries = sorted(
                        (e for e in p.iterdir() if _is_source_name(e) and e.is_file()),
                        key=lambda e: e.name,
                    )
                except OSError as exc:
                    problems.append(ReadProblem(str(p), f"{p}: folder cannot be listed ({_os_reason(exc)}); check its permissions"))
                    continue
                if not entries:
                    problems.append(
                        ReadProblem(str(p), f"{p}: folder has no {_suffix_list()} files; add articles to it or name the files")
                    )
                    continue
                for e in entries:
                    add(e)
            elif p.exists():
                if p.suffix.lower() not in _ACCEPTED_SUFFIXES:
                    problems.append(
                        ReadProblem(
                            str(p),
                            f"{p}: not a {_suffix_list()} file; save the article as plain text, Markdown or HTML",
                        )
                    )
                    continue
                add(p)
            else:
                problems.append(ReadProblem(str(p), f"{p}: no such file or folder; check the path"))
        except OSError as exc:
            problems.append(ReadProblem(str(p), f"{p}: cannot be used ({_os_reason(exc)}); check the path and its permissions"))
    return files, tuple(problems)


def _os_reason(exc: OSError) -> str:
    return (exc.strerror or exc.__class__.__name__).lower()


# --------------------------------------------------------------------------------------------
# Bytes to text
# --------------------------------------------------------------------------------------------

# Leading bytes of file formats people mistake for articles. A name says what to do about it.
_SIGNATURES: tuple[tuple[int, bytes, str], ...] = (
    (0, b"%PDF-", "a PDF document"),
    (0, b"PK\x03\x04", "a ZIP archive or Word/OpenDocument file"),
    (0, b"PK\x05\x06", "an empty ZIP archive"),
    (0, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Word/Office document"),
    (0, b"{\\rtf", "an RTF document"),
    (0, b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (0, b"\xff\xd8\xff", "a JPEG image"),
    (0, b"GIF87a", "a GIF image"),
    (0, b"GIF89a", "a GIF image"),
    (0, b"II*\x00", "a TIFF image"),
    (0, b"MM\x00*", "a TIFF image"),
    (0, b"\x1f\x8b", "a gzip archive"),
    (0, b"BZh", "a bzip2 archive"),
    (0, b"\xfd7zXZ\x00", "an xz archive"),
    (0, b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (0, b"Rar!\x1a\x07", "a RAR archive"),
    (0, b"\x7fELF", "a program"),
    (0, b"OggS", "an audio file"),
    (0, b"ID3", "an audio file"),
    (0, b"fLaC", "an audio file"),
    (0, b"\x00\x00\x01\x00", "an icon image"),
    (0, b"wOFF", "a web font"),
    (0, b"wOF2", "a web font"),
    (0, b"SQLite format 3\x00", "a database file"),
    (4, b"ftyp", "a video or image file"),
)
_RIFF_KINDS = {b"WEBP": "a WebP image", b"WAVE": "an audio file", b"AVI ": "a video file"}

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian BOM begins with UTF-16's.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# A whole web page, whatever the file is called: a doctype or <html> first (after a BOM/whitespace/comment).
_HTML_DOCUMENT = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.I | re.S)
_TITLE_TAG = re.compile(r"<title[^>]*>(.*?)</title>", re.I | re.S)
_TITLE_SEPARATORS = re.compile(r"\s+[|–—·•:-]\s+")
_HTML_LANG = re.compile(r"""<html\b[^>]*?\slang\s*=\s*["']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)""", re.I)
_HTML_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I)
# WHATWG: pages labelled Latin-1/ASCII are decoded as windows-1252, because that is what they are.
_CP1252_LABELS = frozenset({"iso-8859-1", "latin-1", "latin1", "iso8859-1", "l1", "ascii", "us-ascii", "windows-1252", "cp1252"})


@dataclass(frozen=True)
class Decoded:
    """Text decoded from a file's bytes, BOM dropped, line endings not yet normalised."""

    text: str
    encoding: str


def _binary_kind(data: bytes) -> str | None:
    """What binary format ``data`` starts with, or None for text."""
    head_has_controls = any(b < 9 or 13 < b < 32 for b in data[:64])
    for offset, sig, kind in _SIGNATURES:
        if data[offset : offset + len(sig)] == sig:
            # Signatures made of letters ("BZh", "ID3", "OggS") can begin an article too; only
            # binary bytes right after them confirm the format. PDF and RTF are never articles.
            if sig.isascii() and sig.isalnum() and not head_has_controls:
                continue
            return kind
    if data[:4] == b"RIFF" and data[8:12] in _RIFF_KINDS:
        return _RIFF_KINDS[data[8:12]]
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' if the NUL pattern says BOM-less UTF-16 (mostly Latin text), else None.

    In UTF-16 text of a Latin-script language nearly every other byte is NUL, always on the same
    side; binary files have NULs scattered on both sides.
    """
    sample = data[:8192]
    if len(sample) < 4:
        return None
    sample = sample[: len(sample) // 2 * 2]
    half = len(sample) // 2
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    if odd >= 0.3 * half and even <= 0.02 * half:
        return "utf-16-le"
    if even >= 0.3 * half and odd <= 0.02 * half:
        return "utf-16-be"
    return None


def _declared_charset(data: bytes) -> str | None:
    m = _HTML_CHARSET.search(data[:4096])
    if not m:
        return None
    label = m.group(1).decode("ascii", "replace").strip().lower()
    if label in _CP1252_LABELS:
        return "cp1252"
    # The page's own word, not the user's: a name that cannot decode text is ignored, not an error.
    return known_text_codec(label)


def _latin1_for_undefined(exc: UnicodeError) -> tuple[str, int]:
    # cp1252 leaves 0x81, 0x8D, 0x8F, 0x90, 0x9D undefined; Latin-1 maps them to C1 controls,
    # which keeps every byte decodable (and visible as odd) instead of failing the file.
    assert isinstance(exc, UnicodeDecodeError)
    return exc.object[exc.start : exc.end].decode("latin-1"), exc.end


codecs.register_error("srccompare-latin1", _latin1_for_undefined)


def _utf8_counts(data: bytes) -> tuple[int, int]:
    """(valid non-ASCII characters, invalid bytes) when ``data`` is read as UTF-8."""
    # surrogateescape turns each invalid byte into one lone surrogate, so both can be counted
    # from one decode without any shared state.
    text = data.decode("utf-8", errors="surrogateescape")
    bad = sum(1 for ch in text if "\udc80" <= ch <= "\udcff")
    good = sum(1 for ch in text if ord(ch) > 127) - bad
    return good, bad


def decode_bytes(
    data: bytes, *, name: str, encoding: str | None = None, html: bool = False, codepage: str = "cp1252"
) -> Decoded:
    """Decode a file's bytes into text, by the fixed order described in the module docstring.

    ``name`` is used in error messages; ``encoding`` forces one (an unknown name or bytes that do
    not decode with it raise ``InputError``); ``html`` lets a declared ``<meta charset>`` count;
    ``codepage`` is the 8-bit code page of the last step (cp1252 unless the user says otherwise).
    Raises ``InputError`` for binary files and text that no supported encoding reads.
    """
    kind = _binary_kind(data)
    if kind:
        return _refuse_binary(name, kind)

    if encoding is not None:
        codec = text_codec(encoding, where=name)
        try:
            text = data.decode(codec)
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{name}: is not valid {codec} (byte 0x{data[exc.start]:02x} at position {exc.start}); "
                "check the encoding, or leave it out to detect it"
            ) from None
        except UnicodeError:  # a codec that fails without saying where (utf-7 and the like)
            raise InputError(f"{name}: is not valid {codec}; check the encoding, or leave it out to detect it") from None
        if text.startswith("\ufeff"):
            text = text[1:]
        return Decoded(text, codec)

    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom) :].decode(codec), codec)
            except UnicodeDecodeError:
                raise InputError(
                    f"{name}: starts with a {codec} byte-order mark but is not valid {codec}; "
                    "save it again as UTF-8"
                ) from None

    if b"\x00" in data:
        codec16 = _utf16_without_bom(data)
        if codec16:
            try:
                return Decoded(data.decode(codec16), codec16)
            except UnicodeDecodeError:
                pass
        return _refuse_binary(name, "a binary file (it contains NUL bytes)")

    if html:
        declared = _declared_charset(data)
        if declared and declared != "utf-8":
            try:
                return Decoded(data.decode(declared), declared)
            except UnicodeError:
                pass  # a page that lies about its charset: fall through to the usual order

    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    good, bad = _utf8_counts(data)
    # A few stray bytes in a file full of valid multi-byte characters is a damaged UTF-8 file;
    # a file whose every non-ASCII byte is invalid UTF-8 is a legacy 8-bit file (cp1252).
    if bad <= MAX_BAD_UTF8_BYTES and good >= bad:
        return Decoded(data.decode("utf-8", errors="replace"), f"utf-8 ({bad} invalid byte{'s' if bad != 1 else ''} replaced)")
    legacy = _non_western_legacy(data)
    if legacy is not None:
        return legacy
    codec = text_codec(codepage, where=f"{name}: legacy_encoding", single_byte=True)
    if codec == "cp1252":
        return Decoded(data.decode("cp1252", errors="srccompare-latin1"), "cp1252")
    return Decoded(data.decode(codec, errors="replace"), codec)


def _non_western_legacy(data: bytes) -> Decoded | None:
    """Text in a legacy non-Western encoding (cp1251, Shift-JIS, GBK, EUC-KR...), or None.

    Western European text in cp1252 has few non-ASCII bytes (French ~10%, German ~6%); Cyrillic,
    Greek and CJK legacy encodings have 80% or more. Only above ``LEGACY_NON_ASCII_SHARE`` is
    charset-normalizer asked: there it named every legacy encoding tried correctly, while on
    Western text it guessed cp775/cp1250 (FIELD-NOTES), so below the line it is never consulted.
    """
    sample = data[:65536]
    high = sum(1 for b in sample if b >= 0x80)
    if high < LEGACY_NON_ASCII_SHARE * len(sample):
        return None
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or not best.encoding:
        return None
    codec = known_text_codec(best.encoding)
    if codec is None:
        return None
    try:
        return Decoded(data.decode(codec), codec)
    except UnicodeError:
        return None


def _refuse_binary(name: str, kind: str) -> Decoded:
    raise InputError(f"{name}: looks like {kind}, not text; save the article as .txt, .md or .html")


_NEWLINES = re.compile(r"\r\n?")


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become ``\\n``; nothing else changes (offsets index the result)."""
    return _NEWLINES.sub("\n", text)


# --------------------------------------------------------------------------------------------
# Metadata: front matter and sidecar files
# --------------------------------------------------------------------------------------------

_META_KEYS = {f.name for f in fields(SourceMeta)}
# Common spellings of the same facts in front matter written by other tools (Jekyll, Hugo, Pandoc).
_META_ALIASES = {
    "source": "outlet",
    "publisher": "outlet",
    "site": "outlet",
    "sitename": "outlet",
    "site_name": "outlet",
    "headline": "title",
    "link": "url",
    "published": "date",
    "lang": "language",
}
_FRONT_MATTER_OPEN = re.compile(r"\A---[ \t]*\n")
_FRONT_MATTER_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.M)
_LOOKS_LIKE_YAML_KEY = re.compile(r"^\s*[\w][\w .-]{0,40}:(\s|$)")


@dataclass(frozen=True)
class FrontMatter:
    """A front-matter block: where it ends in the text (content starts after) and what it says."""

    end: int
    meta: SourceMeta


def meta_from_mapping(data: Mapping[Any, Any]) -> SourceMeta:
    """SourceMeta from a front-matter or sidecar mapping; unknown keys and non-text values ignored.

    A field's own name wins over an alias of it (``title`` over ``headline``).
    """
    values: dict[str, str] = {}
    from_alias: set[str] = set()
    for raw_key, raw in data.items():
        key = str(raw_key).strip().lower().replace("-", "_")
        field_name = _META_ALIASES.get(key, key)
        if field_name not in _META_KEYS or raw is None or isinstance(raw, (list, tuple, dict, set)):
            continue  # unknown keys, lists of authors, nested tables: not one of our fields
        if field_name in values and (key != field_name or field_name not in from_alias):
            continue
        value = raw.isoformat() if hasattr(raw, "isoformat") else str(raw).strip()  # YAML reads 2025-05-07 as a date
        if value:
            values[field_name] = value
            if key != field_name:
                from_alias.add(field_name)
            else:
                from_alias.discard(field_name)
    return SourceMeta(**values)


def parse_front_matter(text: str, *, name: str) -> FrontMatter | None:
    """Find a YAML front-matter block at the very top of ``text`` (``---`` ... ``---``).

    Returns None when there is none (a Markdown rule or prose between two ``---`` lines is not front
    matter). Broken YAML that looks like key/value lines raises ``InputError`` naming the line.
    """
    m = _FRONT_MATTER_OPEN.match(text)
    if not m:
        return None
    close = _FRONT_MATTER_CLOSE.search(text, m.end())
    if not close:
        return None
    block = text[m.end() : close.start()]
    end = close.end()
    if end < len(text) and text[end] == "\n":
        end += 1
    try:
        data = yaml.safe_load(block) if block.strip() else {}
    except yaml.YAMLError as exc:
        first = next((ln for ln in block.split("\n") if ln.strip()), "")
        if not _LOOKS_LIKE_YAML_KEY.match(first):
            return None
        # The context mark is where the broken construct began (an unclosed bracket); the problem
        # mark is often the end of the block, which points the user at the wrong line.
        mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
        line = (mark.line + 2) if mark is not None else 2  # +1 for the opening ---, +1 from 0-based
        problem = getattr(exc, "problem", None) or "invalid YAML"
        hint = "put the value in quotes, or remove the block" if "mapping values" in problem else "fix the block at the top or remove it"
        raise InputError(f"{name}: front matter is not valid YAML at line {line} ({problem}); {hint}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return None
    return FrontMatter(end=end, meta=meta_from_mapping(data))


def sidecar_path(path: Path) -> Path | None:
    """The metadata file that belongs to ``path`` (``<stem>.meta.json``/``.yaml``/``.yml``), if any."""
    for suffix in SIDECAR_SUFFIXES:
        candidate = path.with_name(path.stem + suffix)
        if candidate.is_file():
            return candidate
    return None


def sidecar_encoding(data: Mapping[Any, Any], *, path: Path) -> str | None:
    """The ``encoding`` (or ``charset``) a sidecar mapping declares for its article, or None.

    ``InputError`` naming the sidecar for a value that is not an encoding that can decode text.
    """
    for key in ("encoding", "charset"):
        raw = data.get(key)
        if raw is None or not str(raw).strip():
            continue
        return text_codec(raw, where=str(path))
    return None


def load_sidecar(path: Path) -> Mapping[Any, Any]:
    """A sidecar metadata file's key/value pairs; ``InputError`` naming it when it is broken."""
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        reason = _os_reason(exc) if isinstance(exc, OSError) else "not UTF-8"
        raise InputError(f"{path}: metadata file cannot be read ({reason}); fix or remove it") from None
    try:
        data = json.loads(raw) if path.name.endswith(".json") else yaml.safe_load(raw)
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: metadata file is not valid JSON at line {exc.lineno} ({exc.msg}); fix or remove it") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise InputError(f"{path}: metadata file is not valid YAML{where}; fix or remove it") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError(f"{path}: metadata file must hold key/value pairs (outlet, title, url, date, language); fix or remove it")
    return data


def merge_meta(*layers: SourceMeta) -> SourceMeta:
    """Later layers override earlier ones field by field; a missing field never erases a value."""
    merged = SourceMeta()
    for layer in layers:
        merged = replace(merged, **{f.name: getattr(layer, f.name) for f in fields(SourceMeta) if getattr(layer, f.name)})
    return merged


# --------------------------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------------------------

_DROP_TAGS = ("script", "style", "noscript", "template", "iframe", "svg", "nav", "header", "footer", "aside", "form", "button", "select", "head", "object", "embed", "canvas", "math")
_BLOCK_TAGS = frozenset(
    "address article blockquote br dd div dl dt figcaption figure h1 h2 h3 h4 h5 h6 hr li main ol p pre section table td th tr ul".split()
)
_SPACES = re.compile(r"[ \t\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


@dataclass(frozen=True)
class HtmlArticle:
    """The article text extracted from a page (no markup) and the page's metadata."""

    text: str
    meta: SourceMeta


def _clean_lines(raw: str) -> str:
    lines = (_SPACES.sub(" ", ln).strip() for ln in normalise_newlines(raw).split("\n"))
    return "\n".join(ln for ln in lines if ln)


def _lxml_text(html: str) -> tuple[str, SourceMeta]:
    """A plain text fallback for pages trafilatura finds nothing in (tiny pages)."""
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return "", SourceMeta()
    # The headline as the page states it: og:title and <h1> carry no " | Site name" suffix that
    # <title> usually has.
    title = ""
    for xpath in ('//meta[@property="og:title"]/@content', "//h1", "//title"):
        found = root.xpath(xpath)
        if found:
            value = found[0] if isinstance(found[0], str) else found[0].text_content()
            title = _SPACES.sub(" ", str(value)).strip()
            if title:
                break
    lang = root.get("lang") or None
    # Listed first: dropping elements while iterating the tree skips their siblings.
    for el in list(root.iter(etree.Comment, etree.ProcessingInstruction, *_DROP_TAGS)):
        if el.getparent() is not None:
            el.drop_tree()  # keeps the element's tail text, which belongs to its parent
    parts: list[str] = []

    def walk(el: Any) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        block = tag.lower() in _BLOCK_TAGS
        if block:
            parts.append("\n")
        if el.text and tag:
            parts.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if block:
            parts.append("\n")

    body = root.find("body")
    walk(body if body is not None else root)
    return _clean_lines("".join(parts)), SourceMeta(title=title or None, language=lang)


def _site_name(found: str | None, headline: str | None, title_tag: str | None) -> str | None:
    """The outlet's name: what the extractor found, unless it is only the headline again.

    trafilatura reports the headline as the site name for pages like ``<title>Headline | Site
    </title>`` with no site-name meta tag; there the part of ``<title>`` beside the headline is the
    site's name.
    """
    head = _norm_line(headline or "")
    if found and _norm_line(found) != head:
        return found
    if title_tag and head:
        parts = [p.strip() for p in _TITLE_SEPARATORS.split(title_tag) if p.strip()]
        others = [p for p in parts if _norm_line(p) != head]
        if len(parts) >= 2 and len(others) == len(parts) - 1 and len(others) == 1 and len(others[0].split()) <= 6:
            return others[0]
    return None


def _captions_as_paragraphs(html: str) -> str:
    """The page with its photo captions turned into paragraphs, so the extractor keeps them.

    trafilatura drops ``<figcaption>`` in every mode, yet a caption is printed on the page and read
    like the prose around it: a name it misspells or a date it moves is a discrepancy an editor
    marks. ``<figure>`` becomes a ``<div>`` and ``<figcaption>`` a ``<p>``; nothing else changes.
    A caption's credit ("... Photo: Jane Roe") stays on its line, as it is printed; a caption that
    is only furniture ("Photo: Reuters", see ``boilerplate_reason``) is the page's frame and is
    dropped, as the extractor did, rather than read as a stray line in the body.
    """
    if "figcaption" not in html.lower():
        return html
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return html
    for el in list(root.iter("figure", "figcaption")):
        if el.tag == "figure":
            el.tag = "div"
            continue
        caption = _SPACES.sub(" ", el.text_content()).strip()
        if not caption or boilerplate_reason(caption) is not None:
            el.drop_tree()
        else:
            el.tag = "p"
    return lxml.html.tostring(root, encoding="unicode")


def extract_html(html: str, *, name: str) -> HtmlArticle:
    """Extract an article's text and metadata from a page; never returns markup.

    trafilatura works on the string it is given and fetches nothing (no URL is passed). Tiny pages
    it rejects fall back to lxml's text with scripts, styles and navigation dropped. The page title
    is put first when the extracted text does not already start with it, so a headline is a passage
    for an HTML source as it is for a text one.
    """
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            _captions_as_paragraphs(html),
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            include_formatting=False,
            favor_precision=True,
            with_metadata=True,
            # Only dates the page declares (meta tags, JSON-LD, <time>): the extensive search
            # turns a "© 2025" footer into 2025-01-01, a date the article never gave.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception:  # noqa: BLE001 - a page the extractor chokes on still gets the fallback
        doc = None
    text = _clean_lines(doc.text) if doc is not None and doc.text else ""
    if text:
        lang = _HTML_LANG.search(html[:4096])
        page_meta = SourceMeta(language=lang.group(1) if lang else None)
    else:
        text, page_meta = _lxml_text(html)
    title_tag = _TITLE_TAG.search(html)
    outlet = _site_name(
        (doc.sitename if doc is not None else None) or None,
        (doc.title if doc is not None else None) or page_meta.title,
        _SPACES.sub(" ", unescape(title_tag.group(1))).strip() if title_tag else None,
    )
    meta = SourceMeta(
        outlet=outlet,
        title=(doc.title if doc is not None else None) or page_meta.title,
        url=(doc.url if doc is not None else None) or None,
        date=(doc.date if doc is not None else None) or None,
        language=(getattr(doc, "language", None) if doc is not None else None) or page_meta.language,
    )
    if not text.strip():
        raise InputError(f"{name}: no article text found in the page; save the article itself as .txt or .html")
    title = (meta.title or "").strip()
    if title and _norm_line(text.split("\n", 1)[0]) != _norm_line(title) and _norm_line(title) not in {
        _norm_line(ln) for ln in text.split("\n")[:3]
    }:
        text = title + "\n" + text
    return HtmlArticle(text=text, meta=meta)


# --------------------------------------------------------------------------------------------
# Content lines and boilerplate
# --------------------------------------------------------------------------------------------

_SENTENCE_END = frozenset(".!?…。！？")
_TRAILING_CLOSERS = "\"'”’»)]"


def _ends_sentence(text: str, start: int = 0, end: int | None = None) -> bool:
    """True when ``text[start:end]`` ends with sentence-final punctuation (closing quotes allowed)."""
    end = len(text) if end is None else end
    while end > start and (text[end - 1] in _TRAILING_CLOSERS or text[end - 1].isspace()):
        end -= 1
    return end > start and text[end - 1] in _SENTENCE_END
_WORD = re.compile(r"\w+(?:[’'.-]\w+)*")
_LOGO = re.compile(r"\blogo\b", re.I)
# "Source: Reuters", "Photo: AFP", "Credit - X": a label, a separator, a short attribution.
_LABEL = re.compile(
    r"^(?:sources?|credits?|(?:(?:file )?photo(?:graph)?|image|picture|video|graphic|illustration)s?(?: credits?)?|"
    r"pictured|caption|copyright|©|\(c\)|via|read more|read also|also read|related|see also|more|tags?|topics?)\s*[:|/–—-]",
    re.I,
)
# A rights notice: "all rights reserved", or a copyright sign/word followed by a year.
_RIGHTS = re.compile(r"all rights reserved|(?:©|\(c\)|\bcopyright\b)\s*(?:\d{4}|©)|^©", re.I)
# The labels of a web page's buttons that open no subheading of an article ("Share this article",
# "Subscribe to our channel"): also stray lines inside the body (``_STRAY_FURNITURE``).
_BUTTONS = (r"share|subscribe|sign (?:up|in)|log ?in|click|tap|tweet|e-?mail|print|skip to|back to top|"
            r"(?:next|previous) article")
_UI = re.compile(
    rf"^(?:{_BUTTONS}|follow|comments?|advertisement|advertising|sponsored|listen|watch|download)\b",
    re.I,
)
_CREDIT_BY = re.compile(r"^(?:(?:additional )?reporting|writing|editing|edited|compiled|translated|written|photos?|video)\s+by\b", re.I)
_BY = re.compile(r"^(?:by|from)\s+(.+)$", re.I)
_ENDS_WITH_INITIAL = re.compile(r"\s[A-Z]\.$")
_NAME_JOINERS = frozenset("and & , de da di del der den van von la le al el bin ibn dos das du y e und et".split())
_SEPARATORS = re.compile(r"\s[|•·]\s|\s[|•·]$|^[|•·]\s")
_URL = re.compile(r"^(?:https?://|www\.)\S+$|^\S+@\S+\.\w+$", re.I)
_MD_MARKER = re.compile(r"(?:#{1,6}\s+|>\s*|[-*+]\s+|\d{1,3}[.)]\s+)")
_MD_LINK_ONLY = re.compile(r"^!?\[[^\]]*\]\([^)]*\)$")
_TIME = re.compile(r"^\d{1,2}[:.h]\d{2}(?::\d{2})?$|^\d{1,2}(?:am|pm)$", re.I)
_ISO_DATE = re.compile(r"^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$")
# Month and weekday names from the standard library (the C locale: English), not a story word list.
_CALENDAR_WORDS = frozenset(
    w.lower().rstrip(".")
    for w in (*calendar.month_name[1:], *calendar.month_abbr[1:], *calendar.day_name, *calendar.day_abbr)
) | {"sept", "am", "pm", "a.m", "p.m", "gmt", "utc", "et", "edt", "est", "bst", "cet", "cest", "jst", "updated", "published", "posted"}


def _norm_line(line: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", line).casefold().split())


def _words(line: str) -> list[str]:
    return _WORD.findall(line)


def _is_name_token(token: str) -> bool:
    return token[:1].isupper() or token.lower() in _NAME_JOINERS


def _is_byline(line: str) -> bool:
    """'By Takuya Karube', 'By Jane Doe and John Roe, Reuters': by + capitalised names, nothing else."""
    if _CREDIT_BY.match(line):
        return len(_words(line)) <= 30
    m = _BY.match(line)
    if not m or _ends_sentence(line) and not _ENDS_WITH_INITIAL.search(line):
        return False
    rest = re.split(r"\s*[,|/–—;]\s*", m.group(1), maxsplit=1)
    names = rest[0].replace("&", " & ").split()
    if not 1 <= len(names) <= 7 or not names[0][:1].isupper():
        return False
    if not all(_is_name_token(t) for t in names):
        return False
    tail = rest[1] if len(rest) > 1 else ""
    return len(tail.split()) <= 6


def _date_share(line: str) -> float:
    tokens = [t.strip(",;()[]") for t in line.split()]
    tokens = [t for t in tokens if t]
    if not tokens:
        return 0.0
    datey = 0
    for t in tokens:
        low = t.lower().rstrip(".:")
        if (
            low.isdigit()
            or re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)", low)
            or _TIME.match(low)
            or _ISO_DATE.match(low)
            or low in _CALENDAR_WORDS
            or not any(ch.isalnum() for ch in t)
        ):
            datey += 1
    return datey / len(tokens)


def boilerplate_reason(line: str) -> str | None:
    """Why a stripped, non-empty line is page furniture rather than article content, or None.

    Only structural cues: a short line without sentence-final punctuation that names a logo,
    starts with a label ("Source:", "Photo:"), is a byline, is mostly a date, holds a ``|``
    separator, is a button label, or a bare URL. Real headlines and one-line paragraphs have none
    of these shapes.
    """
    # Every rule below concerns short lines; most article lines are long, so this keeps reading fast.
    tokens = len(line.split())
    if tokens > 30:
        return None
    n = len(_words(line))
    if n == 0:
        return "no words"
    if n > 15:
        if _CREDIT_BY.match(line.lstrip("([{ ")):
            return "byline"
        return "copyright" if _RIGHTS.search(line) else None
    terminal = _ends_sentence(line)
    if _URL.match(line) or _MD_LINK_ONLY.match(line):
        return "link"
    if _LOGO.search(line) and n <= 6:
        return "logo"
    # Credits are often wrapped in brackets: "(Reporting by X; Editing by Y)", "[Photo: AFP]".
    bare = line.lstrip("([{ ")
    if _LABEL.match(bare) and n <= 15:
        return "label"
    if _RIGHTS.search(line) and n <= 30:
        return "copyright"
    if _is_byline(bare):
        return "byline"
    if not terminal and n <= 12 and _SEPARATORS.search(line):
        return "dateline"
    if not terminal and n <= 10 and _date_share(line) >= 0.6:
        return "date"
    if not terminal and n <= 8 and _UI.match(line):
        return "button"
    return None


@dataclass(frozen=True)
class Line:
    """One line of the text: where it starts and ends, trimmed of surrounding whitespace."""

    start: int
    end: int


def text_lines(text: str, start: int = 0) -> list[Line]:
    """The non-blank lines of ``text`` from ``start`` on, each trimmed of surrounding whitespace."""
    out: list[Line] = []
    pos = start
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        end = n if nl == -1 else nl
        s, e = pos, end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append(Line(s, e))
        if nl == -1:
            break
        pos = nl + 1
    return out


def _markdown_start(text: str, line: Line) -> int:
    m = _MD_MARKER.match(text, line.start, line.end)
    return m.end() if m else line.start


# A line that ends in a word broken by a hyphen: a letter, then the hyphen, at the line's end.
_LINE_END_HYPHEN = re.compile(r"[^\W\d_][-\u00ad\u2010]\Z")


def _is_hard_wrapped(text: str, lines: Sequence[Line]) -> bool:
    """True when the file's paragraphs are wrapped at a fixed width (lines end mid-sentence).

    The width is the 90th percentile of the line lengths, not the longest line: a print page's
    running head or a table row spaced across the page ("FARM WEEKLY      Spring      7") is
    longer than the column the text is wrapped to, and measuring against it read a hard-wrapped
    page as one paragraph per line (every line a passage of its own, cut mid-sentence)."""
    if len(lines) < 6:
        return False
    lengths = sorted(ln.end - ln.start for ln in lines)
    longest = lengths[int(0.9 * (len(lengths) - 1))]
    if longest > 120:
        return False
    long_ones = sum(1 for x in lengths if x >= 0.6 * longest)
    open_ends = 0
    pairs = 0
    for a, b in zip(lines, lines[1:]):
        if text.count("\n", a.end, b.start) == 1:
            pairs += 1
            if not _ends_sentence(text, a.start, a.end):
                open_ends += 1
    return long_ones >= 0.5 * len(lines) and pairs > 0 and open_ends >= 0.4 * pairs


@dataclass(frozen=True)
class Layout:
    """What the lines of an article's text are (``layout``): the content spans, whether the file is
    wrapped at a fixed width, and the stray furniture lines inside its body."""

    content: tuple[tuple[int, int], ...]
    wrapped: bool
    strays: tuple[tuple[int, int], ...]


# Furniture that a copy taken from a web page carries into the article's text: a link to another
# story, a photo's caption or credit, an advertising label, a button's label ("Share this article",
# "Subscribe to our channel", "Print Email": ``_BUTTONS``). Only these shapes, not a source line, a
# byline or a date, which open and close articles. Buttons whose word also opens a subheading
# ("Follow the money", "Watch list") are left out.
_STRAY_FURNITURE = re.compile(
    r"^(?:read (?:more|also)|also read|related|see also|(?:file )?photo(?:graph)?s?|image|picture|video|"
    rf"graphic|illustration|pictured|caption|advertisement|advertising|sponsored|{_BUTTONS})\b",
    re.I,
)


# A row of a table as Markdown (and the extractor, for an HTML <table>) prints it: "| a | b |".
_TABLE_ROW = re.compile(r"^\|(?:[^|\n]*\|){2,}\s*$")
_TABLE_RULE = re.compile(r"^\|(?:\s*:?-{2,}:?\s*\|)+\s*$")


def layout(text: str, start: int = 0, *, markdown: bool = False) -> Layout:
    """Read the lines of ``text`` (from ``start``) once: which are article content, whether the file
    is hard-wrapped (``_is_hard_wrapped``), and which furniture lines stand inside the body.

    Content: one span per content line; in a hard-wrapped file the lines of one paragraph are joined
    into one span (the ``\\n`` inside stays). Boilerplate lines (see ``boilerplate_reason``) and any
    line repeated from earlier are left out. For Markdown the heading/list/quote marker is left
    outside.

    Strays: a "Read more: ..." link, a "Photo: ..." caption, an "Advertisement" label or a "Share
    this article" button
    (``_STRAY_FURNITURE``, read as a label or a button) between a content span that ends a sentence
    and more content is a line the copy carried in from the page it was taken from: an editor
    deletes it (``garbled_text``). The same line above the first paragraph (under the headline) or
    after the last one is the page's frame, and is not reported.
    """
    lines = text_lines(text, start)
    seen: set[str] = set()
    kept: list[Line] = []
    furniture: list[Line] = []  # lines of the stray shapes, wherever they stand
    for ln in lines:
        s = _markdown_start(text, ln) if markdown else ln.start
        if s >= ln.end:
            continue
        body = text[s : ln.end]
        key = _norm_line(body)
        repeated = key in seen
        seen.add(key)
        shaped = _STRAY_FURNITURE.match(body) is not None
        if _TABLE_ROW.match(body):
            if _TABLE_RULE.match(body):
                continue  # the |---|---| line under a table's head
            reason = None  # a table row is content, whatever its separators look like
        elif shaped or not repeated:
            reason = boilerplate_reason(body)
        else:
            reason = None  # a repeated line is left out below, whatever it is
        if shaped and reason in ("label", "button"):
            furniture.append(Line(s, ln.end))
        if repeated or reason is not None:
            continue  # repeated: a headline under itself, a logo twice; keep only the first
        kept.append(Line(s, ln.end))
    wrapped = _is_hard_wrapped(text, lines)
    spans: list[list[int]] = []
    for ln in kept:
        if spans:
            prev_end = spans[-1][1]
            gap = text[prev_end : ln.start]
            if gap.count("\n") == 1 and (
                # A word hyphenated at a line end (print, OCR) continues on the next line even in a
                # file that is otherwise one paragraph per line: without this its halves became two
                # passages that aligned with nothing.
                _LINE_END_HYPHEN.search(text, spans[-1][0], prev_end) is not None
                and text[ln.start].islower()
                or wrapped and not _ends_sentence(text, spans[-1][0], prev_end)
            ):
                spans[-1][1] = ln.end
                continue
        spans.append([ln.start, ln.end])
    content = tuple((s, e) for s, e in spans)
    ends = [e for _, e in content]
    strays: list[tuple[int, int]] = []
    for ln in furniture:
        k = bisect.bisect_right(ends, ln.start)  # content spans that end before the line
        if 0 < k < len(content) and _ends_sentence(text, *content[k - 1]):
            strays.append((ln.start, ln.end))
    return Layout(content=content, wrapped=wrapped, strays=tuple(strays))


def content_spans(text: str, start: int = 0, *, markdown: bool = False) -> tuple[tuple[int, int], ...]:
    """The spans of ``text`` (from ``start``) that are article content, in order (``layout``)."""
    return layout(text, start, markdown=markdown).content


# --------------------------------------------------------------------------------------------
# Title
# --------------------------------------------------------------------------------------------


def looks_like_headline(line: str) -> bool:
    """A short line without a final full stop that is not a quoted sentence."""
    words = _words(line)
    return 0 < len(words) <= 20 and len(line) <= 160 and not line.rstrip().endswith((".", "。", ",", ";", ":"))


def shorten(text: str, limit: int = TITLE_MAX_CHARS) -> str:
    """``text`` on one line, cut at a word boundary to at most ``limit`` characters (with …)."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:–—-") + "…"


def derive_title(text: str, content: Sequence[tuple[int, int]], fallback: str) -> str:
    """The first content line if it reads as a headline, else its first sentence, shortened."""
    if not content:
        return fallback
    s, e = content[0]
    first = text[s:e]
    if looks_like_headline(first):
        return shorten(first)
    sentences = sentence_spans(text, s, e)
    if sentences:
        a, b = sentences[0]
        return shorten(text[a:b])
    return shorten(first)


# --------------------------------------------------------------------------------------------
# Reading one source
# --------------------------------------------------------------------------------------------


def _read_bytes(path: Path) -> bytes:
    name = str(path)
    try:
        if path.is_dir():
            raise InputError(f"{name}: is a folder, not an article file; name the files in it, or the folder itself")
        if not path.exists():
            raise InputError(f"{name}: no such file; check the path")
        if not path.is_file():
            raise InputError(f"{name}: is not a regular file; save the article as a .txt, .md or .html file")
        size = path.stat().st_size
        if size > MAX_SOURCE_BYTES:
            raise InputError(
                f"{name}: is {size / 1e6:.0f} MB, too large for one article (limit {MAX_SOURCE_BYTES // 1_000_000} MB); "
                "split it into one file per article"
            )
        with path.open("rb") as fh:
            return fh.read(MAX_SOURCE_BYTES + 1)
    except PermissionError:
        raise InputError(f"{name}: cannot be read (permission denied); check its permissions") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot be read ({_os_reason(exc)}); check the file") from None


def read_source(path: Path, *, encoding: str | None = None, legacy_encoding: str = "cp1252") -> Source:
    """Read one article file into a ``Source`` (see the module docstring for each step).

    ``encoding`` forces a text encoding instead of detecting it; without it, an ``encoding`` key in
    the file's sidecar does. ``legacy_encoding`` is the 8-bit code page assumed for a file that is
    neither UTF-8/UTF-16 nor clearly non-Western (Settings.legacy_encoding). Raises ``InputError`` with a
    one-line message naming the file and what to do when the file is missing, a folder, unreadable,
    empty, binary, undecodable, has broken front matter or a broken sidecar, or holds no article text.
    """
    path = Path(path)
    name = str(path)
    data = _read_bytes(path)
    if not data.strip():
        raise InputError(f"{name}: is empty; add the article text or remove the file")
    is_html = path.suffix.lower() in HTML_SUFFIXES
    sidecar = sidecar_path(path)
    sidecar_data = load_sidecar(sidecar) if sidecar is not None else {}
    if encoding is None and sidecar is not None:
        encoding = sidecar_encoding(sidecar_data, path=sidecar)
    decoded = decode_bytes(data, name=name, encoding=encoding, html=is_html, codepage=legacy_encoding)
    if not is_html and _HTML_DOCUMENT.match(decoded.text[:2048]):
        # A web page saved as .txt or .md: its markup is not article text, so read it as a page
        # (again, so that a declared charset counts).
        is_html = True
        decoded = decode_bytes(data, name=name, encoding=encoding, html=True, codepage=legacy_encoding)
    text = normalise_newlines(decoded.text)
    if not text.strip():
        raise InputError(f"{name}: is empty (only whitespace); add the article text or remove the file")

    layers: list[SourceMeta] = []
    body_start = 0
    if is_html:
        article = extract_html(text, name=name)
        text = article.text
        layers.append(article.meta)
    else:
        fm = parse_front_matter(text, name=name)
        if fm is not None:
            body_start = fm.end
            layers.append(fm.meta)
    if sidecar is not None:
        layers.append(meta_from_mapping(sidecar_data))
    meta = merge_meta(*layers)

    laid = layout(text, body_start, markdown=path.suffix.lower() == ".md")
    content = laid.content
    if not content:
        raise InputError(f"{name}: holds no article text (only metadata or page furniture); add the article text or remove the file")
    title = shorten(meta.title) if meta.title else derive_title(text, content, source_id(path))
    return Source(
        id=source_id(path),
        path=name,
        sha256=hashlib.sha256(data).hexdigest(),
        text=text,
        encoding=decoded.encoding,
        title=title,
        meta=meta,
        content=content,
        wrapped=laid.wrapped,
        strays=laid.strays,
    )


def drop_duplicates(sources: Sequence[Source]) -> tuple[list[Source], tuple[ReadProblem, ...]]:
    """Keep the first of several sources with the same content; a problem for each other one.

    Same content means the same bytes (sha256) or the same decoded text (one file saved as UTF-8,
    its twin as UTF-16). Two copies would count as two independent witnesses and skew every score.
    """
    kept: list[Source] = []
    problems: list[ReadProblem] = []
    by_hash: dict[str, Source] = {}
    by_text: dict[str, Source] = {}
    for s in sources:
        text_key = hashlib.sha256(s.text.strip().encode("utf-8", "surrogatepass")).hexdigest()
        twin = by_hash.get(s.sha256) or by_text.get(text_key)
        if twin is not None:
            problems.append(ReadProblem(path=s.path, message=f"{s.path}: same content as {twin.path}; remove one of them"))
            continue
        by_hash[s.sha256] = s
        by_text[text_key] = s
        kept.append(s)
    return kept, tuple(problems)
