"""Verbatim copies count as one witness: folding copied passages before the checks, projecting the
representative's flags onto the copies after (``srccompare.checks.copies``).

The story is invented (a ferry strike in a made-up port) so that nothing here echoes the seeds or
the quality cases.
"""

from __future__ import annotations

import pytest

from checks_builder import story
from srccompare.checks import copies, run_checks
from srccompare.checks.base import flag_id, make_flag, span_of
from srccompare.models import Kind, Passage, Severity

WIRE = (
    "The harbour authority in Port Ellery cancelled 42 ferry crossings on Tuesday after dock workers walked out over night-shift pay.\n"
    "Union spokesman Tomas Brandvik said the strike would last until the authority reopened talks.\n"
    "\"We have waited eleven months for an answer,\" Brandvik told reporters at the gate.\n"
    "Freight lorries queued for several kilometres along the coast road by the evening."
)
OWN = (
    "Port Ellery's harbour authority called off 24 ferry crossings on Tuesday when dock workers stopped work over pay for night shifts.\n"
    "Tomas Brandvik, a union spokesman, said the stoppage would go on until talks were reopened.\n"
    "\"We have waited eleven months for an answer,\" Brandvik said.\n"
    "By evening, lorries carrying freight were queued for kilometres on the coast road."
)
THIRD = (
    "The harbour authority of Port Ellery scrapped 24 ferry crossings on Tuesday as dock workers struck over night-shift wages.\n"
    "The strike will last until the authority returns to the table, union spokesman Tomas Brandvik said.\n"
    "\"We have waited eleven months for an answer,\" he said.\n"
    "Lorries stood in a queue several kilometres long on the coast road in the evening."
)


def reprint(text: str) -> str:
    """What a content system does to a reprint without touching a word: curly quotes, lines
    spaced differently, a non-breaking space, an en dash for a hyphen."""
    return (text.replace('"We', "\u201cWe").replace('answer,"', "answer,\u201d")
            .replace("dock workers", "dock\u00a0workers").replace("said the strike", "said  the \t strike")
            .replace("night-shift", "night\u2013shift"))


# --- copy_key ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "a, b, same",
    [
        ("The mayor said  the pier\nwould close.", "The mayor said the pier would close.", True),
        ("\u201cWe will reopen,\u201d she said.", '"We will reopen," she said.', True),
        ("a night\u2013shift rota", "a night-shift rota", True),
        ("Crews\u2019 pay was cut.", "Crews' pay was cut.", True),
        # what the checks exist to see never folds
        ("The mayor said the pier would close.", "The mayor said the quay would close.", False),
        ("rules on de minimis(the threshold)", "rules on de minimis (the threshold)", False),
        ("the ferry to Port Ellery", "the ferry to Port Elery", False),
        ("The Mayor said so.", "The mayor said so.", False),
        ("It cost 4.2 million.", "It cost 4,2 million.", False),
    ],
)
def test_copy_key_undoes_typography_only(a: str, b: str, same: bool) -> None:
    assert (copies.copy_key(a)[0] == copies.copy_key(b)[0]) is same


def test_the_fast_key_is_copy_keys_text() -> None:
    every_space = "".join(ch for ch in map(chr, range(0x3001)) if ch.isspace())
    for text in ["  a\u00a0b\u2009c\u3000d\x1ce \n", f"x{every_space}y \u201cq\u201d \u2014 z{every_space}", ""]:
        assert copies._key(text) == copies.copy_key(text)[0]


def test_copy_key_offsets_point_into_the_text() -> None:
    text = "Ferries  stopped\n at \u201cnoon\u201d."
    key, offsets = copies.copy_key(text)
    assert key == 'Ferries stopped at "noon".'
    assert len(offsets) == len(key)
    assert all(text[o] == k or (k == " " and text[o].isspace()) or k == '"' for k, o in zip(key, offsets))
    assert offsets[key.index("at")] == text.index("at")


# --- find_copies -------------------------------------------------------------------------------


def _passages(ctx) -> list[Passage]:
    return list(ctx.alignment.passages)


def test_a_reprint_folds_onto_the_smallest_source_id_whatever_the_input_order() -> None:
    ctx = story({"b_own": OWN, "c_reprint": reprint(WIRE), "a_wire": WIRE})
    found = copies.find_copies(_passages(ctx), ctx.sources)
    assert found == tuple((f"c_reprint:{i}", f"a_wire:{i}") for i in range(4))
    assert copies.find_copies(list(reversed(_passages(ctx))), ctx.sources) == found


def test_the_same_quotation_in_independent_reports_does_not_fold() -> None:
    # every outlet quotes the spokesman's same words; each is a witness of them
    ctx = story({"a": WIRE.replace("Brandvik told reporters at the gate", "Brandvik said"), "b": OWN})
    assert ctx.alignment.passages[2].text == ctx.alignment.passages[6].text
    assert copies.find_copies(_passages(ctx), ctx.sources) == ()


def test_inside_a_copying_pair_quotations_and_short_sentences_fold_too() -> None:
    wire = WIRE + "\nNo one was hurt."
    partial = "\n".join(wire.split("\n")[:1] + ['"We have waited eleven months for an answer," Brandvik told reporters at the gate.',
                                                "No one was hurt.", "Shops in the old town stayed open."])
    ctx = story({"a": wire, "b": partial})
    assert copies.find_copies(_passages(ctx), ctx.sources) == (("b:0", "a:0"), ("b:1", "a:2"), ("b:2", "a:4"))


def test_one_word_changed_is_not_a_copy() -> None:
    changed = WIRE.replace("cancelled 42", "cancelled 44")
    ctx = story({"a": WIRE, "b": changed})
    assert [c for c, _ in copies.find_copies(_passages(ctx), ctx.sources)] == ["b:1", "b:2", "b:3"]


def test_short_sentences_alone_do_not_link_sources() -> None:
    ctx = story({"a": "No one was hurt.\nThe port reopened on Friday after a long strike.",
                 "b": "No one was hurt.\nFerries sailed again on Friday when the strike ended."})
    assert copies.find_copies(_passages(ctx), ctx.sources) == ()
    # a whole-source near copy (scoring.near_copies) links them all the same
    assert copies.find_copies(_passages(ctx), ctx.sources, linked=[("a", "b")]) == (("b:0", "a:0"),)


def test_a_copy_of_a_copy_folds_onto_the_first() -> None:
    first = WIRE
    second = WIRE.split("\n")[0] + "\n" + OWN.split("\n")[1]
    third = OWN.split("\n")[1] + "\nShops in the old town stayed open all day."
    ctx = story({"a": first, "b": second, "c": third}, groups=[[("a", 0), ("b", 0)], [("a", 1), ("b", 1), ("c", 0)]])
    assert copies.find_copies(_passages(ctx), ctx.sources) == (("b:0", "a:0"), ("c:0", "b:1"))


def test_a_source_repeating_itself_keeps_both_passages() -> None:
    line = WIRE.split("\n")[0]
    ctx = story({"a": line + "\n" + line, "b": line}, groups=[[("a", 0), ("b", 0)]])
    assert copies.find_copies(_passages(ctx), ctx.sources) == (("b:0", "a:0"),)


# --- fold --------------------------------------------------------------------------------------


def test_fold_takes_copies_out_of_groups_passages_and_content() -> None:
    partial = "\n".join(WIRE.split("\n")[:2] + ["Shops in the old town stayed open all day."])
    ctx = story({"a": WIRE, "b": OWN, "c": partial},
                groups=[[("a", 0), ("b", 0), ("c", 0)], [("a", 1), ("c", 1)], [("a", 3), ("b", 3)]])
    f = copies.fold(ctx.alignment, ctx.sources)
    assert f.copy_of == (("c:0", "a:0"), ("c:1", "a:1"))
    assert [p.id for p in f.alignment.passages if p.source == "c"] == ["c:2"]
    first, second = f.alignment.groups
    assert first.id == ctx.alignment.groups[0].id and [p.id for p in first.passages] == ["a:0", "b:0"]
    assert all("c:0" not in pair[:2] for pair in first.pairs)
    assert second.id == ctx.alignment.groups[2].id
    # a:1's only counterpart was its copy: it has none of its own any more
    assert "a:1" in [p.id for p in f.alignment.unaligned]
    c = f.sources["c"]
    assert c.text == ctx.sources["c"].text
    assert "".join(c.text[s:e] for s, e in c.content).strip() == "Shops in the old town stayed open all day."
    assert f.sources["a"] is ctx.sources["a"]


def test_a_pure_reprint_leaves_the_sources_the_checks_count() -> None:
    ctx = story({"a": WIRE, "b": OWN, "c": reprint(WIRE)})
    f = copies.fold(ctx.alignment, ctx.sources)
    assert sorted(f.sources) == ["a", "b"]
    assert {p.source for p in f.alignment.passages} == {"a", "b"}


def test_nothing_copied_leaves_the_alignment_as_it_is() -> None:
    ctx = story({"a": WIRE, "b": OWN, "d": THIRD})
    f = copies.fold(ctx.alignment, ctx.sources)
    assert f.copy_of == () and f.alignment is ctx.alignment and f.sources is ctx.sources


# --- project and cite_copies -------------------------------------------------------------------


def _flag(ctx, source: str, word: str, *, evidence=(), nth: int = 0):
    text = ctx.sources[source].text
    start = text.index(word)
    for _ in range(nth):
        start = text.index(word, start + 1)
    return make_flag(ctx, kind=Kind.NUMBER_CONFLICT, source=source, start=start, end=start + len(word),
                     expected="24", severity=Severity.HIGH, confidence=0.74,
                     group=ctx.group_of.get(f"{source}:0"), message="other sources print 24", evidence=evidence)


def test_a_flag_on_a_representative_is_projected_onto_each_copy_exactly() -> None:
    ctx = story({"a": WIRE, "b": OWN, "c": reprint(WIRE)})
    f = copies.fold(ctx.alignment, ctx.sources)
    ev = (span_of(ctx, "b", ctx.sources["b"].text.index("24"), ctx.sources["b"].text.index("24") + 2),)
    rep = _flag(ctx, "a", "42 ferry crossings on Tuesday after dock workers", evidence=ev)
    (copy,) = copies.project([rep], f, ctx)
    c_text = ctx.sources["c"].text
    assert copy.source == "c" and copy.text == "42 ferry crossings on Tuesday after dock\u00a0workers"
    assert c_text[copy.start:copy.end] == copy.text
    assert copy.id == flag_id(ctx.sources["c"], Kind.NUMBER_CONFLICT, copy.start, copy.end) != rep.id
    assert (copy.kind, copy.severity, copy.confidence, copy.expected, copy.message, copy.evidence) == \
        (rep.kind, rep.severity, rep.confidence, rep.expected, rep.message, rep.evidence)
    assert copy.group == ctx.group_of["c:0"].id


def test_a_flag_across_two_copied_passages_is_projected_and_others_are_not() -> None:
    partial = "\n".join(WIRE.split("\n")[:2] + ["Shops in the old town stayed open all day."])
    ctx = story({"a": WIRE, "b": OWN, "c": partial})
    f = copies.fold(ctx.alignment, ctx.sources)
    a_text = ctx.sources["a"].text
    start = a_text.index("night-shift pay.")
    across = make_flag(ctx, kind=Kind.GARBLED_TEXT, source="a", start=start, end=a_text.index(" said the strike"),
                       expected="x", severity=Severity.LOW, confidence=0.6, group=None, message="m", evidence=())
    outside = _flag(ctx, "a", "Freight")  # a:3 was not copied
    own = _flag(ctx, "b", "24")
    projected = copies.project([across, outside, own], f, ctx)
    assert [(p.source, p.text) for p in projected] == [("c", "night-shift pay.\nUnion spokesman Tomas Brandvik")]
    assert projected[0].group is None


def test_evidence_in_a_representative_also_cites_its_copies() -> None:
    ctx = story({"a": WIRE, "b": OWN, "c": reprint(WIRE), "d": THIRD})
    f = copies.fold(ctx.alignment, ctx.sources)
    a_text = ctx.sources["a"].text
    at = a_text.index("42")
    flag_b = _flag(ctx, "b", "24", evidence=(span_of(ctx, "a", at, at + 2), span_of(ctx, "d", 0, 3)))
    flag_c = copies.project([_flag(ctx, "a", "42", evidence=(span_of(ctx, "b", 0, 4),))], f, ctx)[0]
    out_b, out_c = copies.cite_copies([flag_b, flag_c], f, ctx.sources)
    assert [(e.source, e.text) for e in out_b.evidence] == [("a", "42"), ("c", "42"), ("d", "The")]
    assert out_c is flag_c  # its own source is never cited, nothing else to add
    assert out_b.id == flag_b.id and out_b.severity is flag_b.severity


# --- run_checks end to end ---------------------------------------------------------------------


def _found(flags) -> set[tuple[str, str, str, str]]:
    return {(f.id, f.source, f.kind.value, f.text) for f in flags}


def test_a_reprint_does_not_outvote_an_independent_report() -> None:
    """Two reports disagree on a figure; a reprint of one must not make the other the odd one out."""
    alone = run_checks(story({"a": WIRE, "b": OWN}))
    with_copy = run_checks(story({"a": WIRE, "b": OWN, "c": reprint(WIRE)}))
    assert not [f for f in with_copy if f.source == "b"]
    assert _found(f for f in with_copy if f.source != "c") == _found(alone)


def test_a_reprint_carries_the_flags_of_the_text_it_copies() -> None:
    """Two independent reports against one: the wire's figure is the odd one, reprinted or not."""
    ctx = story({"a": WIRE, "b": OWN, "c": reprint(WIRE), "d": THIRD})
    flags = run_checks(ctx)
    without = run_checks(story({"a": WIRE, "b": OWN, "d": THIRD}))
    assert _found(f for f in flags if f.source != "c") >= {(f.id, f.source, f.kind.value, f.text) for f in without
                                                           if f.source == "a"}
    on_a = [f for f in flags if f.source == "a" and f.kind is Kind.NUMBER_CONFLICT]
    on_c = [f for f in flags if f.source == "c" and f.kind is Kind.NUMBER_CONFLICT]
    assert [f.text for f in on_a] == [f.text for f in on_c] == ["42"]
    assert on_c[0].id == flag_id(ctx.sources["c"], Kind.NUMBER_CONFLICT, on_c[0].start, on_c[0].end)
    assert (on_c[0].severity, on_c[0].confidence, on_c[0].evidence) == (on_a[0].severity, on_a[0].confidence,
                                                                       on_a[0].evidence)
    # the reprint's vote does not count against the independent third report either
    assert {(f.source, f.text) for f in flags if f.source == "d"} == {(f.source, f.text) for f in without
                                                                      if f.source == "d"}


def test_the_analysis_records_which_passages_were_folded(tmp_path) -> None:
    from srccompare.pipeline import analyze
    from srccompare.settings import Settings

    for name, text in {"a_wire.txt": WIRE, "b_own.txt": OWN, "c_reprint.txt": reprint(WIRE) + "\nShops stayed open.\n",
                       "d_third.txt": THIRD}.items():
        (tmp_path / name).write_text(text.replace("\n", "\n\n"), encoding="utf-8")
    analysis = analyze([tmp_path], Settings(cache=False), record_run=False)
    assert analysis.copied_passages == tuple((f"c_reprint:{i}", f"a_wire:{i}") for i in range(4))
    texts = {p.id: p.text for p in analysis.alignment.passages}
    assert all(copies.copy_key(texts[c])[0] == copies.copy_key(texts[r])[0] for c, r in analysis.copied_passages)
    on = {src: sorted((f.kind, f.text.replace("\u00a0", " ")) for f in analysis.flags if f.source == src)
          for src in ("a_wire", "c_reprint")}
    assert on["a_wire"] and on["a_wire"] == on["c_reprint"]


def _family_story():
    """A wire, a verbatim reprint, and a reprint that alters the one sentence nobody else reports."""
    wire = WIRE.replace("for several kilometres", "for 12 kilometres")
    altered = wire.replace("for 12 kilometres", "for 21 kilometres")
    texts = {"a": wire, "b": "\n".join(OWN.split("\n")[:3]), "c": reprint(wire), "e": altered}
    groups = [[("a", i), ("b", i), ("c", i), ("e", i)] for i in range(3)] + [[("a", 3), ("c", 3), ("e", 3)]]
    return story(texts, groups)


def test_copies_stay_where_a_copier_altered_a_passage_only_the_family_reports() -> None:
    ctx = _family_story()
    f = copies.fold(ctx.alignment, ctx.sources)
    # where the independent report is there, the family is one witness; in the last group it is
    # not, and the verbatim reprint shows what the altered one was copying
    assert f.copy_of == tuple((f"{s}:{i}", f"a:{i}") for s in "ce" for i in range(3))
    assert [p.id for p in f.alignment.groups[3].passages] == ["a:3", "c:3", "e:3"]


def test_an_altered_reprint_is_the_odd_one_of_its_family() -> None:
    flags = run_checks(_family_story())
    assert [(f.source, f.kind, f.text, f.expected) for f in flags if f.kind is Kind.NUMBER_CONFLICT] == \
        [("e", Kind.NUMBER_CONFLICT, "21", "12")]
