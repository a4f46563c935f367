"""garbled_text: a capital that the punctuation around the word explains. English capitalises a
title used in address, set off by a comma and closing its clause ("Thank you, Minister."); a sentence
opens after an editor's note in square brackets ("All in favour. [inaudible] Seventeen against.");
a document's word stands capitalised before its title in quotation marks (the draft Ordinance "On
Harbour Works"). The same words capitalised elsewhere inside a sentence are still odd capitals.

Invented texts on the Carrowmere harbour-wall story (``tests/harbour_wall.py``).
"""

from __future__ import annotations

import pytest

from harbour_wall import reported_in_d

HEAD = "Carrowmere council said the harbour wall would be repaired before the winter storms. "
TAIL = "Fishermen moved their boats to the inner basin while engineers inspected the damage."


@pytest.mark.parametrize(
    "d, word",
    [
        (HEAD + '"We moved the boats, Skipper." ' + TAIL, "Skipper"),
        (HEAD + "Two were in favour, Skipper. " + TAIL, "Skipper"),
        (HEAD + "All in favour. [inaudible] Seventeen against. " + TAIL, "Seventeen"),
        ("Carrowmere council said the harbour wall would be repaired before the winter storms under the "
         'draft Ordinance "On Harbour Works". ' + TAIL, "Ordinance"),
    ],
)
def test_a_capital_the_punctuation_explains_is_kept(d, word):
    assert word not in reported_in_d(d)


@pytest.mark.parametrize(
    "d, word",
    [
        ("Carrowmere council said the harbour wall would be repaired before the winter storms, Skipper "
         "said. " + TAIL, "Skipper"),
        ("Carrowmere council said the harbour wall would be repaired before the winter Storms. " + TAIL, "Storms"),
    ],
)
def test_a_capital_inside_a_clause_is_still_odd(d, word):
    assert word in reported_in_d(d)
