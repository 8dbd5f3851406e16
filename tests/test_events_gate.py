"""Quality gate for the event coder: floors on peers' gold sets that may only rise.

The floors are the measured scores rounded down (dev halves were used for tuning; test halves
were never looked at sentence by sentence). The gold files are pinned by sha256 so a changed
corpus fails loudly instead of moving the scores. Raise a floor when a change improves it.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

import pytest

from conftest import SHARED, need_shared

pytestmark = [pytest.mark.model, pytest.mark.shared]

GOLD_SHA256 = {
    "eval/events/universalpetrarch/PETR2_GSR_validation.jsonl": (
        "da1f36afc68991ffac6b2372b8c79c6eb53168bdc8a101971f9eb575c0af00f2"
    ),
    "eval/events/plover/PLOVER_GSR_CAMEO.json": "f0d516858bf7ad05283ed0f8e6b1ea66d9ee4175703877d5ab0598503aa1a558",
    "eval/events/petrarch2/PETR.UnitTest.records.jsonl": (
        "f4c48a362b958f45254f1946bc0d34b76ab76176564238345b103d11a64447e6"
    ),
    "eval/events/petrarch2/PETR.Validate.actors.txt": (
        "b639368a72efd96253810ef16e03779647f0a34898356e629d3e716666bf3fd3"
    ),
    "eval/news/event_reference/case2021/task2/test_set_final_release_with_labels.tsv": (
        "8a96e91cf2a61a293c6fb60beb2d023e6f0c9a218e2e678b7e1273473223c7ee"
    ),
    "eval/events/ngec/co_actor_split_cases.jsonl": ("4695aea5c644297363962b0317112565beceffc36442046785efa3fcee12630c"),
}

# (suite, split): (dyad+root F1 floor, dyad+full-code F1 floor)
FLOORS = {
    ("petr2-gsr", "dev"): (0.74, 0.63),
    ("petr2-gsr", "test"): (0.45, 0.29),
    # plover-gsr raised with the scorer's same-country rule of 2026-12-07 (README).
    ("plover-gsr", "dev"): (0.73, 0.67),
    ("plover-gsr", "test"): (0.45, 0.42),
    ("petr-unit", "dev"): (0.05, 0.03),
    ("petr-unit", "test"): (0.07, 0.05),
}

# (suite, split): (source, target) F1 floor, whatever the code. The petr-unit suite codes acts
# with its own made-up verb dictionary, so its code scores say little; its dyads test passives,
# compounds and reciprocity.
DYAD_FLOORS = {
    ("petr2-gsr", "dev"): 0.81,
    ("petr2-gsr", "test"): 0.65,
    ("plover-gsr", "dev"): 0.76,
    # Lowered from 0.47 (0.4733) to 0.46 (0.4621) on purpose, the one floor ever lowered: an informant
    # reporting violence ("witnesses / a news agency said soldiers shot ...") no longer codes the
    # informant accusing the doer (PETRARCH-2's nesting rule) but the act itself, attributed. On
    # the same half dyad + root F1 rose (0.413 -> 0.416) and dyad + code (0.292 -> 0.294); on
    # case2021 test, recall 0.483 -> 0.497 and precision 0.685 -> 0.712. Back to 0.47 (0.4727) since,
    # and 0.48 (0.4873), 0.50 (0.5038), 0.51 (0.5113), 0.52 (0.5204), 0.53 (0.5333).
    ("plover-gsr", "test"): 0.53,
    ("petr-unit", "dev"): 0.42,
    ("petr-unit", "test"): 0.48,
}


# plover-gsr split: (name, country) accuracy floors for the event's place, where the gold gives one.
# (test 0.2857 / 0.3333 since 'the city of Fallujah' names the town; 0.250 / 0.286 before.)
LOCATION_FLOORS = {"dev": (0.60, 0.64), "test": (0.28, 0.33)}


# case2021 split: (share of typed snippets found, share of coded events of an allowed root) floors,
# and a ceiling on the share of disaster snippets given a violence, protest or coercion event.
CASE_FLOORS = {"dev": (0.76, 0.83, 0.03), "test": (0.69, 0.80, 0.10)}


@pytest.mark.parametrize("rel", sorted(GOLD_SHA256))
def test_gold_files_are_the_pinned_ones(rel: str) -> None:
    path = need_shared(*rel.split("/"))
    assert hashlib.sha256(path.read_bytes()).hexdigest() == GOLD_SHA256[rel], f"{rel} changed: re-measure floors"


@pytest.mark.parametrize(("suite", "split"), sorted(FLOORS))
def test_scores_stay_above_floors(suite: str, split: str) -> None:
    from geosignal.evaluate.events import evaluate_events

    need_shared("eval", "events")
    report = evaluate_events(SHARED, suite, split)
    root_floor, code_floor = FLOORS[(suite, split)]
    assert report["records"] > 0
    assert report["dyad"]["f1"] >= DYAD_FLOORS[(suite, split)], report["dyad"]
    assert report["dyad_root"]["f1"] >= root_floor, report["dyad_root"]
    assert report["dyad_code"]["f1"] >= code_floor, report["dyad_code"]
    # A historical event is never dated to the publication year.
    assert report["historical_dated_to_publication_year"] == 0
    if suite == "plover-gsr":
        name_floor, country_floor = LOCATION_FLOORS[split]
        assert report["location"]["name_accuracy"] >= name_floor, report["location"]
        assert report["location"]["country_accuracy"] >= country_floor, report["location"]


@pytest.mark.parametrize("split", sorted(CASE_FLOORS))
def test_case2021_types_stay_above_floors(split: str) -> None:
    from geosignal.evaluate.events import evaluate_events

    need_shared("eval", "news", "event_reference", "case2021")
    report = evaluate_events(SHARED, "case2021", split)
    recall, precision, phantoms = CASE_FLOORS[split]
    assert report["types"]["scored"] > 400
    assert report["types"]["recall"] >= recall, report["types"]
    assert report["precision"]["share"] >= precision, report["precision"]
    assert report["phantoms"]["rate"] <= phantoms, report["phantoms"]


# NGEC's compound-actor cases (14): of those, how many geosignal codes with the actor's whole list
# on one side of one event, no more and no less.
CO_ACTOR_FLOOR = 13


def _listed_whole(case: dict[str, Any]) -> bool:
    """Whether some event has the case's actors, all and only them, on one side."""
    import geosignal

    text: str = case["text"]
    analysis = geosignal.analyze(text, published="2021-10-01")
    start = text.index(case["actor_span"])
    end = start + len(case["actor_span"])
    mentions = {a.id: a.mentions for a in analysis.actors}
    expected: list[str] = case["expected_actors"]

    def in_span(actor: str) -> bool:
        return any(m.start < end and start < m.end for m in mentions.get(actor, []))

    def names(wanted: str, actor: str) -> bool:
        # "Russian and Belorussian soldiers" splits into "Russian soldiers" and "Belorussian
        # soldiers": a listed actor is the wanted one when a mention shares a capitalised word.
        words = {w for w in wanted.replace("'", " ").split() if w[:1].isupper()}
        return any(words & set(m.text.replace("'", " ").split()) for m in mentions.get(actor, []))

    return any(
        len(role) == len(expected)
        and any(in_span(r.actor) for r in role)
        and all(any(names(x, r.actor) for r in role) for x in expected)
        for e in analysis.events
        for role in (e.source, e.target)
    )


def test_compound_actors_stay_one_list() -> None:
    path = need_shared("eval", "events", "ngec", "co_actor_split_cases.jsonl")
    cases = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    right = sum(_listed_whole(c) for c in cases)
    assert right >= CO_ACTOR_FLOOR, f"{right} of {len(cases)} compound-actor cases"
