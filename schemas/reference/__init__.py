"""Reference data (taxonomy, vocabularies, aliases, FX rates): where it is read from, and when to reread it.

The files ship in this directory; `DEALMAP_REFERENCE_DIR` points dealmap at a copy a team maintains
elsewhere. Loaded data is kept until a file changes: every asset that uses reference data calls
`check_for_changes()` first, so a long-running Dagster code server picks up an edited taxonomy on the
next run without a restart, and caches built from the data (money patterns, round phrases, the parser
fingerprint) are cleared with it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

BUNDLED_DIR = Path(__file__).resolve().parent
REFERENCE_FILES = (
    "taxonomy.toml",
    "round_types.toml",
    "currencies.toml",
    "aliases.toml",
    "fx_usd_monthly.csv",
)

T = TypeVar("T")
_loaded: dict[str, object] = {}
_state: tuple[tuple[str, int, int], ...] | None = None
_state_dir: Path | None = None
_listeners: list[Callable[[], None]] = []


def reference_dir() -> Path:
    """$DEALMAP_REFERENCE_DIR when set, else the files shipped with dealmap."""
    configured = os.environ.get("DEALMAP_REFERENCE_DIR")
    return Path(configured).expanduser().resolve() if configured else BUNDLED_DIR


def reference_path(name: str) -> Path:
    return reference_dir() / name


def on_change(clear: Callable[[], None]) -> Callable[[], None]:
    """Register a cache that is built from reference data, to be cleared when the data changes."""
    _listeners.append(clear)
    return clear


def _current_state() -> tuple[tuple[str, int, int], ...]:
    state = []
    for name in REFERENCE_FILES:
        path = reference_path(name)
        stat = path.stat() if path.exists() else None
        state.append((str(path), stat.st_mtime_ns if stat else -1, stat.st_size if stat else -1))
    return tuple(state)


def check_for_changes() -> bool:
    """Forget loaded reference data if any file moved or changed since it was read; True when it had."""
    global _state, _state_dir
    state = _current_state()
    if state == _state:
        return False
    _state, _state_dir = state, reference_dir()
    _loaded.clear()
    for clear in _listeners:
        clear()
    return True


def load_current(name: str, loader: Callable[[Path], T]) -> T:
    """`loader(path)` of reference file `name`, loaded once until `check_for_changes` sees a change."""
    if _state is None or _state_dir != reference_dir():  # first use, or pointed at another directory
        check_for_changes()
    if name not in _loaded:
        _loaded[name] = loader(reference_path(name))
    return _loaded[name]  # type: ignore[return-value]
