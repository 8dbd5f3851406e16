r"""Body-text extraction quality, scored the way the article-extraction-benchmark scores it.

The benchmark (github.com/scrapinghub/article-extraction-benchmark, ``evaluate.py``) tokenises on
``\w+``, counts 4-token shingles in the gold and predicted bodies, and takes per-page precision and
recall over those bags (normalised so long pages weigh no more than short ones). The corpus figure
is the harmonic mean of the mean precision and the mean recall. Reimplemented here so our numbers
are comparable with its published ones (trafilatura 0.958).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from statistics import mean

_TOKEN = re.compile(r"\w+")
# The benchmark's shingle size; 1 gives a plain bag-of-words score.
SHINGLE = 4


def _shingles(text: str, n: int) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    # As upstream: a text shorter than n tokens is one (short) shingle, an empty text none.
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def extraction_f1(pred: str, gold: str, n: int = SHINGLE) -> tuple[float, float, float]:
    """Precision, recall and F1 of a predicted body against the gold body, over n-token shingles.

    Both empty counts as perfect; an empty prediction for a non-empty gold scores zero.
    """
    p_bag, g_bag = _shingles(pred, n), _shingles(gold, n)
    tp = sum((p_bag & g_bag).values())
    fp = sum((p_bag - g_bag).values())
    fn = sum((g_bag - p_bag).values())
    if fp == fn == 0:
        return 1.0, 1.0, 1.0
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def corpus_f1(pairs: Iterable[tuple[str, str]], n: int = SHINGLE) -> tuple[float, float, float]:
    """Mean precision, mean recall and their harmonic mean over ``(pred, gold)`` pairs.

    This is the benchmark's headline figure. Like upstream, a page with no predicted shingles is
    left out of the precision mean and a page with no gold shingles out of the recall mean.
    """
    precisions: list[float] = []
    recalls: list[float] = []
    for pred, gold in pairs:
        p, r, _ = extraction_f1(pred, gold, n)
        if _shingles(pred, n):
            precisions.append(p)
        if _shingles(gold, n):
            recalls.append(r)
    mp, mr = mean(precisions or [0.0]), mean(recalls or [0.0])
    return mp, mr, (2 * mp * mr / (mp + mr) if mp + mr else 0.0)
