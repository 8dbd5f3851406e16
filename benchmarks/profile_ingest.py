"""Where ingest time goes, per stage, with pyinstrument naming the costliest functions.

    python benchmarks/profile_ingest.py [--corpus DIR] [--limit N] [--html out.html]

Ingests N documents (an evenly spread subset of the BBC corpus) in this process with the local
engine into a fresh DuckDB store, after a warm-up that loads the model and the KB. Prints the
share of the run per stage (read, spaCy parse, resolve, statements, claims, events,
techniques, rows, store write) and pyinstrument's top functions by their own time.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pyinstrument import Profiler

from geosignal import pipeline
from geosignal.config import load_settings
from geosignal.engines import partition
from geosignal.ingest import read_inputs
from geosignal.store import open_store
from geosignal.store.base import Store
from geosignal.store.ingest import ingest

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "eval" / "news" / "plaintext" / "bbc_greene2006"
spent: dict[str, float] = defaultdict(float)


def timed(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    """``fn``, adding its time to ``spent[name]`` (only in this script)."""

    def run(*args: Any, **kwargs: Any) -> Any:
        t = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            spent[name] += time.perf_counter() - t

    return run


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", type=Path, default=DEFAULT)
    ap.add_argument("--limit", type=int, default=150)
    ap.add_argument("--top", type=int, default=12)
    ap.add_argument("--html", type=Path)
    args = ap.parse_args()
    files = sorted(f for f in args.corpus.rglob("*.txt") if f.name != "README.TXT")
    step = max(1, len(files) // args.limit)
    files = files[::step][: args.limit]
    settings = load_settings()
    list(pipeline.analyze_documents(list(read_inputs(files[:3], max_bytes=settings.max_bytes)), settings=settings))

    # Stage timers: wrapped here only. Parse is analysis time minus the stages'.
    pipeline.STAGES = tuple((n, timed(n, f)) for n, f in pipeline.STAGES)
    partition.analyze_items = timed("analysis", partition.analyze_items)  # type: ignore[assignment]
    partition.batch_rows = timed("rows", partition.batch_rows)  # type: ignore[assignment]
    Store.replace_rows = timed("store write", Store.replace_rows)  # type: ignore[method-assign]
    Store.known_hashes = timed("store lookup", Store.known_hashes)  # type: ignore[method-assign]

    with tempfile.TemporaryDirectory() as tmp, open_store(str(Path(tmp) / "p.duckdb")) as store:
        profiler = Profiler(interval=0.005)
        t = time.perf_counter()
        profiler.start()
        report = ingest(files, store, workers=1, batch_size=64)
        profiler.stop()
        total = time.perf_counter() - t
    stages = ("resolve", "statements", "claims", "events", "techniques")
    spent["spaCy parse (and language id)"] = spent.pop("analysis") - sum(spent[s] for s in stages)
    spent["read and other"] = total - sum(spent.values())
    print(f"{report.ingested} documents in {total:.1f} s ({report.ingested / total:.2f} docs/s), one process")
    for name, sec in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(f"  {name:32s} {sec:7.2f} s  {100 * sec / total:5.1f}%")

    # Own time per function, from pyinstrument's call tree.
    own: dict[str, float] = defaultdict(float)
    session = profiler.last_session
    assert session is not None
    stack = [session.root_frame()]
    while stack:
        frame = stack.pop()
        if frame is None:
            continue
        stack.extend(frame.children)
        if frame.is_synthetic or not frame.file_path:  # pyinstrument's own [self]/thread nodes
            continue
        own[f"{frame.function} ({Path(frame.file_path).name}:{frame.line_no})"] += frame.total_self_time
    print(f"top {args.top} functions by own time (pyinstrument, 5 ms samples):")
    for name, sec in sorted(own.items(), key=lambda kv: -kv[1])[: args.top]:
        print(f"  {sec:7.2f} s  {100 * sec / total:5.1f}%  {name}")
    if args.html:
        args.html.write_text(profiler.output_html(), encoding="utf-8")


if __name__ == "__main__":
    main()
