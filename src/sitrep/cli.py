"""sitrep's command line: parse options, call the library, format the result."""

from __future__ import annotations

import json
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from . import __version__, budget
from .errors import BadOption, SitrepError
from .ingest.document import parse_published
from .ingest.text import read

app = typer.Typer(
    help="sitrep: turn armed-conflict news reports into a source-attributed claims ledger "
    "and an event dataset.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, soft_wrap=True)


class Format(StrEnum):
    json = "json"
    jsonl = "jsonl"
    table = "table"


def _fail(message: str, code: int = 2) -> typer.Exit:
    _error(message)
    return typer.Exit(code)


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(
        help="Report files (plain text: UTF-8, UTF-16 with a byte-order mark, or Latin-1). "
        "'-' reads standard input.", metavar="PATH...")],
    published: Annotated[str | None, typer.Option(
        "--published", help="Date the report was published, YYYY-MM-DD (years 1000 to "
        "2999). Dates in the text ('on the 29th', 'on Tuesday') are resolved against it; "
        "without it the dateline's date is used, and with no year anywhere, year-less "
        "dates are left empty.")] = None,
    fmt: Annotated[Format, typer.Option(
        "--format", "-f", help="json: one object (an array for several inputs); jsonl: one "
        "object per line; table: a readable claims table grouped by claimant. Each "
        "object names its input ('input').")] = Format.json,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write to this file instead of standard output (checked "
        "before any report is read).")] = None,
    time_budget: Annotated[float, typer.Option(
        "--time-budget", min=0, help="Seconds one report may take; a report that takes "
        "longer fails with its reason and the others go on. 0: no limit.")
    ] = budget.DEFAULT_SECONDS,
) -> None:
    """Extract the claims, events, entities and flags of each report.

    A report that cannot be read or extracted fails alone, with a one-line error; every
    other report's output is still written, and the exit status is 1 (2 when none
    succeeded).

    Example: sitrep extract report.txt --published 2020-09-30 --format table
    """
    try:
        parse_published(published)
        _check_output(output)
    except SitrepError as exc:
        raise _fail(str(exc)) from None
    extractor = _extractor(time_budget or None)
    done = []
    for path, report in _each(extractor, paths, published):
        if report is not None:
            done.append((path, report))
    if done:
        _write(done, fmt, output, many=len(paths) > 1)
    if len(done) < len(paths):
        raise typer.Exit(1 if done else 2)


def _check_output(output: Path | None) -> None:
    """Refuse an output file that cannot be written before hours of extraction."""
    if output is None:
        return
    if output.is_dir():
        raise BadOption(f"-o {output}: is a directory; give a file name")
    folder = output.parent if str(output.parent) else Path(".")
    if output.exists() and not os.access(output, os.W_OK) or \
            not output.exists() and not (folder.is_dir() and os.access(folder, os.W_OK)):
        raise BadOption(f"-o {output}: cannot write there (no such folder, or no "
                        "permission)")


def _extractor(time_budget: float | None = None):
    from .pipeline import Extractor

    try:
        extractor = Extractor(time_budget=time_budget)
        extractor.gazetteer  # noqa: B018 -- open (or build) it now: one error, not one a file
    except SitrepError as exc:
        raise _fail(str(exc)) from None
    return extractor


def _each(extractor, paths: list[str], published):
    """(path, Report or None) for each input; a failure prints its one line and the run
    goes on."""
    progress = len(paths) >= 5 and err.is_terminal
    if progress:
        from rich.progress import track

        paths = track(paths, console=err, description="Extracting")
    for path in paths:
        try:
            raw = read(path)
            yield path, extractor.extract(raw.text, published, raw.encoding)
        except SitrepError as exc:
            where = "" if path in str(exc) else f"{path}: "
            _error(f"{exc.code}: {where}{exc.args[0] if exc.args else exc}")
            yield path, None
        except Exception as exc:  # a bug must cost one report, not the batch
            if os.environ.get("SITREP_DEBUG"):
                raise
            _error(f"E900: {path}: internal error ({type(exc).__name__}: "
                   f"{' '.join(str(exc).split())[:200]}); please report it "
                   "(SITREP_DEBUG=1 shows the traceback)")
            yield path, None


def _error(message: str) -> None:
    """One line on stderr; the message's own brackets are text, not markup."""
    err.print(f"[bold red]sitrep: error:[/] {escape(message)}", highlight=False)


def _write(done, fmt: Format, output: Path | None, many: bool) -> None:
    if fmt is Format.table:
        from .render import table_text

        text = "\n".join(table_text(r, source=path) for path, r in done)
    elif fmt is Format.jsonl:
        text = "".join(json.dumps(_labelled(path, r), ensure_ascii=False) + "\n"
                       for path, r in done)
    else:
        data = ([_labelled(path, r) for path, r in done] if many
                else _labelled(*done[0]))
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise _fail(f"{output}: cannot write ({exc.strerror})") from None


def _labelled(path: str, report) -> dict:
    """The report's JSON with the input it came from first ("-": standard input)."""
    return {"input": path, **report.to_dict()}


gazetteer_app = typer.Typer(help="The offline gazetteer sitrep geocodes places with.",
                            no_args_is_help=True)
app.add_typer(gazetteer_app, name="gazetteer")


@gazetteer_app.command("build")
def gazetteer_build(
    path: Annotated[Path | None, typer.Option(
        "--path", help="Where to write the SQLite file (default: the user cache directory, "
        "or $SITREP_CACHE_DIR).")] = None,
) -> None:
    """Build the gazetteer from the installed GeoNames data packages (about half a minute;
    extraction runs it automatically the first time)."""
    from .resolve.gazetteer import build

    err.print("building the gazetteer ...")
    try:
        stats = build(path)
    except SitrepError as exc:
        raise _fail(str(exc)) from None
    typer.echo(f"{stats.path}: {stats.places:,} places, {stats.names:,} names, "
               f"{stats.bytes / 1_048_576:.0f} MB in {stats.seconds} s")


# ---- the ledger ---------------------------------------------------------------------

DbOption = Annotated[str | None, typer.Option(
    "--db", help="The ledger: an SQLite file path or a database URL "
    "(postgresql+psycopg://USER:PASSWORD@HOST/DB). Default: $SITREP_DB, else sitrep.db in "
    "the working directory.")]
SinceOption = Annotated[str | None, typer.Option(
    "--since", help="Only what was stated (or happened) on or after this day, YYYY-MM-DD.")]
UntilOption = Annotated[str | None, typer.Option(
    "--until", help="Only what was stated (or happened) on or before this day, YYYY-MM-DD.")]
ClaimantOption = Annotated[str | None, typer.Option(
    "--claimant", help="Only claims of this claimant: an actor code (AZE) or part of a name.")]
SubjectOption = Annotated[str | None, typer.Option(
    "--subject", help="Only claims about the losses of this actor code (ARM).")]
OutcomeOption = Annotated[str | None, typer.Option(
    "--outcome", help="Only this outcome: killed, wounded, killed_or_wounded, captured, "
    "missing, destroyed, damaged, seized.")]
ItemOption = Annotated[str | None, typer.Option(
    "--item", help="Only this item: personnel, tanks, uav, helicopter, ... (see "
    "CONTRACT.md).")]
DaysOption = Annotated[int, typer.Option(
    "--days", min=0, help="Reports of one event may date it this many days apart.")]
KmOption = Annotated[float, typer.Option(
    "--km", min=0, help="Reports of one event may place it this many km apart.")]


class ListFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


class ViewFormat(StrEnum):
    table = "table"
    json = "json"


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    acled_csv = "acled-csv"
    plover_jsonl = "plover-jsonl"
    parquet = "parquet"


def _store(db: str | None, must_exist: bool = True):
    from .store import Store

    try:
        return Store.open(db, must_exist=must_exist)
    except SitrepError as exc:
        raise _fail(str(exc)) from None


def _date_option(value: str | None, name: str):
    if value is None:
        return None
    import datetime as dt

    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise _fail(f"{name} {value!r}: use a date like 2020-09-30") from None


def _choice(value: str | None, name: str, allowed: tuple[str, ...]) -> str | None:
    if value is not None and value not in allowed:
        raise _fail(f"{name} {value!r}: use one of {', '.join(allowed)}")
    return value


def _claim_filters(claimant, subject, outcome, item, since, until):
    from .ledger.claims import Filters
    from .records import ITEMS, OUTCOMES

    return Filters(claimant, subject, _choice(outcome, "--outcome", OUTCOMES),
                   _choice(item, "--item", ITEMS), _date_option(since, "--since"),
                   _date_option(until, "--until"))


@app.command()
def ingest(
    paths: Annotated[list[str] | None, typer.Argument(
        help="Files and directories: .txt, .jsonl, .html, .rss/.atom/.xml, and .gz of "
        "these; directories are read recursively.", metavar="PATH...")] = None,
    db: DbOption = None,
    reprocess: Annotated[bool, typer.Option(
        "--reprocess", help="Extract again the documents an older sitrep (or other lexicons) "
        "made; without PATH, every such document in the ledger.")] = False,
    published: Annotated[str | None, typer.Option(
        "--published", help="The date of documents that carry none of their own "
        "(plain text files), YYYY-MM-DD.")] = None,
) -> None:
    """Add reports to the ledger: each is extracted once and stored with its claims,
    events, places, actors, mentions and flags.

    Re-ingesting the same text changes nothing; a run stopped at any moment can simply be
    run again. A document that cannot be read or extracted is recorded and skipped.

    Example: sitrep ingest reports/ wire.jsonl.gz --db ledger.db
    """
    from .ingest import sources
    from .ledger.ingest import Ingestor

    if not paths and not reprocess:
        raise _fail("give the files or directories to ingest (or --reprocess alone to "
                    "re-extract the ledger's outdated documents)")
    date = _date_option(published, "--published")
    try:
        sources.check(paths or [])
    except SitrepError as exc:
        raise _fail(str(exc)) from None
    store = _store(db, must_exist=False)
    ingestor = Ingestor(store, _extractor, reprocess=reprocess)
    try:
        with _IngestProgress(sources.count(paths or [])) as progress:
            if paths:
                items = sources.documents(paths, date.isoformat() if date else None)
                summary = ingestor.run(items, progress.advance)
            else:
                summary = ingestor.reprocess_stored(progress.advance)
    except SitrepError as exc:
        raise _fail(str(exc)) from None
    except KeyboardInterrupt:
        raise _fail("interrupted; every document stored so far is kept: run the same "
                    "command again to go on", 130) from None
    finally:
        store.close()
    typer.echo(f"ingested into {store.shown_url}: {summary.line()}")
    if summary.counts["failed"]:
        raise typer.Exit(1)


class _IngestProgress:
    """A progress bar with documents per second on a terminal; elsewhere a line every
    ``EVERY`` documents. Each failed document gets its own line."""

    EVERY = 100

    def __init__(self, total: int | None = None):
        self.done, self.total = 0, total or None
        self._bar = None

    def __enter__(self):
        import time

        self._start = time.perf_counter()
        if err.is_terminal:
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                SpinnerColumn,
                TextColumn,
                TimeRemainingColumn,
            )

            self._bar = Progress(SpinnerColumn(), TextColumn("ingesting"), BarColumn(),
                                 MofNCompleteColumn(), TextColumn("{task.fields[rate]} docs/s"),
                                 TimeRemainingColumn(), console=err, transient=True)
            self._bar.__enter__()
            self._task = self._bar.add_task("ingest", total=self.total, rate="-")
        return self

    def advance(self, outcome) -> None:
        import time

        self.done += 1
        rate = self.done / max(time.perf_counter() - self._start, 1e-9)
        if outcome.error:
            err.print(f"sitrep: skipped {outcome.origin}: {outcome.error}", highlight=False,
                      markup=False)
        if self._bar is not None:
            self._bar.update(self._task, advance=1, rate=f"{rate:.1f}")
        elif self.done % self.EVERY == 0:
            of = f" of {self.total:,}" if self.total else ""
            err.print(f"ingest: {self.done:,}{of} documents ({rate:.1f} docs/s)",
                      highlight=False)

    def __exit__(self, *exc) -> None:
        if self._bar is not None:
            self._bar.__exit__(*exc)


@app.command()
def claims(
    db: DbOption = None, claimant: ClaimantOption = None, subject: SubjectOption = None,
    outcome: OutcomeOption = None, item: ItemOption = None, since: SinceOption = None,
    until: UntilOption = None,
    fmt: Annotated[ListFormat, typer.Option(
        "--format", "-f", help="table, json (every source with its span) or csv.")]
    = ListFormat.table,
) -> None:
    """List the ledger's claims: each figure once, with the number of reports carrying it.

    Example: sitrep claims --claimant AZE --outcome killed --since 2020-09-27
    """
    from .ledger import render
    from .ledger.claims import ledger_claims

    filters = _claim_filters(claimant, subject, outcome, item, since, until)
    with _store(db) as store:
        found = _query(lambda: ledger_claims(store, filters))
    text = {ListFormat.table: render.claims_table, ListFormat.csv: render.claims_csv,
            ListFormat.json: render.to_json}[fmt](found)
    sys.stdout.write(text)


@app.command()
def series(
    db: DbOption = None, claimant: ClaimantOption = None, subject: SubjectOption = None,
    outcome: OutcomeOption = None, item: ItemOption = None, since: SinceOption = None,
    until: UntilOption = None,
    fmt: Annotated[ViewFormat, typer.Option("--format", "-f", help="table or json.")]
    = ViewFormat.table,
) -> None:
    """Each claimant's figures for one party's losses of one kind, by date; running totals
    that go backwards, jump beyond their own trend or differ on one day are flagged.

    Example: sitrep series --claimant ARM --subject AZE --outcome killed
    """
    from .ledger import render
    from .ledger.claims import ledger_claims
    from .ledger.series import series as build

    filters = _claim_filters(claimant, subject, outcome, item, since, until)
    with _store(db) as store:
        found = build(_query(lambda: ledger_claims(store, filters)))
    sys.stdout.write(render.series_text(found) if fmt is ViewFormat.table
                     else render.to_json(found))


@app.command()
def compare(
    a: Annotated[str, typer.Argument(help="One party's actor code (ARM).")],
    b: Annotated[str, typer.Argument(help="The other party's actor code (AZE).")],
    db: DbOption = None, outcome: OutcomeOption = None, item: ItemOption = None,
    since: SinceOption = None, until: UntilOption = None,
    fmt: Annotated[ViewFormat, typer.Option("--format", "-f", help="table or json.")]
    = ViewFormat.table,
) -> None:
    """What A claims about B's losses beside what B admits, by date, and the reverse;
    organisations' and media counts in their own column, third parties in another.

    Example: sitrep compare ARM AZE --outcome killed
    """
    from .ledger import render
    from .ledger.claims import ledger_claims
    from .ledger.compare import compare as build
    from .resolve.actors import ActorLexicon

    filters = _claim_filters(None, None, outcome, item, since, until)
    with _store(db) as store:
        found = _query(lambda: ledger_claims(store, filters))
    result = build(found, a, b, ActorLexicon.default().kind_of)
    sys.stdout.write(render.comparison_text(result) if fmt is ViewFormat.table
                     else json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n")


@app.command()
def events(
    db: DbOption = None,
    event_type: Annotated[str | None, typer.Option(
        "--type", help="Only this PLOVER type (ASSAULT, DEMAND, ...).")] = None,
    actor: Annotated[str | None, typer.Option(
        "--actor", help="Only events with this actor code among their parties.")] = None,
    since: SinceOption = None, until: UntilOption = None, days: DaysOption = 1,
    km: KmOption = 25.0,
    fmt: Annotated[ListFormat, typer.Option(
        "--format", "-f", help="table, json (every source and figure) or csv.")]
    = ListFormat.table,
) -> None:
    """List merged events: the reports of one event (same type and parties, close dates
    and places) as one, with every source and every claimant's figure.

    Example: sitrep events --type ASSAULT --actor AZE --days 1 --km 25
    """
    from .ledger import render
    from .ledger.events import EventFilters, merged_events

    filters = EventFilters(event_type, actor, _date_option(since, "--since"),
                           _date_option(until, "--until"))
    with _store(db) as store:
        found = _query(lambda: merged_events(store, filters, days=days, km=km))
    text = {ListFormat.table: render.events_table, ListFormat.csv: render.events_csv,
            ListFormat.json: render.to_json}[fmt](found)
    sys.stdout.write(text)


@app.command()
def show(
    doc_id: Annotated[str, typer.Argument(
        help="The document's id (sha256), or its first 6 or more characters.",
        metavar="DOC_ID")],
    db: DbOption = None,
    fmt: Annotated[ViewFormat, typer.Option(
        "--format", "-f", help="table: the marked text; json: the stored report.")]
    = ViewFormat.table,
) -> None:
    """Print a stored document with its claims and events marked in the text.

    Example: sitrep show d7088a2b
    """
    from .ledger.show import marked

    with _store(db) as store:
        document = _query(lambda: store.find_document(doc_id))
    if fmt is ViewFormat.json:
        sys.stdout.write(json.dumps(document["report"], ensure_ascii=False, indent=2) + "\n")
        return
    document["published"] = document["published"] and document["published"].isoformat()
    sys.stdout.write(marked(document))


@app.command("export")
def export_(
    fmt: Annotated[ExportFormat, typer.Option(
        "--format", "-f", help="jsonl: one report per line; acled-csv: merged events in "
        "ACLED's columns; plover-jsonl: merged events as PLOVER records; parquet: the ledger "
        "claims with their sources.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The file to write.")],
    db: DbOption = None, days: DaysOption = 1, km: KmOption = 25.0,
) -> None:
    """Write the ledger in a format analysts load.

    Example: sitrep export --format acled-csv -o events.csv
    """
    from .export import export

    with _store(db) as store:
        try:
            count = export(store, fmt.value, output, days=days, km=km)
        except OSError as exc:
            raise _fail(f"{output}: cannot write ({exc.strerror})") from None
        except SitrepError as exc:
            raise _fail(str(exc)) from None
    typer.echo(f"wrote {count:,} records to {output} ({fmt.value})")


def _query(run):
    try:
        return run()
    except SitrepError as exc:
        raise _fail(str(exc)) from None


@app.command()
def version() -> None:
    """Print sitrep's version."""
    typer.echo(__version__)


def main() -> None:
    app()
