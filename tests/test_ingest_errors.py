"""Bad input: each problem becomes a one-line Rejection naming it, and the other inputs go on."""

from __future__ import annotations

import gzip
import time
from pathlib import Path

import pytest

from geosignal.config import load_settings
from geosignal.ingest import read_inputs, read_path
from geosignal.model import RawDocument, Rejection

BODY = "Negotiators from Norland and Sudmark met in Ostbay on Monday to discuss fishing quotas.\n"


def _one(path: Path, max_bytes: int = 1_000_000) -> Rejection:
    [got] = read_path(path, max_bytes=max_bytes)
    assert isinstance(got, Rejection), got
    assert "\n" not in got.message()
    assert got.source == str(path)
    return got


def test_missing_file(tmp_path: Path) -> None:
    got = _one(tmp_path / "nope.txt")
    assert (got.code, got.reason) == ("E001", "[E001] no such file or directory")


def test_directory_without_articles(tmp_path: Path) -> None:
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.7")
    (tmp_path / "sub").mkdir()
    got = _one(tmp_path)
    assert got.code == "E002"
    assert got.reason.startswith("[E002] directory holds no articles (looked for .txt, .md")


def test_directory_reads_articles_recursively_in_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.md").write_text(BODY, encoding="utf-8")
    (tmp_path / "one.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "skip.pdf").write_bytes(b"%PDF")
    docs = list(read_path(tmp_path, max_bytes=1_000_000))
    assert [Path(str(d.source)).name for d in docs] == ["two.md", "one.txt"]  # sorted by path: b/ before one.txt


@pytest.mark.parametrize(
    ("data", "detail"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "NUL bytes"),
        (b"Caf\xe9 au lait costs \xa31 in Ostbay.", "not UTF-8 at byte 3"),
    ],
)
def test_binary_or_undecodable(tmp_path: Path, data: bytes, detail: str) -> None:
    path = tmp_path / "odd.txt"
    path.write_bytes(data)
    got = _one(path)
    assert got.code == "E003"
    assert got.reason == f"[E003] binary or undecodable content: {detail}"


def test_utf16_with_bom_is_read(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes(BODY.encode("utf-16"))
    [doc] = read_path(path, max_bytes=1_000_000)
    assert isinstance(doc, RawDocument) and doc.text == BODY.strip()


@pytest.mark.parametrize("content", ["", "   \n\n\t\n", "Photo: A. Person\n© 2024 Valley Times\n"])
def test_empty_text(tmp_path: Path, content: str) -> None:
    path = tmp_path / "empty.txt"
    path.write_text(content, encoding="utf-8")
    got = _one(path)
    assert (got.code, got.reason) == ("E004", "[E004] empty text after cleaning")


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text(BODY * 10, encoding="utf-8")
    got = _one(path, max_bytes=100)
    assert got.code == "E005"
    assert got.reason == (
        f"[E005] file is {path.stat().st_size} bytes, over the 100-byte limit (set GEOSIGNAL_MAX_BYTES to raise it)"
    )


def test_size_limit_comes_from_geosignal_max_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GEOSIGNAL_MAX_BYTES", "50")
    path = tmp_path / "long.txt"
    path.write_text(BODY, encoding="utf-8")
    assert _one(path, max_bytes=load_settings().max_bytes).code == "E005"


def test_50_mb_file_is_refused_without_reading_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "huge.html"
    with path.open("wb") as fh:
        fh.write(b"<html><body><p>")
        fh.truncate(50_000_000)  # a real 50 MB file (sparse where the filesystem allows)

    def no_reading(self: Path) -> bytes:
        raise AssertionError(f"{self} was read")

    monkeypatch.setattr(Path, "read_bytes", no_reading)
    start = time.perf_counter()
    got = _one(path, max_bytes=load_settings().max_bytes)
    assert time.perf_counter() - start < 0.5
    assert got.code == "E005"
    assert "file is 50000000 bytes, over the 20000000-byte limit" in got.reason


def test_gzip_that_inflates_over_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"a" * 5_000_000))  # about 5 KB on disk
    got = _one(path, max_bytes=1_000_000)
    assert got.code == "E005"
    assert got.reason.startswith("[E005] file is more than 1000000 uncompressed bytes, over the 1000000-byte limit")


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("notgz.html.gz", b"<html>plain, not gzip</html>"),
        ("cut.txt.gz", gzip.compress(BODY.encode() * 50)[:40]),
        ("bad.txt.gz", gzip.compress(BODY.encode())[:12] + b"\xff" * 40),
    ],
)
def test_corrupt_gzip(tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    got = _one(path)
    assert got.code == "E010"
    assert got.reason.startswith("[E010] not a readable gzip file: ")


def test_bad_inputs_do_not_stop_the_others(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(BODY, encoding="utf-8")
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\x00\x01\x02")
    broken = tmp_path / "broken.html.gz"
    broken.write_bytes(b"nope")
    got = list(read_inputs([tmp_path / "missing.md", binary, good, broken, good], max_bytes=1_000_000))
    assert [g.code if isinstance(g, Rejection) else "doc" for g in got] == ["E001", "E003", "doc", "E010", "doc"]


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(BODY.encode())))
    [doc] = read_inputs(["-"], max_bytes=1_000_000)
    assert isinstance(doc, RawDocument) and doc.source == "<stdin>"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(BODY.encode() * 10)))
    [got] = read_inputs(["-"], max_bytes=100)
    assert isinstance(got, Rejection) and got.code == "E005"
