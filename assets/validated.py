"""Assets `valid_mentions` and `rejected_deals` (pandera validation with a quarantine), and their checks."""

from collections.abc import Iterator
from datetime import UTC, datetime

import dagster as dg
import pandas as pd

from assets.metadata import markdown_table, table_metadata
from assets.normalized import normalized_mentions
from assets.sources import SourceRegistryResource
from assets.stage_inputs import after, last_run, mark_finished, mark_started, reference_digest, unchanged
from assets.validate.rejection_rates import rejection_rates
from assets.validate.verdicts import VALID_ROWS
from schemas.reference.resource import ReferenceDataResource
from schemas.rules import DEFAULT_MAX_REJECTION_RATE, RECORD_RULES
from schemas.tables import REJECTED_DEALS, VALID_MENTIONS
from warehouse.data_dir import DataDirResource

STAGE = "valid_mentions"
_SAMPLE_COLUMNS = ["source_id", "locator", "company_text", "amount_text", "segment_text", "failed_checks"]


# The checks on the validation run in its own step: a step of their own each cost Dagster more than the
# checks themselves.
VALIDATION_CHECKS = [
    dg.AssetCheckSpec(
        "record_rules",
        asset="valid_mentions",
        description="Rows per validation rule (errors quarantine, warnings flag); fails (WARN) when any row "
        "is quarantined.",
    ),
    dg.AssetCheckSpec(
        "source_rejection_rates",
        asset="valid_mentions",
        blocking=True,
        description="No source has more of its mentions quarantined than its max_rejection_rate "
        f"(default {DEFAULT_MAX_REJECTION_RATE:.0%}): a broken parser must not empty the warehouse.",
    ),
]


@dg.multi_asset(
    group_name="transform",
    specs=[
        dg.AssetSpec("valid_mentions", kinds={"pandera", "duckdb"}, deps=[normalized_mentions],
                     description=VALID_MENTIONS.comment),
        dg.AssetSpec("rejected_deals", kinds={"pandera", "duckdb"}, deps=[normalized_mentions],
                     description=REJECTED_DEALS.comment),
    ],
    check_specs=VALIDATION_CHECKS,
)  # fmt: skip
def validated_mentions(
    context: dg.AssetExecutionContext,
    data_dir: DataDirResource,
    reference_data: ReferenceDataResource,
    sources: SourceRegistryResource,
):
    """Validate every normalized mention against the record rules (`schemas/mention_schema.py`), lazily
    and over the whole table (assets/validate/in_database.py). Passing rows -> valid_mentions, a view of
    normalized_mentions (warn-severity rules listed in `warnings`); failing rows -> rejected_deals with
    `failed_checks` and `reason`; the verdicts of both in mention_verdicts. A schema-level failure
    (missing column, wrong type) fails the step. Then the checks.
    """
    yield from _validated(context, data_dir, reference_data)
    yield _record_rules(data_dir)
    yield _source_rejection_rates(data_dir, sources)


def _validated(
    context: dg.AssetExecutionContext, data_dir: DataDirResource, reference_data: ReferenceDataResource
) -> Iterator[dg.MaterializeResult]:
    working = data_dir.working()
    run_id = context.run.run_id
    with reference_data.in_use() as references, working.connect() as connection:
        # Today's date is an input: a date in the future is quarantined until the day comes. So is the
        # run that wrote normalized_mentions: the verdicts name its rows by rowid, which a rebuild of the
        # same rows (the table dropped, say) may not keep.
        parts = (
            reference_digest(references),
            datetime.now(UTC).date(),
            last_run(connection, "normalized_mentions"),
        )
        digest = after(connection, "normalized_mentions", STAGE, *parts)
        if unchanged(connection, STAGE, digest, ["mention_verdicts", "valid_mentions", "rejected_deals"]):
            valid, rejected = connection.execute(
                f"select (select count(*) from ({VALID_ROWS})), (select count(*) from rejected_deals)"
            ).fetchone()
            yield dg.MaterializeResult(
                asset_key="valid_mentions",
                metadata={**table_metadata(VALID_MENTIONS, valid), "unchanged": True},
            )
            yield dg.MaterializeResult(
                asset_key="rejected_deals",
                metadata={**table_metadata(REJECTED_DEALS, rejected), "unchanged": True},
            )
            return
        # Validation (pandera and the record models) is imported when there is something to validate: an
        # unchanged refresh does without it.
        from assets.validate.in_database import validate_table

        mark_started(connection, STAGE, run_id)
        with reference_data.in_use():  # known segments, rounds and currencies
            valid, rejected = validate_table(connection, run_id, datetime.now(UTC).replace(tzinfo=None))
        with_warnings = connection.execute(
            f"select count(*) from ({VALID_ROWS}) where len(warnings) > 0"
        ).fetchone()[0]
        by_source = dict(
            connection.execute("select source_id, count(*) from rejected_deals group by all").fetchall()
        )
        sample = connection.execute(
            f"select {', '.join(_SAMPLE_COLUMNS)} from rejected_deals order by record_id limit 10"
        ).df()
        if digest is not None:
            mark_finished(connection, STAGE, digest, run_id)
    yield dg.MaterializeResult(
        asset_key="valid_mentions",
        metadata={
            **table_metadata(VALID_MENTIONS, valid),
            "unchanged": False,
            "rows_with_warnings": with_warnings,
        },
    )
    yield dg.MaterializeResult(
        asset_key="rejected_deals",
        metadata={
            **table_metadata(REJECTED_DEALS, rejected),
            "unchanged": False,
            "by_source": {str(k): int(v) for k, v in by_source.items()},
            "sample": dg.MetadataValue.md(markdown_table(sample, _SAMPLE_COLUMNS)),
        },
    )


def _rows_per_rule(data_dir: DataDirResource) -> tuple[pd.DataFrame, pd.DataFrame, int, int]:
    """(rules with their row counts, a sample of quarantined rows, rows valid, rows rejected)."""
    with data_dir.working().connect(read_only=True) as connection:
        broken = dict(
            connection.execute(
                "select rule, count(*) from (select unnest(failed_checks) as rule from rejected_deals) "
                "group by rule"
            ).fetchall()
            # Every mention's warnings, kept or quarantined: the verdicts list them all.
            + connection.execute(
                "select rule, count(*) from (select unnest(warnings) as rule from mention_verdicts) "
                "group by rule"
            ).fetchall()
        )
        sample = connection.execute(
            "select source_id, locator, company_text, amount_text, segment_text, failed_checks, reason "
            "from rejected_deals order by record_id limit 10"
        ).df()
        valid, rejected = connection.execute(
            f"select (select count(*) from ({VALID_ROWS})), (select count(*) from rejected_deals)"
        ).fetchone()
    rules = pd.DataFrame(
        [
            {"rule": name, "severity": str(rule.severity), "rows": int(broken.get(name, 0)),
             "description": rule.description}
            for name, rule in RECORD_RULES.items()
        ]
    )  # fmt: skip
    return rules, sample, valid, rejected


def _record_rules(data_dir: DataDirResource) -> dg.AssetCheckResult:
    rules, sample, valid, rejected = _rows_per_rule(data_dir)
    errors = rules[(rules["severity"] == "error") & (rules["rows"] > 0)]
    warnings = rules[(rules["severity"] == "warn") & (rules["rows"] > 0)]
    return dg.AssetCheckResult(
        asset_key="valid_mentions",
        check_name="record_rules",
        passed=rejected == 0,
        severity=dg.AssetCheckSeverity.WARN,
        metadata={
            "rows_in": valid + rejected,
            "rows_valid": valid,
            "rows_rejected": rejected,
            "rows_per_rule": dict(zip(errors["rule"], errors["rows"].astype(int), strict=True)),
            "rows_per_warning": dict(zip(warnings["rule"], warnings["rows"].astype(int), strict=True)),
            "rules": dg.MetadataValue.md(markdown_table(rules, limit=len(rules))),
            "sample_failures": dg.MetadataValue.md(markdown_table(sample)),
        },
    )


def _source_rejection_rates(
    data_dir: DataDirResource, sources: SourceRegistryResource
) -> dg.AssetCheckResult:
    # Counted in the database: reading a million source ids into frames to count them took a third of a
    # second on every run, unchanged ones too.
    per_source = "select source_id, count(*) from {} where source_id is not null{} group by all order by all"
    # A row that states nothing at all (no company, round, amount, valuation, segment nor date: the empty
    # rows a spreadsheet leaves below its data, when it has a column dealmap does not read) is quarantined,
    # in plain view, but counts toward no rate: it is no deal gone wrong, and four of them must not stop
    # every source's publish.
    # (an export row's snippet is its cells, 'company=; lead_investors=Oak; ...': one value in it, an
    # investor or a note, and the row states something)
    states = (
        "(coalesce(company_text, round_text, amount_text, valuation_text, segment_text, announced_text) "
        "is not null or regexp_matches(coalesce(snippet, ''), '=[^;]') or method <> 'table_row')"
    )
    with data_dir.working().connect(read_only=True) as connection:
        mentions = dict(connection.execute(per_source.format("normalized_values", "")).fetchall())
        rejected = dict(connection.execute(per_source.format("rejected_deals", f" and {states}")).fetchall())
        empty = dict(connection.execute(per_source.format("rejected_deals", f" and not {states}")).fetchall())
        # the rules each source's rows broke, most broken first: what to fix
        broken = connection.execute(
            "select source_id, rule, count(*) as n from (select source_id, unnest(failed_checks) as rule "
            "from rejected_deals where source_id is not null) group by all order by source_id, n desc, rule"
        ).fetchall()
    mentions = {source: count - empty.get(source, 0) for source, count in mentions.items()}
    limits = {s.id: s.max_rejection_rate for s in sources.load() if s.max_rejection_rate is not None}
    rates = rejection_rates(mentions, rejected, limits, DEFAULT_MAX_REJECTION_RATE)
    over = rates[~rates["within_limit"]] if len(rates) else rates
    rules: dict[str, list[str]] = {}
    for source_id, rule, rows in broken:
        rules.setdefault(source_id, []).append(f"{rule} {rows:,}")
    # with what to change: the rate, the rules its rows broke, and the limit its max_rejection_rate sets
    over_limit = [
        f"{row.source_id}: {row.rejected:,} of {row.mentions:,} mentions quarantined ({row.rate:.0%}), over "
        f"its max_rejection_rate of {row.limit:.0%} (rules: {', '.join(rules.get(row.source_id, [])[:3])})"
        for row in over.itertuples()
    ]
    return dg.AssetCheckResult(
        asset_key="valid_mentions",
        check_name="source_rejection_rates",
        passed=over.empty,
        description=(
            "; ".join(over_limit)
            + ". Nothing is published while a source is over its limit: each row's reason is in "
            f"rejected_deals of {data_dir.working_path} (and in the Dagster UI); fix the rows or the "
            "source's options (a bare amount needs the source's currency option), or raise its "
            "max_rejection_rate"
            if over_limit
            else "every source within its max_rejection_rate"
        ),
        metadata={
            "sources_over_limit": "; ".join(over_limit) or "none",
            "rates": dg.MetadataValue.md(markdown_table(rates, limit=len(rates))),
        },
    )
