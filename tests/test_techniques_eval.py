"""Scoring of technique spans and the PTC quality gate."""

from __future__ import annotations

from collections import Counter

import pytest

from conftest import SHARED, need_shared
from geosignal.evaluate.techniques import (
    LABELS,
    PRF,
    TechniqueReport,
    evaluate_techniques,
    label_files_sha256,
    load_articles,
    merge_spans,
    split_of,
)
from geosignal.techniques import TECHNIQUES

# Measured on the held-out test fifth (rounded down); the gate fails if the stage gets worse.
# 2026-11-29, after dropping cues nearly always wrong on dev: same label 0.1398, span only 0.3112.
# 2026-12-06, bare demonyms no longer flag-waving, "our troops"-style cues added, "very, very" only:
# same label 0.1392, span only 0.3128 (the label floor stays; the span floor rises).
# 2026-12-06, word-level cues grown to their noun phrases, scare quotes and exclamations, a broader
# hand lexicon of loaded words and labels: same label 0.1708, span only 0.3477.
# 2026-12-06, negated questions as doubt: same label 0.1713, span only 0.3476.
# 2026-12-06, lone sentence-level and quote hits and weak mined cues dropped in texts sparse in cues:
# same label 0.1747, span only 0.3542.
TEST_LABELLED_F1_FLOOR = 0.174
TEST_UNLABELLED_F1_FLOOR = 0.354
LABEL_SHA256 = {
    "train-task2-TC.labels": "aee64bf6c7da1da08bd5f9f88f65377a29325740515a97b8e447ae196263c896",
    "train-task1-SI.labels": "8733b0876c2dc51e16e892d5eb1c7479424d217d1cdf0504a4075d3a1ce7eef6",
}


def test_labels_map_to_the_schema_names() -> None:
    assert sorted(LABELS.values()) == sorted(TECHNIQUES)


def test_partial_overlap_credit() -> None:
    m = PRF()
    m.add([(0, 10)], [(5, 15)])
    assert m.precision == pytest.approx(0.5)
    assert m.recall == pytest.approx(0.5)
    m2 = PRF()
    m2.add([(0, 4), (20, 30)], [(0, 8)])
    assert m2.precision == pytest.approx(0.5)  # (1 + 0) / 2
    assert m2.recall == pytest.approx(0.5)  # 4 / 8
    assert PRF().f1 == 0.0


def test_labelled_score_needs_the_same_technique() -> None:
    r = TechniqueReport("x")
    r.add([("doubt", 0, 10)], [("loaded_language", 0, 10)])
    assert r.labelled.f1 == 0.0
    assert r.unlabelled.f1 == pytest.approx(1.0)


def test_merge_spans() -> None:
    assert merge_spans([(5, 9), (0, 6), (12, 14)]) == [(0, 9), (12, 14)]


def test_split_is_deterministic_and_about_a_fifth_held_out() -> None:
    ids = [str(111111111 + i) for i in range(2000)]
    counts = Counter(split_of(i) for i in ids)
    assert [split_of(i) for i in ids[:50]] == [split_of(i) for i in ids[:50]]
    assert 0.15 < counts["test"] / 2000 < 0.25
    assert 0.12 < counts["dev"] / 2000 < 0.2


def test_unknown_split_is_refused() -> None:
    with pytest.raises(ValueError):
        load_articles(SHARED, "validation")


@pytest.mark.shared
def test_ptc_label_files_are_the_pinned_ones() -> None:
    need_shared("eval", "claims", "research-use", "ptc_semeval2020_task11")
    assert label_files_sha256(SHARED) == LABEL_SHA256


@pytest.mark.shared
def test_splits_partition_the_articles() -> None:
    need_shared("eval", "claims", "research-use", "ptc_semeval2020_task11")
    ids = {s: {a.id for a in load_articles(SHARED, s)} for s in ("train", "dev", "test")}
    assert sum(len(v) for v in ids.values()) == 371
    assert not (ids["train"] & ids["test"]) and not (ids["dev"] & ids["test"])


@pytest.mark.model
@pytest.mark.shared
def test_quality_gate_on_the_held_out_fifth() -> None:
    need_shared("eval", "claims", "research-use", "ptc_semeval2020_task11")
    report = evaluate_techniques(SHARED, "test")
    assert report.articles > 50
    assert report.labelled.f1 >= TEST_LABELLED_F1_FLOOR
    assert report.unlabelled.f1 >= TEST_UNLABELLED_F1_FLOOR
