"""RSS and Atom feeds (feedparser): each item is one document, from its own content or summary.

The item's HTML goes through the same extraction as web pages (``html.parse_html``), so feed text
is cleaned the way every other HTML input is. The feed's own metadata wins over what extraction
guesses: the item's link is the URL, its date the publication date, its title the title, the
feed's title the outlet, and its guid (or link) the document id, so re-reading an updated feed
replaces the stored item instead of adding a second one.
"""

from __future__ import annotations

import html
import re
import time
from collections.abc import Iterator
from typing import Any

import feedparser

from ..errors import Errors
from ..model import RawDocument, Rejection
from .html import parse_html

Item = RawDocument | Rejection
_TAG = re.compile(r"<[^>]{0,2000}>")
_ROOT = re.compile(rb"<\s*([A-Za-z_][\w.:-]{0,60})")


def _plain(value: Any) -> str | None:
    """A title as plain text: feedparser keeps (sanitised) markup in HTML titles."""
    if not isinstance(value, str):
        return None
    text = html.unescape(_TAG.sub("", value)).strip()
    return " ".join(text.split()) or None


def _text_field(entry: Any, key: str) -> str | None:
    value = entry.get(key)
    return value.strip() or None if isinstance(value, str) else None


def _item_id(guid: str | None, link: str | None, feed_key: str) -> str | None:
    """The item's guid when it looks globally unique (a URL, URN, tag or UUID), else qualified by its feed.

    Many feeds number their items ("1", "2"): two such feeds must not overwrite each other's items.
    """
    if guid and (":" in guid or len(guid) >= 16):
        return guid
    if guid:
        return f"{feed_key}#{guid}"
    return link


def _iso(parsed: Any) -> str | None:
    """Feedparser's UTC ``struct_time`` as an ISO 8601 date-time."""
    if not isinstance(parsed, time.struct_time):
        return None
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", parsed)


def _body(entry: Any) -> tuple[str, str] | None:
    """The item's own content (the longest, if several) or else its summary, with its MIME type."""
    parts = [c for c in entry.get("content") or [] if isinstance(c.get("value"), str) and c["value"].strip()]
    if parts:
        best = max(parts, key=lambda c: len(c["value"]))
        return best["value"], str(best.get("type") or "text/html")
    summary = entry.get("summary")
    if isinstance(summary, str) and summary.strip():
        detail = entry.get("summary_detail") or {}
        return summary, str(detail.get("type") or "text/html")
    return None


def _as_html(value: str, mime: str) -> str:
    """A page around the fragment, so trafilatura reads it as an article body."""
    if "html" not in mime:  # text/plain: paragraphs are blank-line separated
        paras = [p.strip() for p in re.split(r"\n\s*\n", value) if p.strip()]
        value = "".join(f"<p>{html.escape(p)}</p>" for p in paras)
    return f"<html><body><article>{value}</article></body></html>"


def _root_name(data: bytes) -> str:
    """The document element's name, for saying what a non-feed XML file is."""
    for m in _ROOT.finditer(data[:4096]):
        name = m.group(1).decode("ascii", "replace")
        if not name.startswith(("?", "!")):
            return name
    return "?"


def parse_feed(data: bytes, source: str) -> Iterator[Item]:
    """Documents from one RSS or Atom feed; one rejection if it is not a feed or holds no items.

    Lenient with real-world feeds: one that is not well-formed XML but still yields items (a stray
    blank before the XML declaration, a wrong declared encoding) is read; items without any text
    become rejections of their own (``file:N``, N counting items from 1).
    """
    # Bytes, never a str: given a string feedparser would treat it as a URL or file name to fetch.
    parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=True)
    entries = list(parsed.get("entries") or [])
    if not parsed.get("version") and not entries:
        if parsed.get("bozo"):
            detail = f"{type(parsed.get('bozo_exception')).__name__}: {parsed.get('bozo_exception')}"
        else:
            detail = f"root element <{_root_name(data)}> is neither RSS nor Atom"
        yield Rejection(source, Errors.E011.format(detail=" ".join(detail.split())[:200]), "E011")
        return
    if not entries:
        yield Rejection(source, Errors.E012.format(), "E012")
        return
    outlet = _plain(parsed.feed.get("title"))
    feed_key = _text_field(parsed.feed, "link") or outlet or source
    for n, entry in enumerate(entries, start=1):
        where = f"{source}:{n}"
        body = _body(entry)
        if body is None:
            yield Rejection(where, Errors.E013.format(item=n), "E013")
            continue
        got = parse_html(_as_html(*body), where, url=entry.get("link"))
        if isinstance(got, Rejection):
            yield got
            continue
        # The feed's metadata, not extraction's guesses (trafilatura dates a bare fragment by
        # whatever year it finds in the text).
        link = _text_field(entry, "link")
        got.id = _item_id(_text_field(entry, "id"), link, feed_key)
        got.url = link
        got.title = _plain(entry.get("title"))
        got.outlet = outlet
        # dict.get: feedparser's own get maps a missing updated_parsed to published_parsed with a warning.
        got.published = _iso(dict.get(entry, "published_parsed") or dict.get(entry, "updated_parsed"))
        yield got
