"""Resolve a short phrase on its own ("the Russian defence minister", "four Saudi men", "Minsk police")."""

from __future__ import annotations

from datetime import date
from typing import Any

from spacy.tokens import Doc

from ..kb import KnowledgeBase
from ..model import Actor, Analysis, Document
from ..stage import Context
from .resolver import run, state_in


def _summary(**fields: Any) -> dict[str, Any]:
    keys = ("id", "name", "type", "country", "sector", "role", "wikidata")
    return {k: fields.get(k) for k in keys}


def _actor_summary(a: Actor, sector: str | None) -> dict[str, Any]:
    return _summary(
        id=a.id, name=a.name, type=a.type, country=a.country, sector=sector, role=a.role, wikidata=a.wikidata
    )


def _agent_sector(doc: Doc, kb: KnowledgeBase) -> str | None:
    """The sector of a generic actor noun in the phrase ("police", "intelligence agency officer").

    The longest agent phrase wins ("intelligence agency" over "officer"), the rightmost on a tie,
    since English puts the head noun last.
    """
    agents = kb.lexicons.agents
    lower = [t.lower_ for t in doc]
    lemmas = [t.lemma_.lower() for t in doc]
    best: tuple[int, int, str] | None = None
    for i in range(len(doc)):
        for n in range(1, min(4, len(doc) - i) + 1):
            for words in (lower, lemmas):
                phrase = " ".join(words[i : i + n])
                if phrase in agents and (best is None or (n, i) >= best[:2]):
                    best = (n, i, agents[phrase])
    if best is not None and _FORMER & set(lower):
        return "ELI"  # former officials are elites in CAMEO/PLOVER, whatever office they held
    return best[2] if best else None


_FORMER = {"former", "ex", "ex-", "retired"}
# Which actor a phrase is about when it names several ("Lithuania's president Gitanas Nauseda").
_TYPE_ORDER = {"person": 0, "organization": 1, "media": 1, "armed_group": 1, "alliance": 1, "other": 2, "state": 3}


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
    root = next((t for t in doc if t.dep_ == "ROOT"), doc[-1] if len(doc) else None)
    # The phrase is about whatever its head noun names: "Lithuania's president Gitanas Nauseda"
    # is about the person, "Panamanian immigration inspectors" about inspectors from Panama.
    if root is not None:
        for a in analysis.actors:
            if any(m.start <= root.idx < m.end for m in a.mentions):
                sector = a.sector if a.type != "state" else next((m.sector for m in a.mentions if m.sector), None)
                if a.sector is None and not a.known:
                    sector = _agent_sector(doc, kb)
                return _actor_summary(a, sector)
    sector = _agent_sector(doc, kb)
    countries = [
        a.country for a in sorted(analysis.actors, key=lambda a: _TYPE_ORDER[a.type], reverse=True) if a.country
    ]
    country = countries[0] if countries else state_in(doc, kb)
    if sector or country:
        return _summary(id=None, name=text, type="other" if sector else "state", country=country, sector=sector)
    if analysis.actors:
        best = min(analysis.actors, key=lambda a: (_TYPE_ORDER[a.type], -max(m.end - m.start for m in a.mentions)))
        return _actor_summary(best, best.sector)
    fuzzy = kb.fuzzy(text)
    return fuzzy.describe(on) if fuzzy is not None else None
