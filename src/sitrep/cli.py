"""sitrep's command line: parse options, call the library, format the result."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from . import __version__
from .errors import SitrepError
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
    err.print(f"[bold red]sitrep: error:[/] {message}", highlight=False)
    return typer.Exit(code)


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(
        help="Report files (plain text, UTF-8). '-' reads standard input.",
        metavar="PATH...")],
    published: Annotated[str | None, typer.Option(
        "--published", help="Date the report was published, YYYY-MM-DD. Dates in the text "
        "('on the 29th', 'on Tuesday') are resolved against it; without it the dateline's "
        "date is used, and with no year anywhere, year-less dates are left empty.")] = None,
    fmt: Annotated[Format, typer.Option(
        "--format", "-f", help="json: one object (an array for several inputs); jsonl: one "
        "object per line; table: a readable claims table grouped by claimant.")] = Format.json,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write to this file instead of standard output.")] = None,
) -> None:
    """Extract the claims, events, entities and flags of each report.

    Example: sitrep extract report.txt --published 2020-09-30 --format table
    """
    try:
        parse_published(published)
    except SitrepError as exc:
        raise _fail(str(exc)) from None
    texts, failures = [], 0
    for path in paths:
        try:
            texts.append((path, read(path)))
        except SitrepError as exc:
            err.print(f"[bold red]sitrep: error:[/] {exc}", highlight=False)
            failures += 1
    if not texts:
        raise typer.Exit(2)
    reports = _run(texts, published)
    _write(reports, fmt, output, many=len(paths) > 1)
    if failures:
        raise typer.Exit(1)


def _run(texts, published):
    from .pipeline import Extractor

    try:
        extractor = Extractor()
    except SitrepError as exc:
        raise _fail(str(exc)) from None
    items = [(raw.text, published, raw.encoding) for _path, raw in texts]
    if len(items) < 5 or not err.is_terminal:
        return list(extractor.extract_many(items))
    from rich.progress import track

    return list(track(extractor.extract_many(items), total=len(items), console=err,
                      description="Extracting"))


def _write(reports, fmt: Format, output: Path | None, many: bool) -> None:
    if fmt is Format.table:
        from .render import table_text

        text = "\n".join(table_text(r) for r in reports)
    elif fmt is Format.jsonl:
        text = "".join(json.dumps(r.to_dict(), ensure_ascii=False) + "\n" for r in reports)
    else:
        data = [r.to_dict() for r in reports] if many else reports[0].to_dict()
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise _fail(f"{output}: cannot write ({exc.strerror})") from None


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
    except OSError as exc:
        raise _fail(f"cannot write the gazetteer: {exc.strerror}") from None
    typer.echo(f"{stats.path}: {stats.places:,} places, {stats.names:,} names, "
               f"{stats.bytes / 1_048_576:.0f} MB in {stats.seconds} s")


@app.command()
def version() -> None:
    """Print sitrep's version."""
    typer.echo(__version__)


def main() -> None:
    app()
