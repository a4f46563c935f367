"""Review decisions: the ledger file, applying it to flags, id prefixes, broken files left untouched."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from srccompare import review
from srccompare.errors import ReviewFileError
from srccompare.models import Flag, Kind, Review, ReviewStatus, Severity, Span


def make_flag(fid: str, *, source: str = "s1", text: str = "Becent", expected: str = "Bessent") -> Flag:
    return Flag(
        id=fid, kind=Kind.NAME_VARIANT, source=source, start=10, end=10 + len(text), text=text,
        expected=expected, severity=Severity.HIGH, confidence=0.9, group="g-1",
        message=f"'{text}' where others write '{expected}'",
        evidence=(Span(source="s2", start=3, end=3 + len(expected), text=expected),),
    )


FLAGS = (
    make_flag("f-aaaa11112222"),
    make_flag("f-aaaa33334444", text="Genevea", expected="Geneva"),
    make_flag("f-bbbb55556666", source="s2", text="downgrades", expected="de-escalation"),
)
NOW = "2025-05-08T09:14:03Z"


def ledger_text(home: Path) -> str:
    return (home / review.REVIEW_FILE).read_text(encoding="utf-8")


def test_no_file_is_an_empty_ledger(tmp_path: Path) -> None:
    ledger = review.load(tmp_path)
    assert ledger.decisions == ()
    assert ledger.path == tmp_path / "srccompare-reviews.json"
    flags, orphans = review.apply(FLAGS, ledger)
    assert flags == FLAGS and orphans == ()


def test_decisions_are_saved_pretty_sorted_with_snapshot(tmp_path: Path) -> None:
    review.decide(tmp_path, ["f-bbbb"], "dismissed", "  house style ", FLAGS, now=NOW)
    review.decide(tmp_path, ["aaaa1"], ReviewStatus.CONFIRMED, None, FLAGS, now=NOW)
    text = ledger_text(tmp_path)
    data = json.loads(text)
    assert data["format_version"] == 1
    assert [d["id"] for d in data["decisions"]] == ["f-aaaa11112222", "f-bbbb55556666"]
    dismissed = data["decisions"][1]
    assert dismissed == {
        "id": "f-bbbb55556666", "status": "dismissed", "note": "house style", "decided_at": NOW,
        "flag": {"source": "s2", "kind": "name_variant", "text": "downgrades", "expected": "de-escalation",
                 "message": "'downgrades' where others write 'de-escalation'"},
    }
    assert text.endswith("}\n") and text.count("\n") > 20  # one key per line: clean diffs
    assert not [p for p in tmp_path.iterdir() if p.name != review.REVIEW_FILE]  # no temp files left


def test_apply_sets_reviews_and_keeps_orphans(tmp_path: Path) -> None:
    review.decide(tmp_path, ["f-aaaa1"], "confirmed", "checked", FLAGS, now=NOW)
    review.decide(tmp_path, ["f-bbbb"], "dismissed", "house style", FLAGS, now=NOW)
    # a later run no longer produces f-bbbb...
    flags, orphans = review.apply(FLAGS[:2], review.load(tmp_path))
    assert flags[0].review == Review(ReviewStatus.CONFIRMED, "checked")
    assert flags[1].review == Review()
    assert [(o.flag_id, o.status, o.note, o.source, o.text) for o in orphans] == [
        ("f-bbbb55556666", ReviewStatus.DISMISSED, "house style", "s2", "downgrades")]
    # ... and the orphan is still in the file afterwards, also after another decision
    review.decide(tmp_path, ["f-aaaa3"], "confirmed", None, FLAGS[:2], now=NOW)
    assert "f-bbbb55556666" in ledger_text(tmp_path)


def test_same_decision_twice_leaves_file_byte_for_byte(tmp_path: Path) -> None:
    review.decide(tmp_path, ["f-aaaa1"], "dismissed", "house style", FLAGS, now=NOW)
    before = ledger_text(tmp_path)
    review.decide(tmp_path, ["f-aaaa1"], "dismissed", None, FLAGS, now="2030-01-01T00:00:00Z")
    assert ledger_text(tmp_path) == before  # note kept, timestamp kept


def test_changing_status_drops_old_note_unless_given(tmp_path: Path) -> None:
    review.decide(tmp_path, ["f-aaaa1"], "dismissed", "house style", FLAGS, now=NOW)
    review.decide(tmp_path, ["f-aaaa1"], "confirmed", None, FLAGS, now="2025-06-01T00:00:00Z")
    (d,) = review.load(tmp_path).decisions
    assert (d.status, d.note, d.decided_at) == (ReviewStatus.CONFIRMED, None, "2025-06-01T00:00:00Z")


def test_reopen_removes_decisions_including_orphans(tmp_path: Path) -> None:
    review.decide(tmp_path, ["f-aaaa1", "f-bbbb"], "confirmed", None, FLAGS, now=NOW)
    removed = review.decide(tmp_path, ["bbbb"], "open", None, ())  # no flags needed: resolves in the file
    assert [d.flag_id for d in removed] == ["f-bbbb55556666"]
    assert [d.flag_id for d in review.load(tmp_path).decisions] == ["f-aaaa11112222"]


@pytest.mark.parametrize(
    "given, expected",
    [
        (["f-aaaa1"], ("f-aaaa11112222",)),
        (["aaaa3"], ("f-aaaa33334444",)),  # the f- may be left out
        (["F-BBBB"], ("f-bbbb55556666",)),  # case does not matter
        (["f-bbbb55556666", "bbbb"], ("f-bbbb55556666",)),  # the same flag twice counts once
        (["bbbb", "aaaa1"], ("f-bbbb55556666", "f-aaaa11112222")),  # order kept
    ],
)
def test_resolve_ids(given: list[str], expected: tuple[str, ...]) -> None:
    assert review.resolve_ids(given, [f.id for f in FLAGS]) == expected


def test_exact_id_wins_over_longer_ids_it_prefixes() -> None:
    assert review.resolve_ids(["f-ab"], ["f-ab", "f-abc"]) == ("f-ab",)


@pytest.mark.parametrize(
    "given, message",
    [
        (["aaaa"], "'aaaa' is ambiguous (f-aaaa11112222, f-aaaa33334444)"),
        (["f-"], "ambiguous"),
        (["zzzz"], "'zzzz' matches no flag"),
        (["bbbb", "cccc"], "'cccc' matches no flag"),
        ([" "], "empty flag id"),
    ],
)
def test_bad_ids_write_nothing(tmp_path: Path, given: list[str], message: str) -> None:
    review.decide(tmp_path, ["bbbb"], "confirmed", None, FLAGS, now=NOW)
    before = ledger_text(tmp_path)
    with pytest.raises(review.FlagIdError) as err:
        review.decide(tmp_path, given, "dismissed", "x", FLAGS, now=NOW)
    assert message in str(err.value)
    assert "nothing was changed" in str(err.value)
    assert ledger_text(tmp_path) == before


def test_reopen_of_a_flag_without_decision_is_refused(tmp_path: Path) -> None:
    review.decide(tmp_path, ["bbbb"], "confirmed", None, FLAGS, now=NOW)
    with pytest.raises(review.FlagIdError, match="'aaaa1' matches no flag"):
        review.decide(tmp_path, ["aaaa1"], "open", None, FLAGS)
    with pytest.raises(review.FlagIdError, match="no review decisions to reopen"):
        review.decide(tmp_path / "empty", ["aaaa1"], "open", None, FLAGS)


def _valid(**entry_changes: object) -> dict:
    entry = {"id": "f-aaaa11112222", "status": "confirmed", "note": None, "decided_at": NOW,
             "flag": {"source": "s1", "kind": "name_variant", "text": "Becent", "expected": "Bessent", "message": "m"}}
    entry.update(entry_changes)
    return {"format_version": 1, "decisions": [entry]}


def _pretty(data: object) -> str:
    return json.dumps(data, indent=2) + "\n"


GOOD_TWO = _pretty({"format_version": 1, "decisions": [
    _valid()["decisions"][0], {**_valid()["decisions"][0], "id": "f-bbbb55556666"}]})

BROKEN = [
    # (file text, words the message must contain)
    (GOOD_TWO[: len(GOOD_TWO) // 2], ["not valid JSON", "line "]),
    ('{"format_version": 1, "decisions": [}\n', ["line 1, column 37", "not valid JSON"]),
    (_pretty({**_valid(), "format_version": 2}), ["line 2:", "newer srccompare", "format_version 2", "upgrade"]),
    (_pretty({**_valid(), "format_version": "1"}), ["line 2:", "'format_version' must be 1"]),
    (_pretty({"decisions": []}), ["'format_version' must be 1"]),
    (_pretty(_valid(status="dimissed")), ["line 6:", "entry 1 (id f-aaaa11112222)", "unknown status \"dimissed\"",
                                           "open, confirmed, dismissed"]),
    (_pretty(_valid(id="")), ["line 5:", "entry 1 has no flag id"]),
    (_pretty({"format_version": 1, "decisions": [{"status": "confirmed"}]}), ["line 4:", "entry 1 has no flag id"]),
    (_pretty(_valid(note=3)), ["line 7:", "'note' must be text"]),
    (_pretty(_valid(notes="typo")), ["unknown key 'notes'"]),
    (_pretty({**_valid(), "extra": 1}), ["unknown key 'extra'"]),
    (_pretty({"format_version": 1, "decisions": {"f-a": {}}}), ["line 3:", "'decisions' must be a list"]),
    (_pretty({"format_version": 1, "decisions": [_valid()["decisions"][0]] * 2}),
     ["line 17:", "entry 2: flag id 'f-aaaa11112222' is decided twice"]),
    (_pretty({"format_version": 1, "decisions": [_valid()["decisions"][0], "f-b"]}), ["line 17:", "entry 2 must be an object"]),
    (_pretty([1, 2]), ["line 1:", "must be a JSON object"]),
    ("", ["not valid JSON", "line 1, column 1"]),
]


@pytest.mark.parametrize("text, words", BROKEN, ids=[f"broken{i}" for i in range(len(BROKEN))])
def test_broken_file_is_refused_and_left_untouched(tmp_path: Path, text: str, words: list[str]) -> None:
    path = tmp_path / review.REVIEW_FILE
    path.write_text(text, encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(ReviewFileError) as err:
        review.load(tmp_path)
    message = str(err.value)
    assert message.startswith(str(path) + ":")
    assert "\n" not in message
    for word in words:
        assert word in message, message
    for status in ("confirmed", "open"):
        with pytest.raises(ReviewFileError):
            review.decide(tmp_path, ["f-aaaa1"], status, None, FLAGS, now=NOW)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [review.REVIEW_FILE]


def test_file_not_utf8_is_refused(tmp_path: Path) -> None:
    path = tmp_path / review.REVIEW_FILE
    path.write_bytes(b'{"format_version": 1,\n "decisions": [\xff]}')
    with pytest.raises(ReviewFileError, match=r"line 2: review file is not UTF-8"):
        review.load(tmp_path)


def test_hand_edited_file_is_read(tmp_path: Path) -> None:
    """A user may add a decision by hand, with a byte-order mark and without optional keys."""
    (tmp_path / review.REVIEW_FILE).write_text(
        '\ufeff{"decisions": [{"id": "f-aaaa33334444", "status": "dismissed"}], "format_version": 1}',
        encoding="utf-8")
    flags, orphans = review.apply(FLAGS, review.load(tmp_path))
    assert flags[1].review == Review(ReviewStatus.DISMISSED, None)
    assert orphans == ()
    review.decide(tmp_path, ["bbbb"], "confirmed", None, FLAGS, now=NOW)  # rewrites it in the canonical form
    data = json.loads(ledger_text(tmp_path))
    assert [d["id"] for d in data["decisions"]] == ["f-aaaa33334444", "f-bbbb55556666"]
    assert data["decisions"][0]["flag"] == {k: None for k in ("source", "kind", "text", "expected", "message")}


def test_file_mode_is_kept(tmp_path: Path) -> None:
    review.decide(tmp_path, ["bbbb"], "confirmed", None, FLAGS, now=NOW)
    path = tmp_path / review.REVIEW_FILE
    path.chmod(0o640)
    review.decide(tmp_path, ["aaaa1"], "confirmed", None, FLAGS, now=NOW)
    assert path.stat().st_mode & 0o777 == 0o640
