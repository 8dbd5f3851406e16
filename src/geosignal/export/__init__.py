"""Export the store for other tools: GDELT 2.0 event table, PLOVER JSON, CSV, Parquet by month, GraphML.

``export(store, fmt, out)`` writes the whole store's events in one format. The heavy formats are
written by the database itself (COPY) or streamed in batches, so millions of events never sit in
Python at once; the graph is aggregated in the database first.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..analytics.common import statuses_clause
from ..errors import Errors, UsageError
from ..store import Store
from .formats import export_csv, export_gdelt, export_graphml, export_parquet, export_plover

FORMATS = ("gdelt", "plover", "csv", "parquet", "graphml")
# GDELT tools and network views treat every row as a real interaction: only reported events by
# default. The tabular and PLOVER exports are the record itself: every event, with its status.
_INTERACTIONS: tuple[str, ...] = ("reported",)

__all__ = ["FORMATS", "export"]


def export(store: Store, fmt: str, out: str | Path, *, statuses: Sequence[str] | str | None = "default") -> int:
    """Write the store's events to ``out`` in ``fmt``; returns the number of rows (edges for graphml).

    ``gdelt``: the GDELT 2.0 event table (61 tab-separated columns, no header). ``plover``: one JSON
    array of PLOVER records. ``csv``: one row per event with header. ``parquet``: a folder of Parquet
    files partitioned by month (``month=2023-11/``). ``graphml``: states as nodes, cooperation and
    conflict weights on edges (opens in Gephi). ``statuses``: which event statuses to include;
    by default only ``reported`` for gdelt and graphml and every status otherwise; None: every status.
    """
    if fmt not in FORMATS:
        raise UsageError(Errors.E066.format(value=fmt, known=", ".join(FORMATS)))
    default = _INTERACTIONS if fmt in ("gdelt", "graphml") else None
    chosen: Sequence[str] | None = default if isinstance(statuses, str) else statuses
    statuses_clause(chosen)  # validates them
    path = Path(out)
    if fmt != "parquet" and path.is_dir():
        raise UsageError(Errors.E067.format(path=path, detail="it is a directory"))
    if not path.parent.exists():
        raise UsageError(Errors.E067.format(path=path, detail=f"no such directory {path.parent}"))
    writers = {
        "gdelt": export_gdelt,
        "plover": export_plover,
        "csv": export_csv,
        "parquet": export_parquet,
        "graphml": export_graphml,
    }
    return writers[fmt](store, path, chosen)
