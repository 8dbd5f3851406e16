"""Ingest a corpus into the store: read, skip what is stored unchanged, analyse, write per batch.

Each batch is committed in one transaction (its documents' rows replaced, its rejections
recorded), so a run killed at any moment leaves only whole batches behind, and running the
same command again analyses just what is missing. With ``workers > 1`` the analysis runs in
worker processes over batches; this process alone writes to the store.
"""

from __future__ import annotations

import multiprocessing
import time
from collections import OrderedDict, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from ..config import Settings, load_settings
from ..ingest import read_inputs
from ..model import RawDocument, Rejection
from .base import Store, iter_batches
from .rows import content_hash


@dataclass(slots=True)
class IngestReport:
    """What a run did so far."""

    ingested: int = 0
    unchanged: int = 0
    rejected: int = 0
    started: float = field(default_factory=time.monotonic)
    rejections: list[Rejection] = field(default_factory=list)
    # Parts of inputs passed over as not articles (a WARC's requests, images, redirects), by kind.
    skipped: dict[str, int] = field(default_factory=dict)

    @property
    def seen(self) -> int:
        """Inputs handled so far."""
        return self.ingested + self.unchanged + self.rejected

    @property
    def seconds(self) -> float:
        """Time since the run started."""
        return time.monotonic() - self.started

    @property
    def rate(self) -> float:
        """Inputs handled per second."""
        return self.seen / self.seconds if self.seconds > 0 else 0.0


T = TypeVar("T")

# Far more documents than any engine keeps in flight; older ones are in the store by then.
_HANDED_OUT = 65_536


def pending_batches(
    paths: Iterable[str | Path],
    store: Store,
    report: IngestReport,
    *,
    settings: Settings,
    batch_size: int,
    on_batch: Callable[[IngestReport], None] | None = None,
    workers: int = 1,
) -> Iterator[list[RawDocument | Rejection]]:
    """Batches of inputs still to analyse: documents stored with the same content hash are skipped.

    Shared by every engine. Looked up a batch at a time; the documents of batches handed out
    but perhaps not yet written (engines keep several in flight) are remembered too, so a text
    that occurs twice in a corpus is analysed once, whichever engine runs. With ``workers``
    > 1 the last ``workers`` batches come cut into pieces (``split_tail``).
    """
    batches = _pending(paths, store, report, settings, batch_size, on_batch)
    if workers <= 1:
        return batches
    return split_tail(batches, workers, max(1, batch_size // TAIL_PIECES))


# Pieces each of the last batches is cut into: a batch of 64 into pieces of 8 documents, one
# spaCy batch each (pipeline.PARSE_BATCH).
TAIL_PIECES = 8


def split_tail(batches: Iterable[list[T]], last: int, piece: int) -> Iterator[list[T]]:
    """The batches in order, the last ``last`` of them cut into pieces of at most ``piece`` items.

    Parallel workers finish their last whole batches at different times; the pieces keep every
    worker busy to the end instead of leaving all but one idle while it analyses a batch alone.
    """
    held: deque[list[T]] = deque()
    for batch in batches:
        held.append(batch)
        if len(held) > last:
            yield held.popleft()
    for batch in held:
        yield from iter_batches(batch, piece)


def _pending(
    paths: Iterable[str | Path],
    store: Store,
    report: IngestReport,
    settings: Settings,
    batch_size: int,
    on_batch: Callable[[IngestReport], None] | None,
) -> Iterator[list[RawDocument | Rejection]]:
    handed_out: OrderedDict[str, str] = OrderedDict()  # doc id -> content hash, the latest only
    for batch in iter_batches(read_inputs(paths, max_bytes=settings.max_bytes, skipped=report.skipped), batch_size):
        digests = {id(i): content_hash(i.text) for i in batch if isinstance(i, RawDocument)}
        known = store.known_hashes([i.id or digests[id(i)] for i in batch if isinstance(i, RawDocument)])
        keep: list[RawDocument | Rejection] = []
        for item in batch:
            if isinstance(item, RawDocument):
                digest = digests[id(item)]
                doc_id = item.id or digest
                if digest in (known.get(doc_id), handed_out.get(doc_id)):
                    report.unchanged += 1
                    continue
                handed_out[doc_id] = digest
                handed_out.move_to_end(doc_id)
                if len(handed_out) > _HANDED_OUT:
                    handed_out.popitem(last=False)
            keep.append(item)
        if keep:
            yield keep
        elif on_batch:
            on_batch(report)


def in_flight_limit(workers: int, batch_size: int) -> int:
    """Documents an engine keeps submitted but not yet written: two batches' worth per worker.

    Enough that a worker never waits for the writer; bounded, so memory stays flat however
    long the corpus.
    """
    return 2 * workers * batch_size


def record(report: IngestReport, analysed: int, rejections: list[Rejection]) -> None:
    """Count a written partition in the run's report."""
    report.ingested += analysed
    report.rejected += len(rejections)
    report.rejections.extend(rejections)


def _worker_init() -> None:  # pragma: no cover - runs in worker processes
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C


def ingest(
    paths: Iterable[str | Path],
    store: Store,
    *,
    workers: int = 1,
    batch_size: int = 64,
    model: str | None = None,
    on_batch: Callable[[IngestReport], None] | None = None,
) -> IngestReport:
    """Ingest files, directories and JSON Lines into the store with the local engine.

    Each batch goes through ``analyze_partition`` (in this process, or in ``workers`` worker
    processes) and is written with ``Store.replace_rows``; see the module docstring.
    """
    from ..engines.partition import PartitionResult, analyze_partition
    from ..nlp import load_nlp

    settings = load_settings().with_overrides(model=model)
    report = IngestReport()
    if workers <= 1:
        load_nlp(settings.model)  # fail before reading anything if the model is missing
    todo = pending_batches(
        paths, store, report, settings=settings, batch_size=batch_size, on_batch=on_batch, workers=workers
    )

    def write(result: PartitionResult) -> None:
        store.replace_rows(result.rows)
        record(report, result.analysed, result.rejections)
        if on_batch:
            on_batch(report)

    if workers <= 1:
        for batch in todo:
            write(analyze_partition(batch, settings))
        if report.ingested:
            store.cluster_dyads()  # keep the analytics fast: each pair's rows together again
        return report

    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_worker_init) as pool:
        # Counted in documents: the tail's small pieces may be many more tasks than workers.
        pending: deque[tuple[int, Future[PartitionResult]]] = deque()
        limit = in_flight_limit(workers, batch_size)
        for batch in todo:
            pending.append((len(batch), pool.submit(analyze_partition, batch, settings)))
            while sum(n for n, _ in pending) >= limit:
                write(pending.popleft()[1].result())
        while pending:
            write(pending.popleft()[1].result())
    if report.ingested:
        store.cluster_dyads()  # keep the analytics fast: each pair's rows together again
    return report
