"""Ingest throughput and peak memory: the local engine at 1 and 2 workers against Dask at 2 workers.

    python benchmarks/bench_ingest.py [--corpus DIR] [--limit N] [--runs local1,local2,dask2]
                                      [--memory-small 200]

Every run ingests the same documents into a fresh DuckDB store and is timed end to end (start
of worker processes or cluster, model loading, reading, analysis, writing), since that is what
a user waits for. Prints documents per second, the speed-up over ``local1``, and the peak RSS
of the process that holds the model (the parent for ``local1``, each worker otherwise): its
high-water mark (VmHWM), read every 0.2 s while it lives. ``--memory-small N`` repeats the last
run on the first N documents, so the peak worker memory at N and at ``--limit`` documents can be
compared (flat: at most 1.3x).

``--limit`` takes an evenly spread subset (every k-th file of the sorted corpus), so a subset
has the five BBC sections in their proportions.
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import psutil

from geosignal.engines.dask_engine import ingest_dask
from geosignal.store import open_store
from geosignal.store.ingest import IngestReport, ingest

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "eval" / "news" / "plaintext" / "bbc_greene2006"


def high_water(p: psutil.Process) -> int:
    """The process's peak resident memory so far (Linux's VmHWM: exact, unlike sampling), in bytes."""
    with suppress(OSError):
        for line in Path(f"/proc/{p.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    return int(p.memory_info().rss)  # no /proc: the current figure, sampled


@contextmanager
def peak_rss() -> Iterator[dict[int, int]]:
    """Peak resident memory of this process and each of its descendants, read every 0.2 s."""
    peaks: dict[int, int] = {}
    stop = threading.Event()
    me = psutil.Process()

    def sample() -> None:
        while not stop.is_set():
            for p in [me, *me.children(recursive=True)]:
                with suppress(psutil.Error):
                    peaks[p.pid] = max(peaks.get(p.pid, 0), high_water(p))
            stop.wait(0.2)

    t = threading.Thread(target=sample, daemon=True)
    t.start()
    try:
        yield peaks
    finally:
        stop.set()
        t.join()


def run(name: str, corpus: Path, work: Path) -> tuple[float, IngestReport, int]:
    """One ingest; returns seconds, its report and the peak RSS (bytes) of the model-holding processes."""
    db = work / f"{name}.duckdb"
    db.unlink(missing_ok=True)
    me = os.getpid()
    engines: dict[str, Callable[..., IngestReport]] = {
        "local1": lambda s: ingest([corpus], s, workers=1),
        "local2": lambda s: ingest([corpus], s, workers=2),
        "dask2": lambda s: ingest_dask([corpus], s, workers=2),
    }
    with peak_rss() as peaks, open_store(str(db)) as store:
        t = time.perf_counter()
        report = engines[name](store)
        seconds = time.perf_counter() - t
    # The model lives in the parent for local1 and in the workers otherwise (the largest children;
    # Dask's nanny processes and the resource tracker are small).
    worker = peaks.get(me, 0) if name == "local1" else max(v for k, v in peaks.items() if k != me)
    return seconds, report, worker


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", type=Path, default=DEFAULT)
    ap.add_argument("--limit", type=int, default=0, help="documents (0: all)")
    ap.add_argument("--runs", default="local1,local2,dask2")
    ap.add_argument("--memory-small", type=int, default=0)
    args = ap.parse_args()
    files = sorted(args.corpus.rglob("*.txt"))
    files = [f for f in files if f.name != "README.TXT"]
    if args.limit and args.limit < len(files):
        step = len(files) / args.limit
        files = [files[int(i * step)] for i in range(args.limit)]
    work = Path(tempfile.mkdtemp(prefix="geosignal-bench-"))
    try:

        def corpus_of(chosen: list[Path], name: str) -> Path:
            root = work / name
            root.mkdir()
            for i, f in enumerate(chosen):
                (root / f"{i:05d}-{f.parent.name}-{f.name}").write_bytes(f.read_bytes())
            return root

        corpus = corpus_of(files, "corpus")
        print(f"{len(files)} documents from {args.corpus}; load average {os.getloadavg()[0]:.1f} at start")
        base = None
        names = args.runs.split(",")
        for name in names:
            seconds, report, rss = run(name, corpus, work)
            rate = report.ingested / seconds
            base = base or rate
            print(
                f"{name:7s} {report.ingested} ingested, {report.rejected} rejected in {seconds:.1f} s: "
                f"{rate:.2f} docs/s, speed-up {rate / base:.2f}, peak RSS per worker {rss / 2**20:.0f} MiB"
            )
        if args.memory_small:
            small = corpus_of(files[: args.memory_small], "small")
            _, report, rss_small = run(names[-1], small, work)
            print(
                f"{names[-1]:7s} on {report.ingested} documents: peak RSS per worker {rss_small / 2**20:.0f} MiB; "
                f"{len(files)} documents use {rss / rss_small:.2f}x the memory of {report.ingested}"
            )
        print(f"load average {os.getloadavg()[0]:.1f} at the end")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
