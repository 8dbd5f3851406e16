"""WARC web archives (warcio): the HTML pages a crawl stored, each through the usual HTML extraction.

Only ``response`` records of a successful fetch (HTTP 200) of an HTML page become documents;
requests, metadata, revisits, redirects and non-HTML responses are skipped and counted. The
archive is streamed record by record (warcio reads gzip members one at a time), so a WARC of any
size runs in bounded memory: at most one page (``max_bytes``) is held at once.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..errors import Errors
from ..model import RawDocument, Rejection
from .html import parse_html

Item = RawDocument | Rejection
_HTML_TYPES = ("text/html", "application/xhtml+xml")
# What warcio lets through from a damaged archive: bad record headers, broken gzip members,
# truncation, undecodable header bytes.
_WARC_ERRORS = (ArchiveLoadFailed, OSError, EOFError, zlib.error, ValueError, UnicodeDecodeError)


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def _skip_reason(record: Any) -> str | None:
    """Why a record is not an article page, or None for an HTML 200 response."""
    if record.rec_type != "response":
        return record.rec_type or "unknown record"
    headers = record.http_headers
    if headers is None:
        return "response without HTTP headers"
    status = headers.get_statuscode()
    if status != "200":
        return f"HTTP {status}"
    mime = (headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    return None if mime in _HTML_TYPES else f"{mime or 'untyped'} response"


@dataclass(slots=True)
class _Page:
    offset: int
    data: bytes | None  # None: over the size limit
    content_type: str
    uri: str | None
    date: str | None


def _pages(path: Path, max_bytes: int, skipped: dict[str, int] | None, tally: list[int]) -> Iterator[_Page | str]:
    """The HTML responses of the archive as they are read; a damaged archive ends with its reason."""
    offset: int | None = None
    try:
        with path.open("rb") as fh:
            records = ArchiveIterator(fh)
            for record in records:
                offset = int(records.offset)  # the record's start (get_record_offset() would read it away)
                reason = _skip_reason(record)
                if reason is not None:
                    tally[1] += 1
                    if skipped is not None:
                        key = f"WARC {reason}"
                        skipped[key] = skipped.get(key, 0) + 1
                    continue
                tally[0] += 1
                # Read one byte past the limit: an oversized page is refused without holding more.
                data = record.content_stream().read(max_bytes + 1)
                missing = int(getattr(record.raw_stream, "limit", 0) or 0)
                if len(data) <= max_bytes and missing > 0:
                    # warcio ends a cut-off gzip member quietly: the record's own length tells.
                    yield f"the record at offset {offset} is cut off ({missing} bytes missing)"
                    return
                uri = (record.rec_headers.get_header("WARC-Target-URI") or "").strip() or None
                date = (record.rec_headers.get_header("WARC-Date") or "").strip() or None
                ctype = record.http_headers.get_header("Content-Type") or ""
                yield _Page(offset, data if len(data) <= max_bytes else None, ctype, uri, date)
    except _WARC_ERRORS as exc:
        after = f" (after the record at offset {offset})" if offset is not None else ""
        if isinstance(exc, ArchiveLoadFailed) and "first line" in str(exc):
            # warcio quotes the bytes it found instead of a record: binary when a gzip member was
            # cut inside a record this reader skips (a request, an image) and the next one is torn.
            yield f"damaged or cut off: no WARC record where the next one should start{after}"
            return
        detail = "".join(c if c.isprintable() else "?" for c in " ".join(str(exc).split())[:160])
        yield f"{detail}{after}"


def read_warc(path: Path, *, max_bytes: int, skipped: dict[str, int] | None = None) -> Iterator[Item]:
    """Documents from the HTML responses of a WARC (``.warc`` or ``.warc.gz``), in archive order.

    Each document's source is ``file@offset`` (the record's byte offset, as WARC indexes give it),
    its URL the record's WARC-Target-URI, and the WARC-Date its date when the page states none.
    Skipped records are counted in ``skipped`` by reason. A damaged archive ends with one
    rejection of the file, after the pages read before the damage.
    """
    from .readers import decode_bytes  # the shared decoding rules (BOM, UTF-8, declared charset)

    source = str(path)
    tally = [0, 0]  # HTML pages, other records
    for page in _pages(path, max_bytes, skipped, tally):
        if isinstance(page, str):
            yield Rejection(source, Errors.E014.format(detail=page), "E014")
            return
        where = f"{source}@{page.offset}"
        if page.data is None:
            yield Rejection(where, Errors.E005.format(size=f"more than {max_bytes}", limit=max_bytes), "E005")
            continue
        text = decode_bytes(page.data, where, html=True, declared=_charset(page.content_type))
        if isinstance(text, Rejection):
            yield text
            continue
        doc = parse_html(text, where, url=page.uri)
        if isinstance(doc, RawDocument):
            doc.url = page.uri or doc.url
            doc.published = doc.published or page.date
        yield doc
    if not tally[0]:
        yield Rejection(source, Errors.E015.format(others=tally[1]), "E015")
