"""attribution_conflict read with the alignment's loose members (``Group.loose``), and the speaker
readings that such paraphrases bring to light.

A loose member reports the same thing in other words: its speaker is a weaker witness
(``attributions.LooseWitness``). Invented stories (a crane collapse in the port of Velmora, a
ferry grounding off Skarvik) unlike any development case."""

from __future__ import annotations


from srccompare.checks.attributions import AttributionCheck, _relative_subject, _stopped_short, person_name, role_words
from srccompare.checks.speech import Speaker, speaker_tokens
from srccompare.models import Kind
from tests.discrepancy_story import build, loosely, flag_texts

WIERZBA = "Harbour master Tomasz Wierzba"


def run(ctx):
    return flag_texts(AttributionCheck(), ctx, Kind.ATTRIBUTION_CONFLICT)


def crane(d: str, *, c: str | None = None) -> dict[str, list[str]]:
    return {
        "a": ["The crane at berth four collapsed onto a container ship on Thursday.",
              f"{WIERZBA} said the crane's jib snapped in a sudden gust shortly after noon."],
        "b": ["A crane fell onto a container ship in the port of Velmora on Thursday.",
              f"The jib of the crane snapped in a sudden gust shortly after noon, {WIERZBA} said."],
        "c": ["A dockside crane came down on a ship at berth four on Thursday.",
              c or f"{WIERZBA} told reporters the jib snapped in a sudden gust shortly after noon."],
        "d": ["The crane toppled onto a moored ship on Thursday.", d],
    }


# -- a loose member is flagged only on the claim it shares ---------------------------------------

def test_a_loose_member_reporting_another_claim_is_not_set_against_the_group():
    d = "The Velmora Coastguard said two dockers were treated for cuts and bruises at the scene."
    assert run(build(crane(d))) == [("d", "The Velmora Coastguard")]  # as a counterpart it would be
    assert run(loosely(build(crane(d)), "d:1")) == []


def test_a_loose_member_crediting_another_person_with_the_same_claim_is_flagged():
    d = "Port director Ilse Vandermolen said the jib snapped in a sudden gust just after noon."
    assert run(loosely(build(crane(d)), "d:1")) == [("d", "Port director Ilse Vandermolen")]


def test_a_loose_member_crediting_the_institution_for_its_official_is_no_conflict():
    # A reporter's summary may credit the body for its official's words.
    d = "The Velmora Port Authority said the jib snapped in a sudden gust just after noon."
    assert run(build(crane(d))) == [("d", "The Velmora Port Authority")]
    assert run(loosely(build(crane(d)), "d:1")) == []


def test_a_loose_member_naming_the_body_the_others_print_with_the_speaker_agrees():
    texts = crane("Velmora said the jib snapped in a sudden gust just after noon.",
                  c="Velmora Port spokesperson Anneke Roos said the jib snapped in a sudden gust after noon.")
    texts["a"][1] = "Anneke Roos said the crane's jib snapped in a sudden gust shortly after noon."
    texts["b"][1] = "The jib of the crane snapped in a sudden gust shortly after noon, Anneke Roos said."
    assert run(loosely(build(texts), "d:1")) == []


def test_loose_witnesses_of_another_sort_do_not_outvote_a_counterpart():
    # Two loose members name the official, the counterparts the body and the official: the body
    # is not outvoted by paraphrases.
    texts = crane("The Velmora Port Authority said the jib snapped in a sudden gust just after noon.")
    ctx = build(texts)
    assert run(ctx) == [("d", "The Velmora Port Authority")]
    assert run(loosely(ctx, "a:1", "b:1")) == []


# -- speaker readings -----------------------------------------------------------------------------

def ferry(c: str, *, d: str | None = None, who: str = "Dang Van Hung") -> dict[str, list[str]]:
    quote = '"The hull is intact and no fuel has leaked,"'
    return {
        "a": ["The ferry ran aground off Skarvik on Sunday night.", f"{quote} said {who}."],
        "b": ["A ferry grounded near Skarvik on Sunday.", f"{quote} {who} told reporters."],
        "c": ["The ferry hit a sandbank off Skarvik late on Sunday.", c],
        "d": ["Passengers were taken off the ferry by lifeboat.", d or "All 212 passengers were brought ashore."],
    }


def test_a_name_printed_with_its_accents_is_the_same_person():
    c = '"The hull is intact and no fuel has leaked," said harbour pilot Đặng Văn Hùng.'
    assert run(build(ferry(c))) == []
    c = '"The hull is intact and no fuel has leaked," said harbour pilot Đặng Văn Lâm.'
    assert run(build(ferry(c))) == [("c", "harbour pilot Đặng Văn Lâm")]


def test_a_body_printed_before_its_officials_initial_and_name_is_that_official():
    # "M. Aaberg": the initial's full stop does not end the sentence the body is printed in.
    texts = ferry('"The hull is intact and no fuel has leaked," said the Skarvik Ferry Company.',
                  d="The Skarvik Ferry Company operations chief M. Aaberg met the passengers at the company office.", who="Mikkel Aaberg")
    assert run(build(texts)) == []
    texts["d"][1] = "The Skarvik Ferry Company met the passengers at the company office. M. Aaberg was not there."
    assert run(build(texts)) == [("c", "the Skarvik Ferry Company")]


def test_an_honorific_title_is_the_person_the_story_gives_that_title():
    texts = ferry('"The hull is intact and no fuel has leaked," H.E. Deputy Governor stressed.',
                  d="Mikkel Aaberg, deputy governor of the province, met the passengers.", who="Mikkel Aaberg")
    assert run(build(texts)) == []
    texts["d"][1] = "Mikkel Aaberg met the passengers."
    assert run(build(texts)) == [("c", "H.E. Deputy Governor")]


def test_a_surname_hyphened_to_a_particle_is_a_personal_name():
    spk = Speaker("a", 0, 38, "Minister of State Adel al-Rashidi", ("minister", "state", "adel", "al-rashidi"),
                  True, False, False, 40)
    assert person_name(spk, frozenset({"minister", "state"})) == ("adel", "alrashidi")


def test_a_title_before_the_body_it_is_of_is_a_role():
    text = "said the spokesman of KTR Pavel Dudek on Monday"
    start = text.index("KTR")
    roles = role_words(text, start, start + len("KTR Pavel Dudek"), ["KTR", "Pavel", "Dudek"], frozenset())
    assert {"spokesman", "ktr"} <= roles


def test_a_speaker_read_short_of_a_name_on_the_same_line_is_no_speaker():
    text = '"We will reopen," said Ing. Pavel Dudek, director of the depot.'
    spk = Speaker("a", text.index("Ing"), text.index("Ing") + 3, "Ing", ("ing",), True, False, False, 0)
    assert _stopped_short(text, spk, [("pavel", "dudek")], fragment=True)
    text = '"We will reopen," Jana Novak added. Dudek said the depot had lost power.'
    spk = Speaker("a", text.index("Novak"), text.index("Novak") + 5, "Novak", ("novak",), True, False, False, 0)
    assert not _stopped_short(text, spk, [("pavel", "dudek")], fragment=True)


def test_a_name_described_by_a_relative_clause_is_the_verbs_subject():
    # "<Name>, who <clause>, said": without this reading the statement has no speaker, and two
    # sources naming the manager cannot outvote the third.
    texts = crane("Port director Ilse Vandermolen said the jib snapped in a sudden gust just after noon.")
    texts["a"][1] = ("Acting harbour master Tomasz Wierzba, who took charge in 2025, said the crane's jib snapped "
                     "in a sudden gust shortly after noon.")
    texts["c"][1] = "The crane's owner declined to comment."
    assert run(build(texts)) == [("d", "Port director Ilse Vandermolen")]
    text = "Ana Ruiz, who took charge in 2025, said the plant would reopen."
    toks = speaker_tokens(text, 0, len(text))
    vi = next(i for i, t in enumerate(toks) if t[0] == "said")
    assert _relative_subject("a", text, toks, vi).text == "Ana Ruiz"
    text = "The union, which Ana Ruiz leads, said the plant would reopen."
    toks = speaker_tokens(text, 0, len(text))
    assert _relative_subject("a", text, toks, next(i for i, t in enumerate(toks) if t[0] == "said")) is None


def test_a_loose_paraphrase_inflecting_the_claim_otherwise_still_shares_it():
    # "cooperation" and "cooperating" stem apart; the claim is the same.
    texts = crane("Port director Ilse Vandermolen said there was full cooperation with the inspectors "
                  "and that wages would be paid.")
    for sid in "abc":
        texts[sid][1] = f"{WIERZBA} said the port was cooperating with inspectors and wages would be paid on time."
    assert run(loosely(build(texts), "d:1")) == [("d", "Port director Ilse Vandermolen")]


# -- one source against one -----------------------------------------------------------------------

SILO = '"We lost two silos, but the grain in the third is dry and safe,"'
SILO_GROUPS = [[("a", 0), ("b", 0), ("c", 0)], [("a", 2), ("b", 2), ("c", 2)]]  # statements stand apart


def silo(c_first: str, c_quote: str) -> dict[str, list[str]]:
    return {
        "a": ["Fire broke out at the Lindqvale grain terminal on Friday.",
              "Terminal manager Oskar Brannholm said the blaze began in a conveyor.",
              f"{SILO} Brannholm said."],
        "b": ["A fire hit the Lindqvale grain terminal on Friday.",
              "Town fire chief Marta Eskeland said crews fought the flames for six hours.",
              "The cause is not yet known."],
        "c": ["The Lindqvale terminal burned on Friday.", c_first, c_quote],
    }


def test_a_quote_given_to_a_colleague_right_after_its_speaker_is_flagged():
    texts = silo("Terminal manager Oskar Brannholm said the blaze began in a conveyor.", f"{SILO} Eskeland added.")
    assert run(build(texts, SILO_GROUPS)) == [("c", "Eskeland")]


def test_a_pronoun_before_the_quote_names_its_speaker_too():
    texts = silo('"It started in a conveyor," terminal manager Oskar Brannholm said.', f"{SILO} Eskeland added.")
    texts["c"][1] = ("Oskar Brannholm, the terminal manager, spoke at the gate.", '"It started in a conveyor," he said.')
    assert run(build(texts, SILO_GROUPS)) == [("c", "Eskeland")]


def test_one_against_one_without_that_context_says_nothing():
    texts = silo("Town fire chief Marta Eskeland said crews fought the flames for six hours.",
                 f"{SILO} Eskeland added.")
    assert run(build(texts, SILO_GROUPS)) == []
    # Both people named just before: which one spoke is not for the context to say.
    texts["c"][1] = "Oskar Brannholm and Marta Eskeland toured the site."
    assert run(build(texts, SILO_GROUPS)) == []


def test_a_person_only_mentioned_before_the_quote_is_no_context():
    texts = silo("Terminal manager Oskar Brannholm walked the site with inspectors.", f"{SILO} Eskeland added.")
    assert run(build(texts, SILO_GROUPS)) == []
