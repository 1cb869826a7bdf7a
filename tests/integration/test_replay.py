"""Replay: after a taxonomy edit, a run without fetching moves rows that now pass from quarantine to deals."""

from __future__ import annotations

import shutil
from pathlib import Path

import dagster as dg
import duckdb

from assets.fetching.resource import HttpFetcherResource
from schemas.reference import BUNDLED_DIR, REFERENCE_FILES
from schemas.reference.resource import ReferenceDataResource
from tests.integration.pipeline import check_results, run_refresh

QUANTUM_SEGMENT = """
[segment.quantum]
label = "Quantum"
layer = "non_ai"
aliases = ["quantum sensing", "quantum computing"]
keywords = []
"""


def test_a_new_segment_alias_releases_quarantined_rows_without_fetching(tmp_path: Path):
    reference = tmp_path / "reference"
    reference.mkdir()
    for name in REFERENCE_FILES:
        shutil.copy(BUNDLED_DIR / name, reference / name)
    handed_in = ReferenceDataResource(directory=str(reference))  # not the shipped files
    data_dir = tmp_path / "data"
    fetcher = HttpFetcherResource(min_host_interval_s=0)
    first = run_refresh(data_dir, fetcher=fetcher, reference_data=handed_in)
    assert first.success
    served = data_dir / "dealmap.duckdb"
    with duckdb.connect(str(served), read_only=True) as connection:
        quarantined = connection.execute(
            "select failed_checks from rejected_deals where company_text = 'Quantum Whisper Labs'"
        ).fetchall()
    assert quarantined == [(["segment_known"],)]

    with (reference / "taxonomy.toml").open("a", encoding="utf-8") as taxonomy:
        taxonomy.write(QUANTUM_SEGMENT)
    replay = run_refresh(
        data_dir,
        fetcher=fetcher,
        selection=dg.AssetSelection.all() - dg.AssetSelection.assets("documents"),
        reference_data=handed_in,  # the same resource: the next run reads the edited file
    )
    assert replay.success
    assert check_results(replay)[("deals", "records_reconcile")].passed
    with duckdb.connect(str(served), read_only=True) as connection:
        moved = connection.execute(
            "select segment, layer, amount_usd from deals where company = 'Quantum Whisper Labs'"
        ).fetchall()
        still_rejected = connection.execute(
            "select count(*) from rejected_deals where company_text = 'Quantum Whisper Labs'"
        ).fetchone()[0]
        fetched_by_replay = connection.execute(
            "select count(*) from fetch_log where run_id = (select run_id from refresh_info)"
        ).fetchone()[0]
        remaining = connection.execute("select count(*) from rejected_deals").fetchone()[0]
    assert moved == [("quantum", "non_ai", 12_000_000)]
    assert still_rejected == 0
    assert fetched_by_replay == 0  # stored documents only
    assert remaining == 3  # the other deliberately bad sample rows stay quarantined
