"""Align passages across sources: which sentences of different articles report the same thing.

Two steps, each a plain function of what came before:

1. ``count_vectors(passages, settings)``: one source's passages -> raw hashed term counts, word
   1-2-grams beside character n-grams (``char_wb``). Per source, so the rerun cache can keep it.
2. ``align(sources, passages, settings, counts=...)``: every source's counts -> TF-IDF (word and
   character parts weighted and renormalised) -> sparse top-k neighbours across sources above
   ``settings.min_similarity`` -> groups of passages that report the same thing, and the passages
   that found no counterpart.

Scale: nothing dense of size passages x passages (or sources x sources) is ever built. The neighbour
search is a sparse product that keeps only the top k per row. Its work is the sum over features of
(passages holding the feature)^2, so a feature in more than ``settings.max_df`` passages is searched
in blocks of at most that many passages, and one that is also in more than ``MAX_DF_SHARE`` of all
passages is left out (see ``_searchable``). Every feature still counts in each passage's norm, so a
similarity is never inflated by the search: it can only come out lower than the true cosine. Below
``max_df`` passages per feature (any corpus of up to ``max_df`` sources) the search is exact.

Grouping (why not connected components): the neighbour graph chains unrelated sentences through
bridges ("Bessent told Fox News ..." links many different quotes). Groups are built by greedy
agglomeration over the cross-source edges, strongest first, and two groups merge only if

* every source still contributes one contiguous run of passages (at most ``MAX_RUN``): a source
  that split a sentence another merged may bring both halves, two unrelated sentences may not;
* each source that has passages on both sides is *justified*: some passage of another source in the
  merged group is similar to both its halves (that is what a merged sentence looks like);
* the source pairs the merge newly links are, on average, linked: the mean over those pairs of
  their best similarity (0 where no edge) is at least ``LINK_FRACTION * min_similarity``. A bridge
  of one edge between two groups of several sources fails this; a passage that is similar to most
  of a group passes. (With more sources than ``top_k`` a passage cannot show an edge to all of
  them, so only ``top_k`` pairs per source are expected.)

A group may therefore hold several passages of one source (a split sentence), and one story
sentence may end up in more than one group when very many sources report it (more than ``top_k``,
and above ``max_df`` blocked by position).

Second pass (``settings.gap_align``, on by default; ``_gap_pairs``): articles on one event tell
much of it in the same order, as sentence aligners for translations assume (Gale-Church,
hunalign, vecalign anchors). For two sources, the groups both belong to are anchors; a passage
still alone and a passage of the other source (alone, or in a group without this source) may pair
at the lower ``settings.gap_similarity`` when they lie between the same two anchors (or the start
/ end of both sources and one anchor), or right beside the same anchor on the same side, and are
each other's best such match. A passage joins an existing group only if its mean best similarity
to the group's sources reaches the same threshold. Similarity alone cannot do this: on the seeds a
true pair and a pair that only shares names both score 0.19-0.22. The members it adds are listed in
``Group.loose``. A group that already holds this source counts too when it holds only the
passages right beside this one (``_Groups.room_for``): two sources that both split a statement
("The minister would not point fingers." | "\"We have no evidence ...\"") end up in one group
with each half's link running across, which the first pass's split-sentence rule (one passage
similar to both halves) does not see, so the second half stayed alone. That added 37 of 1,501
unaligned passages of the 92 development stories (harness unchanged) and at 1,000 bench sources
unaligned 147 -> 127, coverage 97.1 -> 97.2%, purity 95.6% both. Measured: seeds 34 -> 37 of 146 passages aligned (all three additions right);
the 16 development cases 412 -> 494 of 638; bench corpora against the generator's labels: 100
sources coverage 97.5 -> 97.6%, purity 95.7 -> 95.7%; 1,000 sources coverage 95.7 -> 97.1%, purity
95.8 -> 95.6% (unaligned 554 -> 147); 10,000 sources coverage 95.9 -> 97.0%, purity 95.2 -> 95.0%
(unaligned 4,769 -> 1,443). Cost (CPU, same process): the pass itself 0.2 s of ~4 s of align at
1,000 sources, 3.1 s of 53 s at 10,000; peak memory unchanged (2.6 GB at 10,000). It was off
by default at first because the term check compared group members word for word and flagged the
synonyms of these paraphrases (term precision .71 -> .48); the checks now read ``Group.loose``
members as paraphrase witnesses (below).

Anchor pass (``settings.anchor_align``, on by default; ``_anchor_pairs``): a machine translation
may word an event so differently that its cosine to the wire's sentence is under even
``gap_similarity``, while the proper nouns and figures come through ("Solbakk", "1,800"/"1.800").
A passage still alone pairs with one of another source (alone, or in a group without this source)
that shares at least ``ANCHOR_MIN_SHARED`` rare anchors (capitalised words inside a sentence and
figures, each in at most ``ANCHOR_MAX_DF`` and twice-the-sources passages), at
``settings.anchor_similarity``, when their order agrees as in the second pass and each is the
other's best; what it adds is listed in ``Group.loose`` too. Measured on the 67 hand-written
development stories (3,690 passages): unaligned passages 1,474 -> 1,218; expected flags whose
place is unaligned 237 -> 148 of 721 (the transfer subset of 15 stories: 64 -> 36 of 175), with
the expected form in the group 339 -> 413; of 35 added members sampled, 33 judged right. Bench
corpora: unchanged (their sentences repeat across hundreds of sources, so no anchor is rare).
Cost: align at 1,000 bench sources 4.2 -> 5.4 s (medians of 3, loaded machine). It was off by
default at first because the checks did not turn any of it into findings: hand-written TP 556 -> 555, FP 45 -> 46
(names 3 -> 5: the name check compares loose members word by word, "old" in "71 year old" against
"Ola" at the same place), transfer TP 120 -> 120, FP 19 -> 18; the date, number and term checks
mostly judge an unaligned place from story-wide consensus already, and several places the pass
aligns right (a weekday two grouped sources contradict) stay unflagged for reasons of the checks.

Both passes on by default (session 6): every check now reads ``Group.loose`` members as paraphrase
witnesses (a loose member's names, figures, dates, speakers and shared claim count; its ordinary
words are no word-for-word counterpart). Quality harness, 78 development stories + generated
corpora, TP / FP: before the checks read them, passes off 1116 / 153, both on 1118 / 171; after,
passes off 1128 / 136, both on 1134 / 135, equal or better in every kind (hand-written unaligned
misses 102 -> 41 of 219).

Mutual pass (on with ``settings.gap_align``; ``_mutual_pairs``): a passage still alone after both
order-aware passes joins a group when it and one of the group's passages are each other's best
match in the other's whole article (``MUTUAL_SIMILARITY`` 0.18 or more) and it fits the group
(``_group_link`` at ``MUTUAL_FIT`` 0.24). A translation or a blog tells details in another
paragraph, where no order vouches for them; a sentence that only shares a name with another usually
loses it to the sentence telling the same thing, and the group it joins must agree. Two passages
both alone never pair here. It is a narrower vote pass: one mutual choice plus the group's fit,
instead of the best matches of two sources. Measured in session 12 against 1e0ab56, full harness
(218 stories + generated corpora): TP 2885 -> 2891, FP 604 -> 608, no hit lost; gained an
attribution, a quote, three names and a weekday (6 authors, one of them in the blind-written 31-34),
the new false positives are flags on correct joins (a transliterated surname, a translated quote
and its speaker). Misses whose place is unaligned: authors 31-34 32 -> 28, 21-30 88 -> 77. Fit
0.18 instead of 0.24: +7 / +11 (one hit lost). Bench, 1,000 sources: the pass costs 0.27 s CPU of
7.8 s align, unaligned passages 127 -> 109, coverage 97.2 -> 97.3%, purity 95.6% both.

Placed pass (on with both ``settings.gap_align`` and ``settings.anchor_align``; ``_placed_pairs``):
each pass above takes one witness and asks a similarity high enough to make up for the other, the
gap pass the order, the mutual pass the choice out of both whole articles. A translation or a
paraphrase can word a sentence so far from the others that it fails both ("the works must begin in
August" against "construction is expected to begin in April"). A passage still alone joins the
group of a passage when both witnesses agree: they sit at the same place (``_order_agrees``) and
each is the other's best match in the other's whole article, at ``settings.anchor_similarity``, and
the passage fits the group at that floor too; the partner must be grouped already. Traced on the 40
misses of authors 51-58 whose place was unaligned: the gate of 6 (4 authors) was this, a mutual and
order-agreeing pair under ``gap_similarity`` or under the group fit; the next gates were the run
rule (``room_for``: the source already has a passage in the group, elsewhere; 7 misses, 5 authors)
and the fit after a pair chosen without order (3 misses). Full harness (386 stories + generated
corpora) against 6ce9265: TP 5145 -> 5151, FP 1041 -> 1044; hits gained on dates (a weekday or month
of a translation beside the others', 4, two of them generated), an attribution (2) and a quote, by
authors 23, 42, 56, 57 and unowned stories, one attribution lost (author 31); the new false
positives are attributions (3) and a name on a translation's joined sentence. On the hand-written
development stories 459 passages joined with no fit asked (of 25 sampled, 20 right), 403 at the fit
floor (the 56 between them about half wrong). Bench, 100 sources: align CPU 0.58 s either way
(medians of 5, in-process), coverage 97.6%, purity 95.7%, unaligned 7 -> 6.

Halves pass (on with the placed pass; ``_half_pairs``): a translation often tells one sentence of
the others in two ("The salvage costs are estimated at 2.5 million euro." | "Those are for account
of the shipowner and its."). The others' sentence chooses one half, which the earlier passes
group with it; the other half is nobody's choice and sits beside that group, not at the same place
as anything, so no pass above takes it. A passage still alone joins the group of its best match y
in another whole article when y's best match in its own source is the passage right beside it and
already in y's group, the two
halves share next to nothing (under ``anchor_similarity``: a next sentence telling the same part
again is no half), the passage ends as a statement does (a headline, a subheading or a question is
no half), and every name the passage prints is a word of the group's other sources. No
fit is asked: a half resembles only part of what the group says. The names are what keep an
unrelated next sentence out: session 19 joined such halves without them and added a false
positive on a blind set, "Ms Saarsalu did not say whether the board would seek more funding"
joined beside a spokesman's "would review whether the portal needed more capacity"; the other
half of a sentence names nobody the whole sentence does not.

Vote pass (``settings.vote_align``, off by default; ``_vote_pairs``): a translation may also tell
the story in another order, so neither order nor two shared rare anchors place a sentence whose
counterparts are plain to see: its best match in each of two or more other sources sits in one
group, at ``VOTE_SIMILARITY`` (0.15) or more. That group takes it as a loose member, if it has room
for its source. Measured in session 11 on the 70 least-tuned development stories (authors 21-30):
expected flags whose place is unaligned 98 -> 74 of 804, 18 of them now in a group with the
expected form; of those places sampled, the joins were right ("televisions" beside the others'
"receivers", "420 thousand dollars" beside "$240,000"). It is off because the checks do not turn
these places into findings yet: full harness (190 stories + generated) TP 2502 -> 2505, FP 534 ->
550, 12 of the new false positives name flags on a loose member's words ("Ministry", a province's name).
"""

from __future__ import annotations

import functools
import hashlib
import math
import re
from dataclasses import dataclass
from typing import Mapping, Sequence

import numpy as np
import scipy.sparse as sp
from scipy.sparse import csr_matrix
from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer
from sparse_dot_topn import sp_matmul_topn

from srccompare.models import Alignment, Group, Passage, Source
from srccompare.settings import Settings

# Share of the combined similarity that comes from word 1-2-grams; the rest comes from character
# n-grams, which carry misspelt names ("Becent"/"Bessent") and run-together words. Measured on a
# labelled set of 22 counterpart pairs in the seeds (bench/README.md): with words alone a true pair
# had on average 108 unrelated cross-source pairs scoring above it, with 0.5 it had 56; with
# characters alone unrelated pairs scored higher (99.5th percentile 0.31 against 0.23 at 0.5), so
# a threshold separates them worse. 0.3-0.5 were equally good; 0.5 keeps word order (bigrams) in.
WORD_WEIGHT = 0.5

# Two groups merge only if the source pairs they newly link have a mean best similarity of at least
# this fraction of ``settings.min_similarity``: as if each new pair needed an edge, but a strong edge
# makes up for a missing one. Measured on the 100-source bench corpus against the generator's labels:
# 0 (plain greedy single linkage within the run rules) gave 81% pure groups, 0.5 93%, 1.0 96%, 1.5
# 96% with more passages left unaligned; coverage stayed at 98% from 0 to 1.0.
LINK_FRACTION = 1.0

# Most passages one source may contribute to one group: a sentence split into up to three.
MAX_RUN = 3

# Extra neighbours asked of the sparse product per row, because the row itself and same-source
# passages come back too and are dropped afterwards.
SAME_SOURCE_SLACK = 8

# A feature in more than this share of all passages (and in more than ``settings.max_df``) is left
# out of the neighbour search altogether; see ``_searchable``.
MAX_DF_SHARE = 0.05

# Passages in one block of a feature that is searched in blocks, as a share of ``settings.max_df``:
# the work such a feature costs is its passage count times the block size. A quarter measured
# 4x cheaper at 10,000 bench sources than whole max_df blocks, with the same coverage.
BLOCK_SHARE = 0.25

# Second pass (``_gap_pairs``): how far from a passage, in passages of its own source, the aligned
# passage that bounds its gap is looked for. A gap longer than this on either side is not bridged:
# the further apart two anchors are, the less their order says about what lies between them.
GAP_REACH = 6

# Second pass: neighbours asked of the low-threshold search per unaligned passage (before the
# same-source slack). Only the best order-consistent one per other source is kept anyway.
GAP_TOP_K = 8

# Second pass: at most this many rounds (each over the passages still alone).
GAP_ROUNDS = 3

# Rows per chunk when weighting TF-IDF parts (bounds temporary arrays).
_TFIDF_CHUNK_ROWS = 32_768

# Rows per block of the sparse product; bounds the memory of one product call.
BLOCK_ROWS = 65_536

# Punctuation becomes a space before counting, so that curly and straight quotes, brackets and
# dashes do not make "“We" and "\"We" different character n-grams.
_PUNCT_RE = re.compile(r"[^\w\s]+")


def _preprocess(text: str) -> str:
    """Lower-case ``text`` and turn every run of punctuation into one space."""
    return _PUNCT_RE.sub(" ", text.lower())


@functools.lru_cache(maxsize=8)
def _vectorizers(n_features: int, char_min: int, char_max: int) -> tuple[HashingVectorizer, HashingVectorizer]:
    """The word and character hashing vectorizers for these settings (stateless, so shared).

    They get text that ``_preprocess`` has already lower-cased and cleaned.
    """
    common = dict(n_features=n_features, alternate_sign=False, norm=None, dtype=np.float32, lowercase=False)
    words = HashingVectorizer(analyzer="word", ngram_range=(1, 2), **common)
    chars = HashingVectorizer(analyzer="char_wb", ngram_range=(char_min, char_max), **common)
    return words, chars


# Character n-grams of each word seen so far, per (n_features, char_min, char_max): ``char_wb``
# n-grams never cross a space, so a passage's character counts are the sum of its words' counts, and
# a word is hashed once per process instead of once per occurrence (the vocabulary of a corpus grows
# far slower than its length). A pure speed-up: the result is what HashingVectorizer gives on the
# whole passage. Cleared when it grows past _WORD_MEMO_LIMIT words.
_WORD_MEMO: dict[tuple[int, int, int], dict[str, tuple[np.ndarray, np.ndarray]]] = {}
_WORD_MEMO_LIMIT = 400_000


def _char_counts(docs: Sequence[str], chars: HashingVectorizer, key: tuple[int, int, int]) -> csr_matrix:
    """``chars.transform(docs)``, computed word by word through the memo (same numbers)."""
    memo = _WORD_MEMO.setdefault(key, {})
    ids: dict[str, int] = {}
    col: list[int] = []
    indptr = [0]
    for doc in docs:
        for w in doc.split():
            col.append(ids.setdefault(w, len(ids)))
        indptr.append(len(col))
    vocab = list(ids)
    missing = [w for w in vocab if w not in memo]
    if missing:
        if len(memo) + len(missing) > _WORD_MEMO_LIMIT:
            memo.clear()
            missing = vocab
        fresh = chars.transform(missing)
        for i, w in enumerate(missing):
            lo, hi = fresh.indptr[i], fresh.indptr[i + 1]
            memo[w] = (fresh.indices[lo:hi], fresh.data[lo:hi])
    rows = [memo[w] for w in vocab]
    if not rows:
        return csr_matrix((len(docs), key[0]), dtype=np.float32)
    # Multiply in a compact column space: scipy's sparse product allocates work arrays as wide as
    # the matrix, and the hashed space is a million columns wide.
    hashed = np.concatenate([r[0] for r in rows])
    local_cols, local_index = np.unique(hashed, return_inverse=True)
    word_chars = csr_matrix(
        (np.concatenate([r[1] for r in rows]), local_index.astype(np.int32),
         np.concatenate([[0], np.cumsum([r[0].size for r in rows])])),
        shape=(len(vocab), local_cols.size),
    )
    occurrences = csr_matrix(
        (np.ones(len(col), dtype=np.float32), np.asarray(col, dtype=np.int32), np.asarray(indptr, dtype=np.int64)),
        shape=(len(docs), len(vocab)),
    )
    local = (occurrences @ word_chars).tocsr()
    return csr_matrix((local.data.astype(np.float32, copy=False), local_cols[local.indices].astype(np.int32), local.indptr),
                      shape=(len(docs), key[0]))


def count_vectors(passages: Sequence[Passage], settings: Settings) -> csr_matrix:
    """Raw hashed term counts of one source's passages: one row per passage, in the order given.

    Columns ``[0, n_features)`` are word 1-2-grams, ``[n_features, 2 * n_features)`` character
    n-grams within word boundaries (``char_ngram_min..char_ngram_max``), both counted by
    scikit-learn's ``HashingVectorizer`` on the lower-cased text with punctuation turned to spaces.
    The result depends only on these passages and the settings, so the rerun cache may keep it per
    source.
    """
    key = (settings.n_features, settings.char_ngram_min, settings.char_ngram_max)
    words, chars = _vectorizers(*key)
    docs = [_preprocess(p.text) for p in passages]
    if not docs:
        return csr_matrix((0, 2 * settings.n_features), dtype=np.float32)
    both = sp.hstack([words.transform(docs), _char_counts(docs, chars, key)], format="csr", dtype=np.float32)
    both.sort_indices()
    return both


def weighted_tfidf(counts: csr_matrix, n_features: int, *, word_weight: float = WORD_WEIGHT) -> csr_matrix:
    """Stacked counts (all sources) -> one l2-normalised TF-IDF matrix, float32.

    scikit-learn's ``TfidfTransformer`` (sublinear tf, smooth idf) weights every column; idf is per
    column, so one transformer over both parts gives each analyzer its own idf. Each part (words,
    characters) is then l2-normalised on its own and scaled by ``sqrt(word_weight)`` and
    ``sqrt(1 - word_weight)``, so the cosine of two rows is
    ``word_weight * cos_words + (1 - word_weight) * cos_chars``. A row with an empty part is
    renormalised and then rests on the other part alone.
    """
    transformer = TfidfTransformer(norm=None, use_idf=True, smooth_idf=True, sublinear_tf=True)
    tfidf = transformer.fit_transform(counts).tocsr()
    if tfidf.dtype != np.float32:
        tfidf = tfidf.astype(np.float32)
    tfidf.sort_indices()  # word columns (< n_features) then character columns, within each row
    n = tfidf.shape[0]
    word_w, char_w = math.sqrt(word_weight), math.sqrt(1.0 - word_weight)
    # Row chunks bound the temporaries (a few arrays as long as the chunk's entries).
    for lo in range(0, n, _TFIDF_CHUNK_ROWS):
        hi = min(n, lo + _TFIDF_CHUNK_ROWS)
        a, b = tfidf.indptr[lo], tfidf.indptr[hi]
        data = tfidf.data[a:b]
        is_char = tfidf.indices[a:b] >= n_features
        per_row = np.diff(tfidf.indptr[lo:hi + 1])
        row_of = np.repeat(np.arange(hi - lo), per_row)
        squares = data.astype(np.float64) ** 2
        word_norm = np.sqrt(np.bincount(row_of[~is_char], weights=squares[~is_char], minlength=hi - lo))
        char_norm = np.sqrt(np.bincount(row_of[is_char], weights=squares[is_char], minlength=hi - lo))
        del squares
        has_word, has_char = word_norm > 0, char_norm > 0
        # Weight each present part; a row with one part empty is renormalised onto the other.
        total = np.sqrt(np.where(has_word, word_weight, 0.0) + np.where(has_char, 1.0 - word_weight, 0.0))
        total[total == 0] = 1.0
        word_scale = np.divide(word_w, word_norm * total, out=np.zeros(hi - lo), where=has_word)
        char_scale = np.divide(char_w, char_norm * total, out=np.zeros(hi - lo), where=has_char)
        scale = word_scale.astype(np.float32)[row_of]
        scale[is_char] = char_scale.astype(np.float32)[row_of[is_char]]
        data *= scale
    return tfidf


def _searchable(tfidf: csr_matrix, max_df: int) -> csr_matrix:
    """``tfidf`` rearranged for the neighbour search, so that its work stays near-linear.

    The work of the sparse product is the sum over features of (passages holding it)^2. So:

    * a feature in fewer than two passages is dropped: it cannot contribute to any pair;
    * a feature in at most ``max_df`` passages is kept as it is;
    * a feature in more passages than that (a sentence that hundreds of sources reprint) is cut
      into blocks of about ``BLOCK_SHARE * max_df`` passages by position: block ``j`` of ``2**m``
      holds the passages in the ``j``-th of ``2**m`` equal ranges of rows. Two passages then share
      such a feature only within a range; ranges of different features nest (powers of two), so
      passages in one range share all their common features. Work per feature: df * block size;
    * a feature in more than ``MAX_DF_SHARE`` of all passages as well as above ``max_df`` (the
      language's function words, the story's most common words) is dropped: it says little about
      which passages match, and blocking it would still cost df * max_df.

    Rows keep their norms (computed over every feature), so a product is a cosine over the features
    the two passages still share: never more than their true cosine.
    """
    n = tfidf.shape[0]
    df = np.bincount(tfidf.indices, minlength=tfidf.shape[1])
    limit = max(max_df, int(MAX_DF_SHARE * n))
    whole = (df >= 2) & (df <= max_df)
    split = (df > max_df) & (df <= limit)
    blocks = np.zeros(df.size, dtype=np.int64)
    blocks[whole] = 1
    if split.any():
        block_size = max(2.0, BLOCK_SHARE * max_df)
        blocks[split] = 2 ** np.ceil(np.log2(df[split] / block_size)).astype(np.int64)
    mask = blocks[tfidf.indices] > 0
    row_of = np.repeat(np.arange(n, dtype=np.int32), np.diff(tfidf.indptr))[mask].astype(np.int64)
    cols = tfidf.indices[mask].astype(np.int64)
    # Each kept feature gets ``blocks`` consecutive new columns; a passage uses the one of its range.
    base = np.concatenate([[0], np.cumsum(blocks)[:-1]])
    new_cols = base[cols] + (row_of * blocks[cols]) // n
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(row_of, minlength=n), out=indptr[1:])
    return csr_matrix((tfidf.data[mask], new_cols.astype(np.int32), indptr), shape=(n, int(blocks.sum())))


@dataclass(frozen=True)
class Edges:
    """Cross-source neighbour pairs, ``a < b`` (positions in the global passage order)."""

    a: np.ndarray
    b: np.ndarray
    sim: np.ndarray


def neighbours(matrix: csr_matrix, source_of: np.ndarray, *, top_k: int, threshold: float,
               rhs: csr_matrix | None = None) -> Edges:
    """Each row's ``top_k`` most similar rows of *other* sources above ``threshold``, as edges.

    ``matrix`` rows are l2-normalised; ``source_of[i]`` is row i's source number; ``rhs`` is
    ``matrix.T`` as CSR if the caller already has it. The product is done in row blocks with
    ``sparse_dot_topn`` (two threads), never densely. An edge appears once, with ``a < b``, if
    either end kept the other; similarities are rounded to 4 places, so ties and their order do not
    depend on float summation order.
    """
    n = matrix.shape[0]
    if n == 0 or matrix.shape[1] == 0:
        return _no_edges()
    if rhs is None:
        rhs = matrix.T.tocsr()
    rows_all, cols_all, vals_all = [], [], []
    for start in range(0, n, BLOCK_ROWS):
        stop = min(n, start + BLOCK_ROWS)
        block = sp_matmul_topn(
            matrix[start:stop], rhs, top_n=top_k + 1 + SAME_SOURCE_SLACK, threshold=threshold, n_threads=2
        ).tocoo()
        rows = block.row.astype(np.int64) + start
        cols = block.col.astype(np.int64)
        vals = np.round(block.data.astype(np.float64), 4)
        cross = (source_of[rows] != source_of[cols]) & (vals >= threshold)
        rows, cols, vals = rows[cross], cols[cross], vals[cross]
        # Keep the top_k per row: order by row, similarity descending, column; rank within row.
        order = np.lexsort((cols, -vals, rows))
        rows, cols, vals = rows[order], cols[order], vals[order]
        first = np.searchsorted(rows, rows, side="left")
        rank = np.arange(rows.size) - first
        keep = rank < top_k
        rows_all.append(rows[keep])
        cols_all.append(cols[keep])
        vals_all.append(vals[keep])
    rows = np.concatenate(rows_all)
    cols = np.concatenate(cols_all)
    vals = np.concatenate(vals_all)
    a = np.minimum(rows, cols)
    b = np.maximum(rows, cols)
    # One edge per pair; if the two directions differ in the last float bit, keep the larger.
    order = np.lexsort((-vals, b, a))
    a, b, vals = a[order], b[order], vals[order]
    first = np.ones(a.size, dtype=bool)
    first[1:] = (a[1:] != a[:-1]) | (b[1:] != b[:-1])
    return Edges(a[first], b[first], vals[first])


def _no_edges() -> Edges:
    empty = np.zeros(0, dtype=np.int64)
    return Edges(empty, empty, np.zeros(0))


class _Groups:
    """Greedy agglomeration of passages over the neighbour graph (see the module docstring).

    ``root_of[p]`` is the id of the group passage ``p`` is in (its first member's position when it
    was created); a merge relabels the smaller group, so each passage is relabelled at most
    log2(n) times and a membership test is one list lookup.
    """

    def __init__(self, n: int, source_of: np.ndarray, index_of: np.ndarray, edges: Edges, settings: Settings):
        self.source_of = source_of.tolist()
        self.index_of = index_of.tolist()
        self.root_of = list(range(n))
        self.members: dict[int, list[int]] = {}
        self.runs: dict[int, dict[int, list[int]]] = {}
        self.top_k = settings.top_k
        self.min_link = LINK_FRACTION * settings.min_similarity
        # Symmetric adjacency, as flat Python lists (cheaper to slice in the loops than arrays).
        a, b, w = edges.a, edges.b, edges.sim
        graph = sp.coo_matrix((np.concatenate([w, w]), (np.concatenate([a, b]), np.concatenate([b, a]))),
                              shape=(n, n)).tocsr()
        graph.sort_indices()
        self.indptr = graph.indptr.tolist()
        self.nbr_idx = graph.indices.tolist()
        self.nbr_w = graph.data.tolist()

    def _members(self, root: int) -> list[int]:
        return self.members.get(root) or [root]

    def _runs(self, root: int) -> dict[int, list[int]]:
        runs = self.runs.get(root)
        if runs is None:
            runs = {self.source_of[root]: [root]}
        return runs

    def try_merge(self, ra: int, rb: int) -> bool:
        """Merge the groups ``ra`` and ``rb`` if the rules allow; say whether it happened."""
        runs_a, runs_b = self._runs(ra), self._runs(rb)
        if len(runs_a) > len(runs_b):
            ra, rb, runs_a, runs_b = rb, ra, runs_b, runs_a
        shared = [s for s in runs_a if s in runs_b]
        index_of = self.index_of
        # Rule 1: every shared source still contributes one contiguous run of at most MAX_RUN.
        for s in shared:
            idx = sorted(index_of[p] for p in runs_a[s] + runs_b[s])
            if len(idx) > MAX_RUN or idx[-1] - idx[0] != len(idx) - 1:
                return False
        # Rule 2: each shared source is justified by a passage of another source that is similar to
        # its part on both sides (a merged sentence meeting the halves of a split one).
        for s in shared:
            if not self._justified(s, runs_a[s], runs_b[s], ra, rb):
                return False
        # Rule 3: the source pairs newly linked are linked well enough on average.
        only_a = [s for s in runs_a if s not in runs_b]
        only_b = [s for s in runs_b if s not in runs_a]
        if only_a and only_b:
            small, small_runs, other_root, other_only = only_a, runs_a, rb, set(only_b)
            if len(only_b) < len(only_a):
                small, small_runs, other_root, other_only = only_b, runs_b, ra, set(only_a)
            root_of, source_of, indptr, nbr_idx, nbr_w = self.root_of, self.source_of, self.indptr, self.nbr_idx, self.nbr_w
            best: dict[tuple[int, int], float] = {}
            for s in small:
                for p in small_runs[s]:
                    lo, hi = indptr[p], indptr[p + 1]
                    for q, w in zip(nbr_idx[lo:hi], nbr_w[lo:hi]):
                        if root_of[q] == other_root:
                            t = source_of[q]
                            if t in other_only:
                                key = (s, t)
                                if w > best.get(key, 0.0):
                                    best[key] = w
            pairs = len(only_a) * len(only_b)
            # A passage keeps at most top_k neighbours, so with many sources no more pairs than
            # that can show an edge: do not count the rest as missing.
            possible = min(pairs, self.top_k * min(len(only_a), len(only_b)))
            if sum(best.values()) / possible < self.min_link:
                return False
        self._union(ra, rb, runs_a, runs_b)
        return True

    def runs_allow(self, ra: int, rb: int) -> bool:
        """Rule 1 alone: every source the two groups share still gives one contiguous run of at
        most ``MAX_RUN`` passages if they merge."""
        runs_a, runs_b = self._runs(ra), self._runs(rb)
        if len(runs_a) > len(runs_b):
            runs_a, runs_b = runs_b, runs_a
        index_of = self.index_of
        for s, ps in runs_a.items():
            if s in runs_b:
                idx = sorted(index_of[p] for p in ps + runs_b[s])
                if len(idx) > MAX_RUN or idx[-1] - idx[0] != len(idx) - 1:
                    return False
        return True

    def is_grouped(self, p: int) -> bool:
        """Whether passage ``p`` is in a group of two or more passages."""
        return self.root_of[p] in self.members

    def has_source(self, p: int, s: int) -> bool:
        """Whether the group of passage ``p`` holds a passage of source number ``s``."""
        return s in self._runs(self.root_of[p])

    def room_for(self, p: int, q: int) -> bool:
        """Whether passage ``p`` may join the group of passage ``q`` as far as its own source goes:
        the group holds nothing of p's source yet, or only the passages right beside ``p`` (the
        other half of a sentence p's source split, as in "... the minister said." | "\"We cannot
        ...\""), so that p continues that run within ``MAX_RUN``."""
        runs = self._runs(self.root_of[q])
        s = self.source_of[p]
        if s not in runs:
            return True
        idx = sorted(self.index_of[r] for r in runs[s])
        me = self.index_of[p]
        return len(idx) < MAX_RUN and (me == idx[0] - 1 or me == idx[-1] + 1)

    def merge(self, ra: int, rb: int) -> None:
        """Merge two groups unconditionally (the caller has checked its own rules)."""
        self._union(ra, rb, self._runs(ra), self._runs(rb))

    def clusters(self) -> list[list[int]]:
        """The current groups of 2+ passages, each sorted by position."""
        return [sorted(ms) for ms in self.members.values() if len(ms) > 1]

    def _justified(self, s: int, part_a: list[int], part_b: list[int], ra: int, rb: int) -> bool:
        """Whether a passage of another source in either group is a neighbour of both parts."""
        root_of, source_of, indptr, nbr_idx = self.root_of, self.source_of, self.indptr, self.nbr_idx

        def near(part: list[int]) -> set[int]:
            found: set[int] = set()
            for p in part:
                for q in nbr_idx[indptr[p]:indptr[p + 1]]:
                    if source_of[q] != s and root_of[q] in (ra, rb):
                        found.add(q)
            return found

        return not near(part_a).isdisjoint(near(part_b))

    def _union(self, ra: int, rb: int, runs_a: dict[int, list[int]], runs_b: dict[int, list[int]]) -> None:
        members_a, members_b = self._members(ra), self._members(rb)
        if len(members_a) < len(members_b):
            ra, rb, runs_a, runs_b, members_a, members_b = rb, ra, runs_b, runs_a, members_b, members_a
        root_of = self.root_of
        for p in members_b:
            root_of[p] = ra
        merged_runs = runs_a
        for s, ps in runs_b.items():
            merged_runs.setdefault(s, []).extend(ps)
        self.runs[ra] = merged_runs
        self.runs.pop(rb, None)
        merged_members = members_a if ra in self.members else list(members_a)
        merged_members.extend(members_b)
        self.members[ra] = merged_members
        self.members.pop(rb, None)

    def run(self, edges: Edges) -> list[list[int]]:
        """Process edges strongest first (ties by position) and return the groups of 2+ passages."""
        order = np.lexsort((edges.b, edges.a, -edges.sim))
        root_of, members = self.root_of, self.members
        rejected: set[tuple[int, int, int, int]] = set()
        for a, b in zip(edges.a[order].tolist(), edges.b[order].tolist()):
            ra, rb = root_of[a], root_of[b]
            if ra == rb:
                continue
            if rb < ra:
                ra, rb = rb, ra
            # Sizes act as versions: a pair refused once is not retried until either group grew.
            key = (ra, len(members.get(ra, ())), rb, len(members.get(rb, ())))
            if key in rejected:
                continue
            if not self.try_merge(ra, rb):
                rejected.add(key)
        return self.clusters()


# Markers for "walked off the start / end of the source" in ``_anchor``; "no anchor within reach"
# is None. Group roots are passage positions (>= 0), so these never clash with a real anchor.
_START, _END = -1, -2


def _anchor(grouping: _Groups, p: int, other: int, step: int, bounds: tuple[int, int]) -> int | None:
    """The nearest group beside passage ``p`` (walking ``step`` = -1 back or +1 forward through its
    own source) that also holds a passage of source ``other``: an anchor of the two sources.

    ``bounds`` is the source's [first, last] global position. Returns the group's root, ``_START`` /
    ``_END`` when the walk leaves the source first, or None if nothing is found within
    ``GAP_REACH`` passages.
    """
    first, last = bounds
    root_of, members = grouping.root_of, grouping.members
    r = p
    for _ in range(GAP_REACH):
        r += step
        if r < first:
            return _START
        if r > last:
            return _END
        g = root_of[r]
        if g in members and grouping.has_source(r, other):
            return g
    return None


def _order_agrees(grouping: _Groups, p: int, q: int, bounds_p: tuple[int, int], bounds_q: tuple[int, int]) -> bool:
    """Whether passages ``p`` and ``q`` (of two sources) sit at the same place relative to what the
    two sources already have aligned, as sentence aligners assume (Gale-Church, hunalign):

    * in the same gap: the nearest anchor before ``p`` is the nearest anchor before ``q`` and the
      same holds after them, with the start or end of both sources counting as a bound, as long as
      at least one bound is a real anchor (two sources with nothing aligned give no order); or
    * right beside the same anchor, on the same side: the passage just before ``p`` and the one
      just before ``q`` are in one group (or just after), whatever lies on the other side.
    """
    s, t = grouping.source_of[p], grouping.source_of[q]
    before_p, before_q = _anchor(grouping, p, t, -1, bounds_p), _anchor(grouping, q, s, -1, bounds_q)
    after_p, after_q = _anchor(grouping, p, t, +1, bounds_p), _anchor(grouping, q, s, +1, bounds_q)
    same_before = before_p is not None and before_p == before_q
    same_after = after_p is not None and after_p == after_q
    if same_before and same_after and (before_p >= 0 or after_p >= 0):
        return True
    root_of, members = grouping.root_of, grouping.members
    for step in (-1, +1):
        beside_p, beside_q = p + step, q + step
        if bounds_p[0] <= beside_p <= bounds_p[1] and bounds_q[0] <= beside_q <= bounds_q[1]:
            g = root_of[beside_p]
            if g in members and root_of[beside_q] == g:
                return True
    return False


def _group_link(grouping: _Groups, search: csr_matrix, p: int, root: int) -> float:
    """How well passage ``p`` fits the group ``root``: the mean over the group's other sources (at
    most ``top_k`` of them, the best: with more, the first pass could not link them all either) of
    p's best similarity to that source's passages there."""
    members = [m for m in grouping._members(root) if grouping.source_of[m] != grouping.source_of[p]]
    if not members:
        return 0.0
    # Dot products straight from the CSR arrays: one passage against a few dozen, where scipy's
    # row slicing and product would cost a millisecond per call.
    indptr, indices, data = search.indptr, search.indices, search.data
    own = slice(indptr[p], indptr[p + 1])
    order = np.argsort(indices[own], kind="stable")
    p_cols, p_vals = indices[own][order], data[own][order]
    if p_cols.size == 0:
        return 0.0
    spans = [(indptr[m], indptr[m + 1]) for m in members]
    cols = np.concatenate([indices[a:b] for a, b in spans])
    vals = np.concatenate([data[a:b] for a, b in spans]).astype(np.float64)
    owner = np.repeat(np.arange(len(members)), [b - a for a, b in spans])
    at = np.minimum(np.searchsorted(p_cols, cols), p_cols.size - 1)
    hit = p_cols[at] == cols
    sims = np.bincount(owner[hit], weights=vals[hit] * p_vals[at[hit]], minlength=len(members))
    per_source: dict[int, float] = {}
    for m, v in zip(members, sims.tolist()):
        s = grouping.source_of[m]
        if v > per_source.get(s, -1.0):
            per_source[s] = v
    best = sorted(per_source.values(), reverse=True)[:grouping.top_k]
    return sum(best) / len(best)


def _fits(grouping: _Groups, search: csr_matrix, p: int, root: int, threshold: float) -> bool:
    """Whether passage ``p`` fits group ``root``: its mean best similarity to the group's sources
    (``_group_link``) is at least ``threshold``."""
    return _group_link(grouping, search, p, root) >= threshold


def _neighbours(search: csr_matrix, rhs: csr_matrix, rows: np.ndarray, top_n: int, threshold: float
                ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For every passage of ``rows`` (non-empty), its ``top_n`` nearest passages (any source, itself
    included) at ``threshold`` or more, as the arrays (passage, neighbour, similarity rounded to 4
    places), searched in blocks of ``BLOCK_ROWS``."""
    found_a, found_b, found_w = [], [], []
    for start in range(0, rows.size, BLOCK_ROWS):
        chunk = rows[start:start + BLOCK_ROWS]
        block = sp_matmul_topn(search[chunk], rhs, top_n=top_n, threshold=threshold, n_threads=2).tocoo()
        found_a.append(chunk[block.row])
        found_b.append(block.col.astype(np.int64))
        found_w.append(np.round(block.data.astype(np.float64), 4))
    return np.concatenate(found_a), np.concatenate(found_b), np.concatenate(found_w)


def _alone_neighbours(grouping: _Groups, search: csr_matrix, rhs: csr_matrix, top_n: int,
                      threshold: float) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
    """The later passes' candidate search: ``_neighbours`` of every passage still alone; None when
    nothing is alone or nothing can be found."""
    n = search.shape[0]
    alone = np.fromiter((not grouping.is_grouped(p) for p in range(n)), dtype=bool, count=n)
    rows = np.flatnonzero(alone)
    if rows.size == 0 or search.shape[1] == 0 or threshold <= 0:
        return None
    return _neighbours(search, rhs, rows, top_n, threshold)


def _best_per_source(source_of: Sequence[int], a: np.ndarray, b: np.ndarray, w: np.ndarray, threshold: float
                     ) -> dict[tuple[int, int], tuple[float, int]]:
    """Each passage's best match in each other source, from the neighbour arrays (a, b, w):
    (passage, other source) -> (similarity, -partner), ties to the earlier partner; matches in the
    passage's own source or under ``threshold`` are passed over. A row's neighbour list holds its
    best match in a source whenever it holds any match of that source."""
    out: dict[tuple[int, int], tuple[float, int]] = {}
    for x, y, sim in zip(a.tolist(), b.tolist(), w.tolist()):
        t = source_of[y]
        if t == source_of[x] or sim < threshold:
            continue
        cand = (sim, -y)
        if cand > out.get((x, t), (-1.0, 0)):
            out[(x, t)] = cand
    return out


def _gap_pairs(grouping: _Groups, search: csr_matrix, rhs: csr_matrix, bounds: list[tuple[int, int]],
               threshold: float, joined: set[int]) -> Edges:
    """Second pass: pair passages the first pass left alone, at a lower similarity, by their order.

    News articles on one event tell much of it in the same order, so a sentence that found no
    counterpart above ``min_similarity`` but lies in the same gap between two sources' aligned
    passages as a sentence of the other source (or right beside the same aligned passage) is
    probably its counterpart if they are each other's best match there. In: the grouping after the
    first pass, the search matrix and its transpose, each source number's [first, last] global
    position, and the lower threshold. Each still-ungrouped passage asks the sparse product for its
    ``GAP_TOP_K`` nearest passages of other sources above ``threshold``; a candidate counts if the
    other passage's group has nothing of this source yet and their order agrees
    (``_order_agrees``); a pair is kept if each end is the other's best counting candidate from
    that source. The kept pairs are merged strongest first, each joining at least one passage still
    alone (so two groups are never chained by one weak edge), within the run rule (``MAX_RUN``).
    Out: the edges merged; the passages that were alone and now are grouped are added to
    ``joined``. Work: the ungrouped passages times ``GAP_TOP_K``, linear.
    """
    source_of = grouping.source_of
    found = _alone_neighbours(grouping, search, rhs, GAP_TOP_K + 1 + SAME_SOURCE_SLACK, threshold)
    if found is None:
        return _no_edges()
    a, b, w = found
    src = np.asarray(source_of)
    keep = (src[a] != src[b]) & (w >= threshold)
    a, b, w = a[keep], b[keep], w[keep]
    # One candidate per unordered pair (both ends may be alone and find each other).
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    order = np.lexsort((-w, hi, lo))
    lo, hi, w = lo[order], hi[order], w[order]
    first = np.ones(lo.size, dtype=bool)
    first[1:] = (lo[1:] != lo[:-1]) | (hi[1:] != hi[:-1])
    lo, hi, w = lo[first].tolist(), hi[first].tolist(), w[first].tolist()

    # Best counting candidate per (passage, other source): (similarity, -partner) so that ties go
    # to the earlier partner, independent of the order the candidates come in.
    best: dict[tuple[int, int], tuple[float, int]] = {}
    counting: list[tuple[float, int, int]] = []
    for x, y, sim in zip(lo, hi, w):
        sx, sy = source_of[x], source_of[y]
        if not (grouping.room_for(x, y) and grouping.room_for(y, x)):
            continue
        # Similarity alone at this level does not tell a counterpart from a sentence with the same
        # names in it (measured on the seeds: both score 0.19-0.22), so the order must agree.
        if not _order_agrees(grouping, x, y, bounds[sx], bounds[sy]):
            continue
        counting.append((sim, x, y))
        for me, other, partner in ((x, sy, y), (y, sx, x)):
            cand = (sim, -partner)
            if cand > best.get((me, other), (-1.0, 0)):
                best[(me, other)] = cand
    mutual = [(sim, x, y) for sim, x, y in counting
              if best[(x, source_of[y])] == (sim, -y) and best[(y, source_of[x])] == (sim, -x)]
    mutual.sort(key=lambda item: (-item[0], item[1], item[2]))
    return _merge_pairs(grouping, search, mutual, threshold, joined)


def _merge_pairs(grouping: _Groups, search: csr_matrix, mutual: list[tuple[float, int, int]],
                 threshold: float, joined: set[int]) -> Edges:
    """Merge the later passes' pairs ``mutual`` ((similarity, x, y), strongest first) into the
    grouping: each pair must join at least one passage still alone, keep the run rule, and a
    passage joining a group must fit it (``_fits`` at ``threshold``). Out: the edges merged; the
    passages that were alone and now are grouped are added to ``joined``."""
    out_a, out_b, out_w = [], [], []
    for sim, x, y in mutual:
        rx, ry = grouping.root_of[x], grouping.root_of[y]
        if rx == ry or (grouping.is_grouped(x) and grouping.is_grouped(y)):
            continue
        # The first merges of this pass may have brought a passage of x's source into y's group.
        if not grouping.runs_allow(rx, ry):
            continue
        # A passage joining a group must fit the group as a whole, not just the one passage it
        # was paired with (which its order vouches for, not the rest of the group's).
        if grouping.is_grouped(x) or grouping.is_grouped(y):
            lone, root = (x, ry) if grouping.is_grouped(y) else (y, rx)
            if not _fits(grouping, search, lone, root, threshold):
                continue
        joined.update(p for p in (x, y) if not grouping.is_grouped(p))
        grouping.merge(rx, ry)
        out_a.append(x)
        out_b.append(y)
        out_w.append(sim)
    return Edges(np.asarray(out_a, dtype=np.int64), np.asarray(out_b, dtype=np.int64), np.asarray(out_w, dtype=np.float64))


# Anchor pass (``_anchor_pairs``): a word that names something (capitalised inside a sentence) or a
# figure. Numbers lose their digit-group separators so "1,200", "1.200" and "1 200" are one anchor.
_ANCHOR_TOKEN_RE = re.compile(r"[^\W\d_][\w'’-]*|\d(?:[\d.,\u00a0]*\d)?")
_ANCHOR_SEP_RE = re.compile(r"[.,\u00a0]")
# Between two words, a sentence or quotation may start: a capital after one of these is no sign of a name.
_ANCHOR_START_RE = re.compile(r"[.!?:;\"“”«»„\n(\[]")

# Anchor pass: shared rare anchors a pair needs, and the most passages an anchor may occur in to
# count as rare (also at most twice the number of sources: a name every source repeats in many
# sentences tells nothing about which sentence is which). The cap keeps the candidate search linear:
# each passage alone reads at most this many postings per anchor.
ANCHOR_MIN_SHARED = 2
ANCHOR_MAX_DF = 32


def _anchors(text: str) -> frozenset[str]:
    """The anchor tokens of a passage: words capitalised after another word of the same sentence
    (a sentence's or quotation's first word is capitalised anyway), lower-cased, and figures of
    two or more digits with their separators removed."""
    out = set()
    prev_end = None
    for m in _ANCHOR_TOKEN_RE.finditer(text):
        tok = m.group(0)
        if tok[0].isdigit():
            tok = _ANCHOR_SEP_RE.sub("", tok)
            if len(tok) >= 2:  # a lone digit is in too many sentences to tell them apart
                out.add(tok)
        elif tok[0].isupper() and prev_end is not None and not _ANCHOR_START_RE.search(text, prev_end, m.start()):
            out.add(tok.lower().replace("’", "'"))
        prev_end = m.end()
    return frozenset(out)


def _dot(search: csr_matrix, p: int, q: int) -> float:
    """Dot product of rows ``p`` and ``q`` of ``search`` (rows are L2-normalised: their cosine)."""
    indptr, indices, data = search.indptr, search.indices, search.data
    a, b = slice(indptr[p], indptr[p + 1]), slice(indptr[q], indptr[q + 1])
    common, ia, ib = np.intersect1d(indices[a], indices[b], assume_unique=True, return_indices=True)
    if common.size == 0:
        return 0.0
    return float(np.dot(data[a][ia].astype(np.float64), data[b][ib].astype(np.float64)))


def _anchor_pairs(grouping: _Groups, search: csr_matrix, texts: Sequence[str], bounds: list[tuple[int, int]],
                  threshold: float, joined: set[int]) -> Edges:
    """Anchor pass: pair passages still alone with a counterpart that names the same rare things.

    A machine translation may word an event so differently that the TF-IDF cosine to the wire's
    sentence falls under ``min_similarity``, but proper nouns and figures usually come through
    unchanged. In: the grouping so far, the search matrix, the passages' texts in global order,
    each source's [first, last] position, and the lowest similarity. A passage alone and a passage
    of another source (alone, or in a group without this source) are candidates when they share at
    least ``ANCHOR_MIN_SHARED`` rare anchors (``_anchors``, each in at most ``ANCHOR_MAX_DF`` and
    twice-the-sources passages), their similarity reaches ``threshold``, and their order agrees
    (``_order_agrees``); each must be the other's best candidate from that source (most shared
    anchors, then similarity). Out: the edges merged (``_merge_pairs``). Work: passages alone times
    their anchors times ``ANCHOR_MAX_DF``, linear.
    """
    n = len(texts)
    source_of = grouping.source_of
    n_sources = len(bounds)
    cap = min(ANCHOR_MAX_DF, 2 * n_sources)
    anchors = [_anchors(t) for t in texts]
    postings: dict[str, list[int]] = {}
    for p, toks in enumerate(anchors):
        for tok in toks:
            postings.setdefault(tok, []).append(p)
    rare = {tok: ps for tok, ps in postings.items() if 2 <= len(ps) <= cap}
    best: dict[tuple[int, int], tuple[int, float, int]] = {}
    counting: list[tuple[int, float, int, int]] = []
    seen: set[tuple[int, int]] = set()
    for p in range(n):
        if grouping.is_grouped(p):
            continue
        shared: dict[int, int] = {}
        for tok in anchors[p]:
            for q in rare.get(tok, ()):
                if source_of[q] != source_of[p]:
                    shared[q] = shared.get(q, 0) + 1
        for q, k in sorted(shared.items()):
            if k < ANCHOR_MIN_SHARED:
                continue
            x, y = min(p, q), max(p, q)
            if (x, y) in seen:
                continue
            seen.add((x, y))
            sx, sy = source_of[x], source_of[y]
            if not (grouping.room_for(x, y) and grouping.room_for(y, x)):
                continue
            sim = round(_dot(search, x, y), 4)
            if sim < threshold or not _order_agrees(grouping, x, y, bounds[sx], bounds[sy]):
                continue
            counting.append((k, sim, x, y))
            for me, other, partner in ((x, sy, y), (y, sx, x)):
                cand = (k, sim, -partner)
                if cand > best.get((me, other), (0, -1.0, 0)):
                    best[(me, other)] = cand
    mutual = [(sim, x, y) for k, sim, x, y in counting
              if best[(x, source_of[y])] == (k, sim, -y) and best[(y, source_of[x])] == (k, sim, -x)]
    mutual.sort(key=lambda item: (-item[0], item[1], item[2]))
    return _merge_pairs(grouping, search, mutual, threshold, joined)


# Vote pass (``_vote_pairs``): how many other sources' best matches must sit in one group for a
# passage still alone to join it, and the lowest similarity such a best match may have.
VOTE_MIN = 2
VOTE_SIMILARITY = 0.15
VOTE_TOP_K = 32


def _vote_pairs(grouping: _Groups, search: csr_matrix, rhs: csr_matrix, threshold: float,
                joined: set[int]) -> Edges:
    """Vote pass: a passage still alone joins the group that its best matches in several other
    sources already share.

    In: the grouping after the earlier passes, the search matrix and its transpose, and the lowest
    similarity a best match may have. For each passage alone, its best match in every other source
    (at least ``threshold``) is its vote for that match's group; a group with votes from at least
    ``VOTE_MIN`` sources, and more than any other group, takes the passage (as a loose member) if the
    group has room for its source (``room_for``). Order is not asked: two or more sources agreeing
    on where a sentence belongs says more than its neighbours do. Out: the edges added, the best
    match of each voting source; joined passages go into ``joined``. Work: passages alone times
    ``VOTE_TOP_K``, linear.
    """
    source_of = grouping.source_of
    found = _alone_neighbours(grouping, search, rhs, VOTE_TOP_K, threshold)
    if found is None:
        return _no_edges()
    best = _best_per_source(source_of, *found, threshold)
    votes: dict[int, dict[int, list[tuple[float, int]]]] = {}
    for (x, _t), (sim, neg) in best.items():
        y = -neg
        if grouping.is_grouped(y):
            votes.setdefault(x, {}).setdefault(grouping.root_of[y], []).append((sim, y))
    chosen: list[tuple[int, float, int, int, list[tuple[float, int]]]] = []
    for x, by_group in votes.items():
        ranked = sorted(by_group.items(), key=lambda kv: (-len(kv[1]), -sum(s for s, _ in kv[1]), kv[0]))
        root, got = ranked[0]
        if len(got) < VOTE_MIN or (len(ranked) > 1 and len(ranked[1][1]) == len(got)):
            continue
        chosen.append((len(got), sum(s for s, _ in got) / len(got), x, root, got))
    chosen.sort(key=lambda c: (-c[0], -c[1], c[2]))
    out_a, out_b, out_w = [], [], []
    for _k, _mean, x, root, got in chosen:
        if grouping.is_grouped(x):
            continue
        # The group may have moved under another root, or taken x's source, since the votes.
        y0 = got[0][1]
        if not grouping.room_for(x, y0):
            continue
        joined.add(x)
        grouping.merge(grouping.root_of[x], grouping.root_of[y0])
        for sim, y in got:
            out_a.append(min(x, y))
            out_b.append(max(x, y))
            out_w.append(sim)
    return Edges(np.asarray(out_a, dtype=np.int64), np.asarray(out_b, dtype=np.int64), np.asarray(out_w, dtype=np.float64))


# Mutual pass (``_mutual_pairs``): neighbours asked per passage (before the same-source slack); a
# row's list holds its best match in a source whenever it holds any passage of that source.
MUTUAL_TOP_K = 16

# Mutual pass: the lowest similarity of the pair, and the lowest mean best similarity of the joining
# passage to the group's sources (``_group_link``). The order-aware passes ask ``gap_similarity`` of
# both because the order vouches for the pair; here nothing does, so the group as a whole must: at
# 0.18 the full harness gained 7 hits and 11 false positives (a "Vice-Ministry" sentence beside a
# "Vice-Minister" one at 0.20, an employer's headcount beside a jobs figure at 0.19), at 0.24 see
# the module docstring.
MUTUAL_SIMILARITY = 0.18
MUTUAL_FIT = 0.24


def _mutual_best(grouping: _Groups, search: csr_matrix, rhs: csr_matrix, threshold: float
                 ) -> list[tuple[float, int, int]]:
    """The pairs (similarity, x, y) where x is a passage still alone, y is x's best match in y's
    whole source and x is y's best match in x's whole source, both at ``threshold`` or more, and
    neither group is barred to the other by its source (``room_for``), y already grouped: two
    passages alone have only their one similarity to go by, and at these levels that does not tell
    a counterpart from a sentence sharing names (the gap pass's reason for order). Work: two top-k
    searches, of the passages alone and of their best matches, linear."""
    source_of = grouping.source_of
    top_n = MUTUAL_TOP_K + 1 + SAME_SOURCE_SLACK
    found = _alone_neighbours(grouping, search, rhs, top_n, threshold)
    if found is None:
        return []
    best = _best_per_source(source_of, *found, threshold)
    partners = np.asarray(sorted({-neg for _sim, neg in best.values()}), dtype=np.int64)
    if partners.size == 0:
        return []
    back = _best_per_source(source_of, *_neighbours(search, rhs, partners, top_n, threshold), threshold)
    mutual: list[tuple[float, int, int]] = []
    for (x, t), (sim, neg) in best.items():
        y = -neg
        if back.get((y, source_of[x]), (0.0, 1))[1] != -x:
            continue
        if not grouping.is_grouped(y):
            continue
        if not (grouping.room_for(x, y) and grouping.room_for(y, x)):
            continue
        mutual.append((sim, min(x, y), max(x, y)))
    return sorted(set(mutual), key=lambda item: (-item[0], item[1], item[2]))


def _mutual_pairs(grouping: _Groups, search: csr_matrix, rhs: csr_matrix, threshold: float,
                  joined: set[int]) -> Edges:
    """Mutual pass: a passage still alone joins the group of the passage that is its best match in
    another source while it is that passage's best match in its own source, wherever the two sit
    in their articles.

    The gap pass asks that the two sources' order agree, because at its threshold similarity alone
    does not tell a counterpart from a sentence that only shares names. A translation or a blog that
    tells a detail in another paragraph gets no order, but a sentence that only shares names with
    another usually loses it to the sentence that tells the same thing: two sentences that choose
    each other out of both whole articles are the editor's pair. The group vouches for the rest:
    the partner must already be in a group (two passages alone do not pair here) and the joining
    passage must fit the whole group. In: the grouping after the earlier passes, the search matrix
    and its transpose, the lowest similarity of the pair (``threshold``). A pair counts if x is
    alone, y is grouped, y is x's best match in y's source and x is y's best match in x's source
    (both at ``threshold`` or more), and the group has room for x's source (``room_for``); pairs
    are merged strongest first by ``_merge_pairs``, x only if it fits the group at ``MUTUAL_FIT``.
    Out: the edges merged; joined passages go into ``joined`` (loose members). Work: two top-k
    searches, of the passages alone and of their best matches, linear.
    """
    mutual = _mutual_best(grouping, search, rhs, threshold)
    return _merge_pairs(grouping, search, mutual, MUTUAL_FIT, joined)


def _placed_pairs(grouping: _Groups, search: csr_matrix, rhs: csr_matrix, bounds: list[tuple[int, int]],
                  threshold: float, joined: set[int]) -> Edges:
    """Placed pass: a passage still alone joins the group of a passage that sits at the same place
    in the other article and that it chooses, and is chosen by, out of both whole articles.

    Each earlier pass takes one witness and asks a similarity high enough to make up for the
    missing one: the gap pass the order (at ``gap_similarity``, best among the order-agreeing
    candidates only), the mutual pass the choice out of the whole articles (at
    ``MUTUAL_SIMILARITY`` and a group fit of ``MUTUAL_FIT``). A translation or a paraphrase that
    words a sentence far from the others ("the works must begin in August" against "construction is
    expected to begin in April") fails both on similarity. When both witnesses agree (the two
    passages lie in the same gap between the two sources' aligned passages, or right beside the
    same one, as ``_order_agrees`` asks, and each is the other's best match in the other's whole
    article), they are the editor's pair at the anchor pass's floor (``threshold``,
    ``settings.anchor_similarity``), and the joining passage must fit the partner's group at that
    floor too (``_fits``). As in the mutual pass the partner must already be in a group: two
    passages alone at this level may be two details only their own sources tell. In: the grouping
    after the earlier passes, the search matrix and its transpose, each source's [first, last]
    position, the floor. Out: the edges merged (``_merge_pairs``); joined passages go into
    ``joined`` (loose members). Work: as the mutual pass, two top-k searches, linear.
    """
    source_of = grouping.source_of
    placed = [(sim, x, y) for sim, x, y in _mutual_best(grouping, search, rhs, threshold)
              if _order_agrees(grouping, x, y, bounds[source_of[x]], bounds[source_of[y]])]
    return _merge_pairs(grouping, search, placed, threshold, joined)


# Halves pass (``_half_pairs``): a word of a passage, for the test that a half names nobody the
# group does not.
_WORD_RE = re.compile(r"\w+")


def _names_told(text: str, others: Sequence[str]) -> bool:
    """Whether every name ``text`` prints (an anchor word, ``_anchors``, not a figure) is a word of
    one of ``others``. The other half of a sentence names nobody the whole sentence does not; a
    next sentence that brings in someone else is another statement."""
    names = {a for a in _anchors(text) if not a[0].isdigit()}
    if not names:
        return True
    words: set[str] = set()
    for other in others:
        words.update(w.lower().replace("’", "'") for w in _WORD_RE.findall(other))
    return names <= words


# Halves pass: how a sentence ends, after any closing quotes or brackets.
_SENTENCE_END_RE = re.compile(r"[.!…][\"'”’»)\]]*\s*$")


def _reads_as_half(text: str) -> bool:
    """Whether ``text`` ends as a statement does (a full stop, an exclamation mark or an ellipsis,
    closing quotes or brackets after it). A translation that cuts one sentence in two closes each
    half so; a headline, a subheading, a label or a question does not, and is no half of the
    sentence beside it."""
    return _SENTENCE_END_RE.search(text) is not None


def _half_beside(grouping: _Groups, x: int, y: int, chosen: int) -> int | None:
    """``chosen`` (y's best match in x's source) when it is the passage right beside x, of x's
    source, already in y's group: the half y chose; else None. (When y chooses x itself, the mutual
    and placed passes have judged the pair already.)"""
    source_of, root_of = grouping.source_of, grouping.root_of
    if chosen >= 0 and abs(chosen - x) == 1 and source_of[chosen] == source_of[x] and root_of[chosen] == root_of[y]:
        return chosen
    return None


def _half_pairs(grouping: _Groups, search: csr_matrix, rhs: csr_matrix, texts: Sequence[str],
                threshold: float, joined: set[int]) -> Edges:
    """Halves pass: a passage still alone joins the group that holds the other half of the
    sentence its source split in two.

    A translation often tells one sentence of the others in two. The others' sentence y chooses
    one half, which the earlier passes group with it; the other half x is nobody's choice, sits
    beside that group (not at the same place as anything), and resembles only part of y, so no
    earlier pass takes it. In: the grouping after the placed pass, the search matrix and its
    transpose, the passages' texts in global order, the floor (``settings.anchor_similarity``).
    x joins y's group when x is alone, y is x's best match in y's whole source (at ``threshold``
    or more) and grouped, y's best match in x's source is the half h right beside x already in
    y's group, x and h share under
    ``threshold`` (a next sentence that tells the same part again is no half), x ends as a
    statement does (``_reads_as_half``: a headline, subheading or question is no half), the group
    has room for x (``room_for``), and every name x prints is a word of the group's other sources
    (``_names_told``: a next sentence about someone else is another statement). No fit is asked.
    Out: the edges merged (``_merge_pairs``); joined passages go into ``joined`` (loose members).
    Work: as the mutual pass, two top-k searches, linear.
    """
    source_of = grouping.source_of
    top_n = MUTUAL_TOP_K + 1 + SAME_SOURCE_SLACK
    found = _alone_neighbours(grouping, search, rhs, top_n, threshold)
    if found is None:
        return _no_edges()
    best = _best_per_source(source_of, *found, threshold)
    partners = np.asarray(sorted({-neg for _sim, neg in best.values() if grouping.is_grouped(-neg)}), dtype=np.int64)
    if partners.size == 0:
        return _no_edges()
    back = _best_per_source(source_of, *_neighbours(search, rhs, partners, top_n, threshold), threshold)
    pairs: list[tuple[float, int, int]] = []
    for (x, _t), (sim, neg) in best.items():
        y = -neg
        if not grouping.is_grouped(y):
            continue
        h = _half_beside(grouping, x, y, -back.get((y, source_of[x]), (0.0, 1))[1])
        if h is None or _dot(search, x, h) >= threshold or not grouping.room_for(x, y):
            continue
        if not _reads_as_half(texts[x]):
            continue
        others = [texts[m] for m in grouping._members(grouping.root_of[y]) if source_of[m] != source_of[x]]
        if not _names_told(texts[x], others):
            continue
        pairs.append((sim, min(x, y), max(x, y)))
    pairs = sorted(set(pairs), key=lambda item: (-item[0], item[1], item[2]))
    # No fit: the half resembles only part of what the group's passages say.
    return _merge_pairs(grouping, search, pairs, 0.0, joined)


def group_id(passages: Sequence[Passage]) -> str:
    """``"g-"`` + 12 hex digits of the sha256 of the sorted (source, text) pairs of a group."""
    payload = "\x1e".join(f"{s}\x1f{t}" for s, t in sorted((p.source, p.text) for p in passages))
    return "g-" + hashlib.sha256(payload.encode("utf-8")).hexdigest()[:12]


def _ordered_passages(sources: Sequence[Source], passages: Mapping[str, tuple[Passage, ...]]) -> list[Passage]:
    out: list[Passage] = []
    for s in sources:
        out.extend(sorted(passages.get(s.id, ()), key=lambda p: p.index))
    return out


def _stacked_counts(
    sources: Sequence[Source],
    passages: Mapping[str, tuple[Passage, ...]],
    settings: Settings,
    counts: Mapping[str, csr_matrix] | None,
) -> csr_matrix:
    """The count matrices of all sources stacked in passage order (cached ones reused if they fit)."""
    width = 2 * settings.n_features
    blocks = []
    for s in sources:
        own = sorted(passages.get(s.id, ()), key=lambda p: p.index)
        given = counts.get(s.id) if counts is not None else None
        if given is None or given.shape != (len(own), width):
            given = count_vectors(own, settings)
        elif tuple(passages.get(s.id, ())) != tuple(own):
            # Cached rows follow the order passages were given in; put them in index order.
            position = {p.id: i for i, p in enumerate(passages.get(s.id, ()))}
            given = given[[position[p.id] for p in own]]
        blocks.append(csr_matrix(given, dtype=np.float32))
    if not blocks:
        return csr_matrix((0, width), dtype=np.float32)
    return sp.vstack(blocks, format="csr", dtype=np.float32)


def _with_edges(edges: Edges, extra: Edges, n: int, min_similarity: float) -> Edges:
    """``edges`` plus the later passes' ``extra`` edges, without a second copy of a pair already
    there (a pair at or above ``min_similarity`` may be an edge the first pass refused to merge on)."""
    if extra.a.size == 0:
        return edges
    # kind="sort": the default may pick a lookup table as large as the key range, passages squared.
    new = np.ones(extra.a.size, dtype=bool)
    high = extra.sim >= min_similarity
    if high.any():
        new[high] = ~np.isin(extra.a[high] * n + extra.b[high], edges.a * n + edges.b, kind="sort")
    return Edges(np.concatenate([edges.a, extra.a[new]]), np.concatenate([edges.b, extra.b[new]]),
                 np.concatenate([edges.sim, extra.sim[new]]))


def _source_bounds(source_of: np.ndarray, n_sources: int) -> list[tuple[int, int]]:
    """Each source number's [first, last] global passage position (passages are in source order);
    (0, -1) for a source without passages."""
    starts = np.searchsorted(source_of, np.arange(n_sources), side="left")
    stops = np.searchsorted(source_of, np.arange(n_sources), side="right")
    return [(int(a), int(b) - 1) for a, b in zip(starts, stops)]


def align(
    sources: Sequence[Source],
    passages: Mapping[str, tuple[Passage, ...]],
    settings: Settings,
    *,
    counts: Mapping[str, csr_matrix] | None = None,
) -> Alignment:
    """Group passages of different sources that report the same thing.

    In: the sources in their order, each source's passages, the settings, and optionally each
    source's ``count_vectors`` (from the cache; recomputed if missing or of the wrong shape).
    Out: every passage in (source order, index) order; the groups, ordered by the position of their
    first passage; and the passages with no counterpart in any other source. The same input gives
    the same output.
    """
    ordered = _ordered_passages(sources, passages)
    n = len(ordered)
    if n == 0:
        return Alignment(passages=(), groups=(), unaligned=())
    source_number = {s.id: i for i, s in enumerate(sources)}
    source_of = np.fromiter((source_number[p.source] for p in ordered), dtype=np.int64, count=n)
    index_of = np.fromiter((p.index for p in ordered), dtype=np.int64, count=n)

    stacked = _stacked_counts(sources, passages, settings, counts)
    tfidf = weighted_tfidf(stacked, settings.n_features)
    del stacked
    search = _searchable(tfidf, settings.max_df)
    del tfidf
    rhs = search.T.tocsr()
    edges = neighbours(search, source_of, top_k=settings.top_k, threshold=settings.min_similarity, rhs=rhs)

    grouping = _Groups(n, source_of, index_of, edges, settings)
    grouping.run(edges)
    joined: set[int] = set()
    bounds = _source_bounds(source_of, len(sources))
    if settings.gap_align and settings.gap_similarity < settings.min_similarity:
        # A round's pairs are anchors for the next, and a passage whose best match was taken may
        # pair with its next best; rounds stop when one merges nothing.
        for _ in range(GAP_ROUNDS):
            gap = _gap_pairs(grouping, search, rhs, bounds, settings.gap_similarity, joined)
            if gap.a.size == 0:
                break
            # A pair at or above min_similarity may already be an edge the first pass refused to
            # merge on (its group rules); keep one copy. (kind="sort": the default may pick a
            # lookup table as large as the key range, passages squared.)
            edges = _with_edges(edges, gap, n, settings.min_similarity)
    if settings.anchor_align and settings.anchor_similarity < settings.min_similarity:
        extra = _anchor_pairs(grouping, search, [p.text for p in ordered], bounds,
                              settings.anchor_similarity, joined)
        edges = _with_edges(edges, extra, n, settings.min_similarity)
    if settings.gap_align and settings.gap_similarity < settings.min_similarity:
        extra = _mutual_pairs(grouping, search, rhs, MUTUAL_SIMILARITY, joined)
        edges = _with_edges(edges, extra, n, settings.min_similarity)
        if settings.anchor_align and settings.anchor_similarity < MUTUAL_SIMILARITY:
            extra = _placed_pairs(grouping, search, rhs, bounds, settings.anchor_similarity, joined)
            edges = _with_edges(edges, extra, n, settings.min_similarity)
            extra = _half_pairs(grouping, search, rhs, [p.text for p in ordered], settings.anchor_similarity, joined)
            edges = _with_edges(edges, extra, n, settings.min_similarity)
    if settings.vote_align:
        extra = _vote_pairs(grouping, search, rhs, VOTE_SIMILARITY, joined)
        edges = _with_edges(edges, extra, n, settings.min_similarity)
    del search, rhs
    clusters = grouping.clusters()

    member_of = np.full(n, -1, dtype=np.int64)
    for c, ms in enumerate(clusters):
        member_of[ms] = c
    inside = member_of[edges.a] == member_of[edges.b]
    inside &= member_of[edges.a] >= 0
    pairs_of: dict[int, list[tuple[str, str, float]]] = {}
    for a, b, w in zip(edges.a[inside].tolist(), edges.b[inside].tolist(), edges.sim[inside].tolist()):
        ida, idb = ordered[a].id, ordered[b].id
        if idb < ida:
            ida, idb = idb, ida
        pairs_of.setdefault(int(member_of[a]), []).append((ida, idb, round(w, 4)))

    groups: list[Group] = []
    seen_ids: dict[str, int] = {}
    for c, ms in sorted(enumerate(clusters), key=lambda item: item[1][0]):
        members = tuple(ordered[m] for m in ms)
        pairs = tuple(sorted(pairs_of.get(c, [])))
        gid = group_id(members)
        # Two groups of identical content (a source repeating itself) still get distinct ids.
        seen_ids[gid] = seen_ids.get(gid, 0) + 1
        if seen_ids[gid] > 1:
            gid = f"{gid}-{seen_ids[gid]}"
        mean = round(sum(w for _, _, w in pairs) / len(pairs), 4) if pairs else 0.0
        loose = tuple(ordered[m].id for m in ms if m in joined)
        groups.append(Group(id=gid, passages=members, pairs=pairs, similarity=mean, loose=loose))

    grouped = set(int(m) for ms in clusters for m in ms)
    unaligned = tuple(p for i, p in enumerate(ordered) if i not in grouped)
    return Alignment(passages=tuple(ordered), groups=tuple(groups), unaligned=unaligned)
