"""The seed documents the project grew from (../shared/seeds), as they are: their deals come out exactly."""

from __future__ import annotations

from datetime import date

import duckdb
import pytest

from assets.fetching.resource import HttpFetcherResource
from tests.conftest import SHARED_SEEDS
from tests.integration.pipeline import run_refresh

ARTICLE = (
    SHARED_SEEDS / "000_ec23fefefc5a4309.txt"
)  # a web page saved as text: its table's cells run together
NEWSLETTER = SHARED_SEEDS / "004_e2d0ee5dafb6d38e.txt"  # Markdown with front matter

pytestmark = pytest.mark.skipif(
    not (ARTICLE.exists() and NEWSLETTER.exists()), reason=f"seed documents not present in {SHARED_SEEDS}"
)

EXPECTED = {
    # company: (round, amount, valuation, valuation is a floor, lead investors, date, sources)
    "Cerebras Systems": ("ipo", 3_500_000_000, 26_600_000_000, False, [], date(2026, 5, 11), 1),
    "ElevenLabs": ("series_d", 500_000_000, 11_000_000_000, False, [], date(2026, 5, 11), 1),
    "Nexthop AI": ("unknown", 500_000_000, None, False, [], date(2026, 5, 11), 1),
    "Runway": ("series_e", 315_000_000, 5_300_000_000, False, [], date(2026, 5, 11), 1),
    "Baseten": ("series_e", 300_000_000, 5_000_000_000, False, [], date(2026, 5, 11), 1),
    "Sierra": ("unknown", 950_000_000, 15_000_000_000, True, [], date(2026, 5, 11), 1),
    "RadixArk": ("seed", 100_000_000, 400_000_000, False, ["Accel", "Spark Capital"], date(2026, 1, 28), 2),
    "Inferact": (
        "seed",
        150_000_000,
        800_000_000,
        False,
        ["Andreessen Horowitz", "Lightspeed Venture Partners"],
        date(2026, 1, 28),
        2,
    ),
}


def test_the_seed_documents_deals_come_out_exactly(tmp_path):
    registry = tmp_path / "sources.toml"
    registry.write_text(
        f"""
[[source]]
id = "seed-article"
kind = "article"
url = "{ARTICLE.as_uri()}"

[[source]]
id = "seed-newsletter"
kind = "newsletter"
url = "{NEWSLETTER.as_uri()}"
""",
        encoding="utf-8",
    )
    fetcher = HttpFetcherResource(file_roots=[str(SHARED_SEEDS)], min_host_interval_s=0)
    result = run_refresh(tmp_path / "data", sources_path=registry, fetcher=fetcher)
    assert result.success
    with duckdb.connect(str(tmp_path / "data" / "dealmap.duckdb"), read_only=True) as served:
        rows = served.execute(
            """select company, round_type, amount_usd, valuation_usd, valuation_is_floor, lead_investors,
                      announced_date, source_count from deals"""
        ).fetchall()
        rejected = served.execute("select count(*) from rejected_deals").fetchone()[0]
    assert {company: tuple(rest) for company, *rest in rows} == EXPECTED
    assert rejected == 0
