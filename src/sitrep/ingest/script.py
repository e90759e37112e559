"""Text in a script sitrep does not read.

sitrep reads English. A report in Russian, Arabic or Chinese, or an English report that
quotes whole passages in them, would otherwise give no claims and no reason: the
``language`` flag says which script and where (CONTRACT.md, flag kinds added 2026-12).

A passage is a run of words in one non-Latin script ("Армия заявила, что ...") of at
least ``MIN_LETTERS`` letters; a stray name or symbol is no passage.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from ..records import Flag, Span

MIN_LETTERS = 12  # letters in a passage: "Київ" in an English report is a name, not text
MAX_EVIDENCE = 50  # passages quoted in the flag; the message counts them all

# A letter outside the Latin script (\w minus digits, underscore and Latin letters)
_FOREIGN = r"[^\W\d_A-Za-z\u00C0-\u024F\u1E00-\u1EFF\u0300-\u036F\u02B0-\u02FF]"
# words of it, with spaces, punctuation and numbers between them, on one line
_PASSAGE = re.compile(rf"{_FOREIGN}+(?:(?:[^\w\n]|\d){{1,8}}{_FOREIGN}+)*")
_NAMES = {"CJK": "Chinese", "HIRAGANA": "Japanese", "KATAKANA": "Japanese",
          "HANGUL": "Korean"}


def language_flag(text: str) -> Flag | None:
    """A ``language`` flag naming the scripts of the passages sitrep cannot read."""
    passages = [m for m in _PASSAGE.finditer(text) if _letters(m.group()) >= MIN_LETTERS]
    if not passages:
        return None
    scripts = Counter()
    for m in passages:
        scripts[_script(m.group())] += _letters(m.group())
    foreign = sum(scripts.values())
    share = foreign / max(1, _letters(text))
    names = " and ".join(_NAMES.get(s, s.title()) for s, _n in scripts.most_common(2))
    whole = "the report is written" if share > 0.5 else f"{len(passages)} passage(s) are"
    return Flag(
        "language",
        f"{whole} in {names} script ({share:.0%} of its letters): sitrep reads English only, "
        "so no claims or events are read there",
        tuple(Span.of(text, m.start(), m.end()) for m in passages[:MAX_EVIDENCE]))


def _letters(text: str) -> int:
    return sum(1 for ch in text if ch.isalpha())


def _script(passage: str) -> str:
    """The script of a passage, as Unicode names it: "CYRILLIC", "ARABIC", "CJK"."""
    for ch in passage:
        if ch.isalpha():
            return unicodedata.name(ch, "UNKNOWN").split()[0]
    return "UNKNOWN"
