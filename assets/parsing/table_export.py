"""CSV and JSON exports of deal rows -> one mention per row, read by DuckDB rather than row by row.

Columns named like dealmap's own fields load as they are; other exports map their columns to dealmap's
fields in `sources.toml` (`[source.columns]`). The mentions are a DuckDB view over the file
(`table_mentions`): the mention fields of EXPORT_FIELDS, every value as text, the investor lists, the row's
`snippet` and its `row_number` (1-based, data rows), so that a million-row export is read and shaped in
DuckDB (and its rows written to Parquet by pyarrow, batch by batch: `dispatch.write_table_export`); only
the investor lists are worked out in Python, once per distinct pair of cells.
"""

from __future__ import annotations

import codecs
import csv
import json
import re
import tempfile
from collections import Counter
from collections.abc import Iterator
from contextlib import AbstractContextManager, ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa

from assets.normalize.amounts import money_grammar
from assets.normalize.names import split_name_list
from assets.parsing.decoding import utf16_without_mark
from assets.parsing.table_rows import leads_and_investors
from schemas.duckdb_memory import private_duckdb, scratch_duckdb
from schemas.reference.wording import TOTAL_ROW_PREFIXES, TOTAL_ROW_WORDS
from warehouse.arrow_frames import text_frame

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
    "status": "status",
}
# The names exports most often give dealmap's fields, as `_folded` writes them ('Raised (USD)' is `raised`,
# 'Funding Round' `funding_round`): read as the field when neither the source's columns nor dealmap's own
# name give it (the first name of a field's list that a column has wins). A name that means something
# else in some exports ('Total raised', 'Category', 'Type', 'Firm', a 'Lead investor' column of Yes and No)
# is not one of them: map it.
EXPORT_SYNONYMS = {
    "company": ("company_name", "startup", "startup_name", "organization", "organisation",
                "organization_name", "organisation_name", "name"),
    "round_type": ("round", "stage", "funding_round", "round_name", "series", "funding_type", "round_stage",
                   "investment_type", "investment_stage", "funding_stage", "deal_type"),
    "amount": ("raised", "amount_raised", "funding_amount", "round_size", "deal_size", "investment_amount",
               "money_raised", "raised_amount", "funding"),
    "currency": ("ccy", "currency_code"),
    "valuation": ("post_money_valuation", "post_money", "valuation_post_money"),
    "segment": ("sector", "industry", "vertical"),
    "announced_date": ("date", "announced", "announcement_date", "date_announced", "announced_on",
                       "deal_date", "funding_date", "round_date", "closed_on", "close_date"),
    "lead_investors": ("leads", "led_by", "lead_investor_s", "lead_investor_names"),
    "investors": ("investor", "backers", "investor_names", "all_investors", "participants"),
    "status": ("deal_status",),
}  # fmt: skip
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


# How packed files start (gzip, zip and so .xlsx, bzip2, xz, zstd, 7z, Parquet): an export saved so is no
# text, and read as text it would fail later with its bytes for column names.
_PACKED = {b"\x1f\x8b": "gzip", b"PK\x03\x04": "zip (or .xlsx)", b"BZh": "bzip2", b"\xfd7zXZ\x00": "xz",
           b"\x28\xb5\x2f\xfd": "zstd", b"7z\xbc\xaf\x27\x1c": "7z", b"PAR1": "Parquet"}  # fmt: skip


def _refuse_binary(raw: bytes, encoding: str | None) -> None:
    """A `TableExportError` naming what the export is when it is not text: a packed file, or a header
    with NUL bytes that no encoding dealmap tells explains."""
    packed = next((kind for magic, kind in _PACKED.items() if raw.startswith(magic)), None)
    if packed:
        raise TableExportError(f"the export is a {packed} file, not text: unpack it and point the source at "
                               "the CSV or JSON inside")  # fmt: skip
    header = raw[: raw.find(b"\n")] if b"\n" in raw[:65536] else raw[:65536]
    if encoding is None and b"\x00" in header:
        raise TableExportError(
            "the export's first line holds NUL bytes, and is no UTF-16 dealmap can tell: set the source's "
            "options.encoding (utf-16-le, utf-16-be, utf-32...), or save it as UTF-8"
        )


@contextmanager
def _as_utf8(path: Path, encoding: str | None) -> Iterator[Path]:
    """`path` itself when it is clean UTF-8; otherwise a transcoded temporary copy.

    Real exports mix encodings (a Windows-1252 byte inside a UTF-8 file) or use a legacy one throughout
    (Mac Roman); DuckDB's reader wants UTF-8. With `encoding` set (source option) the whole file is decoded
    with it; without, invalid UTF-8 sequences alone fall back to Windows-1252, so nothing is lost.
    """
    raw = path.read_bytes()
    if encoding is None and raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"  # what a spreadsheet saves as 'Unicode text': its byte-order mark says so
    # UTF-16 saved without its mark, told by its NUL bytes as a page's is (`decoding.utf16_without_mark`)
    encoding = encoding or utf16_without_mark(raw)
    _refuse_binary(raw, encoding)
    if encoding is None and not raw.startswith(codecs.BOM_UTF8):
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            del raw  # not held while DuckDB reads the file
            yield path
            return
    try:
        text = raw.decode(encoding or "utf-8-sig", errors="strict" if encoding else "dealmap-legacy-fallback")
    except (LookupError, UnicodeDecodeError) as error:
        raise TableExportError(f"cannot decode the export as {encoding}: {error}") from error
    del raw
    with tempfile.TemporaryDirectory(prefix="dealmap-export-") as scratch:
        copy = Path(scratch) / path.name
        copy.write_text(text, encoding="utf-8")
        del text
        yield copy


# A unit written after a column's name: 'Amount (USD)', 'amount [€]', 'Amount ($M)', 'Valuation (USD
# millions)', 'Amount (₹ Cr)', 'Funding (in USD thousands)'.
_HEADER_UNIT = re.compile(r"\s*[(\[]\s*(?P<unit>[^()\[\]]{1,24}?)\s*[)\]]\s*$")
_UNIT_TOKENS = re.compile(r"[^\W\d_]+|[^\w\s]")
_SEPARATORS = re.compile(r"[\s_.-]+")
# A scale in a header, as the word the money grammar reads after a number ('50' under 'Amount ($M)' is
# read as '50 million').
_HEADER_SCALES = {
    **dict.fromkeys(("m", "mm", "mn", "mio", "mil", "million", "millions"), "million"),
    **dict.fromkeys(("k", "thousand", "thousands"), "thousand"),
    **dict.fromkeys(("b", "bn", "billion", "billions"), "billion"),
    **dict.fromkeys(("cr", "crore", "crores"), "crore"),
    **dict.fromkeys(("lakh", "lakhs", "lac", "lacs"), "lakh"),
}
_HEADER_FILLERS = frozenset({"in"})


@dataclass(frozen=True)
class HeaderUnit:
    """What a column's header says of its bare numbers: their currency, their scale, or both."""

    currency: str | None = None
    scale: str | None = None
    """The scale word a bare number is read with ('million', 'thousand', 'crore'...)."""


def header_unit(name: str) -> HeaderUnit | None:
    """The unit in parentheses or brackets after a column's name, when every word of it is a currency, a
    scale or 'in' ('USD', '$M', 'USD millions', 'in USD thousands', '₹ Cr'); None otherwise ('Amount
    (approx.)', 'Amount (round 2)')."""
    found = _HEADER_UNIT.search(name)
    if not found:
        return None
    currency = scale = None
    for token in _UNIT_TOKENS.findall(found.group("unit")):
        if token.casefold() in _HEADER_FILLERS:
            continue
        if (code := _currency_of_unit(token)) and currency is None:
            currency = code
        elif (word := _HEADER_SCALES.get(token.casefold())) and scale is None:
            scale = word
        else:
            return None
    return HeaderUnit(currency, scale) if currency or scale else None


def _folded(name: str) -> str:
    """A column name as mappings match it: ignoring surrounding space and case (readers trim 'Date '),
    spaces, underscores, hyphens and points alike ('Lead Investors' is `lead_investors`, 'Round-Type'
    `round_type`), and a unit after it: a currency, a scale or both ('Amount (USD)', 'Amount ($M)' and
    'Amount (USD millions)' are `amount`; `header_unit` keeps what they say of the numbers)."""
    unit = _HEADER_UNIT.search(name)
    bare = name[: unit.start()] if unit and header_unit(name) else name
    return _SEPARATORS.sub("_", bare.strip().casefold()).strip("_")


def _same_words(name: str) -> str:
    """A key as its words say it, whatever their case and spacing ('Company', ' company'), its unit kept
    ('Amount (USD)' is not 'Amount (EUR)')."""
    return _SEPARATORS.sub("_", name.strip().casefold()).strip("_")


def _currency_of_unit(unit: str) -> str | None:
    symbols = money_grammar().symbols
    return symbols.get(unit.upper()) or symbols.get(unit)


def header_currency(name: str) -> str | None:
    """The ISO code a column's header gives its amounts ('Amount (USD)', 'amount [€]'), or None."""
    unit = header_unit(name)
    return unit.currency if unit else None


def _kept(names: list[str], wanted: frozenset[str]) -> list[int]:
    """Positions of the columns dealmap reads. An export may carry thousands of other columns; reading
    only these keeps time and memory proportional to what is used."""
    return [position for position, name in enumerate(names) if _folded(name) in wanted]


# The view of the export's wanted cells as text, one column a wanted column (`c0`, `c1`... in the order
# of the export), one row a data row in the order of the file.
_CELLS = "export_cells"


def _json_cells(
    connection: duckdb.DuckDBPyConnection, path: Path, fmt: str, wanted: frozenset[str]
) -> tuple[list[str], list[str], frozenset[str]]:
    """(every top-level key of a JSON array / JSON Lines export, in order of first appearance; the wanted
    ones, whose values, arrays as JSON text, become the cells view; the keys that differ only in case or
    surrounding space, which mappings cannot tell apart).

    Keys come from the file, so they travel as bound parameters (JSON pointers), never as SQL. Only the
    wanted keys are extracted: one extraction per key of a 20,000-key export exhausted memory.
    """
    layout = "newline_delimited" if fmt == "jsonl" else "array"
    # In the order the file first names them (a plain scan keeps the file's order; a window without an
    # order does not promise one).
    objects = connection.execute(
        "select json_keys(json) from read_json_objects($1, format = $2)", [str(path), layout]
    ).fetchall()
    # Keys that differ only in case or spacing across objects ('company' in some, 'Company' in others, as
    # records merged from two tools write them) are one column, named as the file first writes it. Keys
    # that differ in what they say ('Amount (USD)', 'Amount (EUR)') stay apart, and are refused below with
    # any name written twice in one object (`_repeated`: '"amount": "$1M", "Amount": "$9M"', or the same
    # key twice, whose second value DuckDB would drop unseen).
    spellings: dict[str, list[str]] = {}
    for (object_keys,) in objects:
        for key in object_keys or ():
            forms = spellings.setdefault(_same_words(key), [])
            if key not in forms:
                forms.append(key)
    keys = [forms[0] for forms in spellings.values()]
    repeated = _repeated(keys) | frozenset(
        name
        for (object_keys,) in objects
        if object_keys
        for name, count in Counter(_folded(key) for key in object_keys).items()
        if count > 1
    )
    kept = [keys[position] for position in _kept(keys, wanted)]
    if not kept:
        return keys, [], repeated
    forms_of = [spellings[_folded(key)] for key in kept]
    pointers = ["/" + form.replace("~", "~0").replace("/", "~1") for forms in forms_of for form in forms]
    cells, parameter = [], 3
    for forms in forms_of:  # each spelling of a column read where an object writes it
        extracts = [f"json_extract_string(json, ${parameter + i})" for i in range(len(forms))]
        cells.append(extracts[0] if len(extracts) == 1 else f"coalesce({', '.join(extracts)})")
        parameter += len(forms)
    projection = ", ".join(f"{cell} as c{i}" for i, cell in enumerate(cells))
    # Extracted once, to Arrow: a view cannot keep the bound pointers. Only the wanted keys are held.
    query = f"select {projection} from read_json_objects($1, format = $2)"
    cells = connection.sql(query, params=[str(path), layout, *pointers]).to_arrow_table()
    connection.register(_CELLS, cells)
    return keys, kept, repeated


# DuckDB's CSV reader pays about half a millisecond per column to sniff and bind, whatever the number of
# rows (a 20,000-column header took 11 s for three rows): headers wider than this are narrowed first.
WIDE_CSV_COLUMNS = 1_000
_DELIMITERS = ",;\t|"


def _header(path: Path, delimiter: str | None = None) -> tuple[list[str], str]:
    """(the column names of a CSV export's header as written, its delimiter): `delimiter` when given,
    else the one the header line uses most. DuckDB renames a repeated name ('amount', 'amount_1'); this
    is what the file says."""
    with path.open(encoding="utf-8", newline="") as handle:
        if delimiter is None:
            first_line = handle.readline()
            counts = {candidate: first_line.count(candidate) for candidate in _DELIMITERS}
            delimiter = max(counts, key=counts.__getitem__)
            handle.seek(0)
        return next(csv.reader(handle, delimiter=delimiter), []), delimiter


def _sniffed_delimiter(path: Path) -> str:
    """The delimiter DuckDB's reader takes for the export, with the options it reads it with: the header
    is then split as the rows are (a header line with as many commas in a quoted name as semicolons
    between names would otherwise be split on the commas, and a repeated column go unseen). Sniffed on a
    connection of its own: a reader on the connection that sniffed with bound options failed to sniff
    the same file again (DuckDB 2.0)."""
    # the reader's own options, under the names sniff_csv gives them
    renamed = {"quotechar": "quote", "escapechar": "escape"}
    options = {renamed.get(name, name): value for name, value in _CSV_OPTIONS.items() if name != "parallel"}
    named = ", ".join(f"{name} = ${position + 2}" for position, name in enumerate(options))
    with scratch_duckdb(threads=1) as sniffer:
        (delimiter,) = sniffer.execute(
            f"select Delimiter from sniff_csv($1, {named})", [str(path), *options.values()]
        ).fetchone()
    return delimiter


def _repeated(names: list[str]) -> frozenset[str]:
    """The column names (as mappings match them, `_folded`) that more than one column carries."""
    counts = Counter(_folded(name) for name in names)
    return frozenset(name for name, count in counts.items() if count > 1)


@contextmanager
def _narrowed(path: Path, delimiter: str, kept: list[int]) -> Iterator[Path]:
    """A copy of a wide CSV export holding only the columns at `kept`, written in one streaming pass of
    the standard library's C reader."""
    with tempfile.TemporaryDirectory(prefix="dealmap-export-") as scratch:
        copy = Path(scratch) / path.name
        with path.open(encoding="utf-8", newline="") as source, copy.open("w", encoding="utf-8") as target:
            writer = csv.writer(target, lineterminator="\n")
            for row in csv.reader(source, delimiter=delimiter):
                if not row:
                    continue  # a blank line is no row, as DuckDB's reader skips it in a narrow export
                writer.writerow([row[position] if position < len(row) else "" for position in kept])
        yield copy


# Quotes as RFC 4180 writes them, stated rather than sniffed: the sniffer reads only the first ~20,000 rows,
# and an export whose first quoted field ('"Acme, Inc."') comes later would otherwise fail whole.
# A row with fewer cells than the header is read with the missing ones empty (`null_padding`), rather than
# failing the whole file; a row with more is read too, its extra cells in columns DuckDB names
# `column<N>` (`_EXTRA_CELLS`), which the row's snippet shows. DuckDB pads rows only in its serial
# scanner when a quoted cell may hold a line break (`parallel`: the connection has one thread anyway; a
# million rows read as fast).
# No comment lines (`comment=""`): DuckDB's sniffer would otherwise take '#' for one, and drop a row whose
# company starts with it ('#paid') when its cells are fewer or more than the header's, without a word.
_CSV_OPTIONS = {
    "header": True, "all_varchar": True, "quotechar": '"', "escapechar": '"', "null_padding": True,
    "parallel": False, "comment": "",
}  # fmt: skip
_EXTRA_CELLS = re.compile(r"column\d+")
_CSV_ERROR_LINE = re.compile(r"CSV Error on Line: \d+$")


def _csv_cells(
    connection: duckdb.DuckDBPyConnection, path: Path, wanted: frozenset[str], stack: ExitStack
) -> tuple[list[str], list[str], frozenset[str]]:
    """(every column name of a CSV export, the wanted ones, the names more than one column carries); the
    wanted columns become the cells view, which reads the file each time it is queried (a wide file's
    narrowed copy lives as long as `stack`)."""
    names, delimiter = _header(path)
    repeated = _repeated(names)
    if len(names) > WIDE_CSV_COLUMNS:
        kept = _kept(names, wanted)
        if not kept:
            return names, [], repeated
        narrow = stack.enter_context(_narrowed(path, delimiter, kept))
        relation = connection.read_csv(str(narrow), **_CSV_OPTIONS)
        for position, name in zip(kept, relation.columns, strict=True):
            names[position] = str(name)  # as DuckDB names it ('Date ' -> 'Date'), so the mapping finds it
        positions = list(range(len(kept)))
    else:
        delimiter = _sniffed_delimiter(path)
        repeated = _repeated(_header(path, delimiter)[0])
        relation = connection.read_csv(str(path), delimiter=delimiter, **_CSV_OPTIONS)
        names = [str(name) for name in relation.columns]
        kept = _kept(names, wanted)
        if not kept:
            return names, [], repeated
        # cells past the header's, which a row longer than the header holds: kept for its snippet
        kept = positions = kept + [
            position for position, name in enumerate(names)
            if _EXTRA_CELLS.fullmatch(name) and position not in kept
        ]  # fmt: skip
    # Columns by position ('#3'): their names come from the file and never become SQL.
    relation.project(", ".join(f"#{p + 1} as c{i}" for i, p in enumerate(positions))).create_view(_CELLS)
    return names, [names[position] for position in kept], repeated


# Words in a column's name that say which dealmap field it may hold: for the hint of a missing mapping.
_FIELD_WORDS = {
    "company": ("company", "startup", "organization", "organisation", "name"),
    "round_type": ("round", "stage", "series", "funding type"),
    "amount": ("amount", "raised", "funding", "size"),
    "announced_date": ("date", "announced"),
    "lead_investors": ("lead",),
    "investors": ("investor",),
    "valuation": ("valuation",),
}
# Columns a reader names itself when a line has no name of its own: a title line read as the header.
_UNNAMED = re.compile(r"column\d+")


def _mapping_hint(available: list[str]) -> str:
    """What to write in sources.toml for an export whose columns dealmap's names do not match: a title line
    above the header, or the columns that look like each field, as a `[source.columns]` table."""
    named = [name for name in available if not _UNNAMED.fullmatch(name)]
    if len(available) > 1 and len(named) == 1:
        return (
            f"; the first line ({named[0]!r}) looks like a title above the header: remove it from the "
            "export, so that its header is the first line"
        )
    guesses = {}
    for field, words in _FIELD_WORDS.items():
        found = next(
            (n for n in named if any(w in n.casefold() for w in words) and n not in guesses.values()), None
        )
        if found is not None:
            guesses[field] = found
    if "company" not in guesses:
        return '; map the company column in the source\'s [source.columns] table (company = "<column>")'
    lines = ", ".join(f"{field} = {json.dumps(column)}" for field, column in guesses.items())
    return f"; map the columns in the source's [source.columns] table, e.g. {lines}"


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


# Keys an investor object of a JSON export names its investor by, and marks a lead with.
_NAME_KEYS = ("name", "investor", "investor_name", "title")
_LEAD_KEYS = ("lead", "is_lead", "leads")


def _json_items(value: object) -> list | None:
    """The items of a cell holding a JSON array (JSON exports), or None."""
    if isinstance(value, str) and value.lstrip().startswith("["):
        try:
            items = json.loads(value)
        except json.JSONDecodeError:
            return None
        return items if isinstance(items, list) else None
    return None


def _item_name(item: object) -> str | None:
    """The investor an item of a JSON array names: a string or number, or an object's name
    ('{"name": "Accel", "lead": true}'); None for a null, a boolean or an object with no name."""
    if isinstance(item, dict):
        item = next((item[key] for key in _NAME_KEYS if isinstance(item.get(key), str)), None)
    if isinstance(item, str | int | float) and not isinstance(item, bool):
        return str(item)
    return None  # a JSON null names nobody: `str(None)` would invent an investor "None"


def _names(value: object) -> list[str]:
    """Investor names from a cell: a JSON array (JSON exports) of names or of investor objects, or a
    separated list."""
    items = _json_items(value)
    if items is not None:
        names = [name for item in items if (name := _item_name(item)) is not None]
        return [part for name in names for part in split_name_list(name)]
    return split_name_list(value if isinstance(value, str) else None)


def _marked_leads(value: object) -> list[str]:
    """The investors of a JSON array whose object marks them a lead ('{"name": "Accel", "lead": true}')."""
    items = _json_items(value) or []
    marked = [
        item for item in items if isinstance(item, dict) and any(item.get(key) is True for key in _LEAD_KEYS)
    ]
    return [part for item in marked if (name := _item_name(item)) for part in split_name_list(name)]


def _mapping(columns: dict[str, str] | None, available: list[str]) -> dict[str, str]:
    """dealmap field -> the export column it is read from: the mapped columns (`columns`), then the
    columns named like dealmap's own fields."""
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
        # dealmap's own names match as mapped ones do: ignoring case and surrounding space ('Amount ')
        resolved = _resolve_column(field, available) if field not in mapping else None
        if resolved is not None:
            mapping[field] = resolved
    # Then the names exports give the fields left ('Stage', 'Raised', 'Date'): a column is read once.
    for field, synonyms in EXPORT_SYNONYMS.items():
        if field in mapping:
            continue
        used = set(mapping.values())
        found = next(
            (c for synonym in synonyms for c in available if _folded(c) == synonym and c not in used), None
        )
        if found is not None:
            mapping[field] = found
    if "company" not in mapping:
        raise TableExportError(f"no company column (columns: {_listed(available)}){_mapping_hint(available)}")
    fields_by_column: dict[str, list[str]] = {}
    for field, name in mapping.items():
        fields_by_column.setdefault(name, []).append(field)
    shared = {name: fields for name, fields in fields_by_column.items() if len(fields) > 1}
    if shared:
        # 'company = "amount"' in the columns, and 'amount' read by its own name too: one column, two fields
        listed = "; ".join(f"{name!r} as {' and '.join(fields)}" for name, fields in shared.items())
        raise TableExportError(
            f"one column read as two fields: {listed}; map each field to a column of its own"
        )
    return mapping


def _refuse_repeated(mapping: dict[str, str], repeated: frozenset[str]) -> None:
    """A `TableExportError` when a field is read from a column whose name another column carries too
    ('amount' twice, or 'Amount' and 'amount'): which one holds the field is a guess, and reading the
    first would drop the other's values without a word."""
    ambiguous = {field: name for field, name in mapping.items() if _folded(name) in repeated}
    if ambiguous:
        listed = ", ".join(f"{name!r} (read as {field})" for field, name in ambiguous.items())
        raise TableExportError(
            f"the export has more than one column named {listed}, ignoring case: which holds the values "
            "is a guess; rename the columns so each name is used once, or map the field to another "
            "column in the source's columns"
        )


_INVESTOR_LISTS = "export_investor_lists"
_LIST_TYPE = pa.list_(pa.string())


def _register_investor_lists(connection: duckdb.DuckDBPyConnection, leads: str, others: str) -> None:
    """The investor lists of every distinct pair of (leads, investors) cells, as the table
    `_INVESTOR_LISTS` (lead_cell, other_cell, lead_names, all_names: the leads first, no duplicates).

    The names are split in Python (`_names`), once per distinct pair: exports repeat the same investor
    cells thousands of times, and the rows get their lists by a join in DuckDB."""
    pairs = connection.execute(f"select distinct {leads}, {others} from {_CELLS}").fetchall()
    lead_names, all_names = [], []
    for lead_cell, other_cell in pairs:
        # as a page's table reads them: an investors cell may mark its leads ('Lead: Zeta Fund, Eta Fund')
        leading, everyone = leads_and_investors(
            list(dict.fromkeys([*_names(lead_cell), *_marked_leads(other_cell)])), _names(other_cell)
        )
        lead_names.append(leading)
        all_names.append(everyone)
    lists = pa.table(
        {
            "lead_cell": pa.array([pair[0] for pair in pairs], pa.string()),
            "other_cell": pa.array([pair[1] for pair in pairs], pa.string()),
            "lead_names": pa.array(lead_names, _LIST_TYPE),
            "all_names": pa.array(all_names, _LIST_TYPE),
        }
    )
    connection.register(_INVESTOR_LISTS, lists)


MENTIONS_VIEW = "export_mentions"
"""The view `table_mentions` defines: one row per data row of the export, in the file's order, with the
mention fields of EXPORT_FIELDS as text (NULL for a field the export lacks), the investor lists, the
1-based `row_number` and the `snippet`."""


def _define_mentions(
    connection: duckdb.DuckDBPyConnection,
    mapping: dict[str, str],
    kept: list[str],
    every_column: bool = False,
) -> None:
    """Create `MENTIONS_VIEW` over the cells view. Column names come from the file: in the SQL only as
    the cells' own aliases (`c0`...), and as text only through the `export_label_<n>` variables."""
    cell = {name: f"e.c{position}" for position, name in reversed(list(enumerate(kept)))}
    fields = {
        mention_field: cell[mapping[field]] if field in mapping else "null"
        for field, mention_field in EXPORT_FIELDS.items()
    }
    unit = header_currency(mapping["amount"]) if "amount" in mapping and "currency" not in mapping else None
    if unit is not None:
        # 'Amount (USD)' with no currency column: the header says what its bare numbers are (a code of
        # the currency table, bound as a variable: nothing of the file goes into the SQL)
        connection.execute("set variable export_currency = ?", [unit])
        fields["currency"] = f"if({fields['amount']} is null, null, getvariable('export_currency'))"
    for number, field in enumerate(("amount", "valuation")):
        header = header_unit(mapping[field]) if field in mapping else None
        scale = header.scale if header else None
        if scale is not None:
            # 'Amount ($M)': a bare number is so many millions ('50' is read as '50 million'); a cell that
            # writes its own scale or symbol ('$50M', 'undisclosed') is read as it is
            connection.execute(f"set variable export_scale_{number} = ?", [f" {scale}"])
            raw = fields[EXPORT_FIELDS[field]]
            fields[EXPORT_FIELDS[field]] = (
                f"if(regexp_full_match(trim({raw}), '[0-9][0-9,.]*'), "
                f"trim({raw}) || getvariable('export_scale_{number}'), {raw})"
            )
    leads, others = fields["lead_investors"], fields["investors"]
    if leads == others == "null":  # no investor columns: every row names nobody
        # (a constant: the file's schema, every column optional, is the declaration's, not DuckDB's)
        fields["lead_investors"] = fields["investors"] = "[]::varchar[]"
        joined = ""
    else:
        _register_investor_lists(connection, leads.removeprefix("e."), others.removeprefix("e."))
        fields["lead_investors"], fields["investors"] = "l.lead_names", "l.all_names"
        joined = (
            f"left join {_INVESTOR_LISTS} l on {leads} is not distinct from l.lead_cell"
            f" and {others} is not distinct from l.other_cell"
        )
    # The snippet is the row itself, in the export's own column names, so a reader can find it:
    # 'company=Acme; amount=5000000; ...', a missing cell read as empty.
    # One concat of labels, cells and separators (a missing cell adds nothing): a concat per column joined
    # by concat_ws cost twice as much, a million rows about 0.4 s of one core more.
    used = list(dict.fromkeys(mapping.values()))
    extra = [name for name in kept if _EXTRA_CELLS.fullmatch(name) and name not in used]
    for number, name in enumerate([*used, *extra]):
        connection.execute(f"set variable export_label_{number} = ?", [f"{name}="])
    snippet = ", '; ', ".join(
        f"getvariable('export_label_{number}'), {cell[name]}" for number, name in enumerate(used)
    )
    # A cell past the header's shows only where a row has one: '...; column10=EXTRA'.
    snippet += "".join(
        f", if({cell[name]} is null, '', concat('; ', getvariable('export_label_{number}'), {cell[name]}))"
        for number, name in enumerate(extra, start=len(used))
    )
    selected = ", ".join(f"{value} as {name}" for name, value in fields.items())
    # A line of spaces is a blank line, and blank lines are no rows: its first cell holds only spaces and
    # every other is missing (the cheap null tests first, so the trim runs on the few rows that pass them).
    # A row whose cells are all missing is not dropped: it may hold columns dealmap does not read, and is
    # quarantined for naming no company.
    # When every column of the export is read (`every_column`), a row of empty cells is blank too: the ',,,,'
    # a spreadsheet leaves below its rows holds nothing anywhere.
    others = " and ".join(f"e.c{position} is null" for position in range(1, len(kept)))
    first = "coalesce(trim(e.c0), '') = ''" if every_column else "coalesce(trim(e.c0) = '', false)"
    blank = f"({others + ' and ' if others else ''}{first})" if kept else "false"
    # A summary row ('Total,,30000000,'), in an export with a round column: its company cell says total
    # (`wording.names_a_total`) and it states no round. The table's sum, not a deal, as a page table's
    # footer is read; without a round column such a row is quarantined as naming no company. The rows
    # kept: a round, or a name that is no total. (Each word alone or with a colon or a point after it, or a
    # prefix: string functions only, as a regular expression over every name cost as much as reading the
    # file. A missing name is no total either.)
    written = sorted(f"{word}{end}" for word in TOTAL_ROW_WORDS for end in ("", ":", "."))
    words = ", ".join("'" + word.replace("'", "''") + "'" for word in written)
    company, round_cell, date_cell = fields["company"], fields["round_text"], fields["announced"]
    folded = f"lower(trim({company}))"
    # (a name that begins with a total word is one only with no date either: 'Total Expert' is a company)
    prefixed = " or ".join(f"starts_with({folded}, '{prefix}')" for prefix in TOTAL_ROW_PREFIXES)
    undated = f"(({date_cell}) is null or trim({date_cell}) = '')"
    not_total = (
        f"(({round_cell}) is not null and trim({round_cell}) <> '') "
        f"or coalesce(not (list_contains([{words}], {folded}) or (({prefixed}) and {undated})), true)"
        if "round_type" in mapping
        else "true"
    )
    # Rows in the file's order: `row_number() over ()` numbers them as scanned, and on the one thread of
    # the connection (`_opened`) the join keeps the order of the scan.
    connection.execute(
        f"""create view {MENTIONS_VIEW} as
        select {selected}, e.row_number, concat({snippet}) as snippet
        from (select *, row_number() over () as row_number from {_CELLS}) e {joined}
        where not {blank} and ({not_total})"""
    )


# Exports up to this size are read on the process's scratch database (opening a database costs about
# 12 ms, a registry of many small exports paid it per file); larger ones on a database of their own, whose
# memory goes when it closes (a million-row export left 300 MiB with the scratch database).
SMALL_EXPORT_BYTES = 8 * 1024 * 1024


def _reader_database(path: Path) -> AbstractContextManager[duckdb.DuckDBPyConnection]:
    """A one-thread connection to read the export at `path` on (one thread: rows in the file's order)."""
    try:
        small = path.stat().st_size <= SMALL_EXPORT_BYTES
    except OSError:
        small = True  # (the reader names the problem)
    return scratch_duckdb(threads=1) if small else private_duckdb({"threads": 1})


@contextmanager
def _opened(
    path: Path, fmt: str, wanted: frozenset[str], encoding: str | None
) -> Iterator[tuple[duckdb.DuckDBPyConnection, list[str], list[str]]]:
    """(a connection with the cells view of the export's `wanted` columns, every column name of the
    export, the names of the wanted ones in the view's order). Any reading error inside the `with`
    block, the queries of the view included, is a `TableExportError`."""
    # One thread: the rows then come out of the investor-list join in the order of the file, which a
    # sort would give only by holding them all (1.7 GB at a million rows, against 0.55 GB streamed).
    with _reader_database(path) as connection:
        readable = path
        try:
            if fmt not in TABLE_FORMATS:
                raise TableExportError(f"unsupported table format {fmt!r} ({', '.join(TABLE_FORMATS)})")
            if path.stat().st_size == 0:
                raise TableExportError(f"the {fmt} export is empty (0 bytes): no header, no rows")
            with ExitStack() as stack:
                readable = stack.enter_context(_as_utf8(path, encoding))
                if fmt == "csv":
                    available, kept, repeated = _csv_cells(connection, readable, wanted, stack)
                else:
                    available, kept, repeated = _json_cells(connection, readable, fmt, wanted)
                yield connection, available, kept, repeated
        except (duckdb.Error, OSError, csv.Error) as error:
            # DuckDB names the file it read: the raw store's copy (or a decoded one), which means nothing to
            # whoever wrote the export; the source's URL is beside the message wherever it is shown.
            message = str(error).replace(str(readable), "the export").replace(str(path), "the export")
            # DuckDB's own advice after its first line names reader options a source cannot set
            lines = message.strip().splitlines()
            message = lines[0] if lines else type(error).__name__
            if _CSV_ERROR_LINE.search(message):
                # 'CSV Error on Line: 1' says where, the next line why ('Maximum line size ... exceeded')
                cause = next(
                    (line for line in lines[1:] if line.strip() and not line.startswith("Original")), ""
                )
                message += f": {cause.strip()[:200]}" if cause else ""
            if "sniffing" in message:
                message += " (is a quote left open, or are the rows of different shapes?)"
            raise TableExportError(f"could not read {fmt} export: {message}") from error


def _read_rows(
    path: Path, fmt: str, wanted: frozenset[str], encoding: str | None = None
) -> tuple[pd.DataFrame, list[str]]:
    """(the cells of the wanted columns, named as in the export; every column name of the export)."""
    with _opened(path, fmt, wanted, encoding) as (connection, available, kept, _):
        if not kept:
            return pd.DataFrame(), available
        frame = connection.sql(f"select * from {_CELLS}").to_arrow_table().to_pandas()
        frame.columns = kept
        return frame, available


@contextmanager
def table_mentions(
    path: Path, fmt: str, columns: dict[str, str] | None = None, encoding: str | None = None
) -> Iterator[duckdb.DuckDBPyConnection]:
    """A DuckDB connection whose view `MENTIONS_VIEW` holds the export's mentions (as text). `columns` maps
    dealmap field -> the export's column name; only the mapped columns and those named like dealmap's own
    fields are read.

    The view reads the file when queried, so a million-row export goes to Arrow (batch by batch) in one
    statement, never through Python objects per row. It may be queried only inside the `with` block; any
    reading error there is a `TableExportError`.
    """
    synonyms = [name for names in EXPORT_SYNONYMS.values() for name in names]
    wanted = frozenset(_folded(name) for name in [*(columns or {}).values(), *EXPORT_FIELDS, *synonyms])
    with _opened(path, fmt, wanted, encoding) as (connection, available, kept, repeated):
        mapping = _mapping(columns, available)
        _refuse_repeated(mapping, repeated)
        _define_mentions(connection, mapping, kept, every_column=len(kept) == len(available))
        yield connection


def read_table_export(
    path: Path, fmt: str, columns: dict[str, str] | None = None, encoding: str | None = None
) -> pd.DataFrame:
    """The mentions of `table_mentions` as a frame: text cells as Arrow-backed strings (missing: NA),
    investor lists as Python lists. For inspection and tests; extraction streams the view to Parquet."""
    with table_mentions(path, fmt, columns, encoding) as connection:
        return text_frame(connection.sql(f"select * from {MENTIONS_VIEW}").to_arrow_table())
