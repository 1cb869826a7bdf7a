"""CSV and JSON exports of deal rows -> one mention per row, read by DuckDB rather than row by row.

Columns named like dealmap's own fields load as they are; other exports map their columns to dealmap's
fields in `sources.toml` (`[source.columns]`). The frame that comes back has the mention columns of
`assets.parsing.extracted.MENTION_COLUMNS`, every value as text, plus `row_number` (1-based, data rows).
"""

from __future__ import annotations

import codecs
import csv
import json
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from assets.normalize.names import split_name_list

# dealmap's own column names for table exports, and the mention field each fills.
EXPORT_FIELDS = {
    "company": "company",
    "round_type": "round_text",
    "amount": "amount",
    "currency": "currency",
    "valuation": "valuation",
    "segment": "segment",
    "announced_date": "announced",
    "lead_investors": "lead_investors",
    "investors": "investors",
    "description": "context",
}
TABLE_FORMATS = ("csv", "json", "jsonl")
"""Export formats read: CSV with a header row, a JSON array of objects, JSON Lines."""


class TableExportError(ValueError):
    """The export cannot be read as a deal table (unreadable file, no company column...)."""


def _legacy_fallback(error: UnicodeDecodeError) -> tuple[str, int]:
    """Decode the bytes UTF-8 rejected as Windows-1252 (Latin-1 for its five undefined bytes)."""
    chunk = error.object[error.start : error.end]
    try:
        return chunk.decode("cp1252"), error.end
    except UnicodeDecodeError:
        return chunk.decode("latin-1"), error.end


codecs.register_error("dealmap-legacy-fallback", _legacy_fallback)


@contextmanager
def _as_utf8(path: Path, encoding: str | None) -> Iterator[Path]:
    """`path` itself when it is clean UTF-8; otherwise a transcoded temporary copy.

    Real exports mix encodings (a Windows-1252 byte inside a UTF-8 file) or use a legacy one throughout
    (Mac Roman); DuckDB's reader wants UTF-8. With `encoding` set (source option) the whole file is decoded
    with it; without, invalid UTF-8 sequences alone fall back to Windows-1252, so nothing is lost.
    """
    raw = path.read_bytes()
    if encoding is None and not raw.startswith(codecs.BOM_UTF8):
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            yield path
            return
    try:
        text = raw.decode(encoding or "utf-8-sig", errors="strict" if encoding else "dealmap-legacy-fallback")
    except (LookupError, UnicodeDecodeError) as error:
        raise TableExportError(f"cannot decode the export as {encoding}: {error}") from error
    with tempfile.TemporaryDirectory(prefix="dealmap-export-") as scratch:
        copy = Path(scratch) / path.name
        copy.write_text(text, encoding="utf-8")
        yield copy


def _folded(name: str) -> str:
    """A column name as mappings match it: ignoring surrounding space and case (readers trim 'Date ')."""
    return name.strip().casefold()


def _kept(names: list[str], wanted: frozenset[str]) -> list[int]:
    """Positions of the columns dealmap reads. An export may carry thousands of other columns; reading
    only these keeps time and memory proportional to what is used."""
    return [position for position, name in enumerate(names) if _folded(name) in wanted]


def _json_rows(
    connection: duckdb.DuckDBPyConnection, path: Path, fmt: str, wanted: frozenset[str]
) -> tuple[pd.DataFrame, list[str]]:
    """(the wanted top-level keys of a JSON array / JSON Lines export as text columns, arrays as JSON
    text; every key of the export in order of first appearance).

    Keys come from the file, so they travel as bound parameters (JSON pointers), never as SQL. Only the
    wanted keys are extracted: one extraction per key of a 20,000-key export exhausted memory.
    """
    layout = "newline_delimited" if fmt == "jsonl" else "array"
    # In the order the file first names them (a plain scan keeps the file's order; a window without an
    # order does not promise one).
    objects = connection.execute(
        "select json_keys(json) from read_json_objects($1, format = $2)", [str(path), layout]
    ).fetchall()
    keys = list(dict.fromkeys(key for (object_keys,) in objects for key in object_keys or ()))
    kept = [keys[position] for position in _kept(keys, wanted)]
    if not kept:
        return pd.DataFrame(), keys
    pointers = ["/" + key.replace("~", "~0").replace("/", "~1") for key in kept]
    projection = ", ".join(f"json_extract_string(json, ${i + 3}) as c{i}" for i in range(len(kept)))
    frame = connection.execute(
        f"select {projection} from read_json_objects($1, format = $2)", [str(path), layout, *pointers]
    ).df()
    frame.columns = kept
    return frame, keys


# DuckDB's CSV reader pays about half a millisecond per column to sniff and bind, whatever the number of
# rows (a 20,000-column header took 11 s for three rows): headers wider than this are narrowed first.
WIDE_CSV_COLUMNS = 1_000
_DELIMITERS = ",;\t|"


def _wide_header(path: Path) -> tuple[list[str], str] | None:
    """(column names, delimiter) of a header with thousands of columns; None for any narrower one.

    The delimiter is the one the header line uses most; DuckDB's sniffer reads narrower files."""
    with path.open(encoding="utf-8", newline="") as handle:
        first_line = handle.readline()
        counts = {delimiter: first_line.count(delimiter) for delimiter in _DELIMITERS}
        delimiter = max(counts, key=counts.__getitem__)
        if counts[delimiter] < WIDE_CSV_COLUMNS:
            return None
        handle.seek(0)
        return next(csv.reader(handle, delimiter=delimiter)), delimiter


@contextmanager
def _narrowed(path: Path, delimiter: str, kept: list[int]) -> Iterator[Path]:
    """A copy of a wide CSV export holding only the columns at `kept`, written in one streaming pass of
    the standard library's C reader."""
    with tempfile.TemporaryDirectory(prefix="dealmap-export-") as scratch:
        copy = Path(scratch) / path.name
        with path.open(encoding="utf-8", newline="") as source, copy.open("w", encoding="utf-8") as target:
            writer = csv.writer(target, lineterminator="\n")
            for row in csv.reader(source, delimiter=delimiter):
                writer.writerow([row[position] if position < len(row) else "" for position in kept])
        yield copy


# Quotes as RFC 4180 writes them, stated rather than sniffed: the sniffer reads only the first ~20,000 rows,
# and an export whose first quoted field ('"Acme, Inc."') comes later would otherwise fail whole.
_CSV_OPTIONS = {"header": True, "all_varchar": True, "quotechar": '"', "escapechar": '"'}


def _csv_rows(
    connection: duckdb.DuckDBPyConnection, path: Path, wanted: frozenset[str]
) -> tuple[pd.DataFrame, list[str]]:
    """(the wanted columns of a CSV export as text, every column name of the export)."""
    wide = _wide_header(path)
    if wide is not None:
        names, delimiter = wide
        kept = _kept(names, wanted)
        if not kept:
            return pd.DataFrame(), names
        with _narrowed(path, delimiter, kept) as narrow:
            frame = connection.read_csv(str(narrow), **_CSV_OPTIONS).to_arrow_table().to_pandas()
        for position, name in zip(kept, frame.columns, strict=True):
            names[position] = str(name)  # as DuckDB names it ('Date ' -> 'Date'), so the mapping finds it
        return frame, names
    relation = connection.read_csv(str(path), **_CSV_OPTIONS)
    names = [str(name) for name in relation.columns]
    kept = _kept(names, wanted)
    if not kept:
        return pd.DataFrame(), names
    # Columns by position ('#3'): their names come from the file and never become SQL.
    # Through Arrow: the cells stay Arrow-backed strings, several times faster than `.df()`.
    frame = relation.project(", ".join(f"#{position + 1}" for position in kept)).to_arrow_table().to_pandas()
    frame.columns = [names[position] for position in kept]
    return frame, names


def _read_rows(
    path: Path, fmt: str, wanted: frozenset[str], encoding: str | None = None
) -> tuple[pd.DataFrame, list[str]]:
    """(the rows of the wanted columns, every column name of the export)."""
    connection = duckdb.connect()
    try:
        with _as_utf8(path, encoding) as readable:
            if fmt == "csv":
                return _csv_rows(connection, readable, wanted)
            if fmt in ("json", "jsonl"):
                return _json_rows(connection, readable, fmt, wanted)
        raise TableExportError(f"unsupported table format {fmt!r} ({', '.join(TABLE_FORMATS)})")
    except (duckdb.Error, OSError, csv.Error) as error:
        raise TableExportError(f"could not read {fmt} export: {error}") from error
    finally:
        connection.close()


def _resolve_column(name: str, columns: list[str]) -> str | None:
    """The export column a mapping names: exactly, else ignoring surrounding space and case
    (readers trim 'Date ' to 'Date')."""
    if name in columns:
        return name
    wanted = _folded(name)
    return next((c for c in columns if _folded(c) == wanted), None)


def _listed(names: list[str], limit: int = 40) -> str:
    """Column names for an error message; a very wide export's are cut after `limit`."""
    if len(names) <= limit:
        return str(names)
    return f"{names[:limit]} and {len(names) - limit:,} more"


def _names(value: object) -> list[str]:
    """Investor names from a cell: a JSON array (JSON exports) or a separated list."""
    if isinstance(value, str) and value.lstrip().startswith("["):
        try:
            items = json.loads(value)
        except json.JSONDecodeError:
            items = None
        if isinstance(items, list):
            # A JSON null (or a nested value) names nobody: `str(None)` would invent an investor "None".
            names = [
                item for item in items if isinstance(item, str | int | float) and not isinstance(item, bool)
            ]
            return [name for item in names for name in split_name_list(str(item))]
    return split_name_list(value if isinstance(value, str) else None)


def _investor_lists(leads: pd.Series, others: pd.Series) -> tuple[list[list[str]], list[list[str]]]:
    """(lead investors, all investors with the leads first) of every row, worked out once per distinct
    pair of cells: exports repeat the same investor lists thousands of times. Rows with the same cells
    share one list object; nothing downstream changes a list in place."""
    # Each column factorised on its own (a missing cell is code -1), the pair of codes made one integer.
    lead_codes = pd.factorize(leads)[0]
    other_codes, other_values = pd.factorize(others)
    pair_codes = (lead_codes + 1).astype("int64") * (len(other_values) + 1) + (other_codes + 1)
    _, first_rows, codes = np.unique(pair_codes, return_index=True, return_inverse=True)
    lists = []
    for row in first_rows:
        lead_cell, other_cell = leads.iloc[row], others.iloc[row]
        lead_names = _names(None if pd.isna(lead_cell) else lead_cell)
        other_names = _names(None if pd.isna(other_cell) else other_cell)
        lists.append((lead_names, lead_names + [n for n in other_names if n not in lead_names]))
    return [lists[code][0] for code in codes], [lists[code][1] for code in codes]


def read_table_export(
    path: Path, fmt: str, columns: dict[str, str] | None = None, encoding: str | None = None
) -> pd.DataFrame:
    """Mentions (as text) from an export. `columns` maps dealmap field -> the export's column name.

    Only the mapped columns and those named like dealmap's own fields are read.
    """
    wanted = frozenset(_folded(name) for name in [*(columns or {}).values(), *EXPORT_FIELDS])
    rows, available = _read_rows(path, fmt, wanted, encoding)
    mapping: dict[str, str] = {}
    missing = []
    for field, name in (columns or {}).items():
        if field not in EXPORT_FIELDS:
            raise TableExportError(
                f"unknown dealmap field {field!r} in columns (known: {list(EXPORT_FIELDS)})"
            )
        resolved = _resolve_column(name, available)
        if resolved is None:
            missing.append(name)
        else:
            mapping[field] = resolved
    if missing:
        raise TableExportError(
            f"mapped columns not in the export: {sorted(missing)}; has {_listed(available)}"
        )
    for field in EXPORT_FIELDS:
        if field not in mapping and field in available:
            mapping[field] = field
    if "company" not in mapping:
        raise TableExportError(f"no company column (columns: {_listed(available)})")
    # Cells stay DuckDB's Arrow-backed strings (missing cells NaN): an export's rows are normalised in the
    # warehouse, and object columns of a million rows cost seconds and gigabytes to build and to land.
    text = rows
    frame = pd.DataFrame(index=rows.index)
    for field, mention_field in EXPORT_FIELDS.items():
        source = mapping.get(field)
        frame[mention_field] = text[source] if source else None
    frame["lead_investors"], frame["investors"] = _investor_lists(frame["lead_investors"], frame["investors"])
    frame["row_number"] = range(1, len(frame) + 1)
    # The snippet is the row itself, in the export's own column names, so a reader can find it.
    used = list(dict.fromkeys(mapping.values()))
    frame["snippet"] = _row_snippets(rows, used)
    return frame


def _row_snippets(rows: pd.DataFrame, names: list[str]) -> pd.Series:
    """'company=Acme; amount=5000000; …' for every row, in one Arrow pass over each column (pandas string
    additions cost seconds per million rows). A missing cell reads as empty."""
    text = pa.large_string()

    def cells(name: str) -> pa.Array:
        values = pc.cast(pa.array(rows[name].astype("string[pyarrow]")), text)
        return pc.binary_join_element_wise(
            pa.scalar(f"{name}=", text), pc.fill_null(values, ""), pa.scalar("", text)
        )

    parts = [cells(name) for name in names]
    joined = (
        pc.binary_join_element_wise(*parts, pa.scalar("; ", text)) if parts else pa.array([""] * len(rows))
    )
    return pd.Series(pd.array(joined, dtype="string[pyarrow]"), index=rows.index)
