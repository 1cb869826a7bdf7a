"""RSS 2.0 / Atom feeds -> the entries to fetch as articles, newest first.

The bytes are screened with defusedxml before feedparser sees them: a feed that declares entities (the
"billion laughs" expansion bomb) or references external ones (XXE) is refused without expanding anything.
"""

from __future__ import annotations

import calendar
import hashlib
from collections.abc import Container
from dataclasses import dataclass
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from html import escape
from typing import TYPE_CHECKING
from urllib.parse import quote, urldefrag, urljoin, urlsplit
from xml.etree.ElementTree import ParseError

import defusedxml.ElementTree
from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden

if TYPE_CHECKING:
    from feedparser import FeedParserDict
    from lxml.html import HtmlElement


class UnsafeFeed(ValueError):
    """The feed declares or references XML entities; it is refused unread."""


class NotAFeed(ValueError):
    """The body is no RSS or Atom feed (malformed XML, or an HTML page at the feed's URL) and gives no entry:
    without this, the source logged 'ok' with nothing to fetch, and no error said why."""


@dataclass(frozen=True)
class FeedEntry:
    """One entry to fetch: the page it links to, or (`inline`) the entry's own text as a page, stored
    under `link` = the feed's URL and the entry's id ('https://example.com/feed.xml#entry=issue-42')."""

    link: str
    published: date | None
    title: str | None
    inline: bytes | None = None


def screen_xml(body: bytes) -> None:
    """Raise `UnsafeFeed` if the XML declares entities or points at external ones.

    Malformed XML is let through: feedparser reads it with its lenient parser, which expands no custom
    entities.
    """
    try:
        defusedxml.ElementTree.fromstring(body, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except (EntitiesForbidden, ExternalReferenceForbidden, DTDForbidden) as error:
        raise UnsafeFeed(f"feed refused: {type(error).__name__} ({error})") from None
    except ParseError:
        pass


def _entry_date(entry: FeedParserDict) -> date | None:
    """The day the entry was published, in the time zone its feed writes it in.

    A page's date is the day its writer saw ('Published March 31'); feedparser's parsed dates are in UTC,
    which moved an entry posted at 7 p.m. in New York on March 31 into April 1, and its round into the
    next quarter. The written date is read with its own offset (RFC 822 in RSS, RFC 3339 in Atom); one
    that neither reads is taken as feedparser parsed it.
    """
    for key in ("published", "updated", "created"):
        written, parsed = entry.get(key), entry.get(f"{key}_parsed")
        if not written and not parsed:
            continue
        local = _written_day(written) if isinstance(written, str) else None
        if local is not None:
            return local
        if parsed:
            try:
                return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC).date()
            except (ValueError, OverflowError, OSError):
                return None  # ('0000-00-00T00:00:00Z', a CMS's zero date: the entry is undated)
    return None


def _written_day(written: str) -> date | None:
    """The calendar day of an RFC 822 or RFC 3339 date as written, in its own offset; None if neither."""
    text = written.strip()
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError, OverflowError):
        pass
    try:
        # RFC 3339 writes UTC as 'Z', which fromisoformat reads from Python 3.11
        return datetime.fromisoformat(text).date()
    except (ValueError, OverflowError):
        return None


def parse_feed(body: bytes, feed_url: str) -> list[FeedEntry]:
    """Every entry of the feed, newest first, links made absolute against the feed URL (`entries_to_fetch`
    says which to fetch this run); an entry without a link is read as a page of its own (`_inline_entry`),
    and one with no title nor text is passed over."""
    screen_xml(body)
    # feedparser is imported when a feed is read: a refresh of exports and pages never needs it (0.1 s
    # of every refresh process).
    import feedparser

    parsed = feedparser.parse(body)
    if not parsed.entries and (parsed.bozo or not parsed.version):
        reason = parsed.get("bozo_exception") or "no RSS or Atom root element"
        raise NotAFeed(f"not an RSS or Atom feed: {reason}")
    entries, seen = [], set()
    for entry in parsed.entries:
        link = entry.get("link")
        if link and entry.get("guidislink") and not _addresses_a_page(link):
            # feedparser takes an entry's id for its link when it has none ('issue-9', 'urn:orrin:7'): an
            # id that is no address links to no page, and fetching it beside the feed's URL would 404
            link = None
        if link:
            read = FeedEntry(urljoin(feed_url, link.strip()), _entry_date(entry), entry.get("title"))
        else:
            # A feed that carries whole issues and links to no page (a newsletter's own feed): the entry
            # is the document. Skipping it lost every deal such a feed announces.
            read = _inline_entry(entry, feed_url, seen)
            if read is None:
                continue
        if read.link in seen:
            continue
        seen.add(read.link)
        entries.append(read)
    entries.sort(key=lambda e: e.published or date.min, reverse=True)
    return entries


def entries_to_fetch(entries: list[FeedEntry], stored: Container[str], limit: int) -> list[FeedEntry]:
    """Of a feed's entries (newest first), the ones to fetch this run: the newest `limit` it has not
    stored yet, and those it has among its newest `limit` (checked again: a page may change).

    Taking the newest `limit` entries alone lost every entry a busy feed published beyond them between two
    runs: they were never among the newest again. Entries left over now come on the next runs, `limit`
    new ones at a time."""
    chosen = [entry.link for entry in entries if entry.link not in stored][:limit]
    chosen += [entry.link for entry in entries[:limit] if entry.link in stored]
    taken = set(chosen)
    return [entry for entry in entries if entry.link in taken]


def _addresses_a_page(link: str) -> bool:
    """Whether an id taken for a link is an address: a web one, or a path ('/2026/03/issue-9',
    'issue-9.html'); not a name ('issue-9') nor a URN or tag ('urn:orrin:7', 'tag:orrin.example,2026:9')."""
    scheme = urlsplit(link).scheme.lower()
    if scheme:
        return scheme in ("http", "https")
    return "/" in link or "." in link


_LONGEST_ID = 200
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _inline_entry(entry: FeedParserDict, feed_url: str, taken: set[str]) -> FeedEntry | None:
    """An entry without a link as a page of its own, or None when it has neither title nor text.

    The page states the entry's date, then its title as heading, then its first non-empty content (or its
    summary): HTML (which feedparser has sanitised) rebuilt balanced, so that a stray end tag closes
    nothing of the page's own; any other text escaped, a paragraph per line. Its address is the feed's
    URL and the entry's id (`taken`: the addresses given so far in this feed)."""
    title = _plain(entry.get("title_detail") or {"value": entry.get("title")})
    details = [*(entry.get("content") or []), entry.get("summary_detail") or {}]
    detail = next((d for d in details if (d.get("value") or "").strip()), {})
    body = _markup(detail)
    if not title and not body:
        return None
    published = _entry_date(entry)
    base = f"{urldefrag(feed_url).url}#entry="
    key = entry.get("id") or ""
    link = f"{base}{quote(key, safe='')}"
    if not key or len(key) > _LONGEST_ID or link in taken:
        # No id (or one that is too long, or one another entry of the feed has): the entry is named by
        # what names it to a reader, its title and date, so that an edit to its text keeps its address.
        named = f"{key}\x1f{title}\x1f{published}" if title else f"{key}\x1f{body}"
        link = base + _digest(named)
        if link in taken:  # two entries of one title and date: their words tell them apart
            link = base + _digest(f"{named}\x1f{body}")
    dated = f'<meta property="article:published_time" content="{published}">' if published else ""
    page = (
        f'<!doctype html><html><head><meta charset="utf-8">{dated}<title>{escape(title)}</title></head>'
        f"<body><h1>{escape(title)}</h1>\n{body}</body></html>"
    )
    return FeedEntry(link, published, title or None, page.encode("utf-8"))


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _html_body(markup: str) -> HtmlElement:
    """The <body> lxml reads an HTML fragment into (an unbalanced fragment is balanced on the way)."""
    from lxml import html as lxml_html

    return lxml_html.document_fromstring(f"<div>{markup}</div>").find("body")


def _plain(detail: dict) -> str:
    """A feed text construct as plain words (an HTML title's tags dropped)."""
    value = (detail.get("value") or "").strip()
    if value and detail.get("type") in _HTML_TYPES:
        value = _html_body(value).text_content()
    return " ".join(value.split())


def _markup(detail: dict) -> str:
    """A feed text construct as markup for the page body."""
    value = detail.get("value") or ""
    if not value.strip():
        return ""
    if detail.get("type") not in _HTML_TYPES:
        # plain text (or a type no browser renders): escaped, a paragraph per line, so that a list of
        # deals stays a list and not one run-on sentence
        return "".join(f"<p>{escape(line.strip())}</p>\n" for line in value.splitlines() if line.strip())
    from lxml import html as lxml_html

    body = _html_body(value)
    for part in body.iter("article", "main"):
        # the entry's text is the whole page: an <article> of its own (a sponsor's note) would be read as
        # the page's article, and the rest of the entry passed over
        part.tag = "div"
    leading = escape(body.text or "")
    return leading + "".join(lxml_html.tostring(child, encoding="unicode") for child in body)
