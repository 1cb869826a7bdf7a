"""Where the investment map is written, and writing it so a reader never opens half a file."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

REPORT_NAME = "investment_map.html"


def report_path(data_path: Path) -> Path:
    """The report in a data directory: beside the served `dealmap.duckdb`."""
    return Path(data_path) / REPORT_NAME


def write_atomically(path: Path, text: str) -> int:
    """Write `text` (UTF-8) to `path` through a temporary file beside it, renamed into place.

    A browser or a copy that opens `path` meanwhile gets the old report or the new one, never a
    truncated page; a write that fails leaves the old report and no temporary file. Returns the bytes.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    body = text.encode("utf-8")
    # Beside the target, so the rename stays on one filesystem (os.replace is atomic only there).
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(body)
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp creates the file readable by its owner only; a report is meant to be shared like the
        # served database beside it.
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    return len(body)
