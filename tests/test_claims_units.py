"""Claim statuses on made-up sentences, with the real model."""

from __future__ import annotations

from typing import Any

import pytest

import geosignal
from geosignal.model import Analysis, RawDocument

pytestmark = pytest.mark.model


def _run(text: str) -> dict[str, Any]:
    # analyze_documents skips the ingest cleaning, which may drop very short made-up texts.
    (result,) = geosignal.analyze_documents([RawDocument(text=text, language="en", published="2023-11-29")])
    assert isinstance(result, Analysis)
    return result.to_dict()


def _status(text: str) -> list[str]:
    d: dict[str, Any] = _run(text)
    assert geosignal.validate(d) == []
    for c in d["claims"]:
        assert d["document"]["text"][c["start"] : c["end"]] == c["text"]
        for cue in c["cues"]:
            assert d["document"]["text"][cue["start"] : cue["end"]] == cue["text"]
    return [c["status"] for c in d["claims"]]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("The army moved three brigades to the border.", "reported"),
        ("It is possible that the talks were a cover for arms deals.", "speculative"),
        ("Perhaps it is no coincidence that the envoy arrived the same day.", "speculative"),
        ("The visit could be a signal to Seoul.", "speculative"),
        ("Russia may have other interests in the region.", "speculative"),
        ("Who knows, maybe history repeats itself on a new round in the region?", "speculative"),
        ("Why do you threaten your neighbors with anathema and missiles every week?", "rhetorical"),
        ("The government did not send troops.", "negated"),
        ("If the talks fail, the army would intervene.", "hypothetical"),
        ("The minister will visit Beijing next week.", "future"),
        ("In May the parliament adopted the budget.", "reported"),
        # A prohibition asserts nothing, so there is nothing negated in it.
        ("Do not expect the embassy to reopen soon.", "reported"),
        ("Never trust the promises of the cartel.", "reported"),
        ("The embassy did not reopen.", "negated"),
        # Weasel wording: a view with no holder, held by an unnamed many, or a generalisation.
        ("The reform is regarded by many as a failure.", "speculative"),
        ("The bridge is often described as the finest in the region.", "speculative"),
        ("Some 300 soldiers crossed the river on Monday.", "reported"),
        ("Many residents were evacuated from the town.", "reported"),
    ],
)
def test_status(text: str, status: str) -> None:
    assert _status(text) == [status]


def test_attributed_sentence_points_to_its_statement() -> None:
    d = geosignal.analyze("The ministry said that the troops had left the area.", published="2023-11-29").to_dict()
    (claim,) = d["claims"]
    assert claim["status"] == "attributed"
    assert claim["statement"] == d["statements"][0]["id"]


def test_weasel_holders_are_read_from_the_parse() -> None:
    from geosignal.claims import weasel_cues
    from geosignal.config import load_settings
    from geosignal.nlp import load_nlp

    nlp = load_nlp(load_settings().model)
    doc = nlp("Some historians believe the treaty was signed under pressure.")
    cues = [t.text for s in doc.sents for t in weasel_cues(s)]
    assert cues == ["historians"]
    named = nlp("Three historians from Leeds believe the treaty was signed under pressure.")
    assert [t for s in named.sents for t in weasel_cues(s)] == []


def test_any_unnamed_group_can_hold_a_weasel_view() -> None:
    from geosignal.claims import weasel_cues
    from geosignal.config import load_settings
    from geosignal.nlp import load_nlp

    nlp = load_nlp(load_settings().model)
    doc = nlp("Many public figures have inferred that the treaty was signed under pressure.")
    assert [t.text for s in doc.sents for t in weasel_cues(s)] == ["figures"]
    # A quantified group that does something other than hold a view is no weasel wording.
    doc = nlp("Many corporations sponsor their executives' education.")
    assert [t for s in doc.sents for t in weasel_cues(s)] == []
    # Nor is a group whose members are counted or named.
    doc = nlp("Three public figures from Leeds inferred that the treaty was signed under pressure.")
    assert [t for s in doc.sents for t in weasel_cues(s)] == []


def test_a_passive_with_its_agent_on_a_coordinated_verb_is_no_weasel() -> None:
    from geosignal.claims import weasel_cues
    from geosignal.config import load_settings
    from geosignal.nlp import load_nlp

    nlp = load_nlp(load_settings().model)
    doc = nlp("Israel was criticized and condemned by China on Monday.")
    assert [t for s in doc.sents for t in weasel_cues(s)] == []
    doc = nlp("The film was criticized and praised.")
    # Without an agent the opinion has no holder.
    assert "criticized" in [t.text for s in doc.sents for t in weasel_cues(s)]
