"""The analytics endpoints and pages: relations over time, alignment blocs, quotes by speaker.

Thin layers over ``geosignal.analytics`` (``relations``, ``blocs``, ``quotes``): parameters are
validated here, a ``UsageError`` from the analysis is a 422, and the pages draw the results as
inline SVG computed in ``render``.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import FastAPI, Query
from fastapi.responses import HTMLResponse

from ..analytics import PERIODS, QUAD_CLASSES, blocs, quotes, relations
from ..errors import Errors, UsageError
from .render import network, timeline

if TYPE_CHECKING:
    from .app import WebState

# Analytics windows take a year, a month or a day.
Window = Annotated[
    str | None,
    Query(
        pattern=r"^[1-9][0-9]{3}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$",
        description="YYYY, YYYY-MM or YYYY-MM-DD",
    ),
]
_COOP = [QUAD_CLASSES[1], QUAD_CLASSES[2]]
_CONFLICT = [QUAD_CLASSES[3], QUAD_CLASSES[4]]


class Period(StrEnum):
    """The periods of a relations timeline."""

    week = "week"
    month = "month"
    quarter = "quarter"
    year = "year"


assert tuple(Period) == PERIODS  # the analytics' own list


def _usage(exc: UsageError, field: str) -> Exception:
    from .app import ApiError

    return ApiError(422, Errors.E104.name, Errors.E104.format(field=field, detail=str(exc)), field)


def _dyad(text: str) -> tuple[str, str]:
    a, _, b = text.partition(":")
    return a.upper(), b.upper()


def add_insight_routes(app: FastAPI, state: WebState, page: Callable[..., HTMLResponse]) -> None:
    """Register /api/relations, /api/blocs, /api/quotes and the /relations and /blocs pages."""
    from .app import ERROR_RESPONSES, ApiError

    def run_relations(
        dyad: str | None, country: str | None, period: str, since: str | None, until: str | None
    ) -> list[dict[str, Any]]:
        if bool(dyad) == bool(country):
            raise ApiError(422, "E104", Errors.E104.format(field="dyad", detail=Errors.E064.value), "dyad")
        try:
            with state.db() as db:
                return relations(
                    db,
                    dyad=_dyad(dyad) if dyad else None,
                    country=country.upper() if country else None,
                    period=period,
                    since=since,
                    until=until,
                )
        except UsageError as exc:
            msg = str(exc)
            field = "since" if "since '" in msg else "until" if "until '" in msg else "dyad" if dyad else "country"
            raise _usage(exc, field) from None

    @app.get("/api/relations", response_model=list[dict[str, Any]], responses=ERROR_RESPONSES, tags=["analytics"])
    def api_relations(
        dyad: Annotated[
            str | None, Query(pattern=r"^[A-Za-z]{3}:[A-Za-z]{3}$", description="two state codes: RUS:PRK")
        ] = None,
        country: Annotated[
            str | None, Query(pattern=r"^[A-Za-z]{3}$", description="one state: its partners ranked")
        ] = None,
        period: Period = Period.month,
        since: Window = None,
        until: Window = None,
    ) -> list[dict[str, Any]]:
        """A dyad's relations per period, or one state's partners ranked.

        Per period: counts per quad class, Goldstein sum and mean, sources. Give exactly one of
        ``dyad`` and ``country``.
        """
        return run_relations(dyad, country, period.value, since, until)

    @app.get("/api/blocs", response_model=dict[str, Any], responses=ERROR_RESPONSES, tags=["analytics"])
    def api_blocs(since: Window = None, until: Window = None) -> dict[str, Any]:
        """Alignment blocs from the signed cooperation–conflict graph of states, with the strongest ties."""
        try:
            with state.db() as db:
                return blocs(db, since=since, until=until).to_dict()
        except UsageError as exc:
            raise _usage(exc, "until" if "until '" in str(exc) else "since") from None

    @app.get("/api/quotes", response_model=list[dict[str, Any]], responses=ERROR_RESPONSES, tags=["analytics"])
    def api_quotes(
        speaker: Annotated[str | None, Query(max_length=200, description="actor id, name or country code")] = None,
        limit: Annotated[int, Query(ge=1, le=500)] = 100,
    ) -> list[dict[str, Any]]:
        """Direct quotes and reported speech with their speaker and document, oldest first."""
        with state.db() as db:
            return quotes(db, speaker=speaker or None, limit=limit)

    @app.get("/relations", response_class=HTMLResponse, include_in_schema=False)
    def relations_page(
        dyad: Annotated[str | None, Query(max_length=20)] = None,
        country: Annotated[str | None, Query(max_length=20)] = None,
        period: Period = Period.month,
        since: Annotated[str | None, Query(max_length=10)] = None,
        until: Annotated[str | None, Query(max_length=10)] = None,
    ) -> HTMLResponse:
        since, until = since or None, until or None
        pair: tuple[str, str] | None = None
        if dyad:
            pair = _dyad(dyad.strip())
        elif not country:
            # No choice yet: the strongest tie in the store.
            with state.db() as db:
                top = blocs(db).ties
            if top:
                pair = (top[0].a, top[0].b)
        rows: list[dict[str, Any]] = []
        if pair:
            rows = run_relations(f"{pair[0]}:{pair[1]}", None, period.value, since, until)
        # A state's partners ranked: the one asked for, else the dyad's first state.
        who = country.strip().upper() if country else (pair[0] if pair else None)
        partners = run_relations(None, who, period.value, since, until) if who else []
        for r in rows:
            r["cooperation"] = sum(int(r[k] or 0) for k in _COOP)
            r["conflict"] = sum(int(r[k] or 0) for k in _CONFLICT)
        top_partner = max([1] + [sum(int(r[k] or 0) for k in _COOP + _CONFLICT) for r in partners])
        return page(
            "relations.html",
            dyad=pair,
            dyad_text=f"{pair[0]}:{pair[1]}" if pair else dyad,
            country=who,
            period=period.value,
            periods=PERIODS,
            since=since,
            until=until,
            rows=rows,
            chart=timeline(rows),
            partners=partners,
            partners_max=top_partner,
        )

    @app.get("/blocs", response_class=HTMLResponse, include_in_schema=False)
    def blocs_page(
        since: Annotated[str | None, Query(max_length=10)] = None,
        until: Annotated[str | None, Query(max_length=10)] = None,
    ) -> HTMLResponse:
        since, until = since or None, until or None
        try:
            with state.db() as db:
                report = blocs(db, since=since, until=until)
                names = _state_names(db, {s for b in report.blocs for s in b.states})
        except UsageError as exc:
            raise _usage(exc, "until" if "until '" in str(exc) else "since") from None
        edges: dict[tuple[str, str], dict[str, Any]] = {}
        for tie in [t for b in report.blocs for t in b.ties] + list(report.ties):
            edges[(tie.a, tie.b)] = {"a": tie.a, "b": tie.b, "weight": tie.weight, "volume": tie.events}
        graph = network([b.states for b in report.blocs], list(edges.values()), names=names)
        return page("blocs.html", report=report.to_dict(), graph=graph, since=since, until=until)


def _state_names(db: Any, codes: set[str]) -> dict[str, str]:
    """The states' names as the store's actors give them (the code when it has none)."""
    if not codes:
        return {}
    rows = db.fetch(
        "SELECT actor_id, min(name) FROM actors WHERE type = 'state' AND actor_id = ANY(?) GROUP BY actor_id",
        [sorted(codes)],
    )
    return {str(r[0]): str(r[1]) for r in rows}
