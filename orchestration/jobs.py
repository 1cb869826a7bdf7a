"""Jobs: the full refresh, and a replay that reprocesses stored documents without fetching.

`documents` and `extracted_mentions` are partitioned by source, so a run of either job names its
sources: one partition (a source), or the range of every source (`orchestration/source_partitions.py`).
The stages after them are not partitioned and read every source's latest output.
"""

import dagster as dg

refresh_job = dg.define_asset_job(
    "refresh",
    selection=dg.AssetSelection.all(),
    description="Fetch the run's sources (one, or all), extract them, then combine every source's latest "
    "output: normalise, validate, resolve, build marts and publish.",
)

replay_job = dg.define_asset_job(
    "replay",
    selection=dg.AssetSelection.all() - dg.AssetSelection.assets("documents"),
    description="Reprocess the stored documents (no fetching): after a taxonomy, alias or rule change.",
)
