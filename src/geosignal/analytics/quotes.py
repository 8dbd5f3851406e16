"""Who said what: the stored statements (direct quotes and reported speech), by speaker."""

from __future__ import annotations

from typing import Any

from ..store import Store

QUOTE_COLUMNS = (
    "published",
    "speaker",
    "country",
    "direct",
    "content",
    "cue",
    "outlet",
    "title",
    "url",
    "doc_id",
    "statement_id",
    "speaker_id",
)


def quotes(store: Store, *, speaker: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
    """Statements with their speaker and document, oldest document first.

    ``speaker`` matches like the events filter: the speaker's actor id, name (case-insensitive) or
    country code (``RUS`` gives everything said by Russia's actors). ``limit`` caps the rows.
    """
    where, params = "", list[Any]()
    if speaker:
        where = (
            " WHERE (lower(s.speaker_id) = lower(?) OR lower(s.speaker_name) = lower(?) "
            "OR upper(s.speaker_country) = upper(?))"
        )
        params = [speaker, speaker, speaker]
    sql = (
        "SELECT d.published, s.speaker_name, s.speaker_country, s.direct, s.content_text, s.cue_text, d.outlet, "
        "d.title, d.url, s.doc_id, s.statement_id, s.speaker_id "
        "FROM statements s JOIN documents d ON d.doc_id = s.doc_id"
        f"{where} ORDER BY d.published NULLS FIRST, s.doc_id, s.content_start, s.statement_id"
    )
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    return [dict(zip(QUOTE_COLUMNS, r, strict=True)) for r in store.fetch(sql, params)]
