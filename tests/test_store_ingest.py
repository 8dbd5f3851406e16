"""Ingestion into the store: idempotency, rejections, the CLI, workers, and a kill -9 mid-run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import SHARED
from geosignal.cli import app
from geosignal.store import open_store
from geosignal.store.ingest import ingest
from test_store_backends import fresh_pg_schema

pytestmark = pytest.mark.model
BBC = SHARED / "eval" / "news" / "plaintext" / "bbc_greene2006" / "politics"
runner = CliRunner()


def make_corpus(root: Path, n: int) -> Path:
    """``n`` news texts: BBC politics stories when ../shared is there, made-up ones otherwise."""
    root.mkdir(parents=True, exist_ok=True)
    files = sorted(BBC.glob("*.txt"))[:n] if BBC.is_dir() else []
    for i in range(n):
        text = (
            files[i].read_text(encoding="utf-8")
            if i < len(files)
            else (
                f"Story {i}\n\nRussian Defence Minister Sergei Shoigu met North Korean leader Kim Jong Un in "
                f"Pyongyang on day {i}. China criticised the United States over sanctions. "
                f"Japan said it would protest, officials told reporters in Tokyo on visit {i}.\n"
            )
        )
        (root / f"{i:03d}.txt").write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_corpus(tmp_path_factory.mktemp("corpus") / "docs", 8)
    (root / "bad.txt").write_bytes(b"\x00\x01\x02binary")
    (root / "empty.txt").write_text("   \n", encoding="utf-8")
    return root


def test_ingest_is_idempotent_and_records_rejects(corpus: Path, tmp_path: Path) -> None:
    with open_store(str(tmp_path / "s.duckdb")) as s:
        first = ingest([corpus], s, batch_size=3)
        assert (first.ingested, first.unchanged, first.rejected) == (8, 0, 2)
        snap = s.snapshot()
        assert s.stats()["documents"] == 8 and s.stats()["events"] > 0
        again = ingest([corpus, corpus / "001.txt"], s, batch_size=3)
        assert (again.ingested, again.unchanged, again.rejected) == (0, 9, 2)
        assert s.snapshot() == snap
        assert {r["source"] for r in s.rejects()} == {str(corpus / "bad.txt"), str(corpus / "empty.txt")}


@pytest.fixture
def pg_schema() -> Iterator[str]:
    yield from fresh_pg_schema()


def test_ingest_into_postgresql_matches_duckdb(corpus: Path, tmp_path: Path, pg_schema: str) -> None:
    snaps = []
    for address in (str(tmp_path / "s.duckdb"), pg_schema):
        with open_store(address) as s:
            ingest([corpus], s, batch_size=4)
            ingest([corpus], s, batch_size=4)
            snaps.append(s.snapshot())
    assert snaps[0] == snaps[1]


def test_cli_ingest_stats_query_rejects(corpus: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "cli.duckdb")
    out = runner.invoke(app, ["ingest", str(corpus), "--db", db, "--batch-size", "5"])
    assert out.exit_code == 1, out.output  # some input was rejected
    assert "ingested 8, unchanged 0, rejected 2" in out.output
    out = runner.invoke(app, ["ingest", str(corpus), "--db", db])
    assert "ingested 0, unchanged 8, rejected 2" in out.output

    stats = json.loads(runner.invoke(app, ["stats", "--db", db, "--format", "json"]).stdout)
    assert stats["documents"] == 8 and stats["rejects"] == 2
    assert set(stats) >= {"documents", "events", "statements", "actors", "rejects"}
    assert "documents" in runner.invoke(app, ["stats", "--db", db]).stdout

    events = json.loads(runner.invoke(app, ["query", "events", "--db", db, "--reports", "-f", "json"]).stdout)
    assert len(events) == stats["events"]
    grouped = json.loads(runner.invoke(app, ["query", "events", "--db", db, "-f", "json"]).stdout)
    assert sum(g["num_articles"] for g in grouped) <= len(events) and all(g["num_articles"] >= 1 for g in grouped)
    assert sorted(d for g in grouped for d in g["doc_ids"].split()) == sorted(e["doc_id"] for e in events)
    code = events[0]["cameo"][:2]
    some = json.loads(runner.invoke(app, ["query", "events", "--db", db, "--cameo", code, "-f", "json"]).stdout)
    assert some and all(e["cameo"].startswith(code) for e in some)
    csv_out = runner.invoke(app, ["query", "events", "--db", db, "--format", "csv"]).stdout
    assert csv_out.startswith("date,source,cameo,target") and ",num_articles,num_sources," in csv_out.split("\n")[0]
    assert runner.invoke(app, ["query", "events", "--db", db, "--since", "yesterday"]).exit_code == 2
    assert runner.invoke(app, ["query", "events", "--db", db, "--cameo", "04%"]).exit_code == 2

    rej = json.loads(runner.invoke(app, ["rejects", "--db", db, "--format", "json"]).stdout)
    assert [Path(r["source"]).name for r in rej] == ["bad.txt", "empty.txt"]
    assert all(r["reason"] for r in rej)
    assert runner.invoke(app, ["stats", "--db", str(tmp_path / "none.duckdb")]).exit_code == 1


def test_workers_write_the_same_rows(corpus: Path, tmp_path: Path) -> None:
    snaps = []
    for workers in (1, 2):
        with open_store(str(tmp_path / f"w{workers}.duckdb")) as s:
            # 001.txt again in the next batch, while the first may still be in a worker: analysed once
            report = ingest([corpus / "001.txt", corpus], s, workers=workers, batch_size=2)
            assert (report.ingested, report.unchanged, report.rejected) == (8, 1, 2)
            snaps.append(s.snapshot())
    assert snaps[0] == snaps[1]


def _cmd(corpus: Path, db: Path) -> list[str]:
    code = "from geosignal.cli import main; main()"
    return [sys.executable, "-c", code, "ingest", str(corpus), "--db", str(db), "--batch-size", "4"]


def test_kill_9_mid_run_then_rerun_matches_a_clean_run(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "news", 40)
    clean = tmp_path / "clean.duckdb"
    assert runner.invoke(app, ["ingest", str(corpus), "--db", str(clean), "--batch-size", "4"]).exit_code == 0

    db = tmp_path / "killed.duckdb"
    proc = subprocess.Popen(_cmd(corpus, db), stderr=subprocess.PIPE, text=True, env=os.environ.copy())
    assert proc.stderr is not None
    for line in proc.stderr:  # the first committed batch: the run is under way
        if "committed:" in line:
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    with open_store(str(db), read_only=True) as s:
        partial = s.stats()["documents"]
    assert 0 < partial < 40, f"the kill did not land mid-run ({partial} documents stored)"

    # The same command again (in-process, where the model is already loaded).
    done = runner.invoke(app, ["ingest", str(corpus), "--db", str(db), "--batch-size", "4"])
    assert done.exit_code == 0, done.output
    assert f"ingested {40 - partial}, unchanged {partial}, rejected 0" in done.output
    with open_store(str(db), read_only=True) as killed, open_store(str(clean), read_only=True) as ref:
        assert killed.stats() == ref.stats()
        assert killed.snapshot() == ref.snapshot()
