"""How far apart two wordings are in meaning: WordNet closeness (``_meaning``), part of speech,
word-family frequency. In: tokens or words. Out: a score in [0, 1] or a yes/no, used to tell a
synonym from a changed meaning.
"""

from __future__ import annotations

from typing import Sequence

from srccompare.checks.base import Token
from srccompare.checks.lexicon import MEANING_KEPT, pos_shares, same_meaning, share_ancestor, zipf
# The share of use WordNet's tag counts give each sense, as ``lexicon.sense_overlap`` weighs them.


# A word family at least this frequent (zipf) is an everyday word.
_FAMILY_EVERYDAY = 4.0
_INFLECTION_ENDINGS = ("ing", "es", "ed", "s", "d")
# ``same_meaning`` below this: words that share no everyday sense (a false friend shares a rare
# one at most: "sensible" / "sensitive" ~0.05).
_MEANING_CHANGED = 0.06
# A part of speech a word takes in at least this share of its uses is one it is used as.
_POS_SHARE = 0.25


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


def family_zipf(word: str, lang: str) -> float:
    """The frequency of a word's family: the word or a base form without an inflection ending
    ("reduces" -> "reduce"), whichever is more frequent."""
    w = word.lower()
    best = zipf(w, lang)
    for e in _INFLECTION_ENDINGS:
        if w.endswith(e) and len(w) - len(e) >= 3:
            best = max(best, zipf(w[: -len(e)], lang), zipf(w[: -len(e)] + "e", lang))
    return best
