"""The reading of quantities and dates, shared by number_conflict (``numbers``) and date_conflict
(``dates``).

Every passage's numbers are read into ``Mention``s (``mentions_in``): a value normalised across
spellings ("145%", "145 percent", "145 per cent", "one hundred forty-five percent"; "$1.2 billion"
and "1.2 billion dollars"; "5 million" and "five million"), a unit class (percent, a currency, a
count of some noun, a measure, a duration, a year, a month-day date, a month, weekdays), the
interval the wording allows ("about 1%", "beyond 100%", "up to around 98 percent", "80 or 90
percent", "between 40 and 50 people", "from Friday to Monday"), and the words around it (its role).

Then the story's mentions are read together: ambiguous separators the way the story reads them
(``settle_separators``), each source's first weekday (``mark_leads``), and the dates on the
calendar (``publication_days``, ``add_calendar``: weekdays and days worded from a report's own day
read as calendar days). Nothing here compares sources; ``quantity_consensus`` does.

In: ``Passage``s (and the ``CheckContext`` for the calendar). Out: ``Mention``s by passage.
"""

from __future__ import annotations

import functools
import re
from datetime import date, timedelta
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from typing import Iterable, Iterator, Sequence

from anyascii import anyascii
from convertdate import coptic, islamic, persian
from text_to_num import text2num

from srccompare.checks.base import CheckContext
from srccompare.checks.lexicon import zipf
from srccompare.checks.speech import CONJUNCTIONS, FUNCTION_WORDS, REPORTING_VERBS, stem
from srccompare.models import Passage


BARE = "bare"
"""The unit of a number that counts nothing named: never judged nor a counterpart."""

DURATION = "duration"
"""Unit of a time measured in several units or printed as a race time ("2 hours 14 minutes",
"2:14:27"), valued in seconds (``_duration``)."""

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
_CURRENCY_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₩": "KRW",
                     # The signs of the currencies named below, as their units ("₱30 billion" is
                     # "30 billion pesos").
                     "₱": "PESO", "₦": "NAIRA", "₴": "HRYVNIA", "₽": "ROUBLE", "₺": "LIRA", "₫": "DONG",
                     "฿": "BAHT", "₸": "TENGE", "₼": "MANAT", "₾": "LARI", "₵": "CEDI"}
_CURRENCY_PREFIX = {"us": "USD", "a": "AUD", "c": "CAD", "hk": "HKD", "nz": "NZD", "s": "SGD", "r": "REAL"}
_CURRENCY_LETTERS = {"P": "PESO", "Rs": "INR", "Rp": "RUPIAH", "RM": "RINGGIT", "KSh": "SHILLING",
                     "Ksh": "SHILLING", "TSh": "SHILLING", "Tsh": "SHILLING", "USh": "SHILLING", "Ush": "SHILLING",
                     "Tk": "TAKA", "R": "RAND", "N": "NAIRA"}
"""Letters the press of a country prints for its currency's sign before a figure ("P41.6 billion" in
the Philippines, "Rs 500", "Rp 2.5 trillion", "RM300 million", "KSh 50,000", "TSh 45,000" in
Tanzania, "R4.8 million" in South Africa, "N480,000" in Nigeria), read case as printed. A single
letter ("P", "R", "N") only glued to a figure that is plainly an amount (a scale word follows, or
the figure has a thousands group or a decimal part): "P30" alone is as likely a model's name."""
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
# The names as the currency's own language spells them, with the letters English drops ("złoty",
# "đồng"): a translation keeps them more often than not.
_CURRENCY_WORDS.update({"złoty": "ZLOTY", "złotych": "ZLOTY", "złote": "ZLOTY", "đồng": "DONG",
                        "korun": "CROWN"})
_CURRENCY_CODES = {"usd", "eur", "gbp", "jpy", "cny", "chf", "inr", "krw", "aud", "cad"} | set(_CODE_UNITS)
_DOLLAR_WORDS = frozenset({"dollar", "dollars"})
_CURRENCY_WORD_ZIPF = 3.5
"""How common (wordfreq Zipf, English) a currency's singular name may be to be read before a figure
("naira 840 million"): "won", "real", "crown" and "pound" are English words first."""

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
_MONTH_DAY = r"(?:0?[1-9]|1[0-2]){0}(?:0?[1-9]|[12]\d|3[01])"
_YEAR_FIRST_DATE = (r"(?:19|20)\d\d(?:\." + _MONTH_DAY.format(r"\.") + r"|/" + _MONTH_DAY.format("/") + r")"
                    r"(?![\d.,]?\d)")
"""A date printed year first in figures ("2026.05.31", "2026/05/31"), as East Asian outlets print it:
always year, month, day. (No capturing group: ``_FIGURE``, after it in ``_TOKEN_RE``, refers to its
own by number.)"""
_YEAR_FIRST_DATE_RE = re.compile(_YEAR_FIRST_DATE)
_TOKEN_RE = re.compile(
    _YEAR_FIRST_DATE + r"|" + _NUMERIC_DATE + r"|" + _FIGURE + r"|[^\W\d_]+(?:[’'\-.][^\W\d_]+)*|[$€£¥₹₩%]|\S",
    re.UNICODE,
)
_GROUP_MARKS = frozenset("'’ \u00a0\u202f\u2009")
_ORDINAL_SUFFIX = {"st", "nd", "rd", "th"}
_RANGE_WORDS = {"or", "to", "-", "–", "and"}
_STOP_NP = FUNCTION_WORDS | CONJUNCTIONS | {"due", "percent", "cent", "yesterday", "today", "tomorrow",
                                            # Adverbs of time and place end the noun phrase ("800,000
                                            # tourists last year", "53 km away", "two days ago").
                                            "last", "next", "ago", "away", "earlier", "later"}
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
# the same figure with another unit of the same dimension is another quantity ("11 minutes"),
# unless it is the same quantity converted ("1,400 m" / "1.4 km": ``converted_alike``).
# A generic resource (SI and imperial units, their spellings and their sizes), compared by stem
# like every counted noun: {dimension: {unit: (its spellings, its size in the base unit)}}.
_UNITS: dict[str, dict[str, tuple[str, float | None]]] = {
    "time": {"second": ("second seconds sec secs", 1.0), "minute": ("minute minutes min mins", 60.0),
             "hour": ("hour hours hr hrs", 3600.0), "day": ("day days", 86400.0),
             "week": ("week weeks", 604800.0), "month": ("month months", 2629746.0),
             "year": ("year years", 31556952.0), "decade": ("decade decades", 315569520.0)},
    "length": {"mm": ("millimetre millimetres millimeter millimeters mm", 1e-3),
               "cm": ("centimetre centimetres centimeter centimeters cm", 1e-2),
               "m": ("metre metres meter meters", 1.0), "km": ("kilometre kilometres kilometer kilometers km", 1e3),
               "ft": ("foot feet ft", 0.3048), "in": ("inch inches", 0.0254), "yd": ("yard yards", 0.9144),
               "mi": ("mile miles", 1609.344)},
    "mass": {"g": ("gram grams", 1e-3), "kg": ("kilogram kilograms kg kilo kilos", 1.0),
             "t": ("tonne tonnes ton tons", 1e3), "lb": ("pound pounds lb lbs", 0.4536),
             "oz": ("ounce ounces", 0.02835)},
    "power": {"w": ("watt watts", 1.0), "kw": ("kilowatt kilowatts kw", 1e3), "mw": ("megawatt megawatts mw", 1e6),
              "gw": ("gigawatt gigawatts gw", 1e9)},
    "volume": {"ml": ("millilitre millilitres milliliter milliliters ml", 1e-3),
               "cl": ("centilitre centilitres cl", 1e-2), "l": ("litre litres liter liters", 1.0),
               "gal": ("gallon gallons", None)},
    "speed": {"km/h": ("kph kmph kmh", 1 / 3.6), "mi/h": ("mph", 0.44704), "kn": ("knot knots", 0.5144),
              "m/s": ("", 1.0)},
    "area": {"ha": ("hectare hectares ha", 1e4), "acre": ("acre acres", 4046.856),
             "m": ("", 1.0), "km": ("", 1e6), "mi": ("", 2.59e6), "ft": ("", 0.0929)},
}
"""Sizes are in the base unit of the dimension (seconds, metres, kilograms, watts, litres, metres a
second, square metres): the metric prefixes are exact, the imperial units as the conversion tables
give them, a month and a year of the Gregorian calendar on average. A gallon, American or
imperial, has no size (None). Units without spellings of their own are read from others: "km/h"
etc. from "kilometres per hour", an area's "m", "km", "mi" and "ft" from "square" before a length."""
_DIMENSION_WORDS = {dim: {unit: words for unit, (words, _) in units.items() if words} for dim, units in _UNITS.items()}
"""{dimension: {unit: its spellings}} (``_UNITS``)."""
IN_BASE_UNITS = {(dim, unit): size for dim, units in _UNITS.items() for unit, (_, size) in units.items()
                 if size is not None}
"""{(dimension, unit): its size in the base unit of the dimension} (``_UNITS``)."""
_PER_HOUR = {("/", "h"), ("/", "hr"), ("per", "hour"), ("an", "hour"), ("a", "hour"), ("/", "s"),
             ("per", "second")}
"""Words after a unit of length that make it a speed ("110 km/h", "140 km per hour", "12 metres per
second"): another dimension than the length itself ("350 kilometers" of track)."""

_RATE_WORDS = frozenset({"a", "an", "per", "each", "every"})
_PERIODS = frozenset({"second", "minute", "hour", "day", "night", "week", "month", "year"})
"""A figure followed by one of ``_RATE_WORDS`` and one of these is a rate ("20,000 a day")."""

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


_IRREGULAR_PLURALS = {"people": "person", "persons": "person", "children": "child", "men": "man", "women": "woman"}
"""English nouns whose plural no stemmer brings back to the singular: "40 persons", as translations
from languages that count "personnes" or "personas" print it, and "14 people" count one noun."""


def _role_word(lw: str) -> str:
    """A context word as compared: its casualty class when it words a casualty, else the stem of
    its singular (``_IRREGULAR_PLURALS``)."""
    return _CASUALTY_CLASS.get(lw) or stem(_IRREGULAR_PLURALS.get(lw, lw))


@functools.lru_cache(maxsize=None)
def unit_stems() -> dict[str, tuple[str, str]]:
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
    ``head`` is the noun, ``np`` the words of its noun phrase; "age" for an age, "per day" for a
    rate), "fraction" ("two-thirds", "one in five"), "bare" (a number of nothing named), "year",
    "date" (month and day), "weekday", "month", "century", "clock" (a time of day in minutes since
    midnight); ``casualty`` the casualty class of a count (see ``casualty_of``); ``anchor`` (dates only) the content words right next to a date, which name the event
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
    worded from the report's own day ("yesterday": ("day", -1); "last year": ("year", -1); a day of
    the month printed after a weekday without its month, "Thursday 10": ("month", 0); a date of
    another calendar without its year, "27 Azar": ("persian", 9)), whose
    value only the calendar gives (``add_calendar``: dropped when the report's day is unknown);
    ``through`` (dates) the last day of a span of days ("from 21 to 23 April": value (4, 21),
    through (4, 23)), None for one day; ``part`` (dates) the time of day printed right after it
    ("Tuesday afternoon": "afternoon"), "" when none; ``subset`` (quantities) whether it counts a
    part or an addition ("20 other crew", "five more"; ``_SUBSET_MODIFIERS``); ``filed`` (dates) the
    day of a dateline with its country ("ANTWERP, Belgium, April 14 -", ``add_calendar``): a
    counterpart like any date, never judged itself. ``month_first`` (dates) the (month, day) of a
    slash date both ways valid ("04/05/2026") read month-first, as the US prints it; ``value`` holds
    the day-first reading until ``settle_slash_dates`` decides, None for any other date.
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
    filed: bool = False
    month_first: tuple[int, int] | None = None

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
        if frac == "000":
            # "85,000" / "280.000": no convention prints a decimal part of three zeros, so it is a
            # thousands group whichever mark the source uses for decimals elsewhere ("R4,8 million"
            # beside "85,000 households" in one machine translation).
            return grouped, None
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
    if words and j + 2 < len(toks) and [t[0].lower() for t in toks[j:j + 3]] in (["and", "a", "half"],
                                                                               ["and", "one", "half"]):
        # "two and a half million", "a million and a half": a half more of the last unit or scale.
        try:
            whole = float(text2num(" ".join(words), "en"))
        except ValueError:
            return None
        j += 3
        if words[-1] in _SCALES:
            return whole * 1.5, j
        if j < len(toks) and toks[j][0].lower() in _SCALES and toks[j][0].lower() != "hundred":
            return (whole + 0.5) * _SCALES[toks[j][0].lower()], j + 1
        return whole + 0.5, j
    decimal = _spoken_decimal(toks, j) if words and words[-1] not in _SCALES else None
    if not words or (words in (["one"], ["and"]) and decimal is None) or words[0] in _SCALES:
        # (A scale word alone, "million shillings", is the rest of a figure left unread, not one
        # million: "a million" is read above.)
        return None
    try:
        value = float(text2num(" ".join(words), "en"))
    except ValueError:
        return None
    if decimal is None:
        return value, j
    fraction, j = decimal
    value += fraction
    if j < len(toks) and toks[j][0].lower() in _SCALES and toks[j][0].lower() != "hundred":
        value *= _SCALES[toks[j][0].lower()]
        j += 1
    return value, j


_DIGIT_WORDS = {w: k for k, w in enumerate(_ONES[:10])} | {"oh": 0}
"""The digits as a speaker reads them after a decimal point ("six point oh five")."""


def _spoken_decimal(toks: Sequence[tuple[str, int, int]], j: int) -> tuple[float, int] | None:
    """The decimals a speaker reads after a whole number in words, "point" and one word per digit
    ("thirty-eight point six", "one point two five"): their value (0.6, 0.25) and the index after
    them; None when no "point" and digit follow at ``j``. A transcript prints amounts so, and
    without it "thirty-eight point six million" is read as 38 and six million."""
    if j + 1 >= len(toks) or toks[j][0].lower() != "point" or toks[j + 1][0].lower() not in _DIGIT_WORDS:
        return None
    digits = ""
    k = j + 1
    while k < len(toks) and toks[k][0].lower() in _DIGIT_WORDS:
        digits += str(_DIGIT_WORDS[toks[k][0].lower()])
        k += 1
    return float("0." + digits), k


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


_ETHIOPIAN_MONTHS = {name: k for k, names in enumerate((
    "meskerem", "tikimt tikemt tekemt", "hidar hedar", "tahsas tahesas", "ter", "yekatit",
    "megabit maggabit", "miyazya miazia", "ginbot genbot", "sene senie", "hamle", "nehase nehasse",
    "pagume pagumen"), 1) for name in names.split()}
"""The months of the Ethiopian calendar as translations spell them (the Coptic calendar's months
under their Amharic names; its year is the Coptic year plus 276). "Tir", the fifth, is also a
Persian month and is read in neither."""
_PERSIAN_MONTHS = {anyascii(name).lower(): k for k, name in enumerate(persian.MONTHS, 1) if name != "Tir"}
_PERSIAN_MONTHS.update({"amordad": 5, "dei": 10, "esfand": 12, "isfand": 12})
_DARI_MONTHS = {name: k for k, names in enumerate((
    "hamal", "sawr saur sowr thawr", "jawza jauza jowza", "saratan", "asad", "sonbola sunbula sumbula",
    "mizan", "aqrab akrab", "qaws qaus", "jadi jaddi", "dalw dalv", "hut hoot hout"), 1) for name in names.split()}
"""The months of the Solar Hijri calendar under the names of the zodiac that Afghan reports use
("26 Aqrab 1405"): the same months, in the same order, as the Iranian names."""
_OTHER_MONTHS = {**{w: ("ethiopian", k) for w, k in _ETHIOPIAN_MONTHS.items()},
                 **{w: ("persian", k) for w, k in _PERSIAN_MONTHS.items()},
                 **{w: ("persian", k) for w, k in _DARI_MONTHS.items()}}
"""Month names of the solar calendars that Ethiopian, Iranian and Afghan reports date by ("Hidar 5,
2019", "17 Azar 1405", "26 Aqrab 1405"): a date in them is a day of the Gregorian calendar like any
other, once converted."""

_HIJRI_MONTHS = {name: k for k, names in enumerate((
    "muharram moharram muharam", "safar", "", "", "", "", "rajab", "shaban sha'ban shaaban sha’ban",
    "ramadan ramazan ramadhan", "shawwal shawal"), 1) for name in names.split()}
"""The months of the Islamic (lunar Hijri) calendar whose name is one word, as English prints them."""
_HIJRI_PAIRS = {"rabi": 3, "rabia": 3, "rabie": 3, "jumada": 5, "jumadi": 5, "jamadi": 5, "jumad": 5,
                "dhu": 11, "dhul": 11, "zul": 11, "thul": 11}
"""The Islamic months named in pairs: "Rabi al-Awwal" (3rd) and "Rabi al-Akhir" (4th), "Jumada
al-Ula" and "Jumada al-Akhira", "Dhu al-Qadah" and "Dhu al-Hijjah": the first word and the first
month of its pair; the word after it says which (``_HIJRI_SECOND``)."""
_HIJRI_FIRST = frozenset({"awwal", "awal", "aawal", "ula", "oola", "ulaa", "i", "1", "qadah", "qada", "qaada", "qidah",
                          "qaadah", "qadeh"})
_HIJRI_SECOND = frozenset({"akhir", "akhira", "akhirah", "akhar", "thani", "thaniyah", "thaniya", "thania", "sani",
                           "saani", "ii", "2", "hijjah", "hijja", "hijah", "hijjeh"})
HIJRI_SLACK = 1
"""Days a date of the Islamic calendar may lie either side of the day the arithmetical (tabular)
calendar gives it: the months begin with the sighting of the new moon, so the day a country's
authority declares may differ from the tabular one."""


def _hijri_month(toks: Sequence[tuple[str, int, int]], lower: Sequence[str], i: int) -> tuple[int, int] | None:
    """The Islamic month named at token ``i`` ("Muharram", "Rabi al-Akhir", "Rabi' II",
    "Dhul-Hijjah") and the token after its name, or None. The name is capitalised."""
    n = len(toks)
    if i >= n or not toks[i][0][:1].isupper():
        return None
    parts = lower[i].split("-")
    if lower[i] in _HIJRI_MONTHS:
        return _HIJRI_MONTHS[lower[i]], i + 1
    head = parts[0].rstrip("'’")
    if head not in _HIJRI_PAIRS:
        return None
    first = _HIJRI_PAIRS[head]
    if len(parts) > 1:
        words, k = parts[1:], i + 1
    else:
        j = i + 1 + (1 if i + 1 < n and toks[i + 1][0] in ("'", "’") else 0)
        if j >= n:
            return None
        words, k = lower[j].split("-"), j + 1
    words = [w for w in words if w not in ("al", "ul", "el", "ath", "as", "ad", "ats", "uth")]
    word = re.sub(r"['’]", "", words[0]) if words else ""
    if word in _HIJRI_FIRST or word.startswith("qa") or word.startswith("qi"):
        return first, k
    if word in _HIJRI_SECOND:
        return first + 1, k
    return None


def other_calendar_day(calendar: str, year: int, month: int, day: int) -> date | None:
    """The Gregorian day of a date of the Ethiopian, Persian (Solar Hijri) or Islamic (the
    tabular lunar Hijri) calendar, None when that calendar has no such day."""
    try:
        if calendar == "ethiopian":
            y, mo, d = coptic.to_gregorian(year - 276, month, day)
        elif calendar == "islamic":
            y, mo, d = islamic.to_gregorian(year, month, day)
        else:
            y, mo, d = persian.to_gregorian(year, month, day)
        return date(y, mo, d)
    except (ValueError, TypeError, IndexError):
        return None


def hijri_span(d: date) -> dict:
    """The value and last day of the span of days an Islamic date's tabular day ``d`` stands for
    (``HIJRI_SLACK`` either side), as a raw mention's fields."""
    lo, hi = d - timedelta(days=HIJRI_SLACK), d + timedelta(days=HIJRI_SLACK)
    if lo.year != hi.year:
        return dict(value=(d.month, d.day), through=None)
    return dict(value=(lo.month, lo.day), through=(hi.month, hi.day))


_GLOSS_GLUE = frozenset({",", "/", "-", "–", "—", "corresponding", "corresponds", "to", "equal", "equals",
                         "equivalent", "which", "is", "i.e", "ie", "or", "the", "that", "of", "with", "coinciding"})
"""Words and marks that join a date of another calendar to its Gregorian day printed after it
("1 Safar 1448 AH corresponding to 14 July 2026", "7 Mizan 1405 / 29 September 2026")."""


def _glossed(toks: Sequence[tuple[str, int, int]], lower: Sequence[str], j: int) -> bool:
    """Whether a Gregorian month-day date follows token ``j`` after nothing but the words and
    marks of ``_GLOSS_GLUE`` (at most four): the other calendar's date is glossed with its
    Gregorian day, and the report's figure for that day is the Gregorian one."""
    n = len(toks)
    for k in range(j, min(j + 5, n - 1)):
        a, b = lower[k], lower[k + 1]
        if (a.isdigit() and b.rstrip(".") in _MONTHS) or (a.rstrip(".") in _MONTHS and b.isdigit()):
            return True
        if a.rstrip(".") not in _GLOSS_GLUE:
            return False
    return False


def _other_calendar_date(toks: Sequence[tuple[str, int, int]], lower: Sequence[str], i: int
                         ) -> tuple[list[dict], int] | None:
    """A date of another calendar at token ``i``: a month of ``_OTHER_MONTHS`` with a day before or
    after it ("Hidar 15", "27 Azar") and maybe its year ("Hidar 5, 2019", "17 Azar 1405"). With its
    year the date is converted here (the year is the other calendar's, never read as a Gregorian
    one); without it the date is read on the calendar later, from the report's own day
    (``relative`` (calendar, month), value (0, day)). A date whose Gregorian day is printed in
    brackets after it ("13 Esfand 1403 (March 3, 2025)") is left to that one, read as before. Out:
    the raw mentions and the token after the date, or None."""
    n = len(toks)
    w = toks[i][0]
    hijri = _hijri_month(toks, lower, i + 1) if w.isdigit() else _hijri_month(toks, lower, i)
    if w.isdigit() and i + 1 < n and lower[i + 1] in _OTHER_MONTHS and toks[i + 1][0][0].isupper():
        calendar, month = _OTHER_MONTHS[lower[i + 1]]
        day, k = int(w), i + 2
    elif lower[i] in _OTHER_MONTHS and w[0].isupper() and i + 1 < n and toks[i + 1][0].isdigit():
        calendar, month = _OTHER_MONTHS[lower[i]]
        day, k = int(toks[i + 1][0]), i + 2
    elif hijri is not None and w.isdigit():
        (month, k), calendar, day = hijri, "islamic", int(w)
    elif hijri is not None and hijri[1] < n and toks[hijri[1]][0].isdigit():
        calendar, month, day, k = "islamic", hijri[0], int(toks[hijri[1]][0]), hijri[1] + 1
    else:
        return None
    if not 1 <= day <= 30:
        return None
    y = k + (1 if k < n and toks[k][0] == "," else 0)
    year = int(toks[y][0]) if y < n and re.fullmatch(r"\d{4}", toks[y][0]) else None
    end = y + 1 if year is not None else k
    after = end + (1 if end < n and lower[end].rstrip(".") in _ERA_MARKS else 0)
    after += 1 if after < n and toks[after][0] == "." else 0
    if after < n and toks[after][0] == "(" or _glossed(toks, lower, after):
        return [], end
    if year is not None:
        d = other_calendar_day(calendar, year, month, day)
        if d is None:
            return None
        days = hijri_span(d) if calendar == "islamic" else dict(value=(d.month, d.day))
        return [dict(start=toks[i][1], end=toks[y][2], unit="date", lo=0, hi=0, exact=True,
                     i0=i, i1=end, **days)], end
    return [dict(start=toks[i][1], end=toks[k - 1][2], unit="date", value=(0, day), lo=0, hi=0, exact=True, i0=i,
                  i1=k, relative=(calendar, month))], end


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
        other = _other_calendar_date(toks, lower, i)
        if other is not None:
            raw.extend(other[0])
            i = other[1]
            continue
        # Month-day dates: "May 8", "8 May", "May 8, 2025", "Jan. 3".
        if lw.rstrip(".") in _MONTHS and w[0].isupper():
            month = _MONTHS[lw.rstrip(".")]
            k = i + 1 + (1 if i + 1 < n and toks[i + 1][0] == "." else 0)
            day = _day_ordinal(lower, k + 1 if k < n and lower[k] == "the" else k)
            if day is not None:
                # "June the fourth", "June twenty-first": a date as it is spoken.
                raw.append(dict(start=ts, end=toks[day[1] - 1][2], unit="date", value=(month, day[0]), lo=0, hi=0,
                                exact=True, i0=i, i1=day[1]))
                i = day[1]
                continue
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
        if w.isdigit() and i + 2 < n and i > 0 and lower[i - 1] in _DATE_PREPOSITIONS and toks[i + 1][0] == "/" \
                and toks[i + 1][1] == te and toks[i + 2][1] == toks[i + 1][2] and toks[i + 2][0].isdigit() \
                and (md := _day_first(f"{w}/{toks[i + 2][0]}/")) is not None:
            # "On 14/10, the State Bank ...": a day and month in figures without the year, after a
            # preposition that dates something (without one, "14/10" may be a score or a ratio),
            # read when only one order is valid (as ``_day_first``).
            raw.append(dict(start=ts, end=toks[i + 2][2], unit="date", value=md, lo=0, hi=0, exact=True, i0=i,
                            i1=i + 3))
            i += 3
            continue
        ordinal_day = _ordinal_day_alone(toks, lower, i)
        if ordinal_day is not None:
            raw.append(ordinal_day)
            i = ordinal_day["i1"]
            continue
        if w.isdigit() and 1 <= int(w) <= 31 and i + 1 < n:
            k = i + 1
            first = None
            if k + 1 < n and lower[k] in _SPAN_WORDS and _day_number(toks[k + 1][0]) and int(toks[k + 1][0]) > int(w):
                # "from 21 to 23 April", "21-23 April": the first day of a span whose month follows.
                first, w, k = int(w), toks[k + 1][0], k + 2
            if k < n and lower[k] in _ORDINAL_SUFFIX and toks[k][1] == te:
                k += 1
                if k + 1 < n and lower[k] == "of" and lower[k + 1] in _MONTHS:
                    k += 1  # "the 4th of June"
            elif k + 1 < n and lower[k] == "of" and lower[k + 1] in _MONTHS and toks[k + 1][0][0].isupper() \
                    and len(lower[k + 1]) >= 3 and _dates_a_day(lower, i):
                k += 1  # "on Tuesday 19 of March", "the 4 of June": a day of a month, the ordinal unsaid
            elif k + 1 < n and toks[k][0] == "." and toks[k][1] == toks[k - 1][2] and len(lower[k + 1]) > 3 \
                    and lower[k + 1] in _MONTHS:
                k += 1  # "6. February": the ordinal dot of German, Nordic and Slavic dates, kept by translations
            if k < n and lower[k] in _MONTHS and len(lower[k]) >= 3 and toks[k][0][0].isupper() \
                    and (lower[k] != "may" or True):
                month = _MONTHS[lower[k]]
                raw.append(dict(start=ts, end=toks[k][2], unit="date", lo=0, hi=0, exact=True, i0=i, i1=k + 1,
                                value=(month, first if first else int(w)),
                                through=(month, int(w)) if first else None))
                i = k + 1
                continue
            w = toks[i][0]
        spoken_day = _spoken_day(toks, lower, i)
        if spoken_day is not None:
            raw.append(spoken_day)
            i = spoken_day["i1"]
            continue
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
            day_of_month = _day_after_weekday(toks, lower, k) if len(days) == 1 else None
            if day_of_month is not None:
                # "the samples of Thursday 10", "on Friday the 11th": a day of the report's month,
                # the way Romance and Slavic languages date a day and their translations keep it;
                # its month comes from the report's own day (``_resolve_relative``).
                day, k_end = day_of_month
                digits = next(x for x in range(k_end - 1, k - 1, -1) if toks[x][0].isdigit())
                raw.append(dict(start=toks[digits][1], end=toks[k_end - 1][2] if lower[k_end - 1] in _ORDINAL_SUFFIX
                                else toks[digits][2], unit="date", value=(0, day),
                                lo=0, hi=0, exact=True, i0=k, i1=k_end, relative=("month", 0)))
                k = k_end
            i = k
            continue
        century = _century(toks, lower, i)
        if century is not None:
            raw.append(century)
            i = century["i1"]
            continue
        if _YEAR_FIRST_DATE_RE.fullmatch(w):
            year_s, month_s, day_s = re.split(r"[./]", w)
            raw.append(dict(start=ts, end=te, unit="date", value=(int(month_s), int(day_s)), lo=0, hi=0, exact=True,
                            i0=i, i1=i + 1))
            raw.append(dict(start=ts, end=ts + 4, unit="year", value=float(year_s), lo=float(year_s),
                            hi=float(year_s), exact=True, i0=i, i1=i + 1))
            i += 1
            continue
        if _NUMERIC_DATE_RE.fullmatch(w):
            # "15.09.2026": its year is a printed year like any other (the story's calendar reads
            # it). Its day and month are read when the printing says which is which (see
            # ``_day_first``); a slash date both ways valid ("04/05/2026") is read day-first, with
            # its month-first reading kept for ``settle_slash_dates`` to choose.
            md = _day_first(w)
            swapped = _month_first(w) if md is None else None
            if swapped is not None:
                md = (swapped[1], swapped[0])
            if md is not None:
                raw.append(dict(start=ts, end=te, unit="date", value=md, lo=0, hi=0, exact=True, i0=i, i1=i + 1,
                                month_first=swapped if swapped != md else None))
            year = w[-4:]
            if year.isdigit() and year[:2] in ("19", "20"):
                raw.append(dict(start=te - 4, end=te, unit="year", value=float(year), lo=float(year),
                                hi=float(year), exact=True, i0=i, i1=i + 1))
            i += 1
            continue
        dotted = _dotted_date(toks, lower, i)
        if dotted is not None:
            raw.extend(dotted)
            i = dotted[-1]["i1"]
            continue
        clock = _time_of_day(toks, lower, i)
        if clock is not None:
            raw.append(clock)
            i = clock["i1"]
            continue
        # Quantities: a duration of several units or a race time first ("1 minute 10 seconds",
        # "2:14:27"), then one figure.
        parsed = _duration(toks, lower, i) or _quantity(toks, lower, i)
        if parsed is not None:
            raw.append(parsed)
            i = parsed["i1"]
            continue
        i += 1
    return join_durations(p, _finish(p, toks, lower, raw))


_PARTS_OF = {"year": ("month", 12), "week": ("day", 7), "day": ("hour", 24), "hour": ("minute", 60),
             "minute": ("second", 60)}
"""A unit of time and the next smaller one a length of time is printed in with it ("three years
and four months"), with how many of the smaller one it holds."""
_DURATION_JOIN_RE = re.compile(r"\s*[^\W\d_]+\s+(?:and\s+)?")


def join_durations(p: Passage, mentions: list[Mention]) -> list[Mention]:
    """One length of time printed in two units ("three years and four months", "2 hours 15
    minutes") read as one mention in the smaller unit (40 months, 135 minutes): a report that
    gives "40 months" says the same, and the parts alone are no counterparts of it. In: the
    passage and its mentions in text order. Out: the mentions, each such pair joined (spanning
    both figures, the larger one's order), the units' orders renumbered."""
    out: list[Mention] = []
    joined = False
    for m in mentions:
        prev = out[-1] if out else None
        big = prev.measure[1] if prev is not None and prev.measure and prev.measure[0] == "time" else ""
        if prev is not None and big in _PARTS_OF and prev.unit == m.unit == "count" and not prev.derived \
                and not m.derived and m.measure == ("time", _PARTS_OF[big][0]) and isinstance(prev.value, float) \
                and isinstance(m.value, float) and m.value < _PARTS_OF[big][1] and m.hedge == "" \
                and _DURATION_JOIN_RE.fullmatch(p.text[prev.end - p.start:m.start - p.start]):
            k = _PARTS_OF[big][1]
            out[-1] = replace(m, start=prev.start, text=p.text[prev.start - p.start:m.end - p.start],
                              value=prev.value * k + m.value, lo=prev.lo * k + m.value, hi=prev.hi * k + m.value,
                              exact=prev.exact, hedge=prev.hedge, order=prev.order,
                              context=prev.context | m.context, np=prev.np | m.np)
            joined = True
            continue
        out.append(m)
    if not joined:
        return mentions
    ranks: Counter[str] = Counter()
    renumbered = []
    for m in out:
        renumbered.append(replace(m, order=ranks[m.unit]) if m.order != ranks[m.unit] else m)
        ranks[m.unit] += 1
    return renumbered


_DATE_UNITS = frozenset({"year", "date", "weekday", "month", "century", "clock"})
"""Units of dates: a month alone ("in July") is one, valued by its number; a century ("the 3rd
century", "the fourth century BC") by its ordinal, negative before the era."""

_ORDINAL_WORDS = {w: i for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split(), 1)}
_ORDINAL_WORDS["twenty-first"] = 21
_DAY_ORDINALS = {**_ORDINAL_WORDS, **{f"twenty-{w}": 20 + k for w, k in _ORDINAL_WORDS.items() if k < 10},
                 "thirtieth": 30, "thirty-first": 31}
"""The days of a month as ordinal words, "first" to "thirty-first"."""
_CENTURY_WORDS = frozenset({"century", "centuries"})


def _dates_a_day(lower: Sequence[str], i: int) -> bool:
    """Whether the words before token ``i`` put a day of the month there, so that a number, "of"
    and a month at ``i`` ("19 of March", the day as Romance and Slavic languages print it and
    their translations keep it) is a date, not a count of something of March's: a weekday ("on
    Tuesday 19 of March"), "the" ("the 4 of June"), a date preposition ("until 28 of March"), or a
    weekday and the comma a translation keeps after it ("on Monday, 17 of February", from "lundi,
    17 février", "понедельник, 17 февраля")."""
    if i == 0:
        return False
    before = lower[i - 1]
    return before in _WEEKDAYS or before == "the" or before in _DATE_PREPOSITIONS \
        or (before == "," and i > 1 and lower[i - 2] in _WEEKDAYS)


def _day_ordinal(lower: Sequence[str], k: int) -> tuple[int, int] | None:
    """The day of a month spelt as an ordinal word at token ``k`` ("fourth", "twenty-first",
    "twenty first"), with the index after it; None when there is none."""
    if k + 1 < len(lower) and lower[k] in ("twenty", "thirty") and f"{lower[k]}-{lower[k + 1]}" in _DAY_ORDINALS:
        return _DAY_ORDINALS[f"{lower[k]}-{lower[k + 1]}"], k + 2
    return (_DAY_ORDINALS[lower[k]], k + 1) if k < len(lower) and lower[k] in _DAY_ORDINALS else None


def _spoken_day(toks: Sequence[tuple[str, int, int]], lower: Sequence[str], i: int) -> dict | None:
    """A date as it is spoken, an ordinal word, "of" and a month ("the fourth of June", "the
    twenty-first of March"), read like "4 June"; None when the tokens at ``i`` are no such date.
    Transcripts and speech-to-text print dates so."""
    day = _day_ordinal(lower, i)
    if day is None:
        return None
    k = day[1]
    if k + 1 >= len(toks) or lower[k] != "of" or lower[k + 1] not in _MONTHS or not toks[k + 1][0][0].isupper():
        return None
    return dict(start=toks[i][1], end=toks[k + 1][2], unit="date", value=(_MONTHS[lower[k + 1]], day[0]), lo=0, hi=0,
                exact=True, i0=i, i1=k + 2)

_BEFORE_ERA = frozenset({"bc", "bce", "b.c", "b.c.e"})


_AFTER_DAY_NUMBER = frozenset({"a", "an", "the", "and", "at", "in", "on", "when", "after", "before", "with",
                               "from", "while", "during"})
"""Words that may follow the day number after a weekday ("samples of Thursday 10 a concentration",
"on Friday 11 at dawn"): no noun a figure could count ("on Thursday 10 trucks")."""


_ORDINAL_DAY_PREPOSITIONS = frozenset({"on", "from", "until", "till", "since", "by", "of", "before", "after"})
"""Words before "the 17th" that make it a day: "announced on the 17th", "resume from the 16th",
"the closing price of the 6th"."""


def _ordinal_day_alone(toks: Sequence[tuple[str, int, int]], lower: Sequence[str], i: int) -> dict | None:
    """A day of the month printed as an ordinal without its month after a word that puts a day
    there ("announced on the 17th", "from the 16th (Monday)"): the way Japanese, Korean and
    Chinese news date an event of the report's own month ("17日", "12일", "20日"), which their
    machine translations print so. A raw date of the report's month (``_resolve_relative``), or
    None when the tokens at ``i`` are no such day: a month or "of" after it is a full date (read
    elsewhere), and a word that may be counted after it ("the 17th century", "the 60th
    festival", "the 64th-minute") makes it an ordinal of something else."""
    n = len(toks)
    w, ts, te = toks[i]
    if not _day_number(w) or len(w) > 2 or i < 2 or lower[i - 1] != "the" \
            or lower[i - 2] not in _ORDINAL_DAY_PREPOSITIONS:
        return None
    if i + 1 >= n or lower[i + 1] not in _ORDINAL_SUFFIX or toks[i + 1][1] != te:
        return None
    k = i + 2
    if k < n and toks[k][1] == toks[i + 1][2] and (toks[k][0][:1].isalnum() or toks[k][0] in "-–"):
        return None  # "the 12th-century", "the 64th-minute"
    nxt = lower[k] if k < n else ""
    if nxt[:1].isalnum() and nxt not in _AFTER_DAY_NUMBER and (nxt not in FUNCTION_WORDS or nxt in ("one", "ones")):
        # "on the 17th floor", "the 3rd round": an ordinal of a noun. A function word after it
        # counts nothing ("announced on the 9th that it will", "on the 17th its results").
        return None
    if nxt == "of" or nxt.rstrip(".") in _MONTHS:
        return None
    return dict(start=ts, end=toks[i + 1][2], unit="date", value=(0, int(w)), lo=0, hi=0, exact=True, i0=i,
                i1=k, relative=("month", 0))


def _day_after_weekday(toks: Sequence[tuple[str, int, int]], lower: Sequence[str], k: int
                       ) -> tuple[int, int] | None:
    """The day of the month printed right after a weekday at token ``k`` ("Thursday 10", "Friday
    the 11th", "Monday 3rd,"), with no month after it (then the month-day reading takes it), and
    the index after it; None when the tokens there are no such day. A bare number must be followed
    by punctuation, the passage's end or a word that cannot be counted (``_AFTER_DAY_NUMBER``)."""
    n = len(toks)
    if k + 2 < n and toks[k][0] == "(" and toks[k + 2][0] == ")" and _day_number(toks[k + 1][0]):
        # "this Thursday (13)": the Brazilian press's day of the month in brackets after the
        # weekday ("nesta quinta-feira (13)"), kept by its translations.
        return int(toks[k + 1][0]), k + 3
    j = k + 1 if k < n and lower[k] == "the" else k
    if j >= n or not toks[j][0].isdigit() or not 1 <= int(toks[j][0]) <= 31 or len(toks[j][0]) > 2:
        return None
    end = j + 1
    ordinal = end < n and lower[end] in _ORDINAL_SUFFIX and toks[end][1] == toks[j][2]
    if ordinal:
        end += 1
    if end < n and (lower[end].rstrip(".") in _MONTHS or lower[end] == "of"
                    or (toks[end][0] == "." and end + 1 < n and lower[end + 1] in _MONTHS)):
        return None  # "Thursday 10 September", "Friday the 11th of September", "Thursday 6. February"
    if not ordinal:
        if j != k:
            return None  # "on Friday the 11 ..." is no way to print a day
        nxt = lower[end] if end < n else ""
        if nxt and nxt[0].isalnum() and nxt not in _AFTER_DAY_NUMBER:
            return None
        if nxt in ("a", "p") and end + 1 < n and toks[end + 1][0] == ".":
            return None  # "Thursday 10 a.m.": a time
        if nxt and not nxt[0].isalnum() and nxt not in (",", ".", ";", ")", "—", "–", "-"):
            return None  # "Thursday 10:30", "Thursday 10%"
        if nxt == "." and end + 2 < n and _day_number(toks[end + 1][0]) and int(toks[end + 1][0]) <= 12 \
                and toks[end + 2][0] == "." and toks[end + 2][1] == toks[end + 1][2]:
            return None  # "Monday 16. 10.": a day and its month printed with dots (``_dotted_date``)
    return int(toks[j][0]), end


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


_SLASH_OR_DOT_RE = re.compile(r"(\d{1,2})([./])(\d{1,2})[./]")
_DAY_MONTH_RE = re.compile(r"(\d{1,2})\.(\d{1,2})")
_DATE_PREPOSITIONS = frozenset({"on", "until", "till", "from", "since", "by", "before", "after", "dated"})
"""Words that put a day right after them: with one of them before it, "24.3." followed by a word
in lower case is a date (a list "1. 2. and 3." or a decimal figure has none of them)."""


_DAY_PREPOSITIONS = frozenset({"on", "until", "till", "dated"})
"""Words that put nothing but a day after them (never a figure that rises or falls)."""


_RECURRENCE_WORDS = frozenset({"every", "each"})
"""Words before a figure that make it the interval of something recurring ("every ten days")."""


def _day_first(word: str) -> tuple[int, int] | None:
    """(month, day) of a date printed in figures ("25.10.2026", "3.4.2025", "18/09/2025"), or None
    when the printing does not say which figure is the day. Dots separate day, month and year in
    that order wherever they are used (German, Nordic, Slavic, Finnish, Turkish dates; a year
    printed first has four digits and is not matched); slashes are day-first in most countries and
    month-first in the US, so a slash date is read only when one order alone is valid
    ("18/09/2025", "09/18/2025")."""
    m = _SLASH_OR_DOT_RE.match(word)
    if m is None:
        return None
    a, b = int(m.group(1)), int(m.group(3))
    if m.group(2) == ".":
        return (b, a) if 1 <= a <= 31 and 1 <= b <= 12 else None
    if 1 <= a <= 31 and 1 <= b <= 12 and not (a <= 12):
        return (b, a)
    if 1 <= b <= 31 and 1 <= a <= 12 and not (b <= 12):
        return (a, b)
    return None


def _month_first(word: str) -> tuple[int, int] | None:
    """(month, day) of a slash date both ways valid ("04/05/2026", "7/11/2026") read month-first,
    or None when the word is no such date."""
    m = _SLASH_OR_DOT_RE.match(word)
    if m is None or m.group(2) != "/":
        return None
    a, b = int(m.group(1)), int(m.group(3))
    return (a, b) if 1 <= a <= 12 and 1 <= b <= 12 else None


def settle_slash_dates(by_passage: dict[str, list[Mention]]) -> dict[str, list[Mention]]:
    """Read each slash date both ways valid ("04/05/2026") in the order its page says.

    Slashes put the day first in most of the world and the month first in the US; the page tells
    which, in this order: (1) the source's own slash dates that read one way only ("18/09/2026"
    day-first, "09/18/2026" month-first), when they all read one way; (2) the weekday printed right
    beside it with its year ("Tuesday 04/05/2026"), when it falls on one reading only; (3) the other
    sources, when some give one reading as a date and none the other. Failing all three it stays
    day-first, the order of most of the world. In: the mentions by passage (``mentions_in``). Out:
    the same, every such date read one way (``value``) and ``month_first`` cleared."""
    ambiguous = [m for ms in by_passage.values() for m in ms if m.month_first is not None]
    if not ambiguous:
        return by_passage
    order: dict[str, set[str]] = defaultdict(set)  # source -> "day"/"month": its unambiguous slash dates
    given: dict[tuple[int, int], set[str]] = defaultdict(set)  # (month, day) -> the sources giving it
    for ms in by_passage.values():
        for m in ms:
            if m.unit != "date" or m.derived or m.month_first is not None:
                continue
            given[m.value].add(m.source)  # type: ignore[index]
            slash = _SLASH_OR_DOT_RE.match(m.text)
            if slash is not None and slash.group(2) == "/":
                order[m.source].add("day" if int(slash.group(1)) > 12 else "month")
    out: dict[str, list[Mention]] = {}
    for pid, ms in by_passage.items():
        settled = []
        for m in ms:
            if m.month_first is not None:
                day_first = m.value
                pick = _slash_order(m, ms, order.get(m.source, set()), given)
                m = replace(m, value=m.month_first if pick == "month" else day_first, month_first=None)
            settled.append(m)
        out[pid] = settled
    return out


def _slash_order(m: Mention, passage_mentions: list[Mention], own: set[str],
                 given: dict[tuple[int, int], set[str]]) -> str:
    """"day" or "month": the order ambiguous slash date ``m`` is read in (``settle_slash_dates``)."""
    if len(own) == 1:
        return next(iter(own))
    year = _YEAR_RE.search(m.text[-4:])
    weekday = next((w for w in passage_mentions if w.unit == "weekday" and not w.derived and w.relative is None
                    and len(w.value) == 1 and printed_beside(w, m)), None)  # type: ignore[arg-type]
    if year is not None and weekday is not None:
        fits = [o for o, md in (("day", m.value), ("month", m.month_first))
                if (d := calendar_day(int(year.group()), md)) is not None  # type: ignore[arg-type]
                and frozenset({d.weekday()}) == weekday.value]
        if len(fits) == 1:
            return fits[0]
    by_day = given.get(m.value, set()) - {m.source}  # type: ignore[arg-type]
    by_month = given.get(m.month_first, set()) - {m.source}  # type: ignore[arg-type]
    return "month" if by_month and not by_day else "day"


def _dotted_date(toks: Sequence[tuple[str, int, int]], lower: Sequence[str], i: int) -> list[dict] | None:
    """A day-first date printed with dots over several tokens, as Central European and Nordic
    outlets print it and translations keep it: "25. 1. 2027" (spaced, with its year: a date and a
    year) or "24.3." / "24. 3." (no year: a date only when a weekday stands right before it, or a
    word that puts a day after it ("until 24.3. if") with a comma or a word in lower case after:
    "rose by 24.3. Then" ends a sentence with a decimal figure, "1. 2. and 3." is a list). Out:
    the raw mentions (a date, then its year when printed), or None."""
    n = len(toks)
    w, ts, te = toks[i]
    if i + 1 >= n or toks[i + 1][0] != "." or toks[i + 1][1] != te:
        return None
    compact = _DAY_MONTH_RE.fullmatch(w)
    if compact is not None:
        day, month, k = int(compact.group(1)), int(compact.group(2)), i + 2
    elif w.isdigit() and i + 3 < n and toks[i + 2][0].isdigit() and toks[i + 3][0] == "." \
            and toks[i + 3][1] == toks[i + 2][2] and toks[i + 2][1] - toks[i + 1][2] <= 1:
        day, month, k = int(w), int(toks[i + 2][0]), i + 4
    else:
        return None
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    end = toks[k - 1][2]
    out = [dict(start=ts, end=end, unit="date", value=(month, day), lo=0, hi=0, exact=True, i0=i, i1=k)]
    if k < n and re.fullmatch(r"(19|20)\d\d", toks[k][0]) and toks[k][1] - end <= 1:
        year = float(toks[k][0])
        out.append(dict(start=toks[k][1], end=toks[k][2], unit="year", value=year, lo=year, hi=year, exact=True,
                        i0=k, i1=k + 1))
        return out
    after_word = k < n and (toks[k][0] == "," or (toks[k][0][:1].isalpha() and toks[k][0][:1].islower()))
    weekday_before = i > 0 and lower[i - 1].rstrip(".") in _WEEKDAYS
    dated_before = i > 0 and lower[i - 1] in _DATE_PREPOSITIONS
    # "on 25.05." at the end of a sentence: a month printed with its zero ("05") after a word that
    # names a day ("on", "until"; not "by" or "from", which a rise or a fall puts before a decimal
    # figure) is a date before a new sentence or the passage's end too.
    padded = compact is not None and compact.group(2)[0] == "0" and len(compact.group(2)) == 2 \
        and lower[i - 1] in _DAY_PREPOSITIONS and (k == n or toks[k][0][:1].isupper())
    return out if weekday_before or (dated_before and (after_word or padded)) else None


def _day_number(word: str) -> bool:
    """Whether a token is a day of the month printed in digits."""
    return word.isdigit() and 1 <= int(word) <= 31


_RELATIVE_DAYS = {"yesterday": ("day", -1), "tomorrow": ("day", 1)}
_TWO_DAYS_OFF = {("before", "yesterday"): ("day", -2), ("after", "tomorrow"): ("day", 2)}
_RELATIVE_PAIRS = {("last", "night"): ("day", -1), ("last", "year"): ("year", -1), ("next", "year"): ("year", 1),
                   ("this", "year"): ("year", 0), ("this", "morning"): ("day", 0), ("this", "afternoon"): ("day", 0),
                   ("this", "evening"): ("day", 0)}
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
                and not (i + 1 < len(toks) and (stem(toks[i + 1][0].lower()) in unit_stems()
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
                and nw not in _TEMPERATURE_LETTERS and not _glued_unit(nw):
            return True
    return False


def _glued_unit(word: str) -> bool:
    """Whether letters printed right after a figure are the abbreviation of a unit of measurement
    ("3.2kg", "40km", "300MW"), not the rest of a name or code ("5G", "3D", "737MAX"): two to four
    letters that name a unit."""
    return 2 <= len(word) <= 4 and word.isalpha() and unit_stems().get(stem(word.lower())) is not None


_CLOCK_RE = re.compile(r"([01]?\d|2[0-4])[.,:]([0-5]\d)")
_TIME_WORDS = frozenset({"hour", "hours", "h", "hrs", "am", "pm", "a.m", "p.m", "gmt", "utc", "local", "o'clock"})


_CLOCK_AFTER = frozenset({"a.m", "p.m", "am", "pm", "o'clock"})
"""Words after an hour that make it a time of day ("9 p.m.", "two o'clock"), never a count."""

_DAY_HALVES = {("in", "the", "morning"): 0, ("in", "the", "afternoon"): 12, ("in", "the", "evening"): 12,
               ("at", "night"): 12}
_ZONE_RE = re.compile(r"[A-Z]{2,4}")


def _time_of_day(toks: Sequence[tuple[str, int, int]], lower: Sequence[str], i: int) -> dict | None:
    """A time of day at ``i`` that says which half of the day it is in: "9 p.m.", "9.30 am",
    "two o'clock in the morning", "seven o'clock in the evening". Its unit is "clock", its value
    the minutes since midnight: the moment of an event, judged like a date ("at 8 a.m." where two
    reports say "at two o'clock in the morning" is a slip). None for anything else, and for a time
    given in a named zone ("3 p.m. GMT", "9 a.m. EST"): a report may give the moment in another
    zone than the others, which is no disagreement."""
    n = len(toks)
    w = lower[i]
    minutes = 0
    if w.isdigit():
        hour, k = int(w), i + 1
        if k + 1 < n and toks[k][0] in (":", ".") and toks[k][1] == toks[i][2] and re.fullmatch(r"[0-5]\d", toks[k + 1][0]):
            minutes, k = int(toks[k + 1][0]), k + 2
        elif re.fullmatch(r"\d{1,2}[.:][0-5]\d", toks[i][0]):
            hour, minutes = int(w[:-3]), int(w[-2:])
    elif re.fullmatch(r"\d{1,2}[.:][0-5]\d", w):
        hour, minutes, k = int(w[:-3]), int(w[-2:]), i + 1
    elif w in _ONES[1:13]:
        hour, k = _ONES.index(w), i + 1
    else:
        return None
    if not 1 <= hour <= 12 or k >= n:
        return None
    if lower[k] in ("a.m", "am", "p.m", "pm"):
        half = 12 if lower[k][0] == "p" else 0
        end = k + 1
    elif lower[k] == "o'clock":
        end = k + 1
        half = next((h for words, h in _DAY_HALVES.items() if tuple(lower[end:end + len(words)]) == words), None)
        if half is None:
            return None  # "at two o'clock": two or fourteen
        end += next(len(words) for words, h in _DAY_HALVES.items() if tuple(lower[end:end + len(words)]) == words)
    else:
        return None
    if not w[:1].isdigit() and lower[k] != "o'clock":
        return None  # "nine am": no way a figure is printed in a report
    z = end + 1 if end < n and toks[end][0] == "." and toks[end][1] == toks[end - 1][2] else end
    if z < n and (lower[z] in ("gmt", "utc") or (_ZONE_RE.fullmatch(toks[z][0]) and lower[z] not in ("a", "i"))):
        return None
    value = float((hour % 12 + half) * 60 + minutes)
    return dict(start=toks[i][1], end=toks[end - 1][2], unit="clock", value=value, lo=value, hi=value, exact=True,
                i0=i, i1=end)


_CLOCK_SPAN = 6
"""Tokens either side of a date within which a time of day ("at 2:20 p.m.") is the time of its event."""
_CLOCK_TEXT_RE = re.compile(r"(\bat\s+)?(?<![\d.,:])([01]?\d|2[0-3])(?:([:.])([0-5]\d))?(?![\d%])"
                            r"\s*(?:([ap])\.?\s?m\b\.?|(h\b|hrs\b|hours\b))?", re.I)
_CLOCK_MARK = "⟨"
"""What opens an anchor that is a moment, not an event word: a time of day ("⟨14:20⟩"), the year
printed with a month ("⟨y2027⟩")."""
_YEAR_RE = re.compile(r"(?:19|20)\d\d")
YEAR_MARK = _CLOCK_MARK + "y"
_DAY_MARK = _CLOCK_MARK + "d"
"""What opens the anchor of a year printed with its month and day ("⟨d4-1⟩")."""
_MONTH_MARK = _CLOCK_MARK + "m"
"""What opens the anchor of a year printed with its month alone ("December 2027": "⟨m12⟩")."""


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


def event_words(anchor: frozenset[str]) -> frozenset[str]:
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


def _currency_letters(toks: Sequence[tuple[str, int, int]], lower: Sequence[str], i: int) -> bool:
    """Whether the letters at ``i`` (``_CURRENCY_LETTERS``) are a currency's sign before the figure
    after them: glued to it or one space before it ("RM300 million", "Rs 500"), a single letter
    only glued and before a figure that is plainly an amount ("P41.6 billion", "P1,250",
    "P80-billion"; not "the P30 phone")."""
    w, _, te = toks[i]
    fig, fs, _ = toks[i + 1]
    if fs != te:
        return len(w) > 1 and fs == te + 1
    if len(w) > 1:
        return True
    k = i + 2
    if k + 1 < len(toks) and toks[k][0] in ("-", "–") and toks[k][1] == toks[k - 1][2]:
        k += 1
    return bool(re.search(r"\d[.,'’]\d", fig)) or (k < len(toks) and (lower[k] in _SCALES or lower[k] in _SCALE_ABBR))


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
    elif w in _CURRENCY_LETTERS and i + 1 < n and toks[i + 1][0][:1].isdigit() and _currency_letters(toks, lower, i):
        currency = _CURRENCY_LETTERS[w]
        i += 1
    elif w in _CURRENCY_LETTERS and i + 2 < n and toks[i + 1][0] == "." and toks[i + 2][0][:1].isdigit() \
            and len(w) > 1 and toks[i + 1][1] == toks[i][2]:
        currency = _CURRENCY_LETTERS[w]  # "Rs. 5,000"
        i += 2
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
    elif lower[i] in _CURRENCY_WORDS and i + 2 < n and toks[i + 1][0][:1].isdigit() and toks[i + 1][1] > toks[i][2] \
            and lower[i + 2] in _SCALES and zipf(lower[i], "en") < _CURRENCY_WORD_ZIPF:
        # "naira 840 million", "rupiah 15 billion": a singular name no English word shares, before
        # an amount a scale word makes plain ("won 3 medals", "real 5 million fans" stay counts).
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
        if run is None and lower[i] == "one" and currency is None:
            run = (1.0, i + 1) if _ratio(toks, lower, i, 1.0, i + 1) is not None else None  # "one in five"
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
    if currency is None and j < n and lower[j] in _CLOCK_AFTER and value == int(value) and 0 <= value <= 12:
        return None  # "at 9 p.m.", "two o'clock in the morning": a time of day, no count
    if currency is None:
        ratio = _ratio(toks, lower, i, value, j)
        if ratio is not None:
            return dict(start=toks[start_i][1], end=toks[ratio[1] - 1][2], unit="fraction", value=ratio[0],
                        lo=ratio[0], hi=ratio[0], exact=True, i0=start_i, i1=ratio[1], alt=None)
    era = currency is None and len(w) == 4 and w.isdigit() and _other_era(toks, lower, i, j)
    # Scale: "1.2 billion", "5m", "3bn", "7.82 lakh", "12 crore", "three dozen".
    scale = 1.0
    if j < n and lower[j] == "dozen" and currency is None:
        return _dozens(toks, lower, start_i, value, j)
    if j + 1 < n and toks[j][0] in ("-", "–") and toks[j][1] == toks[j - 1][2] and toks[j + 1][1] == toks[j][2] \
            and lower[j + 1] in _SCALES and lower[j + 1] != "hundred":
        # "a P30-billion reserve price", "a $2-million deal": the scale joined to the figure by a
        # hyphen, as a compound adjective is (never "a 60-hundred").
        scale = _SCALES[lower[j + 1]]
        j += 2
    elif j < n and (lower[j] in _SCALES or lower[j] in _INDIAN_SCALES):
        scale = _SCALES.get(lower[j]) or _INDIAN_SCALES[lower[j]]
        j += 1
        rest = _smaller_part(toks, lower, j, scale, between=start_i > 0 and lower[start_i - 1] == "between")
        last_scale = scale
        if rest is not None:
            # "7 lakh 82 thousand", "1 trillion 200 billion yen": one figure in two parts.
            value += rest[0] / scale
            j = rest[1]
            last_scale = _SCALES.get(lower[j - 1]) or _INDIAN_SCALES[lower[j - 1]]
        whole = abs(value * scale - round(value * scale)) < 1e-6
        units = _units_after_scale(toks, lower, j, last_scale) if whole else None
        if units is not None:
            # "14 thousand 500 hectares", "1 lakh 84 thousand 500 candidates": 14,500 and 184,500
            # (summed in whole units: 1.84 lakh plus 500 is no exact float).
            value, scale = float(round(value * scale) + units[0]), 1.0
            alt = None
            j = units[1]
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
        if other is not None and after_unit is not None and other > value \
                and (after_unit[0] != "num" or _count_range(toks, lower, start_i, j, value, other)):
            lo_v, hi_v = value, other
            alt = None
            j = k + 1
        elif other is not None and other <= value and lower[j] in ("-", "–") and toks[j][1] == toks[j - 1][2] \
                and toks[k][1] == toks[j][2] and after_unit is not None and after_unit[0] == "num" \
                and re.fullmatch(r"[1-9]\d{0,2}", w) and re.fullmatch(r"[1-9]\d{0,2}", toks[k][0]):
            # "a 3-2 win", "voted 26-15", a range printed backwards ("31-14 years"): the first
            # figure counts what follows the pair (the second is never read alone: it is glued).
            # Plain figures of up to three digits only: "2026-03-14" is a date, "1921-91" years.
            j = k + 1
    # The sign after the figure, as much of Europe and Vietnam print it ("3,5 Mio. €", "40 €",
    # "1.250.000₫"); not "$", whose place after a figure is a typo as often as a sign.
    sign = j + 1 if j + 1 < n and toks[j][0] == "." and lower[j - 1] in _SCALE_ABBR_ABROAD else j
    if currency is None and sign < n and toks[sign][0] in _CURRENCY_SYMBOLS and toks[sign][0] != "$" \
            and not (sign + 1 < n and toks[sign + 1][0][:1].isdigit()):
        currency = _CURRENCY_SYMBOLS[toks[sign][0]]
        j = sign + 1
    u = _unit_at(toks, lower, j)
    if currency is not None:
        unit = f"cur:{currency}"
        if u is not None and u[0].startswith("cur:"):
            j = u[1]
            if toks[start_i][0] == "$" and u[0] != "cur:USD":
                # A bare dollar sign is also the peso's and many dollars' sign: the name printed
                # after the figure says which ("$30.50 pesos", "$12 Fijian dollars").
                unit = u[0]
    elif u is not None and u[0] != "num":
        unit, j = u
    else:
        unit = "num"
    year = (unit == "num" and lo_v == hi_v and w.isdigit() and len(w) == 4 and not era
            and (1900 <= value <= 2099 or (1000 <= value < 1900 and _year_of_the_past(lower, start_i, j))))
    if year:
        unit = "year"
    return dict(start=toks[start_i][1], end=toks[j - 1][2], unit=unit, value=value, lo=lo_v, hi=hi_v,
                exact=lo_v == hi_v, i0=start_i, i1=j, alt=None if year else alt, era=era)


_PAST_YEAR_BEFORE = frozenset({"in", "since"})
"""Words after which a four-digit figure of nothing named is a year however long ago ("built in
1855", "a town since 1611"): English counts nothing with a bare "in 1855"."""


def _year_of_the_past(lower: Sequence[str], i: int, j: int) -> bool:
    """Whether the four-digit figure of tokens ``i``..``j`` (no unit read after it), earlier than
    1900, is a year: "in"/"since" right before it, and no figure right after it (not "in 1500 to
    2000 cases"). Years from 1900 on are read as years wherever they stand; an older one only
    where English plainly dates something, as a count of 1,855 is as likely as the year."""
    return i > 0 and lower[i - 1] in _PAST_YEAR_BEFORE and not (j < len(lower) and lower[j][:1].isdigit())


_INDIAN_SCALES = {"lakh": 1e5, "lakhs": 1e5, "lac": 1e5, "lacs": 1e5, "crore": 1e7, "crores": 1e7}
"""The South Asian scale words (a lakh is 100,000, a crore 10 million): "7.82 lakh" is 782,000."""

_FRACTION_NUMERATORS = {w: i for i, w in enumerate("one two three four five six seven eight nine".split(), 1)}
_FRACTION_DENOMINATORS = {w: d for d, ws in ((3, "third thirds"), (4, "quarter quarters fourth fourths"),
                                            (5, "fifth fifths"), (6, "sixth sixths"), (7, "seventh sevenths"),
                                            (8, "eighth eighths"), (9, "ninth ninths"), (10, "tenth tenths"))
                          for w in ws.split()}
_FRACTION_RE = re.compile(r"([a-z]+)-([a-z]+)")


_ERA_MARKS = frozenset({"bs", "b.s", "be", "b.e", "ah", "a.h", "vs", "v.s", "sh", "s.h", "ec", "e.c"})
_CALENDAR_NAMES = frozenset({"nepali", "nepal", "buddhist", "thai", "hijri", "islamic", "persian", "iranian", "solar",
                             "lunar", "bikram", "sambat"})
"""How a year of another calendar is told: an era printed in capitals right after or before it
("2082 BS" of Nepal's Bikram Sambat, "B.E. 2569" of the Thai Buddhist era, "1447 AH"), or a
calendar's name before "year"/"era" ("the Nepali year 2082", "Buddhist Era 2569"). Such a year is
no Gregorian year, whatever its digits."""


def _other_era(toks: Sequence[tuple[str, int, int]], lower: Sequence[str], i: int, j: int) -> bool:
    """Whether the four-digit figure at ``i`` (ending before ``j``) is a year of another calendar
    (``_CALENDAR_NAMES``)."""
    def era(k: int) -> bool:
        w = toks[k][0]
        return w.replace(".", "").isupper() and w.lower().rstrip(".") in _ERA_MARKS
    if j < len(toks) and era(j):
        return True
    k = i - 1
    if k >= 0 and toks[k][0] == ".":
        k -= 1
    if k >= 0 and era(k):
        return True
    return k >= 1 and lower[k] in ("year", "era", "calendar") and lower[k - 1] in _CALENDAR_NAMES


def _count_range(toks: Sequence[tuple[str, int, int]], lower: Sequence[str], start_i: int, j: int,
                 value: float, other: float) -> bool:
    """Whether two figures of nothing but a noun are the ends of one range ("between 40 and 50
    people", "40-50 people", "40 to 50 people", "four or five houses"): the word between them (at
    ``j``) joins a range, and neither figure is a year ("between 2017 and 2021") nor is a scale
    left to the second ("between 1.2 and 1.5 million" scales both). "From 40 to 50" is a change
    from one figure to another, not a range."""
    if value == int(value) and other == int(other) and 1900 <= value <= 2099 and 1900 <= other <= 2099:
        return False
    k = j + 2
    if k < len(toks) and (lower[k] in _SCALES or lower[k] in _INDIAN_SCALES or lower[k] in _SCALE_ABBR):
        return False
    before = lower[start_i - 1] if start_i > 0 else ""
    word = lower[j]
    if word == "and":
        return before == "between"
    if word in ("-", "–"):
        return toks[j][1] == toks[j - 1][2] and toks[j + 1][1] == toks[j][2]
    if word == "to":
        return before not in ("from", "by")
    return word == "or"


def _ratio(toks: Sequence[tuple[str, int, int]], lower: Sequence[str], i: int, value: float, j: int
           ) -> tuple[float, int] | None:
    """"one in five adults", "1 in 20 patients": a ratio, read as the fraction it is (0.2), with the
    index after it; None when ``value`` at ``i`` (ending before ``j``) is no ratio's first figure.
    The second figure is larger and no year ("three in 2024" dates three of something)."""
    if j + 1 >= len(toks) or lower[j] != "in" or value != int(value) or value < 1:
        return None
    w = toks[j + 1][0]
    if w[:1].isdigit():
        other = _num(w) if w.isdigit() else None
        k = j + 2
        if other is not None and len(w) == 4 and 1900 <= other <= 2099:
            return None
    else:
        run = _number_word_run(toks, j + 1)
        other, k = run if run is not None else (None, j + 1)
    if other is None or other <= value or (k < len(toks) and (lower[k] in _SCALES or lower[k] in _INDIAN_SCALES)):
        return None
    return value / other, k


def _fraction(lower: Sequence[str], i: int) -> tuple[float, int] | None:
    """A fraction in words at ``i`` ("two-thirds", "three fifths", "one-quarter"): its value and the
    index after it; None when there is none. Its own kind of quantity: "a two-thirds majority" and
    "a three-fifths majority" disagree, and neither is a count of anything."""
    found = _FRACTION_RE.fullmatch(lower[i])
    if found:
        num, den, j = found.group(1), found.group(2), i + 1
    elif lower[i] in _FRACTION_NUMERATORS and i + 1 < len(lower):
        num, den, j = lower[i], lower[i + 1], i + 2
    elif lower[i] in ("a", "an") and i + 2 < len(lower) and lower[i + 1] in _FRACTION_DENOMINATORS \
            and lower[i + 2] == "of":
        # "a fifth of the staff", "a quarter of the budget"; not "a third attempt".
        num, den, j = "one", lower[i + 1], i + 2
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


def _units_after_scale(toks: Sequence[tuple[str, int, int]], lower: Sequence[str], j: int, last_scale: float
                       ) -> tuple[float, int] | None:
    """The plain figure that ends a figure told in scale words, at ``j`` right after its last scale
    word, as translations from languages that count "fourteen thousand five hundred" as "14 min 500"
    print it ("14 thousand 500 hectares", "1 lakh 84 thousand 500 candidates"): its value and the
    index after it, else None. Only up to three digits, smaller than that scale, one space after
    it, and no scale, percent sign or further figure after it ("2 million 2024" is no figure)."""
    n = len(toks)
    if j >= n or last_scale < 1e3 or not re.fullmatch(r"[1-9]\d{0,2}", toks[j][0]) \
            or toks[j][1] - toks[j - 1][2] != 1 or _attached_to_name(toks, j):
        return None
    if j + 1 < n and (lower[j + 1] in _SCALES or lower[j + 1] in _INDIAN_SCALES or lower[j + 1] in _SCALE_ABBR
                      or toks[j + 1][0] in ("%", ".", ",") and j + 2 < n and toks[j + 2][0][:1].isdigit()
                      or toks[j + 1][0] == "%" or toks[j + 1][0][:1].isdigit()):
        return None
    part = float(toks[j][0])
    return (part, j + 1) if part < min(last_scale, 1e3) else None


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
    # The years that date a sentence's other figures ("a magnitude 8.4 quake in 2001"). Not one
    # before 1900 (``_year_of_the_past``): in a news report it dates a thing or its history ("a
    # cello made in 1712 sold for 9.4 million euros"), and the figures beside it are today's.
    year_at = [(r["i0"], int(r["value"])) for r in raw if r["unit"] == "year" and not r.get("relative")
               and r["value"] >= 1900]
    # Tokens that belong to a figure ("HK$", "million", "m" in "HK$312.6m"): never the words around
    # another figure, or two figures of one sentence would share them as if they shared a subject.
    in_figure = {k for r in raw if r["unit"] not in _DATE_UNITS for k in range(r["i0"], r["i1"])}
    quantity_end: dict[int, dict] = {}
    # The month-day date printed right before a year ("April 1, 2027", "1 April 2027"), by the year's
    # first token; or in the same token, a date printed in figures ("04.03.2027", "2027/03/04"),
    # whose year is that day's year just the same.
    day_before = {b["i0"]: a["value"] for a, b in zip(raw, raw[1:]) if a["unit"] == "date" and not a.get("through")
                  and b["unit"] == "year" and not b.get("relative")
                  and (b["i0"] in (a["i0"], a["i1"]) or (b["i0"] == a["i1"] + 1 and lower[a["i1"]] == ","))}
    # The month printed right before a year ("December 2027"), by the year's first token.
    month_before = {b["i0"]: a["value"] for a, b in zip(raw, raw[1:]) if a["unit"] == "month"
                    and b["unit"] == "year" and not b.get("relative") and b["i0"] == a["i1"]}
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
        # (A share is always of something: "40% of the buds" is the share, not a part of it.)
        subset = partitive and r["unit"] not in ("percent", "points")
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
        if r.get("measure") and not (np_words and unit_stems().get(stem(np_words[0])) == r["measure"]):
            # A race time counts time whatever follows it ("finished in 2:14:27, ahead of").
            np_words = ["seconds"]
        head = _role_word(np_words[-1]) if np_words else ""
        if np_words and np_words[0] in ("year", "years") and r["unit"] == "num" and \
                ((k < len(toks) and lower[k] == "old") or lower[k - 1] in ("year-old", "years-old")):
            # "54 years old", "a 54-year-old": an age, as "aged 54" gives it (its unit stays years:
            # "a 14-month-old" is another unit).
            head = _role_word("age")
        if not np_words and r["unit"] == "num" and k + 1 < len(toks) and lower[k] in _RATE_WORDS \
                and lower[k + 1] in _PERIODS:
            # "capped at 20,000 a day", "limit to 2,000 per day the cruise passengers": a rate whose
            # counted noun stands elsewhere in the clause; the period says what kind of figure it is.
            head = f"per {lower[k + 1]}"
            k += 2
        if head and r["unit"] == "num" and r["i0"] > 0 and lower[r["i0"] - 1] in _RECURRENCE_WORDS:
            # "payments made every ten days", "buses every 15 minutes": how often something
            # recurs, not how long anything lasts ("15 days to reply"): another role.
            head = f"every {head}"
        # "11 seconds left", "a 12-year sentence": the unit of measurement is the noun's first word.
        measure = r.get("measure") or (unit_stems().get(stem(np_words[0])) if np_words and r["unit"] == "num"
                                        else None)
        if measure is not None and measure[0] == "length":
            measure = _speed(lower, i1, np_words[0], measure) or measure
        elif measure is None and r["unit"] == "num" and len(np_words) > 1 and np_words[0] in _POWER_WORDS \
                and (length := unit_stems().get(stem(np_words[1]))) is not None and length[0] == "length":
            # "23 square kilometres", "420 cubic metres": an area or a volume, not a length.
            measure = _POWER_WORDS[np_words[0]] + (length[1],)
        pi = i0 - hedge_size - 1
        if not head and r["unit"] == "num" and pi >= 0 and lower[pi][:1].isalpha() \
                and lower[pi] not in FUNCTION_WORDS:
            # "magnitude 6.4", "injuring 140", "kills at least 23": the word before says what it counts.
            head = stem(lower[pi])
            np_words = [lower[pi]]
            if lower[pi] in ("aged", "age"):
                head, np_words = _role_word("age"), ["age"]  # "aged 54": an age
        unit = r["unit"]
        if unit == "num":
            # A bare number of nothing named ("Valdemar, 47,") has no role to compare; it is kept,
            # as unit "bare", only to say that a source gives that figure (``_lone_verdict``).
            # A year of another calendar ("2082 BS") is no count either.
            unit = "count" if head and not r.get("era") else BARE
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
            # (From the passage's first token on: a date that opens it has no words before it,
            # and a negative index would read the "said" that ends its sentence.)
            spoken = any(lower[c] in REPORTING_VERBS for c in range(max(near_lo + 1, i0 - 4, 0), i0))
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
                anchor |= {f"{YEAR_MARK}{toks[i1][0]}⟩"}
            if r["unit"] == "year" and (day := day_before.get(i0)) is not None:
                # The year printed with a month and day ("takes effect on April 1, 2027", "from 1
                # April 2027") is that day's year: two reports giving the same day date one event
                # however they word it, so their years are counterparts too.
                anchor |= {f"{_DAY_MARK}{day[0]}-{day[1]}⟩"}
            elif r["unit"] == "year" and (month := month_before.get(i0)) is not None:
                # The year printed with a month alone ("finish by December 2027", "planned for
                # December 2028") is that month's year: two reports giving the same month date one
                # event however they word it ("works run to December 2027"), so their years are
                # counterparts too, as those of a day are.
                anchor |= {f"{_MONTH_MARK}{int(month)}⟩"}
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
                           casualty=casualty_of(unit, head, context), alt=r.get("alt"), years=years,
                           spoken=spoken, relative=r.get("relative"), measure=measure, through=r.get("through"),
                           part=lower[i1] if is_date and i1 < len(toks) and lower[i1] in _TIMES_OF_DAY else "",
                           subset=subset and not is_date, month_first=r.get("month_first")))
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


_GLUED_M_RE = re.compile(r"\d[mM]$")
_METRE = ("length", "m")


def settle_glued_metres(by_passage: dict[str, list[Mention]]) -> dict[str, list[Mention]]:
    """Read the figures a source glues to "m" without a currency sign ("a 420m breakwater", "60m short")
    as metres where the story says so. English prints that "m" for million ("£5m", "2.5m people")
    and for metres alike, and an editor reads it by what the other reports print at the same
    figure, then reads the source's other such figures the same way.

    In: the mentions by passage. Out: the same, where a source one of whose figures read as
    millions (no currency) another source prints in metres ("420-metre", "420 metres"), and none
    of which another source prints in millions, has them all read in metres."""
    metres: defaultdict[float, set[str]] = defaultdict(set)
    values: defaultdict[float, set[str]] = defaultdict(set)
    glued: defaultdict[str, list[Mention]] = defaultdict(list)
    for ms in by_passage.values():
        for m in ms:
            if not isinstance(m.value, float) or m.derived:
                continue
            if m.unit == "count" and m.measure == _METRE:
                metres[round(m.value, 9)].add(m.source)
            values[round(m.value, 9)].add(m.source)
            if m.unit in ("count", BARE) and m.measure is None and _GLUED_M_RE.search(m.text) and m.value >= 1e6:
                glued[m.source].append(m)
    if not glued or not metres:
        return by_passage
    turn: set[int] = set()
    for source, ms in glued.items():
        if any(metres.get(round(m.value / 1e6, 9), set()) - {source} for m in ms) \
                and not any(values[round(m.value, 9)] - {source} for m in ms):
            turn.update(id(m) for m in ms)
    if not turn:
        return by_passage
    return {pid: [replace(m, value=m.value / 1e6, lo=m.lo / 1e6, hi=m.hi / 1e6, measure=_METRE)
                  if id(m) in turn else m for m in ms] if ms else ms
            for pid, ms in by_passage.items()}


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


def mark_leads(by_passage: dict[str, list[Mention]], datelines: Iterable[Mention] = ()
               ) -> dict[str, list[Mention]]:
    """Mark each source's first weekday (``Mention.lead``). In: mentions by passage and (optional)
    the sources' datelines (``publication_days``); out: the same with that one mention per source
    replaced. A news article says on which day its event happened in its first sentences, so two
    sources' first weekdays usually date the same event, however differently the sentences around
    them are worded (``role_score`` gives no bonus to two leads that both date a statement: a
    follow-up article's "announced Sunday" is not the first report's "said in a statement
    Tuesday"; such leads pair only by their words). A report whose opening dates its news by a
    date before any weekday ("On 14/10, the State Bank placed ...", no dateline) has no weekday
    lead: its first weekday tells something else ("the withdrawals started from Thursday")."""
    first: dict[str, Mention] = {}
    dated: dict[str, Mention] = {}
    lines = {id(m) for m in datelines}
    for ms in by_passage.values():
        for m in ms:
            # A day worded from the report's own day ("yesterday evening") leads like a weekday:
            # the calendar reads it from that report's own publication day (``add_calendar``), so
            # two reports filed on different days compare the days they name, not their words.
            if m.unit == "weekday" and (m.relative is None or m.relative[0] == "day") \
                    and (m.source not in first or m.start < first[m.source].start):
                first[m.source] = m
            elif m.unit == "date" and not m.derived and m.relative is None and id(m) not in lines \
                    and m.passage.index < OPENING_PASSAGES and not _page_line(m.passage.text) \
                    and not _DASH_AFTER_RE.match(m.passage.text, m.end - m.passage.start) \
                    and (m.source not in dated or m.start < dated[m.source].start):
                dated[m.source] = m
    for sid, d in dated.items():
        w = first.get(sid)
        if w is not None and d.start < w.start and not (
                d.passage.id == w.passage.id and WEEKDAY_GAP_RE.fullmatch(w.passage.text[d.end - w.passage.start:
                                                                                         w.start - w.passage.start])):
            del first[sid]  # (a date printed with its weekday, "14 October (Tuesday)", is one lead)
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
"""A dateline's place in capitals ("HANOI, Oct 14 -"). One followed by its country ("ANTWERP, Belgium,
April 14 -") is not read as the report's day: measured on the development stories, the leads it
would mark as that day's news (``quantity_consensus._lead_pair``) cost more slips than it finds."""
_COUNTRY_DATELINE_RE = re.compile(r"^[\s\W]*[A-Z][A-Z .'’\-]+,\s*[A-Z][^\W\d_][^\W\d_ .'’\-]*(?:[ \-][A-Z][^\W\d_]+)?"
                                  r"(?:\([^)]*\))?,\s*$")
"""A dateline's place in capitals with its country or region ("ANTWERP, Belgium, April 14 -"): the
day the report was filed, so its date is no event's to judge (``add_calendar``), but it is not read
as the report's day either (see ``_DATELINE_RE``)."""
_TITLE_DATELINE_RE = re.compile(r"^[\s\W]*[^\W\d_][^\W\d_'’\-.]*(?:[ \-][^\W\d_][^\W\d_'’\-.]*){0,2},\s*$")
"""A dateline's place in title case ("Horní Ves, 14 October 2025 -", "Tarbes, Oct 11 -"): one to three
words, then a comma; read only at the top of a report and with the dash after the date."""
_DASH_AFTER_RE = re.compile(r"\s*(?:\([^()\n]{1,60}\)\s*)?[-–—:]")
"""What follows a dateline's date: a dash, after the agency's name in brackets when there is one
("BAKU, Aug 5 (Caspian Commodities Wire) -"), or a colon, as South and Southeast Asian papers print
it ("KOTA BHARU, June 23:")."""

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


def _filed_only(m: Mention) -> bool:
    """Whether a date is a dateline with its country ("ANTWERP, Belgium, April 14 -",
    ``_COUNTRY_DATELINE_RE``): the day its report was filed, which is not read as that report's day."""
    text = m.passage.text
    if m.unit != "date" or not _COUNTRY_DATELINE_RE.match(text[:m.start - m.passage.start]):
        return False
    after = YEAR_AFTER_RE.match(text, m.end - m.passage.start)
    return _DASH_AFTER_RE.match(text, m.end - m.passage.start + (after.end() - after.start() if after else 0)) is not None


def publication_days(ctx: CheckContext, by_passage: dict[str, list[Mention]]
                     ) -> tuple[dict[str, date], int | None, dict[str, Mention]]:
    """Each source's publication day and the story's year, from what the sources themselves say.

    In: the context (sources' metadata) and the mentions by passage. Out: {source: day} for the
    sources whose day is known (the date of their metadata, else a dateline: "SEOUL, Nov 20 -"),
    the story's year (the most common year of the metadata dates and of the years printed with a
    month-day date, "May 8, 2025"), None when nothing gives one, and each source's dateline
    mention. A dateline without a year takes the story's year; one with its country ("ANTWERP,
    Belgium, April 14 -") is among the datelines (no event's date) but gives no day."""
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
    filed: set[int] = set()  # datelines with their country: no report's day (``_filed_only``)
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
            elif _filed_only(m):
                filed.add(id(m))
                datelines.setdefault(m.source, m)
            elif m.passage.index < OPENING_PASSAGES + 1 and (_date_line(m, after) or (after and _page_line(text))
                                                             or _calendar_line(m)
                                                             or _PUBLICATION_LINE_RE.fullmatch(text.strip())):
                # "Published March 11, 2026" or a bare "July 4, 2028" under the headline: the
                # report's own day, like a dateline (the metadata's date, when known, wins). So
                # is the full date of a print page's running head ("[The Weekly - Thursday,
                # November 19, 2026 - Page 3]"), which a scan keeps.
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
        if sid in days or id(m) in filed:
            continue
        d = date_day(m, year)
        if d is not None:
            days[sid] = d
    return days, year, datelines


_LINE_WORDS_MAX = 2
"""Words besides a date (and its year) that a line giving the report's own day may hold
("Published", "Updated on")."""


_PAGE_NUMBER_RE = re.compile(r"\b(?:[Pp]age|PAGE|p\.)\s*\d{1,4}\b")
_PAGE_LINE_MAX = 160
"""Characters a print page's running head holds at most (publication, date, section, page)."""


def _page_line(text: str) -> bool:
    """Whether a passage is a print page's running head: a short line that names its page number
    ("... - Page 3]", "p. 12"). A date printed in full there is the issue's day."""
    return len(text) <= _PAGE_LINE_MAX and "\n" not in text.strip() and _PAGE_NUMBER_RE.search(text) is not None


def page_line(text: str) -> bool:
    """Whether a passage is a print page's running head (``_page_line``): a date or weekday in it
    is the issue's day, not an event's."""
    return _page_line(text)


_MASTHEAD_MAX = 60
"""Characters of a line of its own that may be a date line or masthead with the report's day."""


def _date_line(m: Mention, after: "re.Match[str] | None") -> bool:
    """Whether a date is the whole of its passage but for a word or two and its year: a line under
    the headline saying when the report was published ("Published March 11, 2026", "July 4, 2028")."""
    text = m.passage.text
    a, b = m.start - m.passage.start, m.end - m.passage.start + (after.end() - after.start() if after else 0)
    rest = _WORD_RE.findall(text[:a] + " " + text[b:])
    return len(rest) <= _LINE_WORDS_MAX and not any(w.lower() in _WEEKDAYS for w in rest) and len(text) < _MASTHEAD_MAX


def _calendar_line(m: Mention) -> bool:
    """Whether a date of another calendar with its year ends a short line of its own ("Kashan
    Today - Tuesday 14 Esfand 1403"): a masthead giving the report's own day, which
    ``_PUBLICATION_LINE_RE`` (Gregorian months only) does not read."""
    text = m.passage.text
    words = _WORD_RE.findall(m.text)
    return len(text) < _MASTHEAD_MAX and not _WORD_RE.search(text[m.end - m.passage.start:]) \
        and any(w.lower() in _OTHER_MONTHS for w in words) and bool(re.search(r"\d{4}$", m.text))


_MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))
_WEEKDAY_NAMES = "|".join(sorted(_WEEKDAYS, key=len, reverse=True))
_PUBLICATION_LINE_RE = re.compile(
    r"^[^\w\n]*(?:(?:[A-Za-z]+[ \t]+){0,2}?|(?:[A-Z][\w'’&.\-]*[ \t]+){0,4}[A-Z][\w'’&.\-]*,[ \t]+)"
    r"(?:(?:" + _WEEKDAY_NAMES + r")\.?,?[ \t]+)?(?:(?P<m1>" + _MONTH_NAMES + r")\.?[ \t]+(?P<d1>\d{1,2})(?:st|nd|rd|th)?"
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
    # it tells: neither judged nor a counterpart ("late on Saturday" is right beside it). One with
    # its country ("ATHENS, Greece, Sept 14 -"), which gives no report's day, stays a counterpart
    # (the day of a statement the report tells, "said on Tuesday", is often its filing day) but is
    # never judged: what a report prints as its own day is no event's date to contradict.
    for part in ([m for m in datelines.values() if not _filed_only(m)],
                  [m for m in datelines.values() if _filed_only(m)]):
        if not part:
            continue
        lines = {id(m) for m in part}
        # The year printed with a dateline or a publication line ("July 4, 2028") goes with it.
        ends = {(m.passage.id, m.end) for m in part}
        starts = {(m.passage.id, m.start) for m in part}
        years = {id(m) for ms in by_passage.values() for m in ms
                 if m.unit == "year" and any((m.passage.id, m.start - k) in ends for k in (1, 2, 3))}
        # So does the weekday a masthead prints before it ("The Valley Courier, Monday, 16 March
        # 2026"; that of a print page's running head is left to ``dates.other_event``).
        weekdays = {id(m) for ms in by_passage.values() for m in ms
                    if m.unit == "weekday" and any((m.passage.id, m.end + k) in starts for k in (1, 2, 3))
                    and not _page_line(m.passage.text)}
        lines |= years | weekdays
        if _filed_only(part[0]):
            by_passage = {pid: [replace(m, filed=True) if id(m) in lines else m for m in ms]
                          if ms else ms for pid, ms in by_passage.items()}
        else:
            by_passage = {pid: [m for m in ms if id(m) not in lines] if ms else ms
                          for pid, ms in by_passage.items()}
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
                beside = _date_beside(m, ms, year)
                if beside is not None and beside.weekday() == wd:
                    # "start work on Monday, 25 May": the weekday names the date printed with it,
                    # whatever day of the report's week it would name alone. (When the two
                    # disagree the source contradicts itself, ``dates.weekday_clashes`` judges
                    # that, and the weekday keeps its reading in the report's week.)
                    m = replace(m, day=beside.toordinal())
                    extra.append(replace(m, unit="date", value=(beside.month, beside.day), derived=True, lead=False))
                    kept.append(m)
                    continue
                if _looks_ahead(m):
                    d = ref + timedelta(days=(wd - ref.weekday()) % 7 or 7)
                else:
                    d = ref - timedelta(days=(ref.weekday() - wd) % 7)
                m = replace(m, day=d.toordinal())
                extra.append(replace(m, unit="date", value=(d.month, d.day), derived=True, lead=False))
            kept.append(m)
        out[pid] = kept + extra
    return out


WEEKDAY_GAP_RE = re.compile(r",?\s*(?:(?:19|20)\d\d)?,?\s*\(?")
"""What may stand between a weekday and the date printed with it ("Monday, 25 May", "Monday 25 May",
"25 May (Monday)", "May 25, 2026, Monday")."""


def printed_beside(a: Mention, b: Mention) -> bool:
    """Whether two mentions of one passage are printed side by side: nothing between them but what
    may stand between a weekday and its date (``WEEKDAY_GAP_RE``), in either order."""
    text, base = a.passage.text, a.passage.start
    lo, hi = (a.end, b.start) if a.start < b.start else (b.end, a.start)
    return lo <= hi and WEEKDAY_GAP_RE.fullmatch(text[lo - base:hi - base]) is not None


def date_day(d: Mention, year: int) -> date | None:
    """The calendar day of month-day date mention ``d``; a year printed right after it wins over
    the story's ``year``. None when the calendar has no such day."""
    after = YEAR_AFTER_RE.match(d.passage.text, d.end - d.passage.start)
    return calendar_day(int(after.group(1)) if after else year, d.value)  # type: ignore[arg-type]


def dates_beside(w: Mention, passage_mentions: list[Mention]) -> Iterator[Mention]:
    """The month-day dates of ``w``'s source printed right beside weekday ``w`` ("on Monday, 25
    May", "25 May (Monday)"), in the order of ``passage_mentions`` (its passage's mentions); dates
    worked out from other words, ranges and relative dates are none."""
    for d in passage_mentions:
        if d.unit == "date" and not d.derived and not d.through and d.relative is None \
                and d.source == w.source and printed_beside(w, d):
            yield d


def _date_beside(w: Mention, passage_mentions: list[Mention], year: int) -> date | None:
    """The calendar day of the month-day date printed right beside weekday ``w`` in its passage
    ("on Monday, 25 May"; a year printed after the date wins over the story's), or None when no
    date stands there. In: the weekday, its passage's mentions and the story's year."""
    d = next(dates_beside(w, passage_mentions), None)
    return None if d is None else date_day(d, year)


def _resolve_relative(m: Mention, pub: dict[str, date], year: int | None) -> Mention | None:
    """A date worded from its report's day ("yesterday", "last year") read on the calendar: the
    weekday and day it names from the report's publication day, the year from that day's year (else
    the story's); None when the calendar cannot say (then it is neither judged nor a counterpart).
    Any other mention is returned as it is."""
    if m.relative is None:
        return m
    step, offset = m.relative
    if step in ("ethiopian", "persian", "islamic"):
        # A date of another calendar without its year ("27 Azar"): the year of that calendar
        # that puts it nearest the report's own day (else the middle of the story's year).
        ref = pub.get(m.source) or (date(year, 7, 1) if year else None)
        if ref is None:
            return None
        here = islamic.from_gregorian(ref.year, ref.month, ref.day)[0] if step == "islamic" else \
            ref.year - (8 if step == "ethiopian" else 622)
        options = [d for y in (here - 1, here, here + 1)
                   if (d := other_calendar_day(step, y, offset, m.value[1])) is not None]  # type: ignore[index]
        best = min(options, key=lambda d: (abs((d - ref).days), d), default=None)
        if best is None:
            return None
        if step == "islamic":
            return replace(m, relative=None, **hijri_span(best))
        return replace(m, value=(best.month, best.day), relative=None)
    if step == "month":
        # A day of the month printed without its month ("Thursday 10"): the month of the report's
        # own day, or the one before or after it, whichever puts that day nearest the report's.
        # A report whose own day is unknown tells the news the story's other reports tell: their
        # middle day stands for its own.
        ref = pub.get(m.source) or _middle_day(pub.values())
        if ref is None:
            return None
        day = m.value[1]  # type: ignore[index]
        options = [d for k in (-1, 0, 1) if (d := _month_day(ref, k, day)) is not None]
        best = min(options, key=lambda d: (abs((d - ref).days), d), default=None)
        if best is None or abs((best - ref).days) > DAY_OF_MONTH_WINDOW:
            return None
        return replace(m, value=(best.month, best.day), relative=None)
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


def _middle_day(days: Iterable[date]) -> date | None:
    """The middle one of the story's known publication days (the earlier of the two middle ones),
    None when none is known."""
    ordered = sorted(days)
    return ordered[(len(ordered) - 1) // 2] if ordered else None


DAY_OF_MONTH_WINDOW = 20
"""Days from its report's own day within which a day of the month printed without its month
("Thursday 10") is read: further away, the report's month does not say which month it is."""


def _month_day(ref: date, months: int, day: int) -> date | None:
    """Day ``day`` of the month ``months`` away from ``ref``'s month, None if that month has none."""
    y, mo = divmod(ref.year * 12 + ref.month - 1 + months, 12)
    return calendar_day(y, (mo + 1, day))


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
    tail = text[b:b + 60]
    cut = _CLAUSE_END_RE.search(tail)
    # A future word after the clause ends belongs to the next predicate: "were shut on Tuesday and
    # are due to reopen on Thursday" dates the closing in the past.
    after = [w.lower() for w in _WORD_RE.findall(tail[:cut.start()] if cut else tail)][:_AHEAD_AFTER]
    return bool((before | set(after)) & _FUTURE_WORDS)


_CLAUSE_END_RE = re.compile(r"[,;:]|\b(?:and|but|while|whereas)\b", re.IGNORECASE)
"""Where the clause of a weekday ends after it: a comma or a conjunction that opens another
predicate."""


def sentence_words(m: Mention) -> frozenset[str]:
    """The lower-case words of the sentence around a mention (within its passage)."""
    text = m.passage.text
    a, b = m.start - m.passage.start, m.end - m.passage.start
    lo = max(text.rfind(". ", 0, a), text.rfind("? ", 0, a), text.rfind("! ", 0, a)) + 1
    hi = min([k for k in (text.find(". ", b), text.find("? ", b), text.find("! ", b)) if k >= 0] + [len(text)])
    return frozenset(w.lower() for w in _WORD_RE.findall(text[lo:hi]))


def casualty_of(unit: str, head: str, context: frozenset[str]) -> str:
    if unit != "count":
        return ""
    if head.startswith("⟨"):
        return head
    found = [w for w in context if w.startswith("⟨")]
    return found[0] if len(found) == 1 else ""
