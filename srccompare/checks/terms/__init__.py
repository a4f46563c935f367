"""term_variant: a word or phrase where most other sources use a different term at the same place.

In: the check context. Out: one flag per replaced term, ``expected`` being the term the others
agree on, evidence its places in those sources.

How, for each passage of each source:

1. Counterparts: the other sources' passages in its aligned group. A passage the alignment left
   alone (a sentence reworded beyond recognition, the typical place of a mistranslation) borrows
   the groups of its neighbours in its own source, keeping only the other passages that share at
   least two content words with it.
2. Consensus: content-word stems (Snowball) that at least two other sources, and at least half of
   those compared, use there, and this source does not ("de-escalat" in three sources).
   Replacements: this source's content words whose stem no other counterpart uses.
3. Slot: the content-stem sequences of this passage and of each other passage are aligned
   (difflib opcodes); a replacement and a consensus term in the same replaced stretch are a pair.
   Where the stretch is short (one or two words a side) the pair is taken as it is; in a longer
   stretch a replacement must look like a term rather than paraphrase: used by no other source in
   the whole story and not an everyday word (wordfreq), or carrying a direction prefix like the
   consensus term (down-/de-/up-).
4. A pair counts when at least two other sources vote for it. Severity: high where the swap changes
   direction (down-/up- for de-), or in a quotation with three or more agreeing sources; low where
   both words are everyday words (likely a synonym, below the reporting floor unless quoted);
   medium otherwise.

More passes look for what the sentence alignment misses: word-for-word substitutions in
shared wording (``_substitutions``), words left in another language (``_untranslated``), and words of
a source's own in a sentence reworded beyond alignment (``_left_swaps``: a word only this source
prints, against the one word left unpaired of the same part of speech in the other sources'
sentences saying the same, found story-wide by their shared words, names and figures), one member of a two-word unit put
for a near word of another meaning (``_collocation_swaps``: "residential doctors" where two other
sources print "resident doctors"), a body or office named word for word (``_calque_swaps``: "the Big
Bank" where two other sources print "the central bank"), one member of a compound WordNet lists put for a word of related meaning, read on one witness and
reported on two (``_compound_swaps``: "dark market" where two other sources print "black market"), a member of a
two-word unit this source prints once against its own and the others' usual member (``_self_swaps``: "chemistry pamphlet" in an
article that says "chemistry paper" elsewhere, as the others do there), a member of a WordNet compound this source prints
itself elsewhere put once for a sense neighbour (``_own_compound_swaps``: "water board" beside its own and two
others' "water table"), a one-word compound rendered by its parts (``_split_compound_swaps``: "goods houses"
where two other sources print "warehouses"), the noun after a figure put for the others' noun of another field at the same place
(``_counted_swaps``: "three cupboards" where others count "three lifeboats"), and a
person's title with a rank word (deputy, vice-) dropped or added where the other sources agree
(``_title_swaps``, anchored on the name beside the title), and a negation dropped or added on a word of
otherwise shared wording (``_negation_swaps``: "the tram lines are also closed" where two other sources
print "are not closed").

Layout: ``words`` (content words and token sequences every pass reads), ``meaning`` (WordNet
closeness, part of speech, word-family frequency), ``quotes`` (sources that translate their quotes),
``consensus`` (the sentence-level pass above), ``substitutions``, ``untranslated``, ``leftovers``,
``collocations``, ``calques``, ``compounds``, ``counted``, ``titles``, ``selfswap``, ``negation`` (one module per further pass),
``severity`` (decisions taken on every flag after the passes). This module runs them and resolves their overlaps.

Bounded work: at most ``_MAX_OTHERS`` other sources per passage, chosen by id; sequence alignment
only where a replacement and a missing consensus term both exist.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable

from srccompare.checks.base import CheckContext
from srccompare.checks.lexicon import panel_order
from srccompare.models import Flag, Kind, Passage
from srccompare.checks.terms.words import _MAX_OTHERS, _alone, _content_words, _firm, _story_stems
from srccompare.checks.terms.quotes import _shared_quotes, _translation_choice
from srccompare.checks.terms.consensus import _Tally, _borrowed_counterparts, _check
from srccompare.checks.terms.substitutions import _substitutions
from srccompare.checks.terms.untranslated import _untranslated
from srccompare.checks.terms.leftovers import _left_swaps
from srccompare.checks.terms.collocations import _collocation_swaps, _collocations
from srccompare.checks.terms.calques import _calque_swaps
from srccompare.checks.terms.compounds import _compound_swaps, _own_compound_swaps, _split_compound_swaps
from srccompare.checks.terms.counted import _counted_swaps
from srccompare.checks.terms.titles import _title_swaps
from srccompare.checks.terms.negation import _negation_swaps
from srccompare.checks.terms.selfswap import _self_swaps
from srccompare.checks.terms.severity import (
    _kept_meaning,
    _low_in_quote,
    _more_general_word,
    _rebuilt_in_quote,
    _shared_vocabulary,
    _translated_everyday,
)

__all__ = ["TermCheck"]


class TermCheck:
    kinds = (Kind.TERM_VARIANT,)

    def run(self, ctx: CheckContext) -> Iterable[Flag]:
        words, seqs = _content_words(ctx)
        story = _story_stems(words)
        by_source: dict[str, list[Passage]] = defaultdict(list)
        for p in ctx.alignment.passages:
            by_source[p.source].append(p)
        flags: dict[tuple[str, int, int], Flag] = {}
        group_of = ctx.group_of
        at = {(p.source, p.index): p for p in ctx.alignment.passages}
        panels: dict[str, tuple[Passage, ...]] = {}
        for g in ctx.alignment.groups:
            members: dict[str, list[Passage]] = defaultdict(list)
            for p in _firm(g):
                members[p.source].append(p)
            # A fixed sample of the sources stands for the others (bounded work in huge groups).
            sample = sorted(members, key=panel_order)[:_MAX_OTHERS + 1]
            tally = _Tally(words, members, sample)
            for s, own in members.items():
                others = {o: members[o] for o in sample if o != s}
                for f in _check(ctx, words, story, s, own, others, g, borrowed=False, tally=tally):
                    flags.setdefault((f.source, f.start, f.end), f)
        for p in _alone(ctx):
            borrowed = _borrowed_counterparts(ctx, words, p, by_source[p.source], group_of, at, panels)
            if borrowed is None:
                continue
            g, others = borrowed
            for f in _check(ctx, words, story, p.source, [p], others, g, borrowed=True):
                flags.setdefault((f.source, f.start, f.end), f)
        # Word-for-word substitutions in aligned wording: the same place as found above is kept
        # once, by the more confident reading, or by the tighter span when both readings name the
        # same expected term ("destabilise", not "hopes to destabilise").
        keys_of: dict[str, set[tuple[str, int, int]]] = defaultdict(set)  # source -> its flags' keys
        for k in flags:
            keys_of[k[0]].add(k)
        # A title's words are printed by every source (the office is shared; the rank differs).
        title_flags = list(_title_swaps(ctx))
        # A negation dropped or added: the others print the flagged word too (as its negation), so
        # the story's vocabulary and the word's meaning say nothing of it.
        negation_flags = list(_negation_swaps(ctx, seqs))
        colls = _collocations(ctx, seqs)  # two-word units, read by two passes
        as_found = {(f.source, f.start, f.end) for f in (*title_flags, *negation_flags)}
        for f in _chain(_substitutions(ctx, story, words, seqs), _untranslated(ctx, seqs),
                        _left_swaps(ctx, story, words, seqs), _collocation_swaps(ctx, seqs, colls),
                        _calque_swaps(ctx, seqs), _compound_swaps(ctx, seqs, colls), _self_swaps(ctx, seqs, colls),
                        _own_compound_swaps(ctx, seqs, colls), _split_compound_swaps(ctx, seqs), title_flags,
                        negation_flags):
            clash = [k for k in keys_of[f.source] if k[1] < f.end and f.start < k[2]]
            if all(_better(f, flags[k]) for k in clash):
                for k in clash:
                    del flags[k]
                    keys_of[f.source].discard(k)
                key = (f.source, f.start, f.end)
                flags[key] = f
                keys_of[f.source].add(key)
        # The thing a figure counts is a fallback for places no other pass read: where one did, its
        # reading of the words stands ("candles" / "lanterns", not "9,000 candles").
        for f in _counted_swaps(ctx, seqs):
            if not any(k[1] < f.end and f.start < k[2] for k in keys_of[f.source]):
                flags[(f.source, f.start, f.end)] = f
                keys_of[f.source].add((f.source, f.start, f.end))
        quotes = _shared_quotes(ctx, seqs)
        out = []
        for k in sorted(flags):
            f = flags[k]
            if _translation_choice(ctx, f, quotes):
                continue
            if k not in as_found:  # titles and negations: the words are shared, the meaning test is moot
                f = _kept_meaning(ctx, _shared_vocabulary(ctx, story, words, by_source, f), quotes)
            f = _more_general_word(ctx, _translated_everyday(ctx, f, quotes))
            f = _rebuilt_in_quote(ctx, f, quotes, seqs, by_source[f.source])
            out.append(_low_in_quote(ctx, f))
        return out


def _chain(*its: Iterable[Flag]) -> Iterable[Flag]:
    for it in its:
        yield from it


def _better(new: Flag, old: Flag) -> bool:
    """Whether ``new`` should replace ``old`` on the same words (see ``TermCheck.run``)."""
    if new.expected.lower() == old.expected.lower():
        return (new.end - new.start, -new.confidence) < (old.end - old.start, -old.confidence)
    return new.confidence > old.confidence
