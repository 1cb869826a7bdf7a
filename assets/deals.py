"""Assets `deals` and `deal_sources`: one row per real deal, merged across sources, with its evidence."""

import dagster as dg

from assets.metadata import markdown_table, preview
from assets.resolve.merge import resolve_deals
from assets.sources import SourceRegistryResource
from assets.validate.quarantine import validate_frame
from schemas.deals import DealSchema
from schemas.reference import check_for_changes
from schemas.rules import DEAL_RULES
from schemas.taxonomy import UNCLASSIFIED
from warehouse.data_dir import DataDirResource

DEAL_RULES_CHECK = "deal_rules"
CONFLICTS_CHECK = "deal_conflicts"
UNCLASSIFIED_CHECK = "unclassified_share"
MAX_UNCLASSIFIED_SHARE = 0.25


@dg.multi_asset(
    group_name="resolve",
    specs=[
        dg.AssetSpec(
            "deals",
            kinds={"python", "duckdb"},
            deps=["validated_deals"],
            description="One row per real deal, merged across every source that reported it.",
        ),
        dg.AssetSpec(
            "deal_sources",
            kinds={"duckdb"},
            deps=["validated_deals"],
            description="The evidence behind every deal: one row per contributing mention.",
        ),
    ],
    check_specs=[
        dg.AssetCheckSpec(
            DEAL_RULES_CHECK,
            asset="deals",
            blocking=True,
            description="deals meets schemas.deals.DealSchema (unique ids, known "
            "segments, leads within investors...).",
        ),
        dg.AssetCheckSpec(
            CONFLICTS_CHECK,
            asset="deals",
            description="Deals whose sources disagree beyond tolerance (amount, valuation, round), "
            "flagged in deals.conflicts; fails (WARN) when there are any.",
        ),
        dg.AssetCheckSpec(
            UNCLASSIFIED_CHECK,
            asset="deals",
            description="Share of deals in the Unclassified segment; fails (WARN) above "
            f"{MAX_UNCLASSIFIED_SHARE:.0%}.",
        ),
    ],
)
def deals_and_sources(
    context: dg.AssetExecutionContext, sources: SourceRegistryResource, data_dir: DataDirResource
):
    """Resolve validated mentions into deals (assets/resolve/merge.py documents the matching rules and
    the precedence between conflicting facts), then validate the result with `DealSchema`.
    """
    check_for_changes()  # an edited taxonomy or vocabulary applies from this run on
    working = data_dir.working()
    with working.connect() as connection:
        validated = connection.execute("select * from validated_deals order by record_id").df()
    deals, evidence = resolve_deals(validated, source_order=[s.id for s in sources.load()])
    result = validate_frame(deals, DealSchema, DEAL_RULES)
    with working.connect() as connection:
        working.replace(connection, "deals", deals, project=True)
        working.replace(connection, "deal_sources", evidence)
    merged = deals[deals["mention_count"] > 1]
    if deals.empty:  # a state, not an error: the marts will be empty and valid
        context.log.warning(
            f"no deals this run: {len(validated)} mentions passed validation; see fetch_log, "
            "extraction_errors and rejected_deals for why"
        )
    yield dg.MaterializeResult(
        asset_key="deals",
        metadata={
            "dagster/row_count": len(deals),
            "merged_deals": len(merged),
            "deals_with_conflicts": int((deals["conflicts"].map(len) > 0).sum()) if len(deals) else 0,
            "preview": preview(
                deals.sort_values("amount_usd", ascending=False, na_position="last"),
                [
                    "company",
                    "round_type",
                    "amount_usd",
                    "valuation_usd",
                    "segment",
                    "announced_date",
                    "lead_investors",
                    "source_count",
                ],
                limit=15,
            ),
        },
    )
    yield dg.MaterializeResult(asset_key="deal_sources", metadata={"dagster/row_count": len(evidence)})
    yield dg.AssetCheckResult(
        check_name=DEAL_RULES_CHECK,
        asset_key="deals",
        passed=result.rejected.empty,
        metadata={
            "rows_per_rule": {k: int(v) for k, v in sorted(result.rule_counts.items())},
            "failures": dg.MetadataValue.md(
                markdown_table(result.rejected, ["deal_id", "company", "failed_checks", "reason"])
            ),
        },
    )
    conflicted = deals[deals["conflicts"].map(len) > 0] if len(deals) else deals
    yield dg.AssetCheckResult(
        check_name=CONFLICTS_CHECK,
        asset_key="deals",
        passed=conflicted.empty,
        severity=dg.AssetCheckSeverity.WARN,
        metadata={
            "deals_with_conflicts": len(conflicted),
            "sample": dg.MetadataValue.md(
                markdown_table(
                    conflicted, ["company", "round_type", "amount_usd", "conflicts", "source_count"]
                )
            ),
        },
    )
    unclassified = int((deals["segment"] == UNCLASSIFIED).sum()) if len(deals) else 0
    share = unclassified / len(deals) if len(deals) else 0.0
    yield dg.AssetCheckResult(
        check_name=UNCLASSIFIED_CHECK,
        asset_key="deals",
        passed=share <= MAX_UNCLASSIFIED_SHARE,
        severity=dg.AssetCheckSeverity.WARN,
        metadata={"unclassified_deals": unclassified, "share": round(share, 4)},
    )
