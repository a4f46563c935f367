"""A tiny hand-built story for the quote, number and attribution check tests.

``build({"a": [...], "b": [...]})``: each source is a list of items; an item is one passage (a
string) or one paragraph of several passages (a tuple of strings, joined by a space). Items are
paragraphs, one per line. The i-th item of every source is aligned into group i unless ``groups``
lists the members as (source, item index) pairs. Nothing here uses the real reading or alignment
stages, so the tests pin the checks' own behaviour.
"""

from __future__ import annotations

import dataclasses

import hashlib
from typing import Mapping, Sequence

from srccompare.checks.base import CheckContext
from srccompare.models import Alignment, Group, Passage, Source, SourceMeta
from srccompare.settings import Settings

Item = str | tuple[str, ...]


def build(texts: Mapping[str, Sequence[Item]],
          groups: Sequence[Sequence[tuple[str, int]]] | None = None) -> CheckContext:
    sources: dict[str, Source] = {}
    item_passages: dict[tuple[str, int], list[Passage]] = {}
    all_passages: list[Passage] = []
    for sid, items in texts.items():
        text = ""
        spans: list[tuple[int, list[tuple[int, int]]]] = []
        for k, item in enumerate(items):
            parts = (item,) if isinstance(item, str) else item
            if text:
                text += "\n"
            offs = []
            for j, part in enumerate(parts):
                if j:
                    text += " "
                offs.append((len(text), len(text) + len(part)))
                text += part
            spans.append((k, offs))
        sources[sid] = Source(id=sid, path=f"{sid}.txt", sha256=hashlib.sha256(text.encode()).hexdigest(),
                              text=text, encoding="utf-8", title=sid, meta=SourceMeta(),
                              content=((0, len(text)),))
        index = 0
        for k, offs in spans:
            ps = []
            for s, e in offs:
                ps.append(Passage(id=f"{sid}:{index}", source=sid, index=index, start=s, end=e, text=text[s:e]))
                index += 1
            item_passages[(sid, k)] = ps
            all_passages.extend(ps)
    if groups is None:
        n = max(len(items) for items in texts.values())
        groups = [[(sid, i) for sid in texts if i < len(texts[sid])] for i in range(n)]
    built: list[Group] = []
    grouped: set[str] = set()
    for members in groups:
        ps = [p for m in members for p in item_passages[m]]
        if len({p.source for p in ps}) < 2:
            continue
        gid = "g-" + hashlib.sha256("|".join(sorted(p.id for p in ps)).encode()).hexdigest()[:12]
        pairs = tuple((a.id, b.id, 0.5) for i, a in enumerate(ps) for b in ps[i + 1:] if a.source != b.source)
        built.append(Group(id=gid, passages=tuple(ps), pairs=pairs, similarity=0.5))
        grouped.update(p.id for p in ps)
    alignment = Alignment(passages=tuple(all_passages), groups=tuple(built),
                          unaligned=tuple(p for p in all_passages if p.id not in grouped))
    return CheckContext(sources=sources, alignment=alignment, settings=Settings(cache=False))


def check_offsets(ctx: CheckContext, flags) -> None:
    """Every flag and evidence span cuts its text from its source."""
    for f in flags:
        assert ctx.sources[f.source].text[f.start:f.end] == f.text
        assert f.evidence, f
        for e in f.evidence:
            assert ctx.sources[e.source].text[e.start:e.end] == e.text
        assert 0.0 <= f.confidence <= 1.0


def run_check(check, texts: Mapping[str, Sequence[Item]], groups=None):
    """Build the story (``build``), run one check on it and check every span it cuts
    (``check_offsets``); returns (context, flags)."""
    ctx = build(texts, groups)
    flags = list(check.run(ctx))
    check_offsets(ctx, flags)
    return ctx, flags


def flag_texts(check, ctx: CheckContext, kind) -> list[tuple[str, str]]:
    """(source, text) of every flag ``check`` raises on ``ctx``, after asserting each is of ``kind``
    and cuts its spans from its sources (``check_offsets``)."""
    flags = list(check.run(ctx))
    check_offsets(ctx, flags)
    assert all(f.kind is kind for f in flags)
    return [(f.source, f.text) for f in flags]


def flagged(ctx: CheckContext, flags, source: str) -> list[str]:
    """The words each flag of ``source`` marks, in the order of ``flags``."""
    return [ctx.sources[f.source].text[f.start:f.end] for f in flags if f.source == source]


def loosely(ctx: CheckContext, *passage_ids: str) -> CheckContext:
    """The same story with ``passage_ids`` marked as loose members of their groups (as the
    alignment's gap and anchor passes mark the paraphrases they add)."""
    groups = tuple(dataclasses.replace(g, loose=tuple(p.id for p in g.passages if p.id in passage_ids))
                   for g in ctx.alignment.groups)
    return dataclasses.replace(ctx, alignment=dataclasses.replace(ctx.alignment, groups=groups))
