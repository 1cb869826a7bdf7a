"""The source registry: `sources.toml`, one `[[source]]` table per source.
    [[source]]
    id = "stackline-deal-map"        # stable slug: lower case, digits, '-' and '_'
    kind = "article"                 # article | newsletter | feed | table
    url = "samples/articles/x.html"  # http(s)://..., file:///..., or a path relative to this file
    max_bytes = 5_000_000            # optional, overrides the fetcher's size cap
    enabled = true                   # optional
    [source.columns]                 # table only: dealmap field -> the export's column
    [source.options]                 # kind-specific: format, currency, date_format...

Relative paths resolve against the registry file, so nothing depends on the working directory.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from types import MappingProxyType
from typing import Any
from urllib.parse import urlsplit

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
}


class SourceKind(StrEnum):
    ARTICLE = "article"
    NEWSLETTER = "newsletter"
    FEED = "feed"
    TABLE = "table"


class RegistryError(ValueError):
    """`sources.toml` is malformed; the message names the source and the field."""


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


def _source(entry: dict[str, Any], base_dir: Path, position: int) -> Source:
    where = f"source #{position + 1} ({entry.get('id', 'no id')!r})"
    unknown = set(entry) - _KNOWN_KEYS
    if unknown:
        raise RegistryError(f"{where}: unknown keys {sorted(unknown)}")
    source_id = entry.get("id")
    if not isinstance(source_id, str) or not _SLUG.fullmatch(source_id):
        raise RegistryError(f"{where}: 'id' must be a slug of a-z, 0-9, '-' and '_'")
    try:
        kind = SourceKind(entry.get("kind"))
    except ValueError:
        kinds = ", ".join(k.value for k in SourceKind)
        raise RegistryError(f"{where}: 'kind' must be one of {kinds}") from None
    url = entry.get("url")
    if not isinstance(url, str) or not url.strip():
        raise RegistryError(f"{where}: 'url' is required")
    max_bytes = entry.get("max_bytes")
    # bool is an int subclass: `max_bytes = true` must not become a 1-byte cap.
    if max_bytes is not None and (
        isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes <= 0
    ):
        raise RegistryError(f"{where}: 'max_bytes' must be a positive integer")
    rate = entry.get("max_rejection_rate")
    if rate is not None and (
        isinstance(rate, bool) or not isinstance(rate, int | float) or not 0 <= rate <= 1
    ):
        raise RegistryError(f"{where}: 'max_rejection_rate' must be a number from 0 to 1")
    enabled = entry.get("enabled", True)
    if not isinstance(enabled, bool):
        raise RegistryError(f"{where}: 'enabled' must be true or false (without quotes)")
    columns = entry.get("columns", {})
    if not isinstance(columns, dict) or not all(isinstance(v, str) for v in columns.values()):
        raise RegistryError(f"{where}: 'columns' must map dealmap fields to column names")
    options = entry.get("options", {})
    if not isinstance(options, dict):
        raise RegistryError(f"{where}: 'options' must be a table ([source.options])")
    try:
        resolved = resolve_url(url.strip(), base_dir)
    except RegistryError as error:
        raise RegistryError(f"{where}: {error}") from None
    return Source(
        id=source_id,
        kind=kind,
        url=resolved,
        name=entry.get("name"),
        max_bytes=max_bytes,
        max_rejection_rate=float(rate) if rate is not None else None,
        enabled=enabled,
        columns=MappingProxyType(dict(columns)),
        options=MappingProxyType(dict(options)),
    )


def parse_registry(text: str, base_dir: Path) -> list[Source]:
    """Sources from registry text; relative paths resolve against `base_dir`."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise RegistryError(f"sources.toml is not valid TOML: {error}") from error
    entries = data.get("source", [])
    if not isinstance(entries, list):
        raise RegistryError("sources.toml: use [[source]] tables")
    sources = [_source(entry, base_dir, i) for i, entry in enumerate(entries)]
    seen: set[str] = set()
    for source in sources:
        if source.id in seen:
            raise RegistryError(f"source id {source.id!r} is used twice")
        seen.add(source.id)
    return sources


def load_registry(path: Path) -> list[Source]:
    """Sources from a registry file (all of them, enabled or not)."""
    path = Path(path).resolve()
    if not path.is_file():
        raise RegistryError(f"source registry not found: {path} (set DEALMAP_SOURCES?)")
    return parse_registry(path.read_text(encoding="utf-8"), path.parent)
