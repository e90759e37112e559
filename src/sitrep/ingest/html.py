"""HTML pages: the main text, title and date as trafilatura finds them (offline: the page
is given as bytes; nothing is fetched). The title becomes the text's first line, followed
by a blank line, so that the report reader takes it as the title."""

from __future__ import annotations

from .incoming import Incoming, Unreadable


def read_html(data: bytes, origin: str, published: str | None = None) -> Incoming | Unreadable:
    import trafilatura

    found = trafilatura.bare_extraction(data, with_metadata=True, include_comments=False,
                                        include_tables=False)
    body = (getattr(found, "text", None) or "").strip()
    if not body:
        return Unreadable(origin, "no article text found in the HTML page")
    title = (getattr(found, "title", None) or "").strip() or None
    return Incoming(with_title(title, body), origin,
                    getattr(found, "date", None) or published,
                    getattr(found, "sitename", None), getattr(found, "url", None), title,
                    getattr(found, "language", None))


def with_title(title: str | None, body: str) -> str:
    """The title as a first line of its own, then a blank line, then the body."""
    if not title:
        return body
    first, _sep, rest = body.partition("\n")
    if first.strip() == title:
        body = rest.lstrip("\n")
    return f"{title}\n\n{body}"
