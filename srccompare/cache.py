"""PLACEHOLDER pass-through cache being written in this session; replaced before landing."""

from __future__ import annotations

from pathlib import Path

from srccompare.errors import InputError
from srccompare.models import Changes, ReadProblem


class Cache:
    def __init__(self, home: Path, settings) -> None:
        self.home = home
        self.settings = settings

    def read_sources(self, files, reader):
        out, problems = [], []
        for f in files:
            try:
                out.append(reader(f))
            except InputError as exc:
                problems.append(ReadProblem(path=str(f), message=str(exc)))
        return out, tuple(problems)

    def passages(self, source, segmenter):
        return segmenter(source)

    def counts(self, source, passages, vectorizer):
        return vectorizer(passages, self.settings)

    def compare_with_last_run(self, sources, flags, scored, *, record: bool) -> Changes:
        return Changes(False, (), (), (), (), ())

    def save(self) -> None:
        return None
