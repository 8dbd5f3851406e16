"""The shared data model: what stages produce and pass on.

Stages talk through these types only. Every span is a pair of character offsets
``[start, end)`` into ``Document.text``, the cleaned body text.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

SCHEMA_ID = "geosignal/analysis/v1"

ActorType = Literal["state", "person", "organization", "media", "armed_group", "alliance", "other"]
MentionKind = Literal["name", "alias", "descriptor", "metonym", "pronoun", "demonym"]
Status = Literal["reported", "attributed", "speculative", "rhetorical", "negated", "hypothetical", "future"]


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of the document text."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form of the span."""
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(slots=True)
class RawDocument:
    """An input before analysis: body text plus whatever metadata the reader found."""

    text: str
    source: str | None = None
    id: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    language: str | None = None


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input that could not be analysed, and why (one line, user-facing)."""

    source: str
    reason: str
    code: str = "E000"

    def message(self) -> str:
        """The one-line error shown to the user."""
        return f"{self.source}: {self.reason}"


@dataclass(slots=True)
class Document:
    """The analysed document's metadata and cleaned text."""

    id: str
    text: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    language: str | None = None
    source: str | None = None
    url: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form of the document."""
        return {
            "id": self.id,
            "source": self.source,
            "url": self.url,
            "title": self.title,
            "outlet": self.outlet,
            "published": self.published,
            "language": self.language,
            "text": self.text,
        }


@dataclass(slots=True)
class Mention:
    """One place in the text where an actor is named or referred to."""

    start: int
    end: int
    text: str
    kind: MentionKind
    sector: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form of the mention."""
        out: dict[str, Any] = {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
        }
        if self.sector:
            out["sector"] = self.sector
        return out


@dataclass(slots=True)
class Actor:
    """A resolved actor with all its mentions in one document."""

    id: str
    name: str
    type: ActorType
    country: str | None
    sector: str | None = None
    role: str | None = None
    wikidata: str | None = None
    known: bool = True
    mentions: list[Mention] = field(default_factory=list)

    def ref(self, sector: str | None = None) -> ActorRef:
        """A reference to this actor for events and statements."""
        return ActorRef(self.id, self.name, self.country, sector or self.sector)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form of the actor."""
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "country": self.country,
            "sector": self.sector,
            "role": self.role,
            "wikidata": self.wikidata,
            "known": self.known,
            "mentions": [m.to_dict() for m in sorted(self.mentions, key=lambda m: m.start)],
        }


@dataclass(frozen=True, slots=True)
class ActorRef:
    """A pointer from an event or statement to an actor."""

    actor: str
    name: str
    country: str | None
    sector: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form of the reference."""
        return {"actor": self.actor, "name": self.name, "country": self.country, "sector": self.sector}


@dataclass(slots=True)
class EventDate:
    """When an event happened, as precisely as the text says."""

    value: str | None
    precision: Literal["day", "month", "year", "decade", "unknown"]
    historical: bool
    basis: Literal["explicit", "relative", "publication", "unknown"]
    # Where a date the text gives was found: in the event's own sentence, carried from an
    # earlier sentence of its paragraph ("In 1953 ... Then the leader proposed ..."), or with
    # another mention of the same event ("ten months before the signing of the Armistice").
    # None when the text gives no date (basis publication or unknown). A schema extension.
    scope: Literal["sentence", "paragraph", "mention"] | None = None
    # The last year of a range the text gives ("the 1950-53 war"): ``value`` is then its first
    # year. None otherwise. A schema extension.
    end: str | None = None


@dataclass(slots=True)
class Location:
    """Where an event happened."""

    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None


@dataclass(slots=True)
class EventMention:
    """One place in the document where an event is mentioned (an event reported several times)."""

    trigger: Span
    evidence: Span
    status: Status


@dataclass(slots=True)
class Event:
    """One coded interaction between actors, traced to its sentence."""

    id: str
    cameo: str
    plover: dict[str, Any]
    quad_class: int
    goldstein: float
    source: list[ActorRef]
    target: list[ActorRef]
    date: EventDate
    status: Status
    trigger: Span
    evidence: Span
    location: Location | None = None
    statement: str | None = None
    confidence: float | None = None
    # Every mention of the event in the document, in text order (its own trigger among them).
    mentions: list[EventMention] = field(default_factory=list)
    # A habit or custom the text reports ("it has become a tradition for X to come", "X routinely
    # beats Y"), not one act: it carries no publication date. An extension of the schema, written
    # only when true.
    habitual: bool = False

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form of the event."""
        out = asdict(self)
        out["source"] = [r.to_dict() for r in self.source]
        out["target"] = [r.to_dict() for r in self.target]
        if self.confidence is None:
            del out["confidence"]
        if not self.mentions:
            del out["mentions"]
        if self.date.scope is None:
            del out["date"]["scope"]
        if self.date.end is None:
            del out["date"]["end"]
        if not self.habitual:
            del out["habitual"]
        return out


@dataclass(slots=True)
class Statement:
    """Something an actor said, quoted or reported, and who relayed it."""

    id: str
    speaker: ActorRef | None
    direct: bool
    content: Span
    evidence: Span
    cue: Span | None = None
    speaker_mention: Span | None = None
    channel: list[ActorRef] = field(default_factory=list)
    # Set when the source is not an actor ("the statement said", "the parties", an unresolved
    # "we"): "document", "group" or "pronoun"; "unstated" for a passive with no speaker named ("he
    # was accused of ...", "it is said that ..."); the speaker's id then names no entry in actors.
    speaker_kind: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form of the statement."""
        speaker: dict[str, Any] | None = None
        if self.speaker is not None:
            speaker = self.speaker.to_dict()
            if self.speaker_mention is not None:
                speaker["mention"] = self.speaker_mention.to_dict()
            if self.speaker_kind is not None:
                speaker["kind"] = self.speaker_kind
        return {
            "id": self.id,
            "speaker": speaker,
            "channel": [c.to_dict() for c in self.channel],
            "direct": self.direct,
            "content": self.content.to_dict(),
            "evidence": self.evidence.to_dict(),
        } | ({"cue": self.cue.to_dict()} if self.cue else {})


@dataclass(slots=True)
class Claim:
    """The epistemic status of one body sentence."""

    start: int
    end: int
    text: str
    status: Status
    cues: list[Span] = field(default_factory=list)
    statement: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form of the claim."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "status": self.status,
            "cues": [c.to_dict() for c in self.cues],
            "statement": self.statement,
        }


@dataclass(slots=True)
class Technique:
    """A persuasion technique found in a span, with whose voice uses it."""

    technique: str
    start: int
    end: int
    text: str
    voice: str | None = None
    score: float | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form of the technique."""
        out = asdict(self)
        if self.score is None:
            del out["score"]
        return out


@dataclass(slots=True)
class Analysis:
    """Everything geosignal found in one document; ``to_dict`` gives the contract's JSON."""

    document: Document
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    techniques: list[Technique] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def actor(self, actor_id: str) -> Actor | None:
        """The actor with this id, if the document has it."""
        for a in self.actors:
            if a.id == actor_id:
                return a
        return None

    def statement(self, statement_id: str | None) -> Statement | None:
        """The statement with this id, if the document has it (None for no id)."""
        return next((s for s in self.statements if s.id == statement_id), None) if statement_id else None

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON object of ``analysis.schema.json``."""
        out: dict[str, Any] = {
            "schema": SCHEMA_ID,
            "document": self.document.to_dict(),
            "actors": [a.to_dict() for a in self.actors],
            "events": [e.to_dict() for e in self.events],
            "statements": [s.to_dict() for s in self.statements],
            "claims": [c.to_dict() for c in self.claims],
            "techniques": [t.to_dict() for t in self.techniques],
        }
        if self.warnings:
            out["warnings"] = list(self.warnings)
        return out
