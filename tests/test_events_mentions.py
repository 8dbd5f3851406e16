"""One event told several times, plural pronoun subjects, and states as they were on the event's date.

Made-up sentences parsed with the real model; none comes from the sample article.
"""

from __future__ import annotations

from typing import Any

import pytest

import geosignal

pytestmark = pytest.mark.model

PUB = "2024-03-15"


def analysis(text: str) -> dict[str, Any]:
    out: dict[str, Any] = geosignal.analyze(text, published=PUB).to_dict()
    assert geosignal.validate(out) == []
    return out


def ids(refs: list[dict[str, Any]]) -> list[str]:
    return [r["actor"] for r in refs]


def test_a_visit_told_three_times_is_one_event_with_every_mention() -> None:
    text = (
        "The visit of the Chinese foreign minister Wang Yi to Brazil began on Monday.\n\n"
        "Analysts said the visit of Wang Yi to Brazil was long planned.\n\n"
        "It is possible that the visit of the Chinese delegation to Brazil was meant to reassure investors."
    )
    a = analysis(text)
    visits = [e for e in a["events"] if e["cameo"].startswith("042")]
    assert len(visits) == 1, visits
    e = visits[0]
    assert ids(e["source"]) == ["wang-yi"] and ids(e["target"]) == ["BRA"]
    assert e["status"] == "reported"
    starts = [m["trigger"]["start"] for m in e["mentions"]]
    assert len(starts) == 3 and starts == sorted(starts)
    assert {m["status"] for m in e["mentions"]} >= {"reported", "speculative"}
    for m in e["mentions"]:
        assert text[m["trigger"]["start"] : m["trigger"]["end"]] == m["trigger"]["text"] == "visit"
        assert text[m["evidence"]["start"] : m["evidence"]["end"]] == m["evidence"]["text"]


def test_distinct_acts_on_one_trip_stay_distinct() -> None:
    text = (
        "Russian Defense Minister Sergei Shoigu attended a parade in Pyongyang on Thursday. "
        "Sergei Shoigu also met with Kim Jong-un."
    )
    got = [e for e in analysis(text)["events"] if e["cameo"].startswith("04")]
    assert len(got) == 2, got
    assert "kim-jong-un" in {r["actor"] for e in got for r in e["target"]}


def test_visits_in_different_years_are_not_merged() -> None:
    text = "Kim Jong-un visited Russia in 2019.\n\nKim Jong-un's visit to Russia in 2023 lasted a week."
    got = [e for e in analysis(text)["events"] if e["cameo"] == "042"]
    assert sorted(e["date"]["value"] for e in got) == ["2019", "2023"]


def test_they_takes_the_plural_subject_before() -> None:
    text = (
        "The Vietnamese government and President Vo Van Thuong attended the ceremony in Hanoi. "
        "The minister read a message from the premier.\n\n"
        "They received the Japanese delegation with an honor guard."
    )
    got = [e for e in analysis(text)["events"] if e["trigger"]["text"] == "received"]
    assert len(got) == 1, got
    assert "VNM" in ids(got[0]["source"]) and ids(got[0]["target"]) == ["JPN"]
    assert "JPN" not in ids(got[0]["source"])


def test_no_event_without_a_source() -> None:
    text = (
        "Negotiations were held with the Turkish minister at the airport. "
        "They praised the agreement. Egypt criticized Israel."
    )
    a = analysis(text)
    assert a["events"], a
    assert all(e["source"] for e in a["events"])


def test_a_reception_at_a_place_is_hosted_by_its_state() -> None:
    got = [e for e in analysis("The French delegation was received in Rabat.")["events"] if e["cameo"] == "043"]
    assert len(got) == 1
    assert ids(got[0]["source"]) == ["MAR"] and ids(got[0]["target"]) == ["FRA"]


def test_a_historical_capital_is_the_state_of_its_time() -> None:
    a = analysis("In September 1953, Kim Il Sung made an official visit to Moscow.")
    e = next(e for e in a["events"] if e["cameo"] == "042")
    assert ids(e["target"]) == ["SUN"] and e["target"][0]["country"] == "SUN"
    assert e["date"]["value"] == "1953-09" and e["date"]["historical"]
    assert e["location"]["country"] == "SUN"
    assert "SUN" in {x["id"] for x in a["actors"]}


def test_the_same_capital_today_is_the_state_of_today() -> None:
    a = analysis("In September 2023, Kim Jong-un made an official visit to Moscow.")
    e = next(e for e in a["events"] if e["cameo"] == "042")
    assert ids(e["target"]) == ["RUS"]


def test_a_state_name_in_a_past_decade_is_the_state_of_then() -> None:
    got = analysis("In 1965, Cuba signed a trade agreement with Russia.")["events"]
    e = next(e for e in got if e["cameo"] == "057")
    assert "SUN" in ids(e["source"]) + ids(e["target"])
    assert "RUS" not in ids(e["source"]) + ids(e["target"])


def countries(refs: list[dict[str, Any]]) -> list[str]:
    return [r["country"] for r in refs]


def test_a_group_kept_as_text_takes_the_country_its_modifier_names() -> None:
    e = next(e for e in analysis("Ukrainian lawmakers praised Japan on Friday.")["events"] if e["cameo"] == "051")
    assert countries(e["source"]) == ["UKR"] and ids(e["target"]) == ["JPN"]


def test_conjoined_country_modifiers_are_all_parties() -> None:
    got = analysis("Senior Hungarian and Romanian officials criticized Serbia.")["events"]
    e = next(e for e in got if e["cameo"].startswith("11"))
    assert sorted(countries(e["source"])) == ["HUN", "ROU"] and ids(e["target"]) == ["SRB"]


def test_a_threat_targets_the_party_that_must_comply() -> None:
    got = analysis("Argentina threatened to suspend the talks unless Chile withdrew its ships.")["events"]
    e = next(e for e in got if e["cameo"].startswith("13"))
    assert ids(e["source"]) == ["ARG"] and ids(e["target"]) == ["CHL"]


def test_an_attack_in_another_state_targets_that_state() -> None:
    got = analysis("Chadian soldiers fired shells at targets in Maiduguri on Sunday.")["events"]
    e = next(e for e in got if e["cameo"][:2] in ("18", "19", "20"))
    assert countries(e["source"]) == ["TCD"] and countries(e["target"]) == ["NGA"]


def test_a_role_path_stays_in_its_phrase() -> None:
    text = "Peru rejected a Bolivian request to question prisoners held after the escape of Ecuadorian guards."
    e = next(e for e in analysis(text)["events"] if e["cameo"].startswith("12"))
    assert ids(e["source"]) == ["PER"] and countries(e["target"]) == ["BOL"]


def test_the_subject_of_a_passive_does_its_infinitive() -> None:
    got = analysis("The Egyptian foreign minister is scheduled to attend a summit in Kenya.")["events"]
    e = next(e for e in got if e["cameo"].startswith("04"))
    assert countries(e["source"]) == ["EGY"] and countries(e["target"]) == ["KEN"]
