"""PolNeAR scoring of one predicted statement against gold relations (no model, no data)."""

from __future__ import annotations

from geosignal.evaluate.statements import GoldAttribution, source_matches

TEXT = '"Nobody wants that," said Hester.'
QUOTE, SAID, HESTER = (1, 18), (21, 25), (26, 32)


def test_speaker_on_the_gold_source_matches() -> None:
    gold = GoldAttribution(content=[QUOTE], source=[HESTER], cue=[SAID])
    assert source_matches(gold, [HESTER], SAID)
    assert not source_matches(gold, [(0, 1)], SAID)  # speaker elsewhere


def test_swapped_source_and_cue_labels_match_only_an_exact_swap() -> None:
    gold = GoldAttribution(content=[QUOTE], source=[SAID], cue=[HESTER])
    assert source_matches(gold, [HESTER], SAID)
    assert not source_matches(gold, [HESTER], None)  # no cue predicted: no swap to see
    assert not source_matches(gold, [(0, 1)], SAID)  # speaker elsewhere


def test_a_relation_without_source_matches_any_speaker() -> None:
    gold = GoldAttribution(content=[QUOTE], source=[], cue=[SAID])
    assert source_matches(gold, [], None)
