"""A `file://` source is fetched conditionally, as an HTTP server with ETags would answer: an unchanged
file is not read again, a rewritten one always is, even when its size and modification time are put
back as they were."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path
from typing import Any

from assets.fetching.collect import PreviousVersion, collect_source
from assets.fetching.http_client import HttpClient
from assets.fetching.raw_store import RawStore
from assets.sources import parse_registry
from tests.integration.http_fixtures import quick_policy, registry_toml

ROWS = "company,amount\nQuillfern Robotics,12000000\n"


def _collect(
    tmp_path: Path, store: RawStore, previous: dict[str, PreviousVersion]
) -> tuple[dict[str, Any], dict[str, PreviousVersion]]:
    """The one fetch attempt of the export, and what the next fetch knows of it."""
    url = (tmp_path / "export.csv").as_uri()
    (source,) = parse_registry(registry_toml([{"id": "ledger", "kind": "table", "url": url}]), tmp_path)
    client = HttpClient(quick_policy(file_roots=(tmp_path,)))
    try:
        collection = collect_source(source, client, store, previous, "run", datetime(2026, 3, 3))
    finally:
        client.close()
    (attempt,) = collection.log
    known = PreviousVersion(attempt["sha256"], attempt["etag"], attempt["last_modified"])
    return attempt, {url: known}


def test_an_unchanged_file_is_answered_not_modified(tmp_path):
    (tmp_path / "export.csv").write_text(ROWS, encoding="utf-8")
    store = RawStore(tmp_path / "raw")
    first, previous = _collect(tmp_path, store, {})
    assert first["status"] == "ok"
    assert first["etag"]
    again, _ = _collect(tmp_path, store, previous)
    assert again["status"] == "not_modified"
    assert again["bytes"] is None  # not read
    assert again["sha256"] == first["sha256"]


def test_a_rewritten_file_is_read_even_with_its_old_size_and_time(tmp_path):
    export = tmp_path / "export.csv"
    export.write_text(ROWS, encoding="utf-8")
    stat = export.stat()
    store = RawStore(tmp_path / "raw")
    first, previous = _collect(tmp_path, store, {})
    export.write_text(ROWS.replace("12000000", "13000000"), encoding="utf-8")  # the same size
    os.utime(export, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # and the old modification time
    second, _ = _collect(tmp_path, store, previous)
    assert second["status"] == "ok"
    assert second["sha256"] != first["sha256"]


class _CountingStore(RawStore):
    """A raw store that counts the whole bodies read back from it."""

    reads = 0

    def get(self, sha256: str) -> bytes:
        type(self).reads += 1
        return super().get(sha256)


def test_a_listed_source_answered_not_modified_reads_no_stored_body(tmp_path):
    (tmp_path / "export.csv").write_text(ROWS, encoding="utf-8")
    store = _CountingStore(tmp_path / "raw")
    _, previous = _collect(tmp_path, store, {})
    _CountingStore.reads = 0
    again, _ = _collect(tmp_path, store, previous)
    assert again["status"] == "not_modified"
    # its stored version was verified before the request; extraction reads it from the store if it must
    assert _CountingStore.reads == 0


def test_a_directory_where_the_export_should_be_says_so(tmp_path):
    (tmp_path / "export.csv").mkdir()  # a folder named like the file
    attempt, _ = _collect(tmp_path, RawStore(tmp_path / "raw"), {})
    assert attempt["status"] == "error"
    assert attempt["error_class"] == "file_not_found"
    assert attempt["error_message"].startswith("a directory, not a file:")
