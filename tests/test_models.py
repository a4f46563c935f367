"""Pure helpers on the stage objects."""

from __future__ import annotations

from srccompare.models import Passage, PassagesInOrder


def _p(source: str, index: int, start: int, end: int) -> Passage:
    return Passage(id=f"{source}:{index}", source=source, index=index, start=start, end=end, text="x" * (end - start))


def test_passages_in_order_finds_the_passage_holding_an_offset_per_source():
    # Given out of order and mixed across sources; a gap 20-25 in a between two passages.
    order = PassagesInOrder([_p("a", 1, 25, 40), _p("b", 0, 0, 30), _p("a", 0, 0, 20)])
    assert [p.id for p in order.of("a")] == ["a:0", "a:1"]
    assert order.of("nobody") == ()
    assert order.at("a", 0).id == "a:0" and order.at("a", 19).id == "a:0"
    assert order.at("a", 20) is None and order.at("a", 24) is None  # in the gap
    assert order.at("a", 25).id == "a:1" and order.at("a", 40) is None  # past the last
    assert order.at("b", 29).id == "b:0" and order.at("c", 3) is None
    # index_from: the last passage starting at or before the offset, whatever its end.
    assert order.index_from("a", 22) == 0 and order.index_from("a", 99) == 1
    assert order.index_from("a", -1) == -1 and order.index_from("c", 5) == -1
