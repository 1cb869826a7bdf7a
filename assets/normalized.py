"""Asset `normalized_mentions`: mentions with amounts in whole USD and vocabularies resolved."""

import dagster as dg

from assets.combined import combined_mentions
from assets.metadata import preview
from assets.normalize.columnar import create_normalized_mentions, normalize_table
from assets.normalize.mentions import References
from assets.stage_inputs import after, mark_finished, mark_started, reference_digest, unchanged
from schemas.reference.resource import ReferenceDataResource
from schemas.tables import NORMALIZED_VALUES
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
    and joined back, so an export of a million rows costs what its distinct values cost. Only what
    normalisation derives is written (`normalized_values`, keyed by where each mention is in the
    extraction files); `normalized_mentions` is a view adding the mention's text from the extraction.
    """
    working = data_dir.working()
    run_id = context.run.run_id
    with reference_data.in_use() as references, working.connect() as connection:
        digest = after(connection, "extracted_mentions", STAGE, reference_digest(references))
        skipped = unchanged(connection, STAGE, digest, [NORMALIZED_VALUES.name, STAGE])
        if not skipped:
            mark_started(connection, STAGE, run_id)
            with transaction(connection):
                create_table(connection, NORMALIZED_VALUES.name)
                normalize_table(connection, References.of(references))
                create_normalized_mentions(connection)
            if digest is not None:
                mark_finished(connection, STAGE, digest, run_id)
        # Counted in what was written: through the view, each count would join every row to the files.
        rows = connection.execute("select count(*) from normalized_values").fetchone()[0]
        amount_status = dict(
            connection.execute(
                "select amount_status, count(*) from normalized_values group by all order by all"
            ).fetchall()
        )
        segment_basis = dict(
            connection.execute(
                "select segment_basis, count(*) from normalized_values group by all order by all"
            ).fetchall()
        )
        sample = connection.execute(
            f"select {', '.join(_PREVIEW)} from normalized_values order by record_id limit 10"
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
