"""Hand-built stories for the word-level check tests (names, terms, garbles).

``story({"a": text, "b": text, ...})`` splits each text into sentences (one passage each, line
breaks are passage breaks) and aligns the i-th sentence of every source into group i, unless
``groups`` names the members explicitly as lists of (source, sentence index). It returns a
``CheckContext`` ready for a check's ``run``; nothing here depends on the real reading or
alignment stages, so these tests pin the checks' own behaviour.
"""

from __future__ import annotations

import functools
import hashlib
import re
from typing import Iterable, Mapping, Sequence

from srccompare.checks.base import CheckContext
from srccompare.models import Alignment, Group, Passage, Source, SourceMeta
from srccompare.settings import Settings

_ABBREV_END_RE = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St)|\b[A-Z])\.$")
_SENT_RE = re.compile(r"[^\n]+?(?:[.!?][\"”’)]*(?=\s|$)|$)", re.MULTILINE)


def sentences(text: str) -> list[tuple[int, int]]:
    out = []
    for m in _SENT_RE.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            if out and _ABBREV_END_RE.search(text, 0, out[-1][1]) and text[out[-1][1]:s].strip() == "" \
                    and "\n" not in text[out[-1][1]:s]:
                out[-1] = (out[-1][0], e)  # "Mr." or an initial does not end a sentence
            else:
                out.append((s, e))
    return out


def story(
    texts: Mapping[str, str],
    groups: Sequence[Sequence[tuple[str, int]]] | None = None,
    *,
    languages: Mapping[str, str] | None = None,
    wrapped: Iterable[str] = (),
) -> CheckContext:
    """A check context over ``texts`` (source id -> text), one passage per sentence, grouped by
    ``groups`` or else by position. ``wrapped`` names the sources read as pages wrapped at a fixed
    width (``Source.wrapped``)."""
    wrapped = frozenset(wrapped)
    sources: dict[str, Source] = {}
    passages: dict[str, list[Passage]] = {}
    for sid, text in texts.items():
        meta = SourceMeta(language=(languages or {}).get(sid))
        sources[sid] = Source(id=sid, path=f"{sid}.txt", sha256=hashlib.sha256(text.encode()).hexdigest(),
                              text=text, encoding="utf-8", title=sid, meta=meta, content=((0, len(text)),),
                              wrapped=sid in wrapped)
        passages[sid] = [Passage(id=f"{sid}:{i}", source=sid, index=i, start=s, end=e, text=text[s:e])
                         for i, (s, e) in enumerate(sentences(text))]
    if groups is None:
        n = max(len(ps) for ps in passages.values())
        groups = [[(sid, i) for sid in texts if i < len(passages[sid])] for i in range(n)]
    built: list[Group] = []
    grouped: set[str] = set()
    for members in groups:
        ps = tuple(passages[s][i] for s, i in members)
        if len({p.source for p in ps}) < 2:
            continue
        grouped.update(p.id for p in ps)
        pairs = tuple((a.id, b.id, 0.5) for k, a in enumerate(ps) for b in ps[k + 1:] if a.source != b.source)
        gid = "g-" + hashlib.sha256("|".join(sorted(p.id for p in ps)).encode()).hexdigest()[:12]
        built.append(Group(id=gid, passages=ps, pairs=pairs, similarity=0.5))
    all_passages = tuple(p for sid in texts for p in passages[sid])
    alignment = Alignment(passages=all_passages, groups=tuple(built),
                          unaligned=tuple(p for p in all_passages if p.id not in grouped))
    return CheckContext(sources=sources, alignment=alignment, settings=Settings(cache=False))


def found(flags: Iterable, source: str | None = None) -> list[tuple[str, str, str]]:
    """(source, text, expected) of each flag, optionally for one source only."""
    return [(f.source, f.text, f.expected) for f in flags if source is None or f.source == source]


def assert_offsets_true(ctx: CheckContext, flags: Iterable) -> None:
    for f in flags:
        assert ctx.sources[f.source].text[f.start:f.end] == f.text
        assert 0.0 <= f.confidence <= 1.0
        for ev in f.evidence:
            assert ctx.sources[ev.source].text[ev.start:ev.end] == ev.text
            assert ev.source != f.source


def reported(check, ctx: CheckContext, kind) -> list:
    """The flags ``check`` reports on ``ctx`` (at or above the reporting floor), after asserting
    they are all of ``kind`` and that every offset points at its text."""
    flags = [f for f in check.run(ctx) if f.confidence >= ctx.settings.min_confidence]
    assert all(f.kind is kind for f in flags)
    assert_offsets_true(ctx, flags)
    return flags


@functools.lru_cache(maxsize=1)
def seeds_analysis():
    """The seed articles through the real pipeline (no cache, no run recorded), computed once per
    test session; the seeds tests of every check read it."""
    from pathlib import Path

    from srccompare.pipeline import analyze

    root = Path(__file__).resolve().parent.parent
    return analyze([root / "seeds"], Settings(cache=False), record_run=False)


def seeds_context() -> CheckContext:
    """A fresh CheckContext over the seeds' analysis (one check's run cannot affect another's)."""
    a = seeds_analysis()
    return CheckContext(sources={s.id: s for s in a.sources}, alignment=a.alignment, settings=a.settings)
