"""garbled_text: a capital a writer means. A source names itself by a word of its outlet's name
("the Gazette will report"). An invented story: a ferry terminal's gate closed for repairs.
"""

from __future__ import annotations

import dataclasses

from checks_builder import story
from srccompare.checks.garbles import GarbleCheck
from srccompare.models import SourceMeta


def run(ctx):
    return [f for f in GarbleCheck().run(ctx) if f.confidence >= ctx.settings.min_confidence]


TERMINAL = {
    "a": "The ferry terminal closed a gate on Tuesday for repairs, the port authority said. "
         "The work will take three weeks.",
    "b": "A gate at the ferry terminal was closed for repairs on Tuesday, said the port authority. "
         "The work is expected to last three weeks.",
    "c": "The port authority closed a gate of the ferry terminal for repairs on Tuesday. "
         "Repairs will take three weeks, it said.",
}


def capitals(ctx) -> list[str]:
    return [f.text for f in run(ctx) if "capitalised inside a sentence" in f.message]


def with_outlet(ctx, source: str, outlet: str):
    src = ctx.sources[source]
    ctx.sources[source] = dataclasses.replace(src, meta=SourceMeta(outlet=outlet))
    return ctx


D = ("The ferry terminal closed a gate on Tuesday for repairs, the port authority said. "
     "The work will take three weeks, and the Courier will follow it.")


def test_a_word_of_the_sources_own_outlet_name_is_its_name():
    assert capitals(with_outlet(story(dict(TERMINAL, d=D)), "d", "Harbour Courier")) == []


def test_the_same_capital_in_a_source_of_another_name_is_judged():
    assert capitals(with_outlet(story(dict(TERMINAL, d=D)), "d", "Port Weekly")) == ["Courier"]
