"""The statement cue lexicons (``data/speech.yaml``), loaded once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml


@dataclass(frozen=True, slots=True)
class SpeechLexicon:
    """Speech verbs and the nouns and markers around them."""

    version: int
    clause_verbs: frozenset[str]
    clause_only: frozenset[str]
    object_verbs: frozenset[str]
    attitude_nouns: frozenset[str]
    parenthetical_verbs: frozenset[str]
    document_nouns: frozenset[str]
    according: frozenset[str]
    source_markers: tuple[tuple[str, ...], ...]
    unnamed_sectors: dict[str, str]
    sector_modifiers: dict[str, str]
    speaker_nouns: frozenset[str]

    @property
    def all_verbs(self) -> frozenset[str]:
        """Every verb lemma that may cue a statement."""
        return self.clause_verbs | self.object_verbs | self.parenthetical_verbs


def _words(data: dict[str, Any], key: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in data.get(key) or [])


@lru_cache(maxsize=1)
def speech_lexicon() -> SpeechLexicon:
    """The shipped speech lexicon."""
    text = resources.files("geosignal.statements").joinpath("data/speech.yaml").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return SpeechLexicon(
        version=int(data.get("version", 0)),
        clause_verbs=_words(data, "clause_verbs"),
        clause_only=_words(data, "clause_only"),
        object_verbs=_words(data, "object_verbs"),
        attitude_nouns=_words(data, "attitude_nouns"),
        parenthetical_verbs=_words(data, "parenthetical_verbs"),
        document_nouns=_words(data, "document_nouns"),
        according=_words(data, "according"),
        source_markers=tuple(tuple(str(m).lower().split()) for m in data.get("source_markers") or []),
        unnamed_sectors={str(k).lower(): str(v) for k, v in (data.get("unnamed_sectors") or {}).items()},
        sector_modifiers={str(k).lower(): str(v) for k, v in (data.get("sector_modifiers") or {}).items()},
        speaker_nouns=_words(data, "speaker_nouns"),
    )
