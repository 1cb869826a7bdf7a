"""The one `Definitions` object of dealmap: assets, checks, jobs, schedules and resources. No logic here."""

import warnings

import dagster as dg

from assets.deal_investors import deal_investors
from assets.deals import deal_checks, deals_and_sources
from assets.documents import documents
from assets.extracted import extracted_mentions
from assets.freshness import source_cadence
from assets.investment_map import investment_map
from assets.marts import mart_assets, mart_checks, reconciliation_check
from assets.metadata import described
from assets.normalized import normalized_mentions
from assets.published import dealmap_duckdb, source_volume
from assets.validated import validated_mentions, validation_checks
from orchestration.jobs import refresh_job, replay_job
from orchestration.resources import default_resources
from orchestration.schedules import daily_refresh
from orchestration.sensors import reference_data_changed

ASSETS = [
    documents,
    extracted_mentions,
    normalized_mentions,
    validated_mentions,
    deals_and_sources,
    deal_investors,
    *mart_assets,
    dealmap_duckdb,
    investment_map,
]

# Each asset's page shows its owners, the file that defines it and, for a declared table, its columns with
# their comments before the first run (assets/metadata.py `described`). Code references are a beta API
# whose warning would otherwise print once per asset every time the definitions load.
with warnings.catch_warnings():
    warnings.simplefilter("ignore", dg.BetaWarning)
    described_assets = dg.with_source_code_references(dg.map_asset_specs(described, ASSETS))

defs = dg.Definitions(
    assets=described_assets,
    asset_checks=[
        *validation_checks,
        *deal_checks,
        reconciliation_check,
        *mart_checks,
        source_volume,
        source_cadence,
    ],
    jobs=[refresh_job, replay_job],
    schedules=[daily_refresh],
    sensors=[reference_data_changed],
    resources=default_resources(),
    # Every step shares one DuckDB file and the work per step is small: a fresh Python process per step
    # (the multiprocess default) would cost more than the steps themselves and contend for the file lock.
    executor=dg.in_process_executor,
)
