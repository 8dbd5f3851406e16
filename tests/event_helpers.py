"""Helpers of the event-coder tests: analyse a made-up sentence and read its events."""

from __future__ import annotations

from typing import Any

import geosignal

PUB = "2024-03-15"


def events(text: str, published: str | None = PUB) -> list[dict[str, Any]]:
    """The events of one analysed text, as the JSON output gives them."""
    out: list[dict[str, Any]] = geosignal.analyze(text, published=published).to_dict()["events"]
    return out


def ids(refs: list[dict[str, Any]]) -> list[str]:
    """The actor ids of a source or target list."""
    return [r["actor"] for r in refs]


def one(text: str, cameo_root: str) -> dict[str, Any]:
    """The single event of a text whose code starts with ``cameo_root`` (fails if none or several)."""
    got = [e for e in events(text) if e["cameo"].startswith(cameo_root)]
    assert len(got) == 1, (text, events(text))
    return got[0]
