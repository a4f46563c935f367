"""term_variant, session 5 rules measured on the least-tuned stories: a phrasal verb against its plain
verb is a synonym, two everyday words outside a quotation need more than WordNet's "no shared sense"
to make a term, and a word the other writers print themselves stays the story's vocabulary outside a
quotation. Invented stories (a ferry company, a dockers' walkout, a museum roof), not the cases' wording."""

from __future__ import annotations

import pytest

from checks_builder import assert_offsets_true, found, story
from srccompare.checks.lexicon import phrasal_verb_kept
from srccompare.checks.terms import TermCheck
from srccompare.models import Kind, Severity


def run(ctx, *, floor: bool = True):
    flags = [f for f in TermCheck().run(ctx) if not floor or f.confidence >= ctx.settings.min_confidence]
    assert all(f.kind is Kind.TERM_VARIANT for f in flags)
    assert_offsets_true(ctx, flags)
    return flags


@pytest.mark.parametrize("phrase, verb, kept", [
    ("called off", "cancelled", True),
    ("turned down", "rejected", True),
    ("shut down", "closed", True),
    ("gave up", "abandoned", True),
    ("called off", "started", False),
    ("set up", "closed", False),
    ("went up", "fell", False),
])
def test_a_phrasal_verb_keeps_the_meaning_of_its_plain_verb(phrase, verb, kept):
    assert phrasal_verb_kept(phrase, verb) is kept


def test_no_phrasal_verb_no_opinion():
    assert phrasal_verb_kept("cancelled", "called") is None  # no particle
    assert phrasal_verb_kept("zorbed out", "left") is None  # WordNet lists no such verb


# --- a phrasal verb in one source, its plain verb in the others --------------------------------------

def _tender(d_verb: str) -> dict[str, str]:
    line = "The ferry operator {} the tender for the new terminal on Monday, the harbour board said."
    return {
        "a": line.format("withdrew") + " Passengers were offered seats on the morning boat.",
        "b": line.format("withdrew") + " The harbour master said the swell reached four metres.",
        "c": line.format("withdrew") + " Tickets will be refunded at the port office.",
        "d": line.format(d_verb) + " Refunds are available at the port office.",
    }


def test_a_phrasal_verb_for_the_others_plain_verb_is_no_flag():
    # "pulled out" is WordNet's synonym of "withdraw"; read word by word, "pulled" is not.
    assert run(story(_tender("pulled out of"))) == []
    assert all(f.severity is Severity.LOW for f in run(story(_tender("pulled out of")), floor=False))


def test_a_phrasal_verb_of_another_meaning_is_still_a_term_variant():
    # "put off" (postpone) is no way to say "withdrew".
    flags = run(story(_tender("put off")))
    assert [(s, e) for s, _w, e in found(flags)] == [("d", "withdrew")]
    assert flags[0].severity in (Severity.MEDIUM, Severity.HIGH)


# --- two everyday words outside a quotation ----------------------------------------------------------

def _walkout(d_verb: str, *, d_elsewhere: str = "Cargo piled up on the quays by the evening.") -> dict[str, str]:
    line = "About 900 dockers at the river port {} a two-day walkout on Thursday over unpaid overtime."
    return {
        "a": line.format("staged") + " The port authority said talks would resume next week.",
        "b": line.format("staged") + " Container ships waited at anchor off the estuary.",
        "c": "Dockers demand back pay. " + line.format("staged") + " Talks resume next week.",
        "d": line.format(d_verb) + " " + d_elsewhere,
    }


def test_an_everyday_verb_for_another_outside_a_quotation_is_the_writers_wording():
    # "joined" and "staged" share no WordNet sense, yet the sentence says the same thing.
    assert run(story(_walkout("joined"))) == []


def test_an_everyday_verb_the_source_itself_prints_elsewhere_is_still_the_writers_wording():
    # The source says "staged" elsewhere, yet an everyday verb recurs in any article and one
    # sentence words the act by idiom: its own use of a verb is no evidence (it is for nouns,
    # see test_checks_terms_ownverb). It was once; measured, that reading earned no hit.
    texts = _walkout("began", d_elsewhere="The union said its members had staged three stoppages since 2019.")
    assert ("d", "began", "staged") not in found(run(story(texts)))


# --- a word this source prints only inside a quotation the others copy -------------------------------

def _roof(d_word: str) -> dict[str, str]:
    line = "Workers began replacing the {} of the museum roof on Monday, the culture office said."
    quote = "“Every rafter in this roof is older than the museum itself,” the curator said."
    return {
        "a": line.format("tiles") + " " + quote + " The work will take a year.",
        "b": line.format("tiles") + " " + quote + " Visitors can still enter by the side door.",
        "c": line.format("tiles") + " " + quote,
        "d": line.format(d_word) + " " + quote + " The museum stays open.",
    }


def test_a_word_the_source_prints_only_in_a_shared_quotation_stays_the_story_vocabulary():
    # "rafters" is the curator's word, which every source quotes: d's quoting it does not show that
    # d tells rafters from tiles, so its "rafters" in prose is the story's vocabulary.
    # (Its prose use elsewhere keeps the swap: ``test_a_word_this_source_prints_where_the_others_do_too``.)
    assert run(story(_roof("rafters"))) == []



# --- a rank word capitalised as the first word of the sentence ---------------------------------------

def _quay(d_text: str) -> dict[str, str]:
    return {
        "a": "A crane collapsed on the north quay on Friday. Deputy Harbour Master Tomas Ekberg said nobody was hurt.",
        "b": "Nobody was hurt when a crane fell on the north quay, Deputy Harbour Master Tomas Ekberg said on Friday.",
        "c": "A crane fell on the north quay on Friday. Deputy Harbour Master Tomas Ekberg said the quay would reopen.",
        "d": "A crane collapsed on the north quay on Friday. " + d_text,
    }


def _title_flags(flags):
    return [(f.source, f.text, f.expected) for f in flags if "title the same person" in f.message]


def test_a_rank_opening_the_sentence_is_part_of_the_title():
    flags = run(story(_quay("Deputy harbour master Tomas Ekberg said nobody was hurt.")))
    assert _title_flags(flags) == []


def test_a_rank_dropped_before_a_lower_case_title_is_still_found():
    flags = run(story(_quay("Nobody was hurt, harbour master Tomas Ekberg said.")))
    assert [(s, e) for s, _w, e in _title_flags(flags)] == [("d", "Deputy Harbour Master")]


def test_a_title_joined_by_a_preposition_keeps_its_rank():
    # "deputy harbour master for cargo": the words before "for" are the title's head and its rank.
    flags = run(story(_quay("Nobody was hurt, said deputy harbour master for cargo Tomas Ekberg.")))
    assert _title_flags(flags) == []
