"""Time `relations` (a dyad, a country) on a synthetic DuckDB store of N events (default 10 million).

    python benchmarks/bench_relations.py [--events 10000000] [--db /tmp/bench_relations.duckdb] [--keep]

The store is made through the real schema (open_store: the release's tables and indexes). Synthetic
documents (10 events each, ids sha256 strings like real ones, 300 outlets), events over ten years
(1 in 20 undated, 1 in 10 speculative) and one source and one target actor per event (one of 20
major states half the time, else one of 182 minor three-letter codes) are generated in SQL, and the
store's event_dyads, the one table relations reads, is derived from them with the statement
write_batch runs (see generate()) and clustered by pair as the end of `geosignal ingest` does.
Each query runs once to warm up, then is timed 5 times: best and
median. --keep reuses the store when it was made for the same number of events.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from geosignal.analytics import relations
from geosignal.store import open_store
from geosignal.store.schema import derive_dyads_sql

MAJORS = ["USA", "RUS", "CHN", "PRK", "KOR", "JPN", "GBR", "FRA", "DEU", "IND"]
MAJORS += ["IRN", "ISR", "UKR", "TUR", "SAU", "PAK", "BRA", "ZAF", "EGY", "SYR"]


def _country(seed: int) -> str:
    majors = "[" + ", ".join(f"'{c}'" for c in MAJORS) + "]"
    return (
        f"CASE WHEN hash(i * {seed}) % 2 = 0 THEN {majors}[1 + CAST(hash(i * {seed} + 1) % 20 AS INTEGER)] "
        f"ELSE 'X' || chr(65 + CAST(hash(i * {seed} + 2) % 26 AS INTEGER)) "
        f"|| chr(65 + CAST(hash(i * {seed} + 3) % 7 AS INTEGER)) END"
    )


def generate(path: Path, n: int) -> float:
    start = time.perf_counter()
    store = open_store(str(path))
    con = store.con  # type: ignore[attr-defined]
    docs = max(1, n // 10)
    # The synthetic documents, events and actors go into TEMP tables of the same names, which DuckDB
    # resolves before the store's own: the release's DERIVE_DYADS statement then fills the store's
    # event_dyads (the table relations reads) from them, without paying for the primary-key indexes
    # of 10 million events and 20 million actor rows, which relations never reads.
    con.execute(
        "CREATE TEMP TABLE documents AS SELECT 'sha256:' || sha256(CAST(i AS VARCHAR)) AS doc_id, "
        f"'outlet' || (i % 300) AS outlet FROM range({docs}) t(i)"
    )
    con.execute(
        "CREATE TEMP TABLE events AS SELECT 'sha256:' || sha256(CAST(i // 10 AS VARCHAR)) AS doc_id, "
        "'ev' || (1 + i % 10) AS event_id, 1 + CAST(hash(i) % 4 AS INTEGER) AS quad_class, "
        "(hash(i * 7) % 200) / 10.0 - 10 AS goldstein, "
        "CASE WHEN hash(i * 3) % 20 = 0 THEN NULL "
        "ELSE strftime(DATE '2015-01-01' + CAST(hash(i * 5) % 3650 AS INTEGER), '%Y-%m-%d') END AS date_value, "
        "CASE WHEN hash(i * 3) % 20 = 0 THEN 'unknown' ELSE 'day' END AS date_precision, "
        f"CASE WHEN hash(i * 11) % 10 = 0 THEN 'speculative' ELSE 'reported' END AS status FROM range({n}) t(i)"
    )
    con.execute(
        "CREATE TEMP TABLE event_actors AS "
        f"SELECT 'sha256:' || sha256(CAST(i // 10 AS VARCHAR)) AS doc_id, 'ev' || (1 + i % 10) AS event_id, "
        f"'source' AS role, {_country(13)} AS country FROM range({n}) t(i) UNION ALL "
        f"SELECT 'sha256:' || sha256(CAST(i // 10 AS VARCHAR)), 'ev' || (1 + i % 10), 'target', {_country(17)} "
        f"FROM range({n}) t(i)"
    )
    # Every synthetic event is its own (one report each): the worst case for counting events once.
    con.execute(
        "CREATE TEMP TABLE event_keys AS "
        "SELECT doc_id, event_id, doc_id || '/' || event_id AS event_key FROM temp.events"
    )
    con.execute(derive_dyads_sql(store.HASH_SQL))
    con.execute(
        "DROP TABLE temp.events; DROP TABLE temp.event_actors; DROP TABLE temp.documents; DROP TABLE temp.event_keys"
    )
    store.cluster_dyads(threshold=0)  # what the end of an ingest run does
    store.close()
    return time.perf_counter() - start


def timed(fn: object, runs: int = 5) -> tuple[float, float, int]:
    assert callable(fn)
    rows = fn()
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times), statistics.median(times), len(rows)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=10_000_000)
    ap.add_argument("--db", default="/tmp/bench_relations.duckdb")
    ap.add_argument("--keep", action="store_true")
    args = ap.parse_args()
    path = Path(args.db)
    existing = None
    marker = path.with_suffix(".events")  # how many events the kept store was made from
    if args.keep and path.exists() and marker.exists():
        existing = int(marker.read_text())
    if existing != args.events:
        path.unlink(missing_ok=True)
        Path(str(path) + ".wal").unlink(missing_ok=True)
        print(f"generating {args.events:,} events in {path} ...", flush=True)
        print(f"generated in {generate(path, args.events):.1f} s", flush=True)
        marker.write_text(str(args.events))
    with open_store(str(path), read_only=True) as store:
        dyads = int(store.fetch("SELECT count(*) FROM event_dyads")[0][0])
        print(f"store: event_dyads of {args.events:,} synthetic events: {dyads:,} rows")
        cases = {
            "dyad RUS:PRK by month": lambda: relations(store, dyad=("RUS", "PRK")),
            "dyad RUS:PRK by week, 2020-2021": lambda: relations(
                store, dyad=("RUS", "PRK"), period="week", since="2020", until="2021"
            ),
            "dyad RUS->PRK directed, by quarter": lambda: relations(
                store, dyad=("RUS", "PRK"), period="quarter", directed=True
            ),
            "country RUS (partners ranked)": lambda: relations(store, country="RUS"),
        }
        for name, fn in cases.items():
            best, median, n = timed(fn)
            print(f"{name:38s} best {best * 1000:7.1f} ms  median {median * 1000:7.1f} ms  ({n} rows)")


if __name__ == "__main__":
    main()
