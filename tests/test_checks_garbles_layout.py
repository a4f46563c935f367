"""garbled_text: where English layout opens a unit of its own, a capital says nothing about a
slip. The first word of a table cell ("| Boats moored | 40 |"), of a live blog entry after its
time stamp set in bold ("**10:42 GMT** Fishermen ..."), of a timeline entry after its date label
("- Monday, 3 June, around 04:00 - Fishermen ..."), and a person's post set after the name in a
transcript's or a release's credit line ("CIARA DOYLE (Surveyor, Carrowmere Harbour Board):") are
capitalised by every style. The same word inside a running sentence is still reported.

Tested on the invented harbour wall story of ``harbour_wall``.
"""

from __future__ import annotations

import pytest

from harbour_wall import reported_in_d as texts_of

WALL_D = "Carrowmere council said the harbour wall would be repaired before the winter storms.\n"


def test_a_capital_inside_a_running_sentence_is_still_reported():
    d = WALL_D + "Engineers inspected the damage while fishermen moved their Boats to the inner basin."
    assert "Boats" in texts_of(d)


@pytest.mark.parametrize("line", [
    "| Boats moved | 40 |",
    "| Harbour | Boats moved to the inner basin |",
])
def test_the_first_word_of_a_table_cell_opens_the_cell(line):
    d = WALL_D + "| Place | Count |\n" + line + "\nEngineers inspected the damage."
    assert "Boats" not in texts_of(d)


@pytest.mark.parametrize("stamp", ["**10:42 GMT** ", "__10:42__ "])
def test_a_live_blog_entry_opens_after_its_stamp_set_in_bold(stamp):
    d = WALL_D + stamp + "Boats were moved to the inner basin while engineers inspected the damage."
    assert "Boats" not in texts_of(d)


@pytest.mark.parametrize("label", ["- Monday, 3 June, around 04:00 - ", "- Tuesday, 4 June, morning - ",
                                   "2019 – "])
def test_a_timeline_entry_opens_after_its_date_label(label):
    d = WALL_D + label + "Boats were moved to the inner basin while engineers inspected the damage."
    assert "Boats" not in texts_of(d)


def test_a_dash_after_a_sentence_that_names_a_year_opens_nothing():
    d = WALL_D + "The wall was last repaired in 2019 - Boats were moved to the inner basin then."
    assert "Boats" in texts_of(d)


@pytest.mark.parametrize("credit", [
    "CIARA DOYLE (Surveyor, Carrowmere Harbour Board): ",
    "The review was led by Dr Ciara Doyle, Surveyor in Coastal Works. ",
])
def test_a_post_set_after_a_name_in_a_credit_line_is_capitalised(credit):
    d = WALL_D + credit + "Fishermen moved their boats to the inner basin while we inspected the damage."
    assert "Surveyor" not in texts_of(d)


def test_a_post_in_a_running_sentence_is_still_reported():
    d = WALL_D + "Fishermen said a Surveyor had inspected the damage to the wall before the storms."
    assert "Surveyor" in texts_of(d)
