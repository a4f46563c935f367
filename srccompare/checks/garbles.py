"""garbled_text: words run together or split, non-words, odd capitals, broken sentence structure.

In: the check context. Out: one flag per garbled place, ``expected`` the repaired rendering, evidence
the aligned passages' counterpart text (the repaired word where another source prints it).

Every test is judged with word frequencies (``wordfreq`` in the source's language) and against
what the other sources print:

* run together ("onde minimis", "thetrade"): a word no other source uses, rare or unknown in the
  language, that splits into two common words; reported when the others print the split form, the
  word is unknown (and the split no chance cut: a pair English prints, two words of the story, or
  two words of five letters or more), or it is more at home in another language than in this one
  (a foreign-looking blend). A rare word following it joins the span (the phrase the split piece
  belongs to);
* split ("negoti ations"): two neighbours, one not a word, that join into a common word or the
  others' word; or two words that join into a common word where English hardly ever prints the
  pair ("trans port": the web's two-word counts, ``lexicon.pair_zipf``), a phrase English writes
  ("every one") never;
* non-word ("tarrifs"): unknown to the word list, used by no other source, close in spelling to a
  word the aligned passages (or two other sources in the story) use, and no other form of that word
  (the compound closed or hyphenated, its plural, a derivation the dictionary lists: "grantee");
* odd capitals: a mixed-case word ("tHe"); an everyday word capitalised alone inside a sentence
  that no other source capitalises ("trade Salvoes"), unless, with nobody printing it in lower
  case, it stands right before the noun it qualifies ("the Osprey helicopter": a name used
  attributively), or it is a word of the source's own outlet name, by which it names itself ("the
  Gazette will report"), a body named short as the subject opening a sentence ("The Ministry
  said"), a currency's name ("4,8 million Euro", a generic resource: CLDR via ``babel``), or stands
  on a line in the style of a headline or after an item's number ("26.034 Armament programme");
  a lower-case word with a capital I read for an l ("halIway") or run into a capitalised word
  ("fromHarwick");
* structure: no space after a full stop ("talks.The"), around a quotation mark ('win,"said') or
  before a bracket ("minimis(the"), doubled words ("the the"), a reporting verb followed straight
  by a modal ("said will meet": the subject is lost), a sentence that stops on a function word
  where English does not let it (a phrasal verb's particle, a passive's or a fronted object's
  preposition may end one), page furniture left inside a sentence ("costs Continued on page 7
  covered"), a picture credit or advertisement marker run into the text ("Photo: dpa/Jane Roe"),
  words a translation printed again: a sentence's end repeating its own words ("covers costs
  covers."), a fragment after a sentence made of that sentence's words ("cash flow. Flow cash.");
* left untranslated: a lower-case word common in another language and rare in this one, or
  unknown to every list where the other sources tell the same thing (the aligned passages, loose
  members included, or for an unaligned passage the other sources' passages sharing its words),
  or spelt with letters English does not use; a phrase of them is one flag. The name of a local
  office as the speaker ("the kreisamt said") is kept, as translators keep it, and so is the Latin
  second word of a scientific name after its genus ("Aedes aegypti"). A name the story
  prints, carried over with a case ending or an initial mutation of the translated language
  ("Zerqalada", "Nghaerwenlli"), is left untranslated too.

Legitimate English is left alone: closed compounds on words English closes compounds on
("overtourism"), proper adjectives ("the Mediterranean season"), codes with digits ("5G"), a
word a naming verb introduces ("the island once called Halmsey", "known as hollowgrain"): it is cited,
and a word of the story written in the letters of its own language where the others print it in
plain letters ("lirë" / "lire").

Numbers, URLs, e-mail addresses, hashtags, acronyms and names (capitalised inside a sentence) are
never non-words.
"""

from __future__ import annotations

import functools
import html
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Iterator, Sequence

from anyascii import anyascii
from rapidfuzz.distance import OSA
from wordfreq import top_n_list

from srccompare.checks.base import WORD_RE, CheckContext, Token, make_flag, span_of
from srccompare.checks.lexicon import (
    CALENDAR_WORDS,
    capitalised_senses,
    HONORIFICS,
    closest_word,
    currency_names,
    english_derivation,
    foreign_margin,
    foreign_zipfs,
    has_upper,
    in_regions,
    in_title_line,
    is_acronym,
    is_alpha_word,
    is_common_noun_only,
    is_function_word,
    is_ordinary_word,
    lang_of,
    listed_word,
    pair_zipf,
    mis_decoded_words,
    norm_of,
    panel,
    panel_order,
    passage_tokens,
    phrasal_verb,
    pos_shares,
    quoted_regions,
    sentence_initial,
    shared_prefix,
    stem,
    unaccented,
    verb_exceptions,
    word_parts,
    word_senses,
    zipf,
)
from srccompare.models import Flag, Group, Kind, Passage, Severity, Span
from srccompare.sources import looks_like_headline, shorten

_COMMON = 3.5  # zipf of a word any reader knows
# A piece this long or longer of a word split by frequencies alone is no chance match (see
# ``_run_together``): shorter ones are found inside the words of any language.
_CHANCE_PIECE = 5
_RARE = 2.5  # below this a word is rare enough to be suspect when nobody else uses it
_EVIDENCE_CAP = 4

_MISSING_SPACE_RE = re.compile(r"\b([^\W\d_]{2,})([.!?,;:])([^\W\d_]{2,})\b")
# A quotation mark between two words with no space on either side ('win,"said', 'said“We'): a space
# was lost before an opening or after a closing mark.
_QUOTE_SPACE_RE = re.compile(r"\b([^\W\d_]{2,}[.!?,;:]?)([\"”“])([^\W\d_]{2,})\b")
_PAREN_RE = re.compile(r"([^\W\d_]{2,})\(([^\W\d_]{2,})")
# A URL, a handle, or an e-mail address whole ("imprensa@valexport.example": its local part is a
# mailbox's name, in whatever language the outlet writes it).
_URLISH_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:https?://|www\.|@)\S*|\S+\.(?:com|org|net|gov|edu|io|co|uk|de|fr|cn)\b", re.I)
_REPORTING = frozenset("said says told added stated noted announced confirmed insisted argued".split())
_MODALS = frozenset("will would can could should may might must shall".split())
_RELATIVE = frozenset("what which that who whatever".split())
# Doubles English grammar allows ("what they had had", "that that", "what they do do") and the
# emphatic "very very" of speech.
_LEGIT_DOUBLES = frozenset("had that is do very".split())
_TERMINAL = set('.!?…"”’\')]:;')
# Possessive determiners that are never pronouns ("its", "their", "our", "your": the pronouns are
# "theirs", "ours", "yours"): a sentence ending on one lost the noun it owns ("for account of the
# shipowner and its.").
_POSSESSIVE_DETERMINERS = frozenset("its their our your".split())
_ENDING_FUNCTION = frozenset("the a an of to and or but with from by for in on at into than as".split()) \
    | _POSSESSIVE_DETERMINERS


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    expected: str
    severity: Severity
    confidence: float
    message: str
    want: str | None = None  # a word to look for in the counterparts as evidence
    exact_case: bool = False  # evidence must print ``want`` exactly so (not capitalised)
    also_want: str | None = None  # a shorter phrase to look for when ``want`` is printed nowhere
    guess: bool = False  # a repair read from word frequencies alone, which a close word the others print beats


class GarbleCheck:
    kinds = (Kind.GARBLED_TEXT,)

    def run(self, ctx: CheckContext) -> Iterable[Flag]:
        group_of = ctx.group_of
        vocab = _StoryVocab(ctx)
        story = _StoryText(ctx)
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
                view = others.without(p.source) if others is not None else _NO_OTHERS
                lang = lang_of(src)
                if in_title_line(src.text, p.start) and len(p.text) < 120:
                    # Headlines: capitals and missing full stops are their style. A line in
                    # capitals between two sentences of a paragraph only looks like one.
                    found = _stray_caps_line(src.text, p)
                else:
                    found = _find(ctx, p, view, vocab, story)
                for f in found:
                    key = (p.source, f.start, f.end)
                    if key in out:
                        continue
                    out[key] = make_flag(
                        ctx, kind=Kind.GARBLED_TEXT, source=p.source, start=f.start, end=f.end,
                        expected=f.expected, severity=f.severity, confidence=f.confidence, group=group,
                        message=f.message, evidence=_evidence(ctx, view, story, p, f, lang),
                    )
        for flag in _stray_furniture(ctx):
            out.setdefault((flag.source, flag.start, flag.end), flag)
        return [out[k] for k in sorted(out)]


_CAPTION_RE = re.compile(r"[ \t*_\[(]*(?:photo(?:graph)?s?|pictures?|images?|captions?|illustrations?|pictured)\b", re.I)


def _own_paragraph(text: str, start: int, end: int) -> bool:
    """Whether the line ``start:end`` has a blank line (or the text's edge) on each side."""
    return (start == 0 or text[:start].rstrip(" \t").endswith("\n\n") or text[:start].strip() == "") \
        and (text[end:].lstrip(" \t").startswith("\n\n") or text[end:].strip() == "")


def _stray_furniture(ctx: CheckContext) -> Iterator[Flag]:
    """A line of page furniture inside the article's body (``Source.strays``: a "Read more:" link,
    a photo caption, an advertising label, a "Share this article" button between two paragraphs).
    It is no passage, so nothing aligns with it; the evidence is what the other sources print where
    the paragraph before it goes on: the passages aligned with the one before the line."""
    order = ctx.passages_in_order
    for sid in sorted(ctx.sources):
        src = ctx.sources[sid]
        for start, end in src.strays:
            i = order.index_from(sid, start)
            before = order.of(sid)[i] if i >= 0 else None
            group = ctx.group_of.get(before.id) if before is not None else None
            evidence = [span_of(ctx, q.source, q.start, q.end) for q in group.passages
                        if q.source != sid] if group is not None else []
            line = src.text[start:end]
            if _CAPTION_RE.match(line) and _own_paragraph(src.text, start, end):
                # A picture's caption set as a paragraph of its own, blank lines around it, is the
                # page's caption under its picture (a print page's, a web page's), as the page
                # laid it out; carried into the text, it runs on under a paragraph's last line.
                continue
            yield make_flag(
                ctx, kind=Kind.GARBLED_TEXT, source=sid, start=start, end=end,
                expected="(a stray line: delete it)", severity=Severity.MEDIUM, confidence=0.7,
                group=group, evidence=evidence[:_EVIDENCE_CAP],
                message=f"'{shorten(line, 60)}': a line of web-page furniture (a link, a caption, an "
                        f"advertising label, a button) between two paragraphs of the article's text",
            )


class _StoryVocab:
    """Which words the other sources use, and a per-source index of lower-case words for finding a
    close spelling."""

    def __init__(self, ctx: CheckContext) -> None:
        self.word_sources = ctx.word_sources
        # The story's main language, for dictionary lookups about the story's own usage.
        langs = Counter(lang_of(src) for src in ctx.sources.values())
        self.lang = min(langs, key=lambda l: (-langs[l], l)) if langs else "en"
        self.n_sources = len(ctx.sources)
        self.fffd_repairs: dict[tuple[str, str], str] = {}  # see ``_replacement_repair``
        self.cap_mid: dict[str, set[str]] = {}
        self.lower_mid: dict[str, set[str]] = {}
        # Words printed capitalised inside a name of several words anywhere in the story ("of
        # Health" in "the Ministry of Health"): alone, such a word is a short form of that name.
        self.name_parts: set[str] = set()
        # Words with capitals inside them, exactly as printed ("iPhone", "NAtional"), by source.
        self.mixed_forms: dict[str, set[str]] = {}
        # The story's names indexed for ``inflected_name_base``, built on first use.
        self._names_by_head: dict[str, list[str]] | None = None
        self._names_by_tail: dict[str, list[str]] = {}
        self._folded: dict[str, set[str]] | None = None  # see ``folded_elsewhere``
        self._unlisted: dict[int, list[str]] | None = None  # see ``unlisted_of_length``
        for p in ctx.alignment.passages:
            text = ctx.sources[p.source].text
            toks = passage_tokens(ctx, p)
            # A headline in title case capitalises every content word: no evidence of names.
            title = len(p.text) < 120 and in_title_line(text, p.start)
            for i, t in enumerate(toks):
                if not t.text[:1].isalpha():
                    continue
                if t.text[0].isupper():
                    if title:
                        continue
                    norm = norm_of(t.text)
                    # Only words the odd-capital test could report need to be known as name
                    # parts: ordinary words by the dictionary (or any, without one).
                    part = norm not in self.name_parts and is_common_noun_only(norm, self.lang) is not False
                    if not _opens_sentence(text, t.start, p.start):
                        self.cap_mid.setdefault(norm, set()).add(p.source)
                        if "-" in t.text:
                            # "the Malta-flagged carrier": a capitalised part of a compound is a
                            # name as much as the word alone ("with Malta flag").
                            for part_text in t.text.split("-"):
                                if part_text[:1].isupper():
                                    self.cap_mid.setdefault(norm_of(part_text), set()).add(p.source)
                        if part and not is_function_word(norm) and _in_multiword_name(text, toks, i):
                            self.name_parts.add(norm)
                    elif part and i + 1 < len(toks) and toks[i + 1].text[:1].isupper() \
                            and text[t.end:toks[i + 1].start] == " " and not is_function_word(norm) \
                            and not is_function_word(toks[i + 1].text):
                        # Opening a sentence, a capital says nothing, but one run into the next
                        # capitalised word does ("Health Minister Helena Marquardsen said").
                        self.name_parts.add(norm)
                    if not t.text.istitle() and not t.text.isupper() and has_upper(t.text[1:]):
                        self.mixed_forms.setdefault(t.text, set()).add(p.source)
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

    def folded_elsewhere(self, low: str) -> bool:
        """Whether the story prints another word that is ``low`` once accents are dropped
        ("vrtaćak" for "vrtacak"): the story's own word, not a typo of a common one."""
        if self._folded is None:
            self._folded = {}
            for w in self.word_sources:
                plain = unaccented(w)
                if plain != w:
                    self._folded.setdefault(plain, set()).add(w)
        return bool(self._folded.get(low))

    def unlisted_of_length(self, n: int) -> list[str]:
        """The story's lower-case words of ``n`` letters that no English word list knows (zipf 0),
        indexed by length on first use: ``_spelt_otherwise`` asks for them once per suspect word,
        and scanning the story's vocabulary with a frequency lookup each time grew with both."""
        if self._unlisted is None:
            self._unlisted = {}
            for w in self.word_sources:
                if w.isalpha() and w.islower() and zipf(w, "en") == 0:
                    self._unlisted.setdefault(len(w), []).append(w)
        return self._unlisted.get(n, [])

    def inflected_name_base(self, low: str, source: str) -> tuple[str | None, str]:
        """The name ``low`` (lower case, printed by ``source``) inflects, and how: a name the
        story capitalises inside a sentence (five letters or more; printed so by ``source`` itself
        or by two sources, not a one-off slip of another source) that ``low`` starts with, one
        letter apart at most (not its last), followed by two or three letters that are no English
        ending; or whose letters after the first ``low`` ends with, one to two letters longer, its
        first consonant turned into other consonants (an initial mutation). (None, "") when there
        is none. The story's names are indexed on first use."""
        if self._names_by_head is None:
            self._names_by_head, self._names_by_tail = {}, {}
            for name in sorted(self.cap_mid):
                if len(name) >= 5 and name.isalpha():
                    self._names_by_head.setdefault(name[:1], []).append(name)
                    self._names_by_tail.setdefault(name[-4:], []).append(name)
        def known(name: str) -> bool:
            users = self.cap_mid.get(name, ())
            return source in users or len(users) >= 2

        for name in self._names_by_head.get(low[:1], ()):
            if not known(name):
                continue
            ending = low[len(name):]
            # The one letter of romanisation lies inside the name: English demonyms replace its
            # last letter ("China" / "Chinese", "Malta" / "Maltese").
            if 2 <= len(ending) <= 3 and ending not in _ENGLISH_NAME_ENDINGS \
                    and low[len(name) - 1] == name[-1] and sum(x != y for x, y in zip(low, name)) <= 1:
                return name, f"with the case ending '{ending}'"
        for name in self._names_by_tail.get(low[-4:], ()):
            onset = low[:len(low) - len(name) + 1]
            # Mutations change a first consonant into another consonant or a cluster of them
            # ("ngh" for "c", "mh" for "p", "ch" for "c"); a vowel taking letters is another name
            # ("Turazova" beside "Orazova").
            # The first letter itself changes ("ngh" for "c"); one more letter after a kept first
            # letter ("Chhinese") is a slip.
            if 1 <= len(low) - len(name) <= 2 and low.endswith(name[1:]) and onset[0] != name[0] \
                    and not set(onset + name[0]) & _VOWELS and known(name):
                return name, f"with its first letter mutated ('{onset}' for '{name[0]}')"
        return None, ""

    def is_name(self, word: str, source: str) -> bool:
        """Whether the story uses ``word`` (lower case) only as a name: other sources print it
        capitalised inside sentences and no source prints it in lower case there. Weekday and
        month names are capitalised words of the language, not names: a misspelt "Thursday" is
        garbled text, a misspelt "Varedo" a name variant."""
        if word in CALENDAR_WORDS:
            return False
        caps = self.cap_mid.get(word)
        if not _others_in(caps, source):
            return False
        lower = len(self.lower_mid.get(word, ()))
        # A word the dictionary lists in lower case ("president", but also "china", "trump") is a
        # name here only when the story (almost) never prints it so; any other word when most
        # sources capitalise it (one lower-cased slip in a large story does not make it a word).
        if is_common_noun_only(word, self.lang):
            return lower * 10 < len(caps)
        return lower < len(caps)

    def is_lower_word(self, word: str, source: str) -> bool:
        """Whether the story uses ``word`` only as an ordinary lower-case word: two or more other
        sources print it in lower case inside sentences, none capitalised there."""
        lower = self.lower_mid.get(word)
        return bool(lower) and len(lower - {source}) >= 2 and not _others_in(self.cap_mid.get(word), source)

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


# A dateline ending where the word starts: a place in capitals, which may carry hyphens,
# apostrophes and full stops ("WINSTON-SALEM, N.C., May 2 -", "N'DJAMENA, Jan 5 (Wire) -"),
# optionally a comma and up to 60 characters (country, date, agency), then a dash.
_DATELINE_HEAD_RE = re.compile(r"[ \t*_]*([^,\n]{2,40}?)(?:,[^\n]{0,60}?)?[ \t][-–—]{1,2}[ \t]+")


# A clock time opening a line, as live blogs and tickers stamp their entries ("14:05 -", "9.30am:",
# "10:42 GMT |"): the entry's first sentence opens after it.
_TIME_STAMP_HEAD_RE = re.compile(r"[ \t*_]*(?:[01]?\d|2[0-3])[:.][0-5]\d(?:[ \t]*(?:[ap]\.?m\.?|[A-Z]{2,5}))?"
                                 r"[*_]*[ \t]*[-–—:|]?[ \t]*")
# A list entry labelled with its date or time, as timelines and chronologies set them ("- Monday,
# 3 June, around 04:00 - Water rises ...", "2019 – Work starts"): a short label with no sentence in
# it, then a dash; the entry's own sentence opens after the dash.
_DATED_LABEL_HEAD_RE = re.compile(r"[ \t*_•·-]*([^\n.!?;|]{2,60}?)[*_]*[ \t]+[-–—]{1,2}[ \t]+")
_CLOCK_OR_YEAR_RE = re.compile(r"(?<!\d)(?:(?:[01]?\d|2[0-3])[:.][0-5]\d|1[5-9]\d\d|20\d\d)(?!\d)")
# A table row as the sources set it down ("| Item | Figure |", Markdown rows and HTML tables
# alike): the first word of each cell opens the cell as a sentence does.
_TABLE_CELL_HEAD_RE = re.compile(r"[ \t]*\|(?:[^|\n]*\|)*[ \t*_]*")


# The number of an item opening a line, as agendas, bills, minutes and numbered lists print it
# ("26.034 Armament programme", "3. Budget", "4.2) Works"): a dot or a bracket in or after the
# figure, then a space; the item's title opens after it. A bare figure ("41 Municipalities") is
# a count, and the sentence goes on.
_NUMBERING_HEAD_RE = re.compile(r"[ \t*_#]*\d{1,4}(?:[.)]\d{1,4})*(?:\.\d{1,4}|[.)])[ \t]+")


def _dated_label(label: str) -> bool:
    """Whether ``label`` (the head of a list entry) is a date or a time: it opens with a figure or
    a weekday or month name, capitalised as English prints them, and holds a clock time, a year or
    such a name. A sentence running on past a date ("The plant opened in 2019 - ...") opens with
    its subject, not with the date."""
    words = re.findall(r"[^\W\d_]+", label)
    first = label.lstrip()[:1]
    if not (first.isdigit() or (words and label.lstrip().startswith(words[0])
                                and words[0][:1].isupper() and words[0].lower() in CALENDAR_WORDS)):
        return False
    return bool(_CLOCK_OR_YEAR_RE.search(label)) \
        or any(w[:1].isupper() and w.lower() in CALENDAR_WORDS for w in words)


# A transcript's or an editor's note in square brackets between two sentences ("... in favour.
# [inaudible] Three against."): the sentence after it opens with its capital all the same.
_AFTER_NOTE_RE = re.compile(r"[.!?…]\s*\[[^\[\]\n]{1,40}\]\s+$")


def _opens_sentence(text: str, start: int, floor: int = 0) -> bool:
    """``sentence_initial``, and also the first word after a dateline whose place name carries
    hyphens or apostrophes ("PORT-AUX-LOUPS, May 2 - Ferries stopped ..."), after a clock time
    that stamps a live-blog entry ("09:15 - Crews arrived", "**09:15 GMT** Crews arrived"), after
    the date label of a timeline entry ("- Monday, 3 June, 04:00 - Crews arrived"), or in the first
    place of a table cell ("| Crews sent | 40 |"): there a sentence (or a cell) opens, and its
    capital says nothing about a name."""
    if sentence_initial(text, start, floor):
        return True
    if _AFTER_NOTE_RE.search(text, max(0, start - 60), start):
        return True
    head = text[text.rfind("\n", 0, start) + 1:start]
    if _TIME_STAMP_HEAD_RE.fullmatch(head) or _TABLE_CELL_HEAD_RE.fullmatch(head) or _NUMBERING_HEAD_RE.fullmatch(head):
        return True
    m = _DATED_LABEL_HEAD_RE.fullmatch(head)
    if m is not None and _dated_label(m.group(1)):
        return True
    m = _DATELINE_HEAD_RE.fullmatch(head)
    if m is None:
        return False
    place = m.group(1).strip()
    letters = [c for c in place if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) \
        and all(c.isalpha() or c in " -'’." for c in place)


def _key(word: str) -> str:
    """A token's comparison key for word sequences: lower case, curly apostrophe straightened."""
    return word.lower().replace("’", "'")


# How many sources a story-wide lookup reads at most (in a fixed, spread order): enough for
# evidence and a vote, bounded in stories of thousands of sources.
_STORY_SCAN = 40
# How many sources a story-wide lookup considers at most (in panel order): a bounded sample.
_STORY_SAMPLE = 100
_NEIGHBOURHOOD = 15  # words either side of a flag (within its passage) whose company is looked for


class _StoryText:
    """Every source's passages with their tokens and word keys, to look up what the other sources
    print anywhere in the story: the counterpart of a passage that did not align, the words that
    follow where a sentence was cut short. Built on first use (most runs need few lookups); the
    sources to read are narrowed with ``ctx.word_sources`` and taken in ``panel_order``."""

    def __init__(self, ctx: CheckContext) -> None:
        self.ctx = ctx
        self._by_source: dict[str, list[Passage]] | None = None
        self._entries: dict[str, tuple[tuple[Passage, tuple[Token, ...], tuple[str, ...]], ...]] = {}
        self._pairs: dict[str, frozenset[tuple[str, str]]] = {}
        self._holders: dict[tuple[str, ...], list[str]] = {}
        self._places: dict[tuple[tuple[str, ...], str], tuple | None] = {}
        self._norms: dict[str, frozenset[str]] = {}
        self._stems: dict[tuple[str, str], tuple[frozenset[str], ...]] = {}
        self._order: list[str] | None = None

    def entries(self, source: str):
        """A source's passages in order, each with its tokens and word keys."""
        got = self._entries.get(source)
        if got is None:
            if self._by_source is None:
                self._by_source = {}
                for p in self.ctx.alignment.passages:
                    self._by_source.setdefault(p.source, []).append(p)
            got = []
            for p in self._by_source.get(source, ()):
                toks = passage_tokens(self.ctx, p)
                got.append((p, toks, tuple(_key(t.text) for t in toks)))
            got = self._entries[source] = tuple(got)
        return got

    def pairs(self, source: str) -> frozenset[tuple[str, str]]:
        """The adjacent word-key pairs a source prints (within a passage): a phrase of two or more
        words is looked for only in sources holding each of its pairs."""
        got = self._pairs.get(source)
        if got is None:
            got = self._pairs[source] = frozenset(
                pair for _, _, keys in self.entries(source) for pair in zip(keys, keys[1:]))
        return got

    def order(self) -> list[str]:
        """Every source in panel order (a fixed spread; see ``panel_order``)."""
        if self._order is None:
            self._order = sorted(self.ctx.sources, key=panel_order)
        return self._order

    def _candidates(self, norms: Sequence[str]) -> list[str]:
        """Sources that use every word of ``norms``, in panel order: at most ``_STORY_SAMPLE`` of
        them, so that a lookup costs the same in a story of ten sources or ten thousand."""
        ws = self.ctx.word_sources
        sets = [ws.get(n) for n in norms]
        if not sets or any(not x for x in sets):
            return []
        sets.sort(key=len)
        if len(sets[0]) <= _STORY_SAMPLE:
            return sorted((s for s in sets[0] if all(s in x for x in sets[1:])), key=panel_order)
        out = []
        for s in self.order():
            if all(s in x for x in sets):
                out.append(s)
                if len(out) >= _STORY_SAMPLE:
                    break
        return out

    def phrase(self, words: Sequence[str], source: str,
               limit: int = _STORY_SCAN) -> list[tuple[str, tuple[Token, ...], tuple[str, ...], int]]:
        """Where sources other than ``source`` print the word sequence ``words`` (keys, see
        ``_key``): at most one place per source, as (source, tokens, keys, index of the first
        word), from the first ``limit`` (at most ``_STORY_SCAN``) sources in panel order that
        print it. Which sources hold every adjacent pair of the sequence is worked out once per
        sequence for the run, whichever source asks (the same repair recurs across the copies of
        a large story); the place in a source is looked up when first asked for."""
        words = tuple(words)
        holders = self._holders.get(words)
        if holders is None:
            steps = tuple(zip(words, words[1:]))
            cands = self._candidates([_source_key(w) for w in words]) if words else []
            holders = self._holders[words] = [s for s in cands if all(st in self.pairs(s) for st in steps)] \
                if steps else cands
        got = []
        for s in holders:
            if len(got) >= min(limit, _STORY_SCAN):
                break
            if s == source:
                continue
            place = self.place(words, s)
            if place is not None:
                got.append(place)
        return got

    def place(self, words: Sequence[str], s: str):
        """The first place source ``s`` prints ``words`` (keys) as (source, tokens, keys, index),
        or None; looked up once per sequence and source for the run."""
        words = tuple(words)
        place = self._places.get((words, s), False)
        if place is False:
            place = self._places[(words, s)] = self._locate(words, s)
        return place

    def _locate(self, words: tuple[str, ...], s: str):
        """The first place source ``s`` prints ``words``, or None (uncached: see ``place``)."""
        n = len(words)
        for _, toks, keys in self.entries(s):
            for i in range(len(keys) - n + 1):
                if keys[i] == words[0] and keys[i:i + n] == words:
                    return (s, toks, keys, i)
        return None

    def stems(self, source: str, lang: str) -> tuple[frozenset[str], ...]:
        """The stems of each passage of a source, in order (computed once per source)."""
        got = self._stems.get((source, lang))
        if got is None:
            got = self._stems[(source, lang)] = tuple(frozenset(stem(k, lang) for k in keys)
                                              for _, _, keys in self.entries(source))
        return got

    def norms(self, p: Passage) -> frozenset[str]:
        """The normalised words of a passage, as a set (computed once per passage)."""
        got = self._norms.get(p.id)
        if got is None:
            got = self._norms[p.id] = frozenset(norm_of(t.text) for t in passage_tokens(self.ctx, p))
        return got

    def company(self, source: str, toks: Sequence[Token], lo: int, hi: int, lang: str) -> list[Span]:
        """The other sources' passages that keep the best company with tokens ``lo..hi`` of a
        passage: those sharing the most of the content words within ``_NEIGHBOURHOOD`` tokens of
        them, each word weighted by how few sources use it (words every source uses say nothing
        about place). At least two such words, and half the weight of the best match; at most
        ``_EVIDENCE_CAP`` sources."""
        ws = self.ctx.word_sources
        n_sources = len(self.ctx.sources)
        weights: dict[str, float] = {}
        for k in range(max(0, lo - _NEIGHBOURHOOD), min(len(toks), hi + _NEIGHBOURHOOD)):
            if lo <= k < hi:
                continue
            w = toks[k].text
            norm = norm_of(w)
            if is_function_word(norm) or (len(norm) < 3 and not norm.isdigit()) or norm in weights:
                continue
            users = ws.get(norm)
            # A word every source uses (the story's own vocabulary: "tariffs" in a tariff story)
            # places nothing: the passages sharing only such words are not where the others
            # print the flagged words, and showing them as evidence would mislead.
            if not users or not _others_in(users, source) or len(users) >= n_sources:
                continue
            weights[norm] = math.log((n_sources + 1) / len(users))
        if len(weights) < 2:
            return []
        # Sources ranked by the weight of the neighbourhood words they use anywhere (of the first
        # ``_STORY_SAMPLE`` in panel order); only the best few are read passage by passage.
        score: dict[str, float] = {}
        for s in self.order()[:_STORY_SAMPLE]:
            if s != source:
                got = sum(wt for norm, wt in weights.items() if s in ws[norm])
                if got:
                    score[s] = got
        ranked = sorted(score, key=lambda s: (-score[s], panel_order(s)))[:2 * _EVIDENCE_CAP]
        found: list[tuple[float, str, Passage]] = []
        for s in ranked:
            best = None
            for p, _, _ in self.entries(s):
                seen = self.norms(p) & weights.keys()
                if len(seen) < 2:
                    continue
                wt = sum(weights[x] for x in seen)
                if best is None or wt > best[0]:
                    best = (wt, p)
            if best is not None:
                found.append((best[0], s, best[1]))
        if not found:
            return []
        top = max(wt for wt, _, _ in found)
        found.sort(key=lambda f: (-f[0], panel_order(f[1])))
        return [span_of(self.ctx, s, p.start, p.end) for wt, s, p in found if wt * 2 >= top and wt > 0][:_EVIDENCE_CAP]


def _source_key(word: str) -> str:
    """The ``ctx.word_sources`` key of a word key (a trailing possessive dropped)."""
    return word[:-2] if word.endswith("'s") else word


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
    _units: list[str] | None = None

    def sorted_words(self) -> list[str]:
        """The distinct lower-cased words of the counterparts, sorted (for the spelling search)."""
        if self._sorted is None:
            self._sorted = self.words.sorted_items()
        return self._sorted

    def figure_units(self) -> list[str]:
        """The distinct lower-cased words of letters the counterparts print right after a figure
        (``_after_figure``: the units they count amounts in), in the order printed."""
        if self._units is None:
            self._units = list(dict.fromkeys(
                u for q, toks, lows in self.counterparts for k, u in enumerate(lows)
                if u.isalpha() and _after_figure(q.text, toks[k].start - q.start)))
        return self._units


_NO_OTHERS = _View([], _Present(Counter(), None), _Present(Counter(), None), _Present(Counter(), None))


def _evidence(ctx: CheckContext, view: "_View", story: _StoryText, p: Passage, f: _Found, lang: str) -> list[Span]:
    """What the other sources print where ``f`` was found, best first:

    1. the repaired word or phrase (``f.want``, else ``f.expected``) in the aligned passages;
    2. else the aligned passages themselves;
    3. for a passage that did not align, the same phrase anywhere in the other sources;
    4. else the other sources' passages that share the most of the words around the flag
       (``_StoryText.company``).

    ``f.exact_case`` asks for the phrase printed exactly so (the lower-case rendering of a word
    capitalised oddly), not just the same letters."""
    spans: list[Span] = []
    seen: set[str] = set()
    for want in (f.want or f.expected, f.also_want):
        if want and not spans:
            _phrase_evidence(ctx, view, story, p, want, f.exact_case, spans, seen)
    if spans:
        return spans
    if view.counterparts:
        for q, _, _ in view.counterparts:
            if q.source not in seen:
                seen.add(q.source)
                spans.append(span_of(ctx, q.source, q.start, q.end))
        return spans[:_EVIDENCE_CAP]
    toks = passage_tokens(ctx, p)
    lo = next((k for k, t in enumerate(toks) if t.end > f.start), len(toks))
    hi = next((k for k in range(lo, len(toks)) if toks[k].start >= f.end), len(toks))
    return story.company(p.source, toks, lo, hi, lang)


def _phrase_evidence(ctx, view: "_View", story: _StoryText, p: Passage, want: str, exact_case: bool,
                     spans: list[Span], seen: set[str]) -> None:
    """Add to ``spans`` where the aligned passages print ``want``; for a passage that did not
    align, where other sources print it anywhere in the story. At most ``_EVIDENCE_CAP``, one per
    source."""
    shown = tuple(want.split())
    words = tuple(_key(w) for w in shown)
    if not words or not all(_WORDLIKE_RE.fullmatch(w) for w in words):
        return
    n = len(words)
    curly = words[0].replace("'", "’")

    def same(toks: Sequence[Token], i: int) -> bool:
        return not exact_case or tuple(t.text for t in toks[i:i + n]) == shown

    for q, toks, lows in view.counterparts:
        if len(spans) >= _EVIDENCE_CAP:
            return
        if q.source in seen or (words[0] not in lows and curly not in lows):
            continue
        for i in range(len(lows) - n + 1):
            if (lows[i] == words[0] or lows[i] == curly) and tuple(_key(x) for x in lows[i:i + n]) == words \
                    and same(toks, i):
                spans.append(span_of(ctx, q.source, toks[i].start, toks[i + n - 1].end))
                seen.add(q.source)
                break
    if spans or view.counterparts:
        return  # aligned passages that word it otherwise are the evidence (see ``_evidence``)
    for s, toks, keys, i in story.phrase(words, p.source, _EVIDENCE_CAP):
        if len(spans) >= _EVIDENCE_CAP:
            return
        if same(toks, i):
            spans.append(span_of(ctx, s, toks[i].start, toks[i + n - 1].end))
            seen.add(s)


_WORDLIKE_RE = re.compile(r"[^\W_](?:[^\W_]|['\-.,](?=[^\W_]))*")


def _find(ctx: CheckContext, p: Passage, view: _View, vocab: _StoryVocab, story: _StoryText) -> Iterator[_Found]:
    src = ctx.sources[p.source]
    text, lang = src.text, lang_of(src)
    toks = passage_tokens(ctx, p)
    other_set = view.words
    n_counterparts = len(view.counterparts)
    other_lower = view.lower
    other_bigrams = view.bigrams
    urlish = [(m.start() + p.start, m.end() + p.start) for m in _URLISH_RE.finditer(p.text)]
    furniture = list(_page_furniture(p)) + list(_web_furniture(p)) + list(_stray_caps_line(text, p)) \
        + list(_link_or_tag_line(text, p)) + list(_caps_run_in(text, p, vocab)) + list(_repeated_passage(text, p))
    # The words of a URL or of page furniture are judged as a whole, never word by word.
    urlish += [(f.start, f.end) for f in furniture] + list(_furniture_lines(p)) + list(_bilingual_halves(text, p))
    # So are the halves of a word a wrapped page hyphenates at a line end ("Octo-" / "ber"): they
    # are no words of their own (see ``_line_break_hyphen``).
    if src.wrapped:
        urlish += list(_wrapped_hyphenations(text, p))

    def skip(t: Token) -> bool:
        return bool(urlish) and any(s <= t.start < e for s, e in urlish)

    yield from furniture
    yield from _structure(text, p, toks, lang, skip, story)
    if not p.text.isascii():
        yield from _encoding_damage(p, story, vocab)
    yield from _line_break_hyphen(text, p, lang, vocab, wrapped=src.wrapped)
    if "&" in p.text:
        yield from _html_entities(p)
    # A translated page's headline is often the original's, or keeps its words and its spelling
    # of places: it labels the page. Words left in another language are judged in the article.
    headline = _headline(text, p, src.title)
    if not p.text.isascii() and not headline:
        yield from _foreign_script(p, lang, vocab)
    if not headline:
        yield from _foreign_phrase(text, toks, lang, vocab, story, p.source)
    if headline and _foreign_line(text, p.start, lang):
        # The original's headline kept above the translation ("Baf'ta suya yüzde 25 kesinti"):
        # a label in its own language, whose words are neither misspelt nor garbled English.
        return
    left_until = -1  # the end of an untranslated phrase already reported (its words are in it)
    for i, t in enumerate(toks):
        if skip(t) or t.start < left_until or _named_by_the_text(text, toks, i):
            continue
        w = t.text
        if not is_alpha_word(w):
            if "1" in w or "0" in w or "5" in w:
                found = _ocr_confusion(t, lang, vocab, p.source)
                if found:
                    yield found
                    continue
            if "-" in w and w.islower():
                found = _hyphen_part_run_together(text, t, lang, other_bigrams, vocab, p)
                if found is None:
                    found = _unknown_in_shared_place(t, toks, i, lang, vocab, view, p.source, story, text)
                if found:
                    yield found
            continue
        if w[0].isupper() and ("'" in w or "’" in w):
            found = _glued_possessive(text, toks, i, lang, vocab, p.source) \
                or _foreign_case_suffix(t, vocab, p.source)
            if found:
                yield found
                continue
        if w[0].isupper():
            mid = not _opens_sentence(text, t.start, p.start)
            found = _capitals(text, p, toks, i, mid, lang, vocab, other_lower, view.counterparts,
                              own_name=_outlet_words(src.meta.outlet))
            # A possessive is judged by its base word ("Brantwell's" is "Brantwell"), and a word
            # the other sources capitalise inside sentences is a name, not a misspelling.
            if found is None and not mid and w[1:].islower() and not vocab.used_by_others(norm_of(t.text), p.source) \
                    and not _others_in(vocab.cap_mid.get(norm_of(t.text)), p.source):
                # A misspelt word that opens a sentence ("Depsite"); names inside sentences are
                # the name check's business.
                found = _non_word(t, lang, view, vocab, source=p.source, capital=True)
            if found is None and mid and w[1:].islower() and not vocab.used_by_others(norm_of(t.text), p.source) \
                    and not _others_in(vocab.cap_mid.get(norm_of(t.text)), p.source) \
                    and not _in_multiword_name(text, toks, i):
                # "talks resume on Wednsday": a misspelt weekday or ordinary word, capitalised
                # (inside a name of several words, "Fox Niws", it is the name check's).
                found = _non_word(t, lang, view, vocab, source=p.source, capital=True, mid=True)
            if found is None and w[1:].islower() and not vocab.used_by_others(norm_of(t.text), p.source):
                # "Canadiandollar": a name or demonym run into the next word, when the other
                # sources print the two words.
                found = _run_together(text, toks, i, lang, other_bigrams, attested_only=True,
                                      story=story, source=p.source, initial=not mid and not _others_in(
                                          vocab.cap_mid.get(norm_of(t.text)), p.source))
            if found is None and w[1:].islower() and i + 1 < len(toks) and text[t.end:toks[i + 1].start] == " " \
                    and _name_split(t, toks[i + 1], lang, other_set, vocab, p.source, story, view.counterparts):
                # "in Lap land": a name split in two, though its second half is a word the others use.
                b = toks[i + 1]
                found = _Found(t.start, b.end, w + b.text, Severity.MEDIUM, 0.8,
                               f"'{text[t.start:b.end]}' looks like one word split in two: '{w + b.text}'",
                               w + b.text)
            if found is None and not mid and w[1:].islower() and not _others_in(vocab.cap_mid.get(norm_of(w)), p.source):
                found = _split_by_usage(text, toks, i, lang, p.source, vocab, story, other_set)
            if found is None and mid and w[1:].islower():
                found = _inflected_name(text, toks, i, lang, vocab, p.source)
            if found is None and not w[1:].islower():
                found = _capital_run_together(t, vocab, story, p.source, outlet=src.meta.outlet)
            if found is None and not w[1:].islower():
                found = _acronym_run_together(t, lang, vocab, p.source)
            if found:
                yield found
            continue
        if has_upper(w):
            if zipf(w.lower(), lang) >= 5 or _shifted_inside(w, lang, vocab, p.source):
                yield _Found(t.start, t.end, w.lower(), Severity.MEDIUM, 0.75,
                             f"'{w}': odd capitals inside a word", w.lower())
            else:
                found = _inner_capital(t, lang, vocab)
                if found:
                    yield found
            continue
        if "'" in w or "’" in w:
            # Contractions and possessives: their parts are words, but the base of a possessive
            # may be two words run together ("theagency's"), or the possessive run into its noun.
            found = _glued_possessive(text, toks, i, lang, vocab, p.source) \
                or _possessive_run_together(text, t, lang, other_bigrams, vocab, view, p)
            if found:
                yield found
            continue
        low = w.lower()
        if lang == "en" and not w.isascii():
            # Before the tests below, which read "à" as the others' "a".
            found = _accented_letter(t, toks, i)
            if found is not None:
                yield found
                continue
        # Before the test below: both halves of "after noon" are words the others print.
        found = _split_by_usage(text, toks, i, lang, p.source, vocab, story, other_set)
        if found is not None:
            left_until = found.end
            yield found
            continue
        if vocab.used_by_others(low, p.source) or other_set.count(low) * 2 > n_counterparts:
            continue
        if not low.isascii() and vocab.used_by_others(_plain_letters(low), p.source):
            # The story's own word written in the letters of its language ("złoty", "króna"
            # where the others print "zloty", "krona"): kept as spelt there, neither misspelt nor
            # left untranslated.
            continue
        # A split word first: its halves would otherwise pass for a run-together or a non-word.
        found = _split_suffix(text, toks, i, lang, vocab, p.source, story)
        if found is None:
            found = _split(text, toks, i, lang, other_set, vocab, p, story, view.counterparts)
        if found is None:
            found = _hyphen_tail_split(text, toks, i, lang, other_set, vocab, p.source)
        if found is None:
            found = _run_together(text, toks, i, lang, other_bigrams, story=story, source=p.source)
            if found is not None:
                found = _story_repair(found, story, p.source, lang)
            if found is not None and found.guess:
                # A non-word split into words only by their frequencies ("cabage" as "cab age",
                # "bornbed" as "born bed"): a word the other sources print, one slip or one
                # scanner confusion away, is the better repair.
                found = _ocr_confusion(t, lang, vocab, p.source) \
                    or _non_word(t, lang, view, vocab, source=p.source) or found
        if found is None:
            # Before the test below: the unit the others print with the next words run on to it.
            found = _unit_run_on(t, text, lang, view)
        if found is None and _unit_spelt_otherwise(t, text, lang, view, vocab, p.source):
            continue  # an amount's unit, transliterated otherwise by an aligned source
        if found is None:
            found = _non_word(t, lang, view, vocab, source=p.source)
        if found is None:
            found = _ocr_confusion(t, lang, vocab, p.source)
        if found is None and not headline and not _names_the_speaker(toks, i):
            found = _untranslated(t, lang, vocab, p.source)
        if found is None and not headline:
            found = _unknown_in_shared_place(t, toks, i, lang, vocab, view, p.source, story, text)
        if found is None and not headline and lang == "en" and not w.isascii():
            found = _foreign_lettered(t, text, vocab, p.source)
        if found is not None and found.expected.endswith(": untranslated]"):
            if (_species_epithet(text, toks, i, lang)  # the Latin half of a scientific name: cited
                    or _glossed_by_or(text, t.start, t.end)  # set beside its English equivalent
                    or _glossed_in_brackets(text, t.end, lang)  # "the kaymakam (district governor)"
                    or _amount_word(text, t.start, t.end)  # an amount's multiplier or unit
                    or _beside_a_name(text, toks, i)  # a title before a name, a kind after one
                    or _kept_term(text, w)):  # the source's own term for the thing, used again
                found = None
            else:
                found = _untranslated_run(found, text, toks, i, lang, vocab, p.source)
                left_until = found.end
        if found:
            yield found


def _foreign_line(text: str, at: int, lang: str) -> bool:
    """Whether the line holding offset ``at`` is written mostly in another language: fewer than half
    of its words (two letters or more) are words of ``lang`` (zipf 3 or more)."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    words = _WORD_RE.findall(text[start:end if end >= 0 else len(text)])
    return bool(words) and sum(zipf(w.lower(), lang) >= 3.0 for w in words) * 2 < len(words)


def _headline(text: str, p: Passage, title: str) -> bool:
    """Whether passage ``p`` lies on the line the source prints as its headline: a line that reads
    as one (short, no closing full stop: ``sources.looks_like_headline``) and is the source's
    title (``Source.title``, which may be cut short with an ellipsis)."""
    head = title.rstrip("…").strip()
    if not head:
        return False
    start = text.rfind("\n", 0, p.start) + 1
    end = text.find("\n", p.start)
    line = " ".join(text[start:end if end >= 0 else len(text)].split())
    return looks_like_headline(line) and line.startswith(head)


# What a printed page carries besides the article: a jump line ("Continued on page 7", "(Cont.
# from p. 2)") and a running head or folio ("THE HIGHLAND COURIER - PAGE 3", "Page 4 of 12").
_JUMP_LINE = r"\(?(?:continued|cont(?:'d|\.)?)\s+(?:on|from)\s+(?:page|p\.)\s*[0-9]{1,3}\)?"
_FOLIO = (r"(?:(?:[A-Z][A-Z'&.]+\s+){0,6}[-|–—]\s+)?(?:PAGE|Page)\s+[0-9]{1,3}(?:\s+of\s+[0-9]{1,3})?"
          r"(?:\s+[-|–—](?:\s+[A-Z][A-Z'&.]+){1,6})?")
_FURNITURE_RE = re.compile(rf"(?i:{_JUMP_LINE})|{_FOLIO}")
_LAST_WORD_RE = re.compile(r"([^\W\d_]+,?)[ \t]+$")
_FIRST_WORD_RE = re.compile(r"[ \t]+([^\W\d_]+)")


def _furniture_lines(p: Passage) -> Iterator[tuple[int, int]]:
    """Where a passage holds page furniture of its own (a jump line or a folio on its own line,
    "[continued from page 1 - column 2 - Homeland]"), to its closing bracket on the same line: a
    section's name there is capitalised as a heading, not as a word of a sentence."""
    t = p.text
    if "age" not in t and "AGE" not in t and "p." not in t:
        return
    for m in _FURNITURE_RE.finditer(t):
        end = m.end()
        line_end = t.find("\n", end)
        line_end = len(t) if line_end < 0 else line_end
        close = min((k for k in (t.find("]", end, line_end), t.find(")", end, line_end)) if k >= 0),
                    default=-1)
        if close >= 0 and t[m.start() - 1:m.start()] in "[(" and m.start() > 0:
            end = close + 1
        yield p.start + m.start(), p.start + end


def _page_furniture(p: Passage) -> Iterator[_Found]:
    """Page furniture that scanning or a careless copy left inside a sentence ("the costs
    Continued on page 7 covered by the state"): a jump line or a running head with a page number,
    with the sentence going on in lower case after it and no sentence end before it. The same
    line standing on its own, between paragraphs or after a full stop, is the page's own and
    right. The repair is the sentence without it."""
    t = p.text
    if "age" not in t and "AGE" not in t and "p." not in t:
        return  # every jump line and folio names a page ("page", "PAGE", "p."): most passages do not
    for m in _FURNITURE_RE.finditer(t):
        before = _LAST_WORD_RE.search(t, 0, m.start())
        after = _FIRST_WORD_RE.match(t, m.end())
        # Inside a sentence: a word (or a comma after it) just before, a lower-case word just after.
        if before is None or after is None or not after.group(1)[:1].islower():
            continue
        s, e = p.start + before.start(1), p.start + after.end(1)
        fixed = f"{before.group(1)} {after.group(1)}"
        yield _Found(s, e, fixed, Severity.MEDIUM, 0.75,
                     f"'{m.group()}': page furniture left in the middle of a sentence: '{fixed}'", None)


# What a web page or a picture desk puts beside an article: a picture credit ("Photo: AFP/Jane
# Roe", "(Foto: dpa)") and an advertisement marker. A label, a colon, then an agency or a name,
# or agencies and names joined by slashes.
_CREDIT_RE = re.compile(
    r"\(?\b(?:Photo|Photograph|Picture|Pic|Image|Foto|Illustration)s?(?:\s+credit)?\s*:[ \t]*"
    r"(?:[^\W\d_][\w.&'’-]*)(?:[ \t]*/[ \t]*[^\W\d_][\w.&'’-]*)*(?:[ \t]+[A-Z][\w.&'’-]*){0,3}\)?")
_AD_MARKER_RE = re.compile(r"\bADVERTISEMENT\b|(?<=[.!?”\"] )Advertisement(?= [A-Z])")
_TRAILING_CAP_RE = re.compile(r"[ \t]+([A-Z][a-z]+)$")


def _web_furniture(p: Passage) -> Iterator[_Found]:
    """A picture credit or an advertisement marker run into the article's text, on a line that
    also carries the article's words ("until Monday. Photo: dpa/Jane Roe Parents said"): a page
    scraped or a caption copied with the text. The same line standing alone (a caption under a
    picture) is the page's own and right. A capitalised dictionary word that ends the credit and
    is followed by a lower-case word opens the next sentence ("Parents said") and is left out."""
    t = p.text
    if ":" not in t and "dvertisement" not in t and "DVERTISEMENT" not in t:
        return
    spans = []
    for m in _CREDIT_RE.finditer(t):
        s, e = m.start(), m.end()
        last = _TRAILING_CAP_RE.search(t, s, e)
        if last and is_common_noun_only(last.group(1)) and _FIRST_WORD_RE.match(t, e) \
                and _FIRST_WORD_RE.match(t, e).group(1)[:1].islower():
            e = last.start()
        spans.append((s, e, "a picture credit"))
    for m in _AD_MARKER_RE.finditer(t):
        spans.append((m.start(), m.end(), "an advertisement marker"))
    for s, e, what in spans:
        line_start = t.rfind("\n", 0, s) + 1
        line_end = t.find("\n", e)
        line_end = len(t) if line_end < 0 else line_end
        rest = t[line_start:s] + " " + t[e:line_end]
        if len(_WORD_RE.findall(rest)) < 3:
            continue  # a caption line of its own
        before = _LAST_WORD_RE.search(t, line_start, s)
        after = _FIRST_WORD_RE.match(t, e)
        lo = before.start(1) if before else s
        hi = after.end(1) if after else e
        fixed = " ".join(x.group(1) for x in (before, after) if x)
        yield _Found(p.start + lo, p.start + hi, fixed, Severity.MEDIUM, 0.7,
                     f"'{t[s:e]}': {what} left inside the article's text: '{fixed}'", None)


_WORD_RE = re.compile(r"[^\W\d_]{2,}")
# What a web page prints around an article and never inside its sentences: a link to another story
# ("Read more: parking at the hospital") and the story's keyword list ("TAGS elering estonia grid").
_LINK_LABEL_RE = re.compile(r"(?:read (?:more|also)|also read|related|see also)[ \t]*:[ \t]*\S", re.I)
_TAG_LABEL_RE = re.compile(r"(?:tags?|topics?|keywords?)(?:[ \t]*:)?[ \t]+\S", re.I)


def _link_or_tag_line(text: str, p: Passage) -> Iterator[_Found]:
    """A passage that is a web page's link to another story, run into a paragraph after its last
    sentence ("... by text message. Read more: parking at the hospital"), or the page's list of
    keywords on a line of its own between paragraphs ("TAGS elering estonia grid tartu"): the label
    opens the passage, no sentence end closes it, and a tag list's words are in lower case (a
    heading "Topics of the talks" is not one). Standing on its own line, a link is the layout's
    business (``Source.strays``); run into a paragraph it is the copy's garble."""
    t = p.text.rstrip()
    if not t or _SENTENCE_END_RE.search(t) or "\n" in t:
        return
    line_start = text.rfind("\n", 0, p.start) + 1
    run_in = text[line_start:p.start].strip() != "" and _SENTENCE_END_RE.search(text[line_start:p.start].rstrip())
    if _LINK_LABEL_RE.match(t) and run_in:
        yield _Found(p.start, p.start + len(t), "(a link to another story: delete it)", Severity.MEDIUM, 0.7,
                     f"'{shorten(t, 60)}': a web page's link to another story run into the article's text", None)
        return
    m = _TAG_LABEL_RE.match(t)
    if m and not run_in and text[line_start:p.start].strip() == "":
        words = t[m.end() - 1:].replace(",", " ").split()
        if 2 <= len(words) <= 12 and all(w.islower() or not w.isalpha() for w in words):
            yield _Found(p.start, p.start + len(t), "(a tag line: delete it)", Severity.MEDIUM, 0.7,
                         f"'{shorten(t, 60)}': the web page's list of keywords, left between two paragraphs", None)
# A line of its own in capitals, ending in no colon (a heading that introduces a list ends so).
_CAPS_LINE_RE = re.compile(r"(?m)^[ \t]*([^a-z\n]*[A-Z][^a-z\n]*?)[ \t]*$")
_SENTENCE_END_RE = re.compile(r"[.!?][\"”’')\]]*[ \t]*$")


# A line in two languages: a short text, a slash, and its rendering, in brackets or not
# ("[Texto original / Original text]").
_BILINGUAL_LINE_RE = re.compile(r"[ \t]*[\[(]?([^\n/\[\]()]{3,80}?)[ \t]+/[ \t]+([^\n/\[\]()]{3,80}?)[\])]?[ \t.]*")


def _english_share(half: str) -> tuple[int, int]:
    """How many of the lower-case words of ``half`` any English reader knows (``_COMMON``), and how
    many lower-case words it holds. Capitalised words (names, the first word) are left out."""
    words = [w for w in _WORD_RE.findall(half) if not w[:1].isupper()]
    return sum(zipf(w, "en") >= _COMMON for w in words), len(words)


def _bilingual_halves(text: str, p: Passage) -> Iterator[tuple[int, int]]:
    """The other-language half of a line that prints the same words in two languages, set apart
    by a slash, as notices, signs and labels do ("[Traduccion automatica / Machine translation]"):
    one half wholly English, the other mostly words English does not print. The writer gives the
    original beside its English on purpose; its words are not left untranslated or misspelt."""
    ls = text.rfind("\n", 0, p.start) + 1
    while ls < p.end:
        le = text.find("\n", ls)
        le = len(text) if le < 0 else le
        m = _BILINGUAL_LINE_RE.fullmatch(text, ls, le)
        if m:
            (ea, na), (eb, nb) = _english_share(m.group(1)), _english_share(m.group(2))
            for k, (e_this, n_this), (e_other, n_other) in ((1, (ea, na), (eb, nb)), (2, (eb, nb), (ea, na))):
                if n_other >= 1 and e_other == n_other and (n_this == 0 or e_this * 2 <= n_this) \
                        and len(_WORD_RE.findall(m.group(k))) >= 2:
                    yield m.start(k), m.end(k)
        ls = le + 1


def _stray_caps_line(text: str, p: Passage) -> Iterator[_Found]:
    """A line wholly in capitals (four words or more, no lower-case letter) standing inside a
    paragraph, between a line that ends a sentence and a line that opens one, with no blank line
    on either side: an advertisement, a promotion or a caption the scan or the copy carried into
    the text ("FLU SHOTS AT EVERY BRANCH - BOOK ONLINE" between two sentences). A headline, a
    section heading or a running head stands between paragraphs (blank lines around it, or at the
    top), and a heading that introduces a list ends with a colon; neither is reported. A folio or
    a jump line is ``_page_furniture``'s. ``text`` is the source's text (a passage is a sentence,
    the lines around it are the test); a line is reported by the passage it starts in, as far as
    that passage goes. The repair is the paragraph without the line."""
    ls = text.rfind("\n", 0, p.start) + 1
    while ls < p.end:
        le = text.find("\n", ls)
        le = len(text) if le < 0 else le
        m = _CAPS_LINE_RE.match(text, ls, le)
        if m and p.start <= m.start(1) < p.end:
            line = m.group(1)
            if len(_WORD_RE.findall(line)) >= 4 and not line.endswith(":") and not _FURNITURE_RE.search(line) \
                    and ls >= 1 and le < len(text):
                prev = text[text.rfind("\n", 0, ls - 1) + 1:ls - 1]
                nxt_end = text.find("\n", le + 1)
                nxt = text[le + 1:len(text) if nxt_end < 0 else nxt_end]
                first = _FIRST_WORD_RE.match(" " + nxt.lstrip())
                # A blank line beside it makes it a heading between paragraphs.
                if prev.strip() and nxt.strip() and any(c.islower() for c in prev) \
                        and _SENTENCE_END_RE.search(prev) and any(c.islower() for c in nxt) \
                        and first is not None and first.group(1)[:1].isupper():
                    yield from _stray_line_found(line, m.start(1), min(m.end(1), p.end))
        ls = le + 1


_CAPS_WORD_RE = re.compile(r"[^\W\d_]+")


def _caps_run_in(text: str, p: Passage, vocab: "_StoryVocab") -> Iterator[_Found]:
    """A run of two or more words in capitals opening passage ``p`` right after the sentence before
    it on the same line, with a sentence going on after it in ordinary case ("... on Monday.
    SDÍLET NA FACEBOOKU She excluded ..."): a share button's or a widget's label that extraction
    joined to the text. A sentence opens with one capitalised word, not a run of capitals;
    an acronym the other sources print is no label, and a run whose words no other source prints
    (one of four letters or more) is what the page, not the story, put there. The repair is the
    paragraph without it."""
    line_start = text.rfind("\n", 0, p.start) + 1
    before = text[line_start:p.start]
    if not before.strip() or not _SENTENCE_END_RE.search(before.rstrip() + " "):
        return
    words, nxt = [], None
    for m in _CAPS_WORD_RE.finditer(p.text):
        gap = p.text[words[-1].end():m.start()] if words else p.text[:m.start()]
        if gap != (" " if words else ""):
            return  # the run opens the passage, its words one space apart
        if not m.group().isupper():
            nxt = m
            break
        words.append(m)
    if len(words) < 2 or nxt is None or not (nxt.group()[:1].isupper() and nxt.group()[1:].islower()):
        return
    if not any(len(m.group()) >= 4 for m in words) \
            or any(vocab.used_by_others(norm_of(m.group()), p.source) for m in words if len(m.group()) >= 3):
        return
    end = words[-1].end()
    line = p.text[:end]
    yield _Found(p.start, p.start + end, "(a stray label: delete it)", Severity.MEDIUM, 0.7,
                 f"'{line}': a label in capitals (a button, a widget) run into the article's text", None)


def _repeated_passage(text: str, p: Passage) -> Iterator[_Found]:
    """A short passage printed twice back to back on one line ("Loading comments... Loading
    comments..."): a widget's placeholder that extraction took once per widget, or a copy's
    doubled paste. A writer repeating a phrase for effect does so inside a quotation. The flag
    covers both copies, from the first; the repair is the text without them."""
    t = p.text.strip()
    if not t or len(_WORD_RE.findall(t)) > 6 or "\n" in t:
        return
    k = p.end
    while k < len(text) and text[k] in " \t":
        k += 1
    if k == p.end or not text.startswith(t, k) or _in_quotation(text, p.start):
        return
    prev = text[:p.start].rstrip(" \t")
    if prev.endswith(t):
        return  # the second copy of a pair already reported from the first
    yield _Found(p.start, k + len(t), "(a repeated line: delete it)", Severity.MEDIUM, 0.7,
                 f"'{shorten(t, 40)}' printed twice in a row: a page's widget text or a doubled paste", None)


def _stray_line_found(line: str, start: int, end: int) -> Iterator[_Found]:
    """The flag of a stray line in capitals (see ``_stray_caps_line``)."""
    yield _Found(start, end, "(a stray line: delete it)", Severity.MEDIUM,
                 0.7, f"'{line}': a line in capitals between two sentences of a paragraph, an "
                 f"advertisement or a caption carried into the article's text", None)



def _structure(text: str, p: Passage, toks: Sequence[Token], lang: str, skip, story: _StoryText) -> Iterator[_Found]:
    # No space after sentence punctuation: "talks.The", "trade,and".
    for m in _MISSING_SPACE_RE.finditer(p.text):
        a, punct, b = m.group(1), m.group(2), m.group(3)
        s, e = m.start() + p.start, m.end() + p.start
        if any(s >= us and s < ue for us, ue in _url_spans(p)) or is_acronym(a) or len(a) < 2:
            continue
        if punct == "." and not b[0].isupper():
            continue  # a domain or file name, not a sentence boundary
        if punct == ";" and _HTML_ENTITY_RE.match(p.text, m.start() - 1):
            continue  # "&nbsp;at": an entity left in the text, reported whole (``_html_entities``)
        if zipf(a.lower(), lang) < _COMMON - 1 or zipf(b.lower(), lang) < _COMMON - 1:
            continue
        yield _Found(s, e, f"{a}{punct} {b}", Severity.LOW, 0.7, f"no space after '{punct}' in '{m.group()}'")
    for m in _QUOTE_SPACE_RE.finditer(p.text):
        a, mark, b = m.groups()
        s, e = m.start() + p.start, m.end() + p.start
        if any(s >= us and s < ue for us, ue in _url_spans(p)):
            continue
        # A straight mark opens or closes by its rank in the passage: an odd one opens.
        opening = mark == "“" or (mark == '"' and p.text.count('"', 0, m.start(2)) % 2 == 0
                                  and a[-1].isalpha())
        fixed = f"{a} {mark}{b}" if opening else f"{a}{mark} {b}"
        yield _Found(s, e, fixed, Severity.LOW, 0.65, f"no space {'before' if opening else 'after'} the "
                     f"quotation mark in '{m.group()}'", fixed)
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
        if a.text.isalpha() and text[a.end:b.start].strip() == "" and lows[k] not in _LEGIT_DOUBLES and not skip(a) \
                and not _legit_double(toks, lows, k, p.source, story) \
                and not _two_phrases_meet(toks, lows, k, p.source, story):
            # Evidence: the word with the one after it, as the others print the phrase.
            phrase = f"{a.text} {toks[k + 2].text}" if k + 2 < len(toks) else None
            yield _Found(a.start, b.end, a.text, Severity.LOW, 0.7, f"'{a.text}' doubled", phrase or a.text,
                         also_want=None if is_function_word(a.text) else a.text)
    yield from _stutter(text, toks, lows, p.source, skip, story)
    yield from _echoed_tail(text, toks, lows, skip)
    yield from _echo_fragment(text, toks, lows, skip)
    # A reporting verb followed straight by a modal: the subject of the reported clause is lost.
    for k in range(len(toks) - 1):
        if lows[k] not in _REPORTING or lows[k + 1] not in _MODALS:
            continue
        a, b = toks[k], toks[k + 1]
        if text[a.end:b.start].strip() == "":
            if _relative_subject_before(text, toks, lows, k) or _contact_clause(text, toks, lows, k):
                continue  # "what he said would happen", "which the union says will cost"
            yield _Found(a.start, b.end, f"{a.text} [subject] {b.text}", Severity.LOW, 0.6,
                         f"'{a.text} {b.text}': the subject after '{a.text}' is missing")
    yield from _stranded_article(text, toks, lows, p.source, skip, story)
    if lang == "en":
        yield from _stop_mid_sentence(text, toks, lows, skip)
    # A sentence cut off before its object: "doses a year by." where the others go on.
    for k in range(2, len(toks)):
        if lows[k] in _ENDING_FUNCTION and text[toks[k].end:toks[k].end + 1] in _SENTENCE_STOP \
                and not skip(toks[k]):
            found = _cut_sentence(text, p, toks, lows, k, story)
            if found:
                yield found
    # A sentence that ends on a subordinating conjunction, its clause lost: "they waited while."
    # ("a while", "a long while", "just because" end on the noun or after a modifier and stay).
    for k in range(2, len(toks)):
        if lows[k] in _SUBORDINATORS and text[toks[k].end:toks[k].end + 1] in _SENTENCE_STOP \
                and toks[k].text.islower() and not skip(toks[k]) and _clause_needed(toks, lows, k):
            last = toks[k]
            yield _Found(last.start, last.end, f"{last.text} …", Severity.LOW, 0.55,
                         f"the sentence breaks off after '{last.text}'")
    # A relative clause without its verb: "who 47 years old" (who is 47 years old).
    for k in range(len(toks) - 3):
        if lows[k] in _RELATIVE_SUBJECTS and _is_number(toks[k + 1].text) and lows[k + 3] in _DIMENSIONS \
                and toks[k + 2].text.isalpha() and all(text[toks[j].end:toks[j + 1].start] == " " for j in range(k, k + 3)):
            a, b = toks[k], toks[k + 3]
            shown = text[a.start:b.end]
            yield _Found(a.start, b.end, f"{a.text} is {text[toks[k + 1].start:b.end]}", Severity.LOW, 0.6,
                         f"'{shown}': the verb after '{a.text}' is missing")
    # A sentence that stops on a function word, with no closing punctuation.
    stripped = p.text.rstrip()
    if toks and stripped and stripped[-1] not in _TERMINAL and toks[-1].text.lower() in _ENDING_FUNCTION \
            and (len(toks) >= 4 or _mid_paragraph(text, p)) and not _may_end_on(text, toks, lows, len(toks) - 1) \
            and not _list_item_link(text, toks):
        last = toks[-1]
        yield _Found(last.start, last.end, f"{last.text} …", Severity.LOW, 0.55,
                     f"the sentence breaks off after '{last.text}'")


# Conjunctions that open a subordinate clause and cannot end a sentence as such ("while" and
# "because" can as a noun or an answer: "a while", "just because").
_SUBORDINATORS = frozenset("while whereas although unless because".split())


def _clause_needed(toks: Sequence[Token], lows: Sequence[str], k: int) -> bool:
    """Whether the conjunction at ``k`` stands after a verb or a noun, where it can only open a
    clause ("the jury reviewed while."); after an article, a determiner or a modifier ("for a
    while", "a long while", "just because") it is a noun or an answer and may end the sentence."""
    prev = lows[k - 1]
    if not prev.isalpha() or is_function_word(prev):
        return False
    shares = pos_shares(prev)
    return bool(shares) and shares.get("adj", 0.0) + shares.get("adv", 0.0) < 0.5


def _mid_paragraph(text: str, p: Passage) -> bool:
    """Whether the passage follows a finished sentence on its own line ("... fell by a third.
    Admissions to"): a short run of words there is a sentence that broke off, not a heading or a
    credit line, which stand on lines of their own."""
    before = text[text.rfind("\n", 0, p.start) + 1:p.start].rstrip()
    return before[-1:] in _SENTENCE_STOP


def _list_item_link(text: str, toks: Sequence[Token]) -> bool:
    """Whether the passage ends as an item of a list that goes on: "...; and" or "..., or" (the
    conjunction after the item's own punctuation links it to the next item)."""
    last = toks[-1]
    return last.text.lower() in ("and", "or") and len(toks) >= 2 \
        and text[toks[-2].end:last.start].strip() in (";", ",")


# Words English never prints right after an article, as they cannot stand inside a noun phrase:
# prepositions with no adjective or noun use, conjunctions, determiners, possessives and finite
# auxiliaries with no noun sense ("will", "can", "must" are nouns too; "in", "up", "off", "over"
# modify a noun: "the in crowd"). Grammar classes of the language, not words of any story.
_NEVER_AFTER_ARTICLE = frozenset(
    "of to from with into onto upon among amid during via until since against without toward towards "
    "for by at and or but if because although though unless whereas than a an the every each this "
    "these those my your his its our their some any is are was were has have had would should could "
    "shall".split())


def _stranded_article(text: str, toks: Sequence[Token], lows: Sequence[str], source: str, skip,
                      story: "_StoryText") -> Iterator[_Found]:
    """An article followed straight by a word that cannot follow one ("the council of the of
    Elmbridge", "send the bill to the every month"): the noun the article belonged to was lost, or the
    article strayed in. Both words in lower case after one space, the second no part of a
    hyphenated or apostrophed word ("the by-election"), and no other source printing the pair.
    A doubled article ("the the") is the doubled-word test's. The repair drops the article."""
    for k in range(len(toks) - 1):
        if lows[k] not in _ARTICLES or lows[k + 1] not in _NEVER_AFTER_ARTICLE or lows[k] == lows[k + 1]:
            continue
        a, b = toks[k], toks[k + 1]
        if not (a.text.islower() or _opens_sentence(text, a.start)):
            continue  # "Cove An and": a capitalised "An" inside a sentence is a name's word
        if text[a.end:b.start] != " " or not b.text.islower() or not b.text.isalpha() or skip(a) \
                or text[b.end:b.end + 1] in ("-", "'", "’"):
            continue
        if story.phrase((lows[k], lows[k + 1]), source, 1):
            continue
        yield _Found(a.start, b.end, b.text, Severity.LOW, 0.6,
                     f"'{a.text} {b.text}': a word is missing after '{a.text}'")


def _stop_mid_sentence(text: str, toks: Sequence[Token], lows: Sequence[str], skip) -> Iterator[_Found]:
    """A full stop with the sentence going on after it in lower case ("the last gondola. when the
    storm", "stopped at noon. it said"): English opens every sentence with a capital, so the stop
    is a stray and the sentence's halves belong together. The word before the stop is a lower-case
    word of four letters or more that the dictionary lists as it stands (an abbreviation's stop,
    "approx. two", "incl. the", is no sentence's end), the word after a lower-case word. Also
    "the" followed by a comma or a colon ("engineers checked the, so"): an article needs its noun.
    Inside a quotation a word lost at a sentence's start is the quote check's (it shows the
    others' verbatim words), so a stop there is left to it."""
    for k in range(len(toks) - 1):
        a, b = toks[k], toks[k + 1]
        gap = text[a.end:b.start]
        if gap == ". " and len(a.text) >= 4 and a.text.isalpha() and a.text.islower() and listed_word(a.text) \
                and b.text.isalpha() and b.text.islower() and not skip(a) and not _in_quotation(text, a.end):
            fixed = f"{a.text} {b.text}"
            yield _Found(a.start, b.end, fixed, Severity.LOW, 0.6,
                         f"'{text[a.start:b.end]}': a full stop inside a sentence that goes on in lower case", fixed)
    for k in range(len(toks)):
        t = toks[k]
        if t.text == "the" and text[t.end:t.end + 1] in (",", ";", ":") and k > 0 and not skip(t):
            yield _Found(t.start, t.end + 1, "the …", Severity.LOW, 0.55,
                         f"'{text[t.start:t.end + 1]}': an article with no noun after it")


def _in_quotation(text: str, at: int) -> bool:
    """Whether offset ``at`` of ``text`` lies inside quotation marks opened on its line."""
    line = text.rfind("\n", 0, at) + 1
    return in_regions(quoted_regions(text[line:at + 1]), at - line)


_SUBJECT_PRONOUNS = frozenset("he she they we i you it".split())


def _contact_clause(text: str, toks: Sequence[Token], lows: Sequence[str], k: int) -> bool:
    """Whether the reporting verb at ``k`` ends a relative clause without its pronoun right after
    a noun ("a ferry line officials said would cut", "a plan she says will work"): a lower-case noun,
    then the verb's subject (a pronoun or a plural noun), each one space apart. The subject of the
    reported clause is the noun, which English lets stand without "that"."""
    if k < 2 or any(text[toks[j].end:toks[j + 1].start] != " " for j in (k - 2, k - 1)):
        return False
    noun, subject = toks[k - 2].text, toks[k - 1].text
    if not (noun.isalpha() and noun.islower()) or is_function_word(noun) \
            or pos_shares(noun).get("noun", 0.0) < 0.5:
        return False
    if lows[k - 1] in _SUBJECT_PRONOUNS:
        return True
    return subject.isalpha() and subject.islower() and subject.endswith("s") \
        and pos_shares(subject).get("noun", 0.0) >= 0.5


_RELATIVE_REACH = 8  # words back within one clause where a relative pronoun may stand


def _relative_subject_before(text: str, toks: Sequence[Token], lows: Sequence[str], k: int) -> bool:
    """Whether a relative pronoun stands before the reporting verb at ``k`` within the same clause
    (no punctuation between), up to ``_RELATIVE_REACH`` words back: it is the subject of the
    reported clause ("the levy, which the hoteliers' group says will cost", "what he said would
    happen"), so no subject is missing."""
    for j in range(k - 1, max(-1, k - 1 - _RELATIVE_REACH), -1):
        if lows[j] in _RELATIVE:
            return True
        if text[toks[j].end:toks[j + 1].start].strip(" '’") != "":
            return False
    return False


# Second copies that open an adverbial of quantity or manner ("valued at at least", "priced at
# at most"): English grammar lets a preposition govern them, so the doubled word is right.
_QUANTIFIER_IDIOMS = frozenset(
    ("at", w) for w in "least most best worst all once first last".split())


def _legit_double(toks: Sequence[Token], lows: Sequence[str], k: int, source: str, story: "_StoryText") -> bool:
    """Whether the doubled word at ``k``, ``k + 1`` is right: the second copy opens an adverbial
    ("estimated at at least 800"), and no other source prints the phrase with one copy removed
    (which would show the copy is a slip after all)."""
    if k + 2 >= len(toks) or (lows[k + 1], lows[k + 2]) not in _QUANTIFIER_IDIOMS:
        return False
    if k > 0 and story.phrase((_key(toks[k - 1].text), lows[k], lows[k + 2]), source, 1):
        return False
    return True


def _two_phrases_meet(toks: Sequence[Token], lows: Sequence[str], k: int, source: str, story: "_StoryText") -> bool:
    """Whether the capitalised word doubled at ``k``, ``k + 1`` ends one phrase and opens the next
    ("the Health Mission Mission Director": a name, then a title that starts with the same word):
    other sources print the word before with the first copy and the second copy with the word
    after, and none prints the three words with one copy removed (which would make it a slip:
    "New York York Times" where the others print "New York Times"). Function words never qualify."""
    w = toks[k].text
    if not w[:1].isupper() or is_function_word(w) or k == 0 or k + 2 >= len(toks):
        return False
    before, after = lows[k - 1], lows[k + 2]
    if not (toks[k - 1].text.isalpha() and toks[k + 2].text.isalpha()):
        return False
    key = _key(w)
    return bool(story.phrase((before, key), source, 1)) and bool(story.phrase((key, after), source, 1)) \
        and not story.phrase((before, key, after), source, 1)


# Superlatives and quantifiers that English repeats around "of" on purpose ("the best of the best").
_EMPHATIC_REPEATS = frozenset("best worst most least finest greatest first last".split())
_STUTTER_LINKS = frozenset("of".split())


def _stutter(text: str, toks: Sequence[Token], lows: Sequence[str], source: str, skip,
             story: "_StoryText") -> Iterator[_Found]:
    """A phrase of two to five words printed twice in a row, directly or linked by "of" ("the
    dining hall of the dining hall", "the new bridge the new bridge"): a machine translation
    rendering one phrase twice. The phrase ends on a word that is no function word ("door to door to"
    is an idiom and its tail) and no superlative ("the best of the best" is English), and no other
    source prints the doubled form.
    The span covers both copies; the repair is the phrase once."""
    n_toks = len(toks)
    k = 0
    while k < n_toks:
        hit = None
        for n in range(5, 1, -1):
            if k + 2 * n > n_toks:
                continue
            first = lows[k:k + n]
            if is_function_word(first[-1]) or not first[-1].isalpha() or first[-1] in _EMPHATIC_REPEATS:
                continue
            for link in (0, 1):
                j = k + n + link
                if j + n > n_toks or (link and lows[k + n] not in _STUTTER_LINKS):
                    continue
                if lows[j:j + n] != first:
                    continue
                span = toks[k:j + n]
                if any(text[x.end:y.start] != " " for x, y in zip(span, span[1:])) or skip(toks[k]):
                    continue
                if story.phrase(tuple(_key(t.text) for t in span), source, 1):
                    continue
                hit = (n, j)
                break
            if hit:
                break
        if hit is None:
            k += 1
            continue
        n, j = hit
        a, b = toks[k], toks[j + n - 1]
        once = text[a.start:toks[k + n - 1].end]
        yield _Found(a.start, b.end, once, Severity.LOW, 0.65,
                     f"'{text[a.start:b.end]}': the phrase '{once}' printed twice", once)
        k = j + n


# How far back (in words, within one sentence) the earlier copy of an echoed tail may start, and
# how many words a fragment echoing the sentence before it may have.
_ECHO_REACH = 12
_ECHO_FRAGMENT = 6
_CLAUSE_END_RE = re.compile(r"[.!?]+[\"”’')\]]*(?=\s|$)")


def _sentence_ends_after(text: str, at: int) -> bool:
    """Whether a sentence ends at offset ``at``: a full stop, a question or an exclamation mark
    follows (then a space, a line end or the end of the text), or the line itself ends there."""
    rest = text[at:at + 4]
    if rest == "" or rest[0] == "\n":
        return True
    m = _CLAUSE_END_RE.match(text, at)
    if m is None:
        return False
    # "No. 97", "approx. two": a stop before a figure or a lower-case word is an abbreviation's.
    after = text[m.end():m.end() + 3].lstrip(" \t")
    return not after[:1].isdigit() and not after[:1].islower()


_ECHO_BREAKS = frozenset(".,;:!?()[]\"“”«»—–")
_COORDINATORS = frozenset("and or but nor".split())


def _echo_word(word: str) -> bool:
    """A word whose repetition says something: no function word, three letters or more."""
    return len(word) >= 3 and not is_function_word(word) and any(c.isalpha() for c in word)


def _echoed_tail(text: str, toks: Sequence[Token], lows: Sequence[str], skip) -> Iterator[_Found]:
    """A sentence whose last one or two words repeat words it printed a few words before ("the
    price barely covers costs covers.", "it has gone better than expected better than", "according
    to the union according."): a machine translation that, at the end of a sentence, emits again a
    word it already rendered before it stops. The earlier copy lies in the same sentence, at most
    ``_ECHO_REACH`` words back, with words between the two; one function word alone between them is
    English's own repetition ("step by step", "again and again", "door to door"), and punctuation or
    a coordinating conjunction between them sets two clauses side by side ("did not grow overnight
    and will not shrink overnight"). The repeated words are lower case (a name or a proper
    adjective may recur), include one that is no function word, and do not end on a noun (English
    repeats a noun to compare: "below the ceiling price", "$55 million and $70 million"); the place
    is no quotation (the quote check compares speech). The repair drops the second copy."""
    for k in range(1, len(toks)):
        if skip(toks[k]) or _in_quotation(text, toks[k].start):
            continue
        if not _sentence_ends_after(text, toks[k].end) and not (
                text[toks[k].end:toks[k].end + 1] == "," and is_function_word(lows[k])):
            continue  # a clause may end at a comma too, but not on a function word ("better than,")
        for n in (2, 1):
            first = k - n + 1
            if first < 1:
                continue
            tail = tuple(lows[first:k + 1])
            if not any(_echo_word(w) for w in tail) or not all(w.isalpha() for w in tail) \
                    or not toks[first - 1].text[:1].isalpha():
                continue
            shares = pos_shares(tail[-1])
            if not is_function_word(tail[-1]) and (not shares or shares.get("noun", 0.0) >= 0.5):
                # A noun ending the sentence is the head of a phrase of its own ("9% below the
                # ceiling price", "$55 million and $70 million"): English repeats a noun to compare.
                # A word WordNet does not know is taken for a noun (a name, a loan word).
                continue
            if any(text[a.end:b.start] != " " for a, b in zip(toks[first:k], toks[first + 1:k + 1])):
                continue
            if toks[first].text != lows[first] or any(c.isdigit() for c in toks[first - 1].text):
                continue  # a name or a proper adjective ("honey that was not French"); an amount's unit ("$70 million")
            hit = None
            for j in range(first - 2, max(-1, first - 1 - _ECHO_REACH), -1):
                if any(c in _ECHO_BREAKS for c in text[toks[j].end:toks[j + 1].start]) or lows[j + 1] in _COORDINATORS:
                    # Punctuation or a coordinating conjunction between the copies: two clauses or
                    # phrases set side by side ("did not grow overnight and will not shrink
                    # overnight", "21 gave yes vote and 10 gave no vote", '"...," he said').
                    break
                if j - n + 1 < 0 or tuple(lows[j - n + 1:j + 1]) != tail or toks[j].text != lows[j]:
                    continue
                gap = lows[j + 1:first]
                if len(gap) == 1 and is_function_word(gap[0]):
                    continue  # "step by step", "more and more"
                hit = j
                break
            if hit is None:
                continue
            a, b = toks[first], toks[k]
            shown = text[a.start:b.end]
            yield _Found(a.start, b.end, "(the repeated words dropped)", Severity.LOW, 0.6,
                         f"'{shown}' repeats words the sentence printed just before", None)
            break


_LAST_WORD_BEFORE_RE = re.compile(r"([^\W\d_]+)[.!?][\"”’')\]]*\s+$")


def _sentence_before(text: str, at: int) -> str:
    """The sentence that ends right before offset ``at`` on the same paragraph (no blank line
    between), as printed."""
    para = max(text.rfind("\n\n", 0, at), -1) + 1
    chunk = text[para:at].rstrip()
    ends = [m.end() for m in _CLAUSE_END_RE.finditer(chunk) if m.end() < len(chunk)]
    return chunk[ends[-1]:] if ends else chunk


def _echo_fragment(text: str, toks: Sequence[Token], lows: Sequence[str], skip) -> Iterator[_Found]:
    """A fragment of a few words after a finished sentence, made of that sentence's own words
    ("...worried about cash flow. Flow cash.", "...has showed the general director Ioana
    Bălănescu. director general", "...had stopped shipping the HW-1500 in October. shipping the
    HW-1500 stopped"): a machine translation that rendered the end of a sentence a second time, in
    the source language's word order, or a copy that left an edited phrase behind. It ends where a
    sentence or the line ends, has at most ``_ECHO_FRAGMENT`` words, and every word of it that is no
    function word is a word of the sentence before (at most one function word may be new): it says
    nothing the sentence did not. A lone word is such a fragment only when it repeats one of the
    last three words of the sentence and ends the line. Quotations are left to the quote check.
    The repair deletes the fragment."""
    k = 0
    while k < len(toks):
        t = toks[k]
        before = text[max(0, t.start - 6):t.start]
        starts = re.search(r"[.!?][\"”’')\]]*(?: |\n)$", before) is not None and "\n\n" not in before
        if not starts or skip(t) or _in_quotation(text, t.start):
            k += 1
            continue
        last = _LAST_WORD_BEFORE_RE.search(text, max(0, t.start - 40), t.start)
        if last and t.text.islower() and t.text.isalpha() and last.group(1).lower() == lows[k] and _echo_word(lows[k]):
            # "drinks the water of the tank.⏎tank because": the last word again after the stop, the
            # sentence going on in lower case: one word printed twice across a stray stop.
            yield _Found(last.start(1), t.end, t.text, Severity.LOW, 0.6,
                         f"'{t.text}' printed twice across a full stop", None)
            k += 1
            continue
        end = k
        while end < len(toks) and end - k < _ECHO_FRAGMENT and not _sentence_ends_after(text, toks[end].end):
            end += 1
        if end >= len(toks) or end - k >= _ECHO_FRAGMENT:
            k += 1
            continue
        frag = toks[k:end + 1]
        if any(re.search(r"[.!?]\s", text[a.end:b.start]) or "\n" in text[a.end:b.start] for a, b in zip(frag, frag[1:])):
            k += 1
            continue
        prior = [_key(m.group()) for m in WORD_RE.finditer(_sentence_before(text, t.start))]
        words = [_key(x.text) for x in frag]
        content = [w for w in words if _echo_word(w)]
        new = [w for w in words if w not in prior]
        line_ends = text[frag[-1].end:frag[-1].end + 1] in ("", "\n")
        ok = bool(content) and len(prior) > len(words) and not any(_echo_word(w) for w in new) and len(new) <= 1
        if ok and len(words) == 1:
            ok = line_ends and words[0] in prior[-3:] and frag[0].text.islower()
        if ok and not text[frag[0].start:frag[-1].end].isupper():
            shown = text[frag[0].start:frag[-1].end]
            yield _Found(frag[0].start, frag[-1].end, "(a stray fragment: delete it)", Severity.LOW, 0.6,
                         f"'{shown}' repeats words of the sentence before it and says nothing of its own", None)
            k = end + 1
            continue
        k += 1


_EDGE_PUNCT = "\"'“”‘’«»()[]{},.;:!?"


def _encoding_damage(p: Passage, story: "_StoryText", vocab: "_StoryVocab") -> Iterator[_Found]:
    """Words whose letters were mangled by a wrong decoding, as ``lexicon.mis_decoded_words``
    finds them (the one answer every check uses). A run of such words ("BÃ¹i VÄƒn Táº£o") is one
    flag whose repair is the UTF-8 reading. A word holding the replacement character U+FFFD is
    repaired with the word another source prints with one or two letters in its place
    ("Torrel\ufffdn" -> "Torrelín"), else left with the mark shown."""
    out: list[tuple[int, int, str]] = []
    for s, e, fixed in mis_decoded_words(story.ctx.sources[p.source].text, p.start, p.end):
        if fixed is None:
            fixed = _replacement_repair(p.text[s - p.start:e - p.start], p.source, vocab)
        out.append((s, e, fixed))
    # Adjacent damaged words separated by single spaces are one name or phrase.
    merged: list[tuple[int, int, str]] = []
    for s, e, fixed in out:
        if merged and p.text[merged[-1][1] - p.start:s - p.start] == " ":
            ps, _, pf = merged[-1]
            merged[-1] = (ps, e, f"{pf} {fixed}")
        else:
            merged.append((s, e, fixed))
    for s, e, fixed in merged:
        shown = p.text[s - p.start:e - p.start]
        yield _Found(s, e, fixed, Severity.MEDIUM, 0.85,
                     f"'{shown}': letters garbled by a wrong character encoding: '{fixed}'", fixed)


def _replacement_repair(chunk: str, source: str, vocab: "_StoryVocab") -> str:
    """The word another source prints where ``chunk`` has U+FFFD marks (each mark standing for one
    or two letters), the most widely used if several fit; ``chunk`` itself when none does."""
    key = (chunk, source)
    if key in vocab.fffd_repairs:
        return vocab.fffd_repairs[key]
    vocab.fffd_repairs[key] = repaired = _replacement_search(chunk, source, vocab)
    return repaired


def _replacement_search(chunk: str, source: str, vocab: "_StoryVocab") -> str:
    # One pass over the story's vocabulary per damaged word and source (memoised by the caller).
    pieces = [re.escape(x.lower()) for x in chunk.split("\ufffd")]
    pattern = re.compile(r"[^\W\d_]{1,2}".join(pieces))
    best = None
    for word, users in vocab.word_sources.items():
        if len(word) < len(chunk) - 1 or not _others_in(users, source) or not pattern.fullmatch(word):
            continue
        if best is None or (len(users), word) > best[0]:
            best = ((len(users), word), word)
    if best is None:
        return chunk
    word = best[1]
    return word[:1].upper() + word[1:] if chunk[:1].isupper() else word


# A word broken at a line end and joined back with the hyphen kept ("envi- ronment",
# "docu-\nment"): what is left of a typesetter's or an OCR engine's hyphenation.
_LINE_HYPHEN_RE = re.compile(r"\b([^\W\d_]{2,})-([ \t]*\n?[ \t]*)([^\W\d_]{2,})\b")


_TRAILING_HYPHEN_RE = re.compile(r"([^\W\d_]{2,})-\s*$")
_LEADING_FRAGMENT_RE = re.compile(r"\s+([^\W\d_]{2,})\b")


def _wrapped_hyphenations(text: str, p: Passage) -> Iterator[tuple[int, int]]:
    """The spans of the words hyphenated at a line end in passage ``p`` of a page wrapped at a fixed
    width (``Source.wrapped``): inside the passage, or its first or last fragment where the passage
    begins or ends at such a break."""
    if "-" not in text[max(p.start - 2, 0):p.end]:
        return
    for m in _LINE_HYPHEN_RE.finditer(p.text):
        if "\n" in m.group(2):
            yield p.start + m.start(), p.start + m.end()
    tail = _TRAILING_HYPHEN_RE.search(p.text)
    if tail:
        yield p.start + tail.start(), p.end
    before = text[:p.start].rstrip(" \t")
    if before.endswith("-\n") or (before.endswith("\n") and before[:-1].rstrip(" \t").endswith("-")):
        head = _LEADING_FRAGMENT_RE.match(" " + p.text)
        if head and head.group(1).islower():
            yield p.start, p.start + len(head.group(1))


def _line_break_hyphen(text: str, p: Passage, lang: str, vocab: "_StoryVocab", *,
                       wrapped: bool) -> Iterator[_Found]:
    """"docu- ment": a hyphen followed by a space or line break inside a word, reported when the
    two halves joined make a word of the language or a word another source prints, and the joined
    word is more common than the second half alone. A suspended hyphen ("pre- and post-war",
    "short- to medium-term") is followed by a conjunction or preposition, never by a fragment."""
    places = [(p.start + m.start(), p.start + m.end(), m.group(1), m.group(2), m.group(3))
              for m in _LINE_HYPHEN_RE.finditer(p.text)]
    # The break can end the passage when the segmenter cut at the line end: the rest of the word
    # opens the source's next line.
    tail = _TRAILING_HYPHEN_RE.search(p.text)
    if tail:
        nxt = _LEADING_FRAGMENT_RE.match(text, p.start + tail.end(1) + 1)
        if nxt:
            places.append((p.start + tail.start(), nxt.end(), tail.group(1), nxt.group()[:-len(nxt.group(1))],
                           nxt.group(1)))
    # A page wrapped at a fixed width (``wrapped``) hyphenates words at its line ends as print
    # does: that is its layout. A hyphen and a line break inside a word of running text is damage
    # only where the lines are the writer's paragraphs (a line break left in a word when a page was
    # reflowed).
    for s, e, a, gap, b in places:
        if not gap or not b.islower() or is_function_word(b) or (wrapped and "\n" in gap):
            continue
        joined = a + b
        low = joined.lower()
        zj = zipf(low, lang)
        printed = _others_in(vocab.word_sources.get(low), p.source)
        # A dictionary word more common than its second half ("bar- ley": barley) is meant whole
        # even when it is not an everyday word.
        listed = zj >= _RARE and zj > zipf(b.lower(), lang) and is_ordinary_word(low, lang)
        if not (printed or zj >= _COMMON or listed):
            continue
        yield _Found(s, e, joined, Severity.LOW, 0.75 if printed else 0.65,
                     f"'{a}- {b}': a word broken by a line-end hyphen: '{joined}'", joined)


# Letters a scanner's character recognition confuses, as (printed, meant): "rn" read for "m",
# "1" for "l", "0" for "o" and the like.
_OCR_CONFUSIONS = (("rn", "m"), ("m", "rn"), ("cl", "d"), ("vv", "w"), ("li", "h"), ("1", "l"),
                   ("1", "i"), ("0", "o"), ("5", "s"), ("l", "i"), ("i", "l"))
# A word of letters with one or two look-alike digits inside or opening it ("Ka1ayaan", "1ake",
# "un5table"); codes and numbers with letters ("G7", "COVID-19", "5G", "4x4") have other shapes or
# no reading as a word.
_OCR_DIGIT_RE = re.compile(r"[^\W\d_]*[015](?:[^\W\d_]|[015](?=[^\W\d_]))*[^\W\d_]")
# Look-alike digits closing a lower-case word ("wi11", "a1so" is the pattern above): two lower-case
# letters or more before them; codes end in digits too but are capitalised ("A11", "G20").
_OCR_DIGIT_END_RE = re.compile(r"[a-z]{2,}[a-z015]*[015]")


_DIGITS_AS_L = str.maketrans("105", "los")
_DIGITS_AS_I = str.maketrans("105", "ios")


# Look-alike letters in the shortest words: "b" read for "h", "c" for "e" ("tbe", "thc").
_SHORT_OCR_CONFUSIONS = (("b", "h"), ("c", "e"), ("1", "l"), ("l", "i"), ("i", "l"))


def _short_ocr_confusion(t: Token, lang: str) -> _Found | None:
    """A three-letter scanned word that is no dictionary word ("tbe", "thc") where undoing one
    confusion of look-alike letters gives one of the language's most frequent words (zipf 6 or
    more: "the", "she", "and"); so frequent a word is the only likely reading of so short a one."""
    low = t.text
    best = None
    for bad, good in _SHORT_OCR_CONFUSIONS:
        k = low.find(bad)
        while k >= 0:
            cand = low[:k] + good + low[k + 1:]
            zc = zipf(cand, lang)
            if zc >= 6.0 and (best is None or zc > best[0]):
                best = (zc, cand)
            k = low.find(bad, k + 1)
    if best is None:
        return None
    return _Found(t.start, t.end, best[1], Severity.MEDIUM, 0.7,
                  f"'{low}' looks like a scanning error for '{best[1]}' (look-alike letters)", best[1])


def _ocr_confusion(t: Token, lang: str, vocab: "_StoryVocab", source: str) -> _Found | None:
    """A word damaged by character recognition ("dornestic", "Kandi1li"): undoing one confusion
    of look-alike letters gives a word another source prints, or (for a lower-case word that is no
    word at all) a common word of the language."""
    w = t.text
    low = w.lower()
    if len(low) == 3 and w.islower() and not is_ordinary_word(low, lang) and zipf(low, lang) < _COMMON \
            and not vocab.used_by_others(low, source):
        return _short_ocr_confusion(t, lang)
    if len(low) < 4 or vocab.used_by_others(low, source):
        return None
    digit = any(c.isdigit() for c in w)
    if digit and not ((_OCR_DIGIT_RE.fullmatch(w) and sum(c.isalpha() for c in w) >= 3)
                      or _OCR_DIGIT_END_RE.fullmatch(w)):
        return None  # "G7", "COVID-19", "4x4": numbers belong there
    if not digit and zipf(low, lang) > 0:
        return None
    best = None
    if digit:
        # Every look-alike digit read back at once ("wi11" -> "will"), as well as one at a time.
        for table in (_DIGITS_AS_L, _DIGITS_AS_I):
            cand = low.translate(table)
            if cand.isalpha() and (_others_in(vocab.word_sources.get(cand), source)
                                   or (w.islower() and zipf(cand, lang) >= _COMMON)):
                score = (_others_in(vocab.word_sources.get(cand), source), zipf(cand, lang), cand)
                if best is None or score > best[0]:
                    best = (score, cand)
    for bad, good in _OCR_CONFUSIONS:
        start = low.find(bad)
        while start >= 0:
            cand = low[:start] + good + low[start + len(bad):]
            printed = _others_in(vocab.word_sources.get(cand), source)
            zc = zipf(cand, lang)
            if printed or (w.islower() and zc >= _COMMON):
                score = (printed, zc, cand)
                if best is None or score > best[0]:
                    best = (score, cand)
            start = low.find(bad, start + 1)
    if best is None:
        return None
    cand = best[1]
    repaired = cand[:1].upper() + cand[1:] if w[:1].isupper() else cand
    return _Found(t.start, t.end, repaired, Severity.MEDIUM, 0.75,
                  f"'{w}' looks like a scanning error for '{repaired}' (look-alike letters)", repaired)


# The endings of the Latin of a species' second name (its epithet): "-us", "-um", "-a", "-is",
# "-ae", "-i" and their longer forms ("-ensis", "-icus" end so too).
_EPITHET_RE = re.compile(r"[a-z]{3,}(?:us|um|a|is|ae|i)")


def _species_epithet(text: str, toks: Sequence[Token], i: int, lang: str) -> bool:
    """Whether lower-case token ``i`` is the second word of a scientific name: a Latin-looking word
    (``_EPITHET_RE``) right after a capitalised word, one space between, that is no everyday word of
    the language (the genus: "Aedes aegypti", "Anopheles gambiae"). Writers cite a species so in
    any language; it is never left untranslated."""
    if i == 0 or not _EPITHET_RE.fullmatch(toks[i].text) or text[toks[i - 1].end:toks[i].start] != " ":
        return False
    genus = toks[i - 1].text
    return genus.isalpha() and genus[:1].isupper() and genus[1:].islower() and zipf(genus.lower(), lang) < _COMMON \
        and not is_function_word(genus.lower())


def _name_word(text: str, t: Token) -> bool:
    """Whether token ``t`` is a word of a name as printed inside a sentence: capitalised, the rest
    in lower case (parts of a hyphenated name each so: "Vale-Rhos"), no function word, no
    possessive, and not the word that opens the sentence."""
    w = t.text
    return all(x[:1].isupper() and x[1:].islower() and x.isalpha() for x in w.split("-")) \
        and not is_function_word(w.lower()) and not sentence_initial(text, t.start)


def _beside_a_name(text: str, toks: Sequence[Token], i: int) -> bool:
    """Whether lower-case token ``i`` stands beside a name as its title or its kind: right before
    a person's name of two capitalised words ("said starosta Jan Kowal", a particle of three
    letters at most such as "de" or "van" may stand between them), or right after a name
    capitalised inside the sentence ("the Hordaland fylke", "Vale-Rhos comarcas"), one space
    between. English sets a title before a name and the kind of a place after it without an
    article ("councillor Jane Roe", "Kandahar province"); there a translator keeps the local word
    on purpose, and the name beside it tells the reader what it is. A word left by accident
    stands anywhere in the sentence."""
    def spaced(a: int, b: int) -> bool:
        return 0 <= a and b < len(toks) and text[toks[a].end:toks[b].start] == " "

    w = toks[i].text.lower()
    if any(all(is_function_word(x) or (len(x) >= 3 and is_ordinary_word(x)) for x in (w[:k], w[k:]))
           for k in range(2, len(w) - 1)):
        return False  # two English words run together ("sitfifth"), no local word

    if spaced(i, i + 1) and spaced(i + 1, i + 2) and _name_word(text, toks[i + 1]):
        nxt = toks[i + 2]
        if nxt.text.islower() and len(nxt.text) <= 3 and spaced(i + 2, i + 3):
            nxt = toks[i + 3]  # "Marta de Souza"
        if _name_word(text, nxt):
            return True
    if spaced(i - 1, i) and _name_word(text, toks[i - 1]):
        return True
    return False


def _shifted_inside(w: str, lang: str, vocab: "_StoryVocab", source: str) -> bool:
    """Whether ``w``, opening in lower case, is a common word (zipf 3.5) with capitals two
    letters or more in ("delAyed", "goverNment"): the shift key pressed mid-word. Brand and unit
    styles capitalise the second letter ("eBay", "iPad", "kWh"); a form another source prints
    the same way is a style too."""
    if not w.isalpha() or not w[:1].islower() or zipf(w.lower(), lang) < _COMMON:
        return False
    if any(c.isupper() for c in w[:2]):
        return False
    return not _others_in(vocab.mixed_forms.get(w), source)


def _inner_capital(t: Token, lang: str, vocab: "_StoryVocab") -> _Found | None:
    """A word opening in lower case with a capital inside, which no word list knows, read as the
    slip it is: a capital I between lower-case letters that reads as an l ("halIway" for
    "hallway": scanners take one for the other), giving a common word; or a common word run into
    a capitalised one ("fromPortland": the space before the capital lost), the capitalised part a
    word of the language or a name the story prints. Brand and prefix styles ("eBay", "iPhone",
    "kWh") have a single letter or no word before the capital."""
    w = t.text
    if not w.isalpha() or not w[:1].islower() or zipf(w.lower(), lang) > 0:
        return None
    inner = [k for k, c in enumerate(w) if c.isupper()]
    if all(w[k] == "I" and 0 < k < len(w) - 1 and w[k - 1].islower() and w[k + 1].islower() for k in inner):
        read = w.replace("I", "l")
        if zipf(read, lang) >= _COMMON:
            return _Found(t.start, t.end, read, Severity.MEDIUM, 0.75,
                          f"'{w}' looks like a scanning error for '{read}' (look-alike letters)", read)
    if len(inner) != 1:
        return None
    k = inner[0]
    left, right = w[:k], w[k:]
    if k < 2 or len(right) < 2 or not right[1:].islower() or zipf(left, lang) < 4.0:
        return None
    if zipf(right.lower(), lang) < _COMMON and not vocab.cap_mid.get(norm_of(right)):
        return None
    return _Found(t.start, t.end, f"{left} {right}", Severity.MEDIUM, 0.7,
                  f"'{w}' looks like words run together: '{left} {right}'", f"{left} {right}")


def _capital_run_together(t: Token, vocab: "_StoryVocab", story: "_StoryText", source: str, *,
                          outlet: str | None = None) -> _Found | None:
    """A capitalised word with one more capital inside, the two parts printed apart elsewhere in
    the story ("GreenvaleHarbour" where the story prints "Greenvale Harbour", "AtRivermouth" for
    "at Rivermouth"): the space before the second capital was lost. No other source prints the
    joined form, it is no word of the source's own ``outlet`` name ("PortNews Daily": a brand),
    and a first part of fewer than four letters must be a function word: name particles
    ("McAllister", "DeLuca", "LaPorte") join their capitals on purpose."""
    w = t.text
    if not w.isalpha() or (outlet and w in outlet.split()):
        return None
    inner = [k for k, c in enumerate(w) if k > 0 and c.isupper()]
    if len(inner) != 1:
        return None
    left, right = w[:inner[0]], w[inner[0]:]
    if len(right) < 2 or not left[1:].islower() or not right[1:].islower():
        return None
    if len(left) < 4 and not is_function_word(left):
        return None
    if _others_in(vocab.word_sources.get(norm_of(w)), source) or _others_in(vocab.mixed_forms.get(w), source):
        return None
    words = (_key(left), _key(right))
    if not story.phrase(words, source, 1) and story.place(words, source) is None:
        return None
    return _Found(t.start, t.end, f"{left} {right}", Severity.MEDIUM, 0.7,
                  f"'{w}' looks like words run together: '{left} {right}'", f"{left} {right}")


_ACRONYM_WORD_RE = re.compile(r"([A-Z]{2,})([a-z]{3,})")


def _acronym_run_together(t: Token, lang: str, vocab: "_StoryVocab", source: str) -> _Found | None:
    """An acronym run into the word after it ("KOSPIindex" for "KOSPI index"): capitals, then a
    lower-case common word, the space between lost. Acronyms take no lower-case word as a part of
    themselves (a plural "s" or "es" is too short to be one), so the joined form is a slip when
    another source prints the acronym on its own and none prints the joined form ("IJssel", a
    Dutch digraph, has no word after its capitals)."""
    m = _ACRONYM_WORD_RE.fullmatch(t.text)
    if m is None:
        return None
    acronym, word = m.groups()
    if zipf(word, lang) < _COMMON or not vocab.used_by_others(norm_of(acronym), source) \
            or _others_in(vocab.word_sources.get(norm_of(t.text)), source):
        return None
    fixed = f"{acronym} {word}"
    return _Found(t.start, t.end, fixed, Severity.MEDIUM, 0.7,
                  f"'{t.text}' looks like an acronym run into the next word: '{fixed}'", fixed)


def _plain_letters(word: str) -> str:
    """``word`` with the letters of Latin alphabets other than English's written as English texts
    write them ("złoty" -> "zloty", "smørrebrød" -> "smorrebrod", "ağa" -> "aga"); a word of
    another script is left as it is."""
    if any(c.isalpha() and not unicodedata.name(c, "").startswith("LATIN") for c in word):
        return word
    return anyascii(word).lower()


def _untranslated(t: Token, lang: str, vocab: "_StoryVocab", source: str) -> _Found | None:
    """A word a machine translation left in the original language ("usw" in an English text): a
    lower-case word hardly known in the text's language, very common in another one (a function
    word or an everyday word of that language, zipf 4.5 or more, 3 more than here; or zipf 4 or
    more for a word this language does not know at all), and printed by no other source (a loan
    word the story shares, "intifada", is the story's vocabulary)."""
    w = t.text
    if not w.isalpha() or not w.islower() or len(w) < 3 or _others_in(vocab.word_sources.get(w), source) \
            or _inflects_story_word(w, vocab):
        return None
    home = zipf(w, lang)
    if home >= 2.0:
        return None
    if home == 0:
        # Wholly unknown in this language (and no dictionary word of it) but an everyday word of
        # another ("ongeveer", Dutch for "about"): the frequency margin below cannot be measured
        # from nothing, so the other language's own frequency decides.
        abroad = foreign_zipfs(w, lang)
        if not abroad or max(abroad.values()) < 4.0 or is_ordinary_word(w, lang):
            return None
    else:
        # The margin to the contrast languages, or to any language a story is translated from
        # ("rynek", Polish for market, is rare in English and an everyday word in Polish only).
        abroad = foreign_zipfs(w, lang, 4.5)
        margin = min(foreign_margin(w, lang), home - max(abroad.values(), default=0.0))
        if home - margin < 4.5 or margin > -3.0:
            return None
    return _Found(t.start, t.end, f"[{w}: untranslated]", Severity.LOW, 0.6,
                  f"'{w}' is a common word of another language, left untranslated", None)


def _inflects_story_word(word: str, vocab: "_StoryVocab") -> bool:
    """Whether ``word`` (lower case) is an inflected form of a word the story prints (any source,
    this one included): an English plural of a loan word ("oblasts" where the story writes
    "oblast"), or the base with an ending of one or two letters of which one is a letter English
    does not write (the translated language's own plural or case, "dinarë" where the others print
    "dinar"). Either way the translator kept the story's word and inflected it; no word is
    garbled and nothing was left untranslated that the story does not already use."""
    w = norm_of(word)
    bases = []
    if w.endswith("es") and len(w) >= 6:
        bases.append(w[:-2])
    if w.endswith("s") and len(w) >= 5:
        bases.append(w[:-1])
    for k in (1, 2):
        tail = w[-k:]
        if len(w) - k >= 3 and any(not c.isascii() and c.isalpha() for c in tail):
            bases.append(w[:-k])
    return any(vocab.word_sources.get(b) for b in bases)


# How many content words either side of an unknown word (within its passage) are compared with
# the aligned passages, and how many of them (by stem) one counterpart must share for the place to
# be the same.
_PLACE_WINDOW = 6
_PLACE_SHARED = 3
_HYPHEN_PIECE_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+")


def _closed_compound(word: str, lang: str) -> bool:
    """Whether ``word`` (lower case) is two words of the language closed into one the way English
    forms compounds: a first element English closes compounds on (see ``_COMPOUND_FIRST``) or a
    common content word, then a content word of three letters or more ("overtourism",
    "floodgauge"). A function word glued on ("theconservators") is no compound."""
    for k in range(2, len(word) - 3):
        a, b = word[:k], word[k:]
        # Pieces of four letters or more and common enough: short ones match by chance in the
        # words of other languages ("bandara" is no "band" + "ara").
        if is_function_word(b) or zipf(b, lang) < 3.0:
            continue
        if a in _COMPOUND_FIRST or (len(a) >= 4 and not is_function_word(a) and zipf(a, lang) >= _COMMON):
            return True
    return False


def _names_the_speaker(toks: Sequence[Token], i: int) -> bool:
    """Whether token ``i`` is the head of who speaks: a reporting verb follows it straight ("the
    kreisamt said", "the wojewoda announced"). Translators keep the local names of offices and
    bodies (a regional administration, a governor) rather than translate them, and such a name is
    the usual subject of a report; a word left untranslated by accident stands anywhere."""
    return i + 1 < len(toks) and toks[i + 1].text.lower() in _REPORTING


def _unknown_in_shared_place(t: Token, toks: Sequence[Token], i: int, lang: str, vocab: "_StoryVocab",
                             view: "_View", source: str, story: "_StoryText | None" = None,
                             text: str = "") -> _Found | None:
    """A lower-case word no word list of the language knows (zipf 0, no dictionary word; for a
    hyphenated word, every part: "kura-kura"), printed by no other source anywhere in the story,
    standing where an aligned passage of another source tells the same thing in the language: one
    counterpart shares three or more of the content words around it (by stem), and at least half
    of them. A machine translation that found no rendering left the original word there; the
    others' English is the evidence. A loan word the story uses is printed by other sources too
    ("intifada"), and a local word in a detail only this source gives ("the local tolvik") has no
    counterpart that shares its surroundings, so neither is reported. A misspelling is caught
    earlier by ``_non_word`` (a close word the others print). A passage that did not align is
    compared the same way with the passages of other sources that keep the best company with the
    word (``_StoryText.company``): a translation worded anew tells the same thing there all the
    same, so there two shared words and a quarter of them are enough. A word English builds of
    its own parts ("winter" + "ised", ``english_derivation``) and a word in brackets beside the
    English term (a gloss, ``_in_gloss``) are no leftovers."""
    w = t.text
    if len(w) < 4 or not w.islower() or (not view.counterparts and story is None):
        return None
    parts = w.split("-") if "-" in w else [w]
    if "-" in w and not _HYPHEN_PIECE_RE.fullmatch(w):
        return None
    if any(len(x) < 3 or zipf(x, lang) > 0 or is_ordinary_word(x, lang) for x in parts):
        return None
    if any(_closed_compound(x, lang) for x in parts):
        return None  # "overtourism": English made it of its own words; no other language left it
    if lang == "en" and any(english_derivation(x) or _other_english_spelling(x) for x in parts):
        return None  # "winterised", "snorkellers", "epicentre": English words
    if text and _in_gloss(text, t.start, t.end):
        return None  # "the commercial court (tribunal de commerce)": the original term, given on purpose
    if vocab.word_sources.get(norm_of(w), frozenset()) - {source} or _names_the_speaker(toks, i) \
            or _inflects_story_word(w, vocab):
        return None
    if _spelt_otherwise(w, vocab, source):
        return None
    for k in (i - 1, i + 1):
        # A piece of a word split in two ("consid ered"): the split is the garble, reported whole.
        if 0 <= k < len(toks) and toks[k].text.isalpha():
            joined = toks[k].text + w if k < i else w + toks[k].text
            if zipf(joined.lower(), lang) >= _RARE:
                return None
    around: set[str] = set()
    for side in (range(i - 1, -1, -1), range(i + 1, len(toks))):
        taken = 0
        for k in side:
            x = toks[k].text
            # Another unknown word is no evidence of place: nobody else prints it.
            if len(x) >= 3 and not is_function_word(x.lower()) and zipf(x.lower(), lang) > 0:
                around.add(stem(x, lang))
                taken += 1
                if taken == _PLACE_WINDOW:
                    break
    if len(around) < _PLACE_SHARED:
        return None
    if view.counterparts:
        counterparts = [lows for _, _, lows in view.counterparts]
        if any(w in lows for lows in counterparts):
            return None
        best = max(len(around & {stem(x, lang) for x in lows}) for lows in counterparts)
    else:
        # Every passage of the other sources (a bounded sample, see ``_StoryText.order``), their
        # stems worked out once per run. The word itself is printed by no other source (above).
        best = max((len(around & stems) for s in story.order()[:_STORY_SAMPLE] if s != source
                    for stems in story.stems(s, lang)), default=0)
    if view.counterparts:
        if best < _PLACE_SHARED or best * 2 < len(around):
            return None
    elif best < _PLACE_SHARED - 1 or best * 4 < len(around):
        return None
    return _Found(t.start, t.end, f"[{w}: untranslated]", Severity.LOW, 0.6,
                  f"'{w}' is a word of no list of the language and no other source prints it, where the "
                  f"aligned sources tell the same thing in their own words: left untranslated", None)


# British and American spellings of one word: the lists may hold only one of them.
_SPELLING_PAIRS = (("re", "er"), ("our", "or"), ("ise", "ize"), ("ised", "ized"), ("ising", "izing"),
                   ("yse", "yze"), ("ogue", "og"), ("ence", "ense"))


def _other_english_spelling(word: str) -> bool:
    """Whether ``word`` (lower case) is the British or American spelling of a word the English
    lists know in the other spelling ("hypocentre" beside "hypocenter"; "ae"/"oe" written "e":
    "haemorrhagic" beside "hemorrhagic")."""
    forms = [word[:-len(a)] + b for a, b in _SPELLING_PAIRS if word.endswith(a) and len(word) > len(a) + 2]
    forms += [word[:-len(b)] + a for a, b in _SPELLING_PAIRS if word.endswith(b) and len(word) > len(b) + 2]
    forms += [word.replace(x, "e") for x in ("ae", "oe") if x in word[1:]]
    return any(f != word and zipf(f, "en") > 0 for f in forms)


def _spelt_otherwise(word: str, vocab: "_StoryVocab", source: str) -> bool:
    """Whether another source prints a word one letter from ``word`` (six letters or more), itself
    unknown to the word lists: the story's own term for the thing, transliterated two ways
    ("kayaq" and "qayaq"), which neither source left untranslated by mistake."""
    if len(word) < 6:
        return False
    lang_free = [x for n in (len(word) - 1, len(word), len(word) + 1) for x in vocab.unlisted_of_length(n)
                 if x != word and vocab.word_sources[x] - {source}]
    return bool(lang_free) and closest_word(word, lang_free, 1) is not None


# How far a gloss in brackets may reach either side of its word.
_GLOSS_REACH = 60


def _in_gloss(text: str, start: int, end: int) -> bool:
    """Whether the word at ``start:end`` stands in brackets that close on the same line, within
    ``_GLOSS_REACH`` characters: a writer gives the original term beside the English one ("the
    Paris commercial court (tribunal de commerce)", "(Gadus morhua)"). A machine translation
    that found no rendering leaves the word in the running sentence, not in brackets."""
    left = text.rfind("(", max(0, start - _GLOSS_REACH), start)
    if left < 0 or any(c in text[left + 1:start] for c in ")\n"):
        return False
    right = text.find(")", end, end + _GLOSS_REACH)
    return right >= 0 and not any(c in text[end:right] for c in "(\n")


_BRACKET_GLOSS_RE = re.compile(r"[\"”’']?[ \t]*\(([^()\n]{2,60})\)")


def _glossed_in_brackets(text: str, end: int, lang: str) -> bool:
    """Whether the word ending at ``end`` is followed by its meaning in brackets, in words of the
    language ("the kaymakam (district governor) of the island"): a writer keeps a local title or
    term on purpose and explains it; a machine translation that found no rendering adds no
    explanation. Every word in the brackets is a word of the language (zipf 3 or more), one to
    five of them."""
    m = _BRACKET_GLOSS_RE.match(text, end)
    if m is None:
        return False
    words = _WORD_RE.findall(m.group(1))
    return 1 <= len(words) <= 5 and len(words) == len(m.group(1).split()) \
        and all(zipf(w.lower(), lang) >= 3.0 for w in words)


_MENTION_MARKS = frozenset("\"“”‘’'«»*_")


def _foreign_lettered(t: Token, text: str, vocab: "_StoryVocab", source: str) -> _Found | None:
    """A lower-case word of the Latin script spelt with letters English does not use ("képviselő",
    "hřeben"), unknown to every English word list, printed by no other source and not set
    off by quotation marks or emphasis (a word cited as a word, "the so-called 'skalní
    hřeben'", is meant): a machine translation left it in the original. English keeps its loan
    words' accents only on words its lists know ("café", "façade", "résumé"); names are
    capitalised. Only for English text, whose alphabet has no such letters."""
    w = t.text
    if len(w) < 4 or not w.islower() or not w.replace("-", "").isalpha() \
            or not all(c.isascii() or ord(c) < 0x250 for c in w):
        return None  # other scripts are ``_foreign_script``'s
    if any(zipf(x, "en") > 0 or is_ordinary_word(x, "en") for x in w.split("-")) \
            or vocab.word_sources.get(norm_of(w), frozenset()) - {source} \
            or _inflects_story_word(w, vocab):
        return None
    if text[t.start - 1:t.start] in _MENTION_MARKS or text[t.end:t.end + 1] in _MENTION_MARKS:
        return None
    return _Found(t.start, t.end, f"[{w}: untranslated]", Severity.LOW, 0.6,
                  f"'{w}' is spelt with letters English does not use, and no English word list knows "
                  f"it: left untranslated", None)


def _accented_letter(t: Token, toks: Sequence[Token], i: int) -> _Found | None:
    """A one-letter word with an accent in English text ("à parcel"): English's one-letter words
    ("a", "I") take none, so the letter came from another language's keyboard or text (French
    "à", Spanish "ó"). The French phrase English borrows ("à la carte") keeps it."""
    w = t.text
    plain = unaccented(w)
    if len(w) != 1 or w.isascii() or plain.lower() not in ("a", "i"):
        return None
    if i + 1 < len(toks) and toks[i + 1].text.lower() in ("la", "l"):
        return None
    return _Found(t.start, t.end, plain, Severity.LOW, 0.6,
                  f"'{w}' carries an accent English does not write: '{plain}'", plain)


# Verbs that introduce a name or a term as a name ("the island once called Halmsey", "millet, known
# as hollowgrain"): the word after them is cited, the writer's vocabulary by definition. "so-called" is
# no such verb: it is one word, and it marks a term a translation may well have left untranslated.
_NAMING_VERBS = frozenset("called dubbed nicknamed termed".split())


def _kept_term(text: str, word: str) -> bool:
    """Whether the source prints ``word`` (as printed, a whole word) twice or more: a term of the
    original language a writer or translator keeps on purpose ("the conseller of Agriculture",
    "burning parali") becomes the article's word for the thing and recurs wherever the thing does,
    while a word a translation failed on is a slip of one sentence, which the next sentence, worded
    anew, renders in the language. (None of the 99 single-word garbles the development stories
    expect recurs in its source; a third of the untranslated-word flags on legitimate text do.)"""
    pattern = rf"(?<![^\W\d_]){re.escape(word)}(?![^\W\d_])"
    # A headline repeats the body's words and is no second use of them.
    def headline(at: int) -> bool:
        start, end = text.rfind("\n", 0, at) + 1, text.find("\n", at)
        return in_title_line(text, at) or looks_like_headline(text[start:end if end >= 0 else len(text)].strip())

    return sum(not headline(m.start()) for m in re.finditer(pattern, text)) >= 2


def _named_by_the_text(text: str, toks: Sequence[Token], i: int) -> bool:
    """Whether token ``i`` is the word a naming verb introduces: it follows "called", "dubbed",
    "nicknamed", "termed" or "known as" with nothing but a space between. Such a word (an exonym,
    a local name, a loan word) is neither an odd capital nor a run-together nor untranslated."""
    if i < 1 or text[toks[i - 1].end:toks[i].start] != " ":
        return False
    prev = toks[i - 1].text.lower()
    if prev in _NAMING_VERBS:
        # "so called" spelt open is the same marker as "so-called".
        return not (prev == "called" and i >= 2 and toks[i - 2].text.lower() == "so")
    if prev != "as":
        return False
    # "known as", and with the language or place between: "known locally as", "known in the
    # north as", within one clause.
    for j in range(i - 2, max(-1, i - 8), -1):
        if re.search(r"[^\w\s]", text[toks[j].end:toks[j + 1].start]):
            return False
        if toks[j].text.lower() == "known":
            return True
    return False


# A gloss by apposition: "the grape harvest, or vendimia, came in" and "awa, or milkfish": English
# sets an equivalent name off with ", or" (before it, the word stands between commas: four words at
# most from the "or").
_OR_GLOSS_BEFORE_RE = re.compile(r",\s+or\s+(?:[^\W\d_]+\s+){0,3}$")
_OR_GLOSS_AFTER_RE = re.compile(r",\s+or\s+[^\W\d_]")


def _glossed_by_or(text: str, start: int, end: int) -> bool:
    """Whether the word at ``start:end`` is given beside its English equivalent as an alternative
    name, set off by a comma and "or" ("the harvest, or vendimia," / "vendimia, or the harvest"):
    the writer explains the word on purpose, as with a gloss in brackets (``_in_gloss``)."""
    before = text[max(0, start - 60):start]
    line_start = before.rfind("\n") + 1
    return bool(_OR_GLOSS_BEFORE_RE.search(before[line_start:])) or bool(_OR_GLOSS_AFTER_RE.match(text, end, end + 30))


# A figure just before a word, with what may mark it as money: a currency sign before the figure
# ("$", "₲ "), or letters run into it ("Rp1,8", "R4,8").
_FIGURE_BEFORE_RE = re.compile(r"(?P<mark>\S?)\s?(?P<letters>[A-Z][A-Za-z]{0,2})?\d[\d.,]*\s$")
_CODE_AFTER_RE = re.compile(r"\s[A-Z]{2,5}\b")


def _amount_word(text: str, start: int, end: int) -> bool:
    """Whether the word at ``start:end`` follows a figure in an amount of money ("Rp1,8 miliar",
    "4,2 milliards FCFA"): a currency sign before the figure (any character Unicode classes as a
    currency symbol), letters run into the figure, or a currency code in capitals after the word.
    There the word is the amount's multiplier or unit, in the words of the language the amount
    was written in; the number checks compare amounts, and no word was left untranslated by
    accident."""
    m = _FIGURE_BEFORE_RE.search(text[max(0, start - 30):start])
    if m is None:
        return False
    mark = m.group("mark")
    if m.group("letters") or (mark and unicodedata.category(mark) == "Sc"):
        return True
    return bool(_CODE_AFTER_RE.match(text, end, end + 8))


# A figure, then at most one multiplier word, then one space: the next word is the amount's unit.
_FIGURE_UNIT_RE = re.compile(r"(?<![^\W\d_])\d[\d.,]*(?:[ \t]+(?:thousand|million|billion|trillion|bn|mn))?[ \t]$")


def _after_figure(text: str, start: int) -> bool:
    """Whether the word at ``start`` follows a figure ("87.0 ", "5.3 billion "): the unit counted."""
    return bool(_FIGURE_UNIT_RE.search(text, max(0, start - 40), start))


def _unit_spelt_otherwise(t: Token, text: str, lang: str, view: "_View", vocab: "_StoryVocab",
                          source: str) -> bool:
    """Whether ``t`` is the unit of an amount that other sources spell another way: ``t``
    follows a figure, no common English word (zipf under 3.5), and either it is the plural in -s
    of a word other sources print ("87 draks" where they write "87 drak"), or an aligned
    counterpart prints after a figure a word with the same first two letters that is no common
    English word either. English has no settled spelling for the units of most currencies and
    many measures, which outlets transliterate as they choose and count in the plural or not
    ("12 dranks" / "12 drankas"); the amount is the number check's. The units English prints
    often (dollars, tonnes, kilometres) have one spelling, so a slip in one of them still reads
    as a slip."""
    w = t.text.lower()
    if len(w) < 3 or zipf(w, lang) >= _COMMON or not _after_figure(text, t.start):
        return False
    if w.endswith("s") and len(w) >= 4 and vocab.used_by_others(w[:-1], source):
        return True
    # A spelling English prints itself ("soum"-like), or one that differs from the others' in
    # more than one letter, as transliterations do; one letter more or less in a spelling nobody
    # prints ("forintt") is a slip.
    return any(u != w and u[:2] == w[:2] and zipf(u, lang) < _COMMON
               and (zipf(w, lang) > 0 or OSA.distance(u, w) >= 2) for u in view.figure_units())


def _english_words(rest: str, lang: str) -> str | None:
    """``rest`` read as one or two words English prints often (a function word or zipf 3.5 or
    more, two letters or more each: "bymonth" -> "by month"), the most common reading; or None."""
    if len(rest) >= 3 and zipf(rest, lang) >= _COMMON:
        return rest
    best = None
    for k in range(2, len(rest) - 1):
        a, b = rest[:k], rest[k:]
        if all(is_function_word(x) or zipf(x, lang) >= _COMMON for x in (a, b)):
            floor = min(zipf(a, lang), zipf(b, lang))
            if best is None or floor > best[0]:
                best = (floor, f"{a} {b}")
    return None if best is None else best[1]


def _unit_run_on(t: Token, text: str, lang: str, view: "_View") -> _Found | None:
    """A word of no list right after a figure that begins with the unit an aligned source prints
    after a figure and goes on with words English prints often ("1 million drakpermonth" where
    the others write "1 million drak per month"): the space after the unit is lost, which is a
    garble, not the unit spelt another way (``_unit_spelt_otherwise``)."""
    w = t.text.lower()
    if len(w) < 6 or zipf(w, lang) > 0 or not _after_figure(text, t.start):
        return None
    for u in view.figure_units():
        if len(u) >= 3 and len(w) - len(u) >= 3 and w.startswith(u):
            words = _english_words(w[len(u):], lang)
            if words is not None:
                expected = f"{t.text[:len(u)]} {words}"
                return _Found(t.start, t.end, expected, Severity.MEDIUM, 0.75,
                              f"'{t.text}' looks like words run together after the amount's "
                              f"unit: '{expected}'", expected)
    return None


def _foreign_link(word: str, lang: str) -> bool:
    """A short lower-case word (three letters at most) that is one of the most frequent words of a
    language other than ``lang`` (zipf 5.5 or more: "de", "di", "van", "la"): what joins the words
    of a phrase left in that language."""
    return len(word) <= 3 and word.isalpha() and word.islower() \
        and max(foreign_zipfs(word, lang, 5.5).values(), default=0.0) >= 5.5


def _untranslated_run(found: _Found, text: str, toks: Sequence[Token], i: int, lang: str,
                      vocab: "_StoryVocab", source: str) -> _Found:
    """An untranslated word reported at token ``i``, stretched over the words after it that are
    left untranslated too ("stávková pohotovost"): lower-case words (or hyphenated ones) no list
    of the language knows (zipf 0 for every part, no dictionary word), printed by no other source,
    each a single space after the last. One phrase left in the original is one flag."""
    def unknown(x: str) -> bool:
        return x.islower() and all(y.isalpha() and zipf(y, lang) == 0 and not is_ordinary_word(y, lang)
                                   for y in x.split("-")) \
            and not vocab.word_sources.get(norm_of(x), frozenset()) - {source}

    j = i
    while j + 1 < len(toks) and text[toks[j].end:toks[j + 1].start] == " ":
        if unknown(toks[j + 1].text):
            j += 1
        elif j + 2 < len(toks) and text[toks[j + 1].end:toks[j + 2].start] == " " \
                and _foreign_link(toks[j + 1].text, lang) \
                and (unknown(toks[j + 2].text) or _untranslated(toks[j + 2], lang, vocab, source)):
            j += 2  # "falta de pessoal": the other language's own preposition or article joins them
        else:
            break
    if j == i:
        return found
    phrase = text[toks[i].start:toks[j].end]
    return _Found(found.start, toks[j].end, f"[{phrase}: untranslated]", found.severity, found.confidence,
                  f"'{phrase}': {found.message}; the words after it are no words of the language either",
                  found.want)


# A character reference of HTML or XML ("&#39;", "&#x2019;", "&nbsp;", "&amp;") printed as it
# stands: markup escaping that a feed or a copy-paste left undone.
_HTML_ENTITY_RE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_SPACE_CHUNK_RE = re.compile(r"\S+")


def _html_entities(p: Passage) -> Iterator[_Found]:
    """Words carrying an HTML character reference ("porters&#39;", "Sudan,&nbsp;at"): one flag per
    word (the run of non-space characters holding it, outer punctuation trimmed outside the
    reference), repaired with the character it stands for (a no-break space as a space). Only
    references HTML defines count: "AT&T;" or "R&D;" decode to nothing and stay."""
    for m in _SPACE_CHUNK_RE.finditer(p.text):
        chunk = m.group()
        refs = [r for r in _HTML_ENTITY_RE.finditer(chunk) if html.unescape(r.group()) != r.group()]
        if not refs:
            continue
        lo, hi = 0, len(chunk)
        while lo < refs[0].start() and chunk[lo] in _EDGE_PUNCT:
            lo += 1
        while hi > refs[-1].end() and chunk[hi - 1] in _EDGE_PUNCT:
            hi -= 1
        shown = chunk[lo:hi]
        fixed = html.unescape(shown).replace("\u00a0", " ")
        s = p.start + m.start() + lo
        yield _Found(s, s + len(shown), fixed, Severity.MEDIUM, 0.8,
                     f"'{shown}': an HTML character reference left in the text: '{fixed}'", fixed)


# Punctuation of scripts other than Latin, as a machine translation or a copy from the original
# leaves it in an English sentence ("crossings، which"): the Arabic comma, semicolon and question
# mark, CJK full-width and ideographic marks, the Devanagari danda. Mapped to the Latin mark.
_FOREIGN_PUNCT = {"،": ",", "؛": ";", "؟": "?", "，": ",", "。": ".", "、": ",", "：": ":", "；": ";",
                  "！": "!", "？": "?", "（": "(", "）": ")", "।": "."}
_FOREIGN_PUNCT_RE = re.compile(r"(\S*?)([" + "".join(_FOREIGN_PUNCT) + r"])( ?)(\S*)")


def _is_latin_letter(c: str) -> bool:
    return c.isalpha() and unicodedata.name(c, "").startswith("LATIN")


def _foreign_script(p: Passage, lang: str, vocab: _StoryVocab) -> Iterator[_Found]:
    """In a text written in Latin letters: punctuation of another script next to a Latin word
    (shown with the words either side of it, repaired with the Latin mark), and a run of two or
    more letters of another script ("the 防災計画 budget") that no other source prints and that
    does not stand in brackets or quotation marks as a gloss of the word before it ("Chuseok
    (추석)"): an untranslated fragment."""
    if lang not in _LATIN_LANGS:
        return
    t = p.text
    for m in _FOREIGN_PUNCT_RE.finditer(t):
        before, mark, gap, after = m.groups()
        if not before or not _is_latin_letter(before[-1]):
            continue
        fixed = f"{before}{_FOREIGN_PUNCT[mark]}{gap}{after}"
        if mark in "（":  # an opening bracket takes a space before it, none after
            fixed = f"{before} ({after}" if not gap else fixed
        s = p.start + m.start()
        shown = m.group()
        yield _Found(s, s + len(shown), fixed, Severity.LOW, 0.7,
                     f"'{shown}': punctuation of another script in a text in Latin letters: '{fixed}'", None)
    for m in _FOREIGN_RUN_RE.finditer(t):
        run = m.group()
        before = t[:m.start()].rstrip()
        after = t[m.end():].lstrip()
        if any(_is_latin_letter(c) for c in run):
            continue
        if sum(1 for c in run if c.isalpha()) < 2 and not _lone_foreign_letter(run, before, after):
            continue
        if before[-1:] in _GLOSS_OPEN and after[:1] in _GLOSS_CLOSE:
            continue  # a gloss: "Chuseok (추석)", "the word «дума»"
        if _others_in(vocab.word_sources.get(run.lower()), p.source):
            continue
        s = p.start + m.start()
        yield _Found(s, s + len(run), f"[{run}: untranslated]", Severity.LOW, 0.65,
                     f"'{run}' is left in another script, untranslated", None)


def _lone_foreign_letter(run: str, before: str, after: str) -> bool:
    """Whether a single letter of another script stands as a word between two Latin words ("the
    first stage は separated"): a particle or syllable of the original left in the sentence. Greek
    letters are English's own in science and names ("α-particle", "the μ of a sample") and stay."""
    if len(run) != 1 or unicodedata.category(run) not in ("Lo", "Lu", "Ll") \
            or "\u0370" <= run <= "\u03ff" or "\u1f00" <= run <= "\u1fff":
        return False  # a superscript ("km²") or a modifier letter (the okina "ʻ") is no such letter
    return bool(before) and _is_latin_letter(before[-1]) and bool(after) and _is_latin_letter(after[0])


_LATIN_LANGS = frozenset("en fr es de it nl pt pl sv tr id ro cs da no fi hu vi".split())
# Letters (with the marks and joiners inside them) of any script but Latin: a word written in
# another alphabet or in characters. Checked letter by letter with ``_is_latin_letter``. The vowel
# signs and viramas of Indic, Southeast Asian, Hebrew and Arabic writing are combining marks,
# which a regex's \w does not count as letters: without them "राष्ट्रिय" would read as five runs.
_SCRIPT_MARKS = ("\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0900-\u0dff"
                 "\u0e31-\u0e4e\u0eb1-\u0ecd\u0f18-\u0fbc\u102b-\u103e\u3099\u309a")
_FOREIGN_LETTER = r"[^\W\d_a-zA-Z\u00c0-\u024f\u1e00-\u1eff]"
_FOREIGN_RUN_RE = re.compile(rf"{_FOREIGN_LETTER}(?:{_FOREIGN_LETTER}|[{_SCRIPT_MARKS}])*"
                             rf"(?:[ \u200c\u200d\u00b7・](?:{_FOREIGN_LETTER}|[{_SCRIPT_MARKS}])+)*")
_GLOSS_OPEN = frozenset("([«“\"'‘「『")
_GLOSS_CLOSE = frozenset(")]»”\"'’」』")


def _foreign_phrase(text: str, toks: Sequence[Token], lang: str, vocab: _StoryVocab, story: _StoryText,
                    source: str) -> Iterator[_Found]:
    """Two or more lower-case words in a row that a machine translation left in the original
    language ("dari pasar"): each rare in the text's language (zipf under 3), each well known in
    one and the same other language (zipf 4 or more, one of them 5), printed by no other source,
    and not a phrase the dictionary lists ("mea culpa", "sotto voce", "in situ")."""
    if lang != "en":
        return
    k = 0
    n = len(toks)
    while k < n - 1:
        # Two rare lower-case neighbours first (cheap): most rare words are single misspellings.
        if not (_rare_lower(toks[k].text, lang) and _rare_lower(toks[k + 1].text, lang)):
            k += 1
            continue
        best = _foreign_lang(toks[k].text, lang, vocab, source)
        if not best:
            k += 1
            continue
        j = k
        langs = best
        while j + 1 < n and text[toks[j].end:toks[j + 1].start] == " ":
            nxt = _foreign_lang(toks[j + 1].text, lang, vocab, source)
            shared = {l: min(langs[l], nxt[l]) for l in langs.keys() & nxt.keys()} if nxt else {}
            if not shared:
                break
            langs = shared
            j += 1
        if j > k and max(langs.values()) >= 5.0:
            words = [t.text for t in toks[k:j + 1]]
            phrase = " ".join(words)
            if not word_senses("_".join(words)) and not story.phrase(tuple(_key(w) for w in words), source, 1):
                other = min(langs, key=lambda l: (-langs[l], l))
                yield _Found(toks[k].start, toks[j].end, f"[{phrase}: untranslated]", Severity.LOW, 0.65,
                             f"'{phrase}' is a phrase of another language ('{other}'), left untranslated", None)
        k = j + 1


def _rare_lower(word: str, lang: str) -> bool:
    """A lower-case word of three letters or more, rare in ``lang`` (zipf under 3), no function word."""
    return len(word) >= 3 and word.isalpha() and word.islower() and zipf(word, lang) < 3.0 \
        and not is_function_word(word)


def _foreign_lang(word: str, lang: str, vocab: _StoryVocab, source: str) -> dict[str, float]:
    """The languages other than ``lang`` in which ``word`` (a lower-case word of three letters or
    more, rare in ``lang``, used by no other source) is well known (zipf 4 or more), with its zipf
    there; {} for any other word."""
    if len(word) < 3 or not word.isalpha() or not word.islower() or zipf(word, lang) >= 3.0 \
            or is_function_word(word) or vocab.used_by_others(word, source):
        return {}
    return foreign_zipfs(word, lang)


_SENTENCE_STOP = frozenset(".!?")
_ARTICLES = frozenset("the a an".split())
# Words no English sentence ends on, whatever the others print: an article, or a conjunction
# whose second term is missing ("they ask more than that than.").
_NEVER_LAST = _ARTICLES | frozenset("than and or but".split()) | _POSSESSIVE_DETERMINERS
_RELATIVE_SUBJECTS = frozenset("who which that".split())
# Adjectives that take a measure phrase and need "be" to say it of someone ("47 years old",
# "300 metres long"): English grammar, not a story's words.
_DIMENSIONS = frozenset("old long tall high wide deep thick".split())
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred".split())


def _is_number(word: str) -> bool:
    return word[:1].isdigit() or word.lower() in _NUMBER_WORDS


_CONJUNCTIONS = frozenset("and or but than as".split())
_FRONTED_OBJECT_RE = re.compile(r"\b(?:what|whatever|whom)\b", re.I)
_BE_FORMS = frozenset("be been being is are was were".split())


# Adverbial particles: with a verb they make an intransitive phrasal verb ("pass on", "stand
# by") that needs no object; "ask for", "look into" take one, as prepositions do.
_PARTICLES = frozenset("on in by off up down out over back away around through along aside".split())


# Units of time: "in" after a span of them is an adverb ("two years in", "ten minutes in").
_TIME_UNITS = frozenset("second minute hour day week month year decade season lap round".split())


def _singular(word: str) -> str:
    """``word`` without a plural "s" ("months" -> "month"), for matching ``_TIME_UNITS``."""
    return word[:-1] if word.endswith("s") and len(word) > 3 else word


def _may_end_on(text: str, toks: Sequence[Token], lows: Sequence[str], k: int) -> bool:
    """Whether English lets a sentence end on token ``k``, a preposition or particle: the
    adverbial particle of a phrasal verb WordNet lists, after the verb or its object ("the cost could be
    passed on", "they passed the cost on"); a preposition whose object was fronted as
    what/whom ("what they voted for"); the preposition of a passive verb ("were paid for",
    "was dealt with"; never "by", which brings the agent or the deadline: "finished by").
    Articles and conjunctions never end a sentence."""
    if lows[k] in _ARTICLES or lows[k] in _CONJUNCTIONS:
        return False
    if lows[k] == "in" and k >= 1 and _singular(lows[k - 1]) in _TIME_UNITS:
        return True  # "six months in": an adverb after a span of time, not a cut preposition
    if lows[k] in _PARTICLES and any(phrasal_verb(lows[j], lows[k]) for j in _words_before(lows, k, 4)):
        return True
    clause = re.split(r"[.!?;\n]", text[toks[max(0, k - 8)].start:toks[k].start])[-1]
    if _FRONTED_OBJECT_RE.search(clause):
        return True
    return lows[k] != "by" and _passive_participle(lows, k - 1)


def _words_before(lows: Sequence[str], k: int, n: int) -> Iterator[int]:
    """The indices of up to ``n`` words before ``k``, nearest first, stopping at the first token
    that is not a word (a number or punctuation ends the phrase)."""
    for j in range(k - 1, max(-1, k - 1 - n), -1):
        if not lows[j].isalpha():
            return
        yield j


def _passive_participle(lows: Sequence[str], k: int) -> bool:
    """Whether word ``k`` is a participle in a passive: a form of "be" one to three words before
    it ("was paid", "had been quietly paid"), and the word itself a verb form in -ed/-en or an
    irregular participle WordNet knows ("sold", "taken")."""
    w = lows[k]
    if not any(x in _BE_FORMS for x in lows[max(0, k - 3):k]):
        return False
    if w.endswith(("ed", "en")) and len(w) > 4:
        return True
    return bool(verb_exceptions(w))


def _cut_sentence(text: str, p: Passage, toks: Sequence[Token], lows: Sequence[str], k: int,
                  story: _StoryText) -> _Found | None:
    """Token ``k``, a preposition, article or conjunction, ends a sentence ("a year by."): a
    sentence cut off before its object. English does end sentences on a preposition ("what they
    asked for."), so this is reported when the sentence ends on an article, or when other sources
    print the same three words and go on after them (more of them than stop there); the repair
    shows what most of them print next."""
    last = toks[k]
    words = tuple(_key(t.text) for t in toks[k - 2:k + 1])
    if _may_end_on(text, toks, lows, k):
        return None
    nexts: Counter[str] = Counter()
    stops = 0
    # The three words are looked for in the others only when they are words; a sentence that ends
    # on an article ("a typhoon-prone island the.") is cut whatever stands before it.
    phrases = story.phrase(words, p.source) if all(w.isalpha() for w in words) else ()
    for s, toks2, keys2, i in phrases:
        j = i + 3
        src_text = story.ctx.sources[s].text
        after = src_text[toks2[i + 2].end:toks2[i + 2].end + 1]
        if j < len(toks2) and after == " ":
            nexts[toks2[j].text] += 1
        elif after in _SENTENCE_STOP:
            stops += 1
    start = toks[k - 2].start
    if nexts and sum(nexts.values()) > stops:
        follow = min(nexts, key=lambda w: (-nexts[w], w))
        shown = text[start:last.end]
        return _Found(start, last.end, f"{shown} {follow}", Severity.LOW, 0.6,
                      f"the sentence breaks off after '{shown}'; other sources go on: '{shown} {follow}'",
                      f"{shown} {follow}")
    if lows[k] in _NEVER_LAST and last.text.islower() and not stops:
        return _Found(last.start, last.end, f"{last.text} …", Severity.LOW, 0.55,
                      f"the sentence breaks off after '{last.text}'")
    return None


def _url_spans(p: Passage) -> list[tuple[int, int]]:
    return [(m.start() + p.start, m.end() + p.start) for m in _URLISH_RE.finditer(p.text)]


@functools.lru_cache(maxsize=4096)
def _outlet_words(outlet: str | None) -> frozenset[str]:
    """The capitalised words of a source's outlet name (``SourceMeta.outlet``), normalised: "The
    Harbour Gazette" -> {"harbour", "gazette"}."""
    if not outlet:
        return frozenset()
    return frozenset(norm_of(w) for w in _WORD_RE.findall(outlet) if w[:1].isupper() and not is_function_word(w.lower()))


# A word set off by a comma before it and a stop or a comma after it, the last of its clause: the
# title or name by which a speaker addresses someone ("Thank you, Minister.", "Six in favour,
# Chair, and two against"), which English capitalises.
_ADDRESS_RE = re.compile(r", $")
_ADDRESS_END_RE = re.compile(r"[.!?,](?:[\s\"”’']|$)")
# A quotation that opens with a capital right after the word: a title in quotation marks, the word
# before it the kind of document or work it names ('the draft Law "On Water Use"').
_TITLE_AFTER_RE = re.compile(r" [\"“«„][A-Z]")


# A figure right after a word, one space between: the word is the amount's unit ("Baht 1.2 billion").
_FIGURE_AFTER_RE = re.compile(r"[ \t]\d")
# A currency's name rarer than this in the language is no everyday word that a capital could
# garble, wherever it stands ("naira", "baht"; not "pound", "real", "won", "mark").
_CURRENCY_RARE = 3.5


def _capitals(text, p, toks, i, mid, lang, vocab: _StoryVocab, aligned_norms,
              aligned_counterparts=(), own_name: frozenset[str] = frozenset()) -> _Found | None:
    """A word capitalised oddly: mixed case, or an everyday word capitalised alone mid-sentence.
    ``own_name``: the words of the source's own outlet name, by which it names itself ("the
    Gazette will report"): a name."""
    t = toks[i]
    w = t.text
    low = w.lower()
    if is_acronym(w):
        return None
    if any(c.isupper() for c in w[1:]) and any(c.islower() for c in w[1:]):
        # "ChIna": capitals inside a word; "McDonald", "DeSantis", "iPhone" are name styles.
        # Other sources printing the same letters capitalised ("National Police") say nothing
        # about the capitals inside this word; only the same mixed-case form does ("iPhone").
        # Two capitals opening a word ("VArnholm") is the shift key held a letter too long, when
        # the others print the word in title case; other inner capitals only on a common word.
        shift_slip = len(w) >= 4 and w[:2].isupper() and w[2:].islower() \
            and _others_in(vocab.word_sources.get(low), p.source)
        if w[1:].lower() != w[1:] and (zipf(low, lang) >= 5 or shift_slip) \
                and not _others_in(vocab.mixed_forms.get(w), p.source):
            inner = [k for k, c in enumerate(w) if k > 0 and c.isupper()]
            if not any(w[:k].istitle() and zipf(w[k:].lower(), lang) >= 3 for k in inner):
                return _Found(t.start, t.end, w[0] + w[1:].lower(), Severity.MEDIUM, 0.7,
                              f"'{w}': odd capitals inside a word", w[0] + w[1:].lower())
        return None
    norm = norm_of(w)
    if not mid or norm in HONORIFICS:
        return None
    if norm in currency_names() and (_after_figure(text, t.start) or _FIGURE_AFTER_RE.match(text, t.end)
                                     or zipf(norm, lang) < _CURRENCY_RARE):
        return None  # "4,8 million Euro", "a Baht 1.2 billion upgrade", "the Naira traded": a currency's name
    if in_title_line(text, t.start):
        return None  # a line in the style of a headline (its words of content capitalised): capitals are its style
    if _ADDRESS_RE.search(text, max(0, t.start - 2), t.start) and _ADDRESS_END_RE.match(text, t.end):
        return None  # "Thank you, Minister.": a title used in address is capitalised
    if _TITLE_AFTER_RE.match(text, t.end):
        return None  # the Decree "On Fisheries": a document's word before its title in quotation marks
    run = _title_run(text, toks, i)
    if run > i:
        # A run of capitalised words inside a sentence is a name's, unless it reads as a slip.
        return _title_case_run(text, p, toks, i, run, lang, vocab, own_name)
    if is_function_word(w):
        return _capital_function_word(text, p, toks, i, vocab, own_name)
    if _in_multiword_name(text, toks, i):
        return None  # "Truth Social", "Wall Street", "Meet the Press", "House of Representatives"
    if i > 0 and toks[i - 1].text == "the" and w[-2:] in ("'s", "’s") and text[toks[i - 1].end:t.start] == " ":
        return None  # "the Bulletin's editors": an institution named short, in the possessive
    if _titled_by_designator(text, toks, i) or _names_an_area(text, toks, i) or _state_institution(toks, i) \
            or _told_the(toks, i) or _title_in_apposition(text, toks, i):
        return None
    if _others_in(vocab.cap_mid.get(norm), p.source):
        return None  # other sources capitalise it too: a name
    if _parenthesised_label(text, t) or _style_of_address(text, toks, i):
        return None
    if norm in vocab.name_parts:
        return None  # "minister of Health" where the story prints "Ministry of Health": a short name
    if norm in own_name:
        return None  # the outlet named by a word of its name ("the Gazette will report", "the Council thanks")
    # An ordinary word by the dictionary (listed in lower case only, never as a proper noun), or,
    # without a case-aware dictionary for the language, a common word the story prints in lower
    # case elsewhere.
    # Institutional words ("the Government", "Western media") are capitalised by house style;
    # a garble is told by the aligned sources printing the word in lower case, or by a rarer word.
    aligned_lower = norm in aligned_norms
    if _body_as_subject(text, toks, i):
        return None  # "The Ministry said", "The Registrar read": a body or an office named short as the subject
    if _definite_short_name(text, toks, i) and not _others_print_lower_after_the(aligned_counterparts, w):
        return None  # "told the Herald.", "a frigate of the Navy,": an institution named short
    if not aligned_lower and _MOVEMENT_RE.search(norm):
        # "-ist"/"-ism" words name movements, schools, parties and faiths ("Impressionist",
        # "Baptist"), which house styles capitalise; only the others' lower case tells a garble.
        return None
    common = is_common_noun_only(norm, lang)
    if common is None:
        common = bool(vocab.lower_mid.get(norm, set())) and zipf(norm, lang) >= _COMMON
    senses = capitalised_senses(norm) if lang == "en" else ()
    if common is False and senses and not any(cap for _, cap in senses) and not is_ordinary_word(norm, lang):
        # A form the word list lacks ("Municipalities": its plural in -ies) that WordNet prints
        # in lower case in every sense is an ordinary word all the same.
        common = True
    elif common is False and senses and not any(cap for _, cap in senses) \
            and (aligned_lower or vocab.is_lower_word(norm, p.source)):
        # The word list knows it as a surname too ("Case"), but WordNet prints it in lower case in
        # every sense and the story prints it so: "47 fever Cases in Okemba" is the ordinary word.
        common = True
    if not aligned_lower and senses and all(cap for _, cap in senses):
        # WordNet prints the word capitalised in every sense it knows ("Pyrenees", "Balkans": a
        # range or a region named in the plural, though the word list holds a lower-case singular
        # of it): a proper noun, unless the aligned sources print it in lower case.
        return None
    # The story's consensus: other sources print it only in lower case inside sentences.
    story_lower = not aligned_lower and vocab.is_lower_word(norm, p.source)
    if not (aligned_lower or story_lower) and any(pos == "adj" and cap for pos, cap in senses):
        # A proper adjective ("the Mediterranean season", "Arctic ice", "Orthodox clergy"): the
        # dictionary prints an adjective sense capitalised, so only the others' lower case tells
        # a slip.
        return None
    if not common or not (aligned_lower or story_lower or zipf(norm, lang) < 4.0):
        return None
    if not (aligned_lower or story_lower) and _bare_after_preposition(text, toks, i):
        # Only its rarity speaks against this capital, and English grammar speaks for it: a
        # singular count noun with no determiner after a preposition ("the paper of Abitur",
        # "sat for Finals") is used as a proper noun, the name of an exam, a course, a body.
        return None
    if not (aligned_lower or story_lower) and _modifies_next_noun(text, toks, i):
        # Again only its rarity speaks against it: a capitalised word right before the noun it
        # qualifies ("the Osprey helicopter", "the Kestrel engine") is a name used
        # attributively, of a craft, a region, a body; a garbled capital is a noun of its own.
        return None
    if _capitalised_throughout(text, w):
        # The source capitalises the word wherever it prints it, twice or more inside sentences:
        # the source's name for something (a place, a body, a press release's defined "the
        # Company"), its house style, not a slip of the shift key or a translation's stray
        # capital, which falls on one place and is no habit. Other sources printing it in lower
        # case only show another house style. (None of the development stories' expected capital
        # slips recurs in its source.)
        return None
    confidence = 0.7 if aligned_lower else 0.6
    return _Found(t.start, t.end, w.lower(), Severity.LOW, confidence,
                  f"'{w}' capitalised inside a sentence, where it is an ordinary word", w.lower(),
                  exact_case=True)


# Finite forms of "be", "have" and "do" and the modals: a clause's verb, which no name holds.
_FINITE_AUX = frozenset("am is are was were has have had does do did".split()) | _MODALS


def _after_lower_word(text: str, toks: Sequence[Token], i: int) -> bool:
    """Whether token ``i`` follows a lower-case word after one space: inside a sentence, with no
    capitalised word before it that could begin a name."""
    return i > 0 and text[toks[i - 1].end:toks[i].start] == " " and toks[i - 1].text.isalpha() \
        and toks[i - 1].text.islower()


def _title_run(text: str, toks: Sequence[Token], i: int) -> int:
    """The index of the last word of a run of title-case words (one capital, then lower case)
    starting at token ``i`` right after a lower-case word, each one space from the next; ``i``
    when no second word follows, or when the run goes on into a name's linking word and another
    capital ("Bank of England")."""
    if not _after_lower_word(text, toks, i) or not (toks[i].text.isalpha() and toks[i].text.istitle()):
        return i
    j = i
    while j + 1 < len(toks) and text[toks[j].end:toks[j + 1].start] == " " \
            and toks[j + 1].text.isalpha() and toks[j + 1].text.istitle():
        j += 1
    if j + 2 < len(toks) and toks[j + 1].text in ("of", "and", "for", "de", "the") \
            and text[toks[j].end:toks[j + 1].start] == " " and toks[j + 2].text[:1].isupper():
        return i
    return j


def _title_case_run(text, p, toks: Sequence[Token], i: int, j: int, lang: str, vocab: _StoryVocab,
                    own_name: frozenset[str]) -> _Found | None:
    """Words ``i``..``j`` capitalised together inside a sentence that hold a clause's verb
    ("operators Are Rushing to rebook", "found that the Rescue Plan Worked and"): a finite
    "are", "has", "will", or, ending the run, a past tense ("-ed", a verb by WordNet's counts).
    Names are built of nouns and adjectives ("Water Board", "Public Works"); a verb among the
    capitals says the shift key, not a name, made them. None of the words capitalised by another
    source inside a sentence or a word of the outlet's name, each word of content one the
    dictionary lists in lower case only."""
    words = toks[i:j + 1]
    clause = False
    for k, t in enumerate(words):
        norm = norm_of(t.text)
        if norm in own_name or norm in CALENDAR_WORDS or _others_in(vocab.cap_mid.get(norm), p.source):
            return None
        if is_function_word(norm):
            clause = clause or norm in _FINITE_AUX
            continue
        if lang != "en" or not is_common_noun_only(norm, lang) or any(cap for _, cap in capitalised_senses(norm)):
            return None
        if k == len(words) - 1 and k > 0 and norm.endswith("ed") and pos_shares(norm).get("verb", 0.0) >= 0.5:
            clause = True
    if not clause:
        return None
    shown = text[words[0].start:words[-1].end]
    return _Found(words[0].start, words[-1].end, shown.lower(), Severity.LOW, 0.6,
                  f"'{shown}' capitalised inside a sentence, where its words are a clause's", shown.lower(),
                  exact_case=True)


def _capital_function_word(text, p, toks: Sequence[Token], i: int, vocab: _StoryVocab,
                           own_name: frozenset[str]) -> _Found | None:
    """A function word of two letters or more capitalised inside a sentence between lower-case
    words ("the cafes the Of and", "opened In 2031"): English capitalises a preposition, an
    article or a pronoun there only inside a name, and a name has a capitalised word beside it. A
    word other sources capitalise inside sentences (a name: "An", "Do" are surnames too), or one
    the source capitalises wherever it prints it, is left alone."""
    t = toks[i]
    w, norm = t.text, norm_of(t.text)
    if _subject_pronoun_run_in(text, toks, i):
        return _Found(t.start, t.end, w.lower(), Severity.LOW, 0.6,
                      f"'{w}' capitalised inside a sentence, a clause's subject run into the last one",
                      w.lower(), exact_case=True)
    if len(w) < 2 or not w.isalpha() or not w.istitle() or not _after_lower_word(text, toks, i):
        return None
    if i + 1 >= len(toks) or text[t.end:toks[i + 1].start] != " ":
        return None
    nxt = toks[i + 1].text
    if not (nxt[:1].isdigit() or (nxt.isalpha() and nxt.islower())):
        return None
    if norm in own_name or norm in CALENDAR_WORDS or _others_in(vocab.cap_mid.get(norm), p.source) \
            or _capitalised_throughout(text, w) or _coordinated_with_name(text, toks, i):
        return None  # "in May 2024": a month's name
    return _Found(t.start, t.end, w.lower(), Severity.LOW, 0.6,
                  f"'{w}' capitalised inside a sentence, where it is a function word", w.lower(), exact_case=True)


_SUBJECT_PRONOUNS = frozenset("It He She They We".split())


def _subject_pronoun_run_in(text: str, toks: Sequence[Token], i: int) -> bool:
    """Whether token ``i`` is a subject pronoun with its capital ("It", "They") straight after a
    capitalised word that does not open a sentence, with a finite verb or a modal after it
    ("with the Natural Resources Institute Finland It will cooperate"): a sentence's opening run
    into the one before, its full stop lost or its words printed again. A pronoun takes no part in
    a name, so the capitalised word before it does not make it one."""
    if i < 1 or i + 1 >= len(toks) or toks[i].text not in _SUBJECT_PRONOUNS:
        return False
    prev, nxt = toks[i - 1], toks[i + 1]
    if text[prev.end:toks[i].start] != " " or text[toks[i].end:nxt.start] != " ":
        return False
    return prev.text[:1].isupper() and prev.text.isalpha() and not _opens_sentence(text, prev.start) \
        and nxt.text in _FINITE_AUX


def _coordinated_with_name(text: str, toks: Sequence[Token], i: int) -> bool:
    """Whether token ``i`` is joined by "and" or "or" to a capitalised word that does not open a
    sentence ("turnout in Most and Chomutov", "Chomutov or Most"): words coordinated are of one
    kind, so a capitalised word beside a name is a name too (a town, a person), whatever the
    dictionary makes of it."""
    def gap(a: int, b: int) -> bool:
        return text[toks[a].end:toks[b].start] == " "

    if i + 2 < len(toks) and toks[i + 1].text in ("and", "or") and gap(i, i + 1) and gap(i + 1, i + 2):
        nxt = toks[i + 2].text
        if nxt[:1].isupper() and nxt[1:].islower() and nxt.isalpha():
            return True
    if i >= 2 and toks[i - 1].text in ("and", "or") and gap(i - 1, i) and gap(i - 2, i - 1):
        prev = toks[i - 2]
        if prev.text[:1].isupper() and prev.text[1:].islower() and prev.text.isalpha() \
                and not _opens_sentence(text, prev.start):
            return True
    return False


def _capitalised_throughout(text: str, word: str) -> bool:
    """Whether ``text`` prints ``word`` (capitalised) inside a sentence twice or more and never
    in lower case."""
    if re.search(rf"(?<![^\W\d_]){re.escape(word.lower())}(?![^\W\d_])", text):
        return False
    inside = 0
    for m in re.finditer(rf"(?<![^\W\d_]){re.escape(word)}(?![^\W\d_])", text):
        if not _opens_sentence(text, m.start()):
            inside += 1
            if inside >= 2:
                return True
    return False


# Bound English prefixes (never words of their own): a word beginning with one is a coinage
# ("rebooks", "unsold"),
# not a run-together of the prefix and the rest.
_PREFIXES = frozenset("re un co de pre non mis dis sub anti inter multi".split())
# Words English also uses as bound first elements of closed compounds: adverbial particles
# ("overtourism", "offgrid", "upskilling", "counterclaim") and combining forms of learned words
# ("ecotourism", "cyberfraud", "megaproject"). Writers close new compounds on them as a matter of
# spelling, so such a closed form unknown to the word list is a coinage, not two words run
# together, unless the other sources print the pair apart. Prepositions that are mostly glued on
# by accident ("by", "in", "on", "for") are not among them.
_COMPOUND_FIRST = frozenset(
    "over under out up down off back after cross counter fore mid "
    "eco cyber micro macro mega mini super ultra bio geo hydro agri agro tele petro narco crypto nano "
    "semi".split())
_PREPOSITIONS = frozenset(
    "of in into on onto at from to for with by about over under across through near towards toward".split())
# How much more often (zipf, a log scale: 1.5 is thirty times) English must print two words in a
# row than the joined string the word list knows, for the joined string to be a lost space.
_PAIR_OVER_JOINED = 1.5
_MOVEMENT_RE = re.compile(r"(?:ist|ists|ism|isms)$")
_PHRASE_END = set(",.;:!?)]\"'”’—–")


def _body_as_subject(text: str, toks: Sequence[Token], i: int) -> bool:
    """Whether token ``i`` is the noun of "The <Word>" opening a sentence, followed straight by
    its verb ("The Ministry said", "The Greens threaten", "The Registrar read", "The Firefighters
    have declared"): a body or an office named short as the sentence's subject. Languages that
    capitalise the names of their institutions (Italian "il Ministero", German every noun) pass
    the capital to their translations, and English house styles capitalise a body so named; a slip
    of the shift key falls on any word of a sentence, seldom on just this one."""
    if i == 0 or i + 1 >= len(toks) or text[toks[i - 1].end:toks[i].start] != " " \
            or text[toks[i].end:toks[i + 1].start] != " ":
        return False
    the = toks[i - 1]
    if the.text != "The" or not _opens_sentence(text, the.start):
        return False
    nxt = toks[i + 1].text
    if not (nxt.isalpha() and nxt.islower()):
        return False
    if nxt in _FINITE_AUX:
        return True
    shares = pos_shares(nxt)
    return shares.get("verb", 0.0) >= 0.5


def _definite_short_name(text: str, toks: Sequence[Token], i: int) -> bool:
    """Whether token ``i`` is a lone capitalised noun right after "the" or a preposition that
    ends its phrase ("told the Herald.", "a frigate of the Navy,", "the minister of Transports,",
    "hot air into Mesopotamia,"): the short form by which an institution (a newspaper, a navy, a
    ministry's portfolio) is named once the reader knows which one, or a place. An ordinary
    singular noun needs a determiner there, and the noun of a garbled capital usually goes on
    ("the Market of", "trade Salvoes")."""
    if i == 0 or text[toks[i - 1].end:toks[i].start] != " ":
        return False
    before = toks[i - 1].text
    if before != "the" and not (before.islower() and before in _PREPOSITIONS):
        return False
    after = text[toks[i].end:toks[i].end + 1]
    return after == "" or after in _PHRASE_END or after == "\n"


_ROMAN_RE = re.compile(r"[IVXLC]{1,5}|\d{1,4}[A-Za-z]?|[A-Z]")
# Nouns that turn the capitalised word before them into the name of an area ("the Central
# region", "the Western province", "the Northern highlands").
_AREA_NOUNS = frozenset(
    "region regions province provinces district districts highlands lowlands coast plateau basin delta "
    "valley territory territories zone".split())
# The state's institutions, which Commonwealth and many national house styles capitalise when
# they mean the country's own ("the Government announced", "a frigate of the Navy and").
_STATE_INSTITUTIONS = frozenset(
    "government army navy parliament senate congress cabinet treasury presidency crown legislature "
    "judiciary".split())


def _parenthesised_label(text: str, t: Token) -> bool:
    """Whether ``t`` fills a pair of brackets alone, or before a slash ("(Harbourists)",
    "(Greenway/EFA)"): English sets a label in brackets after a name or at a dateline (a member's
    party or portfolio, the agency that filed the report), and a label is a name, capitalised as
    such; a slip of the shift key does not fall on a bracketed word alone."""
    return text[t.start - 1:t.start] == "(" and text[t.end:t.end + 1] in (")", "/")


# The possessives that open a style of address ("His Lordship", "Her Worship", "Your Honour").
_ADDRESS_POSSESSIVES = frozenset(("His", "Her", "Your", "Their"))


def _style_of_address(text: str, toks: Sequence[Token], i: int) -> bool:
    """Whether token ``i`` follows a capitalised possessive with one space between ("His
    Lordship", "Her Worship"): a style of address, which English capitalises whole; a lower-case
    "his" before a capital is another matter."""
    return i > 0 and toks[i - 1].text in _ADDRESS_POSSESSIVES and text[toks[i - 1].end:toks[i].start] == " "


def _bare_after_preposition(text: str, toks: Sequence[Token], i: int) -> bool:
    """Whether token ``i`` follows a lower-case preposition directly (one space, no determiner
    between) and does not end in "s" (a plural takes no determiner in English either: "of Volleys"
    is no name)."""
    if i == 0 or text[toks[i - 1].end:toks[i].start] != " ":
        return False
    before = toks[i - 1].text
    return before.islower() and before in _PREPOSITIONS and not toks[i].text.lower().endswith("s")


def _modifies_next_noun(text: str, toks: Sequence[Token], i: int) -> bool:
    """Whether token ``i`` is followed, after one space, by a lower-case word used mostly as a noun
    (WordNet's tag counts, ``pos_shares``) that is no function word: the capitalised word stands
    where English puts a noun's modifier ("the Osprey helicopter")."""
    if i + 1 >= len(toks) or text[toks[i].end:toks[i + 1].start] != " ":
        return False
    nxt = toks[i + 1].text
    if not nxt.isalpha() or not nxt.islower() or is_function_word(nxt):
        return False
    return pos_shares(nxt).get("noun", 0.0) >= 0.5


_APPOSITION_AFTER_RE = re.compile(r"(?:,[ \t]+|[ \t]+(?:of|in|at|for|to)[ \t]+(?:the[ \t]+)?)[^\W\d_]")


def _title_in_apposition(text: str, toks: Sequence[Token], i: int) -> bool:
    """Whether token ``i`` is a person's post set right after the person's name, before the body
    it is held in: "MARIA LOPEZ (Director, Port Authority):", "Dr Ann Reyes, Consultant in Public
    Health": the credit line of a transcript, a caption or a release, where English capitalises the
    post as it capitalises the name beside it."""
    if i < 2 or text[toks[i - 1].end:toks[i].start] not in (" (", "(", ", "):
        return False
    if text[toks[i - 2].end:toks[i - 1].start] != " " \
            or not all(toks[k].text[:1].isupper() and toks[k].text.isalpha() for k in (i - 2, i - 1)):
        return False  # a name of two words or more
    m = _APPOSITION_AFTER_RE.match(text, toks[i].end)
    return m is not None and text[m.end() - 1].isupper()


def _titled_by_designator(text: str, toks: Sequence[Token], i: int) -> bool:
    """Whether token ``i`` is followed by a numeral or a letter that designates it ("Appendix I",
    "Article 5", "Phase 2", "Annex B"): the title of a numbered part, capitalised by every style."""
    if i + 1 >= len(toks) or text[toks[i].end:toks[i + 1].start] != " ":
        return False
    nxt = toks[i + 1].text
    if not _ROMAN_RE.fullmatch(nxt):
        return False
    # "I" as a pronoun is followed by a lower-case verb ("Yesterday I went"); a designator by
    # punctuation, a preposition of the document ("of", "to") or the end.
    if nxt == "I" and i + 2 < len(toks) and text[toks[i + 1].end:toks[i + 2].start] == " " \
            and toks[i + 2].text.islower() and toks[i + 2].text not in ("of", "to", "and", "or"):
        return False
    return True


def _names_an_area(text: str, toks: Sequence[Token], i: int) -> bool:
    """Whether token ``i`` is a capitalised word directly before a noun of area ("the Central
    region"): the name of a region, whose capital is right."""
    if i + 1 >= len(toks) or text[toks[i].end:toks[i + 1].start] != " ":
        return False
    return toks[i + 1].text in _AREA_NOUNS


def _state_institution(toks: Sequence[Token], i: int) -> bool:
    """Whether token ``i`` is "the Government", "the Navy" and the like: a state institution
    named by its common noun after "the", capitalised by house style; or one with no determiner at
    all after a verb or preposition ("told Parliament", "before Congress"): a singular count noun
    without one is a proper noun by English grammar."""
    if i == 0 or toks[i].text.lower() not in _STATE_INSTITUTIONS:
        return False
    before = toks[i - 1].text.lower()
    return before == "the" or before in _REPORTING or before in _PREPOSITIONS


def _told_the(toks: Sequence[Token], i: int) -> bool:
    """Whether token ``i`` is a capitalised noun in "told the Ledger": whom a speaker tells, named
    with "the", is a publication or an institution, so the capital names it."""
    return i >= 2 and toks[i - 1].text == "the" and toks[i - 2].text.lower() == "told"


def _others_print_lower_after_the(counterparts, word: str) -> bool:
    """Whether an aligned passage prints "the <word>" with the word in lower case: the same
    phrase as an ordinary noun, which makes the capital a slip after all."""
    low = word.lower()
    for _, toks, lows in counterparts:
        if low not in lows:
            continue
        for k in range(1, len(toks)):
            if lows[k] == low and lows[k - 1] == "the" and toks[k].text == low:
                return True
    return False


_NO_NAME_LINKS = frozenset("in at on to by as is was are".split())


def _in_multiword_name(text: str, toks: Sequence[Token], i: int) -> bool:
    """Whether token ``i`` has a capitalised neighbour in the same phrase, possibly across one or
    two short lower-case linking words ("Bank of England", "Meet the Press", "Compañía de los
    Tranvías", "De la Roza"); longer function words end the name ("on Tuesday that the
    Piers")."""
    for step in (-1, 1):
        k = i + step
        hops = 0
        while 0 <= k < len(toks) and hops <= 2:
            lo, hi = min(toks[k].end, toks[k - step].end), max(toks[k].start, toks[k - step].start)
            gap = text[lo:hi]
            left_word = toks[min(k, k - step)].text
            if gap in ("' ", "’ ") and left_word.endswith("s") and left_word[:1].isupper():
                gap = " "  # a plural's possessive inside the name ("the Dockers' Federation")
            if gap.strip(" -") != "":
                break  # punctuation ends the phrase
            word = toks[k].text
            if word[:1].isupper() and (not is_function_word(word) or is_acronym(word)):
                return True  # an acronym that spells a function word names too ("US Airways")
            if word[:1].isupper() and len(word) > 1 and not _opens_sentence(text, toks[k].start):
                return True  # a function word capitalised inside a sentence is a name's ("Port An")
            if not (len(word) <= 3 and word.islower()) or word in _NO_NAME_LINKS:
                # Names link their words with short ones ("of", "the", "and", "de la"); English
                # prepositions of place and time do not link a name's words but start a phrase
                # after a noun ("47 fever Cases in Okemba").
                break
            hops += 1
            k += step
    return False


def _run_together(text, toks, i, lang, other_bigrams, *, attested_only: bool = False,
                  story: _StoryText | None = None, source: str = "", initial: bool = False) -> _Found | None:
    """A word that is two words run together. Reported when the other sources print the two
    words (the aligned passages, or with ``story`` any other source's text, for a word no
    dictionary lists, with a function word glued on: "thecity"); when it is not a word at all and splits into two common words,
    or into a common word and a rarer real one ("fitnesswatches"), or into three common words
    ("firebrigadeboats"); or when it is more at home in another language and splits into two
    common words ("onde"). ``attested_only``: only the aligned passages' word pairs count (for
    capitalised words, where an unknown compound is more likely a name: "Elmscroft"). ``initial``:
    the capitalised word opens a sentence and no other source capitalises it inside one, so its
    capital says nothing of a name: no word at all that splits into two common words of four
    letters or more, one of them printed by another source, is two words run together
    ("Fieldtrials were halted" where the others write of the trials)."""
    t = toks[i]
    w = t.text.lower()
    if len(w) < 4 or "'" in w or "’" in w:
        return None
    z = zipf(w, lang)
    if z >= _RARE:
        glued = _function_words_glued(w, lang) if not attested_only else None
        if glued is None:
            return None
        # Two function words with the space lost ("ofthe", "inthe"): the typo is frequent enough
        # on the web to have a frequency of its own, but no dictionary lists it.
        a = glued
        expected = f"{t.text[:len(a)]} {t.text[len(a):]}"
        return _Found(t.start, t.end, expected, Severity.MEDIUM, 0.75,
                      f"'{t.text}' looks like words run together (two function words, no word of the "
                      f"language): '{expected}'", expected)
    best = None
    for k in range(1, len(w)):
        a, b = w[:k], w[k:]
        if (len(a) < 2 and a not in ("a", "i")) or (len(b) < 2 and b not in ("a", "i")):
            continue
        if a in _PREFIXES:
            continue  # "rebooks" is re-book, a word made with a prefix, not "re books"
        if a in _COMPOUND_FIRST and not is_function_word(b) and (a, b) not in other_bigrams \
                and not (story is not None and story.phrase((a, b), source, 1)):
            continue  # "overtourism": a closed compound nobody in the story prints apart
        if z == 0 and any(len(x) == 2 and not is_function_word(x) for x in (a, b)):
            # A two-letter piece that is no function word ("hi", "ok", "tv") is no evidence: an
            # unknown word ending or starting in those letters (a loan word) is not two words.
            # (A known word of another language, "onde", is judged below as a foreign blend.)
            continue
        za, zb = zipf(a, lang), zipf(b, lang)
        attested = (a, b) in other_bigrams
        if z > 0 and attested and min(len(a), len(b)) >= 4 and not is_function_word(a) \
                and not is_function_word(b):
            # A closed compound of two content words that the word list records ("dockworkers"):
            # English writes such compounds open or closed, so others printing the pair apart
            # (often a paraphrase aligned loosely) is house style, not a lost space.
            continue
        # A compound of two words that no list holds ("seismographreadings", of a rare word and
        # a common one; "kilnrestorer", of two less common ones) is two words when other sources
        # print the pair: their consensus stands in for frequency, which need only say that each
        # piece is a word.
        compound = z == 0 and min(len(a), len(b)) >= 4 and min(za, zb) >= 1.0 \
            and (attested or (story is not None and bool(story.phrase((a, b), source, 1))))
        if compound:
            attested = True
        elif min(za, zb) < (_RARE if attested or z == 0 else _COMMON) or max(za, zb) < _COMMON:
            continue
        if len(min(a, b, key=len)) < 3 and min(za, zb) < _COMMON:
            continue  # a short rare piece ("activit ybracelets") is no evidence
        if not attested and not (story is not None and story.phrase((a, b), source, 1)) \
                and any(len(x) == 1 or (len(x) == 3 and zx < _COMMON and not is_function_word(x))
                        for x, zx in ((a, za), (b, zb))):
            # Nobody prints the pair, and a piece is a lone letter or a rare three-letter string
            # ("a kim", "sane pid", "aki mat"): a word of another language cut by chance, not a
            # lost space; the untranslated-word tests judge it.
            continue
        score = (attested, min(za, zb) >= _COMMON, min(za, zb))
        if best is None or score > best[0]:
            best = (score, a, b)
    if best is None:
        return None if attested_only or z > 0 else _three_words(t, w, lang)
    (attested, both_common, floor), a, b = best
    guess = False  # read from frequencies alone (see ``_Found.guess``)
    if attested:
        confidence, why = 0.85, "the other sources print it as two words"
    elif attested_only:
        # A capitalised compound is more likely a name ("Elmscroft"), unless it is no word at all
        # and other sources print the two words, together or each in its own place ("an
        # Olympicspot place" where the others write of the Olympic heats and the spot).
        if story is None or floor < _RARE or z > 0:
            return None
        ws = story.ctx.word_sources
        if story.phrase((a, b), source, 1):
            confidence, why = 0.8, "other sources in the story print it as two words"
        elif _others_in(ws.get(a), source) and _others_in(ws.get(b), source):
            confidence, why = 0.7, "other sources in the story use both words"
        elif initial and min(len(a), len(b)) >= 4 and not is_function_word(a) \
                and not is_function_word(b) and (_others_in(ws.get(a), source) or _others_in(ws.get(b), source)):
            # A sentence's first word: its capital is the sentence's, and no other source names
            # anything so. Two known words (one common, neither rare) and no word at all is a lost
            # space.
            confidence, why = 0.65, f"'{t.text}' is not a word"
        else:
            return None
    elif story is not None and both_common and (is_function_word(a) or is_function_word(b)) \
            and not is_ordinary_word(w, lang) and story.phrase((a, b), source, 1):
        # A function word glued to its neighbour ("thecity", "willremain"): English closes
        # compounds of content words ("dockworkers"), never of an article or an auxiliary.
        confidence, why = 0.8, "other sources in the story print it as two words"
    elif z == 0:
        if lang == "en" and w.endswith("s") and zipf(w[:-1], lang) >= _RARE - 1:
            return None  # "tabis": the plural of a word the list knows ("tabi"), missing from it
        if story is not None and pair_zipf(a, b, lang) == 0.0 and min(len(a), len(b)) < _CHANCE_PIECE \
                and not (is_function_word(a) or is_function_word(b)) \
                and not all(_others_in(story.ctx.word_sources.get(x), source) for x in (a, b)):
            # Read from frequencies alone, a split into a piece of four letters or fewer must be a
            # pair English prints, or two words the other sources use: a coinage or a loan word
            # no list knows cuts into a short word by chance ("domes cape", "kit ali" are never
            # written), a lost space leaves a phrase ("before dawn") or the story's own words.
            # Two long words are no chance ("yellowcranes"). (Without ``story``, a part of a
            # hyphenated word: "five-yeartrade", whose hyphen already marks a phrase.)
            return None
        confidence, why = (0.75 if both_common else 0.65), f"'{t.text}' is not a word"
        guess = True
    elif not both_common:
        return None
    elif lang == "en" and not is_function_word(a) and not is_function_word(b) \
            and (pair_zipf(a, b, lang) or 0.0) - z >= _PAIR_OVER_JOINED \
            and not is_ordinary_word(w, lang) and not word_senses(w):
        # The word list knows the joined string only as a rare slip ("turningpoint", "busstop":
        # lists built from the web keep run-together hashtags), no dictionary lists it, and
        # English prints the two words in a row thirty times as often or more: two words.
        confidence, why = 0.7, f"English prints '{a} {b}' far more often than '{w}'"
    elif foreign_margin(w, lang) < 0 and floor - z >= 2.5 and not is_ordinary_word(w, lang) \
            and not (lang == "en" and word_senses(w)):
        # A dictionary word borrowed from another language ("pilotage", or "souk", which WordNet
        # lists though the word list lacks it) is English all the same.
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
                  f"'{shown}' looks like words run together ({why}): '{expected}'", f"{a} {b}", guess=guess)


def _function_words_glued(w: str, lang: str) -> str | None:
    """The first of two function words of two letters or more that ``w`` (lower case) is made of,
    when no dictionary lists ``w`` ("ofthe" -> "of"; "into", "cannot", "whereas" are words)."""
    if lang != "en" or is_ordinary_word(w, lang) or word_senses(w) or zipf(w, lang) >= 4.0:
        return None  # "anymore", "inasmuch": words of their own, which WordNet or frequency knows
    for k in range(2, len(w) - 1):
        if is_function_word(w[:k]) and is_function_word(w[k:]):
            return w[:k]
    return None


def _three_words(t: Token, w: str, lang: str) -> _Found | None:
    """A non-word that is three common words run together ("firebrigadeboats"), each of three
    letters or more; the most common reading wins."""
    if len(w) < 9:
        return None
    best = None
    for k1 in range(3, len(w) - 5):
        za = zipf(w[:k1], lang)
        if za < _COMMON or w[:k1] in _COMPOUND_FIRST:
            continue  # "overplanting" is over-planting, a compound (see ``_run_together``)
        for k2 in range(k1 + 3, len(w) - 2):
            if w[k2:] in _SUFFIXES:
                continue  # "ing", "ers": an ending, no word of its own
            floor = min(za, zipf(w[k1:k2], lang), zipf(w[k2:], lang))
            if floor >= _COMMON and (best is None or floor > best[0]):
                best = (floor, k1, k2)
    if best is None:
        return None
    _, k1, k2 = best
    x = t.text
    repaired = f"{x[:k1]} {x[k1:k2]} {x[k2:]}"
    return _Found(t.start, t.end, repaired, Severity.MEDIUM, 0.65,
                  f"'{x}' looks like words run together ('{x}' is not a word): '{repaired}'",
                  repaired, guess=True)


def _story_repair(found: _Found, story: _StoryText, source: str, lang: str) -> _Found:
    """A run-together repair the other sources print in more pieces: "harbourpolicevessels" split as
    "harbourpolice vessels" where others print "harbour police vessels". The pieces must be words of
    the language and the whole sequence printed by another source somewhere in the story."""
    words = found.expected.split()
    if story.phrase(tuple(_key(w) for w in words), source, 1):
        return found
    for idx, w in enumerate(words):
        if len(w) < 6 or not w.isalpha():
            continue
        for k in range(2, len(w) - 1):
            a, b = w[:k], w[k:]
            if zipf(a.lower(), lang) < _RARE or zipf(b.lower(), lang) < _RARE:
                continue
            cand = words[:idx] + [a, b] + words[idx + 1:]
            if story.phrase(tuple(_key(x) for x in cand), source, 1):
                repaired = " ".join(cand)
                shown = found.message.split("'")[1]
                return _Found(found.start, found.end, repaired, found.severity, max(found.confidence, 0.8),
                              f"'{shown}' looks like words run together (other sources print "
                              f"'{repaired}'): '{repaired}'", repaired)
    return found


def _hyphen_part_run_together(text, t: Token, lang, other_bigrams, vocab, p) -> _Found | None:
    """A hyphenated compound whose last part is two words run together ("three-yearlease"), or
    whose first part is ("ofruling-party": the word before the compound glued to it): the part is
    judged as a word of its own."""
    parts = word_parts(t)
    if len(parts) < 2:
        return None
    for part in (parts[-1], parts[0]):
        if not is_alpha_word(part.text) or vocab.used_by_others(part.text.lower(), p.source):
            continue
        found = _run_together(text, (part,), 0, lang, other_bigrams)
        if found is None:
            continue
        if part is parts[0] and not (found.want and is_function_word(found.want.split()[0])):
            # A closed compound opening a hyphenated one ("floodwall-protected") is English; what
            # a careless copy glues on there is the word before it ("ofruling-party").
            continue
        head, tail = text[t.start:part.start], text[part.end:t.end]
        repaired = head + found.expected + tail
        return _Found(t.start, t.end, repaired, found.severity, found.confidence,
                      f"'{t.text}' looks like words run together: '{repaired}'", found.want)
    return None


_GLUED_POSSESSIVE_RE = re.compile(r"([A-Za-z][a-z]+)(['’])s([a-z]{3,})")


def _glued_possessive(text, toks: Sequence[Token], i: int, lang: str, vocab: _StoryVocab,
                      source: str) -> _Found | None:
    """A possessive run into the noun after it ("the council'sbudget", "Alvaro'sboat"): in
    English an apostrophe inside a word is followed only by a clitic ('s, 't, 'll, 're, 've, 'd,
    'm), never by "s" and a common word. The base is a word or a name the story prints; the noun
    a common word. When the noun and the next word make one common word English hardly ever
    prints as the pair ("rep air"), the repair joins them too ("'s repair")."""
    t = toks[i]
    w = t.text
    glued = _GLUED_POSSESSIVE_RE.fullmatch(w)
    if glued is None or vocab.used_by_others(w.lower(), source):
        return None
    base, mark, rest = glued.group(1), glued.group(2), glued.group(3)
    if zipf(rest, lang) < _COMMON:
        return None
    if base[0].isupper():
        if not vocab.word_sources.get(norm_of(base)):
            return None  # a name the story never prints alone: perhaps a name with an apostrophe
    elif zipf(base, lang) < _RARE and not vocab.word_sources.get(base):
        return None
    end, noun = t.end, rest
    if i + 1 < len(toks):
        nxt = toks[i + 1]
        joined = rest + nxt.text
        if text[t.end:nxt.start] == " " and nxt.text.isalpha() and nxt.text.islower() \
                and zipf(joined, lang) >= _JOINED_COMMON and is_ordinary_word(joined, lang) \
                and pair_zipf(rest, nxt.text, lang) == 0.0:
            end, noun = nxt.end, joined
    repaired = f"{base}{mark}s {noun}"
    return _Found(t.start, end, repaired, Severity.MEDIUM, 0.75,
                  f"'{text[t.start:end]}' looks like words run together: '{repaired}'", repaired)


def _possessive_run_together(text, t: Token, lang, other_bigrams, vocab, view, p) -> _Found | None:
    """A possessive whose base is misspelt ("chambeer's") or two words run together
    ("theagency's"): the base is judged as a word of its own, the ending kept in the repair."""
    w = t.text
    if len(w) < 4 or w[-2:] not in ("'s", "’s") or not w[:-2].isalpha() or not w[:-2].islower():
        return None
    base = Token(w[:-2], t.start, t.end - 2)
    if vocab.used_by_others(base.text, p.source):
        return None
    misspelt = _non_word(base, lang, view, vocab, source=p.source)
    if misspelt is not None:
        # A misspelling ("chambeer's" for "chamber's") rather than two words run together.
        return _Found(t.start, t.end, misspelt.expected + w[-2:], misspelt.severity, misspelt.confidence,
                      misspelt.message.replace(f"'{base.text}'", f"'{w}'", 1), misspelt.want)
    found = _run_together(text, (base,), 0, lang, other_bigrams)
    if found is None:
        return None
    repaired = found.expected + w[-2:]
    return _Found(t.start, t.end, repaired, found.severity, found.confidence,
                  f"'{w}' looks like words run together: '{repaired}'", repaired)


def _split(text, toks, i, lang, other_set, vocab, p, story: _StoryText | None = None,
           view_counterparts: Sequence = ()) -> _Found | None:
    """This word and the next (or previous) are one word split in two ("negoti ations")."""
    t = toks[i]
    for a, b in ((toks[i - 1], t) if i > 0 else (None, None), (t, toks[i + 1]) if i + 1 < len(toks) else (None, None)):
        if a is None or text[a.end:b.start] != " " or not (a.text.isalpha() and b.text.isalpha()):
            continue
        if a.text[0].isupper() != b.text[0].isupper() and b.text[0].isupper():
            continue
        if len(a.text) > 1 and a.text.isupper() and b.text.islower():
            continue  # "the KOSPI index": a word's two halves keep one case, an acronym and a word do not
        if _run_together_elsewhere((a.text + b.text).lower(), a.text, b.text, lang, vocab, p.source):
            continue
        if story is not None:
            found = _split_fragment(text, a, b, lang, other_set, vocab, p.source, story)
            if found is not None:
                return found
        joined = (a.text + b.text).lower()
        zj = zipf(joined, lang)
        in_others = joined in other_set
        piece = min(zipf(a.text.lower(), lang), zipf(b.text.lower(), lang))
        # One half is not a word on its own; the whole is a common word or the others' word, or
        # a lower-case non-word completed by a fragment that is no common word into a listed word
        # ("raincoa ts").
        completed = a.text.islower() and zipf(a.text, lang) == 0 and zj >= 1.5 \
            and zipf(b.text.lower(), lang) < _COMMON
        # A capitalised word and a lower-case one, each of three letters or more, that English
        # hardly ever prints in a row (the pair is not among the web's two-word sequences:
        # ``pair_zipf`` 0), where an aligned passage prints them as one word with the same
        # capital and none prints the second word alone ("the Marsh land road" where the others
        # write "Marshland"): a name, or a sentence's first word, split in two, though each half
        # is a word. A name has one spelling, and the others' capital shows the same place in the
        # sentence; lower-case nouns are left to house style ("chip maker" / "chipmaker"), and
        # pairs English does write apart ("Every one", "Health care") are printed too often.
        both_words = story is not None and _name_split(a, b, lang, other_set, vocab, p.source, story, view_counterparts)
        if not ((in_others and piece < _RARE) or (zj >= _COMMON and piece < 1.5) or completed or both_words):
            continue
        if not both_words and vocab.used_by_others(a.text.lower(), p.source) \
                and vocab.used_by_others(b.text.lower(), p.source):
            continue
        confidence = 0.85 if in_others else 0.72
        return _Found(a.start, b.end, a.text + b.text, Severity.MEDIUM, confidence,
                      f"'{text[a.start:b.end]}' looks like one word split in two: '{a.text + b.text}'",
                      a.text + b.text)
    return None


def _name_split(a: Token, b: Token, lang: str, other_set, vocab: _StoryVocab, source: str,
                story: _StoryText, view_counterparts: Sequence = ()) -> bool:
    """Whether a capitalised word and a lower-case one, each of three letters or more, that English
    hardly ever prints in a row (the pair is not among the web's two-word sequences: ``pair_zipf``
    0) are a name split in two: another source prints them as one word with the same capital, in
    an aligned passage or capitalised inside a sentence anywhere in the story ("a local vote in Lap
    land" where the others print "Lapland" in other sentences), none prints the second word alone
    in the aligned passages, and none prints the pair. A name has one spelling, and the others'
    capital shows a name; lower-case nouns are left to house style ("chip maker" / "chipmaker"),
    and pairs English does write apart ("Every one", "Health care") are printed too often."""
    x, y = a.text, b.text
    if not (x[0].isupper() and x[1:].islower() and y.islower() and x.isalpha() and y.isalpha()) \
            or min(len(x), len(y)) < 3 or y in other_set:
        return False
    joined = x + y
    in_aligned = joined.lower() in other_set and any(
        u.text == joined for _, toks_q, _ in view_counterparts for u in toks_q)
    if not (in_aligned or _others_in(vocab.cap_mid.get(norm_of(joined)), source)):
        return False
    if pair_zipf(x.lower(), y, lang) != 0.0:  # last: a lookup in the web's pair counts is the dear test
        return False
    if _run_together_elsewhere(joined.lower(), x, y, lang, vocab, source):
        return False  # "Muse to Lashio highway" here, "Lashiohighway" in one other source: its slip
    return not story.phrase((_key(x), _key(y)), source, 1)


def _run_together_elsewhere(joined: str, x: str, y: str, lang: str, vocab: _StoryVocab, source: str) -> bool:
    """Whether the joined form of two neighbours (``x`` ``y``), which another source prints, is
    rather that source's two words run together ("14 upazila health complexes" here, "14
    upazilahealth complexes" there): the joined form is known to no word list, just one other
    source prints it, and one half is a common word of four letters or more on its own ("health").
    A word split in two leaves a piece that is no word ("negoti ations"); two words run together
    make a string no list knows, and a single source printing it is that source's slip."""
    if zipf(joined, lang) > 0 or is_ordinary_word(joined, lang):
        return False
    if len(vocab.word_sources.get(joined, frozenset()) - {source}) != 1:
        return False
    return any(len(h) >= 4 and zipf(h.lower(), lang) >= _COMMON for h in (x, y))


_HYPHENATED_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+")


def _hyphen_tail_split(text, toks, i, lang, other_set, vocab: _StoryVocab, source: str) -> _Found | None:
    """A piece of a word ("ered": rare, listed by no dictionary, printed by no other source) after
    a hyphenated compound whose last part it completes ("solar-pow ered", "wind-gen erated"): the
    compound's last word was split in two. Reported when the completed compound or its last word is printed by another source, or
    the last word is an ordinary word of the language, common enough to be meant (zipf 3.5 or
    more)."""
    if i == 0:
        return None
    a, b = toks[i - 1], toks[i]
    if text[a.end:b.start] != " " or not b.text.isalpha() or not b.text.islower() \
            or not a.text.islower() or not _HYPHENATED_RE.fullmatch(a.text):
        return None
    piece = b.text
    if zipf(piece, lang) >= _RARE or listed_word(piece, lang) or is_function_word(piece) \
            or vocab.used_by_others(piece, source):
        return None
    tail = a.text.rsplit("-", 1)[1] + b.text
    whole = a.text + b.text
    printed = any(_others_in(vocab.word_sources.get(x), source) or x in other_set for x in (tail, whole))
    if not printed and not (zipf(tail, lang) >= _COMMON and is_ordinary_word(tail, lang)):
        return None
    return _Found(a.start, b.end, whole, Severity.MEDIUM, 0.8 if printed else 0.7,
                  f"'{text[a.start:b.end]}' looks like one word split in two: '{whole}'", whole)


# A joined word at least this common (zipf) is a word the writer meant rather than a rare word
# two neighbours happen to spell: about 1.3 above the floor of the web's list of two-word sequences
# (``PAIR_ZIPF_FLOOR``), so English prints the word twenty times or more as often as the pair.
_JOINED_COMMON = 3.3


def _capitalised_only(word: str) -> bool:
    """Whether WordNet knows ``word`` (lower case) and prints it capitalised in every sense: a
    name ("Damon", "Lisbon"), never a word English writes in lower case."""
    senses = capitalised_senses(word)
    return bool(senses) and all(cap for _, cap in senses)


def _open_compound(x: str, y: str) -> bool:
    """Whether two lower-case words are both nouns WordNet lists (three letters or more, no
    function word), each used as a noun at least a third of the time where WordNet counts usage: a
    compound English may write apart. A numeral or an adjective with a rare noun sense ("four",
    "teen": adjectives nine times in ten) makes no noun compound ("four teen" is "fourteen")."""
    return all(len(w) >= 3 and not is_function_word(w) and any(s.pos == "noun" for s in word_senses(w))
               and _noun_in_use(w) for w in (x, y))


def _noun_in_use(word: str) -> bool:
    """Whether WordNet's usage counts give ``word`` a noun sense a third of the time or more (or
    count no usage of it at all)."""
    shares = pos_shares(word)
    return not shares or shares.get("noun", 0.0) >= 0.3


# How much more often (in zipf) English prints a joined word than the two halves as a pair for
# the pair to read as the word split in two ("be cause": "because" is printed some 6,000 times as
# often). Phrases English writes apart stay well under it ("every one" 2.0, "some times" 2.8).
_SPLIT_GAP = 3.5
# The lead that will do where the aligned passages print the joined word: "offshore" over "off
# shore" (1.7); phrases whose two words are both function words ("every one", "any way") are
# never read as splits.
_SPLIT_GAP_ALIGNED = 1.5


def _split_by_usage(text, toks, i, lang, source: str, vocab: _StoryVocab, story: _StoryText,
                    aligned=None) -> _Found | None:
    """This word and the next are one word split in two although each half is a word ("trans
    port", "after noon", "inter rupted"), judged by usage: joined they make a common dictionary word
    (zipf ``_JOINED_COMMON`` or more; any dictionary word where other sources print it joined),
    English hardly ever prints the two in a row (the pair is not
    among the web's two-word sequences printed 100,000 times or more in a trillion words:
    ``pair_zipf`` 0), and no other source prints the pair anywhere in the story. A phrase English
    does write ("every one", "any one", "with in", "break through", "home town", all printed
    hundreds of thousands of times) is never read as a split, whatever the joined word's
    frequency; nor is a phrasal verb WordNet lists ("touch down"), nor two nouns ("border line")
    unless another source prints the joined word. Both halves lower case and of two letters or
    more ("km/h is", "a head" stay)."""
    if i + 1 >= len(toks):
        return None
    a, b = toks[i], toks[i + 1]
    x, y = a.text, b.text
    # The word may open a sentence ("Four teen of those turned into fires"), its capital the
    # sentence's.
    opener = x[:1].isupper() and x[1:].islower() and sentence_initial(text, a.start)
    if opener:
        x = x.lower()
    if len(x) < 2 or len(y) < 2 or not (x.isalpha() and y.isalpha() and x.islower() and y.islower()) \
            or text[a.end:b.start] != " ":
        return None
    joined = x + y
    if not (is_ordinary_word(joined, lang) or (lang == "en" and word_senses(joined))):
        return None  # an inflection the dictionary knows through its lemma counts ("dropped")
    if not is_ordinary_word(joined, lang) and _capitalised_only(joined):
        # "jacks on" is no split "Jackson": English prints a name with its capital, so two words in
        # lower case never make one, however seldom the pair is printed.
        return None
    if zipf(joined, lang) < _JOINED_COMMON and not (vocab.used_by_others(joined, source)
                                                    and x not in _COMPOUND_FIRST):
        # A less common word ("loudspeaker") split in two is told by the others printing it
        # whole, not by its frequency; but a compound on a combining form ("cyber crime", "over
        # fished") is written open or closed by house style, whatever the others chose.
        return None
    if is_function_word(x) and is_function_word(y):
        return None  # "told us her yields": English's function words are whole words, each
    pair = pair_zipf(x, y, lang)
    # Where the aligned passages print the joined word ("further offshore" beside "further off
    # shore") the story's own spelling speaks for it, and a smaller lead over the pair will do.
    gap = _SPLIT_GAP_ALIGNED if aligned is not None and joined in aligned else _SPLIT_GAP
    if (pair != 0.0 and zipf(joined, lang) - pair < gap) or story.phrase((_key(x), _key(y)), source, 1):
        return None
    if y in _PARTICLES and phrasal_verb(x, y):
        return None  # "the jet will touch down": a verb and its particle, whatever "touchdown" is
    printed = vocab.used_by_others(joined, source)
    if not printed and _open_compound(x, y):
        # Two nouns ("border line", "sea side"): English writes noun compounds open as well as
        # closed, so only the story's own spelling (another source printing the joined word)
        # tells a lost space from a choice.
        return None
    why = "other sources print it as one word" if printed else f"'{x} {y}' is hardly ever written"
    if opener:
        joined = joined[0].upper() + joined[1:]
    return _Found(a.start, b.end, joined, Severity.MEDIUM, 0.8 if printed else 0.7,
                  f"'{text[a.start:b.end]}' looks like one word split in two ({why}): '{joined}'", joined)


# English suffixes that are no words of their own: printed alone after a word, they were split
# off it ("shaming" as "sham ing").
_SUFFIXES = frozenset("ing ings ed ly tion tions sion sions ment ments ness ity ities ous ive ize ise "
                      "ized ised izes ises ful ism ists "
                      # agent nouns and their plurals ("teach ers"); "or" is left out, being a
                      # conjunction ("direct or indirect")
                      "er ers ors ist "
                      # abstract nouns and adjectives no English word spells alone ("depend ence",
                      # "offic ial", "larg est")
                      "ance ances ence ences ency ancy ation ations ition itions ial ially ical ically "
                      "ious eous ible ibly est ery "
                      # the plural's own ending, which English never prints as a word ("aftershock s")
                      "s".split())


def _split_suffix(text, toks, i, lang, vocab: _StoryVocab, source: str, story: _StoryText) -> _Found | None:
    """A lower-case English suffix printed as a word of its own after the word it belongs to
    ("boast ful", "harass ment"): the joined word is a dictionary word or one the other sources
    print, the suffix is printed alone by no other source, and no other source writes the pair apart.
    The word may open a sentence, capitalised ("Report ers"), and may be two common words run
    together as well ("Teacherassocia tions", repaired as "Teacher associations")."""
    if lang != "en" or i == 0:
        return None
    a, b = toks[i - 1], toks[i]
    x, y = a.text, b.text
    if y not in _SUFFIXES or not x.isalpha() or len(x) < 3 or text[a.end:b.start] != " ":
        return None
    # The word may open a sentence ("Report ers and equipment will be pooled").
    if not (x.islower() or (x[1:].islower() and sentence_initial(text, a.start))):
        return None
    if _others_in(vocab.word_sources.get(y), source):
        return None
    low = x.lower()
    joined = low + y
    if story.phrase((low, y), source, 1):
        return None
    if is_ordinary_word(joined, lang) or vocab.used_by_others(joined, source):
        repair = x + y
    else:
        # Two words run together as well ("Teacherassocia tions"): two common words of four
        # letters or more, the second ending in the suffix.
        repair = next((x[:k] + " " + joined[k:] for k in range(4, len(joined) - len(y) - 1)
                       if zipf(joined[:k], lang) >= _COMMON and zipf(joined[k:], lang) >= _COMMON
                       and not is_function_word(joined[:k]) and not is_function_word(joined[k:])), None)
        if repair is None:
            return None
    return _Found(a.start, b.end, repair, Severity.MEDIUM, 0.75,
                  f"'{text[a.start:b.end]}' looks like one word split in two: '{repair}'", repair)


# Endings English puts on a name: plurals, demonyms and derived words ("Kenyans", "Parisian",
# "Nepalese", "Israelis", "Londoners", "Bulgaria", "Yorkshireman"). Any other ending of two to three letters on a
# name the story prints is the case of the language a translation came from.
_VOWELS = frozenset("aeiouy")
_ENGLISH_NAME_ENDINGS = frozenset("es an ns ans ian ians ese is er ers ish ite ites ic ism ist ists ia ias "
                                  "ean eans man men".split())


def _inflected_name(text, toks, i, lang, vocab: "_StoryVocab", source: str) -> _Found | None:
    """A name the story prints, carried over inflected by the language a translation came from:
    with a case ending English does not put on names ("Zerqalada", the locative of "Zerqala",
    where the story prints "Zergala": the name may differ by one letter, its romanisation) or with
    its first letter mutated ("Nghaerwenlli" for "Caerwenlli", a Welsh nasal mutation: one letter
    replaced by two or three). The word is capitalised inside a sentence, known to no word list
    of the language, printed by no other source and no part of a name of several words (a
    person's surname, "Zdenka Hruběšová", may take an ending that names someone else); the name
    (five letters or more) is printed
    capitalised inside a sentence somewhere in the story, this source included (a translation
    often prints the plain form elsewhere). A word just before it that is no word of the
    language either (the translated language's preposition, "yng") joins the span. A name one
    letter longer ("Velupuram" beside "Velupura") is a romanisation, never reported here."""
    t = toks[i]
    low = t.text.lower()
    if len(low) < 7 or not low.isalpha() or zipf(low, lang) > 0 or is_ordinary_word(low, lang) \
            or _others_in(vocab.word_sources.get(low), source):
        return None
    if _in_multiword_name(text, toks, i):
        # A person's name ("Zdenka Hruběšová" beside "Zdeněk Hrubeš"): a surname's feminine or
        # patronymic form names someone else, and names are the name check's business.
        return None
    base, how = vocab.inflected_name_base(low, source)
    if base is None:
        return None
    shown = base[:1].upper() + base[1:]
    start = t.start
    if i > 0 and text[toks[i - 1].end:t.start] == " ":
        prev = toks[i - 1].text
        if prev.isalpha() and prev.islower() and not is_function_word(prev) and zipf(prev, lang) < _RARE \
                and not is_ordinary_word(prev, lang):
            start = toks[i - 1].start
    return _Found(start, t.end, shown, Severity.LOW, 0.6,
                  f"'{text[start:t.end]}': the name '{shown}' {how}, as the translated language writes it", shown)


# A case ending of another language put on a name after an apostrophe ("Kaya'nın", "Ankara'da"):
# English only puts clitics there.
_ENGLISH_CLITICS = frozenset("s ll re ve d t m n".split())


def _foreign_case_suffix(t: Token, vocab: _StoryVocab, source: str) -> _Found | None:
    """A capitalised name followed by an apostrophe and a short lower-case ending that is no English
    clitic ("Demir'in" for "Demir"): the bare name is printed elsewhere in the story (two letters
    or more, so "O'Brien" stays a name) and no other source prints the suffixed form."""
    w = t.text
    m = _APOSTROPHE_SUFFIX_RE.fullmatch(w)
    if m is None:
        return None
    base, suffix = m.group(1), m.group(3)
    if suffix.lower() in _ENGLISH_CLITICS or not suffix.islower():
        return None
    if not vocab.word_sources.get(norm_of(base)) or _others_in(vocab.word_sources.get(norm_of(w)), source):
        return None
    return _Found(t.start, t.end, base, Severity.MEDIUM, 0.7,
                  f"'{w}': a case ending of another language ('{m.group(2)}{suffix}') left on the name '{base}'", base)


_APOSTROPHE_SUFFIX_RE = re.compile(r"([^\W\d_]{2,})(['’])([^\W\d_]{1,4})")


def _fragment(word: str, lang: str, vocab: _StoryVocab, source: str) -> bool:
    """Whether ``word`` (as printed) reads as a piece of a word rather than a word: two letters or
    more, no function word, not an ordinary dictionary word of the language (for languages without
    a dictionary, rare), and used by no other source (a word the story prints on its own is one)."""
    low = word.lower()
    if len(low) < 2 or is_function_word(low) or vocab.used_by_others(low, source):
        return False
    if len(low) >= 4 and zipf(low, lang) >= _COMMON:
        # A common word the dictionary happens to lack ("cyber") is a word: "cyber crime" is an
        # open compound, spelt so by many writers. Short pieces ("ty", "ft") stay fragments.
        return False
    return not is_ordinary_word(low, lang)


def _known_whole(joined: str, x: str, y: str, lang: str) -> bool:
    """Whether ``joined``, rarer than ``_COMMON``, is still a word of the language that two
    pieces make ("ambu lances", "sub sidising"): the dictionary lists it or an inflection of it,
    it is printed (zipf 1.5 or more) and more often than the rarer piece, and English does not
    print the two pieces as a pair ("per se")."""
    if lang != "en" or zipf(joined, lang) < _RARE - 1 or zipf(joined, lang) <= min(zipf(x, lang), zipf(y, lang)):
        return False
    if not (is_ordinary_word(joined, lang) or word_senses(joined)):
        return False
    return pair_zipf(x, y, lang) == 0.0


def _split_fragment(text, a: Token, b: Token, lang, other_set, vocab: _StoryVocab, source: str,
                    story: _StoryText) -> _Found | None:
    """Two neighbours that are one word split in two, judged by what the halves are rather than
    how frequent they are: one half is a fragment (see ``_fragment``: "safe ty", "le ft", "parl
    iament", "Hana yuki"), the joined word is an ordinary word of the language common enough to
    be meant (zipf 3.5 or more) or a word other sources print, and no other source prints the two
    halves as a pair. Pieces that are words or abbreviations on their own ("ft", "le") still look
    like fragments when nobody else uses them and they join into the word the story needs; two
    dictionary words ("any one", "every day", "may be") are never reported, as English writes
    them apart too. A capitalised first half ("Hana yuki") is a name split in two only when
    two or more other sources print the joined name."""
    x, y = a.text, b.text
    if not y.islower() or len(x) < 2 or len(y) < 2:
        return None
    if not (_fragment(x, lang, vocab, source) or _fragment(y, lang, vocab, source)):
        return None
    joined = x + y
    low = joined.lower()
    printers = vocab.word_sources.get(low, frozenset()) - {source}
    if x[0].isupper():
        if len(printers) < 2:
            return None
        confidence = 0.8
    elif printers or low in other_set:
        confidence = 0.8
    elif zipf(low, lang) >= _COMMON and is_ordinary_word(low, lang):
        confidence = 0.7
    elif _known_whole(low, x.lower(), y, lang):
        confidence = 0.65
    else:
        return None
    if story.phrase((_key(x), _key(y)), source, 1):
        return None  # another source writes the two halves apart as well
    return _Found(a.start, b.end, joined, Severity.MEDIUM, confidence,
                  f"'{text[a.start:b.end]}' looks like one word split in two: '{joined}'", joined)


def _non_word(t: Token, lang: str, view: _View, vocab: _StoryVocab, *, source: str,
              capital: bool = False, mid: bool = False) -> _Found | None:
    """A misspelling: a rare word (word lists also hold common typos, so "rare", not "absent")
    one or two edits from a much more common word the aligned sources (or two other sources in
    the story) print. A capitalised misspelling of a word the story uses as a name is the name
    check's ("Vareda" for "Varedo"); weekdays and months are words of the language ("Wednsday"). ``mid``: a word
    capitalised inside a sentence, which is a name unless it misspells a weekday, a month, or a
    word the other sources print only in lower case ("Goverment")."""
    w = norm_of(t.text)
    if len(w) < 3 or is_function_word(w):
        return None
    zw = zipf(w, lang)
    if zw >= 3.1 or (mid and foreign_margin(w, lang) < 0):
        return None
    cutoff = 1 if len(w) < 7 else 2

    def plausible(correct: str) -> bool:
        zc = zipf(correct, lang)
        if correct == w or zc - zw < (1.5 if zw < _RARE else 2.5):
            return False
        if stem(correct, lang) == stem(w, lang) and (zw > 0 or is_ordinary_word(w, lang)):
            # Another inflection of the word ("rebooks" / "rebook") is no misspelling; a string no
            # list knows is one even when the stemmer cuts it to the same stem ("engagged").
            return False
        if _same_word_family(w, correct, lang):
            return False
        if capital and vocab.is_name(correct, source):
            return False  # the name check reports capitalised names; a lower-cased one is garbled
        if w.startswith(correct) and 1 <= len(w) - len(correct) <= 2 \
                and any(not c.isascii() and c.isalpha() for c in w[len(correct):]):
            # The others' word with an ending in letters English does not write ("dinarë" for
            # "dinar"): the translated language's plural or case on a word kept, not a slip.
            return False
        return not mid or correct in CALENDAR_WORDS or vocab.is_lower_word(correct, source)

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
    # A typo of a word no other source happens to print ("turbnies" where the others say
    # "generators"): a string the word list does not know at all, in lower case or opening a sentence,
    # one edit from a common word of the language. A coined word ("overtourism", "agrivoltaics")
    # is no edit from a common word; a name is capitalised inside its sentence.
    if zw > 0 or mid or len(w) < _TYPO_MIN_LEN or not w.isalpha() or not w.isascii():
        return None
    if foreign_margin(w, lang) <= -1.0:
        # A word another language prints ("abonnement"-like loans, false friends): it is that
        # language's word, kept or left untranslated (the tests after this judge which), not an
        # English word mistyped; a slip of the keys is a word of no language.
        return None
    if any(w.endswith(end) and zipf(w[:-len(end)], lang) >= _TYPO_BASE_ZIPF for end in _TYPO_ENDINGS):
        return None  # an ending on a known word ("rebooks", "colourer"): a word the list lacks
    if vocab.folded_elsewhere(w):
        return None  # the story's own word written with its accents elsewhere ("vrtacak" / "vrtaćak")
    common = closest_word(w, _common_words(lang), 1, lang)
    if common is not None and plausible(common[0]):
        # Low: no other source confirms the word, and a spelling of another country or language
        # ("adress") looks the same.
        return _Found(t.start, t.end, shown(common[0]), Severity.LOW, 0.6,
                      f"'{t.text}' is no word; one letter from '{common[0]}'", common[0])
    return None


def _same_word_family(word: str, correct: str, lang: str) -> bool:
    """Whether ``word`` is another form of the other sources' word ``correct``, which a writer
    chooses, not a slip of it: the same compound written closed or hyphenated ("microgrids" /
    "micro-grids"), its regular plural or singular ("aqueducts" / "aqueduct"), or a word the
    dictionary lists itself that is ``correct`` with an ending added, changed or dropped
    ("absentee" / "absent", "scarcely" / "scarce"): a derivation of the same family. A slip
    inside the word ("minster" / "minister") keeps the others' word whole at neither end."""
    if "-" in word or "-" in correct:
        return word.replace("-", "") == correct.replace("-", "")
    short, long_ = sorted((word, correct), key=len)
    if long_ in (short + "s", short + "es"):
        return True
    if not listed_word(word, lang) or len(short) < 5:
        return False
    # The shared beginning is all of the shorter word, or all but its last letter (the ending
    # changed: "arbitrary" / "arbitrarily"), and the longer word adds at most three letters.
    return shared_prefix(word, correct) >= len(short) - 1 and len(long_) - len(short) <= 3


# A typo the other sources cannot show (``_non_word``): the word this long at least, one edit from a
# word of the language at least this common (the top few thousand words: a slip of a rare word is
# as likely a word the list lacks).
_TYPO_MIN_LEN = 6
_TYPO_COMMON_ZIPF = 3.0
# An ending on a word the list knows this well makes a word the list lacks, not a typo.
_TYPO_ENDINGS = ("s", "es", "ed", "er", "ers", "ing", "ly")
_TYPO_BASE_ZIPF = 2.0


@functools.lru_cache(maxsize=4)
def _common_words(lang: str) -> tuple[str, ...]:
    """The language's common words (``_TYPO_COMMON_ZIPF``), from wordfreq's ranked list: most
    frequent first, so the cut is found by bisection (a frequency lookup per word costs a second)."""
    ranked = top_n_list(lang, 40_000)
    lo, hi = 0, len(ranked)
    while lo < hi:
        mid = (lo + hi) // 2
        if zipf(ranked[mid], lang) >= _TYPO_COMMON_ZIPF:
            lo = mid + 1
        else:
            hi = mid
    return tuple(w for w in ranked[:lo] if w.isalpha())
