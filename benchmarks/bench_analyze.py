"""Throughput of the full analysis against a bare ``nlp.pipe`` of the same model on the same texts.

    python benchmarks/bench_analyze.py [--corpus DIR] [--limit N] [--repeat R]

Prints documents per second for both and their ratio (target: the analysis keeps at least 80%
of the bare pipeline's throughput), the share of time per stage, and what the event stage adds
to the rest of the analysis (target: at most 10%). Runs alternate so that a noisy machine hurts
both sides alike.
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from pathlib import Path

from geosignal import pipeline
from geosignal.config import load_settings
from geosignal.ingest import parse_text
from geosignal.nlp import load_nlp

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "eval" / "news" / "plaintext" / "bbc_greene2006" / "politics"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", type=Path, default=DEFAULT)
    ap.add_argument("--limit", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    files = sorted(args.corpus.glob("*.txt"))[: args.limit]
    if not files:
        raise SystemExit(f"no .txt files in {args.corpus}")
    raws = [parse_text(f.read_text("utf-8", errors="replace"), str(f)) for f in files]
    texts = [r.text for r in raws]
    settings = load_settings()
    nlp = load_nlp(settings.model)
    list(pipeline.analyze_documents(raws[:5], settings=settings))  # warm: KB, indexes, lexicons

    # Time each stage by wrapping it (only in this script).
    stage_time: dict[str, float] = defaultdict(float)
    original = pipeline.STAGES

    def timed(name: str, fn: pipeline.Stage) -> pipeline.Stage:
        def run(doc, analysis, ctx):  # type: ignore[no-untyped-def]
            t = time.perf_counter()
            fn(doc, analysis, ctx)
            stage_time[name] += time.perf_counter() - t

        return run

    bare_s: list[float] = []
    full_s: list[float] = []
    for _ in range(args.repeat):
        t = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=pipeline.PARSE_BATCH):  # the batch size analyze uses
            pass
        bare_s.append(time.perf_counter() - t)
        pipeline.STAGES = tuple((n, timed(n, f)) for n, f in original)
        fresh = [parse_text(f.read_text("utf-8", errors="replace"), str(f)) for f in files]
        t = time.perf_counter()
        for _a in pipeline.analyze_documents(fresh, settings=settings):
            pass
        full_s.append(time.perf_counter() - t)
        pipeline.STAGES = original
    n = len(texts)
    bare, full = min(bare_s), min(full_s)
    print(f"documents: {n} ({args.corpus})  model: {settings.model}  repeats: {args.repeat} (best of)")
    print(f"bare nlp.pipe:     {n / bare:8.1f} docs/s")
    print(f"geosignal analyze: {n / full:8.1f} docs/s")
    print(f"ratio analyze/bare: {bare / full:.3f}  (target >= 0.80)")
    total = sum(full_s)
    for name, secs in sorted(stage_time.items(), key=lambda kv: -kv[1]):
        print(f"  stage {name:<11} {100 * secs / total:5.1f}% of analysis time")
    events = stage_time["events"]
    print(f"events stage adds {100 * events / (total - events):.1f}% to the rest of the analysis  (target <= 10%)")


if __name__ == "__main__":
    main()
