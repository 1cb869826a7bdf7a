"""Asset `deal_investors`: one row per investor in a deal, for BI tools that cannot open list columns."""

import dagster as dg

from assets.metadata import table_metadata
from assets.stage_inputs import after, mark_finished, mark_started, unchanged
from schemas.tables import DEAL_INVESTORS
from warehouse.data_dir import DataDirResource
from warehouse.database import create_table, transaction

STAGE = "deal_investors"

# Positions come from the list itself, so a deal's leads (listed first in deals.investors) rank first.
_BRIDGE = """
insert into deal_investors by name
select deal_id, investor, list_contains(lead_investors, investor) as is_lead, investor_position
from (
    select deal_id, lead_investors, unnest(investors) as investor,
        generate_subscripts(investors, 1) as investor_position
    from deals
)
"""


@dg.asset(
    group_name="resolve",
    deps=["deals"],
    kinds={"duckdb"},
    description=DEAL_INVESTORS.comment,
)
def deal_investors(context: dg.AssetExecutionContext, data_dir: DataDirResource) -> dg.MaterializeResult:
    """deals.investors unnested: one row per (deal, investor), `is_lead` from deals.lead_investors."""
    working = data_dir.working()
    run_id = context.run.run_id
    with working.connect() as connection:
        digest = after(connection, "deals", STAGE)
        skipped = unchanged(connection, STAGE, digest, [STAGE])
        if not skipped:
            mark_started(connection, STAGE, run_id)
            with transaction(connection):
                create_table(connection, STAGE)
                connection.execute(_BRIDGE)
            if digest is not None:
                mark_finished(connection, STAGE, digest, run_id)
        rows, leads = connection.execute(
            "select count(*), count(*) filter (where is_lead) from deal_investors"
        ).fetchone()
    return dg.MaterializeResult(
        metadata={**table_metadata(DEAL_INVESTORS, rows), "unchanged": skipped, "lead_rows": leads}
    )
