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

NEAR = 3  # sentences either side of a claim or a violent event whose sources count
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


def split(text: str, tokenizer, ends: Iterable[int] = ()) -> list[Sentence]:
    """Sentences of ``text`` with character offsets, paragraph by paragraph; ``ends`` are
    offsets where a paragraph ends whatever the punctuation (after a title or a dateline)."""
    sentences: list[Sentence] = []
    for number, (p_start, p_end) in enumerate(_paragraphs(text, ends)):
        doc = _sentencizer()(tokenizer(text[p_start:p_end]))
        for sent in doc.sents:
            start = p_start + sent.start_char
            end = p_start + sent.end_char
            if text[start:end].strip():
                sentences.append(Sentence(start, end, text[start:end], number))
    return sentences


def _paragraphs(text: str, ends: Iterable[int] = ()) -> Iterable[tuple[int, int]]:
    start = 0
    forced = [(e, e) for e in ends if 0 < e < len(text)]
    for match in sorted(set(_breaks(text) + forced)):
        if text[start:match[0]].strip():
            yield _trim(text, start, match[0])
        start = match[1]
    if text[start:].strip():
        yield _trim(text, start, len(text))


_LINE_END = re.compile(r"\n[ \t]*(?=\S)")
_CLOSED = re.compile(r"[.!?:;\"”’»)]\s*$")
SHORT_LINE = 0.6  # of the median line: a headline or a dateline, not a wrapped line


def _breaks(text: str) -> list[tuple[int, int]]:
    """Where paragraphs end: at a blank line, and at a single line break after a closed
    sentence or after a line much shorter than the text's lines (a title), unless the
    next line goes on in lower case. Hard-wrapped text keeps its lines together."""
    breaks = [m.span() for m in _PARAGRAPH.finditer(text)]
    lines = [len(line) for line in text.split("\n") if line.strip()]
    if len(lines) < 2:
        return breaks
    median = sorted(lines)[len(lines) // 2]
    line_start = 0
    for m in _LINE_END.finditer(text):
        line = text[line_start:m.start()]
        line_start = m.end()
        if any(s <= m.start() < e for s, e in breaks) or not line.strip():
            continue
        if text[m.end()].islower():
            continue
        if _CLOSED.search(line) or len(line.strip()) < SHORT_LINE * median:
            breaks.append(m.span())
    return sorted(breaks)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


_GOES_ON = re.compile(r"\s*the\s+(?:rest|remaining|other)\b", re.IGNORECASE)


def _words_pattern(words: Iterable[str], flags: int = re.IGNORECASE) -> re.Pattern:
    """Word beginnings: "kill" finds "killed"; a final consonant + "y" also finds "-ied"
    ("rally" finds "rallied")."""
    alternatives = sorted({w.lower() for w in words if w}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(_stem(w) for w in alternatives) + r")", flags)


def _stem(word: str) -> str:
    if len(word) > 3 and word.endswith("y") and word[-2] not in "aeiou":
        return re.escape(word[:-1]) + "(?:y|i)"
    return re.escape(word)


class Selector:
    """Decides from words alone which sentences are worth the parser.

    A sentence can hold a claim when it has a number-like word and a loss word ("12 ...
    killed"), and an event when it has a violence word ("shelling", "clashes"). Sentences
    that only report or talk ("said", "called on", "accused") matter for who says what and
    for statements, so they are parsed only near such sentences: a political story with
    poll numbers costs almost no model time.
    """

    def __init__(self, numbers: Iterable[str], losses: Iterable[str],
                 violence: Iterable[str], talk: Iterable[str], things: Iterable[str] = (),
                 loose: Iterable[str] = (), armed: Iterable[str] = (),
                 lower_only: Iterable[str] = ()):
        # "a tank was destroyed": an article counts only before a counted thing
        things = sorted({w.lower() for w in things if w}, key=len, reverse=True)
        article = r"\b(?:a|an|one)\s+(?:[\w-]+\s+){0,3}?(?:" + "|".join(
            r"[\s-]+".join(map(re.escape, w.split())) for w in things) + r")(?:e?s)?\b" \
            if things else r"(?!)"
        # "both victims", "the officer and her daughter": people counted without a number
        joined = r"\bboth\b|\band\s+(?:his|her|their)\s"
        self._number = re.compile(r"\d|" + _words_pattern(numbers).pattern + "|" + article
                                  + "|" + joined, re.IGNORECASE)
        self._loss = _words_pattern(losses)
        self._violence = _words_pattern(violence)
        # "marched", never "March": cue words that name a month, in lower case only
        self._lower_violence = _words_pattern(lower_only, flags=0) if lower_only else None
        self._talk = _words_pattern(talk)
        # "attack", "fight" are violence only beside an armed party ("militants attacked")
        self._loose = _words_pattern(loose) if loose else None
        self._armed = _words_pattern(armed) if armed else None

    def core(self, sentence: str) -> bool:
        """Can it hold a claim or a violent event?"""
        return bool(self._violence.search(sentence)) or (
            self._lower_violence is not None and bool(self._lower_violence.search(sentence))) or (
            bool(self._number.search(sentence)) and bool(self._loss.search(sentence))) or (
            self._loose is not None and self._armed is not None
            and bool(self._loose.search(sentence)) and bool(self._armed.search(sentence)))

    def core_indices(self, sentences: list[str], armed: Iterable[int] = ()) -> list[int]:
        """Sentences that can hold a claim or a violent event; ``armed`` are those that name
        an armed actor ("Al Shabaab took control"), where an everyday cue word counts."""
        armed = set(armed)
        return [i for i, s in enumerate(sentences) if self.core(s) or i in armed
                and self._loose is not None and self._loose.search(s)]

    def goes_on(self, sentence: str) -> bool:
        """Does it go on counting the sentence before ("The rest ten were militants")?"""
        return bool(_GOES_ON.match(sentence))

    def talks(self, sentence: str) -> bool:
        """Does it report or talk ("said", "agreed", "called on")?"""
        return bool(self._talk.search(sentence))

    def talk_indices(self, sentences: list[str], core: list[int], *, everywhere: bool
                     ) -> list[int]:
        """Sentences that report or talk: all of them in a conflict report, else only
        those near the core sentences (their sources)."""
        near = set(range(len(sentences))) if everywhere else {
            j for i in core for j in range(i - NEAR, i + NEAR + 1)}
        return [i for i, s in enumerate(sentences) if i in near and self._talk.search(s)]
