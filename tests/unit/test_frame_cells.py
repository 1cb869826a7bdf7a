"""What counts as a missing cell in a frame read back from DuckDB (assets/frames.py)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import numpy as np
import pandas as pd
import pytest

from assets.frames import as_list, is_missing


@pytest.mark.parametrize(
    "cell",
    [None, pd.NA, pd.NaT, float("nan"), np.float64("nan"), np.float32("nan"), np.datetime64("NaT"),
     Decimal("NaN")],
)  # fmt: skip
def test_missing_cells(cell) -> None:
    assert is_missing(cell)


@pytest.mark.parametrize(
    "cell",
    [0, 0.0, np.float64(0), np.int64(7), False, True, "", "Mistral AI", [], (), np.array([]),
     np.array([None]), date(2026, 3, 1), pd.Timestamp("2026-03-01"), Decimal("1.5"), 10**30],
)  # fmt: skip
def test_present_cells(cell) -> None:
    assert not is_missing(cell)


def test_a_list_cell_keeps_its_present_values_in_order() -> None:
    assert as_list(np.array(["Benchmark", None, float("nan"), "EQT Ventures"], dtype=object)) == [
        "Benchmark",
        "EQT Ventures",
    ]
    assert as_list(pd.NA) == []
    assert as_list("Benchmark") == ["Benchmark"]
