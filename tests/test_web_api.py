"""The web API (geosignal serve) over a store ingested from real articles, through FastAPI's TestClient."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

import geosignal
from conftest import XSS_DOC_ID, XSS_SPEAKER
from geosignal.cli import app as cli_app
from geosignal.store import EventFilter, open_store
from geosignal.web import create_app
from geosignal.web.queries import document_analysis
from test_store_backends import fresh_pg_schema

pytestmark = [pytest.mark.model, pytest.mark.shared]

SHOIGU_TEXT = "Sergei Shoigu"


@pytest.fixture(scope="module")
def store(web_store_path: Path) -> Iterator[Any]:
    with open_store(str(web_store_path), read_only=True) as s:
        yield s


@pytest.fixture(scope="module")
def client(store: Any) -> Iterator[TestClient]:
    with TestClient(create_app(store)) as c:
        yield c


def _sample_id(client: TestClient) -> str:
    items = client.get("/api/documents", params={"outlet": "The Moscow Post"}).json()["items"]
    assert len(items) == 1
    return str(items[0]["id"])


def _error(r: Any, status: int, field: str | None = None) -> dict[str, Any]:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert isinstance(body["message"], str) and body["message"]
    if field is not None:
        assert body["field"] == field, body
        assert field in body["message"]
    return dict(body)


# -- documents ------------------------------------------------------------------------------------


def test_documents_search_by_text_outlet_and_dates(client: TestClient) -> None:
    everything = client.get("/api/documents").json()
    assert everything["total"] == 4 and len(everything["items"]) == 4
    dates = [d["published"] for d in everything["items"]]
    assert dates == sorted(dates, reverse=True)  # newest first

    shoigu = client.get("/api/documents", params={"q": "shoigu"}).json()
    assert shoigu["total"] == 1 and shoigu["items"][0]["outlet"] == "The Moscow Post"
    assert shoigu["items"][0]["events"] > 0

    bbc = client.get("/api/documents", params={"outlet": "bbc news"}).json()
    assert bbc["total"] == 2 and {d["outlet"] for d in bbc["items"]} == {"BBC News"}

    window = client.get("/api/documents", params={"since": "2005-01-01", "until": "2023-12-31"}).json()
    assert [d["published"] for d in window["items"]] == ["2023-11-29", "2005-03-15"]

    nothing = client.get("/api/documents", params={"q": "no such words anywhere"}).json()
    assert nothing == {"total": 0, "limit": 20, "offset": 0, "items": []}


def test_documents_are_paginated_with_a_bounded_page_size(client: TestClient) -> None:
    pages = [client.get("/api/documents", params={"limit": 1, "offset": i}).json() for i in range(4)]
    ids = [p["items"][0]["id"] for p in pages]
    assert len(set(ids)) == 4 and all(p["total"] == 4 for p in pages)
    assert client.get("/api/documents", params={"offset": 4}).json()["items"] == []
    _error(client.get("/api/documents", params={"limit": 101}), 422, "limit")
    _error(client.get("/api/documents", params={"limit": 0}), 422, "limit")
    _error(client.get("/api/documents", params={"offset": -1}), 422, "offset")
    _error(client.get("/api/documents", params={"since": "29/11/2023"}), 422, "since")


def test_document_is_the_full_analysis_of_the_contract(client: TestClient, sample_analysis: dict[str, Any]) -> None:
    got = client.get(f"/api/documents/{_sample_id(client)}").json()
    assert geosignal.validate(got) == []
    # The same analysis the pipeline produced, rebuilt from the store's rows (events with their
    # further mentions, date scope, range end and habitual flag); only a speaker's mention span has no column.
    want = json.loads(json.dumps(sample_analysis))
    for st in want["statements"]:
        if st["speaker"]:
            st["speaker"].pop("mention", None)
    assert any(ev.get("mentions") for ev in want["events"])
    assert any("scope" in ev["date"] for ev in want["events"]) and any("end" in ev["date"] for ev in want["events"])

    def key(x: Any) -> str:
        return json.dumps(x, sort_keys=True)

    assert got["document"] == want["document"]
    for part in ("actors", "events", "statements", "claims", "techniques"):
        assert sorted(got[part], key=key) == sorted(want[part], key=key), part
    assert got["events"] and got["statements"] and got["claims"]
    # The article page shows a range of years as such.
    page = client.get(f"/documents/{_sample_id(client)}").text
    ranges = [f"{ev['date']['value']}–{ev['date']['end']}" for ev in want["events"] if "end" in ev["date"]]
    assert ranges and all(r in page for r in ranges)


def test_unknown_ids_are_404_with_a_message(client: TestClient) -> None:
    body = _error(client.get("/api/documents/sha256:nope"), 404)
    assert body["code"] == "E100" and "sha256:nope" in body["message"]
    assert _error(client.get("/api/actors/no-such-actor"), 404)["code"] == "E101"
    assert _error(client.get("/api/no/such/endpoint"), 404)["code"] == "E106"


# -- events and actors ----------------------------------------------------------------------------


def test_events_filter_like_query_events(client: TestClient, store: Any) -> None:
    for params, flt in (
        ({}, EventFilter(limit=100)),
        ({"actor": "RUS"}, EventFilter(actor="RUS", limit=100)),
        ({"source": "PRK", "target": "RUS"}, EventFilter(source="PRK", target="RUS", limit=100)),
        ({"cameo": "04"}, EventFilter(cameo="04", limit=100)),
        ({"status": "reported", "since": "2000-01-01"}, EventFilter(status="reported", since="2000-01-01", limit=100)),
    ):
        # Each event once with its reports counted, as the command prints them; or every report.
        got = client.get("/api/events", params=params).json()
        assert got["reports"] is False and got["items"] == store.grouped_events(flt), params
        reports = client.get("/api/events", params={**params, "reports": "true"}).json()["items"]
        assert reports == store.events(flt), params
        assert sum(e["num_articles"] for e in got["items"]) >= len(got["items"])
    cameo = client.get("/api/events", params={"cameo": "04", "reports": "true"}).json()["items"]
    assert cameo and all(e["cameo"].startswith("04") for e in cameo)
    dated = client.get("/api/events", params={"since": "2023-11-01", "until": "2023-11-30"}).json()["items"]
    assert dated and all("2023-11-01" <= e["date"] <= "2023-11-30" for e in dated)
    page = client.get("/api/events", params={"limit": 5, "offset": 5, "reports": "true"}).json()
    assert page["items"] == store.events(EventFilter(limit=10))[5:10]


def test_events_reject_bad_filters_naming_the_field(client: TestClient) -> None:
    _error(client.get("/api/events", params={"cameo": "consult"}), 422, "cameo")
    _error(client.get("/api/events", params={"status": "rumoured"}), 422, "status")
    _error(client.get("/api/events", params={"until": "2023-13-01"}), 422, "until")
    _error(client.get("/api/events", params={"limit": 501}), 422, "limit")
    # A filter value is a parameter, never SQL: quotes and SQL fragments just match nothing.
    got = client.get("/api/events", params={"actor": "RUS' OR '1'='1"})
    assert got.status_code == 200 and got.json()["items"] == []


def test_actor_summary(client: TestClient) -> None:
    shoigu = client.get("/api/actors/sergei-shoigu").json()
    assert shoigu["name"] == SHOIGU_TEXT and shoigu["country"] == "RUS"
    assert shoigu["statements"] >= 1 and shoigu["quotes"] and shoigu["mentions"] >= 1
    assert [d["title"] for d in shoigu["documents"]] == ["China, Russia and DPRK send a signal to the United States"]
    russia = client.get("/api/actors/RUS").json()
    assert russia["type"] == "state" and russia["document_count"] >= 2
    assert russia["events_as_source"] + russia["events_as_target"] > 0


def test_search_finds_documents_actors_and_quotes(client: TestClient) -> None:
    got = client.get("/api/search", params={"q": "lavrov"}).json()
    assert [d["id"] for d in got["documents"]] == [XSS_DOC_ID]
    assert [a["id"] for a in got["actors"]] == ["sergey-lavrov"]
    assert got["quotes"] and got["quotes"][0]["speaker"] == XSS_SPEAKER
    _error(client.get("/api/search", params={"q": ""}), 422, "q")


# -- analyse and store ----------------------------------------------------------------------------

PASTED = (
    "Russia and China signed a defence pact in Beijing on Monday, the Foreign Ministry said. "
    "The two sides agreed to hold joint naval exercises next year."
)


def test_analyze_pasted_text_without_storing_it(client: TestClient, store: Any) -> None:
    before = store.stats()
    r = client.post("/api/analyze", json={"text": PASTED, "published": "2024-01-03", "outlet": "Test"})
    assert r.status_code == 200, r.text
    got = r.json()
    assert geosignal.validate(got) == []
    assert got["document"]["outlet"] == "Test" and got["document"]["published"] == "2024-01-03"
    assert {a["id"] for a in got["actors"]} >= {"RUS", "CHN"}
    assert got["events"]
    assert store.stats() == before
    assert client.get(f"/api/documents/{got['document']['id']}").status_code == 404


def test_analyze_an_uploaded_html_page(client: TestClient) -> None:
    page = f"<html><head><title>Pact signed</title></head><body><article><p>{PASTED}</p></article></body></html>"
    r = client.post("/api/analyze", files={"file": ("page.html", page.encode(), "text/html")})
    assert r.status_code == 200, r.text
    got = r.json()
    assert got["document"]["title"] == "Pact signed"
    assert "<p>" not in got["document"]["text"] and "defence pact" in got["document"]["text"]


def test_analyze_rejects_bad_input_with_422(client: TestClient) -> None:
    _error(client.post("/api/analyze", json={"text": PASTED, "colour": "red"}), 422, "colour")
    _error(client.post("/api/analyze", json={"text": PASTED, "published": "soon"}), 422, "published")
    _error(client.post("/api/analyze", json={"text": "a", "html": "<p>b</p>"}), 422, "text")
    _error(client.post("/api/analyze", json={}), 422, "text")
    _error(client.post("/api/analyze", json={"text": "   \n  "}), 422, "body")
    _error(client.post("/api/analyze", content=b"{not json", headers={"content-type": "application/json"}), 422)
    _error(client.post("/api/analyze", content=PASTED.encode(), headers={"content-type": "text/plain"}), 422, "body")
    bad_bytes = {"file": ("page.txt", b"caf\xe9 au lait, not UTF-8", "text/plain")}
    assert "E003" in _error(client.post("/api/analyze", files=bad_bytes), 422, "body")["message"]
    _error(client.post("/api/analyze", files={"other": ("x.txt", b"hello", "text/plain")}), 422, "file")


def test_cross_site_posts_are_refused(client: TestClient) -> None:
    # A page on another site can make the browser POST a form to 127.0.0.1; the browser says so.
    for headers in ({"origin": "https://evil.example"}, {"origin": "null"}, {"sec-fetch-site": "cross-site"}):
        body = _error(client.post("/api/analyze", json={"text": PASTED}, headers=headers), 403)
        assert body["code"] == "E107"
    same = client.post("/api/analyze", json={"text": PASTED}, headers={"origin": "http://testserver"})
    assert same.status_code == 200


def test_bodies_over_the_limit_are_413(store: Any) -> None:
    with TestClient(create_app(store, max_body=1000)) as small:
        body = _error(small.post("/api/analyze", json={"text": "word " * 400}), 413)
        assert body["code"] == "E102" and "1000" in body["message"]
        big_file = {"file": ("page.html", b"<p>" + b"x" * 2000 + b"</p>", "text/html")}
        _error(small.post("/api/analyze", files=big_file), 413)


def test_storing_needs_allow_writes(client: TestClient, web_store_path: Path, tmp_path: Path) -> None:
    body = _error(client.post("/api/documents", json={"text": PASTED}), 403)
    assert "--allow-writes" in body["message"]
    copy = tmp_path / "writable.duckdb"
    shutil.copy(web_store_path, copy)
    with open_store(str(copy)) as writable, TestClient(create_app(writable, allow_writes=True)) as c:
        before = writable.stats()["documents"]
        evil = c.post("/api/documents", json={"text": PASTED}, headers={"origin": "https://evil.example"})
        assert _error(evil, 403)["code"] == "E107" and writable.stats()["documents"] == before
        r = c.post("/api/documents", json={"text": PASTED, "title": "Pact", "published": "2024-01-03"})
        assert r.status_code == 201, r.text
        doc_id = r.json()["document"]["id"]
        stored = c.get(f"/api/documents/{doc_id}").json()
        assert stored["document"]["title"] == "Pact" and stored["events"] == r.json()["events"]
        assert writable.stats()["documents"] == before + 1
        # Storing the same document again replaces it: no duplicate.
        assert c.post("/api/documents", json={"text": PASTED, "title": "Pact"}).status_code == 201
        assert writable.stats()["documents"] == before + 1


# -- the dashboard's HTML, security headers, offline docs -----------------------------------------


def test_every_response_carries_a_strict_csp(client: TestClient) -> None:
    for path in ("/", "/api/documents", "/static/app.js", "/docs", "/api/nope", "/openapi.json"):
        csp = client.get(path).headers["content-security-policy"]
        assert "script-src 'self'" in csp and "style-src 'self'" in csp, path
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp and "default-src 'none'" in csp


def test_pages_escape_markup_from_the_store(client: TestClient) -> None:
    pages = {
        "article": client.get(f"/documents/{XSS_DOC_ID}").text,
        "list": client.get("/").text,
        "search": client.get("/search", params={"q": "lavrov"}).text,
        "actor": client.get("/actors/sergey-lavrov").text,
    }
    for name, html in pages.items():
        assert "xss" in html, name  # the hostile content is there ...
        scripts = re.findall(r"<script\b[^>]*>", html)
        assert scripts == ['<script src="/static/app.js" defer>'], name  # ... but no script of its own
        assert "<img" not in html and "onerror=" not in html.replace("onerror=alert", ""), name
        assert not re.search(r"href=\"\s*javascript:", html, re.I), name
        assert "<b>" not in html, name
    assert "&lt;script&gt;alert(&#34;xss-script&#34;)&lt;/script&gt;" in pages["article"]
    assert "&lt;img src=x onerror=alert(&#34;xss-speaker&#34;)&gt;" in pages["actor"]


def test_pages_use_only_their_own_assets(client: TestClient) -> None:
    for path in ("/", "/docs", f"/documents/{XSS_DOC_ID}", "/search?q=russia", "/actors/RUS"):
        html = client.get(path).text
        for ref in re.findall(r"<(?:script|link|img)\b[^>]*(?:src|href)=\"([^\"]*)\"", html):
            assert ref.startswith("/static/"), (path, ref)
        assert "cdn" not in html.lower(), path
        assert "style=" not in html and "<style" not in html, path  # CSP forbids inline styles
    assert client.get("/static/style.css").status_code == 200


def test_openapi_is_served_and_docs_are_offline(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path in ("/api/documents", "/api/documents/{doc_id}", "/api/events", "/api/actors/{actor_id}", "/api/analyze"):
        assert path in spec["paths"], path
    assert "post" in spec["paths"]["/api/documents"]
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/api/events" in docs.text and "swagger" not in docs.text.lower()


def test_serve_command_refuses_a_missing_store(tmp_path: Path) -> None:
    r = CliRunner().invoke(cli_app, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert r.exit_code == 1 and "no store at" in r.output
    helptext = CliRunner().invoke(cli_app, ["serve", "--help"]).output
    assert "127.0.0.1" in helptext and "--allow-writes" in helptext


def test_postgresql_backend_answers_the_same(client: TestClient, store: Any) -> None:
    # The same documents in PostgreSQL (written from the analyses rebuilt out of DuckDB's rows)
    # answer every read endpoint exactly as DuckDB does: one SQL text for both backends.
    for url in fresh_pg_schema():
        ids = [r[0] for r in store.fetch("SELECT doc_id FROM documents ORDER BY doc_id")]
        with open_store(url) as pg:
            pg.write_batch([document_analysis(store, i) for i in ids])
            with TestClient(create_app(pg)) as pgc:
                sample = _sample_id(client)
                for path, params in (
                    ("/api/documents", {}),
                    ("/api/documents", {"q": "china", "since": "2005-01-01"}),
                    (f"/api/documents/{sample}", {}),
                    (f"/api/documents/{XSS_DOC_ID}", {}),
                    ("/api/events", {"actor": "RUS"}),
                    ("/api/events", {"cameo": "04", "limit": 3, "offset": 2}),
                    ("/api/actors/sergei-shoigu", {}),
                    ("/api/search", {"q": "lavrov"}),
                    ("/api/stats", {}),
                ):
                    a, b = client.get(path, params=params), pgc.get(path, params=params)
                    assert a.status_code == b.status_code == 200, (path, b.text)
                    assert a.json() == b.json(), (path, params)
