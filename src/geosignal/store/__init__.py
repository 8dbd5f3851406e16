"""The event store: one schema in DuckDB (embedded, the default) or PostgreSQL (shared server).

``open_store(address)`` picks the backend: ``postgresql://...`` (or ``postgres://``) is a server,
anything else a DuckDB file. One process owns a DuckDB file for writing at a time.
"""

from __future__ import annotations

import os
from pathlib import Path

from .base import EVENT_COLUMNS, GROUPED_EVENT_COLUMNS, EventFilter, Store, StoreError
from .schema import SCHEMA_VERSION

DEFAULT_DB = "geosignal.duckdb"

__all__ = [
    "DEFAULT_DB",
    "EVENT_COLUMNS",
    "GROUPED_EVENT_COLUMNS",
    "SCHEMA_VERSION",
    "EventFilter",
    "Store",
    "StoreError",
    "is_postgres",
    "open_store",
    "resolve_db",
]


def resolve_db(db: str | None) -> str:
    """The store address: ``--db``, else ``GEOSIGNAL_DB``, else ``./geosignal.duckdb``."""
    return db or os.environ.get("GEOSIGNAL_DB") or DEFAULT_DB


def is_postgres(address: str) -> bool:
    """True when the address names a PostgreSQL server."""
    return address.startswith(("postgresql://", "postgres://"))


def open_store(db: str | None = None, *, read_only: bool = False) -> Store:
    """Open (creating or upgrading as needed) the store at ``db``.

    ``read_only`` opens an existing DuckDB file for reading, so readers can run beside each
    other; it raises StoreError when there is no store there yet.
    """
    address = resolve_db(db)
    store: Store
    if is_postgres(address):
        from .pg import PostgresStore

        store = PostgresStore(address)
    else:
        from .duck import DuckDBStore

        path = Path(address)
        if read_only and not path.exists():
            raise StoreError(f"no store at {path}: run `geosignal ingest PATH... --db {path}` first")
        store = DuckDBStore(path, read_only=read_only)
    try:
        store.migrate()
    except StoreError:
        if not store.writable:  # an old schema: reopen for writing once to upgrade it
            store.close()
            return open_store(address)
        store.close()
        raise
    except Exception:
        store.close()
        raise
    return store
