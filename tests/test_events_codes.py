"""CAMEO codes reached by the trigger table: one made-up sentence per pattern or refinement.

Written for the CAMEO codes that had no pattern of their own (symbolic acts, appeals and demands
by what they ask for, accession to demands, political dissent, threats by the threatened act,
mass expulsion, the attempt on a leader), parsed with the real model.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from event_helpers import events, ids, one

pytestmark = pytest.mark.model


def test_a_wreath_or_a_burned_flag_is_a_symbolic_act() -> None:
    e = one("The Indian prime minister laid a wreath at the Tomb of the Unknown Soldier in Moscow.", "01")
    assert e["cameo"] == "017" and e["source"][0]["country"] == "IND", e
    e = one("Protesters burned a Chinese flag outside the embassy.", "01")
    assert e["cameo"] == "017" and ids(e["target"]) == ["CHN"], e
    # A village burned is property destroyed, not a symbol.
    assert one("Rebels burned the village.", "17")["cameo"] == "1712"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Egypt called for a ceasefire in Gaza.", "0256"),
        ("The Philippines called for the withdrawal of Chinese ships from the reef.", "0256"),
        ("Pakistan called for a peaceful settlement of the Kashmir dispute with India.", "027"),
        ("Ukraine called for international support for its membership bid.", "022"),
        ("Iran sought cooperation from Russia on the nuclear programme.", "021"),
    ],
)
def test_an_appeal_is_coded_by_what_it_asks_for(text: str, code: str) -> None:
    assert one(text, "02")["cameo"] == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Russia demanded mediation by the United Nations in its dispute with Ukraine.", "108"),
        ("The African Union demanded the lifting of sanctions on Zimbabwe.", "105"),
        ("Russia demanded access for its inspectors to the Ukrainian plant.", "1055"),
    ],
)
def test_a_demand_is_coded_by_what_it_asks_for(text: str, code: str) -> None:
    assert one(text, "10")["cameo"] == code


def test_meeting_demands_is_yielding_not_a_meeting() -> None:
    e = one("Turkey met Russia's demands.", "08")
    assert e["cameo"] == "080" and ids(e["source"]) == ["TUR"] and ids(e["target"]) == ["RUS"], e
    e = one("The Egyptian government met the demands of the protesters for constitutional reform.", "08")
    assert e["cameo"] == "083" and e["source"][0]["country"] == "EGY", e
    assert not [e for e in events("Turkey met Russia's demands.") if e["cameo"].startswith("04")]


def test_lifting_a_ban_on_parties_or_legalizing_one_eases_dissent() -> None:
    assert one("The military government lifted the ban on opposition parties.", "08")["cameo"] == "082"
    e = one("Myanmar's junta legalized the Communist Party.", "08")
    assert e["cameo"] == "082" and ids(e["source"]) == ["MMR"], e
    # Other restrictions stay administrative (081).
    assert one("China lifted restrictions on travel to Macau.", "08")["cameo"] == "081"


def test_investigations_of_military_action_and_war_crimes() -> None:
    e = one("The United Nations will investigate the Israeli airstrike on the refugee camp.", "09")
    assert e["cameo"] == "093" and ids(e["target"]) == ["ISR"], e
    assert one("The ICC opened an investigation into war crimes in Ukraine.", "09")["cameo"] == "094"
    assert one("Police investigated the killing of a journalist in Malta.", "09")["cameo"] == "091"


def test_rallying_opposition_against_a_party() -> None:
    e = one("The US built a coalition against Iraq.", "11")
    assert e["cameo"] == "113" and ids(e["source"]) == ["USA"] and ids(e["target"]) == ["IRQ"], e
    assert one("France rallied opposition to the American plan among European states.", "11")["cameo"] == "113"
    # Nothing built against anyone is no event.
    assert not events("Britain built a new coalition.")


def test_a_rejected_call_for_resignation_is_a_rejected_change_of_leadership() -> None:
    e = one("The Syrian government rejected calls for the resignation of President Assad.", "12")
    assert e["cameo"] == "1231" and ids(e["source"]) == ["SYR"], e


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Iraqi unions threatened protests against the government.", "133"),
        ("The Serbian government threatened to impose a curfew in Kosovo.", "1323"),
        ("Egypt threatened to cut off aid to the Palestinian Authority.", "1311"),
        ("Serbia threatened to expel OSCE monitors from Kosovo.", "136"),
        ("Russia threatened to halt its mediation between Armenia and Azerbaijan.", "135"),
    ],
)
def test_a_threat_is_coded_by_the_threatened_act(text: str, code: str) -> None:
    e = one(text, "13")
    assert e["cameo"] == code and e["status"] == "reported", e


def test_rising_against_a_government_is_political_dissent() -> None:
    e = one("The Kurds rose up against Saddam Hussein in 1991.", "14")
    assert e["cameo"] == "140" and ids(e["target"]) == ["saddam-hussein"], e
    e = one("Villagers revolted against the Chinese government.", "14")
    assert e["cameo"] == "140" and ids(e["target"]) == ["CHN"], e
    e = one("The Palestinian uprising against Israel lasted five years.", "14")
    assert e["cameo"] == "140" and ids(e["source"]) == ["PSE"] and ids(e["target"]) == ["ISR"], e
    # An uprising against no one named is no event.
    assert not [e for e in events("The uprising began in Daraa.") if e["cameo"].startswith("14")]


def test_terror_mass_expulsion_and_assassination_attempt() -> None:
    e = one("Militants terrorized villagers in northern Nigeria.", "18")
    assert e["cameo"] == "180" and ids(e["target"]) == ["NGA"], e
    e = one("Serbian forces expelled thousands of ethnic Albanians from Kosovo.", "20")
    assert e["cameo"] == "201" and ids(e["source"]) == ["SRB"], e
    assert one("Serbia expelled two Russian diplomats.", "16")["cameo"] == "166"
    e = one("The mass expulsion of Rohingya by Myanmar troops continued.", "20")
    assert e["cameo"] == "201" and e["source"][0]["country"] == "MMR", e
    e = one("Islamist militants carried out an assassination attempt on the Afghan president.", "18")
    assert e["cameo"] == "185" and e["target"][0]["country"] == "AFG", e


def test_an_alert_names_the_force_put_on_it() -> None:
    e = one("Iran put its armed forces on high alert.", "15")
    assert e["cameo"] == "152" and ids(e["source"]) == ["IRN"], e
    e = one("The Indian government put the police on alert in Kashmir.", "15")
    assert e["cameo"] == "151" and ids(e["source"]) == ["IND"], e
    assert one("Pakistani troops remained on high alert near the Indian border.", "15")["cameo"] == "152"
    # On a border or an agenda is no alert.
    assert not [e for e in events("Israeli troops were on the border with Lebanon.") if e["cameo"].startswith("15")]
    assert not events("Italy put the proposal on the agenda.")


def test_human_shields_and_an_attempt_on_a_life() -> None:
    e = one("Hamas used Palestinian civilians as human shields.", "18")
    assert e["cameo"] == "184" and ids(e["source"]) == ["hamas"] and e["target"][0]["country"] == "PSE", e
    assert not events("Iraq used Kuwait as a base.")
    e = one("Militants made an attempt on the life of the Afghan president.", "18")
    assert e["cameo"] == "185" and e["target"][0]["country"] == "AFG", e


@pytest.mark.parametrize(
    ("text", "code", "target"),
    [
        ("The European Union urged Iran to release the British sailors.", "0253", "IRN"),
        ("The United Nations called on Israel to withdraw its troops from Gaza.", "0256", "ISR"),
        ("The US asked China to mediate between Russia and Ukraine.", "028", "CHN"),
        ("Pakistan urged India to lift its sanctions on Pakistani goods.", "0254", "IND"),
        ("The Arab League urged the Sudanese generals to accept a ceasefire.", "0256", "SDN"),
    ],
)
def test_an_appeal_is_coded_by_the_act_it_asks_for(text: str, code: str, target: str) -> None:
    e = one(text, "02")
    assert e["cameo"] == code and [r["country"] for r in e["target"]] == [target], e
    # The act asked for is the appeal's content, no event of its own.
    assert [x["cameo"][:2] for x in events(text)] == ["02"]


def test_an_appeal_for_an_uncoded_act_stays_an_appeal() -> None:
    assert one("Japan urged China to stop its military drills near Taiwan.", "02")["cameo"] == "020"


def test_a_demand_is_coded_by_the_act_with_a_user_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Russia demanded that Ukraine withdraw its forces from Kursk."
    assert one(text, "10")["cameo"] == "100"
    f = tmp_path / "demands.yaml"
    f.write_text("patterns: []\ndemand_codes: {'087': '1056'}\n", "utf-8")
    monkeypatch.setenv("GEOSIGNAL_EVENT_PATTERNS", str(f))
    e = one(text, "10")
    assert e["cameo"] == "1056" and ids(e["target"]) == ["UKR"], e


def test_an_appeal_is_refined_by_what_it_names_not_by_the_clauses_inside() -> None:
    # "support" inside the clause of the thing asked for is not support asked for.
    got = events("Britain called for measures to build public services that support the elderly.")
    assert [e["cameo"] for e in got if e["cameo"].startswith("02")] == ["020"], got
    # A return to a former state is no release of persons or property.
    assert one("The opposition called for a return to the old constitution.", "02")["cameo"] == "020"
    # A person named in a gibe is no group used as a shield; a misparsed "on standby" is still an alert.
    assert not events("Blair said the Tory leader had used Mr Smith as a human shield.")
    e = one("The Ministry of Defence confirmed British troops are on standby in case of an evacuation.", "15")
    assert e["cameo"] == "152"


def test_bowing_to_demands_and_allowing_protests() -> None:
    assert one("The government bowed to demands for constitutional reform.", "08")["cameo"] == "083"
    e = one("The Georgian president gave in to calls for his resignation.", "08")
    assert e["cameo"] == "0831" and e["source"][0]["country"] == "GEO", e
    e = one("The Chinese authorities permitted a vigil for the victims.", "08")
    assert e["cameo"] == "082" and ids(e["source"]) == ["CHN"], e


def test_a_terrorist_attack_is_unconventional_violence() -> None:
    e = one("The terrorist attack by Hamas on Israel killed 1,200 people.", "18")
    assert e["cameo"] == "180" and ids(e["source"]) == ["hamas"] and ids(e["target"]) == ["ISR"], e
    e = one("Al-Qaeda carried out a terrorist attack on the United States.", "18")
    assert e["cameo"] == "180" and ids(e["target"]) == ["USA"], e
    # An army's attack stays conventional force.
    assert one("Russia launched an attack on Ukraine.", "19")["cameo"] == "190"


def test_telling_is_an_order_only_with_an_act_to_do() -> None:
    e = one("The Chinese foreign minister told Japan to stop its provocations.", "10")
    assert e["cameo"] == "100" and ids(e["target"]) == ["JPN"], e
    # The parser may hang the infinitive on the one told.
    assert one("The Kenyan president is telling the police to find the kidnappers.", "10")["cameo"] == "100"
    # Telling reporters or a broadcaster something is no demand of them.
    for text in (
        "The Iraqi foreign minister told CNN television that Iran was arming the militias.",
        'A US diplomatic source told the Reuters news agency: "The envoy is continuing his mission".',
    ):
        assert not [e for e in events(text) if e["cameo"].startswith("10")], text


def test_a_hyphenated_cease_fire_refines_an_appeal() -> None:
    assert one("Egypt called for a cease-fire in Gaza.", "02")["cameo"] == "0256"


def test_house_arrest_and_a_deadline_given_to_a_party() -> None:
    e = one("Police put three activists under house arrest on Monday.", "17")
    assert e["cameo"] == "173", e
    e = one("Turkey gave Syria 48 hours to withdraw its troops.", "13")
    assert e["cameo"] == "139" and ids(e["source"]) == ["TUR"] and ids(e["target"]) == ["SYR"], e
    # The act the deadline is for is the ultimatum's content, not Turkey's act.
    assert [x["cameo"] for x in events("Israel gave Egypt 48 hours to arrest the smugglers.")] == ["139"]
    assert not [x for x in events("The teacher gave the class two days off.") if x["cameo"] == "139"]


def test_being_on_strike_and_a_state_of_emergency() -> None:
    assert one("Dock workers in Lagos went on strike on Monday.", "14")["cameo"] == "143"
    assert one("Two hundred inmates have been on hunger strike since May.", "14")["cameo"] == "142"
    # "on strike" is where a crowd is, not a strike it launches against someone.
    assert not [e for e in events("The ministers were on holiday in May.") if e["cameo"].startswith("14")]
    e = one("Ecuador lifted the state of emergency in the capital.", "08")
    assert e["cameo"] == "0814" and ids(e["source"]) == ["ECU"], e
    assert one("Peru declared a state of emergency in three provinces.", "17")["cameo"] == "1724"
    # After a disaster (named in the paragraph) it is relief, not coercion.
    flood = "Heavy rain flooded the north for a week. The government declared a state of emergency in five districts."
    assert not [e for e in events(flood) if e["cameo"].startswith("17")]


def test_a_weapon_test_is_a_show_of_force_not_fire_on_anyone() -> None:
    for text in ("Pakistan test-fired a nuclear-capable missile on Saturday.", "India carried out missile tests."):
        e = one(text, "15")
        assert e["cameo"] == "150" and not e["target"], e
        assert not [x for x in events(text) if x["cameo"].startswith("19")]
    assert not events("The hospital conducted a test on the samples.")


def test_exchanges_of_fire_and_of_prisoners_are_reciprocal() -> None:
    e = one("Ethiopia and Eritrea exchanged prisoners of war on Monday.", "08")
    assert e["cameo"] == "0841" and sorted(ids(e["source"])) == sorted(ids(e["target"])) == ["ERI", "ETH"], e
    e = one("Indian troops exchanged fire with Pakistani troops along the border.", "19")
    assert ids(e["source"]) == ["IND"] and ids(e["target"]) == ["PAK"], e


def test_a_call_received_comes_from_the_caller() -> None:
    e = one("The Lebanese president received a telephone call from the Syrian president.", "04")
    countries = [r["country"] for r in e["source"]], [r["country"] for r in e["target"]]
    assert e["cameo"] == "041" and countries == (["SYR"], ["LBN"]), e


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The European Union threatened Belarus with new sanctions.", "1312"),
        ("Pakistan warned India of serious consequences.", "130"),
        ("The rebels vowed revenge against the army.", "138"),
        ("The unions threatened a general strike.", "133"),
        ("China warned that it would use force if Taiwan declared independence.", "138"),
        ("The rebels threatened to pull out of the peace talks.", "134"),
        ("Iran threatened to stop cooperating with the International Atomic Energy Agency.", "1313"),
    ],
)
def test_threats_by_what_is_threatened(text: str, code: str) -> None:
    assert one(text, "13")["cameo"] == code


def test_stopping_an_act_is_reducing_relations_or_de_escalating() -> None:
    e = one("Iran stopped cooperating with the International Atomic Energy Agency.", "16")
    assert e["cameo"] == "160" and e["status"] == "reported", e
    assert one("The army stopped shelling the town.", "08")["cameo"] == "087"
    assert one("The rebels pulled out of the peace talks.", "16")["cameo"] == "164"
    # Stopping others is no act of one's own relations.
    assert not [e for e in events("The clubs want to stop them attending the matches.") if e["cameo"].startswith("16")]


def test_pulling_out_of_a_place_is_a_withdrawal_from_it() -> None:
    e = one("Syria pulled its troops out of Lebanon.", "08")
    assert e["cameo"] == "087" and ids(e["target"]) == ["LBN"], e
    assert one("Ethiopian troops pulled back from the border.", "08")["cameo"] == "0874"
    # Proposals withdrawn are no retreat ("of" inside the object is no "out of").
    assert not events("A peer has withdrawn proposals to give members of the Royal Family more rights.")


@pytest.mark.parametrize(
    ("text", "code", "target"),
    [
        ("The United States froze the assets of the Syrian interior minister.", "163", "SYR"),
        ("The World Bank suspended lending to Uzbekistan.", "1621", "UZB"),
        ("Iran trained Iraqi militia fighters.", "062", "IRQ"),
    ],
)
def test_sanctions_and_military_cooperation(text: str, code: str, target: str) -> None:
    e = one(text, code[:2])
    assert e["cameo"] == code and [r["country"] for r in e["target"]] == [target], e


def test_arms_laid_down_and_people_trained_are_no_mobilisation() -> None:
    assert one("The rebels laid down their arms.", "08")["cameo"] == "0871"
    assert not [
        e for e in events("The bureau called for pilots to be better trained.") if e["cameo"][:2] in ("06", "15")
    ]
    assert one("The police seized his property.", "17")["cameo"] == "1711"  # a seizure, not a sanction
