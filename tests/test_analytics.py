"""relations, blocs and quotes on both backends, over a store filled through write_batch."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from analytics_data import CODES, Doc, Ev, analysis, expected_dyad, korea_corpus, korea_store, records
from geosignal.analytics import DYAD_COLUMNS, blocs, quotes, relations
from geosignal.errors import UsageError
from geosignal.store import Store, open_store
from geosignal.store.schema import SCHEMA_VERSION


@pytest.fixture(params=["duckdb", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """A store of each backend holding the Korea corpus."""
    yield from korea_store(request.param, tmp_path)


def _month(date: str) -> str | None:
    return date[:7] if len(date) >= 7 else None


def _strip(rows: list[dict[str, Any]], key: str) -> dict[str, dict[str, Any]]:
    return {r[key]: {k: v for k, v in r.items() if k != key} for r in rows}


def test_dyad_by_month_matches_a_recount_of_the_events(store: Store) -> None:
    docs = korea_corpus()
    got = relations(store, dyad=("RUS", "PRK"))
    assert [r["period"] for r in got] == sorted(r["period"] for r in got)
    assert list(got[0]) == list(DYAD_COLUMNS)
    assert _strip(got, "period") == expected_dyad(docs, "RUS", "PRK", _month)
    # The reciprocal event and the one with Putin and Shoigu count once each; the undated, the
    # speculative and the year-precision ones not at all.
    sept = next(r for r in got if r["period"] == "2023-09")
    assert sept["events"] == 3 and sept["forward"] == 2 and sept["backward"] == 2
    assert "2024-01" not in {r["period"] for r in got}  # the event dated only "2024"
    # Both directions unless directed; the order of the pair only swaps forward and backward.
    back = relations(store, dyad=("prk", "rus"))
    assert [(r["events"], r["forward"], r["backward"]) for r in back] == [
        (r["events"], r["backward"], r["forward"]) for r in got
    ]
    directed = relations(store, dyad=("PRK", "RUS"), directed=True)
    assert _strip(directed, "period") == expected_dyad(docs, "PRK", "RUS", _month, directed=True)


def test_periods_windows_and_statuses(store: Store) -> None:
    docs = korea_corpus()
    year = relations(store, dyad=("RUS", "PRK"), period="year")
    assert _strip(year, "period") == expected_dyad(docs, "RUS", "PRK", lambda d: d[:4])  # year precision counts
    quarter = relations(store, dyad=("RUS", "PRK"), period="quarter")
    assert [r["period"] for r in quarter] == ["2023-Q3", "2023-Q4", "2024-Q2"]
    week = relations(store, dyad=("RUS", "PRK"), period="week")
    assert [r["period"] for r in week] == ["2023-07-24", "2023-09-11", "2023-10-02", "2024-06-17"]
    every = relations(store, dyad=("RUS", "PRK"), statuses=None)
    assert _strip(every, "period") == expected_dyad(docs, "RUS", "PRK", _month, statuses=None)
    assert sum(r["events"] for r in every) == sum(r["events"] for r in relations(store, dyad=("RUS", "PRK"))) + 1
    # A window keeps events whose own date overlaps it: "September 2023" is inside 2023-09-10..2023-09-30.
    usa = relations(store, dyad=("USA", "RUS"), since="2023-09-10", until="2023-09-30")
    assert [(r["period"], r["events"], r["material_conflict"]) for r in usa] == [("2023-09", 1, 1)]
    assert relations(store, dyad=("USA", "RUS"), since="2023-10") == [
        r for r in relations(store, dyad=("USA", "RUS")) if r["period"] >= "2023-10"
    ]
    assert relations(store, dyad=("RUS", "PRK"), until="2023-08") == relations(store, dyad=("RUS", "PRK"))[:1]


def test_country_ranks_partners(store: Store) -> None:
    docs = korea_corpus()
    got = relations(store, country="RUS")
    assert [r["partner"] for r in got][:1] == ["PRK"]
    assert [r["events"] for r in got] == sorted((r["events"] for r in got), reverse=True)
    for row in got:
        # Country mode counts every dated reported event with the partner (any precision).
        want = expected_dyad(docs, "RUS", row["partner"], lambda d: "all")["all"]
        assert {k: row[k] for k in want if k not in ("forward", "backward")} == {
            k: v for k, v in want.items() if k not in ("forward", "backward")
        }
        assert (row["sent"], row["received"]) == (want["forward"], want["backward"])
    prk = next(r for r in got if r["partner"] == "PRK")
    assert (prk["first_date"], prk["last_date"]) == ("2023-07-26", "2024-06-19")
    assert "CHN" not in {r["partner"] for r in got if r["events"] == 0}  # co-sources are not partners


def test_bad_arguments_are_usage_errors(store: Store) -> None:
    for kwargs in (
        {},
        {"dyad": ("RUS", "PRK"), "country": "RUS"},
        {"dyad": ("RUS", "RUS")},
        {"dyad": ("RUSSIA", "PRK")},
        {"country": "R1S"},
        {"country": "RUS", "period": "day"},
        {"country": "RUS", "since": "2023-13-01"},
        {"country": "RUS", "statuses": ("rumoured",)},
    ):
        with pytest.raises(UsageError):
            relations(store, **kwargs)  # type: ignore[arg-type]


def test_blocs_separate_the_two_camps(store: Store) -> None:
    report = blocs(store)
    sides = [set(b.states) for b in report.blocs]
    assert {"CHN", "RUS", "PRK"} in sides and {"USA", "KOR", "JPN"} in sides
    assert report.states == 6 and report.modularity > 0
    top = report.ties[0]
    assert abs(top.weight) == max(abs(t.weight) for t in report.ties)
    rus_prk = next(t for t in report.ties if {t.a, t.b} == {"PRK", "RUS"})
    assert rus_prk.same_bloc and rus_prk.conflict == 0 and rus_prk.cooperation > 0
    usa_prk = next(t for t in report.ties if {t.a, t.b} == {"PRK", "USA"})
    assert not usa_prk.same_bloc and usa_prk.weight < 0
    as_json = report.to_dict()
    assert as_json["blocs"][0]["states"] == report.blocs[0].states and as_json["ties"][0]["weight"] == top.weight
    # A window before any conflict leaves only the July 2023 events.
    early = blocs(store, until="2023-07-31")
    assert early.events == 4 and early.states == 4


def test_blocs_follow_the_data_not_the_names(tmp_path: Path) -> None:
    # The same shape with the camps swapped: Japan now sides with North Korea against Russia.
    swap = {"JPN": "RUS", "RUS": "JPN"}

    def flip(x: Any) -> Any:
        return swap.get(x, x) if isinstance(x, str) else x

    docs = [
        Doc(
            d.doc_id,
            d.outlet,
            d.published,
            [
                Ev(
                    [flip(s) for s in e.sources if isinstance(s, str)] or ["JPN"],
                    [flip(t) for t in e.targets if isinstance(t, str)] or ["PRK"],
                    e.cameo,
                    e.date,
                    e.status,
                )
                for e in d.events
            ],
        )
        for d in korea_corpus()
    ]
    with open_store(str(tmp_path / "s.duckdb")) as s:
        s.write_batch([analysis(d) for d in docs])
        sides = [set(b.states) for b in blocs(s).blocs]
    assert {"CHN", "JPN", "PRK"} in sides and {"USA", "KOR", "RUS"} in sides


def test_quotes_by_speaker(store: Store) -> None:
    everything = quotes(store)
    assert len(everything) == 4
    assert [q["published"] for q in everything] == sorted(q["published"] for q in everything)
    assert [q["content"] for q in quotes(store, speaker="sergei shoigu")] == ["We stand together."]
    assert {q["speaker"] for q in quotes(store, speaker="RUS")} == {"Sergei Shoigu", "Vladimir Putin"}
    assert [q["speaker"] for q in quotes(store, speaker="person:kim-jong-un")] == ["Kim Jong Un"]
    assert len(quotes(store, speaker="RUS", limit=1)) == 1
    assert quotes(store, speaker="x') OR 1=1 --") == []


def test_rewriting_a_document_replaces_its_dyads(store: Store) -> None:
    before = relations(store, country="RUS")
    store.write_batch(records()[:2])  # the same documents again: nothing doubles
    assert relations(store, country="RUS") == before
    store.write_batch([analysis(Doc("d5", "Reuters", "2024-06-19", []))])  # d5 lost its events
    after = {r["partner"]: r["events"] for r in relations(store, country="RUS")}
    assert after["PRK"] == {r["partner"]: r["events"] for r in before}["PRK"] - 2
    assert "USA" in after and after["USA"] == {r["partner"]: r["events"] for r in before}["USA"] - 1


def test_a_version_2_store_gets_its_dyads_on_upgrade(tmp_path: Path) -> None:
    path = str(tmp_path / "old.duckdb")
    with open_store(path) as s:
        s.write_batch(records())
        want = relations(s, country="PRK"), blocs(s).to_dict()
        # What a store made before event_dyads looked like: no such table, version 2.
        s.execute("DROP TABLE event_dyads")
        s.execute("UPDATE schema_version SET version = 2")
    with open_store(path) as s:
        assert s.notice and f"from schema version 2 to {SCHEMA_VERSION}" in s.notice
        assert (relations(s, country="PRK"), blocs(s).to_dict()) == want


def test_codes_table_matches_the_shipped_cameo_codes() -> None:
    # The test data's quad classes and Goldstein scores are the coder's, so the aggregates are realistic.
    from geosignal._data import package_yaml

    cameo = {c["code"]: c for c in package_yaml("geosignal.events", "cameo.yaml")["codes"]}
    for code, (quad, gold) in CODES.items():
        assert (cameo[code]["quad_class"], float(cameo[code]["goldstein"])) == (quad, gold)


def test_clustering_the_dyads_keeps_the_answers(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "c.duckdb")) as s:
        s.write_batch(records()[:3])
        s.write_batch(records()[3:])
        before = relations(s, country="PRK"), relations(s, dyad=("USA", "KOR"), period="week"), blocs(s).to_dict()
        snapshot = s.snapshot()
        assert s.cluster_dyads() is True
        assert s.cluster_dyads() is False  # nothing new since: no rewrite
        assert (relations(s, country="PRK"), relations(s, dyad=("USA", "KOR"), period="week"), blocs(s).to_dict()) == (
            before
        )
        assert s.snapshot() == snapshot
        keys = [r[0] for r in s.fetch("SELECT pair_key FROM event_dyads")]
        assert keys == sorted(keys)
        # Re-writing a document after clustering still replaces its rows.
        s.write_batch(records()[:1])
        assert s.snapshot() == snapshot


def test_an_event_reported_by_several_articles_counts_once(tmp_path: Path) -> None:
    # The same meeting (day, code, parties) in two outlets, and a different one on the same day.
    meet = Ev(["RUS"], ["PRK"], "040", "2023-09-13")
    other = Ev(["RUS"], ["PRK"], "062", "2023-09-13")
    docs = [Doc("a", "TASS", "2023-09-13", [meet]), Doc("b", "KCNA", "2023-09-14", [meet, other])]
    with open_store(str(tmp_path / "s.duckdb")) as s:
        s.write_batch([analysis(d) for d in docs])
        (row,) = relations(s, dyad=("RUS", "PRK"))
        assert (row["events"], row["articles"], row["sources"]) == (2, 2, 2)
        assert row["goldstein_sum"] == 8.4 and row["verbal_coop"] == 1 and row["material_coop"] == 1
        (partner,) = relations(s, country="RUS")
        assert partner["events"] == 2 and partner["sent"] == 2
        (tie,) = blocs(s).ties
        assert tie.events == 2
