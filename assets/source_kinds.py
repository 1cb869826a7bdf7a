"""What each kind of source is: how it lists and reads its documents, and what it accepts in
`[source.options]` and `[source.columns]`, in one table (`KINDS`).

Fetching (`assets/fetching/collect.py`) and parsing (`assets/parsing/dispatch.py`) look up a kind's
`Listing` and `Reading` here instead of branching on the kind, so a new kind that lists and reads like
an existing one is one row. Every option of every kind is declared there once, with its type and range:
the registry checks against it, and code that reads an option (`source.options.get(...)`) may trust
what the registry let through. Problems are returned as text
naming the field (`options.max_entries = "all": expected ...`); the registry prefixes the source.
"""

from __future__ import annotations

import codecs
import difflib
import json
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from assets.parsing.table_export import EXPORT_FIELDS, TABLE_FORMATS
from schemas.vocabulary import default_currencies


class SourceKind(StrEnum):
    """How a source is listed, fetched and parsed (README, "Sources")."""

    ARTICLE = "article"
    NEWSLETTER = "newsletter"
    FEED = "feed"
    TABLE = "table"


def positive_int(value: Any) -> bool:
    # bool is an int subclass: `max_entries = true` must not become 1.
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


_CADENCE = re.compile(r"(?P<count>[0-9]{1,5}) ?(?P<unit>[hdw])")
_CADENCE_UNITS = {"h": timedelta(hours=1), "d": timedelta(days=1), "w": timedelta(weeks=1)}
CADENCE_EXPECTS = 'a duration such as "36h", "7d" or "2w" (a whole number of hours, days or weeks)'


def parse_cadence(value: Any) -> timedelta | None:
    """The interval a source's `cadence` ("36h", "7d", "2w") names, or None when it is not one. A whole
    number of hours is fine enough for sources that publish daily at most, and leaves no unit to guess."""
    match = _CADENCE.fullmatch(value.strip()) if isinstance(value, str) else None
    if match is None or int(match["count"]) == 0:
        return None
    return int(match["count"]) * _CADENCE_UNITS[match["unit"]]


def _text_codec(value: str) -> bool:
    """A text encoding Python knows ('mac_roman', 'cp1252'); not a bytes codec such as 'base64'."""
    try:
        codecs.lookup(value)
        "a".encode(value)
    except (LookupError, UnicodeError):
        return False
    return True


def _strptime_format(value: str) -> bool:
    """A format strptime reads back what strftime wrote with it, with at least one directive
    ('YYYY-MM-DD' has none and would match nothing but itself)."""
    if "%" not in value:
        return False
    try:
        datetime.strptime(datetime(2026, 1, 2, 3, 4, 5).strftime(value), value)
    except ValueError:
        return False
    return True


@dataclass(frozen=True)
class Option:
    """One key of `[source.options]`: its TOML type and what a valid value is."""

    type: type
    expects: str
    """A valid value, in words, for messages: 'a positive integer'."""
    valid: Callable[[Any], bool] = lambda _value: True
    choices: Callable[[], Collection[str]] | None = None
    """The closed set of values, when there is one (called when checking: currencies are reference data)."""

    def problem(self, value: Any) -> str | None:
        """What is wrong with `value`, or None when it is valid."""
        if self.choices is not None:
            known = sorted(self.choices())
            if isinstance(value, self.type) and value in known:
                return None
            return f"expected {self.expects} ({', '.join(known)})"
        if isinstance(value, self.type) and self.valid(value):
            return None
        return f"expected {self.expects}"


class Listing(StrEnum):
    """How a source names the documents to fetch (each has one collector in `assets/fetching/collect.py`)."""

    ITS_URL = "its_url"
    """The registry URL is the one document."""
    ISSUE_FILES = "issue_files"
    """A folder on disk holds one file per issue; a file or a web URL is the one document."""
    FEED_ENTRIES = "feed_entries"
    """The feed lists entry pages, each its own document; the feed itself yields no mentions."""


class Reading(StrEnum):
    """How one stored document is read (each has one reader in `assets/parsing/dispatch.py`)."""

    TABLE_EXPORT = "table_export"
    """CSV, JSON or JSON Lines rows, through the source's column mapping."""
    WEB_PAGE = "web_page"
    """An HTML page (tables and prose), or a page saved as plain text."""
    NEWSLETTER_ISSUE = "newsletter_issue"
    """A mailbox (.mbox, many issues), an e-mail (.eml), an HTML or a Markdown issue."""


@dataclass(frozen=True)
class KindSpec:
    """Everything that differs between kinds of source."""

    listing: Listing
    reading: Reading
    options: dict[str, Option]
    """Every `[source.options]` key the kind accepts, with its type and range. Code that reads an option
    (`source.options.get(...)`) may trust what the registry let through."""
    maps_columns: bool = False
    """Whether the kind maps dealmap fields to export columns (`[source.columns]`, keys EXPORT_FIELDS)."""


# What a bare number or a bare '$' means in the source: 'AUD' for Australian news, whose '$37m' is A$37m.
_CURRENCY = Option(str, "an ISO code from currencies.toml", choices=lambda: default_currencies().codes)

KINDS: dict[SourceKind, KindSpec] = {
    SourceKind.ARTICLE: KindSpec(Listing.ITS_URL, Reading.WEB_PAGE, {"currency": _CURRENCY}),
    SourceKind.NEWSLETTER: KindSpec(Listing.ISSUE_FILES, Reading.NEWSLETTER_ISSUE, {"currency": _CURRENCY}),
    SourceKind.FEED: KindSpec(
        Listing.FEED_ENTRIES,
        Reading.WEB_PAGE,
        {
            "max_entries": Option(int, "a positive integer (the new entries fetched per run)", positive_int),
            "currency": _CURRENCY,
        },
    ),
    SourceKind.TABLE: KindSpec(
        Listing.ITS_URL,
        Reading.TABLE_EXPORT,
        {
            "format": Option(str, "an export format", choices=lambda: TABLE_FORMATS),
            "currency": _CURRENCY,
            "date_format": Option(str, "a strptime format such as '%Y-%m-%d'", _strptime_format),
            "encoding": Option(
                str, "a text encoding Python knows, such as 'utf-8' or 'mac_roman'", _text_codec
            ),
        },
        maps_columns=True,
    ),
}
KIND_OPTIONS: dict[SourceKind, dict[str, Option]] = {kind: spec.options for kind, spec in KINDS.items()}
COLUMN_KINDS = frozenset(kind for kind, spec in KINDS.items() if spec.maps_columns)


def toml_literal(value: Any) -> str:
    """A value as the user wrote it in TOML: "all", true, -1."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return repr(value)


def did_you_mean(key: str, accepted: Collection[str]) -> str:
    """' (did you mean 'format'?)' for a near miss of an accepted key, else ''."""
    close = difflib.get_close_matches(key, list(accepted), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def option_problems(kind: SourceKind, options: dict[str, Any]) -> list[str]:
    """Every problem of a source's `[source.options]`: unknown keys (with the accepted ones), keys of
    another kind, and values of the wrong type or range (with what is expected)."""
    accepted = KIND_OPTIONS[kind]
    listing = (
        f"{kind} sources accept: {', '.join(sorted(accepted))}"
        if accepted
        else f"{kind} sources take no options"
    )
    problems = []
    for key, value in options.items():
        option = accepted.get(key)
        if option is None:
            owners = [str(other) for other, declared in KIND_OPTIONS.items() if key in declared]
            why = (
                f"{key!r} is a {' and '.join(owners)} option, not for {kind} sources"
                if owners
                else f"unknown option{did_you_mean(key, accepted)}"
            )
            problems.append(f"options.{key}: {why}; {listing}")
            continue
        wrong = option.problem(value)
        if wrong:
            problems.append(f"options.{key} = {toml_literal(value)}: {wrong}")
    return problems


def column_problems(kind: SourceKind, columns: dict[str, str]) -> list[str]:
    """Every problem of a source's `[source.columns]` (dealmap field -> the export's column name)."""
    if kind not in COLUMN_KINDS:
        return [f"columns: {kind} sources take no [source.columns] (only table sources map columns)"]
    problems = []
    for key, name in columns.items():
        if key not in EXPORT_FIELDS:
            problems.append(
                f"columns.{key}: unknown dealmap field{did_you_mean(key, EXPORT_FIELDS)}; "
                f"fields: {', '.join(EXPORT_FIELDS)}"
            )
        elif not name.strip():
            problems.append(f"columns.{key}: the export's column name is empty")
    # Columns match ignoring case and surrounding space: 'Raised' and 'raised ' are one column.
    by_column: dict[str, list[str]] = {}
    for key, name in columns.items():
        if key in EXPORT_FIELDS and name.strip():
            by_column.setdefault(name.strip().casefold(), []).append(key)
    for keys in by_column.values():
        if len(keys) > 1:
            listed = " and ".join(f"columns.{key}" for key in keys)
            problems.append(
                f"{listed}: map to the same column {columns[keys[0]]!r}; each field reads a column of its own"
            )
    return problems
