"""The techniques stage: persuasion techniques (SemEval-2020 Task 11 labels) with their voice.

Cue phrases come from two data files: ``data/lexicon.yaml`` (hand-written) and ``data/mined.yaml``
(mined from the PTC train split by ``python -m geosignal.techniques.train``). They are compiled once
per vocabulary into one spaCy ``Matcher`` over lemmas and lower-cased words. A hit covers the cue
itself, the cue grown to the noun phrases it touches (``phrase``: loaded language, name calling,
...), or the sentence it stands in (doubt, appeal to fear, ...; clipped to the quote when the cue
is inside one). Repetition is a content word repeated
within a short window. A technique inside a statement's content has that statement's id as voice;
elsewhere the voice is the outlet's own (``None``).
"""

from __future__ import annotations

import bisect
import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import spacy
from spacy.attrs import SENT_START
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from .._data import load_yaml
from ..kb import KnowledgeBase
from ..model import Analysis, Statement, Technique
from ..stage import Context

__all__ = ["TECHNIQUES", "find_techniques", "run"]

DATA = Path(__file__).parent / "data"
TECHNIQUES = (
    "loaded_language",
    "name_calling_labeling",
    "repetition",
    "exaggeration_minimisation",
    "doubt",
    "appeal_to_fear_prejudice",
    "flag_waving",
    "causal_oversimplification",
    "slogans",
    "appeal_to_authority",
    "black_and_white_fallacy",
    "thought_terminating_cliches",
    "whataboutism_straw_men_red_herring",
    "bandwagon_reductio_ad_hitlerum",
)
HAND_SCORE = 0.6
# Content words that repeat within this many tokens count as repetition.
REPEAT_WINDOW = 2
REPEAT_SKIP_POS = frozenset({"DET", "ADP", "CCONJ", "SCONJ", "PRON", "PART", "AUX", "PUNCT", "NUM"})
_TRIM = " \n\t.,:;"


@dataclass(frozen=True, slots=True)
class Cue:
    """What a matcher hit means: the technique, how far its span reaches, and a confidence."""

    technique: str
    extent: str
    score: float
    phrase: str = ""


@dataclass(frozen=True, slots=True)
class Settings:
    """Tunable knobs of the stage (the defaults are what ships; tuned on the PTC dev split)."""

    min_mined_score: float = 0.25
    # Mined cues seen fewer times than this in the train split are one article's words, not a cue.
    min_mined_count: int = 2
    # Drop cue hits that lie wholly inside a name ("Great Patriotic War", "Korean People's Army").
    skip_names: bool = True
    # A sentence-level technique covers the clause its cue is in, not the whole sentence.
    clause_extent: bool = False
    enabled: frozenset[str] = frozenset(TECHNIQUES)
    use_mined: bool = True
    use_hand: bool = True
    # Hits from the text's form (``patterns`` of ``data/lexicon.yaml``: scare quotes, exclamations).
    use_patterns: bool = True
    # Hand cues (technique, phrase) that ``train`` found mostly wrong on the train split.
    pruned: frozenset[tuple[str, str]] = frozenset()
    # A text with few cue hits per 1,000 characters reads as reporting, not advocacy, and a hit there
    # needs more evidence. Below ``sparse_density`` a sentence-level cue ("because", "experts") or a
    # quoted phrase that is the only hit in its sentence is dropped; below ``thin_density`` so is a
    # mined cue under ``thin_mined_score`` (a density of 0 turns either off). PTC train scored out of
    # sample: such lone hits earn 0.11 precision against 0.26 for the other sentence-level and quote
    # hits, and weak mined cues in thin texts 0.17; span F1 0.3833 -> 0.3874 -> 0.3892 (dev 0.4201 ->
    # 0.4218 -> 0.4226).
    sparse_density: float = 4.5
    thin_density: float = 6.0
    thin_mined_score: float = 0.35


Hit = tuple[Cue, int, int]


@lru_cache(maxsize=1)
def default_settings() -> Settings:
    """The shipped settings: pruned cues come from ``data/mined.yaml`` (train) and ``data/dropped.yaml`` (dev)."""
    pruned = (_read("mined.yaml").get("pruned") or []) + (_read("dropped.yaml").get("dropped") or [])
    return Settings(pruned=frozenset((str(t), str(p)) for t, p in pruned))


def _read(name: str) -> dict[str, Any]:
    path = DATA / name
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8") as fh:
        data = load_yaml(fh.read()) or {}
    assert isinstance(data, dict)
    return data


@lru_cache(maxsize=1)
def load_cues() -> tuple[tuple[str, str, float, str, bool, int], ...]:
    """(technique, phrase, score, extent, is_lemma_key, train count) for every cue in the data files.

    Hand cues have a count of 0 (they were not counted anywhere).
    """
    out: list[tuple[str, str, float, str, bool, int]] = []
    hand = _read("lexicon.yaml")
    extent: dict[str, str] = dict(hand.get("extent", {}))
    for technique, phrases in (hand.get("cues") or {}).items():
        for phrase in phrases:
            out.append((technique, str(phrase), HAND_SCORE, extent.get(technique, "cue"), False, 0))
    mined = _read("mined.yaml")
    m_extent: dict[str, str] = dict(mined.get("extent", {}))
    for technique, rows in (mined.get("cues") or {}).items():
        for key, rate, n in rows:
            ext = m_extent.get(technique, extent.get(technique, "cue"))
            out.append((technique, str(key), float(rate), ext, True, int(n)))
    return tuple(out)


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    return spacy.blank("en").tokenizer


def _words(phrase: str, lemma_key: bool) -> list[str]:
    return phrase.split(" ") if lemma_key else [t.text for t in _tokenizer()(phrase)]


class _Compiled:
    """The matchers for one vocabulary and the cue behind each match key.

    Contiguous phrases go to two PhraseMatchers (on lemmas, and on lower-cased words for hand
    phrases); only the few phrases with a ``*`` gap need the slower token Matcher.
    """

    def __init__(self, vocab: Vocab, settings: Settings) -> None:
        self.vocab = vocab
        self.by_lemma = PhraseMatcher(vocab, attr="LEMMA")
        self.by_lower = PhraseMatcher(vocab, attr="LOWER")
        self.gapped = Matcher(vocab)
        self.matchers: tuple[Any, ...] = ()
        self.cues: dict[int, Cue] = {}
        seen: set[tuple[str, str]] = set()
        for technique, phrase, score, extent, lemma_key, n in load_cues():
            if technique not in settings.enabled or (technique, phrase) in seen:
                continue
            if lemma_key and (
                not settings.use_mined or score < settings.min_mined_score or n < settings.min_mined_count
            ):
                continue
            if not lemma_key and not settings.use_hand:
                continue
            name = f"{technique}:{len(seen)}"
            seen.add((technique, phrase))
            self.cues[vocab.strings.add(name)] = Cue(technique, extent, score, phrase)
            words = _words(phrase, lemma_key)
            if "*" in words:
                gap: dict[str, Any] = {"OP": "{1,3}"}
                self.gapped.add(name, [[gap if w == "*" else {"LOWER": w.lower()} for w in words]])
                self.gapped.add(name, [[gap if w == "*" else {"LEMMA": w} for w in words]])
                continue
            lemma_forms = {tuple(words), tuple(w.lower() for w in words), tuple(w.capitalize() for w in words)}
            self.by_lemma.add(name, [Doc(vocab, words=list(f), lemmas=list(f)) for f in sorted(lemma_forms)])
            if not lemma_key:
                self.by_lower.add(name, [Doc(vocab, words=[w.lower() for w in words])])

        # An empty matcher warns when called: keep only those with patterns.
        self.matchers = tuple(m for m in (self.by_lemma, self.by_lower, self.gapped) if len(m))

    def __call__(self, doc: Doc) -> set[tuple[int, int, int]]:
        """(match key, start token, end token) of every hit."""
        hits: set[tuple[int, int, int]] = set()
        for matcher in self.matchers:
            hits.update((m, s, e) for m, s, e in matcher(doc))
        return hits


_COMPILED: dict[tuple[int, Settings], _Compiled] = {}


def _compiled(vocab: Vocab, settings: Settings) -> _Compiled:
    key = (id(vocab), settings)
    got = _COMPILED.get(key)
    if got is None or got.vocab is not vocab:
        got = _COMPILED[key] = _Compiled(vocab, settings)
    return got


def sentence_units(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges of the sentences, also split at line breaks and trimmed of edge punctuation."""
    text = doc.text
    # doc.sents is slow on long documents; the sentence-start flags are one array read.
    flags = doc.to_array([SENT_START])
    bounds = [int(doc[i].idx) for i in range(1, len(doc)) if flags[i] == 1]
    out: list[tuple[int, int]] = []
    start = 0
    for end in [*bounds, len(text)]:
        pos = start
        for piece in text[start:end].split("\n"):
            s, e = pos, pos + len(piece)
            pos = e + 1
            while s < e and text[s] in _TRIM:
                s += 1
            while e > s and text[e - 1] in _TRIM:
                e -= 1
            if e > s:
                out.append((s, e))
        start = end
    return out


def _unit_of(units: Sequence[tuple[int, int]], starts: Sequence[int], char: int) -> tuple[int, int] | None:
    i = bisect.bisect_right(starts, char) - 1
    if i >= 0 and units[i][0] <= char < units[i][1]:
        return units[i]
    return None


def _container(statements: Sequence[Statement], start: int, end: int) -> Statement | None:
    """The innermost statement whose content contains [start, end)."""
    best: Statement | None = None
    for st in statements:
        c = st.content
        inner = best is None or c.end - c.start < best.content.end - best.content.start
        if c.start <= start and end <= c.end and inner:
            best = st
    return best


def _repetitions(doc: Doc, window: int) -> list[tuple[int, int]]:
    """Words said again within ``window`` tokens ("very, very", "never, never"): the span covers both."""
    last: dict[str, int] = {}
    out: list[tuple[int, int]] = []
    for tok in doc:
        if "\n" in tok.text:
            last.clear()  # no repetition across a paragraph break
            continue
        if tok.is_alpha and len(tok) >= 2 and tok.pos_ not in REPEAT_SKIP_POS:
            word = tok.lower_
            prev = last.get(word)
            between = doc[prev + 1 : tok.i] if prev is not None else doc[0:0]
            # Only the word said again at once ("very, very"): "more and more", "day after day" and
            # "Muscat in Muscat" are idioms and names, not a repeated message.
            if prev is not None and tok.i - prev <= window and all(t.is_punct for t in between):
                out.append((doc[prev].idx, tok.idx + len(tok)))
            last[word] = tok.i
        if "\n" in tok.whitespace_:
            last.clear()
    return out


def _merge(hits: Iterable[tuple[str, int, int, float]]) -> list[tuple[str, int, int, float]]:
    """Overlapping hits of the same technique merged, keeping the best score."""
    out: list[tuple[str, int, int, float]] = []
    for t, s, e, sc in sorted(hits):
        if out and out[-1][0] == t and s <= out[-1][2]:
            pt, ps, pe, psc = out[-1]
            out[-1] = (pt, ps, max(pe, e), max(psc, sc))
        else:
            out.append((t, s, e, sc))
    return out


# Named-entity labels of proper names whose words are no technique ("Korean People's Army",
# "Great Patriotic War", "Soviet Union"); a demonym (NORP) alone is left to the cue's own data.
_NAME_SKIP = frozenset({"flag_waving", "name_calling_labeling"})
_NAME_LABELS = frozenset({"ORG", "GPE", "EVENT", "FAC", "LOC", "LAW", "WORK_OF_ART", "PRODUCT"})


def _inside_name(doc: Doc, s: int, e: int) -> bool:
    """Every token of doc[s:e] is part of a multi-word proper name (an entity of a naming label)."""
    for t in doc[s:e]:
        if t.ent_type_ not in _NAME_LABELS:
            return False
    ent = next((x for x in doc.ents if x.start <= s < x.end), None)
    return ent is not None and len(ent) > e - s


@lru_cache(maxsize=1)
def _collectives() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(techniques, collective nouns, function words) of ``data/collectives.yaml``."""
    data = _read("collectives.yaml")

    def low(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data.get(key) or [])

    return low("techniques"), low("collective_nouns"), low("function_words")


@lru_cache(maxsize=1)
def shipped_demonyms() -> frozenset[str]:
    """Lower-cased words of the shipped knowledge base's state demonyms ("american", "korean")."""
    from ..kb.base import load_kb

    return demonym_words(load_kb())


def demonym_words(kb: KnowledgeBase) -> frozenset[str]:
    """Lower-cased words of every state demonym of ``kb``, computed once and kept on the KB."""
    got = kb.cache.get("technique-demonyms")
    if not isinstance(got, frozenset):
        got = kb.cache["technique-demonyms"] = frozenset(
            w.lower() for st in kb.states() for d in st.demonyms for w in d.split()
        )
    return got


def _bare_group(doc: Doc, s: int, e: int, demonyms: frozenset[str]) -> bool:
    """doc[s:e] only names a nation or people ("Americans", "the Korean people"): no technique alone."""
    _techniques, nouns, function = _collectives()
    toks = [t for t in doc[s:e] if not t.is_punct]
    words = [t.lower_ for t in toks]
    if not (any(w in demonyms for w in words) and all(w in demonyms or w in nouns or w in function for w in words)):
        return False
    # "The American people will not put up with this", "misled the American people": a people named as
    # a whole that acts or is acted upon is invoked, not just mentioned; a bare demonym never is.
    heads = [t for t in toks if t.lower_ in nouns]
    return not any(_participant(t) for t in heads)


def _participant(t: Any) -> bool:
    """The noun takes part in a verb's action, not a noun's complement ("the victory of ...").

    Its subject or object, or the object of a preposition on the verb ("lied to the American people").
    """
    if t.dep_ in _CORE_ARGS:
        return bool(t.head.pos_ in ("VERB", "AUX"))
    return bool(t.dep_ == "pobj" and t.head.dep_ in ("prep", "dative") and t.head.head.pos_ in ("VERB", "AUX"))


_CORE_ARGS = frozenset({"nsubj", "nsubjpass", "dobj", "dative"})


def _clause(doc: Doc, s: int, e: int) -> tuple[int, int]:
    """Character range of the smallest clause (a verb's subtree) holding the cue doc[s:e]."""
    t = doc[s]
    for _ in range(12):
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass"):
            sub = list(t.subtree)
            if sub[0].i <= s and sub[-1].i >= e - 1:
                return sub[0].idx, sub[-1].idx + len(sub[-1])
        if t.head == t:
            break
        t = t.head
    sent = doc[s].sent
    return sent.start_char, sent.end_char


def _noun_chunks(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) token ranges of the noun phrases, in order (none without a parse)."""
    if not doc.has_annotation("DEP"):
        return []
    return [(nc.start, nc.end) for nc in doc.noun_chunks]


def _grow_to_chunks(chunks: Sequence[tuple[int, int]], s: int, e: int) -> tuple[int, int]:
    """doc[s:e] grown to the noun phrases it overlaps ("brutal" -> "this brutal regime").

    Gold PTC spans of the word-level techniques are phrases (median 18 to 40 characters against
    our single cue words' 7), and the partial-overlap score credits the share of each gold span
    covered.
    """
    # The last phrase starting at or before s, then every later one that starts before e.
    i = max(bisect.bisect_right(chunks, (s, sys.maxsize)) - 1, 0)
    a, b = s, e
    while i < len(chunks) and chunks[i][0] < e:
        c0, c1 = chunks[i]
        if c1 > s:
            a, b = min(a, c0), max(b, c1)
        i += 1
    return a, b


@dataclass(frozen=True, slots=True)
class Patterns:
    """The form patterns of ``data/lexicon.yaml``: which technique each names, if any."""

    scare_quote: str | None = None
    scare_quote_words: int = 0
    exclamation: str | None = None
    negated_question: str | None = None
    # Word endings that negate ("n't"): a question holding one asks for a "no" it presumes.
    negations: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def load_patterns() -> Patterns:
    """The ``patterns`` section of the hand lexicon."""
    data = _read("lexicon.yaml").get("patterns") or {}
    quote = data.get("scare_quote") or {}
    exclamation = data.get("exclamation") or {}
    question = data.get("negated_question") or {}
    return Patterns(
        scare_quote=quote.get("technique"),
        scare_quote_words=int(quote.get("max_words", 0)),
        exclamation=exclamation.get("technique"),
        negated_question=question.get("technique"),
        negations=tuple(str(w).lower() for w in question.get("negations") or []),
    )


SCARE_QUOTE = "<scare quote>"
_CURLY = re.compile(r"\u201c([^\u201c\u201d\n]{1,80})\u201d")
_STRAIGHT = '"'
_CLOSERS = "\"\u201d\u2019') "


def _scare_quotes(text: str, max_words: int) -> list[tuple[int, int]]:
    """Character ranges of short quoted phrases ("so-called \u201cexperts\u201d"), quote marks included.

    Curly quotes pair by their shape; straight ones pair in order within a paragraph, so the
    closing mark of a long quote never opens a short one.
    """
    out: list[tuple[int, int]] = []

    def short(inner: str) -> bool:
        return bool(inner.strip()) and len(inner.split()) <= max_words

    for m in _CURLY.finditer(text):
        if short(m.group(1)):
            out.append((m.start(), m.end()))
    pos = 0
    for para in text.split("\n"):
        marks = [pos + i for i, ch in enumerate(para) if ch == _STRAIGHT]
        for a, b in zip(marks[0::2], marks[1::2], strict=False):
            if short(text[a + 1 : b]):
                out.append((a, b + 1))
        pos += len(para) + 1
    return out


def raw_hits(
    doc: Doc,
    statements: Sequence[Statement] = (),
    *,
    settings: Settings | None = None,
    demonyms: frozenset[str] | None = None,
) -> list[Hit]:
    """Every cue hit with its cue and the character span it covers (before merging).

    ``demonyms`` are the lower-cased demonym words that make a bare group mention (the shipped
    KB's when not given).
    """
    settings = settings or default_settings()
    group_techniques = _collectives()[0]
    if demonyms is None and group_techniques:
        demonyms = shipped_demonyms()
    comp = _compiled(doc.vocab, settings)
    units = sentence_units(doc)
    starts = [u[0] for u in units]
    hits: list[Hit] = []
    chunks: list[tuple[int, int]] | None = None
    for match_id, s, e in sorted(comp(doc)):
        cue = comp.cues[match_id]
        if (cue.technique, cue.phrase) in settings.pruned:
            continue
        if settings.skip_names and cue.technique in _NAME_SKIP and _inside_name(doc, s, e):
            continue
        if demonyms and cue.technique in group_techniques and _bare_group(doc, s, e, demonyms):
            continue
        if cue.extent == "phrase":
            if chunks is None:
                chunks = _noun_chunks(doc)
            s, e = _grow_to_chunks(chunks, s, e)
        c0, c1 = doc[s].idx, doc[e - 1].idx + len(doc[e - 1])
        if cue.extent == "sentence":
            unit = _unit_of(units, starts, c0)
            if unit is None:
                continue
            u0, u1 = _in_statement(statements, unit, c0, c1)
            if settings.clause_extent:
                k0, k1 = _clause(doc, s, e)
                u0, u1 = max(u0, k0), min(u1, k1)
            c0, c1 = min(u0, c0), max(u1, c1)
        hits.append((cue, c0, c1))
    if settings.use_patterns:
        hits.extend(_pattern_hits(doc.text, units, statements, settings))
    # A gapped cue matches several token ranges that grow to the same phrase: one hit each.
    hits = list(dict.fromkeys(hits))
    return _drop_weak_in_sparse(hits, starts, len(doc.text), settings)


def _needs_company(cue: Cue) -> bool:
    """Whether a hit needs another hit in its sentence to count in a sparse text.

    Sentence-level cues and quoted phrases do: in a report a quote is most often the source's own term.
    """
    return cue.extent == "sentence" or cue.phrase == SCARE_QUOTE


def _drop_weak_in_sparse(hits: list[Hit], starts: Sequence[int], n_chars: int, settings: Settings) -> list[Hit]:
    """``hits`` without the weak ones when the text has few hits overall (see ``Settings``)."""
    density = len(hits) * 1000 / max(1, n_chars)
    if density < settings.thin_density:
        # Hand cues and form patterns keep their fixed score; only mined cues are rated by train.
        hits = [h for h in hits if h[0].score == HAND_SCORE or h[0].score >= settings.thin_mined_score]
    if not hits or density >= settings.sparse_density:
        return hits
    unit = [bisect.bisect_right(starts, c0) - 1 for _cue, c0, _c1 in hits]
    per_unit = Counter(unit)
    return [h for h, u in zip(hits, unit, strict=True) if per_unit[u] > 1 or not _needs_company(h[0])]


def _in_statement(statements: Sequence[Statement], unit: tuple[int, int], c0: int, c1: int) -> tuple[int, int]:
    """The sentence ``unit`` clipped to the content of the statement holding [c0, c1), if any."""
    u0, u1 = unit
    st = _container(statements, c0, c1)
    if st is not None:
        u0, u1 = max(u0, st.content.start), min(u1, st.content.end)
    return u0, u1


def _pattern_hits(
    text: str, units: Sequence[tuple[int, int]], statements: Sequence[Statement], settings: Settings
) -> list[Hit]:
    """Hits of the form patterns: short phrases in quotation marks, exclamations, negated questions."""
    pats = load_patterns()
    hits: list[Hit] = []
    quote = pats.scare_quote
    if quote and quote in settings.enabled and pats.scare_quote_words:
        cue = Cue(quote, "cue", HAND_SCORE, SCARE_QUOTE)
        hits.extend((cue, a, b) for a, b in _scare_quotes(text, pats.scare_quote_words))
    exclaim = pats.exclamation
    if exclaim and exclaim in settings.enabled:
        cue = Cue(exclaim, "sentence", HAND_SCORE, "<exclamation>")
        for u0, u1 in units:
            if text[u0:u1].rstrip(_CLOSERS).endswith("!"):
                # Inside a quote the exclamation is the speaker's: the span stays inside the quote.
                hits.append((cue, *_in_statement(statements, (u0, u1), u1 - 1, u1)))
    asks = pats.negated_question
    if asks and asks in settings.enabled and pats.negations:
        cue = Cue(asks, "sentence", HAND_SCORE, "<negated question>")
        for u0, u1 in units:
            sent = text[u0:u1]
            if sent.rstrip(_CLOSERS).endswith("?") and _negated(sent, pats.negations):
                hits.append((cue, *_in_statement(statements, (u0, u1), u1 - 1, u1)))
    return hits


def _negated(sentence: str, negations: tuple[str, ...]) -> bool:
    """Whether a word of ``sentence`` ends in one of ``negations`` ("Wouldn't he have ...?")."""
    return any(w.lower().rstrip(_CLOSERS + "?!,;:").endswith(negations) for w in sentence.split())


def find_techniques(
    doc: Doc,
    statements: Sequence[Statement] = (),
    *,
    settings: Settings | None = None,
    demonyms: frozenset[str] | None = None,
) -> list[Technique]:
    """The technique spans in doc, each with its voice (a statement id, or None for the outlet)."""
    settings = settings or default_settings()
    text = doc.text
    found = raw_hits(doc, statements, settings=settings, demonyms=demonyms)
    hits = [(cue.technique, s, e, cue.score) for cue, s, e in found]
    if REPEAT_WINDOW and "repetition" in settings.enabled:
        hits.extend(("repetition", s, e, 0.5) for s, e in _repetitions(doc, REPEAT_WINDOW))
    out: list[Technique] = []
    for technique, s, e, score in _merge(hits):
        st = _container(statements, s, e)
        out.append(Technique(technique, s, e, text[s:e], st.id if st else None, round(score, 3)))
    out.sort(key=lambda t: (t.start, t.end, t.technique))
    return out


def run(doc: Doc, analysis: Analysis, ctx: Context) -> None:
    """Add the techniques found in doc to analysis, with their voice from analysis.statements."""
    analysis.techniques.extend(find_techniques(doc, analysis.statements, demonyms=demonym_words(ctx.kb)))
