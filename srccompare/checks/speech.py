"""Who said what: quotations, their speakers, and attributions of reported statements.

Shared by the quote check (``quotes.py``) and the attribution check (``attributions.py``), which
both need the same reading of the sources: where each quotation starts and ends, which words of it
are the speaker's own (an ellipsis or a bracketed insertion marks words the writer left out or
added), and whom the source credits with it.

Everything here is generic English news style: quotation marks of several typographic traditions,
reporting verbs ("said", "told", "according to"), honorifics, function words. Nothing is specific
to one story; the links between a title and the person holding it ("Treasury Secretary" and
"Bessent") are learnt from the sources themselves (``Aliases``).

In: ``CheckContext``. Out: ``Speech`` (quotes and attributions of every source), computed once per
context and shared by the checks that ask for it.
"""

from __future__ import annotations

import bisect
import functools
import re
import weakref
from collections import defaultdict
from dataclasses import dataclass, replace
from typing import Iterable, Mapping, Sequence

import jellyfish
from rapidfuzz.distance import JaroWinkler

from srccompare.checks.base import CheckContext
from srccompare.checks.lexicon import saying_share, verb_exceptions
from srccompare.models import Passage, Source

# --------------------------------------------------------------------------------------------
# Generic English resources
# --------------------------------------------------------------------------------------------

# Reporting verbs. Forms that are mostly nouns ("states", "notes", "comments", "claims") are
# left out: "the United States" must not read as "the United" stating something.
REPORTING_VERBS = frozenset(
    """said says say told tells added adds stated announced announces warned warns posted wrote writes
    noted commented confirmed confirms explained explains insisted argued argues claimed replied
    responded declared stressed emphasized emphasised highlighted remarked acknowledged reiterated
    tweeted asserted contended predicted reported admitted affirmed underlined indicated revealed
    conceded informed cautioned cautions urged urges vowed vows pledged pledges promised promises
    countered observed""".split()
)
# Verbs that may come before their subject ("…,” said Bessent); "told" takes an object instead
# ("…,” Kellerby told Shopper Desk), and so do "urged", "vowed", "promised", "pledged" ("…,
# urged caution").
INVERTIBLE_VERBS = frozenset(
    """said says added adds wrote writes stated noted commented confirmed explained insisted argued
    claimed replied responded declared stressed emphasized emphasised remarked acknowledged
    reiterated asserted contended continued warned reported admitted affirmed underlined indicated
    conceded informed cautioned countered observed""".split()
)
AUXILIARIES = frozenset(
    """has have had was were is are be been would will could should may might must did does do
    also has""".split()
)

# Function words. Negations are deliberately absent: "we want" and "we don't want" differ.
FUNCTION_WORDS = frozenset(
    """a an the this that these those some any each every either neither both all such what which
    who whom whose where when why how whether if then than as so too very just only also even
    and or but nor yet for of in on at by to from with without within into onto upon over under
    about above below after before between among through during against across along around toward
    towards via per i me my mine we us our ours you your yours he him his she her hers it its they
    them their theirs myself ourselves yourself himself herself itself themselves one ones
    be am is are was were been being have has had having do does did doing will would shall should
    can could may might must ought got get gets getting going
    there here now well oh ah like really quite rather s""".split()
)

NEGATIONS = frozenset({"not", "no", "never", "nor", "nothing", "none", "nobody", "neither", "cannot"})

PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "this", "that", "who", "which"})
POSSESSIVE_DETERMINERS = frozenset({"their", "its", "his", "her", "our", "my", "your"})
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "another", "one", "two"})
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "mx", "madam"})
# Titles English abbreviates with a full stop before a name ("Prof. Ana Ruiz", "Capt. Ana Ruiz"),
# beyond the short ones any capitalised word of up to three letters stands for ("Dr.", "Gen.").
TITLE_ABBREVIATIONS = frozenset({"prof", "capt", "supt", "insp", "lieut", "cmdr", "brig", "atty", "msgr"})
PREPOSITIONS = frozenset(
    """in on at by for of to from with without during after before since until into at via amid
    across through over under near about against among between per following ahead despite""".split()
)
CONJUNCTIONS = frozenset({"and", "or", "but", "while", "as", "because", "although", "though", "when", "if",
                          "that", "which", "who", "whom", "whose", "where", "than", "so", "since",
                          "unless", "whereas", "once", "after", "before", "until"})
# Adverbs that sit between a subject and its reporting verb ("Bessent later said").
INTERPOSED_ADVERBS = frozenset(
    """also later further then again once still earlier previously repeatedly recently separately
    reportedly subsequently initially additionally already first finally""".split()
)
# A speaker that is a document or a crowd is not a specific agent to conflict with.
NON_AGENT_HEADS = frozenset(
    """statement statements report reports data study survey figures document documents release
    sources source officials people analysts experts economists observers critics residents
    witnesses media reporters""".split()
)

_CONTRACTIONS = {
    "n't": ("not",), "'ve": ("have",), "'re": ("are",), "'ll": ("will",), "'m": ("am",), "'d": ("would",),
}
_IRREGULAR_NEG = {"won't": ("will", "not"), "can't": ("can", "not"), "cannot": ("can", "not"),
                  "shan't": ("shall", "not"), "ain't": ("is", "not")}
_S_IS = frozenset({"it", "that", "what", "there", "here", "he", "she", "who", "where", "how", "let"})

# --------------------------------------------------------------------------------------------
# Tokens
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Word:
    """One normalised word of a quote and the source offsets of the token it came from."""

    norm: str
    stem: str
    start: int
    end: int
    content: bool


@functools.lru_cache(maxsize=1 << 17)
def stem(word: str) -> str:
    """A light suffix-stripping stem ("decoupling", "decouple" -> "decoupl"): enough to tell an
    inflection apart from a different word, not a full morphological analysis."""
    w = word.lower().replace("-", "").replace("’", "'")
    for suffix in ("ational", "ation", "ition", "ments", "ment", "ings", "ing", "ies", "ied", "ion",
                   "ers", "er", "ed", "es", "ly", "s"):
        keep = 3 if suffix == "s" else 4
        if len(w) - len(suffix) >= keep and w.endswith(suffix) and not w.endswith("ss"):
            w = w[: -len(suffix)]
            break
    if len(w) > 4 and w.endswith("e"):
        w = w[:-1]
    return w


def quote_words(text: str, offset: int = 0) -> list[Word]:
    """The words of ``text`` normalised for verbatim comparison: lower case, apostrophes and hyphens
    straightened out, contractions expanded ("we’ve" -> "we have", "don't" -> "do not"), a
    possessive "'s" dropped. Punctuation is left out: it is not part of what was said."""
    out: list[Word] = []
    for m in _WORD_RE.finditer(text):
        raw = m.group().lower().replace("’", "'").replace("‘", "'")
        start, end = m.start() + offset, m.end() + offset
        parts: tuple[str, ...]
        if raw in _IRREGULAR_NEG:
            parts = _IRREGULAR_NEG[raw]
        else:
            parts = (raw,)
            for suf, exp in _CONTRACTIONS.items():
                if raw.endswith(suf) and len(raw) > len(suf):
                    parts = (raw[: -len(suf)],) + exp
                    break
            else:
                if raw.endswith("'s"):
                    base = raw[:-2]
                    parts = (base, "is") if base in _S_IS else (base,)
        for p in parts:
            p = p.replace("-", "").replace(".", "").strip("'")
            if not p:
                continue
            out.append(Word(p, stem(p), start, end, p not in FUNCTION_WORDS))
    return out


_WORD_RE = re.compile(r"[^\W_](?:[^\W_]|['’\-.,](?=[^\W_]))*", re.UNICODE)

# --------------------------------------------------------------------------------------------
# Quotations
# --------------------------------------------------------------------------------------------

_OPEN_DOUBLE = {"“": "”", "„": "“", "«": "»", "‹": "›", "「": "」", "『": "』"}
_CLOSE_DOUBLE = {"”", "»", "›", "」", "』"}
# The marks that close a quotation right before its inverted reporting verb ('…" said X', '…” said
# X', '…« said X' in the »…« convention), and with the comma every token that may stand there.
QUOTE_CLOSERS = "”\"»«’'"
_CLOSING_MARKS = frozenset(QUOTE_CLOSERS) | {","}
_MARK_RE = re.compile("[" + re.escape("".join(sorted(set(_OPEN_DOUBLE) | set(_OPEN_DOUBLE.values()) | _CLOSE_DOUBLE
                                                   | {'"', "‘", "'", "’"}))) + "]")
# Words the writer left out (ellipsis) or put in (brackets) split a quote into fragments.
_GAP_RE = re.compile(r"\s*(?:…|\.\s?\.\s?\.|\[[^\]]*\]|\([^)]*\))\s*")
_MAX_QUOTE_CHARS = 2000


@dataclass(frozen=True)
class Speaker:
    """Whom a source credits with a quote or a statement.

    ``start``/``end`` is the speaker phrase in the source ("Mr. Bessent", "China's Commerce
    Ministry", "he"). ``core`` are its content words in lower case (honorifics, determiners and
    possessive markers dropped). ``proper`` says whether it names someone (a capitalised word);
    ``pronoun`` whether it is only a pronoun; ``vague`` whether it is a possessive-led phrase
    without a name ("Their office"). ``resolved`` is the named speaker a pronoun was resolved to.
    """

    source: str
    start: int
    end: int
    text: str
    core: tuple[str, ...]
    proper: bool
    pronoun: bool
    vague: bool
    verb_start: int
    resolved: "Speaker | None" = None

    @property
    def named(self) -> "Speaker | None":
        """The speaker with a name: itself, or the one its pronoun was resolved to."""
        if self.pronoun:
            return self.resolved
        return self

    @property
    def head(self) -> str:
        return self.core[-1] if self.core else ""


@dataclass(frozen=True)
class Quote:
    """A quotation in one source: the words between the marks (``start``/``end``) and the
    fragments that are the speaker's own words (split at ellipses and bracketed insertions)."""

    source: str
    start: int
    end: int
    text: str
    fragments: tuple[tuple[int, int], ...]
    nested: bool
    speaker: Speaker | None
    passages: tuple[str, ...]

    def words(self) -> list[list[Word]]:
        """The normalised words of each fragment (see ``quote_words``). Computed once per quote: the
        checks compare every quote with many others, so this is asked for many times. The lists
        are shared: do not modify them."""
        found = self.__dict__.get("_words")
        if found is None:
            found = [quote_words(self.text[s - self.start:e - self.start], s) for s, e in self.fragments]
            object.__setattr__(self, "_words", found)
        return found

    def norms(self) -> tuple[tuple[str, ...], ...]:
        """The ``norm`` of each word of ``words()``, per fragment (computed once per quote)."""
        found = self.__dict__.get("_norms")
        if found is None:
            found = tuple(tuple(w.norm for w in frag) for frag in self.words())
            object.__setattr__(self, "_norms", found)
        return found


def find_quotes(text: str, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int, bool]]:
    """Quotations in ``text`` within the given content spans: (inner start, inner end, nested).

    Double quotes of every tradition (“…”, "…", „…“, «…», »…«) and single quotes (‘…’, '…') that are not
    apostrophes (we’ve, don't, the partners' offers). A double quote left open at the end of a
    paragraph runs to the paragraph's end (the convention for a quote spanning paragraphs); an
    unclosed single quote is dropped, since it was most likely an apostrophe. In a paragraph
    without quotation marks, a dialogue dash (``_dash_quotes``) quotes too.
    """
    found: list[tuple[int, int, bool]] = []
    for cs, ce in spans:
        para_start = cs
        for para in text[cs:ce].split("\n"):
            pstart = para_start
            para_start += len(para) + 1
            if not para.strip():
                continue
            marked = _quotes_in_paragraph(para, pstart)
            found.extend(marked if marked else _dash_quotes(para, pstart))
    return found


# The dialogue dash that Polish, Russian, Spanish, Italian, French and other presses use where
# English uses quotation marks, kept by machine translation: "- We will check every switch -
# declared the mayor." The quote opens a paragraph or a sentence, and a closing dash is followed
# by a reporting verb; a dash with no reporting verb after it is a list item or an aside, and
# markdown bullets stay unquoted.
_DASHES = "-–—"
_DASH_OPEN_RE = re.compile(r"(?:^|(?<=[.!?…])\s+)[" + _DASHES + r"]\s+(?=\w)")
_DASH_CLOSE_RE = re.compile(r"[,.!?…]?\s+[" + _DASHES + r"]\s+(\w+)(?:\s+(\w+))?")
# The Scandinavian and German-language form: the dash opens the paragraph and nothing closes the
# quote but the comma before the reporting clause ("- It is remarkably fresh, says the curator.").
_COMMA_CLOSE_RE = re.compile(r",\s+(\w+)(?:\s+(\w+))?")


def _dash_quotes(para: str, offset: int) -> list[tuple[int, int, bool]]:
    """Dialogue-dash quotations in one paragraph (see ``_DASHES``): (inner start, inner end,
    nested) with offsets into the text (``offset``: where the paragraph starts)."""
    out: list[tuple[int, int, bool]] = []
    pos = 0
    while True:
        opener = _DASH_OPEN_RE.search(para, pos)
        if opener is None:
            return out
        start = opener.end()
        # The verb comes first ("- said the mayor") or after its subject ("- he said").
        closer = next((m for m in _DASH_CLOSE_RE.finditer(para, start)
                       if m.group(1).lower() in REPORTING_VERBS
                       or (m.group(1).lower() in PRONOUNS and (m.group(2) or "").lower() in REPORTING_VERBS)), None)
        if closer is None:
            if para[:opener.start()].strip():
                return out
            # A dash opening the paragraph with no dash closing it: the quote runs to the first
            # comma followed by an inverted reporting verb ("says Holmquist") or pronoun and verb.
            closer = next((m for m in _COMMA_CLOSE_RE.finditer(para, start)
                           if m.group(1).lower() in INVERTIBLE_VERBS
                           or (m.group(1).lower() in PRONOUNS and (m.group(2) or "").lower() in REPORTING_VERBS)),
                          None)
            if closer is not None:
                _close(out, start, closer.start(), offset, nested=False)
            return out
        _close(out, start, closer.start(), offset, nested=False)
        pos = closer.end()


def _is_wordchar(ch: str) -> bool:
    return ch.isalnum()


def _quotes_in_paragraph(para: str, offset: int) -> list[tuple[int, int, bool]]:
    out: list[tuple[int, int, bool]] = []
    double_open: tuple[int, str] | None = None  # (inner start, expected closer)
    single_open: int | None = None
    n = len(para)
    for mark in _MARK_RE.finditer(para):  # every other character leaves the state as it is
        i, ch = mark.start(), mark.group()
        prev = para[i - 1] if i > 0 else " "
        nxt = para[i + 1] if i + 1 < n else " "
        if ch == "»" and double_open is None and nxt.isalnum() and not prev.isalnum():
            # German, Danish, Czech, Slovene and Croatian print »…«: a » against the word after it,
            # with nothing open, opens; the « that closes it is read below as the expected closer.
            double_open = (i + 1, "«")
            single_open = None
            continue
        if ch in _OPEN_DOUBLE and not (double_open and ch == double_open[1]):
            if double_open is None:
                double_open = (i + 1, _OPEN_DOUBLE[ch])
                single_open = None
            continue
        if ch == '"':
            if double_open is None:
                # A straight mark opens unless it trails a word with nothing after it (5" screen).
                if not (prev.isalnum() and (nxt.isspace() or nxt in ",.;")):
                    double_open = (i + 1, '"')
                    single_open = None
            else:
                _close(out, double_open[0], i, offset, nested=False)
                double_open = None
                single_open = None
            continue
        if ch in _CLOSE_DOUBLE or (double_open and ch == double_open[1]):
            if double_open is not None:
                _close(out, double_open[0], i, offset, nested=False)
                double_open = None
                single_open = None
            continue
        if ch in "‘'’":
            opening = (not _is_wordchar(prev)) and _is_wordchar(nxt) and ch in "‘'"
            closing = (not _is_wordchar(nxt)) and not prev.isspace() and ch in "’'"
            if single_open is not None and closing:
                _close(out, single_open, i, offset, nested=double_open is not None)
                single_open = None
            elif single_open is None and opening:
                single_open = i + 1
    if double_open is not None:
        # A quote running on into the next paragraph: what stands here is the speaker's.
        end = len(para.rstrip())
        if end > double_open[0]:
            _close(out, double_open[0], end, offset, nested=False)
    return out


def _close(out: list, inner_start: int, inner_end: int, offset: int, *, nested: bool) -> None:
    if inner_end - inner_start < 2 or inner_end - inner_start > _MAX_QUOTE_CHARS:
        return
    out.append((inner_start + offset, inner_end + offset, nested))


def fragments_of(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """The quote's own words: split at ellipses and bracketed insertions, trimmed of punctuation."""
    inner = text[start:end]
    frags: list[tuple[int, int]] = []
    pos = 0
    for m in _GAP_RE.finditer(inner):
        frags.append((pos, m.start()))
        pos = m.end()
    frags.append((pos, len(inner)))
    out = []
    for s, e in frags:
        while s < e and not inner[s].isalnum():
            s += 1
        while e > s and not inner[e - 1].isalnum():
            e -= 1
        if e > s:
            out.append((start + s, start + e))
    return tuple(out)


# --------------------------------------------------------------------------------------------
# Speakers and attributions
# --------------------------------------------------------------------------------------------

_VERB_RE = re.compile(
    r"\b(?:" + "|".join(sorted(REPORTING_VERBS, key=len, reverse=True)) + r")\b|\baccording to\b",
    re.IGNORECASE,
)
_SPK_TOKEN_RE = re.compile(r"[^\W_](?:[^\W_]|['’\-.&](?=[^\W_]))*|[^\w\s]", re.UNICODE)
_BOUNDARY = frozenset(",;:!?\"“”„«»—–[]")
_BE = frozenset({"is", "was", "were", "are", "be", "been", "being"})


@dataclass(frozen=True)
class Attribution:
    """A reporting verb in a passage and the speaker the source credits (the statement's agent)."""

    passage: str
    speaker: Speaker
    verb: str


Tok = tuple[str, int, int]


def speaker_tokens(text: str, start: int, end: int) -> list[Tok]:
    """Words and punctuation of ``text[start:end]``; an abbreviation keeps its final period
    ("Mr.", "U.S.", "K.H.") so that the period does not read as a clause boundary."""
    out: list[Tok] = []
    for m in _SPK_TOKEN_RE.finditer(text, start, end):
        g = m.group()
        if g == "." and out and out[-1][2] == m.start():
            w = out[-1][0]
            letters = w.replace(".", "")
            if w[:1].isupper() and (len(letters) <= 3 or "." in w or w.lower() in TITLE_ABBREVIATIONS):
                out[-1] = (w + ".", out[-1][1], m.end())
                continue
        out.append((g, m.start(), m.end()))
    return out


def _is_boundary(tok: str) -> bool:
    return tok in _BOUNDARY or tok == "."


def _capitalised(word: str) -> bool:
    """Whether a word is printed as a name: capitalised, or a lower-case particle hyphened to a
    capitalised name ("al-Qudaimi", "el-Sayed", "ter-Horst")."""
    return word[:1].isupper() or ("-" in word and word.rsplit("-", 1)[1][:1].isupper())


def _speaker_from_tokens(source: str, text: str, toks: Sequence[Tok], verb_start: int) -> Speaker | None:
    """Build a Speaker from the tokens of a noun phrase, or None when they do not look like one."""
    toks = [t for t in toks if t[0] not in ("(", ")")]
    while toks and (toks[0][0].lower() in INTERPOSED_ADVERBS or toks[0][0].lower() == "and"):
        toks = toks[1:]
    # A verb inside the phrase ends it: "Trump described the meeting", "Trump has".
    for i, (w, _, _) in enumerate(toks):
        lw = w.lower()
        if i > 0 and w[0].islower() and (lw in AUXILIARIES or lw in REPORTING_VERBS or
                                        (lw.endswith("ed") and len(lw) > 4) or lw.endswith("ing")):
            toks = toks[:i]
            break
    while toks and (toks[-1][0].lower() in INTERPOSED_ADVERBS or
                    (toks[-1][0][0].islower() and toks[-1][0].lower().endswith("ly")) or
                    toks[-1][0].lower() in ("and", "of", "the")):
        toks = toks[:-1]
    if not toks or len(toks) > 12:
        return None
    words = [t[0] for t in toks]
    lower = [w.lower().rstrip(".").replace("’", "'") for w in words]
    if lower[0] in ("which", "that", "what", "where", "when", "who", "there", "here") or lower[0].endswith("ing"):
        return None
    pronoun = len(lower) == 1 and lower[0] in PRONOUNS
    if len(lower) == 1 and lower[0] in FUNCTION_WORDS and not pronoun:
        return None
    core: list[str] = []
    proper = False
    for i, (w, lw) in enumerate(zip(words, lower)):
        if lw.endswith("'s"):
            lw = lw[:-2]
        if pronoun:
            core.append(lw)
            break
        if lw in HONORIFICS or lw in FUNCTION_WORDS or not lw or not lw[0].isalnum():
            continue
        if lw.isdigit():
            return None
        if _capitalised(w):
            proper = True
        core.append(lw)
    if not core or any(c in NON_AGENT_HEADS for c in core):
        return None
    start, end = toks[0][1], toks[-1][2]
    return Speaker(source=source, start=start, end=end, text=text[start:end], core=tuple(core),
                   proper=proper and not pronoun, pronoun=pronoun,
                   vague=lower[0] in POSSESSIVE_DETERMINERS and not proper, verb_start=verb_start)


def _apposed_name(part: Sequence[Tok]) -> list[Tok]:
    """The run of two or more capitalised words that closes a prepositional phrase right after a
    lower-case common noun ("of the association Sevil Babazada" -> "Sevil Babazada"); [] when
    there is none ("of the European Central Bank": the capitals follow an article and are the
    noun phrase itself)."""
    run: list[Tok] = []
    for t in reversed(part):
        if t[0][:1].isupper() and t[0][:1].isalpha():
            run.insert(0, t)
        else:
            break
    if len(run) < 2 or len(run) == len(part):
        return []
    before = part[len(part) - len(run) - 1][0]
    if not before[:1].islower() or before.lower() in FUNCTION_WORDS or before.lower() in PREPOSITIONS:
        return []
    return run


def _np_before(source: str, text: str, toks: Sequence[Tok], vi: int) -> Speaker | None:
    """The subject noun phrase ending right before the reporting verb at token ``vi``.

    Walks back to a clause boundary (skipping a parenthesis and a relative clause: "Bessent, who
    will attend, said"), then drops trailing prepositional phrases ("Trump on Wednesday said") and
    anything before a subordinating word ("… since Mr. Trump announced").
    """
    chunk: list[Tok] = []
    i = vi - 1
    depth = 0
    skipped = False
    while i >= 0 and len(chunk) < 24:
        w = toks[i][0]
        if w == ")":
            depth += 1
        elif w == "(":
            depth = max(0, depth - 1)
        elif depth == 0 and _is_boundary(w):
            if w == "," and all(t[0].lower() in INTERPOSED_ADVERBS for t in chunk) and not skipped:
                # "Bessent, who will attend, said" / "Greta Kellerby, a spokeswoman for Veltrax,
                # told" / "X, who wants the plant, still said": skip the relative clause or
                # appositive to the subject before it (an adverb before the verb is no subject).
                k = i - 1
                while k >= 0 and not _is_boundary(toks[k][0]):
                    k -= 1
                if k >= 0 and toks[k][0] == "," and 0 < i - k - 1 <= 12 and k > 0 \
                        and _name_closes(toks, k - 1):
                    i = k - 1
                    chunk = []
                    skipped = True
                    continue
            break
        if depth == 0 and w not in ("(", ")"):
            chunk.insert(0, toks[i])
        i -= 1
    if not chunk:
        return None
    parts: list[list[Tok]] = [[]]
    for j, t in enumerate(chunk):
        lw = t[0].lower()
        nxt = chunk[j + 1][0] if j + 1 < len(chunk) else ""
        nxt2 = chunk[j + 2][0] if j + 2 < len(chunk) else ""
        in_name = lw == "of" and (nxt[:1].isupper() or (nxt.lower() == "the" and nxt2[:1].isupper()))
        if (lw in PREPOSITIONS and not in_name) or (lw in CONJUNCTIONS and lw != "and"):
            parts.append([t])
        else:
            parts[-1].append(t)
    if chunk[-1][0].lower() == "and":
        # "Trump described the meeting as productive and said": the first verb's subject.
        return _speaker_from_tokens(source, text, parts[0], toks[vi][1])
    for k in range(len(parts) - 1, -1, -1):
        part = parts[k]
        if not part:
            continue
        lw = part[0][0].lower()
        if lw in PREPOSITIONS and not (lw in CONJUNCTIONS):
            if k > 0 and _member_of(parts[k - 1], part):
                # "Regulators at NHTSA said", "officials from the Commerce Ministry said": the
                # organisation names the speaker; the common noun before it does not.
                return _speaker_from_tokens(source, text, part[1:], toks[vi][1])
            name = _apposed_name(part)
            if name:
                # "The chairwoman of the association Sevil Babazada said": a name closing the
                # subject right after a common noun stands in apposition to its head (the comma
                # a translation drops): the person speaks, not "the chairwoman".
                return _speaker_from_tokens(source, text, name, toks[vi][1])
            continue
        if lw in CONJUNCTIONS and lw != "and":
            if k > 0 and lw in _ADVERBIAL_OPENERS and _participle_clause(part[1:]):
                # "Chairman X while talking to the media said": a reduced adverbial clause (a
                # conjunction and a participle, commas a translation drops) between the subject
                # and its verb; the subject stands before it.
                continue
            part = part[1:]
        return _speaker_from_tokens(source, text, part, toks[vi][1])
    return None


# Conjunctions that open a reduced adverbial clause ("while talking to reporters", "when asked").
_ADVERBIAL_OPENERS = frozenset({"while", "when", "as", "although", "though", "once", "whilst"})


def _participle_clause(toks: Sequence[Tok]) -> bool:
    """Whether ``toks`` open with a lower-case participle ("talking", "asked"): the clause has
    no subject of its own, so it is the subject's, not a speaker."""
    if not toks:
        return False
    w = toks[0][0]
    return w.islower() and len(w) > 4 and (w.endswith("ing") or w.endswith("ed"))


def _name_closes(toks: Sequence[Tok], j: int) -> bool:
    """Whether token ``j`` closes a name: a capitalised word, or a parenthesis after one ("Mr
    Okuhara (68)", the age a translation prints in brackets)."""
    if j >= 0 and toks[j][0] == ")":
        while j >= 0 and toks[j][0] != "(":
            j -= 1
        j -= 1
    return j >= 0 and toks[j][0][:1].isupper()


_MEMBER_PREPOSITIONS = frozenset({"at", "from", "for", "of", "with"})
_CALENDAR = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february march
april may june july august september october november december""".split())


def _member_of(people: Sequence[Tok], org: Sequence[Tok]) -> bool:
    """Whether ``people`` + ``org`` reads "<common noun> at/from/of <Name>": a group of people
    ("Regulators", "officials", "a spokesman") and the named body they speak for."""
    if not people or not org or org[0][0].lower() not in _MEMBER_PREPOSITIONS:
        return False
    names = [t[0] for t in org[1:] if t[0].lower() not in ("the", "a", "an")]
    if not names or not all(w[:1].isupper() for w in names) or any(w.lower() in _CALENDAR for w in names):
        return False
    # The people part is common words (its first word may be capitalised only as the sentence opens).
    return all(not t[0][:1].isupper() for t in people[1:]) and people[-1][0][:1].isalpha()


def _np_after(source: str, text: str, toks: Sequence[Tok], vi: int, span: int) -> Speaker | None:
    """The noun phrase right after an inverted reporting verb ("…,” said Bessent, who …), when it
    is followed by a boundary and not by a clause of its own ("said the United States plans")."""
    chunk: list[Tok] = []
    j = vi + span
    while j < len(toks) and len(chunk) < 9:
        w = toks[j][0]
        lw = w.lower()
        if _is_boundary(w) or lw in PREPOSITIONS or (lw in CONJUNCTIONS and lw != "and") or lw.endswith("ing") \
                or lw in INTERPOSED_ADVERBS or lw in ("last", "who"):
            break
        chunk.append(toks[j])
        j += 1
    if not chunk or chunk[0][0].lower() in PRONOUNS:
        return None
    if j < len(toks) and toks[j][0].lower() in PREPOSITIONS and not any(t[0][:1].isupper() for t in chunk):
        # "says the union chairman at the glassworks Radim Hruby.": the name closing the
        # phrase after a common noun is the speaker's, in apposition (see ``_apposed_name``).
        k = j + 1
        while k < len(toks) and k - j < 8 and not _is_boundary(toks[k][0]):
            k += 1
        if k == len(toks) or toks[k][0] in (".", ",", ";"):
            name = _apposed_name(toks[j:k])
            if name:
                return _speaker_from_tokens(source, text, name, toks[vi][1])
    if any(t[0][:1].isupper() for t in chunk) and chunk[-1][0][:1].islower():
        return None  # "said the United States plans to …": a clause, not an inversion
    if any(w[0].islower() and (w.lower() in AUXILIARIES or w.lower() in REPORTING_VERBS or
                               (w.lower().endswith("ed") and len(w) > 4)) for w, _, _ in chunk[1:]):
        return None  # "said the town would rebuild": a clause of its own, not the speaker
    return _speaker_from_tokens(source, text, chunk, toks[vi][1])


def _and_led(toks: Sequence[Tok], vi: int) -> bool:
    """Whether the verb at token ``vi`` opens its sentence after a lone "And": the verb-first order
    of Arabic and other languages kept by machine translation ("And said the director, Ana Ruiz,
    that…"), where the speaker follows the verb."""
    return vi == 1 and toks[0][0] == "And"


def attributions_in(source: Source, passage: Passage, quoted: Sequence[tuple[int, int]] = (),
                    toks: Sequence[Tok] | None = None) -> list[Attribution]:
    """Every reporting verb in the passage (outside quotations) with the speaker it credits.

    ``X said``/``X told …`` take the subject before the verb; ``said X`` after a quote or a comma
    takes the phrase after it; ``according to X`` the phrase after "to". A passive ("what is
    said") has no speaker.
    """
    text = source.text
    if toks is None:
        toks = speaker_tokens(text, passage.start, passage.end)
    out: list[Attribution] = []
    for vi, (w, ts, te) in enumerate(toks):
        lw = w.lower()
        span = 1
        if lw == "according" and vi + 1 < len(toks) and toks[vi + 1][0].lower() == "to":
            span = 2
        elif lw not in REPORTING_VERBS:
            continue
        if any(qs <= ts < qe for qs, qe in quoted):
            continue
        prev = toks[vi - 1][0] if vi > 0 else ""
        if prev.lower() in _BE:
            continue
        spk: Speaker | None = None
        if span == 2:
            spk = _np_after(source.id, text, toks, vi, span)
        else:
            # After a quote's closing mark or dialogue dash ("- said the mayor"), the speaker follows.
            if (vi == 0 or prev in _CLOSING_MARKS or prev in _DASHES or _and_led(toks, vi)) and lw in INVERTIBLE_VERBS:
                spk = _np_after(source.id, text, toks, vi, 1)
            if spk is None:
                spk = _np_before(source.id, text, toks, vi)
        if spk is not None:
            out.append(Attribution(passage=passage.id, speaker=spk, verb=" ".join(t[0] for t in toks[vi:vi + span]).lower()))
    return out


# --------------------------------------------------------------------------------------------
# Aliases: which titles the story itself links to which names
# --------------------------------------------------------------------------------------------

_CAP_RUN_RE = re.compile(
    r"(?:[A-Z][\w’'\-.&]*\.?\s+(?:(?:of|the|for|on)\s+){0,2})*[A-Z][\w’'\-&]*",
)


_LEAD_SPLIT_RE = re.compile(r"[.,;:!?\"“”()\n]")
_ALIAS_WORD_RE = re.compile(r"[^\W_][\w’'\-]*")
_APPOSITIVE_RE = re.compile(r",\s+(?:the|a|an)\s+([^,.;]{3,80}?),")


class Aliases:
    """Story-wide descriptions of names: which words the sources use together for one agent.

    Every capitalised run in every source ("US Treasury Secretary Scott Bessent"), with the lower
    case title words right before it ("chief executive Jane Doe") and an appositive after it
    ("Lin Jian, the Chinese foreign ministry spokesperson,"), is one description. Two speakers are
    the same agent when one description holds both ("Treasury Secretary" and "Bessent"); two
    descriptions that merely share a head ("Justice Ministry", "Interior Ministry") do not link them.
    """

    MAX_PER_WORD = 200  # distinct descriptions kept per word (the longest first): bounds the work

    def __init__(self, texts: Iterable[str]) -> None:
        runs: set[frozenset[str]] = set()
        for text in texts:
            for m in _CAP_RUN_RE.finditer(text):
                words = [w.lower().rstrip(".").replace("’", "'") for w in m.group().split()]
                words = [w[:-2] if w.endswith("'s") else w for w in words]
                words = [w for w in words if w not in ("of", "the", "for", "on") and w not in HONORIFICS]
                if not words:
                    continue
                lead = _LEAD_SPLIT_RE.split(text[max(0, m.start() - 60):m.start()])[-1]
                for w in reversed(_ALIAS_WORD_RE.findall(lead)[-4:]):
                    lw = w.lower().replace("’", "'")
                    if lw in FUNCTION_WORDS or lw in REPORTING_VERBS:
                        break
                    words.append(lw[:-2] if lw.endswith("'s") else lw)
                app = _APPOSITIVE_RE.match(text[m.end():m.end() + 90])
                if app:
                    words.extend(w.lower() for w in _ALIAS_WORD_RE.findall(app.group(1))
                                 if w.lower() not in FUNCTION_WORDS)
                if len(words) > 1:
                    runs.add(frozenset(words))
        by_word: dict[str, list[frozenset[str]]] = defaultdict(list)
        for run in sorted(runs, key=lambda r: (-len(r), sorted(r))):
            for w in run:
                if len(by_word[w]) < self.MAX_PER_WORD:
                    by_word[w].append(run)
        self._by_word = dict(by_word)
        self._memo: dict[tuple[tuple[str, ...], tuple[str, ...]], bool] = {}
        # ``compatible`` verdicts on pairs of named speakers, by their words (see ``compatible``).
        self.compatible_memo: dict[tuple[tuple[str, ...], str, tuple[str, ...], str], bool] = {}

    def linked(self, a: Sequence[str], b: Sequence[str]) -> bool:
        """Whether one description in the story holds all words of both ``a`` and ``b``."""
        key = (tuple(a), tuple(b))
        hit = self._memo.get(key)
        if hit is None:
            hit = self._memo[key] = self._linked(list(dict.fromkeys(list(a) + list(b))))
        return hit

    def _linked(self, want: list[str]) -> bool:
        # Any word of either speaker may be the one the description spells as they do ("Becent").
        for w in want:
            for run in self._by_word.get(w, ()):
                if _covered(want, run):
                    return True
        return False


@functools.lru_cache(maxsize=1 << 18)
def words_match(a: str, b: str) -> bool:
    """Two speaker words name the same thing: equal, same stem, a demonym and its country ("chinese",
    "china"), or a near spelling or the same sound of a name ("becent"/"bessent", "kispe"/"quispe").
    A misspelt name is the names check's business, not a different speaker."""
    if a == b or stem(a) == stem(b):
        return True
    if len(a) >= 4 and len(b) >= 4 and a[:4] == b[:4] and (a.startswith(b[:-1]) or b.startswith(a[:-1])):
        return True
    if min(len(a), len(b)) >= 4 and jellyfish.metaphone(a) == jellyfish.metaphone(b):
        return True  # same sound ("kispe", "quispe")
    return a[:1] == b[:1] and min(len(a), len(b)) >= 4 and JaroWinkler.similarity(a, b) >= 0.86


def _covered(core: Sequence[str], pool: Iterable[str]) -> bool:
    return all(any(words_match(w, p) for p in pool) for w in core)


def compatible(a: Speaker | None, b: Speaker | None, aliases: Aliases) -> bool:
    """Whether two speakers can be the same agent.

    Unknown, pronoun and unnamed speakers ("the spokesman", "officials") are compatible with
    anyone: they do not contradict a name. Two named speakers are compatible when one's words are
    all among the other's ("China's Commerce Ministry" and "a Chinese Commerce Ministry
    spokesman") or one description in the story holds both ("Treasury Secretary" and "Scott
    Bessent", see ``Aliases``).
    """
    if a is None or b is None:
        return True
    a, b = a.named, b.named
    if a is None or b is None or not a.proper or not b.proper:
        return True
    # Two named speakers: the answer depends only on their words, and a story names the same few
    # speakers over and over, so it is memoised per story (on its ``Aliases``).
    key = (a.core, a.text, b.core, b.text)
    hit = aliases.compatible_memo.get(key)
    if hit is None:
        hit = aliases.compatible_memo[key] = _named_compatible(a, b, aliases)
    return hit


def _named_compatible(a: Speaker, b: Speaker, aliases: Aliases) -> bool:
    if _covered(a.core, b.core) or _covered(b.core, a.core):
        return True
    if _acronym_of(a, b) or _acronym_of(b, a):
        return True
    return aliases.linked(a.core, b.core)


def _acronym_of(short: Speaker, full: Speaker) -> bool:
    """"NHTSA" and "the National Highway Traffic Safety Administration"."""
    if len(short.core) != 1 or len(full.core) < 2:
        return False
    initials = "".join(w[0] for w in re.findall(r"\b[A-Z][\w’'\-]*", full.text))
    letters = short.core[0].replace(".", "")
    return len(letters) >= 2 and initials.lower().endswith(letters) or initials.lower() == letters


# --------------------------------------------------------------------------------------------
# The per-context analysis
# --------------------------------------------------------------------------------------------


@dataclass
class Speech:
    """Quotes and attributions of every source, with lookups the checks need."""

    quotes: dict[str, list[Quote]]
    attributions: dict[str, list[Attribution]]
    aliases: Aliases

    def quotes_in_passage(self, passage_id: str) -> list[Quote]:
        return self._by_passage.get(passage_id, [])

    def aligned_quotes(self, ctx: CheckContext, q: Quote, *, nested: bool = True) -> dict[str, list[Quote]]:
        """The quotes of other sources in passages aligned with ``q``'s, by source (first-seen
        order). ``nested=False`` leaves out quotes inside other quotes."""
        aligned: dict[str, list[Quote]] = defaultdict(list)
        for pid in q.passages:
            group = ctx.group_of.get(pid)
            if group is None:
                continue
            for p in group.passages:
                if p.source != q.source:
                    aligned[p.source].extend(c for c in self.quotes_in_passage(p.id) if nested or not c.nested)
        return aligned

    def __post_init__(self) -> None:
        self._by_passage: dict[str, list[Quote]] = defaultdict(list)
        for qs in self.quotes.values():
            for q in qs:
                for pid in q.passages:
                    self._by_passage[pid].append(q)
        self._att_by_passage: dict[str, list[Attribution]] = defaultdict(list)
        for atts in self.attributions.values():
            for a in atts:
                self._att_by_passage[a.passage].append(a)

    def attributions_in_passage(self, passage_id: str) -> list[Attribution]:
        return self._att_by_passage.get(passage_id, [])


_CACHE: dict[int, tuple[weakref.ref, Speech]] = {}


def speech_of(ctx: CheckContext) -> Speech:
    """The speech analysis of a context, computed once and shared by the checks that need it."""
    hit = _CACHE.get(id(ctx))
    if hit is not None and hit[0]() is ctx:
        return hit[1]
    result = analyse(ctx.sources, ctx.alignment.passages)
    _CACHE.clear()
    _CACHE[id(ctx)] = (weakref.ref(ctx), result)
    return result


def analyse(sources: Mapping[str, Source], passages: Sequence[Passage]) -> Speech:
    """Find every source's quotes (with speakers) and attributions.

    Reporting verbs inside a quotation are the speaker's words, not the source's attribution, and
    are skipped. A quote's speaker is the attribution right after it in the same sentence ("…,” he
    said"), else the one right before it ("Bessent said: “…”"), else that of the quote just before
    it in the same paragraph (a quote continued after an attribution). "He"/"she" is resolved,
    conservatively, to the last named speaker of the same source within three passages.
    """
    by_source: dict[str, list[Passage]] = defaultdict(list)
    for p in passages:
        by_source[p.source].append(p)
    quotes: dict[str, list[Quote]] = {}
    atts: dict[str, list[Attribution]] = {}
    aliases = Aliases(s.text[a:b] for s in sources.values() for a, b in s.content)
    # Each passage's speaker tokens, read once: the names, the attributions and the sentence
    # openers are all found in them.
    toks_of = {p.id: speaker_tokens(sources[p.source].text, p.start, p.end) for p in passages}
    proper_words = _proper_words(passages, toks_of)
    for sid in sorted(by_source):
        src = sources[sid]
        ps = sorted(by_source[sid], key=lambda p: p.start)
        starts = [p.start for p in ps]
        raw = find_quotes(src.text, src.content)
        outer = sorted((s, e) for s, e, nested in raw if not nested)
        source_atts: list[Attribution] = []
        last_named: list[tuple[int, Speaker]] = []
        for pos, p in enumerate(ps):
            quoted = [(s, e) for s, e in outer if s < p.end and e > p.start]
            for a in attributions_in(src, p, quoted, toks_of[p.id]):
                spk = a.speaker
                if spk.proper and not any(w in proper_words for w in spk.core):
                    # Capitalised only because it opens the sentence ("Regulators said"): unnamed.
                    spk = replace(spk, proper=False)
                if spk.pronoun and spk.core[0] in ("he", "she"):
                    # The name this sentence or the one before opens with ("Seixas, a businessman,
                    # conceded. “…,” he said"), else the last named speaker close before.
                    here = _person_at_start(src, toks_of[p.id], proper_words)
                    cand = [here] if here is not None and here.end < spk.start else []
                    if not cand and pos > 0:
                        before = _person_at_start(src, toks_of[ps[pos - 1].id], proper_words)
                        cand = [before] if before is not None else []
                    if not cand:
                        cand = [x for ppos, x in last_named if pos - ppos <= 3 and x.start < spk.start]
                    if cand:
                        spk = replace(spk, resolved=cand[-1])
                        last_named.append((pos, cand[-1]))
                elif spk.proper:
                    last_named.append((pos, spk))
                source_atts.append(Attribution(a.passage, spk, a.verb))
        atts[sid] = source_atts
        att_sorted = sorted(source_atts, key=lambda a: a.speaker.verb_start)
        verb_starts = [a.speaker.verb_start for a in att_sorted]
        qs: list[Quote] = []
        prev_speaker: tuple[int, Speaker] | None = None  # (paragraph start, speaker)
        for s, e, nested in sorted(raw):
            if not nested and any(os_ < s and e < oe for os_, oe in outer):
                nested = True
            para_start = src.text.rfind("\n", 0, s) + 1
            spk = _speaker_for_quote(src.text, s, e, att_sorted, verb_starts, outer)
            if spk is None and not nested:
                spk = _colon_speaker(src, s)
            if spk is None and prev_speaker is not None and prev_speaker[0] == para_start and not nested:
                spk = prev_speaker[1]
            if spk is not None and not nested:
                prev_speaker = (para_start, spk)
            qs.append(Quote(source=sid, start=s, end=e, text=src.text[s:e], fragments=fragments_of(src.text, s, e),
                            nested=nested, speaker=spk, passages=_passages_overlapping(ps, starts, s, e)))
        quotes[sid] = qs
    return Speech(quotes=quotes, attributions=atts, aliases=aliases)


def _proper_words(passages: Sequence[Passage], toks_of: Mapping[str, Sequence[Tok]]) -> frozenset[str]:
    """Words the story capitalises inside sentences (names), in lower case: "Seixas", not "Despite".
    In: the passages and their speaker tokens by passage id."""
    out: set[str] = set()
    for p in passages:
        for w, _, _ in toks_of[p.id][1:]:
            if _capitalised(w):
                lw = w.lower().rstrip(".").replace("’", "'")
                out.add(lw[:-2] if lw.endswith("'s") else lw)
    return frozenset(out)


def _subject_at_start(src: Source, toks: Sequence[Tok], proper_words: frozenset[str]) -> Speaker | None:
    """The name a passage opens with, when it opens with one ("Seixas, a businessman, …"). In: the
    passage's speaker tokens. A phrase fronted before the subject and closed by a comma ("In
    Tsurugaoka, Hamasaki Ryota surveyed …", "After the vote, Seixas …") is read past: the sentence
    still opens with that subject."""
    toks = _past_fronted_phrase(toks)
    # A title the story prints only here, at the head of the sentence ("Deputy Mayor Iwona Sobczyk
    # visited ..."), is capitalised as the name it stands before: read past it to the name.
    lead = 0
    while lead < min(len(toks) - 1, _MAX_LEAD_TITLES) and _title_like(toks[lead][0], proper_words):
        lead += 1
    if lead and not _starts_name(toks[lead][0], proper_words):
        lead = 0
    run = _name_run_at(toks, lead, proper_words)
    if lead and not _closes_subject(toks, lead + len(run)):
        # Only where the name closes the subject ("..., who", "... visited"): "Vial Norte chief
        # Ana Ruiz" is a body's name whose first word opens the sentence, not a title.
        run = _name_run_at(toks, 0, proper_words)
    if not run or all(t[0].lower().rstrip(".") in HONORIFICS for t in run):
        return None
    return _speaker_from_tokens(src.id, src.text, run, run[0][1])


_MAX_LEAD_TITLES = 3
_MAX_TITLE_WORDS = 3


def _closes_subject(toks: Sequence[Tok], k: int) -> bool:
    """Whether a name ending before token ``k`` closes its sentence's subject: the passage ends
    there, or a boundary, an auxiliary or a verb form follows ("..., who", "... visited")."""
    if k >= len(toks):
        return True
    nxt = toks[k][0]
    return _is_boundary(nxt) or nxt.lower() in AUXILIARIES or _verb_form(nxt)


def _person_at_start(src: Source, toks: Sequence[Tok], proper_words: frozenset[str]) -> Speaker | None:
    """The person a passage opens with, for a "he"/"she" to refer to: ``_subject_at_start``, read on
    past a body's name to the person its lower-case title introduces ("Harbour Board chairman Ana
    Ruiz visited the quay": Ana Ruiz, not the board; a pronoun stands for a person). The title is
    one to ``_MAX_TITLE_WORDS`` lower-case words (no word of grammar), the name two or more
    capitalised words closing the subject (a boundary, an auxiliary or a verb form after it).
    Otherwise ``_subject_at_start`` as it reads."""
    subj = _subject_at_start(src, toks, proper_words)
    if subj is None:
        return None
    i = next((k for k, t in enumerate(toks) if t[1] >= subj.end), len(toks))
    j = i
    while j < len(toks) and j - i < _MAX_TITLE_WORDS and toks[j][0].isalpha() and toks[j][0].islower() \
            and toks[j][0] not in FUNCTION_WORDS and toks[j][0] not in CONJUNCTIONS and not _verb_form(toks[j][0]):
        j += 1
    if j == i:
        return subj
    end = name_run(toks, j)
    if end - j < 2 or any(toks[k][0].lower() in ("of", "the", "for") for k in range(j, end)):
        return subj
    if not _closes_subject(toks, end):
        return subj
    first = next(k for k, t in enumerate(toks) if t[1] >= subj.start)
    return _name_speaker(src.id, src.text, toks[first:end], subj.verb_start) or subj


def _name_run_at(toks: Sequence[Tok], i: int, proper_words: frozenset[str]) -> list[Tok]:
    """The run of name words (the story's proper words, honorifics) from token ``i`` on."""
    run = []
    for t in toks[i:]:
        lw = t[0].lower().rstrip(".")
        if t[0][:1].isupper() and (lw in HONORIFICS or (lw in proper_words and lw not in FUNCTION_WORDS
                                                         and lw not in PREPOSITIONS and lw not in CONJUNCTIONS)):
            run.append(t)
        else:
            break
    return run


def _title_like(word: str, proper_words: frozenset[str]) -> bool:
    """A capitalised word that is no name of the story and no word of grammar ("Deputy")."""
    lw = word.lower().rstrip(".")
    return word[:1].isupper() and word[:1].isalpha() and lw not in proper_words and lw not in FUNCTION_WORDS \
        and lw not in PREPOSITIONS and lw not in CONJUNCTIONS and lw not in HONORIFICS and lw not in PRONOUNS


def _starts_name(word: str, proper_words: frozenset[str]) -> bool:
    lw = word.lower().rstrip(".")
    return word[:1].isupper() and (lw in HONORIFICS or (lw in proper_words and lw not in FUNCTION_WORDS))


# A fronted phrase ("In Tsurugaoka,", "On Monday night,") is short: beyond this many tokens the
# comma more likely closes something else (a list, an apposition) than an opening phrase.
_MAX_FRONTED_TOKENS = 6


def _past_fronted_phrase(toks: Sequence[Tok]) -> Sequence[Tok]:
    """The tokens after an opening prepositional phrase closed by a comma, when the passage opens
    with one; else the tokens unchanged. In/out: speaker tokens."""
    if not toks or not toks[0][0][:1].isupper() or toks[0][0].lower() not in PREPOSITIONS:
        return toks
    for i, t in enumerate(toks[1:_MAX_FRONTED_TOKENS + 1], start=1):
        if t[0] == ",":
            return toks[i + 1:]
        if _is_boundary(t[0]):
            break
    return toks


def _passages_overlapping(ps: Sequence[Passage], starts: Sequence[int], s: int, e: int) -> tuple[str, ...]:
    i = max(0, bisect.bisect_right(starts, s) - 1)
    out = []
    while i < len(ps) and ps[i].start < e:
        if ps[i].end > s:
            out.append(ps[i].id)
        i += 1
    return tuple(out)


_SENTENCE_END_RE = re.compile(r"[.!?…]\s|\n")
_COLON_BEFORE_QUOTE_RE = re.compile(r":\s*[“\"«„‘]?\s*$")
_SENTENCE_START_RE = re.compile(r"(?:^|[.!?…]\s+|\n)(?=[^.!?…\n]*$)")
_MAX_COLON_CLAUSE = 200
_RELATIVES = frozenset({"who", "whom", "whose"})


def _colon_speaker(src: Source, s: int) -> Speaker | None:
    """The named subject of the clause a colon closes right before the quote at ``s`` ("One
    witness, Ana Ruiz, described the scene: “…”"): a colon hands the floor to the quotation, and
    the one who speaks is the clause's subject, whatever its verb (a verb of description is no
    reporting verb). The verb is the clause's first lower-case word past its subject that reads as
    a verb form; the subject is read as for a reporting verb, a name in apposition included.
    None when the subject is no name."""
    text = src.text
    lo = max(0, s - _MAX_COLON_CLAUSE)
    head = text[lo:s]
    colon = _COLON_BEFORE_QUOTE_RE.search(head)
    if colon is None:
        return None
    start = _SENTENCE_START_RE.search(head, 0, colon.start())
    if start is None or (start.start() == 0 and lo > 0 and not text[lo - 1] in ".!?…\n"):
        return None
    toks = speaker_tokens(text, lo + start.end(), lo + colon.start())
    vi = next((i for i, (w, _, _) in enumerate(toks) if i > 0 and _verb_form(w)), None)
    # A relative clause after the subject ("X, who visited the ward, was categorical:") holds a
    # verb of its own: the subject is the phrase before it, whatever the main verb (a copula).
    rel = next((i for i in range(1, len(toks) - 1) if toks[i][0] == "," and toks[i + 1][0].lower() in _RELATIVES), None)
    if rel is not None and (vi is None or vi > rel):
        vi = rel
    if vi is None:
        return None
    spk = _np_before(src.id, text, toks, vi) or fuller_speaker(src.id, text, toks, vi)
    return spk if spk is not None and spk.proper and not spk.pronoun else None


def _verb_form(word: str) -> bool:
    """A lower-case word printed as a finite verb: a reporting verb, a regular past ("described"),
    or a past form WordNet lists for an irregular verb ("gave")."""
    lw = word.lower()
    if not word[:1].islower() or lw in FUNCTION_WORDS or lw in AUXILIARIES:
        return False
    return lw in REPORTING_VERBS or (len(lw) > 4 and lw.endswith("ed")) or bool(_irregular_past(lw))


def _irregular_past(word: str) -> tuple[str, ...]:
    return tuple(b for b in verb_exceptions(word) if b != word)
_QUOTE_OPEN_RE = re.compile(r"[“\"«„‘]\s*\w")


def _speaker_for_quote(text: str, s: int, e: int, atts: Sequence[Attribution], verb_starts: Sequence[int],
                       outer: Sequence[tuple[int, int]]) -> Speaker | None:
    """The attribution right after the quote (same sentence, no other quote between; not after a
    quote that ends its own sentence with a full stop), else the one right before it."""
    i = bisect.bisect_left(verb_starts, e)
    if i < len(atts) and not text[s:e].rstrip().endswith("."):
        a = atts[i]
        gap = text[e + 1:a.speaker.verb_start]
        if len(gap) <= 100 and not _SENTENCE_END_RE.search(gap) and not _QUOTE_OPEN_RE.search(gap):
            return a.speaker
    j = bisect.bisect_left(verb_starts, s) - 1
    if j >= 0:
        a = atts[j]
        gap = text[a.speaker.verb_start:s]
        if len(gap) <= 120 and not _SENTENCE_END_RE.search(gap) and a.speaker.end <= s \
                and not any(a.speaker.verb_start < oe <= s - 1 for _, oe in outer):
            return a.speaker
    return None


# --------------------------------------------------------------------------------------------
# A fuller reading of speakers (used by the attribution check)
# --------------------------------------------------------------------------------------------
# ``attributions_in`` leaves a few common constructions without a speaker: a name in apposition
# after a description ("…,” said Benin's chief negotiator, Koffi Hounkpe." / "its director, Marieke
# de Vlieger, said"), a title that ends in -ing ("said Shipping Minister …"), and an "of" inside a name
# after the verb ("according to the Ministry of Health" reads "the Ministry"). These helpers read
# them; the attribution check asks for them where ``attributions_in`` found nothing.

NAME_PARTICLES = frozenset({"de", "van", "von", "der", "den", "da", "di", "del", "della", "dos", "das", "du",
                            "la", "le", "bin", "ibn", "al", "el", "ter", "ten", "zu"})
"""Lower-case words inside a person's name ("Marieke de Vlieger", "Ludwig van Beethoven")."""


def name_run(toks: Sequence[Tok], i: int) -> int:
    """The end (exclusive token index) of the name starting at token ``i``: capitalised words,
    with name particles and "of"/"the" between capitalised words ("Ministry of Health"). ``i``
    itself when token ``i`` is not a capitalised word. Calendar words are not names."""
    j = i
    while j < len(toks):
        w = toks[j][0]
        if w[:1].isupper() and w[:1].isalpha() and w.lower().rstrip(".") not in _CALENDAR:
            j += 1
            continue
        lw = w.lower()
        if j > i and (lw in NAME_PARTICLES or lw in ("of", "the", "for")):
            k = j + 1
            while k < len(toks) and toks[k][0].lower() in ("the",) and lw != "the":
                k += 1
            if k < len(toks) and toks[k][0][:1].isupper() and toks[k][0][:1].isalpha():
                j = k
                continue
        break
    return j


def _description_ok(toks: Sequence[Tok]) -> bool:
    """Whether tokens read as a short description of a person or body ("Benin's chief negotiator",
    "the chief executive of Meltera Lines", "its director"), not a clause or an adverbial."""
    if not toks or len(toks) > 10:
        return False
    first = toks[0][0].lower()
    if first in PREPOSITIONS or first in CONJUNCTIONS or first in PRONOUNS or first in INTERPOSED_ADVERBS:
        return False
    for w, _, _ in toks:
        lw = w.lower()
        if _is_boundary(w) or lw in ("who", "which", "that") or lw.rstrip(".") in _CALENDAR:
            return False
        if w[:1].islower() and (lw in AUXILIARIES or lw in REPORTING_VERBS or lw in _BE
                                or (lw.endswith("ed") and len(lw) > 4) or lw.endswith("ing")):
            return False
    return True


def _name_then_boundary(toks: Sequence[Tok], i: int) -> int:
    """The end of a name starting at token ``i`` when a boundary (or the end) follows it, else -1."""
    j = name_run(toks, i)
    if j == i:
        return -1
    if j < len(toks) and not (_is_boundary(toks[j][0]) or toks[j][0] in (")", "(")):
        return -1
    return j


def _name_speaker(source: str, text: str, toks: Sequence[Tok], verb_start: int) -> Speaker | None:
    """A named speaker from the tokens of a name run (see ``name_run``); unlike
    ``_speaker_from_tokens`` a capitalised word ending in -ing is part of it ("Shipping Minister")."""
    core = []
    for w, _, _ in toks:
        lw = w.lower().rstrip(".").replace("’", "'")
        lw = lw[:-2] if lw.endswith("'s") else lw
        if lw and lw not in HONORIFICS and lw not in FUNCTION_WORDS and lw[0].isalnum():
            core.append(lw)
    if not core or any(c in NON_AGENT_HEADS for c in core):
        return None
    start, end = toks[0][1], toks[-1][2]
    if toks[-1][0].endswith(".") and "." not in toks[-1][0][:-1]:
        end -= 1  # the sentence's full stop after a short name ("Tom Lee."), not an abbreviation
    return Speaker(source=source, start=start, end=end, text=text[start:end], core=tuple(core), proper=True,
                   pronoun=False, vague=False, verb_start=verb_start)


def fuller_speaker(source: str, text: str, toks: Sequence[Tok], vi: int) -> Speaker | None:
    """The speaker of the reporting verb at token ``vi`` in the constructions ``attributions_in``
    leaves without one (see the section note), or None.

    - ``said <description>, <Name>.``: the name in apposition ("said Benin's chief negotiator,
      Koffi Hounkpe.");
    - ``said <Capitalised title and name>.`` with a title ending in -ing ("said Shipping Minister
      Nikitas Karambelas.");
    - ``<description>, <Name>, said``: the name in apposition before the verb ("its director,
      Marieke de Vlieger, said").
    """
    w = toks[vi][0]
    lw = w.lower()
    verb_start = toks[vi][1]
    prev = toks[vi - 1][0] if vi > 0 else ""
    span = 2 if lw == "according" else 1
    inverted = span == 2 or ((vi == 0 or prev in _CLOSING_MARKS or _and_led(toks, vi)) and lw in INVERTIBLE_VERBS)
    if inverted:
        start = vi + span
        end = _name_then_boundary(toks, start)
        if end > start:
            return _name_speaker(source, text, toks[start:end], verb_start)
        comma = next((k for k in range(start, min(len(toks), start + 11)) if _is_boundary(toks[k][0])), -1)
        if comma > start and toks[comma][0] == "," and _description_ok(toks[start:comma]):
            end = _name_then_boundary(toks, comma + 1)
            if end > comma + 1:
                return _name_speaker(source, text, toks[comma + 1:end], verb_start)
    bounds = apposition_before(toks, vi)
    if bounds is not None and _description_ok(toks[bounds[0] + 1:bounds[1]]):
        return _name_speaker(source, text, toks[bounds[1] + 1:vi - 1], verb_start)
    return None


def apposition_before(toks: Sequence, vi: int) -> tuple[int, int] | None:
    """For ``<description>, <Name>, <verb>`` with the verb at token ``vi``: (index of the boundary
    before the description, or -1; index of the comma after it). The name is ``toks[comma+1:vi-1]``.
    None when the tokens before the verb are not a name (of at most six tokens) between commas."""
    if vi < 3 or toks[vi - 1][0] != ",":
        return None
    # Walk back over a name to the comma that opens the apposition.
    k = vi - 2
    while k >= 0 and not _is_boundary(toks[k][0]) and vi - 1 - k <= 6:
        k -= 1
    d = k - 1
    while d >= 0 and not _is_boundary(toks[d][0]):
        d -= 1
    if k < 1 or toks[k][0] != "," or name_run(toks, k + 1) != vi - 1:
        return None
    return d, k


def extended_name(speaker: Speaker, text: str, toks: Sequence[Tok]) -> Speaker:
    """``speaker`` with the "of <Name>" that follows it when the speaker ends in a capitalised word
    ("according to the Ministry" + "of Health"), else ``speaker`` itself. ``toks`` are the
    passage's speaker tokens."""
    i = next((k for k, t in enumerate(toks) if t[1] >= speaker.end), len(toks))
    if i >= len(toks) or toks[i][0].lower() != "of" or not text[speaker.end - 1:speaker.end].isalpha() \
            or not speaker.text.split()[-1][:1].isupper():
        return speaker
    j = i - 1
    while j >= 0 and toks[j][1] >= speaker.start:
        j -= 1
    end = name_run(toks, i - 1)
    if end <= i + 1 or (end < len(toks) and not _is_boundary(toks[end][0])):
        return speaker
    longer = _speaker_from_tokens(speaker.source, text, toks[j + 1:end], speaker.verb_start)
    return speaker if longer is None or not longer.proper else replace(longer, resolved=speaker.resolved)


def speaker_for_quote(text: str, s: int, e: int, atts: Sequence[Attribution], verb_starts: Sequence[int],
                      outer: Sequence[tuple[int, int]]) -> Speaker | None:
    """The speaker ``analyse`` gives the quote at ``s``–``e`` among attributions ``atts`` (sorted by
    ``verb_starts``); ``outer`` are the source's outer quotes. For callers with their own list of
    attributions."""
    return _speaker_for_quote(text, s, e, atts, verb_starts, outer)


def translates_quotes(others_compared: int, others_differ: int) -> bool:
    """Whether a source renders the shared quotes in its own words, judged by its other quotes
    (those other sources quote too): at least one, and at least half of them, worded otherwise. A
    translated article translates every quote anew; an outlet that copies quotes copies them all.
    The quote check counts quotes, the term check aligned passages holding a quotation."""
    return others_differ >= 1 and 2 * others_differ >= others_compared


# --------------------------------------------------------------------------------------------
# Speakers in the word order of translations and in titles led by an -ing word (read by the
# attribution check's fuller reading; ``analyse`` is left as it is)
# --------------------------------------------------------------------------------------------

# A quotation closed inside its sentence: the mark, with a comma before it (inside the quote) or
# after it, and the rest of the sentence up to its end.
_AFTER_CLOSE_RE = re.compile("[" + re.escape(QUOTE_CLOSERS) + r"]?\s*,?\s*([^.!?;:\n“”\"«»]{1,120})")
_MAX_FRAME_SUBJECT = 6
_CLAUSE_LINKS = frozenset({"and", "but", "or", "so", "then", "yet", "nor"})
# Words that may open a title before an -ing word ("the acting director", "its outgoing chief").
_TITLE_DETERMINERS = frozenset({"the", "a", "an"}) | POSSESSIVE_DETERMINERS


def inverted_frame_speaker(source: str, text: str, quote_text: str, quote_end: int) -> Speaker | None:
    """The speaker of a quotation closed inside its sentence by a verb the reporting-verb list
    lacks: '"…," defended the opposition councillor Arnau Vilardaga.' or '"…," he assured.'

    A quotation that ends with a comma, "?" or "!" and runs on into the same sentence hands that
    sentence to its speaker: what follows is a verb and its subject, in either order, whatever the
    verb (a translation keeps the source language's verb of saying: "defended", "assured",
    "recalled"). The verb is a lower-case finite form (``_verb_form``: a regular or irregular past,
    or a listed reporting verb); the subject is read as after an inverted reporting verb
    (``_np_after``: "defended the councillor Arnau Vilardaga") or, before the verb, as a pronoun or a
    short noun phrase ("he assured", "Vilardaga defended"). ``quote_text`` and ``quote_end`` are the
    quotation's inner text and end. None when the sentence goes on otherwise ("…," which means)."""
    ends_inside = quote_text.rstrip()[-1:] in (",", "?", "!")
    if not ends_inside and text[quote_end:quote_end + 3].lstrip(QUOTE_CLOSERS)[:1] != ",":
        return None  # the quotation ends its sentence: what follows is a sentence of its own
    m = _AFTER_CLOSE_RE.match(text, quote_end)
    if m is None:
        return None
    toks = speaker_tokens(text, m.start(1), m.end(1))
    if not toks:
        return None
    if _verb_form(toks[0][0]):
        return _subject_after_verb(source, text, toks, 0)
    perfect = _perfect_inversion(source, text, toks)
    if perfect is not None:
        return perfect
    if toks[0][0].lower() in CONJUNCTIONS or toks[0][0].lower() in _CLAUSE_LINKS:
        return None  # '"…," and the council agreed': a clause of its own, not a speaker's frame
    vi = next((i for i, t in enumerate(toks[:_MAX_FRAME_SUBJECT + 1]) if i > 0 and _verb_form(t[0])), None)
    if vi is None or any(_is_boundary(t[0]) or t[0].lower() in AUXILIARIES or t[0].lower() == "to" for t in toks[:vi]):
        return None  # '"…", organiser to be fined': no finite verb after its subject
    return _speaker_from_tokens(source, text, toks[:vi], toks[vi][1])


PERFECT_AUXILIARIES = frozenset({"has", "have", "had"})
_SUBJECT_PRONOUNS = frozenset({"he", "she", "they"})


def _perfect_inversion(source: str, text: str, toks: Sequence[Tok]) -> Speaker | None:
    """The speaker of a quotation's frame in the compound past, verb before subject: '"…," has
    declared the minister of Agriculture, Ana Ruiz.', '"…," had said the president Corbatto',
    '"…," has he declared'. Romance and Slavic languages tell speech in the compound past ("a
    declarat", "ha dichiarato", "a-t-il déclaré") and put the verb before its subject after a
    quotation; a machine translation keeps both, so an auxiliary stands where English puts the
    verb. ``toks`` are the words after the quotation's close: a perfect auxiliary, then a verb
    form (``_verb_form``) and the subject read as after an inverted verb (``_np_after``), or a
    subject pronoun and then the verb form (the pronoun is the speaker, resolved by the caller).
    None otherwise."""
    if len(toks) < 2 or toks[0][0].lower() not in PERFECT_AUXILIARIES:
        return None
    if _verb_form(toks[1][0]):
        return _subject_after_verb(source, text, toks, 1)
    if len(toks) > 2 and toks[1][0].lower() in _SUBJECT_PRONOUNS and _verb_form(toks[2][0]):
        return _speaker_from_tokens(source, text, toks[1:2], toks[2][1])
    return None


def _subject_after_verb(source: str, text: str, toks: Sequence[Tok], vi: int) -> Speaker | None:
    """The subject after the verb at token ``vi`` of an inverted frame, read in full: a name
    closed by a boundary ("has declared Ana Ruiz."), a name in apposition after a short
    description ("has declared the minister of Agriculture, Ana Ruiz,"), else the noun phrase
    ``_np_after`` reads with an "of <Name>" after it ("the Councillor of State Ana Ruiz").
    None for a pronoun or no subject."""
    start = vi + 1
    end = _name_then_boundary(toks, start)
    if end > start:
        return _name_speaker(source, text, toks[start:end], toks[vi][1])
    comma = next((k for k in range(start, min(len(toks), start + 11)) if _is_boundary(toks[k][0])), -1)
    if comma > start and toks[comma][0] == "," and _description_ok(toks[start:comma]):
        end = _name_then_boundary(toks, comma + 1)
        if end > comma + 1:
            return _name_speaker(source, text, toks[comma + 1:end], toks[vi][1])
    spk = _np_after(source, text, toks, vi, 1)
    if spk is None or spk.pronoun:
        return None
    return extended_name(spk, text, toks)


SAYING_SHARE = 0.4
"""A verb whose WordNet senses are at least this share communication or cognition
(``lexicon.saying_share``) reports what its subject says or thinks ("assured", "estimates",
"reminded", "defended"); "launched", "found", "requires" do not."""
_OBJECT_PRONOUNS = frozenset({"them", "us", "him", "her", "me", "you"})
_VERB_PARTICLES = frozenset({"out", "up"})


def saying_verb(word: str) -> bool:
    """A lower-case word printed as a finite verb of saying or thinking: a past form
    (``_verb_form``) or a present "-s" form, of a verb ``SAYING_SHARE`` communication or
    cognition."""
    lw = word.lower()
    if not word[:1].islower() or lw in FUNCTION_WORDS or lw in AUXILIARIES:
        return False
    if not (_verb_form(word) or (lw.endswith("s") and not lw.endswith("ss") and len(lw) > 4)):
        return False
    return saying_share(lw) >= SAYING_SHARE


def that_clause_speaker(source: str, text: str, toks: Sequence[Tok], k: int) -> Speaker | None:
    """The subject of a verb of saying or thinking that the reporting-verb list lacks, where the
    verb hands its clause on with "that" (token ``k``): "The assessor Ana Ruiz has assured them
    that", "The management company estimates that", "Ana Ruiz pointed out that". A translation
    keeps its language's verb of saying ("ha assicurato", "a reamintit", "szacuje"), which may be
    any verb English has for saying or thinking (``saying_verb``, judged by WordNet, not a list).

    Between the verb and "that" may stand an object pronoun or a particle ("assured them",
    "pointed out"); before it a perfect auxiliary ("has assured"). The subject is the noun
    phrase ``_np_before`` reads, and must end right before the verb (or its auxiliary): "rejected
    the demands that" has a determiner there, and is no verb of saying. A passive ("it is
    estimated that") and a subject that is no person or body ("it", "this") give None. A name in
    apposition after a description ("The conseller of Agriculture, Ana Ruiz, has defended that":
    a common noun in it) is read as ``fuller_speaker`` reads it. The Speaker's ``verb_start`` is the verb's (or the
    auxiliary's) start."""
    j = k - 1
    while j > 0 and (toks[j][0].lower() in _OBJECT_PRONOUNS or toks[j][0].lower() in _VERB_PARTICLES) and k - j <= 2:
        j -= 1
    if j < 1 or not saying_verb(toks[j][0]) or toks[j][0].lower() in REPORTING_VERBS:
        return None
    vi = j - 1 if toks[j - 1][0].lower() in PERFECT_AUXILIARIES else j
    if vi < 1:
        return None
    before = toks[vi - 1][0].lower()
    if before == ",":
        # "The conseller of Agriculture, Ana Ruiz, has defended that": the name in apposition.
        bounds = apposition_before(toks, vi)
        if bounds is None:
            return None
        described = toks[bounds[0] + 1:bounds[1]]
        if not _description_ok(described) or not any(w.islower() and w not in FUNCTION_WORDS for w, _, _ in described):
            return None  # "Tourism Authority, Khon Kaen Office, estimated": a name, then a part of it
        return _name_speaker(source, text, toks[bounds[1] + 1:vi - 1], toks[vi][1])
    if before in _BE or before in DETERMINERS or before in POSSESSIVE_DETERMINERS or before in PREPOSITIONS \
            or _is_boundary(toks[vi - 1][0]):
        return None
    spk = _np_before(source, text, toks, vi)
    if spk is None or spk.end != toks[vi - 1][2]:
        return None
    if spk.pronoun and spk.core[0] not in _SUBJECT_PRONOUNS:
        return None
    return spk


def ing_titled_speaker(source: str, text: str, toks: Sequence[Tok], vi: int) -> Speaker | None:
    """The speaker of the reporting verb at token ``vi`` when its subject is a title led by an
    attributive -ing word and a name ("presiding judge Luong Van Thuc said", "the acting director
    Ana Ruiz told"), which ``attributions_in`` reads as a clause and leaves without a speaker.

    The subject runs back from the verb to a clause boundary: an optional determiner or
    possessive, one -ing word, one to three lower-case words (no function word: "Speaking to
    reporters Ana Ruiz said" is a clause), and a name of two or more capitalised words closing
    right before the verb. None otherwise."""
    k = vi - 1
    while k >= 0 and toks[k][0][:1].isupper() and not _is_boundary(toks[k][0]):
        k -= 1
    if vi - 1 - k < 2:
        return None
    n = 0
    j = k
    while j >= 0 and n < 3 and toks[j][0].islower() and toks[j][0] not in FUNCTION_WORDS \
            and not toks[j][0].endswith("ing"):
        j -= 1
        n += 1
    if n == 0 or j < 0:
        return None
    w = toks[j][0]
    if not w.endswith("ing") or len(w) < 6 or not w[1:].islower() or w.lower() in FUNCTION_WORDS \
            or w.lower() in PREPOSITIONS:
        return None
    lead = j
    if j > 0 and toks[j - 1][0].lower() in _TITLE_DETERMINERS:
        lead = j - 1
    if lead > 0 and not _is_boundary(toks[lead - 1][0]) and toks[lead - 1][0] not in ("”", "’"):
        return None
    return _name_speaker(source, text, toks[lead:vi], toks[vi][1])
