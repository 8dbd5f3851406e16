"""Finding quoted passages in plain text: straight and curly quotes, nested and unbalanced marks.

Works on characters only (no parse), one paragraph at a time, and never fails: a quote left
open at the end of a paragraph ends there, a stray closing mark is ignored. Two apostrophes
(``''``, the New York Times style) count as one double mark; single curly quotes (‘...’) count
only when closed, since ’ is also the apostrophe.
"""

from __future__ import annotations

from dataclasses import dataclass

# Opening mark -> the closing marks that end it.
_PAIRS: dict[str, str] = {"“": '”"', "„": '“”"', "«": "»", '"': '"”', "”": '”"', "‘": "’"}
_OPENERS = "“„«‘"
_BEFORE_OPEN = " \t\n([{—–―-/:;,\xa0"
_AFTER_CLOSE = " \t\n)]}.,;:!?—–―-…\xa0"
_PAD = "\x00"  # stands for the second apostrophe of a '' mark


@dataclass(frozen=True, slots=True)
class Quote:
    """A quoted passage: ``start``/``end`` cover the text inside the marks."""

    open: int  # offset of the opening mark
    close: int  # offset just after the closing mark (paragraph end when unclosed)
    start: int
    end: int
    closed: bool


def _next(text: str, i: int) -> str:
    j = i + 1
    if j < len(text) and text[j] == _PAD:
        j += 1
    return text[j] if j < len(text) else " "


def _opening_like(text: str, i: int) -> bool:
    prev = text[i - 1] if i > 0 else " "
    nxt = _next(text, i)
    return (prev in _BEFORE_OPEN or prev in _OPENERS or prev in "‘'") and not nxt.isspace()


def _closing_like(text: str, i: int) -> bool:
    prev = text[i - 1] if i > 0 else " "
    nxt = _next(text, i)
    return not prev.isspace() and (nxt in _AFTER_CLOSE or nxt in "’'\"”")


def find_quotes(text: str) -> list[Quote]:
    """Every top-level quoted passage of ``text``, in order (nested quotes stay inside their outer one)."""
    out: list[Quote] = []
    pos = 0
    for para in text.split("\n"):
        out.extend(_in_paragraph(para, pos))
        pos += len(para) + 1
    return out


def _in_paragraph(para: str, base: int) -> list[Quote]:
    para = para.replace("''", '"' + _PAD)
    out: list[Quote] = []
    open_at: int | None = None
    closers = ""
    depth = 0  # nested curly quotes inside a curly quote
    for i, c in enumerate(para):
        if open_at is None:
            if c in _OPENERS or (c in '"”' and _opening_like(para, i)):
                open_at, closers, depth = i, _PAIRS[c], 0
            continue
        opener = para[open_at]
        if c == "“" and opener == "“" and _opening_like(para, i):
            depth += 1  # a curly quote inside a curly quote
            continue
        if c in closers:
            if c == "’" and not _closing_like(para, i):
                continue  # an apostrophe inside single quotes
            if depth and c == "”":
                depth -= 1
                continue
            straight = c == '"'
            if straight and _opening_like(para, i) and not _closing_like(para, i):
                # An opening-looking straight mark while one is open: the earlier one was stray.
                open_at, closers, depth = i, _PAIRS[c], 0
                continue
            _add(out, para, base, open_at, i + 2 if para[i + 1 : i + 2] == _PAD else i + 1, closed=True)
            open_at = None
    if open_at is not None and para[open_at] != "‘":
        end = len(para.rstrip())
        _add(out, para, base, open_at, end, closed=False)
    return out


def _add(out: list[Quote], para: str, base: int, open_at: int, close: int, *, closed: bool) -> None:
    start = open_at + 2 if para[open_at + 1 : open_at + 2] == _PAD else open_at + 1
    end = close - 1 if closed else close
    if closed and para[end] == _PAD:
        end -= 1
    inner = para[start:end]
    # Trim spaces inside the marks.
    lead = len(inner) - len(inner.lstrip())
    trail = len(inner) - len(inner.rstrip())
    start, end = start + lead, end - trail
    if end <= start:
        return
    out.append(Quote(base + open_at, base + close, base + start, base + end, closed))
