"""Mine technique cue phrases from the PTC training articles into ``data/mined.yaml``.

Usage::

    python -m geosignal.techniques.train ../shared [--out src/geosignal/techniques/data/mined.yaml]

Only the ``train`` split of ``geosignal.evaluate.techniques`` is read (neither the ``dev`` fifth
used for tuning nor the held-out ``test`` fifth). For every lemma n-gram (n <= 3) that does not
cross a sentence, it counts how often the n-gram occurs and how often it lies wholly inside a gold
span of each technique; an n-gram becomes a cue of a technique when it occurs there at least
``--min-count`` times with a smoothed in-span rate of at least ``--min-precision``. The output holds
short cue phrases and counts only: no sentence or article text of the corpus.
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import yaml
from spacy.tokens import Doc, Token

from . import _read

MINED = Path(__file__).parent / "data" / "mined.yaml"
VERSION = "1"
MAX_N = 3


def extents() -> dict[str, str]:
    """How each technique's span is drawn around a cue: the hand lexicon's ``extent`` table."""
    return {str(k): str(v) for k, v in (_read("lexicon.yaml").get("extent") or {}).items()}


def usable(tok: Token) -> bool:
    """Whether a token may be part of a cue n-gram.

    Proper names are left out: a mined "Farrakhan" or "Luke Harding" is one article's topic, not a
    technique; names that are cues (Hitler, for reductio ad hitlerum) belong in the hand lexicon.
    """
    return not (tok.is_space or tok.is_punct or "\n" in tok.text or tok.like_num or tok.pos_ == "PROPN")


def key(toks: Iterable[Token]) -> str:
    """The lemma key of a token sequence (what the matcher compares)."""
    return " ".join(t.lemma_ for t in toks)


def ngrams(doc: Doc) -> Iterator[tuple[int, int, str]]:
    """(first token, end token, key) of every candidate n-gram with at least one content word."""
    n_tok = len(doc)
    for i in range(n_tok):
        for n in range(1, MAX_N + 1):
            j = i + n
            if j > n_tok:
                break
            toks = doc[i:j]
            if not all(usable(t) for t in toks) or (j - i > 1 and toks[-1].is_sent_start):
                break
            if all(t.is_stop for t in toks):
                continue
            yield i, j, key(toks)


def count(docs: Iterable[tuple[Doc, Sequence[tuple[str, int, int]]]]) -> tuple[Counter[str], dict[str, Counter[str]]]:
    """Total occurrences of each n-gram key and occurrences inside each technique's spans."""
    total: Counter[str] = Counter()
    inside: dict[str, Counter[str]] = defaultdict(Counter)
    articles: dict[str, Counter[str]] = defaultdict(Counter)
    for doc, spans in docs:
        seen: set[tuple[str, str]] = set()
        by_label: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for label, s, e in spans:
            by_label[label].append((s, e))
        for i, j, k in ngrams(doc):
            total[k] += 1
            c0, c1 = doc[i].idx, doc[j - 1].idx + len(doc[j - 1])
            for label, ranges in by_label.items():
                if any(s <= c0 and c1 <= e for s, e in ranges):
                    inside[label][k] += 1
                    if (label, k) not in seen:
                        seen.add((label, k))
                        articles[label][k] += 1
    # A cue must stand inside the technique's spans in at least two articles.
    for label, counter in inside.items():
        for k in list(counter):
            if articles[label][k] < 2:
                del counter[k]
    return total, inside


def select(
    total: Counter[str], inside: dict[str, Counter[str]], *, min_count: int, min_precision: float, prior: float = 2.0
) -> dict[str, list[tuple[str, float, int]]]:
    """Cues per technique: (key, smoothed in-span rate, in-span count), best rate first.

    A key that qualifies for several techniques goes to the one with the highest rate.
    """
    best: dict[str, tuple[str, float, int]] = {}
    for label, counter in inside.items():
        for k, n_in in counter.items():
            if n_in < min_count:
                continue
            rate = n_in / (total[k] + prior)
            if rate >= min_precision and (k not in best or rate > best[k][1]):
                best[k] = (label, rate, n_in)
    out: dict[str, list[tuple[str, float, int]]] = defaultdict(list)
    for k, (label, rate, n_in) in best.items():
        out[label].append((k, round(rate, 3), n_in))
    for cues in out.values():
        cues.sort(key=lambda c: (-c[1], c[0]))
    return dict(out)


def prune(
    docs: Iterable[tuple[Doc, Sequence[tuple[str, int, int]]]], *, max_precision: float, min_hits: int = 3
) -> list[list[str]]:
    """Hand cues whose hits earn less than ``max_precision`` partial-overlap precision on these docs."""
    from . import Settings, raw_hits

    # The cue is judged alone: no sparse-text filter, which depends on the other cues of the text.
    hand_only = Settings(use_mined=False, sparse_density=0.0, thin_density=0.0)
    credit: dict[tuple[str, str], list[float]] = defaultdict(list)
    for doc, spans in docs:
        for cue, s, e in raw_hits(doc, settings=hand_only):
            gold = [(gs, ge) for label, gs, ge in spans if label == cue.technique]
            got = sum(max(0, min(e, ge) - max(s, gs)) for gs, ge in gold) / max(1, e - s)
            credit[(cue.technique, cue.phrase)].append(min(1.0, got))
    return sorted(
        [t, p] for (t, p), vals in credit.items() if len(vals) >= min_hits and sum(vals) / len(vals) < max_precision
    )


def write(
    cues: dict[str, list[tuple[str, float, int]]], out: Path, params: dict[str, Any], pruned: list[list[str]]
) -> None:
    """Write the mined cues as YAML."""
    extent = extents()
    data = {
        "version": VERSION,
        "source": (
            "Mined by `python -m geosignal.techniques.train` from the train split (3/5) of the PTC "
            "SemEval-2020 Task 11 training articles (research use). Short lemma n-grams and counts only."
        ),
        "params": params,
        "extent": extent,
        "pruned": pruned,
        "cues": {label: [[k, rate, n] for k, rate, n in cues.get(label, [])] for label in sorted(extent)},
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        yaml.safe_dump(data, fh, sort_keys=False, allow_unicode=True, width=200)


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point."""
    from ..config import load_settings
    from ..evaluate.techniques import load_articles
    from ..nlp import load_nlp

    ap = argparse.ArgumentParser(prog="python -m geosignal.techniques.train", description=__doc__.split("\n\n")[0])
    ap.add_argument("shared", type=Path, help="the ../shared folder")
    ap.add_argument("--out", type=Path, default=MINED)
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--min-precision", type=float, default=0.25)
    # Measured 2026-12-06 with a variant of prune (credit for any technique's gold span, at least 5
    # hits in 3 articles): 0.1 prunes 28 cues, 'drag * into' among them; span F1 on train out of
    # sample +0.003 but dev -0.002, so it stays off.
    ap.add_argument("--prune-below", type=float, default=0.0, help="drop hand cues below this train precision")
    args = ap.parse_args(argv)
    arts = load_articles(args.shared, "train")
    nlp = load_nlp(load_settings().model)
    docs = list(zip(nlp.pipe(a.text for a in arts), (a.spans for a in arts), strict=True))
    total, inside = count(docs)
    pruned = prune(docs, max_precision=args.prune_below)
    cues = select(total, inside, min_count=args.min_count, min_precision=args.min_precision)
    params = {
        "split": "train",
        "articles": len(arts),
        "min_count": args.min_count,
        "min_precision": args.min_precision,
        "prune_below": args.prune_below,
    }
    write(cues, args.out, params, pruned)
    print(f"{sum(len(v) for v in cues.values())} cues from {len(arts)} articles -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
