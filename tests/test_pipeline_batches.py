"""Batches: spaCy's bounded in documents and characters (flat memory), and the engines' last ones cut small."""

from __future__ import annotations

from geosignal.pipeline import PARSE_BATCH, PARSE_CHARS, _parse_batches
from geosignal.store.ingest import split_tail


def test_batches_are_bounded_in_documents_and_characters_and_keep_order() -> None:
    lengths = [100] * (PARSE_BATCH + 3) + [PARSE_CHARS * 2] + [PARSE_CHARS // 2] * 3 + [10]
    stream = [("x" * n, i) for i, n in enumerate(lengths)]
    groups = list(_parse_batches(stream, PARSE_BATCH))
    assert [p for g in groups for p in g] == stream  # nothing lost, doubled or reordered
    assert all(0 < len(g) <= PARSE_BATCH for g in groups)
    for g in groups:  # over the budget only as a text alone
        assert sum(len(t) for t, _ in g) <= PARSE_CHARS or len(g) == 1
    assert [len(g) for g in groups] == [PARSE_BATCH, 3, 1, 2, 2]


def test_the_last_batches_of_a_parallel_run_come_cut_into_pieces() -> None:
    batches = [list(range(k * 10, k * 10 + 10)) for k in range(5)] + [[50, 51, 52]]
    out = list(split_tail(iter(batches), 2, 4))
    assert [i for b in out for i in b] == list(range(53))  # nothing lost, doubled or reordered
    assert out[:4] == batches[:4]  # whole batches until the last two
    assert [len(b) for b in out[4:]] == [4, 4, 2, 3]
    assert list(split_tail(iter(batches[:1]), 2, 4)) == [batches[0][:4], batches[0][4:8], batches[0][8:]]
    assert list(split_tail(iter([]), 2, 4)) == []
