"""``geosignal evaluate claims``: hedge detection and event factuality.

* WikiWeasel (CoNLL-2010 Wikipedia, uncertain vs certain sentences): a sentence is predicted
  uncertain when the claims stage finds the outlet's own hedge in it (status ``speculative``).
  The copy has one file; its rows are split deterministically into dev and test halves by a
  SHA-256 of the sentence text.
* MEANTIME factuality (unified CoNLL, values in [-3, 3]): an event token is gold non-factual when
  its value is below 3, predicted non-factual when ``status_of_token`` is not reported or
  attributed. The files' own dev and test splits are used.

Both print precision, recall and F1 of the positive class (uncertain / non-factual).
"""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import Errors, EvaluationDataError
from ._scores import f1_score

WIKIWEASEL = Path("eval/claims/research-use/wikiweasel_conll2010/test.csv")
MEANTIME = Path("eval/claims/open/meantime_factuality_unified")
_FACTUAL = ("reported", "attributed")


@dataclass(slots=True)
class BinaryReport:
    """Counts and scores of a binary detection task."""

    suite: str
    split: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    files: dict[str, str] = field(default_factory=dict)  # file -> sha256

    @property
    def precision(self) -> float:
        """Tp / (tp + fp)."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        """Tp / (tp + fn)."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        return f1_score(self.precision, self.recall)

    def add(self, gold: bool, pred: bool) -> None:
        """Count one item."""
        if gold and pred:
            self.tp += 1
        elif pred:
            self.fp += 1
        elif gold:
            self.fn += 1
        else:
            self.tn += 1

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data."""
        return {
            "suite": self.suite,
            "split": self.split,
            "items": self.tp + self.fp + self.fn + self.tn,
            "positives": self.tp + self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def weasel_split(sentence: str) -> str:
    """The deterministic half (dev or test) of a WikiWeasel sentence."""
    return "dev" if hashlib.sha256(sentence.strip().encode("utf-8")).digest()[0] % 2 == 0 else "test"


def evaluate_wikiweasel(shared: Path, split: str = "dev", model: str | None = None) -> BinaryReport:
    """Sentence-level uncertainty detection on WikiWeasel ``split`` (dev, test or all)."""
    from ..claims import speculative_cues
    from ..config import load_settings
    from ..nlp import load_nlp

    path = shared / WIKIWEASEL
    if not path.is_file():
        raise EvaluationDataError(Errors.E050.format(path=path))
    rows: list[tuple[str, bool]] = []
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            text = row["text"].replace("-LRB-", "(").replace("-RRB-", ")").strip()
            if split == "all" or weasel_split(row["text"]) == split:
                rows.append((text, row["label"].strip() == "1"))
    nlp = load_nlp(model or load_settings().model)
    report = BinaryReport("wikiweasel-uncertainty", split, files={path.name: _sha(path)})
    for doc, (_text, gold) in zip(nlp.pipe(t for t, _ in rows), rows, strict=True):
        pred = any(speculative_cues(s) for s in doc.sents)
        report.add(gold, pred)
    return report


def read_meantime(path: Path) -> list[list[tuple[str, float | None]]]:
    """Sentences of (word, factuality value or None) from a unified-factuality CoNLL file."""
    sents: list[list[tuple[str, float | None]]] = []
    cur: list[tuple[str, float | None]] = []
    for line in path.read_text("utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) < 3:
            if cur:
                sents.append(cur)
                cur = []
            continue
        value: float | None
        try:
            value = float(cols[2])
        except ValueError:
            value = None
        cur.append((cols[1], value))
    if cur:
        sents.append(cur)
    return sents


def evaluate_meantime(shared: Path, split: str = "dev", model: str | None = None) -> BinaryReport:
    """Event non-factuality detection on MEANTIME ``split`` (train, dev or test)."""
    from spacy.tokens import Doc

    from ..claims import status_of_token
    from ..config import load_settings
    from ..nlp import load_nlp

    path = shared / MEANTIME / f"{split}.conll"
    if not path.is_file():
        raise EvaluationDataError(Errors.E050.format(path=path))
    nlp = load_nlp(model or load_settings().model)
    report = BinaryReport("meantime-factuality", split, files={path.name: _sha(path)})
    sents = read_meantime(path)
    words = [[w for w, _ in s] for s in sents]
    docs = (Doc(nlp.vocab, words=ws) for ws in words)
    for doc, sent in zip(nlp.pipe(docs), sents, strict=True):
        for tok, (_w, value) in zip(doc, sent, strict=True):
            if value is None:
                continue
            report.add(value < 3.0, status_of_token(tok) not in _FACTUAL)
    return report
