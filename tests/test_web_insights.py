"""The analytics endpoints and pages (relations, blocs, quotes) of geosignal serve.

API answers through TestClient over the web tests' store; the relations chart and the bloc
graph in real headless Chromium, with the browser fixtures of test_web_browser.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from test_web_api import _error, client, store
from test_web_browser import Watched, _open, _shot, browser, page, server

pytestmark = [pytest.mark.model, pytest.mark.shared]
__all__ = ["browser", "client", "page", "server", "store"]  # fixtures used here, defined there


def test_relations_blocs_and_quotes_are_the_analytics(client: TestClient, store: Any) -> None:
    from geosignal.analytics import blocs, quotes, relations

    dyad = client.get("/api/relations", params={"dyad": "rus:prk", "period": "year"}).json()
    assert dyad == relations(store, dyad=("RUS", "PRK"), period="year")
    assert dyad and sum(r["events"] for r in dyad) > 0
    partners = client.get("/api/relations", params={"country": "RUS", "since": "2023"}).json()
    assert partners == relations(store, country="RUS", since="2023")
    assert "PRK" in [r["partner"] for r in partners]
    assert client.get("/api/blocs").json() == blocs(store).to_dict()
    said = client.get("/api/quotes", params={"speaker": "sergei-shoigu", "limit": 2}).json()
    assert said == quotes(store, speaker="sergei-shoigu", limit=2) and len(said) == 2


def test_relations_reject_bad_parameters_naming_the_field(client: TestClient) -> None:
    _error(client.get("/api/relations"), 422, "dyad")  # neither dyad nor country
    _error(client.get("/api/relations", params={"dyad": "RUS:PRK", "country": "RUS"}), 422, "dyad")
    _error(client.get("/api/relations", params={"dyad": "RUSSIA:PRK"}), 422, "dyad")
    _error(client.get("/api/relations", params={"dyad": "RUS:RUS"}), 422, "dyad")
    _error(client.get("/api/relations", params={"dyad": "RUS:PRK", "period": "decade"}), 422, "period")
    _error(client.get("/api/relations", params={"country": "RUS", "since": "2023-1"}), 422, "since")
    _error(client.get("/api/blocs", params={"until": "last year"}), 422, "until")
    _error(client.get("/api/quotes", params={"limit": 501}), 422, "limit")


def test_relations_chart_and_partners_render(page: Watched, tmp_path: Path) -> None:
    w = page
    _open(w, "/relations?dyad=RUS:PRK&period=month")
    chart = w.page.locator("svg#relations-chart")
    assert chart.is_visible()
    box = chart.bounding_box()
    assert box is not None and box["width"] > 300 and box["height"] > 150
    bars = chart.locator("rect.bar")
    assert bars.count() > 0
    heights = [float(bars.nth(i).get_attribute("height") or 0) for i in range(bars.count())]
    assert max(heights) > 20
    assert w.page.locator("table.partners tr").count() > 2  # the dyad's periods
    partners = w.page.locator("#partners a")
    assert "PRK" in partners.all_inner_texts()
    _shot(w, tmp_path, "relations")
    partners.first.click()
    w.page.wait_for_load_state("networkidle")
    assert "dyad=RUS" in w.page.url and w.page.locator("svg#relations-chart rect.bar").count() > 0
    assert w.dialogs == [] and w.errors == []


def test_bloc_graph_renders_and_answers_hover_and_click(page: Watched, tmp_path: Path) -> None:
    w = page
    _open(w, "/blocs")
    graph = w.page.locator("svg#bloc-graph")
    nodes, edges = graph.locator("g.node"), graph.locator("line.edge")
    assert nodes.count() >= 3 and edges.count() >= 2
    assert graph.locator("line.edge.coop").count() > 0
    widths = {e.get_attribute("stroke-width") for e in edges.all()}
    assert len(widths) > 1  # weighted by volume
    rus = graph.locator("g.node[data-id=RUS]")
    rus.hover()
    info = w.page.locator("#node-info")
    assert "RUS" in info.inner_text() and "PRK" in info.inner_text()
    hot = graph.locator("line.edge.hot")
    assert hot.count() > 0
    assert all("RUS" in (e.get_attribute("data-a"), e.get_attribute("data-b")) for e in hot.all())
    assert graph.locator("line.edge.dim").count() == edges.count() - hot.count()
    _shot(w, tmp_path, "blocs")
    prk = graph.locator("g.node[data-id=PRK]")
    prk.click()
    assert "selected" in (prk.get_attribute("class") or "") and "North Korea" in info.inner_text()
    assert w.dialogs == [] and w.errors == []
