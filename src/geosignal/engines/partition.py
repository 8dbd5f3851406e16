"""The engine seam: one pure function turns a partition of articles into rows per store table.

Every engine calls ``analyze_partition``: the local engine in-process or in its worker
processes (``store/ingest.py``), Dask in its tasks (``engines/dask.py``), and a Spark adapter
would call it from ``rdd.mapPartitions``. Nothing heavy travels with the call: the spaCy
pipeline and the knowledge base are loaded on first use in each worker process and kept
(``load_nlp`` and ``load_kb`` are cached per process), so the output depends only on the
articles and the settings, whichever engine runs it.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from ..config import Settings, load_settings
from ..errors import Errors
from ..model import Analysis, RawDocument, Rejection
from ..store.rows import TableRows, batch_rows, content_hash

Item = RawDocument | Rejection
Result = dict[str, Any] | Rejection


@dataclass(slots=True)
class PartitionResult:
    """What one partition produced: rows for every store table, and its counts.

    ``rows`` is ``batch_rows`` of the partition (the ``rejects`` table included), ready for
    ``Store.replace_rows`` or a Parquet segment. ``analysed`` counts the documents analysed;
    ``rejections`` are the partition's rejections (inputs the readers refused and documents
    whose analysis failed), for the run's report.
    """

    rows: TableRows
    analysed: int = 0
    rejections: list[Rejection] = field(default_factory=list)


def item_key(item: Item) -> str:
    """A stable key of an input: its document id (or content hash), or its source if rejected."""
    if isinstance(item, Rejection):
        return "rejected:" + item.source
    return item.id or content_hash(item.text)


# spaCy's memory zones are global to a vocabulary and must not overlap: one partition at a time
# per process (engines run one per worker process anyway; this guards threaded workers).
_ZONE_LOCK = threading.Lock()
_WARMED: set[str] = set()
_WARM_TEXT = 'Russia and China held talks in Beijing on Monday. "We agree," the minister said.'


@contextmanager
def _memory_zone(settings: Settings) -> Iterator[None]:
    """Free the strings and lexemes a partition adds to the vocabulary when it is done.

    Without it a long-lived worker's vocabulary grows with every new word of the corpus. What
    the stages build lazily on the vocabulary (the techniques' matchers) is built first, on a
    warm-up text outside the zone, so that it outlives every zone.
    """
    from ..nlp import load_nlp
    from ..pipeline import analyze_documents

    nlp = load_nlp(settings.model)
    with _ZONE_LOCK:
        if settings.model not in _WARMED:
            list(analyze_documents([RawDocument(_WARM_TEXT)], settings=settings))
            _WARMED.add(settings.model)
        with nlp.memory_zone():
            yield


def analyze_items(items: Sequence[Item], settings: Settings | None = None) -> list[Result]:
    """Analyse items in order: contract dicts, rejections passed through.

    A document whose analysis raises becomes a rejection naming the error (E090, as in the
    local engine before the seam), so one bad document never loses the others of its partition.
    """
    from ..pipeline import analyze_documents

    settings = settings or load_settings()

    def run(batch: Sequence[Item]) -> list[Result]:
        with _memory_zone(settings):  # the results are plain data, valid after the zone
            return [r.to_dict() if isinstance(r, Analysis) else r for r in analyze_documents(batch, settings=settings)]

    try:
        return run(items)
    except Exception as exc:
        if len(items) == 1:
            return [_rejected(items[0], f"analysis failed: {type(exc).__name__}: {exc}", "E090")]
    out: list[Result] = []
    for item in items:  # find the document that fails; the others still go through
        try:
            out.extend(run([item]))
        except Exception as exc:
            out.append(_rejected(item, f"analysis failed: {type(exc).__name__}: {exc}", "E090"))
    return out


def _rejected(item: Item, reason: str, code: str) -> Rejection:
    source = item.source if isinstance(item, Rejection) else (item.source or item.id or "<document>")
    return Rejection(source, reason, code)


def lost(item: Item, detail: str) -> Rejection:
    """The rejection of a document whose worker kept dying while analysing it (E070)."""
    return _rejected(item, Errors.E070.format(detail=detail), "E070")


def analyze_partition(items: Sequence[Item], settings: Settings | None = None) -> PartitionResult:
    """Analyse one partition of articles into rows per store table (the engine seam).

    Pure in the sense engines need: the same items and settings give the same rows in any
    process, so a retried or re-run partition reproduces its output exactly.
    """
    results = analyze_items(items, settings)
    records = [r for r in results if not isinstance(r, Rejection)]
    rejections = [r for r in results if isinstance(r, Rejection)]
    return PartitionResult(batch_rows(records, rejections), len(records), rejections)
