"""WARC files as inputs: archives written here with warcio from the benchmark's real pages, and warcio's test files."""

from __future__ import annotations

import gzip
import json
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from conftest import need_shared
from geosignal.ingest import read_inputs
from geosignal.ingest.html import parse_html
from geosignal.model import RawDocument, Rejection

pytestmark = pytest.mark.shared
LIMIT = 20_000_000
N_PAGES = 5


def _pages(n: int, *, smallest: bool = False) -> list[tuple[str, bytes]]:
    """(url, html bytes) of n benchmark pages (the first, or the shortest of the first 40), with their gold URL."""
    root = need_shared("eval", "news", "scrapinghub_aeb")
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    keys = sorted(truth)[: 40 if smallest else n]
    if smallest:  # short articles keep the NLP test fast
        keys = sorted(keys, key=lambda k: len(truth[k]["articleBody"]))[:n]
    return [(truth[k]["url"], gzip.decompress((root / "html" / f"{k}.html.gz").read_bytes())) for k in keys]


def _write_warc(path: Path, pages: list[tuple[str, bytes]], *, gz: bool = True) -> None:
    """A crawl-like archive: warcinfo, then per page a request and its response, plus an image and a 404."""
    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=gz)

        def write(rec: Any) -> None:
            w.write_record(rec)
            if rec.raw_stream is not None:
                rec.raw_stream.close()  # warcio's spooled buffer: closed, or pytest warns

        write(w.create_warcinfo_record(path.name, {"software": "geosignal tests"}))

        def response(url: str, body: bytes, status: str, ctype: str) -> None:
            http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            rec = w.create_warc_record(url, "response", payload=BytesIO(body), http_headers=http)
            rec.rec_headers.replace_header("WARC-Date", "2019-05-06T07:08:09Z")
            write(rec)

        for url, body in pages:
            req = StatusAndHeaders("GET / HTTP/1.1", [("Host", "x")], is_http_request=True)
            write(w.create_warc_record(url, "request", payload=BytesIO(b""), http_headers=req))
            response(url, body, "200 OK", "text/html; charset=utf-8")
        response("https://img.example/a.png", b"\x89PNG\r\n\x1a\n" + bytes(200), "200 OK", "image/png")
        response("https://gone.example/", pages[0][1], "404 Not Found", "text/html")


@pytest.mark.parametrize("gz", [True, False])
def test_html_responses_go_through_the_page_extraction(tmp_path: Path, gz: bool) -> None:
    pages = _pages(N_PAGES)
    warc = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    _write_warc(warc, pages, gz=gz)
    skipped: dict[str, int] = {}
    got = list(read_inputs([warc], max_bytes=LIMIT, skipped=skipped))
    assert all(isinstance(d, RawDocument) for d in got), [d for d in got if isinstance(d, Rejection)]
    docs = [d for d in got if isinstance(d, RawDocument)]
    assert [d.url for d in docs] == [u for u, _ in pages]
    for doc, (url, body) in zip(docs, pages, strict=True):
        direct = parse_html(body.decode("utf-8"), "x", url=url)
        assert isinstance(direct, RawDocument)
        assert doc.text == direct.text and doc.title == direct.title
        # The page's own date, else the crawl's.
        assert doc.published == (direct.published or "2019-05-06T07:08:09Z")
        assert doc.source and doc.source.startswith(f"{warc}@")
    assert skipped == {"WARC warcinfo": 1, "WARC request": N_PAGES, "WARC image/png response": 1, "WARC HTTP 404": 1}


def test_a_damaged_warc_keeps_the_pages_before_the_damage(tmp_path: Path) -> None:
    pages = _pages(N_PAGES)
    whole = tmp_path / "whole.warc.gz"
    _write_warc(whole, pages)
    data = whole.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: int(len(data) * 0.6)] + b"garbage that is not a gzip member" * 3)
    got = list(read_inputs([cut], max_bytes=LIMIT))
    docs = [d for d in got if isinstance(d, RawDocument)]
    assert 0 < len(docs) < N_PAGES
    assert isinstance(got[-1], Rejection) and got[-1].code == "E014" and got[-1].source == str(cut)
    assert "cut off" in got[-1].reason
    assert "\n" not in got[-1].reason


def test_warcio_test_files() -> None:
    base = need_shared("eval", "news", "feeds", "warcio_test_data")
    skipped: dict[str, int] = {}
    got = list(
        read_inputs(
            [base / "example.warc.gz", base / "example-bad-non-chunked.warc.gz", base / "post-test.warc.gz"],
            max_bytes=LIMIT,
            skipped=skipped,
        )
    )
    by_file = {(Path(r.source.split("@")[0]).name, r.code) for r in got if isinstance(r, Rejection)}
    # example.warc.gz holds one HTML response (example.com's page) among warcinfo, request and revisit records.
    docs = [d for d in got if isinstance(d, RawDocument)]
    assert [d.url for d in docs] == ["http://example.com/"] and "illustrative examples" in docs[0].text
    assert ("example-bad-non-chunked.warc.gz", "E014") in by_file
    assert ("post-test.warc.gz", "E015") in by_file  # JSON responses only
    assert skipped["WARC revisit"] == 1 and skipped["WARC application/json response"] == 3


def test_an_oversized_page_is_refused_not_read(tmp_path: Path) -> None:
    pages = _pages(2)
    warc = tmp_path / "big.warc.gz"
    _write_warc(warc, pages)
    small = min(len(b) for _, b in pages)
    got = list(read_inputs([warc], max_bytes=small - 1))
    assert [r.code for r in got if isinstance(r, Rejection)] == ["E005", "E005"]


@pytest.mark.model
def test_feeds_and_warcs_through_analyze_and_ingest(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from geosignal.cli import app
    from geosignal.store import open_store

    runner = CliRunner()
    feeds = need_shared("eval", "news", "feeds", "trafilatura")
    pages = _pages(2, smallest=True)
    warc = tmp_path / "crawl.warc.gz"
    _write_warc(warc, pages)
    out = runner.invoke(app, ["analyze", str(feeds / "feed2.rss")])
    assert out.exit_code == 0, out.output
    doc = json.loads(out.stdout)["document"]
    assert doc["url"] == "http://www.example.com/blog/post/1" and doc["outlet"] == "RSS Title"
    assert doc["id"] == "7bd204c6-1655-4c27-aeee-53f933c5395f" and doc["published"] == "2009-09-06T16:20:00Z"

    out = runner.invoke(app, ["analyze", str(warc), "-f", "jsonl"])
    assert out.exit_code == 0, out.output
    assert [json.loads(line)["document"]["url"] for line in out.stdout.splitlines()] == [u for u, _ in pages]
    assert "skipped 5 non-article records" in out.stderr and "1 WARC image/png response" in out.stderr

    db = str(tmp_path / "s.duckdb")
    args = ["ingest", str(feeds / "feed2.rss"), str(feeds / "sitemap.xml"), str(warc), "--db", db]
    first = runner.invoke(app, args)
    assert first.exit_code == 1  # the sitemap is rejected; the rest went in
    assert "sitemap.xml: [E011]" in first.stderr and "skipped 5 non-article records" in first.stderr
    assert "ingested 3, unchanged 0, rejected 1" in first.stderr
    with open_store(db, read_only=True) as s:
        urls = {r[0] for r in s.fetch("SELECT url FROM documents")}
        assert urls == {"http://www.example.com/blog/post/1", *(u for u, _ in pages)}
        assert [r["code"] for r in s.rejects()] == ["E011"]
    again = runner.invoke(app, args)
    assert "ingested 0, unchanged 3, rejected 1" in again.stderr


def test_a_large_warc_is_streamed(tmp_path: Path) -> None:
    import tracemalloc

    # 40 one-megabyte non-HTML responses and one page at the end: reading holds one record at a time.
    warc = tmp_path / "large.warc"
    page_url, page = _pages(1, smallest=True)[0]
    with warc.open("wb") as fh:
        w = WARCWriter(fh, gzip=False)
        blob = bytes(range(256)) * 4096
        for i in range(40):
            http = StatusAndHeaders("200 OK", [("Content-Type", "application/octet-stream")], protocol="HTTP/1.1")
            rec = w.create_warc_record(f"https://x.example/{i}", "response", payload=BytesIO(blob), http_headers=http)
            w.write_record(rec)
            rec.raw_stream.close()
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        rec = w.create_warc_record(page_url, "response", payload=BytesIO(page), http_headers=http)
        w.write_record(rec)
        rec.raw_stream.close()
    assert warc.stat().st_size > 40_000_000
    skipped: dict[str, int] = {}
    parse_html(page.decode("utf-8"), "warm-up", url=page_url)  # loads the language model before measuring
    tracemalloc.start()
    try:
        got = list(read_inputs([warc], max_bytes=LIMIT, skipped=skipped))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [d.url for d in got if isinstance(d, RawDocument)] == [page_url]
    assert skipped == {"WARC application/octet-stream response": 40}
    assert peak < 10_000_000, peak  # measured 2.4 MB: one record at a time, never the 40 MB archive


def test_a_cut_inside_a_skipped_record_gives_a_readable_reason(tmp_path: Path) -> None:
    from warcio.archiveiterator import ArchiveIterator

    whole = tmp_path / "whole.warc.gz"
    _write_warc(whole, _pages(2))
    with whole.open("rb") as fh:
        it = ArchiveIterator(fh)
        starts = [(int(it.offset), r.rec_type) for r in it]
    data = whole.read_bytes()
    # The second request record (skipped, never read) cut in its middle, then bytes of a later member.
    k = [i for i, (_, kind) in enumerate(starts) if kind == "request"][1]
    start, end = starts[k][0], starts[k + 1][0]
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: (start + end) // 2] + data[end + 2 : end + 400])
    got = list(read_inputs([cut], max_bytes=LIMIT))
    assert len([d for d in got if isinstance(d, RawDocument)]) == 1
    last = got[-1]
    assert isinstance(last, Rejection) and last.code == "E014" and "cut off" in last.reason
    assert last.reason.isprintable()
