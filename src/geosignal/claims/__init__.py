"""The claims stage: the epistemic status of every body sentence, with the cues that decided it.

A sentence inside a statement is ``attributed`` (and points to it). Otherwise the outlet's own
hedges make it ``speculative``: hedge phrases and epistemic adverbs from ``data/hedges.yaml``
anywhere in the sentence, epistemic modals (may, might, could) and hedging verbs (seem, appear)
only on a main-clause predicate, found through the parse, never by the word alone ("In May" is
a month: its tag is NNP, not MD). A question is ``rhetorical``; a main clause under a condition
or with "would" is ``hypothetical``; "will"/"going to" make it ``future``; a negated main
predicate makes it ``negated``; everything else is ``reported``.

``status_of_token`` gives the same reading for one predicate (used for event factuality).
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..model import Analysis, Claim, Span, Statement, Status
from ..stage import Context
from .lexicon import HedgeLexicon, hedge_lexicon

__all__ = ["classify_sentence", "run", "speculative_cues", "status_of_token", "weasel_cues"]

_VERBAL = ("VERB", "AUX")
_MAIN_DEPS = ("ROOT", "conj")
_CLAUSE_DEPS = ("ccomp", "xcomp", "advcl", "relcl", "acl", "csubj", "parataxis")
_QUESTION_END = "?"
_CLOSERS = "\"'”’»)]"


def run(doc: Doc, analysis: Analysis, ctx: Context) -> None:
    """Add one claim per body sentence of ``doc`` to ``analysis.claims``."""
    lex = hedge_lexicon()
    text = doc.text
    stmts = sorted(analysis.statements, key=lambda s: s.content.start)
    for sent in doc.sents:
        for piece in _pieces(sent):
            start, end = _trim(text, piece.start_char, piece.end_char)
            if end <= start or not _is_body(piece):
                continue
            status, cues, statement = classify_sentence(piece, stmts, lex)
            analysis.claims.append(Claim(start, end, text[start:end], status, cues, statement))


def _pieces(sent: SpacySpan) -> list[SpacySpan]:
    """A sentence cut at paragraph breaks (the parser sometimes runs one over a blank line)."""
    doc = sent.doc
    out: list[SpacySpan] = []
    a = sent.start
    for t in sent:
        if t.is_space and "\n" in t.text:
            if t.i > a:
                out.append(doc[a : t.i])
            a = t.i + 1
    if sent.end > a:
        out.append(doc[a : sent.end])
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _is_body(sent: SpacySpan) -> bool:
    """A sentence with a predicate; datelines, captions and bare headings are not claims."""
    return any(t.pos_ in _VERBAL for t in sent) and any(t.is_alpha for t in sent)


def _span(t: Token | SpacySpan) -> Span:
    if isinstance(t, Token):
        return Span(t.idx, t.idx + len(t.text), t.text)
    return Span(t.start_char, t.end_char, t.text)


def _main_predicates(sent: SpacySpan) -> list[Token]:
    root = sent.root
    out = [root]
    for t in root.children:
        if t.dep_ == "conj" and t.pos_ in _VERBAL:
            out.append(t)
    return out


def _statement_for(sent: SpacySpan, stmts: Iterable[Statement]) -> Statement | None:
    """The statement the sentence reports: its cue is in the sentence, or its content covers half of it."""
    # The sentence's own text: Doc.text would rebuild the whole document's text for every sentence.
    stext = sent.text
    s0 = sent.start_char + len(stext) - len(stext.lstrip())
    s1 = max(s0, sent.end_char - (len(stext) - len(stext.rstrip())))
    size = max(1, s1 - s0)
    best: Statement | None = None
    best_share = 0.0
    covered: set[int] = set()
    for st in stmts:
        lo, hi = max(s0, st.content.start), min(s1, st.content.end)
        if hi <= lo:
            continue
        covered.update(range(lo, hi))
        share = (hi - lo) / size
        if st.cue is not None and s0 <= st.cue.start < s1:
            share += 1.0
        if share > best_share:
            best, best_share = st, share
    if best is None:
        return None
    return best if best_share >= 1.0 or len(covered) / size >= 0.5 else None


def classify_sentence(
    sent: SpacySpan, stmts: Iterable[Statement] = (), lex: HedgeLexicon | None = None
) -> tuple[Status, list[Span], str | None]:
    """The status of a sentence, the cue spans that decided it and the statement it is inside."""
    lex = lex or hedge_lexicon()
    st = _statement_for(sent, stmts)
    if st is not None:
        return "attributed", [st.cue] if st.cue is not None else [], st.id
    spec = speculative_cues(sent, lex)
    if spec:
        return "speculative", spec, None
    q = _question(sent)
    if q is not None:
        return "rhetorical", [q], None
    preds = _main_predicates(sent)
    for status in ("hypothetical", "future", "negated"):
        cues = _predicate_cues(preds, status, lex)
        if cues:
            return status, [_span(c) for c in cues], None
    return "reported", [], None


def _question(sent: SpacySpan) -> Span | None:
    text = sent.text.rstrip().rstrip(_CLOSERS).rstrip()
    if not text.endswith(_QUESTION_END):
        return None
    last = next((t for t in reversed(sent) if t.text == "?"), None)
    return _span(last) if last is not None else None


def speculative_cues(sent: SpacySpan, lex: HedgeLexicon | None = None) -> list[Span]:
    """The outlet's hedge cues in a sentence: phrases, epistemic adverbs, main-clause modals and verbs."""
    lex = lex or hedge_lexicon()
    cues: list[Span] = []
    words = [t.lower_ for t in sent]
    for k in range(len(words)):
        for phrase in lex.phrases_at.get(words[k], ()):
            if tuple(words[k : k + len(phrase)]) == phrase:
                cues.append(_span(sent[k : k + len(phrase)]))
                break
    taken = {(c.start, c.end) for c in cues}
    covered = [(c.start, c.end) for c in cues]
    for t in sent:
        if any(a <= t.idx < b for a, b in covered):
            continue
        low = t.lower_
        adverb = low in lex.adverbs and t.pos_ in ("ADV", "INTJ", "ADJ")
        adjective = low in lex.adjectives and t.pos_ == "ADJ" and t.dep_ in ("acomp", "attr") and _epistemic_adj(t)
        if adverb or adjective:
            cues.append(_span(t))
    for c in weasel_cues(sent, lex):
        if not any(a <= c.idx < b for a, b in covered):
            cues.append(_span(c))
    for p in _main_predicates(sent):
        for c in _modal_cues(p, lex):
            if (c.idx, c.idx + len(c.text)) not in taken:
                cues.append(_span(c))
        if p.lemma_.lower() in lex.verbs and p.pos_ == "VERB" and _hedging_verb(p):
            cues.append(_span(p))
    cues.sort(key=lambda c: c.start)
    return cues


def weasel_cues(sent: SpacySpan, lex: HedgeLexicon | None = None) -> list[Token]:
    """Views held by an unnamed many or some, opinions with no holder, and generalising adverbs.

    "Some fans believe ...", "critics argue ...", "is regarded by many as ...", "has been
    described as ...", "is often cited": each read from the parse, not from the word alone
    ("some 300 soldiers" and "many were killed" are no weasel).
    """
    lex = lex or hedge_lexicon()
    out: list[Token] = []
    for t in sent:
        low = t.lower_
        if t.pos_ == "VERB" and t.lemma_.lower() in lex.opinion_verbs:
            for c in t.children:
                if c.dep_ == "nsubj" and _vague_holder(c, lex):
                    out.append(c)
                elif c.dep_ == "agent":
                    out += [x for x in c.children if x.dep_ == "pobj" and _vague_holder(x, lex)]
            if (
                t.tag_ == "VBN"
                and t.lemma_.lower() in lex.passive_verbs
                and any(c.dep_ == "auxpass" for c in t.children)
                # "was criticized and condemned by China": the agent of a coordinated verb is its too.
                and not any(c.dep_ == "agent" for v in (t, *t.conjuncts) for c in v.children)
                and any(c.dep_ in ("nsubjpass", "prep", "oprd", "xcomp", "ccomp") for c in t.children)
            ):
                out.append(t)
        elif low in lex.weasel_adverbs and t.pos_ == "ADV" and t.dep_ == "advmod" and t.head.pos_ in _VERBAL:
            out.append(t)
    return sorted(set(out), key=lambda x: x.i)


def _vague_holder(t: Token, lex: HedgeLexicon) -> bool:
    """A vague holder of a view: "some", "many of them", "others", "critics", "some fans"."""
    low = t.lower_
    if low in lex.weasel_quantifiers and t.pos_ in ("PRON", "DET", "ADJ", "NOUN"):
        return True
    named = any(c.pos_ == "PROPN" or c.dep_ in ("poss", "nummod") for c in t.children)
    vague = any(c.lower_ in lex.weasel_quantifiers for c in t.children if c.dep_ in ("det", "amod"))
    if low in lex.weasel_people or t.lemma_.lower() in lex.weasel_people:
        bare = not any(c.dep_ == "det" for c in t.children)
        return not named and (vague or bare)
    # "Many German public figures have called ...", "some theories associate ...": any unnamed group.
    return t.pos_ == "NOUN" and vague and not named


def _epistemic_adj(t: Token) -> bool:
    """'possible that', 'likely to', 'it is unclear whether' - not 'the possible risks' as a plain modifier."""
    if t.dep_ == "amod":
        return False
    return any(c.dep_ in ("ccomp", "xcomp") or c.lower_ in ("that", "to", "whether") for c in t.children) or any(
        c.dep_ == "expl" or c.lower_ == "it" for c in t.head.children
    )


def _hedging_verb(p: Token) -> bool:
    if not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in p.children):
        return False  # an imperative ("do not guess") is no hedge
    return any(c.dep_ in ("xcomp", "ccomp", "attr", "acomp", "oprd") for c in p.children)


def _imperative(p: Token) -> bool:
    """A command: a base-form verb with no subject, opened by "do", "don't", "never" or the verb itself."""
    if p.tag_ != "VB" or any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in p.children):
        return False
    if any(c.tag_ == "MD" or c.dep_ == "mark" or c.lower_ == "to" for c in p.children):
        return False  # "to go", "should not go": not a command
    lead = [c for c in p.children if c.i < p.i and c.dep_ in ("aux", "neg", "advmod", "intj")]
    first = min([p, *lead], key=lambda t: t.i)
    return first.i == p.sent.start or (first.i == p.sent.start + 1 and p.sent[0].is_punct)


def _modal_cues(p: Token, lex: HedgeLexicon) -> list[Token]:
    out: list[Token] = []
    for c in p.children:
        if c.tag_ == "MD" and c.dep_ == "aux" and c.lower_ in lex.modals:
            neg = any(x.dep_ == "neg" for x in p.children)
            if c.lower_ == "could" and neg:
                continue  # "could not" is past inability: negated, not a guess
            epistemic_must = p.lemma_ == "be" or any(x.lower_ in ("be", "have") and x.dep_ == "aux" for x in p.children)
            if c.lower_ == "must" and not epistemic_must:
                continue  # "must" as obligation
            out.append(c)
    return out


def _predicate_cues(preds: list[Token], status: str, lex: HedgeLexicon) -> list[Token]:
    out: list[Token] = []
    for p in preds:
        kids = list(p.children)
        if status == "hypothetical":
            out += [c for c in kids if c.tag_ == "MD" and c.lower_ in lex.hypothetical_modals]
            for c in kids:
                if c.dep_ == "advcl":
                    out += [m for m in c.children if m.dep_ == "mark" and m.lower_ in lex.conditional_marks]
        elif status == "future":
            out += [c for c in kids if c.tag_ == "MD" and c.lower_ in lex.future_modals]
            if p.lower_ == "going" and any(c.dep_ == "xcomp" for c in kids) and any(c.lemma_ == "be" for c in kids):
                out.append(p)
            if p.lower_ in ("about", "set") and any(c.dep_ == "xcomp" for c in kids):
                out.append(p)
        elif status == "negated":
            if _imperative(p):
                continue  # "Do not guess ...": a prohibition asserts nothing, so nothing is negated
            out += [c for c in kids if c.dep_ == "neg"]
            for c in kids:
                if c.dep_ in ("nsubj", "nsubjpass", "dobj", "attr"):
                    if c.lower_ in ("nobody", "nothing", "none", "noone"):
                        out.append(c)
                    out += [d for d in c.children if d.dep_ == "det" and d.lower_ == "no"]
    return sorted(out, key=lambda t: t.i)


def status_of_token(token: Token, lex: HedgeLexicon | None = None) -> Status:
    """The status of one predicate: its own modals, negation and conditions, then its clause's hedges.

    Walks up from the token through its governing clauses (xcomp, conj, ccomp ...) to the
    sentence root, so "may decide to attack" gives "attack" the hedge of "may".
    """
    lex = lex or hedge_lexicon()
    sent = token.sent
    chain: list[Token] = []
    cur = token
    for _ in range(8):
        chain.append(cur)
        if cur.dep_ == "ROOT" or cur.head == cur:
            break
        if cur.dep_ in ("relcl", "acl", "advcl") and cur.pos_ in _VERBAL:
            # An event in a relative or adverbial clause: its own clause decides, unless it is a condition.
            marks = {m.lower_ for m in cur.children if m.dep_ == "mark"}
            if cur.dep_ == "advcl" and marks & lex.conditional_marks:
                return "hypothetical"
            break
        cur = cur.head
    for p in chain:
        if _modal_cues(p, lex) or (p.lemma_.lower() in lex.verbs and p.pos_ == "VERB" and _hedging_verb(p)):
            return "speculative"
        if any(c.lower_ in lex.adverbs and c.pos_ == "ADV" for c in p.children):
            return "speculative"
        if _predicate_cues([p], "hypothetical", lex):
            return "hypothetical"
        if _predicate_cues([p], "future", lex):
            return "future"
        if _predicate_cues([p], "negated", lex):
            return "negated"
    if _question(sent) is not None:
        return "rhetorical"
    words = [t.lower_ for t in sent]
    for k in range(len(words)):
        for phrase in lex.phrases_at.get(words[k], ()):
            if tuple(words[k : k + len(phrase)]) == phrase:
                return "speculative"
    return "reported"
