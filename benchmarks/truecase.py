"""How well sitrep restores the case of a text written in capitals.

Usage::

    python -m benchmarks.truecase --upper FILE --mixed FILE [--json]

``--upper`` is a text in capitals and ``--mixed`` the same text in ordinary case (MUC-4
distributes TST4 both ways: ``tst4-muc4`` and ``tst4-muc4.mixed-case``). The score is the
share of words sitrep's truecaser writes exactly as the mixed-case copy does, beside the
share plain lower-casing gets right.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from benchmarks.output import emit

_WORD = re.compile(r"[A-Za-z]+")


def score(upper: str, mixed: str) -> dict:
    from sitrep.ingest.truecase import truecase
    from sitrep.pipeline import default

    restored = _WORD.findall(truecase(upper, default()._is_name))
    gold = _WORD.findall(mixed)
    if len(restored) != len(gold):
        raise SystemExit("the two files do not hold the same words")
    right = sum(a == b for a, b in zip(restored, gold, strict=True))
    lowered = sum(a.lower() == b for a, b in zip(restored, gold, strict=True))
    return {"words": len(gold), "word_accuracy": round(right / len(gold), 4),
            "lowercase_baseline": round(lowered / len(gold), 4)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.truecase",
                                     description="Score truecasing against a mixed-case copy.")
    parser.add_argument("--upper", required=True, help="the text in capitals")
    parser.add_argument("--mixed", required=True, help="the same text in ordinary case")
    parser.add_argument("--json", action="store_true", help="print only a JSON object")
    args = parser.parse_args(argv)
    for path in (args.upper, args.mixed):
        if not Path(path).is_file():
            parser.error(f"no such file: {path}")
    print("truecasing ...", file=sys.stderr)
    upper, mixed = (Path(p).read_text(encoding="latin-1") for p in (args.upper, args.mixed))
    emit(score(upper, mixed), args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
