"""The CAMEO code list and the CAMEO -> PLOVER mapping (``data/cameo.yaml``, ``data/plover.yaml``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from .._data import load_yaml

# PLOVER drops CAMEO 01 (statements) and 02 (appeals): such events carry this type.
NO_PLOVER = "NONE"


@dataclass(frozen=True, slots=True)
class Code:
    """One CAMEO code with its label, root, quad class and Goldstein score."""

    code: str
    label: str
    root: str
    quad_class: int
    goldstein: float


@dataclass(frozen=True, slots=True)
class Plover:
    """The PLOVER reading of a CAMEO code."""

    type: str
    mode: str | None = None
    context: tuple[str, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        """The ``plover`` object of an event."""
        return {"type": self.type, "mode": self.mode, "context": list(self.context)}


@dataclass(frozen=True, slots=True)
class Codebook:
    """CAMEO codes and their PLOVER mapping."""

    codes: dict[str, Code]
    plover: dict[str, Plover]
    renames: dict[str, str]
    plover_types: frozenset[str]
    source: str
    version: str

    def get(self, code: str) -> Code:
        """The CAMEO code, or KeyError."""
        return self.codes[code]

    def to_plover(self, code: str) -> Plover:
        """The PLOVER type/mode/context of a CAMEO code (its parent's when not listed)."""
        c = code
        while c:
            if c in self.plover:
                return self.plover[c]
            c = c[:-1] if len(c) > 2 else ""
        return Plover(NO_PLOVER)

    def plover_name(self, name: str) -> str:
        """A PLOVER category under its current name (DEMAND -> REQUEST, FIGHT -> ASSAULT, ...)."""
        up = name.strip().upper()
        return self.renames.get(up, up)


def _read(name: str) -> dict[str, Any]:
    text = resources.files("geosignal.events").joinpath("data", name).read_text("utf-8")
    data = load_yaml(text)
    if not isinstance(data, dict):
        raise ValueError(f"{name}: expected a mapping")
    return data


@lru_cache(maxsize=1)
def load_codebook() -> Codebook:
    """Load the shipped CAMEO code list and PLOVER mapping (cached)."""
    cam = _read("cameo.yaml")
    plo = _read("plover.yaml")
    codes = {
        str(r["code"]): Code(
            code=str(r["code"]),
            label=str(r["label"]),
            root=str(r["root"]),
            quad_class=int(r["quad_class"]),
            goldstein=float(r["goldstein"]),
        )
        for r in cam["codes"]
    }
    mapping = {
        str(m["cameo"]): Plover(
            m["type"] or NO_PLOVER, m.get("mode") or None, tuple(str(x) for x in m.get("context") or [])
        )
        for m in plo["mapping"]
    }
    renames = {str(k).upper(): str(v).upper() for k, v in (plo.get("renames") or {}).items()}
    types = frozenset(str(t["type"]) for t in plo["types"])
    return Codebook(
        codes, mapping, renames, types, f"{cam['source']} | {plo['source']}", f"{cam['version']}/{plo['version']}"
    )
