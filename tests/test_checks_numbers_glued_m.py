"""number_conflict: a figure glued to "m" without a currency sign ("420m short") is read in metres
where other sources print that figure in metres, and the source's other such figures with it; with
a currency sign ("€35m"), or where the others print the millions ("2.5m visitors"), it stays
millions. Invented story only (a new harbour breakwater)."""

from __future__ import annotations

from tests.test_checks_numbers import run

_PIER = {
    "a": ["The new breakwater stops {x} short of the old pier.", "It cost €35m, the harbour board said."],
    "b": ["The new breakwater stops 420 metres short of the old pier.", "It cost €35 million, the board said."],
    "c": ["The breakwater ends 420 metres short of the old pier.", "The harbour board put its cost at 35 million euros."],
}


def test_a_figure_glued_to_m_is_metres_where_the_others_print_metres():
    # Before, "420m" was read as 420 million and flagged against the others' 420 metres.
    _, flags = run(dict(_PIER, a=[_PIER["a"][0].format(x="420m"), _PIER["a"][1]]))
    assert flags == []


def test_the_sources_other_glued_figure_is_read_in_metres_too():
    texts = dict(_PIER, a=["Breakwater stops 420m short of the old pier",
                           "The new breakwater is 240m long and ends short of the old pier.", _PIER["a"][1]],
                 b=["Breakwater stops 420 metres short of the old pier",
                    "The new breakwater is 420 metres long and ends short of the old pier.", _PIER["b"][1]],
                 c=["The breakwater ends 420 metres short of the old pier",
                    "The breakwater, 420 metres long, ends short of the old pier.", _PIER["c"][1]])
    _, flags = run(texts)
    assert [(f.source, f.text, f.expected) for f in flags] == [("a", "240m", "420")]


def test_millions_the_others_print_stay_millions():
    texts = {
        "a": ["The town expects 2.5m visitors a year once the breakwater is finished."],
        "b": ["The town expects 2.5 million visitors a year once the breakwater is finished."],
        "c": ["Some 2.5 million visitors a year are expected once the 420-metre breakwater is finished."],
    }
    _, flags = run(texts)
    assert flags == []
