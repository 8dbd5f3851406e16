"""``geosignal evaluate statements``: attribution on PolNeAR (Newell et al., LREC 2018).

PolNeAR's brat files mark each attribution with Source, Cue and Content spans on political news.
A predicted statement is correct when its content overlaps a gold content span and its speaker
is the gold source: the speaker's mention overlaps the gold Source span, or the speaker actor has
a mention there (or, where the gold Source and Cue labels are swapped, the speaker lies on the gold
cue and the predicted cue on the gold source). Attributions with no source count for recall when a
content match is found.
Several annotators annotated some texts; the first annotator (by file name) is the gold one.
Tune on ``dev``; report ``test`` once per release.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import Errors, EvaluationDataError
from ._scores import f1_score

POLNEAR = Path("eval/claims/research-use/polnear")


@dataclass(slots=True)
class GoldAttribution:
    """One gold attribution relation: content, source and cue spans (each may be discontinuous)."""

    content: list[tuple[int, int]]
    source: list[tuple[int, int]]
    cue: list[tuple[int, int]]


@dataclass(slots=True)
class StatementsReport:
    """Precision, recall and F1 of content overlap with the correct source."""

    split: str
    documents: int = 0
    gold: int = 0
    predicted: int = 0
    true_positive_pred: int = 0
    true_positive_gold: int = 0
    content_only_gold: int = 0  # gold matched by content, whatever the source
    files: dict[str, str] = field(default_factory=dict)  # file -> sha256
    examples: list[dict[str, Any]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        """Share of predicted statements that match a gold attribution."""
        return self.true_positive_pred / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        """Share of gold attributions some prediction matches."""
        return self.true_positive_gold / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        return f1_score(self.precision, self.recall)

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data."""
        return {
            "suite": "polnear-statements",
            "split": self.split,
            "documents": self.documents,
            "gold": self.gold,
            "predicted": self.predicted,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "content_recall": round(self.content_only_gold / self.gold, 4) if self.gold else 0.0,
            "examples": self.examples[:30],
        }


def _spans(field_text: str) -> list[tuple[int, int]]:
    out = []
    for part in field_text.split(";"):
        a, b = part.split()[:2]
        out.append((int(a), int(b)))
    return out


def read_ann(path: Path) -> list[GoldAttribution]:
    """The attribution relations of a PolNeAR ``.ann`` file."""
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    rels: list[dict[str, str]] = []
    for line in path.read_text("utf-8").splitlines():
        parts = line.split("\t")
        if not parts or not parts[0]:
            continue
        if parts[0].startswith("T") and len(parts) >= 2:
            label, _, rest = parts[1].partition(" ")
            try:
                spans[parts[0]] = (label, _spans(rest))
            except ValueError:
                continue
        elif parts[0].startswith("E") and len(parts) >= 2:
            rels.append(dict(a.split(":", 1) for a in parts[1].split() if ":" in a))
    out: list[GoldAttribution] = []
    for r in rels:
        content = spans.get(r.get("Content", ""), ("", []))[1]
        if not content:
            continue
        source = spans.get(r.get("Source", ""), ("", []))[1]
        cue = spans.get(r.get("Cue", ""), ("", []))[1]
        out.append(GoldAttribution(content, source, cue))
    return out


def polnear_documents(shared: Path, split: str) -> list[tuple[str, Path, Path]]:
    """(name, text file, gold .ann file) of a split, one annotator per text (the first by name)."""
    root = shared / POLNEAR / split
    if not (root / "text").is_dir():
        raise EvaluationDataError(Errors.E050.format(path=root))
    anns = sorted((root / "attributions").glob("*.ann"))
    out: list[tuple[str, Path, Path]] = []
    seen: set[str] = set()
    for ann in anns:
        name = ann.stem.rsplit("_", 1)[0]
        if name in seen:
            continue
        txt = root / "text" / f"{name}.txt"
        if txt.is_file():
            seen.add(name)
            out.append((name, txt, ann))
    return out


def _overlaps(a: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in spans)


def source_matches(gold: GoldAttribution, speaker_spans: list[tuple[int, int]], cue: tuple[int, int] | None) -> bool:
    """The predicted speaker is the gold source (or the gold attribution has none).

    Some PolNeAR relations carry their Source and Cue labels swapped ("..., said Hester": Source
    "said", Cue "Hester"); a prediction whose speaker lies on that gold cue and whose cue lies on
    that gold source found the same source and cue, and matches.
    """
    if not gold.source or any(_overlaps(x, gold.source) for x in speaker_spans):
        return True
    return (
        cue is not None
        and bool(gold.cue)
        and _overlaps(cue, gold.source)
        and any(_overlaps(x, gold.cue) for x in speaker_spans)
    )


def score_document(analysis: dict[str, Any], gold: list[GoldAttribution]) -> tuple[int, int, int, list[dict[str, Any]]]:
    """(predicted matched, gold matched, gold matched by content only, misses) for one analysed text."""
    actors = {a["id"]: a for a in analysis["actors"]}
    preds = analysis["statements"]
    pred_ok = 0
    gold_hit = [False] * len(gold)
    content_hit = [False] * len(gold)
    misses: list[dict[str, Any]] = []
    for s in preds:
        content = (s["content"]["start"], s["content"]["end"])
        sp = s.get("speaker") or {}
        speaker_spans: list[tuple[int, int]] = []
        if sp.get("mention"):
            speaker_spans.append((sp["mention"]["start"], sp["mention"]["end"]))
        actor = actors.get(sp.get("actor", ""))
        if actor is not None:
            speaker_spans += [(m["start"], m["end"]) for m in actor["mentions"]]
        cue = (s["cue"]["start"], s["cue"]["end"]) if s.get("cue") else None
        matched = False
        for k, g in enumerate(gold):
            if not _overlaps(content, g.content):
                continue
            content_hit[k] = True
            if source_matches(g, speaker_spans, cue):
                gold_hit[k] = True
                matched = True
        pred_ok += matched
        if not matched:
            misses.append({"kind": "false_positive", "content": s["content"]["text"][:120]})
    text = analysis["document"]["text"]
    for k, g in enumerate(gold):
        if not gold_hit[k]:
            s0, e0 = g.content[0]
            misses.append({"kind": "missed", "content": text[s0:e0][:120]})
    return pred_ok, sum(gold_hit), sum(content_hit), misses


def evaluate_statements(shared: Path, split: str = "dev", model: str | None = None) -> StatementsReport:
    """Run the pipeline on PolNeAR ``split`` (dev or test) and score the statements."""
    from ..config import load_settings
    from ..model import Analysis, RawDocument
    from ..pipeline import analyze_documents

    docs = polnear_documents(shared, split)
    report = StatementsReport(split=split)
    raws = [RawDocument(text=txt.read_text("utf-8"), id=name, language="en") for name, txt, _ann in docs]
    settings = load_settings().with_overrides(model=model)
    for (name, _txt, ann), result in zip(docs, analyze_documents(raws, settings=settings), strict=True):
        if not isinstance(result, Analysis):
            continue
        gold = read_ann(ann)
        report.files[ann.name] = hashlib.sha256(ann.read_bytes()).hexdigest()
        d = result.to_dict()
        ok_pred, ok_gold, content_gold, misses = score_document(d, gold)
        report.documents += 1
        report.gold += len(gold)
        report.predicted += len(d["statements"])
        report.true_positive_pred += ok_pred
        report.true_positive_gold += ok_gold
        report.content_only_gold += content_gold
        report.examples.extend({"document": name, **m} for m in misses[:2])
    return report
