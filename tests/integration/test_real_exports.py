"""Real, messy exports from ../shared/data through the whole graph: every row lands or is quarantined."""

from __future__ import annotations

import duckdb
import pytest

from assets.fetching.resource import HttpFetcherResource
from bench.real_exports import INDIA_REGISTRY
from tests.conftest import SHARED_DATA
from tests.integration.pipeline import check_results, run_refresh, summed

INDIA = SHARED_DATA / "indian_startup_funding.csv"
INDIA_ROWS = 3044

pytestmark = pytest.mark.skipif(not INDIA.exists(), reason=f"real data not present at {INDIA}")

# The mapping the Indian export needs, exactly as a user writes it (note the export's 'Date ' header).
REGISTRY = INDIA_REGISTRY.format(url=INDIA.as_uri(), max_rejection_rate=0.5)


@pytest.fixture(scope="module")
def india(tmp_path_factory):
    root = tmp_path_factory.mktemp("india")
    registry = root / "sources.toml"
    registry.write_text(REGISTRY, encoding="utf-8")
    fetcher = HttpFetcherResource(file_roots=[str(SHARED_DATA)], min_host_interval_s=0)
    result = run_refresh(root / "data", sources_path=registry, fetcher=fetcher)
    return result, root / "data"


@pytest.fixture
def working(india):
    _, data_dir = india
    with duckdb.connect(str(data_dir / "work" / "dealmap_work.duckdb"), read_only=True) as connection:
        yield connection


def test_every_row_is_accounted_for(india, working):
    result, _ = india
    assert result.success
    assert check_results(result)[("deals", "records_reconcile")].passed
    counts = working.execute(
        """select (select count(*) from extracted_mentions), (select count(*) from valid_mentions),
                  (select count(*) from rejected_deals), (select count(*) from extraction_errors)"""
    ).fetchone()
    extracted, valid, rejected, unparsed = counts
    assert (extracted, unparsed) == (INDIA_ROWS, 0)
    assert valid + rejected == INDIA_ROWS
    assert rejected < INDIA_ROWS * 0.2  # most rows land; the rest carry a rule and a reason
    empty_reasons = working.execute(
        "select count(*) from rejected_deals where len(failed_checks) = 0 or reason = ''"
    ).fetchone()[0]
    assert empty_reasons == 0


@pytest.mark.parametrize(
    ("locator", "company", "amount_usd", "amount_is_floor", "amount_status"),
    [
        ("row[1]", "BYJU’S", 200_000_000, False, "parsed"),  # Indian grouping 20,00,00,000
        ("row[2]", "Shuttl", 8_048_394, False, "parsed"),
        ("row[4]", "wealthbucket.in", 3_000_000, False, "parsed"),  # a URL where the name belongs
    ],
)
def test_amounts_and_names_are_read_right(
    working, locator, company, amount_usd, amount_is_floor, amount_status
):
    row = working.execute(
        "select company, amount_usd, amount_is_floor, amount_status from normalized_mentions "
        "where locator = ?",
        [locator],
    ).fetchone()
    assert row == (company, amount_usd, amount_is_floor, amount_status)


def test_messy_cells_parse(working):
    floor = working.execute(
        "select amount_usd, amount_is_floor from normalized_mentions where amount_text = '14,342,000+'"
    ).fetchone()
    assert floor == (14_342_000, True)
    escaped = working.execute(
        "select company from normalized_mentions where company_text like 'BYJU%' order by locator"
    ).fetchall()
    assert {name for (name,) in escaped} <= {"BYJU’S", "BYJU'S", "BYJU’s"}  # escape text decoded
    statuses = dict(
        working.execute("select amount_status, count(*) from normalized_mentions group by 1").fetchall()
    )
    assert statuses["undisclosed"] > 900  # 'N/A', 'nan', 'undisclosed', 'unknown'
    assert statuses.get("unparseable", 0) < 10


def test_malformed_dates_are_quarantined_by_name(working):
    rows = working.execute(
        """select announced_text from rejected_deals
           where list_contains(failed_checks, 'announced_date_parseable') order by 1"""
    ).fetchall()
    assert [text for (text,) in rows] == ["01/07/015", "05/072018"]


def test_unknown_segment_labels_are_quarantined_for_an_alias(working):
    unknown = working.execute(
        """select count(*), count(distinct segment_text) from rejected_deals
           where list_contains(failed_checks, 'segment_known')"""
    ).fetchone()
    assert unknown[0] > 0
    assert unknown[0] < INDIA_ROWS * 0.15


def test_a_second_run_reuses_the_parsed_export(india):
    # Same inputs, same result: the other tests in this module read the same tables either way.
    _, data_dir = india
    registry = data_dir.parent / "sources.toml"
    fetcher = HttpFetcherResource(file_roots=[str(SHARED_DATA)], min_host_interval_s=0)
    again = run_refresh(data_dir, sources_path=registry, fetcher=fetcher)
    assert again.success
    assert (
        summed(again, "extracted_mentions", "documents_parsed"),
        summed(again, "extracted_mentions", "documents_reused"),
    ) == (0, 1)
