"""Sources that translate their quotes: a translated article renders every quotation anew, so a
word of its own inside a quote is the translator's choice rather than a changed quotation.

In: the context and the passages as sequences. Out: per-source quote positions and the tests
that read them.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Mapping, Sequence

from srccompare.checks.base import CheckContext
from srccompare.checks.lexicon import in_regions, panel_order, quoted_regions, same_meaning
from srccompare.checks.speech import translates_quotes
from srccompare.models import Flag, Severity
from srccompare.checks.terms.words import _MAX_OTHERS, _Seq, _firm


# --- sources that translate their quotes ---------------------------------------------------------
#
# A translated article renders every quotation anew: its quotes differ from the other sources'
# quotes of the same words everywhere, and one of its wordings put for another is the translator's
# choice. Where such a rendering keeps the field of the others' word ("job" / "work"), reporting it
# accuses the source of a mistranslation it did not make; an outlet that copies quotes copies them
# all, so a changed word there stays worth a look. The rule is ``speech.translates_quotes``, shared
# with the quote check.

_QUOTE_MIN_KEYS = 3  # quoted content words a passage needs for its quote to be compared

def _quoted_keys(q: _Seq) -> frozenset[str]:
    return frozenset(k for k, c, inside in zip(q.keys, q.content, q.quoted) if c and inside)


# A source's only shared quote with at least this many content words in it or in the closest other
# source's quotation but not in both is worded anew (there is no other quote to judge by): one
# word put for another in a copied quote differs by two; a translation differs at more places.
_TRANSLATED_KEYS = 3


def _shared_quotes(ctx: CheckContext, seqs: Mapping[str, _Seq]) -> dict[str, list[tuple[int, int, bool, int]]]:
    """Per source, its passages whose quotation another source also quotes (at least half of its
    quoted content words in another's quotation in the same group): (start, end, worded otherwise,
    differing words), worded otherwise meaning that no other source's quotation there has the same
    content words, differing words counted against the closest other quotation (both ways)."""
    out: dict[str, list[tuple[int, int, bool, int]]] = defaultdict(list)
    for g in ctx.alignment.groups:
        firm = [seqs[p.id] for p in _firm(g)]
        quoted = [(q, _quoted_keys(q)) for q in firm]
        quoted = [(q, k) for q, k in quoted if len(k) >= _QUOTE_MIN_KEYS]
        sample = sorted(quoted, key=lambda qk: (panel_order(qk[0].passage.source), qk[0].passage.id))
        sample = sample[:_MAX_OTHERS + 1]
        for q, keys in quoted:
            same = [k for o, k in sample if o.passage.source != q.passage.source and 2 * len(keys & k) >= len(keys)]
            if same:
                apart = min(len(keys ^ k) for k in same)
                out[q.passage.source].append((q.passage.start, q.passage.end, keys not in same, apart))
    return out


def _translates_quotes(shared: Sequence[tuple[int, int, bool, int]], pos: int) -> bool:
    """Whether a source renders the shared quotes in its own words, judged by its quotes other than
    the one at ``pos``: at least one, and at least half of them, worded otherwise; a source with no
    other shared quote by this one, worded otherwise at several places (``_TRANSLATED_KEYS``)."""
    others = [d for start, end, d, _n in shared if not start <= pos < end]
    if not others:
        return any(start <= pos < end and n >= _TRANSLATED_KEYS for start, end, _d, n in shared)
    return translates_quotes(len(others), sum(others))


# How close in meaning (``lexicon.same_meaning``) a translated quote's word and the others' word
# must be for the rendering to be the translator's choice: a synonym proper ("permitted" /
# "allowed", "start" / "beginning"). Words only of one field ("deal" / "trade" 0.07, "wallet" /
# "portfolio" 0.22: false friends of a translation) stay reported, low.
_QUOTE_SYNONYM = 0.5


def _translation_choice(ctx: CheckContext, f: Flag, quotes: Mapping[str, Sequence[tuple[int, int, bool, int]]]) -> bool:
    """Whether a low flag (see ``_judge`` and ``_flag``) puts a synonym proper of the others' word
    inside a quotation of a source that translates its quotes: a translator's choice, no flag."""
    if f.severity != Severity.LOW or not f.expected:
        return False
    meaning = same_meaning(ctx.sources[f.source].text[f.start:f.end], f.expected)
    if meaning is None or meaning < _QUOTE_SYNONYM:
        return False
    if not in_regions(quoted_regions(ctx.sources[f.source].text), f.start):
        return False
    return _translates_quotes(quotes.get(f.source, ()), f.start)


def _quote_reworded(a: _Seq, strong: Sequence[str], members: Mapping[str, Sequence[_Seq]]) -> bool:
    """Whether this passage's quotation differs from the closest quotation of every voter at
    several places (more than ``_TRANSLATED_KEYS`` content words in one but not the other: one
    word put for another in a copied quote differs by two, two words by four): the quote was
    rendered anew (translated back), and
    a word of a near field in it ("localities" / "villages", three steps in WordNet as in prose)
    is what a second translation prints, worth a look, low."""
    mine = _quoted_keys(a)
    if len(mine) < _QUOTE_MIN_KEYS:
        return False
    for o in strong:
        theirs = [k for q in members.get(o, ()) if len(k := _quoted_keys(q)) >= _QUOTE_MIN_KEYS]
        if not theirs or min(len(mine ^ k) for k in theirs) < _TRANSLATED_KEYS + 1:
            return False
    return True
