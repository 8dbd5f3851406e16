"""``geosignal kb import``: CAMEO/TABARI/PETRARCH actor dictionaries into a user KB file.

The format (PETRARCH's ``.actors.txt``): a primary name line, optionally followed on the same
line by a code in brackets; synonym lines start with ``+``; indented ``[CODE dates]`` lines give
date-bounded codes (``[RUSGOV >060728]``, ``[HOBGOV 19950601 - 19990815]``). Names use ``_`` for
spaces. ``#`` and ``<!-- -->`` are comments. A code is a 3-letter country (or IGO/NGO) part and
an optional 3-letter sector part.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from ..errors import Errors, KnowledgeBaseError
from .base import slug

FORMATS = ("cameo",)
_CODE = re.compile(r"\[([A-Z0-9~]{3,})\s*([^\]]*)\]")
_SECTORS = {
    "GOV",
    "MIL",
    "REB",
    "OPP",
    "ELI",
    "MED",
    "IGO",
    "NGO",
    "IMG",
    "BUS",
    "LEG",
    "JUD",
    "COP",
    "SPY",
    "PTY",
    "CVL",
    "REF",
}


@dataclass(slots=True)
class _Actor:
    name: str
    aliases: list[str] = field(default_factory=list)
    codes: list[tuple[str, str]] = field(default_factory=list)  # (code, date restriction)


def _name(raw: str) -> str:
    words = raw.strip().strip("_").replace("_", " ").split()
    # Acronyms of up to four letters stay in capitals (UN, NATO); other words are title-cased.
    return " ".join(w if len(w) <= 4 and w.isalpha() and w.isupper() and len(words) == 1 else w.title() for w in words)


def _sector(code: str) -> str | None:
    """The first known sector among the code's 3-letter parts after the country (PSEHMSGOV: GOV)."""
    parts = [code[i : i + 3] for i in range(3, len(code), 3)]
    return next((p for p in parts if p in _SECTORS), None)


def _yymmdd(s: str) -> date | None:
    s = s.strip()
    try:
        if len(s) == 8:
            return date(int(s[:4]), int(s[4:6]), int(s[6:]))
        if len(s) == 6:
            yy = int(s[:2])
            return date(1900 + yy if yy > 30 else 2000 + yy, int(s[2:4]), int(s[4:]))
    except ValueError:
        return None
    return None


def _dates(restriction: str) -> tuple[date | None, date | None]:
    r = restriction.replace(" ", "")
    if not r:
        return None, None
    if r.startswith("<"):
        return None, _yymmdd(r[1:])
    if r.startswith(">"):
        return _yymmdd(r[1:]), None
    if "-" in r:
        a, _, b = r.partition("-")
        return _yymmdd(a), _yymmdd(b)
    return None, None


def parse_actor_dictionary(text: str, where: str) -> list[_Actor]:
    """Parse the TABARI/PETRARCH actor-dictionary format."""
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    actors: list[_Actor] = []
    for line in text.splitlines():
        body = line.split("#", 1)[0].rstrip()
        if not body.strip():
            continue
        if body[:1].isspace() or body.lstrip().startswith("["):
            if not actors:
                raise KnowledgeBaseError(Errors.E030.format(path=where, detail=f"code line before any actor: {body!r}"))
            actors[-1].codes += [(m.group(1), m.group(2)) for m in _CODE.finditer(body)]
            continue
        codes = [(m.group(1), m.group(2)) for m in _CODE.finditer(body)]
        name = _CODE.sub("", body).strip()
        if body.startswith("+"):
            if actors:
                actors[-1].aliases.append(_name(name[1:]))
                actors[-1].codes += codes
            continue
        actors.append(_Actor(_name(name), codes=codes))
    return actors


def _entry(a: _Actor, seen: set[str]) -> dict[str, Any] | None:
    if not a.codes:
        return None
    base = "cameo-" + slug(a.name)
    eid, n = base, 1
    while eid in seen:
        n += 1
        eid = f"{base}-{n}"
    seen.add(eid)
    roles = []
    for code, restriction in a.codes:
        start, end = _dates(restriction)
        sector = _sector(code)
        if start or end:
            roles.append(
                {
                    "office": code,
                    "kind": "official",
                    "country": code[:3],
                    "sector": sector,
                    "start": start.isoformat() if start else None,
                    "end": end.isoformat() if end else None,
                }
            )
    # The undated code (or the last one) is the actor's own.
    code = next((c for c, r in a.codes if not r.strip()), a.codes[-1][0])
    country: str | None = code[:3]
    sector = _sector(code)
    if country in ("IGO", "NGO", "IMG"):
        sector, country = country, None
    entry: dict[str, Any] = {
        "id": eid,
        "name": a.name,
        "type": "person" if roles else "other",
        "country": country,
        "sector": sector,
        "aliases": sorted({x for x in a.aliases if x and x != a.name}),
        "note": f"CAMEO code {code}",
    }
    if roles:
        entry["roles"] = roles
    return entry


def import_dictionary(path: Path, fmt: str = "cameo", out_dir: Path | None = None) -> tuple[Path, int]:
    """Convert an actor dictionary into a user KB file; return its path and the number of actors."""
    if fmt not in FORMATS:
        raise KnowledgeBaseError(Errors.E031.format(fmt=fmt, known=", ".join(FORMATS)))
    if not path.is_file():
        raise KnowledgeBaseError(Errors.E030.format(path=path, detail="no such file"))
    try:
        text = path.read_text("utf-8", errors="replace")
    except OSError as exc:
        raise KnowledgeBaseError(Errors.E030.format(path=path, detail=exc.strerror)) from exc
    seen: set[str] = set()
    entries = [e for a in parse_actor_dictionary(text, str(path)) if (e := _entry(a, seen)) is not None]
    if not entries:
        raise KnowledgeBaseError(Errors.E030.format(path=path, detail="no actors with codes found"))
    if out_dir is None:
        from ..pipeline import user_kb_dir

        out_dir = user_kb_dir()
    out_dir.mkdir(parents=True, exist_ok=True)
    out = out_dir / (re.sub(r"[^A-Za-z0-9._-]+", "-", path.stem) + ".yaml")
    doc = {
        "source": f"Imported from the CAMEO actor dictionary {path.name} by geosignal kb import.",
        "version": "imported",
        "entries": entries,
    }
    tmp = out.with_suffix(".yaml.tmp")
    tmp.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True), "utf-8")
    tmp.replace(out)  # atomic: a crash never leaves a half-written KB file behind
    from .base import load_kb

    load_kb.cache_clear()
    return out, len(entries)
