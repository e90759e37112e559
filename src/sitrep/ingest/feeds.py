"""RSS and Atom feeds (feedparser): each entry is a document, its title and content (or
summary) as text, its link as URL and its date as the published date. Entry HTML becomes
plain text, one line per block element."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from .html import with_title
from .incoming import Incoming, Unreadable

_BLOCKS = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
                     "tr", "section", "article"})


def read_feed(data: bytes, origin: str,
              published: str | None = None) -> Iterator[Incoming | Unreadable]:
    import feedparser

    feed = feedparser.parse(data)
    if not feed.get("version"):
        yield Unreadable(origin, "not an RSS or Atom feed")
        return
    source = feed.feed.get("title")
    language = feed.feed.get("language")
    for number, entry in enumerate(feed.entries, 1):
        where = f"{origin}#{entry.get('id') or entry.get('link') or number}"
        body = _plain(_content(entry))
        title = (entry.get("title") or "").strip() or None
        if not body and not title:
            yield Unreadable(where, "the feed entry has no title and no text")
            continue
        yield Incoming(with_title(title, body) if body else title, where,
                       _date(entry) or published, source, entry.get("link"), title, language)


def _content(entry) -> str:
    for part in entry.get("content") or ():
        if part.get("value"):
            return part["value"]
    return entry.get("summary") or ""


def _date(entry) -> str | None:
    for key in ("published_parsed", "updated_parsed"):
        when = entry.get(key)
        if when:
            return dt.date(when.tm_year, when.tm_mon, when.tm_mday).isoformat()
    return None


def _plain(html: str) -> str:
    """Text of an HTML fragment; a block element ends its line."""
    if "<" not in html:
        return html.strip()
    import lxml.html

    root = lxml.html.fragment_fromstring(html, create_parent="div")
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag in _BLOCKS:
            element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line).strip()
