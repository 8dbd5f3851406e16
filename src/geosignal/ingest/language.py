"""Language identification with py3langid (its model ships inside the package)."""

from __future__ import annotations

import py3langid


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the text's language, or None for text too short to tell."""
    sample = text[:3000]
    if sum(c.isalpha() for c in sample) < 20:
        return "en" if sample.strip() else None
    lang, _score = py3langid.classify(sample)
    return str(lang)
