"""Near-duplicate linking quality on real BBC texts with planted reprints (light edits).

Usage: python benchmarks/bench_dedup.py [N_ORIGINALS] [N_REPRINTS]

Writes N originals from ../shared/eval/news/plaintext/bbc_greene2006 (all five sections, in file
order) and N_REPRINTS lightly edited copies of randomly chosen originals into a fresh DuckDB store
through Store.write_batch (document rows only: no NLP), then compares the linked pairs with
the truth: each reprint with its original (and reprints of the same original with each other),
plus pairs of originals whose exact 5-shingle Jaccard similarity reaches the threshold (the BBC
set has real duplicates of its own).
"""

from __future__ import annotations

import itertools
import random
import sys
import tempfile
import time
from pathlib import Path

from geosignal.store import open_store
from geosignal.store.minhash import THRESHOLD, shingles

ROOT = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "news" / "plaintext" / "bbc_greene2006"
SUBS = ["said", "told", "the", "officials", "on Monday", "reportedly", "also", "however"]


def reprint(text: str, rng: random.Random) -> str:
    """Another outlet's copy: its own headline, maybe a dropped paragraph, 2-8 words changed, a credit line."""
    paras = [p for p in text.split("\n") if p.strip()][1:]
    if len(paras) > 4 and rng.random() < 0.5:
        del paras[rng.randrange(1, len(paras))]
    words = "\n".join(paras).split(" ")
    for _ in range(rng.randint(2, 8)):
        words[rng.randrange(len(words))] = rng.choice(SUBS)
    return f"Headline {rng.random():.6f}\n" + " ".join(words) + "\n(c) Wire Agency, all rights reserved"


def record(doc_id: str, text: str) -> dict:  # type: ignore[type-arg]
    return {"document": {"id": doc_id, "text": text, "source": doc_id}, "schema": "bench"}


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    k = int(sys.argv[2]) if len(sys.argv) > 2 else 300
    files = sorted(ROOT.glob("*/*.txt"))
    rng = random.Random(5)
    originals = {f"o{i:04d}": f.read_text(encoding="utf-8", errors="replace") for i, f in enumerate(files[:n])}
    picked = [rng.choice(sorted(originals)) for _ in range(k)]
    copies = {f"c{j:04d}_{o}": reprint(originals[o], rng) for j, o in enumerate(picked)}
    texts = originals | copies
    order = list(texts)
    rng.shuffle(order)
    with tempfile.TemporaryDirectory() as tmp:
        # Baseline in the same run: the same writes with the near-duplicate step switched off.
        with open_store(str(Path(tmp) / "base.duckdb")) as base:
            base._link_documents = lambda texts: None  # type: ignore[method-assign]
            t0 = time.perf_counter()
            for i in range(0, len(order), 64):
                base.write_batch([record(d, texts[d]) for d in order[i : i + 64]])
            base_secs = time.perf_counter() - t0
        s = open_store(str(Path(tmp) / "d.duckdb"))
        t0 = time.perf_counter()
        for i in range(0, len(order), 64):
            s.write_batch([record(d, texts[d]) for d in order[i : i + 64]])
        secs = time.perf_counter() - t0
        linked = {(a, b) for a, b in s.fetch("SELECT doc_id, other_id FROM doc_links WHERE doc_id < other_id")}
        stories = s.stories()
        s.close()
    # Truth: planted pairs, plus pairs whose exact Jaccard reaches the threshold (real duplicates).
    origin = {d: (d.split("_", 1)[1] if d.startswith("c") else d) for d in texts}
    planted = {(a, b) for a, b in itertools.combinations(sorted(texts), 2) if origin[a] == origin[b]}
    sh = {d: shingles(t) for d, t in texts.items()}
    exact = set()
    for a, b in itertools.combinations(sorted(texts), 2):
        inter = len(sh[a] & sh[b])
        if inter and inter / len(sh[a] | sh[b]) >= THRESHOLD:
            exact.add((a, b))
    truth = planted | exact
    tp = len(linked & truth)
    print(f"documents {len(texts)} ({n} originals, {k} reprints), write_batch {secs:.1f} s")
    extra_ms = 1000 * (secs - base_secs) / len(texts)
    print(f"without the near-duplicate step {base_secs:.1f} s: {extra_ms:.1f} ms a document")
    found = len(linked & planted)
    print(f"planted pairs {len(planted)}, found {found}: recall {found / len(planted):.3f}")
    print(f"pairs with exact Jaccard >= {THRESHOLD}: {len(exact)} (of which not planted: {len(exact - planted)})")
    print(
        f"linked pairs {len(linked)}: precision {tp / max(1, len(linked)):.3f} against planted + exact, "
        f"recall {tp / max(1, len(truth)):.3f}"
    )
    print(f"linked pairs outside planted/exact: {sorted(linked - truth)[:10]}")
    print(f"stories with 2+ documents: {len(stories)}")


if __name__ == "__main__":
    main()
