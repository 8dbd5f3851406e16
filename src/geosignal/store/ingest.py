"""Ingest a corpus into the store: read, skip what is stored unchanged, analyse, write per batch.

Each batch is committed in one transaction (its documents' rows replaced, its rejections
recorded), so a run killed at any moment leaves only whole batches behind, and running the
same command again analyses just what is missing. With ``workers > 1`` the analysis runs in
worker processes over batches; this process alone writes to the store.
"""

from __future__ import annotations

import multiprocessing
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..config import load_settings
from ..ingest import read_inputs
from ..model import Analysis, RawDocument, Rejection
from .base import Store, iter_batches
from .rows import content_hash

Result = dict[str, Any] | Rejection


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


def analyze_batch(items: list[RawDocument | Rejection], model: str | None = None) -> list[Result]:
    """Analyse one batch (in a worker or in-process): contract dicts, rejections passed through.

    A document whose analysis raises becomes a rejection naming the error, so one bad document
    never stops the run.
    """
    from ..pipeline import analyze_documents

    settings = load_settings().with_overrides(model=model)

    def run(batch: list[RawDocument | Rejection]) -> list[Result]:
        return [r.to_dict() if isinstance(r, Analysis) else r for r in analyze_documents(batch, settings=settings)]

    try:
        return run(items)
    except Exception:
        if len(items) == 1:
            raise
    out: list[Result] = []
    for item in items:
        try:
            out.extend(run([item]))
        except Exception as exc:
            source = item.source if isinstance(item, Rejection) else (item.source or item.id or "<document>")
            out.append(Rejection(source, f"analysis failed: {type(exc).__name__}: {exc}", "E090"))
    return out


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
    """Ingest files, directories and JSON Lines into the store; see the module docstring."""
    from ..nlp import load_nlp

    settings = load_settings().with_overrides(model=model)
    report = IngestReport()
    if workers <= 1:
        load_nlp(settings.model)  # fail before reading anything if the model is missing

    def todo() -> Iterator[list[RawDocument | Rejection]]:
        # Looked up a batch at a time, after the earlier batches were written (in-process mode).
        for batch in iter_batches(read_inputs(paths, max_bytes=settings.max_bytes, skipped=report.skipped), batch_size):
            raws = [i for i in batch if isinstance(i, RawDocument)]
            ids = [r.id or content_hash(r.text) for r in raws]
            known = store.known_hashes(ids)
            keep: list[RawDocument | Rejection] = []
            for item in batch:
                if isinstance(item, RawDocument):
                    doc_id = item.id or content_hash(item.text)
                    if known.get(doc_id) == content_hash(item.text):
                        report.unchanged += 1
                        continue
                keep.append(item)
            if keep:
                yield keep
            elif on_batch:
                on_batch(report)

    def write(results: list[Result]) -> None:
        records = [r for r in results if not isinstance(r, Rejection)]
        rejections = [r for r in results if isinstance(r, Rejection)]
        store.write_batch(records, rejections)
        report.ingested += len(records)
        report.rejected += len(rejections)
        report.rejections.extend(rejections)
        if on_batch:
            on_batch(report)

    if workers <= 1:
        for batch in todo():
            write(analyze_batch(batch, model))
        if report.ingested:
            store.cluster_dyads()
        return report

    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_worker_init) as pool:
        pending: deque[Future[list[Result]]] = deque()
        for batch in todo():
            pending.append(pool.submit(analyze_batch, batch, model))
            while len(pending) >= 2 * workers:
                write(pending.popleft().result())
        while pending:
            write(pending.popleft().result())
    if report.ingested:
        store.cluster_dyads()  # keep the analytics fast: each pair's rows together again
    return report
