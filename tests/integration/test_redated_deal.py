"""A source corrects a round's date between two refreshes: the served deal keeps its first sighting."""

from __future__ import annotations

from pathlib import Path

from assets.fetching.resource import HttpFetcherResource
from tests.integration.http_fixtures import registry_toml, rows, served_db
from tests.integration.pipeline import run_refresh

HEADER = "company,round_type,amount,currency,announced_date,lead_investors\n"


def _refresh(root: Path, announced: str) -> list[dict]:
    (root / "tracker.csv").write_text(
        HEADER
        + f"Brixel Photonics,Seed,10000000,USD,{announced},Northwind Ventures\n"
        + "Quarrow Labs,Series A,25000000,USD,2026-02-10,Kestrel Partners\n",
        encoding="utf-8",
    )
    result = run_refresh(
        root / "data", sources_path=root / "sources.toml", fetcher=HttpFetcherResource(min_host_interval_s=0)
    )
    assert result.success
    with served_db(root / "data") as served:
        return rows(
            served, "select company, deal_id, announced_date, first_seen_at from deals order by company"
        )


def test_a_corrected_date_keeps_the_deals_first_sighting(tmp_path: Path) -> None:
    """The deal's id hashes its date and changes (README, Resolution); when dealmap first saw it does not, and
    the other deal of the file keeps its id."""
    (tmp_path / "sources.toml").write_text(
        registry_toml([{"id": "tracker", "kind": "table", "url": "tracker.csv"}]), encoding="utf-8"
    )
    before = _refresh(tmp_path, "2026-03-02")
    after = _refresh(tmp_path, "2026-02-27")  # the tracker corrects the seed's date by three days
    assert [d["company"] for d in after] == ["Brixel Photonics", "Quarrow Labs"]
    assert str(after[0]["announced_date"]) == "2026-02-27"
    assert [d["first_seen_at"] for d in after] == [d["first_seen_at"] for d in before]
    assert after[1]["deal_id"] == before[1]["deal_id"]
    # and a third refresh of the corrected file serves the same again
    assert _refresh(tmp_path, "2026-02-27") == after
