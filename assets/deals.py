"""Assets `deals` and `deal_sources` (one row per real deal, merged across sources, with its evidence),
and the checks on deals."""

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime

import dagster as dg

from assets.metadata import markdown_table, preview, table_metadata
from assets.sources import SourceRegistryResource
from assets.stage_inputs import after, mark_finished, mark_started, reference_digest, unchanged
from schemas.reference.resource import ReferenceDataResource
from schemas.rules import DEAL_RULES
from schemas.tables import DEAL_SOURCES, DEALS
from schemas.tables import POSSIBLE_DUPLICATE_PAIRS as PAIRS
from schemas.taxonomy import UNCLASSIFIED, default_taxonomy
from warehouse.checks import RECONCILIATION, run_check
from warehouse.data_dir import DataDirResource
from warehouse.database import create_table, read_frame

STAGE = "deals"
RULES_CHECK = "deal_rules"
MAX_UNCLASSIFIED_SHARE = 0.25
VALIDATED = "valid_mentions"
_PREVIEW = ["company", "round_type", "amount_usd", "valuation_usd", "segment", "announced_date",
            "lead_investors", "source_count"]  # fmt: skip


# The checks on deals run in the step that builds them: a step of their own each cost Dagster more than
# the checks themselves. Severity WARN ones are reported, never block.
DEAL_CHECKS = [
    dg.AssetCheckSpec(
        RULES_CHECK,
        asset="deals",
        blocking=True,
        description="deals meets schemas.deal_schema.DealSchema (unique ids, known segments, leads within "
        "investors...).",
    ),
    dg.AssetCheckSpec(
        "deal_conflicts",
        asset="deals",
        description="Deals whose sources disagree beyond tolerance (amount, valuation, round), flagged in "
        "deals.conflicts; fails (WARN) when there are any.",
    ),
    dg.AssetCheckSpec(
        "unclassified_share",
        asset="deals",
        description="Share of deals in the Unclassified segment; fails (WARN) above "
        f"{MAX_UNCLASSIFIED_SHARE:.0%}.",
    ),
    dg.AssetCheckSpec(
        "possible_duplicates",
        asset="deals",
        description="Pairs of announced deals of one amount, within a week, whose company names differ only "
        "in spaces, punctuation or a trailing 'AI' or 'Inc' ('Kite' and 'Kite AI'): one round "
        "counted twice, unless they are two companies. Fails (WARN) when there are any; an alias in "
        "schemas/reference/aliases.toml merges them.",
    ),
    dg.AssetCheckSpec(
        RECONCILIATION.name, asset="deals", blocking=True, description=RECONCILIATION.description
    ),
]

# Deals of one amount within a week whose names fold to one key: the same round under two spellings that
# no alias joins ('ZephyrAI' and 'Zephyr AI' merge already; 'Kite' and 'Kite AI' do not, by design: 'AI'
# is no corporate suffix, and two companies may differ by it).
POSSIBLE_DUPLICATES_SQL = r"""
with keyed as (
    select deal_id, company, round_type, amount_usd, announced_date,
        regexp_replace(regexp_replace(lower(company), '[^a-z0-9]', '', 'g'), '(ai|inc)$', '') as name_key
    from deals
    where status = 'announced' and amount_usd is not null
)
select a.company, a.round_type, b.company as other_company, b.round_type as other_round_type, a.amount_usd,
    a.announced_date, b.announced_date as other_announced_date
from keyed a
join keyed b on a.name_key = b.name_key and a.amount_usd = b.amount_usd and a.deal_id < b.deal_id
where coalesce(
    abs(a.announced_date - b.announced_date) <= 7, a.announced_date is null and b.announced_date is null
)
"""
POSSIBLE_DUPLICATES_ORDER = "amount_usd desc, company, other_company"


@dg.multi_asset(
    group_name="resolve",
    specs=[
        dg.AssetSpec("deals", kinds={"python", "duckdb"}, deps=["valid_mentions"], description=DEALS.comment),
        dg.AssetSpec(
            "deal_sources", kinds={"duckdb"}, deps=["valid_mentions"], description=DEAL_SOURCES.comment
        ),
    ],
    check_specs=DEAL_CHECKS,
)
def deals_and_sources(
    context: dg.AssetExecutionContext,
    sources: SourceRegistryResource,
    data_dir: DataDirResource,
    reference_data: ReferenceDataResource,
):
    """Resolve validated mentions into deals (assets/resolve/merge.py documents the matching rules and
    the precedence between conflicting facts; assets/resolve/in_database.py runs them over the table),
    then check them."""
    yield from _resolved(context, sources, data_dir, reference_data)
    # The reconciliation is counted on a second thread while the deal rules are judged on this one:
    # DuckDB lets go of the GIL as it counts, pandas holds it as it judges. Both threads only read until
    # the count is in; what the checks record is written after, here (outside a run, where the working
    # file is not held open, DuckDB refuses a writer beside a reader of the same file in one process).
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="reconcile") as counting:
        counted = counting.submit(_reconciled, data_dir)
        rules, rules_passed = _deal_rules(data_dir, reference_data)
        conflicts, unclassified = _deal_conflicts(data_dir), _unclassified_share(data_dir)
        duplicates = _possible_duplicates(data_dir)
        reconciled, reconciled_passed = counted.result()
    newly_passed = {RULES_CHECK: rules_passed, RECONCILIATION.name: reconciled_passed}
    if any(newly_passed.values()):
        with data_dir.working().connect() as connection:
            for check, digest in newly_passed.items():
                if digest is not None:
                    mark_finished(connection, check, digest, context.run.run_id)
    yield rules
    yield conflicts
    yield unclassified
    yield duplicates
    yield reconciled


def _resolved(
    context: dg.AssetExecutionContext,
    sources: SourceRegistryResource,
    data_dir: DataDirResource,
    reference_data: ReferenceDataResource,
) -> Iterator[dg.MaterializeResult]:
    working = data_dir.working()
    run_id = context.run.run_id
    source_order = [s.id for s in sources.load()]
    with reference_data.in_use() as references, working.connect() as connection:
        digest = after(connection, "valid_mentions", STAGE, reference_digest(references), source_order)
        if unchanged(connection, STAGE, digest, ["deals", "deal_source_rows", "deal_sources", PAIRS.name]):
            # The evidence's rows are counted where they are stored: counting the `deal_sources` view
            # joins every row to its mention and extraction (0.2 s at a million, on every unchanged run).
            # They are as many by construction (resolution checks it; so does the reconciliation).
            deal_rows, evidence_rows = connection.execute(
                "select (select count(*) from deals), (select count(*) from deal_source_rows)"
            ).fetchone()
            yield dg.MaterializeResult(
                asset_key="deals", metadata={**table_metadata(DEALS, deal_rows), "unchanged": True}
            )
            yield dg.MaterializeResult(
                asset_key="deal_sources",
                metadata={**table_metadata(DEAL_SOURCES, evidence_rows), "unchanged": True},
            )
            return
        # Resolution and the deal rules (pandera) are imported when there is work for them: an unchanged
        # refresh does without them.
        from assets.normalize.fx import default_fx_table
        from assets.resolve.in_database import resolve_in_database

        mark_started(connection, STAGE, run_id)
        deal_rows, evidence_rows = resolve_in_database(
            connection,
            default_taxonomy(references),
            source_order,
            datetime.now(UTC).replace(tzinfo=None),
            fx=default_fx_table(references),
        )
        # The possible duplicates' pairs are looked for once per set of deals (0.35 s at a million, the
        # names folded with regular expressions), and read by their check on every run.
        create_table(connection, PAIRS.name)
        connection.execute(f"insert into {PAIRS.name} by name {POSSIBLE_DUPLICATES_SQL}")
        merged = connection.execute("select count(*) from deals where mention_count > 1").fetchone()[0]
        rejected = (
            connection.execute("select count(*) from rejected_deals").fetchone()[0] if not deal_rows else 0
        )
        ranked = connection.execute(
            f"select {', '.join(_PREVIEW)} from deals order by amount_usd desc nulls last, deal_id limit 15"
        ).df()
        if digest is not None:
            mark_finished(connection, STAGE, digest, run_id)
    if deal_rows == 0:  # a state, not an error: the marts will be empty and valid
        why = (
            f"all {rejected} mentions were quarantined (see rejected_deals)"
            if rejected
            else "no source gave a mention (see fetch_log and extraction_errors)"
        )
        context.log.warning(f"no deals this run: {why}")
    yield dg.MaterializeResult(
        asset_key="deals",
        metadata={
            **table_metadata(DEALS, deal_rows),
            "unchanged": False,
            "merged_deals": merged,
            "preview": preview(ranked, _PREVIEW, limit=15),
        },
    )
    yield dg.MaterializeResult(
        asset_key="deal_sources", metadata={**table_metadata(DEAL_SOURCES, evidence_rows), "unchanged": False}
    )


def _deal_rules(
    data_dir: DataDirResource, reference_data: ReferenceDataResource
) -> tuple[dg.AssetCheckResult, str | None]:
    """The deal rules' check, and the digest of the deals to record as having passed them (None: nothing
    to record). Reads only."""
    working = data_dir.working()
    with working.connect(read_only=True) as connection:
        # Deals that passed before and have not changed since (same digest) pass again without a re-read.
        digest = after(connection, "deals", RULES_CHECK)
        if unchanged(connection, RULES_CHECK, digest, ["deals"]):
            result = dg.AssetCheckResult(
                asset_key="deals", check_name=RULES_CHECK, passed=True, metadata={"unchanged": True}
            )
            return result, None
        from assets.validate.quarantine import rejected_directly
        from schemas.deal_schema import DEAL_RULE_COLUMNS, DealSchema

        # Read in storage order: no rule depends on the order of the rows, and sorting a million deal ids
        # cost a second; the few failures are listed by deal id.
        deals = read_frame(connection, f"select {', '.join(DEAL_RULE_COLUMNS)} from deals", arrow_lists=True)
    with reference_data.in_use():  # known segments
        rejected, rule_counts = rejected_directly(deals, DealSchema, DEAL_RULES)
    rejected = rejected.sort_values("deal_id", kind="stable", ignore_index=True)
    result = dg.AssetCheckResult(
        asset_key="deals",
        check_name=RULES_CHECK,
        passed=rejected.empty,
        metadata={
            "unchanged": False,
            "rows_per_rule": {k: int(v) for k, v in sorted(rule_counts.items())},
            "failures": dg.MetadataValue.md(
                markdown_table(rejected, ["deal_id", "company", "failed_checks", "reason"])
            ),
        },
    )
    return result, digest if rejected.empty else None


def _reconciled(data_dir: DataDirResource) -> tuple[dg.AssetCheckResult, str | None]:
    """Nothing lost between extraction and deals, and the digest of the deals to record as reconciled
    (None: nothing to record). Deals that reconciled before and have not changed since (the deals'
    digest covers every stage before them) reconcile again without the count. Reads only."""
    with data_dir.working().connect(read_only=True) as connection:
        digest = after(connection, "deals", RECONCILIATION.name, RECONCILIATION.sql)
        stands = unchanged(connection, RECONCILIATION.name, digest, ["deals"])
        passed, detail = (True, "unchanged") if stands else run_check(connection, RECONCILIATION)
    result = dg.AssetCheckResult(
        asset_key="deals", check_name=RECONCILIATION.name, passed=passed, metadata={"detail": detail}
    )
    return result, digest if passed and not stands else None


def _deal_conflicts(data_dir: DataDirResource) -> dg.AssetCheckResult:
    columns = ["company", "round_type", "amount_usd", "conflicts", "source_count"]
    with data_dir.working().connect(read_only=True) as connection:
        conflicted = connection.execute("select count(*) from deals where len(conflicts) > 0").fetchone()[0]
        sample = connection.execute(
            f"select {', '.join(columns)} from deals where len(conflicts) > 0 order by deal_id limit 10"
        ).df()
    return dg.AssetCheckResult(
        asset_key="deals",
        check_name="deal_conflicts",
        passed=conflicted == 0,
        severity=dg.AssetCheckSeverity.WARN,
        metadata={
            "deals_with_conflicts": conflicted,
            "sample": dg.MetadataValue.md(markdown_table(sample, columns)),
        },
    )


def _possible_duplicates(data_dir: DataDirResource) -> dg.AssetCheckResult:
    with data_dir.working().connect(read_only=True) as connection:
        pairs = read_frame(
            connection,
            f"select {', '.join(PAIRS.names)} from {PAIRS.name} order by {POSSIBLE_DUPLICATES_ORDER}",
        )
    columns = list(pairs.columns)
    return dg.AssetCheckResult(
        asset_key="deals",
        check_name="possible_duplicates",
        passed=pairs.empty,
        severity=dg.AssetCheckSeverity.WARN,
        description=None
        if pairs.empty
        else "; ".join(
            f"{p.company} / {p.other_company} ${p.amount_usd:,}" for p in pairs.head(4).itertuples()
        ),
        metadata={
            "pairs": len(pairs),
            "sample": dg.MetadataValue.md(markdown_table(pairs.head(10), columns)),
        },
    )


def _unclassified_share(data_dir: DataDirResource) -> dg.AssetCheckResult:
    with data_dir.working().connect(read_only=True) as connection:
        unclassified, total = connection.execute(
            "select count(*) filter (where segment = ?), count(*) from deals", [UNCLASSIFIED]
        ).fetchone()
    share = unclassified / total if total else 0.0
    return dg.AssetCheckResult(
        asset_key="deals",
        check_name="unclassified_share",
        passed=share <= MAX_UNCLASSIFIED_SHARE,
        severity=dg.AssetCheckSeverity.WARN,
        metadata={"unclassified_deals": unclassified, "share": round(share, 4)},
    )
