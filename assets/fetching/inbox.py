"""Newsletter inboxes: the folder of a `newsletter` source on disk, where a mail rule or a person drops
issues (`.eml`, `.md`, `.mbox`...). A file whose bytes the source has not fetched yet is new.

The folder is the source's own `url` in `sources.toml` (each newsletter source has its own inbox, so a
file's folder says which source it belongs to). Files are never moved or deleted here: a file the
source cannot read (another suffix, unreadable) is reported with what to do, and stays where it is.
Scanning hashes a file only when its size or modification time changed since the last scan.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from assets.fetching.collect import not_an_issue
from assets.fetching.http_client import FetchError, file_url_path
from assets.fetching.issue_files import issue_entries
from assets.source_kinds import KINDS, Listing
from assets.sources import Source

REFUSED = "refused"


def inbox_folders(registry: list[Source]) -> dict[str, Path]:
    """Source id -> the folder of every newsletter source whose url is a folder on disk."""
    folders = {}
    for source in registry:
        if KINDS[source.kind].listing is not Listing.ISSUE_FILES or not source.is_file:
            continue
        try:
            path = file_url_path(source.url)
        except FetchError:
            continue
        if path.is_dir():
            folders[source.id] = path
    return folders


@dataclass
class InboxScan:
    """What one scan of one inbox found."""

    new: dict[str, str] = field(default_factory=dict)
    """File name -> sha256 of each file the source has not fetched in these bytes, nor been asked to."""
    refused: list[str] = field(default_factory=list)
    """One message per file the source cannot take, naming it and what to do."""
    seen: dict[str, list] = field(default_factory=dict)
    """File name -> [size, mtime_ns, sha256 or 'refused']: the cursor for the next scan."""


def _digest(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def scan_inbox(folder: Path, fetched: dict[str, str], seen: dict[str, list]) -> InboxScan:
    """Scan `folder` (a folder of issues, or a Maildir's delivered messages) against `fetched` (file URL ->
    sha256 of the version the source stored) and `seen` (the last scan's cursor). Hidden files (a mail
    client's partial writes) and folders are skipped."""
    scan = InboxScan()
    for path in issue_entries(folder):
        if path.name.startswith(".") or not path.is_file():
            continue
        name = path.relative_to(folder).as_posix()  # a Maildir message's folder is part of its name
        stat = path.stat()
        before = seen.get(name)
        if before is not None and before[:2] == [stat.st_size, stat.st_mtime_ns]:
            scan.seen[name] = before  # unchanged since it was handled
            continue
        why = not_an_issue(path)
        if why:
            scan.refused.append(f"{path.parent}/{why}. The file is left where it is.")
            scan.seen[name] = [stat.st_size, stat.st_mtime_ns, REFUSED]
            continue
        try:
            sha256 = _digest(path)
        except OSError as error:
            scan.refused.append(f"{path}: cannot be read ({error}); the file is left where it is.")
            continue  # not remembered: tried again at the next scan
        scan.seen[name] = [stat.st_size, stat.st_mtime_ns, sha256]
        asked = before is not None and before[2] == sha256  # the same bytes written again
        if fetched.get(path.resolve().as_uri()) != sha256 and not asked:
            scan.new[name] = sha256
    return scan
