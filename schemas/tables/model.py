"""How a table is declared: its columns (name, DuckDB type, comment, required), its grain and its lifecycle.

A table is declared once, in this package; its DDL and COMMENTs (`warehouse/ddl.py`), the frame columns code
builds, the pandera columns of its model (`schemas.tables.pandera_fields`), its Dagster column schema and the
README's table list are all derived from the declaration, so they cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Column:
    """One column. `type` is the DuckDB type as DuckDB spells it (VARCHAR, BIGINT, VARCHAR[], DATE...)."""

    name: str
    type: str
    comment: str
    required: bool = False
    """NOT NULL."""
    key: bool = False
    """The table's primary key."""

    def but(self, **changes: object) -> Column:
        """The same column with some attributes changed (a table that keeps it nullable, says it otherwise)."""
        return replace(self, **changes)


@dataclass(frozen=True)
class Table:
    """A table of the working database (and, when `public`, of the served file)."""

    name: str
    comment: str
    """The table COMMENT: its grain first ('One row per ...'), then what it is for."""
    columns: tuple[Column, ...]
    history: bool = False
    """Append-only history kept across runs (created once, gains new columns); else rebuilt by its asset."""
    public: bool = False
    """Published in the served file that BI tools read."""
    view: bool = False
    """A view over other working tables rather than rows of its own (its query lives beside the code that
    defines it, `warehouse.database.create_view` gives it the declared comments): readers see the declared
    columns, nothing is written twice."""
    working_view: bool = False
    """Served as a table (declared as one, so `Warehouse.replace` still fills it), but kept in the working
    file as a view over narrower tables (`warehouse.database.create_view` checks it against the
    declaration): publishing copies its rows into the served file once."""

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    @property
    def grain(self) -> str:
        """The first sentence of the comment."""
        return self.comment.split(". ")[0].rstrip(".")
