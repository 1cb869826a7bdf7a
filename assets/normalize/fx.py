"""Currency conversion to whole US dollars from a dated monthly rate table.

The table (`schemas/reference/fx_usd_monthly.csv`, built by `scripts/build_fx_table.py` from the ECB's euro
reference rates) holds one rate per currency and calendar month: US dollars per one unit of currency,
the month's mean. A deal converts at the rate of its announcement month, or the latest earlier month the
table has; the month used is returned so that every converted amount can say which rate it used.
"""

from __future__ import annotations

import bisect
import csv
import io
import re
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation
from pathlib import Path

from schemas.reference import ReferenceDataError, read_reference_text, reference_path
from schemas.reference.reference_data import ReferenceData, current_reference_data

FX_COLUMNS = ("month", "currency", "usd_per_unit")
_ISO_CODE = re.compile(r"[A-Z]{3}")
_MAX_LISTED = 20


@dataclass(frozen=True)
class Conversion:
    amount_usd: int
    """Whole US dollars, rounded half-even."""
    usd_per_unit: Decimal
    rate_month: date | None
    """First day of the month whose rate was used; None for amounts already in USD."""


class FxTable:
    """US dollars per unit of currency, by currency and month."""

    def __init__(self, rates: dict[str, list[tuple[date, Decimal]]]):
        self._months = {code: [m for m, _ in sorted(rows)] for code, rows in rates.items()}
        self._rates = {code: [r for _, r in sorted(rows)] for code, rows in rates.items()}

    @classmethod
    def load(cls, path: Path | None = None) -> FxTable:
        """The table in a CSV file (header `month,currency,usd_per_unit`); every bad row is reported
        at once with its line, as one ReferenceDataError naming the file."""
        path = Path(path or reference_path("fx_usd_monthly.csv"))
        reader = csv.reader(io.StringIO(read_reference_text(path), newline=""))
        header = next(reader, [])
        if tuple(name.strip() for name in header) != FX_COLUMNS:
            raise ReferenceDataError(path, f"line 1: the header must be {','.join(FX_COLUMNS)}, not {header}")
        rates: dict[str, list[tuple[date, Decimal]]] = {}
        seen: set[tuple[str, date]] = set()
        problems = []
        for row in reader:
            if not row:
                continue
            found = _row_rate(row)
            if isinstance(found, str):
                problems.append(f"line {reader.line_num}: {found} (row: {','.join(row)!r})")
                continue
            month, currency, rate = found
            if (currency, month) in seen:
                problems.append(f"line {reader.line_num}: a second rate for {currency} in {month:%Y-%m}")
                continue
            seen.add((currency, month))
            rates.setdefault(currency, []).append((month, rate))
        if not problems and not rates:
            problems.append(
                "no rate at all (only the header): every amount not in USD would be quarantined; give a "
                "monthly rate for each currency of currencies.toml"
            )
        if problems:
            more = len(problems) - _MAX_LISTED
            listed = problems[:_MAX_LISTED] + ([f"... and {more} more bad rows"] if more > 0 else [])
            raise ReferenceDataError(path, listed)
        return cls(rates)

    @property
    def currencies(self) -> frozenset[str]:
        return frozenset(self._rates) | {"USD"}

    def rate(
        self, currency: str, on: date | None, precision: str | None = None
    ) -> tuple[Decimal, date] | None:
        """(USD per unit, month used) for `currency` on `on`; None for a currency the table lacks.

        A date before the table starts uses the first month; a date after it ends (or None) the last. A
        date known only to its quarter or year (`precision`; stored on the period's first day) uses the
        mean of the period's months the table has, to 12 decimal places (the month used is the first of
        them): January's rate for a round of '2025' was 8 to 11% off the year's for the euro.
        """
        months = self._months.get(currency)
        if not months:
            return None
        if on is not None and precision in PERIOD_MONTHS:
            start, end = rate_period(on, precision)
            first, after = bisect.bisect_left(months, start), bisect.bisect_left(months, end)
            if after - first == 1:
                # one month of the period in the table: its rate, not the month before the period's
                return self._rates[currency][first], months[first]
            if after - first > 1:
                rates = self._rates[currency][first:after]
                mean = (sum(rates, Decimal(0)) / len(rates)).quantize(_MEAN_PLACES, rounding=ROUND_HALF_EVEN)
                return mean, months[first]
        # Before the table starts: its first month; after it ends (or no date): its last.
        last = len(months) - 1
        index = last if on is None else max(bisect.bisect_right(months, on.replace(day=1)) - 1, 0)
        return self._rates[currency][index], months[index]

    def to_usd(
        self, value: Decimal, currency: str, on: date | None, precision: str | None = None
    ) -> Conversion | None:
        """Convert `value` units of `currency` to whole US dollars at the rate of `on` (of its quarter or
        year, as `rate` says, for such a `precision`); None when no rate is known."""
        if currency == "USD":
            return Conversion(_whole(value), Decimal(1), None)
        found = self.rate(currency, on, precision)
        if found is None:
            return None
        usd_per_unit, month = found
        return Conversion(_whole(value * usd_per_unit), usd_per_unit, month)


def _row_rate(row: list[str]) -> tuple[date, str, Decimal] | str:
    """(month, currency, USD per unit) of one CSV row, or what is wrong with it."""
    if len(row) != len(FX_COLUMNS):
        return f"{len(row)} fields where {len(FX_COLUMNS)} are expected"
    month_text, currency, rate_text = (cell.strip() for cell in row)
    try:
        month = date.fromisoformat(month_text)
    except ValueError:
        return f"month {month_text!r} is not a date (YYYY-MM-01)"
    if month.day != 1:
        return f"month {month_text!r} is not the first day of a month"
    if not _ISO_CODE.fullmatch(currency):
        return f"currency {currency!r} is not an ISO code of three capital letters"
    try:
        rate = Decimal(rate_text)
    except InvalidOperation:
        rate = None
    if rate is None or not rate.is_finite() or rate <= 0:
        return f"usd_per_unit {rate_text!r} is not a positive number"
    return month, currency, rate


# The months a date of each coarse precision spans (its rate is their mean), and the places that mean is
# kept to.
PERIOD_MONTHS = {"quarter": 3, "year": 12}
_MEAN_PLACES = Decimal("1e-12")


def rate_period(on: date, precision: str | None) -> tuple[date, date]:
    """(first month, the month after the last) whose rate a date of `precision` takes: its quarter or
    year (`PERIOD_MONTHS`), else its month."""
    start = on.replace(day=1)
    later = start.month - 1 + PERIOD_MONTHS.get(precision or "", 1)
    return start, date(start.year + later // 12, later % 12 + 1, 1)


def _whole(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_EVEN))


def default_fx_table(data: ReferenceData | None = None) -> FxTable:
    """The FxTable of `data`, or of the reference data in use."""
    return (data or current_reference_data()).part("fx_usd_monthly.csv", FxTable.load)
