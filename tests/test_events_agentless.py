"""Acts of force and coercion told without their doer, and protests by counted crowds.

Made-up sentences parsed with the real model (cues.yaml agentless_roots and the words around it).
"""

from __future__ import annotations

from typing import Any

import pytest

from event_helpers import events, ids, one

pytestmark = pytest.mark.model

_FORCE = ("14", "15", "17", "18", "19", "20")


def forceful(text: str) -> list[dict[str, Any]]:
    """The events of material conflict, coercion and protest a text gives."""
    return [e for e in events(text) if e["cameo"].startswith(_FORCE)]


def test_an_arrest_with_no_one_named_for_it_is_an_event_with_no_source() -> None:
    e = one("More than forty opposition activists were arrested in Dhaka on Tuesday.", "17")
    assert e["cameo"] == "173" and e["source"] == [] and e["target"], e
    assert e["status"] == "reported" and e["date"]["value"] == "2024-03-12", e


def test_looting_of_shops_and_a_torched_bus_need_no_doer() -> None:
    # Property looted is property destroyed (1712), the things counted read through "dozens of".
    e = one("Dozens of shops were looted overnight in the old quarter.", "17")
    assert e["cameo"] == "1712" and e["source"] == [], e
    assert [x["cameo"] for x in forceful("A bus was torched near the station in Lahore.")] == ["1712"]


def test_a_bomb_that_exploded_is_a_bombing_and_its_toll_is_no_second_event() -> None:
    got = forceful("A bomb exploded in a crowded market in Peshawar, wounding twelve people.")
    assert [e["cameo"][:3] for e in got] == ["183"], got
    assert got[0]["source"] == [], got
    # A named doer's bomb is the doer's.
    e = one("A Taliban bomb exploded near a police station in Kandahar.", "18")
    assert ids(e["source"]) == ["taliban"], e


def test_a_roadside_bomb_keeps_its_code() -> None:
    e = one("An improvised explosive device went off near an army convoy in Kunar.", "18")
    assert e["cameo"] == "1833" and e["source"] == [], e


def test_deaths_in_disasters_and_accidents_are_no_violence() -> None:
    assert forceful("At least thirty people were killed in the floods in Assam.") == []
    assert forceful("Five workers were hurt when a boiler exploded at the plant in Gujarat.") == []
    assert forceful("Two people died in a road accident near Nairobi on Sunday.") == []
    assert forceful("A gas cylinder exploded in a kitchen in Karachi.") == []


def test_harm_told_without_any_means_of_force_is_no_attack() -> None:
    assert forceful("Four people were injured and taken to hospital.") == []
    # With the attack named it is one.
    e = one("Four people were injured in the attack on a checkpoint in Sinai.", "1")
    assert e["source"] == [] and e["cameo"].startswith(("18", "19")), e


def test_metaphors_of_force_without_weapon_or_place_are_no_events() -> None:
    assert forceful("The bill was killed in committee.") == []
    assert forceful("The budget was hammered in the debate.") == []


def test_an_agentless_act_keeps_its_negation_and_condition() -> None:
    (neg,) = forceful("The protesters were not arrested in Lagos.")
    assert neg["status"] == "negated" and neg["source"] == [], neg
    (hyp,) = forceful("If the strikers are detained in Lagos, the union will walk out.")
    assert hyp["status"] == "hypothetical", hyp


def test_agentless_talks_stay_out() -> None:
    # Roots outside material conflict and coercion still need a doer.
    assert events("Negotiations were held in Geneva on Monday.") == []
    assert events("New sanctions were announced on Friday.") == []


def test_a_counted_crowd_is_the_kind_it_counts_and_protests() -> None:
    e = one("Dozens of students rallied across Serbia on Sunday.", "14")
    assert e["source"] and e["source"][0]["sector"] == "EDU", e
    assert ids(e["target"]) == ["SRB"], e


def test_a_crowd_of_no_state_is_of_the_place_of_its_protest() -> None:
    e = one("Thousands of protesters marched in Tbilisi on Saturday.", "14")
    assert [x["country"] for x in e["source"]] == ["GEO"], e


def test_crowds_taking_to_the_streets_and_starting_protests() -> None:
    assert one("Thousands took to the streets of Minsk on Sunday.", "14")["cameo"] == "141"
    assert one("Some 5,000 workers kicked off the protests in the capital.", "14")["cameo"] == "141"


def test_demonstrating_a_resolve_is_no_protest() -> None:
    assert forceful("The test demonstrated that the new missile works.") == []
    assert forceful("Russia demonstrated its resolve to the West.") == []


def test_an_act_named_as_a_charge_or_a_plan_is_no_agentless_event() -> None:
    assert forceful("He was wrongly convicted of planting the bombs in Guildford.") == []
    assert forceful("The party criticised plans for keeping suspects under house arrest in Britain.") == []


def test_a_base_set_up_is_a_force_posture() -> None:
    e = one("Turkish troops set up a new observation post near Idlib on Monday.", "15")
    assert e["cameo"] == "154" and ids(e["source"]) == ["TUR"], e
    assert forceful("The council set up a new committee on housing.") == []


def test_arms_found_or_seized_are_confiscated() -> None:
    e = one("A cache of rifles and grenades was found in a farmhouse near Kandahar.", "17")
    assert e["cameo"] == "1711" and e["source"] == [], e
    e = one("Police seized 40 pistols in Nairobi on Monday.", "17")
    assert e["cameo"] == "1711" and e["source"], e


def test_looted_shops_are_destroyed_property_and_a_looting_crowd_riots() -> None:
    # Property destroyed by soldiers is 1712; by rioters or protesters, a riot (see coder._RIOT_CODES).
    assert one("Soldiers looted shops in the city centre of Durban.", "1")["cameo"] == "1712"
    assert one("Rioters looted shops in the city centre of Durban.", "1")["cameo"] == "145"
    got = [e["cameo"] for e in forceful("Protesters rioted and looted in Durban on Friday.")]
    assert got and set(got) == {"145"}, got


def test_protests_told_in_a_named_state_are_events_there_but_a_rule_is_none() -> None:
    assert one("Mass protests broke out in Peru on Sunday.", "14")["source"] == []
    assert forceful("The law bans torture in Kenya.") == []
