"""The head of a wire report: its title line and its dateline.

A dateline opens the body and says where (and often when, and through which agency) the
report was filed. The wires write it in many shapes; each shape here is one pattern:

    KYIV, Jan 9 (Reuters) -                      MOSCOW, August 2. /TASS/.
    STEPANAKERT, SEPTEMBER 30, ARMENPRESS.       YEREVAN. April 4 (Interfax) -
    ISLAMABAD, Pakistan, May 3 (APP):            Baku, September 28, AZERTAC
    ANKARA (UrduPoint News / Sputnik - 12th March, 2021) -
    SAN JOSE (COSTA RICA), 12 SEP 89 (AFP) -- [TEXT]
    NORTH WAZIRISTAN: ...      Tripoli: ...      Sanaa - Saba: ...
    Xinhua news agency, Baghdad, January 27 (reporter Zhang Miao) -
    Beijing's September 30 comprehensive report: ...

A title is the report's first line when it is a line, not a paragraph: short, not ending a
sentence, and followed by more text. No NLP here; a title-case place before a bare colon
("Tripoli: ...") is accepted only when the caller's ``is_place`` knows it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

_MONTH = (r"(?i:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|"
          r"Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
DATE = (rf"(?:{_DAY}\s+{_MONTH}|{_MONTH}\s+{_DAY})(?:,?\s+(?:\d{{4}}|\d{{2}})(?!\d))?")
_WORD = r"[A-Z][\w'’.-]*"
_PARTICLE = r"(?:al|el|de|del|es|ez|la|le|du|da|do|of)"
PLACE = rf"{_WORD}(?:[ /](?:{_PARTICLE}[ -])?{_WORD}){{0,3}}"
_CAPS_AGENCY = r"[A-Z][A-Z.&-]{2,}(?:\s[A-Z][A-Z.&-]+){0,2}"
_END = r"(?:--|[-–—](?=\s)|:(?=\s)|\.(?=\s)|\s*$)"

# the old shapes, kept first: they carry an agency or a date and are unambiguous
_WIRE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z .'’-]{1,40}?)(?:,\s*(?P<rest>[^\n]{0,80}?))?\s*"
    r"(?:\((?P<agency>[^)]{1,60})\))?\s*(?:--|—|–|-)\s+"
)
_AGENCY = re.compile(
    r"^\s*(?P<place>[A-Z][\w.'’-]+(?:[ /][A-Z][\w.'’-]+){0,3})(?:,\s*(?P<rest>[^\n(]{0,40}?))?"
    r"\s*\((?P<agency>[^)]{1,60})\)\s*(?:--|—|–|-)\s+"
)
_DATED = re.compile(
    r"^\s*(?P<place>[A-Z][\w.'’-]+(?:[ /][A-Z][\w.'’-]+){0,3}(?:\s\([A-Z][\w ]{1,30}\))?),"
    r"\s*(?P<rest>\d{1,2}\s+[A-Z][a-z]{2,8}\.?(?:\s+\d{2,4})?|[A-Z][a-z]{2,8}\.?\s+\d{1,2}"
    r"(?:,?\s+\d{4})?)\s*(?:--|—|–|-)\s+"
)
_COLON = re.compile(
    r"^\s*(?P<place>[A-Z][\w .'-]{1,40}?)['’]s\s+(?P<rest>[^:\n]{1,80}?)\s*(?:report|news|"
    r"dispatch|bulletin|comprehensive report)\s*[:：]"
)
_PLACE_AGENCY = re.compile(
    r"^\s*(?P<place>[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)\s*(?:-|–|—)\s*"
    r"(?P<agency>[A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+){0,2})\s*[:：]\s"
)
_AGENCY_REPORT = re.compile(
    r"^\s*(?P<agency>[A-Z][\w .'-]{1,40}?),\s*(?P<place>[A-Z][\w/ .'’-]{1,40}?),\s*"
    r"(?P<rest>[^:\n]{1,40}?)\s*(?:[Cc]omprehensive\s+)?(?:[Rr]eport|[Nn]ews)\s*[:：]"
)
_OLD = (_COLON, _AGENCY_REPORT, _WIRE, _AGENCY, _DATED, _PLACE_AGENCY)

# the general shape: place [, region] [, date] [(agency)] [, AGENCY | /AGENCY/] end
_GENERAL = re.compile(
    rf"^[ \t]*(?:(?P<lead>[A-Z][\w.]*(?:\s[Nn]ews)?\s[Aa]gency),\s*)?"
    rf"(?P<place>{PLACE})"
    rf"(?:\s\((?P<country>[A-Z][\w ]{{1,30}})\)(?=,))?"
    rf"(?:\s*,\s*(?P<region>(?!{DATE}){_WORD}(?:\s{_WORD}){{0,2}}))?"
    rf"(?:\s*[,.]?\s*(?P<date>{DATE}))?"
    rf"(?:\s*\((?P<paren>[^)\n]{{1,80}})\))?"
    rf"(?:\s*[,.]?\s*(?P<agency>/[A-Za-z-]{{2,20}}/|{_CAPS_AGENCY}(?=\W*$|[.:]\s|\s[-–—])))?"
    rf"\s*(?P<end>{_END})"
)
# "PanARMENIAN.Net - ...": an agency alone opens the body
_AGENCY_ONLY = re.compile(r"^[ \t]*(?P<agency>[A-Z][\w-]*\.(?:[Nn]et|com|am|az|ru|ua|ge|info)|"
                          r"[A-Z]{3,})\s+[-–—]\s+(?=[A-Z])")
# "Trend:" alone on the line after a dateline: the agency carrying it
_AGENCY_LINE = re.compile(r"[ \t]*[A-Z][\w.-]*(?:\s[A-Z][\w.-]*)?:[ \t]*$")
_SENTENCE_END = re.compile(r"[.!?][\"'”’»)]*\s*$")
TITLE_MAX = 200
_HEAD_LINES = 4


@dataclass(frozen=True)
class HeadMatch:
    """A dateline found at ``start``..``end`` (document offsets)."""

    start: int
    end: int
    place: str | None
    agency: str | None


@dataclass(frozen=True)
class Head:
    title: str | None
    body_start: int
    dateline: HeadMatch | None


def find_head(text: str, is_place: Callable[[str], bool] | None = None) -> Head:
    """The title line and the dateline of ``text``."""
    lines = _lines(text)
    for k, (start, line) in enumerate(lines[:_HEAD_LINES]):
        found = _dateline(line, start, is_place, first=k == 0)
        if found is None:
            continue
        found = _with_agency_line(text, found)
        title = lines[0][1].strip() if k > 0 and _title_like(lines[0][1]) else None
        return Head(title, start, found)
    if lines and len(lines) > 1 and _title_like(lines[0][1]):
        return Head(lines[0][1].strip(), lines[1][0], None)
    return Head(None, lines[0][0] if lines else 0, None)


def _lines(text: str) -> list[tuple[int, str]]:
    out, offset = [], 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            out.append((offset, line.rstrip("\r\n")))
        offset += len(line)
        if len(out) > _HEAD_LINES + 1:
            break
    return out


def _title_like(line: str) -> bool:
    stripped = line.strip()
    return 0 < len(stripped) <= TITLE_MAX and not _SENTENCE_END.search(stripped)


def _dateline(line: str, start: int, is_place, first: bool) -> HeadMatch | None:
    for pattern in _OLD:
        m = pattern.match(line)
        if m:
            return HeadMatch(start + m.start(), start + m.end(), _clean(m.group("place")),
                             m.groupdict().get("agency"))
    m = _GENERAL.match(line)
    if m and _accept(m, line, is_place, first):
        agency = (m.group("agency") or m.group("paren") or m.group("lead") or "").strip("/")
        return HeadMatch(start + m.start(), start + m.end(), _clean(m.group("place")),
                         agency or None)
    m = _AGENCY_ONLY.match(line)
    if m and (not first or len(line) > TITLE_MAX):
        return HeadMatch(start + m.start(), start + m.end(), None, m.group("agency"))
    return None


def _accept(m: re.Match, line: str, is_place, first: bool) -> bool:
    """A place alone before a colon or dash could open any sentence ("Media: 95 killed"):
    it must be in capitals, or be a known place opening a paragraph, not a headline."""
    place, end = m.group("place"), m.group("end").strip()
    if len(place.split()) > 4:
        return False
    if m.group("date") or m.group("paren") or m.group("agency"):
        return bool(end) or not line[m.end():].strip()
    rest = line[m.end():]
    if not end or end == ".":
        return False
    if _caps(place):
        return True
    headline = first and len(rest) < 100 and ". " not in rest
    return not headline and is_place is not None and is_place(place)


def _caps(place: str) -> bool:
    letters = [c for c in place if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def _with_agency_line(text: str, found: HeadMatch) -> HeadMatch:
    """"BAKU, Azerbaijan, Oct. 11 / Trend:": the agency's line belongs to the dateline."""
    if text[found.start:found.end].strip() and text[found.end:found.end + 1] not in ("\n", ""):
        return found
    rest = text[found.end:]
    skipped = len(rest) - len(rest.lstrip("\r\n \t"))
    line_end = rest.find("\n", skipped)
    line = rest[skipped:line_end if line_end >= 0 else len(rest)]
    if _AGENCY_LINE.fullmatch(line):
        return HeadMatch(found.start, found.end + skipped + len(line), found.place,
                         found.agency or line.strip().rstrip(":"))
    return found


def _clean(place: str | None) -> str | None:
    return place.strip().rstrip(",. ") if place else None
