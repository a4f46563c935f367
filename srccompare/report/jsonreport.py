"""report.json: the analysis as data, for scripts, dashboards and our own quality checks.

``to_dict(analysis)`` returns exactly the keys of the report contract (``/work/shared/report-contract.md``,
schema version 1) plus the extra keys below; ``dumps(analysis)`` serialises it deterministically
(same inputs, same bytes: no dates, no timings, stable order everywhere).

Contract keys: ``schema_version``, ``tool``, ``sources`` (best first), ``groups``, ``flags``.

Extra keys (stable, additive; a reader may ignore them):

``settings``
    The resolved settings the run used (``Settings.as_dict()``), so a report says how it was made.
``sources[].interval``
    ``[low, high]``: the spread of the source's score (see ``srccompare.scoring``).
``sources[].encoding``
    The encoding the file was decoded with.
``sources[].meta``
    ``{"outlet", "title", "url", "date", "language"}`` from front matter or a sidecar file; ``null``
    where unknown.
``sources[].unaligned``
    The source's passages that no other source reports (``{"start", "end", "text"}``, offsets into
    the source text like every other span): details only this outlet gives.
``sources[].note``
    The scorer's short line when the score rests on thin evidence (for instance an uncorroborated
    source), else ``null``.
``sources[].flag_counts``
    (contract key) counts the source's flags that a review has not dismissed, per severity; all
    three severities are always present.
``groups[].pairs``
    ``[{"a", "b", "similarity"}]``: the similarity of each aligned pair of passages (passage ids
    ``"{source}:{index}"``).
``groups[].loose``
    Only on a group that has such members: the passage ids the alignment's order-aware passes added
    (``gap_align``, ``anchor_align``): rewordings placed by their position between aligned passages
    or by shared rare names and figures, below the similarity that aligns passages on wording alone.
    The checks read them as paraphrase witnesses, not as word-for-word counterparts.
``agreement``
    ``[{"a", "b", "value", "shared"}]``: how far two sources agree where they report the same thing
    (``value`` in [0, 1]) and in how many groups both appear.
``near_copies``
    ``[{"a", "b", "similarity"}]``: source pairs so alike that they count as one witness.
``notes``
    Plain sentences a reader must see (for instance that two sources alone cannot tell which is
    wrong).
``problems``
    ``[{"path", "message"}]``: files that were skipped, and why.
``changes``
    What changed since the previous run on the same folder: ``previous_run`` (bool),
    ``new_sources``, ``removed_sources``, ``new_flags``, ``resolved_flags`` (ids),
    ``changed_sources`` (same id, the file changed), and
    ``moved_scores`` (``[{"source", "before", "after"}]``).
``orphaned_reviews``
    ``[{"flag_id", "status", "note", "source", "text"}]``: review decisions whose flag no longer
    exists; kept in the review file and reported, never dropped.

Verbatim reprints (``srccompare.checks.copies``): passages printed word for word by sources that copy
one another count as one witness; the checks read the passage of the smallest source id and carry
its flags over to the copies. The keys below appear only when a run folded such passages, so a
report without reprints is byte for byte what it was before they were recorded; when they appear,
every source has both of its keys.

``copied_passages``
    ``[{"passage", "source", "start", "end", "copy_of": {"passage", "source", "start", "end"}}]``:
    each reprinted passage (id ``"{source}:{index}"`` as in ``groups[].pairs``, offsets into its
    source's text) and the passage it prints again, in (source, passage) order.
``sources[].reprints``
    ``[{"source", "passages"}]``: how many of this source's passages reprint each other source, most
    first (the whole count of its passages is ``passages``).
``sources[].reprinted_by``
    ``[{"source", "passages"}]``: how many of this source's passages each other source reprints.
``flags[].reprint_of``
    On a flag carried over to a reprinted passage only: the id of the source whose passage it
    reprints (the flag is that passage's flag, placed on the copy's words).
``flags[].evidence[].reprint_of``
    On an evidence span in a reprinted passage only: the id of the source it reprints. Such a span
    is no extra witness (the flag's message counts it once); it shows that the copy prints it too.

Volatile fields live in one place, ``tool`` (the version), so golden tests scrub only that.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from srccompare import __version__
from srccompare.models import Flag, Passage, ReviewStatus, Severity, Span
from srccompare.report.reprints import Reprints

if TYPE_CHECKING:
    from srccompare.pipeline import Analysis

SCHEMA_VERSION = 1
TOOL_NAME = "srccompare"

# Rounding keeps the JSON readable; every figure is rounded the same way each run, so it stays
# deterministic. Scores are 0-100, the rest are in [0, 1].
_SCORE_DIGITS = 2
_UNIT_DIGITS = 4


def tool_info() -> dict[str, str]:
    """The volatile part of every report (golden tests scrub ``version``)."""
    return {"name": TOOL_NAME, "version": __version__}


def ranked_source_ids(analysis: Analysis) -> list[str]:
    """Source ids best first: the scoring order, then any source scoring left out (in read order)."""
    ranked = [s.source for s in analysis.scoring.scores]
    known = set(ranked)
    return ranked + [s.id for s in analysis.sources if s.id not in known]


def flag_counts(flags: tuple[Flag, ...] | list[Flag], source_id: str) -> dict[str, int]:
    """Per severity, the source's flags that a review has not dismissed (all severities present)."""
    counts = {sev.value: 0 for sev in Severity}
    for f in flags:
        if f.source == source_id and f.review.status is not ReviewStatus.DISMISSED:
            counts[f.severity.value] += 1
    return counts


def _span(span: Span, reprints: Reprints | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"source": span.source, "start": span.start, "end": span.end, "text": span.text}
    copy = reprints.copy_at(span.source, span.start) if reprints else None
    if copy is not None:
        out["reprint_of"] = copy.original.source
    return out


def _sources(analysis: Analysis, reprints: Reprints) -> list[dict[str, Any]]:
    scores = {s.source: s for s in analysis.scoring.scores}
    passage_counts: dict[str, int] = {}
    for p in analysis.alignment.passages:
        passage_counts[p.source] = passage_counts.get(p.source, 0) + 1
    unaligned: dict[str, list[dict[str, Any]]] = {}
    for p in analysis.alignment.unaligned:
        unaligned.setdefault(p.source, []).append({"start": p.start, "end": p.end, "text": p.text})
    out: list[dict[str, Any]] = []
    for sid in ranked_source_ids(analysis):
        src = analysis.source(sid)
        sc = scores.get(sid)
        meta = src.meta
        out.append({
            "id": src.id,
            "path": src.path,
            "title": src.title,
            "sha256": src.sha256,
            "words": src.words,
            "passages": passage_counts.get(sid, 0),
            "score": round(sc.score, _SCORE_DIGITS) if sc else None,
            "rank": sc.rank if sc else None,
            "components": {name: round(v, _UNIT_DIGITS) for name, v in sc.components} if sc else {},
            "flag_counts": flag_counts(analysis.flags, sid),
            "interval": [round(sc.interval[0], _SCORE_DIGITS), round(sc.interval[1], _SCORE_DIGITS)] if sc else None,
            "encoding": src.encoding,
            "meta": {"outlet": meta.outlet, "title": meta.title, "url": meta.url, "date": meta.date,
                     "language": meta.language},
            "unaligned": sorted(unaligned.get(sid, []), key=lambda u: (u["start"], u["end"])),
            "note": getattr(sc, "note", None) if sc else None,
        })
        if reprints:
            out[-1]["reprints"] = [{"source": o, "passages": n} for o, n in reprints.reprinted_sources(sid)]
            out[-1]["reprinted_by"] = [{"source": c, "passages": n} for c, n in reprints.reprinted_by(sid)]
    return out


def _groups(analysis: Analysis) -> list[dict[str, Any]]:
    out = []
    for g in analysis.alignment.groups:
        group: dict[str, Any] = {
            "id": g.id,
            "similarity": round(g.similarity, _UNIT_DIGITS),
            "passages": [{"source": p.source, "start": p.start, "end": p.end, "text": p.text} for p in g.passages],
            "pairs": [{"a": a, "b": b, "similarity": round(v, _UNIT_DIGITS)} for a, b, v in g.pairs],
        }
        if g.loose:
            group["loose"] = list(g.loose)
        out.append(group)
    return out


def _flag(f: Flag, reprints: Reprints) -> dict[str, Any]:
    out = {
        "id": f.id,
        "kind": f.kind.value,
        "source": f.source,
        "start": f.start,
        "end": f.end,
        "text": f.text,
        "expected": f.expected,
        "severity": f.severity.value,
        "confidence": round(f.confidence, _UNIT_DIGITS),
        "group": f.group,
        "message": f.message,
        "evidence": [_span(e, reprints) for e in f.evidence],
        "review": {"status": f.review.status.value, "note": f.review.note},
    }
    copy = reprints.copy_at(f.source, f.start) if reprints else None
    if copy is not None:
        out["reprint_of"] = copy.original.source
    return out


def _copied_passages(reprints: Reprints) -> list[dict[str, Any]]:
    def where(p: Passage) -> dict[str, Any]:
        return {"passage": p.id, "source": p.source, "start": p.start, "end": p.end}

    return [{**where(c.passage), "copy_of": where(c.original)} for c in reprints.copies]


def _changes(analysis: Analysis) -> dict[str, Any]:
    c = analysis.changes
    return {
        "previous_run": c.previous_run,
        "new_sources": list(c.new_sources),
        "removed_sources": list(c.removed_sources),
        "new_flags": list(c.new_flags),
        "resolved_flags": list(c.resolved_flags),
        "changed_sources": list(getattr(c, "changed_sources", ())),
        "moved_scores": [
            {"source": m.source, "before": round(m.before, _SCORE_DIGITS), "after": round(m.after, _SCORE_DIGITS)}
            for m in c.moved_scores
        ],
    }


def to_dict(analysis: Analysis) -> dict[str, Any]:
    """The report as plain data: the contract's keys first, then the documented extras.

    Takes a finished ``Analysis``; returns a dict of JSON types only, in a fixed key order.
    """
    sc = analysis.scoring
    reprints = Reprints(analysis)
    out = {
        "schema_version": SCHEMA_VERSION,
        "tool": tool_info(),
        "sources": _sources(analysis, reprints),
        "groups": _groups(analysis),
        "flags": [_flag(f, reprints) for f in analysis.flags],
        "settings": analysis.settings.as_dict(),
        "agreement": [
            {"a": a.a, "b": a.b, "value": round(a.value, _UNIT_DIGITS), "shared": a.shared} for a in sc.agreement
        ],
        "near_copies": [{"a": a, "b": b, "similarity": round(v, _UNIT_DIGITS)} for a, b, v in sc.near_copies],
        "notes": list(sc.notes),
        "problems": [{"path": p.path, "message": p.message} for p in analysis.problems],
        "changes": _changes(analysis),
        "orphaned_reviews": [
            {"flag_id": o.flag_id, "status": o.status.value, "note": o.note, "source": o.source, "text": o.text}
            for o in analysis.orphaned
        ],
    }
    if reprints:
        out["copied_passages"] = _copied_passages(reprints)
    return out


def dumps(analysis: Analysis) -> str:
    """``to_dict`` as JSON text: UTF-8 characters kept, two-space indent, trailing newline.

    Key order is the insertion order of ``to_dict`` (not sorted), which is fixed, so the same
    analysis always gives the same bytes.
    """
    return json.dumps(to_dict(analysis), ensure_ascii=False, indent=2, allow_nan=False) + "\n"
