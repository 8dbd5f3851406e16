"""The command line: each command parses its arguments and calls one library function."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from .errors import Errors, GeosignalError, InputError, ModelNotFoundError, UsageError
from .model import Analysis, Rejection

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Turn geopolitical news into a sourced record.",
)
kb_app = typer.Typer(no_args_is_help=True, help="Look up and extend the actor knowledge base.")
eval_app = typer.Typer(no_args_is_help=True, help="Score geosignal on the gold sets in ../shared/eval.")
app.add_typer(kb_app, name="kb")
app.add_typer(eval_app, name="evaluate")

err = Console(stderr=True, highlight=False, soft_wrap=True)

# Exit codes, mapped from the exception tree here and nowhere else.
EXIT_INPUT = 1
EXIT_USAGE = 2
EXIT_MODEL = 3


class Format(StrEnum):
    """Output formats of ``analyze``."""

    json = "json"
    jsonl = "jsonl"
    table = "table"


def _fail(exc: GeosignalError) -> typer.Exit:
    err.print(f"geosignal: {exc}", markup=False)
    code = (
        EXIT_MODEL if isinstance(exc, ModelNotFoundError) else EXIT_USAGE if isinstance(exc, UsageError) else EXIT_INPUT
    )
    return typer.Exit(code)


@app.command()
def analyze(
    paths: Annotated[list[str], typer.Argument(help="Article files or directories; '-' reads standard input.")],
    fmt: Annotated[Format, typer.Option("--format", "-f", help="json, jsonl or table.")] = Format.json,
    title: Annotated[str | None, typer.Option(help="Override the title.")] = None,
    outlet: Annotated[str | None, typer.Option(help="Override the outlet.")] = None,
    published: Annotated[str | None, typer.Option(help="Override the publication date (YYYY-MM-DD).")] = None,
    url: Annotated[str | None, typer.Option(help="Override the URL.")] = None,
    model: Annotated[str | None, typer.Option(help="spaCy pipeline to load (default: settings).")] = None,
) -> None:
    """Analyse news articles and print their analysis as JSON."""
    from .pipeline import analyze_paths

    failures = 0
    count = 0
    skipped: dict[str, int] = {}
    try:
        results = analyze_paths(
            paths, title=title, outlet=outlet, published=published, url=url, model=model, skipped=skipped
        )
        several = len(paths) > 1
        buffered: list[Analysis] = []
        for item in results:
            if isinstance(item, Rejection):
                failures += 1
                err.print(f"geosignal: {item.message()}", markup=False)
                continue
            count += 1
            for w in item.warnings:
                err.print(f"geosignal: warning: {item.document.source or item.document.id}: {w}", markup=False)
            if fmt is Format.table:
                _print_table(item)
            elif fmt is Format.jsonl or several:
                sys.stdout.write(json.dumps(item.to_dict(), ensure_ascii=False) + "\n")
            else:
                buffered.append(item)
        if fmt is Format.json and buffered:
            # One document: one object; several records from one input: one object a line.
            if len(buffered) == 1:
                sys.stdout.write(json.dumps(buffered[0].to_dict(), ensure_ascii=False, indent=2) + "\n")
            else:
                for a in buffered:
                    sys.stdout.write(json.dumps(a.to_dict(), ensure_ascii=False) + "\n")
    except GeosignalError as exc:
        raise _fail(exc) from None
    _print_skipped(skipped)
    if failures:
        raise typer.Exit(EXIT_INPUT)


def _print_skipped(skipped: dict[str, int]) -> None:
    """One line on standard error counting the records passed over as not articles."""
    if skipped:
        kinds = ", ".join(f"{n} {kind}" for kind, n in sorted(skipped.items()))
        err.print(f"geosignal: skipped {sum(skipped.values())} non-article records ({kinds})", markup=False)


def _print_table(a: Analysis) -> None:
    out = Console(highlight=False)
    d = a.document
    out.print(
        f"[bold]{d.title or '(untitled)'}[/bold]  {d.outlet or ''}  {d.published or ''}  [{d.language}]", markup=True
    )
    t = Table("actor", "type", "country", "role", "mentions")
    for actor in a.actors:
        t.add_row(actor.name, actor.type, actor.country or "", actor.role or "", str(len(actor.mentions)))
    out.print(t)
    out.print(
        f"events {len(a.events)}  statements {len(a.statements)}  "
        f"claims {len(a.claims)}  techniques {len(a.techniques)}"
    )


@kb_app.command("resolve")
def kb_resolve_cmd(
    name: Annotated[str, typer.Argument(help="A name, alias, demonym, capital or office descriptor.")],
    on: Annotated[str | None, typer.Option("--date", help="Resolve roles as of this date (YYYY-MM-DD).")] = None,
) -> None:
    """Print the best KB match for a name as JSON, or exit 1 with 'no match'."""
    from .kb.lookup import kb_resolve

    try:
        found = kb_resolve(name, on)
    except GeosignalError as exc:
        raise _fail(exc) from None
    if found is None:
        err.print(f"geosignal: no match for {name!r}", markup=False)
        raise typer.Exit(1)
    sys.stdout.write(json.dumps(found, ensure_ascii=False) + "\n")


@kb_app.command("import")
def kb_import_cmd(
    file: Annotated[Path, typer.Argument(help="An actor dictionary file.")],
    fmt: Annotated[str, typer.Option("--format", help="Dictionary format: cameo.")] = "cameo",
) -> None:
    """Load a CAMEO/PETRARCH actor dictionary into the user KB, which extends the shipped one."""
    from .kb.cameo_import import import_dictionary

    try:
        out, count = import_dictionary(file, fmt)
    except GeosignalError as exc:
        raise _fail(exc) from None
    err.print(f"geosignal: imported {count} actors from {file} into {out}", markup=False)


@eval_app.command("actors")
def evaluate_actors_cmd(
    shared: Annotated[Path, typer.Option(help="The shared folder with eval/.")] = Path("../shared"),
    split: Annotated[str, typer.Option(help="dev, test or all.")] = "all",
    fmt: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
) -> None:
    """Run the NGEC actor-resolution cases that apply and print accuracy."""
    from .evaluate.actors import evaluate_actors

    _report(lambda: evaluate_actors(shared, split=split), fmt)


@eval_app.command("events")
def evaluate_events_cmd(
    suite: Annotated[str, typer.Option(help="petr2-gsr, plover-gsr, petr-unit or case2021.")] = "petr2-gsr",
    shared: Annotated[Path, typer.Option(help="The shared folder with eval/.")] = Path("../shared"),
    split: Annotated[str, typer.Option(help="dev (tuning), test or all.")] = "test",
    fmt: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
) -> None:
    """Score event coding on a gold suite: P/R/F1 for dyad + root code and dyad + full code."""
    from .evaluate.events import evaluate_events

    _report(lambda: evaluate_events(shared, suite, split), fmt)


@eval_app.command("statements")
def evaluate_statements_cmd(
    shared: Annotated[Path, typer.Option(help="The shared folder with eval/.")] = Path("../shared"),
    split: Annotated[str, typer.Option(help="dev or test (report test once per release).")] = "dev",
    fmt: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
) -> None:
    """Score quote and reported-speech attribution on PolNeAR: content-span overlap P/R/F1."""
    from .evaluate.statements import evaluate_statements

    _report(lambda: evaluate_statements(shared, split), fmt)


@eval_app.command("claims")
def evaluate_claims_cmd(
    shared: Annotated[Path, typer.Option(help="The shared folder with eval/.")] = Path("../shared"),
    suite: Annotated[str, typer.Option(help="wikiweasel (uncertain sentences) or meantime.")] = "wikiweasel",
    split: Annotated[str, typer.Option(help="dev or test.")] = "dev",
    fmt: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
) -> None:
    """Score the epistemic status of sentences: P/R/F1 of uncertain (or non-factual) detection."""
    from .evaluate.claims import evaluate_meantime, evaluate_wikiweasel

    suites = {"wikiweasel": evaluate_wikiweasel, "meantime": evaluate_meantime}

    def run() -> Any:
        if suite not in suites:
            raise UsageError(Errors.E051.format(name=suite, known=", ".join(suites)))
        return suites[suite](shared, split)

    _report(run, fmt)


@eval_app.command("techniques")
def evaluate_techniques_cmd(
    shared: Annotated[Path, typer.Option(help="The shared folder with eval/.")] = Path("../shared"),
    split: Annotated[str, typer.Option(help="dev (tuning) or test (the held-out fifth).")] = "test",
    fmt: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
) -> None:
    """Score persuasion-technique spans on the PTC corpus: partial-overlap span F1."""
    from .evaluate.techniques import evaluate_techniques

    _report(lambda: evaluate_techniques(shared, split), fmt)


def _report(evaluate: Callable[[], Any], fmt: str) -> None:
    """Run an evaluation, mapping errors to exit codes, and print its report."""
    try:
        report = evaluate()
    except GeosignalError as exc:
        raise _fail(exc) from None
    _print_report(report if isinstance(report, dict) else report.to_dict(), fmt)


def _print_report(report: dict[str, Any], fmt: str) -> None:
    if fmt == "json":
        sys.stdout.write(json.dumps(report, indent=2) + "\n")
        return

    def show(value: Any) -> str:
        return f"{value:.3f}" if isinstance(value, float) else str(value)

    for key, value in report.items():
        if isinstance(value, dict) and value and not any(isinstance(v, (list, dict)) for v in value.values()):
            # a group of scores ("dyad_root": precision, recall, f1, counts) on one line
            sys.stdout.write(f"{key}: " + ", ".join(f"{k} {show(v)}" for k, v in value.items()) + "\n")
        elif isinstance(value, dict) and value and all(isinstance(v, dict) for v in value.values()):
            # a table of groups ("by_type": one line of scores per type)
            sys.stdout.write(f"{key}:\n")
            for name, group in value.items():
                sys.stdout.write(f"  {name}: " + ", ".join(f"{k} {show(v)}" for k, v in group.items()) + "\n")
        elif not isinstance(value, (list, dict)):
            sys.stdout.write(f"{key}: {show(value)}\n")


# ---------------------------------------------------------------------------------------------
# Store commands: ingest a corpus into the store, then read it back (issue 5).
# ---------------------------------------------------------------------------------------------

query_app = typer.Typer(no_args_is_help=True, help="Query the store.")
app.add_typer(query_app, name="query")

DbOption = Annotated[
    str | None,
    typer.Option("--db", help="Store: a DuckDB file or postgresql://... (default: GEOSIGNAL_DB, ./geosignal.duckdb)."),
]


class Engine(StrEnum):
    """Who analyses an ingest's partitions."""

    local = "local"
    dask = "dask"


class RowFormat(StrEnum):
    """Output formats of commands that print rows."""

    table = "table"
    json = "json"
    csv = "csv"


def _print_rows(rows: list[dict[str, Any]], columns: tuple[str, ...] | list[str], fmt: RowFormat) -> None:
    if fmt is RowFormat.json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    elif fmt is RowFormat.csv:
        import csv

        writer = csv.DictWriter(sys.stdout, fieldnames=list(columns), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    else:
        t = Table(*columns)
        for r in rows:
            t.add_row(*("" if r.get(c) is None else str(r.get(c)) for c in columns))
        Console(highlight=False, soft_wrap=True).print(t)


@app.command()
def ingest(
    paths: Annotated[
        list[str], typer.Argument(help="Article files, directories (recursive), .jsonl, RSS/Atom feeds, WARC, gzip.")
    ],
    db: DbOption = None,
    workers: Annotated[
        int | None, typer.Option(min=1, help="Analysis processes: local workers, or a Dask LocalCluster's (default 1).")
    ] = None,
    batch_size: Annotated[int, typer.Option(min=1, help="Documents per committed batch (a Dask partition).")] = 64,
    model: Annotated[str | None, typer.Option(help="spaCy pipeline to load (default: settings).")] = None,
    engine: Annotated[Engine, typer.Option(help="local (this machine) or dask (a Dask cluster).")] = Engine.local,
    scheduler: Annotated[
        str | None, typer.Option(help="Dask scheduler address (tcp://host:8786); default: a LocalCluster.")
    ] = None,
    retries: Annotated[int, typer.Option(min=0, help="Dask: times a failed partition is tried again.")] = 2,
    staging: Annotated[
        str | None, typer.Option(help="Dask: segment directory shared by workers and this process (default: temp).")
    ] = None,
) -> None:
    """Analyse a corpus into the store; unchanged documents are skipped, bad files recorded."""
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from .store import Store, open_store
    from .store.ingest import IngestReport
    from .store.ingest import ingest as run_ingest

    def line(r: IngestReport) -> str:
        return f"ingested {r.ingested}, unchanged {r.unchanged}, rejected {r.rejected} ({r.rate:.1f} documents/s)"

    def run(store: Store, on_batch: Callable[[IngestReport], None]) -> IngestReport:
        if engine is Engine.dask:
            from .engines.dask_engine import ingest_dask

            return ingest_dask(
                paths,
                store,
                scheduler=scheduler,
                workers=workers or 1,
                partition_size=batch_size,
                retries=retries,
                staging=staging,
                model=model,
                on_batch=on_batch,
            )
        return run_ingest(paths, store, workers=workers or 1, batch_size=batch_size, model=model, on_batch=on_batch)

    if scheduler and workers:
        raise _fail(UsageError(Errors.E075.format()))
    if engine is not Engine.dask and (scheduler or staging):
        raise _fail(UsageError(Errors.E076.format()))
    try:
        with open_store(db) as store:
            if store.notice:
                err.print(f"geosignal: {store.notice}", markup=False)
            if err.is_terminal:
                progress = Progress(
                    SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), console=err, transient=True
                )
                task = progress.add_task("starting (loading the model)")
                with progress:
                    report = run(store, lambda r: progress.update(task, description=line(r)))
            else:  # a log, not a terminal: one line per committed batch
                report = run(store, lambda r: err.print(f"geosignal: committed: {line(r)}", markup=False))
            address = store.address
    except GeosignalError as exc:
        raise _fail(exc) from None
    for rej in report.rejections:
        err.print(f"geosignal: {rej.message()}", markup=False)
    _print_skipped(report.skipped)
    err.print(f"geosignal: done in {report.seconds:.1f} s: {line(report)} into {address}", markup=False)
    if report.rejected:
        raise typer.Exit(EXIT_INPUT)


@app.command()
def rejects(
    db: DbOption = None,
    fmt: Annotated[RowFormat, typer.Option("--format", "-f", help="table, json or csv.")] = RowFormat.table,
) -> None:
    """List the inputs the store's ingests rejected, with the reason for each."""
    from .store import open_store

    try:
        with open_store(db, read_only=True) as store:
            rows = store.rejects()
    except GeosignalError as exc:
        raise _fail(exc) from None
    _print_rows(list(rows), ("source", "code", "reason"), fmt)


@app.command()
def stats(
    db: DbOption = None,
    fmt: Annotated[RowFormat, typer.Option("--format", "-f", help="table or json.")] = RowFormat.table,
) -> None:
    """Counts of documents, actors, events, statements, claims, techniques and rejects in the store."""
    from .store import open_store

    try:
        with open_store(db, read_only=True) as store:
            counts = store.stats()
    except GeosignalError as exc:
        raise _fail(exc) from None
    if fmt is RowFormat.json:
        sys.stdout.write(json.dumps(counts, indent=2) + "\n")
        return
    _print_rows([{"table": k, "count": v} for k, v in counts.items()], ("table", "count"), fmt)


@query_app.command("events")
def query_events_cmd(
    db: DbOption = None,
    source: Annotated[str | None, typer.Option(help="Source actor: id, name or country code (RUS).")] = None,
    target: Annotated[str | None, typer.Option(help="Target actor: id, name or country code.")] = None,
    actor: Annotated[str | None, typer.Option(help="Either side: id, name or country code.")] = None,
    cameo: Annotated[str | None, typer.Option(help="CAMEO code or prefix (04: consult).")] = None,
    status: Annotated[str | None, typer.Option(help="reported, attributed, speculative, ...")] = None,
    since: Annotated[str | None, typer.Option(help="From this date (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Up to this date (YYYY-MM-DD).")] = None,
    limit: Annotated[int | None, typer.Option(min=0, help="At most this many rows.")] = None,
    reports: Annotated[
        bool, typer.Option("--reports", help="One row per report (event in one document), not per event.")
    ] = False,
    fmt: Annotated[RowFormat, typer.Option("--format", "-f", help="table, json or csv.")] = RowFormat.table,
) -> None:
    """Events in the store, each once with num_articles and num_sources; filtered by actors, code, status, date."""
    from .pipeline import parse_date
    from .store import EVENT_COLUMNS, GROUPED_EVENT_COLUMNS, EventFilter, open_store

    try:
        for name, value in (("--since", since), ("--until", until)):
            if value is not None and parse_date(value) is None:
                raise UsageError(f"{name} {value!r} is not a date (YYYY-MM-DD)")
        if cameo is not None and not cameo.isdigit():
            raise UsageError(f"--cameo {cameo!r} is not a CAMEO code (digits, such as 04 or 042)")
        flt = EventFilter(source, target, actor, cameo, status, since, until, limit)
        with open_store(db, read_only=True) as store:
            rows = store.events(flt) if reports else store.grouped_events(flt)
    except GeosignalError as exc:
        raise _fail(exc) from None
    columns: tuple[str, ...]
    if reports:
        columns = EVENT_COLUMNS if fmt is not RowFormat.table else (*EVENT_COLUMNS[:7], "title")
    else:
        columns = GROUPED_EVENT_COLUMNS if fmt is not RowFormat.table else (*GROUPED_EVENT_COLUMNS[:9], "title")
    _print_rows(rows, columns, fmt)


StatusOption = Annotated[
    list[str] | None,
    typer.Option("--status", help="Event statuses that count (repeatable; default reported; 'all' for every one)."),
]
SinceOption = Annotated[str | None, typer.Option(help="Events dated from (YYYY-MM-DD, YYYY-MM or YYYY).")]
UntilOption = Annotated[str | None, typer.Option(help="Events dated up to (YYYY-MM-DD, YYYY-MM or YYYY).")]


def _statuses(values: list[str] | None) -> tuple[str, ...] | None:
    """The --status values: none given means the default (reported), 'all' means every status."""
    from .analytics import DEFAULT_STATUSES

    if not values:
        return DEFAULT_STATUSES
    return None if "all" in values else tuple(values)


@app.command("relations")
def relations_cmd(
    dyad: Annotated[
        str | None, typer.Option(help="Two states, such as RUS:PRK (both directions unless --directed).")
    ] = None,
    country: Annotated[str | None, typer.Option(help="One state: all its partners, most events first.")] = None,
    period: Annotated[str, typer.Option(help="week, month, quarter or year (with --dyad).")] = "month",
    since: SinceOption = None,
    until: UntilOption = None,
    directed: Annotated[
        bool, typer.Option(help="With --dyad: only events from the first state to the second.")
    ] = False,
    status: StatusOption = None,
    db: DbOption = None,
    fmt: Annotated[RowFormat, typer.Option("--format", "-f", help="table, json or csv.")] = RowFormat.table,
) -> None:
    """Relations of two states per period (quad classes, Goldstein, sources), or one state's partners ranked."""
    from .analytics import COUNTRY_COLUMNS, DYAD_COLUMNS, relations
    from .store import open_store

    try:
        pair: tuple[str, str] | None = None
        if dyad is not None:
            parts = dyad.split(":")
            if len(parts) != 2:
                raise UsageError(Errors.E065.format(value=dyad))
            pair = (parts[0], parts[1])
        with open_store(db, read_only=True) as store:
            rows = relations(
                store,
                dyad=pair,
                country=country,
                period=period,
                since=since,
                until=until,
                directed=directed,
                statuses=_statuses(status),
            )
    except GeosignalError as exc:
        raise _fail(exc) from None
    _print_rows(rows, DYAD_COLUMNS if pair else COUNTRY_COLUMNS, fmt)


BLOC_COLUMNS = ("bloc", "states", "cooperation", "conflict", "ties")
TIE_COLUMNS = ("a", "b", "weight", "events", "cooperation", "conflict", "goldstein_mean", "same_bloc")


@app.command("blocs")
def blocs_cmd(
    since: SinceOption = None,
    until: UntilOption = None,
    status: StatusOption = None,
    top: Annotated[int, typer.Option(min=0, help="How many of the strongest ties to list.")] = 20,
    db: DbOption = None,
    fmt: Annotated[RowFormat, typer.Option("--format", "-f", help="table, json or csv.")] = RowFormat.table,
) -> None:
    """Alignment blocs of states from the signed cooperation-conflict graph, and the strongest ties.

    json prints one array of blocs (each with its states and internal ties); csv one row per bloc.
    """
    from .analytics import blocs
    from .store import open_store

    try:
        with open_store(db, read_only=True) as store:
            report = blocs(store, since=since, until=until, statuses=_statuses(status), top=top)
    except GeosignalError as exc:
        raise _fail(exc) from None
    if fmt is RowFormat.json:
        _print_rows([{"bloc": i + 1, **b.to_dict()} for i, b in enumerate(report.blocs)], BLOC_COLUMNS, fmt)
        return
    rows = [
        {
            "bloc": i + 1,
            "states": " ".join(b.states),
            "cooperation": b.cooperation,
            "conflict": b.conflict,
            "ties": len(b.ties),
        }
        for i, b in enumerate(report.blocs)
    ]
    _print_rows(rows, BLOC_COLUMNS, fmt)
    if fmt is RowFormat.table:
        _print_rows([t.to_dict() for t in report.ties], TIE_COLUMNS, fmt)
        Console(highlight=False).print(
            f"{report.states} states, {report.events} events; signed modularity {report.modularity} ({report.method})"
        )


@app.command("quotes")
def quotes_cmd(
    speaker: Annotated[str | None, typer.Option(help="Speaker: actor id, name or country code.")] = None,
    limit: Annotated[int | None, typer.Option(min=0, help="At most this many rows.")] = None,
    db: DbOption = None,
    fmt: Annotated[RowFormat, typer.Option("--format", "-f", help="table, json or csv.")] = RowFormat.table,
) -> None:
    """Direct quotes and reported speech in the store, by speaker, oldest first."""
    from .analytics import QUOTE_COLUMNS, quotes
    from .store import open_store

    try:
        with open_store(db, read_only=True) as store:
            rows = quotes(store, speaker=speaker, limit=limit)
    except GeosignalError as exc:
        raise _fail(exc) from None
    columns = QUOTE_COLUMNS if fmt is not RowFormat.table else QUOTE_COLUMNS[:7]
    _print_rows(rows, columns, fmt)


@app.command("export")
def export_cmd(
    fmt: Annotated[str, typer.Option("--format", "-f", help="gdelt, plover, csv, parquet or graphml.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="File to write (a folder for parquet).")],
    status: StatusOption = None,
    db: DbOption = None,
) -> None:
    """Export the store's events: GDELT 2.0 table, PLOVER JSON, CSV, Parquet by month, or a GraphML graph.

    gdelt and graphml take only reported events unless --status says otherwise; the others take every
    event with its status.
    """
    from .export import export
    from .store import open_store

    try:
        chosen: tuple[str, ...] | str | None = "default" if not status else _statuses(status)
        with open_store(db, read_only=True) as store:
            count = export(store, fmt, out, statuses=chosen)
    except GeosignalError as exc:
        raise _fail(exc) from None
    except OSError as exc:
        err.print(f"geosignal: {Errors.E067.format(path=out, detail=exc.strerror or exc)}", markup=False)
        raise typer.Exit(EXIT_INPUT) from None
    err.print(f"geosignal: wrote {count} {'edges' if fmt == 'graphml' else 'rows'} to {out}", markup=False)


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to bind (127.0.0.1: this machine only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="TCP port.")] = 8000,
    allow_writes: Annotated[
        bool, typer.Option("--allow-writes", help="Let POST /api/documents store documents (read-only otherwise).")
    ] = False,
) -> None:
    """Serve the store: a JSON API (documented at /docs) and a dashboard, at http://HOST:PORT/."""
    from .web import serve as run_server

    if host not in ("127.0.0.1", "localhost", "::1"):
        err.print(f"geosignal: serving on {host}: other machines can reach this server", markup=False)
    try:
        run_server(db, host=host, port=port, allow_writes=allow_writes)
    except GeosignalError as exc:
        raise _fail(exc) from None


def main() -> None:
    """Entry point of the ``geosignal`` command."""
    try:
        app()
    except (InputError, UsageError) as exc:  # pragma: no cover - commands map their own errors
        err.print(f"geosignal: {exc}", markup=False)
        raise SystemExit(EXIT_INPUT) from None
