"""Throughput of sitrep against plain spaCy on the same texts, in the same run.

    python -m benchmarks.throughput --dir ../shared/eval/polnear [--split train]
                                    [--limit N] [--json]

Each contender runs in its own child process so that its peak resident memory is its
own: ``sitrep`` (the full extraction: dates, actors, sentence selection, spaCy on the
selected sentences, claims) and ``spacy`` (``en_core_web_sm``'s full pipeline over every
text with ``nlp.pipe``). Reported per contender: documents/s, words/s (whitespace
words), seconds, peak RSS in MB; model loading and the gazetteer's opening are excluded
from the timing.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.files import Reader, data_files


def texts_of(directory: Path, split: str, limit: int | None,
             reader: Reader | None = None) -> list[str]:
    """The texts of a PolNeAR split (hidden files left out; ``reader`` keeps the files
    that cannot be read)."""
    folder = directory / split / "text"
    if not folder.is_dir():
        raise SystemExit(f"no such directory: {folder} (expected the PolNeAR layout)")
    return (reader or Reader()).read_all(data_files(folder, "*.txt")[:limit])


def run_contender(name: str, texts: list[str]) -> dict:
    if name == "sitrep":
        from sitrep.pipeline import Extractor

        extractor = Extractor()
        # opened (and built, the first time) before the clock starts, as the model is loaded
        extractor.gazetteer  # noqa: B018
        start, cpu = time.perf_counter(), time.process_time()
        claims = sum(len(r.claims) for r in extractor.extract_many((t, None, "utf-8")
                                                                   for t in texts))
    else:
        from sitrep.nlp.pipeline import load

        nlp = load()
        start, cpu = time.perf_counter(), time.process_time()
        claims = sum(len(doc.ents) for doc in nlp.pipe(texts, batch_size=32))
    seconds = time.perf_counter() - start
    # CPU seconds compare runs on a shared machine, where wall time also counts neighbours
    cpu_seconds = time.process_time() - cpu
    words = sum(len(t.split()) for t in texts)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"docs": len(texts), "words": words, "seconds": round(seconds, 2),
            "cpu_seconds": round(cpu_seconds, 2),
            "docs_per_s": round(len(texts) / seconds, 2),
            "words_per_s": round(words / seconds, 1), "peak_rss_mb": round(peak_mb, 1),
            "outputs": claims}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dir", type=Path, required=True, help="PolNeAR directory")
    parser.add_argument("--split", default="train")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--contender", choices=("sitrep", "spacy"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    reader = Reader(quiet=bool(args.contender))  # the parent names unreadable files once
    texts = texts_of(args.dir, args.split, args.limit, reader)
    if args.contender:
        print(json.dumps(run_contender(args.contender, texts)))
        return 0
    results = {}
    for name in ("sitrep", "spacy"):
        print(f"running {name} on {len(texts)} texts ...", file=sys.stderr)
        cmd = [sys.executable, "-m", "benchmarks.throughput", "--dir", str(args.dir),
               "--split", args.split, "--contender", name]
        if args.limit:
            cmd += ["--limit", str(args.limit)]
        out = subprocess.run(cmd, check=True, capture_output=True, text=True)
        results[name] = json.loads(out.stdout.strip().splitlines()[-1])
    results["speedup"] = round(results["sitrep"]["docs_per_s"] / results["spacy"]["docs_per_s"],
                               2)
    results["unreadable"] = reader.unreadable
    if args.json:
        print(json.dumps(results))
    else:
        for name in ("sitrep", "spacy"):
            r = results[name]
            print(f"{name:7} {r['docs_per_s']:8.2f} docs/s {r['words_per_s']:10.1f} words/s "
                  f"{r['peak_rss_mb']:7.1f} MB peak  ({r['docs']} docs, {r['seconds']} s)")
        print(f"sitrep / spaCy speed: {results['speedup']}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
