"""The reading of shares: a share printed with "of the" ("40% of the seedlings") is the share
itself, not a part of some other count as "five of the growers" is; a share is always of
something. Invented examples only (a nursery's frost losses)."""

from __future__ import annotations

from tests.test_checks_numbers import mention


def test_a_share_of_the_whole_is_no_part_of_a_count():
    assert [m.subset for m in mention("frost killed 40% of the seedlings")] == [False]
    assert [m.subset for m in mention("five of the growers lost everything")] == [True]
