"""Language identification of article bodies."""

from __future__ import annotations

import pytest

from geosignal.ingest.language import detect_language

FRENCH = (
    "Les ministres des deux pays se sont réunis lundi dans la ville portuaire pour discuter des quotas de pêche. "
    "Aucun accord n'a été trouvé, mais les délégations ont promis de se revoir au printemps."
)
GERMAN = (
    "Die Minister beider Länder trafen sich am Montag in der Hafenstadt, um über die Fangquoten zu sprechen. "
    "Eine Einigung wurde nicht erzielt, doch die Delegationen wollen sich im Frühjahr erneut treffen."
)
ENGLISH = (
    "The ministers of both countries met on Monday in the port city to discuss fishing quotas. "
    "No agreement was reached, but the delegations promised to meet again in the spring."
)


@pytest.mark.parametrize(("text", "lang"), [(FRENCH, "fr"), (GERMAN, "de"), (ENGLISH, "en")])
def test_paragraphs(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_english_line_dense_with_names() -> None:
    assert detect_language("Shoigu met Kim Jong Un in Pyongyang on Wednesday.") == "en"


@pytest.mark.parametrize("text", ["", "   ", "1234 5678", "—"])
def test_nothing_to_tell(text: str) -> None:
    assert detect_language(text) is None


def test_short_text_gives_a_code_without_failing() -> None:
    assert detect_language("Ostbay") == "en"  # too short to tell: the default language
    assert detect_language("Bonjour") in {"en", "fr"}
