"""The embedded backend: one DuckDB file, written in Arrow batches by a single process."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa  # type: ignore[import-untyped]

from .base import Store, StoreError
from .rows import Row
from .schema import BIGINT, BOOL, DYADS_ORDER, FLOAT, INT, Table

_ARROW = {INT: pa.int64(), BIGINT: pa.int64(), FLOAT: pa.float64(), BOOL: pa.bool_()}


class DuckDBStore(Store):
    """A store in a DuckDB file. Only one process may hold it open for writing."""

    # hash() is a UBIGINT (one bit less fits a BIGINT) and hashes NULL too, hence the CASE.
    HASH_SQL = "CASE WHEN {0} IS NOT NULL THEN CAST(hash({0}) >> 1 AS BIGINT) END"

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.address = str(path)
        self._read_only = read_only
        try:
            self.con = duckdb.connect(str(path), read_only=read_only)
        except duckdb.IOException as exc:
            if "lock" in str(exc).lower():
                raise StoreError(
                    f"{path} is open for writing by another process (a DuckDB store has one writer at a time): {exc}"
                ) from None
            raise StoreError(f"cannot open the store {path}: {exc}") from None
        except duckdb.Error as exc:
            raise StoreError(f"cannot open the store {path}: {exc}") from None

    @property
    def writable(self) -> bool:
        """False when opened read-only."""
        return not self._read_only

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        """Run one statement that returns no rows."""
        self.con.execute(sql, list(params))

    def fetch(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Run one parameterised query and return its rows."""
        return self.con.execute(sql, list(params)).fetchall()

    def stream(self, sql: str, params: Sequence[Any] = (), size: int = 10_000) -> Iterator[list[tuple[Any, ...]]]:
        """Run one query and yield its rows in lists of at most ``size``."""
        cur = self.con.cursor()  # its own cursor, so other queries can run while this one is read
        try:
            cur.execute(sql, list(params))
            while rows := cur.fetchmany(size):
                yield rows
        finally:
            cur.close()

    def copy_csv(self, sql: str, path: str, *, delimiter: str = ",", header: bool = True) -> None:
        """COPY the query's rows to a CSV file (DuckDB writes it; quoting only where a field needs it)."""
        sep = delimiter.replace("'", "''")
        self.con.execute(
            f"COPY ({sql}) TO '{_quote_path(path)}' (FORMAT csv, DELIMITER '{sep}', HEADER {str(header).lower()})"
        )

    def copy_parquet(self, sql: str, path: str, partition_by: str) -> None:
        """COPY the query's rows to a Hive-partitioned Parquet folder (one subfolder per key value)."""
        self.con.execute(
            f"COPY ({sql}) TO '{_quote_path(path)}' "
            f"(FORMAT parquet, PARTITION_BY ({partition_by}), OVERWRITE_OR_IGNORE)"
        )

    def transaction(self) -> AbstractContextManager[None]:
        """A transaction: committed when the block ends, rolled back if it raises."""
        return self._transaction()

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self.con.begin()
        try:
            yield
        except BaseException:
            self.con.rollback()
            raise
        self.con.commit()

    def insert(self, table: Table, rows: list[Row]) -> None:
        """Insert the rows as one Arrow table: a single INSERT ... SELECT, not one per row."""
        columns = list(zip(*rows, strict=True))
        arrays = [
            pa.array(col, type=_ARROW.get(typ, pa.string()))
            for col, (_, typ) in zip(columns, table.columns, strict=True)
        ]
        batch = pa.Table.from_arrays(arrays, names=table.names)
        view = f"_geosignal_in_{table.name}"
        cols = ", ".join(table.names)
        self.con.register(view, batch)
        try:
            self.con.execute(f"INSERT INTO {table.name} ({cols}) SELECT {cols} FROM {view}")
        finally:
            self.con.unregister(view)

    def cluster_dyads(self, *, threshold: float = 0.1) -> bool:
        """Rewrite event_dyads sorted by pair when at least ``threshold`` of it is new since the last time.

        DuckDB skips row groups whose min/max exclude a filter (zone maps), so with each pair's rows
        together a dyad or a country reads a few row groups instead of every one. Rows written since
        (appended at the end) are read in full until the next clustering. One transaction: a run
        killed during it leaves the table as it was. The table comment records the clustered count.
        """
        total = int(self.fetch("SELECT count(*) FROM event_dyads")[0][0])
        rows = self.fetch(
            "SELECT comment FROM duckdb_tables() WHERE table_name = 'event_dyads' AND schema_name = current_schema()"
        )
        comment = str(rows[0][0] or "") if rows else ""
        done = int(comment.split("=", 1)[1]) if comment.startswith("clustered_rows=") else 0
        if total == 0 or (threshold > 0 and total - done < threshold * total):
            return False
        with self.transaction():
            # A sorted copy replaces the table, and its doc_id index is built afresh in bulk: much
            # faster than deleting and re-inserting rows one index entry at a time.
            self.execute(f"CREATE TABLE _geosignal_dyads AS SELECT * FROM event_dyads ORDER BY {DYADS_ORDER}")
            self.execute("DROP INDEX IF EXISTS event_dyads_doc")
            self.execute("DROP TABLE event_dyads")
            self.execute("ALTER TABLE _geosignal_dyads RENAME TO event_dyads")
            self.execute("CREATE INDEX event_dyads_doc ON event_dyads (doc_id)")
            self.execute(f"COMMENT ON TABLE event_dyads IS 'clustered_rows={total}'")
        self.execute("CHECKPOINT")  # drop the emptied row groups now
        return True

    def table_names(self) -> set[str]:
        """Names of the tables in the main schema."""
        rows = self.fetch("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")
        return {str(r[0]) for r in rows}

    def close(self) -> None:
        """Close the connection (a checkpoint folds the write-ahead log into the file)."""
        self.con.close()


def _quote_path(path: str) -> str:
    """A path as the body of a SQL string literal."""
    return str(path).replace("'", "''")
