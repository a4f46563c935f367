"""number_conflict, and the reading of quantities and dates shared with date_conflict (``dates``).

Every passage's numbers are read into ``Mention``s: a value normalised across spellings ("145%",
"145 percent", "145 per cent", "one hundred forty-five percent"; "$1.2 billion" and "1.2 billion
dollars"; "5 million" and "five million"), a unit class (percent, a currency, a count of some
noun, a year, a month-day date, weekdays), the interval the wording allows ("about 1%", "beyond
100%", "up to around 98 percent", "80 or 90 percent", "from Friday to Monday"), and the words
around it (its role).

A mention is in conflict when the aligned passages of other sources give the same role a value
its interval does not allow, and at least two of them agree on that value, outnumbering the
sources that agree with it. A mention is corroborated as soon as another source gives a
compatible value in a compatible role; a value only one source gives is not a conflict, and a
different quantity in the same passage (17 trading partners out of 18 relationships) is a
different role, not a disagreement.

Both kinds are judged by that one consensus, computed once per run (``story_quantities``): this
module reads the mentions (dates with the calendar: publication days, leads, weekdays read as
dates) and gives the number_conflict flags (``NumberCheck``, with ``unit_swaps``); ``dates`` gives
the date_conflict flags.

In: ``CheckContext``. Out: ``Flag``s of kind ``number_conflict``.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import math
import operator
import re
import weakref
from datetime import date, timedelta
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from typing import Iterable, Iterator, Sequence

from text_to_num import text2num

from srccompare.checks.base import CheckContext, make_flag, span_of
from srccompare.checks.lexicon import lang_of, zipf
from srccompare.checks.speech import CONJUNCTIONS, FUNCTION_WORDS, REPORTING_VERBS, stem
from srccompare.models import Flag, Group, Kind, Passage, Severity, Span

MAX_COUNTERPART_SOURCES = 40
"""Other sources consulted per mention: enough for a clear majority, bounded for huge groups."""

MIN_ROLE_SCORE = 0.22
"""How alike the words around two mentions in aligned passages must be for them to count as the
same quantity (``role_score``)."""

MIN_STORY_CONTEXT = 0.15
"""A counterpart outside the aligned passages must share this much of its surrounding words
(``context_similarity``): "15 countries" in one sentence and "the two countries" in another are
different quantities even though both count countries."""

FIT_MARGIN = 0.25
"""A counterpart that agrees with a mention corroborates it when its role score is at most this much
below the source's best counterpart (two about equally likely counterparts: benefit of the doubt)."""

ALIGNED_BONUS = 0.1
"""What being in passages the alignment put together adds to a role score. A counterpart found
elsewhere in the story needs this much more similarity instead."""

MAX_EVIDENCE = 6

OWN_RESTATEMENT = 0.5
"""How alike two clauses of one source giving two figures of one noun must be to state one
quantity twice (then the figure that differs from the others' slipped)."""

BARE_SUPPORT = 0.3
"""How alike the clause of a figure printed without a counted noun ("two were killed when …") must
be to a count's clause for it to support that count."""

LEAD_BONUS = 0.2
"""What being the first weekday of both sources adds to a role score (see ``mark_leads``)."""

ANCHOR_CLASH = 0.5
"""What different event words right next to two dates take off their role score: "arrested on
Sunday" and "will appear before a prosecutor on Monday" date two events of one sentence. Not for
two leads (``mark_leads``): a lead's event verb often stands further away ("signed an agreement in
Accra on Friday to channel …")."""
"""What being the first weekday of both sources adds to a role score (see ``mark_leads``)."""

BARE = "bare"
DURATION = "duration"
"""Unit of a time measured in several units or printed as a race time ("2 hours 14 minutes",
"2:14:27"), valued in seconds (``_duration``)."""
"""The unit of a number that counts nothing named: never judged nor a counterpart."""

# --------------------------------------------------------------------------------------------
# Generic resources: number words, units, currencies, months, weekdays, hedges
# --------------------------------------------------------------------------------------------

_ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
         "fifteen sixteen seventeen eighteen nineteen").split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_SCALE_ABBR = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12, "trn": 1e12}
_SCALE_ABBR_ABROAD = {"mio": 1e6, "mln": 1e6, "mrd": 1e9, "mld": 1e9, "bln": 1e9}
"""Scale abbreviations of other languages printed apart from the figure ("40 mio.", "1,2 mld.")."""
NUMBER_WORDS = frozenset(_ONES + _TENS + list(_SCALES) + [f"{t}-{o}" for t in _TENS for o in _ONES[1:10]])

_PERCENT_WORDS = {"percent", "per cent", "pct", "percentage"}
_CURRENCY_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₩": "KRW"}
_CURRENCY_PREFIX = {"us": "USD", "a": "AUD", "c": "CAD", "hk": "HKD", "nz": "NZD", "s": "SGD"}
_CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "pound": "GBP", "pounds": "GBP",
    "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rupee": "INR", "rupees": "INR", "won": "KRW",
    "franc": "CHF", "francs": "CHF", "usd": "USD", "eur": "EUR", "gbp": "GBP", "jpy": "JPY",
    "cny": "CNY", "chf": "CHF",
}
# Other currencies by name (a generic resource: the world's currency names as English prints them).
# Their unit is the name itself ("cur:PESO"): two sources naming one currency agree on it whatever
# country's it is, and "1.2 trillion pesos" is an amount of money, not a count of pesos. The
# crowns of Scandinavia and of the Czech Republic are one name in English ("crowns").
_CURRENCY_WORDS.update({w: stem_word.upper() for stem_word, words in (
    ("peso", "peso pesos"), ("real", "reais"), ("rupiah", "rupiah"), ("ringgit", "ringgit ringgits"),
    ("baht", "baht"), ("dong", "dong"), ("shilling", "shilling shillings"), ("rand", "rand"),
    ("zloty", "zloty zlotys zlotych"), ("lira", "lira liras lire"),
    ("naira", "naira"), ("dirham", "dirham dirhams"), ("riyal", "riyal riyals rial rials"), ("forint", "forint forints"),
    ("leu", "leu lei"), ("lev", "lev leva"), ("hryvnia", "hryvnia hryvnias"), ("rouble", "rouble roubles ruble rubles"),
    ("taka", "taka"), ("kwacha", "kwacha"), ("cedi", "cedi cedis"), ("tenge", "tenge"), ("manat", "manat manats"),
    ("crown", "koruna korunas crown crowns krona kronor krone kroner kronur"), ("dinar", "dinar dinars"),
    ("lari", "lari"), ("som", "som soms"),
    ("kyat", "kyat kyats"), ("kip", "kip"), ("riel", "riel riels"), ("birr", "birr"))
    for w in words.split()})
_CODE_UNITS = {code: name.upper() for name, codes in (
    ("peso", "mxn cop php clp ars"), ("real", "brl"), ("rupiah", "idr"), ("ringgit", "myr"), ("baht", "thb"),
    ("dong", "vnd"), ("shilling", "kes ugx tzs"), ("rand", "zar"), ("crown", "sek nok dkk isk czk"), ("zloty", "pln"),
    ("lira", "try"), ("naira", "ngn"), ("dirham", "aed mad"), ("riyal", "sar qar"), ("forint", "huf"),
    ("leu", "ron mdl"), ("lev", "bgn"), ("hryvnia", "uah"), ("rouble", "rub"), ("taka", "bdt"), ("cedi", "ghs"),
    ("tenge", "kzt"), ("manat", "azn"), ("lari", "gel"), ("kyat", "mmk"), ("birr", "etb"))
    for code in codes.split()}
"""ISO codes of the currencies named above, as the unit their name gives ("CZK 1.2 billion" and
"1.2 billion crowns" are one amount), read only in capitals ("TRY 500", never "try 3 times");
"zł" is the złoty's sign."""
_CURRENCY_WORDS.update({"zł": "ZLOTY"})
_CURRENCY_CODES = {"usd", "eur", "gbp", "jpy", "cny", "chf", "inr", "krw", "aud", "cad"} | set(_CODE_UNITS)
_DOLLAR_WORDS = frozenset({"dollar", "dollars"})

_MONTHS = {m: i + 1 for i, m in enumerate(
    "january february march april may june july august september october november december".split())}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_WEEKDAYS = {d: i for i, d in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())}
_WEEKDAYS.update({d[:3]: i for d, i in list(_WEEKDAYS.items())})

# Hedges before a number and the interval they allow around it (low factor, high factor). "More
# than 300" is logically any larger number, but a reporter writes it for 320, not for 1,000: a
# bound allows up to half as much again (or down to two thirds), no further.
_OPEN = 1.5
_HEDGES: dict[tuple[str, ...], tuple[float, float]] = {
    ("about",): (0.85, 1.15), ("around",): (0.85, 1.15), ("approximately",): (0.85, 1.15),
    ("roughly",): (0.85, 1.15), ("some",): (0.85, 1.15), ("nearly",): (0.85, 1.0), ("almost",): (0.85, 1.0),
    ("close", "to"): (0.85, 1.0), ("more", "than"): (1.0, _OPEN), ("over",): (1.0, _OPEN),
    ("above",): (1.0, _OPEN), ("beyond",): (1.0, _OPEN), ("at", "least"): (1.0, _OPEN),
    ("upwards", "of"): (1.0, _OPEN), ("exceeding",): (1.0, _OPEN), ("less", "than"): (1 / _OPEN, 1.0),
    ("fewer", "than"): (1 / _OPEN, 1.0), ("under",): (1 / _OPEN, 1.0), ("below",): (1 / _OPEN, 1.0),
    ("up", "to"): (1 / _OPEN, 1.0), ("at", "most"): (1 / _OPEN, 1.0), ("as", "many", "as"): (1 / _OPEN, 1.0),
    ("as", "much", "as"): (1 / _OPEN, 1.0),
}
_HEDGE_MAX = max(len(k) for k in _HEDGES)
_HEDGE_WORDS = frozenset(w for k in _HEDGES for w in k)
_CLAUSE_MARKS = frozenset({",", ";", ":", "(", ")", "—", "–", "[", "]"})

# A figure as printed in any of the common conventions: groups of three digits separated by a
# comma, a dot, an apostrophe or a narrow/no-break space ("16,235", "16.235", "1'500", "16 235"),
# then an optional decimal part after the other mark ("1.234,5"); or digits with a decimal point or
# comma ("79.6", "79,6"). A comma followed by four or more digits is not a decimal comma ("May
# 8,2025" is a typo'd date, not 8.2025).
_FIGURE = (r"\d{1,2}(?:,\d\d)+,\d{3}(?![\d,]\d)|"  # South Asian grouping: "5,60,000" is 560,000
           r"\d{1,3}(?:([,.'’\u00a0\u202f\u2009])\d{3}(?!\d))(?:\1\d{3}(?!\d))*(?:[.,]\d+)?"
           r"|\d{1,3}(?: \d{3}(?![\d.,]\d))+(?![\d.,]\d)"
           r"|\d+(?:\.\d+|,\d{1,2}(?!\d))?")
_NUMERIC_DATE = r"\d{1,2}(?:\.\d{1,2}\.|/\d{1,2}/)(?:19|20)?\d\d(?![\d.,]?\d)"
"""A date printed in figures with its year ("25.10.2026", "18/09/2025", "14/10/25"): one token,
never a quantity (its "25.10" is not a decimal figure that tells the source's convention)."""
_NUMERIC_DATE_RE = re.compile(_NUMERIC_DATE)
_TOKEN_RE = re.compile(
    _NUMERIC_DATE + r"|" + _FIGURE + r"|[^\W\d_]+(?:[’'\-.][^\W\d_]+)*|[$€£¥₹₩%]|\S",
    re.UNICODE,
)
_GROUP_MARKS = frozenset("'’ \u00a0\u202f\u2009")
_ORDINAL_SUFFIX = {"st", "nd", "rd", "th"}
_RANGE_WORDS = {"or", "to", "-", "–", "and"}
_STOP_NP = FUNCTION_WORDS | CONJUNCTIONS | {"due", "percent", "cent", "yesterday", "today", "tomorrow"}
# Function words that may open a counted noun phrase ("18 very important relationships").
_NP_MODIFIERS = frozenset({"very", "more", "most", "other", "such", "new", "additional", "extra", "further"})
_PARTITIVE_AFTER_OF = frozenset({"the", "them", "its", "their", "his", "her", "our"})
"""Words after "<figure> of" that make the figure a part of a group ("five of the dead")."""
_SUBSET_MODIFIERS = frozenset({"more", "other", "additional", "extra", "further"})
"""Words after a figure that make it count a part or an addition ("20 other crew" plus the master,
"five more defendants"): not the total another source gives ("21 crew")."""

# English words for the two casualty counts news reports give, mapped to one class each: "32 dead",
# "23 killed", "23 people died", "23 deaths" state the same quantity; "140 wounded" and "140
# injured" another. A linguistic resource (how English words casualties), not story vocabulary.
_CASUALTY_CLASS = {w: "⟨killed⟩" for w in (
    "dead deaths death died die dies dying killed killing kill kills fatalities fatality fatal "
    "perished lives").split()}
_CASUALTY_CLASS.update({w: "⟨injured⟩" for w in (
    "injured injuring injure injures injuries injury wounded wounding wounds hurt").split()})
_TEMPERATURE_LETTERS = frozenset({"C", "F"})
_TEMPERATURE_WORDS = {"celsius": "C", "centigrade": "C", "fahrenheit": "F"}

# Units of measurement by dimension, as the counted noun after a figure ("11 seconds", "36,000 ft"):
# the same figure with another unit of the same dimension is another quantity ("11 minutes").
# A generic resource (SI and imperial units and their spellings), compared by stem like every
# counted noun: {dimension: {unit: its spellings}}.
_DIMENSION_WORDS = {
    "time": {"second": "second seconds sec secs", "minute": "minute minutes min mins",
             "hour": "hour hours hr hrs", "day": "day days", "week": "week weeks", "month": "month months",
             "year": "year years", "decade": "decade decades"},
    "length": {"mm": "millimetre millimetres millimeter millimeters mm",
               "cm": "centimetre centimetres centimeter centimeters cm",
               "m": "metre metres meter meters", "km": "kilometre kilometres kilometer kilometers km",
               "ft": "foot feet ft", "in": "inch inches", "yd": "yard yards", "mi": "mile miles"},
    "mass": {"g": "gram grams", "kg": "kilogram kilograms kg kilo kilos", "t": "tonne tonnes ton tons",
             "lb": "pound pounds lb lbs", "oz": "ounce ounces"},
    "power": {"w": "watt watts", "kw": "kilowatt kilowatts kw", "mw": "megawatt megawatts mw",
              "gw": "gigawatt gigawatts gw"},
    "volume": {"ml": "millilitre millilitres milliliter milliliters ml", "cl": "centilitre centilitres cl",
               "l": "litre litres liter liters", "gal": "gallon gallons"},
    "speed": {"km/h": "kph kmph kmh", "mi/h": "mph", "kn": "knot knots"},
    "area": {"ha": "hectare hectares ha", "acre": "acre acres"},
}
_PER_HOUR = {("/", "h"), ("/", "hr"), ("per", "hour"), ("an", "hour"), ("a", "hour"), ("/", "s"),
             ("per", "second")}
"""Words after a unit of length that make it a speed ("110 km/h", "140 km per hour", "12 metres per
second"): another dimension than the length itself ("350 kilometers" of track)."""

_MEASURE_ADJECTIVES = frozenset({"old", "long", "ago", "high", "wide", "deep", "later", "earlier"})
_SENTENCE_ENDS = frozenset({".", "!", "?", "…"})
_ANCHOR_SPAN = 3
"""Tokens either side of a date whose content words name the event it dates ("published on
Wednesday", "a medical on Sunday", "announced on Tuesday a recall"). Names ("Trump on Wednesday")
and reporting verbs ("said Tuesday") are left out: one person says things on many days."""


# Parts of a day: "Tuesday afternoon" and "Wednesday afternoon" are not the same event for sharing
# the word "afternoon".
_SCHEDULE_WORDS = frozenset({"scheduled", "schedule", "set", "due", "planned", "slated", "expected", "fixed",
                             "timetabled"})
"""Words that say when something is planned, not what: "talks are scheduled for Wednesday" and "a
meeting set for Wednesday" date one event; like a reporting verb, they name no event."""

_DAY_PARTS = frozenset({"morning", "afternoon", "evening", "night", "midday", "noon", "midnight", "dawn",
                        "early", "late", "last", "next", "this"})


_TIMES_OF_DAY = frozenset({"morning", "afternoon", "evening", "night", "midday", "noon", "midnight", "dawn"})
"""Words right after a date that say the time of day of its event ("Tuesday afternoon")."""


def _abbreviation(toks: Sequence[tuple[str, int, int]], k: int) -> bool:
    """A full stop that ends an abbreviation or an initial ("U.S.", "Mr.", "p.m."), not a sentence."""
    if toks[k][0] != "." or k == 0:
        return False
    prev = toks[k - 1]
    return prev[2] == toks[k][1] and (len(prev[0]) <= 2 or "." in prev[0] or prev[0].lower() in ("mr", "mrs", "ms", "dr", "st", "jan", "feb", "aug", "sept", "oct", "nov", "dec", "gov", "sen", "rep", "gen"))


_POWER_WORDS = {"square": ("area",), "sq": ("area",), "cubic": ("volume",), "cu": ("volume",)}
"""Words that make a unit of length one of area or volume ("square kilometres", "cubic feet")."""


def _speed(lower: Sequence[str], i1: int, word: str, length: tuple[str, str]) -> tuple[str, str] | None:
    """The speed a unit of length after a figure makes with the words after it ("km/h", "km per
    hour": ("speed", "km/h")); None when it is a length. ``i1`` is the token after the figure,
    ``word`` the unit word as printed."""
    for t in range(i1, min(i1 + 3, len(lower))):
        if lower[t] == word:
            after = tuple(lower[t + 1:t + 3])
            if after in _PER_HOUR:
                return ("speed", f"{length[1]}/{'s' if after[1] in ('s', 'second') else 'h'}")
            return None
    return None


def _participle(lw: str) -> bool:
    """A past participle or past verb ("published", "recorded"); casualty words are counted nouns
    in news ("23 killed")."""
    return lw.endswith("ed") and len(lw) > 4 and lw not in _CASUALTY_CLASS


def _role_word(lw: str) -> str:
    """A context word as compared: its casualty class when it words a casualty, else its stem."""
    return _CASUALTY_CLASS.get(lw) or stem(lw)


@functools.lru_cache(maxsize=None)
def _unit_stems() -> dict[str, tuple[str, str]]:
    """{stem of a unit's spelling: (dimension, unit)} ("feet" and "ft" are one unit)."""
    return {stem(w): (dim, unit) for dim, units in _DIMENSION_WORDS.items()
            for unit, words in units.items() for w in words.split()}


def measure_unit(m: "Mention") -> tuple[str, str] | None:
    """A mention's unit of measurement as (dimension, unit): ("time", "second") for "11 seconds",
    ("currency", "USD") for "$13.3 billion", ("temperature", "C") for "51.2C"; None when it
    counts something else."""
    if m.unit.startswith("cur:"):
        return ("currency", m.unit[4:])
    if m.unit.startswith("temp:"):
        return ("temperature", m.unit[5:])
    return m.measure if m.unit == "count" else None


@dataclass(frozen=True)
class Mention:
    """One number or date in one passage.

    ``unit``: "percent", "points", "cur:USD" (a currency), "count" (a number of something named:
    ``head`` is the noun, ``np`` the words of its noun phrase), "year", "date" (month and day),
    "weekday"; ``casualty`` the casualty class of a count (see ``_casualty_of``); ``anchor`` (dates only) the content words right next to a date, which name the event
    it dates. ``value`` is
    comparable within a unit (a float; (month, day); a frozenset of weekdays). ``lo``/``hi`` is
    the interval the wording allows (equal to the value when exact); ``hedge`` what kind of
    interval: "" (exact), "about", "above" ("more than"), "below" ("up to"), "range" ("80 or 90"). ``context`` are the content
    stems around it, ``head`` the noun it counts, ``order`` its rank among the passage's mentions
    of the same unit; ``alt`` the value under the other reading of an ambiguous separator ("1.500":
    1.5 or 1500, see ``read_figure``), None when the figure reads one way only; ``years`` the
    years its sentence names ("a magnitude 8.4 quake in 2001": a fact of another time); ``lead``
    (weekdays) whether it is the first weekday of its source's text, the day of the news event in
    a news article's lead; ``spoken`` (dates) whether a reporting verb stands right next to it
    ("said Tuesday", "said in a statement on Sunday"): the day of a statement, not of the event.
    ``derived`` marks a reading the calendar gives of another mention (a date's weekday, a weekday's
    date: see ``add_calendar``): a counterpart for other sources, never judged itself; ``day`` the
    day it names on the calendar (a proleptic ordinal, ``date.toordinal``) when the calendar says,
    else 0; ``published`` (weekdays) its source's publication day as an ordinal, 0 when unknown;
    ``opening`` (leads) whether it stands in the report's opening (``OPENING_PASSAGES``) and dates
    something that happened, not something to come ("will meet on Saturday"); ``relative`` a date
    worded from the report's own day ("yesterday": ("day", -1); "last year": ("year", -1)), whose
    value only the calendar gives (``add_calendar``: dropped when the report's day is unknown);
    ``through`` (dates) the last day of a span of days ("from 21 to 23 April": value (4, 21),
    through (4, 23)), None for one day; ``part`` (dates) the time of day printed right after it
    ("Tuesday afternoon": "afternoon"), "" when none; ``subset`` (quantities) whether it counts a
    part or an addition ("20 other crew", "five more"; ``_SUBSET_MODIFIERS``).
    """

    passage: Passage
    source: str  # the passage's source (a field, not a property: it is read millions of times)
    start: int
    end: int
    text: str
    unit: str
    value: object
    lo: float
    hi: float
    exact: bool
    hedge: str
    head: str
    context: frozenset[str]
    order: int
    after: str
    np: frozenset[str] = frozenset()
    anchor: frozenset[str] = frozenset()
    casualty: str = ""
    alt: float | None = None
    years: frozenset[int] = frozenset()
    lead: bool = False
    spoken: bool = False
    derived: bool = False
    day: int = 0
    published: int = 0
    opening: bool = False
    relative: tuple[str, int] | None = None
    measure: tuple[str, str] | None = None
    through: tuple[int, int] | None = None
    part: str = ""
    subset: bool = False

    @property
    def is_date(self) -> bool:
        return self.unit in _DATE_UNITS


def read_figure(word: str) -> tuple[float, float | None] | None:
    """The value of a figure printed with digits, and its other reading when the separators are
    ambiguous; None when it is not a figure.

    English convention first: "1,500" is 1500 and "1.5" one and a half. A figure printed in another
    convention is read in it when nothing else fits: "79,6" (a comma before one or two digits) is
    79.6, "1.234,5" is 1234.5, "16 235" or "1'500" is a thousands figure. A single comma or dot
    before exactly three digits can be either ("16.235" is 16.235 in English and 16235 in
    Portuguese): the second value is that other reading, which ``settle_separators`` picks when the
    other sources confirm it."""
    marks = [ch for ch in word if not ch.isdigit()]
    if not marks:
        return (float(word), None) if word.isdigit() else None
    if any(ch in _GROUP_MARKS for ch in marks):
        decimal = marks[-1] if marks[-1] in ".," else ""
    elif len(set(marks)) == 2:
        decimal = marks[-1]  # "1.234,5", "1,234.5": the last mark is the decimal one
    elif len(marks) > 1:
        decimal = ""  # "1.500.000", "1,500,000": repeated marks group thousands
    else:
        decimal = marks[0]
    whole, _, frac = word.rpartition(decimal) if decimal else (word, "", "")
    digits = "".join(ch for ch in whole if ch.isdigit())
    if not digits or not frac.isdigit() and decimal:
        return None
    value = float(f"{digits}.{frac}" if decimal else digits)
    if len(marks) == 1 and len(frac) == 3 and not whole.startswith("0"):
        # "1,500" / "1.500": one mark before three digits; the English reading first.
        grouped = float(digits + frac)
        if decimal == ",":
            return grouped, value
        return value, grouped
    return value, None


def _num(word: str) -> float | None:
    w = word.lower()
    if w[0].isdigit():
        read = read_figure(w)
        return read[0] if read else None
    if w in NUMBER_WORDS:
        try:
            return float(text2num(w, "en"))
        except ValueError:
            return None
    return None


def _number_word_run(toks: Sequence[tuple[str, int, int]], i: int) -> tuple[float, int] | None:
    """A run of number words starting at ``i`` ("one hundred forty-five", "a million"): value and
    the index after it."""
    j = i
    words: list[str] = []
    while j < len(toks):
        w = toks[j][0].lower()
        if w in NUMBER_WORDS or (w == "and" and words and j + 1 < len(toks) and toks[j + 1][0].lower() in NUMBER_WORDS):
            words.append(w)
            j += 1
        elif w == "a" and not words and j + 1 < len(toks) and toks[j + 1][0].lower() in _SCALES:
            words.append("one")
            j += 1
        elif w == "half" and not words and j + 2 < len(toks) and toks[j + 1][0].lower() in ("a", "an") \
                and toks[j + 2][0].lower() in _SCALES and toks[j + 2][0].lower() != "hundred":
            # "half a billion", "half a million": one half of the scale, not "a billion".
            return _SCALES[toks[j + 2][0].lower()] / 2, j + 3
        else:
            break
    if not words or words in (["one"], ["and"]) or words[0] in _SCALES:
        # (A scale word alone, "million shillings", is the rest of a figure left unread, not one
        # million: "a million" is read above.)
        return None
    try:
        return float(text2num(" ".join(words), "en")), j
    except ValueError:
        return None


def passage_tokens(p: Passage) -> list[tuple[str, int, int]]:
    """The passage's tokens as (text, start, end) in source offsets. A figure grouped by plain
    spaces ("fined 50 000 francs", the French and Russian convention) is one token, except after a
    month name or a weekday, where the first group is a day ("May 3 100 people", "Sunday 12 400
    runners"): there the two figures stay apart."""
    out: list[tuple[str, int, int]] = []
    for m in _TOKEN_RE.finditer(p.text):
        w, a, b = m.group(), m.start() + p.start, m.end() + p.start
        if " " in w and out and (out[-1][0].lower().rstrip(".") in _MONTHS or out[-1][0].lower() in _WEEKDAYS):
            first, _, rest = w.partition(" ")
            out.append((first, a, a + len(first)))
            for part in _TOKEN_RE.finditer(rest):
                k = a + len(first) + 1 + part.start()
                out.append((part.group(), k, k + len(part.group())))
            continue
        out.append((w, a, b))
    return out


def mentions_in(p: Passage) -> list[Mention]:
    """Every number and date of a passage, normalised (see ``Mention``)."""
    toks = passage_tokens(p)
    raw: list[dict] = []
    i = 0
    n = len(toks)
    lower = [t[0].lower() for t in toks]
    while i < n:
        w, ts, te = toks[i]
        lw = lower[i]
        # Month-day dates: "May 8", "8 May", "May 8, 2025", "Jan. 3".
        if lw.rstrip(".") in _MONTHS and w[0].isupper():
            month = _MONTHS[lw.rstrip(".")]
            k = i + 1 + (1 if i + 1 < n and toks[i + 1][0] == "." else 0)
            if k < n and toks[k][0].isdigit() and 1 <= int(toks[k][0]) <= 31 and not (k + 1 < n and toks[k + 1][0] in "%$"):
                end = toks[k][2]
                k2 = k + 1
                if k2 < n and lower[k2] in _ORDINAL_SUFFIX and toks[k2][1] == toks[k][2]:
                    end = toks[k2][2]
                    k2 += 1
                through = None
                if k2 + 1 < n and lower[k2] in _SPAN_WORDS and _day_number(toks[k2 + 1][0]) \
                        and int(toks[k2 + 1][0]) > int(toks[k][0]) \
                        and not (k2 + 2 < n and lower[k2 + 2].rstrip(".") in _MONTHS):
                    # "from April 21 to 23": one span of days, not a date and a number.
                    through = (month, int(toks[k2 + 1][0]))
                    end = toks[k2 + 1][2]
                    k2 += 2
                raw.append(dict(start=ts, end=end, unit="date", value=(month, int(toks[k][0])), lo=0, hi=0,
                                exact=True, i0=i, i1=k2, through=through))
                i = k2
                if i + 1 < n and toks[i][0] == "," and re.fullmatch(r"(19|20)\d\d", toks[i + 1][0]):
                    # The year of the date just read ("April 3, 2026"): a year like the one of "3
                    # April 2026", judged and compared as one.
                    year = float(toks[i + 1][0])
                    raw.append(dict(start=toks[i + 1][1], end=toks[i + 1][2], unit="year", value=year, lo=year,
                                    hi=year, exact=True, i0=i + 1, i1=i + 2))
                    i += 2
                continue
        if w.isdigit() and 1 <= int(w) <= 31 and i + 1 < n:
            k = i + 1
            first = None
            if k + 1 < n and lower[k] in _SPAN_WORDS and _day_number(toks[k + 1][0]) and int(toks[k + 1][0]) > int(w):
                # "from 21 to 23 April", "21-23 April": the first day of a span whose month follows.
                first, w, k = int(w), toks[k + 1][0], k + 2
            if k < n and lower[k] in _ORDINAL_SUFFIX and toks[k][1] == te:
                k += 1
            if k < n and lower[k] in _MONTHS and len(lower[k]) >= 3 and toks[k][0][0].isupper() \
                    and (lower[k] != "may" or True):
                month = _MONTHS[lower[k]]
                raw.append(dict(start=ts, end=toks[k][2], unit="date", lo=0, hi=0, exact=True, i0=i, i1=k + 1,
                                value=(month, first if first else int(w)),
                                through=(month, int(w)) if first else None))
                i = k + 1
                continue
            w = toks[i][0]
        if lw in _MONTH_ONLY and w[0].isupper() and (lw != "may" or (i > 0 and lower[i - 1] in _MAY_BEFORE)
                                                       or (i + 1 < n and re.fullmatch(r"(19|20)\d\d", toks[i + 1][0]))):
            # A month alone ("in July", "January 2026", "last March"): the month the event fell in.
            month = float(_MONTHS[lw])
            raw.append(dict(start=ts, end=te, unit="month", value=month, lo=month, hi=month, exact=True, i0=i,
                            i1=i + 1))
            i += 1
            continue
        # Dates worded from the report's own day: "yesterday", "tomorrow", "last night"; "last
        # year", "next year". Their value comes from the calendar (``add_calendar``).
        rel = _RELATIVE_DAYS.get(lw)
        k = i + 1
        if lw == "day" and i + 2 < n and (lower[i + 1], lower[i + 2]) in _TWO_DAYS_OFF:
            # "the day before yesterday" is two days back, not "yesterday" ("the day after tomorrow").
            rel, k = _TWO_DAYS_OFF[(lower[i + 1], lower[i + 2])], i + 3
            if i > 0 and lower[i - 1] == "the":
                ts = toks[i - 1][1]
            raw.append(dict(start=ts, end=toks[k - 1][2], unit="weekday", value=frozenset(), lo=0, hi=0, exact=True,
                            i0=i, i1=k, relative=rel))
            i = k
            continue
        if rel is None and lw in ("last", "next", "this") and i + 1 < n:
            rel = _RELATIVE_PAIRS.get((lw, lower[i + 1]))
            k = i + 2
        if rel is not None and not (i > 0 and lower[i - 1] in ("the", "a", "every", "each")):
            unit = "weekday" if rel[0] == "day" else "year"
            raw.append(dict(start=ts, end=toks[k - 1][2], unit=unit, value=frozenset() if unit == "weekday" else 0.0,
                            lo=0, hi=0, exact=True, i0=i, i1=k, relative=rel))
            i = k
            continue
        if lw[-2:] in ("'s", "’s") and lw[:-2] in _WEEKDAYS and w[0].isupper():
            # "cancelled Saturday's paper": the possessive names the day like "on Saturday".
            raw.append(dict(start=ts, end=te - 2, unit="weekday", value=frozenset({_WEEKDAYS[lw[:-2]]}), lo=0, hi=0,
                            exact=True, i0=i, i1=i + 1))
            i += 1
            continue
        # Weekdays, alone or as a span: "on Saturday and Sunday", "from Friday to Monday".
        if lw in _WEEKDAYS and len(lw) > 3 and w[0].isupper():
            days = {_WEEKDAYS[lw]}
            end, k = te, i + 1
            if k + 1 < n and lower[k] in ("to", "through", "until", "-", "–", "and", "or") and lower[k + 1] in _WEEKDAYS:
                other = _WEEKDAYS[lower[k + 1]]
                if lower[k] in ("and", "or"):
                    days.add(other)
                else:
                    d = _WEEKDAYS[lw]
                    while d != other:
                        d = (d + 1) % 7
                        days.add(d)
                end, k = toks[k + 1][2], k + 2
            raw.append(dict(start=ts, end=end, unit="weekday", value=frozenset(days), lo=0, hi=0, exact=True,
                            i0=i, i1=k))
            i = k
            continue
        century = _century(toks, lower, i)
        if century is not None:
            raw.append(century)
            i = century["i1"]
            continue
        if _NUMERIC_DATE_RE.fullmatch(w):
            # "15.09.2026": its year is a printed year like any other (the story's calendar reads
            # it); the day and month are not compared (day-first or month-first cannot be told).
            year = w[-4:]
            if year.isdigit() and year[:2] in ("19", "20"):
                raw.append(dict(start=te - 4, end=te, unit="year", value=float(year), lo=float(year),
                                hi=float(year), exact=True, i0=i, i1=i + 1))
            i += 1
            continue
        # Quantities: a duration of several units or a race time first ("1 minute 10 seconds",
        # "2:14:27"), then one figure.
        parsed = _duration(toks, lower, i) or _quantity(toks, lower, i)
        if parsed is not None:
            raw.append(parsed)
            i = parsed["i1"]
            continue
        i += 1
    return _finish(p, toks, lower, raw)


_DATE_UNITS = frozenset({"year", "date", "weekday", "month", "century"})
"""Units of dates: a month alone ("in July") is one, valued by its number; a century ("the 3rd
century", "the fourth century BC") by its ordinal, negative before the era."""

_ORDINAL_WORDS = {w: i for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split(), 1)}
_ORDINAL_WORDS["twenty-first"] = 21
_CENTURY_WORDS = frozenset({"century", "centuries"})
_BEFORE_ERA = frozenset({"bc", "bce", "b.c", "b.c.e"})


def _century(toks: Sequence[tuple[str, int, int]], lower: Sequence[str], i: int) -> dict | None:
    """A century at ``i`` ("the 3rd century", "3rd-century", "the fourth century BC"): a raw date
    mention of unit "century" valued by its ordinal (negative before the era), else None."""
    lw = lower[i]
    if lw.isdigit() and i + 1 < len(toks) and toks[i + 1][1] == toks[i][2]:
        suffix, _, word = lower[i + 1].partition("-")
        if suffix not in _ORDINAL_SUFFIX or not 1 <= int(lw) <= 21:
            return None
        number, k = int(lw), i + 2
    else:
        first, _, word = lw.partition("-") if lw not in _ORDINAL_WORDS else (lw, "", "")
        if first not in _ORDINAL_WORDS and lw not in _ORDINAL_WORDS:
            return None
        number, k = _ORDINAL_WORDS.get(lw) or _ORDINAL_WORDS[first], i + 1
        if lw in _ORDINAL_WORDS:
            word = ""
    if not word:
        if k >= len(toks) or lower[k] not in _CENTURY_WORDS:
            return None
        k += 1
    elif word not in _CENTURY_WORDS:
        return None
    if k < len(toks) and lower[k].rstrip(".") in _BEFORE_ERA:
        number, k = -number, k + 1
    value = float(number)
    return dict(start=toks[i][1], end=toks[k - 1][2], unit="century", value=value, lo=value, hi=value, exact=True,
                i0=i, i1=k)

_MONTH_ONLY = frozenset(m for m in _MONTHS if len(m) > 3 or m == "may") - {"sept"}
_MAY_BEFORE = frozenset({"in", "of", "since", "until", "by", "last", "next", "early", "late", "mid", "this", "from",
                         "during", "end"})
"""Words before "May" that make it the month, not the verb ("in May", "since May")."""

_SPAN_WORDS = frozenset({"to", "through", "until", "till", "-", "–", "and"})
"""Words between the first and last day of a span of dates ("from 21 to 23 April", "21-23 April",
"between April 21 and 23")."""


def _day_number(word: str) -> bool:
    """Whether a token is a day of the month printed in digits."""
    return word.isdigit() and 1 <= int(word) <= 31


_RELATIVE_DAYS = {"yesterday": ("day", -1), "tomorrow": ("day", 1)}
_TWO_DAYS_OFF = {("before", "yesterday"): ("day", -2), ("after", "tomorrow"): ("day", 2)}
_RELATIVE_PAIRS = {("last", "night"): ("day", -1), ("last", "year"): ("year", -1), ("next", "year"): ("year", 1),
                   ("this", "year"): ("year", 0)}
"""Words that date something from the report's own day (a linguistic fact of English news)."""


_AMOUNT_AFTER = frozenset(_SCALES) | frozenset(_SCALE_ABBR) | frozenset(_CURRENCY_WORDS) | {"%", "percent", "per", "lakh",
                                                                                      "lakhs", "crore", "crores"}
"""Words after a figure that make it an amount, never the number of a name ("Airbus 320")."""


def _attached_to_name(toks: Sequence[tuple[str, int, int]], i: int) -> bool:
    """A number that is part of a name or code: "G7", "S&P 500", "Covid-19", "Boeing 737", "10:30"."""
    w, ts, te = toks[i]
    if i > 0:
        pw, ps, pe = toks[i - 1]
        if pe == ts and (pw[-1].isalpha() or pw in ("-", ":", "/", ".", "#")) and pw not in _CURRENCY_SYMBOLS:
            return True
        if pe < ts and pw[:1].isupper() and pw.lower() not in _MONTHS and pw.lower() not in _CURRENCY_PREFIX \
                and pw.lower() not in _CURRENCY_CODES and i > 1 and toks[i - 2][0] not in (".", "“", '"') \
                and pw.lower() not in _WEEKDAYS and pw.lower() not in FUNCTION_WORDS \
                and not (i + 1 < len(toks) and (stem(toks[i + 1][0].lower()) in _unit_stems()
                                                or toks[i + 1][0].lower() in _AMOUNT_AFTER)):
            # A unit of measurement after it makes it a measure, whoever's name precedes it: a list
            # of sentences reads "Maria Lopez 12 years, Tom Weir nine years"; "Boeing 737" has none.
            # So does a scale, a currency or a percent ("fined Acme 250 million shillings"): a
            # model number is never counted in millions.
            return True
    if i + 1 < len(toks):
        nw, ns, ne = toks[i + 1]
        if ns == te and nw in (":", "/") :
            return True
        if ns == te and nw[:1].isalpha() and nw.lower() not in _SCALE_ABBR and nw.lower() not in _ORDINAL_SUFFIX \
                and nw not in _TEMPERATURE_LETTERS:
            return True
    return False


_CLOCK_RE = re.compile(r"([01]?\d|2[0-4])[.,:]([0-5]\d)")
_TIME_WORDS = frozenset({"hour", "hours", "h", "hrs", "am", "pm", "a.m", "p.m", "gmt", "utc", "local", "o'clock"})


_CLOCK_SPAN = 6
"""Tokens either side of a date within which a time of day ("at 2:20 p.m.") is the time of its event."""
_CLOCK_TEXT_RE = re.compile(r"(\bat\s+)?(?<![\d.,:])([01]?\d|2[0-3])(?:([:.])([0-5]\d))?(?![\d%])"
                            r"\s*(?:([ap])\.?\s?m\b\.?|(h\b|hrs\b|hours\b))?", re.I)
_CLOCK_MARK = "⟨"
"""What opens an anchor that is a moment, not an event word: a time of day ("⟨14:20⟩"), the year
printed with a month ("⟨y2027⟩")."""
_YEAR_RE = re.compile(r"(?:19|20)\d\d")
_YEAR_MARK = _CLOCK_MARK + "y"


def _clock_anchors(text: str) -> frozenset[str]:
    """The times of day a stretch of text prints, each as an anchor word "⟨HH:MM⟩" on the 24-hour
    clock ("2:20 p.m." and "14:20" are one time): hours and minutes, or an hour with a.m./p.m.
    A bare figure is no time, nor a decimal ("4.25 million") unless "at" or a word of time goes with
    it ("at 6.30", "18.30 hours")."""
    out = set()
    for found in _CLOCK_TEXT_RE.finditer(text):
        at, hour, sep, minute = found.group(1), int(found.group(2)), found.group(3), found.group(4)
        half, word = (found.group(5) or "").lower(), found.group(6)
        if (minute is None and not half) or (sep == "." and not (at or half or word)):
            continue
        if half:
            if hour > 12 or hour == 0:
                continue
            hour = hour % 12 + (12 if half == "p" else 0)
        out.add(f"{_CLOCK_MARK}{hour:02d}:{minute or '00'}⟩")
    return frozenset(out)


def _event_words(anchor: frozenset[str]) -> frozenset[str]:
    """The words of a date's anchor that name its event, without its time of day (two events at
    different times may share a day; an event told with and without its time is still one)."""
    return frozenset(w for w in anchor if not w.startswith(_CLOCK_MARK))


def _clock_time(toks: Sequence[tuple[str, int, int]], lower: Sequence[str], i: int) -> bool:
    """A time of day printed like a figure ("at 6.00", "18.30 hours", "at 9,15"): hours and two
    digits of minutes, after "at" or before a word of time. Not a quantity ("at 6.00 hour" in a
    translation is not six of something)."""
    if not _CLOCK_RE.fullmatch(toks[i][0]):
        return False
    nxt = lower[i + 1] if i + 1 < len(toks) else ""
    if nxt == "%" or _unit_at(toks, lower, i + 1) not in (None, ("num", i + 1)):
        return False  # "at 4.10%", "at 9.50 euros": a rate or a price
    return nxt in _TIME_WORDS or (i > 0 and lower[i - 1] == "at")


_DURATION_UNITS = {w: secs for secs, words in ((3600, "hour hours hr hrs h"), (60, "minute minutes min mins"),
                                               (1, "second seconds sec secs s"))
                   for w in words.split()}
"""Units of a duration in seconds, for figures that add up to one time ("2 hours 14 minutes")."""
_RACE_TIME_RE = re.compile(r"\d{1,2}")
_TWO_DIGITS_RE = re.compile(r"[0-5]\d")


def _duration(toks: Sequence[tuple[str, int, int]], lower: Sequence[str], i: int) -> dict | None:
    """A time measured in several units, as one quantity in seconds: "2 hours 14 minutes 27
    seconds", "1 minute and 10 seconds" (figures or number words, each unit smaller than the one
    before), or a race time "2:14:27" (hours, minutes, seconds: a clock shows no seconds, so the
    three parts are a measured time). None when the tokens at ``i`` are not one; a single figure
    with one unit ("70 seconds") is an ordinary quantity (``_quantity``).

    Out: a raw mention (see ``mentions_in``) with unit "duration" (a measured time is its own kind
    of quantity: "2:15:37" is never the counterpart of a margin of "70 seconds"), the value in seconds, ``measure``
    (time, second) and ``np_from``, the token where its noun phrase starts (the last unit word of
    a worded duration, so "1 minute 10 seconds off" counts seconds off as "70 seconds off" does)."""
    n = len(toks)
    w, ts, te = toks[i]
    lw = lower[i]
    if not (lw[:1].isdigit() or lw in NUMBER_WORDS or lw in ("a", "an")):
        return None  # most tokens: no figure, no duration (cheap test before any parsing)
    if _RACE_TIME_RE.fullmatch(w) and i + 4 < n and toks[i + 1][0] == ":" and toks[i + 3][0] == ":" \
            and _TWO_DIGITS_RE.fullmatch(toks[i + 2][0]) and _TWO_DIGITS_RE.fullmatch(toks[i + 4][0]) \
            and all(toks[k][1] == toks[k - 1][2] for k in range(i + 1, i + 5)) \
            and not (i > 0 and toks[i - 1][2] == ts and toks[i - 1][0] in (":", ".")):
        value = int(w) * 3600 + int(toks[i + 2][0]) * 60 + int(toks[i + 4][0])
        return dict(start=ts, end=toks[i + 4][2], unit=DURATION, value=float(value), lo=value, hi=value, exact=True,
                    i0=i, i1=i + 5, measure=("time", "second"))
    total = 0.0
    parts = 0
    last_unit = None
    j = i
    end = te
    while j < n:
        if lower[j][:1].isdigit():
            if _NUMERIC_DATE_RE.fullmatch(lower[j]) or (j == i and _attached_to_name(toks, j)):
                break
            read = read_figure(lower[j])
            if read is None or read[1] is not None:
                break
            value, k = read[0], j + 1
        else:
            run = _number_word_run(toks, j)
            if run is None:
                if lower[j] in ("a", "an", "one") and j + 1 < n and _DURATION_UNITS.get(lower[j + 1]) == 60 \
                        and parts == 0:
                    run = (1.0, j + 1)  # "one minute 10 seconds", "an hour and 5 minutes": one
                else:
                    break
            value, k = run
        secs = _DURATION_UNITS.get(lower[k]) if k < n else None
        if secs is None or (last_unit is not None and secs >= last_unit) or (len(lower[k]) == 1 and toks[k][1] != toks[k - 1][2]):
            break
        total += value * secs
        parts += 1
        last_unit = secs
        end = toks[k][2]
        unit_at = k
        j = k + 1
        if j + 1 < n and lower[j] in (",", "and") and (lower[j + 1][:1].isdigit() or lower[j + 1] in NUMBER_WORDS):
            j += 1
    if parts < 2:
        return None
    return dict(start=ts, end=end, unit=DURATION, value=total, lo=total, hi=total, exact=True, i0=i, i1=unit_at + 1,
                np_from=unit_at, measure=("time", "second"))


def _quantity(toks: Sequence[tuple[str, int, int]], lower: Sequence[str], i: int) -> dict | None:
    n = len(toks)
    start_i = i
    currency = None
    w = toks[i][0]
    if w in _CURRENCY_SYMBOLS and i + 1 < n and toks[i + 1][0][:1].isdigit():
        currency = _CURRENCY_SYMBOLS[w]
        if i > 0 and toks[i - 1][2] == toks[i][1] and lower[i - 1] in _CURRENCY_PREFIX:
            start_i = i - 1
            currency = _CURRENCY_PREFIX[lower[i - 1]] + "" if w == "$" else currency
            currency = {"us": "USD", "a": "AUD", "c": "CAD", "hk": "HKD", "nz": "NZD", "s": "SGD"}.get(lower[i - 1], currency)
        i += 1
    elif lower[i] in _CURRENCY_CODES and i + 1 < n and toks[i + 1][0][:1].isdigit() \
            and (lower[i] not in _CODE_UNITS or toks[i][0].isupper()):
        currency = _CODE_UNITS.get(lower[i], lower[i].upper())
        i += 1
    elif lower[i] in _CURRENCY_WORDS and lower[i].endswith("s") and i + 1 < n and toks[i + 1][0][:1].isdigit() \
            and toks[i + 1][1] > toks[i][2]:
        # "shillings 50,000", "pesos 1,200": the currency before the figure, as in the source
        # language; a plural only ("won 3 medals" is no amount).
        currency = _CURRENCY_WORDS[lower[i]]
        i += 1
    w = toks[i][0]
    if _NUMERIC_DATE_RE.fullmatch(w):
        return None  # "25.10.2026": a date, not a figure
    if currency is None and w[:1].isalpha():
        fraction = _fraction(lower, i)
        if fraction is not None:
            value, j = fraction
            return dict(start=toks[i][1], end=toks[j - 1][2], unit="fraction", value=value, lo=value, hi=value,
                        exact=True, i0=i, i1=j, alt=None)
        if lower[i] in ("a", "an") and i + 1 < n and lower[i + 1] == "dozen":
            return _dozens(toks, lower, start_i, 1.0, i + 1)
    if w[:1].isdigit():
        if _attached_to_name(toks, i) and currency is None:
            return None
        if currency is None and _clock_time(toks, lower, i):
            return None
        read = read_figure(w)
        if read is None:
            return None
        value, alt = read
        j = i + 1
    else:
        run = _number_word_run(toks, i)
        if run is None:
            return None
        value, j = run
        alt = None
        if lower[j - 1] in _SCALES and lower[j - 1] != "hundred":
            # "one million and 600 thousand": the words end on a scale, the smaller part in figures.
            rest = _smaller_part(toks, lower, j, _SCALES[lower[j - 1]],
                                 between=start_i > 0 and lower[start_i - 1] == "between")
            if rest is not None:
                value += rest[0]
                j = rest[1]
    # Scale: "1.2 billion", "5m", "3bn", "7.82 lakh", "12 crore", "three dozen".
    scale = 1.0
    if j < n and lower[j] == "dozen" and currency is None:
        return _dozens(toks, lower, start_i, value, j)
    if j < n and (lower[j] in _SCALES or lower[j] in _INDIAN_SCALES):
        scale = _SCALES.get(lower[j]) or _INDIAN_SCALES[lower[j]]
        j += 1
        rest = _smaller_part(toks, lower, j, scale, between=start_i > 0 and lower[start_i - 1] == "between")
        if rest is not None:
            # "7 lakh 82 thousand", "1 trillion 200 billion yen": one figure in two parts.
            value += rest[0] / scale
            j = rest[1]
    elif j < n and lower[j] in _SCALE_ABBR_ABROAD and w[:1].isdigit():
        # "DKK 40 mio.", "3,2 mld. Kč", "1,5 Mrd. Euro": the abbreviations of other languages,
        # often left as they are by a translation.
        scale = _SCALE_ABBR_ABROAD[lower[j]]
        j += 1
    elif j < n and lower[j] in _SCALE_ABBR and toks[j][1] == toks[j - 1][2] and w[:1].isdigit():
        scale = _SCALE_ABBR[lower[j]]
        j += 1
    value *= scale
    alt = alt * scale if alt is not None else None
    if j < n and lower[j] in _ORDINAL_SUFFIX and toks[j][1] == toks[j - 1][2]:
        return None  # an ordinal ("8th") that is not a date
    unit = None
    lo_v, hi_v = value, value
    # A range: "80 or 90 percent", "3-5%".
    if unit is None and j + 1 < n and lower[j] in _RANGE_WORDS and toks[j + 1][0][:1].isdigit():
        k = j + 1
        other = _num(toks[k][0])
        after_unit = _unit_at(toks, lower, k + 1)
        if other is not None and after_unit is not None and other > value and after_unit[0] != "num":
            lo_v, hi_v = value, other
            alt = None
            j = k + 1
    u = _unit_at(toks, lower, j)
    if currency is not None:
        unit = f"cur:{currency}"
        if u is not None and u[0].startswith("cur:"):
            j = u[1]
    elif u is not None and u[0] != "num":
        unit, j = u
    else:
        unit = "num"
    year = (unit == "num" and lo_v == hi_v and w.isdigit() and len(w) == 4 and 1900 <= value <= 2099)
    if year:
        unit = "year"
    return dict(start=toks[start_i][1], end=toks[j - 1][2], unit=unit, value=value, lo=lo_v, hi=hi_v,
                exact=lo_v == hi_v, i0=start_i, i1=j, alt=None if year else alt)


_INDIAN_SCALES = {"lakh": 1e5, "lakhs": 1e5, "lac": 1e5, "lacs": 1e5, "crore": 1e7, "crores": 1e7}
"""The South Asian scale words (a lakh is 100,000, a crore 10 million): "7.82 lakh" is 782,000."""

_FRACTION_NUMERATORS = {w: i for i, w in enumerate("one two three four five six seven eight nine".split(), 1)}
_FRACTION_DENOMINATORS = {w: d for d, ws in ((3, "third thirds"), (4, "quarter quarters fourth fourths"),
                                            (5, "fifth fifths"), (6, "sixth sixths"), (7, "seventh sevenths"),
                                            (8, "eighth eighths"), (9, "ninth ninths"), (10, "tenth tenths"))
                          for w in ws.split()}
_FRACTION_RE = re.compile(r"([a-z]+)-([a-z]+)")


def _fraction(lower: Sequence[str], i: int) -> tuple[float, int] | None:
    """A fraction in words at ``i`` ("two-thirds", "three fifths", "one-quarter"): its value and the
    index after it; None when there is none. Its own kind of quantity: "a two-thirds majority" and
    "a three-fifths majority" disagree, and neither is a count of anything."""
    found = _FRACTION_RE.fullmatch(lower[i])
    if found:
        num, den, j = found.group(1), found.group(2), i + 1
    elif lower[i] in _FRACTION_NUMERATORS and i + 1 < len(lower):
        num, den, j = lower[i], lower[i + 1], i + 2
    else:
        return None
    n, d = _FRACTION_NUMERATORS.get(num), _FRACTION_DENOMINATORS.get(den)
    if n is None or d is None or n >= d or (n > 1) != den.endswith("s"):
        return None  # "one thirds", "two third": no fraction ("the second of two third-place teams")
    return n / d, j


DOZEN_SPREAD = (0.85, 1.15)
"""The interval "three dozen" allows: counting in dozens rounds, like "about 36"."""


def _dozens(toks: Sequence[tuple[str, int, int]], lower: Sequence[str], start_i: int, count: float,
            j: int) -> dict:
    """A figure counted in dozens ("a dozen", "three dozen"), ``lower[j]`` being "dozen": a raw
    mention of ``count`` * 12 allowing ``DOZEN_SPREAD`` around it."""
    value = count * 12
    u = _unit_at(toks, lower, j + 1)
    unit, end = ("num", j + 1) if u is None or u[0] != "percent" else u
    return dict(start=toks[start_i][1], end=toks[end - 1][2], unit=unit, value=value, lo=value * DOZEN_SPREAD[0],
                hi=value * DOZEN_SPREAD[1], exact=False, i0=start_i, i1=end, alt=None)


def _smaller_part(toks: Sequence[tuple[str, int, int]], lower: Sequence[str], j: int, scale: float, *,
                  between: bool = False) -> tuple[float, int] | None:
    """The smaller part of a figure told in two scales, at ``j`` right after the first one's scale
    word: "7 lakh 82 thousand", "1 crore 20 lakh", and the grouping translations from languages
    that count in ten-thousands keep ("1 trillion 200 billion yen", "one million and 600
    thousand"). Out: its value and the index after it, else None. An "and" before it is a range's
    after "between" ("between 2 million and 500 thousand"), not a part."""
    if j < len(toks) and lower[j] == "and" and not between:
        j += 1
    if j + 1 >= len(toks):
        return None
    part = _num(toks[j][0]) if toks[j][0][:1].isdigit() or lower[j] in NUMBER_WORDS else None
    if part is None or lower[j] in _SCALES or (toks[j][0][:1].isdigit() and _attached_to_name(toks, j)):
        return None
    unit = lower[j + 1]
    small = _SCALES.get(unit) if unit in _SCALES and unit != "hundred" else _INDIAN_SCALES.get(unit)
    if small is None or small >= scale or part * small >= scale:
        return None
    return part * small, j + 2


def _unit_at(toks: Sequence[tuple[str, int, int]], lower: Sequence[str], j: int) -> tuple[str, int] | None:
    n = len(toks)
    if j >= n:
        return ("num", j)
    lw = lower[j]
    if toks[j][0] == "%" or lw in ("percent", "pct"):
        return ("percent", j + 1)
    if lw == "per" and j + 1 < n and lower[j + 1] == "cent":
        return ("percent", j + 2)
    if lw == "percentage" and j + 1 < n and lower[j + 1] in ("point", "points"):
        return ("points", j + 2)
    if lw in _CURRENCY_WORDS:
        return (f"cur:{_CURRENCY_WORDS[lw]}", j + 1)
    if lw in _CODE_UNITS and toks[j][0].isupper():
        return (f"cur:{_CODE_UNITS[lw]}", j + 1)
    if j + 1 < n and lower[j + 1] in _CURRENCY_WORDS and toks[j][0][:1].isupper() and toks[j][0].isalpha():
        # A currency named with its country: "4.5 million US dollars", "15,000 Swiss francs",
        # "300 million Danish kroner". Dollars are told apart by it (US, HK, Canadian dollars).
        if lower[j + 1] not in _DOLLAR_WORDS:
            return (f"cur:{_CURRENCY_WORDS[lower[j + 1]]}", j + 2)
        return (f"cur:{_CURRENCY_PREFIX[lw]}" if lw in _CURRENCY_PREFIX else f"cur:{toks[j][0].upper()}-DOLLAR", j + 2)
    # Temperatures: "51.2C", "124 °F", "49 degrees Celsius", "124 Fahrenheit".
    k = j + 1 if toks[j][0] == "°" or lw in ("degrees", "degree") else j
    if k < n:
        word = toks[k][0]
        if word in _TEMPERATURE_LETTERS and (k > j or toks[k][1] == toks[k - 1][2]) and \
                not (k + 1 < n and toks[k + 1][1] == toks[k][2] and toks[k + 1][0][:1].isalnum()):
            return (f"temp:{word}", k + 1)
        if word.lower() in _TEMPERATURE_WORDS:
            return (f"temp:{_TEMPERATURE_WORDS[word.lower()]}", k + 1)
    return ("num", j)


def _finish(p: Passage, toks: Sequence[tuple[str, int, int]], lower: Sequence[str], raw: list[dict]) -> list[Mention]:
    out: list[Mention] = []
    content_idx = [k for k, lw in enumerate(lower) if lw[:1].isalpha() and lw not in FUNCTION_WORDS]
    boundaries = [k for k, lw in enumerate(lower) if lw in _CLAUSE_MARKS]
    sentence_ends = [k for k, lw in enumerate(lower) if lw in _SENTENCE_ENDS and not _abbreviation(toks, k)]
    per_unit: Counter[str] = Counter()
    prev_end: dict[str, int] = {}
    year_at = [(r["i0"], int(r["value"])) for r in raw if r["unit"] == "year" and not r.get("relative")]
    # Tokens that belong to a figure ("HK$", "million", "m" in "HK$312.6m"): never the words around
    # another figure, or two figures of one sentence would share them as if they shared a subject.
    in_figure = {k for r in raw if r["unit"] not in _DATE_UNITS for k in range(r["i0"], r["i1"])}
    quantity_end: dict[int, dict] = {}
    for r in raw:
        i0, i1 = r["i0"], r["i1"]
        s_lo = max([b for b in sentence_ends if b < i0] + [-1])
        s_hi = min([b for b in sentence_ends if b >= i1] + [len(toks)])
        years = frozenset(y for k, y in year_at if s_lo < k < s_hi and k != i0)
        if r["unit"] in ("date", "weekday"):
            # "on Tuesday (0014 GMT on Wednesday)": a date in brackets right after another restates
            # it (another time zone, another calendar); its counterpart is the one before it.
            last = prev_end.get(r["unit"])
            prev_end[r["unit"]] = i1
            opener = next((k for k in range(i0 - 1, max(-1, i0 - 8), -1) if lower[k] in ("(", "[", ")", "]")), None)
            if last is not None and opener is not None and lower[opener] in ("(", "[") and last <= opener <= last + 2:
                continue
        # Hedge before the number.
        lo, hi = r["lo"], r["hi"]
        exact = r["exact"]
        start = r["start"]
        hedge = "" if exact else "range"
        hedge_size = 0
        if r["unit"] not in _DATE_UNITS:
            for size in range(_HEDGE_MAX, 0, -1):
                key = tuple(lower[max(0, i0 - size):i0])
                if len(key) == size and key in _HEDGES:
                    f_lo, f_hi = _HEDGES[key]
                    lo, hi = lo * f_lo, hi * f_hi
                    exact = False
                    hedge = "above" if f_hi > 1 and f_lo == 1 else "below" if f_lo < 1 and f_hi == 1 \
                        else "about"
                    hedge_size = size
                    break
            if i0 > 0 and lower[i0 - 1] in ("around", "about") and i0 > 1 and lower[i0 - 2] == "to":
                exact = False
        # The noun it counts: the first content word after it ("17 major trading partners" ->
        # partners; "17 of these partners" -> partners), up to a function word.
        np_words: list[str] = []
        k = r.get("np_from", i1)
        partitive = False
        if k < len(toks) and lower[k] == "of":
            # "Five of the dead", "two of six exits", "three of them": a part of a group the story
            # counts elsewhere, not that group's total ("nine dead"); "17 of these partners" may
            # still be the total.
            partitive = k + 1 < len(toks) and (lower[k + 1] in _PARTITIVE_AFTER_OF or lower[k + 1][:1].isdigit()
                                                or lower[k + 1] in NUMBER_WORDS)
            k += 1
            while k < len(toks) and lower[k] in FUNCTION_WORDS:
                k += 1
        subset = partitive
        while k < len(toks) and lower[k] in _NP_MODIFIERS:
            subset = subset or lower[k] in _SUBSET_MODIFIERS
            k += 1
        if k == i1 and k + 1 < len(toks) and toks[k][0] in ("-", "–") and toks[k][1] == toks[k - 1][2] \
                and toks[k + 1][1] == toks[k][2] and lower[k + 1][:1].isalpha():
            # A compound: "a 60-day state of emergency", "a 47-year-old": the number counts days,
            # years (as "600 days", "47 years old" do).
            np_words.append(lower[k + 1].split("-")[0])
            k += 2
        else:
            while k < len(toks) and len(np_words) < 4 and lower[k][:1].isalpha() and lower[k] not in _STOP_NP \
                    and lower[k] not in _WEEKDAYS and lower[k] not in _MONTHS:
                if np_words and (_participle(lower[k]) or lower[k] in _MEASURE_ADJECTIVES):
                    break  # "48,000 adults published on …", "47 years old": the noun ends there
                np_words.append(lower[k])
                k += 1
        if np_words and _participle(np_words[0]):
            np_words = []  # "6.4 killed": a verb follows, not a counted noun
            k = i1
        if r.get("measure") and not (np_words and _unit_stems().get(stem(np_words[0])) == r["measure"]):
            # A race time counts time whatever follows it ("finished in 2:14:27, ahead of").
            np_words = ["seconds"]
        head = _role_word(np_words[-1]) if np_words else ""
        # "11 seconds left", "a 12-year sentence": the unit of measurement is the noun's first word.
        measure = r.get("measure") or (_unit_stems().get(stem(np_words[0])) if np_words and r["unit"] == "num"
                                        else None)
        if measure is not None and measure[0] == "length":
            measure = _speed(lower, i1, np_words[0], measure) or measure
        elif measure is None and r["unit"] == "num" and len(np_words) > 1 and np_words[0] in _POWER_WORDS \
                and (length := _unit_stems().get(stem(np_words[1]))) is not None and length[0] == "length":
            # "23 square kilometres", "420 cubic metres": an area or a volume, not a length.
            measure = _POWER_WORDS[np_words[0]] + (length[1],)
        pi = i0 - hedge_size - 1
        if not head and r["unit"] == "num" and pi >= 0 and lower[pi][:1].isalpha() \
                and lower[pi] not in FUNCTION_WORDS:
            # "magnitude 6.4", "injuring 140", "kills at least 23": the word before says what it counts.
            head = stem(lower[pi])
            np_words = [lower[pi]]
        unit = r["unit"]
        if unit == "num":
            # A bare number of nothing named ("Lemos, 47,") has no role to compare; it is kept,
            # as unit "bare", only to say that a source gives that figure (``_lone_verdict``).
            unit = "count" if head else BARE
        # The words around it, within its clause: in "killing 23 people, injuring 140" the 23 is
        # about killing and the 140 about injuring.
        lo_b = max([b for b in boundaries if b < i0 - hedge_size] + [i0 - 9])
        hi_b = min([b for b in boundaries if b >= i1] + [i1 + 8])
        if hi_b < len(toks) and lower[hi_b] == "," and hi_b == k and np_words and lo_b <= s_lo \
                and not any(c in content_idx for c in range(s_lo + 1, i0 - hedge_size)):
            # A figure that opens its sentence and whose counted noun a comma ends starts a list
            # ("Around 1,200 residents, farm workers and tourists were evacuated from the area"):
            # what it counts happens after the list, in the next stretch of the sentence. (After a
            # comma it is an item of a list itself: "The 225-metre, 28,000-tonne ship".)
            hi_b = min([b for b in boundaries if b > hi_b] + [hi_b + 9])
        converts = quantity_end.get(i0 - hedge_size - 1) if i0 - hedge_size > 0 \
            and lower[i0 - hedge_size - 1] in ("(", "[") else None
        if converts is not None and r["unit"] not in _DATE_UNITS:
            # "HK$312.6 million (US$40.2 million)", "(about 13.3 billion euros)": a conversion in
            # brackets right after a figure states that figure; its role is that figure's clause.
            lo_b = min(lo_b, max([b for b in boundaries if b < converts["i0"]] + [converts["i0"] - 9]))
            hi_b = max(hi_b, min([b for b in boundaries if b > i1] + [i1 + 8]))
        if r["unit"] not in _DATE_UNITS:
            quantity_end[i1] = r
        anchor: frozenset[str] = frozenset()
        spoken = False
        # A date's role is the event of its sentence; that someone "said" something on a day names
        # no event (one person speaks on many days).
        is_date = r["unit"] in _DATE_UNITS
        if is_date:
            # A date belongs to the sentence's event, not to its clause: the whole sentence is its
            # role (up to 30 tokens either side). The words right next to it name the event itself.
            lo_b = max([b for b in sentence_ends if b < i0] + [i0 - 31])
            hi_b = min([b for b in sentence_ends if b >= i1] + [i1 + 30])
            near_lo = max([b for b in boundaries if b < i0] + [i0 - _ANCHOR_SPAN - 1, lo_b])
            near_hi = min([b for b in boundaries if b >= i1] + [i1 + _ANCHOR_SPAN, hi_b])
            spoken = any(lower[c] in REPORTING_VERBS for c in range(max(near_lo + 1, i0 - 4), i0))
            anchor = frozenset(_role_word(lower[c]) for c in content_idx if near_lo < c < near_hi
                               and not (i0 <= c < i1) and lower[c] not in _WEEKDAYS and lower[c] not in _MONTHS
                               and lower[c] not in _DAY_PARTS and lower[c] not in REPORTING_VERBS
                               and lower[c] not in _SCHEDULE_WORDS
                               and not toks[c][0][:1].isupper())
            # The time of day printed beside a date names its moment ("freed the ship at 14:20 on
            # Thursday" / "pulled it free at 2:20 p.m. on Tuesday"): one event, however worded.
            a_lo, a_hi = max(lo_b + 1, i0 - _CLOCK_SPAN, 0), min(hi_b, i1 + _CLOCK_SPAN, len(toks))
            if a_lo < a_hi and r["unit"] in ("date", "weekday"):
                anchor |= _clock_anchors(p.text[toks[a_lo][1] - p.start:toks[a_hi - 1][2] - p.start])
            if r["unit"] == "month" and i1 < len(toks) and _YEAR_RE.fullmatch(toks[i1][0]):
                # The year printed with a month ("from October 2027", "in December 2027") names
                # its moment as a time of day does a day's: the same month and year in two reports
                # date one event however worded, and another month of that year in words much
                # like theirs is a slip, not a second event.
                anchor |= {f"{_YEAR_MARK}{toks[i1][0]}⟩"}
        context = frozenset(_role_word(lower[c]) for c in content_idx
                            if lo_b < c < hi_b and not (i0 - hedge_size <= c < i1) and lower[c] not in _HEDGE_WORDS
                            and c not in in_figure
                            and lower[c] not in _WEEKDAYS and lower[c] not in _MONTHS
                            and not (is_date and lower[c] in REPORTING_VERBS))
        text = p.text[start - p.start:r["end"] - p.start]
        out.append(Mention(passage=p, source=p.source, start=start, end=r["end"], text=text, unit=unit, value=r["value"],
                           lo=lo, hi=hi, exact=exact, hedge=hedge, head=head, context=context,
                           order=per_unit[unit],
                           after=" ".join(t[0] for t in toks[i1:k]),
                           np=frozenset(stem(w) for w in np_words if w not in FUNCTION_WORDS), anchor=anchor,
                           casualty=_casualty_of(unit, head, context), alt=r.get("alt"), years=years,
                           spoken=spoken, relative=r.get("relative"), measure=measure, through=r.get("through"),
                           part=lower[i1] if is_date and i1 < len(toks) and lower[i1] in _TIMES_OF_DAY else "",
                           subset=subset and not is_date))
        per_unit[unit] += 1
    return out


def settle_separators(by_passage: dict[str, list[Mention]]) -> dict[str, list[Mention]]:
    """Read every figure with ambiguous separators ("1.500", "16,235") the way the story reads it.

    In: the mentions by passage. Out: the same, where every figure linked by an ambiguous one
    (1.5 and 1500 through a "1.500") takes one value: the reading the most sources print
    unambiguously, then the one the most sources give in their first reading (ties: the larger).
    So a machine translation's "16.235 volunteers" equals the "16,235" of the others, and an
    English "1,500" equals a Dutch "1.500" however many sources use either convention; a figure
    whose separator was dropped or moved ("42" for 4.2) is not ambiguous and still disagrees.
    """
    ambiguous = [m for ms in by_passage.values() for m in ms if m.alt is not None]
    if not ambiguous:
        return by_passage
    by_passage = _own_convention(by_passage)
    ambiguous = [m for ms in by_passage.values() for m in ms if m.alt is not None]
    if not ambiguous:
        return by_passage
    parent: dict[tuple[str, float], tuple[str, float]] = {}

    def find(k: tuple[str, float]) -> tuple[str, float]:
        while parent[k] != k:
            k = parent[k]
        return k

    for m in ambiguous:
        ka, kb = (m.unit, round(float(m.value), 9)), (m.unit, round(float(m.alt), 9))  # type: ignore[arg-type]
        parent.setdefault(ka, ka)
        parent.setdefault(kb, kb)
        a, b = find(ka), find(kb)
        if a != b:
            parent[max(a, b)] = min(a, b)
    plain: defaultdict[tuple[str, float], set[str]] = defaultdict(set)
    first: defaultdict[tuple[str, float], set[str]] = defaultdict(set)
    members: defaultdict[tuple[str, float], set[tuple[str, float]]] = defaultdict(set)
    for ms in by_passage.values():
        for m in ms:
            if not isinstance(m.value, float):
                continue
            k = (m.unit, round(m.value, 9))
            if k in parent:
                first[k].add(m.source)
                if m.alt is None:
                    plain[k].add(m.source)
    for k in parent:
        members[find(k)].add(k)
    rep = {k: max(ks, key=lambda v: (len(plain[v]), len(first[v]), v))[1]
           for root, ks in members.items() for k in ks}
    out: dict[str, list[Mention]] = {}
    for pid, ms in by_passage.items():
        settled = []
        for m in ms:
            # Only an ambiguous figure is re-read: a "4.5" printed unambiguously stays 4.5 however
            # many sources print "4,500".
            to = rep.get((m.unit, round(m.value, 9))) if isinstance(m.value, float) and m.alt is not None else None
            if to is not None and to != round(m.value, 9) and m.value:
                m = replace(m, value=to, lo=to * (m.lo / m.value), hi=to * (m.hi / m.value))
            settled.append(m)
        out[pid] = settled
    return out


_DOT_DECIMAL_RE = re.compile(r"(?<![\d.,])\d+\.(?:\d{1,2}|\d{4,})(?![\d.,]?\d)|\d,\d{3}[.,]\d{3}(?!\d)|\d,\d{3}\.\d")
_COMMA_DECIMAL_RE = re.compile(r"(?<![\d.,])\d+,\d{1,2}(?![\d.,]?\d)|\d\.\d{3}[.,]\d{3}(?!\d)|\d\.\d{3},\d")


def _own_convention(by_passage: dict[str, list[Mention]]) -> dict[str, list[Mention]]:
    """Read each source's ambiguous figures ("4,500", "16.235") in the convention the source itself
    shows elsewhere. In: mentions by passage; out: the same, with the ambiguous figures of a source
    that prints only one convention unambiguously (a dot before one, two or four digits, or a comma
    grouping before a dot: "51.2", "1,234.5", "1,500,000"; or the comma mirror: "79,6", "1.500.000")
    settled to that convention's reading. A report that writes "51.2 degrees" writes "4,500" for
    four thousand five hundred, whatever another source's "4.5" says; a source that shows both
    conventions or neither is left to the story's vote."""
    shows: dict[str, set[str]] = defaultdict(set)
    for ms in by_passage.values():
        for m in ms:
            if m.unit in _DATE_UNITS:
                continue
            if _DOT_DECIMAL_RE.search(m.text):
                shows[m.source].add(".")
            if _COMMA_DECIMAL_RE.search(m.text):
                shows[m.source].add(",")
    if not shows:
        return by_passage
    out: dict[str, list[Mention]] = {}
    for pid, ms in by_passage.items():
        settled = []
        for m in ms:
            conv = shows.get(m.source, ())
            if m.alt is not None and len(conv) == 1:
                mark = next(iter(conv))
                figure = next((ch for ch in m.text if ch in ".,"), "")
                # The value read first is the English one ("4,500" = 4500, "16.235" = 16.235).
                to = m.value if mark == "." else m.alt
                if figure and to != m.value and m.value:
                    m = replace(m, value=to, lo=to * (m.lo / m.value), hi=to * (m.hi / m.value), alt=None)
                else:
                    m = replace(m, alt=None)
            settled.append(m)
        out[pid] = settled
    return out


def mark_leads(by_passage: dict[str, list[Mention]]) -> dict[str, list[Mention]]:
    """Mark each source's first weekday (``Mention.lead``). In: mentions by passage; out: the same
    with that one mention per source replaced. A news article says on which day its event happened
    in its first sentences, so two sources' first weekdays usually date the same event, however
    differently the sentences around them are worded (``role_score`` gives no bonus to two leads
    that both date a statement: a follow-up article's "announced Sunday" is not the first report's
    "said in a statement Tuesday"; such leads pair only by their words)."""
    first: dict[str, Mention] = {}
    for ms in by_passage.values():
        for m in ms:
            # A day worded from the report's own day ("yesterday evening") leads like a weekday:
            # the calendar reads it from that report's own publication day (``add_calendar``), so
            # two reports filed on different days compare the days they name, not their words.
            if m.unit == "weekday" and (m.relative is None or m.relative[0] == "day") \
                    and (m.source not in first or m.start < first[m.source].start):
                first[m.source] = m
    leads = {(m.passage.id, m.start) for m in first.values()}
    # Something to come is told by a future word before the weekday or right after it; one further
    # on belongs to another clause ("delivered on Thursday runs to 600 pages and will be read").
    return {pid: [replace(m, lead=True, opening=m.passage.index < OPENING_PASSAGES and not _looks_ahead(m))
                  if (pid, m.start) in leads else m for m in ms] if ms else ms
            for pid, ms in by_passage.items()}


OPENING_PASSAGES = 3
"""Passages of a report that make its opening (a title, a dateline, the lead sentence): a first
weekday further down is not the day of the report's news (its opening named none)."""


CALENDAR_WINDOW = 7
"""Days either side of a source's publication day within which a weekday names a day: a news report
says "on Tuesday" for a day of its own week, and a date that far from every publication day is not
one any source's bare weekday can name."""

_ISO_DATE_RE = re.compile(r"((?:19|20)\d\d)-(\d\d)-(\d\d)")
YEAR_AFTER_RE = re.compile(r"\s*,?\s*((?:19|20)\d\d)\b")
"""The year printed right after a month-day date ("April 3, 2026")."""
_DATELINE_RE = re.compile(r"^[\s\W]*[A-Z][A-Z .'’\-]+(?:\([^)]*\))?,\s*$")
_TITLE_DATELINE_RE = re.compile(r"^[\s\W]*[^\W\d_][^\W\d_'’\-.]*(?:[ \-][^\W\d_][^\W\d_'’\-.]*){0,2},\s*$")
"""A dateline's place in title case ("Nový Bor, 14 October 2025 -", "Neiva, Oct 11 -"): one to three
words, then a comma; read only at the top of a report and with the dash after the date."""
_DASH_AFTER_RE = re.compile(r"\s*(?:\([^()\n]{1,60}\)\s*)?[-–—]")
"""What follows a dateline's date: a dash, after the agency's name in brackets when there is one
("BAKU, Aug 5 (Caspian Commodities Wire) -")."""

_FUTURE_WORDS = frozenset({"will", "would", "next", "due", "scheduled", "expected", "tomorrow", "shall",
                           "reopen", "reopens", "resume", "resumes"})
"""Words of a sentence that put its weekday after the publication day ("will meet on Wednesday",
"will stay closed until Thursday", "due to end on Tuesday"); a bare "until" also ends past spans
("went unnoticed until Tuesday")."""
_WORD_RE = re.compile(r"[^\W\d_]+")


def calendar_day(year: int, md: tuple[int, int]) -> date | None:
    """The day a (month, day) date names in ``year``; None when that year has no such day."""
    try:
        return date(year, md[0], md[1])
    except ValueError:
        return None


def publication_days(ctx: CheckContext, by_passage: dict[str, list[Mention]]
                     ) -> tuple[dict[str, date], int | None, dict[str, Mention]]:
    """Each source's publication day and the story's year, from what the sources themselves say.

    In: the context (sources' metadata) and the mentions by passage. Out: {source: day} for the
    sources whose day is known (the date of their metadata, else a dateline: "SEOUL, Nov 20 -"),
    the story's year (the most common year of the metadata dates and of the years printed with a
    month-day date, "May 8, 2025"), None when nothing gives one, and each source's dateline
    mention. A dateline without a year takes the story's year."""
    years: Counter[int] = Counter()
    meta: dict[str, date] = {}
    for sid, src in sorted(ctx.sources.items()):
        found = _ISO_DATE_RE.match(src.meta.date or "")
        if found:
            try:
                meta[sid] = date(int(found.group(1)), int(found.group(2)), int(found.group(3)))
                years[meta[sid].year] += 1
            except ValueError:
                pass
    datelines: dict[str, Mention] = {}
    for pid, ms in sorted(by_passage.items(), key=lambda kv: (kv[1][0].passage.index if kv[1] else 0, kv[0])):
        for m in ms:
            if m.unit != "date" or m.derived:
                continue
            text = m.passage.text
            after = YEAR_AFTER_RE.match(text, m.end - m.passage.start)
            if after:
                years[int(after.group(1))] += 1
            # A date that opens one of the first passages, a dash after it ("Oct 15 - Authorities
            # yesterday ordered ..."), is a dateline without its city.
            if m.source not in meta and (_DATELINE_RE.match(text[:m.start - m.passage.start])
                                         or (m.passage.index <= OPENING_PASSAGES
                                             and _TITLE_DATELINE_RE.match(text[:m.start - m.passage.start]))
                                         or (m.passage.index <= OPENING_PASSAGES
                                             and not _WORD_RE.search(text[:m.start - m.passage.start]))) \
                    and _DASH_AFTER_RE.match(text, m.end - m.passage.start + (after.end() - after.start() if after else 0)):
                datelines.setdefault(m.source, m)
            elif m.passage.index < OPENING_PASSAGES + 1 and _date_line(m, after):
                # "Published March 11, 2026" or a bare "July 4, 2028" under the headline: the
                # report's own day, like a dateline (the metadata's date, when known, wins).
                datelines.setdefault(m.source, m)
    for sid, src in sorted(ctx.sources.items()):
        if sid not in meta and sid not in datelines:
            d = _publication_line(src.text)
            if d is not None:
                meta[sid] = d
                years[d.year] += 1
    if not years:
        return meta, None, datelines
    # The reports' own days say when the story happens; the years printed with its dates name
    # other events as often ("takes effect on 1 January 2027", "a sample taken on March 12, 2024"),
    # so they decide only when no report's day is known.
    published = Counter(d.year for d in meta.values())
    year = max((published or years).items(), key=lambda kv: (kv[1], kv[0]))[0]
    days = dict(meta)
    for sid, m in datelines.items():
        if sid in days:
            continue
        after = YEAR_AFTER_RE.match(m.passage.text, m.end - m.passage.start)
        d = calendar_day(int(after.group(1)) if after else year, m.value)  # type: ignore[arg-type]
        if d is not None:
            days[sid] = d
    return days, year, datelines


_LINE_WORDS_MAX = 2
"""Words besides a date (and its year) that a line giving the report's own day may hold
("Published", "Updated on")."""


def _date_line(m: Mention, after: "re.Match[str] | None") -> bool:
    """Whether a date is the whole of its passage but for a word or two and its year: a line under
    the headline saying when the report was published ("Published March 11, 2026", "July 4, 2028")."""
    text = m.passage.text
    a, b = m.start - m.passage.start, m.end - m.passage.start + (after.end() - after.start() if after else 0)
    rest = _WORD_RE.findall(text[:a] + " " + text[b:])
    return len(rest) <= _LINE_WORDS_MAX and not any(w.lower() in _WEEKDAYS for w in rest) and len(text) < 60


_MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))
_PUBLICATION_LINE_RE = re.compile(
    r"^[^\w\n]*(?:[A-Za-z]+[ \t]+){0,2}?(?:(?P<m1>" + _MONTH_NAMES + r")\.?[ \t]+(?P<d1>\d{1,2})(?:st|nd|rd|th)?"
    r"|(?P<d2>\d{1,2})(?:st|nd|rd|th)?[ \t]+(?P<m2>" + _MONTH_NAMES + r")\.?),?[ \t]+(?P<y>(?:19|20)\d\d)[^\w\n]*$",
    re.IGNORECASE | re.MULTILINE)
_PUBLICATION_LINES = 6
"""Lines at the top of a text in which a line giving the report's own day may stand."""


def _publication_line(text: str) -> date | None:
    """The day a line of its own near the top of a text gives ("Published March 11, 2026", "4 July
    2028"): the report's publication day when no metadata or dateline gives it. In: the text; out:
    that day, or None. The reading stage may drop such a line from the passages, so the text itself
    is read."""
    head = "\n".join(text.splitlines()[:_PUBLICATION_LINES])
    found = _PUBLICATION_LINE_RE.search(head)
    if not found:
        return None
    month = _MONTHS[(found.group("m1") or found.group("m2")).lower()]
    try:
        return date(int(found.group("y")), month, int(found.group("d1") or found.group("d2")))
    except ValueError:
        return None


def add_calendar(ctx: CheckContext, by_passage: dict[str, list[Mention]]) -> dict[str, list[Mention]]:
    """Add what the calendar says about each date and weekday, so that a weekday and a date given
    for the same day by different sources are counterparts ("on Tuesday" in one report, "on
    November 18" in another written that week).

    In: the context and the mentions by passage (after ``mark_leads``). Out: the same, where (1) a
    weekday of a source whose publication day is known also reads as the date it names: the day of
    that weekday in the week up to its publication day, or in the week after it when its sentence
    looks ahead ("will meet on Wednesday", "closed until Thursday"); (2) a month-day date of a
    story whose year is known, within ``CALENDAR_WINDOW`` days of a source's publication day, also
    reads as its weekday. These readings are ``derived`` mentions: counterparts for the others,
    never judged themselves. Every date and weekday read so gets its calendar ``day``. Datelines
    are taken out (see ``publication_days``). Nothing else changes when no source gives a year or
    a publication day."""
    pub, year, datelines = publication_days(ctx, by_passage)
    # A dateline ("ATHENS, Sept 14 -") is the day the report was filed, not the day of any event
    # it tells: neither judged nor a counterpart ("late on Saturday" is right beside it).
    lines = {id(m) for m in datelines.values()}
    if lines:
        # The year printed with a dateline or a publication line ("July 4, 2028") goes with it.
        ends = {(m.passage.id, m.end) for m in datelines.values()}
        years = {id(m) for ms in by_passage.values() for m in ms
                 if m.unit == "year" and any((m.passage.id, m.start - k) in ends for k in (1, 2, 3))}
        lines |= years
        by_passage = {pid: [m for m in ms if id(m) not in lines] if ms else ms for pid, ms in by_passage.items()}
    by_passage = {pid: [r for m in ms if (r := _resolve_relative(m, pub, year)) is not None] if ms else ms
                  for pid, ms in by_passage.items()}
    if year is None or not pub:
        return by_passage
    anchors = sorted(set(pub.values()))
    out: dict[str, list[Mention]] = {}
    for pid, ms in by_passage.items():
        if not ms:
            out[pid] = ms
            continue
        extra: list[Mention] = []
        kept: list[Mention] = []
        for m in ms:
            if m.unit == "date" and not m.through:
                options = [d for y in (year - 1, year, year + 1) if (d := calendar_day(y, m.value)) is not None]  # type: ignore[arg-type]
                near = [d for d in options if any(abs((d - a).days) <= CALENDAR_WINDOW for a in anchors)]
                if len(near) == 1:
                    d = near[0]
                    m = replace(m, day=d.toordinal())
                    extra.append(replace(m, unit="weekday", value=frozenset({d.weekday()}), derived=True,
                                         lead=False))
            elif m.unit == "weekday" and m.source in pub:
                m = replace(m, published=pub[m.source].toordinal())
            if m.unit == "weekday" and m.relative and m.day:
                d = date.fromordinal(m.day)
                extra.append(replace(m, unit="date", value=(d.month, d.day), derived=True, lead=False))
            elif m.unit == "weekday" and len(m.value) == 1 and m.source in pub:  # type: ignore[arg-type]
                ref = pub[m.source]
                wd = next(iter(m.value))  # type: ignore[call-overload]
                if _looks_ahead(m):
                    d = ref + timedelta(days=(wd - ref.weekday()) % 7 or 7)
                else:
                    d = ref - timedelta(days=(ref.weekday() - wd) % 7)
                m = replace(m, day=d.toordinal())
                extra.append(replace(m, unit="date", value=(d.month, d.day), derived=True, lead=False))
            kept.append(m)
        out[pid] = kept + extra
    return out


def _resolve_relative(m: Mention, pub: dict[str, date], year: int | None) -> Mention | None:
    """A date worded from its report's day ("yesterday", "last year") read on the calendar: the
    weekday and day it names from the report's publication day, the year from that day's year (else
    the story's); None when the calendar cannot say (then it is neither judged nor a counterpart).
    Any other mention is returned as it is."""
    if m.relative is None:
        return m
    step, offset = m.relative
    if step == "day":
        if m.source not in pub:
            return None
        d = pub[m.source] + timedelta(days=offset)
        return replace(m, value=frozenset({d.weekday()}), day=d.toordinal(), published=pub[m.source].toordinal())
    ref = pub[m.source].year if m.source in pub else year
    if ref is None:
        return None
    v = float(ref + offset)
    return replace(m, value=v, lo=v, hi=v)


_AHEAD_AFTER = 3
"""Words after a weekday that may still say its sentence looks ahead ("on Wednesday will ..."); a
future word further on belongs to another clause ("delivered on Thursday runs to 600 pages and
will be read ...")."""


def _looks_ahead(m: Mention) -> bool:
    """Whether a weekday's sentence puts it after the publication day: a future word before it in
    its sentence, or right after it."""
    text = m.passage.text
    a, b = m.start - m.passage.start, m.end - m.passage.start
    lo = max(text.rfind(". ", 0, a), text.rfind("? ", 0, a), text.rfind("! ", 0, a)) + 1
    before = {w.lower() for w in _WORD_RE.findall(text[lo:a])}
    after = [w.lower() for w in _WORD_RE.findall(text[b:b + 60])][:_AHEAD_AFTER]
    return bool((before | set(after)) & _FUTURE_WORDS)


def _sentence_words(m: Mention) -> frozenset[str]:
    """The lower-case words of the sentence around a mention (within its passage)."""
    text = m.passage.text
    a, b = m.start - m.passage.start, m.end - m.passage.start
    lo = max(text.rfind(". ", 0, a), text.rfind("? ", 0, a), text.rfind("! ", 0, a)) + 1
    hi = min([k for k in (text.find(". ", b), text.find("? ", b), text.find("! ", b)) if k >= 0] + [len(text)])
    return frozenset(w.lower() for w in _WORD_RE.findall(text[lo:hi]))


# --------------------------------------------------------------------------------------------
# Comparing mentions across aligned passages
# --------------------------------------------------------------------------------------------


def consistent(a: Mention, b: Mention) -> bool:
    """Whether two mentions of the same unit can both be true: equal values, or overlapping
    intervals when either is hedged or a range."""
    if a.unit == "weekday":
        return bool(a.value & b.value)  # type: ignore[operator]
    if a.unit == "date" and (a.through or b.through):
        # A span of days ("from 21 to 23 April") allows every day in it.
        a_hi, b_hi = a.through or a.value, b.through or b.value
        return a.value <= b_hi and b.value <= a_hi  # type: ignore[operator]
    if a.unit in ("date", "year", "month", "century"):
        return a.value == b.value
    if a.hedge == b.hedge:
        # Worded alike ("at least 23" / "at least 32", "up to $2,500" / "up to $25,000"): the
        # figures themselves must agree.
        return math.isclose(a.lo, b.lo, rel_tol=1e-9, abs_tol=1e-9) and \
            math.isclose(a.hi, b.hi, rel_tol=1e-9, abs_tol=1e-9)
    tol = 1e-9 + 1e-6 * max(abs(a.lo), abs(b.lo))
    return a.lo <= b.hi + tol and b.lo <= a.hi + tol


def context_similarity(a: Mention, b: Mention) -> float:
    """How alike the words around two mentions are, in [0, 1]: Jaccard of the clause words for a
    quantity; cosine of the sentence words for a date (two sentences on one event differ in many
    words)."""
    shared = len(a.context & b.context)
    if a.is_date:
        return shared / math.sqrt(len(a.context) * len(b.context)) if a.context and b.context else 0.0
    union = a.context | b.context
    return shared / len(union) if union else 0.0


def role_score(a: Mention, b: Mention, a_total: int, b_total: int) -> float:
    """How likely two mentions of the same unit state the same quantity, roughly in [0, 1]: the
    words around them, the noun they count, their rank among the passage's mentions of that unit,
    and digits that look like a slip of the other (41,200 / 412,000; 32 / 23)."""
    if a.unit != b.unit or a.subset != b.subset:
        return 0.0  # "20 other crew" is a part of the "21 crew" another source gives, not that count
    if a.measure is not None and b.measure is not None and a.measure != b.measure:
        # "14,800 cubic feet" and "420 cubic metres", "90 days" and "three months": one quantity in
        # two units, or two quantities; either way no disagreement of figures (``unit_swaps``
        # judges the same figure printed with another unit).
        return 0.0
    score = context_similarity(a, b)
    ca, cb = _casualty(a), _casualty(b)
    if a.published and b.published and a.published != b.published and a.day == a.published \
            and b.day == b.published:
        return 0.0  # two reports filed on different days, each telling the news of its own day
    if _lead_pair(a, b):
        score += LEAD_BONUS
    if a.part and b.part and a.is_date:
        # "started on Tuesday afternoon" / "first reported on Wednesday afternoon": the time of day
        # of an event is part of how it is dated; "Tuesday afternoon" / "Wednesday morning" are two
        # moments, told apart by the sources that give both.
        score += 0.25 if a.part == b.part else -0.25
    shared = a.anchor & b.anchor
    same_year = any(w.startswith(_YEAR_MARK) for w in shared)
    if (shared and not (same_year and len(shared) == 1)) or (a.part and a.part == b.part and a.is_date):
        score += 0.25  # "published on Wednesday" / "published this Monday": the same event
    elif a.is_date and (ea := _event_words(a.anchor)) and (eb := _event_words(b.anchor)) \
            and not (a.lead and b.lead) and not (ea <= b.context or eb <= a.context) \
            and not (same_year and (ea & b.context or eb & a.context)):
        # "arrested on Sunday" / "appear before a prosecutor on Monday": two events. Not when the
        # words next to one date all stand in the other's sentence: "working hours would be
        # suspended on Tuesday" / "suspended working hours for public employees on Wednesday" tell
        # one event in another word order. Two months printed with the same year ("production of
        # logic chips from October 2027" / "production is to start in December 2027") clash only
        # when neither's event words stand in the other's sentence at all.
        score -= ANCHOR_CLASH
    elif same_year:
        score += 0.25  # "in March 2028" / "from May 2028", no clash: the year names the moment
    if ca and cb:
        # "32 dead" and "killing 23 people" count the dead; "140 wounded" counts something else.
        score += 0.2 if ca == cb else -0.3
    elif a.head and a.head == b.head:
        score += 0.2
    elif bool(a.head) != bool(b.head):
        score -= 0.1
    elif a.head and b.head:
        # "18 relationships" and "17 partners": different things counted.
        score -= 0.1 if a.np & b.np else 0.2
    if a_total == b_total > 1 and not (a.derived or b.derived):
        score += 0.15 if a.order == b.order else -0.1
    if _digit_slip(a, b):
        score += 0.15
    if a.hedge and a.hedge == b.hedge:
        score += 0.1  # both "at least …", both "about …"
    return score


def _lead_pair(a: Mention, b: Mention) -> bool:
    """Whether two weekdays are the leads of two reports of the same news (``mark_leads``): both
    leads, not both the day of a statement, and not from reports published on different days when
    either lead dates its own report's day (a follow-up's lead tells that day's news: "commuters
    squeezed onto buses on Tuesday" the day after "the strike began on Monday"). Two leads that
    both date an earlier day than their report's ("on Monday" filed Tuesday, "yesterday" filed
    Wednesday) both look back on the event: their calendar days must agree."""
    if not (a.lead and b.lead) or (a.spoken and b.spoken):
        return False
    if not (a.published and b.published):
        return True
    if a.published != b.published:
        return a.day != a.published and b.day != b.published
    # Filed the same day: a lead worded as an earlier day ("yesterday") says the report looks back,
    # so a lead on that very day's news ("deepened on Tuesday", filed Tuesday) is other news; two
    # weekday leads may differ by a slip and stay counterparts.
    return not ((a.relative and b.day == b.published) or (b.relative and a.day == a.published))


def _plain_leads(a: Mention, b: Mention) -> bool:
    """Two leads (``_lead_pair``) that both date an event, not a statement: counterparts even when
    their sentences share no word ("signed an agreement in the capital on Friday" / "the pact was
    adopted on Thursday"). A lead that dates a statement ("announced on Monday"), something to come
    or a sentence past the opening pairs by its words only: the report may lead on the
    announcement of an earlier event."""
    return _lead_pair(a, b) and not a.spoken and not b.spoken and a.opening and b.opening


def _casualty(m: Mention) -> str:
    """The casualty class a count states ("⟨killed⟩", "⟨injured⟩"), from the noun it counts or,
    failing that, the one casualty word of its clause; "" when none or both."""
    return m.casualty


def _casualty_of(unit: str, head: str, context: frozenset[str]) -> str:
    if unit != "count":
        return ""
    if head.startswith("⟨"):
        return head
    found = [w for w in context if w.startswith("⟨")]
    return found[0] if len(found) == 1 else ""


def _date_slip(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Two month-day dates one slip apart: the month changed ("February 1" / "January 1"), day and
    month swapped ("March 7" / "July 3") or the day's digits slipped ("May 18" / "May 8")."""
    if a == b:
        return False
    if a[1] == b[1] or a == (b[1], b[0]):
        # The month changed, or day and month swapped: a numeric date ("3.7.", "7/3") read in the
        # other order (day-first Europe, month-first US) before the month was spelt out.
        return True
    if a[0] != b[0]:
        return False
    return b[1] in _day_slips(a[1])


@functools.lru_cache(maxsize=64)
def _day_slips(day: int) -> frozenset[int]:
    """Days of the month one slip from ``day``: a figure slip (``_slip_variants``), or a digit
    dropped or added ("November 8" for "November 18", "the 21st" for "the 1st")."""
    text = str(day)
    out = {int(v) for v in _slip_variants(float(day)) if v == int(v)}
    if len(text) == 2:
        out.update(int(ch) for ch in text)
    else:
        out.update(int(d + text) for d in "123") 
        out.update(int(text + d) for d in "0123456789")
    return frozenset(v for v in out if 1 <= v <= 31 and v != day)


def _digit_slip(a: Mention, b: Mention) -> bool:
    """Whether two figures differ the way a typo or a translation slip makes them differ: two digits
    swapped, one digit changed, or a factor of ten; for month-day dates, see ``_date_slip``."""
    if a.unit == "date" and b.unit == "date":
        return _date_slip(a.value, b.value)  # type: ignore[arg-type]
    if not (isinstance(a.value, float) and isinstance(b.value, float)) or a.value == b.value:
        return False
    if a.unit == DURATION and b.unit == DURATION:
        return _figure_slip(_clock_figure(a.value), _clock_figure(b.value))
    return _figure_slip(a.value, b.value)


def _clock_figure(seconds: float) -> float:
    """A duration as its digits are printed (8067 s -> 21427 for "2:14:27"): slips happen in the
    printed digits ("2:41:27"), not in the count of seconds."""
    h, rest = divmod(int(seconds), 3600)
    return float(h * 10000 + (rest // 60) * 100 + rest % 60)


def _from_clock_figure(figure: float) -> float | None:
    """The seconds a printed h:mm:ss figure stands for; None when its minutes or seconds exceed 59."""
    h, rest = divmod(int(figure), 10000)
    mi, se = divmod(rest, 100)
    return float(h * 3600 + mi * 60 + se) if figure == int(figure) and mi < 60 and se < 60 else None


@functools.lru_cache(maxsize=1 << 16)
def _figure_slip(x: float, y: float) -> bool:
    """``_digit_slip`` for two different figures (memoised: a story repeats its figures)."""
    da, db = _printed(x).replace(".", ""), _printed(y).replace(".", "")
    x, y = abs(x), abs(y)
    if x and y:
        r = math.log10(max(x, y) / min(x, y))
        if abs(r - round(r)) < 1e-9 and 1 <= round(r) <= 3:
            return True
    if len(da) != len(db):
        return False
    diff = [i for i in range(len(da)) if da[i] != db[i]]
    return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and da[diff[0]] == db[diff[1]]
                              and da[diff[1]] == db[diff[0]])


def _printed(x: float) -> str:
    """A figure's digits as a plain decimal ("42000000" for 42.0 million, not "4.2e+07"): slips
    happen in the digits of large figures too ("US$42.0 million" for 40.2 million). Fifteen
    significant digits hide the float noise of a scaled figure (1.1 * 1e9)."""
    return f"{x:.15g}"


def _slip_heads(m: Mention, c: Mention) -> bool:
    """Whether two figures one slip apart may state one quantity though their counted nouns differ:
    a slip rarer than one changed digit (a factor of ten, two digits swapped) between clauses that
    share a word ("12,000 people evacuated" / "1,200 residents were evacuated"): outlets name the
    counted thing in their own words, and such a slip seldom falls between two figures by chance.
    Never between two units of measurement ("7,200 kg" / "7.2 tonnes" is a conversion)."""
    if (m.measure is not None or c.measure is not None) and m.measure != c.measure:
        return False
    return bool(m.context & c.context) and not _one_digit_changed(m, c)


def _one_digit_changed(a: Mention, b: Mention) -> bool:
    """Two figures that differ in one digit only (2.1 / 4.1): the weakest slip, since a story's
    figures often differ that way by chance; a swap (152 / 125) or a factor of ten is rarer."""
    if not (isinstance(a.value, float) and isinstance(b.value, float)):
        return False
    da, db = _printed(a.value), _printed(b.value)
    return len(da) == len(db) and sum(x != y for x, y in zip(da, db)) == 1


@dataclass(frozen=True)
class _Verdict:
    agree: tuple[Mention, ...]
    votes: dict[object, list[Mention]]


def _value_key(m: Mention) -> object:
    if m.through:
        return (m.value, m.through)
    if m.unit == "weekday":
        return tuple(sorted(m.value))  # type: ignore[arg-type]
    if isinstance(m.value, float):
        return (m.hedge, round(m.lo, 9), round(m.hi, 9))
    return m.value


def _plain(m: Mention) -> object:
    """A mention's figure whatever its hedge ("at least 23" and "23" both give 23)."""
    return round(float(m.value), 9) if isinstance(m.value, float) else _value_key(m)


@functools.lru_cache(maxsize=1 << 16)
def _id_rank(source: str) -> int:
    """A fixed 64-bit number for a source id, from its content (sha1), computed once per id."""
    return int.from_bytes(hashlib.sha1(source.encode()).digest()[:8], "big")


def _in_order(source: str, others: set[str]) -> list[str]:
    """``others`` in their run-independent order for ``source``: by their id number XOR this
    source's (ties by id), so each source consults the others in its own fixed order, the same on
    every run, at one hash per source id instead of one per pair of sources."""
    own = _id_rank(source)
    return sorted(others, key=lambda o: (_id_rank(o) ^ own, o))


@dataclass(frozen=True)
class _Lone:
    """A mention that exactly one other source contradicts (and none supports): ``other`` is that
    source's figure, ``score`` their role score, ``strong`` how clear the role match is
    (``_strong_role``)."""

    mention: Mention
    other: Mention
    score: float
    strong: int
    group: Group | None


@dataclass(frozen=True)
class StoryQuantities:
    """Every number and date of a story, read once, and the consensus verdicts on them.

    ``by_passage``: the mentions by passage (after ``settle_separators``, ``mark_leads`` and
    ``add_calendar``); ``index`` the story-wide index of them; ``story_year`` the year the story
    happens in (``publication_days``), None when unknown; ``majority`` the flags of both kinds for
    figures and dates that two or more other sources contradict; ``lone`` the mentions exactly one
    other source contradicts, left for ``lone_flags``; ``suspicion`` how much each source slips
    elsewhere (``source_suspicion``, computed only when ``lone`` has anything to decide).

    The number_conflict and date_conflict checks read this one object: a date is read and judged
    by the same consensus as a figure, and a source's slips of either kind say how far to trust it.
    """

    by_passage: dict[str, list[Mention]]
    index: "MentionIndex"
    story_year: int | None
    majority: tuple[Flag, ...]
    lone: tuple[_Lone, ...]
    suspicion: dict[str, float]


_STORY_CACHE: dict[int, tuple[weakref.ref, StoryQuantities]] = {}


def story_quantities(ctx: CheckContext) -> StoryQuantities:
    """The quantities of a context and the consensus on them, computed once and shared by the
    number and date checks (see ``StoryQuantities``)."""
    hit = _STORY_CACHE.get(id(ctx))
    if hit is not None and hit[0]() is ctx:
        return hit[1]
    result = _read_and_judge(ctx)
    _STORY_CACHE.clear()
    _STORY_CACHE[id(ctx)] = (weakref.ref(ctx), result)
    return result


def _read_and_judge(ctx: CheckContext) -> StoryQuantities:
    """Judge every mention of every passage against its counterparts in other sources: those in
    the passages aligned with it, and those anywhere in the story whose surrounding words say they
    state the same quantity (the alignment may have missed a pair).

    This is the first of two passes: the majority verdicts (two or more sources agree against a
    figure). The figures exactly one other source contradicts are kept for the second
    (``lone_flags``), decided by evidence that says which side slipped; a source's majority flags
    of either kind are part of that evidence."""
    by_passage = mark_leads(settle_separators({p.id: mentions_in(p) for p in ctx.alignment.passages}))
    story_year = publication_days(ctx, by_passage)[1]
    by_passage = add_calendar(ctx, by_passage)
    index = MentionIndex(m for ms in by_passage.values() for m in ms)
    totals = {pid: Counter(m.unit for m in ms if not m.derived) for pid, ms in by_passage.items()}
    flags: list[Flag] = []
    lone: list[_Lone] = []
    for p in sorted(ctx.alignment.passages, key=lambda p: (p.source, p.start)):
        group = ctx.group_of.get(p.id)
        aligned: dict[str, dict[str, list[Mention]]] = defaultdict(lambda: defaultdict(list))
        if group is not None and any(m.unit != BARE for m in by_passage[p.id]):
            for q in group.passages:
                if q.source != p.source:
                    for c in by_passage.get(q.id, ()):
                        aligned[c.unit][c.source].append(c)
        for m in by_passage[p.id]:
            if m.unit == BARE or m.derived:
                continue
            out = _judge(ctx, group, m, aligned.get(m.unit, {}), index, totals, story_year)
            if isinstance(out, _Lone):
                lone.append(out)
            elif out is not None:
                flags.append(out)
    suspicion = source_suspicion(ctx, Counter(f.source for f in flags)) if lone else {}
    return StoryQuantities(by_passage=by_passage, index=index, story_year=story_year, majority=tuple(flags),
                           lone=tuple(lone), suspicion=suspicion)


def lone_flags(ctx: CheckContext, story: StoryQuantities, kind: Kind, flagged: set[tuple[str, int]]
               ) -> Iterator[Flag]:
    """The second pass for one kind: of each pair of mentions of that kind that only each other
    contradict, the side the evidence says slipped (``_lone_verdict``). In: the context, the
    story's quantities, the kind and the (source, start) of the mentions already flagged (a pair
    with either side flagged is settled). Out: the flags."""
    for pair in story.lone:
        m, c = pair.mention, pair.other
        if (Kind.DATE_CONFLICT if m.is_date else Kind.NUMBER_CONFLICT) is not kind:
            continue
        if (m.source, m.start) in flagged or (c.source, c.start) in flagged:
            continue
        why = _lone_verdict(pair, story.index, story.suspicion)
        if why:
            yield _lone_flag(ctx, pair, why)


class NumberCheck:
    """number_conflict: figures the other sources contradict (``story_quantities``), and figures
    printed with another unit of their dimension (``unit_swaps``)."""

    kinds = (Kind.NUMBER_CONFLICT,)

    def run(self, ctx: CheckContext) -> Iterator[Flag]:
        story = story_quantities(ctx)
        flags = [f for f in story.majority if f.kind is Kind.NUMBER_CONFLICT]
        flagged = {(f.source, f.start) for f in story.majority}
        for f in unit_swaps(ctx, story.by_passage, story.index, flagged):
            flags.append(f)
            flagged.add((f.source, f.start))
        yield from flags
        yield from lone_flags(ctx, story, Kind.NUMBER_CONFLICT, flagged)


def _judge(ctx: CheckContext, group: Group | None, m: Mention, aligned: dict[str, list[Mention]],
           index: "MentionIndex", totals: dict[str, Counter], story_year: int | None = None
           ) -> Flag | _Lone | None:
    """The verdict on one mention. ``aligned``: the mentions of its unit in the passages aligned
    with its own, by source; ``story_year`` the year the story happens in (``publication_days``),
    None when unknown."""
    # Candidate counterparts per other source, with their role score. Candidates are first
    # gathered per source without scoring (the story-wide ones come grouped by source from the
    # index, once per role); sources are then taken in their run-independent order and scored
    # one by one until MAX_COUNTERPART_SOURCES of them have a plausible counterpart: the same
    # sources and scores as scoring every candidate first, but a mention of a large story no
    # longer scores hundreds of candidates it will not use.
    m_total = totals[m.passage.id][m.unit]
    # A month alone is compared only within the aligned passages: it names a stretch of time
    # many events of a story fall in, so words shared elsewhere say little (and it keeps the
    # story-wide search, the costly part, to the figures and days).
    story = index.near_by_source(m) if m.unit != "month" else {}
    years = {a for a in m.anchor if a.startswith(_YEAR_MARK)} if m.unit == "month" else set()
    if years:
        # A month printed with its year ("from October 2027") names one stretch of one year: the
        # other sources' months printed with that year are found story-wide, like days.
        story = {s: cs for s, cs in ((s, [c for c in cs if years & c.anchor])
                                     for s, cs in index.near_by_source(m).items()) if cs}
    if m.lead:
        # Two reports' leads date the same news however differently they word it: the other
        # sources' leads are counterparts even when no words are shared (``_plain_leads``).
        leads = [c for c in index.leads if c.source != m.source and _plain_leads(m, c)
                 and all(c is not x for x in story.get(c.source, ()))]
        if leads:
            story = {s: list(cs) for s, cs in story.items()}
            for c in leads:
                story.setdefault(c.source, []).append(c)
    slipped: dict[str, list[Mention]] = defaultdict(list)
    if not index.corroborated(m) and m.unit != "month":
        for c in index.slips(m):
            slipped[c.source].append(c)
    aligned_ids = {c.passage.id for cs in aligned.values() for c in cs}
    siblings = index.in_passage(m.passage.id)
    sources = set(aligned).union(story, slipped)
    sources.discard(m.source)
    per_source: dict[str, dict[tuple[str, int], tuple[float, Mention]]] = {}
    far = (0.0, MIN_ROLE_SCORE + ALIGNED_BONUS)
    for s in _in_order(m.source, sources):
        kept: dict[tuple[str, int], tuple[float, Mention]] = {}
        for cands, (bonus, floor) in ((aligned.get(s, ()), (ALIGNED_BONUS, MIN_ROLE_SCORE)),
                                      (story.get(s, ()), far), (slipped.get(s, ()), far)):
            for c in cands:
                sc = role_score(m, c, m_total, totals[c.passage.id][c.unit]) + bonus
                if sc < floor * 0.6 and not (m.context & c.context and consistent(m, c)) \
                        and not _digit_slip(m, c) and not (m.lead and _plain_leads(m, c)):
                    continue  # kept only to corroborate (the same figure) or as a slip of this one
                key = (c.passage.id, c.start)
                old = kept.get(key)
                if old is None or old[0] < sc:
                    kept[key] = (sc, c)
        if kept:
            per_source[s] = kept
            if len(per_source) == MAX_COUNTERPART_SOURCES:
                break
    others = list(per_source)
    # A source that gives this figure with nothing named after it ("two were killed when a wall
    # collapsed") in a sentence much like this one's ("two people died when a wall collapsed")
    # agrees with it: the bare figure is never a counterpart, but it is this source's word.
    bare = [c for c in index.by_number.get((BARE, _plain(m)), ()) if c.source != m.source
            and context_similarity(m, c) >= BARE_SUPPORT] if m.unit == "count" else []
    bare_by_source = {c.source: c for c in sorted(bare, key=lambda c: (c.source, c.start), reverse=True)}
    agree: list[Mention] = []
    votes: dict[object, list[Mention]] = defaultdict(list)
    pick_scores: dict[tuple[str, int], float] = {}
    for s in sorted(others):
        if s in bare_by_source:
            agree.append(bare_by_source[s])
            continue
        kept = per_source[s]
        scored = list(kept.values()) if len(kept) == 1 else \
            sorted(kept.values(), key=lambda sc: (-sc[0], sc[1].passage.id, sc[1].start))
        # Benefit of the doubt: any plausible counterpart that agrees corroborates the value:
        # the same figure always; a figure the wording's interval merely allows ("at least
        # 7,002" allows 10,000) only when this source gives no figure one slip from this one
        # in a plausible role (its "7,000" is the counterpart, and it disagrees).
        # Either way the agreeing figure must fit the role about as well as the best one does:
        # "by Wednesday morning" does not vouch for "started on Wednesday afternoon" when the
        # same source says "first reported on Tuesday afternoon".
        best_sc = scored[0][0] if scored else 0.0
        plausible = [(sc, c) for sc, c in scored if sc >= best_sc - FIT_MARGIN and consistent(m, c)]
        same = [c for sc, c in plausible if _same_figure(m, c)]
        fits = same or ([] if not plausible or any(_digit_slip(m, c) and sc >= MIN_ROLE_SCORE for sc, c in scored)
                        else [c for sc, c in plausible])  # a slip twin: see above
        if fits:
            agree.append(fits[0])
            continue
        pick: tuple[float, Mention] | None = None
        by_slip = False
        for sc, c in scored:
            if sc < MIN_ROLE_SCORE + ALIGNED_BONUS * 0.5 and not _plain_leads(m, c):
                break  # this source says nothing clear about this quantity
            if c.passage.id not in aligned_ids and context_similarity(m, c) < MIN_STORY_CONTEXT \
                    and not (m.anchor & c.anchor) and not _plain_leads(m, c):
                continue  # found elsewhere in the story: its words, not only its noun, must match
            if _claimed_by_sibling(m, c, sc, siblings, m_total, totals, c.passage.id in aligned_ids, index):
                continue  # another figure of this passage is that one's counterpart
            if _claimed_by_own(ctx, index, m, c, sc, totals):
                continue  # this source gives that figure itself, where it fits that one better
            if m.unit == "year" and any(x is not c and x.unit == m.unit and not x.derived and _same_figure(m, x)
                                        for x in index.in_passage(c.passage.id)):
                # That passage gives this very year too ("takes effect next year, and a review
                # meeting in 2027" against a "review in 2027"): a year alone dates whatever its
                # clause tells, so the passage's other year is another event's.
                continue
            pick = (sc, c)
            break
        if pick is None and not index.corroborated(m):
            # A figure no other source has, one slip away from one this source and another
            # give in the same unit (152 / 125, 1,240 / 12,400): the slip says which one it is.
            slips = [(sc, c) for sc, c in scored if _digit_slip(m, c) and index.corroborated(c)
                     and (not m.head or not c.head or m.head == c.head or _slip_heads(m, c))
                     and m.subset == c.subset
                     and (c.passage.id in aligned_ids or m.context & c.context or (m.head and m.head == c.head)
                          or not _one_digit_changed(m, c))
                     and not _claimed_by_sibling(m, c, sc, siblings, m_total, totals, c.passage.id in aligned_ids, index)
                     and not _claimed_by_own(ctx, index, m, c, sc, totals)]
            if len(slips) == 1 or (slips and all(consistent(slips[0][1], c) for _, c in slips)):
                pick = slips[0]
                by_slip = True
        if pick is None:
            continue
        top_score, top = pick
        if not by_slip:
            # Two equally likely counterparts with different values: no clear vote. (A slip
            # pick is chosen by its figure, not its words, so a rival by words does not count.)
            rivals = [c for sc, c in scored if c is not top and sc > top_score - 0.05 and not consistent(top, c)
                      and not _claimed_by_sibling(m, c, sc, siblings, m_total, totals,
                                                  c.passage.id in aligned_ids, index)]
            if rivals and not (_digit_slip(m, top) and not any(_digit_slip(m, r) for r in rivals)):
                # (A tie is broken by a slip: of "Oct 13" and "September 19" for a "September
                # 29", the one a typo makes of it is its counterpart.)
                continue
        if not (m.context & top.context) and not _digit_slip(m, top) and not _plain_leads(m, top):
            continue
        if m.unit == "year" and _event_words(m.anchor) and _event_words(top.anchor) and not (m.anchor & top.anchor) \
                and top.passage.id not in aligned_ids:
            # A year alone dates whatever its sentence tells ("last year a court jailed" / "the
            # largest seizure this year"): found outside the aligned passages, another source's
            # year with other event words right next to it dates another event.
            continue
        votes[_value_key(top)].append(top)
        pick_scores[(top.source, top.start)] = top_score
    if not votes:
        return None
    # The consensus value: the exact value most voters allow (a hedged "at least 120" supports
    # 120 and everything it allows).
    all_voters = [v for vs in votes.values() for v in vs]
    candidates = sorted({_value_key(v): v for v in all_voters}.items(), key=lambda kv: str(kv[0]))
    if not candidates:
        return None
    best_key, best = max(candidates, key=lambda kv: (sum(consistent(kv[1], v) for v in all_voters),
                                                     len(votes.get(kv[0], ())), str(kv[0])))
    voters = [v for v in all_voters if consistent(best, v)]
    allowing = [v for v in voters if consistent(m, v)]
    if allowing:
        # A voter whose hedge allows both this figure and the consensus ("at least seven"
        # beside two sources' "seven", against a "nine") cannot tell them apart: it clears this
        # figure only when no two exact voters contradict it.
        against = [v for v in voters if not consistent(m, v)]
        if len(against) < 2 or any(v.exact or m.is_date for v in allowing):
            return None
        voters = against
    n = len(voters)
    # A supporter whose wording also allows the consensus figure ("more than 400,000" beside
    # 421,000 and 412,000) cannot tell the two apart: it does not count for this one.
    agree = [a for a in agree if not consistent(a, best)]
    if n == 1 and len(all_voters) == 1 and not agree:
        c = voters[0]
        sc = pick_scores[(c.source, c.start)]
        return _Lone(mention=m, other=c, score=sc, group=group,
                     strong=_strong_role(m, c, sc, c.passage.id in aligned_ids))
    if n < 2 or n <= len(agree) + 1:
        return None
    if not m.is_date and m.head and _both_figures_given(index, m, best):
        return None
    if not m.is_date and _another_time(m, voters, story_year):
        return None
    if not m.is_date and m.head and not any(_digit_slip(m, v) for v in voters) \
            and not (group is not None and {v.passage.id for v in voters} & {q.id for q in group.passages}) and \
            any(x is not m and context_similarity(m, x) < OWN_RESTATEMENT
                and (x.head == m.head or any(x.context & v.context or (x.head and x.head == v.head) for v in voters))
                for x in index.of_source_value(m.source, best)):
        # This source gives the others' figure for the same noun itself, in other words ("nearly
        # eight lakh people were evacuated" beside "moved 1.1 lakh people from the coast"), or
        # in the others' words for another noun ("will create 900 new jobs" where the others say
        # "will hire 900 people", beside "employs 3,100 people" today): its other figure, no slip
        # of that one, counts another group. (Worded alike, "145% tariffs
        # on China" in the headline and "109% tariffs on China" below, it is one figure twice;
        # and a voter the alignment put with this passage tells the same thing.)
        return None
    ref = sorted(voters, key=lambda v: (v.derived, not v.exact, v.source, v.start))[0]
    kind = Kind.DATE_CONFLICT if m.is_date else Kind.NUMBER_CONFLICT
    severity = Severity.MEDIUM if m.is_date else Severity.HIGH
    agreeing = len(agree)
    confidence = min(0.95, 0.5 + 0.12 * n) * (n / (n + agreeing))
    role = _describe(ref)
    message = (f'"{m.text}" where {n} other source{"s" if n != 1 else ""} give "{ref.text}"'
               + (f" {role}" if role else ""))
    evidence: list[Span] = [span_of(ctx, v.source, v.start, v.end)
                            for v in sorted(voters, key=lambda v: (v.source, v.start))[:MAX_EVIDENCE]]
    return make_flag(ctx, kind=kind, source=m.source, start=m.start, end=m.end, expected=ref.text,
                     severity=severity, confidence=confidence, group=group, message=message,
                     evidence=evidence)


# --------------------------------------------------------------------------------------------
# The figure of another unit: "11 minutes" where the others say "11 seconds"
# --------------------------------------------------------------------------------------------

UNIT_SWAP_CONFIDENCE = 0.6
"""Confidence of a flag for a figure printed with another unit of its dimension."""


def _conversions(by_passage: dict[str, list[Mention]]) -> dict[int, Mention]:
    """Figures a source gives in brackets as another's conversion ("$14.8 billion (about 13.3 billion
    euros)", "51.2 degrees Celsius (124 Fahrenheit)"), both ways: {id(mention): its partner}. The
    two state one quantity in two units of one dimension."""
    out: dict[int, Mention] = {}
    for ms in by_passage.values():
        for a, b in zip(ms, ms[1:]):
            ua, ub = measure_unit(a), measure_unit(b)
            if ua is None or ub is None or ua[0] != ub[0] or ua == ub or a.derived or b.derived:
                continue
            between = a.passage.text[a.end - a.passage.start:b.start - a.passage.start]
            if between.strip().rstrip("~≈").strip().lower() in ("(", "(about", "(around", "(approximately", "(roughly",
                                                                "(some", "[", "(or", "(nearly", "(almost"):
                out[id(a)], out[id(b)] = b, a
    return out


def unit_swaps(ctx: CheckContext, by_passage: dict[str, list[Mention]], index: "MentionIndex",
               flagged: set[tuple[str, int]]) -> list[Flag]:
    """Figures printed with another unit of their dimension than the one the other sources give them
    ("11 minutes" where two sources say "11 seconds", "$13.3 billion" where another gives "13.3 billion
    euros" as the conversion of "$14.8 billion"). In: the context, the mentions by passage, the index
    and the (source, start) of mentions already flagged. Out: the flags.

    A figure no other source gives in its unit is flagged when (1) at least two other sources give
    the same figure in one other unit of the same dimension, agreeing among themselves, in a related
    role (aligned passages or shared words), or (2) another source gives the same figure in another
    unit as the bracketed conversion of a figure in this unit that a third source confirms: then
    the brackets say which quantity it is. Units of different dimensions never meet ("11 km" and
    "11 minutes" are unrelated)."""
    conv = _conversions(by_passage)
    out: list[Flag] = []
    for pid in sorted(by_passage):
        for m in by_passage[pid]:
            unit = measure_unit(m)
            if unit is None or m.derived or (m.source, m.start) in flagged or not isinstance(m.value, float) \
                    or _printed_ambiguous(m):
                continue  # an ambiguous "3,200" may have been re-read to another's "3.2": not a unit slip
            group = ctx.group_of.get(m.passage.id)
            same = [c for u in _dimension_units(index, m) for c in index.by_number.get((u, _plain(m)), ())
                    if c.source != m.source and not c.derived]
            if not same or any(measure_unit(c) == unit for c in same):
                continue  # nobody else gives this figure, or someone gives it in this unit too
            others: dict[tuple[str, str], set[str]] = defaultdict(set)
            related: dict[tuple[str, str], Mention] = {}
            for c in same:
                uc = measure_unit(c)
                if uc is None or uc[0] != unit[0]:
                    continue
                aligned = group is not None and ctx.group_of.get(c.passage.id) is group
                if aligned or context_similarity(m, c) >= MIN_STORY_CONTEXT or _sentence_stems(m) & _sentence_stems(c):
                    others[uc].add(c.source)
                    related.setdefault(uc, c)
            ref: Mention | None = None
            why = ""
            if len(others) == 1:
                uc, srcs = next(iter(others.items()))
                own = [x for u in _dimension_units(index, m) for x in index.by_number.get((u, _plain(m)), ())
                       if x.source == m.source and x is not m and not x.derived and measure_unit(x) == uc]
                if len(srcs) >= 2 and not any(context_similarity(x, related[uc]) >= context_similarity(m, related[uc])
                                              for x in own):
                    # (A source that gives the figure in the others' unit itself, where their words
                    # are, tells two quantities: "in three days" of the run and "the largest in three
                    # years"; "two weeks before the collapse" and "two days after" it.)
                    ref = related[uc]
                    why = f"{len(srcs)} other sources give the figure in another unit"
            if ref is None:
                for c in sorted(same, key=lambda c: (c.source, c.start)):
                    partner = conv.get(id(c))
                    if partner is None or measure_unit(partner) != unit or _plain(partner) == _plain(m):
                        continue
                    if any(x.source not in (m.source,) for x in index.by_number.get((partner.unit, _plain(partner)), ())
                           if x is not partner and measure_unit(x) == unit) or \
                            index.attested_by(partner, exclude={m.source, partner.source}):
                        ref = partner
                        why = f'another source gives "{c.text}" as the conversion of "{partner.text}"'
                        break
            if ref is None:
                continue
            kind = Kind.NUMBER_CONFLICT
            end = m.end
            word = _UNIT_AFTER_RE.match(m.passage.text, m.end - m.passage.start)
            if m.unit == "count" and word:
                end = m.passage.start + word.end()  # the unit word is the slip: "four months"
            text = ctx.sources[m.source].text[m.start:end]
            message = f'"{text}" where {why}: "{ref.text}"'
            out.append(make_flag(ctx, kind=kind, source=m.source, start=m.start, end=end, expected=ref.text,
                                 severity=Severity.MEDIUM, confidence=UNIT_SWAP_CONFIDENCE, group=group,
                                 message=message, evidence=[span_of(ctx, ref.source, ref.start, ref.end)]))
    return out


_UNIT_AFTER_RE = re.compile(r"[\s\-]*[^\W\d_]+")


def _printed_ambiguous(m: Mention) -> bool:
    """Whether a mention's printed figure reads two ways ("3,200": 3.2 or 3200)."""
    return any((read := read_figure(f)) is not None and read[1] is not None
               for f in re.findall(r"\d[\d.,'’\u00a0\u202f\u2009 ]*\d|\d", m.text))


def _sentence_stems(m: Mention) -> frozenset[str]:
    """The content stems of a mention's sentence, without units of measurement: what two sentences
    giving one figure in two units may share ("a challenge … 11 seconds left" / "the challenge …
    11 minutes before the end")."""
    units = _unit_stems()
    return frozenset(st for w in _sentence_words(m) if w not in FUNCTION_WORDS and (st := stem(w)) not in units)


def _dimension_units(index: "MentionIndex", m: Mention) -> list[str]:
    """The ``Mention.unit``s that may hold another unit of ``m``'s dimension: counts for measures
    counted by a noun, the other currencies or temperature scales present in the story."""
    if m.unit == "count":
        return ["count"]
    prefix = m.unit.split(":")[0] + ":"
    return sorted(u for u in index.units if u.startswith(prefix) and u != m.unit)


# --------------------------------------------------------------------------------------------
# One source against one: which side slipped
# --------------------------------------------------------------------------------------------

LONE_CONFIDENCE = 0.55
"""Confidence of a one-against-one flag decided by what the sources themselves say elsewhere."""

LONE_SUSPICION_CONFIDENCE = 0.52
"""Confidence of a one-against-one flag decided only by which source slips more elsewhere."""


def _strong_role(m: Mention, c: Mention, score: float, aligned: bool) -> int:
    """How clearly two mentions state the same quantity, for acting on one source against one:
    2 when the alignment put them together with much of their words in common, or the same event
    words stand right next to two dates, or a figure is one slip from the other with the same
    noun; 1 when only the words around them say so (much of a sentence in common); else 0."""
    sim = context_similarity(m, c)
    if m.years != c.years and not m.is_date and not (aligned and m.head and m.head == c.head and _digit_slip(m, c)):
        # "8.4 … in 2001" beside an undated "6.7": one sentence is about another time. Not for a
        # slip of the same noun in aligned passages ("36,000 feet" / "3,600 feet"): the year there
        # dates something else of the sentence ("for the first time since 2000").
        return 0
    if m.is_date:
        # (A year printed with two months is no event they share: "in May 2028" and "in July 2028"
        # may date two stages of one project.)
        if any(not w.startswith(_YEAR_MARK) for w in m.anchor & c.anchor) or (aligned and sim >= 0.3) or \
                (m.unit == "date" and _digit_slip(m, c) and aligned):
            return 2
        return 1 if sim >= 0.4 else 0
    same_head = bool(m.head) and (m.head == c.head or (_casualty(m) != "" and _casualty(m) == _casualty(c)))
    if _digit_slip(m, c):
        return 2 if same_head or aligned else 1 if sim >= 0.2 else 0
    if aligned and score >= MIN_ROLE_SCORE + ALIGNED_BONUS + 0.1 and (same_head or not (m.head or c.head)):
        return 2
    return 1 if same_head and sim >= 0.35 else 0


def _another_time(m: Mention, voters: Sequence[Mention], story_year: int | None) -> bool:
    """Whether ``m``'s sentence dates it to another year than the story's ("in 1991", "in March
    1998") and no voter's sentence names that year: "a cyclone in 1991 killed about 138,000 people"
    is background, not the story's death toll, however alike the words around the figures are. A
    year that only qualifies a noun ("the 2021-2023 model years") dates nothing."""
    if not m.years or story_year is None or story_year in m.years or any(v.years & m.years for v in voters):
        return False
    text = m.passage.text
    a = m.start - m.passage.start
    lo = max(text.rfind(". ", 0, a), text.rfind("? ", 0, a), text.rfind("! ", 0, a)) + 1
    hi = min([k for k in (text.find(". ", a), text.find("? ", a), text.find("! ", a)) if k >= 0] + [len(text)])
    return any(int(y) in m.years for y in _IN_YEAR_RE.findall(text[lo:hi]))


_IN_YEAR_RE = re.compile(r"\b(?i:in|since|during|of) (?:(?:early|late|mid-?)\s*)?(?:[A-Z][a-z]+\.? )?(?:\d{1,2} )?((?:19|20)\d\d)\b")
"""A year an event is dated to: "in 1991", "in March 1998", "since 2004", "in late 2019"."""


def _both_figures_given(index: "MentionIndex", m: Mention, best: Mention) -> bool:
    """Whether ``m``'s source also gives the others' figure for ``m``'s noun elsewhere, and another
    source gives ``m``'s figure for that noun too ("17 years" for the sentence, "20 years" for what
    prosecutors sought, in both): both sources tell both figures, so the pairing took the wrong one
    of them, not a figure that slipped."""
    if not any(x is not m and x.head == m.head for x in index.of_source_value(m.source, best)):
        return False
    return any(x.source != m.source and x.head == m.head for x in index.by_value.get((m.unit, _value_key(m)), ()))


def _lone_verdict(pair: _Lone, index: "MentionIndex", suspicion: dict[str, float]) -> str:
    """Why ``pair.mention`` is the side that slipped, or "" when the evidence does not say (then
    neither side is flagged: never at random).

    In order: (1) the mention's own source gives the other figure elsewhere for the same thing
    (it contradicts itself; figures only, since a story has many dates); (2) sources other than
    these two give the other figure somewhere in the story and never this one; (3) the mention's
    source slips clearly more elsewhere (``source_suspicion``), for the clearest role matches only."""
    m, c = pair.mention, pair.other
    if not pair.strong:
        return ""
    if not m.is_date:
        own = [x for x in index.of_source_value(m.source, c) if x is not m and (not x.head or not c.head or x.head == c.head)]
        theirs = [x for x in index.of_source_value(c.source, m) if not x.head or not m.head or x.head == m.head]
        if own and not theirs:
            return f'this source itself gives "{own[0].text}" elsewhere'
    third_c = index.attested_by(c, exclude={m.source, c.source})
    third_m = index.attested_by(m, exclude={m.source, c.source})
    if third_c and not third_m:
        return f'other sources give "{c.text}" elsewhere in the story and never "{m.text}"'
    if third_c or third_m:
        return ""
    sm, so = suspicion.get(m.source, 0.0), suspicion.get(c.source, 0.0)
    if pair.strong >= 2 and sm >= so + 1 and sm >= 2 * so:
        return "this source has more other slips in the story"
    return ""


def _lone_flag(ctx: CheckContext, pair: _Lone, why: str) -> Flag:
    m, c = pair.mention, pair.other
    kind = Kind.DATE_CONFLICT if m.is_date else Kind.NUMBER_CONFLICT
    by_suspicion = why.startswith("this source has more")
    severity = Severity.LOW if by_suspicion or m.is_date else Severity.MEDIUM
    role = _describe(c)
    message = (f'"{m.text}" where the only other source that gives it says "{c.text}"'
               + (f" {role}" if role else "") + f"; {why}")
    return make_flag(ctx, kind=kind, source=m.source, start=m.start, end=m.end, expected=c.text,
                     severity=severity, confidence=LONE_SUSPICION_CONFIDENCE if by_suspicion else LONE_CONFIDENCE,
                     group=pair.group, message=message, evidence=[span_of(ctx, c.source, c.start, c.end)])


_zipf_memo: dict[tuple[str, str], float] = {}


def source_suspicion(ctx: CheckContext, slips: Counter[str]) -> dict[str, float]:
    """How much each source slips elsewhere, independently of the figure being judged: its
    majority number/date flags (``slips``) plus its words no dictionary knows and no other source
    uses ("theregion", "greenhousegas": run-together or garbled words). In: the context and the
    flag count per source. Out: a count per source (higher is less reliable)."""
    out: dict[str, float] = {}
    sources_of = ctx.word_sources
    by_source: dict[str, list[Passage]] = defaultdict(list)
    for p in ctx.alignment.passages:
        by_source[p.source].append(p)
    for sid, ps in by_source.items():
        lang = lang_of(ctx.sources[sid])
        odd = 0
        for p in ps:
            for t in ctx.passage_tokens(p):
                w = t.norm
                if len(w) < 5 or not w.isalpha() or not t.text[:1].islower() or len(sources_of.get(w, ())) > 1:
                    continue
                key = (w, lang)
                z = _zipf_memo.get(key)
                if z is None:
                    z = _zipf_memo[key] = zipf(w, lang)
                odd += z == 0.0
        out[sid] = float(slips.get(sid, 0) + odd)
    return out


def _same_figure(a: Mention, b: Mention) -> bool:
    """The same figure, not merely one the other's wording allows: equal values (or equal bounds)."""
    if not isinstance(a.value, float):
        return consistent(a, b)
    return math.isclose(float(a.value), float(b.value), rel_tol=1e-9) or \
        (math.isclose(a.lo, b.lo, rel_tol=1e-9) and math.isclose(a.hi, b.hi, rel_tol=1e-9))


def _claimed_by_own(ctx: CheckContext, index: "MentionIndex", m: Mention, c: Mention, score: float,
                    totals: dict[str, Counter]) -> bool:
    """Whether ``m``'s own source gives ``c``'s figure elsewhere in a role that fits ``c`` at least as
    well as ``m`` does: then ``c`` is the counterpart of that mention, and ``m`` states another fact
    ("developed over eight years" is not the "followed for five years" of another source when the
    same source also says "followed for five years"; "by 2027" is not the "in 2024" its own
    source gives for the record year). In: the mention, the candidate and its role score."""
    c_group = ctx.group_of.get(c.passage.id)
    for x in index.of_source_value(m.source, c):
        if x is m:
            continue
        bonus = ALIGNED_BONUS if c_group is not None and ctx.group_of.get(x.passage.id) is c_group else 0.0
        if role_score(x, c, totals[x.passage.id][x.unit], totals[c.passage.id][c.unit]) + bonus >= score:
            return True
    return False


def _claimed_by_sibling(m: Mention, c: Mention, score: float, siblings: Sequence[Mention], m_total: int,
                       totals: dict[str, Counter], aligned: bool, index: "MentionIndex | None" = None) -> bool:
    """Whether another figure of ``m``'s passage is the better counterpart of ``c``: it fits ``c``'s
    role better, or it has ``c``'s value ("54.3% … to 45.7%" against "53.4% … 45.7%": the 45.7s
    correspond, so the 54.3 is the 53.4's counterpart). A sibling whose own figure ``c``'s source
    gives elsewhere (with ``index``) already has its counterpart there: "began on June 24 and was
    discovered on November 8" against a source that says "got in on June 24" and "caught the breach
    on November 18" pairs June with June, whatever words the 18th shares with the June date."""
    bonus = ALIGNED_BONUS if aligned else 0.0
    for sib in siblings:
        if sib is m or sib.derived:
            continue
        if sib.unit == BARE and m.unit == "count" and c.exact and sib.value == c.value:
            # "Nine miners died and two are missing": the bare "two" is this passage's figure for
            # the other source's "two remain missing", whatever noun that one counts.
            return True
        if sib.unit != m.unit:
            continue
        if _same_figure(sib, c):
            # (The same figure, not one a hedge merely allows: "about 97 percent" nationally is not
            # the counterpart of another source's "86.5 percent" of the school.)
            return True
        if index is not None and any(x is not c for x in index.of_source_value(c.source, sib)):
            continue
        sib_score = role_score(sib, c, m_total, totals[c.passage.id][c.unit]) + bonus
        if sib_score > score:
            return True
    return False


class MentionIndex:
    """Mentions by unit and context word, to find a mention's counterparts anywhere in the story.

    Built once per run. The story-wide search (``near``) works on *roles*: mentions with the same
    unit, context words, counted noun and event words are found by exactly the same searches, and
    in a story told by many sources most mentions repeat another's role word for word, so postings
    list distinct roles and each role is searched once (memoised). Figures are looked up by value,
    and by value and source, in dictionaries: no lookup scans the whole story.
    """

    MAX_POSTINGS = 3000  # a context word shared by more mentions than this picks out nothing
    MAX_CANDIDATES = 400

    def __init__(self, mentions: Iterable[Mention]) -> None:
        self.by_passage: dict[str, list[Mention]] = defaultdict(list)
        self.by_value: dict[tuple[str, object], list[Mention]] = defaultdict(list)
        self.by_number: dict[tuple[str, object], list[Mention]] = defaultdict(list)  # figure, any hedge
        self._value_source: dict[tuple[str, object, str], list[Mention]] = defaultdict(list)
        self._number_source: dict[tuple[str, object, str], list[Mention]] = defaultdict(list)
        # Roles: (unit, context, head, anchor) -> its mentions; postings list role numbers.
        role_ids: dict[tuple, int] = {}
        self._roles: list[list[Mention]] = []  # per role, its mentions
        self._role_head: list[str] = []
        self._word_roles: dict[tuple[str, str], list[int]] = defaultdict(list)
        self._anchor_roles: dict[tuple[str, str], list[int]] = defaultdict(list)
        self._word_df: Counter[tuple[str, str]] = Counter()  # mentions per (unit, context word)
        self._anchor_df: Counter[tuple[str, str]] = Counter()
        self._near: dict[tuple, list[Mention]] = {}
        self._near_by_source: dict[tuple, dict[str, list[Mention]]] = {}
        self.leads: list[Mention] = []  # every source's lead weekday (``mark_leads``)
        self.units: set[str] = set()
        for m in mentions:
            self.units.add(m.unit)
            if m.lead:
                self.leads.append(m)
            self.by_passage[m.passage.id].append(m)
            vk, pk = _value_key(m), _plain(m)
            self.by_value[(m.unit, vk)].append(m)
            self.by_number[(m.unit, pk)].append(m)
            self._value_source[(m.unit, vk, m.source)].append(m)
            self._number_source[(m.unit, pk, m.source)].append(m)
            role = _role_key(m)
            rid = role_ids.get(role)
            if rid is None:
                rid = role_ids[role] = len(self._roles)
                self._roles.append([])
                self._role_head.append(m.head)
                for w in m.context:
                    self._word_roles[(m.unit, w)].append(rid)
                for w in m.anchor:
                    self._anchor_roles[(m.unit, w)].append(rid)
            self._roles[rid].append(m)
            for w in m.context:
                self._word_df[(m.unit, w)] += 1
            for w in m.anchor:
                self._anchor_df[(m.unit, w)] += 1
        # Each mention's rank in (passage, position) order: role lists hold ranks, so merging
        # them is sorting integers.
        self._ranked: list[Mention] = sorted((m for ms in self._roles for m in ms), key=_rank_key)
        rank = {id(m): i for i, m in enumerate(self._ranked)}
        self._role_ranks: list[list[int]] = [sorted(rank[id(m)] for m in ms) for ms in self._roles]

    def of_source_value(self, source: str, like: Mention) -> list[Mention]:
        """``source``'s mentions of ``like``'s unit with ``like``'s figure (see ``_same_figure``)."""
        vk = _value_key(like)
        return list(self._value_source.get((like.unit, vk, source), ())) + \
            [x for x in self._number_source.get((like.unit, _plain(like), source), ()) if _value_key(x) != vk]

    def attested_by(self, m: Mention, exclude: set[str]) -> bool:
        """Whether a source outside ``exclude`` gives ``m``'s figure in ``m``'s unit anywhere."""
        units = (m.unit, BARE) if m.unit == "count" else (m.unit,)
        return any(c.source not in exclude for c in self.by_value.get((m.unit, _value_key(m)), ())) or \
            any(c.source not in exclude for u in units for c in self.by_number.get((u, _plain(m)), ()))

    def corroborated(self, m: Mention) -> bool:
        """Whether another source gives ``m``'s value in ``m``'s unit anywhere in the story."""
        return any(c.source != m.source for c in self.by_value.get((m.unit, _value_key(m)), ()))

    def slips(self, m: Mention) -> list[Mention]:
        """Mentions of the same unit whose figure is one slip away from ``m``'s (see ``_digit_slip``)."""
        if m.unit == "date":
            if m.through:
                return []
            month, day = m.value  # type: ignore[misc]
            keys = [(mo, day) for mo in range(1, 13) if mo != month] + [(month, d) for d in _day_slips(day)]
            if day <= 12 and day != month:
                keys.append((day, month))  # "7.3." read month-first: March 7 for July 3
            return [c for k in keys for c in self.by_value.get(("date", k), ()) if c.source != m.source]
        if not isinstance(m.value, float) or m.value <= 0:
            return []
        out = []
        variants = _slip_variants(m.value)
        if m.unit == DURATION:
            variants = {v for v in (_from_clock_figure(x) for x in _slip_variants(_clock_figure(m.value))) if v}
        for v in variants:
            key = (m.hedge, round(m.lo * v / m.value, 9), round(m.hi * v / m.value, 9))
            out.extend(c for c in self.by_value.get((m.unit, key), ()) if c.source != m.source)
        return out

    def in_passage(self, passage_id: str) -> list[Mention]:
        return self.by_passage.get(passage_id, [])

    def near_by_source(self, m: Mention) -> dict[str, list[Mention]]:
        """``near(m)`` grouped by source (shared between mentions of the same role: do not modify)."""
        role = _role_key(m)
        found = self._near_by_source.get(role)
        if found is None:
            found = defaultdict(list)
            for c in self.near(m):
                found[c.source].append(c)
            found = self._near_by_source[role] = dict(found)
        return found

    def near(self, m: Mention) -> list[Mention]:
        """Mentions of the same unit sharing context words with ``m`` (two; one when ``m``'s
        context is short), the most shared first (then by passage and position), at most
        ``MAX_CANDIDATES``. The list is shared between mentions of the same role: do not modify it."""
        role = _role_key(m)
        found = self._near.get(role)
        if found is None:
            found = self._near[role] = self._search(m)
        return found

    def _search(self, m: Mention) -> list[Mention]:
        counts: Counter[int] = Counter()
        for w in m.context:
            if self._word_df[(m.unit, w)] > self.MAX_POSTINGS:
                continue
            counts.update(self._word_roles.get((m.unit, w), ()))
        need = 1 if len(m.context) <= 5 else 2  # a short sentence has few words to share
        same_head = {r for r in counts if m.head and self._role_head[r] == m.head}  # "… hectares" and "… hectares"
        for w in m.anchor:  # "published on Wednesday" and "published this Monday": the same event
            if self._anchor_df[(m.unit, w)] > self.MAX_POSTINGS:
                continue
            for rid in self._anchor_roles.get((m.unit, w), ()):
                counts[rid] += need
                same_head.add(rid)
        by_count: dict[int, list[int]] = defaultdict(list)
        for rid, n in counts.items():
            if n >= need or rid in same_head:
                by_count[n].append(rid)
        out: list[int] = []
        for n in sorted(by_count, reverse=True):
            room = self.MAX_CANDIDATES - len(out)
            out.extend(sorted(itertools.chain.from_iterable(self._role_ranks[r] for r in by_count[n]))[:room])
            if len(out) >= self.MAX_CANDIDATES:
                break
        return [self._ranked[i] for i in out]


def _role_key(m: Mention) -> tuple:
    """What the story-wide search for a mention's counterparts depends on."""
    return (m.unit, m.context, m.head, m.anchor)


_rank_key = operator.attrgetter("passage.id", "start")  # candidates' order: by passage, then position


def _slip_variants(value: float) -> set[float]:
    """Figures a slip turns ``value`` into: a factor of ten, two neighbouring digits swapped, one
    digit changed."""
    out = {value * 10, value * 100, value * 1000, value / 10, value / 100, value / 1000}
    text = _printed(value)
    if "e" in text:
        return out
    digits = [i for i, ch in enumerate(text) if ch.isdigit()]
    for a, b in zip(digits, digits[1:]):
        if b == a + 1:
            t = list(text)
            t[a], t[b] = t[b], t[a]
            out.add(float("".join(t)))
    for i in digits:
        for d in "0123456789":
            if d != text[i] and not (i == 0 and d == "0"):
                out.add(float(text[:i] + d + text[i + 1:]))
    out.discard(value)
    return out


def _describe(m: Mention) -> str:
    """A few words saying which quantity this is, taken from the passage itself."""
    if m.is_date:
        return "for the same event"
    if m.after:
        return f'for "{m.after}"'
    words = [w for w in re.findall(r"[^\W\d_][\w’'\-]*", m.passage.text[: m.start - m.passage.start])][-4:]
    return f'after "{" ".join(words)}"' if words else ""
