"""The shared-server backend: PostgreSQL through psycopg 3, loaded with COPY."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import Any

import psycopg

from .base import Store, StoreError
from .rows import Row
from .schema import Table


def _redact(url: str) -> str:
    """The address without its password, for messages."""
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        creds, host = rest.rsplit("@", 1)
        return f"{scheme}://{creds.split(':', 1)[0]}@{host}"
    return url


class PostgresStore(Store):
    """A store in a PostgreSQL database (the tables live in the connection's current schema)."""

    HASH_SQL = "hashtextextended({0}, 0)"

    def __init__(self, url: str) -> None:
        self.address = _redact(url)
        try:
            self.conn: psycopg.Connection[tuple[Any, ...]] = psycopg.connect(url, autocommit=True)
        except psycopg.Error as exc:
            raise StoreError(f"cannot connect to {self.address}: {str(exc).strip()}") from None

    @staticmethod
    def _sql(sql: str) -> str:
        return sql.replace("?", "%s")

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        """Run one statement that returns no rows."""
        with self.conn.cursor() as cur:
            cur.execute(self._sql(sql), list(params))

    def fetch(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Run one parameterised query and return its rows."""
        with self.conn.cursor() as cur:
            cur.execute(self._sql(sql), list(params))
            return cur.fetchall()

    def stream(self, sql: str, params: Sequence[Any] = (), size: int = 10_000) -> Iterator[list[tuple[Any, ...]]]:
        """Run one query through a server-side cursor and yield its rows in lists of at most ``size``."""
        with self.conn.transaction(), self.conn.cursor(name="geosignal_stream") as cur:
            cur.execute(self._sql(sql), list(params))
            while rows := cur.fetchmany(size):
                yield rows

    def copy_csv(self, sql: str, path: str, *, delimiter: str = ",", header: bool = True) -> None:
        """COPY the query's rows out of the server in CSV, block by block, into a local file."""
        sep = delimiter.replace("'", "''")
        with (
            open(path, "wb") as out,
            self.conn.cursor() as cur,
            cur.copy(f"COPY ({sql}) TO STDOUT (FORMAT csv, DELIMITER E'{sep}', HEADER {str(header).lower()})") as copy,
        ):
            for block in copy:
                out.write(block)

    def transaction(self) -> AbstractContextManager[None]:
        """A transaction: committed when the block ends, rolled back if it raises."""
        return self._transaction()

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        with self.conn.transaction():
            yield

    def insert(self, table: Table, rows: list[Row]) -> None:
        """Stream the rows into the table with one COPY."""
        cols = ", ".join(table.names)
        with self.conn.cursor() as cur, cur.copy(f"COPY {table.name} ({cols}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)

    def table_names(self) -> set[str]:
        """Names of the tables in the current schema."""
        rows = self.fetch("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")
        return {str(r[0]) for r in rows}

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()
