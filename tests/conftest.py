"""Shared fixtures: repository paths, the bundled samples, and per-test data directories."""

from __future__ import annotations

from pathlib import Path

import pytest

from schemas.settings import shared_dir

REPO_ROOT = Path(__file__).resolve().parent.parent
SAMPLES = REPO_ROOT / "samples"


SHARED_DATA = shared_dir("data")
SHARED_SEEDS = shared_dir("seeds")


@pytest.fixture
def samples_dir() -> Path:
    return SAMPLES


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """An empty dealmap data directory (raw store, working and served DuckDB files go here)."""
    path = tmp_path / "data"
    path.mkdir()
    return path
