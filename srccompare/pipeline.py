"""The chain of stages, as one Python API: ``analyze(paths, settings) -> Analysis``.

Sources -> passages -> alignment -> flags -> reviews applied -> scores -> changes since last run.
Each arrow is one function in one module; this module only wires them and times them. The CLI is a
thin layer over this; so are the report writers.
"""

from __future__ import annotations

import functools
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator, Sequence

from srccompare import align as align_stage
from srccompare import calibration, review, scoring, segment
from srccompare import sources as sources_stage
from srccompare.cache import Cache
from srccompare.checks import CheckContext, copies, run_checks
from srccompare.errors import InputError
from srccompare.models import Alignment, Changes, Flag, OrphanedReview, ReadProblem, ScoreResult, Source
from srccompare.settings import Settings

Progress = Callable[[str], None]


@dataclass(frozen=True)
class Analysis:
    """Everything one run concluded; the report writers read only this.

    ``home`` is the folder whose review decisions and run state were used (the first folder given,
    else the first file's folder). ``timings`` are (stage, seconds): volatile, never in report.json.
    """

    home: Path
    sources: tuple[Source, ...]
    problems: tuple[ReadProblem, ...]
    alignment: Alignment
    flags: tuple[Flag, ...]
    scoring: ScoreResult
    settings: Settings
    changes: Changes
    orphaned: tuple[OrphanedReview, ...]
    timings: tuple[tuple[str, float], ...]
    copied_passages: tuple[tuple[str, str], ...] = ()
    """(copy passage id, passage id it copies): passages printed word for word by a source copying
    another, which the checks counted as one witness and whose flags are the copied passage's
    (``srccompare.checks.copies``). In the copies' (source, index) order."""

    def source(self, source_id: str) -> Source:
        for s in self.sources:
            if s.id == source_id:
                return s
        raise KeyError(source_id)


def home_folder(paths: Sequence[Path]) -> Path:
    """The folder a run's review decisions and state belong to: the first folder given, else the
    first file's folder."""
    for p in paths:
        if p.is_dir():
            return p
    return paths[0].parent if paths else Path("seeds")


def analyze(
    paths: Sequence[Path],
    settings: Settings,
    *,
    progress: Progress | None = None,
    record_run: bool = True,
) -> Analysis:
    """Read, segment, align, check, apply review decisions, score, and compare with the last run.

    Raises ``InputError`` when fewer than two usable sources remain; files that could not be used
    are listed in ``problems`` and the run goes on with the rest. With ``record_run`` the run's
    summary is saved in the home folder so the next run can say what changed.
    """
    timings: list[tuple[str, float]] = []
    say = progress or (lambda _msg: None)

    @contextmanager
    def stage(name: str) -> Iterator[None]:
        t0 = time.perf_counter()
        yield
        timings.append((name, round(time.perf_counter() - t0, 4)))

    home = home_folder(paths)
    cache = Cache(home, settings)

    with stage("read"):
        files, problems = sources_stage.collect(paths)
        reader = functools.partial(sources_stage.read_source, legacy_encoding=settings.legacy_encoding)
        read, read_problems = cache.read_sources(files, reader)
        problems = problems + read_problems
        read, dup_problems = sources_stage.drop_duplicates(read)
        problems = problems + dup_problems
    if len(read) < 2:
        detail = f" ({len(problems)} file(s) could not be used)" if problems else ""
        raise InputError(
            f"need at least two usable sources, found {len(read)}{detail}; "
            "add article files (.txt, .md, .html) to the folder or name them on the command line"
        )
    say(f"read {len(read)} sources")

    with stage("segment"):
        passages = {s.id: cache.passages(s, segment.segment) for s in read}
    with stage("align"):
        counts = {s.id: cache.counts(s, passages[s.id], align_stage.count_vectors) for s in read}
        alignment = align_stage.align(read, passages, settings, counts=counts)
    say(f"aligned {len(alignment.passages)} passages into {len(alignment.groups)} groups")

    with stage("check"):
        ctx = CheckContext(sources={s.id: s for s in read}, alignment=alignment, settings=settings)
        flags = run_checks(ctx)
        if settings.calibrate:
            flags = calibration.calibrate(flags)
        folded = copies.fold_of(ctx)
        copied = folded.copy_of
    with stage("review"):
        ledger = review.load(home)
        flags, orphaned = review.apply(flags, ledger)
    say(f"flagged {len(flags)} discrepancies")

    with stage("score"):
        scored = scoring.score(read, alignment, flags, settings, copied, near=folded.near)
    with stage("changes"):
        changes = cache.compare_with_last_run(read, flags, scored, record=record_run)
    cache.save()

    return Analysis(
        home=home,
        sources=tuple(read),
        problems=tuple(problems),
        alignment=alignment,
        flags=flags,
        scoring=scored,
        settings=settings,
        changes=changes,
        orphaned=orphaned,
        timings=tuple(timings),
        copied_passages=copied,
    )
