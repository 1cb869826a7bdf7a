"""DDL and COMMENTs of a declared table (`schemas.tables`), as DuckDB SQL.

Names and comments come from the declarations in code, never from a source; comments are quoted as SQL
string literals and names as identifiers all the same.
"""

from __future__ import annotations

from schemas.tables import Table


def literal(text: str) -> str:
    """A SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


def identifier(name: str) -> str:
    """A quoted SQL identifier."""
    return '"' + name.replace('"', '""') + '"'


def _column_definition(column, indexed: bool) -> str:
    parts = [identifier(column.name), column.type]
    if column.required:
        parts.append("not null")
    if column.key and indexed:
        parts.append("primary key")
    return " ".join(parts)


def comments_sql(table: Table, qualified_name: str | None = None) -> list[str]:
    """COMMENT statements for the table and its columns (`qualified_name` e.g. `bi.deals` if not the name)."""
    name = qualified_name or identifier(table.name)
    statements = [f"comment on table {name} is {literal(table.comment)}"]
    statements += [
        f"comment on column {name}.{identifier(c.name)} is {literal(c.comment)}" for c in table.columns
    ]
    return statements


def create_sql(table: Table) -> list[str]:
    """Statements that create the table with its comments.

    A history table is created once and gains the columns declared after it was created (a working file
    from an earlier release keeps its rows); a derived table is replaced, empty, every time.

    Only history tables index their key. A derived table is rebuilt whole from rows whose key is unique by
    construction and checked by a rule (`record_id_unique`, the deal rules' unique `deal_id`); an index
    would double the cost of loading a million rows and, on a duplicate, abort the load before the rule
    could quarantine the rows and name it.
    """
    columns = ",\n    ".join(_column_definition(c, indexed=table.history) for c in table.columns)
    if table.history:
        statements = [f"create table if not exists {identifier(table.name)} (\n    {columns}\n)"]
        statements += [
            f"alter table {identifier(table.name)} add column if not exists {identifier(c.name)} {c.type}"
            for c in table.columns
            if not c.key
        ]
    else:
        statements = [f"create or replace table {identifier(table.name)} (\n    {columns}\n)"]
    return statements + comments_sql(table)
