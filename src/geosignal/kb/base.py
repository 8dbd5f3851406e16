"""The knowledge base: shipped YAML files plus user files, loaded once into in-memory indexes."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import yaml
from rapidfuzz import fuzz, process

from .._data import load_yaml, package_yaml
from ..errors import Errors, KnowledgeBaseError

if TYPE_CHECKING:
    from spacy.tokens import Token

ACTOR_TYPES = {"state", "person", "organization", "media", "armed_group", "alliance", "other"}
# Which entry wins when one surface form names several: the more specific kind first.
_TYPE_RANK = {"person": 0, "media": 1, "organization": 2, "armed_group": 2, "alliance": 3, "state": 4, "other": 5}
# Kinds of role that make someone's title; the first active one in this order is "the" role.
ROLE_RANK = [
    "supreme_leader",
    "head_of_state",
    "head_of_government",
    "vice_head_of_state",
    "foreign_minister",
    "defense_minister",
    "secretary_general",
    "chief_of_staff",
    "interior_minister",
    "finance_minister",
    "deputy_foreign_minister",
    "deputy_defense_minister",
    "minister",
    "spokesperson",
    "party_leader",
    "military_commander",
    "intelligence_chief",
    "envoy",
    "legislator",
    "official",
]

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "‐": "-", "‑": "-", "–": "-", "—": "-"})


def normalize(text: str) -> str:
    """The lookup key of a name: accents folded, lowercase, one space, no leading 'the'."""
    text = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[\s_]+", " ", text).strip(" ,;:")
    if text.startswith("the "):
        text = text[4:]
    return text


def slug(text: str) -> str:
    """A name as an id part: its lookup key with every run of other characters one hyphen ("al-qaeda")."""
    return re.sub(r"[^a-z0-9]+", "-", normalize(text)).strip("-")


def _written(text: str) -> str:
    """A name as written, lower-cased but with its accents: the key of accent-bound forms."""
    text = re.sub(r"\s+", " ", text.translate(_QUOTES)).strip(" ,;:").lower()
    return text[4:] if text.startswith("the ") else text


def _date(value: Any, where: str) -> date | None:
    if value in (None, "", "null"):
        return None
    if isinstance(value, date):
        return value
    s = str(value)
    try:
        if re.fullmatch(r"\d{4}", s):
            return date(int(s), 1, 1)
        if re.fullmatch(r"\d{4}-\d{2}", s):
            return date(int(s[:4]), int(s[5:]), 1)
        return date.fromisoformat(s)
    except ValueError as exc:
        raise KnowledgeBaseError(Errors.E030.format(path=where, detail=f"bad date {s!r}")) from exc


@dataclass(frozen=True, slots=True)
class Role:
    """An office a person held, between two dates."""

    office: str
    kind: str
    country: str | None
    sector: str | None
    start: date | None
    end: date | None

    def active(self, on: date | None) -> bool:
        """True if the role was held on that date (any date when ``on`` is None and it is current)."""
        if on is None:
            return self.end is None
        return (self.start is None or self.start <= on) and (self.end is None or on <= self.end)


@dataclass(slots=True)
class Entry:
    """One actor of the knowledge base."""

    id: str
    name: str
    type: str
    country: str | None
    sector: str | None = None
    aliases: list[str] = field(default_factory=list)
    wikidata: str | None = None
    start: date | None = None
    end: date | None = None
    demonyms: list[str] = field(default_factory=list)
    ethnonyms: list[str] = field(default_factory=list)  # demonyms that name a people more often than citizens
    capital: str | None = None
    metonyms: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    members: list[str] = field(default_factory=list)
    state_affiliated: bool | None = None
    institution: str | None = None
    origin: str = ""

    def names_a_people(self, text: str) -> bool:
        """Whether the text is one of the state's ethnonyms ("Serbs"), a people more than its citizens."""
        return normalize(text) in {normalize(e) for e in self.ethnonyms}

    def roles_on(self, on: date | None) -> list[Role]:
        """The roles held on a date, most senior first."""
        active = [r for r in self.roles if r.active(on)]
        return sorted(active, key=lambda r: ROLE_RANK.index(r.kind) if r.kind in ROLE_RANK else 99)

    def role_on(self, on: date | None) -> Role | None:
        """The most senior role held on a date."""
        roles = self.roles_on(on)
        return roles[0] if roles else None

    def exists_on(self, on: date | None) -> bool:
        """False for a historical state or body on a date outside its existence."""
        if on is None:
            return self.end is None
        return (self.start is None or self.start <= on) and (self.end is None or on <= self.end)

    def describe(self, on: date | None = None) -> dict[str, Any]:
        """The JSON summary that ``geosignal kb resolve`` prints.

        ``role`` is the office held on the date (today when None); country and sector come from
        it, or, with no date and no current office, from the latest office held. An office held
        in an international body (sector IGO) gives no country.
        """
        role = self.role_on(on)
        basis = role
        if basis is None and on is None and self.roles:
            basis = max(self.roles, key=lambda r: r.end or date.max)
        iso_country = (
            basis is not None and basis.country is not None and len(basis.country) == 3 and basis.country.isupper()
        )
        country = basis.country if basis is not None and iso_country else self.country
        if role is not None and role.sector == "IGO" and not iso_country:
            # An official of an international body acts for it while in office (CAMEO codes the UN
            # Secretary-General as IGOUNO, not his own country): no country on that date.
            country = None
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "country": country,
            "sector": basis.sector if basis is not None and basis.sector else self.sector,
            "role": role.office if role else None,
            "wikidata": self.wikidata,
        }


@dataclass(frozen=True, slots=True)
class SurfaceForm:
    """A string the text may use for an entry, and how it refers."""

    text: str
    entry: str
    kind: Literal["name", "alias", "demonym", "metonym"]


@dataclass(frozen=True, slots=True)
class Lexicons:
    """Descriptor and institution vocabularies (offices.yaml, institutions.yaml)."""

    titles: dict[str, list[str]]
    blockers: frozenset[str]
    head_words: frozenset[str]
    government_groups: frozenset[str]
    military_groups: frozenset[str]
    place_nouns: frozenset[str]
    institutions: dict[str, dict[str, Any]]
    own_country: dict[str, str]
    family_name_first: frozenset[str]
    honorifics: frozenset[str]
    person_town_population: int
    agents: dict[str, str]  # generic actor noun -> sector code
    armed_sectors: frozenset[str]
    group_heads: frozenset[str] = frozenset()  # "force", "unit": their kind is the word before
    stance_prefixes: frozenset[str] = frozenset()  # "pro", "anti", "non": a modifier that names no party

    def word_sector(self, word: Token) -> str | None:
        """The sector of a word that names a kind of actor (agents.yaml: "troops", "officials")."""
        return self.agents.get(word.lemma_.lower()) or self.agents.get(word.lower_)

    def sector_of(self, head: Token) -> str | None:
        """The agent sector of a generic actor noun ("police" COP, "rebels" REB), else None.

        A multiword agent of the lexicon ending in the noun, read from the modifiers right before
        it, wins over the noun alone, the longest first ("a human rights group" NGO, "riot police"
        COP, "government troops" MIL).
        """
        if head.pos_ != "NOUN" and not _capitalised_kind(head):
            return None
        mods: list[Token] = []
        for c in reversed(list(head.lefts)):
            if c.dep_ not in ("compound", "amod", "nmod") or c.i != head.i - len(mods) - 1:
                break
            mods.insert(0, c)
        for k in range(min(3, len(mods)), 0, -1):
            words = " ".join(t.lower_ for t in mods[-k:])
            for last in (head.lemma_.lower(), head.lower_):
                got = self.agents.get(f"{words} {last}")
                if got is not None:
                    return got
        own = self.word_sector(head)
        if own is None and head.lemma_.lower() in self.group_heads:
            # "police forces", "military intelligence units": the nearest word with a kind.
            return next((s for m in reversed(mods) if (s := self.word_sector(m)) is not None), None)
        return own


class KnowledgeBase:
    """An in-memory index over the shipped and user knowledge-base files."""

    def __init__(self, entries: Iterable[Entry], lexicons: Lexicons, sources: dict[str, str]) -> None:
        self.entries: dict[str, Entry] = {}
        for e in entries:
            if e.id in self.entries:
                # A user file overrides a shipped entry: that is how users correct us. Within the
                # shipped files (or one user file) an id is unique.
                prev = self.entries[e.id]
                if prev.origin == e.origin or (_shipped(prev.origin) and _shipped(e.origin)):
                    where = e.origin if prev.origin == e.origin else f"{prev.origin} and {e.origin}"
                    raise KnowledgeBaseError(Errors.E030.format(path=where, detail=f"duplicate id {e.id!r}"))
            self.entries[e.id] = e
        self.lexicons = lexicons
        self.sources = sources
        # Derived indexes other stages build once per KB (the resolver's token tables).
        self.cache: dict[str, object] = {}
        self._by_key: dict[str, list[tuple[str, str]]] = defaultdict(list)
        self._by_institution: dict[tuple[str, str], str] = {}
        # One-word state aliases with accents, keyed as written: folded, they are English words.
        self._by_written: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for form in self.surface_forms():
            if self.accent_bound(form):
                self._by_written[_written(form.text)].append((form.entry, form.kind))
            else:
                self._by_key[normalize(form.text)].append((form.entry, form.kind))
        inst_names = {normalize(n): kind for kind, spec in lexicons.institutions.items() for n in spec["names"]}
        for e in self.entries.values():
            state = self.entries.get(e.country or "")
            if e.type != "organization" or state is None:
                continue
            country_forms = {normalize(f) for f in [state.name, *state.aliases, *state.demonyms]}
            for name in [e.name, *e.aliases]:
                kind = _institution_of(normalize(name), inst_names, country_forms)
                if kind:
                    e.institution = e.institution or kind
                    self._by_institution.setdefault((state.id, kind), e.id)
                    break
        self._fuzzy_choices: dict[frozenset[str], list[str]] = {}
        self._fuzzy_cache: dict[tuple[str, frozenset[str], float], str | None] = {}

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self.entries

    def get(self, entry_id: str) -> Entry | None:
        """The entry with this id."""
        return self.entries.get(entry_id)

    def states(self) -> Iterator[Entry]:
        """All state entries."""
        return (e for e in self.entries.values() if e.type == "state")

    def surface_forms(self) -> Iterator[SurfaceForm]:
        """Every name, alias, demonym and metonym in the KB."""
        for e in self.entries.values():
            yield SurfaceForm(e.name, e.id, "name")
            for a in e.aliases:
                yield SurfaceForm(a, e.id, "alias")
            for d in [*e.demonyms, *e.ethnonyms]:
                yield SurfaceForm(d, e.id, "demonym")
            for m in e.metonyms:
                yield SurfaceForm(m, e.id, "metonym")

    def accent_bound(self, form: SurfaceForm) -> bool:
        """Whether a form matches only as written, accents and all.

        A state's one-word alias in its own language ("Ísland", "España") folds to an English word
        ("Island": "Tin Can Island") or a spelling English does not use; an accentless spelling
        English news does use ("Turkiye", "Eire") is listed as an alias of its own.
        """
        e = self.entries.get(form.entry)
        return (
            form.kind == "alias"
            and e is not None
            and e.type == "state"
            and not form.text.isascii()
            and len(form.text.split()) == 1
        )

    def lookup(self, name: str, kinds: Iterable[str] | None = None) -> list[tuple[Entry, str]]:
        """Entries whose name, alias, demonym or metonym equals ``name`` (normalised)."""
        wanted = set(kinds) if kinds else None
        found = [*self._by_key.get(normalize(name), []), *self._by_written.get(_written(name), [])]
        hits = [(self.entries[i], k) for i, k in found if wanted is None or k in wanted]
        return sorted(hits, key=lambda h: (_TYPE_RANK.get(h[0].type, 9), h[1] != "name"))

    def leader_country(self, surname: str) -> str | None:
        """The one state whose head of state or government the KB knows by that surname, if one.

        "the Bush administration", "the Blair government": whichever Bush, the United States.
        """
        cached = self.cache.get("leader_surnames")
        index: dict[str, set[str]] = cached if isinstance(cached, dict) else defaultdict(set)
        if not isinstance(cached, dict):
            for e in self.entries.values():
                for r in e.roles if e.type == "person" else ():
                    if r.kind in ("head_of_state", "head_of_government") and r.country:
                        index[e.name.split()[-1]].add(r.country)
            self.cache["leader_surnames"] = index
        found = index.get(surname, set())
        return next(iter(found)) if len(found) == 1 else None

    def institution(self, country: str, kind: str) -> Entry | None:
        """The KB's entry for a state's institution (its foreign ministry, say), if listed."""
        found = self._by_institution.get((country, kind))
        return self.entries[found] if found else None

    def holders(self, kind: str, country: str | None, on: date | None) -> list[Entry]:
        """People holding a kind of office for a country on a date."""
        out = []
        for e in self.entries.values():
            if e.type != "person":
                continue
            for r in e.roles:
                if r.kind == kind and (country is None or r.country == country) and r.active(on):
                    out.append(e)
                    break
        return out

    def fuzzy(self, name: str, *, cutoff: float = 90.0, types: Iterable[str] | None = None) -> Entry | None:
        """The best entry for a misspelled name, or None below the cutoff."""
        key = normalize(name)
        if len(key) < 5:
            return None
        wanted = frozenset(types) if types else frozenset(ACTOR_TYPES)
        found = self._fuzzy_key(key, wanted, cutoff)
        return self.entries[found] if found else None

    def _fuzzy_key(self, key: str, wanted: frozenset[str], cutoff: float) -> str | None:
        cache_key = (key, wanted, cutoff)
        if cache_key in self._fuzzy_cache:
            return self._fuzzy_cache[cache_key]
        choices = self._fuzzy_choices.get(wanted)
        if choices is None:
            # Only names and aliases of the wanted types, so a misspelled person is never a demonym.
            choices = sorted(
                {
                    k
                    for k, hits in self._by_key.items()
                    for i, kind in hits
                    if kind in ("name", "alias") and self.entries[i].type in wanted
                }
            )
            self._fuzzy_choices[wanted] = choices
        best = process.extractOne(key, choices, scorer=fuzz.ratio, score_cutoff=cutoff)
        found = None
        # A misspelling changes letters, not whole words: "defence ministry" is no misspelled "uk
        # defence ministry", but a generic name with the country left out.
        if best is not None and _word_subset(key, best[0]):
            best = None
        if best is not None:
            found = next(
                i for i, kind in self._by_key[best[0]] if kind in ("name", "alias") and self.entries[i].type in wanted
            )
        if len(self._fuzzy_cache) > 100_000:
            self._fuzzy_cache.clear()
        self._fuzzy_cache[cache_key] = found
        return found

    def resolve(self, name: str, on: date | None = None) -> Entry | None:
        """The best entry for a name on a date: exact names first, then descriptors, then fuzzy."""
        hits = self.lookup(name)
        dated = [h for h in hits if h[0].exists_on(on) or on is None]
        # Out of its time an entry still answers to its names ("the Soviet Union" in 2021), but a
        # town stands for a state only while it is that state's capital ("Bonn" in 2021 is a town).
        undated = [h for h in hits if h[1] != "metonym"]
        got = dated or undated
        return got[0][0] if got else None


def _institution_of(key: str, inst_names: dict[str, str], country_forms: set[str]) -> str | None:
    """The institution kind a name is, once its country is taken off.

    "russian defense ministry", "ministry of defense of the russian federation" and "defense ministry"
    are a defence ministry; "british gchq government office" is none.
    """
    candidates = {key}
    for form in country_forms:
        if key.startswith(form + " "):
            candidates.add(key[len(form) + 1 :])
        for of in (f" of {form}", f" of the {form}"):
            if key.endswith(of):
                candidates.add(key[: -len(of)])
    for c in candidates:
        c = c.removeprefix("the ").removesuffix("'s")
        if c in inst_names:
            return inst_names[c]
    return None


def _shipped(origin: str) -> bool:
    return "/" not in origin and "\\" not in origin


def _entry(raw: dict[str, Any], where: str) -> Entry:
    try:
        etype = raw["type"]
        if etype not in ACTOR_TYPES:
            raise KnowledgeBaseError(Errors.E030.format(path=where, detail=f"{raw.get('id')}: unknown type {etype!r}"))
        for r in raw.get("roles") or []:
            if r.get("kind") and r["kind"] not in ROLE_RANK:
                detail = f"{raw.get('id')}: unknown role kind {r['kind']!r} (see docs/kb-format.md)"
                raise KnowledgeBaseError(Errors.E030.format(path=where, detail=detail))
        roles = [
            Role(
                office=str(r.get("office") or r.get("kind")),
                kind=str(r.get("kind") or "official"),
                country=r.get("country"),
                sector=r.get("sector"),
                start=_date(r.get("start"), where),
                end=_date(r.get("end"), where),
            )
            for r in raw.get("roles") or []
        ]
        return Entry(
            id=str(raw["id"]),
            name=str(raw["name"]),
            type=etype,
            country=raw.get("country"),
            sector=raw.get("sector"),
            aliases=[str(a) for a in raw.get("aliases") or []],
            wikidata=raw.get("wikidata"),
            start=_date(raw.get("start"), where),
            end=_date(raw.get("end"), where),
            demonyms=[str(d) for d in raw.get("demonyms") or []],
            ethnonyms=[str(d) for d in raw.get("ethnonyms") or []],
            capital=raw.get("capital"),
            metonyms=[str(m) for m in raw.get("metonyms") or []],
            roles=roles,
            members=[str(m) for m in raw.get("members") or []],
            state_affiliated=raw.get("state_affiliated"),
            origin=where,
        )
    except KeyError as exc:
        raise KnowledgeBaseError(Errors.E030.format(path=where, detail=f"entry {raw.get('id')!r} lacks {exc}")) from exc


def read_kb_file(text: str, where: str) -> tuple[list[Entry], str]:
    """Parse one KB file: its entries and its source note."""
    try:
        data = load_yaml(text)
    except yaml.YAMLError as exc:
        raise KnowledgeBaseError(Errors.E030.format(path=where, detail=str(exc).splitlines()[0])) from exc
    except ValueError as exc:  # PyYAML builds dates while parsing: 2020-13-45 fails there
        raise KnowledgeBaseError(Errors.E030.format(path=where, detail=f"bad date: {exc}")) from exc
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise KnowledgeBaseError(Errors.E030.format(path=where, detail="expected a mapping with 'entries'"))
    if not data.get("source"):
        raise KnowledgeBaseError(Errors.E030.format(path=where, detail="missing 'source' note"))
    return [_entry(r, where) for r in data["entries"]], str(data["source"])


def _lexicons() -> Lexicons:
    off = package_yaml("geosignal.kb", "offices.yaml")
    inst = package_yaml("geosignal.kb", "institutions.yaml")
    names = package_yaml("geosignal.kb", "names.yaml")
    agents = package_yaml("geosignal.kb", "agents.yaml")
    return Lexicons(
        titles={k: list(v) for k, v in off["titles"].items()},
        blockers=frozenset(off["blockers"]),
        head_words=frozenset(off["head_words"]),
        government_groups=frozenset(off["government_groups"]),
        military_groups=frozenset(off["military_groups"]),
        place_nouns=frozenset(off["place_nouns"]),
        institutions=dict(inst["institutions"]),
        own_country={normalize(k): str(v) for k, v in inst.get("own_country", {}).items()},
        family_name_first=frozenset(names["family_name_first"]),
        honorifics=frozenset(names["honorifics"]),
        person_town_population=int(names["person_town_population"]),
        agents={str(noun): sector for sector, nouns in agents["sectors"].items() for noun in nouns},
        armed_sectors=frozenset(agents["armed"]),
        group_heads=frozenset(agents.get("group_heads") or ()),
        stance_prefixes=frozenset(agents.get("stance_prefixes") or ()),
    )


_LEXICON_FILES = {"offices.yaml", "institutions.yaml", "names.yaml", "agents.yaml", "regions.yaml"}


def shipped_files() -> list[str]:
    """Names of the KB entry files shipped in the package."""
    pkg = resources.files("geosignal.kb").joinpath("data")
    return sorted(p.name for p in pkg.iterdir() if p.name.endswith(".yaml") and p.name not in _LEXICON_FILES)


@lru_cache(maxsize=8)
def load_kb(extra: tuple[Path, ...] = ()) -> KnowledgeBase:
    """The shipped KB extended by user files (later files override entries with the same id)."""
    pkg = resources.files("geosignal.kb").joinpath("data")
    entries: list[Entry] = []
    sources: dict[str, str] = {}
    for name in shipped_files():
        got, src = read_kb_file(pkg.joinpath(name).read_text("utf-8"), name)
        entries += got
        sources[name] = src
    for path in extra:
        if not path.is_file():
            raise KnowledgeBaseError(Errors.E030.format(path=path, detail="no such file"))
        got, src = read_kb_file(path.read_text("utf-8"), str(path))
        entries += got
        sources[str(path)] = src
    return KnowledgeBase(entries, _lexicons(), sources)


def _word_subset(a: str, b: str) -> bool:
    """One text's words are all among the other's, which has more."""
    wa, wb = set(a.split()), set(b.split())
    return wa != wb and (wa <= wb or wb <= wa)


def _capitalised_kind(head: Token) -> bool:
    """'The Government', 'Police said': a common noun capitalised (house style, a headline), no name.

    The tagger makes such a word a proper noun; right after "the" or first in its sentence, outside
    a named entity and with no proper noun in its phrase ("the Irish Republican Army" is a name,
    "the Prince of Wales" a title, "Fathers 4 Justice" a group), it is still the kind of actor it says.
    """
    if head.pos_ != "PROPN" or head.ent_type_ or not head.text[:1].isupper():
        return False
    first = head.i == 0 or head.doc[head.i - 1].lower_ == "the" or bool(head.is_sent_start)
    return first and not any(t.pos_ == "PROPN" for t in head.subtree if t is not head)
