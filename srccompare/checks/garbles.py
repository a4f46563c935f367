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


from srccompare.checks.base import CheckContext, Token, make_flag, normalize_word, span_of
from srccompare.checks.lexicon import (
    HONORIFICS,
    closest_word,
    foreign_margin,
    in_title_line,
    is_acronym,
    is_alpha_word,
    is_common_noun_only,
    is_function_word,
    lang_of,
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
        for p in ctx.alignment.passages:
            src = ctx.sources[p.source]
            if in_title_line(src.text, p.start) and len(p.text) < 120:
                continue  # headlines: capitals and missing full stops are their style
            group = group_of.get(p.id)
            counterparts = _counterparts(ctx, p, group, panels)
            for f in _find(ctx, p, counterparts, vocab):
                key = (p.source, f.start, f.end)
                if key in out:
                    continue
                out[key] = make_flag(
                    ctx, kind=Kind.GARBLED_TEXT, source=p.source, start=f.start, end=f.end,
                    expected=f.expected, severity=f.severity, confidence=f.confidence, group=group,
                    message=f.message, evidence=_evidence(ctx, counterparts, f.want or f.expected),
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
                        self.cap_mid.setdefault(t.norm, set()).add(p.source)
                else:
                    self.lower_mid.setdefault(t.norm, set()).add(p.source)
        # Words two or more sources use, bucketed by first letter for the spelling search.
        self._shared: dict[str, list[str]] = {}
        for w in sorted(w for w, s in self.word_sources.items() if len(s) >= 2 and w.isalpha()):
            self._shared.setdefault(w[0], []).append(w)

    def used_by_others(self, word: str, source: str) -> bool:
        """Whether other sources print the word too, enough to make it a real word: any other
        source in a small story; in a large one, more than a tenth of the sources (a typo copied
        by a few syndicated copies is still a typo)."""
        users = self.word_sources.get(word.lower())
        return _others_in(users, source) and len(users) * 10 > self.n_sources

    def close_shared_word(self, word: str, lang: str) -> str | None:
        """A word used by two or more sources that is one or two edits from ``word``."""
        choices = self._shared.get(word[:1], ())
        if not choices:
            return None
        hit = closest_word(word, choices, 1 if len(word) < 7 else 2, lang)
        return hit[0] if hit else None


_MAX_COUNTERPARTS = 12


def _others_in(sources, source: str) -> bool:
    """Whether ``sources`` holds a source other than ``source`` (without copying the set)."""
    return bool(sources) and (len(sources) > 1 or source not in sources)


def _counterparts(ctx: CheckContext, p: Passage, group: Group | None,
                  panels: dict[str, tuple[Passage, ...]]) -> list[tuple[Passage, tuple[Token, ...]]]:
    """The aligned passages of other sources, from a fixed sample of the group's sources (bounded
    work per passage in groups of thousands)."""
    if group is None:
        return []
    return [(q, passage_tokens(ctx, q)) for q in panel(group, _MAX_COUNTERPARTS + 1, panels) if q.source != p.source]


def _evidence(ctx, counterparts, want: str):
    """Where the other sources print ``want`` (a word or phrase); else their aligned passages."""
    spans = []
    seen: set[str] = set()
    words = want.lower().split()
    if words:
        for q, toks in counterparts:
            if q.source in seen:
                continue
            norms = [t.text.lower() for t in toks]
            for i in range(len(norms) - len(words) + 1):
                if norms[i:i + len(words)] == words:
                    spans.append(span_of(ctx, q.source, toks[i].start, toks[i + len(words) - 1].end))
                    seen.add(q.source)
                    break
    if not spans:
        for q, _ in counterparts:
            if q.source not in seen:
                seen.add(q.source)
                spans.append(span_of(ctx, q.source, q.start, q.end))
    return spans[:_EVIDENCE_CAP]


def _find(ctx: CheckContext, p: Passage, counterparts, vocab: _StoryVocab) -> Iterator[_Found]:
    src = ctx.sources[p.source]
    text, lang = src.text, lang_of(src)
    toks = passage_tokens(ctx, p)
    other_norms = [t.text.lower() for _, ts in counterparts for t in ts]
    other_set = set(other_norms)
    other_count = Counter(w for _, ts in counterparts for w in {t.text.lower() for t in ts})
    other_lower = {t.norm for _, ts in counterparts for t in ts if t.text[:1].islower()}
    other_bigrams = {(a, b) for _, ts in counterparts for a, b in zip((t.text.lower() for t in ts),
                                                                      (t.text.lower() for t in ts[1:]))}
    urlish = [(m.start() + p.start, m.end() + p.start) for m in _URLISH_RE.finditer(p.text)]

    def skip(t: Token) -> bool:
        return any(s <= t.start < e for s, e in urlish)

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
        mid = not sentence_initial(text, t.start, p.start)
        if w[0].isupper():
            found = _capitals(text, p, toks, i, mid, lang, vocab, other_lower)
            # A possessive is judged by its base word ("Castellan's" is "Castellan"), and a word
            # the other sources capitalise inside sentences is a name, not a misspelling.
            if found is None and not mid and w[1:].islower() and not vocab.used_by_others(t.norm, p.source) \
                    and not _others_in(vocab.cap_mid.get(t.norm), p.source):
                # A misspelt word that opens a sentence ("Depsite"); names inside sentences are
                # the name check's business.
                found = _non_word(t, lang, other_norms, vocab, capital=True)
            if found is None and w[1:].islower() and not vocab.used_by_others(t.norm, p.source):
                # "Australiandollar": a name or demonym run into the next word, when the other
                # sources print the two words.
                found = _run_together(text, toks, i, lang, other_bigrams, attested_only=True)
            if found:
                yield found
            continue
        if any(c.isupper() for c in w):
            if zipf(w.lower(), lang) >= 5:
                yield _Found(t.start, t.end, w.lower(), Severity.MEDIUM, 0.75,
                             f"'{w}': odd capitals inside a word", w.lower())
            continue
        if "'" in w or "’" in w:
            continue  # contractions and possessives: their parts are words
        low = w.lower()
        if vocab.used_by_others(low, p.source) or other_count.get(low, 0) * 2 > len(counterparts):
            continue
        # A split word first: its halves would otherwise pass for a run-together or a non-word.
        found = (_split(text, toks, i, lang, other_set, vocab, p)
                 or _run_together(text, toks, i, lang, other_bigrams)
                 or _non_word(t, lang, other_norms, vocab))
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
    # Doubled words: "the the".
    for a, b in zip(toks, toks[1:]):
        if a.text.lower() == b.text.lower() and a.text.isalpha() and text[a.end:b.start].strip() == "" \
                and a.text.lower() not in _LEGIT_DOUBLES and not skip(a):
            yield _Found(a.start, b.end, a.text, Severity.LOW, 0.7, f"'{a.text}' doubled")
    # A reporting verb followed straight by a modal: the subject of the reported clause is lost.
    for k, (a, b) in enumerate(zip(toks, toks[1:])):
        if a.text.lower() in _REPORTING and b.text.lower() in _MODALS and text[a.end:b.start].strip() == "":
            before = {t.text.lower() for t in toks[max(0, k - 3):k]}
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
    norm = normalize_word(w)
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


def _non_word(t: Token, lang: str, other_norms: Sequence[str], vocab: _StoryVocab, *,
              capital: bool = False) -> _Found | None:
    """A misspelling: a rare word (word lists also hold common typos, so "rare", not "absent")
    one or two edits from a much more common word the aligned sources (or two other sources in
    the story) print."""
    w = normalize_word(t.text)
    if len(w) < 3 or is_function_word(w):
        return None
    zw = zipf(w, lang)
    if zw >= 3.1:
        return None
    cutoff = 1 if len(w) < 7 else 2

    def plausible(correct: str) -> bool:
        zc = zipf(correct, lang)
        return correct != w and zc - zw >= (1.5 if zw < _RARE else 2.5)

    hit = closest_word(w, sorted(set(other_norms)), cutoff, lang) if other_norms else None
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
