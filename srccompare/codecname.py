"""Encoding names from users and from files, turned into codecs that can decode an article.

Three places take an encoding name: the ``legacy_encoding`` setting (config file, environment or
``--legacy-encoding``), a sidecar's ``encoding``/``charset`` key, and ``srccompare add --encoding``.
All of them go through ``text_codec``, so a bad name gives the same one-line message, starting with
where the name came from and saying what to write instead.

Python's ``codecs.lookup`` alone is not enough: it accepts binary transforms ("base64", "zlib",
"rot13") that ``bytes.decode`` then refuses with ``LookupError``, codecs that refuse every byte
("undefined") or most ("idna", "punycode"), and raises ``ValueError`` for a name with a NUL in it.
Names of encodings a page declares about itself (``<meta charset>``) or that charset-normalizer
guesses go through ``known_text_codec``, which answers ``None`` instead of raising.
"""

from __future__ import annotations

import codecs

from srccompare.errors import InputError

# Text codecs by Python's own account that cannot read an article: 'undefined' refuses every byte,
# 'idna' and 'punycode' encode host names.
_NOT_FOR_ARTICLES = frozenset({"undefined", "idna", "punycode"})

_EXAMPLES = "utf-8, cp1252, cp1250 or utf-16"
_CODE_PAGE_EXAMPLES = "cp1252, cp1250 or iso-8859-15"
_SHOWN_CHARS = 40


def _shown(name: object) -> str:
    """``name`` as it can appear in a one-line message: whitespace collapsed, controls replaced,
    long names cut."""
    text = " ".join(str(name).split())
    text = "".join(ch if ch.isprintable() else "?" for ch in text)
    return text if len(text) <= _SHOWN_CHARS else text[: _SHOWN_CHARS - 1] + "…"


def known_text_codec(name: object) -> str | None:
    """The canonical name of the text codec ``name`` stands for ("windows-1250" -> "cp1250"), or
    ``None`` when Python has none or it cannot decode article text."""
    label = str(name).strip()
    if not label:
        return None
    try:
        codec = codecs.lookup(label).name
        # LookupError for binary transforms such as base64 or zlib (empty bytes would pass).
        b"A".decode(codec, errors="ignore")
    except (LookupError, ValueError, UnicodeError):  # ValueError: a NUL inside the name
        return None
    return None if codec in _NOT_FOR_ARTICLES else codec


def _python_knows(name: object) -> bool:
    try:
        codecs.lookup(str(name).strip())
    except (LookupError, ValueError):
        return False
    return True


def is_single_byte(codec: str) -> bool:
    """Whether ``codec`` is an 8-bit code page: every byte one character, ASCII as itself."""
    # UTF-8, UTF-16 and the CJK codecs read some of these byte pairs as one character (or refuse them).
    sample = b"AZaz09\xc3\xa9\x82\xa0\xe4\xb8\xad"
    try:
        text = sample.decode(codec, errors="replace")
    except (UnicodeError, LookupError, TypeError):
        return False
    return len(text) == len(sample) and text[:6] == "AZaz09"


def text_codec(name: object, *, where: str, single_byte: bool = False) -> str:
    """The canonical codec name for the encoding a user gave as ``name``.

    ``where`` says where the name came from and starts the message: a sidecar's path, "option
    --encoding", "environment SRCCOMPARE_LEGACY_ENCODING"... With ``single_byte`` the codec must
    also be an 8-bit code page (the fallback for files that are neither UTF-8 nor UTF-16 must read
    every byte). Raises ``InputError`` with one line that says what to use instead.
    """
    examples = f"an 8-bit code page such as {_CODE_PAGE_EXAMPLES}" if single_byte else f"a name such as {_EXAMPLES}"
    codec = known_text_codec(name)
    if codec is None:
        what = "cannot decode text" if _python_knows(name) else "is not an encoding Python knows"
        raise InputError(f"{where}: unknown encoding '{_shown(name)}' ({what}); use {examples}")
    if single_byte and not is_single_byte(codec):
        raise InputError(
            f"{where}: '{_shown(name)}' is not an 8-bit code page; use one such as {_CODE_PAGE_EXAMPLES} "
            "(UTF-8 and UTF-16 are detected on their own)"
        )
    return codec
