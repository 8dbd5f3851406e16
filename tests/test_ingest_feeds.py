"""RSS/Atom feeds as inputs: real feeds from ../shared/eval/news/feeds, checked against rss-parser's own outputs."""

from __future__ import annotations

import gzip
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from conftest import need_shared
from geosignal.ingest import read_inputs
from geosignal.ingest.html import parse_html
from geosignal.model import RawDocument, Rejection

pytestmark = pytest.mark.shared
LIMIT = 20_000_000
HTML_TAG = re.compile(r"</?(?:p|div|a|span|br|img|em|strong)\b[^>]*>", re.I)


def _read(*paths: Path) -> list[RawDocument | Rejection]:
    return list(read_inputs(paths, max_bytes=LIMIT))


def _expected(name: str) -> list[dict[str, Any]]:
    """rss-parser's parse of the same feed (its test fixture): an independent reading to compare with."""
    out = need_shared("eval", "news", "feeds", "rss-parser", "output", f"{name}.json")
    return list(json.loads(out.read_bytes().decode("utf-8", "replace"))["feed"]["items"])


@pytest.mark.parametrize("name", ["guardian.rss", "heise.atom", "atom-customfields.atom", "reddit.rss"])
def test_each_item_is_a_document_with_the_feeds_metadata(name: str) -> None:
    path = need_shared("eval", "news", "feeds", "rss-parser", "input", name)
    expected = _expected(Path(name).stem)
    got = _read(path)
    assert len(got) == len(expected) > 0
    assert all(isinstance(d, RawDocument) for d in got)
    docs = [d for d in got if isinstance(d, RawDocument)]
    assert [d.url for d in docs] == [(e.get("link") or "").strip() for e in expected]
    assert [d.title for d in docs] == [" ".join((e.get("title") or "").split()) for e in expected]
    assert [d.source for d in docs] == [f"{path}:{n}" for n in range(1, len(docs) + 1)]
    # Stable, distinct ids (guid or link), and dates as ISO date-times.
    assert len({d.id for d in docs}) == len(docs) and all(d.id for d in docs)
    assert all(d.published and d.published[4] == "-" and d.published.endswith("Z") for d in docs)
    assert len({d.outlet for d in docs}) == 1 and docs[0].outlet
    # Markup is gone (a blog post quoting XML keeps its quoted tags, so look for HTML ones).
    assert all(d.text.strip() and not HTML_TAG.search(d.text) for d in docs)


def test_item_text_is_the_html_extraction_of_its_own_content() -> None:
    path = need_shared("eval", "news", "feeds", "rss-parser", "input", "guardian.rss")
    import feedparser

    entry = feedparser.parse(path.read_bytes()).entries[3]
    doc = _read(path)[3]
    assert isinstance(doc, RawDocument)
    direct = parse_html(f"<html><body><article>{entry.summary}</article></body></html>", "x")
    assert isinstance(direct, RawDocument)
    assert doc.text == direct.text and len(doc.text) > 100
    assert doc.id == entry.id and doc.published == "2018-01-31T" + doc.published[11:]


def test_content_wins_over_summary() -> None:
    # content-encoded.rss has both <description> and <content:encoded>; the full content is taken.
    path = need_shared("eval", "news", "feeds", "rss-parser", "input", "content-encoded.rss")
    expected = _expected("content-encoded")
    docs = [d for d in _read(path) if isinstance(d, RawDocument)]
    assert len(docs) == len(expected)
    with_content = [(d, e) for d, e in zip(docs, expected, strict=True) if e.get("content:encoded")]
    assert with_content
    for d, e in with_content:
        assert len(d.text) > len(e.get("contentSnippet", "")) / 2
        assert len(d.text) >= len(e.get("content", "")) / 20  # description is a teaser, content the story


def test_other_xml_and_broken_feeds_are_one_line_rejections(tmp_path: Path) -> None:
    base = need_shared("eval", "news", "feeds")
    sitemap = base / "trafilatura" / "sitemap.xml"
    got = _read(sitemap, base / "trafilatura" / "sitemap.xml.gz", base / "rss-parser" / "input" / "unrecognized.rss")
    assert [r.code for r in got if isinstance(r, Rejection)] == ["E011", "E011", "E011"]
    assert "<urlset>" in got[0].reason and got[0].source == str(sitemap)
    assert all("\n" not in r.reason for r in got if isinstance(r, Rejection))
    # A feed with no text in its items: one rejection per item, naming it.
    items = _read(base / "rss-parser" / "input" / "missing-fields.atom")
    assert [(r.code, r.source.rsplit(":", 1)[1]) for r in items if isinstance(r, Rejection)] == [("E013", "1")]


def test_feeds_in_directories_gzip_and_xml_files(tmp_path: Path) -> None:
    src = need_shared("eval", "news", "feeds", "rss-parser", "input")
    (tmp_path / "d" / "sub").mkdir(parents=True)
    shutil.copy(src / "heise.atom", tmp_path / "d" / "heise.xml")  # an .xml that is a feed
    (tmp_path / "d" / "sub" / "guardian.rss.gz").write_bytes(gzip.compress((src / "guardian.rss").read_bytes()))
    (tmp_path / "d" / "sub" / "notes.xml").write_text("<?xml version='1.0'?><config><a>1</a></config>")
    got = _read(tmp_path / "d")
    docs = [d for d in got if isinstance(d, RawDocument)]
    rejections = [r for r in got if isinstance(r, Rejection)]
    assert len(docs) == len(_expected("heise")) + len(_expected("guardian"))
    assert {d.outlet for d in docs} == {"The Guardian", docs[0].outlet} and len({d.outlet for d in docs}) == 2
    assert [(r.code, Path(r.source).name) for r in rejections] == [("E011", "notes.xml")]
    assert "<config>" in rejections[0].reason
    # The same items read from the gzip file and the plain one.
    plain = [d for d in _read(src / "guardian.rss") if isinstance(d, RawDocument)]
    assert [d.text for d in docs if d.outlet == "The Guardian"] == [d.text for d in plain]


def test_a_truncated_feed_keeps_the_items_before_the_cut(tmp_path: Path) -> None:
    data = need_shared("eval", "news", "feeds", "rss-parser", "input", "guardian.rss").read_bytes()
    cut = tmp_path / "cut.rss"
    cut.write_bytes(data[: len(data) // 2])
    docs = [d for d in _read(cut) if isinstance(d, RawDocument)]
    assert 0 < len(docs) < len(_expected("guardian"))


def test_a_feed_on_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    data = need_shared("eval", "news", "feeds", "rss-parser", "input", "heise.atom").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    got = list(read_inputs(["-"], max_bytes=LIMIT))
    assert len(got) == len(_expected("heise")) and all(isinstance(d, RawDocument) for d in got)
    assert got[0].source == "<stdin>:1"


def test_numbered_guids_of_two_feeds_do_not_collide(tmp_path: Path) -> None:
    body = "The ministers of both countries met in the capital on Tuesday to sign a trade agreement."
    for name in ("a", "b"):
        (tmp_path / f"{name}.rss").write_text(
            f"<rss version='2.0'><channel><title>Feed {name}</title><link>https://{name}.example/</link>"
            f"<item><guid isPermaLink='false'>1</guid><description>{body}</description></item>"
            f"<item><guid>urn:uuid:{name}</guid><link>https://{name}.example/2</link><description>{body}</description></item>"
            "</channel></rss>",
            encoding="utf-8",
        )
    docs = [d for d in _read(tmp_path) if isinstance(d, RawDocument)]
    assert [d.id for d in docs] == ["https://a.example/#1", "urn:uuid:a", "https://b.example/#1", "urn:uuid:b"]
    assert [d.outlet for d in docs] == ["Feed a", "Feed a", "Feed b", "Feed b"] and docs[0].published is None
