"""Cell helpers for frames read back from DuckDB (lists arrive as numpy arrays, NULLs as pd.NA)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd


def is_missing(value: Any) -> bool:
    """True for None, NaN, NaT and pd.NA; False for any list-like (even empty) and other values."""
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    # The common cells answered without pandas: resolution asks this of every cell it reads, and
    # pd.isna on a scalar costs a microsecond. np.float64 is a float; NaN is the only float unequal to itself.
    if isinstance(value, float):
        return value != value
    if isinstance(value, str | bool | int | list | tuple | np.ndarray):
        return False
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def as_list(value: Any) -> list[Any]:
    """A plain list from a list-like cell; [] for a missing one; [value] for a scalar."""
    if is_missing(value):
        return []
    if isinstance(value, list | tuple | np.ndarray):
        return [v for v in value if not is_missing(v)]
    return [value]
