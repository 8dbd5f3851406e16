"""Relations between states over time: counts per quad class, Goldstein sum and mean, sources, per period.

Every measure is aggregated in the database from ``event_dyads``. An event counts once for a pair of
states however many of its actors belong to each (an event of "Russia and North Korea met" with
both states on both sides counts once, and in both ``forward`` and ``backward``). A state's side is
every actor whose country is that state: its government, military, officials and other people.
Only events with their own date count:
the period is the event's date, never the publication date, and an event whose date is less
precise than the period (a year when months are asked for) or absent is left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from ..errors import Errors, UsageError
from ..store import Store
from ..store.schema import STATE_KEYS, state_key
from .common import (
    DEFAULT_STATUSES,
    PERIODS,
    QUAD_CLASSES,
    day_text,
    quad_sums,
    reports_sql,
    state_code,
    statuses_clause,
    window,
    window_clause,
)

_MEASURES = (
    "events",
    *QUAD_CLASSES.values(),
    "goldstein_sum",
    "goldstein_mean",
    "sources",
    "articles",
)
# A dyad: one row per period. forward = events from the first state to the second, backward the reverse
# (an event with both states on both sides counts in both, and once in events).
DYAD_COLUMNS = ("period", *_MEASURES, "forward", "backward")
# A country: one row per partner, most events first. sent = the country among the sources, received = targets.
COUNTRY_COLUMNS = ("partner", *_MEASURES, "sent", "received", "first_date", "last_date")

# Events whose date can be placed in a period (day: yyyymmdd, month: yyyymm00, year: yyyy0000), and the
# SQL key of the period, an integer or a date that _period_text turns into the key shown.
_YEAR = "CAST(floor(day / 10000.0) AS INTEGER)"
_YEAR_MONTH = "CAST(floor(day / 100.0) AS INTEGER)"
_PLACEABLE = {
    "week": "mod(day, 100) <> 0",
    "month": "mod(day, 10000) <> 0",
    "quarter": "mod(day, 10000) <> 0",
    "year": "day IS NOT NULL",
}
_KEYS = {
    "week": f"CAST(date_trunc('week', make_date({_YEAR}, mod({_YEAR_MONTH}, 100), mod(day, 100))) AS DATE)",
    "month": _YEAR_MONTH,
    "quarter": f"{_YEAR} * 10 + CAST(floor((mod({_YEAR_MONTH}, 100) - 1) / 3.0) AS INTEGER) + 1",
    "year": _YEAR,
}
# Over event_dyads rows flagged `first` (see reports_sql): an event reported by several articles
# counts once; its sources and articles are all its reports'.
_AGGREGATES = (
    f"sum(first) AS events, {quad_sums(first=True)}, sum(first * goldstein) AS goldstein_sum, "
    "sum(first * goldstein) / nullif(sum(first), 0) AS goldstein_mean, "
    "count(DISTINCT outlet_key) AS sources, count(DISTINCT doc_key) AS articles"
)


def _period_text(period: str, key: Any) -> str:
    if period == "week":
        return str(key)[:10]  # the Monday, as a date
    k = int(key)
    if period == "month":
        return f"{k // 100:04d}-{k % 100:02d}"
    if period == "quarter":
        return f"{k // 10:04d}-Q{k % 10}"
    return f"{k:04d}"


def relations(
    store: Store,
    *,
    dyad: tuple[str, str] | None = None,
    country: str | None = None,
    period: str = "month",
    since: str | None = None,
    until: str | None = None,
    directed: bool = False,
    statuses: Sequence[str] | None = DEFAULT_STATUSES,
) -> list[dict[str, Any]]:
    """How two states' relations move per period, or how one state's partners rank.

    ``dyad=("RUS", "PRK")``: one row per ``period`` (week, month, quarter or year; keys such as
    ``2023-11-27`` (the Monday), ``2023-11``, ``2023-Q4``, ``2023``), oldest first, with the columns of
    DYAD_COLUMNS. Events in both directions count unless ``directed``, which keeps only those from the
    first state to the second. ``country="RUS"``: one row per partner state over the whole window
    (``period`` does not apply), most events first, with COUNTRY_COLUMNS.

    ``since``/``until`` (YYYY-MM-DD, YYYY-MM or YYYY) bound the event dates; ``statuses`` are the event
    statuses that count (default: only ``reported``; None counts every status). ``sources`` is the
    number of distinct outlets, ``articles`` of distinct documents.
    """
    if (dyad is None) == (country is None):
        raise UsageError(Errors.E064.format())
    if period not in PERIODS:
        raise UsageError(Errors.E063.format(value=period, known=", ".join(PERIODS)))
    lo, hi = window(since, until)
    status_sql, status_params = statuses_clause(statuses)
    window_sql, window_params = window_clause(lo, hi)
    if dyad is not None:
        if len(dyad) != 2:
            raise UsageError(Errors.E065.format(value=":".join(dyad)))
        a, b = state_code(dyad[0], "dyad state"), state_code(dyad[1], "dyad state")
        if a == b:
            raise UsageError(Errors.E065.format(value=f"{a}:{b}"))
        return _dyad(store, a, b, period, directed, status_sql + window_sql, status_params + window_params)
    assert country is not None
    c = state_code(country, "country")
    return _country(store, c, status_sql + window_sql, status_params + window_params)


def _dyad(
    store: Store, a: str, b: str, period: str, directed: bool, where: str, params: list[Any]
) -> list[dict[str, Any]]:
    # event_dyads has each event once from a's point of view: sent = a -> b, received = b -> a.
    ka, kb = state_key(a), state_key(b)
    assert ka is not None and kb is not None  # state_code() admits only three letters
    if directed:
        where = f" AND sent = 1{where}"
    match = f"pair_key = ? AND {_PLACEABLE[period]}{where}"
    sql = (
        f"SELECT {_KEYS[period]} AS period, {_AGGREGATES}, sum(first * sent) AS forward, "
        f"sum(first * received) AS backward FROM {reports_sql('pair_key', match)} GROUP BY 1 ORDER BY 1"
    )
    rows = store.fetch(sql, [ka * STATE_KEYS + kb, *params])
    out = [_row(DYAD_COLUMNS, r) for r in rows]
    for row in out:
        row["period"] = _period_text(period, row["period"])
    return out


def _country(store: Store, c: str, where: str, params: list[Any]) -> list[dict[str, Any]]:
    sql = (
        f"SELECT partner, {_AGGREGATES}, sum(first * sent) AS sent, sum(first * received) AS received, "
        "min(day) AS first_date, max(day) AS last_date "
        f"FROM {reports_sql('partner', f'state_key = ? AND day IS NOT NULL{where}')} "
        "GROUP BY partner ORDER BY events DESC, partner"
    )
    rows = store.fetch(sql, [state_key(c), *params])
    out = [_row(COUNTRY_COLUMNS, r) for r in rows]
    for row in out:
        row["first_date"], row["last_date"] = day_text(row["first_date"]), day_text(row["last_date"])
    return out


def _row(columns: tuple[str, ...], values: tuple[Any, ...]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, value in zip(columns, values, strict=True):
        if name in ("goldstein_sum", "goldstein_mean"):
            value = None if value is None else round(float(value), 4)
        elif isinstance(value, (int, Decimal)):  # PostgreSQL sums come back as Decimal
            value = int(value)
        out[name] = value
    return out
