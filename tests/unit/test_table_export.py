"""CSV and JSON deal exports: one mention per row as text, column mapping, investor lists and errors."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from assets.parsing import table_export
from assets.parsing.table_export import TableExportError
from assets.parsing.table_rows import mention_from_row

MENTION_COLUMNS = [
    "company",
    "round_text",
    "amount",
    "currency",
    "valuation",
    "segment",
    "announced",
    "lead_investors",
    "investors",
    "context",
    "status",
    "row_number",
    "snippet",
]


def read_table_export(*args, **kwargs) -> pd.DataFrame:
    """The export's rows with missing cells as None, so cells compare as the Python values they hold
    (the reader keeps DuckDB's Arrow-backed strings, whose missing value is NaN)."""
    frame = table_export.read_table_export(*args, **kwargs)
    return frame.astype(object).where(frame.notna(), None)


@pytest.fixture
def sample_export(samples_dir: Path) -> Path:
    return samples_dir / "exports" / "deal-tracker-export.csv"


def test_sample_export_rows(sample_export: Path) -> None:
    frame = read_table_export(sample_export, "csv")

    assert list(frame.columns) == MENTION_COLUMNS
    assert frame["row_number"].tolist() == [1, 2, 3, 4, 5, 6]
    assert frame["company"].tolist() == [
        "Inferact",
        "RadixArk",
        "Halcyon Grid Compute",
        "Quantum Whisper Labs",
        "Tiny Valuation AI",
        None,
    ]
    # Every value as the export wrote it: text, the sign and the leading digits untouched.
    assert frame["amount"].tolist() == [
        "150000000",
        "100000000",
        "-5000000",
        "12000000",
        "80000000",
        "8000000",
    ]
    assert frame["round_text"].tolist()[:3] == ["Seed", "Seed", "Series A"]
    assert frame["segment"].tolist()[3] == "Quantum sensing"
    assert frame["announced"].tolist()[0] == "2026-01-28"
    assert frame["context"].isna().all()


def test_sample_export_investor_lists(sample_export: Path) -> None:
    frame = read_table_export(sample_export, "csv")

    assert frame["lead_investors"].tolist()[:3] == [["a16z", "Lightspeed"], ["Accel"], []]
    assert frame["investors"].tolist()[:3] == [["a16z", "Lightspeed"], ["Accel"], []]


def test_sample_export_snippet_names_the_export_columns(sample_export: Path) -> None:
    frame = read_table_export(sample_export, "csv")

    assert frame["snippet"].tolist()[0] == (
        "company=Inferact; round_type=Seed; amount=150000000; currency=USD; valuation=800000000; "
        "segment=AI inference; announced_date=2026-01-28; lead_investors=a16z; Lightspeed"
    )
    assert frame["snippet"].tolist()[5].startswith("company=; round_type=Seed;")


def test_csv_with_column_mapping(tmp_path: Path) -> None:
    path = tmp_path / "tracker.csv"
    path.write_text(
        "Startup,Raised (USD),Round,Leads,Backers,Notes\n"
        'Orrin,005000000,Seed,Accel,"Index, Accel",serves models\n'
        "Vexa,,Series A,,,\n",
        encoding="utf-8",
    )
    columns = {
        "company": "Startup",
        "amount": "Raised (USD)",
        "round_type": "Round",
        "lead_investors": "Leads",
        "investors": "Backers",
        "description": "Notes",
    }

    frame = read_table_export(path, "csv", columns)

    records = frame.drop(columns=["snippet"]).to_dict("records")
    assert records == [
        {
            "company": "Orrin",
            "round_text": "Seed",
            "amount": "005000000",
            "currency": "USD",  # the header's unit: 'Raised (USD)'; a row without an amount takes none
            "valuation": None,
            "segment": None,
            "announced": None,
            "lead_investors": ["Accel"],
            "investors": ["Accel", "Index"],  # leads first, no duplicates
            "context": "serves models",
            "status": None,
            "row_number": 1,
        },
        {
            "company": "Vexa",
            "round_text": "Series A",
            "amount": None,
            "currency": None,
            "valuation": None,
            "segment": None,
            "announced": None,
            "lead_investors": [],
            "investors": [],
            "context": None,
            "status": None,
            "row_number": 2,
        },
    ]
    assert frame["snippet"].tolist() == [
        "Startup=Orrin; Raised (USD)=005000000; Round=Seed; Leads=Accel; Backers=Index, Accel; "
        "Notes=serves models",
        "Startup=Vexa; Raised (USD)=; Round=Series A; Leads=; Backers=; Notes=",
    ]


def test_mapping_overrides_a_same_named_column(tmp_path: Path) -> None:
    path = tmp_path / "tracker.csv"
    path.write_text("company,legal_name,amount\nOrrin,Orrin Labs Inc.,$5M\n", encoding="utf-8")

    frame = read_table_export(path, "csv", {"company": "legal_name"})

    assert frame["company"].tolist() == ["Orrin Labs Inc."]
    assert frame["amount"].tolist() == ["$5M"]


def test_json_array_export(tmp_path: Path) -> None:
    path = tmp_path / "deals.json"
    path.write_text(
        json.dumps(
            [
                {"company": "Orrin", "amount": "$5M", "round_type": "Seed", "investors": "Accel; Index"},
                {"company": "Vexa", "amount": None, "round_type": None, "investors": None},
            ]
        ),
        encoding="utf-8",
    )

    frame = read_table_export(path, "json")

    assert frame["company"].tolist() == ["Orrin", "Vexa"]
    assert frame["amount"].tolist() == ["$5M", None]
    assert frame["round_text"].tolist() == ["Seed", None]
    assert frame["investors"].tolist() == [["Accel", "Index"], []]
    assert frame["row_number"].tolist() == [1, 2]


def test_json_investor_arrays_name_no_one_for_null_or_nested_items(tmp_path: Path) -> None:
    path = tmp_path / "deals.json"
    rows = [
        {"company": "Orrin", "lead_investors": ["Accel", None], "investors": [None, {"x": 1}, True, "Index"]}
    ]
    path.write_text(json.dumps(rows), encoding="utf-8")

    frame = read_table_export(path, "json")

    assert frame["lead_investors"].tolist() == [["Accel"]]
    assert frame["investors"].tolist() == [["Accel", "Index"]]


def test_jsonl_export(tmp_path: Path) -> None:
    path = tmp_path / "deals.jsonl"
    path.write_text(
        '{"company": "Orrin", "amount": "$5M", "announced_date": "January 5, 2026"}\n'
        '{"company": "Vexa", "amount": "0012", "announced_date": "2026-01-02"}\n',
        encoding="utf-8",
    )

    frame = read_table_export(path, "jsonl")

    assert frame["company"].tolist() == ["Orrin", "Vexa"]
    assert frame["amount"].tolist() == ["$5M", "0012"]
    assert frame["announced"].tolist() == ["January 5, 2026", "2026-01-02"]


def test_missing_mapped_column_raises(tmp_path: Path) -> None:
    path = tmp_path / "tracker.csv"
    path.write_text("Startup,Raised\nOrrin,$5M\n", encoding="utf-8")

    with pytest.raises(TableExportError, match=r"mapped columns not in the export: \['Amount'\]"):
        read_table_export(path, "csv", {"company": "Startup", "amount": "Amount"})


def test_no_company_column_raises(tmp_path: Path) -> None:
    path = tmp_path / "tracker.csv"
    path.write_text("Outfit,Raised\nOrrin,$5M\n", encoding="utf-8")

    with pytest.raises(TableExportError, match=r"no company column \(columns: \['Outfit', 'Raised'\]\)"):
        read_table_export(path, "csv")


def test_unsupported_format_raises(tmp_path: Path) -> None:
    path = tmp_path / "tracker.xlsx"
    path.write_bytes(b"PK\x03\x04")

    with pytest.raises(TableExportError, match="unsupported table format 'xlsx'"):
        read_table_export(path, "xlsx")


def test_missing_file_raises(tmp_path: Path) -> None:
    with pytest.raises(TableExportError, match="could not read csv export"):
        read_table_export(tmp_path / "absent.csv", "csv")


def test_record_ids_of_a_whole_export_are_those_of_one_row_at_a_time(tmp_path: Path) -> None:
    from assets.parsing.dispatch import extract_document
    from assets.parsing.mentions import record_id
    from assets.sources import Source, SourceKind

    path = tmp_path / "export.csv"
    path.write_text("company\n" + "".join(f"Company {i}\n" for i in range(500)), encoding="utf-8")
    url = "file:///données/export.csv"
    source = Source(id="exports", kind=SourceKind.TABLE, url=url)
    frame = extract_document(source, url, "ab" * 32, None, path)
    args = ("exports", url, "ab" * 32, "table_row")
    assert frame["record_id"].tolist() == [record_id(*args, locator) for locator in frame["locator"]]
    assert frame["locator"].tolist()[-1] == "row[500]"


def test_dealmaps_field_names_are_matched_as_people_write_them(tmp_path: Path) -> None:
    """'Lead Investors' is lead_investors, 'Round-Type' round_type, 'Amount (EUR)' the amount in euros."""
    path = tmp_path / "crm.csv"
    path.write_text(
        "Company,Round-Type,Announced Date,Lead Investors,Amount (EUR)\n"
        "Orrin,Seed,2026-01-05,Accel,4000000\n",
        encoding="utf-8",
    )

    record = read_table_export(path, "csv").drop(columns=["snippet"]).to_dict("records")[0]

    assert (record["round_text"], record["announced"], record["lead_investors"]) == (
        "Seed",
        "2026-01-05",
        ["Accel"],
    )
    assert (record["amount"], record["currency"]) == ("4000000", "EUR")


def test_two_columns_that_fold_to_one_field_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "twice.csv"
    path.write_text("company,lead_investors,Lead Investors\nOrrin,Accel,Index\n", encoding="utf-8")

    with pytest.raises(TableExportError, match="lead_investors"):
        read_table_export(path, "csv")


def test_an_amount_header_with_a_scale_reads_bare_numbers_at_that_scale(tmp_path: Path) -> None:
    """'Amount ($M)' holds millions: a bare 12 is 12 million (read as whole dollars it would be $12); a
    cell that writes its own amount ('$3M', 'undisclosed') is read as it is."""
    path = tmp_path / "scaled.csv"
    path.write_text(
        "company,Amount ($M),Valuation (USD millions),currency\n"
        "Orrin,12,300,EUR\nPell,$3M,,USD\nQuist,undisclosed,,USD\nRook,2.5,,\n",
        encoding="utf-8",
    )
    frame = read_table_export(path, "csv")
    assert frame["amount"].tolist() == ["12 million", "$3M", "undisclosed", "2.5 million"]
    assert frame["valuation"].tolist()[:2] == ["300 million", None]
    # the currency column wins over the header's; a row without one is read as its own
    assert frame["currency"].tolist()[:2] == ["EUR", "USD"]
    # the evidence keeps the cell as written
    assert "Amount ($M)=12;" in frame["snippet"].iloc[0]


@pytest.mark.parametrize(
    ("header", "cell", "amount", "currency"),
    [
        ("Amount (USD M)", "50", "50 million", "USD"),
        ("Amount (in USD thousands)", "750", "750 thousand", "USD"),
        ("Amount (₹ Cr)", "45", "45 crore", "INR"),
        ("Funding [€m]", "8", "8 million", "EUR"),
        ("Amount (USD)", "5000000", "5000000", "USD"),
    ],
)
def test_a_header_unit_gives_bare_numbers_their_scale_and_currency(
    tmp_path: Path, header: str, cell: str, amount: str, currency: str
) -> None:
    path = tmp_path / "unit.csv"
    column = "amount" if header.startswith("Amount") else "funding"
    path.write_text(f"company,{header}\nOrrin,{cell}\n", encoding="utf-8")
    columns = {"amount": header} if column == "funding" else None
    frame = read_table_export(path, "csv", columns)
    assert (frame["amount"].iloc[0], frame["currency"].iloc[0]) == (amount, currency)


def test_a_header_note_that_is_no_unit_leaves_the_column_unread(tmp_path: Path) -> None:
    path = tmp_path / "noted.csv"
    path.write_text("company,Amount (approx.)\nOrrin,12\n", encoding="utf-8")
    assert read_table_export(path, "csv")["amount"].tolist() == [None]


def test_investor_objects_in_a_json_export_are_read_by_name_and_lead_mark(tmp_path: Path) -> None:
    """An export tool writes investors as objects: their names are read, and a lead mark makes a lead."""
    rows = [
        {"company": "Tern Labs", "lead_investors": [{"name": "Accel"}],
         "investors": [{"name": "Accel", "lead": True}, {"name": "Index Ventures", "lead": False}]},
        {"company": "Umbra", "lead_investors": "Greylock",
         "investors": [{"name": "Greylock"}, {"investor": "SV Angel"}]},
        {"company": "Vole", "investors": [{"name": "Khosla", "is_lead": True}, None, {"stake": 3}, "Neva"]},
    ]  # fmt: skip
    path = tmp_path / "nested.json"
    path.write_text(json.dumps(rows), encoding="utf-8")
    frame = read_table_export(path, "json")
    assert frame["lead_investors"].tolist() == [["Accel"], ["Greylock"], ["Khosla"]]
    assert frame["investors"].tolist() == [
        ["Accel", "Index Ventures"],
        ["Greylock", "SV Angel"],
        ["Khosla", "Neva"],
    ]


def test_an_export_in_other_names_is_told_what_to_map(tmp_path: Path) -> None:
    path = tmp_path / "airtable.csv"
    path.write_text(
        "Portfolio Company,Round Label,Amount In (USD),Date Of Close,Lead Firm\n"
        "Petrel Systems,Series A,18000000,2026-03-01,Accel\n",
        encoding="utf-8",
    )
    with pytest.raises(TableExportError) as raised:
        read_table_export(path, "csv")
    assert (
        'e.g. company = "Portfolio Company", round_type = "Round Label", amount = "Amount In (USD)", '
        'announced_date = "Date Of Close", lead_investors = "Lead Firm"'
    ) in str(raised.value)
    # mapped as told, it reads
    mapping = {"company": "Portfolio Company", "round_type": "Round Label", "amount": "Amount In (USD)",
               "announced_date": "Date Of Close", "lead_investors": "Lead Firm"}  # fmt: skip
    frame = read_table_export(path, "csv", mapping)
    assert (frame["company"].iloc[0], frame["amount"].iloc[0], frame["currency"].iloc[0]) == (
        "Petrel Systems",
        "18000000",
        "USD",
    )


def test_a_title_line_above_the_header_is_named(tmp_path: Path) -> None:
    path = tmp_path / "sheets.csv"
    path.write_text(
        "Deals tracker - exported 2026-04-30,,,\ncompany,round_type,amount,currency\n"
        "Orrin,Seed,5000000,USD\n",
        encoding="utf-8",
    )
    with pytest.raises(TableExportError, match="looks like a title above the header: remove it"):
        read_table_export(path, "csv")


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_a_summary_row_is_the_tables_sum_not_a_deal(tmp_path: Path, fmt: str) -> None:
    """'Total', 'Grand total:', 'SUM' with no round and no date: the export's sum, not a row of a company.
    A company that is called so and states its round stays a deal."""
    rows = [
        ("Quillon Grid", "Series A", "6000000", "2026-04-05"),
        ("Total", "", "6000000", ""),
        ("Grand total:", None, "6000000", None),
        ("SUM", "", "6000000", ""),
        ("Total", "Seed", "1000000", "2026-04-07"),
        ("Total Expert", "", "4000000", "2026-04-08"),  # a name that begins with 'Total', dated: a company
        ("TOTAL Q1 2026", "", "6000000", ""),
    ]
    path = tmp_path / f"tracker.{fmt}"
    if fmt == "csv":
        lines = ["company,round_type,amount,announced_date"]
        lines += [",".join(cell or "" for cell in row) for row in rows]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    else:
        keys = ("company", "round_type", "amount", "announced_date")
        path.write_text(json.dumps([dict(zip(keys, row, strict=True)) for row in rows]), encoding="utf-8")
    frame = read_table_export(path, fmt)
    rounds = [None if pd.isna(cell) or cell == "" else cell for cell in frame["round_text"].tolist()]
    assert list(zip(frame["company"], rounds, strict=True)) == [
        ("Quillon Grid", "Series A"),
        ("Total", "Seed"),
        ("Total Expert", None),
    ]


def test_a_page_tables_footer_total_is_no_deal() -> None:
    headers = ["Company", "Round", "Amount", "Date"]
    fields = {0: "company", 1: "round", 2: "amount", 3: "announced"}
    assert mention_from_row(fields, headers, ["Total", "", "$12M", ""], "tfoot") is None
    assert mention_from_row(fields, headers, ["Totals:", "—", "$12M", "—"], "tfoot") is None
    kept = mention_from_row(fields, headers, ["Total", "Seed", "$1M", "2026-03-01"], "r")
    assert kept is not None
    assert kept.company == "Total"


def test_the_names_exports_give_the_fields_are_read_as_them(tmp_path: Path) -> None:
    """'Stage', 'Raised (USD)', 'Date', 'Led by' are read as round, amount, date and leads when neither
    the source's columns nor dealmap's own names give those fields; a name that means something else in
    some exports ('Total raised', 'Firm', a 'Lead investor' column of Yes and No) is left for a mapping."""
    path = tmp_path / "tracker.csv"
    path.write_text(
        "Firm,Startup,Stage,Raised (USD),Total raised,Date,Led by,Lead investor,Sector\n"
        "Harbor Fund,Peregrine Fabric,Series A,12000000,40000000,2026-03-01,Coldharbour VC,Yes,AI chips\n",
        encoding="utf-8",
    )
    frame = read_table_export(path, "csv")
    row = frame.iloc[0]
    assert (row["company"], row["round_text"], row["amount"], row["currency"]) == (
        "Peregrine Fabric", "Series A", "12000000", "USD"
    )  # fmt: skip
    assert (row["announced"], list(row["lead_investors"]), row["segment"]) == (
        "2026-03-01", ["Coldharbour VC"], "AI chips"
    )  # fmt: skip
    assert not {"Total raised", "Firm", "Lead investor"} & {
        cell.split("=")[0] for cell in row["snippet"].split("; ")
    }
    # dealmap's own name wins over another name of the field, and a mapping over both
    path.write_text("company,amount,Raised\nQuarry,5000000,7000000\n", encoding="utf-8")
    assert read_table_export(path, "csv")["amount"].tolist() == ["5000000"]
    assert read_table_export(path, "csv", {"amount": "Raised"})["amount"].tolist() == ["7000000"]


def test_the_empty_rows_a_spreadsheet_leaves_are_no_rows(tmp_path: Path) -> None:
    """',,,,,,' below the rows (and the unnamed columns a spreadsheet adds on the right): nothing anywhere,
    no row. A row empty in every column dealmap reads but not in one it does not read is still a row
    (quarantined later for naming no company, never dropped unseen)."""
    path = tmp_path / "sheet.csv"
    path.write_text(
        "company,round_type,amount,announced_date,,,\n"
        "Marrowgate AI,Seed,2500000,2026-03-20,,,\n,,,,,,\n ,,,,,,\n,,,,,,\n",
        encoding="utf-8",
    )
    assert read_table_export(path, "csv")["company"].tolist() == ["Marrowgate AI"]
    path.write_text("company,amount,Notes\nMarrowgate AI,2500000,\n,,spun out of Quarry\n", encoding="utf-8")
    assert read_table_export(path, "csv")["company"].tolist() == ["Marrowgate AI", None]


def test_json_records_that_spell_a_key_in_another_case_are_one_column(tmp_path: Path) -> None:
    """Records merged from two tools: 'company'/'amount' in some, 'Company'/'Amount' in others. No record
    writes a key twice, so each is one column; a record that writes both is refused, naming the key."""
    path = tmp_path / "merged.json"
    records = [
        {"company": "Saltmarsh Tensor", "amount": "$15M"},
        {"Company": "Thistlebank AI", "Amount": "$1.2M"},
        {"company": "Umberline Cooling", "amount": "$5M"},
    ]
    path.write_text(json.dumps(records), encoding="utf-8")
    frame = read_table_export(path, "json")
    assert list(zip(frame["company"], frame["amount"], strict=True)) == [
        ("Saltmarsh Tensor", "$15M"), ("Thistlebank AI", "$1.2M"), ("Umberline Cooling", "$5M")
    ]  # fmt: skip
    path.write_text(json.dumps([{"company": "Vale", "amount": "$1M", "Amount": "$9M"}]), encoding="utf-8")
    with pytest.raises(TableExportError, match="more than one column named 'amount'"):
        read_table_export(path, "json")
