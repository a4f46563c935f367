"""name_variant: a person, place or organisation spelt differently from how the other sources spell it.

In: the check context (sources, alignment). Out: one flag per misspelt mention, with the spelling
most sources use as ``expected`` and that spelling's places in the other sources as evidence.

How: every capitalised word that is not at a sentence start (or is, but is a name elsewhere in the
story) is a name mention; hyphenated names are split into their parts, possessives dropped,
acronyms/initials/honorifics/function words left out, headline lines skipped. Each spelling counts
the *sources* that use it. A spelling is a variant when it is the minority form (typically one
source) of a spelling that at least two sources use, and the two are alike in spelling and sound
(rapidfuzz Jaro-Winkler / edit distance, jellyfish metaphone / NYSIIS):

* within an aligned group, where the others print the other spelling at the same place, a looser
  likeness is enough ("Best" for "Bessent"), and a lower-case common word standing where the others
  agree on a name counts too;
* story-wide, without an aligned counterpart, the likeness must be strong ("Genevea" / "Geneva").

Full names are compared as a whole too (``_full_name_flags``): a particle dropped or run together,
a wrong initial, one part of a hyphenated name cut, a middle name become an ordinary word, the first
word of a two-word name misspelt.

A full name changed where the others print it (``_placed_surname_flags``): the same given name (or
the rest of a double or longer name) at the same or a neighbouring aligned place, the surname
slipped ("Do Van Kau") or replaced by one of the same shape ("Marit Vollen" for "Marit
Volland"), or anywhere by a surname of any shape after the given name and the role the others
print before the one person of that given name. A name left declined by a translation ("the Vârteșului valley", ``_case_ending_flags``),
from a table of the case endings of the languages that decline names, or with a one-letter ending
English derivation makes too, where it stands in a name's place ("Kuuselan says",
``_slot_ending_flags``). A foreign full name given
Lithuanian nominative endings on every word ("Maartenis van Veldas", ``_baltic_name_flags``). A name printed without its
vowels ("Mhmd", ``_vowelless_flags``), as a translation from a script that leaves them unwritten may.

A name rendered by its meaning, as machine translation does ("Dawn Dastgir" for "Sahar Dastgir", "the
port of Bank" for "the port of Margem"), is found from structure alone (``_translated_part_flags``,
``_translated_place_flags``): an everyday English word only this source capitalises, standing where
the others print a name that is no English word, in the same or a neighbouring aligned passage,
next to the same other name part or after the same preposition frame; titles, roles and names
English itself uses (WordNet noun.person, named instances) are left alone, unless the word opens
a run of everyday words in a surname's place ("Kunle God Is Enough" for "Kunle Oloruntoba"),
and so is an organisation's long name rendered word by word. A compound name whose first element
was translated and written apart ("Five Dhara" for "Panchdhara", ``_translated_head_flags``). A
place name rendered by meaning before the kind of place the others print after it ("near the White
Pass" for "near the Tetri Pass"), and a designation of an everyday word and a number where the
others print a foreign name with the same number ("Lightning-1" for "Vidyut-1", ``_designation_flags``).
A name rendered by meaning in apposition to a noun ("the trawler Our Star" where the others print
"the trawler Nosa Estrela", ``_translated_apposition_flags``). A name glossed with the others' spelling right after it ("Tarvena, known locally as Tarven") is no
variant; k for a hard c ("Kaplamor"/"Caplamor") is a romanisation, a low note.

One word of a full name slipped, judged against the full name the others print
(``_name_part_flags``): the surname with a syllable or a letter lost ("Sule Olamipo" for "Sule
Olamipupo"), an inner part of a long name with one vowel changed ("Zaw Mya Lwin" for "Zaw Myo
Lwin"). Another given name before the one surname of the story, for the same role or at the same
aligned place (``_swapped_given_flags``), and a source that gives the person it elsewhere names as
the others do another surname for the same role (``_renamed_in_source_flags``); a role is a role
noun before the name or in apposition right after it ("Thandar Moe, deputy director of ..."). A name
after an initial (written apart or onto it: "Ts.Gerelmaa") changed for one of the same shape for
the same role, or rendered by meaning at the same place ("D.Golden Flower" for "D. Altantsetseg",
``_initialled_flags``). A two-word place name rendered by
meaning, coordinated after a preposition ("between Wetagoda and Red Stream junction"). Not: a word
of a company's name written out where the others abbreviate it ("Company" / "Co"); an everyday word
ending an organisation's name right before a full name of the story ("... and Food Tina Kos").

The alignment's loose members (``Group.loose``, paraphrases placed by position or shared names)
vote with their names like any member, but their ordinary words are no counterpart: a name lost
to a lower-case word is judged between firm members only. A line ending in a full stop is read
for names however many of its words are capitalised; a spelling the source glosses as another
language's ("Helsingfors, as the city is called in Swedish") is no variant.

Not variants: adjective and demonym forms (China/Chinese), names built on another ("Velardeta"
on "Velarda": two letters or more added to its stem, no case ending), plurals and possessives,
letters with umlauts or háčeks written with two letters ("Müller"/"Mueller", "Radošić"/"Radosich"),
hyphenation,
titles, a name only one source uses with nothing similar elsewhere, a spelling that is itself
corroborated by several sources or printed after another given name (two different people), and two
established romanisations of one name (``romanisation``: "Khalid"/"Khaled"; a rarer one is a low note,
as are two established spellings that differ in a vowel, "Yusuf"/"Youssef").

A rendering, not a slip (``_own_rendering``): a source that never prints the others' spelling and
writes the name by another romanisation scheme ("Lamprovouni" for "Lambrovouni"), or with an ending or a
final vowel on the intact name at two places or more ("Velunagaram" for "Velunagara"), or another
accepted romanisation or its language's form of the name at two places or more ("Kareysa" for
"Kareisa", "Dravskaya" for "Dravska"), writes it its own way: no flag. An ending or a final vowel
printed once is a low note (``_ending_rendering``), and so are the same consonants with a vowel
written otherwise or left out (``_same_consonants``).
The same calibration holds for one word of a full name (its first word, a part with letters lost).
A letter doubled, or a consonant of another sound, stays a misspelling however often printed.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Iterable, Iterator

from anyascii import anyascii
from rapidfuzz import process
from rapidfuzz.distance import OSA, JaroWinkler

from srccompare.checks.base import CheckContext, Contest, make_flag, span_of
from srccompare.checks.lexicon import (
    CALENDAR_WORDS,
    FUNCTION_WORDS,
    HONORIFICS,
    PRONOUNS,
    compare_names,
    foreign_zipf,
    foreign_zipfs,
    group_view,
    in_title_line,
    is_acronym,
    is_alpha_word,
    is_name_derivation,
    is_ordinary_word,
    lang_of,
    mis_decoded_spans,
    name_key as _plain_key,
    norm_of,
    instance_share,
    noun_categories,
    pos_shares,
    word_senses,
    NameMatch,
    passage_tokens,
    sentence_initial,
    shared_prefix,
    synset_share,
    MEANING_KEPT,
    sound_keys,
    word_parts,
    zipf,
)
from srccompare.checks.speech import NAME_PARTICLES
from srccompare.models import Flag, Group, Kind, Passage, Severity

# An initial of one or two letters written onto the capitalised word after it ("Ts.Gerelmaa").
_GLUED_INITIAL_RE = re.compile(r"^[A-Z][a-z]?\.(?=[A-Z][a-z]{2,}(?:['’]s)?$)")
# Letter runs of a hyphenated token, as lexicon.word_parts splits them.
_HYPHEN_PART_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*", re.UNICODE)

# Latin letters that are no accented form of another letter, so NFKD does not fold them, but that
# English texts render with plain letters by convention ("Þórvaldsdóttir" -> "Thorvaldsdottir",
# "Ålesund" -> "Alesund", "Białystok" -> "Bialystok", Maltese "Saħlani" -> "Sahlani", Hausa "Kaɗiri" ->
# "Kadiri"): a rendering, not a misspelling. anyascii knows them all; one letter English texts
# write otherwise than it does is set here: Azerbaijani ə, written a ("Əsgərov" -> "Asgarov").
_LETTER_FOLD = str.maketrans({"ə": "a"})
# The modifier letters a Latin alphabet uses as an apostrophe (Uzbek "Oʻzbek", Hawaiian ʻokina),
# which anyascii renders as a backtick or an apostrophe: keys drop apostrophes.
_NOT_KEY_RE = re.compile(r"[^a-z0-9]")


def _latin_letter(ch: str) -> str:
    """A non-ASCII letter of a Latin alphabet in plain letters as anyascii renders it; any other
    character (another script's) unchanged: names in other scripts are not romanised here."""
    if not unicodedata.name(ch, "").startswith(("LATIN", "MODIFIER LETTER")):
        return ch
    return _NOT_KEY_RE.sub("", anyascii(ch).lower())


@lru_cache(maxsize=200_000)
def name_key(word: str) -> str:
    """``lexicon.name_key`` with the Latin letters NFKD cannot fold rendered as English texts do."""
    key = _plain_key(word)
    if key.isascii():
        return key
    return "".join(ch if ch.isascii() else _latin_letter(ch) for ch in key.translate(_LETTER_FOLD))


# A source that uses a spelling this many times, with no aligned counterpart saying otherwise, is
# naming someone else, not misspelling the name another source uses.
_FREQUENT_IN_SOURCE = 3
# Two spellings both at least this frequent in the language are two known words, not a misspelling.
_KNOWN_ZIPF = 3.5
# Two spellings the frequency list both knows at least this well, more than one edit apart and
# printed by the same source, are two names ("Lugano" / "Lucerne"): misspellings are rare in a
# word-frequency list, and a writer who prints both knows them apart.
_ATTESTED_ZIPF = 2.0
# A sentence-initial capitalised word this rare in its language is a name even if the story never
# prints it mid-sentence ("Tolmira told ..."): no ordinary word is that rare.
_RARE_ZIPF = 1.0
# A surname rendered as an ordinary word: the word is at least this common in the source's
# language, and the name at least this much more common in another language than in it.
_TRANSLATED_WORD_ZIPF = 4.0
_FOREIGN_MARGIN = 1.5
# A word after a hyphen at least this common makes a compound ("Kremlin-backed"), not a given name.
_COMPOUND_ZIPF = 4.5
# Romanisations of one name that style guides accept side by side. First the conventions: one sound
# written with one or two letters by different systems, rewritten one way before the spellings are
# compared (Russian ж "zh"/"j", Arabic خ "kh"/"h", French "ou" for u, Greek φ "ph"/"f", the
# Russian ё after a consonant "yo"/"e" as in "Semyonov"/"Semenov", the adjective ending -ий
# "-iy"/"-y"). A writer's slip rarely lands on a convention, so these need no frequency evidence.
_TRANSLIT_RULES = tuple((re.compile(a), b) for a, b in (
    ("dzh", "j"), ("zh", "j"), ("dj", "j"), ("kh", "h"), ("ou", "u"), ("ph", "f"),
    # The diphthong of South Asian names written "ow" or "ou" before a consonant
    # ("Rowshan" / "Roushan"), folded like "ou" above.
    ("ow(?=[bcdfghjklmnpqrstvxz])", "u"),
    ("(?<=[bcdfghjklmnpqrstvwxz])yo", "e"), ("iy$", "y"),
))
# Alternations that standard romanisation schemes produce for one sound of the source script, so
# that two spellings differing only by them are one name written under two systems (folded to one
# spelling, after ``_TRANSLIT_RULES``). Unlike those conventions, some of these also look like a
# dropped letter ("mb" / "b"), so a rarer pair stays a low note (see ``romanisation``):
# - Greek: ει written "ei" (ELOT 743, UN) or "i" (phonetic); μπ / ντ / γκ written "mp" / "nt" / "gk"
#   letter for letter or "b"/"mb", "d"/"nd", "g" by sound (word-initial always "b" / "d" / "g"),
#   between vowels or before a liquid ("Lambrakis" / "Lamprakis", "Andreas" / "Antreas");
#   "tz" / "ts" for τζ and ц.
# - Thai: final ว written "o" (RTGS: "-aeo", "-ao") or "w" (common practice: "-aew", "-aw").
# - Long vowels doubled or not (informal Thai and Indic schemes, Hunterian "Sandeep"/"Sandip",
#   "Roopa"/"Rupa"): "aa"/"a", "ii"/"ee"/"i", "uu"/"oo"/"u".
# - Cyrillic: German-based "tsch"/"sch" and French-based "tch" for ч / ш ("ch" / "sh" in English
#   schemes); е at the start of a word "ye" (BGN/PCGN) or "e" (scholarly, ISO 9).
# - Arabic ق and Turkic қ / Azerbaijani q written "q" (scholarly, the Turkic Latin alphabets), "k"
#   (Turkish, French practice: "Qasim" / "Kasim") or "g" (Gulf Arabic, Russian-based Г: "Quliyev" /
#   "Guliyev"). Folded to a mark that pairs with k or g only, since k and g are two sounds ("qu" for
#   English "kw" keeps its u, so "Quinlan" / "Kinlan" still differ by a letter).
# - Latin alphabets and German- or Polish-based schemes write в as "w" where English ones write
#   "v" ("Radimow" / "Radimov"), Polish ч as "cz" ("Kowalczyk" / "Kovalchyk"); Serbo-Croatian, Czech and pinyin write ц
#   / ts as "c" ("Cvetković" / "Tsvetkovich", "Cai" / "Tsai"); Uzbek and pinyin write х / kh as
#   "x" at the start of a name ("Xurshid" / "Khurshid").
# Left out on purpose: "gh"/"g" ("Ghavidel" / "Gavidel" is a dropped letter, not a scheme), "kh"/"k"
# (Thai RTGS and Vietnamese spell ข / kh and ก / k as two sounds: "Khau" / "Kau" is a slip), "ch"/"h"
# (Chinese pinyin ch and h are two sounds).
_ALTERNATIONS = tuple((re.compile(a), b) for a, b in (
    # Basque, the Slavic and Baltic languages, Greek and Turkish write a name's hard c (before a, o,
    # u) as k ("Kaplamor" / "Caplamor", "Kaliforniya"): the local spelling of a place, a note.
    # First, so that a c the rules below make ("ts" -> "c": "Tsai") is never read as a hard c.
    ("^c(?=[aou])", "k"),
    ("tsch", "ch"), ("sch", "sh"), ("tch", "ch"), ("tz", "ts"), ("^ye", "e"),
    ("ei", "i"),
    ("^mp", "b"), ("(?<=[aeiou])m[bp](?=[aeiouyrl])", "b"),
    ("^nt", "d"), ("(?<=[aeiou])n[dt](?=[aeiouyr])", "d"),
    ("^gk", "g"), ("(?<=[aeiou])gk(?=[aeiouyrl])", "g"),
    ("(?<=[ae])w$", "o"),
    ("aa", "a"), ("ii", "i"), ("ee", "i"), ("uu", "u"), ("oo", "u"),
    ("q", "Q"),
    ("w", "v"), ("cz", "ch"), ("ts", "c"), ("^x", "h"),
))
_Q_PARTNERS = frozenset("kgQ")
# Alternations between letters that other rules also touch, so each is folded to a mark of its own
# (like the q mark above) that pairs only the spellings of one sound, never a spelling with a
# letter dropped:
# - The diphthong of Indic au (औ) written "au" (Hunterian, IAST) or "ou" / "ow" (common practice)
#   before a consonant ("Saurav" / "Sourav", "Raushan" / "Roushan" / "Rowshan"). Marked before
#   ``_TRANSLIT_RULES`` fold "ou" to u, so that "Paula" / "Pula" (a dropped letter) still differ.
_PRE_ALTERNATIONS = tuple((re.compile(a), b) for a, b in (
    ("(?:au|ou|ow)(?=[bcdfghjklmnpqrstvxz])", "U"),
))
# - A nasal before a consonant whose place the next consonant gives: Indic anusvara (ं) and Khmer
#   nikahit (ំ) are one letter that romanisers write "m" or "n" ("Samskrit" / "Sanskrit", "Hamsa"
#   / "Hansa"). After ``_ALTERNATIONS``, which turn Greek "mb" / "nd" between vowels to b / d.
# - The glide y between a palato-alveolar consonant after a vowel and the next vowel, which the
#   consonant already makes heard, so that romanisers drop it (Armenian -ջյան "-jyan" / "-jan",
#   -չյան "-chyan" / "-chan", -շյան "-shyan" / "-shan").
_POST_ALTERNATIONS = tuple((re.compile(a), b) for a, b in (
    ("(?<=[aeiouy])[mn](?=[bcdfghjklpqrstvxz])", "N"),
    ("(?:(?<=[aeiou]j)|(?<=[aeiou]ch)|(?<=[aeiou]sh))y(?=[aeiou])", ""),
))
# Letters that are shorthand for others and read the same: x is k + s, so a romaniser writes
# "Maxim" or "Maksim", "Alexei" or "Aleksei" for one name. A slip of the pen does not turn one
# letter into two different ones, so the pair is accepted without frequency evidence.
_SAME_LETTERS = {"x": "ks"}
_SAME_LETTERS_RE = re.compile("|".join(_SAME_LETTERS))
# Then single letters standing for one vowel of the source script: Arabic kasra e/i
# ("Adel"/"Adil"), fatha a/e ("Ahmad"/"Ahmed"), damma o/u ("Osman"/"Usman"), and i/y, j/y for the
# glide ("Sergei"/"Sergey", "Yusuf"/"Jusuf"), and u/e for the vowel of the Arabic article after
# "Abd" ("Abdul"/"Abdel", written ul, el or al). a/i is no such pair (fatha is never written i).
_GLIDES = frozenset({frozenset("iy"), frozenset("jy")})
_TRANSLIT_LETTERS = frozenset({frozenset("ei"), frozenset("ae"), frozenset("ou"), frozenset("ue")}) | _GLIDES
_VOWELS = frozenset("aeiouy")
_RUN_RE = re.compile(r"(.)\1+")
_CLUSTER_RE = re.compile(r"[^aeiouy]{3}")
_VOWEL_RE = re.compile(r"[aeiouy]")
# A name glossed as another language's: "as the city is called in Swedish", "(in Finnish)", within
# this many characters after it, the language's share of WordNet's noun senses at least this.
_GLOSS_RE = re.compile(r"^\W{0,3}(?:\(|,?\s*(?:as|which|what)\b[^()]{0,30}?\b(?:called|known|named|spelt|spelled|written)\s+)"
                       r"in\s+([A-Z][a-z]+)\b")
_GLOSS_CHARS = 60
# A name glossed with another of its names right after it: "Tarvena, known locally as Tarven",
# "Kolvik (also called Kolsund)": the source prints both names on purpose, so neither is a
# variant of the other. The capitalised word after the gloss verb is compared with the expected
# spelling.
_GLOSS_AS_RE = re.compile(r"^\W{0,3}(?:\(|,)\s*(?:[a-z]+\s+){0,2}?(?:known|called|named|spelt|spelled|written)\s+"
                          r"(?:[a-z]+\s+){0,2}?(?:as\s+)?([A-Z][^\W\d_]+)")
_LANGUAGE_SHARE = 0.25
# A compound name's first element translated and written apart ("Five Dhara" for "Panchdhara"):
# at least this many letters of the name before the part this source kept, and that part this long.
_HEAD_MIN = 3
_TAIL_MIN = 4
# The end of a line that closes a sentence: a full stop after a word of two letters or more.
_SENTENCE_END_RE = re.compile(r"[^\W\d_]{2}\.[\"”’)\]]*\s*$")
# German umlauts have a standard transcription with an e ("Göbel" -> "Goebel", "Müller" ->
# "Mueller"): the same name as the spelling with the dots dropped, so not a variant at all.
# The same holds for the letters with a háček, cedilla or comma below that English texts write
# with two letters as often as with the mark dropped: Czech, Slovak, Baltic and Croatian š ž č,
# Serbian ć, Romanian ș ț, Turkish and Azerbaijani ş ç ("Horbyšyn" / "Horbyshyn" / "Horbysyn",
# "Radošić" / "Radosich" / "Radosic"): one name, whichever rendering.
_UMLAUT_E = {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue",
             "š": "sh", "ž": "zh", "č": "ch", "ć": "ch", "ș": "sh", "ş": "sh", "ç": "ch", "ț": "ts", "ţ": "ts",
             "Š": "Sh", "Ž": "Zh", "Č": "Ch", "Ć": "Ch", "Ș": "Sh", "Ş": "Sh", "Ç": "Ch", "Ț": "Ts", "Ţ": "Ts"}
_UMLAUT_RE = re.compile("[%s]" % "".join(_UMLAUT_E))
# Both romanisations must be established spellings (in the English frequency list, as "Adil" and
# "Adel" are): a slip of the pen is rarely in a word-frequency list.
_TRANSLIT_ZIPF = 1.5
# Two romanisations that are both established spellings of names in English texts ("Khalid" /
# "Khaled", "Andrei" / "Andrey", "Yusuf" / "Yousuf": both at least this common in the
# frequency list) are what style guides accept side by side: an editor corrects neither, so the
# check says nothing. A pair one of whose spellings is rarer ("Semenov" / "Semyonov") stays a low
# note, since a rare spelling that happens to look like a convention may still be a slip.
_ESTABLISHED_ZIPF = 2.0
# English fixes the spelling of the names it uses most ("Karen", "Brian", "Allen"): when either
# spelling is at least this common in English, the pair are Latin-script names, each person's
# spelt one way ("Karin" for "Karen", "Allan" for "Allen"), not two romanisations of one name.
# (The commonest romanised names, "Muhammad" 3.9, "Ahmed" 3.8, "Omar" 3.8, stay below it.)
_ENGLISH_NAME_ZIPF = 4.0
# A name English prints at least this often (once in a million words: "Geneva", "Helen") has one
# English spelling, so a vowel or consonant written otherwise in it is a slip; a name it prints
# less often ("Kildare" 2.5, a regional place or a surname) is printed in whatever romanisation
# or local form the writer met, and two of them with the same consonants are a note
# (``_same_consonants``).
_ONE_SPELLING_ZIPF = 3.0
# Pairs of surname endings that mark sex, not person: Icelandic patronymics (-son / -dóttir),
# Slavic and Baltic surnames (-ov / -ova, -ski / -ska, -ý / -á folded to y / a), Greek (-os / -ou,
# -is / -i). A translation that puts one for the other has the person's sex wrong, and the stem
# before it is the same person's name.
_GENDER_ENDINGS = frozenset({
    frozenset(("son", "dottir")), frozenset(("ov", "ova")), frozenset(("ev", "eva")),
    frozenset(("in", "ina")), frozenset(("ski", "ska")), frozenset(("sky", "skaya")),
    frozenset(("skiy", "skaya")), frozenset(("y", "a")), frozenset(("os", "ou")), frozenset(("is", "i")),
    # Czech and Slovak add -ová to the man's surname whatever it ends in ("Dvořák" / "Dvořáková").
    frozenset(("", "ova")),
})
# A name part rendered as the English word it means (``_translated_part_flags``): the word is at
# least this common in English, the name part the others print rarer than this there (a name of
# another language; "Strand" is both, at 3.7), and a title or role is a word whose noun senses are
# at least this much WordNet's noun.person ("Minister", "Captain"; "Star" is 0.28).
_MEANT_WORD_ZIPF = 3.5
_FOREIGN_NAME_ZIPF = 4.0
_ROLE_SHARE = 0.5
# A place name stands bare right after a preposition of place ("in", "at", "of", "from", "near"):
# the frame a translated place name and the name it stands for share ("the port of Bank" / "of
# Margem"). An article there makes a common noun used as a name ("in the Centre", "the Sea
# Defence"), an institution called by its head noun, not a place.
_PLACE_PREP_RE = re.compile(
    r"\b(?:in|at|of|from|near|to|into|outside|across|towards?|via|through|around|off|inside)\s+$",
    re.IGNORECASE)
# The same after an article ("near the Tetri Pass"), where a kind of place follows the name.
_PLACE_PREP_THE_RE = re.compile(
    r"\b(?:in|at|of|from|near|to|into|outside|across|towards?|via|through|around|off|inside)\s+(?:the\s+)?$",
    re.IGNORECASE)
# A place name coordinated with another after a preposition ("between Wetagoda and Rathu Oya",
# "in Kandy or Matale"): the preposition frames both, this far back at most.
_PLACE_COORD_RE = re.compile(
    r"\b(?:in|at|of|from|near|to|into|outside|across|towards?|via|through|around|off|inside|between)\s+"
    r"(?:[A-Z][^\W\d_]*(?:[-'’][^\W\d_]+)*\s+){1,3}(?:and|or)\s+$")
_COORD_CHARS = 60
# An apposition right after a name (``_roles_after``): a comma, an optional article or possessive,
# then up to three words up to "of"/"at"/"for", a comma, a full stop or a semicolon.
_APPOSITION_AFTER_RE = re.compile(
    r"\s*,\s+(?:(?:the|a|an|its|their|his|her)\s+)?((?:[A-Za-z][\w'’-]*\s+){0,2}[A-Za-z][\w'’-]*)"
    r"(?=\s+(?:of|at|for|in)\b|\s*[,.;])")
_SPEECH_VERBS = frozenset("said says told added explained stated noted confirmed".split())
_RELATIVE_WORDS = frozenset("who whom whose which that".split())
# What frames a name (``_frame_words``): this many words either side, looked for this far.
_FRAME_WORDS = 3
_FRAME_CHARS = 40
_SENTENCE_CUT_RE = re.compile(r"[.!?;:]\s")
_WORD_RE = re.compile(r"[^\W\d_]+")
# Two surnames of the same shape (``_same_shape``) share an opening or an ending this long.
_SHAPE_AFFIX = 3
# A surname of the same shape after the one given name of the story, away from its place, is the
# same person's name changed when this many other sources agree on the surname.
_ONE_PERSON_WITNESSES = 3
# A surname with letters lost (``_letters_lost``) loses at most this many: a syllable, not a short form.
_LOST_LETTERS = 3
# ... and a surname with letters added (``_letters_added``) gains at most this many: a letter
# doubled or a syllable ending repeated, not a suffix.
_ADDED_LETTERS = 2
# Endings English derives an adjective or a people's name from a place's name with, added to the
# whole name ("Cape Verdean", "Bhutanese"): a derived word, not letters slipped into the name.
_ADJECTIVE_ENDINGS = frozenset({"an", "ian", "ean", "ese", "ish"})
# Two given names this alike (Jaro-Winkler) are one misspelt, not one put for another.
_SWAP_JW = 0.8
# Case endings that languages which decline names put on them and machine translation leaves on
# ("Vârteșului" for "Vârteș", "Hajdúkertben" for "Hajdúkert", "Dębnowie" for "Dębnów"), as name keys
# (accents folded). Only endings of two letters or more, and none that also makes a surname or a
# derived name in English texts ("-ov", "-en", "-in", "-an", "-is", "-os", "-ic", "-er"), so that
# "Radimov" beside "Radim" or "Hansen" beside "Hans" stays a name of its own:
# - Hungarian: -ban/-ben (in), -ba/-be (into), -bol/-rol/-tol (from), -hoz/-hez (to), -nak/-nek
#   (dative), -val/-vel (with), -ra/-re (onto), -ig (until);
# - Romanian: the article and genitive -ul, -ului, -lui, -ei;
# - Finnish: -ssa, -sta, -lla, -lta, -lle, -hin (ä folded to a);
# - Lithuanian: -uose, -ui, the locative -je, -oje, -uje, -eje ("Klaipėdoje", "Vilniuje"), the
#   genitive -aus ("Vilniaus");
# - Slavic: Polish and Czech locative/dative/instrumental -ie, -owi, -ovi, -em, -ach, -ami, -ech,
#   -om, -omu; the adjectival declension of surnames such as Kowalski, Novotný, Dostoevsky:
#   Polish -ego/-iego, -emu/-iemu, -iej ("Kowalskiego"), Czech -ého/-ému (folded "eho", "emu"),
#   Russian -ogo; Slovene -jeva, the possessive/wife's form of a name in -r ("Žagarjeva");
# - Turkish and Azerbaijani: -da/-de/-ta/-te (in), -dan/-den/-tan/-ten (from), -ya/-ye (to), -nin/-nun
#   (of) (Azerbaijani -də/-dən fold to these, see ``_LETTER_FOLD``);
# - Georgian: -shi (in), -ze (on).
_CASE_ENDINGS = frozenset(
    "ban ben ba be bol rol tol hoz hez nak nek val vel ra re ig "
    "ul ului lui ei "
    "ssa sta lla lta lle hin "
    "uose ui je oje uje eje aus "
    "ie owi ovi em ach ami ech om omu ego iego emu iemu iej eho ogo jeva "
    "da de ta te dan den tan ten ya ye nin nun "
    "shi ze".split())
# Endings that attach only to a name of a certain shape, as a fact of the language that declines it:
# - Finnish puts a linking -i- between a name that ends in a consonant (a foreign or Swedish one)
#   and its case ending: genitive -in, -issa, -ista, -illa, -ilta, -ille ("Sundbergin" on
#   "Sundberg"). Names of Finnish shape end in a vowel; "-in" after a vowel ("Karin"), or on a
#   name of four letters ("Ivanin" beside "Ivan"), stays a surname ending.
_AFTER_CONSONANT_ENDINGS = frozenset("in issa ista illa ilta ille".split())
# - Armenian surnames end in -yan / -ian (-յան), and Armenian adds its genitive-dative -i and
#   ablative -ic to them ("Hakobyani" on "Hakobyan"); a single letter is accepted only there.
_ARMENIAN_SURNAME_RE = re.compile("[iy]an$")
_ARMENIAN_ENDINGS = frozenset("i ic".split())
# - Lithuanian gives a foreign name that ends in a consonant a nominative ending of its own, -as,
#   -is or -us ("Johnsonas", "Maartenis"), and machine translation from Lithuanian leaves it on.
#   The same endings make English names ("Thomas", "Curtis"), so it is read only where every name
#   word of one full name carries one (``_baltic_name_flags``).
_BALTIC_ENDINGS = ("as", "is", "us")
_BALTIC_GAP_RE = re.compile(r"^[ \t]+(?:[a-z]{1,4}[ \t]+){0,2}$")
_APOSTROPHE_RE = re.compile("['’]")
# - Polish writes a soft consonant at a word's end with an accent (ś, ć, ń, ź) and before a vowel
#   with an i after the plain letter, so a name in -ś, -ć, -ń or -ź takes its case endings as -ia,
#   -iowi, -iem, -iu ("Lubasia", "Lubasiowi" on "Lubaś"); read only where the others print the
#   name with that accented letter last (``soft_case_ending``).
_SOFT_FINALS = frozenset("śćńź")
_SOFT_ENDINGS = frozenset("ia iowi iem iu".split())
_ANY_CASE_ENDING = _CASE_ENDINGS | _AFTER_CONSONANT_ENDINGS | _ARMENIAN_ENDINGS | _SOFT_ENDINGS
_CASE_ENDING_LENGTHS = tuple(sorted({len(e) for e in _ANY_CASE_ENDING}, reverse=True))
# A derived name (a district, a diminutive, an adjective: "Velardeta" on "Velarda") keeps the
# whole of a name but its final vowel and adds at least this many letters: a slip of the pen does
# not add two letters at the end of a name.
_DERIVED_ADDED = 2
# A given name misread (see ``_misread_like``) is at least this alike in spelling to the right one.
_MISREAD_JW = 0.7
# The stem a gendered ending is added to is at least this long ("Radim" in "Radimov" / "Radimova").
_GENDER_STEM = 4
# A name's first letter alone written otherwise, the rest spelt letter for letter: at least this
# many letters in all (see ``_same_first_sound``).
_FIRST_LETTER_NAME = 5

# Initials right before a name ("R.K. Chisenga", "J. R. Fennimore"): one to three capitals, each
# with its full stop.
_INITIALS_BEFORE_RE = re.compile(r"(?<![\w.])((?:[A-Z]\.\s?){1,3})$")
# Lower-case particles of a surname right before a name word ("van der Hoeven", "de la Cerda").
_PARTICLES_BEFORE_RE = re.compile(
    r"(?<![\w'’-])((?:(?:%s)\s+){1,3})$" % "|".join(sorted(NAME_PARTICLES, key=lambda w: (-len(w), w))))
# A particle elided before a name that begins with a vowel, written with an apostrophe ("Pointe
# d'Orvaly", "L'Aquila" stays one capitalised word): the French and Italian d' and l'.
_ELIDED_RE = re.compile(r"(?<![\w'’])([dl])['’]([A-Z][^\W\d_]+)")
# How far before a name the initials and particles are looked for.
_LOOKBACK = 24

# A source that writes this many other names of the story with the others' consonants and letters
# of its own follows a transliteration system of its own (see ``_system_source``).
_SYSTEM_NAMES = 2

# Evidence spans per flag.
_EVIDENCE_CAP = 5
# Story-wide candidates checked per spelling (closest first by Jaro-Winkler).
_STORY_CANDIDATES = 8
# Consensus spellings compared per group (the most agreed first): bounds the work in huge groups.
_MAX_CONSENSUS = 40


@dataclass(frozen=True)
class _Mention:
    source: str
    passage: str
    start: int
    end: int
    text: str
    key: str
    mid_sentence: bool
    # The name word right before this one, joined by one space ("Otávio" before "Bittar"), or "".
    prev: str = ""
    prev_start: int = -1


@dataclass
class _Names:
    """The story's name mentions and, per spelling key, which sources use it."""

    mentions: dict[str, list[_Mention]]  # by passage id, names only
    sources_of: dict[str, set[str]]
    count_in: Counter[tuple[str, str]]
    surface: dict[str, Counter[str]]
    hits: dict[str, list[tuple[str, int, int]]]
    # Spellings that are ordinary words in this story (printed lower case at least as often as
    # capitalised mid-sentence): a misspelling of them is a garble, not a name variant.
    ordinary: frozenset[str] = frozenset()
    # Keys of whole hyphenated given names ("Seung-ho"): their parts are syllables, so two of them
    # more than one edit apart are two people ("Seung-ho" / "Seung-hee"), however alike they sound.
    hyphened: frozenset[str] = frozenset()
    # (given name, surname) keys -> sources that print them side by side, and where.
    pairs: dict[tuple[str, str], set[str]] | None = None
    pair_hits: dict[tuple[str, str], list[tuple[str, int, int]]] | None = None
    # Lower-case ordinary words that only one source prints anywhere: where a name may have been
    # translated or misread into a word ("the fisher").
    lone_words: tuple[_Mention, ...] = ()
    # Key -> the keys of its spellings with the umlauts (and háčeks, see ``_UMLAUT_E``) transcribed
    # ("moller" -> {"moeller"}, "kostic" -> {"kostich"}), for the keys some source prints so.
    umlauted: dict[str, frozenset[str]] | None = None
    # Surname key -> the name words printed right before it -> the sources that do ("chisenga" ->
    # {"robert": {...}}): who the story says carries that surname.
    given_of: dict[str, dict[str, set[str]]] | None = None
    # Name word -> the name words printed right after it -> the sources that do ("robert" ->
    # {"chisenga": {...}}): the other way round from ``given_of``.
    next_of: dict[str, dict[str, set[str]]] | None = None
    # Key -> the sources that print the word in lower case somewhere in the story ("centre" in
    # "the centre's director"): where a source's capitalised word is the others' everyday word.
    lower_in: dict[str, frozenset[str]] | None = None
    # Source -> the spellings it alone prints that render another source's name by a scheme of
    # its own (see ``_rendered_keys``), worked out on first use.
    rendered: dict[str, frozenset[str]] | None = None
    # Source -> the letter correspondences (``_letter_edits``) of the names it alone writes with
    # the others' consonants (see ``_system_letters``), worked out on first use.
    systems: dict[str, dict[str, frozenset[tuple[str, str]]]] | None = None

    def n(self, key: str) -> int:
        return len(self.sources_of.get(key, ()))

    def display(self, key: str) -> str:
        return self.surface[key].most_common(1)[0][0]


class NameCheck:
    kinds = (Kind.NAME_VARIANT,)

    def run(self, ctx: CheckContext) -> Iterable[Flag]:
        names = _collect(ctx)
        flags: dict[tuple[str, int], Flag] = {}
        resolved: dict[tuple[str, str], tuple[str, int]] = {}  # (source, variant) -> (expected, group n)
        for group in ctx.alignment.groups:
            for source, f, variant, expected, k in _group_flags(ctx, names, group):
                # An accepted romanisation (f None) still settles what the spelling stands for.
                if f is not None:
                    flags.setdefault((f.source, f.start), f)
                resolved.setdefault((source, variant), (expected, k))
        flags.update(_story_flags(ctx, names, resolved, flags))
        for f in _lone_word_flags(ctx, names):
            flags.setdefault((f.source, f.start), f)
        # A full name damaged as a whole (a particle, an initial, a hyphenated part, a middle name):
        # only where no flag already covers the place.
        taken = defaultdict(list)
        for f in flags.values():
            taken[f.source].append((f.start, f.end))
        for f in (_full_name_flags(ctx, names) + _translated_part_flags(ctx, names)
                  + _translated_place_flags(ctx, names) + _translated_head_flags(ctx, names)
                  + _placed_surname_flags(ctx, names)
                  + _case_ending_flags(ctx, names) + _slot_ending_flags(ctx, names) + _vowelless_flags(ctx, names)
                  + _baltic_name_flags(ctx, names) + _designation_flags(ctx, names)
                  + _translated_apposition_flags(ctx, names) + _name_part_flags(ctx, names)
                  + _swapped_given_flags(ctx, names) + _renamed_in_source_flags(ctx, names)
                  + _initialled_flags(ctx, names) + _split_name_flags(ctx, names)):
            if not any(a < f.end and f.start < b for a, b in taken[f.source]):
                flags.setdefault((f.source, f.start), f)
                taken[f.source].append((f.start, f.end))
        for contest in _one_against_one(ctx, names):
            f = contest.flag
            if not any(a < f.end and f.start < b for a, b in taken[f.source]):
                if not _named_aside(ctx.sources[f.source].text, f.start, f.expected):
                    ctx.contests.append(contest)
        return [flags[k] for k in sorted(flags)
                if not _named_aside(ctx.sources[k[0]].text, flags[k].start, flags[k].expected)]


def _collect(ctx: CheckContext) -> _Names:
    """Find the name mentions of every content passage and count sources per spelling."""
    cand: list[_Mention] = []
    strong: set[str] = set()
    hyphened: set[str] = set()
    lower_count: Counter[str] = Counter()
    lower_in: dict[str, set[str]] = defaultdict(set)
    lone: list[_Mention] = []
    word_sources = ctx.word_sources
    titles: dict[tuple[str, int], bool] = {}  # (source, line start) -> a headline-style line
    # What a token's spelling says, worked out once per distinct token and language (a story of
    # thousands of sources repeats a few thousand words millions of times).
    infos: dict[tuple[str, str], tuple[_Part, ...]] = {}
    label_spans: dict[str, list[tuple[int, int]]] = {}
    for p in ctx.alignment.passages:
        text = ctx.sources[p.source].text
        lang = lang_of(ctx.sources[p.source])
        # Words the encoding damaged ("Äá»©c", "Tráº§n") are the garble check's: their letters are
        # the decoder's, not a spelling of the name.
        damaged = mis_decoded_spans(text, p.start, p.end)
        labels = label_spans.get(p.source)
        if labels is None:
            labels = label_spans[p.source] = _speaker_labels(text)
        for tok in passage_tokens(ctx, p):
            if damaged and any(a <= tok.end and tok.start <= b for a, b in damaged):
                continue
            word = tok.text
            if labels and word.isupper() and any(a <= tok.start and tok.end <= b for a, b in labels):
                word = _label_case(word)  # "GAVIN STRAHAN:" prints the name "Gavin Strahan"
            info = infos.get((word, lang))
            if info is None:
                info = infos[(word, lang)] = _token_parts(word, lang, word_sources)
            for part in info:
                start, end = tok.start + part.offset, tok.start + part.offset + len(part.word)
                if part.shape is False:
                    lower_count[part.key] += 1
                    lower_in[part.key].add(p.source)
                    if part.lone:
                        lone.append(_Mention(p.source, p.id, start, end, part.word, part.key, True))
                    continue
                if part.shape is not True:
                    continue  # not a capitalised word that can be a name
                if part.hyphened:
                    hyphened.add(part.key)
                ls = text.rfind("\n", 0, start) + 1
                title = titles.get((p.source, ls))
                if title is None:
                    title = titles[(p.source, ls)] = in_title_line(text, start) and not _prose_line(text, start)
                if title:
                    continue
                key = part.key
                mid = not sentence_initial(text, start, p.start)
                if mid or part.rare:
                    # A capital mid-sentence, or a word no dictionary knows ("Tolmira told ..."
                    # at a sentence start), is a name.
                    strong.add(key)
                prev, prev_start = "", -1
                if cand and cand[-1].passage == p.id and text[cand[-1].end:start] == " ":
                    prev, prev_start = cand[-1].key, cand[-1].start
                elif key in CALENDAR_WORDS:
                    continue  # a date ("on Thursday"), whose misspelling is a garble; "Theresa May" stays
                cand.append(_Mention(p.source, p.id, start, end, part.word, key, mid, prev, prev_start))
    mentions: dict[str, list[_Mention]] = defaultdict(list)
    sources_of: dict[str, set[str]] = defaultdict(set)
    count_in: Counter[tuple[str, str]] = Counter()
    surface: dict[str, Counter[str]] = defaultdict(Counter)
    hits: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
    mid_count: Counter[str] = Counter()
    pairs: dict[tuple[str, str], set[str]] = defaultdict(set)
    pair_hits: dict[tuple[str, str], list[tuple[str, int, int]]] = defaultdict(list)
    for i, m in enumerate(cand):
        # A capital at a sentence start only makes a name when the story uses the word as a name
        # elsewhere ("Trade talks ..." is not a name; "Bessent said ..." is), or when it is no
        # dictionary word and a name follows it ("Moira O'Dowd, the deputy ..." opens with a
        # given name even if no sentence of the story prints it mid-sentence).
        if not m.mid_sentence and m.key not in strong and not _opens_full_name(ctx, m, cand, i, strong):
            continue
        mentions[m.passage].append(m)
        sources_of[m.key].add(m.source)
        count_in[(m.key, m.source)] += 1
        surface[m.key][m.text] += 1
        hits[m.key].append((m.source, m.start, m.end))
        mid_count[m.key] += m.mid_sentence
        if m.prev and m.prev in strong:
            pairs[(m.prev, m.key)].add(m.source)
            pair_hits[(m.prev, m.key)].append((m.source, m.prev_start, m.end))
    ordinary = frozenset(k for k in sources_of if lower_count[k] and lower_count[k] >= mid_count[k]
                         and is_ordinary_word(k))
    umlauted = {k: frozenset(name_key(_UMLAUT_RE.sub(lambda u: _UMLAUT_E[u.group()], t)) for t in forms
                             if _UMLAUT_RE.search(t))
                for k, forms in surface.items() if any(_UMLAUT_RE.search(t) for t in forms)}
    given_of: dict[str, dict[str, set[str]]] = defaultdict(dict)
    next_of: dict[str, dict[str, set[str]]] = defaultdict(dict)
    for (given, surname), srcs in pairs.items():
        given_of[surname][given] = srcs
        next_of[given][surname] = srcs
    return _Names(dict(mentions), dict(sources_of), count_in, dict(surface), dict(hits), ordinary,
                  frozenset(hyphened), dict(pairs), dict(pair_hits), tuple(lone), umlauted, dict(given_of),
                  dict(next_of), {k: frozenset(v) for k, v in lower_in.items()})


# A transcript's speaker label: at the start of a line (after a time stamp in brackets, bold
# marks), one to four words in capitals, then a colon or a parenthesis ("GAVIN STRAHAN: ...",
# "[01:02:18] JOAN FETHERSTON: ...", "KIM TROTT-HAYES (Director, Weather Service): ...").
_SPEAKER_LABEL_RE = re.compile(
    r"^[ \t]*(?:\[[^\]\n]{1,12}\][ \t]*)?(?:\*\*)?"
    r"([A-Z][A-Z'’.-]*(?:[ \t]+[A-Z][A-Z'’.-]*){0,3})(?:\*\*)?[ \t]*[:(]", re.MULTILINE)


def _speaker_labels(text: str) -> list[tuple[int, int]]:
    """The spans of a source's speaker labels (``_SPEAKER_LABEL_RE``): a transcript prints who
    speaks in capitals, and there the capitals are a name's, not an acronym's. A transcript
    gives the floor to speakers in turn, so a source with one such line has none: that line is a
    dateline or a masthead ("NEW DELHI:", "HARBOUR DAILY STAR (our bureau)"), whose capitals
    may be an outlet's or a place's adjective."""
    spans = [m.span(1) for m in _SPEAKER_LABEL_RE.finditer(text)]
    return spans if len(spans) >= 2 else []


def _label_case(word: str) -> str:
    """A word of a speaker label in capitals as a name is printed in prose ("STRAHAN" ->
    "Strahan", "O'NEILL" -> "O'Neill", "TROTT-HAYES" -> "Trott-Hayes"): the same letters, so
    the same offsets."""
    return "".join(part.capitalize() for part in re.split(r"([-'’.])", word))


def _prose_line(text: str, pos: int) -> bool:
    """Whether the line holding ``pos`` ends as a sentence does: a full stop after a word of two
    letters or more (not an initial), a closing quotation mark or bracket allowed after it. A
    headline carries no full stop; a sentence dense with names and titles in a paragraph of its
    own ("The Port Authority's managing director Ana Ruiz met Transport Minister K. Lozano.") has
    most of its words capitalised like one, and its names are names all the same."""
    ls = text.rfind("\n", 0, pos) + 1
    le = text.find("\n", pos)
    return _SENTENCE_END_RE.search(text[ls:le if le >= 0 else len(text)]) is not None


def _opens_full_name(ctx, m: _Mention, cand: list[_Mention], i: int, strong: set[str]) -> bool:
    """Whether the sentence-initial word ``m`` (``cand[i]``) is the given name of a full name: the
    next candidate follows it after one space in the same passage, is a name of the story
    (``strong``), and ``m`` itself is no dictionary word of the source's language."""
    if i + 1 >= len(cand):
        return False
    nxt = cand[i + 1]
    if nxt.passage != m.passage or nxt.prev_start != m.start or nxt.key not in strong:
        return False
    return not is_ordinary_word(m.key, lang_of(ctx.sources[m.source]))


@dataclass(frozen=True)
class _Part:
    """One word of a token as the name check sees it: its offset in the token, its text
    (possessive dropped), its key, ``_shape``, and whether it is a whole hyphenated given name,
    a word rare enough to be a name even at a sentence start, or an ordinary lower-case word that
    only one source prints (see ``_Names.lone_words``)."""

    offset: int
    word: str
    key: str
    shape: bool | None
    hyphened: bool = False
    rare: bool = False
    lone: bool = False


def _token_parts(text: str, lang: str, word_sources) -> tuple[_Part, ...]:
    """The parts of one token (split at hyphens unless it is one given name, "Seung-ho")."""
    whole = "-" in text and _given_name_shape(text)
    glued = _GLUED_INITIAL_RE.match(text)
    if glued:
        # An initial written onto the name without a space ("Ts.Gerelmaa", "D.Altantsetseg", as
        # Mongolian and Russian news print a patronymic's initial): the name is the part after it.
        spans = [(glued.end(), text[glued.end():])]
    elif whole or "-" not in text:
        spans = [(0, text)]
    else:
        spans = [(m.start(), m.group()) for m in _HYPHEN_PART_RE.finditer(text)]
    out = []
    for offset, word in spans:
        if word.endswith(("'s", "’s")):
            word = word[:-2]
        key = name_key(word)
        shape = True if whole else _shape(word)
        if shape is False:
            lone = (len(spans) == 1 and len(key) >= 4 and len(word_sources.get(norm_of(text), ())) == 1
                    and zipf(key, lang) >= 3.0)
            out.append(_Part(offset, word, key, False, lone=lone))
        elif shape is True:
            rare = zipf(key, lang) < _RARE_ZIPF and not is_ordinary_word(key, lang)
            out.append(_Part(offset, word, key, True, hyphened=whole, rare=rare))
    return tuple(out)


@lru_cache(maxsize=50_000)
def _given_name_shape(text: str) -> bool:
    """Whether a hyphenated token is one given name of syllables ("Seung-ho", "Dong-hyeok"): a
    capitalised first part, lower-case letters after the hyphen, neither part a very common word
    (so not "Well-known", "Anti-war", "Covid-related")."""
    if text.endswith(("'s", "’s")):
        text = text[:-2]
    if not text[:1].isupper() or text.count("-") != 1:
        return False
    first, second = text.split("-")
    if not (first.isalpha() and second.isalpha() and second.islower() and not first[1:].isupper()):
        return False
    # The syllables of a romanised name are frequent tokens themselves ("hon", "min"); an English
    # word after the hyphen ("Covid-related", "Kremlin-backed") is a compound, not a name.
    # A prefix is a very common word ("Non-", "Anti-", "Ex-", "Co-" all zipf 4.8+); the first
    # syllable of a given name may be a word too, but a rarer one ("Min", "Jean", "Woo").
    return zipf(first) < _COMPOUND_ZIPF and zipf(second) < _COMPOUND_ZIPF


@lru_cache(maxsize=200_000)
def _shape(word: str) -> bool | None:
    """What a word (possessive dropped) can be by its spelling alone: True a capitalised word
    that may be a name, False a lower-case word that may be a name lost to an ordinary word
    (see ``_lowercase``), None neither (too short, not letters, acronym, function word, honorific,
    pronoun)."""
    if not is_alpha_word(word) or len(word) < 2:
        return None
    key = name_key(word)
    if not word[0].isupper():
        return None if key in FUNCTION_WORDS else False
    if is_acronym(word) or key in FUNCTION_WORDS or key in HONORIFICS or key in PRONOUNS:
        return None

    return True


def _lowercase(ctx: CheckContext, p: Passage) -> list[_Mention]:
    """A passage's lower-case words that are not function words, as mentions (a name the other
    sources agree on may have become one of them)."""
    out = []
    for tok in passage_tokens(ctx, p):
        if "-" in tok.text and _given_name_shape(tok.text):
            continue  # the syllables of a given name ("Dong-hyeok"), no words
        for part in word_parts(tok):
            word, end = part.text, part.end
            if word.endswith(("'s", "’s")):
                word, end = word[:-2], end - 2
            if _shape(word) is False:
                out.append(_Mention(p.source, p.id, part.start, end, word, name_key(word), True))
    return out


def _minor(names: _Names, variant: str, expected: str) -> bool:
    """Whether ``variant`` is the minority spelling of ``expected`` (sources counted, not
    occurrences): used by one source, or by at most a tenth as many sources."""
    nv, ne = names.n(variant), names.n(expected)
    return ne >= 2 and nv < ne and (nv <= 1 or nv * 10 <= ne)


def _comparable(variant: str, expected: str) -> bool:
    """Whether two spellings may be one name: not identical, not too short, not a derived form.

    One being a prefix of the other is normally a shortened or derived form (or two people:
    "Jian"/"Jiang"); it counts only as a one-letter slip inside a long name or a short one the
    frequency list does not know."""
    if variant == expected or min(len(variant), len(expected)) < 3 or is_name_derivation(variant, expected):
        return False
    if is_ordinary_word(variant) and is_ordinary_word(expected) \
            and min(zipf(variant), zipf(expected)) >= _ATTESTED_ZIPF:
        # Two ordinary words used in titles ("Minister"/"Ministry"), not one name. Only words a
        # reader meets in titles: the dictionary also lists rare words that are surnames as well
        # ("Leery", "Leary"), and a surname does not stop being one for that.
        return False
    if zipf(variant) >= _KNOWN_ZIPF and zipf(expected) >= _KNOWN_ZIPF:
        return False  # two well-known words ("German"/"Germany"), not one misspelt
    if _built_on(variant, expected):
        return False  # a district or derived name ("Velardeta" / "Velarda"), or a declined one
    if expected.startswith(variant) or variant.startswith(expected):
        # A last letter lost: in a long name, or where the short form is no word or name the
        # language knows while the long one is ("Bryc" / "Bryce"; "Jian" / "Jiang" are both names).
        # A well-known word or name that begins a rarer one ("Cuba" / "Cubana") is itself, not
        # a slip; two short names both unknown to the list ("Tovu" / "Tovun") are one name cut.
        short, long_ = sorted((variant, expected), key=len)
        if short == variant and zipf(variant) >= _KNOWN_ZIPF > zipf(expected):
            return False
        return abs(len(variant) - len(expected)) == 1 and (
            len(short) >= 6 or (len(short) >= 4 and zipf(short) == 0))
    return True


def _name_stems(key: str) -> tuple[str, ...]:
    """What endings attach to in a name key: the key, the key without a final vowel ("barcelona"
    -> "barcelon"), or without the nominative -s of Lithuanian, Latvian and Greek names and the
    vowel before it ("vilnius" -> "vilniu", "vilni"), which declensions and derivations replace."""
    if len(key) <= 4:
        return (key,)
    if key[-1] in _VOWELS:
        return (key, key[:-1])
    if key[-1] == "s" and key[-2] in _VOWELS and len(key) > 5:
        return (key, key[:-1], key[:-2])
    return (key,)


def _built_on(variant: str, expected: str) -> bool:
    """Whether the longer of two keys is the shorter one's stem (see ``_name_stems``) with two
    letters or more added: a name built on the other, as a district, diminutive or adjective is
    ("Velardeta" on "Velarda"), or the name declined ("Klaipėdoje"), not a misspelling. The
    declined ones are ``_case_ending_flags``'s, with their own message."""
    short, long_ = sorted((variant, expected), key=len)
    if len(long_) - len(short) < _DERIVED_ADDED or len(short) < 4:
        return False
    return any(long_.startswith(stem) for stem in _name_stems(short))


def case_ending(variant: str, expected: str) -> str | None:
    """The case ending (see ``_CASE_ENDINGS``) that ``variant`` adds to the name ``expected`` or to
    its stem ("vartesului" on "vartes" -> "ului", "debnowie" on "debnow" -> "ie"), or None."""
    if len(expected) < 4:
        return None
    for stem in _name_stems(expected):
        ending = variant[len(stem):]
        if variant.startswith(stem) and len(ending) >= 2 and ending in _CASE_ENDINGS:
            return ending
    # The endings of one shape of name (see ``_AFTER_CONSONANT_ENDINGS``), on the whole name.
    if variant.startswith(expected):
        ending = variant[len(expected):]
        if ending in _AFTER_CONSONANT_ENDINGS and expected[-1] not in _VOWELS and len(expected) >= 5:
            return ending
        if ending in _ARMENIAN_ENDINGS and _ARMENIAN_SURNAME_RE.search(expected):
            return ending
    return None


def soft_case_ending(variant: str, expected: str, shown: str) -> str | None:
    """The Polish soft-stem case ending (``_SOFT_ENDINGS``) that the key ``variant`` adds to the
    key ``expected`` of a name printed ``shown`` with a soft consonant last ("lubasia" on "lubas",
    printed "Lubaś" -> "ia"), or None."""
    if len(expected) < 4 or shown[-1:].lower() not in _SOFT_FINALS or not variant.startswith(expected):
        return None
    ending = variant[len(expected):]
    return ending if ending in _SOFT_ENDINGS else None


def _ending_left_on(ctx, names: _Names, v: str, e: str, ending: str) -> list[Flag]:
    """Medium flags on every mention of the name key ``v``, the name ``e`` the others print with
    the case ending ``ending`` a translation left on it."""
    out: list[Flag] = []
    for src, start, end in names.hits[v]:
        m = _Mention(src, "", start, end, ctx.sources[src].text[start:end], v, True)
        flag = _make(ctx, names, m, e, compare_names(v, e), None,
                     _first_per_source(ctx, names.hits[e], src), 0,
                     what=f"the name with the case ending -{ending} left on", medium=True)
        if flag is not None:
            out.append(flag)
    return out


def _case_ending_flags(ctx, names: _Names) -> list[Flag]:
    """A name printed with a case ending machine translation left on it ("In the Vârteșului
    valley" where the others print "Vârteș"; "in Hajdúkertben"): a spelling only one source prints,
    that is a name two or more other sources print (or its stem) with an ending of
    ``_CASE_ENDINGS``, that English texts do not print as a name ("Jackie" on "Jack"), and that the
    source does not use as a name of its own (printed three times or more, see
    ``_FREQUENT_IN_SOURCE``). Medium: the reader sees the right name with
    something stuck to it."""
    out: list[Flag] = []
    for v in sorted(names.sources_of):
        # A name English texts print ("Jackie", "Hendrik") is a name of its own, not another with
        # an ending left on: a declined form is in no English frequency list.
        if names.n(v) != 1 or len(v) < 6 or _known(v) >= _TRANSLIT_ZIPF:
            continue
        for n in _CASE_ENDING_LENGTHS:
            if len(v) - n < 3 or v[-n:] not in _ANY_CASE_ENDING:
                continue
            stem = v[:-n]
            found = [e for e in (stem, *(stem + c for c in "aeiouy"), stem + "s", *(stem + c + "s" for c in "aeiou"))
                     if names.n(e) >= 2 and (case_ending(v, e) or soft_case_ending(v, e, names.display(e)))]
            if not found:
                continue
            e = max(found, key=lambda k: (names.n(k), k))
            (source,) = names.sources_of[v]
            if source in names.sources_of[e] and names.count_in[(v, source)] >= _FREQUENT_IN_SOURCE:
                continue
            # Printed so at two places or more and the others' form never: the source writes
            # the name in its language's form throughout ("Varkovaya" at every mention where
            # the others print "Varkova"), as it does a romanisation (``_own_rendering``); an
            # ending a translation left on is a one-off beside the name's own form.
            if source not in names.sources_of[e] and names.count_in[(v, source)] >= 2:
                continue
            ending = v[len(v) - n:]
            if any(_APOSTROPHE_RE.search(t) for t in names.surface[v]):
                break  # a suffix written after an apostrophe ("Yalçınkaya'nın") is visibly garbled text
            out.extend(_ending_left_on(ctx, names, v, e, ending))
            break
    return out


# One-letter case endings that declining languages put on a name and English derivation puts on
# it too ("Kenyan", "Trumps", which ``is_name_derivation`` reads so): the Finnish genitive and
# Hungarian superessive -n ("Kuuselan", "Tapolcán"), the Estonian inessive, Greek genitive and
# Dutch possessive -s ("Narvas", "Kalamarias", "Arslans"). Read as a case ending only where the
# word stands in a name's place (see ``_name_slot``). Not -i: Albanian and Romanian make the
# name's definite form with it ("Durrësi", "Berati"), which is the name as those languages print it.
_SLOT_ENDINGS = frozenset("ns")
_SLOT_PUNCT_RE = re.compile(r"^[ \t]*(?:[.,;:!?)\]\"”’(]|\n|$)")
_NEXT_WORD_RE = re.compile(r"^[ \t]+([^\W\d_]+)")


def _name_slot(text: str, end: int) -> bool:
    """Whether the word that ends at ``end`` stands where a name stands, not where an adjective
    does: an adjective or demonym made from a name ("the Kenyan delegation") goes before the noun
    it qualifies; a name goes before punctuation, a function word ("in Narvas on 1 February") or a
    speech verb ("Kuuselan says"). Before a capitalised word it opens a longer name of its own (a
    masthead: "Daugavas Vēstis")."""
    rest = text[end:end + 40]
    if _SLOT_PUNCT_RE.match(rest):
        return True
    m = _NEXT_WORD_RE.match(rest)
    if m is None:
        return False
    word = m.group(1)
    return word in FUNCTION_WORDS or word in _SPEECH_VERBS


def _printed_times(text: str, forms) -> int:
    """How often ``text`` prints any of the word forms ``forms`` as a whole word, its front matter
    and headline included (name mentions are counted in the article's body only)."""
    return sum(len(re.findall(r"(?<![\w])%s(?![\w])" % re.escape(f), text)) for f in forms)


def _slot_ending_flags(ctx, names: _Names) -> list[Flag]:
    """A name with a one-letter case ending a translation left on (``_SLOT_ENDINGS``: "Kuuselan
    says" where the others print "Kuusela"), which ``_comparable`` leaves aside as an English
    derivation: a spelling one source prints, that English lists do not know, that is a name
    (4+ letters) two or more other sources print with the letter added, and that stands in a
    name's place at each mention (``_name_slot``). As in ``_case_ending_flags``, a source that
    prints the form at two places or more (its headline counted: "Nummis" in the title and the
    text, never "Nummi") and never the others' writes the name its own way. Medium: the reader
    sees the right name with a letter stuck to it."""
    out: list[Flag] = []
    for v in sorted(names.sources_of):
        if names.n(v) != 1 or len(v) < 5 or v[-1] not in _SLOT_ENDINGS or _known(v) >= _TRANSLIT_ZIPF:
            continue
        e = v[:-1]
        (source,) = names.sources_of[v]
        srcs = names.sources_of.get(e, set())
        if len(srcs - {source}) < 2:
            continue
        if names.count_in[(v, source)] >= _FREQUENT_IN_SOURCE:
            continue
        if source not in srcs and _printed_times(ctx.sources[source].text, names.surface[v]) >= 2:
            continue
        if any(_APOSTROPHE_RE.search(t) for t in names.surface[v]):
            continue
        hits = names.hits[v]
        if not all(_name_slot(ctx.sources[src].text, end) for src, _, end in hits):
            continue
        out.extend(_ending_left_on(ctx, names, v, e, v[-1]))
    return out


def _baltic_stem(names: _Names, key: str, source: str) -> str | None:
    """The name key ``key`` of ``source`` is with a Lithuanian nominative ending (``_BALTIC_ENDINGS``)
    put on: the name without it, which ends in a consonant, is 4+ letters long and is printed by 2+
    other sources but not by this one, and ``key`` itself by this source alone. Else None."""
    if names.sources_of.get(key) != {source} or key[-2:] not in _BALTIC_ENDINGS:
        return None
    stem = key[:-2]
    if len(stem) < 4 or stem[-1] in _VOWELS:
        return None
    srcs = names.sources_of.get(stem, set())
    if source in srcs or len(srcs) < 2:
        return None
    return stem


def _baltic_name_flags(ctx, names: _Names) -> list[Flag]:
    """A foreign full name given Lithuanian nominative endings by a translation ("Maartenis van
    Veldas" where the others print "Maarten van Veld"): two name words of one source, apart by
    at most two short lower-case particles, each a name the others print with -as, -is or -us
    added (see ``_baltic_stem``). One word alone ("Thomas" by "Thom") may be a name of its own;
    the whole name declined is the translation's grammar. Medium: the name is readable."""
    out: list[Flag] = []
    for pid in sorted(names.mentions):
        ms = sorted(names.mentions[pid], key=lambda m: m.start)
        for a, b in zip(ms, ms[1:]):
            if a.source != b.source:
                continue
            text = ctx.sources[a.source].text
            if not _BALTIC_GAP_RE.match(text[a.end:b.start]):
                continue
            sa, sb = _baltic_stem(names, a.key, a.source), _baltic_stem(names, b.key, b.source)
            if sa is None or sb is None:
                continue
            shown = f"{names.display(sa)}{text[a.end:b.start]}{names.display(sb)}"
            k = len((names.sources_of[sa] & names.sources_of[sb]) - {a.source})
            if k < 1:
                continue  # the two names never stand together elsewhere: not one person's name
            hits = [h for h in names.hits[sb] if h[0] != a.source]
            out.append(make_flag(
                ctx, kind=Kind.NAME_VARIANT, source=a.source, start=a.start, end=b.end, expected=shown,
                severity=Severity.MEDIUM, confidence=min(0.85, 0.6 + 0.08 * min(k, 3)), group=None,
                message=(f"'{text[a.start:b.end]}' (the name with Lithuanian nominative endings left on) "
                         f"where {_others(k, 'print')} '{shown}'"),
                evidence=_first_per_source(ctx, hits, a.source)))
    return out


# A designation of a name and a serial number ("Vidyut-1", "Apollo 11", "Soyuz-2"), in prose.
_DESIGNATION_RE = re.compile(r"\b([A-Z][a-z]{2,})(?:-| )(\d{1,3})\b(?![.,]\d)")


def _designation_flags(ctx, names: _Names) -> list[Flag]:
    """A designation whose name a translation rendered by its meaning: "the Lightning-1 rocket" where
    the others print "the Vidyut-1 rocket" (Sanskrit vidyut, lightning). A designation of an everyday
    word and a number that this source alone prints, standing in the same or a neighbouring
    aligned passage as a designation with the same number printed by two or more other sources,
    whose name is no English word (see ``_name_word``) and does not open like the word (see
    ``_unlike``), and which this source does not print in that passage. Two such designations
    there (a rocket and its satellite, both "-1") are told apart by the ordinary words framing
    them (see ``_frame_words``); a tie leaves it unsaid. High with two witnesses there, else
    medium."""
    found: dict[tuple[str, str], list[tuple[str, int, int]]] = defaultdict(list)
    for sid in sorted(ctx.sources):
        text = ctx.sources[sid].text
        for m in _DESIGNATION_RE.finditer(text):
            found[(m.group(1).lower(), m.group(2))].append((sid, m.start(), m.end()))
    places = _GroupIndex(ctx)
    out: list[Flag] = []
    for (word, num), mine in sorted(found.items()):
        srcs = {h[0] for h in mine}
        if len(srcs) != 1:
            continue
        (source,) = srcs
        lang = lang_of(ctx.sources[source])
        text = ctx.sources[source].text
        if zipf(word, lang) < _MEANT_WORD_ZIPF or not word_senses(word) or word in CALENDAR_WORDS:
            continue
        if instance_share(word) >= _ROLE_SHARE or noun_categories(word).get("person", 0.0) >= _ROLE_SHARE:
            continue
        for src, start, end in mine:
            frame = _frame_words(text, start, end)
            ranked = []
            for (e, n), hits in sorted(found.items()):
                theirs = [h for h in hits if h[0] != source]
                k = len({h[0] for h in theirs})
                if n != num or e == word or k < 2 or not _name_word(names, e, lang) or not _unlike(word, e):
                    continue
                p = places.passage(source, start)
                if p is not None and any(h[0] == source and p.start <= h[1] < p.end for h in hits):
                    continue  # this source prints that designation right there: another object
                near = places.near([(src, start, end)], theirs)
                if not near:
                    continue
                framed = {h[0] for h in theirs if h[0] in near
                          and frame & _frame_words(ctx.sources[h[0]].text, h[1], h[2])}
                ranked.append((len(framed), len(near), k, e, theirs))
            if not ranked:
                continue
            ranked.sort(key=lambda r: r[:4], reverse=True)
            n_framed, n_near, k, e, theirs = ranked[0]
            if len(ranked) > 1 and ranked[1][:2] == (n_framed, n_near):
                continue
            got = text[start:end]
            h0 = theirs[0]
            shown = ctx.sources[h0[0]].text[h0[1]:h0[2]]
            severity = Severity.HIGH if n_near >= 2 else Severity.MEDIUM
            out.append(make_flag(
                ctx, kind=Kind.NAME_VARIANT, source=source, start=start, end=end, expected=shown,
                severity=severity, confidence=min(0.9, 0.55 + 0.08 * min(k, 3) + 0.05 * min(n_framed, 2)),
                group=None,
                message=(f"'{got}' (an ordinary word in a designation, perhaps the name translated) "
                         f"where {_others(n_near, 'print')} '{shown}' at the same place"),
                evidence=_first_per_source(ctx, theirs, source)))
    return out


def _skeleton(key: str) -> str:
    """A name key's consonants, doubled letters written once ("muhammad" -> "mhmd"): what a script
    that leaves short vowels unwritten keeps of a name."""
    out = []
    for c in key:
        if c not in _VOWELS and (not out or out[-1] != c):
            out.append(c)
    return "".join(out)


def _syllables(key: str) -> str:
    """A name key's run of vowels and consonants, each run written once ("yussef" -> "cvcvc")."""
    return _RUN_RE.sub(r"\1", "".join("v" if c in _VOWELS else "c" for c in key))


def _vowelless_flags(ctx, names: _Names) -> list[Flag]:
    """A name printed without its vowels, as a translation from Arabic or Persian script may leave
    it ("Mhmd Rzaei" for "Mohammad Rezaei"): a spelling only one source prints, of three letters
    or more and no vowel (a, e, i, o, u, y), whose consonants are those of exactly one name two
    or more other sources print (see ``_skeleton``). Medium: a reader may still guess the name."""
    out: list[Flag] = []
    by_skeleton: dict[str, list[str]] = defaultdict(list)
    bare = []
    for k in sorted(names.sources_of):
        if names.n(k) >= 2 and any(c in _VOWELS for c in k):
            by_skeleton[_skeleton(k)].append(k)
        elif names.n(k) == 1 and len(k) >= 3 and k.isalpha() and not any(c in _VOWELS for c in k):
            bare.append(k)
    for v in bare:
        found = by_skeleton.get(_skeleton(v), ())
        if len(found) != 1:
            continue  # no name or two: nothing says which
        (e,) = found
        for src, start, end in names.hits[v]:
            m = _Mention(src, "", start, end, ctx.sources[src].text[start:end], v, True)
            flag = _make(ctx, names, m, e, compare_names(v, e), None, _first_per_source(ctx, names.hits[e], src), 0,
                         what="the name without its vowels", medium=True)
            if flag is not None:
                out.append(flag)
    return out


def _pair_ok(names: _Names, variant: str, expected: str) -> bool:
    """``_comparable`` plus what this story says: ``expected`` is a name here (not an ordinary
    word the story prints in lower case), and two hyphenated given names differ by one edit at
    most (their syllables sound alike by nature: "Seung-ho" / "Seung-hee" are two people), and
    neither is the other with its umlauts transcribed ("Goebel" / "Göbel", see ``_UMLAUT_E``)."""
    if expected in names.ordinary or not (_comparable(variant, expected) or _surname_cut(names, variant, expected)
                                          or _derived_after_given(names, variant, expected)
                                          or _one_full_names_surnames(names, variant, expected)):
        return False
    if _umlaut_pair(names, variant, expected):
        return False
    if (variant in names.hyphened or expected in names.hyphened) and OSA.distance(variant, expected) > 1:
        return False
    return True


def _one_full_names_surnames(names: _Names, variant: str, expected: str) -> bool:
    """Whether two dictionary words one letter apart ("Cho" / "Cha"), which ``_comparable`` takes
    for two title words ("Minister" / "Ministry"), are one person's surname spelt two ways: the
    story prints each beside the same given name ("Cho Young-ok" / "Cha Young-ok"), a name word
    that is no title or role, and other sources print ``expected`` beside it. A title or an
    institution's word takes no given name beside it; the same given name with a surname one
    letter off is one person, the slip a speech-to-text or typing error makes. Two spellings of
    one word (WordNet puts them in one synset: "Centre" / "Center", "Defence" / "Defense") are
    the word itself, whatever name it stands in."""
    if min(len(variant), len(expected)) < 3 or variant[0] != expected[0] or len(variant) != len(expected):
        return False
    if OSA.distance(variant, expected) != 1 or variant in names.ordinary or expected in names.ordinary:
        return False
    if not names.given_of or not names.next_of or is_name_derivation(variant, expected):
        return False
    if (synset_share(variant, expected) or 0.0) >= MEANING_KEPT:
        return False  # one word's two spellings, not a name misspelt
    for table in (names.given_of, names.next_of):
        mine, theirs = table.get(variant, {}), table.get(expected, {})
        for w, srcs in mine.items():
            if w in theirs and theirs[w] - srcs and w not in (variant, expected) and _personal_name(names, w):
                return True
    return False


def _surname_cut(names: _Names, variant: str, expected: str) -> bool:
    """Whether ``variant`` is the surname ``expected`` with its last letter lost, though the pair
    reads as a name and its derived form ("Saarekiv" / "Saarekivi" as "Iraq" / "Iraqi"): the
    story prints ``expected`` after a given name in two or more sources (a derived form takes no
    given name), never ``variant`` after one, and ``variant`` is no word or name the language
    knows (a place the story derives a word from is one: "Kenya")."""
    if len(expected) != len(variant) + 1 or len(variant) < 5 or not expected.startswith(variant):
        return False
    if names.given_of is None or names.given_of.get(variant) or zipf(variant) > 0:
        return False
    return any(len(srcs) >= 2 and _personal_name(names, g) and not is_ordinary_word(g)
               for g, srcs in names.given_of.get(expected, {}).items())


def _derived_after_given(names: _Names, variant: str, expected: str) -> bool:
    """Whether two surnames that read as a name and its derived form ("Akbulut" / "Akbuluts" as
    "Trump" / "Trumps", "Sarioglan" / "Sarioglu" as "Canadian" / "Canada", "Rahimzadeh" /
    "Rahimi" as "Velardeta" / "Velarda") are one surname spelt two ways: a derived form takes no given
    name, and the source prints ``variant`` after the very given name other sources print before
    ``expected`` ("Emre Akbuluts" / "Emre Akbulut"). Neither may be a word the language knows
    well (``_KNOWN_ZIPF``), nor the given name an ordinary word or a title."""
    if not names.given_of or min(len(variant), len(expected)) < 4 or variant == expected:
        return False
    if not (is_name_derivation(variant, expected) or _built_on(variant, expected)):
        return False
    if _letters_lost(variant, expected):
        return False  # a full name's surname with letters lost: ``_name_part_flags`` says so
    if any(_APOSTROPHE_RE.search(t) for t in names.surface.get(variant, ())):
        return False  # a suffix written after an apostrophe ("Yalçınkaya'nın"): a case ending, or garbled
    if max(zipf(variant), zipf(expected)) >= _KNOWN_ZIPF:
        return False
    theirs = names.given_of.get(expected, {})
    return any(g in theirs and theirs[g] - srcs and _personal_name(names, g) and not is_ordinary_word(g)
               for g, srcs in names.given_of.get(variant, {}).items())


def _umlaut_pair(names: _Names, a: str, b: str) -> bool:
    """Whether one key is the other with its umlauts transcribed ("moeller" / "moller")."""
    return bool(names.umlauted) and (a in names.umlauted.get(b, ()) or b in names.umlauted.get(a, ()))


def _two_names(names: _Names, variant: str, expected: str, source: str) -> bool:
    """Whether ``source`` knows ``variant`` and ``expected`` as two names: it prints both, both are
    in the frequency list (misspellings rarely are) and they are more than one slip apart
    ("Lugano" beside "Lucerne"; "Tolmira" beside "Tolmiro" is one letter, unknown to the list)."""
    return (source in names.sources_of.get(expected, ()) and zipf(variant) >= _ATTESTED_ZIPF
            and zipf(expected) >= _ATTESTED_ZIPF and OSA.distance(variant, expected) >= 2)


def _slip_beside_own(names: _Names, variant: str, expected: str, *, placed: bool = True) -> bool:
    """Whether ``variant`` is a one-off slip of a name its own source spells ``expected``
    elsewhere: one source prints ``variant``, once, prints ``expected`` too, and writes the same
    name word before or after ``variant`` as the story writes before or after ``expected``
    ("Callum Bretton" beside its own "Callum Brereton", "the Tampa Philharmonic" beside "the
    Tampere Philharmonic"). A writer who knows two names apart ("Lugano" and "Lucerne") or writes
    one name by another romanisation scheme is consistent; a slip is the odd mention out, so
    neither two attested spellings nor two accepted romanisations excuse it. ``placed`` False:
    the neighbouring name word is not needed, since the caller has the others' spelling at the
    same aligned place ("Ms Windham" where the others print "Ms Wyndham")."""
    srcs = names.sources_of.get(variant, ())
    if len(srcs) != 1 or min(len(variant), len(expected)) < 4 or expected in names.ordinary:
        return False
    (source,) = srcs
    if names.count_in[(variant, source)] != 1 or not names.count_in[(expected, source)]:
        return False
    if is_name_derivation(variant, expected) or (is_ordinary_word(variant) and is_ordinary_word(expected)):
        return False  # a derived form ("Chinese"), or two words of a title ("Ministry" / "Minister")
    if variant in names.hyphened or expected in names.hyphened:
        return False  # two hyphenated given names are two people ("Seung-ho" / "Seung-hee")
    if len(variant) > len(expected) and (_built_on(variant, expected) or case_ending(variant, expected)
                                         or any(_APOSTROPHE_RE.search(t) for t in names.surface.get(variant, ()))):
        return False  # the name declined or derived ("Velardeta", "Aydoğan'ın"), not misspelt
    if not placed:
        return True
    if not names.given_of or not names.next_of:
        return False
    before, after = names.given_of.get(expected, {}), names.next_of.get(expected, {})
    return (any(w in before for w in names.given_of.get(variant, {}))
            or any(w in after for w in names.next_of.get(variant, {})))


def _other_person(names: _Names, variant: str, expected: str, source: str, prev: str = "") -> bool:
    """Whether ``source`` names someone else with ``variant``, judged on given names: it prints
    ``variant`` after a given name (a word no dictionary knows: "Joel Kasonde", not "Minister
    Kasonde"), the story prints ``expected`` after given names too, and none of the ones before
    ``expected`` is that given name or like it ("Hedda Kasonda"). Two people with near surnames
    are common; a slip in the surname rarely comes with a different given name. ``prev``: the name
    word before this mention, which decides alone when it is a given name (one source may name
    both people)."""
    if not names.given_of:
        return False
    if _other_sex(names, variant, expected, source):
        return True
    if prev and not is_ordinary_word(prev):
        mine = [prev] + [h for h, hs in sorted(names.given_of.get(prev, {}).items()) if source in hs]
    else:
        mine = [g for g in _given_names(names, variant, source) if not is_ordinary_word(g)]
    # Before ``expected``, titles the story also prints in lower case ("Regulator Kasonda", "the
    # regulator") are no given names: a person the story names only by title cannot be told apart.
    theirs = [g for g in _given_names(names, expected, None) if g not in names.ordinary]
    if not mine or not theirs:
        return False
    for g in mine:
        for h in theirs:
            if g == h or transliteration_pair(g, h) or (compare_names(g, h).jaro_winkler >= 0.8
                                                        and not _two_given_names(g, h)):
                return False
    return True


def _two_given_names(a: str, b: str) -> bool:
    """Whether two given-name keys that look alike (the same opening, a Jaro-Winkler score of
    0.8 or more) are still two names: three edits apart or more, and neither the other's opening,
    as a short form is ("Alex" / "Alexander"). A slip changes a letter or two ("Daniella" /
    "Daniela"); names built on one root ("Oluwaseun" / "Oluwatobi") are two people's."""
    if a.startswith(b) or b.startswith(a):
        return False
    return OSA.distance(a, b) >= 3


def _other_sex(names: _Names, variant: str, expected: str, source: str) -> bool:
    """Whether ``source`` prints ``variant`` before a surname that is the one printed after
    ``expected`` with the other sex's ending ("Zdenka Horakova" beside "Zdenek Horak", see
    ``_gendered_surnames``): a woman and a man of one family, two people, whose given names differ
    because they are two names, not one misspelt."""
    mine = [k for k, srcs in names.next_of.get(variant, {}).items() if source in srcs] if names.next_of else []
    if not mine:
        return False
    theirs = names.next_of.get(expected, {})
    return any(_gendered_surnames(a, b) for a in mine for b in theirs if a != b)


def _given_names(names: _Names, surname: str, source: str | None) -> list[str]:
    """The name words printed before ``surname`` (by ``source``, or by any source when None), and
    the words before those: "Oleg Dmitriyevich Grachev" gives the patronymic and the given
    name, so a full name with a patronymic is compared with one without on its given name."""
    out: list[str] = []
    for g, srcs in sorted(names.given_of.get(surname, {}).items()):
        if source is None or source in srcs:
            out.append(g)
            out.extend(h for h, hs in sorted(names.given_of.get(g, {}).items()) if source is None or source in hs)
    return out


def _same_first_sound(variant: str, expected: str) -> bool:
    """The same first letter, the same metaphone key ("Kintana" / "Quintana", "Carl" / "Karl"), or a
    name of five letters or more (``_FIRST_LETTER_NAME``) that differs only in its first letter,
    the rest spelt the same letter for letter: a first consonant made at the same place in the
    mouth ("Palma" / "Balma"), a first vowel written otherwise ("Olvata" / "Ulvata"), or a first
    letter that turns the name into a better-known one ("Lorvik" for "Torvik"). Four letters or
    more in the same order after it are the same name at the place where the others print it,
    whatever sound the first letter makes; two short names that rhyme ("Dale" / "Gale") need more."""
    if variant[0] == expected[0]:
        return True
    a, b = sound_keys(variant)[0], sound_keys(expected)[0]
    if len(a) >= 3 and a == b:
        return True
    return len(variant) >= _FIRST_LETTER_NAME and variant[1:] == expected[1:]


def _translit_fold(key: str) -> str:
    """A name key with the spelling conventions of ``_TRANSLIT_RULES`` written one way."""
    for rule, one in _TRANSLIT_RULES:
        key = rule.sub(one, key)
    return key


@lru_cache(maxsize=50_000)
def transliteration_pair(a: str, b: str) -> bool:
    """Whether two name keys are accepted romanisations of one name: equal once the conventions of
    ``_TRANSLIT_RULES`` are written one way ("grachyov"/"grachev", "khalid"/"halid"); or the
    same length with at most two letters differing, each by a pair of ``_TRANSLIT_LETTERS``
    ("adel"/"adil", "zhaksybekov"/"jaksybekov"), where a glide beside a vowel ("andrei"/"andrey")
    needs nothing more and any other pair needs both spellings established (see
    ``_TRANSLIT_ZIPF``). "salmani"/"salmini" (a/i), "ghavidel"/"gavidel" (a letter dropped) and
    "kelly"/"kelli" (a y that is no glide, in unknown spellings) are not."""
    if a == b:
        return False
    x, y = _translit_fold(a), _translit_fold(b)
    if x == y:
        return True
    if len(x) != len(y):
        return False
    diffs = [i for i, (c, d) in enumerate(zip(x, y)) if c != d]
    if len(diffs) > 2 or not all(_translit_letter(x, y, i) for i in diffs):
        return False
    if all(_glide_by_vowel(x, y, i) for i in diffs):
        return True
    return min(_known(a), _known(b)) >= _TRANSLIT_ZIPF


@lru_cache(maxsize=50_000)
def romanisation(variant: str, expected: str) -> str | None:
    """How two name keys relate as romanisations: "accepted" when both are established spellings
    English texts print (``_ESTABLISHED_ZIPF``: "khalid" / "khaled"), or when they differ only in
    writing the same letters another way (``_SAME_LETTERS``: "maxim" / "maksim"); "note" for a pair
    of ``transliteration_pair`` or ``alternation_pair`` one of whose spellings is rarer ("semenov" /
    "semyonov", "korobos" / "korombos"), None when
    they are no such pair, or when either is one of English's own common names ("karin" / "karen",
    "allan" / "allen", see ``_ENGLISH_NAME_ZIPF``)."""
    if variant != expected and _same_letters(variant) == _same_letters(expected):
        return "accepted"
    if not transliteration_pair(variant, expected) and not alternation_pair(variant, expected):
        return "note" if _vowel_spellings(variant, expected) else None
    zv, ze = _known(variant), _known(expected)
    if max(zv, ze) >= _ENGLISH_NAME_ZIPF:
        return None
    return "accepted" if min(zv, ze) >= _ESTABLISHED_ZIPF else "note"


@lru_cache(maxsize=50_000)
def _vowel_spellings(a: str, b: str) -> bool:
    """Whether two name keys are two established spellings of one name that differ only in its
    vowels and doubled letters, which a script that leaves short vowels unwritten (Arabic,
    Persian, Hebrew) leaves to the romaniser ("Yusuf" / "Youssef", "Osman" / "Usman"): the same
    consonants once the conventions of ``_TRANSLIT_RULES`` are written one way (see
    ``_skeleton``), a vowel different beside any doubled letter, vowels in the same places (a vowel added at the end is an ending:
    "Kuznetsov" / "Kuznetsova"), the same sound, both spellings established (``_ESTABLISHED_ZIPF``) and neither
    one of English's common names (``_ENGLISH_NAME_ZIPF``). A slip rarely lands on another
    established spelling; still a note only, since Latin-script names differ by a vowel too
    ("Hansen" / "Hanson")."""
    x, y = _RUN_RE.sub(r"\1", _translit_fold(a)), _RUN_RE.sub(r"\1", _translit_fold(b))
    # A doubled letter written once and nothing else is the commonest slip ("Kesler" for
    # "Kessler"): a vowel must differ too.
    if x == y or _skeleton(x) != _skeleton(y) or len(_skeleton(x)) < 2 or _syllables(x) != _syllables(y):
        return False
    za, zb = _known(a), _known(b)
    if min(za, zb) < _ESTABLISHED_ZIPF or max(za, zb) >= _ENGLISH_NAME_ZIPF:
        return False
    return compare_names(a, b).same_sound


@lru_cache(maxsize=50_000)
def alternation_pair(a: str, b: str) -> bool:
    """Whether two different name keys differ only by romanisation alternations: equal once the
    conventions of ``_TRANSLIT_RULES`` and then the alternations of ``_ALTERNATIONS`` are written
    one way ("theoxeinos" / "theoxinos", "korompos" / "korobos", "boonkaeo" / "boonkaew");
    "gavidel" / "ghavidel" and "kau" / "khau" (a dropped letter no scheme writes) are not."""
    if a == b:
        return False
    x, y = _alternation_fold(a), _alternation_fold(b)
    if x == y:
        return True
    # The ق mark against k or g; any other difference is no alternation.
    return len(x) == len(y) and all(
        c == d or ("Q" in (c, d) and c in _Q_PARTNERS and d in _Q_PARTNERS) for c, d in zip(x, y))


def _alternation_fold(key: str) -> str:
    """A name key with ``_PRE_ALTERNATIONS``, ``_TRANSLIT_RULES``, ``_ALTERNATIONS`` and then
    ``_POST_ALTERNATIONS`` written one way."""
    for rule, one in _PRE_ALTERNATIONS:
        key = rule.sub(one, key)
    key = _translit_fold(key)
    for rule, one in _ALTERNATIONS:
        key = rule.sub(one, key)
    for rule, one in _POST_ALTERNATIONS:
        key = rule.sub(one, key)
    return key


def _same_letters(key: str) -> str:
    """A name key with the letters of ``_SAME_LETTERS`` written out ("maxim" -> "maksim")."""
    return _SAME_LETTERS_RE.sub(lambda m: _SAME_LETTERS[m.group()], key) if "x" in key else key


def _glide_by_vowel(x: str, y: str, i: int) -> bool:
    """Whether letter ``i`` differs as a glide (i/y, j/y) right after or before a vowel both keys
    share: the semivowel a script without Latin letters leaves to the romaniser."""
    if frozenset((x[i], y[i])) not in _GLIDES:
        return False
    return any(0 <= j < len(x) and x[j] == y[j] and x[j] in "aeiou" for j in (i - 1, i + 1))


def _translit_letter(x: str, y: str, i: int) -> bool:
    """Whether letter ``i`` of two equal-length keys differs as romanisations differ: a glide
    (i/y, j/y) anywhere, a vowel pair only as one short vowel between consonants ("ad[e/i]l"),
    since that vowel is what the source script leaves unwritten or writes alike. Inside a vowel
    cluster the letters are spelt, not guessed ("Jian" / "Jean" are two names)."""
    pair = frozenset((x[i], y[i]))
    if pair not in _TRANSLIT_LETTERS:
        return False
    if pair in _GLIDES:
        return True
    for j in (i - 1, i + 1):
        if 0 <= j < len(x) and (x[j] in _VOWELS or y[j] in _VOWELS):
            return False
    return True


def _known(key: str) -> float:
    """How established a spelling is as a name in Latin script: its zipf frequency in English,
    where the romanised names of every region are printed. (Another language's list would also
    know its ordinary words, "sabla" or "accre", which are no romanisation of anything.)"""
    return zipf(key)


def _gendered_surnames(a: str, b: str) -> bool:
    """Whether two surname keys are one family name with the endings of the two sexes
    ("ivanov"/"ivanova", "hansson"/"hansdottir", see ``_GENDER_ENDINGS``)."""
    for cut in range(_GENDER_STEM, min(len(a), len(b)) + 1):
        if a[:cut] != b[:cut]:
            break
        if frozenset((a[cut:], b[cut:])) in _GENDER_ENDINGS:
            return True
    return False


def _aligned_like(m: NameMatch, variant: str, expected: str) -> bool:
    """Likeness enough when the other sources print ``expected`` at the same place."""
    return (_same_first_sound(variant, expected) and m.jaro_winkler >= 0.8
            and (m.near_sound or m.distance <= 1))


def _story_like(m: NameMatch, variant: str, expected: str) -> bool:
    """Likeness enough with no aligned counterpart: spelling and sound both close."""
    if variant[0] != expected[0]:
        return False
    return ((m.jaro_winkler >= 0.87 and m.same_sound)
            or (m.distance <= 1 and min(len(variant), len(expected)) >= 6)
            or (m.jaro_winkler >= 0.93 and m.near_sound)
            # One letter away from a spelling the language knows, itself unknown ("Pereia" /
            # "Pereira", "Vaugn" / "Vaughn"): a slip, not another name.
            or (m.distance <= 1 and m.jaro_winkler >= 0.95 and zipf(variant) == 0 < zipf(expected)))


def _group_flags(ctx: CheckContext, names: _Names, group: Group):
    """Variants inside one aligned group: (source, flag or None, variant key, expected key, sources
    agreeing); the flag is None for an accepted romanisation (see ``_make``).

    Linear in the group's size: spellings are counted per source once; a mention is compared with
    the group's consensus spellings, never with every other source."""
    view = group_view(ctx, group)
    if len(view.sources) < 2:
        return
    by_source: dict[str, list[_Mention]] = {
        s: [m for p in ps for m in names.mentions.get(p.id, ())] for s, ps in view.passages.items()
    }
    key_sources: dict[str, set[str]] = defaultdict(set)
    first_hit: dict[str, dict[str, _Mention]] = defaultdict(dict)  # key -> source -> first mention
    # A loose member (``Group.loose``) reports the same thing in other words: its names are the
    # names at this place, so they vote above like any member's, but its wording is no
    # counterpart, so only firm members' names witness a name lost to a lower-case word below.
    loose = frozenset(group.loose)
    firm_sources: dict[str, set[str]] = defaultdict(set)
    for s, ms in by_source.items():
        for m in ms:
            key_sources[m.key].add(s)
            first_hit[m.key].setdefault(s, m)
            if m.passage not in loose:
                firm_sources[m.key].add(s)
    firm = {s for s, ps in view.passages.items() if any(p.id not in loose for p in ps)}
    # Spellings the group's sources use that are corroborated story-wide, most agreed first.
    consensus = sorted(
        (k for k in key_sources if names.n(k) >= 2),
        key=lambda k: (-len(key_sources[k]), -names.n(k), k),
    )[:_MAX_CONSENSUS]
    if not consensus:
        return
    word_count: Counter[str] | None = None
    candidates: dict[str, list[str]] = {}  # spelling -> the consensus spellings it may be a variant of
    for s, ms in by_source.items():
        own_keys = {m.key for m in ms}
        for m in ms:
            # Another aligned source spelling it this way too makes it a minority form only
            # against a spelling many times more common (see _minor), as a copied typo is.
            best = _best_expected(names, m.key, consensus, key_sources, s, candidates, m.prev)
            if best is None:
                continue
            e, match = best
            k = len(key_sources[e]) - (s in key_sources[e])
            yield s, _make(ctx, names, m, e, match, group, _group_evidence(ctx, first_hit[e], s), k), m.key, e, k
        for m, e in _translated_surnames(ctx, names, ms, s, consensus, key_sources):
            k = len(key_sources[e] - {s})
            yield (s, _make(ctx, names, m, e, compare_names(m.key, e), group,
                         _group_evidence(ctx, first_hit[e], s), k, translated=True), m.key, e, k)
        # A name the others agree on that this source turned into a lower-case common word. Word
        # for word, so between firm members only: a paraphrase words the place anew ("the 71 year
        # old teacher" where the wire names him), and its names alone do not make a place.
        if s not in firm:
            continue
        others = len(firm) - 1
        lost = [e for e in consensus if e not in own_keys and len(firm_sources[e] - {s}) >= 2
                and len(firm_sources[e] - {s}) * 2 > others]
        if not lost:
            continue
        if word_count is None:
            word_count = Counter(w for ts in view.tokens.values() for w in {norm_of(t.text) for t in ts})
        own_words = {norm_of(t.text) for t in view.tokens[s]}
        for p in view.passages[s]:
            if p.id in loose:
                continue
            for w in _lowercase(ctx, p):
                if word_count[w.key] - (w.key in own_words) > 0 or len(w.key) < 3:
                    continue
                for e in lost:
                    if e[:2] != w.key[:2] or not _pair_ok(names, w.key, e):
                        continue
                    match = compare_names(w.key, e)
                    if _aligned_like(match, w.key, e):
                        k = len(firm_sources[e] - {s})
                        yield (s, _make(ctx, names, w, e, match, group, _group_evidence(ctx, first_hit[e], s), k,
                                     lowered=True), w.key, e, k)
                        break


def _one_against_one(ctx: CheckContext, names: _Names) -> Iterator[Contest]:
    """Two spellings of one name at one aligned place, each printed by one source only in the
    whole story: no vote says which is the slip, so each side is a ``Contest`` for ``run_checks``
    to decide ("Gundersen" against "Gunderson" where only the wire and one translation name him).

    The pair must read as one name misspelt as ``_best_expected`` reads a minority spelling
    (comparable, aligned letter for letter, not two names or two people the story tells apart),
    neither spelling a dictionary word (a name and its translation: "Cristal" / "Crystal"), and
    ``_make`` must take it for a slip, not two accepted romanisations. Quadratic only in a group's
    spellings that one source alone prints, which are few (the 1,000-source bench: no change)."""
    for group in ctx.alignment.groups:
        view = group_view(ctx, group)
        if len(view.sources) < 2:
            continue
        first: dict[str, dict[str, _Mention]] = defaultdict(dict)  # key -> source -> first mention
        for src, ps in view.passages.items():
            for p in ps:
                for m in names.mentions.get(p.id, ()):
                    if names.n(m.key) == 1:
                        first[m.key].setdefault(src, m)
        lone = sorted(k for k, by in first.items() if len(by) == 1)
        for i, a in enumerate(lone):
            for b in lone[i + 1:]:
                (sa, ma), = first[a].items()
                (sb, mb), = first[b].items()
                if sa == sb:
                    continue
                if is_ordinary_word(a) or is_ordinary_word(b):
                    continue  # a dictionary word on either side: a name translated, not misspelt
                if not (_pair_ok(names, a, b) and _pair_ok(names, b, a)):
                    continue
                if romanisation(a, b) or romanisation(b, a):
                    continue  # two romanisations of one name ("Shawky" / "Shawki"): neither is a slip
                # Each side as the slip, with the other's spelling expected.
                sides = ((sa, ma, a, sb, mb, b, compare_names(a, b)), (sb, mb, b, sa, ma, a, compare_names(b, a)))
                if any(not _aligned_like(match, k, e) or _two_names(names, k, e, s) or _other_person(names, k, e, s, m.prev)
                       for s, m, k, _, _, e, match in sides):
                    continue
                for s, m, k, r, o, e, match in sides:
                    f = _make(ctx, names, m, e, match, group, [span_of(ctx, r, o.start, o.end)], 1)
                    if f is not None:
                        yield Contest(f, r)


def _translated_surnames(ctx, names: _Names, ms, source, consensus, key_sources):
    """Surnames a machine translation rendered as the word they mean: "Laura White" where the
    group's other sources print "Laura Blanco" ("blanco" is Spanish for white). The signs, none
    of which needs a dictionary between the languages: the same given name; this full name is
    only this source's, the other several sources'; this source never prints the other surname;
    the source's surname is a common word of its language, the other surname a word clearly more
    common in another language than in it. Yields (mention, expected surname key)."""
    lang = lang_of(ctx.sources[source])
    for m in ms:
        if not m.prev or names.pairs.get((m.prev, m.key)) != {source}:
            continue
        if zipf(m.key, lang) < _TRANSLATED_WORD_ZIPF or not is_ordinary_word(m.key, lang):
            continue
        for e in consensus:
            if (e == m.key or len(key_sources[e] - {source}) < 2 or source in names.sources_of[e]
                    or len(names.pairs.get((m.prev, e), ())) < 2):
                continue
            if _abbreviation(e, m.key):
                continue  # the word the others abbreviate, written out ("Trading Company" / "Trading Co")
            abroad = foreign_zipf(e, lang)
            if abroad >= _TRANSLATED_WORD_ZIPF - 0.5 and abroad - zipf(e, lang) >= _FOREIGN_MARGIN:
                yield m, e
                break


def _abbreviation(short: str, word: str) -> bool:
    """Whether the key ``short`` (two to four letters) abbreviates the key ``word``: it opens with
    the word's first letter and its letters follow in the word in order, as English abbreviates a
    word of a name ("co" / "company", "ltd" / "limited", "intl" / "international", "mt" /
    "mount"). A name written out where the others print its abbreviation is the same name."""
    if not 2 <= len(short) <= 4 or len(word) <= len(short) or short[0] != word[0]:
        return False
    i = 1
    for ch in short[1:]:
        i = word.find(ch, i) + 1
        if not i:
            return False
    return True


def _group_evidence(ctx, hits: dict[str, _Mention], exclude: str):
    return [span_of(ctx, src, m.start, m.end) for src, m in sorted(hits.items()) if src != exclude][:_EVIDENCE_CAP]


def _best_expected(names, variant, consensus, key_sources, source, candidates, prev=""):
    """The consensus spelling ``variant`` is a variant of at this place, with their likeness, or
    None. ``candidates`` memoises per group what does not depend on ``source``."""
    cands = candidates.get(variant)
    if cands is None:
        cands = candidates[variant] = [e for e in consensus if e != variant and _minor(names, variant, e)
                                       and (_pair_ok(names, variant, e) or _slip_beside_own(names, variant, e))]
    best = None
    for e in cands:
        agreeing = len(key_sources[e]) - (source in key_sources[e])
        nv = len(key_sources[variant])
        if not agreeing or (nv > 1 and nv * 2 > len(key_sources[e])) or (
                _two_names(names, variant, e, source) and not _slip_beside_own(names, variant, e)):
            continue
        match = compare_names(variant, e)
        if not _aligned_like(match, variant, e) or _other_person(names, variant, e, source, prev):
            continue
        rank = (agreeing, match.strength)
        if best is None or rank > best[0]:
            best = (rank, e, match)
    return None if best is None else (best[1], best[2])


def _story_flags(ctx, names: _Names, resolved, existing) -> dict[tuple[str, int], Flag]:
    """Variants with no aligned counterpart: strong likeness to a corroborated spelling."""
    corroborated = sorted(k for k in names.sources_of if names.n(k) >= 2 and len(k) >= 3)
    by_initial: dict[str, list[str]] = defaultdict(list)
    for k in corroborated:
        by_initial[k[0]].append(k)
    cache: dict[str, tuple[str, NameMatch] | None] = {}
    surnames: dict[str, list[str]] | None = None
    out: dict[tuple[str, int], Flag] = {}
    for pid in sorted(names.mentions):
        for m in names.mentions[pid]:
            if (m.source, m.start) in existing:
                continue
            prior = resolved.get((m.source, m.key))
            if prior is not None:
                e = prior[0]
                if m.prev and _other_person(names, m.key, e, m.source, m.prev):
                    continue  # this mention's given name makes it another person
                out[(m.source, m.start)] = _make(ctx, names, m, e, compare_names(m.key, e), None,
                                                  _first_per_source(ctx, names.hits[e], m.source), 0)
                continue
            best = None
            if names.count_in[(m.key, m.source)] < _FREQUENT_IN_SOURCE:  # else no minority form
                if m.key not in cache:
                    cache[m.key] = _story_expected(names, m.key, by_initial.get(m.key[0], ()))
                best = cache[m.key]
            if (best is not None and not _two_names(names, m.key, best[0], m.source)
                    and not _other_person(names, m.key, best[0], m.source, m.prev)):
                out[(m.source, m.start)] = _make(ctx, names, m, best[0], best[1], None,
                                                  _first_per_source(ctx, names.hits[best[0]], m.source), 0)
                continue
            if m.prev:
                if surnames is None:
                    surnames = _corroborated_pairs(names)
                got = _pair_expected(names, m, surnames.get(m.prev, ()))
                if got is not None:
                    e, match = got
                    out[(m.source, m.start)] = _make(
                        ctx, names, m, e, match, None,
                        _first_per_source(ctx, names.pair_hits[(m.prev, e)], m.source), 0,
                        shown=f"{names.display(m.prev)} {names.display(e)}",
                        story_k=len(names.pairs[(m.prev, e)] - {m.source}),
                        gendered=_gendered_surnames(m.key, e))
    return {k: f for k, f in out.items() if f is not None}


def _corroborated_pairs(names: _Names) -> dict[str, list[str]]:
    """Given name -> the surnames at least two sources print right after it, sorted."""
    out: dict[str, list[str]] = defaultdict(list)
    for (given, surname), srcs in sorted(names.pairs.items()):
        if len(srcs) >= 2:
            out[given].append(surname)
    return out


def _pair_expected(names: _Names, m: _Mention, surnames) -> tuple[str, NameMatch] | None:
    """The surname ``m`` misspells judged on the full name: "Otávio Bitar" where several sources
    print "Otávio Bittar", even though "Bitar" itself is corroborated (another person, "Inês
    Bitar", has it). The full name ``m`` completes must be one source's, the expected one several
    sources', and the two surnames alike as story-wide variants must be, or one family name with
    the endings of the two sexes (see ``_gendered_surnames``)."""
    if not surnames or len(names.pairs.get((m.prev, m.key), ())) > 1:
        return None
    best = None
    for e in surnames:
        if e == m.key:
            continue
        match = compare_names(m.key, e)
        # The surname with the other sex's ending ("Anna Petrova" printed "Anna Petrov") is the
        # same family name however unlike the two endings look.
        gendered = e not in names.ordinary and _gendered_surnames(m.key, e)
        if not gendered and not (_pair_ok(names, m.key, e) or _syllable_slip(names, m, e)):
            continue
        if not gendered and not _story_like(match, m.key, e):
            continue
        rank = (len(names.pairs[(m.prev, e)]), match.strength, e)
        if best is None or rank > best[0]:
            best = (rank, e, match)
    return None if best is None else (best[1], best[2])


def _syllable_slip(names: _Names, m: _Mention, expected: str) -> bool:
    """A hyphenated given name with one syllable misspelt ("Dong-hyuk" for "Dong-hyeok"), judged on the
    full name: both are syllable names (see ``_Names.hyphened``), the first syllable is the same,
    they are at most two edits apart, and ``m``'s source never prints ``expected`` (a source that
    prints "Seung-ho" and "Seung-hee" names two people). The caller has the same surname next to it
    in several sources."""
    if m.key not in names.hyphened or expected not in names.hyphened:
        return False
    first = name_key(m.text.split("-")[0])
    if first != name_key(names.display(expected).split("-")[0]) or m.source in names.sources_of.get(expected, ()):
        return False
    return OSA.distance(m.key, expected) <= 2


def _lone_word_flags(ctx, names: _Names) -> list[Flag]:
    """A name turned into an ordinary lower-case word, with no aligned counterpart ("According to
    the fisher" in a source that elsewhere names spokesman Visser): the word is printed by this
    source only, is one edit from a name several other sources print, sounds the same (metaphone),
    and the source names that person elsewhere, so the word stands where the name would. Only
    surnames, see below."""
    if not names.lone_words:
        return []
    # Only a person's surname: printed after a given name by several sources, never followed by
    # another name word. "Instituto Moreda" -> "the institute" is a translation of the
    # organisation's generic head word, a legitimate way to refer to it.
    heads = {g for g, _ in names.pairs}
    surnames = {k for (_, k), srcs in names.pairs.items() if len(srcs) >= 2 and k not in heads}
    by_start: dict[str, list[str]] = defaultdict(list)
    for k in sorted(surnames):
        if names.n(k) >= 3 and len(k) >= 4 and k not in names.ordinary and not is_ordinary_word(k):
            by_start[k[:2]].append(k)
    out = []
    for w in names.lone_words:
        for e in by_start.get(w.key[:2], ()):
            srcs = names.sources_of[e]
            if w.source not in srcs or len(srcs) < 3 or OSA.distance(w.key, e) != 1:
                continue
            match = compare_names(w.key, e)
            if not match.same_sound or sound_keys(w.key)[0] != sound_keys(e)[0] or not _comparable(w.key, e):
                continue
            # ``_make`` answers None for two established romanisations of one name: no flag then.
            flag = _make(ctx, names, w, e, match, None, _first_per_source(ctx, names.hits[e], w.source), 0,
                         lowered=True)
            if flag is not None:
                out.append(flag)
            break
    return out


@dataclass
class _Forms:
    """How one way of writing a full name is spread: the sources printing it, one span per
    mention (source, start, end) and how it reads."""

    sources: set[str]
    hits: list[tuple[str, int, int]]
    shown: str


def _add_form(table: dict, key, source: str, start: int, end: int, shown: str) -> None:
    f = table.get(key)
    if f is None:
        f = table[key] = _Forms(set(), [], shown)
    f.sources.add(source)
    f.hits.append((source, start, end))


def _full_name_flags(ctx, names: _Names) -> list[Flag]:
    """Full names damaged in a way the single-word comparison cannot see, each against a form at
    least two other sources print, in a source that never prints that form itself:

    * a particle dropped: "Maarten Hoeven" where the others print "Maarten van der Hoeven" (the same
      given name before it; the surname alone without its particle is a usual short form);
    * particles run together: "Delacerda" where the others print "de la Cerda";
    * a wrong initial: "R.J. Chisenga" where the others print "R.K. Chisenga" (as many initials, one
      different);
    * one part of a hyphenated name cut or misspelt: "Lindemann-Schmid" for "Lindemann-Schmidt", even
      when the part alone is a common word;
    * a middle name become an ordinary word: "Mahesh Moon Tiwari" where the others print "Mahesh
      Chandra Tiwari" (the same names either side; a translation renders a name by its meaning);
    * the first word of a two-word name misspelt with the second the same ("Tovu Star" for "Tovun
      Star"): the shared word places the two as the aligned passages of ``_group_flags`` do, so
      their likeness is judged as there, and a lost last letter counts even where it looks like a
      derived form ("Kenya"/"Kenyan"), since a derived form does not take the name's own next word.
    """
    initials: dict[tuple[str, str], _Forms] = {}
    particled: dict[tuple[str, str, str], _Forms] = {}  # (given, particles, surname)
    joined: dict[str, _Forms] = {}  # particles + surname run together -> the separate form
    compounds: dict[tuple[str, ...], _Forms] = {}
    parts_at: dict[tuple[str, int], tuple[_Mention, ...]] = {}
    triples: dict[tuple[str, str, str], _Forms] = {}
    middle: dict[tuple[str, int], _Mention] = {}
    for p in ctx.alignment.passages:
        if "'" in p.text or "’" in p.text:
            for got in _ELIDED_RE.finditer(p.text):
                _add_form(joined, name_key(got.group(1) + got.group(2)), p.source, p.start + got.start(),
                          p.start + got.end(), got.group())
    for pid in sorted(names.mentions):
        ms = names.mentions[pid]
        if not ms:
            continue
        text = ctx.sources[ms[0].source].text
        for i, m in enumerate(ms):
            before = text[max(0, m.start - _LOOKBACK):m.start]
            got = _INITIALS_BEFORE_RE.search(before)
            if got:
                letters = "".join(c for c in got.group(1) if c.isupper())
                a = m.start - len(got.group(1))
                _add_form(initials, (letters, m.key), m.source, a, a + len(got.group(1).rstrip()),
                          f"{got.group(1)}{m.text}")
            got = _PARTICLES_BEFORE_RE.search(before)
            if got:
                words = got.group(1).split()
                a = m.start - len(got.group(1))
                lead = ms[i - 1] if i and ms[i - 1].end == a - 1 and text[ms[i - 1].end] == " " else None
                shown = f"{' '.join(words)} {m.text}"
                _add_form(joined, name_key("".join(words) + m.text), m.source, a, m.end, shown)
                if lead is not None:
                    _add_form(particled, (lead.key, " ".join(words), m.key), m.source, lead.start, m.end,
                              f"{lead.text} {shown}")
            # A hyphenated compound of capitalised parts: consecutive mentions joined by "-".
            if i and ms[i - 1].end == m.start - 1 and text[m.start - 1] == "-" and (
                    i < 2 or ms[i - 2].end != ms[i - 1].start - 1 or text[ms[i - 1].start - 1] != "-"):
                run = [ms[i - 1], m]
                j = i + 1
                while j < len(ms) and ms[j].start == run[-1].end + 1 and text[run[-1].end] == "-":
                    run.append(ms[j])
                    j += 1
                key = tuple(r.key for r in run)
                _add_form(compounds, key, m.source, run[0].start, run[-1].end, "-".join(r.text for r in run))
                parts_at[(m.source, run[0].start)] = tuple(run)
            if i >= 2 and ms[i - 1].prev and ms[i - 2].start == ms[i - 1].prev_start and m.prev_start == ms[i - 1].start:
                key = (ms[i - 2].key, ms[i - 1].key, m.key)
                _add_form(triples, key, m.source, ms[i - 2].start, m.end,
                          f"{ms[i - 2].text} {ms[i - 1].text} {m.text}")
                middle[(m.source, ms[i - 2].start)] = ms[i - 1]
    out: list[Flag] = []

    def support(form: _Forms, source: str) -> int:
        return len(form.sources - {source})

    def emit(m: _Mention, expected: _Forms, what: str, *, translated: bool = False, key: str | None = None) -> None:
        # ``key``: the spelling ``m`` stands for, when it is a word of the name (so two accepted
        # romanisations of it stay unflagged, and a rendering of it is judged as one); else the
        # name's structure is what differs.
        spelt = key is not None
        key = key or m.key
        k = support(expected, m.source)
        flag = _make(ctx, names, m, key, compare_names(m.key, key), None,
                     _first_per_source(ctx, expected.hits, m.source), 0, shown=expected.shown, story_k=k,
                     what=what, translated=translated, spelt=spelt)
        if flag is not None:
            out.append(flag)

    # A particle dropped inside a full name.
    for (given, surname), srcs in sorted(names.pairs.items()):
        forms = [f for (g, _p, s2), f in sorted(particled.items()) if g == given and s2 == surname]
        for source, start, end in names.pair_hits[(given, surname)]:
            best = max((f for f in forms if support(f, source) >= 2 and source not in f.sources),
                       key=lambda f: len(f.sources), default=None)
            if best is None or any(source in f.sources for f in forms):
                continue
            text = ctx.sources[source].text[start:end]
            emit(_Mention(source, "", start, end, text, surname, True), best, "a particle of the surname missing")
    # Particles run together into one word (and perhaps misspelt by a letter: "Dorvali" for "d'Orvaly").
    lone_by_initial: dict[str, list[str]] = defaultdict(list)
    for key in sorted(names.sources_of):
        if names.n(key) == 1:
            lone_by_initial[key[0]].append(key)
    for jkey, form in sorted(joined.items()):
        if len(form.sources) < 2:
            continue
        for key in lone_by_initial.get(jkey[0], ()):
            if key != jkey and not (min(len(key), len(jkey)) >= 5 and OSA.distance(key, jkey) == 1
                                    and _story_like(compare_names(key, jkey), key, jkey)):
                continue
            for source, start, end in names.hits[key]:
                text = ctx.sources[source].text[start:end]
                # "D'Orvaly" at a sentence start is the name written apart, only capitalised.
                if support(form, source) >= 2 and source not in form.sources and "'" not in text and "’" not in text:
                    emit(_Mention(source, "", start, end, text, key, True), form, "the particles run together")
    # A wrong initial (of a person: "U.S. Treasury" / "U.K. Treasury" are two bodies).
    for (letters, surname), form in sorted(initials.items()):
        if is_ordinary_word(surname):
            continue
        rivals = [f for (l2, s2), f in initials.items() if s2 == surname and l2 != letters and len(l2) == len(letters)
                  and sum(a != b for a, b in zip(l2, letters)) == 1]
        for source, start, end in form.hits:
            best = max((f for f in rivals if support(f, source) >= 2 and source not in f.sources),
                       key=lambda f: len(f.sources), default=None)
            if best is None or len(form.sources) > 1:
                continue
            text = ctx.sources[source].text[start:end]
            emit(_Mention(source, "", start, end, text, surname, True), best, "another initial")
    places = _GroupIndex(ctx)
    # One part of a hyphenated name cut or misspelt.
    for key, form in sorted(compounds.items()):
        if len(form.sources) > 1:
            continue
        for other, ofm in sorted(compounds.items()):
            if len(other) != len(key) or other == key or len(ofm.sources) < 2:
                continue
            diff = [j for j in range(len(key)) if key[j] != other[j]]
            if len(diff) != 1:
                continue
            a, b = key[diff[0]], other[diff[0]]
            if min(len(a), len(b)) < 4 or _umlaut_pair(names, a, b):
                continue
            # One slip; or, where the others print the name at the same place, a different part
            # of the same shape ("Herrero-Campos" for "Herrero-Cortes") in a source that never
            # prints the right part: the rest of the name places them as a given name does in
            # ``_placed_surname_flags``.
            slip = OSA.distance(a, b) <= 1
            if not slip and not (_same_shape(a, b) and not is_name_derivation(a, b)):
                continue
            for source, start, _end in form.hits:
                if source in ofm.sources or support(ofm, source) < 2:
                    continue
                if not slip and (source in names.sources_of.get(b, ())
                                 or len(places.near([(source, start, _end)], ofm.hits)) < 2):
                    continue
                part = parts_at[(source, start)][diff[0]]
                emit(part, ofm, "part of the hyphenated name", key=b)
            break
    # A middle name rendered as an ordinary word.
    for (first, mid, last), form in sorted(triples.items()):
        for source, start, _end in form.hits:
            if len(form.sources) > 1:
                break
            lang = lang_of(ctx.sources[source])
            if zipf(mid, lang) < _TRANSLATED_WORD_ZIPF or not is_ordinary_word(mid, lang):
                continue
            for (f2, m2, l2), ofm in sorted(triples.items()):
                # A middle word the language itself uses as commonly is no name translated into
                # it: two spellings of one word ("Center" / "Centre"), or two words.
                if (f2, l2) == (first, last) and m2 != mid and support(ofm, source) >= 2 \
                        and source not in names.sources_of.get(m2, ()) and zipf(m2, lang) < _TRANSLATED_WORD_ZIPF:
                    emit(middle[(source, start)], ofm, "an ordinary word, perhaps the name translated",
                         translated=True)
                    break
    # The first word of a two-word name misspelt, or (at the same aligned place) misread.
    firsts: dict[str, list[str]] = defaultdict(list)
    for (first, second), srcs in sorted(names.pairs.items()):
        firsts[second].append(first)
    for (first, second), srcs in sorted(names.pairs.items()):
        if len(srcs) > 1 or names.n(first) > 1:
            continue
        (source,) = srcs
        for e in firsts[second]:
            if e == first or source in names.sources_of.get(e, ()) or len(names.pairs[(e, second)] - {source}) < 2:
                continue
            if not (_frame_like(names, first, e)
                    or (_misread_like(names, first, e)
                        and places.same_place(names.pair_hits[(first, second)], names.pair_hits[(e, second)], 2))):
                continue
            shown = f"{names.display(e)} {names.display(second)}"
            form = _Forms(names.pairs[(e, second)], names.pair_hits[(e, second)], shown)
            for m in _word_mentions(ctx, names, names.pair_hits[(first, second)], first, first_word=True):
                emit(m, form, "the first word of the name", key=e)
            break
    return out


def _word_mentions(ctx, names: _Names, pair_hits, key: str, *, first_word: bool) -> Iterator[_Mention]:
    """The mentions of the name word ``key`` inside two-word name hits ``pair_hits`` ((source,
    start, end) of "given surname"): as the pair's first word it starts where the pair starts, as
    its second it ends where the pair ends; its other end is read from ``names.hits[key]``. A pair
    whose word was not read on its own there is skipped."""
    if first_word:
        ends = {(src, a): b for src, a, b in names.hits[key]}
        spans = ((src, start, ends.get((src, start))) for src, start, _end in pair_hits)
    else:
        starts = {(src, b): a for src, a, b in names.hits[key]}
        spans = ((src, starts.get((src, end)), end) for src, _start, end in pair_hits)
    for src, start, end in spans:
        if start is None or end is None:
            continue
        yield _Mention(src, "", start, end, ctx.sources[src].text[start:end], key, True)


def _given_name(names: _Names, key: str) -> bool:
    """Whether the name word ``key`` can be a person's given name before a surname: the story never
    prints it as an ordinary word, and it is no title or role ("Minister", "Judge": their noun
    senses mostly WordNet's noun.person), which a story puts before many people's surnames."""
    return len(key) >= 2 and key not in names.ordinary and noun_categories(key).get("person", 0.0) < _ROLE_SHARE


def _same_shape(a: str, b: str) -> bool:
    """Whether two surname keys are built alike, as a translator or a rewriter who misremembers a
    name puts one surname for another ("Vollen" / "Volland", "Abiyeva" / "Qubiyeva"): at least
    four letters each, and either their shared opening and shared ending (at least three letters
    one of them) make up half of the shorter, or they open alike and sound alike (the same
    metaphone key: "Rosmin" / "Rasman")."""
    if min(len(a), len(b)) < 4:
        return False
    p = shared_prefix(a, b)
    q = shared_prefix(a[p:][::-1], b[p:][::-1])
    if max(p, q) >= _SHAPE_AFFIX and 2 * (p + q) >= min(len(a), len(b)):
        return True
    return _sound_alike(a, b)


def _sound_alike(a: str, b: str) -> bool:
    """The same first letter and the same metaphone key of three sounds or more ("Rosmin" /
    "Rasman"): what a listener or a rewriter from memory keeps of a name."""
    ka, kb = sound_keys(a)[0], sound_keys(b)[0]
    return a[0] == b[0] and len(ka) >= 3 and ka == kb


def _only_before(names: _Names, given: str, surname: str, source: str) -> bool:
    """Whether every source but ``source`` that prints ``given`` before a name word prints it
    before ``surname`` and no other: the story knows one person of that given name."""
    return all(e == surname or srcs <= {source} for e, srcs in names.next_of.get(given, {}).items())


def _renames_itself(names: _Names, g: str, v: str, e: str, source: str) -> bool:
    """Whether ``source`` introduces a person as "g v" and later calls them by the surname alone
    that every other source printing that given name puts after it ("Deputy Minister Elif Bilgin"
    ... "Bilginer said", where the others print "Elif Bilginer"): the source's own words say the two
    are one person, wherever the passages stand and however the surname was misread. The bare
    surname must come after the source's full name, and the source must print it after no given
    name of its own (else it knows a second person of that surname), nor ``v`` alone (a surname it
    keeps to is its rendering)."""
    if source not in names.sources_of.get(e, ()) or not _only_before(names, g, e, source):
        return False
    if any(source in srcs and _given_name(names, x) for x, srcs in names.given_of.get(e, {}).items()):
        return False  # a title before it ("Minister Bilginer") is no given name
    mine = [a for s, a, _b in names.pair_hits[(g, v)] if s == source]
    bare = [a for s, a, _b in names.hits.get(e, ()) if s == source]
    own_v = [a for s, a, _b in names.hits.get(v, ()) if s == source]
    return bool(mine and bare) and min(mine) < min(bare) and len(own_v) == len(mine)


def _placed_surname_flags(ctx, names: _Names) -> list[Flag]:
    """A full name only this source prints, whose given name is the one two or more other sources
    print at the same place (the same aligned passage or a neighbour, see ``_GroupIndex.near``)
    before another surname: the full name the others agree on, with the surname changed. The place
    and the given name stand in for the likeness a story-wide comparison needs, so the surname may
    be less alike than ``_pair_expected`` asks:

    * a slip as an aligned group would judge it (``_aligned_like``: "Do Van Kau" for "Do Van
      Khau", a letter a story-wide comparison cannot trust in a name of three letters);
    * a different surname of the same shape (``_same_shape``: "Marit Vollen" for "Marit
      Volland"), medium unless it sounds the same. Where only one other source prints the
      full name at that place, the story must know one person of that given name (every other
      source that prints it prints it before that surname, two or more of them), and the two
      surnames must not have the same consonants (``_one_skeleton``: another romanisation).

    Away from that place a surname that sounds the same (``_sound_alike``: "Azlan Rosmin" for
    "Azlan Rasman"), or one of the same shape that three or more other sources contradict
    (``_ONE_PERSON_WITNESSES``: "Aitor Olazabal" for "Aitor Olazaran"), still counts where every
    other source prints that given name before the one surname and this source never prints it:
    the story knows one person of that given name. So
    does, anywhere, a surname of any shape (no everyday word, not the same consonants in another
    romanisation, see ``_one_skeleton``) when this source also introduces the person with a role
    noun the others put before that full name or in apposition after it ("director Arpa
    Nersesyan" / "Arpa Tovmasyan, the director,", see ``_same_role_around``): medium.

    Not: a source that prints both full names (two people who share a given name), a title before
    the surname instead of a given name, two accepted romanisations, one family name with the two
    sexes' endings (``_pair_expected`` judges those), two surnames that fit as well."""
    out: list[Flag] = []
    places = _GroupIndex(ctx)
    for (g, v), srcs in sorted(names.pairs.items()):
        if len(srcs) != 1 or not _given_name(names, g):
            continue
        (source,) = srcs
        lang = lang_of(ctx.sources[source])
        # An everyday word before it ("Clinical Center") is no given name, unless it is an inner
        # part of a longer name the others print too ("Do Van Khau").
        if is_ordinary_word(g, lang) and not _inner_name_word(names, g, source, lang):
            continue
        mine = names.pair_hits[(g, v)]
        ranked = []
        for e, esrcs in sorted(names.next_of.get(g, {}).items()):
            if e == v or source in esrcs or len(esrcs) < 2:
                continue
            if _gendered_surnames(v, e) or _two_names(names, v, e, source):
                continue
            # Not two everyday words ("Harbor" / "Harbour", "Center" / "Centre"), a derived form,
            # two syllable names ("Min-jun" / "Min-jae", see ``_pair_ok``).
            if not _pair_ok(names, v, e) or (is_ordinary_word(v, lang) and is_ordinary_word(e, lang)):
                continue
            match = compare_names(v, e)
            slip = _aligned_like(match, v, e)
            one_person = (source not in names.sources_of.get(e, ()) and len(esrcs) >= 2
                          and _only_before(names, g, e, source))
            # The role rule below takes name-like surnames only: an everyday word where the others
            # print a surname is the translated-part rules' to judge ("Karl Black").
            # Nor a surname the other sources print too ("Ana Ruiz" where they print "Ana Belén
            # Ruiz": the middle name left out), nor a middle name or patronymic this source follows
            # with another name word ("Pavel Sergeyevich Orlov").
            by_role = (one_person and not _one_skeleton(v, e) and not is_ordinary_word(v, lang)
                       and names.sources_of.get(v, set()) <= {source}
                       and not any(source in srcs for srcs in names.next_of.get(v, {}).values())
                       and _same_role_around(ctx, mine, names.pair_hits[(g, e)]))
            # Nor one the other with something added (an ending: "Yalçınkaya'nın" is "Yalçınkaya"
            # declined, see ``_case_ending_flags``).
            if v.startswith(e) or e.startswith(v):
                continue
            # Anywhere, however the passages aligned: the source itself calls the person by the
            # others' surname after introducing them under this one, with a surname like it (a
            # slip, the same shape, or the same consonants read otherwise: "Ahmudlu"/"Ahmadli").
            if (_renames_itself(names, g, v, e, source) and len(esrcs - {source}) >= 2
                    and (slip or _same_shape(v, e) or _one_skeleton(v, e))):
                ranked.append((len(esrcs - {source}), slip, match.strength, e, match))
                continue
            if not slip and not _same_shape(v, e):
                # A surname of another shape: only where the story knows one person of that given
                # name and this source gives that person the role the others give them.
                if by_role:
                    ranked.append((len(esrcs - {source}), slip, match.strength, e, match))
                continue
            near = places.near(mine, names.pair_hits[(g, e)])
            if len(near) >= 2:
                ranked.append((len(near), slip, match.strength, e, match))
            elif (one_person and ((near and not _one_skeleton(v, e)) or _sound_alike(v, e)
                                  or len(esrcs - {source}) >= _ONE_PERSON_WITNESSES)) or by_role:
                # Every other source that prints this given name prints it before ``e`` (the
                # story knows one person of that given name), and one of them prints that full
                # name at this place (with other consonants: the same ones are the name in
                # another romanisation, "Kasparian" / "Gasparyan"), or the surname sounds the
                # same, or three or more sources agree on it (a rewriter who misremembers a
                # surname keeps its shape: "Aitor Olazabal" for "Aitor Olazaran"), or the role
                # before it is the same: one person.
                ranked.append((len(esrcs - {source}), slip, match.strength, e, match))
        if not ranked:
            continue
        ranked.sort(reverse=True)
        if len(ranked) > 1 and ranked[1][:2] == ranked[0][:2]:
            continue  # two people of the story fit as well
        n_near, slip, _s, e, match = ranked[0]
        shown = f"{names.display(g)} {names.display(e)}"
        for m in _word_mentions(ctx, names, mine, v, first_word=False):
            flag = _make(ctx, names, m, e, match, None, _first_per_source(ctx, names.pair_hits[(g, e)], m.source), 0,
                         shown=shown, story_k=n_near,
                         what=None if slip else "another surname after the same given name")
            if flag is not None:
                out.append(flag)
    return out


# What may stand between the words of a name written apart: one space, or a short lower-case
# word ("Lalo of Mata" for "Laloamata", a particle rendered), which the joined key leaves out.
_SPLIT_GAP_RE = re.compile(r"^ (?:[a-z]{1,3} )?$")
# A name written apart is at most this many words.
_SPLIT_WORDS = 3
# How alike the letters of a name written apart are to the name the others print (see ``_heard_as``).
_HEARD_JW = 0.9


def _heard_as(names: _Names, joined: str, corroborated: list[str]) -> tuple[str, NameMatch] | None:
    """The corroborated name key that the letters of a name written apart (``joined``) spell as a
    listener would hear it, with their likeness, or None: the same first letter, sound keys at
    most one sound apart, at most two letters changed and Jaro-Winkler 0.9 or more ("savelchuck" /
    "sawelchuk"); the one most sources print first. Not the same letters (a name split by one
    space is a garble), not a name with letters added or cut (``_pair_ok``)."""
    best = None
    for e in corroborated:
        if e[0] != joined[0] or e == joined or not _pair_ok(names, joined, e):
            continue
        match = compare_names(joined, e)
        if not (match.near_sound and match.distance <= 2 and match.jaro_winkler >= _HEARD_JW):
            continue
        rank = (names.n(e), match.strength, e)
        if best is None or rank > best[0]:
            best = (rank, e, match)
    return None if best is None else (best[1], best[2])


def _split_name_flags(ctx, names: _Names) -> list[Flag]:
    """One name written as two or three words, as a listener or a translator hears it ("Tom
    Harlow Vale" where the others print "Tom Harlowvale"): a run of capitalised words, one space
    (or a short lower-case word) apart, each printed as a name by this source alone, whose letters
    run together sound like a name two or more other sources print (``_heard_as``: "harlowvail" /
    "harlowvale"). A name printed whole but one space is the
    garble check's (words split); a given name before the run that the story never prints before
    that name says it is another person's."""
    out: list[Flag] = []
    corroborated = [k for k in names.sources_of if names.n(k) >= 2 and len(k) >= 5]
    if not corroborated:
        return out
    for pid in sorted(names.mentions):
        ms = sorted(names.mentions[pid], key=lambda m: m.start)
        for i, first in enumerate(ms):
            text = ctx.sources[first.source].text
            run = [first]
            for nxt in ms[i + 1:i + _SPLIT_WORDS]:
                if nxt.source != first.source or not _SPLIT_GAP_RE.match(text[run[-1].end:nxt.start]):
                    break
                run.append(nxt)
                if any(names.n(m.key) != 1 for m in run):
                    break
                joined = "".join(m.key for m in run)
                got = _heard_as(names, joined, corroborated)
                if got is None:
                    continue
                e, match = got
                before = first.prev
                theirs = names.given_of.get(e, {}) if names.given_of else {}
                if before and theirs and not any(before == g or transliteration_pair(before, g) for g in theirs):
                    continue  # another given name before it: another person
                m = _Mention(first.source, pid, first.start, nxt.end, text[first.start:nxt.end], joined, True)
                # Written apart, the name is no romanisation of the others' spelling, whatever its
                # letters: the words themselves are the slip ("translated" skips those readings).
                f = _make(ctx, names, m, e, match, None, _first_per_source(ctx, names.hits[e], first.source), 0,
                          what="the name written as separate words", translated=True)
                if f is not None:
                    out.append(f)
                break
    return out


def _one_vowel(a: str, b: str) -> bool:
    """Whether two name keys of one length differ in one letter only, a vowel for another vowel
    ("zan" / "zin"): what a writer who misremembers or a reader who mishears a short name part
    changes, and what nothing else in a name of three letters can be checked against."""
    if len(a) != len(b):
        return False
    diff = [(x, y) for x, y in zip(a, b) if x != y]
    return len(diff) == 1 and diff[0][0] in _VOWELS and diff[0][1] in _VOWELS


def _letters_lost(variant: str, expected: str) -> bool:
    """Whether the name key ``variant`` is ``expected`` with one run of one to three letters lost
    after its first three ("olamipo" / "olamipupo": a repeated syllable said once; "montineira" /
    "montineiras": the last letter), and not as a declension or the other sex's ending would lose
    them at the end (``case_ending``, ``_gendered_surnames``: "Novak" / "Novakova" are a man and
    a woman of one family)."""
    lost = len(expected) - len(variant)
    if not 1 <= lost <= _LOST_LETTERS or len(variant) < 4:
        return False
    if case_ending(expected, variant) is not None or _gendered_surnames(variant, expected):
        return False
    return any(expected[:i] + expected[i + lost:] == variant for i in range(_HEAD_MIN, len(variant) + 1))


def _letters_added(variant: str, expected: str) -> bool:
    """Whether the name key ``variant`` is ``expected`` with one run of one or two letters written
    in after its first three (``_letters_lost`` the other way round: "brandt" / "brant", "kovacsik"
    / "kovacs"), or, in a name of three letters, its last letter doubled ("hall" / "hal"): what a
    slip adds, not a declension or the other sex's ending. Not a final "n" become "ng": in the
    languages whose names are written syllable by syllable those are two syllables ("Wen" /
    "Weng"), two names. Nor an ending English derives an adjective or a people's name with,
    on the whole name ("Cape Verdean" on "Cape Verde", ``_ADJECTIVE_ENDINGS``):
    the word for what comes from the place, not the place misspelt."""
    added = len(variant) - len(expected)
    if not 1 <= added <= _ADDED_LETTERS or (expected.endswith("n") and variant == expected + "g"):
        return False
    if variant.startswith(expected) and variant[len(expected):] in _ADJECTIVE_ENDINGS:
        return False
    if len(expected) == 3:
        return variant == expected + expected[-1]
    return _letters_lost(expected, variant)


def _name_part_flags(ctx, names: _Names) -> list[Flag]:
    """One word of a full name slipped, judged against the full name the other sources print, whose
    other words place it: the word is printed by this source only, and two or more other sources
    print the name word before it followed by the other form, which this source never prints
    (for letters lost or added, it may: one person's name two ways in one article is a slip too):

    * the last word with a syllable or a letter lost ("Sule Olamipo" for "Sule Olamipupo",
      "Xoán Varela Montiñeira" for "Xoán Varela Montiñeiras", see ``_letters_lost``), where the
      others' form ends their name too. Alone, a word that opens a longer one is a short form, a
      plural or a derived name ("Trump" / "Trumps"), and two letters lost are too many for a
      story-wide likeness; after the same name word, in one person's full name, it is the surname
      slipped (a plural or a derived name takes no given name before it); so is the last word
      with a letter or two written in ("Petra Hallm" for "Petra Halm", see ``_letters_added``);
    * an inner word with one vowel changed ("Zaw Mya Lwin" for "Zaw Myo Lwin", see
      ``_one_vowel``) or letters lost or added, where two or more others print the same word after
      it too ("Lake Ossing Dam" for "Lake Ossinga Dam"), or the last word
      of a name of three words or more whose two words before it two or more others print: the
      name words around pin the part, however short (a syllable of a Burmese, Vietnamese or
      Chinese name is three letters, too short to judge alone).

    Not two spellings of one everyday word ("Harbor" / "Harbour"). The last word only, since given
    and middle names have short forms ("Alex" / "Alexei"); the
    others' form at the same or a neighbouring aligned place (``_GroupIndex.near``), or the story
    knows one person of that name word (``_only_before``). One such form only. Medium: the right
    name is readable. Two accepted romanisations stay unflagged (``_make``)."""
    out: list[Flag] = []
    places = _GroupIndex(ctx)
    for pid in sorted(names.mentions):
        ms = names.mentions[pid]
        for i, m in enumerate(ms):
            source = m.source
            if not m.prev or names.sources_of.get(m.key) != {source} or names.pairs.get((m.prev, m.key)) != {source}:
                continue
            nxt = ms[i + 1] if i + 1 < len(ms) and ms[i + 1].prev_start == m.start else None
            mine = [(source, m.prev_start, m.end)]
            lang = lang_of(ctx.sources[source])
            # The last part of a name of three words or more is pinned by the two before it, as
            # two or more others print them ("Moe Thant Soe"), like an inner part by its neighbours.
            pinned_before = (i >= 2 and ms[i - 1].prev and ms[i - 1].prev_start == ms[i - 2].start
                             and len(names.pairs.get((ms[i - 2].key, m.prev), set()) - {source}) >= 2)
            ranked = []
            for e, esrcs in sorted(names.next_of.get(m.prev, {}).items()):
                k = len(esrcs - {source})
                if e == m.key or k < 2:
                    continue
                # A source that prints the others' form elsewhere has the name right there: a
                # letter lost or added in one of its mentions is a slip all the same (the same
                # person's full name two ways in one article), but a vowel changed in a short part
                # may be another person's name.
                own = source in names.sources_of.get(e, ())
                # Two spellings of one everyday word ("Harbor" / "Harbour" after a place's name),
                # or an umlaut transcribed: no name slipped.
                if min(zipf(m.key, lang), zipf(e, lang)) >= _KNOWN_ZIPF or _umlaut_pair(names, m.key, e):
                    continue
                if nxt is None:
                    # The others' form ends their name as this one ends here.
                    if any(len(srcs - {source}) >= 2 for srcs in names.next_of.get(e, {}).values()):
                        continue
                    if _letters_lost(m.key, e):
                        what = "letters of the name lost"
                    elif _letters_added(m.key, e):
                        what = "letters added to the name"
                    elif _one_vowel(m.key, e) and pinned_before and not own:
                        what = "a vowel of one part of the full name changed"
                    else:
                        continue
                else:
                    if len(names.pairs.get((e, nxt.key), set()) - {source}) < 2:
                        continue
                    # Pinned on both sides by the name words the others print around it.
                    if _one_vowel(m.key, e) and not own:
                        what = "a vowel of one part of the full name changed"
                    elif _letters_lost(m.key, e):
                        what = "letters of the name lost"
                    elif _letters_added(m.key, e):
                        what = "letters added to the name"
                    else:
                        continue
                near = places.near(mine, names.pair_hits[(m.prev, e)])
                if not near and not _only_before(names, m.prev, e, source):
                    continue
                ranked.append((len(near), k, e, what))
            if len(ranked) != 1:
                continue  # none, or two forms that fit: no telling which
            n_near, k, e, what = ranked[0]
            # The full name as the others print it: this source's words before the part (the
            # others print the one before it too), their form, the word after it.
            before = [m.prev]
            j = i - 1
            while j > 0 and ms[j].prev and ms[j - 1].start == ms[j].prev_start:
                before.insert(0, ms[j - 1].key)
                j -= 1
            shown = " ".join([names.display(w) for w in before] + [names.display(e)]
                             + ([names.display(nxt.key)] if nxt is not None else []))
            flag = _make(ctx, names, m, e, compare_names(m.key, e), None,
                         _first_per_source(ctx, names.pair_hits[(m.prev, e)], source), 0,
                         shown=shown, story_k=k, what=what, medium=True, spelt=True)
            if flag is not None:
                out.append(flag)
    return out


def _personal_name(names: _Names, key: str) -> bool:
    """Whether the name word ``key`` can be a given name: never printed by the story as an ordinary
    word, and no title or role ("Major", "Director": noun.person senses), though it may be a
    person WordNet knows by that name ("Darwin": a named instance)."""
    return (len(key) >= 2 and key not in names.ordinary
            and (noun_categories(key).get("person", 0.0) < _ROLE_SHARE or instance_share(key) >= _ROLE_SHARE))


def _swapped_given_flags(ctx, names: _Names) -> list[Flag]:
    """Another given name before the one surname of the story, for the same role: "Colonel Sardor
    Qodirov" where the other sources print "Colonel Shavkat Qodirov". The mirror of the role
    rule of ``_placed_surname_flags``: the full name is this source's only, and so is the given
    name; every other source that prints a given name before the surname prints the same one
    (the story knows one person of that surname), two or more of them print that given name
    before the surname or before a slip of it (``_aligned_like``), this source never prints it,
    and a role noun this source puts before its full name or in apposition after it stands so
    beside the others' (see ``_same_role_around``). Not: a title or an everyday word in the given name's place, one name in two
    romanisations (``_one_skeleton``), two given names alike in spelling (the misspelling rules'
    to judge). Two people of one family are told apart by their roles: a family's members are
    rarely introduced with the same role noun. Without a role on one side, two or more of the
    others' full names at the same or a neighbouring aligned place (``_GroupIndex.near``) say the
    same: the sources report one person's words or deeds there. Medium."""
    out: list[Flag] = []
    places = _GroupIndex(ctx)
    for (h, sur), srcs in sorted(names.pairs.items()):
        if len(srcs) != 1:
            continue
        (source,) = srcs
        lang = lang_of(ctx.sources[source])
        if names.sources_of.get(h) != {source} or not _personal_name(names, h) or is_ordinary_word(h, lang):
            continue
        if is_ordinary_word(sur, lang) or sur in names.ordinary:
            continue  # a kind of place or body after a name ("Kelembi Junction"), no surname
        theirs = {g: gs - {source} for g, gs in names.given_of.get(sur, {}).items()
                  if gs - {source} and _personal_name(names, g)}
        if len(theirs) != 1:
            continue  # no other given name, or two people of that surname
        ((g, gsrcs),) = theirs.items()
        if source in names.sources_of.get(g, ()) or is_ordinary_word(g, lang) or _one_skeleton(h, g):
            continue
        if compare_names(h, g).jaro_winkler >= _SWAP_JW:
            continue  # alike in spelling: a misspelt given name, not another one
        hits = list(names.pair_hits[(g, sur)])
        witnesses = set(gsrcs)
        for x, xs in sorted(names.next_of.get(g, {}).items()):
            if x != sur and xs - {source} and _aligned_like(compare_names(x, sur), x, sur):
                witnesses |= xs - {source}
                hits.extend(names.pair_hits[(g, x)])
        if len(witnesses) < 2:
            continue
        mine = names.pair_hits[(h, sur)]
        # The same role; or the same aligned place (or a neighbour) in two or more of the others:
        # the sources tell the same thing of the one person there.
        if not _same_role_around(ctx, mine, hits):
            # Another role this source gives its person than the others give theirs: two people.
            own_roles = set().union(*(_roles_of(ctx, src, a, b) for src, a, b in mine))
            their_roles = set().union(*(_roles_of(ctx, src, a, b) for src, a, b in hits))
            if (own_roles and their_roles) or len(places.near(mine, hits)) < 2:
                continue
        shown = f"{names.display(g)} {names.display(sur)}"
        for m in _word_mentions(ctx, names, mine, h, first_word=True):
            flag = _make(ctx, names, m, g, compare_names(h, g), None, _first_per_source(ctx, hits, m.source), 0,
                         shown=shown, story_k=len(witnesses), what="another given name before the same surname",
                         medium=True)
            if flag is not None:
                out.append(flag)
    return out


def _initialled_flags(ctx, names: _Names) -> list[Flag]:
    """A name after an initial changed for another, where the initial places it as a given name
    does in ``_placed_surname_flags``. Many naming customs print one name after an initial (a
    patronymic in Mongolian, a father's or a village's name in Tamil and Telugu, a given name in
    Russian and Malay news), some with the initial written onto the name ("Ts.Gerelmaa"). Two
    or more other sources print the other name after the same initial, or after a name word
    opening with that letter, and this source never prints it:

    * a name of the same shape (``_same_shape``), for the same role: "the health director, D.
      Altanzul" where the others print "D. Altantsetseg, director of ..." and "Batsaikhan
      Altantsetseg"; not one name in two romanisations (``_one_skeleton``) nor the two sexes'
      endings; a role noun this source puts before or right after the name stands so beside the
      others' (``_same_role_around``);
    * a run of everyday words only this source capitalises (``_meant_word``: "D.Golden Flower"),
      where the others print a name that is no English word (``_name_word``) and does not open
      like them (``_unlike``), at the same or a neighbouring aligned place (``_GroupIndex.near``),
      and this source does not print it in that passage: the name translated by its meaning.

    One such name only. Medium."""
    out: list[Flag] = []
    places = _GroupIndex(ctx)
    # Initial letter -> name key -> (source, start, end) of the name after that initial or after a
    # name word opening with that letter.
    by_letter: dict[str, dict[str, list[tuple[str, int, int]]]] = defaultdict(lambda: defaultdict(list))
    initialled: list[tuple[list[_Mention], str, int]] = []
    for pid in sorted(names.mentions):
        ms = names.mentions[pid]
        for i, m in enumerate(ms):
            text = ctx.sources[m.source].text
            got = _INITIALS_BEFORE_RE.search(text, max(0, m.start - _LOOKBACK), m.start)
            if got:
                letter = got.group(1).rstrip()[-2]
                start = m.start - len(got.group(1))
                by_letter[letter][m.key].append((m.source, start, m.end))
                chain = [m]
                for n in ms[i + 1:]:
                    if n.prev_start != chain[-1].start:
                        break
                    chain.append(n)
                initialled.append((chain, letter, start))
            elif m.prev:
                by_letter[text[m.prev_start].upper()][m.key].append((m.source, m.prev_start, m.end))
    for chain, letter, start in initialled:
        m = chain[0]
        source = m.source
        lang = lang_of(ctx.sources[source])
        if names.sources_of.get(m.key) != {source}:
            continue
        meant = [m]
        if _meant_word(names, m.key, source, lang):
            for n in chain[1:]:
                if not _meant_word(names, n.key, source, lang, before_name=False):
                    break
                meant.append(n)
        elif not _personal_name(names, m.key):
            continue
        translated = _meant_word(names, m.key, source, lang)
        mine = [(source, start, meant[-1].end)]
        ranked = []
        for e, theirs_all in by_letter[letter].items():
            if e == m.key or source in names.sources_of.get(e, ()):
                continue
            theirs = [h for h in theirs_all if h[0] != source]
            k = len({src for src, _a, _b in theirs})
            if k < 2:
                continue
            if translated:
                if not _name_word(names, e, lang) or any(not _unlike(n.key, e) for n in meant):
                    continue
                near = places.near(mine, theirs)
                if not near:
                    continue
            else:
                if not _same_shape(m.key, e) or _one_skeleton(m.key, e) or _gendered_surnames(m.key, e):
                    continue
                if not _same_role_around(ctx, mine, theirs):
                    continue
            ranked.append((k, e, theirs))
        if len(ranked) != 1:
            continue
        k, e, theirs = ranked[0]
        shown = f"{letter}. {names.display(e)}"
        evidence = _first_per_source(ctx, theirs, source)
        if translated:
            end = meant[-1].end
            words = ctx.sources[source].text[m.start:end]
            out.append(make_flag(
                ctx, kind=Kind.NAME_VARIANT, source=source, start=m.start, end=end, expected=shown,
                severity=Severity.MEDIUM, confidence=min(0.9, 0.55 + 0.08 * min(k, 3)), group=None,
                message=(f"'{words}' (ordinary words after the initial, perhaps the name translated) "
                         f"where {_others(k, 'print')} '{shown}'"),
                evidence=evidence))
            continue
        flag = _make(ctx, names, m, e, compare_names(m.key, e), None, evidence, 0,
                     shown=shown, story_k=k, what="another name after the same initial, for the same role",
                     medium=True)
        if flag is not None:
            out.append(flag)
    return out


def _renamed_in_source_flags(ctx, names: _Names) -> list[Flag]:
    """A full name this source prints once with another surname after the same given name, for the
    same role it gives the person elsewhere under the surname every source prints: "Deputy Director
    Thandar Myint" where this source also prints "Deputy Director Thandar Moe", as two or more others
    do. ``_placed_surname_flags`` leaves a source that prints both full names alone (two people who
    share a given name); the role tells them apart, and here it is one: this source puts the same
    role noun before both, another source puts it before the full name the others print, and
    every other source prints that given name before that surname only (``_only_before``). The
    slipped full name stands at the same or a neighbouring aligned place as another source's
    (``_GroupIndex.near``). Not: a middle name (a name word follows it), a title, a surname another
    source prints too. Medium."""
    out: list[Flag] = []
    places = _GroupIndex(ctx)
    for (g, v), srcs in sorted(names.pairs.items()):
        if len(srcs) != 1 or not _given_name(names, g):
            continue
        (source,) = srcs
        if names.sources_of.get(v) != {source} or not _given_name(names, v):
            continue
        if any(source in ns for ns in names.next_of.get(v, {}).values()):
            continue  # a middle name or a patronymic ("Thandar Myint Moe")
        cands = [e for e, es in sorted(names.next_of.get(g, {}).items())
                 if e != v and source in es and len(es - {source}) >= 2]
        if len(cands) != 1 or not _only_before(names, g, cands[0], source):
            continue
        e = cands[0]
        mine = names.pair_hits[(g, v)]
        own = [h for h in names.pair_hits[(g, e)] if h[0] == source]
        others = [h for h in names.pair_hits[(g, e)] if h[0] != source]
        if not _same_role_around(ctx, mine, others) or not _same_role_around(ctx, mine, own, other_sources=False):
            continue
        if not places.near(mine, others):
            continue
        shown = f"{names.display(g)} {names.display(e)}"
        for m in _word_mentions(ctx, names, mine, v, first_word=False):
            flag = _make(ctx, names, m, e, compare_names(v, e), None, _first_per_source(ctx, others, m.source), 0,
                         shown=shown, story_k=len({h[0] for h in others}),
                         what=f"another surname for the person this source calls '{shown}' elsewhere",
                         medium=True)
            if flag is not None:
                out.append(flag)
    return out


def _same_role_around(ctx, mine, theirs, *, other_sources: bool = True) -> bool:
    """Whether a role noun before or in apposition after one of ``mine`` (full names of one source:
    source, start, end) stands so beside one of ``theirs`` (``_roles_of``): the same person
    introduced the same way. With ``other_sources`` only places of other sources count."""
    own = {src for src, _a, _b in mine}
    roles = set()
    for src, a, b in mine:
        roles |= _roles_of(ctx, src, a, b)
    return bool(roles) and any((src not in own or not other_sources) and roles & _roles_of(ctx, src, a, b)
                               for src, a, b in theirs)


def _roles_before(text: str, start: int) -> frozenset[str]:
    """The role nouns (WordNet noun.person mostly: "director", "auditor") among the three words
    before ``text[start:]`` in its sentence, lower-cased: how a story introduces a person. Only
    before: words after a name are what the person did ("told reporters")."""
    before = text[max(0, start - _FRAME_CHARS - _LOOKBACK):start]
    initials = _INITIALS_BEFORE_RE.search(before)
    if initials:
        before = before[:initials.start()]  # "director R. K. Name": an initial is no sentence end
    before = _SENTENCE_CUT_RE.split(before[-_FRAME_CHARS:])[-1]
    words = (w.lower() for w in _WORD_RE.findall(before)[-_FRAME_WORDS:])
    return frozenset(w for w in words if len(w) >= 3 and w not in FUNCTION_WORDS
                     and noun_categories(w).get("person", 0.0) >= _ROLE_SHARE)


def _roles_after(text: str, end: int) -> frozenset[str]:
    """The role nouns (as ``_roles_before`` reads them) of an apposition right after the name
    ending at ``end``: a comma, perhaps an article, and up to three words before "of", a comma
    or the clause's end ("Thandar Moe, deputy director of the office" -> {"deputy", "director"}).
    A relative clause or a verb there ("X, who heads ...", "X, said ...") is what the person did,
    not who they are: nothing."""
    got = _APPOSITION_AFTER_RE.match(text, end, min(len(text), end + _FRAME_CHARS + _LOOKBACK))
    if got is None:
        return frozenset()
    words = [w.lower() for w in _WORD_RE.findall(got.group(1))]
    if not words or any(w in _SPEECH_VERBS or w in _RELATIVE_WORDS for w in words):
        return frozenset()
    return frozenset(w for w in words if len(w) >= 3 and w not in FUNCTION_WORDS
                     and noun_categories(w).get("person", 0.0) >= _ROLE_SHARE)


def _roles_of(ctx, src: str, start: int, end: int) -> frozenset[str]:
    """The role nouns a source puts before a full name (``text[start:end]``) or in apposition
    right after it."""
    text = ctx.sources[src].text
    return _roles_before(text, start) | _roles_after(text, end)


def _one_skeleton(a: str, b: str) -> bool:
    """Whether two name keys have consonants (see ``_skeleton``) at most one edit apart once the
    romanisation alternations are folded: one name in two renderings ("Hovsepian" / "Hovsepyan"),
    which ``romanisation`` judges, not two surnames."""
    return OSA.distance(_skeleton(_alternation_fold(a)), _skeleton(_alternation_fold(b))) <= 1


def _frame_like(names: _Names, variant: str, expected: str) -> bool:
    """Likeness enough for two first words of a two-word name whose second word is the same: as in
    an aligned group (``_aligned_like``), at most two edits, neither very short, not two well-known
    words, not an ordinary word of the story, not an umlaut transcribed."""
    if min(len(variant), len(expected)) < 4 or OSA.distance(variant, expected) > 2 or expected in names.ordinary:
        return False
    if zipf(variant) >= _KNOWN_ZIPF and zipf(expected) >= _KNOWN_ZIPF:
        return False
    if _umlaut_pair(names, variant, expected):
        return False
    return _aligned_like(compare_names(variant, expected), variant, expected)


def _misread_like(names: _Names, variant: str, expected: str) -> bool:
    """Likeness enough for a given name misread rather than misspelt, as a translation from a script
    that writes a name by its meaning reads it ("Shōichi" for "Masakazu": one written name, another of
    its readings): the same first letter, sound keys at most one edit apart, Jaro-Winkler 0.7 or
    more, both at least four letters, neither an ordinary word of the story nor both well-known
    words. Looser than ``_frame_like``, so only used where the full name stands at the same aligned
    place as the others' (see ``_GroupIndex.same_place``)."""
    if min(len(variant), len(expected)) < 4 or variant[0] != expected[0] or expected in names.ordinary:
        return False
    if zipf(variant) >= _KNOWN_ZIPF and zipf(expected) >= _KNOWN_ZIPF:
        return False
    if _umlaut_pair(names, variant, expected):
        return False
    match = compare_names(variant, expected)
    return match.near_sound and match.jaro_winkler >= _MISREAD_JW


def _meant_word(names: _Names, key: str, source: str, lang: str, *, before_name: bool = True,
                phrase: bool = False) -> bool:
    """Whether the name word ``key`` of ``source`` reads as an everyday word a translation put for a
    name ("Dawn", "Heath", "Quick"): common in the source's language, known to WordNet, not a
    function, calendar or honorific word, no name English itself uses (see below), and printed
    capitalised by this source alone (a word the others also print as a name, "Rose" in "Rose
    Smith" everywhere, is that name). With ``before_name`` (a word where a given name or a place
    name stands) also no title or role: its noun senses mostly noun.person ("Minister", "Judge",
    "Captain" before a surname). After a given name no title stands, and a surname that means a
    trade or a colour ("Smith", "White") is what a translation makes of one. With ``phrase`` (the
    word opens a run of everyday words in one name) a word English uses as a name counts too."""
    if names.sources_of.get(key) != {source} or key in FUNCTION_WORDS or key in CALENDAR_WORDS or key in HONORIFICS:
        return False
    if zipf(key, lang) < _MEANT_WORD_ZIPF or not word_senses(key):
        return False
    # A word English itself uses as a name (WordNet lists it as a named instance: "Panama",
    # "Jordan", "Nice") is that name or its exonym ("Cologne"), not a name translated by meaning.
    if not phrase and instance_share(key) >= _ROLE_SHARE:
        return False
    return not before_name or noun_categories(key).get("person", 0.0) < _ROLE_SHARE


def _name_word(names: _Names, key: str, lang: str) -> bool:
    """Whether ``key`` reads as a name of the story and not as an English word: never printed as an
    ordinary word here, rarer in the language than a common word, no title or role."""
    return (len(key) >= 3 and key not in names.ordinary and zipf(key, lang) < _FOREIGN_NAME_ZIPF
            and noun_categories(key).get("person", 0.0) < _ROLE_SHARE)


def _unlike(word: str, name: str) -> bool:
    """Whether a word can stand for a name by meaning rather than as its short form: the two do not
    open with the same two letters ("Will" / "William", "Sue" / "Susan" do; a translation by
    meaning, "Dawn" / "Sahar", "Heath" / "Hede", shares no spelling by design)."""
    return word[:2] != name[:2]


def _translated_part_flags(ctx, names: _Names) -> list[Flag]:
    """One part of a person's name rendered as the English word it means: "Dawn Dastgir" where the
    other sources print "Sahar Dastgir", "Vera Quick" for "Vera Bystrá". Nothing here knows what a
    foreign name means, so the evidence is the story's structure: the full name is printed by this
    source only and its other part is the same person's (a name, not an English word or a title);
    the others print that part with one name word this source never prints beside it; this
    source's word there is an everyday word (see ``_meant_word``) that does not open like that
    name (see ``_unlike``); and the two full names stand in the same passage or its neighbour of
    aligned passages (see ``_GroupIndex.near``): elsewhere, "Faith Njoroge" may be a relative
    only this source mentions. A surname shared by two people of the story is ambiguous unless
    only one of them stands there. High when two or more other sources print the name at that
    place, else medium."""
    out: list[Flag] = []
    places = _GroupIndex(ctx)
    for (first, second), srcs in sorted(names.pairs.items()):
        if len(srcs) != 1:
            continue
        (source,) = srcs
        lang = lang_of(ctx.sources[source])
        mine = names.pair_hits[(first, second)]
        # slot 0: the given name became a word ("Dawn Dastgir"); slot 1: the surname ("Vera Quick").
        for slot, word, anchor in ((0, first, second), (1, second, first)):
            # More everyday words follow it as one name ("Panchdhara Cooperative Milk Producers
            # Union", "Kunle God Is Enough"): see below.
            run_on = slot == 1 and any(source in nsrcs and is_ordinary_word(n, lang)
                                       for n, nsrcs in names.next_of.get(word, {}).items())
            # A phrase in a surname's place is a name that means a sentence rendered by its
            # meaning (Yoruba "Oloruntoba", "God is enough"), whatever English uses its first word
            # for: a deity's name or a place's is no surname English would print there.
            if not _meant_word(names, word, source, lang, before_name=slot == 0, phrase=run_on):
                continue
            if not (_name_word(names, anchor, lang) or (slot == 1 and _inner_name_word(names, anchor, source, lang))):
                continue
            # Where more name words follow the others' part too ("Panchdhara Krushak Vikas
            # Parishad"), a run of everyday words is an organisation's long name, whose descriptive
            # words a translation renders by meaning as it should. A surname rendered as two words
            # ("Prasert Silver Light" for "Prasert Ngernsaeng") ends where the others' surname ends.
            rivals = (names.given_of if slot == 0 else names.next_of).get(anchor, {})
            ranked = []
            for e, esrcs in sorted(rivals.items()):
                if e == word or source in esrcs or not _name_word(names, e, lang) or not _unlike(word, e):
                    continue
                if run_on and any(len(nsrcs & esrcs) >= 2 for nsrcs in names.next_of.get(e, {}).values()):
                    continue
                pair = (e, anchor) if slot == 0 else (anchor, e)
                if any(_prints_near(ctx, places, names, e, src, start) for src, start, _end in mine):
                    continue  # this source prints that name right there: it names someone else
                near = places.near(mine, names.pair_hits[pair])
                ranked.append((len(near), len(esrcs - {source}), e, pair))
            if not ranked:
                continue
            ranked.sort(reverse=True)
            n_near, k, e, pair = ranked[0]
            if len(ranked) > 1 and ranked[1][:2] == (n_near, k):
                continue  # two people of the story fit as well: no telling which
            if n_near == 0:
                continue  # a word-like given name elsewhere in the story may be another relative
            shown = (f"{names.display(e)} {names.display(anchor)}" if slot == 0
                     else f"{names.display(anchor)} {names.display(e)}")
            severity = Severity.HIGH if n_near >= 2 else Severity.MEDIUM
            confidence = 0.55 + 0.08 * min(k, 3) + 0.06 * min(n_near, 2)
            evidence = _first_per_source(ctx, names.pair_hits[pair], source)
            for src, start, end in mine:
                text = ctx.sources[src].text[start:end]
                out.append(make_flag(
                    ctx, kind=Kind.NAME_VARIANT, source=src, start=start, end=end, expected=shown,
                    severity=severity, confidence=min(0.9, confidence), group=None,
                    message=(f"'{text}' (an ordinary word where a name part should be, perhaps the name "
                             f"translated) where {_others(n_near, 'print')} '{shown}' at the same place"),
                    evidence=evidence))
            break
    return out



def _inner_name_word(names: _Names, key: str, source: str, lang: str) -> bool:
    """Whether the name word ``key`` is an inner part of a longer full name: this source and two or
    more others print the same name word (see ``_name_word``) right before it ("Thi Hong" in
    "Nguyen Thi Hong Duyen"). Such a part is a name whatever else the language uses the word for
    ("Hong" is common in English through "Hong Kong")."""
    for g, srcs in names.given_of.get(key, {}).items():
        if source in srcs and len(srcs - {source}) >= 2 and _name_word(names, g, lang):
            return True
    return False


def _others(k: int, verb: str) -> str:
    """"2 other sources print", "1 other source prints": the witnesses of a message, in agreement."""
    return f"{k} other source{'s' if k != 1 else ''} {verb}{'' if k != 1 else 's'}"

def _place_prep_before(text: str, start: int, back: int) -> bool:
    """Whether a preposition of place stands right before ``text[start:]`` (within ``back``
    characters), or before a place name coordinated with it ("between Wetagoda and ...")."""
    return bool(_PLACE_PREP_RE.search(text, max(0, start - back), start)
                or _PLACE_COORD_RE.search(text, max(0, start - _COORD_CHARS), start))


def _place_head(names: _Names, key: str, lang: str) -> str | None:
    """The first word of a two-word place name ending in ``key`` ("Rathu" of "Rathu Oya"): the one name
    word that every source printing ``key`` prints right before it, and no title or role (a
    person's given name is told apart by the frame the caller asks for). Else None."""
    before = names.given_of.get(key, {})
    if len(before) != 1:
        return None
    ((head, srcs),) = before.items()
    if srcs != names.sources_of.get(key) or head in FUNCTION_WORDS or len(head) < 2:
        return None
    return head if noun_categories(head).get("person", 0.0) < _ROLE_SHARE else None


def _translated_place_flags(ctx, names: _Names) -> list[Flag]:
    """A place name rendered as the English words it means: "the port of Bank" where the other
    sources print "the port of Margem", "from White Spring village" for "Agbulag". The evidence,
    none of which needs to know what the name means: one or two capitalised everyday words (see
    ``_meant_word``) standing alone as a name mid-sentence, bare after a preposition of place (see
    ``_PLACE_PREP_RE``), that this source alone prints; a name of the story that is no English word
    and no person's name part, printed by two or more other sources and not by this source in
    that passage; one of those places in the same or a neighbouring aligned passage (see
    ``_GroupIndex.near``), after a preposition too and framed by the same ordinary word ("port",
    "village") within three words. Two names that fit as well leave it unsaid. High when three or
    more other sources print the name and two of them in the same frame, else medium."""
    out: list[Flag] = []
    places = _GroupIndex(ctx)
    # Names printed by two or more sources: what a translated place name may stand for.
    shared = sorted(k for k, srcs in names.sources_of.items() if len(srcs) >= 2)
    for pid in sorted(names.mentions):
        ms = names.mentions[pid]
        chains: list[list[_Mention]] = []
        for m in ms:
            if chains and m.prev_start == chains[-1][-1].start:
                chains[-1].append(m)
            else:
                chains.append([m])
        for chain in chains:
            if len(chain) > 2 or not chain[0].mid_sentence:
                continue
            source = chain[0].source
            lang = lang_of(ctx.sources[source])
            # A kind of place printed capitalised after the name, as the others print it after
            # theirs ("near the White Pass" / "near the Tetri Pass", "Lake", "River"): the word
            # that frames the name, and the one before it is the translated part.
            tail = _place_tail(names, chain, source, lang)
            part = chain[:1] if tail else chain
            if not all(_meant_word(names, m.key, source, lang) for m in part):
                continue
            text = ctx.sources[source].text
            start, end = chain[0].start, chain[-1].end
            prep_re = _PLACE_PREP_THE_RE if tail else _PLACE_PREP_RE
            if not (prep_re.search(text, max(0, start - 16), start)
                    or (not tail and _PLACE_COORD_RE.search(text, max(0, start - _COORD_CHARS), start))):
                continue
            frame = _frame_words(text, start, end)
            if not frame and not tail:
                continue
            mine = [(source, start, end)]
            ranked = []
            for e in shared:
                srcs = names.sources_of[e] - {source}
                if len(srcs) < 2 or not _name_word(names, e, lang):
                    continue
                # A two-word place name ("Rathu Oya"): the one name word every source printing ``e``
                # prints right before it, no title or role, for a chain of two words here.
                head = _place_head(names, e, lang) if len(chain) == 2 and not tail else None
                if e in names.given_of and head is None:
                    continue
                if e in names.next_of and not (tail and set(names.next_of[e]) == {tail}):
                    continue
                words = (head, e) if head else (e,)
                if any(not _unlike(m.key, w) for m in part for w in words) \
                        or any(_prints_near(ctx, places, names, w, source, start) for w in words):
                    continue
                hits = names.pair_hits[(head, e)] if head else names.hits[e]
                near = places.near(mine, hits)
                if not near:
                    continue
                if tail:
                    framed = {src for src, a, b in hits if src != source
                              and prep_re.search(ctx.sources[src].text, max(0, a - 16), a)
                              and src in names.next_of.get(e, {}).get(tail, ())}
                else:
                    framed = {src for src, a, b in hits if src != source
                              and _place_prep_before(ctx.sources[src].text, a, 12)
                              and frame & _frame_words(ctx.sources[src].text, a, b)}
                if not framed & near:
                    continue
                ranked.append((len(framed), len(near), len(srcs), e, head))
            if not ranked:
                continue
            ranked.sort(reverse=True)
            n_framed, n_near, k, e, head = ranked[0]
            if len(ranked) > 1 and ranked[1][:2] == (n_framed, n_near):
                continue
            shown = ((f"{names.display(head)} " if head else "") + names.display(e)
                     + (f" {names.display(tail)}" if tail else ""))
            severity = Severity.HIGH if k >= 3 and n_framed >= 2 else Severity.MEDIUM
            confidence = 0.55 + 0.06 * min(k, 4) + 0.05 * min(n_framed, 3)
            words = text[start:end]
            out.append(make_flag(
                ctx, kind=Kind.NAME_VARIANT, source=source, start=start, end=end, expected=shown,
                severity=severity, confidence=min(0.9, confidence), group=None,
                message=(f"'{words}' (ordinary words standing as a place name, perhaps the name "
                         f"translated) where {_others(n_near, 'print')} '{shown}' at the same place"),
                evidence=_first_per_source(ctx, names.hits[e], source)))
    return out


# The ordinary noun a name stands in apposition to, right before it ("the trawler Nosa Estrela",
# "the village Kiptere"), with one capitalised function word of the name between ("the trawler Our
# Dream"): group 1 the noun, group 2 that word or nothing.
_APPOSITION_RE = re.compile(r"\b([a-z]{4,})\s+(?:([A-Z][a-z]{1,5})\s+)?$")


def _apposition(text: str, start: int) -> tuple[str, int] | None:
    """The ordinary noun right before the name at ``text[start:]`` (see ``_APPOSITION_RE``) and
    where the name begins once a capitalised function word before it is counted in, or None."""
    got = _APPOSITION_RE.search(text, max(0, start - 30), start)
    if got is None or got.group(1) in FUNCTION_WORDS:
        return None
    word = got.group(2)
    if word is not None and word.lower() not in FUNCTION_WORDS and word.lower() not in PRONOUNS:
        return None
    return got.group(1), (got.start(2) if word is not None else start)


def _translated_apposition_flags(ctx, names: _Names) -> list[Flag]:
    """A name rendered by its meaning where it stands in apposition to a noun: "the trawler Our
    Star" where the others print "the trawler Nosa Estrela" (a boat, a village, a festival). The
    evidence is structural: a capitalised everyday word (see ``_meant_word``) only this source
    prints, mid-sentence, right after an ordinary noun (with a capitalised function word of the
    name between, "Our"); a name of the story that is no English word (see ``_name_word``),
    printed by two or more other sources right after the same noun, in the same or a
    neighbouring aligned passage, and not printed by this source in that passage. A name the
    others print with one more name word after it is shown whole. Two names that fit as well
    leave it unsaid. Medium: nothing here knows what the words mean."""
    out: list[Flag] = []
    places = _GroupIndex(ctx)
    shared = sorted(k for k, srcs in names.sources_of.items() if len(srcs) >= 3)
    for pid in sorted(names.mentions):
        for m in names.mentions[pid]:
            if not m.mid_sentence or m.prev:
                continue
            source = m.source
            lang = lang_of(ctx.sources[source])
            if not _meant_word(names, m.key, source, lang):
                continue
            text = ctx.sources[source].text
            got = _apposition(text, m.start)
            if got is None:
                continue
            noun, start = got
            mine = [(source, start, m.end)]
            ranked = []
            for e in shared:
                if e in names.given_of or not _name_word(names, e, lang) or not _unlike(m.key, e):
                    continue
                if _prints_near(ctx, places, names, e, source, m.start):
                    continue
                theirs = [h for h in names.hits[e] if h[0] != source]
                framed = {src for src, a, _b in theirs
                          if (_apposition(ctx.sources[src].text, a) or ("", 0))[0] == noun}
                if len(framed) < 2:
                    continue
                near = places.near(mine, theirs) & framed
                if not near:
                    continue
                ranked.append((len(near), len(framed), e))
            if not ranked:
                continue
            ranked.sort(reverse=True)
            if len(ranked) > 1 and ranked[1][:2] == ranked[0][:2]:
                continue
            _n, k, e = ranked[0]
            follow = [n for n, srcs in names.next_of.get(e, {}).items() if len(srcs - {source}) >= 2]
            shown = names.display(e) + (f" {names.display(follow[0])}" if len(follow) == 1 else "")
            end = m.end
            nxt = [x for x in names.mentions[pid] if x.prev_start == m.start and _meant_word(names, x.key, source, lang)]
            if nxt:
                end = nxt[0].end  # a name of two everyday words ("Our Good Hope")
            words = text[start:end]
            out.append(make_flag(
                ctx, kind=Kind.NAME_VARIANT, source=source, start=start, end=end, expected=shown,
                severity=Severity.MEDIUM, confidence=min(0.85, 0.55 + 0.06 * min(k, 4)), group=None,
                message=(f"'{words}' (everyday words standing as a name, perhaps the name translated) "
                         f"where {_others(k, 'print')} '{shown}' after '{noun}'"),
                evidence=_first_per_source(ctx, names.hits[e], source)))
    return out


def _place_tail(names: _Names, chain, source: str, lang: str) -> str | None:
    """The key of the second word of a two-word name ``chain`` when it names a kind of place
    ("Pass", "Lake", "River"): an everyday word that two or more other sources print capitalised
    right after another name word. Else None."""
    if len(chain) != 2:
        return None
    key = chain[1].key
    if not is_ordinary_word(key, lang) or key in FUNCTION_WORDS:
        return None
    others = set()
    for g, srcs in names.given_of.get(key, {}).items():
        if g != chain[0].key:
            others |= srcs - {source}
    return key if len(others) >= 2 else None


def _opens_shared_name(names: _Names, key: str, source: str) -> bool:
    """Whether ``source`` prints the name word ``key`` before a name word that two or more other
    sources print right after it too: ``key`` opens a full name of the story ("Tina Kos")."""
    return any(source in srcs and len(srcs - {source}) >= 2 for srcs in names.next_of.get(key, {}).values())


def _translated_head_flags(ctx, names: _Names) -> list[Flag]:
    """A one-word name whose first element a translation rendered by its meaning and wrote apart:
    "Five Dhara" where the others print "Panchdhara" (Marathi "panch", five), as compound names
    of many languages are built (a word for a number, a colour, "new" or "old" before a river's
    or a town's name). The evidence, none of which needs to know what the name means: two name
    words side by side that only this source prints, the first an everyday word (see
    ``_meant_word``) that does not open like the name, the second (four letters or more) the end
    of a name that two or more other sources print with at least three letters before it, in the
    same or a neighbouring aligned passage (see ``_GroupIndex.near``), and that this source does
    not print in that passage. One such name only; medium, high when two others print it there."""
    out: list[Flag] = []
    places = _GroupIndex(ctx)
    by_tail: dict[str, list[str]] = defaultdict(list)
    for k in sorted(names.sources_of):
        if names.n(k) >= 2:
            for i in range(_HEAD_MIN, len(k) - _TAIL_MIN + 1):
                by_tail[k[i:]].append(k)
    if not by_tail:
        return out
    for (first, second), srcs in sorted(names.pairs.items()):
        if len(srcs) != 1 or second not in by_tail:
            continue
        (source,) = srcs
        lang = lang_of(ctx.sources[source])
        if not _meant_word(names, first, source, lang, before_name=False) or second in names.ordinary:
            continue
        # The second word opens a full name of the story that this source prints whole too ("the
        # Ministry of Agriculture and Food Tina Kos", where two others print "Tina Kos"): the
        # everyday word before it ends something else, an organisation's name or a title.
        if _opens_shared_name(names, second, source):
            continue
        mine = names.pair_hits[(first, second)]
        ranked = []
        for e in by_tail[second]:
            if len(names.sources_of[e] - {source}) < 2 or not _name_word(names, e, lang) or not _unlike(first, e):
                continue
            if any(_prints_near(ctx, places, names, e, src, start) for src, start, _end in mine):
                continue
            near = places.near(mine, names.hits[e])
            if near:
                ranked.append((len(near), names.n(e), e))
        if len(ranked) != 1:
            continue  # none, or two names that fit as well
        n_near, _n, e = ranked[0]
        shown = names.display(e)
        for src, start, end in mine:
            words = ctx.sources[src].text[start:end]
            out.append(make_flag(
                ctx, kind=Kind.NAME_VARIANT, source=src, start=start, end=end, expected=shown,
                severity=Severity.HIGH if n_near >= 2 else Severity.MEDIUM,
                confidence=min(0.9, 0.55 + 0.08 * min(n_near, 3)), group=None,
                message=(f"'{words}' (an ordinary word before the end of the name, perhaps its first "
                         f"part translated) where {_others(n_near, 'print')} '{shown}' at the same place"),
                evidence=_first_per_source(ctx, names.hits[e], src)))
    return out


def _frame_words(text: str, start: int, end: int) -> frozenset[str]:
    """The ordinary lower-case words (no function words) among the three words either side of
    ``text[start:end]``, within its sentence: what frames a name ("the port of", "village")."""
    before = _SENTENCE_CUT_RE.split(text[max(0, start - _FRAME_CHARS):start])[-1]
    after = _SENTENCE_CUT_RE.split(text[end:end + _FRAME_CHARS])[0]
    words = _WORD_RE.findall(before)[-_FRAME_WORDS:] + _WORD_RE.findall(after)[:_FRAME_WORDS]
    return frozenset(w for w in words if w.islower() and len(w) >= 3 and w not in FUNCTION_WORDS)


def _prints_near(ctx, places: "_GroupIndex", names: _Names, key: str, source: str, offset: int) -> bool:
    """Whether ``source`` prints the name ``key`` in the passage holding ``offset``."""
    p = places.passage(source, offset)
    return p is not None and any(src == source and p.start <= a < p.end for src, a, _b in names.hits.get(key, ()))


class _GroupIndex:
    """Which aligned group holds a place of a source (``CheckContext.passages_in_order``, built
    on first use and shared by every rule that asks)."""

    def __init__(self, ctx: CheckContext) -> None:
        self.ctx = ctx

    def passage(self, source: str, offset: int) -> Passage | None:
        """The passage of ``source`` holding ``offset``, or None."""
        return self.ctx.passages_in_order.at(source, offset)

    def around(self, source: str, offset: int) -> set[str]:
        """The groups of the passage of ``source`` holding ``offset`` and of its two neighbours: a
        name often stands in the sentence before or after the one the alignment paired ("X said
        ..." then the quote)."""
        order = self.ctx.passages_in_order
        if order.at(source, offset) is None:
            return set()
        ps, i = order.of(source), order.index_from(source, offset)
        out = set()
        for j in (i - 1, i, i + 1):
            if 0 <= j < len(ps):
                g = self.ctx.group_of.get(ps[j].id)
                if g is not None:
                    out.add(g.id)
        return out

    def near(self, mine, theirs) -> set[str]:
        """The other sources whose places in ``theirs`` ((source, start, end)) stand near one of
        ``mine`` (one source's): a passage of each, or of its neighbours, in one aligned group."""
        groups: set[str] = set()
        own = set()
        for src, start, _end in mine:
            groups |= self.around(src, start)
            own.add(src)
        if not groups:
            return set()
        return {src for src, start, _end in theirs if src not in own and self.around(src, start) & groups}

    def at(self, source: str, offset: int) -> str | None:
        """The id of the group of the passage of ``source`` holding ``offset``, or None."""
        p = self.passage(source, offset)
        g = self.ctx.group_of.get(p.id) if p is not None else None
        return g.id if g is not None else None

    def same_place(self, mine, theirs, need: int) -> bool:
        """Whether one of the places ``mine`` ((source, start, end), one source's) shares its
        aligned group with places of ``theirs`` in at least ``need`` other sources: the full names
        stand where the sources tell the same thing."""
        groups = {self.at(src, start) for src, start, _end in mine} - {None}
        if not groups:
            return False
        own = {src for src, _s, _e in mine}
        found = {src for src, start, _end in theirs if src not in own and self.at(src, start) in groups}
        return len(found) >= need


def _story_expected(names: _Names, variant: str, choices) -> tuple[str, NameMatch] | None:
    if not choices:
        return None
    found = process.extract(variant, choices, scorer=JaroWinkler.similarity, score_cutoff=0.85,
                            limit=_STORY_CANDIDATES)
    best = None
    for e, _score, _i in found:
        if not _minor(names, variant, e) or not _pair_ok(names, variant, e):
            continue
        match = compare_names(variant, e)
        if not _story_like(match, variant, e):
            continue
        rank = (names.n(e), match.strength, e)
        if best is None or rank > best[0]:
            best = (rank, e, match)
    return None if best is None else (best[1], best[2])


def _make(ctx, names: _Names, m: _Mention, expected: str, match: NameMatch, group, evidence, k: int,
          *, lowered: bool = False, translated: bool = False, shown: str | None = None,
          story_k: int | None = None, gendered: bool = False, what: str | None = None,
          medium: bool = False, spelt: bool = False) -> Flag | None:
    """One flag, or None for two established romanisations of one name (see ``romanisation``). ``group`` None: story-wide evidence, ``k`` other sources spell it ``expected``;
    else ``k`` other sources in the group do, and ``evidence`` are their spans. ``shown`` and
    ``story_k`` override the expected form and its story-wide support (a full name's); ``what``
    says what is wrong, and ``medium`` keeps such a flag at medium (the right name is readable);
    ``spelt`` says that ``what`` compares the spelling of one word of a name with the others' (its
    first word, letters lost from it), which a romanisation or an ending explains as well as it
    does a name printed alone."""
    shown = shown or names.display(expected)
    lang = lang_of(ctx.sources[m.source])
    common_word = zipf(m.key, lang) >= 3.5  # the name became an ordinary word ("Best")
    # Two accepted romanisations of one name ("Adil" / "Adel", "Sergei" / "Sergey"): a note that
    # the sources differ, not an error to correct. Still a note, because the same letters tell
    # apart names of Latin script ("Brian" / "Bryan"), and nothing here knows the script.
    romanised = not lowered and not translated and romanisation(m.key, expected)
    # A source that itself writes the name the others' way elsewhere has no scheme of its own:
    # the odd mention out is no accepted romanisation (``_slip_beside_own``), though it may
    # still read as a note below (the same consonants, another romanisation's letters).
    if (romanised and not lowered and not translated and group is not None
            and _slip_beside_own(names, m.key, expected, placed=False)):
        romanised = None
    if romanised == "accepted":
        return None
    if not lowered and _others_print_lower(names, m, expected):
        return None
    # How the source itself writes the name decides between a rendering and a slip (see
    # ``_own_rendering``): a rendering the source keeps to is its way of writing the name.
    # Renderings are judged only for a name printed as a name, with nothing else said of it.
    plain_name = not lowered and not translated and (what is None or spelt) and not gendered
    if plain_name and (_system_rendering(names, m, expected) or _system_source(names, m, expected)):
        return None
    ending = plain_name and _ending_rendering(m.key, expected)
    scheme = romanised == "note" and alternation_pair(m.key, expected)
    consonants = (plain_name and not common_word and not romanised and not ending
                  and _same_consonants(m.key, expected))
    # Letters two romanisation systems write for one sound ("Zhai" / "Chai", "Najjar" / "Naggar",
    # "Ramzi" / "Ramzy", "Wiphakon" / "Wiphakorn"), or one vowel the source script leaves to the
    # romaniser, in a name English rarely prints ("Taje" / "Taja"): see ``_romanised_letters``.
    rendered = (plain_name and not common_word and not romanised and not ending and not consonants
                and _romanised_letters(m.key, expected))
    # Another accepted romanisation kept at every mention ("Kareysa" twice, "Kareisa" never):
    # the source follows its own scheme, as for an ending or the same consonants. Printed once
    # beside nothing else, it stays a note: a slip looks the same once.
    if ((scheme and _scheme_kept(names, m, expected))
            or (romanised == "note" and _own_rendering(names, m, expected, repeated=True))
            or (ending and _own_rendering(names, m, expected, repeated=True))
            or (consonants and _kept_romanisation(names, m, expected))
            or (rendered == "letters" and _own_rendering(names, m, expected, repeated=True))):
        return None
    if _one_word_two_languages(names, m, expected, lang) or _own_language_name(names, m, expected, lang):
        return None
    if not lowered and not translated and _q_orthography(m.key, expected):
        return None
    if not lowered and _glossed(ctx.sources[m.source].text, m.end):
        return None  # the source says whose name it is: the other language's, on purpose
    if not lowered and _glossed_as(ctx.sources[m.source].text, m.end, expected):
        return None  # the source prints the other name itself, as another name of the same thing
    if story_k is None:
        story_k = len(names.sources_of[expected]) - (m.source in names.sources_of[expected])
    if group is not None:
        severity = Severity.HIGH if (k >= 2 or story_k >= 3 or common_word) else Severity.MEDIUM
        confidence = 0.45 + 0.1 * min(k, 4) + 0.25 * max(0.0, (match.strength - 0.75) / 0.25)
        # Story-wide agreement on the expected spelling adds to an aligned group's few witnesses.
        confidence += 0.04 * min(max(story_k - k, 0), 4)
        where = f"where {_others(k, 'write')} '{shown}' at the same place"
    else:
        k = story_k
        severity = Severity.HIGH if (k >= 3 and (match.same_sound or common_word)) else Severity.MEDIUM
        confidence = 0.4 + 0.08 * min(k, 4) + 0.25 * max(0.0, (match.strength - 0.8) / 0.2)
        where = f"where {_others(k, 'spell')} it '{shown}'"
    if common_word:
        confidence += 0.05
    if romanised:
        severity = Severity.LOW
        confidence = min(confidence, 0.6)
        message = f"'{m.text}' (another accepted romanisation) {where}"
    elif ending:
        # An ending on the intact name, or its final vowel written or not: what a case ending or a
        # romanisation habit does to a name ("Velunagaram", "Tirumalpura"). The reader sees
        # the right name; a note that the sources differ, not an error to correct.
        severity = Severity.LOW
        confidence = min(confidence, 0.55)
        message = f"'{m.text}' (the name with an ending added or its final vowel {ending}) {where}"
    elif consonants:
        # The same consonants, another vowel or voicing: what two romanisations of one name differ
        # by, and what a slip may look like too. A note that the sources differ.
        severity = Severity.LOW
        confidence = min(confidence, 0.6)
        message = f"'{m.text}' (the same consonants: another romanisation, or a slip) {where}"
    elif rendered:
        # What another romanisation writes, and what a slip may look like too: the reader sees the
        # name, the sources differ. A note.
        severity = Severity.LOW
        confidence = min(confidence, 0.6)
        message = f"'{m.text}' (another romanisation's letters, or a slip) {where}"
    elif what is not None:
        if translated or medium:
            severity = Severity.MEDIUM
        message = f"'{m.text}' ({what}) {where}"
    elif translated:
        # Nothing checks what the word means: say what was seen, not that it is a translation.
        severity = Severity.MEDIUM
        message = f"'{m.text}' (an ordinary word, perhaps the name translated) {where}"
    elif lowered:
        message = f"'{m.text}' (an ordinary word) {where}"
    elif gendered:
        message = f"'{m.text}' (the surname with the other sex's ending) {where}"
    elif common_word:
        message = f"'{m.text}' (an ordinary word used as a name) {where}"
    else:
        message = f"'{m.text}' {where}"
    return make_flag(
        ctx,
        kind=Kind.NAME_VARIANT,
        source=m.source,
        start=m.start,
        end=m.end,
        expected=shown,
        severity=severity,
        confidence=min(0.97, confidence),
        group=group,
        message=message,
        evidence=evidence,
    )


def _others_print_lower(names: _Names, m: _Mention, expected: str) -> bool:
    """Whether the capitalised word of mention ``m`` is an everyday word of the story, standing for
    a name word built on it: another source prints the same word in lower case ("the board
    confirmed", "the board's chair"), and the others' name word opens with the same letters
    (``_COGNATE_PREFIX``: "Board" / "Boards", "Bureau" / "Bureaux", "Museum" / "Museo"). The
    source has written a word of the story's prose as a word of the name, the name's short form
    or its translation ("the Water Board" for "the Water Boards Association"), and the reader
    sees what it means: no misspelt name. A name turned into another word ("Best" for "Bessent")
    shares no such opening."""
    if shared_prefix(m.key, expected) < _COGNATE_PREFIX or not names.lower_in:
        return False
    # The word in the plural ("Happy Seeders" where another source prints "super seeder"): English
    # makes the plural of the everyday word, not of a name.
    keys = (m.key, m.key[:-1]) if m.key.endswith("s") and len(m.key) > 4 else (m.key,)
    return any(names.lower_in.get(k, frozenset()) - {m.source} for k in keys)


def _ending_rendering(variant: str, expected: str) -> str | None:
    """Whether two name keys differ only at the end of an intact name, as an ending or a
    romanisation habit makes them differ, not as a slip does: ``variant`` is ``expected`` with one
    or two letters added ("velunagaram" on "velunagara", "tirumalpura" on "tirumalpur":
    a case ending, the final vowel an Indic script writes or a romanisation drops), or with a
    final vowel lost ("tirumalpur" for "tirumalpura") where English rarely prints the name (see
    ``_ESTABLISHED_ZIPF``). The name kept must be five
    letters or more. A final consonant lost ("korvandel" for "korvandels") and a letter changed
    anywhere are slips. Returns what happened to the final vowel or ending ("added", "dropped"),
    or None."""
    if len(variant) > len(expected):
        return "added" if (len(expected) >= 5 and len(variant) - len(expected) <= 2
                           and variant.startswith(expected)) else None
    # A name English prints often has one English spelling, so its final vowel lost is a slip
    # ("Toront"); the vowel a romanisation writes or drops belongs to names it rarely prints.
    if (len(variant) >= 5 and len(expected) == len(variant) + 1 and expected.startswith(variant)
            and expected[-1] in _VOWELS and _known(expected) < _ESTABLISHED_ZIPF):
        return "dropped"
    return None


# What a romanisation writes or drops: the glides "y" and "w" and the aspiration "h" ("Mirzah" /
# "Mirza", "Maymuna" / "Maimouna").
_GLIDES_DROPPED = str.maketrans({"h": None, "y": None, "w": None})
# The consonants a romanisation may write either way: a voiced or voiceless pair (the scripts of
# Tibetan, Korean, Arabic and Tamil tell them apart where Latin spellings do not agree), "x" and "q"
# of Turkic and Uzbek Latin for kh and k, "c" for k.
_VOICING = str.maketrans({"g": "k", "b": "p", "d": "t", "v": "f", "z": "s", "x": "k", "q": "k", "c": "k"})


def _romanisation_fold(key: str) -> str:
    """A name key with ``_TRANSLIT_RULES`` written one way and ``_GLIDES_DROPPED`` dropped; "kh" is
    first written "x", the one consonant it is (``_translit_fold`` would leave only its "h")."""
    return _translit_fold(key.replace("kh", "x")).translate(_GLIDES_DROPPED)


def _sound_skeleton(key: str) -> str:
    """A name key's consonants as a romanisation keeps them whatever its system
    (``_romanisation_fold``, then ``_VOICING``, vowels dropped, doubled letters once): "dolkara"
    and "tolkara" -> "tlkr", "nurmakhanov" and "nurmaxanov" -> "nrmknf"."""
    return _skeleton(_romanisation_fold(key).translate(_VOICING))


@lru_cache(maxsize=50_000)
def _same_consonants(variant: str, expected: str) -> bool:
    """Whether two name keys are what two romanisations of a name written in another script make of
    it: the same consonants in the same order (``_sound_skeleton``, at least two, a voiced or
    voiceless pair, "h", "y" and "w" counting as the same) and the same run of vowels and
    consonants (``_syllables``), so that a vowel or a consonant is written otherwise in its place
    ("Sorapatna" / "Surapatna", "Dolkara" / "Tolkara", "Nurmakhanov" / "Nurmaxanov"), or, with
    three consonants or more, a vowel written or left out between them ("Velunagra" /
    "Velunagara"). Not a slip's shapes: two vowels swapped ("Lambrovuoni"), a letter doubled or
    written once and nothing else ("Karrim"), a consonant of another sound ("Becent"); nor a name
    English prints often enough to have one spelling (``_ONE_SPELLING_ZIPF``: "Geneva" /
    "Genevea", "Helen" / "Helin"). A slip can still look like this, and nothing here knows the
    script the name comes from: a note, not an error."""
    known = _known(expected)
    if variant == expected or known >= _ONE_SPELLING_ZIPF:
        return False
    a, b = _sound_skeleton(variant), _sound_skeleton(expected)
    if a != b or len(a) < 2:
        return False
    fa, fb = _RUN_RE.sub(r"\1", _romanisation_fold(variant)), _RUN_RE.sub(r"\1", _romanisation_fold(expected))
    consonants_a, consonants_b = _VOWEL_RE.sub("", fa), _VOWEL_RE.sub("", fb)
    # A name English prints now and then ("Boric") is recognised by its consonants: only its vowels,
    # an aspiration or a doubled letter may differ between its local and its English form
    # ("Dunmara" / "Donamara"); a consonant written otherwise ("Borik") is a slip of it.
    if known >= _ESTABLISHED_ZIPF and consonants_a != consonants_b:
        return False
    # A vowel written or left out between the same consonants ("Rathnam" / "Rathanam",
    # "Tbelsa" / "Tebelsa") is what the romanisation of a script that leaves short vowels
    # unwritten, or writes one inherent vowel, makes of a name: the same consonant letters, three
    # at least, so that the consonants alone still spell the name, and no three in a row, which no
    # such romanisation writes ("Tashkng" for "Tashkang" is a slip, as is a syllable lost,
    # "Ogunsola" for "Ogunsolola").
    if _syllables(fa) != _syllables(fb) and (
            len(a) < 3 or consonants_a.translate(_VOICING) != consonants_b.translate(_VOICING)
            or _CLUSTER_RE.search(fa) or _CLUSTER_RE.search(fb)):
        return False
    if _RUN_RE.sub(r"\1", variant) == _RUN_RE.sub(r"\1", expected):
        return False  # only a letter doubled or written once
    va, vb = [c for c in variant if c in _VOWELS], [c for c in expected if c in _VOWELS]
    return not (va != vb and sorted(va) == sorted(vb))  # two vowels swapped


# Letters romanisation systems write for one sound of the source script, beyond the conventions and
# alternations folded by ``_alternation_fold`` (which make an accepted pair or a note already):
# - a final "y" or "i" after a consonant (Arabic ـي, Cyrillic -ий / -ы: "Ramzy" / "Ramzi");
# - Wade-Giles "ch" for pinyin "zh" / "j" (written "j" by ``_TRANSLIT_RULES``: "Chai" / "Zhai");
# - Arabic ج written "j" or, in Egypt, "g" ("Najjar" / "Naggar"), folded after the line above;
# - an "r" after a vowel that closes its syllable, which Thai RTGS and non-rhotic renderings leave
#   unwritten ("Wiphakon" / "Wiphakorn"); a vowel is a vowel of either system, "y" included;
# - the q mark of ``_ALTERNATIONS`` as the k it pairs with.
_ROMANISED_LETTERS = tuple((re.compile(a), b) for a, b in (
    ("(?<=[^aeiouy])y$", "i"),
    ("ch", "j"), ("j", "g"),
    ("(?<=[aeiouy])r(?=[^aeiouyr]|$)", ""),
    ("Q", "k"),
))


@lru_cache(maxsize=50_000)
def _romanised_letters(variant: str, expected: str) -> str | None:
    """How two name keys that are no accepted pair or note (``romanisation``) still differ as two
    romanisations of one name do: "letters" when they are equal once ``_ROMANISED_LETTERS`` are
    written one way on top of ``_alternation_fold`` ("zhai" / "chai", "najjar" / "naggar", "ramzi" /
    "ramzy", "wiphakon" / "wiphakorn"); "vowel" when they are the same length and differ in one
    vowel only, by a pair of ``_TRANSLIT_LETTERS`` (Arabic fatha a/e, damma o/u, kasra e/i: "Taje" /
    "Taja"), in a name English rarely prints (``_ONE_SPELLING_ZIPF``: "Custello" for "Costello"
    is a slip). None otherwise: a consonant added, lost or swapped is a slip."""
    if _RUN_RE.sub(r"\1", variant) == _RUN_RE.sub(r"\1", expected):
        return None  # only a letter doubled or written once: the commonest slip ("Karrim")
    x, y = _alternation_fold(variant), _alternation_fold(expected)
    for rule, one in _ROMANISED_LETTERS:
        x, y = rule.sub(one, x), rule.sub(one, y)
    if x == y and len(_skeleton(x)) >= 2:
        return "letters"
    if len(variant) != len(expected) or max(_known(variant), _known(expected)) >= _ONE_SPELLING_ZIPF:
        return None
    diffs = [i for i, (c, d) in enumerate(zip(variant, expected)) if c != d]
    if len(diffs) == 1 and frozenset((variant[diffs[0]], expected[diffs[0]])) in _TRANSLIT_LETTERS - _GLIDES:
        return "vowel"
    return None


@lru_cache(maxsize=50_000)
def one_name_romanised(a: str, b: str) -> bool:
    """Whether two name keys may be two romanisations of one name, by any of the readings this
    check takes for a romanisation rather than a slip (an accepted pair or a note, ``romanisation``;
    the same consonants in the same run of syllables, ``_same_consonants``; another system's
    letters, ``_romanised_letters``), either way round: "Yanis" / "Janis", "Çirigotis" /
    "Tsirigotis", "Gammachuu" / "Gemechu". For other checks that must not take one person
    rendered by two translations for two people; a slip of the pen is the names check's own
    business and passes here too, which is what such a caller wants."""
    if a == b:
        return True
    return any(romanisation(x, y) is not None or _same_consonants(x, y) or _romanised_letters(x, y) is not None
               for x, y in ((a, b), (b, a)))


def _kept_romanisation(names: _Names, m: _Mention, expected: str) -> bool:
    """Whether a name with the others' consonants (``_same_consonants``) is this source's way of
    writing it rather than a slip: printed at two places or more and the others' spelling never
    (``_own_rendering``). A consonant voiced or unvoiced, a glide or "h" written or not
    ("Kyetang" / "Gyetang", "Qurayshiyah" / "Quraishi"), letters English does not use ("Dùn" /
    "Duan"), and a vowel written otherwise ("Velnuk" / "Velnak", "Orbaev" / "Orbayev": the
    vowels a script writes with letters of its own, which romanisation schemes render apart) are
    all what a writer keeps to; a slip is a one-off beside the right spelling."""
    return _own_rendering(names, m, expected, repeated=True)


def _scheme_kept(names: _Names, m: _Mention, expected: str) -> bool:
    """Whether a spelling that differs from the others' ``expected`` only by a romanisation
    scheme's alternation (``alternation_pair``: "Lambrovouni" / "Lamprovouni", "Tarvaas" / "Tarvas")
    is how the source of mention ``m`` writes names, not a slip: it never prints ``expected``, and
    either prints its own spelling at two places or more, or writes another name of the story by a
    scheme of its own too (``_rendered_keys``). A scheme is a habit of the writer and shows on
    more than one name; a source that prints every other shared name as the others do and this
    one once with a letter doubled, dropped or swapped for its partner ("Tarvaas" for "Tarvas",
    "Kowalevo" for "Kovalevo") has slipped, and the pair stays a note."""
    if _own_rendering(names, m, expected, repeated=True):
        return True
    return (_own_rendering(names, m, expected, repeated=False)
            and bool(_rendered_keys(names, m.source) - {m.key}))


def _others_spellings(names: _Names, source: str) -> list[str]:
    """The name spellings (keys of four letters or more) other sources print and ``source`` never
    does: what a spelling only ``source`` prints may render (``_rendered_keys``, ``_system_letters``)."""
    return [key for key, srcs in names.sources_of.items() if srcs and source not in srcs and len(key) >= 4]


def _rendered_keys(names: _Names, source: str) -> frozenset[str]:
    """The spellings only ``source`` prints that render a name other sources print and ``source``
    never does, the way two romanisations of one name differ (the same consonants, a scheme's
    alternation, another system's letters): the names it writes by a scheme of its own. Worked
    out once per source; linear in the story's spellings (they are indexed by consonants and by
    their folded form)."""
    if names.rendered is None:
        names.rendered = {}
    got = names.rendered.get(source)
    if got is not None:
        return got
    others = _others_spellings(names, source)
    by_skeleton: dict[str, list[str]] = defaultdict(list)
    by_fold: dict[str, list[str]] = defaultdict(list)
    for key in others:
        by_skeleton[_sound_skeleton(key)].append(key)
        by_fold[_alternation_fold(key)].append(key)
    own = set()
    for key, srcs in names.sources_of.items():
        if srcs != {source} or len(key) < 4:
            continue
        if (any(alternation_pair(key, e) or _same_consonants(key, e) or _romanised_letters(key, e)
                or romanisation(key, e) for e in by_skeleton.get(_sound_skeleton(key), ()))
                or any(alternation_pair(key, e) for e in by_fold.get(_alternation_fold(key), ()))):
            own.add(key)
    got = names.rendered[source] = frozenset(own)
    return got


def _letter_edits(variant: str, expected: str) -> frozenset[tuple[str, str]]:
    """The letters two name keys write differently, each run as (``variant``'s, ``expected``'s):
    "kharkov" / "kharkiv" -> {("o", "i")}, "melnichuk" / "melnychuk" -> {("i", "y")}."""
    got = SequenceMatcher(None, variant, expected, autojunk=False).get_opcodes()
    return frozenset((variant[i1:i2], expected[j1:j2]) for tag, i1, i2, j1, j2 in got if tag != "equal")


def _system_letters(names: _Names, source: str) -> dict[str, frozenset[tuple[str, str]]]:
    """The spellings only ``source`` prints, each with the letter correspondences
    (``_letter_edits``) that take it to a spelling other sources print with the same consonants
    (``_sound_skeleton``) and ``source`` never prints: how it writes the story's names where the
    others write them otherwise. Worked out once per source, spellings indexed by consonants."""
    if names.systems is None:
        names.systems = {}
    got = names.systems.get(source)
    if got is not None:
        return got
    by_skeleton: dict[str, list[str]] = defaultdict(list)
    for key in _others_spellings(names, source):
        by_skeleton[_sound_skeleton(key)].append(key)
    got = {}
    for key, srcs in names.sources_of.items():
        if srcs != {source} or len(key) < 4:
            continue
        edits = frozenset(x for e in by_skeleton.get(_sound_skeleton(key), ()) if e != key
                          for x in _letter_edits(key, e))
        if edits:
            got[key] = edits
    names.systems[source] = got
    return got


def _system_rendering(names: _Names, m: _Mention, expected: str) -> bool:
    """Whether mention ``m`` writes the others' name ``expected`` by the transliteration system its
    source follows for other names too, not by a slip: the two spellings have the same consonants
    (``_sound_skeleton``), the source prints its own spelling more often than the others' (most
    often never), and every letter it writes otherwise ("i" for "y") it also writes so in another
    name of the story that it alone prints where the others print one with the same consonants
    ("Vinnitsa" / "Vinnytsia" beside "Melnichuk" / "Melnychuk" and "Strizhavka" / "Stryzhavka").
    A system maps a letter of the source script the same way in every name; a slip is a change
    no other name of the source shares."""
    v, src = m.key, m.source
    if len(v) < 4 or _sound_skeleton(v) != _sound_skeleton(expected):
        return False
    if names.count_in[(v, src)] <= names.count_in[(expected, src)]:
        return False
    edits = _letter_edits(v, expected)
    if not edits:
        return False
    # Other names: not this spelling nor another form of the same name (its first letters).
    shared = set()
    for key, other in _system_letters(names, src).items():
        if shared_prefix(key, v) < _COGNATE_PREFIX:
            shared |= other
    return edits <= shared


def _system_names(names: _Names, source: str, key: str) -> int:
    """How many names of the story other than ``key`` (and its other forms: the same first letters)
    ``source`` alone writes with the others' consonants and letters of its own (``_system_letters``),
    each name counted once whatever its forms ("Dovbrika" and "Dovbrikska" are one)."""
    seen: list[str] = []
    for other in sorted(_system_letters(names, source)):
        if shared_prefix(other, key) < _COGNATE_PREFIX and all(
                shared_prefix(other, s) < _COGNATE_PREFIX for s in seen):
            seen.append(other)
    return len(seen)


def _system_source(names: _Names, m: _Mention, expected: str) -> bool:
    """Whether the source of mention ``m`` transliterates the story's names by a system of its own
    and writes ``expected`` by it at every mention, though no other name shows the very letters
    it writes otherwise (``_system_rendering`` asks that): the source writes ``_SYSTEM_NAMES``
    other names or more with the others' consonants and letters of its own (a Russian-based
    source in a story the others write from Ukrainian: "Pristanivka", "Olevichuk" for
    "Prystanivka", "Olevychuk"), prints its own spelling at two places or more and the others'
    never, and its spelling has the others' consonants (``_sound_skeleton``: "Dovbrika" /
    "Dovbrykia"). A system is kept at every mention; a slip is a one-off, and one printed once
    stays flagged even in such a source: a letter dropped ("Dovbruka" for "Dovbrukia") or
    written otherwise ("Dovbrug" for "Dovbruk") once is as often a slip there as anywhere."""
    v, src = m.key, m.source
    if len(v) < 4 or names.count_in[(expected, src)] or names.count_in[(v, src)] < 2:
        return False
    if _sound_skeleton(v) != _sound_skeleton(expected):
        return False
    return _system_names(names, src, v) >= _SYSTEM_NAMES


def _own_rendering(names: _Names, m: _Mention, expected: str, *, repeated: bool) -> bool:
    """Whether the source of mention ``m`` writes the name its own way throughout: it never prints
    the others' spelling ``expected`` anywhere in the story, and (``repeated``) prints its own at
    two places or more. A slip is a one-off among correct mentions; a romanisation, a transliteration
    habit or a house style is kept at every mention. For two spellings that two romanisation
    schemes write for one sound (``alternation_pair``: "Lamprovouni" / "Lambrovouni"), the others'
    spelling never printed is enough where the source writes another name by a scheme too (see
    ``_scheme_kept``); an ending or a final vowel (``_ending_rendering``) is also
    what a slip at the end of a name looks like once, so it needs the repetition. (A vowel or a
    doubled letter, "Jamel" / "Jammal", is what slips change most: those stay notes.)"""
    if names.count_in[(expected, m.source)]:
        return False
    return not repeated or names.count_in[(m.key, m.source)] >= 2


# A word of a name in two languages (see ``_one_word_two_languages``): the foreign form this common
# in its language (``foreign_zipf``), the first letters shared at least this many.
_COGNATE_FOREIGN_ZIPF = 4.0
_COGNATE_PREFIX = 4


def _one_word_two_languages(names: _Names, m: _Mention, expected: str, lang: str) -> bool:
    """Whether the mention and the others' spelling are one common word in two languages, the
    word of an institution's or a place's name given in its own language or translated ("Fondo
    de Pensiones" / "Pension Fund", "Musée d'Histoire naturelle" / "Natural History", "Centro" /
    "Centre"): one of them a common word of another language and no word of the source's own,
    the other a common word of the source's language, both beginning with the same letters. Two
    dictionaries agreeing that both are words says the name is made of words, and the reader
    sees the same name. Not a surname ("Désir" / "Desire"): a word the story prints after a given
    name is a person's name, whatever the dictionaries say."""
    a, b = m.text.lower(), names.display(expected).lower()
    if not (a.isalpha() and b.isalpha()) or shared_prefix(m.key, expected) < _COGNATE_PREFIX:
        return False
    # foreign_zipfs at a floor of 3 or more reads wordfreq's small lists (the same frequencies, a fifth
    # of the load time); foreign_zipf loaded every full list, 2.3 s on the first name pair of a run.
    if not any(zipf(f, lang) < _KNOWN_ZIPF and zipf(e, lang) >= _KNOWN_ZIPF
               and foreign_zipfs(f, lang, floor=_COGNATE_FOREIGN_ZIPF) for f, e in ((a, b), (b, a))):
        return False
    given, following = names.given_of or {}, names.next_of or {}
    theirs = following.get(expected, {})
    if any(m.source in srcs and shared_prefix(w, v) >= _COGNATE_PREFIX
           for w, srcs in following.get(m.key, {}).items() for v in theirs):
        return False  # before the surname the others print after their form: a given name
    return not any(_personal_name(names, g) and not _never_a_noun(g) and not _head_moved(names, key, other, g)
                   for key, other in ((m.key, expected), (expected, m.key)) for g in given.get(key, {}))


def _head_moved(names: _Names, key: str, other: str, word: str) -> bool:
    """Whether the name word ``word``, printed before ``key``, is printed after ``other`` (the same
    word in the other language): the words of one name in the two orders that languages give a
    head noun and its proper name ("Diponegoro University" / "Universitas Diponegoro",
    "Padjadjaran University" / "Universitas Padjadjaran"), so ``word`` is the institution's own name,
    not a given name before a surname."""
    return word in (names.next_of or {}).get(other, {})


def _own_language_name(names: _Names, m: _Mention, expected: str, lang: str) -> bool:
    """Whether the mention is the name of the others' place in a language of its own, where they
    print its English name ("Lombardia" / "Lombardy", "Piemonte" / "Piedmont"): a word of five
    letters or more that the source's language hardly prints (``_ATTESTED_ZIPF``) and another
    language prints often (``_COGNATE_FOREIGN_ZIPF``), more often than the source's language
    prints the others' name, which it knows as a name (``_ATTESTED_ZIPF``), the two opening with
    the same letters. A country or a region is named often in its own language, and a
    translation or a local outlet keeps that form; the reader sees the same place. A
    misspelling is no frequent word of any language, and a person's name (a word the story
    prints after a given name, or one printed before the surname the others print after their
    form: "Marka Lubasia" for "Marek Lubaś", a given name in another case) is no place's (see ``_one_word_two_languages``)."""
    a, b = m.text.lower(), names.display(expected).lower()
    if len(a) < 5 or not (a.isalpha() and b.isalpha()) or shared_prefix(m.key, expected) < 2:
        return False
    if zipf(a, lang) >= _ATTESTED_ZIPF or zipf(b, lang) < _ATTESTED_ZIPF:
        return False
    own = foreign_zipfs(a, lang, floor=_COGNATE_FOREIGN_ZIPF)
    if not own or max(own.values()) < zipf(b, lang):
        return False
    given, following = names.given_of or {}, names.next_of or {}
    theirs = following.get(expected, {})
    if any(m.source in srcs and shared_prefix(w, v) >= _COGNATE_PREFIX
           for w, srcs in following.get(m.key, {}).items() for v in theirs):
        return False  # before the surname the others print after their form: a given name
    return not any(_personal_name(names, g) and not _never_a_noun(g)
                   for key in (m.key, expected) for g in given.get(key, {}))


def _never_a_noun(word: str) -> bool:
    """Whether the dictionary knows ``word`` only as an adjective or a verb ("Civic", "Joined"):
    a capitalised word before a name word that is no given name, but the first word of an
    institution's or a place's name ("Civic Trust", "Joined Provinces"). Given names are nouns or
    words no dictionary knows."""
    shares = pos_shares(word)
    return bool(shares) and not shares.get("noun")


# English writes q only before u; a q alone is the k sound of another orthography (Quechua and
# Aymara, Inuktitut and Kalaallisut, Tigrinya, Arabic, Albanian...). The k sound English letters
# write: "qu", "ck", "c" before a, o, u, a consonant or at the end.
_LONE_Q_RE = re.compile(r"q(?!u)")
_ENGLISH_K_RE = re.compile(r"qu|ck|c(?![eiy])")


def _q_orthography(variant: str, expected: str) -> bool:
    """Whether the name key ``variant`` is ``expected`` written in the orthography of the name's
    own language: a q with no u after it where the others write the k sound with English letters
    (``_ENGLISH_K_RE``), and nothing else differs once a doubled letter is written once ("Tirqana"
    / "Tirquana", "Moqebe" / "Mokkebe"). No slip writes a q alone where a k, c or qu was: a
    keyboard slip or a misheard name gives English letters; a writer following another spelling
    system gives this."""
    if not _LONE_Q_RE.search(variant) or _LONE_Q_RE.search(expected):
        return False
    a = _RUN_RE.sub(r"\1", _LONE_Q_RE.sub("k", variant))
    b = _RUN_RE.sub(r"\1", _ENGLISH_K_RE.sub("k", expected))
    return a == b


def _glossed(text: str, end: int) -> bool:
    """Whether the words right after a name (``text[end:]``, in its sentence) say it is the name in
    another language: "off Helsingfors, as the city is called in Swedish", "Åbo (in Swedish)". The
    language is a capitalised word WordNet reads as a language (noun.communication), so "in
    March" or "in Helsinki" say nothing of the kind."""
    after = _SENTENCE_CUT_RE.split(text[end:end + _GLOSS_CHARS])[0]
    got = _GLOSS_RE.search(after)
    return got is not None and noun_categories(got.group(1).lower()).get("communication", 0.0) >= _LANGUAGE_SHARE


def _glossed_as(text: str, end: int, expected: str) -> bool:
    """Whether the words right after a name (``text[end:]``, in its sentence) give the name key
    ``expected`` as another name of it: "Tarvena, known locally as Tarven", "(also called Tarven)"."""
    after = _SENTENCE_CUT_RE.split(text[end:end + _GLOSS_CHARS])[0]
    got = _GLOSS_AS_RE.search(after)
    return got is not None and name_key(got.group(1)) == expected


# A name the source itself presents as another name of the thing, or as a spelling: the words
# before it in its sentence (this many characters back at most) talk about the name. See
# ``_named_aside``.
_ASIDE_CHARS = 120
# Words about spelling ("corrects the spelling of ... from X", "also spelt X", "misspelled X"):
# a sentence that says them prints a name as a form of writing, not as the story's name.
_SPELLING_TALK_RE = re.compile(r"\b(?:mis)?spel(?:t|led|ling|lings|ls)\b", re.IGNORECASE)
# "also known as X", "formerly called X", "(formerly X": a second name, right before the mention
# (up to two capitalised words between: "also known as Lake X").
_ANOTHER_NAME_RE = re.compile(
    r"\b(?:(?:also|formerly|otherwise|previously)\s+(?:[a-z]+\s+){0,2}?(?:known|called|named|written)"
    r"(?:\s+as)?|formerly)\s+(?:the\s+)?(?:[A-Z][^\W\d_]*\s+){0,2}$")
# A parenthesis opening right before the mention (up to two capitalised words between:
# "(Instituto X"): the source gives the name it printed before the parenthesis in another form.
_PAREN_BEFORE_RE = re.compile(r"\(\s*(?:[A-Z][^\W\d_]*\s+){0,2}$")


def _named_aside(text: str, start: int, expected: str) -> bool:
    """Whether the words before a name at ``text[start:]``, in its sentence, present it as another
    name or as a spelling rather than as the story's name: a sentence about spelling (a correction
    notice, "corrects the spelling of the surname to Tarvena from Tarvina"; "also spelt Tarvina"),
    a second name ("the lake, also known as Lake Tarvina"), or a parenthesis after the others'
    spelling of the same thing ("Tarvena (Tarvina)", "the National Fund (Fondo Nacional ..."):
    the source prints both forms on purpose. ``expected`` is the others' spelling as shown (any
    of its words printed before the parenthesis will do)."""
    before = _SENTENCE_CUT_RE.split(text[max(0, start - _ASIDE_CHARS):start])[-1]
    if _SPELLING_TALK_RE.search(before) or _ANOTHER_NAME_RE.search(before):
        return True
    paren = _PAREN_BEFORE_RE.search(before)
    if paren is None:
        return False
    wanted = {name_key(w) for w in _WORD_RE.findall(expected)}
    return any(name_key(w) in wanted for w in _WORD_RE.findall(before[:paren.start()]))


def _first_per_source(ctx, hits, exclude):
    seen: set[str] = set()
    out = []
    for src, s, e in hits:
        if src == exclude or src in seen:
            continue
        seen.add(src)
        out.append(span_of(ctx, src, s, e))
        if len(out) >= _EVIDENCE_CAP:
            break
    return out
