"""Shared fixtures: the spaCy pipeline (loaded once per test session) and paths."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
FIXTURES = Path(__file__).parent / "fixtures"
# Third-party evaluation data lives beside the repository, never in it (../shared/eval/).
EVAL = ROOT.parent / "shared" / "eval"


def eval_data(*parts: str) -> Path:
    """A path under ../shared/eval/; the calling test is skipped, saying which data it
    needs, when that path is absent (a fresh clone has no ../shared)."""
    path = EVAL.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs the evaluation data at {path} (absent here; CI has it)")
    return path


@pytest.fixture(scope="session")
def nlp():
    from sitrep.nlp.pipeline import load

    return load()


@pytest.fixture(scope="session")
def extractor(nlp, gazetteer):
    from sitrep.pipeline import Extractor

    return Extractor(nlp, gazetteer=gazetteer)


@pytest.fixture(scope="session")
def example_text() -> str:
    return (EXAMPLES / "naka-2020-09-30.txt").read_text("utf-8")


# Towns of these countries only (countries, subdivisions and reviewed regions are always
# complete): enough for the fixture reports, and a build of seconds instead of half a minute.
GAZETTEER_COUNTRIES = (
    "AZE", "ARM", "UKR", "RUS", "SYR", "SDN", "YEM", "SAU", "MMR", "MLI", "BFA", "NER", "GEO",
    "ETH", "ERI", "SOM", "KEN", "AFG", "IRQ", "IRN", "LBY", "NGA", "COD", "RWA", "BDI", "PSE",
    "ISR", "LBN", "EGY", "GRC", "COL", "IND", "PAK", "SLV", "GTM", "PER", "TUR",
)


def session_gazetteer(tmp_path_factory):
    """The test session's gazetteer, built once into pytest's temporary directory."""
    from sitrep.resolve import gazetteer as gz

    path = tmp_path_factory.getbasetemp() / "sitrep-cache" / gz.FILE_NAME
    if not path.exists():
        gz.build(path, cities_of=GAZETTEER_COUNTRIES)
    return gz.Gazetteer.open(path, build_if_missing=False)


@pytest.fixture(scope="session")
def gazetteer(tmp_path_factory):
    return session_gazetteer(tmp_path_factory)
