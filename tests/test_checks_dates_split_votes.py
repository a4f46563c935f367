"""date_conflict: where the counterpart the alignment puts beside a date fits its role clearly, a
date of another value that a further source gives elsewhere in the story, sharing only a few of
its words, no longer cancels it: the two sides are then one source against one, decided by what
the story says elsewhere (``lone_flags``). Invented stories only."""

from __future__ import annotations

from tests.test_checks_numbers import run


def test_a_weak_counterpart_elsewhere_does_not_cancel_the_aligned_one():
    texts = {
        "a": ["The harbour board will vote on the new berth fees on Nov. 10, its chairman said.",
              "Ferry operators said they would wait for the board's decision."],
        "b": ["Ferry operators say the harbour board meets on Nov. 10 and expect higher fees.",
              "The board first raised the fees on Nov. 4, operators said."],
        "c": ["Harbour berth fees: the board will vote on the new fees on Nov. 16, brokers expect.",
              "Ferry operators are waiting."],
    }
    # a and c are aligned (the vote); b gives Nov. 10 elsewhere and an earlier Nov. 4 beside
    # "fees" and "operators".
    _, flags = run(texts, groups=[[("a", 0), ("c", 0)], [("a", 1), ("c", 1)]])
    assert [(f.source, f.text, f.expected) for f in flags] == [("c", "Nov. 16", "Nov. 10")]
