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
Bank" where two other sources print "the central bank"), a member of a two-word unit this source
prints once against its own and the others' usual member (``_self_swaps``: "chemistry pamphlet" in an
article that says "chemistry paper" elsewhere, as the others do there), and a
person's title with a rank word (deputy, vice-) dropped or added where the other sources agree
(``_title_swaps``, anchored on the name beside the title).

Bounded work: at most ``_MAX_OTHERS`` other sources per passage, chosen by id; sequence alignment
only where a replacement and a missing consensus term both exist.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Iterable, Mapping, Sequence

# The Cython port of difflib: the same matching blocks as the standard library's, several times
# faster (the word-for-word comparison aligns some 100,000 passage pairs per 1,000 sources).
from cydifflib import SequenceMatcher
from rapidfuzz.distance import OSA, Indel

from srccompare.checks.base import CheckContext, Token, make_flag, normalize_word, span_of
from srccompare.checks.lexicon import (
    HONORIFICS,
    MEANING_KEPT,
    PARTICLES,
    pos_shares,
    POLARITY_PREFIXES,
    closest_word,
    foreign_zipf,
    in_regions,
    in_title_line,
    is_ordinary_word,
    is_acronym,
    is_alpha_word,
    is_function_word,
    lang_of,
    more_general,
    norm_of,
    panel,
    panel_order,
    passage_tokens,
    polarity_prefix,
    quoted_regions,
    same_meaning,
    share_ancestor,
    sentence_initial,
    shared_prefix,
    stem,
    word_parts,
    zipf,
)
from srccompare.checks.numbers import NUMBER_WORDS
from srccompare.checks.speech import REPORTING_VERBS, translates_quotes
from srccompare.models import Flag, Group, Kind, Passage, Severity

_MAX_OTHERS = 12
# Everyday words: a swap between two of them is usually paraphrase ("talks"/"negotiations").
_EVERYDAY_ZIPF = 4.0
# A slot this small on both sides is a word-for-word replacement.
_TIGHT = 2
_MIN_VOTES = 2
_EVIDENCE_CAP = 5


@dataclass(frozen=True)
class _Word:
    tok: Token
    stem: str
    zipf: float
    quoted: bool


@dataclass
class _Pair:
    words: list[_Word]  # this source's replacement words (one slot)
    term: str  # consensus stem
    voters: dict[str, Token]  # other source -> its token of the term
    tight_voters: dict[str, bool] = field(default_factory=dict)
    tight: bool = False
    polar: bool = False


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
        for p in ctx.alignment.unaligned:
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
        colls = _collocations(ctx, seqs)  # two-word units, read by two passes
        titles = {(f.source, f.start, f.end) for f in title_flags}
        for f in _chain(_substitutions(ctx, story, words, seqs), _untranslated(ctx, seqs),
                        _left_swaps(ctx, story, words, seqs), _collocation_swaps(ctx, seqs, colls),
                        _calque_swaps(ctx, seqs), _self_swaps(ctx, seqs, colls), title_flags):
            clash = [k for k in keys_of[f.source] if k[1] < f.end and f.start < k[2]]
            if all(_better(f, flags[k]) for k in clash):
                for k in clash:
                    del flags[k]
                    keys_of[f.source].discard(k)
                key = (f.source, f.start, f.end)
                flags[key] = f
                keys_of[f.source].add(key)
        quotes = _shared_quotes(ctx, seqs)
        out = []
        for k in sorted(flags):
            f = flags[k]
            if _translation_choice(ctx, f, quotes):
                continue
            if k not in titles:
                f = _shared_vocabulary(ctx, story, words, by_source, f)
            out.append(_more_general_word(ctx, _translated_everyday(ctx, f, quotes)))
        return out


# --- sources that translate their quotes ---------------------------------------------------------
#
# A translated article renders every quotation anew: its quotes differ from the other sources'
# quotes of the same words everywhere, and one of its wordings put for another is the translator's
# choice. Where such a rendering keeps the field of the others' word ("job" / "work"), reporting it
# accuses the source of a mistranslation it did not make; an outlet that copies quotes copies them
# all, so a changed word there stays worth a look. The rule is ``speech.translates_quotes``, shared
# with the quote check.

_QUOTE_MIN_KEYS = 3  # quoted content words a passage needs for its quote to be compared



def _panel_sample(ctx: CheckContext) -> set[str]:
    """The sources the passes past the sentence alignment read as witnesses: a fixed sample of
    ``_MAX_OTHERS + 1`` in ``panel_order``, so their work grows linearly with the corpus."""
    return set(sorted(ctx.sources, key=panel_order)[:_MAX_OTHERS + 1])

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


def _chain(*its: Iterable[Flag]) -> Iterable[Flag]:
    for it in its:
        yield from it


def _better(new: Flag, old: Flag) -> bool:
    """Whether ``new`` should replace ``old`` on the same words (see ``TermCheck.run``)."""
    if new.expected.lower() == old.expected.lower():
        return (new.end - new.start, -new.confidence) < (old.end - old.start, -old.confidence)
    return new.confidence > old.confidence


def _content_words(ctx: CheckContext) -> tuple[dict[str, tuple[_Word, ...]], dict[str, "_Seq"]]:
    """Each passage's content words: alphabetic, not function words, not names (a capital inside
    a sentence), with stem, frequency and whether they sit inside a quotation; and each passage as
    a ``_Seq`` for the word-for-word comparison. One pass over the tokens for both: what depends
    only on a word's spelling is looked up once per distinct word (``_spelling``)."""
    out: dict[str, tuple[_Word, ...]] = {}
    seqs: dict[str, _Seq] = {}
    quotes: dict[str, tuple[tuple[int, int], ...]] = {}
    for p in ctx.alignment.passages:
        src = ctx.sources[p.source]
        regions = quotes.get(p.source)
        if regions is None:
            regions = quotes[p.source] = quoted_regions(src.text)
        lang = lang_of(src)
        toks = passage_tokens(ctx, p)
        inside = _inside_flags(regions, toks)
        ws = []
        keys, content, anchor, foreign = [], [], [], []
        for t, quoted in zip(toks, inside):
            w = t.text
            key, word, capital, upper, function, reporting = _spelling(w)
            if word and not capital and not reporting:
                # Capitalised words are left out: inside a sentence a name's, at its start
                # possibly one ("Mayor Linda Brogan said" is an attribution, not a term).
                ws.append(_Word(t, *_stem_zipf(w, lang), quoted))
            # One stemmer for every source in the sequences: the keys of two sources must be
            # comparable. Inside a quotation a reporting verb is what was said ("the board urged
            # that ..."), outside it is how the source introduces a quote.
            keys.append(key)
            excluded = word is not None and (upper or (capital and _is_name(w, src.text, t.start, p.start, lang))
                                             or (reporting and not quoted))
            # A capital opening the sentence may be a name's; such a word anchors but is no slot.
            content.append(bool(word) and not excluded and not capital)
            anchor.append(not function)
            foreign.append(excluded)
        out[p.id] = tuple(ws)
        counts = Counter(k for k, c in zip(keys, content) if c)
        key_counts = Counter(keys)
        seqs[p.id] = _Seq(p, toks, tuple(keys), tuple(content), inside, frozenset(keys), tuple(anchor),
                          tuple(foreign), counts, key_counts, frozenset(counts),
                          tuple((k, n) for k, n in counts.items() if n > 1),
                          frozenset(k for k, n in key_counts.items() if n > 1),
                          anchor_keys=frozenset(k for k, an in zip(keys, anchor) if an))
    return out, seqs


@lru_cache(maxsize=200_000)
def _spelling(word: str) -> tuple[str, bool | None, bool, bool, bool, bool]:
    """What the comparison needs from a word's spelling alone: its comparison key (the English
    stem of a word of letters, hyphens allowed; the lower-case text of anything else); whether it
    is a word of letters that is no function word (None: not a word of letters or a function word
    at all, False: a one-letter word); whether it starts with a capital, is all capitals, is a
    function word, is a reporting verb."""
    alpha = is_alpha_word(word.replace("-", ""))
    function = is_function_word(word)
    word_ = None if not alpha or function else len(word) >= 2
    return ((stem(word) if alpha else norm_of(word)), word_, word[0].isupper(), word.isupper(), function,
            _is_reporting(word))


@lru_cache(maxsize=200_000)
def _stem_zipf(word: str, lang: str) -> tuple[str, float]:
    """A content word's stem and frequency in its source's language."""
    return stem(word, lang), zipf(word.lower(), lang)


def _inside_flags(regions: Sequence[tuple[int, int]], toks: Sequence[Token]) -> tuple[bool, ...]:
    """For each token, whether it starts inside one of the quoted ``regions`` (sorted)."""
    if not toks:
        return ()
    if not regions or not _overlaps(regions, toks[0].start, toks[-1].end):
        return (False,) * len(toks)
    return tuple(in_regions(regions, t.start) for t in toks)


def _overlaps(regions: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """Whether any of the sorted, non-overlapping ``regions`` meets [start, end)."""
    k = bisect_right(regions, (end, -1))  # regions starting before ``end``
    return k > 0 and regions[k - 1][1] > start


def _is_name(word: str, text: str, start: int, floor: int, lang: str) -> bool:
    """A capitalised word inside a sentence, or opening one but rare as an ordinary word: a name,
    which the name check judges, never a term."""
    if not word[:1].isupper():
        return False
    return not sentence_initial(text, start, floor) or zipf(word.lower(), lang) < 3.0


def _is_reporting(word: str) -> bool:
    """A reporting verb ("said", "declared", "underlined"): outside a quotation, how a source
    introduces what someone said is its own style; whom it credits is the attribution check's
    business."""
    return word.lower() in REPORTING_VERBS


def _story_stems(words: Mapping[str, tuple[_Word, ...]]) -> dict[str, set[str]]:
    """For each content stem, the sources that use it anywhere."""
    seen: dict[str, set[str]] = defaultdict(set)
    for pid, ws in words.items():
        src = pid.rsplit(":", 1)[0]
        for w in ws:
            seen[w.stem].add(src)
    return seen


def _firm(g: Group) -> tuple[Passage, ...]:
    """In: a group. Out: its members the first alignment pass matched on their wording.

    ``Group.loose`` members (paired by their place between two anchors at a lower similarity:
    reworded sentences) are left out both as counterparts and as passages to check: compared word
    for word, a paraphrase's synonyms read as swaps. Measured on the development harness with
    ``gap_align`` on: comparing them like group members, 26 term FP (7 with the pass off) and no
    new TP; checking a loose passage against its group's firm members, or against counterparts
    borrowed from its neighbours' groups, or counting a loose member as a vote beside one firm
    witness, each added FP (15, 4, 4) and no TP. Left out, the term flags are the same with the
    pass on as off."""
    if not g.loose:
        return g.passages
    loose = set(g.loose)
    return tuple(p for p in g.passages if p.id not in loose)


def _borrowed_counterparts(ctx, words, p: Passage, own: Sequence[Passage], group_of, at, panels):
    """For an unaligned passage: counterparts near the groups of its neighbours. A neighbour in
    its own source belongs to a group; the other sources' passages in that group, and the
    passages next to them, are candidates; per source the one sharing the most content stems
    (two at least) is kept. Returns (group, {source: [passage]}) or None."""
    mine = {w.stem for w in words[p.id]}
    if len(mine) < 2:
        return None
    pos = next((i for i, q in enumerate(own) if q.id == p.id), None)
    if pos is None:
        return None
    for step in (1, -1, 2, -2):
        j = pos + step
        if not 0 <= j < len(own) or own[j].id not in group_of:
            continue
        g = group_of[own[j].id]
        best: dict[str, tuple[int, int, Passage]] = {}
        for q in panel(g, _MAX_OTHERS + 1, panels):
            if q.source == p.source:
                continue
            for k in (q.index, q.index - step, q.index + step):
                cand = at.get((q.source, k))
                if cand is None:
                    continue
                shared = len(mine & {w.stem for w in words[cand.id]})
                rank = (shared, -abs(k - q.index - 0))
                if shared >= 2 and (q.source not in best or rank > best[q.source][:2]):
                    best[q.source] = (*rank, cand)
        if len(best) >= _MIN_VOTES:
            return g, {s: [v[2]] for s, v in best.items()}
    return None


class _Tally:
    """A group's sampled sources counted once: per source, the content stems it uses and the
    salient ones among them; over the sample, how many sources use each (see ``_check``)."""

    def __init__(self, words: Mapping[str, tuple[_Word, ...]], members: Mapping[str, Sequence[Passage]],
                 sample: Sequence[str]) -> None:
        self.stems: dict[str, set[str]] = {}
        self.salient: dict[str, set[str]] = {}
        self.counts: Counter[str] = Counter()
        self.salient_counts: Counter[str] = Counter()
        for o in sample:
            ws = [w for q in members[o] for w in words[q.id]]
            self.stems[o] = {w.stem for w in ws}
            self.salient[o] = {w.stem for w in ws if _salient(w)}
            self.counts.update(self.stems[o])
            self.salient_counts.update(self.salient[o])

    def among(self, chosen: Sequence[str]) -> tuple[Counter[str], set[str]]:
        """Sources using each stem among ``chosen`` (a subset of the sample), and the salient
        stems: the sample's counts less the sources left out."""
        kept = set(chosen)
        left_out = [o for o in self.stems if o not in kept]
        if not left_out:
            return self.counts, set(self.salient_counts)
        counts = Counter({t: left for t, n in self.counts.items()
                          if (left := n - sum(t in self.stems[o] for o in left_out)) > 0})
        salient = {t for t, n in self.salient_counts.items() if n > sum(t in self.salient[o] for o in left_out)}
        return counts, salient


def _salient(w: _Word) -> bool:
    """A consensus term worth defending is not an everyday word ("talks"), unless it carries a
    direction prefix ("decrease", "unlock") that a swap could reverse."""
    return w.zipf < _EVERYDAY_ZIPF or bool(polarity_prefix(w.tok.text))


def _check(ctx, words, story, source: str, own: Sequence[Passage], others: Mapping[str, Sequence[Passage]],
           group: Group, *, borrowed: bool, tally: _Tally | None = None) -> Iterable[Flag]:
    """Term variants of ``source``'s passages ``own`` against the ``others``' passages of the same
    place. ``tally``: the group's sample counted beforehand (``others`` must come from it)."""
    if len(others) < _MIN_VOTES:
        return
    chosen = sorted(others, key=panel_order)[:_MAX_OTHERS]
    mine = [w for p in sorted(own, key=lambda q: q.start) for w in words[p.id]]
    my_stems = {w.stem for w in mine}
    if tally is not None:
        counts, salient = tally.among(chosen)
    else:
        counts, salient = Counter(), set()
        for o in chosen:
            ws = [w for q in others[o] for w in words[q.id]]
            counts.update({w.stem for w in ws})
            salient.update(w.stem for w in ws if _salient(w))
    need = max(_MIN_VOTES, (len(chosen) + 1) // 2)
    consensus = {t for t, c in counts.items() if c >= need and t not in my_stems and t in salient
                 and not _near(t, my_stems)}
    if not consensus:
        return
    unique = {w.stem for w in mine if counts[w.stem] == 0}
    if not unique:
        return
    # Counted per source, aligned per passage: a source that split a sentence another merged is
    # compared passage by passage, so each of its sentences lines up with the one it matches.
    their: dict[str, list[list[_Word]]] = {o: [list(words[q.id]) for q in sorted(others[o], key=lambda q: q.start)]
                                           for o in chosen}
    # A word one or two letters from a word the others print is a misspelling (a garble or a
    # name variant), not a different term.
    their_words = sorted({w.tok.text.lower() for parts in their.values() for ws in parts for w in ws})
    lang = lang_of(ctx.sources[source])
    unique = {w.stem for w in mine if w.stem in unique and not _misspelt(w, their_words)
              and _known(w.tok.text, lang, floor=0.5)}
    if not unique:
        return
    pairs: dict[tuple[int, str], _Pair] = {}
    mine_stems = [w.stem for w in mine]
    for o, parts in their.items():
        # Each passage alone, and all of them joined when there are several (a sentence this
        # source kept whole may be split in two there).
        views = parts + ([[w for ws in parts for w in ws]] if len(parts) > 1 else [])
        for ws in views:
            if not any(w.stem in consensus for w in ws):
                continue
            if _same_but_one(ctx, mine, ws, consensus, unique, pairs, o):
                continue
            sm = SequenceMatcher(None, mine_stems, [w.stem for w in ws], autojunk=False)
            for op, i1, i2, j1, j2 in sm.get_opcodes():
                if op != "replace":
                    continue
                if not any(w.stem in consensus for w in ws[j1:j2]) or not any(w.stem in unique for w in mine[i1:i2]):
                    continue
                tight = (i2 - i1) <= _TIGHT and (j2 - j1) <= _TIGHT
                slot, term = _slot(mine, i1, i2, ws, j1, j2, consensus, unique, story, source, tight)
                if not slot:
                    continue
                if _reworded(mine[i1:i2], ws[j1:j2], slot, term):
                    continue
                _vote(pairs, slot, term, o, tight=tight)

    pairs = _merge(pairs)
    taken: list[tuple[int, int]] = []
    for key in sorted(pairs, key=lambda k: (-len(pairs[k].voters), k)):
        pair = pairs[key]
        if len(pair.voters) < _MIN_VOTES:
            continue
        start, end = pair.words[0].tok.start, pair.words[-1].tok.end
        if any(s < end and start < e for s, e in taken):
            continue
        quoted = any(w.quoted for w in pair.words)
        if not quoted and not pair.polar and all(_others_use(story, w.stem, source) for w in pair.words):
            continue  # the story's own vocabulary: other sources use these words too (a synonym)
        if _word_before(ctx.sources[source].text, start) in _SCALE_WORDS or any(
                t.text.lower() in _SCALE_WORDS or _word_before(ctx.sources[o].text, t.start) in _SCALE_WORDS
                for o, t in pair.voters.items()):
            continue  # a quantity in other units (see ``_judge``)
        taken.append((start, end))
        yield _flag(ctx, source, start, end, pair, len(chosen), group, borrowed=borrowed)


def _others_use(story: Mapping[str, set[str]], key: str, source: str) -> bool:
    """Whether a source other than ``source`` uses ``key`` somewhere in the story (without copying
    a set that holds up to every source)."""
    users = story.get(key)
    return bool(users) and (len(users) > 1 or source not in users)


def _near(term: str, stems: set[str]) -> bool:
    """Whether this source has a word of the same family as ``term`` (a shared stem prefix)."""
    return any(shared_prefix(term, s) >= max(5, min(len(term), len(s)) - 1) for s in stems)


def _misspelt(w: _Word, their_words: Sequence[str]) -> bool:
    """A rare word without a direction prefix, one or two letters from a word the others print."""
    if w.zipf >= 3.1 or polarity_prefix(w.tok.text):
        return False
    return closest_word(w.tok.text.lower(), their_words, 1 if len(w.tok.text) < 7 else 2) is not None


def _merge(pairs: dict[tuple[int, str], _Pair]) -> dict[tuple[int, str], _Pair]:
    """Join pairs for the same consensus word whose replacement words overlap ("upgrade" voted
    alone by one source, "cancel the upgrade" by another): one slot, the union of the voters."""
    merged: list[_Pair] = []
    for key in sorted(pairs):
        p = pairs[key]
        span = {id(w) for w in p.words}
        host = next((m for m in merged if m.term == p.term and span & {id(w) for w in m.words}), None)
        if host is None:
            merged.append(_Pair(list(p.words), p.term, dict(p.voters), dict(p.tight_voters), p.tight, p.polar))
            continue
        words = {id(w): w for w in host.words + p.words}
        host.words = sorted(words.values(), key=lambda w: w.tok.start)
        for o, tok in p.voters.items():
            if o not in host.voters or (p.tight_voters.get(o) and not host.tight_voters.get(o)):
                host.voters[o] = tok
                host.tight_voters[o] = p.tight_voters.get(o, False)
        host.tight = host.tight or p.tight
        host.polar = host.polar or p.polar
    return {(m.words[0].tok.start, m.term): m for m in merged}


def _same_but_one(ctx, mine, ws, consensus, unique, pairs, o) -> bool:
    """Sentences with the same content words but for one or two a side (word order free):
    this source's extra words stand for the other's consensus word. Records the pair; returns
    whether it applied."""
    theirs = {w.stem for w in ws}
    ours = {w.stem for w in mine}
    extra, missing = ours - theirs, theirs - ours
    if not (1 <= len(extra) <= _TIGHT and 1 <= len(missing) <= _TIGHT) or len(ours & theirs) < 2:
        return False
    slot = [w for w in mine if w.stem in extra and w.stem in unique]
    terms = [w for w in ws if w.stem in missing and w.stem in consensus]
    if not slot or not terms or len(slot) != len([w for w in mine if w.stem in extra]):
        return False
    slot = _contiguous(mine, slot)
    if not slot:
        return False
    term = min(terms, key=lambda w: (w.zipf, w.tok.start))
    _vote(pairs, slot, term, o, tight=True)
    return True


def _opposed(slot: Sequence[_Word], term: _Word) -> bool:
    """Whether the replacement reverses the term's direction: both carry a direction prefix
    ("downgrade" / "de-escalate"), or one is the other with a negating prefix
    ("destabilise" / "stabilise")."""
    t_prefix = polarity_prefix(term.tok.text)
    for w in slot:
        w_prefix = polarity_prefix(w.tok.text)
        if t_prefix and w_prefix:
            return True
        for word, prefix, other in ((w, w_prefix, term), (term, t_prefix, w)):
            if prefix and word.stem.startswith(prefix) and word.stem[len(prefix):] == other.stem:
                return True
    return False


def _contiguous(mine, slot):
    """``slot`` if its words stand next to each other in ``mine`` (function words between them
    are not in ``mine``), else []."""
    idx = [next(i for i, w in enumerate(mine) if w is s) for s in slot]
    return slot if idx == list(range(idx[0], idx[0] + len(idx))) else []


def _vote(pairs, slot, term, o, *, tight: bool) -> None:
    if all(_same_derivation(w.tok.text.lower(), term.tok.text.lower()) for w in slot):
        return  # "re-examine" / "rehear": one operation named two ways
    if len(slot) == 1 and OSA.distance(slot[0].tok.text.lower(), term.tok.text.lower(), score_cutoff=1) <= 1:
        return  # one letter from the term ("quotes" / "quotas"): a slip of the keyboard, not a term
    key = (slot[0].tok.start, term.stem)
    pair = pairs.get(key)
    if pair is None:
        pair = pairs[key] = _Pair(slot, term.stem, {})
    if len(slot) > len(pair.words):
        pair.words = slot
    # One vote per source; its word from the tightest stretch it was paired in.
    if o not in pair.voters or (tight and not pair.tight_voters.get(o, False)):
        pair.voters[o] = term.tok
        pair.tight_voters[o] = tight
    pair.tight = pair.tight or tight
    pair.polar = pair.polar or _opposed(slot, term)


def _slot(mine, i1, i2, ws, j1, j2, consensus, unique, story, source, tight):
    """The replacement words of one replaced stretch and the consensus word they stand for.

    A tight stretch is taken whole. In a longer one the replacement must look like a term, not
    paraphrase: it carries a direction prefix like the consensus word, or it is not an everyday
    word and no other source in the story uses it; contiguous words of the same kind join it
    ("cancel the upgrade"). The consensus word chosen is the one at the nearest relative place.
    Returns ([], None) when nothing qualifies."""
    reps = [(i, mine[i]) for i in range(i1, i2) if mine[i].stem in unique]
    terms = [(j, ws[j]) for j in range(j1, j2) if ws[j].stem in consensus]
    where = lambda k, a, b: (k - a + 0.5) / (b - a)
    if tight:
        # The consensus word that most looks like the counterpart: same direction prefix, then
        # the least everyday word ("got to de-escalate": "de-escalate", not "got").
        i = reps[0][0]
        polar = any(polarity_prefix(w.tok.text) for _, w in reps)
        term = min(terms, key=lambda jt: (not (polar and polarity_prefix(jt[1].tok.text)), jt[1].zipf,
                                          abs(where(jt[0], j1, j2) - where(i, i1, i2)), jt[0]))[1]
        if polar and len(reps) > 1 and j2 - j1 > 1:
            # The other stretch has a word of its own beside the term ("the aim was to stabilise"
            # / "hopes to destabilise"): the words without a direction prefix stand for that word,
            # not for the term. With nothing beside the term, the phrase is kept whole ("cancel
            # the upgrade" / "de-escalate").
            reps = [(i, w) for i, w in reps if polarity_prefix(w.tok.text)] or reps
        return [w for _, w in reps], term
    if i2 - i1 == j2 - j1:
        # Stretches of equal length: words at the same place correspond ("accept submission
        # general" / "accept capitulation general"), as in a word-for-word translation.
        same = [(i, w) for i, w in reps if ws[j1 + i - i1].stem in consensus]
        if same:
            i, w = same[0]
            return [w], ws[j1 + i - i1]
    best = None
    for j, t in terms:
        for i, w in reps:
            # Outside a word-for-word stretch only a reversed direction tells a term from
            # paraphrase ("vowed to keep defending" / "would ask the court to rehear").
            polar = _opposed([w], t)
            if not polar:
                continue
            score = (polar, w.quoted == t.quoted, -abs(where(j, j1, j2) - where(i, i1, i2)), -w.zipf)
            if best is None or score > best[0]:
                best = (score, i, t)
    if best is None:
        return [], None
    _, i, term = best
    lo = hi = i
    while lo - 1 >= i1 and mine[lo - 1].stem in unique and _termlike(mine[lo - 1], story, source):
        lo -= 1
    while hi + 1 < i2 and mine[hi + 1].stem in unique and _termlike(mine[hi + 1], story, source):
        hi += 1
    return mine[lo:hi + 1], term


def _reworded(mine: Sequence[_Word], theirs: Sequence[_Word], slot: Sequence[_Word], term: _Word) -> bool:
    """Whether a replaced stretch outside a quotation says something else rather than puts one
    word for another: several words differ on each side ("on suspicion of negligence" / "will
    appear before a prosecutor") and none of them is the other side's in other words (WordNet), or
    the words paired keep the meaning (a synonym: style, not a term). A change of direction
    ("cancel the upgrade" / "de-escalate") is always a term."""
    if any(w.quoted for w in slot) or _opposed(slot, term):
        return False
    meaning = same_meaning(" ".join(w.tok.text for w in slot), term.tok.text)
    if meaning is not None and meaning >= MEANING_KEPT:
        return True
    if len(mine) < 2 or len(theirs) < 2:
        return False
    return not any((m := same_meaning(x.tok.text, y.tok.text)) is not None and m >= MEANING_KEPT
                   for x in mine for y in theirs)


def _termlike(w: _Word, story, source) -> bool:
    """Not an everyday word, and no other source in the whole story uses its family."""
    return w.zipf < _EVERYDAY_ZIPF and not _others_use(story, w.stem, source)


def _with_particle(text: str, end: int) -> int:
    """The end of a flagged verb with its phrasal particle ("split up", "break up")."""
    nxt = text[end:end + 12]
    stripped = nxt.lstrip(" ")
    word = stripped.split(" ", 1)[0].rstrip(".,;:!?\"'”’)")
    if word.lower() in PARTICLES and stripped.startswith(word):
        return end + (len(nxt) - len(stripped)) + len(word)
    return end


def _flag(ctx, source, start, end, pair: _Pair, compared: int, group, *, borrowed: bool) -> Flag:
    text = ctx.sources[source].text
    end = _with_particle(text, end)
    surfaces = Counter(t.text for t in pair.voters.values())
    expected = sorted(surfaces.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    votes = len(pair.voters)
    quoted = any(w.quoted for w in pair.words)
    lang = lang_of(ctx.sources[source])
    everyday = (all(family_zipf(w.tok.text, lang) >= _EVERYDAY_ZIPF for w in pair.words)
                and family_zipf(expected, lang) >= _EVERYDAY_ZIPF)
    mine, theirs = [w.tok for w in pair.words], [Token(expected, 0, 0)]
    kin = not pair.polar and (_one_field(mine, theirs) if quoted else _near_nouns(mine, theirs))
    # A synonym (``_meaning``), as in ``_judge``: inside a quotation a rewording, at most low.
    kin = kin or (not pair.polar and (_meaning(mine, theirs) or 0.0) >= MEANING_KEPT)
    if pair.polar or (quoted and votes >= 3 and not everyday and not kin):
        severity = Severity.HIGH
    elif everyday or kin:
        # ``kin``: a quotation rendered with a word of the same field, see ``_judge``.
        severity = Severity.LOW
    else:
        severity = Severity.MEDIUM
    confidence = 0.45 + 0.1 * min(votes - 1, 3) + (0.1 if quoted else 0.0) + (0.1 if pair.polar else 0.0)
    confidence += 0.05 if pair.tight else 0.0
    confidence -= 0.1 if borrowed else 0.0
    if everyday or kin:
        # Everyday words outside a quotation fall below the reporting floor; a word of a near
        # field there (``kin``) stays visible, low.
        confidence = min(confidence, 0.45 if not quoted and everyday else 0.5)
    evidence = [span_of(ctx, o, t.start, t.end) for o, t in sorted(pair.voters.items())][:_EVIDENCE_CAP]
    where = "in the quotation " if quoted else ""
    message = (f"'{text[start:end]}' {where}where {votes} of {compared} other sources say '{expected}'"
               + (" (opposite direction)" if pair.polar else ""))
    return make_flag(ctx, kind=Kind.TERM_VARIANT, source=source, start=start, end=end, expected=expected,
                     severity=severity, confidence=min(0.95, confidence), group=group, message=message,
                     evidence=evidence)



_WORD_RE = re.compile(r"[^\W\d_]+")


def _translated_everyday(ctx: CheckContext, f: Flag, quotes: Mapping[str, Sequence[tuple[int, int, bool, int]]]) -> Flag:
    """``f``, or ``f`` made low where it puts one everyday word for another (both sides, by word
    family, at least ``_EVERYDAY_ZIPF``) in the same direction (no polarity prefix told apart)
    inside a quotation of a source that translates its quotes: a translator chooses among everyday
    words ("never known" / "never seen") with the meaning kept as often as not, which the
    dictionary cannot tell; rarer terms ("holders" / "slaves"), and direction swaps, keep their
    severity. Likewise in a source that copies its quotes where every voter translates its own:
    the others' shared word is what their translations chose."""
    if f.severity == Severity.LOW or not f.expected:
        return f
    text = ctx.sources[f.source].text
    mine = text[f.start:f.end]
    lang = lang_of(ctx.sources[f.source])
    words = _WORD_RE.findall(mine) + _WORD_RE.findall(f.expected)
    if not words or any(family_zipf(w, lang) < _EVERYDAY_ZIPF for w in words):
        return f
    if _reversed(mine, f.expected, lang):
        return f
    if not in_regions(quoted_regions(text), f.start):
        return f
    if not _translates_quotes(quotes.get(f.source, ()), f.start):
        # A source that keeps its quotes as the others print them, against sources that all
        # render theirs anew: the others' shared word is what two translations chose, no
        # evidence that this source's word is not the speaker's.
        if not f.evidence or any(_translates_quotes(quotes.get(e.source, ()), e.start) is not True
                                 for e in f.evidence):
            return f
    return replace(f, severity=Severity.LOW, confidence=min(f.confidence, 0.5))


def _reversed(mine: str, theirs: str, lang: str) -> bool:
    """Whether two printed renderings tell a direction apart, as ``_opposed`` reads a slot: a word
    of each carries a direction prefix ("cancel the upgrade" / "de-escalate"), or a word of one is
    a word of the other with such a prefix ("destabilise" / "stabilise"). "gone" / "disappeared"
    do not: the prefix of one has nothing to reverse in the other."""
    xs, ys = _WORD_RE.findall(mine.lower()), _WORD_RE.findall(theirs.lower().replace("-", ""))
    px = [(w, polarity_prefix(w)) for w in xs]
    py = [(w, polarity_prefix(w)) for w in ys]
    if any(p for _w, p in px) and any(p for _w, p in py):
        return True
    for one, other in ((px, ys), (py, xs)):
        rests = {stem(w[len(p):], lang) for w, p in one if p}
        if rests & {stem(w, lang) for w in other}:
            return True
    return False


_UNDER_FLOOR = 0.05  # how far under ``Settings.min_confidence`` a flag kept out of the report sits

def _distinguished(ctx: CheckContext, words: Mapping[str, tuple[_Word, ...]], own: Sequence[Passage], f: Flag,
                   keys: set[str]) -> bool:
    """Whether this source prints a flagged word (by stem, ``keys``) at another place too, where
    ``_MIN_VOTES`` other sources of its aligned group print it as well: the sources use the word
    for another thing ("put homes on alert" beside "an evacuation order"), so that this source
    prints it where they print the other word is a swap, the story's vocabulary notwithstanding.
    ``own``: this source's passages."""
    for p in own:
        if not any(w.stem in keys and not f.start <= w.tok.start < f.end for w in words.get(p.id, ())):
            continue
        g = ctx.group_of.get(p.id)
        if g is None:
            continue
        printing = {q.source for q in _firm(g) if q.source != f.source
                    and keys & {w.stem for w in words.get(q.id, ())}}
        if len(printing) >= _MIN_VOTES:
            return True
    return False


# Other sources that must print a flagged word themselves, somewhere in the story, for it to count
# as the story's shared vocabulary (``_shared_vocabulary``).
_SHARED_VOCABULARY = 2


def _shared_vocabulary(ctx: CheckContext, story: Mapping[str, set[str]], words: Mapping[str, tuple[_Word, ...]],
                       by_source: Mapping[str, Sequence[Passage]], f: Flag) -> Flag:
    """``f``, or ``f`` made low where every content word it flags is a word at least
    ``_SHARED_VOCABULARY`` other sources print themselves elsewhere in the story ("section" where
    the others say "span" here and "section" of the same bridge further on). A mistranslated or
    swapped term is a word the other writers do not use for the story; a word they use too names
    another part of the same story or the same thing in other words, or the passages were paired
    at the wrong place. Outside a quotation such a flag falls below the reporting floor; inside
    one it changes what the speaker is printed to have said: visible, low."""
    if f.severity == Severity.LOW and f.confidence < ctx.settings.min_confidence:
        return f
    source = ctx.sources[f.source]
    lang = lang_of(source)
    text = source.text[f.start:f.end]
    keys = [stem(w.lower(), lang) for w in _WORD_RE.findall(text) if not is_function_word(w.lower())]
    if not keys or _reversed(text, f.expected, lang):
        return f
    for k in keys:
        users = story.get(k, ())
        if len(users) - (f.source in users) < _SHARED_VOCABULARY:
            return f
    if _distinguished(ctx, words, by_source.get(f.source, ()), f, set(keys)):
        return f
    quoted = in_regions(quoted_regions(source.text), f.start)
    floor = ctx.settings.min_confidence
    return replace(f, severity=Severity.LOW, confidence=min(f.confidence, 0.5 if quoted else floor - _UNDER_FLOOR))



def _more_general_word(ctx: CheckContext, f: Flag) -> Flag:
    """``f``, or ``f`` made low where one of the two renderings names a kind
    the other falls under (``lexicon.more_general`` of the nouns: "building" / "villa"), read as
    printed, else by their last words: the same thing named more or less precisely, which keeps
    the meaning though WordNet calls the words no synonyms. The place's part of speech is read
    from either side (one mostly a noun: "building" is mostly a verb form, "villa" a noun). Sister
    words ("measles" / "smallpox") and direction swaps keep their severity. Outside a quotation
    such a flag, low already or not, falls below the reporting floor."""
    floor = ctx.settings.min_confidence
    if not f.expected or f.confidence < floor:
        return f
    quoted = in_regions(quoted_regions(ctx.sources[f.source].text), f.start)
    if f.severity == Severity.LOW and quoted:
        return f
    mine = ctx.sources[f.source].text[f.start:f.end]
    if _reversed(mine, f.expected, lang_of(ctx.sources[f.source])):
        return f
    x, y = mine.strip().lower(), f.expected.strip().lower()
    general = more_general(x, y)
    hx, hy = _WORD_RE.findall(x), _WORD_RE.findall(y)
    if general is None and hx and hy and (hx[-1], hy[-1]) != (x, y):
        x, y = hx[-1], hy[-1]
        general = more_general(x, y)
    # The same head word on both sides ("Deputy Mayor Anna" / "Mayor Anna"): the difference lies
    # in a modifier, which the head's kind says nothing about.
    if not general or x == y or all(pos_shares(w).get("noun", 0.0) < _NOUN_SHARE for w in (x, y)):
        return f
    # Outside a quotation the wording is the writer's own: a vaguer word for the same thing is no
    # inconsistent rendering and falls below the reporting floor, as a swap of everyday words
    # does; inside one it changes what the speaker is printed to have said, visible, low.
    return replace(f, severity=Severity.LOW, confidence=min(f.confidence, 0.5 if quoted else floor - _UNDER_FLOOR))



# --- word-for-word substitutions in aligned wording ---------------------------------------------
#
# The signature of a mistranslated or swapped term: two renderings of the same sentence agree word
# for word around one place, and at that place one or two content words differ ("millions of
# mortgage holders" / "millions of mortgage slaves"). Where two other sources give the same word
# there and this source alone has another, the word is a term variant, whatever its frequency.
# What keeps the meaning is told apart with generic signals only (see ``_judge``).

# Anchoring words counted on each side of a substituted stretch, and how many, on both sides
# together, must be printed alike for the stretch to be a substitution in shared wording.
_WINDOW = 3
_ANCHOR = 3
# A substituted stretch: at most this many tokens a side, of which at most two content words.
_MAX_STRETCH = 4
_MAX_SLOT_WORDS = 2
# Passages sharing fewer comparison keys than this are not renderings of one sentence.
_MIN_SHARED_KEYS = 4
# A word family at least this frequent (zipf) is an everyday word.
_FAMILY_EVERYDAY = 4.0
_INFLECTION_ENDINGS = ("ing", "es", "ed", "s", "d")
# Below this frequency a word the dictionary does not list is taken for a misspelling.
_KNOWN_ZIPF = 2.5
_ISE_RE = re.compile(r"is(?=e|ing|ation)")
# ``same_meaning`` below this: words that share no everyday sense (a false friend shares a rare
# one at most: "sensible" / "sensitive" ~0.05).
_MEANING_CHANGED = 0.06
# A part of speech a word takes in at least this share of its uses is one it is used as.
_POS_SHARE = 0.25


@dataclass(frozen=True)
class _Seq:
    """A passage as a sequence for word-for-word comparison: one key per token (the stem of a
    word, the lower-case text of a number), which tokens are ordinary content words (candidates for
    a term: not function words, numbers or names), and which stand inside a quotation."""

    passage: Passage
    toks: tuple[Token, ...]
    keys: tuple[str, ...]
    content: tuple[bool, ...]
    quoted: tuple[bool, ...]
    keyset: frozenset[str]
    # Tokens that anchor an alignment (not function words): content words, names, numbers.
    anchor: tuple[bool, ...] = ()
    # Words left out of the comparison on purpose (names, reporting verbs): a stretch holding one
    # is not a plain substitution of terms.
    foreign: tuple[bool, ...] = ()
    # How often each content word's key occurs: two passages with the same content words as
    # many times each have no substitution to find (most pairs of syndicated copies).
    content_counts: Mapping[str, int] = field(default_factory=dict)
    # How often each key occurs among all tokens.
    key_counts: Mapping[str, int] = field(default_factory=dict)
    # The content words' keys, and those of them that occur more than once (with their counts).
    content_keyset: frozenset[str] = frozenset()
    content_repeated: tuple[tuple[str, int], ...] = ()
    # Keys that occur more than once among all tokens.
    repeated_keys: frozenset[str] = frozenset()
    # Per language, the keys of content words that are words of the language (``_known_keys``).
    known_keys: dict[str, frozenset[str]] = field(default_factory=dict, compare=False)
    # The keys of the anchoring tokens.
    anchor_keys: frozenset[str] = frozenset()


@dataclass
class _Slot:
    """One place of a source where other sources print other words."""

    source: str
    seq: _Seq
    idx: tuple[int, ...]  # this source's content-word indices in ``seq``
    votes: dict[str, tuple[tuple[str, ...], tuple[Token, ...], bool]] = field(default_factory=dict)
    # other source -> (their keys, their tokens, whether their words are quoted)
    # Other sources whose vote is anchored only past a neighbouring swap (``_anchored``): a
    # witness of the place, not of otherwise the same wording.
    stepped: set[str] = field(default_factory=set)


def _substitutions(ctx: CheckContext, story: Mapping[str, set[str]], words: Mapping[str, tuple[_Word, ...]],
                   seqs: Mapping[str, _Seq]) -> Iterable[Flag]:
    """Term variants found as word-for-word substitutions in each aligned group, and in each
    unaligned passage against the counterparts it borrows from its neighbours' groups."""
    joins = _Joins(ctx, seqs)
    prose = _story_stems({pid: tuple(w for w in ws if not w.quoted) for pid, ws in words.items()})
    for g in ctx.alignment.groups:
        members: dict[str, list[_Seq]] = defaultdict(list)
        for p in _firm(g):
            members[p.source].append(seqs[p.id])
        sample = sorted(members, key=panel_order)[:_MAX_OTHERS + 1]
        keysets = {o: frozenset().union(*(q.keyset for q in members[o])) for o in sample}
        matchers: dict[str, SequenceMatcher] = {}
        for s in sorted(members):
            others = [o for o in sample if o != s]
            for a in members[s]:
                yield from _passage_substitutions(ctx, story, g, s, a, others, members, keysets, matchers,
                                                  joins=joins, prose=prose)
    by_source: dict[str, list[Passage]] = defaultdict(list)
    for p in ctx.alignment.passages:
        by_source[p.source].append(p)
    at = {(p.source, p.index): p for p in ctx.alignment.passages}
    panels: dict[str, tuple[Passage, ...]] = {}
    for p in ctx.alignment.unaligned:
        borrowed = _borrowed_counterparts(ctx, words, p, by_source[p.source], ctx.group_of, at, panels)
        if borrowed is None:
            continue
        g, found = borrowed
        members = {o: [seqs[q.id] for q in qs] for o, qs in found.items()}
        others = sorted(members, key=panel_order)[:_MAX_OTHERS]
        keysets = {o: frozenset().union(*(q.keyset for q in members[o])) for o in others}
        yield from _passage_substitutions(ctx, story, g, p.source, seqs[p.id], others, members, keysets, {},
                                          prose=prose)


def _passage_substitutions(ctx, story, group: Group, s: str, a: _Seq, others: Sequence[str],
                           members: Mapping[str, Sequence[_Seq]], keysets: Mapping[str, frozenset[str]],
                           matchers: dict[str, SequenceMatcher], joins: "_Joins | None" = None,
                           prose: Mapping[str, set[str]] | None = None):
    slots: dict[tuple[int, ...], _Slot] = {}
    lang = lang_of(ctx.sources[s])
    # Per other source, its passages compared with this one and how: None (the same content
    # words: agreement read from the shared keys), the list of this passage's token indices the
    # sequence alignment matched, or False (not aligned yet: no substitution was possible, so the
    # alignment is run only if a slot needs the agreement, see ``_agreement``).
    compared: dict[str, list[tuple[_Seq, list[int] | bool | None]]] = {}
    mine_known = _known_keys(a, lang)
    for o in others:
        done = compared[o] = []
        views = members[o]
        if joins is not None:
            extra = [v for b in members[o] for v in joins.around(a, b, members[o])]
            if extra:
                ids = {q.passage.id for q in views}
                views = list(views) + [v for v in extra if v.passage.id not in ids]
        for b in views:
            if len(a.keyset & b.keyset) < _MIN_SHARED_KEYS:
                continue
            if not (_surplus(a, b) and _surplus(b, a)):
                done.append((b, None))
                continue  # no content word of one lacks a counterpart in the other
            # A substituted word is a known content word that one passage has more often than the
            # other (a word printed as often on both sides, if left unmatched on one, is unmatched
            # on the other too and counts as moved). Without such a word on both sides there is
            # nothing to find here.
            if not (_more_often(mine_known, a, b) and _more_often(_known_keys(b, lang), b, a)):
                done.append((b, False))
                continue
            ops = _opcodes(a, b, matchers)
            equal = [False] * len(a.keys)
            equal_b = [False] * len(b.keys)
            for op, i1, i2, j1, j2 in ops:
                if op == "equal":
                    for i in range(i1, i2):
                        equal[i] = True
                    for j in range(j1, j2):
                        equal_b[j] = True
            # Words printed elsewhere in the other sentence, and not matched there, were moved.
            free_a = {a.keys[i] for i, e in enumerate(equal) if not e}
            free_b = {b.keys[j] for j, e in enumerate(equal_b) if not e}
            done.append((b, [i for i, e in enumerate(equal) if e]))
            # One word put for one word: a neighbouring swap of this kind does not unanchor another.
            swaps = frozenset(i1 for op, i1, i2, j1, j2 in ops
                              if op == "replace" and i2 - i1 == 1 and j2 - j1 == 1 and a.content[i1] and b.content[j1])
            for op, i1, i2, j1, j2 in ops:
                if op != "replace":
                    continue
                i1, i2, j1, j2 = _within_quote(a, b, i1, i2, j1, j2)
                if not (0 < i2 - i1 <= _MAX_STRETCH and 0 < j2 - j1 <= _MAX_STRETCH):
                    continue
                mine = tuple(i for i in range(i1, i2) if a.content[i] and a.keys[i] not in free_b)
                theirs = tuple(j for j in range(j1, j2) if b.content[j] and b.keys[j] not in free_a)
                if len(mine) + len(theirs) > 2:
                    mine, theirs = _unpaired(a, mine, b, theirs)
                if not (1 <= len(mine) <= _MAX_SLOT_WORDS and 1 <= len(theirs) <= _MAX_SLOT_WORDS):
                    continue
                if any(a.foreign[i] and a.keys[i] not in free_b for i in range(i1, i2)) \
                        or any(b.foreign[j] and b.keys[j] not in free_a for j in range(j1, j2)):
                    continue
                if not (all(_known(a.toks[i].text, lang) for i in mine)
                        and all(_known(b.toks[j].text, lang) for j in theirs)):
                    continue  # a non-word on either side is a garble, the garble check's business
                stepped = False
                if not _anchored(a, b, equal, equal_b, i1, i2, j1, j2):
                    if not _anchored(a, b, equal, equal_b, i1, i2, j1, j2, swaps):
                        continue
                    stepped = True
                if _same_family(ctx, a, mine, b, theirs) or _near_reporting(a, mine) or _near_reporting(b, theirs):
                    continue
                mine, theirs = _narrow(a, mine, b, theirs)
                slot = slots.setdefault(mine, _Slot(s, a, mine))
                if o not in slot.votes:
                    if stepped:
                        slot.stepped.add(o)
                    slot.votes[o] = (tuple(b.keys[j] for j in theirs), tuple(b.toks[j] for j in theirs),
                                     any(b.quoted[j] for j in theirs))
    if not slots:
        return
    agree = {o: _agreement(a, done, matchers) for o, done in compared.items()}
    for idx in sorted(slots):
        flag = _judge(ctx, story, group, slots[idx], others, agree, keysets, members, prose=prose)
        if flag is not None:
            yield flag


# Anchoring words a passage must print beyond another's, and its neighbour must print too, for the
# two halves to be compared joined (see ``_Joins``).
_JOIN_KEYS = 3


class _Joins:
    """Another source's passage joined with the next or previous one in that source: where a
    sentence one source prints whole is split in two there (or the alignment grouped only one
    half), the word-for-word comparison needs both halves ("My sense is ..., he told Fox News.
    'We have to ...'" / one sentence holding both)."""

    def __init__(self, ctx: CheckContext, seqs: Mapping[str, _Seq]) -> None:
        self.seqs = seqs
        self.at = {(p.source, p.index): p for p in ctx.alignment.passages}
        self.cache: dict[tuple[str, str], _Seq] = {}

    def around(self, a: _Seq, b: _Seq, present: Sequence[_Seq] = ()) -> list[_Seq]:
        """``b`` joined with a neighbour, for each neighbour that prints at least
        ``_JOIN_KEYS`` of ``a``'s anchoring words ``b`` lacks (none when ``b`` already prints
        all but a few of them). A neighbour among ``present`` (the passages already compared with
        ``a``) is left alone: each half is compared on its own, its edge where the other ends."""
        rest = a.anchor_keys - b.keyset
        if len(rest) < _JOIN_KEYS:
            return []
        out = []
        for step in (-1, 1):
            n = self.at.get((b.passage.source, b.passage.index + step))
            if n is None or any(q.passage.id == n.id for q in present) \
                    or len(rest & self.seqs[n.id].keyset) < _JOIN_KEYS:
                continue
            first, second = (self.seqs[n.id], b) if step < 0 else (b, self.seqs[n.id])
            key = (first.passage.id, second.passage.id)
            got = self.cache.get(key)
            if got is None:
                got = self.cache[key] = _joined(first, second)
            out.append(got)
        return out


def _joined(x: _Seq, y: _Seq) -> _Seq:
    """Two consecutive passages of one source as one sequence."""
    p, q = x.passage, y.passage
    passage = Passage(id=f"{p.id}+{q.index}", source=p.source, index=p.index, start=p.start, end=q.end,
                      text=p.text + " " + q.text)
    keys = x.keys + y.keys
    content = x.content + y.content
    counts = Counter(k for k, c in zip(keys, content) if c)
    key_counts = Counter(keys)
    return _Seq(passage, x.toks + y.toks, keys, content, x.quoted + y.quoted, frozenset(keys), x.anchor + y.anchor,
                x.foreign + y.foreign, counts, key_counts, frozenset(counts),
                tuple((k, n) for k, n in counts.items() if n > 1),
                frozenset(k for k, n in key_counts.items() if n > 1), anchor_keys=x.anchor_keys | y.anchor_keys)


def _opcodes(a: _Seq, b: _Seq, matchers: dict[str, SequenceMatcher]):
    """The sequence alignment of ``a``'s keys with ``b``'s (difflib opcodes)."""
    matcher = matchers.get(b.passage.id)
    if matcher is None:
        # The other passage's index is built once and reused for every passage compared
        # with it (the sampled sources meet every member of a large group).
        matcher = matchers[b.passage.id] = SequenceMatcher(None, (), b.keys, autojunk=False)
    matcher.set_seq1(a.keys)
    return matcher.get_opcodes()


def _agreement(a: _Seq, done: Sequence[tuple[_Seq, list[int] | bool | None]],
               matchers: dict[str, SequenceMatcher]) -> set[int]:
    """This passage's token indices that one other source's passages print alike (see
    ``_passage_substitutions`` for what ``done`` holds)."""
    same: set[int] = set()
    for b, how in done:
        if how is None:
            same.update(i for i, k in enumerate(a.keys) if k in b.keyset)
            continue
        if how is False:
            how = [i for op, i1, i2, _j1, _j2 in _opcodes(a, b, matchers) if op == "equal" for i in range(i1, i2)]
        same.update(how)
    return same


def _known_keys(q: _Seq, lang: str) -> frozenset[str]:
    """The keys of ``q``'s content words that are words of the language (``_known``)."""
    got = q.known_keys.get(lang)
    if got is None:
        got = q.known_keys[lang] = frozenset(k for t, k, c in zip(q.toks, q.keys, q.content) if c and _known(t.text, lang))
    return got


def _more_often(keys: frozenset[str], a: _Seq, b: _Seq) -> bool:
    """Whether one of ``keys`` occurs more often in ``a`` than in ``b``."""
    return not keys <= b.keyset or any(a.key_counts[k] > b.key_counts[k] for k in keys & a.repeated_keys)


@lru_cache(maxsize=200_000)
def _known(word: str, lang: str, floor: float = _KNOWN_ZIPF) -> bool:
    """A word of the language: listed by the dictionary, or seen often enough in it (zipf
    ``floor``+: "de-escalation", "destabilise"). Most misspellings, even those a frequency list
    has seen ("donw", zipf 1), are not."""
    if zipf(word.lower(), lang) >= floor or is_ordinary_word(word, lang):
        return True
    # British -ise spellings of words the (American) dictionary lists with -ize.
    low = word.lower()
    return lang == "en" and "is" in low and is_ordinary_word(_ISE_RE.sub("iz", low), lang)


def _surplus(x: _Seq, y: _Seq) -> bool:
    """Whether ``x`` has a content word more often than ``y``: one ``y`` lacks, or one ``x``
    repeats more often."""
    return not x.content_keyset <= y.content_keyset or any(n > y.content_counts[k] for k, n in x.content_repeated)


def _within_quote(a: _Seq, b: _Seq, i1: int, i2: int, j1: int, j2: int) -> tuple[int, int, int, int]:
    """A replaced stretch that runs across the end (or start) of a quotation in either passage
    ('holders," he said' for 'slaves."') cut to its part on the side of the quotation mark where
    both stretches begin (or, failing that, end)."""
    qa, qb = a.quoted[i1:i2], b.quoted[j1:j2]
    if len(set(qa)) <= 1 and len(set(qb)) <= 1:
        return i1, i2, j1, j2
    if qa[0] == qb[0]:
        q = qa[0]
        ia = next((k for k, x in enumerate(qa) if x != q), len(qa))
        jb = next((k for k, x in enumerate(qb) if x != q), len(qb))
        return i1, i1 + ia, j1, j1 + jb
    if qa[-1] == qb[-1]:
        q = qa[-1]
        ia = next((k for k, x in enumerate(reversed(qa)) if x != q), len(qa))
        jb = next((k for k, x in enumerate(reversed(qb)) if x != q), len(qb))
        return i2 - ia, i2, j2 - jb, j2
    return i1, i1, j1, j1


def _anchored(a: _Seq, b: _Seq, equal: Sequence[bool], equal_b: Sequence[bool], i1: int, i2: int, j1: int,
              j2: int, swaps: frozenset[int] = frozenset()) -> bool:
    """Whether a replaced stretch sits in wording both passages share: on each side, the nearest
    words that are not function words ("7,000 [passes] per day" / "7,000 [steps] a day") are
    printed alike, at least ``_ANCHOR`` of them on both sides together and one on each. A side
    where both passages end, or where both quotations close (or open), counts as printed alike.
    One neighbouring word-for-word swap (``swaps``: this passage's indices of one-word-for-one-word
    replacements) is stepped over: a translation that renders two words of one sentence its own
    way ("special [audit], after [savers] withdrew") holds each swap in the wording beyond the
    other, and counting stops at a second."""
    qa = a.quoted[i1]
    # The other passage has no word of its own between the stretch and its edge.
    b_left = not any(b.anchor[j] and not equal_b[j] for j in range(_region_start(b, j1), j1))
    b_right = not any(b.anchor[j] and not equal_b[j] for j in range(j2, _region_end(b, j2 - 1)))
    left = _run(a, equal, range(i1 - 1, -1, -1), qa, b_left, swaps)
    right = _run(a, equal, range(i2, len(a.keys)), qa, b_right, swaps)
    return min(left, right) >= 1 and left + right >= _ANCHOR


def _region_start(s: _Seq, k: int) -> int:
    """Where the stretch of tokens inside (or outside) a quotation that holds token ``k`` starts."""
    while k > 0 and s.quoted[k - 1] == s.quoted[k]:
        k -= 1
    return k


def _region_end(s: _Seq, k: int) -> int:
    while k + 1 < len(s.quoted) and s.quoted[k + 1] == s.quoted[k]:
        k += 1
    return k + 1


def _run(a: _Seq, equal: Sequence[bool], order: Iterable[int], quoted: bool, other_at_edge: bool,
         swaps: frozenset[int] = frozenset()) -> int:
    """Equal anchoring words met walking ``order`` before the first differing one (function words
    are skipped). Reaching the passage's edge or the quotation mark, where the other passage's
    stretch ends too, counts in full."""
    n = 0
    stepped = False
    for i in order:
        if a.quoted[i] != quoted:
            break
        if not a.anchor[i]:
            continue
        if not equal[i]:
            if i in swaps and not stepped and n == 0:
                stepped = True
                continue
            return n
        n += 1
        if n >= _WINDOW:
            return n
    return _WINDOW if other_at_edge else n


def _near_reporting(q: _Seq, idx: Sequence[int]) -> bool:
    """Whether a reporting verb stands within ``_WINDOW`` tokens of the words, outside a quotation
    ("mediators in Doha said", "said the mediators"): they name the speaker or the manner of
    saying, which the attribution check judges."""
    lo, hi = max(0, idx[0] - _WINDOW), min(len(q.toks), idx[-1] + 1 + _WINDOW)
    return not q.quoted[idx[0]] and any(
        _is_reporting(q.toks[k].text) and not q.quoted[k] for k in range(lo, hi))


def _narrow(a: _Seq, mine: tuple[int, ...], b: _Seq, theirs: tuple[int, ...]) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Of two words a side, the pair that reverses direction ("hopes to destabilise" / "aim to
    stabilise"): that pair alone is the substitution; else the stretch as it is (a phrase for one
    word, "cancel the upgrade" / "de-escalate", is shown whole)."""
    if len(mine) == 1 or len(theirs) == 1:
        return mine, theirs
    for i in mine:
        for j in theirs:
            if _opposed([_Word(a.toks[i], a.keys[i], 0.0, False)], _Word(b.toks[j], b.keys[j], 0.0, False)):
                return (i,), (j,)
    return mine, theirs


def _same_family(ctx, a: _Seq, mine, b: _Seq, theirs) -> bool:
    """A word of the same family ("decouple" / "decoupling") or a misspelling ("tarrifs") of the
    other: a rendering or a garble, not another term. A phrase of several words standing for one
    word is a rewording even when one of its words is related ("the private life" / "privacy")."""
    if len(mine) != len(theirs):
        return False
    for i, j in zip(mine, theirs):
        x, y = a.keys[i], b.keys[j]
        wx, wy = a.toks[i].text.lower(), b.toks[j].text.lower()
        # A word that holds the other whole is the other run together with a neighbour
        # ("thefront" / "front"): a garble.
        related = (shared_prefix(x, y) >= max(4, min(len(x), len(y)) - 1)
                   or (min(len(wx), len(wy)) >= 3 and (wy in wx or wx in wy))
                   or _same_derivation(wx, wy)
                   or _slip(wx, wy))
        if not related:
            return False
    return True


def _slip(x: str, y: str) -> bool:
    """Whether one word is a slip of the keyboard for the other: one letter apart, or two in a
    long word, unless both are words of the language with meanings of their own ("predict" /
    "verdict": a different word, which a typo rarely makes at two letters)."""
    long = len(x) >= 7
    d = OSA.distance(x, y, score_cutoff=2 if long else 1)
    if d > (2 if long else 1):
        return False
    if d < 2:
        return True
    meaning = same_meaning(x, y)
    return not (is_ordinary_word(x) and is_ordinary_word(y) and meaning is not None and meaning < MEANING_KEPT)


# Derivational prefixes that say what is done (again, before, wrongly, jointly...) or reverse it.
_DERIVATION_PREFIXES = POLARITY_PREFIXES + ("re", "pre", "post", "co", "inter", "trans", "sub", "super", "mis")


def _same_derivation(a: str, b: str) -> bool:
    """Two words built with the same derivational prefix on ordinary words ("re-examine" /
    "rehear", "deregulate" / "decontrol"): the same operation named two ways, a rendering."""
    for p in _DERIVATION_PREFIXES:
        ra, rb = a.replace("-", ""), b.replace("-", "")
        if ra.startswith(p) and rb.startswith(p) and min(len(ra), len(rb)) - len(p) >= 3:
            if zipf(ra[len(p):]) >= 3.0 and zipf(rb[len(p):]) >= 3.0:
                return True
    return False


def _unpaired(a: _Seq, mine: tuple[int, ...], b: _Seq, theirs: tuple[int, ...]) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The words of a replaced stretch left once those that say the same in other words are
    paired off (WordNet: "registered" / "recorded"): "60 replicas had been registered" / "60
    aftershocks had been recorded" is one substitution, "replicas" for "aftershocks". Pairs are
    taken in order, each word once; without such a pair the stretch is returned as it is."""
    used_a: set[int] = set()
    used_b: set[int] = set()
    for i in mine:
        for j in theirs:
            if j in used_b:
                continue
            m = same_meaning(a.toks[i].text, b.toks[j].text)
            if m is not None and m >= MEANING_KEPT:
                used_a.add(i)
                used_b.add(j)
                break
    if not used_a:
        return mine, theirs
    return tuple(i for i in mine if i not in used_a), tuple(j for j in theirs if j not in used_b)


def _echoed(a: _Seq, idx: Sequence[int], term: Sequence[str]) -> bool:
    """Whether the passage says the others' word itself elsewhere (British and American spellings
    alike: "apologise" / "apologize"): then its own words at the place say something more ("bowed
    his head ... and said: 'we apologize'"), they do not stand in for it."""
    wanted = {_spelling_free(k) for k in term}
    return any(_spelling_free(k) in wanted for i, k in enumerate(a.keys) if i not in idx and a.content[i])


def _spelling_free(key: str) -> str:
    """A comparison key with the -is-/-iz- spellings of one stem made alike."""
    return key[:-2] if key.endswith(("is", "iz")) and len(key) > 5 else key


def _meaning(mine: Sequence[Token], theirs: Sequence[Token]) -> float | None:
    """How much the words at a place can mean the same thing (``lexicon.same_meaning`` of the two
    phrases as printed, or None when the dictionary knows neither reading)."""
    if not mine or not theirs:
        return None
    x, y = " ".join(t.text for t in mine), " ".join(t.text for t in theirs)
    meaning = same_meaning(x, y)
    if meaning is not None and meaning >= MEANING_KEPT:
        return meaning
    # WordNet relates adverbs poorly (they have no hypernyms); an adverb in -ly means what its
    # adjective means ("consciously" / "knowingly": "conscious" / "knowing").
    bx, by = _adverb_base(x), _adverb_base(y)
    if bx and by:
        base = same_meaning(bx, by)
        if base is not None and (meaning is None or base > meaning):
            return base
    return meaning


def _adverb_base(word: str) -> str:
    """The adjective of a one-word -ly adverb ("consciously" -> "conscious", "happily" ->
    "happy"), when WordNet knows it as a word mostly used as an adverb; "" otherwise."""
    w = word.lower()
    if " " in w or not w.endswith("ly") or len(w) < 6 or pos_shares(w).get("adv", 0.0) < _NOUN_SHARE:
        return ""
    base = w[:-3] + "y" if w.endswith("ily") else w[:-2]
    return base if pos_shares(base) else ""


def _apart(mine: Sequence[Token], theirs: Sequence[Token]) -> bool:
    """Whether two phrases are words of one part of speech (``_same_pos``) that lie apart in
    meaning: not even of one field in WordNet's hierarchy (``lexicon.share_ancestor``), so the swap
    cannot be a loose rewording ("reduces" / "lowers" are both ways to change an amount)."""
    x, y = " ".join(t.text for t in mine), " ".join(t.text for t in theirs)
    return _same_pos(mine, theirs) and share_ancestor(x, y) is False


# Hypernym steps within which two nouns outside a quotation count as of one field (one more than
# in a quotation, where the words were chosen by the speaker, not the writer).
_PROSE_FIELD_STEPS = 3
_NOUN_SHARE = 0.5


def _near_nouns(mine: Sequence[Token], theirs: Sequence[Token]) -> bool:
    """Whether two renderings outside a quotation are mostly nouns (by their last word) naming
    people or things of one near field (``_one_field`` within ``_PROSE_FIELD_STEPS``): "athletes" /
    "runners", "a Danish citizen" / "a Danish woman", the same referent described more or less
    precisely, which a writer words freely. Verbs are left out: within three steps most verbs meet
    in "change" ("weaken" / "stabilise")."""
    if not mine or not theirs:
        return False
    if any(pos_shares(t[-1].text.lower()).get("noun", 0.0) < _NOUN_SHARE for t in (mine, theirs)):
        return False
    return _one_field(mine, theirs, _PROSE_FIELD_STEPS)


def _one_field(mine: Sequence[Token], theirs: Sequence[Token], steps: int = 2) -> bool:
    """Whether two renderings name things of one field (``lexicon.share_ancestor``: "mat" /
    "carpet", "back garden" / "backyard"); a phrase WordNet does not list is read by its head, its
    last word."""
    x, y = " ".join(t.text for t in mine), " ".join(t.text for t in theirs)
    near = share_ancestor(x, y, steps)
    hx, hy = x.split()[-1], y.split()[-1]
    if near is None and (hx, hy) != (x, y):
        near = share_ancestor(hx, hy, steps)
    return bool(near)


def _same_pos(mine: Sequence[Token], theirs: Sequence[Token]) -> bool:
    """Whether the two phrases are mostly used as the same part of speech (each at least
    ``_POS_SHARE`` of the time; a phrase by its last word, the head of an English phrase): "heart" (a noun) for "cardiovascular" (an adjective) or
    "reduces" for "lower" (mostly an adjective) is a sentence built another way, not one word
    put for another."""
    a, b = pos_shares(mine[-1].text), pos_shares(theirs[-1].text)
    return any(a[p] >= _POS_SHARE and b.get(p, 0.0) >= _POS_SHARE for p in a)


def _apart_swap(a: _Seq, slot: _Slot, strong: Sequence[str], lang: str) -> bool:
    """Whether a slot outside a quotation has votes in otherwise the same wording whose words
    share no everyday sense with this source's (``_MEANING_CHANGED``), lie apart from them
    (``_apart``), and neither side is an everyday word (``_FAMILY_EVERYDAY``): "savers" /
    "senders", not "talks" / "negotiations" nor "died" / "injured" (everyday words swapped in
    one sentence are as often a rewrite or another fact as a mistranslation)."""
    if not strong or any(a.quoted[i] for i in slot.idx):
        return False
    mine = [a.toks[i] for i in slot.idx]
    if any(family_zipf(t.text, lang) >= _FAMILY_EVERYDAY for t in mine):
        return False
    for o in strong:
        theirs = slot.votes[o][1]
        if any(family_zipf(t.text, lang) >= _FAMILY_EVERYDAY for t in theirs):
            return False
        meaning = _meaning(mine, theirs)
        if meaning is None or meaning >= _MEANING_CHANGED or not _apart(mine, theirs):
            return False
    return True


# Number words that scale a figure ("3.2 million"): part of a quantity, like its digits.
_SCALE_WORDS = frozenset({"hundred", "thousand", "million", "millions", "billion", "billions", "trillion",
                          "trillions", "dozen", "dozens"})


_LAST_WORD_RE = re.compile(r"(\w+)\W*$")


def _word_before(text: str, start: int) -> str:
    """The lower-case word just before offset ``start`` ("" at the start of the text)."""
    m = _LAST_WORD_RE.search(text, max(0, start - 40), start)
    return m.group(1).lower() if m else ""


def _scaled(toks: Sequence[Token], before: Token | None = None) -> bool:
    """Whether words hold a figure's scale word ("million tonnes"), or follow one (``before``:
    the word before them, "billion" in "2.4 billion pounds")."""
    return any(t.text.lower() in _SCALE_WORDS for t in toks) \
        or (before is not None and before.text.lower() in _SCALE_WORDS)


def family_zipf(word: str, lang: str) -> float:
    """The frequency of a word's family: the word or a base form without an inflection ending
    ("reduces" -> "reduce"), whichever is more frequent."""
    w = word.lower()
    best = zipf(w, lang)
    for e in _INFLECTION_ENDINGS:
        if w.endswith(e) and len(w) - len(e) >= 3:
            best = max(best, zipf(w[: -len(e)], lang), zipf(w[: -len(e)] + "e", lang))
    return best


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


def _judge(ctx, story, group: Group, slot: _Slot, others: Sequence[str], agree, keysets,
           members: Mapping[str, Sequence[_Seq]], *, prose: Mapping[str, set[str]] | None = None) -> Flag | None:
    """Whether the other sources' words at ``slot`` make it a term variant, and the flag.

    Votes: a source printing the same other word at the place in otherwise identical wording
    (strong), or using it in its aligned passage while not using this source's word (loose). At
    least one strong vote and two in all; a source printing this source's word there opposes.

    Meaning kept or changed (generic signals only):
    * this source's word is one other sources use elsewhere in the story, and the voters do not use
      both words here (which would show they mean different things): the story's own vocabulary,
      a synonym at most, reported low inside a quotation and not at all outside;
    * outside a quotation, a swap between two everyday word families is paraphrase unless this
      source itself uses the others' word elsewhere (an inconsistent rendering) or the voters
      use both words here;
    * inside a quotation (verbatim expected), any other substitution is reported."""
    a, s = slot.seq, slot.source
    lang = lang_of(ctx.sources[s])
    by_term: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for o, (keys, _toks, _q) in slot.votes.items():
        by_term[keys].append(o)
    term, strong = max(by_term.items(), key=lambda kv: (len(kv[1]), kv[0]))
    my_keys = {a.keys[i] for i in slot.idx}
    opposed = [o for o in others if o not in slot.votes and set(slot.idx) <= agree.get(o, set())]
    loose = [o for o in others if o not in slot.votes and o not in opposed
             and set(term) <= keysets[o] and not (my_keys & keysets[o])]
    quoted = any(a.quoted[i] for i in slot.idx) and any(slot.votes[o][2] for o in strong)
    apart = not quoted and _apart_swap(a, slot, strong, lang)
    if len(strong) + len(loose) < _MIN_VOTES and (quoted or apart) \
            and not any(_others_use(story, k, s) for k in my_keys):
        # Few aligned witnesses of a quotation (one only two sources give), or of a sentence
        # only two sources render alike where the words at the place lie apart in meaning (a
        # mistranslation the others' own vocabulary confirms): sources that use the others' word
        # elsewhere in the story, and never this source's word, vote for it too. Outside a
        # quotation only sources absent from the group: one the alignment placed here, even
        # loosely, and that did not vote was heard already (a paraphrase is no witness).
        taken = set(strong) | set(loose) | set(opposed) | {s}
        if apart and not quoted:
            taken |= {q.source for q in group.passages}
        loose += sorted(set.intersection(*(story.get(k, set()) for k in term)) - taken)[:_MAX_OTHERS]
    support = len(strong) + len(loose)
    if support < _MIN_VOTES or len(opposed) * 4 > support:
        return None
    if _echoed(a, slot.idx, term):
        return None
    if _scaled([a.toks[i] for i in slot.idx], a.toks[slot.idx[0] - 1] if slot.idx[0] else None) \
            or any(_scaled(slot.votes[o][1]) for o in strong):
        # A figure's scale on one side ("2.4 billion pounds" / "1.1 million tonnes"): a quantity
        # stated in other units or another form, which the number check compares (conversions).
        # Counted things after a figure ("7,000 passes" / "7,000 steps") stay terms.
        return None
    if not any(a.quoted[i] for i in slot.idx) and all(slot.votes[o][2] for o in strong) \
            and not _opposed([_Word(a.toks[i], a.keys[i], 0.0, False) for i in slot.idx],
                             _Word(slot.votes[strong[0]][1][0], term[0], 0.0, True)):
        # The others quote what was said and this source reports it in its own words ("saying
        # every hour ... hurt the people" / "'... is paid for by the people'"): indirect speech is
        # paraphrase, held to the meaning (the quote check's business), not to the words.
        return None
    words = [a.toks[i] for i in slot.idx]
    contrast = any(my_keys & keysets.get(o, frozenset()) for o in strong + loose)
    story_vocab = any(_others_use(story, k, s) for k in my_keys)
    # The others' words as most of them print them (one key may stand for "national" in two
    # sources and "nationality" in a third): the meaning and frequency tests read that form.
    printed = Counter(" ".join(t.text.lower() for t in slot.votes[o][1]) for o in strong)
    common = min(printed.items(), key=lambda kv: (-kv[1], kv[0]))[0]
    their_toks = next(slot.votes[o][1] for o in strong
                      if " ".join(t.text.lower() for t in slot.votes[o][1]) == common)
    everyday = (all(family_zipf(t.text, lang) >= _FAMILY_EVERYDAY for t in words)
                and all(family_zipf(t.text, lang) >= _FAMILY_EVERYDAY for t in their_toks))
    # The source's own use of the others' word elsewhere, outside quotations: a word inside one is
    # the speaker's ("syrup at home"), not this source's rendering of the place.
    self_use = any(s in (prose if prose is not None else story).get(k, set()) for k in term)
    polar = _opposed([_Word(t, a.keys[i], zipf(t.text.lower(), lang), False) for t, i in zip(words, slot.idx)],
                     _Word(their_toks[0], term[0], 0.0, quoted))
    meaning = _meaning(words, their_toks)
    # Two renderings in otherwise the same wording, the words at the place meaning different things
    # (no common everyday sense): the signature of a mistranslation, even between everyday words.
    changed = (meaning is not None and meaning < _MEANING_CHANGED
               and len([o for o in strong if o not in slot.stepped]) >= _MIN_VOTES
               and all(_apart(words, slot.votes[o][1]) for o in strong))
    if polar:
        pass
    elif meaning is not None and meaning >= MEANING_KEPT:
        # A synonym: the meaning is kept. Outside a quotation a matter of style; inside one a
        # rewording of what was said, at most low.
        if not quoted:
            return None
    elif story_vocab and not contrast and not changed:
        if not quoted:
            return None
    elif not quoted and everyday and not (self_use or contrast or changed):
        return None
    if not polar and ((meaning is not None and meaning >= MEANING_KEPT) or (story_vocab and not contrast and not changed)
                      or (quoted and _one_field(words, their_toks))
                      or (quoted and _one_field(words, their_toks, _PROSE_FIELD_STEPS)
                          and _quote_reworded(a, strong, members))
                      or (not quoted and any(_near_nouns(words, slot.votes[o][1]) for o in strong))):
        # A quotation rendered with a word of the same field ("mat" / "carpet") is what another
        # translation of the same words prints as often as a changed statement: worth a look, low.
        # Outside a quotation, where wording is free, so is a word of a near field ("athletes" /
        # "runners", "a Danish citizen" / "a Danish woman": a broader or sister word).
        severity, confidence = Severity.LOW, 0.5
    else:
        high = polar or (len(strong) >= 2 and (quoted or not everyday)) or (quoted and support >= 3)
        severity = Severity.HIGH if high else Severity.MEDIUM
        confidence = 0.55 + 0.08 * min(support - 1, 3) + 0.05 * min(len(strong) - 1, 2)
        confidence += (0.1 if quoted else 0.0) + (0.1 if polar else 0.0)
    text = ctx.sources[s].text
    start, end = words[0].start, _with_particle(text, words[-1].end)
    surfaces = Counter(" ".join(t.text for t in slot.votes[o][1]) for o in strong)
    expected = sorted(surfaces.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    evidence = []
    for o in sorted(set(strong) | set(loose)):
        if o in slot.votes:
            toks = slot.votes[o][1]
        else:  # a loose vote: where its aligned passage prints the word
            toks = next(((t,) for q in members.get(o, ()) for t, k in zip(q.toks, q.keys) if k == term[0]), ())
        if toks:
            evidence.append(span_of(ctx, o, toks[0].start, toks[-1].end))
    where = "in the quotation " if quoted else ""
    n_strong = len(strong)
    message = (f"'{text[start:end]}' {where}where {support} other source{'s' if support != 1 else ''} say "
               f"'{expected}' ({n_strong} of them in otherwise the same wording)"
               + (" (opposite direction)" if polar else ""))
    return make_flag(ctx, kind=Kind.TERM_VARIANT, source=s, start=start, end=end, expected=expected,
                     severity=severity, confidence=min(0.95, confidence), group=group, message=message,
                     evidence=evidence[:_EVIDENCE_CAP])


# --- words left untranslated ---------------------------------------------------------------------
#
# A translation that leaves a word in the original language ("two camiones and a motorcycle")
# mistranslates the term the others print at that place. The place is told by the words around it,
# not by the sentence alignment (the translated sentence is often reworded beyond it): the same two
# words before and after, with one to ``_RUN_MAX`` words between.

_RUN_MAX = 3
# Context words on each side that must be printed alike.
_CONTEXT = 2
# A word another common language's frequency list has (zipf above this) and the source's does not.
_FOREIGN_ZIPF = 1.0
# A word this close (normalised Indel similarity) to one of the others' words there is a
# misspelling of it, the garble check's business, unless another language uses it widely (zipf
# ``_COGNATE_ZIPF``+): a cognate left untranslated ("tratores" / "tractors").
_SPELLING_CLOSE = 0.75
_COGNATE_ZIPF = 3.0


class _OneEdit:
    """Which words are one edit (a letter changed, added, dropped, or two swapped) from a word
    of a fixed vocabulary. Symmetric deletions index the vocabulary (each word under itself and
    every form with one letter deleted); a word's own deletions find the few words to check
    exactly, so a lookup costs about its length, whatever the vocabulary's size."""

    def __init__(self, words: Iterable[str]) -> None:
        self._by_form: dict[str, list[str]] = defaultdict(list)
        for w in words:
            for form in _deletions(w):
                self._by_form[form].append(w)

    def has(self, word: str) -> bool:
        """True when a vocabulary word other than ``word`` itself is one edit from it."""
        return any(x != word and OSA.distance(word, x) <= 1
                   for form in _deletions(word) for x in self._by_form.get(form, ()))


def _deletions(word: str) -> set[str]:
    return {word, *(word[:k] + word[k + 1:] for k in range(len(word)))}


def _untranslated(ctx: CheckContext, seqs: Mapping[str, _Seq]) -> Iterable[Flag]:
    """In: the context and each passage's ``_Seq``. Out: a term variant for each run of one to
    ``_RUN_MAX`` words holding a word of another language (not a word of the source's language,
    listed in another above zipf ``_FOREIGN_ZIPF``: "camiones") where at least ``_MIN_VOTES`` other sources
    print, between the same ``_CONTEXT`` words on each side, a run of words of the language that
    they agree on. Words the other sources print anywhere are not foreign (names, loanwords).
    Linear: only the runs whose surroundings a candidate word's runs have are indexed, in one pass
    over the tokens (none at all when no source prints an unknown lower-case word of its own)."""
    def context(q: _Seq, i: int, j: int):
        if i < _CONTEXT or j + _CONTEXT > len(q.toks):
            return None
        return (tuple(t.text.lower() for t in q.toks[i - _CONTEXT:i]),
                tuple(t.text.lower() for t in q.toks[j:j + _CONTEXT]))

    printed: dict[str, set[str]] = defaultdict(set)  # lower-case word -> sources printing it
    for q in seqs.values():
        for t in q.toks:
            printed[t.text.lower()].add(q.passage.source)
    # Candidates: lower-case words (a name is capitalised) no other source prints, not words of
    # the source's language.
    candidates: list[tuple[str, int]] = []
    for pid in sorted(seqs):
        q = seqs[pid]
        lang = lang_of(ctx.sources[q.passage.source])
        for i, t in enumerate(q.toks):
            if t.text[:1].islower() and not q.quoted[i] and printed[t.text.lower()] == {q.passage.source} \
                    and is_alpha_word(t.text) and not _known(t.text, lang):
                candidates.append((pid, i))
    if not candidates:
        return []
    # One slip of the keys from a word the story prints ("wiel" / "will", "taat" / "that",
    # "groth" / "growth") is a misspelling that happens to be another language's word: the garble
    # check's. A cognate left untranslated differs by more ("tratores" / "tractors"). Dropped
    # first, because misspellings are most of the candidates in a large story.
    near = _OneEdit(x for x, srcs in printed.items() if len(srcs) > 1 and len(x) > 2 and is_alpha_word(x))
    candidates = [(pid, i) for pid, i in candidates if not near.has(seqs[pid].toks[i].text.lower())]
    if not candidates:
        return []
    wanted: set[tuple[str, ...]] = set()  # the words before each candidate run
    for pid, i in candidates:
        q = seqs[pid]
        for lo in range(max(_CONTEXT, i - _RUN_MAX + 1), i + 1):
            wanted.add(tuple(t.text.lower() for t in q.toks[lo - _CONTEXT:lo]))
    places: dict[tuple, dict[str, set[tuple[str, ...]]]] = defaultdict(lambda: defaultdict(set))
    spans: dict[tuple, dict[str, tuple[_Seq, int, int]]] = defaultdict(dict)
    for pid in sorted(seqs):
        q = seqs[pid]
        low = [t.text.lower() for t in q.toks]
        for i in range(_CONTEXT, len(low)):
            if tuple(low[i - _CONTEXT:i]) not in wanted:
                continue
            for n in range(1, _RUN_MAX + 1):
                c = context(q, i, i + n)
                if c is None:
                    continue
                run = tuple(low[i:i + n])
                places[c][q.passage.source].add(run)
                spans[(c, run)].setdefault(q.passage.source, (q, i, i + n))
    out = []
    for pid, i in candidates:
        q = seqs[pid]
        s = q.passage.source
        lang = lang_of(ctx.sources[s])
        w = q.toks[i].text.lower()
        best = None
        for lo in range(max(0, i - _RUN_MAX + 1), i + 1):
            for hi in range(i + 1, min(len(q.toks), lo + _RUN_MAX) + 1):
                c = context(q, lo, hi)
                if c is None or c not in places:
                    continue
                mine = tuple(x.text.lower() for x in q.toks[lo:hi])
                votes: dict[tuple[str, ...], list[str]] = defaultdict(list)
                for o, runs in places[c].items():
                    if o == s:
                        continue
                    for run in runs:
                        # A run whose first or last word is this one's is the place of a
                        # narrower run ("two camiones" / "two trucks": "camiones" / "trucks").
                        if run[0] == mine[0] or run[-1] == mine[-1]:
                            continue
                        if all(_known(x, lang) and is_alpha_word(x) for x in run) and w not in run \
                                and not (any(Indel.normalized_similarity(w, x) >= _SPELLING_CLOSE for x in run)
                                         and foreign_zipf(w, lang) < _COGNATE_ZIPF):
                            votes[run].append(o)
                for run, voters in votes.items():
                    if len(voters) >= _MIN_VOTES and (best is None or len(voters) > len(best[2])):
                        best = (lo, hi, sorted(voters), run, c)
        # Looked up last: the other languages' lists are loaded on first use.
        if best is None or foreign_zipf(w, lang) < _FOREIGN_ZIPF:
            continue

        lo, hi, voters, run, c = best
        start, end = q.toks[lo].start, q.toks[hi - 1].end
        evidence = []
        for o in voters:
            b, j1, j2 = spans[(c, run)][o]
            evidence.append(span_of(ctx, o, b.toks[j1].start, b.toks[j2 - 1].end))
        expected = evidence[0].text
        text = ctx.sources[s].text
        message = (f"'{text[start:end]}' left untranslated where {len(voters)} other sources say "
                   f"'{expected}' between the same words")
        out.append(make_flag(ctx, kind=Kind.TERM_VARIANT, source=s, start=start, end=end, expected=expected,
                             severity=Severity.MEDIUM, confidence=min(0.85, 0.6 + 0.05 * len(voters)),
                             group=ctx.group_of.get(pid), message=message, evidence=evidence[:_EVIDENCE_CAP]))
    return out



# --- words of one source's own in a reworded sentence ------------------------------------------
#
# A machine translation renders a word with another sense of it ("the parquet" for the public
# prosecutor's office, "pretends" for "intends") while rewording the sentence around it, so the
# word-for-word comparison above finds no shared wording and the alignment may not even group the
# sentence. The signature stays: the word is printed by no other source in the whole story, the
# sentences that say the same thing in the other sources (found by their shared words, names and
# figures, wherever the alignment put them) have, once the words both sides share (the same word,
# its family, a synonym) are paired off, only a few words left, and among them the same word of the
# same part of speech in at least two sources; a word this source never prints anywhere.

# Anchoring keys (content words, names, figures) another source's sentence must share with this
# one to be its counterpart, and the share of this sentence's anchoring keys that makes it one.
_LEFT_SHARED = 3
_LEFT_SHARE = 0.4
# At most this many content words left unpaired on each side once shared wording is paired off:
# more is a sentence built another way (a rewrite), where any word could stand for any other.
_LEFT_MAX = 3
# With a shared word beside the word on the same side in both sentences (``_framed``), this many.
_LEFT_FRAMED_MAX = 6
# Passages on each side of this one in which this source must not print the others' word.
_LEFT_NEAR = 2


def _left_words(ctx: CheckContext, seqs: Mapping[str, _Seq],
                words: Mapping[str, tuple[_Word, ...]]) -> dict[str, tuple[_Word, ...]]:
    """Per passage id, its ordinary words for the reworded-sentence comparison: the content words
    of ``_content_words`` (``words``) and also a capitalised word opening a sentence that is no
    name ("Prosecutors put ..."), lower-cased; figures' scale words left out (the number check's)."""
    out: dict[str, tuple[_Word, ...]] = {}
    for pid, q in seqs.items():
        ws = [w for w in words.get(pid, ()) if w.tok.text.lower() not in _SCALE_WORDS]
        extra = []
        for i, t in enumerate(q.toks):
            if not (q.anchor[i] and t.text[:1].isupper()) or q.foreign[i]:
                continue
            low = t.text.lower()
            if low in _SCALE_WORDS or not is_alpha_word(low.replace("-", "")) or is_function_word(low) \
                    or _is_reporting(low):
                continue
            lang = lang_of(ctx.sources[q.passage.source])
            extra.append(_Word(Token(low, t.start, t.end), *_stem_zipf(low, lang), q.quoted[i]))
        if extra:
            ws = sorted(ws + extra, key=lambda w: w.tok.start)
        out[pid] = tuple(ws)
    return out


def _left_candidates(story: Mapping[str, set[str]], words: Mapping[str, tuple[_Word, ...]],
                     seqs: Mapping[str, _Seq], lang_of_source: Mapping[str, str]) -> dict[str, list[int]]:
    """Per passage id, the indices (in ``words``) of its words outside a quotation that only its
    source prints in the story and that are words of the language."""
    out: dict[str, list[int]] = {}
    for pid in sorted(words):
        ws = words[pid]
        src = seqs[pid].passage.source
        lang = lang_of_source[src]
        idx = [k for k, w in enumerate(ws)
               if not w.quoted and story.get(w.stem) == {src} and len(w.tok.text) >= 3
               and _known(w.tok.text, lang) and is_ordinary_word(w.tok.text, lang)]
        if idx:
            out[pid] = idx
    return out


def _paired(x: _Word, y: _Word) -> bool:
    """Whether two content words are the same word in another form or other words (the same stem
    or family, a derivation, or a synonym by WordNet): shared wording, not a swap."""
    return x.stem == y.stem or _paired_spelling(x.stem, y.stem, x.tok.text.lower(), y.tok.text.lower())


@lru_cache(maxsize=100_000)
def _paired_spelling(sx: str, sy: str, wx: str, wy: str) -> bool:
    """``_paired`` for two different stems, by their spellings (memoised: a story repeats them)."""
    if shared_prefix(sx, sy) >= max(4, min(len(sx), len(sy)) - 1) or _same_derivation(wx, wy):
        return True
    m = same_meaning(wx, wy)
    return m is not None and m >= MEANING_KEPT


def _framed(a: _Seq, w: _Word, b: _Seq, t: _Word) -> bool:
    """Whether the token next to ``w`` in ``a`` on one side is an ordinary content word (no
    function word, name or figure: "BPOM office" / "BPOM head" name two things of one body) with
    the same key as the token next to ``t`` in ``b`` on the same side: one phrase with one member
    put for another ("evacuation order" / "evacuation alert")."""
    i, j = _token_at(a, w.tok.start), _token_at(b, t.tok.start)
    if i is None or j is None:
        return False
    for d in (-1, 1):
        x, y = i + d, j + d
        if 0 <= x < len(a.keys) and 0 <= y < len(b.keys) and a.content[x] and b.content[y] \
                and a.keys[x] == b.keys[y] and a.quoted[x] == a.quoted[i]:
            return True
    return False


def _token_at(q: _Seq, start: int) -> int | None:
    """The index of ``q``'s token starting at ``start`` (tokens are sorted by offset)."""
    k = bisect_right([t.start for t in q.toks], start) - 1
    return k if k >= 0 and q.toks[k].start == start else None


def _family(x: str, y: str) -> bool:
    """Two stems of one word family (a shared beginning all but a letter or two long)."""
    return x == y or shared_prefix(x, y) >= max(5, min(len(x), len(y)) - 1)


def _leftovers(mine: Sequence[_Word], theirs: Sequence[_Word], a_keys: frozenset[str] = frozenset(),
               b_keys: frozenset[str] = frozenset()) -> tuple[list[int], list[int], list[tuple[int, int]]]:
    """The indices of the words of each side left once words paired by ``_paired`` are taken
    off, each word used once (exact stems first, then the looser readings); a word whose stem the
    other passage prints anyhow (``a_keys``/``b_keys``: every token's key, capitalised "Minister"
    in "Health Minister" for "the minister of Health") is not left. Third: the pairs (this side,
    the other) taken off as words of one near field, for ``_sister_swaps``."""
    used_b: set[int] = set()
    left_a: list[int] = []
    rest: list[int] = []
    by_stem: dict[str, list[int]] = defaultdict(list)
    for j, y in enumerate(theirs):
        by_stem[y.stem].append(j)
    for i, x in enumerate(mine):
        free = [j for j in by_stem.get(x.stem, ()) if j not in used_b]
        if free:
            used_b.add(free[0])
        else:
            rest.append(i)
    for i in rest:
        j = next((j for j, y in enumerate(theirs) if j not in used_b and _paired(mine[i], y)), None)
        if j is None:
            left_a.append(i)
        else:
            used_b.add(j)
    # Then words of one near field ("night" / "evening"): a sentence reworded with a sister word
    # there is paraphrase at that place, which leaves the pairing of the rest unambiguous.
    near_a = []
    sisters = []
    for i in left_a:
        j = next((j for j, y in enumerate(theirs) if j not in used_b and y.stem not in a_keys
                  and share_ancestor(mine[i].tok.text, y.tok.text)), None)
        if j is None:
            near_a.append(i)
        else:
            used_b.add(j)
            sisters.append((i, j))
    left_a = near_a
    return ([i for i in left_a if mine[i].stem not in b_keys],
            [j for j in range(len(theirs)) if j not in used_b and theirs[j].stem not in a_keys],
            [(i, j) for i, j in sisters if mine[i].stem not in b_keys])


def _left_swaps(ctx: CheckContext, story: Mapping[str, set[str]], words: Mapping[str, tuple[_Word, ...]],
                seqs: Mapping[str, _Seq]) -> Iterable[Flag]:
    """In: the context, the story's stems, each passage's content words and ``_Seq``. Out: a term
    variant for each word only its source prints in the story where, in the counterpart sentences
    of at least ``_MIN_VOTES`` other sources (see the section comment), the one word left unpaired
    of the same part of speech at about the same place is the same, and this source never prints
    it. Bounded: counterparts are sought among a fixed sample of the sources (``panel_order``),
    through an index of their passages' anchoring keys, and only for passages holding a candidate."""
    lang_of_source = {s: lang_of(src) for s, src in ctx.sources.items()}
    words = _left_words(ctx, seqs, words)
    story = _story_stems(words)
    candidates = _left_candidates(story, words, seqs, lang_of_source)
    if not candidates:
        return []
    chosen = _panel_sample(ctx)
    # Members the second alignment pass joined by their place alone are no witnesses (``_firm``).
    loose = {pid for g in ctx.alignment.groups for pid in g.loose}
    index: dict[str, list[str]] = defaultdict(list)
    for pid in sorted(seqs):
        q = seqs[pid]
        if q.passage.source in chosen and pid not in loose:
            for k in q.anchor_keys:
                index[k].append(pid)
    at = {(q.passage.source, q.passage.index): pid for pid, q in seqs.items() if "+" not in pid}
    out = []
    for pid, idx in candidates.items():
        a = seqs[pid]
        s = a.passage.source
        a_text = ctx.sources[s].text
        mine = words[pid]
        hits: Counter[str] = Counter()
        for k in a.anchor_keys:
            for qid in index.get(k, ()):
                hits[qid] += 1
        need = max(_LEFT_SHARED, int(_LEFT_SHARE * len(a.anchor_keys) + 0.999))
        best: dict[str, tuple[int, str]] = {}
        for qid, n in hits.items():
            o = seqs[qid].passage.source
            if o == s or n < need:
                continue
            if o not in best or (n, qid) > best[o]:
                best[o] = (n, qid)
        others = sorted(best, key=panel_order)[:_MAX_OTHERS]
        if not others:
            continue
        # The others' word must be one this source does not print around the place: a source
        # that says it in the next sentence does not put its own word in for it.
        nearby = {w.stem for d in range(-_LEFT_NEAR, _LEFT_NEAR + 1)
                  if (n := at.get((s, a.passage.index + d))) is not None for w in words[n]}
        votes: dict[tuple[int, str], dict[str, _Word]] = defaultdict(dict)
        sister_votes: dict[tuple[int, str], dict[str, _Word]] = defaultdict(dict)
        framed_votes: set[tuple[int, str]] = set()
        for o in others:
            b = seqs[best[o][1]]
            theirs = words[best[o][1]]
            left_a, left_b, near = _leftovers(mine, theirs, a.keyset, b.keyset)
            for i, j in near:
                if i in idx and not theirs[j].quoted and not _near(theirs[j].stem, nearby - {theirs[j].stem}):
                    sister_votes[(i, theirs[j].stem)].setdefault(o, theirs[j])
            if not left_a or len(left_a) > _LEFT_FRAMED_MAX or len(left_b) > _LEFT_FRAMED_MAX:
                continue
            few = len(left_a) <= _LEFT_MAX and len(left_b) <= _LEFT_MAX
            for i in idx:
                if i not in left_a:
                    continue
                w = mine[i]
                cands = [j for j in left_b if _same_pos([w.tok], [theirs[j].tok])
                         and not _near(theirs[j].stem, nearby) and not theirs[j].quoted]
                # A word beside it that the other sentence prints beside its word on the same side
                # ("special inspection" / "special control") pins the place in any sentence.
                framed = [j for j in cands if _framed(a, w, b, theirs[j])]
                if framed:
                    cands = framed[:1]
                    framed_votes.add((i, o))
                elif not few or any(k != i and _same_pos([mine[k].tok], [w.tok]) for k in left_a):
                    continue  # two words of that part of speech left here: no telling which is which
                # Every word of that part of speech left there is a candidate; the sources agree
                # on one (below). One vote per word family ("prosecutors" / "prosecution"): the
                # first stem seen that this one shares a family with stands for both.
                for j in cands[:_LEFT_MAX]:
                    t = theirs[j]
                    key = next((k for (i2, k) in votes if i2 == i and _family(k, t.stem)), t.stem)
                    votes[(i, key)].setdefault(o, t)
        best_of: dict[int, list[tuple[int, str]]] = defaultdict(list)
        for (i, term), voters in votes.items():
            best_of[i].append((len(voters), term))
        for i, ranked in sorted(best_of.items()):
            ranked.sort(key=lambda nt: (-nt[0], nt[1]))
            n, term = ranked[0]
            if len(ranked) > 1 and ranked[1][0] == n:
                continue  # the sources agree on two words as much
            voters = votes[(i, term)]
            w = mine[i]
            first = voters[sorted(voters)[0]]
            if any(_figure_before(ctx.sources[x].text, y.tok.start) not in ("", _figure_before(a_text, w.tok.start))
                   for x, y in voters.items()):
                continue  # after another figure ("40 gallons" / "150 litres"): a quantity in other units
            if _slip(w.tok.text.lower(), first.tok.text.lower()):
                continue
            # A phrase of nouns is the frame of a term ("special control"); verbs keep their object
            # when reworded ("copied the data" / "included the data").
            framed = sum((i, o) in framed_votes for o in voters) >= _MIN_VOTES and all(
                pos_shares(x.tok.text).get("noun", 0.0) >= _NOUN_SHARE for x in (w, first))
            if not _left_apart(w, first, lang_of_source[s], everyday_ok=framed):
                continue  # words of one sense or field, or everyday words: a rewording
            if n < _MIN_VOTES:
                # One sentence saying the same with the other word: enough where other sources use
                # that word elsewhere in the story (this source's word no other source uses at
                # all): the story's own vocabulary confirms it.
                users = {o for k, srcs in story.items() if _family(k, term) for o in srcs} - {s}
                # As in ``_judge``: a source the alignment placed here, even loosely, and that
                # gave no such sentence was heard already (its wording is a paraphrase, no witness).
                g = ctx.group_of.get(pid)
                users -= {q.source for q in g.passages if q.source not in voters} if g else set()
                if len(users) < _MIN_VOTES:
                    continue
            out.append(_left_flag(ctx, s, w, voters, len(others), ctx.group_of.get(pid)))
        out.extend(_sister_swaps(ctx, s, mine, sister_votes, len(others), ctx.group_of.get(pid), a_text,
                                 lang_of_source[s]))
    return out


def _sister_swaps(ctx: CheckContext, source: str, mine: Sequence[_Word],
                  sister_votes: Mapping[tuple[int, str], Mapping[str, _Word]], compared: int,
                  group: Group | None, text: str, lang: str) -> list[Flag]:
    """Flags for words only this source prints that the others' sentences saying the same pair
    with a sister word (one near field, ``_leftovers``): where ``_MIN_VOTES`` other sources agree on
    that word, both are mostly nouns, share no sense (``_MEANING_CHANGED``) and neither names a
    kind of the other (``lexicon.more_general``), the two are co-hyponyms, two things of one kind
    ("rubella" / "mumps", "cobalt" / "nickel"): a classic mistranslation or slip, where a synonym
    or a vaguer word would share a sense or a hypernym."""
    best: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for (i, term), voters in sister_votes.items():
        best[i].append((len(voters), term))
    out = []
    for i, ranked in sorted(best.items()):
        ranked.sort(key=lambda nt: (-nt[0], nt[1]))
        n, term = ranked[0]
        if n < _MIN_VOTES or (len(ranked) > 1 and ranked[1][0] == n):
            continue
        voters = sister_votes[(i, term)]
        w = mine[i]
        first = voters[sorted(voters)[0]]
        x, y = w.tok.text.lower(), first.tok.text.lower()
        if _slip(x, y) or any(pos_shares(z).get("noun", 0.0) < _NOUN_SHARE for z in (x, y)):
            continue
        # Everyday nouns of one field are a writer's free choice ("night" / "season", "client" /
        # "bidder"): measured on the development stories, 20 such flags, none right.
        if family_zipf(x, lang) >= _FAMILY_EVERYDAY or family_zipf(y, lang) >= _FAMILY_EVERYDAY:
            continue
        # Two units of one kind after two figures ("40 gallons" / "150 litres") are a quantity
        # converted, the number check's comparison.
        mine_figure = _figure_before(text, w.tok.start)
        if mine_figure and any(_figure_before(ctx.sources[o].text, t.tok.start) not in ("", mine_figure)
                               for o, t in voters.items()):
            continue
        meaning = _meaning([w.tok], [first.tok])
        if meaning is None or meaning >= _MEANING_CHANGED or more_general(x, y) is not False:
            continue
        out.append(_left_flag(ctx, source, w, voters, compared, group, sister=True))
    return out


_FIGURE_BEFORE_RE = re.compile(r"(\d[\d,]*(?:\.\d+)?(?:\s+(?:" + "|".join(sorted(_SCALE_WORDS)) + r"))?)\s+$",
                               re.IGNORECASE)


def _figure_before(text: str, start: int) -> str:
    """The figure printed just before offset ``start``, with its scale word ("60" in "60
    replicas", "1.1 million" in "1.1 million gallons"), or ""."""
    m = _FIGURE_BEFORE_RE.search(text, max(0, start - 20), start)
    return m.group(1) if m else ""


def _left_apart(w: _Word, t: _Word, lang: str, *, everyday_ok: bool = False) -> bool:
    """Whether two words of one part of speech share no everyday sense and no near field, and
    neither is an everyday word. Measured on the development stories: letting one everyday word
    through (library / bookshop) found no more swaps and a dozen rewordings (statement /
    spokesman, sentence / penalty). ``everyday_ok``: two sentences or more pin the place by a
    shared word beside it (``_framed``), which a rewording rarely keeps."""
    if not everyday_ok and (family_zipf(w.tok.text, lang) >= _FAMILY_EVERYDAY
                            or family_zipf(t.tok.text, lang) >= _FAMILY_EVERYDAY):
        return False
    meaning = _meaning([w.tok], [t.tok])
    return meaning is not None and meaning < _MEANING_CHANGED and _apart([w.tok], [t.tok])


def _left_flag(ctx: CheckContext, source: str, w: _Word, voters: Mapping[str, _Word], compared: int,
               group: Group | None, *, sister: bool = False) -> Flag:
    """The flag for a word only this source prints against the others' word (``_left_swaps``):
    medium where the two words lie apart in meaning (``_apart``) and are no synonyms, or are two
    things of one kind (``sister``, see ``_sister_swaps``), else low."""
    surfaces = Counter(t.tok.text.lower() for t in voters.values())
    expected = sorted(surfaces.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    meaning = _meaning([w.tok], [Token(expected, 0, 0)])
    apart = sister or _apart([w.tok], [Token(expected, 0, 0)])
    votes = len(voters)
    if apart and (meaning is None or meaning < _MEANING_CHANGED):
        severity, confidence = Severity.MEDIUM, 0.5 + 0.05 * min(votes - 1, 3)
    else:
        severity, confidence = Severity.LOW, 0.5
    text = ctx.sources[source].text
    start, end = w.tok.start, _with_particle(text, w.tok.end)
    evidence = [span_of(ctx, o, t.tok.start, t.tok.end) for o, t in sorted(voters.items())][:_EVIDENCE_CAP]
    message = (f"'{text[start:end]}', printed by no other source, where {votes} of {compared} other sources "
               f"say '{expected}' in a sentence saying the same" + (" (another thing of the same kind)" if sister else ""))
    return make_flag(ctx, kind=Kind.TERM_VARIANT, source=source, start=start, end=end, expected=expected,
                     severity=severity, confidence=confidence, group=group, message=message, evidence=evidence)


# --- one member of a collocation put for another -----------------------------------------------
#
# A mistranslated word usually keeps its neighbour: the translator renders "hazelnut" right and
# the polysemous word beside it wrong ("hazelnut wave" for "hazelnut kernels", "evacuation alert"
# for "evacuation order"). The sentence around it is often reworded past the word-for-word
# comparison, but the two-word unit is still there to compare: this source prints (A B), which no
# other source prints, where other sources print (A C) in a sentence saying the same (shared
# names, figures, rare words, or the same aligned group), and this source never prints (A C).

# Only blanks between the two words: punctuation or a line break ends a unit.
_COLLOC_GAP_RE = re.compile(r"[ \t]+")
# Anchoring keys besides the unit's own that a passage of another source must share with this
# one to say the same (or be aligned with it).
_COLLOC_SHARED = 2


@dataclass(frozen=True)
class _Colloc:
    """One two-word unit of a passage: ``anchor`` the key of the shared member, ``side`` 0 when it
    comes first ("hazelnut kernels"), 1 when second ("fuel oil"); ``head`` the other member's
    key (``_head_key``), ``tok`` that member, ``other`` the anchor's token."""

    pid: str
    source: str
    anchor: str
    side: int
    head: str
    tok: Token
    other: Token  # the anchor


@lru_cache(maxsize=100_000)
def _head_key(word: str) -> str:
    """A unit member's comparison key: lower case, a plural ending folded ("kernels", "agencies"),
    otherwise as printed, so near words that share a stem ("residential" / "resident",
    "conservatives" / "conservators") stay apart."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith(("ches", "shes", "xes", "sses", "zes")):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def _colloc_member(word: str, lang: str) -> bool:
    """Whether a word can be the varying member of a unit: a word of letters of the language
    (capitalised or not: "Kaihua Prefecture"), no function word, reporting verb or scale word."""
    low = word.lower()
    return (len(low) >= 3 and is_alpha_word(low.replace("-", "")) and not is_function_word(low)
            and not _is_reporting(low) and low not in _SCALE_WORDS and low not in NUMBER_WORDS
            and is_ordinary_word(low, lang))


def _colloc_anchor(word: str) -> bool:
    """Whether a word can be the shared member of a unit: a word of letters (a name too), no
    function word, reporting verb, honorific or scale word."""
    low = word.lower()
    return (len(low) >= 2 and is_alpha_word(low.replace("-", "")) and not is_function_word(low)
            and not _is_reporting(low) and low not in _SCALE_WORDS and low not in NUMBER_WORDS
            and low.rstrip(".") not in HONORIFICS)


def _collocations(ctx: CheckContext, seqs: Mapping[str, _Seq]) -> list[_Colloc]:
    """Every two-word unit of every passage, read both ways (each member as the anchor)."""
    out = []
    for pid in sorted(seqs):
        q = seqs[pid]
        src = q.passage.source
        text = ctx.sources[src].text
        lang = lang_of(ctx.sources[src])
        for i in range(len(q.toks) - 1):
            x, y = q.toks[i], q.toks[i + 1]
            if not _COLLOC_GAP_RE.fullmatch(text, x.end, y.start):
                continue
            for a, h, side in ((i, i + 1, 0), (i + 1, i, 1)):
                if _colloc_anchor(q.toks[a].text) and _colloc_member(q.toks[h].text, lang):
                    out.append(_Colloc(pid, src, q.keys[a], side, _head_key(q.toks[h].text), q.toks[h], q.toks[a]))
    return out


def _colloc_candidates(ctx: CheckContext, seqs: Mapping[str, _Seq], colls: Sequence[_Colloc] | None = None):
    """In: the context and each passage as a ``_Seq``. Out: (unit, votes) for each unit only its
    source prints whose anchor other sources print with another member at a place saying the
    same, and which this source never prints with that member: votes maps that member's key to
    {other source: its unit}; and, per unit (anchor, side, member key), the sources printing it. Bounded: the others are a
    fixed sample of the sources (``panel_order``), compared through an index of units by anchor."""
    if colls is None:
        colls = _collocations(ctx, seqs)
    printed: dict[tuple[str, int, str], set[str]] = defaultdict(set)
    for c in colls:
        printed[(c.anchor, c.side, c.head)].add(c.source)
    sample = _panel_sample(ctx)
    by_slot: dict[tuple[str, int], list[_Colloc]] = defaultdict(list)
    for c in colls:
        if c.source in sample:
            by_slot[(c.anchor, c.side)].append(c)
    group_of = ctx.group_of
    out = []
    for c in colls:
        if printed[(c.anchor, c.side, c.head)] != {c.source}:
            continue
        a = seqs[c.pid]
        g = group_of.get(c.pid)
        votes: dict[str, dict[str, _Colloc]] = defaultdict(dict)
        for d in by_slot.get((c.anchor, c.side), ()):
            if d.source == c.source or d.head == c.head or c.source in printed[(d.anchor, d.side, d.head)]:
                continue
            if d.source in votes[d.head]:
                continue
            b = seqs[d.pid]
            own = {c.anchor, stem(c.tok.text.lower()), stem(d.tok.text.lower())}
            shared = len((a.anchor_keys & b.anchor_keys) - own)
            same_group = g is not None and group_of.get(d.pid) is g
            if same_group or shared >= _COLLOC_SHARED:
                votes[d.head][d.source] = d
        votes = {k: v for k, v in votes.items() if v}
        if votes:
            out.append((c, votes))
    return out, printed


# Two members this many letters apart (a swap counts one) at most, sharing a beginning this long,
# are near words: one letter apart is a slip or a spelling variant (the name and garble checks' or
# nobody's business: "Defense" / "Defence"); two or three apart with a meaning of its own each is
# the other word read or typed for it ("residential" / "resident", "Minister" / "Ministry").
_NEAR_EDITS = 3
_NEAR_PREFIX = 4
# At or above this ``same_meaning``, two forms are one word (an inflection: "blow" / "blown").
_ONE_WORD = 0.5


def _near_words(x: str, y: str) -> bool:
    """Whether two unit members (as printed) are near words of different meanings (see above)."""
    a, b = x.lower(), y.lower()
    if _head_key(a) == _head_key(b):
        return False
    if shared_prefix(a, b) < _NEAR_PREFIX or not 2 <= OSA.distance(a, b) <= _NEAR_EDITS:
        return False
    meaning = same_meaning(a, b)
    return meaning is None or meaning < _ONE_WORD


def _collocation_swaps(ctx: CheckContext, seqs: Mapping[str, _Seq],
                       colls: Sequence[_Colloc] | None = None) -> list[Flag]:
    """In: the context and each passage as a ``_Seq``. Out: a term variant for each member of a
    two-word unit only its source prints where at least ``_MIN_VOTES`` other sources print the
    same anchor with a near word of it (``_near_words``) at a place saying the same
    ("residential doctors" / "resident doctors"), that member a word no other source prints in
    the story, the others' word absent from this passage and this member absent from theirs.

    Measured on the development stories: the same consensus with any unrelated member instead
    of a near word (WordNet: no shared sense, no field, neither a kind of the other; the anchor
    a noun or a rare modifier, no figure before) found no missed swap and some 16 rewordings
    ("drug regulator" / "health regulator", "factory equipment" / "factory machines"); with one
    other source printing the unit, near words or not, the pairs were as often right in this
    source as in the other (both orders occur), so one witness cannot say which is wrong."""
    cands, printed = _colloc_candidates(ctx, seqs, colls)
    if not cands:
        return []
    # Per member, the units it is printed in: a source printing the others' word in one of their
    # units elsewhere ("personnel carriers" two sentences on) tells the two words apart.
    units_of: dict[str, list[tuple[str, int, str]]] = defaultdict(list)
    for unit in printed:
        units_of[unit[2]].append(unit)
    others_print: dict[str, set[str]] = defaultdict(set)  # key -> sources printing it anywhere
    for q in seqs.values():
        for k in q.keyset:
            others_print[k].add(q.passage.source)
    out = []
    done: set[tuple[str, int]] = set()
    for c, votes in cands:
        a = seqs[c.pid]
        text = ctx.sources[c.source].text
        b_key = stem(c.tok.text.lower())
        if others_print.get(b_key, set()) - {c.source}:
            continue
        ranked = []
        for head, voters in votes.items():
            t = voters[sorted(voters)[0]].tok
            if len(voters) < _MIN_VOTES or not _near_words(c.tok.text, t.text):
                continue
            if any(c.source in printed[u] and printed[u] & voters.keys() for u in units_of[head]):
                continue
            if stem(t.text.lower()) in a.keyset or any(b_key in seqs[d.pid].keyset for d in voters.values()):
                continue
            # The same capitalisation, unless a sentence's first word ("Resident doctors ...").
            caps = {x.tok.text[:1].isupper() for x in voters.values()
                    if not sentence_initial(ctx.sources[x.source].text, x.tok.start)}
            if not sentence_initial(text, c.tok.start):
                caps.add(c.tok.text[:1].isupper())
            if len(caps) > 1:
                continue
            ranked.append((len(voters), head))
        if not ranked:
            continue
        ranked.sort(key=lambda nh: (-nh[0], nh[1]))
        if len(ranked) > 1 and ranked[1][0] == ranked[0][0]:
            continue
        if (c.source, c.tok.start) in done:
            continue
        done.add((c.source, c.tok.start))
        voters = votes[ranked[0][1]]
        out.append(_colloc_flag(ctx, c, voters, ctx.group_of.get(c.pid)))
    return out


def _colloc_flag(ctx: CheckContext, c: _Colloc, voters: Mapping[str, _Colloc], group: Group | None) -> Flag:
    """The flag for a unit member against the others' near word (``_collocation_swaps``): medium,
    more confident with more agreeing sources."""
    text = ctx.sources[c.source].text
    surfaces = Counter(d.tok.text.lower() for d in voters.values())
    expected = sorted(surfaces.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    start, end = min(c.tok.start, c.other.start), max(c.tok.end, c.other.end)
    votes = len(voters)
    evidence = [span_of(ctx, o, d.tok.start, d.tok.end) for o, d in sorted(voters.items())][:_EVIDENCE_CAP]
    message = (f"'{c.tok.text}' in '{text[start:end]}', printed by no other source, where {votes} other sources print "
               f"'{expected}' with the same word in a sentence saying the same (a near word of another meaning)")
    return make_flag(ctx, kind=Kind.TERM_VARIANT, source=c.source, start=c.tok.start, end=c.tok.end,
                     expected=expected, severity=Severity.MEDIUM, confidence=0.5 + 0.05 * min(votes - 1, 3),
                     group=group, message=message, evidence=evidence)


# --- a body or office named word for word -------------------------------------------------------
#
# A translation renders a ministry, an agency or an office word for word ("Ministry of Village
# Economy" for the Ministry of Agriculture, "the Big Bank" for the central bank): a Title Case
# phrase of everyday English words that no other source prints, where the others name the body
# with the same head word ("Ministry of ...", "... Bank") and other words. The head word is the
# frame: a unit is a head with the words that specify it, either the modifiers before it where
# the noun phrase ends ("the central bank said") or the complement after "of" ("Ministry of
# Agriculture"). The place is the same aligned passage, a passage sharing words with it, or, where
# each source names one body by that head in the whole story, the story itself.

# Words that specify a head, at most.
_CALQUE_SPAN = 3
# Varying words at least this frequent (zipf) are everyday words: what a word-for-word
# translation is made of (a rarer word is a name or a term, the name check's or nobody's business).
_CALQUE_EVERYDAY = 3.0


@dataclass(frozen=True)
class _Unit:
    """A head word with the words that specify it in one passage: ``side`` "mod" (modifiers before
    the head, where the noun phrase ends) or "of" (the complement after "head of"); ``var`` the
    specifying words' keys (``_head_key``); ``titled`` whether head and specifying words are all
    capitalised (a name of a body)."""

    pid: str
    source: str
    head: str
    side: str
    var: tuple[str, ...]
    toks: tuple[Token, ...]  # the specifying words
    head_tok: Token
    titled: bool
    first: int = 0  # the phrase's first and last token indices in the passage
    last: int = 0


def _unit_word(t: Token) -> bool:
    """A word that can specify a head: letters only (a hyphen allowed), no function word,
    reporting verb, figure or scale word."""
    return _unit_spelling(t.text)


@lru_cache(maxsize=200_000)
def _unit_spelling(w: str) -> bool:
    """``_unit_word`` from the spelling alone, looked up once per distinct word."""
    low = w.lower()
    return (len(w) >= 2 and is_alpha_word(w.replace("-", "")) and not is_function_word(low)
            and not _is_reporting(w) and low not in _SCALE_WORDS and low not in NUMBER_WORDS)


def _units(ctx: CheckContext, seqs: Mapping[str, _Seq]) -> list[_Unit]:
    """Every head-and-specifier unit of every passage (see ``_Unit``); a headline-style line
    (capitals there say nothing) gives none."""
    out = []
    titles: dict[tuple[str, int], bool] = {}  # (source, line start) -> a headline-style line
    for pid in sorted(seqs):
        q = seqs[pid]
        src = q.passage.source
        text = ctx.sources[src].text
        toks = q.toks
        n = len(toks)

        def blank(i: int) -> bool:  # only blanks between token i and i+1
            return i + 1 < n and bool(_COLLOC_GAP_RE.fullmatch(text, toks[i].end, toks[i + 1].start))

        for i, h in enumerate(toks):
            if not (len(h.text) >= 3 and _unit_word(h)):
                continue
            line = text.rfind("\n", 0, h.start) + 1
            title = titles.get((src, line))
            if title is None:
                title = titles[(src, line)] = in_title_line(text, h.start)
            if title:
                continue
            head = _head_key(h.text)
            nxt = toks[i + 1].text if blank(i) else None
            if nxt is not None and nxt.lower() == "of":
                # "Ministry of Agriculture": a capitalised head and its capitalised complement.
                k = i + 2
                if h.text[:1].isupper() and k < n and blank(i + 1) and toks[k].text == "the" and blank(k):
                    k += 1
                var: list[Token] = []
                ended = False
                while h.text[:1].isupper() and k < n and len(var) < _CALQUE_SPAN and _unit_word(toks[k]) \
                        and toks[k].text[:1].isupper() and blank(k - 1):
                    var.append(toks[k])
                    k += 1
                    if not blank(k - 1):
                        ended = True
                        break
                if var and (ended or k >= n or not (_unit_word(toks[k]) and toks[k].text[:1].isupper())):
                    out.append(_Unit(pid, src, head, "of", tuple(_head_key(t.text) for t in var), tuple(var), h,
                                     True, i, k - 1))
                continue
            if nxt is not None and nxt[:1].isupper():
                continue  # the name goes on ("Central Bank Governor")
            mods: list[Token] = []
            k = i - 1
            while k >= 0 and len(mods) < _CALQUE_SPAN and blank(k) and _unit_word(toks[k]) \
                    and not toks[k].text.endswith(("'s", "’s")) \
                    and (toks[k].text[:1].isupper() or not h.text[:1].isupper()):
                mods.append(toks[k])
                k -= 1
            if mods:
                mods.reverse()
                titled = h.text[:1].isupper() and all(t.text[:1].isupper() for t in mods)
                out.append(_Unit(pid, src, head, "mod", tuple(_head_key(t.text) for t in mods), tuple(mods), h,
                                 titled, k + 1, i))
    return out


def _calque_related(mine: Sequence[Token], theirs: Sequence[Token]) -> bool:
    """Whether WordNet links one of this source's specifying words to one of the others' (a
    shared sense, a near common ancestor, one a kind of the other: "Internal" / "Interior"), or
    one side is an abbreviation: a rendering that keeps the meaning."""
    if any(is_acronym(t.text) for t in (*mine, *theirs)):
        return True
    for x in mine:
        for y in theirs:
            a, b = x.text.lower(), y.text.lower()
            meaning = same_meaning(a, b)
            if (meaning is not None and meaning >= _MEANING_CHANGED) or share_ancestor(a, b) \
                    or more_general(a, b) or more_general(b, a):
                return True
    return False


def _calque_swaps(ctx: CheckContext, seqs: Mapping[str, _Seq]) -> list[Flag]:
    """In: the context and each passage as a ``_Seq``. Out: a term variant on the specifying words
    of a body's name (``_Unit``, capitalised, everyday words) that no other source prints, where
    at least ``_MIN_VOTES`` other sources print the same head specified by the same other words
    (sharing none with this source's), which this source never prints with that head, at the same
    place: in the same aligned group or a passage sharing ``_COLLOC_SHARED`` words with this one,
    or anywhere where this source and each of those sources specify the head one way only in the
    whole story (one body by that head). Failing that, other sources' units with other head
    words at the same place (``_framed_votes``: "the Sea Defence has sent" / "the Danish navy
    sent"). Medium; low, below the reporting floor, where WordNet links the words (a calque
    keeping the meaning) or one side is an abbreviation. Bounded: the others are a fixed sample,
    compared through indexes of units by head and by frame word."""
    units = _units(ctx, seqs)
    printed: dict[tuple[str, str, tuple[str, ...]], set[str]] = defaultdict(set)
    ways: dict[tuple[str, str, str], set[tuple[str, ...]]] = defaultdict(set)  # (source, head, side) -> vars
    for u in units:
        printed[(u.head, u.side, u.var)].add(u.source)
        ways[(u.source, u.head, u.side)].add(u.var)
    sample = _panel_sample(ctx)
    by_head: dict[tuple[str, str], list[_Unit]] = defaultdict(list)
    for u in units:
        if u.source in sample:
            by_head[(u.head, u.side)].append(u)
    # Units by the word that frames them (the content word right after, past an auxiliary, or
    # right before, past an article), for bodies named with other head words.
    frames = {u: _frame(ctx, seqs[u.pid], u) for u in units if u.source in sample}
    by_frame: dict[tuple[str, str], list[_Unit]] = defaultdict(list)
    for u, fs in frames.items():
        for f in fs:
            by_frame[f].append(u)
    source_keys: dict[str, set[str]] = defaultdict(set)
    for q in seqs.values():
        source_keys[q.passage.source] |= q.keyset
    group_of = ctx.group_of
    out = []
    done: set[tuple[str, int]] = set()
    for c in units:
        if not c.titled or printed[(c.head, c.side, c.var)] != {c.source}:
            continue
        text = ctx.sources[c.source].text
        lang = lang_of(ctx.sources[c.source])
        if not all(is_ordinary_word(t.text.lower(), lang) and zipf(t.text.lower(), lang) >= _CALQUE_EVERYDAY
                   and not is_acronym(t.text) for t in (*c.toks, c.head_tok)):
            continue
        mine = {stem(t.text.lower()) for t in c.toks}
        a = seqs[c.pid]
        g = group_of.get(c.pid)
        alone = len(ways[(c.source, c.head, c.side)]) == 1
        votes: dict[tuple[str, ...], dict[str, _Unit]] = defaultdict(dict)
        for d in by_head.get((c.head, c.side), ()):
            if d.source == c.source or d.var == c.var or d.source in votes[d.var]:
                continue
            if c.source in printed[(d.head, d.side, d.var)] or mine & {stem(t.text.lower()) for t in d.toks}:
                continue
            b = seqs[d.pid]
            shared = len((a.anchor_keys & b.anchor_keys) - {stem(c.head_tok.text.lower())} - mine)
            same_place = (g is not None and group_of.get(d.pid) is g) or shared >= _COLLOC_SHARED
            if same_place or (alone and len(ways[(d.source, d.head, d.side)]) == 1):
                votes[d.var][d.source] = d
        ranked = sorted(((len(v), k) for k, v in votes.items() if len(v) >= _MIN_VOTES), key=lambda nk: (-nk[0], nk[1]))
        framed = False
        if not ranked:
            votes = _framed_votes(ctx, seqs, c, mine, by_frame, frames, source_keys)
            ranked = sorted(((len(v), k) for k, v in votes.items() if len(v) >= _MIN_VOTES),
                            key=lambda nk: (-nk[0], nk[1]))
            framed = True
        if not ranked or (len(ranked) > 1 and ranked[1][0] == ranked[0][0]):
            continue
        key = (c.source, c.toks[0].start)
        if key in done:
            continue
        done.add(key)
        voters = votes[ranked[0][1]]
        first = voters[sorted(voters)[0]]
        # With other head words the heads are compared too ("Watch" / "patrol").
        related = (_calque_related((*c.toks, c.head_tok), (*first.toks, first.head_tok)) if framed
                   else _calque_related(c.toks, first.toks))
        start = min(c.toks[0].start, c.head_tok.start)
        end = max(c.toks[-1].end, c.head_tok.end)
        surfaces = Counter(_unit_text(ctx, d) for d in voters.values())
        expected = sorted(surfaces.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        n = len(voters)
        evidence = [span_of(ctx, o, min(d.toks[0].start, d.head_tok.start), max(d.toks[-1].end, d.head_tok.end))
                    for o, d in sorted(voters.items())][:_EVIDENCE_CAP]
        how = f"the same frame word '{_frame_word(ctx, seqs, c)}'" if framed else "the same head word"
        message = (f"'{text[start:end]}', printed by no other source, where {n} other sources name it "
                   f"'{expected}' ({how}, other words" + (", related in meaning)" if related else ")"))
        # A rendering that keeps the meaning is no accusation: kept below the reporting floor.
        out.append(make_flag(ctx, kind=Kind.TERM_VARIANT, source=c.source, start=start, end=end, expected=expected,
                             severity=Severity.LOW if related else Severity.MEDIUM,
                             confidence=(ctx.settings.min_confidence - _UNDER_FLOOR if related
                                         else 0.55 + 0.05 * min(n - 1, 3)),
                             group=g, message=message, evidence=evidence))
    return out


_AUXILIARIES = frozenset("has have had is was were are will would be been".split())
_ARTICLES = frozenset("the a an".split())


def _frame(ctx: CheckContext, q: _Seq, u: _Unit) -> tuple[tuple[str, str], ...]:
    """The words that frame a unit's phrase in its passage: ("next", key) for the first content
    word after it (past auxiliaries: "The navy has sent"), ("prev", key) for the last one before it
    (past articles: "followed the ..."), each only where it is a content word of letters."""
    out = []
    k = u.last + 1
    while k < len(q.toks) and q.toks[k].text.lower() in _AUXILIARIES:
        k += 1
    if k < len(q.toks) and q.anchor[k] and is_alpha_word(q.toks[k].text) and not q.toks[k].text[:1].isupper():
        out.append(("next", q.keys[k]))
    k = u.first - 1
    while k >= 0 and q.toks[k].text.lower() in _ARTICLES:
        k -= 1
    if k >= 0 and q.anchor[k] and is_alpha_word(q.toks[k].text) and not q.toks[k].text[:1].isupper():
        out.append(("prev", q.keys[k]))
    return tuple(out)


# Words besides the unit's own and its frame that a passage of another source must share with
# this one, where the two name a body with other head words.
_FRAME_SHARED = 3


def _framed_votes(ctx: CheckContext, seqs: Mapping[str, _Seq], c: _Unit, mine: set[str],
                  by_frame: Mapping[tuple[str, str], Sequence[_Unit]], frames: Mapping[_Unit, tuple],
                  source_keys: Mapping[str, set[str]]) -> dict[tuple[str, ...], dict[str, _Unit]]:
    """Other sources' units that stand where ``c`` stands with another head word: the same frame
    word (``_frame``) in a passage saying the same (the same aligned group, or ``_FRAME_SHARED``
    shared words), no word of the two phrases alike, the others' head printed nowhere by this
    source and ``c``'s words not all in their passage. Keyed by (head, specifying words)."""
    a = seqs[c.pid]
    g = ctx.group_of.get(c.pid)
    mine = mine | {stem(c.head_tok.text.lower())}
    votes: dict[tuple[str, ...], dict[str, _Unit]] = defaultdict(dict)
    for f in frames.get(c) or _frame(ctx, a, c):
        for d in by_frame.get(f, ()):
            if d.source == c.source or d.source in votes[(d.head, *d.var)]:
                continue
            theirs = {stem(t.text.lower()) for t in (*d.toks, d.head_tok)}
            if mine & theirs or stem(d.head_tok.text.lower()) in source_keys[c.source]:
                continue
            b = seqs[d.pid]
            if mine <= b.keyset:
                continue  # they print both names here: two bodies
            shared = len((a.anchor_keys & b.anchor_keys) - mine - theirs - {f[1]})
            if (g is not None and ctx.group_of.get(d.pid) is g) or shared >= _FRAME_SHARED:
                votes[(d.head, *d.var)][d.source] = d
    return {k: v for k, v in votes.items() if v}


def _frame_word(ctx: CheckContext, seqs: Mapping[str, _Seq], u: _Unit) -> str:
    """The word framing a unit (``_frame``), as printed, for the message."""
    q = seqs[u.pid]
    f = _frame(ctx, q, u)
    if not f:
        return ""
    side, key = f[0]
    idx = range(u.last + 1, len(q.toks)) if side == "next" else range(u.first - 1, -1, -1)
    return next((q.toks[k].text for k in idx if q.keys[k] == key), key)


def _unit_text(ctx: CheckContext, u: _Unit) -> str:
    """A unit as its source prints it ("central bank", "Ministry of Agriculture")."""
    start = min(u.toks[0].start, u.head_tok.start)
    end = max(u.toks[-1].end, u.head_tok.end)
    return ctx.sources[u.source].text[start:end]


# --- a person's title told otherwise ------------------------------------------------------------
#
# A title before a name ("Deputy Transport Minister Ana Ruiz") is capitalised, so the passes above
# leave it to the name check, which compares names, not offices. A translation or a hurried
# rewrite demotes or promotes the person ("Transport Minister Ana Ruiz"; a dropped deputy/vice is
# another office) or calls the office by a word of another kind ("Rector" for head teacher). The
# person is the anchor: the same surname (one slip of the keys allowed) with a title in front of
# it, read story-wide. Only titles printed right before the name count, so "the minister" after
# the full title, "Mr"/"Prof." and a bare surname are no evidence; a source printing the person
# with two titles (one held earlier in the story) is left alone.

# English title grammar: the words that make an office the second of its kind. A closed class,
# like the direction prefixes (not a list of offices).
_RANK_PARTS = frozenset("deputy vice assistant associate acting lieutenant".split())
_TITLE_LEAD = 2  # lower-case title words before a name ("chief executive Kim ...")
_APPOSITION = 4  # words before ", Name" searched for a rank ("the vice minister of Transport, ...")
_TITLE_VOTES = 2
_GAP_RE = re.compile(r"[ \t]+")
_JOINERS = frozenset({"of"})


@dataclass(frozen=True)
class _Titled:
    """One titled mention of a person (``key``: the surname, normalised): the title's tokens and
    whether it carries a rank word."""

    key: str
    title: tuple[Token, ...]
    ranked: bool
    given: str = ""  # the first word of the name before the surname, when printed


def _honorific(word: str) -> bool:
    """Mr, Dr, Prof. and their spelt-out forms ("Professor"): a form of address, no office."""
    low = normalize_word(word).rstrip(".")
    return low in HONORIFICS or any(low.startswith(h) for h in HONORIFICS if len(h) >= 4)


def _rank(toks: Sequence[Token]) -> bool:
    return any(normalize_word(part.text) in _RANK_PARTS for t in toks for part in word_parts(t))


def _misspelt_rank(toks: Sequence[Token]) -> bool:
    """A title word one slip of the keys from a rank word ("Voce Premier"): a garble, the garble
    check's, not an office told otherwise."""
    return any(normalize_word(part.text) not in _RANK_PARTS
               and any(OSA.distance(normalize_word(part.text), r) <= 1 for r in _RANK_PARTS)
               for t in toks for part in word_parts(t))


def _nounish(word: str, share: float = 0.5) -> bool:
    shares = pos_shares(word)
    return shares.get("noun", 0.0) >= share


_NAME_WORD_ZIPF = 3.5  # rarer than this as a word: a name even when a dictionary lists it ("Lotte")


def _name_word(t: Token, lang: str) -> bool:
    """A word of a person's name in a capitalised run: no dictionary word ("Vranken"), or one
    rarely used as a word; title words are everyday ("Minister", "Harbour"). Acronyms are no names."""
    if is_acronym(t.text):
        return False
    return all(not is_ordinary_word(p.text, lang) or zipf(p.text.lower(), lang) < _NAME_WORD_ZIPF
               for p in word_parts(t))


def _titled_mentions(ctx: CheckContext, passages: Sequence[Passage], lang: str) -> list[_Titled]:
    """In: one source's passages. Out: its mentions of a person with a title right before the name:
    a capitalised run ("Deputy Minister of Transport Ana Ruiz") whose trailing words are no
    dictionary words (the name) and whose leading words are (the title), or a name after up to
    ``_TITLE_LEAD`` lower-case nouns ("chief executive Kim Ji-hoon"), or after a comma that
    follows a ranked title (apposition, kept only as evidence of the rank)."""
    out: list[_Titled] = []
    for p in passages:
        text = ctx.sources[p.source].text
        toks = ctx.passage_tokens(p)
        i = 0
        while i < len(toks):
            if not toks[i].text[:1].isupper():
                i += 1
                continue
            j = i + 1
            while j < len(toks) and _GAP_RE.fullmatch(text[toks[j - 1].end:toks[j].start] or "x"):
                w = toks[j].text
                if w[:1].isupper() or (w in _JOINERS and j + 1 < len(toks) and toks[j + 1].text[:1].isupper()):
                    j += 1
                else:
                    break
            run = toks[i:j]
            start, i = i, j
            n = len(run)
            while n > 0 and _name_word(run[n - 1], lang):
                n -= 1
            if n == len(run) or len(run[-1].text) < 3:
                continue  # no name at the end of the run
            key = normalize_word(run[-1].text)
            given = normalize_word(run[n].text) if n < len(run) - 1 else ""
            title = [t for t in run[:n] if not _honorific(t.text)]
            while title and (is_function_word(title[0].text) or title[0].text in _JOINERS):
                title.pop(0)
            if title and title[-1].text in _JOINERS:
                continue
            if title:
                out.append(_Titled(key, tuple(title), _rank(title), given))
                continue
            if run[:n]:
                continue  # only a form of address ("Mr")
            lead: list[Token] = []
            k = start - 1
            while k >= 0 and len(lead) < _TITLE_LEAD and toks[k].text.islower() \
                    and _GAP_RE.fullmatch(text[toks[k].end:toks[k + 1].start] or "x") \
                    and not is_function_word(toks[k].text) and _nounish(toks[k].text, 0.3):
                lead.insert(0, toks[k])
                k -= 1
            if lead and _nounish(lead[-1].text):
                out.append(_Titled(key, tuple(lead), _rank(lead), given))
                continue
            if start > 0 and text[toks[start - 1].end:run[0].start] == ", ":
                before = []
                k = start - 1
                while k >= 0 and len(before) < _APPOSITION:
                    before.insert(0, toks[k])
                    if k == 0 or not _GAP_RE.fullmatch(text[toks[k - 1].end:toks[k].start] or "x"):
                        break
                    k -= 1
                if _rank(before):
                    out.append(_Titled(key, tuple(before), True, given))
    return out


def _title_swaps(ctx: CheckContext) -> Iterable[Flag]:
    """In: the context. Out: a term variant on a person's title where at least ``_TITLE_VOTES``
    other sources title the same person (the same surname, one edit allowed, and no other first
    name) otherwise and none as this source does: a rank word (deputy, vice-, acting) dropped or
    added. A title of another head word ("Rector" / "head teacher") is not read: on the
    development set it found 1 such swap and 12 legitimate ones (co-chair / minister, boss /
    president, principal / head teacher). Every source's mentions are
    read once; persons are matched through a one-edit index of the surnames, so the work grows
    with the number of mentions."""
    by_source: dict[str, list[Passage]] = defaultdict(list)
    for p in ctx.alignment.passages:
        by_source[p.source].append(p)
    found = {s: _titled_mentions(ctx, sorted(by_source[s], key=lambda p: p.start), lang_of(ctx.sources[s]))
             for s in sorted(by_source)}
    mentions: dict[str, dict[str, list[_Titled]]] = {}
    names = _name_words(ctx, [m for ms in found.values() for m in ms])
    for s, ms in found.items():
        per: dict[str, list[_Titled]] = defaultdict(list)
        for m in ms:
            m = _without_name_words(m, names)
            if m is not None:
                per[m.key].append(m)
        mentions[s] = per
    # Each source's reading of a person, as (first names printed, rank: True, False or None for
    # both) -> the sources reading it so; a few such readings per surname, however many sources.
    readings: dict[str, dict[tuple[frozenset[str], bool | None], set[str]]] = defaultdict(lambda: defaultdict(set))
    for s, per in mentions.items():
        for key, ms in per.items():
            ranks = {m.ranked for m in ms}
            readings[key][(frozenset(m.given for m in ms if m.given), ranks.pop() if len(ranks) == 1 else None)].add(s)
    near: dict[str, list[str]] = defaultdict(list)  # one-edit forms -> surnames (6 letters or more)
    for k in readings:
        if len(k) >= 6:
            for form in _deletions(k):
                near[form].append(k)
    for s in sorted(mentions):
        for key, mine in sorted(mentions[s].items()):
            ranks = {m.ranked for m in mine}
            if len(ranks) != 1:
                continue  # two titles in this source: one held earlier, or two persons
            mine_rank = ranks.pop()
            if not mine_rank and any(_misspelt_rank(m.title) for m in mine):
                continue
            keys = {key}
            if len(key) >= 6:
                keys |= {k for form in _deletions(key) for k in near.get(form, ()) if OSA.distance(k, key) <= 1}
            givens = {m.given for m in mine if m.given}
            agreeing = opposing = 0
            for k in sorted(keys):
                for (their_givens, rank), srcs in readings[k].items():
                    if their_givens and not any(_same_person(g, givens) for g in their_givens):
                        continue
                    n = len(srcs) - (s in srcs)  # counted, not copied: a person all sources name
                    if rank is None or rank == mine_rank:
                        agreeing += n
                    else:
                        opposing += n
            if agreeing or opposing < _TITLE_VOTES:
                continue
            opposed = {o for k in sorted(keys) for (their_givens, rank), srcs in readings[k].items()
                       if rank == (not mine_rank)
                       and (not their_givens or any(_same_person(g, givens) for g in their_givens))
                       for o in srcs if o != s}
            if len(opposed) < _TITLE_VOTES:
                continue  # one source counted under two spellings of the surname
            voters = sorted(opposed)[:_EVIDENCE_CAP]
            theirs = {o: next(m for k in sorted(keys) for m in mentions[o].get(k, ()) if m.ranked != mine_rank)
                      for o in voters}
            yield _title_flag(ctx, s, mine[0], theirs, len(opposed))


def _name_words(ctx: CheckContext, mentions: Sequence[_Titled]) -> frozenset[str]:
    """The capitalised words read as a title's last word that may be a person's given name: printed
    before one person's surname only (one slip of the keys allowed) and never in lower case in
    the story ("Anna" before "Wierzbicka", though a dictionary lists "anna"). An office is a
    common noun: printed in lower case somewhere ("the deputy mayor of ...") or before the names
    of several persons ("Minister")."""
    keys: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        keys[normalize_word(m.title[-1].text)].add(m.key)
    single = {w for w, ks in keys.items() if all(OSA.distance(k, min(ks)) <= 1 for k in ks)}
    if not single:
        return frozenset()
    lower = {normalize_word(x.text) for p in ctx.alignment.passages for t in ctx.passage_tokens(p)
             if t.text.islower() for x in (t, *word_parts(t))}
    return frozenset(single - lower)


def _without_name_words(m: _Titled, names: frozenset[str]) -> _Titled | None:
    """``m`` with a given name read as the last word of its title taken off (``_name_words``; only
    in the given name's place, right before the surname, and one word), or None when nothing of
    the title is left."""
    if m.given or normalize_word(m.title[-1].text) not in names:
        return m
    title = m.title[:-1]
    if not title:
        return None
    return _Titled(m.key, title, _rank(title), normalize_word(m.title[-1].text))


def _same_person(given: str, givens: set[str]) -> bool:
    """Whether a mention with first name ``given`` can be of the person this source names with
    ``givens`` (a surname shared by two people: "Ana Ruiz" and "Pedro Ruiz" are two persons). No
    first name on either side, an initial, or one within two edits (a transliteration) is the
    same person."""
    if not given or not givens:
        return True
    g = given.rstrip(".")
    return any(x.rstrip(".")[:1] == g[:1] and (len(g) == 1 or len(x.rstrip(".")) == 1
                                               or OSA.distance(g, x.rstrip(".")) <= 2) for x in givens)


def _title_flag(ctx: CheckContext, source: str, first: _Titled, opposed: Mapping[str, _Titled],
                votes: int) -> Flag:
    """The flag on this source's first titled mention of a person (``first``), against the
    titles of the other sources (``opposed``, up to the evidence cap; ``votes`` of them in all)."""
    text = ctx.sources[source].text
    start, end = first.title[0].start, first.title[-1].end
    shown = Counter(_text_of(ctx, o, m) for o, m in opposed.items())
    expected = sorted(shown.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    evidence = [span_of(ctx, o, m.title[0].start, m.title[-1].end) for o, m in sorted(opposed.items())]
    change = "a rank word added" if first.ranked else "a rank word dropped"
    message = (f"'{text[start:end]}' where {votes} other sources title the same person '{expected}' "
               f"({change}: another office)")
    return make_flag(ctx, kind=Kind.TERM_VARIANT, source=source, start=start, end=end, expected=expected,
                     severity=Severity.MEDIUM, confidence=min(0.8, 0.5 + 0.05 * votes), group=None,
                     message=message, evidence=evidence[:_EVIDENCE_CAP])


def _text_of(ctx: CheckContext, source: str, m: _Titled) -> str:
    return ctx.sources[source].text[m.title[0].start:m.title[-1].end]


# --- a source inconsistent with itself ----------------------------------------------------------
#
# Machine translation renders one source word anew in every sentence: a source prints the story's
# unit ("harbour dues") in most places and, at one place where the other sources print the same
# word, another member ("harbour tithes"). The source's own wording elsewhere shows the two are one
# thing named two ways within one article, not a different thing only this source mentions.

# Other sources that print the unit somewhere in the story, at least (the story's wording).
_SELF_ESTABLISHED = 2
# Other passages of this source that print the others' word, at least (its own usual word).
_SELF_OWN = 2


def _self_swaps(ctx: CheckContext, seqs: Mapping[str, _Seq], colls: Sequence[_Colloc] | None = None) -> list[Flag]:
    """In: the context and each passage as a ``_Seq``. Out: a term variant for each member B of a
    two-word unit (A B) only its source prints, outside a quotation, where that source prints
    (A C) itself in another passage and C in at least ``_SELF_OWN`` other passages, at least
    ``_SELF_ESTABLISHED`` other sources print (A C) in the story and at least ``_MIN_VOTES`` of
    them print C in a passage saying the same (the same aligned group, or ``_COLLOC_SHARED``
    anchoring words shared besides the unit's), one of them the whole unit (A C) there, this
    passage not printing C. B is a word no other source prints; B, C and A are mostly nouns, A a
    lower-case word (not a name); WordNet must not give B and C one meaning or make one a kind of
    the other (a rewording). Medium; low (below the reporting floor) where both are everyday words.

    Measured on the development stories: without the noun, name and quotation conditions the
    same consensus found some 30 places, one a mistranslation; the rest were units that are no
    unit ("Niigata days before", "carry food"), quoted wording, or two things a story names
    side by side ("energy prices" / "gas prices"). Bounded: witnesses are a fixed sample of the
    sources, found through an index by key. ``colls``: the units (``_collocations``) if read
    already."""
    if colls is None:
        colls = _collocations(ctx, seqs)
    printed: dict[tuple[str, int, str], set[str]] = defaultdict(set)
    where: dict[tuple[str, int, str, str], set[str]] = defaultdict(set)  # unit, source -> pids
    heads: dict[tuple[str, int, str], dict[str, Token]] = defaultdict(dict)  # anchor, side, source
    for c in colls:
        printed[(c.anchor, c.side, c.head)].add(c.source)
        where[(c.anchor, c.side, c.head, c.source)].add(c.pid)
        heads[(c.anchor, c.side, c.source)].setdefault(c.head, c.tok)
    # The units' own conditions first: the story-wide counts are then taken for their words only.
    cands = []
    for c in colls:
        if printed[(c.anchor, c.side, c.head)] != {c.source} or not _self_anchor(c.other):
            continue
        a = seqs[c.pid]
        i = next(k for k, t in enumerate(a.toks) if t.start == c.tok.start)
        if a.quoted[i] or not a.content[i] or not _nounish(c.tok.text):
            continue
        for head, t in sorted(heads[(c.anchor, c.side, c.source)].items()):
            unit = (c.anchor, c.side, head)
            if head == c.head or not where[(*unit, c.source)] - {c.pid} \
                    or len(printed[unit] - {c.source}) < _SELF_ESTABLISHED:
                continue
            c_key = stem(t.text.lower())
            if c_key not in a.keyset and _nounish(t.text):
                cands.append((c, a.keys[i], unit, t, c_key))
    if not cands:
        return []
    needed = frozenset(x[1] for x in cands) | frozenset(x[4] for x in cands)
    sample = _panel_sample(ctx)
    sources_of: dict[str, set[str]] = defaultdict(set)
    with_key: dict[str, list[str]] = defaultdict(list)  # key -> sample passages printing it
    own_count: Counter[tuple[str, str]] = Counter()  # (source, key) -> passages printing it
    for pid in sorted(seqs):
        q = seqs[pid]
        src = q.passage.source
        for k in q.keyset & needed:
            sources_of[k].add(src)
        for k in q.content_keyset & needed:
            own_count[(src, k)] += 1
            if src in sample:
                with_key[k].append(pid)
    group_of = ctx.group_of
    out = []
    done: set[tuple[str, int]] = set()
    for c, b_key, unit, t, c_key in cands:
        if (c.source, c.tok.start) in done or sources_of[b_key] != {c.source} \
                or own_count[(c.source, c_key)] < _SELF_OWN:
            continue
        a = seqs[c.pid]
        voters, at = _self_voters(seqs, with_key.get(c_key, ()), a, c, c_key, b_key, group_of)
        # One of them prints the whole unit there: the slot is the unit's, not a word nearby
        # ("global superpowers" where the others say "the largest economies").
        if len(voters) < _MIN_VOTES or not any(at[o] in where[(*unit, o)] for o in voters):
            continue
        mine, theirs = c.tok.text.lower(), t.text.lower()
        meaning = same_meaning(mine, theirs)
        if (meaning is not None and meaning >= MEANING_KEPT) or more_general(mine, theirs):
            continue
        done.add((c.source, c.tok.start))
        out.append(_self_flag(ctx, c, t.text, voters))
    return out


def _self_anchor(t: Token) -> bool:
    """Whether a unit's shared member makes a compound noun with the other: a lower-case word (no
    name or sentence-initial capital) used mostly as a noun ("chemistry", "oil"), not a verb
    taking an object ("carry food") or an adjective that qualifies many things ("global
    superpowers" beside "global economy" names two things, not one twice)."""
    return t.text.islower() and _nounish(t.text)


def _self_voters(seqs: Mapping[str, _Seq], pids: Sequence[str], a: _Seq, c: _Colloc, c_key: str, b_key: str,
                 group_of) -> tuple[dict[str, Token], dict[str, str]]:
    """Per other source, its token of the key ``c_key`` in its first passage (of ``pids``) saying
    the same as ``a`` (the same aligned group, or sharing ``_COLLOC_SHARED`` anchoring words
    besides the unit's), and that passage's id."""
    g = group_of.get(a.passage.id)
    own = {c.anchor, b_key, c_key}
    voters: dict[str, Token] = {}
    at: dict[str, str] = {}
    for pid in pids:
        q = seqs[pid]
        o = q.passage.source
        if o == c.source or o in voters:
            continue
        same_group = g is not None and group_of.get(pid) is g
        if not same_group and len((a.anchor_keys & q.anchor_keys) - own) < _COLLOC_SHARED:
            continue
        voters[o] = next(t for t, k in zip(q.toks, q.keys) if k == c_key)
        at[o] = pid
    return voters, at


def _self_flag(ctx: CheckContext, c: _Colloc, expected: str, voters: Mapping[str, Token]) -> Flag:
    """The flag for a member this source prints once against its own and the others' word
    (``_self_swaps``): medium, low where both words are everyday words (likely a paraphrase)."""
    text = ctx.sources[c.source].text
    lang = lang_of(ctx.sources[c.source])
    start, end = min(c.tok.start, c.other.start), max(c.tok.end, c.other.end)
    everyday = zipf(c.tok.text.lower(), lang) >= _EVERYDAY_ZIPF and zipf(expected.lower(), lang) >= _EVERYDAY_ZIPF
    votes = len(voters)
    evidence = [span_of(ctx, o, t.start, t.end) for o, t in sorted(voters.items())][:_EVIDENCE_CAP]
    message = (f"'{c.tok.text}' in '{text[start:end]}', printed by no other source, where {votes} other sources "
               f"print '{expected.lower()}' in a sentence saying the same and this source itself prints "
               f"'{expected.lower()}' with '{c.other.text}' elsewhere (one word rendered two ways)")
    confidence = 0.5 + 0.05 * min(votes - 1, 3)
    if everyday:
        # Two everyday words for one thing are usually the writer's variation: kept below the
        # reporting floor, as swaps of everyday words are elsewhere in this check.
        confidence = ctx.settings.min_confidence - _UNDER_FLOOR
    return make_flag(ctx, kind=Kind.TERM_VARIANT, source=c.source, start=c.tok.start, end=c.tok.end,
                     expected=expected.lower(), severity=Severity.LOW if everyday else Severity.MEDIUM,
                     confidence=confidence, group=ctx.group_of.get(c.pid), message=message, evidence=evidence)
