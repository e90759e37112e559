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


def _extractor(time_budget: float | None):
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


@app.command()
def version() -> None:
    """Print sitrep's version."""
    typer.echo(__version__)


def main() -> None:
    app()
