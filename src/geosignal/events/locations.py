"""Where an event happened: the places its clause, its speaker and its parties name.

A part of the event coder (``coder._Coder`` reads places through this mixin), kept apart because
it is a concern of its own: towns and areas from the resolver's notes, spaCy's entities and the
gazetteer, qualified ("Geneva, Illinois"), by metonym ("visited Cairo") or by the speaker's place.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from ..kb.places import locate, locate_qualified, region_state
from ..model import Actor, Analysis, Location
from ..stage import Context
from .patterns import logical_object

# Prepositions that place an act ("clashes in Homs", "a raid near Jenin").
PLACE_PREPS = {"in", "at", "near", "outside", "inside"}
# Another occasion before or after the act: a place named in it ("agreed to withdraw the motion
# after a debate in Norway") is that occasion's, not the act's.
OCCASION_PREPS = {"after", "before", "since", "until", "till", "following", "ahead"}
# CAMEO's visit: its target's place is where the act happened ("visited Cairo").
VISIT_CODE = "042"


@dataclass(slots=True)
class Place:
    """A place the text names: its character span and its state, if known."""

    start: int
    end: int
    text: str
    country: str | None


# The kinds of KB names by which a word names a state.
STATE_NAMES = ("name", "alias", "demonym")


def state_code(a: Actor) -> str | None:
    """A state actor's code; a name kept as text ("text:geneva") has none but the country it was given."""
    return a.country or (a.id if a.known else None)


class PlaceReader:
    """The coder's reading of event places, over the coder's state (declared below)."""

    doc: Doc
    analysis: Analysis
    ctx: Context
    actor_at: dict[int, Actor]
    kind_at: dict[int, str]
    place_at: dict[int, Place]
    ent_at: dict[int, Span]  # token index -> the named entity it is in
    tok_at_char: dict[int, int]
    place_nouns: frozenset[str]
    admin_area_nouns: frozenset[str]
    list_words: frozenset[str]
    speech_place_verbs: frozenset[str]
    speech_place_preps: frozenset[str]
    speech_roots: tuple[str, ...]

    def sent_of(self, t: Token) -> Span:
        """The sentence of a token (the coder's)."""
        raise NotImplementedError

    def _modifier_country(self, h: Token) -> str | None:
        """The one state a noun's modifiers name (the coder's)."""
        raise NotImplementedError

    def location(self, t: Token, target_heads: list[Token], code: str) -> Location | None:
        """The place of an act with these target phrases and this code, if the text names one."""
        # An act is where its speaker was ("Speaking from Berlin, Obama expressed ..."); the places
        # a statement's content names ("the fighting in Homs") are not its.
        if (got := self._speaker_place(t)) is not None:
            return got
        speech = code.startswith(self.speech_roots)
        if speech:
            target_heads = []
        for h in target_heads:
            if (got := self._place(h.i)) is not None:
                return got
            if code.startswith(VISIT_CODE) and (city := self._metonym_place(h)) is not None:
                return city  # "visited Cairo": the city that stands for the host is where
            if code.startswith(VISIT_CODE) and h.ent_type_ in ("GPE", "LOC") and h.i in self.actor_at:
                # "returned to Geneva": a town kept as text (several states have a Geneva) is still
                # where the visit went; the gazetteer's largest town of the name.
                ent = self.ent_at.get(h.i)
                got = self._locate(self.actor_at[h.i].name, None, ent.end_char if ent is not None else h.idx + len(h))
                if got.country:
                    return got
        where = next((c for c in t.children if c.dep_ == "advmod" and c.lower_ == "where"), None)
        if where is not None:
            # "... visited Cairo, where he met Sisi": the nearest place before "where" (the parser
            # hangs the clause on the place or on the verb before it).
            for k in range(where.i - 1, self.sent_of(t).start - 1, -1):
                if (got := self._place(k) or self._metonym_place(self.doc[k])) is not None:
                    return got
        heads = [t, *logical_object(t)] if t.pos_ in ("VERB", "AUX") and not speech else [t]
        if t.head != t:
            heads.append(t.head)
        for h in heads:
            for c in h.children:
                if c.dep_ == "prep" and c.lower_ in PLACE_PREPS:
                    for g in c.children:
                        if g.dep_ != "pobj":
                            continue
                        if (got := self._place(g.i)) is not None:
                            return got
                        if g.ent_type_ in ("GPE", "LOC", "FAC") and g.i not in self.actor_at:
                            ent = self.ent_at.get(g.i)
                            if ent is not None:
                                return self._locate(ent.text, None, ent.end_char, ent.start_char)
        return None

    def _speaker_place(self, t: Token) -> Location | None:
        """The place a participle of speaking on the trigger gives ("Speaking from Berlin, ...")."""
        for c in t.children:
            if c.dep_ != "advcl" or c.lemma_.lower() not in self.speech_place_verbs:
                continue
            for p in c.children:
                if p.dep_ != "prep" or p.lower_ not in self.speech_place_preps:
                    continue
                for g in p.children:
                    if g.dep_ == "pobj" and (got := self._named_place(g)) is not None:
                        return got
        return None

    def _named_place(self, g: Token) -> Location | None:
        """The location a token names, if any.

        A place the resolver read, a city standing for its state, a state, or a place entity the
        gazetteer knows.
        """
        if (got := self._place(g.i) or self._metonym_place(g)) is not None:
            return got
        named = self.actor_at.get(g.i)
        if named is not None and named.type == "state" and g.pos_ == "PROPN":
            return locate(named.name, state_code(named))
        ent = self.ent_at.get(g.i)
        ent = ent if ent is not None and ent.label_ in ("GPE", "LOC", "FAC") else None
        if ent is not None and g.i not in self.actor_at:
            got = self._locate(ent.text, None, ent.end_char, ent.start_char)
            if got.country:
                return got
        return None

    def _admin_area(self, c: Token) -> Location | None:
        """The place a name before an administrative noun names, which the gazetteer may lack.

        "in Arghistan district", "Helmand province": its location, or the name kept with the
        country the context gives.
        """
        doc = self.doc
        if c.lemma_.lower() in self.admin_area_nouns:
            names = [x for x in c.lefts if x.dep_ in ("compound", "nmod") and x.pos_ == "PROPN"]
            if not names:
                return None
            start, end = names[0].i, c.i + 1
        elif c.pos_ == "PROPN" and c.i + 1 < len(doc) and doc[c.i + 1].lemma_.lower() in self.admin_area_nouns:
            start, end = c.left_edge.i, c.i + 2
            while start < c.i and not doc[start].text[:1].isupper():
                start += 1
        else:
            return None
        if any(self.actor_at.get(i) is not None and self.actor_at[i].known for i in range(start, end)):
            return None  # "the Russian Defense region", a party's name
        country = self._modifier_country(doc[end - 1])
        if country is None and end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].pos_ == "PROPN":
            # "Zhari district of Kandahar": the place it lies in
            of = self._named_place(doc[end + 1])
            country = of.country if of is not None else None
        country = country or self._context_state(c)
        got = self._locate(doc[start : end - 1].text, None, doc[end - 2].idx + len(doc[end - 2]), doc[start].idx)
        if got.country and got.country == (country or got.country):
            return replace(got, name=doc[start:end].text)
        return Location(name=doc[start:end].text, country=country)

    def _context_state(self, t: Token) -> str | None:
        """The state a place's context gives, if any.

        The one state its sentence names, else the first the document names (a dateline's
        "Afghanistan: ...").
        """
        sent = self.sent_of(t)
        in_sent: set[str] = set()
        first: tuple[int, str] | None = None
        for a in self.analysis.actors:
            code = state_code(a) if a.type == "state" else None
            if not code:
                continue
            for m in a.mentions:
                if sent.start_char <= m.start < sent.end_char:
                    in_sent.add(code)
                if first is None or m.start < first[0]:
                    first = (m.start, code)
        if len(in_sent) == 1:
            return in_sent.pop()
        return first[1] if first is not None and not in_sent else None

    def _place(self, i: int) -> Location | None:
        """The location of a place the resolver read at token ``i`` ("in Pyongyang"), if any."""
        pl = self.place_at.get(i)
        return self._locate(pl.text, pl.country, pl.end, pl.start) if pl is not None else None

    def _locate(self, name: str, country: str | None, end: int, start: int | None = None) -> Location:
        """A place's location, read with the area a comma after it names, else the gazetteer's.

        "Geneva, Illinois" is the town in Illinois, "Tin Can Island, Lagos" a place in Nigeria.
        """
        got = self._qualified(name, end) or self._qualifying(start)[1]
        if got is not None:
            return got
        if country is not None:
            return locate(name, country)
        return locate(name, None, self._named_states, self.ctx.kb.lexicons.person_town_population)

    @cached_property
    def _named_states(self) -> frozenset[str]:
        """The states the document's actors belong to or its names and adjectives name ("Bosnian")."""
        found = {c for a in self.analysis.actors if (c := state_code(a))}
        for ent in self.doc.ents:
            if ent.label_ in ("NORP", "GPE"):
                found.update(self._states_named(ent.text))
        return frozenset(found)

    def _states_named(self, text: str) -> list[str]:
        """The states a name, alias or demonym names ("Bosnian": BIH), best first.

        Else the state of a region the name or demonym is of ("Chechen": RUS, "Scottish": GBR).
        """
        states = [e.id for e, _kind in self.ctx.kb.lookup(text, STATE_NAMES) if e.type == "state"]
        return states or [s for s in (region_state(text),) if s is not None]

    def _qualifying(self, start: int | None) -> tuple[Span | None, Location | None]:
        """The place a name starting at char ``start`` qualifies: its entity and its location.

        "Lagos" in "Tin Can Island, Lagos", which the parser may take for the head of the phrase.
        """
        i = self.tok_at_char.get(start) if start is not None else None
        if i is None or i < 2 or self.doc[i - 1].text != ",":
            return None, None
        ent = next((e for e in self.doc.ents if e.end == i - 1 and e.label_ in ("GPE", "LOC", "FAC")), None)
        if ent is None or (ent.start in self.actor_at and self.actor_at[ent.start].known):
            return None, None
        return ent, self._qualified(ent.text, ent.end_char)

    def _qualified(self, name: str, end: int) -> Location | None:
        """The place a name ending at char ``end`` is, by the area a comma after it names."""
        comma = self.tok_at_char.get(end)
        if comma is None or self.doc[comma].text != "," or comma + 1 >= len(self.doc):
            return None
        j = comma + 1
        ent = next((e for e in self.doc.ents if e.start == j and e.label_ in ("GPE", "LOC")), None)
        k = ent.end if ent is not None else j + 1
        after = self.doc[k] if k < len(self.doc) else None
        listed = after is not None and (
            after.lower_ in self.list_words
            or (after.text == "," and k + 1 < len(self.doc) and self.doc[k + 1].lower_ in self.list_words)
        )
        if listed or (ent is None and self.doc[j].pos_ != "PROPN"):
            return None
        return locate_qualified(name, self.doc[j:k].text)

    def _metonym_place(self, h: Token) -> Location | None:
        """The city a token names where the resolver read it as its state ("Cairo" for Egypt)."""
        if self.kind_at.get(h.i) != "metonym":
            return None
        a = self.actor_at[h.i]
        m = next((m for m in a.mentions if m.kind == "metonym" and m.start <= h.idx < m.end), None)
        if m is None:
            return None
        return self._locate(m.text, a.country if a.type != "state" else state_code(a), m.end, m.start)

    def _clause_place(self, t: Token, shallow: bool = False) -> Location | None:
        """A place named in the trigger's own clause ("fired shells at targets in Jericho").

        ``shallow``: only in the trigger's own chain of prepositional phrases ("demonstrated in
        Serbia", "killed four in an attack on a depot in Basra"), not in its subject or object ("the
        results of referendums in new regions of Russia" are not where they were recognised).
        """
        root = t
        while not shallow and root.dep_ in ("xcomp", "acl", "pobj", "prep", "dobj") and root.head != root:
            root = root.head
        stack = [root]
        while stack:
            h = stack.pop()
            for c in h.children:
                if c.dep_ in ("ccomp", "advcl", "relcl", "conj", "parataxis"):
                    continue
                if c.dep_ == "prep" and c.lower_ in OCCASION_PREPS:
                    continue
                if shallow and c.dep_ not in ("prep", "pobj"):
                    continue
                # "the town of Samarra", "outside of the city"
                named_place = h.lower_ == "of" and (
                    (h.head.lemma_.lower() in self.place_nouns and h.head.dep_ == "pobj")
                    or h.head.lower_ in PLACE_PREPS
                )
                if c.dep_ == "pobj" and (h.lower_ in PLACE_PREPS or named_place):
                    if (got := self._place(c.i)) is not None:
                        return got
                    named = self.actor_at.get(c.i)
                    if named is not None and named.type == "state" and c.pos_ == "PROPN":
                        # "activities in Israel": a state named after "in" is the place.
                        a = c.i
                        while a > 0 and self.actor_at.get(a - 1) is named:
                            a -= 1
                        return locate(self.doc[a : c.i + 1].text, state_code(named))
                    if c.ent_type_ in ("GPE", "LOC") and c.i not in self.actor_at:
                        ent = self.ent_at.get(c.i)
                        if ent is not None:
                            got = self._locate(ent.text, None, ent.end_char, ent.start_char)
                            if got.country:
                                return got
                    if (area := self._admin_area(c)) is not None:
                        return area
                    if named_place and c.pos_ == "PROPN" and c.i not in self.actor_at:
                        # "the province of Herat": a name after a place noun is a place, whatever
                        # entity type the model gave it.
                        got = self._locate(self.doc[c.left_edge.i : c.i + 1].text, None, c.idx + len(c))
                        if got.country:
                            return got
                    if c.lemma_.lower() in self.place_nouns and (state := self._modifier_country(c)) is not None:
                        # "the Iraqi city of Basra": the town's name may be unknown, its state is not.
                        town = next((g for p in c.children if p.lower_ == "of" for g in p.children), c)
                        return self._locate(town.text, state, town.idx + len(town))
                stack.append(c)
        return None

    def _source_place(self, t: Token, source: list[Actor]) -> Location | None:
        """A place the source's own phrase puts it in ("Albanians in south Serbia demanded ...")."""
        sent = self.sent_of(t)
        for i in range(sent.start, sent.end):
            if (
                self.actor_at.get(i) in source
                and self.doc[i].head.i != i
                and self.actor_at.get(self.doc[i].head.i) is None
            ):
                got = self._clause_place(self.doc[i], shallow=True)
                if got is not None:
                    return got
        return None
