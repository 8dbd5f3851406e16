"""Shared fixtures: the ../shared folder (skipped when absent) and the real spaCy model."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLE = SHARED / "samples" / "moscow-post-2023-11-29-shoigu-pyongyang.txt"


def need_shared(*parts: str) -> Path:
    """A path under ../shared, or skip the test with the reason."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs {path} (the shared evaluation folder beside the project); it is absent here")
    return path


@pytest.fixture(scope="session")
def sample_path() -> Path:
    return need_shared("samples", SAMPLE.name)


@pytest.fixture(scope="session")
def sample_analysis(sample_path: Path) -> dict:  # type: ignore[type-arg]
    import geosignal

    return geosignal.analyze(sample_path).to_dict()


@pytest.fixture(autouse=True)
def _isolated_user_kb(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    # Tests never read or write the developer's own imported KB files.
    monkeypatch.setenv("GEOSIGNAL_KB_DIR", str(tmp_path_factory.mktemp("user-kb")))
    monkeypatch.delenv("GEOSIGNAL_KB_PATH", raising=False)
    monkeypatch.delenv("GEOSIGNAL_MODEL", raising=False)
