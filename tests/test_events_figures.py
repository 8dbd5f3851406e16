"""Figures of speech and implicit parties in the event coder: made-up sentences, real model.

Words of violence said of ideas or of political rivals are criticism (CAMEO 111), not force;
a place compounded onto an act of force is where, not who; a state that made a weapon is not the
one that uses it; an agentless "talks were held with X" and "took part in the event" take their
other party from the clause or the meeting they follow.
"""

from __future__ import annotations

import pytest

from event_helpers import events, ids

pytestmark = pytest.mark.model


def roots(text: str, published: str = "2005-03-10") -> list[tuple[str, list[str], list[str]]]:
    return [(e["cameo"], ids(e["source"]), ids(e["target"])) for e in events(text, published)]


def test_an_attack_on_a_record_or_a_plan_is_criticism() -> None:
    got = roots("The Conservatives launched a blistering attack on the home secretary's immigration record on Sunday.")
    assert [c for c, _, _ in got] == ["111"], got
    got = roots("Labour attacked the Liberal Democrat tax proposals in its campaign leaflets.")
    assert [c for c, _, _ in got] == ["111"], got


def test_an_attack_between_parties_of_politics_is_criticism() -> None:
    got = roots("Speaking at a rally in Leeds, Tony Blair attacked the Conservative Party over hospital waiting lists.")
    assert ("111", ["tony-blair"], ["gbr-conservative-party"]) in got, got
    assert not any(c.startswith(("18", "19")) for c, _, _ in got), got


def test_real_attacks_stay_force() -> None:
    got = roots("Insurgents attacked a police checkpoint in Mosul on Tuesday, killing four officers.")
    assert any(c.startswith(("18", "19")) for c, _, _ in got), got
    got = roots("Rebel fighters launched a fierce attack on the town of Kindu overnight.")
    assert any(c.startswith(("18", "19")) for c, _, _ in got), got
    got = roots("Russian troops attacked Ukraine from three directions.", published="2022-03-01")
    assert any(c.startswith("19") and t == ["UKR"] for c, _, t in got), got


def test_a_place_compounded_onto_an_act_of_force_is_not_its_doer() -> None:
    got = roots("A Kabul bombing killed eleven people on Friday.")
    assert not any("AFG" in s for _, s, _ in got), got
    got = roots("A US air raid killed eleven fighters near the border on Friday.")
    assert any("USA" in s for c, s, _ in got if c.startswith(("18", "19"))), got


def test_a_weapon_made_by_a_state_is_not_that_states_act() -> None:
    got = events("In Hebron, US-made helicopters fired missiles at a police post, witnesses said.")
    assert got and not any(r["country"] == "USA" for e in got for r in e["source"]), got
    got = events("Israeli US-made F-16 jets bombed a police post in Gaza.")
    assert [r["country"] for e in got for r in e["source"]] == ["ISR"], got


def test_an_agentless_negotiation_takes_its_other_party_from_the_joined_clause() -> None:
    got = roots(
        "In Cairo, the Indian foreign minister was welcomed by the Egyptian foreign minister, "
        "and negotiations were held with him the same day.",
        published="2010-05-04",
    )
    talks = [(s, t) for c, s, t in got if c.startswith("04") and c != "043"]
    assert len(talks) == 1 and talks[0][0] and talks[0][1], got


def test_an_agentless_negotiation_after_an_arrival_takes_the_visitor() -> None:
    got = roots("Vladimir Putin arrived in Paris on Monday. Talks were held with Jacques Chirac at the Elysee.")
    assert ("046", ["vladimir-putin"], ["jacques-chirac"]) in got, got


def test_an_agentless_negotiation_with_no_other_party_is_not_coded() -> None:
    assert [c for c, _, _ in roots("Negotiations were held with Iran in Geneva last week.") if c == "046"] == []


def test_taking_part_in_the_event_just_reported_meets_its_parties() -> None:
    got = roots(
        "A delegation led by French Foreign Minister Michel Barnier attended a memorial service in Kigali. "
        "The Rwandan government and genocide survivors took part in the ceremony."
    )
    part = [t for c, s, t in got if c == "040" and "RWA" in s]
    assert part and "michel-barnier" in part[0], got


def test_hitting_out_at_someone_is_criticism() -> None:
    got = roots("The health secretary, Alan Milburn, hit out at critics of the hospital reforms on Monday.")
    assert [c for c, _, _ in got if c.startswith(("11", "18", "19"))] == ["111"], got


def test_an_attack_on_a_states_policy_is_criticism_but_on_its_army_is_force() -> None:
    got = roots("The opposition leader launched an attack on the cost of France's pension system.")
    assert [c for c, _, _ in got if c.startswith(("11", "18", "19"))] == ["111"], got
    got = roots("Coalition forces attacked Iraq's army near the border.", published="2003-03-25")
    assert any(c.startswith("19") for c, _, _ in got), got
