"""Reruns that remember: the per-source content cache and the summary of the last run.

Both live in the sources folder, under ``DIR/.srccompare/`` (with a ``.gitignore`` so they stay
out of version control, unlike the review file):

``cache/<key>.bin``
    One file per source: the ``Source`` as read, its passages and its count vectors. ``key`` is a
    digest of the file's bytes, its path, its metadata sidecar (``<stem>.meta.*``), the tool
    version, ``Settings.fingerprint()`` and a digest of srccompare's own code, so any change to
    one of them is a miss, never a stale hit. The format (``_pack``) is a JSON record for the
    dataclasses plus raw numeric arrays for sparse matrices, zlib-compressed. Nothing in it can run
    code (no pickle), which matters because a sources folder may come from someone else. An entry that cannot be read is a miss; entries this run did not use are pruned
    when it saves.
``last-run.json``
    Source ids with their sha256, flag ids with their source, and scores of the last recorded
    run, so the next run can say what changed (``compare_with_last_run``).
``flags.bin``
    The flags of the last complete run (before review decisions), keyed by every file's key. The
    review commands only need the flags; when no file, sidecar, setting or code changed they
    take them from here (``saved_flags``) instead of aligning and checking the whole set again,
    which at 1,000 sources takes minutes.

Whatever goes wrong here (a read-only folder, a full disk, a corrupt entry) the run goes on
without the cache; ``Cache.notes`` says what happened. With ``settings.cache`` off nothing is read
from or written to ``cache/``; the run summary is still kept.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import hashlib
import importlib
import json
import os
import re
import tempfile
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

import numpy as np
import scipy.sparse as sp

from srccompare import __version__
from srccompare.errors import InputError
from srccompare.models import Changes, Flag, ReadProblem, Review, ScoreMove, ScoreResult, Source

STATE_DIR = ".srccompare"
ENTRY_DIR = "cache"
LAST_RUN_FILE = "last-run.json"
FLAGS_FILE = "flags.bin"
ENTRY_FORMAT = 1
LAST_RUN_FORMAT = 1

SCORE_MOVE_MIN = 0.5
"""A source's score must move at least this much (0-100 scale) to be reported as moved."""

MAX_CACHED_FILE_BYTES = 32_000_000
"""Files larger than this are not hashed for the cache (the reader refuses them anyway)."""

# any suffix: entries of an earlier format are pruned too
_ENTRY_NAME = re.compile(r"^[0-9a-f]{40}\.[a-z]{1,8}$")
_MAGIC = b"srccompare-cache\n"
_LEVEL = 6  # zlib level; measured per entry: 71 KB raw -> 22.5 KB, 1.3 ms to write, 0.2 ms to read
_STALE_TEMP_SECONDS = 3600


# --------------------------------------------------------------------------------------------
# Safe writes
# --------------------------------------------------------------------------------------------


def atomic_write(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never half of one.

    The bytes go to a temporary file in the same folder, are flushed (and fsynced when
    ``durable``), then renamed over ``path``. The temporary file is removed if anything fails.
    Raises ``OSError`` when the folder cannot be written.
    """
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            if durable:
                os.fsync(fh.fileno())
        if path.exists():
            # Keep the mode a user gave the file (mkstemp makes it owner-only).
            os.chmod(tmp, path.stat().st_mode & 0o7777)
        else:
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    if durable:
        try:
            dir_fd = os.open(path.parent, os.O_RDONLY)
        except OSError:
            return
        try:
            os.fsync(dir_fd)
        except OSError:
            pass
        finally:
            os.close(dir_fd)


@functools.lru_cache(maxsize=1)
def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@functools.lru_cache(maxsize=1)
def code_digest() -> str:
    """A digest of srccompare's own Python files.

    Part of every cache key: a cached result is only as good as the code that computed it, and
    the version number alone does not change while the code is being worked on.
    """
    root = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for p in sorted(root.rglob("*.py")):
        try:
            h.update(str(p.relative_to(root)).encode() + b"\0" + p.read_bytes() + b"\0")
        except OSError:
            h.update(str(p).encode() + b"\0unreadable\0")
    return h.hexdigest()[:16]


# --------------------------------------------------------------------------------------------
# Turning stage objects into JSON + arrays and back, without pickle
# --------------------------------------------------------------------------------------------


class _Unstorable(Exception):
    """A value the cache format cannot hold exactly; the value is then simply not cached."""


_SPARSE_TYPES = {cls.__name__: cls for cls in (sp.csr_matrix, sp.csc_matrix, sp.csr_array, sp.csc_array)}
_SCALARS = (str, int, float, bool, type(None))


class _Codec:
    """Encodes dataclasses, tuples, lists, str-keyed dicts, scalars and arrays into JSON + arrays.

    Only types defined in srccompare and a few array types are ever rebuilt, so a tampered entry
    cannot make the cache import or call anything else. Types are kept exactly (a tuple comes back
    a tuple, a list a list, an ``int`` an ``int``) so a cached run matches an uncached one.
    """

    def __init__(self, arrays: dict[str, np.ndarray] | None = None) -> None:
        self.arrays: dict[str, np.ndarray] = {} if arrays is None else arrays

    def _slot(self, arr: np.ndarray) -> str:
        if arr.dtype == object:
            raise _Unstorable("object array")
        name = f"a{len(self.arrays)}"
        self.arrays[name] = arr
        return name

    def encode(self, v: Any) -> Any:
        t = type(v)
        if t in _SCALARS:
            return v
        if t is tuple:
            return [self.encode(x) for x in v]
        if t is list:
            return {"__list": [self.encode(x) for x in v]}
        if t is dict:
            if not all(type(k) is str for k in v):
                raise _Unstorable("dict with non-text keys")
            return {"__dict": {k: self.encode(x) for k, x in v.items()}}
        if dataclasses.is_dataclass(v) and not isinstance(v, type):
            return {"__dc": _type_name(t),
                    "f": {f.name: self.encode(getattr(v, f.name)) for f in dataclasses.fields(v) if f.init}}
        if isinstance(v, enum.Enum):
            return {"__enum": _type_name(t), "v": self.encode(v.value)}
        if t.__name__ in _SPARSE_TYPES and t is _SPARSE_TYPES[t.__name__]:
            return {"__sparse": t.__name__, "shape": list(v.shape),
                    "data": self._slot(v.data), "indices": self._slot(v.indices), "indptr": self._slot(v.indptr)}
        if t is np.ndarray:
            return {"__nd": self._slot(v)}
        raise _Unstorable(t.__name__)

    def decode(self, v: Any) -> Any:
        if isinstance(v, list):
            return tuple(self.decode(x) for x in v)
        if not isinstance(v, dict):
            return v
        if "__list" in v:
            return [self.decode(x) for x in v["__list"]]
        if "__dict" in v:
            return {k: self.decode(x) for k, x in v["__dict"].items()}
        if "__dc" in v:
            cls = _own_type(v["__dc"])
            if not dataclasses.is_dataclass(cls):
                raise _Unstorable(v["__dc"])
            return cls(**{k: self.decode(x) for k, x in v["f"].items()})
        if "__enum" in v:
            cls = _own_type(v["__enum"])
            if not (isinstance(cls, type) and issubclass(cls, enum.Enum)):
                raise _Unstorable(v["__enum"])
            return cls(self.decode(v["v"]))
        if "__sparse" in v:
            cls = _SPARSE_TYPES[v["__sparse"]]
            return cls((self.arrays[v["data"]], self.arrays[v["indices"]], self.arrays[v["indptr"]]),
                       shape=tuple(v["shape"]))
        if "__nd" in v:
            return self.arrays[v["__nd"]]
        raise _Unstorable("unknown record")


def _type_name(t: type) -> str:
    if not t.__module__.startswith("srccompare") or "<locals>" in t.__qualname__:
        raise _Unstorable(f"{t.__module__}.{t.__qualname__}")
    return f"{t.__module__}:{t.__qualname__}"


@functools.lru_cache(maxsize=256)
def _own_type(name: str) -> Any:
    module, _, qual = name.partition(":")
    if not (module == "srccompare" or module.startswith("srccompare.")):
        raise _Unstorable(name)
    obj: Any = importlib.import_module(module)
    for part in qual.split("."):
        obj = getattr(obj, part)
    return obj


def _pack(record: dict[str, Any], arrays: dict[str, np.ndarray]) -> bytes:
    """A record and its arrays as one compressed blob.

    Layout before compression: 8-byte little-endian length of a JSON header, the header (the
    record, and each array's dtype, shape and byte offset), then the arrays' raw bytes. One read
    and one decompression per entry: numpy's ``.npz`` (a zip of ``.npy`` files) took 2 ms per
    entry to open, most of the cache's time at 1,000 sources.
    """
    layout: dict[str, list[Any]] = {}
    chunks: list[bytes] = []
    offset = 0
    for name, arr in arrays.items():
        arr = np.ascontiguousarray(arr)
        if arr.dtype.hasobject:
            raise _Unstorable("object array")
        raw = arr.tobytes()
        layout[name] = [arr.dtype.str, list(arr.shape), offset, len(raw)]
        chunks.append(raw)
        offset += len(raw)
    header = json.dumps({"record": record, "arrays": layout}, ensure_ascii=True, separators=(",", ":")).encode("ascii")
    body = len(header).to_bytes(8, "little") + header + b"".join(chunks)
    return _MAGIC + zlib.compress(body, _LEVEL)


def _unpack(blob: bytes) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    """The record and arrays of a blob made by ``_pack``; ``ValueError`` for anything else."""
    if not blob.startswith(_MAGIC):
        raise ValueError("not a srccompare cache file")
    body = bytearray(zlib.decompress(blob[len(_MAGIC):]))  # bytearray: the arrays stay writable
    size = int.from_bytes(body[:8], "little")
    header = json.loads(body[8:8 + size].decode("ascii"))
    base = 8 + size
    arrays: dict[str, np.ndarray] = {}
    for name, (dtype, shape, offset, nbytes) in header["arrays"].items():
        dt = np.dtype(dtype)
        if dt.hasobject or base + offset + nbytes > len(body):
            raise ValueError("bad array")
        arrays[name] = np.frombuffer(body, dtype=dt, count=nbytes // dt.itemsize, offset=base + offset).reshape(shape)
    return header["record"], arrays


# --------------------------------------------------------------------------------------------
# The cache
# --------------------------------------------------------------------------------------------


@dataclass
class _Entry:
    """What the cache holds for one source during a run (mutable: filled stage by stage)."""

    key: str
    source: Source | None = None
    passages: Any = None
    counts: Any = None
    dirty: bool = False


@dataclass
class CacheStats:
    """How many per-source results were reused and how many computed (for tests and benchmarks)."""

    hits: dict[str, int] = field(default_factory=lambda: {"source": 0, "passages": 0, "counts": 0})
    misses: dict[str, int] = field(default_factory=lambda: {"source": 0, "passages": 0, "counts": 0})


class Cache:
    """Per-source results of earlier runs, and the summary of the last run, for one sources folder.

    ``pipeline.analyze`` calls ``read_sources``, ``passages`` and ``counts`` in that order for each
    source, then ``compare_with_last_run`` and ``save``. Each returns exactly what the stage
    function it is given would return; the cache only decides whether to call it.
    """

    def __init__(self, home: Path, settings: Any) -> None:
        self.home = Path(home)
        self.settings = settings
        self.enabled = bool(getattr(settings, "cache", True))
        self.state_dir = self.home / STATE_DIR
        self.entry_dir = self.state_dir / ENTRY_DIR
        self.notes: list[str] = []
        self.stats = CacheStats()
        self._salt = f"{__version__}|{settings.fingerprint()}|{code_digest()}"
        self._by_source: dict[str, _Entry] = {}
        self._used: dict[str, _Entry] = {}
        self._listings: dict[Path, dict[str, list[str]]] = {}
        self._file_keys: list[str | None] = []
        self._read_problems: list[ReadProblem] = []
        self._run_flags: tuple[Flag, ...] | None = None

    # -- keys --------------------------------------------------------------------------------

    def _key(self, *parts: str) -> str:
        h = hashlib.sha256(self._salt.encode())
        for part in parts:
            h.update(b"\0" + part.encode("utf-8", "surrogatepass"))
        return h.hexdigest()[:40]

    def _sidecar_digest(self, path: Path) -> str:
        """The names and bytes of ``<stem>.meta.*`` files beside ``path`` (the reader's sidecars)."""
        folder = path.parent
        listing = self._listings.get(folder)
        if listing is None:
            listing = {}
            try:
                for name in os.listdir(folder):
                    if ".meta." in name:
                        listing.setdefault(name.split(".meta.", 1)[0], []).append(name)
            except OSError:
                pass
            self._listings[folder] = listing
        h = hashlib.sha256()
        for name in sorted(listing.get(path.stem, ())):
            h.update(name.encode("utf-8", "surrogateescape") + b"\0")
            try:
                h.update((folder / name).read_bytes())
            except OSError:
                h.update(b"\0unreadable")
        return h.hexdigest()

    # -- entries on disk -----------------------------------------------------------------------

    def _load(self, key: str) -> _Entry:
        entry = _Entry(key=key)
        path = self.entry_dir / f"{key}.bin"
        try:
            record, arrays = _unpack(path.read_bytes())
            if record.get("format") != ENTRY_FORMAT or record.get("key") != key:
                raise _Unstorable("another format")
            codec = _Codec(arrays)
            for name in ("source", "passages", "counts"):
                if record.get(name) is not None:
                    setattr(entry, name, codec.decode(record[name]))
            if entry.source is not None and not isinstance(entry.source, Source):
                raise _Unstorable("not a Source")
        except FileNotFoundError:
            return entry
        except Exception:  # a corrupt or foreign entry is a miss, never a crash
            entry = _Entry(key=key, dirty=True)
        return entry

    def _write(self, entry: _Entry) -> None:
        codec = _Codec()
        record: dict[str, Any] = {"format": ENTRY_FORMAT, "key": entry.key}
        for name in ("source", "passages", "counts"):
            value = getattr(entry, name)
            # each value on a copy, so a value that cannot be stored leaves no stray arrays behind
            trial = _Codec(dict(codec.arrays))
            try:
                record[name] = None if value is None else trial.encode(value)
                codec = trial
            except _Unstorable:
                record[name] = None
        atomic_write(self.entry_dir / f"{entry.key}.bin", _pack(record, codec.arrays), durable=False)

    def _use(self, entry: _Entry, source: Source) -> _Entry:
        self._by_source[source.id] = entry
        self._used[entry.key] = entry
        return entry

    def _entry_for(self, source: Source) -> _Entry | None:
        """The entry of a source this run read (or, for one read elsewhere, one keyed by its content)."""
        if not self.enabled:
            return None
        entry = self._by_source.get(source.id)
        if entry is not None and (entry.source is source or entry.source == source):
            return entry
        try:
            blob = json.dumps(_Codec().encode(source), ensure_ascii=True, sort_keys=True)
        except _Unstorable:
            return None
        entry = self._used.get(self._key("source-object", blob)) or self._load(self._key("source-object", blob))
        if entry.source != source:
            entry.source, entry.passages, entry.counts, entry.dirty = source, None, None, True
        return self._use(entry, source)

    # -- the three per-source stages -------------------------------------------------------------

    def read_sources(
        self, files: Sequence[Path], reader: Callable[[Path], Source]
    ) -> tuple[list[Source], tuple[ReadProblem, ...]]:
        """Read each file with ``reader``, or take the ``Source`` from the cache when the file's bytes,
        path and sidecar are unchanged. ``InputError`` from the reader becomes a ``ReadProblem``."""
        out: list[Source] = []
        problems: list[ReadProblem] = []
        for f in files:
            f = Path(f)
            key = self._file_key(f) if self.enabled else None
            self._file_keys.append(key)
            entry = self._load(key) if key is not None else None
            if entry is not None and entry.source is not None:
                self.stats.hits["source"] += 1
                out.append(self._use(entry, entry.source).source)  # type: ignore[arg-type]
                continue
            try:
                source = reader(f)
            except InputError as exc:
                problems.append(ReadProblem(path=str(f), message=str(exc)))
                continue
            finally:
                self.stats.misses["source"] += 1
            if entry is not None:
                entry.source, entry.passages, entry.counts, entry.dirty = source, None, None, True
                self._use(entry, source)
            out.append(source)
        self._read_problems.extend(problems)
        return out, tuple(problems)

    def _file_key(self, path: Path) -> str | None:
        try:
            if path.stat().st_size > MAX_CACHED_FILE_BYTES:
                return None
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            return None  # the reader will say what is wrong with the file
        return self._key("file", str(path), digest, self._sidecar_digest(path))

    def passages(self, source: Source, segmenter: Callable[[Source], Any]) -> Any:
        """``segmenter(source)``, or the passages cached with this source."""
        entry = self._entry_for(source)
        if entry is not None and entry.passages is not None:
            self.stats.hits["passages"] += 1
            return entry.passages
        self.stats.misses["passages"] += 1
        result = segmenter(source)
        if entry is not None:
            entry.passages, entry.counts, entry.dirty = result, None, True
        return result

    def counts(self, source: Source, passages: Any, vectorizer: Callable[[Any, Any], Any]) -> Any:
        """``vectorizer(passages, settings)``, or the counts cached with this source and passages."""
        entry = self._entry_for(source)
        same = entry is not None and (passages is entry.passages or passages == entry.passages)
        if same and entry.counts is not None:  # type: ignore[union-attr]
            self.stats.hits["counts"] += 1
            return entry.counts  # type: ignore[union-attr]
        self.stats.misses["counts"] += 1
        result = vectorizer(passages, self.settings)
        if same:
            entry.counts, entry.dirty = result, True  # type: ignore[union-attr]
        return result

    # -- saving ----------------------------------------------------------------------------------

    def _ensure_state_dir(self) -> bool:
        try:
            self.state_dir.mkdir(exist_ok=True)
            ignore = self.state_dir / ".gitignore"
            if not ignore.exists():
                # run state and cache are per machine; the review file beside the sources is what to commit
                atomic_write(ignore, b"*\n", durable=False)
            return True
        except OSError as exc:
            self.notes.append(f"{self.state_dir}: cannot be written ({(exc.strerror or str(exc)).lower()}); "
                              "ran without saving run state")
            return False

    def save(self) -> None:
        """Write the entries this run computed and prune the ones it did not use. Never raises."""
        if not self.enabled:
            return
        if not self._ensure_state_dir():
            return
        try:
            self.entry_dir.mkdir(exist_ok=True)
            for entry in self._used.values():
                if entry.dirty and entry.source is not None:
                    self._write(entry)
                    entry.dirty = False
            self._prune()
            self._save_flags()
        except OSError as exc:
            self.notes.append(f"{self.entry_dir}: cache not saved ({(exc.strerror or str(exc)).lower()})")

    def _prune(self) -> None:
        keep = {f"{k}.bin" for k in self._used}
        now = time.time()
        for entry in os.scandir(self.entry_dir):
            name = entry.name
            try:
                if _ENTRY_NAME.match(name) and name not in keep:
                    os.unlink(entry.path)
                elif name.startswith(".") and name.endswith(".tmp") and now - entry.stat().st_mtime > _STALE_TEMP_SECONDS:
                    os.unlink(entry.path)  # left by a run that was killed mid-write
            except OSError:
                pass

    # -- what changed since the last run ---------------------------------------------------------

    def compare_with_last_run(
        self, sources: Iterable[Source], flags: Iterable[Flag], scored: ScoreResult, *, record: bool
    ) -> Changes:
        """What changed since the last recorded run on this folder; with ``record``, record this one.

        New and removed sources (by id), sources whose file changed, new flags (in this run's
        order), resolved flags (ids of the last run that are gone, leaving out those of removed
        sources, which went with their source), and scores that moved by at least
        ``SCORE_MOVE_MIN`` (best first). No usable record of a previous run: ``previous_run=False``.
        """
        sources = list(sources)
        flags = list(flags)
        summary = {
            "format_version": LAST_RUN_FORMAT,
            "tool_version": __version__,
            "settings": self.settings.fingerprint(),
            "sources": {s.id: s.sha256 for s in sorted(sources, key=lambda s: s.id)},
            "flags": {f.id: f.source for f in sorted(flags, key=lambda f: f.id)},
            "scores": {sc.source: sc.score for sc in sorted(scored.scores, key=lambda sc: sc.source)},
        }
        # kept for saved_flags(); the review decisions are applied afresh whenever they are read
        self._run_flags = tuple(dataclasses.replace(f, review=Review()) for f in flags)
        previous = self._last_run()
        if record and self._ensure_state_dir():
            blob = json.dumps(summary, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
            try:
                atomic_write(self.state_dir / LAST_RUN_FILE, blob.encode("utf-8"))
            except OSError as exc:
                self.notes.append(f"{self.state_dir / LAST_RUN_FILE}: not saved ({(exc.strerror or str(exc)).lower()})")
        if previous is None:
            return Changes.first_run()
        before_sources: dict[str, str] = previous["sources"]
        now_sources = summary["sources"]
        before_flags: dict[str, str] = previous["flags"]
        before_scores: dict[str, float] = previous["scores"]
        removed = tuple(sorted(set(before_sources) - set(now_sources)))
        moved = []
        for sc in scored.scores:
            before = before_scores.get(sc.source)
            if before is not None and sc.source in before_sources and abs(sc.score - before) >= SCORE_MOVE_MIN:
                moved.append(ScoreMove(source=sc.source, before=before, after=sc.score))
        return Changes(
            previous_run=True,
            new_sources=tuple(sorted(set(now_sources) - set(before_sources))),
            removed_sources=removed,
            new_flags=tuple(dict.fromkeys(f.id for f in flags if f.id not in before_flags)),
            resolved_flags=tuple(sorted(fid for fid, src in before_flags.items()
                                        if fid not in summary["flags"] and src not in removed)),
            moved_scores=tuple(moved),
            changed_sources=tuple(sorted(sid for sid, sha in now_sources.items()
                                         if sid in before_sources and before_sources[sid] != sha)),
        )

    # -- the flags of the last run, for the review commands ---------------------------------------

    def _run_key(self, file_keys: Sequence[str | None]) -> str | None:
        if not file_keys or any(k is None for k in file_keys):
            return None
        return self._key("run", *sorted(file_keys))  # type: ignore[arg-type]

    def _save_flags(self) -> None:
        key = self._run_key(self._file_keys)
        path = self.state_dir / FLAGS_FILE
        if key is None or self._run_flags is None:
            return
        codec = _Codec()
        try:
            record = {"format": ENTRY_FORMAT, "key": key, "flags": codec.encode(self._run_flags),
                      "problems": codec.encode(tuple(self._read_problems))}
        except _Unstorable:
            path.unlink(missing_ok=True)
            return
        atomic_write(path, _pack(record, codec.arrays), durable=False)

    def saved_flags(self, files: Sequence[Path]) -> tuple[tuple[Flag, ...], tuple[ReadProblem, ...]] | None:
        """The flags (review decisions not applied) and read problems of the last complete run, if
        it was made on exactly these files with the same bytes, sidecars, settings and code;
        else ``None``. Never raises."""
        if not self.enabled:
            return None
        key = self._run_key([self._file_key(Path(f)) for f in files])
        if key is None:
            return None
        try:
            record, arrays = _unpack((self.state_dir / FLAGS_FILE).read_bytes())
            if record.get("format") != ENTRY_FORMAT or record.get("key") != key:
                return None
            codec = _Codec(arrays)
            flags, problems = codec.decode(record["flags"]), codec.decode(record["problems"])
            if not (all(isinstance(f, Flag) for f in flags) and all(isinstance(p, ReadProblem) for p in problems)):
                return None
            return flags, problems
        except Exception:  # missing, corrupt or foreign: the caller runs the analysis instead
            return None

    def saved_source(self, path: Path) -> Source | None:
        """The ``Source`` cached for a file whose bytes and sidecar are unchanged, else ``None``."""
        if not self.enabled:
            return None
        key = self._file_key(Path(path))
        return self._load(key).source if key is not None else None

    def _last_run(self) -> dict[str, Any] | None:
        """The last run's summary, or ``None`` when there is none or it cannot be trusted."""
        try:
            data = json.loads((self.state_dir / LAST_RUN_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or data.get("format_version") != LAST_RUN_FORMAT:
            return None
        srcs, flags, scores = data.get("sources"), data.get("flags"), data.get("scores")
        if not (isinstance(srcs, dict) and isinstance(flags, dict) and isinstance(scores, dict)):
            return None
        if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in scores.values()):
            return None
        return data

