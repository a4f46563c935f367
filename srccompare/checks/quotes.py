"""PLACEHOLDER being written in this session; replaced before landing."""

from __future__ import annotations

from srccompare.models import Kind


class QuoteCheck:
    kinds = (Kind.QUOTE_VARIANT,)

    def run(self, ctx):
        return ()
