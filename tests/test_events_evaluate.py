"""The event evaluation's scoring rules (no model, no ../shared)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from geosignal.errors import EvaluationDataError, UsageError
from geosignal.evaluate.events import in_split, predicted
from geosignal.model import ActorRef, Event, EventDate, Span


def _event(src: list[tuple[str, str | None]], tgt: list[tuple[str, str | None]], cameo: str = "042") -> Event:
    return Event(
        id="ev1",
        cameo=cameo,
        plover={"type": "CONSULT", "mode": "visit", "context": []},
        quad_class=1,
        goldstein=1.9,
        source=[ActorRef(a, a, c) for a, c in src],
        target=[ActorRef(a, a, c) for a, c in tgt],
        date=EventDate("2024-01-01", "day", False, "publication"),
        status="reported",
        trigger=Span(0, 5, "visit"),
        evidence=Span(0, 10, "visit here"),
    )


def test_splits_are_deterministic_halves() -> None:
    ids = [f"rec-{i}" for i in range(400)]
    dev = [i for i in ids if in_split(i, "dev")]
    test = [i for i in ids if in_split(i, "test")]
    assert set(dev).isdisjoint(test) and len(dev) + len(test) == 400
    assert 150 < len(dev) < 250
    assert dev == [i for i in ids if in_split(i, "dev")]
    assert all(in_split(i, "all") for i in ids)


def test_compound_event_expands_only_for_scoring() -> None:
    e = _event([("KOR", "KOR"), ("USA", "USA")], [("PRK", "PRK")])
    root, full = predicted([e], "petr2-gsr", set())
    assert root == {("KOR", "PRK", "04"), ("USA", "PRK", "04")}
    assert full == {("KOR", "PRK", "042"), ("USA", "PRK", "042")}


def test_unknown_country_is_petrarch_dashes_and_no_self_pairs() -> None:
    e = _event([("text:rebel", None), ("SYR", "SYR")], [("SYR", "SYR")], "190")
    root, _ = predicted([e], "petr2-gsr", set())
    assert root == {("---", "SYR", "19")}


def test_plover_scoring_uses_type_and_mode() -> None:
    e = _event([("RUS", "RUS")], [("PRK", "PRK")])
    root, full = predicted([e], "plover-gsr", {("RUS", "PRK", "CONSULT/visit")})
    assert root == {("RUS", "PRK", "CONSULT")} and full == {("RUS", "PRK", "CONSULT/visit")}
    # A gold record without a target matches on source and type.
    root, _ = predicted([e], "plover-gsr", {("RUS", "", "CONSULT")})
    assert root == {("RUS", "", "CONSULT")}
    # The mode counts only where the gold gives one: a gold triple without it matches on the type.
    _, full = predicted([e], "plover-gsr", {("RUS", "PRK", "CONSULT")})
    assert full == {("RUS", "PRK", "CONSULT")}
    _, full = predicted([e], "plover-gsr", {("RUS", "PRK", "CONSULT/phone")})
    assert full == {("RUS", "PRK", "CONSULT/visit")}


def test_bad_suite_split_or_folder(tmp_path: Path) -> None:
    from geosignal.evaluate.events import evaluate_events

    with pytest.raises(UsageError):
        evaluate_events(tmp_path, "nope", "dev")
    with pytest.raises(UsageError):
        evaluate_events(tmp_path, "petr2-gsr", "train")
    with pytest.raises(EvaluationDataError):
        evaluate_events(tmp_path, "petr2-gsr", "dev")


def test_plover_same_country_pairs_are_dropped_as_in_the_gold() -> None:
    """The gold drops source-target pairs of one country; a prediction of one is no untargeted event."""
    domestic = _event([("text:police", "IND")], [("text:protesters", "IND")])
    assert predicted([domestic], "plover-gsr", set()) == (set(), set())
    untargeted = _event([("RUS", "RUS")], [])
    assert predicted([untargeted], "plover-gsr", set())[0] == {("RUS", "", "CONSULT")}
    # Nor is the gold's same-country event when the coder did not find its target's state: had it
    # found it, the pair would be dropped as above.
    assert predicted([untargeted], "plover-gsr", set(), frozenset({("RUS", "CONSULT")})) == (set(), set())
    assert predicted([untargeted], "plover-gsr", set(), frozenset({("RUS", "ASSAULT")}))[0] == {("RUS", "", "CONSULT")}
    targeted = _event([("RUS", "RUS")], [("PRK", "PRK")])  # another state than the gold's: a wrong dyad
    assert predicted([targeted], "plover-gsr", set(), frozenset({("RUS", "CONSULT")}))[0] == {("RUS", "PRK", "CONSULT")}


@pytest.mark.parametrize("status", ["negated", "hypothetical"])
def test_an_event_that_did_not_happen_is_no_prediction(status: str) -> None:
    e = _event([("RUS", "RUS")], [("PRK", "PRK")])
    e.status = status
    assert predicted([e], "petr2-gsr", set()) == (set(), set())
    e.status = "attributed"  # said by someone: still coded, as the gold codes reported speech
    assert predicted([e], "petr2-gsr", set())[0] == {("RUS", "PRK", "04")}


def test_an_international_militarized_group_is_scored_as_img() -> None:
    e = _event([("USA", "USA")], [("isis", None)], "190")
    e.target = [ActorRef("isis", "Islamic State", None, "IMG")]
    root, _ = predicted([e], "petr2-gsr", set())
    assert root == {("USA", "IMG", "19")}


def test_plover_gold_country_codes_that_are_not_iso_read_as_their_state(tmp_path: Path) -> None:
    """The PLOVER gold writes Japan JAP and Italy ITL; a coder's JPN and ITA match them."""
    from geosignal.evaluate.events import _plover_records

    gold = tmp_path / "gold.json"
    record = {
        "id": "X-CONSULT-1",
        "event": "CONSULT",
        "text": "Italy hosted Japan.",
        "source": [{"actorText": "Italy", "code": "ITL"}],
        "target": [{"actorText": "Japan", "code": "JAP"}, {"actorText": "Hanoi", "code": "VNM"}],
    }
    gold.write_text(json.dumps([record]), "utf-8")
    (rec,) = _plover_records(gold)
    assert rec.root == {("ITA", "JPN", "CONSULT"), ("ITA", "VNM", "CONSULT")}


def test_plover_event_places_are_scored_by_name_and_country(tmp_path: Path) -> None:
    from geosignal.evaluate.events import _gold_place, _place_report, _score_place
    from geosignal.model import Location

    assert _gold_place({"eventLoc": {"name": "Geneva", "country code": "CH"}}) == ("Geneva", "CHE")
    assert _gold_place({"eventLoc": {"name": "Lebanon"}}) == ("Lebanon", "LBN")
    assert _gold_place({"eventLoc": {"name": " "}}) is None and _gold_place({}) is None
    counts = dict.fromkeys(("gold", "located", "name", "country", "gold_country"), 0)
    _score_place(("province of Herat", "AFG"), [Location(name="Herat", country="AFG")], counts)
    _score_place(("Geneva", "CHE"), [Location(name="Bern", country="CHE")], counts)
    _score_place(("Basra", "IRQ"), [], counts)
    assert _place_report(counts) == {"gold": 3, "located": 2, "name_accuracy": 0.3333, "country_accuracy": 0.6667}


@pytest.mark.model
def test_case2021_scores_roots_by_type_and_counts_disaster_phantoms(tmp_path: Path) -> None:
    """Each snippet is scored by whether a coded root is one its type allows; disasters are not scored."""
    from geosignal.evaluate.events import SUITES, evaluate_events

    rows = [
        ("1", "Police arrested twenty opposition activists in Minsk on Monday.", "ARREST"),
        ("2", "A strong earthquake struck the coast of Chile on Monday.", "NATURAL_DISASTER"),
        ("3", "A man robbed a bank in Lagos.", "ORG_CRIME"),
        ("4", "The weather was mild in the capital.", "PEACE_PROTEST"),
    ]
    path = tmp_path.joinpath("eval", *SUITES["case2021"])
    path.parent.mkdir(parents=True)
    path.write_text("id\tEventSnippet\tSubType\n" + "".join("\t".join(r) + "\n" for r in rows), "utf-8")
    report = evaluate_events(tmp_path, "case2021", "all")
    assert report["records"] == 4
    # The arrest and the protest are scored; the disaster counts only for phantoms, crime not at all.
    assert report["types"]["scored"] == 2 and report["phantoms"]["snippets"] == 1
    assert report["types"]["found"] == 1 and report["by_type"]["ARREST"]["recall"] == 1.0
    assert [e["id"] for e in report["errors"]] == ["case2021-4"]
    assert report["phantoms"]["with_phantom"] == 0
