"""Every source's reliability score, how sure it is, and how far the sources agree with each other.

``score(sources, alignment, flags, settings) -> ScoreResult``. Flags arrive with the user's review
decisions applied. What goes in: the sources as read, the alignment (passages, groups with pair
similarities), the flags. What comes out: a 0-100 score per source (best first) built from three
components a reader can follow, an interval for each score, the pairs of sources that are near-copies
of one another (counted as one witness), the pairwise agreement for the heat map, and notes a reader
must see.

The score is a weighted mean of the components in ``COMPONENTS``; the texts there, and
``SCORE_EXPLANATION`` / ``INTERVAL_EXPLANATION`` / ``NEAR_COPY_EXPLANATION``, are what the report's
method section prints, so the numbers and their explanation live side by side.

It scales to ~10,000 sources and ~300,000 passages: work is linear in passages, stored pairs and flags;
agreement is emitted only for pairs of sources that share a group, with at most
``AGREEMENT_MAX_SOURCES_PER_GROUP`` sources per group taking part (a deterministic sample).
"""

from __future__ import annotations

import hashlib
import math
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

import numpy as np

from srccompare.models import (
    Agreement,
    Alignment,
    Flag,
    Kind,
    Passage,
    ReviewStatus,
    ScoreResult,
    Source,
    SourceScore,
)
from srccompare.settings import Settings

# --- The components and how they combine -------------------------------------------------------


@dataclass(frozen=True)
class ComponentInfo:
    """One part of the score: its fixed name (as in ``SourceScore.components``), a label for people,
    its weight in the score, and the sentence the report prints to explain it."""

    name: str
    label: str
    weight: float
    explanation: str


FIDELITY_HALF_LOAD = 0.25
"""Severity-weighted flags per checked passage that halve ``fidelity`` (and halve it again for each
further 0.25): one high-severity flag in every fourth checked passage gives 0.5."""

LANGUAGE_HALF_RATE = 5.0
"""Severity-weighted garbled-text flags per 1,000 words that halve ``language``."""

PRIOR_PASSAGES = 3.0
"""How many checked passages' worth of weight the prior carries in ``fidelity``: a source with three
checked passages is judged half on them and half on the prior."""

PRIOR_BOUNDS = (0.25, 0.75)
"""The prior fidelity is the pooled fidelity of all sources, kept inside these bounds: text nobody
else reports is neither assumed perfect nor assumed wrong."""

PRIOR_SPREAD = 0.25
"""In the bootstrap the prior is redrawn uniformly within +/- this much of its value, so thin evidence
shows as a wide interval."""

COMPONENTS: tuple[ComponentInfo, ...] = (
    ComponentInfo(
        name="corroboration",
        label="Corroboration",
        weight=0.2,
        explanation=(
            "Share of the source's text (passages weighted by length) that at least one independent "
            "other source also reports. Near-copies of the source do not count as independent. A low "
            "value means unconfirmed, not wrong: the source may simply report details nobody else has."
        ),
    ),
    ComponentInfo(
        name="fidelity",
        label="Fidelity",
        weight=0.55,
        explanation=(
            "How faithfully the source renders what it shares with the others: its load of discrepancy "
            "flags (names, terms, quotes, numbers, dates, attributions) per checked passage (one aligned "
            "with another source, or one a flag compared with other sources), each flag weighted by "
            "severity (high 1, medium 0.5, low 0.15) and confidence (confirmed flags count fully, "
            "dismissed ones not at all); flags on overlapping words count once, as the heaviest of "
            "them (a mistranslated word in a quotation is one error, not two). It is 1 without flags and halves for every "
            f"{FIDELITY_HALF_LOAD:g} weighted flags per passage. With few checked passages it leans on "
            "the typical fidelity of all sources (kept between "
            f"{PRIOR_BOUNDS[0]:g} and {PRIOR_BOUNDS[1]:g}), weighted as "
            f"{PRIOR_PASSAGES:g} passages."
        ),
    ),
    ComponentInfo(
        name="language",
        label="Language",
        weight=0.25,
        explanation=(
            "How clean the source's language is: garbled-text flags (run-together or non-words), weighted "
            "by severity and confidence, per 1,000 words; it halves for every "
            f"{LANGUAGE_HALF_RATE:g} per 1,000 words."
        ),
    ),
)

SCORE_EXPLANATION = (
    "The score is 100 times a weighted mean of the components: "
    + ", ".join(f"{c.label.lower()} {c.weight:g}" for c in COMPONENTS)
    + ". Fidelity weighs most because a wrong rendering is the most direct sign of an unreliable "
    "source; language catches the garbling of poor translation; corroboration weighs least because "
    "a detail nobody else reports is unconfirmed, not wrong."
)

BOOTSTRAP_RESAMPLES = 200
INTERVAL_PERCENTILES = (10.0, 90.0)
BOOTSTRAP_SEED = 20250507
"""Mixed with each source's id, so a source's interval does not depend on which other sources came
first or on how many there are."""

INTERVAL_EXPLANATION = (
    f"The interval is the {INTERVAL_PERCENTILES[0]:g}th to {INTERVAL_PERCENTILES[1]:g}th percentile of the "
    f"score over {BOOTSTRAP_RESAMPLES} redraws of the source's own passages (with replacement, a fixed "
    "seed per source, so it is the same on every run). In each redraw the prior used for thin evidence "
    f"is also redrawn (+/- {PRIOR_SPREAD:g}), so a source with few shared passages gets a wide interval."
)

NEAR_COPY_SIMILARITY = 0.9
"""Two aligned passages this similar (or more) are the same text."""

NEAR_COPY_SHARE = 0.5
"""Two sources are near-copies when at least this share of each one's text (by length) has a
same-text passage in the other."""

NEAR_COPY_EXPLANATION = (
    "Two sources are near-copies when at least "
    f"{NEAR_COPY_SHARE:.0%} of each one's text (by length) has a passage at least "
    f"{NEAR_COPY_SIMILARITY:.0%} similar in the other (the same wire text, for instance). Near-copies, and "
    "chains of them, count as one witness: they do not corroborate each other or outvote the rest. The "
    "similarity given is the smaller of the two shares."
)

TWO_WITNESS_FACTOR = 0.5
"""With only two independent witnesses, a disagreement flag counts this much: either side may be the
one that is wrong."""

UNCORROBORATED_BELOW = 1 / 3
UNCORROBORATED_OF_MEDIAN = 0.5
"""A source whose corroboration is below both ``UNCORROBORATED_BELOW`` and this share of the median
source's gets a note saying its score means unconfirmed. Relative, because how much of a text aligns
at all depends on the story and on how the outlets write, not only on the source."""

AGREEMENT_HALF_LOAD = 1.0
"""In the agreement heat map, severity-weighted flags between two sources per shared group that halve
their agreement: one high-severity difference in every group they share halves it."""

AGREEMENT_MAX_SOURCES_PER_GROUP = 40
"""A group with more sources than this contributes agreement pairs only among a deterministic sample
of this many (780 pairs), so one huge group cannot cost millions of pairs."""

MAX_LISTED_IN_NOTES = 10
"""Notes that list sources name at most this many and count the rest."""

LANGUAGE_KINDS = frozenset({Kind.GARBLED_TEXT})
"""Flags about a source's own language; every other kind is a disagreement with the other sources."""

_DIGITS_SCORE = 1
_DIGITS_UNIT = 3


# --- Flags: how much each one weighs -----------------------------------------------------------


def flag_weight(flag: Flag) -> float:
    """How much one flag counts against its source: severity weight times effective confidence.

    Dismissed flags count 0; confirmed ones count with confidence 1.0; open ones by their confidence.
    """
    status = flag.review.status
    if status is ReviewStatus.DISMISSED:
        return 0.0
    confidence = 1.0 if status is ReviewStatus.CONFIRMED else flag.confidence
    return flag.severity.weight * confidence


def place_weights(flags: Sequence[Flag]) -> list[float]:
    """Each flag's weight in the score (``flag_weight``), in order, counting one place in a source once.

    Two checks may flag the same words for one error: a mistranslated word is a term flag and, when
    it sits in a quotation, the quote flag around it is another. Flags of one source whose spans
    overlap (fidelity kinds among themselves, language kinds among themselves) are one place; it
    counts once, at its heaviest flag's weight, and the other flags there count 0.
    """
    out = [flag_weight(f) for f in flags]
    by_place: dict[tuple[str, bool], list[int]] = defaultdict(list)
    for i, f in enumerate(flags):
        if out[i] > 0:
            by_place[(f.source, f.kind in LANGUAGE_KINDS)].append(i)
    for members in by_place.values():
        members.sort(key=lambda i: (flags[i].start, flags[i].end, i))
        clusters: list[list[int]] = []
        reach = -1
        for i in members:
            if clusters and flags[i].start < reach:
                clusters[-1].append(i)
            else:
                clusters.append([i])
            reach = max(reach, flags[i].end) if len(clusters[-1]) > 1 else flags[i].end
        for cluster in clusters:
            heaviest = max(cluster, key=lambda i: (out[i], flags[i].end - flags[i].start, -i))
            for i in cluster:
                if i != heaviest:
                    out[i] = 0.0
    return out


def flag_counts(flags: Iterable[Flag], source: str) -> tuple[tuple[str, int], ...]:
    """(("high", n), ("medium", n), ("low", n)): the source's flags that were not dismissed."""
    return _all_flag_counts(flags).get(source, _NO_FLAGS)


_NO_FLAGS = (("high", 0), ("medium", 0), ("low", 0))


def _all_flag_counts(flags: Iterable[Flag]) -> dict[str, tuple[tuple[str, int], ...]]:
    """``flag_counts`` for every source that has flags, in one pass over the flags."""
    counts: dict[str, dict[str, int]] = {}
    for f in flags:
        if f.review.status is not ReviewStatus.DISMISSED:
            c = counts.setdefault(f.source, {"high": 0, "medium": 0, "low": 0})
            c[f.severity.value] += 1
    return {sid: tuple(c.items()) for sid, c in counts.items()}


# --- Near-copies and witnesses -----------------------------------------------------------------


def _passage_index(alignment: Alignment) -> dict[str, Passage]:
    index = {p.id: p for p in alignment.passages}
    for g in alignment.groups:
        for p in g.passages:
            index.setdefault(p.id, p)
    return index


def near_copies(
    alignment: Alignment,
    *,
    similarity: float = NEAR_COPY_SIMILARITY,
    share: float = NEAR_COPY_SHARE,
) -> tuple[tuple[str, str, float], ...]:
    """Pairs of sources that are near-copies: ``(a, b, s)`` with ``a < b``, sorted.

    For each source pair, the share of a's text (passage lengths) having a passage at least
    ``similarity`` alike in b is computed from the groups' stored pair similarities, and the same for
    b; the pair is a near-copy when both shares reach ``share``. ``s`` is the smaller share (3
    decimals). Only stored pairs at or above ``similarity`` are looked at, so the work is linear.
    """
    index = _passage_index(alignment)
    total: dict[str, int] = defaultdict(int)
    for p in alignment.passages:
        total[p.source] += _length(p)
    covered: dict[tuple[str, str], set[str]] = defaultdict(set)
    for g in alignment.groups:
        for pa, pb, sim in g.pairs:
            if sim < similarity:
                continue
            a, b = index.get(pa), index.get(pb)
            if a is None or b is None or a.source == b.source:
                continue
            covered[(a.source, b.source)].add(a.id)
            covered[(b.source, a.source)].add(b.id)
    out: list[tuple[str, str, float]] = []
    for (a, b), ids in covered.items():
        if a >= b or (b, a) not in covered:
            continue
        share_a = sum(_length(index[i]) for i in ids) / max(total.get(a, 0), 1)
        share_b = sum(_length(index[i]) for i in covered[(b, a)]) / max(total.get(b, 0), 1)
        low = min(share_a, share_b, 1.0)
        if low >= share:
            out.append((a, b, round(low, _DIGITS_UNIT)))
    return tuple(sorted(out))


def copy_clusters(source_ids: Iterable[str], copies: Iterable[tuple[str, str, float]]) -> dict[str, str]:
    """Each source's witness: the smallest id in its chain of near-copies (itself when it has none)."""
    parent = {s: s for s in source_ids}

    def root(s: str) -> str:
        while parent[s] != s:
            parent[s] = parent[parent[s]]
            s = parent[s]
        return s

    for a, b, _ in copies:
        parent.setdefault(a, a)
        parent.setdefault(b, b)
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {s: root(s) for s in sorted(parent)}


def witness_weights(alignment: Alignment) -> dict[str, float]:
    """Each source's weight as a witness: 1 / the number of sources in its near-copy cluster.

    For checks that count votes across sources: near-copies of one text then add up to one vote.
    """
    sources = sorted({p.source for p in alignment.passages})
    clusters = copy_clusters(sources, near_copies(alignment))
    size: dict[str, int] = defaultdict(int)
    for root in clusters.values():
        size[root] += 1
    return {s: 1.0 / size[clusters[s]] for s in sources}


# --- Per-source evidence -----------------------------------------------------------------------


def _length(p: Passage) -> int:
    return max(p.end - p.start, 1)


@dataclass(frozen=True)
class _Evidence:
    """One source's passages as arrays (one entry per passage), ready to be summed or resampled.

    ``checked`` marks the passages fidelity is judged on: aligned with another source, or carrying a
    disagreement flag that cites other sources (a check compared it with them, e.g. a misspelt name
    in a sentence nobody else has). ``disagree`` is the fidelity load at full weight (before any
    two-witness discount).
    """

    length: np.ndarray
    words: np.ndarray
    aligned: np.ndarray
    checked: np.ndarray
    corroborated: np.ndarray
    disagree: np.ndarray
    garble: np.ndarray
    extra_disagree: float
    extra_garble: float


def _evidence(
    source_ids: Sequence[str],
    alignment: Alignment,
    flags: Sequence[Flag],
    witness: Mapping[str, str],
    copied: Sequence[tuple[str, str]] = (),
    weights: Sequence[float] | None = None,
) -> dict[str, _Evidence]:
    """Arrays of every source's passages: length, words, aligned?, checked?, corroborated?, flag loads
    (each flag at its ``weights`` entry: ``place_weights(flags)``, computed when not given)."""
    by_source: dict[str, list[Passage]] = defaultdict(list)
    for p in alignment.passages:
        by_source[p.source].append(p)
    group_of: dict[str, int] = {}
    corroborating_group: list[bool] = []
    for gi, g in enumerate(alignment.groups):
        witnesses = {witness.get(p.source, p.source) for p in g.passages}
        corroborating_group.append(len(witnesses) >= 2)
        for p in g.passages:
            group_of[p.id] = gi
    # A verbatim reprint and the passage it reprints are one witness: none of them corroborates
    # another (the checks fold them the same way), so such a passage is corroborated only when its
    # group holds a witness besides the reprint family. ``copied`` maps each copy to its original.
    source_of = {p.id: p.source for p in alignment.passages}
    family_sources: dict[str, set[str]] = defaultdict(set)  # original passage -> its family's witnesses
    family_of: dict[str, str] = {}  # passage -> the original passage of its family
    for copy, original in copied:
        family_sources[original] |= {witness[source_of[copy]], witness[source_of[original]]}
        family_of[copy] = family_of[original] = original

    def corroborated_passage(p: Passage) -> bool:
        gi = group_of.get(p.id)
        if gi is None or not corroborating_group[gi]:
            return False
        if p.id not in family_of:
            return True
        kin = family_sources[family_of[p.id]]
        return any(witness.get(q.source, q.source) not in kin for q in alignment.groups[gi].passages)

    loads: dict[str, list[tuple[int, float, bool, bool]]] = defaultdict(list)
    for f, w in zip(flags, place_weights(flags) if weights is None else weights):
        if w > 0:
            cites = any(e.source != f.source for e in f.evidence)
            loads[f.source].append((f.start, w, f.kind in LANGUAGE_KINDS, cites))

    out: dict[str, _Evidence] = {}
    for sid in source_ids:
        ps = sorted(by_source.get(sid, ()), key=lambda p: (p.start, p.index))
        n = len(ps)
        length = np.array([_length(p) for p in ps], dtype=float)
        words = np.array([len(p.text.split()) for p in ps], dtype=float)
        aligned = np.array([p.id in group_of for p in ps], dtype=bool)
        corroborated = np.array([corroborated_passage(p) for p in ps], dtype=bool)
        checked = aligned.copy()
        disagree = np.zeros(n)
        garble = np.zeros(n)
        extra_d = extra_g = 0.0
        starts = [p.start for p in ps]
        for start, w, is_language, cites in loads.get(sid, ()):
            # A flag belongs to the passage it starts in (the last passage starting at or before
            # it); one outside every passage (no passages at all) still counts, unresampled.
            i = bisect_right(starts, start) - 1
            if n == 0:
                if is_language:
                    extra_g += w
                else:
                    extra_d += w
                continue
            i = max(i, 0)
            if is_language:
                garble[i] += w
            else:
                disagree[i] += w
                checked[i] |= cites
        out[sid] = _Evidence(length, words, aligned, checked, corroborated, disagree, garble, extra_d, extra_g)
    return out


def _components(
    *,
    length: np.ndarray,
    corroborated_length: np.ndarray,
    checked: np.ndarray,
    load: np.ndarray,
    garble: np.ndarray,
    words: np.ndarray,
    prior: np.ndarray | float,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The three components from summed evidence (arrays: one entry per redraw, or 0-d)."""
    corroboration = np.where(length > 0, corroborated_length / np.maximum(length, 1e-9), 0.0)
    rate = load / np.maximum(checked, 1e-9)
    observed = np.where(checked > 0, np.exp2(-rate / FIDELITY_HALF_LOAD), 0.0)
    fidelity = (checked * observed + PRIOR_PASSAGES * prior) / (checked + PRIOR_PASSAGES)
    garble_rate = garble * 1000.0 / np.maximum(words, 1e-9)
    language = np.where(words > 0, np.exp2(-garble_rate / LANGUAGE_HALF_RATE), 1.0)
    return corroboration, fidelity, language


_WEIGHTS = np.array([c.weight for c in COMPONENTS])


def _combine(corroboration, fidelity, language) -> np.ndarray:
    total = _WEIGHTS.sum()
    return 100.0 * (
        _WEIGHTS[0] * corroboration + _WEIGHTS[1] * fidelity + _WEIGHTS[2] * language
    ) / total


def _point(ev: _Evidence, factor: float, prior: float) -> tuple[float, float, float]:
    c, f, l = _components(
        length=np.float64(ev.length.sum()),
        corroborated_length=np.float64(ev.length[ev.corroborated].sum()),
        checked=np.float64(ev.checked.sum()),
        load=np.float64(factor * (ev.disagree.sum() + ev.extra_disagree)),
        garble=np.float64(ev.garble.sum() + ev.extra_garble),
        words=np.float64(ev.words.sum()),
        prior=prior,
    )
    return float(c), float(f), float(l)


def _seed(source_id: str) -> int:
    digest = hashlib.sha256(f"{BOOTSTRAP_SEED}|{source_id}".encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big")


def _bootstrap(ev: _Evidence, factor: float, prior: float, source_id: str) -> np.ndarray:
    """The score in each of ``BOOTSTRAP_RESAMPLES`` redraws of the source's passages and of the prior.

    A redraw picks the source's n passages n times with replacement; ``counts[r, i]`` is how often
    passage i was picked in redraw r, so the redrawn sums are one matrix product.
    """
    rng = np.random.default_rng(_seed(source_id))
    n = len(ev.length)
    lo_p, hi_p = PRIOR_BOUNDS
    priors = np.clip(
        prior + rng.uniform(-PRIOR_SPREAD, PRIOR_SPREAD, size=BOOTSTRAP_RESAMPLES),
        max(0.0, lo_p - PRIOR_SPREAD),
        min(1.0, hi_p + PRIOR_SPREAD),
    )
    if n == 0:
        sums = np.zeros((BOOTSTRAP_RESAMPLES, 6))
    else:
        picks = rng.integers(0, n, size=(BOOTSTRAP_RESAMPLES, n))
        flat = (np.arange(BOOTSTRAP_RESAMPLES)[:, None] * n + picks).ravel()
        counts = np.bincount(flat, minlength=BOOTSTRAP_RESAMPLES * n).reshape(BOOTSTRAP_RESAMPLES, n).astype(float)
        stacked = np.column_stack([
            ev.length, ev.length * ev.corroborated, ev.checked.astype(float), ev.disagree, ev.garble, ev.words,
        ])
        sums = counts @ stacked
    c, f, l = _components(
        length=sums[:, 0],
        corroborated_length=sums[:, 1],
        checked=sums[:, 2],
        load=factor * (sums[:, 3] + ev.extra_disagree),
        garble=sums[:, 4] + ev.extra_garble,
        words=sums[:, 5],
        prior=priors,
    )
    return _combine(c, f, l)


def _prior(evidence: Mapping[str, _Evidence], factor: float) -> float:
    """The pooled fidelity of all sources' checked passages, kept inside ``PRIOR_BOUNDS``."""
    load = sum(float(ev.disagree[ev.checked].sum()) for ev in evidence.values()) * factor
    checked = sum(int(ev.checked.sum()) for ev in evidence.values())
    if checked == 0:
        return PRIOR_BOUNDS[1]
    pooled = math.exp2(-(load / checked) / FIDELITY_HALF_LOAD)
    return min(max(pooled, PRIOR_BOUNDS[0]), PRIOR_BOUNDS[1])


# --- Agreement between sources -----------------------------------------------------------------


def _sample_sources(group_id: str, members: Sequence[int], ids: Sequence[str], cap: int) -> list[int]:
    """At most ``cap`` of a group's sources (as indices into ``ids``), chosen by a digest of (group,
    source): deterministic, independent of input order, and not biased toward any id."""
    if len(members) <= cap:
        return list(members)
    keyed = sorted(members, key=lambda i: hashlib.sha256(f"{group_id}|{ids[i]}".encode("utf-8")).digest())
    return sorted(keyed[:cap])


def agreement(
    source_ids: Sequence[str],
    alignment: Alignment,
    flags: Sequence[Flag],
    *,
    cap: int = AGREEMENT_MAX_SOURCES_PER_GROUP,
    weights: Sequence[float] | None = None,
) -> tuple[Agreement, ...]:
    """How far each pair of sources that share a group agree, sorted by (a, b) with ``a < b``.

    ``value`` is the mean, over the groups both appear in, of their passages' similarity there (the
    best stored pair between them, else the group's mean similarity), times
    ``2 ** -(d / shared / AGREEMENT_HALF_LOAD)`` where ``d`` is the weight of the disagreement flags
    either raises against the other's rendering (flags whose evidence names the other source), each
    at its ``weights`` entry (``place_weights(flags)``, computed when not given).
    Groups with more than ``cap`` sources contribute pairs among a deterministic sample of ``cap``,
    so the work is at most cap * (cap - 1) / 2 pairs per group; no sources-by-sources matrix is built.
    """
    ids = sorted(set(source_ids))
    n_ids = len(ids)
    position = {sid: i for i, sid in enumerate(ids)}
    source_of = {p.id: position.get(p.source, -1) for p in alignment.passages}
    for g in alignment.groups:
        for p in g.passages:
            source_of.setdefault(p.id, position.get(p.source, -1))
    # Pairs are encoded as one integer a * n + b (a < b), so all groups' pairs are summed at once.
    keys: list[np.ndarray] = []
    sims: list[np.ndarray] = []
    fix_keys: list[int] = []
    fix_values: list[float] = []
    triu: dict[int, tuple[np.ndarray, np.ndarray]] = {}
    for g in alignment.groups:
        members = sorted({source_of[p.id] for p in g.passages} - {-1})
        if len(members) < 2:
            continue
        chosen = _sample_sources(g.id, members, ids, cap)
        m = len(chosen)
        if m not in triu:
            triu[m] = np.triu_indices(m, 1)
        iu, ju = triu[m]
        arr = np.asarray(chosen, dtype=np.int64)
        keys.append(arr[iu] * n_ids + arr[ju])
        sims.append(np.full(len(iu), g.similarity))
        # Where the alignment stored a pair between two sources, its best similarity replaces the
        # group mean: recorded as a correction to add.
        chosen_set = set(chosen) if m < len(members) else None
        best: dict[int, float] = {}
        for pa, pb, sim in g.pairs:
            a, b = source_of.get(pa, -1), source_of.get(pb, -1)
            if a < 0 or b < 0 or a == b:
                continue
            if chosen_set is not None and (a not in chosen_set or b not in chosen_set):
                continue
            key = min(a, b) * n_ids + max(a, b)
            if sim > best.get(key, -1.0):
                best[key] = sim
        for key, sim in best.items():
            fix_keys.append(key)
            fix_values.append(sim - g.similarity)
    if not keys:
        return ()
    all_keys = np.concatenate(keys)
    pair_keys, inverse = np.unique(all_keys, return_inverse=True)
    shared = np.bincount(inverse, minlength=len(pair_keys))
    sim_sum = np.bincount(inverse, weights=np.concatenate(sims), minlength=len(pair_keys))
    if fix_keys:
        at = np.searchsorted(pair_keys, np.asarray(fix_keys, dtype=np.int64))
        sim_sum += np.bincount(at, weights=np.asarray(fix_values), minlength=len(pair_keys))

    discount = np.zeros(len(pair_keys))
    for f, w in zip(flags, place_weights(flags) if weights is None else weights):
        if f.kind in LANGUAGE_KINDS or f.source not in position:
            continue
        if w <= 0:
            continue
        a = position[f.source]
        for other in sorted({e.source for e in f.evidence if e.source != f.source and e.source in position}):
            b = position[other]
            key = min(a, b) * n_ids + max(a, b)
            at = int(np.searchsorted(pair_keys, key))
            if at < len(pair_keys) and pair_keys[at] == key:
                discount[at] += w

    values = (sim_sum / shared) * np.exp2(-(discount / shared) / AGREEMENT_HALF_LOAD)
    values = np.round(np.clip(values, 0.0, 1.0), _DIGITS_UNIT)
    return tuple(
        Agreement(a=ids[k // n_ids], b=ids[k % n_ids], value=float(v), shared=int(c))
        for k, v, c in zip(pair_keys.tolist(), values.tolist(), shared.tolist())
    )


# --- The stage ---------------------------------------------------------------------------------


def _listing(ids: Sequence[str]) -> str:
    shown = ", ".join(ids[:MAX_LISTED_IN_NOTES])
    more = len(ids) - MAX_LISTED_IN_NOTES
    return f"{shown} and {more} more" if more > 0 else shown


def score(
    sources: Sequence[Source],
    alignment: Alignment,
    flags: Sequence[Flag],
    settings: Settings,
    copied: Sequence[tuple[str, str]] = (),
    near: Sequence[tuple[str, str, float]] | None = None,
) -> ScoreResult:
    """Score every source (see ``COMPONENTS``), rank them best first, and say how sure that is.

    Takes the sources as read, their alignment, and the flags with review decisions applied
    (``copied``: the passages the checks folded as verbatim reprints; ``near``: the alignment's
    ``near_copies`` when the caller has them already, computed here otherwise);
    ``settings`` is accepted for the stage signature (no setting changes scoring yet). Returns a
    ``ScoreResult`` whose scores are sorted best first (ties by source id), rounded (score and
    interval 1 decimal, components 3), and identical on every run with the same inputs.
    """
    del settings  # scoring has no tunables in Settings yet; the constants above document it
    # Sums of floats depend on their order; a fixed order keeps the rounded figures identical
    # whatever order the flags arrive in.
    flags = sorted(flags, key=lambda f: (f.source, f.start, f.end, f.kind.value, f.id))
    source_ids = sorted({s.id for s in sources})
    known = set(source_ids)
    if near is None:
        near = near_copies(alignment)
    copies = tuple(c for c in near if c[0] in known and c[1] in known)
    witness = copy_clusters(source_ids, copies)
    n_witnesses = len(set(witness.values()))
    two_witnesses = n_witnesses == 2
    factor = TWO_WITNESS_FACTOR if two_witnesses else 1.0

    weights = place_weights(flags)  # one weight per flag, shared by fidelity and the agreement map
    evidence = _evidence(source_ids, alignment, flags, witness, copied, weights)
    prior = _prior(evidence, factor)

    points = {sid: _point(evidence[sid], factor, prior) for sid in source_ids}
    redraws = np.array([_bootstrap(evidence[sid], factor, prior, sid) for sid in source_ids])
    low_high = np.percentile(redraws, INTERVAL_PERCENTILES, axis=1).T if source_ids else np.zeros((0, 2))

    median = float(np.median([c for c, _, _ in points.values()])) if points else 0.0
    note_below = min(UNCORROBORATED_BELOW, UNCORROBORATED_OF_MEDIAN * median)

    rows: list[tuple[float, str, tuple[float, float, float], tuple[float, float], str | None]] = []
    for sid, (lo, hi) in zip(source_ids, low_high.tolist()):
        ev, comps = evidence[sid], points[sid]
        value = float(_combine(*comps))
        if two_witnesses:
            # Either side may be the wrong one: span from "none of the differences is this source's
            # fault" to "all of them are".
            lo = min(lo, float(_combine(*_point(ev, 1.0, prior))))
            hi = max(hi, float(_combine(*_point(ev, 0.0, prior))))
        lo, hi = min(lo, value), max(hi, value)
        note = _source_note(ev, comps[0], note_below, n_witnesses)
        rows.append((round(value, _DIGITS_SCORE), sid, comps, (lo, hi), note))

    rows.sort(key=lambda r: (-r[0], r[1]))
    counts = _all_flag_counts(flags)
    scores = tuple(
        SourceScore(
            source=sid,
            score=value,
            rank=rank,
            components=tuple((c.name, round(v, _DIGITS_UNIT)) for c, v in zip(COMPONENTS, comps)),
            interval=(round(lo, _DIGITS_SCORE), round(hi, _DIGITS_SCORE)),
            flag_counts=counts.get(sid, _NO_FLAGS),
            note=note,
        )
        for rank, (value, sid, comps, (lo, hi), note) in enumerate(rows, start=1)
    )
    return ScoreResult(
        scores=scores,
        agreement=agreement(source_ids, alignment, flags, weights=weights),
        near_copies=copies,
        notes=_notes(source_ids, copies, witness, n_witnesses, rows),
    )


def _source_note(ev: _Evidence, corroboration: float, threshold: float, n_witnesses: int) -> str | None:
    """A short line for the reader when a score rests on thin evidence (``None`` otherwise)."""
    if n_witnesses < 2:
        return None
    if not ev.aligned.any():
        if not ev.checked.any():
            return ("uncorroborated: no other source reports what it says, so its rendering could not be "
                    "checked (its fidelity is a prior, hence the wide interval); unconfirmed, not wrong")
        return ("uncorroborated: no passage of it aligns with another source's (only flags compared it "
                "with them); unconfirmed, not wrong")
    if corroboration < threshold:
        return (f"mostly uncorroborated: other sources report {corroboration:.0%} of its text; that "
                "lowers its score, but unconfirmed is not wrong")
    return None


def _notes(
    source_ids: Sequence[str],
    copies: Sequence[tuple[str, str, float]],
    witness: Mapping[str, str],
    n_witnesses: int,
    rows: Sequence[tuple[float, str, tuple[float, float, float], tuple[float, float], str | None]],
) -> tuple[str, ...]:
    """The sentences a reader must see: too few witnesses, near-copy clusters, uncorroborated sources.
    Long lists name ``MAX_LISTED_IN_NOTES`` sources and count the rest."""
    notes: list[str] = []
    if n_witnesses == 1 and len(source_ids) > 1:
        notes.append(
            "All sources are near-copies of one another: they are one witness, so nothing they say is "
            "corroborated and their differences cannot be weighed against independent reporting."
        )
    elif n_witnesses == 2:
        who = "two sources" if len(source_ids) == 2 else f"{len(source_ids)} sources that form two independent witnesses"
        notes.append(
            f"Only {who} are compared: where they differ, a comparison of two cannot tell which one is "
            "wrong. Each difference counts half against the source it was found in, and each score's "
            "interval spans from none of the differences being that source's fault to all of them. "
            "Add sources to settle the differences."
        )
    if copies:
        clusters: dict[str, list[str]] = defaultdict(list)
        for sid in source_ids:
            clusters[witness[sid]].append(sid)
        groups = sorted(tuple(m) for m in clusters.values() if len(m) > 1)
        described = "; ".join(_listing(list(m)) for m in groups[:MAX_LISTED_IN_NOTES])
        extra = len(groups) - MAX_LISTED_IN_NOTES
        if extra > 0:
            described += f"; and {extra} more clusters"
        notes.append(
            f"Near-copies (the same text; each cluster counts as one witness for corroboration): {described}."
        )
    unchecked = [r[1] for r in rows if r[4] is not None and r[4].startswith("uncorroborated")]
    if unchecked:
        notes.append(
            f"No other source reports what {_listing(unchecked)} say(s): uncorroborated, so a lower score "
            "there means unconfirmed, not wrong."
        )
    return tuple(notes)
