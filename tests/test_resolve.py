"""Actor resolution on real and made-up text, with the real model."""

from __future__ import annotations

from typing import Any

import pytest

import geosignal

pytestmark = pytest.mark.model


def _at(d: dict[str, Any], phrase: str, nth: int = 0) -> tuple[str, str | None, str] | None:
    """The (actor id, country, kind) of the mention starting where ``phrase`` occurs (nth time)."""
    text = d["document"]["text"]
    pos = -1
    for _ in range(nth + 1):
        pos = text.index(phrase, pos + 1)
    for a in d["actors"]:
        for m in a["mentions"]:
            if m["start"] <= pos < m["end"] or pos <= m["start"] < pos + len(phrase):
                return a["id"], a["country"], m["kind"]
    return None


def _analyse(text: str, published: str = "2023-11-29") -> dict[str, Any]:
    d = geosignal.analyze(text, published=published).to_dict()
    assert geosignal.validate(d) == []
    for a in d["actors"]:
        for m in a["mentions"]:
            assert d["document"]["text"][m["start"] : m["end"]] == m["text"]
    return d


def test_sample_key_mentions(sample_analysis: dict[str, Any]) -> None:
    d = sample_analysis
    assert geosignal.validate(d) == []
    assert _at(d, "Pyongyang recognized") == ("PRK", "PRK", "metonym")
    assert _at(d, "Pyongyang said") == ("PRK", "PRK", "metonym")
    assert _at(d, "Washington and Seoul")[:2] == ("USA", "USA")  # type: ignore[index]
    assert _at(d, "Seoul of escalating")[:2] == ("KOR", "KOR")  # type: ignore[index]
    # The Washington Declaration is a document, not the US government.
    wd = d["document"]["text"].index("Washington Declaration")
    assert all(not (m["start"] <= wd < m["end"]) for a in d["actors"] if a["id"] == "USA" for m in a["mentions"])
    # "in Pyongyang" is a place.
    assert _at(d, "Pyongyang held in honor") is None
    shoigu = {m["text"] for a in d["actors"] if a["id"] == "sergei-shoigu" for m in a["mentions"]}
    assert {"Sergei Shoigu", "the head of the Russian Defense Ministry", "the Russian minister"} <= shoigu
    putin = next(a for a in d["actors"] if a["id"] == "vladimir-putin")
    assert any(
        m["kind"] == "descriptor" and "President of the Russian Federation" in m["text"] for m in putin["mentions"]
    )
    assert putin["country"] == "RUS" and putin["role"]
    assert _at(d, "Kim Yo Jong")[:2] == ("kim-yo-jong", "PRK")  # type: ignore[index]
    kang = _at(d, "Kang Song Nam")
    assert kang is not None and kang[1] == "PRK"
    assert d["document"]["outlet"] == "The Moscow Post"


def test_sample_unknown_people_keep_their_country(sample_analysis: dict[str, Any]) -> None:
    patel = _at(sample_analysis, "Vedant Patel")
    assert patel is not None and patel[1] == "USA"


def test_capital_as_actor_or_place() -> None:
    d = _analyse(
        "Moscow and Beijing urged Washington to stop. The envoy later flew back to Moscow for talks in Beijing."
    )
    assert _at(d, "Moscow and")[:3] == ("RUS", "RUS", "metonym")  # type: ignore[index]
    assert _at(d, "Beijing urged")[:2] == ("CHN", "CHN")  # type: ignore[index]
    assert _at(d, "Washington to")[:2] == ("USA", "USA")  # type: ignore[index]
    assert _at(d, "Moscow for") is None
    assert _at(d, "Beijing.") is None


def test_descriptors_resolve_through_dated_roles() -> None:
    text = "The French president met the German chancellor. The head of the Russian Foreign Ministry was absent."
    d20 = _analyse(text, published="2020-06-01")
    assert _at(d20, "The French president")[0] == "emmanuel-macron"  # type: ignore[index]
    assert _at(d20, "the German chancellor")[0] == "angela-merkel"  # type: ignore[index]
    assert _at(d20, "The head of the Russian")[0] == "sergey-lavrov"  # type: ignore[index]
    d23 = _analyse(text, published="2023-06-01")
    assert _at(d23, "the German chancellor")[0] == "olaf-scholz"  # type: ignore[index]


def test_short_names_pronouns_and_unknown_people() -> None:
    d = _analyse(
        "Jorge Velasquez, a senior adviser to the Peruvian government, met Chinese officials on Monday. "
        "Velasquez said he expected a deal."
    )
    who = _at(d, "Jorge Velasquez")
    assert who is not None and who[1] == "PER"
    assert _at(d, "Velasquez said")[0] == who[0]  # type: ignore[index]
    assert _at(d, "he expected")[0] == who[0]  # type: ignore[index]
    assert _at(d, "Chinese officials")[:2] == ("CHN", "CHN")  # type: ignore[index]


def test_demonyms_only_for_groups() -> None:
    d = _analyse("Russian troops entered the town. The Russian gauge differs. Americans voted.")
    assert _at(d, "Russian troops")[1] == "RUS"  # type: ignore[index]  # the state or its armed forces
    assert _at(d, "Russian gauge") is None
    assert _at(d, "Americans")[:2] == ("USA", "USA")  # type: ignore[index]


def test_a_people_takes_the_state_named_before_it() -> None:
    d = _analyse(
        "Bosnian Serbs shelled the town. Serbs marched in Belgrade. Kosovo Albanians voted. "
        "Kosovo Serbs clashed with troops. Chinese Americans voted. The Bosnian Serb leader Radovan Karadzic spoke.",
        published="2001-06-01",
    )
    assert _at(d, "Bosnian Serbs")[1] == "BIH"  # type: ignore[index]
    assert _at(d, "Serbs marched")[1] == "SRB"  # type: ignore[index]  # no qualifier: the kin state
    assert _at(d, "Kosovo Albanians")[1] == "XKX"  # type: ignore[index]  # a state's name before any people
    assert _at(d, "Kosovo Serbs")[1] == "XKX"  # type: ignore[index]  # (spaCy reads it as a person's name)
    assert _at(d, "Chinese Americans")[1] == "USA"  # type: ignore[index]  # a demonym before a nation: its citizens
    assert _at(d, "Radovan Karadzic")[1] == "BIH"  # type: ignore[index]


def test_misspelled_names_match_fuzzily() -> None:
    d = _analyse("Sergey Shoygu and Antony Blinkin spoke by phone.")
    assert _at(d, "Sergey Shoygu")[0] == "sergei-shoigu"  # type: ignore[index]
    assert _at(d, "Antony Blinkin")[0] == "antony-blinken"  # type: ignore[index]


def test_non_english_document_gets_a_warning_and_no_crash() -> None:
    a = geosignal.analyze(
        "Le ministre russe de la Défense est arrivé à Pyongyang pour une visite officielle de trois jours, "
        "a annoncé l'agence de presse nord-coréenne."
    )
    assert a.document.language == "fr"
    assert a.warnings and "not English" in a.warnings[0]
    assert geosignal.validate(a.to_dict()) == []


def test_stance_prefixes_are_not_the_state() -> None:
    d = _analyse("Pro-Russia rebels shelled the town. Russia denied it.", published="2014-07-17")
    pos = d["document"]["text"].index("Russia rebels")
    assert all(m["start"] != pos for a in d["actors"] if a["id"] == "RUS" for m in a["mentions"])
    assert _at(d, "Russia denied")[:2] == ("RUS", "RUS")  # type: ignore[index]


def test_a_state_name_inside_a_personal_name_is_the_person() -> None:
    d = _analyse("Police Chief Chuck Jordan said the man was released. Jordan criticized Israel.")
    who = _at(d, "Chuck Jordan")
    assert who is not None and who[0] != "JOR" and who[2] == "name"
    assert _at(d, "Jordan criticized")[:2] == ("JOR", "JOR")  # type: ignore[index]


def test_a_surname_in_lower_case_is_still_the_person() -> None:
    d = _analyse("President obama met putin in Moscow.", published="2015-06-18")
    assert _at(d, "obama")[:2] == ("barack-obama", "USA")  # type: ignore[index]
    assert _at(d, "putin")[:2] == ("vladimir-putin", "RUS")  # type: ignore[index]
    # A lower-case common noun that is also a surname is not the person (the parser reads it
    # as a noun; spaCy's entity may still leave it as unknown text).
    d = _analyse("Firefighters fought bush fires near Sydney.", published="2005-06-18")
    who = _at(d, "bush")
    assert who is None or who[0].startswith("text:"), who


def test_an_institution_in_lower_case_takes_the_state_beside_it() -> None:
    d = _analyse("Russia's defence ministry said the drills ended. The Chinese foreign ministry agreed.")
    assert _at(d, "defence ministry")[:2] == ("rus-defense-ministry", "RUS")  # type: ignore[index]
    assert _at(d, "foreign ministry")[:2] == ("chn-foreign-ministry", "CHN")  # type: ignore[index]


def test_a_generic_name_is_no_misspelling_of_a_longer_one() -> None:
    from geosignal.kb import load_kb

    kb = load_kb()
    # "UK Defence Ministry" is an alias; the same words without "UK" name no one in particular.
    assert kb.fuzzy("defence ministry") is None
    found = kb.fuzzy("Sergey Shoygu", types=["person"])
    assert found is not None and found.id == "sergei-shoigu"


def test_a_large_town_the_model_left_untyped_is_a_place_of_its_state() -> None:
    # The small model tags many towns as nothing; the gazetteer knows the large ones.
    ev = [e for e in geosignal.analyze("Government troops seized Aleppo from the rebels.").to_dict()["events"]]
    assert any(t["actor"] == "SYR" for e in ev for t in e["target"]), ev
    assert any((e["location"] or {}).get("country") == "SYR" for e in ev), ev
    # A surname of the document's people is no town, and neither is a lone name as a subject.
    ev = geosignal.analyze("Reporters met Tom Jackson on Monday. Police later arrested Jackson in Leeds.").to_dict()
    assert not any(t["actor"] == "USA" for e in ev["events"] for t in e["target"]), ev["events"]


def test_a_surname_inside_a_place_or_body_name_is_not_the_person() -> None:
    d = _analyse("Karen White said the boy was missing. Bombers hit the White Mountains near Jalalabad.")
    who = _at(d, "White Mountains")
    assert who is None or who[0] != "person:karen-white", who


def test_a_leaders_administration_is_the_state_whichever_leader_of_that_name() -> None:
    # No Bush was in office in 2000, and the KB knows two: both heads of the United States.
    d = _analyse("The Bush administration imposed sanctions on Iran.", published="2000-01-01")
    assert _at(d, "Bush administration")[:2] == ("USA", "USA")  # type: ignore[index]
    d = _analyse("The Blair government criticised Zimbabwe.", published="2000-01-01")
    assert _at(d, "Blair government")[:2] == ("GBR", "GBR")  # type: ignore[index]


def test_a_subject_pronoun_below_a_persons_clause_is_that_person() -> None:
    d = _analyse(
        "Tony Blair has dismissed reports he told Gordon Brown he would quit before the election.",
        published="2005-03-01",
    )
    assert _at(d, "he told")[0] == "tony-blair"  # type: ignore[index]
    assert _at(d, "he would")[0] == "tony-blair"  # type: ignore[index]
    # Not across a relative clause, and "she" is no man.
    d = _analyse("Vladimir Putin met Angela Merkel, who said she would visit Moscow.", published="2015-03-01")
    assert _at(d, "she would")[0] == "angela-merkel"  # type: ignore[index]


def test_a_party_name_inside_a_longer_body_name_is_not_the_party() -> None:
    d = _analyse("The International Labor Office reiterated its demand that Israel ease restrictions.", "2001-12-01")
    assert all(not a["id"].endswith("labor") and "labour" not in a["id"] for a in d["actors"]), d["actors"]
    d = _analyse("Labor leader Simon Crean attacked the Government.", "2001-12-01")
    assert _at(d, "Labor")[0] == "aus-labor"  # type: ignore[index]


def test_a_name_after_a_title_it_shares_a_word_with_is_the_person_not_the_later_holder() -> None:
    # "Jordan's King" alone names the king on the day of writing; with the KB's "King Hussein" it
    # is Hussein, even when the article is dated after his reign.
    d = _analyse("Mubarak promised Jordan's King Hussein that Egypt would back his plan.", published="2005-01-01")
    assert _at(d, "Jordan's King")[:2] == ("hussein-of-jordan", "JOR"), d["actors"]  # type: ignore[index]
    later = _analyse("Jordan's King met Mubarak.", published="2005-01-01")
    assert _at(later, "Jordan's King")[0] == "king-abdullah-ii"  # type: ignore[index]


def test_a_deposed_or_ousted_holders_title_names_no_one_in_office() -> None:
    # In January 2014 Egypt's president was Adly Mansour; "the deposed president" was Morsi.
    for word in ("deposed", "ousted"):
        text = f"The {word} Egyptian president appeared in court."
        assert not [a for a in _analyse(text, published="2014-01-01")["actors"] if a["type"] == "person"], text


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("Shining Path guerrillas ambushed an army patrol.", "Shining Path", ("shining-path", "PER")),
        ("Renamo rebels attacked a train.", "Renamo", ("renamo", "MOZ")),
        ("The Contras ambushed a convoy.", "Contras", ("contras", "NIC")),
        ("The ANC called for a general strike.", "ANC", ("anc", "ZAF")),
        ("The EPLF captured Massawa.", "EPLF", ("eplf", "ERI")),
    ],
)
def test_movements_older_news_names_are_known_with_their_state(
    text: str, phrase: str, expected: tuple[str, str]
) -> None:
    got = _at(_analyse(text, published="1988-06-01"), phrase)
    assert got is not None and got[:2] == expected, got
