"""date_conflict: the Islamic (lunar Hijri) calendar and the Afghan names of the Solar Hijri months.

Reports from Arabic-, Urdu- and Dari-speaking countries date by the Islamic calendar ("20 Safar
1448", "Rabi al-Awwal 12") and Afghan ones by the Solar Hijri calendar under the names of the
zodiac ("16 Mizan 1405"); their translations keep those dates. They are read as the Gregorian days
they name, so a slip in one is judged against the others' dates. An Islamic month begins with the
sighting of the new moon, so an Islamic date stands for its tabular day and the day either side of
it; a date glossed with its Gregorian day ("... AH corresponding to 5 August 2026") is read as the
Gregorian one. Invented stories only (a book fair, a ferry)."""

from __future__ import annotations

import pytest

from tests.test_checks_numbers import mention, run_dated


@pytest.mark.parametrize("text, got", [
    # 20 Safar 1448 is 5 August 2026 on the tabular calendar: read as 4 to 6 August.
    ("The fair opens on 20 Safar 1448 in the old hall.", [("20 Safar 1448", "date", (8, 4), (8, 6))]),
    # A month named in two words, and one joined by a hyphen.
    ("The fair opens on 12 Rabi al-Awwal 1448 in the hall.", [("12 Rabi al-Awwal 1448", "date", (8, 25), (8, 27))]),
    ("The fair opens on 1 Dhul-Hijjah, the ministry said.", [("1 Dhul-Hijjah", "date", (0, 1), None)]),
    # The Afghan name of the Solar Hijri month: 16 Mizan 1405 is 8 October 2026.
    ("The fair opens on 16 Mizan 1405 in the hall.", [("16 Mizan 1405", "date", (10, 8), None)]),
    # Glossed with its Gregorian day: the Gregorian one is read.
    ("The fair opened on 20 Safar 1448 AH corresponding to 5 August 2026 in the hall.",
     [("5 August", "date", (8, 5), None), ("2026", "year", 2026.0, None)]),
])
def test_an_islamic_or_afghan_date_reads_as_its_gregorian_days(text, got):
    assert [(m.text, m.unit, m.value, m.through) for m in mention(text)] == got


_FAIR = {
    "a": ["The ministry said the book fair would open on August 5, with 300 publishers.",
          "Entry is free for students."],
    "b": ["The ministry announced that the book fair opens on 20 Safar 1448 with 300 publishers.",
          "The entry is free for the students."],
    "c": ["The ministry announced that the book fair will open on 10 Safar 1448 with 300 publishers.",
          "Entry is free for students."],
}
_FILED = {"a": "2026-07-20", "b": "2026-07-20", "c": "2026-07-20"}


def test_an_islamic_date_is_judged_against_the_others():
    # c's 10 Safar is 26 July; the others give 5 August, one of them as 20 Safar.
    _, flags = run_dated(_FAIR, _FILED)
    assert [(f.source, f.text, f.kind.value) for f in flags] == [("c", "10 Safar 1448", "date_conflict")]


def test_an_islamic_date_a_day_off_the_tabular_one_is_no_conflict():
    # The authority declared the month a day early: 19 Safar by its sighting is 5 August.
    texts = dict(_FAIR, c=[_FAIR["c"][0].replace("10 Safar", "19 Safar"), _FAIR["c"][1]])
    _, flags = run_dated(texts, _FILED)
    assert flags == []
