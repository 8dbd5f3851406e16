"""HTML pages: main text and metadata with trafilatura."""

from __future__ import annotations

import trafilatura

from ..errors import Errors
from ..model import RawDocument, Rejection


def parse_html(html: str, source: str, url: str | None = None) -> RawDocument | Rejection:
    """Extract the article body and its metadata from an HTML page."""
    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False, favor_precision=False
    )
    if doc is None or not (doc.text or "").strip():
        return Rejection(source, Errors.E008.format(), "E008")
    return RawDocument(
        text=doc.text.strip(),
        source=source,
        title=doc.title or None,
        outlet=doc.sitename or None,
        published=doc.date or None,
        url=doc.url or url,
        language=doc.language or None,
    )
