"""What every discrepancy check shares: its interface, the context it reads, tokens, flag ids.

A check is a module in this package with a class that has a ``kinds`` tuple and a
``run(ctx) -> Iterable[Flag]`` method, registered in ``srccompare.checks.CHECKS``. A place of one
source against one that a check cannot settle goes to ``ctx.contests`` (``Contest``), for
``run_checks`` to decide. A check reads only the context: the sources, the alignment and the
settings. It works from what the sources themselves say (consensus, string and sound similarity,
word frequency, structure); it never holds story-specific vocabulary.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Iterable, Mapping, Protocol, Sequence

from srccompare.models import Alignment, Flag, Group, Kind, Passage, PassagesInOrder, Review, Severity, Source, Span
from srccompare.settings import Settings

# A word: letters/digits with inner apostrophes, hyphens, periods (U.S.) or digit separators.
WORD_RE = re.compile(r"[^\W_](?:[^\W_]|['’\-.,](?=[^\W_]))*", re.UNICODE)


@dataclass(frozen=True)
class Token:
    """A word of a source, with its offsets into the source text."""

    text: str
    start: int
    end: int

    @property
    def norm(self) -> str:
        return normalize_word(self.text)


@lru_cache(maxsize=200_000)
def normalize_word(word: str) -> str:
    """Lower case, curly apostrophe straightened, a trailing possessive dropped."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    return w


def tokens(text: str, offset: int = 0) -> tuple[Token, ...]:
    """The words of ``text``; offsets are shifted by ``offset`` (a passage's start in its source)."""
    return tuple(Token(m.group(), m.start() + offset, m.end() + offset) for m in WORD_RE.finditer(text))


@dataclass(frozen=True)
class Contest:
    """One source against one: ``flag`` would mark its source's rendering, but the only other
    source printing the place, ``rival``, is the only witness against it, and a vote cannot say
    which of the two is wrong. A check appends it to ``CheckContext.contests``; ``run_checks``
    decides it from what the two sources show elsewhere (see ``srccompare.checks.contests``)."""

    flag: Flag
    rival: str


@dataclass
class CheckContext:
    """What the checks read. Built once per run; derived views are computed lazily and shared."""

    sources: Mapping[str, Source]
    alignment: Alignment
    settings: Settings

    def passage_tokens(self, passage: Passage) -> tuple[Token, ...]:
        found = self._tokens_cache.get(passage.id)
        if found is None:
            found = self._tokens_cache[passage.id] = tokens(passage.text, passage.start)
        return found

    _tokens_cache: dict[str, tuple[Token, ...]] = field(default_factory=dict, repr=False)
    contests: list[Contest] = field(default_factory=list, repr=False)
    """Places of one source against one the checks met (``Contest``), appended as they run."""

    @cached_property
    def word_sources(self) -> Mapping[str, frozenset[str]]:
        """For each normalised word, the set of sources that use it anywhere in their content."""
        seen: dict[str, set[str]] = defaultdict(set)
        for p in self.alignment.passages:
            for t in self.passage_tokens(p):
                seen[t.norm].add(p.source)
        return {w: frozenset(s) for w, s in seen.items()}

    @cached_property
    def word_counts(self) -> Counter[str]:
        """How often each normalised word occurs across all sources' content."""
        c: Counter[str] = Counter()
        for p in self.alignment.passages:
            c.update(t.norm for t in self.passage_tokens(p))
        return c

    @cached_property
    def group_of(self) -> Mapping[str, Group]:
        """The group each aligned passage belongs to, by passage id."""
        return {p.id: g for g in self.alignment.groups for p in g.passages}

    @cached_property
    def passages_in_order(self) -> PassagesInOrder:
        """Each source's passages in text order, and the one at an offset."""
        return PassagesInOrder(self.alignment.passages)


class Check(Protocol):
    kinds: tuple[Kind, ...]

    def run(self, ctx: CheckContext) -> Iterable[Flag]: ...


_WS_RE = re.compile(r"\s+")


def flag_id(source: Source, kind: Kind, start: int, end: int, *, context_words: int = 4) -> str:
    """A stable id for a flag: the source id, the kind, the flagged words and a few words around them.

    It does not depend on run order, on other sources, or on the exact offset, so the same
    discrepancy in the same (unchanged) wording keeps its id across reruns, also after sources are
    added or removed. When the same words in the same context occur twice in one source, the
    occurrence number keeps the ids apart.
    """
    text = source.text
    left = tokens(text[max(0, start - 200):start])[-context_words:]
    right = tokens(text[end:end + 200])[:context_words]
    key_text = _WS_RE.sub(" ", text[start:end].strip().lower())
    key = "|".join([source.id, kind.value, " ".join(t.text.lower() for t in left), key_text,
                    " ".join(t.text.lower() for t in right)])
    occurrence = _occurrence(text, start, key_text, left, right)
    digest = hashlib.sha256(f"{key}|{occurrence}".encode("utf-8")).hexdigest()
    return "f-" + digest[:12]


@lru_cache(maxsize=4096)
def _lowered(text: str) -> str:
    """A source text in lower case, computed once per source instead of once per flag (a str
    caches its own hash, so the lookup is cheap; 4,096 articles of a few KB is a few MB)."""
    return text.lower()


def _occurrence(text: str, start: int, key_text: str, left: Sequence[Token], right: Sequence[Token]) -> int:
    """How many earlier places in ``text`` carry the same flagged words (0 for the first)."""
    if not key_text:
        return 0
    count = 0
    lowered = _lowered(text)
    pos = lowered.find(key_text)
    while 0 <= pos < start:
        count += 1
        pos = lowered.find(key_text, pos + 1)
    return count


def make_flag(
    ctx: CheckContext,
    *,
    kind: Kind,
    source: str,
    start: int,
    end: int,
    expected: str,
    severity: Severity,
    confidence: float,
    group: Group | None,
    message: str,
    evidence: Iterable[Span],
) -> Flag:
    """Build a Flag with its stable id and the flagged text cut from the source (offsets stay true)."""
    src = ctx.sources[source]
    return Flag(
        id=flag_id(src, kind, start, end),
        kind=kind,
        source=source,
        start=start,
        end=end,
        text=src.text[start:end],
        expected=expected,
        severity=severity,
        confidence=round(max(0.0, min(1.0, confidence)), 3),
        group=group.id if group is not None else None,
        message=message,
        evidence=tuple(evidence),
        review=Review(),
    )


def span_of(ctx: CheckContext, source: str, start: int, end: int) -> Span:
    """An evidence span cut from a source's text."""
    return Span(source=source, start=start, end=end, text=ctx.sources[source].text[start:end])
