"""Jobs: the full refresh, and a replay that reprocesses stored documents without fetching."""

import dagster as dg

refresh_job = dg.define_asset_job(
    "refresh",
    selection=dg.AssetSelection.all(),
    description="Fetch every source, then extract, normalise, validate, resolve, build marts and publish.",
)

replay_job = dg.define_asset_job(
    "replay",
    selection=dg.AssetSelection.all() - dg.AssetSelection.assets("documents"),
    description="Reprocess the stored documents (no fetching): after a taxonomy, alias or rule change.",
)
