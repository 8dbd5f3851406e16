"""``geosignal kb resolve``: the best KB entry for a name, descriptor or demonym phrase."""

from __future__ import annotations

from datetime import date
from typing import Any

from ..errors import Errors, UsageError


def parse_day(on: str | None) -> date | None:
    """A YYYY-MM-DD option value as a date (None stays None), or UsageError."""
    if on is None:
        return None
    try:
        return date.fromisoformat(on)
    except ValueError as exc:
        raise UsageError(Errors.E040.format(value=on)) from exc


def kb_resolve(name: str, on: str | None = None) -> dict[str, Any] | None:
    """The JSON summary (id, name, type, country, sector, role, wikidata) of the best match, or None."""
    from ..pipeline import knowledge_base
    from ..resolve.phrase import resolve_text

    return resolve_text(knowledge_base(), name, parse_day(on))
