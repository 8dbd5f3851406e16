"""Date cues in a sentence or paragraph, resolved against the publication date."""

from __future__ import annotations

import calendar
import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from typing import Any, Literal

from .._data import load_yaml
from ..model import EventDate


@dataclass(frozen=True, slots=True)
class Cue:
    """A date expression found in the text."""

    start: int
    end: int
    value: str | None  # ISO: 1953, 1953-09, 1953-09-05
    precision: str  # day | month | year | decade | unknown
    basis: str  # explicit | relative
    latest: date | None  # the last day the expression allows (for `historical`)
    until: str | None = None  # the last year of a year range ("1950-53"); value is its first


@lru_cache(maxsize=1)
def cue_words() -> dict[str, Any]:
    """The cue-word table of ``data/cues.yaml``."""
    text = resources.files("geosignal.events").joinpath("data", "cues.yaml").read_text("utf-8")
    data: dict[str, Any] = load_yaml(text)
    return data


@lru_cache(maxsize=1)
def _regexes() -> dict[str, re.Pattern[str]]:
    w = cue_words()
    months = "|".join(w["months"] + sorted(w["month_abbrev"], key=len, reverse=True))
    days = "|".join(w["weekdays"])
    nums = "|".join(sorted(w["numbers"], key=len, reverse=True))
    units = "|".join(sorted(w["units"], key=len, reverse=True))
    rel = "|".join(w["relative_words"])
    before = "|".join(w["before_words"] + w["after_words"])
    return {
        "dmy": re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({months})\.?,?\s+(\d{{4}})\b", re.I),
        "mdy": re.compile(rf"\b({months})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I),
        "my": re.compile(rf"\b({months})\.?,?\s+(?:of\s+)?(\d{{4}})\b", re.I),
        "iso": re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"),
        # "on September 29", "29 September": a day without its year.
        "md": re.compile(rf"\b({months})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s*\d)", re.I),
        "dm": re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({months})\b\.?(?!,?\s*\d)", re.I),
        # "the 1950-53 war", "1939–1945", "from 1950 to 1953", "between 1950 and 1953"
        "years": re.compile(
            r"\b(between\s+)?(1[6-9]\d\d|20\d\d)\s*([-–—]|\s(?:to|and|until)\s)\s*(\d{4}|\d\d)\b(?![-–]\d)", re.I
        ),
        "decade": re.compile(r"\b(?:in|during|by)\s+the\s+(\d{3})0s\b", re.I),
        "year": re.compile(
            r"\b(?:in|since|by|of|from|until|during|early|late|mid-?)\s+(1[6-9]\d\d|20\d\d)\b(?![-–]\d)", re.I
        ),
        "year_bare": re.compile(r"(?<![\d-])(1[6-9]\d\d|20\d\d)(?![\d-])"),
        "month": re.compile(
            rf"\b(?:in|on|since|during|by|early|late|mid-?|last|this|next)\s+({months})\b(?!\s+\d)", re.I
        ),
        "weekday": re.compile(rf"\b(?:on\s+|last\s+|this\s+|next\s+)?({days})\b", re.I),
        "day": re.compile(r"\b(" + "|".join(w["days"]) + r")\b", re.I),
        "ago": re.compile(rf"\b({nums}|\d+)\s+({units})\s+({before})\b", re.I),
        "rel": re.compile(rf"\b({rel})\s+({units})\b", re.I),
    }


def _month_num(name: str) -> int:
    w = cue_words()
    n = name.lower().rstrip(".")
    if n in w["months"]:
        return int(w["months"].index(n)) + 1
    return int(w["month_abbrev"][n])


def _add_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def find_cues(text: str, offset: int, published: date | None, future: bool = False) -> list[Cue]:
    """Every date cue in a piece of text (char offsets shifted by ``offset``), non-overlapping."""
    rx = _regexes()
    w = cue_words()
    found: list[Cue] = []
    taken: list[tuple[int, int]] = []

    def add(
        m: re.Match[str], value: str | None, precision: str, basis: str, latest: date | None, until: str | None = None
    ) -> None:
        s, e = m.span()
        if any(s < b and a < e for a, b in taken):
            return
        taken.append((s, e))
        found.append(Cue(s + offset, e + offset, value, precision, basis, latest, until))

    for m in rx["iso"].finditer(text):
        try:
            d = date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            continue
        add(m, d.isoformat(), "day", "explicit", d)
    for key in ("dmy", "mdy"):
        for m in rx[key].finditer(text):
            day_s, mon_s = (m[1], m[2]) if key == "dmy" else (m[2], m[1])
            try:
                d = date(int(m[3]), _month_num(mon_s), int(day_s))
            except (ValueError, KeyError):
                continue
            add(m, d.isoformat(), "day", "explicit", d)
    for m in rx["years"].finditer(text):
        y0, y1 = int(m[2]), int(m[4])
        if y1 < 100:  # "1950-53" (not "1998-02", read as a range across the century or a month)
            y1 += y0 // 100 * 100
        # "in 1950 and 1953" names two years; "between 1950 and 1953" one range.
        if y0 < y1 <= y0 + 100 and (m[3].strip().lower() != "and" or m[1]):
            add(m, f"{y0:04d}", "year", "explicit", date(y1, 12, 31), until=f"{y1:04d}")
    for m in rx["my"].finditer(text):
        y, mo = int(m[2]), _month_num(m[1])
        add(m, f"{y:04d}-{mo:02d}", "month", "explicit", _month_end(y, mo))
    for m in rx["decade"].finditer(text):
        y = int(m[1]) * 10
        add(m, f"{y:04d}", "decade", "explicit", date(y + 9, 12, 31))
    for m in rx["year"].finditer(text):
        y = int(m[1])
        add(m, f"{y:04d}", "year", "explicit", date(y, 12, 31))
    if published is None:
        return sorted(found, key=lambda c: c.start)
    for key in ("md", "dm"):
        for m in rx[key].finditer(text):
            mon_s, day_s = (m[1], m[2]) if key == "md" else (m[2], m[1])
            if mon_s.lower() == "may" and key == "md":
                continue  # "may 3" is more often the modal than the month
            try:
                d = date(published.year, _month_num(mon_s), int(day_s))
            except (ValueError, KeyError):
                continue
            # The nearest such day: past news unless the clause speaks of the future.
            if future and d < published - timedelta(days=2):
                d = d.replace(year=d.year + 1) if not (d.month == 2 and d.day == 29) else d
            elif not future and d > published + timedelta(days=2):
                d = d.replace(year=d.year - 1) if not (d.month == 2 and d.day == 29) else d
            add(m, d.isoformat(), "day", "relative", d)
    for m in rx["month"].finditer(text):
        mo = _month_num(m[1])
        if m[1] == "may":  # the modal verb, not the month
            continue
        y = published.year
        lead = m[0].split()[0].lower()
        if lead == "next" or (future and mo > published.month):
            y += 1 if mo <= published.month else 0
        elif mo > published.month or (lead == "last" and mo >= published.month):
            y -= 1
        add(m, f"{y:04d}-{mo:02d}", "month", "relative", _month_end(y, mo))
    for m in rx["day"].finditer(text):
        d = published + timedelta(days=int(w["days"][m[1].lower()]))
        add(m, d.isoformat(), "day", "relative", d)
    for m in rx["weekday"].finditer(text):
        wd = int(w["weekdays"].index(m[1].lower()))
        lead = m[0].split()[0].lower()
        if lead == "next" or (future and lead != "last"):
            delta = (wd - published.weekday()) % 7 or 7
        else:
            delta = -((published.weekday() - wd) % 7)
            if lead == "last" and delta == 0:
                delta = -7
        d = published + timedelta(days=delta)
        add(m, d.isoformat(), "day", "relative", d)
    for m in rx["ago"].finditer(text):
        n_s = m[1].lower()
        n = int(n_s) if n_s.isdigit() else int(w["numbers"][n_s])
        unit = str(w["units"][m[2].lower()])
        sign = -1 if m[3].lower() in w["before_words"] else 1
        value, precision, latest = _shift(published, sign * n, unit)
        add(m, value, precision, "relative", latest)
    for m in rx["rel"].finditer(text):
        unit = str(w["units"][m[2].lower()])
        sign = int(w["relative_words"][m[1].lower()])
        value, precision, latest = _shift(published, sign, unit)
        add(m, value, precision, "relative", latest)
    return sorted(found, key=lambda c: c.start)


def _shift(published: date, n: int, unit: str) -> tuple[str, str, date]:
    if unit == "day":
        d = published + timedelta(days=n)
        return d.isoformat(), "day", d
    if unit == "week":
        d = published + timedelta(days=7 * n)
        return d.isoformat(), "day", d
    if unit == "month":
        d = _add_months(published, n)
        return f"{d.year:04d}-{d.month:02d}", "month", _month_end(d.year, d.month)
    if unit == "decade":
        y = published.year + 10 * n
        return f"{y // 10 * 10:04d}", "decade", date(y // 10 * 10 + 9, 12, 31)
    y = published.year + n
    return f"{y:04d}", "year", date(y, 12, 31)


def paragraph_breaks(text: str) -> list[int]:
    """Character offsets where paragraphs start: after blank lines, else after single line breaks."""
    return [m.end() for m in re.finditer(r"\n\s*\n" if "\n\n" in text else r"\n", text)]


def context_cue(
    text: str, sents: list[tuple[int, int]], k: int, at: int, published: date | None, breaks: list[int]
) -> tuple[Cue, str] | None:
    """The explicit date that frames position ``at`` of sentence ``k``, and where it was found.

    ``sents`` are the sentences' (start, end) character offsets. The date is the nearest explicit
    cue in the sentence ("sentence"), else the last explicit cue of an earlier sentence of the same
    paragraph ("paragraph"), looking back at most six sentences. Only explicit dates count (years,
    months, days written out): a relative date frames the news of the day, not a past paragraph.
    """
    start, end = sents[k]
    own = [c for c in find_cues(text[start:end], start, published) if c.basis == "explicit"]
    if own:
        return min(own, key=lambda c: abs(c.start - at)), "sentence"
    para = bisect_right(breaks, start)
    for j in range(k - 1, max(-1, k - 7), -1):
        s, e = sents[j]
        if bisect_right(breaks, s) != para:
            break
        got = [c for c in find_cues(text[s:e], s, published) if c.basis == "explicit"]
        if got:
            return got[-1], "paragraph"
    return None


def anchored(measure: str, anchor: Cue, start: int, end: int) -> Cue | None:
    """The date of an event N units before or after another date.

    "Ten months before the signing ..., negotiations took place in September 1952": the signing is
    ten months after September 1952 (July 1953). ``measure`` is the text "ten months before";
    ``anchor`` the explicit date of the other clause; ``start``/``end`` the offsets of the result.
    The result is no finer than the anchor, nor than the measure's unit.
    """
    w = cue_words()
    m = _regexes()["ago"].fullmatch(measure.strip())
    day0 = first_day(anchor.value)
    if m is None or day0 is None or anchor.precision not in ("day", "month", "year"):
        return None
    n_s = m[1].lower()
    n = int(n_s) if n_s.isdigit() else int(w["numbers"][n_s])
    unit = str(w["units"][m[2].lower()])
    # X happened N units before E: E is N units after X.
    sign = 1 if m[3].lower() in w["before_words"] else -1
    rank = {"day": 0, "month": 1, "year": 2}
    if unit in ("day", "week"):
        if anchor.precision != "day":
            return None  # "three days before" a month: no day, and maybe not the month either
        d = day0 + timedelta(days=sign * n * (7 if unit == "week" else 1))
        return Cue(start, end, d.isoformat(), "day", "relative", d)
    if unit == "month":
        d = _add_months(day0, sign * n)
        if rank[anchor.precision] <= 1:
            return Cue(start, end, f"{d.year:04d}-{d.month:02d}", "month", "relative", _month_end(d.year, d.month))
        return None  # "ten months before" a year: the year is not known
    if unit == "year":
        y = day0.year + sign * n
        return Cue(start, end, f"{y:04d}", "year", "relative", date(y, 12, 31))
    return None


def first_day(value: str | None) -> date | None:
    """The first day of an ISO date, month or year ('1953-09' -> 1953-09-01), else None."""
    if not value:
        return None
    parts = value.split("-")
    try:
        return date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1)
    except (ValueError, IndexError):
        return None


def is_historical(latest: date | None, published: date | None) -> bool:
    """True when the latest day a date allows lies well before publication."""
    if latest is None or published is None:
        return False
    return (published - latest).days > int(cue_words()["historical_days"])


def to_event_date(
    cue: Cue | None, published: date | None, scope: Literal["sentence", "paragraph"] = "sentence"
) -> EventDate:
    """The event's date from its cue (in its sentence or carried from its paragraph), else publication."""
    if cue is None:
        if published is None:
            return EventDate(None, "unknown", False, "unknown")
        return EventDate(published.isoformat(), "day", False, "publication")
    return EventDate(
        cue.value,
        cue.precision,  # type: ignore[arg-type]
        is_historical(cue.latest, published),
        cue.basis,  # type: ignore[arg-type]
        scope,
        cue.until,
    )
