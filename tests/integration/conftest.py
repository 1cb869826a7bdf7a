"""Fixtures shared by the integration tests."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest


@pytest.fixture
def stall() -> Iterator[threading.Event]:
    """An event stalling server handlers wait on, set when the test ends: no handler outlives its test."""
    released = threading.Event()
    yield released
    released.set()
