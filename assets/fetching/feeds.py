"""RSS 2.0 / Atom feeds -> the entries to fetch as articles, newest first.

The bytes are screened with defusedxml before feedparser sees them: a feed that declares entities (the
"billion laughs" expansion bomb) or references external ones (XXE) is refused without expanding anything.
"""

from __future__ import annotations

import calendar
import hashlib
from dataclasses import dataclass
from datetime import UTC, date, datetime
from html import escape
from typing import TYPE_CHECKING
from urllib.parse import quote, urldefrag, urljoin, urlsplit
from xml.etree.ElementTree import ParseError

import defusedxml.ElementTree
from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden

if TYPE_CHECKING:
    from feedparser import FeedParserDict


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
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return datetime.fromtimestamp(calendar.timegm(value), tz=UTC).date()
    return None


def parse_feed(body: bytes, feed_url: str, max_entries: int) -> list[FeedEntry]:
    """The newest `max_entries` entries, links made absolute against the feed URL; an entry without a
    link is read as a page of its own (`_inline_entry`), and one with no title nor text is passed over."""
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
        if link and entry.get("guidislink") and urlsplit(link).scheme.lower() not in ("http", "https"):
            # feedparser takes an entry's id for its link when it has none ('issue-9', 'urn:orrin:7'): an
            # id that is no web address links to no page, and fetching it beside the feed's URL would 404
            link = None
        if link:
            read = FeedEntry(urljoin(feed_url, link.strip()), _entry_date(entry), entry.get("title"))
        else:
            # A feed that carries whole issues and links to no page (a newsletter's own feed): the entry
            # is the document. Skipping it lost every deal such a feed announces.
            read = _inline_entry(entry, feed_url)
            if read is None:
                continue
        if read.link in seen:
            continue
        seen.add(read.link)
        entries.append(read)
    entries.sort(key=lambda e: e.published or date.min, reverse=True)
    return entries[:max_entries]


_LONGEST_ID = 200


def _inline_entry(entry: FeedParserDict, feed_url: str) -> FeedEntry | None:
    """An entry without a link as a page of its own: its title as heading, then its content (or summary),
    which feedparser has already sanitised. None when it has neither title nor text."""
    title = (entry.get("title") or "").strip()
    contents = entry.get("content") or []
    detail = (contents[0] if contents else None) or entry.get("summary_detail") or {}
    body = detail.get("value") or ""
    if detail.get("type") == "text/plain":  # (feedparser unescapes plain text: 'R&D <$5M' is words)
        body = escape(body)
    if not title and not body.strip():
        return None
    # The entry's id names it across edits; without one, its words do (an edited entry is a new one).
    key = entry.get("id") or ""
    if not key or len(key) > _LONGEST_ID:  # (an id of a megabyte makes no address)
        key = hashlib.sha256(f"{key}\x1f{title}\x1f{body}".encode()).hexdigest()[:16]
    page = (
        f'<!doctype html><html><head><meta charset="utf-8"><title>{escape(title)}</title></head>'
        f"<body><article><h1>{escape(title)}</h1>\n{body}</article></body></html>"
    )
    link = f"{urldefrag(feed_url).url}#entry={quote(key, safe='')}"
    return FeedEntry(link, _entry_date(entry), title or None, page.encode("utf-8"))
