"""Resolve every actor mention of a parsed document.

Candidates come from four sources and compete for the text, longest first:
KB surface forms (names, aliases, demonyms, capitals and seats), state institutions built from
a country and a generic name ("the DPRK Foreign Ministry"), office descriptors ("the head of the
Russian Defense Ministry"), and spaCy's PERSON/ORG entities the KB does not know. Then short
names and pronouns are linked to people introduced earlier.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property, lru_cache
from typing import Generic, TypeVar

import spacy
from spacy.tokens import Doc, Span, Token

from .._data import package_yaml
from ..events.dates import context_cue, first_day, is_historical, paragraph_breaks
from ..kb import Entry, KnowledgeBase, normalize, slug
from ..kb.places import locate_qualified, town_country
from ..model import Actor, Analysis, Mention, MentionKind
from ..stage import Context

_READINGS = package_yaml("geosignal.resolve", "readings.yaml")
# Prepositions after which a capital is the place, not the government ("talks in Pyongyang").
_PLACE_PREPS = frozenset(_READINGS["place_prepositions"])
# Nouns and verbs of movement: "a visit to Moscow" is a place.
_MOTION = frozenset(_READINGS["motion_words"])
# Heads of "of" that make "X of Moscow" the government ("the position of Moscow").
_OF_ACTOR_HEADS = frozenset(_READINGS["of_actor_heads"])
# Prepositions after which a capital is a party ("talks with Washington").
_ACTOR_PREPS = frozenset(_READINGS["actor_prepositions"])
_SUBJ_OBJ = frozenset(_READINGS["actor_dependencies"])
_PRONOUNS = frozenset(_READINGS["pronouns"])
# The sector an office gives someone the KB does not know; other offices are government ones.
_TITLE_SECTOR: dict[str, str] = dict(_READINGS["title_sectors"])
_ORG_HEADS = frozenset(_READINGS["organisation_heads"])
# "pro-Russia", "anti-American": a stance towards the state, not the state.
_NAMING_VERBS = frozenset(_READINGS.get("naming_verbs") or ())
_LIST_WORDS = frozenset(_READINGS.get("list_words") or ())
_WATER_NAMES = frozenset(_READINGS["water_names"])
# "US-made", "Soviet-built": the state that made a weapon, not the one that uses it.
_MAKER_WORDS = frozenset(_READINGS["maker_words"])
_GENDERS = package_yaml("geosignal.resolve", "genders.yaml")
# Title word -> "male" / "female" ("Mr", "Mrs"); given name -> gender ("Condoleezza": female).
_HONORIFIC_GENDER = {str(w): g for g, ws in _GENDERS["honorifics"].items() for w in ws}
_NAME_GENDER = {str(w): g for g, ws in _GENDERS["given_names"].items() for w in ws}
_PRONOUN_GENDER = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female", "hers": "female"}
_SURNAME_YEARS = int(_GENDERS["surname_years_before_office"])


@dataclass(slots=True)
class _Cand:
    """A candidate reading of a token span."""

    start: int  # token index
    end: int
    actor_key: str  # KB id or generated id
    kind: MentionKind
    priority: int  # higher wins at equal length
    sector: str | None = None
    entry: Entry | None = None
    title: str | None = None  # office title text, for descriptors and unknown people
    country: str | None = None
    atype: str | None = None  # for generated actors
    name: str | None = None  # for generated actors
    institution: str | None = None  # institution kind, for institution candidates


V = TypeVar("V")


class _Table(Generic[V]):
    """Token-tuple keys to values, scanned longest-first; only lengths seen for a first token are tried."""

    def __init__(self, items: Iterable[tuple[tuple[str, ...], V]]) -> None:
        self.map: dict[tuple[str, ...], V] = {}
        lengths: dict[str, set[int]] = {}
        for key, value in items:
            if key:
                self.map[key] = value
                lengths.setdefault(key[0], set()).add(len(key))
        self.lengths = {k: sorted(v, reverse=True) for k, v in lengths.items()}

    def get(self, key: tuple[str, ...]) -> V | None:
        return self.map.get(key)

    def longest_at(self, keys: list[str], i: int) -> tuple[int, V] | None:
        """The longest entry starting at token i, as (end, value)."""
        for length in self.lengths.get(keys[i], ()):
            if i + length <= len(keys):
                value = self.map.get(tuple(keys[i : i + length]))
                if value is not None:
                    return i + length, value
        return None

    def scan(self, keys: list[str]) -> list[tuple[int, int, V]]:
        """Non-overlapping longest matches, left to right."""
        hits: list[tuple[int, int, V]] = []
        i = 0
        while i < len(keys):
            got = self.longest_at(keys, i)
            if got is None:
                i += 1
                continue
            hits.append((i, got[0], got[1]))
            i = got[0]
        return hits


@dataclass(slots=True)
class _Index:
    forms: _Table[list[tuple[str, MentionKind, bool, tuple[bool, ...]]]]
    titles: _Table[str]
    institutions: _Table[str]


@lru_cache(maxsize=200_000)
def _tok_key(token_text: str) -> str:
    return normalize(token_text) if token_text.lower() != "the" else "the"


@lru_cache(maxsize=1)
def _tokenizer() -> spacy.language.Language:
    return spacy.blank("en")


def _tokens(text: str) -> tuple[str, ...]:
    # Tokenised as written, as the document is: the tokenizer keeps "U.N." and "U.S." whole only in
    # capitals, so a lower-cased form would split into ("u.n", ".") and never match the text.
    keys = [_tok_key(t.text) for t in _tokenizer().make_doc(text.strip())]
    keys = [k for k in keys if k]
    if len(keys) > 1 and keys[0] == "the":
        keys = keys[1:]
    return tuple(keys)


def _index(kb: KnowledgeBase) -> _Index:
    """The resolver's token indexes over a KB, built once and kept on the KB."""
    got = kb.cache.get("resolver-index")
    if isinstance(got, _Index):
        return got
    forms: dict[tuple[str, ...], list[tuple[str, MentionKind, bool, tuple[bool, ...]]]] = {}
    for f in kb.surface_forms():
        # Short all-capital abbreviations (US, UN, IS) must match in case: "us" is a pronoun.
        exact = f.text.isupper() and len(f.text.replace(".", "")) <= 5
        key = _tokens(f.text)
        if kb.accent_bound(f):
            exact = True  # "Ísland" only as written: folded, it is the word "Island"
        words = [t.text for t in _tokenizer().make_doc(f.text.removeprefix("the ").removeprefix("The "))]
        caps = tuple(w[:1].isupper() for w in words) if len(words) == len(key) else ()
        forms.setdefault(key, []).append((f.entry, f.kind, exact, caps))
    idx = _Index(
        _Table(forms.items()),
        _Table((_tokens(t), kind) for kind, ts in kb.lexicons.titles.items() for t in ts),
        _Table((_tokens(n), kind) for kind, spec in kb.lexicons.institutions.items() for n in spec["names"]),
    )
    kb.cache["resolver-index"] = idx
    return idx


def _capitalised(tokens: Iterable[Token]) -> bool:
    return any(t.text[:1].isupper() or t.text[:1].isdigit() for t in tokens)


class _Resolver:
    def __init__(self, doc: Doc, ctx: Context) -> None:
        self.doc = doc
        self.kb = ctx.kb
        self.on: date | None = ctx.published
        self.idx = _index(ctx.kb)
        self.keys = [_tok_key(t.text) for t in doc]
        self.places: list[dict[str, object]] = []
        self.makers = _makers(doc)
        # Tokens any KB form matched, even where the reading was rejected ("Russian ports"):
        # spaCy's entities there must not come back as unknown actors.
        self.kb_tokens: set[int] = set()
        self._inst_hits: list[tuple[int, int, str]] | None = None
        self._sent_bounds: list[tuple[int, int]] | None = None
        self._sent_first: list[int] = []
        self._breaks: list[int] = []

    # -- candidates --------------------------------------------------------------------
    def kb_candidates(self) -> list[_Cand]:
        out: list[_Cand] = []
        doc = self.doc
        for i in range(len(doc)):
            got = self.idx.forms.longest_at(self.keys, i)
            if got is None:
                continue
            end, hits = got
            span = doc[i:end]
            if not _capitalised(span):
                # "President obama", "met putin": a person's surname written in lower case, which
                # the parser still reads as a proper noun (not "bush fires", "rice").
                if len(span) != 1 or span[0].pos_ != "PROPN" or len(span[0].text) < 4:
                    continue
                hits = [h for h in hits if self.kb.entries[h[0]].type == "person" and not h[2]]
            for entry_id, kind, exact, caps in hits:
                if exact and not self._exact_ok(span, entry_id):
                    continue
                # Capitalised words of a name stay capitalised in text ("Russia today" is not
                # Russia Today); only the first may be lower case, as translated copy writes
                # "the voice of Korea".
                if any(
                    c and not (t.text[:1].isupper() or t.text[:1].isdigit())
                    for c, t in zip(caps[1:], span[1:], strict=False)
                ):
                    continue
                entry = self.kb.entries[entry_id]
                if entry.type == "state" and entry.start and self.on and self.on < entry.start:
                    continue  # a state that did not exist yet
                if kind == "metonym" and self.on is not None and not entry.exists_on(self.on):
                    continue  # "Bonn" in 2021 is a German town, no longer West Germany's capital
                if entry.type == "state" and self._in_person_name(span):
                    continue  # "Chuck Jordan", "Chad Johnson": a person's name, not the state
                if entry.type == "person" and len(span) == 1 and not self._surname_fits(span[0], entry):
                    continue  # "Mr Truss" in 2001 is not Liz Truss
                if entry.type == "person" and len(span) == 1 and self._other_given_name(span[0], entry):
                    continue  # "Rafik Hariri" is not Saad Hariri, "Heydar Aliyev" not Ilham Aliyev
                if entry.type not in ("state", "person") and len(span) == 1 and self._mid_name(span[0]):
                    continue  # "Labor" in "the International Labor Office": a word inside a longer name
                out.append(_Cand(i, end, entry_id, kind, 2 if kind in ("name", "alias") else 1, entry=entry))
                self.kb_tokens.update(range(i, end))
        return out

    def _surname_fits(self, tok: Token, entry: Entry) -> bool:
        """Whether a one-word name (a surname, perhaps after "Mr" or "Ms") may be this KB person.

        Not a person whose first office the KB knows begins long after the article (cf.
        genders.yaml), nor one whose given name tells a gender the title before it denies.
        """
        starts = [r.start for r in entry.roles if r.start is not None]
        if self.on is not None and starts and min(starts).year - self.on.year > _SURNAME_YEARS:
            return False
        said = _HONORIFIC_GENDER.get(self.doc[tok.i - 1].lower_.rstrip(".")) if tok.i > 0 else None
        known = entry_gender(entry)
        return said is None or known is None or said == known

    def _other_given_name(self, tok: Token, entry: Entry) -> bool:
        """The surname follows, in one personal name, a given name none of the KB person's names has."""
        if tok.i == 0:
            return False
        prev = self.doc[tok.i - 1]
        if (
            prev.ent_type_ != "PERSON"
            or tok.ent_iob_ != "I"
            or prev.pos_ != "PROPN"
            or not prev.text[:1].isupper()
            or len(prev.text.rstrip(".")) < 2  # an initial
            or prev.i in self._title_tokens
            or prev.text.rstrip(".") in self.kb.lexicons.honorifics
        ):
            return False
        return _tok_key(prev.text) not in {k for n in (entry.name, *entry.aliases) for k in _tokens(n)}

    @cached_property
    def _title_hits(self) -> list[tuple[int, int, str]]:
        """Office titles in the text (start, end, kind), scanned once."""
        return self.idx.titles.scan(self.keys)

    @cached_property
    def _title_tokens(self) -> set[int]:
        return {k for i, j, _kind in self._title_hits for k in range(i, j)}

    def _in_person_name(self, span: Span) -> bool:
        """The span is one word of a longer personal name spaCy found (all proper nouns)."""
        first = span[0]
        if first.ent_type_ != "PERSON":
            return False
        ent = next((e for e in self.doc.ents if e.start <= span.start < e.end), None)
        return (
            ent is not None
            and ent.end >= span.end
            and len(ent) > len(span)
            and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in ent)
            # "Kosovo Serbs": a people, not a person
            and not any(h[1] == "demonym" for h in self.idx.forms.get((self.keys[ent.end - 1],)) or [])
        )

    def _exact_ok(self, span: Span, entry_id: str) -> bool:
        e = self.kb.entries[entry_id]
        return any(span.text == a for a in [e.name, *e.aliases])

    def institution_candidates(self) -> list[_Cand]:
        """'the Russian Defense Ministry', 'the Ministry of Defense of the Russian Federation'."""
        out: list[_Cand] = []
        for i, j, kind in self._institution_hits():
            country, start, end = self._country_around(i, j)
            name = self.doc[i - 1].text if i > 0 and self.doc[i - 1].pos_ == "PROPN" else None
            if country is None and kind == "government" and name and self.kb.resolve(name, self.on) is None:
                # "the Bush administration" in 2000: a leader's government, by a surname the KB gives
                # no one person for (a surname it does, "the Trump administration", stays that person's).
                country = self.kb.leader_country(name)
                start = i - 2 if i > 1 and self.doc[i - 2].lower_ == "the" else i - 1
            # In lower case an institution needs its state named beside it ("Russia's defence
            # ministry"); alone, "the ministry" could be anyone's.
            if not _capitalised(self.doc[i:j]) and kind != "government" and country is None:
                continue
            if country is None:
                country = self.kb.lexicons.own_country.get(normalize(self.doc[i:j].text))
                if country is None:
                    continue
                if i > 0 and self.doc[i - 1].lower_ == "the":
                    start = i - 1
            spec = self.kb.lexicons.institutions[kind]
            entry = None if kind == "government" else self.kb.institution(country, kind)
            state = self.kb.get(country)
            state_name = state.name if state else country
            if entry is not None:
                out.append(_Cand(start, end, entry.id, "name", 3, sector=entry.sector, entry=entry, institution=kind))
            elif kind == "government":
                # "the Chinese government" is the state in its government role.
                out.append(_Cand(start, end, country, "demonym", 3, sector="GOV", entry=state))
            else:
                label = kind.replace("_", " ").title()
                out.append(
                    _Cand(
                        start,
                        end,
                        f"{country}-{kind.replace('_', '-')}",
                        "name",
                        3,
                        sector=str(spec["sector"]),
                        country=country,
                        atype="organization",
                        name=f"{state_name} {label}",
                        institution=kind,
                    )
                )
        return out

    def _institution_hits(self) -> list[tuple[int, int, str]]:
        if self._inst_hits is None:
            self._inst_hits = self.idx.institutions.scan(self.keys)
        return self._inst_hits

    def _state_at(self, i: int, j: int, *, demonyms: bool = True) -> str | None:
        """The state a token span names (name, alias, metonym, and demonym unless excluded), if any."""
        for entry_id, kind, exact, _caps in self.idx.forms.get(tuple(self.keys[i:j])) or []:
            e = self.kb.entries[entry_id]
            if kind == "demonym" and not demonyms:
                continue
            if e.type == "state" and (not exact or self._exact_ok(self.doc[i:j], entry_id)):
                if i > 0 and e.names_a_people(self.doc[i:j].text):
                    return self._state_at(i - 1, i) or e.id  # "Bosnian Serb": Bosnia's
                return e.id
        return None

    def _country_around(self, i: int, j: int) -> tuple[str | None, int, int]:
        """A country named just before tokens i..j ('Russian', "Russia's") or just after ('of the DPRK')."""
        doc = self.doc
        # Before: up to 4 tokens, allowing a possessive 's.
        for length in range(4, 0, -1):
            a = i - length
            b = i
            if a < 0:
                continue
            if doc[b - 1].text in ("'s", "’s") and b - 1 > a:
                b -= 1
            country = self._state_at(a, b)
            if country:
                start = a - 1 if a > 0 and doc[a - 1].lower_ == "the" else a
                return country, start, j
        # After: "of (the) X".
        if j < len(doc) and doc[j].lower_ == "of":
            k = j + 1
            if k < len(doc) and doc[k].lower_ == "the":
                k += 1
            for length in range(5, 0, -1):
                if k + length <= len(doc):
                    # "of the Chinese" is not "of China": the adjective belongs to a following noun.
                    country = self._state_at(k, k + length, demonyms=False)
                    if country:
                        start = i - 1 if i > 0 and doc[i - 1].lower_ == "the" else i
                        return country, start, k + length
        return None, i, j

    def title_candidates(self, taken: list[_Cand]) -> list[_Cand]:
        """Office descriptors: 'the Russian minister', 'the President of the Russian Federation'."""
        out: list[_Cand] = []
        inst_spans = {(c.start, c.end): c for c in taken if c.institution}
        doc = self.doc
        for i, j, kind in self._title_hits:
            start, end = i, j
            if self._blocked(i):
                continue
            country, s2, e2 = self._country_around(i, j)
            if country is not None:
                start, end = min(start, s2), max(end, e2)
            out.append(_Cand(start, end, "", "descriptor", 1, title=doc[i:j].text, country=country, atype=kind))
        # "the head of <institution>"
        for (s, e), inst in inst_spans.items():
            k = s - 1 if s > 0 and doc[s - 1].lower_ == "the" else s
            if k >= 2 and doc[k - 1].lower_ == "of" and doc[k - 2].lower_ in self.kb.lexicons.head_words:
                head_kind = str(self.kb.lexicons.institutions[inst.institution or ""].get("head", "official"))
                a = k - 2
                if a > 0 and doc[a - 1].lower_ == "the":
                    a -= 1
                if self._blocked(k - 2):
                    continue
                country = inst.entry.country if inst.entry is not None else inst.country
                out.append(
                    _Cand(a, e, "", "descriptor", 4, title=f"head of {doc[s:e].text}", country=country, atype=head_kind)
                )
        return out

    def titled_names(self, named: list[_Cand], titles: list[_Cand]) -> list[_Cand]:
        """The titles left once a name that starts inside one takes it in ("Jordan's King Hussein").

        The KB's name "King Hussein" and the title "Jordan's King" share a word; the longer title
        would win and name whoever held the office on the day of writing (his successor). The name
        is the person's, so it takes the whole phrase when that person held such a title.
        """
        kept = []
        for d in titles:
            person = next(
                (c for c in named if d.start < c.start < d.end < c.end and self._may_hold(c, d)),
                None,
            )
            if person is None:
                kept.append(d)
            else:
                person.start = d.start
        return kept

    def _blocked(self, i: int) -> bool:
        """A deputy's or former holder's title ("former defence minister") names someone else."""
        prev = {self.doc[k].lower_ for k in range(max(0, i - 2), i)}
        return bool(prev & self.kb.lexicons.blockers)

    # -- choosing ------------------------------------------------------------------------
    @staticmethod
    def choose(cands: list[_Cand]) -> list[_Cand]:
        chosen: list[_Cand] = []
        used: set[int] = set()
        for c in sorted(cands, key=lambda c: (-(c.end - c.start), -c.priority, c.start)):
            toks = set(range(c.start, c.end))
            if toks & used:
                continue
            used |= toks
            chosen.append(c)
        return sorted(chosen, key=lambda c: c.start)

    # -- reading each chosen candidate -----------------------------------------------------
    def _qualified(self, chosen: list[_Cand]) -> list[_Cand]:
        """A state named just before another state's people gives them its country ("Bosnian Serbs").

        A state's name qualifies any plural demonym ("Kosovo Albanians"); a demonym only an ethnonym,
        since "Chinese Americans" are American.
        """
        out: list[_Cand] = []
        for c in chosen:
            d = out[-1] if out else None
            if (
                d is not None
                and d.end == c.start
                and c.kind == "demonym"
                and d.entry is not None
                and c.entry is not None
                and d.entry.type == c.entry.type == "state"
                and d.entry.id != c.entry.id
                and (
                    c.entry.names_a_people(self.doc[c.start : c.end].text)
                    or (d.kind in ("name", "alias") and self.doc[c.end - 1].tag_ in ("NNS", "NNPS"))
                )
            ):
                out[-1] = replace(d, end=c.end)
                continue
            out.append(c)
        return out

    def read(self, chosen: list[_Cand]) -> list[_Cand]:
        doc, out = self.doc, []
        for c in self._qualified(chosen):
            span = doc[c.start : c.end]
            state = c.entry.id if c.entry is not None and c.entry.type == "state" else None
            if (
                state
                and c.start >= 2
                and doc[c.start - 1].text == "-"
                and doc[c.start - 2].lower_ in self.kb.lexicons.stance_prefixes
            ):
                continue  # "pro-Russia rebels" are not Russia
            if state and c.kind in ("name", "alias", "metonym") and _given_name(span):
                continue  # "named their new town Prague": the town's name, not the state
            if state and c.kind in ("name", "alias") and _water_of(span):
                continue  # "the Sea of Japan": the water's name, not the state
            if state and c.kind in ("name", "alias") and self._region_elsewhere(span, state):
                continue  # "Atlanta, Georgia": the US state, not the country
            if state and c.end - 1 in self.makers:
                continue  # "US-made Apaches" flown by others: the maker is no party of what they do

            if c.kind == "metonym" and state and not self._metonym_is_actor(span):
                self.places.append(
                    {"start": span.start_char, "end": span.end_char, "text": span.text, "country": state}
                )
                continue
            if c.kind == "demonym" and c.priority < 3:
                reading = self._demonym(span)
                if reading is None:
                    continue
                c.start, c.end, c.sector = reading
            if state and c.kind in ("name", "alias") and self._inside_name(span):
                continue
            out.append(c)
        return out

    def _region_elsewhere(self, span: Span, state: str) -> bool:
        """The span qualifies the town before it as an area of another state ("Atlanta, Georgia")."""
        i, doc = span.start, self.doc
        if i < 2 or doc[i - 1].text != ",":
            return False
        after = [t.lower_ for t in doc[span.end : span.end + 2]]
        if after[:1] and (after[0] in _LIST_WORDS or (after[0] == "," and after[1:] and after[1] in _LIST_WORDS)):
            return False  # "Moscow, Georgia and Kyiv": a list
        ent = next((e for e in self.doc.ents if e.end == i - 1 and e.label_ in ("GPE", "LOC", "FAC")), None)
        if ent is None:
            return False
        got = locate_qualified(ent.text, span.text)
        return got is not None and got.country is not None and got.country != state

    def _inside_name(self, span: Span) -> bool:
        """'Washington Declaration', 'Korea Herald': part of a longer proper name."""
        root = span.root
        head = root.head
        return (
            root.dep_ == "compound"
            and head.pos_ == "PROPN"
            and head.i >= span.end
            and head.lower_ not in self.kb.lexicons.government_groups
            and head.lower_ not in _ORG_HEADS
        )

    def untyped_towns(self, chosen: list[_Cand]) -> list[dict[str, object]]:
        """Large towns the model gave no entity type ("fired shells at Kharkiv", "seized Aleppo").

        A lone proper noun, as an object or an adverbial, not inside any chosen mention and not a
        word of a person's name in the document, whose every town of that name is in one state
        and one of them at least ``person_town_population`` large.
        """
        taken = {i for c in chosen for i in range(c.start, c.end)}
        named = {t.lower_ for e in self.doc.ents if e.label_ == "PERSON" for t in e}
        out: list[dict[str, object]] = []
        for t in self.doc:
            if (
                t.pos_ != "PROPN"
                or t.ent_type_
                or t.i in taken
                or t.lower_ in named
                or t.dep_ not in ("pobj", "dobj", "npadvmod", "conj")
                or any(x.pos_ == "PROPN" for x in self.doc[max(0, t.i - 1) : t.i + 2] if x.i != t.i)
            ):
                continue
            country = town_country(t.text, self.kb.lexicons.person_town_population)
            if country is not None:
                out.append({"start": t.idx, "end": t.idx + len(t.text), "text": t.text, "country": country})
        return out

    def _town_as_person(self, span: Span) -> bool:
        """A name the model tagged a person that is a large town named as a place ("in Chiang Mai")."""
        root = span.root
        visited = root.dep_ == "dobj" and root.head.lemma_.lower() in _MOTION  # "visited Chiang Mai"
        if not visited and (root.dep_ != "pobj" or self._metonym_is_actor(span)):
            return False
        return town_country(span.text, self.kb.lexicons.person_town_population) is not None

    def _metonym_is_actor(self, span: Span) -> bool:
        root = span.root
        if self._inside_name(span):
            return False
        dep = root.dep_
        if dep == "conj":
            # "Moscow and Beijing will influence": take the first conjunct's role.
            first = root
            while first.dep_ == "conj" and first.head != first:
                first = first.head
            dep, root = first.dep_, first
        if dep in _SUBJ_OBJ:
            return True
        if dep == "compound":
            return root.head.pos_ == "NOUN"
        if dep == "pobj":
            prep = root.head
            p = prep.lower_
            if p in _PLACE_PREPS:
                return False
            if p == "to":
                governor = prep.head
                while governor.pos_ == "ADV" and governor.head != governor:  # "flew back to Moscow"
                    governor = governor.head
                return governor.lemma_.lower() not in _MOTION
            if p == "of":
                return (
                    prep.head.lemma_.lower() in _OF_ACTOR_HEADS
                    or prep.head.lower_ in self.kb.lexicons.government_groups
                )
            return p in _ACTOR_PREPS
        return False

    def _demonym(self, span: Span) -> tuple[int, int, str | None] | None:
        """A demonym stands for its state before a group noun or as a plural noun."""
        root = span.root
        lex = self.kb.lexicons
        if root.dep_ in ("amod", "compound", "nmod"):
            head = root.head  # the noun the demonym modifies: "delegation" in "the Russian delegation"
            words = {head.lower_, head.lemma_.lower()}
            if words & lex.government_groups:
                return span.start, head.i + 1, "GOV"
            if words & lex.military_groups:
                return span.start, head.i + 1, "MIL"
            return None
        if root.pos_ in ("NOUN", "PROPN") and root.tag_ in ("NNS", "NNPS") and root.dep_ != "compound":
            return span.start, span.end, None
        return None

    # -- building actors -------------------------------------------------------------------
    def build(self, cands: list[_Cand], analysis: Analysis) -> None:
        actors: dict[str, Actor] = {}
        doc = self.doc
        persons: list[tuple[int, str]] = []  # (token index, actor id) of person mentions, in order
        descriptors = [c for c in cands if c.kind == "descriptor"]
        named = [c for c in cands if c.kind != "descriptor"]
        # Unknown entities from NER, where no candidate took the tokens.
        used = {t for c in cands for t in range(c.start, c.end)}
        for ent in doc.ents:
            if any(t in used or t in self.kb_tokens for t in range(ent.start, ent.end)):
                continue
            cand = self._unknown(ent, descriptors)
            if cand is not None:
                named.append(cand)
                used |= set(range(cand.start, cand.end))
        named.sort(key=lambda c: c.start)
        # Descriptors right before or after a person's name describe that person.
        title_of: dict[int, _Cand] = {}
        for d in descriptors:
            for c in named:
                if self._adjacent(d, c) and self._may_hold(c, d):
                    title_of[c.start] = d
                    d.actor_key = "@" + str(c.start)
                    break
        for c in named:
            actor = self._actor_for(c, actors, title_of.get(c.start))
            span = doc[c.start : c.end]
            actor.mentions.append(Mention(span.start_char, span.end_char, span.text, c.kind, c.sector))
            if actor.type == "person":
                persons.append((c.start, actor.id))
        for d in descriptors:
            if d.actor_key.startswith("@"):
                target = next(c for c in named if "@" + str(c.start) == d.actor_key)
                aid = self._actor_key(target)
                if aid in actors:
                    span = doc[d.start : d.end]
                    actors[aid].mentions.append(Mention(span.start_char, span.end_char, span.text, "descriptor"))
                continue
            person = self._resolve_descriptor(d, persons, actors)
            if person is not None:
                span = doc[d.start : d.end]
                person.mentions.append(Mention(span.start_char, span.end_char, span.text, "descriptor"))
                persons.append((d.start, person.id))
        self._short_names(actors, used, persons)
        named_at = {m.start for a in actors.values() for m in a.mentions}
        unnamed = [(d.start, d.end) for d in descriptors if doc[d.start].idx not in named_at]
        self._pronouns(actors, persons, unnamed)
        for a in actors.values():
            a.mentions.sort(key=lambda m: m.start)
        analysis.actors = sorted(actors.values(), key=lambda a: a.mentions[0].start if a.mentions else 0)

    def _adjacent(self, d: _Cand, c: _Cand) -> bool:
        doc = self.doc
        if d.end == c.start or c.end == d.start:
            return True
        # "Vedant Patel, deputy head of ..." / "the Minister of Defense of the DPRK, Army General Kang Song Nam"
        gap = doc[d.end : c.start] if d.end <= c.start else doc[c.end : d.start]
        return (
            len(gap) <= 3
            and all(t.is_punct or t.text[:1].isupper() or t.lower_ in ("the", "a") for t in gap)
            and any(t.text == "," for t in gap)
        )

    def _may_hold(self, c: _Cand, d: _Cand) -> bool:
        """Whether a person candidate may be the holder of a title (any role of that kind, any time)."""
        if c.entry is None:
            return c.atype == "person"
        if c.entry.type != "person":
            return False
        kinds = {r.kind for r in c.entry.roles if d.country is None or r.country == d.country}
        generic = d.atype in ("minister", "official", "spokesperson", "envoy")
        return bool(kinds) and (
            generic or d.atype in kinds or (d.atype == "supreme_leader" and "head_of_state" in kinds)
        )

    @staticmethod
    def _actor_key(c: _Cand) -> str:
        return c.entry.id if c.entry is not None else c.actor_key

    def _actor_for(self, c: _Cand, actors: dict[str, Actor], title: _Cand | None) -> Actor:
        key = self._actor_key(c)
        if key in actors:
            return actors[key]
        if c.entry is not None:
            e = c.entry
            info = e.describe(self.on)
            actor = Actor(
                id=e.id,
                name=e.name,
                type=e.type,  # type: ignore[arg-type]
                country=info["country"],
                sector=info["sector"] if e.type != "state" else None,
                role=info["role"],
                wikidata=e.wikidata,
            )
        else:
            country = c.country
            role = None
            sector = c.sector
            if title is not None:
                country = country or title.country
                role = _title_case(title.title or "")
                sector = sector or _TITLE_SECTOR.get(title.atype or "", "GOV")
            actor = Actor(
                id=key,
                name=c.name or self.doc[c.start : c.end].text,
                type=c.atype or "other",  # type: ignore[arg-type]
                country=country,
                sector=sector,
                role=role,
                known=False,
            )
        actors[key] = actor
        return actor

    def _unknown(self, ent: Span, descriptors: list[_Cand]) -> _Cand | None:
        lex = self.kb.lexicons
        start, end = ent.start, ent.end
        while start < end and (
            self.doc[start].is_punct or self.doc[start].lower_ == "the" or self.doc[start].text in lex.honorifics
        ):
            start += 1
        while end > start and self.doc[end - 1].is_punct:
            end -= 1
        if end - start < 1:
            return None
        span = self.doc[start:end]
        text = span.text
        if ent.label_ == "PERSON":
            tokens = [t for t in span if not t.is_punct]
            if len(tokens) < 2 or not all(t.text[:1].isupper() for t in tokens):
                return None
            hit = self.kb.fuzzy(text, types=["person"])
            if hit is not None:
                return _Cand(start, end, hit.id, "alias", 2, entry=hit)
            if self._town_as_person(span):
                return None
            country = self._nearby_country(span)
            return _Cand(start, end, "person:" + slug(text), "name", 2, atype="person", name=text, country=country)
        if ent.label_ in ("ORG", "GPE"):
            hit = self.kb.fuzzy(
                text, types=["organization", "media", "armed_group", "alliance"] if ent.label_ == "ORG" else ["state"]
            )
            if hit is not None:
                return _Cand(ent.start, ent.end, hit.id, "alias", 2, entry=hit)
            if ent.label_ == "ORG" and len(span) > 1 and span.root.lower_ in _ORG_HEADS and _capitalised([span.root]):
                country = self._country_after(end)
                for k in range(start, end):
                    country = country or self._state_at(k, k + 1)
                return _Cand(
                    start, end, "org:" + slug(text), "name", 2, atype="organization", name=text, country=country
                )
        return None

    def _country_after(self, j: int) -> str | None:
        """The country of an 'of the X' right after a name ('... of the DPRK Foreign Ministry')."""
        doc = self.doc
        if j >= len(doc) or doc[j].lower_ != "of":
            return None
        for k in range(j + 1, min(j + 6, len(doc))):
            got = self._state_at(k, k + 1) or self._country_of_form(k)
            if got:
                return got
        return None

    def _country_of_form(self, k: int) -> str | None:
        for length in (4, 3, 2, 1):
            for entry_id, _kind, _exact, _caps in self.idx.forms.get(tuple(self.keys[k : k + length])) or []:
                e = self.kb.entries[entry_id]
                if e.country and len(e.country) == 3:
                    return e.country
        return None

    def _nearby_country(self, ent: Span) -> str | None:
        """The country the words right around an unknown person give them.

        Looks left within the same noun phrase or title ("Russian Deputy Foreign Minister X",
        "the head of the ... CPC Central Committee, X") and right into an appositive
        ("X, deputy head of the State Department's press service"), nearest first.
        """
        doc, sent = self.doc, ent.sent
        left: list[int] = []
        k = ent.start - 1
        while k >= sent.start and ent.start - k <= 14:
            t = doc[k]
            if t.pos_ in ("VERB", "AUX") or t.ent_type_ == "PERSON":
                break
            left.append(k)
            k -= 1
        right: list[int] = []
        if ent.end < sent.end and doc[ent.end].text == ",":
            k = ent.end + 1
            while k < sent.end and k - ent.end <= 14 and doc[k].pos_ not in ("VERB", "AUX") and doc[k].text != ",":
                right.append(k)
                k += 1
        for k in right + left:
            got = self._state_at(k, k + 1) or self._country_of_form(k)
            if got:
                return got
        for i, j, _kind in self._institution_hits():
            if i in right or i in left:
                own = self.kb.lexicons.own_country.get(normalize(doc[i:j].text))
                if own:
                    return own
        return None

    def _resolve_descriptor(self, d: _Cand, persons: list[tuple[int, str]], actors: dict[str, Actor]) -> Actor | None:
        kind = d.atype or "official"
        # A generic title ("the Russian minister") points back to the last such person.
        if kind in ("minister", "official", "spokesperson", "envoy") or d.country is None:
            for _pos, aid in reversed([p for p in persons if p[0] < d.start]):
                a = actors[aid]
                if (d.country is None or a.country == d.country) and a.role and _title_matches(d.title or "", a.role):
                    return a
            if kind in ("minister", "official") or d.country is None:
                return None
        # A role names its holder on the date the text speaks of ("In 1953 ... the North Korean
        # leader" is Kim Il Sung), not on the publication date; a period with more than one
        # holder, or a holder the KB does not know, leaves the descriptor unresolved.
        days = self._days_at(d.start)
        if None in days:
            # An undated text ("the Pakistani president" in an archive article without its date)
            # names whoever held the office when it was written, which the KB cannot tell; today's
            # holder would be a guess, and often an anachronism. The descriptor stays the state's.
            return None
        found: set[str] = set()
        for on in days:
            holders = self.kb.holders(kind, d.country, on)
            if not holders and kind == "supreme_leader":
                holders = self.kb.holders("head_of_state", d.country, on)
            if len(holders) != 1:
                return None  # nobody, or several (envoys, spokespeople): no guess
            found.add(holders[0].id)
        if len(found) != 1:
            return None
        e = self.kb.entries[found.pop()]
        if e.id not in actors:
            info = e.describe(days[0])
            actors[e.id] = Actor(e.id, e.name, "person", info["country"], info["sector"], info["role"], e.wikidata)
        return actors[e.id]

    def _days_at(self, i: int) -> list[date | None]:
        """The days a role held at token i is read on.

        The publication date, or the first and last day of a historical date written in its
        sentence or earlier in its paragraph.
        """
        if self._sent_bounds is None:
            self._sent_bounds = [(s.start_char, s.end_char) for s in self.doc.sents]
            self._sent_first = [s.start for s in self.doc.sents]
            self._breaks = paragraph_breaks(self.doc.text)
        k = bisect_right(self._sent_first, i) - 1
        got = context_cue(self.doc.text, self._sent_bounds, k, self.doc[i].idx, self.on, self._breaks)
        if got is None or not is_historical(got[0].latest, self.on):
            return [self.on]
        return [first_day(got[0].value), got[0].latest]

    def _short_names(self, actors: dict[str, Actor], used: set[int], persons: list[tuple[int, str]]) -> None:
        """'Shoigu' after 'Sergei Shoigu'; 'Patel' after 'Vedant Patel'."""
        surnames: dict[str, str | None] = {}
        for a in actors.values():
            if a.type != "person":
                continue
            for m in a.mentions:
                if m.kind in ("name", "alias") and " " in m.text:
                    parts = m.text.replace("-", " ").split()
                    short = parts[0] if parts[0] in self.kb.lexicons.family_name_first else parts[-1]
                    surnames[short] = None if surnames.get(short, a.id) != a.id else a.id
        for t in self.doc:
            if t.i in used or t.pos_ != "PROPN":
                continue
            aid = surnames.get(t.text)
            if aid and any(m.start < t.idx for m in actors[aid].mentions) and not self._in_other_name(t):
                actors[aid].mentions.append(Mention(t.idx, t.idx + len(t.text), t.text, "alias"))
                persons.append((t.i, aid))
        persons.sort()

    def _mid_name(self, t: Token) -> bool:
        """A word inside a longer name, a name word before it ("the International Labor Office").

        A body's name first ("the Calenardhon Ministry of Silly Walks") is that body's.
        """
        before = self.doc[t.i - 1] if t.i > 0 else None
        return t.ent_iob_ == "I" and before is not None and before.pos_ == "PROPN" and self._in_other_name(t)

    def _in_other_name(self, t: Token) -> bool:
        """A word of a longer name of a place or body, not a surname said again.

        "the White Mountains" or "the White House" after "Karen White" (not "the Bush administration").
        """
        if t.ent_type_ not in ("LOC", "GPE", "FAC", "ORG"):
            return False
        ent = next(e for e in self.doc.ents if e.start <= t.i < e.end)
        root = ent.root  # "Mountains": the name's own head, after the word ("Dr Hollingworth" is the surname's)
        return root.i > t.i and root.pos_ == "PROPN" and root.lower_ not in self.kb.lexicons.government_groups

    def _pronouns(
        self, actors: dict[str, Actor], persons: list[tuple[int, str]], unnamed: list[tuple[int, int]]
    ) -> None:
        """'he' and 'she' as a subject or object: the last person mentioned in this or the previous sentence.

        A subject pronoun with no person before it in its own sentence continues the previous
        sentence's subject when that is a person ("Musharraf held talks with Blair. He arrived
        on Sunday": Musharraf), the centring preference of pronouns for the last subject; when
        that subject is an office no one was named for ("the Pakistani president met Blair. He
        ..."), the pronoun is left unread rather than given to the other person.
        """
        doc = self.doc
        gender = self._genders(actors)

        def fits(aid: str, said: str | None) -> bool:
            return said is None or gender.get(aid) in (None, said)

        subjects: dict[int, str] = {}  # token index of a person (or pronoun) subject -> actor id
        for i, aid in persons:
            head = self._subject_person(i)
            if head is not None:
                subjects[head] = aid
        for t in doc:
            if t.lower_ not in _PRONOUNS or t.pos_ != "PRON":
                continue
            sent_start = t.sent.start
            prev_start = doc[sent_start - 1].sent.start if sent_start > 0 else sent_start
            said = _PRONOUN_GENDER.get(t.lower_)
            # "she" is no man, "he" no woman, when a title, a given name or an earlier pronoun tells.
            before = [p for p in persons if prev_start <= p[0] < t.i and fits(p[1], said)]
            if not before:
                continue
            aid = before[-1][1]
            if t.dep_ in ("nsubj", "nsubjpass") and not any(p[0] >= sent_start for p in before):
                prev_subj = [
                    a
                    for k, a in subjects.items()
                    if prev_start <= k < sent_start and doc[k].head.dep_ == "ROOT" and fits(a, said)
                ]
                if prev_subj:
                    aid = prev_subj[0]
                elif any(
                    s <= k < e
                    for s, e in unnamed
                    for k in range(prev_start, sent_start)
                    if doc[k].dep_ in ("nsubj", "nsubjpass") and doc[k].head.dep_ == "ROOT"
                ):
                    continue
            if t.dep_ in ("nsubj", "nsubjpass"):
                above = self._governing_subject(t, subjects)
                aid = above if above is not None and fits(above, said) else aid
                subjects[t.i] = aid
            if said is not None:
                gender.setdefault(aid, said)
            actors[aid].mentions.append(Mention(t.idx, t.idx + len(t.text), t.text, "pronoun"))

    def _genders(self, actors: dict[str, Actor]) -> dict[str, str]:
        """The persons whose gender the KB's given name, a title ("Mr", "Ms") or a given name in the text tells."""
        out: dict[str, str] = {}
        for aid, a in actors.items():
            if a.type != "person":
                continue
            told: set[str] = set()
            entry = self.kb.entries.get(aid)
            if entry is not None and (g := entry_gender(entry)) is not None:
                told.add(g)
            for m in a.mentions:
                words = normalize(m.text).replace(".", "").split()
                span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
                before = self.doc[span.start - 1].lower_.rstrip(".") if span is not None and span.start > 0 else ""
                if (
                    g := _HONORIFIC_GENDER.get(before) or (_HONORIFIC_GENDER.get(words[0]) if words else None)
                ) is not None:
                    told.add(g)
                if m.kind == "name" and len(words) >= 2 and (g := _NAME_GENDER.get(words[0])) is not None:
                    told.add(g)
            if len(told) == 1:
                out[aid] = told.pop()
        return out

    @staticmethod
    def _governing_subject(t: Token, subjects: dict[int, str]) -> str | None:
        """The person subject of a clause above a subject pronoun's own, before it in the sentence.

        "Blair dismissed reports he told Brown he would quit": both are Blair; "Kennedy is expected to
        attack Mr Blair's words as he begins a tour": Kennedy, not the last person named. Not from
        inside a relative clause ("the man who said he ...": the man is its own subject).
        """
        cur = t.head
        for _ in range(4):
            if cur.dep_ in ("ROOT", "relcl") or cur.head == cur:
                return None
            cur = cur.head
            subj = next((c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < t.i), None)
            if subj is not None:
                return subjects.get(subj.i)
        return None

    def _subject_person(self, i: int) -> int | None:
        """The token of a person mention starting at i that is a clause's subject, if it is one."""
        doc = self.doc
        for k in range(i, min(i + 5, len(doc))):
            if doc[k].dep_ in ("nsubj", "nsubjpass"):
                return k
            if doc[k].dep_ not in ("compound", "flat", "punct") and doc[k].pos_ != "PROPN":
                return None
        return None


def _given_name(span: Span) -> bool:
    """The span is a name given to something ("named their new town Prague", "was called Georgia")."""
    root = span.root
    if root.dep_ == "oprd":
        verb = root.head
    elif root.dep_ == "appos" and root.head.dep_ in ("dobj", "nsubjpass") and span.start == root.head.i + 1:
        # right after the thing named ("named their new town Prague"), not set off by a dash
        verb = root.head.head
    else:
        return False
    if any(c.is_punct and c.i < root.i for c in root.children):
        return False  # "what they call the Sudetenland - Czechoslovakia": set off, the state itself
    return verb.lemma_.lower() in _NAMING_VERBS


def _water_of(span: Span) -> bool:
    """The span names a state in a body of water's name ("the Sea of Japan", "the Gulf of Mexico")."""
    root = span.root
    prep = root.head
    return (
        root.dep_ == "pobj"
        and prep.lower_ == "of"
        and prep.head.lemma_.lower() in _WATER_NAMES
        and prep.head.text[:1].isupper()
    )


def entry_gender(entry: Entry) -> str | None:
    """The gender a KB person's given name tells (genders.yaml), if it tells one."""
    first = normalize(entry.name).split()[:1]
    return _NAME_GENDER.get(first[0]) if first else None


def _title_matches(title: str, role: str) -> bool:
    words = set(normalize(title).split()) - {"the", "of", "head"}
    return bool(words) and words <= set(normalize(role).replace("defence", "defense").split()) | {"head"}


def _title_case(text: str) -> str:
    small = {"of", "the", "and", "for", "on"}
    return " ".join(w if w.lower() in small else w[:1].upper() + w[1:] for w in text.split())


def run(doc: Doc, analysis: Analysis, ctx: Context) -> None:
    """Resolve the document's actor mentions into ``analysis.actors``."""
    r = _Resolver(doc, ctx)
    kb_c = r.kb_candidates()
    inst_c = r.institution_candidates()
    title_c = r.titled_names(kb_c, r.title_candidates(inst_c))
    chosen = r.read(r.choose(kb_c + inst_c + title_c))
    r.build(chosen, analysis)
    ctx.notes["places"] = r.places + r.untyped_towns(chosen)
    # For later stages to honour, as character spans.
    ctx.notes["makers"] = [{"start": doc[i].idx, "end": doc[i].idx + len(doc[i].text)} for i in sorted(r.makers)]


def _makers(doc: Doc) -> set[int]:
    """The words of "US-made", "Soviet-built" (readings.yaml maker_words): no party of the weapon's acts.

    Both the maker's word and the participle, as token indices.
    """
    out: set[int] = set()
    for t in doc[2:]:
        if t.lower_ in _MAKER_WORDS and doc[t.i - 1].text == "-":
            out.update((t.i - 2, t.i))
    return out


def state_in(doc: Doc, kb: KnowledgeBase) -> str | None:
    """The first state any token span of ``doc`` names.

    A name, alias, demonym or capital; else the state of the first place name the gazetteer puts in
    one state ("Shanghai police").
    """
    r = _Resolver(doc, Context(kb=kb, published=None))
    for i in range(len(doc)):
        for length in range(min(4, len(doc) - i), 0, -1):
            found = r._state_at(i, i + length)
            if found:
                return found
    return next((c for e in doc.ents if e.label_ in ("GPE", "LOC") and (c := town_country(e.text))), None)
