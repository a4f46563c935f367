"""One settings object, and where its values come from.

Precedence, lowest first: the defaults below; a ``srccompare.toml`` file (the one named by
``--config``, else one in the current folder) with a ``[srccompare]`` table; environment variables
``SRCCOMPARE_<FIELD>`` (``SRCCOMPARE_MIN_SIMILARITY=0.4``); command-line flags. The resolved
settings are recorded in ``report.json`` so a report says how it was made.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, Mapping

from srccompare.codecname import text_codec
from srccompare.errors import SrcCompareError

CONFIG_FILE = "srccompare.toml"
ENV_PREFIX = "SRCCOMPARE_"


@dataclass(frozen=True)
class Settings:
    # Alignment (srccompare.align)
    min_similarity: float = 0.30
    """Cosine similarity (TF-IDF, words + character n-grams) two passages need to be aligned."""
    top_k: int = 24
    """How many nearest neighbours each passage keeps; bounds the work per passage."""
    max_df: int = 200
    """Largest number of passages one feature may link in the neighbour search; a feature in more
    passages is searched in blocks of at most this many (and dropped if it is also in more than 5% of
    all passages), which keeps the search near-linear. See ``srccompare.align._searchable``."""
    gap_align: bool = True
    """Run the alignment's order-aware second pass (``srccompare.align._gap_pairs``), which pairs
    passages the first pass left alone at ``gap_similarity`` when their order agrees. The members it
    adds are listed in ``Group.loose``, and every check reads them as paraphrase witnesses, not as
    word-for-word counterparts (figures for switching it on in ``srccompare.align``'s docstring)."""
    gap_similarity: float = 0.18
    """Lower similarity at which the second pass pairs two passages when their order in their two
    sources agrees (both lie between, or right beside, the same aligned passages). Tuned on the
    seeds: 0.15 admits a loose pairing, 0.12 a wrong one, 0.20 loses a right one."""
    anchor_align: bool = True
    """Run the alignment's anchor pass (``srccompare.align._anchor_pairs``): a passage still alone
    pairs with one of another source that shares at least ``ANCHOR_MIN_SHARED`` rare anchors (the
    same proper noun or figure, which survive machine translation when the wording does not), at
    ``anchor_similarity``, when their order agrees. Its members are ``Group.loose`` too (figures in
    ``srccompare.align``'s docstring)."""
    anchor_similarity: float = 0.10
    """Lowest TF-IDF similarity at which the anchor pass pairs two passages."""
    vote_align: bool = False
    """Run the alignment's vote pass (``srccompare.align._vote_pairs``): a passage still alone joins
    the group its best matches in at least two other sources share (as ``Group.loose``). Off: the
    checks do not yet turn what it aligns into findings (figures in ``srccompare.align``'s
    docstring)."""
    char_ngram_min: int = 3
    char_ngram_max: int = 5
    n_features: int = 2**20
    """Hashed feature space per analyzer (words, characters)."""

    # Reading (srccompare.sources)
    legacy_encoding: str = "cp1252"
    """The 8-bit code page assumed for a file that is not UTF-8 or UTF-16 and not clearly in a
    non-Western legacy encoding (e.g. cp1250 for Central European, iso-8859-15). A file's own
    sidecar (``encoding: ...`` in ``NAME.meta.json``/``.yaml``) overrides it for that file."""

    # Checks (srccompare.checks)
    min_confidence: float = 0.5
    """Flags whose check gives them less confidence than this are not reported (the check's own
    confidence, before calibration)."""
    calibrate: bool = True
    """Report each flag's confidence as the share of flags of its kind that were right at that
    confidence on the development stories (``srccompare.calibration``); off only to fit that map."""

    # Report (srccompare.report)
    pdf_max_groups: int = 40
    """Discrepancy groups shown in the PDF; the rest are counted there and listed in HTML/JSON."""
    pdf_max_flags_per_source: int = 25
    """Flags listed on each source's page of the PDF."""
    pdf_max_source_pages: int = 60
    """Sources that get a page of their own in the PDF (best and worst first)."""

    # Rerun (srccompare.cache)
    cache: bool = True
    """Reuse per-source work (reading, segmentation, vectors) from earlier runs, keyed by content."""

    def as_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    def fingerprint(self) -> str:
        """A short digest of every setting that changes analysis results (for cache keys)."""
        import hashlib
        import json

        payload = {k: v for k, v in self.as_dict().items() if not k.startswith("pdf_") and k != "cache"}
        return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()[:16]


def _coerce(name: str, raw: Any, typ: type, origin: str) -> Any:
    try:
        if typ is bool:
            if isinstance(raw, bool):
                return raw
            text = str(raw).strip().lower()
            if text in {"1", "true", "yes", "on"}:
                return True
            if text in {"0", "false", "no", "off"}:
                return False
            raise ValueError(raw)
        if typ is int:
            if isinstance(raw, bool):
                raise ValueError(raw)
            return int(raw)
        if typ is float:
            return float(raw)
        return typ(raw)
    except (TypeError, ValueError):
        raise SrcCompareError(f"{origin}: setting '{name}' must be a {typ.__name__}, got {raw!r}") from None


_TYPES = {f.name: {"float": float, "int": int, "bool": bool, "str": str}[str(f.type)] for f in fields(Settings)}


def load_settings(
    *,
    config: Path | None = None,
    environ: Mapping[str, str] | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> Settings:
    """Resolve settings: defaults < config file < environment < ``overrides`` (command-line flags).

    ``overrides`` values that are ``None`` are ignored (a flag the user did not give).
    """
    values: dict[str, Any] = {}
    origins: dict[str, str] = {}  # where each value came from, for error messages
    path = config if config is not None else Path(CONFIG_FILE)
    if config is not None and not path.is_file():
        raise SrcCompareError(f"{path}: config file not found")
    if path.is_file():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise SrcCompareError(f"{path}: not valid TOML ({exc}); fix or remove it") from None
        table = data.get("srccompare", {})
        if not isinstance(table, dict):
            raise SrcCompareError(f"{path}: [srccompare] must be a table")
        for key, raw in table.items():
            name = key.replace("-", "_")
            if name not in _TYPES:
                raise SrcCompareError(f"{path}: unknown setting '{key}'")
            values[name] = _coerce(name, raw, _TYPES[name], str(path))
            origins[name] = f"{path}: setting '{key}'"
    env = os.environ if environ is None else environ
    for name, typ in _TYPES.items():
        key = ENV_PREFIX + name.upper()
        if key in env:
            values[name] = _coerce(name, env[key], typ, f"environment {key}")
            origins[name] = f"environment {key}"
    for name, raw in (overrides or {}).items():
        if raw is None:
            continue
        if name not in _TYPES:
            raise SrcCompareError(f"unknown setting '{name}'")
        values[name] = _coerce(name, raw, _TYPES[name], f"option --{name.replace('_', '-')}")
        origins[name] = f"option --{name.replace('_', '-')}"
    if "legacy_encoding" in values:
        values["legacy_encoding"] = _codec_name(values["legacy_encoding"], origins["legacy_encoding"])
    return Settings(**values)


def _codec_name(name: str, origin: str) -> str:
    """The canonical name of the 8-bit code page ``name`` given by ``origin`` (a config file's
    setting, an environment variable or an option); ``InputError`` naming ``origin`` for anything
    else."""
    return text_codec(name, where=origin, single_byte=True)
