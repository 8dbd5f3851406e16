"""A small store's worth of analyses built as data (no spaCy): events between states on the Korean
peninsula and around it, written through the real path (Store.write_batch with contract dicts).

Each event is a plain tuple; `expected_dyad` re-counts them in Python for the tests to compare with
what the database aggregates.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from geosignal.model import Actor, ActorRef, Analysis, Document, Event, EventDate, Location, Span, Statement

# CAMEO code -> (quad class, Goldstein), as in events/data/cameo.yaml.
CODES = {
    "040": (1, 1.0),  # consult
    "036": (1, 4.0),  # express intent to meet or negotiate
    "057": (1, 8.0),  # sign formal agreement
    "061": (2, 6.4),  # cooperate economically
    "062": (2, 7.4),  # cooperate militarily
    "111": (3, -2.0),  # criticize or denounce
    "138": (3, -7.0),  # threaten with military force
    "172": (4, -5.0),  # impose administrative sanctions
    "190": (4, -10.0),  # use conventional military force
}

NAMES = {"RUS": "Russia", "PRK": "North Korea", "CHN": "China", "USA": "United States", "KOR": "South Korea"}
NAMES |= {"JPN": "Japan"}


def state(code: str) -> ActorRef:
    return ActorRef(f"state:{code}", NAMES[code], code, "GOV")


@dataclass
class Ev:
    """One event: sources, targets (state codes or ActorRefs), code, date, status."""

    sources: list[str | ActorRef]
    targets: list[str | ActorRef]
    cameo: str
    date: str | None  # None: undated
    status: str = "reported"
    precision: str | None = None  # default: from the length of date

    @property
    def quad(self) -> int:
        return CODES[self.cameo][0]

    @property
    def goldstein(self) -> float:
        return CODES[self.cameo][1]

    def countries(self, side: list[str | ActorRef]) -> set[str]:
        return {s if isinstance(s, str) else (s.country or "") for s in side} - {""}


@dataclass
class Doc:
    doc_id: str
    outlet: str
    published: str
    events: list[Ev]
    quotes: list[tuple[ActorRef, str]] = field(default_factory=list)
    url: str | None = None


def _ref(x: str | ActorRef) -> ActorRef:
    return state(x) if isinstance(x, str) else x


def analysis(doc: Doc) -> dict[str, Any]:
    """The contract dict of one document."""
    text = " ".join(f"Sentence {i}." for i in range(len(doc.events) + len(doc.quotes) + 1))
    refs = {r.actor: r for e in doc.events for r in map(_ref, [*e.sources, *e.targets])}
    refs |= {r.actor: r for r, _ in doc.quotes}
    actors = [
        Actor(r.actor, r.name, "state" if r.actor.startswith("state:") else "person", r.country) for r in refs.values()
    ]
    events = []
    for i, e in enumerate(doc.events):
        precision = e.precision or {10: "day", 7: "month", 4: "year"}.get(len(e.date or ""), "unknown")
        events.append(
            Event(
                id=f"ev{i + 1}",
                cameo=e.cameo,
                plover={"type": "AGREE", "mode": "", "context": []},
                quad_class=e.quad,
                goldstein=e.goldstein,
                source=[_ref(s) for s in e.sources],
                target=[_ref(t) for t in e.targets],
                date=EventDate(e.date, precision, False, "explicit" if e.date else "unknown"),  # type: ignore[arg-type]
                status=e.status,  # type: ignore[arg-type]
                trigger=Span(0, 8, "Sentence"),
                evidence=Span(0, 11, "Sentence 0."),
                location=Location("Pyongyang", "PRK", 39.03, 125.75, 1871859) if i == 0 else None,
            )
        )
    statements = [
        Statement(f"s{i + 1}", speaker, True, Span(0, len(said), said), Span(0, len(said), said), Span(0, 4, "said"))
        for i, (speaker, said) in enumerate(doc.quotes)
    ]
    a = Analysis(
        document=Document(
            id=doc.doc_id,
            text=text,
            title=f"Title {doc.doc_id}",
            outlet=doc.outlet,
            published=doc.published,
            language="en",
            source=f"{doc.doc_id}.txt",
            url=doc.url or f"https://news.example/{doc.doc_id}",
        ),
        actors=actors,
        events=events,
        statements=statements,
    )
    return a.to_dict()


PUTIN = ActorRef("person:putin", "Vladimir Putin", "RUS", "GOV")
SHOIGU = ActorRef("person:shoigu", "Sergei Shoigu", "RUS", "MIL")
KIM = ActorRef("person:kim-jong-un", "Kim Jong Un", "PRK", "GOV")


def korea_corpus() -> list[Doc]:
    """Documents over 2023-2024 with two camps: China-Russia-DPRK and US-ROK-Japan."""
    return [
        Doc(
            "d1",
            "KCNA",
            "2023-07-27",
            [
                Ev([SHOIGU], ["PRK"], "040", "2023-07-26"),
                Ev(["PRK"], ["RUS"], "036", "2023-07-27"),
                Ev(["CHN"], ["PRK"], "040", "2023-07-27"),
                Ev(["PRK"], ["KOR"], "138", "2023-07-27"),
            ],
            quotes=[(KIM, "Our friendship is invincible."), (SHOIGU, "We stand together.")],
        ),
        Doc(
            "d2",
            "Reuters",
            "2023-09-14",
            [
                # Putin and Shoigu both on the source side: one event for RUS->PRK, not two.
                Ev([PUTIN, SHOIGU], [KIM], "062", "2023-09-13"),
                # Reciprocal: both states on both sides, one event in both directions.
                Ev(["RUS", "PRK"], ["RUS", "PRK"], "057", "2023-09-13"),
                Ev(["USA"], ["PRK"], "111", "2023-09-14"),
                Ev(["USA"], ["RUS"], "172", "2023-09"),  # month precision
                Ev(["RUS"], ["PRK"], "061", None),  # undated
                Ev(["RUS"], ["PRK"], "062", "2023-09-20", status="speculative"),
            ],
            quotes=[(PUTIN, "We will help.")],
        ),
        Doc(
            "d3",
            "Yonhap",
            "2023-09-15",
            [
                Ev(["PRK"], ["RUS"], "040", "2023-09-15"),
                Ev(["USA"], ["KOR"], "062", "2023-09-15"),
                Ev(["KOR"], ["JPN"], "040", "2023-09-15"),
                Ev(["PRK"], ["JPN"], "190", "2023-09-15"),
                Ev(["RUS", "CHN"], ["PRK"], "061", "2023-10-02"),  # compound source
            ],
        ),
        Doc(
            "d4",
            "NHK",
            "2024-01-10",
            [
                Ev(["USA"], ["JPN"], "057", "2024-01-09"),
                Ev(["JPN"], ["KOR"], "036", "2024-01-10"),
                Ev(["RUS"], ["PRK"], "040", "2024"),  # year precision
                Ev(["CHN"], ["RUS"], "057", "2024-01-10"),
                Ev(["PRK"], ["USA"], "138", "2024-01-10"),
                Ev(["CHN"], ["USA"], "111", "2024-01-10"),
                Ev(["USA"], ["CHN"], "040", "2024-01-10"),
            ],
            quotes=[(ActorRef("person:blinken", "Antony Blinken", "USA", "GOV"), "We condemn the launch.")],
        ),
        Doc(
            "d5",
            "Reuters",
            "2024-06-19",
            [
                Ev(["RUS"], ["PRK"], "057", "2024-06-19"),
                Ev(["PRK"], ["RUS"], "062", "2024-06-19"),
                Ev(["KOR"], ["PRK"], "111", "2024-06-20"),
                Ev(["USA"], ["KOR"], "040", "2024-06-20"),
                Ev(["CHN"], ["PRK"], "061", "2024-06-21"),
                Ev(["RUS"], ["USA"], "111", "2024-06-21"),
            ],
        ),
    ]


def records() -> list[dict[str, Any]]:
    return [analysis(d) for d in korea_corpus()]


def expected_dyad(
    docs: list[Doc],
    a: str,
    b: str,
    key: Any,
    *,
    directed: bool = False,
    statuses: tuple[str, ...] | None = ("reported",),
) -> dict[str, dict[str, Any]]:
    """The dyad's rows recomputed in Python: key(date) gives the period of a date or None to skip it."""
    out: dict[str, dict[str, Any]] = {}
    outlets: dict[str, set[str]] = {}
    articles: dict[str, set[str]] = {}
    for d in docs:
        for e in d.events:
            src, tgt = e.countries(e.sources), e.countries(e.targets)
            fwd, bwd = a in src and b in tgt, b in src and a in tgt
            if not (fwd or (bwd and not directed)) or (statuses is not None and e.status not in statuses):
                continue
            period = key(e.date) if e.date else None
            if period is None:
                continue
            row = out.setdefault(
                period,
                {"events": 0, "verbal_coop": 0, "material_coop": 0, "verbal_conflict": 0, "material_conflict": 0}
                | {"goldstein_sum": 0.0, "forward": 0, "backward": 0},
            )
            row["events"] += 1
            row[["verbal_coop", "material_coop", "verbal_conflict", "material_conflict"][e.quad - 1]] += 1
            row["goldstein_sum"] += e.goldstein
            row["forward"] += int(fwd)
            row["backward"] += int(bwd)
            outlets.setdefault(period, set()).add(d.outlet)
            articles.setdefault(period, set()).add(d.doc_id)
    for period, row in out.items():
        row["goldstein_sum"] = round(row["goldstein_sum"], 4)
        row["goldstein_mean"] = round(row["goldstein_sum"] / row["events"], 4)
        row["sources"] = len(outlets[period])
        row["articles"] = len(articles[period])
    return out


def korea_store(backend: str, tmp_path: Path) -> Iterator[Any]:
    """A store of ``backend`` (duckdb or postgresql) holding the Korea corpus, for a fixture to yield from."""
    from geosignal.store import open_store
    from test_store_backends import fresh_pg_schema

    gen = fresh_pg_schema() if backend == "postgresql" else None
    address = next(gen) if gen is not None else str(tmp_path / "korea.duckdb")
    try:
        with open_store(address) as s:
            s.write_batch(records())
            yield s
    finally:
        if gen is not None:
            gen.close()
