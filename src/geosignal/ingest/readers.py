"""Dispatch on the kind of input and turn each into RawDocuments or Rejections."""

from __future__ import annotations

import gzip
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..errors import Errors
from ..model import RawDocument, Rejection
from .html import parse_html
from .text import parse_text

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".jsonl", ".html.gz", ".htm.gz", ".txt.gz", ".jsonl.gz")
Item = RawDocument | Rejection


def _suffix(path: Path) -> str:
    name = path.name.lower()
    for suf in sorted(SUFFIXES, key=len, reverse=True):
        if name.endswith(suf):
            return suf
    return path.suffix.lower()


def _decode(data: bytes, source: str) -> str | Rejection:
    if b"\x00" in data[:8192]:
        return Rejection(source, Errors.E003.format(detail="NUL bytes"), "E003")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return Rejection(source, Errors.E003.format(detail=f"not UTF-8 at byte {exc.start}"), "E003")


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


def _jsonl_lines(lines: Iterable[str], source: str, max_chars: int = 5_000_000) -> Iterator[Item]:
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{source}:{n}"
        try:
            rec: Any = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Rejection(where, Errors.E006.format(line=n, detail=exc.msg), "E006")
            continue
        if not isinstance(rec, dict):
            yield Rejection(where, Errors.E006.format(line=n, detail=type(rec).__name__), "E006")
            continue
        body = rec.get("text") if isinstance(rec.get("text"), str) else None
        html = rec.get("html") if isinstance(rec.get("html"), str) else None
        if body is None and html is None:
            yield Rejection(where, Errors.E007.format(line=n), "E007")
            continue
        content = body if body is not None else html
        assert content is not None
        if len(content) > max_chars:
            yield Rejection(where, Errors.E009.format(line=n, size=len(content), limit=max_chars), "E009")
            continue
        if body is not None:
            doc: RawDocument | Rejection = RawDocument(text=body.strip(), source=where)
        else:
            doc = parse_html(content, where)
        if isinstance(doc, Rejection):
            yield doc
            continue
        for key in ("id", "title", "outlet", "published", "url"):
            val = rec.get(key)
            if val is not None:
                setattr(doc, key, str(val))
        if not doc.text.strip():
            yield Rejection(where, Errors.E004.format(), "E004")
        else:
            yield doc


def read_path(path: Path, *, max_bytes: int) -> Iterator[Item]:
    """Read one file (or a directory, recursively) into documents or rejections."""
    source = str(path)
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and _suffix(p) in SUFFIXES)
        if not files:
            yield Rejection(source, Errors.E002.format(suffixes=", ".join(SUFFIXES)), "E002")
        for f in files:
            yield from read_path(f, max_bytes=max_bytes)
        return
    if not path.is_file():
        yield Rejection(source, Errors.E001.format(), "E001")
        return
    suffix = _suffix(path)
    gz = suffix.endswith(".gz")
    kind = "jsonl" if suffix.startswith(".jsonl") else "html" if suffix.startswith((".htm",)) else "text"
    if kind == "jsonl" and not gz:
        # Streamed line by line: a JSON Lines file of any size runs in bounded memory.
        with path.open("rb") as fh:
            yield from _jsonl_lines(_decoded_lines(fh, source), source)
        return
    size = path.stat().st_size
    if size > max_bytes:
        yield Rejection(source, Errors.E005.format(size=size, limit=max_bytes), "E005")
        return
    data = path.read_bytes()
    if gz:
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as exc:
            yield Rejection(source, Errors.E010.format(detail=exc), "E010")
            return
        if len(data) > max_bytes:
            yield Rejection(source, Errors.E005.format(size=len(data), limit=max_bytes), "E005")
            return
    text = _decode(data, source)
    if isinstance(text, Rejection):
        yield text
        return
    yield from _from_string(text, source, kind)


def _decoded_lines(fh: Any, source: str) -> Iterator[str]:
    for raw in fh:
        yield raw.decode("utf-8", errors="replace")


def read_inputs(paths: Iterable[str | Path], *, max_bytes: int) -> Iterator[Item]:
    """Documents and rejections from paths, in order; ``-`` reads standard input."""
    for p in paths:
        if str(p) == "-":
            data = sys.stdin.buffer.read(max_bytes + 1)
            if len(data) > max_bytes:
                yield Rejection("<stdin>", Errors.E005.format(size=f"over {max_bytes}", limit=max_bytes), "E005")
                continue
            text = _decode(data, "<stdin>")
            if isinstance(text, Rejection):
                yield text
            else:
                kind = "jsonl" if text.lstrip().startswith("{") else "text"
                yield from _from_string(text, "<stdin>", kind)
            continue
        yield from read_path(Path(p), max_bytes=max_bytes)
