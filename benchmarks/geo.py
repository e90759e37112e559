"""Score sitrep's toponym recognition and resolution on geoparsing corpora.

Usage::

    python -m benchmarks.geo --corpus ../shared/eval/geo/TR-News.xml [--json] [--limit N]
                             [--split all|tune|check] [--gazetteer PATH]
                             [--demonyms | --no-demonyms] [--errors FILE]

Formats (detected from the XML): TR-News / LGL (``<article><text>`` with ``<toponyms>``:
``<phrase> <start> <end> <gaztag geonameid=...><lat><lon>``) and GeoVirus
(``<article><text>`` with ``<locations>``: ``<name> <start> <end> <lat> <lon>``).

Measures (fractions 0..1):

- ``resolution``: the gold toponym spans are given (``resolve_mentions``); ``acc161`` is the
  share of gold toponyms with coordinates resolved within 161 km (100 miles) of the gold
  point, ``exact_id`` the share resolved to the gold GeoNames id (TR-News/LGL only, else
  null), ``median_km`` / ``mean_km`` the error distance (unresolved toponyms count as
  20,039 km, half the Earth's circumference, as in Gritta et al. 2018), ``n`` how many.
  ``acc161_same_id`` also counts as right a record with the gold GeoNames id whatever its
  coordinates (country centres differ between sources: GeoNames puts Canada at 60.1 N
  113.6 W, the CIA Factbook centre sitrep uses at 60 N 95 W).
- ``end_to_end``: recognition by ``find_places`` on the spaCy pipeline; a prediction is
  right when it overlaps a gold toponym (one prediction per gold toponym). ``precision``,
  ``recall``, ``f1``; ``acc161`` over the matched pairs with gold coordinates; ``n`` gold
  toponyms. TR-News annotates demonyms ("Turkish") as toponyms, so they are predicted for
  that format unless ``--no-demonyms``.

``--split tune`` keeps articles 1, 2, 4, 5, ...; ``--split check`` every third article (3, 6,
9, ...), held back from tuning (as ``benchmarks.acled``).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from benchmarks.files import Reader, data_files
from sitrep.resolve.gazetteer import Gazetteer
from sitrep.resolve.places import find_places, haversine_km, resolve_mentions

ACC_KM = 161.0
MISS_KM = 20039.0


@dataclass(frozen=True)
class Toponym:
    start: int
    end: int
    text: str
    lat: float | None
    lon: float | None
    geonameid: int | None


@dataclass(frozen=True)
class Article:
    id: str
    text: str
    toponyms: tuple[Toponym, ...]


def _float(text: str | None) -> float | None:
    try:
        return float(text) if text not in (None, "") else None
    except ValueError:
        return None


def _align(text: str, start: int, end: int, phrase: str) -> tuple[int, int]:
    """Gold offsets as indices into ``text``: GeoVirus counts from 1 and TR-News drifts
    where the source had carriage returns, so the phrase is looked for nearby."""
    if not phrase or text[start:end] == phrase:
        return start, end
    window = 40
    lo = max(0, start - window)
    found = [i for i in range(lo, min(len(text), end + window))
             if text.startswith(phrase, i)]
    if not found:
        return start, end
    best = min(found, key=lambda i: abs(i - start))
    return best, best + len(phrase)


def read_corpus(path: Path) -> tuple[str, list[Article]]:
    """Articles of a TR-News/LGL or GeoVirus XML file, and the format's name."""
    return parse_corpus(ET.parse(path).getroot())


def read_corpora(path: Path, reader: Reader) -> tuple[str, list[Article]]:
    """Articles of one corpus file, or of every ``.xml`` file in a folder (hidden files
    left out; files that cannot be read or parsed noted in ``reader``)."""
    parsed = reader.read_all(data_files(path, "*.xml"),
                             lambda text: parse_corpus(ET.fromstring(text)))
    fmt = parsed[0][0] if parsed else "unknown"
    return fmt, [a for _fmt, articles in parsed for a in articles]


def parse_corpus(root: ET.Element) -> tuple[str, list[Article]]:
    articles = []
    fmt = "geovirus"
    for i, node in enumerate(root.iter("article")):
        text = node.findtext("text") or ""
        toponyms = []
        for t in node.iter("toponym"):
            fmt = "trnews"
            tag = t.find("gaztag")
            gid = tag.get("geonameid") if tag is not None else None
            phrase = t.findtext("phrase") or ""
            start, end = _align(text, int(t.findtext("start")), int(t.findtext("end")), phrase)
            toponyms.append(Toponym(
                start, end, phrase,
                _float(tag.findtext("lat")) if tag is not None else None,
                _float(tag.findtext("lon")) if tag is not None else None,
                int(gid) if gid and gid.isdigit() else None,
            ))
        for t in node.iter("location"):
            name = t.findtext("name") or ""
            start, end = _align(text, int(t.findtext("start")), int(t.findtext("end")), name)
            toponyms.append(Toponym(
                start, end, name,
                _float(t.findtext("lat")), _float(t.findtext("lon")), None,
            ))
        articles.append(Article(node.get("docid") or str(i), text, tuple(toponyms)))
    return fmt, articles


def split_articles(articles: list[Article], split: str) -> list[Article]:
    """``tune``: all but every third article; ``check``: every third (3, 6, 9, ...)."""
    if split == "all":
        return articles
    return [a for i, a in enumerate(articles, 1) if (i % 3 == 0) == (split == "check")]


def _error_km(t: Toponym, place) -> float:
    if place is None or place.lat is None or t.lat is None or t.lon is None:
        return MISS_KM
    return haversine_km(t.lat, t.lon, place.lat, place.lon)


def score_resolution(articles: list[Article], gazetteer: Gazetteer,
                     errors: list[str]) -> dict:
    distances: list[float] = []
    same_id = exact = with_id = 0
    for art in articles:
        gold = [t for t in art.toponyms if t.lat is not None]
        mentions = resolve_mentions(art.text, [(t.start, t.end) for t in gold], gazetteer)
        by_span = {(m.start, m.end): m for m in mentions}
        for t in gold:
            place = by_span[(t.start, t.end)].place
            km = _error_km(t, place)
            distances.append(km)
            hit_id = t.geonameid is not None and place is not None \
                and place.geonameid == t.geonameid
            if t.geonameid is not None:
                with_id += 1
                exact += hit_id
            same_id += km <= ACC_KM or hit_id
            if km > ACC_KM:
                errors.append(f"{art.id}\t{t.text}\t{km:.0f} km\t"
                              f"{place.name if place else None}\t{place and place.country}")
    n = len(distances)
    return {
        "acc161": _ratio(sum(d <= ACC_KM for d in distances), n),
        "acc161_same_id": _ratio(same_id, n),
        "exact_id": _ratio(exact, with_id) if with_id else None,
        "median_km": round(statistics.median(distances), 1) if distances else None,
        "mean_km": round(statistics.fmean(distances), 1) if distances else None,
        "n": n,
    }


def score_end_to_end(articles: list[Article], gazetteer: Gazetteer, *,
                     demonyms: bool) -> dict:
    from sitrep.nlp.pipeline import load

    nlp = load()
    tp = predicted = gold_total = 0
    distances: list[float] = []
    for art in articles:
        doc = nlp(art.text)
        mentions = [m for m in find_places(doc, gazetteer, demonyms=demonyms)
                    if m.place is not None]
        predicted += len(mentions)
        gold_total += len(art.toponyms)
        unmatched = list(art.toponyms)
        for m in mentions:
            hit = next((t for t in unmatched if t.start < m.end and m.start < t.end), None)
            if hit is None:
                continue
            unmatched.remove(hit)
            tp += 1
            if hit.lat is not None:
                distances.append(_error_km(hit, m.place))
    precision = _ratio(tp, predicted)
    recall = _ratio(tp, gold_total)
    f1 = round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1,
            "acc161": _ratio(sum(d <= ACC_KM for d in distances), len(distances)),
            "n": gold_total, "predicted": predicted, "matched": tp}


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True,
                        help="a corpus XML file, or a folder of them")
    parser.add_argument("--json", action="store_true", help="print only the JSON result")
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    parser.add_argument("--split", choices=("all", "tune", "check"), default="all",
                        help="tune: all but every third article; check: every third")
    parser.add_argument("--gazetteer", type=Path, default=None, help="gazetteer file")
    parser.add_argument("--demonyms", action=argparse.BooleanOptionalAction, default=None,
                        help="predict demonyms as toponyms (default: on for TR-News/LGL)")
    parser.add_argument("--no-end-to-end", dest="end_to_end", action="store_false",
                        help="score resolution only (no spaCy run)")
    parser.add_argument("--errors", type=Path, default=None,
                        help="write resolution errors (> 161 km) to this TSV file")
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        parser.error(f"no such corpus file: {args.corpus}")

    started = time.perf_counter()
    reader = Reader()
    fmt, articles = read_corpora(args.corpus, reader)
    if not articles:
        print(f"{args.corpus}: no readable articles", file=sys.stderr)
        return 2
    articles = split_articles(articles, args.split)
    articles = articles[: args.limit] if args.limit else articles
    gazetteer = Gazetteer.open(args.gazetteer)
    print(f"{args.corpus.name}: {len(articles)} articles ({fmt})", file=sys.stderr)
    errors: list[str] = []
    result: dict = {"corpus": args.corpus.name, "format": fmt, "split": args.split,
                    "articles": len(articles),
                    "resolution": score_resolution(articles, gazetteer, errors)}
    if args.end_to_end:
        demonyms = fmt == "trnews" if args.demonyms is None else args.demonyms
        result["end_to_end"] = score_end_to_end(articles, gazetteer, demonyms=demonyms)
        result["end_to_end"]["demonyms"] = demonyms
    result["seconds"] = round(time.perf_counter() - started, 1)
    result["unreadable"] = reader.unreadable
    if args.errors:
        args.errors.write_text("\n".join(errors) + "\n", encoding="utf-8")
    if args.json:
        print(json.dumps(result))
    else:
        print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
