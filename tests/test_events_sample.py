"""Events of the sample article (../shared/samples) and schema validity of the output."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.model, pytest.mark.shared]

SCHEMA = Path(__file__).resolve().parents[1] / "src" / "geosignal" / "schema" / "analysis.schema.json"


def countries(refs: list[dict[str, Any]]) -> set[str]:
    return {r["country"] for r in refs if r["country"]}


def find(analysis: dict[str, Any], root: str, src: set[str], tgt: set[str]) -> list[dict[str, Any]]:
    return [
        e
        for e in analysis["events"]
        if e["cameo"].startswith(root) and src <= countries(e["source"]) and tgt <= countries(e["target"])
    ]


def test_sample_output_is_valid_against_the_schema(sample_analysis: dict[str, Any]) -> None:
    import jsonschema

    schema = json.loads(SCHEMA.read_text("utf-8"))
    jsonschema.Draft202012Validator(schema).validate(sample_analysis)
    assert sample_analysis["events"]


def test_defence_minister_visit_rus_to_prk(sample_analysis: dict[str, Any]) -> None:
    got = find(sample_analysis, "04", {"RUS"}, {"PRK"})
    assert any(e["cameo"] == "042" and e["plover"]["type"] == "CONSULT" for e in got)


def test_meeting_with_kim_jong_un(sample_analysis: dict[str, Any]) -> None:
    got = find(sample_analysis, "04", {"RUS"}, {"PRK"})
    assert any("kim-jong-un" in {r["actor"] for r in e["target"]} and e["trigger"]["text"] == "met" for e in got)


def test_rudenko_liu_talks(sample_analysis: dict[str, Any]) -> None:
    got = find(sample_analysis, "04", {"RUS"}, {"CHN"})
    assert any("Rudenko" in e["evidence"]["text"] and e["date"]["value"] == "2023-10" for e in got)


def test_prc_delegation_meeting(sample_analysis: dict[str, Any]) -> None:
    got = find(sample_analysis, "04", {"PRK"}, {"CHN"})
    assert any("party-government delegation" in e["evidence"]["text"] for e in got)


def test_recognition_of_referendums(sample_analysis: dict[str, Any]) -> None:
    got = find(sample_analysis, "054", {"PRK"}, {"RUS"})
    assert got and got[0]["plover"]["type"] == "SUPPORT"


def test_trilateral_exercises_are_one_event_in_april(sample_analysis: dict[str, Any]) -> None:
    got = [e for e in sample_analysis["events"] if e["cameo"].startswith("15")]
    assert len(got) == 1
    assert countries(got[0]["source"]) == {"KOR", "USA", "JPN"}
    assert got[0]["date"]["value"] == "2023-04" and got[0]["date"]["precision"] == "month"


def test_accusation_of_washington_and_seoul(sample_analysis: dict[str, Any]) -> None:
    got = find(sample_analysis, "112", {"PRK"}, {"USA", "KOR"})
    assert len(got) == 1 and got[0]["plover"]["type"] == "ACCUSE"


def test_us_military_aid_to_taiwan(sample_analysis: dict[str, Any]) -> None:
    got = [e for e in sample_analysis["events"] if e["cameo"] in ("0332", "072")]
    assert any(countries(e["source"]) == {"USA"} and countries(e["target"]) == {"TWN"} for e in got)


def test_south_korean_shells(sample_analysis: dict[str, Any]) -> None:
    got = find(sample_analysis, "072", {"KOR"}, {"USA"})
    assert got and got[0]["trigger"]["text"] == "handed over"


def test_historical_events_keep_their_years(sample_analysis: dict[str, Any]) -> None:
    years = {
        e["date"]["value"][:4] for e in sample_analysis["events"] if e["date"]["historical"] and e["date"]["value"]
    }
    assert {"1948", "1952", "1953"} <= years
    for e in sample_analysis["events"]:
        if e["date"]["historical"]:
            assert not (e["date"]["value"] or "").startswith("2023"), e


def test_speculative_sentences_are_not_reported(sample_analysis: dict[str, Any]) -> None:
    for e in sample_analysis["events"]:
        ev = e["evidence"]["text"]
        if ev.startswith(("It is possible", "Shoigu's visit could")) or ev.endswith("?"):
            assert e["status"] != "reported", e


def test_no_n_squared_dyads(sample_analysis: dict[str, Any]) -> None:
    # One event per trigger, whatever the number of parties.
    triggers = [(e["trigger"]["start"], e["cameo"]) for e in sample_analysis["events"]]
    assert len(triggers) == len(set(triggers))


def test_the_visit_is_one_event_with_its_mentions(sample_analysis: dict[str, Any]) -> None:
    got = [e for e in find(sample_analysis, "042", {"RUS"}, {"PRK"}) if not e["date"]["historical"]]
    assert len(got) == 1, [e["trigger"] for e in got]
    assert len(got[0]["mentions"]) >= 3


def test_every_event_has_a_source(sample_analysis: dict[str, Any]) -> None:
    assert all(e["source"] for e in sample_analysis["events"])


def test_the_1953_visit_goes_to_the_soviet_union(sample_analysis: dict[str, Any]) -> None:
    events = sample_analysis["events"]
    got = [e for e in events if e["cameo"] == "042" and (e["date"]["value"] or "").startswith("1953")]
    assert got and all(countries(e["target"]) == {"SUN"} for e in got)


def test_the_1953_signing_keeps_all_its_signers(sample_analysis: dict[str, Any]) -> None:
    got = [
        e
        for e in sample_analysis["events"]
        if e["cameo"].startswith("05") and (e["date"]["value"] or "").startswith("1953")
    ]
    assert got and all(len(e["source"]) >= 3 for e in got), [e["source"] for e in got]


def test_a_fronted_phrase_is_no_party_of_the_1953_proposal(sample_analysis: dict[str, Any]) -> None:
    got = [e for e in sample_analysis["events"] if e["cameo"].startswith("03") and e["date"]["historical"]]
    assert got
    for e in got:
        assert "SUN" not in countries(e["source"]) | countries(e["target"]), e


def test_every_kind_of_actor_kept_as_text_has_a_part(sample_analysis: dict[str, Any]) -> None:
    # A "text:" actor is one the coder made from a noun ("forces", "neighbors") while trying a
    # pattern: kept only when it is a party of an event or speaks.
    parts = {r["actor"] for e in sample_analysis["events"] for r in (*e["source"], *e["target"])}
    parts |= {s["speaker"]["actor"] for s in sample_analysis["statements"]}
    loose = [a["id"] for a in sample_analysis["actors"] if a["id"].startswith("text:") and a["id"] not in parts]
    assert not loose, loose
