"""Plant discrepancies with known ground truth into clean multi-source material.

Material is a set of articles on one story that agree with one another: the clean versions of the
hand-written cases (``cases/<name>/`` with ``cases/<name>/clean/`` overriding the files that carry
planted errors) and three fairly clean seed articles (000, 002, 003). With a fixed random seed the
generator applies corruptions the way machine translation and sloppy rewriting produce them:

- ``name_variant``: a name several sources share is misspelt (doubled/single consonant, vowel swap,
  c/k/s swap, a dropped letter);
- ``term_variant``: a word inside a quote other sources carry verbatim becomes a different word of
  similar frequency and form (a mistranslated term changes the meaning);
- ``quote_variant``: a shared quote is reworded (function words swapped, a word dropped or moved);
- ``number_conflict``: a corroborated figure gets two digits swapped, a digit changed or a factor of ten;
- ``date_conflict``: a corroborated weekday or day-and-month is moved;
- ``attribution_conflict``: a shared quote's speaker becomes another speaker of the same story;
- ``garbled_text``: two words run together, a word split, letters transposed into a non-word, or a
  capital letter in mid-sentence.

Ground truth must be clear, so an element is only corrupted where its original words appear in at
least two *other* sources (and no other corruption touches the same element). Corruptions land only
in ``.txt`` and ``.md`` files, in content lines of six words or more (never titles, bylines, front
matter), at most one per line, so offsets in the file are offsets in the text srccompare reads.
Pre-existing errors of the seed articles are listed in ``SEED_KNOWN`` and excluded from scoring.

Run ``python -m tests.quality.generate --out DIR`` to write the corpora and their truth for a look.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import zlib
from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Callable, Iterable, Mapping, Sequence

from wordfreq import top_n_list, zipf_frequency

from tests.quality.matching import Expectation, Known, Trap, Truth, load_expected, locate

ROOT = Path(__file__).resolve().parents[2]
CASES_DIR = Path(__file__).resolve().parent / "cases"
SEEDS_DIR = ROOT / "seeds"
SOURCE_EXTS = (".txt", ".md", ".html")

# The seed articles used as material: the three that are fairly clean (001 and 004 carry many
# errors of their own, which would make the ground truth of a planted corruption unclear).
SEED_PREFIXES = ("000_", "002_", "003_")

# Errors already present in the seed articles used above. They are real, but the generator did not
# plant them; flags on them are left out of the generated corpora's scoring (neither hit nor false
# alarm), and nothing is planted in the lines that hold them.
# 002 renders Bessent's Fox News quotes in its own words (a translation back into English), so a
# quote or term flag on them is arguably right; they are excluded rather than scored either way.
SEED_KNOWN: tuple[Known, ...] = (
    Known("002_966dec5755faeaf9", "onde minimis", "run-together words ('on de minimis') in the original"),
    Known("000_0d3fd0463d218bc3", "Bessent said will meet", "broken sentence (missing 'they') in the original"),
    Known("002_966dec5755faeaf9", "My sense is that this meeting will be about de-escalation",
          "quote reworded in the original (others: 'this will be about de-escalation')"),
    Known("002_966dec5755faeaf9", "We have to de-escalate before we can move forward",
          "quote reworded in the original (others: 'we've got to de-escalate')"),
    Known("002_966dec5755faeaf9", "Look, we have a common interest that this is unsustainable",
          "quote reworded in the original (000: 'We have shared interests')"),
    Known("002_966dec5755faeaf9", "We don’t want decoupling", "quote reworded in the original (000: 'We don't want to decouple')"),
    Known("002_966dec5755faeaf9", "on May 8", "travel date; 003 has a Friday-to-Monday trip (May 9): unclear which is right"),
)

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
SPEECH_VERBS = ("said", "says", "told", "added", "wrote", "commented", "declared", "stated", "warned",
                "argued", "explained", "noted", "insisted", "stressed", "affirmed", "reported", "admitted")
# Capitalised words that start a "X said" pattern without being a speaker's name.
NOT_NAMES = frozenset({"he", "she", "it", "they", "we", "i", "you", "the", "this", "that", "a", "an",
                       "his", "her", "its", "their", "our", "mr", "ms", "mrs", "dr", "but", "and"})

# Generic English function-word swaps a rewording produces (no story vocabulary).
FUNCTION_SWAPS = {"will": "would", "would": "will", "can": "could", "could": "can", "is": "was",
                  "was": "is", "are": "were", "were": "are", "these": "those", "those": "these",
                  "very": "really", "really": "very", "must": "should", "should": "must",
                  "every": "each", "each": "every", "many": "several", "but": "yet"}
CONTRACTIONS = (("do not", "don't"), ("did not", "didn't"), ("does not", "doesn't"), ("is not", "isn't"),
                ("are not", "aren't"), ("cannot", "can't"), ("will not", "won't"), ("we are", "we're"),
                ("we have", "we've"), ("it is", "it's"), ("that is", "that's"), ("I am", "I'm"),
                ("we will", "we'll"), ("I will", "I'll"))
_CONTRACTION_PATTERNS = tuple(
    (re.compile(r"\b" + a.replace("'", "['’]") + r"(?![\w'’])", re.IGNORECASE), b)
    for long, short in CONTRACTIONS
    for a, b in ((long, short), (short, long))
)
DROPPABLE = frozenset({"very", "really", "just", "also", "still", "all", "so", "now", "then", "even",
                       "only", "simply", "that", "both", "the"})

WORD_RE = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ]+(?:['’-][A-Za-zÀ-ÖØ-öø-ÿ]+)*")
NUM_RE = re.compile(r"(?<![\w.,:/-])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\w:/]|[.,-]\d)")
QUOTE_RE = re.compile(r"[\"“]([^\"“”\n]{12,}?)[\"”]")
WEEKDAY_RE = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b")
MONTH_DAY_RE = re.compile(
    r"\b(?:(?P<m1>" + "|".join(MONTHS) + r")\.? (?P<d1>\d{1,2})\b(?!,\d|\.\d|:)"
    r"|(?P<d2>\d{1,2}) (?P<m2>" + "|".join(MONTHS) + r")\b)"
)
MONTH_ABBR = {m[:3]: m for m in MONTHS}
ANY_MONTH_DAY_RE = re.compile(
    r"\b(?:(?P<m1>(?:" + "|".join(MONTH_ABBR) + r")[a-z]*)\.? (?P<d1>\d{1,2})\b"
    r"|(?P<d2>\d{1,2}) (?P<m2>(?:" + "|".join(MONTH_ABBR) + r")[a-z]*)\b)"
)
NAME_RUN = r"(?:[A-Z][\w'’-]+ ){0,2}[A-Z][\w'’-]+"
_VERBS = "|".join(SPEECH_VERBS)
ATTR_AFTER_QUOTE_RE = re.compile(
    r"[\"”]\s+(?:(?:" + _VERBS + r") (?P<n1>" + NAME_RUN + r")(?=[.,;:!?]|$)|(?P<n2>" + NAME_RUN + r") (?:" + _VERBS + r")\b)"
)
ATTR_BEFORE_QUOTE_RE = re.compile(r"(?P<n3>" + NAME_RUN + r") (?:" + _VERBS + r")\b[^\"“\n]{0,40}?:\s*[\"“]")
# "said X" counts only when the name ends the clause ("said Rheinstadt chief executive ..." is not X).
SPEAKER_RE = re.compile(r"(?:(?:" + _VERBS + r") (?P<a>" + NAME_RUN + r")(?=[.,;:!?]|$)|(?P<b>" + NAME_RUN + r") (?:" + _VERBS + r")\b)")
FRONT_MATTER_RE = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
SENT_END_RE = re.compile(r"[.!?:][\"”’)]*\s+$|^\s*$|[\"“]\s*$")
WS_RE = re.compile(r"\s+")


# --- material ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Material:
    """Clean articles on one story: file name -> text as on disk; ``known`` pre-existing errors."""

    name: str
    files: tuple[tuple[str, str], ...]
    known: tuple[Known, ...] = ()
    traps: tuple[Trap, ...] = ()
    """The case's must-not-flag places: legitimate variants stay legitimate after planting."""


@dataclass(frozen=True)
class Plant:
    """One corruption: in ``source`` (a file name), ``original`` at [start, end) became ``new``."""

    source: str
    kind: str
    start: int
    end: int
    original: str
    new: str
    subtype: str
    text: str = ""
    """The flagged words as they appear after planting (defaults to ``new``)."""
    expected: str = ""
    """The consensus form (defaults to ``original``)."""
    also: tuple[str, ...] = ()
    key: str = ""
    """What element was corrupted, so no other corruption touches it."""


@dataclass(frozen=True)
class GeneratedCorpus:
    name: str
    files: tuple[tuple[str, str], ...]
    truth: Truth
    plants: tuple[Plant, ...]


def hand_materials(cases_dir: Path = CASES_DIR) -> list[Material]:
    """The clean version of every hand-written case (``clean/`` files replace the planted ones)."""
    out = []
    for case in sorted(p for p in cases_dir.iterdir() if p.is_dir() and (p / "expected.json").is_file()):
        files = []
        for f in sorted(case.iterdir()):
            if f.is_file() and f.suffix in SOURCE_EXTS and not f.name.startswith("."):
                clean = case / "clean" / f.name
                files.append((f.name, (clean if clean.is_file() else f).read_text(encoding="utf-8")))
        truth = load_expected(json.loads((case / "expected.json").read_text(encoding="utf-8")), case.name)
        out.append(Material(case.name, tuple(files), traps=truth.traps))
    return out


def seed_material(seeds_dir: Path = SEEDS_DIR) -> Material:
    files = []
    for prefix in SEED_PREFIXES:
        for f in sorted(seeds_dir.glob(prefix + "*.txt")):
            files.append((f.name, f.read_text(encoding="utf-8")))
    return Material("seeds", tuple(files), SEED_KNOWN)


class _TextOnly(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):  # noqa: ANN001 - HTMLParser's signature
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag):  # noqa: ANN001
        if tag in ("script", "style") and self._skip:
            self._skip -= 1
        elif tag in ("p", "h1", "h2", "h3", "li", "div", "title"):
            self.parts.append("\n")

    def handle_data(self, data):  # noqa: ANN001
        if not self._skip:
            self.parts.append(data)


def visible_text(name: str, raw: str) -> str:
    """What a reader sees of a file: HTML without markup, Markdown without its front matter."""
    if name.endswith(".html"):
        p = _TextOnly()
        p.feed(raw)
        return "".join(p.parts)
    if name.endswith(".md"):
        m = FRONT_MATTER_RE.match(raw)
        if m:
            return " " * m.end() + raw[m.end():]
    return raw


# --- helpers -----------------------------------------------------------------------------------


def _norm(s: str) -> str:
    return WS_RE.sub(" ", s.replace("’", "'").replace("“", '"').replace("”", '"')).lower()


@dataclass
class _Corpus:
    """Working view of a material: texts, which lines may take a corruption, vocabulary."""

    material: Material
    names: list[str] = field(default_factory=list)
    raw: dict[str, str] = field(default_factory=dict)
    seen: dict[str, str] = field(default_factory=dict)
    normed: dict[str, str] = field(default_factory=dict)
    vocab: set[str] = field(default_factory=set)
    numbers: dict[str, set[float]] = field(default_factory=dict)
    lower_vocab: set[str] = field(default_factory=set)
    _support: dict[tuple[str, str, bool], int] = field(default_factory=dict)
    _speakers: dict[str, set[str]] | None = None

    def __post_init__(self) -> None:
        for name, raw in self.material.files:
            self.names.append(name)
            self.raw[name] = raw
            self.seen[name] = visible_text(name, raw)
            self.normed[name] = _norm(self.seen[name])
            self.vocab.update(w.lower() for w in WORD_RE.findall(self.seen[name]))
            self.numbers[name] = {_num_value(m) for m in NUM_RE.finditer(self.seen[name])}
            self.lower_vocab.update(w for w in WORD_RE.findall(self.seen[name]) if w.islower())

    def is_name(self, w: str) -> bool:
        """A proper name: capitalised, never written in lower case in the material, not an everyday word."""
        if not (len(w) >= 4 and w[0].isupper() and w[1:].islower() and w.isalpha()):
            return False
        if w.lower() in NOT_NAMES or w in WEEKDAYS or w in MONTHS or w.lower() in self.lower_vocab:
            return False
        # Below 3.5 on the Zipf scale: "Bessent", "Quispe", "Greer"; not "Treasury", "Creek", "Trump".
        return _zipf(w.lower()) < 3.5

    def others(self, name: str) -> list[str]:
        return [n for n in self.names if n != name]

    def support(self, name: str, phrase: str, *, case: bool = False) -> int:
        """In how many other sources ``phrase`` occurs as whole words."""
        key = (name, phrase, case)
        if key not in self._support:
            self._support[key] = self._count_support(name, phrase, case)
        return self._support[key]

    def _count_support(self, name: str, phrase: str, case: bool) -> int:
        if case:
            pat = re.compile(r"(?<![\w])" + re.escape(phrase) + r"(?![\w])")
            return sum(1 for o in self.others(name) if pat.search(self.seen[o]))
        pat = re.compile(r"(?<![\w])" + re.escape(_norm(phrase)) + r"(?![\w])")
        return sum(1 for o in self.others(name) if pat.search(self.normed[o]))

    def targets(self) -> list[str]:
        return [n for n in self.names if n.endswith((".txt", ".md"))]

    def lines(self, name: str) -> list[tuple[int, int]]:
        """Content lines of a target file that may take a corruption: (start, end) offsets."""
        raw = self.raw[name]
        fm = FRONT_MATTER_RE.match(raw) if name.endswith(".md") else None
        body_start = fm.end() if fm else 0
        out = []
        pos = 0
        for line in raw.split("\n"):
            start, end = pos, pos + len(line)
            pos = end + 1
            if start < body_start or line.lstrip().startswith("#"):
                continue
            if len(line.split()) < 6:
                continue
            if any(k.source == Path(name).stem and k.text in line for k in self.material.known):
                continue
            out.append((start, end))
        return out


def _num_value(m: re.Match[str]) -> float:
    return float(m.group(1).replace(",", "") + (m.group(2) or ""))


def _mid_sentence(text: str, start: int) -> bool:
    """True when the word at ``start`` does not begin a sentence, line or quote."""
    return not SENT_END_RE.search(text[max(0, start - 4):start]) and start > 0 and text[start - 1] != "\n"


@lru_cache(maxsize=1)
def _common_words() -> tuple[str, ...]:
    """Everyday English words (wordfreq's top 30,000), frequency order."""
    return tuple(w for w in top_n_list("en", 30000) if w.isalpha() and w.islower() and len(w) >= 4)


@lru_cache(maxsize=None)
def _zipf(word: str) -> float:
    return zipf_frequency(word, "en")


# --- candidate finders: each yields Plants for one target file -------------------------------------

Finder = Callable[[_Corpus, str, tuple[int, int], random.Random], Iterable[Plant]]


def _misspell(word: str, rng: random.Random) -> list[str]:
    """Phonetic-style misspellings of a name, most realistic first (shuffled within the list)."""
    outs: list[str] = []
    low = word.lower()
    for i in range(1, len(word) - 1):  # doubled consonant -> single
        if low[i] == low[i + 1] and low[i] not in "aeiou":
            outs.append(word[:i] + word[i + 1:])
    for i in range(1, len(word) - 1):  # single consonant between vowels -> doubled
        if low[i] not in "aeiouy" and low[i - 1] in "aeiou" and low[i + 1] in "aeiou":
            outs.append(word[:i + 1] + word[i] + word[i + 1:])
    vowel_swaps = {"e": "a", "a": "e", "i": "e", "o": "u", "u": "o", "y": "i"}
    for i in range(1, len(word)):
        if low[i] in vowel_swaps:
            outs.append(word[:i] + vowel_swaps[low[i]] + word[i + 1:])
    for i in range(1, len(word)):
        nxt = low[i + 1] if i + 1 < len(word) else ""
        if low[i] == "c":
            outs.append(word[:i] + ("s" if nxt in ("e", "i") else "k") + word[i + 1:])
        elif low[i] == "k":
            outs.append(word[:i] + "c" + word[i + 1:])
        elif low[i] == "s" and nxt in "aeiou" and nxt:
            outs.append(word[:i] + "z" + word[i + 1:])
        elif low[i] == "z":
            outs.append(word[:i] + "s" + word[i + 1:])
    for i in range(2, len(word)):  # dropped letter
        outs.append(word[:i] + word[i + 1:])
    rng.shuffle(outs)
    return outs


def find_names(c: _Corpus, name: str, line: tuple[int, int], rng: random.Random) -> Iterable[Plant]:
    raw = c.raw[name]
    toks = list(WORD_RE.finditer(raw, line[0], line[1]))
    for i, m in enumerate(toks):
        w = m.group()
        if not c.is_name(w) or not _mid_sentence(raw, m.start()):
            continue
        # Surnames and single names, not the first word of a two-word name.
        if i + 1 < len(toks) and raw[m.end():toks[i + 1].start()] == " " and c.is_name(toks[i + 1].group()):
            continue
        if c.support(name, w, case=True) < 2:
            continue
        for new in _misspell(w, rng):
            if new != w and len(new) >= 3 and new.lower() not in c.vocab and _zipf(new.lower()) == 0:
                yield Plant(name, "name_variant", m.start(), m.end(), w, new, "misspelt name", key="name:" + w.lower())
                break


def _quotes(raw: str, line: tuple[int, int]) -> Iterable[re.Match[str]]:
    return QUOTE_RE.finditer(raw, line[0], line[1])


def _shared_quote(c: _Corpus, name: str, q: str, n: int = 5) -> bool:
    words = q.split()
    return any(c.support(name, " ".join(words[i:i + n])) >= 2 for i in range(max(1, len(words) - n + 1)))


def find_terms(c: _Corpus, name: str, line: tuple[int, int], rng: random.Random) -> Iterable[Plant]:
    raw = c.raw[name]
    for q in _quotes(raw, line):
        ws = list(WORD_RE.finditer(raw, q.start(1), q.end(1)))
        order = list(range(1, len(ws) - 1))
        rng.shuffle(order)
        for i in order:
            w = ws[i].group()
            if not (w.isalpha() and w.islower() and len(w) >= 5):
                continue
            z = _zipf(w)
            if not 2.5 <= z < 5.3:
                continue
            window = raw[ws[i - 1].start():ws[i + 1].end()]
            if c.support(name, window) < 2:
                continue
            # Same ending and length, similar frequency: a word of the same sort in the same slot
            # ("de-escalation" -> "foundation"), the way a mistranslated term reads.
            suffix = w[-3:] if len(w) >= 6 else w[-2:]
            pool = [x for x in _common_words()
                    if x.endswith(suffix) and abs(len(x) - len(w)) <= 2 and x[:3] != w[:3]
                    and x not in c.vocab and abs(_zipf(x) - z) <= 0.5]
            if not pool:
                continue
            new = rng.choice(pool)
            yield Plant(name, "term_variant", ws[i].start(), ws[i].end(), w, new, "term swapped inside a shared quote",
                        also=("quote_variant",), key="term:" + w)
            return


def find_quotes(c: _Corpus, name: str, line: tuple[int, int], rng: random.Random) -> Iterable[Plant]:
    raw = c.raw[name]
    for q in _quotes(raw, line):
        inner = q.group(1)
        toks = list(WORD_RE.finditer(inner))
        if len(toks) < 8 or not _shared_quote(c, name, inner):
            continue
        words = [t.group() for t in toks]
        edits: dict[int, str | None] = {}
        swaps = [i for i, w in enumerate(words) if w.lower() in FUNCTION_SWAPS and i > 0]
        drops = [i for i, w in enumerate(words) if w.lower() in DROPPABLE and i > 0]
        rng.shuffle(swaps)
        rng.shuffle(drops)
        for i in swaps[:2]:
            edits[i] = FUNCTION_SWAPS[words[i].lower()]
        for i in drops[:1]:
            if i not in edits:
                edits[i] = None
        pieces, pos = [], 0
        for i, t in enumerate(toks):
            pieces.append(inner[pos:t.start()])
            pos = t.end()
            if i in edits:
                if edits[i] is None:
                    if pieces[-1].endswith(" "):
                        pieces[-1] = pieces[-1][:-1]
                    continue
                pieces.append(edits[i])
            else:
                pieces.append(t.group())
        pieces.append(inner[pos:])
        new = "".join(pieces).strip()
        # Contract or expand one verb form ("do not" <-> "don't"), as a rewording does.
        for pat, repl in _CONTRACTION_PATTERNS:
            m = pat.search(new)
            if m:
                r = repl[0].upper() + repl[1:] if m.group()[0].isupper() else repl
                new = new[:m.start()] + r + new[m.end():]
                edits[-1] = r
                break
        if len(edits) >= 2 and new != inner.strip():
            start = q.start(1) + (len(inner) - len(inner.lstrip()))
            yield Plant(name, "quote_variant", start, start + len(inner.strip()), inner.strip(), new,
                        "shared quote reworded", also=("term_variant",), key="quote:" + _norm(inner)[:40])
            return


def _mutate_number(digits: str, frac: str, rng: random.Random) -> list[str]:
    plain = digits.replace(",", "")
    outs = []
    for i in range(len(plain) - 1):  # swap two adjacent different digits
        if plain[i] != plain[i + 1] and not (i == 0 and plain[i + 1] == "0"):
            outs.append(plain[:i] + plain[i + 1] + plain[i] + plain[i + 2:] + frac)
    i = rng.randrange(len(plain))  # change one digit
    d = (int(plain[i]) + rng.choice((1, 2, 3))) % 10
    if not (i == 0 and d == 0):
        outs.append(plain[:i] + str(d) + plain[i + 1:] + frac)
    if not frac:
        outs.append(plain + "0")  # a factor of ten
        if plain.endswith("0") and len(plain) > 1:
            outs.append(plain[:-1])
    rng.shuffle(outs)
    if "," in digits:
        outs = [f"{int(o):,}" if o.isdigit() else o for o in outs]
    return outs


def find_numbers(c: _Corpus, name: str, line: tuple[int, int], rng: random.Random) -> Iterable[Plant]:
    raw = c.raw[name]
    for m in NUM_RE.finditer(raw, line[0], line[1]):
        digits, frac = m.group(1), m.group(2) or ""
        value = _num_value(m)
        if not frac and "," not in digits and len(digits) == 4 and 1900 <= value <= 2100:
            continue  # a year: dates are another corruption
        if re.search(r"[A-Z][\w-]* $", raw[max(0, m.start() - 20):m.start()]):
            continue  # part of a name ("Ariane 6", "Highway 5"), not a figure
        around = raw[max(0, m.start() - 12):m.end() + 12]
        if any(mo in around for mo in MONTHS) or re.search(r"\d\s*[ap]\.?m\.?|GMT|:\d", around):
            continue  # part of a date or a time
        others = [o for o in c.others(name) if value in c.numbers[o]]
        if len(others) < 2:
            continue
        all_values = set().union(*c.numbers.values())
        for new in _mutate_number(digits, frac, rng):
            if float(new.replace(",", "")) not in all_values:
                yield Plant(name, "number_conflict", m.start(), m.end(), m.group(), new, "figure changed",
                            key=f"number:{value}")
                return


def find_dates(c: _Corpus, name: str, line: tuple[int, int], rng: random.Random) -> Iterable[Plant]:
    raw = c.raw[name]
    for m in WEEKDAY_RE.finditer(raw, line[0], line[1]):
        day = m.group()
        before = WORD_RE.findall(raw[max(line[0], m.start() - 20):m.start()])
        after = WORD_RE.findall(raw[m.end():min(line[1], m.end() + 20)])
        phrases = ([f"{before[-1]} {day}"] if before else []) + ([f"{day} {after[0]}"] if after else [])
        if not any(c.support(name, p) >= 2 for p in phrases):
            continue
        new = WEEKDAYS[(WEEKDAYS.index(day) + rng.choice((1, 2, -1, -2))) % 7]
        yield Plant(name, "date_conflict", m.start(), m.end(), day, new, "weekday changed", key="date:" + day)
        return
    for m in MONTH_DAY_RE.finditer(raw, line[0], line[1]):
        month = m.group("m1") or m.group("m2")
        day = int(m.group("d1") or m.group("d2"))
        corroborating = 0
        for o in c.others(name):
            for om in ANY_MONTH_DAY_RE.finditer(c.seen[o]):
                omonth = MONTH_ABBR.get((om.group("m1") or om.group("m2"))[:3])
                if omonth == month and int(om.group("d1") or om.group("d2")) == day:
                    corroborating += 1
                    break
        if corroborating < 2:
            continue
        if rng.random() < 0.5:
            new_day, new_month = min(28, max(1, day + rng.choice((1, 2, -1, -2)))), month
        else:
            new_day, new_month = day, MONTHS[(MONTHS.index(month) + rng.choice((1, -1))) % 12]
        if (new_day, new_month) == (day, month):
            continue
        new = f"{new_month} {new_day}" if m.group("m1") else f"{new_day} {new_month}"
        yield Plant(name, "date_conflict", m.start(), m.end(), m.group(), new, "day or month changed",
                    key=f"date:{month}{day}")
        return


def _speakers(c: _Corpus) -> dict[str, set[str]]:
    """Names that speak somewhere in the material (full 1- or 2-word forms) -> sources using them."""
    if c._speakers is not None:
        return c._speakers
    found: dict[str, set[str]] = {}
    for n in c.names:
        for m in SPEAKER_RE.finditer(c.seen[n]):
            run = (m.group("a") or m.group("b")).split()
            run = [w for w in run if w.lower().rstrip(".") not in NOT_NAMES]
            if not run or not c.is_name(run[-1]):
                continue
            forms = [run[-1]] + ([" ".join(run[-2:])] if len(run) >= 2 and c.is_name(run[-2]) else [])
            for form in forms:
                found.setdefault(form, set()).add(n)
    for form in list(found):
        found[form] |= {n for n in c.names if re.search(r"\b" + re.escape(form) + r"\b", c.seen[n])}
    c._speakers = found
    return found


def _one_person(c: _Corpus, a: str, b: str) -> bool:
    """``a`` and ``b`` are two parts of one person's name somewhere in the material ("Alemitu
    Bekele"): crediting Bekele's words to "Alemitu" names the same speaker, not another one."""
    pair = re.compile(rf"\b(?:{re.escape(a)}\s+{re.escape(b)}|{re.escape(b)}\s+{re.escape(a)})\b")
    return any(pair.search(c.seen[n]) for n in c.names)


def find_attributions(c: _Corpus, name: str, line: tuple[int, int], rng: random.Random) -> Iterable[Plant]:
    raw = c.raw[name]
    speakers = _speakers(c)
    hits = [(m, "n1") for m in ATTR_AFTER_QUOTE_RE.finditer(raw, line[0], line[1])]
    hits += [(m, "n2") for m in ATTR_AFTER_QUOTE_RE.finditer(raw, line[0], line[1])]
    hits += [(m, "n3") for m in ATTR_BEFORE_QUOTE_RE.finditer(raw, line[0], line[1])]
    for m, g in hits:
        if m.group(g) is None:
            continue
        run_start = m.start(g)
        words = list(re.finditer(r"\S+", m.group(g)))
        # Keep only the name itself: the last one or two capitalised words.
        names = [w for w in words if w.group().lower().rstrip(".") not in NOT_NAMES]
        if not names:
            continue
        keep = names[-2:] if len(names) >= 2 and c.support(name, " ".join(w.group() for w in names[-2:]), case=True) >= 2 else names[-1:]
        start, end = run_start + keep[0].start(), run_start + keep[-1].end()
        original = raw[start:end]
        surname = keep[-1].group()
        if c.support(name, surname, case=True) < 2 or surname not in speakers:
            continue
        q = QUOTE_RE.search(raw, max(line[0], start - 400), min(line[1], end + 400))
        if q is None or not _shared_quote(c, name, q.group(1), 4):
            continue
        forms = sorted(f for f, srcs in speakers.items()
                       if len(f.split()) == len(keep) and len(srcs) >= 2 and f.split()[-1] != surname
                       and surname not in f and f.split()[-1] not in original
                       and not _one_person(c, f.split()[-1], surname))
        if not forms:
            continue
        new = rng.choice(forms)
        yield Plant(name, "attribution_conflict", start, end, original, new, "speaker swapped", key="attr:" + surname)
        return


def find_garbles(c: _Corpus, name: str, line: tuple[int, int], rng: random.Random) -> Iterable[Plant]:
    raw = c.raw[name]
    toks = list(WORD_RE.finditer(raw, line[0], line[1]))
    # Run-together words are the commonest garble in translated and scraped news; a stray capital the
    # rarest, so it comes first only one time in four.
    kinds = ["join", "join", "split", "transpose"]
    rng.shuffle(kinds)
    kinds.insert(0 if rng.random() < 0.25 else len(kinds), "capital")
    for sub in kinds:
        order = list(range(len(toks)))
        rng.shuffle(order)
        for i in order:
            t = toks[i]
            w = t.group()
            if not (w.isalpha() and w.islower()):
                continue
            if sub == "join" and i + 1 < len(toks):
                nxt = toks[i + 1]
                if (raw[t.end():nxt.start()] == " " and nxt.group().isalpha() and nxt.group().islower()
                        and len(w) >= 3 and len(nxt.group()) >= 3 and c.support(name, f"{w} {nxt.group()}") >= 2):
                    new = w + nxt.group()
                    if new not in c.vocab and _zipf(new) == 0:
                        yield Plant(name, "garbled_text", t.start(), nxt.end(), f"{w} {nxt.group()}", new,
                                    "words run together", key="garble:" + w)
                        return
            elif sub == "split" and len(w) >= 8 and c.support(name, w) >= 2:
                cut = rng.randrange(3, len(w) - 2)
                new = w[:cut] + " " + w[cut:]
                if _zipf(w[:cut]) < 3 or _zipf(w[cut:]) < 3:
                    yield Plant(name, "garbled_text", t.start(), t.end(), w, new, "word split", key="garble:" + w)
                    return
            elif sub == "transpose" and len(w) >= 6 and c.support(name, w) >= 2:
                j = rng.randrange(1, len(w) - 2)
                new = w[:j] + w[j + 1] + w[j] + w[j + 2:]
                if new != w and _zipf(new) == 0:
                    yield Plant(name, "garbled_text", t.start(), t.end(), w, new, "letters transposed", key="garble:" + w)
                    return
            elif (sub == "capital" and len(w) >= 5 and _mid_sentence(raw, t.start())
                  and 3.0 <= _zipf(w) < 6.0 and c.support(name, w) >= 2):
                new = w[0].upper() + w[1:]
                if new.lower() == w and new not in c.seen[name]:
                    yield Plant(name, "garbled_text", t.start(), t.end(), w, new, "capital in mid-sentence", key="garble:" + w)
                    return


# Scarce opportunities first: attributions and dates need lines that quotes and terms would take.
FINDERS: tuple[tuple[str, Finder], ...] = (
    ("attribution_conflict", find_attributions),
    ("date_conflict", find_dates),
    ("number_conflict", find_numbers),
    ("name_variant", find_names),
    ("quote_variant", find_quotes),
    ("term_variant", find_terms),
    ("garbled_text", find_garbles),
)


# --- assembling a corpus ---------------------------------------------------------------------


def _unique_context(text: str, start: int, end: int) -> str | None:
    """The shortest stretch around [start, end) (whole words added) that occurs once in ``text``."""
    s, e = start, end
    for _ in range(40):
        piece = text[s:e]
        if text.count(piece) == 1:
            return piece if (s, e) != (start, end) else None
        # widen by one word on each side, staying on the line
        ns = text.rfind(" ", 0, max(0, s - 1))
        ns = max(ns + 1, text.rfind("\n", 0, s) + 1)
        ne = text.find(" ", e + 1)
        nl = text.find("\n", e)
        ne = len(text) if ne < 0 else ne
        ne = min(ne, nl) if nl >= 0 else ne
        if (ns, ne) == (s, e):
            break
        s, e = ns, ne
    return text[s:e]


def plant(material: Material, *, seed: int, per_corpus: int = 7, max_per_source: int = 3) -> GeneratedCorpus:
    """Corrupt one material: up to ``per_corpus`` plants, one kind after another, round-robin."""
    rng = random.Random(seed * 1_000_003 + zlib.crc32(material.name.encode()))
    c = _Corpus(material)
    used_lines: set[tuple[str, int]] = set()
    used_keys: set[str] = set()
    per_source: dict[str, int] = {}
    chosen: list[Plant] = []
    exhausted: set[str] = set()
    while len(chosen) < per_corpus and len(exhausted) < len(FINDERS):
        for kind, finder in FINDERS:
            if len(chosen) >= per_corpus or kind in exhausted:
                continue
            cands: list[tuple[Plant, int]] = []
            for name in c.targets():
                if per_source.get(name, 0) >= max_per_source:
                    continue
                for ln in c.lines(name):
                    if (name, ln[0]) in used_lines:
                        continue
                    for p in finder(c, name, ln, rng):
                        if p.key not in used_keys:
                            cands.append((p, ln[0]))
            if not cands:
                exhausted.add(kind)
                continue
            rng.shuffle(cands)
            cands.sort(key=lambda pc: per_source.get(pc[0].source, 0))  # spread over sources (stable)
            p, line_start = cands[0]
            chosen.append(p)
            used_lines.add((p.source, line_start))
            used_keys.add(p.key)
            per_source[p.source] = per_source.get(p.source, 0) + 1

    files = dict(material.files)
    for name in files:
        for p in sorted((p for p in chosen if p.source == name), key=lambda p: -p.start):
            files[name] = files[name][:p.start] + p.new + files[name][p.end:]
    where = _planted_spans(chosen)
    expectations = []
    for p in sorted(chosen, key=lambda p: (p.source, p.start)):
        s, _ = where[p]
        text = files[p.source]
        context = _unique_context(text, s, s + len(p.new))
        # A corruption inside a quote also makes the quote read differently: the matcher tolerates a
        # quote flag there (matching.second_readings), as on hand-written cases.
        expectations.append(Expectation(
            source=Path(p.source).stem, kind=p.kind, text=p.text or p.new, expected=p.expected or p.original,
            context=context, also=p.also, origin=f"generated: {p.subtype}",
        ))
    traps = _surviving_traps(material.traps, files, where)
    truth = Truth(f"gen:{material.name}", tuple(expectations), traps, material.known)
    return GeneratedCorpus(truth.name, tuple(files.items()), truth, tuple(chosen))


def _planted_spans(chosen: Sequence[Plant]) -> dict[Plant, tuple[int, int]]:
    """Where each plant's new words stand in its planted file: its start moved by the plants
    before it in the same file."""
    out = {}
    for p in chosen:
        shift = sum(len(q.new) - (q.end - q.start) for q in chosen if q.source == p.source and q.start < p.start)
        out[p] = (p.start + shift, p.start + shift + len(p.new))
    return out


def _surviving_traps(traps: Sequence[Trap], files: dict[str, str],
                     where: Mapping[Plant, tuple[int, int]]) -> tuple[Trap, ...]:
    """The hand-written traps still true of the planted files.

    A trap names a legitimate variant of the clean story ("Khaled" beside "Khalid", "about 320,000"
    for 321,400); planting elsewhere leaves it legitimate, so a flag there is a false positive in
    the generated corpus too. A trap whose words a plant changed or touches is dropped: that place
    is now an expected flag, or no longer exists.
    """
    by_stem = {Path(name).stem: name for name in files}
    planted: dict[str, list[tuple[int, int]]] = {}
    for p, span in where.items():
        planted.setdefault(p.source, []).append(span)
    kept = []
    for t in traps:
        name = by_stem.get(t.source)
        spans = locate(files[name], t.text) if name else ()
        if spans and not any(s < pe and ps < e for s, e in spans for ps, pe in planted.get(name, ())):
            kept.append(t)
    return tuple(kept)


def build_corpora(*, seed: int = 7, per_corpus: int = 7, materials: Sequence[Material] | None = None) -> list[GeneratedCorpus]:
    """One corrupted corpus per material (default: every hand-written case's clean version + seeds)."""
    if materials is None:
        materials = [*hand_materials(), seed_material()]
    return [plant(m, seed=seed, per_corpus=per_corpus) for m in materials]


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Write generated corpora (with truth.json) for inspection.")
    ap.add_argument("--out", type=Path, required=True, help="folder to write one sub-folder per corpus into")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--per-corpus", type=int, default=7)
    args = ap.parse_args(argv)
    for corpus in build_corpora(seed=args.seed, per_corpus=args.per_corpus):
        d = args.out / corpus.name.replace(":", "-")
        d.mkdir(parents=True, exist_ok=True)
        for fname, text in corpus.files:
            (d / fname).write_text(text, encoding="utf-8")
        truth = [{"source": e.source, "kind": e.kind, "text": e.text, "expected": e.expected,
                  "context": e.context, "how": e.origin} for e in corpus.truth.expectations]
        (d / "truth.json").write_text(json.dumps(truth, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"{corpus.name}: {len(corpus.plants)} corruptions -> {d}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
