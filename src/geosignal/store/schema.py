"""The store's schema: one table list for both backends, and the migrations that build it.

Every table but ``rejects`` and ``schema_version`` carries ``doc_id``: re-ingesting a document
deletes its rows in every table and inserts the new ones in the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass

# The version this release writes. A store at an older version is upgraded on open by running
# MIGRATIONS[v] for v in its version .. SCHEMA_VERSION - 1; a newer one is refused.
SCHEMA_VERSION = 6

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
    enforced: bool = True  # False: the key holds by construction and is not declared (no index to keep up)

    @property
    def names(self) -> list[str]:
        """The column names in order."""
        return [c for c, _ in self.columns]

    def ddl(self) -> str:
        """The CREATE TABLE statement (the same SQL for DuckDB and PostgreSQL)."""
        cols = [f"{c} {t}" for c, t in self.columns]
        if self.key and self.enforced:
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
        ("date_scope", TEXT),  # version 5: sentence, paragraph or mention (where the date was found)
        ("habitual", BOOL),  # version 5: a habit or custom, not one act
        ("date_end", TEXT),  # version 6: the last year of a range of years (date_value is its first)
    ),
    ("doc_id", "event_id"),
)
# Version 5: every mention of an event in its document (an event reported twice is one event).
EVENT_MENTIONS = Table(
    "event_mentions",
    (("doc_id", TEXT), ("event_id", TEXT), ("seq", INT), *_span("trigger"), *_span("evidence"), ("status", TEXT)),
    ("doc_id", "event_id", "seq"),
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
        ("speaker_kind", TEXT),  # version 4: document, group, pronoun or unstated for a speaker that is no actor
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
DOC_LINKS = Table("doc_links", (("doc_id", TEXT), ("other_id", TEXT), ("similarity", FLOAT)), ("doc_id", "other_id"))
# The story of each document: the smallest doc_id of its connected component of links.
DOC_STORIES = Table("doc_stories", (("doc_id", TEXT), ("story_id", TEXT)), ("doc_id",))
DEDUP_TABLES: tuple[Table, ...] = (DOC_MINHASH, DOC_BANDS, DOC_LINKS, DOC_STORIES)

# Keyed by the rejected input (a file, or file:line for JSON Lines records).
REJECTS = Table("rejects", (("source", TEXT), ("code", TEXT), ("reason", TEXT)))
# Derived, not written by callers: for every event and every two different countries on its opposite
# sides (one among the sources, the other among the targets), one row from each country's point of
# view: `state`, its `partner`, and whether the state `sent` (was a source) and/or `received` (was a
# target) the event; "Russia and North Korea met" gives RUS/PRK and PRK/RUS rows with both set. The
# rows carry what the analytics aggregate, as integers where they are read: the pair's and the state's
# keys (see state_key), the event's own date as `day` (yyyymmdd; yyyymm00 for a month, yyyy0000 for a
# year, NULL when undated or vaguer), status, quad class, Goldstein score, and hashes of the outlet and
# doc_id for counting sources and articles. `relations`, `blocs` and the graph export read only this
# table; with one row per event and pair (nothing to de-duplicate at query time), integer columns,
# and rows kept clustered by pair_key (Store.cluster_dyads), a dyad or a country reads a few
# contiguous row groups: that keeps `relations` under 0.5 s on 10 million events (docs/benchmarks.md).
# write_batch refills it for the documents it writes, with DERIVE_DYADS (its GROUP BY makes the key).
EVENT_DYADS = Table(
    "event_dyads",
    (
        ("doc_id", TEXT),
        ("event_id", TEXT),
        ("state", TEXT),
        ("partner", TEXT),
        ("pair_key", INT),
        ("state_key", INT),
        ("sent", INT),
        ("received", INT),
        ("day", INT),
        ("status", TEXT),
        ("quad_class", INT),
        ("goldstein", FLOAT),
        ("outlet_key", BIGINT),
        ("doc_key", BIGINT),
        ("event_hash", BIGINT),  # version 4: the hashed event_keys key; reports of one event share it
    ),
    ("doc_id", "event_id", "state", "partner"),
    enforced=False,
)

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
DOC_TABLES: tuple[Table, ...] = (*_V1_DOC_TABLES, EVENT_KEYS, EVENT_DYADS, EVENT_MENTIONS)
ALL_TABLES: tuple[Table, ...] = (*DOC_TABLES, REJECTS, *DEDUP_TABLES)
# The tables an analysis or a rejection writes rows into (the engines' segments hold these); the
# others (event_dyads, the near-duplicate tables) are derived by the store in the same transaction.
ROW_TABLES: tuple[Table, ...] = (*_V1_DOC_TABLES, EVENT_KEYS, EVENT_MENTIONS, REJECTS)
V1_TABLES: tuple[Table, ...] = (*_V1_DOC_TABLES, REJECTS)


def state_key_sql(expr: str) -> str:
    """SQL for a state code's integer key: AAA..ZZZ -> 0..17575 (base 26), NULL for any other code."""
    letters = [f"ascii(substr({expr}, {i}, 1))" for i in (1, 2, 3)]
    ok = " AND ".join(f"{c} BETWEEN 65 AND 90" for c in letters)
    value = f"({letters[0]} - 65) * 676 + ({letters[1]} - 65) * 26 + ({letters[2]} - 65)"
    return f"CASE WHEN length({expr}) = 3 AND {ok} THEN {value} END"


def state_key(code: str) -> int | None:
    """The integer key of a state code, as state_key_sql computes it in the database."""
    if len(code) != 3 or not all("A" <= ch <= "Z" for ch in code):
        return None
    return (ord(code[0]) - 65) * 676 + (ord(code[1]) - 65) * 26 + (ord(code[2]) - 65)


STATE_KEYS = 17576  # 26 ** 3: pair_key = a_key * STATE_KEYS + b_key
# The date as an integer; a value that does not fit its precision is NULL (the event counts as undated).
_DAY = (
    "CASE WHEN e.date_precision = 'day' AND length(e.date_value) = 10 "
    "THEN CAST(replace(e.date_value, '-', '') AS INTEGER) "
    "WHEN e.date_precision = 'month' AND length(e.date_value) = 7 "
    "THEN CAST(replace(e.date_value, '-', '') AS INTEGER) * 100 "
    "WHEN e.date_precision = 'year' AND length(e.date_value) = 4 THEN CAST(e.date_value AS INTEGER) * 10000 END"
)
# Fill event_dyads from the stored events. {where} narrows it to some documents; {doc_key},
# {outlet_key} and {event_hash} are the backend's SQL hashing e.doc_id, d.outlet and k.event_key to a
# BIGINT (Store.HASH_SQL).
DERIVE_DYADS = (
    f"INSERT INTO event_dyads ({', '.join(EVENT_DYADS.names)}) "
    f"SELECT e.doc_id, e.event_id, x.country, y.country, ({state_key_sql('x.country')}) * {STATE_KEYS} "
    f"+ ({state_key_sql('y.country')}), {state_key_sql('x.country')}, "
    "max(CASE WHEN x.role = 'source' THEN 1 ELSE 0 END), max(CASE WHEN x.role = 'target' THEN 1 ELSE 0 END), "
    f"{_DAY}, e.status, e.quad_class, e.goldstein, {{outlet_key}}, {{doc_key}}, {{event_hash}} FROM events e "
    "JOIN event_actors x ON x.doc_id = e.doc_id AND x.event_id = e.event_id "
    "JOIN event_actors y ON y.doc_id = e.doc_id AND y.event_id = e.event_id AND y.role <> x.role "
    "JOIN documents d ON d.doc_id = e.doc_id "
    "JOIN event_keys k ON k.doc_id = e.doc_id AND k.event_id = e.event_id "
    "WHERE x.country IS NOT NULL AND y.country IS NOT NULL AND x.country <> y.country{where} "
    "GROUP BY e.doc_id, e.event_id, x.country, y.country, e.date_value, e.date_precision, e.status, e.quad_class, "
    "e.goldstein, d.outlet, k.event_key"
)
# The order event_dyads is rewritten in (Store.cluster_dyads): each pair's rows together.
DYADS_ORDER = "pair_key, day"


def fill_hashes(sql: str, hash_sql: str) -> str:
    """A statement for one backend: {doc_key} and {outlet_key} become its SQL hashing ``{0}`` to a BIGINT."""
    return (
        sql.replace("{doc_key}", hash_sql.format("e.doc_id"))
        .replace("{outlet_key}", hash_sql.format("d.outlet"))
        .replace("{event_hash}", hash_sql.format("k.event_key"))
    )


def derive_dyads_sql(hash_sql: str, where: str = "") -> str:
    """DERIVE_DYADS for one backend, narrowed by ``where`` (SQL starting with AND)."""
    return fill_hashes(DERIVE_DYADS.replace("{where}", where), hash_sql)


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


def _v2_to_v3() -> list[str]:
    # The derived dyad table for the analytics, filled from what a version-2 store already holds.
    return [
        EVENT_DYADS.ddl(),
        "CREATE INDEX IF NOT EXISTS event_dyads_doc ON event_dyads (doc_id)",
        DERIVE_DYADS.replace("{where}", ""),  # Store.migrate fills in the backend's hash SQL
    ]


def _v3_to_v4() -> list[str]:
    # A speaker that is no actor ("the statement said", "the parties") says what it is. Version 1
    # is created from today's table list, so a new store has the column already.
    # DuckDB alters no table an index depends on: the index is dropped and built again.
    return [
        "DROP INDEX IF EXISTS statements_doc",
        "ALTER TABLE statements ADD COLUMN IF NOT EXISTS speaker_kind TEXT",
        "CREATE INDEX IF NOT EXISTS statements_doc ON statements (doc_id)",
        # event_dyads gains each report's event key, so the analytics count events, not reports:
        # derived data, so it is built again from the stored events.
        "DROP TABLE IF EXISTS event_dyads",
        EVENT_DYADS.ddl(),
        "CREATE INDEX IF NOT EXISTS event_dyads_doc ON event_dyads (doc_id)",
        DERIVE_DYADS.replace("{where}", ""),
    ]


def _v4_to_v5() -> list[str]:
    # Where an event's date was found, whether it is a habit, and its further mentions: what the
    # analysis says, kept (events stored before have none: NULL scope, no mentions).
    return [
        "DROP INDEX IF EXISTS events_doc",
        "ALTER TABLE events ADD COLUMN IF NOT EXISTS date_scope TEXT",
        "ALTER TABLE events ADD COLUMN IF NOT EXISTS habitual BOOLEAN",
        "CREATE INDEX IF NOT EXISTS events_doc ON events (doc_id)",
        EVENT_MENTIONS.ddl(),
        "CREATE INDEX IF NOT EXISTS event_mentions_doc ON event_mentions (doc_id)",
    ]


def _v5_to_v6() -> list[str]:
    # The last year of an event dated by a range of years ("the 1950-53 war"); NULL before.
    return [
        "DROP INDEX IF EXISTS events_doc",
        "ALTER TABLE events ADD COLUMN IF NOT EXISTS date_end TEXT",
        "CREATE INDEX IF NOT EXISTS events_doc ON events (doc_id)",
    ]


# MIGRATIONS[v] takes a store from version v to v + 1 (version 0 is an empty database).
MIGRATIONS: dict[int, list[str]] = {
    0: _v0_to_v1(),
    1: _v1_to_v2(),
    2: _v2_to_v3(),
    3: _v3_to_v4(),
    4: _v4_to_v5(),
    5: _v5_to_v6(),
}
