"""Language identification: English function words first, then py3langid (its model ships inside the package)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import py3langid.langid
from spacy.lang.en.stop_words import STOP_WORDS

_WORD = re.compile(r"[^\W\d_]+")
# Languages of the world's news wires and outlets; without a restriction py3langid picks rare
# languages (Bikol, Latin) for short lines dense with names.
_NEWS_LANGUAGES = tuple(
    "en fr de es it pt nl sv da no fi pl cs sk hu ro bg hr sr sl uk ru be lt lv et el tr ar fa he ur hi bn "  # noqa: SIM905 (compact list)
    "zh ja ko vi th id ms tl sw ka hy az kk uz mn af ca eu gl".split()
)
# Below this probability py3langid is guessing: "Hugo Chavez attacked Colombia." comes out Swedish
# (0.16), "Vladimir Vladimirovich Putin met Bush." Uzbek (0.52). A guess on Latin script is read as
# English, the default language, so a short English text is not emptied; a guess on another script
# keeps the script's language.
_SURE = 0.75


@lru_cache(maxsize=1)
def _identifier() -> py3langid.langid.LanguageIdentifier:
    ident = py3langid.langid.LanguageIdentifier.from_modelpath(
        py3langid.langid.MODEL_DIR / py3langid.langid.MODEL_FILE, norm_probs=True
    )
    ident.set_languages(_NEWS_LANGUAGES)
    return ident


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the text's language, or None for text too short to tell.

    py3langid alone misreads short English news lines (a sentence full of names can come out as
    Bikol); a text where a fifth of the words are English function words is English, and so is a
    Latin-script text py3langid is unsure of.
    """
    words = _WORD.findall(text[:3000].lower())
    if not words:
        return None
    if len(words) < 4 or sum(w in STOP_WORDS for w in words) / len(words) >= 0.2:
        return "en"
    lang, score = _identifier().classify(text[:3000])
    if score < _SURE and all(w.isascii() or _latin(w) for w in words):
        return "en"
    return str(lang)


def _latin(word: str) -> bool:
    return all(unicodedata.name(c, "").startswith("LATIN") for c in word)
