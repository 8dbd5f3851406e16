"""The store on both backends, with hand-made analyses (no spaCy model needed)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from geosignal.model import (
    Actor,
    ActorRef,
    Analysis,
    Claim,
    Document,
    Event,
    EventDate,
    Mention,
    Rejection,
    Span,
    Statement,
    Technique,
)
from geosignal.store import SCHEMA_VERSION, EventFilter, Store, StoreError, open_store
from geosignal.store import schema as schema_mod

PG_SKIP = "GEOSIGNAL_TEST_PG is not set: no PostgreSQL server configured (.ci/run starts one and sets it)"


def pg_url(schema: str) -> str:
    base = os.environ["GEOSIGNAL_TEST_PG"]
    return base + ("&" if "?" in base else "?") + f"options=-csearch_path%3D{schema}"


@pytest.fixture
def pg_schema() -> Iterator[str]:
    yield from fresh_pg_schema()


def fresh_pg_schema() -> Iterator[str]:
    """A fresh PostgreSQL schema for one test, dropped afterwards; the URL selects it."""
    if not os.environ.get("GEOSIGNAL_TEST_PG"):
        pytest.skip(PG_SKIP)
    import psycopg

    name = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(os.environ["GEOSIGNAL_TEST_PG"], autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {name}")
    try:
        yield pg_url(name)
    finally:
        with psycopg.connect(os.environ["GEOSIGNAL_TEST_PG"], autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {name} CASCADE")


@pytest.fixture(params=["duckdb", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A store address for each backend."""
    if request.param == "duckdb":
        return str(tmp_path / "store.duckdb")
    url: str = request.getfixturevalue("pg_schema")
    return url


def record(
    doc_id: str, text: str = "Russia and North Korea signed a pact.", published: str = "2023-11-29"
) -> dict[str, Any]:
    rus = Actor("state:RUS", "Russia", "state", "RUS", mentions=[Mention(0, 6, "Russia", "name")])
    prk = Actor("state:PRK", "North Korea", "state", "PRK", mentions=[Mention(11, 22, "North Korea", "name")])
    ev = Event(
        id="ev1",
        cameo="057",
        plover={"type": "AGREE", "mode": "", "context": []},
        quad_class=1,
        goldstein=8.0,
        source=[rus.ref()],
        target=[prk.ref()],
        date=EventDate(published, "day", False, "publication"),
        status="reported",
        trigger=Span(23, 29, "signed"),
        evidence=Span(0, len(text), text),
    )
    ev2 = Event(
        id="ev2",
        cameo="040",
        plover={"type": "CONSULT", "mode": "", "context": []},
        quad_class=1,
        goldstein=1.0,
        source=[prk.ref()],
        target=[rus.ref()],
        date=EventDate(None, "unknown", False, "unknown"),
        status="speculative",
        trigger=Span(23, 29, "signed"),
        evidence=Span(0, len(text), text),
    )
    st = Statement(
        "s1", ActorRef("state:RUS", "Russia", "RUS"), True, Span(0, 5, text[:5]), Span(0, len(text), text), None
    )
    analysis = Analysis(
        document=Document(id=doc_id, text=text, title=f"t {doc_id}", published=published, language="en", source=doc_id),
        actors=[rus, prk],
        events=[ev, ev2],
        statements=[st],
        claims=[Claim(0, len(text), text, "reported", [Span(23, 29, "signed")])],
        techniques=[Technique("loaded_language", 0, 6, "Russia", score=0.5)],
    )
    return analysis.to_dict()


def test_write_replaces_rows_instead_of_duplicating(db: str) -> None:
    with open_store(db) as s:
        assert s.write_batch([record("a"), record("b")], [Rejection("bad.txt", "empty", "E004")]) == 2
        first = s.snapshot()
        assert s.stats() == {
            "documents": 2,
            "actors": 2,
            "mentions": 4,
            "events": 4,
            "statements": 2,
            "claims": 2,
            "techniques": 2,
            "rejects": 1,
        }
        s.write_batch([record("a"), record("b")], [Rejection("bad.txt", "empty", "E004")])
        assert s.snapshot() == first
        # A changed document replaces its rows; the last of two records with one id wins.
        s.write_batch([record("a", "Old text."), record("a", "Russia and North Korea met.")])
        assert s.known_hashes(["a", "b", "zz"]).keys() == {"a", "b"}
        assert s.fetch("SELECT text FROM documents WHERE doc_id = ?", ["a"]) == [("Russia and North Korea met.",)]
        assert s.stats()["events"] == 4


def test_a_document_clears_an_earlier_rejection_of_its_source(db: str) -> None:
    with open_store(db) as s:
        s.write_batch([], [Rejection("a", "empty text", "E004")])
        assert s.rejects() == [{"source": "a", "code": "E004", "reason": "empty text"}]
        s.write_batch([record("a")])
        assert s.rejects() == []


def test_failed_batch_rolls_back(db: str) -> None:
    with open_store(db) as s:
        s.write_batch([record("a")])
        before = s.snapshot()
        broken = record("b")
        broken["events"][0]["id"] = None  # NULL in a key column: the insert fails
        broken["events"][1]["id"] = None
        with pytest.raises(Exception):  # noqa: B017 - each backend raises its own error type
            s.write_batch([record("a", "changed text"), broken])
        assert s.snapshot() == before


def test_query_events_filters(db: str) -> None:
    with open_store(db) as s:
        s.write_batch([record("a", published="2023-11-29"), record("b", published="2024-02-01")])
        assert len(s.events()) == 4
        assert {e["doc_id"] for e in s.events(EventFilter(source="RUS"))} == {"a", "b"}
        assert {e["event_id"] for e in s.events(EventFilter(source="rus"))} == {"ev1"}
        assert {e["event_id"] for e in s.events(EventFilter(target="North Korea"))} == {"ev1"}
        assert {e["event_id"] for e in s.events(EventFilter(actor="state:PRK"))} == {"ev1", "ev2"}
        assert {e["event_id"] for e in s.events(EventFilter(cameo="05"))} == {"ev1"}
        assert {e["event_id"] for e in s.events(EventFilter(status="speculative"))} == {"ev2"}
        assert [e["doc_id"] for e in s.events(EventFilter(since="2024-01-01"))] == ["b", "b"]
        assert {e["doc_id"] for e in s.events(EventFilter(until="2023-12-31"))} == {"a"}
        got = s.events(EventFilter(source="RUS", since="2024-01-01"))
        assert got[0]["source"] == "RUS" and got[0]["target"] == "PRK" and got[0]["date"] == "2024-02-01"
        # Values are bound, never spliced into the SQL.
        assert s.events(EventFilter(source="x') OR 1=1 --")) == []
        assert len(s.events(EventFilter(limit=1))) == 1


def test_backends_hold_the_same_rows(tmp_path: Path, pg_schema: str) -> None:
    rows = [record("a"), record("b", "Japan protested.")]
    snaps = []
    for address in (str(tmp_path / "x.duckdb"), pg_schema):
        with open_store(address) as s:
            s.write_batch(rows, [Rejection("r", "why", "E001")])
            snaps.append((s.snapshot(), s.stats(), s.events()))
    assert snaps[0] == snaps[1]


def test_newer_schema_is_refused_with_a_clear_message(db: str) -> None:
    with open_store(db) as s:
        s.execute("UPDATE schema_version SET version = ?", [SCHEMA_VERSION + 1])
    with pytest.raises(StoreError, match=r"newer than this release.*upgrade geosignal"):
        open_store(db)


def test_older_schema_is_upgraded(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with open_store(db) as s:
        s.write_batch([record("a")])
    # Pretend the next release adds a column: the store made by this one upgrades on open.
    monkeypatch.setattr(schema_mod, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    monkeypatch.setattr("geosignal.store.base.SCHEMA_VERSION", SCHEMA_VERSION + 1)
    monkeypatch.setitem(schema_mod.MIGRATIONS, SCHEMA_VERSION, ["ALTER TABLE documents ADD COLUMN extra TEXT"])
    with open_store(db) as s:
        assert s.notice and f"from schema version {SCHEMA_VERSION} to {SCHEMA_VERSION + 1}" in s.notice
        assert s.fetch("SELECT version FROM schema_version") == [(SCHEMA_VERSION + 1,)]
        assert s.fetch("SELECT count(extra) FROM documents") == [(0,)]
        assert s.stats()["documents"] == 1
    with open_store(db) as s:
        assert s.notice is None


def test_version_3_store_gains_the_speaker_kind(db: str) -> None:
    with open_store(db) as s:
        s.execute("DROP INDEX statements_doc")  # DuckDB alters no indexed table
        s.execute("ALTER TABLE statements DROP COLUMN speaker_kind")
        s.execute("CREATE INDEX statements_doc ON statements (doc_id)")
        s.execute("UPDATE schema_version SET version = 3")
    rec = record("a")
    rec["statements"][0]["speaker"] = {"actor": "document:statement", "name": "statement", "kind": "document"}
    with open_store(db) as s:
        assert s.notice and "from schema version 3" in s.notice
        s.write_batch([rec])
        assert s.fetch("SELECT speaker_id, speaker_kind FROM statements") == [("document:statement", "document")]


def test_version_4_store_keeps_event_mentions_date_scope_and_habits(db: str) -> None:
    with open_store(db) as s:
        s.execute("DROP TABLE event_mentions")
        s.execute("DROP INDEX events_doc")  # DuckDB alters no indexed table
        for column in ("date_scope", "habitual"):
            s.execute(f"ALTER TABLE events DROP COLUMN {column}")
        s.execute("CREATE INDEX events_doc ON events (doc_id)")
        s.execute("UPDATE schema_version SET version = 4")
    rec = record("a")
    ev = rec["events"][0]
    ev["date"]["scope"], ev["habitual"] = "paragraph", True
    ev["mentions"] = [{"trigger": ev["trigger"], "evidence": ev["evidence"], "status": "reported"}] * 2
    with open_store(db) as s:
        assert s.notice and "from schema version 4" in s.notice
        s.write_batch([rec])
        assert s.fetch("SELECT date_scope, habitual FROM events WHERE event_id = ?", [ev["id"]]) == [
            ("paragraph", True)
        ]
        got = s.fetch("SELECT event_id, seq, trigger_text, status FROM event_mentions ORDER BY seq")
        assert got == [(ev["id"], seq, ev["trigger"]["text"], "reported") for seq in (0, 1)]
        s.write_batch([rec])  # written again: replaced, not doubled
        assert len(s.fetch("SELECT * FROM event_mentions")) == 2


def test_version_5_store_gains_the_end_of_a_range_of_years(db: str) -> None:
    with open_store(db) as s:
        s.execute("DROP INDEX events_doc")  # DuckDB alters no indexed table
        s.execute("ALTER TABLE events DROP COLUMN date_end")
        s.execute("CREATE INDEX events_doc ON events (doc_id)")
        s.execute("UPDATE schema_version SET version = 5")
    rec = record("a")
    ev = rec["events"][0]
    ev["date"] |= {"value": "1950", "precision": "year", "end": "1953"}
    with open_store(db) as s:
        assert s.notice and "from schema version 5" in s.notice
        s.write_batch([rec])
        got = s.fetch("SELECT date_value, date_end FROM events WHERE event_id = ?", [ev["id"]])
        assert got == [("1950", "1953")]


def test_foreign_database_is_refused(db: str) -> None:
    with open_store(db) as s:
        s.execute("DROP TABLE schema_version")
    with pytest.raises(StoreError, match="not a geosignal store"):
        open_store(db)


def test_duckdb_single_writer_and_missing_store(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    with pytest.raises(StoreError, match="no store at"):
        open_store(str(path), read_only=True)
    with open_store(str(path)) as s:
        s.write_batch([record("a")])
    with open_store(str(path), read_only=True) as r1, open_store(str(path), read_only=True) as r2:
        assert r1.stats() == r2.stats()


def test_default_address(monkeypatch: pytest.MonkeyPatch) -> None:
    from geosignal.store import resolve_db

    monkeypatch.delenv("GEOSIGNAL_DB", raising=False)
    assert resolve_db(None) == "geosignal.duckdb"
    monkeypatch.setenv("GEOSIGNAL_DB", "/x/y.duckdb")
    assert resolve_db(None) == "/x/y.duckdb"
    assert resolve_db("other.duckdb") == "other.duckdb"


def test_store_is_a_context_manager(tmp_path: Path) -> None:
    s: Store = open_store(str(tmp_path / "c.duckdb"))
    with s:
        assert s.stats()["documents"] == 0
