"""Plain text and Markdown: a title line, a date line, a body, minus page furniture."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from .._data import package_yaml
from ..model import RawDocument

_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ]
    )
}
# Full names, three-letter abbreviations and the common "Sept." (longest first, so "Sept." wins over "Sep").
_MONTH_RE = "|".join(_MONTHS) + r"|sept\.?|" + "|".join(m[:3] + r"\.?" for m in _MONTHS if len(m) > 3)
_DATE_LINE = [
    re.compile(rf"^(?:\w+,\s*)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m>{_MONTH_RE})\s+(?P<y>\d{{4}})\b", re.I),
    re.compile(rf"^(?:\w+,\s*)?(?P<m>{_MONTH_RE})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})\b", re.I),
    re.compile(r"^(?P<y>\d{4})-(?P<mm>\d{2})-(?P<d>\d{2})\b"),
    re.compile(r"^(?P<d>\d{1,2})\.(?P<mm>\d{1,2})\.(?P<y>\d{4})\b"),
]
_MD_HEADING = re.compile(r"^#{1,6}\s+")


@dataclass(frozen=True, slots=True)
class _Rules:
    line_patterns: tuple[re.Pattern[str], ...]
    separators: tuple[str, ...]
    outlet_prefixes: tuple[str, ...]


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    raw = package_yaml("geosignal.ingest", "boilerplate.yaml")
    return _Rules(
        tuple(re.compile(p, re.I) for p in raw["line_patterns"]),
        tuple(raw["title_separators"]),
        tuple(sorted(raw["outlet_prefixes"], key=len, reverse=True)),
    )


def parse_date_line(line: str) -> str | None:
    """An ISO date if the line is (or starts with) a date such as ``29 November 2023``."""
    line = line.strip()
    if len(line) > 60:
        return None
    for pat in _DATE_LINE:
        m = pat.match(line)
        if not m:
            continue
        g = m.groupdict()
        month = int(g["mm"]) if g.get("mm") else _month_number(g["m"])
        try:
            return date(int(g["y"]), month, int(g["d"])).isoformat()
        except ValueError:
            return None
    return None


def _month_number(name: str) -> int:
    key = name.lower().rstrip(".")
    for full, num in _MONTHS.items():
        if full.startswith(key):
            return num
    raise ValueError(name)


def split_title_line(line: str) -> tuple[str, str | None]:
    """Split ``Headline | Latest news The Moscow Post`` into headline and outlet."""
    rules = _rules()
    for sep in rules.separators:
        if sep in line:
            head, _, tail = line.rpartition(sep)
            tail = tail.strip()
            low = tail.lower()
            for prefix in rules.outlet_prefixes:
                if low.startswith(prefix + " "):
                    tail = tail[len(prefix) + 1 :].strip()
                    break
            return head.strip(), tail or None
    return line.strip(), None


def is_boilerplate(line: str) -> bool:
    """True for photo credits, subscribe/share blocks and similar page furniture."""
    s = line.strip()
    return bool(s) and any(p.match(s) for p in _rules().line_patterns)


def drop_boilerplate_lines(text: str) -> str:
    """The text without its page-furniture lines, other lines kept as they are."""
    return "\n".join(line for line in text.split("\n") if not is_boilerplate(line))


def _looks_like_title(line: str, next_lines: list[str]) -> bool:
    s = _MD_HEADING.sub("", line).strip()
    # A sentence may end inside its closing quote or bracket ('"... is needed."').
    end = s.rstrip("\"'”’»)]")
    if not s or len(s) > 200 or (end.endswith((".", "!", ";", ",")) and not _MD_HEADING.match(line)):
        return False
    # A title is followed by a blank line or a date line, not by the rest of its paragraph.
    return not next_lines or not next_lines[0].strip() or parse_date_line(next_lines[0]) is not None


def parse_text(raw: str, source: str | None = None) -> RawDocument:
    """Read a plain-text or Markdown article: optional title line, optional date line, body."""
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    if (
        i < len(lines)
        and parse_date_line(lines[i]) is None
        and _looks_like_title(lines[i], lines[i + 1 :])
        and any(line.strip() and not is_boilerplate(line) for line in lines[i + 1 :])
    ):
        # A title only over a body: a text of one line is that line ("Talks resume in Doha").
        title, outlet = split_title_line(_MD_HEADING.sub("", lines[i]))
        i += 1
    # The date line, if any, comes within the next few non-empty lines.
    for j in range(i, min(i + 4, len(lines))):
        found = parse_date_line(lines[j])
        if found:
            published = found
            lines[j] = ""
            break
    body_lines = ["" if is_boilerplate(line) else _MD_HEADING.sub("", line).rstrip() for line in lines[i:]]
    body = _join_paragraphs(body_lines)
    if title and body.startswith(title):
        # A repeated headline opens the body of many scraped pages: keep it once, as the title.
        rest = body[len(title) :]
        if not rest.strip() or rest.startswith("\n"):
            body = rest.lstrip("\n")
    return RawDocument(text=body, source=source, title=title, outlet=outlet, published=published)


def _join_paragraphs(lines: list[str]) -> str:
    paras: list[str] = []
    cur: list[str] = []
    for line in lines:
        if line.strip():
            cur.append(line.strip())
        elif cur:
            paras.append(" ".join(cur))
            cur = []
    if cur:
        paras.append(" ".join(cur))
    return "\n\n".join(paras)
