"""Currency conversion to whole US dollars: month lookup, table edges, USD identity and rounding."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from assets.normalize.fx import FxTable, default_fx_table

JAN, FEB, MAR = date(2026, 1, 1), date(2026, 2, 1), date(2026, 3, 1)


@pytest.fixture
def table() -> FxTable:
    # Rows deliberately out of order: the table sorts them by month.
    return FxTable(
        {
            "EUR": [(FEB, Decimal("1.10")), (JAN, Decimal("1.05")), (MAR, Decimal("1.20"))],
            "GBP": [(FEB, Decimal("1.25"))],
        }
    )


@pytest.mark.parametrize(
    ("on", "rate", "month"),
    [
        (date(2026, 1, 1), "1.05", JAN),
        (date(2026, 1, 31), "1.05", JAN),
        (date(2026, 2, 15), "1.10", FEB),
        (date(2026, 3, 31), "1.20", MAR),
        # Before the table starts: its first month.
        (date(2025, 12, 31), "1.05", JAN),
        (date(2010, 6, 1), "1.05", JAN),
        # After it ends: its last month, as for an unknown date.
        (date(2026, 4, 1), "1.20", MAR),
        (date(2030, 1, 1), "1.20", MAR),
        (None, "1.20", MAR),
    ],
)
def test_rate_uses_the_month_of_the_date(table: FxTable, on: date | None, rate: str, month: date) -> None:
    assert table.rate("EUR", on) == (Decimal(rate), month)


def test_rate_uses_latest_earlier_month_when_a_month_is_missing() -> None:
    gappy = FxTable({"EUR": [(JAN, Decimal("1.05")), (MAR, Decimal("1.20"))]})

    assert gappy.rate("EUR", date(2026, 2, 20)) == (Decimal("1.05"), JAN)


def test_to_usd_converts_at_the_announcement_month(table: FxTable) -> None:
    conversion = table.to_usd(Decimal(40_000_000), "EUR", date(2026, 2, 20))

    assert conversion is not None
    assert conversion.amount_usd == 44_000_000
    assert conversion.usd_per_unit == Decimal("1.10")
    assert conversion.rate_month == FEB


@pytest.mark.parametrize("on", [date(2026, 2, 20), None, date(1999, 1, 1)])
def test_usd_is_identity_with_no_rate_month(table: FxTable, on: date | None) -> None:
    conversion = table.to_usd(Decimal(3_500_000_000), "USD", on)

    assert conversion is not None
    assert conversion.amount_usd == 3_500_000_000
    assert conversion.usd_per_unit == Decimal(1)
    assert conversion.rate_month is None


@pytest.mark.parametrize("currency", ["JPY", "XYZ", ""])
def test_unknown_currency_has_no_rate(table: FxTable, currency: str) -> None:
    assert table.rate(currency, date(2026, 2, 1)) is None
    assert table.to_usd(Decimal(100), currency, date(2026, 2, 1)) is None


@pytest.mark.parametrize(
    ("value", "currency", "expected"),
    [
        ("2.5", "USD", 2),
        ("3.5", "USD", 4),
        ("-2.5", "USD", -2),
        ("1000000.49", "USD", 1_000_000),
        ("1000000.51", "USD", 1_000_001),
        # 5 units at 0.5 = 2.5 -> 2; 7 at 0.5 = 3.5 -> 4 (half to even after conversion).
        ("5", "HALF", 2),
        ("7", "HALF", 4),
    ],
)
def test_to_usd_rounds_half_even_to_whole_dollars(value: str, currency: str, expected: int) -> None:
    table = FxTable({"HALF": [(JAN, Decimal("0.5"))]})

    conversion = table.to_usd(Decimal(value), currency, JAN)

    assert conversion is not None
    assert conversion.amount_usd == expected
    assert isinstance(conversion.amount_usd, int)


def test_currencies_include_usd(table: FxTable) -> None:
    assert table.currencies == frozenset({"EUR", "GBP", "USD"})


def test_load_reads_a_csv_table(tmp_path: Path) -> None:
    path = tmp_path / "fx.csv"
    path.write_text(
        "month,currency,usd_per_unit\n2026-02-01,EUR,1.10\n2026-01-01,EUR,1.05\n2026-01-01,INR,0.011\n",
        encoding="utf-8",
    )

    loaded = FxTable.load(path)

    assert loaded.currencies == frozenset({"EUR", "INR", "USD"})
    assert loaded.rate("EUR", date(2026, 2, 9)) == (Decimal("1.10"), FEB)
    assert loaded.to_usd(Decimal(5_000_000_000), "INR", date(2026, 1, 5)).amount_usd == 55_000_000


def test_shipped_table_converts_euros_in_may_2026() -> None:
    conversion = default_fx_table().to_usd(Decimal(40_000_000), "EUR", date(2026, 5, 4))

    assert conversion is not None
    assert conversion.rate_month == date(2026, 5, 1)
    assert conversion.amount_usd == int((Decimal(40_000_000) * conversion.usd_per_unit).to_integral_value())
    assert Decimal("0.8") < conversion.usd_per_unit < Decimal("1.6")


def test_a_table_with_only_its_header_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "fx_usd_monthly.csv"
    path.write_text("month,currency,usd_per_unit\n", encoding="utf-8")
    with pytest.raises(ValueError, match="no rate at all"):
        FxTable.load(path)


@pytest.mark.parametrize(
    ("on", "precision", "rate", "month"),
    [
        # a year: the mean of the months the table has of it (1.05, 1.10, 1.20), to 12 places
        (JAN, "year", "1.116666666667", JAN),
        (JAN, "quarter", "1.116666666667", JAN),
        # a month, or a day: that month's rate, as before
        (FEB, "month", "1.10", FEB),
        (FEB, None, "1.10", FEB),
        # a year the table does not have: the nearest month, as for a day
        (date(2027, 1, 1), "year", "1.20", MAR),
        (date(2024, 1, 1), "year", "1.05", JAN),
    ],
)
def test_a_date_known_to_its_quarter_or_year_takes_the_periods_mean_rate(
    table: FxTable, on: date, precision: str | None, rate: str, month: date
) -> None:
    """A round of '2026' is stored on 1 January: January's rate was 8-11% off the euro's year in 2025."""
    assert table.rate("EUR", on, precision) == (Decimal(rate), month)
    assert table.to_usd(Decimal(3_000_000), "EUR", on, precision).amount_usd == round(
        3_000_000 * Decimal(rate)
    )


def test_a_period_of_which_the_table_has_one_month_takes_that_months_rate() -> None:
    """A custom table with gaps: a round of 2026-Q2 where only May is given is converted at May's rate,
    not at the last month before the quarter."""
    gappy = FxTable({"EUR": [(date(2025, 12, 1), Decimal("1.00")), (date(2026, 5, 1), Decimal("1.30"))]})
    assert gappy.rate("EUR", date(2026, 4, 1), "quarter") == (Decimal("1.30"), date(2026, 5, 1))
    assert gappy.rate("EUR", date(2026, 1, 1), "year") == (Decimal("1.30"), date(2026, 5, 1))
    # a quarter with none of its months given: the month before it, as for a day
    assert gappy.rate("EUR", date(2026, 1, 1), "quarter") == (Decimal("1.00"), date(2025, 12, 1))
