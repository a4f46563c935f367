"""``srccompare review ...`` and ``srccompare add``: the commands that change a sources folder.

A thin layer over ``srccompare.review`` (decisions), ``srccompare.pipeline`` (to know the flags) and
``srccompare.sources`` (to check a file before adding it). Errors are raised as
``SrcCompareError``; ``srccompare.cli.main`` turns them into one line and exit status 1.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
import shutil
from collections import Counter
from dataclasses import dataclass
from datetime import date as _date
from glob import escape as glob_escape
from pathlib import Path
from typing import Callable, Sequence

import click

from srccompare import review as review_mod
from srccompare.cache import atomic_write
from srccompare.codecname import text_codec
from srccompare.errors import InputError, SrcCompareError
from srccompare.models import Flag, Kind, OrphanedReview, ReviewStatus, Severity, Source

DEFAULT_SOURCES = Path("seeds")
CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
META_SUFFIX = ".meta.json"

_SPACE_RE = re.compile(r"\s+")
_LANGUAGE_RE = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")
_URL_RE = re.compile(r"^https?://\S+$")


# --------------------------------------------------------------------------------------------
# Shared pieces
# --------------------------------------------------------------------------------------------


def _sources_option(func: Callable) -> Callable:
    return click.option(
        "--sources", "sources_dir", type=click.Path(file_okay=False, path_type=Path), default=DEFAULT_SOURCES,
        show_default=True, help="The sources folder whose review decisions to read and write.",
    )(func)


def _config_option(func: Callable) -> Callable:
    return click.option(
        "--config", type=click.Path(dir_okay=False, path_type=Path), default=None,
        help="Settings file (TOML, [srccompare] table); use the one the report was made with.",
    )(func)


def _check_folder(folder: Path) -> None:
    if not folder.is_dir():
        what = "is not a folder" if folder.exists() else "no such folder"
        raise InputError(f"{folder}: {what}; give the sources folder with --sources DIR")


@dataclass(frozen=True)
class Current:
    """What the review commands need to know about a sources folder: its flags with the decisions
    applied, the decisions whose flag is gone, and a way to get a source's text."""

    home: Path
    flags: tuple[Flag, ...]
    orphaned: tuple[OrphanedReview, ...]
    source: Callable[[str], Source]


def _current(folder: Path, config: Path | None) -> Current:
    """The flags of a sources folder now, with review decisions applied; nothing is recorded.

    When no file, setting or code changed since the last complete run, the flags are the ones that
    run saved (``Cache.saved_flags``): the same inputs give the same flags, and aligning and
    checking a large set again takes minutes. Otherwise the analysis runs (without recording).
    """
    from srccompare import sources as sources_mod
    from srccompare.cache import Cache
    from srccompare.pipeline import analyze
    from srccompare.settings import load_settings

    _check_folder(folder)
    settings = load_settings(config=config)
    files, problems = sources_mod.collect([folder])
    cache = Cache(folder, settings)
    saved = cache.saved_flags(files)
    if saved is not None:
        raw_flags, read_problems = saved
        flags, orphaned = review_mod.apply(raw_flags, review_mod.load(folder))
        by_id = {sources_mod.source_id(f): f for f in files}

        def source(source_id: str) -> Source:
            path = by_id[source_id]
            return cache.saved_source(path) or sources_mod.read_source(path, legacy_encoding=settings.legacy_encoding)

        current = Current(home=folder, flags=flags, orphaned=orphaned, source=source)
        problems = problems + read_problems
    else:
        analysis = analyze([folder], settings, record_run=False)
        current = Current(home=analysis.home, flags=analysis.flags, orphaned=analysis.orphaned,
                          source=analysis.source)
        problems = analysis.problems
    for problem in problems:
        click.echo(f"srccompare: warning: {problem.warning()}", err=True)
    return current


def _width() -> int:
    return max(40, shutil.get_terminal_size((100, 24)).columns)


def _one_line(text: str | None) -> str:
    return _SPACE_RE.sub(" ", text or "").strip()


def _fit(line: str, width: int) -> str:
    """Cut a line to the terminal width, marking the cut."""
    return line if len(line) <= width else line[: max(1, width - 1)] + "…"


def _quote(text: str | None, limit: int = 60) -> str:
    t = _one_line(text)
    if len(t) > limit:
        t = t[: limit - 1] + "…"
    return f"“{t}”"


def flag_lines(flag: Flag, width: int) -> list[str]:
    """A flag in two lines: id, decision, severity, kind, source (and note); then the flagged text, the
    wording the others agree on, and what they say. Each line is cut to ``width``."""
    status = flag.review.status.value
    note = f" — {_one_line(flag.review.note)}" if flag.review.note else ""
    head = f"{flag.id}  {'[' + status + ']':<11}  {flag.severity.value:<6}  {flag.kind.value:<14}  {flag.source}{note}"
    others = "; ".join(f"{e.source}: {_quote(e.text, 40)}" for e in flag.evidence[:3])
    if len(flag.evidence) > 3:
        others += f"; +{len(flag.evidence) - 3} more"
    body = f"    {_quote(flag.text)} → {_quote(flag.expected)}" + (f"   others: {others}" if others else "")
    return [_fit(head, width), _fit(body, width)]


def _describe(d: review_mod.Decision) -> str:
    snap = d.snapshot
    what = " ".join(x for x in (snap.source, snap.kind, _quote(snap.text) if snap.text else None) if x)
    return f"{d.flag_id} ({what})" if what else d.flag_id


def _echo_orphans(current: Current) -> None:
    if not current.orphaned:
        return
    click.echo(f"{len(current.orphaned)} decision(s) refer to flags that no longer exist "
               f"(kept in {review_mod.review_path(current.home)}; 'srccompare review reopen ID' removes one):")
    width = _width()
    for o in current.orphaned:
        line = f"  {o.flag_id}  [{o.status.value}]  {o.source or '?'}  {_quote(o.text) if o.text else ''}"
        if o.note:
            line += f" — {_one_line(o.note)}"
        click.echo(_fit(line, width))


# --------------------------------------------------------------------------------------------
# srccompare review
# --------------------------------------------------------------------------------------------


@click.group("review", context_settings=CONTEXT_SETTINGS)
def review() -> None:
    """Confirm or dismiss flags; decisions survive reruns.

    Decisions are kept in DIR/srccompare-reviews.json beside the sources (readable JSON, sorted
    by flag id: keep it under version control). A dismissed flag no longer counts against its
    source; the report shows every flag's status and note. A flag id can be shortened to any
    unique prefix, with or without the leading "f-".

    \b
    Examples:
      srccompare review list --sources articles/
      srccompare review confirm f-3a9c f-77b0 --sources articles/
      srccompare review dismiss 3a9c --note "house style" --sources articles/
      srccompare review next --sources articles/
    """


@review.command("list", context_settings=CONTEXT_SETTINGS)
@_sources_option
@click.option("--source", "source_filter", default=None, help="Only this source (its id, or a prefix of it).")
@click.option("--kind", type=click.Choice([k.value for k in Kind]), default=None, help="Only this kind of flag.")
@click.option("--severity", type=click.Choice([s.value for s in Severity]), default=None, help="Only this severity.")
@click.option("--status", type=click.Choice(["open", "confirmed", "dismissed", "all"]), default="open",
              show_default=True, help="Which flags to list, by review status.")
@click.option("--interactive", "-i", is_flag=True, help="Walk the listed open flags one by one (as 'review next').")
@_config_option
def list_cmd(sources_dir: Path, source_filter: str | None, kind: str | None, severity: str | None,
             status: str, interactive: bool, config: Path | None) -> None:
    """List the flags of a sources folder with their review status.

    Each flag takes two lines: id, severity, kind, source, status (and note); then the flagged
    text, the wording the other sources agree on, and what they say at that place.

    \b
    Examples:
      srccompare review list
      srccompare review list --sources articles/ --severity high
      srccompare review list --status all --source 001_
    """
    current = _current(sources_dir, config)
    chosen = _filter(current.flags, source_filter, kind, severity, None if status == "all" else status)
    if interactive:
        _walk(current, [f for f in chosen if f.review.status is ReviewStatus.OPEN])
        return
    width = _width()
    for f in chosen:
        for line in flag_lines(f, width):
            click.echo(line)
    counts = Counter(f.review.status.value for f in current.flags)
    click.echo(f"{len(chosen)} shown; {len(current.flags)} flags: {counts.get('open', 0)} open, "
               f"{counts.get('confirmed', 0)} confirmed, {counts.get('dismissed', 0)} dismissed")
    _echo_orphans(current)


def _filter(flags: Sequence[Flag], source: str | None, kind: str | None, severity: str | None,
            status: str | None) -> list[Flag]:
    out = []
    for f in flags:
        if source and not f.source.startswith(source):
            continue
        if kind and f.kind.value != kind:
            continue
        if severity and f.severity.value != severity:
            continue
        if status and f.review.status.value != status:
            continue
        out.append(f)
    return out


@review.command("confirm", context_settings=CONTEXT_SETTINGS)
@click.argument("ids", nargs=-1, required=True)
@_sources_option
@click.option("--note", default=None, help="Why (kept with the decision, shown in the report).")
@_config_option
def confirm_cmd(ids: tuple[str, ...], sources_dir: Path, note: str | None, config: Path | None) -> None:
    """Confirm flags: the source really is wrong there.

    IDS are flag ids or unique prefixes of them, as 'srccompare review list' shows them.

    \b
    Examples:
      srccompare review confirm f-3a9c12d0e4b1
      srccompare review confirm 3a9c 77b0 --note "checked the transcript" --sources articles/
    """
    _decide(sources_dir, ids, ReviewStatus.CONFIRMED, note, config)


@review.command("dismiss", context_settings=CONTEXT_SETTINGS)
@click.argument("ids", nargs=-1, required=True)
@_sources_option
@click.option("--note", required=True, help="Why the flag is wrong (required: the report shows it).")
@_config_option
def dismiss_cmd(ids: tuple[str, ...], sources_dir: Path, note: str, config: Path | None) -> None:
    """Dismiss flags: not an error (house style, a legitimate variant). They stop counting against the source.

    \b
    Examples:
      srccompare review dismiss f-3a9c --note "house style"
      srccompare review dismiss 3a9c 77b0 --note "both spellings are used" --sources articles/
    """
    if not note.strip():
        raise click.BadParameter("give a reason, e.g. --note \"house style\"", param_hint="--note")
    _decide(sources_dir, ids, ReviewStatus.DISMISSED, note, config)


@review.command("reopen", context_settings=CONTEXT_SETTINGS)
@click.argument("ids", nargs=-1, required=True)
@_sources_option
def reopen_cmd(ids: tuple[str, ...], sources_dir: Path) -> None:
    """Undo decisions: remove them from the review file, so the flags are open again.

    Also the way to drop a decision whose flag no longer exists.

    \b
    Examples:
      srccompare review reopen f-3a9c
      srccompare review reopen 3a9c 77b0 --sources articles/
    """
    _check_folder(sources_dir)
    removed = review_mod.decide(sources_dir, ids, ReviewStatus.OPEN, None, ())
    for d in removed:
        click.echo(f"reopened {_describe(d)}")
    click.echo(f"{len(removed)} decision(s) removed from {review_mod.review_path(sources_dir)}")


def _decide(folder: Path, ids: Sequence[str], status: ReviewStatus, note: str | None, config: Path | None) -> None:
    _check_folder(folder)
    review_mod.load(folder)  # a broken review file: refuse before the (possibly long) analysis
    current = _current(folder, config)
    decided = review_mod.decide(folder, ids, status, note, current.flags)
    for d in decided:
        click.echo(f"{status.value} {_describe(d)}" + (f" — {_one_line(d.note)}" if d.note else ""))
    click.echo(f"{len(decided)} decision(s) saved in {review_mod.review_path(folder)}")


@review.command("next", context_settings=CONTEXT_SETTINGS)
@_sources_option
@click.option("--source", "source_filter", default=None, help="Only this source (its id, or a prefix of it).")
@click.option("--kind", type=click.Choice([k.value for k in Kind]), default=None, help="Only this kind of flag.")
@click.option("--severity", type=click.Choice([s.value for s in Severity]), default=None, help="Only this severity.")
@_config_option
def next_cmd(sources_dir: Path, source_filter: str | None, kind: str | None, severity: str | None,
             config: Path | None) -> None:
    """Walk the open flags one by one: c(onfirm), d(ismiss, asks for a note), s(kip), q(uit).

    Each decision is saved as soon as it is made, so quitting (or Ctrl-C) loses nothing.

    \b
    Examples:
      srccompare review next
      srccompare review next --sources articles/ --severity high
    """
    current = _current(sources_dir, config)
    _walk(current, _filter(current.flags, source_filter, kind, severity, "open"))


def _walk(current: Current, flags: Sequence[Flag]) -> None:
    if not flags:
        click.echo("no open flags to review")
        return
    width = _width()
    done = Counter()
    try:
        for n, f in enumerate(flags, 1):
            click.echo("")
            click.echo(_fit(f"[{n}/{len(flags)}] {f.id}  {f.severity.value}  {f.kind.value}  "
                            f"confidence {f.confidence:.2f}", width))
            for line in _detail_lines(current, f, width):
                click.echo(line)
            answer = click.prompt("c(onfirm), d(ismiss), s(kip), q(uit)",
                                  type=click.Choice(["c", "d", "s", "q"], case_sensitive=False),
                                  show_choices=False).lower()
            if answer == "q":
                break
            if answer == "s":
                done["skipped"] += 1
                continue
            if answer == "c":
                review_mod.decide(current.home, [f.id], ReviewStatus.CONFIRMED, None, current.flags)
                done["confirmed"] += 1
            else:
                note = ""
                while not note.strip():
                    note = click.prompt("note (why it is not an error)", default="", show_default=False)
                review_mod.decide(current.home, [f.id], ReviewStatus.DISMISSED, note, current.flags)
                done["dismissed"] += 1
    except click.Abort:
        click.echo("")  # Ctrl-C or end of input: what was decided is already saved
    click.echo(f"{done['confirmed']} confirmed, {done['dismissed']} dismissed, {done['skipped']} skipped; "
               f"saved in {review_mod.review_path(current.home)}")


def _detail_lines(current: Current, f: Flag, width: int) -> list[str]:
    """A flag with its context in the source and every piece of evidence, for the interactive pass."""
    lines = []
    try:
        src = current.source(f.source)
    except (KeyError, SrcCompareError):
        src = None
    if src is not None:
        left = _one_line(src.text[max(0, f.start - 80):f.start])[-70:]
        right = _one_line(src.text[f.end:f.end + 80])[:70]
        lines.append(_fit(f"  {f.source} ({src.title}):", width))
        lines.append(_fit(f"    …{left} »{_one_line(f.text)}« {right}…", width))
    lines.append(_fit(f"  expected: {_quote(f.expected, 200)}", width))
    lines.append(_fit(f"  {_one_line(f.message)}", width))
    for e in f.evidence[:6]:
        lines.append(_fit(f"    {e.source}: {_quote(e.text, 200)}", width))
    if len(f.evidence) > 6:
        lines.append(f"    … and {len(f.evidence) - 6} more")
    return lines


# --------------------------------------------------------------------------------------------
# srccompare add
# --------------------------------------------------------------------------------------------


@click.command("add", context_settings=CONTEXT_SETTINGS)
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--to", "dest", type=click.Path(file_okay=False, path_type=Path), default=DEFAULT_SOURCES,
              show_default=True, help="The sources folder to copy the files into (created if missing).")
@click.option("--outlet", default=None, help="Who published the article.")
@click.option("--url", default=None, help="Where it was published (one FILE only).")
@click.option("--date", "date_", default=None, help="When it was published, as YYYY-MM-DD.")
@click.option("--title", default=None, help="Its headline (one FILE only).")
@click.option("--language", default=None, help="Its language, as a code such as en, fr or zh-Hant.")
@click.option("--encoding", default=None,
              help="Its text encoding (e.g. cp1250), when detection gets it wrong; kept in the sidecar.")
def add(files: tuple[Path, ...], dest: Path, outlet: str | None, url: str | None, date_: str | None,
        title: str | None, language: str | None, encoding: str | None) -> None:
    """Add article files to a sources folder, refusing duplicates.

    Each FILE is checked the way a report reads it, then copied into the folder; the metadata
    options are written beside it as <name>.meta.json (a sidecar next to the FILE is copied
    along, the options override its values). A file whose content or id (name without extension)
    is already in the folder is refused, and then nothing is added. Rerun 'srccompare report'
    afterwards: earlier review decisions still apply.

    \b
    Examples:
      srccompare add late-story.txt --to articles/ --outlet "Daily Planet" --date 2025-05-08
      srccompare add a.html b.md --to articles/ --language en
      srccompare add ostrava.txt --to articles/ --encoding cp1250
    """
    added = add_sources(files, dest, outlet=outlet, url=url, date=date_, title=title, language=language,
                        encoding=encoding)
    for path in added:
        click.echo(f"added {path}")
    click.echo(f"{len(added)} source(s) added to {dest}; run 'srccompare report {dest}' to compare them")


def add_sources(
    files: Sequence[Path],
    dest: Path,
    *,
    outlet: str | None = None,
    url: str | None = None,
    date: str | None = None,
    title: str | None = None,
    language: str | None = None,
    encoding: str | None = None,
) -> list[Path]:
    """Copy article files into ``dest`` with an optional metadata sidecar; all of them or none.

    Every file is checked first: it must be a readable article (``sources.read_source``), not
    already in ``dest`` by content (sha256) or by id, and not given twice. Then each is written
    atomically; if a later write fails, the files already written are removed again.
    Returns the paths written (articles, then sidecars). Raises ``InputError`` naming the file.
    ``encoding`` forces the files' text encoding and is kept in their sidecars, so reports read
    them the same way.
    """
    from srccompare import sources as sources_mod

    files = [Path(f) for f in files]
    if encoding is not None:
        encoding = text_codec(encoding, where="option --encoding")
    suffixes = {x.lower() for x in sources_mod.SOURCE_SUFFIXES + sources_mod.HTML_SUFFIXES}
    meta = _meta_options(outlet=outlet, url=url, date=date, title=title, language=language)
    if (url or title) and len(files) > 1:
        raise InputError("--url and --title describe one article; add the files one at a time to give them")
    if dest.exists() and not dest.is_dir():
        raise InputError(f"{dest}: is not a folder; give the sources folder with --to DIR")

    existing_ids: dict[str, Path] = {}
    existing_hashes: dict[str, Path] = {}
    if dest.is_dir():
        for entry in sorted(dest.iterdir()):
            if entry.name.startswith(".") or not entry.is_file():
                continue
            if entry.suffix.lower() not in suffixes:
                continue
            existing_ids.setdefault(sources_mod.source_id(entry), entry)
            try:
                existing_hashes.setdefault(hashlib.sha256(entry.read_bytes()).hexdigest(), entry)
            except OSError:
                pass

    plan: list[tuple[Path, bytes, Path, bytes | None]] = []
    for f in files:
        if f.suffix.lower() not in suffixes:
            raise InputError(f"{f}: not a .txt, .md or .html file; save the article as plain text, Markdown or HTML")
        sources_mod.read_source(f, encoding=encoding)  # InputError names the file and what is wrong with it
        data = f.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        sid = sources_mod.source_id(f)
        if digest in existing_hashes:
            raise InputError(f"{f}: same content as {existing_hashes[digest]}, already a source; nothing was added")
        if sid in existing_ids:
            raise InputError(f"{f}: the id '{sid}' is already taken by {existing_ids[sid]} (ids are file names "
                             "without the extension); rename the file; nothing was added")
        stray = sorted(p.name for p in dest.glob(f"{glob_escape(sid)}.meta.*")) if dest.is_dir() else []
        if stray:
            raise InputError(f"{dest / stray[0]}: a metadata file for the id '{sid}' is already in the folder "
                             "without its article; remove it first; nothing was added")
        existing_hashes[digest] = f
        existing_ids[sid] = f
        target = dest / f.name
        sidecar = _sidecar_bytes(f, sources_mod, {**meta, "encoding": encoding} if encoding else meta)
        plan.append((target, data, dest / f"{sid}{META_SUFFIX}", sidecar))

    written: list[Path] = []
    try:
        dest.mkdir(parents=True, exist_ok=True)
        for target, data, meta_path, sidecar in plan:
            atomic_write(target, data)
            written.append(target)
            if sidecar is not None:
                atomic_write(meta_path, sidecar)
                written.append(meta_path)
    except OSError as exc:
        for path in written:
            try:
                path.unlink()
            except OSError:
                pass
        where = exc.filename or dest
        raise InputError(f"{where}: cannot write ({(exc.strerror or str(exc)).lower()}); "
                         "check the folder's permissions; nothing was added") from None
    return written


def _meta_options(**values: str | None) -> dict[str, str]:
    """The metadata options given, checked: text trimmed, date as YYYY-MM-DD, language as a code."""
    meta = {k: v.strip() for k, v in values.items() if v is not None and v.strip()}
    if "date" in meta:
        try:
            meta["date"] = _date.fromisoformat(meta["date"]).isoformat()
        except ValueError:
            raise InputError(f"--date '{meta['date']}': use the form YYYY-MM-DD, e.g. 2025-05-08") from None
    if "language" in meta and not _LANGUAGE_RE.match(meta["language"]):
        raise InputError(f"--language '{meta['language']}': use a language code such as en, fr, pt-BR or zh-Hant")
    if "url" in meta and not _URL_RE.match(meta["url"]):
        raise InputError(f"--url '{meta['url']}': give the full address, starting with http:// or https://")
    return meta


def _sidecar_bytes(f: Path, sources_mod, meta: dict[str, str]) -> bytes | None:
    """The sidecar to write beside the copied file: the file's own sidecar (if any) with the options
    on top, as JSON; ``None`` when there is nothing to say."""
    merged: dict[str, str] = {}
    own = sources_mod.sidecar_path(f)
    if own is not None:
        data = sources_mod.load_sidecar(own)  # InputError names a broken sidecar
        base = sources_mod.meta_from_mapping(data)
        merged.update({k: v for k, v in dataclasses.asdict(base).items() if v})
        own_encoding = sources_mod.sidecar_encoding(data, path=own)
        if own_encoding:
            merged["encoding"] = own_encoding
    merged.update(meta)
    if not merged:
        return None
    order = ("outlet", "title", "url", "date", "language", "encoding")
    ordered = {k: merged[k] for k in order if k in merged}
    return (json.dumps(ordered, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


