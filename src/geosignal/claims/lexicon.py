"""The hedge and status cue lexicons (``data/hedges.yaml``), loaded once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .._data import package_yaml, words


@dataclass(frozen=True, slots=True)
class HedgeLexicon:
    """Cue words and phrases by the status they signal."""

    version: int
    adverbs: frozenset[str]
    adjectives: frozenset[str]
    modals: frozenset[str]
    verbs: frozenset[str]
    # First word -> the phrases starting with it, longest first.
    phrases_at: dict[str, tuple[tuple[str, ...], ...]]
    conditional_marks: frozenset[str]
    hypothetical_modals: frozenset[str]
    future_modals: frozenset[str]
    negators: frozenset[str]
    weasel_quantifiers: frozenset[str] = frozenset()
    weasel_people: frozenset[str] = frozenset()
    opinion_verbs: frozenset[str] = frozenset()
    passive_verbs: frozenset[str] = frozenset()
    weasel_adverbs: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def hedge_lexicon() -> HedgeLexicon:
    """The shipped hedge lexicon."""
    data = package_yaml("geosignal.claims", "hedges.yaml")
    spec: dict[str, Any] = data.get("speculative") or {}
    weasel: dict[str, Any] = data.get("weasel") or {}
    phrases: dict[str, list[tuple[str, ...]]] = {}
    for p in spec.get("phrases") or []:
        phrase = tuple(str(p).lower().replace("'s", " 's").split())
        if phrase:
            phrases.setdefault(phrase[0], []).append(phrase)
    return HedgeLexicon(
        version=int(data.get("version", 0)),
        adverbs=words(spec, "adverbs"),
        adjectives=words(spec, "adjectives"),
        modals=words(spec, "modals"),
        verbs=words(spec, "verbs"),
        phrases_at={k: tuple(sorted(v, key=len, reverse=True)) for k, v in phrases.items()},
        conditional_marks=words(data, "conditional_marks"),
        hypothetical_modals=words(data, "hypothetical_modals"),
        future_modals=words(data, "future_modals"),
        negators=words(data, "negators"),
        weasel_quantifiers=words(weasel, "quantifiers"),
        weasel_people=words(weasel, "people"),
        opinion_verbs=words(weasel, "opinion_verbs"),
        passive_verbs=words(weasel, "passive_verbs"),
        weasel_adverbs=words(weasel, "adverbs"),
    )
