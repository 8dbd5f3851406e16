"""Statements on made-up sentences, with the real model."""

from __future__ import annotations

from typing import Any

import pytest

import geosignal
from geosignal.model import Analysis, RawDocument
from geosignal.statements.quotes import find_quotes

pytestmark = pytest.mark.model


def _run(text: str) -> dict[str, Any]:
    # analyze_documents skips the ingest cleaning, which may drop very short made-up texts.
    (result,) = geosignal.analyze_documents([RawDocument(text=text, language="en", published="2023-11-29")])
    assert isinstance(result, Analysis)
    return result.to_dict()


def _analyse(text: str) -> dict[str, Any]:
    d = _run(text)
    assert geosignal.validate(d) == []
    for s in d["statements"]:
        for key in ("content", "evidence"):
            span = s[key]
            assert d["document"]["text"][span["start"] : span["end"]] == span["text"]
    return d


def _by_content(d: dict[str, Any], words: str) -> dict[str, Any]:
    return next(s for s in d["statements"] if words in s["content"]["text"])


def test_quote_before_cue() -> None:
    d = _analyse('"We will not give up," the minister said on Monday.')
    s = _by_content(d, "We will not give up")
    assert s["direct"] is True and s["cue"]["text"] == "said"
    assert "minister" in s["speaker"]["mention"]["text"]


def test_quote_after_cue_and_split_quote() -> None:
    d = _analyse('The spokesman said: "Talks are over." "This plan," he continued, "is dead."')
    assert _by_content(d, "Talks are over")["direct"]
    first, second = _by_content(d, "This plan"), _by_content(d, "is dead")
    assert first["speaker"]["actor"] == second["speaker"]["actor"]


def test_reported_speech_and_unnamed_speaker() -> None:
    d = _analyse("In Tokyo, officials said they were analyzing the launches.")
    s = _by_content(d, "analyzing the launches")
    assert s["direct"] is False
    assert s["speaker"]["name"] == "officials" and s["speaker"]["sector"] == "GOV"


def test_according_to() -> None:
    d = _analyse("According to the ministry, the troops left the border area on Sunday.")
    s = _by_content(d, "the troops left")
    assert s["cue"]["text"] == "According to"


def test_scare_quotes_are_not_statements() -> None:
    d = _analyse('Korea has always been the "east pole" of contact with Japan.')
    assert d["statements"] == []


def test_unbalanced_quotes_do_not_crash() -> None:
    d = _analyse('He said "this is odd. And the "second one never closes\n\n“Curly” and ”reversed“ marks.')
    assert isinstance(d["statements"], list)


def test_find_quotes_handles_marks() -> None:
    text = 'A "straight" and “curly “nested” one” and «guillemets» and "open'
    got = [text[q.start : q.end] for q in find_quotes(text)]
    assert got == ["straight", "curly “nested” one", "guillemets", "open"]
