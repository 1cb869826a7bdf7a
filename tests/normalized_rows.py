"""Normalized mentions landed as normalisation leaves them, for tests that build a working database by hand:
the mention as extracted in a Parquet file under `extracted_rows`, what normalisation derived in
`normalized_values`, and the `normalized_mentions` view joining the two."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

from assets.extracted_files import keep_files, point_view
from assets.normalize.columnar import create_normalized_mentions
from schemas.tables import EXTRACTED_MENTIONS, NORMALIZED_VALUES
from warehouse.database import Warehouse, create_table


def land_normalized(connection: duckdb.DuckDBPyConnection, frame: pd.DataFrame, folder: Path) -> None:
    """Land `frame` (normalized_mentions rows, in order) in `connection`, its extraction's file in `folder`
    (which must outlast the connection's reads). The n-th row gets mention_key n, as the n-th row of
    the file."""
    frame = frame.reset_index(drop=True)
    extracted = frame.reindex(columns=EXTRACTED_MENTIONS.names).assign(fingerprint="test")
    point_view(connection, keep_files(folder / "work.duckdb", "0" * 64, [], extracted))
    create_table(connection, NORMALIZED_VALUES.name)
    values = frame.assign(mention_key=range(len(frame))).reindex(columns=NORMALIZED_VALUES.names)
    Warehouse._insert(connection, NORMALIZED_VALUES.name, values)
    create_normalized_mentions(connection)
