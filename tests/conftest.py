"""Shared fixtures: repository paths, the bundled samples, and per-test data directories."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
SAMPLES = REPO_ROOT / "samples"


def _shared_data() -> Path:
    """The real data sets beside the repository (../shared/data), wherever the clone lives."""
    candidates = [
        os.environ.get("DEALMAP_SHARED_DATA"),
        REPO_ROOT.parent / "shared" / "data",
        "/work/shared/data",
    ]
    for candidate in filter(None, candidates):
        if Path(candidate).is_dir():
            return Path(candidate)
    return REPO_ROOT.parent / "shared" / "data"


SHARED_DATA = _shared_data()


@pytest.fixture
def samples_dir() -> Path:
    return SAMPLES


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """An empty dealmap data directory (raw store, working and served DuckDB files go here)."""
    path = tmp_path / "data"
    path.mkdir()
    return path
