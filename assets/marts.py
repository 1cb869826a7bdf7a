"""Mart assets: one per SQL file in warehouse/marts, each with its blocking SQL checks, built in one step.

The marts are separate assets (each its own table, lineage, checks and freshness) materialised by one
subsettable multi-asset: a Dagster step of its own each cost more than building a mart of a million deals.
"""

from collections.abc import Iterator

import dagster as dg
import duckdb

from assets.metadata import DAILY_REFRESH_FRESHNESS, markdown_table, preview
from assets.stage_inputs import after, mark_finished, mark_started, unchanged
from schemas.rules import MART_RULES
from warehouse.checks import MART_CHECKS, run_check
from warehouse.data_dir import DataDirResource
from warehouse.database import MARTS, Warehouse, mart_macros_sql, mart_sql

SCHEMA_CHECK = "mart_schema"


def _header(name: str) -> str:
    """The mart's SQL header comment (grain, keys, units), shown as the asset description."""
    lines = []
    for line in mart_sql(name).splitlines():
        if not line.startswith("--"):
            break
        lines.append(line.removeprefix("--").strip())
    return "\n".join(lines[1:]) or name


def _check_specs(name: str) -> list[dg.AssetCheckSpec]:
    return [
        dg.AssetCheckSpec(
            SCHEMA_CHECK,
            asset=name,
            blocking=True,
            description="Every row meets the mart's pandera model (schemas/mart_schemas.py).",
        ),
        *(
            dg.AssetCheckSpec(check.name, asset=name, blocking=True, description=check.description)
            for check in MART_CHECKS.get(name, [])
        ),
    ]


@dg.multi_asset(
    name="marts",
    group_name="marts",
    can_subset=True,
    specs=[
        dg.AssetSpec(
            name,
            deps=["deals"],
            kinds={"sql", "duckdb"},
            description=_header(name),
            freshness_policy=DAILY_REFRESH_FRESHNESS,
        )
        for name in MARTS
    ],
    check_specs=[spec for name in MARTS for spec in _check_specs(name)],
)
def marts(context: dg.AssetExecutionContext, data_dir: DataDirResource) -> Iterator[dg.MaterializeResult]:
    """Each selected mart, built from `deals` by its SQL file, validated, and checked."""
    selected = {key.to_user_string() for key in context.selected_asset_keys}
    working = data_dir.working()
    with working.connect() as connection:
        for name in MARTS:
            if name in selected:
                yield _built(working, connection, name, context.run.run_id)


def _built(
    working: Warehouse, connection: duckdb.DuckDBPyConnection, name: str, run_id: str
) -> dg.MaterializeResult:
    # Built from the same deals by the same SQL and code, and every check passed then: the mart and its
    # checks stand as they are.
    digest = after(connection, "deals", name, mart_macros_sql(), mart_sql(name))
    skipped = unchanged(connection, name, digest, [name])
    if not skipped:
        mark_started(connection, name, run_id)
        working.build_mart(connection, name)
    if skipped:  # it passed its pandera model when it was built, and has not changed since
        rows = connection.execute(f"select count(*) from {name}").fetchone()[0]
        head = connection.execute(f"select * from {name} limit 10").df()
        schema_passed, schema_metadata = True, {"unchanged": True}
    else:
        # pandera and the mart models are imported when a mart is built: an unchanged refresh does without.
        from assets.validate.quarantine import validate_frame
        from schemas.mart_schemas import MART_MODELS

        mart = connection.execute(f"select * from {name}").df()
        rows, head = len(mart), mart.head(10)
        result = validate_frame(mart, MART_MODELS[name], MART_RULES)
        schema_passed = result.rejected.empty
        schema_metadata = {
            "rows_per_rule": {k: int(v) for k, v in sorted(result.rule_counts.items())},
            "failures": dg.MetadataValue.md(markdown_table(result.rejected)),
        }
    outcomes = {
        check.name: (True, "unchanged") if skipped else run_check(connection, check)
        for check in MART_CHECKS.get(name, [])
    }
    passed = schema_passed and all(ok for ok, _ in outcomes.values())
    if not skipped and passed and digest is not None:
        mark_finished(connection, name, digest, run_id)
    return dg.MaterializeResult(
        asset_key=name,
        metadata={"dagster/row_count": rows, "unchanged": skipped, "preview": preview(head)},
        check_results=[
            dg.AssetCheckResult(
                asset_key=name, check_name=SCHEMA_CHECK, passed=schema_passed, metadata=schema_metadata
            ),
            *(
                dg.AssetCheckResult(asset_key=name, check_name=check, passed=ok, metadata={"detail": detail})
                for check, (ok, detail) in outcomes.items()
            ),
        ],
    )
