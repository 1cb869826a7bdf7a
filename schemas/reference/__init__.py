"""Reference data (taxonomy, vocabularies, aliases, FX rates): where it is read from, and when to reread it.

The files ship in this directory; `DEALMAP_REFERENCE_DIR` points dealmap at a copy a team maintains
elsewhere. A run reads the files once into a `ReferenceData` (see `reference_data.py`), so a
long-running Dagster code server picks up an edited taxonomy on the next run without a restart.

Every reference file is read through `read_reference_text` / `read_reference_toml` and checked with a
`FileCheck`, so any problem (missing file, TOML syntax with line and column, a missing key, a value of the
wrong type, a bad CSV row) is one `ReferenceDataError` naming the file's full path and every problem.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BUNDLED_DIR = Path(__file__).resolve().parent
REFERENCE_FILES = (
    "taxonomy.toml",
    "round_types.toml",
    "currencies.toml",
    "aliases.toml",
    "fx_usd_monthly.csv",
    "gazetteer.toml",
)


def reference_dir() -> Path:
    """$DEALMAP_REFERENCE_DIR when set, else the files shipped with dealmap."""
    configured = os.environ.get("DEALMAP_REFERENCE_DIR")
    return Path(configured).expanduser().resolve() if configured else BUNDLED_DIR


def reference_path(name: str) -> Path:
    return reference_dir() / name


# ---- reading and checking the files -------------------------------------------------------------------


class ReferenceDataError(ValueError):
    """A reference file cannot be used: the message names its full path and every problem in it."""

    def __init__(self, path: Path | str, problems: str | Sequence[str]):
        self.path = str(path)
        self.problems = (problems,) if isinstance(problems, str) else tuple(problems)
        if len(self.problems) == 1:
            message = f"{self.path}: {self.problems[0]}"
        else:
            listed = "\n".join(f"  - {problem}" for problem in self.problems)
            message = f"{self.path}: {len(self.problems)} problems\n{listed}"
        super().__init__(message)


def read_reference_text(path: Path) -> str:
    """The text of a reference file; a missing or undecodable file is a ReferenceDataError."""
    path = Path(path)
    try:
        return path.read_text(encoding="utf-8-sig")  # a BOM from a spreadsheet is not content
    except FileNotFoundError:
        raise ReferenceDataError(path, "file not found (is DEALMAP_REFERENCE_DIR right?)") from None
    except UnicodeDecodeError as error:
        raise ReferenceDataError(path, f"not UTF-8 text: {error}") from error
    except OSError as error:
        raise ReferenceDataError(path, f"cannot be read: {error.strerror}") from error


def parse_reference_toml(text: str, origin: Path | str) -> dict[str, Any]:
    """TOML text of a reference file; a syntax error names the file, line and column."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:  # the message ends "(at line 3, column 7)"
        raise ReferenceDataError(origin, f"not valid TOML: {error}") from error


def read_reference_toml(path: Path) -> dict[str, Any]:
    return parse_reference_toml(read_reference_text(path), path)


_MISSING = object()
# What a value in a reference file must be, and the words for it in messages.
_KINDS: dict[str, Callable[[Any], bool]] = {
    "text": lambda v: isinstance(v, str),
    "an integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "true or false": lambda v: isinstance(v, bool),
    "a list of text": lambda v: isinstance(v, list) and all(isinstance(item, str) for item in v),
}


@dataclass
class FileCheck:
    """Collects the problems of one well-formed reference file, so that all are reported at once."""

    origin: Path | str
    error: type[ReferenceDataError] = ReferenceDataError
    problems: list[str] = field(default_factory=list)

    def problem(self, text: str) -> None:
        self.problems.append(text)

    def tables(self, data: dict[str, Any], name: str, *, required: bool = True) -> dict[str, dict[str, Any]]:
        """The `[name.<key>]` tables of the file, by key (a required group must have one)."""
        group = data.get(name, {})
        if not isinstance(group, dict):
            self.problem(f"'{name}' must be [{name}.<key>] tables")
            return {}
        if required and not group:
            self.problem(f"no [{name}.<key>] tables")
        found = {}
        for key, spec in group.items():
            if isinstance(spec, dict):
                found[key] = spec
            else:
                self.problem(f"[{name}] {key!r} must be a table ([{name}.{key}])")
        return found

    def value(self, spec: dict[str, Any], where: str, key: str, kind: str, default: Any = _MISSING) -> Any:
        """`spec[key]` when it is `kind` (one of _KINDS); a missing required key or a wrong type is a
        problem (and gives `default`, or None)."""
        if key not in spec:
            if default is _MISSING:
                self.problem(f"[{where}] is missing '{key}' ({kind})")
                return None
            return default
        value = spec[key]
        if not _KINDS[kind](value):
            self.problem(f"[{where}] '{key}' must be {kind}, not {value!r}")
            return None if default is _MISSING else default
        return value

    def unknown_keys(self, spec: dict[str, Any], where: str, accepted: Sequence[str]) -> None:
        """A misspelt key ('alias' for 'aliases') would be ignored silently: it is a problem.
        `where` names the table; '' for the top level of the file."""
        place = f"[{where}] unknown key" if where else "unknown top-level table"
        for key in spec:
            if key not in accepted:
                self.problem(f"{place} '{key}' (accepted: {', '.join(accepted)})")

    def raise_if_any(self) -> None:
        if self.problems:
            raise self.error(self.origin, self.problems)
