"""Ingest: documents in, each extracted once and stored with all its rows.

    ingestor = Ingestor(store, extractor)
    summary = ingestor.run(sources.documents(paths), on_each=progress)

- Idempotent: a document is known by the sha256 of its normalised text; a text already in
  the ledger is left as it is ("unchanged"), whatever file or line it comes from.
- Resumable: each document is written in one transaction, so a run killed at any moment
  has stored whole documents only; the next run skips them and goes on.
- A document that cannot be read or extracted is recorded in ``failures`` with its error
  and skipped; the run goes on. A database error stops the run (nothing half-written).
- ``reprocess``: a stored document made by another sitrep or lexicon version is
  extracted again and its rows replaced.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from sqlalchemy import select

from ..errors import SitrepError
from ..ingest.document import document_id
from ..ingest.incoming import Incoming, Unreadable
from ..store import Store
from ..store import schema as s
from ..store.ledger_store import DOCUMENT_ERRORS
from ..store.versions import Version, current
from .rows import report_rows

NEW, UNCHANGED, REPROCESSED, FAILED = "new", "unchanged", "reprocessed", "failed"


@dataclass(frozen=True)
class Outcome:
    """What happened to one document."""

    status: str
    origin: str
    claims: int = 0
    error: str | None = None


@dataclass
class Summary:
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(
        (NEW, UNCHANGED, REPROCESSED, FAILED), 0))
    claims_added: int = 0
    seconds: float = 0.0

    @property
    def documents(self) -> int:
        return sum(self.counts.values())

    def add(self, outcome: Outcome) -> None:
        self.counts[outcome.status] += 1
        self.claims_added += outcome.claims

    def line(self) -> str:
        c = self.counts
        rate = self.documents / self.seconds if self.seconds else 0.0
        return (f"{self.documents:,} documents in {self.seconds:.1f} s ({rate:.1f} docs/s): "
                f"{c[NEW]:,} new, {c[UNCHANGED]:,} unchanged, {c[REPROCESSED]:,} reprocessed, "
                f"{c[FAILED]:,} failed; {self.claims_added:,} claims added")


class Ingestor:
    """Extracts and stores documents one at a time. The extractor is built on first need
    (``extractor`` may be an Extractor or a function returning one), so a run that finds
    every document already stored never loads the spaCy pipeline."""

    def __init__(self, store: Store, extractor, *, reprocess: bool = False,
                 version: Version | None = None):
        self.store = store
        self._extractor = extractor
        self.reprocess = reprocess
        self.version = version or current()

    @property
    def extractor(self):
        if isinstance(self._extractor, type) or not hasattr(self._extractor, "extract"):
            self._extractor = self._extractor()
        return self._extractor

    def run(self, items: Iterable[Incoming | Unreadable],
            on_each: Callable[[Outcome], None] | None = None) -> Summary:
        summary, start = Summary(), time.perf_counter()
        try:
            for item in items:
                outcome = self.one(item)
                summary.add(outcome)
                if on_each:
                    on_each(outcome)
        finally:
            summary.seconds = time.perf_counter() - start
        return summary

    def one(self, item: Incoming | Unreadable) -> Outcome:
        if isinstance(item, Unreadable):
            return self._failed(item.origin, item.error)
        doc_id = document_id(item.text)
        stored = self.store.version_of(doc_id)
        if stored is not None and (not self.reprocess or stored == self.version.id):
            return Outcome(UNCHANGED, item.origin)
        try:
            report = self.extractor.extract(item.text, item.published, item.encoding).to_dict()
            rows = report_rows(report, item, self.version)
        except SitrepError as exc:
            return self._failed(item.origin, str(exc), doc_id)
        except Exception as exc:  # noqa: BLE001 -- any extraction bug: record, skip, go on
            return self._failed(item.origin, f"extraction failed: {type(exc).__name__}: {exc}",
                                doc_id)
        try:
            self.store.write(rows, replace=stored is not None)
        except DOCUMENT_ERRORS as exc:
            return self._failed(item.origin, f"cannot store: {str(exc.orig).splitlines()[0]}",
                                doc_id)
        status = REPROCESSED if stored is not None else NEW
        return Outcome(status, item.origin, len(rows.owned.get("claims", ())))

    def reprocess_stored(self, on_each: Callable[[Outcome], None] | None = None) -> Summary:
        """Extract again every stored document another version made, from its stored text
        and metadata."""
        self.reprocess = True
        return self.run(self._stored(), on_each)

    def _stored(self) -> Iterator[Incoming]:
        docs = s.documents.c
        for doc_id in self.store.outdated(self.version.id):
            (row,) = self.store.fetch(select(docs.text, docs.origin, docs.published,
                                             docs.source, docs.url, docs.title, docs.language)
                                      .where(docs.id == doc_id))
            published = row["published"].isoformat() if row["published"] else None
            yield Incoming(row["text"], row["origin"], published, row["source"], row["url"],
                           row["title"], row["language"])

    def _failed(self, origin: str, error: str, doc_id: str | None = None) -> Outcome:
        self.store.record_failure(origin, error, {"id": self.version.id,
                                                  "sitrep": self.version.sitrep,
                                                  "lexicon": self.version.lexicon}, doc_id)
        return Outcome(FAILED, origin, error=error)

