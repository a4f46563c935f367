"""date_conflict: two sets of weekdays agree only when one holds the other. "On Saturday and
Sunday" and "on Sunday and Monday" share a Sunday and still name different days; a single weekday
of the pair ("on Wednesday" beside "on Tuesday and Wednesday") or a span covering it ("from Friday
to Monday" beside "on Saturday and Sunday") is the same days told with fewer words. Invented
stories only."""

from __future__ import annotations

from srccompare.checks.quantity_consensus import consistent
from tests.test_checks_numbers import mention, run


def _days(text: str):
    return next(m for m in mention(text) if m.unit == "weekday")


def test_two_pairs_of_days_sharing_one_day_disagree():
    assert not consistent(_days("The fair runs on Saturday and Sunday."), _days("The fair runs on Sunday and Monday."))


def test_fewer_of_the_same_days_agree():
    pair = _days("Snow may fall on Tuesday and Wednesday.")
    assert consistent(_days("Snow may fall on Wednesday."), pair)
    assert consistent(pair, _days("Snow may fall on Wednesday."))
    assert consistent(_days("The depot is shut from Friday to Monday."), _days("The depot is shut on Saturday and Sunday."))


def test_a_pair_with_one_day_changed_is_flagged():
    texts = {
        "a": ["The weather office said up to 30 mm of rain could fall on Tuesday and Wednesday over the northern hills."],
        "b": ["Forecasters say up to 30 mm more could fall on Tuesday and Wednesday in the northern hills."],
        "c": ["The office expects 30 mm of rain on Tuesday and Wednesday over the hills of the north."],
        "d": ["The office expects up to 30 mm more on Thursday and Wednesday over the northern hills."],
    }
    _, flags = run(texts)
    assert [(f.source, f.text, f.expected) for f in flags] == [("d", "Thursday and Wednesday", "Tuesday and Wednesday")]
