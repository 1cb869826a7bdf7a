"""Currency conversion to whole US dollars from a dated monthly rate table.

The table (`schemas/reference/fx_usd_monthly.csv`, built by `scripts/build_fx_table.py` from the ECB's euro
reference rates) holds one rate per currency and calendar month: US dollars per one unit of currency,
the month's mean. A deal converts at the rate of its announcement month, or the latest earlier month the
table has; the month used is returned so that every converted amount can say which rate it used.
"""

from __future__ import annotations

import bisect
import csv
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal
from pathlib import Path

from schemas.reference import load_current, reference_path


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
        path = path or reference_path("fx_usd_monthly.csv")
        rates: dict[str, list[tuple[date, Decimal]]] = {}
        with Path(path).open(newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                month = date.fromisoformat(row["month"])
                rates.setdefault(row["currency"], []).append((month, Decimal(row["usd_per_unit"])))
        return cls(rates)

    @property
    def currencies(self) -> frozenset[str]:
        return frozenset(self._rates) | {"USD"}

    def rate(self, currency: str, on: date | None) -> tuple[Decimal, date] | None:
        """(USD per unit, month used) for `currency` on `on`; None for a currency the table lacks.

        A date before the table starts uses the first month; a date after it ends (or None) the last.
        """
        months = self._months.get(currency)
        if not months:
            return None
        # Before the table starts: its first month; after it ends (or no date): its last.
        last = len(months) - 1
        index = last if on is None else max(bisect.bisect_right(months, on.replace(day=1)) - 1, 0)
        return self._rates[currency][index], months[index]

    def to_usd(self, value: Decimal, currency: str, on: date | None) -> Conversion | None:
        """Convert `value` units of `currency` to whole US dollars; None when no rate is known."""
        if currency == "USD":
            return Conversion(_whole(value), Decimal(1), None)
        found = self.rate(currency, on)
        if found is None:
            return None
        usd_per_unit, month = found
        return Conversion(_whole(value * usd_per_unit), usd_per_unit, month)


def _whole(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_EVEN))


def default_fx_table() -> FxTable:
    return load_current("fx_usd_monthly.csv", FxTable.load)
