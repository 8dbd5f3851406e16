from __future__ import annotations

from pathlib import Path

import pytest

from geosignal.config import DEFAULT_MODEL, load_settings


def test_defaults(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))
    s = load_settings()
    assert s.model == DEFAULT_MODEL
    assert s.kb_paths == ()


def test_config_file_then_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    cfg = tmp_path / "geosignal.toml"
    cfg.write_text('[geosignal]\nmodel = "en_core_web_md"\nmax_bytes = 1234\nkb_paths = ["a.yaml"]\n')
    monkeypatch.setenv("GEOSIGNAL_CONFIG", str(cfg))
    s = load_settings()
    assert (s.model, s.max_bytes, s.kb_paths) == ("en_core_web_md", 1234, (Path("a.yaml"),))
    monkeypatch.setenv("GEOSIGNAL_MODEL", "en_core_web_sm")
    monkeypatch.setenv("GEOSIGNAL_KB_PATH", "b.yaml")
    s = load_settings()
    assert s.model == "en_core_web_sm"
    assert s.kb_paths == (Path("a.yaml"), Path("b.yaml"))
    # An explicit argument wins over both.
    assert s.with_overrides(model="my_pipeline").model == "my_pipeline"
    assert s.with_overrides(model=None).model == "en_core_web_sm"


def test_broken_config_is_a_one_line_usage_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from geosignal.cli import app

    cfg = tmp_path / "geosignal.toml"
    cfg.write_text("[geosignal\nmodel = ")
    monkeypatch.setenv("GEOSIGNAL_CONFIG", str(cfg))
    article = tmp_path / "a.txt"
    article.write_text("Text.")
    res = CliRunner().invoke(app, ["analyze", str(article)])
    assert res.exit_code == 2
    assert str(cfg) in res.stderr and len(res.stderr.strip().splitlines()) == 1
