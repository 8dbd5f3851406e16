"""Types and lint are part of the suite, so CI enforces them like any other test."""

from __future__ import annotations

import shutil
import subprocess
import sys

from conftest import ROOT


def _run(*cmd: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)


def test_ruff_is_clean() -> None:
    exe = shutil.which("ruff")
    assert exe, "ruff is not installed: pip install -e '.[dev]'"
    out = _run(exe, "check", "src", "tests", "benchmarks")
    assert out.returncode == 0, out.stdout + out.stderr


def test_ruff_format_is_clean() -> None:
    exe = shutil.which("ruff")
    assert exe, "ruff is not installed: pip install -e '.[dev]'"
    out = _run(exe, "format", "--check", "src", "tests", "benchmarks")
    assert out.returncode == 0, "run `ruff format src tests benchmarks`:\n" + out.stdout + out.stderr


def test_mypy_strict_is_clean() -> None:
    out = _run(sys.executable, "-m", "mypy")
    assert out.returncode == 0, out.stdout + out.stderr
