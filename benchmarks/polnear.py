"""Score sitrep's attribution finder on PolNeAR (brat standoff attribution relations).

Layout of the data directory::

    DIR/metadata.tsv                     compartment, filename, level, annotators, ...
    DIR/{train,dev}/text/NAME.txt        article text
    DIR/{train,dev}/attributions/NAME_ANNOTATOR.ann

Some articles were annotated by several people. We score one annotation per article: the
first annotator listed for it in metadata.tsv that has a file, else the alphabetically first
file. Gold units are the distinct Source, Cue and Content spans linked by an Attribution
event (a source shared by two attributions counts once). A predicted span matches a gold one
exactly when the offsets are equal, or by overlap when they share a character; each gold span
is matched at most once.

sitrep returns source spans without edge punctuation. PolNeAR's guidelines keep the closing
comma of a parenthetical pair in the source ("Kerry, who lost in 2004, said"), so before
scoring, a predicted source that holds a comma and is directly followed by one is extended
over it (``polnear_source``); nothing else is adapted.

    python -m benchmarks.polnear --dir ../shared/eval/polnear [--split dev] [--limit N] [--json]
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks.files import Reader, data_files
from benchmarks.output import emit

# A span is a tuple of (start, end) fragments: brat allows discontinuous spans.
Fragments = tuple[tuple[int, int], ...]
ROLES = ("source", "cue", "content")


@dataclass(frozen=True)
class GoldAttribution:
    source: Fragments | None
    cue: Fragments
    content: Fragments | None


@dataclass(frozen=True)
class Article:
    name: str
    text: str
    attributions: tuple[GoldAttribution, ...]


def parse_fragments(field: str) -> Fragments:
    """'12 20;25 30' -> ((12, 20), (25, 30))."""
    pieces = []
    for part in field.split(";"):
        start, end = part.split()
        pieces.append((int(start), int(end)))
    return tuple(pieces)


def read_ann(text: str) -> list[GoldAttribution]:
    """Attribution events of one brat .ann file (its text, not its path)."""
    spans: dict[str, tuple[str, Fragments]] = {}
    events: list[dict[str, str]] = []
    for line in text.splitlines():
        if line.startswith("T"):
            parts = line.split("\t")
            if len(parts) < 2:
                continue
            label, _, offsets = parts[1].partition(" ")
            spans[parts[0]] = (label, parse_fragments(offsets))
        elif line.startswith("E"):
            parts = line.split("\t")
            if len(parts) < 2:
                continue
            args = dict(arg.split(":", 1) for arg in parts[1].split())
            events.append(args)
    out = []
    for args in events:
        if "Attribution" not in args or "Cue" not in args:
            continue
        role_spans = {role: spans.get(args.get(role.capitalize(), ""), (None, None))[1]
                      for role in ROLES}
        if role_spans["cue"] is None:
            continue
        out.append(GoldAttribution(role_spans["source"], role_spans["cue"], role_spans["content"]))
    return out


def choose_ann(ann_dir: Path, name: str, annotators: Sequence[str]) -> Path | None:
    """The annotation we score for one article: first annotator in metadata order."""
    for annotator in annotators:
        path = ann_dir / f"{name}_{annotator}.ann"
        if path.exists():
            return path
    found = sorted(ann_dir.glob(f"{name}_*.ann"))
    return found[0] if found else None


def read_metadata(root: Path) -> dict[str, list[str]]:
    """Article name -> annotator ids, in the order metadata.tsv lists them."""
    path = root / "metadata.tsv"
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as fh:
        rows = csv.DictReader(fh, delimiter="\t")
        return {row["filename"]: (row.get("annotators") or "").split("|") for row in rows}


def load_split(root: Path, split: str, limit: int | None = None,
               reader: Reader | None = None) -> list[Article]:
    """Articles of one split ('train', 'dev') or of all splits ('all') under ``root``
    (hidden files left out; ``reader`` keeps the files that cannot be read)."""
    splits = ["train", "dev"] if split == "all" else [split]
    annotators = read_metadata(root)
    reader = reader or Reader()
    articles = []
    for name in splits:
        text_dir = root / name / "text"
        if not text_dir.is_dir():
            raise SystemExit(f"no {text_dir}: pass --dir pointing at the PolNeAR folder")
        for text_path in data_files(text_dir, "*.txt"):
            ann = choose_ann(root / name / "attributions", text_path.stem,
                             annotators.get(text_path.stem, []))
            if ann is None:
                continue
            text = reader.read(text_path)
            relations = reader.read(ann, lambda source: tuple(read_ann(source)))
            if text is None or relations is None:
                continue
            articles.append(Article(text_path.stem, text, relations))
            if limit and len(articles) >= limit:
                return articles
    return articles


def overlaps(a: Fragments, b: Fragments) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def match_counts(gold: Sequence[Fragments], pred: Sequence[Fragments]) -> tuple[int, int]:
    """(exact matches, overlap matches), each gold span used at most once."""
    exact = len(set(gold) & set(pred))
    used: set[int] = set()
    overlap = 0
    # Exact pairs first so a near miss does not steal an exact partner.
    ordered = sorted(pred, key=lambda p: p not in set(gold))
    for p in ordered:
        for i, g in enumerate(gold):
            if i not in used and overlaps(p, g):
                used.add(i)
                overlap += 1
                break
    return exact, overlap


def prf(hits: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = hits / n_pred if n_pred else 0.0
    r = hits / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(p, 4), round(r, 4), round(f, 4)


def distinct(spans: Iterable[Fragments | None]) -> list[Fragments]:
    return sorted({s for s in spans if s})


def score(articles: Sequence[Article], predictions: Sequence[Sequence[dict]]) -> dict:
    """Measures over articles; each prediction is a dict role -> Fragments | None."""
    totals = {role: [0, 0, 0, 0] for role in ROLES}  # gold, pred, exact, overlap
    for article, preds in zip(articles, predictions, strict=True):
        for role in ROLES:
            gold = distinct(getattr(a, role) for a in article.attributions)
            pred = distinct(p.get(role) for p in preds)
            exact, overlap = match_counts(gold, pred)
            t = totals[role]
            t[0] += len(gold)
            t[1] += len(pred)
            t[2] += exact
            t[3] += overlap
    out: dict[str, float | int] = {"n": sum(len(a.attributions) for a in articles),
                                   "articles": len(articles)}
    for role in ROLES:
        n_gold, n_pred, exact, overlap = totals[role]
        kinds = {"exact": exact, "overlap": overlap}
        if role == "cue":
            kinds = {"": overlap, "exact": exact}
        elif role == "content":
            kinds = {"overlap": overlap, "exact": exact}
        for kind, hits in kinds.items():
            p, r, f = prf(hits, n_pred, n_gold)
            suffix = f"_{kind}" if kind else ""
            out[f"{role}_f1{suffix}"] = f
            out[f"{role}_precision{suffix}"] = p
            out[f"{role}_recall{suffix}"] = r
        out[f"{role}_gold"] = n_gold
        out[f"{role}_predicted"] = n_pred
    return out


def as_fragments(span: tuple[int, int] | None) -> Fragments | None:
    return ((span[0], span[1]),) if span else None


def polnear_source(text: str, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """PolNeAR's convention: 'X, spokesman of Y,' keeps the comma closing the pair."""
    if span is None:
        return None
    start, end = span
    if "," in text[start:end] and text[end : end + 1] == ",":
        return (start, end + 1)
    return span


def to_prediction(text: str, attribution) -> dict:
    """One sitrep Attribution as role -> fragments, in PolNeAR's conventions."""
    return {"source": as_fragments(polnear_source(text, attribution.source)),
            "cue": as_fragments(attribution.cue), "content": as_fragments(attribution.content)}


def predict(articles: Sequence[Article], batch_size: int = 16) -> list[list[dict]]:
    """Run sitrep's finder over every article (nlp.pipe, batched)."""
    from sitrep.extraction.attribution import find_attributions
    from sitrep.nlp.pipeline import load

    nlp = load()
    out = []
    texts = (a.text for a in articles)
    for i, doc in enumerate(nlp.pipe(texts, batch_size=batch_size), 1):
        out.append([to_prediction(doc.text, a) for a in find_attributions(doc)])
        if i % 50 == 0:
            print(f"{i}/{len(articles)} articles", file=sys.stderr)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", required=True, type=Path, help="PolNeAR folder")
    parser.add_argument("--split", default="dev", choices=["train", "dev", "all"])
    parser.add_argument("--limit", type=int, default=None, help="score the first N articles")
    parser.add_argument("--json", action="store_true", help="print only the JSON result")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    reader = Reader()
    articles = load_split(args.dir, args.split, args.limit, reader)
    result = score(articles, predict(articles))
    result["seconds"] = round(time.perf_counter() - started, 1)
    result["unreadable"] = reader.unreadable
    emit(result, args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
