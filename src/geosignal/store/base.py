"""The store API shared by both backends: open and migrate, write a batch, read back.

SQL here is written once with ``?`` placeholders; the PostgreSQL backend turns them into
psycopg's ``%s``. Values always travel as parameters, never inside the SQL text.
"""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import GeosignalError
from ..model import Rejection
from . import minhash
from .rows import Row, TableRows, batch_rows, event_key_row, replaced_keys
from .schema import (
    ALL_TABLES,
    DOC_BANDS,
    DOC_LINKS,
    DOC_MINHASH,
    DOC_STORIES,
    DOC_TABLES,
    DOCUMENTS,
    EVENT_KEYS,
    MIGRATIONS,
    ROW_TABLES,
    SCHEMA_VERSION,
    Table,
    derive_dyads_sql,
    fill_hashes,
)

TABLES_BY_NAME = {t.name: t for t in ALL_TABLES}


class StoreError(GeosignalError):
    """The store cannot be opened or used (locked, newer schema, not a geosignal store)."""


@dataclass(frozen=True, slots=True)
class EventFilter:
    """What ``query events`` selects; every field is optional and ANDed."""

    source: str | None = None
    target: str | None = None
    actor: str | None = None
    cameo: str | None = None
    status: str | None = None
    since: str | None = None
    until: str | None = None
    limit: int | None = None


EVENT_COLUMNS = (
    "date",
    "source",
    "cameo",
    "target",
    "quad_class",
    "goldstein",
    "status",
    "doc_id",
    "event_id",
    "title",
    "url",
    "evidence",
)

# One row per event, reports counted (``Store.grouped_events``, ``geosignal query events``).
GROUPED_EVENT_COLUMNS = (
    *EVENT_COLUMNS[:7],  # date, source, cameo, target, quad_class, goldstein, status
    "num_articles",
    "num_sources",
    "num_stories",
    "doc_ids",
    "event_ids",
    "title",
    "url",
    "event_key",
)

# What counts as one source: the outlet, or the document itself when its outlet is unknown.
OUTLET_KEY = "coalesce(d.outlet, 'doc:' || d.doc_id)"

_ACTOR_MATCH = (
    "EXISTS (SELECT 1 FROM event_actors a WHERE a.doc_id = e.doc_id AND a.event_id = e.event_id{role} "
    "AND (lower(a.actor_id) = lower(?) OR lower(a.name) = lower(?) OR upper(a.country) = upper(?)))"
)
_NAMES = (
    "(SELECT string_agg(coalesce(a.country, a.name), '; ' ORDER BY a.seq) FROM event_actors a "
    "WHERE a.doc_id = e.doc_id AND a.event_id = e.event_id AND a.role = '{role}')"
)
_EVENT_DATE = "substr(coalesce(e.date_value, d.published), 1, 10)"


class Store(ABC):
    """A geosignal store; ``open_store`` picks the backend from the address."""

    address: str
    notice: str | None = None  # set when opening upgraded the schema
    # SQL hashing the expression {} to a BIGINT, NULL for NULL (event_dyads' doc and outlet keys:
    # counting distinct integers is what keeps the analytics fast).
    HASH_SQL: str

    # -- backend hooks -------------------------------------------------------------------
    @abstractmethod
    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        """Run one statement that returns no rows."""

    @abstractmethod
    def fetch(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Run one parameterised query and return its rows."""

    @abstractmethod
    def transaction(self) -> AbstractContextManager[None]:
        """A transaction: committed when the block ends, rolled back if it raises."""

    @abstractmethod
    def insert(self, table: Table, rows: list[Row]) -> None:
        """Insert many rows in one batch operation (never one statement per row)."""

    @abstractmethod
    def stream(self, sql: str, params: Sequence[Any] = (), size: int = 10_000) -> Iterator[list[tuple[Any, ...]]]:
        """Run one query and yield its rows in lists of at most ``size``, never all at once."""

    @abstractmethod
    def copy_csv(self, sql: str, path: str, *, delimiter: str = ",", header: bool = True) -> None:
        """Write a query's rows to a CSV file inside the database engine (no rows pass through Python).

        The query takes no parameters (COPY cannot bind them); callers build it from constants.
        """

    @abstractmethod
    def table_names(self) -> set[str]:
        """Names of the tables in the store's schema."""

    @abstractmethod
    def close(self) -> None:
        """Close the connection."""

    @property
    def writable(self) -> bool:
        """False when opened read-only."""
        return True

    # -- schema --------------------------------------------------------------------------
    def schema_version(self) -> int:
        """The schema version of the store (0 for an empty database)."""
        tables = self.table_names()
        if "schema_version" not in tables:
            ours = tables & set(TABLES_BY_NAME)
            if ours:
                raise StoreError(
                    f"{self.address} has tables ({', '.join(sorted(ours))}) but no schema_version table: "
                    "it is not a geosignal store, or was made by a pre-release; use another --db"
                )
            return 0
        rows = self.fetch("SELECT max(version) FROM schema_version")
        return int(rows[0][0] or 0)

    def migrate(self) -> None:
        """Bring the schema to SCHEMA_VERSION, or refuse a store made by a newer release."""
        version = self.schema_version()
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.address} uses store schema version {version}, newer than this release of geosignal "
                f"reads (version {SCHEMA_VERSION}); upgrade geosignal (pip install -U geosignal)"
            )
        if version == SCHEMA_VERSION:
            return
        if not self.writable:
            raise StoreError(f"{self.address} needs a schema upgrade from version {version}; open it for writing")
        with self.transaction():
            for v in range(version, SCHEMA_VERSION):
                for stmt in MIGRATIONS[v]:
                    self.execute(fill_hashes(stmt, self.HASH_SQL))
                if v == 1:
                    # Documents stored by version 1 get their event keys, signatures and stories
                    # before later versions derive from them.
                    self._backfill_event_keys()
                    self._rebuild_stories()
            self.execute("DELETE FROM schema_version")
            self.execute("INSERT INTO schema_version (version) VALUES (?)", [SCHEMA_VERSION])
        if version:
            self.notice = f"upgraded the store {self.address} from schema version {version} to {SCHEMA_VERSION}"

    # -- writing -------------------------------------------------------------------------
    def known_hashes(self, doc_ids: Sequence[str]) -> dict[str, str]:
        """The stored content hash of each of these documents that is already in the store."""
        if not doc_ids:
            return {}
        rows = self.fetch("SELECT doc_id, content_hash FROM documents WHERE doc_id = ANY(?)", [list(doc_ids)])
        return {str(r[0]): str(r[1]) for r in rows}

    def write_batch(self, records: Iterable[dict[str, Any]], rejections: Iterable[Rejection] = ()) -> int:
        """Replace the rows of these analysed documents and record these rejections, in one transaction.

        ``records`` are ``Analysis.to_dict()`` objects. A document already stored loses all its
        rows first, so writing it again never duplicates; of two records with one id, the last wins.
        Returns the number of documents written.
        """
        rows = batch_rows(records, rejections)
        self.replace_rows(rows)
        return len(rows[DOCUMENTS.name])

    def replace_rows(self, rows: TableRows) -> None:
        """Write rows made by ``batch_rows`` in one transaction, replacing what they supersede.

        The single write path of the local engine; ``merge_segment`` is the same step fed from
        Parquet files instead of Python rows.
        """
        doc_ids, sources = replaced_keys(rows)

        def load(t: Table) -> None:
            if rows.get(t.name):
                self.insert(t, rows[t.name])

        self._replace(doc_ids, sources, load)

    def merge_segment(self, files: dict[str, Path], doc_ids: Sequence[str], sources: Sequence[str]) -> None:
        """Merge one staged segment (a Parquet file per table) in one transaction, like ``replace_rows``.

        ``doc_ids`` and ``sources`` are the segment's ``replaced_keys``. Merging a segment twice
        leaves the store as merging it once.
        """

        def load(t: Table) -> None:
            if t.name in files:
                self.load_parquet(t, files[t.name])

        self._replace(list(doc_ids), list(sources), load)

    def _replace(self, doc_ids: list[str], sources: list[str], load: Callable[[Table], None]) -> None:
        with self.transaction():
            if doc_ids:
                for t in DOC_TABLES:
                    self.execute(f"DELETE FROM {t.name} WHERE doc_id = ANY(?)", [doc_ids])
            if sources:
                self.execute("DELETE FROM rejects WHERE source = ANY(?)", [sources])
            for t in ROW_TABLES:
                load(t)
            if doc_ids:
                # The documents named on every table, so no engine has to scan the others' rows.
                only = (
                    " AND e.doc_id = ANY(?) AND x.doc_id = ANY(?) AND y.doc_id = ANY(?) AND d.doc_id = ANY(?)"
                    " AND k.doc_id = ANY(?)"
                )
                self.execute(derive_dyads_sql(self.HASH_SQL, only), [doc_ids] * 5)
                texts = self.fetch("SELECT doc_id, text FROM documents WHERE doc_id = ANY(?)", [doc_ids])
                self._link_documents({str(d): str(t or "") for d, t in texts})

    def load_parquet(self, table: Table, path: Path) -> None:
        """Append a Parquet file's rows to the table (backends may read the file themselves)."""
        import pyarrow.parquet as pq  # type: ignore[import-untyped]

        data = pq.read_table(path, columns=table.names)
        rows = [tuple(r[c] for c in table.names) for r in data.to_pylist()]
        if rows:
            self.insert(table, rows)

    def cluster_dyads(self, *, threshold: float = 0.1) -> bool:
        """Rewrite event_dyads in pair order when enough rows arrived since the last time; True if it did.

        A backend whose engine needs it overrides this (DuckDB: the analytics read a pair's rows
        from a few row groups only when they are stored together). ``threshold`` is the share of
        rows written since the last clustering that triggers a rewrite (0 forces one).
        """
        return False

    # -- near-duplicate stories -------------------------------------------------------------
    def _link_documents(self, texts: dict[str, str]) -> None:
        """Replace these documents' signatures and links, then the stories of what they touch.

        Runs inside the caller's transaction. Links are a function of the stored texts only (a pair
        is linked when either document is written after the other), so the result does not depend
        on the order or batching of writes, and a re-run after a crash ends the same.
        """
        ids = list(texts)
        before = {str(r[0]) for r in self.fetch("SELECT other_id FROM doc_links WHERE doc_id = ANY(?)", [ids])}
        for t in (DOC_MINHASH, DOC_BANDS):
            self.execute(f"DELETE FROM {t.name} WHERE doc_id = ANY(?)", [ids])
        self.execute("DELETE FROM doc_links WHERE doc_id = ANY(?) OR other_id = ANY(?)", [ids, ids])
        sigs: dict[str, minhash.Signature] = {}
        for doc_id, text in texts.items():
            sig = minhash.signature(text)
            if sig is not None:
                sigs[doc_id] = sig
        if sigs:
            self.insert(DOC_MINHASH, [(d, minhash.encode(sig)) for d, sig in sigs.items()])
            self.insert(
                DOC_BANDS, [(d, b, h) for d, sig in sigs.items() for b, h in enumerate(minhash.band_hashes(sig))]
            )
            # Candidates: any shared band, in SQL over the (band, hash) index.
            pairs = self.fetch(
                "SELECT DISTINCT n.doc_id, o.doc_id, m.signature FROM doc_bands n "
                "JOIN doc_bands o ON o.band = n.band AND o.hash = n.hash AND o.doc_id <> n.doc_id "
                "JOIN doc_minhash m ON m.doc_id = o.doc_id WHERE n.doc_id = ANY(?)",
                [list(sigs)],
            )
            links: dict[tuple[str, str], float] = {}
            for new_id, other_id, other_sig in pairs:
                sim = minhash.similarity(sigs[str(new_id)], minhash.decode(str(other_sig)))
                if sim >= minhash.THRESHOLD:
                    links[(str(new_id), str(other_id))] = sim
                    links[(str(other_id), str(new_id))] = sim
            if links:
                self.insert(DOC_LINKS, [(a, b, sim) for (a, b), sim in sorted(links.items())])
        self._restory({*ids, *before})

    def _restory(self, seeds: set[str]) -> None:
        """Recompute the stories of the link components that hold these documents."""
        seen: set[str] = set()
        frontier = set(seeds)
        edges: list[tuple[str, str]] = []
        while frontier:
            seen |= frontier
            got = self.fetch("SELECT doc_id, other_id FROM doc_links WHERE doc_id = ANY(?)", [sorted(frontier)])
            edges += [(str(a), str(b)) for a, b in got]
            frontier = {str(b) for _, b in got} - seen
        parent = {d: d for d in seen}

        def root(d: str) -> str:
            while parent[d] != d:
                parent[d] = parent[parent[d]]
                d = parent[d]
            return d

        for a, b in edges:
            ra, rb = root(a), root(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)  # the smallest id roots its component
        # Only documents still stored get a story (a seed may be a neighbour that was replaced).
        stored = {str(r[0]) for r in self.fetch("SELECT doc_id FROM documents WHERE doc_id = ANY(?)", [sorted(seen)])}
        self.execute("DELETE FROM doc_stories WHERE doc_id = ANY(?)", [sorted(seen)])
        rows: list[Row] = [(d, root(d)) for d in sorted(stored)]
        if rows:
            self.insert(DOC_STORIES, rows)

    def _backfill_event_keys(self) -> None:
        """Event keys for the events stored before version 2, computed as the write path does."""
        self.execute("DELETE FROM event_keys")
        rows = self.fetch(
            "SELECT e.doc_id, e.event_id, e.cameo, coalesce(e.date_value, d.published) FROM events e "
            "JOIN documents d ON d.doc_id = e.doc_id"
        )
        parties: dict[tuple[str, str, str], list[str]] = {}
        for doc_id, event_id, role, actor in self.fetch(
            "SELECT doc_id, event_id, role, coalesce(actor_id, name) FROM event_actors"
        ):
            parties.setdefault((str(doc_id), str(event_id), str(role)), []).append(str(actor))
        keys = [
            event_key_row(
                str(d),
                str(ev),
                cameo,
                day,
                parties.get((str(d), str(ev), "source"), []),
                parties.get((str(d), str(ev), "target"), []),
            )
            for d, ev, cameo, day in rows
        ]
        if keys:
            self.insert(EVENT_KEYS, keys)

    def rebuild_stories(self) -> int:
        """Recompute every document's signature, links and story (after an upgrade or a threshold change).

        One transaction; returns the number of documents. Reads the texts in chunks of 500.
        """
        with self.transaction():
            return self._rebuild_stories()

    def _rebuild_stories(self) -> int:
        for t in (DOC_MINHASH, DOC_BANDS, DOC_LINKS, DOC_STORIES):
            self.execute(f"DELETE FROM {t.name}")
        ids = [str(r[0]) for r in self.fetch("SELECT doc_id FROM documents ORDER BY doc_id")]
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            rows = self.fetch("SELECT doc_id, text FROM documents WHERE doc_id = ANY(?)", [chunk])
            self._link_documents({str(d): str(t or "") for d, t in rows})
        return len(ids)

    # -- reading -------------------------------------------------------------------------
    def stats(self) -> dict[str, int]:
        """Counts of documents, distinct actors, events, statements, claims, techniques and rejects."""
        out: dict[str, int] = {}
        for key, sql in (
            ("documents", "SELECT count(*) FROM documents"),
            ("actors", "SELECT count(DISTINCT actor_id) FROM actors"),
            ("mentions", "SELECT count(*) FROM mentions"),
            ("events", "SELECT count(*) FROM events"),
            ("statements", "SELECT count(*) FROM statements"),
            ("claims", "SELECT count(*) FROM claims"),
            ("techniques", "SELECT count(*) FROM techniques"),
            ("rejects", "SELECT count(*) FROM rejects"),
        ):
            out[key] = int(self.fetch(sql)[0][0])
        return out

    def rejects(self) -> list[dict[str, str]]:
        """The stored rejections, by source."""
        rows = self.fetch("SELECT source, code, reason FROM rejects ORDER BY source, code, reason")
        return [{"source": r[0], "code": r[1], "reason": r[2]} for r in rows]

    @staticmethod
    def _event_where(flt: EventFilter) -> tuple[list[str], list[Any]]:
        """SQL conditions on ``events e JOIN documents d`` for the filter, and their parameters."""
        where: list[str] = []
        params: list[Any] = []
        for value, role in ((flt.source, "source"), (flt.target, "target"), (flt.actor, None)):
            if value:
                where.append(_ACTOR_MATCH.format(role=f" AND a.role = '{role}'" if role else ""))
                params += [value, value, value]
        if flt.cameo:
            where.append("e.cameo LIKE ?")
            params.append(flt.cameo + "%")
        if flt.status:
            where.append("e.status = ?")
            params.append(flt.status)
        if flt.since:
            where.append(f"{_EVENT_DATE} >= ?")
            params.append(flt.since)
        if flt.until:
            where.append(f"{_EVENT_DATE} <= ?")
            params.append(flt.until)
        return where, params

    def events(self, flt: EventFilter | None = None) -> list[dict[str, Any]]:
        """Event reports (one row per event in each document) with their actors, filtered; oldest first."""
        flt = flt or EventFilter()
        where, params = self._event_where(flt)
        sql = (
            f"SELECT {_EVENT_DATE}, {_NAMES.format(role='source')}, e.cameo, {_NAMES.format(role='target')}, "
            "e.quad_class, e.goldstein, e.status, e.doc_id, e.event_id, d.title, d.url, e.evidence_text "
            "FROM events e JOIN documents d ON d.doc_id = e.doc_id"
        )
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += f" ORDER BY {_EVENT_DATE} NULLS FIRST, e.doc_id, e.event_id"
        if flt.limit is not None:
            sql += " LIMIT ?"
            params.append(int(flt.limit))
        return [dict(zip(EVENT_COLUMNS, r, strict=True)) for r in self.fetch(sql, params)]

    def grouped_events(self, flt: EventFilter | None = None) -> list[dict[str, Any]]:
        """Events, each once with its reports counted: the de-duplicated view of ``events()``.

        Reports are the same event when they share the day, CAMEO code and the sets of source and
        target actors (the ``event_keys`` table), in one document or several. Each row has
        ``num_articles`` (documents), ``num_sources`` (distinct outlets; a document without an
        outlet counts as its own), ``num_stories`` (distinct near-duplicate stories: reports that
        are copies of one wire story count once) and ``doc_ids``/``event_ids`` (the reports, in
        matching order). The filter selects reports; an event is listed when any report matches.
        """
        flt = flt or EventFilter()
        where, params = self._event_where(flt)
        matching = "SELECT e.doc_id, e.event_id FROM events e JOIN documents d ON d.doc_id = e.doc_id"
        if where:
            matching += " WHERE " + " AND ".join(where)
        sql = (
            "SELECT min(k.day), min(r.source), k.cameo, min(r.target), min(e.quad_class), min(e.goldstein), "
            "string_agg(DISTINCT e.status, ';' ORDER BY e.status), count(DISTINCT k.doc_id), "
            f"count(DISTINCT {OUTLET_KEY}), count(DISTINCT coalesce(s.story_id, k.doc_id)), "
            "string_agg(k.doc_id, ' ' ORDER BY k.doc_id, k.event_id), "
            "string_agg(k.event_id, ' ' ORDER BY k.doc_id, k.event_id), min(d.title), min(d.url), k.event_key "
            "FROM event_keys k JOIN events e ON e.doc_id = k.doc_id AND e.event_id = k.event_id "
            "JOIN documents d ON d.doc_id = k.doc_id LEFT JOIN doc_stories s ON s.doc_id = k.doc_id "
            f"JOIN (SELECT e.doc_id, e.event_id, {_NAMES.format(role='source')} AS source, "
            f"{_NAMES.format(role='target')} AS target FROM events e) r "
            "ON r.doc_id = k.doc_id AND r.event_id = k.event_id "
            f"WHERE k.event_key IN (SELECT k2.event_key FROM event_keys k2 JOIN ({matching}) m "
            "ON m.doc_id = k2.doc_id AND m.event_id = k2.event_id) "
            "GROUP BY k.event_key, k.cameo ORDER BY min(k.day) NULLS FIRST, k.event_key"
        )
        if flt.limit is not None:
            sql += " LIMIT ?"
            params.append(int(flt.limit))
        return [dict(zip(GROUPED_EVENT_COLUMNS, r, strict=True)) for r in self.fetch(sql, params)]

    def stories(self, min_articles: int = 2) -> list[dict[str, Any]]:
        """Near-duplicate stories with at least ``min_articles`` documents: story id and its documents."""
        rows = self.fetch(
            f"SELECT s.story_id, count(*), count(DISTINCT {OUTLET_KEY}), "
            "string_agg(s.doc_id, ' ' ORDER BY s.doc_id) FROM doc_stories s JOIN documents d ON d.doc_id = s.doc_id "
            "GROUP BY s.story_id HAVING count(*) >= ? ORDER BY count(*) DESC, s.story_id",
            [min_articles],
        )
        return [{"story_id": r[0], "num_articles": int(r[1]), "num_sources": int(r[2]), "doc_ids": r[3]} for r in rows]

    def snapshot(self) -> dict[str, list[tuple[Any, ...]]]:
        """Every table's key columns, sorted: what two stores must share to hold the same rows."""
        out: dict[str, list[tuple[Any, ...]]] = {}
        for t in ALL_TABLES:
            cols = ", ".join(t.key or t.names)
            out[t.name] = sorted(self.fetch(f"SELECT {cols} FROM {t.name}"), key=_sort_key)
        return out

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _sort_key(row: tuple[Any, ...]) -> str:
    return json.dumps(row, default=str)


def iter_batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """Lists of at most ``size`` items, in order."""
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
