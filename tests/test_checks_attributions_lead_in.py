"""attribution_conflict: one source against one, settled by the sentence that leads into the quote.

Where only one other source prints a quote and credits someone else, this source's own text is the
second witness when the sentence right before the quote, in its paragraph, is about the other
source's speaker:

- by name (``AttributionCheck._split_credit`` with one other credit): "Union leader Bruno Szalek
  led the vote. '…,' Kovach said.";
- by body (``AttributionCheck._lead_in_role``): the sentence prints a word of the role the story
  gives the other source's speaker and none of the role it gives this source's ("The dockworkers'
  union voted on Monday. '…,' said Ines Kovach, the harbour master.").

An invented story (a dock strike at the port of Brackwater) unlike any development case.
"""

from __future__ import annotations

from srccompare.checks.attributions import AttributionCheck, _lead_in_sentence
from srccompare.models import Kind, Severity
from tests.discrepancy_story import build, check_offsets

LOAD = "We will not load a single ship until every crane on the quay has been inspected"
LEAD = "Dock work stopped at the port of Brackwater on Monday."
MASTER = "Harbour master Ines Kovach called the stoppage unlawful and asked for talks."


def run(texts, groups=None):
    ctx = build(texts, groups)
    flags = list(AttributionCheck().run(ctx))
    check_offsets(ctx, flags)
    assert all(f.kind is Kind.ATTRIBUTION_CONFLICT for f in flags)
    return flags


def _by_name(b_quote: str | tuple[str, ...]) -> dict:
    return {
        "a": [LEAD, f'Union leader Bruno Szalek led the vote to stop work. "{LOAD}," Szalek said.',
              MASTER],
        "b": [LEAD, b_quote, MASTER],
        "c": [LEAD, "The members of Bruno Szalek's union voted to stop work.",
              "Ines Kovach, the harbour master, asked for talks."],
    }


def test_a_credit_against_the_name_leading_into_the_quote_is_flagged_one_against_one():
    flags = run(_by_name(f'Union leader Bruno Szalek led the vote to stop work. "{LOAD}," Kovach said.'))
    assert [(f.source, f.text) for f in flags] == [("b", "Kovach")]
    assert flags[0].severity is Severity.MEDIUM and "Szalek" in flags[0].expected


def test_the_name_in_the_paragraph_before_leads_into_nothing():
    story = _by_name(("Union leader Bruno Szalek led the vote to stop work.",))
    story["b"] = [LEAD, "Union leader Bruno Szalek led the vote to stop work.",
                  f'"{LOAD}," Kovach said.', MASTER]
    groups = [[("a", 0), ("b", 0), ("c", 0)], [("a", 1), ("b", 1), ("b", 2), ("c", 1)], [("a", 2), ("b", 3), ("c", 2)]]
    assert run(story, groups) == []


def test_a_credit_to_the_person_leading_into_the_quote_is_not_flagged_one_against_one():
    # Source b writes about Kovach right before and credits Kovach: one against one, no witness.
    story = _by_name(f'Harbour master Ines Kovach said the quay was unsafe. "{LOAD}," Kovach said.')
    assert run(story) == []


# -- the sentence leading in is about a body ---------------------------------------------------

def _by_body(b_quote: str) -> dict:
    return {
        "a": [LEAD, f'"{LOAD}," said Bruno Szalek, the leader of the dockworkers\' union.',
              "Ines Kovach, the harbour master, asked for talks."],
        "b": [LEAD, b_quote, "Bruno Szalek, the leader of the dockworkers' union, did not comment further."],
        "c": [LEAD, "The strike is the first at the port since 2011.",
              "Harbour master Ines Kovach asked for talks."],
    }


def test_a_credit_against_the_body_leading_into_the_quote_is_flagged():
    flags = run(_by_body(f'The dockworkers\' union voted to stop work. "{LOAD}," said Ines Kovach, the harbour master.'))
    assert [(f.source, f.text) for f in flags] == [("b", "Ines Kovach")]
    assert "Szalek" in flags[0].expected


def test_a_speaker_whose_own_clause_names_that_body_is_not_flagged():
    # What the source prints after the speaker is the speaker's role too.
    assert run(_by_body(f'The dockworkers\' union voted to stop work. "{LOAD}," said Ines Kovach, '
                        f'who chairs the union\'s safety panel.')) == []


def test_a_sentence_about_the_speakers_own_body_is_not_flagged():
    assert run(_by_body(f'The harbour office closed the gates. "{LOAD}," said Ines Kovach, the harbour master.')) == []


def test_a_sentence_about_no_ones_body_is_not_flagged():
    assert run(_by_body(f'The quay was empty by noon. "{LOAD}," said Ines Kovach, the harbour master.')) == []


def test_the_lead_in_is_the_last_narrative_sentence_of_the_paragraph():
    text = 'First line.\nThe union met. It voted to strike. "We stop," she said.'
    assert _lead_in_sentence(text, text.index("We stop")) == "It voted to strike."
    opening = 'First line.\n"We stop," she said.'
    assert _lead_in_sentence(opening, opening.index("We stop")) is None  # the quote opens its paragraph
    quoted = 'He said "no". "We stop," she said.'
    assert _lead_in_sentence(quoted, quoted.index("We stop")) is None
