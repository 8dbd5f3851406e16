"""The store API shared by both backends: open and migrate, write a batch, read back.

SQL here is written once with ``?`` placeholders; the PostgreSQL backend turns them into
psycopg's ``%s``. Values always travel as parameters, never inside the SQL text.
"""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any

from ..errors import GeosignalError
from ..model import Rejection
from .rows import Row, analysis_rows
from .schema import (
    ALL_TABLES,
    DOC_TABLES,
    MIGRATIONS,
    REJECTS,
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
        by_id: dict[str, dict[str, Any]] = {}
        for rec in records:
            by_id[str(rec["document"]["id"])] = rec
        rows: dict[str, list[Row]] = {t.name: [] for t in ALL_TABLES}
        sources: list[str] = []
        for rec in by_id.values():
            for name, got in analysis_rows(rec).items():
                rows[name].extend(got)
            if rec["document"].get("source"):
                sources.append(str(rec["document"]["source"]))
        rejected = list(dict.fromkeys((r.source, r.code, r.reason) for r in rejections))
        sources.extend(r[0] for r in rejected)
        rows[REJECTS.name] = list(rejected)
        with self.transaction():
            if by_id:
                for t in DOC_TABLES:
                    self.execute(f"DELETE FROM {t.name} WHERE doc_id = ANY(?)", [list(by_id)])
            if sources:
                self.execute("DELETE FROM rejects WHERE source = ANY(?)", [sorted(set(sources))])
            for t in ALL_TABLES:
                if rows[t.name]:
                    self.insert(t, rows[t.name])
            if by_id:
                # The documents named on every table, so no engine has to scan the others' rows.
                only = " AND e.doc_id = ANY(?) AND x.doc_id = ANY(?) AND y.doc_id = ANY(?) AND d.doc_id = ANY(?)"
                self.execute(derive_dyads_sql(self.HASH_SQL, only), [list(by_id)] * 4)
        return len(by_id)

    def cluster_dyads(self, *, threshold: float = 0.1) -> bool:
        """Rewrite event_dyads in pair order when enough rows arrived since the last time; True if it did.

        A backend whose engine needs it overrides this (DuckDB: the analytics read a pair's rows
        from a few row groups only when they are stored together). ``threshold`` is the share of
        rows written since the last clustering that triggers a rewrite (0 forces one).
        """
        return False

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

    def events(self, flt: EventFilter | None = None) -> list[dict[str, Any]]:
        """Events with their source and target actors, filtered; oldest first."""
        flt = flt or EventFilter()
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
