"""Loading the spaCy pipeline: once per process, never downloaded."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from .errors import Errors, ModelNotFoundError

# Components geosignal never reads; disabling them saves time on every document.
_UNUSED = ("textcat", "entity_linker")
_LINE_ENDS = set(".!?:;\"”’'")
# "re-imposed", "co-operate": split at the hyphen, the halves parse as two verbs and a noun
# ("The US re - imposed sanctions" made "sanctions" the root), so they stay one word.
_PREFIXED = re.compile(r"(?i)^(re|co|counter)-([a-z]{3,})$")


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


@Language.factory("geosignal_prefixed_lemmas", requires=["token.lemma"])
def _prefixed_lemmas(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """The lemma of a prefixed verb the lemmatizer does not know ("re-elected" gave "re-electe").

    A verb done again is that verb ("re-imposed sanctions" imposes them); "co-operate" is "cooperate".
    """
    lemmatizer = nlp.get_pipe("lemmatizer")
    cache: dict[tuple[str, str], str] = {}

    def base(word: str, pos: str) -> str:
        if (word, pos) not in cache:
            d = Doc(nlp.vocab, words=[word])
            d[0].pos_ = pos
            cache[word, pos] = lemmatizer.rule_lemmatize(d[0])[0]  # type: ignore[attr-defined]
        return cache[word, pos]

    def component(doc: Doc) -> Doc:
        for t in doc:
            m = _PREFIXED.match(t.text) if "-" in t.text else None
            if m is None or t.pos_ not in ("VERB", "NOUN"):
                continue
            prefix, word = m.group(1).lower(), base(m.group(2).lower(), t.pos_)
            if prefix == "co":
                t.lemma_ = "co" + word  # "co-operation" is "cooperation"
            elif t.pos_ == "VERB":
                t.lemma_ = word
        return doc

    return component


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
    if "lemmatizer" in nlp.pipe_names and "geosignal_prefixed_lemmas" not in nlp.pipe_names:
        nlp.add_pipe("geosignal_prefixed_lemmas", after="lemmatizer")
        tokenizer = nlp.tokenizer
        if isinstance(tokenizer, Tokenizer):
            whole = tokenizer.token_match
            tokenizer.token_match = lambda text: _PREFIXED.match(text) or (whole(text) if whole else None)
    return nlp
