"""Asset `normalized_mentions`: mentions with amounts in whole USD and vocabularies resolved."""

import dagster as dg

from assets.extracted import extracted_mentions
from assets.metadata import counts, preview
from assets.normalize.mentions import References, normalize_mentions
from schemas.reference.resource import ReferenceDataResource
from warehouse.data_dir import DataDirResource


@dg.asset(group_name="transform", deps=[extracted_mentions], kinds={"python", "duckdb"})
def normalized_mentions(
    context: dg.AssetExecutionContext, data_dir: DataDirResource, reference_data: ReferenceDataResource
) -> dg.MaterializeResult:
    """One row per extracted mention: amount and valuation in whole US dollars (FX at the announcement
    month), ISO currency, round-type slug, segment and stack layer from the taxonomy, canonical company
    and investor names, announcement date. Unresolvable values stay visible for validation to name.
    """
    working = data_dir.working()
    with working.connect() as connection:
        extracted = connection.execute("select * from extracted_mentions order by record_id").df()
    with reference_data.in_use() as references:
        normalized = normalize_mentions(extracted, References.of(references))
    with working.connect() as connection:
        working.replace(connection, "normalized_mentions", normalized)
    return dg.MaterializeResult(
        metadata={
            "dagster/row_count": len(normalized),
            "amount_status": counts(normalized["amount_status"]) if len(normalized) else {},
            "segment_basis": counts(normalized["segment_basis"]) if len(normalized) else {},
            "preview": preview(
                normalized,
                [
                    "company",
                    "round_type",
                    "amount_usd",
                    "currency",
                    "valuation_usd",
                    "segment",
                    "layer",
                    "announced_date",
                ],
            ),
        }
    )
