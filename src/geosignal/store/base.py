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
from .rows import Row, TableRows, batch_rows, replaced_keys
from .schema import ALL_TABLES, DOC_TABLES, DOCUMENTS, MIGRATIONS, SCHEMA_VERSION, Table

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
                    self.execute(stmt)
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
            for t in ALL_TABLES:
                load(t)

    def load_parquet(self, table: Table, path: Path) -> None:
        """Append a Parquet file's rows to the table (backends may read the file themselves)."""
        import pyarrow.parquet as pq  # type: ignore[import-untyped]

        data = pq.read_table(path, columns=table.names)
        rows = [tuple(r[c] for c in table.names) for r in data.to_pylist()]
        if rows:
            self.insert(table, rows)

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
