"""The content-addressed raw store: sha256 keys, sharded paths, idempotent writes, rejected keys."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from assets.fetching.raw_store import RawStore

BODY = b"<html><body>Orrin raised $20M.</body></html>"
DIGEST = hashlib.sha256(BODY).hexdigest()


def test_put_returns_sha256_and_stores_under_a_two_char_shard(tmp_path: Path) -> None:
    store = RawStore(tmp_path)

    digest = store.put(BODY)

    assert digest == DIGEST
    assert store.path(digest) == tmp_path / DIGEST[:2] / DIGEST
    assert store.path(digest).read_bytes() == BODY
    assert store.get(digest) == BODY
    assert digest in store


def test_put_is_idempotent(tmp_path: Path) -> None:
    store = RawStore(tmp_path)
    store.put(BODY)
    first_write = store.path(DIGEST).stat().st_mtime_ns

    assert store.put(BODY) == DIGEST

    assert store.path(DIGEST).stat().st_mtime_ns == first_write
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == [
        DIGEST[:2],
        f"{DIGEST[:2]}/{DIGEST}",
    ]


def test_different_bodies_different_keys(tmp_path: Path) -> None:
    store = RawStore(tmp_path)

    keys = {store.put(b"one"), store.put(b"two"), store.put(b"")}

    assert keys == {hashlib.sha256(b).hexdigest() for b in (b"one", b"two", b"")}
    assert store.get(hashlib.sha256(b"").hexdigest()) == b""


def test_absent_digest(tmp_path: Path) -> None:
    store = RawStore(tmp_path)

    assert "0" * 64 not in store
    with pytest.raises(FileNotFoundError):
        store.get("0" * 64)


@pytest.mark.parametrize(
    "key",
    ["", "abc", "g" * 64, DIGEST.upper(), DIGEST + "0", DIGEST[:-1], "../" + DIGEST[3:], f"{DIGEST[:63]}/"],
)
def test_bad_keys_are_rejected(tmp_path: Path, key: str) -> None:
    store = RawStore(tmp_path)

    with pytest.raises(ValueError, match="not a sha256 hex digest"):
        store.path(key)
    with pytest.raises(ValueError, match="not a sha256 hex digest"):
        store.get(key)
