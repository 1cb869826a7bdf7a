"""Asset `normalized_mentions`: mentions with amounts in whole USD and vocabularies resolved."""

import dagster as dg

from assets.combined import combined_mentions
from assets.metadata import preview
from assets.normalize.columnar import normalize_table
from assets.normalize.mentions import References
from assets.stage_inputs import after, mark_finished, mark_started, reference_digest, unchanged
from schemas.reference.resource import ReferenceDataResource
from warehouse.data_dir import DataDirResource
from warehouse.database import create_table, transaction

STAGE = "normalized_mentions"
_PREVIEW = ["company", "round_type", "amount_usd", "currency", "valuation_usd", "segment", "layer",
            "announced_date"]  # fmt: skip


@dg.asset(group_name="transform", deps=[combined_mentions], kinds={"python", "duckdb"})
def normalized_mentions(
    context: dg.AssetExecutionContext, data_dir: DataDirResource, reference_data: ReferenceDataResource
) -> dg.MaterializeResult:
    """One row per extracted mention: amount and valuation in whole US dollars (FX at the announcement
    month), ISO currency, round-type slug, segment and stack layer from the taxonomy, canonical company
    and investor names, announcement date. Unresolvable values stay visible for validation to name.

    Built in the working database (assets/normalize/columnar.py): each distinct value is normalised once
    and joined back, so an export of a million rows costs what its distinct values cost.
    """
    working = data_dir.working()
    run_id = context.run.run_id
    with reference_data.in_use() as references, working.connect() as connection:
        digest = after(connection, "extracted_mentions", STAGE, reference_digest(references))
        skipped = unchanged(connection, STAGE, digest, [STAGE])
        if not skipped:
            mark_started(connection, STAGE, run_id)
            with transaction(connection):
                create_table(connection, STAGE)
                normalize_table(connection, References.of(references))
            if digest is not None:
                mark_finished(connection, STAGE, digest, run_id)
        rows = connection.execute("select count(*) from normalized_mentions").fetchone()[0]
        amount_status = dict(
            connection.execute(
                "select amount_status, count(*) from normalized_mentions group by all order by all"
            ).fetchall()
        )
        segment_basis = dict(
            connection.execute(
                "select segment_basis, count(*) from normalized_mentions group by all order by all"
            ).fetchall()
        )
        sample = connection.execute(
            f"select {', '.join(_PREVIEW)} from normalized_mentions order by record_id limit 10"
        ).df()
    return dg.MaterializeResult(
        metadata={
            "dagster/row_count": rows,
            "unchanged": skipped,
            "amount_status": {str(k): int(v) for k, v in amount_status.items()},
            "segment_basis": {str(k): int(v) for k, v in segment_basis.items()},
            "preview": preview(sample, _PREVIEW),
        }
    )
