"""The objects passed between srccompare's stages.

Sources -> passages -> alignment -> flags -> scores -> report. Every object here is a frozen
dataclass with precise types, so a stage can only read what the previous one produced. Character
offsets (``start``/``end``) always index the source text *as read* (decoded, byte-order mark
dropped, line endings normalised to ``\\n``, nothing else changed), so that
``source.text[start:end] == text`` holds for every span.
"""

from __future__ import annotations

import enum
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Iterable, Sequence


class Kind(str, enum.Enum):
    """What sort of discrepancy a flag reports. One module in ``srccompare.checks`` per kind family."""

    NAME_VARIANT = "name_variant"
    TERM_VARIANT = "term_variant"
    QUOTE_VARIANT = "quote_variant"
    NUMBER_CONFLICT = "number_conflict"
    DATE_CONFLICT = "date_conflict"
    ATTRIBUTION_CONFLICT = "attribution_conflict"
    GARBLED_TEXT = "garbled_text"


class Severity(str, enum.Enum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"

    @property
    def weight(self) -> float:
        """How much one flag of this severity weighs against its source, relative to a high one."""
        return {"high": 1.0, "medium": 0.5, "low": 0.15}[self.value]


class ReviewStatus(str, enum.Enum):
    OPEN = "open"
    CONFIRMED = "confirmed"
    DISMISSED = "dismissed"


@dataclass(frozen=True)
class SourceMeta:
    """Optional facts about a source, from a front-matter block or a sidecar file."""

    outlet: str | None = None
    title: str | None = None
    url: str | None = None
    date: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class Source:
    """One article as read.

    ``text`` is what every offset refers to. For ``.html`` files it is the article text extracted
    from the markup (markup and scripts are never kept). ``content`` lists the spans that are
    article content; everything else (front matter, site logos, "source: X" lines, bylines,
    datelines, share buttons) stays in ``text`` so offsets stay true, but is left out of alignment
    and checks.
    """

    id: str
    path: str
    sha256: str
    text: str
    encoding: str
    title: str
    meta: SourceMeta
    content: tuple[tuple[int, int], ...]
    wrapped: bool = False
    """The file is wrapped at a fixed width (a print page, an e-mail): its line breaks are layout,
    and a word hyphenated at a line end is one word."""
    strays: tuple[tuple[int, int], ...] = ()
    """Lines of page furniture inside the article's body, left out of ``content`` (a "Read more:"
    link, a photo caption, an advertising label between two paragraphs): the copy carried them in
    from a web page (``sources.layout``), and the garble check reports them."""

    @property
    def words(self) -> int:
        """Words in the article content (not in boilerplate lines)."""
        return sum(len(self.text[s:e].split()) for s, e in self.content)


@dataclass(frozen=True)
class ReadProblem:
    """A file that could not be used, and what the user can do about it."""

    path: str
    message: str

    def warning(self) -> str:
        """The one-line warning for the user: which file was skipped, then why.

        The message names the file at fault, which is not always the skipped article (a broken
        sidecar skips the article it describes), so the article is named first when it differs.
        """
        if self.message.startswith(self.path):
            return f"skipped {self.message}"
        return f"skipped {self.path}: {self.message}"


@dataclass(frozen=True)
class Span:
    """A stretch of one source's text."""

    source: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Passage:
    """A sentence-sized unit of one source, the thing that gets aligned.

    ``id`` is ``"{source}:{index}"``; ``index`` counts passages within the source from 0.
    """

    id: str
    source: str
    index: int
    start: int
    end: int
    text: str


class PassagesInOrder:
    """Each source's passages in text order, and the one at an offset: one sorted list of starts
    per source, one bisect per question (checks and the report ask this of flags and evidence
    spans many times per run).

    In: passages of any sources (each source's passages must not overlap, as a source's passages
    never do). Ask ``of(source)``, ``index_from(source, pos)`` or ``at(source, pos)``.
    """

    def __init__(self, passages: Iterable[Passage]) -> None:
        rows: dict[str, list[Passage]] = {}
        for p in passages:
            rows.setdefault(p.source, []).append(p)
        self._rows = {s: sorted(ps, key=lambda p: p.start) for s, ps in rows.items()}
        self._starts = {s: [p.start for p in ps] for s, ps in self._rows.items()}

    def of(self, source: str) -> Sequence[Passage]:
        """``source``'s passages in text order (empty for a source with none)."""
        return self._rows.get(source, ())

    def index_from(self, source: str, pos: int) -> int:
        """The index in ``of(source)`` of the last passage starting at or before ``pos``; -1 when
        none does."""
        return bisect_right(self._starts.get(source, ()), pos) - 1

    def at(self, source: str, pos: int) -> Passage | None:
        """The passage of ``source`` holding offset ``pos``, or None (before the first, or in a gap
        between passages)."""
        i = self.index_from(source, pos)
        if i < 0:
            return None
        p = self._rows[source][i]
        return p if pos < p.end else None


@dataclass(frozen=True)
class Group:
    """Passages from different sources that report the same thing.

    A source may contribute more than one passage (one source split a sentence another merged).
    ``pairs`` keeps the similarity of each aligned pair of passages, by passage id, and
    ``similarity`` is their mean. ``id`` is derived from the members' content, never run order.
    ``loose`` names the members (passage ids, in passage order) that the alignment's order-aware
    second pass added: they report the same thing in other words (their pairs may be below
    ``min_similarity``), so a check comparing wording word for word may want to treat them like
    an unaligned passage's borrowed counterparts, while a check comparing facts can use them.
    """

    id: str
    passages: tuple[Passage, ...]
    pairs: tuple[tuple[str, str, float], ...]
    similarity: float
    loose: tuple[str, ...] = ()

    @property
    def sources(self) -> tuple[str, ...]:
        """The distinct sources in this group, in first-appearance order."""
        seen: dict[str, None] = {}
        for p in self.passages:
            seen.setdefault(p.source, None)
        return tuple(seen)


@dataclass(frozen=True)
class Alignment:
    """The result of aligning passages across all sources.

    ``passages`` holds every content passage of every source, in (source order, index) order.
    ``unaligned`` holds those that found no counterpart in any other source: information a reader
    needs (a detail only one outlet reports), not noise.
    """

    passages: tuple[Passage, ...]
    groups: tuple[Group, ...]
    unaligned: tuple[Passage, ...]


@dataclass(frozen=True)
class Review:
    """A user's decision on one flag."""

    status: ReviewStatus = ReviewStatus.OPEN
    note: str | None = None


@dataclass(frozen=True)
class Flag:
    """One place where a source renders the story differently from the others.

    ``expected`` is the consensus rendering; ``evidence`` the counterpart spans in other sources.
    ``id`` is stable across reruns: derived from the source, the kind and the flagged words in
    their context (see ``srccompare.checks.base.flag_id``).
    """

    id: str
    kind: Kind
    source: str
    start: int
    end: int
    text: str
    expected: str
    severity: Severity
    confidence: float
    group: str | None
    message: str
    evidence: tuple[Span, ...]
    review: Review = field(default_factory=Review)


@dataclass(frozen=True)
class SourceScore:
    """A source's reliability: 0-100 (higher is more reliable), its parts, and how sure we are.

    ``components`` are (name, value in [0, 1]) pairs in a fixed order; ``interval`` is the low and
    high end of the score's spread (see ``srccompare.scoring``).
    """

    source: str
    score: float
    rank: int
    components: tuple[tuple[str, float], ...]
    interval: tuple[float, float]
    flag_counts: tuple[tuple[str, int], ...]
    note: str | None = None
    """A short line for the reader when the score rests on thin evidence (for instance that the
    source is uncorroborated: unconfirmed, not wrong); ``None`` otherwise."""


@dataclass(frozen=True)
class Agreement:
    """How far two sources agree where they report the same thing (for the heat map).

    ``value`` in [0, 1]: mean similarity of their aligned passages, discounted by flags between them;
    ``shared`` is how many groups both appear in.
    """

    a: str
    b: str
    value: float
    shared: int


@dataclass(frozen=True)
class ScoreResult:
    """Everything ``srccompare.scoring`` concludes about the sources as a whole.

    ``scores`` best first. ``near_copies`` are source pairs whose text is so alike that they count as
    one witness (source a, source b, similarity). ``notes`` are plain sentences a reader must see
    (for instance that two sources alone cannot tell which is wrong where they differ).
    """

    scores: tuple[SourceScore, ...]
    agreement: tuple[Agreement, ...]
    near_copies: tuple[tuple[str, str, float], ...]
    notes: tuple[str, ...]


@dataclass(frozen=True)
class ScoreMove:
    source: str
    before: float
    after: float


@dataclass(frozen=True)
class OrphanedReview:
    """A review decision whose flag no longer exists; kept in the file and reported, never dropped."""

    flag_id: str
    status: ReviewStatus
    note: str | None
    source: str | None
    text: str | None


@dataclass(frozen=True)
class Changes:
    """What changed since the previous run on the same sources folder (``None`` fields: first run)."""

    previous_run: bool
    new_sources: tuple[str, ...]
    removed_sources: tuple[str, ...]
    new_flags: tuple[str, ...]
    resolved_flags: tuple[str, ...]
    moved_scores: tuple[ScoreMove, ...]
    changed_sources: tuple[str, ...] = ()
    """Sources present last time whose file changed since (same id, different sha256)."""

    @classmethod
    def first_run(cls) -> "Changes":
        """No previous run on the folder to compare with: nothing new, removed or moved."""
        return cls(False, (), (), (), (), ())
