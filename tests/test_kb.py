"""The shipped knowledge base: well-formed, dated, and resolving what news writes."""

from __future__ import annotations

import re
from datetime import date
from importlib import resources
from pathlib import Path

import pytest
import yaml

from geosignal.errors import KnowledgeBaseError
from geosignal.kb import load_kb, read_kb_file, shipped_files
from geosignal.kb.base import ROLE_RANK
from geosignal.kb.cameo_import import import_dictionary

ROLE_KINDS = set(ROLE_RANK)  # the kinds docs/kb-format.md lists


@pytest.fixture(scope="module")
def kb():  # type: ignore[no-untyped-def]
    return load_kb()


def test_every_shipped_file_has_a_source_note_and_version() -> None:
    pkg = resources.files("geosignal.kb").joinpath("data")
    assert shipped_files(), "no KB entry files shipped"
    for name in shipped_files():
        data = yaml.safe_load(pkg.joinpath(name).read_text("utf-8"))
        assert data.get("source"), name
        assert data.get("version"), name


def test_entries_are_well_formed(kb) -> None:  # type: ignore[no-untyped-def]
    for e in kb.entries.values():
        if e.type == "state":
            assert re.fullmatch(r"[A-Z]{3}", e.id), e.id
            assert e.country == e.id, e.id
        if e.country is not None:
            assert re.fullmatch(r"[A-Z]{3}", e.country), (e.id, e.country)
        if e.wikidata is not None:
            assert re.fullmatch(r"Q[0-9]+", e.wikidata), (e.id, e.wikidata)
        for r in e.roles:
            assert r.kind in ROLE_KINDS, (e.id, r.kind)
            if r.start and r.end:
                assert r.start <= r.end, (e.id, r.office)


def test_kb_covers_what_the_issue_names(kb) -> None:  # type: ignore[no-untyped-def]
    states = {e.id for e in kb.states()}
    assert len(states) >= 195
    assert {"SUN", "YUG", "DDR", "CSK"} <= states
    for name, want in [
        ("DPRK", "PRK"),
        ("PRC", "CHN"),
        ("ROK", "KOR"),
        ("UK", "GBR"),
        ("U.S.", "USA"),
        ("the Kremlin", "RUS"),
        ("Foggy Bottom", "USA"),
        ("Downing Street", "GBR"),
        ("Soviet Union", "SUN"),
        ("Ryonhap", "KOR"),
        ("NATO", None),
        ("Taliban", "AFG"),
    ]:
        e = kb.resolve(name, date(2023, 11, 29))
        assert e is not None, name
        assert (e.country if e.type != "state" else e.id) == want, (name, e.id, e.country)


@pytest.mark.parametrize(
    ("name", "on", "kind", "country"),
    [
        ("Sergei Shoigu", "2023-11-29", "defense_minister", "RUS"),
        ("Sergey Shoygu", "2023-11-29", "defense_minister", "RUS"),
        ("Anthony Blinken", "2023-11-29", "foreign_minister", "USA"),
        ("Antony Blinken", "2023-11-29", "foreign_minister", "USA"),
        ("Vladimir Putin", "2010-06-01", "head_of_government", "RUS"),
        ("Vladimir Putin", "2023-11-29", "head_of_state", "RUS"),
        ("Kim Jong-un", "2023-11-29", None, "PRK"),
        ("Joseph Stalin", "1948-09-09", None, "SUN"),
    ],
)
def test_roles_are_date_bounded(kb, name: str, on: str, kind: str | None, country: str) -> None:  # type: ignore[no-untyped-def]
    e = kb.resolve(name)
    assert e is not None and e.type == "person", name
    role = e.role_on(date.fromisoformat(on))
    assert role is not None, (name, on)
    assert role.country == country
    if kind:
        assert role.kind == kind


def test_a_role_ends(kb) -> None:  # type: ignore[no-untyped-def]
    shoigu = kb.resolve("Sergei Shoigu")
    assert all(r.kind != "defense_minister" for r in shoigu.roles_on(date(2025, 1, 1)))


def test_user_file_extends_and_overrides(tmp_path: Path) -> None:
    f = tmp_path / "mine.yaml"
    f.write_text(
        "source: test\nentries:\n"
        "  - {id: RUS, name: Russian Federation, type: state, country: RUS, aliases: [Rossiya]}\n"
        "  - {id: ivan-testov, name: Ivan Testov, type: person, country: RUS, roles: "
        "[{office: Governor, kind: official, country: RUS, start: 2020-01-01, end: null}]}\n"
    )
    kb = load_kb((f,))
    assert kb.resolve("Rossiya").id == "RUS"  # type: ignore[union-attr]
    assert kb.resolve("Ivan Testov").role_on(date(2021, 1, 1)).office == "Governor"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("entries: []\n", "source"),
        ("source: x\nentries:\n  - {id: a, name: A, type: planet, country: null}\n", "unknown type"),
        ("source: x\nentries:\n  - {id: a, type: state}\n", "lacks"),
        (
            "source: x\nentries:\n  - {id: a, name: A, type: person, country: null,"
            " roles: [{kind: official, start: 2020-13-45}]}\n",
            "bad date",
        ),
        ("source: [unclosed\n", "knowledge-base file"),
    ],
)
def test_malformed_kb_files_are_refused_with_a_reason(text: str, message: str) -> None:
    with pytest.raises(KnowledgeBaseError) as err:
        read_kb_file(text, "user.yaml")
    assert message in str(err.value) and "user.yaml" in str(err.value)


def test_cameo_import_of_the_petrarch_validation_actors(tmp_path: Path) -> None:
    from conftest import need_shared

    src = need_shared("eval", "events", "petrarch2", "PETR.Validate.actors.txt")
    out, count = import_dictionary(src, "cameo", out_dir=tmp_path)
    assert count > 100
    kb = load_kb((out,))
    hamas = kb.resolve("Hamas Gunmen")
    assert hamas is not None and (hamas.country, hamas.sector) == ("PSE", "MIL")
    # Dated codes become dated roles.
    dated = [e for e in kb.entries.values() if e.origin == str(out) and e.roles]
    assert dated and all(r.start or r.end for e in dated for r in e.roles)


def test_data_files_read_yes_no_on_off_as_words() -> None:
    from geosignal._data import load_yaml
    from geosignal.claims.lexicon import hedge_lexicon

    assert load_yaml("[no, No, on, off, yes, true, False]") == ["no", "No", "on", "off", "yes", True, False]
    assert "no" in hedge_lexicon().negators


def test_a_capital_stands_for_a_state_only_while_it_is_one(kb) -> None:  # type: ignore[no-untyped-def]
    fallen = kb.resolve("Bonn", date(1985, 1, 1))
    assert fallen is not None and fallen.id == "FRG"
    # After 1990 "Bonn" is a German town, while a dissolved state still answers to its name.
    assert kb.resolve("Bonn", date(2021, 1, 1)) is None
    soviet = kb.resolve("Soviet Union", date(2021, 1, 1))
    assert soviet is not None and soviet.type == "state"
