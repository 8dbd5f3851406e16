"""Near-duplicate stories and de-duplicated events, on both backends (real BBC texts, lightly edited copies)."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

from conftest import need_shared
from geosignal.store import EventFilter, open_store
from geosignal.store import schema as schema_mod
from geosignal.store.minhash import signature, similarity
from test_store_backends import db, pg_schema, record  # noqa: F401 - fixtures

pytestmark = pytest.mark.shared


def bbc_texts(n: int) -> list[str]:
    root = need_shared("eval", "news", "plaintext", "bbc_greene2006", "politics")
    return [p.read_text(encoding="utf-8", errors="replace") for p in sorted(root.glob("*.txt"))[:n]]


def reprint(text: str, seed: int) -> str:
    """What another outlet does to wire copy: its own headline, a dropped paragraph, a few words changed."""
    rng = random.Random(seed)
    paras = [p for p in text.split("\n") if p.strip()]
    if len(paras) > 8:
        del paras[rng.randrange(2, len(paras))]
    words = "\n".join(paras[1:]).split(" ")
    for _ in range(3):
        i = rng.randrange(len(words))
        words[i] = rng.choice(["said", "told", "the", "officials", "on Monday"])
    return f"Reprinted headline {seed}\n" + " ".join(words) + "\n(c) Wire Agency"


def doc(doc_id: str, text: str, outlet: str | None = None) -> dict[str, Any]:
    rec = record(doc_id, text)
    rec["document"]["outlet"] = outlet
    return rec


def test_signatures_estimate_jaccard() -> None:
    texts = bbc_texts(3)
    a, copy, b = signature(texts[0]), signature(reprint(texts[0], 1)), signature(texts[1])
    assert a is not None and copy is not None and b is not None
    assert similarity(a, copy) >= 0.6
    assert similarity(a, b) < 0.1
    assert signature("") is None


def test_reprints_are_linked_into_one_story(db: str) -> None:  # noqa: F811
    texts = bbc_texts(6)
    recs = [doc(f"orig{i}", t, "BBC") for i, t in enumerate(texts)]
    recs += [doc(f"copy{i}", reprint(texts[i], i), f"Outlet {i}") for i in range(3)]
    with open_store(db) as s:
        s.write_batch(recs[:4])
        s.write_batch(recs[4:])
        stories = {st["story_id"]: set(st["doc_ids"].split()) for st in s.stories()}
        assert stories == {f"copy{i}": {f"orig{i}", f"copy{i}"} for i in range(3)}
        assert all(st["num_sources"] == 2 for st in s.stories())
        # Every stored document has a story, its own when it has no near-duplicate.
        assert s.fetch("SELECT story_id FROM doc_stories WHERE doc_id = 'orig5'") == [("orig5",)]
        # The same corpus written in another order and batching ends with the same rows.
        snap = s.snapshot()
    other = db + "_2" if not db.startswith("postgres") else None
    if other:
        with open_store(other) as s2:
            for r in reversed(recs):
                s2.write_batch([r])
            assert s2.snapshot() == snap


def test_rewriting_a_document_replaces_its_links(db: str) -> None:  # noqa: F811
    a, b = bbc_texts(2)
    with open_store(db) as s:
        s.write_batch([doc("x", a), doc("y", reprint(a, 7)), doc("z", reprint(a, 8))])
        assert [set(st["doc_ids"].split()) for st in s.stories()] == [{"x", "y", "z"}]
        before = s.snapshot()
        s.write_batch([doc("y", reprint(a, 7)), doc("z", reprint(a, 8))])  # re-ingest: nothing doubles
        assert s.snapshot() == before
        s.write_batch([doc("x", b)])  # x is now another story; y and z stay linked to each other
        assert [set(st["doc_ids"].split()) for st in s.stories()] == [{"y", "z"}]
        assert s.fetch("SELECT story_id FROM doc_stories WHERE doc_id = 'x'") == [("x",)]
        assert s.fetch("SELECT count(*) FROM doc_links WHERE doc_id = 'x' OR other_id = 'x'") == [(0,)]


def test_one_event_reported_by_several_articles(db: str) -> None:  # noqa: F811
    a, b = bbc_texts(2)
    with open_store(db) as s:
        # ev1 (RUS signs with PRK, 2023-11-29) in four articles: two copies of one story in two
        # outlets, an independent article in one of them, and one without an outlet.
        s.write_batch([doc("p", a, "Wire"), doc("q", reprint(a, 3), "Daily"), doc("r", b, "Daily"), doc("t", b + " x")])
        assert len(s.events(EventFilter(cameo="057"))) == 4
        [ev] = s.grouped_events(EventFilter(cameo="057"))
        assert (ev["num_articles"], ev["num_sources"], ev["num_stories"]) == (4, 3, 2)
        assert ev["doc_ids"].split() == ["p", "q", "r", "t"] and ev["event_ids"].split() == ["ev1"] * 4
        assert ev["source"] == "RUS" and ev["target"] == "PRK" and ev["date"] == "2023-11-29"
        # A report on another day is another event; the filter selects events by any of their reports.
        s.write_batch([record("later", "Russia and North Korea signed a pact.", published="2024-01-05")])
        assert [e["num_articles"] for e in s.grouped_events(EventFilter(cameo="057"))] == [4, 1]
        assert [e["date"] for e in s.grouped_events(EventFilter(cameo="057", since="2024-01-01"))] == ["2024-01-05"]
        assert len(s.grouped_events(EventFilter(limit=1))) == 1


def test_undated_reports_are_never_merged(db: str) -> None:  # noqa: F811
    with open_store(db) as s:
        undated = [record(d, "Russia and North Korea signed a pact.", published=None) for d in ("u", "v")]
        s.write_batch(undated)
        groups = s.grouped_events()
        assert len(groups) == 4 and all(g["num_articles"] == 1 and g["date"] is None for g in groups)


def test_a_version_1_store_is_upgraded_with_its_stories(tmp_path: Path, db: str) -> None:  # noqa: F811
    a, b = bbc_texts(2)
    recs = [doc("x", a), doc("y", reprint(a, 5)), doc("z", b)]
    with open_store(db) as s:
        s.write_batch(recs)
        expected = s.snapshot()
        keys = sorted(s.fetch("SELECT * FROM event_keys"))
        # Back to what release 1 left: its tables only, version 1.
        for t in (schema_mod.EVENT_KEYS, *schema_mod.DEDUP_TABLES, schema_mod.EVENT_DYADS):
            s.execute(f"DROP TABLE {t.name}")
        s.execute("UPDATE schema_version SET version = 1")
    with open_store(db) as s:
        assert s.notice and f"from schema version 1 to {schema_mod.SCHEMA_VERSION}" in s.notice
        assert s.snapshot() == expected
        assert sorted(s.fetch("SELECT * FROM event_keys")) == keys  # the same keys as the write path gives
        assert [set(st["doc_ids"].split()) for st in s.stories()] == [{"x", "y"}]
        assert s.grouped_events(EventFilter(cameo="057"))[0]["num_stories"] == 2
