"""Ingest sources: files and directories in, documents out, without any NLP.

    sitrep ingest report.txt news/ wire.jsonl.gz page.html feed.rss

A directory is read recursively, in name order, taking the files whose extension says what
they are (hidden files skipped); a file named on the command line is read whatever its
extension, as plain text unless the extension says otherwise. ``.gz`` is read through.

    .txt .text        one report (UTF-8, else Latin-1 with a flag; ingest/text.py)
    .jsonl .ndjson    one document per line (ingest/jsonl.py)
    .html .htm        a web page's main text and date (ingest/html.py)
    .rss .atom .xml   one document per feed entry (ingest/feeds.py)
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator, Sequence
from pathlib import Path

from ..errors import MissingInput, NotAFile, SitrepError, TooLarge
from .feeds import read_feed
from .html import read_html
from .incoming import Incoming, Unreadable
from .jsonl import read_lines
from .text import MAX_BYTES, decode

TEXT = frozenset({".txt", ".text"})
JSONL = frozenset({".jsonl", ".ndjson"})
HTML = frozenset({".html", ".htm", ".xhtml"})
FEEDS = frozenset({".rss", ".atom", ".xml"})
KNOWN = TEXT | JSONL | HTML | FEEDS
# A feed or page may be larger than one report; a JSONL file is streamed, without limit.
MAX_CONTAINER = 64 * 1024 * 1024


def check(paths: Sequence[str | Path]) -> None:
    """Refuse, before anything is read, a path that does not exist or is no file or
    directory: a typo should stop the run, not become a stored failure."""
    for path in map(Path, paths):
        if not path.exists():
            raise MissingInput(f"{path}: no such file or directory")
        if not (path.is_file() or path.is_dir()):
            raise NotAFile(f"{path}: not a regular file or directory")


def documents(paths: Sequence[str | Path],
              published: str | None = None) -> Iterator[Incoming | Unreadable]:
    """Every document under ``paths``; ``published`` is the date of those that carry none."""
    for path in map(Path, paths):
        files = _walk(path) if path.is_dir() else [path]
        for file in files:
            yield from read_file(file, published)


def count(paths: Sequence[str | Path]) -> int | None:
    """How many documents ``documents(paths)`` will give, for a progress bar: files and
    JSONL lines are counted; None when a feed is among them (its entries are not)."""
    total = 0
    for path in map(Path, paths):
        for file in _walk(path) if path.is_dir() else [path]:
            kind = kind_of(file)
            if kind in FEEDS:
                return None
            if kind in JSONL:
                try:
                    with _open(file) as lines:
                        total += sum(1 for line in lines if line.strip())
                except (OSError, EOFError, gzip.BadGzipFile):
                    total += 1
            else:
                total += 1
    return total


def _walk(directory: Path) -> list[Path]:
    return [p for p in sorted(directory.rglob("*"))
            if p.is_file() and kind_of(p) in KNOWN
            and not any(part.startswith(".") for part in p.relative_to(directory).parts)]


def kind_of(path: Path) -> str:
    """The extension that says how to read a file, looking through ``.gz``."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    return suffixes[-1] if suffixes else ""


def read_file(path: Path, published: str | None = None) -> Iterator[Incoming | Unreadable]:
    origin = str(path)
    kind = kind_of(path)
    try:
        if kind in JSONL:
            with _open(path) as lines:
                yield from read_lines(lines, origin, published)
            return
        data = _read(path, MAX_CONTAINER if kind in FEEDS | HTML else MAX_BYTES)
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        yield Unreadable(origin, f"cannot read the file ({getattr(exc, 'strerror', None) or exc})")
        return
    except SitrepError as exc:
        yield Unreadable(origin, str(exc))
        return
    if kind in FEEDS:
        yield from read_feed(data, origin, published)
    elif kind in HTML:
        yield read_html(data, origin, published)
    else:
        yield _text(data, origin, published)


def _text(data: bytes, origin: str, published: str | None) -> Incoming | Unreadable:
    try:
        raw = decode(data, origin)
    except SitrepError as exc:
        return Unreadable(origin, str(exc))
    return Incoming(raw.text, origin, published, encoding=raw.encoding)


def _open(path: Path):
    return gzip.open(path, "rb") if path.suffix.lower() == ".gz" else path.open("rb")


def _read(path: Path, limit: int) -> bytes:
    with _open(path) as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(f"{path}: over the {limit // 1_048_576} MB limit for one file; "
                       "split it into separate files")
    return data
