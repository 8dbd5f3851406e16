"""The hedge and status cue lexicons (``data/hedges.yaml``), loaded once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml


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


def _words(data: dict[str, Any], key: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in data.get(key) or [])


@lru_cache(maxsize=1)
def hedge_lexicon() -> HedgeLexicon:
    """The shipped hedge lexicon."""
    text = resources.files("geosignal.claims").joinpath("data/hedges.yaml").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    spec: dict[str, Any] = data.get("speculative") or {}
    phrases: dict[str, list[tuple[str, ...]]] = {}
    for p in spec.get("phrases") or []:
        words = tuple(str(p).lower().replace("'s", " 's").split())
        if words:
            phrases.setdefault(words[0], []).append(words)
    return HedgeLexicon(
        version=int(data.get("version", 0)),
        adverbs=_words(spec, "adverbs"),
        adjectives=_words(spec, "adjectives"),
        modals=_words(spec, "modals"),
        verbs=_words(spec, "verbs"),
        phrases_at={k: tuple(sorted(v, key=len, reverse=True)) for k, v in phrases.items()},
        conditional_marks=_words(data, "conditional_marks"),
        hypothetical_modals=_words(data, "hypothetical_modals"),
        future_modals=_words(data, "future_modals"),
        negators=_words(data, "negators"),
    )
