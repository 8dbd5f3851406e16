"""Dispatch on the kind of input and turn each into RawDocuments or Rejections.

Every problem with one input (missing, binary, too big, corrupt) becomes a Rejection with a
one-line reason; nothing here raises for bad user data, so the other inputs go on.
"""

from __future__ import annotations

import codecs
import gzip
import json
import re
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from ..errors import Errors
from ..model import RawDocument, Rejection
from .feeds import parse_feed
from .html import parse_html
from .text import drop_boilerplate_lines, parse_text
from .warc import read_warc

SUFFIXES = (
    ".txt",
    ".md",
    ".markdown",
    ".html",
    ".htm",
    ".jsonl",
    ".html.gz",
    ".htm.gz",
    ".txt.gz",
    ".jsonl.gz",
    # Feeds; an .xml file is read as a feed only when it is one (otherwise a rejection says so).
    ".rss",
    ".atom",
    ".xml",
    ".rss.gz",
    ".atom.gz",
    ".xml.gz",
    ".warc",
    ".warc.gz",
)
_FEED_SUFFIXES = (".rss", ".atom", ".xml")
Item = RawDocument | Rejection
# What a broken gzip stream raises: bad magic (OSError), truncation (EOFError), bad deflate data.
_GZIP_ERRORS = (OSError, EOFError, zlib.error)
_MAX_RECORD_CHARS = 5_000_000
_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_.:-]{1,40})""", re.I)


def _suffix(path: Path) -> str:
    name = path.name.lower()
    for suf in sorted(SUFFIXES, key=len, reverse=True):
        if name.endswith(suf):
            return suf
    return path.suffix.lower()


def decode_bytes(data: bytes, source: str, *, html: bool = False, declared: str | None = None) -> str | Rejection:
    """Bytes to text: UTF-8 (or a UTF-16 BOM), else the ``declared`` charset, else the HTML meta charset.

    ``declared`` is what an HTTP header said (a WARC response's Content-Type); the meta tag is
    looked for only when ``html`` is true.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            return Rejection(source, Errors.E003.format(detail=f"bad UTF-16 at byte {exc.start}"), "E003")
    if b"\x00" in data[:8192]:
        return Rejection(source, Errors.E003.format(detail="NUL bytes"), "E003")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        detail = f"not UTF-8 at byte {exc.start}"
    if declared:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            detail += f", nor the declared {declared}"
    # Older news sites still serve windows-1252 or ISO-8859-x pages and say so in a meta tag.
    m = _CHARSET.search(data[:4096]) if html else None
    if m:
        try:
            return data.decode(m.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            detail += f", nor the declared {m.group(1).decode('ascii')}"
    return Rejection(source, Errors.E003.format(detail=detail), "E003")


def _looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in head or "<head" in head


def _from_string(text: str, source: str, kind: str) -> Iterator[Item]:
    if kind == "jsonl":
        yield from _jsonl_lines(text.splitlines(), source)
        return
    doc = parse_html(text, source) if kind == "html" or _looks_like_html(text) else parse_text(text, source)
    if isinstance(doc, Rejection):
        yield doc
    elif not doc.text.strip():
        yield Rejection(source, Errors.E004.format(), "E004")
    else:
        yield doc


def read_string(text: str, source: str = "<text>") -> Item:
    """One article given as a string: an HTML page or plain text/Markdown, told apart by content."""
    return next(_from_string(text, source, "text"))


def _jsonl_record(n: int, line: str, source: str, max_chars: int) -> Item | None:
    """One JSON Lines record (line ``n``) as a document or a rejection; None for a blank line."""
    if not line.strip():
        return None
    where = f"{source}:{n}"
    try:
        rec: Any = json.loads(line)
    except json.JSONDecodeError as exc:
        return Rejection(where, Errors.E006.format(line=n, detail=exc.msg), "E006")
    if not isinstance(rec, dict):
        return Rejection(where, Errors.E006.format(line=n, detail=type(rec).__name__), "E006")
    body = rec.get("text") if isinstance(rec.get("text"), str) else None
    html = rec.get("html") if isinstance(rec.get("html"), str) else None
    content = body if body is not None else html
    if content is None:
        return Rejection(where, Errors.E007.format(line=n), "E007")
    if len(content) > max_chars:
        return Rejection(where, Errors.E009.format(line=n, size=len(content.encode("utf-8")), limit=max_chars), "E009")
    # Text records keep their line structure (the producer chose it); only furniture lines go.
    doc = RawDocument(text=drop_boilerplate_lines(content).strip(), source=where) if body is not None else None
    got = doc or parse_html(content, where, url=rec.get("url") if isinstance(rec.get("url"), str) else None)
    if isinstance(got, Rejection):
        return got
    # The record's own metadata wins over what was extracted from its HTML.
    for key in ("id", "title", "outlet", "published", "url", "language"):
        val = rec.get(key)
        if val is not None:
            setattr(got, key, str(val))
    if not got.text.strip():
        return Rejection(where, Errors.E004.format(), "E004")
    return got


def _jsonl_lines(lines: Iterable[str], source: str, max_chars: int = _MAX_RECORD_CHARS) -> Iterator[Item]:
    """Records from already-decoded lines, in order; bad lines become rejections with their number."""
    for n, line in enumerate(lines, start=1):
        item = _jsonl_record(n, line, source, max_chars)
        if item is not None:
            yield item


def _capped_lines(fh: IO[bytes] | gzip.GzipFile, limit: int) -> Iterator[tuple[bytes | None, int]]:
    """Raw lines with their byte length; an over-long line is skipped in chunks and given as None."""
    while line := fh.readline(limit + 1):
        if len(line) <= limit or line.endswith(b"\n"):
            yield line, len(line)
            continue
        size = len(line)
        while chunk := fh.readline(1 << 20):  # never hold more than a chunk of the long line
            size += len(chunk)
            if chunk.endswith(b"\n"):
                break
        yield None, size


def _jsonl_stream(fh: IO[bytes] | gzip.GzipFile, source: str, max_bytes: int) -> Iterator[Item]:
    """Records from a JSON Lines byte stream in bounded memory: one line (at most max_bytes) at a time."""
    for n, (raw, size) in enumerate(_capped_lines(fh, max_bytes), start=1):
        where = f"{source}:{n}"
        if raw is None:
            yield Rejection(where, Errors.E009.format(line=n, size=size, limit=max_bytes), "E009")
            continue
        try:
            line = raw.decode("utf-8-sig" if n == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            yield Rejection(where, Errors.E003.format(detail=f"line {n} not UTF-8 at byte {exc.start}"), "E003")
            continue
        item = _jsonl_record(n, line, source, min(max_bytes, _MAX_RECORD_CHARS))
        if item is not None:
            yield item


def read_path(path: Path, *, max_bytes: int, skipped: dict[str, int] | None = None) -> Iterator[Item]:
    """Read one file (or a directory, recursively) into documents or rejections.

    Parts of an input that are not articles and not errors either (a WARC's request records,
    images and redirects) are counted in ``skipped`` by kind.
    """
    source = str(path)
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and _suffix(p) in SUFFIXES)
        if not files:
            yield Rejection(source, Errors.E002.format(suffixes=", ".join(SUFFIXES)), "E002")
        for f in files:
            yield from read_path(f, max_bytes=max_bytes, skipped=skipped)
        return
    if not path.is_file():
        yield Rejection(source, Errors.E001.format(), "E001")
        return
    suffix = _suffix(path)
    gz = suffix.endswith(".gz")
    if suffix.startswith(".warc"):
        # Streamed record by record: no size limit on the archive, only on each page in it.
        yield from read_warc(path, max_bytes=max_bytes, skipped=skipped)
        return
    kind = "jsonl" if suffix.startswith(".jsonl") else "html" if suffix.startswith(".htm") else "text"
    if kind == "jsonl":
        # Streamed line by line, so a JSON Lines file of any size runs in bounded memory; a corrupt
        # gzip stream stops the file there, after the records read so far.
        if not gz:
            with path.open("rb") as fh:
                yield from _jsonl_stream(fh, source, max_bytes)
            return
        try:
            with gzip.open(path, "rb") as gzfh:
                yield from _jsonl_stream(gzfh, source, max_bytes)
        except _GZIP_ERRORS as exc:
            yield Rejection(source, Errors.E010.format(detail=exc), "E010")
        return
    # Checked before reading: an oversized file is refused without loading it.
    size = path.stat().st_size
    if size > max_bytes:
        yield Rejection(source, Errors.E005.format(size=size, limit=max_bytes), "E005")
        return
    if gz:
        try:
            with gzip.open(path, "rb") as fh:
                # Read one byte past the limit: a small file that inflates hugely is refused early.
                data = fh.read(max_bytes + 1)
        except _GZIP_ERRORS as exc:
            yield Rejection(source, Errors.E010.format(detail=exc), "E010")
            return
        if len(data) > max_bytes:
            yield Rejection(
                source, Errors.E005.format(size=f"more than {max_bytes} uncompressed", limit=max_bytes), "E005"
            )
            return
    else:
        data = path.read_bytes()
    if suffix.removesuffix(".gz") in _FEED_SUFFIXES:
        # feedparser reads the bytes itself: the XML declaration names the encoding.
        yield from parse_feed(data, source)
        return
    text = decode_bytes(data, source, html=kind == "html")
    if isinstance(text, Rejection):
        yield text
        return
    yield from _from_string(text, source, kind)


def _looks_like_feed(data: bytes) -> bool:
    head = data[:512].lstrip().lower()
    return head.startswith((b"<rss", b"<feed", b"<rdf:rdf")) or (
        head.startswith(b"<?xml") and any(tag in data[:4096].lower() for tag in (b"<rss", b"<feed", b"<rdf:rdf"))
    )


def read_inputs(
    paths: Iterable[str | Path], *, max_bytes: int, skipped: dict[str, int] | None = None
) -> Iterator[Item]:
    """Documents and rejections from paths, in order; ``-`` reads standard input.

    ``skipped`` (when given) counts the parts of inputs passed over as not articles, by kind.
    """
    for p in paths:
        if str(p) == "-":
            data = sys.stdin.buffer.read(max_bytes + 1)
            if len(data) > max_bytes:
                yield Rejection("<stdin>", Errors.E005.format(size=f"more than {max_bytes}", limit=max_bytes), "E005")
                continue
            if _looks_like_feed(data):
                yield from parse_feed(data, "<stdin>")
                continue
            text = decode_bytes(data, "<stdin>", html=True)
            if isinstance(text, Rejection):
                yield text
            else:
                kind = "jsonl" if text.lstrip().startswith("{") else "text"
                yield from _from_string(text, "<stdin>", kind)
            continue
        yield from read_path(Path(p), max_bytes=max_bytes, skipped=skipped)
