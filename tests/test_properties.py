"""Hostile inputs, generated (issue 8, item 10): ``extract`` on texts mixing real report
sentences with random Unicode, control and bidirectional characters, odd numbers and
dates, in ordinary case or in capitals. Whatever the text, extraction either refuses it
with sitrep's own error (blank text) or returns a report that keeps every promise of
CONTRACT.md (tests/invariants.py), serialises to JSON and renders as a table.

``SITREP_PROPERTY_EXAMPLES`` sets the number of texts (default 2,000; CI runs the
default). Every failure hypothesis finds is kept below as an ``@example`` or as a test in
tests/test_hostile_inputs.py.
"""

from __future__ import annotations

import json
import os
import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from sitrep.errors import EmptyInput, InputError
from sitrep.ingest.text import decode
from sitrep.render import table_text

from .conftest import EXAMPLES, FIXTURES
from .invariants import violations

EXAMPLES_TO_RUN = int(os.environ.get("SITREP_PROPERTY_EXAMPLES", "2000"))


def _sentences() -> list[str]:
    texts = [p.read_text("utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    texts += [p.read_text("utf-8") for p in sorted((FIXTURES / "reports").glob("*.txt"))]
    out = []
    for text in texts:
        out += [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n\s*\n", text) if s.strip()]
    return out


SENTENCES = _sentences()
CONTROL = [chr(c) for c in (*range(0, 32), 0x7F, 0x85)]
BIDI_AND_INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202a", "\u202b",
                      "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069",
                      "\ufeff", "\u00ad", "\u2028", "\u2029", "\u0301", "\u0130"]
WORDS = ["killed", "wounded", "soldiers", "civilians", "tanks", "destroyed", "the army said",
         "according to the ministry", "since the outbreak of the war", "between", "and",
         "to", "more than", "about", "at least", "on the 29th", "the fourth day", "on Monday",
         "July 27", "in 1988-04", "since 2022", "last year", "the same day", "Armenia",
         "Azerbaijan", "Russian", "Ukraine", "Hamas", "the Asian side", "Naka", "Kyiv",
         "(Reuters) -", "--", "BAKU, Sept 30 (Reuters) -", "of whom", "dozens of", "—"]


def _number() -> st.SearchStrategy[str]:
    return st.one_of(
        st.integers(min_value=0, max_value=10**25).map(str),
        st.integers(min_value=0, max_value=10**7).map(lambda n: f"{n:,}"),
        st.decimals(min_value=0, max_value=10**6, places=3, allow_nan=False,
                    allow_infinity=False).map(str),
        st.tuples(st.integers(0, 5000), st.integers(0, 5000)).map(
            lambda p: f"{p[0]} to {p[1]}"),
        st.sampled_from(["10^100", "10 ^ 100", "1e9", "-5", "3.5", "0", "½", "٣", "2618 to "
                         "146.54", "between 30 and 20", "twenty-five", "one hundred and"]),
    )


PIECE = st.one_of(
    st.sampled_from(SENTENCES),
    st.sampled_from(SENTENCES),
    st.sampled_from(WORDS),
    _number(),
    st.text(max_size=40),
    st.text(alphabet=st.sampled_from(CONTROL + BIDI_AND_INVISIBLE), max_size=5),
    st.sampled_from([" ", "\n", "\n\n", ". ", ", ", "\r\n", "\t"]),
)
TEXT = st.lists(PIECE, min_size=1, max_size=14).map(" ".join)
PUBLISHED = st.one_of(st.none(), st.sampled_from(
    ["2020-09-30", "2024-02-29", "1000-01-01", "2999-12-31", "1988-04-30"]))


@settings(max_examples=EXAMPLES_TO_RUN, deadline=None, derandomize=False,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                 HealthCheck.function_scoped_fixture])
@given(text=TEXT, published=PUBLISHED, shout=st.booleans())
@example(text="x" * 9000 + " Armenia \x00 said 12 soldiers were killed.",
         published="2020-09-30", shout=False)
@example(text="Ten infants have died in California since the beginning of this year.",
         published="2022-05-03", shout=False)
@example(text="Five soldiers were killed yesterday; the previous year 7 died.",
         published="2999-12-31", shout=False)
@example(text="İSTANBUL -- 12 SOLDIERS WERE KILLED IN CLASHES, THE ARMY SAID.",
         published=None, shout=False)
@example(text="[/b] The army said [bold]12[/] soldiers were killed.", published=None,
         shout=False)
def test_any_text_keeps_the_contract(extractor, text, published, shout):
    if shout:
        text = text.upper()
    try:
        report = extractor.extract(text, published)
    except EmptyInput:
        assert not text.strip()
        return
    data = report.to_dict()
    assert violations(data, text) == []
    json.dumps(data, ensure_ascii=False).encode("utf-8")
    table_text(report)


@settings(max_examples=EXAMPLES_TO_RUN, deadline=None)
@given(data=st.one_of(
    st.binary(max_size=300),
    st.text(max_size=200).map(lambda t: t.encode("utf-8")),
    st.text(max_size=200).map(lambda t: t.encode("utf-16")),
    st.text(max_size=200).map(lambda t: t.encode("latin-1", "replace")),
))
def test_any_bytes_are_read_or_refused_with_a_reason(data):
    try:
        raw = decode(data, "generated")
    except InputError as exc:
        assert str(exc).startswith("E1") and "\n" not in str(exc)
        return
    assert raw.text.strip() and raw.encoding in ("utf-8", "utf-8-sig", "utf-16", "latin-1")
