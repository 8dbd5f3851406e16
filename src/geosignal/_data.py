"""Reading the data files shipped in the stages' ``data/`` folders."""

from __future__ import annotations

from importlib import resources
from typing import Any

import yaml


def package_yaml(package: str, name: str) -> dict[str, Any]:
    """The YAML mapping ``data/<name>`` of a geosignal package (``geosignal.claims``, ...)."""
    data = yaml.safe_load(resources.files(package).joinpath("data", name).read_text("utf-8"))
    if not isinstance(data, dict):
        raise TypeError(f"{package}/data/{name} is not a YAML mapping")
    return data


def words(data: dict[str, Any], key: str) -> frozenset[str]:
    """A list of words under ``key``, lower-cased (empty when absent)."""
    return frozenset(str(w).lower() for w in data.get(key) or [])
