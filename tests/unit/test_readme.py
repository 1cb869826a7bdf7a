"""The README documents every validation rule and the two set-up commands that CI relies on."""

from __future__ import annotations

from schemas.rules import DEAL_RULES, RECORD_RULES
from tests.conftest import REPO_ROOT

README = (REPO_ROOT / "README.md").read_text(encoding="utf-8")


def test_every_rule_is_documented():
    missing = [name for name in [*RECORD_RULES, *DEAL_RULES] if f"`{name}`" not in README]
    assert missing == []


def test_ci_runs_the_readme_test_command():
    ci = (REPO_ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "python3 tasks.py test" in README
    assert "python3 tasks.py refresh" in README
    assert "\npython3 tasks.py test\n" in ci


def test_readme_table_list_is_the_one_the_declarations_write():
    from schemas.tables.readme import public_tables, readme_block, tables_markdown

    assert readme_block(README) == tables_markdown(public_tables()), (
        "README's table list is stale: paste the output of `python -m schemas.tables.readme`"
    )


def test_every_public_table_is_listed_with_every_column():
    from schemas.tables.readme import public_tables, readme_block

    block = readme_block(README)
    for table in public_tables():
        row = next(line for line in block.splitlines() if line.startswith(f"| `{table.name}` |"))
        assert all(f"`{c.name}`" in row for c in table.columns), table.name
