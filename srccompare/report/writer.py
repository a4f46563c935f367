"""Write report.pdf, report.html and report.json: all rendered first, then each saved atomically.

Every requested format is rendered in memory before anything touches the output folder, so a
failure in any renderer leaves the folder as it was. Each file is then written to a temporary file
in the same folder and renamed over the target (``os.replace``), so a reader never sees half a file.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Sequence

from srccompare.errors import RenderError
from srccompare.report import jsonreport, pdf, render
from srccompare.report.view import Limits, build_view

if TYPE_CHECKING:
    from srccompare.pipeline import Analysis

FORMATS = ("pdf", "html", "json")
FILE_NAMES = {"pdf": "report.pdf", "html": "report.html", "json": "report.json"}


def _render_html(analysis: Analysis, templates: Path | None) -> bytes:
    return render.render_html(build_view(analysis, Limits.unbounded()), templates=templates).encode("utf-8")


def _render_pdf(analysis: Analysis, templates: Path | None) -> bytes:
    return pdf.report_pdf(analysis, templates=templates).data


def _render_json(analysis: Analysis, templates: Path | None) -> bytes:
    return jsonreport.dumps(analysis).encode("utf-8")


RENDERERS: dict[str, Callable[[Analysis, Path | None], bytes]] = {
    "json": _render_json,
    "html": _render_html,
    "pdf": _render_pdf,
}


def _atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def write_reports(
    analysis: Analysis,
    out_dir: Path,
    formats: Sequence[str],
    *,
    templates: Path | None = None,
) -> list[Path]:
    """Render ``formats`` (any of ``FORMATS``) for ``analysis`` and write them into ``out_dir``.

    Returns the written paths in ``FORMATS`` order. Raises ``RenderError`` (one line) when a format
    is unknown, a renderer fails, or the folder cannot be written; when rendering fails nothing is
    written at all.
    """
    wanted = []
    for fmt in formats:
        f = fmt.strip().lower()
        if f not in FORMATS:
            raise RenderError(f"unknown report format '{fmt}'; choose from {', '.join(FORMATS)}")
        if f not in wanted:
            wanted.append(f)
    wanted.sort(key=FORMATS.index)

    rendered: dict[str, bytes] = {}
    for fmt in wanted:
        try:
            rendered[fmt] = RENDERERS[fmt](analysis, templates)
        except RenderError:
            raise
        except Exception as exc:  # a renderer bug must still reach the user as one line, nothing written
            raise RenderError(f"could not render the {fmt.upper()} report: {type(exc).__name__}: {exc}") from None

    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        written = []
        for fmt in wanted:
            path = out_dir / FILE_NAMES[fmt]
            _atomic_write(path, rendered[fmt])
            written.append(path)
    except OSError as exc:
        raise RenderError(f"{out_dir}: cannot write the reports ({exc.strerror or exc}); "
                          "choose another --output-dir or free some space") from None
    return written
