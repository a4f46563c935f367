"""Review decisions: the user's confirm/dismiss verdicts on flags, kept in one file beside the sources.

The decisions of a sources folder live in ``DIR/srccompare-reviews.json`` (``REVIEW_FILE``), a
pretty-printed JSON file meant to be read, diffed and kept under version control::

    {
      "format_version": 1,
      "decisions": [
        {
          "id": "f-3a9c12d0e4b1",
          "status": "dismissed",
          "note": "house style spells it this way",
          "decided_at": "2025-05-08T09:14:03Z",
          "flag": {"source": "001_7dd6…", "kind": "name_variant", "text": "Becent",
                   "expected": "Bessent", "message": "…"}
        }
      ]
    }

Decisions are sorted by id, so two people's edits diff cleanly. ``flag`` is a snapshot of the flag
when it was decided: when a later run no longer produces that flag (the source was edited, a check
changed), the decision is an *orphan*: it stays in the file and is reported with its snapshot, so
the user sees what it was about; it is never dropped behind their back. ``reopen`` is how a user
removes a decision.

``load(home) -> Ledger`` reads and validates the file (an empty ledger when there is none);
``apply(flags, ledger)`` sets each flag's ``review``; ``decide(...)`` records decisions. A file
that is not valid JSON or not a valid ledger raises ``ReviewFileError`` naming the file, the line
and the entry, and nothing writes to it until the user has fixed it.
"""

from __future__ import annotations

import dataclasses
import json
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import cached_property
from json.decoder import scanstring
from pathlib import Path
from typing import Iterable, Mapping, Sequence

from srccompare.cache import atomic_write
from srccompare.errors import ReviewFileError, SrcCompareError
from srccompare.models import Flag, OrphanedReview, Review, ReviewStatus

REVIEW_FILE = "srccompare-reviews.json"
FORMAT_VERSION = 1

_TOP_KEYS = frozenset({"format_version", "decisions"})
_ENTRY_KEYS = frozenset({"id", "status", "note", "decided_at", "flag"})
_SNAPSHOT_KEYS = ("source", "kind", "text", "expected", "message")
_STATUSES = ", ".join(s.value for s in ReviewStatus)


class FlagIdError(SrcCompareError):
    """A flag id (or prefix) the user gave matches no flag, or more than one."""


@dataclass(frozen=True)
class Snapshot:
    """What a flag said when it was decided; shown when the flag no longer exists."""

    source: str | None = None
    kind: str | None = None
    text: str | None = None
    expected: str | None = None
    message: str | None = None

    @classmethod
    def of(cls, flag: Flag) -> "Snapshot":
        return cls(source=flag.source, kind=flag.kind.value, text=flag.text, expected=flag.expected,
                   message=flag.message)


@dataclass(frozen=True)
class Decision:
    """One review decision: the flag it is about, the verdict, the user's note, when, and a snapshot."""

    flag_id: str
    status: ReviewStatus
    note: str | None
    decided_at: str | None
    snapshot: Snapshot


@dataclass(frozen=True)
class Ledger:
    """All decisions of one sources folder, sorted by flag id. ``path`` is the review file."""

    path: Path
    decisions: tuple[Decision, ...] = ()

    @cached_property
    def by_id(self) -> Mapping[str, Decision]:
        return {d.flag_id: d for d in self.decisions}

    def get(self, flag_id: str) -> Decision | None:
        return self.by_id.get(flag_id)


def review_path(home: Path) -> Path:
    """The review file of a sources folder."""
    return Path(home) / REVIEW_FILE


def utc_now() -> str:
    """The current time as an ISO 8601 UTC timestamp to the second (``2025-05-08T09:14:03Z``)."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


# --------------------------------------------------------------------------------------------
# Reading and validating
# --------------------------------------------------------------------------------------------

_FIX_IT = "fix it by hand or restore it from version control (srccompare will not write to it until then)"


def load(home: Path) -> Ledger:
    """Read and validate the review file of ``home``; an empty ledger when the file does not exist.

    Raises ``ReviewFileError`` (message naming the file, the line and the entry) when the file
    cannot be read, is not JSON, was written by a newer srccompare, or holds an entry that is not a
    valid decision (missing id, unknown status, a note that is not text, the same id twice,
    unknown keys). The file is never modified here.
    """
    path = review_path(home)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Ledger(path=path)
    except OSError as exc:
        raise ReviewFileError(f"{path}: review file cannot be read ({(exc.strerror or str(exc)).lower()}); "
                              "check its permissions") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise ReviewFileError(f"{path}: line {line}: review file is not UTF-8 text; {_FIX_IT}") from None
    return parse(text, path)


def parse(text: str, path: Path) -> Ledger:
    """Validate the text of a review file and turn it into a ``Ledger`` (see ``load``)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReviewFileError(
            f"{path}: line {exc.lineno}, column {exc.colno}: not valid JSON ({exc.msg}); {_FIX_IT}"
        ) from None
    return _Validator(text, path).ledger(data)


class _Validator:
    """Checks the structure of a parsed review file; errors name the line of the offending entry.

    JSON parsers do not report where a value was; ``_positions`` walks the (already valid) text with
    the json module's own scanner to find where each member and array element starts.
    """

    def __init__(self, text: str, path: Path) -> None:
        self.text = text
        self.path = path

    def fail(self, pos: int | None, what: str, remedy: str = _FIX_IT) -> ReviewFileError:
        where = f" line {self.text.count(chr(10), 0, pos) + 1}:" if pos is not None else ""
        return ReviewFileError(f"{self.path}:{where} {what}; {remedy}")

    def ledger(self, data: object) -> Ledger:
        top = _WS.match(self.text, 0).end()
        if not isinstance(data, dict):
            raise self.fail(top, "review file must be a JSON object with 'format_version' and 'decisions'")
        members = _members(self.text, top)
        version = data.get("format_version")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise self.fail(members.get("format_version", top),
                            f"'format_version' must be {FORMAT_VERSION}, found {json.dumps(version)}")
        if version > FORMAT_VERSION:
            raise self.fail(members.get("format_version"),
                            f"written by a newer srccompare (format_version {version}, this one reads "
                            f"{FORMAT_VERSION})", "upgrade srccompare (the file is left untouched)")
        for key in data:
            if key not in _TOP_KEYS:
                raise self.fail(members.get(key), f"unknown key '{key}' (expected format_version, decisions)")
        entries = data.get("decisions", [])
        if not isinstance(entries, list):
            raise self.fail(members.get("decisions"), "'decisions' must be a list")
        starts = _elements(self.text, members["decisions"]) if "decisions" in members else []
        decisions: dict[str, Decision] = {}
        for i, entry in enumerate(entries):
            pos = starts[i] if i < len(starts) else None
            d = self.decision(i + 1, entry, pos)
            if d.flag_id in decisions:
                raise self.fail(pos, f"entry {i + 1}: flag id '{d.flag_id}' is decided twice (also in an earlier entry)")
            decisions[d.flag_id] = d
        return Ledger(path=self.path, decisions=tuple(sorted(decisions.values(), key=lambda d: d.flag_id)))

    def decision(self, number: int, entry: object, pos: int | None) -> Decision:
        name = f"entry {number}"
        if not isinstance(entry, dict):
            raise self.fail(pos, f"{name} must be an object with 'id' and 'status'")
        members = _members(self.text, pos) if pos is not None else {}

        def at(key: str) -> int | None:
            return members.get(key, pos)

        flag_id = entry.get("id")
        if not isinstance(flag_id, str) or not flag_id.strip():
            raise self.fail(at("id"), f"{name} has no flag id ('id' must be text such as \"f-3a9c12d0e4b1\")")
        name = f"entry {number} (id {flag_id})"
        for key in entry:
            if key not in _ENTRY_KEYS:
                raise self.fail(at(key), f"{name}: unknown key '{key}' (expected {', '.join(sorted(_ENTRY_KEYS))})")
        status = entry.get("status")
        if status not in {s.value for s in ReviewStatus}:
            raise self.fail(at("status"), f"{name}: unknown status {json.dumps(status)} (use {_STATUSES})")
        note = entry.get("note")
        if note is not None and not isinstance(note, str):
            raise self.fail(at("note"), f"{name}: 'note' must be text or null")
        decided_at = entry.get("decided_at")
        if decided_at is not None and not isinstance(decided_at, str):
            raise self.fail(at("decided_at"), f"{name}: 'decided_at' must be text (an ISO timestamp) or null")
        raw_snap = entry.get("flag", {})
        if raw_snap is None:
            raw_snap = {}
        if not isinstance(raw_snap, dict):
            raise self.fail(at("flag"), f"{name}: 'flag' must be an object")
        snap: dict[str, str | None] = {}
        for key in _SNAPSHOT_KEYS:
            value = raw_snap.get(key)
            if value is not None and not isinstance(value, str):
                raise self.fail(at("flag"), f"{name}: 'flag.{key}' must be text or null")
            snap[key] = value
        return Decision(flag_id=flag_id, status=ReviewStatus(status), note=note, decided_at=decided_at,
                        snapshot=Snapshot(**snap))


_WS = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()


def _members(text: str, pos: int | None) -> dict[str, int]:
    """Where each member value of the JSON object starting at ``pos`` begins (first occurrence).

    Only called on text that ``json.loads`` accepted; returns what it found if anything is off.
    """
    out: dict[str, int] = {}
    if pos is None:
        return out
    try:
        if text[pos] != "{":
            return out
        pos = _WS.match(text, pos + 1).end()
        while text[pos] == '"':
            key, pos = scanstring(text, pos + 1)
            pos = _WS.match(text, pos).end() + 1  # past ':'
            pos = _WS.match(text, pos).end()
            out.setdefault(key, pos)
            _, pos = _DECODER.raw_decode(text, pos)
            pos = _WS.match(text, pos).end()
            if text[pos] != ",":
                break
            pos = _WS.match(text, pos + 1).end()
    except (IndexError, ValueError):
        pass
    return out


def _elements(text: str, pos: int) -> list[int]:
    """Where each element of the JSON array starting at ``pos`` begins."""
    out: list[int] = []
    try:
        if text[pos] != "[":
            return out
        pos = _WS.match(text, pos + 1).end()
        if text[pos] == "]":
            return out
        while True:
            out.append(pos)
            _, pos = _DECODER.raw_decode(text, pos)
            pos = _WS.match(text, pos).end()
            if text[pos] != ",":
                break
            pos = _WS.match(text, pos + 1).end()
    except (IndexError, ValueError):
        pass
    return out


# --------------------------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------------------------


def dumps(ledger: Ledger) -> str:
    """The review file's text: pretty-printed, decisions sorted by id, fixed key order, final newline."""
    entries = []
    for d in sorted(ledger.decisions, key=lambda d: d.flag_id):
        entries.append({
            "id": d.flag_id,
            "status": d.status.value,
            "note": d.note,
            "decided_at": d.decided_at,
            "flag": {k: getattr(d.snapshot, k) for k in _SNAPSHOT_KEYS},
        })
    return json.dumps({"format_version": FORMAT_VERSION, "decisions": entries}, indent=2, ensure_ascii=False) + "\n"


def save(ledger: Ledger) -> None:
    """Write the ledger to its file atomically (temporary file, fsync, rename)."""
    atomic_write(ledger.path, dumps(ledger).encode("utf-8"))


# --------------------------------------------------------------------------------------------
# Applying decisions to a run's flags
# --------------------------------------------------------------------------------------------


def apply(flags: Iterable[Flag], ledger: Ledger | None) -> tuple[tuple[Flag, ...], tuple[OrphanedReview, ...]]:
    """Set each flag's ``review`` from the ledger; decisions whose flag is gone become orphans.

    Flags keep their order. Orphans are sorted by flag id.
    """
    flags = tuple(flags)
    if ledger is None or not ledger.decisions:
        return flags, ()
    out = []
    seen: set[str] = set()
    for f in flags:
        d = ledger.get(f.id)
        if d is not None:
            seen.add(f.id)
            f = dataclasses.replace(f, review=Review(status=d.status, note=d.note))
        out.append(f)
    orphans = tuple(
        OrphanedReview(flag_id=d.flag_id, status=d.status, note=d.note, source=d.snapshot.source,
                       text=d.snapshot.text)
        for d in ledger.decisions if d.flag_id not in seen
    )
    return tuple(out), orphans


# --------------------------------------------------------------------------------------------
# Recording decisions
# --------------------------------------------------------------------------------------------


def resolve_ids(given: Sequence[str], known: Iterable[str]) -> tuple[str, ...]:
    """Turn the ids or unique id prefixes a user typed into full flag ids (order kept, duplicates once).

    The ``f-`` every id starts with may be left out. An exact id wins over a longer one it is a
    prefix of. Raises ``FlagIdError`` listing every prefix that matches nothing or more than one.
    """
    known = sorted(set(known))
    known_set = set(known)
    resolved: list[str] = []
    problems: list[str] = []
    for raw in given:
        want = raw.strip().lower()
        if not want:
            problems.append("an empty flag id")
            continue
        candidates = [want] if want.startswith("f-") else [want, "f-" + want]
        exact = [c for c in candidates if c in known_set]
        matches = exact or sorted({k for k in known for c in candidates if k.startswith(c)})
        if len(matches) == 1:
            if matches[0] not in resolved:
                resolved.append(matches[0])
        elif not matches:
            problems.append(f"'{raw}' matches no flag")
        else:
            shown = ", ".join(matches[:4]) + (f" and {len(matches) - 4} more" if len(matches) > 4 else "")
            problems.append(f"'{raw}' is ambiguous ({shown}); type more of the id")
    if problems:
        hint = " (see 'srccompare review list --status all')"
        raise FlagIdError("; ".join(problems) + hint + "; nothing was changed")
    return tuple(resolved)


def decide(
    home: Path,
    ids: Sequence[str],
    status: ReviewStatus | str,
    note: str | None,
    flags: Iterable[Flag],
    *,
    now: str | None = None,
) -> tuple[Decision, ...]:
    """Record one verdict for several flags (ids or unique prefixes) and save the review file.

    ``status`` ``confirmed``/``dismissed`` sets the decision (ids resolve against the run's flags and
    the decisions already in the file); ``open`` reopens: the decisions are removed from the file
    (ids resolve against the file only). A ``note`` replaces the old one; without a note, the old
    note stays when the status is unchanged and is dropped when it changes. The timestamp changes
    only when status or note do, so rerunning the same command leaves the file byte for byte alike.

    All ids are resolved before anything is written: one bad id and the file is left as it was
    (``FlagIdError``). A broken review file raises ``ReviewFileError`` and is not touched.
    Returns the decisions as recorded (for ``open``: the removed ones), in the order given.
    """
    status = ReviewStatus(status)
    ledger = load(home)
    if note is not None:
        note = note.strip() or None
    flags_by_id = {f.id: f for f in flags}
    known = set(ledger.by_id) if status is ReviewStatus.OPEN else set(flags_by_id) | set(ledger.by_id)
    if not known:
        raise FlagIdError("there are no review decisions to reopen; nothing was changed" if status is ReviewStatus.OPEN
                          else "there are no flags to decide on; nothing was changed")
    chosen = resolve_ids(ids, known)
    when = now or utc_now()
    decisions = dict(ledger.by_id)
    result: list[Decision] = []
    for fid in chosen:
        old = decisions.get(fid)
        if status is ReviewStatus.OPEN:
            result.append(decisions.pop(fid))
            continue
        flag = flags_by_id.get(fid)
        snapshot = Snapshot.of(flag) if flag is not None else old.snapshot  # type: ignore[union-attr]
        if note is not None:
            new_note = note
        elif old is not None and old.status is status:
            new_note = old.note
        else:
            new_note = None
        unchanged = old is not None and old.status is status and old.note == new_note
        d = Decision(flag_id=fid, status=status, note=new_note,
                     decided_at=old.decided_at if unchanged else when, snapshot=snapshot)
        decisions[fid] = d
        result.append(d)
    updated = Ledger(path=ledger.path, decisions=tuple(sorted(decisions.values(), key=lambda d: d.flag_id)))
    if dumps(updated) != (dumps(ledger) if ledger.path.exists() else None):
        save(updated)
    return tuple(result)
