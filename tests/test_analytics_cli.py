"""The relations, blocs, quotes and export commands: thin layers, their formats and usage errors."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from analytics_data import records
from geosignal.analytics import COUNTRY_COLUMNS, DYAD_COLUMNS, relations
from geosignal.cli import app
from geosignal.store import open_store

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("cli") / "k.duckdb")
    with open_store(path) as s:
        s.write_batch(records())
    return path


def test_relations_formats(db: str) -> None:
    res = runner.invoke(app, ["relations", "--dyad", "RUS:PRK", "--db", db, "--format", "json"])
    assert res.exit_code == 0, res.output
    rows = json.loads(res.stdout)
    with open_store(db, read_only=True) as s:
        assert rows == relations(s, dyad=("RUS", "PRK"))
    res = runner.invoke(app, ["relations", "--dyad", "RUS:PRK", "--period", "year", "--db", db, "-f", "csv"])
    got = list(csv.DictReader(io.StringIO(res.stdout)))
    assert list(got[0]) == list(DYAD_COLUMNS) and [r["period"] for r in got] == ["2023", "2024"]
    res = runner.invoke(app, ["relations", "--country", "PRK", "--since", "2024", "--db", db], env={"COLUMNS": "300"})
    assert res.exit_code == 0 and "RUS" in res.stdout and "partner" in res.stdout and "CHN" in res.stdout
    res = runner.invoke(app, ["relations", "--country", "PRK", "--status", "all", "--db", db, "-f", "json"])
    assert list(json.loads(res.stdout)[0]) == list(COUNTRY_COLUMNS)
    res = runner.invoke(app, ["relations", "--dyad", "PRK:RUS", "--directed", "--db", db, "-f", "json"])
    assert all(r["backward"] == 0 or r["forward"] for r in json.loads(res.stdout))


@pytest.mark.parametrize(
    "args",
    [
        ["relations", "--dyad", "RUSPRK"],
        ["relations"],
        ["relations", "--dyad", "RUS:PRK", "--period", "fortnight"],
        ["relations", "--country", "RUS", "--since", "last year"],
        ["relations", "--country", "RUS", "--status", "rumoured"],
        ["blocs", "--until", "2023-02-30"],
        ["export", "--format", "xml", "--out", "x.xml"],
    ],
)
def test_bad_arguments_exit_2_with_one_line(db: str, args: list[str]) -> None:
    res = runner.invoke(app, [*args, "--db", db])
    assert res.exit_code == 2, res.output
    assert len(res.stderr.strip().splitlines()) == 1 and res.stderr.startswith("geosignal: [E06")


def test_blocs_and_quotes(db: str) -> None:
    res = runner.invoke(app, ["blocs", "--db", db, "-f", "json"])
    assert res.exit_code == 0, res.output
    blocs = json.loads(res.stdout)
    assert {frozenset(b["states"]) for b in blocs} >= {
        frozenset({"CHN", "RUS", "PRK"}),
        frozenset({"USA", "KOR", "JPN"}),
    }
    res = runner.invoke(app, ["blocs", "--db", db], env={"COLUMNS": "300"})
    assert "signed modularity" in res.stdout and "same_bloc" in res.stdout
    res = runner.invoke(app, ["quotes", "--speaker", "Vladimir Putin", "--db", db, "-f", "csv"])
    got = list(csv.DictReader(io.StringIO(res.stdout)))
    assert [(r["speaker"], r["content"]) for r in got] == [("Vladimir Putin", "We will help.")]


def test_export_command(db: str, tmp_path: Path) -> None:
    out = tmp_path / "g.tsv"
    res = runner.invoke(app, ["export", "--format", "gdelt", "--out", str(out), "--db", db])
    assert res.exit_code == 0, res.output
    assert f"wrote {len(out.read_text().splitlines())} rows" in res.stderr
    res = runner.invoke(app, ["export", "-f", "csv", "-o", str(tmp_path / "nowhere" / "x.csv"), "--db", db])
    assert res.exit_code == 2 and "E067" in res.stderr
    res = runner.invoke(app, ["relations", "--country", "RUS", "--db", str(tmp_path / "none.duckdb")])
    assert res.exit_code == 1 and "no store at" in res.stderr
