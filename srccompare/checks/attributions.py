"""PLACEHOLDER being written in this session; replaced before landing."""

from __future__ import annotations

from srccompare.models import Kind


class AttributionCheck:
    kinds = (Kind.ATTRIBUTION_CONFLICT,)

    def run(self, ctx):
        return ()
