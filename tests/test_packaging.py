"""Every package of srccompare is listed in pyproject.toml, so a plain ``pip install .`` ships it.

The editable install the Makefile makes finds modules in the tree whatever the list says; a wheel
holds only the packages listed. ``srccompare.checks.terms`` was missing from the list, and a
non-editable install failed on its first import.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_package_is_listed() -> None:
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "srccompare").rglob("__init__.py")}
    assert found <= listed, sorted(found - listed)
