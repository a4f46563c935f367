"""Table tests for srccompare.scoring on hand-built alignments and flags."""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, replace
from itertools import combinations

import pytest

from srccompare import scoring
from srccompare.models import (
    Alignment,
    Flag,
    Group,
    Kind,
    Passage,
    Review,
    ReviewStatus,
    Severity,
    Source,
    SourceMeta,
    Span,
)
from srccompare.settings import Settings

SETTINGS = Settings(cache=False)


# --- A small builder for hand-made cases -------------------------------------------------------


@dataclass(frozen=True)
class F:
    """A flag to raise on passage ``index`` of ``source``, with evidence from ``against`` sources."""

    source: str
    index: int
    kind: Kind = Kind.NAME_VARIANT
    severity: Severity = Severity.HIGH
    confidence: float = 0.9
    against: tuple[str, ...] = ()
    status: ReviewStatus = ReviewStatus.OPEN


class Case:
    """Sources made of numbered passages, groups of (source, index) members, and flags."""

    def __init__(self, texts: dict[str, list[str]]):
        self.sources: dict[str, Source] = {}
        self.passages: dict[tuple[str, int], Passage] = {}
        for sid in sorted(texts):
            text, spans = "", []
            for i, t in enumerate(texts[sid]):
                start = len(text)
                text += t
                spans.append((start, len(text)))
                self.passages[(sid, i)] = Passage(f"{sid}:{i}", sid, i, start, len(text), t)
                text += "\n"
            self.sources[sid] = Source(
                id=sid, path=f"{sid}.txt", sha256=hashlib.sha256(text.encode()).hexdigest(), text=text,
                encoding="utf-8", title=sid, meta=SourceMeta(), content=tuple(spans),
            )
        self.groups: list[Group] = []
        self.flags: list[Flag] = []

    def group(self, *members: tuple[str, int], sim: float = 0.7, sims: dict | None = None) -> "Case":
        ps = tuple(self.passages[m] for m in members)
        pairs = []
        for a, b in combinations(ps, 2):
            if a.source == b.source:
                continue
            s = (sims or {}).get((a.source, b.source), (sims or {}).get((b.source, a.source), sim))
            pairs.append((a.id, b.id, s))
        mean = sum(s for *_, s in pairs) / len(pairs)
        gid = "g-" + hashlib.sha256("|".join(p.id for p in ps).encode()).hexdigest()[:10]
        self.groups.append(Group(gid, ps, tuple(pairs), mean))
        return self

    def flag(self, spec: F) -> "Case":
        p = self.passages[(spec.source, spec.index)]
        group = next((g.id for g in self.groups if p in g.passages), None)
        evidence = []
        for other in spec.against:
            # Evidence from the other source's passage in the same group, else its first passage.
            q = next((q for g in self.groups if p in g.passages for q in g.passages if q.source == other),
                     self.passages[(other, 0)])
            evidence.append(Span(other, q.start, q.start + 3, q.text[:3]))
        n = len(self.flags)
        self.flags.append(Flag(
            id=f"f-{spec.source}-{n}", kind=spec.kind, source=spec.source, start=p.start, end=p.start + 3,
            text=p.text[:3], expected="x", severity=spec.severity, confidence=spec.confidence,
            group=group, message="m", evidence=tuple(evidence), review=Review(spec.status),
        ))
        return self

    def run(self, copied: tuple[tuple[str, str], ...] = ()):
        all_p = tuple(sorted(self.passages.values(), key=lambda p: (p.source, p.index)))
        grouped = {p.id for g in self.groups for p in g.passages}
        alignment = Alignment(all_p, tuple(self.groups), tuple(p for p in all_p if p.id not in grouped))
        return scoring.score(tuple(self.sources.values()), alignment, tuple(self.flags), SETTINGS, copied)


def sentence(sid: str, i: int) -> str:
    return f"Sentence number {i} as told by source {sid} with some words in it."


def aligned_case(sources=("a", "b", "c", "d"), n=6, sim=0.7) -> Case:
    """Every source reports the same n things; each thing forms one group."""
    case = Case({s: [sentence(s, i) for i in range(n)] for s in sources})
    for i in range(n):
        case.group(*[(s, i) for s in sources], sim=sim)
    return case


def by_source(result):
    return {s.source: s for s in result.scores}


def comp(sc, name):
    return dict(sc.components)[name]


# --- Fidelity and flags ------------------------------------------------------------------------


@pytest.mark.parametrize("n_flags", [1, 2, 4])
def test_more_flags_lower_fidelity(n_flags):
    fewer, more = aligned_case(), aligned_case()
    for i in range(n_flags - 1):
        fewer.flag(F("a", i, against=("b", "c")))
    for i in range(n_flags):
        more.flag(F("a", i, against=("b", "c")))
    f_fewer = comp(by_source(fewer.run())["a"], "fidelity")
    f_more = comp(by_source(more.run())["a"], "fidelity")
    assert f_more < f_fewer
    assert by_source(more.run())["a"].rank == 4


def test_severity_ordering():
    values = []
    for sev in (Severity.HIGH, Severity.MEDIUM, Severity.LOW):
        case = aligned_case().flag(F("a", 0, severity=sev, against=("b",)))
        values.append(by_source(case.run())["a"].score)
    assert values[0] < values[1] < values[2]


def test_confidence_weighs_open_flags():
    low = aligned_case().flag(F("a", 0, confidence=0.5, against=("b",)))
    high = aligned_case().flag(F("a", 0, confidence=1.0, against=("b",)))
    assert comp(by_source(high.run())["a"], "fidelity") < comp(by_source(low.run())["a"], "fidelity")


def test_flags_on_overlapping_words_count_once_as_the_heaviest():
    # One mistranslated word inside a quotation: the term flag and the quote flag around it are one
    # error. Apart (different words of the passage) they are two.
    def with_two(overlap: bool, second_severity=Severity.HIGH):
        case = aligned_case().flag(F("a", 0, kind=Kind.QUOTE_VARIANT, against=("b",)))
        case.flag(F("a", 0, kind=Kind.TERM_VARIANT, severity=second_severity, against=("b",)))
        if not overlap:
            term = case.flags[-1]
            case.flags[-1] = replace(term, start=term.start + 5, end=term.start + 8)
        return comp(by_source(case.run())["a"], "fidelity")

    one = comp(by_source(aligned_case().flag(F("a", 0, kind=Kind.QUOTE_VARIANT, against=("b",))).run())["a"], "fidelity")
    assert with_two(overlap=True) == one
    assert with_two(overlap=False) < one
    # The place weighs as its heaviest flag, whichever check raised it.
    assert with_two(overlap=True, second_severity=Severity.LOW) == one
    flags = aligned_case().flag(F("a", 0, severity=Severity.LOW)).flag(F("a", 0, severity=Severity.HIGH)).flags
    assert scoring.place_weights(flags) == [0.0, pytest.approx(0.9)]
    # Another source's flag on the same offsets, or a garble on the same words, is another place.
    other = replace(flags[0], source="b", id="other")
    garble = replace(flags[0], kind=Kind.GARBLED_TEXT, id="garble")
    assert scoring.place_weights([flags[1], other, garble]) == [pytest.approx(0.9), pytest.approx(0.135), pytest.approx(0.135)]


def test_dismissed_flags_do_not_count_confirmed_count_fully():
    clean = by_source(aligned_case().run())["a"]
    dismissed = by_source(aligned_case().flag(F("a", 0, status=ReviewStatus.DISMISSED)).run())["a"]
    open_ = by_source(aligned_case().flag(F("a", 0, confidence=0.6)).run())["a"]
    confirmed = by_source(aligned_case().flag(F("a", 0, confidence=0.6, status=ReviewStatus.CONFIRMED)).run())["a"]
    full = by_source(aligned_case().flag(F("a", 0, confidence=1.0)).run())["a"]
    assert dismissed.score == clean.score and dismissed.components == clean.components
    assert dismissed.flag_counts == (("high", 0), ("medium", 0), ("low", 0))
    assert confirmed.score < open_.score < clean.score
    assert confirmed.components == full.components
    assert confirmed.flag_counts == (("high", 1), ("medium", 0), ("low", 0))


def test_flag_counts_by_severity():
    case = aligned_case()
    case.flag(F("a", 0, severity=Severity.HIGH)).flag(F("a", 1, severity=Severity.LOW))
    case.flag(F("a", 2, severity=Severity.LOW)).flag(F("a", 3, severity=Severity.MEDIUM, status=ReviewStatus.DISMISSED))
    assert by_source(case.run())["a"].flag_counts == (("high", 1), ("medium", 0), ("low", 2))


def test_garbles_lower_language_not_fidelity():
    case = aligned_case().flag(F("a", 0, kind=Kind.GARBLED_TEXT)).flag(F("a", 1, kind=Kind.GARBLED_TEXT))
    a = by_source(case.run())["a"]
    clean = by_source(aligned_case().run())["b"]
    assert comp(a, "language") < 1.0 == comp(clean, "language")
    assert comp(a, "fidelity") == comp(clean, "fidelity")
    assert a.rank == 4


# --- Corroboration and thin evidence -----------------------------------------------------------


def test_unique_details_uncorroborated_not_penalised_on_fidelity():
    texts = {s: [sentence(s, i) for i in range(6)] for s in "abc"}
    texts["u"] = [sentence("u", i) for i in range(6)]
    case = Case(texts)
    for i in range(6):
        case.group(("a", i), ("b", i), ("c", i))
    case.flag(F("a", 0, against=("b", "c"))).flag(F("b", 1, severity=Severity.MEDIUM, against=("a", "c")))
    result = case.run()
    s = by_source(result)
    u = s["u"]
    assert comp(u, "corroboration") == 0.0
    assert comp(u, "language") == 1.0
    # Fidelity is a prior: neither perfect nor zero, and the interval is wider than a checked source's.
    assert 0.25 <= comp(u, "fidelity") <= 0.75
    width = lambda sc: sc.interval[1] - sc.interval[0]
    assert width(u) > width(s["c"])
    assert u.note and u.note.startswith("uncorroborated")
    assert s["c"].note is None
    assert any("u" in n and "uncorroborated" in n for n in result.notes)


def test_partly_uncorroborated_source_keeps_clean_fidelity():
    texts = {s: [sentence(s, i) for i in range(6)] for s in "abc"}
    case = Case(texts)
    case.group(("a", 0), ("b", 0), ("c", 0))
    for i in range(1, 6):
        case.group(("a", i), ("b", i))
    c = by_source(case.run())["c"]
    assert comp(c, "corroboration") == pytest.approx(1 / 6, abs=0.01)
    assert comp(c, "fidelity") > 0.75  # one clean shared passage beats the prior
    assert c.note and c.note.startswith("mostly uncorroborated")


def test_flag_outside_aligned_text_counts_as_checked_evidence():
    """A misspelt name in a sentence nobody else has: the flag compared it with the other sources,
    so it weighs on fidelity against that passage, not against a prior of nothing."""
    def run(flagged):
        texts = {s: [sentence(s, i) for i in range(4)] for s in "abcu"}
        case = Case(texts)
        for i in range(4):
            case.group(("a", i), ("b", i), ("c", i))
        if flagged:
            case.flag(F("u", 2, severity=Severity.MEDIUM, against=("a", "b")))
        return by_source(case.run())["u"]

    clean, flagged = run(False), run(True)
    assert comp(flagged, "fidelity") < comp(clean, "fidelity")
    assert comp(flagged, "corroboration") == 0.0
    assert clean.note.startswith("uncorroborated") and "prior" in clean.note
    assert flagged.note.startswith("uncorroborated") and "prior" not in flagged.note


def test_uncorroborated_note_is_relative_to_the_set():
    """When little of any source aligns (sentence-level rewording), only the outlier gets the note."""
    texts = {s: [sentence(s, i) for i in range(10)] for s in "abcd"}
    case = Case(texts)
    case.group(("a", 0), ("b", 0), ("c", 0)).group(("a", 1), ("b", 1), ("c", 1))
    case.group(("a", 2), ("b", 2), ("d", 0))
    notes = {s.source: s.note for s in case.run().scores}
    assert notes["a"] is None and notes["b"] is None  # 30% corroborated, the most in this set
    assert notes["d"] and notes["d"].startswith("mostly uncorroborated")


def test_interval_contains_score_and_widens_with_fewer_groups():
    def run(n):
        case = aligned_case(n=n)
        for i in range(0, n, 3):
            case.flag(F("a", i, against=("b", "c")))
        return by_source(case.run())["a"]

    few, many = run(3), run(30)
    for sc in (few, many):
        assert sc.interval[0] <= sc.score <= sc.interval[1]
    assert few.interval[1] - few.interval[0] > many.interval[1] - many.interval[0]


# --- Two sources, near-copies ------------------------------------------------------------------


def test_two_sources_note_and_symmetric_blame():
    two = aligned_case(sources=("a", "b")).flag(F("a", 0, against=("b",))).flag(F("a", 1, against=("b",)))
    four = aligned_case().flag(F("a", 0, against=("b",))).flag(F("a", 1, against=("b",)))
    r2, r4 = two.run(), four.run()
    assert any("cannot tell which one is wrong" in n for n in r2.notes)
    assert not any("cannot tell" in n for n in r4.notes)
    a2, a4 = by_source(r2)["a"], by_source(r4)["a"]
    # The same differences weigh less when nobody can tell which side is wrong...
    assert comp(a2, "fidelity") > comp(a4, "fidelity")
    # ...and the interval stretches to "all of it is a's fault" and "none is".
    assert a2.interval[1] - a2.interval[0] > a4.interval[1] - a4.interval[0]
    assert a2.interval[1] >= by_source(r2)["b"].score - 0.1


def copies_case() -> Case:
    """a and b are the same wire text; c and d are independent and agree with each other on 0-3."""
    texts = {s: [sentence(s, i) for i in range(6 if s in "ab" else 4)] for s in "abcd"}
    case = Case(texts)
    sims = {("a", "b"): 0.97}
    for i in range(4):
        case.group(("a", i), ("b", i), ("c", i), ("d", i), sim=0.6, sims=sims)
    for i in range(4, 6):
        case.group(("a", i), ("b", i), sim=0.97)
    return case


def test_near_copies_detected():
    result = copies_case().run()
    assert result.near_copies == (("a", "b", 1.0),)
    assert any("Near-copies" in n and "a, b" in n for n in result.notes)
    aligned = copies_case()
    alignment = Alignment(tuple(aligned.passages.values()), tuple(aligned.groups), ())
    assert scoring.witness_weights(alignment) == {"a": 0.5, "b": 0.5, "c": 1.0, "d": 1.0}


def test_near_copies_do_not_corroborate_each_other():
    s = by_source(copies_case().run())
    # a's passages 4-5 are only in b, a copy of a: not corroborated.
    assert comp(s["a"], "corroboration") == pytest.approx(4 / 6, abs=0.01)
    assert comp(s["c"], "corroboration") == 1.0


def test_copies_do_not_outvote_the_rest():
    def run(ab_sim):
        case = aligned_case(sources=("a", "b", "c"), sim=0.6)
        case.groups = [
            replace(g, pairs=tuple((x, y, ab_sim if {x[0], y[0]} == {"a", "b"} else s) for x, y, s in g.pairs))
            for g in case.groups
        ]
        case.flag(F("c", 0, against=("a", "b"))).flag(F("c", 1, against=("a", "b")))
        return case.run()

    copied, independent = run(0.97), run(0.6)
    assert copied.near_copies == (("a", "b", 1.0),) and independent.near_copies == ()
    # Two copies against c are one witness against one: their two "votes" are not a majority.
    assert any("cannot tell which one is wrong" in n for n in copied.notes)
    assert not any("cannot tell" in n for n in independent.notes)
    assert comp(by_source(copied)["c"], "fidelity") > comp(by_source(independent)["c"], "fidelity")
    assert by_source(copied)["c"].score > by_source(independent)["c"].score


def test_partial_overlap_is_not_a_copy():
    texts = {s: [sentence(s, i) for i in range(6)] for s in "abc"}
    case = Case(texts)
    # They share one identical quote out of six passages: independent outlets quoting one statement.
    case.group(("a", 0), ("b", 0), ("c", 0), sim=0.98)
    for i in range(1, 6):
        case.group(("a", i), ("b", i), ("c", i), sim=0.5)
    assert case.run().near_copies == ()


def test_all_copies_are_one_witness():
    case = aligned_case(sources=("a", "b", "c"), sim=0.99)
    result = case.run()
    assert len(result.near_copies) == 3
    assert any("one witness" in n for n in result.notes)
    assert all(comp(s, "corroboration") == 0.0 for s in result.scores)


def test_reprinted_passages_do_not_corroborate_each_other():
    """A reprint of two of a wire's six passages (the checks fold them as one witness): those two
    corroborate each other only through a third outlet that reports the same thing."""
    texts = {"wire": [sentence("wire", i) for i in range(6)], "reprint": [sentence("wire", 0), sentence("wire", 1)],
             "daily": [sentence("daily", i) for i in range(6)]}
    case = Case(texts)
    case.group(("wire", 0), ("reprint", 0), ("daily", 0), sim=0.6, sims={("wire", "reprint"): 1.0})
    case.group(("wire", 1), ("reprint", 1), sim=1.0)
    for i in range(2, 6):
        case.group(("wire", i), ("daily", i), sim=0.6)
    copied = (("reprint:0", "wire:0"), ("reprint:1", "wire:1"))
    plain, folded = by_source(case.run()), by_source(case.run(copied))
    assert comp(plain["reprint"], "corroboration") == 1.0 and comp(plain["wire"], "corroboration") == 1.0
    # Passage 1 has no witness besides the reprint family; passage 0 has the daily.
    assert comp(folded["reprint"], "corroboration") == pytest.approx(0.5, abs=0.01)
    assert comp(folded["wire"], "corroboration") == pytest.approx(5 / 6, abs=0.01)
    assert comp(folded["daily"], "corroboration") == comp(plain["daily"], "corroboration")
    assert folded["reprint"].score < plain["reprint"].score


# --- Agreement ---------------------------------------------------------------------------------


def test_agreement_pairs_and_discount():
    case = aligned_case(sources=("a", "b", "c")).flag(F("a", 0, against=("b",)))
    agreement = {(g.a, g.b): g for g in case.run().agreement}
    assert set(agreement) == {("a", "b"), ("a", "c"), ("b", "c")}
    assert all(g.shared == 6 for g in agreement.values())
    assert agreement[("a", "b")].value < agreement[("a", "c")].value == pytest.approx(0.7)


def test_agreement_only_for_sources_sharing_groups():
    texts = {s: [sentence(s, i) for i in range(2)] for s in "abcd"}
    case = Case(texts).group(("a", 0), ("b", 0)).group(("c", 1), ("d", 1))
    assert [(g.a, g.b) for g in case.run().agreement] == [("a", "b"), ("c", "d")]


def test_agreement_caps_work_per_group():
    n = scoring.AGREEMENT_MAX_SOURCES_PER_GROUP + 20
    sources = [f"s{i:03d}" for i in range(n)]
    case = aligned_case(sources=sources, n=1)
    pairs = case.run().agreement
    cap = scoring.AGREEMENT_MAX_SOURCES_PER_GROUP
    assert len(pairs) == cap * (cap - 1) // 2


# --- Ranking, rounding, determinism ------------------------------------------------------------


def test_ranks_best_first_ties_by_id():
    result = aligned_case(sources=("d", "c", "b", "a")).run()
    assert [s.source for s in result.scores] == ["a", "b", "c", "d"]
    assert [s.rank for s in result.scores] == [1, 2, 3, 4]
    assert [name for name, _ in result.scores[0].components] == [c.name for c in scoring.COMPONENTS]


def test_values_rounded_and_in_range():
    case = aligned_case().flag(F("a", 0, confidence=0.777, against=("b",))).flag(F("b", 1, kind=Kind.GARBLED_TEXT))
    for s in case.run().scores:
        assert 0 <= s.score <= 100 and s.score == round(s.score, 1)
        assert all(0 <= v <= 1 and v == round(v, 3) for _, v in s.components)
        assert s.interval == (round(s.interval[0], 1), round(s.interval[1], 1))


def test_deterministic():
    def build():
        case = copies_case()
        case.flag(F("c", 0, against=("d",))).flag(F("a", 2, kind=Kind.GARBLED_TEXT))
        return case.run()

    assert build() == build()


def test_order_of_input_does_not_matter():
    case = copies_case().flag(F("c", 0, against=("d",)))
    result = case.run()
    all_p = tuple(sorted(case.passages.values(), key=lambda p: (p.source, p.index)))
    grouped = {p.id for g in case.groups for p in g.passages}
    reversed_alignment = Alignment(all_p[::-1], tuple(case.groups[::-1]),
                                   tuple(p for p in all_p if p.id not in grouped))
    other = scoring.score(tuple(case.sources.values())[::-1], reversed_alignment, tuple(case.flags[::-1]), SETTINGS)
    assert other == result


def test_components_documented():
    names = [c.name for c in scoring.COMPONENTS]
    assert names == ["corroboration", "fidelity", "language"]
    assert sum(c.weight for c in scoring.COMPONENTS) == pytest.approx(1.0)
    assert all(c.explanation and c.label for c in scoring.COMPONENTS)


# --- Scale -------------------------------------------------------------------------------------


def synthetic(n_sources: int, n_passages: int, group_size: int = 8) -> tuple:
    """n_sources x n_passages passages; each story item i is told by a rotating window of sources."""
    sources, passages, groups, flags = [], [], [], []
    by_src: dict[str, list[Passage]] = {}
    for s in range(n_sources):
        sid = f"s{s:05d}"
        text, spans, ps = "", [], []
        for i in range(n_passages):
            t = f"Item {i} told by {sid}: the same thing in other words."
            start = len(text)
            text += t + "\n"
            spans.append((start, start + len(t)))
            ps.append(Passage(f"{sid}:{i}", sid, i, start, start + len(t), t))
        by_src[sid] = ps
        passages.extend(ps)
        sources.append(Source(sid, f"{sid}.txt", "0" * 64, text, "utf-8", sid, SourceMeta(), tuple(spans)))
    ids = sorted(by_src)
    for i in range(n_passages):
        for start in range(0, n_sources - 1, group_size):
            members = [by_src[ids[(start + k + i) % n_sources]][i] for k in range(group_size)]
            members = list({m.id: m for m in members}.values())
            pairs = tuple((a.id, b.id, 0.6) for a, b in zip(members, members[1:]))
            groups.append(Group(f"g{i}-{start}", tuple(members), pairs, 0.6))
            if start % 3 == 0:
                p = members[0]
                flags.append(Flag(f"f{i}-{start}", Kind.TERM_VARIANT, p.source, p.start, p.start + 4,
                                  p.text[:4], "x", Severity.MEDIUM, 0.8, groups[-1].id, "m",
                                  (Span(members[1].source, members[1].start, members[1].start + 4, "Item"),)))
    grouped = {p.id for g in groups for p in g.passages}
    alignment = Alignment(tuple(passages), tuple(groups), tuple(p for p in passages if p.id not in grouped))
    return tuple(sources), alignment, tuple(flags)


@pytest.mark.slow
def test_scale_smoke():
    sources, alignment, flags = synthetic(2000, 30)
    t0 = time.perf_counter()
    result = scoring.score(sources, alignment, flags, SETTINGS)
    elapsed = time.perf_counter() - t0
    assert len(result.scores) == 2000
    assert result.agreement and all(a.a < a.b for a in result.agreement)
    print(f"scored 2000 sources x 30 passages in {elapsed:.2f}s")


def test_near_copies_handed_on_by_the_pipeline_score_as_if_computed_here(seeds_copy):
    """The pipeline gives ``score`` the near copies the checks' fold computed; scoring with them
    and scoring without them (computed inside) give the same result."""
    from srccompare.checks import CheckContext, copies
    from srccompare.pipeline import analyze

    analysis = analyze([seeds_copy], Settings(cache=False), record_run=False)
    ctx = CheckContext(sources={s.id: s for s in analysis.sources}, alignment=analysis.alignment,
                       settings=analysis.settings)
    folded = copies.fold_of(ctx)
    assert folded.near == scoring.near_copies(analysis.alignment)
    args = (analysis.sources, analysis.alignment, analysis.flags, analysis.settings, analysis.copied_passages)
    assert scoring.score(*args, near=folded.near) == scoring.score(*args) == analysis.scoring
