"""Ledger benchmark: a corpus of real documents ingested twice into one store.

    python -m benchmarks.ledger --muc4 ../shared/eval/muc4/corpora \\
        --polnear ../shared/eval/polnear --reports ../shared/eval/reports-dev \\
        [--timebank DIR] [--geo XML...] [--acled-notes CSV...] \\
        --db sqlite:///out/bench.db [--limit 5000] [--fresh] [--json]

The corpus is built in this order, then cut at ``--limit``: reports-dev (each text with the
date of its ``.meta.json``), MUC-4 split into its messages (DEV first, then the test sets;
the date from each dateline), PolNeAR texts, then, to reach a larger size, TimeBank texts
(with their creation date), the geoparsing corpora's articles and ACLED event notes (with
the event date). It is written as gzipped JSON Lines to ``--corpus`` (default: a temporary
file outside the repository) and never copied into the repository.

``sitrep ingest CORPUS --db URL`` then runs twice, as the user runs it. Reported: the
corpus (documents, distinct texts, by source), each run's summary line, wall time and
documents per second, the ledger's row counts after each run, whether they are identical,
and duplicate checks (documents against distinct texts; claim rows against their keys).
``--copy-from LEDGER`` measures the store alone: every report stored in LEDGER is written
again into ``--db`` (rows rebuilt from the stored report JSON, one transaction per document,
as ingest writes them; no extraction), reporting documents per second.

``--fresh`` empties the ledger first (SQLite: the file; PostgreSQL: the schema named by
``--pg-schema``, created anew and used through the URL's search_path).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from .output import emit

_MUC_FILE = re.compile(r"^(dev|tst\d)-muc[34](-\d{4}-\d{4})?$")
_MUC_ID = re.compile(r"^\s*((?:DEV|TST\d)-MUC[34]-\d{4})", re.MULTILINE)
_MONTHS = {m: i for i, m in enumerate(("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG",
                                        "SEP", "OCT", "NOV", "DEC"), 1)}
_MUC_DATE = re.compile(r"\b(\d{1,2}) ([A-Z]{3}) (\d{2})\b")


# ---- building the corpus ---------------------------------------------------------------

def reports(directory: Path) -> Iterator[dict]:
    for path in sorted(directory.glob("*.txt")):
        meta_path = path.with_name(path.stem + ".meta.json")
        meta = json.loads(meta_path.read_text("utf-8")) if meta_path.is_file() else {}
        yield {"text": path.read_text("utf-8"), "published": meta.get("published"),
               "source": meta.get("outlet"), "url": meta.get("url"), "title": meta.get("title"),
               "corpus": "reports-dev"}


def muc4(paths: list[Path]) -> Iterator[dict]:
    files = []
    for path in paths:
        found = sorted(p for p in path.rglob("*") if _MUC_FILE.match(p.name)) \
            if path.is_dir() else [path]
        files += sorted(found, key=lambda p: (not p.name.startswith("dev"), p.name))
    for path in files:
        yield from muc4_messages(path.read_text("latin-1"))


def muc4_messages(text: str) -> Iterator[dict]:
    """One document per message: the text after its id line, dated by its dateline."""
    starts = [m for m in _MUC_ID.finditer(text)]
    for here, after in zip(starts, [*starts[1:], None], strict=True):
        body = text[here.end():after.start() if after else len(text)]
        body = body.split("\n", 1)[1] if "\n" in body else body
        if body.strip():
            yield {"text": body.strip("\n"), "published": _muc_date(body),
                   "source": here.group(1), "corpus": "muc4"}


def _muc_date(body: str) -> str | None:
    match = _MUC_DATE.search(body[:300])
    if not match or match.group(2) not in _MONTHS:
        return None
    day, month, year = int(match.group(1)), _MONTHS[match.group(2)], 1900 + int(match.group(3))
    try:
        import datetime as dt

        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def polnear(directory: Path) -> Iterator[dict]:
    for path in sorted(directory.glob("*/text/*.txt")):
        yield {"text": path.read_text("utf-8", errors="replace"), "source": path.stem,
               "corpus": "polnear"}


def timebank(directory: Path) -> Iterator[dict]:
    for path in sorted(directory.rglob("*.tml")):
        root = ET.parse(path).getroot()
        text = "".join(root.find("TEXT").itertext()) if root.find("TEXT") is not None else ""
        dct = root.find("DCT/TIMEX3")
        yield {"text": text.strip(), "published": dct.get("value")[:10] if dct is not None
               else None, "source": path.stem, "corpus": "timebank"}


def geo(paths: list[Path]) -> Iterator[dict]:
    for path in paths:
        for article in ET.parse(path).getroot():
            title = (article.findtext("title") or "").strip()
            body = (article.findtext("text") or "").strip()
            yield {"text": f"{title}\n\n{body}" if title else body,
                   "published": _any_date(article.findtext("dltime") or ""),
                   "url": article.findtext("url"), "corpus": path.stem}


def _any_date(text: str) -> str | None:
    """An ISO date from the download times of the geoparsing corpora ("17 December 2016",
    "7:58 AM ET, Sat January 3, 2015"), else None."""
    from dateutil import parser as dateparser

    if not text.strip():
        return None
    try:
        return dateparser.parse(text, fuzzy=True, ignoretz=True).date().isoformat()
    except (ValueError, OverflowError):
        return None


def acled_notes(paths: list[Path]) -> Iterator[dict]:
    import datetime as dt

    for path in paths:
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                date = row.get("event_date") or ""
                try:
                    published = dt.date.fromisoformat(date).isoformat()
                except ValueError:
                    published = dt.datetime.strptime(date, "%d-%B-%Y").date().isoformat() \
                        if re.match(r"\d+-[A-Za-z]+-\d{4}$", date) else None
                if row.get("notes"):
                    yield {"text": row["notes"], "published": published,
                           "source": "ACLED notes", "corpus": "acled-notes"}


def build(args) -> list[dict]:
    parts = []
    if args.reports:
        parts.append(reports(args.reports))
    if args.muc4:
        parts.append(muc4(args.muc4))
    if args.polnear:
        parts.append(polnear(args.polnear))
    if args.timebank:
        parts.append(timebank(args.timebank))
    if args.geo:
        parts.append(geo(args.geo))
    if args.acled_notes:
        parts.append(acled_notes(args.acled_notes))
    docs = []
    for part in parts:
        for doc in part:
            if doc["text"].strip():
                docs.append(doc)
                if args.limit and len(docs) >= args.limit:
                    return docs
    return docs


def write_corpus(docs: list[dict], path: Path) -> None:
    with gzip.open(path, "wt", encoding="utf-8") as out:
        for doc in docs:
            out.write(json.dumps({k: v for k, v in doc.items() if k != "corpus"},
                                 ensure_ascii=False) + "\n")


# ---- running ---------------------------------------------------------------------------

def fresh_url(url: str, schema: str) -> str:
    """Empty the ledger at ``url``; on PostgreSQL, a new schema used via search_path."""
    from sitrep.store import resolve_url

    url = resolve_url(url)
    if url.startswith("sqlite:///"):
        for suffix in ("", "-wal", "-shm"):
            Path(url[len("sqlite:///"):] + suffix).unlink(missing_ok=True)
        return url
    import sqlalchemy as sa

    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    engine.dispose()
    return f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}"


def ingest(corpus: Path, url: str) -> dict:
    sitrep = Path(sys.executable).with_name("sitrep")
    start = time.perf_counter()
    done = subprocess.run([str(sitrep), "ingest", str(corpus), "--db", url],
                          stdout=subprocess.PIPE, text=True)
    seconds = time.perf_counter() - start
    summary = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""
    counts, duplicates = ledger_counts(url)
    documents = int(re.search(r"([\d,]+) documents", summary).group(1).replace(",", "")) \
        if "documents" in summary else 0
    return {"exit": done.returncode, "summary": summary, "seconds": round(seconds, 1),
            "docs_per_s": round(documents / seconds, 2) if seconds else None,
            "counts": counts, "duplicates": duplicates}


def ledger_counts(url: str) -> tuple[dict, dict]:
    from sqlalchemy import func, select

    from sitrep.store import Store
    from sitrep.store import schema as s

    with Store.open(url) as store:
        c = s.claims.c
        keys = select(c.document_id, c.evidence_start, c.evidence_end, c.outcome, c.item,
                      c.value, c.claimant_actor, c.subject_actor).distinct().subquery()
        distinct_claims = store.fetch(select(func.count()).select_from(keys))[0]
        d = s.documents.c
        texts = store.fetch(select(func.count(func.distinct(d.text))))[0]
        return store.counts(), {
            "documents_vs_distinct_texts": [store.counts()["documents"],
                                            next(iter(texts.values()))],
            "claim_rows_vs_distinct_claims": [store.counts()["claims"],
                                              next(iter(distinct_claims.values()))]}


def copy_ledger(source: str, url: str) -> dict:
    """Write every report stored in ``source`` into ``url`` as ingest writes it."""
    import datetime as dt

    from sqlalchemy import select

    from sitrep.ingest.incoming import Incoming
    from sitrep.ledger.rows import report_rows
    from sitrep.store import Store
    from sitrep.store import schema as s
    from sitrep.store.versions import current

    d = s.documents.c
    with Store.open(source, must_exist=True) as src:
        docs = src.fetch(select(d.text, d.origin, d.published, d.source, d.url, d.title,
                                d.language, d.report).order_by(d.id))
    version = current()
    with Store.open(url) as store:
        start = time.perf_counter()
        for doc in docs:
            published = doc["published"].isoformat() if isinstance(doc["published"], dt.date) \
                else None
            incoming = Incoming(doc["text"], doc["origin"], published, doc["source"], doc["url"],
                                doc["title"], doc["language"])
            store.write(report_rows(doc["report"], incoming, version))
        seconds = time.perf_counter() - start
        counts = store.counts()
    return {"documents": len(docs), "seconds": round(seconds, 1),
            "docs_per_s": round(len(docs) / seconds, 1), "counts": counts}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reports", type=Path, help="reports-dev directory")
    parser.add_argument("--muc4", type=Path, nargs="*", help="MUC-4 files or directories")
    parser.add_argument("--polnear", type=Path, help="PolNeAR directory")
    parser.add_argument("--timebank", type=Path, help="TimeBank directory (.tml)")
    parser.add_argument("--geo", type=Path, nargs="*", help="TR-News / GeoVirus XML files")
    parser.add_argument("--acled-notes", type=Path, nargs="*", help="ACLED CSV exports")
    parser.add_argument("--limit", type=int, help="at most this many documents")
    parser.add_argument("--db", help="the ledger to ingest into (path or URL)")
    parser.add_argument("--fresh", action="store_true", help="empty the ledger first")
    parser.add_argument("--pg-schema", default="sitrep_bench")
    parser.add_argument("--corpus", type=Path, help="where to write the corpus (.jsonl.gz)")
    parser.add_argument("--build-only", action="store_true", help="write the corpus, stop")
    parser.add_argument("--copy-from", help="measure the store alone: copy this ledger")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if args.copy_from:
        if not args.db:
            parser.error("--copy-from needs --db")
        url = fresh_url(args.db, args.pg_schema) if args.fresh else args.db
        emit(copy_ledger(args.copy_from, url), args.json)
        return 0

    docs = build(args)
    corpus = args.corpus or Path(tempfile.mkdtemp(prefix="sitrep-bench-")) / "corpus.jsonl.gz"
    write_corpus(docs, corpus)
    result = {"documents": len(docs),
              "distinct_texts": len({" ".join(d["text"].split()) for d in docs}),
              "by_corpus": dict(Counter(d["corpus"] for d in docs)),
              "words": sum(len(d["text"].split()) for d in docs), "corpus": str(corpus)}
    print(f"corpus: {len(docs)} documents -> {corpus}", file=sys.stderr)
    if args.build_only:
        emit(result, args.json)
        return 0
    if not args.db:
        parser.error("--db is required unless --build-only")
    url = fresh_url(args.db, args.pg_schema) if args.fresh else args.db
    for run in ("first", "second"):
        print(f"ingest, {run} run ...", file=sys.stderr)
        result[run] = ingest(corpus, url)
    result["identical_counts"] = result["first"]["counts"] == result["second"]["counts"]
    if not args.corpus:
        corpus.unlink()
    emit(result, args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
