"""The web pair counts behind ``lexicon.pair_zipf``: the raw file is searched pair by pair until
reading it whole into a dictionary costs less than the searches still to come would (about 160
distinct pairs: a 100-source story asks about 80), and both ways give the same count."""

from __future__ import annotations

from srccompare.checks.lexicon import _PAIR_SEARCHES, _PairCounts


def test_a_hundred_pairs_are_searched_without_building_the_dictionary():
    counts = _PairCounts()
    searched = counts.count("every day")
    for k in range(100):
        counts.count(f"qzx{k} zqy")
    assert counts._table is None
    assert searched > 0


def test_the_dictionary_built_after_many_pairs_counts_as_the_search_did():
    searching = _PairCounts()
    expected = {pair: searching.count(pair) for pair in ("every day", "with in", "fore cast")}
    built = _PairCounts()
    for k in range(_PAIR_SEARCHES):
        built.count(f"qzx{k} zqy")
    assert built.count("every day") == expected["every day"]
    assert built._table is not None
    assert {pair: built.count(pair) for pair in expected} == expected
