"""The Dask engine: the same ingestion, its partitions analysed on a Dask distributed cluster.

The driver (this process) reads the inputs, skips documents stored unchanged, and submits
partitions of at most ``partition_size`` articles; each task runs ``analyze_to_segment``
(``analyze_partition`` plus a Parquet segment in the staging directory) on a worker. The driver
alone writes the store: it merges finished segments in submission order, one transaction each
(``Store.merge_segment``), and deletes them. At most two partitions' worth of documents per
worker are in flight, so memory stays flat however long the corpus; the last partitions come
cut into pieces of a few documents (``split_tail``), so no worker idles while another finishes
a whole partition alone.

Failures: a task that raises is retried ``retries`` times by Dask; a task whose worker dies is
rescheduled by the scheduler up to its ``allowed-failures`` (set to ``retries`` on a cluster
started here). The documents of a partition that still fails are then run one at a time with
nothing else in flight, so that a worker's death is the fault of the document it was running
(a task merely queued on a dying worker is counted as a failure too); a document that kills
its worker alone becomes a rejection (E070) with the reason: never a lost partition, never an
innocent document rejected.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..config import load_settings
from ..errors import EngineError, Errors, UsageError
from ..store.base import Store
from ..store.ingest import IngestReport, in_flight_limit, pending_batches, record
from ..store.rows import batch_rows
from .partition import Item, lost
from .segments import Segment, analyze_to_segment

if TYPE_CHECKING:  # pragma: no cover
    from distributed import Client, Future


def _distributed() -> Any:
    try:
        import distributed
    except ImportError as exc:
        raise EngineError(Errors.E071.format(detail=exc)) from None
    return distributed


@contextmanager
def cluster_client(
    scheduler: str | None = None, workers: int = 2, retries: int = 2, connect_timeout: float = 20.0
) -> Iterator[Client]:
    """A client of the cluster at ``scheduler``, or of a LocalCluster of ``workers`` processes.

    The local cluster runs one single-threaded worker process per core asked for (spaCy holds
    the GIL, so threads would not run in parallel) and is shut down when the block ends.
    """
    distributed = _distributed()
    import dask

    if scheduler:
        try:
            client = distributed.Client(scheduler, timeout=connect_timeout)
        except (OSError, TimeoutError) as exc:
            raise EngineError(Errors.E072.format(address=scheduler, detail=exc)) from None
        try:
            yield client
        finally:
            client.close()
        return
    # Workers' statistical profiler samples task stacks every 10 ms under the GIL; off for speed.
    # Dask's nannies start workers with MALLOC_TRIM_THRESHOLD_ set, which turns off glibc's
    # adaptive mmap threshold: every large array of the parser is then mapped and unmapped anew,
    # and a partition took 25% longer than in a plain process. Workers started here go without it.
    # Every event loop (the scheduler's and nannies' here, each worker's) checks its own health
    # every 20 ms and samples the system every 500 ms; each wake-up takes the GIL from the parser.
    # On 200 articles the driver's loop (scheduler and nannies) used 1.0-1.4 s of CPU and each
    # worker's 2.4-2.8 s; at 1 s and 2 s, 0.4-0.6 s and 2.1-2.3 s (most of it imports). A loop
    # blocked for longer than the 3 s limit is still reported.
    environ = dask.config.get("distributed.nanny.pre-spawn-environ", {}) or {}
    config = {
        "distributed.scheduler.allowed-failures": retries,
        "distributed.worker.profile.enabled": False,
        "distributed.admin.tick.interval": "1s",
        "distributed.admin.system-monitor.interval": "2s",
        # One task per single-threaded worker, the rest queued at the scheduler: the tail's small
        # pieces then go to whichever worker is free, not to one busy with a whole partition.
        "distributed.scheduler.worker-saturation": 1.0,
        "distributed.nanny.pre-spawn-environ": {k: v for k, v in environ.items() if k != "MALLOC_TRIM_THRESHOLD_"},
    }
    with dask.config.set(config):
        cluster = distributed.LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,  # no dashboard; its HTTP endpoints on a free port, not a busy 8787
            scheduler_kwargs={"dashboard_address": ":0"},
            silence_logs=logging.ERROR,
        )
    try:
        with distributed.Client(cluster) as client:
            yield client
    finally:
        cluster.close()


@contextmanager
def _staging(path: str | Path | None) -> Iterator[Path]:
    if path is None:
        tmp = Path(tempfile.mkdtemp(prefix="geosignal-staging-"))
        try:
            yield tmp
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        return
    p = Path(path)
    try:
        p.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise EngineError(Errors.E073.format(path=p, detail=exc)) from None
    yield p


def ingest_dask(
    paths: Iterable[str | Path],
    store: Store,
    *,
    scheduler: str | None = None,
    client: Client | None = None,
    workers: int = 2,
    partition_size: int = 64,
    retries: int = 2,
    staging: str | Path | None = None,
    model: str | None = None,
    on_batch: Callable[[IngestReport], None] | None = None,
    connect_timeout: float = 20.0,
) -> IngestReport:
    """Ingest into the store with partitions analysed on a Dask cluster; see the module docstring.

    ``client`` (an open ``distributed.Client``) or ``scheduler`` (an address such as
    ``tcp://host:8786``) picks an existing cluster; without either a LocalCluster of ``workers``
    processes is started. ``staging`` must be a directory both the workers and this process
    see (the default, a temporary directory here, suits a cluster on this machine).
    """
    if scheduler and client is not None:
        raise UsageError("give ingest_dask a client or a scheduler address, not both")
    settings = load_settings().with_overrides(model=model)
    report = IngestReport()
    if client is not None:
        with _staging(staging) as stage:
            _run(client, paths, store, report, settings, partition_size, retries, stage, on_batch)
        return report
    with cluster_client(scheduler, workers, retries, connect_timeout) as cl, _staging(staging) as stage:
        _run(cl, paths, store, report, settings, partition_size, retries, stage, on_batch)
    return report


def _run(
    client: Client,
    paths: Iterable[str | Path],
    store: Store,
    report: IngestReport,
    settings: Any,
    partition_size: int,
    retries: int,
    stage: Path,
    on_batch: Callable[[IngestReport], None] | None,
) -> None:
    distributed = _distributed()
    nworkers = max(1, len(client.scheduler_info().get("workers", {})))
    limit = in_flight_limit(nworkers, partition_size)
    pending: deque[tuple[list[Item], Future[Segment]]] = deque()
    suspects: list[Item] = []  # documents of partitions whose workers kept dying

    def submit(items: list[Item]) -> tuple[list[Item], Future[Segment]]:
        fut = client.submit(analyze_to_segment, items, settings, str(stage), retries=retries, pure=False)
        return items, fut

    def finish(items: list[Item], fut: Future[Segment], alone: bool = False) -> None:
        try:
            seg: Segment = fut.result()
        except distributed.KilledWorker as exc:
            if not alone:  # which of its documents kills the workers is found out in isolation
                suspects.extend(items)
                return
            rej = lost(items[0], f"KilledWorker: {exc}")
            store.replace_rows(batch_rows([], [rej]))
            record(report, 0, [rej])
        except OSError as exc:  # the staging directory, not the documents
            raise EngineError(Errors.E073.format(path=stage, detail=exc)) from None
        else:
            store.merge_segment(seg.files(), seg.doc_ids, seg.sources)
            seg.remove()
            record(report, seg.analysed, seg.rejections)
        if on_batch:
            on_batch(report)

    def isolate() -> None:
        """Drain the cluster, then run each suspect document alone."""
        while pending:
            finish(*pending.popleft())
        while suspects:
            finish(*submit([suspects.pop(0)]), alone=True)

    try:
        for batch in pending_batches(
            paths, store, report, settings=settings, batch_size=partition_size, on_batch=on_batch, workers=nworkers
        ):
            pending.append(submit(batch))
            while sum(len(items) for items, _ in pending) >= limit:
                finish(*pending.popleft())
            if suspects:
                isolate()
        isolate()
    finally:
        if pending:  # interrupted: drop what is still queued on the cluster
            client.cancel([fut for _, fut in pending])  # type: ignore[no-untyped-call]  # distributed is untyped here
    if report.ingested:
        store.cluster_dyads()  # as the local engine does: each pair's rows together again
