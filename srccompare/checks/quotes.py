"""quote_variant: a quotation worded differently from the other sources' rendering of it.

Quotes should be verbatim. For every quotation of a source this check finds the same quotation in
the other sources (in the passages aligned with it, or anywhere in the story when both credit the
same named speaker), lines the words up, and lets the sources vote word by word. Where most
sources that quote a stretch agree on a wording and this source has another, the source's wording
is flagged, the majority wording is ``expected``, and the other sources' quote spans are the
evidence.

What is not a variant: curly vs straight quote marks and apostrophes, case, punctuation,
contractions ("we’ve" = "we have"), inflection of the same word ("decouple"/"decoupling"), a
source quoting only part of a longer quote, words left out at an ellipsis, a bracketed insertion,
and anything only one other source says differently (two sources alone cannot tell which is
wrong), unless a third source renders the place as that source does in a quote too free to line
up, a quote credited otherwise or its own sentence (``_reworded_elsewhere``), or the two contradict
each other and the story settles which one is wrong (see "One source against one" below).
Where nothing settles it, a word of content one of the two puts for the other's is a contest
(``CheckContext.contests``, one would-be flag per side), which ``run_checks`` decides from what
the two sources show elsewhere (``checks.contests``; ``_contest_worthy``).

A quote a translation words too freely to line up with the others is not flagged for its wording,
only when it denies a word the others affirm, or the reverse (see "A rendering too free to line
up, whose meaning turned" below).

Quotes in passages the alignment's second pass added to a group (``Group.loose``: paraphrases of
the group) are compared only when their credit or their words vouch for them, as quotes found
elsewhere in the story are: the place alone does not make them the same quotation.

In: ``CheckContext``. Out: ``Flag``s of kind ``quote_variant``.
"""

from __future__ import annotations

import functools
import hashlib
import heapq
import itertools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from typing import Iterable, Iterator, Mapping, Sequence

from cydifflib import SequenceMatcher  # difflib's algorithm and opcodes, compiled
from rapidfuzz.distance import OSA

from srccompare.checks.base import CheckContext, Contest, make_flag, span_of
from srccompare.checks.lexicon import (MEANING_KEPT, is_function_word, is_ordinary_word, opposite_words, polarity_prefix,
                                       pos_shares, quality_noun_pair, same_meaning, share_ancestor, unaccented,
                                       verb_exceptions)
from srccompare.checks.speech import (CONJUNCTIONS, NEGATIONS, PREPOSITIONS, QUOTE_CLOSERS, Quote, Speaker, Speech, Word,
                                      compatible, quote_words, speech_of, stem, translates_quotes)
from srccompare.models import Flag, Kind, Passage, Severity, Span

MIN_QUOTE_WORDS = 4
"""Shorter quotes ("fair trade", a scare-quoted term) are too short to tell a variant from a
different quote; names and terms checks cover single words."""

MAX_COUNTERPART_SOURCES = 40
"""Other sources compared per quote. Votes from 40 sources settle a majority; more only cost time
(a group may hold thousands of passages)."""

MAX_EDGE_WORDS = 4
"""A differing stretch at the very start or end of an aligned quote counts as a difference only
when it is this short on both sides; longer, the two sources most likely cut the quote
differently."""

WHOLE_QUOTE_SHARE = 0.6
"""When this share of a quote's content words differ from the consensus, the whole quote is flagged."""

MAX_EVIDENCE = 6

_NOTHING = ("∅",)  # the vote of a source whose quote has no words where this one has some

STRONG_RUN = 5
"""A quote found story-wide under a speaker this quote's is not known to match (an unresolved
"he", another name) is the same quote only when it shares a run of this many words in a row..."""
STRONG_SHARE = 0.6
"""... and this share of the shorter quote's words (for a speaker unknown on either side) ..."""
STRONG_SHARE_NAMED = 0.8
"""... or this share when both quotes are credited to different named speakers: the words are
then plainly the same quotation, credited differently (the attribution check's business)."""
STRONG_CONTENT = 3
"""... holding at least this many content words among the shared ones."""


# --------------------------------------------------------------------------------------------
# What a rewording does to the meaning
# --------------------------------------------------------------------------------------------
#
# A quote should be verbatim, but not every departure misleads the reader. An editor asks what
# the other wording says that this one does not: a lost "not", "only" added, "will" become
# "would", two contrasted words traded places, a person replaced ("us" / "the police"), a word of
# content gone. Those change what the speaker is reported to have said. Function words, inflection
# ("finding" / "to find"), a synonym ("job" / "work") or a word moved without changing its role
# keep the meaning: the first are a slip of transcription (low), and when the whole quote is
# worded anew that way it is another translation of the same words: still not the words the
# other sources print alike, so flagged, but low.
# The classes below are closed sets of English grammar (negators, quantifiers, modal verbs,
# personal pronouns), not a list about any story.

NEGATORS = NEGATIONS | frozenset({"without", "nowhere", "nor"})
RESTRICTORS = frozenset({"only", "solely", "merely", "exclusively", "alone"})
PARTIAL = frozenset({"some", "several", "many", "few", "most", "much", "part", "partly", "partially",
                     "sometimes", "often", "rarely", "seldom", "hardly", "barely", "almost", "nearly",
                     "mostly", "largely", "mainly"})
# Universal quantifiers: dropping one rarely changes a claim ("all four types" / "the four
# types"); trading one for a restrictor or a partial one does, and that shows in those classes.
UNIVERSAL = frozenset({"all", "every", "each", "any", "anyone", "anybody", "anything", "everyone", "everybody",
                       "everything", "whole", "entire", "both"})
INTENSIFIERS = frozenset({"completely", "totally", "fully", "entirely", "absolutely", "utterly", "perfectly",
                          "extremely", "highly", "very", "really", "truly", "definitely", "certainly",
                          "clearly", "deeply", "strongly", "enormously", "hugely", "incredibly"})
HEDGES = frozenset({"perhaps", "possibly", "probably", "likely", "maybe", "seem", "seems", "seemed",
                    "appear", "appears", "appeared", "apparently", "reportedly", "allegedly", "roughly",
                    "about", "around", "approximately"})
# Hedges that are also prepositions of place or topic ("people around it", "talk about it"): a
# hedge only before a figure ("around 60", "about ten").
SPATIAL_HEDGES = frozenset({"about", "around"})
MODALS = frozenset({"will", "would", "shall", "should", "can", "could", "may", "might", "must", "ought"})
# "Shall" is the formal future of "will" ("no child shall miss" / "no child will miss"), the word a
# translation picks for the source language's plain future: the same modality.
SAME_MODAL = {"shall": "will",
              # Obligation said strongly or mildly ("must not become" / "should not become"), and
              # possibility in the present or the past form: the pick of a translation between
              # two modals of one kind, not another modality (will / must, can / must).
              "should": "must", "ought": "must", "might": "may"}
# Verbs that negate the verb they govern ("fails to cooperate" / "is not cooperative", "refused to
# sign" / "did not sign"): negative implicatives, a closed class of English grammar. They count as
# a negation, not as a word of content.
# Words that say "not this one but another" ("something other", "something else", "another
# way"): a closed class of English; a translation renders the source language's one word by any
# of them, and none of them says more than the others.
ALTERNATIVES = frozenset({"other", "else", "another", "otherwise"})
NEGATIVE_IMPLICATIVES = frozenset({"fail", "fails", "failed", "failing", "refuse", "refuses", "refused",
                                   "refusing", "neglect", "neglects", "neglected", "neglecting"})
PRESENT_AUX = frozenset({"is", "are", "am", "has", "have", "does", "do"})
PAST_AUX = frozenset({"was", "were", "had", "did"})
PERSONS = {"i": "1s", "me": "1s", "my": "1s", "mine": "1s", "myself": "1s",
           "we": "1p", "us": "1p", "our": "1p", "ours": "1p", "ourselves": "1p",
           "you": "2", "your": "2", "yours": "2", "yourself": "2", "yourselves": "2",
           "he": "3m", "him": "3m", "his": "3m", "himself": "3m",
           "she": "3f", "her": "3f", "hers": "3f", "herself": "3f",
           "they": "3p", "them": "3p", "their": "3p", "theirs": "3p", "themselves": "3p"}
NUMBER_WORDS = frozenset("""zero one two three four five six seven eight nine ten eleven twelve thirteen
    fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty
    ninety hundred thousand million billion trillion dozen half first second third fourth fifth
    once twice""".split())
# Adverbial particles of phrasal verbs ("planned down to the minute"): grammar, not content.
PARTICLES = frozenset({"up", "down", "out", "off", "away", "over", "along", "forth"})
# Question words and the nouns that say the same in a periphrasis ("how the money is spent" /
# "the manner to spend the money").
WH_NOUNS = {"how": frozenset({"manner", "way", "method", "means", "fashion"}),
            "why": frozenset({"reason", "cause"}),
            "when": frozenset({"time", "moment"}),
            "where": frozenset({"place", "location"})}

# The grammatical classes whose change alters what the speaker said, in the order they are named.
POLARITY, ORDER, REFERENT, NUMBER, CONTENT, SCOPE, MODALITY, TENSE, EMPHASIS, HEDGE = (
    "polarity", "order", "referent", "number", "content", "scope", "modality", "tense", "emphasis", "hedge")
SEVERE = frozenset({POLARITY, ORDER, REFERENT, NUMBER})


@dataclass(frozen=True)
class Reading:
    """What one wording changes against another. ``changes``: the kinds of meaning change (empty:
    the meaning is kept); ``paraphrase``: content words were reworded without a change (synonyms,
    inflection, moved words), as a different translation does; ``lost``: content words of the other
    wording this one neither has nor renders; ``places``: how many separate places differ;
    ``bare``: see below."""

    changes: frozenset[str]
    paraphrase: bool
    lost: int
    places: int
    bare: bool = False
    """A content word added where the other wording has nothing at all, or dropped where this one
    has nothing ("this year" left out, "fairly" put in): an omission or an addition, which a
    translation does not make, as opposed to one wording put for another."""
    one_field: bool = False
    """The only content changed is one word put for one word of the same field (``lexicon.share_ancestor``:
    "producers" / "growers", "scratch" / "chip"), in one place: the choice a translator makes
    between near words, as opposed to a word from elsewhere ("blood" / "glass")."""
    far: int = 0
    """Content words lost with no word of their field put in their place (``_near``, loosely:
    ``lexicon.share_ancestor`` within three levels, or any overlap of senses; "loans" / "credit"
    are near)."""
    spelt_out: bool = False
    """The only difference is one content word this wording adds, nothing lost, and it either
    stands where the other wording has only function words ("keep this syrup" / "have the syrup")
    or lengthens a run of content words both print ("offshore wind energy" / "offshore wind"): what
    a translator spells out that the original leaves implied (``_translation_choice``)."""


def _is_number(w: str) -> bool:
    return w in NUMBER_WORDS or any(ch.isdigit() for ch in w)


def same_sense(a: str, b: str) -> bool:
    """Two content words that say the same: one word inflected ("finding" / "find", "came" /
    "come"), a synonym (``lexicon.same_meaning`` at ``MEANING_KEPT`` or more: "job" / "work",
    never a false friend), a compound that names a kind of the other
    ("serotypes" / "types"; never a negating prefix, "unsafe" / "safe"), or an adjective and the
    noun of its quality ("to be patient" / "for patience")."""
    if a == b or stem(a) == stem(b):
        return True
    return _same_sense(a, b) if a < b else _same_sense(b, a)


@functools.lru_cache(maxsize=1 << 16)
def _same_sense(a: str, b: str) -> bool:
    if a in ALTERNATIVES and b in ALTERNATIVES:
        return True
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) >= 4 and long.endswith(short) and len(long) - len(short) >= 3 \
            and not polarity_prefix(long) and long[: len(long) - len(short)] not in _NEGATING_PREFIXES:
        return True
    if _root(a) == _root(b) and len(_root(a)) >= _MIN_ROOT:
        return True
    overlap = same_meaning(a, b)
    return (overlap is not None and overlap >= MEANING_KEPT) or quality_noun_pair(a, b)


# Endings that make one word of another without touching its meaning's core ("injured" /
# "injury", "safely" / "safety", "anchor" / "anchorage", "cooperative" / "cooperate"): English
# derivation, a closed set.
_DERIVATION_SUFFIXES = ("ation", "ment", "ness", "ity", "age", "ion", "ive", "ed", "ly", "ty", "y", "e")
_MIN_ROOT = 4


def _root(word: str) -> str:
    """``word`` without one derivational ending (the first listed that leaves ``_MIN_ROOT``
    letters, one more for a one-letter ending: "party" is no derivation of "part")."""
    for suffix in _DERIVATION_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_ROOT + (len(suffix) == 1):
            return word[: len(word) - len(suffix)]
    return word


_NEGATING_PREFIXES = frozenset({"un", "in", "im", "il", "ir", "non", "dis", "anti", "mis", "counter", "de"})


# "one" after a determiner of quantity is a pronoun ("no one" / "nobody"), not a figure.
_PRONOUN_ONE_AFTER = frozenset({"no", "any", "every", "some", "each", "someone", "anyone", "the", "this", "that"})


_BE = frozenset({"am", "is", "are", "was", "were", "be", "been", "being", "'re", "'m", "'s"})
# Units of time carry a quantity as a figure does: "within days" is not "within hours".
TIME_UNITS = frozenset({"second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks",
                        "month", "months", "year", "years", "decade", "decades", "century", "centuries"})


def _future(words: Sequence[str]) -> bool:
    """Whether ``words`` hold the periphrastic future ("are going to" + verb; the "to" may fall
    just outside a differing place), which says what "will" says."""
    return any(w == "going" and ((i + 1 < len(words) and words[i + 1] == "to") or (i > 0 and words[i - 1] in _BE))
               for i, w in enumerate(words))


def _next_word(words: Sequence[str], i: int, following: str | None) -> str | None:
    """The word after ``words[i]``: the next of ``words``, or past the last one ``following`` (the
    word just outside ``words``, None when not known)."""
    return words[i + 1] if i + 1 < len(words) else following


def _before_no_figure(words: Sequence[str], i: int, following: str | None) -> bool:
    """Whether ``words[i]`` is followed by a word that is no figure (``following``: the word after
    the last of ``words``, None when not known)."""
    nxt = _next_word(words, i, following)
    return nxt is not None and not _is_number(nxt)


def _elliptic(words: Sequence[str], i: int, following: str | None) -> bool:
    """Whether the modal ``words[i]`` stands for a verb left out, closing the place with a pronoun
    or nothing after it ("and neither can we", "so will they"): it repeats the clause before, the
    modality is that clause's, and a wording without it ("and we neither") says the same."""
    rest = list(words[i + 1:]) + ([following] if following is not None else [])
    return i > 0 and words[i - 1] in _ELLIPSIS_OPENERS and (not rest or (rest[0] in PERSONS and len(rest) == 1))


# Words that make "much" a degree ("so much effort", "too much rain"): how much of a thing, not
# a part of it. A closed class of English.
_DEGREE_HEADS = frozenset({"this", "that", "so", "too", "how", "very", "as"})


def _degree_word(words: Sequence[str], i: int, following: str | None, preceding: str | None) -> bool:
    """Whether the partial quantifier ``words[i]`` is a degree word rather than a part of a whole:
    "most" before an adjective or adverb is the superlative ("the most cold winter" / "the coldest
    winter", "most urgently"), "much" after a degree head measures an amount ("that much snow" /
    "so deep a snow"). A translation builds the degree in words where English inflects it;
    neither restricts the claim to a part, as "most farms" or "much of the valley" do.
    ``following`` / ``preceding``: the words just outside ``words``, None when not known."""
    w = words[i]
    if w == "most":
        nxt = _next_word(words, i, following)
        if nxt is None or nxt == "of":
            return False
        shares = pos_shares(nxt)
        return shares.get("adj", 0.0) + shares.get("adv", 0.0) > 0.5
    if w == "much":
        prev = words[i - 1] if i > 0 else preceding
        return prev in _DEGREE_HEADS
    return False


# Verbs that with "to" say what a modal says ("has to be" / "must be", "is able to" / "can"): the
# semi-modals of English grammar, a closed class. A translation picks either for the source
# language's one form; the modality is the same.
# Only where nothing denies them: "must not" forbids, "does not have to" / "need not" only
# release ("no child needs to take" is no "no child should take").
SEMI_MODALS = {"have": "must", "has": "must", "had": "must", "having": "must"}
_ABLE = {"able": "can", "allowed": "may", "permitted": "may"}


def _semi_modals(words: Sequence[str], following: str | None, *, denied: bool = False) -> frozenset[str]:
    """The modalities ``words`` say with a semi-modal ("has to": "must"; "is able to": "can"; "is
    allowed to": "may"), the "to" inside the place or right after it (``following``). "have to"
    counts for none where a negation stands in ``words`` or before them (``denied``; see
    SEMI_MODALS); "not able to" still says "cannot"."""
    out = set()
    denied = denied or any(w in NEGATORS for w in words)
    for i, w in enumerate(words):
        nxt = _next_word(words, i, following)
        if nxt != "to":
            continue
        if w in SEMI_MODALS and not denied:
            out.add(SEMI_MODALS[w])
        elif w in _ABLE and i > 0 and words[i - 1] in _BE:
            out.add(_ABLE[w])
    return frozenset(out)


# The future of a modal English can only say with its semi-modal ("will be able to": the future
# of "can"; "will have to": of "must"): the modality is the semi-modal's, the "will" its tense.
_FUTURES = frozenset({"will", "shall"})


def _future_of_semi(words: Sequence[str], i: int, following: str | None) -> bool:
    """Whether the future modal ``words[i]`` governs a semi-modal right after it ("will be able
    to", "will have to", "shall be allowed to"): the future of "can", "must", "may" (see
    ``_FUTURES``). ``following``: the word after ``words``, None when not known."""
    if words[i] not in _FUTURES:
        return False
    nxt = [w for w in list(words[i + 1:i + 5]) + ([following] if following is not None else []) if w != "not"]
    return (len(nxt) >= 2 and nxt[0] in SEMI_MODALS and nxt[1] == "to") or \
        (len(nxt) >= 3 and nxt[0] == "be" and nxt[1] in _ABLE and nxt[2] == "to")


# Words after which a verb is the bare infinitive ("did not have", "will have", "to have"): its
# form says no tense, the word before does. English grammar, a closed class.
_INFINITIVE_AFTER = MODALS | frozenset({"do", "does", "did", "to"})


def _infinitive(words: Sequence[str], i: int, preceding: str | None) -> bool:
    """Whether the auxiliary ``words[i]`` ("have", "do", "be") stands as a bare infinitive after
    do-support, a modal or "to" (a "not" or "never" between): "did not have a place" is past, as
    "had nowhere" is. ``preceding``: the word before ``words``, None when not known."""
    before = [w for w in list(words[max(0, i - 2):i]) if w not in ("not", "never")]
    if not before and i <= 2 and preceding is not None:
        before = [preceding] if preceding not in ("not", "never") else []
    return bool(before) and before[-1] in _INFINITIVE_AFTER


_PERFECT_ADVERBS = frozenset({"not", "never", "already", "just", "long", "always", "ever"})


def _perfect(words: Sequence[str], i: int, following: str | None) -> bool:
    """Whether ``words[i]`` is the "has" / "have" of the present perfect ("has been made", "have
    risen", an adverb between): a past event, told as the simple past tells it ("was made"); many
    languages have one form for both and a translation picks either. ``following``: the word
    after ``words``, None when not known."""
    if words[i] not in ("has", "have"):
        return False
    rest = [w for w in list(words[i + 1:i + 4]) + ([following] if following is not None else [])
            if w not in _PERFECT_ADVERBS]
    if not rest:
        return False
    nxt = rest[0]
    return nxt == "been" or _verb_tense(nxt) == "past" or (nxt.endswith("en") and bool(verb_exceptions(nxt)))


def _preference(words: Sequence[str], i: int, following: str | None) -> bool:
    """Whether ``words[i]`` is the "would" of "would rather" ("we would rather wait" / "it is
    better that we wait"): an idiom of preference, no modality of the claim."""
    nxt = _next_word(words, i, following)
    return words[i] == "would" and nxt == "rather"


def _degree_too(words: Sequence[str], i: int, following: str | None) -> bool:
    """Whether ``words[i]`` is the degree word "too" before an adjective or adverb ("too fast" /
    "very fast"): an intensifier, as opposed to "too" for "also" ("we too")."""
    if words[i] != "too":
        return False
    nxt = _next_word(words, i, following)
    if nxt is None:
        return False
    shares = pos_shares(nxt)
    return shares.get("adj", 0.0) + shares.get("adv", 0.0) > 0.5


# Words that open an elliptic clause ("neither can we", "so will they", "nor could I").
_ELLIPSIS_OPENERS = frozenset({"neither", "nor", "so"})


def _classes(words: Sequence[str], following: str | None = None, *, denied: bool = False,
             preceding: str | None = None) -> dict[str, object]:
    """The grammatical meaning carriers of one side of a place: "going to" counts as "will", "has
    to" as "must" (not after a negation: ``denied``), a pronoun "one" ("no one") is no number,
    "about" / "around" hedge only a figure (``following``: the word after the place, None when not
    known), "most" / "much" as degree words are no partial scope (``_degree_word``; ``preceding``:
    the word before the place, None when not known)."""
    modals = frozenset(SAME_MODAL.get(w, w) for i, w in enumerate(words) if w in MODALS
                       and not _elliptic(words, i, following) and not _future_of_semi(words, i, following)
                       and not _preference(words, i, following)) | (
        frozenset({"will"}) if _future(words) else frozenset()) | _semi_modals(words, following, denied=denied)
    return {
        POLARITY: sum(1 for w in words if w in NEGATORS or w in NEGATIVE_IMPLICATIVES) % 2,
        SCOPE: frozenset(w for w in words if w in RESTRICTORS) | (
            frozenset({"partial"}) if any(w in PARTIAL and not _degree_word(words, i, following, preceding)
                                          for i, w in enumerate(words)) else frozenset()),
        MODALITY: modals,
        TENSE: frozenset(("past" if w in PAST_AUX or _perfect(words, i, following) else "present")
                         for i, w in enumerate(words)
                         if (w in PAST_AUX or w in PRESENT_AUX) and not _infinitive(words, i, preceding)),
        EMPHASIS: any(w in INTENSIFIERS or _degree_too(words, i, following) for i, w in enumerate(words)),
        HEDGE: any(w in HEDGES and not (w in SPATIAL_HEDGES and _before_no_figure(words, i, following))
                   for i, w in enumerate(words)),
        NUMBER: frozenset(_number_word(words, i) for i, w in enumerate(words)
                          if (_is_number(w) or w in TIME_UNITS or _number_word(words, i) == "one")
                          and not _no_figure_one(words, i)),
        REFERENT: frozenset(PERSONS[w] for w in words if w in PERSONS),
    }


_GRAMMAR = NEGATORS | NEGATIVE_IMPLICATIVES | RESTRICTORS | PARTIAL | UNIVERSAL | INTENSIFIERS | HEDGES | MODALS | PRESENT_AUX \
    | PAST_AUX | frozenset(PERSONS) | PARTICLES


def _run_of(word: Word, words: Sequence[Word]) -> int:
    """The index of the run of consecutive content words (a compound: "Sports Arbitration Court")
    that holds ``word`` among ``words`` (matched by offset); -1 when not found or not content."""
    run = -1
    prev_content = False
    for i, w in enumerate(words):
        if w.content and not prev_content:
            run = i
        prev_content = w.content
        if w.start == word.start and w.end == word.end:
            return run if w.content else -1
    return -1


_MIN_COMPOUND_PART = 3


def _split_compounds(qc: list[str], cc: list[str]) -> tuple[list[str], list[str]]:
    """Both sides' content words, a closed compound on one side cut in two where the other side
    writes its first part as a word of its own ("backyard" / "back garden": "back" + "yard"), so
    that each part can be paired with the other side's words. The first part has at least three
    letters, the second more (an ending such as "-ing" is inflection, not a word)."""
    def split(side: list[str], other: list[str]) -> list[str]:
        out = []
        for w in side:
            head = next((o for o in other if o != w and len(o) >= _MIN_COMPOUND_PART
                         and w.startswith(o) and len(w) - len(o) >= _MIN_COMPOUND_PART), None)
            tail = w[len(head):] if head is not None else ""
            out += [head, tail] if len(tail) > _MIN_COMPOUND_PART and stem(w) != stem(head) \
                and is_ordinary_word(tail) else [w]
        return out
    return split(qc, cc), split(cc, qc)


def _after(place: Sequence[Word], words: Sequence[Word]) -> str | None:
    """The ``norm`` of the word right after ``place`` among ``words`` (matched by offset); None
    when the place is empty or last, or ``words`` are not known."""
    if not place:
        return None
    end = place[-1].end
    for i, w in enumerate(words):
        if w.start == place[-1].start and w.end == end:
            return words[i + 1].norm if i + 1 < len(words) else None
    return None


def _before(place: Sequence[Word], words: Sequence[Word]) -> str | None:
    """The ``norm`` of the word right before ``place`` among ``words`` (``_place_index``); None
    when the place is empty or first, or ``words`` are not known."""
    at = _place_index(place, words)
    return words[at - 1].norm if at else None


def _compound_part(compound: str, word: str) -> bool:
    """Whether ``word`` is the first or last part of a closed (or de-hyphenated) ``compound``, the
    other part an ordinary word of three letters or more ("waistdeep" / "waist"): a compound
    spelt out elsewhere in the other wording ("waist-deep water" / "water up to the waist") is
    the same content said in more words, as a translation does."""
    if len(word) < _MIN_COMPOUND_PART + 1 or len(compound) - len(word) < _MIN_COMPOUND_PART or word == compound:
        return False
    if compound.startswith(word):
        rest = compound[len(word):]
    elif compound.endswith(word):
        rest = compound[: len(compound) - len(word)]
    else:
        return False
    return is_ordinary_word(rest)


def _spelt_out(a: str, b: str) -> bool:
    """Whether either word is a part of the other, a compound (``_compound_part``)."""
    return _compound_part(a, b) or _compound_part(b, a)


def _verb_tense(word: str) -> str:
    """"past" for a past form ("remained", "came"), "present" for a third-person present
    ("remains"), "" otherwise (a base form, a participle in -ing, a word that is no verb form): an
    inflection alone that moves a verb between past and present changes when a thing holds."""
    if len(word) > 4 and word.endswith("ed"):
        return "past"
    if any(not word.endswith(("ing", "en")) for _ in verb_exceptions(word)) and word not in ("is", "are"):
        return "past"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return "present"
    return ""


def _place_index(place: Sequence[Word], words: Sequence[Word]) -> int | None:
    """Where ``place`` begins among ``words`` (its first word matched by offset); None when the
    place is empty or not among them."""
    if not place:
        return None
    return next((i for i, w in enumerate(words) if w.start == place[0].start), None)


def _denied_before(place: Sequence[Word], words: Sequence[Word]) -> bool:
    """Whether a negation stands in the NEGATION_REACH words before ``place`` (matched by offset
    among ``words``): "no child [has to]"."""
    at = _place_index(place, words)
    return at is not None and any(_is_negator(w.norm) for w in words[max(0, at - NEGATION_REACH):at])


_PRESENT_BE = frozenset({"am", "is", "are", "'re", "'m"})


def _planned_future(mine: frozenset[str], theirs: frozenset[str], place: Sequence[Word], words: Sequence[Word]) -> bool:
    """Whether a "will" only this side says is the future the other side says with the present
    progressive ("we will not close it" / "we are not closing it"): English says a decided plan
    either way, and a translation picks "will" for the source language's one form. ``place``: the
    other side's words at the place, ``words``: its whole wording; the "-ing" verb may stand just
    after the place, past a "not"."""
    if mine - theirs != {"will"} or theirs - mine:
        return False
    at = _place_index(place, words)
    if at is None:
        return False
    for k in range(at, min(len(words), at + len(place) + 1)):
        if words[k].norm in _PRESENT_BE:
            rest = [w.norm for w in words[k + 1:k + 3] if w.norm not in ("not", "never")]
            return bool(rest) and rest[0].endswith("ing") and len(rest[0]) > 5
    return False


_SUBORDINATORS = frozenset({"when", "if", "once", "until", "till", "before", "after", "unless", "whenever", "soon"})
"""Words opening a clause of time or condition ("as soon as" by its "soon")."""
SUBJECT_SPAN = 3
"""Words a subject may take between the clause's opening word and its verb ("when the water")."""


def _future_in_subordinate(mine: frozenset[str], theirs: frozenset[str], place: Sequence[Word],
                           words: Sequence[Word]) -> bool:
    """Whether a "will" only this side says is the future of a clause of time or condition ("I
    will believe it when I will see the concrete", "if it will be necessary"): English alone among
    the languages news is translated from puts such a clause in the present; Slavic, Greek,
    Romance, Turkish... put it in the future, and a literal translation keeps it. The
    speaker's claim is the same. ``place``: this side's words at the place, ``words``: its whole
    wording; the opening word stands at most SUBJECT_SPAN words before the "will"."""
    if mine - theirs != {"will"} or theirs - mine:
        return False
    at = _place_index(place, words)
    if at is None:
        return False
    wills = [k for k in range(at, min(len(words), at + len(place))) if words[k].norm in ("will", "'ll")]
    for k in wills:
        for j in range(k - 1, max(-1, k - 2 - SUBJECT_SPAN), -1):
            w = words[j].norm
            if w in _SUBORDINATORS:
                return True
            if w in CONJUNCTIONS or w in MODALS:
                break
    return False


def _impersonal_they(mine: frozenset[str], theirs: frozenset[str], their_words: Sequence[str]) -> bool:
    """Whether the only person one side adds is "they" (``mine`` holds "3p" and every person of
    ``theirs``) where the other side's words hold a passive (a form of "be" and a past
    participle: "we are told"): the impersonal "they" of "they say to us", the agent a passive
    leaves unnamed. English says it both ways; no other person is meant."""
    return mine - theirs == {"3p"} and bool(theirs) and any(
        w in _BE and _participle(their_words[i + 1]) for i, w in enumerate(their_words[:-1]))


def _participle(word: str) -> bool:
    """Whether ``word`` may be a past participle: a regular "-ed" form or an irregular one."""
    return (len(word) > 4 and word.endswith("ed")) or bool(verb_exceptions(word))


REPORTED_SUBJECT = 3
"""Words of a reported clause's subject ("the goods") read past, back to the verb that reports it."""


def _after_past_verb(place: Sequence[Word], words: Sequence[Word]) -> bool:
    """Whether ``place`` (matched by offset among ``words``) stands in a clause reported after a
    verb in the past: that verb, then "that" or up to REPORTED_SUBJECT words of the clause's
    subject, then the place ("believed [that the goods are]", "believed the [cargo was]")."""
    if not place:
        return False
    at = next((i for i, w in enumerate(words) if w.start == place[0].start), None)
    if at is None:
        return False
    for k in range(at - 1, max(-1, at - 2 - REPORTED_SUBJECT), -1):
        w = words[k]
        if w.content and _verb_tense(w.norm) == "past" and w.norm not in _BE and w.norm not in PAST_AUX:
            return True
        if w.norm in PERSONS and k < at - 1:
            return False  # a subject of its own before: "we said they" is no clause of ours
    return False


def _content(words: Sequence[Word]) -> list[str]:
    return [w.norm for w in words if w.content and w.norm not in _GRAMMAR and not _is_number(w.norm)]


def read_change(places: Sequence[tuple[Sequence[Word], Sequence[Word]]], *,
                mine: Sequence[str] = (), theirs: Sequence[str] = (),
                mine_words: Sequence[Word] = (), theirs_words: Sequence[Word] = ()) -> Reading:
    """What this wording changes against the other one, given the places where they differ, each
    as (this wording's words there, the other's words there). ``mine`` and ``theirs``: the two
    wordings' whole word lists (``norm``s), when known: a content word one place adds that the other
    wording has elsewhere was moved, not added. ``mine_words`` / ``theirs_words``: the two wordings'
    ``Word``s in order, when known: two words that trade places inside one run of content words (a
    compound name) are no reversal of roles. See the section note."""
    changes: set[str] = set()
    paraphrase = False
    added: list[tuple[int, str]] = []  # content words only this wording has, by place
    lost: list[tuple[int, str]] = []
    runs: dict[tuple[int, str], int] = {}  # (place, word) -> its run of content words (see below)
    bare_places: set[int] = set()  # places where one side has content words and the other nothing
    # "said to me that I should wait" / "told me to wait": the modal of a reported command is no
    # modality of the speaker's own (see _reported_commands).
    reported_mine = _reported_commands(mine_words, theirs_words)
    reported_theirs = _reported_commands(theirs_words, mine_words)
    persons_added: set[str] = set()
    persons_lost: set[str] = set()
    for k, (qs, cs) in enumerate(places):
        for w in qs:
            runs.setdefault((k, w.norm), _run_of(w, mine_words))
        for w in cs:
            runs.setdefault((k, "\0" + w.norm), _run_of(w, theirs_words))
        qn, cn = [w.norm for w in qs], [w.norm for w in cs]
        if (not qs and _content(cs)) or (not cs and _content(qs)):
            bare_places.add(k)
        a = _classes([w.norm for w in qs if (w.start, w.end) not in reported_mine], _after(qs, mine_words),
                     denied=_denied_before(qs, mine_words), preceding=_before(qs, mine_words))
        b = _classes([w.norm for w in cs if (w.start, w.end) not in reported_theirs], _after(cs, theirs_words),
                     denied=_denied_before(cs, theirs_words), preceding=_before(cs, theirs_words))
        if _impersonal_they(a[REFERENT], b[REFERENT], cn) or _impersonal_they(b[REFERENT], a[REFERENT], qn):
            # "they say to us" / "we are told": the same person told, the teller left unnamed
            # either way (see _impersonal_they).
            a = {**a, REFERENT: b[REFERENT] | a[REFERENT]}
            b = {**b, REFERENT: a[REFERENT]}
        persons_added |= a[REFERENT] - b[REFERENT]
        persons_lost |= b[REFERENT] - a[REFERENT]
        if a[POLARITY] != b[POLARITY] and _opposite_pair(qs, cs) is None:
            # A negation with the antonym of the other's word says what that word says ("is not
            # open" / "is closed", "without danger" / "safe"): no polarity changed.
            changes.add(POLARITY)
        if a[SCOPE] != b[SCOPE]:
            changes.add(SCOPE)
        if a[MODALITY] != b[MODALITY] and not (
                _planned_future(a[MODALITY], b[MODALITY], cs, theirs_words)
                or _planned_future(b[MODALITY], a[MODALITY], qs, mine_words)
                or _future_in_subordinate(a[MODALITY], b[MODALITY], qs, mine_words)
                or _future_in_subordinate(b[MODALITY], a[MODALITY], cs, theirs_words)):
            changes.add(MODALITY)
        if a[TENSE] and b[TENSE] and a[TENSE] != b[TENSE] and not (
                _after_past_verb(qs, mine_words) or _after_past_verb(cs, theirs_words)):
            # An auxiliary dropped ("are writing" / "write") keeps the tense, and so does a clause
            # reported after a verb in the past ("believed the cargo was legal" / "believed that
            # the goods are legal"): English shifts its tense back, most languages do not.
            changes.add(TENSE)
        if a[EMPHASIS] != b[EMPHASIS]:
            changes.add(EMPHASIS)
        if a[HEDGE] != b[HEDGE]:
            changes.add(HEDGE)
        if a[NUMBER] != b[NUMBER] and (a[NUMBER] or b[NUMBER]):
            changes.add(NUMBER)
        qc, cc = _split_compounds(_content(qs), _content(cs))
        if a[REFERENT] != b[REFERENT] and b[REFERENT] and (a[REFERENT] or qc):
            changes.add(REFERENT)  # another person, or a person named where the others say "us"
        # Pair content words that say the same; what is left was added or lost here.
        rest = list(cc)
        for w in qc:
            hit = next((x for x in rest if same_sense(w, x)), None)
            if hit is None:
                added.append((k, w))
            else:
                rest.remove(hit)
                paraphrase = paraphrase or hit != w
                if _verb_tense(w) and _verb_tense(hit) and _verb_tense(w) != _verb_tense(hit):
                    changes.add(TENSE)  # "remained" / "remains": the same verb in another tense
        lost.extend((k, w) for w in rest)
        # A question word rendered by its noun ("how" / "the manner"): the same content.
        for wh, nouns in WH_NOUNS.items():
            if (wh in cn) != (wh in qn):
                side = added if wh in cn else lost
                for item in [x for x in side if x[1] in nouns][:1]:
                    side.remove(item)
                    paraphrase = True
    # Content words that changed places: two traded places ("to listen, not to lecture" / "to
    # lecture, not to listen") reverse roles; one moved alone keeps its role.
    for item in list(added):
        if item not in added:
            continue  # already paired as the other half of a swap
        ka, wa = item
        hit = next(((kl, wl) for kl, wl in lost if kl != ka and same_sense(wa, wl)), None)
        if hit is None:
            continue
        added.remove(item)
        lost.remove(hit)
        back = next(((kb, wb, (kl, wl)) for kb, wb in added if kb == hit[0]
                     for kl, wl in lost if kl == ka and same_sense(wb, wl)), None)
        if back is not None:
            added.remove(back[:2])
            lost.remove(back[2])
            # Two words of one compound traded places ("the Sports Arbitration Court" / "the
            # Court of Arbitration for Sport"): the same name spelt out, not roles reversed.
            mine_run = runs.get((ka, wa), -1)
            theirs_run = runs.get((hit[0], "\0" + hit[1]), -1)
            if (mine_run >= 0 and mine_run == runs.get((back[0], back[1]), -2)) or \
                    (theirs_run >= 0 and theirs_run == runs.get((back[2][0], "\0" + back[2][1]), -2)):
                paraphrase = True
            else:
                changes.add(ORDER)
        else:
            paraphrase = True
    # Moved out of the places compared (the other wording has it where both agree otherwise).
    if added and theirs:
        moved = [x for x in added if any(same_sense(x[1], t) or _spelt_out(x[1], t) for t in theirs)]
        added = [x for x in added if x not in moved]
        paraphrase = paraphrase or bool(moved)
    if lost and mine:
        moved = [x for x in lost if any(same_sense(x[1], t) or _spelt_out(x[1], t) for t in mine)]
        lost = [x for x in lost if x not in moved]
        paraphrase = paraphrase or bool(moved)
    if REFERENT in changes and persons_added and persons_added == persons_lost:
        # The same persons, each only moved to another of the places compared ("coach told me"
        # + "that I should" / "trainer said" + "to me that I"): the alignment split one phrase
        # where the two wordings build it differently; no one else is meant. Roles swapped inside
        # one place ("I told him" / "he told me") are the ORDER reading's business.
        changes.discard(REFERENT)
    if NUMBER in changes and mine and theirs and _quantities(mine) == _quantities(theirs):
        # The same figures and units of time, one only moved to another of the places compared
        # ("will earn more this year" / "this year will earn more"), or a span of time said in
        # another unit ("in the last ten years" / "in this decade"): no quantity is changed.
        changes.discard(NUMBER)
    if POLARITY in changes and mine and theirs and _negators(mine) == _negators(theirs):
        # The same negations, one only moved to another of the places compared ("and we
        # neither" / "and neither can we"): nothing is denied that was not.
        changes.discard(POLARITY)
    if POLARITY in changes and mine and theirs and _negation_recast(_negators(mine), _negators(theirs)):
        changes.discard(POLARITY)
        paraphrase = True
    if POLARITY in changes and mine and theirs and _denial_placed_otherwise(mine, theirs):
        changes.discard(POLARITY)
        paraphrase = True
    spelt_out = not changes and not lost and len(added) == 1 and _spells_out(added[0], places, runs, mine_words)
    one_field = len(added) == 1 and len(lost) == 1 and added[0][0] == lost[0][0] \
        and share_ancestor(added[0][1], lost[0][1]) is True
    far = sum(1 for kl, wl in lost if not any(ka == kl and _near(wa, wl) for ka, wa in added))
    if lost or added:
        changes.add(CONTENT)
    bare = any(k in bare_places for k, _ in lost + added)
    return Reading(frozenset(changes), paraphrase, len(lost), len(places), bare, spelt_out=spelt_out,
                   one_field=one_field, far=far)


def _near(a: str, b: str) -> bool:
    """Two content words of one field, loosely (see ``Reading.far``)."""
    return share_ancestor(a, b, 3) is True or bool(same_meaning(a, b))


def _figures(words: Sequence[str]) -> Counter[str]:
    """The figures and units of time of a whole wording (``_classes``' NUMBER), counted."""
    return Counter(_number_word(words, i) for i, w in enumerate(words) if (_is_number(w) or w in TIME_UNITS
                   or _number_word(words, i) == "one") and not _no_figure_one(words, i))


# Units of time that are a multiple of another ("a decade" is ten years): English, a closed set.
TIME_MULTIPLES = {"decade": (10, "year"), "decades": (10, "year"), "century": (100, "year"),
                  "centuries": (100, "year"), "fortnight": (14, "day"), "fortnights": (14, "day"),
                  "week": (7, "day"), "weeks": (7, "day")}
_CARDINALS = {w: n for n, w in enumerate("""zero one two three four five six seven eight nine ten eleven twelve
    thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty""".split())} | {
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100}


_ROUND_PLURALS = {"tens": 10, "hundreds": 100, "thousands": 1000}


def _quantities(words: Sequence[str]) -> Counter[str]:
    """The figures and units of time of a whole wording (``_figures``) as quantities: a cardinal in
    words read as digits ("ten" / "10"), a unit of time in the singular, and a unit that is a
    multiple of another counted in that one ("this decade" / "the last ten years": 10 and
    "year"; "two weeks" / "fourteen days"). A figure before a unit multiplies; a unit without one
    counts once."""
    out: Counter[str] = Counter()
    figures = [(i, _number_word(words, i)) for i, w in enumerate(words) if (_is_number(w) or w in TIME_UNITS
               or w in TIME_MULTIPLES or _number_word(words, i) == "one")
               and not _no_figure_one(words, i)]
    taken: set[int] = set()
    # "tens of years" / "decades", "hundreds of years" / "centuries": a round figure in the plural
    # before a unit counts as the unit's multiple does.
    for i, w in enumerate(words[:-2]):
        if w in _ROUND_PLURALS and words[i + 1] == "of" and words[i + 2] in TIME_UNITS:
            out[str(_ROUND_PLURALS[w])] += 1
            out[words[i + 2].rstrip("s")] += 1
            taken.add(i + 2)
    for k, (i, w) in enumerate(figures):
        if w not in TIME_MULTIPLES:
            continue
        factor, unit = TIME_MULTIPLES[w]
        prev = figures[k - 1] if k > 0 and figures[k - 1][0] == i - 1 else None
        n = _value(prev[1]) if prev is not None else None
        if prev is not None and n is not None:
            taken.add(prev[0])
            out[str(n * factor)] += 1
        elif prev is None:
            out[str(factor)] += 1
        else:
            out[prev[1]] += 1
            taken.add(prev[0])
        out[unit] += 1
        taken.add(i)
    for i, w in figures:
        if i in taken:
            continue
        n = _value(w)
        out[str(n) if n is not None else w.rstrip("s") if w in TIME_UNITS else w] += 1
    return out


def _value(word: str) -> int | None:
    """A cardinal in digits or in words ("10", "ten"), else None."""
    if word.isdigit():
        return int(word)
    return _CARDINALS.get(word)


def _no_figure_one(words: Sequence[str], i: int) -> bool:
    """Whether ``words[i]`` is a "one" that is no figure: a pronoun after a determiner of quantity
    ("no one", "every one"), or the "one" of "not one" / "not a single", which says "no" ("not one
    child was given" / "no child received"): none, not a quantity of one."""
    if _number_word(words, i) != "one":
        return False
    w = words[i]
    if w == "one" and i > 0 and words[i - 1] in _PRONOUN_ONE_AFTER:
        return True
    return any(x in NEGATORS for x in words[max(0, i - 2):i])


# Numerals that English counts with the article as with "one" ("a third" / "one third", "a
# hundred" / "one hundred"): a closed class.
_COUNTED_WITH_A = frozenset({"hundred", "thousand", "million", "billion", "trillion", "dozen", "third", "quarter",
                             "fifth", "tenth"})


def _number_word(words: Sequence[str], i: int) -> str:
    """``words[i]``, "single" after an article or "not a" read as "one" ("not a single dinar" /
    "not one dinar"), and the article before a numeral it counts ("a third" / "one third"):
    the same quantity."""
    w = words[i]
    if w in ("a", "an") and i + 1 < len(words) and words[i + 1] in _COUNTED_WITH_A:
        return "one"
    return "one" if w == "single" and i > 0 and words[i - 1] in ("a", "one") else w


def _negators(words: Sequence[str]) -> Counter[str]:
    """The negating words of a whole wording, counted."""
    return Counter(w for w in words if w in NEGATORS or w in NEGATIVE_IMPLICATIVES)


def _negation_recast(mine: Counter[str], theirs: Counter[str]) -> bool:
    """Whether two wordings deny the same thing in two ways: as many negations on each side, and
    where they differ, one side's are verbs that carry a negation ("failed", "refused": "failed
    them" is "did not help them") and the other's plain negators ("not", "without": "left them
    without help"). A translation recasts the verb and puts the negation elsewhere; nothing is
    denied that was not. Two plain negators at different places ("did not X but Y" / "did X but
    not Y") are no recast, and the others' negation lost or added changes the count."""
    if sum(mine.values()) != sum(theirs.values()):
        return False
    only_mine, only_theirs = set(mine - theirs), set(theirs - mine)
    if not only_mine or not only_theirs:
        return False
    for a, b in ((only_mine, only_theirs), (only_theirs, only_mine)):
        if a <= NEGATIVE_IMPLICATIVES and not (b & NEGATIVE_IMPLICATIVES):
            return True
    return False


NEGATIVE_WORDS = NEGATIONS - {"not", "cannot"}
"""The negative quantifiers and adverbs ("no", "nobody", "nothing", "never"...): the words a
negative-concord language pairs with the verb's own negator to deny once."""
CONCORD_SPAN = 6
"""How far after a negative quantifier a negator on the verb still belongs to its clause."""
_DENIAL_CLAUSE_OPENERS = frozenset({"and", "or", "but", "so", "because", "while", "when", "if", "that", "which",
                                    "who", "although", "though", "whereas", "unless", "until", "before", "after", "since"})


def _concord(words: Sequence[str], i: int) -> bool:
    """Whether the negator at ``i`` follows a negative quantifier of its own clause ("no grape
    will not be paid", "nobody did not come"): within CONCORD_SPAN words, no clause opened
    between."""
    for j in range(i - 1, max(-1, i - 1 - CONCORD_SPAN), -1):
        if words[j] in NEGATIVE_WORDS:
            return True
        if words[j] in _DENIAL_CLAUSE_OPENERS:
            return False
    return False


def _denial_placed_otherwise(mine: Sequence[str], theirs: Sequence[str]) -> bool:
    """Whether two wordings deny the same thing once each, one of them by negative concord. Most
    languages other than English (Romance, Slavic, Greek, Hungarian...) deny with a negative
    quantifier and the verb's own negator together ("cap raïm no es pagarà": "no grape will not
    be paid"), one denial, which a literal translation keeps: a "not" only one wording has, after
    a negative quantifier of its own clause (``_concord``), denies nothing more. A denial moved
    from the verb to its object ("we will not put any patient at risk" / "no patient will be put
    at risk") is not this: it may move what is denied ("the danger has not ended" / "there is no
    danger"), and editors mark it."""
    a, b = _negators(mine), _negators(theirs)
    only_a, only_b = a - b, b - a
    for extra, words, other in ((only_a, mine, only_b), (only_b, theirs, only_a)):
        if not other and extra == Counter({"not": 1}):
            nots = [i for i, w in enumerate(words) if w == "not"]
            return any(_concord(words, i) for i in nots)
    return False


def _reported_commands(words: Sequence[Word], other: Sequence[Word]) -> set[tuple[int, int]]:
    """Offsets of each "should" in ``words`` that reports a command as indirect speech ("that I
    should wait") where the ``other`` wording gives it as an infinitive ("told me to wait"): "X
    told me to V" and "X said to me that I should V" say the same, the modal only carries the
    command into the clause. In: two wordings' words in order."""
    out: set[tuple[int, int]] = set()
    for j in range(2, len(words) - 1):
        w = words[j]
        if w.norm != "should" or words[j - 1].norm not in PERSONS or words[j - 2].norm != "that":
            continue
        verb = words[j + 1].norm
        if any(other[i].norm == "to" and same_sense(other[i + 1].norm, verb) for i in range(len(other) - 1)):
            out.add((w.start, w.end))
    return out


def _spells_out(item: tuple[int, str], places: Sequence[tuple[Sequence[Word], Sequence[Word]]],
                runs: dict[tuple[int, str], int], mine_words: Sequence[Word]) -> bool:
    """Whether a content word added at place k (``item`` = (k, norm)) is put for the other
    wording's function words there (a light verb or article rendered by a full word), or is a
    noun put after content words the other wording prints, closing the noun phrase: the head of a
    compound whose modifiers the other wording has ("offshore wind energy stops" / "offshore wind
    stops"). English compounds are head-final, so a word added in front of a noun ("terrorist
    attack" / "attack") or an adverb ("won fairly" / "won") qualifies what was said and is no
    spelling out. In: the places compared, each word's run (``read_change``), this wording's
    words."""
    k, word = item
    qs, cs = places[k]
    if cs:
        return True  # the other side has words here, none of them content: put for them
    if runs.get((k, word), -1) < 0 or not _mostly_noun(word):
        return False
    inside = {(w.start, w.end) for w in qs}
    at = next((i for i, w in enumerate(mine_words) if w.norm == word and (w.start, w.end) in inside), None)
    if at is None or at == 0:
        return False
    before, after = mine_words[at - 1], mine_words[at + 1] if at + 1 < len(mine_words) else None
    return before.content and (before.start, before.end) not in inside \
        and not (after is not None and after.content and _mostly_noun(after.norm))


def _mostly_noun(word: str) -> bool:
    return pos_shares(word).get("noun", 0.0) >= 0.5


@dataclass(frozen=True)
class _Match:
    """One fragment of a quote lined up with one fragment of another source's quote."""

    words: tuple[Word, ...]  # the other fragment's words
    ops: tuple[tuple[str, int, int, int, int], ...]
    status: tuple[object, ...]  # per word of this fragment: None (no vote), "eq", or a key tuple
    matched: int
    alts: tuple[frozenset[str], ...] = ()  # per word: the other fragment's words in its place (votes only)


def _revoted(m: _Match, qw: Sequence[Word], a1: int, a2: int, b1: int, b2: int,
             ops: tuple[tuple[str, int, int, int, int], ...]) -> _Match:
    """``m`` with this fragment's words ``qw[a1:a2]`` voting as one change against the other
    fragment's ``m.words[b1:b2]``: an ending read as a whole, not word by word."""
    status = list(m.status)
    alts = list(m.alts) if m.alts else [frozenset()] * len(qw)
    key = _vote(m.words[b1:b2], qw[a1:a2])
    for i in range(a1, a2):
        status[i] = key
        alts[i] = frozenset(w.norm for w in m.words[b1:b2])
    return _Match(words=m.words, ops=ops, status=tuple(status), matched=m.matched, alts=tuple(alts))


UNMATCHED, SAME, DIFFERS = "unmatched", "same", "differs"


@dataclass(frozen=True)
class _Outcome:
    """One quote compared with the other sources: its flag (or None); ``state``: UNMATCHED (no
    other source quotes it), SAME (worded as the others word it, or only misspelt), DIFFERS
    (worded otherwise, flagged or not); ``reading``: what the flagged rewording does to the meaning."""

    flag: Flag | None
    state: str
    reading: Reading | None = None
    tie: "_Tie | None" = None
    """One other source alone quotes it, and the two renderings say opposite things (``_Tie``):
    which of the two is flagged is settled story-wide (``_settle_ties``)."""
    unlined: bool = False
    """No other source's quote lines up with it, but one in an aligned passage shares its claim's
    words (``_turned``): the same quotation worded too freely to line up, a translation's mark."""
    verbatim: bool = False
    """Some other source words it as this one does (no content word differs where that source
    quotes at least half of it): a quote this source copied, not translated (``_worded_as``)."""
    witnessed: bool = False
    """The flag stands on one other source's quote and a third source's rendering that words the
    places as it does (``_reworded_elsewhere``), not on two quotes that line up with this one."""
    witnessed_by: str | None = None
    """With ``witnessed``: the one other source whose quote votes against it."""
    rival: str | None = None
    """The flag is one source against one (``_contest_worthy``): ``rival``, the only other source
    quoting it, words it otherwise and nothing in the story says which of the two slipped. The
    flag goes to ``CheckContext.contests``, not out."""
    seconded: bool = False
    """With ``rival``: a third source's own rendering of the quote holds the rival's words at the
    disputed places and not this one's (``_reworded_elsewhere``), though the two wordings are near
    in meaning (``_witness_settles``): two sources word it one way, this one another."""


class QuoteCheck:
    kinds = (Kind.QUOTE_VARIANT,)

    def run(self, ctx: CheckContext) -> Iterator[Flag]:
        speech = speech_of(ctx)
        index = StoryIndex(speech, named_only=False)
        panels = AlignedPanels(ctx, speech)
        by_source = {sid: [_check_quote(ctx, speech, index, q, panels) for q in speech.quotes[sid] if not q.nested]
                     for sid in sorted(speech.quotes)}
        yield from _settle_ties(ctx, by_source)
        # Sources that print some quote as another source words it (``_Outcome.verbatim``).
        copies: Counter[str] = Counter({sid: sum(1 for o in outcomes if o.verbatim and o.state != UNMATCHED)
                                        for sid, outcomes in by_source.items()})
        reworders = {sid: _rewords(outcomes) for sid, outcomes in by_source.items()}
        for sid, outcomes in by_source.items():
            compared = sum(1 for o in outcomes if o.state != UNMATCHED)
            differ = sum(1 for o in outcomes if o.state == DIFFERS)
            # Quotes worded too freely to line up are worded otherwise too (``_Outcome.unlined``).
            unlined = sum(1 for o in outcomes if o.unlined and o.state != DIFFERS)
            for o in outcomes:
                if o.flag is None:
                    continue
                if o.rival is not None:
                    # Its outcome is SAME (no majority): it counts among the compared, not the
                    # differing. A tie the story settled either way needs nothing here: a source
                    # flagged by it is no rival without slips, and a flag on this one agrees.
                    translating = translates_quotes(compared - 1 + unlined, differ + unlined)
                    if _contest_worthy(o.reading, translating):
                        ctx.contests.append(Contest(o.flag, o.rival))
                    elif o.seconded and not translating:
                        # Not verbatim where two sources word it alike: a low flag, the meaning
                        # kept (a source that translates its quotes words every one its own way).
                        yield replace(o.flag, severity=Severity.LOW)
                    elif o.reading is not None and not translating and not reworders.get(o.rival, True) \
                            and copies[sid] > o.verbatim and copies[o.rival] > o.verbatim:
                        # Two outlets that each print some other quote word for word (this one
                        # not counted: the two may word it alike in content) and neither of which
                        # words its shared quotes anew copy quotes, they do not translate them:
                        # where they word this one otherwise, one of them misquoted, whatever the
                        # change did to the meaning. Which one is what the two articles show
                        # elsewhere (``checks.contests``); low, since nothing says the claim moved.
                        ctx.contests.append(Contest(replace(o.flag, severity=Severity.LOW), o.rival))
                    continue
                if o.reading is None:
                    yield o.flag
                    continue
                # A source none of whose other shared quotes some other source words as it does
                # translates them, though only one other source quotes each (no majority, so the
                # outcome is SAME): an outlet that copies quotes prints some verbatim.
                copied = sum(1 for x in outcomes if x is not o and x.state != UNMATCHED and x.verbatim)
                translated = translates_quotes(compared - 1 + unlined, differ - 1 + unlined) or (
                    compared >= 3 and not copied)
                anew = _worded_anew(o.reading, TRANSLATED_PLACES)
                if o.witnessed and translated and not o.reading.changes & WITNESSED_CHANGES:
                    # A source that translates its quotes words every one its own way, and the
                    # outlets that write in the other's language share the other's words ("hill" /
                    # "mountain"): a third source's word settles only what a translator does not
                    # choose (see _witness_settles).
                    if o.rival is None and o.witnessed_by and _contest_worthy(o.reading, translated):
                        # The third source's rendering does not settle it: one source against one.
                        ctx.contests.append(Contest(o.flag, o.witnessed_by))
                    continue
                if (translated or (compared == 1 and anew)) and _translation_choice(o.reading):
                    continue
                # A quote reworded at TRANSLATED_PLACES places is a translation's shape even where
                # the source's other quotes agree with the others' (a short one rendered alike).
                if (translated or anew) and _translation_doubt(o.reading) and o.flag.severity != Severity.LOW:
                    yield replace(o.flag, severity=Severity.LOW)
                    continue
                if o.reading.spelt_out and o.flag.severity != Severity.LOW:
                    # Where the source copies its other quotes, a rewording is still not verbatim,
                    # but one content word added with nothing lost, where the others have only
                    # function words or a shorter run of the same words ("lay eggs" / "spawn"), is
                    # what a translator spells out: not verbatim, same meaning, which is what a low
                    # flag says. How many sources agree against it is the flag's confidence, not
                    # how far the meaning moved. (A word put for another one, even of its field,
                    # keeps its severity: "slavery" / "harassment".)
                    yield replace(o.flag, severity=Severity.LOW)
                    continue
                yield o.flag


def _rewords(outcomes: Sequence["_Outcome"]) -> bool:
    """Whether a source words its shared quotes its own way (``translates_quotes``), counted as
    ``QuoteCheck.run`` counts it for one of its quotes contested one against one (that quote's
    outcome is SAME: compared, not differing)."""
    unlined = sum(1 for o in outcomes if o.unlined and o.state != DIFFERS)
    return translates_quotes(sum(1 for o in outcomes if o.state != UNMATCHED) - 1 + unlined,
                             sum(1 for o in outcomes if o.state == DIFFERS) + unlined)


WITNESSED_CHANGES = frozenset({POLARITY, NUMBER, SCOPE})
"""The changes a third source's rendering settles against any source (``_witness_settles``): a
denial, a figure, a restriction or degree ("only", "most"), which a translation carries over,
unlike its choice of words."""


def _witness_settles(reading: Reading) -> bool:
    """Whether a rewording that one other source's quote and a third source's rendering vote
    against (``_Outcome.witnessed``) is flagged. The third rendering holds the other's word and not
    this one's, but it is no quote that lines up: it counts for a change of WITNESSED_CHANGES or a
    word of another field put in the place (``Reading.far``: "weather" / "mistakes"); a near word
    ("at all times" / "at every moment") is a rendering either way. In a source that translates its
    quotes only WITNESSED_CHANGES count (``QuoteCheck.run``)."""
    return bool(reading.changes & WITNESSED_CHANGES) or reading.far >= 1


TRANSLATED_PLACES = 3
"""A source's only shared quote reworded at this many separate places, each time one wording put
for another, is itself the evidence of a translation (there is no other quote to judge by); a
misquote changes one thing, and an outlet that copies quotes leaves the rest verbatim."""


def _worded_anew(reading: Reading, places: int = 2) -> bool:
    """Whether a rewording only puts wordings for others at ``places`` or more separate places,
    each keeping the grammar (no negation, person, number, modality... changed) and none of them
    a bare omission or addition of content ("this year" left out), losing fewer content words than
    it has places: the shape of another translation of the same words."""
    return reading.changes <= {CONTENT} and not reading.bare and reading.places >= places \
        and reading.lost < reading.places


RENDERING_PLACES = 2
"""Separate places at which a quote is worded otherwise, each keeping the grammar, that make the
shape of another translation rather than a misquote (``_another_rendering``)."""


def _another_rendering(reading: Reading) -> bool:
    """Whether a rewording reads as another translation of the same words rather than a changed
    claim: one wording put for another at RENDERING_PLACES or more separate places, none of them
    changing a negation, figure, person, order, modality, tense, scope, emphasis or hedge (only
    content words differ), none a bare omission or addition ("this year" left out), and at most
    one content word lost with no word of its field in its place (``Reading.far``: "mend" /
    "repair" and "harbour" / "port" are of one field).

    A misquote changes one thing and leaves the rest verbatim; two translations of one sentence
    differ a little everywhere ("the pupils will get their lessons in the town hall until the
    roof is mended" / "the pupils will be taught in the town hall until the roof is repaired").
    How many words differ is no measure: a word rendered by two ("downpours" / "heavy rains")
    counts two lost."""
    return reading.changes <= {CONTENT} and not reading.bare and reading.places >= RENDERING_PLACES \
        and reading.far <= 1


def _translation_doubt(reading: Reading) -> bool:
    """Whether a rewording in a source that translates its quotes may as well be the translation's
    wording as a misquote (a low flag): only words of content put for others, none left out or
    added bare, no negation, figure, person or modality changed, and each word lost has one of
    its field put in its place (``Reading.far`` is 0: "the aquifer" / "the water table", "loans"
    / "credit"). A word of another field ("blood" / "glass"; "decouple" / "break up" beside
    "fair trade" / "fair deal") keeps the severity: a translator reaches for a near word, not for
    another thing."""
    return reading.changes <= {CONTENT} and not reading.bare and reading.far == 0


def _translation_choice(reading: Reading) -> bool:
    """Whether a rewording in a source that translates its quotes (``speech.translates_quotes``) is a choice of
    the translation rather than a misquote: nothing changes in the meaning (function words,
    inflection, a synonym), or a quote reworded throughout with the same grammar holds one content
    word the lexicon cannot pair ("network" / "grid"): the term check weighs single words; or the
    translation spells out one word the original leaves implied (``Reading.spelt_out``), or puts
    one word for a near one of its field (``Reading.one_field``)."""
    if not reading.changes or reading.spelt_out or (reading.changes == {CONTENT} and reading.one_field):
        return True
    if reading.changes == {CONTENT} and reading.paraphrase and reading.places >= 2 and reading.lost <= 1:
        return True
    return _worded_anew(reading) and reading.lost <= 1 + reading.paraphrase


class StoryIndex:
    """Quotes by content word, for finding the same named speaker's quote anywhere in the story.

    Built once per run. Postings list distinct *wordings* (a quote's set of content stems): in a
    story told by many sources most quotes repeat another's wording, so each wording is searched
    once (memoised) and its matches are kept grouped by source.

    A search keeps at most MAX_SOURCES sources: a quote that thousands of sources repeat is
    compared with at most MAX_COUNTERPART_SOURCES of them anyway, and picking those from every
    match made the story-wide search grow with the square of the sources. Which sources are kept
    is fixed by a hash of the source id (a deterministic sample, the same in every run); below
    MAX_SOURCES matching sources (any story of up to MAX_SOURCES sources) nothing is left out.
    """

    MAX_POSTINGS = 2000  # a word used in more quotes than this says nothing about which ones match
    MAX_SOURCES = 400

    def __init__(self, speech: Speech, *, named_only: bool = True) -> None:
        ids: dict[frozenset[str], int] = {}
        # Per wording, its quotes as (source rank, position, quote), in that order.
        self._quotes: list[list[tuple[str, int, Quote]]] = []
        self._word_wordings: dict[str, list[int]] = defaultdict(list)
        self._df: Counter[str] = Counter()  # quotes per content stem
        self._memo: dict[frozenset[str], dict[str, list[Quote]]] = {}
        self._keys: list[frozenset[str]] = []  # each wording's content stems
        self._postings: dict[str, list[tuple[str, int, int, int]]] = {}
        self._first_memo: dict[tuple[frozenset[str], int], dict[str, list[Quote]]] = {}
        for sid in sorted(speech.quotes):
            rank = source_rank(sid)
            for q in speech.quotes[sid]:
                if q.nested or (named_only and (q.speaker is None or q.speaker.named is None)):
                    continue
                key = _content_stems(q)
                wid = ids.get(key)
                if wid is None:
                    wid = ids[key] = len(self._quotes)
                    self._quotes.append([])
                    self._keys.append(key)
                    for w in key:
                        self._word_wordings[w].append(wid)
                self._quotes[wid].append((rank, q.start, q))
                self._df.update(key)
        for entries in self._quotes:
            entries.sort(key=lambda e: e[:2])
        # Where each wording's list reaches its (MAX_SOURCES + 1)-th source: only the entries
        # before it can be among a search's first MAX_SOURCES sources.
        self._cut = [_prefix_of_sources(entries, self.MAX_SOURCES) for entries in self._quotes]

    def candidates(self, q: Quote) -> list[Quote]:
        """Quotes sharing at least half of ``q``'s content words (and two at least), by source and
        position (see the class note on MAX_SOURCES)."""
        found = self.by_source(q)
        return [c for s in sorted(found) for c in found[s]]

    def by_source(self, q: Quote) -> dict[str, list[Quote]]:
        """``candidates(q)`` grouped by source, each source's in order of position. Shared between
        quotes of the same wording: do not modify."""
        words = _content_stems(q)
        found = self._memo.get(words)
        if found is None:
            found = self._memo[words] = self._search(words)
        return found

    def first_sources(self, q: Quote, limit: int) -> dict[str, list[Quote]]:
        """``by_source(q)`` cut to its first ``limit`` sources in the index's order (the rank by
        a hash of the source id that MAX_SOURCES samples by), each source with all its matches in
        order of position; below ``limit`` matching sources it is ``by_source(q)`` itself.

        The cost does not grow with the story: a match shares at least ``need`` of the quote's
        usable stems, so it holds one of the ``len(usable) - need + 1`` rarest of them (a prefix
        filter); the postings of those few stems are walked in rank order and the walk stops at
        the ``limit``-th source, where ``by_source`` scans every posting of every stem."""
        words = _content_stems(q)
        key = (words, limit)
        found = self._first_memo.get(key)
        if found is None:
            found = self._first_memo[key] = self._first(words, limit)
        return found

    def _first(self, words: frozenset[str], limit: int) -> dict[str, list[Quote]]:
        usable = frozenset(w for w in words if self._df[w] <= self.MAX_POSTINGS)
        need = max(2, len(words) // 2)
        if len(usable) < need:
            return {}
        rare = sorted(usable, key=lambda w: (self._df[w], w))[: len(usable) - need + 1]
        verdict: dict[int, bool] = {}
        found: dict[str, list[Quote]] = {}
        last = None
        seen: set[tuple[int, int]] = set()
        for rank, pos, wid, k in heapq.merge(*(self._stem_postings(w) for w in rare)):
            ok = verdict.get(wid)
            if ok is None:
                ok = verdict[wid] = len(self._keys[wid] & usable) >= need
            if not ok or (wid, k) in seen:
                continue
            seen.add((wid, k))
            if rank != last:
                if len(found) == limit:
                    break
                last = rank
            c = self._quotes[wid][k][2]
            found.setdefault(c.source, []).append(c)
        return found

    def _stem_postings(self, stem_: str) -> list[tuple[str, int, int, int]]:
        """Every quote holding ``stem_`` as (source rank, position, wording, index in the wording's
        list), in rank and position order; built on first use."""
        hit = self._postings.get(stem_)
        if hit is None:
            hit = self._postings[stem_] = sorted(
                (rank, pos, wid, k) for wid in self._word_wordings.get(stem_, ())
                for k, (rank, pos, _) in enumerate(self._quotes[wid]))
        return hit

    def _search(self, words: frozenset[str]) -> dict[str, list[Quote]]:
        counts: Counter[int] = Counter()
        for w in words:
            if self._df[w] > self.MAX_POSTINGS:
                continue
            counts.update(self._word_wordings.get(w, ()))
        need = max(2, len(words) // 2)
        matched = [wid for wid, n in counts.items() if n >= need]
        entries = sorted(itertools.chain.from_iterable(self._quotes[wid][:self._cut[wid]] for wid in matched),
                         key=lambda e: e[:2])
        found: dict[str, list[Quote]] = {}
        for _, _, c in entries[:_prefix_of_sources(entries, self.MAX_SOURCES)]:
            found.setdefault(c.source, []).append(c)
        return found


def _prefix_of_sources(entries: Sequence[tuple[str, int, Quote]], limit: int) -> int:
    """How many of ``entries`` (ordered by source) belong to their first ``limit`` sources."""
    seen = 0
    last = None
    for i, (rank, _, _) in enumerate(entries):
        if rank != last:
            seen += 1
            last = rank
            if seen > limit:
                return i
    return len(entries)


def _content_stems(q: Quote) -> frozenset[str]:
    return frozenset(w.stem for frag in q.words() for w in frag if w.content)


def _order_key(a: str, b: str) -> str:
    """A deterministic, run-independent order for picking counterpart sources under the cap."""
    return hashlib.sha1(f"{a}|{b}".encode()).hexdigest()


@functools.lru_cache(maxsize=4)
def _order_keys(source: str) -> dict[str, str]:
    """``_order_key(source, ·)`` by other source, filled as needed (quotes are taken source by
    source, and the same other sources come back for each of them)."""
    return {}


def in_order(source: str, others: Iterable[str]) -> list[str]:
    """Other sources in their run-independent order for ``source`` (see ``_order_key``)."""
    memo = _order_keys(source)
    others = set(others)
    for o in others.difference(memo):
        memo[o] = _order_key(source, o)
    return sorted(others, key=memo.__getitem__)


TRUSTED, UNKNOWN_SPEAKER, OTHER_SPEAKER = 0, 1, 2
"""How far a candidate quote's credit vouches for it being the same quotation: the same speaker
(or both in aligned passages by compatible speakers, neither passage a ``Group.loose`` member); a speaker unknown on either side found
story-wide, or a different name reached through a pronoun; a different printed name. The last two must share the words plainly (STRONG_*)."""


def source_rank(sid: str) -> str:
    """A source's place in the run-independent order in which counterpart sources are taken
    (the order ``StoryIndex`` samples by)."""
    return _source_rank(sid)


@functools.lru_cache(maxsize=1 << 16)
def _source_rank(sid: str) -> str:
    return hashlib.sha1(sid.encode()).hexdigest() + sid


class AlignedPanels:
    """The quotes of each alignment group by source, for taking a quote's aligned counterparts
    from the first sources in rank order (``source_rank``) without reading the whole group: a
    group holds a passage of nearly every source when thousands of sources tell the story.
    Built lazily per group. In: the context and its speech analysis."""

    def __init__(self, ctx: CheckContext, speech: Speech) -> None:
        self._ctx = ctx
        self._speech = speech
        self._groups: dict[str, tuple[list[tuple[str, str]], dict[str, list[Quote]]]] = {}

    def _group(self, group) -> tuple[list[tuple[str, str]], dict[str, list[Quote]]]:
        hit = self._groups.get(group.id)
        if hit is None:
            by_source: dict[str, list[Quote]] = defaultdict(list)
            for p in group.passages:
                by_source[p.source].extend(self._speech.quotes_in_passage(p.id))
            # Only sources with a quote of their own (not nested in another) count as counterparts.
            ranked = sorted((source_rank(sid), sid) for sid, qs in by_source.items() if any(not c.nested for c in qs))
            hit = self._groups[group.id] = (ranked, dict(by_source))
        return hit

    def first_sources(self, q: Quote, limit: int) -> dict[str, list[Quote]]:
        """``Speech.aligned_quotes(ctx, q)`` (quotes of other sources in the groups of ``q``'s
        passages, each source's in the same order) cut to the first ``limit`` sources in rank
        order that hold a quote not nested in another; nothing is cut below ``limit``."""
        groups = [g for g in (self._ctx.group_of.get(pid) for pid in q.passages) if g is not None]
        if not groups:
            return {}
        tables = [self._group(g) for g in groups]
        chosen: list[str] = []
        seen: set[str] = {q.source}
        for _, sid in heapq.merge(*(ranked for ranked, _ in tables)):
            if sid not in seen:
                seen.add(sid)
                chosen.append(sid)
                if len(chosen) == limit:
                    break
        out: dict[str, list[Quote]] = {}
        keep = set(chosen)
        for _, by_source in tables:
            for sid in by_source:
                if sid in keep:
                    out.setdefault(sid, []).extend(by_source[sid])
        return out


def _counterparts(ctx: CheckContext, speech: Speech, index: StoryIndex, q: Quote,
                  panels: AlignedPanels | None = None) -> dict[str, list[tuple[Quote, bool, int]]]:
    """Candidate quotes of other sources, by source, each with whether it stands in a passage
    aligned with the quote's (else it was found story-wide) and how far its credit vouches for it
    (TRUSTED, UNKNOWN_SPEAKER, OTHER_SPEAKER).

    At most MAX_COUNTERPART_SOURCES sources, first in rank order (``source_rank``). Candidates
    are gathered per source (the aligned ones, then the story-wide ones from the index) from the
    first sources in that order only (``AlignedPanels``, ``StoryIndex.first_sources``), so a
    quote repeated by thousands of sources costs no more than one repeated by forty; below that
    many sources every one is compared. ``index`` must list every
    quote (``named_only=False``): a quote credited to an unresolved "he" or to another name is still
    the same quotation when the words plainly are (see ``_strong``)."""
    # The first MAX_COUNTERPART_SOURCES of the union lie among the first ones (plus q's own
    # source) of each part.
    limit = MAX_COUNTERPART_SOURCES + 1
    aligned = (panels or AlignedPanels(ctx, speech)).first_sources(q, limit)
    story = index.first_sources(q, limit)
    q_named = q.speaker is not None and q.speaker.named is not None
    # Passages the alignment's second pass added to q's groups (``Group.loose``): a paraphrase of
    # the group, so its place vouches for no quote in it. A quote there, or every quote beside q
    # when q stands there, is vouched for as one found story-wide is: by its credit.
    loose = {pid for g in (ctx.group_of.get(p) for p in q.passages) if g is not None for pid in g.loose}
    q_loose = any(p in loose for p in q.passages)
    found: dict[str, list[tuple[Quote, bool, int]]] = {}
    others = set(aligned).union(story)
    others.discard(q.source)
    for sid in sorted(others, key=source_rank):
        kept: list[tuple[Quote, bool, int]] = []
        seen: set[int] = set()
        for cands, is_aligned in ((aligned.get(sid, ()), True), (story.get(sid, ()), False)):
            for c in cands:
                if c.nested or c.start in seen:
                    continue
                c_named = c.speaker is not None and c.speaker.named is not None
                if not compatible(q.speaker, c.speaker, speech.aliases) and not _same_name(q.speaker, c.speaker):
                    # A name reached through a pronoun may be the wrong one ("he" read as the
                    # "EU" of "EU climate envoy X"): only two printed names are other speakers.
                    explicit = not (q.speaker is not None and q.speaker.pronoun) and \
                        not (c.speaker is not None and c.speaker.pronoun)
                    trust = OTHER_SPEAKER if explicit else UNKNOWN_SPEAKER
                elif q_named and c_named:
                    trust = TRUSTED
                elif is_aligned and not (q_loose or any(p in loose for p in c.passages)):
                    trust = TRUSTED
                else:
                    trust = UNKNOWN_SPEAKER
                seen.add(c.start)
                kept.append((c, is_aligned, trust))
        if kept:
            found[sid] = kept
            if len(found) == MAX_COUNTERPART_SOURCES:
                break
    return found


RESUMED_GAP = 120
"""Characters of credit between two quotations of one paragraph that make one quotation broken
off and resumed ("We are not asking for favours," she said. "We are asking for our wages.")."""


def _resumed(ctx: CheckContext, per: Sequence[tuple[Quote, bool, int]]
             ) -> list[tuple[Quote, list[Word], tuple[str, ...], bool, int]]:
    """A source's candidate quotes that continue each other, joined: two quotations in one
    paragraph with at most RESUMED_GAP characters between them, as one word sequence (the last
    fragment of the first and the first of the second). Each: (the second quote, whose end ends
    the sequence; its words; their norms; whether both stand in aligned passages; the weaker of
    the two trusts)."""
    out = []
    ordered = sorted(per, key=lambda e: e[0].start)
    for (a, a_al, a_tr), (b, b_al, b_tr) in zip(ordered, ordered[1:]):
        if a.source != b.source or not a.words() or not b.words() or not a.words()[-1] or not b.words()[0]:
            continue
        gap = ctx.sources[a.source].text[a.end:b.start]
        if len(gap) > RESUMED_GAP or "\n" in gap:
            continue
        out.append((b, a.words()[-1] + b.words()[0], a.norms()[-1] + b.norms()[0], a_al and b_al, max(a_tr, b_tr)))
    return out


COPIES_VOUCH = 2
"""Other sources printing a quotation word for word alike, each under a credit that leaves its
speaker unsure, that make it one quotation copied (``_vouched``)."""


def _vouched(cands: dict[str, list[tuple[Quote, bool, int]]]) -> dict[str, list[tuple[Quote, bool, int]]]:
    """``cands`` with a candidate whose credit does not vouch for it (an unresolved "he", another
    name) made TRUSTED when its words are exactly those of a trusted candidate of another source:
    the same words are the same quotation, however each source credits it, so it votes like the
    trusted one without having to share a long run of words with this quote."""
    trusted = {c.norms() for per in cands.values() for c, _, trust in per if trust == TRUSTED}
    # A quotation two or more other sources print word for word alike in passages aligned with
    # this quote's is the quotation the story carries at this place, copied, whoever each copy
    # credits it to; where no credit names another speaker for certain (an unresolved "he", no
    # credit: UNKNOWN_SPEAKER), the copies vouch for each other. Found story-wide, they do not:
    # another sentence of the speaker's may share words with this one.
    printers: dict[tuple[tuple[str, ...], ...], set[str]] = {}
    for sid, per in cands.items():
        for c, aligned, trust in per:
            if aligned and trust == UNKNOWN_SPEAKER and _content_stems(c):
                printers.setdefault(c.norms(), set()).add(sid)
    trusted |= {norms for norms, sids in printers.items() if len(sids) >= COPIES_VOUCH}
    if not trusted:
        return cands
    out: dict[str, list[tuple[Quote, bool, int]]] = {}
    for sid, per in cands.items():
        out[sid] = [(c, aligned, TRUSTED if trust != TRUSTED and c.norms() in trusted else trust)
                    for c, aligned, trust in per]
    return out


_NAME_TOKEN_RE = re.compile(r"[^\W\d_][\w’'\-]*")


def _name_tail(spk: Speaker | None) -> tuple[str, ...]:
    """The last two words of the run of capitalised words that ends a named speaker's phrase
    ("chief executive Kim Seung-ho" -> ("kim", "seung-ho")); () without such a run."""
    named = spk.named if spk is not None else None
    if named is None:
        return ()
    words = _NAME_TOKEN_RE.findall(named.text)
    run: list[str] = []
    for w in reversed(words):
        if not w[0].isupper():
            break
        run.append(w.lower())
    return tuple(reversed(run[:2])) if len(run) >= 2 else ()


def _same_name(a: Speaker | None, b: Speaker | None) -> bool:
    """Two speakers printed with the same full name under different titles ("Representative Kim
    Seung-ho" in a translation, "chief executive Kim Seung-ho" in the wire): one person, whatever
    the title says (a wrong title is no other speaker of the quote). Also the same full name
    spelt otherwise or in the other order (``_like_names``)."""
    ta = _name_tail(a)
    return (bool(ta) and ta == _name_tail(b)) or _like_names(a, b)


NAME_LIKENESS = 0.6
"""Normalised OSA similarity (unaccented, lower case) at which a differing word of two two-word
names still spells the same name: a translation's or a misprint's form ("Gulnur" /
"Gulgun", "Sandholm" / "Solholm", "Zhang Kai-bo" / "Chang Kai-po"), not another first name
("Do-hyun" / "Tae-min")."""


def _name_pairs(spk: Speaker | None) -> set[tuple[str, str]]:
    """The last two words of every run of two or more capitalised words in a named speaker's
    phrase, unaccented and in lower case ("Chairman Ōsawa Tadashi of the Lantern Society"
    -> {("osawa", "tadashi"), ("lantern", "society")}): where a full name can stand."""
    named = spk.named if spk is not None else None
    if named is None:
        return set()
    out: set[tuple[str, str]] = set()
    run: list[str] = []
    for w in _NAME_TOKEN_RE.findall(named.text) + [""]:
        if w and w[0].isupper():
            run.append(unaccented(w.lower()))
            continue
        if len(run) >= 2:
            out.add((run[-2], run[-1]))
        run = []
    return out


def _like_names(a: Speaker | None, b: Speaker | None) -> bool:
    """Whether two named speakers carry one full name of two words, in either order (family name
    first in one source, last in the other), each word the same or spelt alike (NAME_LIKENESS):
    the sources' renderings of one person's name. A quote
    credited to a misspelt or reordered name is no other speaker's (the names check flags the
    spelling)."""
    pa, pb = _name_pairs(a), _name_pairs(b)
    for x in pa:
        for y in pb:
            for y2 in (y, y[::-1]):
                if all(u == v or (min(len(u), len(v)) >= 3 and OSA.normalized_similarity(u, v) >= NAME_LIKENESS)
                       for u, v in zip(x, y2)):
                    return True
    return False


def _strong(m: _Match, qw: Sequence[Word], trust: int) -> bool:
    """Whether a line-up shares the words plainly enough for a candidate whose credit does not vouch
    for it (see ``_counterparts``): a run of STRONG_RUN words, STRONG_SHARE (another named speaker:
    STRONG_SHARE_NAMED) of the shorter fragment, STRONG_CONTENT content words among them."""
    if trust == TRUSTED:
        return True
    runs = [(i1, i2) for tag, i1, i2, _, _ in m.ops if tag == "equal"]
    if max(i2 - i1 for i1, i2 in runs) < STRONG_RUN:
        return _same_frame(m, qw)
    share = STRONG_SHARE_NAMED if trust == OTHER_SPEAKER else STRONG_SHARE
    if m.matched < share * min(len(qw), len(m.words)):
        return False
    return sum(1 for i1, i2 in runs for w in qw[i1:i2] if w.content) >= STRONG_CONTENT


SAME_FRAME_SHARE = 0.7
"""A line-up whose only differences are single words put for single words keeps this share of
both wordings in place (``_same_frame``)..."""
SAME_FRAME_WORDS = 5
"""... and at least this many words."""


def _same_frame(m: _Match, qw: Sequence[Word]) -> bool:
    """Whether a line-up is one sentence with a word or two swapped ("everyone ran out, there was
    smoke everywhere" / "everyone ran in, there was water everywhere"): every difference puts one
    word for one word, nothing is added or dropped, SAME_FRAME_SHARE of both wordings (and
    SAME_FRAME_WORDS words, STRONG_CONTENT of them content) stand in the same places. Two
    different quotations do not share their whole frame word for word; a misquote does, however
    short its runs between the swapped words."""
    if m.matched < SAME_FRAME_WORDS or m.matched < SAME_FRAME_SHARE * max(len(qw), len(m.words)):
        return False
    if any(tag != "equal" and (tag != "replace" or i2 - i1 != 1 or j2 - j1 != 1) for tag, i1, i2, j1, j2 in m.ops):
        return False
    return sum(1 for tag, i1, i2, _, _ in m.ops if tag == "equal" for w in qw[i1:i2] if w.content) >= STRONG_CONTENT


def _content_key(words: Sequence[Word]) -> tuple[str, ...]:
    return tuple(sorted({w.stem for w in words if w.content}))


def _vote(cside: Sequence[Word], qside: Sequence[Word], *, omission: bool = False) -> tuple[str, ...]:
    """What another source says where this quote has ``qside``: a key that two sources share when
    they word the place alike. Keys of differences in content words are their stems; keys of
    differences only in function words or inflection ("we’ve got to" / "we have to", "decouple" /
    "decoupling") start with ``MINOR`` and make a low-severity flag."""
    qkey, ckey = _content_key(qside), _content_key(cside)
    if qkey != ckey:
        return ("+",) + ckey if omission else (ckey or _NOTHING)
    return (MINOR, "+" if omission else "") + tuple(w.norm for w in cside)


MINOR = "~"
_AGREED = frozenset({None, "eq"})


def align_fragments(qw: Sequence[Word], cw: Sequence[Word], *, aligned: bool = False,
                    norms: tuple[tuple[str, ...], tuple[str, ...]] | None = None,
                    opening: bool = False) -> _Match | None:
    """Line up two fragments word by word; None when they are not the same quote.

    Two fragments are the same quote when they share a run of words and most of the stretch they
    have in common agrees. With ``aligned`` (the two quotes stand in passages the alignment put
    together, by compatible speakers) a quote reworded throughout also counts when its wording
    still follows the other's (similar length, at least 40% of the words in line).

    Each word of ``qw`` gets a status: "eq" where the other fragment has the same word, a key (see
    ``_vote``) where it has different words or words this one leaves out, None where the other
    fragment does not cover it (it quotes less, or cut the quote elsewhere).

    ``norms``: the two fragments' ``norm``s when the caller has them already (``Quote.norms``).
    ``opening``: the other quote is credited to the same speaker; two fragments that share only
    their opening (``_same_opening``) are lined up too.
    """
    if not qw or not cw:
        return None
    if norms is None:
        norms = (tuple(w.norm for w in qw), tuple(w.norm for w in cw))
    key = (norms[0], norms[1], aligned, opening)
    hit = _ALIGNED.get(key, _MISS)
    if hit is _MISS:
        if len(_ALIGNED) >= _ALIGNED_LIMIT:
            _ALIGNED.clear()
        hit = _ALIGNED[key] = _align(qw, cw, key[0], key[1], aligned=aligned, opening=opening)
    if hit is None:
        return None
    ops, status, matched, alts = hit
    return _Match(words=tuple(cw), ops=ops, status=status, matched=matched, alts=alts)


# Line-ups by the two fragments' normalised words: everything in a ``_Match`` but the other
# fragment's offsets depends on those words alone, and in a story told by many sources the same
# two wordings meet again and again. Bounded: cleared when full.
_ALIGNED: dict[tuple, tuple | None] = {}
_ALIGNED_LIMIT = 200_000
_MISS = object()


def _align(qw: Sequence[Word], cw: Sequence[Word], qn: tuple[str, ...], cn: tuple[str, ...], *, aligned: bool,
           opening: bool = False) -> tuple | None:
    """``align_fragments`` without the other fragment's offsets: (ops, status, matched, alts)."""
    if qn == cn:
        ops = [("equal", 0, len(qn), 0, len(cn))]  # what the matcher says of two equal sequences
    else:
        ops = [tuple(op) for op in SequenceMatcher(None, qn, cn, autojunk=False).get_opcodes()]
    equal_idx = [k for k, op in enumerate(ops) if op[0] == "equal"]
    if not equal_idx:
        return None
    matched = sum(ops[k][2] - ops[k][1] for k in equal_idx)
    longest = max(ops[k][2] - ops[k][1] for k in equal_idx)
    first, last = equal_idx[0], equal_idx[-1]
    span_q = ops[last][2] - ops[first][1]
    strict = matched >= 3 and longest >= 2 and matched >= 0.5 * span_q and \
        (matched >= 0.5 * len(qw) or matched >= 0.6 * len(cw))
    reworded = aligned and matched >= 3 and longest >= 2 and 0.6 <= len(qw) / len(cw) <= 1.67 and \
        2 * matched >= 0.4 * (len(qw) + len(cw))
    parted = _same_opening(ops, qw, cw) if opening and not (strict or reworded) else None
    if not (strict or reworded or parted is not None):
        return None
    if parted is not None:
        # Only the opening is lined up; the endings vote only when ``_replaced_ending`` says so.
        status = tuple("eq" if i < parted[0] else None for i in range(len(qw)))
        return tuple(ops), status, parted[0], tuple(frozenset() for _ in qw)
    status: list[object] = [None] * len(qw)
    alts: list[frozenset[str]] = [frozenset()] * len(qw)
    for k, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag == "equal":
            for i in range(i1, i2):
                if status[i] is None:
                    status[i] = "eq"
            continue
        edge = k < first or k > last
        qside, cside = qw[i1:i2], cw[j1:j2]
        if tag == "insert":
            # Words this source leaves out without an ellipsis: the vote goes to the word after the gap.
            if not edge and i1 < len(qw):
                status[i1] = _vote(list(cside) + [qw[i1]], [qw[i1]], omission=True)
                alts[i1] = frozenset(w.norm for w in cside) | {qw[i1].norm}
            continue
        if edge and (tag == "delete" or len(qside) > MAX_EDGE_WORDS or len(cside) > MAX_EDGE_WORDS
                     or abs(len(qside) - len(cside)) > 2):
            continue
        vote = _vote(cside, qside)
        for i in range(i1, i2):
            status[i] = vote
            alts[i] = frozenset(w.norm for w in cside)
    return tuple(ops), tuple(status), matched, tuple(alts)


OPENING_WORDS = 3
"""A quote that words its opening as another of the same speaker and then goes on otherwise
to its end is lined up with it when the opening holds this many words (``_same_opening``)."""


def _same_opening(ops: Sequence[tuple], qw: Sequence[Word], cw: Sequence[Word]) -> tuple[int, int] | None:
    """Where two wordings part after one opening of OPENING_WORDS words or more (two of them
    content) that both start with, when from there to both ends they share no word of content
    (only a function word here and there: "the"): the same sentence, finished in two ways ("We
    accept the decision and have changed our practices" / "We accept the decision but will
    appeal"). Out: (this wording's index, the other's) where the endings start, each holding a
    content word; None otherwise. Whether the different ending is a difference is decided later
    (``_replaced_ending``); until then it does not vote."""
    if len(ops) < 2 or ops[0][0] != "equal":
        return None
    _, i1, i2, j1, j2 = ops[0]
    if i1 or j1 or i2 - i1 < OPENING_WORDS or sum(1 for w in qw[i1:i2] if w.content) < 2:
        return None
    if any(tag == "equal" and any(w.content for w in qw[a1:a2]) for tag, a1, a2, _, _ in ops[1:]):
        return None
    if i2 == len(qw) or j2 == len(cw) or not any(w.content for w in qw[i2:]) or not any(w.content for w in cw[j2:]):
        return None
    return i2, j2


_QUOTE_END_RE = re.compile(r"[.,!?;…]\W*$")
_QUOTE_STOP_RE = re.compile(r"[.!?]\W*$")


def _ends_sentence(q: Quote, last: Word, *, full_stop: bool = False) -> bool:
    """Whether the quoted words close with ``last`` and punctuation after it: the source prints the
    speaker's sentence (or clause) as ended there, not a phrase cut out of a running sentence.
    ``full_stop``: only a full stop, question or exclamation mark counts (the comma before "he
    said" also closes a quote the reporter cut short)."""
    pattern = _QUOTE_STOP_RE if full_stop else _QUOTE_END_RE
    return q.end - last.end <= 3 and bool(pattern.search(q.text[last.end - q.start:]))


def _one_sentence(q: Quote, words: Sequence[Word], a: int) -> bool:
    """Whether ``words`` from index ``a - 1`` to their end stand in one sentence of ``q``."""
    return _sentence_end(q, words, a) is None


def _replaced_ending(per: dict[str, tuple[_Match, Quote]], qw: Sequence[Word], q: Quote,
                     texts: Mapping[str, str] | None = None) -> dict[str, tuple[_Match, Quote]]:
    """The last fragment's line-ups that only share an opening (``_same_opening``) made a
    difference from where the wordings part, when this quote and at least two other sources'
    quotes each end their sentence with their quote there (``_ends_sentence``) and run from the
    opening to the end in one sentence: those sources quote the whole sentence, and this source
    finished it otherwise ("..., but will appeal"). Elsewhere a different ending longer than
    MAX_EDGE_WORDS is taken for a quote cut differently.

    Another source whose quote goes on past the end of that sentence (``_sentence_end``: "..., or
    they are just juice. We need planes.") finishes the sentence too: its words up to the
    sentence's end are its ending. ``texts``: the sources' texts, for the dash that closes a dash
    quotation ("- We chose it because ... - he said", ``_dash_closed``)."""
    if not qw or not _ends_sentence(q, qw[-1]):
        return per
    ends: dict[str, int] = {}  # source -> where its ending ends in its fragment
    voting = 0  # sources that end their quote there too, their short ending already voted on
    for sid, (m, c) in per.items():
        parted = _same_opening(m.ops, qw, m.words)
        if parted is None:
            continue
        at, cat = parted
        stop = _sentence_end(c, m.words, cat)
        if stop is not None and _one_sentence(q, qw, at):
            ends[sid] = stop
            continue
        cfr = c.words()
        if not cfr or not cfr[-1] or m.words[-1] is not cfr[-1][-1]:
            continue  # the other fragment is not where the other quote ends
        a2, b2 = len(qw), len(m.words)
        closed = _ends_sentence(c, m.words[-1]) or _dash_closed(c, m.words[-1], texts)
        if max(a2 - at, b2 - cat) <= MAX_EDGE_WORDS and abs((a2 - at) - (b2 - cat)) <= 2:
            # A short ending is voted on as any edge is (``_align``, ``_fitted_edges``); it still
            # witnesses that the sentence ends there.
            voting += m.status[-1] is not None and closed
            continue
        if closed and stop is None and _one_sentence(q, qw, at):  # stop is None: one sentence from cat to the end
            ends[sid] = b2
    if not ends or len(ends) + voting < 2:
        return per
    out = dict(per)
    for sid, b2 in ends.items():
        m, c = per[sid]
        (a1, b1), a2 = _same_opening(m.ops, qw, m.words), len(qw)
        ops = m.ops
        if b2 < len(m.words):
            # The other quote goes on past the sentence: its ending stops at the sentence's end
            # (the expected wording and the evidence take no more).
            ops = (m.ops[0], ("replace" if b2 > b1 else "delete", a1, a2, b1, b2))
        out[sid] = (_revoted(m, qw, a1, a2, b1, b2, ops), c)
    return out


def _sentence_end(c: Quote, words: Sequence[Word], at: int) -> int | None:
    """Where the sentence that runs through ``words[at - 1]`` ends, as the index of the first word
    after it, when a sentence break ([.!?;:]) follows within ``words``; None when the sentence runs
    to their end."""
    for k in range(max(1, at), len(words)):
        if _SENTENCE_BREAK_RE.search(c.text, words[k - 1].end - c.start, words[k].start - c.start):
            return k
    return None


_DASH_CLOSE_RE = re.compile(r"\s*[-–—]\s")


def _dash_closed(c: Quote, last: Word, texts: Mapping[str, str] | None) -> bool:
    """Whether a dash right after the quote closes it with ``last``: a dash quotation ends its
    sentence at the dash before the credit ("- We chose it because ... - he said"), without a
    mark of its own."""
    if texts is None or c.end - last.end > 3:
        return False
    text = texts.get(c.source)
    return text is not None and bool(_DASH_CLOSE_RE.match(text, c.end))


def _shared_alternative(best: dict[str, tuple[_Match, "Quote"]], i: int, own: str
                        ) -> tuple[tuple[str, ...], set[str]]:
    """Where the other sources' votes on word ``i`` differ as keys, the largest set of them whose
    wordings at that place share a word, and the key most of them give. A source whose wording
    there holds an inflection of this source's own word ``own`` supports no alternative. Out:
    (key, supporting sources); an empty set when no word is shared."""
    by_word: dict[str, set[str]] = defaultdict(set)
    for sid, (m, _) in best.items():
        st = m.status[i]
        if st is None or st == "eq" or not m.alts:
            continue
        # An omission's wording is the words left out and this source's own word after them
        # (``_align``): the own word is no other wording there.
        alts = m.alts[i] - {own} if isinstance(st, tuple) and st[:1] == ("+",) else m.alts[i]
        if any(stem(w) == stem(own) for w in alts):
            continue  # "decoupling" / "to decouple": an inflection, not another wording
        for w in alts:
            by_word[w].add(sid)
    if not by_word:
        return (), set()
    word, sids = max(by_word.items(), key=lambda kv: (len(kv[1]), kv[0]))
    keys = Counter(best[sid][0].status[i] for sid in sids)
    key = max(keys.items(), key=lambda kv: (kv[1], kv[0]))[0]
    return key, sids  # type: ignore[return-value]


def _fitted_edges(m: _Match, qw: Sequence[Word]) -> _Match:
    """``m`` without the differences at the quote's very start or end that only fit the quoted
    words into the reporter's sentence: a partial quote drops or inflects words at its edges ("the
    bloc had "come to …"" for "We came to …"). At an edge, this fragment's words are no other
    wording when each of its content words is one of the other's, inflected or not; a word the
    other lacks ("faster than the police" / "faster than us") is still a difference."""
    equal = [k for k, op in enumerate(m.ops) if op[0] == "equal"]
    if not equal:
        return m
    status = list(m.status)
    changed = False
    for k, (tag, i1, i2, j1, j2) in enumerate(m.ops):
        if equal[0] <= k <= equal[-1] or tag in ("equal", "insert"):
            continue
        if all(status[i] is None for i in range(i1, i2)):
            continue
        other = [w.norm for w in m.words[j1:j2]]
        if all(any(same_sense(w.norm, o) for o in other) for w in qw[i1:i2] if w.content):
            for i in range(i1, i2):
                status[i] = None
            changed = True
    if not changed:
        return m
    return _Match(words=m.words, ops=m.ops, status=tuple(status), matched=m.matched, alts=m.alts)


ADDED_CLAUSE_CONTENT = 3
"""Content words a clause run on past the others' whole sentence holds to count as added
(``_added_condition``); fewer ("..., he said", "..., too") are no claim of their own."""

# Words that open a condition or an exception: a clause they open after words every other source
# ends the quote on restricts what the speaker said ("Stay away" / "Stay away unless ...").
CONDITIONS = frozenset({"unless", "except", "excepting", "if", "provided", "providing", "only", "without"})
_SENTENCE_BREAK_RE = re.compile(r"[.!?;:]")


def _claims_more(extra: Sequence[Word]) -> bool:
    """Whether words a quote runs on with past the others' whole sentence say something of their
    own: ADDED_CLAUSE_CONTENT content words, or a negator ("..., never"), which turns or
    sharpens the claim in one word, where "..., he said" or "..., too" adds nothing."""
    return sum(1 for w in extra if w.content) >= ADDED_CLAUSE_CONTENT or any(w.norm in NEGATORS for w in extra)


def _added_condition(per: dict[str, tuple[_Match, Quote]], qw: Sequence[Word], text: str,
                     q: Quote | None = None) -> dict[str, tuple[_Match, Quote]]:
    """The last fragment's line-ups with the words this quote runs on past the others' end made a
    difference when they add a condition or a clause: at least two other sources end their whole
    quote on the same word (more than carry on past it, plus one), the extra words continue that
    sentence, and either open with a word of CONDITIONS, or say something of their own
    (``_claims_more``: ADDED_CLAUSE_CONTENT content words, or a negator) while those sources end
    the speaker's sentence there, one of them with a full stop,
    and this quote (``q``) ends its own with them (``_ends_sentence``: "..., and the guilty will
    be punished." where the others print "...people." and "...people," he said): they print the
    sentence whole, this source made it longer. Where every other source closes on the comma
    before "he said", the quote may have been cut there, and the longer one is no addition.
    Elsewhere a longer tail is taken for a quote cut differently (see MAX_EDGE_WORDS)."""
    ends: dict[int, list[str]] = defaultdict(list)
    for sid, (m, c) in per.items():
        tag, i1, i2, j1, j2 = m.ops[-1]
        if tag == "delete" and i2 == len(qw) and j1 == len(m.words) and len(m.ops) > 1 \
                and m.ops[-2][0] == "equal" and c.words() and c.words()[-1] and m.words[-1] is c.words()[-1][-1]:
            ends[i1].append(sid)
    if not ends:
        return per
    at, sids = max(ends.items(), key=lambda kv: (len(kv[1]), -kv[0]))
    carry_on = sum(1 for m, _ in per.values() if m.status[at] is not None)
    if len(sids) < 2 or len(sids) <= carry_on + 1 or _SENTENCE_BREAK_RE.search(text, qw[at - 1].end, qw[at].start):
        return per
    if qw[at].norm not in CONDITIONS and not (
            q is not None and _claims_more(qw[at:])
            and _ends_sentence(q, qw[-1]) and _one_sentence(q, qw, at)
            and all(_ends_sentence(per[sid][1], per[sid][0].words[-1]) for sid in sids)
            and any(_ends_sentence(per[sid][1], per[sid][0].words[-1], full_stop=True) for sid in sids)):
        return per
    out = dict(per)
    for sid in sids:
        m, c = per[sid]
        status = list(m.status)
        key = _vote((), qw[at:])
        for i in range(at, len(qw)):
            status[i] = key
        out[sid] = (_Match(words=m.words, ops=m.ops, status=tuple(status), matched=m.matched, alts=m.alts), c)
    return out


TAIL_AGREED = 3
"""Words in a row two quotes print alike right before a longer different ending that make the
ending another finish of one sentence (``_replaced_tail``), not another quotation."""


def _replaced_tail(per: dict[str, tuple[_Match, Quote]], qw: Sequence[Word], q: Quote
                   ) -> dict[str, tuple[_Match, Quote]]:
    """The last fragment's line-ups made a difference at the end where this quote and at least
    two other sources print the same words up to a point and then each ends its quote, and its
    sentence, with other words: the others' last words are not this quote's, so no cut explains
    it ("... and we wish the ferry company strength," / "... and we wish the ferry company luck,
    they will need it,"), wherever else the two differ (``_replaced_ending`` asks that they share
    only the sentence's opening). A different ending longer than MAX_EDGE_WORDS is otherwise
    taken for a quote cut differently (``_align``); but a quote cut shorter keeps the words it
    prints, it does not put others in their place. The agreed run before the ending holds
    TAIL_AGREED words or more, and both endings stand in one sentence of their quote
    (``_one_sentence``, ``_sentence_end``)."""
    if not qw or not _ends_sentence(q, qw[-1]):
        return per
    ends: dict[int, list[str]] = defaultdict(list)
    for sid, (m, c) in per.items():
        if len(m.ops) < 2:
            continue
        tag, i1, i2, j1, j2 = m.ops[-1]
        etag, e1, e2, _, _ = m.ops[-2]
        if tag != "replace" or i2 != len(qw) or j2 != len(m.words) or etag != "equal" or e2 - e1 < TAIL_AGREED:
            continue
        if max(i2 - i1, j2 - j1) <= MAX_EDGE_WORDS and abs((i2 - i1) - (j2 - j1)) <= 2:
            continue  # a short ending is voted on as any edge is (``_align``, ``_fitted_edges``)
        cfr = c.words()
        if not cfr or not cfr[-1] or m.words[-1] is not cfr[-1][-1] or not _ends_sentence(c, m.words[-1]):
            continue
        if not _one_sentence(q, qw, i1) or _sentence_end(c, m.words, j1) is not None:
            continue
        if not any(w.content for w in m.words[j1:j2]) or not any(w.content for w in qw[i1:i2]):
            continue
        ends[i1].append(sid)
    if not ends:
        return per
    at, sids = max(ends.items(), key=lambda kv: (len(kv[1]), -kv[0]))
    if len(sids) < 2:
        return per
    out = dict(per)
    for sid in sids:
        m, c = per[sid]
        _, a1, a2, b1, b2 = m.ops[-1]
        out[sid] = (_revoted(m, qw, a1, a2, b1, b2, m.ops), c)
    return out


def _preposition_for_preposition(reading: Reading, flagged: Sequence[tuple[int, int, tuple]],
                                 frags: Sequence[Sequence[Word]]) -> bool:
    """Whether a rewording only puts one preposition for another at a single place, the rest of
    the quote as the others print it ("no danger for the coasts" / "no danger to the coasts",
    "in the port" / "on the port"). Which preposition goes with a verb or a noun is each
    language's own rule, the part of a sentence a translation renders least alike, and the choice
    leaves what the speaker said as it was (``reading.changes`` is empty): no other wording for an
    editor comparing the quotes. An article or a preposition added or left out is still a low
    flag, and a closed-class word that carries meaning (a negator, a modal, a quantifier) changes
    the reading anyway."""
    if reading.changes or reading.paraphrase or reading.places != 1 or len(flagged) != 1:
        return False
    fi, i, key = flagged[0]
    return key[:2] == (MINOR, "") and frags[fi][i].norm in PREPOSITIONS and len(key) == 3 \
        and key[2] in PREPOSITIONS and key[2] != frags[fi][i].norm


RELATIVES = frozenset({"that", "which", "who", "whom"})
"""The words that open a relative or a reported clause, which English may leave out ("every tonne
we dig", "he said it was") and most languages may not."""


def _relative_spelt_out(reading: Reading, flagged: Sequence[tuple[int, int, tuple]],
                        frags: Sequence[Sequence[Word]]) -> bool:
    """Whether a rewording only adds the word opening a clause at a single place where the others
    print nothing ("every tonne which we dig" / "every tonne we dig"), the rest of the quote as
    the others print it. English alone may leave the relative pronoun or the "that" of a reported
    clause out; a translation from a language that must print it, and a rewriter, put it in. It
    changes nothing of what the speaker said (``reading.changes`` is empty)."""
    if reading.changes or reading.paraphrase or reading.places != 1 or len(flagged) != 1:
        return False
    fi, i, key = flagged[0]
    return key == (MINOR, "") and frags[fi][i].norm in RELATIVES


def _misspelt(word: str, m: _Match, i: int) -> bool:
    """Whether this fragment's word ``i`` is a misspelling of the word the other has in its place:
    one word for one, a letter or two apart (transposed letters count once), and no word of the
    language itself; or the same letters with their accents stripped or added ("Vilaris" /
    "Vīlāris": a keyboard, an OCR pass or a wire's house style, the name and garble checks'
    business, not a rewording)."""
    for tag, i1, i2, j1, j2 in m.ops:
        if i1 <= i < i2:
            if tag == "replace" and i2 - i1 == j2 - j1:
                same_place = m.words[j1 + i - i1].norm
                if word != same_place and unaccented(word) == unaccented(same_place):
                    return True
            if tag != "replace" or i2 - i1 != 1 or j2 - j1 != 1:
                return False
            other = m.words[j1].norm
            return min(len(word), len(other)) >= 4 and OSA.distance(word, other) <= 1 + (len(other) >= 8) \
                and not is_ordinary_word(word)
    return False


def _consensus_reading(best: Sequence[dict[str, tuple[_Match, Quote]]], frags: Sequence[Sequence[Word]],
                       flagged: Sequence[tuple[int, int, tuple]], voters: Sequence[str]) -> Reading:
    """What this wording changes against the consensus: read against each consensus source (at
    most MAX_EVIDENCE of them) and kept where most of them agree, so that a slip of one of them
    ("educational job" where this one says "professional work" and the rest "professional job")
    does not count as the consensus."""
    readings = []
    for sid in voters[:MAX_EVIDENCE]:
        places: list[tuple[Sequence[Word], Sequence[Word]]] = []
        mine: list[str] = []
        theirs: list[str] = []
        mine_words: list[Word] = []
        theirs_words: list[Word] = []
        for fi, qw in enumerate(frags):
            if sid in best[fi]:
                m = best[fi][sid][0]
                places += _places(m, qw, {i for f, i, _ in flagged if f == fi})
                mine += [w.norm for w in qw]
                theirs += [w.norm for w in m.words]
                mine_words += qw
                theirs_words += m.words
        if places:
            readings.append(read_change(places, mine=mine, theirs=theirs, mine_words=mine_words,
                                        theirs_words=theirs_words))
    if not readings:
        return Reading(frozenset(), False, 0, 0)
    half = len(readings) / 2
    kinds: Counter[str] = Counter(k for r in readings for k in r.changes)
    return Reading(changes=frozenset(k for k, n in kinds.items() if n > half),
                   paraphrase=sum(r.paraphrase for r in readings) > half,
                   lost=sorted(r.lost for r in readings)[len(readings) // 2],
                   places=min(r.places for r in readings),
                   bare=sum(r.bare for r in readings) > half,
                   spelt_out=sum(r.spelt_out for r in readings) > half,
                   far=sorted(r.far for r in readings)[len(readings) // 2],
                   one_field=sum(r.one_field for r in readings) > half)


def _reference_score(best: Sequence[dict[str, tuple[_Match, Quote]]], flagged: Sequence[tuple[int, int, tuple]],
                     voters_at: dict[tuple[int, int], set[str]], sid: str) -> tuple[int, int, str]:
    """How well a consensus source stands for the consensus: the flagged places where it votes with
    the majority, less the places where it alone departs from words everyone else shares (a slip
    of its own would otherwise show as the expected wording); then how much it lines up."""
    hits = sum(1 for fi, i, _ in flagged if sid in voters_at[(fi, i)])
    marked = {(fi, i) for fi, i, _ in flagged}
    own = 0
    matched = 0
    for fi, per in enumerate(best):
        if sid not in per:
            continue
        m = per[sid][0]
        matched += m.matched
        own += sum(1 for i, st in enumerate(m.status) if st not in _AGREED and (fi, i) not in marked)
    return hits - own, matched, sid


def _places(m: _Match, qw: Sequence[Word], flagged: set[int]) -> list[tuple[Sequence[Word], Sequence[Word]]]:
    """Where this fragment and the other differ at a flagged word: (this fragment's words there,
    the other's words there). Words the other adds before a flagged word count at that word.
    Words the other does not vote on (beyond where its quote starts or ends, or only fitted into
    its sentence) are no place of this reading: a source that quotes only the first sentence says
    nothing about the second, which other sources flagged."""
    out = []
    for tag, i1, i2, j1, j2 in m.ops:
        if tag == "equal":
            continue
        if tag == "insert":
            if i1 in flagged:
                out.append(((), m.words[j1:j2]))
        elif j1 == j2 and all(m.status[i] is None for i in range(i1, i2)):
            continue
        elif any(i in flagged for i in range(i1, i2)):
            out.append((qw[i1:i2], m.words[j1:j2]))
    return out


def _map_range(m: _Match, a: int, b: int) -> tuple[int, int]:
    """The other fragment's word range [start, end) lined up with this fragment's words a..b."""
    cs = ce = None
    seen_equal = False
    for tag, i1, i2, j1, j2 in m.ops:
        seen_equal = seen_equal or tag == "equal"
        if cs is None and (i1 <= a < i2 or (i1 == i2 == a and seen_equal)):
            # An omission right before ``a`` (an insert op) belongs to the expected wording.
            cs = j1 + (a - i1) if tag == "equal" else j1
        if i1 <= b < i2:
            ce = j1 + (b - i1) + 1 if tag == "equal" else j2
    if cs is None or ce is None or ce <= cs:
        return (cs or 0, cs or 0)
    return cs, ce


def _third_passages(ctx: CheckContext, q: Quote, quoting: set[str]) -> Iterator[Passage]:
    """The passages aligned with ``q``'s in sources that neither are ``q``'s nor quote it
    (``quoting``)."""
    for pid in q.passages:
        group = ctx.group_of.get(pid)
        if group is None:
            continue
        for p in group.passages:
            if p.source != q.source and p.source not in quoting:
                yield p


def _third_texts(ctx: CheckContext, q: Quote, quoting: set[str]) -> list[frozenset[str]]:
    """The word stems of each passage of ``_third_passages``: where a source reports the words
    without quoting them."""
    return [frozenset(stem(w.norm) for w in quote_words(p.text)) for p in _third_passages(ctx, q, quoting)]


def _has_digit(word: str) -> bool:
    return any(ch.isdigit() for ch in word)


def _reported_elsewhere(m: _Match, qw: Sequence[Word], i: int, q: Quote, third: Sequence[frozenset[str]]) -> bool:
    """Whether a third source's aligned passage holds the other quote's content words at this
    quote's word ``i`` that this quote lacks, and not this quote's own content words there."""
    mine = set(q.norms()[0]) if len(q.norms()) == 1 else {w for f in q.norms() for w in f}
    # A quantity in words ("half", "twice") is reported as the quote has it; a figure in digits
    # is the number check's, and a third source rounds or converts it.
    theirs = {stem(w) for w in m.alts[i] if w not in mine and not _has_digit(w)
              and (not is_function_word(w) or w in NUMBER_WORDS)} if m.alts else set()
    if not theirs:
        return False
    own = set()
    for tag, i1, i2, _, _ in m.ops:
        if i1 <= i < max(i2, i1 + 1) and tag == "replace":
            own = {stem(w.norm) for w in qw[i1:i2] if w.content and not is_function_word(w.norm)}
    return any(theirs <= t and not (own & t) for t in third)


def _third_sentences(ctx: CheckContext, q: Quote, quoting: set[str]) -> list[frozenset[str]]:
    """The word stems of each sentence of the passages aligned with ``q``'s in sources that
    neither are ``q``'s nor line up with it (``quoting``), quoted or not: where a third source
    renders the same words too freely to line up, credits them to someone else, or reports them."""
    out = []
    for p in _third_passages(ctx, q, quoting):
        for sentence in _REPORT_CUT_RE.split(p.text):
            stems = frozenset(stem(w.norm) for w in quote_words(sentence) if not is_function_word(w.norm))
            if stems:
                out.append(stems)
    return out


def _third_quotes(ctx: CheckContext, speech: Speech, q: Quote, quoting: set[str]) -> list[frozenset[str]]:
    """The content stems (no function word) of each quotation standing in a passage of
    ``_third_passages``: a third source's own quotation of the words, too freely worded to line up
    or credited otherwise."""
    passages = list(_third_passages(ctx, q, quoting))
    ids = {p.id for p in passages}
    out = []
    for sid in sorted({p.source for p in passages}):
        for c in speech.quotes.get(sid, ()):
            if not c.nested and ids.intersection(c.passages):
                stems = frozenset(stem(w.norm) for f in c.words() for w in f if not is_function_word(w.norm))
                if stems:
                    out.append(stems)
    return out


WITNESS_CONTEXT = 3
"""A third source's sentence renders the quoted sentence when it shares this many of the quote's
content stems beside the disputed place (``_reworded_elsewhere``)."""


def _reworded_elsewhere(m: _Match, qw: Sequence[Word], i: int, q: Quote, sentences: Sequence[frozenset[str]]) -> bool:
    """Whether a third source's sentence (``_third_sentences``) renders the quote with the other
    quote's content words at this quote's word ``i`` and without this quote's own there: a sentence
    that shares WITNESS_CONTEXT of the quote's other content stems, holds every content word the
    other prints in this place (that this quote lacks) and none of the content words this quote
    puts there. A figure or a word put for its opposite is left to the one-against-one reading
    (``_one_against_one``), which a third source settles as well."""
    mine = {w for f in q.norms() for w in f}
    theirs = {stem(w) for w in m.alts[i] if w not in mine and not is_function_word(w)} if m.alts else set()
    own: set[str] = set()
    place_q: Sequence[Word] = ()
    place_c: Sequence[Word] = ()
    for tag, i1, i2, j1, j2 in m.ops:
        if i1 <= i < i2 and tag == "replace":
            own = {stem(w.norm) for w in qw[i1:i2] if w.content and not is_function_word(w.norm)}
            place_q, place_c = qw[i1:i2], m.words[j1:j2]
    if not theirs or not own:
        return False
    if any(_is_number(w.norm) for w in itertools.chain(place_q, place_c)) or _opposite_pair(place_q, place_c) is not None:
        return False  # another figure, a word for its opposite: the tie reading's, with its own witness
    context = {stem(w.norm) for f in q.words() for w in f if w.content and not is_function_word(w.norm)} - own - theirs
    return any(theirs <= s and not (own & s) and len(context & s) >= WITNESS_CONTEXT for s in sentences)


def _worded_as(best: Sequence[dict[str, tuple[_Match, Quote]]], frags: Sequence[Sequence[Word]]) -> bool:
    """Whether some other source words this quote as it does: across every fragment it lines up
    with, no word of content differs (function words and inflection may), and it covers at least
    half of the quote's words. A source that translates its quotes words none of them so."""
    total = sum(len(f) for f in frags)
    sids = {sid for per in best for sid in per}
    for sid in sorted(sids):
        covered = 0
        clean = True
        for per in best:
            if sid not in per:
                continue
            m = per[sid][0]
            covered += sum(1 for st in m.status if st is not None)
            clean = clean and all(st in _AGREED or st[0] == MINOR for st in m.status)  # type: ignore[index]
        if clean and 2 * covered >= total:
            return True
    return False


def _check_quote(ctx: CheckContext, speech: Speech, index: StoryIndex, q: Quote,
                 panels: AlignedPanels | None = None) -> "_Outcome":
    frags = q.words()
    total = sum(len(f) for f in frags)
    if total < MIN_QUOTE_WORDS:
        return _Outcome(None, UNMATCHED)
    cands = _vouched(_counterparts(ctx, speech, index, q, panels))
    if not cands:
        return _Outcome(None, UNMATCHED)
    # Best-aligned fragment of each other source, for each of this quote's fragments.
    best: list[dict[str, tuple[_Match, Quote]]] = [dict() for _ in frags]
    qnorms = q.norms()
    for sid in sorted(cands):
        for fi, qw in enumerate(frags):
            if len(qw) < 2:
                continue
            top: tuple[_Match, Quote] | None = None
            for c, aligned, trust in cands[sid]:
                for cw, cn in zip(c.words(), c.norms()):
                    m = align_fragments(qw, cw, aligned=aligned and trust == TRUSTED, norms=(qnorms[fi], cn),
                                        opening=trust == TRUSTED)
                    if m is not None and (top is None or m.matched > top[0].matched) and _strong(m, qw, trust):
                        top = (m, c)
            for c, cw, cn, aligned, trust in _resumed(ctx, cands[sid]):
                # One quotation the other source breaks off for its credit and resumes: its two
                # parts line up with this quote as one.
                m = align_fragments(qw, cw, aligned=aligned and trust == TRUSTED, norms=(qnorms[fi], cn),
                                    opening=trust == TRUSTED)
                if m is not None and (top is None or m.matched > top[0].matched) and _strong(m, qw, trust):
                    top = (m, c)
            if top is not None:
                best[fi][sid] = (_fitted_edges(top[0], qw), top[1])
    if not any(best):
        return _free_turn(ctx, speech, q, cands, best) or _reworded_whole(ctx, q, cands) \
            or _Outcome(None, UNMATCHED, unlined=_unlined(q, cands))
    verbatim = _worded_as(best, frags)
    if best[-1]:
        best[-1] = _replaced_ending(_replaced_tail(_added_condition(best[-1], frags[-1], ctx.sources[q.source].text, q),
                                                   frags[-1], q), frags[-1], q,
                                    {sid: ctx.sources[sid].text for sid in best[-1]})
    # Word-by-word vote.
    third: list[frozenset[str]] | None = None  # other sources' aligned unquoted text, read when needed
    third_sentences: list[frozenset[str]] | None = None  # the same, sentence by sentence
    witnessed: set[tuple[int, int]] = set()  # places voted on by one source and a third's rendering
    flagged: list[tuple[int, int, tuple[str, ...]]] = []  # (fragment, word index, consensus key)
    voters_at: dict[tuple[int, int], set[str]] = {}  # the sources voting for the consensus there
    support_at: dict[tuple[int, int], tuple[int, int]] = {}  # sources against and for this wording there
    lone: list[tuple[int, int, tuple[str, ...], str]] = []  # places only one source words otherwise, alone
    for fi, qw in enumerate(frags):
        if not best[fi]:
            continue
        columns = zip(*(m.status for m, _ in best[fi].values()))
        for i, column in enumerate(columns):
            if _AGREED.issuperset(column):
                continue  # every source words it alike or does not cover it: nothing to vote on
            eq = 0
            keys: Counter[tuple[str, ...]] = Counter()
            for sid, (m, _) in best[fi].items():
                st = m.status[i]
                if st == "eq":
                    eq += 1
                elif st is not None:
                    keys[st] += 1  # type: ignore[index]
            if not keys:
                continue
            key, n = max(keys.items(), key=lambda kv: (kv[1], kv[0]))
            supporters = {sid for sid, (m, _) in best[fi].items() if m.status[i] == key}
            if n == 1 and eq == 0 and key[0] != MINOR:
                lone.append((fi, i, key, next(iter(supporters))))
            if n < 2:
                # The sources that word this place otherwise may cut their stretch differently
                # ("sense was" / "promise is that"; "would" / "meeting will" / "will"): they still
                # agree when their wordings there share a word this source does not have.
                # Only an omission: a third source's paraphrase shares words with a rewording
                # as often as not, but words it reports that this quote leaves out are left out.
                alone = (key, supporters) if n == 1 and eq == 0 and key[0] == "+" else None
                swapped = (key, supporters) if n == 1 and eq == 0 and key[0] not in ("+", MINOR) \
                    and key != _NOTHING else None
                key, supporters = _shared_alternative(best[fi], i, qw[i].norm)
                n = len(supporters)
                if n < 2 and alone is not None:
                    # One other source quotes it: a third source that reports the words this
                    # quote leaves out in its own sentence (indirect speech) is the second witness.
                    if third is None:
                        third = _third_texts(ctx, q, {sid for per in best for sid in per})
                    key, supporters = alone
                    n = 2 if _reported_elsewhere(best[fi][next(iter(supporters))][0], qw, i, q, third) else 1
                elif n < 2 and swapped is not None:
                    # One other source quotes it and words this place otherwise: a third source
                    # whose own rendering of the same sentence (quoted too freely to line up, or
                    # reported) holds the other's words there and not this quote's is the second
                    # witness (``_reworded_elsewhere``).
                    if third_sentences is None:
                        third_sentences = _third_sentences(ctx, q, {sid for per in best for sid in per})
                    key, supporters = swapped
                    if _reworded_elsewhere(best[fi][next(iter(supporters))][0], qw, i, q, third_sentences):
                        n = 2
                        witnessed.add((fi, i))
            if n >= 2 and n > eq + 1:
                flagged.append((fi, i, key))
                voters_at[(fi, i)] = supporters
                support_at[(fi, i)] = (n, eq)
    # A third source's rendering settles only a changed meaning (``_witness_settles``); where it
    # does not, the places it voted on are left as one source against one.
    witnessed_only = bool(witnessed) and all((fi, i) in witnessed for fi, i, k in flagged if k[0] != MINOR)
    seconded = False
    if witnessed_only and not _witness_settles(_consensus_reading(
            best, frags, flagged, sorted({sid for fi, i, _ in flagged for sid in voters_at[(fi, i)]}))):
        # Still, where the third source's rendering is a quotation of its own, two sources quote
        # the speaker one way and this one another way (``_Outcome.seconded``); a report in
        # indirect speech is worded by the reporter and vouches for no wording.
        quoted = _third_quotes(ctx, speech, q, {sid for per in best for sid in per})
        seconded = all(_reworded_elsewhere(best[fi][next(iter(voters_at[(fi, i)]))][0], frags[fi], i, q, quoted)
                       for fi, i in witnessed)
        flagged = [x for x in flagged if x[:2] not in witnessed]
        witnessed_only = False
    rival = tie = None
    if not flagged:
        tie = _one_against_one(ctx, speech, q, frags, best)
        lined = {sid for per in best for sid in per}
        if tie is None and any(sid not in lined and any(a and t != OTHER_SPEAKER for _, a, t in per)
                               for sid, per in cands.items()):
            # Some source quotes it too freely to line up: its rendering may still turn a claim.
            free = _free_turn(ctx, speech, q, cands, best)
            if free is not None:
                return replace(free, verbatim=verbatim)
        # The sources whose quote words the disputed places at all: a third source's quote that
        # stops short of them, or that does not line up, says nothing about them.
        speaking = {sid for fi, i, _, _ in lone for sid, (m, _) in best[fi].items() if m.status[i] is not None}
        if len(speaking) != 1 or not lone or not _own_wording(frags, lone, ctx.sources[q.source].text):
            return _Outcome(None, SAME, tie=tie, verbatim=verbatim)
        # One other source alone quotes these places and words them otherwise: the would-be flag
        # is a contest of one source against one (``_contest_worthy``, ``checks.contests``).
        rival = next(iter(speaking))
        flagged = [(fi, i, key) for fi, i, key, _ in lone]
        for fi, i, _, sid in lone:
            voters_at[(fi, i)] = {sid}
            support_at[(fi, i)] = (1, 0)
    against_max = max((support_at[x[:2]][0] for x in flagged), default=0)
    agree_max = max((support_at[x[:2]][1] for x in flagged), default=0)
    state = DIFFERS if rival is None else SAME  # a contest is no majority against it
    # The consensus sources: those voting against this wording; the reference is the best-matching one.
    voters = sorted({sid for fi, i, _ in flagged for sid in voters_at[(fi, i)]})
    ref_sid = max(voters, key=lambda s: _reference_score(best, flagged, voters_at, s))
    # What the difference does to the meaning, read against the reference wording.
    if all(_misspelt(frags[fi][i].norm, best[fi][ref_sid][0], i) for fi, i, _ in flagged if ref_sid in best[fi]):
        return _Outcome(None, SAME, verbatim=verbatim, tie=tie)  # a misspelt word ("lisetn") is the garble and name checks' business, not a rewording
    reading = _consensus_reading(best, frags, flagged, voters)
    if _preposition_for_preposition(reading, flagged, frags) or _relative_spelt_out(reading, flagged, frags):
        # Not flagged, but still worded otherwise than the others: it counts among the quotes
        # a translating source words its own way (``translates_quotes``).
        return _Outcome(None, state, reading, verbatim=verbatim, tie=tie)
    # A quote worded anew throughout with the same content (``reading.paraphrase``, no change
    # of meaning) goes on to a low flag: the sources voting against it print one wording among
    # themselves, so that wording is the verbatim one and this is not; the severity below says
    # the claim did not move. (Where the others do not agree among themselves, no place has a
    # majority and nothing is flagged.)
    content_total = sum(1 for f in frags for w in f if w.content)
    flagged_content = sum(1 for fi, i, k in flagged if frags[fi][i].content and k[0] != MINOR)
    whole = flagged_content >= WHOLE_QUOTE_SHARE * max(1, content_total)
    src_text = ctx.sources[q.source].text
    # The flagged stretch per fragment; one that only adds words to the others' ("completely
    # safe" / "safe") takes in its neighbours so that the expected wording is not empty.
    stretch: dict[int, tuple[int, int]] = {}
    for fi, qw in enumerate(frags):
        idx = list(range(len(qw))) if whole else [i for f, i, _ in flagged if f == fi]
        if not idx:
            continue
        a, b = idx[0], idx[-1]
        if ref_sid in best[fi]:
            m = best[fi][ref_sid][0]
            cs, ce = _map_range(m, a, b)
            if ce <= cs:
                a, b = max(0, a - 1), min(len(qw) - 1, b + 1)
        stretch[fi] = (a, b)
    if not stretch:
        return _Outcome(None, state, verbatim=verbatim, tie=tie)
    src_text_ref = ctx.sources[ref_sid].text

    def wording(spans: dict[int, tuple[int, int]]) -> tuple[int, int, str]:
        # This source's flagged offsets and the reference source's words lined up with them,
        # fragment by fragment.
        first, last = min(spans), max(spans)
        pieces: list[str] = []
        for fi, (a, b) in sorted(spans.items()):
            if ref_sid not in best[fi]:
                continue
            m, c = best[fi][ref_sid]
            cs, ce = _map_range(m, a, b)
            if ce > cs:
                pieces.append(src_text_ref[m.words[cs].start:m.words[ce - 1].end])
        return frags[first][spans[first][0]].start, frags[last][spans[last][1]].end, " … ".join(pieces)

    fl_start, fl_end, expected = wording(stretch)
    if not expected:
        return _Outcome(None, state, verbatim=verbatim, tie=tie)
    narrow = (src_text[fl_start:fl_end], expected)
    # Only a swap that changes the meaning is also a finding about the quotation (see _swap_sentence).
    wide = _swap_sentence(stretch, frags, best[min(stretch)].get(ref_sid), src_text) \
        if reading.changes and not whole else None
    if wide is not None:
        w_start, w_end, w_expected = wording({min(stretch): wide})
        if w_expected:
            fl_start, fl_end, expected = w_start, w_end, w_expected
    evidence: list[Span] = []
    for sid in voters[:MAX_EVIDENCE]:
        spans = []
        for fi in range(len(frags)):
            if sid in best[fi]:
                m, _ = best[fi][sid]
                covered = [i for i, st in enumerate(m.status) if st is not None]
                cs, ce = _map_range(m, covered[0], covered[-1])
                if ce > cs:
                    spans.append((m.words[cs].start, m.words[ce - 1].end))
        if spans:
            evidence.append(span_of(ctx, sid, min(s for s, _ in spans), max(e for _, e in spans)))
    if not evidence:
        return _Outcome(None, state, verbatim=verbatim, tie=tie)
    eq_support = agree_max
    n = against_max
    # Unanimous disagreement of three sources with a quote that should be verbatim is near-certain;
    # two is good evidence; sources agreeing with this wording discount it proportionally.
    confidence = min(0.97, 0.6 + 0.12 * n) * (n / (n + eq_support))
    if not reading.changes:
        severity = Severity.LOW  # function words, inflection, a synonym: not verbatim, same meaning
    elif reading.changes == {CONTENT} and not reading.lost and not reading.bare and reading.paraphrase:
        # Every content word of the others' is here, some moved or in another form, and words
        # only added beside them (no place where one side says something and the other nothing):
        # the word order and the phrasing of another translation of the same words ("left them
        # without help this week" / "failed them this week"), however many sources agree.
        severity = Severity.LOW
    elif _another_rendering(reading):
        # Worded otherwise at several places with the grammar kept and at most one word of
        # another field: the shape of a second translation of the same words, whoever printed
        # it (see _another_rendering). Not verbatim, so flagged, but low: neither how many
        # sources agree against it nor how much of it differs says the claim moved.
        severity = Severity.LOW
    elif reading.changes & SEVERE or (CONTENT in reading.changes and (whole or n >= 3 or reading.lost >= 2)):
        severity = Severity.HIGH
    else:
        severity = Severity.MEDIUM  # tense, modality, scope, emphasis, or one word of content
    # Name the speaker as the consensus source does (this source may misspell the name too).
    ref_quote = next(best[f][ref_sid][1] for f in range(len(frags)) if ref_sid in best[f])
    speaker = next((s.named for s in (ref_quote.speaker, q.speaker) if s is not None and s.named is not None), None)
    who = speaker.text if speaker is not None else "the speaker"
    message = (f'quote reads "{_short(narrow[0])}" where {n} other source{"s" if n != 1 else ""} '
               f'quote {who} as "{_short(narrow[1])}"')
    group = None
    for pid in q.passages:
        group = ctx.group_of.get(pid)
        if group is not None:
            break
    return _Outcome(make_flag(ctx, kind=Kind.QUOTE_VARIANT, source=q.source, start=fl_start, end=fl_end,
                              expected=expected, severity=severity, confidence=confidence, group=group,
                              message=message, evidence=evidence), state, reading,
                    verbatim=verbatim,
                    witnessed=witnessed_only, rival=rival, tie=tie, seconded=seconded and rival is not None,
                    witnessed_by=voters[0] if witnessed_only and len(voters) == 1 else None)


SWAP_WORDS = 3
"""A flagged stretch of at most this many words, one wording put for another, is the size of a
term swap."""


def _contest_worthy(reading: Reading | None, translated: bool) -> bool:
    """Whether a rewording only one other source's quote contradicts (``_Outcome.rival``) is a
    contest of one source against one: a word of content put for another or left out, not what
    a translation makes of the same words (a synonym, function words, a word of the same field, a
    quote worded anew throughout: ``_translation_choice``, ``_another_rendering``)."""
    if reading is None or CONTENT not in reading.changes:
        return False
    if _translation_choice(reading) or _another_rendering(reading):
        return False
    if reading.paraphrase and reading.lost <= CONTEST_PARAPHRASE_LOST + translated \
            and not (POLARITY in reading.changes and not reading.lost):
        # Every content word of the other's kept, in other forms or places, and a denial one of
        # the two lacks: the same words made to say the opposite ("will be able to repay" /
        # "cannot repay"), which no second translation does. With a word lost as well the denial
        # may be recast in other words ("read first, then decide" / "not decide before reading").
        return False
    if translated and reading.changes <= {CONTENT} and reading.places >= TRANSLATED_PLACES:
        return False  # a translation's quote worded anew throughout (see TRANSLATED_PLACES)
    return not (translated and _translation_doubt(reading))


def _own_wording(frags: Sequence[Sequence[Word]], lone: Sequence[tuple[int, int, tuple[str, ...], str]],
                 text: str) -> bool:
    """Whether, at the places one other source alone words otherwise, this quote prints a
    word of content of its own that is no name (a dictionary word, or one written in lower case):
    a quote that only lacks a word the other prints ("in" / "at nine o'clock in", "was" /
    "became") was cut or condensed, and a name spelt otherwise ("Kulma" / "Külmä") is the name
    check's business; neither is a contest of wordings."""
    return any(key[0] != "+" and frags[fi][i].content
               and (is_ordinary_word(frags[fi][i].norm) or text[frags[fi][i].start].islower())
               for fi, i, key, _ in lone)


CONTEST_PARAPHRASE_LOST = 1
"""A rewording that pairs some of the other's content words with its own in other forms or
places (``Reading.paraphrase``: "decide" / "make a decision", "fully booked" / "full") and loses
at most this many (one more in a source that translates its quotes) is a second translation of
the same words, with a grammar of its own ("must be able to" / "need to", "first read ... before"
/ "not ... before ... read"), not a contest: on the 70 least-tuned stories six of the seven
contests won that way were translations and one a misquote ("will be able to give back" /
"cannot repay")."""


def _swap_sentence(stretch: dict[int, tuple[int, int]], frags: Sequence[Sequence[Word]], ref: tuple[_Match, Quote] | None,
                   text: str) -> tuple[int, int] | None:
    """The quoted sentence (word range of its fragment) around a flagged stretch that puts a
    word or two of content for others ("fleeing" / "fighting"), else None.

    Such a swap is two findings: the word is a term rendered otherwise (the term check's flag on
    that word), and the quotation now says something else (this check's). The second is about
    what the speaker said, the sentence the word stands in, so the quote flag marks that sentence
    and the word's own flag stands inside it rather than the two covering the same word. A
    stretch that only adds or drops words ("this meeting will" / "this will"), or that is longer,
    keeps its own span."""
    if len(stretch) != 1 or ref is None:
        return None
    (fi, (a, b)), = stretch.items()
    qw = frags[fi]
    if b - a + 1 > SWAP_WORDS:
        return None
    m = ref[0]
    swapped = False
    for tag, i1, i2, j1, j2 in m.ops:
        if i2 <= a or i1 > b or tag == "equal":
            continue
        if tag != "replace" or not any(w.content for w in qw[i1:i2]) or not any(w.content for w in m.words[j1:j2]):
            return None
        swapped = True
    if not swapped:
        return None
    start, end = a, b
    while start > 0 and not _SENTENCE_BREAK_RE.search(text, qw[start - 1].end, qw[start].start):
        start -= 1
    while end + 1 < len(qw) and not _SENTENCE_BREAK_RE.search(text, qw[end].end, qw[end + 1].start):
        end += 1
    return (start, end) if (start, end) != (a, b) else None


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# --------------------------------------------------------------------------------------------
# One source against one
# --------------------------------------------------------------------------------------------
#
# Where only one other source quotes a passage there is no majority, and the vote above says
# nothing. An editor still stops at two renderings of one utterance that say opposite things (a
# "not" one of them lacks, another figure) while the rest of the two agrees: both cannot be what
# the speaker said, however freely a translation worded the rest. Which of the two to flag is
# settled by what else the story says, as an editor would: a third source reporting the words in
# its own sentence (no quotation marks) sides with one of them on the disputed word; failing
# that, a source that rewords the quotes the other sources agree on is the likelier to have
# changed this one too, against a source that prints them as the others do.

TIE_CHANGES = frozenset({POLARITY, NUMBER})
"""The changes that make two renderings contradict each other, flagged without a majority (with
OPPOSITE: a word put for its antonym)."""
OPPOSITE = "opposite"
"""A content word put for its antonym ("son" / "daughter"): no class of ``read_change``, read here."""
TIE_PLACE_WORDS = 3
"""The place where they contradict holds at most this many words on either side ("see traces" /
"see no traces"): a longer stretch is a passage worded otherwise, not one word flipped."""
TIE_MATCHED = 0.5
"""The rest agrees closely: this share of the longer wording (of the sentences both quote) lines up
word for word ..."""
TIE_FAR = 1
"""... and at most this many content words elsewhere are lost with no word of their field put in
their place, nothing else of the meaning changed (a translation's rewording, not another claim)."""
WITNESS_WINDOW = 3
"""A negation governs the disputed word when it stands at most this many words before it in a
third source's sentence ("had found no traces")."""
WITNESS_SHARED = 3
WITNESS_SHARE = 1 / 3
"""A third source's sentence reports the quote when it shares this many of its content stems and
this share of them (the attribution check's paraphrase witnesses read the same way)."""

_REPORT_CUT_RE = re.compile(r"(?<=[.!?;])\s+|\n")
_REPORT_QUOTE_RE = re.compile("[\"“”„«»]")


@dataclass(frozen=True)
class _Tie:
    """A quote that the only other source quoting it renders with the opposite meaning at one
    place. ``change``: POLARITY, NUMBER or OPPOSITE; ``start``/``end``: this source's offsets of
    the place; ``expected``: the other source's words there; ``quote``: the other source's quote;
    ``focus``: the disputed content words (the stems of the word negated, the figures, or the two
    stems of an antonym pair); ``mine``/``theirs``: what each rendering says there (("not",) or ()
    for a negation, the figures, the antonym's stem); ``claim``: the quote's content stems;
    ``passages``: its passages."""

    other: str
    change: str
    start: int
    end: int
    expected: str
    quote: Span
    focus: frozenset[str]
    mine: frozenset[str]
    theirs: frozenset[str]
    claim: frozenset[str]
    passages: tuple[str, ...] = ()  # this quote's passages


def _is_negator(word: str) -> bool:
    return word in NEGATORS or word in NEGATIVE_IMPLICATIVES


def _governed(words: Sequence[Word], at: int) -> str | None:
    """The stem of the first content word from ``words[at]`` on that is no grammar word: the word
    a negation before it denies ("no traces" -> "trace")."""
    for w in words[at:at + WITNESS_WINDOW + 1]:
        if w.content and w.norm not in _GRAMMAR and not _is_negator(w.norm):
            return w.stem
    return None


def _one_against_one(ctx: CheckContext, speech: Speech, q: Quote, frags: Sequence[Sequence[Word]],
                     best: Sequence[dict[str, tuple[_Match, Quote]]]) -> _Tie | None:
    """The contradiction between this quote and the only other source quoting it (by the same
    speaker), if there is one: one place of at most TIE_PLACE_WORDS words where a negation or a
    figure differs (``read_change``: a negation only moved is none) or a word stands for its
    antonym (``_opposite_pair``; with a negation too, the two say the same), the rest agreeing closely
    (TIE_MATCHED, TIE_FAR, no other change of negation, figure, person or order). Else None."""
    covering = {sid for per in best for sid in per}
    if len(covering) != 1:
        return None
    other = next(iter(covering))
    mine: list[Word] = []
    theirs: list[Word] = []
    # (this wording's words, the other's, fragment, first and last word of this one's to mark,
    # the index after the place in this one and in the other)
    places: list[tuple[Sequence[Word], Sequence[Word], int, int, int, int, int]] = []
    matched = 0
    quote: Quote | None = None
    for fi, qw in enumerate(frags):
        if other not in best[fi]:
            continue
        m, c = best[fi][other]
        if not (compatible(q.speaker, c.speaker, speech.aliases) or _same_name(q.speaker, c.speaker)):
            return None  # another person's words: the attribution check's business
        quote = c
        # Only the sentences both quote are read: a sentence only one of them goes on to has its
        # own negations and figures, which the other wording does not answer.
        i_cov = [i for i, st in enumerate(m.status) if st is not None]
        j_cov = [j for tag, i1, i2, j1, j2 in m.ops
                 if tag == "equal" or any(m.status[i] is not None for i in range(i1, i2)) for j in range(j1, j2)]
        if not i_cov or not j_cov:
            continue
        mine += _sentences_around(qw, i_cov[0], i_cov[-1], ctx.sources[q.source].text)
        theirs += _sentences_around(m.words, j_cov[0], j_cov[-1], ctx.sources[c.source].text)
        matched += m.matched
        for tag, i1, i2, j1, j2 in m.ops:
            if tag == "equal":
                continue
            if tag == "insert":
                if i1 < len(qw) and m.status[i1] not in _AGREED and i1 > 0:
                    places.append(((), m.words[j1:j2], fi, i1 - 1, i1, i1, j2))
            elif any(m.status[i] not in _AGREED for i in range(i1, i2)):
                # Words the other leaves out are marked with their neighbours, which both print.
                a, b = (i1, i2 - 1) if j2 > j1 else (max(0, i1 - 1), min(len(qw) - 1, i2))
                places.append((qw[i1:i2], m.words[j1:j2], fi, a, b, i2, j2))
    if quote is None or not places or matched < TIE_MATCHED * max(len(mine), len(theirs)):
        return None
    norms = dict(mine=[w.norm for w in mine], theirs=[w.norm for w in theirs], mine_words=mine, theirs_words=theirs)
    whole = read_change([(a, b) for a, b, *_ in places], **norms)
    wanted = whole.changes & TIE_CHANGES
    opposed = [p for p in places if _opposite_pair(p[0], p[1]) is not None]
    if any(sum(map(_is_negator, (w.norm for w in p[0]))) % 2 != sum(map(_is_negator, (w.norm for w in p[1]))) % 2
           for p in opposed):
        return None  # "is not open" / "is closed": a negation and an antonym say the same
    if wanted:
        if opposed:
            return None  # "is not open" / "is closed": a negation and an antonym say the same
        change = POLARITY if POLARITY in wanted else NUMBER
        # The words that differ between the two wordings as a whole (a negation or figure that
        # only moved is in both): the place holding them is the contradiction, the rest is read
        # without it.
        count = _negators if change == POLARITY else _figures
        ours, other_ = count(norms["mine"]), count(norms["theirs"])
        differ = set((ours - other_) + (other_ - ours))
        flips = [p for p in places if any(w.norm in differ for w in itertools.chain(p[0], p[1]))]
    else:
        change, flips = OPPOSITE, opposed
    if len(flips) != 1:
        return None
    qs, cs, fi, a, b, after_q, after_c = flips[0]
    if max(len(qs), len(cs)) > TIE_PLACE_WORDS:
        return None
    rest = [p[:2] for p in places if p is not flips[0]]
    if rest:
        reading = read_change(rest, **norms)
        if (reading.changes - {change}) & SEVERE or reading.far > TIE_FAR:
            return None
    m = best[fi][other][0]
    qw = frags[fi]
    cs_, ce = _map_range(m, a, b)
    if ce <= cs_:
        return None
    text_q, text_o = ctx.sources[q.source].text, ctx.sources[other].text
    if change == POLARITY:
        # The word denied, on either side: the first word of content after the place's negation
        # (or from the place's start, on the side without one).
        focus = set()
        for side, words, after in ((qs, qw, after_q), (cs, m.words, after_c)):
            at = next((k for k, w in enumerate(words) if any(w is x for x in side)), after)
            neg = [k for k in range(at, at + len(side)) if _is_negator(words[k].norm)]
            word = _governed(words, neg[-1] + 1 if neg else at)
            if word is not None:
                focus.add(word)
        mine_says = frozenset({"not"}) if sum(map(_is_negator, (w.norm for w in qs))) % 2 else frozenset()
        theirs_says = frozenset({"not"}) if sum(map(_is_negator, (w.norm for w in cs))) % 2 else frozenset()
    elif change == NUMBER:
        mine_says = frozenset(w.norm for w in qs if _is_number(w.norm))
        theirs_says = frozenset(w.norm for w in cs if _is_number(w.norm))
        focus = set(mine_says | theirs_says)
    else:
        ours_w, theirs_w = _opposite_pair(qs, cs)  # type: ignore[misc]
        mine_says, theirs_says = frozenset({ours_w.stem}), frozenset({theirs_w.stem})
        focus = set(mine_says | theirs_says)
    if not focus:
        return None
    start, end, expected = qw[a].start, qw[b].end, text_o[m.words[cs_].start:m.words[ce - 1].end]
    if change == OPPOSITE:
        # A word put for its antonym is also a term rendered otherwise (the term check's flag on
        # the word): the quote flag marks the quoted sentence, as a swap found by a majority does
        # (``_swap_sentence``), so that both findings stand.
        mine_s = _sentences_around(qw, a, b, text_q)
        theirs_s = _sentences_around(m.words, cs_, ce - 1, text_o)
        if (mine_s[0].start, mine_s[-1].end) != (start, end):
            start, end = mine_s[0].start, mine_s[-1].end
            expected = text_o[theirs_s[0].start:theirs_s[-1].end]
    return _Tie(other=other, change=change, start=start, end=end, expected=expected,
                quote=span_of(ctx, other, quote.start, quote.end), focus=frozenset(focus),
                mine=mine_says, theirs=theirs_says, claim=_content_stems(q),
                passages=q.passages)


def _sentences_around(words: Sequence[Word], first: int, last: int, text: str) -> Sequence[Word]:
    """``words[first..last]`` widened to the whole sentences (``_SENTENCE_BREAK_RE``) they stand in."""
    while first > 0 and not _SENTENCE_BREAK_RE.search(text, words[first - 1].end, words[first].start):
        first -= 1
    while last + 1 < len(words) and not _SENTENCE_BREAK_RE.search(text, words[last].end, words[last + 1].start):
        last += 1
    return words[first:last + 1]



@functools.lru_cache(maxsize=1 << 16)
def opposite_forms(a: str, b: str) -> bool:
    """Whether two words are antonyms (``opposite_words``) as printed or with an adjective put for
    its adverb in "-ly" or the reverse ("rarely" / "frequent": "rarely" / "frequently"): a
    translation renders a comparison by either form ("will be more rarely" / "will become more
    frequent"), and WordNet links opposites within one part of speech. Order does not matter."""
    if opposite_words(a, b):
        return True
    forms_a, forms_b = _ly_forms(a), _ly_forms(b)
    return any(opposite_words(x, y) is True for x in forms_a for y in forms_b if (x, y) != (a, b))


def _ly_forms(word: str) -> tuple[str, ...]:
    """``word`` and its "-ly" adverb or the adjective it is made from ("rarely" -> "rare"; "frequent"
    -> "frequently"; "happily" -> "happy")."""
    if word.endswith("ily") and len(word) > 5:
        return (word, word[:-3] + "y")
    if word.endswith("ly") and len(word) > 4:
        return (word, word[:-2])
    return (word, word[:-1] + "ily") if word.endswith("y") else (word, word + "ly")


def _opposite_pair(qs: Sequence[Word], cs: Sequence[Word]) -> tuple[Word, Word] | None:
    """A content word of ``qs`` and one of ``cs`` that are antonyms (``lexicon.opposite_forms``:
    "son" / "daughter", "rising" / "falling"), else None."""
    # Words of frequency and degree ("rarely", "often", "mostly") are grammar to ``read_change``
    # (SCOPE) but have antonyms of content ("rarely" / "frequent"): they are read here too.
    for w in qs:
        if not w.content or (w.norm in _GRAMMAR and w.norm not in PARTIAL):
            continue
        for x in cs:
            if x.content and (x.norm not in _GRAMMAR or x.norm in PARTIAL) and stem(x.norm) != stem(w.norm) \
                    and opposite_forms(w.norm, x.norm):
                return w, x
    return None


class _Reports:
    """Each source's sentences, as words (``quote_words``), read once: those without quotation
    marks, where a source reports what was said in its own words, and those with them, where it
    quotes. In: the context."""

    def __init__(self, ctx: CheckContext) -> None:
        self._ctx = ctx
        self._by_source: dict[str, tuple[list[list[Word]], list[list[Word]]]] = {}

    def _read(self, source: str) -> tuple[list[list[Word]], list[list[Word]]]:
        found = self._by_source.get(source)
        if found is None:
            text = self._ctx.sources[source].text
            found = ([], [])
            start = 0
            for cut in itertools.chain(_REPORT_CUT_RE.finditer(text), (None,)):
                end = cut.start() if cut is not None else len(text)
                sentence = text[start:end]
                if sentence.strip():
                    found[1 if _REPORT_QUOTE_RE.search(sentence) else 0].append(quote_words(sentence, start))
                start = cut.end() if cut is not None else len(text)
            self._by_source[source] = found
        return found

    def of(self, source: str) -> list[list[Word]]:
        """The source's sentences without quotation marks."""
        return self._read(source)[0]

    def quoting(self, source: str) -> list[list[Word]]:
        """The source's sentences with quotation marks."""
        return self._read(source)[1]


def _witness(ctx: CheckContext, reports: _Reports, source: str, tie: _Tie) -> tuple[int, Span | None]:
    """Which rendering of a tie the third sources' sentences side with (their own sentences, or
    their quotes of it that lined up with neither): +1 the other source's, -1 this one's, 0 neither
    or both; and a sentence of the winning side. A sentence reports the quote when it shares WITNESS_SHARED and WITNESS_SHARE of its content stems and holds a
    disputed word; it sides by the negation before that word (WITNESS_WINDOW) or by the figure
    it prints."""
    need = max(WITNESS_SHARED, WITNESS_SHARE * len(tie.claim))
    votes = {1: [], -1: []}
    others = sorted((s for s in ctx.sources if s not in (source, tie.other)), key=source_rank)
    for sid in others[:MAX_COUNTERPART_SOURCES]:
        # Its own sentences, then its quotes: a third rendering of the quote that did not line up
        # with either (worded too freely, or credited otherwise) still says the disputed word.
        for words in itertools.chain(reports.of(sid), reports.quoting(sid)):
            stems = {w.stem for w in words if w.content}
            norms = {w.norm for w in words}
            if len(stems & tie.claim) < need or not (stems & tie.focus or norms & tie.focus):
                continue
            if tie.change == POLARITY:
                says = set()
                for k, w in enumerate(words):
                    if w.stem in tie.focus:
                        negated = any(_is_negator(x.norm) for x in words[max(0, k - WITNESS_WINDOW):k])
                        says.add(frozenset({"not"}) if negated else frozenset())
                side = 1 if says == {tie.theirs} else -1 if says == {tie.mine} else 0
            else:
                norms = norms | stems  # figures by their words, opposites by their stems
                side = 1 if norms & (tie.theirs - tie.mine) and not norms & (tie.mine - tie.theirs) else \
                    -1 if norms & (tie.mine - tie.theirs) and not norms & (tie.theirs - tie.mine) else 0
            if side:
                votes[side].append(span_of(ctx, sid, words[0].start, words[-1].end))
                break
    if len(votes[1]) > len(votes[-1]):
        return 1, votes[1][0]
    if len(votes[-1]) > len(votes[1]):
        return -1, votes[-1][0]
    return 0, None


def _settle_ties(ctx: CheckContext, by_source: dict[str, list[_Outcome]]) -> Iterator[Flag]:
    """Flags for the ties (``_Tie``) of every source, each settled to one side: the side a third
    source's own sentence contradicts (``_witness``); without such a sentence, the source that
    rewords one or more of the quotes the others agree on (an outcome DIFFERS) against one that
    words every shared quote as the others do. Medium: a contradiction, settled by weaker evidence
    than a majority. A tie neither settles is not flagged. In: each source's outcomes."""
    counts: dict[str, tuple[int, int]] = {}
    for sid, outcomes in by_source.items():
        plain = [o for o in outcomes if o.tie is None]
        counts[sid] = (sum(1 for o in plain if o.state != UNMATCHED), sum(1 for o in plain if o.state == DIFFERS))
    reports = _Reports(ctx)
    for sid, outcomes in by_source.items():
        for o in outcomes:
            tie = o.tie
            if tie is None:
                continue
            side, said = _witness(ctx, reports, sid, tie)
            if side < 0:
                continue
            if side == 0:
                _, mine_differ = counts[sid]
                other_compared, other_differ = counts.get(tie.other, (0, 0))
                if not (mine_differ >= 1 and other_differ == 0 and other_compared >= 1):
                    continue
            what = {POLARITY: "a negation", NUMBER: "a figure"}.get(tie.change, "a word and its opposite")
            how = (f"; {said.source} reports it as the other source does" if said is not None
                   else "; this source rewords other quotes the others agree on")
            text = ctx.sources[sid].text[tie.start:tie.end]
            message = (f'quote reads "{_short(text)}" where the only other source quoting it has '
                       f'"{_short(tie.expected)}" ({what} differs){how}')
            group = next((g for g in (ctx.group_of.get(pid) for pid in tie.passages) if g), None)
            yield make_flag(ctx, kind=Kind.QUOTE_VARIANT, source=sid, start=tie.start, end=tie.end,
                            expected=tie.expected, severity=Severity.MEDIUM,
                            confidence=0.6 if said is not None else 0.5, group=group, message=message,
                            evidence=[tie.quote] + ([said] if said is not None else []))


# --------------------------------------------------------------------------------------------
# A rendering too free to line up, whose meaning turned
# --------------------------------------------------------------------------------------------
#
# A translation may word a quote so freely that no word-by-word line-up holds ("The baby
# elephant has a fracture of the leg" / "The calf has a fractured leg"): the vote above then
# says nothing, and an editor would not flag the rewording either. What the editor still sees is
# a claim turned round: a word both renderings print, denied in one and affirmed in the other
# ("it does not stand" / "it is standing"). The two quotes are one utterance when they stand in
# passages the alignment put together, by compatible speakers, and share FREE_SHARED content
# words (paired as ``same_sense`` pairs them: inflection, synonyms, derivation). Two or more
# other sources that affirm what this one denies (or the reverse), and none lined up with it,
# flag it as a majority does; one alone is a one-against-one tie, settled story-wide
# (``_settle_ties``).

FREE_SHARED = 3
"""Content words two freely worded renderings share to be read as one utterance ..."""
FREE_SHARE = 1 / 3
"""... and this share of the shorter one's content words."""
NEGATION_REACH = 5
"""A negation before a semi-modal, up to this many words before it ("no child [has to]"), takes
its modality (``_denied_before``)."""
DENIAL_REACH = 8
"""A negation denies the words of its clause (up to punctuation or a word that opens another
clause), at most this many words after it ("not one child was given the spoiled vaccine")."""
# Words that open a clause of their own, out of reach of a negation before them ("did not stop,
# but slowed"): English conjunctions and relatives, a closed class.
_CLAUSE_OPENERS = frozenset({"but", "so", "because", "while", "although", "though", "yet", "than", "when", "if",
                             "that", "which", "who", "whereas", "until", "unless", "before", "after"})
_CLAUSE_BREAK_RE = re.compile(r"[,.;:!?…—–]")


def _denied(words: Sequence[Word], text: str) -> list[bool]:
    """Per word of ``words`` (one fragment, offsets into ``text``): whether a negation of its
    clause stands before it within DENIAL_REACH words ("not", "no", "never", a negative
    implicative verb: "failed to"). "not only" is no negation; a clause ends at punctuation or a
    word that opens another (``_CLAUSE_OPENERS``)."""
    out = [False] * len(words)
    reach = 0
    for k, w in enumerate(words):
        if k and (_CLAUSE_BREAK_RE.search(text, words[k - 1].end, w.start) or w.norm in _CLAUSE_OPENERS):
            reach = 0
        if _is_negator(w.norm) and not (k + 1 < len(words) and words[k + 1].norm in RESTRICTORS):
            reach = DENIAL_REACH
            continue
        if reach:
            out[k] = True
            reach -= 1
    return out


def _claim_words(q: Quote, text: str) -> list[tuple[Word, bool, int]]:
    """The content words of a quote that carry a claim (no grammar word, no figure), each with
    whether it is denied (``_denied``) and its fragment."""
    out = []
    for fi, words in enumerate(q.words()):
        for w, neg in zip(words, _denied(words, text)):
            if w.content and w.norm not in _GRAMMAR and not _is_number(w.norm) and not _is_negator(w.norm):
                out.append((w, neg, fi))
    return out


def _paired_by_sense(mine: Sequence, theirs: Sequence, key=lambda x: x) -> list[tuple]:
    """Each item of ``mine`` paired, in order, with the first item of ``theirs`` not yet paired
    whose word (``key``) says the same (``same_sense``): (mine's, theirs') for the words the two
    renderings share."""
    pairs = []
    rest = list(theirs)
    for item in mine:
        hit = next((x for x in rest if same_sense(key(item), key(x))), None)
        if hit is not None:
            rest.remove(hit)
            pairs.append((item, hit))
    return pairs


def _turned(mine: Sequence[tuple[Word, bool, int]], theirs: Sequence[tuple[Word, bool, int]]
            ) -> tuple[tuple[Word, bool, int], tuple[Word, bool, int]] | None | bool:
    """The first word two renderings share (``same_sense``) that one denies and the other does
    not, as (this rendering's entry, the other's); False when they share fewer than FREE_SHARED
    (and FREE_SHARE) content words: no one utterance; None when one utterance and no word turned."""
    pairs = _paired_by_sense(mine, theirs, key=lambda entry: entry[0].norm)
    if len(pairs) < FREE_SHARED or len(pairs) < FREE_SHARE * min(len(mine), len(theirs)):
        return False
    return next(((a, b) for a, b in pairs if a[1] != b[1]), None)


def _free_turn(ctx: CheckContext, speech: Speech, q: Quote, cands: dict[str, list[tuple[Quote, bool, int]]],
               best: Sequence[dict[str, tuple[_Match, Quote]]]) -> "_Outcome | None":
    """This quote against the renderings of it too free to line up (see the section note): a flag
    when FREE_MAJORITY or more of them turn one word this quote prints, more than one beyond the
    sources that line up with it or keep the word's sense; a tie when one alone does and no other
    source quotes it. None otherwise."""
    lined = {sid for per in best for sid in per}
    text = ctx.sources[q.source].text
    mine = _claim_words(q, text)
    if len(mine) < FREE_SHARED:
        return None
    turns: dict[int, list[tuple[str, Quote, tuple[Word, bool, int]]]] = defaultdict(list)
    agree = len(lined)
    # Aligned, by the same speaker or by one a pronoun leaves unsure ("she said" read as a
    # misspelt name): the shared words decide (``_turned``).
    free = {sid: [c for c, aligned, trust in cands[sid] if aligned and trust != OTHER_SPEAKER]
            for sid in sorted(cands) if sid not in lined}
    mine_denies = any(neg for _, neg, _ in mine)
    mine_stems = frozenset(w.stem for w, _, _ in mine)
    unread: list[list[tuple[Word, bool, int]]] = []  # renderings without a denial, read only if needed
    for sid, quotes in free.items():
        found = None
        kept = False
        for c in quotes:
            if not (_content_stems(c) & mine_stems):
                continue  # not a word in common: another statement (and the pairing costs WordNet reads)
            theirs = _claim_words(c, ctx.sources[sid].text)
            if not mine_denies and not any(neg for _, neg, _ in theirs):
                unread.append(theirs)  # nothing denied on either side: no word can have turned
                continue
            got = _turned(mine, theirs)
            if got is None:
                kept = True
            elif got and found is None:
                found = (c, got)
        if found is not None:
            c, (ours, theirs_) = found
            turns[mine.index(ours)].append((sid, c, theirs_))
        elif kept:
            agree += 1
    if not turns:
        return None
    agree += sum(1 for theirs in unread if _turned(mine, theirs) is None)
    at, against = max(turns.items(), key=lambda kv: (len(kv[1]), -kv[0]))
    word, denied, fi = mine[at]
    frag = q.words()[fi]
    k = next(i for i, w in enumerate(frag) if w is word)
    sentence = _sentences_around(frag, k, k, text)
    n = len(against)
    if n >= FREE_MAJORITY and n > agree + 1:
        sid, c, theirs = against[0]
        cfrag = c.words()[theirs[2]]
        ck = next(i for i, w in enumerate(cfrag) if w is theirs[0])
        csent = _sentences_around(cfrag, ck, ck, ctx.sources[sid].text)
        expected = ctx.sources[sid].text[csent[0].start:csent[-1].end]
        shown = text[sentence[0].start:sentence[-1].end]
        what = "denies" if denied else "affirms"
        message = (f'quote reads "{_short(shown)}", which {what} "{word.norm}" where {n} other sources '
                   f'quote it as "{_short(expected)}"')
        group = next((g for g in (ctx.group_of.get(pid) for pid in q.passages) if g), None)
        evidence = [span_of(ctx, s, cq.start, cq.end) for s, cq, _ in against[:MAX_EVIDENCE]]
        flag = make_flag(ctx, kind=Kind.QUOTE_VARIANT, source=q.source, start=sentence[0].start,
                         end=sentence[-1].end, expected=expected, severity=Severity.HIGH,
                         confidence=min(0.97, 0.6 + 0.12 * n) * (n / (n + agree)), group=group,
                         message=message, evidence=evidence)
        return _Outcome(flag, DIFFERS)
    aligned_sources = {sid for sid, per in cands.items() if any(a and t != OTHER_SPEAKER for _, a, t in per)}
    if n == 1 and agree == 0 and len(aligned_sources) == 1:
        sid, c, theirs = against[0]
        cfrag = c.words()[theirs[2]]
        ck = next(i for i, w in enumerate(cfrag) if w is theirs[0])
        csent = _sentences_around(cfrag, ck, ck, ctx.sources[sid].text)
        tie = _Tie(other=sid, change=POLARITY, start=sentence[0].start, end=sentence[-1].end,
                   expected=ctx.sources[sid].text[csent[0].start:csent[-1].end],
                   quote=span_of(ctx, sid, c.start, c.end), focus=frozenset({word.stem, theirs[0].stem}),
                   mine=frozenset({"not"}) if denied else frozenset(),
                   theirs=frozenset({"not"}) if theirs[1] else frozenset(),
                   claim=_content_stems(q), passages=q.passages)
        return _Outcome(None, UNMATCHED if not lined else SAME, tie=tie, unlined=not lined)
    return None


AGREED_RENDERINGS = 2
"""Other sources printing one quotation alike (``_printed_alike``): the verbatim wording (``_reworded_whole``)..."""
AGREED_SHARE = 1 / 3
"""... one of them sharing this share of the content stems of the shorter of it and the quote (and
FREE_SHARED). At 1/2 a translation that renders half the words otherwise ('their house is looking
strong' / 'their house looks safe') was no rendering of the quote at all (session 17)."""


KEPT_WORDS_LOST = 2
"""Content words of the others' wording a quote must lack to be flagged by ``_reworded_whole``
where the others print it alike but not identically."""


def _reworded_whole(ctx: CheckContext, q: Quote, cands: dict[str, list[tuple[Quote, bool, int]]]) -> "_Outcome | None":
    """A low flag on a quote no other quote lines up with, where AGREED_RENDERINGS or more other
    sources quote the same speaker (or one a pronoun leaves unsure) in aligned passages alike
    (``_printed_alike``: most words the same, in order), one of them sharing FREE_SHARED (and
    AGREED_SHARE) of this quote's content stems, and they are most of the sources quoting it
    there. Sources that copy a quotation print it alike, one of them perhaps with a slip of its
    own, so their common wording is the verbatim one; a quote worded so differently that it does
    not even line up is not verbatim, whatever it did to the claim (hence low; ``_free_turn`` has
    already flagged one that turns a claim). Where the copies are not identical, a quote keeping
    all but KEPT_WORDS_LOST of their content words is left: another translation's order, not a
    misquote. Where no other source's quote shares FREE_SHARED stems with it, one that shares
    COPIED_SHARED words by sense still renders it when two or more sources print that quote
    identically (``_renderings``' ``copied``) and its closing mark shows where it ends
    (``_closed``). In: the quote and its counterparts (``_counterparts``). Out: the flagged
    outcome, or None."""
    mine = _content_stems(q)
    if len(mine) < FREE_SHARED:
        return None
    renderings = _renderings(q, cands, FREE_SHARED) or (
        _renderings(q, cands, COPIED_SHARED, copied=True) if _closed(ctx.sources[q.source].text, q) else {})
    if not renderings:
        return None
    # The others' quotes in aligned passages that are printed alike with a rendering (most words
    # the same, in order: ``_printed_alike``) are the same quotation as copied, one of them perhaps
    # with a slip of its own; each rendering gathers them, and the largest family is the wording.
    # Only quotes that share a content stem with this one: one sentence of a longer quotation is
    # no wording of its other sentences.
    printed = {sid: [c for c, aligned, trust in cands[sid] if aligned and trust != OTHER_SPEAKER
                     and mine & _content_stems(c)] for sid in cands}
    family: dict[str, Quote] = {}
    for sid0 in sorted(renderings):
        fam = {sid0: renderings[sid0]}
        for sid in sorted(printed):
            alike = next((c for c in printed[sid] if sid != sid0 and _printed_alike(renderings[sid0], c)), None)
            if alike is not None:
                fam[sid] = alike
        if len(fam) > len(family):
            family = fam
    sids = sorted(family, key=lambda sid: sid not in renderings)  # a rendering first: the reference
    n = len(sids)
    if n < AGREED_RENDERINGS or 2 * n <= len(set(renderings) | set(family)):
        return None
    renderings = {**renderings, **family}
    words = [w for f in q.words() for w in f]
    ref = renderings[sids[0]]
    ref_words = [w for f in ref.words() for w in f]
    if Counter(w.norm for w in words) == Counter(w.norm for w in ref_words):
        return None  # the same words in another order: a garble of the sentence (the garble check's)
    if len({tuple(w for f in renderings[sid].norms() for w in f) for sid in sids}) > 1 \
            and len(_content_stems(ref) - mine) < KEPT_WORDS_LOST:
        # The copies differ among themselves and this quote keeps their words of content, only
        # ordered and joined otherwise: another translation's shape, not a misquote.
        return None
    text, ref_text = ctx.sources[q.source].text, ctx.sources[sids[0]].text
    shown, expected = text[words[0].start:words[-1].end], ref_text[ref_words[0].start:ref_words[-1].end]
    others = len(renderings) - n
    who = next((s.named.text for s in (ref.speaker, q.speaker) if s is not None and s.named is not None), "the speaker")
    message = (f'quote reads "{_short(shown)}" where {n} other sources quote {who} alike as '
               f'"{_short(expected)}"')
    group = next((g for g in (ctx.group_of.get(pid) for pid in q.passages) if g), None)
    evidence = [span_of(ctx, sid, renderings[sid].start, renderings[sid].end) for sid in sids[:MAX_EVIDENCE]]
    flag = make_flag(ctx, kind=Kind.QUOTE_VARIANT, source=q.source, start=words[0].start, end=words[-1].end,
                     expected=expected, severity=Severity.LOW,
                     confidence=min(0.97, 0.6 + 0.12 * n) * (n / (n + others + 1)), group=group,
                     message=message, evidence=evidence)
    return _Outcome(flag, DIFFERS, unlined=True)


COPIED_SHARED = 2
"""Content words, paired by sense, that a quote shares with a quotation two or more other sources
print word for word alike, for the two to be one utterance (``_renderings``' ``copied``)."""


def _closed(text: str, q: Quote) -> bool:
    """Whether the quote's closing mark follows its words: a quote left open (run to the end of its
    paragraph or line, as a hard-wrapped print page cuts it: "... in one sum-") ends where the
    speaker's words are not known to end, so it is no whole quotation to set against the copies'."""
    return q.end < len(text) and text[q.end] in QUOTE_CLOSERS


def _renderings(q: Quote, cands: dict[str, list[tuple[Quote, bool, int]]], least: int, *,
                copied: bool = False) -> dict[str, Quote]:
    """Per other source, its quote in an aligned passage (by a speaker not known to be another)
    that shares the most of this quote's content stems, at least ``least`` (and AGREED_SHARE of
    the shorter of the two): its rendering of the same utterance.

    With ``copied``, words are paired by sense (``same_sense``: "flaw" / "defect", "inside" /
    "indoors"), not only by stem, and a rendering counts only where AGREED_RENDERINGS or more
    sources print it word for word alike: outlets that copy a quotation print it identically,
    so their common wording is one utterance, and the quote at the same place by the same
    speaker that shares two words of it by sense is that utterance worded anew, not another
    sentence of the speaker's (which shares a word of the topic at most)."""
    mine = _content_stems(q)
    words = [w.norm for f in q.words() for w in f if w.content]
    out: dict[str, Quote] = {}
    for sid in sorted(cands):
        top, top_shared = None, 0
        for c, aligned, trust in cands[sid]:
            if not aligned or trust == OTHER_SPEAKER:
                continue
            theirs = _content_stems(c)
            shared = len(mine & theirs)
            if copied and shared:
                shared = len(_paired_by_sense(words, [w.norm for f in c.words() for w in f if w.content]))
            if shared >= least and shared >= AGREED_SHARE * min(len(mine), len(theirs)) and shared > top_shared:
                top, top_shared = c, shared
        if top is not None:
            out[sid] = top
    if copied:
        printed = Counter(tuple(w for f in c.norms() for w in f) for c in out.values())
        if not printed or max(printed.values()) < AGREED_RENDERINGS:
            return {}
    return out


PRINTED_ALIKE = 0.6
"""Share of the shorter of two quotes' words that the other prints in the same order, for the two
to be one quotation as copied (``_printed_alike``)."""


def _printed_alike(a: Quote, b: Quote) -> bool:
    """Whether two quotes are one quotation printed alike, one of them perhaps with a slip: at
    least PRINTED_ALIKE of the shorter one's words appear in the other in the same order (a
    partial quote of it counts). Outlets that copy a quotation print its words in its order; a
    slip changes a word or a phrase, not most of them."""
    an = [w for f in a.norms() for w in f]
    bn = [w for f in b.norms() for w in f]
    if not an or not bn:
        return False
    same = sum(blk.size for blk in SequenceMatcher(None, an, bn, autojunk=False).get_matching_blocks())
    return same >= PRINTED_ALIKE * min(len(an), len(bn))


def _unlined(q: Quote, cands: dict[str, list[tuple[Quote, bool, int]]]) -> bool:
    """Whether a quote no other source's quote lines up with has a counterpart in an aligned
    passage (by a speaker not known to be another) that shares FREE_SHARED (and FREE_SHARE) of its
    content stems: the same quotation worded otherwise. Stems only, not ``same_sense``: this only
    counts the source's rewordings, and it runs for every quote that fails to line up."""
    mine = _content_stems(q)
    if len(mine) < FREE_SHARED:
        return False
    for sid in sorted(cands):
        for c, aligned, trust in cands[sid]:
            if aligned and trust != OTHER_SPEAKER:
                theirs = _content_stems(c)
                shared = len(mine & theirs)
                if shared >= FREE_SHARED and shared >= FREE_SHARE * min(len(mine), len(theirs)):
                    return True
    return False


FREE_MAJORITY = 2
"""Freely worded renderings that turn the same word, for a flag without a line-up."""
