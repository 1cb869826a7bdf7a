"""pandera models whose columns come from a table declaration, and whose checks come from a rules class.

The rules class (a `pa.DataFrameModel` with only `Config` and `@pa.check` methods) says what a row must
meet; the declaration says which columns there are, their dtypes, nullability and descriptions.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from schemas.tables.model import Table

# DuckDB type -> pandera dtype. Dates and timestamps carry none: pandera coerces datetimes to nanoseconds,
# which cannot hold a year-2999 typo that a rule must see as a row failure. Lists carry none either: a
# frame holds them as Python objects or as Arrow lists (the deal rules read them so, a million deals at a
# time), and coercing Arrow lists to objects would build a Python list per cell.
_DTYPES: dict[str, Any] = {
    "VARCHAR": str,
    "BIGINT": pd.Int64Dtype,
    "INTEGER": pd.Int64Dtype,
    "DOUBLE": float,
    "BOOLEAN": pd.BooleanDtype,
    "DATE": Any,
    "TIMESTAMP": Any,
}


def _annotation(duckdb_type: str) -> Any:
    if duckdb_type.endswith("[]"):
        return Series[Any]
    return Series[_DTYPES[duckdb_type]]


def declared_model(
    name: str, table: Table, rules: type[pa.DataFrameModel], doc: str | None = None
) -> type[pa.DataFrameModel]:
    """A DataFrameModel named `name`: every column of `table` (dtype, nullable unless required, the column
    comment as description) plus the checks and Config of `rules`."""
    namespace: dict[str, Any] = {
        "__annotations__": {c.name: _annotation(c.type) for c in table.columns},
        "__doc__": doc or table.comment,
        "__module__": rules.__module__,
    }
    for column in table.columns:
        namespace[column.name] = pa.Field(nullable=not column.required, description=column.comment)
    return type(name, (rules,), namespace)
