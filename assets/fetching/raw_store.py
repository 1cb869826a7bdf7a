"""Content-addressed store of raw document bodies: `<root>/<sha[:2]>/<sha>`, written once, verified on read.

Every later stage reads bodies from here, so a taxonomy or rule change replays without the network. A file's
name is the sha256 of its bytes, so every read checks it: a truncated or altered blob raises `CorruptBlob`
and a deleted one `MissingBlob`, both naming the digest and the path, instead of being parsed to fewer
mentions. `put` rewrites a file whose bytes do not match its name.

The root is a local directory or an fsspec URL (`file:///srv/raw`, `memory://raw` in tests, `s3://bucket/raw`
with s3fs installed, `gs://` with gcsfs, `abfs://` with adlfs). A local write goes to a temporary file that is
renamed into place; an object store's single PUT is atomic already (an object appears whole or not at all).
Parsers that need a file (DuckDB reading an export) get a verified local copy: the blob itself when the
store is local, else a copy in `cache_dir`, itself content-addressed and checked on every read.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path, PurePosixPath

import fsspec
from fsspec.implementations.local import LocalFileSystem
from fsspec.registry import known_implementations

from schemas.settings import resolved_location

# Protocols that cannot hold a store: read-only web and archive views, and chained URLs.
_NOT_A_STORE = {"http", "https", "zip", "tar", "libarchive", "github", "git", "reference", "data"}


class RawStoreLocationError(ValueError):
    """The configured raw-store location cannot be used; the message says why and what to change."""


class BlobError(OSError):
    """A stored body cannot be used; `sha256` and `path` say which."""

    error_class = "blob"

    def __init__(self, sha256: str, path: Path | str, message: str):
        super().__init__(message)
        self.sha256, self.path = sha256, path


class CorruptBlob(BlobError):
    """The file's bytes do not hash to its name (truncated, altered)."""

    error_class = "corrupt_blob"


class MissingBlob(BlobError, FileNotFoundError):
    """No file for the digest."""

    error_class = "missing_blob"


def _digest_of_file(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def _missing(sha256: str, target: Path | str) -> MissingBlob:
    return MissingBlob(sha256, target, f"raw blob {sha256} is missing: no file {target}")


def _check(sha256: str, target: Path | str, actual: str) -> None:
    if actual != sha256:
        message = f"raw blob {sha256} is corrupt: {target} hashes to {actual}"
        raise CorruptBlob(sha256, target, message)


def _write_atomically(target: Path, body: bytes) -> None:
    """Write `body` to a temporary file beside `target`, flush it to disk, then rename it into place: a
    reader sees the old file or the whole new one, never a part."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(body)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def open_location(location: str | Path) -> tuple[fsspec.AbstractFileSystem, str]:
    """The filesystem and root path of a raw-store location (a local path or an fsspec URL).

    Raises `RawStoreLocationError` naming the location and the fix: an unknown protocol, one whose package
    is not installed (`s3://` without s3fs), or one that cannot be written (http, zip, chained URLs)."""
    text = str(location)
    protocol = text.split("://", 1)[0].lower() if "://" in text else "file"
    where = f"raw store {text!r} (DEALMAP_RAW_STORE)"
    if "::" in text or protocol in _NOT_A_STORE:
        raise RawStoreLocationError(
            f"{where}: {protocol}:// cannot hold a store; use a directory, file://, or an object store URL "
            "such as s3://bucket/raw"
        )
    try:
        filesystem, root = fsspec.core.url_to_fs(text)
    except ImportError as error:
        package = (
            known_implementations.get(protocol, {}).get("class", "").split(".")[0] or "its fsspec package"
        )
        raise RawStoreLocationError(
            f"{where}: the {protocol}:// protocol needs the package {package!r}, which is not installed "
            f"({error}); install it into the environment (e.g. `uv add {package}`) or use a local directory"
        ) from error
    except ValueError as error:
        raise RawStoreLocationError(
            f"{where}: {error}; use a directory, file://, memory:// or an fsspec URL such as s3://bucket/raw"
        ) from error
    return filesystem, root.rstrip("/") or "/"


class RawStore:
    def __init__(self, location: str | Path, cache_dir: Path | None = None):
        """A store at `location` (a local path or an fsspec URL). `cache_dir` holds verified local copies
        of bodies from a remote store for readers that need a file (default: a folder under the system's
        temporary directory)."""
        self.filesystem, root = open_location(location)
        self.local = isinstance(self.filesystem, LocalFileSystem)
        self.root: Path | PurePosixPath = Path(root) if self.local else PurePosixPath(root)
        self.url = self.filesystem.unstrip_protocol(root)
        self.cache_dir = cache_dir or Path(tempfile.gettempdir()) / "dealmap-raw-cache"

    def path(self, sha256: str) -> Path | PurePosixPath:
        """Where the body with this digest lives: a `Path` when the store is local, else the path inside
        its filesystem (unchecked: use `verified_path` to read it)."""
        if len(sha256) != 64 or not all(c in "0123456789abcdef" for c in sha256):
            raise ValueError(f"not a sha256 hex digest: {sha256!r}")
        return self.root / sha256[:2] / sha256

    def _shown(self, sha256: str) -> Path | str:
        """The blob's name in messages: its path when local, its URL when not."""
        target = self.path(sha256)
        return target if isinstance(target, Path) else self.filesystem.unstrip_protocol(str(target))

    def verified_path(self, sha256: str) -> Path:
        """A local file with the body's bytes, checked against its name, for readers that take a path
        (parsers, DuckDB). Raises `MissingBlob` or `CorruptBlob`."""
        target = self.path(sha256)
        if isinstance(target, Path):
            try:
                actual = _digest_of_file(target)
            except FileNotFoundError:
                raise _missing(sha256, target) from None
            _check(sha256, target, actual)
            return target
        if not self.filesystem.exists(str(target)):
            raise _missing(sha256, self._shown(sha256))
        cached = self.cache_dir / sha256[:2] / sha256
        if not cached.is_file() or _digest_of_file(cached) != sha256:
            _write_atomically(cached, self.get(sha256))
        return cached

    def put(self, body: bytes, digest: str | None = None) -> str:
        """Store `body` and return its sha256 (`digest`, when the caller has just computed it from these
        bytes). A blob already there is kept when its bytes are right and replaced when they are not.
        Writes are atomic (see the module docstring)."""
        digest = digest or hashlib.sha256(body).hexdigest()
        target = self.path(digest)
        if isinstance(target, Path):
            if not (target.exists() and _digest_of_file(target) == digest):
                _write_atomically(target, body)
            return digest
        try:
            if self.filesystem.exists(str(target)):
                self.get(digest)
                return digest
        except CorruptBlob:
            pass  # replaced below
        self.filesystem.pipe_file(str(target), body)
        return digest

    def get(self, sha256: str) -> bytes:
        """The body with this digest, checked: `MissingBlob` or `CorruptBlob` when it cannot be trusted."""
        target = self.path(sha256)
        try:
            body = target.read_bytes() if isinstance(target, Path) else self.filesystem.cat_file(str(target))
        except FileNotFoundError:
            raise _missing(sha256, self._shown(sha256)) from None
        _check(sha256, self._shown(sha256), hashlib.sha256(body).hexdigest())
        return body

    def __contains__(self, sha256: str) -> bool:
        return self.filesystem.exists(str(self.path(sha256)))


def raw_store_at(data_path: Path, configured: str = "") -> RawStore:
    """The raw store of a data directory: `configured`, else `$DEALMAP_RAW_STORE`, else `<data>/raw`.
    Bodies of a remote store are parsed from verified copies in `<data>/raw_cache`."""
    return RawStore(raw_store_location(data_path, configured), cache_dir=data_path / "raw_cache")


def raw_store_location(data_path: Path, configured: str = "") -> str:
    """Where the raw store of a data directory is, as an absolute path or a URL, without opening it."""
    return resolved_location(configured, "DEALMAP_RAW_STORE", data_path / "raw")
