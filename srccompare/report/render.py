"""The one Jinja environment, its filters, and HTML -> PDF with a fetcher that refuses everything.

HTML -> PDF is two steps, ``layout_pdf`` (pages) and ``write_pdf`` (bytes), so that the laid-out
pages can be measured in between (``cover_overflow``: does the cover end on its first page?);
``srccompare.report.pdf`` uses them to keep the cover to one page.

Templates are looked up by ``template_dirs()``: a user's folder first (``templates=``), then the
project's ``report_templates/`` when running from the repository, else the copy installed as the
package ``srccompare.report_templates``. Escaping is on for every template (``autoescape=True``,
not ``select_autoescape``, which turns it off for ``*.j2`` names) and an undefined name is an error.

Article text is untrusted. It reaches the page only as escaped text nodes: never CSS, ``style=``,
``href``, ``src`` or script. As a second wall the PDF renderer gets ``RefusingFetcher``, which
fetches nothing but ``data:`` URLs and follows no redirects, so even markup that slipped through
could not read a local file or touch the network. The report bundles nothing to fetch: CSS is
inline, charts are inline SVG, fonts are system fonts.
"""

from __future__ import annotations

import functools
import importlib.resources
import logging
from pathlib import Path
from typing import Any, Sequence

import jinja2

from srccompare.errors import RenderError
from srccompare.report.view import ReportView

REPO_TEMPLATES = Path(__file__).resolve().parent.parent.parent / "report_templates"
MAIN_TEMPLATE = "report.html"

_SEVERITY_LABELS = {"high": "High", "medium": "Medium", "low": "Low"}
_STATUS_LABELS = {"open": "Open", "confirmed": "Confirmed", "dismissed": "Dismissed"}


def template_dirs(user: Path | None = None) -> list[Path]:
    """Where templates are looked up, first match wins: ``user``, then the built-in templates."""
    dirs = []
    if user is not None:
        if not user.is_dir():
            raise RenderError(f"{user}: template folder not found; give an existing folder or leave it out")
        dirs.append(user)
    if (REPO_TEMPLATES / MAIN_TEMPLATE).is_file():
        dirs.append(REPO_TEMPLATES)
    else:
        # Installed from a wheel: pyproject maps report_templates/ to srccompare/report_templates/,
        # a folder without __init__.py. Resolve it from the regular package ``srccompare``, because
        # files() of a namespace package is a MultiplexedPath that is not a usable folder name.
        installed = importlib.resources.files("srccompare") / "report_templates"
        if not installed.is_dir():
            raise RenderError("the report templates are missing from this installation; reinstall srccompare")
        dirs.append(Path(str(installed)))
    return dirs


# --- filters: numbers to text; they never see markup ---------------------------------------------


def fmt_score(value: float | None) -> str:
    """A 0-100 score with one decimal ("41.5"); a dash when missing."""
    return "–" if value is None else f"{value:.1f}"


def fmt_pct(value: float | None) -> str:
    """A value in [0, 1] as a whole percentage ("62%")."""
    return "–" if value is None else f"{round(value * 100):d}%"


def fmt_num(value: int | float) -> str:
    """A count with thousands separators ("12,345")."""
    return f"{value:,}" if isinstance(value, int) else f"{value:,.2f}"


def fmt_signed(value: float) -> str:
    """A change with its sign ("+6.5", "−2.0")."""
    return f"+{value:.1f}" if value > 0 else f"−{abs(value):.1f}" if value < 0 else "±0.0"


def fmt_interval(interval: Sequence[float] | None) -> str:
    return "–" if not interval else f"{interval[0]:.0f}–{interval[1]:.0f}"


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """``3 sources``, ``1 source``."""
    return f"{count:,} {singular if count == 1 else (plural_form or singular + 's')}"


def short_hash(value: str) -> str:
    return value[:12]


def kind_partial(kind: str) -> str:
    """The template name of a kind's partial; ``kind`` is a ``Kind`` value (our vocabulary)."""
    return f"partials/kind_{kind}.html"


FILTERS = {
    "score": fmt_score,
    "pct": fmt_pct,
    "num": fmt_num,
    "signed": fmt_signed,
    "interval": fmt_interval,
    "plural": plural,
    "short_hash": short_hash,
    "severity_label": lambda s: _SEVERITY_LABELS.get(s, s),
    "status_label": lambda s: _STATUS_LABELS.get(s, s),
}


def environment(templates: Path | None = None) -> jinja2.Environment:
    """The Jinja environment for one render: user templates first, escaping on, strict undefined."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(d) for d in template_dirs(templates)]),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(FILTERS)

    def partial_for(kind: str) -> str:
        # A kind added later without its own partial falls back to the generic one.
        name = kind_partial(kind)
        try:
            env.get_template(name)
        except jinja2.TemplateNotFound:
            return "partials/kind_default.html"
        return name

    env.globals["kind_partial"] = partial_for
    return env


def render_html(view: ReportView, *, templates: Path | None = None) -> str:
    """The report as one self-contained HTML document (inline CSS and SVG, nothing to fetch)."""
    env = environment(templates)
    try:
        return env.get_template(MAIN_TEMPLATE).render(view=view)
    except jinja2.TemplateError as exc:
        where = f" (template {exc.name})" if getattr(exc, "name", None) else ""
        raise RenderError(f"report template error{where}: {exc}; fix the template or remove --templates") from None


# --- PDF ----------------------------------------------------------------------------------------


@functools.cache
def refusing_fetcher_class() -> type:
    """The ``RefusingFetcher`` class, defined on first use (WeasyPrint takes ~0.7 s to import, and a
    JSON-only run should not pay for it)."""
    from weasyprint.urls import URLFetcher

    class RefusingFetcher(URLFetcher):
        """A WeasyPrint fetcher that serves ``data:`` URLs and refuses everything else.

        ``file:`` is refused too: nothing in the report is bundled as a file, and a ``file:`` URL
        from article text could read a local file (or ``/dev/zero``, which WeasyPrint's timeout does
        not cover). Redirects are off so an allowed URL cannot bounce elsewhere. ``refused`` lists
        what was asked for and refused; ``calls`` counts every request.
        """

        def __init__(self) -> None:
            super().__init__(timeout=5, allowed_protocols=("data",), allow_redirects=False, fail_on_errors=False)
            self.refused: list[str] = []
            self.calls = 0

        def fetch(self, url: str, headers: Any = None) -> Any:
            self.calls += 1
            if url[:5].lower() != "data:":
                self.refused.append(url)
                raise ValueError("srccompare reports fetch nothing but data: URLs")
            return super().fetch(url, headers)

    return RefusingFetcher


def make_fetcher() -> Any:
    """A fresh ``RefusingFetcher`` (a factory, so tests can swap in an instrumented one)."""
    return refusing_fetcher_class()()


def _weasyprint() -> Any:
    try:
        import weasyprint
    except ImportError as exc:  # pragma: no cover
        raise RenderError(f"cannot write PDF: WeasyPrint is not installed ({exc}); install srccompare's dependencies") from None
    return weasyprint


def _failed(exc: Exception) -> RenderError:
    # WeasyPrint raises many types; the user needs one line.
    logging.getLogger(__name__).debug("PDF rendering failed", exc_info=True)
    return RenderError(f"could not render the PDF report: {type(exc).__name__}: {exc}")


def layout_pdf(html: str, *, fetcher: Any = None) -> Any:
    """``html`` laid out in pages: a WeasyPrint ``Document``, to measure (``cover_overflow``) and
    then write (``write_pdf``).

    ``base_url`` is a ``data:`` URL, so relative references resolve to nothing fetchable, and the
    fetcher (``make_fetcher()`` unless given) refuses every URL but ``data:``. The document keeps
    that fetcher for writing. WeasyPrint's warnings (fonts, refused URLs) go to its logger.
    """
    weasyprint = _weasyprint()
    fetcher = fetcher if fetcher is not None else make_fetcher()
    try:
        return weasyprint.HTML(string=html, base_url="data:,", url_fetcher=fetcher).render()
    except Exception as exc:
        raise _failed(exc) from None


def write_pdf(document: Any) -> bytes:
    """The PDF bytes of a laid-out ``document``. Deterministic when ``SOURCE_DATE_EPOCH`` is set."""
    try:
        return document.write_pdf(uncompressed_pdf=False)
    except Exception as exc:
        raise _failed(exc) from None


def render_pdf(html: str, *, fetcher: Any = None) -> bytes:
    """The PDF of ``html`` (from ``render_html``), laid out once as it comes: ``layout_pdf`` then
    ``write_pdf``. The report itself goes through ``srccompare.report.pdf``, which also measures."""
    return write_pdf(layout_pdf(html, fetcher=fetcher))


# The element report.html places at the end of the cover, and the CSS pixel in points.
COVER_END_ID = "cover-end"
_PT_PER_PX = 0.75


def cover_overflow(document: Any) -> float | None:
    """How far past the first page the cover of a laid-out ``document`` runs, in points.

    The cover ends where the element ``#cover-end`` is laid out. 0.0 when that is on the first page;
    else the height of cover on the pages after it, down to the element (a cover that ran two pages
    over counts a whole page for the middle one). ``None`` when the template has no such element:
    nothing to measure.

    The top and height of a page's text area come from WeasyPrint's page box (``_page_box``, not a
    public attribute); without it the overflow is reported as 1 pt, which still says "spilled" and
    makes the caller step down one layout at a time.
    """
    for index, page in enumerate(document.pages):
        where = page.anchors.get(COVER_END_ID)
        if where is None:
            continue
        if index == 0:
            return 0.0
        box = getattr(page, "_page_box", None)
        try:
            top, body = box.content_box_y(), box.height
        except AttributeError:
            return 1.0
        return max(1.0, ((index - 1) * body + where[1] - top) * _PT_PER_PX)
    return None
