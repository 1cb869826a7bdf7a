"""pandas frames <-> Arrow tables: frames typed by the DuckDB table they land in, and Arrow rows as frames.

DuckDB types a pandas object column from a sample of its values: a sample of empty lists or of Nones
becomes type NULL, and the insert then fails on a later row ("Unimplemented type for cast (VARCHAR ->
NULL)"). Landing through Arrow with the target table's own column types leaves nothing to guess: an
all-empty optional column is still `varchar[]` or `bigint`, and an empty frame is an empty typed table.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

from schemas.tables import Table

# DuckDB column type (as `duckdb_columns().data_type` spells it) -> Arrow type. Only the types dealmap's
# tables declare; another one is a programming error, named by `UnsupportedColumnType`.
_SCALAR_TYPES: dict[str, pa.DataType] = {
    "VARCHAR": pa.string(),
    "BIGINT": pa.int64(),
    "INTEGER": pa.int32(),
    "HUGEINT": pa.decimal128(38, 0),
    "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(),
    "DATE": pa.date32(),
    "TIMESTAMP": pa.timestamp("us"),
}


class UnsupportedColumnType(TypeError):
    """A table declares a column type this module does not map to Arrow."""


def arrow_type(duckdb_type: str) -> pa.DataType:
    """The Arrow type for a DuckDB column type such as 'VARCHAR[]' or 'BIGINT'."""
    if duckdb_type.endswith("[]"):
        return pa.list_(arrow_type(duckdb_type[:-2]))
    try:
        return _SCALAR_TYPES[duckdb_type]
    except KeyError:
        raise UnsupportedColumnType(f"no Arrow type for DuckDB column type {duckdb_type}") from None


def arrow_schema(table: Table) -> pa.Schema:
    """The Arrow schema of a declared table, in column order."""
    return pa.schema([(c.name, arrow_type(c.type)) for c in table.columns])


def _cell(value: Any) -> Any:
    """One cell as Arrow takes it: missing values as None, numpy arrays (lists read back from DuckDB)
    as lists."""
    if isinstance(value, np.ndarray):
        return [_cell(v) for v in value.tolist()]
    if isinstance(value, list | tuple):
        return [_cell(v) for v in value]
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and np.isnan(value):
        return None
    return value


def _column(series: pd.Series, target: pa.DataType) -> pa.Array:
    if series.isna().all():  # empty, or all missing: pandas gave it whatever dtype (often float64)
        return pa.nulls(len(series), type=target)
    if pa.types.is_date32(target) and pd.api.types.is_datetime64_any_dtype(series):
        series = series.dt.date.astype(object).where(series.notna(), None)
    try:
        return pa.array(series, type=target, from_pandas=True)
    except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError, TypeError):
        # Mixed cells (pd.NA inside an object column, numpy arrays read back from DuckDB beside lists):
        # normalise cell by cell, then let Arrow check the values against the type.
        return pa.array([_cell(v) for v in series], type=target)


def frame_to_arrow(frame: pd.DataFrame, schema: pa.Schema) -> pa.Table:
    """`frame` as an Arrow table with exactly `schema`'s columns and types.

    A schema column the frame lacks is all-NULL; a frame column the schema lacks is an error (say
    which). A value that does not fit its column's type raises `ValueError` naming the column.
    """
    extra = [c for c in frame.columns if c not in schema.names]
    if extra:
        raise ValueError(f"columns not in the table: {extra}")
    arrays = []
    for field in schema:
        if field.name not in frame.columns:
            arrays.append(pa.nulls(len(frame), type=field.type))
            continue
        try:
            arrays.append(_column(frame[field.name], field.type))
        except (pa.ArrowException, OverflowError, TypeError) as error:
            raise ValueError(f"column {field.name!r} does not fit {field.type}: {error}") from error
    return pa.Table.from_arrays(arrays, schema=schema)


def text_frame(table: pa.Table) -> pd.DataFrame:
    """An Arrow table as the frames parsers return: strings Arrow-backed (missing: NA), lists as Python
    lists, other columns as pandas converts them."""
    frame = pd.DataFrame(index=pd.RangeIndex(table.num_rows))
    for name, column in zip(table.column_names, table.columns, strict=True):
        if pa.types.is_list(column.type) or pa.types.is_large_list(column.type):
            frame[name] = pd.Series(column.to_pylist(), dtype=object)
        elif pa.types.is_string(column.type) or pa.types.is_large_string(column.type):
            frame[name] = pd.array(column, dtype="string[pyarrow]")
        else:
            frame[name] = column.to_pandas()
    return frame
