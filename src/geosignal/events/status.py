"""Epistemic status of an event: the claim (sentence) status, refined by the trigger's own clause.

When the claims stage has produced no claim for the sentence, a small fallback reads the sentence
itself (question mark, hedge words, reporting verbs, quotes). Cue words live in ``data/cues.yaml``.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..model import Status
from .dates import cue_words
from .patterns import is_passive, takes_to

# Which status wins when the sentence and the clause disagree (first wins).
_ORDER: tuple[Status, ...] = (
    "rhetorical",
    "speculative",
    "negated",
    "hypothetical",
    "future",
    "attributed",
    "reported",
)


def sentence_status(sent: Span) -> Status:
    """Fallback status of a sentence: rhetorical, speculative or reported."""
    w = cue_words()
    text = sent.text.strip().strip("\"'“”»«")
    if text.endswith("?"):
        return "rhetorical"
    low = sent.text.lower()
    if any(p in low for p in w["hedge_phrases"]):
        return "speculative"
    hedges = set(w["hedges"])
    if any(t.lower_ in hedges or t.lemma_.lower() in hedges for t in sent):
        return "speculative"
    root = sent.root
    if any(c.dep_ == "aux" and c.lower_ in ("could", "might", "may") for c in root.children):
        return "speculative"
    return "reported"


def _governors(t: Token) -> list[Token]:
    """The trigger and the verbs above it through xcomp/conj (for a noun: its governing verb)."""
    out = [t]
    cur = t
    if cur.dep_ == "pobj" and cur.head.lower_ in cue_words()["given_preps"]:
        return out  # "will act despite Bush's refusal": the refusal is a given
    if cur.pos_ in ("NOUN", "PROPN") and cur.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and cur.head != cur:
        cur = cur.head if cur.dep_ != "pobj" else cur.head.head
        out.append(cur)
    for _ in range(4):
        if cur.dep_ in ("xcomp", "acomp") and cur.head != cur:
            cur = cur.head
            out.append(cur)
        else:
            break
    return out


def clause_status(t: Token) -> Status | None:
    """Negation, modality or intent on the trigger's own clause, if any."""
    w = cue_words()
    negators = set(w["negators"])
    govs = _governors(t)
    for g in govs:
        negated = any(c.dep_ == "neg" or (c.lower_ in negators and c.dep_ in ("advmod", "det")) for c in g.children)
        if negated and (g is t or g.pos_ in ("VERB", "AUX")):
            return "negated"
    for k, g in enumerate(govs[1:]):
        if k == 0 and t.dep_ == "pobj":
            continue  # "rejected the offer after talks with X": the verb beside the talks does not undo them
        if g.lemma_.lower() in w["negating_verbs"] and g.pos_ == "VERB":
            return "negated"
    if t.dep_ == "acl" and takes_to(t) and t.head.lemma_.lower() in w["negating_nouns"]:
        return "negated"  # "the failure to find weapons"
    if t.dep_ == "acl" and takes_to(t) and t.head.lemma_.lower() in w["capacity_nouns"]:
        return "hypothetical"  # "has the power to jail people"
    if t.dep_ == "acl" and takes_to(t) and t.head.lemma_.lower() in w["plan_nouns"]:
        if any(c.dep_ == "det" and c.lower_ in negators for c in t.head.children):
            return "negated"  # "has no desire to offer concessions"
        return "future"  # "announced plans to relax visa rules": an intent
    first = t
    while first.dep_ == "conj" and first.head != first:
        first = first.head  # "was tortured or abused": the first of the acts
    if first.dep_ in ("ccomp", "acl"):
        h = first.head
        if h.pos_ == "VERB" and h.lemma_.lower() in w["negating_verbs"] and h.i < first.i:
            return "negated"  # "denied that its troops attacked the village"
        if h.lemma_.lower() in w["unfounded_nouns"] and any(
            c.dep_ == "det" and c.lower_ in negators for c in h.children
        ):
            return "negated"  # "no evidence that any detainee was tortured"
    verbal = [g for g in govs if g.pos_ in ("VERB", "AUX")]
    for g in verbal[:2]:
        auxes = {c.lower_ for c in g.children if c.dep_ in ("aux", "auxpass")}
        if auxes & set(w["future_modals"]):
            return "future"
        if "would" in auxes and g.dep_ == "ccomp" and g.head.lemma_.lower() in set(w["say_verbs"]) | {"announce"}:
            return "future"  # reported speech: "announced it would free"
        if auxes & set(w["hypothetical_modals"]) or _obliged(g):
            return "hypothetical"
        if g is not t and g.lemma_.lower() in w["intent_verbs"] and t.dep_ == "xcomp" and t.head == g:
            return "future"
        if _be_to(g) and g.lemma_.lower() not in w["be_to_idioms"]:
            # "Britain is to give a grant", "was to visit Moscow": planned, not done; "is yet to
            # begin": not done.
            return "negated" if any(c.lower_ in w["be_to_not_yet"] for c in g.head.children) else "future"
    if t.dep_ == "xcomp" and t.head.lemma_.lower() in w["intent_verbs"]:
        return "future"
    h = t.head
    if (
        t.dep_ == "xcomp"
        and takes_to(t)
        and h.lemma_.lower() in w["future_progressives"]
        and h.tag_ in ("VBG", "JJ", "RB")
    ):
        return "future"
    marks = frozenset(w.get("condition_marks") or ())
    if _in_condition(t, marks):
        return "hypothetical"
    # An act in an open question is not done either ("will consider whether to arrest them").
    if any(c.dep_ == "mark" and c.lower_ in marks for g in verbal[:2] for c in g.children):
        return "hypothetical"
    return None


def _obliged(t: Token) -> bool:
    """An infinitive of what is needed: "it is necessary to develop", "Moscow needs to strengthen"."""
    h = t.head
    if h == t or t.dep_ not in ("xcomp", "advcl") or not takes_to(t):
        return False
    w = cue_words()
    if h.lemma_ == "be":
        return any(c.dep_ == "acomp" and c.lemma_.lower() in w["deontic_adjectives"] for c in h.children)
    return h.lemma_.lower() in w["deontic_verbs"] and h.tag_ in ("VBZ", "VBP", "VB")


def _be_to(v: Token) -> bool:
    """The be-to construction: "is to give", "was to visit", a bare "be" and the infinitive only.

    Not a copula with a predicate ("it is important to support", "was fair to criticise") nor a
    modal "be" ("would be to insist").
    """
    be = v.head
    return (
        v.dep_ == "xcomp"
        and be.lemma_ == "be"
        and be.pos_ == "AUX"
        and takes_to(v)
        and not any(c.dep_ in ("acomp", "attr", "aux", "expl") or c.lower_ == "it" for c in be.children)
    )


def _in_condition(t: Token, marks: frozenset[str]) -> bool:
    """True when the trigger's clause is a condition ("unless Baghdad accepted its terms")."""
    cur = t
    if cur.pos_ in ("NOUN", "PROPN") and cur.head.i != cur.i:
        cur = cur.head if cur.dep_ != "pobj" else cur.head.head
    for _ in range(4):
        if cur.dep_ == "advcl":
            return any(c.dep_ == "mark" and c.lower_ in marks for c in cur.children)
        if cur.dep_ in ("conj", "xcomp") and cur.head.i != cur.i:
            cur = cur.head
            continue
        break
    return False


def attributed_by_parse(t: Token, sent: Span, text: str) -> bool:
    """True when the trigger sits in a reported clause ('X said that ...') or inside quotes."""
    w = cue_words()
    says = set(w["say_verbs"])
    cur = t
    for _ in range(8):
        if cur.head == cur:
            break
        if cur.dep_ == "ccomp" and cur.head.lemma_.lower() in says:
            return True
        if cur.dep_ in ("parataxis",) and cur.head.lemma_.lower() in says:
            return True
        # "..., the ministry said" with the say-verb as a parataxis/child of the trigger's root.
        cur = cur.head
    root = cur
    if root is not t and any(c.dep_ == "parataxis" and c.lemma_.lower() in says for c in root.children):
        return True
    before = text[sent.start_char : t.idx]
    quotes = sum(before.count(q) for q in ('"', "“", "”", "«", "»"))
    if quotes % 2 == 1:
        return True
    low = sent.text.lower()
    return "according to" in low


def combine(sentence: Status, clause: Status | None, attributed: bool) -> Status:
    """The event's status: the most cautious of the sentence's and the clause's."""
    cands: list[Status] = [sentence]
    if clause is not None:
        cands.append(clause)
    if attributed:
        cands.append("attributed")
    return min(cands, key=_ORDER.index)


def habitual(t: Token) -> bool:
    """True when a trigger states a habit or custom, not one act.

    "it has become a tradition for X to come", "X usually meets Y", "X used to visit Y", "X tends
    to side with Y".
    """
    w = cue_words()
    nouns = set(w["habitual_nouns"])
    adverbs = set(w["habitual_adverbs"])
    verbs = set(w["habitual_verbs"])
    # The trigger's clause and the clauses it complements, up to the first finite clause.
    chain = [t]
    h = t
    if t.pos_ in ("NOUN", "PROPN") and t.head.i != t.i and t.head.pos_ in ("VERB", "AUX"):
        # An event noun is habitual with its verb ("usually holds talks").
        h = t.head
        chain.append(h)
    while h.dep_ in ("xcomp", "advcl", "acl", "pcomp", "pobj", "prep", "conj") and h.head.i != h.i and len(chain) < 6:
        h = h.head
        chain.append(h)
        if h.pos_ in ("NOUN", "PROPN") and h.lemma_.lower() in nouns:
            return True
    for v in chain:
        if v.pos_ not in ("VERB", "AUX"):
            continue
        if any(c.dep_ == "advmod" and c.lower_ in adverbs for c in v.children):
            return True
        if v.i != t.i and v.lemma_.lower() in verbs:
            return True
        if (
            v.i != t.i
            and v.lower_ == "used"
            and t.dep_ == "xcomp"
            and t.head.i == v.i
            and not is_passive(v)
            and not any(c.dep_ in ("dobj", "obj") for c in v.children)
        ):
            return True  # "used to visit" (not "was used to attack", "used tear gas to disperse them")
    return False
