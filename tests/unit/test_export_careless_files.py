"""Exports as a careless hand or a broken tool leaves them, found by a red team: a row that DuckDB's reader
took for a comment, blank lines in a wide export, a header split on the wrong delimiter, a key written twice,
cells that cannot be names, two fields on one column, packed or UTF-16 files. Every row is read or
quarantined with its rule, and a file that cannot be read says why."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from assets.frames import as_list
from assets.normalize.mentions import References, normalize_mentions
from assets.parsing.dispatch import extract_document
from assets.parsing.table_export import TableExportError, read_table_export
from assets.source_kinds import column_problems
from assets.sources import Source, SourceKind
from assets.validate.quarantine import validate_frame
from schemas.mention_schema import NormalizedMentionSchema
from schemas.rules import RECORD_RULES


def _write(tmp_path: Path, text: str, name: str = "export.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _validated(path: Path, columns: dict[str, str] | None = None, fmt: str = "csv"):
    url = path.as_uri()
    source = Source(
        id="export", kind=SourceKind.TABLE, url=url, columns=columns or {}, options={"format": fmt}
    )
    frame = extract_document(source, url, "c" * 64, None, path)
    return validate_frame(normalize_mentions(frame, References.of()), NormalizedMentionSchema, RECORD_RULES)


@pytest.mark.parametrize("row", ["#paid,Seed,2000000", "#paid,Seed,2000000,Y Cap,stray", "#paid"])
def test_a_row_starting_with_a_hash_is_a_row_not_a_comment(tmp_path: Path, row: str) -> None:
    # DuckDB's sniffer took '#' for a comment and dropped such a row when its width differed from the header's
    header = "company,round_type,amount,lead_investors"
    text = f"{header}\nAcorn Robotics,Seed,1000000,X Cap\n{row}\nBirch,Seed,3,Y\n"
    path = _write(tmp_path, text)
    source = Source(id="export", kind=SourceKind.TABLE, url=path.as_uri())
    rows = extract_document(source, path.as_uri(), "c" * 64, None, path)
    assert rows["company_text"].tolist() == ["Acorn Robotics", "#paid", "Birch"]
    assert rows["locator"].tolist() == ["row[1]", "row[2]", "row[3]"]


def test_blank_lines_in_a_wide_export_are_no_rows(tmp_path: Path) -> None:
    header = ",".join(["company", "amount", *(f"x{i}" for i in range(1_001))])
    text = f"{header}\nWtone,$1M{',f' * 1_001}\n\nWttwo,$2M{',f' * 1_001}\n\n\n"
    rows = read_table_export(_write(tmp_path, text), "csv")
    assert rows["company"].tolist() == ["Wtone", "Wttwo"]
    assert rows["amount"].tolist() == ["$1M", "$2M"]


def test_a_repeated_column_is_refused_when_a_quoted_name_holds_the_other_delimiter(tmp_path: Path) -> None:
    # as many commas (inside the quoted name) as semicolons: the header was split on commas, the rows on
    # semicolons, and 'amount' / 'Amount' went unseen: 9000000 was dropped without a word
    text = 'company;amount;Amount;"Notes, e.g. lead, co-lead, etc."\nDelimco;1000000;9000000;x\n'
    with pytest.raises(TableExportError, match="more than one column named 'amount'"):
        read_table_export(_write(tmp_path, text), "csv")


def test_a_semicolon_export_with_commas_in_a_quoted_name_is_read(tmp_path: Path) -> None:
    text = 'company;amount;"Notes, e.g. lead, co-lead, etc."\nDelimco;1000000;x\n'
    rows = read_table_export(_write(tmp_path, text), "csv")
    assert rows[["company", "amount"]].iloc[0].tolist() == ["Delimco", "1000000"]


def test_a_key_written_twice_in_one_json_object_is_refused(tmp_path: Path) -> None:
    text = '[{"company": "Dupkeyone", "amount": "$1M", "amount": "$9M"}, {"company": "Two", "amount": "$2M"}]'
    with pytest.raises(TableExportError, match="more than one column named 'amount'"):
        read_table_export(_write(tmp_path, text, "export.json"), "json")


def test_json_objects_with_the_same_keys_each_once_are_read(tmp_path: Path) -> None:
    text = json.dumps([{"company": "One", "amount": "$1M"}, {"amount": "$2M", "company": "Two"}])
    rows = read_table_export(_write(tmp_path, text, "export.json"), "json")
    assert rows[["company", "amount"]].values.tolist() == [["One", "$1M"], ["Two", "$2M"]]


@pytest.mark.parametrize(
    "company", ["#N/A", "#REF!", "undefined", "true", "FALSE", "***", "\x00\x00", "true\x00", "#N/A\u200b"],
)  # fmt: skip
def test_a_cell_that_cannot_be_a_name_is_quarantined_under_company_present(
    tmp_path: Path, company: str
) -> None:
    text = f"company,amount,currency\nTallowmere,4000000,USD\n{company},5000000,USD\n"
    result = _validated(_write(tmp_path, text))
    assert result.valid["company"].tolist() == ["Tallowmere"]
    assert [as_list(checks) for checks in result.rejected["failed_checks"]] == [["company_present"]]


@pytest.mark.parametrize(
    ("cell", "company"),
    [("Nul\x00Corp", "NulCorp"), ("True Ventures", "True Ventures"), ("3M", "3M"), ("#paid", "#paid"),
     ("[x+1]", "[x+1]"),  # brackets, and no JSON: a company's name (Crunchbase's 2013 rounds list four)
     ("111", "111"), ("360", "360"),  # digits alone: names of listed companies
     # a formula stays a name as written; every export of the warehouse neutralises it
     ("=HYPERLINK(1)", "=HYPERLINK")],
)  # fmt: skip
def test_names_with_digits_hashes_or_stray_control_characters_are_kept(
    tmp_path: Path, cell: str, company: str
) -> None:
    result = _validated(_write(tmp_path, f"company,amount,currency\n{cell},5000000,USD\n"))
    assert result.valid["company"].tolist() == [company]


def test_an_amount_of_a_trillion_dollars_is_not_below_the_ceiling(tmp_path: Path) -> None:
    text = "company,amount,currency\nTallowmere,999999999999,USD\nBrindle Ore,1000000000000,USD\n"
    result = _validated(_write(tmp_path, text))
    assert result.valid["company"].tolist() == ["Tallowmere"]
    assert [as_list(checks) for checks in result.rejected["failed_checks"]] == [["amount_below_ceiling"]]


def test_two_fields_mapped_to_one_column_are_a_registry_problem() -> None:
    problems = column_problems(SourceKind.TABLE, {"company": "Name", "segment": "name ", "amount": "Raised"})
    assert problems == [
        "columns.company and columns.segment: map to the same column 'Name'; "
        "each field reads a column of its own"
    ]


def test_a_mapped_column_that_a_field_also_reads_by_its_own_name_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, "name,amount\nTallowmere,4000000\n")
    with pytest.raises(
        TableExportError, match="one column read as two fields: 'amount' as company and amount"
    ):
        read_table_export(path, "csv", columns={"company": "amount"})


def test_a_gzip_export_is_named_as_one(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes(gzip.compress(b"company,amount\nTallowmere,4000000\n"))
    with pytest.raises(TableExportError, match="the export is a gzip file, not text"):
        read_table_export(path, "csv")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_its_byte_order_mark_is_read(tmp_path: Path, codec: str) -> None:
    # it failed with its NUL bytes in the column names ('c\x00o\x00m\x00...'); read as a page's UTF-16 is
    path = tmp_path / "export.csv"
    path.write_bytes("company,amount\nZürich Ostrava,4000000\n".encode(codec))
    rows = read_table_export(path, "csv")
    assert rows[["company", "amount"]].values.tolist() == [["Zürich Ostrava", "4000000"]]


def test_a_header_with_nul_bytes_that_is_no_utf16_is_named(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes(b"comp\x00any,amount\nTallowmere,4000000\n")
    with pytest.raises(
        TableExportError, match="first line holds NUL bytes, and is no UTF-16 dealmap can tell"
    ):
        read_table_export(path, "csv")


def test_a_line_past_the_readers_limit_says_so(tmp_path: Path) -> None:
    path = _write(tmp_path, "company,amount\n" + "A" * 2_100_000 + ",1\nB,2\n")
    with pytest.raises(TableExportError, match="CSV Error on Line: 1: Maximum line size of 2000000 bytes"):
        read_table_export(path, "csv")


@pytest.mark.parametrize(
    ("cell", "leads", "investors"),
    [
        ("Lead: Zeta Fund, Eta Fund", ["Zeta Fund"], ["Zeta Fund", "Eta Fund"]),
        ("Zeta Fund (lead); Eta Fund", ["Zeta Fund"], ["Zeta Fund", "Eta Fund"]),
        ("Zeta Fund, Eta Fund", [], ["Zeta Fund", "Eta Fund"]),
    ],
)
def test_an_investors_cell_that_marks_its_leads_gives_them(
    tmp_path: Path, cell: str, leads, investors
) -> None:
    # as a page's table reads it; the export read an investor named 'Lead: Zeta Fund' and no lead
    rows = read_table_export(
        _write(tmp_path, f'company,amount,investors\nTallowmere,4000000,"{cell}"\n'), "csv"
    )
    assert (list(rows["lead_investors"].iloc[0]), list(rows["investors"].iloc[0])) == (leads, investors)
