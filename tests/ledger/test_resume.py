"""Resumable ingest: SIGKILL an ingest at random moments, at least 20 times, then let it
finish; the ledger must equal that of an uninterrupted run, row for row, on SQLite and on
PostgreSQL.

The killed runs are real processes running the real ingest over real text (paragraphs of
the fixture reports, a few broken lines among them). To keep the test quick, most are
forked from the test process, which has the spaCy pipeline loaded already, so a run starts
in milliseconds instead of seconds; the last killed run and the run that completes the
ledger are ``sitrep ingest`` itself, started as a new process.
"""

from __future__ import annotations

import json
import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from sitrep.ingest import sources
from sitrep.ledger.ingest import Ingestor
from sitrep.store import Store
from sitrep.store import schema as s

from ..conftest import FIXTURES, WAR

KILLS = 20
TIMESTAMPS = {"ingested_at", "failed_at"}


def _corpus(tmp_path):
    """Paragraphs of the fixture reports, one JSONL line each, and three broken lines."""
    lines = []
    for path in [*sorted((FIXTURES / "reports").glob("*.txt")), *WAR]:
        for para in re.split(r"\n\s*\n", path.read_text("utf-8")):
            if len(para.split()) >= 12:
                lines.append(json.dumps({"text": para, "published": path.stem[-10:],
                                         "source": path.stem}))
    lines[10:10] = ["{broken", json.dumps({"no": "text"}), json.dumps({"text": " "})]
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _dump(url):
    """Every row of every table (timestamps left out), in a fixed order."""
    with Store.open(url) as store:
        out = {}
        for table in s.ALL:
            columns = [c for c in table.columns if c.name not in TIMESTAMPS]
            rows = store.fetch(select(*columns))
            out[table.name] = sorted(json.dumps(r, default=str, sort_keys=True) for r in rows)
        return out


def _fork_ingest(url, corpus, extractor) -> int:
    pid = os.fork()
    if pid == 0:  # the child: ingest until done or killed, never back into pytest
        code = 1
        try:
            from sitrep.resolve.gazetteer import Gazetteer

            extractor._gazetteer = Gazetteer.open(extractor.gazetteer.path,
                                                  build_if_missing=False)
            with Store.open(url) as store:
                Ingestor(store, extractor).run(sources.documents([corpus]))
            code = 0
        finally:
            os._exit(code)
    return pid


def _cli(url, corpus, gazetteer):
    env = {**os.environ, "SITREP_CACHE_DIR": str(gazetteer.path.parent)}
    sitrep = Path(sys.executable).with_name("sitrep")
    return subprocess.Popen([str(sitrep), "ingest", str(corpus), "--db", url], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.fixture(scope="module")
def uninterrupted(tmp_path_factory, extractor):
    """The corpus and the ledger of one uninterrupted run (on SQLite: the same rows are
    expected of PostgreSQL, whose resumed ledger is compared with it too)."""
    folder = tmp_path_factory.mktemp("resume")
    corpus = _corpus(folder)
    reference = f"sqlite:///{folder / 'reference.db'}"
    with Store.open(reference) as store:
        Ingestor(store, extractor).run(sources.documents([corpus]))
    return corpus, _dump(reference)


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_killed_ingest_resumes_to_the_same_ledger(kind, make_db, uninterrupted, extractor,
                                                  gazetteer):
    corpus, expected = uninterrupted

    url = make_db(kind)
    seed = int.from_bytes(os.urandom(4), "big")
    rng = random.Random(seed)
    kills, runs = 0, 0
    while kills < KILLS and runs < 3 * KILLS:
        runs += 1
        pid = _fork_ingest(url, corpus, extractor)
        time.sleep(rng.uniform(0.0, 0.6))
        if os.waitpid(pid, os.WNOHANG) == (0, 0):  # still running: kill it
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            kills += 1
    assert kills >= KILLS, f"the ingest finished before it could be killed {KILLS} times"
    stored = len(_dump(url)["documents"])
    assert stored < len(expected["documents"]), "nothing left for the last runs to do"

    process = _cli(url, corpus, gazetteer)  # a whole `sitrep ingest`, killed mid-way
    time.sleep(rng.uniform(3.0, 6.0))
    process.send_signal(signal.SIGKILL)
    process.wait()
    finished = _cli(url, corpus, gazetteer).communicate(timeout=300)
    assert " new, " in finished[0] and "3 failed" in finished[0], finished

    assert _dump(url) == expected, f"seed {seed}: the resumed ledger differs"

