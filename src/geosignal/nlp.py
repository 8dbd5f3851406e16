"""Loading the spaCy pipeline: once per process, never downloaded."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from .errors import Errors, ModelNotFoundError

# Components geosignal never reads; disabling them saves time on every document.
_UNUSED = ("textcat", "entity_linker")


@lru_cache(maxsize=4)
def load_nlp(model: str) -> Language:
    """Load an installed spaCy pipeline by package or path name, or raise ModelNotFoundError."""
    try:
        nlp = spacy.load(model, exclude=list(_UNUSED))
    except OSError as exc:
        raise ModelNotFoundError(Errors.E020.format(model=model)) from exc
    if "parser" not in nlp.pipe_names:
        raise ModelNotFoundError(Errors.E021.format(model=model))
    return nlp
