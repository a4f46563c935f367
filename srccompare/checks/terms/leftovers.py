"""Words of one source's own in a sentence reworded beyond alignment: a word only this source
prints against the one word left unpaired in the other sources' renderings of that sentence.

In: the context, story stems, words and sequences. Out: flags.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from functools import lru_cache
from typing import Iterable, Mapping, Sequence

from srccompare.checks.base import CheckContext, Token, make_flag, span_of
from srccompare.checks.lexicon import (
    MEANING_KEPT,
    pos_shares,
    is_ordinary_word,
    is_alpha_word,
    is_function_word,
    lang_of,
    more_general,
    panel_order,
    same_meaning,
    share_ancestor,
    shared_prefix,
)
from srccompare.models import Flag, Group, Kind, Severity
from srccompare.checks.terms.words import (
    _EVIDENCE_CAP,
    _MAX_OTHERS,
    _MIN_VOTES,
    _SCALE_WORDS,
    _Seq,
    _Word,
    _heard,
    _is_reporting,
    _known,
    _majority,
    _panel_sample,
    _same_derivation,
    _slip,
    _stem_zipf,
    _story_stems,
)
from srccompare.checks.terms.meaning import (
    _FAMILY_EVERYDAY,
    _MEANING_CHANGED,
    _NOUN_SHARE,
    _apart,
    _meaning,
    _same_pos,
    family_zipf,
)
from srccompare.checks.terms.consensus import _near, _with_particle


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
    # Every passage of the sampled sources is a possible witness, wherever the alignment put it:
    # this pass finds the sentences saying the same by their own shared words, names and figures.
    # A ``Group.loose`` member among them too, as when the alignment's extra passes are off and it
    # stands alone (``words._alone``). Measured with both passes on: no flag changed on the
    # development set (hand-written and generated) against leaving loose members out.
    index: dict[str, list[str]] = defaultdict(list)
    for pid in sorted(seqs):
        q = seqs[pid]
        if q.passage.source in chosen:
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
                else:
                    cands = [j for j in cands if _same_place(mine, i, theirs, j)]
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
            if not _majority(n, len(others)):
                continue  # as many sentences saying the same print no such word there: no consensus
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
                # As in ``_judge``: a source the alignment placed here that gave no such sentence
                # was heard already (its wording is a paraphrase, no witness; ``_heard``).
                users -= _heard(ctx.group_of.get(pid), pid, lambda q: any(_family(w.stem, term) for w in words[q.id]))
                if len(users) < _MIN_VOTES:
                    continue
            out.append(_left_flag(ctx, s, w, voters, len(others), ctx.group_of.get(pid)))
        out.extend(_sister_swaps(ctx, s, mine, sister_votes, len(others), ctx.group_of.get(pid), a_text,
                                 lang_of_source[s]))
    return out


def _same_place(mine: Sequence[_Word], i: int, theirs: Sequence[_Word], j: int) -> bool:
    """Whether ``mine[i]`` and ``theirs[j]`` can stand at one place of two renderings of a
    sentence: unless every word both print (the same stem) that falls on one side of the one falls
    on the other side of the other. A sentence reworded may turn its clauses round ("police said
    two nights of riots led the mayor to order a curfew"), which leaves some shared words on the
    same side; a word the other sentence prints across all its shared wording ("the irritation
    is great: 'Hamburg needs ...'" / "'Hamburg needs ...,' said its spokesman") renders something
    else there. Measured (470 stories with generated): 3 false positives gone ('irritation' /
    'spokesman' hand-written and generated, 'growers' / 'highland'), no hit lost; requiring more
    shared words on the same side than across lost 'parquet' / 'prosecution' as well."""
    pos_b: dict[str, int] = {}
    for k, y in enumerate(theirs):
        pos_b.setdefault(y.stem, k)
    seen: set[str] = set()
    same = crossed = 0
    for k, x in enumerate(mine):
        if k == i or x.stem in seen or x.stem not in pos_b or pos_b[x.stem] == j:
            continue
        seen.add(x.stem)
        if (k < i) == (pos_b[x.stem] < j):
            same += 1
        else:
            crossed += 1
    return same > 0 or crossed == 0


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
