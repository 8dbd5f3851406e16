"""Quality gate on made-up sentences, two per CAMEO code (tests/data/cameo_madeup.tsv).

The sentences were written from the CAMEO labels alone, without sight of any gold set, and the
coder was tuned on them: this is a dev floor, pinned with the file's hash, that may only rise.
A sentence counts as right when one of its events has the code's root, the source's country among
its sources, and the target's among its targets (any target, or none, when the gold has none).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

import geosignal

pytestmark = pytest.mark.model

CORPUS = Path(__file__).parent / "data" / "cameo_madeup.tsv"
CORPUS_SHA256 = "f7c6d71eba997e1025f4792a7b0b24390e2e8d0d2dd362fe02d62bef7fd2b7ef"
# Measured 0.725 (429 of 592 right); rounded down. (0.711 at the start of the nineteenth events session,
# 0.706 at the start of the eighteenth, 0.704 at the start of the seventeenth, 0.681 at the start of the
# sixteenth, 0.645 at the start of the fifteenth, 0.591 at the start of the fourteenth.)
FLOOR = 0.72


def _rows() -> list[list[str]]:
    lines = CORPUS.read_text("utf-8").splitlines()
    return [line.split("\t") for line in lines if line and not line.startswith("#")]


def _right(code: str, source: str, target: str, text: str) -> bool:
    for e in geosignal.analyze(text, published="2024-01-01").events:
        sources = {r.country for r in e.source}
        targets = {r.country for r in e.target}
        if e.cameo[:2] != code[:2] or source not in sources:
            continue
        if target == "---" or target in targets or (target == source and not targets):
            return True
    return False


def test_corpus_is_the_one_measured() -> None:
    assert hashlib.sha256(CORPUS.read_bytes()).hexdigest() == CORPUS_SHA256
    rows = _rows()
    assert len(rows) == 592 and all(len(r) == 4 for r in rows)


def test_share_right_stays_above_floor() -> None:
    rows = _rows()
    share = sum(_right(*r) for r in rows) / len(rows)
    assert share >= FLOOR, share
