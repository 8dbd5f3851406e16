"""The FastAPI application: a JSON API over the store and a server-rendered dashboard.

Security model: article text, titles and names in the store are untrusted. Templates escape every
value (Jinja2 autoescape), the one script sets only ``textContent``, and a strict
Content-Security-Policy forbids inline scripts and styles, so markup in the data stays text.
The server is read-only unless it was started with ``allow_writes``.
"""

from __future__ import annotations

import copy
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, ValidationError, WithJsonSchema
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors import Errors, GeosignalError
from ..model import Analysis, RawDocument, Rejection
from ..store import EventFilter, Store
from . import queries
from .render import MARKED_STATUSES, article_pieces

HERE = Path(__file__).parent
DEFAULT_MAX_BODY = 2_000_000  # bytes of a POST body (pasted text or an uploaded page)

# No inline script or style anywhere; everything comes from this origin.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
    "font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),  # no-referrer would make form POSTs send Origin: null
    (b"x-frame-options", b"DENY"),
]


class Status(StrEnum):
    """Claim and event statuses (the contract's enum)."""

    reported = "reported"
    attributed = "attributed"
    speculative = "speculative"
    rhetorical = "rhetorical"
    negated = "negated"
    hypothetical = "hypothetical"
    future = "future"


class ErrorBody(BaseModel):
    """Every error the API answers: a coded one-line message, and the parameter at fault if any."""

    message: str
    code: str | None = None
    field: str | None = None


class DocumentSummary(BaseModel):
    """A document in a search result."""

    id: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    snippet: str | None
    events: int
    statements: int


class DocumentPage(BaseModel):
    """One page of documents and how many match in all."""

    total: int
    limit: int
    offset: int
    items: list[DocumentSummary]


class EventRow(BaseModel):
    """An event as ``geosignal query events`` prints it."""

    date: str | None
    source: str | None
    cameo: str | None
    target: str | None
    quad_class: int | None
    goldstein: float | None
    status: str | None
    doc_id: str
    event_id: str
    title: str | None
    url: str | None
    evidence: str | None


class GroupedEventRow(BaseModel):
    """An event once, with its reports counted (``geosignal query events`` without ``--reports``)."""

    date: str | None
    source: str | None
    cameo: str | None
    target: str | None
    quad_class: int | None
    goldstein: float | None
    status: str | None
    num_articles: int
    num_sources: int
    num_stories: int
    doc_ids: str | None
    event_ids: str | None
    title: str | None
    url: str | None
    event_key: str


class EventPage(BaseModel):
    """One page of events, oldest first: one row per event, or per report with ``reports``."""

    limit: int
    offset: int
    reports: bool
    items: list[GroupedEventRow] | list[EventRow]


class AnalyzeRequest(BaseModel):
    """A pasted article: plain text or an HTML page, with optional metadata."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(None, description="plain text or Markdown (a page's HTML is recognised too)")
    html: str | None = Field(None, description="an HTML page; its body text is extracted")
    title: str | None = None
    outlet: str | None = None
    published: IsoDate | None = None
    url: str | None = None


def _real_date(value: str) -> str:
    date.fromisoformat(value)  # 2023-02-30 passes the pattern but is no date: ValueError, a 422
    return value


# Dates are strict YYYY-MM-DD strings (a lax date type would take 0 as a Unix timestamp).
IsoDate = Annotated[
    str,
    StringConstraints(pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"),
    AfterValidator(_real_date),
    WithJsonSchema({"type": "string", "format": "date"}),
]
Limit = Annotated[int, Query(ge=1, le=100, description="page size (at most 100)")]
Offset = Annotated[int, Query(ge=0, le=100_000)]


class ApiError(Exception):
    """An error answered as ``ErrorBody`` with this HTTP status."""

    def __init__(self, status: int, code: str, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.field = field


def _err(status: int, code: Errors, field: str | None = None, **fields: object) -> ApiError:
    return ApiError(status, code.name, code.format(field=field, **fields), field)


class SecurityHeaders:
    """ASGI middleware adding the CSP and related headers to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass the request on; add the headers when the response starts."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + SECURITY_HEADERS
            await send(message)

        await self.app(scope, receive, send_with_headers)


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    422: {"model": ErrorBody, "description": "a parameter is invalid (the field is named)"},
}
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": ErrorBody, "description": "no such id"}}


class WebState:
    """What the request handlers share: the store (one connection, used under a lock) and settings."""

    def __init__(self, store: Store, *, allow_writes: bool, max_body: int) -> None:
        self.store = store
        self.allow_writes = allow_writes
        self.max_body = max_body
        self._lock = threading.Lock()
        self._local = threading.local()
        self._nlp_lock = threading.Lock()

    @contextmanager
    def db(self) -> Iterator[Store]:
        """The store for one request.

        A DuckDB connection may not be shared between threads, but each thread may have its own
        cursor on it: reads run in parallel that way. Other backends (psycopg) take turns.
        """
        reader = self._thread_reader()
        if reader is not None:
            yield reader
            return
        with self._lock:
            yield self.store

    @contextmanager
    def writer(self) -> Iterator[Store]:
        """The store's own connection, one writer at a time."""
        with self._lock:
            yield self.store

    def _thread_reader(self) -> Store | None:
        from ..store.duck import DuckDBStore

        if not isinstance(self.store, DuckDBStore):
            return None
        reader: Store | None = getattr(self._local, "reader", None)
        if reader is None:
            clone = copy.copy(self.store)
            clone.con = self.store.con.cursor()
            self._local.reader = reader = clone
        return reader

    def analyze(self, raw: RawDocument) -> dict[str, Any]:
        """The analysis of one document (the pipeline runs one document at a time)."""
        from ..config import load_settings
        from ..pipeline import analyze_documents

        with self._nlp_lock:
            result = next(analyze_documents([raw], settings=load_settings()))
        assert isinstance(result, Analysis)
        return result.to_dict()


def _templates() -> Environment:
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["safe_url"] = safe_url
    env.globals["marked_statuses"] = MARKED_STATUSES
    return env


def safe_url(url: object) -> str | None:
    """The URL if it is http(s), else None: a stored ``javascript:`` URL never becomes a link."""
    if not isinstance(url, str):
        return None
    u = url.strip()
    return u if u.lower().startswith(("http://", "https://")) else None


def _same_site(request: Request) -> None:
    """Refuse a POST that another site's page made the browser send.

    A form on any web page can target 127.0.0.1. Browsers say where a request comes from (Origin,
    Sec-Fetch-Site); clients such as curl send neither and pass.
    """
    origin = request.headers.get("origin")
    here = f"{request.url.scheme}://{request.headers.get('host', '')}"
    fetch_site = request.headers.get("sec-fetch-site", "")
    if (origin is not None and origin != here) or fetch_site in ("cross-site", "same-site"):
        raise _err(403, Errors.E107, origin=origin or fetch_site)


async def _read_capped(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 as soon as it passes ``limit`` bytes."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise _err(413, Errors.E102, limit=limit)
    size = 0
    chunks: list[bytes] = []
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _err(413, Errors.E102, limit=limit)
        chunks.append(chunk)
    return b"".join(chunks)


async def _raw_document(request: Request, limit: int) -> RawDocument:
    """The document a POST carries: JSON (``AnalyzeRequest``) or a multipart form with a ``file``."""
    from ..ingest import read_string
    from ..ingest.html import parse_html
    from ..pipeline import apply_overrides

    body = await _read_capped(request, limit)
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    meta: dict[str, Any] = {}
    item: RawDocument | Rejection
    if ctype == "application/json":
        try:
            req = AnalyzeRequest.model_validate_json(body)
        except ValidationError as exc:
            first = exc.errors()[0]
            field = ".".join(str(x) for x in first["loc"]) or "body"
            raise _err(422, Errors.E104, field=field, detail=first["msg"]) from None
        if bool(req.text) == bool(req.html):
            raise _err(422, Errors.E105, field="text", detail="give exactly one of 'text' and 'html'")
        if req.html:
            item = parse_html(req.html, "<html>", req.url)
        else:
            assert req.text is not None
            item = read_string(req.text, "<text>")
        meta = {"title": req.title, "outlet": req.outlet, "url": req.url}
        meta["published"] = req.published
    elif ctype == "multipart/form-data":
        item, meta = await _from_form(request, body)
    else:
        raise _err(422, Errors.E105, field="body", detail=f"unsupported content type '{ctype or 'none'}'")
    if isinstance(item, Rejection):
        raise _err(422, Errors.E105, field="body", detail=item.reason)
    if not item.text.strip():
        raise _err(422, Errors.E105, field="body", detail=Errors.E004.format())
    item.source = None
    apply_overrides(item, **meta)
    return item


async def _from_form(request: Request, body: bytes) -> tuple[RawDocument | Rejection, dict[str, Any]]:
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    try:
        form = await Request(request.scope, receive).form()
    except Exception as exc:  # a malformed multipart body is the caller's error
        raise _err(422, Errors.E105, field="body", detail=f"unreadable form ({type(exc).__name__})") from None
    try:
        return await _form_document(form)
    finally:
        await form.close()  # uploads are spooled to temporary files


async def _form_document(form: Any) -> tuple[RawDocument | Rejection, dict[str, Any]]:
    from ..ingest import read_string
    from ..ingest.html import parse_html
    from ..ingest.readers import decode_bytes
    from ..pipeline import parse_date

    meta: dict[str, Any] = {}
    for key in ("title", "outlet", "url", "published"):
        value = form.get(key)
        if isinstance(value, str) and value.strip():
            meta[key] = value.strip()
    if "published" in meta and parse_date(meta["published"]) is None:
        raise _err(422, Errors.E104, field="published", detail=f"'{meta['published']}' is not a date (YYYY-MM-DD)")
    upload = form.get("file")
    text = form.get("text")
    data = b"" if upload is None or isinstance(upload, str) else await upload.read()
    # A browser form with no file chosen still sends an empty, unnamed file part.
    if upload is not None and not isinstance(upload, str) and (data or upload.filename):
        name = upload.filename or "<upload>"
        decoded = decode_bytes(data, name, html=True)
        if isinstance(decoded, Rejection):
            return decoded, meta
        is_html = name.lower().endswith((".html", ".htm")) or "html" in (upload.content_type or "")
        return (parse_html(decoded, name, meta.get("url")) if is_html else read_string(decoded, name)), meta
    if isinstance(text, str) and text.strip():
        return read_string(text, "<text>"), meta
    raise _err(422, Errors.E105, field="file", detail="the form has neither a 'file' nor a 'text' field")


def create_app(store: Store, *, allow_writes: bool = False, max_body: int = DEFAULT_MAX_BODY) -> FastAPI:
    """The web application over an open store (which the caller closes after the app stops)."""
    from .. import __version__

    app = FastAPI(
        title="geosignal",
        version=__version__,
        description="Geopolitical news as a sourced, queryable record: documents, events, actors, quotes.",
        docs_url=None,  # Swagger UI loads its assets from a CDN; /docs is our own offline page
        redoc_url=None,
    )
    state = WebState(store, allow_writes=allow_writes, max_body=max_body)
    app.state.web = state
    env = _templates()
    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    def page(template: str, code: int = 200, **context: Any) -> HTMLResponse:
        return HTMLResponse(env.get_template(template).render(**context), status_code=code)

    # -- errors: JSON under /api, a page elsewhere ------------------------------------------
    def error_response(
        request: Request, status: int, body: ErrorBody, headers: dict[str, str] | None = None
    ) -> Response:
        response: Response
        if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
            response = JSONResponse(body.model_dump(), status_code=status)
        else:
            response = page("error.html", status, error=body, status=status)
        response.headers.update(headers or {})  # such as Allow on a 405
        return response

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> Response:
        return error_response(request, exc.status, ErrorBody(message=exc.message, code=exc.code, field=exc.field))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        first = exc.errors()[0]
        loc = [str(x) for x in first.get("loc", ()) if x not in ("query", "path", "body", "header")]
        field = ".".join(loc) or "request"
        message = Errors.E104.format(field=field, detail=first.get("msg", "invalid"))
        return error_response(request, 422, ErrorBody(message=message, code="E104", field=field))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 404:
            body = ErrorBody(message=Errors.E106.format(path=request.url.path), code="E106")
        else:
            body = ErrorBody(message=str(exc.detail))
        headers = dict(exc.headers or {})
        if exc.status_code == 405:
            # Starlette names only the first route matching the path; list every route's methods.
            methods: set[str] = set()
            for route in app.router.routes:
                if route.matches(request.scope)[0] is not Match.NONE:
                    methods |= set(getattr(route, "methods", None) or ())
            headers["Allow"] = ", ".join(sorted(methods))
        return error_response(request, exc.status_code, body, headers)

    @app.exception_handler(GeosignalError)
    async def geosignal_error(request: Request, exc: GeosignalError) -> Response:
        return error_response(request, 500, ErrorBody(message=str(exc)))

    # -- API --------------------------------------------------------------------------------

    @app.get("/api/documents", response_model=DocumentPage, responses=ERROR_RESPONSES, tags=["documents"])
    def list_documents(
        q: Annotated[str | None, Query(max_length=200, description="text in the title or body")] = None,
        outlet: Annotated[str | None, Query(max_length=200)] = None,
        since: Annotated[IsoDate | None, Query(description="published on or after (YYYY-MM-DD)")] = None,
        until: Annotated[IsoDate | None, Query(description="published on or before (YYYY-MM-DD)")] = None,
        limit: Limit = 20,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        """Search the stored documents by text, outlet and publication date, newest first."""
        query = queries.DocumentQuery(
            q or None,
            outlet or None,
            since or None,
            until or None,
            limit,
            offset,
        )
        with state.db() as db:
            return queries.search_documents(db, query)

    @app.get(
        "/api/documents/{doc_id:path}",
        response_model=dict[str, Any],
        responses=NOT_FOUND | ERROR_RESPONSES,
        tags=["documents"],
    )
    def get_document(doc_id: str) -> dict[str, Any]:
        """The full analysis of a stored document (the JSON of ``analysis.schema.json``)."""
        with state.db() as db:
            analysis = queries.document_analysis(db, doc_id)
        if analysis is None:
            raise _err(404, Errors.E100, id=doc_id)
        return analysis

    @app.get("/api/events", response_model=EventPage, responses=ERROR_RESPONSES, tags=["events"])
    def list_events(
        source: Annotated[str | None, Query(max_length=200, description="source actor: id, name or country")] = None,
        target: Annotated[str | None, Query(max_length=200, description="target actor: id, name or country")] = None,
        actor: Annotated[str | None, Query(max_length=200, description="either side")] = None,
        cameo: Annotated[str | None, Query(pattern=r"^[0-9]{1,4}$", description="CAMEO code or prefix")] = None,
        status: Status | None = None,
        since: Annotated[IsoDate | None, Query(description="on or after (YYYY-MM-DD)")] = None,
        until: Annotated[IsoDate | None, Query(description="on or before (YYYY-MM-DD)")] = None,
        reports: Annotated[
            bool, Query(description="one row per report (an event in one document), not per event")
        ] = False,
        limit: Annotated[int, Query(ge=1, le=500, description="page size (at most 500)")] = 100,
        offset: Annotated[int, Query(ge=0, le=10_000)] = 0,
    ) -> dict[str, Any]:
        """Events with their actors, filtered as ``geosignal query events`` filters them; oldest first.

        By default each event once, with the number of articles, sources and stories reporting it;
        ``reports=true`` lists every report.
        """
        flt = EventFilter(
            source or None,
            target or None,
            actor or None,
            cameo,
            status.value if status else None,
            since or None,
            until or None,
            offset + limit,
        )
        with state.db() as db:
            rows = (db.events(flt) if reports else db.grouped_events(flt))[offset:]
        return {"limit": limit, "offset": offset, "reports": reports, "items": rows}

    @app.get(
        "/api/actors/{actor_id}",
        response_model=dict[str, Any],
        responses=NOT_FOUND | ERROR_RESPONSES,
        tags=["actors"],
    )
    def get_actor(actor_id: str) -> dict[str, Any]:
        """One actor: names and roles seen, counts of mentions, events and statements, its documents and quotes."""
        with state.db() as db:
            summary = queries.actor_summary(db, actor_id)
        if summary is None:
            raise _err(404, Errors.E101, id=actor_id)
        return summary

    @app.get("/api/search", response_model=dict[str, Any], responses=ERROR_RESPONSES, tags=["search"])
    def search(q: Annotated[str, Query(min_length=1, max_length=200)]) -> dict[str, Any]:
        """Documents, actors and quotes containing ``q`` (case-insensitive)."""
        with state.db() as db:
            return _search(db, q)

    body_doc: dict[str, Any] = {
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"schema": AnalyzeRequest.model_json_schema()},
                "multipart/form-data": {
                    "schema": {
                        "type": "object",
                        "properties": {
                            "file": {"type": "string", "format": "binary", "description": "an HTML or text file"},
                            "text": {"type": "string"},
                            "title": {"type": "string"},
                            "outlet": {"type": "string"},
                            "published": {"type": "string", "format": "date"},
                            "url": {"type": "string"},
                        },
                    }
                },
            },
        }
    }
    too_big: dict[int | str, dict[str, Any]] = {413: {"model": ErrorBody, "description": "the body is too large"}}

    @app.post(
        "/api/analyze",
        response_model=dict[str, Any],
        responses={403: {"model": ErrorBody, "description": "a cross-site request"}} | too_big | ERROR_RESPONSES,
        openapi_extra=body_doc,
        tags=["analysis"],
    )
    async def analyze(request: Request) -> dict[str, Any]:
        """Analyse pasted text or an uploaded HTML page without storing it (the contract's JSON)."""
        _same_site(request)
        raw = await _raw_document(request, state.max_body)
        return await run_in_threadpool(state.analyze, raw)

    @app.post(
        "/api/documents",
        status_code=201,
        response_model=dict[str, Any],
        responses={403: {"model": ErrorBody, "description": "read-only server, or a cross-site request"}}
        | too_big
        | ERROR_RESPONSES,
        openapi_extra=body_doc,
        tags=["documents"],
    )
    async def store_document(request: Request) -> dict[str, Any]:
        """Analyse a document and store it (only when the server runs with ``--allow-writes``)."""
        if not state.allow_writes:
            raise _err(403, Errors.E103)
        _same_site(request)
        raw = await _raw_document(request, state.max_body)
        record = await run_in_threadpool(state.analyze, raw)

        def write() -> None:
            with state.writer() as db:
                db.write_batch([record])

        await run_in_threadpool(write)
        return record

    @app.get("/api/stats", response_model=dict[str, int], tags=["documents"])
    def stats() -> dict[str, int]:
        """Counts of documents, actors, events, statements, claims, techniques and rejects."""
        with state.db() as db:
            return db.stats()

    # -- dashboard --------------------------------------------------------------------------
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(
        q: Annotated[str | None, Query(max_length=200)] = None,
        outlet: Annotated[str | None, Query(max_length=200)] = None,
        since: Annotated[str | None, Query(max_length=10)] = None,
        until: Annotated[str | None, Query(max_length=10)] = None,
        offset: Offset = 0,
    ) -> HTMLResponse:
        since, until = _form_date("since", since), _form_date("until", until)
        query = queries.DocumentQuery(
            q or None,
            outlet or None,
            since or None,
            until or None,
            20,
            offset,
        )
        with state.db() as db:
            result = queries.search_documents(db, query)
            counts = db.stats()
            known_outlets = queries.outlets(db)
        return page(
            "documents.html",
            result=result,
            query=query,
            counts=counts,
            outlets=known_outlets,
            allow_writes=state.allow_writes,
        )

    @app.get("/documents/{doc_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def article(doc_id: str) -> HTMLResponse:
        with state.db() as db:
            analysis = queries.document_analysis(db, doc_id)
        if analysis is None:
            raise _err(404, Errors.E100, id=doc_id)
        return _article_page(page, analysis)

    @app.get("/actors/{actor_id}", response_class=HTMLResponse, include_in_schema=False)
    def actor_page(actor_id: str) -> HTMLResponse:
        with state.db() as db:
            summary = queries.actor_summary(db, actor_id)
        if summary is None:
            raise _err(404, Errors.E101, id=actor_id)
        return page("actor.html", actor=summary)

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(q: Annotated[str, Query(max_length=200)] = "") -> HTMLResponse:
        results = None
        if q.strip():
            with state.db() as db:
                results = _search(db, q.strip())
        return page("search.html", q=q, results=results)

    @app.get("/analyze", response_class=HTMLResponse, include_in_schema=False)
    def analyze_form() -> HTMLResponse:
        return page("analyze.html", max_body=state.max_body)

    @app.post("/analyze", response_class=HTMLResponse, include_in_schema=False)
    async def analyze_page(request: Request) -> HTMLResponse:
        _same_site(request)
        raw = await _raw_document(request, state.max_body)
        analysis = await run_in_threadpool(state.analyze, raw)
        return _article_page(page, analysis, stored=False)

    from .insights import add_insight_routes

    add_insight_routes(app, state, page)

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def api_docs() -> HTMLResponse:
        return page("apidocs.html", spec=app.openapi(), spec_json=json.dumps(app.openapi(), indent=2))

    return app


def _form_date(field: str, value: str | None) -> str | None:
    """A date from an HTML form, where an empty field means no date."""
    if not value:
        return None
    try:
        return _real_date(value) if len(value) == 10 else _real_date("bad")
    except ValueError:
        raise _err(422, Errors.E104, field=field, detail=f"'{value}' is not a date (YYYY-MM-DD)") from None


def _search(db: Store, q: str) -> dict[str, Any]:
    return {
        "documents": queries.search_documents(db, queries.DocumentQuery(q=q, limit=20))["items"],
        "actors": queries.search_actors(db, q),
        "quotes": queries.search_quotes(db, q),
    }


def _article_page(page: Any, analysis: dict[str, Any], *, stored: bool = True) -> HTMLResponse:
    sentences = article_pieces(analysis)
    counts: dict[str, int] = {}
    for c in analysis.get("claims", []):
        counts[c["status"]] = counts.get(c["status"], 0) + 1
    result: HTMLResponse = page("article.html", a=analysis, sentences=sentences, claim_counts=counts, stored=stored)
    return result
