"""``geosignal kb resolve``: the best KB entry for a name, descriptor or demonym phrase."""

from __future__ import annotations

from datetime import date
from typing import Any

from ..errors import Errors, UsageError


def _parse(on: str | None) -> date | None:
    if on is None:
        return None
    try:
        return date.fromisoformat(on)
    except ValueError as exc:
        raise UsageError(Errors.E040.format(value=on)) from exc




def kb_resolve(name: str, on: str | None = None) -> dict[str, Any] | None:
    """The JSON summary (id, name, type, country, sector, role, wikidata) of the best match, or None."""
    from ..pipeline import knowledge_base

    when = _parse(on)
    kb = knowledge_base()
    entry = kb.resolve(name, when)
    if entry is not None:
        return entry.describe(when)
    # Descriptors and nationality phrases go through the same resolver as article text;
    # only then may a misspelling match a name.
    from ..resolve.phrase import resolve_phrase

    found = resolve_phrase(kb, name, when)
    if found is None and (entry := kb.fuzzy(name)) is not None:
        found = entry.describe(when)
    return found
