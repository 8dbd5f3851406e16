"""Event places an analyst can trust, on made-up sentences parsed with the real model."""

from __future__ import annotations

from pathlib import Path

import pytest

import geosignal
from event_helpers import PUB, events, ids, one

pytestmark = pytest.mark.model


def _states(text: str) -> list[str]:
    return sorted(a.id for a in geosignal.analyze(text, published=PUB).actors if a.type == "state")


def test_a_town_with_its_us_state_after_a_comma_is_the_town_there() -> None:
    e = one("Rebels attacked a police station in Moscow, Idaho, on Monday.", "19")
    loc = e["location"]
    assert (loc["name"], loc["country"]) == ("Moscow", "USA"), e
    assert loc["geonameid"] == 5601538 and loc["lon"] < -100, loc  # Moscow, Idaho, not Russia's capital
    assert "RUS" not in ids(e["source"]) + ids(e["target"]), e


def test_a_town_the_gazetteer_lacks_keeps_the_state_its_qualifier_names() -> None:
    # Prague, Oklahoma has too few people for the bundled gazetteer: the name, with the United States.
    e = one("Rebels attacked a police station in Prague, Oklahoma.", "19")
    loc = e["location"]
    assert (loc["name"], loc["country"], loc["geonameid"]) == ("Prague", "USA", None), e


def test_a_country_after_a_comma_picks_the_namesake_there() -> None:
    e = one("Police arrested ten protesters in Tbilisi, Georgia, on Monday.", "17")
    assert e["location"]["country"] == "GEO", e
    e = one("Police arrested ten protesters in Atlanta, Georgia, on Monday.", "17")
    assert e["location"]["country"] == "USA", e


def test_a_list_of_towns_is_no_town_in_a_town() -> None:
    e = one("Protesters clashed with police in Berlin, Paris and Rome.", "19")
    assert (e["location"]["name"], e["location"]["country"]) == ("Berlin", "DEU"), e


def test_an_unknown_place_before_a_town_is_in_that_towns_state_and_no_party() -> None:
    e = one("Gunmen attacked a checkpoint in Apapa Quays, Lagos.", "19")
    assert e["location"]["country"] == "NGA", e
    assert not any(r["actor"].startswith("text:") and "lagos" in r["actor"] for r in e["target"]), e


def test_an_accented_endonym_does_not_match_the_english_word() -> None:
    assert _states("Island nations protested at the summit.") == []
    assert _states("Police raided a warehouse on Coney Island.") == []
    assert _states("Ísland protested.") == ["ISL"]
    # English spellings without the accent are aliases of their own.
    assert _states("Turkiye and Eire signed a deal.") == ["IRL", "TUR"]


def test_a_statement_is_where_its_speaker_was() -> None:
    e = one("Speaking in Ankara, the Turkish foreign minister condemned the bombing of Raqqa.", "11")
    assert e["location"] is not None and e["location"]["name"] == "Ankara", e
    assert "TUR" not in ids(e["target"]), e  # where one speaks is not whom one addresses


def test_a_name_given_to_something_is_no_state() -> None:
    assert _states("Settlers in Texas named their new town Moscow.") == []
    assert _states("Russia called Ukraine a terrorist state.") == ["RUS", "UKR"]


def test_a_state_in_the_name_of_a_sea_is_no_party() -> None:
    e = one("Russian and Chinese warships held joint exercises in the Sea of Japan.", "06")
    assert "JPN" not in ids(e["target"]) and _states("Iran seized a tanker in the Gulf of Oman.") == ["IRN"], e
    assert _states("Japan protested to China.") == ["CHN", "JPN"]


def test_a_name_before_district_is_a_place_in_its_context_state() -> None:
    text = "Afghanistan: Taliban fighters clashed with commandos in Shorabak district on Sunday."
    (e,) = [x for x in geosignal.analyze(text, published=PUB).to_dict()["events"] if x["cameo"].startswith("19")]
    assert e["location"] is not None and e["location"]["name"] == "Shorabak district", e
    assert e["location"]["country"] == "AFG", e


def test_a_us_state_after_a_town_is_no_country_of_the_same_name() -> None:
    assert _states("Police arrested ten protesters in Atlanta, Georgia, on Monday.") == []
    assert _states("Police arrested ten protesters in Tbilisi, Georgia, on Monday.") == ["GEO"]
    # In a list, each name is its own.
    assert _states("Leaders of Russia, Georgia and Armenia met.") == ["ARM", "GEO", "RUS"]


def test_the_gazetteer_reads_a_qualified_place() -> None:
    from geosignal.kb.places import locate_qualified

    got = locate_qualified("Geneva", "Illinois")
    assert got is not None and got.country == "USA" and got.geonameid == 4893591
    got = locate_qualified("Paris", "Texas")
    assert got is not None and got.country == "USA" and got.lon is not None and got.lon < -90
    got = locate_qualified("Tin Can Island", "Lagos")
    assert got is not None and (got.name, got.country, got.geonameid) == ("Tin Can Island", "NGA", None)
    # Two towns or two states the gazetteer knows apart are a list, not one inside the other.
    assert locate_qualified("Berlin", "Paris") is None
    assert locate_qualified("Liverpool", "Leicester") is None
    assert locate_qualified("Russia", "Georgia") is None
    assert locate_qualified("Geneva", "Smith") is None


def test_the_place_a_statement_is_about_is_not_where_it_was_made() -> None:
    e = one("The French foreign minister expressed concern about the shelling of homes in Idlib.", "01")
    assert e["location"] is None or e["location"]["country"] != "SYR", e


def test_a_small_towns_foreign_alternate_name_is_no_place() -> None:
    from geosignal.kb.places import town_country

    # "Borno" is a name of Borna in Saxony, not a name English news gives it (news means Nigeria's
    # state, a region); "Jenin" stands for the transliterated "Janīn", and "Kiev" is a big town's older name.
    assert town_country("Borno") == "NGA"
    assert town_country("Jenin") == "PSE" and town_country("Kiev") == "UKR"


def test_small_namesakes_in_a_state_the_text_never_names_are_no_guess() -> None:
    from geosignal.kb.places import locate

    # Two small towns called Somerset, both in the US: in a text naming only Britain, no guess.
    assert locate("Somerset", None, frozenset({"GBR"}), 100_000).country is None
    assert locate("Somerset", None, frozenset({"USA"}), 100_000).country == "USA"
    # A town with no namesake is still found ("the Bosnian town of Gorazde"), a big one too.
    assert locate("Gorazde", None, frozenset(), 100_000).country == "BIH"
    assert locate("Springfield", None, frozenset({"GBR"}), 100_000).country == "USA"
    e = one("Mr Kennedy visited rural seats in Somerset on Monday, the British Labour Party said.", "04")
    assert not e["target"] and (e["location"] is None or e["location"]["country"] is None), e


def test_a_us_state_named_alone_is_in_the_united_states() -> None:
    from geosignal.kb.places import locate, town_country

    # The gazetteer's towns called "Florida" are in Cuba and Uruguay; news means the state.
    assert locate("Florida", None).country == town_country("Florida") == "USA"
    assert locate("South Carolina", None).geonameid is not None
    # A US town of that name keeps its coordinates; a state's name is no state of the Caucasus.
    assert locate("New York", None).lat is not None
    assert locate("Georgia", None).country == "GEO" and town_country("Georgia") is None
    e = one("President Obama expressed sorrow for the shootings in South Carolina.", "01")
    assert ids(e["target"]) == ["USA"], e


def test_acts_at_two_towns_stay_two_events() -> None:
    got = [
        e
        for e in events(
            "Israeli warplanes fired missiles at a police post in Ramallah on Monday. "
            "Israeli warplanes also fired missiles at a police post in Jenin on Monday."
        )
        if e["cameo"].startswith("19")
    ]
    assert sorted(e["location"]["name"] for e in got) == ["Jenin", "Ramallah"], got


def test_a_former_capital_is_its_towns_state_after_its_time() -> None:
    e = one("Afghan factions met in Bonn on Monday.", "04")
    assert e["location"]["country"] == "DEU" and "FRG" not in ids(e["target"]), e


def test_a_region_is_in_its_state_and_its_people_are_of_it() -> None:
    from geosignal.kb.places import locate, region_state, town_country

    assert locate("Darfur", None).country == "SDN" and locate("Darfur", None).geonameid is None
    assert town_country("Chechnya") == "RUS" and region_state("Tibetan") == "CHN"
    # "Ontario" is a Canadian province before it is a Californian town; "Kandahar" stays the town.
    assert locate("Ontario", None).country == "CAN"
    assert locate("Kandahar", None).geonameid is not None
    # Disputed areas are no state's.
    assert locate("Kashmir", None).country is None and region_state("Crimea") is None
    e = one("Sudanese government forces bombed villages in Darfur.", "19")
    assert e["location"]["country"] == "SDN", e
    e = one("Chechen rebels attacked a Russian convoy on Monday.", "19")
    assert [a["country"] for a in e["source"]] == ["RUS"], e


def test_a_multiword_region_in_a_name_is_not_its_last_word() -> None:
    got = geosignal.analyze("The New South Wales State Emergency Service said it received 5,000 calls.", published=PUB)
    assert [a.country for a in got.actors if "Service" in a.name] == ["AUS"]


def test_user_regions_extend_the_shipped_ones(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from geosignal.errors import KnowledgeBaseError
    from geosignal.kb.places import REGIONS_ENV, region_state

    extra = tmp_path / "regions.yaml"
    extra.write_text("regions:\n  GBR: [{name: Cornwall, demonyms: [Cornish]}]\n", "utf-8")
    monkeypatch.setenv(REGIONS_ENV, str(extra))
    assert region_state("Cornish") == "GBR" and region_state("Chechnya") == "RUS"
    bad = tmp_path / "bad.yaml"
    bad.write_text("regions:\n  XXX: [Nowhere]\n", "utf-8")
    monkeypatch.setenv(REGIONS_ENV, str(bad))
    with pytest.raises(KnowledgeBaseError, match=r"E032.*bad\.yaml.*'XXX'"):
        region_state("Nowhere")
    monkeypatch.setenv(REGIONS_ENV, str(tmp_path / "missing.yaml"))
    with pytest.raises(KnowledgeBaseError, match=r"E032.*missing\.yaml"):
        region_state("Nowhere")
