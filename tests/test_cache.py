"""The content cache and the last-run summary: reuse, invalidation, damage, and no effect on results."""

from __future__ import annotations

import dataclasses
import enum
import json
import shutil
from pathlib import Path

import numpy as np
import pytest
import scipy.sparse as sp

from srccompare import align, cache, segment, sources
from srccompare.cache import Cache, _Codec, _Unstorable
from srccompare.models import Flag, Kind, Passage, ScoreResult, Severity, Source, SourceScore
from srccompare.settings import Settings


@pytest.fixture
def seeds_copy(tmp_path: Path) -> Path:
    """A writable copy of the seed articles only (no run state another run may have left beside them)."""
    dest = tmp_path / "seeds"
    dest.mkdir()
    for p in sorted(Path(__file__).resolve().parent.parent.joinpath("seeds").glob("*.txt")):
        shutil.copy(p, dest / p.name)
    return dest


class Counting:
    """Wraps a stage function and counts its calls."""

    def __init__(self, func):
        self.func = func
        self.calls = 0

    def __call__(self, *args):
        self.calls += 1
        return self.func(*args)


def run_stages(home: Path, settings: Settings = Settings(), files: list[Path] | None = None):
    """One pass of the three cached stages, as ``pipeline.analyze`` makes it; returns results and counters."""
    files = files if files is not None else sorted(p for p in home.iterdir() if p.suffix == ".txt")
    reader, segmenter, vectorizer = Counting(sources.read_source), Counting(segment.segment), Counting(align.count_vectors)
    c = Cache(home, settings)
    read, problems = c.read_sources(files, reader)
    passages = {s.id: c.passages(s, segmenter) for s in read}
    counts = {s.id: c.counts(s, passages[s.id], vectorizer) for s in read}
    c.save()
    return (read, passages, counts), (reader.calls, segmenter.calls, vectorizer.calls), c


def entries(home: Path) -> list[Path]:
    d = home / ".srccompare" / "cache"
    return sorted(d.glob("*.bin")) if d.is_dir() else []


def assert_same(a, b) -> None:
    (ra, pa, ca), (rb, pb, cb) = a, b
    assert ra == rb
    assert pa == pb
    assert ca.keys() == cb.keys()
    for k in ca:
        assert type(ca[k]) is type(cb[k])
        assert ca[k].dtype == cb[k].dtype and ca[k].shape == cb[k].shape
        assert (ca[k] != cb[k]).nnz == 0


def test_second_run_reuses_every_stage_and_gives_the_same_objects(seeds_copy: Path) -> None:
    first, calls1, _ = run_stages(seeds_copy)
    assert calls1 == (5, 5, 5)
    assert len(entries(seeds_copy)) == 5
    second, calls2, c = run_stages(seeds_copy)
    assert calls2 == (0, 0, 0)
    assert c.stats.hits == {"source": 5, "passages": 5, "counts": 5}
    assert_same(first, second)
    uncached, calls3, _ = run_stages(seeds_copy, Settings(cache=False))
    assert calls3 == (5, 5, 5)
    assert_same(first, uncached)


def test_only_the_new_source_is_computed(seeds_copy: Path, tmp_path: Path) -> None:
    run_stages(seeds_copy)
    extra = seeds_copy / "005_extra.txt"
    extra.write_text("Officials from both countries met in Geneva on Saturday for trade talks.\n"
                     "The talks were described as constructive by the US Treasury.\n", encoding="utf-8")
    _, calls, _ = run_stages(seeds_copy)
    assert calls == (1, 1, 1)
    assert len(entries(seeds_copy)) == 6


@pytest.mark.parametrize("change", ["bytes", "sidecar", "settings", "version", "rename"])
def test_a_change_is_a_miss_not_a_stale_hit(seeds_copy: Path, monkeypatch: pytest.MonkeyPatch, change: str) -> None:
    run_stages(seeds_copy)
    target = sorted(seeds_copy.glob("*.txt"))[1]
    settings = Settings()
    expect = (1, 1, 1)
    if change == "bytes":
        target.write_text(target.read_text(encoding="utf-8") + "\nOne more sentence at the end.\n", encoding="utf-8")
    elif change == "sidecar":
        target.with_name(target.stem + ".meta.json").write_text('{"outlet": "Daily Planet"}', encoding="utf-8")
    elif change == "settings":
        settings = Settings(char_ngram_max=4)
        expect = (5, 5, 5)
    elif change == "version":
        monkeypatch.setattr(cache, "__version__", "9.9.9")
        expect = (5, 5, 5)
    else:
        target.rename(target.with_name("zzz_renamed.txt"))
    (read, _, _), calls, _ = run_stages(seeds_copy, settings)
    assert calls == expect
    if change == "sidecar":
        assert [s.meta.outlet for s in read if s.id == target.stem] == ["Daily Planet"]
    fresh, _, _ = run_stages(seeds_copy, dataclasses.replace(settings, cache=False))
    assert read == fresh[0]


def test_corrupt_entries_are_misses_and_get_rewritten(seeds_copy: Path) -> None:
    first, _, _ = run_stages(seeds_copy)
    paths = entries(seeds_copy)
    paths[0].write_bytes(paths[0].read_bytes()[:100])  # truncated
    paths[1].write_bytes(b"not a zip file at all")
    paths[2].write_bytes(b"")
    second, calls, _ = run_stages(seeds_copy)
    assert calls == (3, 3, 3)
    assert_same(first, second)
    _, calls, _ = run_stages(seeds_copy)
    assert calls == (0, 0, 0)


def test_an_entry_for_another_key_is_not_trusted(seeds_copy: Path) -> None:
    run_stages(seeds_copy)
    a, b = entries(seeds_copy)[:2]
    shutil.copy(a, b)  # a renamed or swapped file: its record names another key
    _, calls, _ = run_stages(seeds_copy)
    assert calls == (1, 1, 1)


def test_cache_off_reads_and_writes_nothing(seeds_copy: Path) -> None:
    _, calls, _ = run_stages(seeds_copy, Settings(cache=False))
    assert calls == (5, 5, 5)
    assert not (seeds_copy / ".srccompare").exists()


def test_unwritable_state_folder_is_not_fatal(seeds_copy: Path) -> None:
    (seeds_copy / ".srccompare").write_text("a file where the folder should be")  # mkdir fails, even as root
    first, calls, c = run_stages(seeds_copy)
    assert calls == (5, 5, 5)
    assert c.notes and ".srccompare" in c.notes[0]
    changes = c.compare_with_last_run(first[0], (), ScoreResult((), (), (), ()), record=True)
    assert changes.previous_run is False


def test_entries_not_used_are_pruned(seeds_copy: Path) -> None:
    run_stages(seeds_copy)
    stale = seeds_copy / ".srccompare" / "cache" / ("0" * 40 + ".bin")
    stale.write_bytes(b"old")
    foreign = seeds_copy / ".srccompare" / "cache" / "README"
    foreign.write_text("not ours")
    files = sorted(seeds_copy.glob("*.txt"))[:3]
    run_stages(seeds_copy, files=files)
    assert len(entries(seeds_copy)) == 3
    assert foreign.exists()


def test_state_folder_is_kept_out_of_version_control(seeds_copy: Path) -> None:
    run_stages(seeds_copy)
    assert (seeds_copy / ".srccompare" / ".gitignore").read_text() == "*\n"


# -- the storage format --------------------------------------------------------------------------


class Colour(enum.Enum):
    RED = "red"


@dataclasses.dataclass(frozen=True)
class Local:
    x: int


def roundtrip(value):
    enc = _Codec()
    record = json.loads(json.dumps(enc.encode(value)))
    return _Codec(enc.arrays).decode(record)


@pytest.mark.parametrize(
    "value",
    [
        (1, 2.5, "x", None, True),
        [1, (2, 3), [4]],
        {"a": [1], "b": (2,)},
        "lone surrogate \udce9 and emoji 😀 and 中文",
        Passage(id="s:0", source="s", index=0, start=0, end=3, text="abc"),
        (Kind.NAME_VARIANT, Severity.LOW),
        sp.csr_matrix(np.array([[0, 1.5], [2, 0]], dtype=np.float32)),
        sp.csc_matrix(np.array([[0, 1], [2, 0]], dtype=np.int64)),
        np.arange(6, dtype=np.int16).reshape(2, 3),
    ],
    ids=["scalars", "list-tuple", "dict", "unicode", "passage", "enums", "csr", "csc", "ndarray"],
)
def test_codec_keeps_types_exactly(value) -> None:
    back = roundtrip(value)
    assert type(back) is type(value)
    if sp.issparse(value) or isinstance(value, np.ndarray):
        assert back.dtype == value.dtype and back.shape == value.shape
        assert np.array_equal(np.asarray(back.todense() if sp.issparse(back) else back),
                              np.asarray(value.todense() if sp.issparse(value) else value))
    else:
        assert back == value
        if isinstance(value, list):
            assert type(back[1]) is tuple and type(back[2]) is list


@pytest.mark.parametrize("value", [np.float64(1.0), {1: "x"}, Colour.RED, sp.coo_matrix((2, 2)), {1, 2}, Local(1)])
def test_codec_refuses_what_it_cannot_rebuild_exactly(value) -> None:
    with pytest.raises(_Unstorable):
        _Codec().encode(value)


def test_codec_never_imports_outside_srccompare() -> None:
    with pytest.raises(_Unstorable):
        _Codec().decode({"__dc": "os:system", "f": {}})


def test_unstorable_results_are_computed_each_time(tmp_path: Path, seeds_copy: Path) -> None:
    """A stage whose result the format cannot hold still works; only that part is recomputed."""
    calls = []

    def odd_vectorizer(passages, settings):
        calls.append(1)
        return {len(passages)}  # a set: not storable

    for _ in range(2):
        c = Cache(seeds_copy, Settings())
        read, _ = c.read_sources(sorted(seeds_copy.glob("*.txt")), sources.read_source)
        for s in read:
            assert c.counts(s, c.passages(s, segment.segment), odd_vectorizer) == {len(segment.segment(s))}
        c.save()
    assert len(calls) == 10
    assert c.stats.hits["passages"] == 5


def test_a_source_read_elsewhere_is_cached_by_its_content(seeds_copy: Path) -> None:
    s = sources.read_source(sorted(seeds_copy.glob("*.txt"))[0])
    seg = Counting(segment.segment)
    for _ in range(2):
        c = Cache(seeds_copy, Settings())
        c.passages(s, seg)
        c.save()
    assert seg.calls == 1
    edited = dataclasses.replace(s, text=s.text + " More.")
    c = Cache(seeds_copy, Settings())
    c.passages(edited, seg)
    assert seg.calls == 2


# -- what changed since the last run ---------------------------------------------------------------


def src(sid: str, sha: str = "0") -> Source:
    return Source(id=sid, path=f"{sid}.txt", sha256=sha, text="t", encoding="utf-8", title="t", meta=sources.SourceMeta(),
                  content=((0, 1),))


def flag(fid: str, source: str) -> Flag:
    return Flag(id=fid, kind=Kind.NAME_VARIANT, source=source, start=0, end=1, text="t", expected="u",
                severity=Severity.HIGH, confidence=0.9, group=None, message="m", evidence=())


def scores(**values: float) -> ScoreResult:
    ranked = sorted(values.items(), key=lambda kv: -kv[1])
    return ScoreResult(tuple(SourceScore(s, v, i + 1, (), (v, v), ()) for i, (s, v) in enumerate(ranked)), (), (), ())


def test_changes_since_last_run(tmp_path: Path) -> None:
    c = Cache(tmp_path, Settings())
    first = c.compare_with_last_run([src("a"), src("b"), src("c")],
                                    [flag("f-1", "a"), flag("f-2", "b"), flag("f-3", "c")],
                                    scores(a=80.0, b=60.0, c=40.0), record=True)
    assert first.previous_run is False and first.new_sources == ()
    second = c.compare_with_last_run(
        [src("a"), src("b", sha="1"), src("d")],
        [flag("f-4", "d"), flag("f-1", "a"), flag("f-5", "a")],
        scores(a=80.4, b=70.0, d=50.0), record=False)
    assert second.previous_run is True
    assert second.new_sources == ("d",)
    assert second.removed_sources == ("c",)
    assert second.changed_sources == ("b",)
    assert second.new_flags == ("f-4", "f-5")  # in this run's order
    assert second.resolved_flags == ("f-2",)  # f-3 went with its source
    assert [(m.source, m.before, m.after) for m in second.moved_scores] == [("b", 60.0, 70.0)]  # a moved < 0.5
    # record=False left the last run as it was
    again = c.compare_with_last_run([src("a")], [], scores(a=80.0), record=False)
    assert again.removed_sources == ("b", "c")


@pytest.mark.parametrize("content", ["{broken", '{"format_version": 99}', '{"format_version": 1, "sources": []}', ""])
def test_unusable_last_run_counts_as_first_run(tmp_path: Path, content: str) -> None:
    (tmp_path / ".srccompare").mkdir()
    (tmp_path / ".srccompare" / "last-run.json").write_text(content)
    c = Cache(tmp_path, Settings())
    assert c.compare_with_last_run([src("a")], [], scores(a=1.0), record=True).previous_run is False
    assert c.compare_with_last_run([src("a")], [], scores(a=1.0), record=True).previous_run is True


def test_atomic_write_leaves_old_file_when_writing_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "f.json"
    target.write_bytes(b"old")

    def boom(*_a, **_k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(cache.os, "replace", boom)
    with pytest.raises(OSError):
        cache.atomic_write(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["f.json"]


# -- the flags of the last run, for the review commands ----------------------------------------------


def test_saved_flags_are_the_last_runs_flags_for_the_same_inputs_only(seeds_copy: Path) -> None:
    from srccompare.models import Review
    from srccompare.pipeline import analyze

    files = sorted(seeds_copy.glob("*.txt"))
    analysis = analyze([seeds_copy], Settings(), record_run=False)
    saved = Cache(seeds_copy, Settings()).saved_flags(files)
    assert saved is not None
    flags, problems = saved
    assert flags == tuple(dataclasses.replace(f, review=Review()) for f in analysis.flags)
    assert problems == ()
    assert Cache(seeds_copy, Settings()).saved_source(files[0]) == analysis.sources[0]
    # any other input: no saved flags
    assert Cache(seeds_copy, Settings(min_confidence=0.9)).saved_flags(files) is None
    assert Cache(seeds_copy, Settings(cache=False)).saved_flags(files) is None
    assert Cache(seeds_copy, Settings()).saved_flags(files[:4]) is None
    files[2].write_text(files[2].read_text(encoding="utf-8") + "\nA late correction.\n", encoding="utf-8")
    assert Cache(seeds_copy, Settings()).saved_flags(files) is None
    (seeds_copy / ".srccompare" / "flags.bin").write_bytes(b"garbage")
    assert Cache(seeds_copy, Settings()).saved_flags(files) is None


def test_pack_roundtrip_and_refusals() -> None:
    from srccompare.cache import _pack, _unpack

    arrays = {"a0": np.array([1.5, 2.5], dtype=np.float32), "a1": np.arange(6, dtype=np.int64).reshape(2, 3),
              "a2": np.zeros(0, dtype=np.int32)}
    record, back = _unpack(_pack({"x": [1, "y"]}, arrays))
    assert record == {"x": [1, "y"]}
    for k, v in arrays.items():
        assert back[k].dtype == v.dtype and np.array_equal(back[k], v)
    back["a0"][0] = 9  # writable, like a freshly computed array
    with pytest.raises(_Unstorable):
        _pack({}, {"a0": np.array([object()])})
    with pytest.raises(ValueError):
        _unpack(b"PK\x03\x04 a zip file")
    import zlib
    body = json.dumps({"record": {}, "arrays": {"a0": ["|O", [1], 0, 8]}}).encode()
    with pytest.raises(ValueError):
        _unpack(cache._MAGIC + zlib.compress(len(body).to_bytes(8, "little") + body + b"\0" * 8))
