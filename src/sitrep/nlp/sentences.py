"""Split a report into sentences cheaply, and pick the ones worth the model's time.

Splitting uses the tokenizer and spaCy's rule-based sentencizer (no model), within
paragraphs, so a title line without a full stop stays its own sentence. Only sentences
that hold a figure, a loss word, an event word or a reporting word go through the
tagger and parser.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

_PARAGRAPH = re.compile(r"\n[ \t]*\n\s*")


@dataclass(frozen=True)
class Sentence:
    start: int  # character offsets into the report text
    end: int
    text: str
    paragraph: int


@functools.lru_cache(maxsize=1)
def _sentencizer():
    from spacy.pipeline import Sentencizer

    return Sentencizer()


def split(text: str, tokenizer) -> list[Sentence]:
    """Sentences of ``text`` with character offsets, paragraph by paragraph."""
    sentences: list[Sentence] = []
    for number, (p_start, p_end) in enumerate(_paragraphs(text)):
        doc = _sentencizer()(tokenizer(text[p_start:p_end]))
        for sent in doc.sents:
            start = p_start + sent.start_char
            end = p_start + sent.end_char
            if text[start:end].strip():
                sentences.append(Sentence(start, end, text[start:end], number))
    return sentences


def _paragraphs(text: str) -> Iterable[tuple[int, int]]:
    start = 0
    for match in _PARAGRAPH.finditer(text):
        if text[start:match.start()].strip():
            yield _trim(text, start, match.start())
        start = match.end()
    if text[start:].strip():
        yield _trim(text, start, len(text))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


class Selector:
    """Decides from words alone whether a sentence can hold a claim, event or attribution."""

    def __init__(self, words: Iterable[str]):
        alternatives = sorted({w.lower() for w in words if w}, key=len, reverse=True)
        self._pattern = re.compile(
            r"\d|\b(?:" + "|".join(re.escape(w) for w in alternatives) + r")", re.IGNORECASE
        )

    def wanted(self, sentence: str) -> bool:
        return self._pattern.search(sentence) is not None
