"""Content-addressed store of raw document bodies: `<root>/<sha[:2]>/<sha>`, written once, verified on read.

Every later stage reads bodies from here, so a taxonomy or rule change replays without the network. A file's
name is the sha256 of its bytes, so every read checks it: a truncated or altered blob raises `CorruptBlob`
and a deleted one `MissingBlob`, both naming the digest and the path, instead of being parsed to fewer
mentions. `put` rewrites a file whose bytes do not match its name.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path


class BlobError(OSError):
    """A stored body cannot be used; `sha256` and `path` say which."""

    error_class = "blob"

    def __init__(self, sha256: str, path: Path, message: str):
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


def _missing(sha256: str, target: Path) -> MissingBlob:
    return MissingBlob(sha256, target, f"raw blob {sha256} is missing: no file {target}")


def _check(sha256: str, target: Path, actual: str) -> None:
    if actual != sha256:
        message = f"raw blob {sha256} is corrupt: {target} hashes to {actual}"
        raise CorruptBlob(sha256, target, message)


class RawStore:
    def __init__(self, root: Path):
        self.root = Path(root)

    def path(self, sha256: str) -> Path:
        """Where the body with this digest lives (unchecked: use `verified_path` to read it)."""
        if len(sha256) != 64 or not all(c in "0123456789abcdef" for c in sha256):
            raise ValueError(f"not a sha256 hex digest: {sha256!r}")
        return self.root / sha256[:2] / sha256

    def verified_path(self, sha256: str) -> Path:
        """The body's path once its bytes are checked against its name, for readers that take a path
        (parsers, DuckDB). Raises `MissingBlob` or `CorruptBlob`."""
        target = self.path(sha256)
        try:
            actual = _digest_of_file(target)
        except FileNotFoundError:
            raise _missing(sha256, target) from None
        _check(sha256, target, actual)
        return target

    def put(self, body: bytes) -> str:
        """Store `body` and return its sha256. A file already there is kept when its bytes are right and
        replaced when they are not. Writes are atomic: temp file, then rename."""
        digest = hashlib.sha256(body).hexdigest()
        target = self.path(digest)
        if target.exists() and _digest_of_file(target) == digest:
            return digest
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
        return digest

    def get(self, sha256: str) -> bytes:
        """The body with this digest, checked: `MissingBlob` or `CorruptBlob` when it cannot be trusted."""
        target = self.path(sha256)
        try:
            body = target.read_bytes()
        except FileNotFoundError:
            raise _missing(sha256, target) from None
        _check(sha256, target, hashlib.sha256(body).hexdigest())
        return body

    def __contains__(self, sha256: str) -> bool:
        return self.path(sha256).exists()
