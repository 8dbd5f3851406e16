"""geosignal export on both backends: GDELT 2.0 (loaded with the gdelt package's schema), PLOVER, CSV,
Parquet by month, GraphML."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from analytics_data import korea_corpus, korea_store
from conftest import need_shared
from geosignal.errors import UsageError
from geosignal.export import export
from geosignal.export.formats import GDELT_COLUMNS
from geosignal.store import Store


@pytest.fixture(params=["duckdb", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """A store of each backend holding the Korea corpus."""
    yield from korea_store(request.param, tmp_path)


def _events() -> list[tuple[str, int, object]]:
    return [(d.doc_id, i, e) for d in korea_corpus() for i, e in enumerate(d.events)]


def test_gdelt_loads_with_the_gdelt_schema(store: Store, tmp_path: Path) -> None:
    schema_file = need_shared("eval", "news", "event_reference", "gdelt_pypi_gdelt_0.1.14", "events2.csv")
    with schema_file.open(newline="", encoding="utf-8") as f:
        schema = [(r["name"], r["type"]) for r in csv.DictReader(f)]
    assert [n for n, _ in schema] == GDELT_COLUMNS
    out = tmp_path / "events.tsv"
    n = export(store, "gdelt", out)
    # Load it as GDELT tools do: tab-separated, no header, typed by the schema.
    import duckdb

    types = {"INTEGER": "BIGINT", "FLOAT": "DOUBLE", "STRING": "VARCHAR"}
    columns = "{" + ", ".join(f"'{name}': '{types[t]}'" for name, t in schema) + "}"
    con = duckdb.connect()
    rows = con.execute(
        f"SELECT * FROM read_csv('{out}', delim = '\t', header = false, columns = {columns}, quote = '\"')"
    ).fetchall()
    names = [d[0] for d in con.description]
    got = [dict(zip(names, r, strict=True)) for r in rows]
    assert len(got) == n == len(out.read_text().splitlines())
    assert all(line.count("\t") == 60 for line in out.read_text().splitlines())
    # One row per reported event and (source, target) actor pair: compound and reciprocal events split.
    reported = [e for _, _, e in _events() if e.status == "reported"]  # type: ignore[attr-defined]
    pairs = sum(max(1, len([(s, t) for s in e.sources for t in e.targets if s != t])) for e in reported)
    assert n == pairs
    assert sorted(r["GLOBALEVENTID"] for r in got) == list(range(1, n + 1))
    first = next(
        r
        for r in got
        if r["SOURCEURL"] == "https://news.example/d1" and r["EventCode"] == "040" and r["Actor1CountryCode"] == "RUS"
    )
    assert (first["SQLDATE"], first["MonthYear"], first["Year"]) == (20230726, 202307, 2023)
    assert (first["EventBaseCode"], first["EventRootCode"], first["QuadClass"], first["GoldsteinScale"]) == (
        "040",
        "04",
        1,
        1.0,
    )
    assert (first["Actor1Code"], first["Actor1Name"], first["Actor2CountryCode"]) == ("RUSMIL", "SERGEI SHOIGU", "PRK")
    assert (first["ActionGeo_CountryCode"], first["ActionGeo_Lat"], first["ActionGeo_Type"]) == ("KN", 39.03, 4)
    assert first["DATEADDED"] == 20230727000000 and first["NumArticles"] == 1
    assert abs(first["FractionDate"] - (2023 + (7 * 30 + 26) / 365)) < 1e-3
    month_only = next(r for r in got if r["EventCode"] == "172")
    assert month_only["SQLDATE"] == 20230901  # "September 2023": its first day
    undated = next(
        r for r in got if r["EventCode"] == "061" and r["Actor1CountryCode"] == "RUS" and r["SOURCEURL"].endswith("d2")
    )
    assert undated["SQLDATE"] == 20230914  # the publication date, as GDELT does
    assert not any(r["Actor1CountryCode"] == r["Actor2CountryCode"] == "RUS" for r in got)


def test_csv_and_plover_hold_every_event(store: Store, tmp_path: Path) -> None:
    events = _events()
    n = export(store, "csv", tmp_path / "e.csv")
    with (tmp_path / "e.csv").open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert n == len(rows) == len(events)
    assert {r["status"] for r in rows} == {"reported", "speculative"}
    compound = next(r for r in rows if r["doc_id"] == "d3" and r["cameo"] == "061")
    assert (compound["source"], compound["target"], compound["goldstein"]) == ("RUS; CHN", "PRK", "6.4")
    assert export(store, "csv", tmp_path / "r.csv", statuses=("reported",)) == len(events) - 1

    n = export(store, "plover", tmp_path / "e.json")
    data = json.loads((tmp_path / "e.json").read_text())
    assert n == len(data) == len(events)
    rec = next(r for r in data if r["id"] == "d2:ev2")
    assert [a["code"] for a in rec["source"]] == ["RUS", "PRK"] and [a["code"] for a in rec["target"]] == ["RUS", "PRK"]
    assert rec["event"] == "AGREE" and rec["cameo"] == "057" and rec["publication"] == "Reuters"
    assert {"id", "date", "source", "target", "event", "mode", "context", "eventText", "text"} <= set(rec)


def test_parquet_is_partitioned_by_month(store: Store, tmp_path: Path) -> None:
    import pyarrow.dataset as ds

    out = tmp_path / "pq"
    n = export(store, "parquet", out)
    months = sorted(p.name for p in out.iterdir())
    assert months == ["month=2023-07", "month=2023-09", "month=2023-10", "month=2024-01", "month=2024-06"]
    table = ds.dataset(str(out), format="parquet", partitioning="hive").to_table()
    assert n == table.num_rows == len(_events())
    rows = table.to_pylist()
    # The undated event of a September article goes to the publication month; the others to their own.
    assert {r["month"] for r in rows if r["doc_id"] == "d3"} == {"2023-09", "2023-10"}
    assert all(r["month"] == (r["date"] or r["published"])[:7] for r in rows if r["date_precision"] != "year")


def test_graphml_has_states_and_weights(store: Store, tmp_path: Path) -> None:
    import networkx as nx

    out = tmp_path / "g.graphml"
    n = export(store, "graphml", out)
    g = nx.read_graphml(out)
    assert n == g.number_of_edges() and set(g.nodes) == {"CHN", "JPN", "KOR", "PRK", "RUS", "USA"}
    assert g.nodes["PRK"]["label"] == "North Korea"
    assert g.nodes["RUS"]["bloc"] == g.nodes["PRK"]["bloc"] != g.nodes["USA"]["bloc"]
    e = g.edges["PRK", "USA"]
    assert e["sign"] == -1 and e["conflict"] > 0 and e["weight"] == e["events"] == 2
    assert g.edges["PRK", "RUS"]["cooperation"] > 0 and g.edges["PRK", "RUS"]["sign"] == 1


def test_bad_export_arguments(store: Store, tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="E066"):
        export(store, "xml", tmp_path / "x")
    with pytest.raises(UsageError, match="E067"):
        export(store, "csv", tmp_path / "missing" / "x.csv")
    with pytest.raises(UsageError, match="E062"):
        export(store, "csv", tmp_path / "x.csv", statuses=("rumoured",))
