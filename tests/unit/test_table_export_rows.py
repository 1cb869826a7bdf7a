"""Table exports read by DuckDB and written straight to Parquet: the extracted_mentions rows, columns and
types the frame-by-frame reader wrote (awkward cells, mappings, JSON, encodings, wide files), in the file's
order."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from assets.extracted import extract_source
from assets.fetching.raw_store import RawStore
from assets.parsing import dispatch
from assets.parsing.dispatch import extract_document
from assets.parsing.fingerprint import source_fingerprint
from assets.parsing.mentions import record_id
from assets.source_outputs import SourceOutputs
from assets.sources import Source, SourceKind
from schemas.tables import EXTRACTED_MENTIONS
from warehouse.arrow_frames import arrow_schema


@dataclass(frozen=True)
class Export:
    body: bytes
    columns: dict[str, str] = field(default_factory=dict)
    options: dict[str, str] = field(default_factory=dict)


def _wide_csv() -> bytes:
    """1,200 columns (read through the narrowed copy), the mapped ones far apart."""
    names = [f"extra_{i}" for i in range(1_200)]
    names[3], names[700], names[1_150] = "Startup", "investors", "amount"
    rows = [",".join(names)]
    for number, (company, investors) in enumerate([("Orrin", "Accel; Index"), ("Vexa", "")]):
        cells = [str(number)] * len(names)
        cells[3], cells[700], cells[1_150] = company, investors, "$5M"
        rows.append(",".join(cells))
    return ("\n".join(rows) + "\n").encode()


EXPORTS = {
    # dealmap's own column names; quotes, separators in cells, a JSON array in a CSV cell, non-ASCII names,
    # empty cells, a cell over two lines
    "awkward.csv": Export(
        "\n".join(
            [
                "company,round_type,amount,currency,valuation,segment,announced_date,lead_investors,investors,"
                "description",
                '"Acme ""Labs"", Inc.",Seed,"5,000,000",USD,,AI inference,2026-01-28,Accel,'
                '"Index Ventures; Accel and Sequoia",""',
                "Zürich Robotik AG,Series A,12000000,CHF,80000000,Robotics,2026-02-01,,"
                '"[""Balderton"", ""Point Nine"", null]",Fabriken für Roboter',
                "株式会社テスト,,,,,,,Sakura Capital and Fuji Ventures,Sakura Capital,",
                ',Series B,,,,,,Accel,Accel,"multi\nline note"',
                'Orrin,Seed,3000000,USD,,Dev tools,2026-03-01,"[""Accel""]","Index; ;  and Accel",'
                "note with ; semicolons",
                "",
            ]
        ).encode(),
        options={"currency": "USD", "date_format": "%Y-%m-%d"},
    ),
    # the export's own names mapped (one ignoring case), a column the mapping leaves out
    "mapped.csv": Export(
        """Startup,Raised (USD),Round,Leads,Backers,Notes,Unused
Orrin,005000000,Seed,Accel,"Index, Accel",serves models,x
Vexa,,Series A,,,,
Ünïcode Co,7,Seed,"[""A16Z"", ""Accel""]",Accel and Index,,y
""".encode(),
        columns={
            "company": "Startup",
            "amount": "Raised (USD)",
            "round_type": "round",
            "lead_investors": "Leads",
            "investors": "Backers",
            "description": "Notes",
        },
    ),
    "one-row.csv": Export(b'company,investors\nSolo,"A; B and C"\n'),
    "no-investor-columns.csv": Export(b"company,amount,currency\nAlpha,1,USD\nBeta,2,\n"),
    "every-optional-empty.csv": Export(
        b"company,round_type,amount,currency,valuation,segment,announced_date,lead_investors,investors,description\n"
        b"Alpha,,,,,,,,,\nBeta,,,,,,,,,\n"
    ),
    "deals.json": Export(
        json.dumps(
            [
                {
                    "company": "Orrin",
                    "amount": 5000000,
                    "round_type": "Seed",
                    "lead_investors": ["Accel", None],
                    "investors": [None, {"x": 1}, True, "Index", 42],
                },
                {
                    "company": "Vexa",
                    "amount": None,
                    "investors": "Accel; Index and Sequoia",
                    "description": 'a "quote"',
                },
                {"company": "Zoë", "extra": "ignored"},
            ],
            ensure_ascii=False,
        ).encode(),
        options={"format": "json"},
    ),
    "deals.jsonl": Export(
        b'{"company": "Orrin", "lead_investors": "Accel", "investors": "Index"}\n'
        b'{"company": "Vexa", "amount": "$2M", "announced_date": "January 5, 2026"}\n',
        options={"format": "jsonl"},
    ),
    # a Windows-1252 byte in a UTF-8 file, and a file in Mac Roman throughout
    "legacy-bytes.csv": Export(
        b"company,amount,investors\nCaf\xe9 Labs,1,Andr\xe9 Ventures\nPlain,2,Accel\n"
    ),
    "mac-roman.csv": Export(
        "company,investors\nZoë Labs,Crème Capital\n".encode("mac_roman"), options={"encoding": "mac_roman"}
    ),
    "wide.csv": Export(_wide_csv(), columns={"company": "Startup"}),
}

SHA256 = "1" * 64
# The columns that differ from row to row; the rest are the same on every row of an export.
ROW_COLUMNS = ["locator", "snippet", "company_text", "round_text", "amount_text", "currency_text",
               "valuation_text", "segment_text", "announced_text", "lead_investors_text", "investors_text",
               "context"]  # fmt: skip


def _source(name: str) -> Source:
    export = EXPORTS[name]
    return Source(id="exports", kind=SourceKind.TABLE, url=f"file:///exports/{name}",
                  columns=dict(export.columns), options=dict(export.options))  # fmt: skip


def _written(tmp_path: Path, name: str) -> Path:
    """The mentions file the refresh writes for the export (`extract_source`, as `extracted_mentions` runs
    it)."""
    source, store = _source(name), RawStore(tmp_path / "raw")
    sha256 = store.put(EXPORTS[name].body)
    folder = tmp_path / "sources" / source.id
    folder.mkdir(parents=True)
    version = {"sha256": sha256, "content_type": None, "published_hint": None}
    state = {"versions": {source.url: version}, "validators": {}, "listing": None}
    (folder / "fetch_state.json").write_text(json.dumps(state), encoding="utf-8")
    outputs = SourceOutputs(tmp_path / "sources")
    _, errors = extract_source(source, outputs, store, "run-1")
    assert errors.empty, errors.to_dict("records")
    extraction = outputs.current_extraction(source.id)
    assert extraction is not None
    return extraction.mentions_path


def _frame_rows(tmp_path: Path, name: str) -> list[dict[str, object]]:
    """The rows `extract_document` gives as a frame, as plain Python values (missing: None)."""
    path = tmp_path / name
    path.write_bytes(EXPORTS[name].body)
    source = _source(name)
    frame = extract_document(source, source.url, SHA256, None, path)
    return frame.astype(object).where(frame.notna(), None).to_dict("records")


def _present(row: dict[str, object]) -> dict[str, object]:
    return {column: row[column] for column in ROW_COLUMNS if row[column] is not None}


# Each export's rows in ROW_COLUMNS, missing values left out, as the frame-by-frame reader of the release
# before wrote them (its `mentions.parquet`, read back with pyarrow).
EXPECTED = {
    "awkward.csv": [
        {
            "locator": "row[1]",
            "snippet": 'company=Acme "Labs", Inc.; round_type=Seed; amount=5,000,000; currency=USD; '
            "valuation=; segment=AI inference; announced_date=2026-01-28; "
            "lead_investors=Accel; investors=Index Ventures; Accel and Sequoia; "
            "description=",
            "company_text": 'Acme "Labs", Inc.',
            "round_text": "Seed",
            "amount_text": "5,000,000",
            "currency_text": "USD",
            "segment_text": "AI inference",
            "announced_text": "2026-01-28",
            "lead_investors_text": ["Accel"],
            "investors_text": ["Accel", "Index Ventures", "Sequoia"],
        },
        {
            "locator": "row[2]",
            "snippet": "company=Zürich Robotik AG; round_type=Series A; amount=12000000; currency=CHF; "
            "valuation=80000000; segment=Robotics; announced_date=2026-02-01; "
            'lead_investors=; investors=["Balderton", "Point Nine", null]; '
            "description=Fabriken für Roboter",
            "company_text": "Zürich Robotik AG",
            "round_text": "Series A",
            "amount_text": "12000000",
            "currency_text": "CHF",
            "valuation_text": "80000000",
            "segment_text": "Robotics",
            "announced_text": "2026-02-01",
            "lead_investors_text": [],
            "investors_text": ["Balderton", "Point Nine"],
            "context": "Fabriken für Roboter",
        },
        {
            "locator": "row[3]",
            "snippet": "company=株式会社テスト; round_type=; amount=; currency=; valuation=; segment=; "
            "announced_date=; lead_investors=Sakura Capital and Fuji Ventures; "
            "investors=Sakura Capital; description=",
            "company_text": "株式会社テスト",
            "lead_investors_text": ["Sakura Capital", "Fuji Ventures"],
            "investors_text": ["Sakura Capital", "Fuji Ventures"],
        },
        {
            "locator": "row[4]",
            "snippet": "company=; round_type=Series B; amount=; currency=; valuation=; segment=; "
            "announced_date=; lead_investors=Accel; investors=Accel; description=multi\n"
            "line note",
            "round_text": "Series B",
            "lead_investors_text": ["Accel"],
            "investors_text": ["Accel"],
            "context": "multi\nline note",
        },
        {
            "locator": "row[5]",
            "snippet": "company=Orrin; round_type=Seed; amount=3000000; currency=USD; valuation=; "
            'segment=Dev tools; announced_date=2026-03-01; lead_investors=["Accel"]; '
            "investors=Index; ;  and Accel; description=note with ; semicolons",
            "company_text": "Orrin",
            "round_text": "Seed",
            "amount_text": "3000000",
            "currency_text": "USD",
            "segment_text": "Dev tools",
            "announced_text": "2026-03-01",
            "lead_investors_text": ["Accel"],
            "investors_text": ["Accel", "Index"],
            "context": "note with ; semicolons",
        },
    ],
    "mapped.csv": [
        {
            "locator": "row[1]",
            "snippet": "Startup=Orrin; Raised (USD)=005000000; Round=Seed; Leads=Accel; Backers=Index, "
            "Accel; Notes=serves models",
            "company_text": "Orrin",
            "round_text": "Seed",
            "amount_text": "005000000",
            "currency_text": "USD",  # the header's unit: 'Raised (USD)'
            "lead_investors_text": ["Accel"],
            "investors_text": ["Accel", "Index"],
            "context": "serves models",
        },
        {
            "locator": "row[2]",
            "snippet": "Startup=Vexa; Raised (USD)=; Round=Series A; Leads=; Backers=; Notes=",
            "company_text": "Vexa",
            "round_text": "Series A",
            "lead_investors_text": [],
            "investors_text": [],
        },
        {
            "locator": "row[3]",
            "snippet": 'Startup=Ünïcode Co; Raised (USD)=7; Round=Seed; Leads=["A16Z", "Accel"]; '
            "Backers=Accel and Index; Notes=",
            "company_text": "Ünïcode Co",
            "round_text": "Seed",
            "amount_text": "7",
            "currency_text": "USD",
            "lead_investors_text": ["A16Z", "Accel"],
            "investors_text": ["A16Z", "Accel", "Index"],
        },
    ],
    "one-row.csv": [
        {
            "locator": "row[1]",
            "snippet": "company=Solo; investors=A; B and C",
            "company_text": "Solo",
            "lead_investors_text": [],
            "investors_text": ["A", "B", "C"],
        }
    ],
    "no-investor-columns.csv": [
        {
            "locator": "row[1]",
            "snippet": "company=Alpha; amount=1; currency=USD",
            "company_text": "Alpha",
            "amount_text": "1",
            "currency_text": "USD",
            "lead_investors_text": [],
            "investors_text": [],
        },
        {
            "locator": "row[2]",
            "snippet": "company=Beta; amount=2; currency=",
            "company_text": "Beta",
            "amount_text": "2",
            "lead_investors_text": [],
            "investors_text": [],
        },
    ],
    "every-optional-empty.csv": [
        {
            "locator": "row[1]",
            "snippet": "company=Alpha; round_type=; amount=; currency=; valuation=; "
            "segment=; announced_date=; lead_investors=; investors=; "
            "description=",
            "company_text": "Alpha",
            "lead_investors_text": [],
            "investors_text": [],
        },
        {
            "locator": "row[2]",
            "snippet": "company=Beta; round_type=; amount=; currency=; valuation=; "
            "segment=; announced_date=; lead_investors=; investors=; "
            "description=",
            "company_text": "Beta",
            "lead_investors_text": [],
            "investors_text": [],
        },
    ],
    "deals.json": [
        {
            "locator": "row[1]",
            "snippet": 'company=Orrin; round_type=Seed; amount=5000000; lead_investors=["Accel",null]; '
            'investors=[null,{"x":1},true,"Index",42]; description=',
            "company_text": "Orrin",
            "round_text": "Seed",
            "amount_text": "5000000",
            "lead_investors_text": ["Accel"],
            "investors_text": ["Accel", "Index"],  # a bare number names no investor
        },
        {
            "locator": "row[2]",
            "snippet": "company=Vexa; round_type=; amount=; lead_investors=; investors=Accel; Index and "
            'Sequoia; description=a "quote"',
            "company_text": "Vexa",
            "lead_investors_text": [],
            "investors_text": ["Accel", "Index", "Sequoia"],
            "context": 'a "quote"',
        },
        {
            "locator": "row[3]",
            "snippet": "company=Zoë; round_type=; amount=; lead_investors=; investors=; description=",
            "company_text": "Zoë",
            "lead_investors_text": [],
            "investors_text": [],
        },
    ],
    "deals.jsonl": [
        {
            "locator": "row[1]",
            "snippet": "company=Orrin; amount=; announced_date=; lead_investors=Accel; investors=Index",
            "company_text": "Orrin",
            "lead_investors_text": ["Accel"],
            "investors_text": ["Accel", "Index"],
        },
        {
            "locator": "row[2]",
            "snippet": "company=Vexa; amount=$2M; announced_date=January 5, 2026; lead_investors=; "
            "investors=",
            "company_text": "Vexa",
            "amount_text": "$2M",
            "announced_text": "January 5, 2026",
            "lead_investors_text": [],
            "investors_text": [],
        },
    ],
    "legacy-bytes.csv": [
        {
            "locator": "row[1]",
            "snippet": "company=Café Labs; amount=1; investors=André Ventures",
            "company_text": "Café Labs",
            "amount_text": "1",
            "lead_investors_text": [],
            "investors_text": ["André Ventures"],
        },
        {
            "locator": "row[2]",
            "snippet": "company=Plain; amount=2; investors=Accel",
            "company_text": "Plain",
            "amount_text": "2",
            "lead_investors_text": [],
            "investors_text": ["Accel"],
        },
    ],
    "mac-roman.csv": [
        {
            "locator": "row[1]",
            "snippet": "company=Zoë Labs; investors=Crème Capital",
            "company_text": "Zoë Labs",
            "lead_investors_text": [],
            "investors_text": ["Crème Capital"],
        }
    ],
    "wide.csv": [
        {
            "locator": "row[1]",
            "snippet": "Startup=Orrin; amount=$5M; investors=Accel; Index",
            "company_text": "Orrin",
            "amount_text": "$5M",
            "lead_investors_text": [],
            "investors_text": ["Accel", "Index"],
        },
        {
            "locator": "row[2]",
            "snippet": "Startup=Vexa; amount=$5M; investors=",
            "company_text": "Vexa",
            "amount_text": "$5M",
            "lead_investors_text": [],
            "investors_text": [],
        },
    ],
}


@pytest.mark.parametrize("name", EXPORTS)
def test_the_written_rows_are_those_the_frame_reader_wrote(tmp_path: Path, name: str) -> None:
    path = _written(tmp_path, name)
    rows = pq.read_table(path).to_pylist()

    assert [_present(row) for row in rows] == EXPECTED[name]
    source, sha256 = _source(name), rows[0]["document_sha256"]
    constants = {
        "source_id": "exports",
        "source_kind": "table",
        "document_sha256": sha256,
        "url": source.url,
        "published_date": None,
        "published_precision": None,
        "method": "table_row",
        "status": None,
        "date_format": source.options.get("date_format"),
        "default_currency": source.options.get("currency"),
        "fingerprint": source_fingerprint(source),
    }
    for row in rows:
        assert {column: row[column] for column in constants} == constants
        assert row["record_id"] == record_id("exports", source.url, sha256, "table_row", row["locator"])


@pytest.mark.parametrize("name", EXPORTS)
def test_the_written_file_has_the_declared_columns_and_types_every_one_optional(
    tmp_path: Path, name: str
) -> None:
    assert pq.read_schema(_written(tmp_path, name)).remove_metadata() == arrow_schema(EXTRACTED_MENTIONS)


@pytest.mark.parametrize("name", EXPORTS)
def test_rows_read_in_batches_are_the_same_rows_in_the_same_order(
    tmp_path: Path, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rows cross from DuckDB to the file batch by batch (`_BATCH_ROWS`, one row group each): in
    batches of two rows, the file holds the same rows in the same order, the shared columns on each."""
    whole = pq.read_table(_written(tmp_path / "whole", name)).to_pylist()
    monkeypatch.setattr(dispatch, "_BATCH_ROWS", 2)
    batched = _written(tmp_path / "batched", name)

    assert pq.read_table(batched).to_pylist() == whole
    assert pq.ParquetFile(batched).metadata.num_row_groups == math.ceil(len(whole) / 2)


@pytest.mark.parametrize("name", EXPORTS)
def test_the_frame_holds_the_same_rows(tmp_path: Path, name: str) -> None:
    rows = _frame_rows(tmp_path, name)

    assert list(rows[0]) == EXTRACTED_MENTIONS.names
    assert [_present(row) for row in rows] == EXPECTED[name]
    assert {row["record_id"] for row in rows} == {
        record_id("exports", f"file:///exports/{name}", SHA256, "table_row", row["locator"]) for row in rows
    }
