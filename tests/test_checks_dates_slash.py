"""date_conflict: a date printed with slashes that reads both ways ("04/05/2026") is read in the
order its page says (``settle_slash_dates``): the source's own unambiguous slash dates, then the
weekday printed beside it, then the other sources; failing all three, day-first, the order of most
of the world. Invented stories only (a lighthouse repainting, a ferry timetable, a seed fair)."""

from __future__ import annotations

from srccompare.checks.quantities import mentions_in, settle_slash_dates
from srccompare.models import Passage
from tests.test_checks_numbers import mention, run


def _dates(text):
    return [(m.text, m.value) for m in mention(text) if m.unit == "date"]


def _settled(texts):
    """{source: [(text, (month, day))]} of the dates of one-passage sources after settling."""
    by_passage = {}
    for k, (src, text) in enumerate(texts.items()):
        by_passage[f"{src}:0"] = mentions_in(Passage(id=f"{src}:0", source=src, index=0, start=0,
                                                     end=len(text), text=text))
    out = {}
    for pid, ms in settle_slash_dates(by_passage).items():
        out[pid.split(":")[0]] = [(m.text, m.value) for m in ms if m.unit == "date"]
        assert all(m.month_first is None for m in ms)
    return out


def test_an_unambiguous_slash_date_is_read_as_before():
    assert _dates("The lighthouse was repainted on 18/09/2025.") == [("18/09/2025", (9, 18))]
    assert _dates("The lighthouse was repainted on 09/18/2025.") == [("09/18/2025", (9, 18))]


def test_a_slash_date_read_both_ways_is_now_a_date():
    # Before, "04/05/2026" was skipped: neither reading was compared with the others.
    assert _settled({"a": "The ferry resumes on 04/05/2026 after repairs."}) == {"a": [("04/05/2026", (5, 4))]}


def test_the_sources_own_slash_dates_say_the_order():
    got = _settled({"a": "The fair opened on 09/18/2026 and closes on 04/10/2026, organisers said."})
    assert got["a"] == [("09/18/2026", (9, 18)), ("04/10/2026", (4, 10))]
    got = _settled({"a": "The fair opened on 18/09/2026 and closes on 04/10/2026, organisers said."})
    assert got["a"] == [("18/09/2026", (9, 18)), ("04/10/2026", (10, 4))]


def test_the_weekday_beside_it_says_the_order():
    # 4 May 2026 is a Monday, 5 April 2026 a Sunday.
    assert _settled({"a": "The ferry resumes on Sunday 04/05/2026."})["a"] == [("04/05/2026", (4, 5))]
    assert _settled({"a": "The ferry resumes on Monday 04/05/2026."})["a"] == [("04/05/2026", (5, 4))]


def test_the_other_sources_say_the_order_when_the_page_does_not():
    got = _settled({"a": "The ferry resumes on 04/05/2026 after repairs.",
                    "b": "Ferry service will resume on April 5, the operator said."})
    assert got["a"] == [("04/05/2026", (4, 5))]


def test_a_slash_date_one_slip_from_the_others_date_is_flagged():
    texts = {
        "a": ["The seed fair in the market square opened on Monday, March 9, with 40 stalls."],
        "b": ["The seed fair in the market square opened on 9 March with 40 stalls."],
        "c": ["The seed fair of the market square opened on 9/04/2026 with 40 stalls."],
    }
    _, flags = run(texts)
    assert [(f.source, f.text, f.expected) for f in flags] == [("c", "9/04/2026", "March 9")]
