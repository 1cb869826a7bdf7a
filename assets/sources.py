"""The source registry: `sources.toml`, one `[[source]]` table per source.
    [[source]]
    id = "stackline-deal-map"        # stable slug: lower case, digits, '-' and '_'
    kind = "article"                 # article | newsletter | feed | table
    url = "samples/articles/x.html"  # http(s)://..., file:///..., or a path relative to this file
    max_bytes = 5_000_000            # optional, overrides the fetcher's size cap
    cadence = "7d"                   # optional: how often it publishes ("36h", "7d", "2w"); unset: unwatched
    enabled = true                   # optional
    [source.columns]                 # table only: dealmap field -> the export's column
    [source.options]                 # kind-specific: see assets/source_kinds.py

Relative paths resolve against the registry file, so nothing depends on the working directory.
Every problem of a registry is reported at once, each naming the source and the field, so a user fixes
them all in one pass; a registry that would refresh nothing (no enabled source) is an error too.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from types import MappingProxyType
from typing import Any
from urllib.parse import urlsplit

import dagster as dg
from pydantic import Field

from assets.source_kinds import (
    CADENCE_EXPECTS,
    SourceKind,
    column_problems,
    did_you_mean,
    option_problems,
    parse_cadence,
    positive_int,
    toml_literal,
)
from schemas.settings import REPO_ROOT, resolved_path

__all__ = ["RegistryError", "Source", "SourceKind", "load_registry", "parse_registry", "resolve_url"]

_SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
_KNOWN_KEYS = {
    "id",
    "kind",
    "url",
    "max_bytes",
    "enabled",
    "columns",
    "options",
    "name",
    "max_rejection_rate",
    "cadence",
}


class RegistryError(ValueError):
    """`sources.toml` is malformed; the message names the source and the field of every problem."""

    def __init__(self, message: str, problems: Sequence[str] = ()):
        super().__init__(message)
        self.problems: tuple[str, ...] = tuple(problems) or (message,)


@dataclass(frozen=True)
class Source:
    id: str
    kind: SourceKind
    url: str
    """Absolute: an http(s) URL or a file:// URI."""
    name: str | None = None
    max_bytes: int | None = None
    max_rejection_rate: float | None = None
    """Share of this source's mentions that may be quarantined before its check fails (None: default)."""
    cadence: timedelta | None = None
    """How often the source publishes: its newest document older than this fails the `source_cadence`
    check (assets/freshness.py). None: not watched."""
    enabled: bool = True
    columns: MappingProxyType[str, str] = field(default_factory=lambda: MappingProxyType({}))
    options: MappingProxyType[str, Any] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def is_file(self) -> bool:
        return self.url.startswith("file://")


def resolve_url(raw: str, base_dir: Path) -> str:
    """An absolute URL for a registry `url`: http(s) and file URLs pass, paths become file:// URIs."""
    scheme = urlsplit(raw).scheme.lower()
    if scheme in ("http", "https", "file"):
        return raw
    if scheme and len(scheme) > 1:  # a one-letter "scheme" is a Windows drive, i.e. a path
        raise RegistryError(f"url {raw!r}: only http, https and file URLs are supported")
    path = Path(raw).expanduser()
    return (path if path.is_absolute() else base_dir / path).resolve().as_uri()


def _source(entry: dict[str, Any], base_dir: Path) -> tuple[Source | None, list[str]]:
    """The source an entry describes, or None, and every problem found in it (without the prefix)."""
    problems = []
    for key in sorted(set(entry) - _KNOWN_KEYS):
        hint = did_you_mean(key, _KNOWN_KEYS)
        problems.append(f"unknown key {key!r}{hint}; a source takes: {', '.join(sorted(_KNOWN_KEYS))}")
    source_id = entry.get("id")
    if not isinstance(source_id, str) or not _SLUG.fullmatch(source_id):
        problems.append("'id' must be a slug of a-z, 0-9, '-' and '_'")
    try:
        kind: SourceKind | None = SourceKind(entry.get("kind"))
    except ValueError:
        kind = None
        problems.append(f"'kind' must be one of {', '.join(k.value for k in SourceKind)}")
    url = entry.get("url")
    resolved = None
    if url is not None and not isinstance(url, str):
        problems.append(f"'url' must be text (a URL or a path in quotes), not {url!r}")
    elif not isinstance(url, str) or not url.strip():
        problems.append("'url' is required")
    else:
        try:
            resolved = resolve_url(url.strip(), base_dir)
        except RegistryError as error:
            problems.append(str(error))
    name = entry.get("name")
    if name is not None and not isinstance(name, str):
        problems.append("'name' must be text")
    max_bytes = entry.get("max_bytes")
    if max_bytes is not None and not positive_int(max_bytes):
        problems.append("'max_bytes' must be a positive integer")
    rate = entry.get("max_rejection_rate")
    if rate is not None and (
        isinstance(rate, bool) or not isinstance(rate, int | float) or not 0 <= rate <= 1
    ):
        problems.append("'max_rejection_rate' must be a number from 0 to 1")
    cadence = entry.get("cadence")
    if cadence is not None and parse_cadence(cadence) is None:
        problems.append(f"'cadence' = {toml_literal(cadence)}: expected {CADENCE_EXPECTS}")
    enabled = entry.get("enabled", True)
    if not isinstance(enabled, bool):
        problems.append("'enabled' must be true or false (without quotes)")
    columns = entry.get("columns", {})
    if not isinstance(columns, dict) or not all(isinstance(v, str) for v in columns.values()):
        problems.append("'columns' must map dealmap fields to column names")
    elif kind is not None and columns:
        problems += column_problems(kind, columns)
    options = entry.get("options", {})
    if not isinstance(options, dict):
        problems.append("'options' must be a table ([source.options])")
    elif kind is not None:
        problems += option_problems(kind, options)
    if problems or kind is None or resolved is None:
        return None, problems
    source = Source(
        id=source_id,
        kind=kind,
        url=resolved,
        name=name,
        max_bytes=max_bytes,
        max_rejection_rate=float(rate) if rate is not None else None,
        cadence=parse_cadence(cadence) if cadence is not None else None,
        enabled=enabled,
        columns=MappingProxyType(dict(columns)),
        options=MappingProxyType(dict(options)),
    )
    return source, []


def _top_level_problem(key: str, value: Any) -> str:
    if isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
        written = f"[[{key}]]"
    elif isinstance(value, dict):
        written = f"[{key}]"
    else:
        return f"unknown top-level key {key!r}; the registry holds only [[source]] tables"
    hint = " (did you mean [[source]]?)" if did_you_mean(key, ["source"]) else ""
    return f"unknown top-level table {written}{hint}; the registry holds only [[source]] tables"


def _message(origin: str, problems: list[str]) -> str:
    if len(problems) == 1:
        return f"{origin}: {problems[0]}"
    return f"{origin}: {len(problems)} problems\n" + "\n".join(f"  - {p}" for p in problems)


def parse_registry(text: str, base_dir: Path, origin: str = "sources.toml") -> list[Source]:
    """Sources from registry text (all of them, enabled or not); relative paths resolve against `base_dir`.

    Raises one RegistryError listing every problem (`.problems`), each prefixed with the source and
    field, and when no source is enabled: a refresh of nothing is a mistake, not a state.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise RegistryError(f"{origin} is not valid TOML: {error}") from error
    problems = [_top_level_problem(key, value) for key, value in data.items() if key != "source"]
    entries = data.get("source", [])
    if not isinstance(entries, list) or not all(isinstance(entry, dict) for entry in entries):
        problems.append("use [[source]] tables (double brackets), one per source")
        entries = []
    elif not entries:
        problems.append("no [[source]] tables: there is nothing to refresh")
    elif all(entry.get("enabled", True) is False for entry in entries):
        problems.append("every source has enabled = false: there is nothing to refresh")
    sources = []
    positions: dict[str, list[int]] = {}
    for position, entry in enumerate(entries):
        where = f"source #{position + 1} ({entry.get('id', 'no id')!r})"
        source, found = _source(entry, base_dir)
        problems += [f"{where}: {problem}" for problem in found]
        if isinstance(entry.get("id"), str):
            positions.setdefault(entry["id"], []).append(position + 1)
        if source is not None:
            sources.append(source)
    for source_id, seen_at in positions.items():
        if len(seen_at) > 1:
            times = "twice" if len(seen_at) == 2 else f"{len(seen_at)} times"
            numbers = ", ".join(f"#{n}" for n in seen_at)
            problems.append(f"source id {source_id!r} is used {times} (sources {numbers})")
    if problems:
        raise RegistryError(_message(origin, problems), problems)
    return sources


def load_registry(path: Path) -> list[Source]:
    """Sources from a registry file (all of them, enabled or not); errors name the file's full path."""
    path = Path(path).resolve()
    if not path.is_file():
        raise RegistryError(f"source registry not found: {path} (set DEALMAP_SOURCES?)")
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")  # (a byte-order mark from Windows Notepad is not content)
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise RegistryError(
            f"{path} is not UTF-8 text: byte {raw[error.start : error.start + 1]!r} on line {line} "
            "(save the file as UTF-8)"
        ) from error
    return parse_registry(text, path.parent, origin=str(path))


class SourceRegistryResource(dg.ConfigurableResource):
    """The source registry file (default `$DEALMAP_SOURCES`, else `sources.toml` in the repository)."""

    path: str = Field(default="", description="Registry file; default $DEALMAP_SOURCES or ./sources.toml.")

    @property
    def registry_path(self) -> Path:
        return resolved_path(self.path, "DEALMAP_SOURCES", REPO_ROOT / "sources.toml")

    def load(self) -> list[Source]:
        """The enabled sources, in registry order."""
        return [s for s in load_registry(self.registry_path) if s.enabled]
