"""Shared fixtures: the ../shared folder (skipped when absent) and the real spaCy model."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLE = SHARED / "samples" / "moscow-post-2023-11-29-shoigu-pyongyang.txt"


def need_shared(*parts: str) -> Path:
    """A path under ../shared, or skip the test with the reason."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs {path} (the shared evaluation folder beside the project); it is absent here")
    return path


@pytest.fixture(scope="session")
def sample_path() -> Path:
    return need_shared("samples", SAMPLE.name)


@pytest.fixture(scope="session")
def sample_analysis(sample_path: Path) -> dict:  # type: ignore[type-arg]
    import geosignal

    return geosignal.analyze(sample_path).to_dict()


@pytest.fixture(autouse=True)
def _isolated_user_kb(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    # Tests never read or write the developer's own imported KB files.
    monkeypatch.setenv("GEOSIGNAL_KB_DIR", str(tmp_path_factory.mktemp("user-kb")))
    monkeypatch.delenv("GEOSIGNAL_KB_PATH", raising=False)
    monkeypatch.delenv("GEOSIGNAL_MODEL", raising=False)


# -- the web tests' store ------------------------------------------------------------------------
# Real articles through the real pipeline: the Moscow Post sample and two BBC stories (given
# publication dates so their events fall in periods), plus a hostile article whose text, title,
# outlet, URL and a quoted speaker's name carry markup and script that must stay inert.
BBC_FOR_WEB = (("politics/386.txt", "2005-03-15"), ("politics/136.txt", "2004-12-01"))
XSS_DOC_ID = "xss-test"
XSS_RECORD = {
    "id": XSS_DOC_ID,
    "title": '<script>alert("xss-title")</script>Pact <b>signed</b>',
    "outlet": '<img src=x onerror=alert("xss-outlet")>',
    "url": 'javascript:alert("xss-url")',
    "published": "2024-01-08",
    "text": (
        '<script>alert("xss-script")</script> Russia and China signed a defence pact in Beijing on Monday, '
        'the Foreign Ministry said.\n\n<img src=x onerror=alert("xss-img")> "We will defend our partners," '
        "Russian Foreign Minister Sergei Lavrov said on Tuesday.\n\nRead more at "
        "<a href=\"javascript:alert('xss-link')\">this link</a>. Could the pact change the balance of power in Asia?"
    ),
}
XSS_SPEAKER = '<img src=x onerror=alert("xss-speaker")><b>Sergey</b> Lavrov'


@pytest.fixture(scope="session")
def web_store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A DuckDB store of real articles analysed by the real pipeline, plus the hostile one."""
    import json

    from geosignal.ingest.readers import read_path
    from geosignal.pipeline import analyze_documents
    from geosignal.store import open_store
    from geosignal.store.ingest import ingest

    bbc = need_shared("eval", "news", "plaintext", "bbc_greene2006")
    sample = need_shared("samples", SAMPLE.name)
    root = tmp_path_factory.mktemp("web-store")
    records = []
    for name, published in BBC_FOR_WEB:
        title, _, body = (bbc / name).read_text(encoding="utf-8").partition("\n")
        records.append(
            {
                "id": "bbc-" + name.replace("/", "-"),
                "title": title.strip(),
                "text": body.strip(),
                "outlet": "BBC News",
                "published": published,
            }
        )
    corpus = root / "bbc.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    hostile = root / "hostile.jsonl"
    hostile.write_text(json.dumps(XSS_RECORD) + "\n", encoding="utf-8")
    db = root / "web.duckdb"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("GEOSIGNAL_KB_DIR", str(root / "user-kb"))
        mp.delenv("GEOSIGNAL_KB_PATH", raising=False)
        mp.delenv("GEOSIGNAL_MODEL", raising=False)
        with open_store(str(db)) as store:
            report = ingest([sample, corpus], store)
            assert report.ingested == 3 and not report.rejected
            # The hostile article: analysed for real, then a speaker's name made of markup, as a
            # hostile knowledge-base entry or a future resolver could produce.
            (analysis,) = [a.to_dict() for a in analyze_documents(read_path(hostile, max_bytes=1 << 20))]
            for st in analysis["statements"]:
                if st["speaker"] and st["speaker"]["actor"] == "sergey-lavrov":
                    st["speaker"]["name"] = XSS_SPEAKER
            for actor in analysis["actors"]:
                if actor["id"] == "sergey-lavrov":
                    actor["name"] = XSS_SPEAKER
            assert any((s["speaker"] or {}).get("name") == XSS_SPEAKER for s in analysis["statements"])
            store.write_batch([analysis])
    return db
