"""Geometry for the dashboard: an article cut into highlighted pieces, the relations chart, the bloc graph.

Everything here returns plain data (strings, numbers, lists); the Jinja2 templates escape every
string they print, so article text and names from the store can never become markup.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Piece:
    """A run of article text with the same highlights."""

    text: str
    classes: list[str] = field(default_factory=list)
    actor: str | None = None  # the actor id of a mention
    events: list[str] = field(default_factory=list)  # ids of events whose evidence covers it
    title: str | None = None  # a tooltip


@dataclass(slots=True)
class Sentence:
    """A body sentence (a claim) holding its pieces, or a stretch of text between sentences."""

    pieces: list[Piece]
    status: str | None = None  # the claim's status; None outside sentences
    start: int = 0
    end: int = 0
    cues: list[str] = field(default_factory=list)


# Claim statuses the article view marks as the outlet not simply asserting the sentence.
MARKED_STATUSES = ("speculative", "rhetorical", "hypothetical", "negated", "future")


def _clip(start: Any, end: Any, n: int) -> tuple[int, int] | None:
    if not isinstance(start, int) or not isinstance(end, int):
        return None
    start, end = max(0, start), min(n, end)
    return (start, end) if start < end else None


def article_pieces(analysis: dict[str, Any]) -> list[Sentence]:
    """The document text cut at every highlight boundary and grouped into its claim sentences."""
    text: str = analysis["document"]["text"] or ""
    n = len(text)
    # (start, end, kind, payload): kinds are actor, trigger, quote, technique, evidence.
    layers: list[tuple[int, int, str, str]] = []
    names: dict[str, str] = {}
    for a in analysis.get("actors", []):
        names[a["id"]] = a.get("name") or a["id"]
        for m in a.get("mentions", []):
            span = _clip(m.get("start"), m.get("end"), n)
            if span:
                layers.append((*span, "actor", a["id"]))
    for e in analysis.get("events", []):
        for kind, key in (("trigger", "trigger"), ("evidence", "evidence")):
            s = e.get(key) or {}
            span = _clip(s.get("start"), s.get("end"), n)
            if span:
                layers.append((*span, kind, e["id"]))
    for st in analysis.get("statements", []):
        s = st.get("content") or {}
        span = _clip(s.get("start"), s.get("end"), n)
        if span:
            speaker = (st.get("speaker") or {}).get("name") or "unnamed speaker"
            layers.append((*span, "quote", speaker))
    for t in analysis.get("techniques", []):
        span = _clip(t.get("start"), t.get("end"), n)
        if span:
            layers.append((*span, "technique", str(t.get("technique"))))
    claims = []
    for c in analysis.get("claims", []):
        span = _clip(c.get("start"), c.get("end"), n)
        if span:
            claims.append((*span, str(c.get("status")), [str(x.get("text")) for x in c.get("cues") or []]))
    claims.sort()
    # Drop overlapping claims so sentences nest cleanly (the pipeline never emits any).
    kept: list[tuple[int, int, str, list[str]]] = []
    for c in claims:
        if not kept or c[0] >= kept[-1][1]:
            kept.append(c)
    cuts = {0, n}
    for start, end, *_ in layers:
        cuts.update((start, end))
    for start, end, *_ in kept:
        cuts.update((start, end))
    points = sorted(cuts)
    pieces: list[tuple[int, int, Piece]] = []
    for a, b in itertools.pairwise(points):
        active = [layer for layer in layers if layer[0] <= a and layer[1] >= b]
        piece = Piece(text[a:b])
        tips: list[str] = []
        for _, _, kind, payload in active:
            if kind == "evidence":
                piece.events.append(payload)
                continue
            if kind not in piece.classes:
                piece.classes.append(kind)
            if kind == "actor" and piece.actor is None:
                piece.actor = payload
                tips.append(f"actor: {names.get(payload, payload)}")
            elif kind == "trigger":
                tips.append(f"event trigger ({payload})")
            elif kind == "quote":
                tips.append(f"quote: {payload}")
            elif kind == "technique":
                tips.append(f"technique: {payload.replace('_', ' ')}")
        piece.title = "; ".join(dict.fromkeys(tips)) or None
        pieces.append((a, b, piece))
    out: list[Sentence] = []
    i = 0
    for start, end, status, cues in kept:
        between = [p for a, b, p in pieces[i:] if b <= start]
        i += len(between)
        if between:
            out.append(Sentence(between))
        inside = [p for a, b, p in pieces[i:] if a >= start and b <= end]
        i += len(inside)
        out.append(Sentence(inside, status, start, end, cues))
    rest = [p for _, _, p in pieces[i:]]
    if rest:
        out.append(Sentence(rest))
    return out


# ---------------------------------------------------------------------------------------------
# Charts (inline SVG): coordinates only; templates draw them.


@dataclass(slots=True)
class Bar:
    """One bar of the relations timeline: a period's cooperation (up) or conflict (down) count."""

    x: float
    y: float
    width: float
    height: float
    kind: str  # coop or conflict
    label: str


def timeline(rows: list[dict[str, Any]], *, width: int = 760, height: int = 260) -> dict[str, Any]:
    """Bars and a Goldstein line for a dyad's periods; each row has period, cooperation, conflict, goldstein_mean."""
    pad_l, pad_r, pad_t, pad_b = 44, 12, 14, 36
    mid = pad_t + (height - pad_t - pad_b) / 2
    half = (height - pad_t - pad_b) / 2
    top = max([1] + [max(int(r["cooperation"]), int(r["conflict"])) for r in rows])
    slot = (width - pad_l - pad_r) / max(1, len(rows))
    bar_w = min(48.0, max(2.0, slot * 0.6))
    bars: list[Bar] = []
    line: list[tuple[float, float]] = []
    labels: list[tuple[float, str]] = []
    step = max(1, math.ceil(len(rows) / 12))
    for i, r in enumerate(rows):
        cx = pad_l + slot * (i + 0.5)
        coop, conf = int(r["cooperation"]), int(r["conflict"])
        period = str(r["period"])
        if coop:
            h = half * coop / top
            bars.append(Bar(cx - bar_w / 2, mid - h, bar_w, h, "coop", f"{period}: {coop} cooperative events"))
        if conf:
            h = half * conf / top
            bars.append(Bar(cx - bar_w / 2, mid, bar_w, h, "conflict", f"{period}: {conf} conflictual events"))
        g = r.get("goldstein_mean")
        if isinstance(g, int | float):
            line.append((cx, mid - half * float(g) / 10))
        if i % step == 0:
            labels.append((cx, period))
    return {
        "width": width,
        "height": height,
        "mid": mid,
        "top": pad_t,
        "bottom": height - pad_b,
        "left": pad_l,
        "right": width - pad_r,
        "max": top,
        "bars": bars,
        "line": " ".join(f"{x:.1f},{y:.1f}" for x, y in line),
        "points": line,
        "labels": labels,
    }


def network(
    blocs: list[list[str]],
    edges: list[dict[str, Any]],
    *,
    names: dict[str, str] | None = None,
    size: int = 640,
) -> dict[str, Any]:
    """Node positions (each bloc on its own small circle, blocs around a large one) and edge strokes.

    ``edges`` have a, b, weight (signed: cooperation positive) and volume (number of events).
    """
    names = names or {}
    c = size / 2
    nodes: list[dict[str, Any]] = []
    pos: dict[str, tuple[float, float]] = {}
    nb = max(1, len(blocs))
    ring = 0.0 if nb == 1 else size * 0.28
    for bi, members in enumerate(blocs):
        angle = 2 * math.pi * bi / nb - math.pi / 2
        bx, by = c + ring * math.cos(angle), c + ring * math.sin(angle)
        inner = 0.0 if len(members) == 1 else min(size * 0.16, 26 + 9 * len(members))
        if nb == 1:
            inner = size * 0.36 if len(members) > 1 else 0.0
        for mi, state in enumerate(sorted(members)):
            a2 = 2 * math.pi * mi / max(1, len(members)) - math.pi / 2
            x, y = bx + inner * math.cos(a2), by + inner * math.sin(a2)
            pos[state] = (x, y)
            nodes.append({"id": state, "name": names.get(state, state), "bloc": bi, "x": x, "y": y})
    top = max([1.0] + [float(e.get("volume") or 0) for e in edges])
    lines = []
    for e in edges:
        a, b = str(e["a"]), str(e["b"])
        if a not in pos or b not in pos:
            continue
        weight = float(e.get("weight") or 0)
        volume = float(e.get("volume") or 0)
        lines.append(
            {
                "a": a,
                "b": b,
                "x1": pos[a][0],
                "y1": pos[a][1],
                "x2": pos[b][0],
                "y2": pos[b][1],
                "kind": "coop" if weight >= 0 else "conflict",
                "width": 1.0 + 7.0 * volume / top,
                "weight": weight,
                "volume": volume,
            }
        )
    return {"size": size, "nodes": nodes, "edges": lines}
