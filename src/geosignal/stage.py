"""What every analysis stage receives: the parsed Doc, the Analysis so far, and a Context.

A stage is a function ``(doc, analysis, ctx) -> None`` that adds to the Analysis. Stages run
in a fixed order (see ``pipeline.STAGES``) and read what earlier stages wrote, never each
other's internals.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

from spacy.tokens import Doc

from .kb import KnowledgeBase
from .model import Analysis


@dataclass(slots=True)
class Context:
    """Per-document facts shared by the stages."""

    kb: KnowledgeBase
    published: date | None
    # Scratch space one stage leaves for later ones (e.g. places the resolver saw).
    notes: dict[str, Any] = field(default_factory=dict)


class Stage(Protocol):
    """An analysis stage."""

    def __call__(self, doc: Doc, analysis: Analysis, ctx: Context, /) -> None:
        """Add this stage's findings to the analysis."""
