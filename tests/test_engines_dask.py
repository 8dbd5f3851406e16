"""The Dask engine on a real two-worker LocalCluster: the local engine's rows exactly, killed workers survived."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import need_shared
from geosignal.cli import app
from geosignal.config import load_settings
from geosignal.engines.segments import analyze_to_segment
from geosignal.errors import EngineError
from geosignal.ingest import read_inputs
from geosignal.model import RawDocument
from geosignal.store import Store, open_store
from geosignal.store.ingest import IngestReport, ingest
from geosignal.store.schema import ALL_TABLES
from test_store_backends import fresh_pg_schema

distributed = pytest.importorskip("distributed")
from geosignal.engines.dask_engine import ingest_dask  # noqa: E402  (needs distributed, checked above)

pytestmark = [pytest.mark.model, pytest.mark.shared]
runner = CliRunner()
N_DOCS = 24


def dump(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, every column, in a stable order (not just the keys)."""
    return {t.name: sorted(store.fetch(f"SELECT {', '.join(t.names)} FROM {t.name}"), key=repr) for t in ALL_TABLES}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shortest BBC stories (real news, quick to analyse) and one binary file to reject."""
    bbc = need_shared("eval", "news", "plaintext", "bbc_greene2006")
    files = sorted(bbc.glob("*/*.txt"), key=lambda p: (p.stat().st_size, str(p)))[:N_DOCS]
    root = tmp_path_factory.mktemp("dask") / "news"
    root.mkdir()
    for f in files:
        (root / f"{f.parent.name}-{f.name}").write_bytes(f.read_bytes())
    (root / "bad.txt").write_bytes(b"\x00\x01\x02binary")
    return root


@pytest.fixture(scope="module")
def local_rows(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple[Any, ...]]]:
    with open_store(str(tmp_path_factory.mktemp("local") / "local.duckdb")) as s:
        report = ingest([corpus], s, batch_size=5)
        assert (report.ingested, report.rejected) == (N_DOCS, 1)
        return dump(s)


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    """A LocalCluster of two single-threaded worker processes, as `--engine dask --workers 2` starts."""
    import logging

    cluster = distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        scheduler_kwargs={"dashboard_address": ":0"},  # never the fixed port 8787 another run may hold
        silence_logs=logging.ERROR,
    )
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


def test_dask_writes_exactly_the_local_rows(
    corpus: Path, local_rows: dict[str, Any], client: Any, tmp_path: Path
) -> None:
    with open_store(str(tmp_path / "dask.duckdb")) as s:
        report = ingest_dask([corpus], s, client=client, partition_size=4, staging=tmp_path / "stage")
        assert (report.ingested, report.unchanged, report.rejected) == (N_DOCS, 0, 1)
        assert dump(s) == local_rows
        assert not any((tmp_path / "stage").iterdir())  # merged segments are deleted
        again = ingest_dask([corpus], s, client=client, partition_size=4)
        assert (again.ingested, again.unchanged, again.rejected) == (0, N_DOCS, 1)
        assert dump(s) == local_rows


def test_dask_into_postgresql_matches_local_duckdb(corpus: Path, local_rows: dict[str, Any], client: Any) -> None:
    for url in fresh_pg_schema():  # the merge loads the segments with COPY there
        with open_store(url) as s:
            ingest_dask([corpus], s, client=client, partition_size=6)
            assert dump(s) == local_rows


def test_a_killed_worker_loses_and_doubles_nothing(
    corpus: Path, local_rows: dict[str, Any], client: Any, tmp_path: Path
) -> None:
    before = set(client.run(os.getpid).values())
    killed: list[int] = []

    def kill_a_busy_worker(report: IngestReport) -> None:
        if killed or report.seen == 0:
            return
        busy = [addr for addr, keys in client.processing().items() if keys]
        if not busy:  # nothing running right now: try again after the next merge
            return
        pid = client.run(os.getpid, workers=[busy[0]])[busy[0]]
        os.kill(pid, signal.SIGKILL)
        killed.append(pid)

    with open_store(str(tmp_path / "killed.duckdb")) as s:
        report = ingest_dask([corpus], s, client=client, partition_size=3, on_batch=kill_a_busy_worker)
        assert killed and killed[0] in before, "no worker was busy during the run"
        assert (report.ingested, report.rejected) == (N_DOCS, 1)
        assert dump(s) == local_rows  # every document once (the keys are primary keys), same rows
    client.wait_for_workers(2, timeout=120)  # the nanny restarted the killed worker
    assert killed[0] not in set(client.run(os.getpid).values())


def test_a_retried_segment_overwrites_and_merging_twice_changes_nothing(
    corpus: Path, local_rows: dict[str, Any], tmp_path: Path
) -> None:
    files = sorted(p for p in corpus.iterdir() if p.name != "bad.txt")[:3]
    settings = load_settings()
    items = list(read_inputs(files, max_bytes=settings.max_bytes))  # as the driver reads them
    assert all(isinstance(i, RawDocument) for i in items)
    first = analyze_to_segment(items, settings, str(tmp_path))
    retry = analyze_to_segment(items, settings, str(tmp_path))  # as a retried task would
    assert retry.path == first.path and [p.name for p in tmp_path.iterdir()] == [first.path.name]
    assert sorted(p.name for p in first.path.iterdir()) == sorted(f"{t}.parquet" for t in first.tables)
    with open_store(str(tmp_path / "s.duckdb")) as s:
        s.merge_segment(first.files(), first.doc_ids, first.sources)
        once = dump(s)
        s.merge_segment(retry.files(), retry.doc_ids, retry.sources)
        assert dump(s) == once
        assert len(once["documents"]) == 3
        assert set(once["documents"]) <= set(local_rows["documents"])


def test_cli_dask_engine_on_a_scheduler_address(corpus: Path, client: Any, tmp_path: Path) -> None:
    db = str(tmp_path / "cli.duckdb")
    address = client.scheduler.address
    out = runner.invoke(app, ["ingest", str(corpus), "--db", db, "--engine", "dask", "--scheduler", address])
    assert out.exit_code == 1, out.output  # the binary file was rejected
    assert f"ingested {N_DOCS}, unchanged 0, rejected 1" in out.output
    assert "bad.txt" in out.output
    bad = runner.invoke(app, ["ingest", str(corpus), "--db", db, "--scheduler", address, "--workers", "2"])
    assert bad.exit_code == 2 and "E075" in bad.output
    bad = runner.invoke(app, ["ingest", str(corpus), "--db", db, "--scheduler", address])
    assert bad.exit_code == 2 and "E076" in bad.output


def test_an_unreachable_scheduler_is_a_one_line_error(corpus: Path, tmp_path: Path) -> None:
    with open_store(str(tmp_path / "s.duckdb")) as s, pytest.raises(EngineError, match=r"\[E072\].*127\.0\.0\.1:9"):
        ingest_dask([corpus], s, scheduler="tcp://127.0.0.1:9", connect_timeout=1)


def test_cli_without_an_address_starts_a_local_cluster(corpus: Path, tmp_path: Path) -> None:
    small = tmp_path / "small"
    small.mkdir()
    for f in [f for f in sorted(corpus.glob("*.txt")) if f.name != "bad.txt"][:4]:
        (small / f.name).write_bytes(f.read_bytes())
    db = str(tmp_path / "lc.duckdb")
    args = ["ingest", str(small), "--db", db, "--engine", "dask", "--workers", "2", "--batch-size", "2"]
    out = runner.invoke(app, args)
    assert out.exit_code == 0, out.output
    assert "ingested 4, unchanged 0, rejected 0" in out.output
    with open_store(db, read_only=True) as s:
        assert s.stats()["documents"] == 4


def test_a_partition_frees_the_strings_it_added(corpus: Path) -> None:
    """A long-lived worker's vocabulary must not grow with every new word of the corpus."""
    from geosignal.engines.partition import analyze_partition
    from geosignal.nlp import load_nlp

    settings = load_settings()
    strings = load_nlp(settings.model).vocab.strings
    read = read_inputs(sorted(corpus.glob("*-*.txt"))[:2], max_bytes=settings.max_bytes)
    docs = [i for i in read if isinstance(i, RawDocument)]
    first = analyze_partition(docs, settings)  # builds what the stages keep, outside any zone
    before = len(strings)
    new = "Zorblaxian envoy Qwimbly Vantaross met Plixtorp officials in Grundlemoor on Monday."
    again = analyze_partition([*docs, RawDocument(new)], settings)
    assert len(strings) == before and "Vantaross" not in strings
    assert again.analysed == 3
    # documents analysed in a later zone come out exactly as in the first one
    assert [r for r in again.rows["documents"] if r in first.rows["documents"]] == first.rows["documents"]


def test_a_document_that_keeps_killing_its_worker_becomes_a_rejection(
    corpus: Path, local_rows: dict[str, Any], tmp_path: Path
) -> None:
    """E070: the poisoned document is rejected with the reason, the rest of its partition goes through."""
    from geosignal.engines.dask_engine import cluster_client

    mark = "POISON-PILL-" + os.urandom(4).hex()

    class Poison(distributed.WorkerPlugin):  # type: ignore[misc]  # distributed is untyped here
        """Installed on every worker, restarted ones included: the marked document kills the process."""

        def setup(self, worker: Any) -> None:
            from geosignal.engines import partition

            real = partition.analyze_items

            def analyze_items(items: Any, settings: Any = None) -> Any:
                if any(isinstance(i, RawDocument) and mark in i.text for i in items):
                    os._exit(1)
                return real(items, settings)

            partition.analyze_items = analyze_items

    root = tmp_path / "news"
    root.mkdir()
    good = sorted(p for p in corpus.iterdir() if p.name != "bad.txt")[:3]
    for p in good:
        (root / p.name).write_bytes(p.read_bytes())
    (root / "poison.txt").write_bytes(good[0].read_bytes() + f"\n{mark}\n".encode())  # a real article, marked
    with cluster_client(workers=2, retries=1) as client, open_store(str(tmp_path / "p.duckdb")) as s:
        client.register_plugin(Poison())
        report = ingest_dask([root], s, client=client, partition_size=4, retries=1)
        assert (report.ingested, report.rejected) == (3, 1)
        [rej] = report.rejections
        assert rej.code == "E070" and rej.source.endswith("poison.txt") and "KilledWorker" in rej.reason
        rows = dump(s)
    ids = {r[0] for r in rows["documents"]}
    assert len(ids) == 3
    for table in ("events", "statements", "claims"):  # the others come out as the local engine wrote them
        assert rows[table] == [r for r in local_rows[table] if r[0] in ids]
    assert [(r[0].endswith("poison.txt"), r[1]) for r in rows["rejects"]] == [(True, "E070")]
