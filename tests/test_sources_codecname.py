"""One validation for every encoding name: ``srccompare.codecname`` and the readers that use it."""

from __future__ import annotations

from pathlib import Path

import pytest

from srccompare.codecname import is_single_byte, known_text_codec, text_codec
from srccompare.errors import InputError
from srccompare.sources import decode_bytes, read_source, sidecar_encoding

# Invented text in Polish, nothing from the seeds or the quality cases.
POLISH = "Strajk w porcie zakończył się w czwartek, powiedział rzecznik związku żeglugi."


@pytest.mark.parametrize("name, codec", [
    ("utf-8", "utf-8"), (" UTF8 ", "utf-8"), ("windows-1250", "cp1250"), ("latin1", "iso8859-1"),
    ("utf_16", "utf-16"), ("shift_jis", "shift_jis"), ("cp65001", "utf-8"),
])
def test_known_names_become_canonical(name: str, codec: str) -> None:
    assert text_codec(name, where="here") == codec
    assert known_text_codec(name) == codec


@pytest.mark.parametrize("name, why", [
    ("klingon-8", "is not an encoding Python knows"),
    ("", "is not an encoding Python knows"),
    ("a\x00b", "is not an encoding Python knows"),  # codecs.lookup raises ValueError for this one
    ("base64", "cannot decode text"),  # binary transforms: bytes.decode refuses them
    ("zlib", "cannot decode text"),
    ("rot13", "cannot decode text"),
    ("undefined", "cannot decode text"),  # a text codec that refuses every byte
    ("idna", "cannot decode text"),
])
def test_unusable_names_are_one_line_input_errors(name: str, why: str) -> None:
    with pytest.raises(InputError) as exc:
        text_codec(name, where="notes/a.meta.json")
    message = str(exc.value)
    assert message.startswith("notes/a.meta.json: unknown encoding '")
    assert why in message and "use a name such as utf-8" in message
    assert "\n" not in message and "\x00" not in message
    assert known_text_codec(name) is None


def test_a_hostile_name_is_shown_short_and_on_one_line() -> None:
    with pytest.raises(InputError) as exc:
        text_codec("bad\nname\twith\x1bcontrols" + "x" * 500, where="option --encoding")
    message = str(exc.value)
    assert "\n" not in message and "\x1b" not in message and len(message) < 200
    assert "'bad name with?controls" in message


@pytest.mark.parametrize("name", ["utf-8", "utf-16", "shift_jis", "gbk"])
def test_single_byte_refuses_multibyte_encodings(name: str) -> None:
    with pytest.raises(InputError, match=r"^environment X: '.+' is not an 8-bit code page; use one such as cp1252"):
        text_codec(name, where="environment X", single_byte=True)


def test_single_byte_suggests_code_pages_for_unknown_names() -> None:
    with pytest.raises(InputError, match="use an 8-bit code page such as cp1252"):
        text_codec("klingon", where="option --legacy-encoding", single_byte=True)
    assert text_codec("iso-8859-15", where="x", single_byte=True) == "iso8859-15"


def test_is_single_byte() -> None:
    assert is_single_byte("cp1250") and is_single_byte("koi8_r")
    assert not is_single_byte("utf-8") and not is_single_byte("euc_kr")


def test_sidecar_with_a_binary_codec_is_refused_naming_the_sidecar(tmp_path: Path) -> None:
    sidecar = tmp_path / "a.meta.json"
    with pytest.raises(InputError, match=r"a\.meta\.json: unknown encoding 'base64' \(cannot decode text\)"):
        sidecar_encoding({"charset": "base64"}, path=sidecar)
    assert sidecar_encoding({"encoding": " windows-1250 "}, path=sidecar) == "cp1250"
    assert sidecar_encoding({"encoding": ""}, path=sidecar) is None


@pytest.mark.parametrize("name", ["zlib", "undefined", "a\x00b"])
def test_forced_encoding_that_cannot_decode_is_an_input_error(tmp_path: Path, name: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(POLISH.encode("cp1250"))
    with pytest.raises(InputError) as exc:
        read_source(path, encoding=name)
    assert str(exc.value).startswith(f"{path}: unknown encoding")


def test_forced_utf7_that_fails_is_an_input_error() -> None:
    with pytest.raises(InputError, match=r"^a\.txt: is not valid utf-7"):
        decode_bytes(b"Caf+\xff- and more", name="a.txt", encoding="utf-7")


@pytest.mark.parametrize("charset", ["undefined", "base64", "idna", "no-such-charset"])
def test_a_page_declaring_a_useless_charset_is_read_by_the_usual_order(charset: str) -> None:
    page = f'<html><head><meta charset="{charset}"></head><body><p>{POLISH}</p></body></html>'
    decoded = decode_bytes(page.encode("utf-8"), name="a.html", html=True)
    assert decoded.encoding == "utf-8" and POLISH in decoded.text


def test_an_unvalidated_legacy_code_page_is_an_input_error_not_a_traceback() -> None:
    data = POLISH.encode("cp1250")
    with pytest.raises(InputError, match=r"^a\.txt: legacy_encoding: '.*' is not an 8-bit code page"):
        decode_bytes(data, name="a.txt", codepage="utf-16")
    assert decode_bytes(data, name="a.txt", codepage="cp1250").text == POLISH
