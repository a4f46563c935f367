"""A person's title told otherwise: a rank word (deputy, vice-) dropped or added where the other
sources agree, anchored on the name beside the title.

In: the context. Out: flags.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

from rapidfuzz.distance import OSA

from srccompare.checks.base import CheckContext, Token, make_flag, normalize_word, span_of
from srccompare.checks.lexicon import (
    HONORIFICS,
    is_ordinary_word,
    is_acronym,
    is_function_word,
    lang_of,
    word_parts,
    zipf,
)
from srccompare.models import Flag, Kind, Passage, Severity
from srccompare.checks.terms.words import _EVIDENCE_CAP, _deletions, _nounish


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
_LEAD_JOINERS = frozenset({"of", "for"})  # prepositions inside a lower-case title before a name


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
    ``_TITLE_LEAD`` lower-case nouns ("chief executive Kim Seo-yul"), or after a comma that
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
            lead, k = _lower_words_before(toks, text, start)
            if lead and k >= 1 and toks[k].text in _LEAD_JOINERS \
                    and _GAP_RE.fullmatch(text[toks[k].end:toks[k + 1].start] or "x"):
                # The tail of a title joined by a preposition ("deputy mayor for tourism Ana Ruiz"):
                # its head, before the joiner, is part of it (and carries its rank).
                head, h = _lower_words_before(toks, text, k)
                if head:
                    lead = head + [toks[k]] + lead
                    k = h
            if lead and k >= 0 and _rank(toks[k:k + 1]) \
                    and _GAP_RE.fullmatch(text[toks[k].end:toks[k + 1].start] or "x"):
                # A rank word opening the title, capitalised as the sentence's first word ("Deputy
                # culture minister Ana Ruiz"): part of it, or the title reads as a rank dropped.
                lead.insert(0, toks[k])
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
    the story ("Iris" before "Grabowiecka", though a dictionary lists "iris"). An office is a
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


def _lower_words_before(toks: Sequence[Token], text: str, end: int) -> tuple[list[Token], int]:
    """The lower-case noun-like words right before token ``end`` (at most ``_TITLE_LEAD``, only
    a space or hyphen between them, no function word), in text order, and the index of the token
    before them (-1 at the start)."""
    words: list[Token] = []
    k = end - 1
    while k >= 0 and len(words) < _TITLE_LEAD and toks[k].text.islower() \
            and _GAP_RE.fullmatch(text[toks[k].end:toks[k + 1].start] or "x") \
            and not is_function_word(toks[k].text) and _nounish(toks[k].text, 0.3):
        words.insert(0, toks[k])
        k -= 1
    return words, k
