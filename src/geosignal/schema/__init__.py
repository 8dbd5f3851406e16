"""The output contract: ``analysis.schema.json`` (a copy of ../shared/spec/analysis.schema.json)."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

import jsonschema


@lru_cache(maxsize=1)
def load_schema() -> dict[str, Any]:
    """The analysis JSON Schema shipped with the package."""
    data: dict[str, Any] = json.loads(
        resources.files("geosignal.schema").joinpath("analysis.schema.json").read_text("utf-8")
    )
    return data


def validate(analysis: dict[str, Any]) -> list[str]:
    """Every way ``analysis`` breaks the contract, as messages (empty when it is valid)."""
    validator = jsonschema.Draft202012Validator(load_schema())
    return [f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}" for e in validator.iter_errors(analysis)]
