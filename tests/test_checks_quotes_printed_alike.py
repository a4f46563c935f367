"""Quote check, session 17: two outlets that copy a quotation print it alike, even where one of
them slipped at a word, so their shared wording is the verbatim one; a rendering worded too
freely to line up with either is not verbatim (``_reworded_whole``, ``_printed_alike``).

- A quote no other quote lines up with, where two other sources print the same speaker's quote
  in aligned passages with most of its words in the same order (one of them with a word of its
  own), is flagged low, with the first of the two as the expected wording.
- A quote that is another sentence of the speaker's (sharing no content word with this one) is
  no copy of this one's wording, however closely it matches a longer quote of a third source.
- A quote holding exactly the others' words in another order is a garble of the sentence, left
  to the garble check.

Every story here is invented for these tests (a river bridge closed by a flood)."""

from __future__ import annotations

from srccompare.checks.quotes import QuoteCheck
from srccompare.models import Severity
from tests.discrepancy_story import build, check_offsets

LEAD = "Floodwater closed the Varnholt river bridge on Monday morning."
COPIED = ('"The bridge stays shut until the engineers have checked every pier below the waterline," '
          'mayor Ilse Brandt said.')
SLIPPED = ('"The bridge stays shut until the engineers have inspected every pier below the waterline," '
           'Brandt said.')
FREE = ('"The engineers are to examine each pier down in the river while the bridge remains closed," '
        'Brandt said.')


def _flags(texts):
    ctx = build(texts)
    flags = list(QuoteCheck().run(ctx))
    check_offsets(ctx, flags)
    return flags


def test_a_free_rendering_against_two_quotes_printed_alike_is_flagged_low():
    flags = _flags({"a": [LEAD, COPIED], "b": [LEAD, SLIPPED], "d": [LEAD, FREE]})
    assert [f.source for f in flags] == ["d"]
    assert flags[0].severity == Severity.LOW
    assert flags[0].expected.startswith("The bridge stays shut until the engineers have checked")


def test_another_sentence_of_the_speaker_is_no_copy_of_the_quote():
    # b quotes only the speaker's next sentence, which a's longer quote also holds: the two match
    # there, but b says nothing about the words of d's quote.
    nxt = "Traffic goes over the old ferry road for now."
    a = COPIED.replace('waterline,"', f'waterline. {nxt}"')
    b = f'"{nxt}" Brandt said.'
    assert _flags({"a": [LEAD, a], "b": [LEAD, b], "d": [LEAD, FREE]}) == []


def test_the_others_words_in_another_order_are_left_to_the_garble_check():
    short = '"Hundreds of drivers rely on this crossing every day," Brandt said.'
    jumbled = '"Every day this crossing on hundreds of drivers rely," Brandt said.'
    flags = _flags({"a": [LEAD, short.replace('Brandt', 'mayor Ilse Brandt')], "b": [LEAD, short],
                    "d": [LEAD, jumbled]})
    assert [f for f in flags if f.source == "d"] == []
