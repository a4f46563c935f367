"""Matching srccompare's flags against known truth, and the precision/recall figures per kind.

Pure functions over plain dataclasses, so they can be tested with fake flags (tests/test_quality.py)
and reused by the harness for hand-written cases and generated corpora alike.

The rules, in the order they are tried for each flag:

1. A flag on a *known pre-existing* error (``Truth.ignore``: an untouched error in seed material)
   is left out of the scoring: it is neither a hit nor a false alarm.
2. A flag in the same source whose span overlaps a place an expectation points at (or, for an
   expectation without a ``context``, whose words equal the expected words after stripping quotes
   and punctuation, case-insensitively) is a **hit** (TP) when the kinds agree. A second flag on an
   already-hit expectation is a duplicate, counted neither way.
3. Of another kind, on an expected span: if the expectation lists that kind under ``also`` (a term
   swapped inside a quote is also a reworded quote) it is *tolerated*; otherwise it is a **kind
   error**, which counts as a false positive of the flag's kind (and the expectation stays missed).
   Inside quotation marks the quote kind and the kind of the changed words are always each other's
   second reading (``second_readings``): a word changed in a quotation is both a changed word and a
   changed quotation, and authors label it one way or the other.
4. A flag on a ``must_not_flag`` span is a false positive (a *trap* hit) unless the trap allows a
   low-severity flag and the flag is low.
5. Anything else is a false positive.

Precision = TP / (TP + FP) per kind of flag; recall = TP / expected per kind of expectation.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Mapping, Sequence

KINDS: tuple[str, ...] = (
    "name_variant",
    "term_variant",
    "quote_variant",
    "number_conflict",
    "date_conflict",
    "attribution_conflict",
    "garbled_text",
)


@dataclass(frozen=True)
class Expectation:
    """One flag a careful editor would raise: in ``source``, ``text`` is wrong (should be ``expected``).

    ``context``, when given, is a longer stretch of the source holding ``text`` exactly once; it
    picks the right occurrence when ``text`` also appears where it is correct. ``also`` names kinds
    that are an acceptable second reading of the same place (tolerated, never counted as hits).
    """

    source: str
    kind: str
    text: str
    expected: str | None = None
    context: str | None = None
    also: tuple[str, ...] = ()
    origin: str = "hand"


@dataclass(frozen=True)
class Trap:
    """A place that must not be flagged (a legitimate variant); ``allow_low`` lets a low flag pass."""

    source: str
    text: str
    why: str = ""
    allow_low: bool = False


@dataclass(frozen=True)
class Known:
    """A pre-existing error in real material that the corpus did not plant: flags on it are not scored."""

    source: str
    text: str
    why: str = ""


@dataclass(frozen=True)
class Truth:
    """Everything known about one corpus."""

    name: str
    expectations: tuple[Expectation, ...]
    traps: tuple[Trap, ...] = ()
    ignore: tuple[Known, ...] = ()


@dataclass(frozen=True)
class FoundFlag:
    """The parts of a srccompare flag the matching reads (decoupled from ``srccompare.models.Flag``)."""

    source: str
    kind: str
    start: int
    end: int
    text: str
    severity: str = "medium"
    confidence: float = 1.0
    expected: str = ""
    message: str = ""


@dataclass(frozen=True)
class Verdict:
    """What became of one flag: ``tp``, ``fp``, ``kind_error``, ``trap``, ``duplicate``, ``tolerated``, ``ignored``."""

    flag: FoundFlag
    outcome: str
    expectation: Expectation | None = None
    note: str = ""


@dataclass(frozen=True)
class Miss:
    """An expectation no flag of its kind found; ``near`` lists flags of other kinds on its span."""

    expectation: Expectation
    located: bool
    near: tuple[FoundFlag, ...] = ()


@dataclass(frozen=True)
class CorpusResult:
    name: str
    verdicts: tuple[Verdict, ...]
    misses: tuple[Miss, ...]
    expectations: tuple[Expectation, ...]

    @property
    def false_positives(self) -> tuple[Verdict, ...]:
        return tuple(v for v in self.verdicts if v.outcome in ("fp", "kind_error", "trap"))


# --- locating expectations in a source's text -------------------------------------------------

_QUOTE_CHARS = "\"“”„«»"
_APOS_CHARS = "'’‘`"


def _pattern(s: str) -> re.Pattern[str]:
    """A regex matching ``s`` in extracted text: any run of whitespace, any quote/apostrophe form."""
    parts: list[str] = []
    for ch in s.strip():
        if ch.isspace():
            if not parts or parts[-1] != r"\s+":
                parts.append(r"\s+")
        elif ch in _QUOTE_CHARS:
            parts.append("[" + re.escape(_QUOTE_CHARS) + "]")
        elif ch in _APOS_CHARS:
            parts.append("[" + re.escape(_APOS_CHARS) + "]")
        elif ch in "-–—":
            parts.append("[-–—]")
        else:
            parts.append(re.escape(ch))
    return re.compile("".join(parts), re.IGNORECASE)


def locate(text: str, needle: str, context: str | None = None) -> tuple[tuple[int, int], ...]:
    """Where ``needle`` sits in ``text``: every occurrence, or only those inside ``context``.

    Exact matches are preferred; otherwise case, whitespace and quote forms are ignored (HTML
    extraction may change them). Returns an empty tuple when it cannot be found.
    """
    if not needle.strip():
        return ()
    if context:
        out: list[tuple[int, int]] = []
        for cs, ce in locate(text, context):
            for s, e in locate(text[cs:ce], needle):
                out.append((cs + s, cs + e))
        return tuple(out)
    spans = []
    pos = text.find(needle)
    while pos >= 0:
        spans.append((pos, pos + len(needle)))
        pos = text.find(needle, pos + 1)
    if spans:
        return tuple(spans)
    return tuple(m.span() for m in _pattern(needle).finditer(text))


_NORM_STRIP_RE = re.compile(r"[^\w\s%$€£.,'-]+", re.UNICODE)
_WS_RE = re.compile(r"\s+")


def norm_text(s: str) -> str:
    """Lower case, quotes and brackets gone, edge punctuation stripped, whitespace collapsed."""
    s = s.replace("’", "'").lower()
    s = _NORM_STRIP_RE.sub(" ", s)
    s = _WS_RE.sub(" ", s).strip(" .,;:-")
    return s


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


# --- scoring one corpus ------------------------------------------------------------------------


# A quotation: double quotes of English, German and French typography, at least 12 characters, on one
# line (a paragraph). Single quotes are left out: they are also apostrophes.
QUOTATION_RE = re.compile(r"[\"“„«]([^\"“”„«»\n]{12,}?)[\"”“»]")


def inside_quotation(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` lies inside one quotation (``QUOTATION_RE``) of its line."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return any(q.start() < start and end < q.end() for q in QUOTATION_RE.finditer(text, line_start, line_end))


def second_readings(e: Expectation, text: str, spans: Sequence[tuple[int, int]]) -> tuple[str, ...]:
    """The kinds tolerated on ``e``'s place: its ``also``, and inside a quotation the quote kind for
    a changed word (name, term, figure, ...) and every such kind for a changed quotation."""
    if not any(inside_quotation(text, a, b) for a, b in spans):
        return e.also
    extra = [k for k in KINDS if k != "quote_variant"] if e.kind == "quote_variant" else ["quote_variant"]
    return tuple(dict.fromkeys((*e.also, *extra)))


def score_corpus(truth: Truth, flags: Sequence[FoundFlag], texts: Mapping[str, str]) -> CorpusResult:
    """Match ``flags`` (one corpus's output) to ``truth``; ``texts`` are the sources' texts as read."""
    exp_spans = {
        i: locate(texts.get(e.source, ""), e.text, e.context) for i, e in enumerate(truth.expectations)
    }
    also = {i: second_readings(e, texts.get(e.source, ""), exp_spans[i]) for i, e in enumerate(truth.expectations)}
    trap_spans = [(t, locate(texts.get(t.source, ""), t.text)) for t in truth.traps]
    ignore_spans = [(k, locate(texts.get(k.source, ""), k.text)) for k in truth.ignore]

    def hits(f: FoundFlag, i: int, e: Expectation) -> bool:
        if e.source != f.source:
            return False
        fs = (f.start, f.end)
        if any(_overlaps(fs, sp) for sp in exp_spans[i]):
            return True
        return e.context is None and bool(norm_text(f.text)) and norm_text(f.text) == norm_text(e.text)

    matched: set[int] = set()
    near: dict[int, list[FoundFlag]] = {}
    verdicts: list[Verdict] = []
    # Confident flags claim expectations first, so a weak duplicate never takes a strong one's place.
    ordered = sorted(flags, key=lambda f: (f.source, -f.confidence, f.start, f.end, f.kind))
    for f in ordered:
        if any(k.source == f.source and any(_overlaps((f.start, f.end), sp) for sp in spans) for k, spans in ignore_spans):
            verdicts.append(Verdict(f, "ignored", note="known pre-existing error in the material"))
            continue
        cands = [i for i, e in enumerate(truth.expectations) if hits(f, i, e)]
        same = [i for i in cands if truth.expectations[i].kind == f.kind]
        if same:
            fresh = [i for i in same if i not in matched]
            if fresh:
                matched.add(fresh[0])
                verdicts.append(Verdict(f, "tp", truth.expectations[fresh[0]]))
            else:
                verdicts.append(Verdict(f, "duplicate", truth.expectations[same[0]]))
            continue
        if cands:
            for i in cands:
                near.setdefault(i, []).append(f)
            tolerant = [i for i in cands if f.kind in also[i]]
            if tolerant:
                verdicts.append(Verdict(f, "tolerated", truth.expectations[tolerant[0]]))
            else:
                e = truth.expectations[cands[0]]
                verdicts.append(Verdict(f, "kind_error", e, note=f"expected {e.kind} here"))
            continue
        trap = next(
            (t for t, spans in trap_spans if t.source == f.source and any(_overlaps((f.start, f.end), sp) for sp in spans)),
            None,
        )
        if trap is not None:
            if trap.allow_low and f.severity == "low":
                verdicts.append(Verdict(f, "tolerated", note=f"low flag on a trap: {trap.why}"))
            else:
                verdicts.append(Verdict(f, "trap", note=f"must not flag: {trap.why}"))
            continue
        verdicts.append(Verdict(f, "fp"))
    misses = tuple(
        Miss(e, bool(exp_spans[i]), tuple(near.get(i, ())))
        for i, e in enumerate(truth.expectations)
        if i not in matched
    )
    return CorpusResult(truth.name, tuple(verdicts), misses, truth.expectations)


# --- figures -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class KindFigures:
    kind: str
    expected: int
    found: int
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float | None:
        """None when the kind raised no scored flag (nothing to be precise about)."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        """None when nothing of this kind was expected."""
        return self.tp / self.expected if self.expected else None

    def as_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "expected": self.expected,
            "found": self.found,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": None if self.precision is None else round(self.precision, 4),
            "recall": None if self.recall is None else round(self.recall, 4),
        }


def figures(results: Iterable[CorpusResult], kinds: Sequence[str] = KINDS) -> tuple[dict[str, KindFigures], KindFigures]:
    """Per-kind figures and the micro-averaged total over all corpora.

    ``found`` counts every flag of the kind (including duplicates, tolerated and ignored ones);
    ``fp`` counts false positives, kind errors and trap hits of that kind.
    """
    expected: Counter[str] = Counter()
    found: Counter[str] = Counter()
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    for r in results:
        expected.update(e.kind for e in r.expectations)
        for v in r.verdicts:
            found[v.flag.kind] += 1
            if v.outcome == "tp":
                tp[v.flag.kind] += 1
            elif v.outcome in ("fp", "kind_error", "trap"):
                fp[v.flag.kind] += 1
    all_kinds = list(kinds) + sorted(k for k in set(expected) | set(found) if k not in kinds)
    per = {
        k: KindFigures(k, expected[k], found[k], tp[k], fp[k], expected[k] - tp[k]) for k in all_kinds
    }
    total = KindFigures(
        "ALL",
        sum(expected.values()),
        sum(found.values()),
        sum(tp.values()),
        sum(fp.values()),
        sum(expected.values()) - sum(tp.values()),
    )
    return per, total


def load_expected(doc: Mapping[str, object], name: str) -> Truth:
    """A ``Truth`` from a case's ``expected.json`` document (see tests/quality/README.md)."""
    flags = doc.get("flags", [])
    traps = doc.get("must_not_flag", [])
    if not isinstance(flags, list) or not isinstance(traps, list):
        raise ValueError(f"{name}: 'flags' and 'must_not_flag' must be lists")
    exps = []
    for item in flags:
        kind = item["kind"]
        if kind not in KINDS:
            raise ValueError(f"{name}: unknown kind {kind!r}")
        exps.append(
            Expectation(
                source=item["source"],
                kind=kind,
                text=item["text"],
                expected=item.get("expected"),
                context=item.get("context"),
                also=tuple(item.get("also", ())),
                origin="hand",
            )
        )
    return Truth(
        name=name,
        expectations=tuple(exps),
        traps=tuple(Trap(t["source"], t["text"], t.get("why", ""), bool(t.get("allow_low", False))) for t in traps),
    )
