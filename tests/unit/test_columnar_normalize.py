"""The set-based normaliser (DuckDB joins over distinct values) equals the per-mention one, row for row."""

from __future__ import annotations

import tempfile
from decimal import ROUND_HALF_EVEN, Decimal
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from assets.extracted_files import keep_files, point_view
from assets.normalize.columnar import (
    _MACROS,
    create_normalized_mentions,
    integer_and_exponent,
    normalize_table,
)
from assets.normalize.mentions import References, normalize_mentions
from assets.parsing.dispatch import EXTRACTED_COLUMNS, extract_document
from assets.sources import Source, SourceKind, load_registry
from bench.export_scale import write_export
from tests.normalized_rows import land_normalized
from warehouse.database import create_table

REPO = Path(__file__).resolve().parents[2]


def _mention(number: int, **cells: object) -> dict[str, object]:
    row: dict[str, object] = dict.fromkeys(EXTRACTED_COLUMNS)
    row.update(
        record_id=f"r{number:04d}", source_id="handmade", source_kind="table", document_sha256="0" * 64,
        url="file:///handmade.csv", method="table_row", locator=f"row[{number}]", fingerprint="f",
        lead_investors_text=[], investors_text=[], snippet=f"row {number}",
    )  # fmt: skip
    row.update(cells)
    return row


# Each row exercises one branch of normalisation; written for this test, not copied from any source.
HANDMADE = pd.DataFrame(
    [
        _mention(1, company_text="Quillfeather AI", round_text="Series B", amount_text="€40 million",
                 currency_text=None, announced_text="May 4, 2026", segment_text="AI chips"),
        _mention(2, company_text="Quillfeather AI (QF)", amount_text="12,345.5", default_currency="EUR",
                 announced_text="2024-02-30"),
        _mention(3, company_text="Lanternfish", amount_text="0.5", currency_text="GBP",
                 announced_text="2023-03-01", valuation_text="2.5"),
        _mention(4, company_text="Oxbow Robotics", amount_text="-5000000", default_currency="USD",
                 announced_text="2022-07-15"),
        _mention(5, company_text="Oxbow Robotics", amount_text="99999999999999999999999",
                 default_currency="USD", valuation_text="$15B+", announced_text="2021-01-01"),
        _mention(6, company_text="Tern Labs", amount_text="5000000", currency_text="Zorkmids",
                 announced_text="2020-10-10", segment_text="Quantum sensing"),
        _mention(7, company_text="n/a", amount_text="undisclosed", round_text="Series Z",
                 segment_text="Online grocery platform"),
        _mention(8, company_text=None, amount_text="a lot", published_date=pd.Timestamp("2025-06-01").date(),
                 published_precision="month", status="reported",
                 lead_investors_text=["Northwind Ventures"],
                 investors_text=["Harbor Capital", "Northwind Ventures"]),
        _mention(9, company_text="Gullwing", amount_text="9,223,372,036,854,775,807",
                 currency_text="EUR", announced_text="March 2025",
                 context="an inference platform for voice agents"),
        _mention(10, company_text="Gullwing", amount_text="₹1,200 crore", announced_text="Q3 2024",
                 segment_text="", context=None, snippet="a chip start-up raised money"),
        _mention(11, company_text="Petrel", amount_text="$1.25M", valuation_text="1e9",
                 default_currency="USD",
                 announced_text="yesterday", published_date=pd.Timestamp("2026-02-03").date()),
        _mention(12, company_text="Kestrel", amount_text="$5M", currency_text="EUR", valuation_text="€20M",
                 announced_text="2025-04-01"),
        # statuses as a status column writes them: rumoured, announced, called off, of no known meaning
        _mention(13, company_text="Wren", amount_text="$5M", announced_text="2025-04-01", status="Rumored"),
        _mention(14, company_text="Wren", amount_text="$6M", announced_text="2025-04-02", status=" Closed "),
        _mention(15, company_text="Wren", amount_text="$7M", announced_text="2025-04-03", status="Cancelled"),
        _mention(16, company_text="Wren", amount_text="$8M", announced_text="2025-04-04", status="Green"),
        # a range in a cell: its low end, as a floor, in the end's currency and scale that writes them
        _mention(17, company_text="Plover", amount_text="€10-20M", valuation_text="$300-350 million",
                 announced_text="2025-05-01"),
    ]
    # Names on both sides of the plain-name shortcut: placeholders, suffixes, aliases, odd spacing, accents.
    + [
        _mention(20 + i, company_text=name, amount_text="$5M", announced_text="2024-05-05")
        for i, name in enumerate(["None", "N/A", "Acme Inc", "Acme Labs Ltd", "Company", "Inc",
                                  "Cerebras", "a16z", "Acme  Labs", " Acme", "Zeta-9", "Ünicorn AI",
                                  "Brown & Co", "https://www.example.org/", "Acme Labs", "ACME LABS", "42",
                                  "true", "Undefined", "=1+1", "#N/A", "Nul\x00Corp", "True Ventures",
                                  "[x+1]"])
    ],
    columns=EXTRACTED_COLUMNS,
)  # fmt: skip


def _sample_mentions() -> pd.DataFrame:
    """Every mention the bundled sample sources yield: prose, tables in pages, newsletters, exports."""
    frames = []
    for source in load_registry(REPO / "sources.toml"):
        path = Path(source.url.removeprefix("file://"))
        paths = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for number, document in enumerate(paths):
            frames.append(extract_document(source, document.as_uri(), f"{number:064d}", None, document))
    return pd.concat([f for f in frames if len(f)], ignore_index=True)


def _through_duckdb(extracted: pd.DataFrame, refs: References) -> pd.DataFrame:
    connection = duckdb.connect()
    try:
        with tempfile.TemporaryDirectory() as work:
            create_table(connection, "normalized_values")
            # as the combining stage leaves the mentions: a view over their Parquet file
            point_view(connection, keep_files(Path(work) / "work.duckdb", "0" * 64, [], extracted))
            written = normalize_table(connection, refs)
            create_normalized_mentions(connection)
            frame = connection.execute("select * from normalized_mentions order by record_id").df()
    finally:
        connection.close()
    assert written == len(extracted)
    return frame


def _through_python(extracted: pd.DataFrame, refs: References) -> pd.DataFrame:
    """The per-mention path, landed and read back the same way so both sides have DuckDB's types."""
    normalized = normalize_mentions(extracted, refs)
    connection = duckdb.connect()
    try:
        with tempfile.TemporaryDirectory() as files:
            land_normalized(connection, normalized, Path(files))
            return connection.execute("select * from normalized_mentions order by record_id").df()
    finally:
        connection.close()


def _comparable(frame: pd.DataFrame) -> list[dict[str, object]]:
    return [
        {k: (list(v) if hasattr(v, "tolist") and not isinstance(v, str) else v) for k, v in row.items()}
        for row in frame.astype(object).where(frame.notna(), None).to_dict("records")
    ]


@pytest.fixture(scope="module")
def refs() -> References:
    return References.of()


def _synthetic_export(tmp_path: Path) -> pd.DataFrame:
    """Rows of the benchmark's synthetic export: USD, EUR and GBP, valuations, 1% bad rows."""
    export = tmp_path / "export.csv"
    write_export(export, 3_000)
    source = Source(id="synthetic", kind=SourceKind.TABLE, url=export.as_uri(),
                    options={"currency": "USD", "date_format": "%Y-%m-%d"})  # fmt: skip
    return extract_document(source, export.as_uri(), "1" * 64, None, export)


@pytest.mark.parametrize("rows", ["handmade", "samples", "synthetic export"])
def test_both_paths_give_the_same_rows(rows: str, refs: References, tmp_path: Path) -> None:
    extracted = {"handmade": lambda: HANDMADE, "samples": _sample_mentions,
                 "synthetic export": lambda: _synthetic_export(tmp_path)}[rows]()  # fmt: skip
    columnar, per_mention = _through_duckdb(extracted, refs), _through_python(extracted, refs)
    assert list(columnar.columns) == list(per_mention.columns)
    for left, right in zip(_comparable(columnar), _comparable(per_mention), strict=True):
        assert left == right


def test_handmade_rows_cover_the_branches(refs: References) -> None:
    """The handmade rows reach the cases the comparison must see (else an equal but empty test)."""
    frame = _through_duckdb(HANDMADE, refs).set_index("locator")
    assert frame.loc["row[1]", "currency"] == "EUR"
    assert frame.loc["row[1]", "fx_rate_month"] is not None
    assert frame.loc["row[3]", "amount_usd"] == int(
        (Decimal("0.5") * refs.fx.rate("GBP", pd.Timestamp("2023-03-01").date())[0]).to_integral_value()
    )
    assert frame.loc["row[4]", "amount_usd"] == -5_000_000
    assert frame.loc["row[5]", "amount_status"] == "out_of_range"
    assert frame.loc["row[5]", "valuation_is_floor"]
    assert frame.loc["row[6]", "currency"] == "Zorkmids"
    assert pd.isna(frame.loc["row[6]", "amount_usd"])
    assert frame.loc["row[7]", "amount_status"] == "undisclosed"
    assert frame.loc["row[8]", "status"] == "reported"
    assert list(frame.loc["row[8]", "investors"]) == ["Harbor Capital", "Northwind Ventures"]
    assert frame.loc["row[9]", "amount_status"] == "out_of_range"  # EUR: beyond 2^63 once converted
    assert frame.loc["row[10]", "segment_basis"] == "inferred"
    assert frame.loc["row[12]", "amount_status"] == "currency_conflict"
    assert frame.loc["row[12]", "valuation_status"] == "parsed"
    assert frame.loc["row[17]", "currency"] == "EUR"
    assert (frame.loc["row[17]", "amount_is_floor"], frame.loc["row[17]", "valuation_is_floor"]) == (
        True,
        True,
    )
    assert frame.loc["row[17]", "amount_usd"] == int(
        (10_000_000 * refs.fx.rate("EUR", pd.Timestamp("2025-05-01").date())[0]).to_integral_value()
    )
    assert [frame.loc[f"row[{n}]", "status"] for n in (13, 14, 15, 16)] == [
        "reported", "announced", "cancelled", "green"
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("value", "expected"),
    [("1.5E+9", (1_500_000_000, 0)), ("1.0823", (10_823, -4)), ("-2.50", (-250, -2)), ("7", (7, 0))],
)
def test_integer_and_exponent_is_exact(value: str, expected: tuple[int, int]) -> None:
    units, exponent = integer_and_exponent(Decimal(value))
    assert (int(units), exponent) == expected
    assert units.scaleb(exponent) == Decimal(value)


def test_half_even_rounding_matches_python(refs: References) -> None:
    """0.5 and 1.5 units at a rate of exactly 1 round to the even neighbour, as Decimal does."""
    rows = pd.DataFrame(
        [_mention(i, company_text=f"Half {i}", amount_text=text, default_currency="USD",
                  announced_text="2024-01-01")
         for i, text in enumerate(["0.5", "1.5", "2.5", "-0.5", "-1.5"], start=1)],
        columns=EXTRACTED_COLUMNS,
    )  # fmt: skip
    assert _through_duckdb(rows, refs)["amount_usd"].tolist() == [0, 2, 2, 0, -2]


def test_whole_product_paths_round_alike() -> None:
    """The BIGINT path (amounts and rates under 2^31) and the HUGEINT path round every product as Python's
    Decimal does, half to even: halves, negatives, the bounds of the BIGINT path and past them."""
    cases = [
        (units, exp, rate_units, rate_exp)
        for units in (0, 1, 5, 15, 25, -25, 12_345, 95_000_000, 2**31 - 1, -(2**31 - 1), 2**31, 10**20)
        for exp in (0, -1, -2)
        for rate_units, rate_exp in ((1, 0), (5, -1), (15, -1), (10_823, -4), (12_524_075, -7),
                                     (2**31 - 1, -9), (2**31, -3), (7, -18), (3, -19))
    ]  # fmt: skip
    connection = duckdb.connect()
    try:
        connection.execute(_MACROS)
        # From a table's columns, as normalisation reads them (constants would be folded when bound).
        connection.execute(
            "create table products (n int, units hugeint, exp int, rate_units hugeint, rate_exp int)"
        )
        connection.executemany(
            "insert into products values (?, ?::hugeint, ?, ?::hugeint, ?)",
            [(n, str(u), e, str(r), re) for n, (u, e, r, re) in enumerate(cases)],
        )
        got = [
            value
            for (value,) in connection.execute(
                "select whole_product(units, exp, rate_units, rate_exp) from products order by n"
            ).fetchall()
        ]
    finally:
        connection.close()
    expected = [
        int((Decimal(u).scaleb(e) * Decimal(r).scaleb(re)).quantize(Decimal(1), rounding=ROUND_HALF_EVEN))
        for u, e, r, re in cases
    ]
    assert got == expected
