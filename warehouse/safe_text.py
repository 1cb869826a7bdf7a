"""Text that leaves dealmap, made inert for where it lands: a CSV cell, HTML, a Markdown table cell.

Company names, investors and snippets come from sources and are stored as written (DuckDB keeps them
exactly). Only when such text is written out for a person to open does it pass through these functions:

- a spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (or a tab, CR, LF or NUL before one) as
  a formula: `=HYPERLINK(...)` becomes a link that leaks data. The cell gets a leading `'`, which
  spreadsheets read as "this is text" (OWASP's CSV injection advice);
- bidirectional controls (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C) reorder what a reader
  sees ("Trojan Source"): each is replaced by a visible `[U+202E]`, so nothing is hidden and nothing lost;
- HTML is escaped with quotes; in Markdown (Dagster renders metadata Markdown as HTML) the table and
  inline syntax (`|`, `[`, `` ` ``, `*`...) is escaped too and a newline cannot end the row.

Only text is neutralised: numbers stay numbers, so `-5` in a numeric column is written as it is.
"""

from __future__ import annotations

import html
import re

import pandas as pd

# Bidi controls, and the C0 control characters other than tab, line feed and carriage return (a NUL in a
# company name from a broken export): shown, never passed on raw.
_BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Characters that start a formula in Excel, LibreOffice or Google Sheets (full-width forms included:
# some spreadsheets fold them to ASCII), and the control characters that may precede one.
_FORMULA_STARTS = frozenset("=+-@\uff1d\uff0b\uff0d\uff20")
_LEADING_CONTROLS = frozenset("\t\r\n\0")
# Markdown punctuation that would start a link, an image, code, emphasis, strike-through or a table cell.
# `&`, `<`, `>` and quotes are left to html.escape (a backslash before an entity would show it literally).
_MARKDOWN_SYNTAX = re.compile(r"([\\`*_\[\]|~])")


def visible_bidi(text: str) -> str:
    """Bidirectional and other invisible control characters replaced by a visible code point:
    'abc[U+202E]fed', 'Null[U+0000]Byte'."""
    return _BIDI_CONTROLS.sub(lambda m: f"[U+{ord(m.group()):04X}]", text)


def csv_cell(value: object) -> object:
    """A value ready for a CSV writer: text that a spreadsheet would run as a formula is prefixed with
    `'`, bidi controls are made visible; anything that is not text (numbers, dates, None) is returned
    as it is. Quoting commas and quotes is the CSV writer's job."""
    if not isinstance(value, str):
        return value
    text = visible_bidi(value)
    if text[:1] in _LEADING_CONTROLS or text.lstrip(" ")[:1] in _FORMULA_STARTS:
        return "'" + text
    return text


def csv_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of `frame` for `to_csv`: every text cell through `csv_cell` (lists are joined with ', '
    first); numeric, boolean and date columns untouched, so a negative number keeps its '-'."""
    safe = frame.copy()
    for column in safe.columns:
        series = safe[column]
        if pd.api.types.is_object_dtype(series) or pd.api.types.is_string_dtype(series):
            safe[column] = series.map(_csv_object)
    return safe


def _csv_object(value: object) -> object:
    if isinstance(value, list | tuple):
        value = ", ".join(map(str, value))
    return csv_cell(value)


def html_text(value: object) -> str:
    """Any value as HTML text: escaped (with quotes) and bidi controls made visible. None is ''."""
    if value is None:
        return ""
    return html.escape(visible_bidi(str(value)), quote=True)


def markdown_cell(value: object) -> str:
    """Any value as the text of one Markdown table cell: HTML escaped, Markdown syntax and `|` escaped,
    line breaks as spaces, bidi controls made visible. None is ''."""
    if value is None:
        return ""
    text = " ".join(str(value).splitlines())
    return html.escape(_MARKDOWN_SYNTAX.sub(r"\\\1", visible_bidi(text)), quote=True)
