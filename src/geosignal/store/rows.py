"""Flatten an analysis (``Analysis.to_dict()``, the contract's JSON) into rows of the store's tables."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import Any

import pyarrow as pa  # type: ignore[import-untyped]

from ..model import Rejection
from .schema import (
    ACTORS,
    BIGINT,
    BOOL,
    CLAIMS,
    DOCUMENTS,
    EVENT_ACTORS,
    EVENT_KEYS,
    EVENT_MENTIONS,
    EVENTS,
    FLOAT,
    INT,
    MENTIONS,
    REJECTS,
    ROW_TABLES,
    STATEMENTS,
    TECHNIQUES,
    Table,
)

Row = tuple[Any, ...]
# Rows per table an analysis writes (every table of ROW_TABLES is a key): what an engine hands the store.
TableRows = dict[str, list[Row]]
ROLES = ("source", "target")

_ARROW = {INT: pa.int64(), BIGINT: pa.int64(), FLOAT: pa.float64(), BOOL: pa.bool_()}


def content_hash(text: str) -> str:
    """The hash of a document's cleaned text (the same as the pipeline's content-derived id)."""
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def _span(span: dict[str, Any] | None) -> tuple[Any, Any, Any]:
    if not span:
        return None, None, None
    return span.get("start"), span.get("end"), span.get("text")


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def event_key_row(
    doc_id: str, event_id: str, cameo: str | None, day: str | None, sources: list[str], targets: list[str]
) -> Row:
    """The ``event_keys`` row of one report: reports with one key are one event (see schema.EVENT_KEYS).

    ``day`` is the event's date or else the document's (any ISO form; the first 10 characters
    count); ``sources`` and ``targets`` are actor ids (or names when an actor has no id).
    """
    day = day[:10] if day else None
    src, tgt = ";".join(sorted(set(sources))), ";".join(sorted(set(targets)))
    key = f"undated:{doc_id}#{event_id}" if day is None else f"{day}|{cameo or ''}|{src}|{tgt}"
    return (doc_id, event_id, day, cameo, src, tgt, key)


def analysis_rows(record: dict[str, Any]) -> dict[str, list[Row]]:
    """The rows one analysed document contributes to each table, keyed by table name."""
    doc = record["document"]
    doc_id = str(doc["id"])
    out: dict[str, list[Row]] = {t.name: [] for t in (DOCUMENTS, ACTORS, MENTIONS, EVENTS, EVENT_ACTORS)}
    out |= {t.name: [] for t in (STATEMENTS, CLAIMS, TECHNIQUES, EVENT_KEYS, EVENT_MENTIONS)}
    out[DOCUMENTS.name].append(
        (
            doc_id,
            content_hash(doc.get("text") or ""),
            doc.get("source"),
            doc.get("url"),
            doc.get("title"),
            doc.get("outlet"),
            doc.get("published"),
            doc.get("language"),
            doc.get("text"),
            _json(record.get("warnings", [])),
            record.get("schema"),
        )
    )
    for a in record.get("actors", []):
        out[ACTORS.name].append(
            (
                doc_id,
                a["id"],
                a.get("name"),
                a.get("type"),
                a.get("country"),
                a.get("sector"),
                a.get("role"),
                a.get("wikidata"),
                a.get("known"),
            )
        )
        for seq, m in enumerate(a.get("mentions", [])):
            out[MENTIONS.name].append(
                (doc_id, a["id"], seq, m.get("start"), m.get("end"), m.get("text"), m.get("kind"), m.get("sector"))
            )
    for e in record.get("events", []):
        plover = e.get("plover") or {}
        date = e.get("date") or {}
        loc = e.get("location") or {}
        out[EVENTS.name].append(
            (
                doc_id,
                e["id"],
                e.get("cameo"),
                plover.get("type"),
                plover.get("mode"),
                _json(plover),
                e.get("quad_class"),
                e.get("goldstein"),
                date.get("value"),
                date.get("precision"),
                date.get("historical"),
                date.get("basis"),
                e.get("status"),
                *_span(e.get("trigger")),
                *_span(e.get("evidence")),
                loc.get("name"),
                loc.get("country"),
                loc.get("lat"),
                loc.get("lon"),
                loc.get("geonameid"),
                e.get("statement"),
                e.get("confidence"),
                date.get("scope"),
                bool(e.get("habitual")),
                date.get("end"),
            )
        )
        for seq, m in enumerate(e.get("mentions") or []):
            out[EVENT_MENTIONS.name].append(
                (doc_id, e["id"], seq, *_span(m.get("trigger")), *_span(m.get("evidence")), m.get("status"))
            )
        sources, targets = ([str(r.get("actor") or r.get("name")) for r in e.get(role) or []] for role in ROLES)
        day = date.get("value") or doc.get("published")
        out[EVENT_KEYS.name].append(event_key_row(doc_id, e["id"], e.get("cameo"), day, sources, targets))
        for role in ("source", "target"):
            for seq, ref in enumerate(e.get(role) or []):
                out[EVENT_ACTORS.name].append(
                    (
                        doc_id,
                        e["id"],
                        role,
                        seq,
                        ref.get("actor"),
                        ref.get("name"),
                        ref.get("country"),
                        ref.get("sector"),
                    )
                )
    for s in record.get("statements", []):
        sp = s.get("speaker") or {}
        out[STATEMENTS.name].append(
            (
                doc_id,
                s["id"],
                sp.get("actor"),
                sp.get("name"),
                sp.get("country"),
                sp.get("sector"),
                s.get("direct"),
                *_span(s.get("content")),
                *_span(s.get("evidence")),
                *_span(s.get("cue")),
                _json(s.get("channel", [])),
                sp.get("kind"),
            )
        )
    for seq, c in enumerate(record.get("claims", [])):
        out[CLAIMS.name].append(
            (
                doc_id,
                seq,
                c.get("start"),
                c.get("end"),
                c.get("text"),
                c.get("status"),
                _json(c.get("cues", [])),
                c.get("statement"),
            )
        )
    for seq, t in enumerate(record.get("techniques", [])):
        out[TECHNIQUES.name].append(
            (
                doc_id,
                seq,
                t.get("technique"),
                t.get("start"),
                t.get("end"),
                t.get("text"),
                t.get("voice"),
                t.get("score"),
            )
        )
    return out


def batch_rows(records: Iterable[dict[str, Any]], rejections: Iterable[Rejection] = ()) -> TableRows:
    """The rows of a batch of analysed records and rejections, for every table (``rejects`` too).

    Of two records with one id the last wins, and repeated rejections count once, so the rows
    hold no duplicate keys. This is the one place records become rows: ``Store.write_batch``
    and the engines' partition function both call it.
    """
    by_id: dict[str, dict[str, Any]] = {}
    for rec in records:
        by_id[str(rec["document"]["id"])] = rec
    rows: TableRows = {t.name: [] for t in ROW_TABLES}
    for rec in by_id.values():
        for name, got in analysis_rows(rec).items():
            rows[name].extend(got)
    rows[REJECTS.name] = list(dict.fromkeys((r.source, r.code, r.reason) for r in rejections))
    return rows


def replaced_keys(rows: TableRows) -> tuple[list[str], list[str]]:
    """What writing these rows replaces: the documents' ids, and the sources whose rejections go.

    A document stored again loses all its old rows; a source that is analysed or rejected again
    loses its old rejections (so a file that was fixed stops being listed as rejected).
    """
    doc_ids = [str(r[0]) for r in rows.get(DOCUMENTS.name, [])]
    sources = [str(r[2]) for r in rows.get(DOCUMENTS.name, []) if r[2]]
    sources += [str(r[0]) for r in rows.get(REJECTS.name, [])]
    return doc_ids, sorted(set(sources))


def arrow_table(table: Table, rows: list[Row]) -> pa.Table:
    """The rows as an Arrow table typed from the schema (how batches travel: DuckDB, Parquet)."""
    columns = list(zip(*rows, strict=True)) if rows else [() for _ in table.columns]
    arrays = [
        pa.array(col, type=_ARROW.get(typ, pa.string())) for col, (_, typ) in zip(columns, table.columns, strict=True)
    ]
    return pa.Table.from_arrays(arrays, names=table.names)
