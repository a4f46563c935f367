"""number_conflict: a counterpart found outside the aligned passages must share words with the
figure besides the noun both count: "worked 35 years in the docks" and "rise to 20% over two
years" have only "years" in common, as every figure of years has. Invented story only (a port
pension reform)."""

from __future__ import annotations

from srccompare.models import Kind
from tests.test_checks_numbers import run

_REFORM = {
    "a": ["The assembly passed the port pension reform by 41 votes to 20.",
          "Contributions rise from 11% to 13% over two years."],
    "b": ["The port pension reform passed by 41 votes to 20.",
          "Contributions will go from 11% to 13% of pay within two years."],
    "c": ["Deputies passed the port pension reform by 41 votes to 20.",
          "Contributions climb from 11% to 13% of wages.",
          '"I worked 35 years in the docks," he said.'],
}


def test_a_figure_sharing_only_its_noun_with_the_others_is_no_counterpart():
    _, flags = run(_REFORM, groups=[[("a", 0), ("b", 0), ("c", 0)], [("a", 1), ("b", 1), ("c", 1)]])
    assert [(f.source, f.text) for f in flags if f.kind is Kind.NUMBER_CONFLICT] == []
