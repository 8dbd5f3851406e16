"""Resolve a short phrase on its own ("the Russian defence minister", "four Saudi men", "Minsk police")."""

from __future__ import annotations

from datetime import date
from typing import Any

from spacy.tokens import Doc

from ..kb import KnowledgeBase
from ..model import Analysis, Document
from ..stage import Context
from .resolver import run, state_in


def _summary(**fields: Any) -> dict[str, Any]:
    keys = ("id", "name", "type", "country", "sector", "role", "wikidata")
    return {k: fields.get(k) for k in keys}


def _agent_sector(doc: Doc, kb: KnowledgeBase) -> str | None:
    """The sector of a generic actor noun in the phrase ("police", "taxi drivers"), head noun first."""
    agents = kb.lexicons.agents
    for n in range(min(4, len(doc)), 0, -1):  # longest multiword agent phrase at the end first
        tail = " ".join(t.lower_ for t in doc[len(doc) - n :])
        if tail in agents:
            return agents[tail]
    roots = [t for t in doc if t.dep_ == "ROOT"] or list(doc[-1:])
    for t in [*roots, *reversed(list(doc))]:
        for form in (t.lower_, t.lemma_.lower()):
            if form in agents:
                return agents[form]
    return None


def resolve_text(kb: KnowledgeBase, text: str, on: date | None, model: str | None = None) -> dict[str, Any] | None:
    """The actor a name or phrase refers to, as ``kb resolve`` JSON, or None.

    Exact names and aliases first; then the article resolver on the phrase (descriptors,
    institutions, demonyms); then generic actor nouns with any nationality; then misspellings.
    """
    entry = kb.resolve(text, on)
    if entry is not None:
        return entry.describe(on)
    from ..config import load_settings
    from ..nlp import load_nlp

    nlp = load_nlp(model or load_settings().model)
    doc = nlp(text)
    analysis = Analysis(Document(id="phrase", text=text))
    run(doc, analysis, Context(kb=kb, published=on))
    sector = _agent_sector(doc, kb)
    if analysis.actors:
        best = max(analysis.actors, key=lambda a: max(m.end - m.start for m in a.mentions))
        longest = max(m.end - m.start for m in best.mentions)
        # A nationality inside a phrase about someone else ("Panamanian immigration inspectors")
        # gives the country; the noun gives the sector.
        if best.type == "state" and sector and longest < len(text.strip()) * 0.6:
            return _summary(id=None, name=text, type="other", country=best.id, sector=sector)
        return _summary(
            id=best.id,
            name=best.name,
            type=best.type,
            country=best.country,
            sector=best.sector if best.type != "state" else (best.mentions[0].sector or None),
            role=best.role,
            wikidata=best.wikidata,
        )
    country = state_in(doc, kb)
    if sector or country:
        return _summary(id=None, name=text, type="other" if sector else "state", country=country, sector=sector)
    fuzzy = kb.fuzzy(text)
    return fuzzy.describe(on) if fuzzy is not None else None
