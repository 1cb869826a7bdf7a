"""The one `Definitions` object of dealmap: assets, checks, jobs, schedules and resources. No logic here."""

import warnings

import dagster as dg

from assets.combined import combined_mentions
from assets.deal_investors import deal_investors
from assets.deals import deals_and_sources
from assets.documents import documents
from assets.extracted import extracted_mentions
from assets.investment_map import investment_map
from assets.marts import marts
from assets.metadata import described
from assets.normalized import normalized_mentions
from assets.published import dealmap_duckdb
from assets.source_partitions import SINGLE_RUN
from assets.validated import validated_mentions
from orchestration.jobs import refresh_job, replay_job
from orchestration.resources import default_resources
from orchestration.schedules import daily_refresh
from orchestration.sensors import dead_runs, newsletter_inbox, reference_data_changed, source_partitions

ASSETS = [
    documents,
    extracted_mentions,
    combined_mentions,
    normalized_mentions,
    validated_mentions,
    deals_and_sources,
    deal_investors,
    marts,
    dealmap_duckdb,
    investment_map,
]

# Each asset's page shows its owners, the file that defines it and, for a declared table, its columns with
# their comments before the first run (assets/metadata.py `described`). Code references are a beta API
# whose warning would otherwise print once per asset every time the definitions load.
with warnings.catch_warnings():
    warnings.simplefilter("ignore", dg.BetaWarning)
    described_assets = dg.with_source_code_references(dg.map_asset_specs(described, ASSETS))
# A refresh of every source is one run over the range of source partitions, which `dg launch
# --partition-range` starts without a daemon only when every asset of the job runs a range in one run.
described_assets = [asset.with_attributes(backfill_policy=SINGLE_RUN) for asset in described_assets]

defs = dg.Definitions(
    assets=described_assets,
    jobs=[refresh_job, replay_job],
    schedules=[daily_refresh],
    sensors=[source_partitions, reference_data_changed, newsletter_inbox, dead_runs],
    resources=default_resources(),
    # The combining steps share one DuckDB file and the work per step is small: a fresh Python process per
    # step (the multiprocess default) would cost more than the steps themselves. The per-source steps do
    # not open that file and can run in processes of their own (a backfill of one run per source).
    executor=dg.in_process_executor,
)
