"""Where dealmap's files are, resolved once to absolute paths: explicit configuration, then the
environment, then the repository's defaults. Nothing depends on the working directory."""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


def resolved_path(configured: str, env_var: str, default: Path) -> Path:
    """`configured` if set, else `$env_var` if set, else `default`; absolute, `~` expanded."""
    value = configured or os.environ.get(env_var) or str(default)
    return Path(value).expanduser().resolve()


def shared_dir(name: str) -> Path:
    """A folder of the project's shared material (`../shared/<name>`: real data sets, seed documents),
    beside the clone or wherever `$DEALMAP_SHARED_DIR` points."""
    return resolved_path("", "DEALMAP_SHARED_DIR", REPO_ROOT.parent / "shared") / name
