"""Fingerprints that say when a stored document must be parsed again.

A document version is parsed once per fingerprint: the hash of the parsing code (every project module the
parser imports, found by walking the imports) and the vocabularies it uses,
plus its source's kind, column mapping and options. Unchanged documents under unchanged code are reused
from the previous run; editing a parser, a round-type or currency spelling, or a source's options makes
every affected document parse again on the next run, without fetching.
"""

from __future__ import annotations

import hashlib
import json
import re
from functools import cache
from pathlib import Path

from assets.sources import Source
from schemas.reference.reference_data import current_reference_data

_ROOT = Path(__file__).resolve().parent.parent.parent
# Parsing starts here; every project module it imports, directly or not, is part of the parser.
_ENTRY = "assets.parsing.dispatch"
_PROJECT_PACKAGES = ("assets", "schemas", "warehouse")
# Reference files parsing reads (wherever DEALMAP_REFERENCE_DIR puts them).
_REFERENCE_INPUTS = ("round_types.toml", "currencies.toml", "gazetteer.toml")


@cache  # the files of a process's code do not move under it
def _module_file(name: str) -> Path | None:
    """The source file of a project module (a package's __init__.py), or None outside the project."""
    if name.split(".")[0] not in _PROJECT_PACKAGES:
        return None
    base = _ROOT.joinpath(*name.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


# Import statements read from the text: `import a.b as c, d` and `from a.b import x, y as z` (one line, or a
# parenthesised list over several). A full syntax tree of each of the ~130 project modules took about half
# a second of every process; the statements alone give the same names (tests/unit/test_fingerprint.py
# compares the two on every project module). Relative imports (`from .x`) are left out, as before; an
# import-like line inside a docstring only adds a name, which at worst makes the fingerprint cover more.
_IMPORT = re.compile(r"^[ \t]*import[ \t]+([\w. \t,]+)", re.MULTILINE)
_FROM_IMPORT = re.compile(r"^[ \t]*from[ \t]+(\w[\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[^\n]*)", re.MULTILINE)


def imported_names(text: str) -> frozenset[str]:
    """Every module a Python source imports by absolute name, and `module.name` for each name imported
    from a module (the name may be a submodule)."""
    names = set()
    for statement in _IMPORT.finditer(text):
        names.update(part.split()[0] for part in statement.group(1).split(",") if part.split())
    for statement in _FROM_IMPORT.finditer(text):
        module = statement.group(1)
        names.add(module)
        for line in statement.group(2).strip("()").splitlines():
            listed = line.split("#")[0]
            names.update(f"{module}.{part.split()[0]}" for part in listed.split(",") if part.split())
    return frozenset(names)


@cache  # each stage's digest walks its own imports, and most of them are shared: read each file once
def _imported(path: Path) -> frozenset[str]:
    return imported_names(path.read_text(encoding="utf-8"))


def module_sources(entry: str) -> list[Path]:
    """Every project source file module `entry` imports, transitively, itself included (sorted).

    Derived from the imports rather than listed by hand, so a helper module added to parsing (or a frame
    helper it starts to use) changes the fingerprint without anyone remembering to add it.
    """
    seen: dict[str, Path] = {}
    pending = [entry]
    while pending:
        name = pending.pop()
        path = _module_file(name)
        if path is None or name in seen:
            continue
        seen[name] = path
        pending.extend(_imported(path))
    return sorted(set(seen.values()))


@cache  # the code of a process does not change under it (a Dagster code server reloads as a new process)
def code_digest(entry: str) -> str:
    """sha256 of the code of module `entry` and of every project module it imports."""
    digest = hashlib.sha256()
    for path in module_sources(entry):
        digest.update(path.relative_to(_ROOT).as_posix().encode())
        digest.update(_source_digest(path))
    return digest.hexdigest()


@cache  # each stage's digest reads most of the same files
def _source_digest(path: Path) -> bytes:
    return hashlib.sha256(path.read_bytes()).digest()


def extractor_fingerprint() -> str:
    """The parsing code and the vocabularies of the reference data in use, as 16 hex digits."""
    vocabularies = current_reference_data().digest(_REFERENCE_INPUTS)
    return hashlib.sha256(f"{code_digest(_ENTRY)}:{vocabularies}".encode()).hexdigest()[:16]


def source_fingerprint(source: Source) -> str:
    """The extractor fingerprint combined with what of the source's configuration shapes parsing."""
    config = json.dumps(
        {
            "kind": str(source.kind),
            "url": source.url,
            "columns": dict(source.columns),
            "options": dict(source.options),
        },
        sort_keys=True,
        default=str,
    )
    return hashlib.sha256(f"{extractor_fingerprint()}:{config}".encode()).hexdigest()[:16]
