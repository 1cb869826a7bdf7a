"""The README's list of public tables, written from the declarations: `python -m schemas.tables.readme`
prints it, and a test fails when the README's copy (between the `tables:begin` / `tables:end` markers)
differs."""

from __future__ import annotations

from collections.abc import Iterable

from schemas.tables import TABLES
from schemas.tables.marts import MARTS
from schemas.tables.millions import served_table
from schemas.tables.model import Table
from schemas.tables.reference import SERVED_ONLY

BEGIN, END = "<!-- tables:begin (written by python -m schemas.tables.readme) -->", "<!-- tables:end -->"


# What a BI user looks for first; the rest follow in pipeline order.
_FIRST = ("deals", "deal_investors", "deal_sources", "rejected_deals")


def public_tables() -> list[Table]:
    # As the served file holds them: whole-dollar columns are followed by their `*_m` copies in millions.
    copied = [served_table(t) for t in [*(t for t in TABLES.values() if t.public), *MARTS.values()]]
    tables = copied + list(SERVED_ONLY.values())
    return sorted(tables, key=lambda t: _FIRST.index(t.name) if t.name in _FIRST else len(_FIRST))


def tables_markdown(tables: Iterable[Table]) -> str:
    lines = [BEGIN, "| table | grain | columns |", "| --- | --- | --- |"]
    for table in tables:
        columns = ", ".join(f"`{c.name}`" for c in table.columns)
        lines.append(f"| `{table.name}` | {table.grain} | {columns} |")
    lines.append(END)
    return "\n".join(lines)


def readme_block(readme: str) -> str | None:
    """The README's current copy of the block, markers included, or None."""
    if BEGIN not in readme or END not in readme:
        return None
    start = readme.index(BEGIN)
    return readme[start : readme.index(END, start) + len(END)]


if __name__ == "__main__":
    print(tables_markdown(public_tables()))
