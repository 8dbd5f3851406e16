"""The web application: ``geosignal serve`` (a JSON API and an offline dashboard over the store)."""

from __future__ import annotations

from .app import DEFAULT_MAX_BODY, create_app

__all__ = ["DEFAULT_MAX_BODY", "create_app", "serve"]


def serve(
    db: str | None = None,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    allow_writes: bool = False,
    max_body: int = DEFAULT_MAX_BODY,
) -> None:
    """Serve the store at ``db`` until interrupted: read-only unless ``allow_writes``.

    A read-only server opens a DuckDB store read-only, so other readers can share the file
    (but no ingest can write it while the server runs). Raises StoreError if it cannot be opened.
    """
    import uvicorn

    from ..store import open_store

    with open_store(db, read_only=not allow_writes) as store:
        app = create_app(store, allow_writes=allow_writes, max_body=max_body)
        uvicorn.run(app, host=host, port=port, log_level="info", server_header=False)
