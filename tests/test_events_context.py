"""Event context on made-up sentences: dates carried through a paragraph, roles held on the event's
date, habits, the direction of provisions, generic actors with their sector, abbreviations."""

from __future__ import annotations

from typing import Any

import pytest

import geosignal
from geosignal.errors import UsageError
from geosignal.events.patterns import read_patterns

pytestmark = pytest.mark.model

PUB = "2024-03-15"


def analysis(text: str) -> dict[str, Any]:
    out: dict[str, Any] = geosignal.analyze(text, published=PUB).to_dict()
    return out


def ids(refs: list[dict[str, Any]]) -> list[str]:
    return [r["actor"] for r in refs]


def with_root(a: dict[str, Any], root: str) -> list[dict[str, Any]]:
    return [e for e in a["events"] if e["cameo"].startswith(root)]


def test_role_descriptor_in_a_historical_paragraph_is_the_holder_of_that_time() -> None:
    text = "In March 1960, the talks took place in Moscow. The North Korean leader then visited Beijing."
    got = with_root(analysis(text), "042")
    assert len(got) == 1
    src = got[0]["source"]
    assert "kim-jong-un" not in ids(src)
    assert ids(src) == ["kim-il-sung"] or {r["country"] for r in src} == {"PRK"}
    assert got[0]["date"]["value"] == "1960-03" and got[0]["date"]["historical"] is True


def test_role_descriptor_without_a_date_is_the_present_holder() -> None:
    got = with_root(analysis("The North Korean leader visited Beijing."), "042")
    assert len(got) == 1 and ids(got[0]["source"]) == ["kim-jong-un"]


def test_date_carried_from_the_paragraph_says_so() -> None:
    text = "In September 1953, Chile and Peru fought a short war. Then Chile visited Bolivia."
    a = analysis(text)
    visit = with_root(a, "042")
    assert len(visit) == 1
    assert visit[0]["date"]["value"] == "1953-09" and visit[0]["date"]["scope"] == "paragraph"
    war = [e for e in a["events"] if e["trigger"]["text"] == "fought"]
    assert war and war[0]["date"]["scope"] == "sentence"


def test_date_is_not_carried_across_paragraphs() -> None:
    text = "In September 1953, Chile and Peru fought a short war.\n\nChile visited Bolivia."
    visit = with_root(analysis(text), "042")
    assert len(visit) == 1 and visit[0]["date"]["basis"] == "publication"
    assert "scope" not in visit[0]["date"]


@pytest.mark.parametrize(
    "text",
    [
        "It has become a tradition for Chilean presidents to visit Peru.",
        "Chile usually holds talks with Peru.",
        "Chile used to visit Peru.",
    ],
)
def test_habits_are_marked_and_not_dated_to_publication(text: str) -> None:
    got = with_root(analysis(text), "04")
    assert got, text
    for e in got:
        assert e["habitual"] is True
        assert e["date"]["value"] is None and e["date"]["basis"] == "unknown"


def test_one_act_is_not_habitual() -> None:
    got = with_root(analysis("Chile visited Peru on Monday."), "042")
    assert len(got) == 1 and "habitual" not in got[0] and got[0]["date"]["basis"] == "relative"
    # "used" with an object is a means, not "used to": the act has its day.
    got = with_root(analysis("Chilean police used tear gas to disperse protesters in Lima."), "17")
    assert got and all("habitual" not in e and e["date"]["value"] for e in got), got


def test_received_weapons_go_from_the_giver_to_the_receiver() -> None:
    got = with_root(analysis("Ukraine received artillery shells from Poland."), "07")
    assert len(got) == 1
    assert ids(got[0]["source"]) == ["POL"] and ids(got[0]["target"]) == ["UKR"]


def test_things_are_not_hosted() -> None:
    # The parser hangs "the Americans" on "shells": shells that are received are not a visit.
    a = analysis(
        "Seoul handed over to the Americans 500 thousand shells that could be received by the Armed Forces of Ukraine."
    )
    assert not with_root(a, "043")
    aid = with_root(a, "07")
    assert aid and ids(aid[0]["target"]) == ["USA"]


def test_generic_people_of_a_state_keep_their_sector() -> None:
    got = with_root(analysis("Georgian demonstrators received weapons from the Georgian government."), "07")
    assert len(got) == 1
    assert ids(got[0]["source"]) == ["GEO"]
    tgt = got[0]["target"]
    assert len(tgt) == 1 and tgt[0]["country"] == "GEO" and tgt[0]["sector"] == "CVL"


@pytest.mark.parametrize(
    ("text", "actor"), [("The U.S. condemned Israel.", "USA"), ("The U.N. condemned Israel.", "un")]
)
def test_dotted_abbreviations_resolve(text: str, actor: str) -> None:
    got = with_root(analysis(text), "11")
    assert len(got) == 1 and ids(got[0]["source"]) == [actor]


def test_must_in_a_statement_is_a_demand() -> None:
    got = with_root(analysis("Japan declared on Tuesday that China must drop its barriers to trade."), "10")
    assert len(got) == 1 and ids(got[0]["source"]) == ["JPN"] and ids(got[0]["target"]) == ["CHN"]


def test_threat_without_a_coded_act_targets_the_place_named() -> None:
    got = with_root(analysis("Hamas threatened to resume its activities in Egypt."), "13")
    assert len(got) == 1 and ids(got[0]["target"]) == ["EGY"]


def test_threatened_act_is_coded_once() -> None:
    got = with_root(analysis("Azerbaijan threatened to break relations with Russia."), "13")
    assert len(got) == 1 and ids(got[0]["target"]) == ["RUS"]


def test_on_alert_pattern_reads_its_preposition() -> None:
    got = with_root(analysis("Israeli troops remained on alert near the border with Lebanon."), "15")
    assert got and got[0]["cameo"] == "152"


def test_unquoted_on_in_a_user_pattern_is_the_word_and_true_is_an_error() -> None:
    # YAML 1.1 would read a bare on/off/yes/no as a boolean; the data files are read with YAML
    # 1.2's booleans, so "on" is the preposition, and a real boolean in a word list is refused.
    (p,), _note = read_patterns("patterns:\n  - {id: x, lemma: [stay], prep: [on], code: '152', source: [subj]}\n", "u")
    assert p.prep == frozenset({"on"})
    with pytest.raises(UsageError, match="boolean"):
        read_patterns("patterns:\n  - {id: x, lemma: [stay], prep: [true], code: '152', source: [subj]}\n", "u")


def test_offer_yields_to_the_act_it_announces() -> None:
    a = analysis("Russia offered to negotiate with Armenia.")
    assert len(a["events"]) == 1
    e = a["events"][0]
    assert e["trigger"]["text"] == "negotiate" and e["cameo"].startswith("03")
    assert ids(e["source"]) == ["RUS"] and ids(e["target"]) == ["ARM"]


def test_pronoun_it_is_the_speaker_of_the_clause() -> None:
    got = with_root(analysis("Syria says it is willing to withdraw its troops from Lebanon."), "03")
    assert len(got) == 1 and ids(got[0]["source"]) == ["SYR"] and ids(got[0]["target"]) == ["LBN"]


def test_a_state_after_in_is_a_place_of_the_palestinian_territories() -> None:
    got = with_root(analysis("Israeli troops remained on alert in the occupied West Bank."), "15")
    assert got and ids(got[0]["target"]) == ["PSE"]


def test_a_later_mention_dates_an_undated_event() -> None:
    text = (
        "The war ended with a truce agreement, which was signed by the Soviet Union and Finland.\n\n"
        "In March 1950, ten months before the signing of the agreement, talks between Chile and Bolivia took place."
    )
    got = with_root(analysis(text), "057")
    assert len(got) == 1
    e = got[0]
    # Undated where it is told (a state of the past: historical, no publication date), it takes
    # the date its later mention gives: ten months after March 1950.
    assert ids(e["source"])[:1] == ["SUN"]
    assert e["date"]["value"] == "1951-01" and e["date"]["historical"] is True
    assert e["date"]["scope"] == "mention" and len(e["mentions"]) == 2


def test_a_mention_of_another_thing_does_not_date_an_event() -> None:
    text = (
        "The war ended with a truce agreement, which was signed by the Soviet Union and Finland.\n\n"
        "In March 1950, ten months before the signing of the treaty, talks between Chile and Bolivia took place."
    )
    got = with_root(analysis(text), "057")
    assert len(got) == 1 and got[0]["date"]["value"] is None and len(got[0]["mentions"]) == 1


def test_a_promised_act_on_a_condition_is_a_threat() -> None:
    got = with_root(
        analysis("Nigeria announced that it will withdraw its force from Chad unless Chad holds elections."), "13"
    )
    assert len(got) == 1 and ids(got[0]["source"]) == ["NGA"] and ids(got[0]["target"]) == ["TCD"]
    plain = analysis("Nigeria announced that it will withdraw its force from Chad.")
    assert not with_root(plain, "13") and with_root(plain, "03")


def test_a_visited_city_and_a_where_clause_give_the_place() -> None:
    a = analysis("Turkey's foreign minister visited Cairo last week, where he met the Egyptian president.")
    visit, meeting = with_root(a, "042"), with_root(a, "040")
    assert visit and meeting
    for e in (visit[0], meeting[0]):
        loc = e["location"]
        assert loc["name"] == "Cairo" and loc["country"] == "EGY" and loc["lat"] is not None
    # A capital standing for its state in other acts is no place.
    assert with_root(analysis("Washington accused Moscow of lying."), "11")[0]["location"] is None


def test_a_refused_act_the_table_does_not_code_is_a_rejection_of_its_party() -> None:
    got = analysis("Iran refused to notify the IAEA of its new centrifuges.")["events"]
    assert [(e["cameo"], e["status"], ids(e["source"]), e["target"][0]["sector"]) for e in got] == [
        ("120", "reported", ["IRN"], "IGO")
    ]
    # A refused act that is coded keeps its own rejection code; a refusal with no party is none.
    assert [e["cameo"] for e in analysis("Hungary refused to send weapons to Ukraine.")["events"]] == ["121"]
    assert analysis("The minister declined to comment on the report.")["events"] == []


@pytest.mark.parametrize(
    ("text", "actor", "country"),
    [
        ("Russia condemned an attack by Hamas fighters in south Israel on Thursday.", "hamas", "PSE"),
        ("Russia condemned an attack by Israel soldiers in south Lebanon on Thursday.", None, "ISR"),
    ],
)
def test_the_doer_of_a_condemned_act_is_the_target_not_its_place(text: str, actor: str | None, country: str) -> None:
    (e,) = with_root(analysis(text), "11")
    [target] = e["target"]
    assert (target["actor"], target["country"]) == (actor or target["actor"], country)
