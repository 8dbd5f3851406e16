"""Statements and claims on the sample article, schema validation and quality gates."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from conftest import ROOT, need_shared

pytestmark = [pytest.mark.model, pytest.mark.shared]

SCHEMA = ROOT / "src" / "geosignal" / "schema" / "analysis.schema.json"


def _stmt(d: dict[str, Any], words: str) -> dict[str, Any]:
    found = [s for s in d["statements"] if words in s["content"]["text"]]
    assert found, f"no statement with content {words!r}"
    return found[0]


def test_sample_validates_against_schema(sample_analysis: dict[str, Any]) -> None:
    jsonschema.validate(sample_analysis, json.loads(SCHEMA.read_text("utf-8")))
    ids = {a["id"] for a in sample_analysis["actors"]}
    for s in sample_analysis["statements"]:
        # A source that is not an actor ("the statement said") says so and names no actor entry.
        assert (s["speaker"]["actor"] in ids) is ("kind" not in s["speaker"])
        assert all(c["actor"] in ids for c in s["channel"])


def test_sample_direct_quotes(sample_analysis: dict[str, Any]) -> None:
    d = sample_analysis
    shoigu = _stmt(d, "an important partner of Russia")
    assert shoigu["direct"] and shoigu["speaker"]["actor"] == "sergei-shoigu"
    voice = _stmt(d, "They remembered the deep history")
    assert voice["direct"] and "voice of Korea" in voice["speaker"]["mention"]["text"]
    china = _stmt(d, "This visit contributes")
    assert china["direct"] and china["speaker"]["country"] == "CHN"
    putin = _stmt(d, "Soviet servicemen")
    assert putin["direct"] and putin["speaker"]["actor"] == "vladimir-putin"
    gt = _stmt(d, "Three countries are sending")
    assert gt["direct"] and "Global Times" in gt["speaker"]["mention"]["text"]


def test_sample_reported_speech(sample_analysis: dict[str, Any]) -> None:
    d = sample_analysis
    assert _stmt(d, "US nuclear submarines")["speaker"]["actor"] == "PRK"
    assert _stmt(d, "Washington Declaration")["speaker"]["actor"] == "kim-yo-jong"
    assert "Blinken" in _stmt(d, "with plans to establish arms supply")["speaker"]["mention"]["text"]
    assert "Patel" in _stmt(d, "Moscow and Beijing will influence")["speaker"]["mention"]["text"]
    assert "Daily Express" in _stmt(d, "the West, having decided")["speaker"]["mention"]["text"]
    mod = _stmt(d, "the purpose of the visit")
    assert mod["direct"] is False and mod["speaker"]["country"] == "RUS"
    officials = _stmt(d, "they were analyzing information")
    assert officials["speaker"]["country"] == "JPN"


def test_sample_agency_speaks_for_its_own_sourcing(sample_analysis: dict[str, Any]) -> None:
    # "The Ryonhap agency indicated that these conclusions were based on the report of the Institute":
    # the agency's own claim about where the conclusions come from. "Ryonhap" is the KB's
    # transliteration alias of Yonhap, not a second, unnamed agency; "the agency's website" is Yonhap's.
    ryonhap = _stmt(sample_analysis, "these conclusions were based")
    assert ryonhap["speaker"]["actor"] == "yonhap" and ryonhap["channel"] == []
    assert _stmt(sample_analysis, "the United States is responsible")["speaker"]["actor"] == "yonhap"
    assert not any("ryonhap" in a["id"] or a["id"] == "unnamed:agency" for a in sample_analysis["actors"])


def _claim(d: dict[str, Any], start: str) -> dict[str, Any]:
    return next(c for c in d["claims"] if c["text"].startswith(start))


SPECULATIVE = [
    "But it is possible that",
    "It is possible that",
    "Perhaps it is no coincidence",
    "Shoigu's visit could",
    "Russia may have other interests",
    "Who knows, maybe",
]
RHETORICAL = ["What lies behind", "Why do you threaten"]


def test_sample_claims(sample_analysis: dict[str, Any]) -> None:
    d = sample_analysis
    for s in SPECULATIVE:
        assert _claim(d, s)["status"] == "speculative", s
        assert _claim(d, s)["cues"]
    for s in RHETORICAL:
        assert _claim(d, s)["status"] == "rhetorical", s
    assert _claim(d, "Sergei Shoigu also met with Kim Jong-un.")["status"] == "reported"
    quote = _claim(d, '"They remembered')
    assert quote["status"] == "attributed" and quote["statement"]


def test_sample_speculative_rhetorical_gate(sample_analysis: dict[str, Any]) -> None:
    # Target of the issue: recall >= 0.85 and precision >= 0.8 over the listed sentences.
    gold = set(SPECULATIVE + RHETORICAL)
    flagged = [c for c in sample_analysis["claims"] if c["status"] in ("speculative", "rhetorical")]
    hits = {g for g in gold for c in flagged if c["text"].startswith(g)}
    precision = sum(any(c["text"].startswith(g) for g in gold) for c in flagged) / max(1, len(flagged))
    assert len(hits) / len(gold) >= 0.85
    assert precision >= 0.8


# -- quality gates: floors at the measured scores, rounded down; gold files pinned by sha256 --------

POLNEAR_SHA = {
    "dev": "b3d5f72afca30c71bf1cc41d4c09c2c7f928434a3fe3f1a9efea9fb46b7fa9d0",
    "test": "24cad3c3f94de4ca71dd898017e411df3bff2138495ccf74d76e10ea87da40fa",
}
WEASEL_SHA = "073935ccfd00af53626132ab7f7148420bef2bcf7f0867ad30893e7711e4ae79"
MEANTIME_SHA = "0107f6f257c95d59111e7870c991d978c529d1628a9daf9b55343d0b7b44f515"


def _polnear_sha(split: str) -> str:
    h = hashlib.sha256()
    root = need_shared("eval", "claims", "research-use", "polnear", split, "attributions")
    for f in sorted(root.glob("*.ann")):
        h.update(f.name.encode())
        h.update(hashlib.sha256(f.read_bytes()).digest())
    return h.hexdigest()


def test_gate_polnear_statements_test() -> None:
    from geosignal.evaluate.statements import evaluate_statements

    assert _polnear_sha("test") == POLNEAR_SHA["test"], "PolNeAR test gold changed: re-measure the floor"
    r = evaluate_statements(Path(need_shared()), "test")
    # Measured 2026-11-29: P 0.8819, R 0.6159, F1 0.7253 (was F1 0.7173; target of the issue: 0.75).
    # 2026-12-06: P 0.8861, R 0.6277, F1 0.7348.
    # 2026-12-06 (speech acts only, paragraph sentences, more constructions): P 0.8915, R 0.6341, F1 0.7410.
    # 2026-12-06 (YAML 'on', lemma fixes, hearsay adverbs, speaker and cue repairs): P 0.8892, R 0.6399, F1 0.7442.
    # 2026-12-06 (cue knots, speech nouns' 'to' and dates, 'ensure', swapped Source/Cue labels
    # scored): P 0.8946, R 0.6443, F1 0.7491 (with the old scoring: P 0.8916, R 0.6419, F1 0.7464).
    # 2026-12-06 (more speakers and stance cues, then precision filters): P 0.8943, R 0.6541,
    # F1 0.7556 (old scoring: P 0.8914, R 0.6517, F1 0.7529).
    # 2026-12-06 (pronoun gender, events16): P 0.8938, R 0.6541, F1 0.7554. The precision floor is
    # lowered from 0.894 to 0.893 on purpose: "Tim Kaine, Clinton's running mate, said he was
    # concerned ..." now gives "he" to Kaine, not Clinton, and the speaker's own nested view is
    # kept, as PolNeAR annotates it on dev (4 of 4) but not on this one test sentence.
    assert r.f1 >= 0.755 and r.precision >= 0.893


def test_gate_wikiweasel_dev() -> None:
    from geosignal.evaluate.claims import evaluate_wikiweasel

    path = need_shared("eval", "claims", "research-use", "wikiweasel_conll2010", "test.csv")
    assert hashlib.sha256(path.read_bytes()).hexdigest() == WEASEL_SHA
    r = evaluate_wikiweasel(Path(need_shared()), "dev")
    # Measured: P 0.7560, R 0.3277, F1 0.4572 (weasel wording added; was P 0.7527, F1 0.2961).
    # 2026-12-06: P 0.7640, R 0.3430, F1 0.4734 (any unnamed quantified group holds a weasel view).
    assert r.f1 >= 0.47 and r.precision >= 0.76


def test_gate_meantime_dev() -> None:
    from geosignal.evaluate.claims import evaluate_meantime

    path = need_shared("eval", "claims", "open", "meantime_factuality_unified", "dev.conll")
    assert hashlib.sha256(path.read_bytes()).hexdigest() == MEANTIME_SHA
    r = evaluate_meantime(Path(need_shared()), "dev")
    # Measured: P 0.2105, R 0.2353, F1 0.2222.
    assert r.f1 >= 0.22
