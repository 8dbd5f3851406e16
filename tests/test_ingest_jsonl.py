"""JSON Lines input: records with text or html, metadata, order, bad lines, streaming."""

from __future__ import annotations

import gzip
import json
import time
import tracemalloc
from itertools import islice
from pathlib import Path

from geosignal.ingest import read_path
from geosignal.model import RawDocument, Rejection

BODY = "Negotiators from Norland and Sudmark met in Ostbay on Monday to discuss fishing quotas."
HTML = (
    "<html><head><title>Quota talks</title></head><body><nav><a href='/'>Home</a></nav><article>"
    f"<p>{BODY} They agreed to meet again in April, when scientists publish a new survey of the stocks.</p>"
    "</article></body></html>"
)


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_records_with_text_or_html_and_metadata_in_order(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "in.jsonl",
        [
            json.dumps(
                {
                    "id": "a1",
                    "text": BODY,
                    "title": "Talks",
                    "outlet": "Coastal Herald",
                    "published": "2023-03-14",
                    "url": "https://herald.example/a1",
                }
            ),
            json.dumps({"id": "a2", "html": HTML}),
            "",  # blank lines are skipped, not rejected
            json.dumps({"text": "Second plain record about the ferry strike in the straits."}),
        ],
    )
    docs = list(read_path(path, max_bytes=1_000_000))
    assert all(isinstance(d, RawDocument) for d in docs)
    assert [d.source for d in docs] == [f"{path}:1", f"{path}:2", f"{path}:4"]
    first, second, third = docs
    assert isinstance(first, RawDocument) and isinstance(second, RawDocument) and isinstance(third, RawDocument)
    assert (first.id, first.title, first.outlet, first.published, first.url) == (
        "a1",
        "Talks",
        "Coastal Herald",
        "2023-03-14",
        "https://herald.example/a1",
    )
    assert first.text == BODY
    assert second.id == "a2" and second.title == "Quota talks"
    assert BODY in second.text and "Home" not in second.text
    assert third.id is None


def test_record_metadata_wins_over_extracted(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "in.jsonl", [json.dumps({"html": HTML, "title": "Given title", "published": "2023-03-15"})]
    )
    [doc] = read_path(path, max_bytes=1_000_000)
    assert isinstance(doc, RawDocument)
    assert (doc.title, doc.published) == ("Given title", "2023-03-15")


def test_text_records_lose_furniture_lines_only(tmp_path: Path) -> None:
    path = _write(tmp_path / "in.jsonl", [json.dumps({"text": f"{BODY}\nAdvertisement\nSecond paragraph here."})])
    [doc] = read_path(path, max_bytes=1_000_000)
    assert isinstance(doc, RawDocument)
    assert doc.text == f"{BODY}\nSecond paragraph here."


def test_bad_lines_become_rejections_with_line_numbers(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "in.jsonl",
        [
            json.dumps({"text": BODY}),
            "{not json",
            "[1, 2]",
            json.dumps({"title": "no body"}),
            json.dumps({"text": "   "}),
            json.dumps({"text": 42}),
            json.dumps({"text": "Last good record, still read after the bad ones."}),
        ],
    )
    got = list(read_path(path, max_bytes=1_000_000))
    assert [type(g).__name__ for g in got] == ["RawDocument"] + ["Rejection"] * 5 + ["RawDocument"]
    rejections = [g for g in got if isinstance(g, Rejection)]
    assert [r.code for r in rejections] == ["E006", "E006", "E007", "E004", "E007"]
    assert [r.source for r in rejections] == [f"{path}:{n}" for n in (2, 3, 4, 5, 6)]
    assert rejections[0].reason.startswith("[E006] line 2: not a JSON object (")
    assert rejections[1].reason == "[E006] line 3: not a JSON object (list)"
    assert rejections[2].reason == "[E007] line 4: record has neither 'text' nor 'html'"
    assert all("\n" not in r.message() for r in rejections)


def test_undecodable_line_is_rejected_and_others_read(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(b'{"text": "caf\xe9 in latin-1"}\n' + json.dumps({"text": BODY}).encode() + b"\n")
    bad, good = read_path(path, max_bytes=1_000_000)
    assert isinstance(bad, Rejection) and bad.code == "E003" and bad.source == f"{path}:1"
    assert "line 1 not UTF-8" in bad.reason
    assert isinstance(good, RawDocument)


def test_bom_on_first_line(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"text": BODY}).encode() + b"\n")
    [doc] = read_path(path, max_bytes=1_000_000)
    assert isinstance(doc, RawDocument)


def test_gzipped_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl.gz"
    path.write_bytes(gzip.compress((json.dumps({"text": BODY}) + "\n" + json.dumps({"html": HTML}) + "\n").encode()))
    docs = list(read_path(path, max_bytes=1_000_000))
    assert [type(d).__name__ for d in docs] == ["RawDocument", "RawDocument"]


def test_truncated_gzipped_jsonl_keeps_records_before_the_damage(tmp_path: Path) -> None:
    lines = "".join(json.dumps({"text": f"{BODY} Record {i}."}) + "\n" for i in range(2000)).encode()
    path = tmp_path / "cut.jsonl.gz"
    blob = gzip.compress(lines)
    path.write_bytes(blob[: len(blob) // 2])
    got = list(read_path(path, max_bytes=1_000_000))
    assert isinstance(got[0], RawDocument)
    assert isinstance(got[-1], Rejection) and got[-1].code == "E010"
    assert 0 < len(got) - 1 < 2000


def test_overlong_line_is_rejected_in_bounded_memory(tmp_path: Path) -> None:
    # One 50 MB record between two small ones, with a 1 MB limit per line.
    path = tmp_path / "big.jsonl"
    with path.open("wb") as fh:
        fh.write(json.dumps({"text": BODY}).encode() + b"\n")
        fh.write(b'{"text": "')
        chunk = b"word " * 200_000
        for _ in range(50):
            fh.write(chunk)
        fh.write(b'"}\n')
        fh.write(json.dumps({"text": "After the big one."}).encode() + b"\n")
    tracemalloc.start()
    try:
        got = list(read_path(path, max_bytes=1_000_000))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [type(g).__name__ for g in got] == ["RawDocument", "Rejection", "RawDocument"]
    big = got[1]
    assert isinstance(big, Rejection) and big.code == "E009" and big.source == f"{path}:2"
    assert "over the 1000000" in big.reason
    assert peak < 10_000_000, f"peak {peak} bytes: the long line was held in memory"


def test_large_jsonl_is_streamed(tmp_path: Path) -> None:
    # A 50 MB file over the size limit is still read, record by record: the first records come at once.
    path = tmp_path / "many.jsonl"
    record = (json.dumps({"text": BODY * 5}) + "\n").encode()
    with path.open("wb") as fh:
        fh.write(record * (50_000_000 // len(record)))
    assert path.stat().st_size > 45_000_000
    start = time.perf_counter()
    first = list(islice(read_path(path, max_bytes=1_000_000), 3))
    assert time.perf_counter() - start < 2.0
    assert [type(d).__name__ for d in first] == ["RawDocument"] * 3
