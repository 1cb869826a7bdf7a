"""The reference data of one run: one object, each file read at most once, and what is built from it.

An asset gets a `ReferenceData` from the `reference_data` resource and puts it in use for the library
code it calls (`with reference_data.in_use():`). Parsing and normalising read it through
`current_reference_data()`, and what they build from it (the money pattern, the round phrases, the
parser fingerprint) is kept on the object, so it lives and dies with the run: an edited taxonomy
applies from the next run, with no cache to clear and nothing to remember to call. A test hands in its
own (`ReferenceData(tmp_path)`, or parts already loaded with `preset=`).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import TypeVar

from schemas.reference import reference_dir

T = TypeVar("T")


class ReferenceData:
    """The reference files in one directory, each loaded on first use and then kept."""

    def __init__(self, directory: Path | str | None = None, *, preset: Mapping[str, object] | None = None):
        self.directory = Path(directory).expanduser().resolve() if directory else reference_dir()
        self._parts: dict[object, object] = dict(preset or {})

    def __repr__(self) -> str:
        return f"ReferenceData({str(self.directory)!r})"

    def path(self, name: str) -> Path:
        return self.directory / name

    def part(self, name: str, loader: Callable[[Path], T]) -> T:
        """`loader(path)` of reference file `name` (e.g. 'taxonomy.toml'), loaded once."""
        if name not in self._parts:
            self._parts[name] = loader(self.path(name))
        return self._parts[name]  # type: ignore[return-value]

    def derived(self, build: Callable[[ReferenceData], T]) -> T:
        """`build(self)`, built once: a pattern or a lookup made from the loaded files."""
        if build not in self._parts:
            self._parts[build] = build(self)
        return self._parts[build]  # type: ignore[return-value]

    def digest(self, names: tuple[str, ...]) -> str:
        """sha256 of files `names` as they are now (for fingerprints that must change with them)."""
        key = ("digest", names)
        if key not in self._parts:
            digest = hashlib.sha256()
            for name in names:
                digest.update(name.encode())
                digest.update(self.path(name).read_bytes())
            self._parts[key] = digest.hexdigest()
        return self._parts[key]  # type: ignore[return-value]

    @contextmanager
    def in_use(self) -> Iterator[ReferenceData]:
        """Make this the reference data of the code called inside the block (this thread or task)."""
        token = _IN_USE.set(self)
        try:
            yield self
        finally:
            _IN_USE.reset(token)


_IN_USE: ContextVar[ReferenceData | None] = ContextVar("dealmap_reference_data", default=None)
_OUTSIDE_RUNS: dict[str, ReferenceData] = {}


def current_reference_data() -> ReferenceData:
    """The reference data in use: the run's, or outside any run (a test, a benchmark, a shell) the files
    in `reference_dir()`, read once per directory for the life of the process."""
    in_use = _IN_USE.get()
    if in_use is not None:
        return in_use
    # Keyed by the variable as set, not the resolved path: parsing asks thousands of times a page.
    configured = os.environ.get("DEALMAP_REFERENCE_DIR", "")
    if configured not in _OUTSIDE_RUNS:
        _OUTSIDE_RUNS[configured] = ReferenceData(reference_dir())
    return _OUTSIDE_RUNS[configured]
