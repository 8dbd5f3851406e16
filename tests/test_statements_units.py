"""Statements on made-up sentences, with the real model."""

from __future__ import annotations

from typing import Any

import pytest

import geosignal
from geosignal.model import Actor, Analysis, Mention, RawDocument
from geosignal.statements.quotes import find_quotes

pytestmark = pytest.mark.model


def _run(text: str) -> dict[str, Any]:
    # analyze_documents skips the ingest cleaning, which may drop very short made-up texts.
    (result,) = geosignal.analyze_documents([RawDocument(text=text, language="en", published="2023-11-29")])
    assert isinstance(result, Analysis)
    return result.to_dict()


def _analyse(text: str) -> dict[str, Any]:
    d = _run(text)
    assert geosignal.validate(d) == []
    for s in d["statements"]:
        for key in ("content", "evidence"):
            span = s[key]
            assert d["document"]["text"][span["start"] : span["end"]] == span["text"]
    return d


def _by_content(d: dict[str, Any], words: str) -> dict[str, Any]:
    return next(s for s in d["statements"] if words in s["content"]["text"])


def test_quote_before_cue() -> None:
    d = _analyse('"We will not give up," the minister said on Monday.')
    s = _by_content(d, "We will not give up")
    assert s["direct"] is True and s["cue"]["text"] == "said"
    assert "minister" in s["speaker"]["mention"]["text"]


def test_quote_after_cue_and_split_quote() -> None:
    d = _analyse('The spokesman said: "Talks are over." "This plan," he continued, "is dead."')
    assert _by_content(d, "Talks are over")["direct"]
    first, second = _by_content(d, "This plan"), _by_content(d, "is dead")
    assert first["speaker"]["actor"] == second["speaker"]["actor"]


def test_reported_speech_and_unnamed_speaker() -> None:
    d = _analyse("In Tokyo, officials said they were analyzing the launches.")
    s = _by_content(d, "analyzing the launches")
    assert s["direct"] is False
    assert s["speaker"]["name"] == "officials" and s["speaker"]["sector"] == "GOV"


def test_a_kind_of_group_speaks_itself_a_group_of_people_through_them() -> None:
    d = _analyse("The forces were accused by rights groups of bombing villages. A group of experts said it would fail.")
    assert _by_content(d, "The forces")["speaker"]["name"] == "rights groups"
    assert _by_content(d, "it would fail")["speaker"]["name"] == "experts"


def test_according_to() -> None:
    d = _analyse("According to the ministry, the troops left the border area on Sunday.")
    s = _by_content(d, "the troops left")
    assert s["cue"]["text"] == "According to"


def test_scare_quotes_are_not_statements() -> None:
    d = _analyse('Korea has always been the "east pole" of contact with Japan.')
    assert d["statements"] == []


def test_unbalanced_quotes_do_not_crash() -> None:
    d = _analyse('He said "this is odd. And the "second one never closes\n\n“Curly” and ”reversed“ marks.')
    assert isinstance(d["statements"], list)


def test_find_quotes_handles_marks() -> None:
    text = 'A "straight" and “curly “nested” one” and «guillemets» and "open'
    got = [text[q.start : q.end] for q in find_quotes(text)]
    assert got == ["straight", "curly “nested” one", "guillemets", "open"]


def test_cue_set_off_by_commas_inside_the_sentence() -> None:
    d = _analyse("The new harbour, the mayor said, will open to ships in the spring.")
    s = _by_content(d, "will open to ships")
    assert s["cue"]["text"] == "said" and "mayor" in s["speaker"]["mention"]["text"]
    assert "the mayor said" not in s["content"]["text"]


def test_clause_hung_as_adverbial_after_said() -> None:
    d = _analyse("The senator said after the hearing she would not back the treaty.")
    s = _by_content(d, "would not back the treaty")
    assert s["speaker"]["mention"]["text"].endswith("senator")


def test_quantity_words_speak_for_a_group() -> None:
    d = _analyse("Many of the farmers believe the new tariffs are unfair.")
    s = _by_content(d, "tariffs are unfair")
    assert s["speaker"]["mention"]["text"] == "Many of the farmers"


def test_speech_verb_with_a_named_object() -> None:
    d = _analyse("The union of dock workers endorsed Gomez on Friday.")
    assert _by_content(d, "Gomez")["cue"]["text"] == "endorsed"


def test_it_speaks_only_with_a_speech_verb_and_a_clause() -> None:
    d = _analyse("The council sent a letter on Monday. It says the company broke the lease.")
    assert _by_content(d, "the company broke the lease")["speaker"]["mention"]["text"] == "It"
    d = _analyse("It rained on Monday and it seems the river rose.")
    assert d["statements"] == []


def _kinds(d: dict[str, Any]) -> dict[str, str | None]:
    return {s["content"]["text"]: s["speaker"].get("kind") for s in d["statements"]}


def test_a_text_with_no_issuer_is_no_actor() -> None:
    d = _analyse("The statement said the border crossings would stay closed.")
    s = _by_content(d, "border crossings")
    assert s["speaker"]["kind"] == "document" and s["speaker"]["mention"]["text"] == "statement"
    assert all(a["id"] != s["speaker"]["actor"] for a in d["actors"])
    assert not any("statement" in a["name"].lower() for a in d["actors"])


def test_a_text_speaks_for_its_issuer() -> None:
    d = _analyse("The harbour authority published a report on Monday. The report said the cranes were unsafe.")
    s = _by_content(d, "cranes were unsafe")
    assert "kind" not in s["speaker"]
    actor = next(a for a in d["actors"] if a["id"] == s["speaker"]["actor"])
    assert "authority" in actor["name"]


def test_role_groups_and_bare_pronouns_are_not_actors() -> None:
    # "discussed" is no statement (speech or writing acts only): the pronoun speaks with "said".
    d = _analyse("The parties confirmed their wish for closer ties. We said the loans were safe as well.")
    kinds = set(_kinds(d).values())
    assert {"group", "pronoun"} <= kinds
    assert not any(a["id"].startswith("unnamed:") for a in d["actors"])


def test_an_event_that_suggests_is_no_speaker() -> None:
    d = _analyse("The envoy's visit to the capital suggests that the two sides are close to a deal.")
    assert d["statements"] == []


def test_by_saying_hangs_on_the_verb_before_it() -> None:
    d = _analyse("The governor answered the critics on Tuesday by saying the dam was safe.")
    s = _by_content(d, "the dam was safe")
    assert s["speaker"]["mention"]["text"].endswith("governor")


def test_passive_with_its_agent() -> None:
    d = _analyse("The ceasefire plan was welcomed by the foreign ministry on Friday.")
    s = _by_content(d, "ceasefire plan")
    assert "ministry" in s["speaker"]["mention"]["text"]


def test_a_negated_cue_with_no_clause_says_nothing() -> None:
    d = _analyse("The ministry did not respond to requests for comment on Friday.")
    assert d["statements"] == []
    d = _analyse("The minister did not say that the talks had failed.")
    assert _by_content(d, "the talks had failed")["cue"]["text"] == "say"


@pytest.mark.model
def test_a_place_alone_is_no_statement_content() -> None:
    # "attack" is a speech verb ("attacked the plan"), but a lone state or place as its object is an act.
    d = _analyse("Why would Canada attack Mexico? The senator endorsed Gomez.")
    assert [s["content"]["text"] for s in d["statements"]] == ["Gomez"]


def test_quoted_show_title_is_not_the_quote() -> None:
    # A quoted programme name after a speech verb is the addressee, not what was said.
    d = _analyse('The senator told NBC\'s "Meet the Press" that nobody would question the deal.')
    assert all("Meet the Press" not in s["content"]["text"] for s in d["statements"])
    s = _by_content(d, "nobody would question")
    assert s["cue"]["text"] == "told" and "senator" in s["speaker"]["mention"]["text"]


def test_title_case_quote_in_a_headline_is_still_a_quote() -> None:
    d = _analyse("Warren Grills Bank Chief: 'You Should Be Investigated.'\n\nThe hearing lasted an hour.")
    assert any("You Should Be Investigated" in s["content"]["text"] for s in d["statements"])


def test_capitalised_word_after_a_quote_is_part_of_the_speaker() -> None:
    d = _analyse("\u201cWe will achieve justice in this case,\u201d Tulsa police Chief Chuck Jordan said Monday.")
    s = _by_content(d, "We will achieve justice")
    assert s["direct"] is True and s["content"]["text"].rstrip(",") == "We will achieve justice in this case"
    assert "Jordan" in s["speaker"]["mention"]["text"]


def test_clause_after_the_verb_wins_over_one_before_a_semicolon() -> None:
    d = _analyse("It is an unlikely scenario; the senator's team says she will return to the campaign this week.")
    s = next(s for s in d["statements"] if s["cue"] and s["cue"]["text"] == "says")
    assert "return to the campaign" in s["content"]["text"]
    assert "unlikely scenario" not in s["content"]["text"]


def test_that_clause_hung_on_the_addressee() -> None:
    d = _analyse("In Honolulu, he told a meeting of island leaders that few people understood the stakes of the war.")
    s = _by_content(d, "few people understood")
    assert s["cue"]["text"] == "told"


def test_speech_noun_speaker_from_a_from_phrase() -> None:
    d = _analyse(
        "The vote took place despite repeated warnings from his lawyer Abbe Lowell that the hearing was fruitless."
    )
    s = _by_content(d, "the hearing was fruitless")
    assert s["cue"]["text"] == "warnings" and "Lowell" in s["speaker"]["name"]


def test_purpose_infinitive_takes_the_main_subject() -> None:
    d = _analyse("The minister went on a tour to talk with police chiefs about ways to mend relations.")
    s = _by_content(d, "ways to mend relations")
    assert "minister" in s["speaker"]["mention"]["text"]


def test_agentless_passive_keeps_an_unstated_speaker() -> None:
    d = _analyse("Peacekeepers were accused of hurting the civilians they were sent to protect. He was born in Ohio.")
    s = _by_content(d, "hurting the civilians")
    assert s["speaker"]["kind"] == "unstated" and s["cue"]["text"] == "accused"
    assert all(a["id"] != s["speaker"]["actor"] for a in d["actors"])
    # A passive that reports no speech is no statement.
    assert not any("Ohio" in x["content"]["text"] for x in d["statements"])


def test_polls_and_recordings_show_their_object() -> None:
    d = _analyse("Polls show a close contest in the state. The senator showed his badge to the guard.")
    s = _by_content(d, "a close contest")
    assert s["cue"]["text"] == "show" and s["speaker"]["name"] == "Polls"
    # A person showing a thing says nothing.
    assert not any("badge" in x["content"]["text"] for x in d["statements"])


def test_nested_thought_of_the_same_speaker_is_kept() -> None:
    d = _analyse("Senator Bernie Sanders said he wants to abolish four provisions in the tax code.")
    cues = {s["cue"]["text"] for s in d["statements"] if s["cue"]}
    assert {"said", "wants"} <= cues
    outer = next(s for s in d["statements"] if s["cue"] and s["cue"]["text"] == "said")
    inner = next(s for s in d["statements"] if s["cue"] and s["cue"]["text"] == "wants")
    assert inner["speaker"]["actor"] == outer["speaker"]["actor"]


def test_nested_claim_of_another_speaker_belongs_to_the_outer_statement() -> None:
    d = _analyse("Senator Bernie Sanders said the governor wants to abolish four provisions in the tax code.")
    assert [s["cue"]["text"] for s in d["statements"] if s["cue"]] == ["said"]


def test_time_words_are_no_speakers() -> None:
    d = _analyse("\u201cWe will achieve justice in this case,\u201d said Monday the police chief.")
    assert all(s["speaker"]["name"] != "Monday" for s in d["statements"])


def test_name_before_a_subjectless_speech_verb() -> None:
    # The parser hangs the name on the prepositional phrase before it; the name still speaks.
    d = _analyse(
        "In a March 2016 meeting with the editorial board of the Washington Post Trump said that "
        "U.S. involvement in NATO may need to be diminished."
    )
    s = _by_content(d, "involvement in NATO")
    assert s["speaker"]["mention"]["text"] == "Trump"


# -- speech or writing acts only --------------------------------------------------------------


def _cues(d: dict[str, Any]) -> list[str]:
    return [(s.get("cue") or {}).get("text", "").lower() for s in d["statements"]]


def test_unveiling_and_discussing_are_not_statements() -> None:
    d = _analyse(
        "The navy unveiled a new fleet doctrine on Friday. "
        "Ministers discussed the fishing quota with their Norwegian colleagues in Oslo."
    )
    assert "unveiled" not in _cues(d) and "discussed" not in _cues(d)
    assert d["statements"] == []


def test_a_plan_or_strategy_does_not_speak() -> None:
    d = _analyse(
        "The cabinet adopted a budget strategy that emphasized cuts to regional subsidies. "
        "The finance ministry emphasized that pensions would not be touched."
    )
    assert not any("regional subsidies" in s["content"]["text"] for s in d["statements"])
    s = _by_content(d, "pensions would not be touched")
    assert s["cue"]["text"] == "emphasized"


def test_plans_and_intentions_are_not_statements_but_announcements_are() -> None:
    d = _analyse("Norway announced plans to double its coast guard. The government intends to buy six ships.")
    cues = _cues(d)
    assert "announced" in cues
    assert "intends" not in cues and "plans" not in cues
    assert not any("buy six ships" in s["content"]["text"] for s in d["statements"])


def test_agency_named_in_transliteration_is_the_kb_outlet() -> None:
    d = _analyse("The Ryonhap agency reported that two fishing boats had been seized near the border.")
    s = _by_content(d, "fishing boats")
    assert s["speaker"]["actor"] == "yonhap"
    assert not any(a["id"].startswith("unnamed:") and "ryonhap" in a["id"] for a in d["actors"])


# -- constructions ------------------------------------------------------------------------


def test_according_to_at_the_start_keeps_its_content() -> None:
    d = _analyse("According to veteran harbour pilot Jonas Berg, the channel is too shallow for tankers.")
    s = _by_content(d, "too shallow for tankers")
    assert "Berg" in s["speaker"]["mention"]["text"]
    assert "According" not in s["content"]["text"]


def test_as_x_put_it() -> None:
    d = _analyse("The reform is a tax on the poor, as the head of the dockers' union put it.")
    s = _by_content(d, "a tax on the poor")
    assert "head" in s["speaker"]["mention"]["text"] and "put it" not in s["content"]["text"]


def test_stance_adjective_with_a_clause() -> None:
    d = _analyse("Farmers were frustrated that the ministry delayed the payments. The weather was nice.")
    s = _by_content(d, "delayed the payments")
    assert "Farmers" in s["speaker"]["mention"]["text"]
    assert not any("weather" in s["content"]["text"] for s in d["statements"])


def test_quote_after_said_continues_the_speaker() -> None:
    d = _analyse(
        "“We will rebuild the bridge by spring,” the mayor said on Tuesday. “Nobody will be left without a road.”"
    )
    first, second = _by_content(d, "rebuild the bridge"), _by_content(d, "Nobody will be left")
    assert first["speaker"]["actor"] == second["speaker"]["actor"]
    assert "mayor" in second["speaker"]["mention"]["text"]


def test_text_speaks_through_it() -> None:
    d = _analyse(
        "The audit was published on Monday. "
        "“The agency spent twice its budget on consultants,” it added. "
        "The cost of each report, it says, was about $90,000."
    )
    assert _by_content(d, "twice its budget")["speaker"]["mention"]["text"] == "it"
    assert any(
        "90,000" in s["content"]["text"] or "cost of each report" in s["content"]["text"] for s in d["statements"]
    )


def test_paragraph_break_ends_a_sentence() -> None:
    d = _analyse("Update 3:40 p.m.\n\nThe governor says the roads will reopen on Thursday.")
    s = _by_content(d, "roads will reopen")
    assert "governor" in s["speaker"]["mention"]["text"]


def test_gerund_object_and_as_pointed_out() -> None:
    d = _analyse(
        "The senator proposed scrapping the ferry subsidy. "
        "As several economists have pointed out, the subsidy costs more than the ferries earn."
    )
    assert _by_content(d, "scrapping the ferry subsidy")["cue"]["text"] == "proposed"
    s = _by_content(d, "costs more than the ferries earn")
    assert "economists" in s["speaker"]["mention"]["text"]


def test_dateline_is_not_the_speaker() -> None:
    d = _analyse("OSLO -- Prime Minister Jonas Gahr Store, opening the session on Monday, said taxes would fall.")
    s = _by_content(d, "taxes would fall")
    assert "OSLO" not in s["speaker"]["mention"]["text"]


def test_report_noun_with_that_clause() -> None:
    d = _analyse("A Reuters report that the mine would close in June alarmed the town.")
    s = _by_content(d, "the mine would close")
    assert s["cue"]["text"] == "report" and "Reuters" in s["speaker"]["mention"]["text"]


def test_a_refused_act_is_no_statement_but_a_refusal_to_comment_is() -> None:
    d = _analyse(
        "The port authority refused to open the harbour to foreign trawlers. "
        "A spokesman for the harbour declined to comment on the decision."
    )
    assert not any("foreign trawlers" in s["content"]["text"] for s in d["statements"])
    assert _by_content(d, "comment on the decision")["cue"]["text"] == "declined"


@pytest.mark.parametrize(
    ("text", "speaker", "channel"),
    [
        ("TASS quoted Dmitry Peskov as saying the Kremlin was not involved.", "dmitry-peskov", "tass"),
        ("Reuters cited a senior official as saying that talks would resume.", None, "reuters"),
    ],
)
def test_the_one_quoted_speaks_and_the_one_quoting_relays(text: str, speaker: str | None, channel: str) -> None:
    d = _analyse(text)
    assert len(d["statements"]) == 1
    s = d["statements"][0]
    assert s["cue"]["text"] in ("quoted", "cited") and "saying" not in s["content"]["text"]
    assert [c["actor"] for c in s["channel"]] == [channel]
    assert s["speaker"]["actor"] != channel and (speaker is None or s["speaker"]["actor"] == speaker)


def test_a_statement_carried_by_an_outlet_names_it_once_as_the_channel() -> None:
    d = _analyse("Kim Yo Jong said in a statement carried by KCNA that the drills were provocative.")
    assert [c["actor"] for c in _by_content(d, "drills were provocative")["channel"]] == ["kcna"]
    d = _analyse("Sergey Lavrov said in an interview with CNN that the talks had failed.")
    assert [c["actor"] for c in _by_content(d, "talks had failed")["channel"]] == ["cnn"]


def test_speech_lexicon_words_are_words_not_yaml_booleans() -> None:
    # YAML 1.1 reads a bare on/off/yes/no as a boolean: "comment: [on, about]" once lost its "on".
    from geosignal.statements.lexicon import speech_lexicon

    lex = speech_lexicon()
    assert "on" in (lex.prep_verbs or {})["comment"]
    every = set(lex.all_verbs) | {p for ps in (lex.prep_verbs or {}).values() for p in ps}
    assert not every & {"true", "false"}


def test_prepositional_comment_is_a_statement() -> None:
    d = _analyse("The governor has also commented on the closure of the steel plant.")
    assert _by_content(d, "the closure of the steel plant")["cue"]["text"] == "commented"


def test_a_cue_inside_the_outlets_inference_is_no_statement() -> None:
    d = _analyse(
        "The minister's visit to the port suggests that both governments understand where the danger comes from."
    )
    assert d["statements"] == []
    d = _analyse("Both governments understand that the danger comes from the sea, the minister said.")
    assert any("danger comes from the sea" in s["content"]["text"] for s in d["statements"])


def test_a_participle_on_a_passive_clause_speaks_for_its_subject() -> None:
    d = _analyse("After saying his knee was badly hurt, the striker was taken to hospital by the team doctor.")
    s = _by_content(d, "his knee was badly hurt")
    assert s["cue"]["text"] == "saying" and "striker" in s["speaker"]["mention"]["text"]


def test_as_with_a_prepositional_content_is_no_as_clause() -> None:
    d = _analyse("Her guest, the novelist Ana Ruiz, was moved as she called for the ratification of the treaty.")
    assert _by_content(d, "the ratification of the treaty")["cue"]["text"] == "called"
    assert not any("was moved" in s["content"]["text"] for s in d["statements"])


def test_a_call_for_someone_to_act() -> None:
    d = _analyse("The president sounded a call for the country to accept more refugees on Monday.")
    s = _by_content(d, "the country to accept more refugees")
    assert s["cue"]["text"] == "call"


def test_speech_verbs_the_lemmatizer_shortens() -> None:
    # en_core_web_sm lemmatizes "hoped" as "hop" and "rated" as "rat".
    d = _analyse("The mayor hopes to reopen the bridge before winter. PolitiFact rated the claim as false.")
    assert _by_content(d, "reopen the bridge")["cue"]["text"] == "hopes"
    assert _by_content(d, "the claim")["cue"]["text"] == "rated"


def test_quote_then_speaker_with_a_long_appositive() -> None:
    d = _analyse(
        "“We will rebuild every school in the valley,” Amira Haddad, the director of the regional education "
        "office and a former teacher in the northern districts, told reporters."
    )
    s = _by_content(d, "We will rebuild every school")
    assert s["direct"] is True and s["cue"]["text"] == "told"
    assert "Haddad" in s["speaker"]["mention"]["text"]


def test_a_cue_joined_to_the_reported_clause_stands_beside_the_first() -> None:
    d = _analyse(
        "China said it was resolutely opposed to the test and warned North Korea to refrain from further actions."
    )
    s = next(s for s in d["statements"] if s["cue"]["text"] == "warned")
    assert "refrain from further actions" in s["content"]["text"] and s["speaker"]["name"] == "China"


def test_the_object_is_no_appositive_name_of_the_speaker() -> None:
    d = _analyse(
        "A union representing flight attendants endorsed Hillary Clinton for president on Thursday, "
        "another example of organized labor throwing its support behind the nominee."
    )
    s = next(s for s in d["statements"] if s["cue"]["text"] == "endorsed")
    assert "union" in s["speaker"]["mention"]["text"]


def test_a_name_between_quote_and_cue_beats_a_subject_after_the_cue() -> None:
    # The parse en_core_web_sm gave a PolNeAR sentence, on made-up words: the subject of "said"
    # is a word of the quoted show title after it, and the speaker stands between quote and cue.
    import spacy
    from spacy.tokens import Doc

    from geosignal import statements
    from geosignal.model import Document
    from geosignal.stage import Context

    rows = [  # word, space after, head, dep, pos, lemma
        ("“", False, 3, "punct", "PUNCT", "“"),
        ("The", True, 2, "det", "DET", "the"),
        ("army", True, 3, "nsubj", "NOUN", "army"),
        ("is", True, 12, "ccomp", "AUX", "be"),
        ("angry", False, 3, "acomp", "ADJ", "angry"),
        (",", False, 3, "punct", "PUNCT", ","),
        ("”", True, 7, "punct", "PUNCT", "”"),
        ("Petrov", False, 2, "appos", "PROPN", "Petrov"),
        (",", True, 7, "punct", "PUNCT", ","),
        ("a", True, 10, "det", "DET", "a"),
        ("general", False, 7, "appos", "NOUN", "general"),
        (",", True, 12, "punct", "PUNCT", ","),
        ("said", True, 12, "ROOT", "VERB", "say"),
        ("on", True, 12, "prep", "ADP", "on"),
        ("Channel", True, 15, "compound", "PROPN", "Channel"),
        ("One", False, 13, "pobj", "PROPN", "One"),
        ("’s", True, 12, "punct", "PART", "’s"),
        ("“", False, 12, "punct", "PUNCT", "“"),
        ("Good", True, 19, "compound", "PROPN", "Good"),
        ("Morning", False, 12, "nsubj", "PROPN", "Morning"),
        (".", False, 12, "punct", "PUNCT", "."),
        ("”", False, 12, "punct", "PUNCT", "”"),
    ]
    doc = Doc(
        spacy.blank("en").vocab,
        words=[r[0] for r in rows],
        spaces=[r[1] for r in rows],
        heads=[r[2] for r in rows],
        deps=[r[3] for r in rows],
        pos=[r[4] for r in rows],
        lemmas=[r[5] for r in rows],
        tags=["VBD" if r[4] == "VERB" else "" for r in rows],
    )
    analysis = Analysis(document=Document(id="t", text=doc.text))
    statements.run(doc, analysis, Context(kb=None, published=None))  # type: ignore[arg-type]
    (s,) = analysis.statements
    assert s.cue is not None and s.cue.text == "said"
    assert s.speaker_mention is not None and s.speaker_mention.text == "Petrov"


def test_a_speech_noun_or_phrase_before_a_colon_closing_the_paragraph() -> None:
    d = _analyse(
        "On Monday the senator made the following comment:\n\n"
        "“Young people who left school are out of work at twice the national rate.”\n\n"
        "The ministry said in a statement:\n\n"
        "“We will not accept these demands under any circumstances.”"
    )
    s = next(s for s in d["statements"] if s.get("cue", {}).get("text") == "comment")
    assert "twice the national rate" in s["content"]["text"] and "senator" in s["speaker"]["mention"]["text"]
    s = next(s for s in d["statements"] if s.get("cue", {}).get("text") == "said")
    assert "these demands" in s["content"]["text"]


def test_a_title_label_is_the_person_the_text_names_that_way() -> None:
    d = _analyse(
        "Okafor: Lagos must take its fate into its own hands.\n\n"
        "Chidi Okafor told a rally in Lagos on Sunday that the city could no longer rely on others."
    )
    s = _by_content(d, "take its fate into its own hands")
    assert s["speaker"]["mention"]["text"] == "Okafor" and s["speaker"]["name"] == "Chidi Okafor"


def test_hearsay_adverb_attributes_its_clause_to_no_one_named() -> None:
    d = _analyse("Russian troops reportedly crossed the border near Kharkiv on Monday, and shelling continued.")
    s = _by_content(d, "crossed the border near Kharkiv")
    assert s["cue"]["text"] == "reportedly" and s["speaker"]["kind"] == "unstated"
    assert "shelling continued" not in s["content"]["text"]


def test_a_cue_after_a_quote_that_says_more_is_not_used_up_by_the_quote() -> None:
    d = _analyse('The senator exhorted his party to "vote your conscience" and said he was standing on principle.')
    cues = {s["cue"]["text"]: s for s in d["statements"] if "cue" in s}
    assert "vote your conscience" in cues["exhorted"]["content"]["text"]
    assert "standing on principle" in cues["said"]["content"]["text"]


def test_contents_that_swallow_each_others_cues_keep_the_one_read_forward() -> None:
    # "according to" at the end reaches back over "reported"; "says" covers "according to".
    d = _analyse(
        "The researchers reported that Apple holds $214 billion offshore; Goldman Sachs holds $28 billion, "
        "and the report says the company ''has 987 subsidiaries in tax havens, according to its own website.''"
    )
    reported = [s for s in d["statements"] if (s.get("cue") or {}).get("text") == "reported"]
    assert reported and reported[0]["content"]["text"].startswith("that Apple holds")


def test_a_speech_nouns_to_phrase_or_date_is_not_what_was_said() -> None:
    d = _analyse("Putin's threat to Eastern Europe worries the Baltic states. Obama's remarks on Saturday were brief.")
    texts = [s["content"]["text"] for s in d["statements"]]
    assert not any("Eastern Europe" in t or t == "Saturday" for t in texts), texts


def test_a_that_clause_of_ensure_is_no_statement() -> None:
    d = _analyse("We must ensure that the local police officers receive the training they need.")
    assert not any("police officers" in s["content"]["text"] for s in d["statements"])
    d = _analyse("We realized that the local police officers receive no training.")
    assert any("police officers" in s["content"]["text"] for s in d["statements"])


def _parsed(rows: list[tuple[str, bool, int, str, str, str, str]], people: tuple[str, ...] = ()) -> Analysis:
    """Run the stage on a hand-built parse: (word, space after, head, dep, pos, tag, lemma) rows.

    ``people`` are words the resolver would have read as named people.
    """
    import spacy
    from spacy.tokens import Doc

    from geosignal import statements
    from geosignal.model import Document
    from geosignal.stage import Context

    doc = Doc(
        spacy.blank("en").vocab,
        words=[r[0] for r in rows],
        spaces=[r[1] for r in rows],
        heads=[r[2] for r in rows],
        deps=[r[3] for r in rows],
        pos=[r[4] for r in rows],
        tags=[r[5] for r in rows],
        lemmas=[r[6] for r in rows],
    )
    analysis = Analysis(document=Document(id="t", text=doc.text))
    for t in doc:
        if t.text in people:
            mention = Mention(t.idx, t.idx + len(t.text), t.text, "name")
            analysis.actors.append(Actor(t.text.lower(), t.text, "person", None, mentions=[mention]))
    statements.run(doc, analysis, Context(kb=None, published=None))  # type: ignore[arg-type]
    return analysis


def test_the_of_phrase_of_a_number_speaks() -> None:
    d = _analyse("A number of tax experts said the plan would raise prices for families.")
    s = _by_content(d, "raise prices")
    assert "experts" in s["speaker"]["mention"]["text"] and "number" not in s["speaker"]["mention"]["text"]


def test_people_named_by_a_public_role_speak_with_any_cue() -> None:
    d = _analyse("State regulators urged the company to halt the sale of the drug.")
    s = _by_content(d, "halt the sale")
    assert s["speaker"]["name"] == "State regulators"


def test_you_is_a_pronoun_speaker() -> None:
    d = _analyse("You know that the rules have changed since the election.")
    s = _by_content(d, "the rules have changed")
    assert s["speaker"]["kind"] == "pronoun" and s["speaker"]["mention"]["text"] == "You"


def test_a_relative_pronoun_hung_off_its_noun_takes_the_noun_before_it() -> None:
    # "which reported ..." parsed as an adverbial clause of "turned", not a relative clause of "department".
    analysis = _parsed(
        [
            ("They", True, 1, "nsubj", "PRON", "PRP", "they"),
            ("turned", True, 1, "ROOT", "VERB", "VBD", "turn"),
            ("to", True, 1, "prep", "ADP", "IN", "to"),
            ("the", True, 5, "det", "DET", "DT", "the"),
            ("police", True, 5, "compound", "NOUN", "NN", "police"),
            ("department", True, 2, "pobj", "NOUN", "NN", "department"),
            ("which", True, 7, "nsubj", "PRON", "WDT", "which"),
            ("reported", True, 1, "advcl", "VERB", "VBD", "report"),
            ("twenty", True, 10, "nummod", "NUM", "CD", "twenty"),
            ("violent", True, 10, "amod", "ADJ", "JJ", "violent"),
            ("incidents", False, 7, "dobj", "NOUN", "NNS", "incident"),
            (".", False, 1, "punct", "PUNCT", ".", "."),
        ]
    )
    (s,) = analysis.statements
    assert s.content.text == "twenty violent incidents"
    assert s.speaker_mention is not None and s.speaker_mention.text == "police department"


def _two_subjects(first: tuple[str, ...], joiner: tuple[str, ...]) -> list[tuple[str, bool, int, str, str, str, str]]:
    # "<first> <joiner> Lawmakers urged officials to resign ." with both nouns as subjects of "urged".
    n = len(first) + len(joiner)
    rows: list[tuple[str, bool, int, str, str, str, str]] = []
    for k, w in enumerate(first):
        last = k == len(first) - 1
        rows.append(
            (
                w,
                True,
                n + 1 if last else len(first) - 1,
                "nsubj" if last else "det",
                "NOUN" if last else "DET",
                "NN",
                w.lower(),
            )
        )
    for w in joiner:
        rows.append((w, True, n + 1, "cc" if w == "and" else "punct", "CCONJ" if w == "and" else "PUNCT", "", w))
    rows += [
        ("Lawmakers", True, n + 1, "nsubj", "NOUN", "NNS", "lawmaker"),
        ("urged", True, n + 1, "ROOT", "VERB", "VBD", "urge"),
        ("officials", True, n + 1, "dobj", "NOUN", "NNS", "official"),
        ("to", True, n + 4, "aux", "PART", "TO", "to"),
        ("resign", False, n + 1, "xcomp", "VERB", "VB", "resign"),
        (".", False, n + 1, "punct", "PUNCT", ".", "."),
    ]
    return rows


def test_of_two_subjects_the_parser_gave_a_verb_the_nearest_speaks_unless_joined_by_and() -> None:
    (s,) = _parsed(_two_subjects(("The", "Latest"), (":",))).statements
    assert s.speaker_mention is not None and s.speaker_mention.text == "Lawmakers"
    (s,) = _parsed(_two_subjects(("The", "residents"), ("and",))).statements
    assert s.speaker_mention is not None and s.speaker_mention.text == "residents"


def test_a_relative_clause_that_attributes_a_claim_keeps_its_own_speaker() -> None:
    d = _analyse("The mayor criticized the new contracts, which he said were signed without any public review.")
    inner = [s for s in d["statements"] if s["cue"]["text"] == "said"]
    assert inner and inner[0]["speaker"]["mention"]["text"] == "he"
    assert "signed without any public review" in inner[0]["content"]["text"]
    d = _analyse("Officials said the money went to what the auditors said was a fraudulent charity in Ohio.")
    speakers = {s["speaker"]["mention"]["text"] for s in d["statements"] if s["cue"]["text"] == "said"}
    assert speakers == {"Officials", "auditors"}
    # An ordinary clause inside what was said stays part of the outer statement.
    d = _analyse("Officials said the auditors said the charity was a fraud.")
    assert [s["speaker"]["mention"]["text"] for s in d["statements"]] == ["Officials"]


def test_a_name_right_before_a_verb_that_lost_its_subject_speaks() -> None:
    # "..., Obama and Clinton call them wolves": the parser joined the names to the clause before.
    rows = [
        ("When", True, 2, "advmod", "SCONJ", "WRB", "when"),
        ("attackers", True, 2, "nsubj", "NOUN", "NNS", "attacker"),
        ("strike", False, 8, "advcl", "VERB", "VBP", "strike"),
        (",", True, 1, "punct", "PUNCT", ",", ","),
        ("Smith", True, 1, "conj", "PROPN", "NNP", "Smith"),
        ("and", True, 4, "cc", "CCONJ", "CC", "and"),
        ("Jones", True, 4, "conj", "PROPN", "NNP", "Jones"),
        ("bluntly", True, 8, "advmod", "ADV", "RB", "bluntly"),
        ("call", True, 8, "ROOT", "VERB", "VBP", "call"),
        ("them", True, 8, "dobj", "PRON", "PRP", "they"),
        ("common", True, 11, "amod", "ADJ", "JJ", "common"),
        ("criminals", False, 8, "oprd", "NOUN", "NNS", "criminal"),
        (".", False, 8, "punct", "PUNCT", ".", "."),
    ]
    (s,) = _parsed(rows, people=("Smith", "Jones")).statements
    assert s.cue is not None and s.cue.text == "call" and "common criminals" in s.content.text
    assert s.speaker_mention is not None and s.speaker_mention.text == "Jones"
    # Not when a word that is no name stands before the verb.
    rows[6] = ("critics", True, 4, "conj", "NOUN", "NNS", "critic")
    assert _parsed(rows, people=("Smith",)).statements == []


def test_an_agentless_passive_attributes_what_it_says_of_its_subject() -> None:
    d = _analyse("The new bridge is widely considered a model for the region.")
    s = _by_content(d, "a model for the region")
    assert s["speaker"]["kind"] == "unstated" and s["content"]["text"].startswith("The new bridge")
    d = _analyse("North Korea is not thought to be capable of hitting the mainland.")
    s = _by_content(d, "capable of hitting the mainland")
    assert s["speaker"]["kind"] == "unstated" and s["content"]["text"].startswith("North Korea")
    # A passive of a verb that names or judges nothing attributes nothing.
    d = _analyse("The new bridge was built as a model for the region.")
    assert d["statements"] == []


def test_a_sentence_opened_by_in_and_a_text_is_what_the_text_says() -> None:
    d = _analyse("In the latest poll, the governor leads his rival by six points among likely voters.")
    s = _by_content(d, "leads his rival by six points")
    assert s["cue"]["text"] == "In the latest poll" and "poll" in s["speaker"]["mention"]["text"]
    # A sentence with a cue of its own is that cue's statement.
    d = _analyse("In the latest poll, most voters said the governor should resign.")
    assert [s["cue"]["text"] for s in d["statements"]] == ["said"]
    # Not any "In" phrase: a place or a time frames nothing said.
    d = _analyse("In the capital, the governor leads a march of thousands of farmers.")
    assert d["statements"] == []


def test_it_speaks_as_the_subject_of_a_speech_act_with_an_object() -> None:
    d = _analyse("The newspaper has a long history in the city. This week it attacked the mayor's new budget plan.")
    s = _by_content(d, "budget plan")
    assert s["speaker"]["mention"]["text"] == "it" and s["cue"]["text"] == "attacked"
    # An "it" with no speech act, or a speech verb with no object, says nothing.
    d = _analyse("It rained all week. It continued into the weekend, and it is likely to get worse.")
    assert d["statements"] == []


def test_a_participle_after_a_preposition_takes_the_subject_of_the_verb_it_hangs_on() -> None:
    d = _analyse("The governor refuses to name a successor, aside from saying he wants someone with experience.")
    s = _by_content(d, "he wants someone with experience")
    assert s["cue"]["text"] == "saying" and "governor" in s["speaker"]["mention"]["text"]


def test_a_judging_verb_with_its_object_and_as_phrase_is_a_view_held() -> None:
    d = _analyse("Many critics see the new law as a threat to free speech.")
    s = _by_content(d, "a threat to free speech")
    assert s["cue"]["text"] == "see" and s["content"]["text"].startswith("the new law")
    # Without a predicate the verb says nothing: "see" is a verb of sight here.
    d = _analyse("Many critics saw the new law on Tuesday.")
    assert d["statements"] == []


def test_stance_verbs_with_their_prepositions() -> None:
    d = _analyse("I believe in the good sense of the voters. The court ruled against the new voting procedure.")
    assert "good sense of the voters" in _by_content(d, "good sense")["content"]["text"]
    assert _by_content(d, "voting procedure")["cue"]["text"] == "ruled"


def test_a_stance_adjective_with_a_preposition_holds_a_view_of_its_object() -> None:
    d = _analyse("Local farmers were deeply worried about the new water rules. Officials are furious over the delay.")
    s = _by_content(d, "the new water rules")
    assert s["cue"]["text"] == "worried" and s["speaker"]["mention"]["text"] == "Local farmers"
    assert _by_content(d, "the delay")["cue"]["text"] == "furious"
    # A stance adjective whose phrase names no thing holds no view of it.
    d = _analyse("The farmers were worried about it all week.")
    assert d["statements"] == []


def test_according_to_at_the_end_keeps_the_sources_appositive_out_of_the_content() -> None:
    d = _analyse(
        "Most families would pay less tax under the plan, according to an analysis by Maria Lopez, "
        "a former Treasury economist now teaching in Boston, whose figures were checked by others."
    )
    s = next(s for s in d["statements"] if s["cue"]["text"] == "according to")
    assert s["content"]["text"].startswith("Most families would pay less tax")
    assert "Treasury economist" not in s["content"]["text"]


def test_a_participle_after_an_object_has_the_object_for_its_subject() -> None:
    # "The collapse left many farmers feeling that ...", the participle an object complement.
    rows = [
        ("The", True, 1, "det", "DET", "DT", "the"),
        ("collapse", True, 2, "nsubj", "NOUN", "NN", "collapse"),
        ("left", True, 2, "ROOT", "VERB", "VBD", "leave"),
        ("many", True, 4, "amod", "ADJ", "JJ", "many"),
        ("farmers", True, 2, "dobj", "NOUN", "NNS", "farmer"),
        ("feeling", True, 2, "xcomp", "VERB", "VBG", "feel"),
        ("that", True, 9, "mark", "SCONJ", "IN", "that"),
        ("the", True, 8, "det", "DET", "DT", "the"),
        ("state", True, 9, "nsubj", "NOUN", "NN", "state"),
        ("abandoned", True, 5, "ccomp", "VERB", "VBD", "abandon"),
        ("them", False, 9, "dobj", "PRON", "PRP", "they"),
        (".", False, 2, "punct", "PUNCT", ".", "."),
    ]
    (s,) = _parsed(rows).statements
    assert s.cue is not None and s.cue.text == "feeling" and s.content.text == "that the state abandoned them"
    assert s.speaker_mention is not None and s.speaker_mention.text == "many farmers"


def test_a_prepositional_content_that_is_only_a_time_is_no_statement() -> None:
    d = _analyse("Other officials weighed in on Friday. City officials weighed in on the new curfew.")
    texts = [s["content"]["text"] for s in d["statements"]]
    assert "Friday" not in texts and any("the new curfew" in t for t in texts), texts


def test_a_finite_verb_hung_on_a_participle_before_it_takes_the_participles_subject() -> None:
    # "Protesters marching through town chanted ...", parsed with "marching" as the main verb.
    rows = [
        ("Protesters", True, 1, "nsubj", "NOUN", "NNS", "protester"),
        ("marching", True, 1, "ROOT", "VERB", "VBG", "march"),
        ("through", True, 1, "prep", "ADP", "IN", "through"),
        ("town", True, 2, "pobj", "NOUN", "NN", "town"),
        ("chanted", True, 1, "advcl", "VERB", "VBD", "chant"),
        ("slogans", True, 4, "dobj", "NOUN", "NNS", "slogan"),
        ("against", True, 5, "prep", "ADP", "IN", "against"),
        ("the", True, 8, "det", "DET", "DT", "the"),
        ("mayor", False, 6, "pobj", "NOUN", "NN", "mayor"),
        (".", False, 1, "punct", "PUNCT", ".", "."),
    ]
    (s,) = _parsed(rows).statements
    assert s.cue is not None and s.cue.text == "chanted" and s.content.text == "slogans against the mayor"
    assert s.speaker_mention is not None and s.speaker_mention.text == "Protesters"


def test_an_infinitive_right_after_a_verb_of_promise_wins_over_a_clause_farther_on() -> None:
    d = _analyse(
        "On Monday, however, the governor spoke to a meeting of dairy farmers, promising to cut "
        "water fees and open more state land to grazing ― probably not exactly what the mayor had in mind."
    )
    s = next(s for s in d["statements"] if s["cue"]["text"] == "promising")
    assert s["content"]["text"].startswith("to cut water fees")


def test_the_object_of_a_cue_after_a_quote_is_not_its_speaker() -> None:
    # "..., said the minister" takes the name after the cue; an object there is whom the act is done to.
    d = _analyse(
        "The mayor wrote late on Sunday that the council was “a joke” and “a fraud” and encouraged "
        "voters to “look closely” at its budget."
    )
    names = [(s["speaker"] or {}).get("name") or "" for s in d["statements"]]
    assert names and not any("voter" in n.lower() for n in names)
    assert any(
        "look closely" in s["content"]["text"] and "mayor" in (s["speaker"] or {}).get("name", "")
        for s in d["statements"]
    )


def test_support_of_names_the_supporters_unless_a_possessor_does() -> None:
    d = _analyse(
        "The poll shows a tightening race as the governor consolidates the support of the Republican "
        "Party in the state."
    )
    assert not any(s["cue"] and s["cue"]["text"] == "support" for s in d["statements"])
    d = _analyse("Her support of the 2011 raid was widely known in the capital.")
    s = next(s for s in d["statements"] if s["cue"] and s["cue"]["text"] == "support")
    assert s["content"]["text"] == "the 2011 raid"


def test_a_verb_after_a_subordinator_is_not_the_cue_of_the_quote_before_it() -> None:
    d = _analyse(
        "The governor described the mayor as a “disgrace to the city” after she attacked police officers in a speech."
    )
    for s in d["statements"]:
        if "disgrace" in s["content"]["text"]:
            assert s["cue"]["text"] == "described"
    d = _analyse(
        'Only 40 percent agreed that the mayor was "fit to serve a second term," while 70 percent said the same '
        "of her rival."
    )
    for s in d["statements"]:
        if "fit to serve" in s["content"]["text"]:
            assert s["cue"]["text"] == "agreed"
    assert any("fit to serve" in s["content"]["text"] for s in d["statements"])


def test_a_cue_that_opens_the_next_quote_is_not_the_cue_of_a_finished_quote_before_it() -> None:
    d = _analyse(
        "The senator says the plan from the governor is “a gift to the very rich who need no help.” "
        "She adds, “Who pays for it in the end? You do.”"
    )
    adds = [s for s in d["statements"] if s["cue"] and s["cue"]["text"] == "adds"]
    assert [s["content"]["text"] for s in adds] == ["Who pays for it in the end? You do."]


def test_a_thing_that_raises_questions_is_no_speaker() -> None:
    d = _analyse("The governor's decision raises questions about what he might be hiding from voters.")
    assert not any(s["cue"] and s["cue"]["text"] == "questions" for s in d["statements"])
    d = _analyse("Senator Smith raised questions about the budget on Tuesday.")
    s = next(s for s in d["statements"] if s["cue"] and s["cue"]["text"] == "questions")
    assert "Smith" in s["speaker"]["name"]


def test_a_nickname_or_scare_quoted_modifier_is_not_a_quote() -> None:
    # A quoted word that only modifies the noun after it ("Marcia "Cia" Price", "“quack” cures").
    d = _analyse('State Del. Marcia "Cia" Price, a Democrat from Newport News, shouted to the crowd at the rally.')
    assert not any("Cia" in s["content"]["text"] for s in d["statements"])


def test_a_sentence_opened_by_a_site_is_what_the_site_says() -> None:
    d = _analyse("On the ministry's website, Washington is responsible for rising tensions in the region.")
    assert [c["status"] for c in d["claims"]] == ["attributed"]
    (s,) = d["statements"]
    assert s["content"]["text"].startswith("Washington is responsible")
    assert s["speaker"]["mention"]["text"] == "ministry"  # the site's owner speaks
    # A time or place is no text that speaks.
    assert [c["status"] for c in _analyse("On Monday, Russian troops crossed the border.")["claims"]] == ["reported"]


def test_armed_doers_attack_with_force_not_words() -> None:
    for text in ("Rebels attacked government troops near the border.", "Gunmen attacked a police patrol in Kano."):
        d = _analyse(text)
        assert d["statements"] == [] and [c["status"] for c in d["claims"]] == ["reported"], text
    # A politician attacking the police does it in words.
    d = _analyse("The senator attacked police officers over the shooting in Chicago.")
    assert [c["status"] for c in d["claims"]] == ["attributed"]


def test_an_outlet_citing_someone_relays_them() -> None:
    d = _analyse("RIA Novosti reported, citing Sergei Lavrov, that Russia would send troops to Syria.")
    s = _by_content(d, "send troops")
    assert s["speaker"]["actor"] == "sergey-lavrov" and [c["actor"] for c in s["channel"]] == ["ria-novosti"]


def test_what_a_claim_is_based_on_does_not_speak() -> None:
    # The outlet says what the conclusions rest on: its own claim, not the report's.
    d = _analyse("The Xinhua agency said that the figures were based on the report of the World Bank.")
    s = _by_content(d, "figures were based")
    assert s["speaker"]["actor"] == "xinhua" and s["channel"] == []


def test_the_agency_is_the_agency_named_before() -> None:
    d = _analyse(
        "The International Atomic Energy Agency sent inspectors. The agency said that Iran had enriched uranium."
    )
    assert _by_content(d, "enriched uranium")["speaker"]["actor"] == "iaea"
    d = _analyse("The agency said that Iran had enriched uranium.")
    assert _by_content(d, "enriched uranium")["speaker"]["actor"].startswith("unnamed:")
