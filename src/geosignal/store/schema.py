"""The store's schema: one table list for both backends, and the migrations that build it.

Every table but ``rejects`` and ``schema_version`` carries ``doc_id``: re-ingesting a document
deletes its rows in every table and inserts the new ones in the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass

# The version this release writes. A store at an older version is upgraded on open by running
# MIGRATIONS[v] for v in its version .. SCHEMA_VERSION - 1; a newer one is refused.
SCHEMA_VERSION = 2

TEXT = "TEXT"
INT = "INTEGER"
BIGINT = "BIGINT"
FLOAT = "DOUBLE PRECISION"
BOOL = "BOOLEAN"


@dataclass(frozen=True, slots=True)
class Table:
    """A table: its columns (name, SQL type) in order and its primary key."""

    name: str
    columns: tuple[tuple[str, str], ...]
    key: tuple[str, ...] = ()

    @property
    def names(self) -> list[str]:
        """The column names in order."""
        return [c for c, _ in self.columns]

    def ddl(self) -> str:
        """The CREATE TABLE statement (the same SQL for DuckDB and PostgreSQL)."""
        cols = [f"{c} {t}" for c, t in self.columns]
        if self.key:
            cols.append(f"PRIMARY KEY ({', '.join(self.key)})")
        return f"CREATE TABLE IF NOT EXISTS {self.name} ({', '.join(cols)})"


def _span(prefix: str) -> tuple[tuple[str, str], ...]:
    return ((f"{prefix}_start", INT), (f"{prefix}_end", INT), (f"{prefix}_text", TEXT))


DOCUMENTS = Table(
    "documents",
    (
        ("doc_id", TEXT),
        ("content_hash", TEXT),
        ("source", TEXT),
        ("url", TEXT),
        ("title", TEXT),
        ("outlet", TEXT),
        ("published", TEXT),
        ("language", TEXT),
        ("text", TEXT),
        ("warnings", TEXT),  # JSON array
        ("analysis_schema", TEXT),
    ),
    ("doc_id",),
)
ACTORS = Table(
    "actors",
    (
        ("doc_id", TEXT),
        ("actor_id", TEXT),
        ("name", TEXT),
        ("type", TEXT),
        ("country", TEXT),
        ("sector", TEXT),
        ("role", TEXT),
        ("wikidata", TEXT),
        ("known", BOOL),
    ),
    ("doc_id", "actor_id"),
)
MENTIONS = Table(
    "mentions",
    (
        ("doc_id", TEXT),
        ("actor_id", TEXT),
        ("seq", INT),
        ("start_char", INT),
        ("end_char", INT),
        ("text", TEXT),
        ("kind", TEXT),
        ("sector", TEXT),
    ),
    ("doc_id", "actor_id", "seq"),
)
EVENTS = Table(
    "events",
    (
        ("doc_id", TEXT),
        ("event_id", TEXT),
        ("cameo", TEXT),
        ("plover_type", TEXT),
        ("plover_mode", TEXT),
        ("plover", TEXT),  # JSON object
        ("quad_class", INT),
        ("goldstein", FLOAT),
        ("date_value", TEXT),
        ("date_precision", TEXT),
        ("historical", BOOL),
        ("date_basis", TEXT),
        ("status", TEXT),
        *_span("trigger"),
        *_span("evidence"),
        ("location_name", TEXT),
        ("location_country", TEXT),
        ("lat", FLOAT),
        ("lon", FLOAT),
        ("geonameid", BIGINT),
        ("statement_id", TEXT),
        ("confidence", FLOAT),
    ),
    ("doc_id", "event_id"),
)
EVENT_ACTORS = Table(
    "event_actors",
    (
        ("doc_id", TEXT),
        ("event_id", TEXT),
        ("role", TEXT),  # source or target
        ("seq", INT),
        ("actor_id", TEXT),
        ("name", TEXT),
        ("country", TEXT),
        ("sector", TEXT),
    ),
    ("doc_id", "event_id", "role", "seq"),
)
STATEMENTS = Table(
    "statements",
    (
        ("doc_id", TEXT),
        ("statement_id", TEXT),
        ("speaker_id", TEXT),
        ("speaker_name", TEXT),
        ("speaker_country", TEXT),
        ("speaker_sector", TEXT),
        ("direct", BOOL),
        *_span("content"),
        *_span("evidence"),
        *_span("cue"),
        ("channel", TEXT),  # JSON array of actor references
    ),
    ("doc_id", "statement_id"),
)
CLAIMS = Table(
    "claims",
    (
        ("doc_id", TEXT),
        ("seq", INT),
        ("start_char", INT),
        ("end_char", INT),
        ("text", TEXT),
        ("status", TEXT),
        ("cues", TEXT),  # JSON array of spans
        ("statement_id", TEXT),
    ),
    ("doc_id", "seq"),
)
TECHNIQUES = Table(
    "techniques",
    (
        ("doc_id", TEXT),
        ("seq", INT),
        ("technique", TEXT),
        ("start_char", INT),
        ("end_char", INT),
        ("text", TEXT),
        ("voice", TEXT),
        ("score", FLOAT),
    ),
    ("doc_id", "seq"),
)
# Near-duplicate stories (version 2; see store/minhash.py). Written with the document in the same
# transaction, so re-ingesting it replaces them like every other row of the document.
DOC_MINHASH = Table("doc_minhash", (("doc_id", TEXT), ("signature", TEXT)), ("doc_id",))  # hex MinHash
DOC_BANDS = Table("doc_bands", (("doc_id", TEXT), ("band", INT), ("hash", BIGINT)), ("doc_id", "band"))
# A verified near-duplicate pair, stored both ways round (doc_id, other) and (other, doc_id).
DOC_LINKS = Table(
    "doc_links", (("doc_id", TEXT), ("other_id", TEXT), ("similarity", FLOAT)), ("doc_id", "other_id")
)
# The story of each document: the smallest doc_id of its connected component of links.
DOC_STORIES = Table("doc_stories", (("doc_id", TEXT), ("story_id", TEXT)), ("doc_id",))
DEDUP_TABLES: tuple[Table, ...] = (DOC_MINHASH, DOC_BANDS, DOC_LINKS, DOC_STORIES)

# Keyed by the rejected input (a file, or file:line for JSON Lines records).
REJECTS = Table("rejects", (("source", TEXT), ("code", TEXT), ("reason", TEXT)))

# One row per event report with the key that says which reports are the same event (version 2):
# the same day (the event's date, else the document's), CAMEO code and sets of source and target
# actors (actor ids, sorted, ';'-joined), in any documents. An undated report is its own event
# (its key carries its document and event ids). Written from the analysis like the events.
EVENT_KEYS = Table(
    "event_keys",
    (
        ("doc_id", TEXT),
        ("event_id", TEXT),
        ("day", TEXT),
        ("cameo", TEXT),
        ("source_key", TEXT),
        ("target_key", TEXT),
        ("event_key", TEXT),
    ),
    ("doc_id", "event_id"),
)
_V1_DOC_TABLES = (DOCUMENTS, ACTORS, MENTIONS, EVENTS, EVENT_ACTORS, STATEMENTS, CLAIMS, TECHNIQUES)
DOC_TABLES: tuple[Table, ...] = (*_V1_DOC_TABLES, EVENT_KEYS)
ALL_TABLES: tuple[Table, ...] = (*DOC_TABLES, REJECTS, *DEDUP_TABLES)
V1_TABLES: tuple[Table, ...] = (*_V1_DOC_TABLES, REJECTS)



def _v0_to_v1() -> list[str]:
    # Frozen as version 1 shipped: later tables come from later migrations.
    stmts = ["CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"]
    stmts += [t.ddl() for t in V1_TABLES]
    stmts += [f"CREATE INDEX IF NOT EXISTS {t.name}_doc ON {t.name} (doc_id)" for t in _V1_DOC_TABLES[1:]]
    stmts.append("CREATE INDEX IF NOT EXISTS rejects_source ON rejects (source)")
    return stmts


def _v1_to_v2() -> list[str]:
    """Near-duplicate stories and event keys.

    The documents already stored get their signatures, links, stories and event keys from
    ``Store.rebuild_stories``, which ``Store.migrate`` runs in the same transaction.
    """
    stmts = [t.ddl() for t in (EVENT_KEYS, *DEDUP_TABLES)]
    stmts.append("CREATE INDEX IF NOT EXISTS event_keys_doc ON event_keys (doc_id)")
    stmts.append("CREATE INDEX IF NOT EXISTS event_keys_key ON event_keys (event_key)")
    stmts.append("CREATE INDEX IF NOT EXISTS doc_bands_hash ON doc_bands (band, hash)")
    stmts.append("CREATE INDEX IF NOT EXISTS doc_links_other ON doc_links (other_id)")
    stmts.append("CREATE INDEX IF NOT EXISTS doc_stories_story ON doc_stories (story_id)")
    return stmts


# MIGRATIONS[v] takes a store from version v to v + 1 (version 0 is an empty database).
MIGRATIONS: dict[int, list[str]] = {0: _v0_to_v1(), 1: _v1_to_v2()}
