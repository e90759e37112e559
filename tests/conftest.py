"""Shared fixtures: the spaCy pipeline (loaded once per test session) and paths."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def nlp():
    from sitrep.nlp.pipeline import load

    return load()


@pytest.fixture(scope="session")
def extractor(nlp):
    from sitrep.pipeline import Extractor

    return Extractor(nlp)


@pytest.fixture(scope="session")
def example_text() -> str:
    path = SHARED / "examples" / "naka-2020-09-30.txt"
    if not path.exists():
        pytest.skip("../shared is not present")
    return path.read_text("utf-8")
