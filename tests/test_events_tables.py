"""The events stage's data tables: codebook, pattern table, date cues (no model needed)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from geosignal.errors import UsageError
from geosignal.events.codebook import NO_PLOVER, load_codebook
from geosignal.events.dates import find_cues, is_historical, to_event_date
from geosignal.events.patterns import ENV, current_patterns, load_patterns

PUB = date(2023, 11, 29)


def test_codebook_has_codes_roots_and_plover() -> None:
    book = load_codebook()
    assert book.get("042").root == "04"
    assert book.get("112").quad_class == 3
    assert book.get("190").goldstein < 0
    assert book.to_plover("042").type == "CONSULT"
    assert book.to_plover("042").mode == "visit"
    assert book.to_plover("010").type == NO_PLOVER
    assert book.plover_name("DEMAND") == "REQUEST"
    assert book.plover_name("fight") == "ASSAULT"


def test_every_pattern_has_a_known_code_and_roles() -> None:
    table = current_patterns()
    book = load_codebook()
    assert len(table.patterns) >= 60
    ids = [p.id for p in table.patterns]
    assert len(ids) == len(set(ids))
    for p in table.patterns:
        assert p.code in book.codes
        assert p.lemmas
        assert p.source, p.id
    assert table.sources[0]  # the source note


def test_user_patterns_come_first_and_replace_by_id(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    f = tmp_path / "mine.yaml"
    f.write_text(
        "source: test\npatterns:\n"
        "  - {id: meet, pos: verb, lemma: [meet], code: '044', source: [subj], target: [prep:with]}\n"
        "  - {id: scold, pos: verb, lemma: [scold], code: '111', source: [subj], target: [obj]}\n",
        "utf-8",
    )
    monkeypatch.setenv(ENV, str(f))
    table = current_patterns()
    meet = [p for p in table.patterns if p.id == "meet"]
    assert len(meet) == 1 and meet[0].code == "044"
    assert table.patterns[0].id == "meet"
    assert ("verb", "scold") in table.by_lemma


def test_bad_user_pattern_is_a_usage_error(tmp_path: Path) -> None:
    f = tmp_path / "bad.yaml"
    f.write_text("patterns:\n  - {id: x, lemma: [y], code: '999', source: [subj]}\n", "utf-8")
    with pytest.raises(UsageError, match="unknown CAMEO code"):
        load_patterns((f,))
    with pytest.raises(UsageError, match="no such file"):
        load_patterns((tmp_path / "absent.yaml",))
    f.write_text("patterns:\n  - {id: x, lemma: [y], pobj: [alert], code: '152', source: [subj]}\n", "utf-8")
    with pytest.raises(UsageError, match="pobj needs prep"):
        load_patterns((f,))
    f.write_text("patterns:\n  - {id: x, lemma: [y], needs_targt: true, code: '152', source: [subj]}\n", "utf-8")
    with pytest.raises(UsageError, match="unknown field 'needs_targt'"):
        load_patterns((f,))


@pytest.mark.parametrize(
    ("text", "value", "precision", "basis", "historical"),
    [
        ("In 1948, when the state was formed", "1948", "year", "explicit", True),
        ("took place in Moscow in September 1952.", "1952-09", "month", "explicit", True),
        ("In April, three navies", "2023-04", "month", "relative", False),
        ("A month before the visit", "2023-10", "month", "relative", False),
        ("they met last week", "2023-11-22", "day", "relative", False),
        ("on Wednesday the minister", "2023-11-29", "day", "relative", False),
        ("three years ago", "2020", "year", "relative", True),
        ("on 5 September 1953", "1953-09-05", "day", "explicit", True),
        ("during the 1990s", "1990", "decade", "explicit", True),
    ],
)
def test_date_cues(text: str, value: str, precision: str, basis: str, historical: bool) -> None:
    cues = find_cues(text, 0, PUB)
    assert cues, text
    d = to_event_date(cues[0], PUB)
    assert (d.value, d.precision, d.basis, d.historical) == (value, precision, basis, historical)


def test_no_cue_means_publication_and_modal_may_is_no_month() -> None:
    assert find_cues("Russia may have other interests", 0, PUB) == []
    d = to_event_date(None, PUB)
    assert (d.value, d.basis, d.historical) == ("2023-11-29", "publication", False)
    assert to_event_date(None, None).precision == "unknown"
    assert not is_historical(date(2023, 6, 1), PUB)


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("during the 1950-53 war", "1950", "1953"),
        ("the 1939–1945 war", "1939", "1945"),
        ("from 1998 to 2003 the mission", "1998", "2003"),
        ("between 1950 and 1953", "1950", "1953"),
        ("the 2021-22 winter", "2021", "2022"),
    ],
)
def test_a_range_of_years_is_its_first_year_with_its_end(text: str, first: str, last: str) -> None:
    cues = find_cues(text, 0, PUB)
    assert len(cues) == 1, text
    d = to_event_date(cues[0], PUB)
    assert (d.value, d.precision, d.end, d.basis) == (first, "year", last, "explicit")
    # Historical by its last year: a range up to last year is recent news, not history.
    assert d.historical is (int(last) < PUB.year - 1)


def test_what_is_not_a_range_of_years() -> None:
    # Two years named apart; an ISO month; a descending pair.
    assert [(c.value, c.until) for c in find_cues("in 1950 and 1953", 0, PUB)] == [("1950", None)]
    assert find_cues("in 1998-02", 0, PUB) == []
    assert [c.until for c in find_cues("from 1953 to 1950", 0, PUB)] == [None]
    assert to_event_date(find_cues("In 1948, the state", 0, PUB)[0], PUB).end is None


def test_day_without_year_is_the_nearest_past_day() -> None:
    pub = date(2023, 11, 29)
    got = find_cues("On September 29, Putin offered talks; on 5 December they met.", 0, pub)
    assert [(c.value, c.precision, c.basis) for c in got] == [
        ("2023-09-29", "day", "relative"),
        ("2022-12-05", "day", "relative"),
    ]
    # With its year it stays an explicit date; "May 3" is too often the modal to read.
    assert [c.value for c in find_cues("on September 29, 2020", 0, pub)] == ["2020-09-29"]
    assert find_cues("They may 3 times", 0, pub) == []


def test_anchored_dates_shift_by_the_measure_and_never_refine() -> None:
    from geosignal.events.dates import anchored

    pub = date(2023, 11, 29)
    month = find_cues("in September 1952", 0, pub)[0]
    got = anchored("ten months before", month, 0, 1)
    assert got is not None and (got.value, got.precision) == ("1953-07", "month")
    got = anchored("two years after", month, 0, 1)
    assert got is not None and (got.value, got.precision) == ("1950", "year")
    # A day measure cannot be placed on a month, nor a month on a year.
    assert anchored("three days before", month, 0, 1) is None
    assert anchored("ten months before", find_cues("in 1952", 0, pub)[0], 0, 1) is None


def test_a_town_stands_for_a_state_only_when_its_name_is_unambiguous() -> None:
    from geosignal.kb.places import town_country

    assert town_country("Mosul") == "IRQ"
    # Towns named Victoria lie in several states; a country's name is left to the KB.
    assert town_country("Victoria") is None
    assert town_country("Canada") is None


def test_a_town_is_found_by_an_older_or_transliterated_name() -> None:
    from geosignal.kb.places import locate, town_country

    # Alternate names are a fallback: the GeoNames name is "Kharkiv", news also writes "Kharkov".
    assert town_country("Kharkov") == town_country("Kharkiv") == "UKR"
    assert locate("Kharkov", None).geonameid == locate("Kharkiv", None).geonameid is not None
    # A country's own name comes before any town's alternate name.
    assert locate("Georgia", None).country == "GEO"
    # A size floor leaves out small towns (whose names are often surnames too).
    assert town_country("Mosul", 100_000) == "IRQ"
    assert town_country("Samarra") == "IRQ" and town_country("Samarra", 10_000_000) is None
