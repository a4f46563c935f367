"""Shared fixtures. Helpers for one area belong in that area's test module, not here."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture
def seeds_dir() -> Path:
    """The project's seed articles (read-only: copy them before writing anything beside them)."""
    return SEEDS


@pytest.fixture
def seeds_copy(tmp_path: Path) -> Path:
    """A writable copy of the seed folder."""
    dest = tmp_path / "seeds"
    shutil.copytree(SEEDS, dest)
    return dest
