"""number_conflict: figures as translations print them. The same figure printed with the same
digits where they stand, only its separator mark read in two conventions ("32.326 votes" in a Greek
translation, "32,326 votes" in the wire; "3,400 students" in a translation that prints decimal
commas elsewhere), is no discrepancy: a slip changes digits, not a reading. A mark lost or moved
still is, and so is a figure whose own passage groups thousands with the other mark. Invented
stories only (a council runoff, a hostel heating failure, a hajj quota)."""

from __future__ import annotations

from srccompare.checks.quantity_consensus import same_print
from tests.test_checks_numbers import mention, run


def _one(text: str):
    return next(m for m in mention(text) if m.unit != "bare")


def test_the_same_digits_with_another_separator_are_the_same_print():
    assert same_print(_one("she won 32.326 votes"), _one("she won 32,326 votes"))
    assert not same_print(_one("a loan of 4,8 million rubles"), _one("a loan of 48 million rubles"))
    assert not same_print(_one("she won 32,326 votes"), _one("she won 32,362 votes"))


def test_a_translation_printing_decimal_commas_elsewhere_agrees_on_english_thousands():
    texts = {
        "a": ["The burst left 3,400 students without heating, the university said.",
              "The repair will cost 1.6 million euros."],
        "b": ["Some 3,400 students were left without heating, the university said.",
              "Repairs are put at 1.6 million euros."],
        "c": ["Without heating remained 3,400 students, informed the university.",
              "The repair will cost 1,6 million euro."],
    }
    _, flags = run(texts)
    assert [f for f in flags if f.kind.value == "number_conflict"] == []


def test_a_figure_its_own_passage_groups_otherwise_is_no_same_print():
    from srccompare.models import Passage
    from srccompare.checks.quantities import mentions_in

    text = "The quota was raised to 41.600 pilgrims, instead of 31,600."
    p = Passage(id="x:0", source="x", index=0, start=0, end=len(text), text=text)
    mine = next(m for m in mentions_in(p) if m.text.startswith("41"))
    assert not same_print(mine, _one("the quota was raised to 41,600 pilgrims"))
