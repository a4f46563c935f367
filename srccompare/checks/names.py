"""PLACEHOLDER being written in this session; replaced before landing."""

from __future__ import annotations

from srccompare.models import Kind


class NameCheck:
    kinds = (Kind.NAME_VARIANT,)

    def run(self, ctx):
        return ()
