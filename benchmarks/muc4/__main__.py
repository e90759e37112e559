"""Command line for the MUC-4 scorer.

Usage::

    python -m benchmarks.muc4 --score-response FILE --key FILE [--history FILE]
                              [--mapping-from NRAD] [--pairs] [--json]
    python -m benchmarks.muc4 --official-table DIR [--json]
    python -m benchmarks.muc4 --texts FILE --key FILE [--out FILE] [--json]

``--score-response`` scores a response file: automatically (the scoring guidelines'
rules stand in for the human scorers), or with ``--history`` replaying the 1992
scorers' recorded judgments; ``--mapping-from`` also replays the template mapping of an
official ``.nrad`` report. Without ``--json`` it prints an official-style report;
with it, only the JSON object (percentages, as the official reports).

``--texts`` runs sitrep on a MUC-4 text file, turns its reports into templates
(``adapter``), writes them to ``--out`` if given, and scores them automatically; it also
counts where whole templates were lost (``errors``).

``--official-table DIR`` (DIR = the ``muc4`` eval directory) scores the 17 TST4
responses of 1992 both ways and prints, per system: the official F, the replay F (our
template mapping), the replay F with the 1992 mapping, the automatic F, and the largest
per-slot recall/precision deviation from the official table (whole points, over the
slots that table gives), for both replays. The 1992 scores used the original answer
key; the distributed one (``key-tst4.v2``) has revised incident dates (official reports
credit 22 SEP 88 where v2 says 21 SEP 88), so the table first restores the values the
official reports prove the 1992 key held (``key1992``). The history file keeps only
each filler's last judgment, which bounds the replay.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from benchmarks.files import Reader, data_files
from benchmarks.muc4.errors import template_errors
from benchmarks.muc4.history import History, ReplayJudge
from benchmarks.muc4.key1992 import evidence, merge, restore_1992_fills
from benchmarks.muc4.report import (
    NradReport,
    official_mapping,
    read_nrad,
    read_official_scores,
    render,
    slot_deviations,
    to_json,
)
from benchmarks.muc4.scorer import AutomaticJudge, Score, score_messages
from benchmarks.muc4.templates import Message, parse_messages, read_messages

# Where the official table's inputs live under the muc4 directory.
TST4_KEY = "corpora/tst4/key-tst4.v2"
TST4_RESPONSES = "results/TST4/responses"
TST4_REPORTS = "results/TST4/scores"
TST4_HISTORY = "results/TST4/final-cumulative-hist.tst4"
OFFICIAL_TABLE = "results/official_scores_tst4.tsv"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.muc4",
                                     description="Score MUC-4 templates as in 1992.")
    parser.add_argument("--score-response", metavar="FILE", help="response templates to score")
    parser.add_argument("--key", metavar="FILE", help="answer key templates")
    parser.add_argument("--history", metavar="FILE",
                        help="replay the human judgments recorded in this history file")
    parser.add_argument("--mapping-from", metavar="NRAD",
                        help="replay the template mapping of this official score report")
    parser.add_argument("--official-table", metavar="DIR",
                        help="score the 17 TST4 responses of 1992 (DIR: the muc4 directory)")
    parser.add_argument("--texts", metavar="FILE", help="MUC-4 texts to run sitrep on (a "
                        "file, or a folder of them)")
    parser.add_argument("--out", metavar="FILE", help="with --texts: write sitrep's templates")
    parser.add_argument("--pairs", action="store_true",
                        help="also print the tables of every template pair")
    parser.add_argument("--json", action="store_true", help="print only a JSON object")
    return parser


def score_file(response: str | Path, key: str | Path, history: str | Path | None = None,
               mapping_from: str | Path | None = None) -> Score:
    """Score one response file; replay mode when a history file is given."""
    judge = ReplayJudge(History.read(history)) if history else AutomaticJudge()
    mapping = official_mapping(read_nrad(mapping_from)) if mapping_from else None
    return score_messages(read_messages(key), read_messages(response), judge, mapping)


def by_message_number(messages: dict[str, Message]) -> dict[str, Message]:
    """Key messages under their bare ids: the DEV keys give one message several ids
    ("DEV-MUC3-0105 (BELLCORE, MITRE)", "... (BELLCORE, MITRE, GE)"), one per coder."""
    merged: dict[str, list] = {}
    for message_id, message in messages.items():
        merged.setdefault(message_id.split()[0], []).extend(message.templates)
    return {mid: Message(mid, tuple(templates)) for mid, templates in merged.items()}


def load_texts(texts: str | Path, reader: Reader) -> list[tuple[str, str]]:
    """(message id, text) of every message in a MUC-4 text file or folder of them."""
    from benchmarks.muc4.adapter import parse_texts

    found = reader.read_all(data_files(Path(texts), "*"), parse_texts)
    return [message for messages in found for message in messages]


def run_texts(texts: str | Path, out: str | Path | None = None,
              key_ids: Iterable[str] = (), reader: Reader | None = None) -> str:
    """sitrep's response templates for a MUC-4 text file, or every text file of a folder
    (hidden files left out; ``reader`` keeps the ones that cannot be read), under the
    message ids the key uses; progress on stderr."""
    from benchmarks.muc4.adapter import responses
    from sitrep.pipeline import Extractor

    messages = load_texts(texts, reader or Reader(encoding="latin-1"))
    extractor = Extractor()
    blocks = []
    ids = {key_id.split()[0]: key_id for key_id in key_ids}
    for i, block in enumerate(responses(messages, extractor, ids), 1):
        blocks.append(block)
        if i % 25 == 0 or i == len(messages):
            print(f"sitrep: {i}/{len(messages)} messages", file=sys.stderr)
    response = "\n".join(blocks)
    if out:
        Path(out).write_text(response, encoding="utf-8")
    return response


def official_table(directory: str | Path) -> list[dict[str, Any]]:
    """Replay and automatic scores of every TST4 response, beside the official ones."""
    root = Path(directory)
    v2_key = read_messages(root / TST4_KEY)
    history = History.read(root / TST4_HISTORY)
    official = read_official_scores(root / OFFICIAL_TABLE)
    systems = _tst4_systems(root)
    key = restore_1992_fills(v2_key, merge(
        evidence(report, v2_key, responses) for _, responses, report in systems
        if report is not None))
    rows: list[dict[str, Any]] = []
    for name, responses, report in systems:
        system = name.upper()
        print(f"scoring {system}", file=sys.stderr)
        replay = score_messages(key, responses, ReplayJudge(history))
        mapping = official_mapping(report) if report is not None else None
        mapped = score_messages(key, responses, ReplayJudge(history), mapping)
        automatic = score_messages(key, responses, AutomaticJudge())
        row: dict[str, Any] = {
            "system": system,
            "official_f": official[system].f if system in official else None,
            "replay_f": round(replay.all_templates.f(), 2),
            "replay_f_1992_mapping": round(mapped.all_templates.f(), 2),
            "automatic_f": round(automatic.all_templates.f(), 2),
        }
        if system in official:
            for label, score in (("", replay), ("_1992_mapping", mapped)):
                deviation, slot = slot_deviations(score, official[system])[0]
                row[f"max_slot_deviation{label}"] = deviation
                row[f"worst_slot{label}"] = slot
        rows.append(row)
    return rows


def _tst4_systems(root: Path) -> list[tuple[str, dict[str, Message], NradReport | None]]:
    """(name, responses, official report or None) of every TST4 system."""
    out = []
    for path in data_files(root / TST4_RESPONSES, "*-response.tst4"):  # no "._x" forks
        name = path.name.removesuffix("-response.tst4")
        report = root / TST4_REPORTS / f"{name}-scores-pass1.tst4.nrad"
        out.append((name, read_messages(path), read_nrad(report) if report.exists() else None))
    return out


def _table_text(rows: list[dict[str, Any]]) -> str:
    lines = [
        "| system | official F | replay F | replay F (1992 mapping) | automatic F "
        "| max slot dev, replay | max slot dev, 1992 mapping |",
        "|---|---:|---:|---:|---:|---|---|",
    ]
    for row in rows:
        official = "-" if row["official_f"] is None else f"{row['official_f']:.2f}"
        worst = [
            f"{row[f'max_slot_deviation{label}']} ({row[f'worst_slot{label}']})"
            if f"max_slot_deviation{label}" in row else "-"
            for label in ("", "_1992_mapping")
        ]
        lines.append(
            f"| {row['system']} | {official} | {row['replay_f']:.2f} "
            f"| {row['replay_f_1992_mapping']:.2f} | {row['automatic_f']:.2f} "
            f"| {worst[0]} | {worst[1]} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.texts:
        if not args.key:
            parser.error("--texts needs --key FILE")
        if not Path(args.texts).exists():
            parser.error(f"no such file or folder: {args.texts}")
        if not Path(args.key).is_file():
            parser.error(f"no such file: {args.key}")
        key = by_message_number(read_messages(args.key))
        reader = Reader(encoding="latin-1")
        response = parse_messages(run_texts(args.texts, args.out, key, reader))
        score = score_messages(key, response, AutomaticJudge())
        errors = template_errors(key, response)
        if args.json:
            print(json.dumps({**to_json(score), "template_errors": errors,
                              "unreadable": reader.unreadable}, indent=2))
        else:
            print(render(score))
            print("\n".join(f"{name}: {n}" for name, n in errors.items()))
        return 0
    if args.official_table:
        rows = official_table(args.official_table)
        print(json.dumps({"systems": rows}, indent=2) if args.json else _table_text(rows))
        return 0
    if not (args.score_response and args.key):
        parser.error("give --score-response FILE --key FILE, or --official-table DIR")
    for path in (args.score_response, args.key, args.history, args.mapping_from):
        if path and not Path(path).is_file():
            parser.error(f"no such file: {path}")
    score = score_file(args.score_response, args.key, args.history, args.mapping_from)
    print(json.dumps(to_json(score), indent=2) if args.json else render(score, pairs=args.pairs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
