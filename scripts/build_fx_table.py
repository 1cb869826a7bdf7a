"""Rebuild `schemas/reference/fx_usd_monthly.csv` from the ECB's euro reference-rate history.

Usage: python scripts/build_fx_table.py PATH_TO_eurofxref-hist.(csv|zip) [--since 2010-01]

The ECB publishes daily rates as "units of currency per 1 EUR" (file `eurofxref-hist.csv`). dealmap needs
"US dollars per 1 unit of currency", one rate per calendar month, so this script averages each month's
daily cross rates (USD/EUR divided by X/EUR). The output is small, reviewable and committed, so a refresh
never depends on the network.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
import zipfile
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

# Currencies that deal reports actually use; extend freely (any ECB column works).
CURRENCIES = [
    "EUR",
    "GBP",
    "JPY",
    "CNY",
    "INR",
    "CHF",
    "CAD",
    "AUD",
    "SEK",
    "KRW",
    "SGD",
    "ILS",
    "HKD",
    "BRL",
    "MXN",
    "NZD",
    "NOK",
    "DKK",
    "PLN",
    "CZK",
    "HUF",
    "RON",
    "ZAR",
    "TRY",
    "IDR",
    "MYR",
    "PHP",
    "THB",
]
OUT = Path(__file__).resolve().parent.parent / "schemas" / "reference" / "fx_usd_monthly.csv"


def read_ecb_history(path: Path) -> list[dict[str, str]]:
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as archive:
            text = archive.read(archive.namelist()[0]).decode("utf-8")
    else:
        text = path.read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def monthly_usd_rates(rows: list[dict[str, str]], since: str) -> dict[tuple[str, str], Decimal]:
    sums: dict[tuple[str, str], list[Decimal]] = defaultdict(list)
    for row in rows:
        month = row["Date"][:7]
        usd_per_eur = row.get("USD", "N/A")
        if month < since or usd_per_eur in ("", "N/A"):
            continue
        for currency in CURRENCIES:
            per_eur = "1" if currency == "EUR" else row.get(currency, "N/A")
            if per_eur in ("", "N/A", None):
                continue
            sums[(month, currency)].append(Decimal(usd_per_eur) / Decimal(per_eur))
    return {key: sum(values) / len(values) for key, values in sums.items()}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("history", type=Path)
    parser.add_argument("--since", default="2010-01")
    args = parser.parse_args(argv)
    rates = monthly_usd_rates(read_ecb_history(args.history), args.since)
    with OUT.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["month", "currency", "usd_per_unit"])
        for (month, currency), rate in sorted(rates.items()):
            writer.writerow([f"{month}-01", currency, f"{rate:.8g}"])
    print(f"wrote {len(rates)} monthly rates to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
