"""The dashboard end to end in real headless Chromium (Debian's /usr/bin/chromium via Playwright).

One `geosignal serve` subprocess on a free local port and one browser for the module. Each view is
screenshotted under the test's tmp_path; with GEOSIGNAL_SCREENSHOT_DIR set (docs/img for the README)
the screenshots are written there too.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import XSS_DOC_ID, XSS_RECORD, XSS_SPEAKER

pytestmark = [pytest.mark.model, pytest.mark.shared]

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SAMPLE_TITLE = "China, Russia and DPRK send a signal to the United States"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(web_store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = _free_port()
    log = tmp_path_factory.mktemp("server") / "serve.log"
    command = [sys.executable, "-c", "from geosignal.cli import main; main()", "serve"]
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [*command, "--db", str(web_store_path), "--port", str(port)],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(base + "/api/stats", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"geosignal serve did not start: {log.read_text(errors='replace')}")
            time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(f"needs Debian's chromium at {CHROMIUM} (apt-get install chromium; .ci/run installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


class Watched:
    """A page with every dialog and console error it raised, and the requests it made."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.requests: list[str] = []
        page.on("dialog", self._dialog)
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("request", lambda r: self.requests.append(r.url))

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1360, "height": 900}, base_url=server)
    try:
        yield Watched(context.new_page())
    finally:
        context.close()


def _shot(w: Watched, tmp_path: Path, name: str) -> None:
    path = tmp_path / f"{name}.png"
    w.page.screenshot(path=str(path))
    assert path.stat().st_size > 10_000
    target = os.environ.get("GEOSIGNAL_SCREENSHOT_DIR")
    if target:
        Path(target).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(target) / path.name)


def _open(w: Watched, path: str) -> None:
    response = w.page.goto(path)
    assert response is not None and response.status == 200, path
    w.page.wait_for_load_state("networkidle")


def _assert_inert(w: Watched, where: str) -> None:
    injected = w.page.evaluate(
        """() => ({
        scripts: Array.from(document.scripts).map(s => s.getAttribute('src')),
        imgs: document.querySelectorAll('img').length,
        handlers: Array.from(document.querySelectorAll('*')).filter(
            el => Array.from(el.attributes).some(a => a.name.startsWith('on'))).length,
        jsLinks: Array.from(document.querySelectorAll('[href]')).filter(
            el => el.getAttribute('href').trim().toLowerCase().startsWith('javascript:')).length,
        bold: document.querySelectorAll('main b').length,
    })"""
    )
    assert injected == {"scripts": ["/static/app.js"], "imgs": 0, "handlers": 0, "jsLinks": 0, "bold": 0}, where
    assert w.dialogs == [], where


def _sample_path(w: Watched) -> str:
    _open(w, "/?outlet=The+Moscow+Post")
    link = w.page.get_by_role("link", name=SAMPLE_TITLE)
    href = link.get_attribute("href")
    assert href and href.startswith("/documents/")
    return str(href)


def test_article_view_highlights_and_marks_the_clicked_events_sentence(page: Watched, tmp_path: Path) -> None:
    w = page
    path = _sample_path(w)
    _open(w, path)
    p = w.page
    text = p.locator("#article-text")
    assert SAMPLE_TITLE.split(" send")[0] in text.inner_text()
    counts = {sel: text.locator(sel).count() for sel in (".actor", ".trigger", ".quote", ".sent.marked")}
    assert all(n > 0 for n in counts.values()), counts
    # Distinct styles for each kind of highlight, and a visible badge on speculative sentences.
    styles = p.evaluate(
        """() => {
        const s = (sel, prop) => getComputedStyle(document.querySelector('#article-text ' + sel))[prop];
        const badge = getComputedStyle(document.querySelector('#article-text .sent.st-speculative'), '::before');
        return {actor: s('.actor', 'backgroundColor'), quote: s('.quote', 'backgroundColor'),
                trigger: s('.trigger', 'fontWeight'), quoteStyle: s('.quote', 'fontStyle'),
                speculative: s('.sent.st-speculative', 'backgroundColor'), badge: badge.content};
    }"""
    )
    assert styles["actor"] != styles["quote"] != styles["speculative"]
    assert styles["trigger"] == "700" and styles["quoteStyle"] == "italic"
    assert styles["badge"] == '"speculative"'
    events = p.locator("li.event")
    n_events = len(p.request.get(path.replace("/documents/", "/api/documents/")).json()["events"])
    assert events.count() == n_events > 5
    assert p.locator(".focus").count() == 0
    # Click an event: the words of its evidence sentence are marked, nothing else.
    item = events.nth(3)
    event_id = item.get_attribute("data-event")
    evidence = item.locator(".evidence").inner_text()
    item.click()
    focused = p.locator("#article-text .focus")
    assert focused.count() > 0
    marked = "".join(focused.all_inner_texts())
    assert marked.replace("\n", " ").strip() in evidence.replace("\n", " ")
    assert all(event_id in (focused.nth(i).get_attribute("data-ev") or "").split() for i in range(focused.count()))
    assert "selected" in (item.get_attribute("class") or "")
    # Another event moves the mark.
    other = events.nth(0)
    other.click()
    assert "selected" not in (item.get_attribute("class") or "")
    assert all(
        other.get_attribute("data-event") in (x.get_attribute("data-ev") or "").split()
        for x in p.locator("#article-text .focus").all()
    )
    item.click()
    _shot(w, tmp_path, "article")
    assert w.dialogs == [] and w.errors == []


def test_search_box_finds_documents_actors_and_quotes(page: Watched, tmp_path: Path) -> None:
    w = page
    _open(w, "/")
    _shot(w, tmp_path, "documents")
    w.page.get_by_role("searchbox", name="Search").fill("Shoigu")
    w.page.get_by_role("button", name="Search").click()
    w.page.wait_for_load_state("networkidle")
    assert "/search?q=Shoigu" in w.page.url
    assert w.page.locator(".results-documents li a").first.inner_text() == SAMPLE_TITLE
    assert "Sergei Shoigu" in w.page.locator(".results-actors").inner_text()
    assert w.page.locator(".results-quotes li.statement").count() >= 1
    _shot(w, tmp_path, "search")
    assert w.dialogs == [] and w.errors == []


INERT_PAGES = (
    f"/documents/{XSS_DOC_ID}",
    "/",
    "/search?q=lavrov",
    "/search?q=%3Cscript%3E",
    "/actors/sergey-lavrov",
)


def test_hostile_article_stays_inert_everywhere(page: Watched, tmp_path: Path, server: str) -> None:
    w = page
    for path in INERT_PAGES:
        _open(w, path)
        p = w.page
        _assert_inert(w, path)
        # Hovering and clicking the hostile text does nothing either.
        for el in p.locator("main :text('xss') >> visible=true").all()[:5]:
            el.hover(timeout=5000)
        assert all(r.startswith(server) for r in w.requests), w.requests
    _open(w, f"/documents/{XSS_DOC_ID}")
    shown = w.page.locator("#article-text").inner_text()
    assert '<script>alert("xss-script")</script>' in shown and "<a href=\"javascript:alert('xss-link')\">" in shown
    assert w.page.locator("h1.doc-title").inner_text() == '<script>alert("xss-title")</script>Pact <b>signed</b>'
    assert XSS_SPEAKER in w.page.locator("section.quotes").inner_text()
    assert w.page.locator("a", has_text="source").count() == 0  # the javascript: URL is not a link
    w.page.locator("li.event").first.click()
    _shot(w, tmp_path, "hostile")
    assert w.dialogs == [], w.dialogs
    assert not [e for e in w.errors if "Content Security Policy" in e], w.errors


def test_pasted_hostile_text_is_analysed_and_shown_inert(page: Watched, tmp_path: Path, server: str) -> None:
    w = page
    _open(w, "/analyze")
    w.page.locator("textarea[name=text]").fill(XSS_RECORD["text"])
    w.page.locator("input[name=title]").fill(XSS_RECORD["title"])
    w.page.locator("input[name=published]").fill("2024-01-08")
    # The server loads the spaCy model on its first analysis: allow for it.
    with w.page.expect_navigation(timeout=180_000):
        w.page.get_by_role("button", name="Analyse").click(no_wait_after=True)
    w.page.wait_for_load_state("networkidle")
    assert w.page.locator("#not-stored").is_visible()
    assert w.page.locator("h1.doc-title").inner_text() == XSS_RECORD["title"]
    assert w.page.locator("#article-text .actor").count() > 0 and w.page.locator("li.event").count() > 0
    assert '<script>alert("xss-script")</script>' in w.page.locator("#article-text").inner_text()
    w.page.locator("li.event").first.click()
    assert w.page.locator("#article-text .focus").count() > 0
    _assert_inert(w, "/analyze result")
    _shot(w, tmp_path, "analyze")
    # Nothing was stored.
    stored = w.page.request.get(server + "/api/documents", params={"q": "defend our partners"}).json()
    assert [d["id"] for d in stored["items"]] == [XSS_DOC_ID]  # only the fixture's own copy
