"""What the analyses share: argument checks, the status filter and the date window over event dates."""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from datetime import date
from typing import Any

from ..errors import Errors, UsageError

# Quad classes by CAMEO root (GDELT/Phoenix): 1 verbal cooperation 01-05, 2 material cooperation 06-08,
# 3 verbal conflict 09-13, 4 material conflict 14-20.
QUAD_CLASSES = {1: "verbal_coop", 2: "material_coop", 3: "verbal_conflict", 4: "material_conflict"}
PERIODS = ("week", "month", "quarter", "year")
STATUSES = ("reported", "attributed", "speculative", "rhetorical", "negated", "hypothetical", "future")
# Only events the outlet reports as having happened are interactions; speculation, rhetoric,
# negated, hypothetical and future events are not, unless the caller asks for them.
DEFAULT_STATUSES: tuple[str, ...] = ("reported",)

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_STATE = re.compile(r"^[A-Za-z]{3}$")


def state_code(value: str, what: str) -> str:
    """A three-letter state code (ISO 3166 alpha-3, as the store holds them), upper-cased."""
    code = value.strip()
    if not _STATE.match(code):
        raise UsageError(Errors.E060.format(what=what, value=value))
    return code.upper()


def window(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    """The bounds as full days: ``since`` at the first day of its year or month, ``until`` at the last."""
    return _bound(since, "since", first=True), _bound(until, "until", first=False)


def _bound(value: str | None, what: str, *, first: bool) -> str | None:
    if value is None:
        return None
    m = _DATE.match(value.strip())
    try:
        if not m:
            raise ValueError
        y, mo, d = int(m[1]), int(m[2] or (1 if first else 12)), m[3]
        day = int(d) if d else (1 if first else calendar.monthrange(y, mo)[1])
        return date(y, mo, day).isoformat()
    except ValueError:
        raise UsageError(Errors.E061.format(what=what, value=value)) from None


def statuses_clause(statuses: Sequence[str] | None, column: str = "status") -> tuple[str, list[Any]]:
    """SQL (with a leading AND) keeping these event statuses; None keeps every status."""
    if statuses is None:
        return "", []
    bad = [s for s in statuses if s not in STATUSES]
    if bad or not statuses:
        raise UsageError(Errors.E062.format(value=", ".join(bad) or "(none)", known=", ".join(STATUSES)))
    return f" AND {column} IN ({', '.join('?' for _ in statuses)})", list(statuses)


def window_clause(since: str | None, until: str | None, column: str = "day") -> tuple[str, list[Any]]:
    """SQL (with a leading AND) keeping events whose own date overlaps [since, until].

    ``column`` is an integer date as event_dyads holds it: yyyymmdd, yyyymm00 for a month,
    yyyy0000 for a year. An event of "November 2023" is inside a window that overlaps November
    2023. Undated events never match a window.
    """
    sql, params = "", []
    if since:
        end = (
            f"CASE WHEN mod({column}, 10000) = 0 THEN {column} + 9999 "
            f"WHEN mod({column}, 100) = 0 THEN {column} + 99 ELSE {column} END"
        )
        sql += f" AND {end} >= ?"
        params.append(int(since.replace("-", "")))
    if until:
        sql += f" AND {column} <= ?"
        params.append(int(until.replace("-", "")))
    return sql, params


def day_text(day: int | None) -> str | None:
    """An integer date (yyyymmdd, yyyymm00, yyyy0000) as ISO text at its precision."""
    if day is None:
        return None
    y, m, d = day // 10000, day // 100 % 100, day % 100
    return f"{y:04d}" if not m else f"{y:04d}-{m:02d}" if not d else f"{y:04d}-{m:02d}-{d:02d}"


def quad_sums(column: str = "quad_class", *, first: bool = False) -> str:
    """SQL selecting one count per quad class, named as in QUAD_CLASSES (of events, with ``first``)."""
    one = "first" if first else "1"
    return ", ".join(
        f"sum(CASE WHEN {column} = {q} THEN {one} ELSE 0 END) AS {name}" for q, name in QUAD_CLASSES.items()
    )


def reports_sql(group: str, where: str) -> str:
    """event_dyads rows matching ``where``, each with ``first``: 1 on one report of each event, else 0.

    Reports of one event (event_keys: the same day, code and actors, in any documents) share an
    ``event_hash``; ``group`` is what else sets one event apart in the caller's grouping (its pair
    or partner). Summing ``first`` counts events once however many articles reported them.
    """
    return (
        f"(SELECT *, CASE WHEN row_number() OVER (PARTITION BY {group}, event_hash ORDER BY doc_key, event_id) = 1 "
        f"THEN 1 ELSE 0 END AS first FROM event_dyads WHERE {where}) AS reports"
    )
