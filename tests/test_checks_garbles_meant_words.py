"""Words a writer meant, not garbles: a capital after a live blog's time stamp opens the entry
("10:42 — Fishermen ..."); a local term the text introduces ("known in the old tongue as
brennock"); a rare term another source spells one letter apart ("qorvakin" / "korvakin"). Tested
on an invented story about a harbour wall in a town called Carrowmere."""

from __future__ import annotations

from harbour_wall import reported_in_d as texts_of


def test_a_capital_after_a_live_blog_time_stamp_opens_the_entry():
    d = ("Carrowmere council said the harbour wall would be repaired before the winter storms.\n"
         "10:42 — Fishermen moved their boats to the inner basin while engineers inspected the damage.")
    assert "Fishermen" not in texts_of(d)


def test_a_local_term_the_text_introduces_is_meant():
    d = ("Carrowmere council said the harbour wall, known locally as the brennock, would be repaired "
         "before the winter storms. Fishermen moved their boats to the inner basin while engineers "
         "inspected the damage.")
    d2 = d.replace("known locally as the brennock", "known in the old tongue as brennock")
    assert "brennock" not in texts_of(d2)


def test_a_rare_term_another_source_spells_one_letter_apart_is_the_storys():
    d = ("Carrowmere council said the harbour wall would be repaired before the winter storms. "
         "Fishermen moved their boats to the inner basin while engineers inspected the qorvakin.")
    e = ("The council in Carrowmere said the harbour wall would be repaired before winter. Fishermen "
         "took their boats to the inner basin and engineers inspected the korvakin, the old stone groyne.")
    assert "qorvakin" in texts_of(d)
    assert "qorvakin" not in texts_of(d, e=e)
