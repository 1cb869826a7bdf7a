"""Exports as careless tools and hands write them: ragged rows, headers in other cases, empty files,
unclosed quotes, placeholder names. One bad row or cell must not cost the file, let alone the refresh."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from assets.frames import as_list
from assets.normalize.mentions import References, normalize_mentions
from assets.normalize.names import split_name_list
from assets.parsing.dispatch import extract_document
from assets.parsing.table_export import TableExportError, read_table_export
from assets.sources import Source, SourceKind
from assets.validate.quarantine import validate_frame
from schemas.mention_schema import NormalizedMentionSchema
from schemas.rules import RECORD_RULES

HEADER = "company,round_type,amount,currency,segment,announced_date,lead_investors,investors"
GOOD = "Tallowmere,Seed,4000000,USD,AI agents,2026-02-03,Kestrel Fund,Kestrel Fund; Brae Capital"


def _export(tmp_path: Path, *lines: str, name: str = "export.csv") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _cells(frame: pd.DataFrame, column: str) -> list:
    return [None if pd.isna(value) else value for value in frame[column]]


# -- rows of the wrong width ------------------------------------------------------------------------------


def test_a_short_row_is_read_with_its_missing_cells_empty(tmp_path: Path) -> None:
    rows = read_table_export(_export(tmp_path, HEADER, GOOD, "Brindle Ore,Seed,2000000", GOOD), "csv")
    assert _cells(rows, "company") == ["Tallowmere", "Brindle Ore", "Tallowmere"]
    assert _cells(rows, "amount") == ["4000000", "2000000", "4000000"]
    assert _cells(rows, "currency") == ["USD", None, "USD"]


def test_a_long_row_is_read_and_its_extra_cells_show_in_its_snippet(tmp_path: Path) -> None:
    long_row = "Quenby Grid,Series A,9000000,USD,GPU cloud,2026-03-01,,,stray,cells"
    rows = read_table_export(_export(tmp_path, HEADER, GOOD, long_row), "csv")
    assert _cells(rows, "company") == ["Tallowmere", "Quenby Grid"]
    assert not rows["snippet"].iloc[0].endswith("=")  # an empty extra cell adds nothing
    assert rows["snippet"].iloc[1].endswith("; column8=stray; column9=cells")


def test_one_long_row_at_the_end_does_not_become_the_header(tmp_path: Path) -> None:
    lines = [HEADER, *[GOOD.replace("Tallowmere", f"Tallowmere {i}") for i in range(60)], GOOD + ",extra"]
    rows = read_table_export(_export(tmp_path, *lines), "csv")
    assert len(rows) == 61
    assert rows["company"].iloc[0] == "Tallowmere 0"


# -- column names -------------------------------------------------------------------------------------------


def test_dealmaps_own_column_names_match_ignoring_case_and_space(tmp_path: Path) -> None:
    header = " Company ,AMOUNT,Currency,Round_Type, Announced_Date "
    rows = read_table_export(_export(tmp_path, header, "Ostrava Labs,7000000,EUR,Seed,2026-01-09"), "csv")
    assert rows[["company", "amount", "currency", "round_text", "announced"]].iloc[0].tolist() == [
        "Ostrava Labs",
        "7000000",
        "EUR",
        "Seed",
        "2026-01-09",
    ]


def test_json_keys_in_another_case_match_too(tmp_path: Path) -> None:
    path = tmp_path / "export.jsonl"
    path.write_text('{"Company": "Ostrava Labs", "Amount": "7000000", "Currency": "EUR"}\n', encoding="utf-8")
    rows = read_table_export(path, "jsonl")
    assert rows[["company", "amount", "currency"]].iloc[0].tolist() == [
        "Ostrava Labs",
        "7000000",
        "EUR",
    ]


@pytest.mark.parametrize("second", ["amount", "Amount", " AMOUNT "])
def test_two_columns_of_one_name_are_refused_rather_than_one_read(tmp_path: Path, second: str) -> None:
    # Reading the first 'amount' column would drop the second's values without a word.
    path = _export(tmp_path, f"company,amount,{second}", "Ostrava Labs,7000000,9000000")
    with pytest.raises(TableExportError, match=r"more than one column named 'amount' \(read as amount\)"):
        read_table_export(path, "csv")


def test_two_columns_of_one_name_that_no_field_reads_are_no_matter(tmp_path: Path) -> None:
    path = _export(tmp_path, "company,amount,notes,notes", "Ostrava Labs,7000000,first,second")
    assert _cells(read_table_export(path, "csv"), "amount") == ["7000000"]


def test_a_field_mapped_away_from_a_repeated_name_is_read(tmp_path: Path) -> None:
    path = _export(tmp_path, "company,amount,amount,Raised", "Ostrava Labs,1,2,7000000")
    rows = read_table_export(path, "csv", columns={"amount": "Raised"})
    assert _cells(rows, "amount") == ["7000000"]


def test_json_keys_differing_only_in_case_across_records_are_one_column(tmp_path: Path) -> None:
    """No record writes the key twice: each record's value is read (a record writing both is refused,
    tests/unit/test_table_export.py)."""
    path = tmp_path / "export.jsonl"
    lines = ['{"company": "Ostrava Labs", "amount": "7000000"}', '{"company": "Brindle Ore", "Amount": "9"}']
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert _cells(read_table_export(path, "jsonl"), "amount") == ["7000000", "9"]


# -- files that cannot be read say why, in the user's terms ---------------------------------------------


def test_an_empty_file_says_it_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes(b"")
    with pytest.raises(TableExportError, match=r"the csv export is empty \(0 bytes\)"):
        read_table_export(path, "csv")


def test_an_unclosed_quote_is_told_without_the_stores_path(tmp_path: Path) -> None:
    path = _export(tmp_path, HEADER, GOOD, '"Unclosed Co,Seed,1000000,USD,AI agents,2026-02-03,,')
    with pytest.raises(TableExportError) as raised:
        read_table_export(path, "csv")
    assert str(tmp_path) not in str(raised.value)
    assert "\n" not in str(raised.value)


# -- cells that name nobody -----------------------------------------------------------------------


@pytest.mark.parametrize("cell", ["N/A", "None", "null", "-", "n.a.", "TBD", "[", "5"])
def test_a_placeholder_investor_cell_names_nobody(cell: str) -> None:
    assert split_name_list(cell) == []


def test_a_legal_form_after_a_comma_is_no_investor_of_its_own() -> None:
    assert split_name_list("Heron Ventures, Inc.; Beta Capital, LLC and “Curly” Capital") == [
        "Heron Ventures",
        "Beta Capital",
        "Curly Capital",
    ]


@pytest.mark.parametrize("company", ["N/A", "TBD", "—", "?", "null", "Inc.", "LLC"])
def test_a_placeholder_company_is_quarantined_under_company_present(tmp_path: Path, company: str) -> None:
    path = _export(tmp_path, HEADER, GOOD, GOOD.replace("Tallowmere", company))
    url = path.as_uri()
    frame = extract_document(Source(id="export", kind=SourceKind.TABLE, url=url), url, "c" * 64, None, path)
    result = validate_frame(normalize_mentions(frame, References.of()), NormalizedMentionSchema, RECORD_RULES)
    assert result.valid["company"].tolist() == ["Tallowmere"]
    assert [as_list(checks) for checks in result.rejected["failed_checks"]] == [["company_present"]]


def test_a_utf16_export_with_its_byte_order_mark_is_read_without_an_encoding_option(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes("company,amount,currency\nZürich Ostrava,5000000,CHF\n".encode("utf-16"))
    rows = read_table_export(path, "csv")
    assert rows[["company", "amount", "currency"]].iloc[0].tolist() == ["Zürich Ostrava", "5000000", "CHF"]


@pytest.mark.parametrize("cell", ['{"name": "Nestco"}', '["Listco", "Other"]'])
def test_a_json_value_in_the_company_cell_is_quarantined(tmp_path: Path, cell: str) -> None:
    path = tmp_path / "export.jsonl"
    company = json.loads(cell)
    path.write_text(
        json.dumps({"company": "Tallowmere", "amount": "4000000", "currency": "USD"})
        + "\n"
        + json.dumps({"company": company, "amount": "4000000", "currency": "USD"})
        + "\n",
        encoding="utf-8",
    )
    url = path.as_uri()
    frame = extract_document(Source(id="export", kind=SourceKind.TABLE, url=url), url, "c" * 64, None, path)
    result = validate_frame(normalize_mentions(frame, References.of()), NormalizedMentionSchema, RECORD_RULES)
    assert result.valid["company"].tolist() == ["Tallowmere"]
    assert [as_list(checks) for checks in result.rejected["failed_checks"]] == [["company_present"]]


@pytest.mark.parametrize("cell", ["-2026-02-03", "x2026-02-03", "20260203"])
def test_a_date_glued_to_other_characters_is_quarantined_not_read(tmp_path: Path, cell: str) -> None:
    # '-2026-02-03' was read as 3 February 2026: a date found inside the cell, as prose needs
    path = _export(
        tmp_path, HEADER, GOOD, GOOD.replace("Tallowmere", "Brindle Ore").replace("2026-02-03", cell)
    )
    url = path.as_uri()
    frame = extract_document(Source(id="export", kind=SourceKind.TABLE, url=url), url, "c" * 64, None, path)
    result = validate_frame(normalize_mentions(frame, References.of()), NormalizedMentionSchema, RECORD_RULES)
    assert result.valid["company"].tolist() == ["Tallowmere"]
    assert result.rejected["company"].tolist() == ["Brindle Ore"]
    assert [as_list(checks) for checks in result.rejected["failed_checks"]] == [["announced_date_parseable"]]
