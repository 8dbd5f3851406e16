"""From plain news texts to alignment blocs, through the real model, event coder and store.

The other analytics tests build their events as data; this one checks that what the pipeline
codes from ordinary wire sentences (written for this test in the style of agency copy) is enough
for ``blocs`` to separate the two camps of the Korean peninsula.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from geosignal.analytics import blocs
from geosignal.store import open_store
from geosignal.store.ingest import ingest

pytestmark = pytest.mark.model

WIRE = (
    "Russia and North Korea signed an agreement on military cooperation in Pyongyang on Tuesday.",
    "Chinese President Xi Jinping met North Korean leader Kim Jong Un in Beijing on Monday.",
    "Russian President Vladimir Putin held talks with Chinese President Xi Jinping in Moscow on Wednesday.",
    "North Korea accused the United States of preparing an invasion and condemned the joint drills.",
    "Japan and South Korea signed a defence agreement in Tokyo on Friday to share intelligence.",
    "China criticized the United States for sending warships near Taiwan on Saturday.",
    "US Secretary of State Antony Blinken met South Korean Foreign Minister Park Jin in Seoul on Tuesday.",
    "South Korea protested to China after Chinese military aircraft entered its air defence zone.",
    "Russia condemned Japan for joining Western sanctions on Sunday.",
)


def test_blocs_from_wire_texts_separate_the_two_camps(tmp_path: Path) -> None:
    corpus = tmp_path / "wire"
    corpus.mkdir()
    for i, text in enumerate(WIRE):
        (corpus / f"{i:02d}.txt").write_text(f"Story {i}\n\n{text}\n", encoding="utf-8")
    with open_store(str(tmp_path / "s.duckdb")) as store:
        assert ingest([corpus], store).ingested == len(WIRE)
        report = blocs(store)
    bloc_of = {state: i for i, b in enumerate(report.blocs) for state in b.states}
    east, west = ("CHN", "RUS", "PRK"), ("USA", "KOR", "JPN")
    assert set(bloc_of) == {*east, *west}
    assert len({bloc_of[s] for s in east}) == 1 and len({bloc_of[s] for s in west}) == 1
    assert bloc_of["CHN"] != bloc_of["USA"] and report.modularity > 0
