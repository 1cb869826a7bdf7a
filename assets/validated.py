"""Assets `validated_deals` and `rejected_deals`: pandera validation with a quarantine."""

from datetime import UTC, datetime

import dagster as dg
import pandas as pd

from assets.metadata import markdown_table
from assets.normalized import normalized_deals
from assets.sources import SourceRegistryResource
from assets.validate.quarantine import validate_frame
from assets.validate.rejection_rates import rejection_rates
from schemas.records import NormalizedDealSchema
from schemas.reference import check_for_changes
from schemas.rules import DEFAULT_MAX_REJECTION_RATE, RECORD_RULES
from warehouse.data_dir import DataDirResource

RULES_CHECK = "record_rules"
RATE_CHECK = "source_rejection_rates"
_SAMPLE_COLUMNS = ["source_id", "locator", "company_text", "amount_text", "segment_text", "failed_checks"]


@dg.multi_asset(
    group_name="transform",
    specs=[
        dg.AssetSpec(
            "validated_deals",
            kinds={"pandera", "duckdb"},
            deps=[normalized_deals],
            description="Normalized mentions that passed every error-severity validation rule.",
        ),
        dg.AssetSpec(
            "rejected_deals",
            kinds={"pandera", "duckdb"},
            deps=[normalized_deals],
            description="Quarantine: mentions that broke at least one rule, with every rule they broke and "
            "why. Rebuilt each run from stored documents.",
        ),
    ],
    check_specs=[
        dg.AssetCheckSpec(
            RULES_CHECK,
            asset="validated_deals",
            description="Rows per validation rule (errors quarantine, warnings flag); fails (WARN) when "
            "any row is quarantined.",
        ),
        dg.AssetCheckSpec(
            RATE_CHECK,
            asset="validated_deals",
            blocking=True,
            description="No source has more of its mentions quarantined than its max_rejection_rate "
            f"(default {DEFAULT_MAX_REJECTION_RATE:.0%}): a broken parser must not empty the warehouse.",
        ),
    ],
)
def validated_and_rejected_deals(
    context: dg.AssetExecutionContext, sources: SourceRegistryResource, data_dir: DataDirResource
):
    """Validate every normalized mention against `schemas.records.NormalizedDealSchema`, lazily and over
    the whole frame. Passing rows -> validated_deals (warn-severity rules listed in `warnings`); failing
    rows -> rejected_deals with `failed_checks` and `reason`. A schema-level failure (missing column,
    wrong type) fails the step.
    """
    check_for_changes()  # an edited taxonomy or vocabulary applies from this run on
    working = data_dir.working()
    with working.connect() as connection:
        normalized = connection.execute("select * from normalized_deals order by record_id").df()
    result = validate_frame(normalized, NormalizedDealSchema, RECORD_RULES)
    rejected = result.rejected.assign(
        run_id=context.run.run_id, rejected_at=datetime.now(UTC).replace(tzinfo=None)
    )
    with working.connect() as connection:
        working.replace(connection, "validated_deals", result.valid, project=True)
        working.replace(connection, "rejected_deals", rejected, project=True)
    if len(result.valid) + len(rejected) != len(normalized):  # the quarantine must not lose rows
        raise RuntimeError(f"{len(normalized)} rows in, {len(result.valid)} valid + {len(rejected)} rejected")

    limits = {s.id: s.max_rejection_rate for s in sources.load() if s.max_rejection_rate is not None}
    rates = rejection_rates(normalized, rejected, limits, DEFAULT_MAX_REJECTION_RATE)
    over = rates[~rates["within_limit"]] if len(rates) else rates
    rule_rows = pd.DataFrame(
        [
            {
                "rule": name,
                "severity": str(rule.severity),
                "rows": result.rule_counts.get(name, 0) + result.warned.get(name, 0),
                "description": rule.description,
            }
            for name, rule in RECORD_RULES.items()
        ]
    )
    yield dg.MaterializeResult(
        asset_key="validated_deals",
        metadata={
            "dagster/row_count": len(result.valid),
            "rows_with_warnings": int((result.valid["warnings"].map(len) > 0).sum())
            if len(result.valid)
            else 0,
        },
    )
    yield dg.MaterializeResult(
        asset_key="rejected_deals",
        metadata={
            "dagster/row_count": len(rejected),
            "by_source": {str(k): int(v) for k, v in rejected["source_id"].value_counts().items()},
            "sample": dg.MetadataValue.md(markdown_table(rejected, _SAMPLE_COLUMNS)),
        },
    )
    yield dg.AssetCheckResult(
        check_name=RULES_CHECK,
        asset_key="validated_deals",
        passed=len(rejected) == 0,
        severity=dg.AssetCheckSeverity.WARN,
        metadata={
            "rows_in": len(normalized),
            "rows_valid": len(result.valid),
            "rows_rejected": len(rejected),
            "rows_per_rule": {k: int(v) for k, v in sorted(result.rule_counts.items())},
            "rows_per_warning": {k: int(v) for k, v in sorted(result.warned.items())},
            "rules": dg.MetadataValue.md(markdown_table(rule_rows, limit=len(rule_rows))),
            "sample_failures": dg.MetadataValue.md(markdown_table(rejected, [*_SAMPLE_COLUMNS, "reason"])),
        },
    )
    yield dg.AssetCheckResult(
        check_name=RATE_CHECK,
        asset_key="validated_deals",
        passed=over.empty,
        severity=dg.AssetCheckSeverity.ERROR,
        metadata={
            "sources_over_limit": ", ".join(over["source_id"]) or "none",
            "rates": dg.MetadataValue.md(markdown_table(rates, limit=len(rates))),
        },
    )
