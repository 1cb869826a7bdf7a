"""Dagster metadata shared by the assets: Markdown previews and samples of frames."""

from __future__ import annotations

from collections.abc import Sequence

import dagster as dg
import numpy as np
import pandas as pd

from assets.frames import is_missing


def markdown_table(frame: pd.DataFrame, columns: Sequence[str] | None = None, limit: int = 10) -> str:
    """A Markdown table of the first `limit` rows (lists shown joined, long text cut)."""
    if frame.empty:
        return "_(no rows)_"
    shown = frame[list(columns)] if columns else frame
    shown = shown.head(limit).copy()
    for column in shown.columns:
        shown[column] = shown[column].map(_cell)
    return shown.to_markdown(index=False)


def _cell(value: object) -> str:
    if isinstance(value, list | tuple | np.ndarray):
        return ", ".join(map(str, value))
    if is_missing(value):
        return ""
    text = str(value).replace("|", "\\|").replace("\n", " ")
    return text if len(text) <= 80 else text[:77] + "..."


def preview(frame: pd.DataFrame, columns: Sequence[str] | None = None, limit: int = 10) -> dg.MetadataValue:
    return dg.MetadataValue.md(markdown_table(frame, columns, limit))


def counts(series: pd.Series) -> dict[str, int]:
    """Value counts as a plain dict (for JSON metadata), NULLs counted as '(none)'."""
    return {str(k): int(v) for k, v in series.fillna("(none)").value_counts().items()}
