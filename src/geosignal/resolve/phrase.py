"""Resolve a short phrase on its own ("the Russian defence minister", "four Saudi men")."""

from __future__ import annotations

from datetime import date
from typing import Any

from ..kb import KnowledgeBase
from ..model import Analysis, Document
from ..stage import Context
from .resolver import run, state_in


def resolve_phrase(kb: KnowledgeBase, phrase: str, on: date | None, model: str | None = None) -> dict[str, Any] | None:
    """The actor a phrase refers to as ``kb resolve`` JSON, or None."""
    from ..config import load_settings
    from ..nlp import load_nlp

    nlp = load_nlp(model or load_settings().model)
    doc = nlp(phrase)
    analysis = Analysis(Document(id="phrase", text=phrase))
    ctx = Context(kb=kb, published=on)
    run(doc, analysis, ctx)
    if analysis.actors:
        best = max(analysis.actors, key=lambda a: max(m.end - m.start for m in a.mentions))
        return {
            "id": best.id,
            "name": best.name,
            "type": best.type,
            "country": best.country,
            "sector": best.sector,
            "role": best.role,
            "wikidata": best.wikidata,
        }
    # A nationality inside a phrase about people or things ("an American destroyer").
    found = state_in(doc, kb)
    if found is None:
        return None
    e = kb.entries[found]
    return {
        "id": e.id,
        "name": e.name,
        "type": "state",
        "country": e.id,
        "sector": None,
        "role": None,
        "wikidata": e.wikidata,
    }
