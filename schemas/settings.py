"""Where dealmap's files are, resolved once to absolute paths: explicit configuration, then the
environment, then the repository's defaults. Nothing depends on the working directory."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

REPO_ROOT = Path(__file__).resolve().parent.parent


def resolved_path(configured: str, env_var: str, default: Path) -> Path:
    """`configured` if set, else `$env_var` if set, else `default`; absolute, `~` expanded."""
    value = configured or os.environ.get(env_var) or str(default)
    return Path(value).expanduser().resolve()


def resolved_location(configured: str, env_var: str, default: Path) -> str:
    """Like `resolved_path`, for settings that may also be a URL (`s3://bucket/raw`, `memory://raw`): a
    `file://` URL or a path becomes an absolute local path, any other URL is kept as written."""
    value = configured or os.environ.get(env_var) or str(default)
    scheme, separator, _ = value.partition("://")
    if not separator:
        return str(resolved_path(value, env_var, default))
    if scheme.lower() == "file":
        return str(Path(url2pathname(urlsplit(value).path)).expanduser().resolve())
    return value


def resolved_local_file(configured: str, env_var: str, default: Path) -> Path:
    """Like `resolved_path`, also taking a `file://` URL, for a DuckDB file dealmap writes. Any other URL
    (`md:`, `ducklake:`, `s3://`) raises ValueError naming the variable: a refresh publishes by renaming a
    finished file into place, which only a local filesystem offers (docs/scaling.md)."""
    value = configured or os.environ.get(env_var) or ""
    scheme = value.partition(":")[0]
    # One letter before the colon is a Windows drive (C:\data), not a scheme.
    if ":" in value and len(scheme) > 1 and scheme.lower() != "file":
        raise ValueError(
            f"{env_var}={value!r}: expected a local file path or a file:// URL; {scheme}: is not supported "
            "(publishing renames a finished DuckDB file into place; see docs/scaling.md for MotherDuck and "
            "DuckLake)"
        )
    return Path(resolved_location(value, env_var, default))


def shared_dir(name: str) -> Path:
    """A folder of the project's shared material (`../shared/<name>`: real data sets, seed documents),
    beside the clone or wherever `$DEALMAP_SHARED_DIR` points."""
    return resolved_path("", "DEALMAP_SHARED_DIR", REPO_ROOT.parent / "shared") / name
