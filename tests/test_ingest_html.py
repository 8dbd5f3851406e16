"""HTML pages: body text only, metadata, gzip and declared charsets (made-up pages)."""

from __future__ import annotations

import gzip
from pathlib import Path

from geosignal.ingest import read_path
from geosignal.ingest.html import parse_html
from geosignal.model import RawDocument, Rejection

PARAS = [
    "Negotiators from Norland and Sudmark met in the port city of Ostbay on Monday to discuss the fishing "
    "quotas that have divided the two neighbours since the spring.",
    "The Norland delegation, led by the deputy foreign minister, proposed a joint monitoring commission and "
    "a phased reduction of the catch over three seasons, according to a statement released after the talks.",
    "Sudmark's negotiators said they would study the proposal but warned that coastal communities could not "
    "absorb further cuts without compensation from the regional development fund.",
    "Both sides agreed to meet again in April, when scientists are due to publish a new survey of the stocks "
    "in the northern banks and the straits.",
]

PAGE = f"""<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Fishing talks stall in Ostbay | The Coastal Herald</title>
<meta property="og:title" content="Fishing talks stall in Ostbay">
<meta property="og:site_name" content="The Coastal Herald">
<meta property="article:published_time" content="2023-03-14T09:30:00Z">
<link rel="canonical" href="https://herald.example/world/fishing-talks-stall">
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/opinion">Opinion</a></li></ul></nav></header>
<main><article>
<h1>Fishing talks stall in Ostbay</h1>
<div class="share-buttons"><a href="#">Share on Facebook</a> <a href="#">Tweet this</a> <a href="#">Email</a></div>
<figure><img src="harbour.jpg" alt="harbour"><figcaption>Photo: Jane Doe / Coastal Herald</figcaption></figure>
{"".join(f"<p>{p}</p>" for p in PARAS)}
<div class="newsletter-signup"><h3>Subscribe to our newsletter</h3><p>Get the day's top stories in your inbox every
morning. Sign up now.</p><form><input type="email"><button>Subscribe</button></form></div>
</article></main>
<aside class="related"><h3>Related stories</h3><ul><li><a href="/a">Ferry strike ends after two weeks</a></li>
<li><a href="/b">Port workers vote on pay deal</a></li></ul></aside>
<footer><p>© 2023 The Coastal Herald. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
</body></html>
"""


def _doc(got: RawDocument | Rejection) -> RawDocument:
    assert isinstance(got, RawDocument), got
    return got


def test_body_text_only() -> None:
    text = _doc(parse_html(PAGE, "page.html")).text
    for para in PARAS:
        assert para in text
    for junk in (
        "Home",
        "Sport",
        "Share on Facebook",
        "Tweet this",
        "Photo:",
        "Jane Doe",
        "newsletter",
        "Subscribe",
        "Ferry strike",
        "Related stories",
        "All rights reserved",
        "Privacy",
    ):
        assert junk not in text, junk


def test_metadata() -> None:
    doc = _doc(parse_html(PAGE, "page.html"))
    assert doc.title == "Fishing talks stall in Ostbay"
    assert doc.outlet == "The Coastal Herald"
    assert doc.published == "2023-03-14"
    assert doc.url == "https://herald.example/world/fishing-talks-stall"
    assert doc.language == "en"
    assert doc.source == "page.html"


def test_page_without_article_text_is_rejected() -> None:
    got = parse_html("<html><body><nav><a href='/'>Home</a></nav></body></html>", "empty.html")
    assert isinstance(got, Rejection)
    assert got.code == "E008"
    assert got.message() == "empty.html: [E008] could not extract article text from HTML"


def test_html_gz_is_read(tmp_path: Path) -> None:
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(PAGE.encode("utf-8")))
    [doc] = read_path(path, max_bytes=1_000_000)
    assert _doc(doc).title == "Fishing talks stall in Ostbay"
    assert PARAS[0] in doc.text


def test_declared_legacy_charset(tmp_path: Path) -> None:
    page = PAGE.replace('charset="utf-8"', 'charset="windows-1252"').replace("Sudmark's", "Sudmark’s café")
    path = tmp_path / "legacy.html"
    path.write_bytes(page.encode("windows-1252"))
    [doc] = read_path(path, max_bytes=1_000_000)
    assert "Sudmark’s café negotiators" in _doc(doc).text


def test_html_in_a_txt_file_is_recognised(tmp_path: Path) -> None:
    path = tmp_path / "saved.txt"
    path.write_text(PAGE, encoding="utf-8")
    [doc] = read_path(path, max_bytes=1_000_000)
    assert _doc(doc).outlet == "The Coastal Herald"
    assert "<p>" not in doc.text
