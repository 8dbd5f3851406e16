"""The claims stage (see its issue): adds claims to the Analysis."""

from __future__ import annotations

from spacy.tokens import Doc

from ..model import Analysis
from ..stage import Context

__all__ = ["run"]


def run(doc: Doc, analysis: Analysis, ctx: Context) -> None:
    """Add claims found in doc to analysis (not implemented yet: adds none)."""
    return None
