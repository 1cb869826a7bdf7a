"""Shared fixtures: repository paths, the bundled samples, and per-test data directories."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
SAMPLES = REPO_ROOT / "samples"


def _shared(name: str) -> Path:
    """A folder of ../shared (real data sets, seed documents), wherever the clone lives."""
    candidates = [os.environ.get("DEALMAP_SHARED_DIR"), REPO_ROOT.parent / "shared", "/work/shared"]
    for candidate in filter(None, candidates):
        if (Path(candidate) / name).is_dir():
            return Path(candidate) / name
    return REPO_ROOT.parent / "shared" / name


SHARED_DATA = _shared("data")
SHARED_SEEDS = _shared("seeds")


@pytest.fixture
def samples_dir() -> Path:
    return SAMPLES


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """An empty dealmap data directory (raw store, working and served DuckDB files go here)."""
    path = tmp_path / "data"
    path.mkdir()
    return path
