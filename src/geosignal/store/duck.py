"""The embedded backend: one DuckDB file, written in Arrow batches by a single process."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

import duckdb

from .base import Store, StoreError
from .rows import Row, arrow_table
from .schema import Table


class DuckDBStore(Store):
    """A store in a DuckDB file. Only one process may hold it open for writing."""

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
        batch = arrow_table(table, rows)
        view = f"_geosignal_in_{table.name}"
        cols = ", ".join(table.names)
        self.con.register(view, batch)
        try:
            self.con.execute(f"INSERT INTO {table.name} ({cols}) SELECT {cols} FROM {view}")
        finally:
            self.con.unregister(view)

    def load_parquet(self, table: Table, path: Path) -> None:
        """DuckDB reads the segment itself: one INSERT ... SELECT FROM read_parquet."""
        cols = ", ".join(table.names)
        self.con.execute(f"INSERT INTO {table.name} ({cols}) SELECT {cols} FROM read_parquet(?)", [str(path)])

    def table_names(self) -> set[str]:
        """Names of the tables in the main schema."""
        rows = self.fetch("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")
        return {str(r[0]) for r in rows}

    def close(self) -> None:
        """Close the connection (a checkpoint folds the write-ahead log into the file)."""
        self.con.close()
