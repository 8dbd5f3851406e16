"""The techniques stage: cue hits, spans, voice and the sample article."""

from __future__ import annotations

import pytest
from spacy.language import Language

import geosignal
from geosignal.config import load_settings
from geosignal.model import ActorRef, Span, Statement
from geosignal.nlp import load_nlp
from geosignal.techniques import TECHNIQUES, find_techniques, load_cues, sentence_units


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp(load_settings().model)


def covering(found: list, doc_text: str, needle: str) -> set[str]:  # type: ignore[type-arg]
    s = doc_text.index(needle)
    e = s + len(needle)
    return {t.technique for t in found if t.start < e and s < t.end}


def test_cue_data_uses_only_known_techniques_and_short_phrases() -> None:
    cues = load_cues()
    assert cues
    assert {c[0] for c in cues} <= set(TECHNIQUES)
    # The mined file holds short cue n-grams, never corpus sentences.
    assert all(len(c[1].split()) <= 3 for c in cues if c[4])
    assert all(len(c[1].split()) <= 6 for c in cues)


@pytest.mark.model
def test_loaded_language_and_name_calling_in_made_up_text(nlp: Language) -> None:
    text = "The puppet regime slaughtered protesters. Officials met on Tuesday to discuss the budget."
    doc = nlp(text)
    found = find_techniques(doc)
    assert "loaded_language" in covering(found, text, "slaughtered")
    assert "name_calling_labeling" in covering(found, text, "puppet regime")
    assert covering(found, text, "discuss the budget") == set()
    for t in found:
        assert text[t.start : t.end] == t.text
        assert t.voice is None


@pytest.mark.model
def test_gapped_cue_and_inflection(nlp: Language) -> None:
    text = "Washington is dragging its allies into a new standoff."
    found = find_techniques(nlp(text))
    assert "loaded_language" in covering(found, text, "dragging its allies into")


@pytest.mark.model
def test_sentence_level_technique_covers_its_sentence(nlp: Language) -> None:
    text = "The weather was fine. The experts failed to explain the results."
    found = find_techniques(nlp(text))
    doubt = [t for t in found if t.technique == "doubt"]
    assert doubt
    assert doubt[0].start >= text.index("The experts")
    assert "weather" not in doubt[0].text


@pytest.mark.model
def test_voice_is_the_statement_whose_content_holds_the_technique(nlp: Language) -> None:
    text = 'The minister said: "This barbaric regime must answer for its crimes." The brutal winter came early.'
    doc = nlp(text)
    c0 = text.index("This barbaric")
    c1 = text.index('crimes."') + len("crimes.")
    st = Statement(
        id="s1",
        speaker=ActorRef("minister", "the minister", None),
        direct=True,
        content=Span(c0, c1, text[c0:c1]),
        evidence=Span(0, c1 + 1, text[: c1 + 1]),
    )
    found = find_techniques(doc, [st])
    inside = [t for t in found if c0 <= t.start and t.end <= c1]
    outside = [t for t in found if t.start >= c1]
    assert {t.technique for t in inside} >= {"loaded_language", "name_calling_labeling"}
    assert all(t.voice == "s1" for t in inside)
    assert outside and all(t.voice is None for t in outside)


@pytest.mark.model
def test_sentence_units_split_lines_and_trim(nlp: Language) -> None:
    text = "Title here\n\nFirst sentence. Second one;\nThird."
    units = sentence_units(nlp(text))
    texts = [text[s:e] for s, e in units]
    assert "Title here" in texts
    assert all(not t.endswith((".", ";", " ")) for t in texts)


@pytest.mark.model
def test_analysis_with_techniques_is_schema_valid() -> None:
    a = geosignal.analyze("The regime in Pyongyang is dragging the region to the brink of nuclear war.")
    d = a.to_dict()
    assert geosignal.validate(d) == []
    assert d["techniques"]
    assert {t["technique"] for t in d["techniques"]} <= set(TECHNIQUES)


@pytest.mark.model
@pytest.mark.shared
def test_sample_article_techniques(sample_analysis: dict) -> None:  # type: ignore[type-arg]
    text = sample_analysis["document"]["text"]
    techs = sample_analysis["techniques"]

    def at(needle: str) -> set[str]:
        s = text.index(needle)
        e = s + len(needle)
        return {t["technique"] for t in techs if t["start"] < e and s < t["end"]}

    assert "name_calling_labeling" in at("the Anglo-Saxons")
    assert "loaded_language" in at("drag Seoul into this new structure")
    assert "loaded_language" in at("The US is dragging South Korea")
    for t in techs:
        assert text[t["start"] : t["end"]] == t["text"]


@pytest.mark.model
def test_repetition_of_a_word_said_again_at_once(nlp: Language) -> None:
    text = "It was a very, very different story. The story ended."
    found = find_techniques(nlp(text))
    reps = [t for t in found if t.technique == "repetition"]
    assert [t.text for t in reps] == ["very, very"]


@pytest.mark.model
def test_a_bare_demonym_or_national_collective_is_no_technique(nlp: Language) -> None:
    # Naming a people is no appeal to it: no flag-waving or name calling on the mention alone.
    text = (
        "The Germans sold the Americans two hundred tanks. "
        "They celebrated the independence of the Polish people in the spring. The Chinese people watched."
    )
    found = find_techniques(nlp(text))
    for needle in ("the Americans", "the Polish people", "The Germans", "The Chinese people"):
        assert not covering(found, text, needle) & {"flag_waving", "name_calling_labeling"}, needle


@pytest.mark.model
def test_a_people_invoked_as_a_whole_and_labels_stay_techniques(nlp: Language) -> None:
    text = (
        "The administration misled the American people about the deal. "
        "Again the Anglo-Saxons want to drag Seoul into their bloc. Every patriot knows it."
    )
    found = find_techniques(nlp(text))
    assert "flag_waving" in covering(found, text, "the American people")
    assert "name_calling_labeling" in covering(found, text, "Anglo-Saxons")


@pytest.mark.model
def test_demonyms_come_from_the_knowledge_base_in_use(nlp: Language) -> None:
    text = "They marked the victory of the American people in the war."
    doc = nlp(text)
    # The shipped KB knows "American": the mined cue's hit on the mention is dropped ...
    assert "flag_waving" not in covering(find_techniques(doc), text, "American people")
    # ... and with a KB that knows no demonyms the same cue stands.
    assert "flag_waving" in covering(find_techniques(doc, demonyms=frozenset()), text, "American people")


@pytest.mark.model
def test_cue_words_inside_a_proper_name_are_no_flag_waving(nlp: Language) -> None:
    text = "Officers of the Korean People's Army laid wreaths. The patriotic crowd cheered the soldiers."
    doc = nlp(text)
    found = find_techniques(doc)
    if any(e.text.startswith("Korean People") for e in doc.ents):  # the name rule needs the name found
        assert "flag_waving" not in covering(found, text, "Korean People's Army")
    assert "flag_waving" in covering(found, text, "patriotic crowd")


@pytest.mark.model
def test_dropped_cues_do_not_fire(nlp: Language) -> None:
    from dataclasses import replace

    from geosignal.techniques import default_settings

    text = "The Pope visited the city on Sunday."
    doc = nlp(text)
    settings = default_settings()
    assert ("appeal_to_authority", "Pope") in settings.pruned
    assert "appeal_to_authority" not in covering(find_techniques(doc), text, "Pope")
    # The same cue fires when the drop list is ignored: the test is about the list, not the cue.
    unpruned = replace(settings, pruned=frozenset())
    assert "appeal_to_authority" in covering(find_techniques(doc, settings=unpruned), text, "Pope")


def test_scare_quotes_pair_straight_marks_in_order_and_curly_ones_by_shape() -> None:
    from geosignal.techniques import _scare_quotes

    text = 'He said "the talks went on for many hours without any result". The "experts" and “so-called rebels” met.'
    got = [text[a:b] for a, b in _scare_quotes(text, 4)]
    # The closing mark of the long quote opens nothing: ". The " is no quoted phrase.
    assert sorted(got) == sorted(['"experts"', "“so-called rebels”"])
    assert _scare_quotes('a "b c d e f" g', 4) == []


@pytest.mark.model
def test_a_short_phrase_in_quotation_marks_is_a_label_with_the_phrases_of_word_cues(nlp: Language) -> None:
    text = 'The so-called "peacekeepers" left. Their brutal regime fell.'
    found = find_techniques(nlp(text))
    assert "name_calling_labeling" in covering(found, text, '"peacekeepers"')
    # A word-level cue grows to its noun phrase: the span holds "Their brutal regime", not "brutal".
    loaded = [t for t in found if t.technique == "loaded_language"]
    assert any(t.text == "Their brutal regime" for t in loaded)


@pytest.mark.model
def test_an_exclamation_is_loaded_language_over_its_sentence(nlp: Language) -> None:
    text = "The talks ended on Monday. This will never be forgotten!\nThe ministers left."
    found = find_techniques(nlp(text))
    loaded = [t for t in found if t.technique == "loaded_language"]
    assert [t.text for t in loaded] == ["This will never be forgotten!"]
    assert "loaded_language" not in covering(found, text, "The talks ended on Monday")


@pytest.mark.model
def test_a_question_with_a_contracted_negation_is_doubt_over_its_sentence(nlp: Language) -> None:
    text = "The ministers met on Monday. Wouldn\u2019t he have eased the sanctions?\nWho signed the accord?"
    found = find_techniques(nlp(text))
    doubt = [t.text for t in found if t.technique == "doubt"]
    assert doubt == ["Wouldn\u2019t he have eased the sanctions?"]


@pytest.mark.model
def test_a_lone_sentence_cue_or_quote_in_a_sparse_text_is_dropped(nlp: Language) -> None:
    from dataclasses import replace

    from geosignal.techniques import default_settings

    filler = " ".join(
        f"The committee met on day {i} of the session to review the budget for the regional roads office."
        for i in range(1, 12)
    )
    lone = "The engineers failed to explain the delay."
    quoted = 'The office will publish its "annual plan" in March.'
    text = f"{filler} {lone} {quoted}"
    settings = default_settings()
    assert settings.sparse_density > 0
    found = find_techniques(nlp(text))
    # Few cues in a long text: the lone doubt cue and the lone quote are the text's words, not devices.
    assert "doubt" not in covering(found, text, "failed to explain")
    assert "name_calling_labeling" not in covering(found, text, '"annual plan"')
    # Without the filter the same cues fire: the test is about the filter, not the cues.
    unfiltered = find_techniques(nlp(text), settings=replace(settings, sparse_density=0.0))
    assert "doubt" in covering(unfiltered, text, "failed to explain")
    assert "name_calling_labeling" in covering(unfiltered, text, '"annual plan"')
    # In the same sparse text a cue with company in its sentence stays.
    rich = f'{filler} The brutal regime failed to explain its "annual plan".'
    kept = find_techniques(nlp(rich))
    assert "doubt" in covering(kept, rich, "failed to explain")
    assert "name_calling_labeling" in covering(kept, rich, '"annual plan"')


@pytest.mark.model
def test_a_weak_mined_cue_counts_only_in_a_text_dense_with_cues(nlp: Language) -> None:
    from dataclasses import replace

    from geosignal.techniques import default_settings

    settings = default_settings()
    # "gatekeeper" is a mined label cue of low train precision (no hand cue has it).
    weak = [c for c in load_cues() if c[4] and c[1] == "gatekeeper"]
    assert weak and weak[0][2] < settings.thin_mined_score
    filler = " ".join(
        f"The committee met on day {i} of the session to review the budget for the regional roads office."
        for i in range(1, 12)
    )
    text = f"{filler} The clerk acts as the gatekeeper of the plan."
    assert "name_calling_labeling" not in covering(find_techniques(nlp(text)), text, "gatekeeper")
    unfiltered = find_techniques(nlp(text), settings=replace(settings, thin_density=0.0))
    assert "name_calling_labeling" in covering(unfiltered, text, "gatekeeper")
    # A short text full of cues keeps it.
    dense = "The corrupt clerk, a brutal gatekeeper, lied."
    assert "name_calling_labeling" in covering(find_techniques(nlp(dense)), dense, "gatekeeper")
