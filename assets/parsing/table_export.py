"""CSV and JSON exports of deal rows -> one mention per row, read by DuckDB rather than row by row.

Columns named like dealmap's own fields load as they are; other exports map their columns to dealmap's
fields in `sources.toml` (`[source.columns]`). The frame that comes back has the mention columns of
`assets.parsing.extracted.MENTION_COLUMNS`, every value as text, plus `row_number` (1-based, data rows).
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

from assets.normalize.names import split_name_list

# dealmap's own column names for table exports, and the mention field each fills.
EXPORT_FIELDS = {
    "company": "company",
    "round_type": "round",
    "amount": "amount",
    "currency": "currency",
    "valuation": "valuation",
    "segment": "segment",
    "announced_date": "announced",
    "lead_investors": "lead_investors",
    "investors": "investors",
    "description": "context",
}


class TableExportError(ValueError):
    """The export cannot be read as a deal table (unreadable file, no company column...)."""


def _read_rows(path: Path, fmt: str) -> pd.DataFrame:
    connection = duckdb.connect()
    try:
        if fmt == "csv":
            relation = connection.read_csv(str(path), header=True, all_varchar=True)
        elif fmt in ("json", "jsonl"):
            relation = connection.read_json(
                str(path), format="newline_delimited" if fmt == "jsonl" else "array"
            )
        else:
            raise TableExportError(f"unsupported table format {fmt!r} (csv, json, jsonl)")
        return relation.df()
    except duckdb.Error as error:
        raise TableExportError(f"could not read {fmt} export: {error}") from error
    finally:
        connection.close()


def read_table_export(path: Path, fmt: str, columns: dict[str, str] | None = None) -> pd.DataFrame:
    """Mentions (as text) from an export. `columns` maps dealmap field -> the export's column name."""
    rows = _read_rows(path, fmt)
    mapping = dict(columns or {})
    for field in EXPORT_FIELDS:
        if field not in mapping and field in rows.columns:
            mapping[field] = field
    missing = sorted(name for name in mapping.values() if name not in rows.columns)
    if missing:
        raise TableExportError(f"mapped columns not in the export: {missing}; has {list(rows.columns)}")
    if "company" not in mapping:
        raise TableExportError(f"no company column (columns: {list(rows.columns)})")
    # Plain Python strings and None from here on: the parsing functions are written for str | None.
    text = rows.astype(object).where(rows.notna(), None)
    frame = pd.DataFrame(index=rows.index)
    for field, mention_field in EXPORT_FIELDS.items():
        source = mapping.get(field)
        frame[mention_field] = text[source] if source else None
    for list_field in ("lead_investors", "investors"):
        frame[list_field] = frame[list_field].map(split_name_list)
    frame["investors"] = [
        leads + [n for n in others if n not in leads]
        for leads, others in zip(frame["lead_investors"], frame["investors"], strict=True)
    ]
    frame["row_number"] = range(1, len(frame) + 1)
    # The snippet is the row itself, in the export's own column names, so a reader can find it.
    used = list(dict.fromkeys(mapping.values()))
    as_text = rows[used].astype("string").fillna("").astype(str)
    snippet = pd.Series("", index=rows.index, dtype="string")
    for position, name in enumerate(used):
        snippet = snippet + ("; " if position else "") + f"{name}=" + as_text[name]
    frame["snippet"] = snippet
    return frame
