"""HTML pages: main text and metadata with trafilatura.

Options were chosen on the dev half of the scrapinghub article-extraction benchmark (pages whose
id is even as a hex number) and checked on the other half; ``tests/test_ingest_quality.py`` pins
the result. See ``quality.py`` for the scoring.
"""

from __future__ import annotations

from typing import Any

import trafilatura

from ..errors import Errors
from ..model import RawDocument, Rejection
from .language import detect_language
from .text import drop_boilerplate_lines

# Below this many characters a precision-mode result may be a fragment (a reprint notice instead
# of the story): the balanced mode gets a second look.
_SHORT = 1000
_MIN_LETTERS = 20


def _extract(html: str, url: str | None, *, precise: bool) -> Any:
    # include_tables: tables in news pages are mostly data the story cites (scores, figures) and
    # the gold bodies keep them. deduplicate stays off: trafilatura's cache is process-global, so
    # one document's text would change with what was read before it.
    return trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        favor_precision=precise,
    )


def _text(doc: Any) -> str:
    return str(doc.text or "") if doc is not None else ""


def parse_html(html: str, source: str, url: str | None = None) -> RawDocument | Rejection:
    """Extract the article body and its metadata (title, outlet, date, URL, language) from a page.

    Body text only: navigation, comments, share and subscribe blocks and credit lines are left out.
    """
    # Precision mode first: boilerplate in the body becomes spurious actors and events downstream.
    doc = _extract(html, url, precise=True)
    if len(_text(doc).strip()) < _SHORT:
        # Take the balanced result only when it is much longer: then precision mode lost the story.
        alt = _extract(html, url, precise=False)
        if len(_text(alt).strip()) > 2 * len(_text(doc).strip()):
            doc = alt
    text = drop_boilerplate_lines(_text(doc)).strip()
    # A page of link labels only ("Home", "World") is not an article: ask for one sentence-sized line,
    # counted in letters rather than words because Chinese and Japanese do not space words.
    if not any(sum(c.isalpha() for c in line) >= _MIN_LETTERS for line in text.split("\n")):
        return Rejection(source, Errors.E008.format(), "E008")
    return RawDocument(
        text=text,
        source=source,
        title=doc.title or None,
        outlet=doc.sitename or None,
        published=doc.date or None,
        url=doc.url or url,
        # Identified from the body, not the page's lang attribute, which templates often get wrong
        # (and trafilatura leaves empty unless asked to filter by language).
        language=detect_language(text),
    )
