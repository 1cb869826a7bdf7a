"""Fingerprints that say when a stored document must be parsed again.

A document version is parsed once per fingerprint: the hash of the parsing code and vocabularies it uses,
plus its source's kind, column mapping and options. Unchanged documents under unchanged code are reused
from the previous run; editing a parser, a round-type or currency spelling, or a source's options makes
every affected document parse again on the next run, without fetching.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path

from assets.sources import Source
from schemas.reference import on_change, reference_path

_ROOT = Path(__file__).resolve().parent.parent.parent
_INPUTS = (
    "assets/parsing/*.py",
    "assets/normalize/amounts.py",
    "assets/normalize/dates.py",
    "assets/normalize/names.py",
    "assets/normalize/rounds.py",
    "schemas/text.py",
    "schemas/vocabulary.py",
)
# Reference files parsing reads (wherever DEALMAP_REFERENCE_DIR puts them).
_REFERENCE_INPUTS = ("round_types.toml", "currencies.toml")


@cache
def extractor_fingerprint() -> str:
    digest = hashlib.sha256()
    for pattern in _INPUTS:
        for path in sorted(_ROOT.glob(pattern)):
            digest.update(path.relative_to(_ROOT).as_posix().encode())
            digest.update(path.read_bytes())
    for name in _REFERENCE_INPUTS:
        digest.update(name.encode())
        digest.update(reference_path(name).read_bytes())
    return digest.hexdigest()[:16]


on_change(extractor_fingerprint.cache_clear)


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
