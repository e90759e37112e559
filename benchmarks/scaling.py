"""Does time (and output) stay linear in a report's length? A real paragraph, repeated.

    python -m benchmarks.scaling [--text FILE] [--published YYYY-MM-DD]
                                 [--sizes 50k,500k,2M] [--profile N] [--json]

The text (default: the bundled example report, its title left out) is repeated as
paragraphs until it reaches each size in bytes (UTF-8). Each size runs in its own child
process, so its peak resident memory is its own, and is extracted once with the report's
time budget switched off. Reported per size: seconds (model loading and the gazetteer's
opening excluded) in all and per pipeline stage, CPU seconds (what the ratios compare:
wall time on a shared machine also measures the neighbours), peak RSS in MB, the counts of claims,
events and flags, the size of the JSON output, and the time relative to the smallest size.

``--without-places`` skips place resolution (a diagnostic, to time the rest of the
pipeline on its own). ``--profile N`` also profiles every size (cProfile; slower) and
reports the share of time in each pipeline stage and each module, and the N functions
with the most own time, to see which stage stops scaling.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import json
import pstats
import resource
import subprocess
import sys
import time
from pathlib import Path

from sitrep import budget

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_TEXT = ROOT / "examples" / "naka-2020-09-30.txt"
UNITS = {"k": 1_000, "m": 1_000_000}


def parse_size(value: str) -> int:
    """``50k`` -> 50,000 bytes, ``2M`` -> 2,000,000, ``1234`` -> 1,234."""
    value = value.strip().lower()
    if value and value[-1] in UNITS:
        return int(float(value[:-1]) * UNITS[value[-1]])
    return int(value)


def paragraph(path: Path) -> str:
    """The report's body: its title (a short first line before a blank line) left out."""
    text = path.read_text("utf-8").strip()
    first, sep, rest = text.partition("\n\n")
    return rest.strip() if sep and len(first) < 200 and rest.strip() else text


def repeated(body: str, size: int) -> str:
    """``body`` as paragraphs, repeated until the text holds at least ``size`` bytes."""
    unit = len((body + "\n\n").encode("utf-8"))
    copies = max(1, -(-size // unit))
    return "\n\n".join([body] * copies) + "\n"


def run_size(text_path: Path, published: str | None, size: int, profile: int,
             without_places: bool = False) -> dict:
    from sitrep import pipeline
    from sitrep.pipeline import Extractor

    if without_places:  # a diagnostic: what the rest of the pipeline costs on its own
        pipeline.find_places_in_parts = lambda *_args, **_kwargs: []
    text = repeated(paragraph(text_path), size)
    extractor = Extractor(time_budget=None)
    extractor.gazetteer  # noqa: B018 -- open it before the clock starts
    profiler = cProfile.Profile() if profile else None
    cpu = time.process_time()
    start = time.perf_counter()
    if profiler:
        profiler.enable()
    with _clocks() as clocks:
        report = extractor.extract(text, published)
    if profiler:
        profiler.disable()
    seconds = time.perf_counter() - start
    cpu = time.process_time() - cpu
    stages = clocks[-1].stages(time.monotonic())
    out = json.dumps(report.to_dict(), ensure_ascii=False)
    result = {
        "bytes": len(text.encode("utf-8")), "chars": len(text), "seconds": round(seconds, 2),
        "cpu_seconds": round(cpu, 2),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "claims": len(report.claims), "events": len(report.events),
        "flags": len(report.flags), "json_bytes": len(out.encode("utf-8")),
        "stages": {k: round(v, 2) for k, v in stages.items()},
    }
    if profiler:
        result["profile"] = _profile(profiler, profile)
    return result


# The pipeline's stages, by the function that runs each (cumulative time under it).
STAGES = {
    ("sitrep/resolve/time/matching.py", "find_dates"): "dates",
    ("sitrep/resolve/actors/lexicon.py", "find"): "actors",
    ("sitrep/nlp/sentences.py", "split"): "sentences",
    ("sitrep/pipeline.py", "_analyse"): "parse + sentence facts",
    ("sitrep/resolve/places.py", "find_places_in_parts"): "places (resolve/places.py)",
    ("sitrep/extraction/anchor.py", "find_anchor"): "start of the fighting",
    ("sitrep/extraction/claims.py", "build"): "claims",
    ("sitrep/extraction/events.py", "build"): "events",
    ("sitrep/checks/numbers.py", "number_conflicts"): "checks",
    ("sitrep/checks/pairs.py", "contradicting_claims"): "checks",
}


@contextlib.contextmanager
def _clocks():
    """The time budgets the extractor starts (each records when its stages began)."""
    started: list[budget.Budget] = []
    original = budget.Budget.start

    def start(seconds):
        started.append(original(seconds))
        return started[-1]

    budget.Budget.start = start
    try:
        yield started
    finally:
        budget.Budget.start = original


def _profile(profiler: cProfile.Profile, top: int) -> dict:
    stats = pstats.Stats(profiler).stats  # {(file, line, name): (cc, nc, tt, ct, callers)}
    total = sum(tt for _cc, _nc, tt, _ct, _callers in stats.values()) or 1.0
    stages: dict[str, float] = {}
    for (file, _line, name), (_cc, _nc, _tt, ct, _callers) in stats.items():
        label = STAGES.get((_module(file), name))
        if label:
            stages[label] = stages.get(label, 0.0) + ct
    modules: dict[str, float] = {}
    for (file, _line, _name), (_cc, _nc, tt, _ct, _callers) in stats.items():
        modules[_module(file)] = modules.get(_module(file), 0.0) + tt
    ranked = sorted(stats.items(), key=lambda kv: kv[1][2], reverse=True)[:top]
    return {
        "seconds": round(total, 2),
        "stage_share": {k: round(v / total, 3) for k, v in
                        sorted(stages.items(), key=lambda kv: -kv[1])},
        "module_share": {m: round(t / total, 3) for m, t in
                         sorted(modules.items(), key=lambda kv: -kv[1]) if t / total >= 0.01},
        "top_own_time": [{"function": f"{_module(f)}:{n}", "calls": nc,
                          "own_s": round(tt, 2), "cumulative_s": round(ct, 2)}
                         for (f, _l, n), (_cc, nc, tt, ct, _callers) in ranked],
    }


def _module(file: str) -> str:
    """``.../src/sitrep/resolve/places.py`` -> ``sitrep/resolve/places.py``; other code by
    its package (spacy, thinc, ...) so the shares stay readable."""
    if "/sitrep/" in file:
        return "sitrep/" + file.split("/sitrep/", 1)[1]
    if "site-packages/" in file:
        return file.split("site-packages/", 1)[1].split("/", 1)[0]
    return "python" if file.startswith(("<", "~")) or "/lib/python" in file else file


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--text", type=Path, default=DEFAULT_TEXT,
                        help="the report whose body is repeated (default: the example)")
    parser.add_argument("--published", default="2020-09-30",
                        help="the report date passed to sitrep (default: the example's)")
    parser.add_argument("--sizes", default="50k,500k,2M",
                        help="comma-separated sizes in bytes, with k or M (default 50k,500k,2M)")
    parser.add_argument("--profile", type=int, default=0, metavar="N",
                        help="profile each size and list its N slowest functions")
    parser.add_argument("--without-places", action="store_true",
                        help="diagnostic: skip place resolution (no places are found), to "
                        "time the rest of the pipeline on its own")
    parser.add_argument("--json", action="store_true", help="print only the JSON result")
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)  # one child's size
    args = parser.parse_args(argv)
    if not args.text.is_file():
        print(f"no such file: {args.text}", file=sys.stderr)
        return 2
    if args.size:
        print(json.dumps(run_size(args.text, args.published, args.size, args.profile,
                                  args.without_places)))
        return 0
    rows = []
    for size in (parse_size(s) for s in args.sizes.split(",")):
        print(f"extracting {size:,} bytes ...", file=sys.stderr)
        cmd = [sys.executable, "-m", "benchmarks.scaling", "--text", str(args.text),
               "--published", args.published, "--size", str(size),
               "--profile", str(args.profile)] + (["--without-places"]
                                                   if args.without_places else [])
        out = subprocess.run(cmd, check=True, capture_output=True, text=True)
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
        print(f"  {rows[-1]['seconds']} s, {rows[-1]['peak_rss_mb']} MB peak", file=sys.stderr)
    base = rows[0]
    for row in rows:
        row["time_ratio"] = round(row["seconds"] / max(base["seconds"], 0.01), 1)
        row["cpu_ratio"] = round(row["cpu_seconds"] / max(base["cpu_seconds"], 0.01), 1)
        row["size_ratio"] = round(row["bytes"] / base["bytes"], 1)
    if args.json:
        print(json.dumps({"text": str(args.text), "without_places": args.without_places,
                          "sizes": rows}))
        return 0
    for row in rows:
        print(f"{row['bytes']:>10,} B {row['seconds']:8.2f} s, {row['cpu_seconds']:8.2f} s CPU "
              f"(x{row['cpu_ratio']:<5} for x{row['size_ratio']:<5} the size) "
              f"{row['peak_rss_mb']:7.1f} MB peak  "
              f"{row['claims']} claims, {row['events']} events, {row['flags']} flags, "
              f"{row['json_bytes']:,} B of JSON")
        print("    " + ", ".join(f"{k} {v} s" for k, v in row["stages"].items()))
        for name, share in row.get("profile", {}).get("stage_share", {}).items():
            print(f"    {share:6.1%}  {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
