"""spaCy batches: bounded in documents and in characters, so a worker's peak memory stays flat."""

from __future__ import annotations

from geosignal.pipeline import PARSE_BATCH, PARSE_CHARS, _parse_batches


def test_batches_are_bounded_in_documents_and_characters_and_keep_order() -> None:
    lengths = [100] * (PARSE_BATCH + 3) + [PARSE_CHARS * 2] + [PARSE_CHARS // 2] * 3 + [10]
    stream = [("x" * n, i) for i, n in enumerate(lengths)]
    groups = list(_parse_batches(stream, PARSE_BATCH))
    assert [p for g in groups for p in g] == stream  # nothing lost, doubled or reordered
    assert all(0 < len(g) <= PARSE_BATCH for g in groups)
    for g in groups:  # over the budget only as a text alone
        assert sum(len(t) for t, _ in g) <= PARSE_CHARS or len(g) == 1
    assert [len(g) for g in groups] == [PARSE_BATCH, 3, 1, 2, 2]
