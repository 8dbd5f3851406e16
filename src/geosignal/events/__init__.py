"""The events stage: who did what to whom, when and where, in CAMEO and PLOVER, traced to its sentence.

Triggers come from a declarative pattern table (``data/patterns.yaml``, extensible through
``GEOSIGNAL_EVENT_PATTERNS``); codes from ``data/cameo.yaml`` and ``data/plover.yaml``; date and
status cues from ``data/cues.yaml``. Every event has a trigger and an evidence sentence; there is
no fallback code.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..model import Analysis
from ..stage import Context
from .coder import code_events

__all__ = ["run"]


def run(doc: Doc, analysis: Analysis, ctx: Context) -> None:
    """Add the events found in doc to analysis (after resolve, statements and claims)."""
    code_events(doc, analysis, ctx)
