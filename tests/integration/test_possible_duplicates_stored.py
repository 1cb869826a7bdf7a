"""The possible duplicates are found when the deals are resolved and read again, unchanged, on later runs."""

from __future__ import annotations

from pathlib import Path

from assets.fetching.resource import HttpFetcherResource
from tests.integration.http_fixtures import registry_toml
from tests.integration.pipeline import check_results, run_refresh

EXPORT = (
    "company,round_type,amount,currency,announced_date\n"
    "Kite,Series A,10000000,USD,2026-03-11\n"
    "Kite AI,Series A,10000000,USD,2026-03-13\n"
    "Heron Grid,Seed,4000000,USD,2026-03-02\n"
)


def test_a_pair_found_once_is_reported_on_every_run(tmp_path: Path) -> None:
    (tmp_path / "tracker.csv").write_text(EXPORT, encoding="utf-8")
    (tmp_path / "sources.toml").write_text(
        registry_toml([{"id": "tracker", "kind": "table", "url": "tracker.csv"}]), encoding="utf-8"
    )
    checks = []
    for _ in range(2):
        result = run_refresh(
            tmp_path / "data",
            sources_path=tmp_path / "sources.toml",
            fetcher=HttpFetcherResource(min_host_interval_s=0),
        )
        assert result.success
        deals = [
            e for e in result.get_asset_materialization_events() if e.asset_key.to_user_string() == "deals"
        ]
        checks.append((check_results(result)[("deals", "possible_duplicates")], deals[0]))
    for check, _ in checks:
        assert not check.passed
        assert check.metadata["pairs"].value == 1
        assert "Kite / Kite AI $10,000,000" in check.description
    assert [m.materialization.metadata["unchanged"].value for _, m in checks] == [False, True]
