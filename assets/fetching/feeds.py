"""RSS 2.0 / Atom feeds -> the entries to fetch as articles, newest first.

The bytes are screened with defusedxml before feedparser sees them: a feed that declares entities (the
"billion laughs" expansion bomb) or references external ones (XXE) is refused without expanding anything.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING
from urllib.parse import urljoin
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
    link: str
    published: date | None
    title: str | None


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
    """The newest `max_entries` entries with a link, links made absolute against the feed URL."""
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
        if not link:
            continue
        absolute = urljoin(feed_url, link.strip())
        if absolute in seen:
            continue
        seen.add(absolute)
        entries.append(FeedEntry(absolute, _entry_date(entry), entry.get("title")))
    entries.sort(key=lambda e: e.published or date.min, reverse=True)
    return entries[:max_entries]
