"""The declarative trigger-pattern table (``data/patterns.yaml``) and its matcher.

Users extend the table with their own YAML files, named in ``GEOSIGNAL_EVENT_PATTERNS``
(several joined with the path separator). User patterns come first, so they win a trigger;
a user pattern with a shipped pattern's id replaces it. The file format is documented at the
top of ``data/patterns.yaml``.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, fields
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from spacy.tokens import Token

from .._data import load_yaml
from ..errors import UsageError
from .codebook import load_codebook
from .dates import cue_words

ENV = "GEOSIGNAL_EVENT_PATTERNS"
_ROLE = re.compile(
    r"^(act|judged|subj|obj|obj:poss|dative|poss|mod|adjmod|placemod|doermod|ccomp:subj|if:subj|prep:[a-z]+|gov:pobj:(subj|prep:[a-z]+)|for:subj|(gov|xcomp):(subj|obj|dative|prep:[a-z]+)|xcomp:if:subj)$"
)
_SUBJ = {"nsubj", "csubj"}
# A pattern's part of speech (its field pos) by spaCy's coarse tag.
_TABLE_POS = {"VERB": "verb", "AUX": "verb", "NOUN": "noun", "PROPN": "noun", "ADJ": "adj"}
_PASSIVE_SUBJ = {"nsubjpass", "csubjpass"}
_OBJ = {"dobj", "obj"}
_NO_CROSS = {"VERB", "AUX"}
# Prepositions whose gerund is done by the governing verb's subject.
_MEANS_PREPS = {"by", "to", "through", "without", "while", "after", "before", "upon", "on", "in"}


@dataclass(frozen=True, slots=True)
class Refinement:
    """A more specific code when the object phrase has one of the words."""

    words: frozenset[str]
    code: str


@dataclass(frozen=True, slots=True)
class Pattern:
    """One trigger pattern of the table."""

    id: str
    pos: str
    lemmas: frozenset[str]
    code: str
    source: tuple[str, ...]
    target: tuple[str, ...]
    prt: str | None = None
    prep: frozenset[str] = frozenset()
    pobj: frozenset[str] = frozenset()
    obj: frozenset[str] = frozenset()
    not_obj: frozenset[str] = frozenset()
    not_subj: frozenset[str] = frozenset()
    not_mod: frozenset[str] = frozenset()
    optional_obj: bool = False
    mod: frozenset[str] = frozenset()
    subj: frozenset[str] = frozenset()
    passive: bool | None = None
    ccomp_aux: frozenset[str] = frozenset()
    ccomp_base: bool = False
    uncoded_ccomp: bool = False
    xcomp: frozenset[str] = frozenset()
    foreign: bool = False
    reciprocal: bool = False
    needs_target: bool = False
    needs_xcomp: bool = False
    needs_obj: bool = False
    not_mishap: bool = False
    consume: bool = True
    refine: tuple[Refinement, ...] = field(default_factory=tuple)
    origin: str = ""


@dataclass(frozen=True, slots=True)
class PatternTable:
    """Patterns indexed by (pos, lemma), in precedence order."""

    patterns: tuple[Pattern, ...]
    by_lemma: dict[tuple[str, str], tuple[Pattern, ...]]
    sources: tuple[str, ...]
    intent_codes: dict[str, str] = field(default_factory=dict)
    threat_verbs: frozenset[str] = frozenset()
    threat_codes: dict[str, str] = field(default_factory=dict)
    refusal_verbs: frozenset[str] = frozenset()
    refusal_codes: dict[str, str] = field(default_factory=dict)
    support_verbs: frozenset[str] = frozenset()
    claim_verbs: frozenset[str] = frozenset()
    media_compounds: frozenset[str] = frozenset()
    intent_details: dict[str, str] = field(default_factory=dict)
    attempt_verbs: frozenset[str] = frozenset()
    responsibility_verbs: frozenset[str] = frozenset()
    appeal_codes: dict[str, str] = field(default_factory=dict)
    demand_codes: dict[str, str] = field(default_factory=dict)
    cessation_verbs: frozenset[str] = frozenset()
    cessation_codes: dict[str, str] = field(default_factory=dict)

    def candidates(self, token: Token) -> tuple[Pattern, ...]:
        """Patterns whose trigger lemma and part of speech fit the token."""
        pos = _TABLE_POS.get(token.pos_)
        if pos is None:
            return ()
        lemma = token.lemma_.lower()
        got = self.by_lemma.get((pos, lemma))
        if got is None and pos == "noun" and lemma != token.lower_:
            got = self.by_lemma.get((pos, token.lower_))
        if got is None and pos == "verb":
            for form in verb_forms(token):
                got = self.by_lemma.get((pos, form))
                if got is not None:
                    break
        if got is None and self.read_as_adjective(token):
            got = self.by_lemma[("adj", token.lower_)]
        return got or ()

    def read_as_adjective(self, token: Token) -> bool:
        """Whether a word the parser tagged otherwise is one of the table's adjectives.

        A participle ("was concerned about"), or an adjective taken for a noun conjunct ("found X
        and Y guilty").
        """
        shape = (token.tag_ == "VBN" and token.dep_ == "acomp") or (token.tag_ == "NN" and token.dep_ == "conj")
        return shape and ("adj", token.lower_) in self.by_lemma


def verb_forms(token: Token) -> tuple[str, ...]:
    """The lemma of a verb, and its stem when the lemmatizer clips it ("staged" -> "stag").

    Past and participle forms are also read as the word without "-d"/"-ed"/"-ing" (with an "e"
    restored), so a verb of the table is found whatever the lemmatizer made of it.
    """
    lemma = token.lemma_.lower()
    w = token.lower_
    forms = [lemma]
    if token.tag_ in ("VBD", "VBN") and w.endswith("ed"):
        forms += [w[:-1], w[:-2]]
    elif token.tag_ == "VBG" and w.endswith("ing"):
        forms += [w[:-3] + "e", w[:-3]]
    return tuple(forms)


def _check_role(spec: str, where: str) -> str:
    parts = spec.split(">")
    if not _ROLE.match(parts[0]) and parts[0] not in ("prep:between", "prep:among"):
        raise UsageError(f"event patterns {where}: unknown role {spec!r}")
    return spec


def _strs(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, bool) or any(isinstance(v, bool) for v in value):
        # Only true/false load as booleans (``load_yaml``), and no word list wants one.
        raise UsageError(f"event patterns: {value!r} holds a boolean where words are expected")
    if any(isinstance(v, (list, dict)) for v in value):
        # ("[x, *anchor]" nests the anchored list: YAML has no splice.)
        raise UsageError(f"event patterns: {value!r} holds a list where words are expected")
    return [str(v) for v in value]


# The fields a pattern may have: Pattern's own, with "lemma" for its lemmas.
_KEYS = frozenset(f.name for f in fields(Pattern)) - {"lemmas", "origin"} | {"lemma"}


def _pattern(raw: dict[str, Any], where: str) -> Pattern:
    book = load_codebook()
    try:
        pid = str(raw["id"])
        pos = str(raw.get("pos", "verb"))
        code = str(raw["code"])
        lemmas = frozenset(s.lower() for s in _strs(raw["lemma"]))
    except KeyError as exc:
        raise UsageError(f"event patterns {where}: a pattern lacks {exc}") from exc
    unknown = sorted(set(raw) - _KEYS)
    if unknown:
        # A misspelt constraint ("needs_targt") would otherwise be dropped and the pattern match too much.
        raise UsageError(f"event patterns {where}: {pid}: unknown field {unknown[0]!r}")
    if pos not in ("verb", "noun", "adj"):
        raise UsageError(f"event patterns {where}: {pid}: pos must be verb, noun or adj")
    if raw.get("pobj") and not raw.get("prep"):
        raise UsageError(f"event patterns {where}: {pid}: pobj needs prep")
    refine = tuple(
        Refinement(frozenset(w.lower() for w in _strs(r["words"])), str(r["code"])) for r in raw.get("refine") or []
    )
    for c in [code, *(r.code for r in refine)]:
        if c not in book.codes:
            raise UsageError(f"event patterns {where}: {pid}: unknown CAMEO code {c!r}")
    obj = frozenset(s.lower() for s in _strs(raw.get("obj")))
    passive = raw.get("passive")
    return Pattern(
        id=pid,
        pos=pos,
        lemmas=lemmas,
        code=code,
        source=tuple(_check_role(s, where) for s in _strs(raw.get("source"))),
        target=tuple(_check_role(s, where) for s in _strs(raw.get("target"))),
        prt=raw.get("prt"),
        prep=frozenset(s.lower() for s in _strs(raw.get("prep"))),
        pobj=frozenset(s.lower() for s in _strs(raw.get("pobj"))),
        obj=obj,
        not_obj=frozenset(s.lower() for s in _strs(raw.get("not_obj"))),
        not_subj=frozenset(s.lower() for s in _strs(raw.get("not_subj"))),
        not_mod=frozenset(s.lower() for s in _strs(raw.get("not_mod"))),
        optional_obj=bool(raw.get("optional_obj", False)),
        mod=frozenset(s.lower() for s in _strs(raw.get("mod"))),
        subj=frozenset(s.lower() for s in _strs(raw.get("subj"))),
        passive=None if passive is None else bool(passive),
        ccomp_aux=frozenset(s.lower() for s in _strs(raw.get("ccomp_aux"))),
        ccomp_base=bool(raw.get("ccomp_base", False)),
        xcomp=frozenset(s.lower() for s in _strs(raw.get("xcomp"))),
        foreign=bool(raw.get("foreign", False)),
        reciprocal=bool(raw.get("reciprocal", False)),
        needs_target=bool(raw.get("needs_target", False)),
        needs_xcomp=bool(raw.get("needs_xcomp", False)),
        uncoded_ccomp=bool(raw.get("uncoded_ccomp", False)),
        needs_obj=bool(raw.get("needs_obj", False)),
        not_mishap=bool(raw.get("not_mishap", False)),
        consume=bool(raw.get("consume", bool(obj))),
        refine=refine,
        origin=where,
    )


def read_patterns(text: str, where: str) -> tuple[list[Pattern], str]:
    """Parse one pattern file: its patterns and its source note."""
    patterns, note, _intent = _read(text, where)
    return patterns, note


# The pattern files' side tables, kept in one dict per file (so a user file overrides entry by
# entry) under a prefix each: code tables (root or code -> CAMEO code) and word lists.
_CODE_TABLES = {
    "threat_codes": "threat:",
    "refusal_codes": "refusal:",
    "intent_details": "intentdetail:",
    "appeal_codes": "appeal:",
    "demand_codes": "demand:",
    "cessation_codes": "cessation:",
}
_WORD_LISTS = {
    "intent_keeps_detail": "keep:",
    "threat_verbs": "threatverb:",
    "refusal_verbs": "refusalverb:",
    "support_verbs": "supportverb:",
    "claim_verbs": "claimverb:",
    "media_compounds": "mediacompound:",
    "attempt_verbs": "attemptverb:",
    "responsibility_verbs": "responsibilityverb:",
    "cessation_verbs": "cessationverb:",
}


def _read(text: str, where: str) -> tuple[list[Pattern], str, dict[str, str]]:
    try:
        data = load_yaml(text)
    except yaml.YAMLError as exc:
        raise UsageError(f"event patterns {where}: {str(exc).splitlines()[0]}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("patterns"), list):
        raise UsageError(f"event patterns {where}: expected a mapping with 'patterns'")
    intent = {str(k): str(v) for k, v in (data.get("intent_codes") or {}).items()}
    for key, prefix in _CODE_TABLES.items():
        for k, v in (data.get(key) or {}).items():
            intent[prefix + str(k)] = str(v)
    for key, prefix in _WORD_LISTS.items():
        for v in data.get(key) or []:
            intent[prefix + str(v)] = "yes"
    for c in (v for k, v in intent.items() if not k.startswith(tuple(_WORD_LISTS.values()))):
        if c not in load_codebook().codes:
            raise UsageError(f"event patterns {where}: unknown CAMEO code {c!r} in intent_codes")
    return [_pattern(r, where) for r in data["patterns"]], str(data.get("source") or where), intent


def user_pattern_files() -> tuple[Path, ...]:
    """The user's pattern files named in ``GEOSIGNAL_EVENT_PATTERNS``."""
    env = os.environ.get(ENV, "")
    return tuple(Path(p) for p in env.split(os.pathsep) if p)


@lru_cache(maxsize=8)
def load_patterns(user_files: tuple[Path, ...] = ()) -> PatternTable:
    """The shipped table, preceded by the user's files (a user id replaces the shipped one)."""
    text = resources.files("geosignal.events").joinpath("data", "patterns.yaml").read_text("utf-8")
    shipped, note, intent = _read(text, "patterns.yaml")
    user: list[Pattern] = []
    sources = [note]
    for path in user_files:
        if not path.is_file():
            raise UsageError(f"event patterns {path}: no such file (from {ENV})")
        got, src, more = _read(path.read_text("utf-8"), str(path))
        intent.update(more)
        user += got
        sources.append(src)
    ids = {p.id for p in user}
    ordered = tuple(user + [p for p in shipped if p.id not in ids])
    index: dict[tuple[str, str], list[Pattern]] = {}
    for p in ordered:
        for lemma in p.lemmas:
            index.setdefault((p.pos, lemma), []).append(p)

    def codes(key: str) -> dict[str, str]:
        prefix = _CODE_TABLES[key]
        return {k[len(prefix) :]: v for k, v in intent.items() if k.startswith(prefix)}

    def words(key: str) -> frozenset[str]:
        prefix = _WORD_LISTS[key]
        return frozenset(k[len(prefix) :] for k in intent if k.startswith(prefix))

    side = tuple(p for key, p in (*_CODE_TABLES.items(), *_WORD_LISTS.items()) if key != "intent_keeps_detail")
    plain = {k: v for k, v in intent.items() if not k.startswith(side)}  # keeps "keep:" for the coder
    return PatternTable(
        ordered,
        {k: tuple(v) for k, v in index.items()},
        tuple(sources),
        plain,
        words("threat_verbs"),
        codes("threat_codes"),
        words("refusal_verbs"),
        codes("refusal_codes"),
        words("support_verbs"),
        words("claim_verbs"),
        words("media_compounds"),
        codes("intent_details"),
        words("attempt_verbs"),
        words("responsibility_verbs"),
        codes("appeal_codes"),
        codes("demand_codes"),
        words("cessation_verbs"),
        codes("cessation_codes"),
    )


def current_patterns() -> PatternTable:
    """The table for the current environment."""
    return load_patterns(user_pattern_files())


# -- the parse helpers the matcher uses ---------------------------------------------------------


@cache
def cue_set(key: str) -> frozenset[str]:
    """A word list of data/cues.yaml as a set, built once per process (the coder runs per document)."""
    return frozenset(str(w) for w in cue_words().get(key) or ())


def takes_to(verb: Token) -> bool:
    """Whether a verb has the infinitive marker "to" ("to find more sites")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def is_passive(verb: Token) -> bool:
    """True for a passive verb ('was greeted by'; 'was criticized and condemned by': the second too)."""
    if any(c.dep_ in _PASSIVE_SUBJ or c.dep_ == "auxpass" for c in verb.children):
        return True
    if (
        verb.dep_ == "acl"
        and verb.tag_ == "VBN"
        and any(c.dep_ == "agent" for c in verb.children)
        and verb.lemma_.lower() not in cue_set("standing_participles")
    ):
        return True  # "the embargo imposed by the UN": a reduced passive, the noun its subject
    # The second of two coordinated passives shares the first one's auxiliary.
    return verb.dep_ == "conj" and any(c.dep_ == "agent" for c in verb.children)


def _raised_conjunct(verb: Token) -> Token | None:
    """The verb after "and" that carries the argument two coordinated verbs share.

    "China praised and supported Pakistan", "Japan was criticized and condemned by China": the
    first verb ends at the "and" (nothing of its own to its right) and the second verb, which has
    no subject of its own, takes the object or the agent for both.
    """
    right = [c for c in verb.children if c.i > verb.i]
    if not right or any(c.dep_ not in ("cc", "conj", "punct") for c in right):
        return None
    conj = next((c for c in right if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")), None)
    if conj is None or any(c.dep_ in _SUBJ or c.dep_ in _PASSIVE_SUBJ for c in conj.children):
        return None
    return conj


def _relative_head(tok: Token) -> Token:
    """'which'/'who'/'that' as a subject stands for the noun the relative clause modifies."""
    if tok.tag_ in ("WDT", "WP") or tok.lower_ in ("which", "who", "that"):
        clause = tok.head
        if clause.dep_ == "relcl":
            return clause.head
    return tok


def _participle_subject(subj: Token) -> Token:
    """'The Red Cross operating in Iraq said': a participle parsed as the subject stands for its noun.

    The parser sometimes makes a reduced relative clause the verb's subject and the noun before it
    the participle's subject; the noun is who acts.
    """
    if subj.tag_ == "VBG" and subj.pos_ == "VERB":
        nouns = [c for c in subj.children if c.dep_ in _SUBJ and c.i < subj.i and c.pos_ in ("NOUN", "PROPN")]
        if nouns:
            return nouns[0]
    return subj


def logical_subject(verb: Token, depth: int = 0) -> list[Token]:
    """Who does it: nsubj, the 'by' agent of a passive, else inherited across conj/xcomp/relcl."""
    if depth > 4:
        return []
    if is_passive(verb):
        for c in verb.children:
            if c.dep_ == "agent":
                # "signed by X and by Y": the second "by" is a conjunct of the first.
                bys = [c, *(x for x in c.children if x.dep_ == "conj" and x.lower_ == "by")]
                return [g for b in bys for g in b.children if g.dep_ == "pobj"]
        raised = _raised_conjunct(verb)
        if raised is not None and any(c.dep_ == "agent" for c in raised.children):
            return logical_subject(raised, depth + 1)  # "was criticized and condemned by China"
        # A passive without its agent does not borrow the subject of another clause.
        return []
    else:
        subj = [c for c in verb.children if c.dep_ in _SUBJ]
        if len(subj) > 1:
            # Two subjects of one verb are a misparse of a fronted phrase ("Then, the new
            # leadership of X, the leader proposed ...", a time or cause adjunct that lost its
            # preposition): the subject is the one next to the verb, its conjuncts aside.
            subj = [max(subj, key=lambda s: s.i if s.i < verb.i else -s.i)]
        if subj:
            return [_relative_head(_participle_subject(s)) for s in subj]
    head = verb.head
    if verb.dep_ == "xcomp" and head != verb and head.pos_ in ("VERB", "AUX") and is_passive(head):
        # "Obama is scheduled to attend": the passive's subject does the act.
        got = [_relative_head(c) for c in head.children if c.dep_ in _PASSIVE_SUBJ]
        if got:
            return got
    if verb.dep_ == "xcomp" and head.pos_ == "ADJ" and head.dep_ in ("acomp", "oprd") and head.head != head:
        # "Norway is willing to send ...": the subject of "is".
        return logical_subject(head.head, depth + 1)
    if (
        (verb.dep_ in ("conj", "xcomp", "advcl", "dep") or (verb.dep_ == "ccomp" and takes_to(verb)))
        and verb.head != verb
        and verb.head.pos_ in ("VERB", "AUX")
    ):
        # (A to-infinitive complement, "considered whether to arrest them", is done by the
        # governing verb's subject too.)
        if verb.dep_ == "conj" and verb.tag_ != "VBN" and is_passive(verb.head):
            # "was indicted by the court and will resign": the shared subject, not the agent (a bare
            # participle shares the passive: "was arrested by police and later released").
            got = [_relative_head(c) for c in verb.head.children if c.dep_ in _PASSIVE_SUBJ]
            if got:
                return got
        if verb.dep_ == "xcomp" and not is_passive(verb.head):
            # "urged Seoul to act": the object of the governing verb does the act.
            objs = [c for c in verb.head.children if c.dep_ in _OBJ]
            if objs and verb.head.lemma_.lower() not in cue_set("subject_control_verbs"):
                return objs
        return logical_subject(verb.head, depth + 1)
    if (
        verb.dep_ == "pcomp"
        and verb.head.dep_ == "prep"
        and verb.head.lower_ in _MEANS_PREPS
        and verb.head.head.pos_ in ("VERB", "AUX")
    ):
        # "resorted to throwing stones", "responded by sending troops", "before leaving for X":
        # the gerund's doer is the subject of the verb its preposition hangs on (not after "for":
        # "jailed a student for helping militants" is the student's act).
        return logical_subject(verb.head.head, depth + 1)
    if verb.dep_ == "relcl" and not is_passive(verb):
        return [verb.head]
    if verb.dep_ in ("acl",) and not is_passive(verb) and verb.tag_ == "VBG":
        if verb.head.lemma_.lower() in cue_set("issued_texts"):
            return _issuer(verb.head, depth)
        return [verb.head]
    noun = verb.head.lemma_.lower()
    if (
        verb.dep_ == "acl"
        and noun in cue_set("plan_nouns")
        and takes_to(verb)
        and verb.head.dep_ == "dobj"
        and verb.head.head.lemma_.lower() in cue_set("plan_verbs")
        and not any(c.dep_ == "poss" and c.pos_ != "PRON" for c in verb.head.children)
    ):
        # "Japan announced plans to relax visa rules", "Iran voiced its readiness to cooperate": who
        # announces the plan will act.
        return logical_subject(verb.head.head, depth + 1)
    if (
        verb.dep_ == "acl"
        and (noun in cue_set("decision_nouns") or noun in cue_set("plan_nouns"))
        and takes_to(verb)
        and any(c.dep_ in ("poss", "amod", "compound", "nmod") for c in verb.head.children)
    ):
        # "the Indian decision to downgrade ties", "Israel's move to cut ties": the decider acts;
        # "Japan's plan to relax visa rules": the planner will.
        return [verb.head]
    if verb.dep_ == "acl" and _misparsed_main_verb(verb):
        return [verb.head]
    return []


def _issuer(text: Token, depth: int) -> list[Token]:
    """Who issued a statement, letter or resolution.

    The text's own phrase names its issuer when it can ("China's statement", "a resolution of the
    General Assembly", "a Chinese statement": the text is returned for the actor search); else the
    doer of the verb that issues it ("issued a statement", not "vetoed a resolution") or that speaks
    in it ("said in a statement").
    """
    if any(c.dep_ == "poss" or (c.dep_ in ("prep", "agent") and c.lower_ in ("of", "by")) for c in text.children):
        return [text]
    head = text.head
    if text.dep_ in _OBJ and head.lemma_.lower() in cue_set("issuing_verbs"):
        return logical_subject(head, depth + 1) or [text]
    if text.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ == "in" and head.head.pos_ in ("VERB", "AUX"):
        return logical_subject(head.head, depth + 1) or [text]
    return [text]


def _misparsed_main_verb(verb: Token) -> bool:
    """A past verb the parser hung on the noun before it, where it is that noun's main verb.

    "Vincent Cable, for the Liberal Democrats, called on Mr Brown to ..." (the sentence's root is
    then the noun: it has no verb of its own), "Palestinian youths resorted to throwing stones ...,
    officials said" (the noun is then a second subject, or a loose dependent, of the speech verb
    that has its own subject). Not a participle with its agent ("the attack carried out by rebels").
    """
    noun = verb.head
    if verb.tag_ not in ("VBD", "VBN") or verb.i < noun.i or noun.pos_ not in ("NOUN", "PROPN"):
        return False
    if any(c.dep_ in ("agent", "auxpass", "aux") for c in verb.children):
        return False
    if noun.dep_ == "ROOT":
        return True
    others = [c for c in noun.head.children if c.dep_ in _SUBJ and c.i != noun.i]
    return noun.dep_ in (*_SUBJ, "dep") and bool(others)


def logical_object(verb: Token) -> list[Token]:
    """What it is done to: dobj, or the subject of a passive."""
    if is_passive(verb):
        got = [_relative_head(c) for c in verb.children if c.dep_ in _PASSIVE_SUBJ]
        if not got and verb.dep_ in ("relcl", "acl"):
            return [verb.head]
        if not got and verb.dep_ == "conj":
            return logical_object(verb.head)
        return got
    got = [c for c in verb.children if c.dep_ in _OBJ]
    if not got and (raised := _raised_conjunct(verb)) is not None and not is_passive(raised):
        got = [c for c in raised.children if c.dep_ in _OBJ]  # "praised and supported Pakistan"
    prts = {c.lower_ for c in verb.children if c.dep_ == "prt"}
    if not got and prts:
        # "handed over to the Americans 500 thousand shells": the parser hangs the object on "to"
        # ("wrote off Nigeria's debt": on the particle itself); not "closing in on the town", where one goes.
        approach = bool(prts & cue_set("approach_particles"))
        got = [
            g
            for c in verb.children
            if (c.dep_ == "prep" and not (approach and c.lower_ == "on")) or c.dep_ == "prt"
            for g in c.children
            if g.dep_ == "pobj" and g.pos_ == "NOUN"
        ]
    if not got and verb.lemma_.lower() in cue_set("permission_verbs"):
        # "allowed the United States to use its bases": the parser makes the object the subject of
        # an infinitive clause.
        got = [
            g
            for c in verb.children
            if c.dep_ == "ccomp" and takes_to(c) and c.i > verb.i
            for g in c.children
            if g.dep_ == "nsubj" and g.i > verb.i
        ]
    if not got and verb.dep_ == "relcl":
        # "the agreement which X signed"
        rel = [c for c in verb.children if c.tag_ in ("WDT", "WP") and c.dep_ in _OBJ]
        if rel:
            return [verb.head]
    return got


def with_conjuncts(tokens: list[Token]) -> list[Token]:
    """The tokens and their conjuncts ('South Korea, the United States and Japan')."""
    out: list[Token] = []
    stack = list(tokens)
    while stack:
        t = stack.pop(0)
        if t in out:
            continue
        out.append(t)
        stack += [c for c in t.children if c.dep_ == "conj" and c.pos_ not in _NO_CROSS]
    return out


def prep_objects(trigger: Token, prep: str, extra_heads: list[Token]) -> list[Token]:
    """Objects of a preposition on the trigger, else within its object phrases (not across verbs)."""
    words = prep.split("_")
    for head in [trigger, *extra_heads]:
        found = _prep_below(head, words, 0 if head is trigger else 3)
        if found:
            return found
    if trigger.pos_ not in ("VERB", "AUX") or words[0] == "with":
        return []
    # "opened fire with rifles on Pakistani positions": the parser hangs the trigger's own
    # preposition on the instrument named before it.
    instruments = [
        g
        for c in trigger.children
        if c.dep_ == "prep" and c.i > trigger.i and c.lower_ == "with"
        for g in c.children
        if g.dep_ == "pobj" and g.pos_ == "NOUN"
    ]
    return next((found for g in instruments if (found := _prep_below(g, words, 0))), [])


def _prep_below(head: Token, words: list[str], depth: int) -> list[Token]:
    frontier = [head]
    for level in range(depth + 1):
        nxt: list[Token] = []
        for h in frontier:
            for c in own_dependents(h) if level == 0 else h.children:
                if c.dep_ in ("prep", "agent", "dative") and prep_word(c) == words[0]:
                    got = [g for g in c.children if g.dep_ == "pobj" and not _complex_preposition(c, g)]
                    if got:
                        return got
                if (c.pos_ not in _NO_CROSS and c.dep_ not in ("relcl", "acl", "advcl", "ccomp", "conj")) or (
                    depth > 0 and _restating_clause(c)
                ):
                    nxt.append(c)
        frontier = nxt
    return []


def _restating_clause(c: Token) -> bool:
    """Whether a clause on an object noun says whom the object bears on: its prepositions are the object's.

    "the sanctions imposed on Libya", "the sanctions it imposed on India".
    """
    return (c.dep_ == "acl" and c.tag_ == "VBN") or c.dep_ == "relcl"


# A preposition the parser hangs under "out" or "away" ("pulled out of the talks", "moved away from
# the border"): read as the verb's own.
_LEADING_PARTICLES = ("out", "away")


def prep_word(prep: Token) -> str:
    """The preposition as patterns name it: "of" after "out" is "from" ("pulled out of Lebanon")."""
    return "from" if prep.lower_ == "of" and prep.head.lower_ == "out" else prep.lower_


def own_dependents(head: Token) -> list[Token]:
    """The head's children, and the prepositions under its leading particle ("out of", "away from")."""
    kids = list(head.children)
    return kids + [
        g
        for c in kids
        if c.dep_ in ("prep", "prt", "advmod") and c.lower_ in _LEADING_PARTICLES
        for g in c.children
        if g.dep_ == "prep"
    ]


def _complex_preposition(prep: Token, obj: Token) -> bool:
    """Whether the noun after "in" is part of a longer preposition ("in light of X", "in response to X")."""
    if prep.lower_ != "in" or obj.lemma_.lower() not in cue_set("complex_preposition_nouns"):
        return False
    return any(c.dep_ == "prep" for c in obj.children)


def find_lemma(head: Token, lemma: str) -> Token | None:
    """The nearest descendant of head with this lemma, within its own phrase.

    The search does not enter clauses below the phrase other than gerunds ("a U.S. request to
    interrogate detainees held after the escape of prisoners": the 'of' there is not the request's).
    """
    frontier = [head]
    while frontier:
        nxt: list[Token] = []
        for h in frontier:
            for c in h.children:
                if c.lemma_.lower() == lemma:
                    return c
                if c.dep_ in ("relcl", "advcl", "ccomp"):
                    continue
                # A gerund stays in the phrase ("capable of launching warfare against X"); an
                # infinitive or participle clause starts another ("a request to interrogate ...").
                if c.pos_ not in _NO_CROSS or c.tag_ == "VBG":
                    nxt.append(c)
        frontier = nxt
    return None
