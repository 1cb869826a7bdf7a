"""The raw store on fsspec locations other than a local directory (`file://`, `memory://`), and the
errors a location that cannot hold a store gives (unknown protocol, missing package, read-only)."""

from __future__ import annotations

import hashlib
import importlib.util
import uuid
from pathlib import Path

import fsspec
import pytest

from assets.fetching.raw_store import CorruptBlob, MissingBlob, RawStore, RawStoreLocationError

BODY = b"<html><body>Orrin raised $20M.</body></html>"
DIGEST = hashlib.sha256(BODY).hexdigest()


@pytest.fixture
def memory_url() -> str:
    """A fresh root in the process-wide memory filesystem (shared by every store in the process)."""
    return f"memory://raw-{uuid.uuid4().hex}"


def test_a_file_url_is_the_same_store_as_its_directory(tmp_path: Path) -> None:
    by_url = RawStore((tmp_path / "raw").as_uri())

    assert by_url.put(BODY) == DIGEST

    assert by_url.local
    assert (tmp_path / "raw" / DIGEST[:2] / DIGEST).read_bytes() == BODY
    assert RawStore(tmp_path / "raw").get(DIGEST) == BODY
    assert by_url.url == (tmp_path / "raw").as_uri()


def test_a_memory_store_writes_under_its_root_and_reads_back_checked(memory_url: str, tmp_path: Path) -> None:
    store = RawStore(memory_url, cache_dir=tmp_path / "cache")

    assert store.put(BODY) == DIGEST
    assert store.put(BODY) == DIGEST  # written once

    memory = fsspec.filesystem("memory")
    root = memory_url.removeprefix("memory://")
    assert memory.find(f"/{root}") == [f"/{root}/{DIGEST[:2]}/{DIGEST}"]
    assert store.get(DIGEST) == BODY
    assert DIGEST in store
    assert "0" * 64 not in store
    assert not store.local


def test_readers_that_need_a_file_get_a_verified_local_copy(memory_url: str, tmp_path: Path) -> None:
    store = RawStore(memory_url, cache_dir=tmp_path / "cache")
    store.put(BODY)

    copy = store.verified_path(DIGEST)

    assert copy == tmp_path / "cache" / DIGEST[:2] / DIGEST
    assert copy.read_bytes() == BODY
    copy.write_bytes(b"tampered")  # a damaged copy is fetched again, never handed to a parser
    assert store.verified_path(DIGEST).read_bytes() == BODY


def test_a_corrupt_or_missing_remote_blob_is_named_by_its_url(memory_url: str, tmp_path: Path) -> None:
    store = RawStore(memory_url, cache_dir=tmp_path / "cache")
    store.put(BODY)
    url = f"memory:///{memory_url.removeprefix('memory://')}/{DIGEST[:2]}/{DIGEST}"
    fsspec.filesystem("memory").pipe_file(str(store.path(DIGEST)), BODY[:10])

    with pytest.raises(CorruptBlob, match=f"raw blob {DIGEST} is corrupt: {url} hashes to "):
        store.verified_path(DIGEST)
    assert store.put(BODY) == DIGEST  # a corrupt blob is replaced by the right bytes
    assert store.get(DIGEST) == BODY

    fsspec.filesystem("memory").rm(str(store.path(DIGEST)))
    with pytest.raises(MissingBlob, match=f"raw blob {DIGEST} is missing: no file {url}"):
        store.get(DIGEST)
    with pytest.raises(MissingBlob):
        store.verified_path(DIGEST)


@pytest.mark.parametrize(
    ("location", "message"),
    [
        (
            "s3://deals-bucket/raw",
            r"raw store 's3://deals-bucket/raw' \(DEALMAP_RAW_STORE\): the s3:// protocol needs the package "
            r"'s3fs', which is not installed \(Install s3fs to access S3\); install it into the environment "
            r"\(e\.g\. `uv add s3fs`\) or use a local directory",
        ),
        ("gs://deals/raw", r"the gs:// protocol needs the package 'gcsfs'"),
        (
            "sftpx://host/raw",
            r"raw store 'sftpx://host/raw' \(DEALMAP_RAW_STORE\): Protocol not known: sftpx; use a "
            r"directory, file://, memory:// or an fsspec URL such as s3://bucket/raw",
        ),
        (
            "https://example.com/raw",
            r"https:// cannot hold a store; use a directory, file://, or an object store",
        ),
        ("zip://raw::file:///tmp/raw.zip", r"zip:// cannot hold a store"),
    ],
)
def test_a_location_that_cannot_hold_a_store_is_refused_with_the_fix(location: str, message: str) -> None:
    package = {"s3": "s3fs", "gs": "gcsfs"}.get(location.split("://")[0])
    if package and importlib.util.find_spec(package):
        pytest.skip(f"{package} is installed here")

    with pytest.raises(RawStoreLocationError, match=message):
        RawStore(location)
