"""The statement cue lexicons (``data/speech.yaml``), loaded once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .._data import package_yaml, words


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
    intention_verbs: frozenset[str] = frozenset()
    prep_verbs: dict[str, frozenset[str]] | None = None
    cue_nouns: frozenset[str] = frozenset()
    participle_cues: frozenset[str] = frozenset()
    heading_labels: frozenset[str] = frozenset()
    quantity_speakers: frozenset[str] = frozenset()
    it_verbs: frozenset[str] = frozenset()
    group_references: frozenset[str] = frozenset()
    source_pronouns: frozenset[str] = frozenset()
    text_sources: frozenset[str] = frozenset()
    event_subjects: frozenset[str] = frozenset()
    agentless_verbs: frozenset[str] = frozenset()
    text_verbs: frozenset[str] = frozenset()
    as_verbs: frozenset[str] = frozenset()
    stance_adjectives: frozenset[str] = frozenset()
    outlet_heads: frozenset[str] = frozenset()
    intention_nouns: frozenset[str] = frozenset()
    refusal_verbs: frozenset[str] = frozenset()
    relay_verbs: frozenset[str] = frozenset()
    hearsay_adverbs: frozenset[str] = frozenset()
    outcome_verbs: frozenset[str] = frozenset()
    partitive_nouns: frozenset[str] = frozenset()
    frame_texts: frozenset[str] = frozenset()
    frame_preps: frozenset[str] = frozenset()
    force_senses: frozenset[str] = frozenset()
    frame_speech: frozenset[str] = frozenset()
    judging_verbs: frozenset[str] = frozenset()
    stance_preps: frozenset[str] = frozenset()
    of_content_nouns: frozenset[str] = frozenset()
    owned_of_content_nouns: frozenset[str] = frozenset()

    @property
    def all_verbs(self) -> frozenset[str]:
        """Every verb lemma that may cue a statement."""
        return (
            self.clause_verbs
            | self.clause_only
            | self.object_verbs
            | self.parenthetical_verbs
            | self.intention_verbs
            | set(self.prep_verbs or {})
            | self.as_verbs
            | self.judging_verbs
        )


@lru_cache(maxsize=1)
def speech_lexicon() -> SpeechLexicon:
    """The shipped speech lexicon."""
    data = package_yaml("geosignal.statements", "speech.yaml")
    return SpeechLexicon(
        version=int(data.get("version", 0)),
        clause_verbs=words(data, "clause_verbs"),
        clause_only=words(data, "clause_only"),
        object_verbs=words(data, "object_verbs"),
        attitude_nouns=words(data, "attitude_nouns"),
        parenthetical_verbs=words(data, "parenthetical_verbs"),
        document_nouns=words(data, "document_nouns"),
        according=words(data, "according"),
        source_markers=tuple(tuple(str(m).lower().split()) for m in data.get("source_markers") or []),
        unnamed_sectors={str(k).lower(): str(v) for k, v in (data.get("unnamed_sectors") or {}).items()},
        sector_modifiers={str(k).lower(): str(v) for k, v in (data.get("sector_modifiers") or {}).items()},
        speaker_nouns=words(data, "speaker_nouns"),
        intention_verbs=words(data, "intention_verbs"),
        prep_verbs={
            str(k).lower(): frozenset(str(p).lower() for p in (v or []))
            for k, v in (data.get("prep_verbs") or {}).items()
        },
        cue_nouns=words(data, "cue_nouns"),
        participle_cues=words(data, "participle_cues"),
        heading_labels=words(data, "heading_labels"),
        quantity_speakers=words(data, "quantity_speakers"),
        it_verbs=words(data, "it_verbs"),
        group_references=words(data, "group_references"),
        source_pronouns=words(data, "source_pronouns"),
        text_sources=words(data, "text_sources"),
        event_subjects=words(data, "event_subjects"),
        agentless_verbs=words(data, "agentless_verbs"),
        text_verbs=words(data, "text_verbs"),
        as_verbs=words(data, "as_verbs"),
        stance_adjectives=words(data, "stance_adjectives"),
        outlet_heads=words(data, "outlet_heads"),
        intention_nouns=words(data, "intention_nouns"),
        refusal_verbs=words(data, "refusal_verbs"),
        relay_verbs=words(data, "relay_verbs"),
        hearsay_adverbs=words(data, "hearsay_adverbs"),
        outcome_verbs=words(data, "outcome_verbs"),
        partitive_nouns=words(data, "partitive_nouns"),
        frame_texts=words(data, "frame_texts"),
        frame_preps=words(data, "frame_preps"),
        force_senses=words(data, "force_senses"),
        frame_speech=words(data, "frame_speech"),
        judging_verbs=words(data, "judging_verbs"),
        stance_preps=words(data, "stance_preps"),
        of_content_nouns=words(data, "of_content_nouns"),
        owned_of_content_nouns=words(data, "owned_of_content_nouns"),
    )
