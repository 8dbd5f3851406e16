"""Reads for the web application beyond ``Store.events``.

Document search, one document's analysis rebuilt from its rows, actor summaries and text search
over actors and quotes.

Every value travels as a query parameter; the SQL runs unchanged on DuckDB and PostgreSQL.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from ..model import SCHEMA_ID
from ..store import Store

_DOC_DATE = "substr(d.published, 1, 10)"


@dataclass(frozen=True, slots=True)
class DocumentQuery:
    """What ``GET /api/documents`` selects: every field optional and ANDed."""

    q: str | None = None  # case-insensitive substring of the title or the text
    outlet: str | None = None  # the outlet's name, case-insensitive
    since: str | None = None  # YYYY-MM-DD
    until: str | None = None
    limit: int = 20
    offset: int = 0


def search_documents(store: Store, query: DocumentQuery) -> dict[str, Any]:
    """One page of documents (newest first) and the total number that match."""
    where: list[str] = []
    params: list[Any] = []
    if query.q:
        where.append("(strpos(lower(d.text), lower(?)) > 0 OR strpos(lower(coalesce(d.title, '')), lower(?)) > 0)")
        params += [query.q, query.q]
    if query.outlet:
        where.append("lower(d.outlet) = lower(?)")
        params.append(query.outlet)
    if query.since:
        where.append(f"{_DOC_DATE} >= ?")
        params.append(query.since)
    if query.until:
        where.append(f"{_DOC_DATE} <= ?")
        params.append(query.until)
    cond = (" WHERE " + " AND ".join(where)) if where else ""
    total = int(store.fetch(f"SELECT count(*) FROM documents d{cond}", params)[0][0])
    rows = store.fetch(
        "SELECT d.doc_id, d.title, d.outlet, d.published, d.url, substr(d.text, 1, 240), "
        "(SELECT count(*) FROM events e WHERE e.doc_id = d.doc_id), "
        "(SELECT count(*) FROM statements s WHERE s.doc_id = d.doc_id) "
        f"FROM documents d{cond} ORDER BY d.published DESC NULLS LAST, d.doc_id LIMIT ? OFFSET ?",
        [*params, query.limit, query.offset],
    )
    items = [
        {
            "id": r[0],
            "title": r[1],
            "outlet": r[2],
            "published": r[3],
            "url": r[4],
            "snippet": r[5],
            "events": int(r[6]),
            "statements": int(r[7]),
        }
        for r in rows
    ]
    return {"total": total, "limit": query.limit, "offset": query.offset, "items": items}


def outlets(store: Store) -> list[str]:
    """The outlets in the store, by name."""
    return [str(r[0]) for r in store.fetch("SELECT DISTINCT outlet FROM documents WHERE outlet IS NOT NULL ORDER BY 1")]


def _span(start: Any, end: Any, text: Any) -> dict[str, Any] | None:
    if start is None and end is None and text is None:
        return None
    return {"start": start, "end": end, "text": text}


def _ref(actor: Any, name: Any, country: Any, sector: Any) -> dict[str, Any]:
    return {"actor": actor, "name": name, "country": country, "sector": sector}


def document_analysis(store: Store, doc_id: str) -> dict[str, Any] | None:
    """The analysis of a stored document (the contract's JSON), rebuilt from its rows; None if absent.

    The store keeps every field of the contract except a statement speaker's ``mention`` span and
    an event's further ``mentions`` (the other places it is told), which have no columns; they
    are left out (both are optional in the contract).
    """
    docs = store.fetch(
        "SELECT doc_id, source, url, title, outlet, published, language, text, warnings, analysis_schema "
        "FROM documents WHERE doc_id = ?",
        [doc_id],
    )
    if not docs:
        return None
    d = docs[0]
    out: dict[str, Any] = {
        "schema": d[9] or SCHEMA_ID,
        "document": {
            "id": d[0],
            "source": d[1],
            "url": d[2],
            "title": d[3],
            "outlet": d[4],
            "published": d[5],
            "language": d[6],
            "text": d[7],
        },
    }
    mentions: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for m in store.fetch(
        "SELECT actor_id, start_char, end_char, text, kind, sector FROM mentions WHERE doc_id = ? "
        "ORDER BY actor_id, start_char, seq",
        [doc_id],
    ):
        mention: dict[str, Any] = {"start": m[1], "end": m[2], "text": m[3], "kind": m[4]}
        if m[5]:
            mention["sector"] = m[5]
        mentions[m[0]].append(mention)
    actors = [
        {
            "id": a[0],
            "name": a[1],
            "type": a[2],
            "country": a[3],
            "sector": a[4],
            "role": a[5],
            "wikidata": a[6],
            "known": a[7],
            "mentions": mentions.get(a[0], []),
        }
        for a in store.fetch(
            "SELECT actor_id, name, type, country, sector, role, wikidata, known FROM actors WHERE doc_id = ?",
            [doc_id],
        )
    ]
    # In order of first appearance, as the pipeline lists them.
    actors.sort(key=lambda a: (min((m["start"] for m in a["mentions"]), default=1 << 62), a["id"]))
    out["actors"] = actors
    refs: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for r in store.fetch(
        "SELECT event_id, role, actor_id, name, country, sector FROM event_actors WHERE doc_id = ? "
        "ORDER BY event_id, role, seq",
        [doc_id],
    ):
        refs[(r[0], r[1])].append(_ref(r[2], r[3], r[4], r[5]))
    event_mentions: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for m in store.fetch(
        "SELECT event_id, trigger_start, trigger_end, trigger_text, evidence_start, evidence_end, evidence_text, "
        "status FROM event_mentions WHERE doc_id = ? ORDER BY event_id, seq",
        [doc_id],
    ):
        event_mentions[m[0]].append(
            {"trigger": _span(m[1], m[2], m[3]), "evidence": _span(m[4], m[5], m[6]), "status": m[7]}
        )
    events = []
    for e in store.fetch(
        "SELECT event_id, cameo, plover, quad_class, goldstein, date_value, date_precision, historical, date_basis, "
        "status, trigger_start, trigger_end, trigger_text, evidence_start, evidence_end, evidence_text, "
        "location_name, location_country, lat, lon, geonameid, statement_id, confidence, date_scope, habitual, "
        "date_end "
        "FROM events WHERE doc_id = ? ORDER BY evidence_start, trigger_start, event_id",
        [doc_id],
    ):
        event: dict[str, Any] = {
            "id": e[0],
            "cameo": e[1],
            "plover": json.loads(e[2]) if e[2] else {},
            "quad_class": e[3],
            "goldstein": e[4],
            "source": refs.get((e[0], "source"), []),
            "target": refs.get((e[0], "target"), []),
            "date": {"value": e[5], "precision": e[6], "historical": e[7], "basis": e[8]},
            "status": e[9],
            "trigger": _span(e[10], e[11], e[12]),
            "evidence": _span(e[13], e[14], e[15]),
            "location": (
                {"name": e[16], "country": e[17], "lat": e[18], "lon": e[19], "geonameid": e[20]}
                if e[16] is not None
                else None
            ),
            "statement": e[21],
        }
        if e[22] is not None:
            event["confidence"] = e[22]
        if e[23] is not None:
            event["date"]["scope"] = e[23]
        if event_mentions.get(e[0]):
            event["mentions"] = event_mentions[e[0]]
        if e[24]:
            event["habitual"] = True
        if e[25] is not None:
            event["date"]["end"] = e[25]
        events.append(event)
    out["events"] = events
    statements = []
    for s in store.fetch(
        "SELECT statement_id, speaker_id, speaker_name, speaker_country, speaker_sector, direct, "
        "content_start, content_end, content_text, evidence_start, evidence_end, evidence_text, "
        "cue_start, cue_end, cue_text, channel, speaker_kind FROM statements WHERE doc_id = ? "
        "ORDER BY content_start, statement_id",
        [doc_id],
    ):
        statement: dict[str, Any] = {
            "id": s[0],
            "speaker": _ref(s[1], s[2], s[3], s[4]) if s[1] is not None else None,
            "channel": json.loads(s[15]) if s[15] else [],
            "direct": s[5],
            "content": _span(s[6], s[7], s[8]),
            "evidence": _span(s[9], s[10], s[11]),
        }
        cue = _span(s[12], s[13], s[14])
        if cue:
            statement["cue"] = cue
        if s[16] and statement["speaker"]:
            statement["speaker"]["kind"] = s[16]
        statements.append(statement)
    out["statements"] = statements
    out["claims"] = [
        {
            "start": c[0],
            "end": c[1],
            "text": c[2],
            "status": c[3],
            "cues": json.loads(c[4]) if c[4] else [],
            "statement": c[5],
        }
        for c in store.fetch(
            "SELECT start_char, end_char, text, status, cues, statement_id FROM claims WHERE doc_id = ? ORDER BY seq",
            [doc_id],
        )
    ]
    techniques = []
    for t in store.fetch(
        "SELECT technique, start_char, end_char, text, voice, score FROM techniques WHERE doc_id = ? ORDER BY seq",
        [doc_id],
    ):
        technique: dict[str, Any] = {"technique": t[0], "start": t[1], "end": t[2], "text": t[3], "voice": t[4]}
        if t[5] is not None:
            technique["score"] = t[5]
        techniques.append(technique)
    out["techniques"] = techniques
    warnings = json.loads(d[8]) if d[8] else []
    if warnings:
        out["warnings"] = warnings
    return out


def actor_summary(store: Store, actor_id: str, *, limit: int = 50) -> dict[str, Any] | None:
    """What the store knows about one actor (by id): names, roles, documents, events, statements."""
    rows = store.fetch(
        "SELECT a.name, a.type, a.country, a.sector, a.role, a.wikidata, a.doc_id, d.title, d.published "
        "FROM actors a JOIN documents d ON d.doc_id = a.doc_id WHERE a.actor_id = ? "
        "ORDER BY d.published DESC NULLS LAST, a.doc_id",
        [actor_id],
    )
    if not rows:
        return None
    first = rows[0]
    counts = store.fetch(
        "SELECT "
        "(SELECT count(*) FROM mentions WHERE actor_id = ?), "
        "(SELECT count(DISTINCT doc_id || ' ' || event_id) FROM event_actors WHERE actor_id = ? AND role = 'source'), "
        "(SELECT count(DISTINCT doc_id || ' ' || event_id) FROM event_actors WHERE actor_id = ? AND role = 'target'), "
        "(SELECT count(*) FROM statements WHERE speaker_id = ?)",
        [actor_id] * 4,
    )[0]
    statements = store.fetch(
        "SELECT s.doc_id, s.statement_id, s.direct, s.content_text, d.title, d.published "
        "FROM statements s JOIN documents d ON d.doc_id = s.doc_id WHERE s.speaker_id = ? "
        "ORDER BY d.published DESC NULLS LAST, s.doc_id, s.content_start LIMIT ?",
        [actor_id, limit],
    )
    return {
        "id": actor_id,
        "name": first[0],
        "type": first[1],
        "country": first[2],
        "sector": first[3],
        "wikidata": first[5],
        "names": sorted({str(r[0]) for r in rows if r[0]}),
        "roles": sorted({str(r[4]) for r in rows if r[4]}),
        "mentions": int(counts[0]),
        "events_as_source": int(counts[1]),
        "events_as_target": int(counts[2]),
        "statements": int(counts[3]),
        "documents": [{"id": r[6], "title": r[7], "published": r[8]} for r in rows[:limit]],
        "document_count": len(rows),
        "quotes": [
            {
                "doc_id": s[0],
                "statement_id": s[1],
                "direct": s[2],
                "content": s[3],
                "title": s[4],
                "published": s[5],
            }
            for s in statements
        ],
    }


def search_actors(store: Store, q: str, *, limit: int = 20) -> list[dict[str, Any]]:
    """Actors whose name or id contains ``q`` (case-insensitive), most documents first."""
    rows = store.fetch(
        "SELECT actor_id, min(name), min(type), min(country), count(DISTINCT doc_id) AS n FROM actors "
        "WHERE strpos(lower(name), lower(?)) > 0 OR strpos(lower(actor_id), lower(?)) > 0 "
        "GROUP BY actor_id ORDER BY n DESC, actor_id LIMIT ?",
        [q, q, limit],
    )
    return [{"id": r[0], "name": r[1], "type": r[2], "country": r[3], "documents": int(r[4])} for r in rows]


def search_quotes(store: Store, q: str, *, limit: int = 20) -> list[dict[str, Any]]:
    """Statements whose content or speaker contains ``q`` (case-insensitive), newest first."""
    rows = store.fetch(
        "SELECT s.doc_id, s.statement_id, s.speaker_id, s.speaker_name, s.direct, s.content_text, d.title, "
        "d.published FROM statements s JOIN documents d ON d.doc_id = s.doc_id "
        "WHERE strpos(lower(s.content_text), lower(?)) > 0 "
        "OR strpos(lower(coalesce(s.speaker_name, '')), lower(?)) > 0 "
        "ORDER BY d.published DESC NULLS LAST, s.doc_id, s.content_start LIMIT ?",
        [q, q, limit],
    )
    return [
        {
            "doc_id": r[0],
            "statement_id": r[1],
            "speaker_id": r[2],
            "speaker": r[3],
            "direct": r[4],
            "content": r[5],
            "title": r[6],
            "published": r[7],
        }
        for r in rows
    ]
