"""One source against one (session 6): where a single other source quotes a passage, two
renderings that contradict each other (a negation or a figure) while the rest agrees are flagged
at medium, on the side a third source's own sentence contradicts, else on the source that rewords
the quotes the others agree on. Invented story: a pier inspection in a fishing town."""

from __future__ import annotations

from srccompare.checks.quotes import QuoteCheck
from srccompare.models import Severity
from tests.discrepancy_story import build, flagged, run_check


def run(texts, groups=None):
    return run_check(QuoteCheck(), texts, groups)


WIRE_PIER = '"We found no cracks in the concrete of the north pier, but we will test it again in spring," engineer Tomas Ruud said.'
MT_PIER = '"We found cracks in the concrete of the north pier, but in spring we test it again," said engineer Tomas Ruud.'
REPORT_NO = "Engineer Tomas Ruud said the inspectors found no cracks in the concrete of the north pier."
REPORT_YES = "Engineer Tomas Ruud said the inspectors found cracks in the concrete of the north pier."


def test_a_third_source_reporting_the_negation_settles_a_dropped_not():
    ctx, flags = run({
        "wire": ["The harbour board inspected the piers.", WIRE_PIER],
        "mt": ["The harbour board inspected the piers.", MT_PIER],
        "weekly": ["The harbour board inspected the piers.", REPORT_NO],
    })
    assert flagged(ctx, flags, "mt") == ["found cracks"]
    assert flagged(ctx, flags, "wire") == []
    f = next(f for f in flags if f.source == "mt")
    assert f.severity == Severity.MEDIUM and f.expected == "found no cracks"
    assert {e.source for e in f.evidence} == {"wire", "weekly"}


def test_the_witness_decides_the_side_not_the_order_of_sources():
    # The same two renderings, the third source reporting the other way: the wire is flagged.
    ctx, flags = run({
        "wire": ["The harbour board inspected the piers.", WIRE_PIER],
        "mt": ["The harbour board inspected the piers.", MT_PIER],
        "weekly": ["The harbour board inspected the piers.", REPORT_YES],
    })
    assert flagged(ctx, flags, "wire") == ["found no cracks"]
    assert flagged(ctx, flags, "mt") == []


def test_without_a_witness_the_source_that_rewords_agreed_quotes_is_flagged():
    shared = '"The ferry will keep its winter timetable until the work is done," harbour master Eva Lind said.'
    reworded = '"The ferry keeps the timetable of the winter until the works are finished," said harbour master Eva Lind.'
    ctx, flags = run({
        "wire": ["The harbour board inspected the piers.", WIRE_PIER, shared],
        "mt": ["The harbour board inspected the piers.", MT_PIER, reworded],
        "copy": ["The harbour board inspected the piers.", "Repairs may follow.", shared],
    })
    assert flagged(ctx, flags, "mt")[:1] == ["found cracks"] or "found cracks" in flagged(ctx, flags, "mt")
    assert "found no cracks" not in flagged(ctx, flags, "wire")


def test_without_any_evidence_of_a_side_nothing_is_flagged():
    ctx, flags = run({
        "wire": ["The harbour board inspected the piers.", WIRE_PIER],
        "mt": ["The harbour board inspected the piers.", MT_PIER],
        "weekly": ["The harbour board inspected the piers.", "The board meets again in May."],
    })
    assert flags == []


def test_a_changed_figure_is_settled_like_a_negation():
    ctx, flags = run({
        "wire": ["Repairs were costed.", '"The repair of the north pier will take twelve weeks and we start in March," Ruud said.'],
        "mt": ["Repairs were costed.", '"The repair of the north pier will take twenty weeks and we start in March," said Ruud.'],
        "weekly": ["Repairs were costed.", "Ruud said the repair of the north pier would take twelve weeks from March."],
    })
    assert flagged(ctx, flags, "mt") == ["twenty"]
    assert flagged(ctx, flags, "wire") == []


def test_a_negation_that_only_moves_is_no_contradiction():
    ctx, flags = run({
        "wire": ["The harbour board inspected the piers.",
                 '"Nobody can say the pier is safe before the divers report," Ruud said.'],
        "mt": ["The harbour board inspected the piers.",
               '"Before the divers report, nobody can say the pier is safe," said Ruud.'],
        "weekly": ["The harbour board inspected the piers.", "Ruud said the pier is safe."],
    })
    assert flags == []


def test_a_quote_reworded_throughout_is_no_tie_even_with_a_negation():
    # Too little of the two wordings agrees for one flipped word to be the only difference.
    ctx, flags = run({
        "wire": ["The harbour board inspected the piers.",
                 '"We found no cracks in the concrete of the north pier," Ruud said.'],
        "mt": ["The harbour board inspected the piers.",
               '"Our team saw damage on the old northern structure after the storm," said Ruud.'],
        "weekly": ["The harbour board inspected the piers.", REPORT_NO],
    })
    assert flags == []


def test_two_other_sources_are_the_vote_not_a_tie():
    # With two other sources quoting it, the majority vote decides (no tie reading).
    ctx, flags = run({
        "wire": ["The harbour board inspected the piers.", WIRE_PIER],
        "copy": ["The harbour board inspected the piers.", WIRE_PIER],
        "mt": ["The harbour board inspected the piers.", MT_PIER],
    })
    assert flagged(ctx, flags, "wire") == [] and flagged(ctx, flags, "copy") == []
    assert any("cracks" in t for t in flagged(ctx, flags, "mt"))


def test_an_antonym_is_settled_by_the_third_source():
    ctx, flags = run({
        "wire": ["The harbour board met.", '"The catch of cod is rising again and the boats are busy," skipper Ola Berg said.'],
        "mt": ["The harbour board met.", '"The catch of cod is falling again and the boats are busy," said skipper Ola Berg.'],
        "weekly": ["The harbour board met.", "Skipper Ola Berg said the catch of cod was rising again and boats were busy."],
    })
    # The antonym is also a term swap: the quote flag marks the quoted sentence (session 7), so
    # that the term check's flag on the word stands inside it.
    assert flagged(ctx, flags, "mt") == ["The catch of cod is falling again and the boats are busy"]
    assert next(f for f in flags if f.source == "mt").expected == "The catch of cod is rising again and the boats are busy"
    assert flagged(ctx, flags, "wire") == []


def test_a_negation_with_an_antonym_says_the_same():
    # "not open" / "closed": the two renderings agree, whatever a third source prints.
    ctx, flags = run({
        "wire": ["The harbour board met.", '"The north pier is not open to the public until the divers report," Ruud said.'],
        "mt": ["The harbour board met.", '"The north pier is closed to the public until the divers report," said Ruud.'],
        "weekly": ["The harbour board met.", "Ruud said the north pier was closed to the public until the divers report."],
    })
    assert flags == []


def test_opposite_words_reads_prominent_senses_only():
    from srccompare.checks.lexicon import opposite_words
    assert opposite_words("son", "daughter") and opposite_words("rising", "falling")
    assert opposite_words("old", "new")
    assert not opposite_words("lunch", "dinner") and not opposite_words("give", "take") and not opposite_words("come", "go")


# --- quotes in loosely aligned passages (Group.loose) ----------------------------------------

def _loosen(ctx, source):
    """``ctx`` with ``source``'s passages marked as added by the alignment's second pass."""
    from dataclasses import replace

    from srccompare.checks.base import CheckContext
    groups = tuple(replace(g, loose=tuple(p.id for p in g.passages if p.source == source)) for g in ctx.alignment.groups)
    return CheckContext(sources=ctx.sources, alignment=replace(ctx.alignment, groups=groups), settings=ctx.settings)


LOOSE_STORY = {
    "wire": ["The harbour board met.", '"Fish is the silver of the modern coast," fisheries minister Ana Holm said.'],
    "mt": ["The harbour board met.", '"Fish is the silver of our coast today," said fisheries minister Ana Holm.'],
    "blog": ["The harbour board met.", 'A fisher called it "the silver of the modern coast."'],
}


def test_an_uncredited_quote_in_a_loose_member_is_no_vote_by_its_place():
    ctx = build(LOOSE_STORY)
    assert [f.source for f in QuoteCheck().run(ctx)] == ["mt"]  # a firm group: the blog's quote votes
    ctx = _loosen(ctx, "blog")
    assert list(QuoteCheck().run(ctx)) == []  # loose: it must vouch by its words or its credit


def test_a_credited_quote_in_a_loose_member_still_votes():
    texts = dict(LOOSE_STORY, blog=["The harbour board met.",
                                    'Fisheries minister Ana Holm said: "Fish is the silver of the modern coast."'])
    ctx = _loosen(build(texts), "blog")
    assert [f.source for f in QuoteCheck().run(ctx)] == ["mt"]


def test_a_name_printed_without_its_accents_is_no_rewording():
    said = '"The water has not been this high in {} since the old mill burned," warden Ivo Sarek said.'
    ctx, flags = run({
        "wire": ["The river rose.", said.format("Dolní Tárnok")],
        "copy": ["The river rose.", said.format("Dolní Tárnok")],
        "ocr": ["The river rose.", said.format("Dolni Tarnok")],
    })
    assert flags == []
    ctx, flags = run({  # another word in its place still is one
        "wire": ["The river rose.", said.format("Dolní Tárnok")],
        "copy": ["The river rose.", said.format("Dolní Tárnok")],
        "ocr": ["The river rose.", said.format("the lower town")],
    })
    assert [f.source for f in flags] == ["ocr"]
