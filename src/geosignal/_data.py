"""Reading the data files shipped in the stages' ``data/`` folders."""

from __future__ import annotations

import re
from importlib import resources
from typing import Any

import yaml

__all__ = ["load_yaml", "package_yaml", "words"]


class _Loader(yaml.SafeLoader):
    """PyYAML's safe loader with YAML 1.2 booleans: only true and false.

    YAML 1.1 also reads yes/no/on/off as booleans, and the data files are word lists: "no" (a
    negator), "No" (a Korean family name) and "on" (a preposition) must stay words.
    """


_BOOL = "tag:yaml.org,2002:bool"
_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != _BOOL]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def load_yaml(text: str) -> Any:
    """Parse YAML text safely, with only true/false as booleans (see ``_Loader``)."""
    return yaml.load(text, Loader=_Loader)


def package_yaml(package: str, name: str) -> dict[str, Any]:
    """The YAML mapping ``data/<name>`` of a geosignal package (``geosignal.claims``, ...)."""
    data = load_yaml(resources.files(package).joinpath("data", name).read_text("utf-8"))
    if not isinstance(data, dict):
        raise TypeError(f"{package}/data/{name} is not a YAML mapping")
    return data


def words(data: dict[str, Any], key: str) -> frozenset[str]:
    """A list of words under ``key``, lower-cased (empty when absent)."""
    return frozenset(str(w).lower() for w in data.get(key) or [])
