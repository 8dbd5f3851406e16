"""``geosignal evaluate techniques``: persuasion-technique spans scored on the PTC corpus.

The gold set is the training part of the SemEval-2020 Task 11 Propaganda Techniques Corpus
(``eval/claims/research-use/ptc_semeval2020_task11``: 371 articles, research use only; read in
place, never copied). The articles are split deterministically by a hash of their id:
``test`` is a held-out fifth, ``dev`` is a fifth of the rest (for tuning), ``train`` is what
is left (the only part ``geosignal.techniques.train`` learns from).

Two scores, both with the task's partial credit for overlapping spans:

* ``labelled``: a predicted span earns ``|s ∩ t| / |s|`` of precision for every gold span ``t``
  of the same technique it overlaps, a gold span earns ``|s ∩ t| / |t|`` of recall (the
  SemEval-2019/2020 fragment-level scoring).
* ``unlabelled``: the same over technique-agnostic spans, overlapping spans merged first
  (SemEval-2020 subtask SI, where the published best is 0.52 F1).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import Errors, EvaluationDataError
from ._scores import f1_score

PTC = Path("eval/claims/research-use/ptc_semeval2020_task11")
LABEL_FILE = "train-task2-TC.labels"
SI_FILE = "train-task1-SI.labels"

# PTC label -> the analysis schema's snake_case name.
LABELS: dict[str, str] = {
    "Appeal_to_Authority": "appeal_to_authority",
    "Appeal_to_fear-prejudice": "appeal_to_fear_prejudice",
    "Bandwagon,Reductio_ad_hitlerum": "bandwagon_reductio_ad_hitlerum",
    "Black-and-White_Fallacy": "black_and_white_fallacy",
    "Causal_Oversimplification": "causal_oversimplification",
    "Doubt": "doubt",
    "Exaggeration,Minimisation": "exaggeration_minimisation",
    "Flag-Waving": "flag_waving",
    "Loaded_Language": "loaded_language",
    "Name_Calling,Labeling": "name_calling_labeling",
    "Repetition": "repetition",
    "Slogans": "slogans",
    "Thought-terminating_Cliches": "thought_terminating_cliches",
    "Whataboutism,Straw_Men,Red_Herring": "whataboutism_straw_men_red_herring",
}
SPLITS = ("train", "dev", "test")

# Published SemEval-2020 Task 11 winners, for the report.
PUBLISHED = {"span_identification_f1": 0.5155, "technique_classification_micro_f1": 0.6227}

Labelled = tuple[str, int, int]  # (technique, start, end)


@dataclass(frozen=True, slots=True)
class Article:
    """One PTC article: its id, exact text and gold technique spans."""

    id: str
    text: str
    spans: tuple[Labelled, ...]


def split_of(article_id: str) -> str:
    """``test`` for a fifth of the articles, ``dev`` for a fifth of the rest, else ``train``."""
    digest = hashlib.sha256(f"ptc:{article_id}".encode()).digest()
    if digest[0] % 5 == 0:
        return "test"
    return "dev" if digest[1] % 5 == 0 else "train"


def ptc_dir(shared: Path) -> Path:
    """The PTC folder under ``shared``, or raise EvaluationDataError if it is missing."""
    root = shared / PTC
    if not (root / LABEL_FILE).is_file() or not (root / "train-articles").is_dir():
        raise EvaluationDataError(Errors.E050.format(path=root))
    return root


def load_articles(shared: Path, split: str | Iterable[str]) -> list[Article]:
    """The PTC articles of one split (or several), in id order, with their gold spans."""
    wanted = {split} if isinstance(split, str) else set(split)
    unknown = wanted - set(SPLITS)
    if unknown:
        raise ValueError(f"unknown split {sorted(unknown)}; choose from {', '.join(SPLITS)}")
    root = ptc_dir(shared)
    gold: dict[str, list[Labelled]] = defaultdict(list)
    with (root / LABEL_FILE).open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 4:
                continue
            aid, label, start, end = parts
            gold[aid].append((LABELS.get(label, label), int(start), int(end)))
    out: list[Article] = []
    for path in sorted((root / "train-articles").glob("article*.txt")):
        aid = path.stem.removeprefix("article")
        if split_of(aid) not in wanted:
            continue
        with path.open(encoding="utf-8", newline="") as fh:
            text = fh.read()
        out.append(Article(aid, text, tuple(sorted(gold.get(aid, []), key=lambda s: (s[1], s[2], s[0])))))
    return out


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def merge_spans(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping or touching spans merged into one (the SI scorer does this to both sides)."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


@dataclass(slots=True)
class PRF:
    """Partial-credit precision and recall sums over predicted and gold spans."""

    p_sum: float = 0.0
    n_pred: int = 0
    r_sum: float = 0.0
    n_gold: int = 0

    @property
    def precision(self) -> float:
        """Mean precision credit of the predicted spans."""
        return self.p_sum / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        """Mean recall credit of the gold spans."""
        return self.r_sum / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        return f1_score(self.precision, self.recall)

    def add(self, pred: Sequence[tuple[int, int]], gold: Sequence[tuple[int, int]]) -> None:
        """Score one article's predicted spans against its gold spans (same technique)."""
        self.n_pred += len(pred)
        self.n_gold += len(gold)
        for s0, s1 in pred:
            if s1 > s0:
                self.p_sum += sum(_overlap(s0, s1, t0, t1) for t0, t1 in gold) / (s1 - s0)
        for t0, t1 in gold:
            if t1 > t0:
                self.r_sum += sum(_overlap(s0, s1, t0, t1) for s0, s1 in pred) / (t1 - t0)

    def to_dict(self) -> dict[str, Any]:
        """Rounded figures with counts."""
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "predicted": self.n_pred,
            "gold": self.n_gold,
        }


@dataclass(slots=True)
class TechniqueReport:
    """Span scores of the techniques stage on one split of the PTC articles."""

    split: str
    articles: int = 0
    labelled: PRF = field(default_factory=PRF)
    unlabelled: PRF = field(default_factory=PRF)
    by_technique: dict[str, PRF] = field(default_factory=dict)

    @property
    def span_f1(self) -> float:
        """The labelled partial-overlap span F1 (the issue's target metric)."""
        return self.labelled.f1

    def add(self, predicted: Sequence[Labelled], gold: Sequence[Labelled]) -> None:
        """Score one article."""
        self.articles += 1
        self.unlabelled.add(merge_spans((s, e) for _, s, e in predicted), merge_spans((s, e) for _, s, e in gold))
        names = {t for t, _, _ in predicted} | {t for t, _, _ in gold}
        for name in sorted(names):
            pred = [(s, e) for t, s, e in predicted if t == name]
            gld = [(s, e) for t, s, e in gold if t == name]
            self.labelled.add(pred, gld)
            self.by_technique.setdefault(name, PRF()).add(pred, gld)

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data."""
        return {
            "suite": "ptc-techniques",
            "split": self.split,
            "articles": self.articles,
            "span_f1": round(self.span_f1, 4),
            "labelled": self.labelled.to_dict(),
            "unlabelled": self.unlabelled.to_dict(),
            "by_technique": {k: v.to_dict() for k, v in sorted(self.by_technique.items())},
            "published": PUBLISHED,
        }


def label_files_sha256(shared: Path) -> dict[str, str]:
    """SHA-256 of the PTC label files, so a changed gold set is noticed."""
    root = ptc_dir(shared)
    return {name: hashlib.sha256((root / name).read_bytes()).hexdigest() for name in (LABEL_FILE, SI_FILE)}


def evaluate_techniques(shared: Path, split: str = "test", *, model: str | None = None) -> TechniqueReport:
    """Run the techniques stage over one split of the PTC articles and score its spans.

    Raises EvaluationDataError if the PTC folder is missing, ValueError for an unknown split.
    """
    from ..config import load_settings
    from ..nlp import load_nlp
    from ..techniques import find_techniques

    articles = load_articles(shared, split)
    nlp = load_nlp(model or load_settings().model)
    report = TechniqueReport(split=split)
    for doc, art in zip(nlp.pipe(a.text for a in articles), articles, strict=True):
        found = [(t.technique, t.start, t.end) for t in find_techniques(doc)]
        report.add(found, art.spans)
    return report
