"""Settings precedence: defaults < config file < environment < flags."""

from __future__ import annotations

from pathlib import Path

import pytest

from srccompare.errors import SrcCompareError
from srccompare.settings import Settings, load_settings


def test_defaults_without_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert load_settings(environ={}) == Settings()


def test_precedence(tmp_path: Path) -> None:
    cfg = tmp_path / "srccompare.toml"
    cfg.write_text("[srccompare]\nmin_similarity = 0.4\ntop_k = 7\ncache = false\n", encoding="utf-8")
    s = load_settings(config=cfg, environ={"SRCCOMPARE_TOP_K": "9"}, overrides={"cache": None})
    assert (s.min_similarity, s.top_k, s.cache) == (0.4, 9, False)
    s = load_settings(config=cfg, environ={"SRCCOMPARE_TOP_K": "9"}, overrides={"top_k": 3})
    assert s.top_k == 3


@pytest.mark.parametrize(
    "content, message",
    [
        ("[srccompare]\nmin_similarity = 'high'\n", "must be a float"),
        ("[srccompare]\nno_such = 1\n", "unknown setting 'no_such'"),
        ("[srccompare\n", "not valid TOML"),
    ],
)
def test_bad_config_is_a_clear_error(tmp_path: Path, content: str, message: str) -> None:
    cfg = tmp_path / "srccompare.toml"
    cfg.write_text(content, encoding="utf-8")
    with pytest.raises(SrcCompareError, match=message):
        load_settings(config=cfg, environ={})


def test_bad_environment_value() -> None:
    with pytest.raises(SrcCompareError, match="SRCCOMPARE_CACHE"):
        load_settings(config=None, environ={"SRCCOMPARE_CACHE": "maybe"})


def test_fingerprint_ignores_presentation_settings() -> None:
    assert Settings().fingerprint() == Settings(pdf_max_groups=5, cache=False).fingerprint()
    assert Settings().fingerprint() != Settings(min_similarity=0.5).fingerprint()


@pytest.mark.parametrize("name, canonical", [("cp1250", "cp1250"), ("windows-1250", "cp1250"), ("iso-8859-15", "iso8859-15")])
def test_legacy_encoding_is_canonicalised(name: str, canonical: str) -> None:
    assert load_settings(config=None, environ={"SRCCOMPARE_LEGACY_ENCODING": name}).legacy_encoding == canonical


@pytest.mark.parametrize("name, fragment", [("utf-8", "8-bit code page"), ("shift_jis", "8-bit code page"),
                                            ("klingon", "unknown encoding")])
def test_legacy_encoding_must_be_a_known_8bit_code_page(name: str, fragment: str) -> None:
    with pytest.raises(SrcCompareError, match=fragment):
        load_settings(config=None, overrides={"legacy_encoding": name})


def test_a_bad_legacy_encoding_names_where_it_was_set(tmp_path: Path) -> None:
    config = tmp_path / "srccompare.toml"
    config.write_text('[srccompare]\nlegacy-encoding = "base64"\n', encoding="utf-8")
    with pytest.raises(SrcCompareError, match=r"srccompare\.toml: setting 'legacy-encoding': unknown encoding 'base64'"):
        load_settings(config=config, environ={})
    with pytest.raises(SrcCompareError, match=r"^environment SRCCOMPARE_LEGACY_ENCODING: 'utf-16' is not an 8-bit code page"):
        load_settings(config=None, environ={"SRCCOMPARE_LEGACY_ENCODING": "utf-16"})
    # The option wins over the environment, and the message names the option.
    with pytest.raises(SrcCompareError, match=r"^option --legacy-encoding: unknown encoding 'klingon'.*such as cp1252"):
        load_settings(config=None, environ={"SRCCOMPARE_LEGACY_ENCODING": "cp1250"},
                      overrides={"legacy_encoding": "klingon"})
