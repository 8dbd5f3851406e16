"""Loading the spaCy pipeline: once per process, never downloaded."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .errors import Errors, ModelNotFoundError

# Components geosignal never reads; disabling them saves time on every document.
_UNUSED = ("textcat", "entity_linker")
_LINE_ENDS = set(".!?:;\"”’'")


@Language.component("geosignal_paragraphs")
def paragraph_starts(doc: Doc) -> Doc:
    """A paragraph break starts a new sentence, set before the parser runs.

    The parser otherwise runs a heading, a dateline or a time stamp ("12:15 p.m.") into the
    paragraph after it and takes it as the subject ("p.m. ... says that ..."); news paragraphs
    never continue a sentence across a blank line or a line that ends in a full stop.
    """
    for t in doc[2:]:
        gap, before = doc[t.i - 1], doc[t.i - 2]
        if t.is_space or not gap.is_space or "\n" not in gap.text:
            continue
        # A blank line, or a line that ended a sentence: hard-wrapped lines run on.
        if gap.text.count("\n") >= 2 or before.text[-1:] in _LINE_ENDS:
            t.is_sent_start = True
    return doc


@lru_cache(maxsize=4)
def load_nlp(model: str) -> Language:
    """Load an installed spaCy pipeline by package or path name, or raise ModelNotFoundError."""
    try:
        nlp = spacy.load(model, exclude=list(_UNUSED))
    except OSError as exc:
        raise ModelNotFoundError(Errors.E020.format(model=model)) from exc
    if "parser" not in nlp.pipe_names:
        raise ModelNotFoundError(Errors.E021.format(model=model))
    if "geosignal_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("geosignal_paragraphs", before="parser")
    return nlp
