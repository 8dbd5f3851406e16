"""The events stage (see its issue): adds events to the Analysis."""

from __future__ import annotations

from spacy.tokens import Doc

from ..model import Analysis
from ..stage import Context

__all__ = ["run"]


def run(doc: Doc, analysis: Analysis, ctx: Context) -> None:
    """Add events found in doc to analysis (not implemented yet: adds none)."""
    return None
