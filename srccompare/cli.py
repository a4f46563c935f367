"""The command line: a thin layer over ``srccompare.pipeline`` and ``srccompare.report``.

Every error the user can fix arrives here as a ``SrcCompareError`` and leaves as one line on
stderr with exit status 1; usage errors exit 2 (click's convention); nothing prints a traceback
unless ``--debug`` is given.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Sequence

import click

from srccompare import __version__
from srccompare.errors import EXIT_ERROR, EXIT_OK, EXIT_USAGE, SrcCompareError

DEFAULT_SOURCES = Path("seeds")
DEFAULT_OUTPUT = Path("reports")
FORMATS = ("pdf", "html", "json")

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def _formats(ctx: click.Context, param: click.Parameter, values: Sequence[str]) -> tuple[str, ...]:
    """``--format pdf,html --format json`` -> ("pdf", "html", "json"); all three when none given."""
    chosen: list[str] = []
    for value in values:
        for item in value.split(","):
            item = item.strip().lower()
            if not item:
                continue
            if item not in FORMATS:
                raise click.BadParameter(f"'{item}' is not one of {', '.join(FORMATS)}")
            if item not in chosen:
                chosen.append(item)
    return tuple(chosen) or FORMATS


def _echo_err(message: str) -> None:
    click.echo(message, err=True)


@click.group(context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, "--version", prog_name="srccompare")
@click.option("--debug", is_flag=True, help="Show a traceback for unexpected errors (for bug reports).")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Compare several articles on one story and tell which renderings to trust.

    srccompare reads the sources (one .txt, .md or .html file each), aligns their passages with
    TF-IDF, flags garbled or inconsistent renderings (names, terms, quotes, numbers, dates,
    attributions, garbled text) with the other sources' wording as evidence, scores every
    source's reliability, and writes a PDF, HTML and JSON report.

    \b
    Examples:
      srccompare report                      # sources in seeds/, report in reports/
      srccompare report articles/ -o out/ --format pdf,json
      srccompare review list --sources articles/
      srccompare review dismiss f-3a9c --note "house style" --sources articles/
      srccompare add new-article.txt --to articles/ --outlet "Daily Planet"
    """
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


@cli.command("report", context_settings=CONTEXT_SETTINGS)
@click.argument("sources", nargs=-1, type=click.Path(path_type=Path))
@click.option("-o", "--output-dir", type=click.Path(file_okay=False, path_type=Path), default=DEFAULT_OUTPUT,
              show_default=True, help="Folder for report.pdf, report.html and report.json (created if missing).")
@click.option("-f", "--format", "formats", multiple=True, callback=_formats, metavar="FMT[,FMT...]",
              help="Formats to write: pdf, html, json (comma-separated or repeated). Default: all three.")
@click.option("--config", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Settings file (TOML, [srccompare] table). Default: ./srccompare.toml if present.")
@click.option("--templates", type=click.Path(file_okay=False, exists=True, path_type=Path), default=None,
              help="Folder of your own templates; a file there overrides the built-in one of the same name.")
@click.option("--min-similarity", type=click.FloatRange(0.0, 1.0), default=None,
              help="TF-IDF cosine similarity two passages need to be aligned (default 0.30).")
@click.option("--min-confidence", type=click.FloatRange(0.0, 1.0), default=None,
              help="Leave out flags their check is less confident of than this (its raw confidence, before calibration; default 0.5).")
@click.option("--legacy-encoding", default=None, metavar="CODEPAGE",
              help="8-bit code page of files that are not UTF-8/UTF-16 (default cp1252; e.g. cp1250). "
                   "One file's own: 'encoding' in its NAME.meta.json.")
@click.option("--no-cache", is_flag=True, help="Redo all work instead of reusing unchanged sources' results.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
@click.pass_context
def report_cmd(
    ctx: click.Context,
    sources: tuple[Path, ...],
    output_dir: Path,
    formats: tuple[str, ...],
    config: Path | None,
    templates: Path | None,
    min_similarity: float | None,
    min_confidence: float | None,
    legacy_encoding: str | None,
    no_cache: bool,
    quiet: bool,
) -> None:
    """Analyse the sources and write the report.

    SOURCES are article files and/or folders of them (a folder contributes its .txt, .md and .html
    files; not recursive; dot-files ignored). Default: seeds/. Review decisions and the state of
    the last run are read from the first folder given (or the first file's folder).

    \b
    Examples:
      srccompare report
      srccompare report articles/ extra/late-story.html -o out/
      srccompare report articles/ --format json -q
    """
    from srccompare.pipeline import analyze
    from srccompare.report.writer import write_reports
    from srccompare.settings import load_settings

    settings = load_settings(
        config=config,
        overrides={
            "min_similarity": min_similarity,
            "min_confidence": min_confidence,
            "legacy_encoding": legacy_encoding,
            "cache": False if no_cache else None,
        },
    )
    paths = list(sources) or [DEFAULT_SOURCES]
    say = (lambda _m: None) if quiet else (lambda m: _echo_err(f"srccompare: {m}"))
    analysis = analyze(paths, settings, progress=say)
    for problem in analysis.problems:
        _echo_err(f"srccompare: warning: {problem.warning()}")
    written = write_reports(analysis, output_dir, formats, templates=templates)
    if not quiet:
        click.echo(summary(analysis, written))


def summary(analysis, written: Sequence[Path]) -> str:
    """The few lines printed after a report: ranking, flags, what changed, files written."""
    from collections import Counter

    lines = []
    by_source = {s.id: s for s in analysis.sources}
    lines.append(f"{len(analysis.sources)} sources, {len(analysis.alignment.groups)} aligned groups, "
                 f"{len(analysis.flags)} flags")
    for sc in analysis.scoring.scores[:10]:
        counts = dict(sc.flag_counts)
        lo, hi = sc.interval
        lines.append(f"  {sc.rank:>3}. {sc.source:<28} {sc.score:5.1f}  [{lo:.0f}-{hi:.0f}]  "
                     f"high {counts.get('high', 0)}, medium {counts.get('medium', 0)}, low {counts.get('low', 0)}"
                     f"  {by_source[sc.source].title[:40]}")
    if len(analysis.scoring.scores) > 10:
        lines.append(f"  ... and {len(analysis.scoring.scores) - 10} more sources")
    statuses = Counter(f.review.status.value for f in analysis.flags)
    if statuses.get("confirmed") or statuses.get("dismissed"):
        lines.append(f"review: {statuses.get('open', 0)} open, {statuses.get('confirmed', 0)} confirmed, "
                     f"{statuses.get('dismissed', 0)} dismissed")
    if analysis.orphaned:
        lines.append(f"review: {len(analysis.orphaned)} decision(s) whose flag no longer exists "
                     "(kept in the review file, listed in the report)")
    ch = analysis.changes
    if ch.previous_run:
        parts = []
        if ch.new_sources:
            parts.append(f"{len(ch.new_sources)} new source(s): {', '.join(ch.new_sources[:5])}")
        if ch.removed_sources:
            parts.append(f"{len(ch.removed_sources)} removed: {', '.join(ch.removed_sources[:5])}")
        if ch.new_flags:
            parts.append(f"{len(ch.new_flags)} new flag(s)")
        if ch.resolved_flags:
            parts.append(f"{len(ch.resolved_flags)} resolved flag(s)")
        if ch.moved_scores:
            moves = ", ".join(f"{m.source} {m.before:.1f}->{m.after:.1f}" for m in ch.moved_scores[:5])
            parts.append(f"scores moved: {moves}")
        lines.append("since the last run: " + ("; ".join(parts) if parts else "nothing changed"))
    for path in written:
        lines.append(f"wrote {path}")
    return "\n".join(lines)


def _register_optional_commands() -> None:
    """Commands that live in their own modules (review decisions, adding sources)."""
    from srccompare.cli_review import add, review

    cli.add_command(review)
    cli.add_command(add)


_register_optional_commands()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; return the exit status instead of calling ``sys.exit`` (tests call this)."""
    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args
    try:
        status = cli.main(args=args, prog_name="srccompare", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.exceptions.Abort:
        _echo_err("srccompare: aborted")
        return EXIT_ERROR
    except click.ClickException as exc:
        exc.show()
        return EXIT_USAGE if isinstance(exc, click.UsageError) else EXIT_ERROR
    except SrcCompareError as exc:
        _echo_err(f"srccompare: error: {exc}")
        return EXIT_ERROR
    except OSError as exc:  # a disk or permission problem the user can fix
        where = f" {exc.filename}" if exc.filename else ""
        _echo_err(f"srccompare: error: cannot access{where}: {exc.strerror or exc}")
        return EXIT_ERROR
    except KeyboardInterrupt:
        _echo_err("srccompare: interrupted; nothing was written")
        return 130
    except Exception as exc:  # a bug: say so in one line, keep the traceback for --debug
        if debug:
            raise
        _echo_err(f"srccompare: internal error: {type(exc).__name__}: {exc} (rerun with --debug for details)")
        return EXIT_ERROR
    return status if isinstance(status, int) else EXIT_OK
