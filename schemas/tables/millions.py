"""Chart-ready money: beside each whole-dollar column of a served table, the same amount in millions.

BI tools chart `amount_usd_m` (5.0 for $5,000,000) without a formula; the whole-dollar column stays the
exact one. The served file adds these columns (`warehouse/publish.py`); the working tables do not carry them.
"""

from __future__ import annotations

from dataclasses import replace

from schemas.tables.model import Column, Table

MILLIONS_SUFFIX = "_m"


def is_whole_dollars(name: str, duckdb_type: str) -> bool:
    """An integer column of whole US dollars, by dealmap's naming (`amount_usd`, `amount_usd_total`,
    `amount_usd_median`...)."""
    return duckdb_type.upper() in ("BIGINT", "HUGEINT") and (name.endswith("_usd") or "_usd_" in name)


def in_millions(name: str) -> Column:
    """The millions column of whole-dollar column `name`."""
    return Column(
        f"{name}{MILLIONS_SUFFIX}",
        "DOUBLE",
        f"{name} in millions of US dollars, for charts and reading (5.0 = $5,000,000); {name} holds the "
        "exact whole dollars.",
    )


def served_table(table: Table) -> Table:
    """`table` as the served file holds it: its columns, then a millions column per whole-dollar column."""
    extra = tuple(in_millions(c.name) for c in table.columns if is_whole_dollars(c.name, c.type))
    return replace(table, columns=table.columns + extra)
