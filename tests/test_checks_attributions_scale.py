"""Attribution check, session 5: the counterpart search bounded however many sources tell the
story (as the quote check's since 103a1f1); possessive roles; subjects an MT source prints long.

Every story here is invented for these tests (a harbour crane, a bakery fire)."""

from __future__ import annotations

import pytest

from srccompare.checks import attributions as A
from srccompare.checks.attributions import AttributionCheck, fuller_reading
from srccompare.checks.quotes import AlignedPanels, StoryIndex, source_rank
from srccompare.checks.speech import speech_of
from srccompare.models import Kind
from tests.discrepancy_story import build, check_offsets


def run(texts, groups=None):
    ctx = build(texts, groups)
    flags = [f for f in AttributionCheck().run(ctx) if f.kind == Kind.ATTRIBUTION_CONFLICT]
    check_offsets(ctx, flags)
    return ctx, flags


# --- the counterpart search does not read every source -------------------------------------------

def _crane_story(n: int) -> dict[str, list[str]]:
    """``n`` sources quoting the port director; every eleventh credits her words to the crane
    operator's foreman, some quote only part of them, one in five credits nobody."""
    out = {}
    for k in range(n):
        if k % 11 == 5:
            quote = '"The crane had passed its inspection in March and nobody was hurt," foreman Tomas Vidal said.'
        elif k % 5 == 2:
            quote = '"The crane had passed its inspection in March and nobody was hurt."'
        elif k % 7 == 3:
            quote = '"The crane had passed its inspection in March," director Ines Halvorsen said.'
        else:
            quote = ('"The crane had passed its inspection in March and nobody was hurt," port director '
                     'Ines Halvorsen said.')
        out[f"s{k:03d}"] = ["A container crane collapsed at the harbour on Tuesday night.", quote,
                            "Halvorsen said the terminal would reopen on Friday."]
    return out


def _exhaustive(ctx, speech, index, sub_index, q):
    """The counterparts as the search found them before it was bounded: every aligned and
    story-wide source, then every source of a shorter quote."""
    aligned = {s: [c for c in cs if not c.nested] for s, cs in speech.aligned_quotes(ctx, q, nested=False).items()}
    story = index.by_source(q)
    others = (set(aligned) | set(story)) - {q.source}
    in_aligned = {(s, c.start) for s, cs in aligned.items() for c in cs}
    full = AttributionCheck._best_per_source(q, q.words(), {s: aligned.get(s, []) + story.get(s, []) for s in others},
                                             in_aligned)
    rest = set(sub_index.by_source(q)) - others - {q.source}
    shorter = AttributionCheck._best_per_source(q, q.words(), {s: sub_index.by_source(q)[s] for s in rest})
    return full, shorter


@pytest.mark.parametrize("n", [8, 25])
def test_bounded_counterparts_are_every_counterpart_below_the_cap(n):
    ctx = build(_crane_story(n))
    speech = fuller_reading(ctx, speech_of(ctx))
    index = StoryIndex(speech, named_only=False)
    sub_index = A.SubQuoteIndex(speech)
    panels = AlignedPanels(ctx, speech)
    compared = 0
    for sid in sorted(speech.quotes):
        for q in speech.quotes[sid]:
            if q.nested:
                continue
            full, shorter = AttributionCheck()._same_quote_elsewhere(index, sub_index, panels, q, q.words())
            want_full, want_shorter = _exhaustive(ctx, speech, index, sub_index, q)
            assert [(c.source, c.start) for c in full] == [(c.source, c.start) for c in want_full]
            assert sorted((c.source, c.start) for c in shorter) == sorted((c.source, c.start) for c in want_shorter)
            compared += bool(full)
    assert compared > n // 2


def test_bounded_counterparts_take_at_most_the_cap_in_rank_order():
    ctx = build(_crane_story(120))
    speech = fuller_reading(ctx, speech_of(ctx))
    index = StoryIndex(speech, named_only=False)
    sub_index = A.SubQuoteIndex(speech)
    panels = AlignedPanels(ctx, speech)
    q = speech.quotes["s000"][0]
    full, shorter = AttributionCheck()._same_quote_elsewhere(index, sub_index, panels, q, q.words())
    sources = [c.source for c in full] + [c.source for c in shorter]
    assert q.source not in sources
    assert len(set(sources)) == len(sources) <= A.MAX_COUNTERPART_SOURCES
    # The sources compared are the first in rank order among those quoting the words.
    every, _ = _exhaustive(ctx, speech, index, sub_index, q)
    first = sorted((c.source for c in every), key=source_rank)[:len(full)]
    assert sorted(c.source for c in full) == sorted(first)


def test_the_misattributed_quote_is_still_found_in_a_large_story():
    # Above the cap the sample is another one, but the foreman's sources are outvoted all the same.
    _, flags = run(_crane_story(90))
    flagged = {f.source for f in flags}
    assert {f"s{k:03d}" for k in range(90) if k % 11 == 5} <= flagged
    assert all(int(s[1:]) % 11 == 5 for s in flagged)


def test_statement_counterparts_are_bounded_per_group():
    # Every source's passage is in one group: each speaker is compared with at most the cap of
    # other sources, and the odd source out is still flagged.
    texts = {f"s{k:03d}": [("The Harbour Authority said the crane would be replaced." if k != 7 else
                            "The Transport Ministry said the crane would be replaced."),
                           "Work at the terminal stopped for a day."] for k in range(70)}
    _, flags = run(texts)
    assert [f.source for f in flags] == ["s007"]


# --- possessive roles: someone's representative is a voice of its own ---------------------------

@pytest.mark.parametrize("text, proper", [
    ("Yesterday Ruiz's lawyer said the fine would be appealed.", False),
    ("Yesterday Baker Ana Ruiz's defence said the fine would be appealed.", False),
    ("Yesterday Ruiz's lawyer Tom Vidal said the fine would be appealed.", True),
    ("Yesterday Norway's Food Safety Authority said the fine would stand.", True),
    ("Yesterday Brightloaf's Tom Vidal said the fine would be appealed.", True),
])
def test_a_possessive_role_is_no_named_speaker(text, proper):
    ctx = build({"a": [text]})
    spk = fuller_reading(ctx, speech_of(ctx)).attributions["a"][0].speaker
    assert spk.proper is proper


def _bakery(third: str) -> dict[str, list[str]]:
    return {
        "a": ["A fire destroyed the Brightloaf bakery on Sunday. Owner Ana Ruiz was fined last month.",
              "Ruiz's lawyer said: \"We will appeal the fine because the ovens were inspected in May.\""],
        "b": ["Brightloaf bakery burned down on Sunday. Its owner Ana Ruiz had been fined in October.",
              "Ana Ruiz's defence said: \"We will appeal the fine because the ovens were inspected in May.\""],
        "c": ["The Brightloaf bakery was destroyed by fire on Sunday. Ana Ruiz, the owner, was fined last month.",
              third],
    }


def test_the_representative_named_by_one_source_is_not_outvoted_by_the_person_represented():
    # Two sources credit the lawyer unnamed ("Ruiz's lawyer"), one names him: no conflict. Read as
    # Ruiz speaking, the possessive phrases outvoted the lawyer's name.
    _, flags = run(_bakery('Her lawyer, Tom Vidal, said: "We will appeal the fine because the ovens were '
                           'inspected in May."'))
    assert flags == []


def test_a_quote_the_others_give_to_a_representative_is_not_the_persons_own():
    # The representatives vouch for no one: a source crediting Ruiz herself is not confirmed by them.
    ctx, flags = run(_bakery('"We will appeal the fine because the ovens were inspected in May," Ana Ruiz said.'))
    assert flags == []


# --- subjects an MT source prints long -----------------------------------------------------------

def test_a_participle_clause_between_subject_and_verb_is_read_past():
    ctx = build({"a": ["The fire spread fast. Chief of the Guild Professor Paul Okafor while speaking to reporters "
                       'said that "the ovens were inspected in May."']})
    spk = fuller_reading(ctx, speech_of(ctx)).attributions["a"][0].speaker
    assert spk.text == "Chief of the Guild Professor Paul Okafor"
    assert A.person_name(spk, frozenset({"chief", "guild", "professor"})) == ("paul", "okafor")


def test_a_body_named_with_of_is_still_no_person():
    from srccompare.checks.speech import Speaker
    for text in ("the Guild of Bakers", "the Bank of England"):
        spk = Speaker("a", 0, len(text), text, tuple(text.lower().split()), True, False, False, 0)
        assert A.person_name(spk, frozenset({"guild", "bank"})) == ()


def test_he_stands_for_the_whole_subject_the_sentence_opens_with():
    ctx = build({"a": ['Riverside Bakers chairman Paul Okafor said the ovens were old. "We warned the owner '
                       'twice," he told reporters.']})
    atts = fuller_reading(ctx, speech_of(ctx)).attributions["a"]
    he = [a.speaker for a in atts if a.speaker.pronoun][0]
    assert he.named.text == "Riverside Bakers chairman Paul Okafor"


def test_a_quote_credited_to_the_wrong_official_after_a_long_mt_subject():
    # The MT source prints the guild chief's subject long; the blog gives his words to the minister.
    texts = {
        "a": ["The Brightloaf bakery burned down on Sunday.",
              'Riverside Bakers chairman Paul Okafor said the ovens were old. "No baker will lose his licence '
              'for the fault of one owner," he told reporters.',
              "Trade Minister Lena Brandt ordered an inspection of every bakery."],
        "b": ["The bakery of Brightloaf was burnt on Sunday.",
              "Chairman of the Riverside Bakers Paul Okafor while speaking to the media said that \"No baker "
              'will lose his licence for the fault of one owner."',
              "The Trade Minister Lena Brandt ordered inspection of all bakeries."],
        "c": ["Brightloaf bakery burned down on Sunday!",
              'Trade Minister Lena Brandt told bakers that "No baker will lose his licence for the fault of one '
              'owner."',
              "Every bakery will be inspected."],
    }
    _, flags = run(texts)
    assert [(f.source, f.expected) for f in flags] == [("c", flags[0].expected)]
    assert "Okafor" in flags[0].expected
