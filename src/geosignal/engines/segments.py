"""Parquet segments: how a partition's rows travel from a worker to the single writer.

A worker writes its partition's rows as one directory ``<staging>/<name>/`` holding a Parquet
file per non-empty table. The name is a hash of the partition's article keys, and each file is
written to a temporary name and renamed into place, so a retried (or speculatively doubled)
task overwrites the same files with the same bytes instead of adding a second copy. The
driver then merges each segment with ``Store.merge_segment`` (one transaction per segment,
replacing the segment's documents exactly as ``Store.replace_rows`` does) and deletes it.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..config import Settings
from ..model import Rejection
from ..store.rows import arrow_table, replaced_keys
from ..store.schema import ROW_TABLES
from .partition import Item, analyze_partition, item_key


@dataclass(slots=True)
class Segment:
    """A staged partition, as the worker reports it back to the driver (small: no rows)."""

    path: Path
    tables: list[str]
    doc_ids: list[str]
    sources: list[str]
    analysed: int = 0
    rejections: list[Rejection] = field(default_factory=list)

    def files(self) -> dict[str, Path]:
        """The Parquet file of each table that has rows in this segment."""
        return {t: self.path / f"{t}.parquet" for t in self.tables}

    def remove(self) -> None:
        """Delete the segment's files once merged."""
        shutil.rmtree(self.path, ignore_errors=True)


def segment_name(items: Sequence[Item]) -> str:
    """The segment's name: a hash of its articles' keys (document ids, or sources if rejected)."""
    h = hashlib.sha256("\n".join(item_key(i) for i in items).encode("utf-8"))
    return "seg-" + h.hexdigest()[:32]


def analyze_to_segment(items: Sequence[Item], settings: Settings, staging: str) -> Segment:
    """Analyse a partition (``analyze_partition``) and stage its rows as Parquet; runs on a worker."""
    import pyarrow.parquet as pq  # type: ignore[import-untyped]

    result = analyze_partition(items, settings)
    path = Path(staging) / segment_name(items)
    path.mkdir(parents=True, exist_ok=True)
    tables: list[str] = []
    for t in ROW_TABLES:
        final = path / f"{t.name}.parquet"
        rows = result.rows[t.name]
        if not rows:
            final.unlink(missing_ok=True)
            continue
        tmp = path / f".{t.name}.{uuid.uuid4().hex}.tmp"
        pq.write_table(arrow_table(t, rows), tmp)
        os.replace(tmp, final)  # atomic: a reader sees the old file or the new one, never half
        tables.append(t.name)
    doc_ids, sources = replaced_keys(result.rows)
    return Segment(path, tables, doc_ids, sources, result.analysed, result.rejections)
