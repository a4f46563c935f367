"""garbled_text: words run together or split, non-words, odd capitals, broken sentence structure.

In: the check context. Out: one flag per garbled place, ``expected`` the repaired rendering, evidence
the aligned passages' counterpart text (the repaired word where another source prints it).

Every test is judged with word frequencies (``wordfreq`` in the source's language) and against
what the other sources print:

* run together ("onde minimis", "thetrade"): a word no other source uses, rare or unknown in the
  language, that splits into two common words; reported when the others print the split form, the
  word is unknown, or it is more at home in another language than in this one (a foreign-looking
  blend). A rare word following it joins the span (the phrase the split piece belongs to);
* split ("negoti ations"): two neighbours, one not a word, that join into a common word or the
  others' word;
* non-word ("tarrifs"): unknown to the word list, used by no other source, close in spelling to a
  word the aligned passages (or two other sources in the story) use;
* odd capitals: a mixed-case word ("tHe"); an everyday word capitalised alone inside a sentence
  that no other source capitalises ("trade Salvoes");
* structure: no space after a full stop ("talks.The") or before a bracket ("minimis(the"),
  doubled words ("the the"), a reporting verb followed straight by a modal ("said will meet": the
  subject is lost), a sentence that stops on a function word.

Numbers, URLs, e-mail addresses, hashtags, acronyms and names (capitalised inside a sentence) are
never non-words.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Iterator, Sequence


from srccompare.checks.base import CheckContext, Token, make_flag, span_of
from srccompare.checks.lexicon import (
    HONORIFICS,
    closest_word,
    foreign_margin,
    has_upper,
    in_title_line,
    is_acronym,
    is_alpha_word,
    is_common_noun_only,
    is_function_word,
    lang_of,
    norm_of,
    panel,
    passage_tokens,
    sentence_initial,
    word_parts,
    zipf,
)
from srccompare.models import Flag, Group, Kind, Passage, Severity

_COMMON = 3.5  # zipf of a word any reader knows
_RARE = 2.5  # below this a word is rare enough to be suspect when nobody else uses it
_EVIDENCE_CAP = 4

_MISSING_SPACE_RE = re.compile(r"\b([^\W\d_]{2,})([.!?,;])([^\W\d_]{2,})\b")
_PAREN_RE = re.compile(r"([^\W\d_]{2,})\(([^\W\d_]{2,})")
_URLISH_RE = re.compile(r"(?:https?://|www\.|@)\S*|\S+\.(?:com|org|net|gov|edu|io|co|uk|de|fr|cn)\b", re.I)
_REPORTING = frozenset("said says told added stated noted announced confirmed insisted argued".split())
_MODALS = frozenset("will would can could should may might must shall".split())
_RELATIVE = frozenset("what which that who whatever".split())
_LEGIT_DOUBLES = frozenset("had that is".split())
_TERMINAL = set('.!?…"”’\')]:;')
_ENDING_FUNCTION = frozenset("the a an of to and or but with from by for in on at into than as".split())


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    expected: str
    severity: Severity
    confidence: float
    message: str
    want: str | None = None  # a word to look for in the counterparts as evidence


class GarbleCheck:
    kinds = (Kind.GARBLED_TEXT,)

    def run(self, ctx: CheckContext) -> Iterable[Flag]:
        group_of = ctx.group_of
        vocab = _StoryVocab(ctx)
        out: dict[tuple[str, int, int], Flag] = {}
        panels: dict[str, tuple[Passage, ...]] = {}
        # Passages are taken group by group so that what a group's other sources print is counted
        # once for the whole group (see ``_Others``), not once per passage. A flag's key holds its
        # source and offsets, and passages of one source do not overlap, so the order in which
        # passages are visited does not change the output.
        by_group: dict[str | None, list[Passage]] = {}
        for p in ctx.alignment.passages:
            g = group_of.get(p.id)
            by_group.setdefault(g.id if g is not None else None, []).append(p)
        groups = {g.id: g for g in ctx.alignment.groups}
        for gid, members in by_group.items():
            group = groups.get(gid) if gid is not None else None
            others = _Others(ctx, group, panels) if group is not None else None
            for p in members:
                src = ctx.sources[p.source]
                if in_title_line(src.text, p.start) and len(p.text) < 120:
                    continue  # headlines: capitals and missing full stops are their style
                view = others.without(p.source) if others is not None else _NO_OTHERS
                for f in _find(ctx, p, view, vocab):
                    key = (p.source, f.start, f.end)
                    if key in out:
                        continue
                    out[key] = make_flag(
                        ctx, kind=Kind.GARBLED_TEXT, source=p.source, start=f.start, end=f.end,
                        expected=f.expected, severity=f.severity, confidence=f.confidence, group=group,
                        message=f.message, evidence=_evidence(ctx, view.counterparts, f.want or f.expected),
                    )
        return [out[k] for k in sorted(out)]


class _StoryVocab:
    """Which words the other sources use, and a per-source index of lower-case words for finding a
    close spelling."""

    def __init__(self, ctx: CheckContext) -> None:
        self.word_sources = ctx.word_sources
        self.n_sources = len(ctx.sources)
        self.cap_mid: dict[str, set[str]] = {}
        self.lower_mid: dict[str, set[str]] = {}
        for p in ctx.alignment.passages:
            text = ctx.sources[p.source].text
            for t in passage_tokens(ctx, p):
                if not t.text[:1].isalpha():
                    continue
                if t.text[0].isupper():
                    if not sentence_initial(text, t.start, p.start):
                        self.cap_mid.setdefault(norm_of(t.text), set()).add(p.source)
                else:
                    self.lower_mid.setdefault(norm_of(t.text), set()).add(p.source)
        # Words two or more sources use, bucketed by first letter for the spelling search.
        self._shared: dict[str, list[str]] = {}
        self._close: dict[tuple[str, str], str | None] = {}
        for w in sorted(w for w, s in self.word_sources.items() if len(s) >= 2 and w.isalpha()):
            self._shared.setdefault(w[0], []).append(w)
        # Words used by other sources whichever source asks: two or more sources, over a tenth.
        self._widely_used = frozenset(w for w, s in self.word_sources.items()
                                      if len(s) >= 2 and len(s) * 10 > self.n_sources)

    def used_by_others(self, word: str, source: str) -> bool:
        """Whether other sources print the word too, enough to make it a real word: any other
        source in a small story; in a large one, more than a tenth of the sources (a typo copied
        by a few syndicated copies is still a typo)."""
        low = word.lower()
        if low in self._widely_used:
            return True
        users = self.word_sources.get(low)
        return _others_in(users, source) and len(users) * 10 > self.n_sources

    def close_shared_word(self, word: str, lang: str) -> str | None:
        """A word used by two or more sources that is one or two edits from ``word``. Memoised
        for the run: the same misspelling recurs in many sources, and each search scans a list
        that grows with the story."""
        key = (word, lang)
        if key in self._close:
            return self._close[key]
        choices = self._shared.get(word[:1], ())
        hit = closest_word(word, choices, 1 if len(word) < 7 else 2, lang) if choices else None
        found = self._close[key] = hit[0] if hit else None
        return found


_MAX_COUNTERPARTS = 12


def _others_in(sources, source: str) -> bool:
    """Whether ``sources`` holds a source other than ``source`` (without copying the set)."""
    return bool(sources) and (len(sources) > 1 or source not in sources)


class _Others:
    """What the aligned passages of one group print, from a fixed sample of the group's sources
    (``panel``: bounded work per passage in groups of thousands), counted once for the group.

    Each sampled passage adds its distinct lower-cased words, the normalised forms of its
    lower-case words and its word pairs (bigrams) to group-wide counts; what one source's own
    passages added is kept apart, so that the view for a passage of that source (``without``)
    leaves them out without recounting the others."""

    def __init__(self, ctx: CheckContext, group: Group, panels: dict[str, tuple[Passage, ...]]) -> None:
        self.entries: list[tuple[Passage, tuple[Token, ...], tuple[str, ...]]] = []
        self.words: Counter[str] = Counter()
        self.lower: Counter[str] = Counter()
        self.bigrams: Counter[tuple[str, str]] = Counter()
        self.own: dict[str, tuple[Counter[str], Counter[str], Counter[tuple[str, str]]]] = {}
        for q in panel(group, _MAX_COUNTERPARTS + 1, panels):
            toks = passage_tokens(ctx, q)
            lows = tuple(t.text.lower() for t in toks)
            self.entries.append((q, toks, lows))
            words = set(lows)
            lower = {norm_of(t.text) for t in toks if t.text[:1].islower()}
            bigrams = set(zip(lows, lows[1:]))
            self.words.update(words)
            self.lower.update(lower)
            self.bigrams.update(bigrams)
            own = self.own.setdefault(q.source, (Counter(), Counter(), Counter()))
            own[0].update(words)
            own[1].update(lower)
            own[2].update(bigrams)
        self._views: dict[str | None, _View] = {}

    def without(self, source: str) -> "_View":
        """The view for a passage of ``source``: the sampled passages of the other sources."""
        key = source if source in self.own else None
        view = self._views.get(key)
        if view is None:
            own = self.own.get(source) if key is not None else None
            view = self._views[key] = _View(
                [(q, toks, lows) for q, toks, lows in self.entries if q.source != source],
                _Present(self.words, own[0] if own else None),
                _Present(self.lower, own[1] if own else None),
                _Present(self.bigrams, own[2] if own else None),
            )
        return view


class _Present:
    """Set-like view of a group-wide count less one source's own share: which items the other
    sources' passages hold, and in how many of them."""

    __slots__ = ("total", "own")

    def __init__(self, total: Counter, own: Counter | None) -> None:
        self.total, self.own = total, own

    def count(self, item) -> int:
        n = self.total.get(item, 0)
        return n - self.own.get(item, 0) if n and self.own is not None else n

    def __contains__(self, item) -> bool:
        return self.count(item) > 0

    def sorted_items(self) -> list:
        return sorted(w for w in self.total if self.count(w) > 0)


@dataclass
class _View:
    """The counterparts of one passage: the other sources' sampled passages (passage, tokens,
    lower-cased words) and what they print (``words``: lower-cased words, counted per passage;
    ``lower``: normalised lower-case words; ``bigrams``: adjacent lower-cased word pairs)."""

    counterparts: list[tuple[Passage, tuple[Token, ...], tuple[str, ...]]]
    words: _Present
    lower: _Present
    bigrams: _Present
    _sorted: list[str] | None = None

    def sorted_words(self) -> list[str]:
        """The distinct lower-cased words of the counterparts, sorted (for the spelling search)."""
        if self._sorted is None:
            self._sorted = self.words.sorted_items()
        return self._sorted


_NO_OTHERS = _View([], _Present(Counter(), None), _Present(Counter(), None), _Present(Counter(), None))


def _evidence(ctx, counterparts, want: str):
    """Where the other sources print ``want`` (a word or phrase); else their aligned passages."""
    spans = []
    seen: set[str] = set()
    words = tuple(want.lower().split())
    if words:
        n = len(words)
        for q, toks, norms in counterparts:
            if len(spans) >= _EVIDENCE_CAP:
                break
            if q.source in seen or words[0] not in norms:
                continue
            for i in range(len(norms) - n + 1):
                if norms[i] == words[0] and norms[i:i + n] == words:
                    spans.append(span_of(ctx, q.source, toks[i].start, toks[i + len(words) - 1].end))
                    seen.add(q.source)
                    break
    if not spans:
        for q, _, _ in counterparts:
            if q.source not in seen:
                seen.add(q.source)
                spans.append(span_of(ctx, q.source, q.start, q.end))
    return spans[:_EVIDENCE_CAP]


def _find(ctx: CheckContext, p: Passage, view: _View, vocab: _StoryVocab) -> Iterator[_Found]:
    src = ctx.sources[p.source]
    text, lang = src.text, lang_of(src)
    toks = passage_tokens(ctx, p)
    other_set = view.words
    n_counterparts = len(view.counterparts)
    other_lower = view.lower
    other_bigrams = view.bigrams
    urlish = [(m.start() + p.start, m.end() + p.start) for m in _URLISH_RE.finditer(p.text)]

    def skip(t: Token) -> bool:
        return bool(urlish) and any(s <= t.start < e for s, e in urlish)

    yield from _structure(text, p, toks, lang, skip)
    for i, t in enumerate(toks):
        if skip(t):
            continue
        w = t.text
        if not is_alpha_word(w):
            if "-" in w and w.islower():
                found = _hyphen_part_run_together(text, t, lang, other_bigrams, vocab, p)
                if found:
                    yield found
            continue
        if w[0].isupper():
            mid = not sentence_initial(text, t.start, p.start)
            found = _capitals(text, p, toks, i, mid, lang, vocab, other_lower)
            # A possessive is judged by its base word ("Castellan's" is "Castellan"), and a word
            # the other sources capitalise inside sentences is a name, not a misspelling.
            if found is None and not mid and w[1:].islower() and not vocab.used_by_others(norm_of(t.text), p.source) \
                    and not _others_in(vocab.cap_mid.get(norm_of(t.text)), p.source):
                # A misspelt word that opens a sentence ("Depsite"); names inside sentences are
                # the name check's business.
                found = _non_word(t, lang, view, vocab, capital=True)
            if found is None and w[1:].islower() and not vocab.used_by_others(norm_of(t.text), p.source):
                # "Australiandollar": a name or demonym run into the next word, when the other
                # sources print the two words.
                found = _run_together(text, toks, i, lang, other_bigrams, attested_only=True)
            if found:
                yield found
            continue
        if has_upper(w):
            if zipf(w.lower(), lang) >= 5:
                yield _Found(t.start, t.end, w.lower(), Severity.MEDIUM, 0.75,
                             f"'{w}': odd capitals inside a word", w.lower())
            continue
        if "'" in w or "’" in w:
            continue  # contractions and possessives: their parts are words
        low = w.lower()
        if vocab.used_by_others(low, p.source) or other_set.count(low) * 2 > n_counterparts:
            continue
        # A split word first: its halves would otherwise pass for a run-together or a non-word.
        found = (_split(text, toks, i, lang, other_set, vocab, p)
                 or _run_together(text, toks, i, lang, other_bigrams)
                 or _non_word(t, lang, view, vocab))
        if found:
            yield found


def _structure(text: str, p: Passage, toks: Sequence[Token], lang: str, skip) -> Iterator[_Found]:
    # No space after sentence punctuation: "talks.The", "trade,and".
    for m in _MISSING_SPACE_RE.finditer(p.text):
        a, punct, b = m.group(1), m.group(2), m.group(3)
        s, e = m.start() + p.start, m.end() + p.start
        if any(s >= us and s < ue for us, ue in _url_spans(p)) or is_acronym(a) or len(a) < 2:
            continue
        if punct == "." and not b[0].isupper():
            continue  # a domain or file name, not a sentence boundary
        if zipf(a.lower(), lang) < _COMMON - 1 or zipf(b.lower(), lang) < _COMMON - 1:
            continue
        yield _Found(s, e, f"{a}{punct} {b}", Severity.LOW, 0.7, f"no space after '{punct}' in '{m.group()}'")
    for m in _PAREN_RE.finditer(p.text):
        s, e = m.start() + p.start, m.end() + p.start
        if text[e:e + 1] == ")" and len(m.group(2)) <= 2:
            continue  # "source(s)"
        yield _Found(s, e, f"{m.group(1)} ({m.group(2)}", Severity.LOW, 0.6,
                     f"no space before the bracket in '{m.group()}'")
    lows = [t.text.lower() for t in toks]
    # Doubled words: "the the".
    for k in range(len(toks) - 1):
        if lows[k] != lows[k + 1]:
            continue
        a, b = toks[k], toks[k + 1]
        if a.text.isalpha() and text[a.end:b.start].strip() == "" and lows[k] not in _LEGIT_DOUBLES and not skip(a):
            yield _Found(a.start, b.end, a.text, Severity.LOW, 0.7, f"'{a.text}' doubled")
    # A reporting verb followed straight by a modal: the subject of the reported clause is lost.
    for k in range(len(toks) - 1):
        if lows[k] not in _REPORTING or lows[k + 1] not in _MODALS:
            continue
        a, b = toks[k], toks[k + 1]
        if text[a.end:b.start].strip() == "":
            before = set(lows[max(0, k - 3):k])
            if before & _RELATIVE:
                continue  # "what he said would happen"
            yield _Found(a.start, b.end, f"{a.text} [subject] {b.text}", Severity.LOW, 0.6,
                         f"'{a.text} {b.text}': the subject after '{a.text}' is missing")
    # A sentence that stops on a function word, with no closing punctuation.
    stripped = p.text.rstrip()
    if toks and stripped and stripped[-1] not in _TERMINAL and toks[-1].text.lower() in _ENDING_FUNCTION \
            and len(toks) >= 4:
        last = toks[-1]
        yield _Found(last.start, last.end, f"{last.text} …", Severity.LOW, 0.55,
                     f"the sentence breaks off after '{last.text}'")


def _url_spans(p: Passage) -> list[tuple[int, int]]:
    return [(m.start() + p.start, m.end() + p.start) for m in _URLISH_RE.finditer(p.text)]


def _capitals(text, p, toks, i, mid, lang, vocab: _StoryVocab, aligned_norms) -> _Found | None:
    """A word capitalised oddly: mixed case, or an everyday word capitalised alone mid-sentence."""
    t = toks[i]
    w = t.text
    low = w.lower()
    if is_acronym(w):
        return None
    if any(c.isupper() for c in w[1:]) and any(c.islower() for c in w[1:]):
        # "ChIna": capitals inside a word; "McDonald", "DeSantis", "iPhone" are name styles.
        if w[1:].lower() != w[1:] and zipf(low, lang) >= 5 and not _others_in(vocab.cap_mid.get(low), p.source):
            inner = [k for k, c in enumerate(w) if k > 0 and c.isupper()]
            if not any(w[:k].istitle() and zipf(w[k:].lower(), lang) >= 3 for k in inner):
                return _Found(t.start, t.end, w[0] + w[1:].lower(), Severity.MEDIUM, 0.7,
                              f"'{w}': odd capitals inside a word", w[0] + w[1:].lower())
        return None
    norm = norm_of(w)
    if not mid or is_function_word(w) or norm in HONORIFICS:
        return None
    if _in_multiword_name(text, toks, i):
        return None  # "Truth Social", "Wall Street", "Meet the Press", "House of Representatives"
    if _others_in(vocab.cap_mid.get(norm), p.source):
        return None  # other sources capitalise it too: a name
    # An ordinary word by the dictionary (listed in lower case only, never as a proper noun), or,
    # without a case-aware dictionary for the language, a common word the story prints in lower
    # case elsewhere.
    # Institutional words ("the Government", "Western media") are capitalised by house style;
    # a garble is told by the aligned sources printing the word in lower case, or by a rarer word.
    aligned_lower = norm in aligned_norms
    common = is_common_noun_only(norm, lang)
    if common is None:
        common = bool(vocab.lower_mid.get(norm, set())) and zipf(norm, lang) >= _COMMON
    if not common or not (aligned_lower or zipf(norm, lang) < 4.0):
        return None
    confidence = 0.7 if aligned_lower else 0.6
    return _Found(t.start, t.end, w.lower(), Severity.LOW, confidence,
                  f"'{w}' capitalised inside a sentence, where it is an ordinary word", w.lower())


def _in_multiword_name(text: str, toks: Sequence[Token], i: int) -> bool:
    """Whether token ``i`` has a capitalised neighbour in the same phrase, possibly across one or
    two function words ("Bank of England", "Meet the Press")."""
    for step in (-1, 1):
        k = i + step
        hops = 0
        while 0 <= k < len(toks) and hops <= 2:
            lo, hi = min(toks[k].end, toks[k - step].end), max(toks[k].start, toks[k - step].start)
            gap = text[lo:hi]
            if gap.strip(" -") != "":
                break  # punctuation ends the phrase
            word = toks[k].text
            if word[:1].isupper() and not is_function_word(word):
                return True
            if not is_function_word(word):
                break
            hops += 1
            k += step
    return False


def _run_together(text, toks, i, lang, other_bigrams, *, attested_only: bool = False) -> _Found | None:
    """A word that is two words run together. Reported when the other sources print the two
    words; when it is not a word at all and splits into two common words, or into a common word
    and a rarer real one ("activitybracelets"); or when it is more at home in another language
    and splits into two common words ("onde"). ``attested_only``: only the first (for capitalised
    words, where an unknown compound is more likely a name: "Northfield")."""
    t = toks[i]
    w = t.text.lower()
    if len(w) < 4 or "'" in w or "’" in w:
        return None
    z = zipf(w, lang)
    if z >= _RARE:
        return None
    best = None
    for k in range(1, len(w)):
        a, b = w[:k], w[k:]
        if (len(a) < 2 and a not in ("a", "i")) or (len(b) < 2 and b not in ("a", "i")):
            continue
        za, zb = zipf(a, lang), zipf(b, lang)
        attested = (a, b) in other_bigrams
        if min(za, zb) < (_RARE if attested or z == 0 else _COMMON) or max(za, zb) < _COMMON:
            continue
        if len(min(a, b, key=len)) < 3 and min(za, zb) < _COMMON:
            continue  # a short rare piece ("activit ybracelets") is no evidence
        score = (attested, min(za, zb) >= _COMMON, min(za, zb))
        if best is None or score > best[0]:
            best = (score, a, b)
    if best is None:
        return None
    (attested, both_common, floor), a, b = best
    if attested:
        confidence, why = 0.85, "the other sources print it as two words"
    elif attested_only:
        return None
    elif z == 0:
        confidence, why = (0.75 if both_common else 0.65), f"'{t.text}' is not a word"
    elif not both_common:
        return None
    elif foreign_margin(w, lang) < 0 and floor - z >= 2.5:
        confidence = 0.62
        why = f"'{t.text}' is not an English word" if lang == "en" else f"'{t.text}' is not a word of '{lang}'"
    else:
        return None
    start, end = t.start, t.end
    first = t.text[:len(a)]
    expected = f"{first} {t.text[len(a):]}"
    # The split-off piece often belongs to a rare word that follows ("onde minimis" -> "on de
    # minimis"): show the phrase whole.
    if i + 1 < len(toks):
        nxt = toks[i + 1]
        if text[t.end:nxt.start] == " " and nxt.text.isalpha() and nxt.text.islower() and zipf(nxt.text, lang) < 3:
            end = nxt.end
            expected = f"{expected} {nxt.text}"
    shown = text[start:end]
    return _Found(start, end, expected, Severity.MEDIUM, confidence,
                  f"'{shown}' looks like words run together ({why}): '{expected}'", f"{a} {b}")


def _hyphen_part_run_together(text, t: Token, lang, other_bigrams, vocab, p) -> _Found | None:
    """A hyphenated compound whose last part is two words run together ("five-yearcontract"):
    the part is judged as a word of its own."""
    parts = word_parts(t)
    if len(parts) < 2:
        return None
    last = parts[-1]
    if not is_alpha_word(last.text) or vocab.used_by_others(last.text.lower(), p.source):
        return None
    found = _run_together(text, (last,), 0, lang, other_bigrams)
    if found is None:
        return None
    head = text[t.start:last.start]
    return _Found(t.start, found.end, head + found.expected, found.severity, found.confidence,
                  f"'{text[t.start:found.end]}' looks like words run together: '{head + found.expected}'",
                  found.want)


def _split(text, toks, i, lang, other_set, vocab, p) -> _Found | None:
    """This word and the next (or previous) are one word split in two ("negoti ations")."""
    t = toks[i]
    for a, b in ((toks[i - 1], t) if i > 0 else (None, None), (t, toks[i + 1]) if i + 1 < len(toks) else (None, None)):
        if a is None or text[a.end:b.start] != " " or not (a.text.isalpha() and b.text.isalpha()):
            continue
        if a.text[0].isupper() != b.text[0].isupper() and b.text[0].isupper():
            continue
        joined = (a.text + b.text).lower()
        zj = zipf(joined, lang)
        in_others = joined in other_set
        piece = min(zipf(a.text.lower(), lang), zipf(b.text.lower(), lang))
        # One half is not a word on its own; the whole is a common word or the others' word.
        if not ((in_others and piece < _RARE) or (zj >= _COMMON and piece < 1.5)):
            continue
        if vocab.used_by_others(a.text.lower(), p.source) and vocab.used_by_others(b.text.lower(), p.source):
            continue
        confidence = 0.85 if in_others else 0.72
        return _Found(a.start, b.end, a.text + b.text, Severity.MEDIUM, confidence,
                      f"'{text[a.start:b.end]}' looks like one word split in two: '{a.text + b.text}'",
                      a.text + b.text)
    return None


def _non_word(t: Token, lang: str, view: _View, vocab: _StoryVocab, *,
              capital: bool = False) -> _Found | None:
    """A misspelling: a rare word (word lists also hold common typos, so "rare", not "absent")
    one or two edits from a much more common word the aligned sources (or two other sources in
    the story) print."""
    w = norm_of(t.text)
    if len(w) < 3 or is_function_word(w):
        return None
    zw = zipf(w, lang)
    if zw >= 3.1:
        return None
    cutoff = 1 if len(w) < 7 else 2

    def plausible(correct: str) -> bool:
        zc = zipf(correct, lang)
        return correct != w and zc - zw >= (1.5 if zw < _RARE else 2.5)

    choices = view.sorted_words()
    hit = closest_word(w, choices, cutoff, lang) if choices else None
    shown = (lambda word: word[:1].upper() + word[1:]) if capital else (lambda word: word)
    if hit is not None and plausible(hit[0]):
        return _Found(t.start, t.end, shown(hit[0]), Severity.MEDIUM, 0.8,
                      f"'{t.text}' looks misspelt; the aligned sources print '{hit[0]}'", hit[0])
    if zw >= _RARE:
        return None
    close = vocab.close_shared_word(w, lang)
    if close is not None and plausible(close):
        return _Found(t.start, t.end, shown(close), Severity.MEDIUM, 0.65,
                      f"'{t.text}' looks misspelt; other sources in the story print '{close}'", close)
    return None
