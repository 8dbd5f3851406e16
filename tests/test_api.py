from __future__ import annotations

from pathlib import Path

import pytest

import geosignal

EXPECTED_API = {
    "Actor",
    "ActorRef",
    "Analysis",
    "Claim",
    "Document",
    "Errors",
    "EvaluationDataError",
    "Event",
    "GeosignalError",
    "InputError",
    "KnowledgeBaseError",
    "Mention",
    "ModelNotFoundError",
    "RawDocument",
    "Rejection",
    "Span",
    "Statement",
    "Technique",
    "UsageError",
    "__version__",
    "analyze",
    "analyze_documents",
    "analyze_paths",
    "load_schema",
    "validate",
}


def test_public_api_is_exactly_what_is_meant() -> None:
    assert set(geosignal.__all__) == EXPECTED_API
    for name in geosignal.__all__:
        assert hasattr(geosignal, name), name


def test_shipped_schema_matches_the_shared_contract() -> None:
    from conftest import SHARED

    shared = SHARED / "spec" / "analysis.schema.json"
    if not shared.exists():
        pytest.skip(f"needs {shared}")
    import json

    shipped = geosignal.load_schema()
    # Compatible extension only: the shared contract's required fields and id stay as they are.
    original = json.loads(shared.read_text("utf-8"))
    assert shipped["$id"] == original["$id"]
    assert shipped["required"] == original["required"]


@pytest.mark.model
def test_analyze_text_gives_a_schema_valid_analysis() -> None:
    a = geosignal.analyze(
        "Russian Defense Minister Sergei Shoigu met Kim Jong Un in Pyongyang on Wednesday.",
        published="2023-07-27",
    )
    d = a.to_dict()
    assert geosignal.validate(d) == []
    assert d["document"]["published"] == "2023-07-27"
    assert d["document"]["id"].startswith("sha256:")
    ids = {x["id"] for x in d["actors"]}
    assert "sergei-shoigu" in ids


@pytest.mark.model
def test_analyze_takes_a_path_and_overrides(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("Talks in Geneva\n\n3 March 2021\n\nThe Iranian foreign minister met his French counterpart.\n")
    a = geosignal.analyze(f, outlet="Example Wire")
    assert a.document.title == "Talks in Geneva"
    assert a.document.published == "2021-03-03"
    assert a.document.outlet == "Example Wire"
    assert a.document.text.startswith("The Iranian foreign minister")


def test_analyze_rejects_misuse_at_once() -> None:
    with pytest.raises(geosignal.UsageError):
        geosignal.analyze(b"bytes are not text")  # type: ignore[arg-type]
    with pytest.raises(geosignal.UsageError):
        geosignal.analyze("Some text.", published="29/11/2023")


def test_analyze_missing_path_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(geosignal.InputError) as err:
        geosignal.analyze(tmp_path / "missing.txt")
    assert "missing.txt" in str(err.value)


def test_validate_reports_broken_output() -> None:
    assert geosignal.validate({"schema": "nope"})


@pytest.mark.model
def test_analyze_tells_an_html_string_from_plain_text() -> None:
    page = (
        "<html><head><title>Pact signed</title></head><body><nav>Home | World | Sport</nav>"
        "<article><p>Japan and India signed a defence pact in Tokyo on Monday, officials in both "
        "capitals said after the talks ended.</p></article><footer>Subscribe now</footer></body></html>"
    )
    a = geosignal.analyze(page)
    assert a.document.title == "Pact signed"
    assert "<" not in a.document.text and "Subscribe" not in a.document.text and "Home" not in a.document.text
    assert {"JPN", "IND"} <= {x.id for x in a.actors}


def test_analyze_empty_text_is_an_input_error() -> None:
    with pytest.raises(geosignal.InputError):
        geosignal.analyze("  \n ")


@pytest.mark.model
def test_a_long_one_line_text_is_text_not_a_file_name() -> None:
    # Over 255 characters without a newline: the operating system refuses it as a file name.
    text = "Japan and India signed a defence pact in Tokyo on Monday, " * 6 + "officials said."
    a = geosignal.analyze(text)
    assert a.document.text.startswith("Japan and India") and {"JPN", "IND"} <= {x.id for x in a.actors}
