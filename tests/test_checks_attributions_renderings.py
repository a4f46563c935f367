"""attribution_conflict: what a sentence or a source's own rendering of a name already settles.

- a possessive source ("according to its logbook") in a sentence whose reporting verb credits the
  others' speaker is a document that speaker cites, not an unclear attribution;
- a near spelling of a name printed with its own role by a source that never prints the name the
  others print is that source's rendering of one person, not a second person whose role the
  others' speaker was given.

An invented story (a ferry grounding on a lake) unlike any development case."""

from __future__ import annotations

from srccompare.checks.attributions import AttributionCheck
from tests.discrepancy_story import build, check_offsets


def run(texts):
    ctx = build(texts)
    flags = list(AttributionCheck().run(ctx))
    check_offsets(ctx, flags)
    return [(f.source, f.text) for f in flags]


LEAD = "A passenger ferry ran aground on Lake Orvessa on Sunday."


def test_a_document_cited_in_a_sentence_crediting_the_others_speaker_is_no_unclear_credit():
    texts = {
        "a": [LEAD, "The ferry was carrying 96 passengers according to its logbook, said harbour master Eino Salo."],
        "b": [LEAD, "Harbour master Eino Salo said the ferry was carrying 96 passengers."],
        "c": [LEAD, "The ferry was carrying 96 passengers, harbour master Eino Salo said."],
    }
    assert run(texts) == []
    # Without the others' speaker in its sentence, the possessive stands alone and is unclear.
    texts["a"] = [LEAD, "The ferry was carrying 96 passengers, its operator said."]
    assert run(texts) == [("a", "its operator")]


def test_a_name_rendered_otherwise_with_a_role_worded_otherwise_is_one_person():
    # "d" alone prints "Tarvo Kesklinn" (for Tarvo Kesklinnas) and never the others' spelling;
    # its "operations chief" is how it words the role "a" prints as "Chief Operating Officer" ("b": COO).
    texts = {
        "a": [LEAD, "Chief Operating Officer Tarvo Kesklinnas said the hull was intact."],
        "b": [LEAD, "Tarvo Kesklinnas, the line's COO, said the hull was intact."],
        "c": [LEAD, "The hull was intact, Tarvo Kesklinnas said."],
        "d": [LEAD, "Operations chief Tarvo Kesklinn said the hull was intact and the ferry would be towed."],
    }
    assert not any(t.startswith("Chief Operating Officer") for _s, t in run(texts))
