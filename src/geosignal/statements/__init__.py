"""The statements stage: direct quotations and reported speech, with speaker, cue and channel.

Direct quotations come from the quote marks (``quotes.find_quotes``) and a speech verb right
after the closing mark ("...", the minister said) or right before the opening one (he said:
"..."). Reported speech comes from the parse: a speech verb with a clausal complement ("X said
that ..."), an attitude noun ("expressed hope that ..."), an object ("linked the visit with
..."), a parenthetical cue ("..., the statement said") or "according to X". Speakers are the
actors whose mentions the resolver found inside the subject; an unnamed subject ("officials",
"an insurgent source") becomes an unknown actor with the country and sector the words give.
A media speaker that passes on someone else's words ("the agency said, citing the ministry, that
...") becomes the channel, the original the speaker; a media outlet
someone talks to ("told Agence France-Presse") is the channel.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..kb import Lexicons
from ..model import Actor, ActorRef, Analysis, Mention, Span, Statement
from ..stage import Context
from .lexicon import SpeechLexicon, speech_lexicon
from .quotes import Quote, find_quotes

__all__ = ["find_quotes", "run"]

_SUBJ = ("nsubj", "nsubjpass", "csubj")
_STOP_PUNCT = {".", "!", "?", ";"}
_QUOTE_CHARS = {*'"“”„«»‘’', "''"}
_RELATIVE = {"who", "which", "that"}
# Words opening a clause that is not a parenthetical cue: "..., where Mrs. Clinton also spoke".
_SUBORDINATORS = {
    "where",
    "when",
    "while",
    "whereas",
    "after",
    "before",
    "because",
    "since",
    "if",
    "until",
    "although",
    "though",
    "once",
}
# Entity types that name a place or a state: never the content of a statement on their own.
_PLACES = {"GPE", "LOC", "FAC", "NORP"}
_NONSPEAKERS = {"it", "this", "there", "what", "which", "that", "these", "those"}
_PERSONAL = {"he", "she", "they", "i", "we", "you"}
_DATELINE_DASHES = {"--", "—", "–", "-", "―"}
_MAX_AFTER = 12
# A speech noun's phrase that says what was said: not its "to" phrase, which names whom it was
# addressed to or what it endangers ("a complaint to the court", "a threat to Europe").
_NOUN_PREPS = {"of", "about", "for", "against", "on", "over"}
# Entity types that date a statement ("his remarks on Saturday"): never what was said.
_WHEN = {"DATE", "TIME"}
# Dependencies of a verb's objects: whom or what an act is done to, never who does it.
_OBJECTS = {"dobj", "dative", "iobj", "obj"}
_POSSESSIVE = {"his", "her", "their", "its", "my", "our"}
# "WALLACE: Let's start ..." (a transcript turn) and "Pence: Flowers won't be at debate" (a title).
_TURN = re.compile(r"[\"“”']?\s*([A-Z][A-Z.'’ -]{0,28}[A-Z]\.?):\s+(\S.*?)\s*$")
_TITLE = re.compile(r"\s*([A-Z][^:\n]{0,48}?):\s+(\S.*?)\s*$")
_TITLE_SAYS = re.compile(r"\s*(\S.*?),\s+((?:[A-Z][\w.’'-]*\s+){0,5}[A-Z][\w.’'-]*)\s+([A-Z][a-z]+)\.?\s*$")
_BYLINE = re.compile(
    r"[ \t\xa0]*[―—–-]{1,2}[ \t\xa0]*([A-Z][\w.’'-]*(?:[ \t\xa0]+[A-Z][\w.’'-]*){0,5})[ \t\xa0]*(?:\n|$)"
)
_MAX_BEFORE = 10
# Entity types of times: "said Monday", "5:45 p.m. ... is calling" name no speaker.
_WHEN = {"DATE", "TIME"}
# Small words a title leaves in lower case ("State of the Union", "Keepin' It Real").
_TITLE_MINOR = {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from", "vs"}
# Speech verbs whose bare object is an addressee or a formality, not what was said ("told reporters").
_BARE_VERBS = {
    *("tell", "ask", "inform", "brief", "assure", "answer", "continue", "read", "add"),
    # "maintains a program", "advises the president", "explains America's history": not words said.
    *("maintain", "advise", "explain", "judge"),
}


def run(doc: Doc, analysis: Analysis, ctx: Context) -> None:
    """Add the statements found in ``doc`` to ``analysis.statements``."""
    finder = _Finder(doc, analysis, ctx)
    finder.headings()
    finder.direct()
    finder.reported()
    finder.continued()
    finder.sources()
    finder.statements = sorted(
        _outermost(finder.statements, finder.coordinated | finder.extracted),
        key=lambda s: (s.content.start, s.content.end),
    )
    for n, s in enumerate(finder.statements, 1):
        s.id = f"s{n}"
    analysis.statements.extend(finder.statements)


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "speaker"


def _outermost(statements: list[Statement], coordinated: frozenset[int] | set[int] = frozenset()) -> list[Statement]:
    """Drop repeated contents and statements whose cue sits inside another statement's content.

    A claim reported inside what someone else said belongs to that outer statement; but not a
    cue the parser joined to the reported clause that stands beside the outer cue (its start in
    ``coordinated``): "Republicans said they were convinced ... and Democrats accused ...", nor a
    cue of a relative clause that makes a claim of its own ("his donations, which he said were
    accompanied by favors").
    """
    seen: set[tuple[int, int]] = set()
    unique: list[Statement] = []
    for st in statements:
        if (st.content.start, st.content.end) not in seen:
            seen.add((st.content.start, st.content.end))
            unique.append(st)
    order = sorted(range(len(unique)), key=lambda n: unique[n].content.start)
    starts = [unique[n].content.start for n in order]
    # Running top two content ends (with their statement) over the statements sorted by start.
    top: list[tuple[tuple[int, int], tuple[int, int]]] = []
    best, second = (-1, -1), (-1, -1)
    for n in order:
        item = (unique[n].content.end, n)
        if item[0] > best[0]:
            best, second = item, best
        elif item[0] > second[0]:
            second = item
        top.append((best, second))
    inner: set[int] = set()
    for n, st in enumerate(unique):
        if st.cue is None or st.cue.start in coordinated:
            continue
        k = bisect_right(starts, st.cue.start) - 1
        if k >= 0:
            best, second = top[k]
            end = best[0] if best[1] != n else second[0]
            if end > st.cue.start and not _own_words(st, [unique[m] for m in order[: k + 1] if m != n]):
                inner.add(n)
    out = []
    for n, st in enumerate(unique):
        if n in inner and st.cue is not None:
            cue = st.cue.start
            if st.content.start >= st.cue.end and all(
                m in inner for m in order if m != n and unique[m].content.start <= cue < unique[m].content.end
            ):
                # The statements around this cue sit inside other contents in turn, none outermost:
                # a content reaching back before its cue ("..., according to its own website")
                # swallowed this cue; the one read forward from its cue keeps its own.
                out.append(st)
            continue
        out.append(st)
    return out


def _own_words(st: Statement, before: list[Statement]) -> bool:
    """The speaker reports their own thought inside what they said ("Trump said he wants to ...")."""
    assert st.cue is not None
    outer = [o for o in before if o.content.start <= st.cue.start < o.content.end]
    return (
        st.speaker is not None
        and st.speaker_kind is None
        and bool(outer)
        and all(o.speaker is not None and o.speaker.actor == st.speaker.actor for o in outer)
    )


def _longer_side(toks: list[Token], lo: int, hi: int) -> list[Token]:
    """The tokens before token ``lo`` or those after ``hi``, whichever side has more words.

    An attribution set into a sentence ("..., as police said, ...", "According to X, ...")
    stands against one side of it: the longer.
    """
    before = [x for x in toks if x.i < lo]
    after = [x for x in toks if x.i > hi]
    return before if sum(not x.is_punct for x in before) >= sum(not x.is_punct for x in after) else after


class _Finder:
    def __init__(self, doc: Doc, analysis: Analysis, ctx: Context) -> None:
        self.doc = doc
        self.text = doc.text
        self.analysis = analysis
        self.lex: SpeechLexicon = speech_lexicon()
        self.starts = [t.idx for t in doc]
        self.mentions: list[tuple[int, int, Actor, Mention]] = sorted(
            ((m.start, m.end, a, m) for a in analysis.actors for m in a.mentions), key=lambda x: (x[0], -x[1])
        )
        self.mention_starts = [m[0] for m in self.mentions]
        self.places: list[dict[str, object]] = list(ctx.notes.get("places") or [])
        # (A statements run without a knowledge base knows no kinds of actor.)
        self.lexicons: Lexicons | None = ctx.kb.lexicons if ctx.kb is not None else None
        self.used_cues: set[int] = set()
        self.quoted: list[tuple[int, int]] = []
        self.all_quotes: list[Quote] = []
        self.pending: list[Quote] = []
        self.quote_starts: list[int] = []
        self.modifier_marks: set[tuple[int, int]] = set()
        self.modifier_chars: set[int] = set()
        self.statements: list[Statement] = []
        self.verbs = self.lex.all_verbs
        self.relative: Token | None = None
        self.loose = True
        self.clausal = False  # the cue being read has a clause for its content ("you think that ...")
        self.created: set[str] = set()  # unnamed actors this stage added
        self.coordinated: set[int] = set()  # starts of cues joined to another cue's clause
        self.extracted: set[int] = set()  # starts of cues whose clause lost its subject to a relative

    # -- helpers ---------------------------------------------------------------------------
    def tok_at(self, char: int) -> int:
        return max(0, bisect_right(self.starts, char) - 1)

    def span(self, start: int, end: int) -> Span:
        return Span(start, end, self.text[start:end])

    def tokens_span(self, toks: Iterable[Token]) -> Span | None:
        ts = sorted(toks, key=lambda t: t.i)
        while ts and (ts[0].is_punct or ts[0].is_space) and ts[0].text not in _QUOTE_CHARS:
            ts = ts[1:]
        while ts and (ts[-1].is_punct or ts[-1].is_space) and ts[-1].text not in _QUOTE_CHARS:
            ts = ts[:-1]
        if not ts:
            return None
        start, end = ts[0].idx, ts[-1].idx + len(ts[-1].text)
        return self.span(start, end)

    def in_quote(self, char: int) -> bool:
        """Inside an attributed statement's quote or any other quote of four words or more."""
        k = bisect_right(self.quote_starts, char) - 1
        if k >= 0 and char < self.all_quotes[k].end:
            return True
        return any(a <= char < b for a, b in self.quoted)

    def lemma(self, t: Token) -> str:
        """The lemma, with the final "e" put back where the lemmatizer drops it from a speech verb.

        en_core_web_sm reads "hoped", "hopes", "hoping" as "hop", "rated" as "rat" and
        "lambasted" as "lambast"; a form that is the shortened lemma plus an ending, where the
        lemma with "e" is a speech verb, is that verb ("hopping" stays "hop").
        """
        lem: str = t.lemma_.lower()
        if lem not in self.verbs and lem + "e" in self.verbs and t.lower_ in (lem + "ed", lem + "es", lem + "ing"):
            return lem + "e"
        return lem

    def is_cue_verb(self, t: Token) -> bool:
        return (
            (t.pos_ in ("VERB", "AUX") and self.lemma(t) in self.verbs and t.pos_ != "AUX")
            or (t.pos_ == "VERB" and t.lower_ in ("said", "says", "told", "added", "noted"))
            # A passive of judging or naming ("is widely regarded as ...", "was dubbed ...").
            or (
                t.tag_ == "VBN"
                and self.lemma(t) in self.lex.agentless_verbs
                and any(c.dep_ == "nsubjpass" for c in t.children)
            )
            or (
                # Any verb with a "that"-clause ("realized that ...", "made clear that ...").
                t.pos_ == "VERB"
                and t.lemma_.lower() not in self.lex.outcome_verbs
                and any(
                    c.dep_ == "ccomp" and c.i > t.i and any(x.dep_ == "mark" and x.lower_ == "that" for x in c.children)
                    for c in t.children
                )
            )
        )

    # -- titles, transcript turns, bylines ------------------------------------------------------
    def headings(self) -> None:
        """Speaker labels: transcript turns, titles with a speaker.

        "PENCE: ...", "Sanders: Clinton needs to ...", "..., Lindsey Graham Says."
        """
        pos = 0
        for n, para in enumerate(self.text.split("\n")):
            base, pos = pos, pos + len(para) + 1
            m = _TURN.match(para)
            title = n == 0 and pos < len(self.text)
            if m is None and title:
                m = _TITLE.match(para)
            if m is not None:
                label = m.group(1).strip()
                if label.lower().rstrip(".") in self.lex.heading_labels or len(label.split()) > 5:
                    continue
                speaker = self._label_speaker(base + m.start(1), base + m.start(1) + len(label), strict=m.re is _TITLE)
                if speaker is not None:
                    cue = base + m.end(1)
                    self._add_labelled(
                        speaker, base + m.start(2), base + m.end(2), cue, cue + 1, base, base + len(para)
                    )
                continue
            if title:
                m = _TITLE_SAYS.match(para)
                if m is not None and m.group(3).lower() in self._says_forms():
                    speaker = self._label_speaker(base + m.start(2), base + m.end(2), strict=False)
                    if speaker is not None:
                        self._add_labelled(
                            speaker,
                            base + m.start(1),
                            base + m.end(1),
                            base + m.start(3),
                            base + m.end(3),
                            base,
                            base + len(para),
                        )

    def _says_forms(self) -> set[str]:
        out = set()
        for v in self.lex.clause_verbs:
            out |= {v + "s", v + "es", v + "ed", v + "d"}
        return out | {"says", "said", "told", "tells", "wrote", "writes"}

    def _label_speaker(self, start: int, end: int, *, strict: bool) -> tuple[ActorRef, Span | None] | None:
        found = [m for m in self._mentions_in(start, end) if m[0] >= start and m[1] <= end]
        named = [m for m in found if not m[2].id.startswith("unnamed:") and m[2].type != "state"]
        if named:
            return self._ref(named[0])
        text = self.text[start:end]
        # A title's label the resolver left alone ("Sanders: Clinton needs to ..."): the person or
        # body the text names that way elsewhere ("Bernie Sanders offered ...").
        low = text.lower()
        for actor in self.analysis.actors:
            if actor.id.startswith("unnamed:") or actor.type not in ("person", "organization", "media"):
                continue
            names = {m.text.lower() for m in actor.mentions if m.kind in ("name", "alias")}
            if low in names or (" " not in low and actor.name.lower().split()[-1:] == [low]):
                return actor.ref(None), self.span(start, end)
        if strict and text.lower() not in self.lex.document_nouns and not text.isupper():
            return None
        return self._unnamed_actor(text, start, end, None, None)

    def _add_labelled(
        self, speaker: tuple[ActorRef, Span | None], start: int, end: int, cue_s: int, cue_e: int, ev_s: int, ev_e: int
    ) -> None:
        while end > start and self.text[end - 1] in '"“”':
            end -= 1
        if end - start < 2:
            return
        ref, mention = speaker
        self.quoted.append((start, end))
        self.statements.append(
            Statement(
                id="",
                speaker=ref,
                direct=True,
                content=self.span(start, end),
                evidence=self._trimmed(ev_s, ev_e),
                cue=self.span(cue_s, cue_e),
                speaker_mention=mention,
                channel=[],
            )
        )

    # -- direct quotations -------------------------------------------------------------------
    def direct(self) -> None:
        quotes = find_quotes(self.text)
        self.pending = quotes
        self.all_quotes = [q for q in quotes if q.closed and len(self.text[q.start : q.end].split()) >= 4]
        self.quote_starts = [q.start for q in self.all_quotes]
        modifiers = [q for q in quotes if q.closed and self._quoted_modifier(q)]
        self.modifier_marks = {(q.open, q.close) for q in modifiers}
        self.modifier_chars = {c for q in modifiers for c in (q.open, q.end)}
        last_cue: Token | None = None
        turns = list(self.quoted)
        for k, q in enumerate(quotes):
            if len(self.doc) == 0:
                break
            if any(a <= q.end and q.start < b for a, b in turns):
                continue
            if self._title_like(q):
                continue  # a show, book or slogan title ("told MSNBC's "Morning Joe" that ..."), not words said
            if (q.open, q.close) in self.modifier_marks:
                continue  # "Marcia "Cia" Price", "promoting “quack” cures": a nickname or scare quote
            after = self._cue_after(q, quotes[k + 1] if k + 1 < len(quotes) else None)
            before = self._cue_before(q, last_cue)
            cue = after
            if before is not None and (after is None or self._gap(before, q) <= 3):
                cue = before
            if cue is None:
                self._byline(q)
                continue
            speaker = self._speaker(cue) if cue is before else self._speaker_after(q, cue)
            shared = next((x for x in self.statements if x.cue is not None and x.cue.start == cue.idx), None)
            if shared is not None and shared.speaker is not None:
                speaker = (shared.speaker, shared.speaker_mention)
            if speaker is None and cue is before and after is not None:
                cue, speaker = after, self._speaker_after(q, after)
            if speaker is None:
                continue
            ref, mention = speaker
            self.used_cues.add(cue.i)
            if after is not None and not any(
                c.dep_ in ("ccomp", "xcomp", "dobj") and c.i > after.i for c in after.children
            ):
                # "X scolded him: “...,” she said": the bare cue after the quote is this quote's too;
                # but "X exhorted them to “vote your conscience” and said he was ..." says more.
                self.used_cues.add(after.i)
            last_cue = cue
            self.quoted.append((q.start, q.end))
            first = self.doc[self.tok_at(q.open)]
            start = q.start
            lead = self._lead_in(first, q) if cue is after else None
            if lead is not None:
                start = lead
            ev_start = min(first.sent.start_char, cue.sent.start_char)
            ev_end = max(self.doc[self.tok_at(max(q.close - 1, q.start))].sent.end_char, cue.sent.end_char)
            self.statements.append(
                Statement(
                    id="",
                    speaker=ref,
                    direct=True,
                    content=self.span(start, q.end),
                    evidence=self._trimmed(ev_start, ev_end),
                    cue=self.span(cue.idx, cue.idx + len(cue.text)),
                    speaker_mention=mention,
                    channel=self._channel(cue, ref),
                )
            )

    def _quoted_modifier(self, q: Quote) -> bool:
        """Quoted words that only modify a noun after the closing mark.

        A nickname inside a name ("Marcia "Cia" Price") or a scare-quoted word in a noun phrase
        ("promoting “quack” medical cures"): words held at a distance, not words said.
        """
        toks = [t for t in self.doc[self.tok_at(q.start) : self.tok_at(max(q.start, q.end - 1)) + 1]]
        toks = [t for t in toks if q.start <= t.idx < q.end and not t.is_punct and not t.is_space]
        if not toks or len(toks) > 3:
            return False
        inside = {t.i for t in toks}
        heads = [t for t in toks if t.head.i not in inside]
        return len(heads) == 1 and heads[0].dep_ in ("amod", "compound", "nmod") and heads[0].head.idx >= q.close

    def _title_like(self, q: Quote) -> bool:
        """A short quoted name in title case with no sentence end: "Face the Nation", "Morning Joe"."""
        inner = self.text[q.start : q.end].strip()
        words = re.findall(r"[^\W\d_][\w'’-]*", inner)
        if not 2 <= len(words) <= 6 or inner[-1:] in "!?;:" or inner.count(".") > 1:
            return False
        if not (words[0][0].isupper() and all(w[0].isupper() or w.lower() in _TITLE_MINOR for w in words)):
            return False
        # In running text, not a headline written in title case throughout.
        para = self.text.rfind("\n", 0, q.open) + 1
        before = re.findall(r"[^\W\d_][\w'’-]*", self.text[max(para, q.open - 60) : q.open])
        return any(w[0].islower() and w.lower() not in _TITLE_MINOR for w in before)

    def _byline(self, q: Quote) -> None:
        """A quote signed after a dash at the end of its paragraph ("..." ― Sonya Herridge)."""
        if not q.closed:
            return
        m = _BYLINE.match(self.text, q.close)
        if m is None:
            return
        speaker = self._label_speaker(m.start(1), m.end(1), strict=False)
        if speaker is None:
            return
        para_start = self.text.rfind("\n", 0, q.open) + 1
        dash = self.text.find(m.group(0).strip()[0], q.close)
        self._add_labelled(speaker, q.start, q.end, dash, dash + 1, para_start, m.end(1))

    def _gap(self, cue: Token, q: Quote) -> int:
        return sum(1 for t in self.doc[cue.i + 1 : self.tok_at(q.open) + 1] if t.idx < q.open)

    def _lead_in(self, first: Token, q: Quote) -> int | None:
        r"""Words of the same clause before the quote ("These actions were called \"...\", the statement said")."""
        sent = first.sent
        lead = [t for t in sent if t.idx < q.open and not t.is_space]
        # Only the clause right before the quote: not across a sentence end the parser missed.
        for k in range(len(lead) - 1, -1, -1):
            if lead[k].text in _STOP_PUNCT or lead[k].text in _QUOTE_CHARS:
                lead = lead[k + 1 :]
                break
        lead = [t for t in lead if not t.is_punct]
        if not lead or any(t.i in self.used_cues or self.is_cue_verb(t) for t in lead):
            return None
        return lead[0].idx

    def _speaker_after(self, q: Quote, cue: Token) -> tuple[ActorRef, Span | None] | None:
        """The speaker of a cue after a quote: between the closing mark and the cue, or right after it."""
        subj = self._subject(cue)
        if subj is not None and subj.idx >= q.close and subj.lower_ == "it" and self.lemma(cue) in self.lex.it_verbs:
            # "“...,” it added.": the article or body quoted just before speaks through "it".
            return self._unnamed_actor(subj.text, subj.idx, subj.idx + len(subj.text), None, None)
        i = self.tok_at(q.close)
        if i < len(self.doc) and self.doc[i].idx < q.close:
            i += 1
        between = [t for t in self.doc[i : cue.i] if not t.is_punct and not t.is_space]
        # A subject the parser found after the cue yields to a name between the quote and the cue:
        # "“...,” Flynn, a top surrogate, said on Fox News’s “Fox and Friends.”" (not "Fox").
        late = subj is not None and subj.i > cue.i and any(t.pos_ in ("NOUN", "PROPN") for t in between)
        if subj is not None and subj.idx >= q.close and subj.lower_ not in _NONSPEAKERS and not late:
            return self._resolve_np(subj, cue.sent)
        if between:
            inside = {t.i for t in between}
            heads = [t for t in between if t.head.i not in inside]
            head = next((t for t in heads if t.pos_ in ("NOUN", "PROPN", "PRON")), None)
            if head is None and between[-1].i == cue.i - 1 and between[-1].pos_ == "PROPN":
                # A name the tagger broke up ("Tulsa/VERB police Chief Chuck Jordan said"): its last word.
                head = between[-1]
            if head is not None and head.lower_ not in _NONSPEAKERS:
                return self._resolve_np(head, cue.sent, limit=cue.i)
        # "..., said the minister." Not the cue's object: "... and encouraged Americans to “check out” ..."
        # names whom the speaker urged, not who spoke.
        for t in self.doc[cue.i + 1 : min(len(self.doc), cue.i + 8)]:
            if t.dep_ in _OBJECTS:
                continue
            if t.pos_ in ("NOUN", "PROPN") and t.head.i == cue.i and t.ent_type_ not in _WHEN:
                return self._resolve_np(t, cue.sent)
        return None

    def _trimmed(self, start: int, end: int) -> Span:
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return self.span(start, end)

    def _cue_after(self, q: Quote, nxt: Quote | None) -> Token | None:
        i = self.tok_at(q.close)
        if i < len(self.doc) and self.doc[i].idx < q.close:
            i += 1
        inner_end = self.text[max(q.start, q.end - 1) : q.end]
        limit = min(len(self.doc), i + _MAX_AFTER)
        seen_verb = False
        for j in range(i, limit):
            t = self.doc[j]
            if nxt is not None and t.idx >= nxt.open:
                return None
            if t.text in _QUOTE_CHARS and t.idx in self.modifier_chars:
                continue  # the marks of a nickname in the speaker's name: "Marcia "Cia" Price ... shouted"
            if "\n" in t.text or t.text in _STOP_PUNCT or (t.text in _QUOTE_CHARS and j > i):
                return None
            if t.lower_ in _SUBORDINATORS and (t.dep_ in ("mark", "advmod") or t.pos_ == "SCONJ"):
                # "... as a “disgrace” after she attacked ...", "“...,” while 73 percent said the same":
                # the verb after a subordinator is another clause's, not the quote's cue.
                return None
            if (self.is_cue_verb(t) and t.i not in self.used_cues) or self._shared_cue(t):
                nxt_tok = self.doc[j + 1] if j + 1 < len(self.doc) else None
                if inner_end in ".!?" and nxt_tok is not None and nxt_tok.text not in (".", ","):
                    return None
                if (
                    inner_end in ".!?"
                    and nxt is not None
                    and not self.text[t.idx + len(t.text) : nxt.open].strip(" ,:\xa0")
                ):
                    # "“... he’s going to change.” She adds, “What kind of ...”": a finished quote,
                    # and the cue after it opens the next one.
                    return None
                return t
            if (
                t.pos_ in ("VERB",)
                and t.tag_ != "VBN"
                and not t.text[:1].isupper()
                and t.dep_ not in ("compound", "amod", "nmod", "nsubj", "appos")
            ):
                # A capitalised "verb" inside the clause is a name the tagger misread ("..., Tulsa police said").
                seen_verb = True
            if seen_verb:
                return None
        return self._cue_after_appositive(i, q, nxt)

    def _cue_after_appositive(self, i: int, q: Quote, nxt: Quote | None) -> Token | None:
        """A cue after a speaker with a long appositive ("“...,” Jane Roe, the director of ..., told X").

        The subject starts right after the closing mark and its speech verb follows the
        appositive, farther than the usual window; nothing between may end the sentence.
        """
        first = next((t for t in self.doc[i : min(len(self.doc), i + 3)] if not t.is_punct and not t.is_space), None)
        if first is None:
            return None
        head = first
        while head.dep_ == "compound" and head.head.i > head.i:
            head = head.head
        verb = head.head
        if head.dep_ != "nsubj" or head.pos_ not in ("PROPN", "NOUN") or verb.i <= head.i:
            return None
        if not any(c.dep_ == "appos" for c in head.children) or verb.i - i > 3 * _MAX_AFTER:
            return None
        if not self.is_cue_verb(verb) or verb.i in self.used_cues:
            return None
        for t in self.doc[i : verb.i]:
            if "\n" in t.text or t.text in _STOP_PUNCT or t.text in _QUOTE_CHARS:
                return None
            if nxt is not None and t.idx >= nxt.open:
                return None
        return verb

    def _shared_cue(self, t: Token) -> bool:
        """A cue that already took the first part of a quote split by it."""
        return t.i in self.used_cues and any(s.cue is not None and s.cue.start == t.idx for s in self.statements)

    def _cue_before(self, q: Quote, last_cue: Token | None) -> Token | None:
        i = self.tok_at(q.open)
        if i >= len(self.doc):
            return None
        if self.doc[i].idx >= q.open:
            i -= 1
        lo = max(0, i - _MAX_BEFORE)
        for j in range(i, lo - 1, -1):
            t = self.doc[j]
            if (
                "\n" in t.text
                or t.text in _STOP_PUNCT
                or (t.text in _QUOTE_CHARS and not (last_cue is not None and j > last_cue.i))
            ):
                return None
            if self.is_cue_verb(t):
                if t.i in self.used_cues and not (last_cue is not None and t.i == last_cue.i):
                    return None
                return t
            if t.pos_ == "VERB" and self.lemma(t) not in self.verbs:
                return None
        return None

    # -- quotes that continue a statement ----------------------------------------------------
    def continued(self) -> None:
        """Quotes with no cue of their own that continue the statement right before them.

        "...," she said. "..." or a quote paragraph after the paragraph that introduced the speaker.
        """
        done = {(a, b) for a, b in self.quoted}
        ends = sorted(((s.evidence.end, n) for n, s in enumerate(self.statements)), key=lambda x: x[0])
        end_keys = [e for e, _n in ends]
        for q in self.pending:
            if (q.start, q.end) in done or any(a < q.end and q.start < b for a, b in self.quoted):
                continue
            if self.text[q.start] == "(":
                continue
            k = bisect_right(end_keys, q.open) - 1
            said = self._said_before(q)
            prev_or_none = said or (self.statements[ends[k][1]] if k >= 0 else None)
            if prev_or_none is None:
                continue
            prev = prev_or_none
            if (self.text[prev.evidence.end : q.open].strip() and said is None) or prev.speaker is None:
                continue
            first = self.doc[self.tok_at(q.open)]
            if said is None and first.i != first.sent.start and self.text[first.sent.start_char : q.open].strip():
                continue
            last = self.doc[self.tok_at(max(q.close - 1, q.start))]
            ev_end = last.sent.end_char
            if q.closed and re.sub(r"[\s.,;:!?]", "", self.text[q.close : ev_end]):
                continue  # the sentence goes on after the quote: not a plain quote paragraph
            st = Statement(
                id="",
                speaker=prev.speaker,
                direct=True,
                content=self.span(q.start, q.end),
                evidence=self._trimmed(first.sent.start_char, ev_end),
                cue=None,
                speaker_mention=prev.speaker_mention,
                channel=list(prev.channel),
            )
            self.statements.append(st)
            self.quoted.append((q.start, q.end))
            pos = bisect_right(end_keys, st.evidence.end)
            end_keys.insert(pos, st.evidence.end)
            ends.insert(pos, (st.evidence.end, len(self.statements) - 1))

    def _said_before(self, q: Quote) -> Statement | None:
        """A direct quote closed by its cue right before this quote: "“...,” Jordan said Monday. “...”".

        The parser may keep both quotes in one sentence, so the evidence of the first can reach
        past the second's opening; what lies between them must be only the cue clause, ending in
        a full stop on the same line.
        """
        best: Statement | None = None
        for st in self.statements:
            if not st.direct or st.cue is None or st.speaker is None or st.content.end > q.open:
                continue
            if not st.content.end <= st.cue.start < q.open:
                continue
            gap = self.text[st.content.end : q.open]
            body = gap.strip().strip("\"”’'")
            if len(gap) > 120 or "\n" in gap or not body.endswith(".") or any(c in body for c in '"“”'):
                continue
            if best is None or st.content.end > best.content.end:
                best = st
        return best

    # -- reported speech --------------------------------------------------------------------
    def reported(self) -> None:
        for t in self.doc:
            low = t.lower_
            if low in self.lex.according and t.i + 1 < len(self.doc) and self.doc[t.i + 1].lower_ == "to":
                self._according(t)
                continue
            if low in self.lex.frame_preps and t.dep_ == "prep" and not self.in_quote(t.idx) and self._in_frame(t):
                continue
            if t.pos_ == "NOUN" and t.lower_ in self.lex.cue_nouns and not self.in_quote(t.idx):
                self._noun_cue(t)
                continue
            if low in self.lex.hearsay_adverbs and t.dep_ == "advmod" and not self.in_quote(t.idx):
                self._hearsay(t)
                continue
            if (
                t.lower_ in self.lex.stance_adjectives
                and t.pos_ in ("ADJ", "VERB")
                and not self.in_quote(t.idx)
                and self._stance(t)
            ):
                continue
            if t.i in self.used_cues or not self.is_cue_verb(t) or self.in_quote(t.idx):
                continue
            if t.lemma_.lower() in self.lex.relay_verbs and self._relayed(t):
                continue
            content = self._content(t) or self._colon_paragraph(t)
            if content is None:
                continue
            if any(c.dep_ == "neg" for c in t.children) and not any(c.dep_ in ("ccomp", "xcomp") for c in t.children):
                # "did not respond to requests for comment", "did not recommend prosecution": nothing was said.
                continue
            # Any noun may speak with a speech verb ("the bank said"); other cues need a speaker word.
            self.loose = self.lemma(t) in self.lex.clause_verbs and (
                any(c.dep_ == "ccomp" for c in t.children) or not any(c.dep_ == "dobj" for c in t.children)
            )
            self.clausal = any(c.dep_ == "ccomp" for c in t.children)
            speaker = self._speaker(t)
            self.loose, self.clausal = True, False
            if speaker is None:
                if self._agentless(t):
                    # "It is widely believed that ...", "He has been accused of ...": said by someone unnamed.
                    self.used_cues.add(t.i)
                    unstated = ActorRef(actor="unstated:", name="", country=None, sector=None)
                    cue = self.span(t.idx, t.idx + len(t.text))
                    self._add_reported(unstated, None, content, t.sent, cue, speaker_kind="unstated")
                continue
            ref, mention = speaker
            channel = self._channel(t, ref)
            source = self._source_in(content, t)
            if source is not None and self._is_media(ref):
                channel = [*channel, ref] if not channel else [ref, *channel]
                ref, mention = source
            self.used_cues.add(t.i)
            if self._coordinated_with(t) is not None:
                self.coordinated.add(t.idx)
            if self._relative_extraction(t):
                self.extracted.add(t.idx)
            sent = t.sent
            self._add_reported(ref, mention, content, sent, self.span(t.idx, t.idx + len(t.text)), channel)

    def _in_frame(self, prep: Token) -> bool:
        """A sentence opened by "In <a text>," or "On <a site>,": the rest of it is what the text says.

        "In this poll, Trump rose 1 point since the debate", "In a statement issued Tuesday,
        Clinton was more circumspect": the text's words, or (for a text of someone's own words)
        those of the subject of the sentence when it is a named person or body. The rest must
        have no cue of its own ("In the poll, 52 percent said ..." is the "said" statement).
        """
        sent = prep.sent
        first = next((x for x in sent if not x.is_space and x.text not in _QUOTE_CHARS), None)
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if first is None or first.i != prep.i or pobj is None or pobj.pos_ != "NOUN":
            return False
        word = pobj.lemma_.lower()
        speech = word in self.lex.frame_speech or pobj.lower_ in self.lex.frame_speech
        if not (speech or word in self.lex.frame_texts or pobj.lower_ in self.lex.frame_texts):
            return False
        phrase = {x.i for x in prep.subtree}
        comma = next((x for x in sent if x.i > max(phrase)), None)
        if comma is None or comma.text != ",":
            return False
        rest = [x for x in sent if x.i > comma.i and not x.is_space]
        if sum(1 for x in rest if not x.is_punct) < 3 or any(self.is_cue_verb(x) for x in rest):
            return False
        content = self.tokens_span(rest)
        if content is None:
            return False
        speaker: tuple[ActorRef, Span | None] | None = None
        main = prep.head
        subj = next((c for c in main.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > comma.i), None)
        if speech and subj is not None:
            named = [
                m
                for m in self._mentions_in(subj.idx, subj.idx + len(subj.text))
                if m[0] <= subj.idx < m[1] and m[2].type in ("person", "organization", "media")
            ]
            if named:
                speaker = self._ref(named[0])
        owner = next((c for c in pobj.children if c.dep_ == "poss" and c.pos_ != "PRON"), None)
        if speaker is None and owner is not None:
            speaker = self._resolve_np(owner, sent, limit=comma.i)  # "On the agency's website": the agency
        if speaker is None:
            speaker = self._resolve_np(pobj, sent, limit=comma.i)
        if speaker is None:
            return False
        ref, mention = speaker
        cue = self.span(prep.idx, pobj.idx + len(pobj.text))
        self._add_reported(ref, mention, content, sent, cue)
        return True

    def _relayed(self, v: Token) -> bool:
        """'TASS quoted Peskov as saying X': Peskov said X, TASS relays it (the channel)."""
        obj = next((c for c in v.children if c.dep_ == "dobj"), None)
        as_ = next((c for c in v.children if c.dep_ == "prep" and c.lower_ == "as"), None)
        say = next((c for c in as_.children if c.dep_ in ("pcomp", "pobj")), None) if as_ is not None else None
        if obj is None or say is None or not self.is_cue_verb(say):
            return False
        content = self._content(say)
        speaker = self._resolve_np(obj, v.sent)
        if content is None or speaker is None:
            return False
        ref, mention = speaker
        relay = self._speaker(v)
        channel = [relay[0]] if relay is not None and relay[0].actor != ref.actor else []
        self.used_cues.update((v.i, say.i))
        self._add_reported(ref, mention, content, v.sent, self.span(v.idx, v.idx + len(v.text)), channel)
        return True

    def _hearsay(self, adv: Token) -> None:
        """A hearsay adverb: the clause it modifies is attributed to unnamed others.

        "Troops reportedly crossed the border", "after he allegedly brandished a pistol".
        """
        verb = adv.head
        if verb.pos_ not in ("VERB", "AUX", "ADJ") or verb.i == adv.i:
            return
        # The clause itself, without a clause joined to it further on ("..., and shelling continued").
        drop = {x.i for c in verb.children if c.i > verb.i and c.dep_ in ("conj", "cc", "parataxis") for x in c.subtree}
        toks = [x for x in verb.subtree if x.i not in drop and x.dep_ != "mark"]
        content = self.tokens_span(toks)
        if content is None or sum(1 for x in toks if not x.is_punct) < 3:
            return
        unstated = ActorRef(actor="unstated:", name="", country=None, sector=None)
        cue = self.span(adv.idx, adv.idx + len(adv.text))
        self._add_reported(unstated, None, content, adv.sent, cue, speaker_kind="unstated")

    def _add_reported(
        self,
        ref: ActorRef,
        mention: Span | None,
        content: Span,
        sent: SpacySpan,
        cue: Span,
        channel: list[ActorRef] | None = None,
        speaker_kind: str | None = None,
    ) -> None:
        """Record a reported-speech statement whose evidence is its whole sentence."""
        self.statements.append(
            Statement(
                id="",
                speaker=ref,
                direct=False,
                content=content,
                evidence=self._trimmed(sent.start_char, sent.end_char),
                cue=cue,
                speaker_mention=mention,
                channel=channel or [],
                speaker_kind=speaker_kind,
            )
        )

    def _content(self, v: Token) -> Span | None:
        lemma = self.lemma(v)
        kids = list(v.children)
        as_clause = self._as_clause(v, kids)
        if as_clause is not None:
            return as_clause
        if lemma in self.lex.as_verbs and lemma not in self.lex.clause_verbs:
            return None  # "put" speaks only in "as X put it"
        # "said that ...", "told reporters that ...", "..., the statement said" (ccomp before).
        has_obj = any(c.dep_ == "dobj" for c in kids)
        # The clause after the verb first: a clause before it across ";" or ":" is a sentence of its
        # own the parser joined ("It's unlikely; Clinton's team says she'll continue ...").
        comps = [c for c in kids if c.dep_ == "ccomp" and len(list(c.subtree)) >= 3]
        if lemma in self.lex.intention_verbs and lemma not in self.lex.refusal_verbs:
            # "promising to lift regulations ― probably not what Graham had in mind": the infinitive
            # right after the verb is what was promised, before a clause the parser hung on it farther on.
            inf = next(
                (c for c in kids if c.dep_ == "xcomp" and c.i == v.i + 2 and self.doc[v.i + 1].lower_ == "to"), None
            )
            if inf is not None and all(c.i > inf.right_edge.i for c in comps) and comps:
                return self.tokens_span(inf.subtree)
        for c in sorted(comps, key=lambda c: c.i < v.i):
            if c.i > v.i:
                return self.tokens_span(c.subtree)
            if not has_obj and not any(x.text in (";", ":") or "\n" in x.text for x in self.doc[c.right_edge.i : v.i]):
                return self.tokens_span(c.subtree)
        # "told a meeting of leaders that few people understood ...": a "that"-clause the parser hung
        # on the addressee as a relative clause (its "that" a complementiser, the clause its own subject).
        if lemma in self.lex.clause_verbs:
            for c in kids:
                if c.dep_ not in ("dobj", "dative") or c.i < v.i:
                    continue
                for r in c.subtree:
                    if r.dep_ == "relcl" and self._complement_clause(r):
                        return self.tokens_span(r.subtree)
        # "expressed hope that ..."
        for c in kids:
            if c.dep_ == "dobj" and c.lemma_.lower() in self.lex.attitude_nouns:
                for cc in c.children:
                    if cc.dep_ in ("acl", "ccomp", "relcl") and cc.i > c.i:
                        return self.tokens_span(cc.subtree)
                if lemma in self.lex.object_verbs:
                    return self.tokens_span(c.subtree)
        # Parenthetical: "X will win, the agency said" / "..., the Daily Express reacted to the visit".
        sub = sorted(v.subtree, key=lambda x: x.i)
        sent = v.sent
        if (
            v.dep_ in ("parataxis", "advcl", "ccomp", "conj", "relcl", "dep")
            and sub[0].i > sent.start
            and self.doc[sub[0].i - 1].text == ","
            and self._has_subject(v)
            and not any(c.dep_ in ("mark", "dobj", "ccomp", "xcomp") for c in kids)
            and not any(c.dep_ in _SUBJ and c.lower_ in _RELATIVE for c in kids)
            and not any(c.dep_ in ("advmod", "mark") and c.lower_ in _SUBORDINATORS and c.i < v.i for c in kids)
        ):
            toks = [x for x in sent if x.i < sub[0].i]
            if len(toks) >= 3:
                return self.tokens_span(toks)
        # Passive with its agent: "The plan was endorsed by the union" (the subject is what was said).
        if lemma in self.lex.object_verbs and any(c.dep_ == "agent" for c in kids):
            subj = next((c for c in kids if c.dep_ == "nsubjpass" and c.i < v.i), None)
            if subj is not None and subj.lower_ not in _NONSPEAKERS:
                return self.tokens_span(subj.subtree)
        # Agentless passive with a predicate: "it is considered a threat", "North Korea is not thought
        # to be capable of ...": the subject with what is said of it, from the subject to the end of
        # the predicate. Not an "as" phrase: "is often described as the finest" is weasel wording,
        # which the claims stage reads as the outlet's own hedged view, not as anyone's statement.
        if self._agentless(v):
            subj = next((c for c in kids if c.dep_ == "nsubjpass" and c.i < v.i), None)
            pred = [
                c
                for c in kids
                if c.i > v.i and (c.dep_ == "oprd" or (c.dep_ == "xcomp" and any(x.lower_ == "to" for x in c.children)))
            ]
            if subj is not None and pred and subj.lower_ not in _RELATIVE | {"what"}:
                return self.tokens_span([*subj.subtree, *(x for c in pred for x in c.subtree)])
            if subj is not None and pred:
                return self.tokens_span([x for c in pred for x in c.subtree])
        # Mid-sentence parenthetical: "The museum, Mr. Bush said, celebrated ...", "..., he told me on Friday, is ...".
        inserted = self._inserted_cue(v, kids)
        if inserted is not None:
            return inserted
        # "said after the convention he would not accept ...": the clause the parser hung as an adverbial.
        if lemma in self.lex.clause_verbs and lemma not in self.lex.clause_only and not has_obj:
            for c in kids:
                if (
                    c.dep_ == "advcl"
                    and c.i > v.i
                    and any(x.dep_ in _SUBJ for x in c.children)
                    and not any(x.dep_ == "mark" for x in c.children)
                ):
                    return self.tokens_span(c.subtree)
        # "vowed to bring back jobs", "told him to ...", "urged Seoul to ...", "declined to comment".
        if lemma in self.lex.intention_verbs:
            for c in kids:
                if c.dep_ == "xcomp" and c.i > v.i and any(x.lower_ == "to" for x in c.children):
                    if lemma in self.lex.refusal_verbs and self.lemma(c) not in self.verbs:
                        return None  # "refused to notify the UN": an act refused, not words
                    return self.tokens_span(c.subtree)
        # "called for a repeal", "complained about the microphone", "called on Trump to stop".
        preps = (self.lex.prep_verbs or {}).get(lemma)
        if preps:
            for c in kids:
                if c.dep_ in ("prep", "prt") and c.lower_ in preps and c.i > v.i:
                    toks = [x for x in c.subtree if x.i != c.i]
                    if c.dep_ == "prt":
                        toks = [x for p in c.rights for x in p.subtree] or [
                            x for p in kids if p.dep_ == "prep" and p.i > c.i for x in p.subtree if x.i != p.i
                        ]
                    # Not a time ("weighed in on Friday"): that dates the act, it is not what was said.
                    if any(not x.is_punct and x.ent_type_ not in _WHEN and x.pos_ not in ("DET", "ADP") for x in toks):
                        return self.tokens_span(toks)
        if lemma in self.lex.text_verbs and self._text_subject(v):
            # "Polls show a close contest", "Video of the incident shows him with his hands up".
            objs = [c for c in kids if c.dep_ in ("dobj", "prep", "oprd") and c.i > v.i]
            if any(c.dep_ == "dobj" for c in objs):
                return self.tokens_span([x for c in objs for x in c.subtree])
        if lemma in self.lex.judging_verbs:
            # "Critics see reauthorization as an opportunity", "judged America a paper tiger".
            obj = next((c for c in kids if c.dep_ == "dobj" and c.i > v.i), None)
            pred = [c for c in kids if c.i > v.i and (c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ == "as"))]
            if obj is not None and pred and obj.lower_ not in _NONSPEAKERS:
                return self.tokens_span([*obj.subtree, *(x for c in pred for x in c.subtree)])
        if lemma in self.lex.parenthetical_verbs or (
            lemma in self.lex.clause_only and lemma not in self.lex.object_verbs
        ):
            return None
        if lemma in self.lex.force_senses and self._armed_party(v):
            return None  # "rebels attacked government troops": force, not words
        if lemma in self.lex.object_verbs or (lemma in self.lex.clause_verbs and lemma not in _BARE_VERBS):
            objs = [c for c in kids if c.dep_ in ("dobj", "prep", "oprd", "ccomp") and c.i > v.i]
            gerund = next((c for c in kids if c.dep_ == "xcomp" and c.tag_ == "VBG" and c.i == v.i + 1), None)
            if gerund is not None and lemma in self.lex.object_verbs and not objs:
                # "proposed dropping carried interest", "urged ending the sanctions": the gerund is the object.
                return self.tokens_span(gerund.subtree)
            if any(c.dep_ == "dobj" for c in objs) or (lemma == "call" and any(c.lower_ == "for" for c in objs)):
                toks = [x for c in objs for x in c.subtree]
                # One word is enough when it names something ("endorses Clinton"), not a pronoun,
                # nor a place or state: "attack Mexico" is an act, not words about Mexico.
                if len(toks) >= 2 or (toks and toks[0].pos_ in ("PROPN", "NOUN") and toks[0].ent_type_ not in _PLACES):
                    return self.tokens_span(toks)
        return None

    def _armed_party(self, v: Token) -> bool:
        """An armed doer, or an armed object of no named, pronominal or unarmed kind of doer.

        "Rebels attacked government troops", "gunmen attacked a police convoy"; but "Clinton
        attacked law enforcement officers" is words (kinds of armed actor: the KB's agents, ``armed``).
        """
        subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
        obj = next((c for c in v.children if c.dep_ == "dobj"), None)
        if subj is not None and self._armed(subj):
            return True
        if obj is None or not self._armed(obj):
            return False
        # Unless a name, a pronoun or a kind of unarmed actor does it ("the senator attacked ...").
        return subj is None or (subj.pos_ not in ("PROPN", "PRON") and self._sector(subj) is None)

    def _armed(self, h: Token) -> bool:
        return self.lexicons is not None and self.lexicons.sector_of(h) in self.lexicons.armed_sectors

    def _sector(self, h: Token) -> str | None:
        return self.lexicons.sector_of(h) if self.lexicons is not None else None

    def _colon_paragraph(self, v: Token) -> Span | None:
        """A cue and a colon closing the paragraph: the next paragraph was said.

        "Limbaugh added:", "The ministry said in a statement:", "Sanders made the following
        comment:" (a speech noun). Only the cue's own small phrase may stand before the colon.
        """
        if v.pos_ != "NOUN" and self.lemma(v) not in self.lex.clause_verbs:
            return None
        sub = {x.i for x in v.subtree}
        k = v.i + 1
        while k < len(self.doc) and k - v.i <= 6 and self.doc[k].text != ":":
            x = self.doc[k]
            if x.i not in sub or x.pos_ in ("VERB", "AUX") or x.is_space or x.text in _STOP_PUNCT:
                return None
            k += 1
        if k >= len(self.doc):
            return None
        colon = self.doc[k]
        if colon.text != ":" or self.text[colon.idx + 1 : colon.idx + 40].strip(" \t").find("\n") != 0:
            return None
        start = colon.idx + 1
        while start < len(self.text) and self.text[start].isspace():
            start += 1
        end = self.text.find("\n", start)
        end = len(self.text) if end < 0 else end
        if len(self.text[start:end].split()) < 4:
            return None
        return self._trimmed(start, end)

    def _as_clause(self, v: Token, kids: list[Token]) -> Span | None:
        """The rest of the sentence around "as X said" or "as X put it" ("..., as police have said").

        The cue clause is an adverbial opened by "as" with a subject of its own and no clause or
        object of its own (but "it" after "put"); the content is the sentence without it.
        """
        lemma = self.lemma(v)
        if v.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ == "as" and c.i < v.i for c in kids):
            return None
        if not any(c.dep_ in ("nsubj", "nsubjpass") and c.i < v.i for c in kids):
            return None
        if lemma in self.lex.as_verbs:
            if not any(c.dep_ == "dobj" and c.lower_ == "it" for c in kids):
                return None
        elif lemma not in self.lex.clause_verbs or any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in kids):
            return None
        if any(c.dep_ == "prep" and c.lower_ in (self.lex.prep_verbs or {}).get(lemma, ()) for c in kids):
            return None  # "as she called for the ratification": the clause has its own content
        sub = {x.i for x in v.subtree}
        toks = [x for x in v.sent if x.i not in sub and not x.is_space]
        if sum(1 for x in toks if not x.is_punct) < 3:
            return None
        # Only the side of the sentence the "as"-clause is set against, when it sits in the middle.
        side = _longer_side(toks, min(sub), max(sub))
        return self.tokens_span(side)

    def _stance(self, a: Token) -> bool:
        """A stance adjective or participle with a clause: "Protesters were frustrated that ...".

        The holder is the subject of the adjective's copula (or of the participle itself): any noun
        may hold the view, as with a speech verb and its clause, but not "it", "this" or "that".
        """
        clause = next((c for c in a.children if c.dep_ == "ccomp" and c.i > a.i and len(list(c.subtree)) >= 3), None)
        toks = list(clause.subtree) if clause is not None else []
        if clause is None:
            # "Republicans weren't too concerned about this shift", "is critical of Trump": the
            # object of its preposition is what the view is about.
            prep = next(
                (c for c in a.children if c.dep_ == "prep" and c.i > a.i and c.lower_ in self.lex.stance_preps), None
            )
            toks = [x for x in prep.subtree if x.i != prep.i] if prep is not None else []
            if not any(x.pos_ in ("NOUN", "PROPN") and x.ent_type_ not in _WHEN for x in toks):
                return False
        holder = a.head if a.dep_ == "acomp" else a
        subj = next((c for c in holder.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < a.i), None)
        if subj is None or subj.lower_ in _NONSPEAKERS or subj.lower_ in _RELATIVE:
            return False
        if a.pos_ == "VERB" and any(c.dep_ == "agent" for c in a.children):
            return False  # "was persuaded by X that ...": X is the speaker, the normal verb path
        content = self.tokens_span(toks)
        if content is None:
            return False
        speaker = self._resolve_np(subj, a.sent)
        if speaker is None:
            return False
        ref, mention = speaker
        self.used_cues.add(a.i)
        self._add_reported(ref, mention, content, a.sent, self.span(a.idx, a.idx + len(a.text)))
        return True

    @staticmethod
    def _complement_clause(r: Token) -> bool:
        """A clause opened by the complementiser "that" with a subject of its own."""
        first = min(r.subtree, key=lambda x: x.i)
        return (
            first.lower_ == "that"
            and first.dep_ == "mark"
            and any(x.dep_ in ("nsubj", "nsubjpass") and x.lower_ not in _RELATIVE for x in r.children)
        )

    def _inserted_cue(self, v: Token, kids: list[Token]) -> Span | None:
        """The sentence around a cue set off by commas inside it: "X, the minister said, Y".

        The cue clause is the verb with its subject and small complements ("told me on
        Friday"); it must sit between two commas, and the rest of the sentence is the content.
        """
        if self.lemma(v) not in self.lex.clause_verbs or self.lemma(v) in self.lex.clause_only:
            return None
        if v.dep_ not in ("parataxis", "advcl", "ccomp", "conj", "dep", "relcl", "ROOT"):
            return None
        subj = next((c for c in kids if c.dep_ in ("nsubj", "nsubjpass") and c.i < v.i), None)
        if subj is None or subj.lower_ in _RELATIVE:
            return None
        if subj.lower_ in _NONSPEAKERS and not (subj.lower_ == "it" and self.lemma(v) in self.lex.it_verbs):
            return None  # "The benefit, it says, would be $300": a text speaks through "it"
        if any(c.dep_ in ("ccomp", "xcomp", "mark") or (c.dep_ == "dobj" and c.pos_ != "PRON") for c in kids):
            return None
        chunk = sorted([x for c in kids if c.dep_ != "punct" for x in c.subtree] + [v], key=lambda x: x.i)
        lo, hi = chunk[0].i, chunk[-1].i
        if hi - lo + 1 != len(chunk) or hi - lo > 12:
            return None  # the cue clause must be one unbroken stretch
        sent = v.sent
        if lo <= sent.start or self.doc[lo - 1].text != ",":
            return None
        if hi + 1 >= sent.end or self.doc[hi + 1].text != ",":
            return None
        before = [x for x in sent if x.i < lo - 1 and not x.is_space]
        after = [x for x in sent if x.i > hi + 1]
        if sum(1 for x in before + after if not x.is_punct) < 3 or not any(
            x.pos_ in ("VERB", "AUX") for x in before + after
        ):
            return None
        # Content spans are contiguous here, so keep the longer side when the cue splits it.
        side = after if len(after) >= len(before) else before
        if len(side) < 3:
            side = before + after
        return self.tokens_span(side)

    def _noun_cue(self, n: Token) -> None:
        """A speech or stance noun: "Clinton's claim that ...", "his warning about ...", "made the case for ..."."""
        content: Span | None = None
        for c in n.children:
            if c.i < n.i:
                continue
            that = c.dep_ in ("acl", "ccomp", "relcl") and any(
                x.dep_ == "mark" and x.lower_ == "that" for x in c.children
            )
            # "a pledge to cut taxes", "a call for the US to accept more refugees".
            to = c.dep_ in ("acl", "advcl") and c.tag_ == "VB" and any(x.lower_ == "to" for x in c.children)
            if that or to:
                content = self.tokens_span(c.subtree)
            elif (
                c.dep_ == "prep"
                and c.lower_ in _NOUN_PREPS
                and (
                    c.lower_ != "of"
                    or n.lower_ in self.lex.of_content_nouns
                    or (n.lower_ in self.lex.owned_of_content_nouns and any(x.dep_ == "poss" for x in n.children))
                )
                and not any(x.dep_ == "pobj" and x.ent_type_ in _WHEN for x in c.children)
            ):
                content = self.tokens_span([x for x in c.subtree if x.i != c.i])
            if content is not None:
                break
        if content is None:
            content = self._colon_paragraph(n)
        if content is None:
            return
        poss = next((c for c in n.children if c.dep_ == "poss"), None)
        speaker: tuple[ActorRef, Span | None] | None = None
        if poss is not None:
            if poss.lower_ in _POSSESSIVE:
                speaker = self._unnamed_actor(poss.text, poss.idx, poss.idx + len(poss.text), None, None)
                got = self._mentions_in(poss.idx, poss.idx + len(poss.text))
                if got:
                    speaker = self._ref(got[0])
            else:
                speaker = self._resolve_np(poss, n.sent)
        elif (by := self._noun_source(n)) is not None:
            # "warnings from his attorney that ...", "a New York Times report that ...".
            speaker = self._resolve_np(by, n.sent)
        elif n.dep_ == "dobj" and n.head.pos_ == "VERB":
            # "Sanders made the comment", not "Trump's decision raises questions about ...": through a
            # verb that is no speech verb, only a person or body named as such holds the words.
            self.loose = False
            speaker = self._speaker(n.head)
            self.loose = True
        if speaker is None:
            return
        ref, mention = speaker
        sent = n.sent
        self._add_reported(ref, mention, content, sent, self.span(n.idx, n.idx + len(n.text)))

    def _noun_source(self, n: Token) -> Token | None:
        """Who a speech noun is from: its "from"/"by" phrase, or a name before it ("the Times report")."""
        for c in n.children:
            if c.dep_ == "prep" and c.lower_ in ("from", "by") and c.i > n.i:
                pobj = next((x for x in c.children if x.dep_ == "pobj"), None)
                if pobj is not None and pobj.ent_type_ not in ("LOC", "FAC"):
                    return pobj
        for c in n.children:
            named = any(not m[2].id.startswith("unnamed:") for m in self._mentions_in(c.idx, c.idx + len(c.text)))
            if c.dep_ in ("compound", "nmod") and c.i < n.i and c.pos_ == "PROPN" and named:
                return c
        return None

    def _text_subject(self, v: Token) -> bool:
        """The verb's subject is a text, a poll or a recording ("the polls", "video of the incident")."""
        subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
        return subj is not None and (
            subj.lemma_.lower() in self.lex.text_sources or subj.lower_ in self.lex.text_sources
        )

    def _agentless(self, v: Token) -> bool:
        """A passive speech verb with no one named as the speaker ("is said to", "was accused of")."""
        return (
            v.tag_ == "VBN"
            and self.lemma(v) in self.lex.agentless_verbs
            and any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children)
            and not any(c.dep_ == "agent" for c in v.children)
        )

    def _has_subject(self, v: Token) -> bool:
        return any(c.dep_ in _SUBJ for c in v.children)

    def _according(self, t: Token) -> None:
        """Prepositional attribution ("According to X, ...", "..., according to X").

        The source is the phrase up to the next
        comma or sentence end, the content the rest of the sentence on the longer side.

        The parser often hangs the whole sentence on "According" (ROOT) or reads a noun of the
        source as a verb ("according to show insiders"), so the phrase is taken by position.
        """
        to = self.doc[t.i + 1]
        sent = t.sent
        src: list[Token] = []
        for x in self.doc[to.i + 1 : min(sent.end, to.i + 16)]:
            if x.text in _STOP_PUNCT or x.text in (",", ":", "(", ")") or "\n" in x.text or x.text in _QUOTE_CHARS:
                break
            src.append(x)
        if not src:
            return
        inside = {x.i for x in src}
        heads = [x for x in src if x.head.i not in inside and x.pos_ in ("NOUN", "PROPN", "PRON", "NUM")]
        pobj = next((c for c in to.children if c.dep_ == "pobj" and c.i in inside), None)
        head = pobj or (heads[0] if heads else None)
        if head is None:
            nouns = [x for x in src if x.pos_ in ("NOUN", "PROPN")]
            if not nouns:
                return
            head = nouns[-1]
        phrase = {t.i, to.i} | inside
        if pobj is not None and sum(1 for x in sent if x.i < t.i and not x.is_punct and not x.is_space) >= 3:
            # After the content, the source's appositive and relative clause past the comma are
            # the source's too: "..., according to an analysis by Lily Batchelder, a former tax
            # aide, whose ...". (Before it, the parser may hang the whole content on the source.)
            phrase |= {x.i for x in pobj.subtree}
        rest = [x for x in sent if x.i not in phrase and not x.is_space]
        side = _longer_side(rest, t.i, src[-1].i)
        content = self.tokens_span(side)
        if content is None or sum(1 for x in side if not x.is_punct) < 3:
            return
        speaker = self._resolve_np(head, sent, limit=src[-1].i + 1)
        if speaker is None:
            return
        ref, mention = speaker
        self._add_reported(ref, mention, content, sent, self.span(t.idx, to.idx + len(to.text)))

    # -- speakers -----------------------------------------------------------------------------
    def _relative_extraction(self, v: Token) -> bool:
        """A speech verb right before the finite verb of its clause, whose subject a relative took.

        "donations, which he said were accompanied by favors", "what the senators said was
        gerrymandering", "meddling the congressman said is designed to ...": the speaker of the
        relative clause makes a claim of their own inside what the sentence reports.
        """
        if self.lemma(v) not in self.lex.clause_verbs or v.i + 1 >= len(self.doc):
            return False
        nxt = self.doc[v.i + 1]
        if nxt.pos_ not in ("AUX", "VERB") or nxt.tag_ not in ("VBD", "VBZ", "VBP", "MD"):
            return False
        subj = self._subject(v)
        if subj is None or subj.i > v.i or subj.left_edge.i <= v.sent.start:
            return False
        before = self.doc[subj.left_edge.i - 1]
        return before.lower_ in _RELATIVE or before.lower_ in ("what", "whom") or before.pos_ in ("NOUN", "PROPN")

    def _coordinated_with(self, v: Token) -> Token | None:
        """The cue whose reported clause the parser joined this later cue to, as a conjunct.

        "China said it was opposed to the test and warned North Korea to ...": "warned" hangs on
        "opposed", inside what China said, but stands beside "said".
        """
        if v.dep_ != "conj" or v.head.i > v.i:
            return None
        cur = v.head
        for _ in range(4):
            if cur.dep_ == "ccomp" and cur.head.i < cur.i and self.is_cue_verb(cur.head):
                return cur.head
            if cur.dep_ not in ("ccomp", "conj", "acomp", "xcomp") or cur.head.i == cur.i:
                return None
            cur = cur.head
        return None

    def _subject(self, v: Token) -> Token | None:
        cur: Token | None = v
        outer = self._coordinated_with(v)
        if outer is not None and not any(c.dep_ in _SUBJ for c in v.children):
            cur = outer  # "X said ... and warned ...": X warned
        for _ in range(3):
            if cur is None:
                return None
            subjs = [c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")]
            subj = subjs[0] if subjs else None
            before = [c for c in subjs if c.i < cur.i]
            if len(before) > 1 and not any(x.pos_ == "CCONJ" for x in self.doc[before[0].i : cur.i]):
                # Two subjects are a misparse ("The Latest: Trump urges ...", "... notwithstanding,
                # analysts agree ..."): the one nearest the verb; but subjects joined by "and" are
                # one coordinated subject the parser split ("The family, protesters and ...").
                subj = before[-1]
            if subj is not None and subj.lower_ in _RELATIVE and cur.dep_ == "relcl":
                self.relative = subj
                return cur.head
            if subj is not None and subj.tag_ in ("WDT", "WP") and subj.i > cur.sent.start:
                # A relative clause the parser hung elsewhere ("turned to the Chicago Police
                # Department which reported ..."): the noun right before the pronoun is its antecedent.
                k = subj.i - 1
                if self.doc[k].text == "," and k > cur.sent.start:
                    k -= 1
                ante = self.doc[k]
                if ante.pos_ in ("NOUN", "PROPN") and ante.ent_type_ not in _WHEN:
                    self.relative = subj
                    return ante
            if subj is not None:
                if subj.dep_ == "nsubjpass" and cur.i == v.i:
                    # A passive cue speaks through its agent ("was told by X"); but a participle or
                    # a conjoined verb takes the subject of the clause it hangs on, passive or not
                    # ("After saying her foot was swollen, she was taken to hospital").
                    agent = next((c for c in cur.children if c.dep_ == "agent"), None)
                    pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
                    return pobj
                return subj
            if cur.dep_ == "xcomp" and cur.tag_ == "VBG" and cur.head.i < cur.i:
                # A participle after an object: "left many nations feeling that ...", "had
                # voters saying ...": the object is the participle's subject.
                obj = next((c for c in cur.head.children if c.dep_ == "dobj" and c.i < cur.i), None)
                if obj is not None and obj.pos_ in ("NOUN", "PROPN", "PRON"):
                    return obj
            if (
                cur.dep_ in ("conj", "xcomp", "dep")
                or (cur.dep_ == "advcl" and (cur.tag_ == "VBG" or cur.lower_ in self.lex.participle_cues))
                # A finite verb the parser hung as an adverbial of a participle it follows
                # ("Protesters marching through the streets chanted ..."): no clause of its own.
                or (
                    cur.dep_ == "advcl"
                    and cur.tag_ in ("VBD", "VBZ", "VBP")
                    and cur.head.tag_ == "VBG"
                    and not any(c.dep_ in ("mark", "advmod") and c.i < cur.i for c in cur.children)
                )
                or (cur.dep_ == "advcl" and cur.tag_ == "VB" and any(x.lower_ == "to" for x in cur.children))
            ) and cur.head.i < cur.i:
                # "..., saying ...", "went on a tour to talk about ...": the subject of the verb it hangs on.
                cur = cur.head
                continue
            if cur.dep_ == "pcomp" and cur.tag_ == "VBG" and cur.head.pos_ == "ADP":
                # "responded by saying ...", "began by noting ...", "After saying ..., she was ...",
                # "... and for saying that ...", "aside from saying ...": the verb the phrase hangs
                # on, through the preposition and any word or conjunct it hangs on in turn.
                up = cur.head
                for _ in range(3):
                    if up.pos_ in ("VERB", "AUX") or up.dep_ not in ("prep", "conj", "advmod") or up.head.i == up.i:
                        break
                    up = up.head
                if up.pos_ in ("VERB", "AUX") and (
                    up.i < cur.i or all(x.is_space or x.is_punct for x in self.doc[cur.sent.start : cur.head.i])
                ):
                    cur = up
                    continue
            return None
        return None

    def _speaker(self, v: Token) -> tuple[ActorRef, Span | None] | None:
        self.relative = None
        subj = self._subject(v)
        if subj is not None and subj.lower_ == "it" and (self._document_voice(v) or self._it_acts(v, subj)):
            # "It says the campaign violated ...": a letter, report or body speaks through "it".
            return self._unnamed_actor(subj.text, subj.idx, subj.idx + len(subj.text), None, None)
        if subj is None:
            return self._name_before(v)
        if subj.lower_ in _NONSPEAKERS:
            return None
        if subj.text.isupper() and subj.i + 1 < len(self.doc) and self.doc[subj.i + 1].text in _DATELINE_DASHES:
            # "WASHINGTON -- President Obama, ..., said": the dateline is not the speaker, its appositive is.
            app = next((c for c in subj.children if c.dep_ == "appos"), None)
            if app is None:
                return None
            subj = app
        got = self._resolve_np(subj, v.sent)
        rel = self.relative
        if got is not None and rel is not None:
            # The relative pronoun ("Kamin, who emphasized that ...") is a mention of the speaker too.
            actor = self.analysis.actor(got[0].actor)
            if actor is not None and all(m.start != rel.idx for m in actor.mentions):
                actor.mentions.append(Mention(rel.idx, rel.idx + len(rel.text), rel.text, "pronoun", got[0].sector))
        return got

    def _name_before(self, v: Token) -> tuple[ActorRef, Span | None] | None:
        """A known name right before a subjectless verb with a clause: the parser lost the subject.

        "In a meeting with the editorial board of the Washington Post Trump said that ...".
        """
        if v.dep_ not in ("ROOT", "ccomp", "parataxis") or not (
            any(c.dep_ == "ccomp" and c.i > v.i for c in v.children) or v.tag_ in ("VBD", "VBZ", "VBP")
        ):
            return None
        k = v.i - 1
        while k >= v.sent.start and self.doc[k].dep_ in ("advmod", "aux", "neg") and self.doc[k].pos_ != "PROPN":
            k -= 1
        if k < v.sent.start or self.doc[k].pos_ != "PROPN":
            return None
        t = self.doc[k]
        for m in self._mentions_in(t.idx, t.idx + len(t.text)):
            named = not m[2].id.startswith("unnamed:") and m[2].type in ("person", "organization", "media")
            if m[0] <= t.idx < m[1] and named:
                return self._ref(m)
        return None

    def _it_acts(self, v: Token, subj: Token) -> bool:
        """A referring "it" as the subject of a speech act: a body or a text that acted.

        "the Dallas Morning News ... after it backed Clinton", "it attacked Trump", "it pledged to
        ...": "it" is a referring subject of an active speech verb (not an expletive "it"), and the
        act has an object or infinitive of its own.
        """
        lemma = self.lemma(v)
        return (
            subj.dep_ == "nsubj"
            and subj.head.i == v.i
            and v.pos_ == "VERB"
            and lemma in (self.lex.object_verbs | self.lex.intention_verbs)
            and lemma not in self.lex.clause_only
            and any(c.dep_ in ("dobj", "xcomp") and c.i > v.i for c in v.children)
        )

    def _document_voice(self, v: Token) -> bool:
        """A speech verb whose subject "it" can only be a text or a body.

        "it says/writes/reports that ...", or set off by commas inside the sentence ("..., it says, ...").
        """
        if self.lemma(v) not in self.lex.it_verbs:
            return False
        if any(c.dep_ == "ccomp" and c.i > v.i for c in v.children):
            return True
        subj = next((c for c in v.children if c.dep_ == "nsubj" and c.i == v.i - 1), None)
        return (
            subj is not None
            and subj.i > 0
            and self.doc[subj.i - 1].text == ","
            and v.i + 1 < len(self.doc)
            and self.doc[v.i + 1].text == ","
        )

    def _np_tokens(self, head: Token, limit: int | None = None) -> list[Token]:
        toks = []
        for x in head.subtree:
            if x.i > head.i and (x.text == "," or x.dep_ in ("relcl", "acl", "appos")):
                break
            if limit is not None and x.i >= limit:
                break
            toks.append(x)
        return toks or [head]

    def _mentions_in(self, start: int, end: int) -> list[tuple[int, int, Actor, Mention]]:
        i = bisect_right(self.mention_starts, start - 200)
        out = []
        for m in self.mentions[i:]:
            if m[0] >= end:
                break
            if m[1] > start:
                out.append(m)
        return out

    def _resolve_np(
        self, head: Token, sent: SpacySpan, limit: int | None = None
    ) -> tuple[ActorRef, Span | None] | None:
        if head.pos_ == "NOUN" and (
            head.lower_ in self.lex.intention_nouns or head.lemma_.lower() in self.lex.intention_nouns
        ):
            return None  # "a strategy that emphasized ...": a plan or policy does not speak
        if (
            head.pos_ == "NOUN"
            and head.lower_ in self.lex.partitive_nouns
            # "rights groups": a kind of group, which speaks itself
            and not any(c.dep_ == "compound" for c in head.children)
        ):
            # "A number of tax experts say ...": the experts speak, not the number.
            of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of" and c.i > head.i), None)
            pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            if pobj is not None and pobj.pos_ in ("NOUN", "PROPN") and (limit is None or pobj.i < limit):
                head = pobj
        toks = self._np_tokens(head, limit)
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        inside = self._mentions_in(start, end)
        # The unbroken stretch of the phrase around its head: the parser may hang a phrase after
        # the verb on the subject ("A union ... endorsed Clinton, another example of ..."), and
        # the object is no appositive name of the speaker.
        ids = {x.i for x in head.subtree if limit is None or x.i < limit}
        lo = hi = head.i
        while lo - 1 in ids:
            lo -= 1
        while hi + 1 in ids:
            hi += 1
        wide = self._mentions_in(self.doc[lo].idx, self.doc[hi].idx + len(self.doc[hi].text))
        for m in inside:
            if m[0] <= head.idx < m[1]:
                return self._ref(m)
        if head.lower_ in self.lex.outlet_heads or head.lemma_.lower() in self.lex.outlet_heads:
            # "the Ryonhap agency", "the Global Times newspaper": the outlet named before the noun.
            for m in inside:
                if m[1] <= head.idx and m[2].type == "media" and not m[2].id.startswith("unnamed:"):
                    return self._ref(m)
            if not inside and self._definite(head):
                # "the agency" alone: the last body named before it in the paragraph whose name has that word.
                para = self.text.rfind("\n\n", 0, head.idx)
                for m in reversed(self.mentions):
                    a = m[2]
                    named = a.type in ("media", "organization") and not a.id.startswith("unnamed:")
                    if named and para < m[0] and m[1] <= head.idx and head.lemma_.lower() in a.name.lower().split():
                        return a.ref(m[3].sector), self.span(head.idx, head.idx + len(head.text))
        # Appositive names: "the sister of DPRK leader Kim Yo Jong", "X, deputy head of ...".
        people = [m for m in wide if m[2].type == "person" and m[3].kind in ("name", "alias")]
        if people and (head.pos_ == "PROPN" or not inside or people[-1][1] >= end - 1):
            return self._ref(people[-1])
        for m in wide:
            if m[0] <= head.idx < m[1]:
                return self._ref(m)
        return self._unnamed(head, toks, inside, sent)

    @staticmethod
    def _definite(head: Token) -> bool:
        """A bare definite noun phrase: "the agency", no name or other word with it."""
        kids = [c for c in head.children if c.i < head.i]
        return len(kids) == 1 and kids[0].lower_ == "the"

    def _ref(self, m: tuple[int, int, Actor, Mention]) -> tuple[ActorRef, Span]:
        _s, _e, actor, mention = m
        return actor.ref(mention.sector), self.span(mention.start, mention.end)

    def _unnamed(
        self, head: Token, toks: list[Token], inside: list[tuple[int, int, Actor, Mention]], sent: SpacySpan
    ) -> tuple[ActorRef, Span | None] | None:
        if head.lower_ in _NONSPEAKERS:
            return None
        if head.lower_ == "you" and not self.clausal:
            # "you" speaks only with a clause ("you know that ..."); "Why do you threaten your
            # neighbors?" and the generic "you want to ..." report no one's words.
            return None
        if head.pos_ == "PRON" and head.lower_ in _PERSONAL:
            # An unresolved personal pronoun: the speaker stays unnamed, its mention kept.
            return self._unnamed_actor(head.text, head.idx, head.idx + len(head.text), None, None)
        lex = self.lex
        if head.pos_ in ("PRON", "DET", "ADJ", "NUM") and head.lower_ in lex.quantity_speakers:
            # "Some believe ...", "Many of his supporters say ...", "73 percent said ...": the group speaks.
            toks = [t for t in self._np_tokens(head) if t.i >= head.i or t.dep_ in ("nummod", "advmod", "quantmod")]
            name_toks = [t for t in toks if t.i <= head.i] or [head]
            of = [t for t in head.children if t.dep_ == "prep" and t.lower_ == "of" and t.i > head.i]
            if of:
                name_toks = [t for t in toks if t.i <= of[0].i or t.i in {x.i for x in of[0].subtree}]
            start, end = name_toks[0].idx, name_toks[-1].idx + len(name_toks[-1].text)
            return self._unnamed_actor(self.text[start:end], start, end, self._place_country(sent, head), None)
        if head.pos_ not in ("NOUN", "PROPN") or head.ent_type_ in _WHEN:
            return None
        words = {head.lower_, head.lemma_.lower()}
        if not (
            words & (lex.speaker_nouns | lex.document_nouns | lex.text_sources | set(lex.unnamed_sectors))
            or head.pos_ == "PROPN"
            or head.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
            or (head.pos_ == "NOUN" and self.loose)
        ):
            return None
        # The speaker is the noun with its modifiers, not its relative clauses or prepositional
        # phrases: "officials in both capitals" is "officials".
        toks = [t for t in toks if t.i <= head.i]
        while toks and toks[0].dep_ in ("det", "predet") and toks[0].lower_ in ("the", "a", "an"):
            toks = toks[1:]
        while toks and toks[0].is_punct:
            toks = toks[1:]
        if not toks:
            return None
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        name = self.text[start:end]
        country: str | None = None
        sector: str | None = None
        for _s, _e, actor, mention in inside:
            country = country or actor.country
            sector = sector or mention.sector or actor.sector
        if country is None:
            country = self._place_country(sent, head)
        sector = lex.unnamed_sectors.get(head.lower_) or lex.unnamed_sectors.get(head.lemma_.lower()) or sector
        for x in toks:
            if x.i < head.i and x.lower_ in lex.sector_modifiers:
                sector = lex.sector_modifiers[x.lower_]
        if head.lemma_.lower() in ("source", "document", "statement") and sector is None:
            sector = None
        return self._unnamed_actor(name, start, end, country, sector)

    def _unnamed_actor(
        self, name: str, start: int, end: int, country: str | None, sector: str | None
    ) -> tuple[ActorRef, Span | None]:
        slug = _slug(name)
        aid = f"unnamed:{slug}" + (f":{country.lower()}" if country else "")
        actor = self.analysis.actor(aid)
        if actor is None:
            actor = Actor(id=aid, name=name, type="other", country=country, sector=sector, known=False)
            self.analysis.actors.append(actor)
            self.created.add(aid)
        mention = Mention(start, end, name, "descriptor", sector)
        if all(m.start != start for m in actor.mentions):
            actor.mentions.append(mention)
        return actor.ref(sector), self.span(start, end)

    def _place_country(self, sent: SpacySpan, head: Token) -> str | None:
        for p in self.places:
            s = p.get("start")
            c = p.get("country")
            if isinstance(s, int) and isinstance(c, str) and sent.start_char <= s < head.idx:
                return c
        return None

    # -- sources that are not actors -------------------------------------------------------------
    def sources(self) -> None:
        """Texts, role groups and bare pronouns that spoke are not actors.

        "the statement said": the issuing body when the text names it ("the ministry's
        statement", "the report of the Institute", "Pyongyang unveiled a strategy that ...",
        "the document" after "the report of X"), else a speaker marked ``kind: document`` with
        no actor entry; "the parties" and an unresolved "we" likewise. An event that
        "suggests" something is the outlet's inference, not a statement. Unnamed actors the
        stage made and no statement keeps are dropped.
        """
        lex = self.lex
        drop: set[int] = set()
        for st in self.statements:
            if st.speaker is None or st.speaker_mention is None or st.speaker.actor not in self.created:
                continue
            m = st.speaker_mention
            head = self.doc[self.tok_at(max(m.start, m.end - 1))]
            word = head.lower_
            kind: str | None = None
            if head.lemma_.lower() in lex.event_subjects:
                # "Shoigu's visit suggests that ...": the outlet reads something into an event.
                drop.add(id(st))
                continue
            if word in lex.source_pronouns and head.pos_ == "PRON":
                kind = "pronoun"
            elif word in lex.group_references:
                kind = "group"
            elif word in lex.text_sources or head.lemma_.lower() in lex.text_sources:
                issuer = self._issuer(head)
                if issuer is not None:
                    st.speaker = issuer
                    continue
                kind = "document"
            if kind is not None:
                st.speaker = ActorRef(actor=f"{kind}:{_slug(m.text)}", name=m.text, country=None, sector=None)
                st.speaker_kind = kind
        # What the outlet reads into an event is its own claim, and so is every cue inside it:
        # "the visit suggests that the parties understand ..." reports no one's words.
        inferred = [(s.content.start, s.content.end) for s in self.statements if id(s) in drop]
        for st in self.statements:
            if st.cue is not None and any(a <= st.cue.start < b for a, b in inferred):
                drop.add(id(st))
        self.statements = [s for s in self.statements if id(s) not in drop]
        used = {s.speaker.actor for s in self.statements if s.speaker is not None}
        used |= {c.actor for s in self.statements for c in s.channel}
        self.analysis.actors[:] = [a for a in self.analysis.actors if a.id not in self.created or a.id in used]

    def _issuer(self, noun: Token, depth: int = 0) -> ActorRef | None:
        """The named body that issued a text: its owner, its "of"/"by" phrase, or who issued it."""
        for c in noun.children:
            if c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ("of", "by", "from")):
                got = self._named_in(c.subtree)
                if got is not None:
                    return got
        verb = noun.head
        if noun.dep_ == "dobj" and verb.pos_ == "VERB":
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subj is not None:
                got = self._named_in(self._np_tokens(subj))
                if got is not None:
                    return got
        if depth == 0 and any(c.lower_ in ("the", "this", "that") for c in noun.children):
            # "The document compares ..." after "... the report of the Institute ...".
            sent = noun.sent
            lo = sent.start
            for _ in range(2):
                if lo == 0:
                    break
                lo = self.doc[lo - 1].sent.start
            for t in reversed(self.doc[lo : noun.i]):
                if t.pos_ == "NOUN" and t.lemma_.lower() in self.lex.text_sources:
                    return self._issuer(t, depth + 1)
        return None

    def _named_in(self, toks: Iterable[Token]) -> ActorRef | None:
        ts = sorted(toks, key=lambda t: t.i)
        if not ts:
            return None
        lex = self.lex
        start, end = ts[0].idx, ts[-1].idx + len(ts[-1].text)
        made = [
            (m.start, m.end, a, m)
            for a in self.analysis.actors
            if a.id in self.created
            for m in a.mentions
            if m.start < end and start < m.end
        ]
        for _s, _e, actor, mention in self._mentions_in(start, end) + made:
            last = actor.name.split()[-1].lower() if actor.name.split() else ""
            if actor.id in self.created and last in lex.text_sources | lex.source_pronouns | lex.group_references:
                continue  # a text, a bare pronoun or "the parties" issues nothing
            return actor.ref(mention.sector)
        return None

    # -- channels -------------------------------------------------------------------------------
    def _is_media(self, ref: ActorRef) -> bool:
        a = self.analysis.actor(ref.actor)
        return (a is not None and (a.type == "media" or a.sector == "MED")) or ref.sector == "MED"

    def _channel(self, v: Token, speaker: ActorRef) -> list[ActorRef]:
        """Media the speaker talked to or spoke through ("told AFP", "in an interview with CNN").

        Also an outlet that carried the speaker's statement ("in a statement carried by KCNA").
        """
        out: list[ActorRef] = []
        for c in v.children:
            cands: list[Token] = []
            if c.dep_ in ("dobj", "dative", "iobj"):
                cands.append(c)
            elif c.dep_ == "prep" and c.lower_ in ("to", "with", "in", "on"):
                for p in c.children:
                    if p.dep_ == "pobj":
                        cands.append(p)
                        cands.extend(pp for q in p.children if q.dep_ == "prep" for pp in q.children)
                        # "in a statement carried by KCNA", "in remarks published by Izvestia".
                        cands.extend(
                            pp
                            for q in p.children
                            if q.dep_ == "acl"
                            for a in q.children
                            if a.dep_ == "agent"
                            for pp in a.children
                            if pp.dep_ == "pobj"
                        )
            for x in cands:
                got = self._known_at(x)
                if (
                    got is not None
                    and self._is_media(got[0])
                    and got[0].actor != speaker.actor
                    and all(o.actor != got[0].actor for o in out)
                ):
                    out.append(got[0])
        return out

    def _known_at(self, t: Token) -> tuple[ActorRef, Span] | None:
        toks = self._np_tokens(t)
        for m in self._mentions_in(toks[0].idx, toks[-1].idx + len(toks[-1].text)):
            if not m[2].id.startswith("unnamed:"):
                return self._ref(m)
        return None

    def _source_in(self, content: Span, cue: Token) -> tuple[ActorRef, Span | None] | None:
        """The original source a relaying outlet names: "citing X", "quoting X".

        In the content, hung on the cue, or the cue itself ("TASS reported, citing the ministry, that ...").
        """
        i, j = self.tok_at(content.start), self.tok_at(max(content.start, content.end - 1)) + 1
        spans = [self.doc[i:j]]
        spans += [self.doc[c.i : c.right_edge.i + 1] for c in cue.children if c.dep_ in ("advcl", "xcomp", "prep")]
        obj = next((c for c in cue.children if c.dep_ == "dobj"), None)
        if obj is not None:  # the cue is itself "citing X"
            spans.append(self.doc[cue.i : obj.i + 1])
        for toks in spans:
            for k, _t in enumerate(toks):
                for marker in self.lex.source_markers:
                    if tuple(x.lower_ for x in toks[k : k + len(marker)]) != marker:
                        continue
                    rest = toks[k + len(marker) : k + len(marker) + 12]
                    for m in self._mentions_in(rest.start_char, rest.end_char) if len(rest) else []:
                        if not m[2].id.startswith("unnamed:") and m[2].type != "state":
                            return self._ref(m)
        return None
